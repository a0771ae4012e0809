//! The segmentation lexicon: abbreviations and sentence starters, read from
//! `rules/segment.toml`.

use std::collections::HashSet;

use serde::Deserialize;

use crate::error::RulesError;
use crate::lexicon::RulesDir;

/// The built-in copy of `rules/segment.toml`.
const EMBEDDED: &str = include_str!("../../rules/segment.toml");

/// Lowercased word lists that guide sentence splitting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SegmentRules {
    /// Never end a sentence after these.
    pub abbreviations: HashSet<String>,
    /// Never end a sentence after these when a number follows.
    pub numeric: HashSet<String>,
    /// End a sentence after these only before a starter word.
    pub ambiguous: HashSet<String>,
    /// Words that typically begin a sentence.
    pub starters: HashSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    abbreviations: Vec<String>,
    numeric: Vec<String>,
    ambiguous: Vec<String>,
    starters: Vec<String>,
}

impl SegmentRules {
    /// Reads `segment.toml` from `rules` (or the built-in copy).
    pub fn load(rules: &RulesDir) -> Result<SegmentRules, RulesError> {
        let (text, path) = rules.read("segment.toml", EMBEDDED)?;
        let raw: RawRules = toml::from_str(&text)
            .map_err(|e| RulesError { path: path.clone(), message: e.to_string() })?;
        let set = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect();
        Ok(SegmentRules {
            abbreviations: set(raw.abbreviations),
            numeric: set(raw.numeric),
            ambiguous: set(raw.ambiguous),
            starters: set(raw.starters),
        })
    }
}
