//! The failures and the cases it names, on simulated devices.

use super::harness::{World, day};
use crate::sync::segment::files;

const DAY_MS: i64 = 86_400_000;

#[test]
fn a_checkin_logged_on_one_computer_appears_on_the_other() {
    let mut w = World::new(2);
    w.devs[0].checkin(1, 4);
    let r = w.devs[0].sync();
    assert_eq!(r.published, 1);
    w.deliver(0, 1, false);
    let r = w.devs[1].sync();
    assert_eq!((r.applied_segments, r.received), (1, 1));
    assert_eq!(w.devs[1].live(1).unwrap().pain, 4);
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
}

#[test]
fn a_purged_checkin_does_not_come_back() {
    let mut w = World::new(2);
    w.devs[0].checkin(1, 4);
    w.full_exchange();
    w.devs[0].delete(1).unwrap();
    w.devs[0].purge();
    w.full_exchange();
    assert!(w.devs[0].live(1).is_none() && w.devs[1].live(1).is_none());
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
    assert!(
        w.devs[1].digest().contains("\"checkins\":[]"),
        "{}",
        w.devs[1].digest()
    );
}

#[test]
fn with_a_clock_a_day_ahead_the_losing_edit_is_kept_in_conflicts_and_can_be_taken_back() {
    let mut w = World::new(2);
    let uuid = w.devs[0].checkin(1, 5);
    w.full_exchange();
    w.devs[1].repo.sync_set_skew(DAY_MS).unwrap();
    w.devs[1].edit(1, 8).unwrap();
    w.devs[0].edit(1, 2).unwrap();
    w.full_exchange();
    // The same everywhere: the day-ahead edit wins by its stamp...
    assert_eq!(w.devs[0].live(1).unwrap().pain, 8);
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
    // ...and A's edit is not lost: it is a conflict on A, with its pain.
    let conflicts = w.devs[0].repo.sync_conflicts().unwrap();
    assert_eq!(conflicts.len(), 1, "{conflicts:?}");
    assert_eq!(conflicts[0].uuid, uuid);
    assert_eq!(conflicts[0].row.as_ref().unwrap()["pain"], 2);
    // Taking it back wins everywhere at the next sync, although B's clock is ahead.
    let id = conflicts[0].id;
    w.devs[0].repo.sync_keep(id).unwrap();
    w.full_exchange();
    assert_eq!(w.devs[1].live(1).unwrap().pain, 2);
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
    assert!(
        w.devs[0]
            .repo
            .sync_conflicts()
            .unwrap()
            .iter()
            .all(|c| c.id != id)
    );
}

#[test]
fn an_edit_after_a_delete_on_the_other_computer_wins_and_the_delete_is_a_conflict() {
    let mut w = World::new(2);
    w.devs[0].checkin(1, 5);
    w.full_exchange();
    w.devs[0].delete(1).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    w.devs[1].edit(1, 7).unwrap();
    w.full_exchange();
    assert_eq!(w.devs[0].live(1).unwrap().pain, 7);
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
    let c = w.devs[0].repo.sync_conflicts().unwrap();
    assert_eq!(c.len(), 1);
    assert!(!c[0].row.as_ref().unwrap()["deleted_at"].is_null());
}

#[test]
fn a_delete_after_an_edit_on_the_other_computer_wins_and_the_edit_is_a_conflict() {
    let mut w = World::new(2);
    w.devs[0].checkin(1, 5);
    w.full_exchange();
    w.devs[1].edit(1, 7).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    w.devs[0].delete(1).unwrap();
    w.full_exchange();
    assert!(w.devs[0].live(1).is_none() && w.devs[1].live(1).is_none());
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
    let c = w.devs[1].repo.sync_conflicts().unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].row.as_ref().unwrap()["pain"], 7);
}

#[test]
fn the_same_date_on_two_computers_settles_the_same_way_and_keeps_the_other() {
    let mut w = World::new(2);
    w.devs[0].checkin(1, 3);
    w.devs[1].checkin(1, 6);
    w.full_exchange();
    let a = w.devs[0].live(1).unwrap();
    let b = w.devs[1].live(1).unwrap();
    assert_eq!(a.uuid, b.uuid);
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
    for d in &w.devs {
        let c = d.repo.sync_conflicts().unwrap();
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].reason, "natural_key");
        assert_ne!(c[0].uuid, a.uuid);
        // The other check-in is in the trash, not gone.
        assert_eq!(d.repo.trash().unwrap().len(), 1);
    }
    // Keeping the other one swaps them on both computers.
    let id = w.devs[0].repo.sync_conflicts().unwrap()[0].id;
    let kept = w.devs[0].repo.sync_keep(id).unwrap();
    w.full_exchange();
    assert_eq!(w.devs[1].live(1).unwrap().uuid, kept.uuid);
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
}

