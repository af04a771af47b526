//! Evaluation of the return-to-training criteria (SPEC §4.7) as of a day: met / not met, the
//! figure behind each rule and the days it rests on. The rule language is in `criteria.rs`.

use crate::domain::text::plural;
use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::criteria::{Cmp, Rule, parse_rule};
use super::data::{DaySeries, round1};
use super::pain::is_flare_day;
use super::words::{count, days, one};

/// A whole number with its sign, zero unsigned: "+2", "-1", "0".
fn signed0(x: f64) -> String {
    let r = x.round() + 0.0;
    if r == 0.0 {
        "0".to_string()
    } else {
        format!("{r:+.0}")
    }
}
use crate::domain::records::Criterion;

/// What a rule is checked against: the day series, all starting on the same day.
pub struct CriteriaInput<'a> {
    pub pain: &'a DaySeries<Option<f64>>,
    pub mean7: &'a DaySeries<Option<f64>>,
    /// Leg pain (SPEC §14) and its 7-day mean, on the same days.
    pub leg: &'a DaySeries<Option<f64>>,
    pub leg_mean7: &'a DaySeries<Option<f64>>,
    pub baseline: &'a DaySeries<Option<f64>>,
    pub load: &'a DaySeries<f64>,
    /// The hard-day threshold, `load::hard_threshold_at` (None without training).
    pub hard_threshold: Option<f64>,
}

/// One rule checked today. JSON keys (SPEC §7.4): rule, met, value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionResult {
    pub rule: String,
    pub met: bool,
    /// The figure behind it; None when there is not enough data (then `met` is false).
    pub value: Option<f64>,
    /// The rule in words, e.g. "7-day mean pain ≤ 3".
    #[serde(skip)]
    pub label: String,
    /// The days (or sessions) the figure rests on.
    #[serde(skip)]
    pub n: usize,
    #[serde(skip)]
    pub detail: String,
}

impl CriterionResult {
    /// "met", "not met", or "not enough data" when there is no figure to check: a rule the
    /// journal cannot answer yet is not a rule failed.
    pub fn verdict(&self) -> &'static str {
        match (self.met, self.value) {
            (true, _) => "met",
            (false, Some(_)) => "not met",
            (false, None) => "not enough data",
        }
    }
}

fn logged_in(pain: &DaySeries<Option<f64>>, today: NaiveDate, days: i64) -> usize {
    (0..days)
        .filter(|k| matches!(pain.get(today - Duration::days(*k)), Some(Some(_))))
        .count()
}

/// Checks `rule` as of `today`.
pub fn evaluate(rule: &Rule, x: &CriteriaInput, today: NaiveDate) -> CriterionResult {
    let text = rule.to_string();
    let label = rule.describe();
    let out = |met: bool, value: Option<f64>, n: usize, detail: String| CriterionResult {
        rule: text.clone(),
        label: label.clone(),
        met,
        value: value.map(round1),
        n,
        detail,
    };
    let compare = |what: &str, c: Cmp, limit: f64, v: Option<f64>, n: usize| match v {
        Some(v) => {
            let met = c.holds(v, limit);
            out(
                met,
                Some(v),
                n,
                format!("{what} {}, {} logged", one(v), days(n)),
            )
        }
        None => out(
            false,
            None,
            n,
            format!("{what}: not enough data ({} logged)", days(n)),
        ),
    };
    match *rule {
        Rule::Mean7(c, limit) => {
            let v = x.mean7.get(today).copied().flatten();
            compare("7-day mean pain", c, limit, v, logged_in(x.pain, today, 7))
        }
        Rule::Baseline(c, limit) => {
            let v = x.baseline.get(today).copied().flatten();
            compare(
                "28-day baseline",
                c,
                limit,
                v,
                logged_in(x.pain, today - Duration::days(1), 28),
            )
        }
        Rule::Pain(c, limit) => {
            let v = super::pain::latest(x.pain, today).map(|(_, p)| p);
            compare("Latest pain", c, limit, v, v.is_some() as usize)
        }
        Rule::LegMean7(c, limit) => {
            let v = x.leg_mean7.get(today).copied().flatten();
            compare(
                "7-day mean leg pain",
                c,
                limit,
                v,
                logged_in(x.leg, today, 7),
            )
        }
        Rule::LegPain(c, limit) => {
            let v = super::pain::latest(x.leg, today).map(|(_, p)| p);
            compare("Latest leg pain", c, limit, v, v.is_some() as usize)
        }
        Rule::NoFlare { days } => no_flare(x, today, days as i64, out),
        Rule::HardNextDay { count, max_rise } => {
            hard_next_day(x, today, count as usize, max_rise, out)
        }
    }
}

