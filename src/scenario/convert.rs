//! From the file as written ([`super::schema`]) to the engine's
//! [`Order`], checking everything serde cannot: money, ids, store names,
//! tiers and limits. Every problem is recorded; none stops the others.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::error::Problems;
use super::ids::Ids;
use super::schema::{
    RawCoupon, RawDiscount, RawEnvelope, RawFestival, RawLine, RawPresale, RawScenario, RawStore,
    RawTier, RawWallet, Yuan,
};
use crate::money::{Fen, MoneyError};
use crate::rules::{
    CartLine, Coupon, CouponKind, CouponTarget, CrossStore, Envelope, Festival, Order, Presale,
    Store, StoreDiscount, ThresholdBasis, Tier, Wallet,
};

/// The envelope limit when a festival does not set one (the real rule: 10).
const DEFAULT_ENVELOPE_LIMIT: usize = 10;

/// The most units one cart line may hold.
const MAX_QTY: i64 = 1_000_000;

/// The most a cart may cost, and the most a wallet's envelopes may be worth,
/// in fen (a trillion yuan, as for any single amount): beyond it the engine's
/// sums could overflow.
const MAX_TOTAL: i128 = 100_000_000_000_000;

/// Builds the order, recording every problem in `problems`. The order is
/// only meaningful when no problem was recorded.
pub(crate) fn convert(raw: RawScenario, problems: &mut Problems<'_>) -> Order {
    let mut c = Converter {
        problems,
        cart_total: 0,
    };
    let festival = raw
        .festival
        .map_or_else(Festival::default, |f| c.festival(f));
    let stores = c.stores(raw.stores);
    let index: HashMap<String, usize> = stores
        .iter()
        .enumerate()
        .rev()
        .map(|(i, s)| (s.id.clone(), i))
        .collect();
    let lines = raw.cart.into_iter().map(|l| c.line(l, &index)).collect();
    let coupons = c.coupons(raw.coupons, &index);
    let envelopes = c.envelopes(raw.envelopes);
    let wallet = raw.wallet.map_or_else(Wallet::default, |w| c.wallet(w));
    Order {
        festival,
        stores,
        lines,
        coupons,
        envelopes,
        wallet,
    }
}

struct Converter<'p, 't> {
    problems: &'p mut Problems<'t>,
    /// Σ price × qty of the lines so far, in fen.
    cart_total: i128,
}

