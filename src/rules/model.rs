//! What a checkout is made of: the festival's rules, the stores, the cart and
//! what the player holds. Plain data; the engine in [`super::checkout`] reads it.

use serde::{Deserialize, Serialize};

use crate::money::Fen;

/// The id of a store, item, coupon or envelope. An order is rebuilt at every
/// checkout and refusals name their tools, so ids are cloned often: short
/// ids (up to 24 bytes, all the shipped ones) live inline and clone without
/// touching the heap. Serialized as a plain string.
pub type Id = compact_str::CompactString;

/// A repeating tier: every full `every` spent takes `off` off (每满 every 减 off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Tier {
    /// The step; always > 0.
    pub every: Fen,
    /// What each full step takes off.
    pub off: Fen,
}

impl Tier {
    /// The discount `amount` earns: floor(amount ÷ every) × off, no upper limit.
    pub fn discount(self, amount: Fen) -> Fen {
        if self.every.0 <= 0 || amount.0 <= 0 {
            return Fen::ZERO;
        }
        self.off * (amount.0 / self.every.0)
    }

    /// How much more `amount` needs to reach the next step.
    pub fn to_next_step(self, amount: Fen) -> Fen {
        if self.every.0 <= 0 {
            return Fen::ZERO;
        }
        let steps = amount.0.max(0) / self.every.0;
        Fen((steps + 1) * self.every.0 - amount.0.max(0))
    }
}

/// A store's own discount (店铺满减), one per store per checkout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StoreDiscount {
    /// One-shot: spend at least `min`, get `off` once.
    Once {
        /// The threshold (reached or exceeded).
        min: Fen,
        /// The discount.
        off: Fen,
    },
    /// Repeating: every full `every`, `off` again.
    Every(Tier),
}

impl StoreDiscount {
    /// The discount the store's `amount` earns (before the cap at what is left).
    pub fn discount(self, amount: Fen) -> Fen {
        match self {
            StoreDiscount::Once { min, off } => {
                if amount >= min {
                    off
                } else {
                    Fen::ZERO
                }
            }
            StoreDiscount::Every(tier) => tier.discount(amount),
        }
    }
}

/// The amount that meets the cross-store threshold (the sources disagree; the
/// festival decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdBasis {
    /// The pool's goods after price and item coupons (2020 Tmall rules, example F).
    #[default]
    AfterItem,
    /// The pool's goods after store discounts and store cards too (Taobao 双12
    /// examples A, A′, B, C).
    AfterCards,
}

/// The festival's cross-store step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CrossStore {
    /// No cross-store step unless a store writes its own tier.
    #[default]
    None,
    /// 跨店满减: pooled tiers, no upper limit.
    Tiered(Tier),
    /// 购物津贴: pooled tiers, the discount limited by (and consuming) a balance.
    Allowance {
        /// The festival's tier.
        tier: Tier,
        /// The allowance the player holds.
        balance: Fen,
    },
}

/// The festival-wide rules of a checkout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Festival {
    /// Cross-store 满减 or the allowance.
    pub cross_store: CrossStore,
    /// Which amount meets the cross-store threshold.
    pub threshold_basis: ThresholdBasis,
    /// Most platform envelopes one checkout may use (real: 10).
    pub envelope_limit: usize,
}

impl Default for Festival {
    fn default() -> Self {
        Festival {
            cross_store: CrossStore::None,
            threshold_basis: ThresholdBasis::AfterItem,
            envelope_limit: 10,
        }
    }
}

impl Festival {
    /// The festival's own tier, if it has a cross-store step.
    pub fn tier(&self) -> Option<Tier> {
        match self.cross_store {
            CrossStore::None => None,
            CrossStore::Tiered(t) | CrossStore::Allowance { tier: t, .. } => Some(t),
        }
    }

    /// True in allowance years: every pool draws on the allowance balance.
    pub fn is_allowance(&self) -> bool {
        matches!(self.cross_store, CrossStore::Allowance { .. })
    }
}

/// A store taking part in the checkout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Store {
    /// Its id.
    pub id: Id,
    /// Its own cross-store tier, if not the festival's.
    pub cross_store: Option<Tier>,
    /// Its own store-level discount.
    pub discount: Option<StoreDiscount>,
}

impl Store {
    /// A store with the festival's tier and no discount of its own.
    pub fn plain(id: impl Into<Id>) -> Store {
        Store {
            id: id.into(),
            cross_store: None,
            discount: None,
        }
    }
}

/// A presale (预售) term, per unit: `deposit` paid in the warm-up counts as
/// `counts_as` (定金膨胀) at the balance payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presale {
    /// The deposit paid per unit.
    pub deposit: Fen,
    /// What the deposit counts as per unit (≥ deposit).
    pub counts_as: Fen,
}

