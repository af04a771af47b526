//! What a new user's first week still broke (issue 20, items 13–22): one period grammar, a
//! search of every kind, the report's days, criteria without data, the catalogue's max, a
//! drug by its prefix and a second dose within 30 minutes, activity kinds people name,
//! `--demo` beside `BACKTRACK_DB`, units in lists, `info` in order, a PDF that leaves home alone.

use super::common::Journal;

/// Item 20: `BACKTRACK_DB` in the environment does not clash with `--demo`; a `--db` typed
/// with it does (exit 2), and commands with `--demo` say it only opens the app.
#[test]
fn demo_is_not_refused_because_backtrack_db_is_set() {
    let j = Journal::new();
    // No terminal here: the app cannot start, but it must not be refused over `--db`.
    let out = j.cmd().arg("--demo").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("--db"), "{err}");
    assert!(!j.db.exists(), "the journal BACKTRACK_DB names was created");
    let err = j.fails(&["--demo", "--db", "other.db"], 2);
    assert!(err.contains("'--demo' cannot be used with '--db"), "{err}");
    let err = j.fails(&["--demo", "status"], 2);
    assert!(err.contains("--demo only opens the app"), "{err}");
}

fn with_ibuprofen() -> Journal {
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
        "--max-daily",
        "1200",
    ]);
    j
}

/// Item 17: `med list` flags a drug whose day is over its max, as `status` does.
#[test]
fn med_list_flags_a_day_over_the_max() {
    let j = with_ibuprofen();
    j.ok(&["med", "take", "ibuprofen", "800", "--at", "08:00"]);
    assert!(!j.ok(&["med", "list"]).contains("over max"));
    j.ok(&[
        "med",
        "take",
        "ibuprofen",
        "800",
        "--at",
        "12:00",
        "--force",
    ]);
    let out = j.ok(&["med", "list"]);
    assert!(out.contains("today 1600/1200 mg (over max)"), "{out}");
    let v = j.json(&["med", "list"]);
    assert_eq!(v[0]["over_max"], true, "{v}");
    assert_eq!(v[0]["today_total"], 1600.0, "{v}");
    assert!(j.ok(&["status"]).contains("over max"));
}

