//! Bad input: exit code 2, a message naming the field and the allowed values, nothing written.

use super::common::Journal;

fn seeded() -> Journal {
    let j = Journal::new();
    j.ok(&["checkin", "3"]);
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
        "--max-daily",
        "1200",
    ]);
    j.ok(&[
        "med",
        "take",
        "ibuprofen",
        "800",
        "--at",
        "2026-11-23 08:00",
    ]);
    j
}

#[test]
fn bad_input_table_exits_2_names_field_and_writes_nothing() {
    let j = seeded();
    let before = j.export();
    let cases: &[(&[&str], &str, &str)] = &[
        (&["checkin", "11"], "pain", "0–10"),
        (&["checkin", "-1"], "pain", "0–10"),
        (&["checkin", "four"], "pain", "0–10"),
        (&["checkin", "4", "--sleep", "25"], "sleep", "0–24"),
        (&["checkin", "4", "--date", "2026-11-24"], "date", "future"),
        (&["checkin", "4", "--where", "knee"], "location", "low-back"),
        (
            &["checkin", "4", "--feels", "itchy"],
            "character",
            "stiffness",
        ),
        (
            &["checkin", "4", "--red-flag", "headache"],
            "red_flag",
            "saddle-numbness",
        ),
        (&["checkin", "4", "--mood", "6"], "mood", "1–5"),
        (&["med", "take", "tylenol"], "medication", "ibuprofen"),
        (&["med", "take", "ibuprofen", "800"], "amount", "1200"),
        (&["ride", "forever"], "duration", "1h30m"),
        (&["activity", "add", "rdie", "1h"], "kind", "ride"),
        (&["ride", "1h", "--distance", "far"], "distance", "42km"),
        (&["event", "add", "party", "x"], "kind", "imaging"),
        (&["set", "ftp", "9000"], "ftp_w", "700"),
        (&["set", "cadence", "90"], "setting", "ftp"),
        (&["psfs", "set", "ride 3h", "12"], "score", "0–10"),
        (&["delete", "zz9"], "id", "c=check-in"),
    ];
    for (args, field, allowed) in cases {
        let err = j.fails(args, 2);
        assert!(
            err.contains(&format!("{field}:")),
            "{args:?} should name {field}: {err}"
        );
        assert!(
            err.contains(allowed),
            "{args:?} should list {allowed}: {err}"
        );
    }
    assert_eq!(before, j.export(), "bad input changed the journal");
}

#[test]
fn bad_input_on_a_new_journal_creates_no_file() {
    let j = Journal::new();
    j.fails(&["checkin", "11"], 2);
    assert!(
        !j.db.exists(),
        "a refused check-in created the journal file"
    );
}

#[test]
fn dose_over_max_is_stored_only_with_force() {
    let j = seeded();
    let err = j.fails(&["med", "take", "ibuprofen", "800"], 2);
    assert!(err.contains("1600") && err.contains("--force"), "{err}");
    let d = j.json(&["med", "take", "ibuprofen", "800", "--force"]);
    assert_eq!(d["amount"], 800.0);
    let doses = j.json(&["med", "doses"]);
    assert_eq!(doses.as_array().unwrap().len(), 2);
    // Newest first, as `list doses`.
    assert_eq!(doses[0]["amount"], 800.0, "{doses}");
    assert_eq!(doses, j.json(&["list", "doses"]), "the two lists agree");
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let j = Journal::new();
    let err = j.fails(&["checkin"], 2);
    assert!(
        err.contains("<PAIN>"),
        "the missing argument is named: {err}"
    );
    for args in [
        &["checkin"][..],
        &["frobnicate"],
        &["checkin", "4", "--foo"],
    ] {
        let err = j.fails(args, 2);
        assert!(
            err.lines().count() <= 2 && err.starts_with("error: "),
            "one line plus at most one: {err}"
        );
    }
    let help = j.ok(&["checkin", "--help"]);
    assert!(
        help.contains("Examples:") && help.contains("--sleep"),
        "{help}"
    );
}

#[test]
fn a_damaged_file_is_refused_and_left_alone() {
    let j = Journal::new();
    std::fs::create_dir_all(j.db.parent().unwrap()).unwrap();
    std::fs::write(
        &j.db,
        b"this is not sqlite, just some notes I care about\n".repeat(100),
    )
    .unwrap();
    let before = std::fs::read(&j.db).unwrap();
    let err = j.fails(&["checkin", "4"], 1);
    assert!(err.contains("not a backtrack journal"), "{err}");
    assert_eq!(before, std::fs::read(&j.db).unwrap());
}

#[test]
fn a_worst_below_the_days_pain_is_refused_and_a_higher_pain_lifts_the_stored_worst() {
    let j = Journal::new();
    let err = j.fails(&["checkin", "4", "--worst", "2"], 2);
    assert!(err.contains("worst") && err.contains("4–10"), "{err}");
    assert!(j.json(&["list", "checkins"]).as_array().unwrap().is_empty());
    j.ok(&["checkin", "4", "--worst", "5"]);
    // A higher pain later that day: the stored peak of 5 cannot stand below it.
    let out = j.ok(&["checkin", "6"]);
    assert!(out.contains("worst raised from 5 to 6"), "{out}");
    assert_eq!(j.json(&["info", "c1"])["worst_pain"], 6);
    let before = j.export();
    let err = j.fails(&["edit", "c1", "--worst", "2"], 2);
    assert!(err.contains("worst") && err.contains("6–10"), "{err}");
    j.fails(&["checkin", "7", "--worst", "6"], 2);
    assert_eq!(j.export(), before, "a refusal writes nothing");
    let out = j.ok(&["edit", "c1", "--pain", "8"]);
    assert!(out.contains("worst raised from 6 to 8"), "{out}");
}

#[test]
fn a_dose_corrected_over_the_daily_max_is_refused_unless_forced() {
    let j = Journal::new();
    j.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--dose",
        "400",
        "--max-daily",
        "1200",
    ]);
    j.ok(&["med", "take", "ibuprofen", "--at", "08:00"]);
    j.ok(&["med", "take", "ibuprofen", "--at", "09:00"]);
    let before = j.export();
    // 400 + 1000 = 1400 > 1200: the same rule as taking a dose.
    let err = j.fails(&["edit", "d2", "--amount", "1000"], 2);
    assert!(
        err.contains("amount") && err.contains("1400 mg") && err.contains("up to 800 mg"),
        "{err}"
    );
    assert_eq!(j.export(), before, "nothing was written");
    j.ok(&["edit", "d2", "--amount", "800"]);
    let out = j.ok(&["edit", "d2", "--amount", "1000", "--force"]);
    assert!(out.contains("1000 mg"), "{out}");
    // Lowering a day that is over the max is always allowed.
    j.ok(&["edit", "d2", "--amount", "900"]);
}
