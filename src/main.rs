//! The `backtrack` binary: parse the command line, then run a command or the app.

fn main() -> std::process::ExitCode {
    backtrack::cli::main()
}
