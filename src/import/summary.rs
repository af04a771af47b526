//! The end of an import: what was imported, skipped and failed, each with its file (and CSV
//! line) and reason. Serialized as the `--json` output; `text` is the plain summary.

use crate::domain::safe_text::one_line;
use std::path::PathBuf;

use serde::Serialize;

use crate::domain::records::Activity;

/// The outcome of one `import_paths` run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub dry_run: bool,
    pub imported: Vec<Imported>,
    pub skipped: Vec<Entry>,
    pub failed: Vec<Entry>,
    /// What was imported with a caveat (records left out as a clock glitch).
    pub notes: Vec<Entry>,
}

/// A file with the activities it gave (stored ones have their id; a dry run's have id 0).
#[derive(Debug, Clone, Serialize)]
pub struct Imported {
    pub path: PathBuf,
    pub activities: Vec<Activity>,
}

/// A file (or CSV line) that was skipped or failed, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub path: PathBuf,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    pub reason: String,
}

impl Summary {
    /// True when something was tried and every part of it failed: the run did nothing.
    pub fn all_failed(&self) -> bool {
        self.imported.is_empty() && self.skipped.is_empty() && !self.failed.is_empty()
    }

    /// Activities imported (or, in a dry run, that would be).
    pub fn activity_count(&self) -> usize {
        self.imported.iter().map(|f| f.activities.len()).sum()
    }

    /// The plain-text summary: one headline, a line per activity, then every skipped and
    /// failed item.
    pub fn text(&self) -> String {
        let mut lines = vec![self.headline()];
        lines.extend(self.activity_lines());
        lines.extend(self.problem_lines());
        lines.join("\n")
    }

    /// `Imported N activities from F files; skipped S, failed X.`
    pub fn headline(&self) -> String {
        let verb = if self.dry_run {
            "Would import"
        } else {
            "Imported"
        };
        format!(
            "{verb} {} from {}; skipped {}, failed {}.",
            crate::domain::text::plural(self.activity_count(), "activity", "activities"),
            crate::domain::text::plural(self.imported.len(), "file", "files"),
            self.skipped.len(),
            self.failed.len()
        )
    }

    /// A line per activity imported.
    pub fn activity_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for f in &self.imported {
            for a in &f.activities {
                let tss = a
                    .tss
                    .map(|t| format!(", TSS {t:.0} ({})", a.load_source.as_deref().unwrap_or("")))
                    .unwrap_or_default();
                lines.push(format!(
                    "  + {} {} {} {}{tss}",
                    one_line(&f.path.display().to_string()),
                    a.start.format("%Y-%m-%d %H:%M"),
                    a.kind.as_str(),
                    crate::domain::parse::format_duration(a.elapsed_s),
                ));
            }
        }
        lines
    }

    /// A line per skipped, then per failed file or CSV line, then per note, with its reason.
    pub fn problem_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for (mark, list) in [
            ("skipped", &self.skipped),
            ("failed", &self.failed),
            ("note", &self.notes),
        ] {
            for e in list {
                let line = e.line.map(|l| format!(" line {l}")).unwrap_or_default();
                lines.push(format!(
                    "  {mark}: {}{line}: {}",
                    one_line(&e.path.display().to_string()),
                    one_line(&e.reason)
                ));
            }
        }
        lines
    }
}
