//! The other factors of SPEC §7.3: tags and workdays at lag 0 and 1, sleep against next-day
//! pain, sitting against same-day and next-day pain, and medication classes with/without.
//! Facts with n; the sentences never say "because".

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::assoc::first_index;
use super::chance::{Strength, Verdict, diff_score, rho_score, strength};
use super::data::{DayIndex, DaySeries, JournalData, round1};
use super::designs::{comparison, correlation};
use super::words::{days, one, two};
use crate::domain::records::Checkin;
use crate::domain::vocab::MedClass;

/// Mean pain with a tag and without it. JSON keys (SPEC §7.4) and p, p_holm. `tag` is
/// "workday" for the workday comparison (workdays against days logged as days off).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TagAssoc {
    pub tag: String,
    pub lag: u32,
    pub with_mean: f64,
    pub without_mean: f64,
    pub n_with: usize,
    pub n_without: usize,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// The window's days from `since`: their positions in `ix` and the pain `lag` days later.
struct Days<'a> {
    ix: &'a DayIndex,
    from: usize,
    pain: &'a DaySeries<Option<f64>>,
}

impl Days<'_> {
    fn len(&self) -> usize {
        self.ix.len() - self.from.min(self.ix.len())
    }

    fn checkin<'d>(&self, data: &'d JournalData, i: usize) -> Option<&'d Checkin> {
        self.ix.checkin[self.from + i].map(|c| &data.checkins[c])
    }

    /// Pain `lag` days after window day i, None when not logged (or past the end).
    fn pain_after(&self, lag: usize) -> Vec<Option<f64>> {
        (0..self.len())
            .map(|i| self.pain.values.get(self.from + i + lag).copied().flatten())
            .collect()
    }

    /// A value of each window day's check-in.
    fn of_checkin(
        &self,
        data: &JournalData,
        f: impl Fn(&Checkin) -> Option<f64>,
    ) -> Vec<Option<f64>> {
        (0..self.len())
            .map(|i| self.checkin(data, i).and_then(&f))
            .collect()
    }
}

/// For lag 0 and 1: over logged days d (on or after `since`) whose day d + lag is logged, the
/// mean pain on d + lag when d carried the tag against when it did not. Only tags with at least
/// `min_group` days in each group are returned, sorted by tag then lag.
pub fn tag_assocs(
    data: &JournalData,
    ix: &DayIndex,
    pain: &DaySeries<Option<f64>>,
    since: Option<NaiveDate>,
    min_group: usize,
) -> Vec<TagAssoc> {
    let w = Days {
        ix,
        from: first_index(ix.start, since),
        pain,
    };
    let mut tags: BTreeSet<&str> = (0..w.len())
        .filter_map(|i| w.checkin(data, i))
        .flat_map(|c| c.tags.iter().map(String::as_str))
        .collect();
    // The workday comparison comes from the check-in's flag, whatever the tags say.
    tags.remove("workday");
    let mut out = Vec::new();
    for tag in tags.into_iter().chain(["workday"]) {
        let group = |c: &Checkin| -> Option<bool> {
            if tag == "workday" {
                c.workday
            } else {
                Some(c.tags.iter().any(|t| t == tag))
            }
        };
        let labels: Vec<Option<bool>> = (0..w.len())
            .map(|i| w.checkin(data, i).and_then(group))
            .collect();
        let with: Vec<u32> = labels.iter().map(|l| u32::from(*l == Some(true))).collect();
        let without: Vec<u32> = labels
            .iter()
            .map(|l| u32::from(*l == Some(false)))
            .collect();
        for lag in 0..=1u32 {
            let c = comparison(&with, &without, &w.pain_after(lag as usize));
            let (Some(wm), Some(wom)) = (c.mean_a, c.mean_b) else {
                continue;
            };
            if c.n_a < min_group || c.n_b < min_group {
                continue;
            }
            let (n_with, n_without) = (c.n_a, c.n_b);
            let (a, b) = (one(wm), one(wom));
            let fact = match (tag, lag) {
                ("workday", 0) => format!(
                    "On workdays, pain was {a} against {b} on days off ({n_with} vs {n_without} days)"
                ),
                ("workday", _) => format!(
                    "On days after workdays, pain was {a} against {b} after days off \
                     ({n_with} vs {n_without} days)"
                ),
                (_, 0) => format!(
                    "On days tagged {tag}, pain was {a} against {b} on other days \
                     ({n_with} vs {n_without} days)"
                ),
                _ => format!(
                    "On days after {tag}, pain was {a} against {b} after other days \
                     ({n_with} vs {n_without} days)"
                ),
            };
            let what = if tag == "workday" {
                format!("workday lag {lag}")
            } else {
                format!("tag {tag} lag {lag}")
            };
            out.push(TagAssoc {
                tag: tag.to_string(),
                lag,
                with_mean: round1(wm),
                without_mean: round1(wom),
                n_with,
                n_without,
                verdict: Verdict::tested(what, fact, diff_score(wm - wom), c.design),
            });
        }
    }
    out.sort_by(|a, b| a.tag.cmp(&b.tag).then(a.lag.cmp(&b.lag)));
    out
}

