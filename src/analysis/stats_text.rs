//! The readable text form of `backtrack stats`: the same figures as `--json`, in sections,
//! with "not enough data" spelled out rather than left blank.

use std::fmt::Write;

use super::flares::flare_sentence;
use super::stats::{Stats, notable_text, sentences};
use super::words::{count, days, one, signed};
use crate::domain::vocab::URGENT_CARE;

/// Flares listed in the text form; `--json` has them all.
pub const TEXT_FLARES: usize = 5;

fn opt(v: Option<f64>, suffix: &str) -> String {
    v.map_or_else(
        || "not enough data".to_string(),
        |v| format!("{}{suffix}", one(v)),
    )
}

/// The stats as plain text, one fact a line.
pub fn stats_text(st: &Stats) -> String {
    let mut o = String::new();
    if !st.red_flags_today.is_empty() {
        let _ = writeln!(
            o,
            "{URGENT_CARE}\n  Logged today: {}\n",
            st.red_flags_today.join(", ")
        );
    }
    pain_text(&mut o, st);
    flares_and_load_text(&mut o, st);
    associations_text(&mut o, st);
    meds_text(&mut o, st);
    outcomes_text(&mut o, st);
    o
}

/// Pain: the latest, the means, the change against baseline, the trend and leg pain.
fn pain_text(o: &mut String, st: &Stats) {
    let range = st
        .since
        .map_or_else(String::new, |s| format!(", since {s}"));
    let p = &st.pain;
    let _ = writeln!(o, "Pain (as of {}{range})", st.today);
    let _ = writeln!(
        o,
        "  latest {}, 7-day mean {} (a week ago {}), baseline {}",
        p.latest
            .map_or_else(|| "none".to_string(), |v| format!("{v:.0}")),
        opt(p.mean7, ""),
        opt(p.mean7_prev, ""),
        opt(p.baseline, ""),
    );
    if let Some(c) = p.change {
        let dir = if c > 0.0 { "above" } else { "below" };
        let _ = writeln!(
            o,
            "  the 7-day mean is {} points {dir} baseline: a meaningful change",
            one(c.abs())
        );
    }
    let trend = p.trend14_slope.map_or_else(
        || "not enough data".to_string(),
        |v| {
            let r = (v * 100.0).round() / 100.0 + 0.0;
            if r == 0.0 {
                "0.00 points a day".to_string()
            } else {
                format!("{r:+.2} points a day")
            }
        },
    );
    let _ = writeln!(
        o,
        "  14-day trend {trend}; pain-free streak {}; {} logged",
        days(p.pain_free_streak_days as usize),
        days(p.days_logged as usize)
    );
    if let Some(leg) = super::leg::leg_sentence(&st.leg) {
        let _ = writeln!(o, "  {leg}");
    }
}

/// The latest flares, and the training load.
fn flares_and_load_text(o: &mut String, st: &Stats) {
    let _ = writeln!(o, "\nFlares: {}", st.flares.len());
    let skip = st.flares.len().saturating_sub(TEXT_FLARES);
    if skip > 0 {
        let _ = writeln!(o, "  (the latest {TEXT_FLARES}; --json lists all)");
    }
    for f in &st.flares[skip..] {
        let _ = writeln!(o, "  {}", flare_sentence(f, st.today));
    }

    let l = &st.load;
    let _ = writeln!(o, "\nTraining load");
    let _ = writeln!(
        o,
        "  fitness (CTL) {}, fatigue (ATL) {}, form (TSB) {}, ramp {} in 7 days",
        one(l.ctl),
        one(l.atl),
        signed(l.tsb),
        signed(l.ramp)
    );
    let _ = writeln!(
        o,
        "  this week {:.0} TSS in {} h",
        l.week_tss,
        one(l.week_hours)
    );
}

/// The associations, and what happened before and after events.
fn associations_text(o: &mut String, st: &Stats) {
    let _ = writeln!(o, "\nAssociations (facts from your journal, not causes)");
    let head = if st.notable.is_some() {
        "Most notable: "
    } else {
        ""
    };
    let _ = writeln!(o, "  {head}{}", notable_text(st));
    let _ = writeln!(o, "  {}", chance_note(st));
    for s in sentences(st) {
        let _ = writeln!(o, "  {s}");
    }

    if !st.events.is_empty() {
        let _ = writeln!(
            o,
            "\nBefore and after events (each against other days that started from the same pain)"
        );
        for e in &st.events {
            let _ = writeln!(o, "  {}", e.verdict.sentence);
        }
    }
}

/// Today's doses against their max, and the run and day counters.
fn meds_text(o: &mut String, st: &Stats) {
    let m = &st.meds;
    let _ = writeln!(o, "\nMedications");
    for t in &m.today {
        let max = t
            .max_daily
            .map_or_else(String::new, |x| format!(" of max {x} {}", t.unit));
        let _ = writeln!(o, "  today {}: {} {}{max}", t.medication, t.total, t.unit);
    }
    let _ = writeln!(
        o,
        "  opioid days: {} in 7, {} in 30; opioid run {}; NSAID run {}; steroid injections in 12 months: {}",
        m.opioid_days_7,
        m.opioid_days_30,
        days(m.opioid_streak as usize),
        days(m.nsaid_streak as usize),
        m.injections_12m
    );
    for f in &m.flags {
        let _ = writeln!(o, "  ! {f}");
    }
}

/// Rehab, function (PSFS and outcome scores) and the person's own criteria.
fn outcomes_text(o: &mut String, st: &Stats) {
    let _ = writeln!(o, "\nRehab\n  {}", st.rehab.sentence);
    let _ = writeln!(o, "\nFunction\n  {}", st.psfs.sentence);
    for s in &st.scores {
        let _ = writeln!(o, "  {}", super::scores::score_sentence(s));
    }

    let _ = writeln!(o, "\nYour criteria");
    if st.criteria.is_empty() {
        let _ = writeln!(o, "  none set");
    }
    for c in &st.criteria {
        let _ = writeln!(o, "  [{}] {}: {}", c.verdict(), c.label, c.detail);
    }
}

/// How to read the chance words, with how many patterns the run tested (shown under the
/// associations by `stats` and the report).
pub fn chance_note(st: &Stats) -> String {
    format!(
        "({} tested. Each allows for the pain before it; p is how often shuffling whole \
         weeks gives a pattern at least as strong, adjusted for the number tested, and \
         \"unlikely to be chance\" rests on that adjusted p.)",
        count(st.tested, "pattern")
    )
}
