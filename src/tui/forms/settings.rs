//! The Settings form (`S`): the display units, FTP, LTHR, max HR and weight (in force today; a
//! new value applies from the date typed), and the thresholds of SPEC §4.4 and §7.3. Only the
//! fields changed are stored, each through `ops::settings` as `backtrack set` does. The weight
//! shows in the display units with its suffix (`72.5kg`, `159.8lb`) and takes either; a bare
//! number is read in the units the form opened in, and refused when Units changes in the same
//! save (`165` could then mean either).

use chrono::NaiveDate;

use super::training::dated;
use super::{EntryForm, FormKind};
use crate::domain::InputError;
use crate::domain::records::DatedSetting;
use crate::domain::text::Units;
use crate::ops::settings::{SettingDraft, WEIGHT};
use crate::repo::settings::{DATED_KEYS, PLAIN_KEYS};
use crate::tui::forms::fields::{Entry, EntryField};

/// What each stored key is called in the form.
fn label(key: &str) -> &'static str {
    match key {
        UNITS => "Units",
        "ftp_w" => "FTP (W)",
        "lthr_bpm" => "LTHR (bpm)",
        "run_ftp_w" => "Run FTP (W)",
        "run_lthr_bpm" => "Run LTHR (bpm)",
        "max_hr_bpm" => "Max HR (bpm)",
        WEIGHT => "Weight",
        "nsaid_streak_days" => "NSAID days in a row",
        "opioid_days_7" => "Opioid days in 7",
        "opioid_days_30" => "Opioid days in 30",
        "opioid_streak_days" => "Opioid days in a row",
        "injections_12m" => "Injections in 12 months",
        "min_pairs" => "Days for a pattern",
        "min_group" => "Days in each group",
        "psfs_interval_days" => "PSFS every (days)",
        _ => "",
    }
}

/// The Units field's key, as `backtrack set units` names the setting.
const UNITS: &str = "units";

