//! The tag stage: runs every recognizer over a document and resolves
//! overlapping mentions.
//!
//! It never names a particular recognizer; the gazetteer and the date tagger
//! meet here only through [`Recognizer`].

use std::cmp::Reverse;

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
///
/// Mentions are swept in text order and grouped into clusters of
/// (transitively) overlapping spans; only inside a cluster — rarely more
/// than one mention — is the preference applied. Each recognizer reports
/// its mentions in order, so the sort merges a few sorted runs.
fn resolve_overlaps(mut ranked: Vec<(usize, Mention)>) -> Vec<Mention> {
    ranked.sort_by_key(|(rank, m)| (m.span.start, Reverse(m.span.end), *rank));
    let mut kept = Vec::with_capacity(ranked.len());
    let mut cluster: Vec<(usize, Mention)> = Vec::new();
    let mut cluster_end = 0;
    for (rank, m) in ranked {
        if m.span.is_empty() {
            continue;
        }
        if !cluster.is_empty() && m.span.start >= cluster_end {
            settle(&mut cluster, &mut kept);
        }
        cluster_end = if cluster.is_empty() { m.span.end } else { cluster_end.max(m.span.end) };
        cluster.push((rank, m));
    }
    settle(&mut cluster, &mut kept);
    kept
}

/// Keeps the preferred non-overlapping mentions of one cluster, in order.
fn settle(cluster: &mut Vec<(usize, Mention)>, kept: &mut Vec<Mention>) {
    if cluster.len() == 1 {
        kept.extend(cluster.drain(..).map(|(_, m)| m));
        return;
    }
    cluster.sort_by_key(|(rank, m)| (Reverse(m.span.len()), *rank, m.span.start));
    let mut chosen: Vec<Mention> = Vec::new();
    for (_, m) in cluster.drain(..) {
        if !chosen.iter().any(|c| c.span.overlaps(m.span)) {
            chosen.push(m);
        }
    }
    chosen.sort_by_key(|m| (m.span.start, m.span.end));
    kept.extend(chosen);
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
