//! The report's section for the return to training (SPEC §14): leg pain's figures, each
//! outcome score's first, latest and change (called meaningful only where `stats` says so),
//! and the return plan's weeks, planned against done with each week's decision and reason.
//! Every figure is read from `stats` (`leg`, `scores`) or the plan view, never recomputed.

use maud::{Markup, PreEscaped, html};

use super::figures::Figures;
use super::html::{dm, fig, signed, stat};
use crate::analysis::leg::LegStats;
use crate::analysis::scores::{ScoreSummary, value_text};
use crate::domain::scores::Instrument;
use crate::views::plan::PlanView;

/// The whole section; nothing when the journal has no leg pain, scores or plan, so a report
/// without them reads as before. `charts` are the instruments' SVGs (`charts_scores`).
pub fn outcomes(f: &Figures, charts: &[(Instrument, String)]) -> Markup {
    let has_leg = f.leg.days_logged > 0 || f.leg.latest.is_some();
    html! {
        @if has_leg || !f.scores.is_empty() || f.plan.is_some() {
            section.flow #outcomes {
                h2 { "Leg pain, outcome scores and the return plan" }
                @if has_leg { (leg(&f.leg)) }
                @if !f.scores.is_empty() { (scores(&f.scores)) }
                @for (_, svg) in charts { figure.score { (PreEscaped(svg)) } }
                @if let Some(p) = &f.plan { (plan(p)) }
            }
        }
    }
}

/// A figure of `stats`, or a dash (what `stats --json` has as null).
fn opt_stat(key: &str, v: Option<f64>) -> Markup {
    stat(key, v.map_or_else(|| "—".to_string(), value_text))
}

fn leg(l: &LegStats) -> Markup {
    html! {
        p #leg { "Leg pain (0–10, the worse leg): latest " (opt_stat("leg.latest", l.latest))
            ", 7-day mean " (opt_stat("leg.mean7", l.mean7))
            "; above back pain on " (stat("leg.days_above_back", l.days_above_back.to_string()))
            " of " (stat("leg.days_logged", l.days_logged.to_string())) " days with leg pain logged." }
    }
}

/// The change in words: "a meaningful change" only where `stats` marks it so.
fn verdict(meaningful: Option<bool>, mic: Option<f64>) -> Markup {
    html! {
        @match (meaningful, mic) {
            (Some(true), Some(m)) => { " " span.mark { "a meaningful change" } span.muted { " (≥ " (value_text(m)) " points)" } }
            (Some(false), Some(m)) => span.muted { " below the minimal important change of " (value_text(m)) },
            _ => span.muted { " (no minimal important change cited)" },
        }
    }
}

fn scores(list: &[ScoreSummary]) -> Markup {
    html! {
        table #scores {
            caption { "Outcome scores: the totals scored on the clinic's forms" }
            thead { tr { th { "Instrument" } th { "First" } th { "Latest" } th { "Change from the first" } } }
            tbody {
                @for (i, s) in list.iter().enumerate() {
                    tr {
                        td { (s.instrument.title()) " (" (s.instrument.as_str()) ")" }
                        @match (&s.first, &s.latest) {
                            (Some(first), Some(latest)) => {
                                td { (stat(&format!("scores.{i}.first.value"), value_text(first.value))) " on " (dm(first.date)) }
                                td { (stat(&format!("scores.{i}.latest.value"), value_text(latest.value))) " on " (dm(latest.date))
                                    @if let Some(r) = latest.risk { span.muted { " (" (r.as_str()) " risk by the published rule)" } } }
                                td {
                                    @match s.change_from_first {
                                        Some(c) => { (stat(&format!("scores.{i}.change_from_first"), signed(c))) (verdict(s.meaningful_from_first, s.mic)) },
                                        None => span.muted { "one score" },
                                    }
                                }
                            }
                            _ => td colspan="3" { span.muted { "no score in the period" } },
                        }
                    }
                }
            }
        }
    }
}

fn plan(v: &PlanView) -> Markup {
    let p = &v.plan;
    let u = v.unit();
    html! {
        table #plan {
            caption { "Return plan \"" (p.name) "\" from " (dm(p.start_date))
                @if let Some(s) = p.stopped_on { ", stopped " (dm(s)) }
                ": week 1 " (u.show(p.target)) ", ramp " ((p.ramp * 100.0).round()) " %; the user's rule, applied each Sunday" }
            thead { tr { th { "Week" } th { "From" } th { "Planned" } th { "Done" } th { "Decision at the week's end" } } }
            tbody {
                @for (i, w) in v.weeks.iter().enumerate() {
                    tr {
                        td { (w.week) }
                        td { (dm(w.monday)) }
                        td { (fig(&format!("plan.weeks.{i}.target"), value_text(u.round(w.target)))) }
                        td { (fig(&format!("plan.weeks.{i}.done"), value_text(u.round(w.done)))) }
                        td {
                            @match &w.reason {
                                Some(r) => (fig(&format!("plan.weeks.{i}.reason"), r.clone())),
                                None => span.muted { "under way" },
                            }
                        }
                    }
                }
            }
        }
    }
}
