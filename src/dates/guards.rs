//! Guards against false dates. Before any pattern runs, the tokens of URLs,
//! DOIs, document symbols (`S/2022/419`), grouped numbers (`8,000`),
//! decimals, phone numbers and ISBNs are vetoed; afterwards a lone year,
//! month or season must have the context that makes it a date.

use super::lexicon::Lexicon;
use super::patterns::Parser;
use super::tokens::{Kind, NO_WORD, Tok, eq_lower, is_dash};

/// Marks every token that is part of something that is not a date.
/// Works on chunks: runs of tokens with no whitespace between them.
pub(crate) fn mark_vetoes(text: &str, toks: &mut [Tok], lex: &Lexicon) {
    let mut a = 0;
    while a < toks.len() {
        let mut b = a + 1;
        while b < toks.len() && !toks[b].gap {
            b += 1;
        }
        if toks[a..b].iter().any(|t| t.kind == Kind::Num) {
            veto_chunk(text, &mut toks[a..b], lex);
        }
        a = b;
    }
}

fn is_outer_open(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '<' | '"' | '“' | '«' | '*')
}

fn is_outer_close(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '>' | ',' | ';' | ':' | '.' | '!' | '?' | '"' | '”' | '»' | '*')
}

fn veto_chunk(text: &str, chunk: &mut [Tok], lex: &Lexicon) {
    let punct = |t: &Tok, f: fn(char) -> bool| t.kind == Kind::Punct && f(t.ch);
    let mut lo = 0;
    while lo < chunk.len() && punct(&chunk[lo], is_outer_open) {
        lo += 1;
    }
    let mut hi = chunk.len();
    while hi > lo && punct(&chunk[hi - 1], is_outer_close) {
        hi -= 1;
    }
    let core = &mut chunk[lo..hi];
    if bad_core(text, core, lex) {
        core.iter_mut().for_each(|t| t.veto = true);
        return;
    }
    veto_grouped_numbers(core);
}

fn word_is(text: &str, t: &Tok, lists: &[super::lexicon::Phrase]) -> bool {
    let w = &text[t.start..t.end];
    lists.iter().any(|p| p.len() == 1 && eq_lower(w, &p[0]))
}

/// Does this chunk (without its outer punctuation) hold numbers that
/// cannot be part of a date?
fn bad_core(text: &str, core: &[Tok], lex: &Lexicon) -> bool {
    let ph = &lex.phrases;
    let is_p = |t: &Tok, c: char| t.kind == Kind::Punct && t.ch == c;
    if core
        .iter()
        .any(|t| t.kind == Kind::Punct && matches!(t.ch, '@' | '_' | '=' | '\\' | '|' | '~'))
    {
        return true;
    }
    if core.windows(3).any(|w| is_p(&w[0], ':') && is_p(&w[1], '/') && is_p(&w[2], '/')) {
        return true;
    }
    if core.iter().any(|t| t.kind == Kind::Num && t.digits >= 5) {
        return true;
    }
    for (k, pair) in core.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        match (a.kind, b.kind) {
            (Kind::Word, Kind::Num) => {
                let prefix =
                    word_is(text, a, &ph.quarter_prefixes) || word_is(text, a, &ph.half_prefixes);
                if !(prefix && a.cap && b.digits == 1) {
                    return true;
                }
            }
            (Kind::Num, Kind::Word) => {
                let ok = word_is(text, b, &ph.ordinal_suffixes)
                    || (word_is(text, b, &ph.decade_suffixes) && matches!(a.digits, 2 | 4))
                    || (word_is(text, b, &ph.citation_suffixes)
                        && a.digits == 4
                        && core.get(k + 2).is_none_or(|t| t.kind == Kind::Punct));
                if !ok {
                    return true;
                }
            }
            (Kind::Word, Kind::Punct) | (Kind::Punct, Kind::Word)
                if is_p(a, '/') || is_p(b, '/') =>
            {
                return true;
            }
            _ => {}
        }
    }
    bad_separators(core, |t| is_p(t, '.'), &[&[2, 2, 4]])
        || bad_separators(
            core,
            |t| is_p(t, '/'),
            &[&[2, 2, 4], &[2, 2, 2], &[4, 2, 2], &[4, 4], &[4, 2], &[2, 2]],
        )
        || bad_separators(
            core,
            |t| t.kind == Kind::Punct && is_dash(t.ch),
            &[&[4, 2, 2], &[2, 2, 4], &[4, 4], &[4, 2], &[2, 2]],
        )
        || unknown_word_before_year(core)
}

