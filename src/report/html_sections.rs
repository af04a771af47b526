//! The report's later sections: medication, training and rehab, the patterns (associations
//! with their n and the analysis' own wording), the patient's criteria, notes and the footer.

use maud::{Markup, PreEscaped, html};

use super::data::ReportData;
use super::figures::{Figures, NoteEntry};
use super::html::{date, f1, fig, signed, stat};
use crate::analysis::stats::{most_notable, sentences};

/// Weekly rows are listed up to this many weeks; a longer period shows the chart only.
pub const TABLE_WEEKS: usize = 16;

pub fn medication(r: &ReportData, f: &Figures) -> Markup {
    let m = &r.stats.meds;
    html! {
        section #medication {
            h2 { "Medication" }
            @if f.meds.medications.is_empty() {
                p { "No doses logged in the period." }
            } @else {
                table {
                    thead { tr {
                        th { "Medication" } th { "Class" } th.n { "Days used" } th.n { "Doses" }
                        th.n { "Doses a day: median" } th.n { "max" } th.n { "Max daily total" } th.n { "Days over max" }
                    } }
                    tbody {
                        @for (i, u) in f.meds.medications.iter().enumerate() {
                            tr {
                                td { (u.medication) } td { (u.class) }
                                td.n { (fig(&format!("meds.medications.{i}.days_used"), u.days_used.to_string())) }
                                td.n { (u.doses) }
                                td.n { (fig(&format!("meds.medications.{i}.doses_per_day_median"), format!("{}", u.doses_per_day_median))) }
                                td.n { (fig(&format!("meds.medications.{i}.doses_per_day_max"), u.doses_per_day_max.to_string())) }
                                td.n { (u.max_daily.map_or("—".to_string(), |x| format!("{x} {}", u.unit))) }
                                td.n { (fig(&format!("meds.medications.{i}.days_over_max"), u.days_over_max.to_string())) }
                            }
                        }
                    }
                }
            }
            h3 { "Safety counters on " (date(r.to)) }
            div.facts {
                div { "Opioid days, last 7: " (stat("meds.opioid_days_7", m.opioid_days_7.to_string())) }
                div { "Opioid days, last 30: " (stat("meds.opioid_days_30", m.opioid_days_30.to_string())) }
                div { "Current opioid run: " (stat("meds.opioid_streak", m.opioid_streak.to_string())) " d" }
                div { "Current NSAID run: " (stat("meds.nsaid_streak", m.nsaid_streak.to_string())) " d" }
            }
            @for flag in &m.flags { p { span.mark { "flag" } " " (flag) } }
        }
    }
}

