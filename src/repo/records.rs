//! Records by typed ID (`c12` check-in, `a5` activity, …) across tables: soft delete, restore,
//! the trash and purging it (SPEC §6.4).

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::connection::Repo;
use super::error::{RepoError, Result};
use crate::domain::InputError;
use crate::domain::clock::utc_stamp;

/// What emptying the trash purged: the records `trash` listed, and apart the rows that went
/// with them (a session's or programme's exercise rows, PSFS ratings, replaced settings);
/// `kept`: records still referenced by live ones, left in the trash.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Purged {
    pub records: usize,
    pub exercise_rows: usize,
    pub psfs_ratings: usize,
    pub settings: usize,
    pub kept: usize,
}

/// What a restore did: the record is back (its description), or a dose stayed in the trash
/// because it would take its day's total over the max (nothing written).
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    Done(String),
    DoseOverMax {
        dose: crate::domain::records::Dose,
        before: f64,
        max: f64,
    },
}

/// The kinds of record a user can address, with their ID prefix and table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Checkin,
    Activity,
    Rehab,
    Dose,
    Medication,
    Event,
    Exercise,
    Programme,
    Psfs,
    Criterion,
    /// An outcome score (SPEC §14).
    Score,
    /// A return plan (SPEC §14).
    Plan,
}

impl Kind {
    pub const ALL: [Kind; 12] = [
        Kind::Checkin,
        Kind::Activity,
        Kind::Rehab,
        Kind::Dose,
        Kind::Medication,
        Kind::Event,
        Kind::Exercise,
        Kind::Programme,
        Kind::Psfs,
        Kind::Criterion,
        Kind::Score,
        Kind::Plan,
    ];

    pub fn prefix(self) -> char {
        match self {
            Kind::Checkin => 'c',
            Kind::Activity => 'a',
            Kind::Rehab => 'r',
            Kind::Dose => 'd',
            Kind::Medication => 'm',
            Kind::Event => 'e',
            Kind::Exercise => 'x',
            Kind::Programme => 'p',
            Kind::Psfs => 'f',
            Kind::Criterion => 'k',
            Kind::Score => 's',
            Kind::Plan => 'l',
        }
    }

    pub fn table(self) -> &'static str {
        match self {
            Kind::Checkin => "checkins",
            Kind::Activity => "activities",
            Kind::Rehab => "rehab_sessions",
            Kind::Dose => "doses",
            Kind::Medication => "medications",
            Kind::Event => "events",
            Kind::Exercise => "exercises",
            Kind::Programme => "programmes",
            Kind::Psfs => "psfs_items",
            Kind::Criterion => "criteria",
            Kind::Score => "scores",
            Kind::Plan => "plans",
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Kind::Checkin => "check-in",
            Kind::Activity => "activity",
            Kind::Rehab => "rehab session",
            Kind::Dose => "dose",
            Kind::Medication => "medication",
            Kind::Event => "event",
            Kind::Exercise => "exercise",
            Kind::Programme => "programme",
            Kind::Psfs => "PSFS activity",
            Kind::Criterion => "criterion",
            Kind::Score => "outcome score",
            Kind::Plan => "return plan",
        }
    }

    /// The columns a one-line description is made of, as SQL joined by the unit separator;
    /// `describe` turns them into the words people read.
    pub(crate) fn summary_sql(self) -> &'static str {
        match self {
            Kind::Checkin => "date || char(31) || pain",
            Kind::Activity => "start_at || char(31) || kind || char(31) || elapsed_s",
            Kind::Rehab => {
                "date || char(31) || coalesce((SELECT p.name FROM programmes p \
                 WHERE p.id = rehab_sessions.programme_id), '')"
            }
            Kind::Dose => {
                "taken_at || char(31) || amount || char(31) || \
                 (SELECT m.unit FROM medications m WHERE m.id = doses.medication_id) || char(31) || \
                 (SELECT m.name FROM medications m WHERE m.id = doses.medication_id)"
            }
            Kind::Medication => "name || ' (' || class || ')'",
            Kind::Event => "date || char(31) || kind || char(31) || title",
            Kind::Exercise => "name",
            Kind::Programme => "name || char(31) || active_from",
            Kind::Psfs => "name",
            Kind::Criterion => "rule",
            Kind::Score => "date || char(31) || instrument || char(31) || value",
            Kind::Plan => "name || char(31) || start_date",
        }
    }

    /// A row's description in words: `400 mg ibuprofen at 20:13`, `ride 1h30m on 13 Sep`.
    pub(crate) fn describe(self, raw: &str) -> String {
        use crate::domain::text;
        let today = crate::domain::clock::today();
        let p: Vec<&str> = raw.split('\u{1f}').collect();
        let day = |s: &str| {
            chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d")
                .map(|d| text::date(d, today))
                .unwrap_or_else(|_| s.to_string())
        };
        match (self, p.as_slice()) {
            (Kind::Checkin, [d, pain]) => format!("{}, pain {pain}", day(d)),
            (Kind::Activity, [start, kind, secs]) => {
                let dur = secs.parse().map(text::duration).unwrap_or_default();
                format!("{kind} {dur} on {}", day(start))
            }
            (Kind::Rehab, [d, ""]) => format!("rehab on {}", day(d)),
            (Kind::Rehab, [d, prog]) => format!("{prog} on {}", day(d)),
            (Kind::Dose, [at, amount, unit, name]) => {
                match (
                    chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M:%S"),
                    amount.parse::<f64>(),
                ) {
                    (Ok(at), Ok(v)) => text::dose(v, unit, name, at, today),
                    _ => format!("{amount} {unit} {name} at {at}"),
                }
            }
            (Kind::Event, [d, kind, title]) => format!("{kind}: {title} on {}", day(d)),
            (Kind::Programme | Kind::Plan, [name, from]) => format!("{name} from {}", day(from)),
            (Kind::Score, [d, inst, v]) => {
                let v = v.parse::<f64>().map_or(v.to_string(), |x| format!("{x}"));
                format!("{inst} {v} on {}", day(d))
            }
            _ => raw.replace('\u{1f}', " "),
        }
    }
}

