//! The Today dashboard (SPEC §8.1 #1): the check-in or a prompt for it, 14 days of pain as
//! bars, today's medication counters, the last activity and this week's rehab adherence.
//! Below them: CTL/ATL/TSB, the user's criteria met or not, and the most notable association
//! of the last 12 months (`views::insights`, the figures of `stats --since 365d`).

use chrono::Duration;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::domain::parse::format_duration;
use crate::domain::records::Checkin;
use crate::domain::text;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::{pack, pain};
use crate::views::journal::{SPARK_DAYS, TodayData, tag_text};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let Some(d) = &app.dashboard else {
        return;
    };
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let crit_rows = criteria_lines(app.theme, d, left.width.saturating_sub(2))
        .len()
        .clamp(1, 7) as u16;
    let [check, spark, crit] = Layout::vertical([
        Constraint::Length(8),
        Constraint::Min(6),
        Constraint::Length(crit_rows + 2),
    ])
    .areas(left);
    checkin_panel(t, app.today_checkin.as_ref(), check, buf);
    pain_panel(app, d, spark, buf);
    criteria_panel(t, d, crit, buf);
    let psfs_h = if app.psfs_due.is_some() { 2 } else { 0 };
    let next_h = if d.next_event.is_some() { 2 } else { 0 };
    let scores_due = crate::analysis::scores::due_text(&d.stats.scores);
    let due_h = if scores_due.is_some() { 2 } else { 0 };
    let plan_h = if app.plan_week.is_some() { 2 } else { 0 };
    let [meds, act, rehab, plan, next, psfs, due, notable] = Layout::vertical([
        Constraint::Length(
            (meds_lines(t, d, right.width.saturating_sub(2)).len() as u16).clamp(1, 4) + 2,
        ),
        Constraint::Length(6),
        Constraint::Length(3),
        Constraint::Length(plan_h),
        Constraint::Length(next_h),
        Constraint::Length(psfs_h),
        Constraint::Length(due_h),
        Constraint::Min(3),
    ])
    .areas(right);
    if let Some(e) = &d.next_event {
        let text = format!(
            "Next: {}",
            crate::views::journal::next_event_text(e, app.today)
        );
        Paragraph::new(Span::styled(text, t.accent()))
            .wrap(Wrap { trim: true })
            .render(next, buf);
    }
    // SPEC §4.6: the weekly PSFS question, when a rating is due.
    if let Some(p) = &app.psfs_due {
        Paragraph::new(Span::styled(p.as_str(), t.accent()))
            .wrap(Wrap { trim: true })
            .render(psfs, buf);
    }
    // SPEC §14: the return plan's week, planned against done (the user's rule, no advice).
    if let Some(p) = &app.plan_week {
        let text = format!("Plan: {p}");
        Paragraph::new(Span::raw(text))
            .wrap(Wrap { trim: true })
            .render(plan, buf);
    }
    // SPEC §14: an outcome score due by the user's own schedule.
    if let Some(s) = scores_due {
        Paragraph::new(Span::styled(s, t.accent()))
            .wrap(Wrap { trim: true })
            .render(due, buf);
    }
    meds_panel(t, d, meds, buf);
    activity_panel(app, d, act, buf);
    rehab_panel(t, d, rehab, buf);
    notable_panel(t, d, notable, buf);
}

/// The user's own return-to-training rules, met or not, with the figure behind each.
fn criteria_panel(t: Theme, d: &TodayData, area: Rect, buf: &mut Buffer) {
    // The legend of the dot rides in the title, so it costs no rule a row.
    let unchecked = d.stats.criteria.iter().any(|c| c.value.is_none() && !c.met);
    let title = match (unchecked, area.width >= 37) {
        (false, _) => "Your criteria",
        (true, true) => "Your criteria (· not enough data)",
        // 60 columns: the legend whole rather than "Your".
        (true, false) => "Criteria (· not enough data)",
    };
    let b = block(t, title);
    let inner = b.inner(area);
    b.render(area, buf);
    let st = &d.stats;
    if st.criteria.is_empty() {
        Line::styled(
            "No criteria. `backtrack criteria add RULE` adds one.",
            t.dim(),
        )
        .render(inner, buf);
        return;
    }
    Paragraph::new(criteria_lines(t, d, inner.width)).render(inner, buf);
}

