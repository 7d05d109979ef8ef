//! Checks that look across a level's sections: the events on the clock, the
//! ids that the wishlist, the warm-up and the coupons name, and whether the
//! wallet can pay for the wishlist at all. Each problem at its own span.

use std::collections::BTreeSet;

use toml::Spanned;

use super::convert::{LevelReader, yuan};
use super::raw::{RawEvent, RawLevel};
use super::schema::{EventKind, EventSpec, Level};
use super::units::{ClockTime, DAY_MINUTES};
use crate::money::Fen;
use crate::rules::{self, CartLine, CouponTarget, Order, Presale, Refusal, Wallet};

/// The most a wishlist may cost to be priced (a trillion yuan in fen), so
/// the engine's sums stay in range.
const MAX_WISHLIST: i128 = 100_000_000_000_000;

impl LevelReader<'_, '_> {
    /// Reads and checks `[[events]]` against the level's items and rains.
    pub(crate) fn events(&mut self, raw: &RawLevel, level: &Level) -> Vec<EventSpec> {
        let mut flash = BTreeSet::new();
        let mut runway = BTreeSet::new();
        let events: Vec<EventSpec> = raw
            .events
            .iter()
            .filter_map(|e| self.event(e.get_ref(), level, &mut flash, &mut runway))
            .collect();
        for it in &raw.items {
            let it = it.get_ref();
            if let Some(r) = it.runway.as_ref().filter(|r| *r.get_ref())
                && !runway.contains(it.id.get_ref().as_str())
            {
                self.at(
                    r.span(),
                    format!(
                        "expected runway item {:?} to walk in a show's looks, found it in none",
                        it.id.get_ref()
                    ),
                );
            }
        }
        events
    }

    fn event(
        &mut self,
        e: &RawEvent,
        level: &Level,
        flash: &mut BTreeSet<String>,
        runway: &mut BTreeSet<String>,
    ) -> Option<EventSpec> {
        let at = match ClockTime::parse(e.at.get_ref()) {
            Ok(t) if t.minutes() < DAY_MINUTES => t,
            _ => {
                self.at(
                    e.at.span(),
                    format!(
                        "expected an event time \"HH:MM\" from 00:00 to 23:59, found {:?}",
                        e.at.get_ref()
                    ),
                );
                ClockTime(0)
            }
        };
        let kind = match e.kind.get_ref().as_str() {
            "flash_sale" => EventKind::FlashSale,
            "rain" => EventKind::Rain,
            "show" => EventKind::Show,
            "rush" => EventKind::Rush,
            "notice" => EventKind::Notice,
            other => {
                self.at(
                    e.kind.span(),
                    format!(
                        "expected event kind \"flash_sale\", \"rain\", \"show\", \"rush\" or \"notice\", found {other:?}"
                    ),
                );
                return None;
            }
        };
        let mut spec = EventSpec {
            at,
            kind,
            items: Vec::new(),
            minutes: 3,
            rain: None,
            looks: Vec::new(),
            look_seconds: 6,
            factor: 2,
            text: String::new(),
        };
        match kind {
            EventKind::FlashSale => {
                spec.items = self.event_items(e, e.items.as_ref(), "items", level, flash, false);
                if let Some(m) = &e.minutes {
                    spec.minutes = self.int(m, 1..=1440, "minutes") as u16;
                }
            }
            EventKind::Rain => match &e.rain {
                Some(id) if level.rain_index(id.get_ref()).is_some() => {
                    spec.rain = Some(id.get_ref().clone());
                }
                Some(id) => self.at(
                    id.span(),
                    format!(
                        "expected the id of a rain declared in [[rains]], found {:?}",
                        id.get_ref()
                    ),
                ),
                None => self.at(
                    e.kind.span(),
                    "expected `rain = \"<id>\"` in this rain event, found none",
                ),
            },
            EventKind::Show => {
                spec.looks = self.event_items(e, e.looks.as_ref(), "looks", level, runway, true);
                if let Some(s) = &e.look_seconds {
                    spec.look_seconds = self.int(s, 1..=60, "look_seconds") as u32;
                }
            }
            EventKind::Rush => {
                if let Some(f) = &e.factor {
                    spec.factor = self.int(f, 1..=20, "a rush factor") as u32;
                }
            }
            EventKind::Notice => match &e.text {
                Some(t) if !t.get_ref().trim().is_empty() => spec.text = t.get_ref().clone(),
                Some(t) => self.at(t.span(), "expected notice text, found \"\""),
                None => self.at(
                    e.kind.span(),
                    "expected `text = \"…\"` in this notice, found none",
                ),
            },
        }
        Some(spec)
    }

