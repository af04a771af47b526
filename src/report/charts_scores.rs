//! The report's small chart of each outcome score over the period (SPEC §14): one inline SVG
//! per instrument with two or more scores in the period, its own scale (the instrument's
//! accepted range) on the pain chart's date axis, drawn by plotters.

use anyhow::Result;
use chrono::{Duration, NaiveDate};
use plotters::prelude::*;

use super::charts::{LABEL_AREA, LIGHT, area, err, inline, label_style, ticks};
use crate::domain::scores::Instrument;
use crate::views::report::ReportData;

pub const SCORE_HEIGHT: u32 = 150;

/// The scores of `inst` in the period, oldest first.
pub fn period_scores(r: &ReportData, inst: Instrument) -> Vec<(NaiveDate, f64)> {
    let mut pts: Vec<(NaiveDate, f64)> = r
        .journal
        .scores
        .iter()
        .filter(|s| s.instrument == inst && s.date >= r.from && s.date <= r.to)
        .map(|s| (s.date, s.value))
        .collect();
    pts.sort_by_key(|p| p.0);
    pts
}

/// Each instrument with at least two scores in the period and its chart, in
/// `Instrument::ALL` order (one score is a figure, not a line: the table has it).
pub fn score_charts(r: &ReportData) -> Result<Vec<(Instrument, String)>> {
    let mut out = Vec::new();
    for inst in Instrument::ALL {
        let pts = period_scores(r, inst);
        if pts.len() < 2 {
            continue;
        }
        out.push((inst, chart(r, inst, &pts)?));
    }
    Ok(out)
}

/// The scores as a line with square marks, on the instrument's whole accepted range.
fn chart(r: &ReportData, inst: Instrument, pts: &[(NaiveDate, f64)]) -> Result<String> {
    let range = inst.range();
    let mut buf = String::new();
    let mut extra = String::new();
    {
        let root = area(&mut buf, SCORE_HEIGHT);
        let end = r.to + Duration::days(1);
        let mut ch = ChartBuilder::on(&root)
            .margin_top(10)
            .margin_right(4)
            .x_label_area_size(34)
            .y_label_area_size(LABEL_AREA)
            .right_y_label_area_size(LABEL_AREA)
            .build_cartesian_2d(r.from..end, range.lo..range.hi)
            .map_err(err)?;
        ch.configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .x_label_formatter(&|_| String::new())
            .y_labels(3)
            .y_label_formatter(&|v| format!("{v:.0}"))
            .light_line_style(TRANSPARENT)
            .bold_line_style(LIGHT.stroke_width(1))
            .axis_style(BLACK.stroke_width(1))
            .label_style(label_style(16.0))
            .axis_desc_style(label_style(16.0))
            .y_desc(inst.as_str())
            .draw()
            .map_err(err)?;
        let y0 = ch.backend_coord(&(r.from, range.lo)).1;
        extra.push_str(&ticks(r.from, r.to, y0, |d| {
            ch.backend_coord(&(d, range.lo)).0
        }));
        ch.draw_series(LineSeries::new(pts.iter().copied(), BLACK.stroke_width(2)))
            .map_err(err)?;
        ch.draw_series(
            pts.iter()
                .map(|p| EmptyElement::at(*p) + Rectangle::new([(-4, -4), (4, 4)], BLACK.filled())),
        )
        .map_err(err)?;
        root.present().map_err(err)?;
    }
    let title = format!(
        "{} ({}) from {} to {}: {} scores",
        inst.title(),
        inst.as_str(),
        r.from,
        r.to,
        pts.len()
    );
    Ok(inline(buf, &title, &extra))
}
