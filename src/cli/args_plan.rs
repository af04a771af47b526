//! clap definitions of `plan`: the return plan (SPEC §14).

use clap::Subcommand;

#[derive(Debug, Clone, Subcommand)]
pub enum PlanCmd {
    /// Start a plan: week 1's target in hours or TSS, grown by the ramp after a week with your
    /// criteria all met, held otherwise, a week back after a flare
    #[command(
        after_help = "Examples:\n  backtrack plan start \"back on the bike\" --hours 2\n  backtrack plan start base --tss 150 --ramp 5% --from mon"
    )]
    Start {
        /// The plan's name
        name: String,
        /// Week 1's target in hours
        #[arg(
            long,
            value_name = "H",
            allow_hyphen_values = true,
            conflicts_with = "tss"
        )]
        hours: Option<String>,
        /// Week 1's target in TSS
        #[arg(long, value_name = "T", allow_hyphen_values = true)]
        tss: Option<String>,
        /// The weekly ramp, 0%–50% (default 10%)
        #[arg(long, value_name = "PCT", allow_hyphen_values = true)]
        ramp: Option<String>,
        /// First day (default today); weeks run Monday to Sunday from its week
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        from: Option<String>,
    },
    /// The plan week by week: target, done, the decision and its reason
    #[command(after_help = "Example:\n  backtrack plan show --json")]
    Show,
    /// End the running plan today (it stays for the record)
    #[command(after_help = "Example:\n  backtrack plan stop")]
    Stop,
}
