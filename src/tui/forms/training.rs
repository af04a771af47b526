//! The activity form: every field of SPEC §4.2, typed as on the CLI, with the TSS recomputed
//! live from the FTP/LTHR in force on its date.

use chrono::NaiveDate;

use super::{EntryForm, FormKind, number, show};
use crate::analysis::tss::{Thresholds, load_with};
use crate::domain::InputError;
use crate::domain::limits::{PAIN, RPE};
use crate::domain::parse::format_duration;
use crate::domain::records::{Activity, DatedSetting};
use crate::domain::text::{Quantity, Units, typed_in_form};
use crate::domain::vocab::LoadSource;
use crate::domain::vocab::{ActivityKind, Intensity};
use crate::ops::activity::{ActivityDraft, build_activity};
use crate::tui::forms::fields::{Entry, EntryField};

/// An optional pain field, typed 0–10 as on the CLI.
pub(super) fn pain(key: &'static str, label: &str, v: Option<u8>) -> EntryField {
    EntryField::text(key, label, &show(v), PAIN.range())
}

/// The add (or edit) activity form; `own` are the journal's kinds of the person's own
/// (`yoga`), offered after the built-in ones.
pub fn activity_form(
    editing: Option<Activity>,
    settings: Vec<DatedSetting>,
    own: Vec<String>,
) -> EntryForm {
    let a = editing.as_ref();
    let mut fields = when_fields(a, &kind_names(a, &own));
    fields.extend(figure_fields(a));
    fields.extend(pain_fields(a));
    // The FTP field is offered only while no FTP was ever set.
    if settings.iter().any(|s| s.key == "ftp_w") {
        fields.retain(|f| f.key != SET_FTP);
    }
    let title = match a {
        Some(a) => format!("Activity a{} (editing)", a.id),
        None => "New activity".into(),
    };
    let mut entry = Entry::new(title, fields);
    // The duration is what a new entry needs first; the kind defaults to a ride.
    if editing.is_none() {
        entry.focus = 3;
    }
    EntryForm {
        kind: FormKind::Activity {
            editing,
            settings,
            confirmed: false,
        },
        entry,
    }
}

