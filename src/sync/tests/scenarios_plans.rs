//! One return plan at a time across computers (issue 23's rule, issue 24's settling): a plan
//! started on each computer before either synced.

use super::harness::{World, day};
use crate::domain::plan::Plan;

fn plan(name: &str, from: u32) -> Plan {
    Plan {
        id: 0,
        uuid: String::new(),
        name: name.into(),
        unit: "hours".into(),
        target: 3.0,
        ramp: 0.1,
        start_date: day(from),
        stopped_on: None,
    }
}

fn running(w: &World, d: usize) -> Vec<String> {
    let doc = w.devs[d].repo.export_json().unwrap();
    doc["tables"]["plans"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["stopped_on"].is_null() && p["deleted_at"].is_null())
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect()
}

/// Each computer starts a plan offline: after the exchange one runs on both (the same), the
/// other is in the trash and in `sync conflicts`, each journal's export imports into a new
/// one, and keeping the other plan makes it the one that runs, everywhere.
#[test]
fn two_plans_started_on_two_computers_leave_one_running_everywhere() {
    let mut w = World::new(2);
    w.devs[0].repo.start_plan(&plan("Laptop plan", 1)).unwrap();
    w.devs[1].repo.start_plan(&plan("Desktop plan", 2)).unwrap();
    w.full_exchange();
    let (a, b) = (running(&w, 0), running(&w, 1));
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a, b, "the same plan runs on both");
    let lost: Vec<_> = (0..2)
        .flat_map(|d| w.devs[d].repo.sync_conflicts().unwrap())
        .filter(|c| c.table == "plans")
        .collect();
    assert!(!lost.is_empty(), "the other plan is kept as a conflict");
    for d in 0..2 {
        let doc = w.devs[d].repo.export_json().unwrap();
        let mut fresh = crate::repo::Repo::open_in_memory().unwrap();
        fresh
            .import_json(&doc)
            .unwrap_or_else(|e| panic!("device {d}'s export imports back: {e}"));
    }
    // Keeping the plan that lost: it runs, the other goes, on both after the next exchange.
    let (d, c) = (0..2)
        .find_map(|d| {
            w.devs[d]
                .repo
                .sync_conflicts()
                .unwrap()
                .into_iter()
                .find(|c| c.table == "plans")
                .map(|c| (d, c))
        })
        .unwrap();
    w.devs[d].repo.sync_keep(c.id).unwrap();
    assert_eq!(running(&w, d).len(), 1, "{:?}", running(&w, d));
    assert_ne!(running(&w, d), a);
    w.full_exchange();
    assert_eq!(running(&w, 0), running(&w, 1));
    assert_ne!(running(&w, 0), a);
}
