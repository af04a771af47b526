//! `set units imperial` (issue 15): miles, feet and pounds in what people read; JSON and
//! storage stay metric.

use super::common::Journal;

#[test]
fn imperial_units_show_miles_feet_and_pounds_and_json_stays_metric() {
    let j = Journal::new();
    let out = j.ok(&["ride", "1h", "--distance", "42km"]);
    assert!(out.contains("42.0 km"), "{out}");
    j.ok(&["set", "units", "imperial"]);
    j.ok(&["set", "weight", "72.5"]);
    let out = j.ok(&["ride", "2h", "--distance", "26mi", "--ascent", "300"]);
    assert!(out.contains("26.0 mi"), "{out}");
    let info = j.ok(&["info", "a2"]);
    assert!(
        info.contains("26.0 mi") && info.contains("984 ft"),
        "{info}"
    );
    let v = j.json(&["info", "a2"]);
    let m = v["distance_m"].as_f64().unwrap();
    assert!((m - 41_842.9).abs() < 0.1, "{v}");
    let settings = j.ok(&["settings"]);
    assert!(
        settings.contains("159.8 lb") && settings.contains("Units: imperial"),
        "{settings}"
    );
    assert_eq!(j.json(&["settings"])["units"], "imperial");
    j.ok(&["set", "units", "metric"]);
    assert!(j.ok(&["info", "a2"]).contains("41.8 km"));
    let err = j.fails(&["set", "units", "furlongs"], 2);
    assert!(
        err.contains("units") && err.contains("metric, imperial"),
        "{err}"
    );
}
