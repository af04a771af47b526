//! The hybrid logical clock as the journal stores it: milliseconds since 1970 times 65536
//! plus a counter (the triggers of migration 05 tick it on every write). Shown as the UTC
//! moment and the counter.

/// The counter's share of a stamp.
pub const COUNTER: i64 = 65536;

/// How far ahead of this computer's clock another device's stamp may be before a warning:
/// five minutes, in milliseconds.
pub const AHEAD_WARNING_MS: i64 = 5 * 60 * 1000;

/// The wall-clock moment of a stamp, in milliseconds since 1970.
pub fn millis(hlc: i64) -> i64 {
    hlc.div_euclid(COUNTER)
}

/// A stamp for people: `2026-12-04T22:44:03.123Z+2` (the counter after the plus).
pub fn show(hlc: i64) -> String {
    let at = chrono::DateTime::from_timestamp_millis(millis(hlc))
        .map(|d| d.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        .unwrap_or_else(|| "?".into());
    match hlc.rem_euclid(COUNTER) {
        0 => at,
        n => format!("{at}+{n}"),
    }
}

/// How many milliseconds `hlc` is ahead of `now_ms` (0 when it is not ahead).
pub fn ahead_ms(hlc: i64, now_ms: i64) -> i64 {
    (millis(hlc) - now_ms).max(0)
}

/// The warning for a stamp more than five minutes ahead of this clock, if it is.
pub fn ahead_warning(device: &str, hlc: i64, now_ms: i64) -> Option<String> {
    let ahead = ahead_ms(hlc, now_ms);
    (ahead > AHEAD_WARNING_MS).then(|| {
        format!(
            "device {device}'s clock is {} ahead of this computer's; check the clocks of both (the merge stays correct)",
            span(ahead)
        )
    })
}

fn span(ms: i64) -> String {
    match ms / 60_000 {
        m if m < 120 => format!("{m} min"),
        m if m < 24 * 60 => format!("{:.1} h", ms as f64 / 3_600_000.0),
        _ => format!("{:.1} days", ms as f64 / 86_400_000.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_shows_its_moment_and_counter() {
        let ms = 1_800_000_000_123;
        assert_eq!(show(ms * COUNTER), "2027-01-15T08:00:00.123Z");
        assert_eq!(show(ms * COUNTER + 2), "2027-01-15T08:00:00.123Z+2");
    }

    #[test]
    fn only_a_clock_more_than_five_minutes_ahead_is_warned_about() {
        let now = 1_800_000_000_000;
        assert!(ahead_warning("b", (now + 4 * 60_000) * COUNTER, now).is_none());
        let w = ahead_warning("b", (now + 2 * 86_400_000) * COUNTER, now).unwrap();
        assert!(w.contains("2.0 days ahead"), "{w}");
    }
}
