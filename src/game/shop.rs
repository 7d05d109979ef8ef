//! The day's flow on the game state: the 00:00 opening, the clock's
//! minutes (the crowd buys, events fire), the runway show, the shopping
//! keys and the cart, and midnight.

use super::crowd;
use super::day::{CartEntry, NOTICE_TICKS, Notice, NoticeKind, Overlay, show_share};
use super::{GameState, Input, Phase, results};
use crate::level::{ClockTime, DAY_MINUTES};
use crate::money::Fen;

/// The day's flow on the game state.
impl GameState {
    /// The warm-up is over: the 00:00 big screen.
    pub(super) fn open_day(&mut self) {
        self.rain = None;
        self.start_of_day = Some(super::wallet::DayStart {
            purse: self.purse,
            envelopes: self.envelopes.clone(),
        });
        self.phase = if self.level.opening_seconds == 0 {
            Phase::Day
        } else {
            Phase::Opening
        };
    }

    pub(super) fn notify(&mut self, kind: NoticeKind) {
        self.day.notice = Some(Notice {
            kind,
            until: self.active + NOTICE_TICKS,
        });
    }

    /// Clears the notice once its time is up (by the running ticks).
    pub(super) fn fade_notice(&mut self) {
        if self
            .day
            .notice
            .as_ref()
            .is_some_and(|n| n.until <= self.active)
        {
            self.day.notice = None;
        }
    }

    /// One running tick of the day.
    pub(super) fn step_day(&mut self) {
        self.fade_notice();
        if self.day.show.is_some() {
            self.step_show();
            return;
        }
        if self.fire_due_events() {
            return;
        }
        let clock = self.clock();
        self.day.ticks += 1;
        let m = clock.minute_at(self.day.ticks);
        while self.day.minute < m {
            let minute = self.day.minute;
            crowd::crowd_minute(&self.level, &mut self.day.stock, minute, self.day.rush);
            self.day.minute += 1;
        }
        if m >= DAY_MINUTES {
            self.midnight();
            return;
        }
        self.fire_due_events();
    }

    fn step_show(&mut self) {
        let Some(show) = self.day.show.as_mut() else {
            return;
        };
        if let Some(item) = show.on_stage() {
            let into = show.elapsed % show.look_ticks + 1;
            let s = &mut self.day.stock[item];
            let due = show_share(s.start, self.level.items[item].crowd, into, show.look_ticks)
                .saturating_sub(s.crowd_sold);
            let minute = self.day.minute;
            s.crowd_buys(due, minute);
        }
        show.elapsed += 1;
        let was = (show.elapsed - 1) / show.look_ticks;
        let now = show.elapsed / show.look_ticks;
        let gone = (was != now).then(|| show.looks[was as usize]);
        if show.current().is_none() {
            self.day.show = None;
        }
        if let Some(item) = gone {
            self.send_to_store(item);
        }
    }

    /// Ends the show now (Skip): the remaining looks go to their stores.
    fn end_show(&mut self) {
        if let Some(show) = self.day.show.take() {
            let from = show.current().unwrap_or(show.looks.len());
            for &item in &show.looks[from..] {
                self.send_to_store(item);
            }
        }
    }

    /// A look has walked: it is sold in its store from now on, its stock
    /// cut to what the level keeps for after the show.
    fn send_to_store(&mut self, item: usize) {
        self.day.runway_gone.push(item);
        if let Some(kept) = self.level.items[item].after_show.and_then(|a| a.stock) {
            let s = &mut self.day.stock[item];
            s.left = s.left.min(kept);
        }
    }

    pub(super) fn day_input(&mut self, input: Input) {
        match self.day.overlay.clone() {
            Overlay::Review { best, look } => match input {
                Input::Confirm | Input::Checkout => self.pay_review(best, look),
                Input::ToggleCard => self.day.overlay = Overlay::Review { best: !best, look },
                Input::Back => self.day.overlay = Overlay::None,
                _ => {}
            },
            Overlay::Refused(_) => match input {
                Input::Confirm | Input::Back => self.day.overlay = Overlay::None,
                Input::RemoveFromCart => {
                    self.drop_unbuyable();
                    self.day.overlay = Overlay::None;
                }
                _ => {}
            },
            Overlay::None => self.browse_input(input),
        }
    }

    fn browse_input(&mut self, input: Input) {
        let visible = self.day.visible_items(&self.level).len();
        let stores = self.level.stores.len().max(1);
        let d = &mut self.day;
        match input {
            Input::Up => d.item_row = d.item_row.saturating_sub(1),
            Input::Down => d.item_row = (d.item_row + 1).min(visible.saturating_sub(1)),
            Input::Right | Input::NextTab => {
                d.store_tab = (d.store_tab + 1) % stores;
                d.item_row = 0;
            }
            Input::Left | Input::PrevTab => {
                d.store_tab = (d.store_tab + stores - 1) % stores;
                d.item_row = 0;
            }
            Input::CartUp => d.cart_row = d.cart_row.saturating_sub(1),
            Input::CartDown => d.cart_row = (d.cart_row + 1).min(d.cart.len().saturating_sub(1)),
            Input::Search(c) => {
                d.search.push(c);
                d.item_row = 0;
            }
            Input::SearchBackspace => {
                d.search.pop();
                d.item_row = 0;
            }
            Input::SearchClear | Input::Back => {
                d.search.clear();
                d.item_row = 0;
            }
            Input::AddToCart => {
                // While a show runs the runway replaces the list: A adds the
                // look on stage.
                let on_stage = d.show.as_ref().and_then(|s| s.on_stage());
                if let Some(item) = on_stage.or_else(|| d.selected_item(&self.level)) {
                    self.add_to_cart(item);
                }
            }
            Input::RemoveFromCart => self.remove_from_cart(),
            Input::Checkout => {
                if d.cart.is_empty() {
                    self.notify(NoticeKind::CartEmpty);
                } else {
                    d.overlay = Overlay::Review {
                        best: false,
                        look: None,
                    };
                }
            }
            Input::BuyNow => self.buy_now(),
            Input::Skip => self.end_show(),
            Input::NextEvent => self.jump_to_next_event(),
            _ => {}
        }
    }

