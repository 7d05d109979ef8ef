//! Headless festivals: the greedy bot plays a whole festival (fast-forward
//! between its decision points), per level; plus the fast-forward alone.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use double11::bot::{BotKind, run_with};
use double11::game::{self, GameState};
use double11::level::{self, Level};

fn level(name: &str) -> Level {
    match level::load_shipped(name) {
        Some(Ok(l)) => l,
        _ => panic!("{name} is not a valid shipped level"),
    }
}

fn festivals(c: &mut Criterion) {
    for name in [
        "tutorial.toml",
        "2009.toml",
        "2017.toml",
        "2018.toml",
        "2020.toml",
        "2021.toml",
        "2022.toml",
    ] {
        let l = level(name);
        let mut seed = 0u64;
        c.bench_function(
            &format!("greedy_festival_{}", name.trim_end_matches(".toml")),
            |b| {
                b.iter(|| {
                    seed += 1;
                    let mut bot = BotKind::Greedy.make(seed);
                    let state = run_with(&l, seed, bot.as_mut(), |_, _| {});
                    black_box(state.score().total)
                })
            },
        );
    }
}

fn fast_forward(c: &mut Criterion) {
    let l = level("tutorial.toml");
    c.bench_function("fast_forward_idle_day_tutorial", |b| {
        b.iter(|| {
            let mut s = GameState::new(&l, 1);
            game::update(&mut s, game::Event::Input(game::Input::Skip));
            game::fast_forward_to(&mut s, 100_000);
            black_box(s.score().total)
        })
    });
}

criterion_group!(benches, festivals, fast_forward);
criterion_main!(benches);
