//! What people reach for on day one (issue 20, items 18, 19, 21, 22): a drug by the start of
//! its name and a second dose within 30 minutes, activity kinds of their own, distances in
//! their units and `info` in order, a PDF that leaves their home alone.

use super::common::Journal;
use super::dayone::with_ibuprofen;

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