/// Each criterion as a mark, its figure and the rule, the rule wrapped under itself so a
/// narrow panel never loses its end ("≤ +1").
fn criteria_lines(t: Theme, d: &TodayData, width: u16) -> Vec<Line<'static>> {
    const FIGURE_W: usize = 7;
    let rule_w = (width as usize).saturating_sub(FIGURE_W).max(10);
    let mut lines = Vec::new();
    for c in &d.stats.criteria {
        // No figure yet is neither met nor failed: a dim dot and the words.
        let (mark, style) = match (c.met, c.value) {
            (true, _) => ("✓ ", t.ok()),
            (false, Some(_)) => ("✗ ", t.error()),
            (false, None) => ("· ", t.dim()),
        };
        let value = c.value.map_or("—".to_string(), |v| format!("{v}"));
        let rows = crate::tui::text::wrap(&c.label, rule_w, (0, 0)).0;
        for (i, row) in rows.into_iter().enumerate() {
            let head = if i == 0 {
                vec![
                    Span::styled(mark, style),
                    Span::styled(format!("{value:<5}"), t.title()),
                ]
            } else {
                vec![Span::raw(" ".repeat(FIGURE_W))]
            };
            let mut spans = head;
            spans.push(Span::raw(row.trim_end().to_string()));
            lines.push(Line::from(spans));
        }
    }
    lines
}

/// The one most notable association of the last 12 months, or why there is none.
fn notable_panel(t: Theme, d: &TodayData, area: Rect, buf: &mut Buffer) {
    let b = block(t, "Most notable, last 12 months");
    let inner = b.inner(area);
    b.render(area, buf);
    let rows = notable_rows(&d.stats, inner.width as usize, inner.height as usize);
    Paragraph::new(rows.into_iter().map(Line::from).collect::<Vec<_>>()).render(inner, buf);
}

/// The notable line in rows of `width`, at most `height` of them. When the whole sentence does
/// not fit, the facts are shortened with "…" and the chance words keep their own rows: they
/// are never cut (issue 19).
pub fn notable_rows(st: &crate::analysis::Stats, width: usize, height: usize) -> Vec<String> {
    let wrap = |s: &str| crate::tui::text::wrap(s, width, (0, 0)).0;
    let whole = wrap(&crate::analysis::notable_text(st));
    let Some(n) = st.notable.as_ref().filter(|_| whole.len() > height) else {
        return whole
            .into_iter()
            .map(|r| r.trim_end().to_string())
            .collect();
    };
    let words = wrap(&format!("{}.", n.words));
    let room = height.saturating_sub(words.len());
    let mut fact = wrap(&format!("{};", n.fact));
    if fact.len() > room {
        fact.truncate(room);
        if let Some(last) = fact.last_mut() {
            let keep: String = last
                .trim_end()
                .chars()
                .take(width.saturating_sub(1))
                .collect();
            *last = format!("{keep}…");
        }
    }
    fact.into_iter()
        .chain(words)
        .map(|r| r.trim_end().to_string())
        .collect()
}

fn block(t: Theme, title: &str) -> Block<'static> {
    Block::bordered().title(Span::styled(format!(" {title} "), t.title()))
}

