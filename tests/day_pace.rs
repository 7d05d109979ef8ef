//! A day with pace: `S` skips ahead to the next event, the runway's looks
//! stay in their store after the show, `B` goes through the checkout
//! review, deposits are announced, 剁手 only past the budget.

mod common;

use common::game::press;
use double11::game::{self, Event, GameState, Input, Overlay, Phase};
use double11::level::{self, DAY_MINUTES, Level};

fn shipped(name: &str) -> Level {
    level::load_shipped(name).expect("shipped").expect("valid")
}

fn tick(s: &mut GameState) {
    game::update(s, Event::Tick);
}

/// Skips the warm-up and the opening: the shop at 00:00.
fn to_day(s: &mut GameState) {
    while s.phase() != &Phase::Day {
        match s.phase() {
            Phase::Rain => tick(s),
            Phase::Day | Phase::Results => break,
            _ => press(s, Input::Skip),
        }
    }
}

/// Where the day stands, for "did the next event happen": events fired,
/// a show on, the phase.
fn progress(s: &GameState) -> (usize, bool, Phase) {
    (s.day().fired, s.day().show.is_some(), *s.phase())
}

#[test]
fn skip_ahead_lands_at_each_event_in_order_and_equals_single_ticks() {
    for (name, _) in level::shipped() {
        let l = shipped(name);
        let mut fast = GameState::new(&l, 3);
        to_day(&mut fast);
        let mut landed = Vec::new();
        let mut presses = 0;
        while !fast.is_over() {
            presses += 1;
            assert!(presses < 100, "{name}: the day never ends");
            if fast.phase() != &Phase::Day {
                // A rain called by an event: skip it, back to the shop.
                press(&mut fast, Input::Skip);
                continue;
            }
            let before = progress(&fast);
            let want = fast.ticks_to_next_event().expect("in the shop");
            let mut slow = fast.clone();
            press(&mut fast, Input::NextEvent);
            assert_eq!(fast.tick(), slow.tick() + want, "{name}: jumped {want}");
            // Ticking one by one to the same tick: the same state, and the
            // event happens on the last of those ticks, not before.
            while slow.tick() + 1 < fast.tick() {
                tick(&mut slow);
                assert_eq!(progress(&slow), before, "{name}: an event came early");
            }
            tick(&mut slow);
            assert!(slow == fast, "{name}: skip ahead ≠ single ticks");
            assert_ne!(progress(&fast), before, "{name}: nothing happened");
            landed.push(fast.day().news.last().map(|&(_, m)| m));
        }
        // Every scheduled event fired, in time order, and the last stop is midnight.
        let times: Vec<u16> = fast.day().news.iter().map(|&(_, m)| m).collect();
        let mut sorted = times.clone();
        sorted.sort_unstable();
        assert_eq!(times, sorted, "{name}");
        assert_eq!(fast.day().news.len(), l.events.len(), "{name}");
        assert_eq!(fast.day().minute, DAY_MINUTES, "{name}");
        for (&(e, m), _) in fast.day().news.iter().zip(&landed) {
            assert_eq!(m, l.events[e].at.minutes(), "{name}: event {e} fired late");
        }
    }
}

#[test]
fn skip_ahead_does_nothing_under_an_overlay_or_outside_the_day() {
    let l = shipped("tutorial.toml");
    let mut s = GameState::new(&l, 1);
    let before = s.clone();
    press(&mut s, Input::NextEvent);
    assert!(s == before, "the rain card ignores it");
    to_day(&mut s);
    press(&mut s, Input::Checkout); // empty cart: a notice, no overlay
    assert_eq!(s.day().overlay, Overlay::None);
    press(&mut s, Input::AddToCart);
    press(&mut s, Input::Checkout);
    assert!(matches!(s.day().overlay, Overlay::Review { .. }));
    let before = s.clone();
    press(&mut s, Input::NextEvent);
    assert!(s == before, "the review ignores it");
}

/// 2017 (seed 3) in the shop with the show on the runway.
fn show_2017() -> GameState {
    let mut s = GameState::new(&shipped("2017.toml"), 3);
    to_day(&mut s);
    press(&mut s, Input::NextEvent);
    assert!(s.day().show.is_some(), "the show opens the night");
    s
}

/// Selects `item` in the shop list with the player's keys.
fn select(s: &mut GameState, item: usize) {
    let l = s.level().clone();
    let tab = l.store_index(&l.items[item].store).expect("store");
    while s.day().store_tab != tab {
        press(s, Input::Right);
    }
    for _ in 0..50 {
        if s.day().selected_item(&l) == Some(item) {
            return;
        }
        press(s, Input::Down);
    }
    panic!("{} not in its store's list", l.items[item].id);
}

