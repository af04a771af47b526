//! FIT import benchmark (SPEC §9): decoding every activity file in `../shared/fit` with
//! fitparser alone, against our whole import path (decode, figures, dedup, store) into an
//! in-memory journal. Budget: import ≤ 1.3× decoding alone.

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};

use backtrack::import::{FileFormat, Options, import_paths, read_file};
use backtrack::repo::Repo;

/// The .fit files that hold activities (what an import of the folder stores).
fn activity_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fit");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("fit")))
        .filter(|p| {
            std::fs::read(p)
                .map(|b| !read_file(&b, FileFormat::Fit).candidates.is_empty())
                .unwrap_or(false)
        })
        .collect();
    files.sort();
    files
}

fn bench(c: &mut Criterion) {
    let files = activity_files();
    if files.is_empty() {
        eprintln!("note: ../shared/fit not found; nothing to benchmark");
        return;
    }
    c.bench_function("fitparser_decode_only", |b| {
        b.iter(|| {
            for f in &files {
                let bytes = std::fs::read(f).expect("read");
                let _ = fitparser::from_bytes(&bytes);
            }
        })
    });
    c.bench_function("backtrack_import", |b| {
        b.iter(|| {
            let mut repo = Repo::open_in_memory().expect("repo");
            let s =
                import_paths(&mut repo, &files, Options::default(), &mut |_| {}).expect("import");
            assert!(s.failed.is_empty());
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