fn checkin_panel(t: Theme, c: Option<&Checkin>, area: Rect, buf: &mut Buffer) {
    let b = block(t, "Today's check-in");
    let inner = b.inner(area);
    b.render(area, buf);
    let Some(c) = c else {
        Paragraph::new(vec![
            Line::from(Span::styled("No check-in yet today.", t.title())),
            Line::from("Press c, then a digit 0–9 (+ for 10), then Enter."),
        ])
        .wrap(Wrap { trim: true })
        .render(inner, buf);
        return;
    };
    let mut first = pain::labelled(t, "Pain", c.pain, 10);
    if let Some(w) = c.worst_pain {
        first.push_span(Span::raw("   worst "));
        first.push_span(pain::number(t, w));
    }
    if let Some(l) = c.leg_pain {
        first.push_span(Span::raw("   leg "));
        first.push_span(pain::number(t, l));
    }
    let mut lines = vec![first];
    let join = |v: Vec<String>| v.join(", ");
    if !c.locations.is_empty() {
        lines.push(Line::from(format!(
            "Where  {}",
            join(c.locations.iter().map(|l| l.to_string()).collect())
        )));
    }
    if !c.character.is_empty() {
        lines.push(Line::from(format!(
            "Feels  {}",
            join(c.character.iter().map(|l| l.to_string()).collect())
        )));
    }
    let mut day = Vec::new();
    if let Some(s) = c.sleep_hours {
        day.push(format!("slept {s} h"));
    }
    if let Some(q) = c.sleep_quality {
        day.push(format!("sleep quality {q}/5"));
    }
    if let Some(s) = c.sitting_hours {
        day.push(format!("sat {s} h"));
    }
    match c.workday {
        Some(true) => day.push("workday".into()),
        Some(false) => day.push("day off".into()),
        None => {}
    }
    for (name, v) in [("mood", c.mood), ("stress", c.stress), ("energy", c.energy)] {
        if let Some(v) = v {
            day.push(format!("{name} {v}/5"));
        }
    }
    lines.extend(
        pack(&day, " · ", inner.width as usize)
            .into_iter()
            .map(Line::from),
    );
    if !c.tags.is_empty() {
        lines.push(Line::from(tag_text(&c.tags).trim().to_string()));
    }
    if let Some(n) = &c.note {
        lines.push(Line::from(Span::styled(
            n.lines().next().unwrap_or("").to_string(),
            t.dim(),
        )));
    }
    // Long days ("slept 7.5 h · sat 9 h · workday · mood 3/5…") wrap rather than lose words.
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}

fn pain_panel(app: &App, d: &TodayData, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let b = block(t, "Pain, last 14 days");
    let inner = b.inner(area);
    b.render(area, buf);
    let from = app.today - Duration::days(SPARK_DAYS - 1);
    let days: Vec<_> = (0..SPARK_DAYS)
        .map(|i| {
            let date = from + Duration::days(i);
            let p = d.recent.iter().find(|c| c.date == date).map(|c| c.pain);
            (date, p)
        })
        .collect();
    let [bars, summary] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(inner);
    pain::spark(t, &days, bars, buf);
    let logged = days.iter().filter(|(_, p)| p.is_some()).count();
    let p = &d.stats.pain;
    let mut spans = match p.mean7 {
        Some(m) => vec![
            Span::raw("mean7 "),
            Span::styled(format!("{m:.1}"), t.pain(m.round() as u8).patch(t.title())),
        ],
        None => vec![Span::styled("mean7 needs 4 check-ins in 7 days", t.dim())],
    };
    if let (Some(m), Some(prev)) = (p.mean7, p.mean7_prev) {
        spans.push(Span::raw(format!(" ({:+.1} vs a week ago)", m - prev)));
    }
    let line = Paragraph::new(vec![
        Line::from(spans),
        Line::from(Span::styled(format!("{logged} of 14 days logged"), t.dim())),
    ]);
    line.render(summary, buf);
}

fn meds_panel(t: Theme, d: &TodayData, area: Rect, buf: &mut Buffer) {
    let b = block(t, "Medication today");
    let inner = b.inner(area);
    b.render(area, buf);
    if d.stats.meds.today.is_empty() && d.over_max_after_sync.is_empty() {
        Line::from(Span::styled("No doses taken today.", t.dim())).render(inner, buf);
        return;
    }
    Paragraph::new(meds_lines(t, d, inner.width))
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}

