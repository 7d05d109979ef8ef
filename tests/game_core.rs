//! The game core through its public contract: shipped levels, catches,
//! the clock, events, checkout, expiry, determinism and full playthroughs.

mod common;

use common::game::{catch_all, press};
use double11::game::{self, Event, GameState, Input, Phase};
use double11::level::{self, Level};

fn tutorial() -> Level {
    level::load_shipped("tutorial.toml")
        .expect("shipped")
        .expect("valid")
}

#[test]
fn every_shipped_level_loads_and_validates() {
    for (name, text) in level::shipped() {
        if let Err(e) = Level::from_toml_str(text, name) {
            panic!("{e}");
        }
    }
    assert!(level::gmv_records().expect("records").len() >= 13);
}

#[test]
fn a_new_game_waits_on_the_first_rain_card() {
    let l = tutorial();
    let mut s = GameState::new(&l, 1);
    assert_eq!(s.phase(), &Phase::RainIntro);
    assert_eq!(s.next_wakeup(), None);
    game::update(&mut s, Event::Input(Input::Confirm));
    assert_eq!(s.phase(), &Phase::Rain);
    assert!(s.next_wakeup().is_some());
}

fn level_2017() -> Level {
    level::load_shipped("2017.toml")
        .expect("shipped")
        .expect("valid")
}

fn tick(s: &mut GameState) {
    game::update(s, Event::Tick);
}

/// Starts the first rain and runs until an envelope is falling; returns its
/// lane and the first and last global ticks it can be caught.
fn first_window(s: &mut GameState) -> (u8, u64, u64) {
    if s.phase() == &Phase::RainIntro {
        press(s, Input::Confirm);
    }
    while s.rain().expect("rain").falling.is_empty() {
        tick(s);
    }
    let r = s.rain().expect("rain");
    let f = &r.falling[0];
    let (a, b) = r.catch_window(f);
    let base = s.tick() - r.elapsed;
    (f.lane, base + a, base + b)
}

fn caught(s: &GameState) -> usize {
    s.rain().map_or(0, |r| r.catches.len())
}

#[test]
fn a_press_just_inside_the_zone_catches_and_just_outside_misses() {
    let l = tutorial();
    let mut s = GameState::new(&l, 3);
    let (lane, first, last) = first_window(&mut s);
    assert!(first <= last);
    for (at, expect) in [(first - 1, 0), (first, 1), (last, 1), (last + 1, 0)] {
        let mut t = s.clone();
        game::advance_to(&mut t, at);
        press(&mut t, Input::Lane(lane));
        assert_eq!(
            caught(&t),
            expect,
            "press at {at} (window {first}..={last})"
        );
        if expect == 0 {
            assert_eq!(t.rain().unwrap().combo, 0);
        }
    }
}

/// Plays the current rain with `bot` called every tick until it is over.
fn play_rain(s: &mut GameState, mut bot: impl FnMut(&mut GameState)) {
    if s.phase() == &Phase::RainIntro {
        press(s, Input::Confirm);
    }
    while s.phase() == &Phase::Rain {
        bot(s);
        tick(s);
    }
}

#[test]
fn combos_build_and_a_miss_resets_them_and_locks_the_lane() {
    let l = tutorial();
    let mut s = GameState::new(&l, 5);
    press(&mut s, Input::Confirm);
    // Catch five in a row.
    while caught(&s) < 5 {
        catch_all(&mut s);
        tick(&mut s);
    }
    let r = s.rain().unwrap();
    assert_eq!(r.combo, 5);
    assert!(
        r.catches[4].points > r.catches[0].points * 100 / 100
            || r.catches[4].value != r.catches[0].value
    );
    // Press a lane with nothing in its zone.
    let empty_lane = (0..4u8)
        .find(|&ln| {
            !r.falling
                .iter()
                .any(|f| f.lane == ln && r.in_zone(r.row(f)))
        })
        .unwrap();
    press(&mut s, Input::Lane(empty_lane));
    let r = s.rain().unwrap();
    assert_eq!(r.combo, 0);
    assert_eq!(r.miss_presses, 1);
    assert!(r.is_locked(empty_lane));
    // 0.5 s later the lane is free again.
    for _ in 0..double11::game::rain::LOCK_TICKS {
        tick(&mut s);
    }
    assert!(!s.rain().unwrap().is_locked(empty_lane));
}

