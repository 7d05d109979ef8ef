//! The 11.11 day's state: the clock, the shop (store tabs, item rows,
//! search), the cart, the overlays (checkout review, refusal card), notices
//! and the "see now, buy now" show. How it moves is in [`super::shop`];
//! checkout itself is in [`super::checkout`].

use serde::{Deserialize, Serialize};

use super::clock::Clock;
use super::crowd::{self, Stock};
use super::{GameRng, TICKS_PER_SECOND};
use crate::level::{ClockTime, DAY_MINUTES, Level};
use crate::money::Fen;
use crate::rules::Id;

/// How long a notice shows (2.5 s of running time).
pub const NOTICE_TICKS: u64 = 150;

/// One cart line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartEntry {
    /// Index into the level's items.
    pub item: usize,
    /// Units.
    pub qty: u32,
}

/// Why a checkout was refused (nothing was paid).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refused {
    /// Not enough stock (the crowd bought it).
    OutOfStock {
        /// Item id.
        item: Id,
        /// Wanted.
        wanted: i64,
        /// Left.
        left: i64,
    },
    /// Over the per-person limit (counting earlier purchases).
    OverLimit {
        /// Item id.
        item: Id,
        /// Wanted.
        wanted: i64,
        /// Units still allowed.
        limit: i64,
    },
    /// Balance + credit do not cover it.
    OverCredit {
        /// To pay.
        total: Fen,
        /// Cash + credit left.
        available: Fen,
        /// Shortfall.
        short_by: Fen,
    },
    /// Not on sale now: a flash sale not open yet, a look gone from the runway.
    NotOnSale {
        /// Item id.
        item: Id,
        /// When it opens, if it will.
        opens: Option<ClockTime>,
    },
}

/// What covers the shop.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Overlay {
    /// Nothing: browsing.
    #[default]
    None,
    /// The checkout review (the receipt step by step; nothing charged yet).
    /// `best`: priced with the best plan instead of the default picks.
    Review {
        /// Use the best plan.
        best: bool,
        /// `Some(item)`: the review of one runway look bought now (`B`), not
        /// of the cart. (Left out of saves when `None`.)
        #[serde(default, skip_serializing_if = "Option::is_none")]
        look: Option<usize>,
    },
    /// "Checkout refused · nothing was paid", with every reason.
    Refused(Vec<Refused>),
}

/// A short message for the shop's status line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticeKind {
    /// One more unit in the cart.
    Added {
        /// Item index.
        item: usize,
    },
    /// One unit fewer.
    Removed {
        /// Item index.
        item: usize,
    },
    /// A flash-sale item before its time.
    NotYet {
        /// Item index.
        item: usize,
        /// Opening time.
        opens: ClockTime,
    },
    /// Sold out.
    SoldOut {
        /// Item index.
        item: usize,
    },
    /// At the per-person limit.
    AtLimit {
        /// Item index.
        item: usize,
        /// The limit.
        limit: u32,
    },
    /// A presale item without a reservation (the deposit window is over).
    NotReserved {
        /// Item index.
        item: usize,
    },
    /// A presale balance is paid for the reserved quantity only.
    PresaleQty {
        /// Item index.
        item: usize,
    },
    /// Paid.
    Paid {
        /// Charged.
        pay: Fen,
        /// Saved.
        saved: Fen,
    },
    /// The cart is empty.
    CartEmpty,
    /// An event fired (index into the level's events).
    Event {
        /// Event index.
        event: usize,
    },
    /// A rain event came but no draws are left today.
    NoDrawsLeft,
}

/// A notice and when it fades (in running ticks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// What.
    pub kind: NoticeKind,
    /// Running tick it fades.
    pub until: u64,
}

/// A bought line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseLine {
    /// Item index.
    pub item: usize,
    /// Units.
    pub qty: u32,
    /// Festival price × qty.
    pub goods: Fen,
    /// Charged now for the line.
    pub pay: Fen,
    /// Deposit paid in the warm-up for it.
    pub deposit: Fen,
}

/// One accepted checkout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purchase {
    /// Clock minute.
    pub minute: u16,
    /// Lines.
    pub lines: Vec<PurchaseLine>,
    /// Goods.
    pub goods: Fen,
    /// Discounts + presale bonus.
    pub saved: Fen,
    /// Charged.
    pub pay: Fen,
    /// Of which cash.
    pub cash: Fen,
    /// Of which credit.
    pub credit: Fen,
    /// Envelope value used.
    pub envelopes_used: Fen,
    /// Bought on the runway.
    pub runway: bool,
}

/// A "see now, buy now" show in progress (the clock is stopped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Show {
    /// Index into the level's events.
    pub event: usize,
    /// The looks' items, in order.
    pub looks: Vec<usize>,
    /// Ticks each look stays on stage.
    pub look_ticks: u64,
    /// Ticks the show has run.
    pub elapsed: u64,
}

impl Show {
    /// The look on stage (index into `looks`), `None` once the show is over.
    pub fn current(&self) -> Option<usize> {
        let i = (self.elapsed / self.look_ticks) as usize;
        (i < self.looks.len()).then_some(i)
    }

    /// The item on stage.
    pub fn on_stage(&self) -> Option<usize> {
        self.current().map(|i| self.looks[i])
    }

    /// Ticks the current look has left.
    pub fn look_left(&self) -> u64 {
        self.look_ticks - self.elapsed % self.look_ticks
    }
}

