//! The rules part shared by quote scenarios and festival levels: money,
//! `[festival]`, `[[stores]]` and `[[coupons]]` as written
//! ([`super::schema`]) become the rules engine's types, every problem
//! recorded at its span and none stopping the others.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::error::Problems;
use super::ids::Ids;
use super::schema::{RawCoupon, RawDiscount, RawFestival, RawStore, RawTier, Yuan};
use crate::money::{Fen, MoneyError};
use crate::rules::{
    Coupon, CouponKind, CouponTarget, CrossStore, Festival, Store, StoreDiscount, ThresholdBasis,
    Tier,
};

/// The envelope limit when a festival does not set one (the real rule: 10).
const DEFAULT_ENVELOPE_LIMIT: usize = 10;

/// Reads the shared tables into rules types, recording problems in a
/// [`Problems`] it borrows.
pub(crate) struct RulesReader<'p, 't> {
    /// Where problems go.
    pub(crate) problems: &'p mut Problems<'t>,
}

impl<'p, 't> RulesReader<'p, 't> {
    /// A reader recording into `problems`.
    pub(crate) fn new(problems: &'p mut Problems<'t>) -> RulesReader<'p, 't> {
        RulesReader { problems }
    }

    /// The id → index map of stores, the first of duplicates winning.
    pub(crate) fn store_index(stores: &[Store]) -> HashMap<String, usize> {
        stores
            .iter()
            .enumerate()
            .rev()
            .map(|(i, s)| (s.id.to_string(), i))
            .collect()
    }

    pub(crate) fn money(&mut self, value: &Spanned<Yuan>) -> Fen {
        match value.get_ref().to_fen() {
            Ok(fen) => fen,
            Err(e) => {
                let found = self.problems.source(value.span());
                let message = match e {
                    MoneyError::Negative => {
                        format!("expected money in yuan, zero or more, found {found}")
                    }
                    MoneyError::NotFinite => {
                        format!("expected a finite amount of money in yuan, found {found}")
                    }
                    MoneyError::TooPrecise => {
                        format!("expected money in yuan with at most two decimals, found {found}")
                    }
                    MoneyError::TooLarge => format!(
                        "expected money in yuan up to a trillion (1000000000000), found {found}"
                    ),
                };
                self.problems.at(value.span(), message);
                Fen::ZERO
            }
        }
    }

    pub(crate) fn optional_money(&mut self, value: Option<&Spanned<Yuan>>) -> Fen {
        value.map_or(Fen::ZERO, |v| self.money(v))
    }

    /// A tier's step must be more than zero.
    pub(crate) fn step(&mut self, every: &Spanned<Yuan>) -> Fen {
        let fen = self.money(every);
        if every.get_ref().to_fen() == Ok(Fen::ZERO) {
            let found = self.problems.source(every.span());
            self.problems.at(
                every.span(),
                format!(
                    "expected `every` above zero (the step of a repeating tier), found {found}"
                ),
            );
        }
        fen
    }

    pub(crate) fn tier(&mut self, raw: &RawTier) -> Tier {
        Tier {
            every: self.step(&raw.every),
            off: self.money(&raw.off),
        }
    }

    /// A whole number that must be at least `least`.
    pub(crate) fn count(&mut self, value: &Spanned<i64>, least: i64, what: &str) -> i64 {
        let n = *value.get_ref();
        if n < least {
            self.problems.at(
                value.span(),
                format!("expected {what} of {least} or more, found {n}"),
            );
        }
        n.max(least)
    }

    /// A line's quantity: 1 to [`MAX_QTY`].
    pub(crate) fn festival(&mut self, raw: &RawFestival) -> Festival {
        let mut festival = Festival::default();
        if let (Some(tiered), Some(allowance)) = (&raw.cross_store, &raw.allowance) {
            let later = if tiered.span().start > allowance.span().start {
                tiered.span()
            } else {
                allowance.span()
            };
            self.problems.at(
                later,
                "expected either `cross_store` or `allowance` in [festival], found both",
            );
        }
        if let Some(tiered) = &raw.cross_store {
            festival.cross_store = CrossStore::Tiered(self.tier(tiered.get_ref()));
        }
        if let Some(allowance) = &raw.allowance {
            let a = allowance.get_ref();
            let tier = Tier {
                every: self.step(&a.every),
                off: self.money(&a.off),
            };
            let balance = self.money(&a.balance);
            festival.cross_store = CrossStore::Allowance { tier, balance };
        }
        if let Some(basis) = &raw.threshold_basis {
            festival.threshold_basis = match basis.get_ref().as_str() {
                "after_item" => ThresholdBasis::AfterItem,
                "after_cards" => ThresholdBasis::AfterCards,
                other => {
                    self.problems.at(
                        basis.span(),
                        format!(
                            "expected threshold_basis \"after_item\" or \"after_cards\", found {other:?}"
                        ),
                    );
                    ThresholdBasis::default()
                }
            };
        }
        festival.envelope_limit = match &raw.envelope_limit {
            Some(limit) => {
                let n = self.count(limit, 0, "an envelope limit");
                usize::try_from(n).unwrap_or(usize::MAX)
            }
            None => DEFAULT_ENVELOPE_LIMIT,
        };
        festival
    }