impl Converter<'_, '_> {
    fn money(&mut self, value: &Spanned<Yuan>) -> Fen {
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

    fn optional_money(&mut self, value: Option<&Spanned<Yuan>>) -> Fen {
        value.map_or(Fen::ZERO, |v| self.money(v))
    }

    /// A tier's step must be more than zero.
    fn step(&mut self, every: &Spanned<Yuan>) -> Fen {
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

    fn tier(&mut self, raw: &RawTier) -> Tier {
        Tier {
            every: self.step(&raw.every),
            off: self.money(&raw.off),
        }
    }

    /// A whole number that must be at least `least`.
    fn count(&mut self, value: &Spanned<i64>, least: i64, what: &str) -> i64 {
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
    fn quantity(&mut self, value: &Spanned<i64>) -> i64 {
        let n = self.count(value, 1, "a quantity");
        if n > MAX_QTY {
            self.problems.at(
                value.span(),
                format!("expected a quantity of at most {MAX_QTY}, found {n}"),
            );
            return MAX_QTY;
        }
        n
    }

    fn festival(&mut self, raw: RawFestival) -> Festival {
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

    fn stores(&mut self, raw: Vec<RawStore>) -> Vec<Store> {
        let mut ids = Ids::new("store");
        raw.into_iter()
            .map(|s| {
                ids.check(&s.id, self.problems);
                Store {
                    id: s.id.get_ref().clone(),
                    cross_store: s.cross_store.as_ref().map(|t| self.tier(t)),
                    discount: s.discount.as_ref().map(|d| self.discount(d)),
                }
            })
            .collect()
    }

    fn discount(&mut self, raw: &Spanned<RawDiscount>) -> StoreDiscount {
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
    fn store_ref(&mut self, name: &Spanned<String>, index: &HashMap<String, usize>) -> usize {
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

    fn line(&mut self, raw: RawLine, index: &HashMap<String, usize>) -> CartLine {
        let store = self.store_ref(&raw.store, index);
        let price = self.money(&raw.price);
        let qty = raw.qty.as_ref().map_or(1, |q| self.quantity(q));
        let before = self.cart_total;
        self.cart_total += i128::from(price.get()) * i128::from(qty);
        if before <= MAX_TOTAL && self.cart_total > MAX_TOTAL {
            self.problems.at(
                raw.price.span(),
                "expected a cart of at most a trillion yuan in all, found more with this line",
            );
        }
        let presale = raw.presale.as_ref().map(|p| self.presale(p, price));
        CartLine {
            item: raw.item.into_inner(),
            store,
            price,
            qty,
            flash_sale: raw.flash_sale,
            presale,
            stock: raw.stock.as_ref().map(|s| self.count(s, 0, "a stock")),
            limit: raw
                .limit
                .as_ref()
                .map(|l| self.count(l, 0, "a purchase limit")),
        }
    }

    fn presale(&mut self, raw: &RawPresale, price: Fen) -> Presale {
        let deposit = self.money(&raw.deposit);
        let Some(counts) = &raw.counts_as else {
            return Presale {
                deposit,
                counts_as: deposit,
            };
        };
        let counts_as = self.money(counts);
        let found = self.problems.source(counts.span());
        if counts_as < deposit {
            self.problems.at(
                counts.span(),
                format!(
                    "expected presale `counts_as` at least the deposit ({}), found {found}",
                    deposit.plain()
                ),
            );
        } else if counts_as > price {
            self.problems.at(
                counts.span(),
                format!(
                    "expected presale `counts_as` at most the price ({}), found {found}",
                    price.plain()
                ),
            );
        }
        Presale {
            deposit,
            counts_as: counts_as.max(deposit),
        }
    }

    fn coupons(
        &mut self,
        raw: Vec<Spanned<RawCoupon>>,
        index: &HashMap<String, usize>,
    ) -> Vec<Coupon> {
        let mut ids = Ids::new("coupon");
        raw.into_iter()
            .map(|spanned| {
                let span = spanned.span();
                let c = spanned.into_inner();
                ids.check(&c.id, self.problems);
                // An unknown kind is one problem; what it names is not checked.
                let (kind, target) = match self.coupon_kind(&c.kind) {
                    Some(kind) => (kind, self.coupon_target(&c, kind, span, index)),
                    None => (CouponKind::ItemCoupon, CouponTarget::Item(String::new())),
                };
                Coupon {
                    id: c.id.into_inner(),
                    kind,
                    target,
                    min: self.optional_money(c.min.as_ref()),
                    off: self.money(&c.off),
                }
            })
            .collect()
    }

    fn coupon_kind(&mut self, kind: &Spanned<String>) -> Option<CouponKind> {
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
    fn coupon_target(
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
                Some(item) => CouponTarget::Item(item.get_ref().clone()),
                None => {
                    self.missing_target(span, kind, "item = \"…\"");
                    CouponTarget::Item(String::new())
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

    fn missing_target(&mut self, span: Range<usize>, kind: CouponKind, key: &str) {
        self.problems.at(
            span,
            format!("expected `{key}` in this {}, found none", kind.label()),
        );
    }

    fn envelopes(&mut self, raw: Vec<RawEnvelope>) -> Vec<Envelope> {
        let mut ids = Ids::new("envelope");
        let mut total: i128 = 0;
        raw.into_iter()
            .map(|e| {
                ids.check(&e.id, self.problems);
                let value = self.money(&e.value);
                let before = total;
                total += i128::from(value.get());
                if before <= MAX_TOTAL && total > MAX_TOTAL {
                    self.problems.at(
                        e.value.span(),
                        "expected envelopes worth at most a trillion yuan in all, found more with this one",
                    );
                }
                Envelope {
                    value,
                    min_spend: self.optional_money(e.min_spend.as_ref()),
                    expired: e.expired,
                    id: e.id.into_inner(),
                }
            })
            .collect()
    }

    fn wallet(&mut self, raw: RawWallet) -> Wallet {
        Wallet {
            balance: self.optional_money(raw.balance.as_ref()),
            credit: self.optional_money(raw.credit.as_ref()),
        }
    }
}
