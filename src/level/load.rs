//! Loading a level from TOML text. A syntax error, a wrong type or an
//! unknown key stops reading at the first one (as serde does); every other
//! problem is collected, so one run lists them all, each as
//! `file:line:column: message` saying what was expected and what was found.

use std::fmt;

use super::convert::LevelReader;
use super::raw::RawLevel;
use super::schema::Level;
use crate::scenario::Location;
use crate::scenario::error::Problems;

/// One problem with a level file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelError {
    /// The file (or level) name given to the loader.
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column (in characters), 0 when unknown.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How many more problems the file has after this one.
    pub more: usize,
}

impl fmt::Display for LevelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)?;
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )?;
        }
        if self.more > 0 {
            write!(f, " (and {} more)", self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for LevelError {}

/// 1-based (line, column) of byte `offset` in `text` (columns count chars).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let at = Location::of_offset(text, offset);
    (at.line, at.column)
}

impl Level {
    /// Parses and checks a level; the error is the first problem, with how
    /// many more there are. `name` names the file in errors.
    pub fn from_toml_str(text: &str, name: &str) -> Result<Level, LevelError> {
        Level::check_str(text, name).map_err(|mut all| {
            let more = all.len() - 1;
            let mut first = all.swap_remove(0);
            first.more = more;
            first
        })
    }

    /// Parses and checks a level; on failure every problem, in file order
    /// (never empty). `name` names the file in errors.
    pub fn check_str(text: &str, name: &str) -> Result<Level, Vec<LevelError>> {
        let mut problems = Problems::new(text, name);
        let raw: RawLevel = match toml::from_str(text) {
            Ok(raw) => raw,
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let message = crate::scenario::syntax_message(e.message())
                    .replace("expected i64", "expected a whole number");
                problems.at(span, message);
                return Err(errors(problems));
            }
        };
        let mut reader = LevelReader::new(&mut problems);
        let level = reader.level(&raw);
        if reader.rules.problems.is_empty() {
            reader.reachable(&raw, &level);
        }
        if problems.is_empty() {
            Ok(level)
        } else {
            Err(errors(problems))
        }
    }
}

/// The recorded problems as level errors, in file order.
fn errors(problems: Problems<'_>) -> Vec<LevelError> {
    problems
        .into_errors()
        .iter()
        .map(|e| {
            let (line, column) = e.location.map_or((0, 0), |l| (l.line, l.column));
            LevelError {
                file: e.file.clone(),
                line,
                column,
                message: e.message.clone(),
                more: 0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TUTORIAL: &str = include_str!("../../levels/tutorial.toml");

    /// The one line of `text` that contains `needle` (1-based).
    fn line_of(text: &str, needle: &str) -> usize {
        text.lines()
            .position(|l| l.contains(needle))
            .expect("in text")
            + 1
    }

    #[test]
    fn a_type_error_names_the_line_and_column() {
        let text = TUTORIAL.replace("balance = 300", "balance = 3.001");
        let e = Level::from_toml_str(&text, "t.toml").unwrap_err();
        assert_eq!(
            (e.file.as_str(), e.line),
            ("t.toml", line_of(&text, "3.001"))
        );
        assert_eq!(e.column, 11, "{e}");
        assert!(e.message.contains("two decimals"), "{e}");
        let e = Level::from_toml_str("name = \"x\"\nyear = 2017\nbogus = 1\n", "u.toml");
        assert!(e.unwrap_err().to_string().starts_with("u.toml:3:1:"));
    }

    #[test]
    fn a_semantic_error_points_at_its_value() {
        let text = TUTORIAL.replace(
            "store = \"sport\"\nname = \"Smart band\"",
            "store = \"zz\"\nname = \"Smart band\"",
        );
        let e = Level::from_toml_str(&text, "t.toml").unwrap_err();
        assert!(e.message.contains("found \"zz\""), "{e}");
        assert_eq!((e.line, e.column), (line_of(&text, "\"zz\""), 9), "{e}");
        let text = TUTORIAL.replace("at = \"23:00\"", "at = \"24:00\"");
        let e = Level::from_toml_str(&text, "t.toml").unwrap_err();
        assert!(e.message.contains("from 00:00 to 23:59"), "{e}");
        assert_eq!((e.line, e.column), (line_of(&text, "24:00"), 6), "{e}");
        let text = TUTORIAL.replace("id = \"mug\"", "id = \"oolong\"");
        let e = Level::from_toml_str(&text, "t.toml").unwrap_err();
        assert!(e.message.contains("unique item id"), "{e}");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let text = TUTORIAL
            .replace("at = \"23:00\"", "at = \"24:00\"")
            .replace("id = \"mug\"", "id = \"oolong\"");
        let all = Level::check_str(&text, "t.toml").unwrap_err();
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(all[0].line < all[1].line);
        let first = Level::from_toml_str(&text, "t.toml").unwrap_err();
        assert_eq!(first.more, 1);
    }
}
