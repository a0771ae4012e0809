//! The single Aho-Corasick automaton over every folded name, and the checks
//! that turn its raw matches into hits (acronyms match case-sensitively).
//!
//! Names are folded by [`super::fold`], so each pattern is a whole-token
//! string such as ` al qaeda `. One pattern may stand for several entries
//! (the same name in two entities, or an acronym and an alias that fold
//! alike); its candidates are tried in order: exact acronyms first, then
//! aliases equal to an entity's canonical name, then other aliases. When
//! every candidate of a match is rejected (an acronym in the wrong case), the
//! longest shorter pattern that is a prefix of it is tried at the same place
//! before the search moves on, so a rejected match never hides a valid one.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use super::fold::{Folded, exact_chars, fold_key};
use crate::model::Entity;

/// "No such pattern / surname".
pub(crate) const NONE: u32 = u32::MAX;

/// A raw hit: original byte span, entity index and the pattern that matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawHit {
    pub start: usize,
    pub end: usize,
    pub entity: u32,
    pub pattern: u32,
}

/// One entry behind a pattern.
#[derive(Clone, Debug)]
struct Candidate {
    entity: u32,
    /// For an acronym: the characters the original text must have exactly.
    exact: Option<Box<str>>,
}

/// Per-pattern data, indexed by the automaton's pattern id.
#[derive(Clone, Copy, Debug)]
struct Pattern {
    /// `candidates[first..end]`.
    first: u32,
    end: u32,
    /// Length of the folded key in bytes.
    len: u32,
    /// The longest other pattern that is a token prefix of this one.
    fallback: u32,
    /// Index into `surnames` of this name's last word, when it has at least
    /// two words and the last one could be a surname.
    surname: u32,
}

/// The compiled matcher.
pub(crate) struct Matcher {
    ac: AhoCorasick,
    patterns: Vec<Pattern>,
    candidates: Vec<Candidate>,
    keys: HashMap<Box<str>, u32>,
    surnames: Vec<Box<str>>,
}

/// Priority classes of candidates behind one pattern.
const EXACT: u8 = 0;
const CANONICAL: u8 = 1;
const ALIAS: u8 = 2;

/// Minimum length in characters of a surname worth linking.
pub(crate) const MIN_SURNAME_CHARS: usize = 4;

