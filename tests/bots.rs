//! Bots, replays and the fast-forward: equivalence with single ticks,
//! golden replays, determinism, balance, the demo loop and the CLI.

use double11::bot::{self, BotKind, Demo};
use double11::game::{self, Event, GameRng, GameState, Input};
use double11::level::{self, Level};
use double11::replay::Replay;
use std::path::{Path, PathBuf};
use std::process::Command;

fn shipped() -> Vec<(String, Level)> {
    level::shipped()
        .into_iter()
        .map(|(n, text)| {
            let l = Level::from_toml_str(text, n).unwrap_or_else(|e| panic!("{e}"));
            (n.to_string(), l)
        })
        .collect()
}

fn json(s: &GameState) -> String {
    serde_json::to_string(s).expect("a state serializes")
}

/// Random inputs at random ticks over a whole festival: enough Confirms to
/// get through the cards, lanes in the rain, shop keys in the day.
fn random_script(seed: u64, end: u64) -> Vec<(u64, Input)> {
    let mut rng = GameRng::new(seed);
    let keys = [
        Input::Confirm,
        Input::Lane(0),
        Input::Lane(1),
        Input::Lane(2),
        Input::Lane(3),
        Input::Down,
        Input::NextTab,
        Input::AddToCart,
        Input::Checkout,
        Input::ToggleCard,
        Input::Back,
        Input::BuyNow,
        Input::Skip,
        Input::Pause,
    ];
    let mut t = 0;
    let mut out = Vec::new();
    while t < end {
        t += rng.between(1, 400);
        let k = rng.below(keys.len() as u64) as usize;
        out.push((t, keys[k].clone()));
    }
    out
}

#[test]
fn fast_forward_equals_single_ticks_over_whole_festivals() {
    for (name, level) in shipped() {
        for seed in 0..3u64 {
            let end = bot::run::tick_limit(&level) / 4;
            let script = random_script(seed * 31 + 7, end);
            let mut slow = GameState::new(&level, seed);
            let mut fast = GameState::new(&level, seed);
            for (checked, (t, input)) in script
                .iter()
                .chain([(end, Input::Confirm)].iter())
                .enumerate()
            {
                while slow.tick() < *t {
                    game::update(&mut slow, Event::Tick);
                }
                game::fast_forward_to(&mut fast, *t);
                if checked % 16 == 0 {
                    assert_eq!(json(&slow), json(&fast), "{name} seed {seed} tick {t}");
                }
                game::update(&mut slow, Event::Input(input.clone()));
                game::update(&mut fast, Event::Input(input.clone()));
            }
            assert_eq!(json(&slow), json(&fast), "{name} seed {seed} at the end");
        }
    }
}

#[test]
fn fast_forward_equals_single_ticks_under_bot_play() {
    for (name, level) in shipped() {
        for kind in BotKind::ALL {
            let mut b = kind.make(5);
            let (fast, replay) = bot::run_festival(&name, &level, 5, b.as_mut());
            let mut slow = GameState::new(&level, 5);
            for (t, input) in &replay.inputs {
                while slow.tick() < *t {
                    game::update(&mut slow, Event::Tick);
                }
                game::update(&mut slow, Event::Input(input.clone()));
            }
            while slow.tick() < replay.end_tick {
                game::update(&mut slow, Event::Tick);
            }
            assert_eq!(json(&slow), json(&fast), "{name} {kind}");
            assert!(fast.is_over(), "{name} {kind} did not finish");
        }
    }
}

