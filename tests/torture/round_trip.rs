//! Issue 21.5's property: any journal's JSON export imports back into an empty journal and
//! exports the same (same SHA-256). Journals are built from the real files in
//! `tests/fixtures` and from random commands (rides, check-ins, events, medications and
//! doses, rehab sessions, PSFS ratings, FTPs from random days; typed values across and beyond
//! every range, `--force` or not) through the same `ops` the command line and the app call. 48 journals in CI, 400 with `BACKTRACK_TORTURE_LONG=1`.

use std::path::PathBuf;

use backtrack::domain::clock;
use backtrack::ops::meds::{DoseDraft, MedicationDraft};
use backtrack::ops::psfs::PsfsDraft;
use backtrack::ops::rehab::{ExerciseDraft, RehabLogDraft};
use backtrack::ops::{activity, checkin, events, meds, psfs, rehab, settings};
use backtrack::ops::{activity::ActivityDraft, checkin::CheckinDraft, events::EventDraft};
use backtrack::repo::Repo;
use proptest::prelude::*;
use sha2::{Digest, Sha256};

/// One command of a random session.
#[derive(Debug, Clone)]
enum Step {
    Ride {
        kind: &'static str,
        minutes: u32,
        days_ago: i64,
        figures: [Option<f64>; 5],
        distance_km: Option<f64>,
        force: bool,
    },
    Ftp {
        watts: f64,
        days_ago: i64,
    },
    Checkin {
        pain: i64,
        days_ago: i64,
        note: String,
    },
    Event {
        days_ago: i64,
        title: String,
    },
    Dose {
        name: String,
        usual: f64,
        amount: f64,
        max: Option<f64>,
        days_ago: i64,
        force: bool,
    },
    Rehab {
        exercise: String,
        prescription: String,
        minutes: u32,
        days_ago: i64,
    },
    Psfs {
        activity: String,
        score: i64,
        days_ago: i64,
    },
}

fn figure() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        6 => Just(None),
        3 => (0.0..400.0f64).prop_map(Some),
        1 => (-10.0..3000.0f64).prop_map(Some),
        2 => (1000.0..2500.0f64).prop_map(Some),
        1 => Just(Some(1e300)),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    let kinds = prop::sample::select(vec!["ride", "run", "walk", "indoor-ride", "swim"]);
    prop_oneof![
        4 => (
            kinds,
            1u32..(8 * 24 * 60),
            -3i64..4000,
            [figure(), figure(), figure(), figure(), figure()],
            prop::option::of(0.0..6000.0f64),
            any::<bool>(),
        )
            .prop_map(|(kind, minutes, days_ago, figures, distance_km, force)| Step::Ride {
                kind,
                minutes,
                days_ago,
                figures,
                distance_km,
                force,
            }),
        // Low FTPs from long ago make the biggest computed TSS.
        2 => (prop_oneof![30.0..80.0f64, 30.0..800.0f64], prop_oneof![Just(4000i64), 0i64..4000])
            .prop_map(|(watts, days_ago)| Step::Ftp { watts, days_ago }),
        2 => (-1i64..12, -1i64..400, "[ -~\\n\\t\u{1b}é]{0,20}")
            .prop_map(|(pain, days_ago, note)| Step::Checkin { pain, days_ago, note }),
        1 => (-1i64..400, "[ -~]{1,12}").prop_map(|(days_ago, title)| Step::Event { days_ago, title }),
        2 => (
            "[a-c]{1,2}[ \n]?",
            prop_oneof![0.0005..2.0f64, 1.0..1000.0f64],
            prop_oneof![0.0005..2.0f64, 1.0..150_000.0f64],
            prop::option::of(0.0..2_000_000.0f64),
            -1i64..400,
            any::<bool>(),
        )
            .prop_map(|(name, usual, amount, max, days_ago, force)| Step::Dose {
                name,
                usual,
                amount,
                max,
                days_ago,
                force,
            }),
        1 => (
            "[a-c]{1,3}",
            "[0-9]{1,2}x[0-9]{1,3}(@[0-9]{1,3}kg)?",
            0u32..2000,
            -1i64..400,
        )
            .prop_map(|(exercise, prescription, minutes, days_ago)| Step::Rehab {
                exercise,
                prescription,
                minutes,
                days_ago,
            }),
        1 => ("[a-z ]{1,10}", -1i64..12, -1i64..400)
            .prop_map(|(activity, score, days_ago)| Step::Psfs { activity, score, days_ago }),
    ]
}

fn day(days_ago: i64) -> String {
    (clock::today() - chrono::Duration::days(days_ago)).to_string()
}

