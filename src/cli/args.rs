//! clap definitions for every command and flag, each with help text and an example.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "backtrack",
    version,
    about = "A terminal pain-and-training journal for athletes with back pain",
    long_about = "A terminal pain-and-training journal for athletes with back pain.\n\n\
        Run with no command to open the app. Everything stays in one local SQLite file.",
    after_help = "Examples:\n  backtrack checkin 4 --sleep 6.5 --tag long-drive\n  backtrack ride 1h30m --np 210 --pain-during 3\n  backtrack med take ibuprofen\n  backtrack list checkins --since 30d --json"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Flags every command takes.
#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Journal file [default: ~/.local/share/backtrack/journal.db]
    #[arg(long, global = true, env = "BACKTRACK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Print machine-readable JSON (stable snake_case keys, see the README)
    #[arg(long, global = true)]
    pub json: bool,
    /// Open the app on a fresh temporary demo journal (deleted on exit; yours is not touched)
    #[arg(long, conflicts_with = "db")]
    pub demo: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log today's (or another day's) pain 0–10 and how the day went
    #[command(
        after_help = "Examples:\n  backtrack checkin 4\n  backtrack checkin 6 --date yesterday --where low-back,buttock-left --feels ache,sharp\n  backtrack checkin 3 --sleep 7.5 --workday --sitting 9 --tag long-drive --note \"stiff after the meeting\""
    )]
    Checkin(Box<CheckinArgs>),
    /// Add activities (rides, runs, strength…)
    Activity {
        #[command(subcommand)]
        action: ActivityCmd,
    },
    /// Shortcut for `activity add ride`
    #[command(
        after_help = "Example:\n  backtrack ride 2h --np 205 --hr 142 --pain-during 3 --date yesterday"
    )]
    Ride(RideArgs),
    /// Rehab: log sessions, manage exercises and programmes
    Rehab {
        #[command(subcommand)]
        action: RehabCmd,
    },
    /// Medications: the catalogue and doses taken
    Med {
        #[command(subcommand)]
        action: MedCmd,
    },
    /// Timeline events: doctor visits, imaging, bike fits…
    Event {
        #[command(subcommand)]
        action: EventCmd,
    },
    /// Patient-Specific Functional Scale: rate activities the back limits (0–10)
    Psfs {
        #[command(subcommand)]
        action: PsfsCmd,
    },
    /// List records (last 30 days unless --since/--all)
    #[command(
        after_help = "Examples:\n  backtrack list\n  backtrack list activities --since 2026-01-01 --json\n  backtrack list doses --all"
    )]
    List(ListArgs),
    /// Show one record in full, by ID (c12, a5, d3…)
    #[command(after_help = "Example:\n  backtrack info c12")]
    Info {
        /// Record ID, e.g. c12
        id: String,
    },
    /// Change a record by ID; give only the fields to change
    #[command(
        after_help = "Examples:\n  backtrack edit c12 --pain 5 --note \"after the ride\"\n  backtrack edit a7 --tss 95\n  backtrack edit e3 --title \"MRI L4/L5\""
    )]
    Edit(Box<EditArgs>),
    /// Move a record to the trash (undo with `restore`)
    #[command(after_help = "Example:\n  backtrack delete c12 && backtrack restore c12")]
    Delete {
        /// Record ID, e.g. c12
        id: String,
    },
    /// Bring a record back from the trash
    #[command(after_help = "Example:\n  backtrack trash && backtrack restore c12")]
    Restore {
        /// Record ID from `trash`, e.g. c12
        id: String,
    },
    /// List deleted records; --empty purges them for good
    #[command(after_help = "Examples:\n  backtrack trash\n  backtrack trash --empty")]
    Trash {
        /// Purge everything in the trash (cannot be undone)
        #[arg(long)]
        empty: bool,
    },
    /// Set a setting; ftp, lthr, max_hr and weight keep a dated history
    #[command(
        after_help = "Examples:\n  backtrack set ftp 250\n  backtrack set ftp 240 --from 2026-03-01\n  backtrack set nsaid_streak_days 7"
    )]
    Set(SetArgs),
    /// Show all settings and their histories
    #[command(after_help = "Example:\n  backtrack settings --json")]
    Settings,
    /// One line for a shell prompt: today's pain, mean7, doses, red flags
    #[command(after_help = "Example (bash prompt):\n  PS1='$(backtrack status) \\$ '")]
    Status,
    /// Export the whole journal as JSON (lossless) or CSV (one file per table)
    #[command(
        after_help = "Examples:\n  backtrack export --format json -o journal.json\n  backtrack export --format csv -o export-dir"
    )]
    Export(ExportArgs),
    /// Import rides: .fit files and folders, Strava/intervals.icu CSVs, or a JSON export
    #[command(
        after_help = "Examples:\n  backtrack import ~/garmin/Activities\n  backtrack import ride.fit activities.csv --dry-run\n  backtrack import journal.json   (a backtrack export: merged by uuid, the newer edit wins)\n\nExit codes: 0 the run completed (skipped and failed files are listed); 2 a path is missing or\nof an unsupported type (nothing written); 1 any other failure."
    )]
    Import(ImportArgs),
    /// Write a verified online backup (default: backups/ beside the journal)
    #[command(after_help = "Example:\n  backtrack backup ~/backtrack-before-upgrade.db")]
    Backup {
        /// Where to write the copy (default backups/journal-manual-DATE.db)
        path: Option<PathBuf>,
    },
    /// The insights: pain trend, flares, load, associations, meds, rehab, criteria
    #[command(
        after_help = "Examples:\n  backtrack stats\n  backtrack stats --since 2026-06-01 --json | jq .load_pain"
    )]
    Stats {
        /// Limit flares and associations to days from here (default: all history)
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        since: Option<String>,
    },
    /// Draw a chart as plain text: pain (with mean7), load (with CTL) or sleep
    #[command(
        after_help = "Examples:\n  backtrack chart pain\n  backtrack chart load --since 12w --width 100 --height 20"
    )]
    Chart(ChartArgs),
    /// Your return-to-training criteria: list, add or change rules
    #[command(
        after_help = "Examples:\n  backtrack criteria\n  backtrack criteria add \"pain <= 2\"\n  backtrack criteria set k2 \"no-flare 21\"\n  backtrack delete k3"
    )]
    Criteria {
        #[command(subcommand)]
        action: Option<CriteriaCmd>,
    },
    /// Write a realistic demo journal (refuses a journal that has data)
    #[command(
        after_help = "Examples:\n  backtrack --db /tmp/demo.db demo --years 2\n  backtrack --db /tmp/big.db demo --years 10 --seed 1"
    )]
    Demo {
        /// Years of history
        #[arg(long, default_value_t = 1)]
        years: u32,
        /// Random seed: the same seed gives the same journal
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print shell completions (bash, zsh, fish, elvish, powershell)
    #[command(
        after_help = "Example:\n  backtrack completions bash > ~/.local/share/bash-completion/completions/backtrack"
    )]
    Completions {
        /// bash, zsh, fish, elvish or powershell
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout
    #[command(after_help = "Example:\n  backtrack man > backtrack.1 && man ./backtrack.1")]
    Man,
    /// Render one screen of the app once to stdout, without a terminal
    #[command(
        after_help = "Examples:\n  backtrack show today\n  backtrack show pain --width 120 --height 40\n  backtrack show trends --range 1y"
    )]
    Show(ShowArgs),
}

