//! The best plan over several checkouts against brute force: every sequence
//! of orders, every plan of every order, priced by the engine.

use double11::money::Fen;
use double11::rules::*;
use proptest::prelude::*;

mod common;
use common::orders::*;

/// What is held between orders in the brute force.
#[derive(Clone)]
struct Held {
    coupons_used: Vec<bool>,
    envelope_left: Vec<Fen>,
    allowance: Fen,
}

/// The checkout of `lines` from what `held` holds, with its coupons and
/// envelopes mapped back to the whole order's.
fn sub_order(order: &Order, lines: &[usize], held: &Held) -> (Order, Vec<usize>, Vec<usize>) {
    let coupons: Vec<usize> = (0..order.coupons.len())
        .filter(|&c| !held.coupons_used[c])
        .collect();
    let envelopes: Vec<usize> = (0..order.envelopes.len())
        .filter(|&e| !order.envelopes[e].expired && held.envelope_left[e] > Fen::ZERO)
        .collect();
    let mut festival = order.festival.clone();
    if let CrossStore::Allowance { balance, .. } = &mut festival.cross_store {
        *balance = held.allowance;
    }
    let sub = Order {
        festival,
        stores: order.stores.clone(),
        lines: lines.iter().map(|&i| order.lines[i].clone()).collect(),
        coupons: coupons.iter().map(|&c| order.coupons[c].clone()).collect(),
        envelopes: envelopes
            .iter()
            .map(|&e| Envelope {
                value: held.envelope_left[e],
                ..order.envelopes[e].clone()
            })
            .collect(),
        wallet: order.wallet,
    };
    (sub, coupons, envelopes)
}

/// (pay, orders, envelope value used, tools): what a split plan is judged by.
type Score = (Fen, usize, Fen, usize);

/// The best score of every sequence of orders buying the lines `left`.
fn brute(order: &Order, left: u32, held: &Held) -> Score {
    if left == 0 {
        return (Fen::ZERO, 0, Fen::ZERO, 0);
    }
    let mut best = (Fen(i64::MAX), usize::MAX, Fen(i64::MAX), usize::MAX);
    let mut s = left;
    while s != 0 {
        let lines: Vec<usize> = (0..order.lines.len())
            .filter(|&i| s & (1 << i) != 0)
            .collect();
        let (sub, coupons, envelopes) = sub_order(order, &lines, held);
        for plan in all_plans(&sub) {
            let r = checkout(&sub, &plan);
            let mut next = held.clone();
            for &c in &r.coupons_used {
                next.coupons_used[coupons[c]] = true;
            }
            for u in &r.envelopes_used {
                next.envelope_left[envelopes[u.envelope]] -= u.used;
            }
            next.allowance -= r.discounts.allowance;
            let rest = brute(order, left & !s, &next);
            let here = (
                r.pay + rest.0,
                1 + rest.1,
                r.envelope_value_used() + rest.2,
                r.tools_used() + rest.3,
            );
            best = best.min(here);
        }
        s = (s - 1) & left;
    }
    best
}

fn brute_force_split(order: &Order) -> Score {
    let held = Held {
        coupons_used: vec![false; order.coupons.len()],
        envelope_left: order.envelopes.iter().map(|e| e.value).collect(),
        allowance: match order.festival.cross_store {
            CrossStore::Allowance { balance, .. } => balance,
            _ => Fen::ZERO,
        },
    };
    brute(order, (1 << order.lines.len()) - 1, &held)
}

fn score(plan: &SplitPlan) -> Score {
    (
        plan.pay,
        plan.orders.len(),
        plan.envelope_value_used(),
        plan.tools_used(),
    )
}

/// Every line in exactly one order, every coupon used once, no envelope
/// used past its value, every order's receipt adding up.
fn check_plan(order: &Order, plan: &SplitPlan) -> Result<(), TestCaseError> {
    prop_assert!(plan.complete);
    let mut lines: Vec<usize> = plan.orders.iter().flat_map(|o| o.lines.clone()).collect();
    lines.sort_unstable();
    prop_assert_eq!(lines, (0..order.lines.len()).collect::<Vec<_>>());
    let mut coupons: Vec<usize> = plan.orders.iter().flat_map(|o| o.coupons.clone()).collect();
    let n = coupons.len();
    coupons.sort_unstable();
    coupons.dedup();
    prop_assert_eq!(coupons.len(), n, "a coupon used twice");
    let mut used = vec![Fen::ZERO; order.envelopes.len()];
    for o in &plan.orders {
        prop_assert!(o.envelopes.len() <= order.festival.envelope_limit);
        for &(e, took) in &o.envelopes {
            used[e] += took;
        }
        let r = &o.receipt;
        prop_assert_eq!(
            r.goods,
            r.discounts.total() + r.presale_bonus + r.deposits_paid + r.pay
        );
    }
    for (e, u) in used.iter().enumerate() {
        prop_assert!(
            *u <= order.envelopes[e].value,
            "envelope {e} over its value"
        );
    }
    prop_assert_eq!(
        plan.pay,
        plan.orders.iter().map(|o| o.receipt.pay).sum::<Fen>()
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn split_plan_matches_brute_force(order in order_strategy(3, 3, 4)) {
        let plan = best_split(&order);
        check_plan(&order, &plan)?;
        prop_assert_eq!(score(&plan), brute_force_split(&order));
    }

    #[test]
    fn split_plan_matches_brute_force_with_a_tight_limit(
        order in order_strategy(3, 2, 0),
        envelopes in alike_envelopes(5),
        limit in 1usize..=3,
    ) {
        let order = Order {
            envelopes,
            festival: Festival { envelope_limit: limit, ..order.festival },
            ..order
        };
        let plan = best_split(&order);
        check_plan(&order, &plan)?;
        prop_assert_eq!(score(&plan), brute_force_split(&order));
    }

    #[test]
    fn split_plan_never_pays_more_than_one_checkout(order in order_strategy(4, 4, 8)) {
        let plan = best_split(&order);
        check_plan(&order, &plan)?;
        let one = best_plan(&order).receipt;
        prop_assert!(plan.pay <= one.pay, "split {} > one checkout {}", plan.pay, one.pay);
    }
}
