//! Storing what a file gave (SPEC §10): dedup by source hash and start time (the trash
//! included), the load from the thresholds of the activity's sport in force on its day, and
//! one transaction per file. Everything that is not stored is put in the summary with why.

use std::collections::HashSet;
use std::path::Path;

use chrono::NaiveDateTime;

use super::summary::{Entry, Imported, Summary};
use super::{Candidate, FileResult, Options};
use crate::domain::limits::MANUAL_TSS;
use crate::domain::records::Activity;
use crate::domain::vocab::LoadSource;
use crate::repo::{Repo, RepoError};

/// Hashes and start times taken in this run, so a dry run (and two copies of one file in a
/// single run) dedup the same way as stored activities do.
#[derive(Default)]
pub(super) struct Seen {
    hashes: HashSet<String>,
    starts: HashSet<NaiveDateTime>,
}

/// Dedups one file's candidates, fills their load, and writes them in one transaction.
pub(super) fn store(
    repo: &mut Repo,
    path: &Path,
    result: FileResult,
    opts: Options,
    seen: &mut Seen,
    summary: &mut Summary,
) -> Result<(), RepoError> {
    let entry = entry_for(path);
    if let Some(reason) = result.fail {
        summary.failed.push(entry(None, reason));
        return Ok(());
    }
    if let Some(reason) = result.skip {
        summary.skipped.push(entry(None, reason));
        return Ok(());
    }
    for (line, reason) in result.bad_lines {
        summary.failed.push(entry(Some(line), reason));
    }
    for (line, reason) in result.dropped {
        summary.skipped.push(entry(Some(line), reason));
    }
    for note in result.notes {
        summary.notes.push(entry(None, note));
    }
    let keep = keep_new(repo, path, result.candidates, seen, summary)?;
    if keep.is_empty() {
        return Ok(());
    }
    let stored = if opts.dry_run {
        keep
    } else {
        repo.add_activities(&keep)?
    };
    summary.imported.push(Imported {
        path: path.to_path_buf(),
        activities: stored,
    });
    Ok(())
}

/// The candidates neither stored nor taken earlier in this run, their load filled in; the
/// rest go into the summary with why.
fn keep_new(
    repo: &Repo,
    path: &Path,
    candidates: Vec<Candidate>,
    seen: &mut Seen,
    summary: &mut Summary,
) -> Result<Vec<Activity>, RepoError> {
    let entry = entry_for(path);
    let mut keep = Vec::new();
    let mut skipped = Vec::new();
    let today = crate::domain::clock::today();
    for c in candidates {
        let mut a = c.activity;
        // A file's moving time of 0 (a list row without one) says nothing was measured.
        a.moving_s = a.moving_s.filter(|m| *m > 0);
        if let Some(reason) = duplicate(repo, seen, &a)? {
            skipped.push(entry(c.line, reason));
            continue;
        }
        let at = a.start.format("%Y-%m-%d %H:%M:%S");
        for line in fill_load(repo, &mut a, c.given_tss)? {
            summary.notes.push(entry(c.line, format!("{at}: {line}")));
        }
        // The one check every way in passes: what a JSON import of the export would refuse
        // (a day in 1899 or ahead, 1e300 seconds) is not stored.
        if let Err(e) = crate::domain::plausible::check_activity(&a, today) {
            summary.failed.push(entry(c.line, e.to_string()));
            continue;
        }
        seen.hashes
            .insert(a.source_hash.clone().unwrap_or_default());
        seen.starts.insert(a.start);
        keep.push(a);
    }
    // A FIT file whose every activity is a duplicate is one skipped file, not one per session.
    if keep.is_empty() && !skipped.is_empty() && skipped.iter().all(|e| e.line.is_none()) {
        skipped.truncate(1);
    }
    summary.skipped.extend(skipped);
    Ok(keep)
}

/// Why `a` is not imported when it was already: the same source hash or the same start, in
/// this run, in the journal or in the trash.
fn duplicate(repo: &Repo, seen: &Seen, a: &Activity) -> Result<Option<String>, RepoError> {
    let hash = a.source_hash.clone().unwrap_or_default();
    if seen.hashes.contains(&hash) {
        return Ok(Some("already imported (same file or row)".into()));
    }
    if let Some(found) = repo.activity_by_hash(&hash)? {
        return Ok(Some(match found {
            (id, true) => trashed(id),
            (id, false) => format!("already imported (same file or row) as a{id}"),
        }));
    }
    let at = a.start.format("%Y-%m-%d %H:%M:%S");
    if seen.starts.contains(&a.start) {
        return Ok(Some(format!("an activity already starts at {at}")));
    }
    Ok(repo.activity_by_start(a.start)?.map(|found| match found {
        (id, true) => trashed(id),
        (id, false) => format!("an activity already starts at {at} (a{id})"),
    }))
}

/// Fills the load of `a` from the thresholds in force on its day, or the TSS the file gave.
/// A figure out of the one table of limits is left empty, with a line saying so (returned);
/// the rest of the activity is kept, its load computed without it.
fn fill_load(
    repo: &Repo,
    a: &mut Activity,
    given_tss: Option<f64>,
) -> Result<Vec<String>, RepoError> {
    let mut dropped = crate::domain::out_of_range::drop_out_of_range(a);
    let t = repo.load_thresholds(a.date())?;
    crate::analysis::tss::load_with(a, &t);
    if let Some(tss) = given_tss
        && a.load_source != Some(LoadSource::Power)
    {
        match MANUAL_TSS.check(tss) {
            Ok(tss) => a.set_manual_tss(tss),
            Err(e) => dropped.push(format!("tss {}; left empty", e.message)),
        }
    }
    Ok(dropped)
}

/// Makes the summary's entries for the file at `path`: a line number (None for the whole
/// file) and why.
fn entry_for(path: &Path) -> impl Fn(Option<u64>, String) -> Entry + '_ {
    move |line, reason| Entry {
        path: path.to_path_buf(),
        line,
        reason,
    }
}

/// Why an activity deleted earlier is not imported again.
fn trashed(id: i64) -> String {
    format!(
        "already imported as a{id}, which is in the trash (`backtrack restore a{id}` brings it back)"
    )
}
