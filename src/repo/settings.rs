//! Settings (SPEC §3, §4.2): dated histories (FTP, LTHR, max HR, weight) and plain key/value
//! settings such as the safety thresholds.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::connection::Repo;
use super::error::Result;
use super::recompute::LoadFn;
use super::util::*;
use crate::domain::InputError;
use crate::domain::clock::utc_stamp;
use crate::domain::records::{DatedSetting, LoadThresholds};

/// Settings with a history, with their unit and allowed range.
pub const DATED_KEYS: &[(&str, &str, f64, f64)] = &[
    ("ftp_w", "W", 50.0, 700.0),
    ("lthr_bpm", "bpm", 80.0, 230.0),
    ("run_ftp_w", "W", 50.0, 700.0),
    ("run_lthr_bpm", "bpm", 80.0, 230.0),
    ("max_hr_bpm", "bpm", 100.0, 250.0),
    ("weight_kg", "kg", 25.0, 300.0),
];

/// Plain settings with their default and allowed range: the thresholds of SPEC §4.4 and §7.3
/// (the analysis reads them through `Thresholds`) and how often the app asks for PSFS.
pub const PLAIN_KEYS: &[(&str, &str, f64, f64)] = &[
    ("nsaid_streak_days", "10", 1.0, 365.0),
    ("opioid_days_7", "3", 1.0, 7.0),
    ("opioid_days_30", "10", 1.0, 30.0),
    ("opioid_streak_days", "3", 1.0, 365.0),
    ("injections_12m", "3", 1.0, 20.0),
    ("min_pairs", "14", 5.0, 365.0),
    ("min_group", "3", 2.0, 365.0),
    ("psfs_interval_days", "7", 1.0, 90.0),
];

/// Text settings: the patient's name and date of birth, printed on the care-team report only
/// when set.
pub const TEXT_KEYS: &[&str] = &["name", "dob"];

/// Longest text setting, in characters.
pub const TEXT_MAX: usize = 80;

pub fn is_text(key: &str) -> bool {
    TEXT_KEYS.contains(&key)
}

/// Checks a text setting: one line of at most [`TEXT_MAX`] characters, trimmed; empty clears it.
pub fn check_text(key: &str, value: &str) -> Result<String> {
    let v = value.trim();
    if v.chars().count() > TEXT_MAX || v.chars().any(char::is_control) {
        return Err(InputError::new(
            key,
            format!("allowed: one line of at most {TEXT_MAX} characters (\"\" clears it)"),
        )
        .into());
    }
    // A date of birth is a real day (YYYY-MM-DD) from 1900 on.
    let is_dob = |v: &str| {
        chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .is_ok_and(|d| chrono::Datelike::year(&d) >= 1900)
    };
    if key == "dob" && !v.is_empty() && !is_dob(v) {
        return Err(InputError::new(
            key,
            format!("'{v}' is not a date of birth; allowed: YYYY-MM-DD from 1900 (\"\" clears it)"),
        )
        .into());
    }
    Ok(v.to_string())
}

/// Maps what users type (`ftp`, `lthr`, `weight`) to a stored key.
pub fn resolve_key(name: &str) -> Result<&'static str> {
    let n = name.trim().to_ascii_lowercase().replace('-', "_");
    let alias = match n.as_str() {
        "ftp" => "ftp_w",
        "lthr" => "lthr_bpm",
        "run_ftp" | "runftp" => "run_ftp_w",
        "run_lthr" | "runlthr" => "run_lthr_bpm",
        "max_hr" | "maxhr" => "max_hr_bpm",
        "weight" => "weight_kg",
        other => other,
    };
    DATED_KEYS
        .iter()
        .chain(PLAIN_KEYS)
        .map(|k| k.0)
        .chain(TEXT_KEYS.iter().copied())
        .find(|k| *k == alias)
        .ok_or_else(|| {
            let all: Vec<&str> = DATED_KEYS
                .iter()
                .chain(PLAIN_KEYS)
                .map(|k| k.0)
                .chain(TEXT_KEYS.iter().copied())
                .collect();
            InputError::new(
                "setting",
                format!(
                    "unknown setting '{name}'; allowed: ftp, lthr, run_ftp, run_lthr, max_hr, weight, {}",
                    all.join(", ")
                ),
            )
            .into()
        })
}

pub fn is_dated(key: &str) -> bool {
    DATED_KEYS.iter().any(|k| k.0 == key)
}

/// Checks a value against the key's range.
pub fn check_value(key: &str, value: f64) -> Result<f64> {
    let (_, unit, lo, hi) = DATED_KEYS
        .iter()
        .chain(PLAIN_KEYS)
        .find(|k| k.0 == key)
        .copied()
        .unwrap_or((key, "", f64::MIN, f64::MAX));
    let whole = is_dated(key) || value.fract() == 0.0;
    if value.is_finite() && whole && (lo..=hi).contains(&value) {
        Ok(value)
    } else {
        let unit = if is_dated(key) {
            unit
        } else {
            "(whole number)"
        };
        Err(InputError::new(
            key,
            format!("{value} is out of range; allowed: {lo}–{hi} {unit}")
                .trim_end()
                .to_string(),
        )
        .into())
    }
}

