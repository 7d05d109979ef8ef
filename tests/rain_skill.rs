//! The rain rewards skill: on every shipped level mashing every lane every
//! 80 ms wins at most half the money an aimed (perfect) catcher wins, and
//! the idle bot catches and buys nothing. Plus the rain's mechanics through
//! the public contract: smooth motion, timing grades, the empty press's
//! cost and the density ramp.

mod common;

use common::game::press;
use double11::bot::{self, BotKind};
use double11::game::timing::{self, STEPS_PER_ROW};
use double11::game::{self, Event, GameState, Grade, Input, Phase, PopKind};
use double11::level::{self, Level};
use double11::money::Fen;

/// Festivals per level and bot.
const SEEDS: u64 = 12;

fn shipped() -> Vec<(String, Level)> {
    level::shipped()
        .into_iter()
        .map(|(n, text)| {
            let l = Level::from_toml_str(text, n).unwrap_or_else(|e| panic!("{e}"));
            (n.to_string(), l)
        })
        .collect()
}

fn shipped_level(name: &str) -> Level {
    level::load_shipped(name).expect("shipped").expect("valid")
}

/// A whole festival with `kind`: (money caught, envelopes held at the end,
/// envelopes caught, checkouts made).
fn festival(level: &Level, kind: BotKind, seed: u64) -> (Fen, usize, u32, usize) {
    let mut b = kind.make(seed);
    let s = bot::run_with(level, seed, b.as_mut(), |_, _| {});
    assert!(s.is_over(), "{kind} finishes the festival");
    let won = s.rains_played().iter().map(|r| r.won).sum();
    let caught = s.rains_played().iter().map(|r| r.caught - r.empty).sum();
    (won, s.envelopes().len(), caught, s.day().purchases.len())
}

