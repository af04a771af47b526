//! `backtrack report`: the care-team report (SPEC §12) as a self-contained HTML file, with
//! `--pdf` printed by a Chromium found on PATH. The report itself lives in `crate::report`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use serde_json::json;

use super::args::Global;
use super::ctx::Ctx;
use crate::domain::parse::parse_date;
use crate::domain::period::{Since, parse_since};
use crate::domain::{InputError, clock};
use crate::report::{Paper, ReportOptions, build, load, output_path, pdf, write_private};

/// `report [--since 12w|6m|1y|all|D] [--until D] [-o PATH] [--pdf] [--notes]`.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// First day: a date, a span back from --until such as 12w, 6m, 1y, or all [default: 12w]
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Last day (default today); figures are as of this day
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// The file to write (default ./backtrack-report-FROM-TO.html; a folder gets that name)
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Also print it to PDF (beside the HTML) with a Chromium or Chrome found on PATH
    #[arg(long)]
    pub pdf: bool,
    /// Add every note of the period (check-ins, activities, doses, rehab, events) as an appendix
    #[arg(long)]
    pub notes: bool,
    /// Paper size for printing [default: letter in the US and Canada (from the locale), else a4]
    #[arg(long, value_enum, value_name = "SIZE")]
    pub paper: Option<Paper>,
}

pub fn report(g: &Global, a: ReportArgs) -> Result<()> {
    let today = clock::today();
    let to = match &a.until {
        Some(u) => parse_date("until", u, today)?,
        None => today,
    };
    let from = match parse_since("since", a.since.as_deref().unwrap_or("12w"), to, today)? {
        Since::From(d) => d,
        // From the journal's first day (or `to` on an empty journal).
        Since::All => Ctx::open(g)?.repo.first_day()?.unwrap_or(to).min(to),
    };
    if from > to {
        return Err(InputError::new(
            "since",
            format!("{from} is after --until {to}; allowed: a first day on or before the last"),
        )
        .into());
    }
    let opts = ReportOptions {
        output: a.output.clone(),
        notes: a.notes,
        paper: a
            .paper
            .unwrap_or_else(|| Paper::from_locale(|k| std::env::var(k).ok())),
    };
    let path = output_path(&opts, from, to);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(InputError::new(
            "output",
            format!(
                "the folder {} does not exist; allowed: a file in an existing folder",
                dir.display()
            ),
        )
        .into());
    }
    let mut ctx = Ctx::open_existing(g)?;
    let data = load(&mut ctx.repo, from, to, ctx.today)?;
    let (html, figures) = build(&data, a.notes, opts.paper)?;
    write_private(&path, html.as_bytes())?;
    let began = figures
        .period
        .journal_began
        .map(|b| format!(" since the journal began on {b}"))
        .unwrap_or_default();
    let mut lines = vec![format!(
        "Wrote {} ({from} to {to}, {} of {} days logged{began})",
        path.display(),
        figures.period.days_logged,
        figures.period.days
    )];
    let mut pdf_path = None;
    if a.pdf {
        match pdf::find_browser(std::env::var_os("PATH")) {
            Some(browser) => {
                let p = path.with_extension("pdf");
                if let Err(e) = pdf::print_pdf(&browser, &path, &p) {
                    // The HTML is written; say so before the failure.
                    super::ctx::emit(&lines.join("\n"));
                    return Err(e);
                }
                lines.push(format!("Wrote {}", p.display()));
                pdf_path = Some(p);
            }
            None => eprintln!("{}", pdf::no_browser_message()),
        }
    }
    let out = json!({
        "path": path,
        "pdf": pdf_path,
        "from": from,
        "to": to,
        "paper": opts.paper.css().to_ascii_lowercase(),
        "figures": figures,
    });
    ctx.out(&out, || lines.join("\n"))
}
