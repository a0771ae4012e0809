//! Turning a tagged document and its claims into index entries: one entry
//! for the document, one per sentence, one per claim.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use tantivy::TantivyDocument;

use super::schema::{DATE_MAX, DATE_MIN, Fields, HitKind, to_tantivy};
use crate::model::{Claim, DateValue, Mention, MentionKind, Span, TaggedDoc};

/// Separator of heading titles in the stored section path.
pub(crate) const SECTION_SEP: &str = " › ";

/// The entry for the whole document.
pub(crate) fn doc_entry(f: &Fields, tagged: &TaggedDoc) -> TantivyDocument {
    let doc = &tagged.doc;
    let mut e = base(f, HitKind::Doc, doc.id.as_str(), Span::new(0, doc.text.len()));
    if let Some(title) = &doc.meta.title {
        e.add_text(f.title, title);
    }
    for author in &doc.meta.authors {
        e.add_text(f.authors, author);
    }
    if let Some(day) = doc.meta.published {
        e.add_date(f.published, to_tantivy(day));
    }
    e.add_text(f.body, &doc.text);
    add_mentions(f, &mut e, &tagged.mentions);
    e
}

/// The entry for sentence `idx` of the document.
pub(crate) fn sentence_entry(f: &Fields, tagged: &TaggedDoc, idx: usize) -> TantivyDocument {
    let doc = &tagged.doc;
    let s = &tagged.sentences[idx];
    let mut e = base(f, HitKind::Sentence, doc.id.as_str(), s.span);
    e.add_text(f.text, s.span.slice(&doc.text));
    if let Some(sec) = s.section.filter(|&i| i < doc.sections.len()) {
        e.add_text(f.section, doc.section_path(sec).join(SECTION_SEP));
    }
    add_mentions(f, &mut e, tagged.mentions_in(s.span));
    e
}

/// The entry for a claim, with its review status.
pub(crate) fn claim_entry(f: &Fields, claim: &Claim, status: &str) -> TantivyDocument {
    let ev = &claim.evidence;
    let mut e = base(f, HitKind::Claim, &claim.doc, Span::new(ev.start, ev.end));
    e.add_text(f.claim_id, &claim.id);
    e.add_text(f.evidence, &ev.sentence);
    if !claim.section.is_empty() {
        e.add_text(f.section, claim.section.join(SECTION_SEP));
    }
    for arg in [&claim.subject, &claim.object] {
        e.add_text(f.args, &arg.name);
        if arg.text != arg.name {
            e.add_text(f.args, &arg.text);
        }
    }
    e.add_text(f.args, claim.relation.as_str().replace('_', " "));
    if let Some(place) = &claim.place {
        e.add_text(f.args, &place.name);
    }
    if let Some(source) = &claim.source {
        e.add_text(f.args, &source.text);
    }
    e.add_text(f.relation, claim.relation.as_str());
    e.add_text(f.polarity, claim.polarity.as_str());
    e.add_text(f.modality, claim.modality.as_str());
    e.add_text(f.status, status);

    let mut ids = BTreeSet::new();
    ids.insert(claim.subject.entity.as_str());
    ids.insert(claim.object.entity.as_str());
    ids.extend(claim.place.as_ref().map(|p| p.entity.as_str()));
    ids.extend(claim.source.as_ref().and_then(|s| s.entity.as_deref()));
    for id in ids.into_iter().filter(|id| !id.is_empty()) {
        e.add_text(f.entity, id);
    }
    // Argument spans inside the evidence sentence, for highlighting.
    let evidence = Span::new(ev.start, ev.end);
    let spans: Vec<(&str, usize, usize)> = [&claim.subject, &claim.object]
        .into_iter()
        .filter_map(|a| a.span.filter(|s| evidence.contains(*s)).map(|s| (a, s)))
        .map(|(a, s)| (a.entity.as_str(), s.start, s.end))
        .collect();
    e.add_text(f.mentions, serde_json::to_string(&spans).unwrap_or_default());

    if let Some(time) = &claim.time {
        add_interval(f, &mut e, [(time.start_date, time.end_date)]);
    }
    e.add_text(f.claim, serde_json::to_string(claim).unwrap_or_default());
    e
}

/// The fields every entry has.
fn base(f: &Fields, kind: HitKind, doc: &str, span: Span) -> TantivyDocument {
    let mut e = TantivyDocument::new();
    e.add_text(f.kind, kind.as_str());
    e.add_text(f.doc, doc);
    e.add_u64(f.start, span.start as u64);
    e.add_u64(f.end, span.end as u64);
    e
}

/// Entity ids (deduplicated), mention spans, and the date interval of a run
/// of mentions.
fn add_mentions(f: &Fields, e: &mut TantivyDocument, mentions: &[Mention]) {
    let mut ids = BTreeSet::new();
    let mut spans = Vec::new();
    let mut dates = Vec::new();
    for m in mentions {
        match &m.kind {
            MentionKind::Entity(r) => {
                ids.insert(r.id.as_str());
                spans.push((r.id.as_str(), m.span.start, m.span.end));
            }
            MentionKind::Date(DateValue { start, end, .. }) => dates.push((*start, *end)),
        }
    }
    for id in ids {
        e.add_text(f.entity, id);
    }
    e.add_text(f.mentions, serde_json::to_string(&spans).unwrap_or_default());
    add_interval(f, e, dates);
}

/// Adds the union of the intervals (open ends stay open, stored as the
/// sentinels); intervals open at both ends carry no information and are
/// skipped, so an entry without a usable date gets no interval at all.
fn add_interval(
    f: &Fields,
    e: &mut TantivyDocument,
    intervals: impl IntoIterator<Item = (Option<NaiveDate>, Option<NaiveDate>)>,
) {
    if let Some((start, end)) = union(intervals) {
        e.add_date(f.date_start, to_tantivy(start));
        e.add_date(f.date_end, to_tantivy(end));
    }
}

/// The smallest interval covering every given one (`None` = open end).
pub(crate) fn union(
    intervals: impl IntoIterator<Item = (Option<NaiveDate>, Option<NaiveDate>)>,
) -> Option<(NaiveDate, NaiveDate)> {
    intervals
        .into_iter()
        .filter(|(s, e)| s.is_some() || e.is_some())
        .map(|(s, e)| (s.unwrap_or(DATE_MIN), e.unwrap_or(DATE_MAX)))
        .reduce(|(s1, e1), (s2, e2)| (s1.min(s2), e1.max(e2)))
}

#[cfg(test)]
mod tests {
    use super::union;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn union_keeps_open_ends_open() {
        use super::{DATE_MAX, DATE_MIN};
        let cases = [
            (vec![], None),
            (vec![(None, None)], None),
            (vec![(d(1996, 9, 1), d(1996, 9, 30))], Some((d(1996, 9, 1), d(1996, 9, 30)))),
            (
                vec![(d(2001, 1, 1), d(2001, 12, 31)), (d(1996, 1, 1), d(1996, 12, 31))],
                Some((d(1996, 1, 1), d(2001, 12, 31))),
            ),
            (vec![(d(2022, 1, 1), None)], Some((d(2022, 1, 1), Some(DATE_MAX)))),
            (
                vec![(None, d(2000, 12, 31)), (d(2010, 1, 1), d(2010, 12, 31))],
                Some((Some(DATE_MIN), d(2010, 12, 31))),
            ),
        ];
        for (input, want) in cases {
            let want = want.map(|(s, e)| (s.unwrap(), e.unwrap()));
            assert_eq!(union(input.clone()), want, "{input:?}");
        }
    }
}
