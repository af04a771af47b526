//! `info`, `edit`, `delete`, `restore` and `trash` (SPEC §6.4).

use super::common::Journal;

#[test]
fn delete_restore_and_trash() {
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    j.ok(&["checkin", "5", "--date", "yesterday"]);
    let out = j.ok(&["delete", "c1"]);
    assert!(out.contains("restore c1"), "{out}");
    assert_eq!(
        j.json(&["list"]).as_array().unwrap().len(),
        1,
        "deleted rows are hidden"
    );
    let trash = j.json(&["trash"]);
    assert_eq!(trash[0]["id"], "c1");
    j.ok(&["restore", "c1"]);
    assert_eq!(j.json(&["list"]).as_array().unwrap().len(), 2);
    assert!(j.json(&["trash"]).as_array().unwrap().is_empty());
    // Deleting twice or restoring a live record says so.
    j.fails(&["restore", "c1"], 2);
    j.ok(&["delete", "c2"]);
    j.fails(&["delete", "c2"], 2);
}

#[test]
fn a_new_checkin_on_a_deleted_day_blocks_restoring_the_old_one() {
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    j.ok(&["delete", "c1"]);
    j.ok(&["checkin", "6"]);
    let err = j.fails(&["restore", "c1"], 2);
    assert!(err.contains("c2"), "{err}");
    assert_eq!(j.json(&["list"])[0]["pain"], 6);
}

#[test]
fn trash_empty_purges_for_good() {
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    j.ok(&["event", "add", "life", "moved house"]);
    j.ok(&["delete", "c1"]);
    j.ok(&["delete", "e1"]);
    let v = j.json(&["trash", "--empty", "--yes"]);
    assert_eq!(v["purged"], 2);
    assert!(j.json(&["trash"]).as_array().unwrap().is_empty());
    j.fails(&["restore", "c1"], 2);
}

#[test]
fn edit_changes_only_given_fields_and_refuses_foreign_flags() {
    let j = Journal::new();
    j.ok(&["checkin", "4", "--sleep", "7", "--tag", "travel"]);
    let c = j.json(&["edit", "c1", "--pain", "6", "--note", "after the flight"]);
    assert_eq!(c["pain"], 6);
    assert_eq!(c["sleep_hours"], 7.0);
    assert_eq!(c["note"], "after the flight");
    j.ok(&["set", "ftp", "250"]);
    j.ok(&["ride", "1h", "--np", "200"]);
    let a = j.json(&["edit", "a1", "--np", "250"]);
    assert_eq!(a["tss"], 100.0, "TSS is recomputed when the figures change");
    let err = j.fails(&["edit", "a1", "--mood", "3"], 2);
    assert!(
        err.contains("--mood does not apply to an activity"),
        "{err}"
    );
    j.fails(&["edit", "c1"], 2);
    j.fails(&["edit", "c9", "--pain", "3"], 2);
    let info = j.ok(&["info", "a1"]);
    assert!(info.contains("NP") && info.contains("250 W"), "{info}");
}

#[test]
fn a_new_ftp_recomputes_the_computed_tss_from_its_date_on() {
    let j = Journal::new();
    // Logged before any FTP was set: no TSS yet. A typed-in TSS is the user's and stays.
    j.ok(&["ride", "1h", "--np", "200", "--date", "-10"]);
    j.ok(&["ride", "1h", "--np", "200", "--date", "-2"]);
    j.ok(&["ride", "1h", "--tss", "55", "--date", "-2"]);
    let v = j.json(&["set", "ftp", "200", "--from", "-30"]);
    assert_eq!(v["recomputed"], 2);
    let tss = |id: &str| j.json(&["info", id])["tss"].clone();
    assert_eq!(
        (tss("a1"), tss("a2"), tss("a3")),
        (100.0.into(), 100.0.into(), 55.0.into())
    );
    // A later change applies from its own date: the ride 10 days ago keeps FTP 200.
    let v = j.json(&["set", "ftp", "250", "--from", "-5"]);
    assert_eq!(v["recomputed"], 1);
    assert_eq!((tss("a1"), tss("a2")), (100.0.into(), 64.0.into()));
    assert_eq!(j.json(&["info", "a2"])["load_source"], "power");
}

