//! The one error type for bad user input: it names the field and what is allowed.

/// Bad input. The CLI maps it to exit code 2 and writes nothing; the TUI shows it in the status
/// line and keeps the form's input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct InputError {
    pub field: String,
    pub message: String,
}

impl InputError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// Checks an integer scale such as pain 0–10 or mood 1–5.
pub fn check_scale(field: &str, value: i64, lo: i64, hi: i64) -> Result<u8, InputError> {
    if (lo..=hi).contains(&value) {
        Ok(value as u8)
    } else {
        Err(InputError::new(
            field,
            format!("{value} is out of range; allowed: whole numbers {lo}–{hi}"),
        ))
    }
}

/// Parses and checks an integer scale typed as text ("4", not "four").
pub fn parse_scale(field: &str, text: &str, lo: i64, hi: i64) -> Result<u8, InputError> {
    let t = text.trim();
    let v: i64 = t.parse().map_err(|_| {
        // A number that is too big, too small or has a fraction is a number, just not one
        // of the scale's.
        let why = match t.parse::<f64>() {
            Ok(x) if x.is_finite() && x.fract() != 0.0 => "is not a whole number",
            Ok(_) => "is out of range",
            Err(_) => "is not a number",
        };
        InputError::new(
            field,
            format!("'{text}' {why}; allowed: whole numbers {lo}–{hi}"),
        )
    })?;
    check_scale(field, v, lo, hi)
}

/// Checks hours in a day (sleep, sitting): 0–24 with one decimal place kept.
pub fn check_hours(field: &str, value: f64) -> Result<f64, InputError> {
    use super::limits::DAY_HOURS;
    if DAY_HOURS.contains(value) {
        Ok((value * 10.0).round() / 10.0)
    } else {
        Err(InputError::new(
            field,
            format!(
                "{value} is out of range; allowed: hours {}–{} (one decimal, e.g. 7.5)",
                DAY_HOURS.lo, DAY_HOURS.hi
            ),
        ))
    }
}

/// The smallest positive figure taken: a thousandth (of a mg, a watt…). Below it a typed
/// `1e-300` would be stored and printed as 300 zeros.
pub const MIN_POSITIVE: f64 = 0.001;

/// Checks a positive measured figure (watts, bpm, kg...).
pub fn check_positive(field: &str, value: f64, max: f64) -> Result<f64, InputError> {
    if value.is_finite() && (MIN_POSITIVE..=max).contains(&value) {
        Ok(value)
    } else {
        let shown = if value.is_finite() && (value == 0.0 || (1e-3..1e9).contains(&value.abs())) {
            format!("{value}")
        } else {
            format!("{value:e}")
        };
        Err(InputError::new(
            field,
            format!("{shown} is out of range; allowed: a number from {MIN_POSITIVE} to {max}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_names_field_and_range() {
        let e = parse_scale("pain", "11", 0, 10).unwrap_err();
        assert_eq!(e.field, "pain");
        assert!(e.message.contains("0–10"), "{e}");
        let e = parse_scale("pain", "four", 0, 10).unwrap_err();
        assert!(e.message.contains("not a number"));
        assert_eq!(parse_scale("pain", "10", 0, 10).unwrap(), 10);
        assert!(parse_scale("pain", "-1", 0, 10).is_err());
        let e = parse_scale("pain", "99999999999999999999", 0, 10).unwrap_err();
        assert!(e.message.contains("out of range"), "{e}");
        let e = parse_scale("pain", "4.5", 0, 10).unwrap_err();
        assert!(e.message.contains("not a whole number"), "{e}");
    }

    #[test]
    fn hours_round_to_one_decimal() {
        assert_eq!(check_hours("sleep", 7.46).unwrap(), 7.5);
        assert!(check_hours("sleep", 25.0).is_err());
        assert!(check_hours("sleep", -0.5).is_err());
        assert!(check_hours("sleep", f64::NAN).is_err());
    }
}
