//! The command line (SPEC §5): clap definitions, one file per command group, and the mapping
//! of errors to exit codes (0 ok, 2 bad input with nothing written, 1 anything else).

mod args;
mod args_log;
mod args_meds;
mod args_plan;
mod args_scores;
mod args_sync;
mod args_system;
mod ctx;
mod drafts;
mod edit;
mod insights;
mod journal;
mod meds;
mod plan;
mod records;
mod recovery;
mod rehab;
mod remind;
mod report;
mod scores;
mod show;
mod status;
mod sync;
mod sync_setup;
mod sync_show;
mod system;
mod trash;
mod usage;

use std::process::ExitCode;

pub use args::{Cli, Command};
pub use ctx::Ctx;

use crate::domain::InputError;
use crate::repo::RepoError;

/// Parses the command line and runs it. Returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind as K;
            if !e.use_stderr() || e.kind() == K::DisplayHelpOnMissingArgumentOrSubcommand {
                // --help, --version, or a command group named alone: the whole text.
                let _ = e.print();
                return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
            }
            if e.kind() == K::InvalidUtf8 {
                eprintln!("{}", invalid_utf8());
                return ExitCode::from(2);
            }
            // Every refusal is one line plus at most one more: where to read the usage.
            if let Some(line) = usage::number_refusal(&e) {
                eprintln!("{line}");
                return ExitCode::from(2);
            }
            let text = e.render().to_string();
            // The first paragraph: the message and, for a missing argument, its name.
            let first = text
                .lines()
                .take_while(|l| !l.trim().is_empty())
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ");
            // Clap's "a similar … exists" tip is the likeliest fix of a typo: keep it.
            let first = match usage::suggestion(&e) {
                Some(tip) => format!("{first}; {tip}"),
                None => first,
            };
            match e.kind() {
                // Clap's own paragraph already names the allowed values.
                K::ValueValidation | K::InvalidValue => eprintln!("{first}"),
                _ => {
                    let more = text
                        .lines()
                        .rev()
                        .find(|l| l.contains("--help"))
                        .unwrap_or("For more information, try 'backtrack --help'.");
                    eprintln!("{first}\n{more}");
                }
            }
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let global = cli.global.clone();
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let text = error_text(&e, &global);
            eprintln!("{}", crate::domain::safe_text::for_terminal(&text));
            ExitCode::from(exit_code(&e))
        }
    }
}

/// The command line as clap reads it. `--demo` opens its own temporary journal: a `--db` typed
/// with it is a contradiction, while `BACKTRACK_DB` in the environment is simply not used.
fn parse() -> Result<Cli, clap::Error> {
    use clap::parser::ValueSource;
    use clap::{CommandFactory, FromArgMatches};
    let mut cmd = Cli::command();
    let m = cmd.try_get_matches_from_mut(std::env::args_os())?;
    if m.get_flag("demo") && m.value_source("db") == Some(ValueSource::CommandLine) {
        return Err(cmd.error(
            clap::error::ErrorKind::ArgumentConflict,
            "the argument '--demo' cannot be used with '--db <PATH>': the demo opens its own temporary journal",
        ));
    }
    Cli::from_arg_matches(&m)
}

/// Names the argument that is not UTF-8 by the flag before it (`note: …`), as every other
/// refusal names its field; clap only says that one of them is not.
fn invalid_utf8() -> String {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let Some(i) = args.iter().position(|a| a.to_str().is_none()) else {
        return "error: an argument is not valid UTF-8 text; allowed: UTF-8 text".into();
    };
    let field = match args.get(i.wrapping_sub(1)).and_then(|a| a.to_str()) {
        Some(flag) if flag.starts_with("--") => flag.trim_start_matches('-').replace('-', "_"),
        _ => format!("argument {i}"),
    };
    format!(
        "error: {field}: '{}' is not valid UTF-8 text; allowed: UTF-8 text",
        crate::domain::safe_text::one_line(&args[i].to_string_lossy())
    )
}