/// Numbers joined by a separator (`a.b.c`) must have one of the allowed
/// digit-count shapes (a 2 allows one or two digits); any other group of
/// two or more numbers joined that way is a decimal, an ISBN, a phone
/// number or a reference, not a date.
fn bad_separators(core: &[Tok], is_sep: impl Fn(&Tok) -> bool, shapes: &[&[u8]]) -> bool {
    let mut k = 0;
    while k < core.len() {
        if core[k].kind != Kind::Num {
            k += 1;
            continue;
        }
        let mut group = vec![core[k].digits];
        let mut j = k;
        while j + 2 < core.len() && is_sep(&core[j + 1]) && core[j + 2].kind == Kind::Num {
            group.push(core[j + 2].digits);
            j += 2;
        }
        if group.len() > 1 {
            let fits = shapes.iter().any(|s| {
                s.len() == group.len()
                    && s.iter()
                        .zip(&group)
                        .all(|(&want, &got)| got == want || (want == 2 && got == 1))
            });
            if !fits {
                return true;
            }
        }
        k = j + 1;
    }
    false
}

/// `COVID-2019`, `MH-2017`: an unknown word dashed onto a four-digit number.
/// Lexicon words (`mid-1990s`, `post-2021`) are fine.
fn unknown_word_before_year(core: &[Tok]) -> bool {
    core.windows(3).enumerate().any(|(k, w)| {
        let suffix = k > 0 && core[k - 1].kind == Kind::Num;
        !suffix
            && w[0].kind == Kind::Word
            && w[0].word == NO_WORD
            && w[1].kind == Kind::Punct
            && is_dash(w[1].ch)
            && w[2].kind == Kind::Num
            && w[2].digits == 4
    })
}

/// `8,000`, `1,677`, `22,000,000`: numbers with thousands separators.
fn veto_grouped_numbers(core: &mut [Tok]) {
    let mut k = 0;
    while k < core.len() {
        let t = &core[k];
        let starts = t.kind == Kind::Num && t.digits <= 3;
        let mut j = k;
        while starts
            && j + 2 < core.len()
            && core[j + 1].kind == Kind::Punct
            && core[j + 1].ch == ','
            && core[j + 2].kind == Kind::Num
            && core[j + 2].digits == 3
        {
            j += 2;
        }
        if j > k {
            core[k..=j].iter_mut().for_each(|t| t.veto = true);
        }
        k = j + 1;
    }
}

