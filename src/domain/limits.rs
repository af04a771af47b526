//! The one table of limits (issue 25 item 2): each bounded field's range is written here once,
//! and the command line and the app (through `ops`), every file reader (`import::store`) and
//! the JSON import (`repo::import_check`) read it from here, so none stores what another
//! refuses and a journal's own export always imports back. A field out of range is refused
//! where a person typed it (exit 2, naming the field and the range) and, in a file, dropped
//! with a line in the summary (`out_of_range::drop_out_of_range`).

use super::InputError;
use super::error::{MIN_POSITIVE, check_positive, check_scale};

/// A field's allowed range, `lo..=hi`, in `unit`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit {
    /// The field as the command line names it in an error.
    pub field: &'static str,
    pub lo: f64,
    pub hi: f64,
    pub unit: &'static str,
    /// Whole numbers only (scales, counts).
    pub whole: bool,
}

const fn measured(field: &'static str, hi: f64, unit: &'static str) -> Limit {
    Limit {
        field,
        lo: MIN_POSITIVE,
        hi,
        unit,
        whole: false,
    }
}

const fn whole(field: &'static str, lo: i64, hi: i64) -> Limit {
    Limit {
        field,
        lo: lo as f64,
        hi: hi as f64,
        unit: "",
        whole: true,
    }
}

/// Average power, watts (NP: [`NP`]).
pub const POWER: Limit = measured("power", 2500.0, "W");
/// Normalized power, watts: the same bound as average power.
pub const NP: Limit = Limit {
    field: "np",
    ..POWER
};
/// Average heart rate, bpm.
pub const HR: Limit = measured("hr", 250.0, "bpm");
/// Maximum heart rate, bpm.
pub const MAX_HR: Limit = Limit {
    field: "max_hr",
    ..HR
};
/// 5,000 km: further than a week of riding takes anyone.
pub const DISTANCE: Limit = Limit {
    field: "distance",
    lo: 0.0,
    hi: 5_000_000.0,
    unit: "m",
    whole: false,
};
/// The highest climb an activity may have.
pub const ASCENT: Limit = Limit {
    field: "ascent",
    lo: 0.0,
    hi: 20_000.0,
    unit: "m",
    whole: false,
};
/// A TSS typed by hand (or given by a file).
pub const MANUAL_TSS: Limit = Limit {
    field: "tss",
    lo: 0.0,
    hi: 2000.0,
    unit: "",
    whole: false,
};
/// Perceived exertion.
pub const RPE: Limit = whole("rpe", 1, 10);
/// Every pain score: a check-in's, an activity's, a session's, before a dose.
pub const PAIN: Limit = whole("pain", 0, 10);
/// A dose, and a medication's usual dose, in its unit.
pub const DOSE: Limit = measured("amount", 100_000.0, "");
/// A medication's max daily total.
pub const MAX_DAILY: Limit = measured("max_daily", 1_000_000.0, "");
/// A check-in's 1–5 scales: sleep quality, mood, stress, energy.
pub const MOOD: Limit = whole("mood", 1, 5);
/// Hours in a day: a check-in's sleep and sitting.
pub const DAY_HOURS: Limit = Limit {
    field: "hours",
    lo: 0.0,
    hi: 24.0,
    unit: "h",
    whole: false,
};
/// STarT Back's psychosocial subscore (items 5–9).
pub const PSYCH: Limit = whole("psych", 0, 5);
/// Doses a day of a scheduled medication.
pub const TIMES_A_DAY: Limit = whole("times_a_day", 1, 24);
/// A rehab programme's sessions per week.
pub const TARGET_PER_WEEK: Limit = whole("target", 0, 21);
/// A rehab session's minutes: a day.
pub const SESSION_MINUTES: Limit = whole("minutes", 0, 1440);

