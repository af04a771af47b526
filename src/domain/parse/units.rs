//! Parsing the amounts users type with a unit: durations (`1h30m`, `90`, `1:30`) and
//! distances (`42km`, `26mi`, `800m`). Each error names the field and the accepted forms.

use crate::domain::InputError;

const DURATION_FORMS: &str = "allowed: 1h30m, 90m, 45s, 1:30 (h:mm), 1:30:00 (h:mm:ss)";

/// Parses a duration into whole seconds. Zero and over 7 days are refused.
pub fn parse_duration(field: &str, text: &str) -> Result<u32, InputError> {
    let t = text.trim().to_ascii_lowercase();
    let typed = Typed { field, text };
    let secs = if t.contains(':') {
        typed.clock(&t)?
    } else {
        typed.units(&t)?
    };
    if secs == 0 || secs > 7 * 24 * 3600 {
        return Err(InputError::new(
            field,
            format!(
                "'{text}' is out of range; allowed: more than 0 and at most 7 days ({DURATION_FORMS})"
            ),
        ));
    }
    Ok(secs as u32)
}

/// A duration as typed: the field and the text its errors name.
struct Typed<'a> {
    field: &'a str,
    text: &'a str,
}

impl Typed<'_> {
    /// The error "'<text>' <what>; allowed: …".
    fn says(&self, what: &str) -> InputError {
        InputError::new(
            self.field,
            format!("'{}' {what}; {DURATION_FORMS}", self.text),
        )
    }

    fn bad(&self) -> InputError {
        self.says("is not a duration")
    }

    /// `h:mm` or `h:mm:ss`.
    fn clock(&self, t: &str) -> Result<u64, InputError> {
        let nums: Option<Vec<u64>> = t.split(':').map(|p| p.parse().ok()).collect();
        match nums.ok_or_else(|| self.bad())?.as_slice() {
            [h, m] if *m < 60 && *h <= 10_000 => Ok(h * 3600 + m * 60),
            [h, m, s] if *m < 60 && *s < 60 && *h <= 10_000 => Ok(h * 3600 + m * 60 + s),
            [_, _] | [_, _, _] => {
                Err(self.says("is out of range: minutes and seconds go up to 59"))
            }
            _ => Err(self.bad()),
        }
    }

    /// Numbers with units (`1h30m`, `45s`), a bare number last (`90`, `1h30`).
    fn units(&self, t: &str) -> Result<u64, InputError> {
        let mut total = 0u64;
        let mut num = String::new();
        // The previous unit: minutes after hours (and seconds after minutes) must be under 60,
        // or "1h99m" would quietly mean 2h39m. 0 before the first unit.
        let mut larger = 0.0;
        for ch in t.chars() {
            if ch.is_ascii_digit() || ch == '.' {
                num.push(ch);
                continue;
            }
            let value: f64 = num.parse().map_err(|_| self.bad())?;
            let unit = self.unit(ch, value, larger)?;
            total += self.seconds(value, unit)?;
            larger = unit;
            num.clear();
        }
        if !num.is_empty() {
            let value: f64 = num.parse().map_err(|_| self.bad())?;
            let unit = self.bare_unit(value, larger)?;
            total += self.seconds(value, unit)?;
        } else if larger == 0.0 {
            return Err(self.bad());
        }
        Ok(total)
    }

    /// The seconds in the unit `ch` names, which `value` counts; after a larger unit it must
    /// be a smaller one, and the value under 60.
    fn unit(&self, ch: char, value: f64, larger: f64) -> Result<f64, InputError> {
        let unit = match ch {
            'h' => 3600.0,
            'm' => 60.0,
            's' => 1.0,
            _ => return Err(self.bad()),
        };
        if larger > 0.0 && unit >= larger {
            return Err(self.bad());
        }
        if larger > 0.0 && value >= 60.0 {
            let name = if unit == 60.0 { "minutes" } else { "seconds" };
            return Err(self.says(&format!(
                "is out of range: {name} after a larger unit go up to 59"
            )));
        }
        Ok(unit)
    }

    /// A bare number is minutes: "90" reads as 90 minutes, the common case. After a unit it
    /// is the next smaller one, by the same rule as typed out: "1h30" is 1h30m and "1m30"
    /// 1 min 30 s, while "1h90" is refused, never read as 2h30m.
    fn bare_unit(&self, value: f64, larger: f64) -> Result<f64, InputError> {
        let (unit, name) = match larger {
            0.0 => (60.0, ""),
            3600.0 => (60.0, "minutes"),
            60.0 => (1.0, "seconds"),
            _ => return Err(self.says("has a number after the seconds")),
        };
        if larger > 0.0 && (value >= 60.0 || value.fract() != 0.0) {
            return Err(self.says(&format!(
                "is out of range: {name} after a larger unit are whole numbers up to 59"
            )));
        }
        Ok(unit)
    }

    /// `value` units in whole seconds; a number past ten million of any unit is no duration.
    fn seconds(&self, value: f64, unit: f64) -> Result<u64, InputError> {
        if !value.is_finite() || value > 1e7 {
            return Err(self.bad());
        }
        Ok((value * unit).round() as u64)
    }
}