/// A typed record ID such as `c12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordId {
    pub kind: Kind,
    pub id: i64,
}

impl std::fmt::Display for RecordId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.kind.prefix(), self.id)
    }
}

impl RecordId {
    pub fn new(kind: Kind, id: i64) -> Self {
        RecordId { kind, id }
    }

    /// Parses `c12`, `a5`… The error lists the prefixes.
    pub fn parse(text: &str) -> std::result::Result<RecordId, InputError> {
        let t = text.trim().to_ascii_lowercase();
        let mut chars = t.chars();
        let first = chars.next();
        let kind = Kind::ALL
            .iter()
            .copied()
            .find(|k| Some(k.prefix()) == first);
        let num = chars.as_str().parse::<i64>().ok().filter(|n| *n > 0);
        match (kind, num) {
            (Some(kind), Some(id)) => Ok(RecordId { kind, id }),
            _ => Err(InputError::new(
                "id",
                format!(
                    "'{text}' is not a record ID; allowed: a letter and a number as shown by `list`, \
                     c=check-in a=activity r=rehab d=dose m=medication e=event x=exercise p=programme f=psfs k=criterion (e.g. c12)"
                ),
            )),
        }
    }
}

/// One row of the trash.
#[derive(Debug, Clone, Serialize)]
pub struct TrashItem {
    pub id: String,
    pub kind: Kind,
    pub summary: String,
    pub deleted_at: String,
}

impl Repo {
    /// Soft-deletes a live record.
    pub fn delete(&mut self, rid: RecordId) -> Result<String> {
        let summary = self.summary(rid, false)?;
        self.write(|tx| {
            let sql = format!(
                // `updated_at` too, so the delete is the newer edit when another device
                // imports this journal's export (newer wins by uuid).
                "UPDATE {} SET deleted_at=?1, updated_at=?1 WHERE id=?2 AND deleted_at IS NULL",
                rid.kind.table()
            );
            tx.execute(&sql, params![utc_stamp(), rid.id])?;
            Ok(())
        })?;
        Ok(summary)
    }