/// Sets of a rehab exercise.
pub const SETS: Limit = whole("sets", 1, 50);
/// Repetitions of a set.
pub const REPS: Limit = whole("reps", 1, 500);
/// A hold, seconds.
pub const HOLD_S: Limit = whole("hold", 1, 3600);
/// A rehab load.
pub const LOAD_KG: Limit = Limit {
    field: "load",
    lo: 0.0,
    hi: 500.0,
    unit: "kg",
    whole: false,
};
/// A return plan's week-1 target in hours.
pub const PLAN_HOURS: Limit = measured("hours", 100.0, "h");
/// A return plan's week-1 target in TSS.
pub const PLAN_TSS: Limit = measured("tss", 5000.0, "");
/// A return plan's weekly ramp, as a fraction (the command line takes 0%–50%).
pub const PLAN_RAMP: Limit = Limit {
    field: "ramp",
    lo: 0.0,
    hi: 0.5,
    unit: "",
    whole: false,
};
/// Days between outcome scores (`score every`): a day to 52 weeks and 2 days.
pub const EVERY_DAYS: Limit = whole("every", 1, 366);

/// Every limit, for the checks and tests that go over them all.
pub const ALL: [Limit; 25] = [
    POWER,
    NP,
    HR,
    MAX_HR,
    DISTANCE,
    ASCENT,
    MANUAL_TSS,
    RPE,
    PAIN,
    MOOD,
    DAY_HOURS,
    PSYCH,
    DOSE,
    MAX_DAILY,
    TIMES_A_DAY,
    TARGET_PER_WEEK,
    SESSION_MINUTES,
    SETS,
    REPS,
    HOLD_S,
    LOAD_KG,
    PLAN_HOURS,
    PLAN_TSS,
    PLAN_RAMP,
    EVERY_DAYS,
];

impl Limit {
    /// True when `v` is a finite number in range (and whole, for a whole limit).
    pub fn contains(&self, v: f64) -> bool {
        v.is_finite() && v >= self.lo && v <= self.hi && (!self.whole || v.fract() == 0.0)
    }

    /// The top as a whole number (for clap's ranged parsers and integer columns).
    pub const fn hi_whole(&self) -> i64 {
        self.hi as i64
    }

    /// A whole-number scale typed as text ("4", not "four"), within this limit, naming
    /// `field` (`pain_before`, `score`) in the error.
    pub fn parse_scale(&self, field: &str, text: &str) -> Result<u8, InputError> {
        super::error::parse_scale(field, text, self.lo as i64, self.hi as i64)
    }

    /// `v` when in range; otherwise the error naming the field and the range.
    pub fn check(&self, v: f64) -> Result<f64, InputError> {
        self.check_as(self.field, v)
    }

    /// [`Limit::check`] naming another field (`pain_before`, `dose`).
    pub fn check_as(&self, field: &str, v: f64) -> Result<f64, InputError> {
        if self.whole {
            return check_scale(field, v as i64, self.lo as i64, self.hi as i64).and_then(
                |_| match v.fract() == 0.0 {
                    true => Ok(v),
                    false => Err(InputError::new(field, self.allowed(v))),
                },
            );
        }
        if self.lo == MIN_POSITIVE {
            return check_positive(field, v, self.hi);
        }
        match self.contains(v) {
            true => Ok(v),
            false => Err(InputError::new(field, self.allowed(v))),
        }
    }

    /// The range as a form's hint and an error show it: "0–10" (a whole limit's), or
    /// "0 to 500 kg". Built from the table, so a hint cannot say other than the check.
    pub fn range(&self) -> String {
        if self.whole {
            return format!("{}–{}", self.lo, self.hi);
        }
        let u = self.unit_suffix();
        format!("{} to {}{u}", self.lo, self.hi)
    }

    /// "3000 W is out of range; allowed: 0 to 2500 W".
    pub fn allowed(&self, v: f64) -> String {
        let shown = if v.is_finite() && v.abs() < 1e9 {
            format!("{v}")
        } else {
            format!("{v:e}")
        };
        let u = self.unit_suffix();
        let range = self.range();
        if self.whole {
            return format!("{shown} is out of range; allowed: whole numbers {range}");
        }
        format!("{shown}{u} is out of range; allowed: {range}")
    }

    /// The unit after a number: " kg", or nothing.
    fn unit_suffix(&self) -> String {
        if self.unit.is_empty() {
            String::new()
        } else {
            format!(" {}", self.unit)
        }
    }
}