#[test]
fn mashing_wins_at_most_half_of_aimed_play_and_idle_wins_nothing() {
    let levels = shipped();
    let problems: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = levels
            .chunks(levels.len().div_ceil(2).max(1))
            .map(|chunk| {
                scope.spawn(move || {
                    let mut problems = Vec::new();
                    for (name, level) in chunk {
                        let (mut aimed, mut mash, mut held, mut caught) = (0i64, 0i64, 0, 0);
                        for seed in 1..=SEEDS {
                            let a = festival(level, BotKind::Greedy, seed);
                            let m = festival(level, BotKind::Masher, seed);
                            let i = festival(level, BotKind::Idle, seed);
                            aimed += a.0.get();
                            mash += m.0.get();
                            held = held.max(a.1);
                            caught = caught.max(a.2);
                            if i.0 != Fen::ZERO || i.1 != 0 || i.3 != 0 {
                                problems.push(format!(
                                    "{name} seed {seed}: idle caught {} in {} envelopes, made {} checkouts",
                                    i.0, i.1, i.3
                                ));
                            }
                        }
                        let n = SEEDS as i64;
                        eprintln!(
                            "{name}: aimed mean ¥{:.2} · masher mean ¥{:.2} ({}%) · aimed caught ≤ {caught}, held ≤ {held}",
                            aimed as f64 / n as f64 / 100.0,
                            mash as f64 / n as f64 / 100.0,
                            mash * 100 / aimed.max(1)
                        );
                        if aimed == 0 || mash * 2 > aimed {
                            problems.push(format!(
                                "{name}: masher mean {} fen vs aimed {} fen (must be ≤ half)",
                                mash / n,
                                aimed / n
                            ));
                        }
                    }
                    problems
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("no panic"))
            .collect()
    });
    assert!(problems.is_empty(), "{problems:#?}");
}

fn tick(s: &mut GameState) {
    game::update(s, Event::Tick);
}

/// 2017's first rain, started, run until an envelope is falling.
fn first_envelope() -> GameState {
    let l = shipped_level("2017.toml");
    let mut s = GameState::new(&l, 4);
    press(&mut s, Input::Confirm);
    while !s
        .rain()
        .expect("rain")
        .falling
        .iter()
        .any(|f| f.spawn <= s.rain().expect("rain").elapsed)
    {
        tick(&mut s);
    }
    s
}

/// The envelope `first_envelope` found, and the game tick of its rain tick 0.
fn first(s: &GameState) -> (double11::game::Falling, u64) {
    let r = s.rain().expect("rain");
    (r.falling[0].clone(), s.tick() - r.elapsed)
}

#[test]
fn presses_are_perfect_near_the_hit_line_good_in_the_band_and_miss_outside() {
    let s = first_envelope();
    let (f, base) = first(&s);
    let r = s.rain().expect("rain");
    let (good_a, good_b) = r.catch_window(&f);
    let (perf_a, perf_b) = r.perfect_window(&f);
    assert!(good_a < perf_a && perf_a <= r.ideal_tick(&f) && r.ideal_tick(&f) <= perf_b);
    assert!(perf_b < good_b);
    let at = |t: u64| {
        let mut x = s.clone();
        game::advance_to(&mut x, base + t);
        press(&mut x, Input::Lane(f.lane));
        let r = x.rain().expect("rain");
        match r.pops.last().map(|p| p.kind) {
            Some(PopKind::Caught { grade, .. }) => Some(grade),
            Some(PopKind::Empty) => Some(r.catches[0].grade),
            _ => None,
        }
    };
    assert_eq!(at(good_a - 1), None, "too early is a miss");
    assert_eq!(at(good_a), Some(Grade::Good));
    assert_eq!(at(perf_a - 1), Some(Grade::Good));
    assert_eq!(at(perf_a), Some(Grade::Perfect));
    assert_eq!(at(r.ideal_tick(&f)), Some(Grade::Perfect));
    assert_eq!(at(perf_b), Some(Grade::Perfect));
    assert_eq!(at(perf_b + 1), Some(Grade::Good));
    assert_eq!(at(good_b), Some(Grade::Good));
    assert_eq!(at(good_b + 1), None, "too late is a miss");
    // At 7 rows a second the windows are about 100 ms and 285 ms.
    assert!(
        (5..=8).contains(&(perf_b - perf_a + 1)),
        "{perf_a}..={perf_b}"
    );
    assert!(
        (15..=19).contains(&(good_b - good_a + 1)),
        "{good_a}..={good_b}"
    );
}

#[test]
fn a_perfect_catch_scores_more_than_a_good_one_for_the_same_money() {
    let s = first_envelope();
    let (f, base) = first(&s);
    let r = s.rain().expect("rain");
    let catch = |t: u64| {
        let mut x = s.clone();
        game::advance_to(&mut x, base + t);
        press(&mut x, Input::Lane(f.lane));
        x.rain().expect("rain").catches[0]
    };
    let (p, g) = (catch(r.ideal_tick(&f)), catch(r.catch_window(&f).0));
    assert_eq!(p.value, g.value);
    assert!(p.points > g.points, "{} vs {}", p.points, g.points);
}

#[test]
fn an_empty_press_breaks_the_combo_locks_the_lane_and_docks_the_next_catch() {
    let s = first_envelope();
    let (f, base) = first(&s);
    let r = s.rain().expect("rain");
    let ideal = r.ideal_tick(&f);
    let mut x = s.clone();
    // Empty presses on the envelope's lane (too early) and another lane.
    press(&mut x, Input::Lane(f.lane));
    let other = (f.lane + 1) % 4;
    press(&mut x, Input::Lane(other));
    let r = x.rain().expect("rain").clone();
    assert_eq!((r.miss_presses, r.combo, r.dock_percent()), (2, 0, 50));
    assert!(r.is_locked(f.lane) && r.is_locked(other));
    // A press on a locked lane does nothing.
    press(&mut x, Input::Lane(other));
    assert_eq!(x.rain().expect("rain").miss_presses, 2);
    assert!(
        timing::LOCK_TICKS > r.catch_window(&f).1 - r.catch_window(&f).0,
        "the lock outlasts the band"
    );
    game::advance_to(&mut x, base + ideal.max(r.elapsed + timing::LOCK_TICKS));
    if x.rain().expect("rain").grade_now(&f).is_some() {
        press(&mut x, Input::Lane(f.lane));
        let c = x.rain().expect("rain").catches[0];
        assert_eq!(
            c.docked.get(),
            f.value.get() / 2,
            "two empty presses dock half"
        );
        assert_eq!(c.value + c.docked, f.value);
        assert_eq!(x.rain().expect("rain").dock_percent(), 0);
    }
    // Four empty presses leave the next catch nothing.
    assert_eq!(timing::docked(Fen(2_000), 4), Fen(2_000));
}

#[test]
fn envelopes_move_one_quarter_row_a_step_and_one_screen_row_at_most() {
    let s = first_envelope();
    let (f, _) = first(&s);
    let r = s.rain().expect("rain");
    let bottom = r.field_steps();
    // A field as tall as the rain has steps (a 52-row terminal) or shorter.
    let field_h = bottom;
    let mut prev = r.step_at(&f, f.spawn);
    let mut t = f.spawn;
    while r.step_at(&f, t) < bottom {
        t += 1;
        let now = r.step_at(&f, t);
        assert!(now - prev <= 1, "tick {t}: {prev} → {now}");
        let y = |step: u64| step * field_h / bottom;
        assert!(y(now) - y(prev) <= 1, "one screen row at a time");
        prev = now;
    }
    assert_eq!(bottom, u64::from(r.rows) * STEPS_PER_ROW);
    assert!(r.speed <= timing::MAX_SPEED);
}

#[test]
fn drops_come_faster_and_in_patterns_as_a_rain_goes_on_and_by_level() {
    let l = shipped_level("2017.toml");
    let (mut early, mut late, mut paired) = (0, 0, [0, 0]);
    for seed in 1..=8 {
        let mut s = GameState::new(&l, seed);
        press(&mut s, Input::Confirm);
        let mut seen: Vec<(u64, u8)> = Vec::new();
        while s.phase() == &Phase::Rain {
            let r = s.rain().expect("rain");
            for f in &r.falling {
                if !seen.contains(&(f.spawn, f.lane)) {
                    seen.push((f.spawn, f.lane));
                }
            }
            tick(&mut s);
        }
        let half = s.rain().expect("rain").duration / 2;
        for &(t, _) in &seen {
            let second = usize::from(t >= half);
            if second == 0 {
                early += 1;
            } else {
                late += 1;
            }
            // Another envelope within a run's reach: a pattern.
            if seen.iter().any(|&(u, _)| u != t && u.abs_diff(t) <= 2 * 9)
                || seen.iter().filter(|&&(u, _)| u == t).count() > 1
            {
                paired[second] += 1;
            }
        }
    }
    assert!(
        late > early,
        "envelopes: {early} in first halves, {late} in second"
    );
    assert!(paired[1] > paired[0], "in patterns: {paired:?}");
    // By level: 2022's rains are faster and denser than the tutorial's.
    let (tut, y2022) = (shipped_level("tutorial.toml"), shipped_level("2022.toml"));
    let fastest = |l: &Level| l.rains.iter().map(|r| r.speed).max().unwrap_or(0);
    let densest = |l: &Level| l.rains.iter().map(|r| r.spawn_end_ms).min().unwrap_or(0);
    assert!(fastest(&y2022) > fastest(&tut) && densest(&y2022) < densest(&tut));
    for (name, l) in shipped() {
        for r in &l.rains {
            assert!(r.spawn_end_ms < r.spawn_every_ms, "{name} {}: a ramp", r.id);
            assert!(r.pattern_percent > 0, "{name} {}: patterns", r.id);
        }
    }
}
