//! One chart strip of the Trends screen: a labelled gutter and a braille plot whose x axis is
//! days `0..days`, so every strip of a screen lines up on one shared time axis. Long ranges are
//! downsampled to the plot's braille resolution first, so any range draws as fast as 4 weeks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, Widget};

use crate::textchart::{Agg, downsample};

/// Columns of the gutter left of every plot: a name and the scale.
pub const GUTTER: u16 = 9;

/// A series drawn on a strip.
pub struct Layer {
    pub points: Vec<(f64, f64)>,
    pub kind: GraphType,
    pub marker: Marker,
    pub style: Style,
}

impl Layer {
    pub fn new(points: Vec<(f64, f64)>, kind: GraphType, marker: Marker, style: Style) -> Self {
        Layer {
            points,
            kind,
            marker,
            style,
        }
    }
}

/// `values` (one per day) as plot points, combined into at most `cols` buckets with `agg`;
/// x is the bucket's first day, so buckets of any size stay on the day axis.
pub fn points(values: &[Option<f64>], cols: usize, agg: Agg) -> Vec<(f64, f64)> {
    let n = values.len();
    let cols = cols.max(1);
    downsample(values, cols, agg)
        .into_iter()
        .enumerate()
        .filter_map(|(c, v)| v.map(|v| ((c * n / cols.min(n)) as f64, v)))
        .collect()
}

/// Braille sub-columns a plot of `width` cells has: the useful number of points per layer.
pub fn resolution(area_width: u16) -> usize {
    area_width.saturating_sub(GUTTER) as usize * 2
}

/// The plot's column (in cells, within the plot) for day `day` of `days`.
pub fn column(day: usize, days: usize, plot_width: u16) -> u16 {
    if days <= 1 || plot_width == 0 {
        return 0;
    }
    ((day as f64 / (days - 1) as f64) * (plot_width - 1) as f64).round() as u16
}

/// Draws a strip: `gutter` lines top-down in the left columns (the scale's 0 on the last
/// row), the layers over `0..days` × `0..max`, and dim vertical markers at `marks` (days).
#[allow(clippy::too_many_arguments)]
pub fn render(
    gutter: Vec<Line<'static>>,
    max: f64,
    days: usize,
    layers: Vec<Layer>,
    marks: &[usize],
    mark_style: Style,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.width <= GUTTER || area.height == 0 {
        return;
    }
    let plot = Rect::new(area.x + GUTTER, area.y, area.width - GUTTER, area.height);
    // The last row keeps the scale's 0, so a short strip drops legend lines rather than
    // writing them over it.
    let rows = if area.height > 1 {
        area.height as usize - 1
    } else {
        1
    };
    for (i, line) in gutter.into_iter().enumerate().take(rows) {
        line.render(Rect::new(area.x, area.y + i as u16, GUTTER - 1, 1), buf);
    }
    if area.height > 1 {
        Line::from(Span::raw("0"))
            .right_aligned()
            .render(Rect::new(area.x, area.bottom() - 1, GUTTER - 1, 1), buf);
    }
    let mark_points: Vec<Vec<(f64, f64)>> = marks
        .iter()
        .map(|d| vec![(*d as f64, 0.0), (*d as f64, max)])
        .collect();
    let mut sets: Vec<Dataset> = mark_points
        .iter()
        .map(|p| {
            Dataset::default()
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(mark_style)
                .data(p)
        })
        .collect();
    // A bar of height 0 would still paint its bottom cell: a day without is left blank.
    let layers: Vec<Layer> = layers
        .into_iter()
        .map(|mut l| {
            if l.kind == GraphType::Bar {
                l.points.retain(|(_, y)| *y > 0.0);
            }
            l
        })
        .collect();
    sets.extend(layers.iter().map(|l| {
        Dataset::default()
            .marker(l.marker)
            .graph_type(l.kind)
            .style(l.style)
            .data(&l.points)
    }));
    let x_max = (days.max(2) - 1) as f64;
    Chart::new(sets)
        .x_axis(Axis::default().bounds([0.0, x_max]))
        .y_axis(Axis::default().bounds([0.0, max]))
        .render(plot, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ranges_keep_one_point_a_day() {
        let v = [Some(1.0), None, Some(3.0)];
        assert_eq!(points(&v, 100, Agg::Max), vec![(0.0, 1.0), (2.0, 3.0)]);
    }

    #[test]
    fn long_ranges_are_bucketed_on_the_day_axis() {
        // 10 days into 5 buckets of 2: max of each pair, x = the bucket's first day.
        let v: Vec<Option<f64>> = (0..10).map(|i| Some(i as f64)).collect();
        assert_eq!(
            points(&v, 5, Agg::Max),
            vec![(0.0, 1.0), (2.0, 3.0), (4.0, 5.0), (6.0, 7.0), (8.0, 9.0)]
        );
        assert_eq!(points(&v, 5, Agg::Mean)[0], (0.0, 0.5));
    }

    #[test]
    fn columns_span_the_plot() {
        assert_eq!(column(0, 84, 71), 0);
        assert_eq!(column(83, 84, 71), 70);
        assert_eq!(column(0, 1, 71), 0);
    }
}