#[test]
fn a_runway_look_is_sold_in_its_store_after_the_show_on_the_levels_terms() {
    let mut s = show_2017();
    let l = s.level().clone();
    let qipao = l.item_index("qipao").expect("qipao");
    let after = l.items[qipao]
        .after_show
        .expect("2017 gives after-show terms");
    assert!(after.price > l.items[qipao].festival_price);
    assert!(
        !s.day().visible_items(&l).contains(&qipao),
        "not in the store before it walks"
    );
    press(&mut s, Input::NextEvent); // to the end of the show
    assert!(s.day().show.is_none());
    assert!(s.day().on_sale(&l, qipao));
    assert_eq!(s.day().price_of(&l, qipao), after.price);
    assert!(s.day().stock[qipao].left <= after.stock.expect("stock kept"));
    select(&mut s, qipao);
    press(&mut s, Input::AddToCart);
    assert_eq!(s.day().in_cart(qipao), 1);
    let quote = s.cart_quote();
    assert_eq!(quote.goods, after.price, "priced at the after-show price");
    press(&mut s, Input::Checkout);
    press(&mut s, Input::Confirm);
    assert_eq!(s.day().purchases.len(), 1);
    assert_eq!(s.day().purchases[0].goods, after.price);
    assert_eq!(s.day().stock[qipao].player_bought, 1);
}

#[test]
fn buy_now_opens_the_review_and_paying_is_the_cart_checkout() {
    let s = show_2017();
    let look = s
        .day()
        .show
        .as_ref()
        .and_then(|x| x.on_stage())
        .expect("a look");
    // B: the review of the look, nothing paid yet.
    let mut b = s.clone();
    press(&mut b, Input::BuyNow);
    assert_eq!(
        b.day().overlay,
        Overlay::Review {
            best: false,
            look: Some(look)
        }
    );
    assert!(
        b.day().purchases.is_empty(),
        "nothing is charged before Enter"
    );
    assert_eq!(b.review_entries().len(), 1);
    let shown = double11::rules::quote(&b.review_order().0);
    press(&mut b, Input::Confirm);
    assert_eq!(b.day().overlay, Overlay::None);
    // A, then c → Enter: the look through the cart.
    let mut c = s.clone();
    press(&mut c, Input::AddToCart);
    assert_eq!(c.day().in_cart(look), 1);
    press(&mut c, Input::Checkout);
    assert!(matches!(
        c.day().overlay,
        Overlay::Review { look: None, .. }
    ));
    press(&mut c, Input::Confirm);
    let (pb, pc) = (&b.day().purchases, &c.day().purchases);
    assert_eq!(pb.len(), 1);
    assert_eq!(pc.len(), 1);
    assert_eq!(pb[0].pay, shown.pay, "paid what the review showed");
    assert_eq!(
        (&pb[0].lines, pb[0].pay, pb[0].saved),
        (&pc[0].lines, pc[0].pay, pc[0].saved)
    );
    assert_eq!(b.purse(), c.purse());
    assert_eq!(b.envelopes(), c.envelopes());
    assert!(pb[0].runway);
    // Esc leaves the review without paying.
    let mut e = s.clone();
    press(&mut e, Input::BuyNow);
    press(&mut e, Input::Back);
    assert_eq!(e.day().overlay, Overlay::None);
    assert!(e.day().purchases.is_empty());
}

#[test]
fn chopping_hands_only_past_the_budget() {
    let s = show_2017();
    let budget = s.level().wallet.budget;
    let room = budget - s.spent();
    assert!(
        !double11::ui::receipt::chops(&s, room),
        "up to the budget is fine"
    );
    assert!(double11::ui::receipt::chops(
        &s,
        room + double11::money::Fen(1)
    ));
}

#[test]
fn deposits_are_announced_and_the_tutorial_teaches_add_ons_and_splitting() {
    let s = GameState::new(&shipped("2017.toml"), 3);
    let lines = double11::ui::deposits::deposit_lines(false, &s);
    assert!(
        lines.iter().any(|l| l.contains("Longjing tea set ¥40.00")),
        "{lines:?}"
    );
    let t = shipped("tutorial.toml");
    let texts: Vec<&str> = t.events.iter().map(|e| e.text.as_str()).collect();
    assert!(
        texts
            .iter()
            .any(|x| x.contains("凑单") && x.contains("reach the tier"))
    );
    assert!(
        texts
            .iter()
            .any(|x| x.contains("Split") && x.contains("10 envelopes"))
    );
}