/// Each medication's total today against its max, wrapped between parts to `width`.
fn meds_lines(t: Theme, d: &TodayData, width: u16) -> Vec<Line<'static>> {
    // Doses from two synced computers over a max together come first (issue 24).
    let synced = d.over_max_after_sync.iter().flat_map(|o| {
        pack(&crate::sync::meds::line_parts(o), " ", width as usize)
            .into_iter()
            .map(move |row| Line::from(Span::styled(row, t.error())))
    });
    synced
        .chain(d.stats.meds.today.iter().flat_map(|m| {
            let style = if m.over_max {
                t.error()
            } else {
                ratatui::style::Style::new()
            };
            // "!" marks a total over the max in words too, not by colour alone (NO_COLOR).
            let mark = if m.over_max { "! " } else { "" };
            let mut parts = vec![format!(
                "{mark}{} {}",
                text::amount(m.total, &m.unit),
                m.medication
            )];
            parts.extend(
                m.max_daily
                    .map(|x| format!("of max {}", text::amount(x, &m.unit))),
            );
            parts.push(format!("({}×)", m.doses));
            // A narrow panel wraps between parts, never inside "of max 3000 mg".
            pack(&parts, " ", width as usize)
                .into_iter()
                .map(move |row| Line::from(Span::styled(row, style)))
        }))
        .collect()
}

fn activity_panel(app: &App, d: &TodayData, area: Rect, buf: &mut Buffer) {
    let t = app.theme;
    let b = block(t, "Last activity");
    let inner = b.inner(area);
    b.render(area, buf);
    let Some(a) = &d.last_activity else {
        Line::from(Span::styled("No activities logged yet.", t.dim())).render(inner, buf);
        return;
    };
    let ago = (app.today - a.date()).num_days();
    let when = match ago {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        n => format!("{n} days ago"),
    };
    let first = format!(
        "{} {} · {when}",
        a.kind_name(),
        format_duration(a.elapsed_s)
    );
    let mut second: Vec<String> = Vec::new();
    if let Some(tss) = a.tss {
        // `~` marks an estimate (from HR or RPE), as on Training and in `list`.
        let est = text::tss_is_estimate(a.load_source);
        second.push(format!("TSS {}", text::tss(tss, est)));
    }
    let pains: Vec<String> = [
        ("before", a.pain_before),
        ("during", a.pain_during),
        ("after", a.pain_after),
    ]
    .iter()
    .filter_map(|(n, p)| p.map(|p| format!("{n} {p}")))
    .collect();
    if !pains.is_empty() {
        second.push(format!("pain {}", pains.join(", ")));
    }
    if a.stopped_for_pain {
        second.push("stopped for pain".into());
    }
    let l = &d.stats.load;
    // TSB is the form coming into today: yesterday's CTL − ATL, so it is not today's
    // CTL minus today's ATL; the line says so.
    let text = vec![
        Line::from(first),
        Line::from(second.join(" · ")),
        Line::from(format!("CTL {:.0} · ATL {:.0} (today)", l.ctl, l.atl)),
        Line::from(format!("TSB {:+.0} = yesterday's CTL − ATL", l.tsb)),
    ];
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}

fn rehab_panel(t: Theme, d: &TodayData, area: Rect, buf: &mut Buffer) {
    let b = block(t, "Rehab this week");
    let inner = b.inner(area);
    b.render(area, buf);
    let (done, target) = (d.stats.rehab.week_sessions, d.stats.rehab.week_target);
    let text = match target {
        Some(target) if target > 0 => {
            let pct = crate::analysis::rehab::percent(done, target);
            // Sessions of another programme or of none count apart, as on Training.
            let other = match d.stats.rehab.week_other_sessions {
                0 => String::new(),
                n => format!(" + {n} other"),
            };
            format!(
                "{done} of {} ({pct}%){other}",
                text::plural(target, "session", "sessions")
            )
        }
        _ => format!(
            "{}; no programme this week",
            text::plural(done, "session", "sessions")
        ),
    };
    Line::from(text).render(inner, buf);
}
