//! The report's own figures on a hand-made three-week journal whose answers are worked out by
//! hand in the comments, and the rendered document's structure on it.

use chrono::NaiveDate;

use super::Paper;
use super::figures::figures;
use super::notes::notes;
use crate::analysis::JournalData;
use crate::domain::records::*;
use crate::domain::vocab::{ActivityKind, EventKind, MedClass, RedFlag};
use crate::views::report::ReportData;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn checkin(date: &str, pain: u8) -> Checkin {
    Checkin {
        date: d(date),
        pain,
        ..Default::default()
    }
}

fn dose(at: &str, name: &str, class: MedClass, id: i64, amount: f64) -> Dose {
    Dose {
        id: 0,
        uuid: String::new(),
        taken_at: d(at).and_hms_opt(8, 0, 0).unwrap(),
        medication_id: id,
        medication: name.into(),
        class,
        unit: "mg".into(),
        amount,
        pain_before: None,
        note: None,
    }
}

fn med(id: i64, name: &str, class: MedClass, max: f64) -> Medication {
    Medication {
        id,
        uuid: String::new(),
        name: name.into(),
        class,
        unit: "mg".into(),
        usual_dose: 400.0,
        max_daily: Some(max),
        as_needed: true,
        times_a_day: None,
        course_start: None,
        course_end: None,
        note: None,
    }
}

fn ride(date: &str, secs: u32, tss: f64, stopped: bool) -> Activity {
    let mut a = Activity::new(
        ActivityKind::Ride,
        d(date).and_hms_opt(9, 0, 0).unwrap(),
        secs,
    );
    a.tss = Some(tss);
    a.stopped_for_pain = stopped;
    a
}

fn session(date: &str) -> RehabSession {
    RehabSession {
        id: 0,
        uuid: String::new(),
        date: d(date),
        programme_id: Some(1),
        programme: Some("core".into()),
        minutes: Some(20),
        pain_before: None,
        pain_after: None,
        note: None,
        items: vec![],
    }
}

fn event(id: i64, date: &str, kind: EventKind, title: &str, note: Option<&str>) -> Event {
    Event {
        id,
        uuid: String::new(),
        date: d(date),
        kind,
        title: title.into(),
        note: note.map(str::to_string),
    }
}

fn psfs(name: &str, ratings: &[(&str, u8)]) -> PsfsItem {
    PsfsItem {
        id: 0,
        uuid: String::new(),
        name: name.into(),
        ratings: ratings
            .iter()
            .map(|(date, score)| PsfsRating {
                date: d(date),
                score: *score,
            })
            .collect(),
    }
}

/// Weeks of 2025-03-03, -10 and -17 (Mondays); the period is 03-03 to 03-23 unless a test
/// moves its start.
fn journal() -> JournalData {
    let mut j = JournalData::default();
    // Week 1: 2,2,2,2 (mean 2.0). Week 2: 5,6,8,6,5 (mean 6.0). Week 3: 0,0,1 (3 days: no mean).
    for (date, p) in [
        ("2025-03-03", 2),
        ("2025-03-04", 2),
        ("2025-03-05", 2),
        ("2025-03-06", 2),
        ("2025-03-10", 5),
        ("2025-03-11", 6),
        ("2025-03-12", 8),
        ("2025-03-13", 6),
        ("2025-03-14", 5),
        ("2025-03-17", 0),
        ("2025-03-18", 0),
        ("2025-03-19", 1),
    ] {
        j.checkins.push(checkin(date, p));
    }
    // No baseline yet (under 10 check-ins in 28 days), so only pain ≥ 7 is a flare day.
    let c = &mut j.checkins[6];
    c.note = Some("could not sit through the meeting".into());
    c.red_flags = vec![RedFlag::BothLegs];
    j.medications = vec![
        med(1, "ibuprofen", MedClass::Nsaid, 1200.0),
        med(2, "tramadol", MedClass::Opioid, 200.0),
    ];
    // Ibuprofen: 4 doses (1600 mg, over the max) on 03-03, then 1 on 03-04, 03-05 and 03-10.
    for _ in 0..4 {
        j.doses
            .push(dose("2025-03-03", "ibuprofen", MedClass::Nsaid, 1, 400.0));
    }
    for date in ["2025-03-04", "2025-03-05", "2025-03-10"] {
        j.doses
            .push(dose(date, "ibuprofen", MedClass::Nsaid, 1, 400.0));
    }
    // Tramadol on 03-01 (before the period), 03-12 and 03-13.
    for date in ["2025-03-01", "2025-03-12", "2025-03-13"] {
        j.doses
            .push(dose(date, "tramadol", MedClass::Opioid, 2, 50.0));
    }
    j.activities = vec![
        ride("2025-03-04", 3600, 50.0, false),
        ride("2025-03-11", 7200, 120.0, true),
        ride("2025-03-20", 1800, 30.0, false),
    ];
    j.programmes = vec![Programme {
        id: 1,
        uuid: String::new(),
        name: "core".into(),
        active_from: d("2025-01-01"),
        active_to: None,
        target_per_week: 3,
        note: None,
        items: vec![],
    }];
    j.rehab_sessions = ["2025-03-03", "2025-03-05", "2025-03-12"]
        .iter()
        .map(|s| session(s))
        .collect();
    j.events = vec![
        event(
            2,
            "2025-03-14",
            EventKind::Imaging,
            "MRI",
            Some("L4/L5 disc"),
        ),
        event(1, "2025-03-06", EventKind::Physio, "started PT", None),
    ];
    // PSFS: 03-01 (before), 03-05 (first in the period: (4+5)/2 = 4.5), 03-20 ((7+6)/2 = 6.5).
    j.psfs_items = vec![
        psfs(
            "ride 2 h",
            &[("2025-03-01", 3), ("2025-03-05", 4), ("2025-03-20", 7)],
        ),
        psfs("sit at work", &[("2025-03-05", 5), ("2025-03-20", 6)]),
    ];
    j
}