/// Inside a runway show the fast-forward buys a look's crowd share in one
/// go; the state must match single ticks at every point of the walk, not
/// only where the next look takes over.
#[test]
fn fast_forward_equals_single_ticks_inside_a_runway_show() {
    let mut shows = 0;
    for (name, level) in shipped() {
        if level.events.iter().all(|e| e.looks.is_empty()) {
            continue;
        }
        let mut b = BotKind::Greedy.make(5);
        let (_, replay) = bot::run_festival(&name, &level, 5, b.as_mut());
        // Single ticks with the bot's inputs until a show is on stage.
        let mut start = GameState::new(&level, 5);
        let mut inputs = replay.inputs.iter().peekable();
        while start.day().show.is_none() && !start.is_over() {
            while let Some((_, input)) = inputs.next_if(|(t, _)| *t == start.tick()) {
                game::update(&mut start, Event::Input(input.clone()));
            }
            game::update(&mut start, Event::Tick);
        }
        let Some(show) = start.day().show.clone() else {
            continue;
        };
        shows += 1;
        // Every tick of the walk and a few past its end, each reached in one
        // fast-forward from the show's start.
        let walk = show.look_ticks * show.looks.len() as u64;
        let mut slow = start.clone();
        for ahead in 1..=walk + 5 {
            game::update(&mut slow, Event::Tick);
            let mut fast = start.clone();
            game::fast_forward_to(&mut fast, start.tick() + ahead);
            assert!(slow == fast, "{name}: {ahead} ticks into the show differ");
        }
    }
    assert!(shows > 0, "no shipped level reached a runway show");
}

/// Seeds per level and bot in the balance check (fewer in debug builds:
/// a festival's midnight best plan over ~200 envelopes is slow unoptimised).
const BALANCE_SEEDS: u64 = if cfg!(debug_assertions) { 4 } else { 30 };

fn replay_path(level: &str) -> PathBuf {
    let stem = level.trim_end_matches(".toml");
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/replays")
        .join(format!("{stem}-greedy.json"))
}

