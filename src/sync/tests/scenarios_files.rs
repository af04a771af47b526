//! The folder side of sync (issue 24): files not whole yet, an engine's copies, a newer
//! format, segments never replaced, a segment the journal refuses, and ciphertext only.

use super::harness::{World, day};
use crate::sync::segment::files;
use crate::sync::segment::{FORMAT, Segment};

#[test]
fn half_written_files_and_engine_copies_are_skipped_until_whole() {
    let mut w = World::new(2);
    w.devs[0].checkin(1, 4);
    w.devs[0].sync();
    w.deliver(0, 1, true);
    let r = w.devs[1].sync();
    assert_eq!(r.applied_segments, 0);
    assert_eq!(r.skipped.len(), 1, "{r:?}");
    assert!(w.devs[1].live(1).is_none());
    // Zero bytes, a temporary name and a placeholder are not even looked at.
    let dir = files::device_dir(&w.devs[1].cfg.folder, &w.devs[0].cfg.device_id);
    std::fs::write(dir.join("seg-0000000002.age"), b"").unwrap();
    std::fs::write(dir.join(".seg-0000000002.age.tmp"), b"x").unwrap();
    std::fs::write(dir.join(".seg-0000000002.age.icloud"), b"x").unwrap();
    w.deliver(0, 1, false);
    let r = w.devs[1].sync();
    assert_eq!(r.applied_segments, 1, "{r:?}");
    assert_eq!(w.devs[1].live(1).unwrap().pain, 4);
}

#[test]
fn a_segment_of_a_newer_format_is_refused_and_nothing_is_written() {
    let mut w = World::new(2);
    w.devs[1].checkin(2, 1);
    let key = crate::sync::key::Key::parse(&w.key).unwrap();
    let seg = Segment {
        format: FORMAT + 1,
        device: "00000000000000ff".into(),
        seq: 1,
        snapshot: false,
        versions: vec![],
    };
    let dir = files::device_dir(&w.devs[1].cfg.folder, "00000000000000ff");
    files::write_new(&dir, &files::segment_name(1), &seg.encode(&key).unwrap()).unwrap();
    let before = w.devs[1].digest();
    let d = &mut w.devs[1];
    let err = crate::sync::run(&mut d.repo, &d.cfg).unwrap_err();
    assert!(err.to_string().contains("newer"), "{err}");
    assert_eq!(
        w.devs[1].repo.sync_pending().unwrap(),
        1,
        "nothing published"
    );
    assert_eq!(w.devs[1].digest(), before);
    assert!(!w.devs[1].cfg.own_dir().exists());
}

#[test]
fn the_folder_holds_no_note_drug_or_date_in_the_clear() {
    let mut w = World::new(1);
    let c = crate::domain::records::Checkin {
        date: day(3),
        pain: 4,
        note: Some("secret-note-words".into()),
        ..Default::default()
    };
    w.devs[0].repo.save_checkin(&c).unwrap();
    w.devs[0].sync();
    let mut seen = 0;
    for entry in walk(&w.devs[0].cfg.folder) {
        let bytes = std::fs::read(&entry).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for needle in ["secret-note-words", "2026-11-04", "checkins", "pain"] {
            assert!(!text.contains(needle), "{needle} in {}", entry.display());
        }
        seen += 1;
    }
    assert_eq!(seen, 2, "the check file and one segment");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        match e.path().is_dir() {
            true => out.extend(walk(&e.path())),
            false => out.push(e.path()),
        }
    }
    out
}

#[test]
fn a_segment_once_written_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let first = files::write_new(dir.path(), &files::segment_name(1), b"first").unwrap();
    let err = files::write_new(dir.path(), &files::segment_name(1), b"second").unwrap_err();
    assert!(err.to_string().contains("never rewritten"), "{err}");
    assert_eq!(std::fs::read(&first).unwrap(), b"first");
    // No temporary left beside it, and the file is private.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let mode =
        std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&first).unwrap().permissions());
    assert_eq!(mode & 0o777, 0o600);
}

