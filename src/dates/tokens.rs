//! Splits a line of text into the tokens the date patterns read: numbers,
//! words (classified by the lexicon) and single punctuation characters,
//! each with its byte span and whether whitespace stands before it.

use super::lexicon::{Lexicon, Phrase};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of ASCII digits.
    Num,
    /// A run of letters.
    Word,
    /// One other non-space character.
    Punct,
}

/// No lexicon entry.
pub(crate) const NO_WORD: u32 = u32::MAX;

/// One token of a line.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Byte span in the document text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace (or the line start) right before it.
    pub gap: bool,
    /// Value of a number (saturating).
    pub num: u32,
    /// Number of digits of a number.
    pub digits: u8,
    /// Lexicon word id, or [`NO_WORD`].
    pub word: u32,
    /// A word starting with an uppercase letter.
    pub cap: bool,
    /// The character of a punctuation token.
    pub ch: char,
    /// Part of something that is not a date (a URL, a DOI, `8,000`, `S/2022/419`).
    pub veto: bool,
}

/// Byte pieces of `s`: `(start, end, kind, gap_before)`.
fn pieces(s: &str) -> impl Iterator<Item = (usize, usize, Kind, bool)> + '_ {
    let mut it = s.char_indices().peekable();
    let mut gap = true;
    std::iter::from_fn(move || {
        loop {
            let (i, c) = it.next()?;
            if c.is_whitespace() {
                gap = true;
                continue;
            }
            let g = std::mem::replace(&mut gap, false);
            let (kind, same): (Kind, fn(char) -> bool) = if c.is_ascii_digit() {
                (Kind::Num, |c| c.is_ascii_digit())
            } else if c.is_alphabetic() {
                (Kind::Word, |c| c.is_alphabetic())
            } else {
                return Some((i, i + c.len_utf8(), Kind::Punct, g));
            };
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !same(d) {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            return Some((i, end, kind, g));
        }
    })
}

/// The lowercase token texts of a lexicon phrase.
pub(crate) fn split_plain(s: &str) -> Phrase {
    pieces(s).map(|(a, b, _, _)| s[a..b].to_lowercase().into_boxed_str()).collect()
}

/// Appends the tokens of `text[start..end]` (one line) to `out`; `buf` is
/// scratch space for lowercasing.
pub(crate) fn tokenize(
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
    out: &mut Vec<Tok>,
    buf: &mut String,
) {
    let line = &text[start..end];
    for (a, b, kind, gap) in pieces(line) {
        let piece = &line[a..b];
        let mut tok = Tok {
            start: start + a,
            end: start + b,
            kind,
            gap,
            num: 0,
            digits: 0,
            word: NO_WORD,
            cap: false,
            ch: '\0',
            veto: false,
        };
        match kind {
            Kind::Num => {
                for d in piece.bytes() {
                    tok.num = tok.num.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                }
                tok.digits = piece.len().min(255) as u8;
            }
            Kind::Word => {
                tok.cap = piece.chars().next().is_some_and(char::is_uppercase);
                if piece.len() <= lex.max_word_len() {
                    buf.clear();
                    if piece.is_ascii() {
                        buf.push_str(piece);
                        buf.make_ascii_lowercase();
                    } else {
                        buf.extend(piece.chars().flat_map(char::to_lowercase));
                    }
                    tok.word = lex.word_id(buf).unwrap_or(NO_WORD);
                }
            }
            Kind::Punct => tok.ch = piece.chars().next().unwrap_or('\0'),
        }
        out.push(tok);
    }
}

/// True for the dash characters ranges are written with.
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '‐' | '‑' | '−')
}

/// True for apostrophes (`'90s`, `1990’s`).
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// Case-insensitive comparison of a token's text with a lowercase word.
pub(crate) fn eq_lower(text: &str, lower: &str) -> bool {
    if text.is_ascii() {
        text.len() == lower.len() && text.eq_ignore_ascii_case(lower)
    } else {
        text.chars().flat_map(char::to_lowercase).eq(lower.chars())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn splits_numbers_words_and_punctuation() {
        let lex = Lexicon::parse(include_str!("../../rules/dates.toml"), Path::new("d")).unwrap();
        let text = "On 7th Oct. 2001–02, (Rashid, 2010a) 8,000 März";
        let mut toks = Vec::new();
        tokenize(text, 0, text.len(), &lex, &mut toks, &mut String::new());
        let shown: Vec<String> = toks
            .iter()
            .map(|t| format!("{}{}", if t.gap { " " } else { "" }, &text[t.start..t.end]))
            .collect();
        assert_eq!(shown.concat(), " On 7th Oct. 2001–02, (Rashid, 2010a) 8,000 März");
        assert_eq!(toks[1].num, 7);
        assert_eq!(toks[1].kind, Kind::Num);
        assert_eq!(toks[2].kind, Kind::Word);
        assert!(!toks[2].gap);
        assert_eq!(lex.info(toks[3].word).month, 10);
        assert!(toks[3].cap);
        assert_eq!(toks[6].ch, '–');
        assert_eq!(split_plain("Prior  to"), vec!["prior".into(), "to".into()] as Vec<Box<str>>);
        assert!(eq_lower("SINCE", "since"));
        assert!(eq_lower("Übung", "übung"));
    }
}
