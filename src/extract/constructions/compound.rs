//! Hyphenated compounds and name pairs: "Taliban-ruled Afghanistan",
//! "Pakistan-based Lashkar-e-Jhangvi", "ISI-backed militants", "Pakistan's
//! pro-Taliban intelligence service", "the Afghan Taliban–TTP nexus".

use super::Frame;
use crate::extract::arguments::{Arg, Ctx, Via};
use crate::extract::lexicon::{Compound, f};
use crate::extract::tokens::{Kind, Pos};
use crate::model::Relation;

pub(super) fn find(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    let s = cx.s;
    for k in 0..s.len() {
        // "Taliban-ruled Afghanistan": name, hyphen, suffix, head
        if s.pos(k) == Pos::Ent
            && s.hyphen_between(k + 1)
            && let Some(comps) = s.word(k + 2).and_then(|w| cx.lex.compounds_suffix.get(w))
            && let Some(modifier) = cx.arg(k, Via::Name)
        {
            let head = head_after(cx, k + 3, k);
            for c in comps {
                push(cx, out, c, modifier.clone(), &head, (k, k + 3));
            }
        }
        // "pro-Taliban": prefix, hyphen, name, head
        if s.toks[k].kind == Kind::Word
            && s.hyphen_between(k + 1)
            && s.pos(k + 2) == Pos::Ent
            && let Some(comps) = s.word(k).and_then(|w| cx.lex.compounds_prefix.get(w))
            && let Some(modifier) = cx.arg(k + 2, Via::Name)
        {
            let head = head_around(cx, k, k + 2);
            for c in comps {
                push(cx, out, c, modifier.clone(), &head, (k, k + 3));
            }
        }
        // "the Afghan Taliban–TTP nexus", "US–Taliban talks"
        if s.pos(k) == Pos::Ent
            && matches!(s.pos(k + 1), Pos::Dash | Pos::Hyph)
            && s.pos(k + 2) == Pos::Ent
        {
            pair(cx, out, k);
        }
    }
}

/// The head the compound at `k` modifies: a name right after it, else an
/// apposition the phrase belongs to ("LeJ, a Pakistan-based group").
fn head_after(cx: &Ctx<'_, '_>, from: usize, k: usize) -> Vec<Arg> {
    let s = cx.s;
    let Some(e) = cx.np_right(from) else { return Vec::new() };
    if s.has(e, f::NOUN) && cx.lex.nouns.longest(s, e).is_some() {
        return Vec::new();
    }
    let mut args = cx.referent(from, e);
    if args.is_empty() {
        // "Lashkar-e-Jhangvi, a Pakistan-based sectarian Sunni group"
        let a = cx.np_left(k);
        if a >= 2 && s.pos(a - 1) == Pos::Comma && s.pos(a - 2) == Pos::Ent {
            args = cx.arg(a - 2, Via::Name).into_iter().collect();
        }
    }
    args
}

/// The head of a phrase holding a prefix compound ("Pakistan's pro-Taliban
/// military intelligence service" → Pakistan's service; "pro-Taliban
/// Lashkar-e-Taiba" → LeT).
fn head_around(cx: &Ctx<'_, '_>, prefix: usize, name: usize) -> Vec<Arg> {
    let s = cx.s;
    let Some(e) =
        cx.np_right(name + 1).or(if s.pos(name + 1).in_np() { Some(name + 1) } else { None })
    else {
        return Vec::new();
    };
    if s.pos(e) == Pos::Ent {
        return cx.arg(e, Via::Name).into_iter().collect();
    }
    if s.has(e, f::ORGAN | f::MEMBER) {
        let a = cx.np_left(prefix);
        for k in (a..prefix).rev() {
            if s.pos(k) == Pos::Ent && s.pos(k + 1) == Pos::Poss {
                return cx.arg(k, Via::Proxy).into_iter().collect();
            }
        }
    }
    Vec::new()
}

fn push(
    cx: &Ctx<'_, '_>,
    out: &mut Vec<Frame>,
    c: &Compound,
    modifier: Arg,
    head: &[Arg],
    cue: (usize, usize),
) {
    if head.is_empty() {
        return;
    }
    let (subj, obj) = if c.subject_is_head {
        (head.to_vec(), vec![modifier])
    } else {
        (vec![modifier], head.to_vec())
    };
    let _ = cx;
    let mut fr = Frame::new(c.relation, subj, obj, cue, cue.0 + 1, "compound", 0.75);
    fr.realis = true;
    fr.obj_types = c.object_types.clone();
    fr.subj_types = c.subject_types.clone();
    out.push(fr);
}

/// "A–B nexus": two names joined by a dash before a noun of a two-sided
/// relation.
fn pair(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>, k: usize) {
    let s = cx.s;
    let n = k + 3;
    let Some(m) = cx.lex.nouns.longest(s, n) else { return };
    let rel = cx.lex.noun_cues[*m.value].relation;
    if !matches!(rel, Relation::AlliedWith | Relation::NegotiatesWith | Relation::Fights) {
        return;
    }
    let (Some(a), Some(b)) = (cx.arg(k, Via::Name), cx.arg(k + 2, Via::Name)) else { return };
    let mut fr =
        Frame::new(rel, vec![a.clone()], vec![b.clone()], (k, m.end), m.end - 1, "name-pair", 0.7);
    if rel == Relation::Fights {
        let mut back = fr.clone();
        back.subj = vec![b];
        back.obj = vec![a];
        out.push(back);
    }
    fr.realis = false;
    out.push(fr);
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::triples;
    use crate::model::Relation::*;

    #[test]
    fn ruled_and_based() {
        let t = triples(
            "Many militants were trained in Taliban-ruled Afghanistan and at Al-Qaeda-run camps.",
        );
        assert!(t.contains(&("afghan_taliban", Controls, "afghanistan")), "{t:?}");
        assert_eq!(t.len(), 1, "{t:?}");
        let t = triples("Pakistan-based Lashkar-e-Jhangvi claimed it.");
        assert!(t.contains(&("lej", OperatesIn, "pakistan")), "{t:?}");
        let t =
            triples("A faction of Lashkar-e-Taiba, a Pakistan-based sectarian group, was blamed.");
        assert!(t.contains(&("let", OperatesIn, "pakistan")), "{t:?}");
    }

    #[test]
    fn pro_compound() {
        let t = triples(
            "Pakistan's pro-Taliban military intelligence service had been training fighters.",
        );
        assert!(t.contains(&("pakistan", Supports, "afghan_taliban")), "{t:?}");
    }

    #[test]
    fn name_pair() {
        let t = triples("The Afghan Taliban–TTP nexus has reshaped militancy.");
        assert!(t.contains(&("afghan_taliban", AlliedWith, "ttp")), "{t:?}");
    }
}
