//! From the file as written ([`super::schema`]) to the engine's
//! [`Order`], checking everything serde cannot: money, ids, store names,
//! tiers and limits. Every problem is recorded; none stops the others. The
//! rules part (festival, stores, coupons, money) is read by the
//! [`RulesReader`] that levels share.

use std::collections::HashMap;

use toml::Spanned;

use super::error::Problems;
use super::ids::Ids;
use super::reader::RulesReader;
use super::schema::{RawEnvelope, RawLine, RawPresale, RawScenario, RawWallet};
use crate::money::Fen;
use crate::rules::{CartLine, Envelope, Festival, Order, Presale, Wallet};

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
        rules: RulesReader::new(problems),
        cart_total: 0,
    };
    let festival = raw
        .festival
        .as_ref()
        .map_or_else(Festival::default, |f| c.rules.festival(f));
    let stores = c.rules.stores(&raw.stores);
    let index = RulesReader::store_index(&stores);
    let lines = raw.cart.into_iter().map(|l| c.line(l, &index)).collect();
    let coupons = c.rules.coupons(&raw.coupons, &index);
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
    rules: RulesReader<'p, 't>,
    /// Σ price × qty of the lines so far, in fen.
    cart_total: i128,
}

impl Converter<'_, '_> {
    fn quantity(&mut self, value: &Spanned<i64>) -> i64 {
        let n = self.rules.count(value, 1, "a quantity");
        if n > MAX_QTY {
            self.rules.problems.at(
                value.span(),
                format!("expected a quantity of at most {MAX_QTY}, found {n}"),
            );
            return MAX_QTY;
        }
        n
    }

    fn line(&mut self, raw: RawLine, index: &HashMap<String, usize>) -> CartLine {
        let store = self.rules.store_ref(&raw.store, index);
        let price = self.rules.money(&raw.price);
        let qty = raw.qty.as_ref().map_or(1, |q| self.quantity(q));
        let before = self.cart_total;
        self.cart_total += i128::from(price.get()) * i128::from(qty);
        if before <= MAX_TOTAL && self.cart_total > MAX_TOTAL {
            self.rules.problems.at(
                raw.price.span(),
                "expected a cart of at most a trillion yuan in all, found more with this line",
            );
        }
        let presale = raw.presale.as_ref().map(|p| self.presale(p, price));
        CartLine {
            item: raw.item.into_inner().into(),
            store,
            price,
            qty,
            flash_sale: raw.flash_sale,
            presale,
            stock: raw
                .stock
                .as_ref()
                .map(|s| self.rules.count(s, 0, "a stock")),
            limit: raw
                .limit
                .as_ref()
                .map(|l| self.rules.count(l, 0, "a purchase limit")),
        }
    }

    fn presale(&mut self, raw: &RawPresale, price: Fen) -> Presale {
        let deposit = self.rules.money(&raw.deposit);
        let Some(counts) = &raw.counts_as else {
            return Presale {
                deposit,
                counts_as: deposit,
            };
        };
        let counts_as = self.rules.money(counts);
        let found = self.rules.problems.source(counts.span());
        if counts_as < deposit {
            self.rules.problems.at(
                counts.span(),
                format!(
                    "expected presale `counts_as` at least the deposit ({}), found {found}",
                    deposit.plain()
                ),
            );
        } else if counts_as > price {
            self.rules.problems.at(
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

    fn envelopes(&mut self, raw: Vec<RawEnvelope>) -> Vec<Envelope> {
        let mut ids = Ids::new("envelope");
        let mut total: i128 = 0;
        raw.into_iter()
            .map(|e| {
                ids.check(&e.id, self.rules.problems);
                let value = self.rules.money(&e.value);
                let before = total;
                total += i128::from(value.get());
                if before <= MAX_TOTAL && total > MAX_TOTAL {
                    self.rules.problems.at(
                        e.value.span(),
                        "expected envelopes worth at most a trillion yuan in all, found more with this one",
                    );
                }
                Envelope {
                    value,
                    min_spend: self.rules.optional_money(e.min_spend.as_ref()),
                    expired: e.expired,
                    id: e.id.into_inner().into(),
                }
            })
            .collect()
    }

    fn wallet(&mut self, raw: RawWallet) -> Wallet {
        Wallet {
            balance: self.rules.optional_money(raw.balance.as_ref()),
            credit: self.rules.optional_money(raw.credit.as_ref()),
        }
    }
}