/// `show SCREEN [--width W --height H]`.
#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// Which screen: today, pain, training, meds, trends, timeline
    #[arg(value_parser = ["today", "pain", "training", "meds", "trends", "timeline"])]
    pub screen: String,
    /// Columns to draw (the app needs at least 60)
    #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub width: u16,
    /// Rows to draw (the app needs at least 20)
    #[arg(long, default_value_t = 24, value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub height: u16,
    /// Trends only: the range drawn (default 12w)
    #[arg(long, value_parser = ["4w", "12w", "1y", "all"])]
    pub range: Option<String>,
}

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
    #[arg(long, value_name = "N")]
    pub worst: Option<String>,
    /// Where it hurts, comma-separated (e.g. low-back,buttock-left)
    #[arg(long = "where", value_name = "A,B")]
    pub locations: Vec<String>,
    /// What it feels like, comma-separated (e.g. ache,sharp)
    #[arg(long = "feels", value_name = "A,B")]
    pub character: Vec<String>,
    /// Hours slept, 0–24
    #[arg(long, value_name = "H")]
    pub sleep: Option<f64>,
    /// Sleep quality 1–5
    #[arg(long, value_name = "N")]
    pub sleep_quality: Option<String>,
    /// Mood 1–5
    #[arg(long, value_name = "N")]
    pub mood: Option<String>,
    /// Stress 1–5
    #[arg(long, value_name = "N")]
    pub stress: Option<String>,
    /// Energy 1–5
    #[arg(long, value_name = "N")]
    pub energy: Option<String>,
    /// Hours sitting, 0–24
    #[arg(long, value_name = "H")]
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
        after_help = "Examples:\n  backtrack activity add ride 1h30m --np 210 --distance 42km\n  backtrack activity add strength 45m --rpe 6 --date yesterday"
    )]
    Add(ActivityAddArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ActivityAddArgs {
    /// ride, indoor-ride, virtual-ride, run, walk, swim, strength, rehab, other
    pub kind: String,
    #[command(flatten)]
    pub ride: RideArgs,
}

#[derive(Debug, Clone, Args, Default)]
pub struct RideArgs {
    /// Elapsed time: 1h30m, 90m, 1:30, 1:30:00
    pub duration: String,
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
    #[arg(long, value_name = "DURATION")]
    pub moving: Option<String>,
    /// Distance: 42km, 42.2 (km), 26mi, 800m
    #[arg(long, value_name = "DIST")]
    pub distance: Option<String>,
    /// Climbing in metres
    #[arg(long, value_name = "M")]
    pub ascent: Option<f64>,
    /// Average power in watts
    #[arg(long, value_name = "W")]
    pub power: Option<f64>,
    /// Normalized power in watts
    #[arg(long, value_name = "W")]
    pub np: Option<f64>,
    /// Average heart rate in bpm
    #[arg(long, value_name = "BPM")]
    pub hr: Option<f64>,
    /// Maximum heart rate in bpm
    #[arg(long, value_name = "BPM")]
    pub max_hr: Option<f64>,
    /// Perceived exertion 1–10
    #[arg(long, value_name = "N")]
    pub rpe: Option<String>,
    /// TSS you know (otherwise computed from power, HR or RPE)
    #[arg(long, value_name = "N")]
    pub tss: Option<f64>,
    /// recovery, endurance, tempo, sweet-spot, threshold, vo2max, anaerobic
    #[arg(long, value_name = "I")]
    pub intensity: Option<String>,
    /// Pain before, 0–10
    #[arg(long, value_name = "N")]
    pub pain_before: Option<String>,
    /// Pain during, 0–10
    #[arg(long, value_name = "N")]
    pub pain_during: Option<String>,
    /// Pain after, 0–10
    #[arg(long, value_name = "N")]
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
    /// Minutes spent
    #[arg(long, value_name = "M")]
    pub minutes: Option<u32>,
    /// An exercise done, NAME or NAME:3x10 / NAME:3x30s / NAME:3x8@16kg (repeatable)
    #[arg(long, value_name = "EXERCISE")]
    pub done: Vec<String>,
    /// Pain before, 0–10
    #[arg(long, value_name = "N")]
    pub pain_before: Option<String>,
    /// Pain after, 0–10
    #[arg(long, value_name = "N")]
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
    /// Target sessions per week
    #[arg(long, default_value_t = 3)]
    pub target: u32,
    /// A note (what the physio said)
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum MedCmd {
    /// Add a medication to the catalogue
    #[command(
        after_help = "Example:\n  backtrack med add ibuprofen --class nsaid --unit mg --dose 400 --max-daily 1200 --as-needed"
    )]
    Add(MedAddArgs),
    /// Take a dose (the usual dose unless AMOUNT is given)
    #[command(
        after_help = "Examples:\n  backtrack med take ibuprofen\n  backtrack med take ibuprofen 200 --at \"2026-11-22 21:30\""
    )]
    Take(MedTakeArgs),
    /// List the catalogue with today's totals
    #[command(after_help = "Example:\n  backtrack med list")]
    List,
    /// List doses
    #[command(after_help = "Example:\n  backtrack med doses --since 30d --json")]
    Doses {
        /// From this day (default 30 days ago)
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        since: Option<String>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct MedAddArgs {
    /// Medication name, e.g. ibuprofen
    pub name: String,
    /// nsaid, opioid, acetaminophen, muscle-relaxant, neuropathic, oral-steroid, steroid-injection, other
    #[arg(long)]
    pub class: String,
    /// Unit: mg, ml, mcg, tablet…
    #[arg(long, default_value = "mg")]
    pub unit: String,
    /// Usual dose in the unit
    #[arg(long)]
    pub dose: f64,
    /// Maximum total per day, from the label or prescription
    #[arg(long, value_name = "N")]
    pub max_daily: Option<f64>,
    /// Taken as needed (default)
    #[arg(long, conflicts_with = "times_a_day")]
    pub as_needed: bool,
    /// Scheduled this many times a day
    #[arg(long, value_name = "N")]
    pub times_a_day: Option<u32>,
    /// Course start date
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub course_start: Option<String>,
    /// Course end date
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub course_end: Option<String>,
    /// A note (e.g. prescriber)
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct MedTakeArgs {
    /// Medication name as in `med list`
    pub name: String,
    /// Amount in the medication's unit (default: the usual dose)
    pub amount: Option<f64>,
    /// When: "YYYY-MM-DD HH:MM" or HH:MM today (default now)
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
    /// Take it even though it goes over the daily maximum
    #[arg(long)]
    pub force: bool,
    /// Pain before the dose, 0–10
    #[arg(long, value_name = "N")]
    pub pain: Option<String>,
    /// A note
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum EventCmd {
    /// Add an event
    #[command(
        after_help = "Examples:\n  backtrack event add imaging MRI --date 2026-10-02 --note \"L4/L5 protrusion\"\n  backtrack event add bike-fit \"new saddle\""
    )]
    Add(EventArgs),
}

#[derive(Debug, Clone, Args)]
pub struct EventArgs {
    /// doctor, physio, imaging, injection, procedure, bike-fit, equipment, life, insurance, other
    pub kind: String,
    /// What happened, e.g. MRI
    pub title: String,
    /// Day of the event (default today)
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub date: Option<String>,
    /// A note
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum PsfsCmd {
    /// Rate an activity 0 (unable) to 10 (as before); new names are added (up to 5)
    #[command(after_help = "Example:\n  backtrack psfs set \"ride 3h with climbing\" 4")]
    Set {
        /// The activity, e.g. "ride 3h with climbing"
        activity: String,
        /// 0 (unable) to 10 (as before the problem)
        #[arg(allow_hyphen_values = true)]
        score: String,
        /// Day of the rating (default today)
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        date: Option<String>,
    },
    /// List activities with their latest ratings and the score
    #[command(after_help = "Example:\n  backtrack psfs list")]
    List,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ListKind {
    #[default]
    Checkins,
    Activities,
    Doses,
    Events,
    Rehab,
}

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// What to list
    #[arg(value_enum, default_value_t = ListKind::Checkins)]
    pub kind: ListKind,
    /// From this day (default 30 days ago)
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Until this day (default today)
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// Everything, from the first record
    #[arg(long, conflicts_with = "since")]
    pub all: bool,
}

#[derive(Debug, Clone, Args)]
pub struct EditArgs {
    /// Record ID as shown by `list` (c12, a5, r3, d8, m1, e2, x4, p1)
    pub id: String,
    /// New pain 0–10 (check-in)
    #[arg(long, value_name = "N")]
    pub pain: Option<String>,
    /// Activity kind / event kind / exercise kind / medication class
    #[arg(long)]
    pub kind: Option<String>,
    /// Activity duration
    #[arg(long)]
    pub duration: Option<String>,
    /// Event or programme title / name
    #[arg(long)]
    pub title: Option<String>,
    /// Dose amount, or a medication's usual dose
    #[arg(long, allow_hyphen_values = true)]
    pub amount: Option<f64>,
    /// Dose time "YYYY-MM-DD HH:MM"
    #[arg(long)]
    pub at: Option<String>,
    /// Medication maximum per day
    #[arg(long)]
    pub max_daily: Option<f64>,
    /// Rehab session minutes
    #[arg(long)]
    pub minutes: Option<u32>,
    /// Programme active until
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub to: Option<String>,
    /// Programme target sessions per week
    #[arg(long)]
    pub target: Option<u32>,
    #[command(flatten)]
    pub checkin: CheckinFields,
    #[command(flatten)]
    pub activity: EditActivityFields,
}

/// Activity fields for `edit` (the shared ones — date, note — come from the check-in group).
#[derive(Debug, Clone, Args, Default)]
pub struct EditActivityFields {
    /// Activity start time HH:MM
    #[arg(long, value_name = "HH:MM")]
    pub start: Option<String>,
    /// Activity moving time
    #[arg(long, value_name = "DURATION")]
    pub moving: Option<String>,
    /// Activity distance: 42km, 26mi, 800m
    #[arg(long, value_name = "DIST")]
    pub distance: Option<String>,
    /// Activity climbing in metres
    #[arg(long, value_name = "M")]
    pub ascent: Option<f64>,
    /// Activity average power in watts
    #[arg(long, value_name = "W")]
    pub power: Option<f64>,
    /// Activity normalized power in watts
    #[arg(long, value_name = "W")]
    pub np: Option<f64>,
    /// Activity average heart rate
    #[arg(long, value_name = "BPM")]
    pub hr: Option<f64>,
    /// Activity maximum heart rate
    #[arg(long, value_name = "BPM")]
    pub max_hr: Option<f64>,
    /// Activity perceived exertion 1–10
    #[arg(long, value_name = "N")]
    pub rpe: Option<String>,
    /// Activity TSS (kept as given)
    #[arg(long, value_name = "N")]
    pub tss: Option<f64>,
    /// Activity intensity: recovery … anaerobic
    #[arg(long, value_name = "I")]
    pub intensity: Option<String>,
    /// Pain before, 0–10 (activity, rehab session, dose)
    #[arg(long, value_name = "N")]
    pub pain_before: Option<String>,
    /// Activity pain during, 0–10
    #[arg(long, value_name = "N")]
    pub pain_during: Option<String>,
    /// Pain after, 0–10 (activity, rehab session)
    #[arg(long, value_name = "N")]
    pub pain_after: Option<String>,
    /// Activity stopped for pain: true or false
    #[arg(long)]
    pub stopped_for_pain: Option<bool>,
    /// Activity bike
    #[arg(long)]
    pub bike: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct SetArgs {
    /// ftp, lthr, max_hr, weight, or a threshold (nsaid_streak_days, …)
    pub key: String,
    /// The value (a number)
    pub value: String,
    /// For ftp/lthr/max_hr/weight: in force from this day (default today)
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub from: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// json (lossless) or csv (one file per table)
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
    /// JSON: a file (default stdout). CSV: a directory (default ./backtrack-csv-DATE)
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// .fit files, folders (searched for .fit), .csv activity lists, or one backtrack .json export
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Show what would be imported, write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ChartArgs {
    /// pain, load or sleep
    pub kind: String,
    /// From this day (default 12 weeks ago); `all` for everything
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Columns (default: the terminal width, or 80)
    #[arg(long)]
    pub width: Option<u16>,
    /// Rows of the plot (default 12)
    #[arg(long)]
    pub height: Option<u16>,
}

#[derive(Debug, Subcommand)]
pub enum CriteriaCmd {
    /// List the rules with met / not met today
    #[command(after_help = "Example:\n  backtrack criteria list --json")]
    List,
    /// Add a rule: mean7 <= N, pain <= N, baseline <= N, no-flare DAYS, hard-next-day COUNT <= CHANGE
    #[command(after_help = "Example:\n  backtrack criteria add \"pain <= 2\"")]
    Add {
        /// The rule, e.g. "mean7 <= 3"
        rule: String,
    },
    /// Replace the rule of criterion ID (k1, k2…)
    #[command(after_help = "Example:\n  backtrack criteria set k2 \"no-flare 21\"")]
    Set {
        /// Criterion ID, e.g. k2
        id: String,
        /// The new rule
        rule: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command says what it does with an example, and every flag has help text.
    #[test]
    fn every_command_and_flag_has_help_and_an_example() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let name = format!("{path} {}", cmd.get_name());
            let leaf = cmd.get_subcommands().next().is_none();
            if cmd.get_about().is_none() {
                missing.push(format!("{name}: no about"));
            }
            if leaf
                && !cmd
                    .get_after_help()
                    .is_some_and(|h| h.to_string().contains("Example"))
            {
                missing.push(format!("{name}: no example"));
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if !matches!(id, "help" | "version")
                    && a.get_help().is_none()
                    && a.get_long_help().is_none()
                {
                    missing.push(format!("{name} --{id}: no help"));
                }
            }
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                walk(sub, &name, missing);
            }
        }
        let mut missing = Vec::new();
        let root = Cli::command();
        for sub in root.get_subcommands().filter(|s| s.get_name() != "help") {
            walk(sub, "backtrack", &mut missing);
        }
        assert!(missing.is_empty(), "missing help:\n{}", missing.join("\n"));
    }
}
