//! The scripted eight weeks of the README: met, met, flare, not met, met, skipped, met (capped),
//! and the week under way; targets, decisions and reasons week by week.

use chrono::NaiveDate;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn met(done: f64) -> WeekFacts {
    WeekFacts {
        done,
        ..Default::default()
    }
}

#[test]
fn eight_scripted_weeks_give_the_documented_targets() {
    let rule = Rule {
        unit: Unit::Hours,
        start: 2.0,
        ramp: 0.10,
    };
    let weeks = [
        met(2.0),
        met(2.3),
        WeekFacts {
            done: 2.0,
            flare: Some("flare from 2026-10-14, peak 7".into()),
            unmet: Some("7-day mean pain 4.1 > 3".into()),
        },
        WeekFacts {
            done: 1.5,
            unmet: Some("7-day mean pain 3.4 > 3".into()),
            flare: None,
        },
        met(2.2),
        met(0.0),
        met(1.9),
    ];
    let v = plan_weeks(&rule, d("2026-09-28"), &weeks, Some(0.5));
    let targets: Vec<f64> = v.iter().map(|w| w.target).collect();
    assert_eq!(targets, vec![2.0, 2.2, 2.4, 2.2, 2.2, 2.4, 2.0, 2.1]);
    let decisions: Vec<Option<Decision>> = v.iter().map(|w| w.decision).collect();
    use Decision::*;
    assert_eq!(
        decisions,
        vec![
            Some(Ramp),
            Some(Ramp),
            Some(StepBack),
            Some(Hold),
            Some(Ramp),
            Some(Capped),
            Some(Capped),
            None
        ]
    );
    let reasons: Vec<&str> = v.iter().filter_map(|w| w.reason.as_deref()).collect();
    assert_eq!(
        reasons,
        vec![
            "criteria met: 2 h + 10% = 2.2 h",
            "criteria met: 2.2 h + 10% = 2.4 h",
            "stepped back: flare from 2026-10-14, peak 7; next week 2.2 h",
            "held: 7-day mean pain 3.4 > 3",
            "criteria met: 2.2 h + 10% = 2.4 h",
            "criteria met; capped at 0 h done + 10% = 0 h, not below week 1's 2 h",
            "criteria met; capped at 1.9 h done + 10% = 2.1 h",
        ]
    );
    assert_eq!(v[7].monday, d("2026-11-16"));
    assert_eq!((v[7].week, v[7].done), (8, 0.5));
}

#[test]
fn skipped_weeks_do_not_inflate_the_next_target() {
    let rule = Rule {
        unit: Unit::Tss,
        start: 150.0,
        ramp: 0.10,
    };
    // Three weeks met with nothing done: the target never climbs past week 1's.
    let v = plan_weeks(
        &rule,
        d("2026-11-02"),
        &[met(0.0), met(0.0), met(0.0)],
        None,
    );
    assert!(v.iter().all(|w| w.target == 150.0), "{v:?}");
    // A flare in week 1 stays at week 1's target.
    let f = WeekFacts {
        done: 100.0,
        flare: Some("flare".into()),
        unmet: None,
    };
    let v = plan_weeks(&rule, d("2026-11-02"), &[f], Some(0.0));
    assert_eq!(v[1].target, 150.0);
    // Overdoing a week grows from the target, not from what was done.
    let v = plan_weeks(&rule, d("2026-11-02"), &[met(400.0)], Some(0.0));
    assert_eq!(v[1].target, 165.0);
}

#[test]
fn unmet_reasons_read_as_the_rule_broken() {
    let c = |label: &str, value| CriterionResult {
        rule: String::new(),
        met: false,
        value,
        label: label.to_string(),
        n: 7,
        detail: "detail".into(),
    };
    assert_eq!(
        unmet_reason(&c("7-day mean pain ≤ 3", Some(3.4))),
        "7-day mean pain 3.4 > 3"
    );
    assert_eq!(
        unmet_reason(&c("7-day mean leg pain ≤ 2", None)),
        "7-day mean leg pain ≤ 2: not enough data"
    );
    assert_eq!(
        unmet_reason(&c("no flare in 14 days", Some(3.0))),
        "no flare in 14 days: detail"
    );
}
