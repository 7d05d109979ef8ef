//! What can be wrong with a scenario file, each problem with its place.

use std::fmt;
use std::ops::Range;

use super::location::Location;

/// One problem with a scenario file. Displays as `FILE:LINE:COL: message`
/// (or `FILE: message` when it has no place, e.g. an unreadable file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// The file, as the user named it.
    pub file: String,
    /// Where in the file, if the problem has a place.
    pub location: Option<Location>,
    /// What is wrong, saying what was expected.
    pub message: String,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.location {
            Some(at) => write!(f, "{}:{at}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every problem found in one scenario file (never empty), in file order.
/// Displays one problem per line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioErrors {
    errors: Vec<ScenarioError>,
}

impl ScenarioErrors {
    /// A single problem without a place in the file (e.g. it cannot be read).
    pub fn whole_file(file: &str, message: impl Into<String>) -> ScenarioErrors {
        ScenarioErrors {
            errors: vec![ScenarioError {
                file: file.to_owned(),
                location: None,
                message: message.into(),
            }],
        }
    }

    /// The problems, in file order.
    pub fn errors(&self) -> &[ScenarioError] {
        &self.errors
    }

    /// Iterates over the problems, in file order.
    pub fn iter(&self) -> std::slice::Iter<'_, ScenarioError> {
        self.errors.iter()
    }
}

impl<'a> IntoIterator for &'a ScenarioErrors {
    type Item = &'a ScenarioError;
    type IntoIter = std::slice::Iter<'a, ScenarioError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl fmt::Display for ScenarioErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, error) in self.errors.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioErrors {}

/// Collects problems found while reading one file, each at a byte span of
/// its text, and turns them into [`ScenarioErrors`] sorted by position.
#[derive(Debug)]
pub(crate) struct Problems<'t> {
    text: &'t str,
    file: &'t str,
    found: Vec<(usize, String)>,
}

impl<'t> Problems<'t> {
    /// No problems yet in `text`, the contents of `file`.
    pub(crate) fn new(text: &'t str, file: &'t str) -> Problems<'t> {
        Problems {
            text,
            file,
            found: Vec::new(),
        }
    }

    /// Records a problem at `span`.
    pub(crate) fn at(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.found.push((span.start, message.into()));
    }

    /// The whole text.
    pub(crate) fn text(&self) -> &'t str {
        self.text
    }

    /// The file's text under `span` (what the user wrote there).
    pub(crate) fn source(&self, span: Range<usize>) -> &'t str {
        self.text.get(span).unwrap_or("?").trim()
    }

    /// True while nothing has been recorded.
    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// `Ok` when nothing was recorded, else every problem in file order.
    pub(crate) fn finish(self) -> Result<(), ScenarioErrors> {
        if self.found.is_empty() {
            Ok(())
        } else {
            Err(self.into_errors())
        }
    }

    /// Every problem recorded, in file order.
    pub(crate) fn into_errors(mut self) -> ScenarioErrors {
        self.found.sort_by_key(|(offset, _)| *offset);
        let errors = self
            .found
            .into_iter()
            .map(|(offset, message)| ScenarioError {
                file: self.file.to_owned(),
                location: Some(Location::of_offset(self.text, offset)),
                message,
            })
            .collect();
        ScenarioErrors { errors }
    }
}
