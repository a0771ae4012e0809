//! Surname linking within one document: once a person has been named in
//! full ("Ahmed Rashid"), a capitalised occurrence of the last name alone
//! ("(Rashid, 2010)"), before or after, is a mention of that person.
//!
//! A last name is linked only when it is distinctive in the document: at
//! least four letters, not on the stoplist (`rules/surname_stoplist.txt`),
//! used by one fully named person only, and never written in lowercase in
//! the document. An occurrence right next to another capitalised name word
//! ("Ismail Khan", "Rashid Ahmed") belongs to someone else and is skipped.
//! The search is a tiny Aho-Corasick automaton over the document's few
//! surnames, run on the already folded text.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, Input, MatchKind};

use super::fold::{Folded, fold_key};
use super::matcher::{Matcher, NONE, RawHit};
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
    key: &'a str,
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
    let Ok(ac) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(links.iter().map(|l| l.key))
    else {
        return;
    };
    let mut found: Vec<(usize, RawHit)> = Vec::new();
    let hay = folded.bytes.as_slice();
    let mut at = 0;
    while let Some(m) = ac.find(Input::new(hay).range(at..)) {
        at = m.end() - 1;
        let (s, e) = folded.original_span(text, m.start() + 1, m.end() - 1);
        let which = m.pattern().as_usize();
        if !starts_upper(&text[s..]) {
            links[which].common = true;
        } else if !next_to_name(text, folded, stoplist, m.start(), m.end()) {
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
            links.push(Link { key, entity, common: false });
        }
    }
    links
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// True when the folded token before `start` or after `end` (the match's
/// surrounding spaces) is a capitalised word that is not on the stoplist:
/// the surname then belongs to another full name.
fn next_to_name(text: &str, folded: &Folded, stop: &Stoplist, start: usize, end: usize) -> bool {
    let bytes = folded.bytes.as_slice();
    let before = bytes[..start].iter().rposition(|&b| b == b' ').map(|p| (p + 1, start));
    let after = bytes[end..].iter().position(|&b| b == b' ').map(|p| (end, end + p));
    [before, after].into_iter().flatten().any(|(s, e)| {
        let Ok(token) = std::str::from_utf8(&bytes[s..e]) else { return false };
        let word = token.chars().next().is_some_and(char::is_alphanumeric);
        word && starts_upper(&text[folded.map[s] as usize..]) && !stop.contains(token)
    })
}
