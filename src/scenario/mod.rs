//! Scenario files for `double11 quote`: one checkout written in TOML (the
//! format is in the mechanics reference, "`double11 quote` — the checkout as
//! a command"), read into the rules engine's [`Order`].
//!
//! Money is written in yuan, as a TOML integer or a float with at most two
//! decimals. Every problem names its place as `FILE:LINE:COL`: a TOML syntax
//! error, a wrong type or an unknown key stops reading at the first one (as
//! serde does); every other problem (money, ids, store names, tiers,
//! quantities, coupon kinds) is collected, so one run lists them all.
//!
//! Defaults: no `[festival]` or a festival with neither tier means no
//! cross-store step; `threshold_basis` is `"after_item"`; `envelope_limit` is
//! 10; a missing `[wallet]` (or key in it) is 0; `qty` is 1; a coupon's `min`
//! and an envelope's `min_spend` are 0; a presale's `counts_as` is its
//! deposit. This module does no terminal I/O.

pub(crate) mod convert;
pub(crate) mod error;
pub(crate) mod ids;
mod location;
pub(crate) mod reader;
pub(crate) mod schema;

#[cfg(test)]
mod tests;

use std::path::Path;

pub use error::{ScenarioError, ScenarioErrors};
pub use location::Location;
pub use schema::Yuan;

use crate::rules::Order;
use error::Problems;

/// Reads the scenario file at `path`. The errors name the file as `path`
/// is written; an unreadable file is one error without a place.
pub fn load(path: impl AsRef<Path>) -> Result<Order, ScenarioErrors> {
    let path = path.as_ref();
    let file = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &file),
        Err(e) => Err(ScenarioErrors::whole_file(
            &file,
            format!("cannot read the scenario file: {e}"),
        )),
    }
}

/// Reads a scenario from `text`; `file_name` is the name the errors give.
pub fn parse(text: &str, file_name: &str) -> Result<Order, ScenarioErrors> {
    let mut problems = Problems::new(text, file_name);
    let raw: schema::RawScenario = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            problems.at(span, syntax_message(e.message()));
            return Err(problems.into_errors());
        }
    };
    let order = convert::convert(raw, &mut problems);
    problems.finish().map(|()| order)
}

/// toml's (or serde's) message as one line that says what was expected.
pub(crate) fn syntax_message(message: &str) -> String {
    let one_line = message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    match one_line
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        Some(key) => format!("expected key `{key}` in this table, found none"),
        None => one_line,
    }
}
