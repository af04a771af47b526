//! The report's later sections: the medication table, the patterns (associations with their n
//! and the analysis' own wording), the patient's criteria, the notes and the method line.

use maud::{Markup, html};

use super::figures::{Figures, NoteEntry};
use super::html::{dm, f1, fig, signed, stat};
use super::med_safety::amount;
use super::words::med_class;
use crate::analysis::stats::{most_notable, sentences};
use crate::views::report::ReportData;

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
                        th { "Medication and regimen" } th.n { "Days used" } th.n { "Doses a day: median / max" }
                        th.n { "Daily limit" } th.n { "Most taken in a day" } th.n { "Mean a day on days used" } th.n { "Days over the limit" }
                    } }
                    tbody {
                        @for (i, u) in f.meds.medications.iter().enumerate() {
                            tr {
                                td { strong { (u.medication) } @if !u.medication.eq_ignore_ascii_case(&u.class) { " (" (med_class(&u.class)) ")" }
                                    @if let Some(rg) = &u.regimen { br; span.muted { (rg) } } }
                                td.n { (fig(&format!("meds.medications.{i}.days_used"), u.days_used.to_string())) }
                                td.n { (fig(&format!("meds.medications.{i}.doses_per_day_median"), format!("{}", u.doses_per_day_median)))
                                    " / " (fig(&format!("meds.medications.{i}.doses_per_day_max"), u.doses_per_day_max.to_string())) }
                                td.n { (u.max_daily.map_or("none set".to_string(), |x| format!("{} {}", amount(x), u.unit))) }
                                td.n { (fig(&format!("meds.medications.{i}.most_in_a_day"), amount(u.most_in_a_day))) " " (u.unit)
                                    br; span.muted.small { (dm(u.most_in_a_day_date)) } }
                                td.n { (fig(&format!("meds.medications.{i}.mean_per_day_used"), format!("{:.1}", u.mean_per_day_used))) " " (u.unit) }
                                td.n { (fig(&format!("meds.medications.{i}.days_over_max"), u.days_over_max.to_string())) }
                            }
                        }
                    }
                }
                @if !f.meds.over_max_days.is_empty() {
                    p.small #over-limit { strong { "Every day over a daily limit: " }
                        @for (i, o) in f.meds.over_max_days.iter().enumerate() {
                            @if i > 0 { "; " }
                            (dm(o.date)) " " (o.medication) " " strong { (amount(o.amount)) " " (o.unit) } " (limit " (amount(o.limit)) ")"
                        } "." }
                }
                @if !f.meds.runs.is_empty() {
                    p.small #runs { strong { "NSAID and opioid runs of two days or more: " }
                        @for (i, x) in f.meds.runs.iter().enumerate() {
                            @if i > 0 { "; " }
                            (med_class(&x.class)) " " (x.days) " days " (dm(x.from)) " to " (dm(x.to))
                            @if x.flagged { " " span.mark { "past the alert of " (x.threshold) } }
                        } "." }
                }
            }
            h3 { "Safety counters on " (dm(r.to)) }
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

/// Sentences of associations whose groups were too small to compare: listed apart, briefly.
fn thin(r: &ReportData) -> Vec<String> {
    let st = &r.stats;
    let mut out: Vec<String> = st
        .load_pain
        .iter()
        .filter(|l| l.spearman.is_none())
        .map(|l| l.verdict.sentence.clone())
        .collect();
    // Judged by the adjusted figure the sentence rests on, never the raw differences.
    let h = &st.hard_vs_rest;
    if h.adjusted.is_none() {
        out.push(h.verdict.sentence.clone());
    }
    let p = &st.push_through;
    if p.adjusted.is_none() {
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
            p.muted.small { "Associations between what the patient logged from " (dm(r.from)) " to " (dm(r.to))
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
            p.muted.small { "Rules the patient wrote, checked against the journal on " (dm(r.to)) ". They are the patient's criteria, not advice." }
            @if c.is_empty() {
                p { "None set." }
            } @else {
                table {
                    thead { tr { th { "Criterion" } th { "Figure on " (dm(r.to)) } th.n { "Value" } th { "Result" } } }
                    tbody {
                        @for (i, x) in c.iter().enumerate() {
                            tr {
                                td { (x.label) }
                                td { (x.detail) }
                                td.n { (stat(&format!("criteria.{i}.value"), x.value.map_or("—".to_string(), |v| signed_if(&x.rule, v)))) }
                                td { @if x.value.is_none() { span.nodata { "not enough data" } }
                                    @else if x.met { span.met { (stat(&format!("criteria.{i}.met"), "met")) } }
                                    @else { span.notmet { (stat(&format!("criteria.{i}.met"), "not met")) } } }
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
            h2 { "Notes in the period" }
            @if list.is_empty() {
                p { "No notes in the period." }
            } @else {
                table {
                    thead { tr { th { "Date" } th { "What" } th { "Note" } } }
                    tbody {
                        @for n in list {
                            tr { td { (dm(n.date)) } td { (n.what) } td style="white-space: pre-wrap" { (n.text) } }
                        }
                    }
                }
            }
        }
    }
}

/// How the figures were made and what the report is not: under the header, so the last
/// printed page never holds only this.
pub fn method(r: &ReportData) -> Markup {
    html! {
        p.method.muted.small { "Every figure comes from the patient's own entries, computed as "
            code { "backtrack stats --since " (dm(r.from)) } " computes them as of " (dm(r.to))
            ". Pain is the 0–10 numeric rating scale; a day without a check-in is missing, never zero. "
            "backtrack shows facts from the journal; it does not diagnose or recommend treatment." }
    }
}
