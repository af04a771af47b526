//! The command line's top level: global flags, the list of commands and `show`; each group's
//! flags live in `args_log` (entries), `args_meds` (medications, events, PSFS) and `args_system`.
//! Every command and flag has help text and an example (enforced by the test below).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

pub use super::args_log::*;
pub use super::args_meds::*;
pub use super::args_sync::*;
pub use super::args_system::*;

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
    /// Open the app on a fresh temporary demo journal (deleted on exit; yours is not touched,
    /// also when BACKTRACK_DB names it)
    #[arg(long)]
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
    /// Outcome scores: enter a questionnaire's total (odi, rmdq, peg, promis-pi, startback)
    Score {
        /// Without one, `list`
        #[command(subcommand)]
        action: Option<super::args_scores::ScoreCmd>,
    },
    /// A return plan: a weekly target in hours or TSS, grown by your ramp while your criteria hold
    Plan {
        /// Without one, `show`
        #[command(subcommand)]
        action: Option<super::args_plan::PlanCmd>,
    },
    /// List records (last 30 days unless --since/--all; --grep alone searches every kind)
    #[command(
        after_help = "Examples:\n  backtrack list\n  backtrack list activities --since 2026-01-01 --json\n  backtrack list doses --all\n  backtrack list --since 6m --grep hill"
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
        after_help = "Examples:\n  backtrack edit c12 --pain 5 --note \"after the ride\"\n  backtrack edit a7 --tss 95\n  backtrack edit a7 --tss auto\n  backtrack edit e3 --title \"MRI L4/L5\""
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
        /// Restore a dose even though it takes its day over the medication's max daily total
        #[arg(long)]
        force: bool,
    },
    /// List deleted records; --empty purges them for good
    #[command(
        after_help = "Examples:\n  backtrack trash\n  backtrack trash --empty\n  backtrack trash --empty --yes"
    )]
    Trash {
        /// Purge everything in the trash for good, after a question and a backup
        #[arg(long)]
        empty: bool,
        /// With --empty: purge without the question (needed without a terminal)
        #[arg(long, requires = "empty")]
        yes: bool,
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
        after_help = "Examples:\n  backtrack import ~/garmin/Activities\n  backtrack import ride.fit activities.csv --dry-run\n  backtrack import journal.json   (a backtrack export: merged by uuid, the newer edit wins)\n  backtrack import journal.json --force   (also doses that take a day over its max)\n\nExit codes: 0 the run completed (skipped and failed files are listed); 2 a path is missing or\nof an unsupported type (nothing written); 1 any other failure."
    )]
    Import(ImportArgs),
    /// Write a verified online backup (default: backups/ beside the journal); list or restore backups
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Examples:\n  backtrack backup ~/backtrack-before-upgrade.db\n  backtrack backup list\n  backtrack backup restore 2026-11-22"
    )]
    Backup(BackupArgs),
    /// Create the journal; --force starts an empty one in place of a 0-byte file
    #[command(
        after_help = "Examples:\n  backtrack init\n  backtrack init --force   (only replaces an empty, 0-byte file)"
    )]
    Init {
        /// Replace a 0-byte journal file with a new empty journal
        #[arg(long)]
        force: bool,
    },
    /// The insights: pain trend, flares, load, associations, meds, rehab, criteria
    #[command(
        after_help = "Examples:\n  backtrack stats\n  backtrack stats --since 2026-06-01 --json | jq .load_pain\n  backtrack stats --since 6m"
    )]
    Stats {
        /// Limit flares and associations to days from here: a day, or 12w, 6m, 1y, all (default: all)
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        since: Option<String>,
    },
    /// Write the care-team report: one printable HTML file (and a PDF with --pdf)
    #[command(
        after_help = "Examples:\n  backtrack report\n  backtrack report --since 2026-01-05 --notes -o ~/physio.html\n  backtrack report --since 1y --pdf"
    )]
    Report(Box<super::report::ReportArgs>),
    /// A week at a glance: pain by day, sessions, load, doses and rehab, against the week before
    #[command(
        after_help = "Examples:\n  backtrack week\n  backtrack week 2026-11-02\n  backtrack week -7 --json"
    )]
    Week {
        /// A day of the week to show, Monday to Sunday (default today)
        #[arg(value_name = "D", allow_hyphen_values = true)]
        date: Option<String>,
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
    /// A daily reminder to check in: a systemd user timer (or a crontab line) and its check
    #[command(
        after_help = "Examples:\n  backtrack remind install --at 21:00\n  backtrack remind check   (what the timer runs: a desktop notification when today has no check-in)\n  backtrack remind remove"
    )]
    Remind {
        #[command(subcommand)]
        action: RemindCmd,
    },
    /// Write a realistic demo journal (refuses a journal that has data)
    #[command(
        after_help = "Examples:\n  backtrack --db /tmp/demo.db demo --years 2\n  backtrack --db /tmp/big.db demo --years 10 --seed 1"
    )]
    Demo {
        /// Years of history, 1–30
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=30))]
        years: u32,
        /// Random seed: the same seed gives the same journal
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// planted: pain follows load, sleep, sitting and tags on purpose; none: the same
        /// kind of journal with pain independent of all of them
        #[arg(long, default_value = "planted", value_parser = ["planted", "none"])]
        effects: String,
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
    /// One journal on every computer: sync through a shared folder or a git remote, encrypted
    #[command(
        after_help = "Examples:\n  backtrack sync init ~/Sync/backtrack\n  backtrack sync\n  backtrack sync --quiet   (a cron line)\n  backtrack sync conflicts"
    )]
    Sync(SyncArgs),
}

/// `remind install|check|remove`.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum RemindCmd {
    /// Write a systemd user timer and service that run `remind check` daily (or print a crontab line)
    #[command(after_help = "Example:\n  backtrack remind install --at 21:00")]
    Install {
        /// The time of day, HH:MM
        #[arg(long, value_name = "HH:MM", default_value = "21:00")]
        at: String,
    },
    /// Notify (notify-send) when today has no check-in; prints the same line
    #[command(after_help = "Example:\n  backtrack remind check")]
    Check,
    /// Remove the timer and service that `install` wrote
    #[command(after_help = "Example:\n  backtrack remind remove")]
    Remove,
}

/// `show SCREEN [--width W --height H]`.
#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// Which screen: today, pain, training, meds, trends, timeline, week
    #[arg(value_parser = ["today", "pain", "training", "meds", "trends", "timeline", "week"])]
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
