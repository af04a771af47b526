//! Issue 21.9: archives and XML built to hurt. A zip whose central directory points thousands
//! of members at one stored block, members with absolute names, two members with one name, a
//! GPX of never-closed nested elements and a named pipe called `pipe.gpx`: each refused with
//! its reason, at once.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::{TODAY, cmd};

/// A zip written by hand (stored members), so the central directory can say what no zip
/// writer would: `members` are (name in the directory, data, which stored block it points at).
fn raw_zip(path: &Path, blocks: &[(&str, Vec<u8>)], members: &[(String, usize)]) {
    let mut out = Vec::new();
    let mut offsets = Vec::new();
    let crc = |d: &[u8]| {
        let mut c = flate2::Crc::new();
        c.update(d);
        c.sum()
    };
    for (name, data) in blocks {
        offsets.push(out.len() as u32);
        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend([20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]);
        out.extend(crc(data).to_le_bytes());
        out.extend((data.len() as u32).to_le_bytes());
        out.extend((data.len() as u32).to_le_bytes());
        out.extend((name.len() as u16).to_le_bytes());
        out.extend([0, 0]);
        out.extend(name.as_bytes());
        out.extend(data);
    }
    let cd_start = out.len() as u32;
    for (name, block) in members {
        let data = &blocks[*block].1;
        out.extend(0x0201_4b50u32.to_le_bytes());
        out.extend([20, 3, 20, 0, 0, 0, 0, 0, 0, 0, 0x21, 0]);
        out.extend(crc(data).to_le_bytes());
        out.extend((data.len() as u32).to_le_bytes());
        out.extend((data.len() as u32).to_le_bytes());
        out.extend((name.len() as u16).to_le_bytes());
        out.extend([0; 8]);
        out.extend(0o100644u32.wrapping_shl(16).to_le_bytes());
        out.extend(offsets[*block].to_le_bytes());
        out.extend(name.as_bytes());
    }
    let cd_len = out.len() as u32 - cd_start;
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0, 0, 0, 0]);
    out.extend((members.len() as u16).to_le_bytes());
    out.extend((members.len() as u16).to_le_bytes());
    out.extend(cd_len.to_le_bytes());
    out.extend(cd_start.to_le_bytes());
    out.extend([0, 0]);
    std::fs::write(path, out).unwrap();
}

fn walk_gpx() -> Vec<u8> {
    let pts: String = (0..120)
        .map(|i| {
            format!(
                r#"<trkpt lat="{:.5}" lon="8.0"><time>2026-11-10T08:{:02}:{:02}Z</time></trkpt>"#,
                47.0 + i as f64 * 0.0001,
                i / 60,
                i % 60
            )
        })
        .collect();
    format!(r#"<?xml version="1.0"?><gpx version="1.1" creator="t"><trk><type>hiking</type><trkseg>{pts}</trkseg></trk></gpx>"#).into_bytes()
}

/// `import --json PATH`, killed after `limit`: (exit code, summary, how long it took).
fn import(db: &Path, path: &Path, limit: Duration) -> (Option<i32>, Value, Duration) {
    let start = Instant::now();
    let mut child = cmd(db, TODAY)
        .args(["--json", "import", path.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&out.stderr).into_owned()));
    (out.status.code(), v, start.elapsed())
}

fn reasons(v: &Value) -> Vec<String> {
    v["failed"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            format!(
                "{}: {}",
                f["path"].as_str().unwrap_or(""),
                f["reason"].as_str().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn overlapping_members_refuse_the_archive_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let zip = dir.path().join("overlap.zip");
    let members: Vec<(String, usize)> = (0..2000)
        .map(|i| (format!("activities/{i}.gpx"), 0))
        .collect();
    raw_zip(
        &zip,
        &[("activities/0.gpx", vec![b' '; 256 * 1024])],
        &members,
    );
    let (code, v, took) = import(&db, &zip, Duration::from_secs(60));
    let why = reasons(&v);
    assert_eq!(code, Some(1), "{v}");
    assert_eq!(why.len(), 1, "{why:?}");
    assert!(why[0].contains("overlapping"), "{why:?}");
    assert!(took < Duration::from_secs(20), "{took:?}");
}

#[test]
fn absolute_and_repeated_member_names_are_reported_not_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let gpx = walk_gpx();
    let zip = dir.path().join("absolute.zip");
    let blocks = [
        ("/tmp/abs.gpx", gpx.clone()),
        ("C:/abs.gpx", gpx.clone()),
        ("activities/fine.gpx", gpx.clone()),
    ];
    let members: Vec<(String, usize)> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (b.0.to_string(), i))
        .collect();
    raw_zip(&zip, &blocks, &members);
    let (_, v, _) = import(&db, &zip, Duration::from_secs(60));
    let why = reasons(&v);
    assert_eq!(why.len(), 2, "{why:?}");
    for r in &why {
        assert!(
            r.starts_with(zip.to_str().unwrap()) && r.contains("outside the archive"),
            "{why:?}"
        );
    }
    assert_eq!(v["imported"].as_array().map_or(0, |f| f.len()), 1, "{v}");
    // Two members with one name: neither vanishes unsaid.
    let mut other = gpx.clone();
    other.extend(b"<!-- another file -->");
    let twice = dir.path().join("twice.zip");
    let blocks = [("activities/same.gpx", gpx), ("activities/same.gpx", other)];
    raw_zip(
        &twice,
        &blocks,
        &[
            ("activities/same.gpx".into(), 0),
            ("activities/same.gpx".into(), 1),
        ],
    );
    let (_, v, _) = import(&db, &twice, Duration::from_secs(60));
    let why = reasons(&v);
    assert!(
        why.len() == 1 && why[0].contains("two members share one name"),
        "{why:?}"
    );
    // Inside a nested archive (read as a stream): the second is named, not dropped unsaid.
    let outer = dir.path().join("garmin.zip");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&outer).unwrap());
    z.start_file("inner.zip", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut z, &std::fs::read(&twice).unwrap()).unwrap();
    z.finish().unwrap();
    let db2 = dir.path().join("second.db");
    let (_, v, _) = import(&db2, &outer, Duration::from_secs(60));
    let why = reasons(&v);
    assert!(
        why.len() == 1 && why[0].contains("a second member named 'activities/same.gpx'"),
        "{why:?}"
    );
}

#[test]
fn deep_xml_and_a_named_pipe_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    let depth = if super::long_run() {
        30_000_000
    } else {
        200_000
    };
    let deep: PathBuf = dir.path().join("deep.gpx");
    std::fs::write(&deep, format!("<gpx>{}", "<a>".repeat(depth))).unwrap();
    let (_, v, took) = import(&db, &deep, Duration::from_secs(120));
    let why = reasons(&v);
    assert!(
        why.len() == 1 && why[0].contains("nested more than"),
        "{why:?}"
    );
    assert!(took < Duration::from_secs(60), "{took:?}");
    let pipe = dir.path().join("pipe.gpx");
    if std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .is_ok_and(|s| s.success())
    {
        let (code, v, took) = import(&db, &pipe, Duration::from_secs(10));
        assert_eq!(code, Some(2), "blocked for {took:?}: {v}");
        assert!(
            v.as_str().is_some_and(|e| e.contains("not a regular file")),
            "{v}"
        );
    }
}