/// A day value (sleep or sitting hours) against pain `lag` days later. JSON keys: lag,
/// spearman, n, p, p_holm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HoursAssoc {
    pub lag: u32,
    pub spearman: Option<f64>,
    pub n: usize,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Spearman between hours logged on day d (from the check-in) and pain on day d + lag.
/// `name` is "sleep" or "sitting"; `more` says what more of it is ("more sleep").
fn hours_assoc(
    w: &Days,
    hours: &[Option<f64>],
    lag: u32,
    name: &str,
    min_pairs: usize,
) -> HoursAssoc {
    let c = correlation(hours, &w.pain_after(lag as usize));
    let when = if lag == 0 { "same-day" } else { "next-day" };
    let what = format!("{name} lag {lag}");
    let n = c.n;
    let untested = |fact: String| HoursAssoc {
        lag,
        spearman: None,
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
    let Some(r) = c.rho else {
        return untested(format!(
            "{} and {when} pain: nothing varied ({})",
            capitalise(name),
            days(n)
        ));
    };
    let r = (r * 100.0).round() / 100.0 + 0.0;
    let after = if lag == 0 { "with" } else { "after" };
    let dir = if r > 0.0 { "higher" } else { "lower" };
    let how = match strength(r) {
        Strength::None => format!("about the same whatever the {name}"),
        Strength::Slight => format!("slightly {dir} {after} more {name}"),
        Strength::Clear => format!("{dir} {after} more {name}"),
    };
    let day = if lag == 0 { "Same-day" } else { "Next-day" };
    HoursAssoc {
        lag,
        spearman: Some(r),
        n,
        verdict: Verdict::tested(
            what,
            format!(
                "{day} pain was {how} (rank correlation {}, {})",
                two(r),
                days(n)
            ),
            rho_score(r),
            c.design,
        ),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Sleep hours logged on day d against pain on day d + 1.
pub fn sleep_assoc(
    data: &JournalData,
    ix: &DayIndex,
    pain: &DaySeries<Option<f64>>,
    since: Option<NaiveDate>,
    min_pairs: usize,
) -> HoursAssoc {
    let w = Days {
        ix,
        from: first_index(ix.start, since),
        pain,
    };
    let hours = w.of_checkin(data, |c| c.sleep_hours);
    hours_assoc(&w, &hours, 1, "sleep", min_pairs)
}

/// Sitting hours logged on day d against pain the same day and the next.
pub fn sitting_assocs(
    data: &JournalData,
    ix: &DayIndex,
    pain: &DaySeries<Option<f64>>,
    since: Option<NaiveDate>,
    min_pairs: usize,
) -> Vec<HoursAssoc> {
    let w = Days {
        ix,
        from: first_index(ix.start, since),
        pain,
    };
    let hours = w.of_checkin(data, |c| c.sitting_hours);
    (0..=1)
        .map(|lag| hours_assoc(&w, &hours, lag, "sitting", min_pairs))
        .collect()
}

/// Mean pain on logged days with a dose of a class against logged days without. JSON keys:
/// class, with_mean, without_mean, n_with, n_without, p, p_holm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MedAssoc {
    pub class: String,
    pub with_mean: f64,
    pub without_mean: f64,
    pub n_with: usize,
    pub n_without: usize,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Why a medication comparison is no measure of the medicine (confounding by indication).
pub const MED_CAVEAT: &str =
    "Doses tend to be taken on worse days, so a difference here is not the medicine's effect.";

pub fn med_assocs(
    data: &JournalData,
    ix: &DayIndex,
    pain: &DaySeries<Option<f64>>,
    since: Option<NaiveDate>,
    min_group: usize,
) -> Vec<MedAssoc> {
    let w = Days {
        ix,
        from: first_index(ix.start, since),
        pain,
    };
    let classes: BTreeSet<MedClass> = (0..w.len())
        .flat_map(|i| ix.doses[w.from + i].iter().map(|&k| data.doses[k].class))
        .collect();
    let today = w.pain_after(0);
    let mut out = Vec::new();
    for class in classes {
        let with: Vec<u32> = (0..w.len())
            .map(|i| {
                u32::from(
                    ix.doses[w.from + i]
                        .iter()
                        .any(|&k| data.doses[k].class == class),
                )
            })
            .collect();
        let without: Vec<u32> = with.iter().map(|x| 1 - x).collect();
        let c = comparison(&with, &without, &today);
        let (Some(wm), Some(wom)) = (c.mean_a, c.mean_b) else {
            continue;
        };
        if c.n_a < min_group || c.n_b < min_group {
            continue;
        }
        let fact = format!(
            "On days with any {class} dose, pain was {} against {} on days without ({} vs {} days)",
            one(wm),
            one(wom),
            c.n_a,
            c.n_b
        );
        let mut verdict = Verdict::tested(format!("medication {class}"), fact, None, c.design);
        verdict.caveat = Some(MED_CAVEAT.to_string());
        out.push(MedAssoc {
            class: class.as_str().to_string(),
            with_mean: round1(wm),
            without_mean: round1(wom),
            n_with: c.n_a,
            n_without: c.n_b,
            verdict,
        });
    }
    out
}

#[cfg(test)]
#[path = "factors_tests.rs"]
mod tests;
