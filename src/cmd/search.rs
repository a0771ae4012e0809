//! `claimex search` (stub).

use std::process::ExitCode;

use crate::cli::SearchArgs;

/// Runs `claimex search`.
pub(crate) fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("`claimex search` is not implemented yet")
}
