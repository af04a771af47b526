//! clap definitions of the journal's entries: check-ins, activities and rehab.

use clap::{Args, Subcommand};

#[derive(Debug, Clone, Args, Default)]
pub struct CheckinArgs {
    /// Pain now, 0 (none) to 10 (worst imaginable)
    #[arg(allow_hyphen_values = true)]
    pub pain: String,
    #[command(flatten)]
    pub fields: CheckinFields,
}

/// The check-in fields shared by `checkin` and `edit`.
#[derive(Debug, Clone, Args, Default)]
pub struct CheckinFields {
    /// Day: today, yesterday, -3, 3d, mon…sun, YYYY-MM-DD, MM-DD
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub date: Option<String>,
    /// The day's worst pain, 0–10
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub worst: Option<String>,
    /// Pain in the worse leg, 0–10 (apart from back pain)
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub leg: Option<String>,
    /// Where it hurts, comma-separated (e.g. low-back,buttock-left)
    #[arg(long = "where", value_name = "A,B")]
    pub locations: Vec<String>,
    /// What it feels like, comma-separated (e.g. ache,sharp)
    #[arg(long = "feels", value_name = "A,B")]
    pub character: Vec<String>,
    /// Hours slept, 0–24
    #[arg(allow_negative_numbers = true, long, value_name = "H")]
    pub sleep: Option<f64>,
    /// Sleep quality 1–5
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub sleep_quality: Option<String>,
    /// Mood 1–5
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub mood: Option<String>,
    /// Stress 1–5
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub stress: Option<String>,
    /// Energy 1–5
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub energy: Option<String>,
    /// Hours sitting, 0–24
    #[arg(allow_negative_numbers = true, long, value_name = "H")]
    pub sitting: Option<f64>,
    /// It was a work day
    #[arg(long, conflicts_with = "no_workday")]
    pub workday: bool,
    /// It was not a work day
    #[arg(long)]
    pub no_workday: bool,
    /// A tag (repeatable or comma-separated), e.g. shoveling
    #[arg(long = "tag", value_name = "T")]
    pub tags: Vec<String>,
    /// A note (use --edit to write it in $EDITOR)
    #[arg(long, conflicts_with = "edit", allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Write the note in $EDITOR
    #[arg(long)]
    pub edit: bool,
    /// A red-flag symptom (repeatable): saddle-numbness, bladder-change, bowel-change, both-legs, worsening-weakness, sexual-dysfunction, fever-or-weight-loss
    #[arg(long = "red-flag", value_name = "F")]
    pub red_flags: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ActivityCmd {
    /// Add an activity
    #[command(
        after_help = "Examples:\n  backtrack activity add ride 1h30m --np 210 --distance 42km\n  backtrack activity add strength 45m --rpe 6 --date yesterday\n  backtrack activity add yoga 45m --rpe 3"
    )]
    Add(ActivityAddArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ActivityAddArgs {
    /// ride, indoor-ride, virtual-ride, run, walk, swim, strength, rehab, other, or your own
    /// (yoga, hike, ski: counted as other)
    pub kind: String,
    #[command(flatten)]
    pub ride: RideArgs,
}

#[derive(Debug, Clone, Args, Default)]
pub struct RideArgs {
    /// Elapsed time: 1h30m, 90m, 1:30, 1:30:00
    #[arg(allow_hyphen_values = true)]
    pub duration: String,
    /// Store figures that look like a typo (NP over 1000 W or under the average power,
    /// average HR over the maximum, over 100 km/h, over 24 h) as typed
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub fields: ActivityFields,
}

/// Activity fields shared by `activity add`, `ride` and `edit`.
#[derive(Debug, Clone, Args, Default)]
pub struct ActivityFields {
    /// Day of the activity (default today)
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub date: Option<String>,
    /// Start time HH:MM (default 12:00)
    #[arg(long, value_name = "HH:MM")]
    pub start: Option<String>,
    /// Moving time, if less than the elapsed time
    #[arg(long, value_name = "DURATION", allow_hyphen_values = true)]
    pub moving: Option<String>,
    /// Distance: 42km, 42.2 (km), 26mi, 800m
    #[arg(long, value_name = "DIST", allow_hyphen_values = true)]
    pub distance: Option<String>,
    /// Climbing: 800 (metres), 800m, 2600ft
    #[arg(long, value_name = "HEIGHT", allow_hyphen_values = true)]
    pub ascent: Option<String>,
    /// Average power in watts
    #[arg(allow_negative_numbers = true, long, value_name = "W")]
    pub power: Option<f64>,
    /// Normalized power in watts
    #[arg(allow_negative_numbers = true, long, value_name = "W")]
    pub np: Option<f64>,
    /// Average heart rate in bpm
    #[arg(allow_negative_numbers = true, long, value_name = "BPM")]
    pub hr: Option<f64>,
    /// Maximum heart rate in bpm
    #[arg(allow_negative_numbers = true, long, value_name = "BPM")]
    pub max_hr: Option<f64>,
    /// Perceived exertion 1–10
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub rpe: Option<String>,
    /// TSS you know (otherwise computed from power, HR or RPE)
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub tss: Option<f64>,
    /// recovery, endurance, tempo, sweet-spot, threshold, vo2max, anaerobic
    #[arg(long, value_name = "I")]
    pub intensity: Option<String>,
    /// Pain before, 0–10
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub pain_before: Option<String>,
    /// Pain during, 0–10
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub pain_during: Option<String>,
    /// Pain after, 0–10
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub pain_after: Option<String>,
    /// Stopped early because of pain
    #[arg(long)]
    pub stopped_for_pain: bool,
    /// Which bike
    #[arg(long, value_name = "NAME")]
    pub bike: Option<String>,
    /// A note
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum RehabCmd {
    /// Log a rehab session; with no --done, the whole programme as prescribed
    #[command(
        after_help = "Examples:\n  backtrack rehab log\n  backtrack rehab log \"McKenzie\" --pain-before 4 --pain-after 3\n  backtrack rehab log --done \"bird dog:3x10\" --done \"side plank:3x30s\" --minutes 20"
    )]
    Log(RehabLogArgs),
    /// The exercise library
    Exercise {
        #[command(subcommand)]
        action: ExerciseCmd,
    },
    /// The physio's programmes
    Programme {
        #[command(subcommand)]
        action: ProgrammeCmd,
    },
}