/// Formats seconds as `1h30m` / `45m` / `50s`.
pub fn format_duration(secs: u32) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    match (h, m, s) {
        (0, 0, s) => format!("{s}s"),
        (0, m, _) => format!("{m}m"),
        (h, 0, _) => format!("{h}h"),
        (h, m, _) => format!("{h}h{m:02}m"),
    }
}

/// Parses a distance into metres: `42km`, `42.2` (km), `26mi`, `800m`.
pub fn parse_distance(field: &str, text: &str) -> Result<f64, InputError> {
    let t = text.trim().to_ascii_lowercase();
    let bad = || {
        InputError::new(
            field,
            format!("'{text}' is not a distance; allowed: 42km, 42.2 (km), 26mi, 800m"),
        )
    };
    let (num, factor) = if let Some(n) = t.strip_suffix("km") {
        (n, 1000.0)
    } else if let Some(n) = t.strip_suffix("mi") {
        (n, 1609.344)
    } else if let Some(n) = t.strip_suffix('m') {
        (n, 1.0)
    } else {
        (t.as_str(), 1000.0)
    };
    let v: f64 = num.trim().parse().map_err(|_| bad())?;
    if !v.is_finite() {
        return Err(bad());
    }
    if v < 0.0 || v * factor > 5_000_000.0 {
        return Err(InputError::new(
            field,
            format!("'{text}' is out of range; allowed: 0 to 5000 km (3107 mi)"),
        ));
    }
    Ok(v * factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_distance_past_the_limit_says_out_of_range() {
        let e = parse_distance("distance", "5001km")
            .unwrap_err()
            .to_string();
        assert!(e.contains("out of range") && e.contains("5000 km"), "{e}");
        let e = parse_distance("distance", "far").unwrap_err().to_string();
        assert!(e.contains("not a distance"), "{e}");
        assert_eq!(parse_distance("distance", "26mi").unwrap(), 26.0 * 1609.344);
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("duration", "1h30m").unwrap(), 5400);
        assert_eq!(parse_duration("duration", "90m").unwrap(), 5400);
        assert_eq!(parse_duration("duration", "1:30").unwrap(), 5400);
        assert_eq!(parse_duration("duration", "1:30:00").unwrap(), 5400);
        assert_eq!(parse_duration("duration", "45").unwrap(), 2700);
        assert_eq!(parse_duration("duration", "2h").unwrap(), 7200);
        assert!(parse_duration("duration", "1:75").is_err());
        for over in ["1h99m", "1h60m", "1m75s", "2h30m60s", "1:60:00", "0:10:99"] {
            let e = parse_duration("duration", over).unwrap_err();
            assert!(e.message.contains("out of range"), "{over}: {e}");
        }
        assert_eq!(parse_duration("duration", "1h59m").unwrap(), 7140);
        assert_eq!(parse_duration("duration", "75s").unwrap(), 75);
        assert_eq!(parse_duration("duration", "1h0m30s").unwrap(), 3630);
        assert!(parse_duration("duration", "0m").is_err());
        assert!(parse_duration("duration", "abc").is_err());
        assert_eq!(format_duration(5400), "1h30m");
        assert_eq!(format_duration(2700), "45m");
    }

    /// Issue 25 item 2: a bare number after a unit is the next smaller unit, by the same
    /// under-60 rule, never added on as minutes ("1h90" was 2h30m, "1m30" 31 minutes).
    #[test]
    fn a_bare_number_after_a_unit_is_the_next_smaller_unit() {
        assert_eq!(parse_duration("duration", "1h30").unwrap(), 5400);
        assert_eq!(parse_duration("duration", "1m30").unwrap(), 90);
        assert_eq!(parse_duration("duration", "2h5").unwrap(), 7500);
        for bad in ["1h90", "1m60", "1m75", "1h30.5"] {
            let e = parse_duration("duration", bad).unwrap_err();
            assert_eq!(e.field, "duration");
            assert!(e.message.contains("up to 59"), "{bad}: {e}");
        }
        let e = parse_duration("duration", "1m30s5").unwrap_err();
        assert!(e.message.contains("after the seconds"), "{e}");
    }

    #[test]
    fn distances() {
        assert_eq!(parse_distance("distance", "42km").unwrap(), 42_000.0);
        assert_eq!(parse_distance("distance", "42.2").unwrap(), 42_200.0);
        assert!((parse_distance("distance", "26mi").unwrap() - 41_842.944).abs() < 1e-6);
        assert_eq!(parse_distance("distance", "800m").unwrap(), 800.0);
        assert!(parse_distance("distance", "far").is_err());
        assert!(parse_distance("distance", "-5km").is_err());
    }
}