/// The kinds offered: the built-in ones, then the person's own (`yoga`).
fn kind_names<'a>(a: Option<&'a Activity>, own: &'a [String]) -> Vec<&'a str> {
    let mut kinds: Vec<&str> = ActivityKind::ALL.iter().map(|k| k.as_str()).collect();
    // The activity's own kind stays one when it is edited here, also if it is the only one.
    let editing_own = a.and_then(|a| a.sport.as_deref());
    for k in own.iter().map(String::as_str).chain(editing_own) {
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    kinds
}

/// A figure to one decimal, or empty.
fn tenths(v: Option<f64>) -> String {
    show(v.map(|x| (x * 10.0).round() / 10.0))
}

/// What and when: kind, date, start, duration, moving time.
fn when_fields(a: Option<&Activity>, kinds: &[&str]) -> Vec<EntryField> {
    vec![
        EntryField::choice("kind", "Kind", kinds, a.map_or("ride", |a| a.kind_name())),
        EntryField::text(
            "date",
            "Date",
            &a.map_or("today".into(), |a| a.date().to_string()),
            "today, -1, mon, MM-DD",
        ),
        EntryField::text(
            "start",
            "Start",
            &show(a.map(|a| a.start.format("%H:%M"))),
            "HH:MM (noon if empty)",
        ),
        EntryField::text(
            "duration",
            "Duration",
            &show(a.map(|a| format_duration(a.elapsed_s))),
            "1h30m, 90m, 1:30 (required)",
        ),
        EntryField::text(
            "moving",
            "Moving",
            &show(a.and_then(|a| a.moving_s).map(format_duration)),
            "e.g. 1h20m",
        ),
    ]
}

/// The figures: distance, ascent, power (and the FTP offer), heart rate, effort, TSS.
fn figure_fields(a: Option<&Activity>) -> Vec<EntryField> {
    let mut intensities = vec!["–"];
    intensities.extend(Intensity::ALL.iter().map(|k| k.as_str()));
    let manual = a.filter(|a| a.load_source == Some(LoadSource::Manual));
    vec![
        EntryField::text(
            "distance",
            "Distance",
            &show(
                a.and_then(|a| a.distance_m)
                    .map(crate::domain::text::distance_input),
            ),
            hint_for(Quantity::Distance),
        ),
        EntryField::text(
            "ascent",
            "Ascent",
            &show(
                a.and_then(|a| a.ascent_m)
                    .map(crate::domain::text::elevation_input),
            ),
            hint_for(Quantity::Height),
        ),
        EntryField::text(
            "power",
            "Avg power",
            &tenths(a.and_then(|a| a.avg_power_w)),
            "W",
        ),
        EntryField::text(
            "np",
            "NP",
            &tenths(a.and_then(|a| a.normalized_power_w)),
            "W",
        ),
        EntryField::text(SET_FTP, "Your FTP", "", "none yet (W): TSS from power"),
        EntryField::text("hr", "Avg HR", &tenths(a.and_then(|a| a.avg_hr)), "bpm"),
        EntryField::text("max_hr", "Max HR", &tenths(a.and_then(|a| a.max_hr)), "bpm"),
        EntryField::text("rpe", "RPE", &show(a.and_then(|a| a.rpe)), RPE.range()),
        EntryField::choice(
            "intensity",
            "Intensity",
            &intensities,
            a.and_then(|a| a.intensity).map_or("–", |i| i.as_str()),
        ),
        EntryField::text(
            "tss",
            "TSS",
            &tenths(manual.and_then(|a| a.tss)),
            "computed if empty",
        ),
    ]
}

/// Pain before, during and after, whether it stopped for pain, the bike and the note.
fn pain_fields(a: Option<&Activity>) -> Vec<EntryField> {
    vec![
        pain("pain_before", "Pain before", a.and_then(|x| x.pain_before)),
        pain("pain_during", "Pain during", a.and_then(|x| x.pain_during)),
        pain("pain_after", "Pain after", a.and_then(|x| x.pain_after)),
        EntryField::flag(
            "stopped",
            "Stopped for pain",
            a.is_some_and(|a| a.stopped_for_pain),
        ),
        EntryField::text("bike", "Bike", &show(a.and_then(|a| a.bike.clone())), ""),
        EntryField::note("note", &show(a.and_then(|a| a.note.clone()))),
    ]
}

/// The activity form's offer of an FTP, while none is set: saved with the activity (from its
/// date), so a ride with power gets its TSS at once.
pub const SET_FTP: &str = "set_ftp";

/// The FTP typed in the form's offer, as a setting from the first day, so the preview
/// computes TSS with it.
fn with_typed_ftp(e: &Entry, settings: &[DatedSetting]) -> Vec<DatedSetting> {
    let mut all = settings.to_vec();
    if let Some(v) = e.opt(SET_FTP).and_then(|s| s.trim().parse::<f64>().ok()) {
        all.push(DatedSetting {
            key: "ftp_w".into(),
            from: NaiveDate::MIN,
            value: v,
        });
    }
    all
}

/// The value of a dated setting in force on `date`.
pub fn dated(settings: &[DatedSetting], key: &str, date: NaiveDate) -> Option<f64> {
    settings
        .iter()
        .filter(|s| s.key == key && s.from <= date)
        .max_by_key(|s| s.from)
        .map(|s| s.value)
}

/// The hint beside a measured field: a bare number is in the display unit there.
fn hint_for(q: Quantity) -> &'static str {
    match (crate::domain::text::units(), q) {
        (Units::Metric, Quantity::Distance) => "e.g. 42km, 26mi",
        (Units::Metric, _) => "e.g. 800m, 2600ft",
        (Units::Imperial, Quantity::Distance) => "miles: 26, or 42km",
        (Units::Imperial, _) => "feet: 2600, or 800m",
    }
}

