//! `set`, `settings`, `status`, `export`, `import`, `backup`, `completions`, `man`, and
//! opening the app when no command is given.

use std::path::PathBuf;

use anyhow::Result;
use clap::CommandFactory;
use serde_json::json;

use super::args::{Cli, ExportArgs, ExportFormat, Global, ImportArgs, SetArgs};
use super::ctx::*;
use crate::domain::{InputError, clock};
use crate::repo::settings::{is_text, resolve_key};

/// Opens the app on the journal (with the daily backup `Ctx::open` makes).
pub fn open_tui(g: &Global) -> Result<()> {
    if g.demo {
        return open_demo(g);
    }
    let ctx = Ctx::open(g)?;
    let db = super::ctx::db_path(g)?;
    let mut repo = ctx.repo;
    // `set sync auto`: a sync as the app opens and as it quits; a failure is a message. Not
    // when the app cannot open here (no terminal): `run` says why, and nothing else happens.
    use std::io::IsTerminal;
    let app_can_open = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let start = match app_can_open {
        true => super::sync_setup::auto_sync(&db, &mut repo),
        false => None,
    };
    crate::tui::run(repo, ctx.today, None, start)?;
    if let Ok(ctx) = Ctx::open(g)
        && app_can_open
    {
        let mut repo = ctx.repo;
        if let Some((text, _)) = super::sync_setup::auto_sync(&db, &mut repo) {
            eprintln!("{text}");
        }
    }
    Ok(())
}

/// `--demo`: two years of demo data in a temporary directory that is removed on exit.
fn open_demo(g: &Global) -> Result<()> {
    let dir = tempfile::Builder::new()
        .prefix("backtrack-demo-")
        .tempdir()?;
    let demo = Global {
        db: Some(dir.path().join("journal.db")),
        demo: false,
        ..g.clone()
    };
    let mut ctx = Ctx::open(&demo)?;
    let spec = crate::demo::DemoSpec {
        years: 2,
        seed: 1,
        end: ctx.today,
    };
    let mut batch = crate::demo::generate(spec);
    crate::demo::up_to(&mut batch, clock::latest_moment(clock::now_local()));
    ctx.repo.insert_batch(&batch)?;
    // A quit drops `dir`; a signal (the terminal closed) ends the process without drops.
    crate::tui::run(ctx.repo, ctx.today, Some(dir.path()), None)
}

pub fn set(g: &Global, a: SetArgs) -> Result<()> {
    if a.key == "sync" {
        return super::sync_setup::set_auto(g, &a.value, a.from.is_some());
    }
    if crate::ops::settings::is_units(&a.key) {
        crate::ops::settings::parse_units(&a.value)?;
        if a.from.is_some() {
            return Err(crate::domain::InputError::new(
                "from",
                "units has no history; allowed: --from only with ftp, lthr, max_hr, weight",
            )
            .into());
        }
        let mut ctx = Ctx::open(g)?;
        let done = crate::ops::settings::set_units(&mut ctx.repo, &a.value)?;
        let v = json!({"key": "units", "value": done.record.as_str()});
        return ctx.out(&v, || done.summary.clone());
    }
    let today = clock::today();
    if is_text(resolve_key(&a.key)?) {
        return set_text(g, &a);
    }
    let draft = super::drafts::setting(&a);
    crate::ops::settings::validate(&draft, today)?;
    let mut ctx = Ctx::open(g)?;
    let done = crate::ops::settings::set(&mut ctx.repo, &draft, today)?;
    let set = &done.record;
    let (key, value) = (set.setting.key, set.setting.value);
    let out = match set.setting.from {
        Some(from) => {
            json!({"key": key, "value": value, "from": from, "recomputed": set.recomputed})
        }
        None => json!({"key": key, "value": value}),
    };
    ctx.out(&out, || done.summary.clone())
}

/// `set name "Alex Doe"`: a text setting; an empty value clears it.
fn set_text(g: &Global, a: &SetArgs) -> Result<()> {
    let draft = super::drafts::setting(a);
    crate::ops::settings::validate_text(&draft)?;
    let mut ctx = Ctx::open(g)?;
    let done = crate::ops::settings::set_text(&mut ctx.repo, &draft)?;
    let (key, value) = &done.record;
    ctx.out(&json!({"key": key, "value": value}), || {
        done.summary.clone()
    })
}

