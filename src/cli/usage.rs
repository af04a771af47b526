//! Clap's refusals in backtrack's words: one line naming the field and what is allowed, with
//! clap's own "did you mean" tip kept, instead of Rust's parse errors ("invalid float
//! literal", "is not in 0..=4294967295").

use std::num::{ParseFloatError, ParseIntError};

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

/// The one line for a value clap could not parse into a number, or None to keep clap's text.
pub fn number_refusal(e: &Error) -> Option<String> {
    if e.kind() != ErrorKind::ValueValidation {
        return None;
    }
    let arg = context(e, ContextKind::InvalidArg)?;
    let value = context(e, ContextKind::InvalidValue)?;
    let source = std::error::Error::source(e)?;
    let field = field_name(&arg);
    let why = if source.downcast_ref::<ParseFloatError>().is_some() {
        if value.contains(',') && value.replace(',', ".").trim().parse::<f64>().is_ok() {
            format!(
                "'{value}' is not a number; allowed: a number with a decimal point ({}, not {value})",
                value.replace(',', ".").trim()
            )
        } else {
            format!("'{value}' is not a number; allowed: a number, e.g. 7.5")
        }
    } else if source.downcast_ref::<ParseIntError>().is_some() {
        format!("'{value}' is not a whole number; allowed: whole numbers, e.g. 20")
    } else {
        // clap's ranged integer parser: "-3 is not in 0..=1440".
        let text = source.to_string();
        let (_, range) = text.split_once(" is not in ")?;
        let (lo, hi) = range.split_once("..=")?;
        format!("{value} is out of range; allowed: whole numbers {lo}–{hi}")
    };
    Some(format!("error: {field}: {why}"))
}

/// Clap's "a similar argument exists" tip, as a short clause, or None.
pub fn suggestion(e: &Error) -> Option<String> {
    let pick = |k| context(e, k);
    if let Some(s) = pick(ContextKind::SuggestedSubcommand) {
        return Some(format!("did you mean '{s}'?"));
    }
    if let Some(s) = pick(ContextKind::SuggestedArg) {
        return Some(format!("did you mean '{s}'?"));
    }
    pick(ContextKind::SuggestedValue).map(|s| format!("did you mean '{s}'?"))
}

fn context(e: &Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => v.first().cloned(),
        _ => None,
    }
}

/// `--sleep <H>` → `sleep`, `--pain-before <N>` → `pain_before`, `[AMOUNT]` → `amount`.
fn field_name(arg: &str) -> String {
    let name = arg.split_whitespace().next().unwrap_or(arg);
    name.trim_start_matches('-')
        .trim_matches(|c| matches!(c, '<' | '>' | '[' | ']'))
        .to_ascii_lowercase()
        .replace('-', "_")
}

#[cfg(test)]
mod tests {
    use super::field_name;

    #[test]
    fn field_names_are_the_flags_as_errors_name_fields() {
        assert_eq!(field_name("--sleep <H>"), "sleep");
        assert_eq!(field_name("--pain-before <N>"), "pain_before");
        assert_eq!(field_name("[AMOUNT]"), "amount");
        assert_eq!(field_name("<DOSE>"), "dose");
    }
}