fn no_flare(
    x: &CriteriaInput,
    today: NaiveDate,
    days: i64,
    out: impl Fn(bool, Option<f64>, usize, String) -> CriterionResult,
) -> CriterionResult {
    let n = logged_in(x.pain, today, days);
    if (n as i64) * 2 < days {
        return out(
            false,
            None,
            n,
            format!(
                "not enough data ({n} of {} logged)",
                plural(days, "day", "days")
            ),
        );
    }
    let flare_days = (0..days)
        .filter(|k| {
            let d = today - Duration::days(*k);
            match x.pain.get(d) {
                Some(Some(p)) => is_flare_day(*p, x.baseline.get(d).copied().flatten()),
                _ => false,
            }
        })
        .count();
    let met = flare_days == 0;
    out(
        met,
        Some(flare_days as f64),
        n,
        format!(
            "{} in the last {days} ({} logged)",
            count(flare_days, "flare day"),
            super::words::days(n)
        ),
    )
}

fn hard_next_day(
    x: &CriteriaInput,
    today: NaiveDate,
    count: usize,
    max_rise: f64,
    out: impl Fn(bool, Option<f64>, usize, String) -> CriterionResult,
) -> CriterionResult {
    let mut rises = Vec::new();
    if let Some(t) = x.hard_threshold {
        let mut d = today - Duration::days(1);
        // Only days of the 12 months the threshold is taken over count.
        let floor = x
            .load
            .start
            .max(today - Duration::days(super::load::HARD_DAYS));
        while rises.len() < count && d >= floor {
            let hard = x.load.get(d).is_some_and(|l| *l > 0.0 && *l >= t);
            if let (true, Some(Some(p0)), Some(Some(p1))) =
                (hard, x.pain.get(d), x.pain.get(d + Duration::days(1)))
            {
                rises.push(p1 - p0);
            }
            d -= Duration::days(1);
        }
    }
    let n = rises.len();
    if n < count {
        return out(
            false,
            None,
            n,
            format!(
                "not enough data ({} with pain logged that day and the next)",
                super::words::count(n, "hard day")
            ),
        );
    }
    let worst = rises.iter().copied().fold(f64::MIN, f64::max);
    let met = worst <= max_rise;
    out(
        met,
        Some(worst),
        n,
        format!(
            "largest next-day change {} over the last {}",
            signed0(worst),
            super::words::count(count, "hard day")
        ),
    )
}

