//! clap definitions of medications, events and PSFS.

use clap::{Args, Subcommand};

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
        /// From this day, or 12w, 6m, 1y, all (default 30 days ago)
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
    #[arg(allow_negative_numbers = true, long)]
    pub dose: f64,
    /// Maximum total per day, from the label or prescription
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
    pub max_daily: Option<f64>,
    /// Taken as needed (default)
    #[arg(long, conflicts_with = "times_a_day")]
    pub as_needed: bool,
    /// Scheduled this many times a day, 1–24
    #[arg(allow_negative_numbers = true, long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=crate::domain::limits::TIMES_A_DAY.hi_whole()))]
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
    #[arg(allow_negative_numbers = true)]
    pub amount: Option<f64>,
    /// When: "YYYY-MM-DD HH:MM" or HH:MM today (default now)
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
    /// Take it even though it goes over the daily maximum
    #[arg(long)]
    pub force: bool,
    /// Pain before the dose, 0–10
    #[arg(allow_negative_numbers = true, long, value_name = "N")]
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
