//! Shop helpers the bots share: what can be bought now, how to select an
//! item with the keys a person has, and when the day next needs a look.

use crate::game::{GameState, Input, Overlay, Phase, Refused};
use crate::level::DAY_MINUTES;

/// The next key towards a selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Nav {
    /// The item is selected.
    Selected,
    /// Press this.
    Press(Input),
    /// The item is not in any list (a runway look).
    Unreachable,
}

/// The wishlist as item indices, in order.
pub fn wishlist(state: &GameState) -> Vec<usize> {
    let level = state.level();
    level
        .wishlist
        .iter()
        .filter_map(|id| level.item_index(id))
        .collect()
}

/// The player has bought some of item `k`.
pub fn bought(state: &GameState, k: usize) -> bool {
    state.day().stock[k].player_bought > 0
}

/// One more unit of item `k` can go in the cart now.
pub fn addable(state: &GameState, k: usize) -> bool {
    let level = state.level();
    let day = state.day();
    let it = &level.items[k];
    if it.runway || !day.on_sale(level, k) {
        return false;
    }
    let in_cart = day.in_cart(k);
    if it.presale.is_some() {
        return in_cart == 0
            && state
                .reservations()
                .iter()
                .any(|r| r.item == k && !r.paid && !r.forfeited);
    }
    let s = &day.stock[k];
    if s.left <= in_cart {
        return false;
    }
    it.limit.is_none_or(|l| s.player_bought + in_cart < l)
}

/// Item `k` will go on sale later today (a flash sale not open yet).
pub fn opens_later(state: &GameState, k: usize) -> bool {
    let day = state.day();
    day.stock[k]
        .flash
        .is_some_and(|f| day.minute < f.opens && day.stock[k].left > 0)
}

/// The next key that selects item `k` in the shop list.
pub fn select(state: &GameState, k: usize) -> Nav {
    let level = state.level();
    let day = state.day();
    let it = &level.items[k];
    let Some(tab) = level.store_index(&it.store) else {
        return Nav::Unreachable;
    };
    if it.runway {
        return Nav::Unreachable;
    }
    if !day.search.is_empty() {
        return Nav::Press(Input::SearchClear);
    }
    if day.store_tab != tab {
        let n = level.stores.len().max(1);
        let forward = (tab + n - day.store_tab) % n;
        return Nav::Press(if forward <= n / 2 {
            Input::NextTab
        } else {
            Input::PrevTab
        });
    }
    let visible = day.visible_items(level);
    let Some(pos) = visible.iter().position(|&v| v == k) else {
        return Nav::Unreachable;
    };
    match day.item_row.cmp(&pos) {
        std::cmp::Ordering::Equal => Nav::Selected,
        std::cmp::Ordering::Less => Nav::Press(Input::Down),
        std::cmp::Ordering::Greater => Nav::Press(Input::Up),
    }
}

/// The next key that adds one unit of `k` to the cart.
pub fn add(state: &GameState, k: usize) -> Option<Input> {
    match select(state, k) {
        Nav::Selected => Some(Input::AddToCart),
        Nav::Press(i) => Some(i),
        Nav::Unreachable => None,
    }
}

/// The next key that takes one unit of `k` out of the cart.
pub fn remove(state: &GameState, k: usize) -> Option<Input> {
    match select(state, k) {
        Nav::Selected => Some(Input::RemoveFromCart),
        Nav::Press(i) => Some(i),
        Nav::Unreachable => None,
    }
}

/// The refusal card's reasons, if it is up: (items named, over the credit line).
pub fn refusal(state: &GameState) -> Option<(Vec<usize>, bool)> {
    let Overlay::Refused(reasons) = &state.day().overlay else {
        return None;
    };
    let level = state.level();
    let mut items = Vec::new();
    let mut over_credit = false;
    for r in reasons {
        let id = match r {
            Refused::OutOfStock { item, .. }
            | Refused::OverLimit { item, .. }
            | Refused::NotOnSale { item, .. } => item,
            Refused::OverCredit { .. } => {
                over_credit = true;
                continue;
            }
        };
        items.extend(level.item_index(id));
    }
    Some((items, over_credit))
}

/// The item on the runway now, if a show is on.
pub fn on_stage(state: &GameState) -> Option<usize> {
    state.day().show.as_ref().and_then(|s| s.on_stage())
}

/// When a bot with nothing to do should look again: in the shop, the next
/// look on the runway, else the next scheduled event (or midnight); in the
/// other phases, the game's next change.
pub fn idle_wake(state: &GameState) -> Option<u64> {
    if state.phase() != &Phase::Day {
        return state.next_wakeup();
    }
    let day = state.day();
    if let Some(show) = &day.show {
        return Some(state.tick() + show.look_left().max(1));
    }
    let level = state.level();
    let minute = day
        .upcoming()
        .first()
        .map_or(DAY_MINUTES, |&e| level.events[e].at.minutes())
        .max(day.minute);
    let clock = state.clock();
    Some(state.tick() + clock.ticks_for(minute).saturating_sub(day.ticks).max(1))
}
