//! Memo tables for lookups that repeat within a document: an entity's
//! index in the catalog, what a country adjective names, where a title sits
//! inside a tagged name, whether a name says it is a part of something.
//! Names recur often in a document, so each answer is computed once.

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::lexicon::TitleKind;
use crate::model::EntityCatalog;

/// Where a title sits inside a tagged name ("State Department Spokesperson
/// John Kirby"): the title's first and one-past-last word, and its kind.
pub(crate) type NameTitle = Option<(usize, usize, TitleKind)>;

/// The memo tables of one document.
#[derive(Default)]
pub(crate) struct Caches {
    index: RefCell<Option<FxHashMap<String, usize>>>,
    pub demonyms: RefCell<FxHashMap<String, Option<usize>>>,
    pub name_titles: RefCell<FxHashMap<String, NameTitle>>,
    pub name_end_titles: RefCell<FxHashMap<String, Option<String>>>,
    pub name_parts: RefCell<FxHashMap<String, bool>>,
    pub demonym_mentions: RefCell<FxHashMap<String, bool>>,
}

impl Caches {
    /// The index of entity `id` in `cat.entities()`.
    pub fn index_of(&self, cat: &dyn EntityCatalog, id: &str) -> Option<usize> {
        let mut idx = self.index.borrow_mut();
        let map = idx.get_or_insert_with(|| {
            cat.entities().iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect()
        });
        map.get(id).copied()
    }

    /// A memoised answer, or `f()` remembered under `key`.
    pub fn memo<T: Clone>(
        table: &RefCell<FxHashMap<String, T>>,
        key: &str,
        f: impl FnOnce() -> T,
    ) -> T {
        if let Some(v) = table.borrow().get(key) {
            return v.clone();
        }
        let v = f();
        table.borrow_mut().insert(key.to_string(), v.clone());
        v
    }
}