    /// A flash sale's `items` or a show's `looks`: known items, each in one
    /// sale or show only, in stock, and on the runway exactly for a show.
    fn event_items(
        &mut self,
        e: &RawEvent,
        ids: Option<&Spanned<Vec<Spanned<String>>>>,
        key: &str,
        level: &Level,
        seen: &mut BTreeSet<String>,
        show: bool,
    ) -> Vec<String> {
        let what = if show { "show" } else { "flash sale" };
        let list = match ids {
            Some(list) if !list.get_ref().is_empty() => list,
            Some(list) => {
                self.at(
                    list.span(),
                    format!("expected {key} in this {what}, found []"),
                );
                return Vec::new();
            }
            None => {
                self.at(
                    e.kind.span(),
                    format!("expected `{key} = [\"…\"]` in this {what}, found none"),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for id in list.get_ref() {
            let name = id.get_ref();
            let Some(k) = level.item_index(name) else {
                self.at(
                    id.span(),
                    format!("expected the id of an item declared in [[items]], found {name:?}"),
                );
                continue;
            };
            let it = &level.items[k];
            let problem = if show && !it.runway {
                Some(format!(
                    "expected a runway item (runway = true) in a show, found {name:?}"
                ))
            } else if !show && (it.runway || it.presale.is_some()) {
                Some(format!(
                    "expected a flash-sale item that is neither runway nor presale, found {name:?}"
                ))
            } else if !show && it.stock == 0 {
                Some(format!(
                    "expected a flash-sale item with stock, found {name:?} with stock = 0"
                ))
            } else if !seen.insert(name.clone()) {
                Some(format!(
                    "expected {name:?} in one {what} only, found it again"
                ))
            } else {
                None
            };
            match problem {
                Some(p) => self.at(id.span(), p),
                None => out.push(name.clone()),
            }
        }
        out
    }

    /// The ids the wishlist, the warm-up and item coupons name.
    pub(crate) fn references(&mut self, raw: &RawLevel, level: &Level) {
        if let Some(w) = &raw.wishlist {
            let mut seen = BTreeSet::new();
            for id in w.get_ref() {
                if level.item_index(id.get_ref()).is_none() {
                    self.at(
                        id.span(),
                        format!(
                            "expected the id of an item declared in [[items]], found {:?}",
                            id.get_ref()
                        ),
                    );
                } else if !seen.insert(id.get_ref()) {
                    self.at(
                        id.span(),
                        format!(
                            "expected each wishlist item once, found {:?} again",
                            id.get_ref()
                        ),
                    );
                }
            }
        }
        for id in raw.envelopes.get_ref().warmup.get_ref() {
            if level.rain_index(id.get_ref()).is_none() {
                self.at(
                    id.span(),
                    format!(
                        "expected the id of a rain declared in [[rains]], found {:?}",
                        id.get_ref()
                    ),
                );
            }
        }
        for c in &raw.coupons {
            if let Some(item) = &c.get_ref().item
                && level.item_index(item.get_ref()).is_none()
            {
                self.at(
                    item.span(),
                    format!(
                        "expected the id of an item declared in [[items]], found {:?}",
                        item.get_ref()
                    ),
                );
            }
        }
    }

    /// Whether the wallet (balance + credit + the raise) pays the wishlist's
    /// best plan with the level's coupons and no envelopes. Run only on a
    /// level with no other problem.
    pub(crate) fn reachable(&mut self, raw: &RawLevel, level: &Level) {
        let Some(w) = &raw.wishlist else { return };
        match wishlist_cost(level) {
            Ok((need, available)) if need <= available => {}
            Ok((need, available)) => self.at(
                w.span(),
                format!(
                    "expected a wishlist the wallet can pay (balance + credit {}), found one whose best plan costs {}",
                    yuan(available),
                    yuan(need)
                ),
            ),
            Err(why) => self.at(
                w.span(),
                format!("expected a wishlist the player can buy, found {why}"),
            ),
        }
    }
}

/// The wishlist's cost at its best plan (deposits included) and what the
/// wallet holds, or why it cannot be bought at all.
pub fn wishlist_cost(level: &Level) -> Result<(Fen, Fen), String> {
    let mut lines = Vec::new();
    let mut deposits = Fen::ZERO;
    let mut total: i128 = 0;
    for id in &level.wishlist {
        let k = level
            .item_index(id)
            .ok_or_else(|| format!("unknown item {id:?}"))?;
        let it = &level.items[k];
        let qty = match it.presale {
            Some(p) if p.reserved == 0 => {
                return Err(format!("presale item {id:?} with nothing reserved"));
            }
            Some(p) => {
                deposits += p.deposit * i64::from(p.reserved);
                i64::from(p.reserved)
            }
            None => 1,
        };
        total += i128::from(it.festival_price.0) * i128::from(qty);
        if total > MAX_WISHLIST {
            return Err("one costing over a trillion yuan".to_string());
        }
        let flash = level
            .events
            .iter()
            .any(|e| e.kind == EventKind::FlashSale && e.items.contains(id));
        lines.push(CartLine {
            presale: it.presale.map(|p| Presale {
                deposit: p.deposit,
                counts_as: p.counts_as,
            }),
            flash_sale: flash,
            stock: Some(i64::from(it.stock)),
            limit: it.limit.map(i64::from),
            ..CartLine::new(
                it.id.clone(),
                level.store_index(&it.store).unwrap_or(0),
                it.festival_price,
                qty,
            )
        });
    }
    let w = &level.wallet;
    let available = w.balance + w.credit + w.credit_raise;
    let order = Order {
        festival: level.festival.clone(),
        stores: level.stores.iter().map(|s| s.rules()).collect(),
        lines,
        coupons: level
            .coupons
            .iter()
            .filter(|c| match &c.target {
                CouponTarget::Store(s) => *s < level.stores.len(),
                CouponTarget::Item(_) => true,
            })
            .cloned()
            .collect(),
        envelopes: Vec::new(),
        wallet: Wallet {
            balance: (w.balance - deposits).at_least_zero(),
            credit: (w.credit + w.credit_raise - (deposits - w.balance).at_least_zero())
                .at_least_zero(),
        },
    };
    let receipt = rules::best_plan(&order).receipt;
    for r in &receipt.refused {
        match r {
            Refusal::OutOfStock { item, .. } => {
                return Err(format!("{item:?} with no stock"));
            }
            Refusal::OverLimit { item, .. } => {
                return Err(format!("{item:?} over its purchase limit"));
            }
            _ => {}
        }
    }
    Ok((receipt.pay + deposits, available))
}
