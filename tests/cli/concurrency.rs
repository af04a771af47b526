//! Writers at once: the daily max holds when many `med take` run in parallel, because the
//! day's total is read and the dose inserted in one IMMEDIATE transaction.

use std::sync::{Arc, Barrier};

use super::common::{Journal, TODAY};

#[test]
fn sixteen_concurrent_takes_store_exactly_the_daily_max() {
    let j = Journal::new();
    j.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--unit",
        "mg",
        "--dose",
        "400",
        "--max-daily",
        "1200",
    ]);
    let bin = assert_cmd::cargo::cargo_bin("backtrack");
    let start = Arc::new(Barrier::new(16));
    let runs: Vec<_> = (0..16)
        .map(|i| {
            // 31 minutes apart: the max is what stops them, not the second-dose check.
            let m = i * 31;
            let at = format!("{TODAY} {:02}:{:02}", m / 60, m % 60);
            let (bin, db, at, start) = (bin.clone(), j.db.clone(), at.clone(), start.clone());
            std::thread::spawn(move || {
                let mut cmd = std::process::Command::new(bin);
                cmd.args(["med", "take", "ibuprofen", "--at", &at])
                    .env("BACKTRACK_DB", db)
                    .env("BACKTRACK_TODAY", TODAY)
                    .env("NO_COLOR", "1");
                start.wait();
                cmd.output().expect("runs")
            })
        })
        .collect();
    let outs: Vec<_> = runs.into_iter().map(|t| t.join().unwrap()).collect();
    let codes: Vec<Option<i32>> = outs.iter().map(|o| o.status.code()).collect();
    let stored = codes.iter().filter(|c| **c == Some(0)).count();
    let refused: Vec<_> = outs.iter().filter(|o| o.status.code() == Some(2)).collect();
    assert_eq!((stored, refused.len()), (3, 13), "exit codes {codes:?}");
    for o in refused {
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("over your max daily total of 1200 mg; nothing was saved"),
            "{err}"
        );
    }
    let doses = j.json(&["med", "doses"]);
    let total: f64 = doses
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["amount"].as_f64().unwrap())
        .sum();
    assert_eq!(total, 1200.0, "{doses}");
}

/// Eight `med add` of one drug at once (names differing in case and spacing): one row is
/// stored, the others are refused naming it, since the check and the insert are one
/// transaction.
#[test]
fn concurrent_adds_of_one_drug_store_one_row() {
    let j = Journal::new();
    j.ok(&["init"]);
    let bin = assert_cmd::cargo::cargo_bin("backtrack");
    let start = Arc::new(Barrier::new(8));
    let runs: Vec<_> = (0..8)
        .map(|i| {
            let (bin, db, start) = (bin.clone(), j.db.clone(), start.clone());
            let name = if i % 2 == 0 {
                "Vitamin D"
            } else {
                "vitamin  d"
            };
            std::thread::spawn(move || {
                let mut cmd = std::process::Command::new(bin);
                cmd.args(["med", "add", name, "--class", "other", "--dose", "1"])
                    .env("BACKTRACK_DB", db)
                    .env("BACKTRACK_TODAY", TODAY)
                    .env("NO_COLOR", "1");
                start.wait();
                cmd.output().expect("runs")
            })
        })
        .collect();
    let outs: Vec<_> = runs.into_iter().map(|t| t.join().unwrap()).collect();
    let codes: Vec<Option<i32>> = outs.iter().map(|o| o.status.code()).collect();
    let stored = codes.iter().filter(|c| **c == Some(0)).count();
    let refused: Vec<_> = outs.iter().filter(|o| o.status.code() == Some(2)).collect();
    assert_eq!((stored, refused.len()), (1, 7), "exit codes {codes:?}");
    for o in refused {
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("is already m1 "), "{err}");
    }
    let list = j.json(&["med", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
}

/// Runs `backtrack ARGS(i)` for i in 0..n at once (a barrier lines them up) and returns the
/// outputs.
fn at_once(
    j: &Journal,
    n: usize,
    args: impl Fn(usize) -> Vec<String>,
) -> Vec<std::process::Output> {
    let bin = assert_cmd::cargo::cargo_bin("backtrack");
    let start = Arc::new(Barrier::new(n));
    let runs: Vec<_> = (0..n)
        .map(|i| {
            let mut cmd = std::process::Command::new(&bin);
            cmd.args(args(i))
                .env("BACKTRACK_DB", &j.db)
                .env("BACKTRACK_TODAY", TODAY)
                .env("NO_COLOR", "1");
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                cmd.output().expect("runs")
            })
        })
        .collect();
    runs.into_iter().map(|t| t.join().unwrap()).collect()
}

/// Issue 25: sixteen corrections at once, each raising a 50 mg dose to 100 mg on a day of
/// 800 mg against a max of 1200: exactly eight fit, since the day's total is read and the
/// dose rewritten in one IMMEDIATE transaction (checked in one and written in a later one,
/// more passed the max).
#[test]
fn sixteen_concurrent_corrections_never_pass_the_daily_max() {
    let j = Journal::new();
    j.ok(&[
        "med",
        "add",
        "ibuprofen",
        "--class",
        "nsaid",
        "--unit",
        "mg",
        "--dose",
        "50",
        "--max-daily",
        "1200",
    ]);
    for i in 0..16 {
        let m = i * 31;
        let at = format!("{TODAY} {:02}:{:02}", m / 60, m % 60);
        j.ok(&["med", "take", "ibuprofen", "--at", &at]);
    }
    let outs = at_once(&j, 16, |i| {
        ["edit", &format!("d{}", i + 1), "--amount", "100"]
            .map(String::from)
            .to_vec()
    });
    let codes: Vec<Option<i32>> = outs.iter().map(|o| o.status.code()).collect();
    let stored = codes.iter().filter(|c| **c == Some(0)).count();
    let refused: Vec<_> = outs.iter().filter(|o| o.status.code() == Some(2)).collect();
    assert_eq!((stored, refused.len()), (8, 8), "exit codes {codes:?}");
    for o in refused {
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("makes 1250 mg of ibuprofen"), "{err}");
        assert!(err.contains("over the max of 1200 mg/day"), "{err}");
    }
    let doses = j.json(&["med", "doses"]);
    let total: f64 = doses
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["amount"].as_f64().unwrap())
        .sum();
    assert_eq!(total, 1200.0, "{doses}");
}
