//! The command line (SPEC §5): clap definitions, one file per command group, and the mapping
//! of errors to exit codes (0 ok, 2 bad input with nothing written, 1 anything else).

mod args;
mod args_log;
mod args_meds;
mod args_system;
mod ctx;
mod edit;
mod insights;
mod journal;
mod meds;
mod records;
mod rehab;
mod report;
mod show;
mod status;
mod system;

use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command};
pub use ctx::{Ctx, edit_in_editor};
// The builders the app's forms share with the commands, so both validate alike.
pub use args::{ActivityFields, EventArgs, MedAddArgs, ProgrammeArgs};
pub use journal::{activity_line, build_activity, build_event};
pub use meds::build_medication;
pub use rehab::{programme_draft, programme_items};

use crate::domain::InputError;
use crate::repo::RepoError;

/// Parses the command line and runs it. Returns the process exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let code = exit_code(&e);
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(code)
        }
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
        Command::List(a) => records::list(g, a),
        Command::Info { id } => records::info(g, &id),
        Command::Edit(a) => records::edit(g, *a),
        Command::Delete { id } => records::delete(g, &id),
        Command::Restore { id } => records::restore(g, &id),
        Command::Trash { empty } => records::trash(g, empty),
        Command::Set(a) => system::set(g, a),
        Command::Settings => system::settings(g),
        Command::Status => system::status(g),
        Command::Export(a) => system::export(g, a),
        Command::Import(a) => system::import(g, a),
        Command::Backup { path } => system::backup(g, path),
        Command::Stats { since } => insights::stats(g, since),
        Command::Chart(a) => insights::chart(g, a),
        Command::Criteria { action } => insights::criteria(g, action),
        Command::Demo { years, seed } => insights::demo(g, years, seed),
        Command::Completions { shell } => system::completions(shell),
        Command::Man => system::man(),
        Command::Show(a) => show::show(&cli.global, a),
        Command::Report(a) => report::report(g, *a),
    }
}
