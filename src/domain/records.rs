//! The journal's records as plain data (SPEC §4). `id` is 0 and `uuid` empty until stored.
//! These are what the repo returns, what `--json` prints and what the analysis reads.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::vocab::{
    ActivityKind, Character, EventKind, ExerciseKind, Intensity, LoadSource, Location, MedClass,
    RedFlag, Source,
};

/// One day's check-in (SPEC §4.1). One per date: logging again updates it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Checkin {
    pub id: i64,
    pub uuid: String,
    pub date: NaiveDate,
    pub pain: u8,
    pub worst_pain: Option<u8>,
    /// Pain in the worse leg, 0–10 (SPEC §14): the sciatic picture apart from back pain.
    #[serde(default)]
    pub leg_pain: Option<u8>,
    pub locations: Vec<Location>,
    pub character: Vec<Character>,
    pub sleep_hours: Option<f64>,
    pub sleep_quality: Option<u8>,
    pub mood: Option<u8>,
    pub stress: Option<u8>,
    pub energy: Option<u8>,
    pub sitting_hours: Option<f64>,
    pub workday: Option<bool>,
    pub tags: Vec<String>,
    pub note: Option<String>,
    pub red_flags: Vec<RedFlag>,
}

/// A ride or other training session (SPEC §4.2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: i64,
    pub uuid: String,
    pub kind: ActivityKind,
    /// The person's own name for the kind (`yoga`, `hike`), when it is none of the built-in
    /// ones; `kind` is then `other`, whose load rules it follows.
    #[serde(default)]
    pub sport: Option<String>,
    pub start: NaiveDateTime,
    pub elapsed_s: u32,
    pub moving_s: Option<u32>,
    pub distance_m: Option<f64>,
    pub ascent_m: Option<f64>,
    pub avg_power_w: Option<f64>,
    pub normalized_power_w: Option<f64>,
    pub avg_hr: Option<f64>,
    pub max_hr: Option<f64>,
    pub rpe: Option<u8>,
    pub intensity: Option<Intensity>,
    pub tss: Option<f64>,
    pub load_source: Option<LoadSource>,
    pub pain_before: Option<u8>,
    pub pain_during: Option<u8>,
    pub pain_after: Option<u8>,
    pub stopped_for_pain: bool,
    pub bike: Option<String>,
    pub note: Option<String>,
    pub source: Source,
    pub source_hash: Option<String>,
}

impl Activity {
    /// A manual activity of `kind` starting at `start` lasting `elapsed_s`, no figures yet.
    pub fn new(kind: ActivityKind, start: NaiveDateTime, elapsed_s: u32) -> Self {
        Activity {
            id: 0,
            uuid: String::new(),
            kind,
            sport: None,
            start,
            elapsed_s,
            moving_s: None,
            distance_m: None,
            ascent_m: None,
            avg_power_w: None,
            normalized_power_w: None,
            avg_hr: None,
            max_hr: None,
            rpe: None,
            intensity: None,
            tss: None,
            load_source: None,
            pain_before: None,
            pain_during: None,
            pain_after: None,
            stopped_for_pain: false,
            bike: None,
            note: None,
            source: Source::Manual,
            source_hash: None,
        }
    }

    pub fn date(&self) -> NaiveDate {
        self.start.date()
    }

    /// The kind as the person named it: `yoga` for their own, else the built-in kind.
    pub fn kind_name(&self) -> &str {
        self.sport.as_deref().unwrap_or(self.kind.as_str())
    }

    /// Sets the kind from what was typed (see [`ActivityKind::parse_named`]).
    pub fn set_kind(&mut self, (kind, sport): (ActivityKind, Option<String>)) {
        self.kind = kind;
        self.sport = sport;
    }

    /// Marks a user-given TSS (estimates are computed in `analysis::tss::compute_load`).
    pub fn set_manual_tss(&mut self, tss: f64) {
        self.tss = Some(tss);
        self.load_source = Some(LoadSource::Manual);
    }
}

/// A rehab exercise in the library (SPEC §4.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub kind: ExerciseKind,
    pub sets: Option<u32>,
    pub reps: Option<u32>,
    /// The default load in kilograms (`3x8@16kg`).
    #[serde(default)]
    pub load_kg: Option<f64>,
    pub hold_s: Option<u32>,
    pub per_side: bool,
    pub cues: Option<String>,
}

/// One exercise of a programme with its prescription.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeItem {
    pub exercise_id: i64,
    pub exercise: String,
    pub sets: Option<u32>,
    pub reps: Option<u32>,
    /// The prescribed load in kilograms (`3x8@16kg`); a session logged as prescribed gets it.
    #[serde(default)]
    pub load_kg: Option<f64>,
    pub hold_s: Option<u32>,
}

/// The physio's plan: ordered exercises, active dates, sessions per week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub active_from: NaiveDate,
    pub active_to: Option<NaiveDate>,
    pub target_per_week: u32,
    pub note: Option<String>,
    pub items: Vec<ProgrammeItem>,
}

/// One exercise as done in a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionItem {
    pub exercise_id: i64,
    pub exercise: String,
    pub sets: Option<u32>,
    pub reps: Option<u32>,
    pub load_kg: Option<f64>,
    pub hold_s: Option<u32>,
}

/// A rehab session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RehabSession {
    pub id: i64,
    pub uuid: String,
    pub date: NaiveDate,
    pub programme_id: Option<i64>,
    pub programme: Option<String>,
    pub minutes: Option<u32>,
    pub pain_before: Option<u8>,
    pub pain_after: Option<u8>,
    pub note: Option<String>,
    pub items: Vec<SessionItem>,
}

/// A medication in the catalogue (SPEC §4.4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Medication {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub class: MedClass,
    pub unit: String,
    pub usual_dose: f64,
    pub max_daily: Option<f64>,
    pub as_needed: bool,
    pub times_a_day: Option<u32>,
    pub course_start: Option<NaiveDate>,
    pub course_end: Option<NaiveDate>,
    pub note: Option<String>,
}

/// The drug a catalogue name stands for: lower-case, whitespace trimmed and collapsed, so
/// "Ibuprofen" and " ibuprofen " are one drug and share one daily total.
pub fn drug_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A dose taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dose {
    pub id: i64,
    pub uuid: String,
    pub taken_at: NaiveDateTime,
    pub medication_id: i64,
    pub medication: String,
    pub class: MedClass,
    pub unit: String,
    pub amount: f64,
    pub pain_before: Option<u8>,
    pub note: Option<String>,
}

/// A timeline marker (SPEC §4.5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: i64,
    pub uuid: String,
    pub date: NaiveDate,
    pub kind: EventKind,
    pub title: String,
    pub note: Option<String>,
}

/// A PSFS activity the back limits (SPEC §4.6), with its latest ratings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PsfsItem {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub ratings: Vec<PsfsRating>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PsfsRating {
    pub date: NaiveDate,
    pub score: u8,
}

/// One of the user's return-to-training rules (SPEC §4.7), as text the analysis evaluates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: i64,
    pub uuid: String,
    pub position: i64,
    pub rule: String,
    pub enabled: bool,
}

/// A setting with a history: the value in force from `from` on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatedSetting {
    pub key: String,
    pub from: NaiveDate,
    pub value: f64,
}

/// The load thresholds in force on an activity's day, by sport (SPEC §4.2): FTP and LTHR for
/// rides, running threshold power and running LTHR for runs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LoadThresholds {
    pub ftp_w: Option<f64>,
    pub run_ftp_w: Option<f64>,
    pub lthr_bpm: Option<f64>,
    pub run_lthr_bpm: Option<f64>,
}