/// Checks the enabled criteria in the user's order. A stored rule that no longer parses is
/// shown as not met with the parser's message, rather than dropped.
pub fn evaluate_all(
    criteria: &[Criterion],
    x: &CriteriaInput,
    today: NaiveDate,
) -> Vec<CriterionResult> {
    let mut list: Vec<&Criterion> = criteria.iter().filter(|c| c.enabled).collect();
    list.sort_by_key(|c| c.position);
    list.iter()
        .map(|c| match parse_rule(&c.rule) {
            Ok(r) => evaluate(&r, x, today),
            Err(e) => CriterionResult {
                rule: c.rule.clone(),
                label: c.rule.clone(),
                met: false,
                value: None,
                n: 0,
                detail: e.to_string(),
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::pain::{baseline, mean7, pain_series};
    use crate::domain::records::Checkin;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Jan 1–20: pain 2 for ten days, 6 on the 11th (a flare over a baseline of 2), then
    /// 2, 3, 2, 3, ... Hard (100 TSS) days 5, 12, 15, 18; 50 TSS on days 3 and 8.
    fn evaluate_fixture(rule: &str, today: &str) -> CriterionResult {
        let mut checkins = Vec::new();
        for k in 1..=20u32 {
            let pain = match k {
                1..=10 => 2,
                11 => 6,
                k if k % 2 == 0 => 2,
                _ => 3,
            };
            checkins.push(Checkin {
                date: d("2024-01-01") + Duration::days(k as i64 - 1),
                pain,
                ..Default::default()
            });
        }
        let pain = pain_series(&checkins, d("2024-01-01"), d("2024-01-20"));
        let mut load = DaySeries::filled(d("2024-01-01"), d("2024-01-20"), 0.0);
        for (day, tss) in [
            (5, 100.0),
            (12, 100.0),
            (15, 100.0),
            (18, 100.0),
            (3, 50.0),
            (8, 50.0),
        ] {
            load.values[day - 1] = tss;
        }
        let (m7, base) = (mean7(&pain), baseline(&pain));
        let x = CriteriaInput {
            pain: &pain,
            mean7: &m7,
            leg: &pain,
            leg_mean7: &m7,
            baseline: &base,
            load: &load,
            // 50, 50, 100, 100, 100, 100 → position 3.75 → 100.
            hard_threshold: super::super::load::hard_threshold(&load.values),
        };
        evaluate(&parse_rule(rule).unwrap(), &x, d(today))
    }

    #[test]
    fn mean7_pain_and_baseline() {
        // Jan 14–20: 2, 3, 2, 3, 2, 3, 2 → 17 / 7 = 2.43.
        let r = evaluate_fixture("mean7 <= 3", "2024-01-20");
        assert_eq!((r.met, r.value, r.n), (true, Some(2.4), 7));
        assert_eq!(r.detail, "7-day mean pain 2.4, 7 days logged");
        assert_eq!(r.label, "7-day mean pain ≤ 3");
        assert!(!evaluate_fixture("mean7 < 2", "2024-01-20").met);
        // Jan 3: only 3 check-ins in the window.
        let r = evaluate_fixture("mean7 <= 3", "2024-01-03");
        assert_eq!((r.met, r.value, r.n), (false, None, 3));
        assert_eq!(evaluate_fixture("pain <= 2", "2024-01-20").value, Some(2.0));
        // 19 days before Jan 20: fourteen 2s, four 3s, one 6 → median 2.
        assert_eq!(
            evaluate_fixture("baseline <= 2", "2024-01-20").value,
            Some(2.0)
        );
    }

    #[test]
    fn no_flare_window() {
        let r = evaluate_fixture("no-flare 14", "2024-01-20"); // Jan 7–20 holds Jan 11
        assert_eq!((r.met, r.value, r.n), (false, Some(1.0), 14));
        let r = evaluate_fixture("no-flare 9", "2024-01-20"); // Jan 12–20
        assert_eq!((r.met, r.value), (true, Some(0.0)));
        // 60 days asked, 20 logged: less than half.
        assert_eq!(evaluate_fixture("no-flare 60", "2024-01-20").value, None);
    }

    #[test]
    fn a_rule_without_its_figure_is_neither_met_nor_failed() {
        assert_eq!(
            evaluate_fixture("no-flare 60", "2024-01-20").verdict(),
            "not enough data"
        );
        assert_eq!(
            evaluate_fixture("no-flare 14", "2024-01-20").verdict(),
            "not met"
        );
        assert_eq!(
            evaluate_fixture("no-flare 9", "2024-01-20").verdict(),
            "met"
        );
    }

    #[test]
    fn hard_next_day_last_sessions() {
        // Last 3 hard days: Jan 18 (2 → 3: +1), Jan 15 (3 → 2: −1), Jan 12 (2 → 3: +1).
        let r = evaluate_fixture("hard-next-day 3 <= 1", "2024-01-20");
        assert_eq!((r.met, r.value, r.n), (true, Some(1.0), 3));
        assert!(!evaluate_fixture("hard-next-day 3 <= 0", "2024-01-20").met);
        // Five asked, four exist (Jan 5, 12, 15, 18).
        let r = evaluate_fixture("hard-next-day 5 <= 1", "2024-01-20");
        assert_eq!((r.met, r.value, r.n), (false, None, 4));
    }

    #[test]
    fn evaluate_all_keeps_order_and_reports_broken_rules() {
        let c = |pos, rule: &str, enabled| Criterion {
            id: 0,
            uuid: String::new(),
            position: pos,
            rule: rule.into(),
            enabled,
        };
        let pain = DaySeries {
            start: d("2024-01-01"),
            values: vec![Some(1.0); 7],
        };
        let m7 = mean7(&pain);
        let base = baseline(&pain);
        let load = DaySeries::filled(d("2024-01-01"), d("2024-01-07"), 0.0);
        let x = CriteriaInput {
            pain: &pain,
            mean7: &m7,
            leg: &pain,
            leg_mean7: &m7,
            baseline: &base,
            load: &load,
            hard_threshold: None,
        };
        let r = evaluate_all(
            &[
                c(2, "mean7 <= 3", true),
                c(1, "bogus", true),
                c(0, "pain <= 1", false),
            ],
            &x,
            d("2024-01-07"),
        );
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].rule.as_str(), r[0].met), ("bogus", false));
        assert!(r[0].detail.starts_with("rule: 'bogus' is not a rule"));
        assert_eq!((r[1].met, r[1].value), (true, Some(1.0)));
    }
}
