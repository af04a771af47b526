//! The training half of the report: the load chart's key, the rides grouped by the pain
//! during them with the push-through figure only as adjusted, a plain key to CTL, ATL, TSB
//! and TSS, the weekly table, and the before and after of each event.

use maud::{Markup, PreEscaped, html};

use super::figures::Figures;
use super::html::{dm, fig, stat};
use super::html_sections::TABLE_WEEKS;
use super::words::{count, plain};
use crate::views::report::ReportData;

fn sample(inner: &str) -> Markup {
    PreEscaped(format!(
        r#"<svg viewBox="0 0 36 12" aria-hidden="true">{inner}</svg>"#
    ))
}

pub fn load_legend(f: &Figures) -> Markup {
    html! {
        @if f.training.sessions > 0 {
            div.legend {
                span { (sample(r##"<rect x="6" y="1" width="24" height="10" fill="#e1e1e1" stroke="black"/>"##)) "TSS per week (left axis)" }
                span { (sample(r#"<line x1="2" y1="6" x2="34" y2="6" stroke="black" stroke-width="2"/><rect x="14" y="2" width="8" height="8"/>"#)) "hours per week (right axis)" }
                @if f.training.weeks.iter().any(|w| w.days < 7) { span { "open bar or mark: a week only partly in the period" } }
            }
        }
    }
}

/// Rides by the pain during them, then the push-through association only with what it
/// allows for (its sentence, chance words included), never the raw differences.
pub fn ride_pain(r: &ReportData, f: &Figures) -> Markup {
    let rp = &f.ride_pain;
    let rides: u32 = rp.bands.iter().map(|b| b.rides).sum();
    let pt = &r.stats.push_through;
    html! {
        @if rides > 0 {
            p.small #ride-pain { "Rides in the period: " (count(rides, "ride", "rides")) ". By pain during the ride: "
                @for (i, b) in rp.bands.iter().enumerate().filter(|(_, b)| b.rides > 0) {
                    @if i > 0 { "; " }
                    (b.pain_during) " — " (fig(&format!("ride_pain.bands.{i}.rides"), b.rides.to_string()))
                    ", stopped for pain " (fig(&format!("ride_pain.bands.{i}.stopped_for_pain"), b.stopped_for_pain.to_string()))
                }
                "."
                @if let (Some(b), Some(d), Some(a)) = (rp.mean_before, rp.mean_during, rp.mean_after) {
                    " Mean pain before, during and after, over the " (count(rp.rides_with_all_three, "ride", "rides"))
                    " with all three logged: " (format!("{b:.1}, {d:.1}, {a:.1}")) "."
                }
            }
            @if pt.adjusted.is_some() {
                p.small #push-through { "Pushing through: " (pt.verdict.sentence) }
            }
        }
    }
}

/// CTL, ATL, TSB and TSS in plain words.
fn key() -> Markup {
    html! {
        p.small.key { strong { "Key. " }
            "TSS (training stress score): one session's load, 100 ≈ one hour at the rider's threshold. "
            "CTL (fitness): the 42-day weighted mean of daily TSS. "
            "ATL (fatigue): the 7-day weighted mean. "
            "TSB (form) = CTL − ATL of the day before, so it leaves out the last day's training and does not equal today's CTL − ATL. "
            "Negative TSB means recent load above the usual." }
    }
}

/// Each event's before and after as `stats` words it (windows, the change expected and
/// whether it could be chance, never cut).
pub fn before_after(r: &ReportData) -> Markup {
    let ev: Vec<_> = r
        .stats
        .events
        .iter()
        .filter(|e| e.date >= r.from && e.date <= r.to)
        .collect();
    html! {
        @if !ev.is_empty() {
            section #before-after {
                h2 { "Before and after events" }
                p.muted.small { "Mean pain in the weeks before and after each bike fit, injection, procedure, equipment change, other event and programme start. These events are judged among themselves; none is a headline." }
                ul.patterns {
                    @for e in ev { li { (e.verdict.sentence) } }
                }
            }
        }
    }
}

pub fn training(r: &ReportData, f: &Figures) -> Markup {
    let t = &f.training;
    let rh = &r.stats.rehab;
    html! {
        section #training {
            h2 { "Training and rehab in detail" }
            (key())
            table.kv {
                tbody {
                    tr {
                        th { "Training in the period" }
                        td { (fig("training.hours", format!("{:.1}", t.hours))) " h in " (fig("training.sessions", t.sessions.to_string())) (if t.sessions == 1 { " session, " } else { " sessions, " }) (fig("training.tss", format!("{:.0}", t.tss))) " TSS; stopped for pain: " (fig("training.stopped_for_pain.len", t.stopped_for_pain.len().to_string())) }
                        th { "On " (dm(r.to)) " (from the days before)" }
                        td { "fitness (CTL) " (stat("load.ctl", format!("{:.1}", t.ctl))) ", fatigue (ATL) " (stat("load.atl", format!("{:.1}", t.atl))) ", form (TSB) " (stat("load.tsb", format!("{:.1}", t.tsb))) }
                    }
                    tr {
                        th { "Rehab in the period" }
                        td { (fig("training.rehab_per_week", format!("{:.1}", t.rehab_per_week))) " sessions a week"
                            @if let Some(x) = t.rehab_target_per_week { ", programme target " (fig("training.rehab_target_per_week", format!("{x:.1}"))) } @else { " (no programme)" } }
                        th { "Rehab, latest weeks" }
                        td { "this week " (stat("rehab.week_sessions", rh.week_sessions.to_string()))
                            @if let Some(x) = rh.week_target { " of " (stat("rehab.week_target", x.to_string())) }
                            "; last 4 weeks " (stat("rehab.adherence_4w", rh.adherence_4w.map_or("—".into(), |a| format!("{:.0}%", a * 100.0)))) " of target" }
                    }
                }
            }
            @if t.weeks.len() <= TABLE_WEEKS {
                table {
                    thead { tr { th { "Week of" } th.n { "Hours" } th.n { "TSS" } th.n { "Sessions" } th.n { "Stopped for pain" } th.n { "Rehab done / target" } } }
                    tbody {
                        @for w in &t.weeks {
                            tr {
                                td { (dm(w.week)) @if w.days < 7 { span.muted { " (" (w.days) (if w.days == 1 { " day" } else { " days" }) " in the period)" } } }
                                td.n { (format!("{:.1}", w.hours)) }
                                td.n { (format!("{:.0}", w.tss)) }
                                td.n { (w.sessions) }
                                td.n { (w.stopped_for_pain) }
                                td.n { (w.rehab_sessions) " / " (w.rehab_target.map_or("—".to_string(), |x| x.to_string())) }
                            }
                        }
                    }
                }
            } @else {
                p.muted.small { "The weekly table is listed for periods up to " (TABLE_WEEKS) " weeks; the chart covers every week." }
            }
            @if !t.stopped_for_pain.is_empty() {
                p.small { "Sessions stopped for pain: "
                    @for (i, s) in t.stopped_for_pain.iter().enumerate() {
                        @if i > 0 { "; " }
                        (dm(s.date)) " " (plain(&s.kind)) " " (s.minutes) " min"
                        @if let Some(p) = s.pain_during { ", pain during " (p) }
                    }
                }
            }
        }
    }
}
