//! `claimex run` (stub).

use std::process::ExitCode;

use crate::cli::RunArgs;

/// Runs `claimex run`.
pub(crate) fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("`claimex run` is not implemented yet")
}
