//! The other factors of SPEC §7.3: tags and workdays at lag 0 and 1, sleep against next-day
//! pain, and medication classes with/without. Facts with n; the sentences never say "because".

use crate::domain::text::plural;
use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::assoc::{first_index, spearman};
use super::data::{DayIndex, DaySeries, JournalData, round1};
use crate::domain::vocab::MedClass;

/// Mean pain with a tag and without it. JSON keys (SPEC §7.4). `tag` is "workday" for the
/// workday comparison (workdays against days logged as days off).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TagAssoc {
    pub tag: String,
    pub lag: u32,
    pub with_mean: f64,
    pub without_mean: f64,
    pub n_with: usize,
    pub n_without: usize,
    #[serde(skip)]
    pub sentence: String,
}

/// Running sum and count of pain values.
#[derive(Default, Clone, Copy)]
struct Acc(f64, usize);

impl Acc {
    fn add(&mut self, p: f64) {
        self.0 += p;
        self.1 += 1;
    }
    fn mean(self) -> f64 {
        self.0 / self.1 as f64
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
    let from = first_index(ix.start, since);
    let mut out = Vec::new();
    for lag in 0..=1u32 {
        // Totals over all eligible days, then per tag; "without" = total − with. One pass.
        let mut all = Acc::default();
        let mut with: BTreeMap<&str, Acc> = BTreeMap::new();
        let (mut work, mut off) = (Acc::default(), Acc::default());
        for i in from..ix.len() {
            let Some(c) = ix.checkin[i] else { continue };
            let Some(Some(p)) = pain.get(ix.date(i) + Duration::days(lag as i64)) else {
                continue;
            };
            all.add(*p);
            let c = &data.checkins[c];
            for t in &c.tags {
                with.entry(t.as_str()).or_default().add(*p);
            }
            match c.workday {
                Some(true) => work.add(*p),
                Some(false) => off.add(*p),
                None => {}
            }
        }
        for (tag, w) in with {
            let wo = Acc(all.0 - w.0, all.1 - w.1);
            push_assoc(&mut out, tag, lag, w, wo, min_group);
        }
        push_assoc(&mut out, "workday", lag, work, off, min_group);
    }
    out.sort_by(|a, b| a.tag.cmp(&b.tag).then(a.lag.cmp(&b.lag)));
    out
}

fn push_assoc(out: &mut Vec<TagAssoc>, tag: &str, lag: u32, w: Acc, wo: Acc, min: usize) {
    if w.1 < min || wo.1 < min {
        return;
    }
    let (wm, wom) = (round1(w.mean()), round1(wo.mean()));
    let (n_with, n_without) = (w.1, wo.1);
    let sentence = match (tag, lag) {
        ("workday", 0) => format!(
            "On workdays, pain was {wm:.1} against {wom:.1} on days off ({n_with} vs {n_without} days)."
        ),
        ("workday", _) => format!(
            "On days after workdays, pain was {wm:.1} against {wom:.1} after days off \
             ({n_with} vs {n_without} days)."
        ),
        (_, 0) => format!(
            "On days tagged {tag}, pain was {wm:.1} against {wom:.1} on other days \
             ({n_with} vs {n_without} days)."
        ),
        _ => format!(
            "On days after {tag}, pain was {wm:.1} against {wom:.1} after other days \
             ({n_with} vs {n_without} days)."
        ),
    };
    out.push(TagAssoc {
        tag: tag.to_string(),
        lag,
        with_mean: wm,
        without_mean: wom,
        n_with,
        n_without,
        sentence,
    });
}

/// Sleep hours logged on day d against pain on day d + 1.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SleepAssoc {
    pub spearman: Option<f64>,
    pub n: usize,
    pub sentence: String,
}

