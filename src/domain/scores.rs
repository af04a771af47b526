//! Outcome scores (SPEC §14): the instruments a physio takes, entered as the total scored on the
//! clinic's form (the questionnaires' items are copyrighted and not reproduced), each with its
//! range, and the STarT Back risk group by its published rule. No SQL here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::InputError;
use super::limits::PSYCH;

/// The instruments `score add` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Instrument {
    #[serde(rename = "odi")]
    Odi,
    #[serde(rename = "rmdq")]
    Rmdq,
    #[serde(rename = "peg")]
    Peg,
    #[serde(rename = "promis-pi")]
    PromisPi,
    #[serde(rename = "startback")]
    Startback,
}

/// How a value of an instrument is read: its range and whether it may have one decimal.
pub struct Range {
    pub lo: f64,
    pub hi: f64,
    pub decimals: bool,
}

impl Instrument {
    pub const ALL: [Instrument; 5] = [
        Instrument::Odi,
        Instrument::Rmdq,
        Instrument::Peg,
        Instrument::PromisPi,
        Instrument::Startback,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Instrument::Odi => "odi",
            Instrument::Rmdq => "rmdq",
            Instrument::Peg => "peg",
            Instrument::PromisPi => "promis-pi",
            Instrument::Startback => "startback",
        }
    }

    /// The instrument's name as a clinician reads it.
    pub fn title(self) -> &'static str {
        match self {
            Instrument::Odi => "Oswestry Disability Index",
            Instrument::Rmdq => "Roland-Morris",
            Instrument::Peg => "PEG",
            Instrument::PromisPi => "PROMIS pain interference",
            Instrument::Startback => "STarT Back",
        }
    }

    pub fn parse(text: &str) -> Result<Instrument, InputError> {
        let t = text.trim().to_lowercase();
        Instrument::ALL
            .into_iter()
            .find(|i| i.as_str() == t)
            .ok_or_else(|| {
                InputError::new(
                    "instrument",
                    format!("'{text}' is not an instrument; allowed: {}", names()),
                )
            })
    }

    /// The accepted totals. ODI is a percentage (one decimal when a section was skipped), PEG
    /// the mean of three 0–10 items, PROMIS a T-score (mean 50, SD 10): every published PROMIS
    /// pain-interference short form and the CAT score within 38–84, so 20–90 takes any of them
    /// and refuses a slip such as 505.
    pub fn range(self) -> Range {
        let (lo, hi, decimals) = match self {
            Instrument::Odi => (0.0, 100.0, true),
            Instrument::Rmdq => (0.0, 24.0, false),
            Instrument::Peg => (0.0, 10.0, true),
            Instrument::PromisPi => (20.0, 90.0, true),
            Instrument::Startback => (0.0, 9.0, false),
        };
        Range { lo, hi, decimals }
    }

    /// The minimal important change the README cites (Ostelo et al. 2008), in points: only
    /// these instruments get "a meaningful change".
    pub fn mic(self) -> Option<f64> {
        match self {
            Instrument::Odi => Some(10.0),
            Instrument::Rmdq => Some(5.0),
            _ => None,
        }
    }

    /// What a value is, for messages: "0–100 (%, one decimal)".
    pub fn allowed(self) -> String {
        let r = self.range();
        let what = match self {
            Instrument::Odi => " (%, one decimal)".to_string(),
            Instrument::Peg => " (one decimal)".to_string(),
            Instrument::PromisPi => " (T-score, one decimal)".to_string(),
            Instrument::Startback => format!(" (total; with --psych {})", PSYCH.range()),
            Instrument::Rmdq => String::new(),
        };
        let kind = if r.decimals { "" } else { "whole numbers " };
        format!("{kind}{}–{}{what}", r.lo, r.hi)
    }
}

fn names() -> String {
    Instrument::ALL.map(|i| i.as_str()).join(", ")
}

/// One outcome score as entered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    pub id: i64,
    pub uuid: String,
    pub instrument: Instrument,
    pub date: NaiveDate,
    pub value: f64,
    /// STarT Back's psychosocial subscore (items 5–9), 0–5; None for the others.
    pub psych: Option<u8>,
    pub note: Option<String>,
}

/// How often the user means to take an instrument (`score every odi 2w`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    pub id: i64,
    pub uuid: String,
    pub instrument: Instrument,
    pub every_days: u32,
}

/// STarT Back risk groups (Hill et al. 2008).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    Low,
    Medium,
    High,
}

impl Risk {
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::Low => "low",
            Risk::Medium => "medium",
            Risk::High => "high",
        }
    }
}

/// The published rule: a total of 0–3 is low risk; 4 or more is high when the psychosocial
/// subscore is 4 or 5, otherwise medium.
pub fn startback_risk(total: f64, psych: u8) -> Risk {
    if total <= 3.0 {
        Risk::Low
    } else if psych >= 4 {
        Risk::High
    } else {
        Risk::Medium
    }
}

/// Checks a typed value (and `--psych`) against the instrument, as [`check_score`] does;
/// returns the value as stored (one decimal) and the subscore.
pub fn check(
    instrument: Instrument,
    value: &str,
    psych: Option<&str>,
) -> Result<(f64, Option<u8>), InputError> {
    let v: f64 = value
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| {
            InputError::new(
                format!("{} value", instrument.as_str()),
                format!(
                    "'{}' is not a number; allowed: {}",
                    value.trim(),
                    instrument.allowed()
                ),
            )
        })?;
    let psych = psych.map(|p| PSYCH.parse_scale("psych", p)).transpose()?;
    check_score(instrument, v, psych)?;
    // One decimal as stored; `+ 0.0`: a typed "-0" is 0, never printed "-0".
    Ok(((v * 10.0).round() / 10.0 + 0.0, psych))
}

