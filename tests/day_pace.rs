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
