//! The Training screen (SPEC §8.1 #3): activities and rehab sessions in one list with TSS and
//! its source (`~` marks an estimate) and pain before/during/after, under this week's rehab
//! adherence; `v` shows the programmes and the exercise library instead.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::lists::{block, list};
use crate::domain::parse::format_duration;
use crate::domain::prescription::format_spec;
use crate::domain::records::Activity;
use crate::tui::action::Screen;
use crate::tui::app::App;
use crate::tui::app::entry::training_filter;
use crate::tui::text::cells;
use crate::tui::theme::Theme;
use crate::views::journal::{TRAINING_DAYS, TrainingRow};

fn pains(p: &[Option<u8>], sep: &str) -> String {
    p.iter()
        .map(|v| v.map_or("-".to_string(), |v| v.to_string()))
        .collect::<Vec<_>>()
        .join(sep)
}

/// "~54 rpe": the TSS with its source, `~` when estimated from HR or RPE.
pub fn tss_text(a: &Activity) -> String {
    match (a.tss, a.load_source) {
        (Some(v), Some(src)) if src.is_estimate() => {
            format!("{:>4} {src:<6}", crate::domain::text::tss(v, true))
        }
        (Some(v), Some(src)) => format!("{v:>4.0} {src:<6}"),
        (Some(v), None) => format!("{v:>4.0}       "),
        _ => format!("{:>4} {:<6}", "–", ""),
    }
}

/// Width of the extra columns (distance, power, HR) shown when the list is wide enough.
const EXTRA_W: usize = 32;
/// The list's width from which they show: the base line (about 74 columns) plus them.
const EXTRA_FROM: u16 = 108;

/// Distance (in the display units), NP (else average power) and average HR, in fixed columns:
/// `45.0 km  NP 215 W  HR 142`; a missing figure leaves its column blank.
fn extra_columns(a: &Activity) -> String {
    let dist = a
        .distance_m
        .map(crate::domain::text::distance)
        .unwrap_or_default();
    let power = match (a.normalized_power_w, a.avg_power_w) {
        (Some(np), _) => format!("NP {np:.0} W"),
        (None, Some(avg)) => format!("avg {avg:.0} W"),
        _ => String::new(),
    };
    let hr = a.avg_hr.map(|h| format!("HR {h:.0}")).unwrap_or_default();
    format!("{dist:>9}  {power:<11} {hr:<7}")
}

/// The list's width below which the TSS loses its source (`power`, `rpe`; the `~` of an
/// estimate stays) so the pain stays whole (60 columns).
const SOURCE_FROM: u16 = 70;

