//! Number words shared by every sentence: "1 day" but "2 days", and one decimal without a
//! "-0.0" or "+0.0".

/// "1 day", "3 days": `unit` is the singular, the plural adds "s".
pub fn count(n: usize, unit: &str) -> String {
    crate::domain::text::plural(n, unit, &format!("{unit}s"))
}

/// "1 day", "14 days".
pub fn days(n: usize) -> String {
    count(n, "day")
}

/// One decimal, with a zero that rounds to 0.0 never signed: "2.1", "0.0", "-0.4".
pub fn one(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0 + 0.0;
    format!("{r:.1}")
}

/// One decimal with its sign, except for zero: "+1.3", "-0.7", "0.0".
pub fn signed(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0 + 0.0;
    if r == 0.0 {
        "0.0".to_string()
    } else {
        format!("{r:+.1}")
    }
}

/// Two decimals, zero unsigned: "0.46", "-0.35", "0.00".
pub fn two(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0 + 0.0;
    format!("{r:.2}")
}

/// A vocabulary key in words for a sentence: `bike-fit` → "bike fit", `nsaid` → "NSAID".
pub fn key_words(key: &str) -> String {
    match key {
        "nsaid" => "NSAID".to_string(),
        k => k.replace('-', " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_one_days_and_no_signed_zero() {
        assert_eq!(days(1), "1 day");
        assert_eq!(days(0), "0 days");
        assert_eq!(count(2, "session"), "2 sessions");
        assert_eq!(one(-0.04), "0.0");
        assert_eq!(one(-0.06), "-0.1");
        assert_eq!(signed(-0.04), "0.0");
        assert_eq!(signed(0.04), "0.0");
        assert_eq!(signed(1.25), "+1.3");
        assert_eq!(signed(-0.7), "-0.7");
        assert_eq!(two(-0.004), "0.00");
        assert_eq!(two(0.456), "0.46");
        assert_eq!(key_words("bike-fit"), "bike fit");
        assert_eq!(key_words("nsaid"), "NSAID");
    }
}