#[derive(Debug, Clone, Args)]
pub struct RehabLogArgs {
    /// Programme name (default: the one active today)
    pub programme: Option<String>,
    /// Day of the session (default today)
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub date: Option<String>,
    /// Minutes spent, 0–1440
    #[arg(allow_negative_numbers = true, long, value_name = "M", value_parser = clap::value_parser!(u32).range(0..=crate::ops::input::MAX_SESSION_MINUTES as i64))]
    pub minutes: Option<u32>,
    /// An exercise done, NAME or NAME:3x10 / NAME:3x30s / NAME:3x8@16kg / NAME:3x8@35lb (repeatable)
    #[arg(long, value_name = "EXERCISE")]
    pub done: Vec<String>,
    /// Pain before, 0–10
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub pain_before: Option<String>,
    /// Pain after, 0–10
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub pain_after: Option<String>,
    /// A note
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ExerciseCmd {
    /// Add an exercise
    #[command(
        after_help = "Example:\n  backtrack rehab exercise add \"McGill curl-up\" --kind strength --prescription 3x8 --cues \"brace, don't flex\""
    )]
    Add(ExerciseArgs),
    /// List the library
    #[command(after_help = "Example:\n  backtrack rehab exercise list --json")]
    List,
}

#[derive(Debug, Clone, Args)]
pub struct ExerciseArgs {
    /// Exercise name, e.g. "McGill curl-up"
    pub name: String,
    /// strength, stretch, mobility, cardio
    #[arg(long, default_value = "strength")]
    pub kind: String,
    /// Default prescription: 3x10, 3x30s, 30s
    #[arg(long, value_name = "SPEC")]
    pub prescription: Option<String>,
    /// Done on each side
    #[arg(long)]
    pub per_side: bool,
    /// Coaching cues
    #[arg(long)]
    pub cues: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ProgrammeCmd {
    /// Add a programme: ordered exercises with prescriptions
    #[command(
        after_help = "Example:\n  backtrack rehab programme add \"Physio block 1\" --exercise \"bird dog:3x10\" --exercise \"glute bridge:3x12\" --target 3"
    )]
    Add(ProgrammeArgs),
    /// List programmes with their exercises
    #[command(after_help = "Example:\n  backtrack rehab programme list")]
    List,
}

#[derive(Debug, Clone, Args)]
pub struct ProgrammeArgs {
    /// Programme name, e.g. "Physio block 1"
    pub name: String,
    /// An exercise with its prescription, in order (repeatable)
    #[arg(long = "exercise", value_name = "NAME:SPEC", required = true)]
    pub exercises: Vec<String>,
    /// Active from (default today)
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub from: Option<String>,
    /// Active until
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub to: Option<String>,
    /// Target sessions per week, 0–21
    #[arg(allow_negative_numbers = true, long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(0..=crate::domain::limits::TARGET_PER_WEEK.hi_whole()))]
    pub target: u32,
    /// A note (what the physio said)
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
}
