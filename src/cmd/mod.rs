//! One module per subcommand: glue between the parsed arguments and the
//! library, and the printing of results.

mod claims;
mod export;
mod review;
mod run;
mod search;
mod serve;

use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// Runs the chosen subcommand.
pub(crate) fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Run(a) => run::run(a),
        Command::Search(a) => search::run(a),
        Command::Claims(a) => claims::run(a),
        Command::Review(a) => review::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Export(a) => export::run(a),
    }
}