    /// Adds one unit of `item` (a presale item: its reserved lot).
    pub(super) fn add_to_cart(&mut self, item: usize) {
        let it = &self.level.items[item];
        let stock = &self.day.stock[item];
        if let Some(f) = stock.flash
            && self.day.minute < f.opens
        {
            return self.notify(NoticeKind::NotYet {
                item,
                opens: ClockTime(f.opens),
            });
        }
        let in_cart = self.day.in_cart(item);
        if it.presale.is_some() {
            let Some(r) = self.reservations.iter().find(|r| r.item == item && !r.paid) else {
                return self.notify(NoticeKind::NotReserved { item });
            };
            if in_cart > 0 {
                return self.notify(NoticeKind::PresaleQty { item });
            }
            let qty = r.qty;
            self.day.cart.push(CartEntry { item, qty });
            return self.notify(NoticeKind::Added { item });
        }
        if stock.left <= in_cart {
            return self.notify(NoticeKind::SoldOut { item });
        }
        if let Some(limit) = it.limit
            && stock.player_bought + in_cart >= limit
        {
            return self.notify(NoticeKind::AtLimit { item, limit });
        }
        match self.day.cart.iter_mut().find(|c| c.item == item) {
            Some(c) => c.qty += 1,
            None => self.day.cart.push(CartEntry { item, qty: 1 }),
        }
        self.notify(NoticeKind::Added { item });
    }

    fn remove_from_cart(&mut self) {
        let selected = self.day.selected_item(&self.level);
        let idx = selected
            .and_then(|s| self.day.cart.iter().position(|c| c.item == s))
            .or_else(|| (self.day.cart_row < self.day.cart.len()).then_some(self.day.cart_row));
        let Some(i) = idx else { return };
        let item = self.day.cart[i].item;
        if self.level.items[item].presale.is_some() || self.day.cart[i].qty <= 1 {
            self.day.cart.remove(i);
        } else {
            self.day.cart[i].qty -= 1;
        }
        self.day.cart_row = self.day.cart_row.min(self.day.cart.len().saturating_sub(1));
        self.notify(NoticeKind::Removed { item });
    }

    /// After a refusal: drop what cannot be bought, lower quantities to the
    /// stock and limits left.
    fn drop_unbuyable(&mut self) {
        let level = &self.level;
        let day = &mut self.day;
        let mut cart = std::mem::take(&mut day.cart);
        for c in &mut cart {
            let s = &day.stock[c.item];
            let mut max = s.left;
            if let Some(l) = level.items[c.item].limit {
                max = max.min(l.saturating_sub(s.player_bought));
            }
            if !day.on_sale(level, c.item) {
                max = 0;
            }
            if level.items[c.item].presale.is_none() {
                c.qty = c.qty.min(max);
            } else if max < c.qty {
                c.qty = 0;
            }
        }
        cart.retain(|c| c.qty > 0);
        day.cart = cart;
        day.cart_row = day.cart_row.min(day.cart.len().saturating_sub(1));
    }

    /// 24:00: envelopes expire, unpaid presale deposits are forfeited, the
    /// results are drawn up.
    fn midnight(&mut self) {
        self.day.overlay = Overlay::None;
        self.day.show = None;
        self.day.notice = None;
        for e in &mut self.envelopes {
            e.expired = true;
        }
        for r in &mut self.reservations {
            if !r.paid {
                r.forfeited = true;
            }
        }
        self.results = Some(results::Results::build(self));
        self.phase = Phase::Results;
    }

    /// Wishlist items bought (indices into the level's items).
    pub fn wishlist_bought(&self) -> Vec<usize> {
        self.level
            .wishlist
            .iter()
            .filter_map(|id| self.level.item_index(id))
            .filter(|&k| self.day.stock[k].player_bought > 0)
            .collect()
    }

    /// Everything spent: deposits and checkouts, cash and credit.
    pub fn spent(&self) -> Fen {
        self.purse.deposits_paid + self.day.paid_total()
    }

    /// Spending past the budget (0 within it).
    pub fn over_budget(&self) -> Fen {
        (self.spent() - self.level.wallet.budget).at_least_zero()
    }

    /// The big screen's GMV now.
    pub fn gmv(&self) -> Fen {
        crowd::gmv_at(&self.level.gmv, self.day.ticks, self.clock().day_ticks)
    }
}
