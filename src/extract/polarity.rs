//! Polarity: a claim is negative when a negation has its cue in scope —
//! "not"/"never" in the verb group, "neither … nor", a negating verb or noun
//! before its infinitive ("refused to", "refusal to", "unable to"), "no" or
//! "without" before a nominal cue, or a negative cue ("did little against").
//! A negation elsewhere in the sentence ("Despite formal denials, …") does
//! not count.

use super::arguments::Ctx;
use super::constructions::Frame;
use super::lexicon::f;
use super::tokens::Pos;

impl Ctx<'_, '_> {
    /// True when a negated frame's object is followed by a manner or
    /// source phrase the negation is likely about ("was not financing al
    /// Qaeda out of a personal inheritance"): no claim either way.
    pub fn negation_on_adverbial(&self, fr: &Frame) -> bool {
        let s = self.s;
        let Some(last) = fr.obj.iter().map(|a| a.tok).filter(|&t| t > fr.pred && t < s.len()).max()
        else {
            return false;
        };
        matches!(
            s.low(last + 1),
            "out" | "through" | "via" | "using" | "solely" | "only" | "merely"
        )
    }

    /// True when the frame is negated.
    pub fn negated(&self, fr: &Frame) -> bool {
        if fr.neg {
            return true;
        }
        if fr.realis {
            return false;
        }
        let s = self.s;
        let p = fr.pred;
        let g = self.group_start(p);
        // "did not", "has never", "cannot", "no longer"
        if (g..p).any(|k| s.has(k, f::NEG) && !s.is(k, "nor")) {
            return true;
        }
        // "is not a faction of"
        if s.has(p, f::BE | f::COPULA) && (p + 1..fr.cue.0).any(|k| s.pos(k) == Pos::Neg) {
            return true;
        }
        if (g..p).any(|k| self.lex.neg_phrases.longest(s, k).is_some_and(|m| m.end <= p)) {
            return true;
        }
        // "neither expelled … nor curtailed", "Neither X nor Y has condemned"
        if g > 0 && s.is(g - 1, "nor") {
            return true;
        }
        let cs = self.clause_start(p);
        if (cs..p).any(|k| s.is(k, "neither")) && (cs..p).any(|k| s.is(k, "nor")) {
            return true;
        }
        // "refused to recognise", "failed to act", "denied harbouring"
        if (g..p).any(|k| {
            s.has(k, f::NEG_VERB) && matches!(s.pos(k + 1), Pos::To | Pos::Verb | Pos::Adv)
        }) {
            return true;
        }
        if g > 0 {
            let before = g - 1;
            let infinitive = (g..=p).any(|k| s.pos(k) == Pos::To);
            // "refusal to recognise", "unable to", "inability to restrain"
            if infinitive && s.has(before, f::NEG_NOUN | f::NEG_ADJ) {
                return true;
            }
        }
        // a nominal cue: "no support for", "without Pakistani support"
        if !matches!(s.pos(p), Pos::Verb | Pos::Aux) {
            let a = self.np_left(p);
            if (a..p).any(|k| s.is(k, "no")) || (a > 0 && s.is(a - 1, "without")) {
                return true;
            }
        }
        false
    }
}
