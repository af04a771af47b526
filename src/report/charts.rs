//! The report's pain chart as inline SVG drawn by plotters (daily pain with the 7-day mean,
//! the baseline, flares and numbered event markers) and the helpers both charts share; the
//! training chart is in `charts_load`. Both share the period's date axis and read in black
//! and white (line styles, marks).

use anyhow::{Result, anyhow};
use chrono::{Duration, NaiveDate};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::{CoordTranslate, Shift};
use plotters::prelude::*;
use plotters::series::DashedLineSeries;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::chart_marks::{EVENT_ROW_HEIGHT, EVENT_ROWS, MARK_FONT, date_ticks, event_labels};
use super::figures::{Figures, period_days};
use super::words::count;
use crate::views::report::ReportData;

/// Drawing size in SVG units; the page scales it to the text width (about 180 mm).
pub const WIDTH: u32 = 760;
pub const PAIN_HEIGHT: u32 = 250;
/// Room for each side's axis labels and title (the same on both charts, so their date axes
/// line up).
pub const LABEL_AREA: u32 = 58;
const FONT: &str = "sans-serif";
const GREY: RGBColor = RGBColor(120, 120, 120);
pub(super) const LIGHT: RGBColor = RGBColor(225, 225, 225);
const LIGHT_LINE: RGBColor = RGBColor(175, 175, 175);
/// Periods longer than this draw daily pain smaller.
const LONG_DAYS: usize = 120;
const FLAG: RGBColor = RGBColor(180, 0, 0);

pub(super) fn err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
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

pub(super) fn label_style(size: f64) -> TextStyle<'static> {
    (FONT, size).into_font().color(&BLACK)
}

/// Strips the size attributes and the namespace plotters writes, so the SVG scales to the
/// page from its viewBox and the document holds no URL at all; adds a `<title>` for screen
/// readers and the marks drawn as plain SVG (`extra`).
pub(super) fn inline(svg: String, title: &str, extra: &str) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    let end = svg[start..].find('>').map_or(svg.len(), |e| start + e);
    let head = &svg[start..end];
    let keep: Vec<&str> = head
        .split_whitespace()
        .filter(|a| {
            !a.starts_with("width=") && !a.starts_with("height=") && !a.starts_with("xmlns=")
        })
        .collect();
    let body = &svg[(end + 1).min(svg.len())..];
    let body = body.rsplit_once("</svg>").map_or(body, |b| b.0);
    format!(
        "{} role=\"img\"><title>{}</title>{body}{extra}</svg>",
        keep.join(" "),
        maud::html! { (title) }.into_string()
    )
}

pub(super) fn area(buf: &mut String, h: u32) -> DrawingArea<SVGBackend<'_>, Shift> {
    let root = SVGBackend::with_string(buf, (WIDTH, h)).into_drawing_area();
    let _ = root.fill(&WHITE);
    root
}

/// The date ticks under the axis at pixel height `y0`, `x` mapping a date to its pixel.
pub(super) fn ticks(
    from: NaiveDate,
    to: NaiveDate,
    y0: i32,
    x: impl Fn(NaiveDate) -> i32,
) -> String {
    let mut out = String::new();
    for (d, label) in date_ticks(from, to) {
        let px = x(d);
        out.push_str(&format!(
            r#"<line x1="{px}" y1="{y0}" x2="{px}" y2="{}" stroke="black"/><text x="{px}" y="{}" text-anchor="middle" font-family="sans-serif" font-size="{MARK_FONT}">{label}</text>"#,
            y0 + 6,
            y0 + 20
        ));
    }
    out
}

