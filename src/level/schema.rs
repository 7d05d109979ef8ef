//! The level format: what a festival file holds. Deserialized from TOML with
//! unknown keys refused; money in yuan (see [`super::units::yuan`]), clock
//! times as `"HH:MM"`. `levels/README.md` documents every key with an example.

use serde::{Deserialize, Serialize};

use super::units::{ClockTime, yuan};
use crate::money::Fen;
use crate::rules::{CouponKind, ThresholdBasis};

/// One festival: warm-up rains, the 11.11 day, its stores and its rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Shown in menus ("2017 · Global Shopping Festival").
    pub name: String,
    /// The festival's year.
    pub year: u16,
    /// The market ("Tmall", "Taobao").
    #[serde(default)]
    pub market: String,
    /// Currency symbol for display.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// A paragraph for the level-select details.
    #[serde(default)]
    pub description: String,
    /// Which numbers of this level are game inventions (shown with `†`).
    #[serde(default)]
    pub inventions: Vec<String>,
    /// Real seconds the 24-hour day takes (00:00 → 24:00).
    pub day_seconds: u32,
    /// Real seconds of the 00:00 big screen before the shop opens.
    #[serde(default = "default_opening")]
    pub opening_seconds: u32,
    /// Money, credit and the player's own budget.
    pub wallet: WalletSpec,
    /// The festival's checkout rules (same keys as the `quote` scenario format).
    #[serde(default)]
    pub festival: FestivalSpec,
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
    #[serde(default)]
    pub coupons: Vec<CouponSpec>,
    /// Item ids the player wants (scored at midnight).
    #[serde(default)]
    pub wishlist: Vec<String>,
    /// Scheduled events on the 11.11 clock.
    #[serde(default)]
    pub events: Vec<EventSpec>,
    /// The crowd's sales on the big screen.
    pub gmv: GmvSpec,
    /// Score needed for each rank.
    #[serde(default)]
    pub ranks: RankSpec,
}

fn default_currency() -> String {
    "¥".to_string()
}

fn default_opening() -> u32 {
    3
}

/// Money the player starts with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WalletSpec {
    /// Cash on hand (Alipay balance).
    #[serde(with = "yuan")]
    pub balance: Fen,
    /// Credit line (花呗).
    #[serde(with = "yuan", default)]
    pub credit: Fen,
    /// A temporary credit raise for the festival (2017: about ¥2,200 on average).
    #[serde(with = "yuan", default)]
    pub credit_raise: Fen,
    /// What the player means to spend at most; spending past it is 剁手.
    #[serde(with = "yuan")]
    pub budget: Fen,
}

/// A repeating tier `{ every, off }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierSpec {
    /// The step.
    #[serde(with = "yuan")]
    pub every: Fen,
    /// Off per full step.
    #[serde(with = "yuan")]
    pub off: Fen,
}

/// The shopping allowance `{ every, off, balance }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowanceSpec {
    /// The step.
    #[serde(with = "yuan")]
    pub every: Fen,
    /// Off per full step.
    #[serde(with = "yuan")]
    pub off: Fen,
    /// The allowance the player holds.
    #[serde(with = "yuan")]
    pub balance: Fen,
}

/// `[festival]`: the same keys as a quote scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FestivalSpec {
    /// 跨店满减.
    #[serde(default)]
    pub cross_store: Option<TierSpec>,
    /// 购物津贴 (instead of `cross_store`).
    #[serde(default)]
    pub allowance: Option<AllowanceSpec>,
    /// Which amount meets the cross-store threshold.
    #[serde(default)]
    pub threshold_basis: ThresholdBasis,
    /// Most platform envelopes per checkout.
    #[serde(default = "default_envelope_limit")]
    pub envelope_limit: usize,
}

fn default_envelope_limit() -> usize {
    10
}

impl Default for FestivalSpec {
    fn default() -> Self {
        FestivalSpec {
            cross_store: None,
            allowance: None,
            threshold_basis: ThresholdBasis::AfterItem,
            envelope_limit: 10,
        }
    }
}

/// `[envelopes]`: the pool the crowd grabs from and the daily draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolSpec {
    /// The festival's envelope pool.
    #[serde(with = "yuan")]
    pub pool: Fen,
    /// Rains a player may join per day (real: 3).
    pub draws_per_day: u32,
    /// The rain ids played in the warm-up, in order (at most `draws_per_day`).
    pub warmup: Vec<String>,
}

/// One row of the weighted envelope table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prize {
    /// The envelope's value; 0 is "thank you for taking part" (empty).
    #[serde(with = "yuan")]
    pub value: Fen,
    /// Relative weight.
    pub weight: u32,
    /// Minimum spend to use it at checkout.
    #[serde(with = "yuan", default)]
    pub min_spend: Fen,
    /// A jackpot: drawn gold, falls as `[★]`.
    #[serde(default)]
    pub jackpot: bool,
}