pub fn training(r: &ReportData, f: &Figures, chart: Markup) -> Markup {
    let t = &f.training;
    let rh = &r.stats.rehab;
    let sample = |inner: &str| {
        PreEscaped(format!(
            r#"<svg viewBox="0 0 36 12" aria-hidden="true">{inner}</svg>"#
        ))
    };
    html! {
        section #training {
            h2 { "Training and rehab" }
            figure { (chart) }
            div.legend {
                span { (sample(r##"<rect x="6" y="1" width="24" height="10" fill="#e1e1e1" stroke="black"/>"##)) "TSS per week (left axis)" }
                span { (sample(r#"<line x1="2" y1="6" x2="34" y2="6" stroke="black" stroke-width="2"/><rect x="14" y="2" width="8" height="8"/>"#)) "hours per week (right axis)" }
                @if t.weeks.iter().any(|w| w.days < 7) { span { "open bar or mark: a week only partly in the period" } }
            }
            table.kv {
                tbody {
                    tr {
                        th { "Training in the period" }
                        td { (fig("training.hours", format!("{:.1}", t.hours))) " h in " (fig("training.sessions", t.sessions.to_string())) " sessions, " (fig("training.tss", format!("{:.0}", t.tss))) " TSS; stopped for pain: " (fig("training.stopped_for_pain.len", t.stopped_for_pain.len().to_string())) }
                        th { "On " (date(r.to)) }
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
                                td { (date(w.week)) @if w.days < 7 { span.muted { " (" (w.days) (if w.days == 1 { " day" } else { " days" }) " in the period)" } } }
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
                        (date(s.date)) " " (s.kind) " " (s.minutes) " min"
                        @if let Some(p) = s.pain_during { ", pain during " (p) }
                    }
                }
            }
        }
    }
}

/// Sentences of associations whose groups were too small to compare: listed apart, briefly.
fn thin(r: &ReportData) -> Vec<String> {
    let st = &r.stats;
    let mut out: Vec<String> = st
        .load_pain
        .iter()
        .filter(|l| l.spearman.is_none())
        .map(|l| l.verdict.sentence.clone())
        .collect();
    let h = &st.hard_vs_rest;
    if h.hard_delta.is_none() || h.rest_delta.is_none() {
        out.push(h.verdict.sentence.clone());
    }
    let p = &st.push_through;
    if p.pushed_delta.is_none() || p.easy_delta.is_none() {
        out.push(p.verdict.sentence.clone());
    }
    if st.sleep.spearman.is_none() {
        out.push(st.sleep.verdict.sentence.clone());
    }
    out.extend(
        st.sitting
            .iter()
            .filter(|s| s.spearman.is_none())
            .map(|s| s.verdict.sentence.clone()),
    );
    out
}

pub fn patterns(r: &ReportData) -> Markup {
    let thin = thin(r);
    let all = sentences(&r.stats);
    let (weak, shown): (Vec<&String>, Vec<&String>) = all.iter().partition(|s| thin.contains(s));
    let notable = most_notable(&r.stats);
    html! {
        section #patterns {
            h2 { "Patterns in this journal — not causes" }
            p.muted.small { "Associations between what the patient logged from " (date(r.from)) " to " (date(r.to))
                ", each with the number of days or sessions it rests on. They describe this journal; they do not show what causes the pain." }
            @if shown.is_empty() {
                p { "Not enough data in the period for any comparison." }
            } @else {
                ul.patterns {
                    @for s in &shown {
                        li { @if notable.as_deref() == Some(s.as_str()) { strong { (s) } " " span.mark { "most notable" } } @else { (s) } }
                    }
                }
            }
            @if notable.is_none() {
                p.small { (crate::analysis::stats::notable_text(&r.stats)) }
            }
            p.muted.small { (crate::analysis::stats_text::chance_note(&r.stats)) }
            @if !weak.is_empty() {
                p.muted.small { "Not enough data: " @for (i, s) in weak.iter().enumerate() { @if i > 0 { " " } (s) } }
            }
        }
    }
}

pub fn criteria(r: &ReportData) -> Markup {
    let c = &r.stats.criteria;
    html! {
        section.criteria #criteria {
            h2 { "The patient's own return-to-training criteria" }
            p.muted.small { "Rules the patient wrote, checked against the journal on " (date(r.to)) ". They are the patient's criteria, not advice." }
            @if c.is_empty() {
                p { "None set." }
            } @else {
                table {
                    thead { tr { th { "Criterion" } th { "Figure on " (date(r.to)) } th.n { "Value" } th { "Result" } } }
                    tbody {
                        @for (i, x) in c.iter().enumerate() {
                            tr {
                                td { (x.label) }
                                td { (x.detail) }
                                td.n { (stat(&format!("criteria.{i}.value"), x.value.map_or("—".to_string(), |v| signed_if(&x.rule, v)))) }
                                td { @if x.met { span.met { (stat(&format!("criteria.{i}.met"), "met")) } } @else if x.value.is_none() { span.muted { (x.verdict()) } } @else { span.notmet { (stat(&format!("criteria.{i}.met"), "not met")) } } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Next-day changes print with their sign ("+1.0"); levels without.
fn signed_if(rule: &str, v: f64) -> String {
    if rule.starts_with("hard-next-day") || v < 0.0 {
        signed(v)
    } else {
        f1(Some(v))
    }
}

pub fn notes(list: &[NoteEntry]) -> Markup {
    html! {
        section.flow #notes {
            h2 { "Notes of flare days and events" }
            @if list.is_empty() {
                p { "No notes on flare days and no events in the period." }
            } @else {
                table {
                    thead { tr { th { "Date" } th { "What" } th { "Note" } } }
                    tbody {
                        @for n in list {
                            tr { td { (date(n.date)) } td { (n.what) } td style="white-space: pre-wrap" { (n.text) } }
                        }
                    }
                }
            }
        }
    }
}

pub fn footer(r: &ReportData) -> Markup {
    html! {
        footer {
            p { "Every figure comes from the patient's own entries, computed as "
                code { "backtrack stats --since " (date(r.from)) } " computes them as of " (date(r.to))
                ". Pain is the 0–10 numeric rating scale; a day without a check-in is missing, never zero. "
                "backtrack shows facts from the journal; it does not diagnose or recommend treatment." }
        }
    }
}
