//! Gazetteer entities as the later stages see them.

use serde::{Deserialize, Serialize};

/// One gazetteer entry: a canonical entity and the names it goes by.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical id, e.g. `ttp`.
    pub id: String,
    /// `actor`, `person`, `place`, `facility`, `operation`, or a type a
    /// gazetteer adds.
    #[serde(rename = "type")]
    pub etype: String,
    /// Canonical name, e.g. `Tehreek-e-Taliban Pakistan`.
    pub name: String,
    /// Case-insensitive aliases (the name is always one of them).
    pub aliases: Vec<String>,
    /// Case-sensitive aliases: acronyms such as `US`, `TTP`.
    pub acronyms: Vec<String>,
    /// The entities this one stands for when it acts (a capital for its
    /// government: `islamabad` → `pakistan`), optionally limited to years
    /// (`kabul` → `afghan_taliban` from 2021).
    pub metonym_of: Vec<Metonym>,
    /// Entities this one is part of (a faction's group, an agency's state).
    pub part_of: Vec<String>,
    /// ISO country code or country entity id, when useful.
    pub country: Option<String>,
    /// Active years, free text such as `2007–` or `1994–2001`.
    pub active: Option<String>,
    /// Wikidata id, e.g. `Q1061596`.
    pub wikidata: Option<String>,
}

/// A metonymic reading of an entity, valid for a range of years.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metonym {
    /// The entity it stands for.
    pub target: String,
    /// First year the reading holds, inclusive (`None`: always).
    pub from: Option<i32>,
    /// Last year the reading holds, inclusive (`None`: still holds).
    pub to: Option<i32>,
}

impl Entity {
    /// The entity this one stands for in `year` (or, without a year, the
    /// reading that holds latest), if it is a metonym.
    pub fn metonym_for(&self, year: Option<i32>) -> Option<&str> {
        let fits = |m: &&Metonym| match year {
            Some(y) => m.from.is_none_or(|f| f <= y) && m.to.is_none_or(|t| y <= t),
            None => true,
        };
        self.metonym_of
            .iter()
            .filter(fits)
            .max_by_key(|m| m.to.unwrap_or(i32::MAX))
            .map(|m| m.target.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::{Entity, Metonym};

    #[test]
    fn metonym_by_year() {
        let kabul = Entity {
            id: "kabul".into(),
            metonym_of: vec![
                Metonym { target: "taliban".into(), from: Some(1996), to: Some(2001) },
                Metonym { target: "republic".into(), from: Some(2002), to: Some(2021) },
                Metonym { target: "taliban".into(), from: Some(2021), to: None },
            ],
            ..Entity::default()
        };
        assert_eq!(kabul.metonym_for(Some(2010)), Some("republic"));
        assert_eq!(kabul.metonym_for(Some(1998)), Some("taliban"));
        assert_eq!(kabul.metonym_for(None), Some("taliban"));
        assert_eq!(Entity::default().metonym_for(None), None);
    }
}
