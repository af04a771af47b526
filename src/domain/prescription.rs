//! Rehab prescriptions as typed on the command line: `bird dog:3x10`, `side plank:3x30s`,
//! `goblet squat:3x8@16kg` (or `@35lb`), `hip-flexor stretch:2x30s`. The name part is optional
//! where the exercise is known from context. A load is stored in kilograms (a bare `@16` is kg)
//! and shown in the display units.

use super::InputError;
use super::limits::{HOLD_S, LOAD_KG, Limit, REPS, SETS};

/// Sets, reps, hold and load of one exercise, each optional.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prescription {
    pub sets: Option<u32>,
    pub reps: Option<u32>,
    pub hold_s: Option<u32>,
    pub load_kg: Option<f64>,
}

const FORMS: &str = "allowed: NAME, NAME:3x10, NAME:3x30s (hold), NAME:30s, NAME:3x8@16kg, NAME:3x8@35lb (load 0–500 kg)";

/// Splits `name:spec` and parses the spec. A bare name means "as prescribed".
pub fn parse_done(field: &str, text: &str) -> Result<(String, Prescription), InputError> {
    let (name, spec) = match text.rsplit_once(':') {
        Some((n, s)) => (n.trim(), Some(s.trim())),
        None => (text.trim(), None),
    };
    if name.is_empty() {
        return Err(InputError::new(
            field,
            format!("'{text}' has no exercise name; {FORMS}"),
        ));
    }
    let p = match spec {
        Some(s) if !s.is_empty() => parse_spec(field, s)?,
        _ => Prescription::default(),
    };
    Ok((name.to_string(), p))
}

/// Parses `3x10`, `3x30s`, `30s`, `10` (reps), with an optional `@16kg`, `@35lb` or `@16` (kg).
pub fn parse_spec(field: &str, spec: &str) -> Result<Prescription, InputError> {
    let bad = || InputError::new(field, format!("'{spec}' is not a prescription; {FORMS}"));
    let s = spec.trim().to_ascii_lowercase();
    let (body, load) = match s.split_once('@') {
        Some((b, l)) => {
            // Any finite weight parses; the load's own limit is checked here, in its words.
            let kg = super::measure::parse_weight(field, l, f64::NEG_INFINITY, f64::INFINITY)
                .map_err(|_| bad())?;
            if !LOAD_KG.contains(kg) {
                return Err(InputError::new(
                    field,
                    format!(
                        "'{spec}' is out of range; loads from {} to {} kg; {FORMS}",
                        LOAD_KG.lo, LOAD_KG.hi
                    ),
                ));
            }
            (b.trim().to_string(), Some(kg))
        }
        None => (s.clone(), None),
    };
    let mut p = Prescription {
        load_kg: load,
        ..Default::default()
    };
    let (sets, rest) = match body.split_once('x') {
        Some((a, b)) => (
            Some(a.trim().parse::<u32>().map_err(|_| bad())?),
            b.trim().to_string(),
        ),
        None => (None, body.clone()),
    };
    p.sets = sets;
    if let Some(secs) = rest.strip_suffix('s') {
        p.hold_s = Some(secs.parse().map_err(|_| bad())?);
    } else if !rest.is_empty() {
        p.reps = Some(rest.parse().map_err(|_| bad())?);
    }
    let in_range = |v: Option<u32>, l: Limit| v.is_none_or(|v| l.contains(v as f64));
    if !(in_range(p.sets, SETS) && in_range(p.reps, REPS) && in_range(p.hold_s, HOLD_S)) {
        return Err(InputError::new(
            field,
            format!(
                "'{spec}' is out of range: {}–{} sets, {}–{} reps, holds of {}–{} s; {FORMS}",
                SETS.lo, SETS.hi, REPS.lo, REPS.hi, HOLD_S.lo, HOLD_S.hi
            ),
        ));
    }
    Ok(p)
}

/// Formats a prescription back: `3x10`, `3x30s`, `3x8@16kg` (`3x8@35.5lb` in imperial units).
pub fn format_spec(
    sets: Option<u32>,
    reps: Option<u32>,
    hold_s: Option<u32>,
    load: Option<f64>,
) -> String {
    let mut s = String::new();
    if let Some(n) = sets {
        s.push_str(&format!("{n}x"));
    }
    match (reps, hold_s) {
        (Some(r), _) => s.push_str(&r.to_string()),
        (None, Some(h)) => s.push_str(&format!("{h}s")),
        _ => {
            s.pop();
        }
    }
    if let Some(kg) = load {
        s.push('@');
        s.push_str(&super::text::load(kg));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_past_the_limits_say_out_of_range() {
        let e = parse_spec("done", "3x4000s").unwrap_err().to_string();
        assert!(e.contains("out of range") && e.contains("3600 s"), "{e}");
        let e = parse_spec("done", "3x8@600kg").unwrap_err().to_string();
        assert!(e.contains("out of range"), "{e}");
        let e = parse_spec("done", "3xten").unwrap_err().to_string();
        assert!(e.contains("not a prescription"), "{e}");
    }

    #[test]
    fn parses_common_forms() {
        let (n, p) = parse_done("done", "bird dog:3x10").unwrap();
        assert_eq!(n, "bird dog");
        assert_eq!((p.sets, p.reps, p.hold_s), (Some(3), Some(10), None));
        let (_, p) = parse_done("done", "side plank:3x30s").unwrap();
        assert_eq!((p.sets, p.hold_s), (Some(3), Some(30)));
        let (_, p) = parse_done("done", "goblet squat:3x8@16kg").unwrap();
        assert_eq!(p.load_kg, Some(16.0));
        let (n, p) = parse_done("done", "swimming").unwrap();
        assert_eq!((n.as_str(), p), ("swimming", Prescription::default()));
        assert!(parse_done("done", "bird dog:lots").is_err());
        assert!(parse_done("done", ":3x10").is_err());
        assert_eq!(format_spec(Some(3), None, Some(30), None), "3x30s");
        assert_eq!(format_spec(Some(3), Some(8), None, Some(16.0)), "3x8@16kg");
    }

    #[test]
    fn loads_in_pounds_are_stored_in_kilograms_and_shown_in_the_display_units() {
        let (_, p) = parse_done("done", "goblet squat:3x8@35lb").unwrap();
        // 35 × 0.45359237 = 15.876 kg.
        assert_eq!(
            (p.sets, p.reps, p.load_kg),
            (Some(3), Some(8), Some(15.876))
        );
        let (_, p) = parse_done("done", "goblet squat:3x8@16").unwrap();
        assert_eq!(p.load_kg, Some(16.0), "a bare load is kilograms");
        for bad in ["squat:3x8@heavy", "squat:3x8@-5kg", "squat:3x8@1200lb"] {
            let e = parse_done("done", bad).unwrap_err();
            assert!(e.message.contains("@35lb"), "{bad}: {e}");
        }
        assert_eq!(
            format_spec(Some(3), Some(8), None, Some(15.876)),
            "3x8@15.88kg"
        );
        crate::domain::text::set_units(crate::domain::text::Units::Imperial);
        assert_eq!(
            format_spec(Some(3), Some(8), None, Some(15.876)),
            "3x8@35lb"
        );
        assert_eq!(
            format_spec(Some(3), Some(8), None, Some(16.0)),
            "3x8@35.5lb"
        );
        assert_eq!(format_spec(Some(3), None, Some(30), None), "3x30s");
        crate::domain::text::set_units(crate::domain::text::Units::Metric);
    }
}
