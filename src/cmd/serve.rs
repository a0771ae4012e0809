//! `claimex serve` (stub).

use std::process::ExitCode;

use crate::cli::ServeArgs;

/// Runs `claimex serve`.
pub(crate) fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("`claimex serve` is not implemented yet")
}
