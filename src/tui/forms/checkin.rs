//! The check-in form's state (SPEC §4.1, §8.2): fields, focus, dirty tracking, tag completion,
//! and turning the input into a validated `Checkin`. No terminal and no SQL here.

use chrono::NaiveDate;

use crate::domain::InputError;
use crate::domain::error::check_hours;
use crate::domain::limits::{DAY_HOURS, MOOD, PAIN};
use crate::domain::records::Checkin;
use crate::domain::vocab::{Character, Location, RedFlag, parse_tag, parse_tags, tags_field};
use crate::tui::action::Edit;
use crate::tui::text::TextField;

/// The form's fields in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Pain,
    Worst,
    Leg,
    Locations,
    Character,
    Sleep,
    SleepQuality,
    Sitting,
    Workday,
    Mood,
    Stress,
    Energy,
    Tags,
    Note,
    RedFlags,
}

/// How a field takes keys; the keymap chooses bindings by this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Digits set, `+`/`-` adjust.
    Scale,
    /// Hours typed as text.
    Hours,
    /// Space toggles the item under the item cursor.
    Set,
    /// Space cycles yes / no / unset.
    Flag,
    Tags,
    Note,
    /// One line of text (the other forms): Enter saves, ↑/↓ move between fields.
    Text,
    /// A list to tick (a programme's exercises): ↑/↓ move between items, Space ticks.
    Ticks,
}

impl Field {
    pub const ORDER: [Field; 15] = [
        Field::Pain,
        Field::Worst,
        Field::Leg,
        Field::Locations,
        Field::Character,
        Field::Sleep,
        Field::SleepQuality,
        Field::Sitting,
        Field::Workday,
        Field::Mood,
        Field::Stress,
        Field::Energy,
        Field::Tags,
        Field::Note,
        Field::RedFlags,
    ];

    pub fn kind(self) -> FieldKind {
        match self {
            Field::Pain
            | Field::Worst
            | Field::Leg
            | Field::SleepQuality
            | Field::Mood
            | Field::Stress
            | Field::Energy => FieldKind::Scale,
            Field::Sleep | Field::Sitting => FieldKind::Hours,
            Field::Locations | Field::Character | Field::RedFlags => FieldKind::Set,
            Field::Workday => FieldKind::Flag,
            Field::Tags => FieldKind::Tags,
            Field::Note => FieldKind::Note,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Field::Pain => "Pain",
            Field::Worst => "Worst",
            Field::Leg => "Leg",
            Field::Locations => "Where",
            Field::Character => "Feels",
            Field::Sleep => "Sleep h",
            Field::SleepQuality => "Sleep quality",
            Field::Sitting => "Sitting h",
            Field::Workday => "Workday",
            Field::Mood => "Mood",
            Field::Stress => "Stress",
            Field::Energy => "Energy",
            Field::Tags => "Tags",
            Field::Note => "Note",
            Field::RedFlags => "Red flags",
        }
    }

    /// The allowed range of a scale field.
    pub fn range(self) -> (u8, u8) {
        let limit = match self {
            Field::Pain | Field::Worst | Field::Leg => PAIN,
            _ => MOOD,
        };
        (limit.lo as u8, limit.hi as u8)
    }

    fn set_len(self) -> usize {
        match self {
            Field::Locations => Location::ALL.len(),
            Field::Character => Character::ALL.len(),
            Field::RedFlags => RedFlag::ALL.len(),
            _ => 0,
        }
    }

    fn step(self, d: isize) -> Field {
        let i = Field::ORDER.iter().position(|f| *f == self).unwrap_or(0) as isize;
        let n = Field::ORDER.len() as isize;
        Field::ORDER[(i + d).rem_euclid(n) as usize]
    }
}

/// The check-in being entered or edited.
#[derive(Debug, Clone)]
pub struct CheckinForm {
    pub date: NaiveDate,
    /// The stored check-in being edited, if any (kept for id/uuid).
    pub existing: Option<Checkin>,
    pub pain: Option<u8>,
    pub worst: Option<u8>,
    /// Pain in the worse leg, 0–10.
    pub leg: Option<u8>,
    pub locations: Vec<Location>,
    pub character: Vec<Character>,
    pub red_flags: Vec<RedFlag>,
    pub sleep: TextField,
    pub sitting: TextField,
    pub sleep_quality: Option<u8>,
    pub mood: Option<u8>,
    pub stress: Option<u8>,
    pub energy: Option<u8>,
    pub workday: Option<bool>,
    pub tags: TextField,
    pub note: TextField,
    pub focus: Field,
    /// Which item of the focused set field is under the cursor.
    pub item: usize,
    /// Tag completions for the word being typed, best first, and the highlighted one.
    pub completions: Vec<String>,
    pub completion: usize,
    /// The tag history (most used first) completions come from.
    pub history: Vec<String>,
    /// The digit just typed on the focused scale: `1` then `0` is 10. Any other action
    /// forgets it (`update` calls `forget_digit`).
    last_digit: Option<u8>,
    initial: String,
}

