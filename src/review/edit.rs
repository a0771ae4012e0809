//! Turning a reviewer's corrections (as typed on the command line or in the
//! page) into validated [`Edits`]: relations from the vocabulary, entities
//! from the gazetteer, dates as ISO days.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{
    Claim, Edits, Entity, EntityCatalog, EntityRef, Modality, Polarity, Relation, TimeEdit,
};

/// Corrections as text. `None` leaves a field as it is; for dates, an empty
/// string means an open end.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct EditRequest {
    /// A relation name.
    pub relation: Option<String>,
    /// An entity id, name or alias.
    pub subject: Option<String>,
    /// An entity id, name or alias.
    pub object: Option<String>,
    /// `positive` or `negative`.
    pub polarity: Option<String>,
    /// `asserted`, `reported` or `hedged`.
    pub modality: Option<String>,
    /// ISO date, or empty for an open start.
    pub start_date: Option<String>,
    /// ISO date, or empty for an open end.
    pub end_date: Option<String>,
}

impl EditRequest {
    /// True when no field is given.
    pub fn is_empty(&self) -> bool {
        *self == EditRequest::default()
    }

    /// The complete corrections for `claim`: `base` (the corrections in
    /// force, if any) overlaid with this request, then reduced to the
    /// fields that differ from the claim as extracted.
    pub fn resolve(
        &self,
        claim: &Claim,
        base: &Edits,
        catalog: &dyn EntityCatalog,
    ) -> Result<Edits> {
        let mut e = base.clone();
        if let Some(r) = non_empty(&self.relation) {
            e.relation = Some(r.parse().map_err(|err| Error::Invalid(format!("{err}")))?);
        }
        if let Some(s) = non_empty(&self.subject) {
            e.subject = Some(resolve_entity(s, catalog, claim)?);
        }
        if let Some(o) = non_empty(&self.object) {
            e.object = Some(resolve_entity(o, catalog, claim)?);
        }
        if let Some(p) = non_empty(&self.polarity) {
            e.polarity = Some(parse_polarity(p)?);
        }
        if let Some(m) = non_empty(&self.modality) {
            e.modality = Some(parse_modality(m)?);
        }
        if self.start_date.is_some() || self.end_date.is_some() {
            let current = e.time.unwrap_or_else(|| time_of(claim));
            let start = match &self.start_date {
                Some(s) => parse_date(s)?,
                None => current.start_date,
            };
            let end = match &self.end_date {
                Some(s) => parse_date(s)?,
                None => current.end_date,
            };
            if let (Some(s), Some(t)) = (start, end)
                && s > t
            {
                return Err(Error::Invalid(format!("start date {s} is after end date {t}")));
            }
            e.time = Some(TimeEdit { start_date: start, end_date: end });
        }
        Ok(minimal(e, claim))
    }
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn time_of(claim: &Claim) -> TimeEdit {
    claim.time.as_ref().map_or(TimeEdit::default(), |t| TimeEdit {
        start_date: t.start_date,
        end_date: t.end_date,
    })
}

/// Drops corrections equal to the extracted value.
fn minimal(mut e: Edits, claim: &Claim) -> Edits {
    if e.relation == Some(claim.relation) {
        e.relation = None;
    }
    if e.subject.as_ref().is_some_and(|s| s.id == claim.subject.entity) {
        e.subject = None;
    }
    if e.object.as_ref().is_some_and(|o| o.id == claim.object.entity) {
        e.object = None;
    }
    if e.polarity == Some(claim.polarity) {
        e.polarity = None;
    }
    if e.modality == Some(claim.modality) {
        e.modality = None;
    }
    if e.time == Some(time_of(claim)) {
        e.time = None;
    }
    e
}

fn parse_date(s: &str) -> Result<Option<NaiveDate>> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| Error::Invalid(format!("`{s}` is not a date (expected YYYY-MM-DD)")))
}

/// Parses `positive` / `negative`.
pub fn parse_polarity(s: &str) -> Result<Polarity> {
    match s.trim().to_ascii_lowercase().as_str() {
        "positive" => Ok(Polarity::Positive),
        "negative" => Ok(Polarity::Negative),
        _ => Err(Error::Invalid(format!("unknown polarity `{s}` (positive, negative)"))),
    }
}

/// Parses `asserted` / `reported` / `hedged`.
pub fn parse_modality(s: &str) -> Result<Modality> {
    match s.trim().to_ascii_lowercase().as_str() {
        "asserted" => Ok(Modality::Asserted),
        "reported" => Ok(Modality::Reported),
        "hedged" => Ok(Modality::Hedged),
        _ => Err(Error::Invalid(format!("unknown modality `{s}` (asserted, reported, hedged)"))),
    }
}