/// What the crowd has bought of a look `into` ticks into its walk: it buys
/// `crowd`% of the 00:00 `stock` over the `look_ticks` the look is on stage.
pub(super) fn show_share(stock: u32, crowd: u8, into: u64, look_ticks: u64) -> u32 {
    let target = u64::from(stock) * u64::from(crowd) / 100;
    (target * into / look_ticks) as u32
}

/// The day's state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Day {
    /// Ticks the clock has run (it stops for rains and shows).
    pub ticks: u64,
    /// The clock minute the crowd has been simulated up to.
    pub minute: u16,
    /// Per item.
    pub stock: Vec<Stock>,
    /// Events in firing order (indices into the level's events).
    pub schedule: Vec<usize>,
    /// How many of `schedule` have fired.
    pub fired: usize,
    /// The rush factor once the rush is on.
    pub rush: Option<u32>,
    /// The show on the runway.
    pub show: Option<Show>,
    /// Runway items that have walked: now sold in their store, on their
    /// after-show terms.
    pub runway_gone: Vec<usize>,
    /// The selected store tab.
    pub store_tab: usize,
    /// The selected row of the visible list.
    pub item_row: usize,
    /// The search filter.
    pub search: String,
    /// The cart.
    pub cart: Vec<CartEntry>,
    /// The selected cart line.
    pub cart_row: usize,
    /// What covers the shop.
    pub overlay: Overlay,
    /// The status line.
    pub notice: Option<Notice>,
    /// Events that fired: (event index, clock minute).
    pub news: Vec<(usize, u16)>,
    /// Accepted checkouts.
    pub purchases: Vec<Purchase>,
}

impl Day {
    /// The day before 00:00.
    pub fn new(level: &Level, rng: &mut GameRng) -> Day {
        let mut schedule: Vec<usize> = (0..level.events.len()).collect();
        schedule.sort_by_key(|&i| (level.events[i].at, i));
        Day {
            ticks: 0,
            minute: 0,
            stock: crowd::opening_stock(level, rng),
            schedule,
            fired: 0,
            rush: None,
            show: None,
            runway_gone: Vec::new(),
            store_tab: 0,
            item_row: 0,
            search: String::new(),
            cart: Vec::new(),
            cart_row: 0,
            overlay: Overlay::None,
            notice: None,
            news: Vec::new(),
            purchases: Vec::new(),
        }
    }

    /// The items the list shows: the store tab's, or every store's matching
    /// the search (by item or store name, case-insensitive). Runway items
    /// join their store's list once they have walked.
    pub fn visible_items(&self, level: &Level) -> Vec<usize> {
        let needle = self.search.to_lowercase();
        level
            .items
            .iter()
            .enumerate()
            .filter(|(i, it)| !it.runway || self.runway_gone.contains(i))
            .filter(|(_, it)| {
                if needle.is_empty() {
                    level.store_index(&it.store) == Some(self.store_tab)
                } else {
                    let store = level
                        .store_index(&it.store)
                        .map_or("", |s| level.stores[s].name.as_str());
                    it.name.to_lowercase().contains(&needle)
                        || store.to_lowercase().contains(&needle)
                }
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The selected item, if the list has one.
    pub fn selected_item(&self, level: &Level) -> Option<usize> {
        self.visible_items(level).get(self.item_row).copied()
    }

    /// Units of `item` in the cart.
    pub fn in_cart(&self, item: usize) -> u32 {
        self.cart
            .iter()
            .filter(|c| c.item == item)
            .map(|c| c.qty)
            .sum()
    }

    /// Everything paid at checkouts.
    pub fn paid_total(&self) -> Fen {
        self.purchases.iter().map(|p| p.pay).sum()
    }

    /// Everything saved at checkouts.
    pub fn saved_total(&self) -> Fen {
        self.purchases.iter().map(|p| p.saved).sum()
    }

    /// Events still to come, in order (indices into the level's events).
    pub fn upcoming(&self) -> &[usize] {
        &self.schedule[self.fired.min(self.schedule.len())..]
    }

    /// Ticks until the next visible change: the clock minute, the seconds to
    /// midnight, a look on the runway, a notice fading.
    pub fn next_change(&self, clock: Clock, active: u64) -> Option<u64> {
        let mut next = u64::MAX;
        if let Some(n) = &self.notice
            && n.until > active
        {
            next = next.min(n.until - active);
        }
        if let Some(show) = &self.show {
            // The runway's dot and timers move every 0.1 s.
            let step = TICKS_PER_SECOND / 10;
            next = next.min(step - show.elapsed % step);
            return Some(next);
        }
        let m = clock.minute_at(self.ticks);
        if m < DAY_MINUTES {
            next = next.min(clock.ticks_for(m + 1) - self.ticks);
            let into_second = self.ticks % TICKS_PER_SECOND;
            next = next.min(TICKS_PER_SECOND - into_second);
        }
        Some(next)
    }

    /// What `item` costs now: its festival price, or a runway look's
    /// after-show price once it has walked.
    pub fn price_of(&self, level: &Level, item: usize) -> Fen {
        let it = &level.items[item];
        match it.after_show {
            Some(a) if self.runway_gone.contains(&item) => a.price,
            _ => it.festival_price,
        }
    }

    /// True when `item` can be bought now (ignoring stock and limits).
    pub fn on_sale(&self, level: &Level, item: usize) -> bool {
        let it = &level.items[item];
        if it.runway {
            return self.show.as_ref().and_then(Show::on_stage) == Some(item)
                || self.runway_gone.contains(&item);
        }
        match self.stock[item].flash {
            Some(f) => self.minute >= f.opens,
            None => true,
        }
    }
}
