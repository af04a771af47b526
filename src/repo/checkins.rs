//! Check-ins (SPEC §4.1): one live row per date; logging again for a date updates it.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::connection::Repo;
use super::error::Result;
use super::util::*;
use crate::domain::clock::utc_stamp;
use crate::domain::records::Checkin;
use crate::domain::vocab::{Character, Location, RedFlag};

const COLS: &str = "id, uuid, date, pain, worst_pain, locations, character, sleep_hours, \
    sleep_quality, mood, stress, energy, sitting_hours, workday, tags, note, red_flags, leg_pain";

fn from_row(r: &Row) -> rusqlite::Result<Checkin> {
    Ok(Checkin {
        id: r.get(0)?,
        uuid: r.get(1)?,
        date: parse_date_col(2, &r.get::<_, String>(2)?)?,
        pain: r.get(3)?,
        worst_pain: r.get(4)?,
        locations: split_set(5, &r.get::<_, String>(5)?, Location::parse)?,
        character: split_set(6, &r.get::<_, String>(6)?, Character::parse)?,
        sleep_hours: r.get(7)?,
        sleep_quality: r.get(8)?,
        mood: r.get(9)?,
        stress: r.get(10)?,
        energy: r.get(11)?,
        sitting_hours: r.get(12)?,
        workday: r.get(13)?,
        tags: split_tags(&r.get::<_, String>(14)?),
        note: r.get(15)?,
        red_flags: split_set(16, &r.get::<_, String>(16)?, RedFlag::parse)?,
        leg_pain: r.get(17)?,
    })
}

/// Whether the check-in was new or replaced the day's earlier one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Created,
    Updated,
}

impl Repo {
    /// Stores the day's check-in: inserts, or updates the live one for that date in place
    /// (keeping its uuid, so an export still matches).
    pub fn save_checkin(&mut self, c: &Checkin) -> Result<(Checkin, Saved)> {
        self.write(|tx| save_checkin_tx(tx, c))
    }

    pub fn checkin_on(&self, date: NaiveDate) -> Result<Option<Checkin>> {
        let sql = format!("SELECT {COLS} FROM checkins WHERE date = ?1 AND deleted_at IS NULL");
        Ok(self
            .conn
            .query_row(&sql, [date_str(date)], from_row)
            .optional()?)
    }

    pub fn checkin_by_id(&self, id: i64) -> Result<Option<Checkin>> {
        let sql = format!("SELECT {COLS} FROM checkins WHERE id = ?1 AND deleted_at IS NULL");
        Ok(self.conn.query_row(&sql, [id], from_row).optional()?)
    }

