//! Ids must be unique within their list (stores, coupons and envelopes are
//! separate namespaces) and not empty.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::error::Problems;
use super::location::Location;

/// The ids seen so far in one namespace (stores, coupons or envelopes).
pub(crate) struct Ids {
    what: &'static str,
    seen: HashMap<String, Range<usize>>,
}

impl Ids {
    /// No ids seen yet in the list of `what`s.
    pub(crate) fn new(what: &'static str) -> Ids {
        Ids {
            what,
            seen: HashMap::new(),
        }
    }

    /// Records `id`; a problem if it is empty or was seen before.
    pub(crate) fn check(&mut self, id: &Spanned<String>, problems: &mut Problems<'_>) {
        let what = self.what;
        if id.get_ref().is_empty() {
            problems.at(id.span(), format!("expected a {what} id, found \"\""));
            return;
        }
        match self.seen.get(id.get_ref()) {
            Some(first) => {
                let at = Location::of_offset(problems.text(), first.start);
                problems.at(
                    id.span(),
                    format!(
                        "expected a unique {what} id, found {:?} again (first at {at})",
                        id.get_ref()
                    ),
                );
            }
            None => {
                self.seen.insert(id.get_ref().clone(), id.span());
            }
        }
    }
}