fn report(from: &str) -> ReportData {
    ReportData::new(journal(), d(from), d("2025-03-23"), d("2025-03-24"), None)
}

#[test]
fn pain_weeks_flares_and_psfs() {
    let r = report("2025-03-03");
    let f = figures(&r);
    assert_eq!((f.period.days, f.period.days_logged), (21, 12));
    let worst = f.pain.worst_week.unwrap();
    let best = f.pain.best_week.unwrap();
    assert_eq!(
        (worst.week, worst.mean, worst.days_logged),
        (d("2025-03-10"), 6.0, 5)
    );
    assert_eq!((best.week, best.mean), (d("2025-03-03"), 2.0));
    assert_eq!(f.pain.pain_free_days, 2);
    // (8 + 30 + 1) / 12 = 3.25
    assert_eq!(f.pain.mean, Some(3.3));
    // The first 7-day mean with 4 check-ins is on 03-06 (2.0); 03-17..23 hold 0,0,1: no mean7.
    assert_eq!(
        f.pain.start_mean7.map(|x| (x.date, x.value)),
        Some((d("2025-03-06"), 2.0))
    );
    assert_eq!(f.pain.mean7, r.stats.pain.mean7);
    assert_eq!(
        (f.flares.count, f.flares.longest_days, f.flares.peak),
        (1, Some(1), Some(8))
    );
    let p = &f.psfs;
    assert_eq!(
        p.now.map(|x| (x.date, x.value)),
        Some((d("2025-03-20"), 6.5))
    );
    assert_eq!(
        p.first.map(|x| (x.date, x.value)),
        Some((d("2025-03-05"), 4.5))
    );
    assert_eq!(p.change, Some(2.0));
    assert!(
        p.meaningful,
        "a change of 2 points reaches the minimal important change"
    );
    assert_eq!(p.now.map(|x| x.value), r.stats.psfs.score);
    assert_eq!(f.red_flag_days.len(), 1);
    assert_eq!(f.red_flag_days[0].flags, vec!["both-legs"]);
    let ev: Vec<_> = f.events.iter().map(|e| (e.n, e.title.as_str())).collect();
    assert_eq!(ev, vec![(1, "started PT"), (2, "MRI")]);
}

#[test]
fn medication_and_training() {
    let f = figures(&report("2025-03-03"));
    let m = &f.meds;
    let ibu = &m.medications[0];
    assert_eq!(ibu.medication, "ibuprofen");
    // Days used 03-03, 04, 05, 10 with 4, 1, 1, 1 doses; only 03-03 (1600 mg) is over 1200.
    assert_eq!(
        (
            ibu.days_used,
            ibu.doses,
            ibu.doses_per_day_median,
            ibu.doses_per_day_max,
            ibu.days_over_max
        ),
        (4, 7, 1.0, 4, 1)
    );
    assert_eq!((m.opioid_days, m.longest_nsaid_run), (2, 3));
    let t = &f.training;
    let weeks: Vec<_> = t
        .weeks
        .iter()
        .map(|w| (w.days, w.hours, w.tss, w.rehab_sessions, w.stopped_for_pain))
        .collect();
    assert_eq!(
        weeks,
        vec![
            (7, 1.0, 50.0, 2, 0),
            (7, 2.0, 120.0, 1, 1),
            (7, 0.5, 30.0, 0, 0)
        ]
    );
    assert_eq!((t.hours, t.tss, t.sessions), (3.5, 200.0, 3));
    assert_eq!(t.stopped_for_pain.len(), 1);
    // 3 sessions in 21 days = 1.0 a week against 3.
    assert_eq!(
        (t.rehab_per_week, t.rehab_target_per_week),
        (1.0, Some(3.0))
    );
}

