//! A festival level as the game uses it: read and checked from a level file
//! by [`super::load`] (the file as written is [`super::raw`]), money in fen.
//! The rules part is the rules engine's own types, the same ones a `quote`
//! scenario becomes. Serializable so a saved game carries its level.
//! `levels/README.md` documents the file format with an example.

use serde::{Deserialize, Serialize};

use super::units::ClockTime;
use crate::money::Fen;
use crate::rules::{Coupon, Festival, Id, Store, StoreDiscount, Tier};

/// One festival: warm-up rains, the 11.11 day, its stores and its rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Level {
    /// Shown in menus ("2017 · Global Shopping Festival").
    pub name: String,
    /// The festival's year.
    pub year: u16,
    /// The market ("Tmall", "Taobao").
    pub market: String,
    /// Currency symbol for display.
    pub currency: String,
    /// A paragraph for the level-select details.
    pub description: String,
    /// Which numbers of this level are game inventions (shown with `†`).
    pub inventions: Vec<String>,
    /// Real seconds the 24-hour day takes (00:00 → 24:00).
    pub day_seconds: u32,
    /// Real seconds of the 00:00 big screen before the shop opens.
    pub opening_seconds: u32,
    /// Money, credit and the player's own budget.
    pub wallet: WalletSpec,
    /// The festival's checkout rules (read from the same `[festival]` keys as
    /// a `quote` scenario; an allowance's balance is what the player starts with).
    pub festival: Festival,
    /// The envelope pool and the draws.
    pub envelopes: PoolSpec,
    /// The weighted envelope table every rain draws from.
    pub prizes: Vec<Prize>,
    /// The rains (warm-up and those the day's events call).
    pub rains: Vec<RainSpec>,
    /// The stores.
    pub stores: Vec<StoreSpec>,
    /// The items on sale.
    pub items: Vec<ItemSpec>,
    /// Coupons the player holds when the day starts (claimed in the warm-up).
    pub coupons: Vec<Coupon>,
    /// Item ids the player wants (scored at midnight).
    pub wishlist: Vec<String>,
    /// Scheduled events on the 11.11 clock.
    pub events: Vec<EventSpec>,
    /// The crowd's sales on the big screen.
    pub gmv: GmvSpec,
    /// Score needed for each rank.
    pub ranks: RankSpec,
}

/// Money the player starts with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WalletSpec {
    /// Cash on hand (Alipay balance).
    pub balance: Fen,
    /// Credit line (花呗).
    pub credit: Fen,
    /// A temporary credit raise for the festival (2017: about ¥2,200 on average).
    pub credit_raise: Fen,
    /// What the player means to spend at most; spending past it is 剁手.
    pub budget: Fen,
}

/// `[envelopes]`: the pool the crowd grabs from and the daily draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PoolSpec {
    /// The festival's envelope pool.
    pub pool: Fen,
    /// Rains a player may join per day (real: 3).
    pub draws_per_day: u32,
    /// The rain ids played in the warm-up, in order (at most `draws_per_day`).
    pub warmup: Vec<String>,
}

/// One row of the weighted envelope table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prize {
    /// The envelope's value; 0 is "thank you for taking part" (empty).
    pub value: Fen,
    /// Relative weight.
    pub weight: u32,
    /// Minimum spend to use it at checkout.
    pub min_spend: Fen,
    /// A jackpot: drawn gold, falls as `[★]`.
    pub jackpot: bool,
}

/// One envelope rain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RainSpec {
    /// Its id (referred to by `[envelopes] warmup` and rain events).
    pub id: String,
    /// How long it lasts, in real seconds.
    pub seconds: u32,
    /// Lanes (1–9).
    pub lanes: u8,
    /// Rows an envelope falls through.
    pub rows: u16,
    /// The bottom rows that are the catch zone.
    pub catch_rows: u16,
    /// Fall speed in rows per second.
    pub speed: u32,
    /// At the start, one drop about every this many milliseconds.
    pub spawn_every_ms: u32,
    /// At the end, one drop about every this many milliseconds (the gap
    /// ramps linearly; equal to `spawn_every_ms` for a flat rain).
    pub spawn_end_ms: u32,
    /// Percent of drops that are pairs or runs by the end (0 at the start).
    pub pattern_percent: u8,
    /// How fast the crowd drains the pool, yuan per second.
    pub crowd_rate: Fen,
    /// This rain's own pool instead of the festival's.
    pub pool: Option<Fen>,
}

/// `[[stores]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoreSpec {
    /// Its id.
    pub id: Id,
    /// Its name.
    pub name: String,
    /// Where it ships from ("Hong Kong").
    pub region: String,
    /// Its own store-level discount (店铺满减).
    pub discount: Option<StoreDiscount>,
    /// Its own cross-store tier (default: the festival's).
    pub cross_store: Option<Tier>,
}