/// The golden replays: recorded once with the greedy bot (seed 11) by
/// `DOUBLE11_RECORD_REPLAYS=1 cargo test --test bots golden`, committed,
/// and from then on re-run to the same score.
#[test]
fn golden_replays_give_the_same_score_every_run() {
    let record = std::env::var_os("DOUBLE11_RECORD_REPLAYS").is_some();
    for (name, level) in shipped() {
        let path = replay_path(&name);
        if record || !path.exists() {
            let mut b = BotKind::Greedy.make(11);
            let (_, replay) = bot::run_festival(&name, &level, 11, b.as_mut());
            if record {
                replay.write(&path).expect("writes the replay");
            } else {
                eprintln!("no golden replay for {name} yet: record it");
                continue;
            }
        }
        let replay = Replay::read(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(replay.level, name);
        let checked = replay.verify(&level).unwrap_or_else(|e| panic!("{e}"));
        assert!(checked.finished, "{name}: the replay ends before midnight");
        assert_eq!(checked.actual, checked.claimed, "{name}: score changed");
        // Twice more: the same state each time.
        assert_eq!(json(&replay.run(&level)), json(&replay.run(&level)));
    }
}

#[test]
fn bots_are_deterministic_across_runs() {
    for (name, level) in shipped().into_iter().take(3) {
        for kind in BotKind::ALL {
            let run = || {
                let mut b = kind.make(42);
                bot::run_festival(&name, &level, 42, b.as_mut())
            };
            let (a, ra) = run();
            let (b, rb) = run();
            assert_eq!(json(&a), json(&b), "{name} {kind}");
            assert_eq!(ra, rb, "{name} {kind}");
            // And the replay alone rebuilds the state.
            assert_eq!(json(&ra.run(&level)), json(&a), "{name} {kind}");
        }
    }
}

/// Planner ≥ greedy ≥ random on average on every shipped level, and the
/// planner buys the whole wishlist every time.
#[test]
fn balance_planner_beats_greedy_beats_random() {
    let levels = shipped();
    let results: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = levels
            .chunks(levels.len().div_ceil(2).max(1))
            .map(|chunk| {
                scope.spawn(move || {
                    let mut problems = Vec::new();
                    for (name, level) in chunk {
                        let [r, g, p] = BotKind::ALL.map(|k| bot::simulate(level, k, 100, BALANCE_SEEDS));
                        eprintln!(
                            "{name}: random {} · greedy {} · planner {} (planner wishlist {}/{}, wins {})",
                            r.mean, g.mean, p.mean, p.wishlist_complete, p.runs, p.wins
                        );
                        if !(p.mean >= g.mean && g.mean >= r.mean) {
                            problems.push(format!(
                                "{name}: means random {} greedy {} planner {}",
                                r.mean, g.mean, p.mean
                            ));
                        }
                        if p.wishlist_complete != p.runs {
                            problems.push(format!(
                                "{name}: planner bought the wishlist {}/{} times",
                                p.wishlist_complete, p.runs
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
    assert!(results.is_empty(), "{results:#?}");
}

/// The demo loop runs 10,000 simulated minutes of festivals back to back;
/// nothing grows from one festival to the next.
#[test]
fn the_demo_loop_runs_ten_thousand_minutes_without_growth() {
    let levels: Vec<(String, Level)> = shipped()
        .into_iter()
        .filter(|(n, _)| n == "tutorial.toml" || n == "2009.toml")
        .collect();
    assert!(!levels.is_empty());
    let mut demo = Demo::new(levels, BotKind::Greedy, 1).expect("levels");
    let total = 10_000 * 60 * game::TICKS_PER_SECOND;
    let chunk = 30 * game::TICKS_PER_SECOND;
    let (mut done, mut max_state, mut max_inputs) = (0, 0, 0);
    let mut first_cycle = None;
    while done < total {
        demo.advance(chunk);
        done += chunk;
        max_state = max_state.max(json(demo.game()).len());
        max_inputs = max_inputs.max(demo.recorder().inputs().len());
        if first_cycle.is_none() && demo.festivals_played() >= 2 {
            first_cycle = Some((max_state, max_inputs));
        }
    }
    let (state0, inputs0) = first_cycle.expect("played a full cycle");
    assert!(demo.festivals_played() > 100, "{}", demo.festivals_played());
    // After the first cycle of levels the high-water marks barely move: the
    // sizes are per festival, not cumulative.
    assert!(
        max_state <= state0 * 3 / 2,
        "state grew: {state0} → {max_state}"
    );
    assert!(
        max_inputs <= inputs0 * 3 / 2 + 50,
        "inputs grew: {inputs0} → {max_inputs}"
    );
}

fn double11() -> Command {
    Command::new(env!("CARGO_BIN_EXE_double11"))
}

#[test]
fn simulate_prints_statistics() {
    let out = double11()
        .args([
            "simulate", "--level", "tutorial", "--bot", "greedy", "--runs", "5", "--seed", "3",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for word in ["mean", "p10", "p50", "p90", "wins", "festivals/s"] {
        assert!(text.contains(word), "{word} missing in {text}");
    }
    let out = double11()
        .args([
            "simulate",
            "--level",
            "tutorial.toml",
            "--bot",
            "random",
            "--runs",
            "3",
            "--json",
        ])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["runs"], 3);
    assert_eq!(v["bot"], "random");
    let out = double11()
        .args(["simulate", "--level", "nope", "--bot", "greedy"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = double11()
        .args(["simulate", "--level", "tutorial", "--bot", "wizard"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn replay_verify_accepts_the_truth_and_refuses_a_tampered_score() {
    let (name, level) = shipped().remove(0);
    let mut b = BotKind::Greedy.make(3);
    let (_, replay) = bot::run_festival(&name, &level, 3, b.as_mut());
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.json");
    replay.write(&good).expect("writes");
    let out = double11()
        .args(["replay", "--verify"])
        .arg(&good)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(&replay.score.to_string()));

    let mut tampered = replay.clone();
    tampered.score += 1_000;
    let bad = dir.path().join("tampered.json");
    tampered.write(&bad).expect("writes");
    let out = double11()
        .args(["replay", "--verify"])
        .arg(&bad)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("claims"));

    // An input moved: the same claim no longer holds either.
    let mut moved = replay.clone();
    moved.inputs.retain(|(_, i)| !matches!(i, Input::Lane(_)));
    let moved_path = dir.path().join("moved.json");
    moved.write(&moved_path).expect("writes");
    let out = double11()
        .args(["replay", "--verify"])
        .arg(&moved_path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));

    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, "not json").expect("writes");
    let out = double11()
        .args(["replay", "--verify"])
        .arg(&junk)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = double11()
        .args(["replay", "--verify", "/no/such/file.json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
