//! The Trends screen (SPEC §8.1 #5): pain with mean7 and baseline, daily load with CTL/ATL,
//! sleep and doses per day on one shared time axis with event markers, then the associations,
//! flares and PSFS as sentences (scrolled with j/k). `[` / `]` change the range.

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{GraphType, Paragraph, Widget};

use crate::domain::scores::Instrument;
use crate::textchart::Agg;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::strip::{self, GUTTER, Layer};
use crate::views::insights::TrendsData;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(d) = &app.trends.data else { return };
    // With the scores strip the sentences give it a line (they scroll with j/k anyway).
    let list_h = (area.height / 4).max(4) - u16::from(!d.scores.is_empty());
    // The scores strip only when the range has a score, so a journal without looks as before.
    // Tall enough for its key: the scale's line, one line per instrument and the 0 line.
    let scores_h = if d.scores.is_empty() {
        Constraint::Length(0)
    } else {
        Constraint::Length(d.scores.len() as u16 + 2)
    };
    let [
        head,
        pain_r,
        scores_r,
        load_r,
        sleep_r,
        doses_r,
        axis_r,
        list_r,
    ] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(3),
        scores_h,
        Constraint::Fill(2),
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Length(2),
        Constraint::Length(list_h),
    ])
    .areas(area);
    header(t, d, head, buf);
    let days = d.days();
    let cols = strip::resolution(area.width);
    let marks: Vec<usize> = d
        .events
        .iter()
        .map(|(e, _)| (*e - d.from).num_days() as usize)
        .collect();
    // Lines through the charts only while they stay sparse; the axis always has the ▲s.
    let plot_w = area.width.saturating_sub(GUTTER) as usize;
    let lines: &[usize] = if marks.len() * 4 <= plot_w {
        &marks
    } else {
        &[]
    };
    let draw = |(gutter, max, layers): Strip, r: Rect, buf: &mut Buffer| {
        strip::render(gutter, max, days, layers, lines, t.dim(), r, buf)
    };
    draw(pain_strip(t, d, cols), pain_r, buf);
    if !d.scores.is_empty() {
        let (gutter, layers) = score_layers(t, d, cols);
        draw((gutter, 100.0, layers), scores_r, buf);
    }
    draw(load_strip(t, d, cols, days > plot_w), load_r, buf);
    draw(sleep_strip(d, cols), sleep_r, buf);
    draw(dose_strip(d, cols), doses_r, buf);
    axis(t, d, &marks, axis_r, buf);
    sentences(app, d, list_r, buf);
}