/// The activity the form's text stands for, as the draft `ops` validates and stores.
pub fn activity_draft(e: &Entry) -> Result<ActivityDraft, InputError> {
    let intensity = e.opt("intensity").filter(|s| s != "–");
    Ok(ActivityDraft {
        kind: e.text("kind"),
        duration: e.text("duration"),
        date: e.opt("date"),
        start: e.opt("start"),
        moving: e.opt("moving"),
        distance: e
            .opt("distance")
            .map(|t| typed_in_form(&t, Quantity::Distance)),
        ascent: e.opt("ascent").map(|t| typed_in_form(&t, Quantity::Height)),
        power: number(e, "power", "power")?,
        np: number(e, "np", "np")?,
        hr: number(e, "hr", "hr")?,
        max_hr: number(e, "max_hr", "max_hr")?,
        rpe: e.opt("rpe"),
        tss: number(e, "tss", "tss")?,
        intensity,
        pain_before: e.opt("pain_before"),
        pain_during: e.opt("pain_during"),
        pain_after: e.opt("pain_after"),
        stopped_for_pain: e.flag("stopped"),
        bike: e.opt("bike"),
        note: e.opt("note"),
        force: false,
    })
}

/// The validated activity with its TSS from the settings in force on its date, for the live
/// preview (saving goes through `ops::activity`, which reads the same settings).
pub fn activity_preview(
    e: &Entry,
    settings: &[DatedSetting],
    today: NaiveDate,
) -> Result<Activity, InputError> {
    let mut a = build_activity(
        &activity_draft(e)?,
        today,
        crate::domain::clock::now_local(),
    )?;
    let settings = &with_typed_ftp(e, settings)[..];
    let day = a.date();
    let t = Thresholds {
        ftp_w: dated(settings, "ftp_w", day),
        run_ftp_w: dated(settings, "run_ftp_w", day),
        lthr_bpm: dated(settings, "lthr_bpm", day),
        run_lthr_bpm: dated(settings, "run_lthr_bpm", day),
    };
    load_with(&mut a, &t);
    Ok(a)
}

/// "TSS ~54 (estimate from rpe)", recomputed from the input as it changes.
pub fn tss_preview(e: &Entry, settings: &[DatedSetting], today: NaiveDate) -> String {
    let a = match activity_preview(e, settings, today) {
        Ok(a) => a,
        Err(err) => return format!("TSS – (waiting for a valid {})", e.name_of(&err.field)),
    };
    let settings = &with_typed_ftp(e, settings)[..];
    let ftp = dated(settings, "ftp_w", a.date())
        .map(|v| format!("FTP {v} W"))
        .unwrap_or_else(|| "no FTP set".into());
    let lthr = dated(settings, "lthr_bpm", a.date())
        .map(|v| format!("LTHR {v}"))
        .unwrap_or_else(|| "no LTHR set".into());
    let tss = match (a.tss, a.load_source) {
        (Some(t), Some(src)) if src.is_estimate() => format!("TSS ~{t:.0} (estimate from {src})"),
        (Some(t), Some(src)) => format!("TSS {t:.0} ({src})"),
        _ => "TSS – (needs power, HR, RPE or a TSS)".into(),
    };
    let power = a.normalized_power_w.or(a.avg_power_w).is_some();
    if power && dated(settings, "ftp_w", a.date()).is_none() {
        // Power without an FTP gives no TSS from power: point at what fixes it.
        let fix = if e.entry_has(SET_FTP) {
            "type yours in \"Your FTP\""
        } else {
            "S (Settings) sets one"
        };
        return format!("{tss} · no FTP on this date: {fix} for TSS from power");
    }
    format!("{tss} · {ftp} · {lthr}")
}
