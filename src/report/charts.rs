//! The report's two charts as inline SVG drawn by plotters: daily pain with the 7-day mean,
//! the baseline, flares and numbered event markers; weekly TSS bars with hours on a second
//! axis. Both share the period's date axis and read in black and white (line styles, marks).

use anyhow::{Result, anyhow};
use chrono::{Duration, NaiveDate};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::series::DashedLineSeries;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::data::ReportData;
use super::figures::{Figures, period_days};

/// Drawing size in SVG units; the page scales it to the text width (about 180 mm).
pub const WIDTH: u32 = 760;
pub const PAIN_HEIGHT: u32 = 250;
pub const LOAD_HEIGHT: u32 = 190;
const FONT: &str = "sans-serif";
const GREY: RGBColor = RGBColor(120, 120, 120);
const LIGHT: RGBColor = RGBColor(225, 225, 225);
const LIGHT_LINE: RGBColor = RGBColor(175, 175, 175);
/// Periods longer than this draw daily pain smaller.
const LONG_DAYS: usize = 120;
const FLAG: RGBColor = RGBColor(180, 0, 0);

fn err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("drawing a chart failed: {e:?}")
}

/// Runs of consecutive days with a value, for lines that break at gaps.
fn runs(days: &[(NaiveDate, Option<f64>)]) -> Vec<Vec<(NaiveDate, f64)>> {
    let mut out: Vec<Vec<(NaiveDate, f64)>> = vec![Vec::new()];
    for (d, v) in days {
        match v {
            Some(v) => out.last_mut().map(|r| r.push((*d, *v))).unwrap_or(()),
            None if out.last().is_some_and(|r| !r.is_empty()) => out.push(Vec::new()),
            None => {}
        }
    }
    out.retain(|r| !r.is_empty());
    out
}

fn label_style(size: f64) -> TextStyle<'static> {
    (FONT, size).into_font().color(&BLACK)
}

/// Strips the size attributes and the namespace plotters writes, so the SVG scales to the
/// page from its viewBox and the document holds no URL at all.
fn inline(svg: String) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    let end = svg[start..].find('>').map_or(svg.len(), |e| start + e);
    let head = &svg[start..end];
    let keep: Vec<&str> = head
        .split_whitespace()
        .filter(|a| {
            !a.starts_with("width=") && !a.starts_with("height=") && !a.starts_with("xmlns=")
        })
        .collect();
    format!("{} role=\"img\"{}", keep.join(" "), &svg[end..])
}

fn area(buf: &mut String, h: u32) -> DrawingArea<SVGBackend<'_>, Shift> {
    let root = SVGBackend::with_string(buf, (WIDTH, h)).into_drawing_area();
    let _ = root.fill(&WHITE);
    root
}

