//! Places that serve as bases: "For the Afghan Taliban, Pakistan became the
//! primary rear base for regrouping and launching an insurgency" (the
//! Taliban operate in Pakistan, and are the ones launching), "the Taliban
//! used the tribal areas as safe havens".

use super::Frame;
use crate::extract::arguments::{Arg, Controller, Ctx};
use crate::extract::lexicon::f;
use crate::extract::syntax::ObjOpts;
use crate::extract::tokens::{Kind, Pos};
use crate::model::Relation;

pub(super) fn find(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    let s = cx.s;
    for i in 0..s.len() {
        if s.toks[i].kind != Kind::Word {
            continue;
        }
        let Some(m) = cx.lex.base_nouns.longest(s, i) else { continue };
        let last = m.end - 1;
        if s.pos(last) != Pos::Noun {
            continue;
        }
        let a = cx.np_left(last);
        if let Some(fr) = base_for(cx, i, m.end, a) {
            out.push(fr);
        } else if let Some(fr) = used_as(cx, i, m.end, a) {
            out.push(fr);
        }
    }
}

/// "X became (the primary rear) base for Y".
fn base_for(cx: &Ctx<'_, '_>, i: usize, end: usize, a: usize) -> Option<Frame> {
    let s = cx.s;
    let mut k = a;
    while k > 0 && s.pos(k - 1) == Pos::Adv {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    let cop = (k.saturating_sub(3)..k)
        .find(|&st| cx.lex.base_copulas.longest(s, st).is_some_and(|m| m.end == k))
        .or_else(|| s.has(k - 1, f::COPULA | f::BE).then_some(k - 1))?;
    let place = cx.subject(cop);
    if place.is_empty() {
        return None;
    }
    let mut user: Vec<Arg> = Vec::new();
    if s.is(end, "for") {
        let (u, _) = cx.object_phrase(end + 1, ObjOpts::default());
        user = u;
    }
    if user.is_empty() {
        user = fronted_for(cx, cop);
    }
    if user.is_empty() {
        return None;
    }
    // "a base for regrouping and launching an insurgency": they launch it
    if s.is(end, "for") && s.pos(end + 1) == Pos::Verb {
        let to = (end + 1..s.len())
            .find(|&x| matches!(s.pos(x), Pos::Semi | Pos::Stop))
            .unwrap_or(s.len());
        cx.controllers.borrow_mut().push(Controller { from: end + 1, to, args: user.clone() });
    }
    let mut fr = Frame::new(Relation::OperatesIn, user, place, (i, end), cop, "base-for", 0.7);
    fr.obj_types = Some(vec!["territory".into()]);
    Some(fr)
}

/// A sentence-initial "For X," naming whom the clause is about.
fn fronted_for(cx: &Ctx<'_, '_>, before: usize) -> Vec<Arg> {
    let s = cx.s;
    let mut i = 0;
    while matches!(s.pos(i), Pos::Adv | Pos::Conj) {
        i += 1;
    }
    if !s.is(i, "for") {
        return Vec::new();
    }
    let Some(np) = cx.np_at(i + 1) else { return Vec::new() };
    if s.pos(np.e + 1) != Pos::Comma || np.e >= before {
        return Vec::new();
    }
    np.args
}

/// "Y used X as a base / safe havens".
fn used_as(cx: &Ctx<'_, '_>, i: usize, end: usize, a: usize) -> Option<Frame> {
    let s = cx.s;
    if a < 3 || !s.is(a - 1, "as") {
        return None;
    }
    let e = a - 2;
    if !s.pos(e).in_np() {
        return None;
    }
    let pa = cx.np_left(e);
    let place = cx.np_at(pa)?.args;
    if place.is_empty() || pa == 0 {
        return None;
    }
    let v = (pa.saturating_sub(3)..pa)
        .find(|&st| cx.lex.base_use.longest(s, st).is_some_and(|m| m.end == pa))?;
    let user = cx.subject(v);
    if user.is_empty() {
        return None;
    }
    let mut fr = Frame::new(Relation::OperatesIn, user, place, (i, end), v, "base-used-as", 0.7);
    fr.obj_types = Some(vec!["territory".into()]);
    Some(fr)
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::triples;
    use crate::model::Relation::*;

    #[test]
    fn rear_base_for_the_fronted_group() {
        let t = triples(
            "For the Afghan Taliban, Pakistan became the primary rear base for regrouping and launching an insurgency against U.S. and NATO forces in Afghanistan.",
        );
        assert!(t.contains(&("afghan_taliban", OperatesIn, "pakistan")), "{t:?}");
        assert!(t.contains(&("afghan_taliban", Fights, "usa")), "{t:?}");
        assert!(t.contains(&("afghan_taliban", Fights, "nato")), "{t:?}");
        assert!(!t.iter().any(|x| x.0 == "pakistan" && x.1 == Fights), "{t:?}");
    }

    #[test]
    fn used_as_safe_havens() {
        let t = triples("The Afghan Taliban used the tribal areas as safe havens.");
        assert!(t.contains(&("afghan_taliban", OperatesIn, "fata")), "{t:?}");
    }
}
