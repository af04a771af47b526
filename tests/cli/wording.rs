//! What people read (issue 15): plurals, doses and figures in words, one TSS-estimate marker,
//! one tag rule, and refusals that name the field.

use super::common::{Journal, TODAY};

#[test]
fn one_of_a_thing_is_singular() {
    let j = Journal::new();
    j.ok(&["checkin", "3"]);
    let stats = j.ok(&["stats"]);
    assert!(stats.contains("1 day logged"), "{stats}");
    assert!(!stats.contains("1 days"), "{stats}");
    let psfs = j.ok(&["psfs", "set", "ride 3h with climbing", "4"]);
    assert!(!psfs.contains("1 PSFS ratings"), "{psfs}");
}

#[test]
fn delete_and_trash_name_the_dose_in_words() {
    let j = Journal::new();
    j.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--unit",
        "mg",
        "--dose",
        "400",
    ]);
    j.ok(&[
        "med",
        "take",
        "ibuprofen",
        "--at",
        &format!("{TODAY} 20:13"),
    ]);
    let out = j.ok(&["delete", "d1"]);
    assert!(out.contains("(400 mg ibuprofen at 20:13)"), "{out}");
    assert!(!out.contains("medication #"), "{out}");
    let trash = j.ok(&["trash"]);
    assert!(trash.contains("400 mg ibuprofen at 20:13"), "{trash}");
    // When it was deleted reads as a day and a time, not the stored UTC stamp.
    let when = trash.split("(deleted ").nth(1).unwrap_or_default();
    assert!(
        !when.contains('T') && !when.contains('Z') && when.contains(':'),
        "{trash}"
    );
    let v = j.json(&["trash"]);
    assert!(v[0]["deleted_at"].as_str().unwrap().ends_with('Z'), "{v}");
}

#[test]
fn info_shows_km_and_hours_and_json_keeps_the_keys() {
    let j = Journal::new();
    j.ok(&["ride", "1h30m", "--distance", "45km", "--rpe", "6"]);
    let info = j.ok(&["info", "a1"]);
    assert!(info.contains("45.0 km") && info.contains("1h30m"), "{info}");
    assert!(!info.contains("45000") && !info.contains("5400"), "{info}");
    let v = j.json(&["info", "a1"]);
    assert_eq!(v["distance_m"], 45000.0);
    assert_eq!(v["elapsed_s"], 5400);
}

#[test]
fn list_marks_an_estimated_tss_with_a_leading_tilde() {
    let j = Journal::new();
    j.ok(&["ride", "1h", "--rpe", "6"]);
    let out = j.ok(&["list", "activities"]);
    assert!(out.contains("TSS   ~"), "{out}");
    assert!(!out.contains("~  pain"), "{out}");
}

#[test]
fn tags_split_on_commas_only_and_spaces_become_dashes() {
    let j = Journal::new();
    j.ok(&["checkin", "3", "--tag", "long-drive, quick  hike"]);
    let v = j.json(&["list"]);
    assert_eq!(
        v[0]["tags"],
        serde_json::json!(["long-drive", "quick-hike"])
    );
}

#[test]
fn list_finds_notes_and_tags() {
    let j = Journal::new();
    j.ok(&[
        "checkin",
        "3",
        "--date",
        "-2",
        "--note",
        "Shoveled the drive",
    ]);
    j.ok(&["checkin", "5", "--date", "-1", "--tag", "long drive"]);
    j.ok(&["checkin", "2"]);
    let by_note = j.json(&["list", "--grep", "SHOVEL"]);
    assert_eq!(by_note.as_array().map(Vec::len), Some(1), "{by_note}");
    assert_eq!(by_note[0]["pain"], 3);
    let by_grep_tag = j.json(&["list", "--grep", "drive"]);
    assert_eq!(
        by_grep_tag.as_array().map(Vec::len),
        Some(2),
        "{by_grep_tag}"
    );
    let by_tag = j.json(&["list", "--tag", "Long Drive"]);
    assert_eq!(by_tag.as_array().map(Vec::len), Some(1), "{by_tag}");
    assert_eq!(by_tag[0]["pain"], 5);
    let err = j.fails(&["list", "doses", "--tag", "x"], 2);
    assert!(err.contains("tag"), "{err}");
}

