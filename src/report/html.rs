//! The report as one HTML document (maud escapes every value): page 1 (`html_page1`), the
//! pain and training charts on one date axis, then the later sections (`html_sections`,
//! `html_training`); the paper size and the running head are set here.

use anyhow::Result;
use chrono::NaiveDate;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::Paper;
use super::charts::pain_chart;
use super::charts_load::load_chart;
use super::charts_scores::score_charts;
use super::figures::{Dated, Figures, NoteEntry, WeekMean};
use super::html_outcomes::outcomes;
use super::html_page1::{red_flags, summary, who};
use super::html_sections::{criteria, medication, method, notes, patterns};
use super::html_training::{before_after, load_legend, ride_pain, training};
use super::words::plain;
use crate::views::report::ReportData;

const CSS: &str = include_str!("report.css");

/// A figure that `stats` also reports: `key` is its path in `stats --json` (a test compares).
pub fn stat(key: &str, text: impl Into<String>) -> Markup {
    html! { span.fig data-stat=(key) { (text.into()) } }
}

/// A figure only the report has: `key` is its path under `figures` in `report --json`.
pub fn fig(key: &str, text: impl Into<String>) -> Markup {
    html! { span.fig data-fig=(key) { (text.into()) } }
}

/// One decimal, or a dash when there is no value.
pub fn f1(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{v:.1}"))
}

pub fn signed(v: f64) -> String {
    if v.abs() < 0.05 {
        "±0.0".to_string()
    } else {
        format!("{v:+.1}").replace('-', "−")
    }
}

pub fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A date in the document, never broken at its hyphens.
pub fn dm(d: NaiveDate) -> Markup {
    html! { span.d { (date(d)) } }
}

/// The CSS that sets the paper size and puts the patient's name and the period at the top of
/// every printed page. The name is the user's text: inside the CSS string every character
/// that could end the string or the style element is written as a CSS escape.
pub fn page_css(r: &ReportData, paper: Paper) -> String {
    let mut head = String::new();
    if let Some(n) = &r.name {
        for c in n.chars() {
            match c {
                '"' | '\\' | '<' | '>' | '&' => head.push_str(&format!("\\{:x} ", c as u32)),
                c if c.is_control() => head.push(' '),
                c => head.push(c),
            }
        }
        head.push_str(" · ");
    }
    format!(
        "@page {{ size: {}; @top-left {{ content: \"{head}{} to {}\"; font: 8pt sans-serif; color: #333; }} }}",
        paper.css(),
        date(r.from),
        date(r.to)
    )
}

/// The whole document. `notes_list` adds the appendix of every note.
pub fn render(
    r: &ReportData,
    f: &Figures,
    notes_list: Option<&[NoteEntry]>,
    paper: Paper,
) -> Result<String> {
    let pain_svg = pain_chart(r, f)?;
    let load_svg = load_chart(r, f)?;
    let score_svgs = score_charts(r)?;
    let title = format!("backtrack report {} to {}", date(r.from), date(r.to));
    let doc = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(CSS)) (PreEscaped(page_css(r, paper))) }
            }
            body {
                (who(r, f))
                (method(r))
                (red_flags(f))
                (summary(f))
                section.flow #pain {
                    h2 { "Pain and training" }
                    // One block, so pain and training print on one page over one date axis.
                    div.charts {
                        @match pain_svg {
                            Some(svg) => figure { (PreEscaped(svg)) },
                            None => p.empty { "No check-ins in the period: no pain to draw." },
                        }
                        (pain_legend(f))
                        @match load_svg {
                            Some(svg) => figure { (PreEscaped(svg)) },
                            None => p.empty { "No training logged in the period: no training to draw." },
                        }
                        (load_legend(f))
                    }
                    (event_list(f))
                    (pain_lines(f))
                    (ride_pain(r, f))
                }
                (outcomes(f, &score_svgs))
                (medication(r, f))
                (training(r, f))
                (before_after(r))
                (patterns(r))
                (criteria(r))
                @if let Some(list) = notes_list { (notes(list)) }
            }
        }
    };
    Ok(doc.into_string())
}

fn event_list(f: &Figures) -> Markup {
    html! {
        @if !f.events.is_empty() {
            ol.events {
                @for e in &f.events {
                    li value=(e.n) { (dm(e.date)) " · " (plain(&e.kind)) ": " (e.title) }
                }
            }
        }
    }
}

/// The period's pain figures that are not on page 1.
fn pain_lines(f: &Figures) -> Markup {
    let p = &f.pain;
    html! {
        p.small { "Mean pain over the period " (fig("pain.mean", f1(p.mean)))
            "; 7-day mean at the period's start " (dated(p.start_mean7, "pain.start_mean7.value"))
            @if let Some(c) = p.change_from_start { ", change to now " (fig("pain.change_from_start", signed(c))) }
            @if p.meaningful_from_start { " " span.mark { "meaningful change" } }
            ". Worst week: " (week_line(p.worst_week, "worst_week"))
            "; best week: " (week_line(p.best_week, "best_week"))
            ". Pain-free days (pain 0): " (fig("pain.pain_free_days", p.pain_free_days.to_string()))
            " of " (f.period.days_logged) " logged." }
    }
}

fn week_line(w: Option<WeekMean>, key: &str) -> Markup {
    html! {
        @match w {
            Some(w) => { "week of " (dm(w.week)) ": " (fig(&format!("pain.{key}.mean"), format!("{:.1}", w.mean)))
                span.muted { " (" (w.days_logged) " days)" } }
            None => span.muted { "not enough data (needs 4 check-ins in a week)" },
        }
    }
}

fn dated(d: Option<Dated>, key: &str) -> Markup {
    html! {
        @match d {
            Some(d) => { (fig(key, format!("{:.1}", d.value))) span.muted { " on " (dm(d.date)) } }
            None => span.muted { "—" },
        }
    }
}

/// Line samples drawn like the chart's, so the key reads in black and white.
fn pain_legend(f: &Figures) -> Markup {
    let sample = |inner: &str| {
        PreEscaped(format!(
            r#"<svg viewBox="0 0 36 12" aria-hidden="true">{inner}</svg>"#
        ))
    };
    html! {
        div.legend {
            span { (sample(r##"<line x1="2" y1="6" x2="34" y2="6" stroke="#787878" stroke-width="1"/><circle cx="18" cy="6" r="2.5"/>"##)) "daily pain" }
            @if f.leg.days_logged > 0 {
                span { (sample(r#"<line x1="2" y1="6" x2="34" y2="6" stroke="black" stroke-dasharray="3 3"/><path d="M15 3 L21 9 M21 3 L15 9" stroke="black"/>"#)) "leg pain" }
            }
            span { (sample(r#"<line x1="2" y1="6" x2="34" y2="6" stroke="black" stroke-width="3"/>"#)) "7-day mean" }
            span { (sample(r#"<line x1="2" y1="6" x2="34" y2="6" stroke="black" stroke-width="2" stroke-dasharray="7 5"/>"#)) "baseline" }
            span { (sample(r##"<rect x="2" y="0" width="32" height="8" fill="#e1e1e1"/><rect x="2" y="9" width="32" height="3" fill="black"/>"##)) "flare days (grey band; black bar under the axis)" }
            @if !f.events.is_empty() {
                span { (sample(r#"<line x1="18" y1="0" x2="18" y2="12" stroke="black" stroke-dasharray="2 3"/>"#)) "event (numbered above the chart, listed below)" }
            }
            @if !f.red_flag_days.is_empty() {
                span { strong style="color:#b40000" { "!" } " red-flag day" }
            }
        }
    }
}
