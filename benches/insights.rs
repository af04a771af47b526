//! Benchmarks of the insights on the 10-year demo journal (SPEC §9): loading the journal from
//! SQLite, and computing every figure of `stats`. Budget for both together: ≤ 50 ms.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

use backtrack::analysis::stats;
use backtrack::demo::{DemoSpec, generate};
use backtrack::repo::Repo;

fn ten_years() -> (Repo, NaiveDate) {
    let end = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
    let mut repo = Repo::open_in_memory().expect("repo");
    repo.insert_batch(&generate(DemoSpec {
        years: 10,
        seed: 1,
        end,
    }))
    .expect("demo");
    (repo, end)
}

fn bench(c: &mut Criterion) {
    let (mut repo, today) = ten_years();
    let from = repo.first_day().expect("first day").expect("data");
    c.bench_function("load_journal_10y", |b| {
        b.iter(|| repo.journal_data(from, today).expect("load"))
    });
    let data = repo.journal_data(from, today).expect("load");
    c.bench_function("stats_10y", |b| b.iter(|| stats(&data, today, None)));
    let one = repo
        .journal_data(today - chrono::Duration::days(364), today)
        .expect("load");
    c.bench_function("stats_1y", |b| b.iter(|| stats(&one, today, None)));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
