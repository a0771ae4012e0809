//! The integration tests: one binary, one module per feature, each driving
//! the real `claimex` binary or the library on real inputs.

mod browser;
mod claims;
mod dates;
mod export;
mod formats;
mod gazetteer;
mod review;
mod review_fixture;
mod run;
mod search;
mod serve;
mod util;