/// The one check of a score, whichever way it comes in (`score add`, the app, the JSON import,
/// the repo's insert): the value within the instrument's range with its decimals, and the
/// psychosocial subscore required for STarT Back (0–5, at most the total) and refused for the
/// others. Errors name the field and the allowed values.
pub fn check_score(instrument: Instrument, v: f64, psych: Option<u8>) -> Result<(), InputError> {
    let allowed = instrument.allowed();
    let bad = |why: &str| {
        InputError::new(
            format!("{} value", instrument.as_str()),
            format!("'{v}' {why}; allowed: {allowed}"),
        )
    };
    let r = instrument.range();
    if !v.is_finite() {
        return Err(bad("is not a number"));
    }
    if v < r.lo || v > r.hi {
        return Err(bad("is out of range"));
    }
    let tenths = v * 10.0;
    if (!r.decimals && v.fract() != 0.0) || (tenths - tenths.round()).abs() > 1e-9 {
        let why = if r.decimals {
            "has more than one decimal"
        } else {
            "is not a whole number"
        };
        return Err(bad(why));
    }
    match (instrument, psych) {
        (Instrument::Startback, None) => Err(InputError::new(
            "psych",
            format!(
                "STarT Back needs its psychosocial subscore; allowed: --psych {}",
                PSYCH.range()
            ),
        )),
        (Instrument::Startback, Some(p)) if !PSYCH.contains(f64::from(p)) => {
            Err(InputError::new("psych", PSYCH.allowed(f64::from(p))))
        }
        (Instrument::Startback, Some(p)) if f64::from(p) > v => Err(InputError::new(
            "psych",
            format!(
                "{p} is above the total {v} (the psychosocial items are among the 9); \
                 allowed: 0–{}",
                v.min(PSYCH.hi)
            ),
        )),
        (Instrument::Startback, Some(_)) | (_, None) => Ok(()),
        (_, Some(_)) => Err(InputError::new(
            "psych",
            format!(
                "--psych does not apply to {}; allowed: only with startback",
                instrument.as_str()
            ),
        )),
    }
}

/// `2w`, `14d`, `1w`: days between scores, 1–366.
pub fn parse_every(text: &str) -> Result<u32, InputError> {
    let t = text.trim().to_lowercase();
    let err = || {
        InputError::new(
            "every",
            format!("'{text}' is not an interval; allowed: Nd or Nw (1 day to 52 weeks), e.g. 2w"),
        )
    };
    let (num, mult) = match t.strip_suffix('w') {
        Some(n) => (n, 7),
        None => (t.strip_suffix('d').ok_or_else(err)?, 1),
    };
    let n: u32 = num.parse().map_err(|_| err())?;
    let days = n.checked_mul(mult).ok_or_else(err)?;
    if super::limits::EVERY_DAYS.contains(days as f64) {
        Ok(days)
    } else {
        Err(err())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn startback_risk_on_the_rules_boundaries() {
        // Total 3 is low whatever the subscore; 4 is medium with psych 3 and high with 4.
        assert_eq!(startback_risk(3.0, 3), Risk::Low);
        assert_eq!(startback_risk(0.0, 0), Risk::Low);
        assert_eq!(startback_risk(4.0, 3), Risk::Medium);
        assert_eq!(startback_risk(4.0, 4), Risk::High);
        assert_eq!(startback_risk(9.0, 3), Risk::Medium);
        assert_eq!(startback_risk(9.0, 5), Risk::High);
    }

    #[test]
    fn each_instrument_refuses_values_outside_its_range() {
        for (i, ok, bad) in [
            (Instrument::Odi, "100", "100.5"),
            (Instrument::Odi, "0", "-2"),
            (Instrument::Odi, "42.5", "42.55"),
            (Instrument::Rmdq, "24", "25"),
            (Instrument::Rmdq, "7", "7.5"),
            (Instrument::Peg, "6.3", "10.1"),
            (Instrument::PromisPi, "90", "91"),
            (Instrument::PromisPi, "20", "19.9"),
        ] {
            assert!(check(i, ok, None).is_ok(), "{ok}");
            let e = check(i, bad, None).unwrap_err();
            assert_eq!(e.field, format!("{} value", i.as_str()));
            assert!(e.message.contains(&i.allowed()), "{}", e.message);
        }
        assert_eq!(
            check(Instrument::Startback, "5", Some("4")).unwrap(),
            (5.0, Some(4))
        );
        for (v, p, field) in [
            ("10", Some("2"), "startback value"),
            ("5", None, "psych"),
            ("5", Some("6"), "psych"),
            ("2", Some("3"), "psych"),
        ] {
            assert_eq!(check(Instrument::Startback, v, p).unwrap_err().field, field);
        }
        assert_eq!(
            check(Instrument::Odi, "30", Some("2")).unwrap_err().field,
            "psych"
        );
        assert_eq!(
            check(Instrument::Odi, "nan", None).unwrap_err().field,
            "odi value"
        );
        let (zero, _) = check(Instrument::Rmdq, "-0", None).unwrap();
        assert_eq!(format!("{zero}"), "0");
    }

    #[test]
    fn intervals_in_days_and_weeks() {
        assert_eq!(parse_every("2w").unwrap(), 14);
        assert_eq!(parse_every("10d").unwrap(), 10);
        for bad in ["0w", "53w", "2", "w", "2m", "-1d"] {
            assert_eq!(parse_every(bad).unwrap_err().field, "every", "{bad}");
        }
    }
}