/// Puts in the folder a segment of another device holding one check-in with `date` and
/// `pain` (and `extra` fields), for device 1 to read.
fn foreign_checkin(w: &World, date: &str, pain: i64, extra: &[(&str, serde_json::Value)]) {
    let mut row = serde_json::Map::new();
    for (k, v) in [
        ("uuid", "0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d9e"),
        ("date", date),
        ("created_at", "2026-11-09T08:00:00.000Z"),
        ("updated_at", "2026-11-09T08:00:00.000Z"),
    ] {
        row.insert(k.into(), v.into());
    }
    row.insert("pain".into(), pain.into());
    for (k, v) in extra {
        row.insert((*k).into(), v.clone());
    }
    foreign_row(w, "checkins", row);
}

/// Puts in the folder a segment of another device holding `row` of `table`.
fn foreign_row(w: &World, table: &str, row: serde_json::Map<String, serde_json::Value>) {
    let bad = Segment {
        format: FORMAT,
        device: "00000000000000ee".into(),
        seq: 1,
        snapshot: false,
        versions: vec![crate::repo::sync_rows::Version {
            table: table.into(),
            uuid: row["uuid"].as_str().unwrap_or_default().into(),
            hlc: 1,
            device: "00000000000000ee".into(),
            base: None,
            purged: false,
            row: Some(row),
        }],
    };
    let key = crate::sync::key::Key::parse(&w.key).unwrap();
    let dir = files::device_dir(&w.devs[1].cfg.folder, "00000000000000ee");
    files::write_new(&dir, &files::segment_name(1), &bad.encode(&key).unwrap()).unwrap();
}

#[test]
fn a_segment_with_a_row_the_journal_refuses_waits_and_the_others_go_on() {
    let mut w = World::new(2);
    w.devs[0].checkin(1, 4);
    w.devs[0].sync();
    w.deliver(0, 1, false);
    // Another device's segment whose check-in has pain 11: refused by the journal's checks.
    foreign_checkin(&w, "2026-11-09", 11, &[]);
    let r = w.devs[1].sync();
    assert_eq!(r.applied_segments, 1, "{r:?}");
    assert!(
        r.skipped.iter().any(|s| s.contains("could not be applied")),
        "{r:?}"
    );
    assert_eq!(w.devs[1].live(1).unwrap().pain, 4);
    assert!(w.devs[1].live(8).is_none());
    assert_eq!(
        w.devs[1].repo.sync_watermark("00000000000000ee").unwrap(),
        0
    );
}

/// A row the database itself would take but the JSON import refuses (a check-in dated years
/// ahead, sleep of 30 hours) waits like one the journal refuses: a sync never stores what this
/// journal's own export could not bring back.
#[test]
fn a_row_the_json_import_would_refuse_is_not_stored_by_a_sync() {
    for (date, extra) in [
        ("2099-01-01", vec![]),
        ("2026-11-09", vec![("sleep_hours", serde_json::json!(30))]),
    ] {
        let mut w = World::new(2);
        foreign_checkin(&w, date, 4, &extra);
        let r = w.devs[1].sync();
        assert_eq!(r.applied_segments, 0, "{date} {extra:?}: {r:?}");
        assert!(
            r.skipped
                .iter()
                .any(|s| s.contains("could not be applied") && s.contains("checkins.")),
            "{date} {extra:?}: {r:?}"
        );
        let export = w.devs[1].repo.export_json().unwrap().to_string();
        assert!(
            !export.contains("0192f0c4-6b1e-7c3a"),
            "{date} {extra:?}: stored"
        );
    }
}

/// An activity whose moving time is longer than its elapsed time passes every column's check
/// but not the check across its fields that the import runs: a sync does not store it either.
#[test]
fn an_activity_the_import_would_refuse_across_its_fields_is_not_stored_by_a_sync() {
    let mut w = World::new(2);
    let row = serde_json::json!({
        "uuid": "0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d9f",
        "kind": "ride",
        "start_at": "2026-11-09T08:00:00",
        "date": "2026-11-09",
        "elapsed_s": 3600,
        "moving_s": 7200,
        "source": "manual",
        "created_at": "2026-11-09T08:00:00.000Z",
        "updated_at": "2026-11-09T08:00:00.000Z",
    });
    foreign_row(&w, "activities", row.as_object().unwrap().clone());
    let r = w.devs[1].sync();
    assert_eq!(r.applied_segments, 0, "{r:?}");
    assert!(r.skipped.iter().any(|s| s.contains("activities.")), "{r:?}");
    let export = w.devs[1].repo.export_json().unwrap().to_string();
    assert!(!export.contains("0192f0c4-6b1e-7c3a-9d2e-4f5a6b7c8d9f"));
}
