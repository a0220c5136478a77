//! `csrcraft`: the command line over the csrcraft core. Only this crate touches
//! files, standard streams and exit codes.

mod args;
mod clock;
mod commands;
mod error;
mod input;
mod output;

use std::process::ExitCode;

use clap::Parser as _;

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    let result = match &cli.command {
        Command::Genkey(args) => commands::genkey(args),
        Command::Gencsr(args) => commands::gencsr(args),
        Command::Inspect(args) => commands::inspect(args),
        Command::Manifest(args) => commands::manifest(args),
        Command::Ca(args) => commands::ca(args),
        Command::Secret(args) => commands::secret(args),
        Command::CaBundle(args) => commands::ca_bundle(args),
        // Commands with an answer besides "done" have their own exit status.
        Command::Lint(args) => match commands::lint(args) {
            Ok(status) => return status,
            Err(error) => Err(error),
        },
        Command::Sign(args) => match commands::sign(args) {
            Ok(status) => return status,
            Err(error) => Err(error),
        },
        Command::Verify(args) => match commands::verify(args) {
            Ok(status) => return status,
            Err(error) => Err(error),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("csrcraft: error: {error}");
            ExitCode::from(2)
        }
    }
}

/// A command line clap refuses, printed as every other error is
/// (`csrcraft: error: ...`, exit status 2) with clap's usage and tips after
/// it; `--help`, `--version` and a bare `csrcraft` print as clap prints them.
fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        error.exit()
    }
    let text = error.render().to_string();
    let message = text.strip_prefix("error: ").unwrap_or(&text).trim_end();
    eprintln!("csrcraft: error: {message}");
    ExitCode::from(2)
}