#[test]
fn a_period_starting_midweek_counts_only_its_days() {
    let f = figures(&report("2025-03-06"));
    assert_eq!(f.training.weeks[0].days, 4);
    // 03-03 to 03-05 fall outside: ibuprofen on 03-10 only, a 1-day run.
    let ibu = &f.meds.medications[0];
    assert_eq!((ibu.days_used, ibu.days_over_max), (1, 0));
    assert_eq!(f.meds.longest_nsaid_run, 1);
    // The 03-04 ride and two rehab sessions are outside: rehab 1 in 18 days = 0.39 a week.
    assert_eq!(f.training.weeks[0].hours, 0.0);
    assert_eq!(f.training.rehab_sessions, 1);
    assert_eq!(f.training.rehab_per_week, 0.4);
    // The first PSFS rating day in the period is 03-20, the latest too: no change to show.
    assert!(f.psfs.first.is_none() && f.psfs.change.is_none());
}

#[test]
fn notes_are_in_date_order() {
    let r = report("2025-03-03");
    let f = figures(&r);
    let n: Vec<_> = notes(&r, &f)
        .into_iter()
        .map(|n| (n.date, n.what, n.text))
        .collect();
    assert_eq!(n.len(), 3, "{n:?}");
    assert_eq!(n[0].0, d("2025-03-06"));
    assert_eq!(
        (n[1].0, n[1].2.as_str()),
        (d("2025-03-12"), "could not sit through the meeting")
    );
    assert!(n[1].1.contains("flare day, pain 8"));
    assert_eq!(
        (n[2].1.as_str(), n[2].2.as_str()),
        ("event 2: MRI (imaging)", "L4/L5 disc")
    );
}

#[test]
fn the_document_escapes_entries_and_leaves_out_what_is_empty() {
    let mut j = journal();
    j.events[0].title = "<b>MRI</b> & \"more\"".into();
    let r = ReportData::new(
        j,
        d("2025-03-03"),
        d("2025-03-23"),
        d("2025-03-24"),
        Some("Alex <Doe>".into()),
    );
    let (html, _) = super::build(&r, true, Paper::A4).unwrap();
    assert!(html.contains("Alex &lt;Doe&gt;") && !html.contains("<Doe>"));
    assert!(html.contains("&lt;b&gt;MRI&lt;/b&gt; &amp;"));
    assert!(html.contains("id=\"red-flags\"") && html.contains("id=\"notes\""));
    let quiet = ReportData::new(
        JournalData::default(),
        d("2025-03-03"),
        d("2025-03-23"),
        d("2025-03-24"),
        None,
    );
    let (html, f) = super::build(&quiet, false, Paper::A4).unwrap();
    assert_eq!(f.period.days_logged, 0);
    assert!(!html.contains("id=\"notes\"") && !html.contains("Patient:"));
    // The pertinent negative, and nothing drawn for an empty period.
    assert!(html.contains("Red flags: none logged in the period."));
    assert!(html.contains("No check-ins in the period: no pain to draw."));
    assert!(!html.contains("<svg viewBox=\"0 0 760"));
    assert!(html.contains("No doses logged in the period."));
}

/// Leg pain is drawn on the pain chart (× marks, each two strokes) and keyed in the legend
/// only when the period has it.
#[test]
fn leg_pain_is_drawn_on_the_pain_chart_only_when_logged() {
    let plain = report("2025-03-03");
    let mut j = journal();
    for c in j.checkins.iter_mut().filter(|c| c.date >= d("2025-03-10")) {
        c.leg_pain = Some(c.pain.saturating_add(1).min(10));
    }
    let leg_days = j.checkins.iter().filter(|c| c.leg_pain.is_some()).count();
    let with = ReportData::new(j, d("2025-03-03"), d("2025-03-23"), d("2025-03-24"), None);
    let svg = |r: &ReportData| super::charts::pain_chart(r, &figures(r)).unwrap().unwrap();
    let lines = |s: &str| s.matches("<line").count();
    // Two strokes per × at least, besides the dashed line's own segments.
    assert!(
        lines(&svg(&with)) >= lines(&svg(&plain)) + 2 * leg_days,
        "{} vs {}",
        lines(&svg(&with)),
        lines(&svg(&plain))
    );
    let html = |r: &ReportData| super::build(r, false, Paper::A4).unwrap().0;
    assert!(html(&with).contains(">leg pain</span>"));
    assert!(!html(&plain).contains(">leg pain</span>"));
}
