//! Segments: the immutable, age-encrypted files a device writes into its own folder — the
//! versions it changed since its last sync, or (after `sync --compact`) a snapshot of all.
//! `format` owns what is inside a file; `files` owns their names and writing them safely.

pub mod files;
pub mod format;

pub use format::{FORMAT, Segment, SegmentError};