/// One chart of the shared time axis: its key (the gutter), its top value and its layers.
type Strip = (Vec<Line<'static>>, f64, Vec<Layer>);

/// Pain: a dot a day (the max of a bucket) in its pain colour; mean7 and baseline lines.
fn pain_strip(t: Theme, d: &TrendsData, cols: usize) -> Strip {
    let pts = |v: &[Option<f64>], agg| strip::points(v, cols, agg);
    let pain = &d.series.pain.values;
    // Dots last: where a dot and a line share a cell, the day's own figure wins.
    // Each series has its own glyph, so the legend reads without colour (NO_COLOR).
    let mut layers = vec![
        Layer::new(
            pts(&d.series.baseline.values, Agg::Mean),
            GraphType::Line,
            Marker::HalfBlock,
            t.dim(),
        ),
        line(pts(&d.series.mean7.values, Agg::Mean), t.accent()),
    ];
    for (lo, hi) in [(0.0, 3.5), (3.5, 6.5), (6.5, 10.5)] {
        let dots = pts(pain, Agg::Max)
            .into_iter()
            .filter(|(_, p)| *p >= lo && *p < hi)
            .collect();
        let style = t.pain(((lo + hi) / 2.0) as u8);
        layers.push(Layer::new(dots, GraphType::Scatter, Marker::Dot, style));
    }
    let mut gutter = vec![
        scale("pain", 10.0),
        Line::styled("• day", Style::new()),
        Line::styled("⠤ mean7", t.accent()),
        Line::styled("▄ base", t.dim()),
    ];
    // Leg pain is its own line (solid blocks, apart from back pain's dots and lines), drawn only
    // when some day in range has it, so a journal without leg pain looks as before.
    let leg = &d.series.leg.values;
    if leg.iter().any(Option::is_some) {
        layers.insert(
            0,
            Layer::new(
                pts(leg, Agg::Mean),
                GraphType::Line,
                Marker::Block,
                Style::new(),
            ),
        );
        gutter.push(Line::styled("█ leg", Style::new()));
    }
    (gutter, 10.0, layers)
}

/// Load: TSS bars (the max of a bucket), CTL and ATL lines. With `many` days to a cell (a
/// year or more) the bars go thin (braille) and dim, so CTL and ATL read as lines over them
/// rather than drowning in solid blocks.
fn load_strip(t: Theme, d: &TrendsData, cols: usize, many: bool) -> Strip {
    let pts = |v: &[Option<f64>], agg| strip::points(v, cols, agg);
    let fit = &d.series.fitness.values;
    let ctl: Vec<Option<f64>> = fit.iter().map(|f| Some(f.ctl)).collect();
    let atl: Vec<Option<f64>> = fit.iter().map(|f| Some(f.atl)).collect();
    let load: Vec<Option<f64>> = d.series.load.values.iter().map(|v| Some(*v)).collect();
    let top = load.iter().chain(&ctl).chain(&atl).flatten();
    let max = nice_max(top.fold(0.0, |a: f64, b| a.max(*b)), 50.0);
    let (bar, bar_style) = if many {
        (Marker::Braille, t.dim())
    } else {
        (Marker::HalfBlock, Style::new())
    };
    let layers = vec![
        Layer::new(pts(&load, Agg::Max), GraphType::Bar, bar, bar_style),
        Layer::new(
            pts(&atl, Agg::Mean),
            GraphType::Line,
            Marker::Dot,
            Style::new(),
        ),
        line(pts(&ctl, Agg::Mean), t.accent()),
    ];
    let gutter = vec![
        scale("TSS", max),
        Line::styled("⠤ CTL", t.accent()),
        Line::styled("• ATL", Style::new()),
    ];
    (gutter, max, layers)
}

/// Sleep hours a night.
fn sleep_strip(d: &TrendsData, cols: usize) -> Strip {
    let sleep = &d.series.sleep.values;
    let max = nice_max(sleep.iter().flatten().fold(8.0, |a: f64, b| a.max(*b)), 2.0);
    let layers = vec![line(strip::points(sleep, cols, Agg::Mean), Style::new())];
    (vec![scale("sleep", max)], max, layers)
}

/// Doses a day, as bars.
fn dose_strip(d: &TrendsData, cols: usize) -> Strip {
    let doses: Vec<Option<f64>> = d
        .series
        .doses
        .values
        .iter()
        .map(|v| Some(*v as f64))
        .collect();
    let max = nice_max(doses.iter().flatten().fold(1.0, |a: f64, b| a.max(*b)), 1.0);
    let layers = vec![Layer::new(
        strip::points(&doses, cols, Agg::Max),
        GraphType::Bar,
        Marker::HalfBlock,
        Style::new(),
    )];
    (vec![scale("doses", max)], max, layers)
}

/// Each instrument's glyph and short name in the scores strip's key (the gutter is 9 wide).
fn score_key(i: Instrument) -> (Marker, &'static str) {
    match i {
        Instrument::Odi => (Marker::Dot, "• odi"),
        Instrument::Rmdq => (Marker::Block, "█ rmdq"),
        Instrument::Peg => (Marker::Bar, "▄ peg"),
        Instrument::PromisPi => (Marker::Braille, "⠤ promis"),
        Instrument::Startback => (Marker::HalfBlock, "▀ start"),
    }
}

/// The outcome scores, a line per instrument with scores in range. Their scales differ
/// (Oswestry 0–100, Roland-Morris 0–24…), so each is drawn as a percentage of its own range
/// (`Instrument::range`, the `%` scale); the values themselves are in the sentences below.
fn score_layers(t: Theme, d: &TrendsData, cols: usize) -> (Vec<Line<'static>>, Vec<Layer>) {
    let mut gutter = vec![scale("%", 100.0)];
    let (mut layers, mut marks) = (Vec::new(), Vec::new());
    for (inst, pts) in &d.scores {
        let r = inst.range();
        let mut days = vec![None; d.days()];
        for (date, v) in pts {
            if let Some(slot) = days.get_mut((*date - d.from).num_days().max(0) as usize) {
                *slot = Some((v - r.lo) / (r.hi - r.lo) * 100.0);
            }
        }
        let p = strip::points(&days, cols, Agg::Mean);
        let (marker, key) = score_key(*inst);
        // A thin line joins the scores; each score is a mark of the instrument's own glyph
        // (a lone score too, which a line cannot draw), so the key reads without colour.
        layers.push(line(p.clone(), t.dim()));
        marks.push(Layer::new(p, GraphType::Scatter, marker, Style::new()));
        gutter.push(Line::from(key));
    }
    // Marks after every line, so no line hides a score.
    layers.append(&mut marks);
    (gutter, layers)
}

fn line(points: Vec<(f64, f64)>, style: Style) -> Layer {
    Layer::new(points, GraphType::Line, Marker::Braille, style)
}

/// The gutter's first line: the strip's name and the top of its scale.
fn scale(name: &str, max: f64) -> Line<'static> {
    let w = GUTTER as usize - 1;
    // A stored figure can be huge (a TSS of 1e300): the label shrinks, never the gutter.
    let top = if max >= 1e5 {
        format!("{max:.0e}")
    } else {
        format!("{max}")
    };
    Line::from(format!("{name:<0$}", w.saturating_sub(top.len())) + &top)
}

