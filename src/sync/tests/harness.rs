//! Simulated devices for the sync tests: an in-memory journal, a folder replica of its own,
//! and helpers to edit check-ins, deliver files between replicas and compare journals.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::records::Checkin;
use crate::repo::{Kind, RecordId, Repo};
use crate::sync::config::SyncConfig;
use crate::sync::key::{CHECK_FILE, Key};
use crate::sync::{SyncReport, run};

pub struct Dev {
    pub repo: Repo,
    pub cfg: SyncConfig,
}

/// A shared folder's replicas: one per device, all holding the check file of one key.
pub struct World {
    /// Holds the replicas; removed when the world is dropped.
    pub _dir: tempfile::TempDir,
    pub key: String,
    pub devs: Vec<Dev>,
}

pub fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1 + n).unwrap()
}

impl World {
    pub fn new(n: usize) -> World {
        let dir = tempfile::tempdir().unwrap();
        let key = Key::generate();
        let check = key.check_file().unwrap();
        let mut devs = Vec::new();
        for i in 0..n {
            let folder = dir.path().join(format!("replica{i}"));
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::write(folder.join(CHECK_FILE), &check).unwrap();
            devs.push(Dev {
                repo: Repo::open_in_memory().unwrap(),
                cfg: SyncConfig {
                    device_id: format!("{:016x}", 0xa0 + i),
                    journal_file: (0, 0),
                    folder,
                    git: None,
                    key: key.text(),
                    last_sync: None,
                    last_error: None,
                    auto: false,
                },
            });
        }
        World {
            _dir: dir,
            key: key.text(),
            devs,
        }
    }

    /// Copies the files device `from` wrote that `to`'s replica lacks (or holds cut short).
    /// `partial`: each copied file arrives half-written, as an engine mid-transfer leaves it.
    pub fn deliver(&self, from: usize, to: usize, partial: bool) {
        let src = self.devs[from].cfg.folder.join("devices");
        let dst = self.devs[to].cfg.folder.join("devices");
        let own = std::path::Path::new(&self.devs[from].cfg.device_id);
        for (rel, bytes) in files_under(&src) {
            if !rel.starts_with(own) {
                continue;
            }
            let target = dst.join(&rel);
            let have = std::fs::read(&target).ok();
            if have.as_deref() == Some(bytes.as_slice()) {
                continue;
            }
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            match partial {
                true => {
                    std::fs::write(&target, &bytes[..bytes.len() / 2]).unwrap();
                    // An engine's own copy beside it: never read.
                    let copy = target.with_extension("sync-conflict-20261204-101010-ABCDEF.age");
                    std::fs::write(copy, &bytes).unwrap();
                }
                false => std::fs::write(&target, &bytes).unwrap(),
            }
        }
    }

    /// Copies only the `k`-th (modulo their number) file device `from` wrote: files arrive out
    /// of order, a later segment before an earlier one.
    pub fn deliver_one(&self, from: usize, to: usize, k: usize) {
        let src = self.devs[from].cfg.folder.join("devices");
        let dst = self.devs[to].cfg.folder.join("devices");
        let own = std::path::Path::new(&self.devs[from].cfg.device_id);
        let mine: Vec<_> = files_under(&src)
            .into_iter()
            .filter(|(rel, _)| rel.starts_with(own))
            .collect();
        if mine.is_empty() {
            return;
        }
        let (rel, bytes) = &mine[k % mine.len()];
        let target = dst.join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }

    /// Every replica gets every file, whole.
    pub fn deliver_all(&self) {
        for from in 0..self.devs.len() {
            for to in 0..self.devs.len() {
                if from != to {
                    self.deliver(from, to, false);
                }
            }
        }
    }

    /// Syncs, delivers and syncs again until every device has everything (a sync may answer
    /// with a new edit of its own, a purged record kept for its children, hence three rounds).
    pub fn full_exchange(&mut self) {
        for _ in 0..3 {
            for i in 0..self.devs.len() {
                self.devs[i].sync();
                self.deliver_all();
            }
        }
    }
}

fn files_under(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let Ok(devices) = std::fs::read_dir(root) else {
        return out;
    };
    for d in devices.flatten() {
        for f in std::fs::read_dir(d.path()).into_iter().flatten().flatten() {
            let name = f.file_name().to_string_lossy().into_owned();
            if crate::sync::segment::files::classify(&name).is_some() {
                let rel = PathBuf::from(d.file_name()).join(&name);
                out.push((rel, std::fs::read(f.path()).unwrap()));
            }
        }
    }
    out
}

impl Dev {
    pub fn sync(&mut self) -> SyncReport {
        run(&mut self.repo, &self.cfg).unwrap()
    }

    /// Logs (or re-logs) the check-in of day `n`; its uuid.
    pub fn checkin(&mut self, n: u32, pain: u8) -> String {
        let c = Checkin {
            date: day(n),
            pain,
            ..Default::default()
        };
        self.repo.save_checkin(&c).unwrap().0.uuid
    }

    /// The live check-in of day `n`, if any.
    pub fn live(&self, n: u32) -> Option<Checkin> {
        self.repo.checkin_on(day(n)).unwrap()
    }

    /// Edits the pain of day `n`'s live check-in; its uuid when there was one.
    pub fn edit(&mut self, n: u32, pain: u8) -> Option<String> {
        let mut c = self.live(n)?;
        c.pain = pain;
        self.repo.update_checkin(&c).unwrap();
        Some(c.uuid)
    }

    /// Deletes day `n`'s live check-in; its uuid when there was one.
    pub fn delete(&mut self, n: u32) -> Option<String> {
        let c = self.live(n)?;
        self.repo
            .delete(RecordId::new(Kind::Checkin, c.id))
            .unwrap();
        Some(c.uuid)
    }

    pub fn purge(&mut self) {
        self.repo.empty_trash().unwrap();
    }

    /// Every row of every table as the export writes it: equal digests, equal journals.
    pub fn digest(&self) -> String {
        let doc = self.repo.export_json().unwrap();
        doc["tables"].to_string()
    }
}