impl Parser<'_> {
    /// May the year at `i..end`, standing alone, be a date?
    pub(crate) fn lone_year_ok(&self, i: usize, end: usize, y: i32) -> bool {
        if self.lenient {
            return true;
        }
        let bare = (self.lex.bare_year_min..=self.lex.bare_year_max).contains(&y);
        if !bare && !self.temporal_context(i) && !self.citation(i, end) {
            return false;
        }
        if self.measured_or_counted(i, end) {
            return false;
        }
        // the second year of `1989-1994` whose range was refused (`pp. 1989-1994`)
        let joined = i > 1 && (self.dash(i - 1) || self.punct(i - 1, '/')) && self.glued(i - 1);
        if joined && self.glued(i) && self.toks[i - 2].kind == Kind::Num {
            return false;
        }
        let prev_num = i > 0 && self.toks[i - 1].kind == Kind::Num;
        let next_num = self.toks.get(end).is_some_and(|t| t.kind == Kind::Num);
        !(prev_num || next_num)
    }

    /// A temporal preposition (strong or weak) right before `i`.
    pub(crate) fn temporal_context(&self, i: usize) -> bool {
        let ph = &self.lex.phrases;
        self.phrase_before(i, &ph.prepositions).is_some()
            || self.phrase_before(i, &ph.weak_prepositions).is_some()
    }

    /// A page, volume, money or count marker right before number `i`.
    pub(crate) fn guarded_before(&self, i: usize) -> bool {
        let ph = &self.lex.phrases;
        !self.lenient
            && (self.phrase_before(i, &ph.guard_before).is_some()
                || self.phrase_before(i, &ph.count_before).is_some())
    }

    /// A unit, or a counted noun without a determiner or preposition before
    /// the number, right after `end`.
    pub(crate) fn measured_or_counted(&self, i: usize, end: usize) -> bool {
        let ph = &self.lex.phrases;
        if self.phrase_at(end, &ph.guard_units).is_some() {
            return true;
        }
        self.phrase_at(end, &ph.guard_nouns).is_some()
            && self.phrase_before(i, &ph.determiners).is_none()
            && self.phrase_before(i, &ph.prepositions).is_none()
    }

    /// Is the year at `i..end` a citation: `(Rashid, 2010)`, `Abbas (2008)`,
    /// `Rashid, A. (2010).`?
    pub(crate) fn citation(&self, i: usize, end: usize) -> bool {
        let closes = self
            .toks
            .get(end)
            .is_some_and(|t| t.kind == Kind::Punct && matches!(t.ch, ')' | ';' | ':' | ','));
        if !closes || i == 0 {
            return false;
        }
        let capital_word = |k: usize| {
            self.toks.get(k).is_some_and(|t| t.kind == Kind::Word && t.cap)
                && self.info(k).is_none_or(|w| w.month == 0)
        };
        if self.punct(i - 1, '(') {
            let k = i - 1;
            return k > 0
                && (capital_word(k - 1)
                    || (self.punct(k - 1, '.') && k > 1 && capital_word(k - 2))
                    || (self.punct(k - 1, '.') && k > 1 && eq_lower(self.txt(k - 2), "al")));
        }
        if !(self.punct(i - 1, ',') || capital_word(i - 1)) {
            return false;
        }
        let lo = i.saturating_sub(14);
        for k in (lo..i - 1).rev() {
            if self.punct(k, ')') {
                return false;
            }
            if self.punct(k, '(') {
                return capital_word(k + 1);
            }
        }
        false
    }

    /// May the month name at `i`, without day or year, be a date?
    pub(crate) fn lone_month_ok(&self, i: usize) -> bool {
        if self.lenient {
            return true;
        }
        let Some(w) = self.info(i) else { return false };
        let ph = &self.lex.phrases;
        if w.month_abbrev || !self.toks[i].cap {
            return false;
        }
        if self.phrase_before(i, &ph.prepositions).is_some() {
            return true;
        }
        !w.month_ambiguous
            && (self.phrase_before(i, &ph.weak_prepositions).is_some()
                || self.phrase_before(i, &ph.articles).is_some())
    }

    /// May the season at `i..end` (`the summer`), without a year, be a date?
    pub(crate) fn lone_season_ok(&self, i: usize, end: usize) -> bool {
        if self.lenient {
            return true;
        }
        let s = if self.article(i) { i + 1 } else { i };
        let sentence_start = s == 0 || (s == i + 1 && self.toks[i].cap) || {
            let p = &self.toks[s - 1];
            p.kind == Kind::Punct && matches!(p.ch, '.' | '!' | '?' | ':')
        };
        if self.toks[s].cap && !sentence_start {
            return false;
        }
        !self.of(end) && self.phrase_before(i, &self.lex.phrases.prepositions).is_some()
    }

    /// Is there a negation shortly before `i` in the same clause
    /// (`would not formally emerge until 2007`)?
    pub(crate) fn negated(&self, i: usize) -> bool {
        let mut words = 0;
        for k in (0..i).rev() {
            let t = &self.toks[k];
            if t.kind == Kind::Punct
                && matches!(t.ch, ',' | ';' | '.' | ':' | '!' | '?' | '(' | ')')
            {
                return false;
            }
            if t.kind == Kind::Word {
                if self.one_of(k, &self.lex.phrases.negations) {
                    return true;
                }
                words += 1;
                if words >= self.lex.negation_window {
                    return false;
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::tokens::tokenize;
    use std::path::Path;

    fn vetoed(text: &str) -> Vec<String> {
        let lex = Lexicon::parse(include_str!("../../rules/dates.toml"), Path::new("d")).unwrap();
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &lex, &mut toks, &mut String::new());
        mark_vetoes(text, &mut toks, &lex);
        toks.iter()
            .filter(|t| t.veto && t.kind == Kind::Num)
            .map(|t| text[t.start..t.end].to_string())
            .collect()
    }

    #[test]
    fn vetoes_numbers_that_are_not_dates() {
        let cases: &[(&str, &[&str])] = &[
            ("(S/2022/419).", &["2022", "419"]),
            ("<http://doi.org/10.37540/njips.v9i1.215>", &["10", "37540", "9", "1", "215"]),
            ("More than 8,000 of its fighters", &["8", "000"]),
            ("License 4.0 and section 4.3", &["4", "0", "4", "3"]),
            ("ISBN 978-0-300-08902-8", &["978", "0", "300", "08902", "8"]),
            ("call 555-2013 now", &["555", "2013"]),
            ("COVID-2019 cases", &["2019"]),
            ("(1996–2001), 1979-89, 2013/14, mid-1990s, post-2021", &[]),
            ("2001-10-07 and 07.10.2001 and 9/11 and 7th and (Rashid, 2010a)", &[]),
            ("Q3 2023 and the 1990s and '90s", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(vetoed(text), *want, "{text}");
        }
    }
}