#[test]
fn a_clock_more_than_five_minutes_ahead_is_warned_about() {
    let mut w = World::new(2);
    w.devs[0].repo.sync_set_skew(2 * DAY_MS).unwrap();
    w.devs[0].checkin(1, 4);
    w.devs[0].sync();
    w.deliver(0, 1, false);
    let r = w.devs[1].sync();
    assert_eq!(r.warnings.len(), 1, "{r:?}");
    assert!(
        r.warnings[0].contains("2.0 days ahead"),
        "{}",
        r.warnings[0]
    );
}

#[test]
fn a_device_back_after_months_takes_the_snapshot_of_a_compacted_folder() {
    let mut w = World::new(2);
    // One folder for both, as an engine that also carries deletions keeps it.
    w.devs[1].cfg.folder = w.devs[0].cfg.folder.clone();
    w.devs[0].checkin(1, 4);
    w.devs[0].sync();
    w.devs[1].sync();
    for n in 2..6 {
        w.devs[0].checkin(n, n as u8);
        w.devs[0].sync();
    }
    w.devs[0].delete(1).unwrap();
    w.devs[0].purge();
    w.devs[0].sync();
    let d = &mut w.devs[0];
    let (seq, removed) = crate::sync::status::compact(&mut d.repo, &d.cfg).unwrap();
    assert_eq!((seq, removed), (7, 6));
    let listing = files::list(&w.devs[0].cfg.own_dir()).unwrap();
    assert!(listing.segments.is_empty() && listing.snapshots.len() == 1);
    // B was at segment 1; 2..6 are gone, the snapshot brings it all, the purge included.
    let r = w.devs[1].sync();
    assert_eq!(r.applied_segments, 1, "{r:?}");
    assert!(w.devs[1].live(1).is_none());
    assert_eq!(w.devs[1].live(5).unwrap().pain, 5);
    w.devs[0].sync();
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
    // A new device reads the one snapshot.
    w.devs[0].checkin(9, 2);
    w.devs[0].sync();
    let mut w3 = World::new(1);
    w3.devs[0].cfg.folder = w.devs[0].cfg.folder.clone();
    w3.devs[0].cfg.key = w.key.clone();
    w3.devs[0].cfg.device_id = "00000000000000c3".into();
    let r = w3.devs[0].sync();
    assert_eq!(r.applied_segments, 2, "{r:?}");
    assert_eq!(w3.devs[0].digest(), w.devs[0].digest());
    assert!(day(9) > day(5));
}

#[test]
fn one_drug_added_on_both_computers_is_settled_alike_and_its_doses_add_up() {
    use crate::ops::meds::{DoseDraft, MedicationDraft, add_medication, take_dose};
    let mut w = World::new(2);
    let today = day(10);
    let med = MedicationDraft {
        name: "Ibuprofen".into(),
        class: "nsaid".into(),
        unit: "mg".into(),
        dose: 400.0,
        max_daily: Some(1200.0),
        ..Default::default()
    };
    for (i, d) in w.devs.iter_mut().enumerate() {
        let mut m = med.clone();
        m.name = ["Ibuprofen", "ibuprofen"][i].into();
        add_medication(&mut d.repo, &m, today).unwrap();
        let dose = DoseDraft {
            medication: "ibuprofen".into(),
            amount: Some(800.0),
            ..Default::default()
        };
        take_dose(
            &mut d.repo,
            &dose,
            today,
            today.and_hms_opt(8 + i as u32, 0, 0).unwrap(),
        )
        .unwrap();
    }
    w.full_exchange();
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
    for d in &w.devs {
        assert_eq!(d.repo.medications().unwrap().len(), 1);
        let c = d.repo.sync_conflicts().unwrap();
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].table.as_str(), c[0].reason.as_str()),
            ("medications", "natural_key")
        );
        // Both doses count toward the one drug's day, over its max.
        let over =
            crate::sync::meds::over_max_after_sync(&d.repo, &d.cfg.device_id, today).unwrap();
        assert_eq!(over.len(), 1, "{over:?}");
        assert_eq!(over[0].total, 1600.0);
    }
}