#[test]
fn mashing_keys_is_not_profitable() {
    for (l, seed) in [(tutorial(), 11), (level_2017(), 12)] {
        let mut good = GameState::new(&l, seed);
        play_rain(&mut good, catch_all);
        let mut mash = GameState::new(&l, seed);
        let mut n = 0u64;
        play_rain(&mut mash, |s| {
            n += 1;
            if n % 2 == 0 {
                for lane in 0..4 {
                    press(s, Input::Lane(lane));
                }
            }
        });
        let (g, m) = (&good.rains_played()[0], &mash.rains_played()[0]);
        assert!(
            g.points > m.points,
            "{}: points {} vs mash {}",
            l.name,
            g.points,
            m.points
        );
        assert!(
            g.caught >= m.caught,
            "{}: caught {} vs mash {}",
            l.name,
            g.caught,
            m.caught
        );
        assert!(m.missed > 0 && m.miss_presses > 20);
        assert!(g.best_combo > m.best_combo);
    }
}

#[test]
fn the_crowd_drains_the_pool_and_a_dry_pool_ends_the_rain() {
    let l = level_2017();
    let mut s = GameState::new(&l, 1);
    for _ in 0..3 {
        play_rain(&mut s, |_| {});
        if s.phase() == &Phase::RainOver {
            press(&mut s, Input::Confirm);
        }
    }
    let played = s.rains_played();
    assert_eq!(played.len(), 3);
    assert_eq!(played[0].end, game::RainEnd::TimeUp);
    assert_eq!(
        played[2].end,
        game::RainEnd::PoolDry,
        "3 × 30 s × ¥3.1 M/s > ¥250 M"
    );
    assert_eq!(s.draws().pool_left, double11::money::Fen::ZERO);
    assert_eq!(s.phase(), &Phase::Opening);
}

/// Skips the warm-up and the opening: the shop at 00:00.
fn to_day(s: &mut GameState) {
    while s.phase() != &Phase::Day {
        match s.phase() {
            Phase::RainIntro | Phase::RainOver => press(s, Input::Skip),
            Phase::Rain => tick(s),
            Phase::Opening => press(s, Input::Skip),
            Phase::Day | Phase::Results => break,
        }
    }
}

/// Runs the day clock to `minute` (the shop must be open).
fn run_to_minute(s: &mut GameState, minute: u16) {
    while s.phase() == &Phase::Day && s.day().minute < minute {
        tick(s);
    }
}

/// Selects `item_id` in the shop with the player's own keys.
fn select(s: &mut GameState, item_id: &str) -> usize {
    let l = s.level().clone();
    let item = l.item_index(item_id).expect("item");
    let tab = l.store_index(&l.items[item].store).expect("store");
    press(s, Input::SearchClear);
    while s.day().store_tab != tab {
        press(s, Input::Right);
    }
    for _ in 0..50 {
        if s.day().selected_item(&l) == Some(item) {
            return item;
        }
        press(s, Input::Down);
    }
    panic!("{item_id} not in the list");
}

#[test]
fn the_clock_maps_ticks_to_hh_mm() {
    let l = tutorial(); // 90 s a day: 1,440 minutes in 5,400 ticks
    let mut s = GameState::new(&l, 2);
    to_day(&mut s);
    assert_eq!(s.clock_time().to_string(), "00:00");
    let start = s.tick();
    game::advance_to(&mut s, start + 2_700);
    assert_eq!(s.clock_time().to_string(), "12:00");
    game::advance_to(&mut s, start + 2_700 + 225);
    assert_eq!(s.clock_time().to_string(), "13:00");
}

#[test]
fn events_fire_at_their_clock_times() {
    let l = tutorial();
    let notice = l
        .events
        .iter()
        .position(|e| e.kind == level::EventKind::Notice)
        .unwrap();
    let mut s = GameState::new(&l, 2);
    to_day(&mut s);
    run_to_minute(&mut s, 359);
    assert!(!s.day().news.iter().any(|&(e, _)| e == notice));
    run_to_minute(&mut s, 360);
    tick(&mut s);
    assert!(s.day().news.contains(&(notice, 360)));
    assert_eq!(
        s.day().notice.as_ref().map(|n| &n.kind),
        Some(&game::NoticeKind::Event { event: notice })
    );
}