/// Runs a step as the command line would; refusals are part of the session.
fn apply(repo: &mut Repo, s: &Step) {
    let today = clock::today();
    match s {
        Step::Ride {
            kind,
            minutes,
            days_ago,
            figures,
            distance_km,
            force,
        } => {
            let [power, np, hr, max_hr, tss] = *figures;
            let draft = ActivityDraft {
                kind: kind.to_string(),
                duration: format!("{minutes}m"),
                date: Some(day(*days_ago)),
                start: Some(format!("{:02}:{:02}", minutes % 24, minutes % 60)),
                distance: distance_km.map(|d| format!("{d:.3}km")),
                power,
                np,
                hr,
                max_hr,
                tss: tss.filter(|_| minutes % 3 == 0),
                force: *force,
                ..Default::default()
            };
            let _ = activity::add(repo, &draft, today);
        }
        Step::Ftp { watts, days_ago } => {
            let draft = settings::SettingDraft {
                key: "ftp".into(),
                value: format!("{watts:.0}"),
                from: Some(day(*days_ago)),
            };
            let _ = settings::set(repo, &draft, today);
        }
        Step::Checkin {
            pain,
            days_ago,
            note,
        } => {
            let draft = CheckinDraft {
                date: Some(day(*days_ago)),
                note: Some(note.clone()),
                ..Default::default()
            };
            let _ = checkin::log(repo, &pain.to_string(), &draft, today);
        }
        Step::Event { days_ago, title } => {
            let draft = EventDraft {
                kind: "other".into(),
                title: title.clone(),
                date: Some(day(*days_ago)),
                note: None,
            };
            let _ = events::add_event(repo, &draft, today);
        }
        Step::Dose {
            name,
            usual,
            amount,
            max,
            days_ago,
            force,
        } => {
            let med = MedicationDraft {
                name: name.clone(),
                class: "other".into(),
                unit: "mg".into(),
                dose: *usual,
                max_daily: *max,
                ..Default::default()
            };
            let _ = meds::add_medication(repo, &med, today);
            let dose = DoseDraft {
                medication: name.clone(),
                amount: Some(*amount),
                at: Some(format!(
                    "{} 08:{:02}",
                    day(*days_ago),
                    days_ago.rem_euclid(60)
                )),
                force: *force,
                ..Default::default()
            };
            let now = today.and_hms_opt(23, 0, 0).unwrap();
            let _ = meds::take_dose(repo, &dose, today, now);
        }
        Step::Rehab {
            exercise,
            prescription,
            minutes,
            days_ago,
        } => {
            let ex = ExerciseDraft {
                name: exercise.clone(),
                kind: "strength".into(),
                prescription: Some(prescription.clone()),
                per_side: false,
                cues: None,
            };
            let _ = rehab::add_exercise(repo, &ex);
            let log = RehabLogDraft {
                date: Some(day(*days_ago)),
                minutes: Some(*minutes),
                done: vec![format!("{exercise}:{prescription}")],
                ..Default::default()
            };
            let _ = rehab::log(repo, &log, today);
        }
        Step::Psfs {
            activity,
            score,
            days_ago,
        } => {
            let draft = PsfsDraft {
                activity: activity.clone(),
                score: score.to_string(),
                date: Some(day(*days_ago)),
            };
            let _ = psfs::rate(repo, &draft, today);
        }
    }
}

/// The export, imported into an empty journal, exports the same bytes.
fn assert_exports_back(repo: &Repo) -> Result<(), TestCaseError> {
    let export = repo.export_json().unwrap();
    let mut empty = Repo::open_in_memory().unwrap();
    let imported = empty.import_json(&export);
    prop_assert!(
        imported.is_ok(),
        "own export refused: {}",
        imported.unwrap_err()
    );
    let again = empty.export_json().unwrap();
    let digest = |v: &serde_json::Value| format!("{:x}", Sha256::digest(v.to_string()));
    prop_assert_eq!(digest(&export), digest(&again));
    Ok(())
}

fn cases() -> u32 {
    if super::long_run() { 400 } else { 48 }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_journal_from_random_commands_exports_back(steps in prop::collection::vec(step(), 1..30)) {
        let mut repo = Repo::open_in_memory().unwrap();
        for s in &steps {
            apply(&mut repo, s);
        }
        assert_exports_back(&repo)?;
    }
}

#[test]
fn a_journal_of_every_fixture_file_exports_back() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut repo = Repo::open_in_memory().unwrap();
    let ftp = settings::SettingDraft {
        key: "ftp".into(),
        value: "50".into(),
        from: Some("2000-01-01".into()),
    };
    settings::set(&mut repo, &ftp, clock::today()).unwrap();
    let summary = backtrack::import::import_paths(
        &mut repo,
        &[root.join("fit"), root.join("import")],
        backtrack::import::Options::default(),
        &mut |_| {},
    )
    .unwrap();
    let stored: usize = summary.imported.iter().map(|i| i.activities.len()).sum();
    assert!(stored >= 5, "{}", summary.text());
    assert_exports_back(&repo).unwrap();
}
