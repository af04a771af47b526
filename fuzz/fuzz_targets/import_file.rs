//! Fuzzes the importer's readers: any bytes, read as a FIT, GPX, TCX or CSV file and as a zip
//! archive (through the whole import path, into an in-memory journal, dry run), must give
//! activities or a reason, never a panic.
#![no_main]

use backtrack::import::{FileFormat, Options, import_paths, read_file};
use backtrack::repo::Repo;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys aborts on any panic through its hook, even one the importer catches (it
    // wraps the FIT decoder in catch_unwind). Restore the default hook so only a panic that
    // escapes the importer ends the run, as it would for a user.
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let _ = std::panic::take_hook();
    });
    for format in [FileFormat::Fit, FileFormat::Gpx, FileFormat::Tcx, FileFormat::Csv] {
        let r = read_file(data, format);
        // Every outcome is one of: activities, a skip reason, a failure, or bad CSV lines.
        let said_something = !r.candidates.is_empty()
            || r.skip.is_some()
            || r.fail.is_some()
            || !r.bad_lines.is_empty()
            || format == FileFormat::Csv;
        assert!(said_something, "a file gave neither activities nor a reason");
    }
    // The archive path reads from a file: the bytes as a .zip and as a .fit.gz.
    let dir = std::env::temp_dir().join(format!("backtrack-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    for name in ["x.zip", "x.fit.gz"] {
        let path = dir.join(name);
        if std::fs::write(&path, data).is_err() {
            return;
        }
        let mut repo = Repo::open_in_memory().expect("in-memory journal");
        let s = import_paths(&mut repo, &[path], Options { dry_run: true }, &mut |_| {})
            .expect("a dry run into memory cannot fail to store");
        assert!(
            s.activity_count() > 0 || !s.failed.is_empty() || !s.skipped.is_empty() || name == "x.zip",
            "a file gave neither activities nor a reason"
        );
    }
});
