//! An accusation and its content: "Pakistani authorities accuse the Taliban
//! government of harbouring and facilitating the TTP" gives the content
//! claims (the Taliban shelters and supports the TTP), reported by the
//! accuser. The `accuses` claim itself is an ordinary verb cue.

use super::{Attribution, Frame, verbal};
use crate::extract::arguments::Ctx;
use crate::extract::tokens::{Kind, Pos};

pub(super) fn find(cx: &Ctx<'_, '_>, out: &mut Vec<Frame>) {
    let s = cx.s;
    for i in 0..s.len() {
        if s.toks[i].kind != Kind::Word || s.pos(i) != Pos::Verb {
            continue;
        }
        let Some(m) = cx.lex.accusation.longest_at(i, |k| s.word(k)) else { continue };
        let Some(np) = cx.np_at(m.end) else { continue };
        if np.args.is_empty() || !matches!(s.low(np.e + 1), "of" | "for") {
            continue;
        }
        let accuser = cx.subject(i);
        let g = cx.group_start(i);
        let attribution = Attribution { args: accuser, from: g.saturating_sub(1), to: i };
        let start = np.e + 2;
        let stop = (start..s.len())
            .find(|&k| matches!(s.pos(k), Pos::Stop | Pos::Semi | Pos::Sub | Pos::Rel))
            .unwrap_or(s.len());
        for c in start..stop {
            if s.pos(c) != Pos::Verb || !s.low(c).ends_with("ing") {
                continue;
            }
            for vm in cx.lex.verbs.matches_at(c, |k| s.word(k)) {
                let cue = &cx.lex.verb_cues[*vm.value];
                let mut j = vm.end;
                if s.pos(j) == Pos::Conj && s.pos(j + 1) == Pos::Verb {
                    j += 2;
                }
                let Some((obj, _, place_only)) = verbal::object(cx, cue, c, j) else { continue };
                let mut fr = Frame::new(cue.relation, np.args.clone(), obj, (c, vm.end), c, "accusation-content", 0.75);
                fr.attribution = Some(attribution.clone());
                fr.subj_types = cue.subject_types.clone();
                fr.obj_types = if place_only { Some(vec!["territory".into()]) } else { cue.object_types.clone() };
                fr.by_type = cue.by_type.clone();
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
        let c = claims_of("Pakistani authorities accuse the Taliban government of harbouring and facilitating the TTP.");
        let acc = c.iter().find(|c| c.relation == Relation::Accuses).expect("accuses");
        assert_eq!((acc.subject.entity.as_str(), acc.object.entity.as_str()), ("pakistan", "afghan_taliban"));
        assert_eq!(acc.modality, Modality::Asserted);
        let sh = c.iter().find(|c| c.relation == Relation::Shelters).expect("shelters");
        assert_eq!((sh.subject.entity.as_str(), sh.object.entity.as_str()), ("afghan_taliban", "ttp"));
        assert_eq!(sh.modality, Modality::Reported);
        assert_eq!(sh.source.as_ref().and_then(|s| s.entity.as_deref()), Some("pakistan"));
        assert!(c.iter().any(|c| c.relation == Relation::Supports && c.modality == Modality::Reported));
    }
}