impl Matcher {
    /// Compiles every alias and acronym of `entities`.
    pub fn build(entities: &[Entity]) -> Result<Matcher, String> {
        let mut keys: HashMap<Box<str>, u32> = HashMap::new();
        let mut order: Vec<Box<str>> = Vec::new();
        let mut groups: Vec<Vec<(u8, Candidate)>> = Vec::new();
        for (ei, e) in entities.iter().enumerate() {
            let canonical = fold_key(&e.name);
            let names = std::iter::once(&e.name).chain(&e.aliases).map(|a| (a, false));
            for (name, acronym) in names.chain(e.acronyms.iter().map(|a| (a, true))) {
                let Some(key) = fold_key(name) else { continue };
                let (rank, exact) = if acronym {
                    (EXACT, Some(exact_chars(name).collect::<String>().into_boxed_str()))
                } else if canonical.as_deref() == Some(key.as_str()) {
                    (CANONICAL, None)
                } else {
                    (ALIAS, None)
                };
                let pid = *keys.entry(key.clone().into_boxed_str()).or_insert_with(|| {
                    order.push(key.into_boxed_str());
                    groups.push(Vec::new());
                    (order.len() - 1) as u32
                });
                let group = &mut groups[pid as usize];
                let cand = Candidate { entity: ei as u32, exact };
                if !group.iter().any(|(_, c)| c.entity == cand.entity && c.exact == cand.exact) {
                    group.push((rank, cand));
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(choose_kind(order.len())))
            .build(order.iter().map(|k| k.as_bytes()))
            .map_err(|e| format!("cannot build the name matcher: {e}"))?;
        let mut surnames = SurnameTable::default();
        let mut patterns = Vec::with_capacity(order.len());
        let mut candidates = Vec::new();
        for (key, mut group) in order.iter().zip(groups) {
            group.sort_by_key(|(rank, c)| (*rank, c.entity));
            let all_exact = group.iter().all(|(_, c)| c.exact.is_some());
            let person = group.iter().any(|(_, c)| entities[c.entity as usize].etype == "person");
            let first = candidates.len() as u32;
            candidates.extend(group.into_iter().map(|(_, c)| c));
            patterns.push(Pattern {
                first,
                end: candidates.len() as u32,
                len: key.len() as u32,
                fallback: if all_exact { fallback(key, &keys) } else { NONE },
                surname: if person { surnames.of(key) } else { NONE },
            });
        }
        Ok(Matcher { ac, patterns, candidates, keys, surnames: surnames.list })
    }

    /// Number of distinct folded patterns.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Heap bytes used by the automaton.
    pub fn automaton_bytes(&self) -> usize {
        self.ac.memory_usage()
    }

    /// Appends the hits in `folded` (the folding of `text`) to `out`, in
    /// text order.
    pub fn find(&self, text: &str, folded: &Folded, out: &mut Vec<RawHit>) {
        let hay = folded.bytes.as_slice();
        let mut at = 0;
        while let Some(m) = self.ac.find(Input::new(hay).range(at..)) {
            let start = m.start();
            let mut pid = m.pattern().as_u32();
            at = start + 1;
            while pid != NONE {
                let pat = self.patterns[pid as usize];
                let end = start + pat.len as usize;
                // the key's surrounding spaces are not part of the name
                let (s, e) = folded.original_span(text, start + 1, end - 1);
                if let Some(entity) = self.accept(pat, &text[s..e]) {
                    out.push(RawHit { start: s, end: e, entity, pattern: pid });
                    // the trailing space may begin the next name
                    at = end - 1;
                    break;
                }
                pid = pat.fallback;
            }
        }
    }

    /// The first candidate of `pat` that accepts the surface text `surface`.
    fn accept(&self, pat: Pattern, surface: &str) -> Option<u32> {
        let cands = &self.candidates[pat.first as usize..pat.end as usize];
        cands.iter().find_map(|c| match &c.exact {
            None => Some(c.entity),
            Some(x) => exact_chars(surface).eq(x.chars()).then_some(c.entity),
        })
    }

    /// Entity indexes with a name or acronym equal to `name` (folded; the
    /// acronyms compared case-sensitively first, then case-insensitively if
    /// nothing else matched).
    pub fn lookup(&self, name: &str) -> Vec<u32> {
        let Some(key) = fold_key(name) else { return Vec::new() };
        let Some(&pid) = self.keys.get(key.as_str()) else { return Vec::new() };
        let pat = self.patterns[pid as usize];
        let cands = &self.candidates[pat.first as usize..pat.end as usize];
        let exact =
            |c: &&Candidate| c.exact.as_deref().is_none_or(|x| exact_chars(name).eq(x.chars()));
        let mut found: Vec<u32> = cands.iter().filter(exact).map(|c| c.entity).collect();
        if found.is_empty() {
            found = cands.iter().map(|c| c.entity).collect();
        }
        let mut seen = Vec::with_capacity(found.len());
        found.retain(|e| {
            let new = !seen.contains(e);
            seen.push(*e);
            new
        });
        found
    }

    /// The folded surname key (` rashid `) of the name pattern `pid` matched.
    pub fn surname_of(&self, pid: u32) -> Option<(u32, &str)> {
        let s = self.patterns[pid as usize].surname;
        (s != NONE).then(|| (s, &*self.surnames[s as usize]))
    }
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("kind", &self.ac.kind())
            .field("patterns", &self.patterns.len())
            .field("candidates", &self.candidates.len())
            .field("memory", &self.ac.memory_usage())
            .finish()
    }
}

/// A DFA is fastest but grows with states × byte classes; past a few
/// thousand names the contiguous NFA keeps memory reasonable.
fn choose_kind(patterns: usize) -> AhoCorasickKind {
    if patterns <= 5_000 { AhoCorasickKind::DFA } else { AhoCorasickKind::ContiguousNFA }
}

/// The longest pattern other than `key` that is a token prefix of it.
fn fallback(key: &str, keys: &HashMap<Box<str>, u32>) -> u32 {
    let bytes = key.as_bytes();
    (1..bytes.len() - 1)
        .rev()
        .filter(|&i| bytes[i] == b' ')
        .find_map(|i| keys.get(&key[..=i]).copied())
        .unwrap_or(NONE)
}

/// Distinct surname keys, shared by the patterns that end with them.
#[derive(Default)]
struct SurnameTable {
    index: HashMap<Box<str>, u32>,
    list: Vec<Box<str>>,
}

impl SurnameTable {
    /// The surname of a folded name: its last token, when the name has two
    /// word tokens or more and that token is a word of at least
    /// [`MIN_SURNAME_CHARS`] letters.
    fn of(&mut self, key: &str) -> u32 {
        let tokens: Vec<&str> = key.split(' ').filter(|t| !t.is_empty()).collect();
        let words = tokens.iter().filter(|t| t.chars().all(char::is_alphanumeric)).count();
        let Some(last) = tokens.last() else { return NONE };
        let letters = last.chars().all(char::is_alphabetic);
        if words < 2 || !letters || last.chars().count() < MIN_SURNAME_CHARS {
            return NONE;
        }
        let skey = format!(" {last} ").into_boxed_str();
        if let Some(&i) = self.index.get(&skey) {
            return i;
        }
        self.list.push(skey.clone());
        self.index.insert(skey, (self.list.len() - 1) as u32);
        (self.list.len() - 1) as u32
    }
}
