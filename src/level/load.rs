//! Loading a level from TOML text: syntax and type errors with the toml
//! parser's span, semantic errors from [`Level::validate`], both turned into
//! `file:line:column: message`.

use std::fmt;

use serde::Deserialize;
use serde::de::IgnoredAny;
use toml::Spanned;

use super::schema::Level;
use super::validate::{Problem, Site};

/// A level that cannot be played, with where the (first) problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelError {
    /// The file (or level) name given to the loader.
    pub file: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based column, 0 when unknown.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How many more problems the file has after this one.
    pub more: usize,
}

impl fmt::Display for LevelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if self.more > 0 {
            write!(f, " (and {} more)", self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for LevelError {}

/// 1-based (line, column) of byte `offset` in `text` (columns count chars).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

impl Level {
    /// Parses and validates a level. `name` names the file in errors.
    pub fn from_toml_str(text: &str, name: &str) -> Result<Level, LevelError> {
        let level: Level = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |s| line_col(text, s.start));
            LevelError {
                file: name.to_string(),
                line,
                column,
                message: e.message().trim().to_string(),
                more: 0,
            }
        })?;
        if let Err(problems) = level.validate() {
            return Err(locate(text, name, &problems));
        }
        Ok(level)
    }
}

/// Where each top-level section of the file starts; only spans are kept.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Spans {
    rains: Vec<Spanned<IgnoredAny>>,
    stores: Vec<Spanned<IgnoredAny>>,
    items: Vec<Spanned<IgnoredAny>>,
    coupons: Vec<Spanned<IgnoredAny>>,
    events: Vec<Spanned<IgnoredAny>>,
    prizes: Vec<Spanned<IgnoredAny>>,
}

fn locate(text: &str, name: &str, problems: &[Problem]) -> LevelError {
    let first = &problems[0];
    let spans: Spans = toml::from_str(text).unwrap_or_default();
    let offset = match first.site {
        Site::Element(section, i) => {
            let list = match section {
                "rains" => &spans.rains,
                "stores" => &spans.stores,
                "items" => &spans.items,
                "coupons" => &spans.coupons,
                "events" => &spans.events,
                "prizes" => &spans.prizes,
                _ => &spans.rains[..0],
            };
            list.get(i).map(|s| s.span().start)
        }
        Site::Key(key) => key_offset(text, key),
    };
    let (line, column) = offset.map_or((0, 0), |o| line_col(text, o));
    let label = match first.site {
        Site::Element(section, i) => format!("{section}[{}]", i + 1),
        Site::Key(key) => key.to_string(),
    };
    LevelError {
        file: name.to_string(),
        line,
        column,
        message: format!("{label}: {}", first.message),
        more: problems.len() - 1,
    }
}

/// The offset of a top-level `key =` or `[key]` line.
fn key_offset(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let table = format!("[{key}]");
        let is_key = t.starts_with(key) && t[key.len()..].trim_start().starts_with('=');
        if t.starts_with(&table) || is_key {
            return Some(offset + line.len() - t.len());
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TUTORIAL: &str = include_str!("../../levels/tutorial.toml");

    #[test]
    fn a_type_error_names_the_line_and_column() {
        let text = TUTORIAL.replace("balance = 300", "balance = 3.001");
        let e = Level::from_toml_str(&text, "t.toml").unwrap_err();
        let line = text.lines().position(|l| l.contains("3.001")).unwrap() + 1;
        assert_eq!((e.file.as_str(), e.line), ("t.toml", line), "{e}");
        assert!(e.message.contains("two decimals"), "{e}");
        let e = Level::from_toml_str("name = \"x\"\nyear = 2017\nbogus = 1\n", "u.toml");
        assert!(e.unwrap_err().to_string().starts_with("u.toml:"));
    }

    #[test]
    fn a_semantic_error_points_at_its_table() {
        let text = TUTORIAL.replace(
            "store = \"sport\"\nname = \"Smart band\"",
            "store = \"zz\"\nname = \"Smart band\"",
        );
        let e = Level::from_toml_str(&text, "t.toml").unwrap_err();
        assert!(e.message.contains("unknown store \"zz\""), "{e}");
        let at = text.lines().nth(e.line - 1).unwrap();
        assert!(
            at.contains("[[items]]") || at.starts_with("id = \"band\""),
            "{e}: {at}"
        );
        let text = TUTORIAL.replace("at = \"23:00\"", "at = \"24:00\"");
        let e = Level::from_toml_str(&text, "t.toml").unwrap_err();
        assert!(e.message.contains("between 00:00 and 23:59"), "{e}");
        let text = TUTORIAL.replace("id = \"mug\"", "id = \"oolong\"");
        let e = Level::from_toml_str(&text, "t.toml").unwrap_err();
        assert!(e.message.contains("duplicate id"), "{e}");
    }
}
