//! Surname linking within one document: once a person has been named in
//! full ("Ahmed Rashid"), a capitalised occurrence of the last name alone
//! ("(Rashid, 2010)"), before or after, is a mention of that person.
//!
//! A last name is linked only when it is distinctive in the document: at
//! least four letters, not on the stoplist (`rules/surname_stoplist.txt`),
//! used by one fully named person only, and never written in lowercase in
//! the document. An occurrence right next to another capitalised name word
//! ("Ismail Khan", "Rashid Ahmed") belongs to someone else and is skipped.
//! The search walks the tokens of the already folded text once, with a
//! cheap filter in front of a lookup among the document's few surnames.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::fold::{Folded, fold_key};
use super::matcher::{MIN_SURNAME_CHARS, Matcher, NONE, RawHit};
use crate::lexicon::list_lines;
use crate::model::Entity;

/// Words that are not personal names (folded, without spaces).
#[derive(Clone, Debug, Default)]
pub(crate) struct Stoplist {
    words: HashSet<String>,
}

impl Stoplist {
    /// Reads one word per line (`#` comments, blank lines ignored).
    pub fn parse(text: &str) -> Stoplist {
        let words = list_lines(text)
            .filter_map(fold_key)
            .map(|k| k.trim_matches(' ').to_string())
            .collect();
        Stoplist { words }
    }

    fn contains(&self, folded_word: &str) -> bool {
        self.words.contains(folded_word)
    }
}

/// A surname the document may link, and to whom.
struct Link<'a> {
    /// The folded last name, e.g. `rashid`.
    token: &'a [u8],
    entity: u32,
    /// Seen in lowercase somewhere: a common word here, not linked.
    common: bool,
}

/// Adds surname links to `hits` (sorted, non-overlapping; kept so).
pub(crate) fn link(
    matcher: &Matcher,
    entities: &[Entity],
    stoplist: &Stoplist,
    text: &str,
    folded: &Folded,
    hits: &mut Vec<RawHit>,
) {
    let mut links = surnames_in(matcher, entities, stoplist, hits);
    if links.is_empty() {
        return;
    }
    let filter = TokenFilter::new(links.iter().map(|l| l.token));
    let mut found: Vec<(usize, RawHit)> = Vec::new();
    let bytes = folded.bytes.as_slice();
    // tokens lie between single spaces; most are ruled out by the filter
    // from their bounds alone
    let mut start = 1;
    for end in memchr::memchr_iter(b' ', bytes).skip(1) {
        let token = start..end;
        start = end + 1;
        let Some(which) = filter.get(&bytes[token.clone()]) else { continue };
        let (s, e) = folded.original_span(text, token.start, token.end);
        if !starts_upper(&text[s..]) {
            links[which].common = true;
        } else if !beside_name(text, folded, stoplist, token) {
            let entity = links[which].entity;
            found.push((which, RawHit { start: s, end: e, entity, pattern: NONE }));
        }
    }
    let before = hits.len();
    for (which, f) in found {
        let i = hits[..before].partition_point(|h| h.end <= f.start);
        let overlaps = i < before && hits[i].start < f.end;
        if !links[which].common && !overlaps {
            hits.push(f);
        }
    }
    if hits.len() > before {
        hits.sort_by_key(|h| h.start);
    }
}

/// The document's surnames, with a cheap test in front that rules out most
/// tokens: a 1024-bit set over (length, first, second and last byte).
struct TokenFilter<'a> {
    bits: [u64; 16],
    index: HashMap<&'a [u8], usize>,
}

impl<'a> TokenFilter<'a> {
    fn new(tokens: impl Iterator<Item = &'a [u8]>) -> TokenFilter<'a> {
        let mut filter = TokenFilter { bits: [0; 16], index: HashMap::new() };
        for (i, t) in tokens.enumerate() {
            let b = TokenFilter::bit(t);
            filter.bits[b / 64] |= 1 << (b % 64);
            filter.index.insert(t, i);
        }
        filter
    }

    #[inline]
    fn bit(token: &[u8]) -> usize {
        let (first, second) = (token[0] as usize, token[1] as usize);
        let last = token[token.len() - 1] as usize;
        (token.len() * 7 + first * 31 + second * 17 + last * 131) % 1024
    }

    /// The index of `token` among the surnames.
    #[inline]
    fn get(&self, token: &[u8]) -> Option<usize> {
        if token.len() < MIN_SURNAME_CHARS {
            return None;
        }
        let b = TokenFilter::bit(token);
        if self.bits[b / 64] & (1 << (b % 64)) == 0 {
            return None;
        }
        self.index.get(token).copied()
    }
}

/// The distinctive surnames of the persons named in full in `hits`.
fn surnames_in<'m>(
    matcher: &'m Matcher,
    entities: &[Entity],
    stoplist: &Stoplist,
    hits: &[RawHit],
) -> Vec<Link<'m>> {
    let mut pairs: Vec<(u32, u32, &str)> = hits
        .iter()
        .filter(|h| h.pattern != NONE && entities[h.entity as usize].etype == "person")
        .filter_map(|h| matcher.surname_of(h.pattern).map(|(s, key)| (s, h.entity, key)))
        .filter(|(_, _, key)| !stoplist.contains(key.trim_matches(' ')))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut links = Vec::new();
    for (i, &(s, entity, key)) in pairs.iter().enumerate() {
        let shared = |j: usize| pairs.get(j).is_some_and(|p| p.0 == s);
        if !(shared(i + 1) || i > 0 && shared(i - 1)) {
            links.push(Link { token: key.trim_matches(' ').as_bytes(), entity, common: false });
        }
    }
    links
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// True when the token before or after `token` (in folded bytes) is a
/// capitalised word that is not on the stoplist: the surname then belongs to
/// another full name ("Ismail Khan", "Rashid Ahmed").
fn beside_name(text: &str, folded: &Folded, stop: &Stoplist, token: Range<usize>) -> bool {
    let bytes = folded.bytes.as_slice();
    let before = token.start.checked_sub(1).map(|space| {
        let from = memchr::memrchr(b' ', &bytes[..space]).map_or(0, |p| p + 1);
        from..space
    });
    let after = (token.end < bytes.len()).then(|| {
        let from = token.end + 1;
        from..memchr::memchr(b' ', &bytes[from..]).map_or(bytes.len(), |p| from + p)
    });
    [before, after].into_iter().flatten().filter(|t| !t.is_empty()).any(|t| {
        let Ok(word) = std::str::from_utf8(&bytes[t.clone()]) else { return false };
        word.chars().next().is_some_and(char::is_alphanumeric)
            && starts_upper(&text[folded.map[t.start] as usize..])
            && !stop.contains(word)
    })
}