/// One line, plus at most one cause that adds something. SQLite's "malformed" on any
/// command becomes the message that names the newest verified backup.
fn error_text(e: &anyhow::Error, g: &args::Global) -> String {
    let corrupt = e
        .chain()
        .filter_map(|c| match c.downcast_ref::<crate::ops::OpsError>() {
            Some(crate::ops::OpsError::Storage(r)) => Some(r),
            _ => c.downcast_ref::<RepoError>(),
        })
        .any(|r| r.is_corruption() && !matches!(r, RepoError::Damaged(_)));
    if corrupt && let Ok(db) = ctx::db_path(g) {
        let detail = e.root_cause().to_string();
        return format!("error: {}", crate::repo::filecheck::damaged(&db, &detail));
    }
    let top = e.to_string();
    let cause = e
        .chain()
        .skip(1)
        .map(|c| c.to_string())
        .find(|c| !top.contains(c.as_str()));
    match cause {
        // "opening PATH" adds nothing to a cause that names the path itself.
        Some(c) if top.strip_prefix("opening ").is_some_and(|p| c.contains(p)) => {
            format!("error: {c}")
        }
        Some(c) => format!("error: {top}\n  caused by: {c}"),
        None => format!("error: {top}"),
    }
}

/// 2 when the user's input was refused (nothing written), else 1.
pub fn exit_code(e: &anyhow::Error) -> u8 {
    if e.downcast_ref::<InputError>().is_some() {
        return 2;
    }
    if let Some(r) = e.downcast_ref::<RepoError>() {
        return if r.is_input() { 2 } else { 1 };
    }
    if let Some(o) = e.downcast_ref::<crate::ops::OpsError>() {
        return if o.is_input() { 2 } else { 1 };
    }
    1
}

fn dispatch(cli: Cli) -> anyhow::Result<()> {
    let Some(cmd) = cli.command else {
        return system::open_tui(&cli.global);
    };
    let g = &cli.global;
    if g.demo {
        return Err(InputError::new(
            "demo",
            "--demo only opens the app; for commands on a demo journal run `backtrack --db /tmp/demo.db demo` first",
        )
        .into());
    }
    match cmd {
        Command::Checkin(a) => journal::checkin(g, *a),
        Command::Activity { action } => journal::activity(g, action),
        Command::Ride(a) => journal::ride(g, a),
        Command::Event { action } => journal::event(g, action),
        Command::Rehab { action } => rehab::run(g, action),
        Command::Med { action } => meds::run(g, action),
        Command::Psfs { action } => rehab::psfs(g, action),
        Command::Score { action } => scores::run(g, action.unwrap_or(args_scores::ScoreCmd::List)),
        Command::Plan { action } => plan::run(g, action.unwrap_or(args_plan::PlanCmd::Show)),
        Command::List(a) => records::list(g, a),
        Command::Info { id } => records::info(g, &id),
        Command::Edit(a) => records::edit(g, *a),
        Command::Delete { id } => records::delete(g, &id),
        Command::Restore { id, force } => records::restore(g, &id, force),
        Command::Trash { empty, yes } => records::trash(g, empty, yes),
        Command::Set(a) => system::set(g, a),
        Command::Settings => system::settings(g),
        Command::Status => system::status(g),
        Command::Export(a) => system::export(g, a),
        Command::Import(a) => system::import(g, a),
        Command::Backup(a) => recovery::backup(g, a),
        Command::Init { force } => recovery::init(g, force),
        Command::Stats { since } => insights::stats(g, since),
        Command::Week { date } => insights::week(g, date),
        Command::Chart(a) => insights::chart(g, a),
        Command::Criteria { action } => insights::criteria(g, action),
        Command::Remind { action } => remind::run(g, action),
        Command::Demo {
            years,
            seed,
            effects,
        } => insights::demo(g, years, seed, &effects),
        Command::Completions { shell } => system::completions(shell),
        Command::Man => system::man(),
        Command::Show(a) => show::show(&cli.global, a),
        Command::Report(a) => report::report(g, *a),
        Command::Sync(a) => sync::run(g, a),
    }
}
