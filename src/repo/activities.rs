//! Activities (SPEC §4.2): rides and other training, with their load and pain figures.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::connection::Repo;
use super::error::Result;
use super::util::*;
use crate::domain::clock::{today, utc_stamp};
use crate::domain::plausible::check_activity;
use crate::domain::records::Activity;
use crate::domain::vocab::{ActivityKind, Intensity, Source};

pub(super) const COLS: &str = "id, uuid, kind, start_at, elapsed_s, moving_s, distance_m, ascent_m, \
    avg_power_w, normalized_power_w, avg_hr, max_hr, rpe, intensity, tss, load_source, \
    pain_before, pain_during, pain_after, stopped_for_pain, bike, note, source, source_hash";

pub(super) fn from_row(r: &Row) -> rusqlite::Result<Activity> {
    let intensity: Option<String> = r.get(13)?;
    // A kind of the person's own is stored by its name (`yoga`).
    let kind = vocab_col(r, 2, ActivityKind::from_stored)?;
    Ok(Activity {
        id: r.get(0)?,
        uuid: r.get(1)?,
        kind: kind.0,
        sport: kind.1,
        start: parse_datetime_col(3, &r.get::<_, String>(3)?)?,
        elapsed_s: r.get(4)?,
        // A moving time of 0 (a sparse GPX imported before issue 21.6) is none measured:
        // read so, an edit of that activity passes the one check.
        moving_s: r.get::<_, Option<u32>>(5)?.filter(|m| *m > 0),
        distance_m: r.get(6)?,
        ascent_m: r.get(7)?,
        avg_power_w: r.get(8)?,
        normalized_power_w: r.get(9)?,
        avg_hr: r.get(10)?,
        max_hr: r.get(11)?,
        rpe: r.get(12)?,
        intensity: intensity
            .map(|s| Intensity::parse(&s).map_err(|e| conv_err(13, e)))
            .transpose()?,
        tss: r.get(14)?,
        load_source: r.get(15)?,
        pain_before: r.get(16)?,
        pain_during: r.get(17)?,
        pain_after: r.get(18)?,
        stopped_for_pain: r.get(19)?,
        bike: r.get(20)?,
        note: r.get(21)?,
        source: vocab_col(r, 22, Source::parse)?,
        source_hash: r.get(23)?,
    })
}

impl Repo {
    pub fn add_activity(&mut self, a: &Activity) -> Result<Activity> {
        self.write(|tx| insert_activity_tx(tx, a))
    }

