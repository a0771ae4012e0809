//! Where a claim's subject, object, time and place sit in its evidence
//! sentence, as non-overlapping marked segments.

use crate::model::{Argument, Claim, TimeOrigin};

/// A marked byte range of the sentence and what it marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mark {
    start: usize,
    end: usize,
    class: &'static str,
}

/// The sentence cut into segments, each marked (`subject`, `object`,
/// `time`, `place`) or not, in order; concatenated they give the sentence.
pub fn segments(claim: &Claim) -> Vec<(&str, Option<&'static str>)> {
    let sentence = claim.evidence.sentence.as_str();
    let mut marks = Vec::new();
    marks.extend(argument(claim, &claim.subject, "subject"));
    marks.extend(argument(claim, &claim.object, "object"));
    if let Some(t) = claim.time.as_ref().filter(|t| t.origin == TimeOrigin::Sentence) {
        marks.extend(find(sentence, &t.text, "time"));
    }
    if let Some(p) = &claim.place {
        marks.extend(find(sentence, &p.text, "place"));
    }
    // Earlier marks win over later ones that overlap them.
    let mut kept: Vec<Mark> = Vec::new();
    for m in marks {
        if kept.iter().all(|k| m.end <= k.start || k.end <= m.start) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.start);
    let mut out = Vec::new();
    let mut at = 0;
    for m in kept {
        if m.start > at {
            out.push((&sentence[at..m.start], None));
        }
        out.push((&sentence[m.start..m.end], Some(m.class)));
        at = m.end;
    }
    if at < sentence.len() || out.is_empty() {
        out.push((&sentence[at..], None));
    }
    out
}

/// The argument's span when it lies in the sentence, else its surface text
/// searched for in the sentence.
fn argument(claim: &Claim, arg: &Argument, class: &'static str) -> Option<Mark> {
    let ev = &claim.evidence;
    let sentence = ev.sentence.as_str();
    let from_span = arg.span.and_then(|s| {
        let (start, end) = (s.start.checked_sub(ev.start)?, s.end.checked_sub(ev.start)?);
        let text = sentence.get(start..end)?;
        (!text.is_empty() && s.end <= ev.end).then_some(Mark { start, end, class })
    });
    from_span.or_else(|| find(sentence, &arg.text, class))
}

fn find(sentence: &str, text: &str, class: &'static str) -> Option<Mark> {
    if text.is_empty() {
        return None;
    }
    sentence.find(text).map(|start| Mark { start, end: start + text.len(), class })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::testkit::claims;

    #[test]
    fn marks_subject_object_time_and_place_once() {
        let c = &claims()[0]; // Afghan Taliban captured Kabul in September 1996
        let segs = segments(c);
        let marked: Vec<_> = segs.iter().filter_map(|(t, m)| m.map(|m| (m, *t))).collect();
        assert_eq!(
            marked,
            [("subject", "Afghan Taliban"), ("object", "Kabul"), ("time", "September 1996")],
            "the place is the object's span: marked once"
        );
        let joined: String = segs.iter().map(|(t, _)| *t).collect();
        assert_eq!(joined, c.evidence.sentence);
    }

    #[test]
    fn falls_back_to_text_when_the_span_is_elsewhere() {
        let mut c = claims()[1].clone();
        c.subject.span = None;
        c.object.span = Some(crate::model::Span::new(0, 3)); // outside the sentence
        let segs = segments(&c);
        assert!(segs.contains(&("TTP", Some("subject"))));
        assert!(segs.contains(&("Afghanistan", Some("object"))));
    }
}
