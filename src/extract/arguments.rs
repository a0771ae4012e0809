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
    /// Index into `TaggedDoc::mentions` of a mention naming the entity
    /// (`usize::MAX` when `alt` names it instead).
    pub mention: usize,
    /// Index into `EntityCatalog::entities` for an entity named by a word
    /// that is no mention (a country adjective: "Pakistani President").
    pub alt: Option<usize>,
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
    /// Ids of states: actors that places are part of.
    pub states: &'a std::collections::HashSet<&'a str>,
    /// Token is inside a quotation.
    pub quoted: Vec<bool>,
    /// Known subjects of gerund spans.
    pub controllers: RefCell<Vec<Controller>>,
    /// Memo tables of the document.
    pub caches: &'a super::cache::Caches,
}

impl<'d> Ctx<'_, 'd> {
    /// The entity id and type of an argument.
    fn id_and_type<'x>(&'x self, a: &Arg) -> Option<(&'x str, &'x str)>
    where
        'd: 'x,
    {
        match a.alt {
            Some(i) => self.cat.entities().get(i).map(|e| (e.id.as_str(), e.etype.as_str())),
            None => self
                .s
                .doc
                .mentions
                .get(a.mention)
                .and_then(|m| m.entity())
                .map(|e| (e.id.as_str(), e.etype.as_str())),
        }
    }

    /// The entity id of an argument.
    pub fn id<'x>(&'x self, a: &Arg) -> &'x str
    where
        'd: 'x,
    {
        self.id_and_type(a).map_or("", |(id, _)| id)
    }

    /// The entity type of an argument.
    pub fn etype<'x>(&'x self, a: &Arg) -> &'x str
    where
        'd: 'x,
    {
        self.id_and_type(a).map_or("", |(_, t)| t)
    }

    /// The entity a capitalised country adjective stands for ("Pakistani",
    /// "American", "Afghan"), as an argument.
    pub fn demonym_arg(&self, k: usize) -> Option<Arg> {
        let s = self.s;
        if s.toks.get(k)?.kind != super::tokens::Kind::Word || !s.toks[k].cap {
            return None;
        }
        let w = s.low(k);
        let idx = super::cache::Caches::memo(&self.caches.demonyms, w, || {
            let stem = w.strip_suffix('s').filter(|x| x.len() > 4).unwrap_or(w);
            let mut names: Vec<String> = Vec::new();
            if let Some(n) = self.lex.demonym_map.get(stem) {
                names.push(n.clone());
            }
            for e in &self.lex.demonym_endings {
                if let Some(root) = stem.strip_suffix(e.as_str())
                    && root.len() >= 3
                {
                    names.push(root.to_string());
                    names.push(format!("{root}a"));
                }
            }
            names.iter().find_map(|n| {
                let found = self.cat.lookup_name(n);
                let e = found.iter().find(|e| e.etype == "actor" || e.etype == "place")?;
                self.caches.index_of(self.cat, &e.id)
            })
        })?;
        Some(Arg {
            mention: usize::MAX,
            alt: Some(idx),
            text: s.toks[k].span,
            tok: k,
            via: Via::Proxy,
        })
    }

    /// An argument for the entity token `i`.
    pub fn arg(&self, i: usize, via: Via) -> Option<Arg> {
        let m = self.s.mention_index(i)?;
        Some(Arg { mention: m, alt: None, text: self.s.toks[i].span, tok: i, via })
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
