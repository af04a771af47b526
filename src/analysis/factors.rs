//! The other factors of SPEC §7.3: tags and workdays at lag 0 and 1, sleep against next-day
//! pain, sitting against same-day and next-day pain, and medication classes with/without.
//! Each is shown as logged and judged among days that started from the same pain (SPEC §7.5,
//! `adjust.rs`); same-day ones say that either may have steered the other and are never
//! headlined; one set by the weekday says it cannot be told from the weekly rhythm. Facts with
//! n; the sentences never say "because".

use std::collections::BTreeSet;

use serde::Serialize;

pub use super::hours::{HoursAssoc, sitting_assocs, sleep_assoc};
pub use super::med_days::{MED_CAVEAT, MedAssoc, med_assocs};

use super::adjust::{Frames, allows};
use super::chance::{Verdict, diff_score};
use super::data::{DayIndex, JournalData, round1};
use super::words::one;
use crate::domain::records::Checkin;

/// Mean pain with a tag and without it. JSON keys (SPEC §7.4) and `adjusted`, p, p_holm.
/// `tag` is "workday" for the workday comparison (workdays against days logged as days off).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TagAssoc {
    pub tag: String,
    pub lag: u32,
    pub with_mean: f64,
    pub without_mean: f64,
    pub n_with: usize,
    pub n_without: usize,
    /// The difference among days that started from the same pain (see `adjust.rs`); None
    /// when not tested.
    pub adjusted: Option<f64>,
    #[serde(flatten)]
    pub verdict: Verdict,
}

/// Fewest days with and without a tag before the tag is tested for chance (issue 19, item 5):
/// a tag logged on a handful of days cannot be told from chance anyway, and every tag tested
/// makes the bar higher for all the others. Tags with fewer are shown as facts.
pub const TAG_TEST_MIN: usize = 8;

/// The check-in of each window day of `fr` (window day 0 is `ix` day `from`).
pub(super) fn checkins<'d>(
    data: &'d JournalData,
    ix: &DayIndex,
    from: usize,
    len: usize,
) -> Vec<Option<&'d Checkin>> {
    (0..len)
        .map(|i| {
            ix.checkin
                .get(from + i)
                .copied()
                .flatten()
                .map(|c| &data.checkins[c])
        })
        .collect()
}

/// Mean of `y` over the days where `x` is `v` (both present), with the count.
pub(super) fn group_mean(x: &[Option<f64>], y: &[Option<f64>], v: f64) -> (Option<f64>, usize) {
    let ys: Vec<f64> = (0..x.len())
        .filter(|&i| x[i] == Some(v))
        .filter_map(|i| y.get(i).copied().flatten())
        .collect();
    (super::data::mean(&ys), ys.len())
}

/// The weekly-rhythm sentence for an exposure set by the day of the week (issue 19, item 7).
pub(super) fn weekly(days_word: &str) -> String {
    format!(
        "the {days_word} fall on the same weekdays every week, so this cannot be told apart \
         from the weekly rhythm"
    )
}

/// For lag 0 and 1, over the window of `fr`: the pain on d + lag when day d's check-in
/// carried the tag against when it did not. Tags with at least `min_group` days in each group
/// are shown; those with [`TAG_TEST_MIN`] are tested. Sorted by tag then lag; the workday
/// comparison (from the check-in's flag) comes with them.
pub fn tag_assocs(
    fr: &mut Frames,
    data: &JournalData,
    ix: &DayIndex,
    from: usize,
    min_group: usize,
) -> Vec<TagAssoc> {
    let cs = checkins(data, ix, from, fr.len());
    let mut tags: BTreeSet<&str> = cs
        .iter()
        .flatten()
        .flat_map(|c| c.tags.iter().map(String::as_str))
        .collect();
    tags.remove("workday");
    let mut out = Vec::new();
    for tag in tags.into_iter().chain(["workday"]) {
        let x: Vec<Option<f64>> = cs
            .iter()
            .map(|c| {
                let c = (*c)?;
                let v = if tag == "workday" {
                    c.workday?
                } else {
                    c.tags.iter().any(|t| t == tag)
                };
                Some(f64::from(u8::from(v)))
            })
            .collect();
        for lag in 0..=1u32 {
            if let Some(t) = one_tag(fr, tag, &x, lag, min_group) {
                out.push(t);
            }
        }
    }
    out.sort_by(|a, b| a.tag.cmp(&b.tag).then(a.lag.cmp(&b.lag)));
    out
}

