//! Real 11.11 GMV records (Alibaba, as published), read from
//! `levels/records.toml` for the results chart.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::load::{LevelError, line_col};
use super::units::yuan;
use crate::money::Fen;

/// One year's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GmvRecord {
    /// The year.
    pub year: u16,
    /// GMV in yuan; `None` when not disclosed.
    #[serde(with = "yuan::opt", default)]
    pub gmv: Option<Fen>,
    /// Days the figure covers (2020: 11).
    #[serde(default = "one")]
    pub days: u32,
    /// A short note ("27 brands", "not disclosed").
    #[serde(default)]
    pub note: String,
}

fn one() -> u32 {
    1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordsFile {
    records: Vec<GmvRecord>,
}

/// The shipped records, oldest first (read once, on first use).
pub fn gmv_records() -> Result<&'static [GmvRecord], &'static LevelError> {
    static RECORDS: LazyLock<Result<Vec<GmvRecord>, LevelError>> = LazyLock::new(read_records);
    RECORDS.as_deref()
}

fn read_records() -> Result<Vec<GmvRecord>, LevelError> {
    let text = include_str!("../../levels/records.toml");
    let file: RecordsFile = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((0, 0), |s| line_col(text, s.start));
        LevelError {
            file: "records.toml".to_string(),
            line,
            column,
            message: e.message().trim().to_string(),
            more: 0,
        }
    })?;
    Ok(file.records)
}
