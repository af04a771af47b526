//! The demo's plot: two back injuries (the second one a disc, with an MRI and an injection),
//! the pain baseline they leave behind, and the medications, rehab, events and PSFS ratings
//! that go with them.

use chrono::{Datelike, Duration, NaiveDate};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use crate::domain::records::*;
use crate::domain::vocab::{EventKind, MedClass};
use crate::repo::bulk::Batch;
use crate::repo::rehab::DEFAULT_EXERCISES;

/// The dates everything else hangs on.
pub struct Plot {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub injury1: NaiveDate,
    pub injury2: Option<NaiveDate>,
}

impl Plot {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Plot {
        let span = (end - start).num_days();
        let injury2 = (span >= 700).then(|| end - Duration::days(280));
        Plot {
            start,
            end,
            injury1: start + Duration::days(10),
            injury2,
        }
    }

    /// Pain the injuries leave behind on day `d`, before any daily effect.
    pub fn baseline(&self, d: NaiveDate) -> f64 {
        let decay = |from: NaiveDate, peak: f64, tau: f64| {
            let t = (d - from).num_days() as f64;
            if t < 0.0 {
                0.0
            } else {
                peak * (-t / tau).exp()
            }
        };
        1.4 + decay(self.injury1, 5.0, 60.0) + self.injury2.map_or(0.0, |i| decay(i, 4.5, 80.0))
    }

    /// The most recent injury on or before `d`.
    pub fn last_injury(&self, d: NaiveDate) -> NaiveDate {
        match self.injury2 {
            Some(i) if i <= d => i,
            _ => self.injury1,
        }
    }
}

pub fn settings(p: &Plot, b: &mut Batch) {
    let mut ftp = 230.0;
    let mut d = p.start;
    while d <= p.end {
        b.dated_settings.push(DatedSetting {
            key: "ftp_w".into(),
            from: d,
            value: ftp,
        });
        ftp += 5.0;
        d += Duration::days(182);
    }
    b.dated_settings.push(DatedSetting {
        key: "lthr_bpm".into(),
        from: p.start,
        value: 165.0,
    });
    b.dated_settings.push(DatedSetting {
        key: "weight_kg".into(),
        from: p.start,
        value: 72.0,
    });
}

fn med(
    name: &str,
    class: MedClass,
    unit: &str,
    dose: f64,
    max: Option<f64>,
    times: Option<u32>,
) -> Medication {
    Medication {
        id: 0,
        uuid: String::new(),
        name: name.into(),
        class,
        unit: unit.into(),
        usual_dose: dose,
        max_daily: max,
        as_needed: times.is_none(),
        times_a_day: times,
        course_start: None,
        course_end: None,
        note: None,
    }
}

pub fn medications(b: &mut Batch) {
    b.medications = vec![
        med(
            "ibuprofen",
            MedClass::Nsaid,
            "mg",
            400.0,
            Some(1200.0),
            None,
        ),
        med(
            "acetaminophen",
            MedClass::Acetaminophen,
            "mg",
            1000.0,
            Some(3000.0),
            None,
        ),
        med("tramadol", MedClass::Opioid, "mg", 50.0, Some(200.0), None),
        med(
            "magnesium",
            MedClass::Other,
            "mg",
            300.0,
            Some(600.0),
            Some(2),
        ),
        med(
            "methylprednisolone injection",
            MedClass::SteroidInjection,
            "mg",
            40.0,
            Some(80.0),
            None,
        ),
    ];
}

fn dose(
    d: NaiveDate,
    hour: u32,
    name: &str,
    class: MedClass,
    unit: &str,
    amount: f64,
    pain: u8,
) -> Dose {
    Dose {
        id: 0,
        uuid: String::new(),
        taken_at: d.and_hms_opt(hour, 15, 0).unwrap_or_default(),
        medication_id: 0,
        medication: name.into(),
        class,
        unit: unit.into(),
        amount,
        pain_before: Some(pain),
        note: None,
    }
}

