//! Byte spans into a document's extracted text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a document's extracted text.
///
/// The extracted text (`output/text/<doc>.txt`) is the ground truth for
/// every offset the pipeline writes.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; panics in debug builds if reversed.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "reversed span {start}..{end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a zero-length span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True if `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True if the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(2, 8)));
        assert!(a.contains(Span::new(3, 4)));
        assert!(!a.contains(Span::new(1, 4)));
        assert!(a.overlaps(Span::new(7, 9)));
        assert!(!a.overlaps(Span::new(8, 9)));
        assert_eq!(Span::new(1, 4).slice("Kabul"), "abu");
    }
}
