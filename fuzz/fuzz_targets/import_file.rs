//! Fuzzes the importer's readers: any bytes, read as a FIT file and as an activity CSV, must
//! give activities or a reason, never a panic that escapes `read_file`.
#![no_main]

use backtrack::import::{FileFormat, read_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys aborts on any panic through its hook, even one the importer catches (it
    // wraps the FIT decoder in catch_unwind). Restore the default hook so only a panic that
    // escapes `read_file` ends the run, as it would for a user.
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let _ = std::panic::take_hook();
    });
    for format in [FileFormat::Fit, FileFormat::Csv] {
        let r = read_file(data, format);
        // Every outcome is one of: activities, a skip reason, a failure, or bad CSV lines.
        let said_something = !r.candidates.is_empty()
            || r.skip.is_some()
            || r.fail.is_some()
            || !r.bad_lines.is_empty()
            || format == FileFormat::Csv;
        assert!(said_something, "a file gave neither activities nor a reason");
    }
});
