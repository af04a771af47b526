//! What a segment file holds: JSON (format, device, sequence number, versions) compressed
//! with gzip and encrypted with age. A file that does not decrypt or decompress whole
//! (still arriving, cut short) is unreadable for now; one of a newer format is refused.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::repo::sync_rows::Version;
use crate::sync::key::Key;

/// The segment format this build writes and reads.
pub const FORMAT: i64 = 1;

/// At most this many bytes once decompressed: a ten-year journal is a few MB.
const MAX_PLAIN: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub format: i64,
    pub device: String,
    pub seq: i64,
    /// A snapshot holds every version the device had when it wrote it (`sync --compact`).
    #[serde(default)]
    pub snapshot: bool,
    pub versions: Vec<Version>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SegmentError {
    /// Not whole yet or damaged (or another key's): skipped, tried again at the next sync.
    #[error("unreadable ({0}); tried again at the next sync")]
    Unreadable(String),
    #[error(
        "segment format {found} is newer than this build reads ({FORMAT}); update backtrack on this computer"
    )]
    Newer { found: i64 },
}

impl Segment {
    pub fn encode(&self, key: &Key) -> anyhow::Result<Vec<u8>> {
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        serde_json::to_writer(&mut gz, self)?;
        gz.flush()?;
        key.encrypt(&gz.finish()?)
    }

    pub fn decode(bytes: &[u8], key: &Key) -> Result<Segment, SegmentError> {
        let bad = |e: &dyn std::fmt::Display| SegmentError::Unreadable(e.to_string());
        let zipped = key.decrypt(bytes).map_err(|e| bad(&e))?;
        let mut plain = Vec::new();
        GzDecoder::new(zipped.as_slice())
            .take(MAX_PLAIN)
            .read_to_end(&mut plain)
            .map_err(|e| bad(&e))?;
        let value: Value = serde_json::from_slice(&plain).map_err(|e| bad(&e))?;
        let found = value.get("format").and_then(Value::as_i64).unwrap_or(0);
        if found > FORMAT {
            return Err(SegmentError::Newer { found });
        }
        serde_json::from_value(value).map_err(|e| bad(&e))
    }
}
