//! Stable claim ids: a hash of what the claim says and where it sits in the
//! document's structure, never of byte offsets or of the sentence's words,
//! so an edit elsewhere (or in the evidence itself) keeps the id.

use sha2::{Digest, Sha256};

use crate::model::Relation;

/// `c-` and the first 16 hex digits of SHA-256 over `doc \0 subject \0
/// relation \0 object \0 section path \0 k`, where `k` counts earlier
/// claims with the same triple in the same section. Symmetric relations
/// hash their two ids in sorted order.
pub(crate) fn claim_id(
    doc: &str,
    subject: &str,
    relation: Relation,
    object: &str,
    section: &[String],
    k: usize,
) -> String {
    let (a, b) = if relation.is_symmetric() && object < subject {
        (object, subject)
    } else {
        (subject, object)
    };
    let mut h = Sha256::new();
    for part in [doc, a, relation.as_str(), b, &section.join(" / "), &k.to_string()] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("c-{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_order_free_for_symmetric_relations() {
        let s = vec!["Intro".to_string()];
        let a = claim_id("d.md", "ttp", Relation::AlliedWith, "al_qaeda", &s, 0);
        let b = claim_id("d.md", "al_qaeda", Relation::AlliedWith, "ttp", &s, 0);
        assert_eq!(a, b);
        assert_eq!(a.len(), 18);
        assert!(a.starts_with("c-"));
        let c = claim_id("d.md", "ttp", Relation::Supports, "al_qaeda", &s, 0);
        let d = claim_id("d.md", "al_qaeda", Relation::Supports, "ttp", &s, 0);
        assert_ne!(c, d);
        assert_ne!(c, claim_id("d.md", "ttp", Relation::Supports, "al_qaeda", &s, 1));
        assert_ne!(c, claim_id("d.md", "ttp", Relation::Supports, "al_qaeda", &[], 0));
    }
}