#[test]
fn a_flash_sale_opens_on_time_and_the_crowd_sells_it_out() {
    let l = tutorial();
    let mut s = GameState::new(&l, 9);
    to_day(&mut s);
    let band = select(&mut s, "band");
    press(&mut s, Input::AddToCart);
    assert!(matches!(
        s.day().notice.as_ref().map(|n| &n.kind),
        Some(game::NoticeKind::NotYet { .. })
    ));
    assert_eq!(s.day().in_cart(band), 0);
    run_to_minute(&mut s, 12 * 60);
    press(&mut s, Input::AddToCart);
    assert_eq!(s.day().in_cart(band), 1);
    // Wait too long: the crowd buys every unit within 20–30 minutes.
    run_to_minute(&mut s, 12 * 60 + 31);
    let stock = &s.day().stock[band];
    assert_eq!(stock.left, 0);
    let out = stock.sold_out_at.unwrap();
    assert!(
        (12 * 60 + 19..=12 * 60 + 30).contains(&out),
        "sold out at {out}"
    );
    press(&mut s, Input::Checkout);
    press(&mut s, Input::Confirm);
    match &s.day().overlay {
        game::Overlay::Refused(reasons) => assert!(matches!(
            reasons[0],
            game::Refused::OutOfStock { left: 0, .. }
        )),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(s.day().cart.len(), 1, "a refused checkout keeps the cart");
    assert!(s.day().purchases.is_empty());
}

#[test]
fn an_accepted_checkout_pays_takes_stock_and_empties_the_cart() {
    let l = tutorial();
    let mut s = GameState::new(&l, 4);
    to_day(&mut s);
    let oolong = select(&mut s, "oolong");
    press(&mut s, Input::AddToCart);
    press(&mut s, Input::AddToCart);
    let socks = select(&mut s, "socks");
    press(&mut s, Input::AddToCart);
    let quote = s.cart_quote();
    // 2 × 49 = 98 ≥ 80: ¥8 store discount; socks 25 − 5 coupon; pool 98 + 20 = 118 → ¥10.
    assert_eq!(quote.pay.get(), (98 + 25 - 5 - 8 - 10) * 100);
    assert!(!quote.is_refused());
    press(&mut s, Input::Checkout);
    assert_eq!(
        s.day().overlay,
        game::Overlay::Review {
            best: false,
            look: None
        }
    );
    press(&mut s, Input::Confirm);
    assert_eq!(s.day().overlay, game::Overlay::None);
    assert!(s.day().cart.is_empty());
    assert_eq!(s.day().purchases.len(), 1);
    assert_eq!(s.day().purchases[0].pay, quote.pay);
    assert_eq!(s.purse().balance.get(), 30000 - quote.pay.get());
    assert_eq!(s.day().stock[oolong].player_bought, 2);
    assert_eq!(s.day().stock[socks].player_bought, 1);
    assert!(
        s.coupons().iter().all(|c| c.used),
        "the socks coupon is used"
    );
}

#[test]
fn a_checkout_over_balance_and_credit_is_refused_with_the_shortfall() {
    let mut l = tutorial();
    l.wallet.balance = double11::money::Fen(2000);
    l.wallet.credit = double11::money::Fen(1000);
    let mut s = GameState::new(&l, 4);
    to_day(&mut s);
    select(&mut s, "oolong");
    press(&mut s, Input::AddToCart);
    press(&mut s, Input::Checkout);
    press(&mut s, Input::Confirm);
    match &s.day().overlay {
        game::Overlay::Refused(r) => assert_eq!(
            r,
            &vec![game::Refused::OverCredit {
                total: double11::money::Fen(4900),
                available: double11::money::Fen(3000),
                short_by: double11::money::Fen(1900),
            }]
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(s.purse().balance.get(), 2000, "nothing was paid");
    assert_eq!(s.day().cart.len(), 1);
}

#[test]
fn an_envelope_is_used_in_part_and_the_rest_expires_at_midnight() {
    let mut l = tutorial();
    l.prizes = vec![level::Prize {
        value: double11::money::Fen(10000),
        weight: 1,
        min_spend: double11::money::Fen::ZERO,
        jackpot: false,
    }];
    l.envelopes.pool = double11::money::Fen(100000000);
    let mut s = GameState::new(&l, 6);
    press(&mut s, Input::Confirm);
    while s.envelopes().is_empty() {
        catch_all(&mut s);
        tick(&mut s);
    }
    let held = s.envelopes().len();
    to_day(&mut s);
    select(&mut s, "socks");
    press(&mut s, Input::AddToCart);
    press(&mut s, Input::Checkout);
    press(&mut s, Input::Confirm);
    assert_eq!(s.day().purchases.len(), 1);
    assert_eq!(
        s.day().purchases[0].pay.get(),
        0,
        "25 − 5 coupon − 20 of the envelope"
    );
    assert_eq!(
        s.envelopes()[0].value.get(),
        8000,
        "the rest stays in the wallet"
    );
    assert_eq!(s.envelopes().len(), held);
    while !s.is_over() {
        tick(&mut s);
    }
    let r = s.results().unwrap();
    assert_eq!(r.expired.len(), held);
    assert_eq!(r.expired_value.get(), 8000 + (held as i64 - 1) * 10000);
    assert!(s.envelopes().iter().all(|e| e.expired));
    assert!(r.score.expired < 0);
    assert_eq!(s.next_wakeup(), None);
}

fn script() -> Vec<(u64, Input)> {
    let mut v = vec![(0, Input::Confirm)];
    for k in 0..200u64 {
        v.push((30 + k * 7, Input::Lane((k % 4) as u8)));
    }
    v.push((2_000, Input::Confirm)); // rain over → opening
    v.push((2_001, Input::Skip));
    v.push((2_002, Input::Search('o')));
    v.push((2_003, Input::AddToCart));
    v.push((2_400, Input::Checkout));
    v.push((2_401, Input::Confirm));
    v
}

#[test]
fn the_same_seed_and_inputs_give_the_same_state() {
    let l = tutorial();
    let a = game::simulate_inputs(&l, 42, &script());
    let b = game::simulate_inputs(&l, 42, &script());
    let ja = serde_json::to_string(&a).unwrap();
    assert_eq!(ja, serde_json::to_string(&b).unwrap());
    let c = game::simulate_inputs(&l, 43, &script());
    assert_ne!(ja, serde_json::to_string(&c).unwrap());
    // A saved game resumes exactly.
    let mut resumed: GameState = serde_json::from_str(&ja).unwrap();
    let mut straight = a.clone();
    game::advance_to(&mut resumed, 5_000);
    game::advance_to(&mut straight, 5_000);
    assert_eq!(resumed, straight);
}

#[test]
fn pause_stops_everything_but_the_tick_count() {
    let l = tutorial();
    let mut s = GameState::new(&l, 8);
    press(&mut s, Input::Confirm);
    game::advance_to(&mut s, 100);
    press(&mut s, Input::Pause);
    let frozen = s.rain().unwrap().clone();
    assert_eq!(s.next_wakeup(), None);
    game::advance_to(&mut s, 400);
    press(&mut s, Input::Lane(0));
    assert_eq!(s.rain().unwrap(), &frozen);
    press(&mut s, Input::Pause);
    assert!(s.next_wakeup().unwrap() > s.tick());
}

/// A scripted player: catches everything, pays the wishlist, buys runway looks.
fn playthrough(l: &Level, seed: u64) -> GameState {
    let mut s = GameState::new(l, seed);
    let wish: Vec<usize> = l.wishlist.iter().filter_map(|w| l.item_index(w)).collect();
    let mut shopped = false;
    while !s.is_over() {
        assert!(s.tick() < 200_000, "the festival must end");
        match *s.phase() {
            Phase::RainIntro | Phase::RainOver => press(&mut s, Input::Confirm),
            Phase::Rain => catch_all(&mut s),
            Phase::Opening => press(&mut s, Input::Skip),
            Phase::Day => {
                if let game::Overlay::Refused(_) = s.day().overlay {
                    press(&mut s, Input::Back);
                }
                if let Some(item) = s.day().show.as_ref().and_then(|sh| sh.on_stage())
                    && wish.contains(&item)
                    && s.day().stock[item].player_bought == 0
                {
                    // `B` opens the checkout review; Enter pays.
                    press(&mut s, Input::BuyNow);
                    press(&mut s, Input::Confirm);
                }
                if !shopped && s.day().minute > 10 * 60 {
                    shopped = true;
                    for &k in &wish {
                        if s.day().stock[k].player_bought == 0 && !l.items[k].runway {
                            select(&mut s, &l.items[k].id);
                            press(&mut s, Input::AddToCart);
                        }
                    }
                    press(&mut s, Input::Checkout);
                    press(&mut s, Input::ToggleCard);
                    press(&mut s, Input::Confirm);
                }
            }
            Phase::Results => {}
        }
        tick(&mut s);
    }
    s
}

#[test]
fn every_shipped_level_plays_through_to_the_results() {
    for (name, text) in level::shipped() {
        let l = Level::from_toml_str(text, name).unwrap();
        let s = playthrough(&l, 2017);
        let r = s.results().expect("results");
        assert_eq!(s.phase(), &Phase::Results);
        assert!(r.checkouts >= 1, "{name}: {r:?}");
        assert_eq!(r.wishlist_missed, Vec::<usize>::new(), "{name}");
        assert!(s.rains_played().iter().map(|p| p.caught).sum::<u32>() > 10);
        assert_eq!(r.spent_by_hour.len(), 24);
        assert!(r.best_plan_pay.get() > 0);
        assert!(r.score.total > 0, "{name}: {:?}", r.score);
        assert_eq!(
            r.paid + r.deposits,
            *r.spent_by_hour.last().unwrap(),
            "{name}: the chart ends at what was spent"
        );
        eprintln!("{name}: {:?} rank {:?}", r.score, r.rank);
    }
}
