//! `backtrack chart pain|load|sleep` drawn as plain terminal text: lines of ASCII for a given
//! width and height, with y labels, a date axis and event markers (`^`), usable over ssh and in
//! scripts. Pure functions over the analysis day series; no terminal library.
//!
//! When a range has more days than the plot has columns, each column stands for a run of days
//! and shows their **max** for pain and daily load (so a flare or a hard day never vanishes)
//! and their **mean** for the 7-day mean, CTL and sleep (which are levels, not peaks). A range
//! with fewer days than columns draws one column per day and leaves the rest blank.

use chrono::{Duration, NaiveDate};

use crate::analysis::data::DaySeries;
use crate::analysis::series::{Series, window};
use crate::domain::InputError;

/// How a column combines the days it stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Agg {
    Max,
    Mean,
}

/// The smallest chart drawn: anything smaller is clamped to it.
pub const MIN_WIDTH: usize = 24;
pub const MIN_HEIGHT: usize = 5;

/// Combines `values` into `cols` columns (or one per value when there are fewer); missing values
/// are skipped, and a column with none stays missing.
pub fn downsample(values: &[Option<f64>], cols: usize, agg: Agg) -> Vec<Option<f64>> {
    let n = values.len();
    let cols = cols.min(n);
    (0..cols)
        .map(|c| {
            let bucket = values[c * n / cols..(c + 1) * n / cols].iter().flatten();
            match agg {
                Agg::Max => bucket.copied().reduce(f64::max),
                Agg::Mean => {
                    let (s, k) = bucket.fold((0.0, 0), |(s, k), v| (s + v, k + 1));
                    (k > 0).then(|| s / k as f64)
                }
            }
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Bars,
    Points,
}

struct Layer {
    glyph: char,
    style: Style,
    cols: Vec<Option<f64>>,
}

/// The plot's geometry: label width, plot columns and rows for the chart's size.
struct Frame {
    label_w: usize,
    cols: usize,
    rows: usize,
}

fn frame(width: usize, height: usize, ymax: f64, days: usize) -> Frame {
    let label_w = fmt_y(ymax).len();
    let plot_w = width.max(MIN_WIDTH).saturating_sub(label_w + 1).max(1);
    Frame {
        label_w,
        cols: plot_w.min(days),
        rows: height.max(MIN_HEIGHT) - 3,
    }
}

fn fmt_y(v: f64) -> String {
    // A stored figure can be huge; its label must still fit beside the plot.
    if v.abs() >= 1e6 {
        format!("{v:.0e}")
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Draws `layers` (bars first, then points in order, so later layers sit on top) under a
/// one-line title, with y labels at the top, middle and bottom, an x axis with `^` under days
/// with events, and the first and last dates.
fn render(
    title: &str,
    layers: &[Layer],
    ymax: f64,
    f: &Frame,
    start: NaiveDate,
    days: usize,
    events: &[NaiveDate],
) -> Vec<String> {
    let mut grid = vec![vec![' '; f.cols]; f.rows];
    let row_of = |v: f64| {
        let r = (v / ymax * (f.rows - 1) as f64).round();
        f.rows - 1 - (r.clamp(0.0, (f.rows - 1) as f64) as usize)
    };
    for style in [Style::Bars, Style::Points] {
        for l in layers.iter().filter(|l| l.style == style) {
            for (c, v) in l.cols.iter().enumerate() {
                let Some(v) = *v else { continue };
                match style {
                    Style::Points => grid[row_of(v)][c] = l.glyph,
                    Style::Bars => {
                        // Any training shows at least one cell, so a short session is visible.
                        let cells = ((v / ymax * f.rows as f64).round() as usize).min(f.rows);
                        let cells = if v > 0.0 { cells.max(1) } else { 0 };
                        for row in grid.iter_mut().rev().take(cells) {
                            row[c] = l.glyph;
                        }
                    }
                }
            }
        }
    }
    let mut out = vec![title.to_string()];
    let mid = f.rows / 2;
    for (r, row) in grid.iter().enumerate() {
        let label = if r == 0 {
            fmt_y(ymax)
        } else if r == f.rows - 1 {
            "0".to_string()
        } else if r == mid && f.rows >= 5 {
            fmt_y(ymax / 2.0)
        } else {
            String::new()
        };
        let line: String = row.iter().collect();
        out.push(format!("{label:>w$}|{line}", w = f.label_w));
    }
    let mut axis = vec!['-'; f.cols];
    for e in events {
        let k = (*e - start).num_days();
        if k >= 0 && (k as usize) < days {
            axis[k as usize * f.cols / days] = '^';
        }
    }
    out.push(format!(
        "{:>w$}+{}",
        "",
        axis.iter().collect::<String>(),
        w = f.label_w
    ));
    let first = start.format("%Y-%m-%d").to_string();
    let last = (start + Duration::days(days as i64 - 1))
        .format("%Y-%m-%d")
        .to_string();
    let dates = if f.cols > 2 * first.len() {
        format!("{first}{last:>w$}", w = f.cols - first.len())
    } else {
        first
    };
    out.push(format!("{:>w$} {dates}", "", w = f.label_w));
    out.into_iter().map(|l| l.trim_end().to_string()).collect()
}

fn no_data(what: &str) -> Vec<String> {
    vec![format!("{what}: no data in this range")]
}

/// Pain (`o`, max per column) with its 7-day mean (`-`, mean per column) on a 0–10 scale.
pub fn pain_chart(
    pain: &DaySeries<Option<f64>>,
    mean7: &DaySeries<Option<f64>>,
    events: &[NaiveDate],
    width: usize,
    height: usize,
) -> Vec<String> {
    if pain.values.iter().all(Option::is_none) {
        return no_data("Pain");
    }
    let f = frame(width, height, 10.0, pain.len());
    let layers = [
        Layer {
            glyph: '-',
            style: Style::Points,
            cols: downsample(&mean7.values, f.cols, Agg::Mean),
        },
        Layer {
            glyph: 'o',
            style: Style::Points,
            cols: downsample(&pain.values, f.cols, Agg::Max),
        },
    ];
    render(
        "Pain 0-10 (o), 7-day mean (-)",
        &layers,
        10.0,
        &f,
        pain.start,
        pain.len(),
        events,
    )
}

/// Daily load bars (`#`, max per column) with CTL (`*`, mean per column), scaled to the larger
/// of the two rounded up to a multiple of 10.
pub fn load_chart(
    load: &DaySeries<f64>,
    ctl: &DaySeries<f64>,
    events: &[NaiveDate],
    width: usize,
    height: usize,
) -> Vec<String> {
    if load.values.iter().all(|v| *v == 0.0) {
        return no_data("Load");
    }
    let loads: Vec<Option<f64>> = load.values.iter().map(|v| Some(*v)).collect();
    let ctls: Vec<Option<f64>> = ctl.values.iter().map(|v| Some(*v)).collect();
    let top = loads
        .iter()
        .chain(&ctls)
        .flatten()
        .fold(0.0f64, |a, b| a.max(*b));
    let ymax = ((top / 10.0).ceil() * 10.0).max(10.0);
    let f = frame(width, height, ymax, load.len());
    let layers = [
        Layer {
            glyph: '#',
            style: Style::Bars,
            cols: downsample(&loads, f.cols, Agg::Max),
        },
        Layer {
            glyph: '*',
            style: Style::Points,
            cols: downsample(&ctls, f.cols, Agg::Mean),
        },
    ];
    render(
        "Daily load TSS (#), fitness CTL (*)",
        &layers,
        ymax,
        &f,
        load.start,
        load.len(),
        events,
    )
}

/// Sleep hours as bars (`#`, mean per column), scaled to at least 10 h.
pub fn sleep_chart(
    sleep: &DaySeries<Option<f64>>,
    events: &[NaiveDate],
    width: usize,
    height: usize,
) -> Vec<String> {
    if sleep.values.iter().all(Option::is_none) {
        return no_data("Sleep");
    }
    let top = sleep.values.iter().flatten().fold(0.0f64, |a, b| a.max(*b));
    let ymax = top.ceil().max(10.0);
    let f = frame(width, height, ymax, sleep.len());
    let layers = [Layer {
        glyph: '#',
        style: Style::Bars,
        cols: downsample(&sleep.values, f.cols, Agg::Mean),
    }];
    render(
        "Sleep hours (#)",
        &layers,
        ymax,
        &f,
        sleep.start,
        sleep.len(),
        events,
    )
}

/// Which chart `backtrack chart` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Pain,
    Load,
    Sleep,
}

impl ChartKind {
    pub fn parse(text: &str) -> Result<Self, InputError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "pain" => Ok(ChartKind::Pain),
            "load" => Ok(ChartKind::Load),
            "sleep" => Ok(ChartKind::Sleep),
            _ => Err(InputError::new(
                "chart",
                format!(
                    "unknown chart '{}'; allowed: pain, load, sleep",
                    text.trim()
                ),
            )),
        }
    }
}

/// Draws `kind` from the journal's series, from `since` (or the first day) to the series' end.
pub fn chart(
    kind: ChartKind,
    s: &Series,
    since: Option<NaiveDate>,
    width: usize,
    height: usize,
) -> Vec<String> {
    let from = since.unwrap_or(s.pain.start);
    match kind {
        ChartKind::Pain => pain_chart(
            &window(&s.pain, from),
            &window(&s.mean7, from),
            &s.events,
            width,
            height,
        ),
        ChartKind::Load => {
            let ctl = DaySeries {
                start: s.fitness.start,
                values: s.fitness.values.iter().map(|f| f.ctl).collect(),
            };
            load_chart(
                &window(&s.load, from),
                &window(&ctl, from),
                &s.events,
                width,
                height,
            )
        }
        ChartKind::Sleep => sleep_chart(&window(&s.sleep, from), &s.events, width, height),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn series<T: Clone>(values: Vec<T>) -> DaySeries<T> {
        DaySeries {
            start: d("2024-01-01"),
            values,
        }
    }

    #[test]
    fn downsample_max_and_mean() {
        let v = [
            Some(1.0),
            Some(5.0),
            None,
            Some(2.0),
            None,
            None,
            Some(3.0),
            Some(8.0),
        ];
        // 8 days into 3 columns: days 0–1, 2–4, 5–7.
        assert_eq!(
            downsample(&v, 3, Agg::Max),
            vec![Some(5.0), Some(2.0), Some(8.0)]
        );
        assert_eq!(
            downsample(&v, 3, Agg::Mean),
            vec![Some(3.0), Some(2.0), Some(5.5)]
        );
        assert_eq!(downsample(&[None, None], 5, Agg::Mean), vec![None, None]);
    }

    #[test]
    fn pain_chart_exact() {
        let pain = series(vec![Some(2.0), None, Some(6.0), Some(4.0), Some(10.0)]);
        let mean7 = series(vec![None; 5]);
        let lines = pain_chart(&pain, &mean7, &[d("2024-01-03")], 24, 8);
        // 5 rows: value v sits on row round(v / 10 × 4) from the bottom.
        let want = [
            "Pain 0-10 (o), 7-day mean (-)",
            "10|    o",
            "  |",
            " 5|  oo",
            "  |o",
            " 0|",
            "  +--^--",
            "   2024-01-01",
        ];
        assert_eq!(lines, want);
    }

    #[test]
    fn load_chart_exact() {
        let load = series(vec![0.0, 50.0, 100.0, 0.0]);
        let ctl = series(vec![0.0, 10.0, 20.0, 20.0]);
        let lines = load_chart(&load, &ctl, &[], 24, 7);
        // Bars: 50 → 2 of 4 cells, 100 → 4. CTL 20 → row round(0.6) = 1 from the bottom.
        let want = [
            "Daily load TSS (#), fitness CTL (*)",
            "100|  #",
            "   |  #",
            "   | #**",
            "  0|**#",
            "   +----",
            "    2024-01-01",
        ];
        assert_eq!(lines, want);
    }

    #[test]
    fn wide_ranges_fit_the_width() {
        // 1000 days into a 40 × 10 chart: 37 columns, every line within 40 characters.
        let pain = series((0..1000).map(|k| Some((k % 11) as f64)).collect());
        let mean7 = series(vec![Some(5.0); 1000]);
        let lines = pain_chart(&pain, &mean7, &[d("2025-01-01")], 40, 10);
        assert_eq!(lines.len(), 10);
        assert!(lines.iter().all(|l| l.chars().count() <= 40), "{lines:#?}");
        // Every column spans ~27 days and so holds a 10: the max keeps the top row full.
        assert_eq!(lines[1], format!("10|{}", "o".repeat(37)));
        // Jan 1 2025 is day 366 of 1000 → column 366 × 37 / 1000 = 13.
        assert_eq!(
            lines[8],
            format!("  +{}^{}", "-".repeat(13), "-".repeat(23))
        );
        assert_eq!(
            lines[9],
            format!("   2024-01-01{}2026-09-26", " ".repeat(17))
        );
    }

    #[test]
    fn chart_from_journal_series() {
        use crate::analysis::data::JournalData;
        use crate::domain::records::Checkin;
        let mut data = JournalData::default();
        for (k, p) in [2u8, 4, 6].into_iter().enumerate() {
            data.checkins.push(Checkin {
                date: d("2024-01-01") + Duration::days(k as i64),
                pain: p,
                ..Default::default()
            });
        }
        let s = Series::build(&data, d("2024-01-03"));
        // From Jan 2: pain 4 and 6 → rows round(1.2) = 1 and round(1.8) = 2 of 0–3 (height 7).
        let lines = chart(ChartKind::Pain, &s, Some(d("2024-01-02")), 24, 7);
        assert_eq!(&lines[1..5], ["10|", "  | o", "  |o", " 0|"]);
        assert_eq!(lines[6], "   2024-01-02");
        assert_eq!(
            chart(ChartKind::Load, &s, None, 24, 7),
            ["Load: no data in this range"]
        );
        let e = ChartKind::parse("hr").unwrap_err();
        assert_eq!(
            e.to_string(),
            "chart: unknown chart 'hr'; allowed: pain, load, sleep"
        );
        assert_eq!(ChartKind::parse("Sleep").unwrap(), ChartKind::Sleep);
    }

    #[test]
    fn sleep_and_empty() {
        let sleep = series(vec![Some(8.0), None, Some(5.0)]);
        let lines = sleep_chart(&sleep, &[], 24, 6);
        // 3 rows over 0–10 h: 8 h → round(2.4) = 2 cells, 5 h → round(1.5) = 2 cells.
        assert_eq!(&lines[1..4], ["10|", "  |# #", " 0|# #"]);
        assert_eq!(
            sleep_chart(&series(vec![None; 3]), &[], 24, 6),
            ["Sleep: no data in this range"]
        );
    }
}