fn hours_text(h: Option<f64>) -> String {
    h.map(|v| format!("{v}")).unwrap_or_default()
}

impl CheckinForm {
    /// A form for `date`, pre-filled from `existing` when the day has a check-in.
    pub fn new(date: NaiveDate, existing: Option<Checkin>, history: Vec<String>) -> CheckinForm {
        let c = existing.clone().unwrap_or_default();
        let mut f = CheckinForm {
            date,
            pain: existing.as_ref().map(|c| c.pain),
            worst: c.worst_pain,
            leg: c.leg_pain,
            locations: c.locations.clone(),
            character: c.character.clone(),
            red_flags: c.red_flags.clone(),
            sleep: TextField::new(&hours_text(c.sleep_hours), false),
            sitting: TextField::new(&hours_text(c.sitting_hours), false),
            sleep_quality: c.sleep_quality,
            mood: c.mood,
            stress: c.stress,
            energy: c.energy,
            workday: c.workday,
            tags: TextField::new(&tags_field(&c.tags), false),
            note: TextField::new(c.note.as_deref().unwrap_or(""), true),
            existing,
            focus: Field::Pain,
            item: 0,
            completions: Vec::new(),
            completion: 0,
            history,
            last_digit: None,
            initial: String::new(),
        };
        f.initial = f.snapshot();
        f
    }

    /// Every value the user can change, for "did anything change?".
    fn snapshot(&self) -> String {
        format!(
            "{:?}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{}|{:?}|{:?}|{:?}|{:?}|{:?}|{}|{}",
            self.pain,
            self.worst,
            self.leg,
            self.locations,
            self.character,
            self.red_flags,
            self.sleep.value(),
            self.sitting.value(),
            self.sleep_quality,
            self.mood,
            self.stress,
            self.energy,
            self.workday,
            self.tags.value(),
            self.note.value()
        )
    }

    pub fn changed(&self) -> bool {
        self.snapshot() != self.initial
    }

    fn scale_mut(&mut self, f: Field) -> Option<&mut Option<u8>> {
        match f {
            Field::Pain => Some(&mut self.pain),
            Field::Worst => Some(&mut self.worst),
            Field::Leg => Some(&mut self.leg),
            Field::SleepQuality => Some(&mut self.sleep_quality),
            Field::Mood => Some(&mut self.mood),
            Field::Stress => Some(&mut self.stress),
            Field::Energy => Some(&mut self.energy),
            _ => None,
        }
    }

    pub fn scale(&self, f: Field) -> Option<u8> {
        match f {
            Field::Pain => self.pain,
            Field::Worst => self.worst,
            Field::Leg => self.leg,
            Field::SleepQuality => self.sleep_quality,
            Field::Mood => self.mood,
            Field::Stress => self.stress,
            Field::Energy => self.energy,
            _ => None,
        }
    }

    /// A digit typed on a scale field; out-of-range digits (0 on a 1–5 scale) are refused.
    /// On a 0–10 scale `1` then `0` typed one after the other is 10.
    pub fn set_value(&mut self, v: u8) -> Result<(), InputError> {
        let f = self.focus;
        let (lo, hi) = f.range();
        let ten = hi >= 10 && v == 0 && self.last_digit == Some(1);
        self.last_digit = (!ten).then_some(v);
        let v = if ten { 10 } else { v };
        if v < lo || v > hi {
            return Err(InputError::new(
                f.label().to_lowercase(),
                format!("{v} is out of range; allowed: {lo}–{hi}"),
            ));
        }
        if let Some(slot) = self.scale_mut(f) {
            *slot = Some(v);
        }
        Ok(())
    }

    /// Forgets the digit just typed: the next `0` is a 0 again.
    pub fn forget_digit(&mut self) {
        self.last_digit = None;
    }

    /// `+`/`-`: scales step by one within range; hours step by half an hour. An unset 0–10
    /// scale takes `+` as 10 (digits give 0–9, the form says "+ for 10"); an unset 1–5 scale
    /// starts at 1.
    pub fn adjust(&mut self, d: i8) {
        let f = self.focus;
        let (lo, hi) = f.range();
        if let Some(slot) = self.scale_mut(f) {
            let next = match *slot {
                Some(v) => (v as i16 + d as i16).clamp(lo as i16, hi as i16) as u8,
                None if d > 0 && hi >= 10 => hi,
                None if d > 0 => lo,
                None => return,
            };
            *slot = Some(next);
            return;
        }
        let field = match f {
            Field::Sleep => &mut self.sleep,
            Field::Sitting => &mut self.sitting,
            _ => return,
        };
        let cur: f64 = field.value().trim().parse().unwrap_or(0.0);
        let next = (cur + 0.5 * d as f64).clamp(DAY_HOURS.lo, DAY_HOURS.hi);
        field.set(&format!("{next}"));
    }

    pub fn clear(&mut self) {
        match self.focus {
            // Pain is required: clearing it would only produce a refused save.
            Field::Pain => {}
            Field::Workday => self.workday = None,
            f => {
                if let Some(slot) = self.scale_mut(f) {
                    *slot = None;
                }
            }
        }
    }