/// `x` rounded up to a multiple of `step` (at least one step), so scales read cleanly.
fn nice_max(x: f64, step: f64) -> f64 {
    ((x / step).ceil() * step).max(step)
}

fn header(t: Theme, d: &TrendsData, area: Rect, buf: &mut Buffer) {
    let l = &d.stats.load;
    // The year only where the range spans more than one, so 60 columns hold the whole line.
    let fmt = if d.days() > 200 { "%b %Y" } else { "%-d %b" };
    // A range longer than the journal shows all of it, and says so.
    let title = match d.range.days() {
        Some(n) if (d.days() as i64) < n => format!("All {} days so far", d.days()),
        _ => d.range.title(),
    };
    let mut spans = vec![
        Span::styled(title, t.title()),
        Span::raw(format!(
            " ({} – {}) · CTL {:.0} ATL {:.0} TSB {:+.0}",
            d.from.format(fmt),
            d.to.format(fmt),
            l.ctl,
            l.atl,
            l.tsb
        )),
    ];
    // TSB is yesterday's CTL − ATL, not the difference of the two figures beside it.
    let used = Line::from(spans.clone()).width();
    let why = [
        " = yesterday's CTL − ATL",
        " = yesterday's CTL−ATL",
        " (yesterday's)",
    ]
    .into_iter()
    .find(|w| used + w.chars().count() <= area.width as usize);
    if let Some(why) = why {
        spans.push(Span::styled(why, t.dim()));
    }
    Line::from(spans).render(area, buf);
}

/// The shared time axis: a rule with ▲ at each event, then the first, middle and last dates.
fn axis(t: Theme, d: &TrendsData, marks: &[usize], area: Rect, buf: &mut Buffer) {
    if area.width <= GUTTER || area.height < 2 {
        return;
    }
    let w = area.width - GUTTER;
    let x0 = area.x + GUTTER;
    let days = d.days();
    Line::styled(format!("{:>1$}", "events ", GUTTER as usize), t.dim())
        .render(Rect::new(area.x, area.y, GUTTER, 1), buf);
    for x in 0..w {
        buf[(x0 + x, area.y)].set_symbol("─").set_style(t.dim());
    }
    for m in marks {
        let x = strip::column(*m, days, w);
        buf[(x0 + x, area.y)].set_symbol("▲").set_style(t.accent());
    }
    let fmt = if days > 200 { "%b %Y" } else { "%-d %b" };
    let label = |k: usize| (d.from + Duration::days(k as i64)).format(fmt).to_string();
    let y = area.y + 1;
    let first = label(0);
    let last = label(days - 1);
    Line::from(first).render(Rect::new(x0, y, w, 1), buf);
    let mid = label((days - 1) / 2);
    let mx = x0 + w / 2 - (mid.len() as u16 / 2).min(w / 2);
    if w > 30 {
        Line::from(mid).render(Rect::new(mx, y, 8, 1), buf);
    }
    Line::from(last)
        .right_aligned()
        .render(Rect::new(x0, y, w, 1), buf);
}

