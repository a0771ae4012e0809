//! The tag stage: runs every recognizer over a document and resolves
//! overlapping mentions.
//!
//! It never names a particular recognizer; the gazetteer and the date tagger
//! meet here only through [`Recognizer`].

use std::collections::BTreeMap;

use crate::model::{Mention, Recognizer, SegmentedDoc, TaggedDoc};

/// Runs `recognizers` over `seg` and keeps a non-overlapping set of mentions:
/// the longest wins, and on equal length the earlier recognizer in the list.
pub fn tag(seg: SegmentedDoc, recognizers: &[&dyn Recognizer]) -> TaggedDoc {
    let mut ranked: Vec<(usize, Mention)> = Vec::new();
    for (rank, r) in recognizers.iter().enumerate() {
        let mut found = Vec::new();
        r.recognize(&seg, &mut found);
        ranked.extend(found.into_iter().map(|m| (rank, m)));
    }
    let mentions = resolve_overlaps(ranked);
    TaggedDoc { doc: seg.doc, sentences: seg.sentences, mentions }
}

/// Picks a non-overlapping subset, preferring longer spans, then lower rank,
/// then earlier start; returns it sorted by position.
fn resolve_overlaps(mut ranked: Vec<(usize, Mention)>) -> Vec<Mention> {
    ranked.sort_by(|(ra, a), (rb, b)| {
        b.span.len().cmp(&a.span.len()).then(ra.cmp(rb)).then(a.span.start.cmp(&b.span.start))
    });
    let mut kept: Vec<Mention> = Vec::with_capacity(ranked.len());
    // Spans kept so far, by start: a clash is with the nearest kept span
    // starting at or before this one, or the nearest starting after it.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    for (_, m) in ranked {
        let (start, end) = (m.span.start, m.span.end);
        let clash_prev = taken.range(..=start).next_back().is_some_and(|(_, &e)| e > start);
        let clash_next = taken.range(start..).next().is_some_and(|(&s, _)| s < end);
        if m.span.is_empty() || clash_prev || clash_next {
            continue;
        }
        taken.insert(start, end);
        kept.push(m);
    }
    kept.sort_by_key(|m| (m.span.start, m.span.end));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateValue, EntityRef, Granularity, MentionKind, Span};

    fn ent(s: usize, e: usize) -> Mention {
        Mention {
            span: Span::new(s, e),
            text: String::new(),
            kind: MentionKind::Entity(EntityRef {
                id: format!("e{s}"),
                etype: "actor".into(),
                name: String::new(),
            }),
        }
    }

    fn date(s: usize, e: usize) -> Mention {
        Mention {
            span: Span::new(s, e),
            text: String::new(),
            kind: MentionKind::Date(DateValue {
                start: None,
                end: None,
                granularity: Granularity::Year,
            }),
        }
    }

    #[test]
    fn longest_wins_then_rank() {
        let kept = resolve_overlaps(vec![
            (0, ent(0, 5)),
            (1, date(3, 12)),
            (0, ent(20, 24)),
            (1, date(20, 24)),
            (0, ent(30, 31)),
        ]);
        let spans: Vec<_> = kept.iter().map(|m| (m.span.start, m.type_name())).collect();
        assert_eq!(spans, [(3, "date"), (20, "actor"), (30, "actor")]);
    }
}
