//! Temporal expressions: finding them and normalising them to intervals.
//!
//! OWNER: dates (stub; see the API contract below).

use chrono::NaiveDate;

use crate::error::RulesError;
use crate::lexicon::RulesDir;
use crate::model::{DateValue, Mention, Recognizer, SegmentedDoc};

/// The date recognizer, built from the date lexicon (`rules/dates.toml`).
#[derive(Debug)]
pub struct DateTagger {}

impl DateTagger {
    /// Loads the date lexicon from `rules` (or the built-in copy).
    pub fn load(rules: &RulesDir) -> Result<DateTagger, RulesError> {
        let _ = rules;
        Ok(DateTagger {})
    }

    /// Normalises one date expression on its own (e.g. a `--from` value),
    /// resolving relative expressions against `anchor`.
    pub fn parse(&self, text: &str, anchor: Option<NaiveDate>) -> Option<DateValue> {
        let _ = (text, anchor);
        None
    }
}

impl Recognizer for DateTagger {
    fn name(&self) -> &str {
        "dates"
    }

    fn recognize(&self, doc: &SegmentedDoc, out: &mut Vec<Mention>) {
        let _ = (doc, out);
    }
}