/// Every sentence below the charts: the journal's, then leg pain and the outcome scores of the
/// range (SPEC §14). `j`/`k` scroll through these.
pub fn all_sentences(d: &TrendsData) -> Vec<String> {
    let mut all = d.sentences();
    all.extend(crate::analysis::leg::leg_sentence(&d.stats.leg));
    all.extend(
        d.stats
            .scores
            .iter()
            .map(crate::analysis::scores::score_sentence),
    );
    all
}

/// The sentences, wrapped, starting at the selected one (j/k scroll by sentence).
fn sentences(app: &App, d: &TrendsData, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let all = all_sentences(d);
    let first = app.sel[Screen::Trends.index()].min(all.len().saturating_sub(1));
    let rows = sentence_rows(
        &all[first.min(all.len())..],
        area.width as usize,
        area.height as usize,
    );
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(bullet, r)| {
            let head = if bullet { "• " } else { "  " };
            Line::from(vec![Span::styled(head, t.dim()), Span::raw(r)])
        })
        .collect();
    Paragraph::new(lines).render(area, buf);
}

/// The sentences from the first shown, wrapped to `width` (less the bullet), whole sentences
/// only: one that does not fit below the others waits for `j`. When even the first does not
/// fit, its facts give way with "…" and its last clause (whether it could be chance) stays
/// whole (issue 19: the chance words are never cut). `true` marks a sentence's first row.
pub fn sentence_rows(all: &[String], width: usize, height: usize) -> Vec<(bool, String)> {
    let w = width.saturating_sub(2).max(1);
    let wrap = |s: &str| crate::tui::text::wrap(s, w, (0, 0)).0;
    let mut out: Vec<(bool, String)> = Vec::new();
    for (k, s) in all.iter().enumerate() {
        let rows = wrap(s);
        if out.len() + rows.len() <= height {
            out.extend(
                rows.into_iter()
                    .enumerate()
                    .map(|(i, r)| (i == 0, r.trim_end().to_string())),
            );
            continue;
        }
        if k == 0 && height > 0 {
            let (fact, words) = match s.rfind("; ") {
                Some(i) => (&s[..i + 1], s[i + 2..].to_string()),
                None => (s.as_str(), String::new()),
            };
            let tail = if words.is_empty() {
                Vec::new()
            } else {
                wrap(&words)
            };
            let room = height.saturating_sub(tail.len()).max(1);
            let mut head = wrap(fact);
            head.truncate(room);
            if let Some(last) = head.last_mut() {
                let keep: String = last.trim_end().chars().take(w.saturating_sub(1)).collect();
                *last = format!("{keep}…");
            }
            let rows = head.into_iter().chain(tail).take(height);
            out.extend(
                rows.enumerate()
                    .map(|(i, r)| (i == 0, r.trim_end().to_string())),
            );
        }
        break;
    }
    out
}

#[cfg(test)]
mod sentence_tests {
    use super::sentence_rows;

    #[test]
    fn sentences_are_whole_or_wait_and_the_chance_words_are_never_cut() {
        let a = "Pain the next day was higher with more training load (correlation 0.31, 700 days); unlikely to be chance (adjusted p = 0.01).".to_string();
        let b = "Short one.".to_string();
        // Room for the first (3 rows at 50 columns) but not the second after it: it waits.
        let rows = sentence_rows(&[a.clone(), a.clone()], 52, 4);
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert!(
            rows.last().unwrap().1.ends_with("(adjusted p = 0.01)."),
            "{rows:?}"
        );
        // Two rows for a three-row sentence: the facts give way, the verdict stays whole.
        let rows = sentence_rows(&[a.clone(), b], 52, 2);
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows[0].1.ends_with('…'), "{rows:?}");
        assert_eq!(rows[1].1, "unlikely to be chance (adjusted p = 0.01).");
    }
}