pub fn sleep_assoc(
    data: &JournalData,
    pain: &DaySeries<Option<f64>>,
    since: Option<NaiveDate>,
    min_pairs: usize,
) -> SleepAssoc {
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for c in &data.checkins {
        if since.is_some_and(|s| c.date < s) {
            continue;
        }
        if let (Some(h), Some(Some(p))) = (c.sleep_hours, pain.get(c.date + Duration::days(1))) {
            xs.push(h);
            ys.push(*p);
        }
    }
    let n = xs.len();
    let rho = if n >= min_pairs {
        spearman(&xs, &ys)
    } else {
        None
    };
    let sentence = match rho {
        _ if n < min_pairs => {
            format!(
                "Sleep and next-day pain: not enough data ({}; needs {min_pairs}).",
                plural(n, "day", "days")
            )
        }
        None => format!(
            "Sleep and next-day pain: nothing varied ({}).",
            plural(n, "day", "days")
        ),
        Some(r) => {
            // Rounded first, and −0 made 0, so the sentence never says "Spearman -0.00".
            let r = (r * 100.0).round() / 100.0 + 0.0;
            let how = if r.abs() < 0.1 {
                "about the same whatever the sleep"
            } else if r > 0.0 {
                "higher after more sleep"
            } else {
                "lower after more sleep"
            };
            format!("Next-day pain was {how} (Spearman {r:.2}, {n} days).")
        }
    };
    SleepAssoc {
        spearman: rho.map(|r| (r * 100.0).round() / 100.0 + 0.0),
        n,
        sentence,
    }
}

/// Mean pain on logged days with a dose of a class against logged days without.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MedAssoc {
    pub class: String,
    pub with_mean: f64,
    pub without_mean: f64,
    pub n_with: usize,
    pub n_without: usize,
    pub sentence: String,
}

pub fn med_assocs(
    data: &JournalData,
    ix: &DayIndex,
    pain: &DaySeries<Option<f64>>,
    since: Option<NaiveDate>,
    min_group: usize,
) -> Vec<MedAssoc> {
    let from = first_index(ix.start, since);
    let mut all = Acc::default();
    let mut with: BTreeMap<MedClass, Acc> = BTreeMap::new();
    for i in from..ix.len() {
        let Some(Some(p)) = pain.get(ix.date(i)) else {
            continue;
        };
        all.add(*p);
        let mut classes: Vec<MedClass> = ix.doses[i].iter().map(|&k| data.doses[k].class).collect();
        classes.sort();
        classes.dedup();
        for c in classes {
            with.entry(c).or_default().add(*p);
        }
    }
    let mut out = Vec::new();
    for (class, w) in with {
        let wo = Acc(all.0 - w.0, all.1 - w.1);
        if w.1 < min_group || wo.1 < min_group {
            continue;
        }
        let (wm, wom) = (round1(w.mean()), round1(wo.mean()));
        out.push(MedAssoc {
            class: class.as_str().to_string(),
            with_mean: wm,
            without_mean: wom,
            n_with: w.1,
            n_without: wo.1,
            sentence: format!(
                "On days with any {class} dose, pain was {wm:.1} against {wom:.1} on days without \
                 ({} vs {} days).",
                w.1, wo.1
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::pain::pain_series;
    use crate::domain::records::{Checkin, Dose};

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
            t[0].sentence,
            "On days tagged shoveling, pain was 6.3 against 2.4 on other days (3 vs 5 days)."
        );
        assert_eq!(
            t[1].sentence,
            "On days after shoveling, pain was 2.7 against 5.3 after other days (3 vs 4 days)."
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
            m[0].sentence,
            "On days with any nsaid dose, pain was 6.3 against 2.4 on days without (3 vs 5 days)."
        );
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
                ..Default::default()
            });
        }
        let pain = pain_series(&data.checkins, d("2024-01-01"), d("2024-01-15"));
        let s = sleep_assoc(&data, &pain, None, 14);
        assert_eq!(s.n, 14);
        // Pain ties at 10 for the last days, so ρ is just above −1.
        let r = s.spearman.unwrap();
        assert!((-1.0..-0.95).contains(&r), "{r}");
        assert!(
            s.sentence
                .starts_with("Next-day pain was lower after more sleep")
        );
        let s = sleep_assoc(&data, &pain, Some(d("2024-01-02")), 14);
        assert_eq!((s.n, s.spearman), (13, None));
        assert_eq!(
            s.sentence,
            "Sleep and next-day pain: not enough data (13 days; needs 14)."
        );
    }
}
