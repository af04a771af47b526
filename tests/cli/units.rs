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

#[test]
fn ascent_takes_metres_or_feet_and_shows_in_the_display_units() {
    let j = Journal::new();
    // A bare number is metres, as before; 2600 ft is 792.48 m.
    assert_eq!(
        j.json(&["ride", "1h", "--ascent", "800"])["ascent_m"],
        800.0
    );
    assert_eq!(
        j.json(&["ride", "1h", "--ascent", "2600ft"])["ascent_m"],
        792.48
    );
    assert_eq!(
        j.json(&["ride", "1h", "--ascent", "350m"])["ascent_m"],
        350.0
    );
    assert!(j.ok(&["info", "a2"]).contains("792 m"));
    j.ok(&["edit", "a1", "--ascent", "1000ft"]);
    assert_eq!(j.json(&["info", "a1"])["ascent_m"], 304.8);
    j.ok(&["set", "units", "imperial"]);
    let info = j.ok(&["info", "a2"]);
    assert!(info.contains("2600 ft") && !info.contains(" m\n"), "{info}");
    assert!(j.ok(&["info", "a1"]).contains("1000 ft"));
    assert_eq!(
        j.json(&["info", "a2"])["ascent_m"],
        792.48,
        "JSON stays metric"
    );
    // Bad text names the field and the forms, exits 2 and writes nothing.
    let before = j.export();
    for bad in ["2600yd", "-10", "70000ft", "high"] {
        let err = j.fails(&["ride", "1h", "--ascent", bad], 2);
        assert!(
            err.contains("ascent") && err.contains("800m, 2600ft"),
            "{bad}: {err}"
        );
        let err = j.fails(&["edit", "a1", "--ascent", bad], 2);
        assert!(err.contains("ascent"), "{bad}: {err}");
    }
    assert_eq!(j.export(), before);
}

#[test]
fn rehab_loads_take_pounds_store_kilograms_and_show_in_the_display_units() {
    let j = Journal::new();
    let out = j.ok(&["rehab", "log", "--done", "goblet squat:3x8@35lb"]);
    assert!(out.contains("goblet squat 3x8@15.88kg"), "{out}");
    // 35 lb = 15.876 kg.
    assert_eq!(j.json(&["info", "r1"])["items"][0]["load_kg"], 15.876);
    j.ok(&["set", "units", "imperial"]);
    let info = j.ok(&["info", "r1"]);
    assert!(info.contains("goblet squat 3x8@35lb"), "{info}");
    // 16 kg = 35.27 lb, shown to the half pound.
    let out = j.ok(&["rehab", "log", "--done", "goblet squat:3x8@16kg"]);
    assert!(out.contains("goblet squat 3x8@35.5lb"), "{out}");
    let v = j.json(&["rehab", "log", "--done", "goblet squat:3x8@16"]);
    assert_eq!(v["items"][0]["load_kg"], 16.0, "a bare load is kilograms");
    let before = j.export();
    let err = j.fails(&["rehab", "log", "--done", "goblet squat:3x8@heavy"], 2);
    assert!(err.contains("done") && err.contains("@35lb"), "{err}");
    assert_eq!(j.export(), before);
}

#[test]
fn weight_takes_pounds_stores_kilograms_and_shows_in_the_display_units() {
    let j = Journal::new();
    // 165 lb = 74.843 kg; JSON keeps kilograms.
    let v = j.json(&["set", "weight", "165lb"]);
    assert_eq!(
        (v["key"].as_str(), v["value"].as_f64()),
        (Some("weight_kg"), Some(74.843))
    );
    assert!(j.ok(&["settings"]).contains("74.8 kg"));
    j.ok(&["set", "units", "imperial"]);
    let out = j.ok(&["set", "weight", "160lb", "--from", "2026-11-20"]);
    assert!(out.contains("Set weight = 160.0 lb"), "{out}");
    let settings = j.ok(&["settings"]);
    assert!(
        settings.contains("160.0 lb")
            && settings.contains("165.0 lb")
            && !settings.contains("weight_kg"),
        "{settings}"
    );
    assert_eq!(
        j.json(&["set", "weight", "72.5"])["value"],
        72.5,
        "bare is kg"
    );
    let before = j.export();
    for bad in ["700lb", "10", "heavy"] {
        let err = j.fails(&["set", "weight", bad], 2);
        assert!(
            err.contains("weight_kg") && err.contains("160lb"),
            "{bad}: {err}"
        );
    }
    assert_eq!(j.export(), before);
}

#[test]
fn the_activity_summary_line_shows_the_ascent_in_the_display_units() {
    let j = Journal::new();
    let out = j.ok(&["ride", "1h", "--distance", "32.2km", "--ascent", "350"]);
    assert!(
        out.contains("Saved activity a1: ride on 2026-11-23, 1h, 32.2 km, ascent 350 m, "),
        "{out}"
    );
    let out = j.ok(&["ride", "1h", "--distance", "30km"]);
    assert!(!out.contains("ascent"), "no climb, no ascent: {out}");
    j.ok(&["set", "units", "imperial"]);
    let out = j.ok(&[
        "activity",
        "add",
        "ride",
        "2h",
        "--distance",
        "20mi",
        "--ascent",
        "2600ft",
    ]);
    assert!(
        out.contains("Saved activity a3: ride on 2026-11-23, 2h, 20.0 mi, ascent 2600 ft, "),
        "{out}"
    );
    // An edit says the same; 350 m is 1148 ft.
    let out = j.ok(&["edit", "a1", "--rpe", "6"]);
    assert!(out.contains("20.0 mi, ascent 1148 ft, "), "{out}");
    assert_eq!(
        j.json(&["info", "a1"])["ascent_m"],
        350.0,
        "JSON stays metric"
    );
}

#[test]
fn a_journal_imported_from_json_shows_in_the_units_it_carries() {
    let theirs = Journal::new();
    theirs.ok(&["ride", "1h30m", "--distance", "45km", "--ascent", "800"]);
    theirs.ok(&["set", "units", "imperial"]);
    let path = theirs.dir.path().join("export.json");
    std::fs::write(&path, theirs.export()).unwrap();
    let ours = Journal::new();
    ours.ok(&["import", path.to_str().unwrap()]);
    assert_eq!(ours.json(&["settings"])["units"], "imperial");
    let info = ours.ok(&["info", "a1"]);
    assert!(
        info.contains("28.0 mi") && info.contains("2625 ft"),
        "{info}"
    );
    let shown = ours.ok(&["show", "training", "--width", "120", "--height", "30"]);
    assert!(
        shown.contains("28.0 mi") && !shown.contains(" km"),
        "{shown}"
    );
    // A units value no build can show is refused, naming it; nothing is written.
    let bad = theirs.export().replace("\"imperial\"", "\"furlongs\"");
    assert!(bad.contains("furlongs"));
    std::fs::write(&path, bad).unwrap();
    let fresh = Journal::new();
    fresh.ok(&["init"]);
    let before = fresh.export();
    let err = fresh.fails(&["import", path.to_str().unwrap()], 2);
    assert!(
        err.contains("settings.value") && err.contains("metric, imperial"),
        "{err}"
    );
    assert_eq!(fresh.export(), before);
}