    pub(crate) fn stores(&mut self, raw: &[RawStore]) -> Vec<Store> {
        let mut ids = Ids::new("store");
        raw.iter()
            .map(|s| {
                ids.check(&s.id, self.problems);
                Store {
                    id: s.id.get_ref().as_str().into(),
                    cross_store: s.cross_store.as_ref().map(|t| self.tier(t)),
                    discount: s.discount.as_ref().map(|d| self.discount(d)),
                }
            })
            .collect()
    }

    pub(crate) fn discount(&mut self, raw: &Spanned<RawDiscount>) -> StoreDiscount {
        let d = raw.get_ref();
        let off = self.money(&d.off);
        match (&d.min, &d.every) {
            (Some(min), None) => StoreDiscount::Once {
                min: self.money(min),
                off,
            },
            (None, Some(every)) => StoreDiscount::Every(Tier {
                every: self.step(every),
                off,
            }),
            (both_or_none, _) => {
                let found = if both_or_none.is_some() {
                    "both"
                } else {
                    "neither"
                };
                self.problems.at(
                    raw.span(),
                    format!(
                        "expected exactly one of `min` (one-shot) or `every` (repeating) in a store discount, found {found}"
                    ),
                );
                StoreDiscount::Once {
                    min: Fen::ZERO,
                    off,
                }
            }
        }
    }

    /// The index of the store `name` names, recording a problem if none.
    pub(crate) fn store_ref(
        &mut self,
        name: &Spanned<String>,
        index: &HashMap<String, usize>,
    ) -> usize {
        match index.get(name.get_ref()) {
            Some(&s) => s,
            None => {
                self.problems.at(
                    name.span(),
                    format!(
                        "expected the id of a store declared in [[stores]], found {:?}",
                        name.get_ref()
                    ),
                );
                0
            }
        }
    }

    pub(crate) fn coupons(
        &mut self,
        raw: &[Spanned<RawCoupon>],
        index: &HashMap<String, usize>,
    ) -> Vec<Coupon> {
        let mut ids = Ids::new("coupon");
        raw.iter()
            .map(|spanned| {
                let span = spanned.span();
                let c = spanned.get_ref();
                ids.check(&c.id, self.problems);
                // An unknown kind is one problem; what it names is not checked.
                let (kind, target) = match self.coupon_kind(&c.kind) {
                    Some(kind) => (kind, self.coupon_target(c, kind, span, index)),
                    None => (CouponKind::ItemCoupon, CouponTarget::Item("".into())),
                };
                Coupon {
                    id: c.id.get_ref().as_str().into(),
                    kind,
                    target,
                    min: self.optional_money(c.min.as_ref()),
                    off: self.money(&c.off),
                }
            })
            .collect()
    }

    pub(crate) fn coupon_kind(&mut self, kind: &Spanned<String>) -> Option<CouponKind> {
        match kind.get_ref().as_str() {
            "store_coupon" => Some(CouponKind::StoreCoupon),
            "store_envelope" => Some(CouponKind::StoreEnvelope),
            "item_coupon" => Some(CouponKind::ItemCoupon),
            other => {
                self.problems.at(
                    kind.span(),
                    format!(
                        "expected coupon kind \"store_coupon\", \"store_envelope\" or \"item_coupon\", found {other:?}"
                    ),
                );
                None
            }
        }
    }

    /// An item coupon names an `item`; a store card names a `store`.
    pub(crate) fn coupon_target(
        &mut self,
        c: &RawCoupon,
        kind: CouponKind,
        span: Range<usize>,
        index: &HashMap<String, usize>,
    ) -> CouponTarget {
        let (wanted, unwanted, other) = if kind == CouponKind::ItemCoupon {
            ("item", &c.store, "store")
        } else {
            ("store", &c.item, "item")
        };
        if let Some(extra) = unwanted {
            self.problems.at(
                extra.span(),
                format!(
                    "expected no `{other}` in this {} (it names a `{wanted}`), found {other} = {:?}",
                    kind.label(),
                    extra.get_ref()
                ),
            );
        }
        match kind {
            CouponKind::ItemCoupon => match &c.item {
                Some(item) => CouponTarget::Item(item.get_ref().as_str().into()),
                None => {
                    self.missing_target(span, kind, "item = \"…\"");
                    CouponTarget::Item("".into())
                }
            },
            CouponKind::StoreCoupon | CouponKind::StoreEnvelope => match &c.store {
                Some(store) => CouponTarget::Store(self.store_ref(store, index)),
                None => {
                    self.missing_target(span, kind, "store = \"…\"");
                    CouponTarget::Store(0)
                }
            },
        }
    }

    pub(crate) fn missing_target(&mut self, span: Range<usize>, kind: CouponKind, key: &str) {
        self.problems.at(
            span,
            format!("expected `{key}` in this {}, found none", kind.label()),
        );
    }
}
