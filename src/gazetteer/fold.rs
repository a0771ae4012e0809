//! Folding text and names into the token form the matcher searches, with a
//! map from every folded byte back to the original text.
//!
//! The folded form is a run of tokens separated by single spaces, with a
//! space at both ends: ` tehreek e taliban pakistan ' s `. A token is a
//! maximal run of word characters (letters, digits), lowercased with
//! diacritics removed, or one punctuation character. Hyphens, dashes, minus
//! signs and whitespace only separate tokens; straight and curly apostrophes
//! and quotes become `'` and `"`; soft hyphens and zero-width characters
//! vanish. A blank line (two newlines or more) becomes a `\n` token that no
//! name contains, so names never match across paragraphs.
//!
//! Because names fold the same way and every folded name starts and ends
//! with a space, a plain substring match of a folded name is a whole-token
//! match: `Pakistani` never matches `pakistan`, while `TTP's`,
//! `Al-Qaeda-run` and `U.S.-led` contain the tokens of the name.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A folded text and, for each folded byte, the byte offset in the original
/// text of the character it came from.
#[derive(Clone, Debug, Default)]
pub(crate) struct Folded {
    /// The folded bytes (valid UTF-8).
    pub bytes: Vec<u8>,
    /// `map[i]` is the original offset of the character behind `bytes[i]`.
    pub map: Vec<u32>,
}

impl Folded {
    /// The original byte span of the folded range `start..end`, which must
    /// begin and end on a token (not on a separating space).
    pub fn original_span(&self, text: &str, start: usize, end: usize) -> (usize, usize) {
        let first = self.map[start] as usize;
        let last = self.map[end - 1] as usize;
        let mut stop = last + utf8_width(text.as_bytes()[last]);
        // combining marks fold to nothing but belong to the letter before
        while stop < text.len() && text.as_bytes()[stop] >= 0x80 {
            match text[stop..].chars().next() {
                Some(c) if is_combining_mark(c) => stop += c.len_utf8(),
                _ => break,
            }
        }
        (first, stop)
    }
}

/// What one character does in the folded form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Part of a word token.
    Word,
    /// A combining mark: dropped, keeps the current word going.
    Mark,
    /// Separates tokens (whitespace, hyphens, dashes).
    Sep,
    /// A one-character token.
    Punct,
    /// Dropped without trace (soft hyphen, zero-width characters).
    Ignore,
}

/// The previous token kind while folding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prev {
    Sep,
    Word,
    Punct,
}

const fn ascii_classes() -> [Class; 128] {
    let mut t = [Class::Punct; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            Class::Word
        } else if c.is_ascii_whitespace() || c == b'-' || c < 0x20 || c == 0x7f {
            Class::Sep
        } else {
            Class::Punct
        };
        b += 1;
    }
    t
}

/// Class of every ASCII byte: the fast path of [`fold_into`].
const ASCII: [Class; 128] = ascii_classes();

/// Class of a non-ASCII character.
fn class_of(c: char) -> Class {
    match c {
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Class::Ignore,
        // transliteration marks for ayn and hamza: Shīʿa = Shia
        '\u{02BE}' | '\u{02BF}' | '\u{02BB}' => Class::Ignore,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2E3A}' | '\u{2E3B}' | '\u{FE58}' => Class::Sep,
        '\u{FE63}' | '\u{FF0D}' => Class::Sep,
        c if c.is_whitespace() => Class::Sep,
        c if c.is_alphanumeric() => Class::Word,
        c if is_combining_mark(c) => Class::Mark,
        _ => Class::Punct,
    }
}

/// The single character a punctuation character folds to.
fn fold_punct(c: char) -> char {
    match c {
        '`' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => '\'',
        '\u{FF07}' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' => '"',
        '\u{00BB}' | '\u{FF02}' => '"',
        c => c,
    }
}

/// Byte length of the UTF-8 character starting with `lead`.
pub(crate) fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Appends folded bytes and their origins.
struct Sink<'a> {
    out: &'a mut Folded,
    prev: Prev,
    newlines: u8,
}

impl Sink<'_> {
    #[inline]
    fn push(&mut self, byte: u8, at: usize) {
        self.out.bytes.push(byte);
        self.out.map.push(at as u32);
    }

    #[inline]
    fn sep(&mut self, newline: bool, at: usize) {
        if self.prev != Prev::Sep {
            self.push(b' ', at);
            self.prev = Prev::Sep;
            self.newlines = 0;
        }
        if newline {
            self.newlines = self.newlines.saturating_add(1);
            if self.newlines == 2 {
                self.push(b'\n', at);
                self.push(b' ', at);
            }
        }
    }

    #[inline]
    fn start_token(&mut self, word: bool, at: usize) {
        match (self.prev, word) {
            (Prev::Word, true) | (Prev::Sep, _) => {}
            _ => self.push(b' ', at),
        }
        self.prev = if word { Prev::Word } else { Prev::Punct };
    }

    fn push_char(&mut self, c: char, at: usize) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.push(b, at);
        }
    }

    /// A non-ASCII character at `at`.
    fn non_ascii(&mut self, c: char, at: usize) {
        match class_of(c) {
            // a mark (as in decomposed text) continues the word it follows
            Class::Ignore | Class::Mark => {}
            Class::Sep => self.sep(c == '\u{2028}' || c == '\u{2029}', at),
            Class::Punct => {
                self.start_token(false, at);
                self.push_char(fold_punct(c), at);
            }
            Class::Word => {
                self.start_token(true, at);
                for lc in c.to_lowercase() {
                    let lc = if lc == 'ς' { 'σ' } else { lc };
                    decompose_canonical(lc, |d| {
                        if !is_combining_mark(d) {
                            self.push_char(d, at);
                        }
                    });
                }
            }
        }
    }
}