    /// Live check-ins in [from, to], oldest first. Screens ask for their visible window only.
    pub fn checkins_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Checkin>> {
        let sql = format!(
            "SELECT {COLS} FROM checkins WHERE date BETWEEN ?1 AND ?2 AND deleted_at IS NULL ORDER BY date"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![date_str(from), date_str(to)], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The newest live check-in before `before` whose note or one of whose tags contains
    /// `needle` (already lower-cased; compared with Rust's Unicode lower-casing). Only the
    /// date, note and tags of days that have either are read, newest first, stopping at the
    /// first match: a search through ten years reads three small columns, not whole rows.
    pub fn find_checkin_words(&self, before: NaiveDate, needle: &str) -> Result<Option<NaiveDate>> {
        let mut st = self.conn.prepare_cached(
            "SELECT date, note, tags FROM checkins
             WHERE date < ?1 AND deleted_at IS NULL AND (note IS NOT NULL OR tags <> '')
             ORDER BY date DESC",
        )?;
        let mut rows = st.query(params![date_str(before)])?;
        while let Some(r) = rows.next()? {
            let note: Option<String> = r.get(1)?;
            let tags: String = r.get(2)?;
            let hit = note
                .as_deref()
                .is_some_and(|n| n.to_lowercase().contains(needle))
                || split_tags(&tags)
                    .iter()
                    .any(|t| t.to_lowercase().contains(needle));
            if hit {
                return Ok(Some(parse_date_col(0, &r.get::<_, String>(0)?)?));
            }
        }
        Ok(None)
    }

    /// Every live check-in's date and pain up to `to`, oldest first: the whole history in two
    /// small columns, for the pain heat-map.
    pub fn daily_pain(&self, to: NaiveDate) -> Result<Vec<(NaiveDate, u8)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT date, pain FROM checkins WHERE deleted_at IS NULL AND date <= ?1 ORDER BY date",
        )?;
        let rows = st.query_map([date_str(to)], |r| {
            Ok((parse_date_col(0, &r.get::<_, String>(0)?)?, r.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Rewrites a check-in by id (the date may move to a day without a live check-in).
    pub fn update_checkin(&mut self, c: &Checkin) -> Result<()> {
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE checkins SET date=?1, pain=?2, worst_pain=?3, locations=?4, character=?5,
                 sleep_hours=?6, sleep_quality=?7, mood=?8, stress=?9, energy=?10, sitting_hours=?11,
                 workday=?12, tags=?13, note=?14, red_flags=?15, updated_at=?16, leg_pain=?18
                 WHERE id=?17 AND deleted_at IS NULL",
                params![
                    date_str(c.date), c.pain, c.worst_pain, join_set(&c.locations), join_set(&c.character),
                    c.sleep_hours, c.sleep_quality, c.mood, c.stress, c.energy, c.sitting_hours,
                    c.workday, c.tags.join(","), c.note, join_set(&c.red_flags), utc_stamp(), c.id,
                    c.leg_pain
                ],
            )?;
            if n == 0 {
                return Err(super::RepoError::NotFound(format!("no live check-in c{}", c.id)));
            }
            Ok(())
        })
    }

    /// Every tag used so far with its count, most used first: the completion list.
    pub fn tag_counts(&self) -> Result<Vec<(String, usize)>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT tags FROM checkins WHERE tags <> '' AND deleted_at IS NULL")?;
        let mut counts = std::collections::HashMap::<String, usize>::new();
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        for tags in rows {
            for t in split_tags(&tags?) {
                *counts.entry(t).or_default() += 1;
            }
        }
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(v)
    }
}

pub(crate) fn save_checkin_tx(tx: &Transaction, c: &Checkin) -> Result<(Checkin, Saved)> {
    let now = utc_stamp();
    let existing: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, uuid FROM checkins WHERE date = ?1 AND deleted_at IS NULL",
            [date_str(c.date)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let values = params![
        date_str(c.date),
        c.pain,
        c.worst_pain,
        join_set(&c.locations),
        join_set(&c.character),
        c.sleep_hours,
        c.sleep_quality,
        c.mood,
        c.stress,
        c.energy,
        c.sitting_hours,
        c.workday,
        c.tags.join(","),
        c.note,
        join_set(&c.red_flags),
        now,
        c.leg_pain,
    ];
    let mut out = c.clone();
    let saved = match existing {
        Some((id, uuid)) => {
            let mut st = tx.prepare_cached(
                "UPDATE checkins SET date=?1, pain=?2, worst_pain=?3, locations=?4, character=?5,
                 sleep_hours=?6, sleep_quality=?7, mood=?8, stress=?9, energy=?10, sitting_hours=?11,
                 workday=?12, tags=?13, note=?14, red_flags=?15, updated_at=?16, leg_pain=?17
                 WHERE id=?18",
            )?;
            let mut v: Vec<&dyn rusqlite::ToSql> = values.to_vec();
            v.push(&id);
            st.execute(v.as_slice())?;
            out.id = id;
            out.uuid = uuid;
            Saved::Updated
        }
        None => {
            let uuid = if c.uuid.is_empty() {
                new_uuid()
            } else {
                c.uuid.clone()
            };
            let mut st = tx.prepare_cached(
                "INSERT INTO checkins (date, pain, worst_pain, locations, character, sleep_hours,
                 sleep_quality, mood, stress, energy, sitting_hours, workday, tags, note, red_flags,
                 updated_at, leg_pain, uuid, created_at)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?16)",
            )?;
            let mut v: Vec<&dyn rusqlite::ToSql> = values.to_vec();
            v.push(&uuid);
            st.execute(v.as_slice())?;
            out.id = tx.last_insert_rowid();
            out.uuid = uuid;
            Saved::Created
        }
    };
    Ok((out, saved))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn finding_words_takes_the_newest_live_day_before_the_one_given() {
        let mut r = Repo::open_in_memory().unwrap();
        for (date, note, tags) in [
            ("2020-03-01", Some("Rücken steif nach der Fahrt"), vec![]),
            (
                "2024-05-01",
                None,
                vec!["long-drive".to_string(), "hike".to_string()],
            ),
            ("2025-01-10", Some("long drive, back tight"), vec![]),
            ("2026-11-01", Some("easy"), vec![]),
        ] {
            r.save_checkin(&Checkin {
                date: day(date),
                pain: 3,
                note: note.map(str::to_string),
                tags,
                ..Default::default()
            })
            .unwrap();
        }
        let find = |r: &Repo, before: &str, needle: &str| {
            r.find_checkin_words(day(before), needle).unwrap()
        };
        assert_eq!(find(&r, "2026-12-01", "drive"), Some(day("2025-01-10")));
        assert_eq!(
            find(&r, "2025-01-10", "drive"),
            Some(day("2024-05-01")),
            "a tag"
        );
        // Unicode lower-casing, as the app lower-cases what is typed.
        assert_eq!(find(&r, "2026-12-01", "rücken"), Some(day("2020-03-01")));
        assert_eq!(find(&r, "2026-12-01", "zebra"), None);
        // Words across two tags are not a match; a deleted day is not found.
        assert_eq!(find(&r, "2026-12-01", "drive,hike"), None);
        let id = r.checkin_on(day("2025-01-10")).unwrap().unwrap().id;
        r.delete(crate::repo::RecordId::new(crate::repo::Kind::Checkin, id))
            .unwrap();
        assert_eq!(find(&r, "2026-12-01", "back tight"), None);
    }
}