/// Dated keys whose change recomputes the load of the activities from that day on.
pub const LOAD_KEYS: &[&str] = &["ftp_w", "lthr_bpm", "run_ftp_w", "run_lthr_bpm"];

/// Every load threshold in force on `date`, on any connection (which of them an activity
/// uses depends on its sport: `analysis::tss::thresholds_for`).
pub(super) fn load_thresholds_conn(
    conn: &rusqlite::Connection,
    date: NaiveDate,
) -> Result<LoadThresholds> {
    Ok(LoadThresholds {
        ftp_w: dated_on_conn(conn, "ftp_w", date)?,
        run_ftp_w: dated_on_conn(conn, "run_ftp_w", date)?,
        lthr_bpm: dated_on_conn(conn, "lthr_bpm", date)?,
        run_lthr_bpm: dated_on_conn(conn, "run_lthr_bpm", date)?,
    })
}

/// [`Repo::dated_on`] on any connection, so a write transaction can ask it too.
pub(super) fn dated_on_conn(
    conn: &rusqlite::Connection,
    key: &str,
    date: NaiveDate,
) -> Result<Option<f64>> {
    Ok(conn
        .query_row(
            "SELECT value FROM dated_settings WHERE key=?1 AND from_date<=?2 AND deleted_at IS NULL
             ORDER BY from_date DESC LIMIT 1",
            params![key, date_str(date)],
            |r| r.get(0),
        )
        .optional()?)
}

impl Repo {
    /// Sets a dated value from `from` on (replacing one from the same date). A change of a
    /// load threshold (FTP, LTHR, running FTP or LTHR) recomputes, in the same transaction, the TSS of every activity from `from` on
    /// whose load was computed (not typed in) with `load` (the analysis' estimate, passed in
    /// so that storage knows no statistics): returns how many changed.
    pub fn set_dated(
        &mut self,
        key: &str,
        from: NaiveDate,
        value: f64,
        load: LoadFn,
    ) -> Result<usize> {
        self.write(|tx| {
            let now = utc_stamp();
            let updated = tx.execute(
                "UPDATE dated_settings SET value=?1, updated_at=?2
                 WHERE key=?3 AND from_date=?4 AND deleted_at IS NULL",
                params![value, now, key, date_str(from)],
            )?;
            if updated == 0 {
                tx.execute(
                    "INSERT INTO dated_settings (uuid, key, from_date, value, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                    params![new_uuid(), key, date_str(from), value, now],
                )?;
            }
            if LOAD_KEYS.contains(&key) {
                super::recompute::recompute_loads_tx(tx, from, load)
            } else {
                Ok(0)
            }
        })
    }

    /// Every load threshold in force on `date`.
    pub fn load_thresholds(&self, date: NaiveDate) -> Result<LoadThresholds> {
        load_thresholds_conn(&self.conn, date)
    }

    /// The value in force on `date`: the latest one from on or before it.
    pub fn dated_on(&self, key: &str, date: NaiveDate) -> Result<Option<f64>> {
        dated_on_conn(&self.conn, key, date)
    }

    /// Every dated value, by key then date.
    pub fn dated_history(&self) -> Result<Vec<DatedSetting>> {
        let mut st = self.conn.prepare_cached(
            "SELECT key, from_date, value FROM dated_settings WHERE deleted_at IS NULL ORDER BY key, from_date",
        )?;
        let rows = st.query_map([], |r| {
            Ok(DatedSetting {
                key: r.get(0)?,
                from: parse_date_col(1, &r.get::<_, String>(1)?)?,
                value: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn set_plain(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx| {
            let now = utc_stamp();
            let updated = tx.execute(
                "UPDATE settings SET value=?1, updated_at=?2 WHERE key=?3 AND deleted_at IS NULL",
                params![value, now, key],
            )?;
            if updated == 0 {
                tx.execute(
                    "INSERT INTO settings (uuid, key, value, created_at, updated_at) VALUES (?1,?2,?3,?4,?4)",
                    params![new_uuid(), key, value, now],
                )?;
            }
            Ok(())
        })
    }

    /// A plain setting, or its default.
    pub fn plain(&self, key: &str) -> Result<Option<String>> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key=?1 AND deleted_at IS NULL",
                [key],
                |r| r.get(0),
            )
            .optional()?;
        Ok(stored.or_else(|| {
            PLAIN_KEYS
                .iter()
                .find(|k| k.0 == key)
                .map(|k| k.1.to_string())
        }))
    }

    /// A plain numeric setting, or its default.
    pub fn plain_f64(&self, key: &str) -> Result<f64> {
        Ok(self.plain(key)?.and_then(|v| v.parse().ok()).unwrap_or(0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Thresholds;

    #[test]
    fn threshold_defaults_match_the_analysis() {
        let mut t = Thresholds::default();
        for (key, default, ..) in PLAIN_KEYS {
            t.set(key, default).unwrap();
        }
        assert_eq!(
            t,
            Thresholds::default(),
            "a stored default differs from the analysis default"
        );
        for key in crate::analysis::data::ThresholdKey::ALL.map(|k| k.as_str()) {
            assert!(PLAIN_KEYS.iter().any(|k| k.0 == key), "{key} cannot be set");
        }
        assert!(check_value("nsaid_streak_days", 7.5).is_err());
    }
}
