//! Ways to damage a journal file for the tests: b-tree page headers flipped, the header
//! flipped, the file cut short. Each works on a closed journal (no -wal).

use std::path::Path;

const PAGE: usize = 4096;

/// Garbles the b-tree headers of pages 3–6 (type byte, freeblock and cell count).
pub fn flip_btree_pages(db: &Path) {
    let mut b = std::fs::read(db).unwrap();
    assert!(
        b.len() >= 7 * PAGE,
        "journal too small to damage: {} bytes",
        b.len()
    );
    for page in 3..7 {
        let off = (page - 1) * PAGE;
        b[off] = 0x55;
        b[off + 1] ^= 0xff;
        b[off + 3] ^= 0xff;
    }
    std::fs::write(db, b).unwrap();
}

/// Flips every byte of the 16-byte "SQLite format 3" magic.
pub fn flip_header(db: &Path) {
    let mut b = std::fs::read(db).unwrap();
    for x in &mut b[..16] {
        *x ^= 0xff;
    }
    std::fs::write(db, b).unwrap();
}

/// Keeps the first `len` bytes.
pub fn truncate(db: &Path, len: u64) {
    let f = std::fs::OpenOptions::new().write(true).open(db).unwrap();
    f.set_len(len).unwrap();
}
