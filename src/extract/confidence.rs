//! Confidence: the construction's base score, lowered for every step of
//! inference between the words and the claim (a pronoun, a metonym, a
//! subject borrowed from another clause, a hedge, distance).

use super::arguments::{Arg, Via};
use super::constructions::Frame;

/// A 0…1 score for one claim made from `fr`.
pub(crate) fn score(fr: &Frame, subj: &Arg, obj: &Arg, metonym: bool, hedged: bool) -> f32 {
    let mut c = fr.conf;
    for a in [subj, obj] {
        c -= match a.via {
            Via::Name => 0.0,
            Via::Proxy => 0.03,
            Via::Reference => 0.1,
            Via::Control => 0.08,
        };
    }
    if metonym {
        c -= 0.05;
    }
    if hedged {
        c -= 0.1;
    }
    let span = subj.tok.abs_diff(fr.pred).max(obj.tok.abs_diff(fr.pred));
    if span > 15 {
        c -= 0.1;
    }
    (c * 100.0).round().clamp(5.0, 99.0) / 100.0
}
