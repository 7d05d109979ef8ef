//! What the shop shows, derived from the game state by small pure functions
//! (the views only lay these out): the selected item's details, the
//! wishlist with its marks, the envelopes held, the GMV record to beat.

use crate::game::{CartEntry, GameState};
use crate::level::ClockTime;
use crate::money::Fen;
use crate::rules::{CouponKind, CouponTarget};

/// A flash sale's state for one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashState {
    /// Not a flash-sale item.
    None,
    /// Opens at this time.
    Opens(ClockTime),
    /// On now.
    On,
}

/// Everything the detail panel says about the selected item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemInfo {
    /// Index into the level's items.
    pub item: usize,
    /// Its name.
    pub name: String,
    /// Its store's name and region.
    pub store: String,
    /// The 11.11 price.
    pub now: Fen,
    /// The regular price.
    pub was: Fen,
    /// Percent off the regular price.
    pub pct_off: i64,
    /// Units left, of the opening stock.
    pub left: u32,
    /// Opening stock.
    pub start: u32,
    /// The per-person limit.
    pub limit: Option<u32>,
    /// In the cart now.
    pub in_cart: u32,
    /// Bought at earlier checkouts.
    pub bought: u32,
    /// Flash sale.
    pub flash: FlashState,
    /// When it sold out (clock minute).
    pub sold_out_at: Option<u16>,
    /// Presale: deposit, what it counts as, units reserved.
    pub presale: Option<(Fen, Fen, u32)>,
    /// The coupons held that apply to it: (kind, min, off, used).
    pub coupons: Vec<(CouponKind, Fen, Fen, bool)>,
    /// On the wishlist.
    pub wished: bool,
}

impl ItemInfo {
    /// Percent of the opening stock left (0–100).
    pub fn pct_left(&self) -> u32 {
        (self.left * 100).checked_div(self.start).unwrap_or(0)
    }
}

/// The details of item `k`.
pub fn item_info(game: &GameState, k: usize) -> Option<ItemInfo> {
    let level = game.level();
    let it = level.items.get(k)?;
    let st = game.day().stock.get(k)?;
    let store_i = level.store_index(&it.store);
    let store = store_i.map_or(String::new(), |s| {
        let s = &level.stores[s];
        if s.region.is_empty() || s.name.ends_with(')') {
            s.name.clone()
        } else {
            format!("{} ({})", s.name, s.region)
        }
    });
    let (order, map) = game.order_for(&[CartEntry { item: k, qty: 1 }]);
    let coupons = order
        .coupons
        .iter()
        .zip(&map.coupons)
        .filter(|(c, _)| match &c.target {
            CouponTarget::Item(id) => *id == it.id,
            CouponTarget::Store(s) => Some(*s) == store_i,
        })
        .map(|(c, &held)| {
            let used = game.coupons().get(held).is_some_and(|h| h.used);
            (c.kind, c.min, c.off, used)
        })
        .collect();
    let flash = match st.flash {
        None => FlashState::None,
        Some(f) if game.day().minute < f.opens => FlashState::Opens(ClockTime(f.opens)),
        Some(_) => FlashState::On,
    };
    let now = game.day().price_of(game.level(), k);
    let pct_off = if it.price.get() > 0 {
        (it.price.get() - now.get()) * 100 / it.price.get()
    } else {
        0
    };
    Some(ItemInfo {
        item: k,
        name: it.name.clone(),
        store,
        now,
        was: it.price,
        pct_off,
        left: st.left,
        start: st.start,
        limit: it.limit,
        in_cart: game.day().in_cart(k),
        bought: st.player_bought,
        flash,
        sold_out_at: st.sold_out_at,
        presale: it.presale.map(|p| (p.deposit, p.counts_as, p.reserved)),
        coupons,
        wished: level.is_wished(&it.id),
    })
}

/// Where a wishlist item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wish {
    /// Bought (✓).
    Bought,
    /// In the cart (▸).
    InCart,
    /// Sold out before you bought it (✗).
    SoldOut,
    /// Still to get (·).
    Open,
}

impl Wish {
    /// The glyph that carries the state without colour.
    pub fn glyph(self) -> &'static str {
        match self {
            Wish::Bought => "✓",
            Wish::InCart => "▸",
            Wish::SoldOut => "✗",
            Wish::Open => "·",
        }
    }
}

/// The wishlist, in the level's order: (item index, name, state).
pub fn wishlist(game: &GameState) -> Vec<(usize, String, Wish)> {
    let level = game.level();
    level
        .wishlist
        .iter()
        .filter_map(|id| level.item_index(id))
        .map(|k| {
            let st = &game.day().stock[k];
            let state = if st.player_bought > 0 {
                Wish::Bought
            } else if game.day().in_cart(k) > 0 {
                Wish::InCart
            } else if st.left == 0 {
                Wish::SoldOut
            } else {
                Wish::Open
            };
            (k, level.items[k].name.clone(), state)
        })
        .collect()
}

