//! clap definitions of `score`: outcome scores (SPEC §14) and their schedules.

use clap::Subcommand;

#[derive(Debug, Clone, Subcommand)]
pub enum ScoreCmd {
    /// Enter a questionnaire's total: odi 0–100, rmdq 0–24, peg 0–10, promis-pi T 20–90,
    /// startback 0–9 with --psych 0–5
    #[command(
        after_help = "Examples:\n  backtrack score add odi 32\n  backtrack score add rmdq 9 --date 2026-11-20\n  backtrack score add startback 5 --psych 4 --note \"first physio visit\""
    )]
    Add {
        /// odi, rmdq, peg, promis-pi or startback
        instrument: String,
        /// The total scored on the clinic's form
        #[arg(allow_hyphen_values = true)]
        value: String,
        /// Day it was taken (default today)
        #[arg(long, value_name = "D", allow_hyphen_values = true)]
        date: Option<String>,
        /// STarT Back's psychosocial subscore, 0–5 (required for startback only)
        #[arg(long, value_name = "N", allow_hyphen_values = true)]
        psych: Option<String>,
        /// A note
        #[arg(long, allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// Every score with the change from the first and the last, and what is due
    #[command(after_help = "Example:\n  backtrack score list --json")]
    List,
    /// How often you mean to take an instrument (2w, 10d), or off
    #[command(
        after_help = "Examples:\n  backtrack score every odi 2w\n  backtrack score every odi off"
    )]
    Every {
        /// odi, rmdq, peg, promis-pi or startback
        instrument: String,
        /// Nd or Nw (1 day to 52 weeks), or off
        every: String,
    },
}
