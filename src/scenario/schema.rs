//! The scenario file as written: TOML tables read by serde, every value that
//! a later check may complain about kept with its span. Checks that serde
//! cannot express (money rules, ids, store names) are in [`super::convert`],
//! which collects all of them at once.
//!
//! The rules part — money ([`Yuan`]), `[festival]` ([`RawFestival`]),
//! `[[stores]]` ([`RawStore`]) and `[[coupons]]` ([`RawCoupon`]) — is shared
//! with festival level files (`crate::level`), which read the same tables
//! with these same types and convert them with the same code.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use toml::Spanned;

use crate::money::{Fen, MoneyError};

/// An amount of yuan as a file writes it: a TOML integer (`299`) or float
/// (`12.5`). It becomes [`Fen`] with [`Yuan::to_fen`], which refuses
/// negative, non-finite and too precise amounts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Yuan {
    /// A TOML integer.
    Int(i64),
    /// A TOML float.
    Float(f64),
}

impl Yuan {
    /// The amount in fen, if it is valid money.
    pub fn to_fen(self) -> Result<Fen, MoneyError> {
        match self {
            Yuan::Int(y) => Fen::from_yuan_int(y),
            Yuan::Float(y) => Fen::from_yuan_float(y),
        }
    }
}

impl<'de> Deserialize<'de> for Yuan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Yuan, D::Error> {
        struct YuanVisitor;

        impl Visitor<'_> for YuanVisitor {
            type Value = Yuan;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("money in yuan (a number with at most two decimals)")
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Yuan, E> {
                Ok(Yuan::Int(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Yuan, E> {
                Ok(Yuan::Int(i64::try_from(v).unwrap_or(i64::MAX)))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Yuan, E> {
                Ok(Yuan::Float(v))
            }
        }

        deserializer.deserialize_any(YuanVisitor)
    }
}

/// The whole file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScenario {
    pub(crate) festival: Option<RawFestival>,
    #[serde(default)]
    pub(crate) stores: Vec<RawStore>,
    #[serde(default)]
    pub(crate) cart: Vec<RawLine>,
    #[serde(default)]
    pub(crate) coupons: Vec<Spanned<RawCoupon>>,
    #[serde(default)]
    pub(crate) envelopes: Vec<RawEnvelope>,
    pub(crate) wallet: Option<RawWallet>,
}

/// `[festival]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFestival {
    pub(crate) cross_store: Option<Spanned<RawTier>>,
    pub(crate) allowance: Option<Spanned<RawAllowance>>,
    pub(crate) threshold_basis: Option<Spanned<String>>,
    pub(crate) envelope_limit: Option<Spanned<i64>>,
}

/// `{ every = 300, off = 40 }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTier {
    pub(crate) every: Spanned<Yuan>,
    pub(crate) off: Spanned<Yuan>,
}

/// `{ every = 400, off = 50, balance = 700 }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAllowance {
    pub(crate) every: Spanned<Yuan>,
    pub(crate) off: Spanned<Yuan>,
    pub(crate) balance: Spanned<Yuan>,
}

/// One `[[stores]]` table. `name` and `region` are labels: a level shows
/// them (and needs `name`); a quote scenario may give them and ignores them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStore {
    pub(crate) id: Spanned<String>,
    pub(crate) name: Option<Spanned<String>>,
    pub(crate) region: Option<String>,
    pub(crate) cross_store: Option<RawTier>,
    pub(crate) discount: Option<Spanned<RawDiscount>>,
}

/// A store's `discount`: `{ min, off }` or `{ every, off }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDiscount {
    pub(crate) min: Option<Spanned<Yuan>>,
    pub(crate) every: Option<Spanned<Yuan>>,
    pub(crate) off: Spanned<Yuan>,
}

/// One `[[cart]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLine {
    pub(crate) item: Spanned<String>,
    pub(crate) store: Spanned<String>,
    pub(crate) price: Spanned<Yuan>,
    pub(crate) qty: Option<Spanned<i64>>,
    #[serde(default)]
    pub(crate) flash_sale: bool,
    pub(crate) presale: Option<RawPresale>,
    pub(crate) stock: Option<Spanned<i64>>,
    pub(crate) limit: Option<Spanned<i64>>,
}

/// A cart line's `presale = { deposit, counts_as }`, per unit.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPresale {
    pub(crate) deposit: Spanned<Yuan>,
    pub(crate) counts_as: Option<Spanned<Yuan>>,
}

/// One `[[coupons]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCoupon {
    pub(crate) id: Spanned<String>,
    pub(crate) kind: Spanned<String>,
    pub(crate) store: Option<Spanned<String>>,
    pub(crate) item: Option<Spanned<String>>,
    pub(crate) min: Option<Spanned<Yuan>>,
    pub(crate) off: Spanned<Yuan>,
}

/// One `[[envelopes]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEnvelope {
    pub(crate) id: Spanned<String>,
    pub(crate) value: Spanned<Yuan>,
    pub(crate) min_spend: Option<Spanned<Yuan>>,
    #[serde(default)]
    pub(crate) expired: bool,
}

/// `[wallet]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWallet {
    pub(crate) balance: Option<Spanned<Yuan>>,
    pub(crate) credit: Option<Spanned<Yuan>>,
}