impl Presale {
    /// The inflation bonus per unit.
    pub fn bonus(self) -> Fen {
        (self.counts_as - self.deposit).at_least_zero()
    }
}

/// One line of the cart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CartLine {
    /// The item's id.
    pub item: Id,
    /// Index into the order's stores.
    pub store: usize,
    /// Festival price per unit.
    pub price: Fen,
    /// How many.
    pub qty: i64,
    /// A flash-sale (秒杀) line: platform envelopes do not apply to it.
    pub flash_sale: bool,
    /// Presale terms, per unit.
    pub presale: Option<Presale>,
    /// Units left in stock, if limited.
    pub stock: Option<i64>,
    /// Per-person purchase limit (限购), if any.
    pub limit: Option<i64>,
}

impl CartLine {
    /// A plain line: `qty` units at `price`, no limits.
    pub fn new(item: impl Into<Id>, store: usize, price: Fen, qty: i64) -> CartLine {
        CartLine {
            item: item.into(),
            store,
            price,
            qty,
            flash_sale: false,
            presale: None,
            stock: None,
            limit: None,
        }
    }

    /// Festival price × quantity.
    pub fn goods(&self) -> Fen {
        self.price * self.qty
    }

    /// The presale inflation bonus of the whole line.
    pub fn presale_bonus(&self) -> Fen {
        self.presale.map_or(Fen::ZERO, |p| p.bonus() * self.qty)
    }

    /// The deposits already paid for the whole line.
    pub fn deposits(&self) -> Fen {
        self.presale.map_or(Fen::ZERO, |p| p.deposit * self.qty)
    }

    /// What step 1 prices the line at: goods less the presale bonus.
    pub fn step1_amount(&self) -> Fen {
        (self.goods() - self.presale_bonus()).at_least_zero()
    }
}

/// Which kind of coupon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CouponKind {
    /// 店铺优惠券: one store card per store.
    StoreCoupon,
    /// 店铺红包: also a store card (one coupon OR one envelope per store).
    StoreEnvelope,
    /// 单品券: one per line.
    ItemCoupon,
}

impl CouponKind {
    /// True for the two kinds that compete for a store's one card.
    pub fn is_store_card(self) -> bool {
        matches!(self, CouponKind::StoreCoupon | CouponKind::StoreEnvelope)
    }

    /// The word the player reads.
    pub fn label(self) -> &'static str {
        match self {
            CouponKind::StoreCoupon => "store coupon",
            CouponKind::StoreEnvelope => "store envelope",
            CouponKind::ItemCoupon => "item coupon",
        }
    }
}

/// What a coupon is valid for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CouponTarget {
    /// Index into the order's stores (store coupons and store envelopes).
    Store(usize),
    /// An item id (item coupons).
    Item(Id),
}

/// A coupon the player holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coupon {
    /// Its id.
    pub id: Id,
    /// Its kind.
    pub kind: CouponKind,
    /// Where it applies.
    pub target: CouponTarget,
    /// Its minimum spend (reached or exceeded).
    pub min: Fen,
    /// Its value.
    pub off: Fen,
}

/// A platform red envelope (双11红包) the player holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// Its id.
    pub id: Id,
    /// What it can still take off.
    pub value: Fen,
    /// Its minimum spend (0 for the common no-threshold envelope).
    pub min_spend: Fen,
    /// Expired envelopes are refused, never used.
    pub expired: bool,
}

/// The money the player pays with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Wallet {
    /// Balance on hand.
    pub balance: Fen,
    /// Credit line left (花呗).
    pub credit: Fen,
}

impl Wallet {
    /// Everything a checkout may charge.
    pub fn spendable(self) -> Fen {
        self.balance + self.credit
    }
}

/// Everything one checkout needs: the rules, the stores, the cart, the tools
/// held and the wallet. Stores are referred to by index.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Order {
    /// Festival-wide rules.
    pub festival: Festival,
    /// The stores (cart lines and coupons point into this list).
    pub stores: Vec<Store>,
    /// The cart, in order.
    pub lines: Vec<CartLine>,
    /// Coupons held, in file order.
    pub coupons: Vec<Coupon>,
    /// Platform envelopes held, in file order.
    pub envelopes: Vec<Envelope>,
    /// The wallet.
    pub wallet: Wallet,
}

impl Order {
    /// The cross-store tier of store `s`: its own, or the festival's.
    pub fn store_tier(&self, s: usize) -> Option<Tier> {
        self.stores[s].cross_store.or(self.festival.tier())
    }
}
