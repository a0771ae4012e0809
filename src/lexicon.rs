//! Where rule and lexicon files come from: the user's rules folder, or the
//! copy compiled into the binary.
//!
//! Every stage that uses hand-written rules (abbreviations, date words,
//! relation cues, hedges, attribution verbs) keeps them in a plain file under
//! `rules/`. A run reads that folder when it exists, so a user can edit the
//! rules without rebuilding; otherwise the defaults shipped in the binary are
//! used, so the library also works on its own.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::error::RulesError;

/// The rules folder a run reads lexicons from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RulesDir {
    dir: Option<PathBuf>,
}

impl RulesDir {
    /// Rules read from `dir`, falling back to the embedded copy for files
    /// that are not there.
    pub fn new(dir: impl Into<PathBuf>) -> RulesDir {
        RulesDir { dir: Some(dir.into()) }
    }

    /// Only the embedded defaults.
    pub fn embedded() -> RulesDir {
        RulesDir { dir: None }
    }

    /// The folder, if one was given.
    pub fn path(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The text of rules file `name`: the user's copy when it exists,
    /// else `embedded`. Returns the text and the name to cite in errors.
    pub fn read(
        &self,
        name: &str,
        embedded: &'static str,
    ) -> Result<(Cow<'static, str>, PathBuf), RulesError> {
        if let Some(dir) = &self.dir {
            let path = dir.join(name);
            if path.is_file() {
                return std::fs::read_to_string(&path)
                    .map(|s| (Cow::Owned(s), path.clone()))
                    .map_err(|e| RulesError { path, message: e.to_string() });
            }
        }
        Ok((Cow::Borrowed(embedded), PathBuf::from(format!("<built-in {name}>"))))
    }
}

/// Lines of a simple list file: trimmed, without blanks and `#` comments.
pub fn list_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_embedded_and_prefers_user_copy() {
        let tmp = tempfile::tempdir().unwrap();
        let rules = RulesDir::new(tmp.path());
        let (text, _) = rules.read("x.txt", "builtin").unwrap();
        assert_eq!(text, "builtin");
        std::fs::write(tmp.path().join("x.txt"), "mine").unwrap();
        let (text, path) = rules.read("x.txt", "builtin").unwrap();
        assert_eq!(text, "mine");
        assert_eq!(path, tmp.path().join("x.txt"));
        let lines: Vec<_> = list_lines("# c\n a \n\nb\n").collect();
        assert_eq!(lines, ["a", "b"]);
    }
}
