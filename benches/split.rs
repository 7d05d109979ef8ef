//! The best plan over several checkouts for every shipped level's whole
//! wishlist, with the wallet a festival's planner bot holds when the day
//! opens (every coupon, every envelope it caught).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use double11::bot::{BotKind, run_with};
use double11::game::results::wishlist_order;
use double11::level;
use double11::rules::best_split;

fn split_plans(c: &mut Criterion) {
    for name in [
        "tutorial.toml",
        "2009.toml",
        "2017.toml",
        "2018.toml",
        "2020.toml",
        "2021.toml",
        "2022.toml",
    ] {
        let Some(Ok(l)) = level::load_shipped(name) else {
            panic!("{name} is not a valid shipped level");
        };
        let mut bot = BotKind::Planner.make(7);
        let state = run_with(&l, 7, bot.as_mut(), |_, _| {});
        let order = wishlist_order(&state);
        let plan = best_split(&order);
        eprintln!(
            "{name}: {} lines, {} coupons, {} envelopes -> {} orders, pay {}, {} nodes, complete {}",
            order.lines.len(),
            order.coupons.len(),
            order.envelopes.len(),
            plan.orders.len(),
            plan.pay,
            plan.nodes,
            plan.complete
        );
        c.bench_function(&format!("split_{}", name.trim_end_matches(".toml")), |b| {
            b.iter(|| black_box(best_split(black_box(&order)).pay))
        });
    }
}

criterion_group!(benches, split_plans);
criterion_main!(benches);
