//! Logging the day's check-in (SPEC §4.1): a second log for the same day updates it, keeping
//! what was not given; the app's form saves a whole check-in.

use chrono::NaiveDate;

use super::Result;
use super::input::{opt_scale, text};
use super::{Done, editor};
use crate::domain::InputError;
use crate::domain::error::check_hours;
use crate::domain::limits::{MOOD, PAIN};
use crate::domain::records::Checkin;
use crate::domain::vocab::{self, Character, Location, RedFlag};
use crate::repo::Repo;
use crate::repo::checkins::Saved;

/// The check-in's fields as typed; those not given (None, empty, false) are left as they are.
#[derive(Debug, Clone, Default)]
pub struct CheckinDraft {
    pub date: Option<String>,
    pub worst: Option<String>,
    /// Pain in the worse leg, 0–10.
    pub leg: Option<String>,
    pub locations: Vec<String>,
    pub character: Vec<String>,
    pub sleep: Option<f64>,
    pub sleep_quality: Option<String>,
    pub mood: Option<String>,
    pub stress: Option<String>,
    pub energy: Option<String>,
    pub sitting: Option<f64>,
    pub workday: bool,
    pub no_workday: bool,
    pub tags: Vec<String>,
    pub note: Option<String>,
    /// Write the note in $EDITOR, starting from the stored one.
    pub edit: bool,
    pub red_flags: Vec<String>,
}

/// Applies the given fields onto `c` (fields not given are kept).
pub fn apply_fields(
    c: &mut Checkin,
    f: &CheckinDraft,
    today: NaiveDate,
) -> std::result::Result<(), InputError> {
    if let Some(d) = &f.date {
        c.date = crate::domain::parse::parse_date("date", d, today)?;
    }
    if let Some(w) = opt_scale("worst", &f.worst, PAIN)? {
        c.worst_pain = Some(w);
    }
    if let Some(l) = opt_scale("leg", &f.leg, PAIN)? {
        c.leg_pain = Some(l);
    }
    if !f.locations.is_empty() {
        c.locations = vocab::parse_set(&f.locations, Location::parse)?;
    }
    if !f.character.is_empty() {
        c.character = vocab::parse_set(&f.character, Character::parse)?;
    }
    if let Some(h) = f.sleep {
        c.sleep_hours = Some(check_hours("sleep", h)?);
    }
    if let Some(h) = f.sitting {
        c.sitting_hours = Some(check_hours("sitting", h)?);
    }
    for (field, src, dst) in [
        ("sleep_quality", &f.sleep_quality, &mut c.sleep_quality),
        ("mood", &f.mood, &mut c.mood),
        ("stress", &f.stress, &mut c.stress),
        ("energy", &f.energy, &mut c.energy),
    ] {
        if let Some(v) = opt_scale(field, src, MOOD)? {
            *dst = Some(v);
        }
    }
    if f.workday {
        c.workday = Some(true);
    } else if f.no_workday {
        c.workday = Some(false);
    }
    if !f.tags.is_empty() {
        c.tags = vocab::parse_tags(&f.tags)?;
    }
    if let Some(n) = &f.note {
        c.note = text(&Some(n.clone()));
    }
    if !f.red_flags.is_empty() {
        c.red_flags = vocab::parse_set(&f.red_flags, RedFlag::parse)?;
    }
    Ok(())
}

/// The new check-in the draft stands for, validated without the journal (so bad input never
/// opens it).
pub fn validate(
    pain: &str,
    f: &CheckinDraft,
    today: NaiveDate,
) -> std::result::Result<Checkin, InputError> {
    let mut c = Checkin {
        pain: PAIN.parse_scale("pain", pain)?,
        date: today,
        ..Default::default()
    };
    apply_fields(&mut c, f, today)?;
    Ok(c)
}

/// Logs the day's check-in: the stored one of that day updated with the given fields, or a
/// new one.
pub fn log(
    repo: &mut Repo,
    pain: &str,
    f: &CheckinDraft,
    today: NaiveDate,
) -> Result<Done<Checkin>> {
    let draft = validate(pain, f, today)?;
    let before = repo.checkin_on(draft.date)?;
    let mut c = match before.clone() {
        Some(mut existing) => {
            existing.pain = draft.pain;
            apply_fields(&mut existing, f, today)?;
            existing
        }
        None => draft,
    };
    if f.edit {
        let note = editor::edit_in_editor(c.note.as_deref().unwrap_or(""))?;
        c.note = text(&Some(note));
    }
    let lifted = lift_worst(&mut c, f.worst.is_some());
    let mut done = save(repo, &c)?;
    done.summary.push_str(&lifted);
    Ok(done)
}