fn one_tag(
    fr: &mut Frames,
    tag: &str,
    x: &[Option<f64>],
    lag: u32,
    min_group: usize,
) -> Option<TagAssoc> {
    let y = fr.outcome(lag as usize).raw.clone();
    let (wm, n_with) = group_mean(x, &y, 1.0);
    let (wom, n_without) = group_mean(x, &y, 0.0);
    let (wm, wom) = (wm?, wom?);
    if n_with < min_group || n_without < min_group {
        return None;
    }
    let work = tag == "workday";
    let (what, seen) = tag_words(tag, lag, wm, wom);
    let counts = format!("{n_with} vs {n_without} days");
    let untested = |fact: String| TagAssoc {
        tag: tag.to_string(),
        lag,
        with_mean: round1(wm),
        without_mean: round1(wom),
        n_with,
        n_without,
        adjusted: None,
        verdict: Verdict::untested(what.clone(), fact),
    };
    if n_with < TAG_TEST_MIN || n_without < TAG_TEST_MIN {
        return Some(untested(format!(
            "{seen} ({counts}); too few days to tell from chance (needs {TAG_TEST_MIN} with and \
             without)"
        )));
    }
    let adj = fr.adjust(lag as usize, x);
    if adj.locked {
        let days_word = if work {
            "workdays".to_string()
        } else {
            format!("days tagged {tag}")
        };
        return Some(untested(format!(
            "{seen} ({counts}); {}",
            weekly(&days_word)
        )));
    }
    let Some(diff) = adj.slope else {
        return Some(untested(format!(
            "{seen} ({counts}); too little varied once the pain before was allowed for"
        )));
    };
    let k = lag as usize;
    let fact = if lag == 0 {
        format!(
            "{seen}, or the other way round: pain can steer the day as well; among days that \
             started from the same pain, {} ({}; {counts})",
            points(diff),
            allows(k)
        )
    } else {
        format!(
            "{seen}; {} among days that started from the same pain ({}; {counts})",
            points(diff),
            allows(k)
        )
    };
    let score = if lag == 0 { None } else { diff_score(diff) };
    let base = untested(String::new());
    Some(TagAssoc {
        adjusted: Some(round1(diff)),
        verdict: Verdict::tested(what, fact, score, adj.design),
        ..base
    })
}

/// The association's key ("tag travel lag 1", "workday lag 0") and what was seen: the mean
/// pain `wm` on (or after) the tagged days against `wom` on (or after) the others.
fn tag_words(tag: &str, lag: u32, wm: f64, wom: f64) -> (String, String) {
    let (a, b) = (one(wm), one(wom));
    let work = tag == "workday";
    let seen = match (work, lag) {
        (true, 0) => format!("On workdays, pain was {a} against {b} on days off"),
        (true, _) => format!("On days after workdays, pain was {a} against {b} after days off"),
        (false, 0) => format!("On days tagged {tag}, pain was {a} against {b} on other days"),
        _ => format!("On days after {tag}, pain was {a} against {b} after other days"),
    };
    let what = if work {
        format!("workday lag {lag}")
    } else {
        format!("tag {tag} lag {lag}")
    };
    (what, seen)
}

/// "1.6 points higher", "0.4 points lower", "about the same".
pub(super) fn points(diff: f64) -> String {
    let r = round1(diff);
    if r.abs() < 0.05 {
        "about the same".to_string()
    } else if r > 0.0 {
        format!("{} points higher", one(r))
    } else {
        format!("{} points lower", one(-r))
    }
}

#[cfg(test)]
#[path = "factors_tests.rs"]
mod tests;
