//! The game core through its public contract: shipped levels, catches,
//! the clock, events, checkout, expiry, determinism and full playthroughs.

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

fn press(s: &mut GameState, input: Input) {
    game::update(s, Event::Input(input));
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

/// A player who presses every lane the moment an envelope is in its zone.
fn perfect(s: &mut GameState) {
    let Some(r) = s.rain() else { return };
    let lanes: Vec<u8> = r
        .falling
        .iter()
        .filter(|f| r.in_zone(r.row(f)) && !r.is_locked(f.lane))
        .map(|f| f.lane)
        .collect();
    for lane in lanes {
        press(s, Input::Lane(lane));
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
        perfect(&mut s);
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
    // 0.3 s later the lane is free again.
    for _ in 0..18 {
        tick(&mut s);
    }
    assert!(!s.rain().unwrap().is_locked(empty_lane));
}

#[test]
fn mashing_keys_is_not_profitable() {
    for (l, seed) in [(tutorial(), 11), (level_2017(), 12)] {
        let mut good = GameState::new(&l, seed);
        play_rain(&mut good, perfect);
        let mut mash = GameState::new(&l, seed);
        let mut n = 0u64;
        play_rain(&mut mash, |s| {
            n += 1;
            if n.is_multiple_of(2) {
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
