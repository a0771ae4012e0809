//! The integration tests: one binary, one module per feature, each driving
//! the real `claimex` binary or the library on real inputs.

mod run;
mod search;
mod util;
