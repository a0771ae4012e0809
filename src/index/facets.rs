//! Counting the values of a multi-valued keyword fast field among the hits
//! of a query: facet counts (entities, relations) and the set of indexed
//! document ids.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::index::SegmentReader;
use tantivy::{DocId, Score, SegmentOrdinal};

/// Counts, for every value of a keyword fast field, the hits that carry it.
pub(crate) struct StrCounts {
    field: Option<&'static str>,
}

impl StrCounts {
    /// Counts the values of `field` (a `STRING | FAST` field).
    pub(crate) fn new(field: &'static str) -> StrCounts {
        StrCounts { field: Some(field) }
    }

    /// Counts nothing (when the facet cannot occur among the hits).
    pub(crate) fn off() -> StrCounts {
        StrCounts { field: None }
    }
}

/// [`StrCounts`] on one segment: counts by term ordinal, resolved to
/// strings once at the end.
pub(crate) struct SegmentStrCounts {
    column: Option<StrColumn>,
    counts: Vec<u64>,
}

impl Collector for StrCounts {
    type Fruit = HashMap<String, u64>;
    type Child = SegmentStrCounts;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentStrCounts> {
        let column = match self.field {
            Some(field) => reader.fast_fields().str(field)?,
            None => None,
        };
        let terms = column.as_ref().map_or(0, |c| c.dictionary().num_terms());
        Ok(SegmentStrCounts { column, counts: vec![0; terms] })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<HashMap<String, u64>>,
    ) -> tantivy::Result<HashMap<String, u64>> {
        let mut total = HashMap::new();
        for fruit in fruits {
            for (value, n) in fruit {
                *total.entry(value).or_insert(0) += n;
            }
        }
        Ok(total)
    }
}

impl SegmentCollector for SegmentStrCounts {
    type Fruit = HashMap<String, u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let Some(column) = &self.column {
            for ord in column.term_ords(doc) {
                if let Some(n) = self.counts.get_mut(ord as usize) {
                    *n += 1;
                }
            }
        }
    }

    fn harvest(self) -> HashMap<String, u64> {
        let mut out = HashMap::new();
        let Some(column) = self.column else { return out };
        for (ord, n) in self.counts.into_iter().enumerate().filter(|(_, n)| *n > 0) {
            let mut value = String::new();
            if column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                out.insert(value, n);
            }
        }
        out
    }
}

/// The counts sorted by decreasing count, then by value.
pub(crate) fn ranked(counts: HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}
