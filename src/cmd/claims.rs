//! `claimex claims` (stub).

use std::process::ExitCode;

use crate::cli::ClaimsArgs;

/// Runs `claimex claims`.
pub(crate) fn run(args: ClaimsArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("`claimex claims` is not implemented yet")
}
