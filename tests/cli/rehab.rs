//! Rehab loads on programmes and exercises (kept, shown, logged as prescribed), `edit r<ID>`
//! leaving the exercises as they are, and the JSON round trip of all of it, old exports included.

use serde_json::Value;

use super::common::Journal;

fn with_loads() -> Journal {
    let j = Journal::new();
    j.ok(&[
        "rehab",
        "exercise",
        "add",
        "kettlebell swing",
        "--kind",
        "strength",
        "--prescription",
        "3x15@12kg",
    ]);
    j.ok(&[
        "rehab",
        "programme",
        "add",
        "Legs",
        "--exercise",
        "goblet squat:3x8@16kg",
        "--exercise",
        "kettlebell swing",
        "--exercise",
        "bird dog:3x10",
    ]);
    j
}

#[test]
fn programme_loads_are_listed_and_logged_as_prescribed() {
    let j = with_loads();
    let list = j.ok(&["rehab", "exercise", "list"]);
    assert!(list.contains("3x15@12kg"), "{list}");
    let list = j.ok(&["rehab", "programme", "list"]);
    assert!(
        list.contains("goblet squat 3x8@16kg")
            && list.contains("kettlebell swing 3x15@12kg")
            && list.contains("bird dog 3x10\n"),
        "{list}"
    );
    let p = &j.json(&["rehab", "programme", "list"])[0];
    assert_eq!(p["items"][0]["load_kg"], 16.0);
    assert_eq!(p["items"][2]["load_kg"], Value::Null);

    let out = j.ok(&["rehab", "log"]);
    assert!(
        out.contains("goblet squat 3x8@16kg, kettlebell swing 3x15@12kg, bird dog 3x10"),
        "{out}"
    );
    let s = j.json(&["info", "r1"]);
    let loads: Vec<&Value> = s["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["load_kg"])
        .collect();
    assert_eq!(
        loads,
        [&Value::from(16.0), &Value::from(12.0), &Value::Null]
    );
    // A bare --done is the prescription, load included; a typed load replaces it.
    let s = j.json(&["rehab", "log", "Legs", "--done", "goblet squat"]);
    assert_eq!(s["items"][0]["load_kg"], 16.0);
    let s = j.json(&["rehab", "log", "Legs", "--done", "goblet squat:@20kg"]);
    assert_eq!(
        (
            s["items"][0]["reps"].as_u64(),
            s["items"][0]["load_kg"].as_f64()
        ),
        (Some(8), Some(20.0))
    );

    j.ok(&["set", "units", "imperial"]);
    let list = j.ok(&["rehab", "programme", "list"]);
    assert!(list.contains("goblet squat 3x8@35.5lb"), "{list}");
}

#[test]
fn edit_of_a_session_keeps_its_exercises() {
    let j = with_loads();
    j.ok(&["rehab", "log"]);
    let rows = |j: &Journal| -> Value {
        let doc: Value = serde_json::from_str(&j.export()).unwrap();
        doc["tables"]["rehab_session_items"].clone()
    };
    let before = rows(&j);
    j.ok(&["edit", "r1", "--minutes", "30", "--pain-after", "2"]);
    let s = j.json(&["info", "r1"]);
    assert_eq!(
        (s["minutes"].as_u64(), s["items"].as_array().unwrap().len()),
        (Some(30), 3)
    );
    assert_eq!(rows(&j), before, "the exercise rows are untouched");
}

#[test]
fn loads_survive_export_and_import_unchanged() {
    let a = with_loads();
    a.ok(&["rehab", "log", "--minutes", "25"]);
    a.ok(&[
        "rehab",
        "log",
        "--done",
        "goblet squat:3x10@18kg",
        "--date",
        "-1",
    ]);
    let first = a.export();
    let doc: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["format_version"], 4);
    let path = a.dir.path().join("export.json");
    std::fs::write(&path, &first).unwrap();
    let b = Journal::new();
    b.ok(&["import", path.to_str().unwrap()]);
    assert_eq!(b.export(), first, "export → import → export is identical");
    for args in [
        &["list", "rehab"][..],
        &["info", "r1"],
        &["info", "r2"],
        &["rehab", "programme", "list"],
        &["rehab", "exercise", "list"],
    ] {
        assert_eq!(b.json(args), a.json(args), "{args:?}");
    }
}

