//! clap definitions of listing, editing, settings, export/import, charts and criteria.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::args_log::CheckinFields;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ListKind {
    #[default]
    Checkins,
    Activities,
    Doses,
    Events,
    Rehab,
}

impl ListKind {
    pub const ALL: [ListKind; 5] = [
        ListKind::Checkins,
        ListKind::Activities,
        ListKind::Doses,
        ListKind::Events,
        ListKind::Rehab,
    ];
}

#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// What to list [default: checkins; with --grep alone, every kind]
    #[arg(value_enum)]
    pub kind: Option<ListKind>,
    /// From this day, or a span back from --until: 12w, 6m, 1y, all (default 30 days before it)
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Until this day (default today)
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub until: Option<String>,
    /// Everything, from the first record
    #[arg(long, conflicts_with = "since")]
    pub all: bool,
    /// Only records whose note, title or tags contain TEXT (any case)
    #[arg(long, value_name = "TEXT")]
    pub grep: Option<String>,
    /// Only check-ins with this tag (spaces become `-`, as when tagging)
    #[arg(long, value_name = "T")]
    pub tag: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct EditArgs {
    /// Record ID as shown by `list` (c12, a5, r3, d8, m1, e2, x4, p1)
    pub id: String,
    /// New pain 0–10 (check-in)
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
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
    /// Dose time "YYYY-MM-DD HH:MM", or HH:MM on the dose's own day
    #[arg(long)]
    pub at: Option<String>,
    /// Medication maximum per day
    #[arg(allow_negative_numbers = true, long)]
    pub max_daily: Option<f64>,
    /// Rehab session minutes, 0–1440
    #[arg(allow_negative_numbers = true, long, value_parser = clap::value_parser!(u32).range(0..=crate::ops::input::MAX_SESSION_MINUTES as i64))]
    pub minutes: Option<u32>,
    /// Programme active until
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub to: Option<String>,
    /// Programme target sessions per week, 0–21
    #[arg(allow_negative_numbers = true, long, value_parser = clap::value_parser!(u32).range(0..=crate::domain::limits::TARGET_PER_WEEK.hi_whole()))]
    pub target: Option<u32>,
    /// A dose: store the correction even when it takes the day over the medication's max;
    /// an activity: store figures that look like a typo (as `ride --force`)
    #[arg(long)]
    pub force: bool,
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
    #[arg(long, value_name = "DURATION", allow_hyphen_values = true)]
    pub moving: Option<String>,
    /// Activity distance: 42km, 26mi, 800m
    #[arg(long, value_name = "DIST", allow_hyphen_values = true)]
    pub distance: Option<String>,
    /// Activity climbing: 800 (metres), 800m, 2600ft
    #[arg(long, value_name = "HEIGHT", allow_hyphen_values = true)]
    pub ascent: Option<String>,
    /// Activity average power in watts
    #[arg(allow_negative_numbers = true, long, value_name = "W")]
    pub power: Option<f64>,
    /// Activity normalized power in watts
    #[arg(allow_negative_numbers = true, long, value_name = "W")]
    pub np: Option<f64>,
    /// Activity average heart rate
    #[arg(allow_negative_numbers = true, long, value_name = "BPM")]
    pub hr: Option<f64>,
    /// Activity maximum heart rate
    #[arg(allow_negative_numbers = true, long, value_name = "BPM")]
    pub max_hr: Option<f64>,
    /// Activity perceived exertion 1–10
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub rpe: Option<String>,
    /// Activity TSS: N (kept as given), or auto to compute it again from power, HR or RPE
    #[arg(allow_negative_numbers = true, long, value_name = "N|auto")]
    pub tss: Option<String>,
    /// Activity intensity: recovery … anaerobic
    #[arg(long, value_name = "I")]
    pub intensity: Option<String>,
    /// Pain before, 0–10 (activity, rehab session, dose)
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub pain_before: Option<String>,
    /// Activity pain during, 0–10
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub pain_during: Option<String>,
    /// Pain after, 0–10 (activity, rehab session)
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
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
    /// ftp, lthr, run_ftp, run_lthr, max_hr, weight, units (metric|imperial), name, dob, sync (auto|manual), or a threshold (nsaid_streak_days, …)
    pub key: String,
    /// The value: a number; weight 72.5 (kg), 72.5kg or 160lb; units metric or imperial; name text; dob YYYY-MM-DD; sync auto or manual
    #[arg(allow_negative_numbers = true)]
    pub value: String,
    /// For ftp/lthr/run_ftp/run_lthr/max_hr/weight: in force from this day (default today)
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
    /// .fit/.gpx/.tcx files (also .gz), Strava or Garmin export .zip files, folders of them, .csv activity lists, or one backtrack .json export
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Show what would be imported, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// A backtrack .json export: import doses that take a day over the drug's max daily total
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ChartArgs {
    /// pain, load or sleep
    pub kind: String,
    /// From this day (default 12 weeks ago); `all` for everything
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    pub since: Option<String>,
    /// Columns, 30–1000 (default: the terminal width, or 80)
    #[arg(long, value_parser = clap::value_parser!(u16).range(30..=1000))]
    pub width: Option<u16>,
    /// Rows of the plot, 4–200 (default 12)
    #[arg(long, value_parser = clap::value_parser!(u16).range(4..=200))]
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

#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    /// Where to write the copy (default backups/journal-manual-DATE.db)
    pub path: Option<PathBuf>,
    #[command(subcommand)]
    pub action: Option<BackupCmd>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum BackupCmd {
    /// Write a verified backup now (the same as `backup [PATH]`)
    #[command(after_help = "Example:\n  backtrack backup now ~/before-upgrade.db")]
    Now {
        /// Where to write the copy (default backups/journal-manual-DATE.db)
        path: Option<PathBuf>,
    },
    /// The backups beside the journal, newest first, each checked with integrity_check
    #[command(after_help = "Example:\n  backtrack backup list --json")]
    List,
    /// Put the newest verified backup (or that of DATE) in place; the replaced file is kept
    #[command(
        after_help = "Examples:\n  backtrack backup restore\n  backtrack backup restore yesterday"
    )]
    Restore {
        /// The day of the backup (default: the newest that passes integrity_check)
        #[arg(allow_hyphen_values = true)]
        date: Option<String>,
    },
}