/// One envelope held: (value, minimum spend, usable with the cart as it is).
pub fn envelopes(game: &GameState) -> Vec<(Fen, Fen, bool)> {
    let goods: Fen = game
        .day()
        .cart
        .iter()
        .filter_map(|c| {
            game.level().items.get(c.item)?;
            let price = game.day().price_of(game.level(), c.item);
            Some(Fen(price.get() * i64::from(c.qty)))
        })
        .sum();
    let mut v: Vec<(Fen, Fen, bool)> = game
        .envelopes()
        .iter()
        .filter(|e| !e.expired && e.value.get() > 0)
        .map(|e| {
            (
                e.value,
                e.min_spend,
                !game.day().cart.is_empty() && goods >= e.min_spend,
            )
        })
        .collect();
    v.sort_by_key(|&(value, min, _)| (std::cmp::Reverse(value), min));
    v
}

/// The real GMV record of `year`: `Some((gmv, days))`, `None` when the
/// source says it was not disclosed or has no row for it.
pub fn gmv_record(year: u16) -> Option<(Fen, u32)> {
    crate::level::gmv_records()
        .ok()?
        .iter()
        .find(|r| r.year == year)
        .and_then(|r| r.gmv.map(|g| (g, r.days)))
}

/// `¥168.2 bn` / `¥936.0 M`: a big amount, short.
pub fn short_yuan(f: Fen) -> String {
    let y = f.get() / 100;
    if y >= 1_000_000_000 {
        format!(
            "¥{}.{} bn",
            y / 1_000_000_000,
            y % 1_000_000_000 / 100_000_000
        )
    } else if y >= 1_000_000 {
        format!("¥{}.{} M", y / 1_000_000, y % 1_000_000 / 100_000)
    } else {
        super::hud::yuan(f)
    }
}

/// The crowd's GMV over the last real second of the day clock.
pub fn gmv_per_second(game: &GameState) -> Fen {
    let ticks = game.day().ticks;
    let day_ticks = game.clock().day_ticks;
    let back = ticks.saturating_sub(crate::game::TICKS_PER_SECOND);
    crate::game::crowd::gmv_at(&game.level().gmv, ticks, day_ticks)
        - crate::game::crowd::gmv_at(&game.level().gmv, back, day_ticks)
}

/// The text of the latest notice event, if one fired.
pub fn latest_news(game: &GameState) -> Option<&str> {
    let level = game.level();
    game.day()
        .news
        .iter()
        .rev()
        .filter_map(|&(e, _)| level.events.get(e))
        .find(|e| e.kind == crate::level::EventKind::Notice && !e.text.is_empty())
        .map(|e| e.text.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Event, Input, update};

    fn shop(name: &str) -> GameState {
        crate::game::testing::in_the_shop(name, 7)
    }

    #[test]
    fn item_info_reads_price_stock_and_coupons() {
        let g = shop("2017.toml");
        let k = g.day().selected_item(g.level()).expect("an item");
        let info = item_info(&g, k).expect("info");
        assert_eq!(info.now, g.level().items[k].festival_price);
        assert!(info.pct_left() <= 100);
        assert!(info.pct_off >= 0);
        // Every coupon listed targets this item or its store.
        assert!(info.coupons.iter().all(|c| c.2.get() > 0));
    }

    #[test]
    fn wishlist_marks_follow_the_cart() {
        let mut g = shop("tutorial.toml");
        let before = wishlist(&g);
        assert!(
            before
                .iter()
                .all(|w| w.2 == Wish::Open || w.2 == Wish::SoldOut)
        );
        let (k, _, _) = before[0];
        // Find and add the first wished item.
        let store = g
            .level()
            .store_index(&g.level().items[k].store)
            .expect("store");
        while g.day().store_tab != store {
            update(&mut g, Event::Input(Input::Right));
        }
        while g.day().selected_item(g.level()) != Some(k) {
            update(&mut g, Event::Input(Input::Down));
        }
        update(&mut g, Event::Input(Input::AddToCart));
        assert_eq!(wishlist(&g)[0].2, Wish::InCart);
        assert_eq!(Wish::InCart.glyph(), "▸");
    }

    #[test]
    fn records_and_short_amounts() {
        assert_eq!(gmv_record(2017).map(|r| r.1), Some(1));
        assert_eq!(gmv_record(1999), None);
        assert_eq!(short_yuan(Fen(16_820_000_000_000)), "¥168.2 bn");
        assert_eq!(short_yuan(Fen(93_600_000_000)), "¥936.0 M");
        assert_eq!(short_yuan(Fen(1234)), "¥12.34");
    }
}