/// Folds `text` into `out` (cleared first), recording offsets.
pub(crate) fn fold_into(text: &str, out: &mut Folded) {
    out.bytes.clear();
    out.map.clear();
    out.bytes.reserve(text.len() + text.len() / 8 + 2);
    out.map.reserve(text.len() + text.len() / 8 + 2);
    let bytes = text.as_bytes();
    let mut sink = Sink { out, prev: Prev::Sep, newlines: 0 };
    sink.push(b' ', 0);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            match ASCII[b as usize] {
                Class::Word => {
                    sink.start_token(true, i);
                    sink.push(b.to_ascii_lowercase(), i);
                }
                Class::Sep => sink.sep(b == b'\n', i),
                _ => {
                    sink.start_token(false, i);
                    sink.push(fold_punct(b as char) as u8, i);
                }
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().expect("char boundary");
            sink.non_ascii(c, i);
            i += c.len_utf8();
        }
    }
    if sink.prev != Prev::Sep {
        sink.push(b' ', text.len());
    }
}

/// The folded key of a name: what [`fold_into`] makes of it, as a string.
/// Returns `None` when the name has no token at all.
pub(crate) fn fold_key(name: &str) -> Option<String> {
    let mut f = Folded::default();
    fold_into(name, &mut f);
    if f.bytes.iter().all(|&b| b == b' ') {
        return None;
    }
    Some(String::from_utf8(f.bytes).expect("folding keeps UTF-8"))
}

/// The characters of `s` that matter for a case-sensitive comparison: the
/// separators and ignorable characters removed, apostrophes and quotes
/// unified, case and diacritics kept.
pub(crate) fn exact_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter_map(|c| {
        let class = if c.is_ascii() { ASCII[c as usize] } else { class_of(c) };
        match class {
            Class::Sep | Class::Ignore => None,
            Class::Punct => Some(fold_punct(c)),
            Class::Word | Class::Mark => Some(c),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, folded form)
    const FOLDS: &[(&str, &str)] = &[
        ("TTP", " ttp "),
        ("Tehreek-e-Taliban Pakistan", " tehreek e taliban pakistan "),
        ("Tehrīk‑e‑Taliban", " tehrik e taliban "),
        ("North–Waziristan", " north waziristan "),
        ("Lashkar e  Taiba\n", " lashkar e taiba "),
        ("TTP’s", " ttp ' s "),
        ("TTP's", " ttp ' s "),
        ("“Taliban”", " \" taliban \" "),
        ("U.S.-led", " u . s . led "),
        ("Kābul", " kabul "),
        ("İstanbul", " istanbul "),
        ("ÉCOLE", " ecole "),
        ("ΣΟΦΟΣ", " σοφοσ "),
        ("Kabul 🇦🇫 now", " kabul 🇦 🇫 now "),
        ("soft\u{00AD}hyphen", " softhyphen "),
        ("Shīʿa", " shia "),
        ("a\n\nb", " a \n b "),
        ("a \n \n\n b", " a \n b "),
        ("−5", " 5 "),
        ("(KPK)", " ( kpk ) "),
        ("", " "),
        ("  ", " "),
    ];

    #[test]
    fn folds() {
        for &(input, want) in FOLDS {
            let mut f = Folded::default();
            fold_into(input, &mut f);
            assert_eq!(String::from_utf8(f.bytes.clone()).unwrap(), want, "input {input:?}");
            assert_eq!(f.bytes.len(), f.map.len());
            for (i, &o) in f.map.iter().enumerate() {
                assert!(input.is_char_boundary(o as usize), "{input:?} byte {i} maps to {o}");
            }
        }
    }

    #[test]
    fn map_points_at_the_source_character() {
        let text = "Tehrīk‑e‑Taliban’s İ";
        let mut f = Folded::default();
        fold_into(text, &mut f);
        let folded = String::from_utf8(f.bytes.clone()).unwrap();
        // every token maps back to the characters it came from
        let tokens = [("tehrik", "Tehrīk"), ("taliban", "Taliban"), ("'", "’"), ("i", "İ")];
        for (tok, orig) in tokens {
            let start = folded.find(&format!(" {tok} ")).unwrap() + 1;
            let (s, e) = f.original_span(text, start, start + tok.len());
            assert_eq!(&text[s..e], orig);
        }
    }

    #[test]
    fn keys_and_exact_chars() {
        assert_eq!(fold_key("Al-Qaeda").as_deref(), Some(" al qaeda "));
        assert_eq!(fold_key(" - "), None);
        let a: String = exact_chars("U.S.–led’").collect();
        assert_eq!(a, "U.S.led'");
    }
}