    pub fn next_field(&mut self, d: isize) {
        self.focus = self.focus.step(d);
        self.item = 0;
        self.completions.clear();
    }

    pub fn focus(&mut self, f: Field) {
        self.focus = f;
        self.item = 0;
    }

    pub fn move_item(&mut self, d: i32) {
        let n = self.focus.set_len();
        if n > 0 {
            self.item = (self.item as i64 + d as i64).rem_euclid(n as i64) as usize;
        }
    }

    /// Space: toggles the set item under the cursor, or cycles workday yes → no → unset.
    pub fn toggle(&mut self) {
        fn flip<T: Copy + Ord>(set: &mut Vec<T>, v: T) {
            match set.iter().position(|x| *x == v) {
                Some(i) => {
                    set.remove(i);
                }
                None => {
                    set.push(v);
                    set.sort();
                }
            }
        }
        match self.focus {
            Field::Locations => flip(&mut self.locations, Location::ALL[self.item]),
            Field::Character => flip(&mut self.character, Character::ALL[self.item]),
            Field::RedFlags => flip(&mut self.red_flags, RedFlag::ALL[self.item]),
            Field::Workday => {
                self.workday = match self.workday {
                    None => Some(true),
                    Some(true) => Some(false),
                    Some(false) => None,
                }
            }
            _ => {}
        }
    }

    /// A text edit on the focused text field; tags refresh their completions.
    pub fn edit(&mut self, e: Edit) {
        match self.focus {
            Field::Sleep => self.sleep.apply(e),
            Field::Sitting => self.sitting.apply(e),
            Field::Tags => self.tags.apply(e),
            Field::Note => self.note.apply(e),
            _ => false,
        };
        if self.focus == Field::Tags {
            self.refresh_completions();
        }
    }

    /// The tag under construction at the end of the tags field (commas separate tags).
    fn tag_prefix(&self) -> &str {
        let v = self.tags.value();
        v.rsplit(',').next().unwrap_or("").trim_start()
    }

    fn refresh_completions(&mut self) {
        let prefix = parse_tag(self.tag_prefix()).unwrap_or_default();
        let typed: Vec<String> = self
            .tags
            .value()
            .split(',')
            .filter_map(|t| parse_tag(t).ok())
            .collect();
        self.completions = if prefix.is_empty() {
            Vec::new()
        } else {
            self.history
                .iter()
                .filter(|t| t.starts_with(&prefix) && **t != prefix && !typed.contains(t))
                .take(5)
                .cloned()
                .collect()
        };
        self.completion = 0;
    }

    pub fn cycle_completion(&mut self, d: i32) {
        let n = self.completions.len();
        if n > 0 {
            self.completion = (self.completion as i64 + d as i64).rem_euclid(n as i64) as usize;
        }
    }

    /// Replaces the word being typed with the highlighted completion; returns false if none.
    pub fn complete(&mut self) -> bool {
        let Some(tag) = self.completions.get(self.completion).cloned() else {
            return false;
        };
        if !self.tags.at_end() {
            return false;
        }
        let v = self.tags.value();
        let keep = &v[..v.len() - self.tag_prefix().len()];
        let next = format!("{keep}{tag}, ");
        self.tags.set(&next);
        self.completions.clear();
        true
    }

    /// The validated check-in, or the first field that is wrong and why.
    pub fn to_checkin(&self) -> Result<Checkin, InputError> {
        let pain = self.pain.ok_or_else(|| {
            InputError::new(
                "pain",
                format!(
                    "not set; allowed: {} (type a digit, + for {})",
                    PAIN.range(),
                    PAIN.hi
                ),
            )
        })?;
        let hours = |field: &str, t: &TextField| -> Result<Option<f64>, InputError> {
            let s = t.value().trim();
            if s.is_empty() {
                return Ok(None);
            }
            let v: f64 = s.parse().map_err(|_| {
                InputError::new(
                    field,
                    format!(
                        "'{s}' is not a number; allowed: hours {}–{}, e.g. 7.5",
                        DAY_HOURS.lo, DAY_HOURS.hi
                    ),
                )
            })?;
            check_hours(field, v).map(Some)
        };
        let note = self.note.value().trim_end();
        let base = self.existing.clone().unwrap_or_default();
        Ok(Checkin {
            date: self.date,
            pain,
            worst_pain: self.worst,
            leg_pain: self.leg,
            locations: self.locations.clone(),
            character: self.character.clone(),
            sleep_hours: hours("sleep_hours", &self.sleep)?,
            sleep_quality: self.sleep_quality,
            mood: self.mood,
            stress: self.stress,
            energy: self.energy,
            sitting_hours: hours("sitting_hours", &self.sitting)?,
            workday: self.workday,
            tags: parse_tags(&[self.tags.value().to_string()])?,
            note: (!note.trim().is_empty()).then(|| note.to_string()),
            red_flags: self.red_flags.clone(),
            ..base
        })
    }
}
