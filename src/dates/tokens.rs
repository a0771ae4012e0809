//! Splits a line of text into the tokens the date patterns read: numbers,
//! words (classified by the lexicon) and single punctuation characters,
//! each with its byte span and whether whitespace stands before it.

use super::lexicon::Lexicon;

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

/// The next non-whitespace piece of `s` at or after byte `i` (before
/// `end`): `(start, end, kind, gap_before)`. ASCII is classified byte by
/// byte; other characters are decoded.
fn next_piece(s: &str, mut i: usize, end: usize) -> Option<(usize, usize, Kind, bool)> {
    let bytes = s.as_bytes();
    let mut gap = false;
    let char_at = |i: usize| s[i..].chars().next().unwrap_or(' ');
    while i < end {
        let b = bytes[i];
        let (c, len) = if b < 0x80 { (b as char, 1) } else { (char_at(i), char_at(i).len_utf8()) };
        if c.is_whitespace() {
            gap = true;
            i += len;
            continue;
        }
        let start = i;
        if b.is_ascii_digit() {
            while i < end && bytes[i].is_ascii_digit() {
                i += 1;
            }
            return Some((start, i, Kind::Num, gap));
        }
        if c.is_alphabetic() {
            i += len;
            while i < end {
                let b = bytes[i];
                if b.is_ascii_alphabetic() {
                    i += 1;
                } else if b >= 0x80 && char_at(i).is_alphabetic() {
                    i += char_at(i).len_utf8();
                } else {
                    break;
                }
            }
            return Some((start, i, Kind::Word, gap));
        }
        return Some((start, i + len, Kind::Punct, gap));
    }
    None
}

/// The pieces of a lexicon entry: `(kind, text)`.
pub(crate) fn split_plain(s: &str) -> Vec<(Kind, &str)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some((a, b, kind, _)) = next_piece(s, i, s.len()) {
        out.push((kind, &s[a..b]));
        i = b;
    }
    out
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
    let mut i = start;
    let mut first = true;
    while let Some((a, b, kind, gap)) = next_piece(text, i, end) {
        i = b;
        let piece = &text[a..b];
        let mut tok = Tok {
            start: a,
            end: b,
            kind,
            gap: gap || first,
            num: 0,
            digits: 0,
            word: NO_WORD,
            cap: false,
            ch: '\0',
            veto: false,
        };
        first = false;
        match kind {
            Kind::Num => {
                for d in piece.bytes() {
                    tok.num = tok.num.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                }
                tok.digits = piece.len().min(255) as u8;
            }
            Kind::Word => {
                tok.cap = piece.chars().next().is_some_and(char::is_uppercase);
                tok.word = lex.lookup(piece, buf).unwrap_or(NO_WORD);
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
        assert_eq!(
            split_plain("Prior  to 9/11"),
            vec![
                (Kind::Word, "Prior"),
                (Kind::Word, "to"),
                (Kind::Num, "9"),
                (Kind::Punct, "/"),
                (Kind::Num, "11")
            ]
        );
    }
}
