//! `sync` end to end (issue 24): two journals share a temp folder, or a bare git repository
//! in a temp dir; a wrong key is refused with nothing written; conflicts are listed and taken
//! back; the folder holds ciphertext only.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::common::Journal;

fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        match e.path().is_dir() {
            true => out.extend(files(&e.path())),
            false => out.push(e.path().display().to_string()),
        }
    }
    out.sort();
    out
}

/// A and B joined through a temp folder; returns the folder and the key.
fn pair(a: &Journal, b: &Journal, dir: &Path) -> String {
    let folder = dir.to_str().unwrap();
    let init = a.json(&["sync", "init", folder]);
    let key = init["key"].as_str().unwrap().to_string();
    assert!(key.starts_with("AGE-SECRET-KEY-1"), "{init}");
    let joined = b.json(&["sync", "join", folder, "--key", &key]);
    assert!(
        joined.get("key").is_none(),
        "join does not print the key again"
    );
    key
}

#[test]
fn two_journals_share_a_folder_and_end_with_the_same_records() {
    let (a, b, shared) = (Journal::new(), Journal::new(), tempfile::tempdir().unwrap());
    a.ok(&["checkin", "4", "--note", "stiff after the drive"]);
    a.ok(&[
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
    pair(&a, &b, shared.path());
    assert!(b.ok(&["list"]).contains("2026-11-23"), "B has A's check-in");
    b.ok(&["checkin", "6", "--date", "2026-11-22"]);
    let s = b.json(&["sync"]);
    assert_eq!(s["published"], 1, "{s}");
    let s = a.json(&["sync"]);
    assert_eq!(
        (s["received"].as_i64(), s["applied_segments"].as_i64()),
        (Some(1), Some(1)),
        "{s}"
    );
    assert_eq!(a.export_tables(), b.export_tables());
    let st = a.json(&["sync", "status"]);
    for k in [
        "syncing",
        "device_id",
        "folder",
        "git",
        "last_sync",
        "last_error",
        "pending",
        "waiting",
        "conflicts",
        "devices",
    ] {
        assert!(st.get(k).is_some(), "status --json has {k}: {st}");
    }
    assert_eq!(st["devices"].as_array().unwrap().len(), 2);
    assert_eq!(st["pending"], 0);
    assert_eq!(a.json(&["sync", "conflicts"]), serde_json::json!([]));
    // Ciphertext only: no note, drug name or date in the folder.
    for f in files(shared.path()) {
        let text = String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned();
        for secret in ["stiff after", "ibuprofen", "2026-11-2"] {
            assert!(!text.contains(secret), "{secret} in {f}");
        }
    }
    // The key lives beside the journal, 0600, never in the folder.
    let cfg = a.db.with_file_name("journal.sync.json");
    assert_eq!(
        std::fs::metadata(&cfg).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // --quiet prints nothing when nothing needs the user.
    assert_eq!(a.ok(&["sync", "--quiet"]), "");
}

#[test]
fn a_wrong_key_at_join_is_refused_and_nothing_is_written() {
    let (a, b, c) = (Journal::new(), Journal::new(), Journal::new());
    let (shared, other) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    a.ok(&["checkin", "4"]);
    a.ok(&["sync", "init", shared.path().to_str().unwrap()]);
    // A real key, of another folder.
    let wrong = c.json(&["sync", "init", other.path().to_str().unwrap()])["key"]
        .as_str()
        .unwrap()
        .to_string();
    let before = files(shared.path());
    let err = b.fails(
        &[
            "sync",
            "join",
            shared.path().to_str().unwrap(),
            "--key",
            &wrong,
        ],
        2,
    );
    assert!(
        err.contains("key") && err.contains("nothing was written"),
        "{err}"
    );
    assert_eq!(files(shared.path()), before, "the folder is unchanged");
    assert!(!b.db.with_file_name("journal.sync.json").exists());
    // A malformed key does not even create the journal.
    let err = b.fails(
        &[
            "sync",
            "join",
            shared.path().to_str().unwrap(),
            "--key",
            "hunter2",
        ],
        2,
    );
    assert!(err.contains("AGE-SECRET-KEY-1"), "{err}");
    assert!(!b.db.exists());
}

#[test]
fn refusals_name_the_field_and_exit_2() {
    let a = Journal::new();
    a.ok(&["checkin", "4"]);
    let err = a.fails(&["sync"], 2);
    assert!(err.contains("sync init"), "{err}");
    let shared = tempfile::tempdir().unwrap();
    a.ok(&["sync", "init", shared.path().to_str().unwrap()]);
    let err = a.fails(&["sync", "init", shared.path().to_str().unwrap()], 2);
    assert!(err.contains("sync leave"), "{err}");
    let err = a.fails(&["sync", "keep", "X9"], 2);
    assert!(err.contains("id") && err.contains("K"), "{err}");
    a.fails(&["sync", "keep", "K99"], 2);
    a.ok(&["sync", "leave"]);
    assert!(!a.db.with_file_name("journal.sync.json").exists());
    a.fails(&["sync", "leave"], 2);
    assert!(
        a.ok(&["list"]).contains("2026-11-23"),
        "leaving keeps the records"
    );
}

/// A sync folder that cannot be made (under a file) is refused naming `dir`, with exit 2,
/// before a new journal is created.
#[test]
fn a_sync_folder_that_cannot_be_made_writes_nothing() {
    let fresh = Journal::new();
    let file = tempfile::NamedTempFile::new().unwrap();
    let under = file.path().join("sync");
    let err = fresh.fails(&["sync", "init", under.to_str().unwrap()], 2);
    assert!(
        err.contains("dir:") && err.contains("cannot be created"),
        "{err}"
    );
    assert!(!fresh.db.exists(), "no journal was created");
}

#[test]
fn the_same_date_on_two_computers_is_settled_alike_and_the_other_can_be_kept() {
    let (a, b, shared) = (Journal::new(), Journal::new(), tempfile::tempdir().unwrap());
    a.ok(&["checkin", "3"]);
    pair(&a, &b, shared.path());
    a.ok(&["checkin", "2", "--date", "2026-11-20"]);
    b.ok(&["checkin", "7", "--date", "2026-11-20"]);
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    a.ok(&["sync"]);
    assert_eq!(a.export_tables(), b.export_tables());
    let conflicts = a.json(&["sync", "conflicts"]);
    assert_eq!(conflicts.as_array().unwrap().len(), 1, "{conflicts}");
    assert_eq!(conflicts[0]["reason"], "natural_key");
    let text = a.ok(&["sync", "conflicts"]);
    assert!(text.contains("check-in 2026-11-20"), "{text}");
    let lost = conflicts[0]["row"]["pain"].as_i64().unwrap();
    let id = format!("K{}", conflicts[0]["id"]);
    let out = a.ok(&["sync", "keep", &id]);
    assert!(out.starts_with("Kept"), "{out}");
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    let day = b.json(&["list", "--since", "2026-11-20", "--until", "2026-11-20"]);
    assert_eq!(day[0]["pain"].as_i64(), Some(lost), "{day}");
}

#[test]
fn two_journals_sync_through_a_bare_git_repository() {
    if std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_err()
    {
        panic!("git is needed on PATH for this test");
    }
    let (a, b, remote) = (Journal::new(), Journal::new(), tempfile::tempdir().unwrap());
    let bare = remote.path().join("journal.git");
    let ok = std::process::Command::new("git")
        .args(["init", "--quiet", "--bare"])
        .arg(&bare)
        .status()
        .unwrap();
    assert!(ok.success());
    let url = bare.to_str().unwrap();
    a.ok(&["checkin", "4"]);
    let key = a.json(&["sync", "init", "--git", url])["key"]
        .as_str()
        .unwrap()
        .to_string();
    b.ok(&["checkin", "2", "--date", "2026-11-21"]);
    b.ok(&["sync", "join", "--git", url, "--key", &key]);
    a.ok(&["checkin", "5", "--date", "2026-11-22"]);
    a.ok(&["sync"]);
    b.ok(&["sync"]);
    a.ok(&["sync"]);
    assert_eq!(a.export_tables(), b.export_tables());
    assert_eq!(a.json(&["list"]).as_array().unwrap().len(), 3);
    assert_eq!(b.json(&["sync", "status"])["git"], url);
    // The remote holds ciphertext only: every commit's files and messages, as text.
    let log = std::process::Command::new("git")
        .arg("-C")
        .arg(&bare)
        .args(["log", "--all", "-p", "--text", "--format=%s"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&log.stdout);
    assert!(text.contains("backtrack sync"), "{text}");
    for secret in ["2026-11-2", "pain", "checkins"] {
        assert!(!text.contains(secret), "{secret} in the remote");
    }
}

#[test]
fn doses_on_two_computers_over_the_max_together_are_flagged_after_the_sync() {
    let (a, b, shared) = (Journal::new(), Journal::new(), tempfile::tempdir().unwrap());
    a.ok(&[
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
    pair(&a, &b, shared.path());
    a.ok(&["med", "take", "ibuprofen", "800"]);
    b.ok(&["med", "take", "ibuprofen", "800"]);
    let st = a.json(&["status"]);
    assert_eq!(
        st["over_max_after_sync"],
        serde_json::json!([]),
        "not before the sync"
    );
    b.ok(&["sync"]);
    let s = a.json(&["sync"]);
    let flagged = &s["over_max_after_sync"];
    assert_eq!(flagged.as_array().unwrap().len(), 1, "{s}");
    assert_eq!(flagged[0]["total"], 1600.0);
    assert_eq!(flagged[0]["devices"], 2);
    let st = a.json(&["status"]);
    assert_eq!(
        st["over_max_after_sync"][0]["medication"], "ibuprofen",
        "{st}"
    );
    let line = a.ok(&["status"]);
    assert!(
        line.contains("over max after sync: doses on 2 computers"),
        "{line}"
    );
    // --quiet speaks up for it.
    assert!(a.ok(&["sync", "--quiet"]).contains("over max after sync"));
    // So do the app's Today and Medications screens.
    for screen in ["today", "meds"] {
        let shown = a.ok(&["show", screen]);
        let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("over max after sync"), "{screen}:\n{shown}");
    }
}

#[test]
fn sync_auto_is_a_machine_local_setting_of_a_journal_that_syncs() {
    let (a, shared) = (Journal::new(), tempfile::tempdir().unwrap());
    a.ok(&["checkin", "4"]);
    let err = a.fails(&["set", "sync", "auto"], 2);
    assert!(err.contains("sync init"), "{err}");
    a.ok(&["sync", "init", shared.path().to_str().unwrap()]);
    let err = a.fails(&["set", "sync", "sometimes"], 2);
    assert!(err.contains("auto, manual"), "{err}");
    assert!(a.ok(&["set", "sync", "auto"]).contains("auto"));
    let cfg = std::fs::read_to_string(a.db.with_file_name("journal.sync.json")).unwrap();
    assert!(cfg.contains("\"auto\": true"), "{cfg}");
    // Not a journal setting: nothing to export or sync.
    assert!(!a.export().contains("\"sync\""));
}