    /// Replaces an activity's fields, keeping its identity.
    pub fn update_activity(&mut self, a: &Activity) -> Result<()> {
        // The one check every way in passes (issue 21.5): nothing is stored that an import
        // of the journal's own export would refuse.
        check_activity(a, today())?;
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE activities SET kind=?1, start_at=?2, date=?3, elapsed_s=?4, moving_s=?5,
                 distance_m=?6, ascent_m=?7, avg_power_w=?8, normalized_power_w=?9, avg_hr=?10,
                 max_hr=?11, rpe=?12, intensity=?13, tss=?14, load_source=?15, pain_before=?16,
                 pain_during=?17, pain_after=?18, stopped_for_pain=?19, bike=?20, note=?21,
                 updated_at=?22 WHERE id=?23 AND deleted_at IS NULL",
                params![
                    a.kind_name(),
                    datetime_str(a.start),
                    date_str(a.date()),
                    a.elapsed_s,
                    a.moving_s,
                    a.distance_m,
                    a.ascent_m,
                    a.avg_power_w,
                    a.normalized_power_w,
                    a.avg_hr,
                    a.max_hr,
                    a.rpe,
                    a.intensity.map(|i| i.as_str()),
                    a.tss,
                    a.load_source,
                    a.pain_before,
                    a.pain_during,
                    a.pain_after,
                    a.stopped_for_pain,
                    a.bike,
                    a.note,
                    utc_stamp(),
                    a.id
                ],
            )?;
            if n == 0 {
                return Err(super::RepoError::NotFound(format!("no activity a{}", a.id)));
            }
            Ok(())
        })
    }

    pub fn activity_by_id(&self, id: i64) -> Result<Option<Activity>> {
        let sql = format!("SELECT {COLS} FROM activities WHERE id=?1 AND deleted_at IS NULL");
        Ok(self.conn.query_row(&sql, [id], from_row).optional()?)
    }

    /// The kinds of the person's own in the journal (`hike`, `yoga`), most used first: the
    /// app's activity form offers them beside the built-in ones.
    pub fn own_activity_kinds(&self) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT kind FROM activities WHERE deleted_at IS NULL
             GROUP BY kind ORDER BY count(*) DESC, kind",
        )?;
        let kinds = st
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok(kinds
            .into_iter()
            .filter(|k| ActivityKind::parse(k).is_err())
            .collect())
    }

    /// Live activities whose date is in [from, to], oldest first.
    pub fn activities_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Activity>> {
        let sql = format!(
            "SELECT {COLS} FROM activities WHERE date BETWEEN ?1 AND ?2 AND deleted_at IS NULL ORDER BY start_at"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![date_str(from), date_str(to)], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The most recent live activity, if any.
    pub fn last_activity(&self) -> Result<Option<Activity>> {
        let sql = format!(
            "SELECT {COLS} FROM activities WHERE deleted_at IS NULL ORDER BY start_at DESC LIMIT 1"
        );
        Ok(self.conn.query_row(&sql, [], from_row).optional()?)
    }

    /// For import dedup: the activity with this file (or row) hash, live ones first, as
    /// (id, in the trash). A trashed one counts: deleting an imported ride must not make the
    /// next import of the same folder bring it back.
    pub fn activity_by_hash(&self, hash: &str) -> Result<Option<(i64, bool)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, deleted_at IS NOT NULL FROM activities WHERE source_hash=?1
                 ORDER BY deleted_at IS NOT NULL LIMIT 1",
                [hash],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// For import dedup: the activity starting at this exact local time, as
    /// [`Repo::activity_by_hash`].
    pub fn activity_by_start(&self, start: NaiveDateTime) -> Result<Option<(i64, bool)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, deleted_at IS NOT NULL FROM activities WHERE start_at=?1
                 ORDER BY deleted_at IS NOT NULL LIMIT 1",
                [datetime_str(start)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Inserts several activities in one transaction: all or none (one imported file).
    pub fn add_activities(&mut self, list: &[Activity]) -> Result<Vec<Activity>> {
        self.write(|tx| list.iter().map(|a| insert_activity_tx(tx, a)).collect())
    }
}

/// The activity (live or in the trash) with this uuid, read inside a transaction.
pub(super) fn by_uuid_tx(tx: &Transaction, uuid: &str) -> Result<Option<Activity>> {
    Ok(tx
        .query_row(
            &format!("SELECT {COLS} FROM activities WHERE uuid=?1"),
            [uuid],
            from_row,
        )
        .optional()?)
}

pub(crate) fn insert_activity_tx(tx: &Transaction, a: &Activity) -> Result<Activity> {
    check_activity(a, today())?;
    let now = utc_stamp();
    let uuid = if a.uuid.is_empty() {
        new_uuid()
    } else {
        a.uuid.clone()
    };
    tx.prepare_cached(
        "INSERT INTO activities (uuid, kind, start_at, date, elapsed_s, moving_s, distance_m,
         ascent_m, avg_power_w, normalized_power_w, avg_hr, max_hr, rpe, intensity, tss,
         load_source, pain_before, pain_during, pain_after, stopped_for_pain, bike, note, source,
         source_hash, created_at, updated_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?25)",
    )?
    .execute(params![
        uuid, a.kind_name(), datetime_str(a.start), date_str(a.date()), a.elapsed_s, a.moving_s,
        a.distance_m, a.ascent_m, a.avg_power_w, a.normalized_power_w, a.avg_hr, a.max_hr, a.rpe,
        a.intensity.map(|i| i.as_str()), a.tss, a.load_source, a.pain_before, a.pain_during,
        a.pain_after, a.stopped_for_pain, a.bike, a.note, a.source.as_str(), a.source_hash, now
    ])?;
    let mut out = a.clone();
    out.id = tx.last_insert_rowid();
    out.uuid = uuid;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::vocab::ActivityKind;
    use chrono::Datelike;

    #[test]
    fn a_stored_moving_time_of_0_reads_as_none_so_the_activity_can_be_edited() {
        let mut repo = Repo::open_in_memory().unwrap();
        let start = NaiveDate::from_ymd_opt(2026, 11, 20)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        let a = repo
            .add_activity(&Activity::new(ActivityKind::Walk, start, 3600))
            .unwrap();
        // What a sparse GPX stored before issue 21.6.
        repo.conn
            .execute("UPDATE activities SET moving_s=0 WHERE id=?1", [a.id])
            .unwrap();
        let mut read = repo.activity_by_id(a.id).unwrap().unwrap();
        assert_eq!(read.moving_s, None);
        read.note = Some("an hour's walk".into());
        repo.update_activity(&read).unwrap();
    }

    #[test]
    fn the_one_check_guards_every_insert_and_update() {
        let mut repo = Repo::open_in_memory().unwrap();
        let start = NaiveDate::from_ymd_opt(1899, 11, 20)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap();
        let err = repo
            .add_activity(&Activity::new(ActivityKind::Ride, start, 3600))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("date:"), "{err}");
        let ok = Activity::new(ActivityKind::Ride, start.with_year(2026).unwrap(), 3600);
        let mut a = repo.add_activity(&ok).unwrap();
        a.avg_power_w = Some(-5.0);
        let err = repo.update_activity(&a).unwrap_err().to_string();
        assert!(err.starts_with("power:"), "{err}");
    }
}