fn activity_line(t: Theme, a: &Activity, width: u16) -> Line<'static> {
    let wide = width >= EXTRA_FROM;
    let tss = if width >= SOURCE_FROM {
        tss_text(a)
    } else {
        tss_text(a)
            .split_whitespace()
            .next()
            .unwrap_or("–")
            .to_string()
    };
    let mut spans = vec![Span::raw(format!(
        "{} {:<12} {:>6}  TSS {tss:>4}  pain {}",
        a.start.format("%a %e %b %H:%M"),
        a.kind_name(),
        format_duration(a.elapsed_s),
        pains(&[a.pain_before, a.pain_during, a.pain_after], "/"),
    ))];
    if wide {
        spans.push(Span::raw(format!("{:<w$}", extra_columns(a), w = EXTRA_W)));
    }
    if a.stopped_for_pain {
        spans.push(Span::styled("  STOPPED", t.error()));
    }
    Line::from(spans)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let [top, rest] = Layout::vertical([Constraint::Length(3), Constraint::Min(3)]).areas(area);
    let b = block(t, "Rehab this week".into());
    let inner = b.inner(top);
    b.render(top, buf);
    let sentence = app.training.rehab.as_ref().map_or(String::new(), |r| {
        let s = &r.summary;
        // The programme the week's target is of: its sessions count, others are apart.
        let prog = s
            .week_programme
            .clone()
            .unwrap_or_else(|| "No active programme".to_string());
        let other = match s.week_other_sessions {
            0 => String::new(),
            n => format!(" + {n} other"),
        };
        let week = match s.week_target {
            Some(t) if t > 0 => format!(
                "{} of {} ({}%){other}",
                s.week_sessions,
                crate::domain::text::plural(t, "session", "sessions"),
                crate::analysis::rehab::percent(s.week_sessions, t)
            ),
            _ => crate::domain::text::plural(s.week_sessions, "session", "sessions"),
        };
        let four = s
            .adherence_4w
            .map(|a| format!(" · last 4 weeks {:.0}%", a * 100.0))
            .unwrap_or_default();
        format!("{prog}: {week}{four} · v: programmes")
    });
    Line::from(sentence).render(inner, buf);
    if app.training.rehab_view() {
        return rehab_view(app, rest, buf);
    }
    let rows = app.training_rows();
    let width = rest.width.saturating_sub(2);
    let lines = rows
        .iter()
        .map(|r| match r {
            TrainingRow::Activity(a) => activity_line(t, a, width),
            TrainingRow::Rehab(s) => Line::from(format!(
                "{:<16} {:<12} {:>6}  {}, {} ex.  pain {}",
                s.date.format("%a %e %b").to_string(),
                "rehab",
                s.minutes.map(|m| format!("{m}m")).unwrap_or_default(),
                s.programme.as_deref().unwrap_or("session"),
                s.items.len(),
                pains(&[s.pain_before, s.pain_after], "→")
            )),
        })
        .collect();
    let title = format!(
        "Last {TRAINING_DAYS} days · {} (f) · {} · pain before/during/after",
        training_filter(app.training.filter),
        crate::domain::text::plural(rows.len(), "session", "sessions")
    );
    list(
        t,
        title,
        lines,
        "Nothing here in this window. a adds an activity, r logs rehab.",
        Some(app.sel[Screen::Training.index()]),
        rest,
        buf,
    );
}

/// The programmes (ordered exercises with prescriptions, dates, target) and the library.
fn rehab_view(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(r) = &app.training.rehab else { return };
    let mut lines = Vec::new();
    for p in &r.programmes {
        let to = p.active_to.map(|d| format!(" to {d}")).unwrap_or_default();
        lines.push(Line::from(Span::styled(
            format!(
                "{} · from {}{to} · {} a week",
                p.name, p.active_from, p.target_per_week
            ),
            t.title(),
        )));
        for (i, it) in p.items.iter().enumerate() {
            lines.push(Line::from(format!(
                "  {}. {} {}",
                i + 1,
                it.exercise,
                format_spec(it.sets, it.reps, it.hold_s, it.load_kg)
            )));
        }
    }
    if r.programmes.is_empty() {
        lines.push(Line::from(Span::styled(
            "No programme yet: n adds one (exercises as bird dog:3x10, side plank:3x30s).",
            t.dim(),
        )));
    }
    let lib: Vec<String> = r
        .library
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e.name,
                format_spec(e.sets, e.reps, e.hold_s, e.load_kg)
            )
        })
        .collect();
    lines.push(Line::from(Span::styled("Exercise library", t.title())));
    let text = if lib.is_empty() {
        "(offered the first time you log rehab: r)".to_string()
    } else {
        lib.join(" · ")
    };
    let w = area.width.saturating_sub(4) as usize;
    let mut cur = String::from(" ");
    for word in text.split(' ') {
        if cells(&cur) + cells(word) + 1 > w {
            lines.push(Line::from(std::mem::replace(&mut cur, String::from(" "))));
        }
        cur.push(' ');
        cur.push_str(word);
    }
    lines.push(Line::from(cur));
    list(
        t,
        "Rehab programmes (v: back to the list)".into(),
        lines,
        "",
        None,
        area,
        buf,
    );
}
