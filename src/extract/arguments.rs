//! Claim arguments while a sentence is analysed (a mention standing for an
//! entity, and how the sentence refers to it), the sentence context the
//! constructions share, and the relation signatures that check argument
//! types before a claim is made.

use std::cell::RefCell;

use super::lexicon::Lexicon;
use super::reference::Discourse;
use super::tokens::Sent;
use crate::model::{EntityCatalog, Relation, Span};

/// How an argument was reached from the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Via {
    /// The entity's own name.
    Name,
    /// A noun standing for it ("Pakistani forces", "its fighters", "members of").
    Proxy,
    /// A pronoun or a definite description, resolved in the discourse.
    Reference,
    /// The subject of a clause the cue's verb depends on (a participle, a
    /// coordinated verb, a light verb).
    Control,
}

/// One argument of a claim candidate.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Arg {
    /// Index into `TaggedDoc::mentions` of a mention naming the entity.
    pub mention: usize,
    /// The surface span the sentence uses (a name, a pronoun, a phrase).
    pub text: Span,
    /// Token index in the sentence (for distances and scope).
    pub tok: usize,
    pub via: Via,
}

/// A gerund or participle span whose subject is known from elsewhere
/// ("a base for regrouping and launching attacks" → the beneficiary).
#[derive(Clone, Debug)]
pub(crate) struct Controller {
    pub from: usize,
    pub to: usize,
    pub args: Vec<Arg>,
}

/// Everything the constructions need about the sentence being analysed.
pub(crate) struct Ctx<'a, 'd> {
    pub s: &'a Sent<'d>,
    pub lex: &'a Lexicon,
    pub cat: &'a dyn EntityCatalog,
    pub disc: &'a Discourse,
    /// Token is inside a quotation.
    pub quoted: Vec<bool>,
    /// Known subjects of gerund spans.
    pub controllers: RefCell<Vec<Controller>>,
}

impl<'d> Ctx<'_, 'd> {
    /// The entity id of an argument.
    pub fn id(&self, a: &Arg) -> &'d str {
        self.s.doc.mentions[a.mention].entity().map(|e| e.id.as_str()).unwrap_or("")
    }

    /// The entity type of an argument.
    pub fn etype(&self, a: &Arg) -> &'d str {
        self.s.doc.mentions[a.mention].entity().map(|e| e.etype.as_str()).unwrap_or("")
    }

    /// An argument for the entity token `i`.
    pub fn arg(&self, i: usize, via: Via) -> Option<Arg> {
        let m = self.s.mention_index(i)?;
        Some(Arg { mention: m, text: self.s.toks[i].span, tok: i, via })
    }

    /// `a` with its surface text widened to tokens `from..=to`.
    pub fn widen(&self, mut a: Arg, from: usize, to: usize, via: Via) -> Arg {
        if from <= to && to < self.s.len() {
            a.text = Span::new(self.s.toks[from].span.start, self.s.toks[to].span.end);
        }
        if via != Via::Name {
            a.via = via;
        }
        a
    }
}

/// Which argument types a relation takes (before metonyms are resolved):
/// `(subject types, object types)`; "territory" is a place, a facility, or
/// an actor that has places as parts (a state).
pub(crate) fn signature(r: Relation) -> (&'static [&'static str], &'static [&'static str]) {
    const AP: &[&str] = &["actor", "person"];
    const A: &[&str] = &["actor"];
    const P: &[&str] = &["person"];
    const T: &[&str] = &["territory"];
    const ANY: &[&str] = &["actor", "person", "territory"];
    match r {
        Relation::Supports
        | Relation::Shelters
        | Relation::AlliedWith
        | Relation::NegotiatesWith
        | Relation::Mediates
        | Relation::Accuses
        | Relation::Demands
        | Relation::Opposes
        | Relation::Fights => (AP, AP),
        Relation::PartOf => (AP, A),
        Relation::Leads => (P, A),
        Relation::Founded => (AP, A),
        Relation::SplitsFrom => (AP, A),
        Relation::Recognizes => (A, &["actor", "territory"]),
        Relation::Detains | Relation::Releases => (AP, AP),
        Relation::Attacks => (AP, ANY),
        Relation::Controls => (AP, T),
        Relation::OperatesIn => (AP, T),
        Relation::Threatens => (AP, ANY),
        Relation::Designates => (AP, AP),
    }
}

/// True when the object of `r` keeps a place as a place (no metonym).
pub(crate) fn object_is_place_role(r: Relation) -> bool {
    matches!(r, Relation::Controls | Relation::OperatesIn | Relation::Attacks)
}