/// What was stored before and is empty now ("note cleared", "red flag cleared"), since the
/// line would otherwise read as if nothing but the figures it names had changed.
fn cleared(before: &Checkin, after: &Checkin) -> String {
    let gone = [
        (
            "worst",
            before.worst_pain.is_some() && after.worst_pain.is_none(),
        ),
        ("leg", before.leg_pain.is_some() && after.leg_pain.is_none()),
        (
            "where",
            !before.locations.is_empty() && after.locations.is_empty(),
        ),
        (
            "feels",
            !before.character.is_empty() && after.character.is_empty(),
        ),
        (
            "sleep",
            before.sleep_hours.is_some() && after.sleep_hours.is_none(),
        ),
        (
            "sitting",
            before.sitting_hours.is_some() && after.sitting_hours.is_none(),
        ),
        (
            "workday",
            before.workday.is_some() && after.workday.is_none(),
        ),
        ("note", before.note.is_some() && after.note.is_none()),
        ("tags", !before.tags.is_empty() && after.tags.is_empty()),
        (
            "red flag",
            !before.red_flags.is_empty() && after.red_flags.is_empty(),
        ),
    ];
    gone.iter()
        .filter(|(_, g)| *g)
        .map(|(what, _)| format!("; {what} cleared"))
        .collect()
}

/// The day's peak is at least its pain: a higher pain logged over a stored worst (one not
/// typed in this command) lifts the worst with it. Returns the words for the summary line,
/// empty when nothing was lifted; a worst typed below the pain is refused by [`check_worst`].
pub fn lift_worst(c: &mut Checkin, worst_typed: bool) -> String {
    match c.worst_pain {
        Some(w) if !worst_typed && w < c.pain => {
            c.worst_pain = Some(c.pain);
            format!(
                "; worst raised from {w} to {} (the day's peak is at least its pain)",
                c.pain
            )
        }
        _ => String::new(),
    }
}

/// Refuses a worst below the day's pain.
pub fn check_worst(c: &Checkin) -> std::result::Result<(), InputError> {
    match c.worst_pain {
        Some(w) if w < c.pain => Err(InputError::new(
            "worst",
            format!(
                "{w} is below the day's pain {}; allowed: {}–10 (the day's peak), or none",
                c.pain, c.pain
            ),
        )),
        _ => Ok(()),
    }
}

/// Saves a whole check-in (the app's form): its day's stored one is replaced.
pub fn save(repo: &mut Repo, c: &Checkin) -> Result<Done<Checkin>> {
    check_worst(c)?;
    let before = repo.checkin_on(c.date)?;
    let (saved, how) = repo.save_checkin(c)?;
    let verb = if how == Saved::Created {
        "Saved"
    } else {
        "Updated"
    };
    let mut summary = line(verb, &saved);
    if let Some(b) = before {
        summary.push_str(&cleared(&b, &saved));
    }
    Ok(Done::new(saved, summary))
}

/// Everything the check-in holds, so the line confirms what was stored: "Saved check-in c3
/// for 2026-11-23: pain 4, worst 6, leg 2, where low-back, feels ache, sleep 7 h, sitting 9 h,
/// workday, tags desk, note, RED FLAG saddle-numbness".
pub fn line(verb: &str, c: &Checkin) -> String {
    let mut line = format!("{verb} check-in c{} for {}: pain {}", c.id, c.date, c.pain);
    let mut add = |s: String| {
        line.push_str(", ");
        line.push_str(&s);
    };
    let list = |v: Vec<&str>| v.join(",");
    if let Some(w) = c.worst_pain {
        add(format!("worst {w}"));
    }
    if let Some(l) = c.leg_pain {
        add(format!("leg {l}"));
    }
    if !c.locations.is_empty() {
        add(format!(
            "where {}",
            list(c.locations.iter().map(|l| l.as_str()).collect())
        ));
    }
    if !c.character.is_empty() {
        add(format!(
            "feels {}",
            list(c.character.iter().map(|l| l.as_str()).collect())
        ));
    }
    if let Some(s) = c.sleep_hours {
        add(format!("sleep {s} h"));
    }
    for (what, v) in [
        ("sleep quality", c.sleep_quality),
        ("mood", c.mood),
        ("stress", c.stress),
        ("energy", c.energy),
    ] {
        if let Some(v) = v {
            add(format!("{what} {v}/5"));
        }
    }
    if let Some(s) = c.sitting_hours {
        add(format!("sitting {s} h"));
    }
    match c.workday {
        Some(true) => add("workday".into()),
        Some(false) => add("no workday".into()),
        None => {}
    }
    if !c.tags.is_empty() {
        add(format!("tags {}", c.tags.join(",")));
    }
    if c.note.is_some() {
        add("note".into());
    }
    if !c.red_flags.is_empty() {
        add(format!(
            "RED FLAG {}",
            list(c.red_flags.iter().map(|f| f.as_str()).collect())
        ));
    }
    line
}

/// Refuses a date already holding another check-in (an edit moving one onto it).
pub fn check_free_day(repo: &Repo, c: &Checkin, old_date: NaiveDate) -> Result<()> {
    if c.date != old_date && repo.checkin_on(c.date)?.is_some() {
        return Err(InputError::new(
            "date",
            format!(
                "{} already has a check-in; allowed: a day without one (or delete that one first)",
                c.date
            ),
        )
        .into());
    }
    Ok(())
}