/// A number as the form shows it: `250`, `72.5`.
fn num(v: f64) -> String {
    let s = format!("{v:.1}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The form, each field holding the value in force today (blank when a dated one was never
/// set); `plain` holds each threshold's current value. Units shows the display units in force,
/// which the weight is shown in.
pub fn settings_form(
    history: &[DatedSetting],
    plain: &[(&'static str, String)],
    today: NaiveDate,
) -> EntryForm {
    let mut fields: Vec<EntryField> = DATED_KEYS
        .iter()
        .map(|(key, ..)| {
            let v = dated(history, key, today);
            match *key {
                WEIGHT => EntryField::text(
                    key,
                    label(key),
                    &v.map(crate::domain::text::weight_input).unwrap_or_default(),
                    "not set: e.g. 72.5kg, 160lb",
                ),
                _ => EntryField::text(key, label(key), &v.map(num).unwrap_or_default(), "not set"),
            }
        })
        .collect();
    // Empty means the rule `backtrack set` follows: today, and for a first FTP or LTHR the
    // journal's first day.
    fields.push(EntryField::text(
        "from",
        "New values from",
        "",
        "today (a first FTP/LTHR: the journal's first day), -3, YYYY-MM-DD",
    ));
    fields.push(EntryField::choice(
        UNITS,
        label(UNITS),
        &[Units::Metric.as_str(), Units::Imperial.as_str()],
        crate::domain::text::units().as_str(),
    ));
    fields.extend(
        plain
            .iter()
            .map(|(key, v)| EntryField::text(key, label(key), v, "a number")),
    );
    let initial = fields.iter().map(|f| (f.key, f.value())).collect();
    EntryForm {
        kind: FormKind::Settings { initial },
        entry: Entry::new("Settings (Ctrl-S saves what you changed)", fields),
    }
}

/// What the person changed in the form: the display units when switched, and the other
/// settings as drafts for `ops::settings`.
#[derive(Debug, Clone, Default)]
pub struct SettingsChange {
    pub units: Option<Units>,
    pub drafts: Vec<SettingDraft>,
}

impl SettingsChange {
    pub fn is_empty(&self) -> bool {
        self.units.is_none() && self.drafts.is_empty()
    }
}

/// The settings the person changed (a dated one from the "from" field). A field emptied is
/// refused: a setting is changed, never unset, here.
pub fn settings_drafts(
    e: &Entry,
    initial: &[(&'static str, String)],
) -> Result<SettingsChange, InputError> {
    let from = e.opt("from");
    let opened = initial
        .iter()
        .find(|(k, _)| *k == UNITS)
        .and_then(|(_, v)| Units::parse(v))
        .unwrap_or_default();
    let chosen = Units::parse(&e.text(UNITS)).unwrap_or(opened);
    let mut out = SettingsChange {
        units: (chosen != opened).then_some(chosen),
        drafts: Vec::new(),
    };
    for (key, was) in initial
        .iter()
        .filter(|(k, _)| !matches!(*k, "from" | UNITS))
    {
        let now = e.text(key);
        if now.trim() == was.trim() {
            continue;
        }
        if now.trim().is_empty() {
            let allowed = match (*key, opened) {
                (WEIGHT, Units::Metric) => "a weight: 72.5 (kg), 72.5kg, 160lb",
                (WEIGHT, Units::Imperial) => "a weight: 160 (lb), 160lb, 72.5kg",
                _ => "a number",
            };
            return Err(InputError::new(
                *key,
                format!("{} cannot be emptied here; allowed: {allowed}", label(key)),
            ));
        }
        let value = match *key {
            WEIGHT => weight_text(now.trim(), opened, chosen)?,
            _ => now.trim().to_string(),
        };
        let dated = DATED_KEYS.iter().any(|d| d.0 == *key);
        out.drafts.push(SettingDraft {
            key: key.to_string(),
            value,
            from: if dated { from.clone() } else { None },
        });
    }
    Ok(out)
}

/// The weight as `ops::settings` reads it. The field shows the weight in the units the form
/// opened in, so a bare number typed over it is in those units (`165` is pounds in an
/// imperial form). When Units is switched in the same save a bare number could mean either,
/// so it is refused rather than guessed; a number with its unit is passed on as typed.
fn weight_text(typed: &str, opened: Units, chosen: Units) -> Result<String, InputError> {
    if !typed.parse::<f64>().is_ok_and(f64::is_finite) {
        return Ok(typed.to_string());
    }
    if opened != chosen {
        return Err(InputError::new(
            WEIGHT,
            format!(
                "'{typed}' has no unit while Units changes from {} to {} in this save; allowed: {typed}kg or {typed}lb",
                opened.as_str(),
                chosen.as_str()
            ),
        ));
    }
    // The form opened in the display units still in force: a bare number takes their unit.
    Ok(crate::domain::text::typed_in_form(
        typed,
        crate::domain::text::Quantity::Weight,
    ))
}

/// The line for a stored setting, naming it as the form does ("Set FTP to 260 W from 1 Dec;
/// TSS recomputed for 2 activities"), where `backtrack set` names the stored key.
pub fn said(s: &crate::ops::settings::SettingSet, today: NaiveDate) -> String {
    use crate::ops::settings::{from_words, value_text};
    let key = s.setting.key;
    // A value that carries its unit ("250 W") takes the label without its own ("FTP (W)" →
    // "FTP"); a bare one ("7") keeps it ("PSFS every (days)").
    let value = value_text(key, s.setting.value);
    let name = match value.contains(' ') {
        true => label(key).split(" (").next().unwrap_or_default(),
        false => label(key),
    };
    let mut line = format!("Set {name} to {value}");
    if let Some(from) = s.setting.from {
        line.push_str(&format!(" {}", from_words(from, today)));
    }
    if s.recomputed > 0 {
        line.push_str(&format!(
            "; TSS recomputed for {}",
            crate::domain::text::plural(s.recomputed, "activity", "activities")
        ));
    }
    line
}

/// The line for switched display units, in the form's words.
pub fn said_units(u: Units) -> String {
    match u {
        Units::Metric => "Set Units to metric: km, m and kg".into(),
        Units::Imperial => "Set Units to imperial: miles, feet and pounds".into(),
    }
}

/// The thresholds' keys, for loading their values.
pub fn plain_keys() -> impl Iterator<Item = &'static str> {
    PLAIN_KEYS.iter().map(|k| k.0)
}