#[test]
fn an_export_from_before_loads_still_imports() {
    let a = with_loads();
    a.ok(&["rehab", "log"]);
    let mut doc: Value = serde_json::from_str(&a.export()).unwrap();
    // What a build before the load column wrote: format 1, no load_kg on these tables.
    doc["format_version"] = Value::from(1);
    for table in ["exercises", "programme_items"] {
        for row in doc["tables"][table].as_array_mut().unwrap() {
            row.as_object_mut().unwrap().remove("load_kg");
        }
    }
    let path = a.dir.path().join("old.json");
    std::fs::write(&path, serde_json::to_string(&doc).unwrap()).unwrap();
    let b = Journal::new();
    let report = b.json(&["import", path.to_str().unwrap()]);
    assert_eq!(report[0]["tables"]["programme_items"]["inserted"], 3);
    let p = &b.json(&["rehab", "programme", "list"])[0];
    assert_eq!(p["items"][0]["load_kg"], Value::Null);
    assert_eq!(p["items"][0]["reps"], 8);
    // The session keeps the loads it was logged with.
    assert_eq!(b.json(&["info", "r1"])["items"][0]["load_kg"], 16.0);
    // An export newer than this build reads is refused, naming the file.
    doc["format_version"] = Value::from(5);
    std::fs::write(&path, serde_json::to_string(&doc).unwrap()).unwrap();
    let err = b.fails(&["import", path.to_str().unwrap()], 2);
    assert!(err.contains("format 5"), "{err}");
}

/// The column each line's `what` starts at, for every line that has it.
fn columns_of(list: &str, what: &str) -> Vec<usize> {
    list.lines()
        .filter_map(|l| l.find(what).map(|i| l[..i].chars().count()))
        .collect()
}

#[test]
fn exercise_and_session_lists_keep_their_columns_with_loads() {
    let j = with_loads();
    j.ok(&[
        "rehab",
        "exercise",
        "add",
        "suitcase carry",
        "--kind",
        "strength",
        "--prescription",
        "3x8@35.5lb",
        "--per-side",
    ]);
    for units in ["metric", "imperial"] {
        j.ok(&["set", "units", units]);
        let list = j.ok(&["rehab", "exercise", "list"]);
        let want = if units == "metric" {
            ["3x15@12kg", "3x8@16.1kg"]
        } else {
            ["3x15@26.5lb", "3x8@35.5lb"]
        };
        assert!(want.iter().all(|w| list.contains(w)), "{list}");
        // "per side" in one column, the suitcase carry's too, and no trailing spaces.
        let per_side = columns_of(&list, "per side");
        assert!(per_side.len() >= 5, "{list}");
        assert!(per_side.iter().all(|c| *c == per_side[0]), "{list}");
        assert!(list.lines().all(|l| l == l.trim_end()), "{list:?}");
        // Each prescription starts in the same column, the loaded ones included.
        let specs: Vec<usize> = ["3x10", "3x15@", "3x8@", "2x30s"]
            .iter()
            .flat_map(|s| columns_of(&list, s))
            .collect();
        assert!(specs.iter().all(|c| *c == specs[0]), "{list}");
    }
    // `list rehab`: "pain" lines up after "1 exercise" and "3 exercises".
    j.ok(&["rehab", "log"]);
    j.ok(&["rehab", "log", "--done", "bird dog:3x10"]);
    let list = j.ok(&["list", "rehab"]);
    let pain = columns_of(&list, "pain");
    assert_eq!(pain.len(), 2, "{list}");
    assert_eq!(pain[0], pain[1], "{list}");
}

#[test]
fn a_refused_rehab_command_on_a_fresh_journal_writes_nothing() {
    // The default library is written the first time rehab is used, but only when the command
    // goes through: a refusal leaves the journal exactly as it was.
    let j = Journal::new();
    j.ok(&["checkin", "3"]);
    let before = j.export();
    let err = j.fails(&["rehab", "log", "no such programme"], 2);
    assert!(err.contains("programme"), "{err}");
    j.fails(&["rehab", "log", "--done", "moon walk:3x10"], 2);
    j.fails(
        &[
            "rehab",
            "programme",
            "add",
            "block",
            "--exercise",
            "moon walk:3x10",
        ],
        2,
    );
    assert_eq!(j.export(), before, "nothing was written");
    // The first command that goes through still gets the library.
    j.ok(&["rehab", "log", "--done", "bird dog:3x10"]);
    let lib = j.json(&["rehab", "exercise", "list"]);
    assert!(lib.as_array().unwrap().len() >= 10, "{lib}");
}