#[test]
fn a_copied_journal_gets_a_device_id_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("journal.db");
    crate::repo::Repo::open(&db).unwrap();
    let shared = dir.path().join("shared");
    let (cfg, _) =
        crate::sync::setup::init(&db, &crate::sync::setup::Carrier::Folder(shared)).unwrap();
    let again = crate::sync::SyncConfig::load(&db).unwrap().unwrap();
    assert_eq!(again.device_id, cfg.device_id, "the same file keeps its id");
    // The journal copied over (a restore, or a copy to another computer with the settings).
    let copy = dir.path().join("copy.db");
    std::fs::copy(&db, &copy).unwrap();
    std::fs::remove_file(&db).unwrap();
    std::fs::rename(&copy, &db).unwrap();
    let moved = crate::sync::SyncConfig::load(&db).unwrap().unwrap();
    assert_ne!(moved.device_id, cfg.device_id);
    assert_eq!(moved.key, cfg.key, "the key and folder stay");
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(crate::sync::config::path_for(&db))
            .unwrap()
            .permissions(),
    );
    assert_eq!(mode & 0o777, 0o600, "the key file is 0600");
}

#[test]
fn a_dose_whose_medication_has_not_arrived_waits_without_holding_up_the_rest() {
    use crate::ops::meds::{DoseDraft, MedicationDraft, add_medication, take_dose};
    let mut w = World::new(3);
    let today = day(10);
    let med = MedicationDraft {
        name: "naproxen".into(),
        class: "nsaid".into(),
        unit: "mg".into(),
        dose: 250.0,
        max_daily: Some(1000.0),
        ..Default::default()
    };
    add_medication(&mut w.devs[0].repo, &med, today).unwrap();
    w.devs[0].sync();
    w.deliver(0, 2, false);
    w.devs[2].sync();
    let dose = DoseDraft {
        medication: "naproxen".into(),
        amount: Some(250.0),
        ..Default::default()
    };
    take_dose(
        &mut w.devs[2].repo,
        &dose,
        today,
        today.and_hms_opt(9, 0, 0).unwrap(),
    )
    .unwrap();
    w.devs[2].sync();
    // B gets the dose's file before the medication's.
    w.deliver(2, 1, false);
    let r = w.devs[1].sync();
    // The dose's segment goes through (its other rows with it); the dose waits for its parent.
    assert_eq!((r.applied_segments, r.waiting), (1, 1), "{r:?}");
    assert!(
        w.devs[1]
            .repo
            .doses_between(today, today)
            .unwrap()
            .is_empty()
    );
    w.deliver(0, 1, false);
    let r = w.devs[1].sync();
    assert_eq!((r.applied_segments, r.waiting), (1, 0), "{r:?}");
    assert_eq!(w.devs[1].repo.doses_between(today, today).unwrap().len(), 1);
    w.full_exchange();
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
    assert_eq!(w.devs[1].digest(), w.devs[2].digest());
}

#[test]
fn a_medication_purged_on_one_computer_while_the_other_logs_a_dose_stays_for_the_dose() {
    use crate::ops::meds::{DoseDraft, MedicationDraft, add_medication, take_dose};
    use crate::repo::{Kind, RecordId};
    let mut w = World::new(2);
    let today = day(10);
    let med = MedicationDraft {
        name: "naproxen".into(),
        class: "nsaid".into(),
        unit: "mg".into(),
        dose: 250.0,
        ..Default::default()
    };
    let id = add_medication(&mut w.devs[0].repo, &med, today)
        .unwrap()
        .record
        .id;
    w.full_exchange();
    w.devs[0]
        .repo
        .delete(RecordId::new(Kind::Medication, id))
        .unwrap();
    w.devs[0].purge();
    let dose = DoseDraft {
        medication: "naproxen".into(),
        amount: Some(250.0),
        ..Default::default()
    };
    take_dose(
        &mut w.devs[1].repo,
        &dose,
        today,
        today.and_hms_opt(9, 0, 0).unwrap(),
    )
    .unwrap();
    w.full_exchange();
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
    for d in &w.devs {
        assert_eq!(d.repo.doses_between(today, today).unwrap().len(), 1);
        // The medication is kept, in the trash, for the dose that refers to it.
        assert!(d.repo.medications().unwrap().is_empty());
        assert_eq!(
            d.repo.trash().unwrap().len(),
            1,
            "{:?}",
            d.repo.trash().unwrap()
        );
    }
}

#[test]
fn the_exercise_library_seeded_on_both_computers_is_kept_once_without_conflicts() {
    let mut w = World::new(2);
    for d in w.devs.iter_mut() {
        d.repo
            .with_exercise_library(|_| Ok::<_, crate::repo::RepoError>(()))
            .unwrap();
    }
    let seeded = w.devs[0].repo.exercises().unwrap().len();
    assert!(seeded >= 10);
    w.full_exchange();
    assert_eq!(w.devs[0].digest(), w.devs[1].digest());
    for d in &w.devs {
        assert_eq!(
            d.repo.exercises().unwrap().len(),
            seeded,
            "one of each, live"
        );
        let c = d.repo.sync_conflicts().unwrap();
        assert!(c.is_empty(), "twins are no conflict: {c:?}");
    }
}
