//! What makes an archive unsafe to walk, beyond one member's size (issue 21.9): members whose
//! data overlap (a few MiB that claim thousands of 40 MiB members: minutes of inflating),
//! names that are absolute (`/tmp/x.gpx`, `C:/x.gpx`), and two members with one name.

use std::collections::HashSet;
use std::io::{Read, Seek};

/// Why the archive is refused as a whole, when its members' data overlap.
pub fn overlapping<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Option<String> {
    let mut spans: Vec<(u64, u64)> = (0..zip.len())
        .filter_map(|i| {
            let e = zip.by_index_raw(i).ok()?;
            Some((e.header_start(), e.compressed_size()))
        })
        .collect();
    spans.sort_unstable();
    // Each member's local header and data start where the central directory says and run
    // at least its packed size; the next member must start after that.
    let overlap = spans
        .windows(2)
        .any(|w| w[1].0 < w[0].0.saturating_add(w[0].1.max(1)));
    overlap.then(|| {
        "members share their packed data (an overlapping-entry zip bomb): the archive is refused"
            .to_string()
    })
}

/// A member's name when it is safe to use: not absolute, no `..` leading outside.
pub fn safe_name<R: Read>(entry: &zip::read::ZipFile<R>) -> Option<String> {
    if absolute(entry.name_raw()) {
        return None;
    }
    let p = entry.enclosed_name()?;
    let s = p.to_str()?.replace('\\', "/");
    (!s.split('/').any(|c| c == "..")).then_some(s)
}

/// A member name that is absolute on any system: `/x`, `\\x`, `C:/x`, `C:\\x`.
pub fn absolute(raw: &[u8]) -> bool {
    match raw {
        [b'/' | b'\\', ..] => true,
        [d, b':', ..] => d.is_ascii_alphabetic(),
        _ => false,
    }
}

/// Member names already walked in one archive; a second with one name is reported.
#[derive(Default)]
pub struct Names(HashSet<String>);

impl Names {
    /// Why this member is not imported, when an earlier member had its name.
    pub fn repeated(&mut self, name: &str) -> Option<String> {
        (!self.0.insert(name.to_string())).then(|| {
            format!(
                "a second member named '{}' in the archive: not imported (the first was)",
                crate::domain::safe_text::one_line(name)
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_names_on_any_system() {
        for n in ["/tmp/x.gpx", "\\x.gpx", "C:/x.gpx", "c:\\x.gpx"] {
            assert!(absolute(n.as_bytes()), "{n}");
        }
        for n in ["activities/x.gpx", "1:x.gpx", "a/C:/x.gpx"] {
            assert!(!absolute(n.as_bytes()), "{n}");
        }
        let mut seen = Names::default();
        assert!(seen.repeated("a.gpx").is_none());
        assert!(seen.repeated("a.gpx").unwrap().contains("second member"));
    }
}