/// Finds the entity a reviewer means: an id, then a name the catalog knows,
/// then a case-insensitive match on id, name, alias or acronym. The claim's
/// own arguments are accepted even when the gazetteer no longer lists them.
pub fn resolve_entity(
    input: &str,
    catalog: &dyn EntityCatalog,
    claim: &Claim,
) -> Result<EntityRef> {
    let input = input.trim();
    let as_ref =
        |e: &Entity| EntityRef { id: e.id.clone(), etype: e.etype.clone(), name: e.name.clone() };
    if let Some(e) = catalog.entity(input) {
        return Ok(as_ref(e));
    }
    let mut found: Vec<&Entity> = catalog.lookup_name(input);
    if found.is_empty() {
        let key = input.to_lowercase();
        found = catalog
            .entities()
            .iter()
            .filter(|e| {
                e.id.to_lowercase() == key
                    || e.name.to_lowercase() == key
                    || e.aliases.iter().any(|a| a.to_lowercase() == key)
                    || e.acronyms.iter().any(|a| a == input)
            })
            .collect();
    }
    found.dedup_by(|a, b| a.id == b.id);
    match found.as_slice() {
        [one] => Ok(as_ref(one)),
        [] => [&claim.subject, &claim.object]
            .into_iter()
            .find(|a| a.entity == input)
            .map(|a| EntityRef {
                id: a.entity.clone(),
                etype: a.etype.clone(),
                name: a.name.clone(),
            })
            .ok_or_else(|| {
                Error::Invalid(format!("unknown entity `{input}` (not in the gazetteer)"))
            }),
        many => {
            let ids: Vec<&str> = many.iter().map(|e| e.id.as_str()).collect();
            Err(Error::Invalid(format!("`{input}` is ambiguous: {} (use an id)", ids.join(", "))))
        }
    }
}

/// Every relation name, for pickers and help texts.
pub fn relation_names() -> impl Iterator<Item = &'static str> {
    Relation::ALL.iter().map(Relation::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::review::testkit::{claims, entities};

    fn req(f: impl FnOnce(&mut EditRequest)) -> EditRequest {
        let mut r = EditRequest::default();
        f(&mut r);
        r
    }

    #[test]
    fn resolves_names_and_keeps_only_real_changes() {
        let gaz = Gazetteer::from_entities(entities()).unwrap();
        let claim = &claims()[0]; // afghan_taliban controls kabul, September 1996
        let r = req(|r| {
            r.relation = Some("controls".into()); // unchanged: dropped
            r.object = Some("afghanistan".into());
            r.subject = Some("Taliban".into()); // alias of the same subject: dropped
            r.end_date = Some("2001-11-30".into());
        });
        let e = r.resolve(claim, &Edits::default(), &gaz).unwrap();
        assert_eq!(e.relation, None);
        assert_eq!(e.subject, None);
        assert_eq!(e.object.as_ref().map(|o| o.id.as_str()), Some("afghanistan"));
        assert_eq!(e.object.as_ref().map(|o| o.etype.as_str()), Some("place"));
        let t = e.time.unwrap();
        assert_eq!(t.start_date, NaiveDate::from_ymd_opt(1996, 9, 1));
        assert_eq!(t.end_date, NaiveDate::from_ymd_opt(2001, 11, 30));
        let applied = e.apply(claim);
        assert_eq!(applied.object.name, "Afghanistan");
        assert_eq!(applied.object.text, "Kabul", "surface text stays");
        assert_eq!(applied.time.unwrap().text, "September 1996");
    }

    #[test]
    fn overlays_the_edits_in_force() {
        let gaz = Gazetteer::from_entities(entities()).unwrap();
        let claim = &claims()[1];
        let base = req(|r| r.relation = Some("shelters".into()))
            .resolve(claim, &Edits::default(), &gaz)
            .unwrap();
        let e = req(|r| r.polarity = Some("negative".into())).resolve(claim, &base, &gaz).unwrap();
        assert_eq!(e.relation, Some(Relation::Shelters));
        assert_eq!(e.polarity, Some(Polarity::Negative));
        // Setting a field back to the extracted value removes the correction.
        let back =
            req(|r| r.relation = Some("operates_in".into())).resolve(claim, &e, &gaz).unwrap();
        assert_eq!(back.relation, None);
        // Clearing both dates removes the time.
        let cleared = req(|r| {
            r.start_date = Some(String::new());
            r.end_date = Some(String::new());
        })
        .resolve(&claims()[0], &Edits::default(), &gaz)
        .unwrap();
        assert_eq!(cleared.apply(&claims()[0]).time, None);
    }

    #[test]
    fn rejects_bad_input() {
        let gaz = Gazetteer::from_entities(entities()).unwrap();
        let claim = &claims()[0];
        let bad = [
            req(|r| r.relation = Some("likes".into())),
            req(|r| r.object = Some("Atlantis".into())),
            req(|r| r.polarity = Some("maybe".into())),
            req(|r| r.modality = Some("rumoured".into())),
            req(|r| r.start_date = Some("Sept 1996".into())),
            req(|r| r.start_date = Some("2002-01-01".into())), // after the end
        ];
        for r in bad {
            assert!(r.resolve(claim, &Edits::default(), &gaz).is_err(), "{r:?} accepted");
        }
    }
}
