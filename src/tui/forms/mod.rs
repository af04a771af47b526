//! The app's forms: the check-in (`checkin`, its own layout of scales and sets) and the others,
//! built on the labelled fields of `fields`: what each holds (`FormKind`), its fields in an `Entry`,
//! the live figures it shows (TSS, today's dose total) and how its input becomes a record,
//! as the drafts of `ops`, which validates and stores them for the CLI too. No terminal and no SQL here.

pub mod checkin;
pub mod fields;
mod import;
mod meds;
mod rehab;
mod scores;
mod settings;
mod timeline;
mod training;

pub use import::{ImportJob, import_form, import_job};
pub use meds::{
    dose_draft, dose_edit_draft, dose_edit_form, dose_form, filtered, medication_draft,
    medication_form, pick_form,
};
pub use rehab::{programme_draft, programme_form, rehab_form, rehab_record, unknown_exercises};
pub use scores::{score_draft, score_form};
pub use settings::{plain_keys, said, said_units, settings_drafts, settings_form};
pub use timeline::{event_draft, event_form, jump_form, psfs_form, psfs_scores, search_form};
pub use training::{SET_FTP, activity_draft, activity_form};

use crate::domain::InputError;
use crate::domain::records::{
    Activity, DatedSetting, Dose, Event, Medication, Programme, PsfsItem, RehabSession,
};
use fields::Entry;

/// Which form is open, with what it needs besides the typed input.
#[derive(Debug, Clone)]
pub enum FormKind {
    Activity {
        editing: Option<Activity>,
        /// FTP/LTHR histories, for the live TSS at the form's date.
        settings: Vec<DatedSetting>,
        /// A yes to "… looks like a typo. Save it anyway?": stored as typed (`--force`).
        confirmed: bool,
    },
    Rehab {
        programme: Option<Programme>,
        /// The exercises the ticks stand for, in order, with sets, reps, hold and load.
        exercises: Vec<rehab::Tick>,
        editing: Option<RehabSession>,
    },
    Medication {
        editing: Option<Medication>,
    },
    /// `m`: type to filter the catalogue, ↑/↓ choose, Enter picks.
    PickMed {
        meds: Vec<Medication>,
        pick: usize,
        /// "last dose 2 h ago" by catalogue row id, as of opening.
        last: std::collections::BTreeMap<i64, String>,
    },
    Dose {
        med: Medication,
        /// Already taken today, for the live total against the max.
        taken_today: f64,
    },
    /// A logged dose to correct; `confirmed` once the person said yes to a day over the max.
    DoseEdit {
        dose: Dose,
        confirmed: bool,
    },
    Event {
        editing: Option<Event>,
    },
    /// A rehab programme; the library's names are shown to type from.
    Programme {
        library: Vec<String>,
    },
    Psfs {
        items: Vec<PsfsItem>,
    },
    /// `o`: an outcome score; the summaries for the latest and due lines.
    Score {
        summaries: Vec<crate::analysis::scores::ScoreSummary>,
    },
    /// The timeline's "jump to date" prompt.
    JumpDate,
    /// `/` on a list: words to find.
    /// `hits`: what the typed words find on the screen, shown while typing.
    Search {
        hits: Vec<String>,
    },
    /// Training's `i`: a path to import rides from.
    Import,
    /// `S`: FTP, LTHR, max HR, weight and the thresholds; `initial` holds each field's value
    /// when opened, so only what changed is stored.
    Settings {
        initial: Vec<(&'static str, String)>,
    },
}

/// An open form: its kind and its inputs.
#[derive(Debug, Clone)]
pub struct EntryForm {
    pub kind: FormKind,
    pub entry: Entry,
}

impl EntryForm {
    /// What the form is about, for "discard the changes to this …?".
    pub fn noun(&self) -> &'static str {
        match self.kind {
            FormKind::Activity { .. } => "activity",
            FormKind::Rehab { .. } => "rehab session",
            FormKind::Medication { .. } => "medication",
            FormKind::PickMed { .. } | FormKind::Dose { .. } | FormKind::DoseEdit { .. } => "dose",
            FormKind::Event { .. } => "event",
            FormKind::Programme { .. } => "programme",
            FormKind::Psfs { .. } => "PSFS rating",
            FormKind::Score { .. } => "outcome score",
            FormKind::JumpDate => "date",
            FormKind::Search { .. } => "search",
            FormKind::Import => "import",
            FormKind::Settings { .. } => "settings",
        }
    }

    /// The stored record this form edits, if it edits one.
    pub fn edits(&self) -> Option<crate::repo::RecordId> {
        use crate::repo::{Kind, RecordId};
        match &self.kind {
            FormKind::Activity {
                editing: Some(a), ..
            } => Some(RecordId::new(Kind::Activity, a.id)),
            FormKind::Rehab {
                editing: Some(r), ..
            } => Some(RecordId::new(Kind::Rehab, r.id)),
            FormKind::Medication { editing: Some(m) } => {
                Some(RecordId::new(Kind::Medication, m.id))
            }
            FormKind::Event { editing: Some(e) } => Some(RecordId::new(Kind::Event, e.id)),
            FormKind::DoseEdit { dose, .. } => Some(RecordId::new(Kind::Dose, dose.id)),
            _ => None,
        }
    }

    /// Unsaved input worth a question before it is dropped; a filter or a date to jump to is
    /// not (Esc just closes them).
    pub fn changed(&self) -> bool {
        !matches!(
            self.kind,
            FormKind::PickMed { .. }
                | FormKind::JumpDate
                | FormKind::Search { .. }
                | FormKind::Import
        ) && self.entry.changed()
    }

    /// Lines of live figures under the fields, computed from the input (pure).
    pub fn info(&self, today: chrono::NaiveDate) -> Vec<String> {
        match &self.kind {
            FormKind::Activity { settings, .. } => {
                vec![training::tss_preview(&self.entry, settings, today)]
            }
            FormKind::Rehab { programme, .. } => vec![rehab::rehab_info(programme.as_ref())],
            FormKind::Dose { med, taken_today } => {
                vec![meds::dose_info(&self.entry, med, *taken_today)]
            }
            FormKind::Programme { library } => rehab::library_lines(library),
            FormKind::Search { hits } => hits.clone(),
            FormKind::Score { summaries } => scores::score_info(summaries),
            FormKind::Psfs { .. } => vec![
                "Rate each 0 (unable) to 10 (as before the problem); leave blank to skip.".into(),
            ],
            _ => Vec::new(),
        }
    }

    /// ↑/↓ in the picker move the pick instead of the field (there is only one field).
    pub fn move_pick(&mut self, d: isize) -> bool {
        let n = match &self.kind {
            FormKind::PickMed { meds, .. } => filtered(meds, &self.entry.text("filter")).len(),
            _ => return false,
        };
        if let FormKind::PickMed { pick, .. } = &mut self.kind {
            *pick = (*pick as isize + d).clamp(0, n.saturating_sub(1) as isize) as usize;
        }
        true
    }

    /// After typing in the picker the pick goes back to the first match.
    pub fn reset_pick(&mut self) {
        if let FormKind::PickMed { pick, .. } = &mut self.kind {
            *pick = 0;
        }
    }
}

/// An optional number typed as text; a bad one names the field and what is allowed.
pub fn number(e: &Entry, key: &str, field: &str) -> Result<Option<f64>, InputError> {
    e.opt(key)
        .map(|s| {
            s.parse::<f64>().map_err(|_| {
                InputError::new(field, format!("'{s}' is not a number; allowed: e.g. 250"))
            })
        })
        .transpose()
}

/// A value for a text field: empty when None.
pub fn show<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}