/// Daily pain (dots on a thin line), leg pain when logged (× on a thin dashed line), the
/// 7-day mean (thick), the baseline (dashed), flare
/// days (a grey band and a black bar under the axis, which survives a photocopy), red-flag
/// days ("!") and events (dotted verticals, numbered in rows above the plot as listed).
/// None when the period has no check-in.
pub fn pain_chart(r: &ReportData, f: &Figures) -> Result<Option<String>> {
    let pain = period_days(&r.series.pain, r.from, r.to);
    if pain.iter().all(|(_, p)| p.is_none()) {
        return Ok(None);
    }
    let top = if f.events.is_empty() {
        12
    } else {
        6 + (EVENT_ROWS as f64 * EVENT_ROW_HEIGHT) as u32
    };
    let mut buf = String::new();
    let mut extra = String::new();
    {
        let root = area(&mut buf, PAIN_HEIGHT + top);
        let end = r.to + Duration::days(1);
        let mut ch = ChartBuilder::on(&root)
            .margin_top(top)
            .margin_right(4)
            .x_label_area_size(34)
            .y_label_area_size(LABEL_AREA)
            .right_y_label_area_size(LABEL_AREA)
            .build_cartesian_2d(r.from..end, 0.0..10.5)
            .map_err(err)?;
        ch.configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .x_label_formatter(&|_| String::new())
            .y_labels(6)
            .y_label_formatter(&|v| format!("{v:.0}"))
            .light_line_style(TRANSPARENT)
            .bold_line_style(LIGHT.stroke_width(1))
            .axis_style(BLACK.stroke_width(1))
            .label_style(label_style(16.0))
            .axis_desc_style(label_style(16.0))
            .y_desc("pain (0–10)")
            .draw()
            .map_err(err)?;
        let coord = ch.as_coord_spec().clone();
        let px = |d: NaiveDate| coord.translate(&(d, 0.0));
        let y0 = px(r.from).1;
        for fl in &r.stats.flares {
            let a = fl.start.max(r.from);
            let b = (fl.end + Duration::days(1)).min(end);
            ch.draw_series([Rectangle::new([(a, 0.0), (b, 10.5)], LIGHT.filled())])
                .map_err(err)?;
            let (xa, xb) = (px(a).0, px(b).0.max(px(a).0 + 2));
            extra.push_str(&format!(
                r#"<rect class="flare" x="{xa}" y="{}" width="{}" height="5" fill="black"/>"#,
                y0 + 1,
                xb - xa
            ));
        }
        // Over months the daily marks shrink and their line fades, so the means stay legible.
        let long = pain.len() > LONG_DAYS;
        let (dot, line) = if long { (1.5, LIGHT_LINE) } else { (3.0, GREY) };
        pain_lines(&mut ch, r, &pain, dot, line)?;
        event_marks(&mut ch, r, f, &mut extra)?;
        extra.push_str(&ticks(r.from, r.to, y0, |d| px(d).0));
        root.present().map_err(err)?;
    }
    let title = format!(
        "Daily pain from {} to {} with the 7-day mean, the baseline, {} and {}",
        r.from,
        r.to,
        count(r.stats.flares.len() as u64, "flare", "flares"),
        count(f.events.len() as u64, "event", "events")
    );
    Ok(Some(inline(buf, &title, &extra)))
}

/// Events (dotted verticals, numbered in rows above the plot, added to `extra`) and
/// red-flag days ("!" over the day's pain).
fn event_marks(ch: &mut PainArea, r: &ReportData, f: &Figures, extra: &mut String) -> Result<()> {
    let coord = ch.as_coord_spec().clone();
    let px = |d: NaiveDate| coord.translate(&(d, 0.0));
    for e in &f.events {
        ch.draw_series(DashedLineSeries::new(
            [(e.date, 0.0), (e.date, 10.5)],
            2,
            3,
            BLACK.stroke_width(1),
        ))
        .map_err(err)?;
    }
    let plot_top = coord.translate(&(r.from, 10.5)).1 as f64;
    let xs: Vec<f64> = f.events.iter().map(|e| px(e.date).0 as f64).collect();
    for l in event_labels(&xs) {
        extra.push_str(&format!(
            r#"<text class="ev" x="{:.1}" y="{:.1}" text-anchor="middle" font-family="sans-serif" font-weight="bold" font-size="{MARK_FONT}">{}</text>"#,
            l.x,
            plot_top - 3.0 - l.row as f64 * EVENT_ROW_HEIGHT,
            l.text()
        ));
    }
    for rf in &f.red_flag_days {
        let style = (FONT, 18.0, FontStyle::Bold).into_font().color(&FLAG);
        ch.draw_series([Text::new(
            "!".to_string(),
            (rf.date, rf.pain as f64 + 0.4),
            style.pos(Pos::new(HPos::Center, VPos::Bottom)),
        )])
        .map_err(err)?;
    }
    Ok(())
}

/// The pain chart's plotting area: dates across, pain up.
type PainArea<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedDate<NaiveDate>, RangedCoordf64>>;

/// Daily pain (dots of size `dot` on a `line`), the baseline (dashed), leg pain (× on a thin
/// dashed line) and the 7-day mean (thick), in that order so the means are drawn on top.
fn pain_lines(
    ch: &mut PainArea,
    r: &ReportData,
    pain: &[(NaiveDate, Option<f64>)],
    dot: f64,
    line: RGBColor,
) -> Result<()> {
    for run in runs(pain) {
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
    // Leg pain, when logged: × marks on a thin dashed line, apart from back pain's dots
    // and lines in black and white.
    let leg = period_days(&r.series.leg, r.from, r.to);
    for run in runs(&leg) {
        ch.draw_series(DashedLineSeries::new(run, 3, 3, BLACK.stroke_width(1)))
            .map_err(err)?;
    }
    ch.draw_series(leg.iter().filter_map(|(d, l)| {
        l.map(|l| Cross::new((*d, l), dot as i32 + 1, BLACK.stroke_width(1)))
    }))
    .map_err(err)?;
    for run in runs(&period_days(&r.series.mean7, r.from, r.to)) {
        ch.draw_series(LineSeries::new(run, BLACK.stroke_width(3)))
            .map_err(err)?;
    }
    Ok(())
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
            "Pain <& more>",
            "<line/>",
        );
        assert!(
            s.starts_with(
                r#"<svg viewBox="0 0 760 250" role="img"><title>Pain &lt;&amp; more&gt;</title>"#
            ),
            "{s}"
        );
        assert!(s.ends_with("<rect/><line/></svg>"), "{s}");
        assert!(!s.contains("http") && !s.contains("width="));
    }
}
