//! Place: where an event happened — a place named by the construction
//! ("the attack in Quetta" kept as the attack's place), else the first place
//! after the cue in a locative phrase of the same clause ("attack on the GHQ
//! in Rawalpindi") that is not one of the claim's arguments.

use super::arguments::Ctx;
use super::constructions::Frame;
use super::tokens::{Kind, Pos};
use crate::model::Relation;

/// Relations that describe events, which have a place.
fn is_event(r: Relation) -> bool {
    matches!(
        r,
        Relation::Attacks
            | Relation::Fights
            | Relation::Detains
            | Relation::Releases
            | Relation::NegotiatesWith
            | Relation::Mediates
            | Relation::Threatens
            | Relation::Founded
    )
}

impl Ctx<'_, '_> {
    /// The mention index of the frame's place, if any.
    pub fn place_of(&self, fr: &Frame) -> Option<usize> {
        if !is_event(fr.rel) {
            return None;
        }
        if fr.place.is_some() {
            return fr.place;
        }
        let s = self.s;
        let used: Vec<usize> = fr.subj.iter().chain(&fr.obj).map(|a| a.mention).collect();
        let mut k = fr.cue.0;
        while k + 1 < s.len() {
            if matches!(s.pos(k), Pos::Semi | Pos::Stop | Pos::Sub | Pos::Rel) {
                break;
            }
            if matches!(s.low(k), "in" | "at" | "near" | "inside" | "outside") {
                let mut j = k + 1;
                while s.pos(j) == Pos::Det {
                    j += 1;
                }
                if let Kind::Entity(m) = s.toks[j].kind {
                    let t = s.etype(j).unwrap_or("");
                    if (t == "place" || t == "facility") && !used.contains(&m) {
                        return Some(m);
                    }
                }
            }
            k += 1;
        }
        None
    }
}
