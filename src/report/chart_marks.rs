//! The marks the charts draw as plain SVG rather than through plotters: the date ticks (first
//! of the month, with the year where it changes; Mondays for periods up to 20 weeks) and the event
//! numbers, grouped and staggered so no two label boxes overlap.

use chrono::{Datelike, Duration, Months, NaiveDate};

/// Text size of the marks in SVG units (the page scales 760 units to the text width, about
/// 182 mm on A4: 13 units print at about 8.8 pt).
pub const MARK_FONT: f64 = 13.0;
/// Rows the event numbers may use above the plot.
pub const EVENT_ROWS: usize = 3;
pub const EVENT_ROW_HEIGHT: f64 = 15.0;

/// The width of a label of `chars` characters at [`MARK_FONT`], bold, with a little air: an
/// over-estimate (bold digits are at most 0.7 em wide in the sans fonts used).
pub fn label_width(chars: usize) -> f64 {
    chars as f64 * MARK_FONT * 0.7 + 4.0
}

/// Date ticks for `[from, to]` with their labels: months for periods over 20 weeks (every
/// 1, 2, 3 or 6 months so at most 12), else Mondays (every other one past 6 weeks). The year
/// is on the first label and on every label where it changes.
pub fn date_ticks(from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, String)> {
    let days = (to - from).num_days() + 1;
    let mut ticks = Vec::new();
    if days > 140 {
        let months = days as f64 / 30.44;
        let step = [1u32, 2, 3, 6, 12]
            .into_iter()
            .find(|s| months / *s as f64 <= 12.0)
            .unwrap_or(12);
        let mut d = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
        if d < from {
            d = d + Months::new(1);
        }
        while !d.month0().is_multiple_of(step) {
            d = d + Months::new(1);
        }
        while d <= to {
            ticks.push(d);
            d = d + Months::new(step);
        }
    } else {
        // Every Monday up to 6 weeks, every other Monday up to 20 weeks.
        let step = if days > 42 { 14 } else { 7 };
        let mut d = from + Duration::days((7 - from.weekday().num_days_from_monday() as i64) % 7);
        while d <= to {
            ticks.push(d);
            d += Duration::days(step);
        }
    }
    let mut year = None;
    ticks
        .into_iter()
        .map(|d| {
            let fmt = match (days > 140, year != Some(d.year())) {
                (true, true) => "%b %Y",
                (true, false) => "%b",
                (false, true) => "%-d %b %Y",
                (false, false) => "%-d %b",
            };
            year = Some(d.year());
            (d, d.format(fmt).to_string())
        })
        .collect()
}

/// One label above the plot: the events `first..=last` (chart numbers), centred at `x`.
#[derive(Debug, Clone, PartialEq)]
pub struct EventLabel {
    pub first: usize,
    pub last: usize,
    pub x: f64,
    pub row: usize,
}

impl EventLabel {
    pub fn text(&self) -> String {
        if self.first == self.last {
            self.first.to_string()
        } else {
            format!("{}–{}", self.first, self.last)
        }
    }

    /// (left, right) of the label's box.
    pub fn span(&self) -> (f64, f64) {
        let w = label_width(self.text().chars().count());
        (self.x - w / 2.0, self.x + w / 2.0)
    }
}

/// Labels for events at pixel `xs` (numbered 1.. in order, xs ascending): events closer than
/// `gap` share one label ("14–18"); each label takes the first of [`EVENT_ROWS`] rows where
/// it clears the one before; when none is free the gap widens and it starts again, so the
/// result never overlaps.
pub fn event_labels(xs: &[f64]) -> Vec<EventLabel> {
    let mut gap = 4.0;
    loop {
        let mut groups: Vec<EventLabel> = Vec::new();
        let mut prev_x = f64::NEG_INFINITY;
        for (i, x) in xs.iter().enumerate() {
            match groups.last_mut() {
                Some(g) if x - prev_x < gap => {
                    g.last = i + 1;
                    g.x = (xs[g.first - 1] + x) / 2.0;
                }
                _ => groups.push(EventLabel {
                    first: i + 1,
                    last: i + 1,
                    x: *x,
                    row: 0,
                }),
            }
            prev_x = *x;
        }
        let mut right = [f64::NEG_INFINITY; EVENT_ROWS];
        let placed = groups.iter_mut().all(|g| {
            let (l, r) = g.span();
            match (0..EVENT_ROWS).find(|k| right[*k] + 2.0 <= l) {
                Some(k) => {
                    g.row = k;
                    right[k] = r;
                    true
                }
                None => false,
            }
        });
        if placed {
            return groups;
        }
        gap *= 1.5;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn month_ticks_carry_the_year_where_it_changes() {
        let t = date_ticks(d("2025-11-24"), d("2026-11-23"));
        let labels: Vec<&str> = t.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(labels[0], "Dec 2025");
        assert_eq!(labels[1], "Jan 2026");
        assert!(labels.len() <= 12 && labels[2] == "Feb", "{labels:?}");
        assert!(t.iter().all(|x| x.0.day() == 1));
        let two = date_ticks(d("2024-11-24"), d("2026-11-23"));
        assert!(two.len() <= 12 && two.iter().all(|x| x.0.month0() % 2 == 0));
        assert_eq!(two[0].1, "Jan 2025");
        let twelve = date_ticks(d("2026-09-01"), d("2026-11-23"));
        let labels: Vec<&str> = twelve.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            labels,
            ["7 Sep 2026", "21 Sep", "5 Oct", "19 Oct", "2 Nov", "16 Nov"]
        );
        let short = date_ticks(d("2026-11-03"), d("2026-11-23"));
        assert_eq!(short[0].1, "9 Nov 2026");
        assert_eq!(short[1].1, "16 Nov");
    }

    #[test]
    fn close_events_share_a_label_and_no_two_overlap() {
        let xs = [10.0, 11.0, 12.0, 13.0, 30.0, 40.0, 45.0, 300.0];
        let ls = event_labels(&xs);
        let n: usize = ls.iter().map(|l| l.last - l.first + 1).sum();
        assert_eq!(n, xs.len());
        for (i, a) in ls.iter().enumerate() {
            for b in &ls[i + 1..] {
                let ((al, ar), (bl, br)) = (a.span(), b.span());
                assert!(a.row != b.row || ar <= bl || br <= al, "{a:?} {b:?}");
            }
        }
        assert_eq!(ls.last().unwrap().text(), "8");
    }
}