pub fn meds_for_day(d: NaiveDate, pain: u8, rng: &mut ChaCha8Rng, b: &mut Batch) {
    // Magnesium is scheduled twice a day; now and then a dose is forgotten.
    for hour in [7, 21] {
        if rng.gen_bool(0.93) {
            b.doses.push(dose(
                d,
                hour,
                "magnesium",
                MedClass::Other,
                "mg",
                300.0,
                pain,
            ));
        }
    }
    if pain >= 5 {
        for i in 0..rng.gen_range(1..=3) {
            b.doses.push(dose(
                d,
                8 + 5 * i,
                "ibuprofen",
                MedClass::Nsaid,
                "mg",
                400.0,
                pain,
            ));
        }
    }
    if (3..=6).contains(&pain) && rng.gen_bool(0.5) {
        for i in 0..rng.gen_range(1..=2) {
            b.doses.push(dose(
                d,
                10 + 6 * i,
                "acetaminophen",
                MedClass::Acetaminophen,
                "mg",
                1000.0,
                pain,
            ));
        }
    }
    if pain >= 8 && rng.gen_bool(0.6) {
        b.doses
            .push(dose(d, 22, "tramadol", MedClass::Opioid, "mg", 50.0, pain));
    }
}

pub fn rehab_library(p: &Plot, b: &mut Batch) {
    for (name, kind, sets, reps, hold, per_side) in DEFAULT_EXERCISES {
        b.exercises.push(Exercise {
            id: 0,
            uuid: String::new(),
            name: name.to_string(),
            kind: *kind,
            sets: *sets,
            reps: *reps,
            load_kg: None,
            hold_s: *hold,
            per_side: *per_side,
            cues: None,
        });
    }
    let item = |n: &str, sets, reps, hold| ProgrammeItem {
        exercise_id: 0,
        exercise: n.into(),
        sets,
        reps,
        load_kg: None,
        hold_s: hold,
    };
    let block1 = vec![
        item("bird dog", Some(3), Some(10), None),
        item("dead bug", Some(3), Some(10), None),
        item("glute bridge", Some(3), Some(12), None),
        item("cat-camel", Some(1), Some(10), None),
        item("hip-flexor stretch", Some(2), None, Some(30)),
    ];
    let maintenance = vec![
        item("side plank", Some(3), None, Some(30)),
        item("goblet squat", Some(3), Some(10), None),
        item("deadlift", Some(3), Some(8), None),
        item("hamstring stretch", Some(2), None, Some(30)),
    ];
    let prog = |name: &str, from, to, target, items| Programme {
        id: 0,
        uuid: String::new(),
        name: name.into(),
        active_from: from,
        active_to: to,
        target_per_week: target,
        note: None,
        items,
    };
    let m_from = p.injury1 + Duration::days(120);
    match p.injury2 {
        Some(i2) => {
            b.programmes.push(prog(
                "Physio block 1",
                p.injury1 + Duration::days(14),
                Some(m_from - Duration::days(1)),
                4,
                block1.clone(),
            ));
            b.programmes
                .push(prog("Maintenance", m_from, Some(i2), 3, maintenance));
            b.programmes.push(prog(
                "Physio block 2",
                i2 + Duration::days(10),
                None,
                4,
                block1,
            ));
        }
        None => {
            b.programmes.push(prog(
                "Physio block 1",
                p.injury1 + Duration::days(14),
                Some(m_from - Duration::days(1)),
                4,
                block1,
            ));
            b.programmes
                .push(prog("Maintenance", m_from, None, 3, maintenance));
        }
    }
}

