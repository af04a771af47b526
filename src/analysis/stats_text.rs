//! The readable text form of `backtrack stats`: the same figures as `--json`, in sections,
//! with "not enough data" spelled out rather than left blank.

use crate::domain::text::plural;
use std::fmt::Write;

use super::flares::flare_sentence;
use super::pain::meaningful_change;
use super::stats::{Stats, most_notable, sentences};
use crate::domain::vocab::URGENT_CARE;

/// Flares listed in the text form; `--json` has them all.
pub const TEXT_FLARES: usize = 5;

fn opt(v: Option<f64>, suffix: &str) -> String {
    v.map_or_else(
        || "not enough data".to_string(),
        |v| format!("{v:.1}{suffix}"),
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
    if let (Some(m), Some(b)) = (p.mean7, p.baseline)
        && meaningful_change(b, m)
    {
        let dir = if m > b { "above" } else { "below" };
        let _ = writeln!(
            o,
            "  the 7-day mean is {:.1} points {dir} baseline: a meaningful change",
            (m - b).abs()
        );
    }
    let trend = p.trend14_slope.map_or_else(
        || "not enough data".to_string(),
        |v| format!("{v:+.2} points a day"),
    );
    let _ = writeln!(
        o,
        "  14-day trend {trend}; pain-free streak {}; {} logged",
        plural(p.pain_free_streak_days, "day", "days"),
        plural(p.days_logged, "day", "days")
    );

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
        "  fitness (CTL) {:.1}, fatigue (ATL) {:.1}, form (TSB) {:+.1}, ramp {:+.1} in 7 days",
        l.ctl, l.atl, l.tsb, l.ramp
    );
    let _ = writeln!(
        o,
        "  this week {:.0} TSS in {:.1} h",
        l.week_tss, l.week_hours
    );

    let _ = writeln!(o, "\nAssociations (facts from your journal, not causes)");
    if let Some(n) = most_notable(st) {
        let _ = writeln!(o, "  Most notable: {n}");
    }
    for s in sentences(st) {
        let _ = writeln!(o, "  {s}");
    }

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
        plural(m.opioid_streak, "day", "days"),
        plural(m.nsaid_streak, "day", "days"),
        m.injections_12m
    );
    for f in &m.flags {
        let _ = writeln!(o, "  ! {f}");
    }

    let _ = writeln!(o, "\nRehab\n  {}", st.rehab.sentence);
    let _ = writeln!(o, "\nFunction\n  {}", st.psfs.sentence);

    let _ = writeln!(o, "\nYour criteria");
    if st.criteria.is_empty() {
        let _ = writeln!(o, "  none set");
    }
    for c in &st.criteria {
        let mark = if c.met { "met    " } else { "not met" };
        let _ = writeln!(o, "  [{mark}] {}: {}", c.label, c.detail);
    }
    o
}