/// Daily pain (dots on a thin line), the 7-day mean (thick), the baseline (dashed), flare
/// days (grey bands), red-flag days ("!") and events (dotted verticals numbered as listed).
pub fn pain_chart(r: &ReportData, f: &Figures) -> Result<String> {
    let mut buf = String::new();
    {
        let root = area(&mut buf, PAIN_HEIGHT);
        let end = r.to + Duration::days(1);
        let mut ch = ChartBuilder::on(&root)
            .margin_top(16)
            .margin_right(14)
            .x_label_area_size(34)
            .y_label_area_size(44)
            .build_cartesian_2d(r.from..end, 0.0..10.5)
            .map_err(err)?;
        let fmt = |d: &NaiveDate| d.format("%-d %b").to_string();
        ch.configure_mesh()
            .x_labels(12)
            .y_labels(6)
            .x_label_formatter(&fmt)
            .y_label_formatter(&|v| format!("{v:.0}"))
            .light_line_style(TRANSPARENT)
            .bold_line_style(LIGHT.stroke_width(1))
            .axis_style(BLACK.stroke_width(1))
            .label_style(label_style(13.0))
            .axis_desc_style(label_style(13.0))
            .y_desc("pain (0–10)")
            .x_desc("date")
            .draw()
            .map_err(err)?;
        for fl in &r.stats.flares {
            let a = fl.start.max(r.from);
            let b = (fl.end + Duration::days(1)).min(end);
            ch.draw_series([Rectangle::new([(a, 0.0), (b, 10.5)], LIGHT.filled())])
                .map_err(err)?;
        }
        let pain = period_days(&r.series.pain, r.from, r.to);
        // Over months the daily marks shrink and their line fades, so the means stay legible.
        let long = pain.len() > LONG_DAYS;
        let (dot, line) = if long { (1.5, LIGHT_LINE) } else { (3.0, GREY) };
        for run in runs(&pain) {
            ch.draw_series(LineSeries::new(run, line.stroke_width(1)))
                .map_err(err)?;
        }
        ch.draw_series(
            pain.iter()
                .filter_map(|(d, p)| p.map(|p| Circle::new((*d, p), dot, BLACK.filled()))),
        )
        .map_err(err)?;
        for run in runs(&period_days(&r.series.baseline, r.from, r.to)) {
            ch.draw_series(DashedLineSeries::new(run, 7, 5, BLACK.stroke_width(2)))
                .map_err(err)?;
        }
        for run in runs(&period_days(&r.series.mean7, r.from, r.to)) {
            ch.draw_series(LineSeries::new(run, BLACK.stroke_width(3)))
                .map_err(err)?;
        }
        for e in &f.events {
            ch.draw_series(DashedLineSeries::new(
                [(e.date, 0.0), (e.date, 9.6)],
                2,
                3,
                BLACK.stroke_width(1),
            ))
            .map_err(err)?;
            ch.draw_series([Text::new(
                e.n.to_string(),
                (e.date, 10.4),
                (FONT, 13.0, FontStyle::Bold)
                    .into_font()
                    .color(&BLACK)
                    .pos(Pos::new(HPos::Center, VPos::Top)),
            )])
            .map_err(err)?;
        }
        for rf in &f.red_flag_days {
            let style = (FONT, 16.0, FontStyle::Bold).into_font().color(&FLAG);
            ch.draw_series([Text::new(
                "!".to_string(),
                (rf.date, rf.pain as f64 + 0.4),
                style.pos(Pos::new(HPos::Center, VPos::Bottom)),
            )])
            .map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(inline(buf))
}

/// Weekly TSS as bars (left axis) and weekly hours as a line with square marks (right axis),
/// on the pain chart's date axis.
pub fn load_chart(r: &ReportData, f: &Figures) -> Result<String> {
    let mut buf = String::new();
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
            .y_label_area_size(44)
            .right_y_label_area_size(44)
            .build_cartesian_2d(r.from..end, 0.0..max_tss)
            .map_err(err)?
            .set_secondary_coord(r.from..end, 0.0..max_h);
        let fmt = |d: &NaiveDate| d.format("%-d %b").to_string();
        ch.configure_mesh()
            .x_labels(12)
            .y_labels(5)
            .x_label_formatter(&fmt)
            .y_label_formatter(&|v| format!("{v:.0}"))
            .light_line_style(TRANSPARENT)
            .bold_line_style(LIGHT.stroke_width(1))
            .axis_style(BLACK.stroke_width(1))
            .label_style(label_style(13.0))
            .axis_desc_style(label_style(13.0))
            .y_desc("TSS per week")
            .x_desc("week")
            .draw()
            .map_err(err)?;
        ch.configure_secondary_axes()
            .y_labels(5)
            .y_label_formatter(&|v| format!("{v:.0}"))
            .axis_style(BLACK.stroke_width(1))
            .label_style(label_style(13.0))
            .axis_desc_style(label_style(13.0))
            .y_desc("hours per week")
            .draw()
            .map_err(err)?;
        let span = |w: NaiveDate| (w.max(r.from), (w + Duration::days(7)).min(end));
        // Weeks cut by the period's edges are drawn open: their totals cover fewer days.
        let bar = |w: &super::figures_load::WeekTraining| {
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
        root.present().map_err(err)?;
    }
    Ok(inline(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn lines_break_at_missing_days() {
        let days = vec![
            (d("2025-01-01"), Some(1.0)),
            (d("2025-01-02"), Some(2.0)),
            (d("2025-01-03"), None),
            (d("2025-01-04"), None),
            (d("2025-01-05"), Some(3.0)),
        ];
        let r = runs(&days);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].len(), 2);
        assert_eq!(r[1], vec![(d("2025-01-05"), 3.0)]);
        assert!(runs(&[(d("2025-01-01"), None)]).is_empty());
    }

    #[test]
    fn inline_svg_scales_and_names_no_url() {
        let s = inline(
            r#"<svg width="760" height="250" viewBox="0 0 760 250" xmlns="http://www.w3.org/2000/svg">
<rect/></svg>"#
                .to_string(),
        );
        assert!(
            s.starts_with(r#"<svg viewBox="0 0 760 250" role="img">"#),
            "{s}"
        );
        assert!(!s.contains("http") && !s.contains("width="));
    }
}