#[test]
fn show_refuses_a_size_it_cannot_draw_instead_of_printing_the_app_notice() {
    let j = Journal::new();
    let err = j.fails(&["show", "meds", "--width", "40", "--height", "10"], 2);
    assert!(err.contains("--width at least"), "{err}");
    j.ok(&["init"]);
    let out = j.ok(&["show", "meds"]);
    assert!(!out.contains("q quits"), "{out}");
}

#[test]
fn rehab_log_without_a_programme_exercises_or_minutes_is_refused() {
    let j = Journal::new();
    let err = j.fails(&["rehab", "log"], 2);
    assert!(
        err.contains("done") && err.contains("--minutes") && err.contains("allowed"),
        "{err}"
    );
    // Minutes alone are a session (issue 20).
    let s = j.json(&["rehab", "log", "--minutes", "20"]);
    assert_eq!(s["minutes"], 20, "{s}");
    assert_eq!(j.json(&["list", "rehab"]).as_array().map(Vec::len), Some(1));
}

#[test]
fn a_ride_logged_for_yesterday_after_the_first_ftp_gets_a_power_tss() {
    let j = Journal::new();
    j.ok(&["checkin", "3", "--date", "-5"]);
    j.ok(&["set", "ftp", "250"]);
    let out = j.ok(&["ride", "1h", "--np", "200", "--date", "yesterday"]);
    assert!(out.contains("TSS 64"), "{out}");
    let v = j.json(&["list", "activities"]);
    assert_eq!(v[0]["load_source"], "power");
}

#[test]
fn medication_screen_reads_amount_unit_name() {
    let j = Journal::new();
    j.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--unit",
        "mg",
        "--dose",
        "400",
        "--as-needed",
    ]);
    j.ok(&["med", "take", "ibuprofen", "1600"]);
    let out = j.ok(&["show", "meds", "--width", "100", "--height", "30"]);
    assert!(out.contains("1600 mg ibuprofen (no max) (1×)"), "{out}");
}

#[test]
fn today_marks_an_estimated_tss_like_list_and_the_app() {
    let j = Journal::new();
    j.ok(&["ride", "1h", "--rpe", "6"]);
    let today = j.ok(&["show", "today", "--width", "120", "--height", "40"]);
    assert!(today.contains("TSS ~"), "{today}");
}

#[test]
fn info_names_a_sessions_exercises_with_their_prescription() {
    let j = Journal::new();
    j.ok(&[
        "rehab",
        "log",
        "--done",
        "bird dog:3x10",
        "--done",
        "side plank:3x30s",
    ]);
    let info = j.ok(&["info", "r1"]);
    assert!(
        info.contains("exercises") && info.contains("bird dog 3x10, side plank 3x30s"),
        "{info}"
    );
    assert!(!info.contains("exercise_id"), "{info}");
}

#[test]
fn an_empty_note_or_tag_clears_it_and_says_so() {
    let j = Journal::new();
    j.ok(&[
        "checkin",
        "4",
        "--note",
        "stiff after the drive",
        "--tag",
        "drive",
    ]);
    let out = j.ok(&["checkin", "5", "--note", ""]);
    assert!(
        out.contains("note cleared") && !out.contains("tags cleared"),
        "{out}"
    );
    let out = j.ok(&["checkin", "5", "--tag", ""]);
    assert!(out.contains("tags cleared"), "{out}");
    let v = j.json(&["info", "c1"]);
    assert!(
        v["note"].is_null() && v["tags"].as_array().is_none_or(|t| t.is_empty()),
        "{v}"
    );
    // Logging again without them keeps what is stored and says nothing of clearing.
    j.ok(&["checkin", "5", "--note", "better"]);
    let out = j.ok(&["checkin", "3"]);
    assert!(!out.contains("cleared"), "{out}");
}