pub fn settings(g: &Global) -> Result<()> {
    let ctx = Ctx::open_existing(g)?;
    let dated = ctx.repo.dated_history()?;
    let mut plain = serde_json::Map::new();
    for (k, ..) in crate::repo::settings::PLAIN_KEYS {
        plain.insert(k.to_string(), json!(ctx.repo.plain_f64(k)?));
    }
    let name = ctx.repo.plain("name")?.filter(|n| !n.is_empty());
    let dob = ctx.repo.plain("dob")?.filter(|n| !n.is_empty());
    let units = crate::ops::settings::units(&ctx.repo)?;
    let v = json!({"dated": dated, "thresholds": plain, "name": name, "dob": dob, "units": units.as_str()});
    ctx.out(&v, || {
        let mut lines = vec![
            format!(
                "Name (printed on the report): {}",
                name.as_deref()
                    .unwrap_or("not set — backtrack set name \"…\"")
            ),
            format!(
                "Date of birth (printed on the report): {}",
                dob.as_deref()
                    .unwrap_or("not set — backtrack set dob YYYY-MM-DD")
            ),
        ];
        lines.push("Dated settings (value in force from a date):".to_string());
        if dated.is_empty() {
            lines.push("  none yet — e.g. backtrack set ftp 250".into());
        }
        for d in &dated {
            let from = crate::ops::settings::from_words(d.from, ctx.today);
            let value = crate::ops::settings::value_text(&d.key, d.value);
            let key = crate::ops::settings::key_text(&d.key);
            lines.push(format!("  {key:<12} {value:>8}  {from}"));
        }
        lines.push(format!("Units: {}", units.as_str()));
        lines.push("Thresholds:".into());
        for (k, val) in &plain {
            // f64 in JSON; every threshold is a whole number, shown as typed (7, not 7.0).
            let shown = val
                .as_f64()
                .map(|v| v.to_string())
                .unwrap_or_else(|| "not set".into());
            lines.push(format!("  {k:<20} {shown}"));
        }
        lines.join("\n")
    })
}

pub fn status(g: &Global) -> Result<()> {
    let ctx = Ctx::open_existing(g)?;
    let s = super::status::status_line(&ctx.repo, ctx.today)?;
    // Read only: the prompt line never writes, not even the sync settings.
    let device = crate::sync::SyncConfig::device_of(&super::ctx::db_path(g)?);
    let s = super::status::with_sync_flags(s, &ctx.repo, device.as_deref())?;
    ctx.out(&s, || s.text.clone())
}

pub fn export(g: &Global, a: ExportArgs) -> Result<()> {
    let ctx = Ctx::open_existing(g)?;
    let unreadable = match a.format {
        ExportFormat::Json => {
            let (doc, unreadable) = ctx.repo.export_readable()?;
            let text = serde_json::to_string_pretty(&doc)?;
            match &a.output {
                Some(p) => {
                    crate::repo::atomic_file::write_private(p, text.as_bytes())?;
                    eprintln!("Exported the journal to {}", p.display());
                }
                None => emit(&text),
            }
            unreadable
        }
        ExportFormat::Csv => {
            let dir = a
                .output
                .clone()
                .unwrap_or_else(|| PathBuf::from(format!("backtrack-csv-{}", ctx.today)));
            let (files, unreadable) = ctx.repo.export_csv(&dir)?;
            ctx.out(&files, || {
                format!(
                    "Exported {} to {}",
                    crate::domain::text::plural(files.len(), "CSV file", "CSV files"),
                    dir.display()
                )
            })?;
            unreadable
        }
    };
    if !unreadable.is_empty() {
        anyhow::bail!(
            "the journal is damaged: every readable row was exported, but {} could not be read whole",
            unreadable.join(", ")
        );
    }
    Ok(())
}

pub fn import(g: &Global, a: ImportArgs) -> Result<()> {
    let is_json = |p: &PathBuf| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    };
    let json_count = a.paths.iter().filter(|p| is_json(p)).count();
    if json_count == 0 {
        return import_activities(g, &a);
    }
    if json_count < a.paths.len() {
        return Err(InputError::new(
            "path",
            "a backtrack JSON export is imported on its own; allowed: FILE.json, or .fit/.csv files and folders",
        )
        .into());
    }
    let mut docs = Vec::new();
    for p in &a.paths {
        let doc = crate::repo::export_file::read_export(p)?;
        docs.push((p.clone(), doc));
    }
    let mut ctx = Ctx::open(g)?;
    let mut reports = Vec::new();
    for (p, doc) in docs {
        let report = ctx.repo.import_json_with(&doc, !a.dry_run, a.force)?;
        reports.push((p, report));
    }
    let v: Vec<_> = reports
        .iter()
        .map(|(p, r)| json!({"path": p, "dry_run": a.dry_run, "tables": r.tables, "trashed": r.trashed, "conflicts": r.conflicts, "purged": r.purged}))
        .collect();
    ctx.out(&v, || {
        let lines = reports.iter().map(|(p, r)| import_summary(p, r, a.dry_run));
        lines.collect::<Vec<_>>().join("\n")
    })
}