/// Item 13: `--since 12w|6m|1y|all|DATE` in `list` and `stats` as in `report` and `chart`.
#[test]
fn one_period_grammar_in_list_stats_chart_and_report() {
    let j = Journal::new();
    j.ok(&["checkin", "3", "--date", "2025-01-10"]);
    j.ok(&["checkin", "4", "--date", "2026-08-01"]);
    j.ok(&["checkin", "5", "--date", "2026-11-20"]);
    let dates = |args: &[&str]| -> Vec<String> {
        let v = j.json(args);
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| c["date"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(dates(&["list", "--since", "12w"]), ["2026-11-20"]);
    assert_eq!(
        dates(&["list", "--since", "6m"]),
        ["2026-11-20", "2026-08-01"]
    );
    assert_eq!(
        dates(&["list", "--since", "1y"]),
        ["2026-11-20", "2026-08-01"]
    );
    assert_eq!(dates(&["list", "--since", "all"]).len(), 3);
    assert_eq!(dates(&["list", "--since", "2026-08-01"]).len(), 2);
    // A span counts back from --until, as in `report`.
    assert_eq!(
        dates(&["list", "--since", "1w", "--until", "2026-08-03"]),
        ["2026-08-01"]
    );
    for since in ["12w", "6m", "1y", "all", "2026-01-01"] {
        j.ok(&["stats", "--since", since]);
        j.ok(&["chart", "pain", "--since", since, "--width", "60"]);
        j.ok(&[
            "report",
            "--since",
            since,
            "-o",
            j.dir.path().to_str().unwrap(),
        ]);
        j.ok(&["med", "doses", "--since", since]);
    }
    let v = j.json(&["stats", "--since", "12w"]);
    assert_eq!(v["pain"]["days_logged"], 1, "{v}");
    let err = j.fails(&["list", "--since", "12x"], 2);
    assert!(
        err.contains("since") && err.contains("12w, 6m, 1y, or all"),
        "{err}"
    );
    // `report --since all` starts on the journal's first day.
    let v = j.json(&[
        "report",
        "--since",
        "all",
        "-o",
        j.dir.path().to_str().unwrap(),
    ]);
    assert_eq!(v["from"], "2025-01-10", "{v}");
}

/// Item 13: `list --until D` alone lists the 30 days up to D (it said "since … is after
/// --until").
#[test]
fn list_until_alone_lists_the_month_before_it() {
    let j = Journal::new();
    j.ok(&["checkin", "3", "--date", "2026-09-20"]);
    j.ok(&["checkin", "4", "--date", "2026-10-01"]);
    j.ok(&["checkin", "5", "--date", "2026-11-20"]);
    let out = j.ok(&["list", "--until", "2026-10-01"]);
    assert!(
        out.contains("2026-10-01") && out.contains("2026-09-20"),
        "{out}"
    );
    assert!(!out.contains("2026-11-20"), "{out}");
}

/// Item 13: an event dated with a bare weekday says which day it took and names the other.
#[test]
fn an_event_on_a_bare_weekday_says_which_day_it_took() {
    let j = Journal::new(); // today is Monday 23 Nov 2026
    let out = j.ok(&["event", "add", "physio", "Session", "--date", "thu"]);
    assert!(
        out.contains("on 2026-11-19")
            && out.contains("thu taken as Thu 19 Nov, the last one")
            && out.contains("\"next thu\", Thu 26 Nov"),
        "{out}"
    );
    let out = j.ok(&["event", "add", "physio", "Next", "--date", "next thu"]);
    assert!(
        out.contains("on 2026-11-26") && !out.contains("taken as"),
        "{out}"
    );
}

/// Item 14: `list --grep` without a kind searches every kind, newest first.
#[test]
fn grep_without_a_kind_searches_every_kind() {
    let j = with_ibuprofen();
    j.ok(&[
        "checkin",
        "3",
        "--date",
        "2026-11-20",
        "--note",
        "sore after the hill",
    ]);
    j.ok(&[
        "ride",
        "1h",
        "--date",
        "2026-11-21",
        "--note",
        "Hill repeats",
    ]);
    j.ok(&[
        "med",
        "take",
        "ibuprofen",
        "--at",
        "2026-11-22 08:00",
        "--note",
        "for the hill",
    ]);
    j.ok(&["event", "add", "physio", "Hill talk", "--date", "+3"]);
    j.ok(&["checkin", "2", "--date", "2026-11-22", "--note", "flat"]);
    let v = j.json(&["list", "--grep", "HILL"]);
    let refs: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ref"].as_str().unwrap())
        .collect();
    assert_eq!(refs, ["e1", "d1", "a1", "c1"], "{v}");
    let out = j.ok(&["list", "--grep", "hill"]);
    assert_eq!(out.lines().count(), 4, "{out}");
    let out = j.ok(&["list", "--grep", "mountain"]);
    assert_eq!(
        out.trim(),
        "Nothing from 2026-10-24 on has 'mountain' in its note, title or tags."
    );
    // Without --grep the default is still the check-ins.
    assert_eq!(j.json(&["list"]).as_array().unwrap().len(), 2);
    assert_eq!(
        j.json(&["list", "checkins", "--grep", "hill"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// Item 15: the report on a new journal counts the days since it began, not the 84 of the
/// default 12 weeks.
#[test]
fn the_report_on_a_new_journal_counts_days_since_it_began() {
    let j = Journal::new();
    j.ok(&["checkin", "4", "--date", "yesterday"]);
    j.ok(&["checkin", "3"]);
    let out_dir = j.dir.path().to_str().unwrap();
    let out = j.ok(&["report", "-o", out_dir]);
    assert!(
        out.contains("2 of 2 days logged since the journal began on 2026-11-22"),
        "{out}"
    );
    let v = j.json(&["report", "-o", out_dir]);
    let p = &v["figures"]["period"];
    assert_eq!(
        (p["days"].as_u64(), p["days_logged"].as_u64()),
        (Some(2), Some(2)),
        "{v}"
    );
    assert_eq!(p["journal_began"], "2026-11-22");
    let html = std::fs::read_to_string(v["path"].as_str().unwrap()).unwrap();
    assert!(html.contains("the journal began on"), "header");
    assert!(!html.contains("of 84 days"), "header");
    // A journal older than the period: every day of it counts, as before.
    j.ok(&["checkin", "5", "--date", "2026-01-05"]);
    let v = j.json(&["report", "-o", out_dir]);
    assert_eq!(v["figures"]["period"]["days"], 84);
    assert!(v["figures"]["period"]["journal_began"].is_null());
}

/// Item 16: a rule with no figure behind it says "not enough data", not "not met", in
/// `criteria list`, `stats` and the report; a rule with its figure is met or not met.
#[test]
fn criteria_without_data_say_not_enough_data() {
    let j = Journal::new();
    j.ok(&["checkin", "5"]);
    let out = j.ok(&["criteria", "list"]);
    assert!(!out.contains("not met"), "{out}");
    assert_eq!(out.matches("[not enough data]").count(), 3, "{out}");
    let out = j.ok(&["stats"]);
    assert!(out.contains("[not enough data] 7-day mean pain"), "{out}");
    assert!(!out.contains("not met"), "{out}");
    let v = j.json(&["report", "-o", j.dir.path().to_str().unwrap()]);
    let html = std::fs::read_to_string(v["path"].as_str().unwrap()).unwrap();
    assert!(html.contains("not enough data") && !html.contains("not met"));
    // With the figure there, the verdict is met or not met.
    j.ok(&["criteria", "add", "pain <= 2"]);
    let out = j.ok(&["criteria", "list"]);
    let line = out.lines().find(|l| l.contains("Latest pain")).unwrap();
    assert!(line.contains("[not met]"), "{out}");
}

/// Item 21: `list activities` shows the distance in the user's units; `info` lists what and
/// when first, the figures next, the bookkeeping last, with the year only when not this one.
#[test]
fn activity_lists_in_the_users_units_and_info_reads_in_order() {
    let j = Journal::new();
    j.ok(&["set", "units", "imperial"]);
    j.ok(&[
        "ride",
        "1h30m",
        "--distance",
        "40km",
        "--np",
        "200",
        "--date",
        "2025-11-03",
        "--pain-during",
        "3",
        "--note",
        "windy",
    ]);
    j.ok(&["ride", "1h", "--date", "2026-11-20"]);
    let out = j.ok(&["list", "activities", "--all"]);
    let first = out.lines().find(|l| l.starts_with("a1")).unwrap();
    assert!(first.contains("24.9 mi"), "{out}");
    assert!(!out.contains(" km"), "{out}");
    let out = j.ok(&["info", "a1"]);
    let at = |what: &str| {
        out.lines()
            .position(|l| l.trim_start().starts_with(what))
            .unwrap_or_else(|| panic!("{what} missing: {out}"))
    };
    let order = [
        "kind",
        "start",
        "duration",
        "distance",
        "NP",
        "pain during",
        "note",
        "uuid",
    ];
    let pos: Vec<usize> = order.iter().map(|w| at(w)).collect();
    assert!(
        pos.windows(2).all(|w| w[0] < w[1]),
        "{order:?} at {pos:?}: {out}"
    );
    assert!(out.contains("3 Nov 2025 12:00"), "{out}");
    assert!(!out.contains("stopped for pain"), "{out}");
    let out = j.ok(&["info", "a2"]);
    assert!(out.contains("start              20 Nov 12:00"), "{out}");
    j.ok(&[
        "med",
        "add",
        "prednisolone",
        "--class",
        "oral-steroid",
        "--unit",
        "mg",
        "--dose",
        "5",
        "--course-start",
        "2025-12-01",
    ]);
    let out = j.ok(&["info", "m1"]);
    assert!(out.contains("course start       1 Dec 2025"), "{out}");
    let name = out.find("name").unwrap();
    assert!(name < out.find("class").unwrap() && name < out.find("usual dose").unwrap());
}

/// Item 22: `report --pdf` gives the browser a home, XDG folders and a profile inside a
/// temporary folder: a browser that writes `~/.config/chromium` and `~/.cache/dconf` leaves
/// nothing in the user's home, and the temporary folder goes afterwards.
#[test]
fn report_pdf_leaves_nothing_in_the_users_home() {
    use std::os::unix::fs::PermissionsExt;
    let j = Journal::new();
    j.ok(&["checkin", "4"]);
    let root = j.dir.path();
    let (home, bin, tmp) = (root.join("home"), root.join("bin"), root.join("tmp"));
    for d in [&home, &bin, &tmp] {
        std::fs::create_dir_all(d).unwrap();
    }
    // What Chromium does to a home, then the PDF where it was asked for.
    let fake = bin.join("chromium");
    std::fs::write(
        &fake,
        r#"#!/bin/sh
mkdir -p "$HOME/.config/chromium" "${XDG_CACHE_HOME:-$HOME/.cache}/dconf" "$HOME/.pki"
echo x > "$HOME/.config/chromium/Local State"
echo x > "${XDG_CACHE_HOME:-$HOME/.cache}/dconf/user"
for a in "$@"; do
  case "$a" in
    --print-to-pdf=*) printf '%%PDF-1.4 fake' > "${a#--print-to-pdf=}" ;;
    --user-data-dir=*) mkdir -p "${a#--user-data-dir=}" && echo x > "${a#--user-data-dir=}/Default" ;;
  esac
done
"#,
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out_dir = root.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let out = j
        .cmd()
        .env("HOME", &home)
        .env("TMPDIR", &tmp)
        .env("PATH", path)
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("XDG_RUNTIME_DIR")
        .args(["report", "--pdf", "-o"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let pdfs: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    assert_eq!(pdfs.len(), 1, "{pdfs:?}");
    let left = |d: &std::path::Path| std::fs::read_dir(d).unwrap().count();
    assert_eq!(left(&home), 0, "the browser wrote into the user's home");
    assert_eq!(left(&tmp), 0, "the temporary profile was left behind");
}

/// Item 18: `med take para` takes paracetamol; a prefix of two drugs is refused naming both;
/// a second dose of one drug within 30 minutes is refused (exit 2, nothing written) unless
/// `--force`, as the max is.
#[test]
fn med_take_by_prefix_and_a_second_dose_within_30_minutes() {
    let j = with_ibuprofen();
    j.ok(&[
        "med",
        "add",
        "paracetamol",
        "--class",
        "acetaminophen",
        "--unit",
        "mg",
        "--dose",
        "1000",
    ]);
    j.ok(&[
        "med",
        "add",
        "ibuprofen gel",
        "--class",
        "nsaid",
        "--unit",
        "g",
        "--dose",
        "2",
    ]);
    let out = j.ok(&["med", "take", "para", "--at", "08:00"]);
    assert!(
        out.contains("1000 mg paracetamol at 2026-11-23 08:00"),
        "{out}"
    );
    let err = j.fails(&["med", "take", "ibu", "--at", "09:00"], 2);
    assert!(
        err.contains("medication") && err.contains("ibuprofen, ibuprofen gel"),
        "{err}"
    );
    let before = j.export();
    let err = j.fails(&["med", "take", "paracetamol", "--at", "08:20"], 2);
    assert!(
        err.contains(
            "paracetamol: 1000 mg is already logged at 08:00 (d1), 20 min before this one"
        ) && err.contains("--force"),
        "{err}"
    );
    assert_eq!(j.export(), before, "nothing written");
    // Within the window on the other side too; 30 minutes apart is a new dose.
    j.fails(&["med", "take", "para", "--at", "07:45"], 2);
    j.ok(&["med", "take", "para", "--at", "08:30"]);
    j.ok(&["med", "take", "para", "--at", "08:40", "--force"]);
    assert_eq!(j.json(&["med", "doses"]).as_array().unwrap().len(), 3);
}

/// Item 19: kinds people name (`yoga`, `hike`, `ski`) are stored and listed as named, load
/// by the rules of `other` (RPE), survive edit, export and import; built-in kinds keep
/// theirs (a ride's TSS from the FTP); a near miss of a built-in kind is refused.
#[test]
fn activity_kinds_people_name_are_kept_and_listed() {
    let j = Journal::new();
    j.ok(&["set", "ftp", "250"]);
    let out = j.ok(&[
        "activity", "add", "Yoga", "45m", "--rpe", "3", "--date", "-1",
    ]);
    assert!(
        out.contains("activity a1: yoga on 2026-11-22, 45m, TSS ~"),
        "{out}"
    );
    assert!(out.contains("(estimated from rpe)"), "{out}");
    j.ok(&["activity", "add", "hike", "3h", "--date", "-2"]);
    let out = j.ok(&["ride", "1h", "--np", "200"]);
    assert!(out.contains("TSS 64 (power)"), "{out}");
    let out = j.ok(&["list", "activities"]);
    assert!(
        out.contains(" yoga ") && out.contains(" hike ") && out.contains(" ride "),
        "{out}"
    );
    let v = j.json(&["info", "a1"]);
    assert_eq!(
        (v["kind"].as_str(), v["sport"].as_str()),
        (Some("other"), Some("yoga"))
    );
    assert!(j.ok(&["info", "a1"]).contains("kind               yoga"));
    // An edit keeps it, and can give another name or a built-in kind.
    j.ok(&["edit", "a1", "--duration", "1h"]);
    assert_eq!(j.json(&["info", "a1"])["sport"], "yoga");
    j.ok(&["edit", "a2", "--kind", "ski"]);
    assert_eq!(j.json(&["info", "a2"])["sport"], "ski");
    // Export and import round-trip it.
    let file = j.dir.path().join("out.json");
    std::fs::write(&file, j.export()).unwrap();
    let k = Journal::new();
    k.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(k.json(&["info", "a1"])["sport"], "yoga");
    assert_eq!(k.export(), j.export());
    // A near miss of a built-in kind is a typo: refused, nothing written.
    let before = j.export();
    let err = j.fails(&["activity", "add", "rdie", "1h"], 2);
    assert!(
        err.contains("kind") && err.contains("one letter from 'ride'"),
        "{err}"
    );
    assert_eq!(j.export(), before);
}

/// Item 23: one-line summaries echo everything stored (where, feels, sitting, workday…),
/// what an update cleared, and a dose correction forced over the max.
#[test]
fn summaries_echo_what_was_stored_cleared_or_forced() {
    let j = with_ibuprofen();
    let out = j.ok(&[
        "checkin",
        "6",
        "--worst",
        "8",
        "--where",
        "low-back,buttock-left",
        "--feels",
        "ache",
        "--sleep",
        "6.5",
        "--mood",
        "2",
        "--sitting",
        "9",
        "--workday",
        "--tag",
        "drive",
        "--note",
        "long day",
    ]);
    for part in [
        "pain 6",
        "worst 8",
        "where low-back,buttock-left",
        "feels ache",
        "sleep 6.5 h",
        "mood 2/5",
        "sitting 9 h",
        "workday",
        "tags drive",
        "note",
    ] {
        assert!(out.contains(part), "{part}: {out}");
    }
    let out = j.ok(&["checkin", "5", "--no-workday", "--note", ""]);
    assert!(
        out.contains("no workday") && out.contains("note cleared"),
        "{out}"
    );
    // A correction forced over the max says so, with the day's total.
    j.ok(&["med", "take", "ibuprofen", "800", "--at", "08:00"]);
    j.ok(&["med", "take", "ibuprofen", "400", "--at", "12:00"]);
    let out = j.ok(&["edit", "d1", "--amount", "1000", "--force"]);
    assert!(
        out.contains("total on 2026-11-23: 1400 mg of max 1200 mg — OVER the daily max (forced)"),
        "{out}"
    );
    let out = j.ok(&["edit", "d1", "--amount", "400"]);
    assert!(
        out.ends_with("total on 2026-11-23: 800 mg of max 1200 mg\n"),
        "{out}"
    );
}
