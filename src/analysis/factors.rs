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
use super::words::{one, two};
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
            "{} and {when} pain: not enough data ({n} days; needs {min_pairs})",
            capitalise(name)
        ));
    }
    let Some(r) = c.rho else {
        return untested(format!(
            "{} and {when} pain: nothing varied ({n} days)",
            capitalise(name)
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
            format!("{day} pain was {how} (Spearman {}, {n} days)", two(r)),
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
mod tests {
    use super::*;
    use crate::analysis::pain::pain_series;
    use crate::domain::records::{Checkin, Dose};
    use chrono::Duration;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Days 1–8 of Jan 2024, pain 2, 6, 3, 7, 2, 6, 3, 2; days 2, 4, 6 tagged shoveling and
    /// with an NSAID; days 1–5 workdays, 6–8 days off.
    fn fixture() -> (JournalData, DayIndex, DaySeries<Option<f64>>) {
        let mut data = JournalData::default();
        for (k, p) in [2u8, 6, 3, 7, 2, 6, 3, 2].into_iter().enumerate() {
            let date = d("2024-01-01") + Duration::days(k as i64);
            let shovel = k % 2 == 1 && k < 6;
            data.checkins.push(Checkin {
                date,
                pain: p,
                tags: if shovel {
                    vec!["shoveling".into()]
                } else {
                    vec![]
                },
                workday: Some(k < 5),
                sleep_hours: None,
                ..Default::default()
            });
            if shovel {
                for _ in 0..2 {
                    data.doses.push(Dose {
                        id: 0,
                        uuid: String::new(),
                        taken_at: date.and_hms_opt(8, 0, 0).unwrap(),
                        medication_id: 1,
                        medication: "ibuprofen".into(),
                        class: MedClass::Nsaid,
                        unit: "mg".into(),
                        amount: 400.0,
                        pain_before: None,
                        note: None,
                    });
                }
            }
        }
        let ix = DayIndex::new(&data, d("2024-01-08"));
        let pain = pain_series(&data.checkins, ix.start, ix.end);
        (data, ix, pain)
    }

    #[test]
    fn tags_and_workday_at_lag_0_and_1() {
        let (data, ix, pain) = fixture();
        let t = tag_assocs(&data, &ix, &pain, None, 3);
        let got: Vec<_> = t
            .iter()
            .map(|a| {
                (
                    a.tag.as_str(),
                    a.lag,
                    a.with_mean,
                    a.without_mean,
                    a.n_with,
                    a.n_without,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                // 6, 7, 6 → 6.3 against 2, 3, 2, 3, 2 → 2.4.
                ("shoveling", 0, 6.3, 2.4, 3, 5),
                // Next days 3, 2, 3 → 2.7 against 6, 7, 6, 2 → 5.25 → 5.3.
                ("shoveling", 1, 2.7, 5.3, 3, 4),
                // Workdays 2, 6, 3, 7, 2 → 4.0 against 6, 3, 2 → 3.7. Lag 1 has 2 days off: left out.
                ("workday", 0, 4.0, 3.7, 5, 3),
            ]
        );
        assert_eq!(
            t[0].verdict.fact,
            "On days tagged shoveling, pain was 6.3 against 2.4 on other days (3 vs 5 days)"
        );
        assert_eq!(
            t[1].verdict.fact,
            "On days after shoveling, pain was 2.7 against 5.3 after other days (3 vs 4 days)"
        );
        // Needing 4 per group: 3 shoveling days and 3 days off are too few.
        assert!(tag_assocs(&data, &ix, &pain, None, 4).is_empty());
    }

    #[test]
    fn medication_class_with_and_without() {
        let (data, ix, pain) = fixture();
        let m = med_assocs(&data, &ix, &pain, None, 3);
        assert_eq!(m.len(), 1);
        // Two doses a day count the day once: 3 days with, 5 without.
        assert_eq!(
            (
                m[0].with_mean,
                m[0].without_mean,
                m[0].n_with,
                m[0].n_without
            ),
            (6.3, 2.4, 3, 5)
        );
        assert_eq!(
            m[0].verdict.fact,
            "On days with any nsaid dose, pain was 6.3 against 2.4 on days without (3 vs 5 days)"
        );
        assert_eq!(m[0].verdict.caveat.as_deref(), Some(MED_CAVEAT));
    }

    #[test]
    fn sleep_against_next_day_pain() {
        let mut data = JournalData::default();
        // 15 days: sleep falls 9.0, 8.8, ... while pain rises 0, 1, ... : 14 pairs, ρ = −1.
        for k in 0..15i64 {
            data.checkins.push(Checkin {
                date: d("2024-01-01") + Duration::days(k),
                pain: k.min(10) as u8,
                sleep_hours: Some(9.0 - 0.2 * k as f64),
                sitting_hours: Some(if k % 2 == 0 { 8.0 } else { 2.0 }),
                ..Default::default()
            });
        }
        let ix = DayIndex::new(&data, d("2024-01-15"));
        let pain = pain_series(&data.checkins, d("2024-01-01"), d("2024-01-15"));
        let s = sleep_assoc(&data, &ix, &pain, None, 14);
        assert_eq!(s.n, 14);
        // Pain ties at 10 for the last days, so ρ is just above −1.
        let r = s.spearman.unwrap();
        assert!((-1.0..-0.95).contains(&r), "{r}");
        assert!(
            s.verdict
                .fact
                .starts_with("Next-day pain was lower after more sleep (Spearman -0.9")
        );
        let s = sleep_assoc(&data, &ix, &pain, Some(d("2024-01-02")), 14);
        assert_eq!((s.n, s.spearman), (13, None));
        assert_eq!(
            s.verdict.fact,
            "Sleep and next-day pain: not enough data (13 days; needs 14)"
        );
        // Sitting alternates 8 h and 2 h while pain climbs: about the same either way, in the
        // same form as sleep, the same day and the next.
        let s = sitting_assocs(&data, &ix, &pain, None, 14);
        assert_eq!((s[0].lag, s[0].n, s[1].lag, s[1].n), (0, 15, 1, 14));
        assert!(
            s[0].verdict
                .fact
                .starts_with("Same-day pain was about the same whatever the sitting (Spearman"),
            "{}",
            s[0].verdict.fact
        );
        assert_eq!(s[1].verdict.what, "sitting lag 1");
    }

    #[test]
    fn sitting_with_more_pain() {
        let mut data = JournalData::default();
        for k in 0..20i64 {
            data.checkins.push(Checkin {
                date: d("2024-01-01") + Duration::days(k),
                pain: (k % 5) as u8 + 2,
                sitting_hours: Some((k % 5) as f64 * 2.0),
                ..Default::default()
            });
        }
        let ix = DayIndex::new(&data, d("2024-01-20"));
        let pain = pain_series(&data.checkins, d("2024-01-01"), d("2024-01-20"));
        let s = sitting_assocs(&data, &ix, &pain, None, 14);
        assert_eq!(s[0].spearman, Some(1.0));
        assert_eq!(
            s[0].verdict.fact,
            "Same-day pain was higher with more sitting (Spearman 1.00, 20 days)"
        );
        // The next day's pain is one step up the cycle (3, 4, 5, 6, then 2): slightly higher.
        assert_eq!(
            s[1].verdict.fact,
            "Next-day pain was slightly higher after more sitting (Spearman 0.17, 19 days)"
        );
    }
}
