//! The clap arguments as the plain drafts of `ops`: the only place a flag meets an operation,
//! so a renamed flag cannot break the app's forms.

use super::args::{
    ActivityFields, CheckinFields, EditActivityFields, EditArgs, EventArgs, ExerciseArgs,
    MedAddArgs, MedTakeArgs, ProgrammeArgs, RehabLogArgs, SetArgs,
};
use crate::ops::activity::ActivityDraft;
use crate::ops::checkin::CheckinDraft;
use crate::ops::edit::{ActivityPatch, EditDraft};
use crate::ops::events::EventDraft;
use crate::ops::meds::{DoseDraft, MedicationDraft};
use crate::ops::rehab::{ExerciseDraft, ProgrammeDraft, RehabLogDraft};
use crate::ops::settings::SettingDraft;

pub fn checkin(f: &CheckinFields) -> CheckinDraft {
    CheckinDraft {
        date: f.date.clone(),
        worst: f.worst.clone(),
        leg: f.leg.clone(),
        locations: f.locations.clone(),
        character: f.character.clone(),
        sleep: f.sleep,
        sleep_quality: f.sleep_quality.clone(),
        mood: f.mood.clone(),
        stress: f.stress.clone(),
        energy: f.energy.clone(),
        sitting: f.sitting,
        workday: f.workday,
        no_workday: f.no_workday,
        tags: f.tags.clone(),
        note: f.note.clone(),
        edit: f.edit,
        red_flags: f.red_flags.clone(),
    }
}

pub fn activity(kind: &str, duration: &str, f: &ActivityFields) -> ActivityDraft {
    ActivityDraft {
        kind: kind.to_string(),
        duration: duration.to_string(),
        date: f.date.clone(),
        start: f.start.clone(),
        moving: f.moving.clone(),
        distance: f.distance.clone(),
        ascent: f.ascent.clone(),
        power: f.power,
        np: f.np,
        hr: f.hr,
        max_hr: f.max_hr,
        rpe: f.rpe.clone(),
        tss: f.tss,
        intensity: f.intensity.clone(),
        pain_before: f.pain_before.clone(),
        pain_during: f.pain_during.clone(),
        pain_after: f.pain_after.clone(),
        stopped_for_pain: f.stopped_for_pain,
        bike: f.bike.clone(),
        note: f.note.clone(),
        force: false,
    }
}

pub fn event(a: &EventArgs) -> EventDraft {
    EventDraft {
        kind: a.kind.clone(),
        title: a.title.clone(),
        date: a.date.clone(),
        note: a.note.clone(),
    }
}

pub fn medication(a: &MedAddArgs) -> MedicationDraft {
    MedicationDraft {
        name: a.name.clone(),
        class: a.class.clone(),
        unit: a.unit.clone(),
        dose: a.dose,
        max_daily: a.max_daily,
        times_a_day: a.times_a_day,
        course_start: a.course_start.clone(),
        course_end: a.course_end.clone(),
        note: a.note.clone(),
    }
}

pub fn dose(a: &MedTakeArgs) -> DoseDraft {
    DoseDraft {
        medication: a.name.clone(),
        amount: a.amount,
        at: a.at.clone(),
        pain: a.pain.clone(),
        note: a.note.clone(),
        force: a.force,
    }
}

pub fn rehab_log(a: &RehabLogArgs) -> RehabLogDraft {
    RehabLogDraft {
        programme: a.programme.clone(),
        date: a.date.clone(),
        minutes: a.minutes,
        done: a.done.clone(),
        pain_before: a.pain_before.clone(),
        pain_after: a.pain_after.clone(),
        note: a.note.clone(),
    }
}

pub fn exercise(a: &ExerciseArgs) -> ExerciseDraft {
    ExerciseDraft {
        name: a.name.clone(),
        kind: a.kind.clone(),
        prescription: a.prescription.clone(),
        per_side: a.per_side,
        cues: a.cues.clone(),
    }
}

pub fn programme(a: &ProgrammeArgs) -> ProgrammeDraft {
    ProgrammeDraft {
        name: a.name.clone(),
        exercises: a.exercises.clone(),
        from: a.from.clone(),
        to: a.to.clone(),
        target: a.target,
        note: a.note.clone(),
    }
}

pub fn setting(a: &SetArgs) -> SettingDraft {
    SettingDraft {
        key: a.key.clone(),
        value: a.value.clone(),
        from: a.from.clone(),
    }
}

pub fn edit(a: &EditArgs) -> EditDraft {
    let x: &EditActivityFields = &a.activity;
    EditDraft {
        pain: a.pain.clone(),
        kind: a.kind.clone(),
        duration: a.duration.clone(),
        title: a.title.clone(),
        amount: a.amount,
        at: a.at.clone(),
        max_daily: a.max_daily,
        minutes: a.minutes,
        to: a.to.clone(),
        target: a.target,
        force: a.force,
        checkin: checkin(&a.checkin),
        activity: ActivityPatch {
            start: x.start.clone(),
            moving: x.moving.clone(),
            distance: x.distance.clone(),
            ascent: x.ascent.clone(),
            power: x.power,
            np: x.np,
            hr: x.hr,
            max_hr: x.max_hr,
            rpe: x.rpe.clone(),
            tss: x.tss.clone(),
            intensity: x.intensity.clone(),
            pain_before: x.pain_before.clone(),
            pain_during: x.pain_during.clone(),
            pain_after: x.pain_after.clone(),
            stopped_for_pain: x.stopped_for_pain,
            bike: x.bike.clone(),
        },
    }
}
