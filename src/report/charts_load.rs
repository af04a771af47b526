//! The report's training chart: weekly TSS as bars and weekly hours as a line on a second
//! axis, over the pain chart's date axis, as inline SVG drawn by plotters.

use anyhow::Result;
use chrono::{Duration, NaiveDate};
use plotters::chart::DualCoordChartContext;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::charts::{LABEL_AREA, LIGHT, area, err, inline, label_style, ticks};
use super::figures::Figures;
use super::figures_load::WeekTraining;
use crate::views::report::ReportData;

pub const LOAD_HEIGHT: u32 = 190;

/// Weekly TSS as bars (left axis) and weekly hours as a line with square marks (right axis),
/// on the pain chart's date axis. None when the period has no session.
pub fn load_chart(r: &ReportData, f: &Figures) -> Result<Option<String>> {
    if f.training.sessions == 0 {
        return Ok(None);
    }
    let mut buf = String::new();
    let mut extra = String::new();
    {
        let root = area(&mut buf, LOAD_HEIGHT);
        let end = r.to + Duration::days(1);
        let weeks = &f.training.weeks;
        let max_tss = weeks.iter().map(|w| w.tss).fold(0.0, f64::max).max(50.0) * 1.15;
        let max_h = weeks.iter().map(|w| w.hours).fold(0.0, f64::max).max(2.0) * 1.15;
        let mut ch = ChartBuilder::on(&root)
            .margin_top(10)
            .margin_right(4)
            .x_label_area_size(34)
            .y_label_area_size(LABEL_AREA)
            .right_y_label_area_size(LABEL_AREA)
            .build_cartesian_2d(r.from..end, 0.0..max_tss)
            .map_err(err)?
            .set_secondary_coord(r.from..end, 0.0..max_h);
        ch.configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .x_label_formatter(&|_| String::new())
            .y_labels(5)
            .y_label_formatter(&|v| format!("{v:.0}"))
            .light_line_style(TRANSPARENT)
            .bold_line_style(LIGHT.stroke_width(1))
            .axis_style(BLACK.stroke_width(1))
            .label_style(label_style(16.0))
            .axis_desc_style(label_style(16.0))
            .y_desc("TSS per week")
            .draw()
            .map_err(err)?;
        ch.configure_secondary_axes()
            .y_labels(5)
            .y_label_formatter(&|v| format!("{v:.1}"))
            .axis_style(BLACK.stroke_width(1))
            .label_style(label_style(16.0))
            .axis_desc_style(label_style(16.0))
            .y_desc("hours per week")
            .draw()
            .map_err(err)?;
        let y0 = ch.backend_coord(&(r.from, 0.0)).1;
        extra.push_str(&ticks(r.from, r.to, y0, |d| ch.backend_coord(&(d, 0.0)).0));
        draw_weeks(&mut ch, r, weeks)?;
        root.present().map_err(err)?;
    }
    let title = format!(
        "Training per week from {} to {}: TSS as bars, hours as a line",
        r.from, r.to
    );
    Ok(Some(inline(buf, &title, &extra)))
}

/// The training chart's plotting area: dates across, TSS up on the left, hours on the right.
type LoadArea<'a, 'b> = DualCoordChartContext<
    'a,
    SVGBackend<'b>,
    Cartesian2d<RangedDate<NaiveDate>, RangedCoordf64>,
    Cartesian2d<RangedDate<NaiveDate>, RangedCoordf64>,
>;

/// Each week's TSS as a bar (filled when the week is whole) and its hours as a square on a
/// line through the whole weeks.
fn draw_weeks(ch: &mut LoadArea, r: &ReportData, weeks: &[WeekTraining]) -> Result<()> {
    let end = r.to + Duration::days(1);
    let span = |w: NaiveDate| (w.max(r.from), (w + Duration::days(7)).min(end));
    // Weeks cut by the period's edges are drawn open: their totals cover fewer days.
    let bar = |w: &WeekTraining| {
        let (a, b) = span(w.week);
        [(a, 0.0), (b - Duration::days(1), w.tss)]
    };
    ch.draw_series(
        weeks
            .iter()
            .filter(|w| w.days == 7)
            .map(|w| Rectangle::new(bar(w), LIGHT.filled())),
    )
    .map_err(err)?;
    ch.draw_series(
        weeks
            .iter()
            .map(|w| Rectangle::new(bar(w), BLACK.stroke_width(1))),
    )
    .map_err(err)?;
    let mid = |w: NaiveDate| {
        let (a, b) = span(w);
        a + Duration::days((b - a).num_days() / 2)
    };
    let full: Vec<(NaiveDate, f64)> = weeks
        .iter()
        .filter(|w| w.days == 7)
        .map(|w| (mid(w.week), w.hours))
        .collect();
    ch.draw_secondary_series(LineSeries::new(full, BLACK.stroke_width(2)))
        .map_err(err)?;
    ch.draw_secondary_series(weeks.iter().map(|w| {
        let style = if w.days == 7 {
            BLACK.filled()
        } else {
            BLACK.stroke_width(2)
        };
        EmptyElement::at((mid(w.week), w.hours)) + Rectangle::new([(-4, -4), (4, 4)], style)
    }))
    .map_err(err)?;
    Ok(())
}
