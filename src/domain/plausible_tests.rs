//! The one check of an activity: each hard limit names its field; the issue's typos are
//! implausible and an ordinary ride is not.

use super::*;
use crate::domain::vocab::ActivityKind;

fn ride(hours: f64) -> Activity {
    let start = NaiveDate::from_ymd_opt(2026, 11, 20)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    Activity::new(ActivityKind::Ride, start, (hours * 3600.0) as u32)
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

#[test]
fn the_hard_limits_name_the_field() {
    type Hurt = fn(&mut Activity);
    let cases: [(&str, Hurt); 8] = [
        ("date", |a| a.start = a.start.with_year(1899).unwrap()),
        ("date", |a| a.start = a.start.with_year(2027).unwrap()),
        ("moving", |a| a.moving_s = Some(0)),
        ("distance", |a| a.distance_m = Some(10_661_000.0)),
        ("power", |a| a.avg_power_w = Some(-5.0)),
        ("np", |a| a.normalized_power_w = Some(1e300)),
        ("hr", |a| a.avg_hr = Some(f64::NAN)),
        ("tss", |a| a.set_manual_tss(2500.0)),
    ];
    for (field, hurt) in cases {
        let mut a = ride(1.0);
        hurt(&mut a);
        let e = check_activity(&a, today()).unwrap_err();
        assert_eq!(e.field, field, "{e}");
        assert!(e.message.contains("allowed"), "{e}");
        assert!(!e.message.contains("000000000000"), "{e}");
    }
    assert!(check_activity(&ride(1.0), today()).is_ok());
}

#[test]
fn a_computed_tss_may_go_as_high_as_its_hours_allow() {
    let mut a = ride(167.0);
    a.tss = Some(41_750_000.0);
    a.load_source = Some("power".into());
    // 167 h × 250,000 per hour: NP 2500 over an FTP of 50.
    assert!(check_activity(&a, today()).is_ok());
    a.tss = Some(1e300);
    assert_eq!(check_activity(&a, today()).unwrap_err().field, "tss");
}

#[test]
fn the_issues_typos_are_implausible_and_normal_rides_are_not() {
    let typo = |f: &dyn Fn(&mut Activity)| {
        let mut a = ride(1.0);
        f(&mut a);
        implausible(&a).map(|i| i.field)
    };
    assert_eq!(typo(&|a| a.normalized_power_w = Some(2000.0)), Some("np"));
    let below = |a: &mut Activity| {
        a.avg_power_w = Some(250.0);
        a.normalized_power_w = Some(200.0);
    };
    assert_eq!(typo(&below), Some("np"));
    let hr = |a: &mut Activity| {
        a.avg_hr = Some(180.0);
        a.max_hr = Some(150.0);
    };
    assert_eq!(typo(&hr), Some("hr"));
    let fast = |a: &mut Activity| {
        a.elapsed_s = 600;
        a.distance_m = Some(500_000.0);
    };
    assert_eq!(typo(&fast), Some("distance"));
    assert_eq!(implausible(&ride(25.0)).map(|i| i.field), Some("duration"));
    let normal = |a: &mut Activity| {
        a.avg_power_w = Some(210.0);
        a.normalized_power_w = Some(235.0);
        a.avg_hr = Some(142.0);
        a.max_hr = Some(171.0);
        a.distance_m = Some(32_000.0);
    };
    assert_eq!(typo(&normal), None);
    let e = implausible(&ride(25.0)).unwrap().refusal();
    assert!(e.message.contains("--force"), "{e}");
}