fn med_add<'a>(name: &'a str, dose: &'a str) -> [&'a str; 9] {
    [
        "med",
        "add",
        name,
        "--class",
        "nsaid",
        "--dose",
        dose,
        "--max-daily",
        "1200",
    ]
}

#[test]
fn med_add_refuses_a_drug_already_in_the_catalogue_or_the_trash() {
    let j = Journal::new();
    j.ok(&med_add("Ibuprofen", "400"));
    let before = j.export();
    let err = j.fails(&med_add(" ibuprofen ", "200"), 2);
    assert!(
        err.contains(
            "name: 'ibuprofen' is already m1 Ibuprofen (400 mg, max 1200 mg/day); nothing was saved"
        ),
        "the field and the row are named: {err}"
    );
    assert!(err.contains("`backtrack med take Ibuprofen`"), "{err}");
    assert!(err.contains("`backtrack edit m1 --amount 200`"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert_eq!(j.export(), before, "nothing written");
    // The commands it names work as given.
    assert!(j.ok(&["med", "take", "Ibuprofen"]).contains("400 mg"));
    j.ok(&["edit", "m1", "--amount", "200"]);
    j.ok(&["delete", "m1"]);
    let before = j.export();
    let err = j.fails(&med_add("IBUPROFEN", "200"), 2);
    assert!(
        err.contains(
            "'IBUPROFEN' is m1 Ibuprofen (200 mg, max 1200 mg/day) in the trash; nothing was saved. \
             Bring it back: `backtrack restore m1`;"
        ),
        "{err}"
    );
    assert_eq!(j.export(), before, "nothing written");
    j.ok(&["restore", "m1"]);
    // A second dose within 30 minutes of the first: --force says it is one.
    let out = j.ok(&["med", "take", "ibuprofen", "--force"]);
    assert!(out.contains("200 mg"), "{out}");
}

#[test]
fn renaming_onto_a_drug_with_a_row_is_refused_naming_it() {
    let j = Journal::new();
    j.ok(&med_add("ibuprofen", "400"));
    j.ok(&med_add("paracetamol", "500"));
    let before = j.export();
    let err = j.fails(&["edit", "m2", "--title", "Ibuprofen"], 2);
    assert!(
        err.contains("name: 'Ibuprofen' is already m1 ibuprofen (400 mg, max 1200 mg/day)"),
        "{err}"
    );
    assert_eq!(j.export(), before, "nothing written");
    j.ok(&["delete", "m1"]);
    let before = j.export();
    let err = j.fails(&["edit", "m2", "--title", "Ibuprofen"], 2);
    assert!(err.contains("in the trash"), "{err}");
    assert!(err.contains("`backtrack restore m1`"), "{err}");
    assert_eq!(j.export(), before, "nothing written");
}

/// Another device's row of the same drug arrives by import (its name differs only in
/// spacing, so the journal keeps both): every command still works, and the trashed one of
/// the pair cannot come back beside the live one.
#[test]
fn a_merged_duplicate_works_and_cannot_be_restored_beside_the_live_row() {
    let (a, b) = (Journal::new(), Journal::new());
    a.ok(&med_add("vitamin d", "400"));
    b.ok(&med_add("vitamin d", "200"));
    b.ok(&["med", "take", "vitamin d"]);
    let file = b.dir.path().join("b.json");
    let text = b.export().replace("\"vitamin d\"", "\"vitamin  d\"");
    std::fs::write(&file, text).unwrap();
    a.ok(&["import", file.to_str().unwrap()]);
    let list = a.json(&["med", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 2, "{list}");
    // b's dose (imported) was taken moments ago: a second one within 30 minutes is forced.
    a.ok(&["med", "take", "vitamin d", "--force"]);
    a.ok(&["edit", "m2", "--max-daily", "1000"]);
    let err = a.fails(&med_add("Vitamin D", "400"), 2);
    assert!(err.contains("is already m1 vitamin d"), "{err}");
    a.ok(&["delete", "m1"]);
    let before = a.export();
    let err = a.fails(&["restore", "m1"], 2);
    assert!(
        err.contains("m1 cannot be restored: m2 vitamin  d is the same drug"),
        "{err}"
    );
    assert!(err.contains("`backtrack delete m2`"), "{err}");
    assert_eq!(a.export(), before, "m1 stays in the trash");
}