impl StoreSpec {
    /// The store as the rules engine sees it.
    pub fn rules(&self) -> Store {
        Store {
            id: self.id.clone(),
            cross_store: self.cross_store,
            discount: self.discount,
        }
    }
}

/// Presale terms of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresaleSpec {
    /// Deposit per unit, paid in the warm-up.
    pub deposit: Fen,
    /// What the deposit counts as at the balance payment (定金膨胀).
    pub counts_as: Fen,
    /// Units the player reserved (deposit paid at the start of the warm-up).
    pub reserved: u32,
}

/// `[[items]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemSpec {
    /// Its id.
    pub id: Id,
    /// The store's id.
    pub store: String,
    /// Its name.
    pub name: String,
    /// The regular price ("was").
    pub price: Fen,
    /// The 11.11 price.
    pub festival_price: Fen,
    /// Units in stock at 00:00, shared with the crowd.
    pub stock: u32,
    /// Per-person purchase limit (限购).
    pub limit: Option<u32>,
    /// Percent of the stock the crowd buys by midnight (flash sales: all of it).
    pub crowd: u8,
    /// Presale terms.
    pub presale: Option<PresaleSpec>,
    /// Only sold on the runway of a "see now, buy now" show (and, once it
    /// has walked, in its store on the [`ItemSpec::after_show`] terms).
    pub runway: bool,
    /// A runway look's terms in its store after the show. (Left out of the
    /// serialized level when absent, so older levels hash as before.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_show: Option<AfterShow>,
}

/// A runway item's `after_show = { price, stock }`: what its store sells it
/// for once it has walked (a game invention; the default is the festival
/// price and whatever stock the show left).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AfterShow {
    /// The price after the show (at least the festival price, at most the
    /// regular price).
    pub price: Fen,
    /// The units kept for after the show: the stock left is cut to this.
    pub stock: Option<u32>,
}

/// What a scheduled event does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// `items` go on sale (秒杀) and the crowd sells them out within `minutes`.
    FlashSale,
    /// An envelope rain (`rain` = its id); the clock stops while it falls.
    Rain,
    /// "See now, buy now": `looks` walk the runway `look_seconds` each; the
    /// clock stops while the show runs.
    Show,
    /// The last-hour rush: the crowd buys `factor` times faster until midnight.
    Rush,
    /// A line of news on the big screen (`text`).
    Notice,
}

/// `[[events]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventSpec {
    /// When it fires.
    pub at: ClockTime,
    /// What it is.
    pub kind: EventKind,
    /// Flash sale: the items.
    pub items: Vec<String>,
    /// Flash sale: in-game minutes until the crowd has bought everything.
    pub minutes: u16,
    /// Rain: the rain's id.
    pub rain: Option<String>,
    /// Show: the runway items in order.
    pub looks: Vec<String>,
    /// Show: real seconds each look stays on stage.
    pub look_seconds: u32,
    /// Rush: how many times faster the crowd buys.
    pub factor: u32,
    /// Notice: the text.
    pub text: String,
}

/// `[gmv]`: the crowd's sales on the big screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GmvSpec {
    /// The day's total (2017: 168.2 billion yuan); `None` when it was not
    /// disclosed (2022), and the big screen has no real number to show.
    pub total: Option<Fen>,
    /// 24 relative weights: how the total spreads over the hours.
    pub hourly: Vec<u32>,
    /// Where the number comes from (shown under the counter).
    pub source: String,
}

/// `[ranks]`: the score each rank needs (S, A, B, C; below C is D).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankSpec {
    /// Master of 11.11.
    pub s: i64,
    /// Savvy shopper.
    pub a: i64,
    /// Bargain hunter.
    pub b: i64,
    /// Impulse buyer.
    pub c: i64,
}

impl Default for RankSpec {
    // Game invention: thresholds sized for a level of a few hundred yuan.
    fn default() -> Self {
        RankSpec {
            s: 40_000,
            a: 25_000,
            b: 12_000,
            c: 4_000,
        }
    }
}

impl Level {
    /// The index of the store with this id.
    pub fn store_index(&self, id: &str) -> Option<usize> {
        self.stores.iter().position(|s| &*s.id == id)
    }

    /// The index of the item with this id.
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|s| &*s.id == id)
    }

    /// Whether the item with this id is on the wishlist.
    pub fn is_wished(&self, item: &str) -> bool {
        self.wishlist.iter().any(|w| w == item)
    }

    /// The index of the rain with this id.
    pub fn rain_index(&self, id: &str) -> Option<usize> {
        self.rains.iter().position(|s| s.id == id)
    }
}