/// "Imported x.json: 3 new, …" and, when the merge moved records to the trash, which ones
/// and how to bring them back.
fn import_summary(p: &std::path::Path, r: &crate::repo::merge::ImportReport, dry: bool) -> String {
    let t = r.total();
    let verb = if dry { "Would import" } else { "Imported" };
    let mut line = format!(
        "{verb} {}: {} new, {} updated, {} unchanged, {} older (kept yours)",
        p.display(),
        t.inserted,
        t.updated,
        t.unchanged,
        t.kept_yours
    );
    if !r.trashed.is_empty() {
        let moved = if dry { "would move" } else { "moved" };
        let names: Vec<String> = r
            .trashed
            .iter()
            .map(|x| match &x.id {
                Some(id) => format!("{id} ({})", x.summary),
                None => format!("{} {}", x.table, x.uuid),
            })
            .collect();
        line.push_str(&format!(
            "\n{moved} {} to the trash (a newer record of the same day or name won): {}\n`backtrack restore ID` brings one back; `backtrack trash` lists them",
            r.trashed.len(),
            names.join(", ")
        ));
    }
    if r.purged > 0 {
        line.push_str(&format!(
            "\n{} record(s) removed: the file's journal emptied them from its trash after your last change",
            r.purged
        ));
    }
    if r.conflicts > 0 {
        line.push_str(&format!(
            "\n{} version(s) lost to an edit made at the same time on the other side: `backtrack sync conflicts` shows them, `backtrack sync keep K` takes one back",
            r.conflicts
        ));
    }
    line
}

/// Imports .fit files, folders and activity CSVs, with a progress bar on a terminal.
fn import_activities(g: &Global, a: &ImportArgs) -> Result<()> {
    use std::io::IsTerminal;
    // Refuse a missing path or an unsupported type before the journal is opened.
    let files = crate::import::collect_files(&a.paths)?;
    let mut ctx = Ctx::open(g)?;
    let bar = (!ctx.json && std::io::stdout().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(0);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} activities {wide_msg}")
        {
            b.set_style(style);
        }
        b
    });
    let opts = crate::import::Options { dry_run: a.dry_run };
    let mut on_progress = |p: crate::import::Progress| {
        if let Some(b) = &bar {
            b.set_length(p.total as u64);
            b.set_position(p.done as u64);
            b.set_message(p.path.display().to_string());
        }
    };
    let result = crate::import::import_files(&mut ctx.repo, &files, opts, &mut on_progress);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let summary = result?;
    ctx.out(&summary, || summary.text())?;
    if summary.all_failed() {
        // Nothing was imported or even recognised as already there: not a success.
        anyhow::bail!("every file failed to import (reasons above)");
    }
    Ok(())
}

/// Where `backup` without a path writes: `backups/NAME-manual-STAMP.db` beside the journal
/// (the folder made 0700 when needed).
pub fn manual_backup_path(g: &Global) -> Result<PathBuf> {
    let db = db_path(g)?;
    let dir = crate::repo::backup::backups_dir(&db);
    crate::repo::connection::create_private_dir(&dir)?;
    let stamp = clock::now_local().format("%Y%m%d-%H%M%S").to_string();
    Ok(dir.join(crate::repo::backup_owner::manual_name(&db, &stamp)))
}

pub fn backup(g: &Global, path: Option<PathBuf>) -> Result<()> {
    let ctx = Ctx::open_existing(g)?;
    let dest = match path {
        Some(p) => p,
        None => manual_backup_path(g)?,
    };
    ctx.repo.backup(&dest)?;
    let size = std::fs::metadata(&dest).map(|m| m.len()).unwrap_or(0);
    ctx.out(
        &json!({"path": dest, "bytes": size, "verified": true}),
        || {
            format!(
                "Backed up to {} ({size} bytes, integrity_check ok)",
                dest.display()
            )
        },
    )
}

pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "backtrack", &mut buf);
    emit(String::from_utf8_lossy(&buf).trim_end());
    Ok(())
}

pub fn man() -> Result<()> {
    let man = clap_mangen::Man::new(Cli::command());
    let mut buf = Vec::new();
    man.render(&mut buf)?;
    emit(String::from_utf8_lossy(&buf).trim_end());
    Ok(())
}
