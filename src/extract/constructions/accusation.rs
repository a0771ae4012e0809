//! An accusation and its content: "Pakistani authorities accuse the Taliban
//! government of harbouring and facilitating the TTP" gives the content
//! claims (the Taliban shelters and supports the TTP), reported by the
//! accuser. The `accuses` claim itself is an ordinary verb cue.

use super::{Attribution, Frame, verbal};
use crate::extract::arguments::Ctx;
use crate::extract::lexicon::f;
use crate::extract::syntax::ObjOpts;
use crate::extract::tokens::{Kind, Pos};
use crate::model::Relation;

pub(super) fn find(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    let s = cx.s;
    for i in 0..s.len() {
        if s.toks[i].kind != Kind::Word || s.pos(i) != Pos::Verb {
            continue;
        }
        let Some(m) = cx.lex.accusation.longest(s, i) else { continue };
        let g = cx.group_start(i);
        let passive = (g..i).any(|k| s.has(k, f::BE)) && s.low(i).ends_with("ed");
        // active: "X accuses Y of …"; passive: "Y was accused (by X) of …"
        let (accused, accuser, after) = if passive {
            let accused = cx.subject(i);
            let mut j = m.end;
            let mut accuser = Vec::new();
            if s.is(j, "by") {
                let (a, e) = cx.object_phrase(j + 1, ObjOpts::default());
                accuser = a;
                j = e + 1;
            }
            (accused, accuser, j)
        } else {
            let Some(np) = cx.np_at(m.end) else { continue };
            (np.args, cx.subject(i), np.e + 1)
        };
        if accused.is_empty() || !matches!(s.low(after), "of" | "for") {
            continue;
        }
        let from = if passive { i } else { g.saturating_sub(1) };
        let text = if accuser.is_empty() {
            s.text_range(g, i).to_string()
        } else if passive {
            accuser.iter().map(|a| a.text.slice(&s.doc.doc.text)).collect::<Vec<_>>().join(", ")
        } else {
            cx.subject_text(i)
        };
        let attribution = Attribution { args: accuser, from, to: i + 1, text };
        let start = after + 1;
        let stop = (start..s.len())
            .find(|&k| matches!(s.pos(k), Pos::Stop | Pos::Semi | Pos::Sub | Pos::Rel))
            .unwrap_or(s.len());
        for c in start..stop {
            if s.pos(c) != Pos::Verb || !s.low(c).ends_with("ing") {
                continue;
            }
            for vm in cx.lex.verbs.at(s, c) {
                let cue = &cx.lex.verb_cues[*vm.value];
                let mut j = vm.end;
                if s.pos(j) == Pos::Conj && s.pos(j + 1) == Pos::Verb {
                    j += 2;
                }
                let Some((obj, _, place_only)) = verbal::object(cx, cue, c, j) else { continue };
                let mut fr = Frame::new(
                    cue.relation,
                    accused.clone(),
                    obj,
                    (c, vm.end),
                    c,
                    "accusation-content",
                    0.75,
                );
                fr.attribution = Some(attribution.clone());
                fr.subj_types = cue.subject_types.clone();
                fr.obj_types = if place_only {
                    Some(vec!["territory".into()])
                } else {
                    cue.object_types.clone()
                };
                fr.by_type = cue.by_type.clone();
                out.push(fr);
            }
        }
        // "blamed for the 2011 attack on the U.S. embassy": the attack is
        // what the accusation is about, right after "for"/"of"
        let np_end = cx.np_right(start).unwrap_or(start);
        for c in start..=np_end.min(stop.saturating_sub(1)) {
            for nm in cx.lex.nouns.at(s, c) {
                let cue = &cx.lex.noun_cues[*nm.value];
                if cue.relation != Relation::Attacks {
                    continue;
                }
                let j = nm.end;
                let Some(mk) = cue.object.iter().find(|mk| {
                    mk.words.iter().enumerate().all(|(k, w)| s.word(j + k) == Some(w.as_str()))
                }) else {
                    continue;
                };
                let opts = ObjOpts { locations: true, rep_prep: None, any_place: false };
                let (obj, _) = cx.object_phrase(j + mk.words.len(), opts);
                if obj.is_empty() {
                    continue;
                }
                let mut fr = Frame::new(
                    cue.relation,
                    accused.clone(),
                    obj,
                    (c, nm.end),
                    c,
                    "accusation-content",
                    0.7,
                );
                fr.attribution = Some(attribution.clone());
                fr.date = (start..c).find_map(|k| match s.toks[k].kind {
                    Kind::Date(d) => Some(d),
                    _ => None,
                });
                out.push(fr);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::claims_of;
    use crate::model::{Modality, Relation};

    #[test]
    fn accusation_and_content() {
        let c = claims_of(
            "Pakistani authorities accuse the Taliban government of harbouring and facilitating the TTP.",
        );
        let acc = c.iter().find(|c| c.relation == Relation::Accuses).expect("accuses");
        assert_eq!(
            (acc.subject.entity.as_str(), acc.object.entity.as_str()),
            ("pakistan", "afghan_taliban")
        );
        assert_eq!(acc.modality, Modality::Asserted);
        let sh = c.iter().find(|c| c.relation == Relation::Shelters).expect("shelters");
        assert_eq!(
            (sh.subject.entity.as_str(), sh.object.entity.as_str()),
            ("afghan_taliban", "ttp")
        );
        assert_eq!(sh.modality, Modality::Reported);
        assert_eq!(sh.source.as_ref().and_then(|s| s.entity.as_deref()), Some("pakistan"));
        assert!(
            c.iter().any(|c| c.relation == Relation::Supports && c.modality == Modality::Reported)
        );
    }
}
