//! Sleep and sitting hours against pain (SPEC §7.3): sleep logged on day d against the next
//! day's pain, sitting against the same day's and the next, each allowing for the pain before
//! (SPEC §7.5, `adjust.rs`); the same day says that either may have steered the other.

use serde::Serialize;

use super::adjust::{Frames, allows, ranked};
use super::chance::{Strength, Verdict, rho_score, strength};
use super::data::{DayIndex, JournalData};
use super::designs::correlation;
use super::factors::{checkins, weekly};
use super::words::{days, two};

/// A day value (sleep or sitting hours) against pain `lag` days later. JSON keys: lag,
/// spearman (plain), partial (allowing for the pain before), n, p, p_holm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HoursAssoc {
    pub lag: u32,
    pub spearman: Option<f64>,
    pub partial: Option<f64>,
    pub n: usize,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Hours logged on day d (from the check-in) against pain on day d + lag. `name` is "sleep" or
/// "sitting".
fn hours_assoc(
    fr: &mut Frames,
    hours: &[Option<f64>],
    lag: u32,
    name: &str,
    min_pairs: usize,
) -> HoursAssoc {
    let k = lag as usize;
    let y = fr.outcome(k).raw.clone();
    let c = correlation(hours, &y);
    let when = if lag == 0 { "same-day" } else { "next-day" };
    let what = format!("{name} lag {lag}");
    let n = c.n;
    let rho = c.rho.map(|r| (r * 100.0).round() / 100.0 + 0.0);
    let untested = |fact: String| HoursAssoc {
        lag,
        spearman: rho,
        partial: None,
        n,
        verdict: Verdict::untested(what.clone(), fact),
    };
    if n < min_pairs {
        return untested(format!(
            "{} and {when} pain: not enough data ({}; needs {min_pairs})",
            capitalise(name),
            days(n)
        ));
    }
    let adj = fr.adjust(k, &ranked(hours));
    if adj.locked {
        return untested(format!(
            "{} and {when} pain ({}): {}",
            capitalise(name),
            days(n),
            weekly(&format!("{name} hours"))
        ));
    }
    let Some(r) = adj.r.filter(|_| rho.is_some()) else {
        return untested(format!(
            "{} and {when} pain: too little varied once the pain before was allowed for ({})",
            capitalise(name),
            days(n)
        ));
    };
    let r = (r * 100.0).round() / 100.0 + 0.0;
    let fact = hours_fact(r, lag, name, n);
    let score = if lag == 0 { None } else { rho_score(r) };
    HoursAssoc {
        lag,
        spearman: rho,
        partial: Some(r),
        n,
        verdict: Verdict::tested(what, fact, score, adj.design),
    }
}

/// The sentence for a partial correlation `r` of `name` hours and pain `lag` days later over
/// `n` days: the same day reads both ways.
fn hours_fact(r: f64, lag: u32, name: &str, n: usize) -> String {
    let dir = if r > 0.0 { "higher" } else { "lower" };
    if lag == 0 {
        let how = match strength(r) {
            Strength::None => format!("about the same whatever the {name}"),
            Strength::Slight => format!("slightly {dir} with more {name}"),
            Strength::Clear => format!("{dir} with more {name}"),
        };
        format!(
            "Same-day pain was {how}, or the other way round: pain can steer the day as well \
             (correlation {}, {}; {})",
            two(r),
            allows(lag as usize),
            days(n)
        )
    } else {
        let how = match strength(r) {
            Strength::None => format!("about the same whatever the {name}"),
            Strength::Slight => format!("slightly {dir} after more {name}"),
            Strength::Clear => format!("{dir} after more {name}"),
        };
        format!(
            "Next-day pain was {how} (correlation {}, {}; {})",
            two(r),
            allows(lag as usize),
            days(n)
        )
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Sleep hours logged on day d (the night after it, as the check-in records it) against pain
/// on day d + 1, allowing for the pain of day d.
pub fn sleep_assoc(
    fr: &mut Frames,
    data: &JournalData,
    ix: &DayIndex,
    from: usize,
    min_pairs: usize,
) -> HoursAssoc {
    let hours: Vec<Option<f64>> = checkins(data, ix, from, fr.len())
        .iter()
        .map(|c| c.and_then(|c| c.sleep_hours))
        .collect();
    hours_assoc(fr, &hours, 1, "sleep", min_pairs)
}

/// Sitting hours logged on day d against pain the same day and the next.
pub fn sitting_assocs(
    fr: &mut Frames,
    data: &JournalData,
    ix: &DayIndex,
    from: usize,
    min_pairs: usize,
) -> Vec<HoursAssoc> {
    let hours: Vec<Option<f64>> = checkins(data, ix, from, fr.len())
        .iter()
        .map(|c| c.and_then(|c| c.sitting_hours))
        .collect();
    (0..=1)
        .map(|lag| hours_assoc(fr, &hours, lag, "sitting", min_pairs))
        .collect()
}
