//! `csrcraft`: the command line over the csrcraft core. Only this crate touches
//! files, standard streams and exit codes.

mod args;
mod clock;
mod commands;
mod error;
mod input;
mod output;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Genkey(args) => commands::genkey(args),
        Command::Gencsr(args) => commands::gencsr(args),
        Command::Inspect(args) => commands::inspect(args),
        Command::Manifest(args) => commands::manifest(args),
        // Commands with an answer besides "done" have their own exit status.
        Command::Lint(args) => match commands::lint(args) {
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