pub fn rehab_for_day(d: NaiveDate, pain: u8, rng: &mut ChaCha8Rng, b: &mut Batch) {
    let Some(prog) = b
        .programmes
        .iter()
        .find(|g| g.active_from <= d && g.active_to.is_none_or(|t| t >= d))
    else {
        return;
    };
    // Adherence drifts month to month: keen in some, patchy in others.
    let month_keen = ((d.year() * 12 + d.month() as i32) as u64).wrapping_mul(2654435761) % 100;
    let p_day = prog.target_per_week as f64 / 7.0 * (0.55 + month_keen as f64 / 220.0);
    if !rng.gen_bool(p_day.clamp(0.0, 1.0)) || pain >= 8 {
        return;
    }
    let after = pain.saturating_sub(rng.gen_range(0..2));
    b.sessions.push(RehabSession {
        id: 0,
        uuid: String::new(),
        date: d,
        programme_id: None,
        programme: Some(prog.name.clone()),
        minutes: Some(rng.gen_range(15..35)),
        pain_before: Some(pain),
        pain_after: Some(after),
        note: None,
        items: prog
            .items
            .iter()
            .map(|i| SessionItem {
                exercise_id: 0,
                exercise: i.exercise.clone(),
                sets: i.sets,
                reps: i.reps,
                load_kg: i.load_kg,
                hold_s: i.hold_s,
            })
            .collect(),
    });
}

fn event(d: NaiveDate, kind: EventKind, title: &str) -> Event {
    Event {
        id: 0,
        uuid: String::new(),
        date: d,
        kind,
        title: title.into(),
        note: None,
    }
}

pub fn events(p: &Plot, rng: &mut ChaCha8Rng, b: &mut Batch) {
    let mut ev = vec![
        event(p.injury1, EventKind::Life, "shoveled snow — back went"),
        event(p.injury1 + Duration::days(3), EventKind::Doctor, "GP visit"),
        event(
            p.injury1 + Duration::days(12),
            EventKind::Physio,
            "started PT",
        ),
    ];
    if let Some(i2) = p.injury2 {
        ev.push(event(
            i2,
            EventKind::Life,
            "lifted the bike rack — sharp pain into left leg",
        ));
        ev.push(event(
            i2 + Duration::days(4),
            EventKind::Doctor,
            "sports physician",
        ));
        ev.push(event(
            i2 + Duration::days(18),
            EventKind::Insurance,
            "MRI pre-authorisation denied",
        ));
        ev.push(event(i2 + Duration::days(26), EventKind::Imaging, "MRI"));
        ev.push(event(
            i2 + Duration::days(40),
            EventKind::Injection,
            "epidural steroid injection",
        ));
        b.doses.push(dose(
            i2 + Duration::days(40),
            11,
            "methylprednisolone injection",
            MedClass::SteroidInjection,
            "mg",
            40.0,
            6,
        ));
        ev.push(event(
            i2 + Duration::days(90),
            EventKind::BikeFit,
            "bike fit",
        ));
    }
    let mut d = p.start + Duration::days(30);
    while d <= p.end {
        let (kind, title) = match rng.gen_range(0..6) {
            0 => (EventKind::Physio, "physio check-up"),
            1 => (EventKind::Equipment, "new saddle"),
            2 => (EventKind::Doctor, "GP follow-up"),
            3 => (EventKind::BikeFit, "bike fit"),
            4 => (EventKind::Life, "moved desks at work"),
            _ => (EventKind::Physio, "physio: progressed programme"),
        };
        ev.push(event(d, kind, title));
        d += Duration::days(rng.gen_range(25..50));
    }
    ev.retain(|e| e.date <= p.end);
    ev.sort_by_key(|e| e.date);
    b.events = ev;
}

pub fn psfs(p: &Plot, b: &mut Batch) {
    let items = [
        "ride 3h with climbing",
        "sit through a workday",
        "lift my kid",
    ];
    let from = p.last_injury(p.end).max(p.end - Duration::days(365));
    let mut d = from + Duration::days(7);
    while d <= p.end {
        for (i, name) in items.iter().enumerate() {
            let score = (10.0 - p.baseline(d) * 1.4 - i as f64)
                .round()
                .clamp(0.0, 10.0) as u8;
            b.psfs.push((name.to_string(), d, score));
        }
        d += Duration::days(10);
    }
}
