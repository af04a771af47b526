//! Heights and weights as typed, in either unit system: `800`, `800m`, `2600ft`; `72.5`,
//! `72.5kg`, `160lb`. A bare number is metric (metres, kilograms), as a bare distance is
//! kilometres, so a script's input never changes meaning with the `units` setting. Values are
//! returned metric, as stored.

use super::InputError;

pub const M_PER_MI: f64 = 1609.344;
pub const M_PER_FT: f64 = 0.3048;
pub const KG_PER_LB: f64 = 0.453_592_37;

/// Splits `2600ft` into the number and the factor to metric, given the suffixes and factors
/// the field accepts; a bare number takes `bare`.
fn split<'a>(t: &'a str, units: &[(&str, f64)], bare: f64) -> (&'a str, f64) {
    units
        .iter()
        .find_map(|(suffix, f)| t.strip_suffix(suffix).map(|n| (n, *f)))
        .unwrap_or((t, bare))
}

/// Rounds to a thousandth: what is stored is the typed figure, not float noise
/// (`2600ft` is 792.48 m, not 792.4800000000001).
fn thousandths(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// Parses a height or climb into metres, `0..=max_m`: `800`, `800m`, `2600ft`.
pub fn parse_height(field: &str, text: &str, max_m: f64) -> Result<f64, InputError> {
    let t = text.trim().to_ascii_lowercase();
    let forms = format!(
        "allowed: 800 (metres), 800m, 2600ft, from 0 to {max_m:.0} m ({:.0} ft)",
        max_m / M_PER_FT
    );
    let (num, factor) = split(&t, &[("ft", M_PER_FT), ("m", 1.0)], 1.0);
    let v: f64 = num
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| InputError::new(field, format!("'{text}' is not a height; {forms}")))?;
    let m = thousandths(v * factor);
    if !(0.0..=max_m).contains(&m) {
        return Err(InputError::new(
            field,
            format!("'{text}' is out of range; {forms}"),
        ));
    }
    Ok(m)
}

/// Parses a weight into kilograms, `lo_kg..=hi_kg`: `72.5`, `72.5kg`, `160lb`.
pub fn parse_weight(field: &str, text: &str, lo_kg: f64, hi_kg: f64) -> Result<f64, InputError> {
    let t = text.trim().to_ascii_lowercase();
    let forms = weight_forms(lo_kg, hi_kg);
    let units = [("kg", 1.0), ("lbs", KG_PER_LB), ("lb", KG_PER_LB)];
    let (num, factor) = split(&t, &units, 1.0);
    let v: f64 = num
        .trim()
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| InputError::new(field, format!("'{text}' is not a weight; {forms}")))?;
    let kg = thousandths(v * factor);
    if !(lo_kg..=hi_kg).contains(&kg) {
        return Err(InputError::new(
            field,
            format!("'{text}' is out of range; {forms}"),
        ));
    }
    Ok(kg)
}

/// The forms a weight takes and its range in both units, for messages.
pub fn weight_forms(lo_kg: f64, hi_kg: f64) -> String {
    format!(
        "allowed: 72.5 (kg), 72.5kg, 160lb, from {lo_kg} to {hi_kg} kg ({:.0}–{:.0} lb)",
        lo_kg / KG_PER_LB,
        hi_kg / KG_PER_LB
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_take_metres_bare_or_with_m_and_feet() {
        assert_eq!(parse_height("ascent", "800", 20_000.0).unwrap(), 800.0);
        assert_eq!(parse_height("ascent", "800m", 20_000.0).unwrap(), 800.0);
        assert_eq!(parse_height("ascent", " 800 M ", 20_000.0).unwrap(), 800.0);
        // 2600 × 0.3048 = 792.48, by hand.
        assert_eq!(parse_height("ascent", "2600ft", 20_000.0).unwrap(), 792.48);
        assert_eq!(parse_height("ascent", "0", 20_000.0).unwrap(), 0.0);
        let e = parse_height("ascent", "lots", 20_000.0).unwrap_err();
        assert_eq!(e.field, "ascent");
        assert!(e.message.contains("2600ft"), "{e}");
        for bad in ["-10", "20001", "65620ft", "nanft", "inf"] {
            let e = parse_height("ascent", bad, 20_000.0).unwrap_err();
            assert!(e.message.contains("800m, 2600ft"), "{bad}: {e}");
        }
        let e = parse_height("ascent", "70000ft", 20_000.0).unwrap_err();
        assert!(e.message.contains("out of range"), "{e}");
        assert!(e.message.contains("65617 ft"), "{e}");
    }

    #[test]
    fn weights_take_kilograms_bare_or_with_kg_and_pounds() {
        assert_eq!(parse_weight("weight", "72.5", 25.0, 300.0).unwrap(), 72.5);
        assert_eq!(parse_weight("weight", "72.5kg", 25.0, 300.0).unwrap(), 72.5);
        // 35 × 0.45359237 = 15.87573…, kept to the gram.
        assert_eq!(parse_weight("load", "35lb", 0.0, 500.0).unwrap(), 15.876);
        assert_eq!(parse_weight("load", "35 lbs", 0.0, 500.0).unwrap(), 15.876);
        // 165 × 0.45359237 = 74.84274…
        assert_eq!(
            parse_weight("weight", "165LB", 25.0, 300.0).unwrap(),
            74.843
        );
        let e = parse_weight("weight_kg", "-70", 25.0, 300.0).unwrap_err();
        assert_eq!(e.field, "weight_kg");
        assert!(e.message.contains("out of range"), "{e}");
        assert!(e.message.contains("55–661 lb"), "{e}");
        let e = parse_weight("weight_kg", "heavy", 25.0, 300.0).unwrap_err();
        assert!(
            e.message.contains("not a weight") && e.message.contains("160lb"),
            "{e}"
        );
        assert!(parse_weight("weight_kg", "700lb", 25.0, 300.0).is_err());
    }
}
