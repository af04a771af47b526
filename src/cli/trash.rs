//! `trash --empty`: purging for good is the one step no undo reaches, so it asks first (or
//! takes `--yes` where no one can answer), writes a verified backup before anything goes, and
//! counts what `trash` listed: "Purged 2 records, with 1 exercise row, for good".

use std::io::{BufRead, IsTerminal, Write};

use anyhow::Result;
use serde_json::json;

use super::args::Global;
use super::ctx::Ctx;
use crate::domain::InputError;
use crate::domain::text::plural;
use crate::repo::records::Purged;

pub fn empty(g: &Global, ctx: &mut Ctx, yes: bool) -> Result<()> {
    let listed = ctx.repo.trash()?.len();
    if listed == 0 {
        let v = json!({"purged": 0, "exercise_rows": 0, "psfs_ratings": 0, "settings": 0, "kept": 0, "backup": null});
        return ctx.out(&v, || "The trash is empty; nothing was purged.".into());
    }
    let what = plural(listed, "record", "records");
    if !yes {
        let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        if !terminal {
            return Err(InputError::new(
                "yes",
                format!(
                    "emptying the trash purges {what} for good and no one can be asked here; nothing was purged. allowed: `backtrack trash --empty --yes`"
                ),
            )
            .into());
        }
        if !ask(&format!(
            "Purge the {what} in the trash for good? A backup is written first. (y/N) "
        ))? {
            return ctx.out(&json!({"purged": 0, "backup": null}), || {
                "Nothing was purged.".into()
            });
        }
    }
    let backup = super::system::manual_backup_path(g)?;
    ctx.repo.backup(&backup)?;
    let p = ctx.repo.empty_trash()?;
    let v = json!({
        "purged": p.records,
        "exercise_rows": p.exercise_rows,
        "psfs_ratings": p.psfs_ratings,
        "settings": p.settings,
        "kept": p.kept,
        "backup": backup,
    });
    ctx.out(&v, || {
        format!(
            "{} The journal as it was is in {}.",
            summary(&p),
            backup.display()
        )
    })
}

/// "Purged 2 records, with 1 exercise row, for good; kept 1 still referenced by live records."
fn summary(p: &Purged) -> String {
    let mut with = Vec::new();
    if p.exercise_rows > 0 {
        with.push(plural(p.exercise_rows, "exercise row", "exercise rows"));
    }
    if p.psfs_ratings > 0 {
        with.push(plural(p.psfs_ratings, "PSFS rating", "PSFS ratings"));
    }
    if p.settings > 0 {
        with.push(plural(p.settings, "replaced setting", "replaced settings"));
    }
    let with = match with.is_empty() {
        true => String::new(),
        false => format!(", with {},", with.join(", ")),
    };
    let kept = match p.kept {
        0 => String::new(),
        n => format!("; kept {n} still referenced by live records"),
    };
    format!(
        "Purged {}{with} for good{kept}.",
        plural(p.records, "record", "records")
    )
}

/// Asks on the terminal; only "y" or "yes" is a yes.
fn ask(question: &str) -> Result<bool> {
    let mut err = std::io::stderr();
    write!(err, "{question}")?;
    err.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_records_and_names_the_rows_with_them() {
        let p = Purged {
            records: 2,
            exercise_rows: 1,
            kept: 1,
            ..Purged::default()
        };
        assert_eq!(
            summary(&p),
            "Purged 2 records, with 1 exercise row, for good; kept 1 still referenced by live records."
        );
    }
}
