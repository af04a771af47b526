//! `checkin`, `activity add`/`ride` and `event add`: the daily writes.

use anyhow::Result;
use chrono::NaiveDate;

use super::args::{
    ActivityCmd, ActivityFields, CheckinArgs, CheckinFields, EventArgs, EventCmd, Global, RideArgs,
};
use super::ctx::*;
use crate::domain::error::{check_hours, parse_scale};
use crate::domain::parse::{format_duration, parse_distance, parse_duration, parse_time};
use crate::domain::records::{Activity, Checkin, Event};
use crate::domain::vocab::{
    self, ActivityKind, Character, EventKind, Intensity, Location, RedFlag, URGENT_CARE,
};
use crate::domain::{InputError, clock};
use crate::repo::Kind;
use crate::repo::checkins::Saved;

/// Applies the given check-in flags onto `c` (fields not given are kept).
pub fn apply_checkin_fields(
    c: &mut Checkin,
    f: &CheckinFields,
    today: NaiveDate,
) -> Result<(), InputError> {
    if let Some(d) = &f.date {
        c.date = crate::domain::parse::parse_date("date", d, today)?;
    }
    if let Some(w) = opt_scale("worst", &f.worst, 0, 10)? {
        c.worst_pain = Some(w);
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
        if let Some(v) = opt_scale(field, src, 1, 5)? {
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

pub fn checkin(g: &Global, a: CheckinArgs) -> Result<()> {
    let today = clock::today();
    let pain = parse_scale("pain", &a.pain, 0, 10)?;
    let mut draft = Checkin {
        pain,
        date: today,
        ..Default::default()
    };
    apply_checkin_fields(&mut draft, &a.fields, today)?;
    let mut ctx = Ctx::open(g)?;
    // Logging again for a day updates it: start from what is stored, then apply the flags.
    let mut c = match ctx.repo.checkin_on(draft.date)? {
        Some(existing) => {
            let mut c = existing;
            c.pain = pain;
            apply_checkin_fields(&mut c, &a.fields, today)?;
            c
        }
        None => draft,
    };
    if a.fields.edit {
        c.note = text(&Some(edit_in_editor(c.note.as_deref().unwrap_or(""))?));
    }
    let (saved, how) = ctx.repo.save_checkin(&c)?;
    ctx.out(&with_ref(Kind::Checkin, saved.id, &saved), || {
        let verb = if how == Saved::Created {
            "Saved"
        } else {
            "Updated"
        };
        let mut line = format!(
            "{verb} check-in c{} for {}: pain {}",
            saved.id, saved.date, saved.pain
        );
        if let Some(s) = saved.sleep_hours {
            line.push_str(&format!(", sleep {s} h"));
        }
        if !saved.tags.is_empty() {
            line.push_str(&format!(", tags {}", saved.tags.join(",")));
        }
        line
    })?;
    if !saved.red_flags.is_empty() {
        let flags: Vec<&str> = saved.red_flags.iter().map(|f| f.as_str()).collect();
        eprintln!("{URGENT_CARE}\n(red flags: {})", flags.join(", "));
    }
    Ok(())
}

/// Builds an activity from the shared flags; `kind` and `duration` are required here.
pub fn build_activity(
    kind: &str,
    duration: &str,
    f: &ActivityFields,
    today: NaiveDate,
) -> Result<Activity, InputError> {
    let kind = ActivityKind::parse(kind)?;
    let elapsed = parse_duration("duration", duration)?;
    let date = date_or_today("date", &f.date, today)?;
    let start = match &f.start {
        Some(t) => date.and_time(parse_time("start", t)?),
        None => clock::noon(date),
    };
    let mut a = Activity::new(kind, start, elapsed);
    if let Some(m) = &f.moving {
        let moving = parse_duration("moving", m)?;
        if moving > elapsed {
            return Err(InputError::new(
                "moving",
                format!(
                    "{} is longer than the elapsed {}; allowed: at most the duration",
                    format_duration(moving),
                    format_duration(elapsed)
                ),
            ));
        }
        a.moving_s = Some(moving);
    }
    a.distance_m = f
        .distance
        .as_deref()
        .map(|d| parse_distance("distance", d))
        .transpose()?;
    a.ascent_m = f
        .ascent
        .map(|x| crate::domain::error::check_positive("ascent", x, 20_000.0))
        .transpose()?;
    a.avg_power_w = opt_positive("power", f.power, 2500.0)?;
    a.normalized_power_w = opt_positive("np", f.np, 2500.0)?;
    a.avg_hr = opt_positive("hr", f.hr, 250.0)?;
    a.max_hr = opt_positive("max_hr", f.max_hr, 250.0)?;
    a.rpe = opt_scale("rpe", &f.rpe, 1, 10)?;
    a.intensity = f.intensity.as_deref().map(Intensity::parse).transpose()?;
    a.pain_before = opt_scale("pain_before", &f.pain_before, 0, 10)?;
    a.pain_during = opt_scale("pain_during", &f.pain_during, 0, 10)?;
    a.pain_after = opt_scale("pain_after", &f.pain_after, 0, 10)?;
    a.stopped_for_pain = f.stopped_for_pain;
    a.bike = text(&f.bike);
    a.note = text(&f.note);
    if let Some(t) = f.tss {
        if !(0.0..=2000.0).contains(&t) {
            return Err(InputError::new(
                "tss",
                format!("{t} is out of range; allowed: 0–2000"),
            ));
        }
        a.set_manual_tss(t);
    }
    Ok(a)
}

pub fn activity(g: &Global, cmd: ActivityCmd) -> Result<()> {
    match cmd {
        ActivityCmd::Add(a) => add_activity(g, &a.kind, &a.ride),
    }
}

pub fn ride(g: &Global, a: RideArgs) -> Result<()> {
    add_activity(g, "ride", &a)
}

fn add_activity(g: &Global, kind: &str, r: &RideArgs) -> Result<()> {
    let today = clock::today();
    let mut a = build_activity(kind, &r.duration, &r.fields, today)?;
    let mut ctx = Ctx::open(g)?;
    let (power, hr) = ctx.repo.load_thresholds(a.kind, a.date())?;
    a.compute_load(power, hr);
    let saved = ctx.repo.add_activity(&a)?;
    ctx.out(&with_ref(Kind::Activity, saved.id, &saved), || {
        activity_line("Saved", &saved)
    })
}

/// "Saved activity a3: ride on 2026-11-23, 1h30m, TSS 84 (power)".
pub fn activity_line(verb: &str, a: &Activity) -> String {
    let mut s = format!(
        "{verb} activity a{}: {} on {}, {}",
        a.id,
        a.kind,
        a.date(),
        format_duration(a.elapsed_s)
    );
    if let Some(d) = a.distance_m {
        s.push_str(&format!(", {:.1} km", d / 1000.0));
    }
    match (a.tss, a.load_source.as_deref()) {
        (Some(t), Some(src)) if src == "hr" || src == "rpe" => {
            s.push_str(&format!(", TSS ~{t:.0} (estimated from {src})"))
        }
        (Some(t), Some(src)) => s.push_str(&format!(", TSS {t:.0} ({src})")),
        _ => s.push_str(", no TSS (set ftp or lthr, or give --rpe/--tss)"),
    }
    if a.stopped_for_pain {
        s.push_str(", stopped for pain");
    }
    s
}

pub fn event(g: &Global, cmd: EventCmd) -> Result<()> {
    let EventCmd::Add(a) = cmd;
    add_event(g, a)
}

/// The validated event for the `event add` arguments (the app's event form builds them too).
pub fn build_event(a: &EventArgs, today: NaiveDate) -> Result<Event, InputError> {
    let kind = EventKind::parse(&a.kind)?;
    let title = text(&Some(a.title.clone()))
        .ok_or_else(|| InputError::new("title", "empty; allowed: any text, e.g. MRI"))?;
    let date = date_or_today("date", &a.date, today)?;
    Ok(Event {
        id: 0,
        uuid: String::new(),
        date,
        kind,
        title,
        note: text(&a.note),
    })
}

fn add_event(g: &Global, a: EventArgs) -> Result<()> {
    let e = build_event(&a, clock::today())?;
    let mut ctx = Ctx::open(g)?;
    let e = ctx.repo.add_event(&e)?;
    ctx.out(&with_ref(Kind::Event, e.id, &e), || {
        format!(
            "Saved event e{}: {} on {}: {}",
            e.id, e.kind, e.date, e.title
        )
    })
}
