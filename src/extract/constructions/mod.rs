//! Constructions: each file finds one family of phrasings that link two
//! entities through a cue, and returns [`Frame`]s (relation, subject list,
//! object list, cue). Polarity, modality, time and ids are decided later
//! for all frames alike.

mod accusation;
mod agentive;
mod bases;
mod compound;
mod events;
mod nominal;
mod title;
mod verbal;

use super::arguments::{Arg, Ctx};
use crate::model::Relation;

/// Who a construction itself attributes its claim to ("X accuses Y of
/// harbouring Z": the harbouring is X's claim).
#[derive(Clone, Debug)]
pub(crate) struct Attribution {
    /// The source's entities (may be empty).
    pub args: Vec<Arg>,
    /// Token range the attribution covers.
    pub from: usize,
    pub to: usize,
    /// The source as written ("Pakistani authorities", "was blamed").
    pub text: String,
}

/// One predicate–argument structure found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub rel: Relation,
    pub subj: Vec<Arg>,
    pub obj: Vec<Arg>,
    /// Token range `[from, to)` of the cue words.
    pub cue: (usize, usize),
    /// The token whose verb group and governors decide polarity, modality
    /// and irrealis (the verb, the light verb, the noun).
    pub pred: usize,
    /// Which construction produced it.
    pub rule: &'static str,
    /// Negated by the construction itself ("did little against").
    pub neg: bool,
    /// Attributed by the construction itself.
    pub attribution: Option<Attribution>,
    /// Not subject to the clause's negation and irrealis (names, titles,
    /// compounds state facts about their referent).
    pub realis: bool,
    /// A date mention tied to this frame (index into `TaggedDoc::mentions`).
    pub date: Option<usize>,
    /// A place mention tied to the event (index into `TaggedDoc::mentions`).
    pub place: Option<usize>,
    /// Base confidence of the construction.
    pub conf: f32,
    /// Extra type limits from the cue entry.
    pub subj_types: Option<Vec<String>>,
    pub obj_types: Option<Vec<String>>,
    /// Relation by object type ("captured Kabul" → controls).
    pub by_type: Vec<(String, Relation)>,
}

impl Frame {
    /// A frame with defaults for the optional parts.
    pub fn new(
        rel: Relation,
        subj: Vec<Arg>,
        obj: Vec<Arg>,
        cue: (usize, usize),
        pred: usize,
        rule: &'static str,
        conf: f32,
    ) -> Frame {
        Frame {
            rel,
            subj,
            obj,
            cue,
            pred,
            rule,
            neg: false,
            attribution: None,
            realis: false,
            date: None,
            place: None,
            conf,
            subj_types: None,
            obj_types: None,
            by_type: Vec::new(),
        }
    }

    /// True when both sides are filled.
    pub fn complete(&self) -> bool {
        !self.subj.is_empty() && !self.obj.is_empty()
    }
}

/// Runs every construction over the sentence.
pub(crate) fn find(cx: &Ctx<'_, '_>) -> Vec<Frame> {
    let mut out = Vec::new();
    // bases first: they tell later constructions who the subject of
    // "a base for regrouping and launching attacks" is
    bases::find(cx, &mut out);
    verbal::find(cx, &mut out);
    nominal::find(cx, &mut out);
    agentive::find(cx, &mut out);
    title::find(cx, &mut out);
    compound::find(cx, &mut out);
    accusation::find(cx, &mut out);
    events::find(cx, &mut out);
    nominal::attach_mediation(cx, &mut out);
    representatives(cx, &mut out);
    out
}

/// "Meeting with William Milam, the U.S. ambassador to Pakistan, Taliban
/// delegates said …": talks, demands and threats made with an official
/// named with their title are also made with the official's state or
/// organisation.
fn representatives(cx: &Ctx<'_, '_>, out: &mut [Frame]) {
    let reps: Vec<(String, Arg)> = out
        .iter()
        .filter(|f| f.rel == Relation::PartOf && f.rule.starts_with("title"))
        .flat_map(|f| f.subj.iter().map(|p| (cx.id(p).to_string(), f.obj[0].clone())))
        .collect();
    if reps.is_empty() {
        return;
    }
    for f in out.iter_mut() {
        if !matches!(f.rel, Relation::NegotiatesWith | Relation::Demands | Relation::Threatens) {
            continue;
        }
        for side in [&mut f.subj, &mut f.obj] {
            let extra: Vec<Arg> = side
                .iter()
                .filter_map(|a| reps.iter().find(|(p, _)| p == cx.id(a)).map(|(_, o)| o.clone()))
                .collect();
            for e in extra {
                if !side.iter().any(|x| cx.id(x) == cx.id(&e)) {
                    side.push(e);
                }
            }
        }
    }
}
