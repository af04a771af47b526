//! The care-team report (SPEC §12): one self-contained, printable HTML file (inline CSS and
//! SVG, no script, nothing fetched) for a doctor or physio, optionally printed to PDF.
//! It reads the journal through the views like the other front ends (`views::report` loads
//! the period as `stats` does, `views::plan` the return plan); `figures*`, `clinical`,
//! `med_safety` and `notes` compute, `charts*` and `html*` render, `pdf` prints.

pub mod chart_marks;
pub mod charts;
pub mod charts_load;
pub mod charts_scores;
pub mod clinical;
pub mod figures;
pub mod figures_load;
pub mod html;
pub mod html_outcomes;
pub mod html_page1;
pub mod html_sections;
pub mod html_training;
pub mod med_safety;
pub mod notes;
pub mod pdf;
pub mod words;

use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;

pub use crate::views::report::{ReportData, load};
pub use figures::{Figures, figures};

use crate::repo::Repo;

/// What to write besides the period.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// The file to write; None writes `backtrack-report-FROM-TO.html` in the current folder.
    /// An existing folder gets that name inside it.
    pub output: Option<PathBuf>,
    /// Add every note of the period as an appendix.
    pub notes: bool,
    /// The paper the printed report is laid out for.
    pub paper: Paper,
}

/// The printed page size: A4, or US Letter in the US and Canada.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// The CSS `@page` size.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }

    /// Letter when the locale (`LC_ALL`, `LC_PAPER`, then `LANG`, the first one set) is of
    /// the US or Canada; A4 everywhere else.
    pub fn from_locale(get: impl Fn(&str) -> Option<String>) -> Paper {
        let locale = ["LC_ALL", "LC_PAPER", "LANG"]
            .iter()
            .find_map(|k| get(k).filter(|v| !v.is_empty()))
            .unwrap_or_default();
        let region = locale
            .split(['.', '@'])
            .next()
            .and_then(|l| l.split(['_', '-']).nth(1))
            .unwrap_or("");
        match region.to_ascii_uppercase().as_str() {
            "US" | "CA" => Paper::Letter,
            _ => Paper::A4,
        }
    }
}

/// The default file name for a period.
pub fn default_name(from: NaiveDate, to: NaiveDate) -> String {
    format!("backtrack-report-{from}-{to}.html")
}

/// Where the report for the period goes.
pub fn output_path(opts: &ReportOptions, from: NaiveDate, to: NaiveDate) -> PathBuf {
    match &opts.output {
        Some(p) if p.is_dir() => p.join(default_name(from, to)),
        Some(p) => p.clone(),
        None => PathBuf::from(default_name(from, to)),
    }
}

/// The report's HTML and figures for `[from, to]`, as of `to`.
pub fn build(data: &ReportData, notes: bool, paper: Paper) -> Result<(String, Figures)> {
    let f = figures(data);
    let list = notes.then(|| notes::notes(data, &f));
    let html = html::render(data, &f, list.as_deref(), paper)?;
    Ok((html, f))
}

/// Writes `contents` to `path` through backtrack's one private, atomic file writer
/// ([`crate::repo::atomic_file`]): mode 0600 from the start, fsynced, renamed into place, so a
/// reader or a crash never sees half a report and an old one is replaced whole.
pub fn write_private(path: &Path, contents: &[u8]) -> Result<()> {
    Ok(crate::repo::atomic_file::write_private(path, contents)?)
}

/// Loads, renders and writes the report for `[from, to]`; returns the file written. The app
/// calls this with the range it shows; the CLI adds the JSON figures and the PDF.
pub fn write_report(
    repo: &mut Repo,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    opts: &ReportOptions,
) -> Result<PathBuf> {
    let data = load(repo, from, to, today)?;
    let (html, _) = build(&data, opts.notes, opts.paper)?;
    let path = output_path(opts, from, to);
    write_private(&path, html.as_bytes())?;
    Ok(path)
}

#[cfg(test)]
mod page_tests;
#[cfg(test)]
mod tests;
