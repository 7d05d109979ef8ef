//! A level file as written: TOML tables read by serde with unknown keys
//! refused, every value a check may complain about kept with its span so
//! each problem has an exact line and column. The rules part (`[festival]`,
//! `[[stores]]`, `[[coupons]]`, money) uses the `quote` scenario's own types.
//! Whole numbers are read as `i64` so a check can say "found -3" at its place.

use serde::Deserialize;
use toml::Spanned;

pub(crate) use crate::scenario::schema::{RawCoupon, RawFestival, RawStore, Yuan};

/// A list of ids as written, each with its span.
pub(crate) type Ids = Spanned<Vec<Spanned<String>>>;

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLevel {
    pub(crate) name: Spanned<String>,
    pub(crate) year: Spanned<i64>,
    #[serde(default)]
    pub(crate) market: String,
    pub(crate) currency: Option<String>,
    #[serde(default)]
    pub(crate) description: String,
    #[serde(default)]
    pub(crate) inventions: Vec<String>,
    pub(crate) day_seconds: Spanned<i64>,
    pub(crate) opening_seconds: Option<Spanned<i64>>,
    pub(crate) wishlist: Option<Ids>,
    pub(crate) wallet: Spanned<RawWallet>,
    pub(crate) festival: Option<RawFestival>,
    pub(crate) envelopes: Spanned<RawPool>,
    #[serde(default)]
    pub(crate) prizes: Vec<Spanned<RawPrize>>,
    #[serde(default)]
    pub(crate) rains: Vec<Spanned<RawRain>>,
    #[serde(default)]
    pub(crate) stores: Vec<RawStore>,
    #[serde(default)]
    pub(crate) items: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub(crate) coupons: Vec<Spanned<RawCoupon>>,
    #[serde(default)]
    pub(crate) events: Vec<Spanned<RawEvent>>,
    pub(crate) gmv: Spanned<RawGmv>,
    pub(crate) ranks: Option<Spanned<RawRanks>>,
}

/// `[wallet]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWallet {
    pub(crate) balance: Spanned<Yuan>,
    pub(crate) credit: Option<Spanned<Yuan>>,
    pub(crate) credit_raise: Option<Spanned<Yuan>>,
    pub(crate) budget: Spanned<Yuan>,
}

/// `[envelopes]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPool {
    pub(crate) pool: Spanned<Yuan>,
    pub(crate) draws_per_day: Spanned<i64>,
    pub(crate) warmup: Ids,
}

/// One `[[prizes]]` row.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPrize {
    pub(crate) value: Spanned<Yuan>,
    pub(crate) weight: Spanned<i64>,
    pub(crate) min_spend: Option<Spanned<Yuan>>,
    #[serde(default)]
    pub(crate) jackpot: bool,
}

/// One `[[rains]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRain {
    pub(crate) id: Spanned<String>,
    pub(crate) seconds: Spanned<i64>,
    pub(crate) lanes: Option<Spanned<i64>>,
    pub(crate) rows: Option<Spanned<i64>>,
    pub(crate) catch_rows: Option<Spanned<i64>>,
    pub(crate) speed: Spanned<i64>,
    pub(crate) spawn_every_ms: Spanned<i64>,
    pub(crate) spawn_end_ms: Option<Spanned<i64>>,
    pub(crate) pattern_percent: Option<Spanned<i64>>,
    pub(crate) crowd_rate: Spanned<Yuan>,
    pub(crate) pool: Option<Spanned<Yuan>>,
}

/// One `[[items]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawItem {
    pub(crate) id: Spanned<String>,
    pub(crate) store: Spanned<String>,
    pub(crate) name: String,
    pub(crate) price: Spanned<Yuan>,
    pub(crate) festival_price: Spanned<Yuan>,
    pub(crate) stock: Spanned<i64>,
    pub(crate) limit: Option<Spanned<i64>>,
    pub(crate) crowd: Option<Spanned<i64>>,
    pub(crate) presale: Option<RawPresale>,
    pub(crate) runway: Option<Spanned<bool>>,
    pub(crate) after_show: Option<Spanned<RawAfterShow>>,
}

/// A runway item's `after_show = { price, stock }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAfterShow {
    pub(crate) price: Option<Spanned<Yuan>>,
    pub(crate) stock: Option<Spanned<i64>>,
}

/// An item's `presale = { deposit, counts_as, reserved }`, per unit.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPresale {
    pub(crate) deposit: Spanned<Yuan>,
    pub(crate) counts_as: Spanned<Yuan>,
    pub(crate) reserved: Option<Spanned<i64>>,
}

/// One `[[events]]` table; which keys matter depends on `kind`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvent {
    pub(crate) at: Spanned<String>,
    pub(crate) kind: Spanned<String>,
    pub(crate) items: Option<Ids>,
    pub(crate) minutes: Option<Spanned<i64>>,
    pub(crate) rain: Option<Spanned<String>>,
    pub(crate) looks: Option<Ids>,
    pub(crate) look_seconds: Option<Spanned<i64>>,
    pub(crate) factor: Option<Spanned<i64>>,
    pub(crate) text: Option<Spanned<String>>,
}

/// `[gmv]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGmv {
    pub(crate) total: Option<Spanned<Yuan>>,
    pub(crate) hourly: Spanned<Vec<Spanned<i64>>>,
    #[serde(default)]
    pub(crate) source: String,
}

/// `[ranks]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRanks {
    pub(crate) s: Spanned<i64>,
    pub(crate) a: Spanned<i64>,
    pub(crate) b: Spanned<i64>,
    pub(crate) c: Spanned<i64>,
}