/// One envelope rain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RainSpec {
    /// Its id (referred to by `[envelopes] warmup` and rain events).
    pub id: String,
    /// How long it lasts, in real seconds.
    pub seconds: u32,
    /// Lanes (1–9).
    #[serde(default = "default_lanes")]
    pub lanes: u8,
    /// Rows an envelope falls through.
    #[serde(default = "default_rows")]
    pub rows: u16,
    /// The bottom rows that are the catch zone.
    #[serde(default = "default_catch_rows")]
    pub catch_rows: u16,
    /// Fall speed in rows per second.
    pub speed: u32,
    /// One envelope spawns about every this many milliseconds.
    pub spawn_every_ms: u32,
    /// How fast the crowd drains the pool, yuan per second.
    #[serde(with = "yuan")]
    pub crowd_rate: Fen,
    /// This rain's own pool instead of the festival's.
    #[serde(with = "yuan::opt", default, skip_serializing_if = "Option::is_none")]
    pub pool: Option<Fen>,
}

fn default_lanes() -> u8 {
    4
}

fn default_rows() -> u16 {
    12
}

fn default_catch_rows() -> u16 {
    2
}

/// A store-level discount: `{ min, off }` once or `{ every, off }` repeating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscountSpec {
    /// One-shot threshold.
    #[serde(with = "yuan::opt", default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Fen>,
    /// Repeating step.
    #[serde(with = "yuan::opt", default, skip_serializing_if = "Option::is_none")]
    pub every: Option<Fen>,
    /// The discount.
    #[serde(with = "yuan")]
    pub off: Fen,
}

/// `[[stores]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreSpec {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Where it ships from ("Hong Kong").
    #[serde(default)]
    pub region: String,
    /// Its own store-level discount (店铺满减).
    #[serde(default)]
    pub discount: Option<DiscountSpec>,
    /// Its own cross-store tier (default: the festival's).
    #[serde(default)]
    pub cross_store: Option<TierSpec>,
}

/// Presale terms of an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresaleSpec {
    /// Deposit per unit, paid in the warm-up.
    #[serde(with = "yuan")]
    pub deposit: Fen,
    /// What the deposit counts as at the balance payment (定金膨胀).
    #[serde(with = "yuan")]
    pub counts_as: Fen,
    /// Units the player reserved (deposit paid at the start of the warm-up).
    #[serde(default)]
    pub reserved: u32,
}

/// `[[items]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSpec {
    /// Its id.
    pub id: String,
    /// The store's id.
    pub store: String,
    /// Its name.
    pub name: String,
    /// The regular price ("was").
    #[serde(with = "yuan")]
    pub price: Fen,
    /// The 11.11 price.
    #[serde(with = "yuan")]
    pub festival_price: Fen,
    /// Units in stock at 00:00, shared with the crowd.
    pub stock: u32,
    /// Per-person purchase limit (限购).
    #[serde(default)]
    pub limit: Option<u32>,
    /// Percent of the stock the crowd buys by midnight (flash sales: all of it).
    #[serde(default = "default_crowd")]
    pub crowd: u8,
    /// Presale terms.
    #[serde(default)]
    pub presale: Option<PresaleSpec>,
    /// Only sold on the runway of a "see now, buy now" show.
    #[serde(default)]
    pub runway: bool,
}

fn default_crowd() -> u8 {
    50
}

/// `[[coupons]]` the player holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CouponSpec {
    /// Its id.
    pub id: String,
    /// store_coupon | store_envelope | item_coupon.
    pub kind: CouponKind,
    /// The store (store coupons and envelopes).
    #[serde(default)]
    pub store: Option<String>,
    /// The item (item coupons).
    #[serde(default)]
    pub item: Option<String>,
    /// Minimum spend.
    #[serde(with = "yuan", default)]
    pub min: Fen,
    /// Value.
    #[serde(with = "yuan")]
    pub off: Fen,
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
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    /// When it fires.
    pub at: ClockTime,
    /// What it is.
    pub kind: EventKind,
    /// Flash sale: the items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// Flash sale: in-game minutes until the crowd has bought everything.
    #[serde(default = "default_flash_minutes")]
    pub minutes: u16,
    /// Rain: the rain's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rain: Option<String>,
    /// Show: the runway items in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub looks: Vec<String>,
    /// Show: real seconds each look stays on stage.
    #[serde(default = "default_look_seconds")]
    pub look_seconds: u32,
    /// Rush: how many times faster the crowd buys.
    #[serde(default = "default_rush_factor")]
    pub factor: u32,
    /// Notice: the text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

fn default_flash_minutes() -> u16 {
    3
}

fn default_look_seconds() -> u32 {
    6
}

fn default_rush_factor() -> u32 {
    2
}

/// `[gmv]`: the crowd's sales on the big screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GmvSpec {
    /// The day's total, in yuan (2017: 168.2 billion).
    #[serde(with = "yuan")]
    pub total: Fen,
    /// 24 relative weights: how the total spreads over the hours.
    pub hourly: Vec<u32>,
    /// Where the number comes from (shown under the counter).
    #[serde(default)]
    pub source: String,
}

/// `[ranks]`: the score each rank needs (S, A, B, C; below C is D).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