    /// Restores a deleted record. A check-in whose date has a newer live one stays in the trash,
    /// and so does a medication whose drug has a live row. A dose that would take its day over
    /// the max stays too unless `force`: the check of taking a dose, in the same transaction.
    pub fn restore(&mut self, rid: RecordId, force: bool) -> Result<Restored> {
        let summary = self.summary(rid, true)?;
        self.write(|tx| {
            if rid.kind == Kind::Dose {
                return match super::meds::restore_dose(tx, rid.id, force)? {
                    Some((dose, super::meds::DoseWrite::OverMax { before, max })) => {
                        Ok(Restored::DoseOverMax { dose, before, max })
                    }
                    Some(_) => Ok(Restored::Done(summary.clone())),
                    None => Err(RepoError::NotFound(format!("no dose {rid} in the trash"))),
                };
            }
            if rid.kind == Kind::Checkin {
                let clash: Option<i64> = tx
                    .query_row(
                        "SELECT live.id FROM checkins dead JOIN checkins live ON live.date = dead.date
                         WHERE dead.id=?1 AND live.deleted_at IS NULL",
                        [rid.id],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(live) = clash {
                    return Err(RepoError::Conflict(format!(
                        "{rid} cannot be restored: that date has a newer check-in c{live}; delete c{live} first"
                    )));
                }
            }
            if rid.kind == Kind::Medication
                && let Some(live) = super::meds::live_same_drug(tx, rid.id)?
            {
                // A second live row of one drug would split its catalogue entry; the doses
                // under the trashed row already count toward the live row's daily total.
                return Err(RepoError::Conflict(format!(
                    "{rid} cannot be restored: m{id} {} is the same drug and is not in the \
                     trash; {rid} stays in the trash. Keep using m{id}, or `backtrack delete m{id}` first",
                    live.name,
                    id = live.id
                )));
            }
            if rid.kind == Kind::Plan
                && let Some(name) = super::plans::other_running(tx, rid.id)?
            {
                // One plan runs at a time: the week's target must have one rule.
                return Err(RepoError::Conflict(format!(
                    "{rid} cannot be restored: the plan '{name}' is running; {rid} stays in the \
                     trash. `backtrack plan stop` first"
                )));
            }
            let sql = format!("UPDATE {} SET deleted_at=NULL, updated_at=?1 WHERE id=?2", rid.kind.table());
            tx.execute(&sql, params![utc_stamp(), rid.id])?;
            Ok(Restored::Done(summary.clone()))
        })
    }

    /// A one-line description; `deleted` chooses whether the record must be in the trash.
    pub fn summary(&self, rid: RecordId, deleted: bool) -> Result<String> {
        let cond = if deleted {
            "deleted_at IS NOT NULL"
        } else {
            "deleted_at IS NULL"
        };
        let sql = format!(
            "SELECT {} FROM {} WHERE id=?1 AND {cond}",
            rid.kind.summary_sql(),
            rid.kind.table()
        );
        self.conn
            .query_row(&sql, [rid.id], |r| r.get::<_, String>(0))
            .optional()?
            .map(|raw| rid.kind.describe(&raw))
            .ok_or_else(|| {
                let state = if deleted { "in the trash" } else { "live" };
                RepoError::NotFound(format!(
                    "no {} {rid} {state}; `backtrack list` and `backtrack trash` show IDs",
                    rid.kind.noun()
                ))
            })
    }

    /// Everything in the trash, most recently deleted first.
    pub fn trash(&self) -> Result<Vec<TrashItem>> {
        let mut out = Vec::new();
        for kind in Kind::ALL {
            let sql = format!(
                "SELECT id, {}, deleted_at FROM {} WHERE deleted_at IS NOT NULL",
                kind.summary_sql(),
                kind.table()
            );
            let mut st = self.conn.prepare(&sql)?;
            let rows = st.query_map([], |r| {
                Ok(TrashItem {
                    id: RecordId::new(kind, r.get(0)?).to_string(),
                    kind,
                    summary: kind.describe(&r.get::<_, String>(1)?),
                    deleted_at: r.get(2)?,
                })
            })?;
            for row in rows {
                out.push(row?);
            }
        }
        out.sort_by(|a, b| b.deleted_at.cmp(&a.deleted_at));
        Ok(out)
    }

    /// Purges the trash for good. Medications, exercises and programmes still referenced by
    /// live records are kept (their history would break). Counted as `trash` lists them: the
    /// records, and apart the rows that go with them.
    pub fn empty_trash(&mut self) -> Result<Purged> {
        self.write(|tx| {
            let mut p = Purged::default();
            // Children first, so foreign keys hold.
            p.exercise_rows += tx.execute(
                "DELETE FROM rehab_session_items WHERE deleted_at IS NOT NULL
                 OR session_id IN (SELECT id FROM rehab_sessions WHERE deleted_at IS NOT NULL)",
                [],
            )?;
            p.exercise_rows += tx.execute(
                "DELETE FROM programme_items WHERE deleted_at IS NOT NULL
                 OR programme_id IN (SELECT id FROM programmes WHERE deleted_at IS NOT NULL)",
                [],
            )?;
            p.psfs_ratings += tx.execute(
                "DELETE FROM psfs_ratings WHERE deleted_at IS NOT NULL
                 OR item_id IN (SELECT id FROM psfs_items WHERE deleted_at IS NOT NULL)",
                [],
            )?;
            p.records += tx.execute("DELETE FROM rehab_sessions WHERE deleted_at IS NOT NULL", [])?;
            p.records += tx.execute(
                "DELETE FROM programmes WHERE deleted_at IS NOT NULL
                 AND id NOT IN (SELECT programme_id FROM rehab_sessions WHERE programme_id IS NOT NULL)",
                [],
            )?;
            for t in ["checkins", "activities", "doses", "events", "psfs_items", "criteria", "scores", "plans"] {
                p.records += tx.execute(&format!("DELETE FROM {t} WHERE deleted_at IS NOT NULL"), [])?;
            }
            for t in ["dated_settings", "settings", "score_schedules"] {
                p.settings += tx.execute(&format!("DELETE FROM {t} WHERE deleted_at IS NOT NULL"), [])?;
            }
            p.records += tx.execute(
                "DELETE FROM medications WHERE deleted_at IS NOT NULL
                 AND id NOT IN (SELECT medication_id FROM doses)",
                [],
            )?;
            p.records += tx.execute(
                "DELETE FROM exercises WHERE deleted_at IS NOT NULL
                 AND id NOT IN (SELECT exercise_id FROM programme_items UNION SELECT exercise_id FROM rehab_session_items)",
                [],
            )?;
            let kept: i64 = tx.query_row(
                "SELECT (SELECT count(*) FROM medications WHERE deleted_at IS NOT NULL)
                      + (SELECT count(*) FROM exercises WHERE deleted_at IS NOT NULL)
                      + (SELECT count(*) FROM programmes WHERE deleted_at IS NOT NULL)",
                [],
                |r| r.get(0),
            )?;
            p.kept = kept as usize;
            Ok(p)
        })
    }
}
