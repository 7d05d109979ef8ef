//! Property tests of the rules engine over random carts and wallets.

use double11::money::Fen;
use double11::rules::*;
use proptest::prelude::*;

mod common;
use common::orders::*;

/// Checks every invariant a receipt must hold.
fn check_receipt(order: &Order, r: &Receipt) -> Result<(), TestCaseError> {
    prop_assert!(r.pay >= Fen::ZERO);
    prop_assert_eq!(
        r.goods,
        r.discounts.total() + r.presale_bonus + r.deposits_paid + r.pay
    );
    prop_assert_eq!(
        r.goods,
        order.lines.iter().map(CartLine::goods).sum::<Fen>()
    );
    let col = |f: fn(&LineReceipt) -> Fen| r.lines.iter().map(f).sum::<Fen>();
    prop_assert_eq!(col(|l| l.item_coupon), r.discounts.item_coupons);
    prop_assert_eq!(col(|l| l.store), r.discounts.store);
    prop_assert_eq!(col(|l| l.store_card), r.discounts.store_cards);
    prop_assert_eq!(col(|l| l.cross_store), r.discounts.cross_store);
    prop_assert_eq!(col(|l| l.allowance), r.discounts.allowance);
    prop_assert_eq!(col(|l| l.envelopes), r.discounts.envelopes);
    prop_assert_eq!(col(|l| l.pay), r.pay);
    for (line, rec) in order.lines.iter().zip(&r.lines) {
        prop_assert!(rec.pay >= Fen::ZERO, "a line went below its floor");
        prop_assert_eq!(
            rec.goods,
            rec.presale_bonus + rec.discounts() + rec.deposit + rec.pay
        );
        if line.flash_sale {
            prop_assert_eq!(
                rec.envelopes,
                Fen::ZERO,
                "envelopes never touch flash-sale lines"
            );
        }
    }
    // No step takes more than its tools allow.
    let coupon_off: Fen = r.coupons_used.iter().map(|&c| order.coupons[c].off).sum();
    prop_assert!(r.discounts.item_coupons + r.discounts.store_cards <= coupon_off);
    prop_assert!(r.envelopes_used.len() <= order.festival.envelope_limit);
    for u in &r.envelopes_used {
        let e = &order.envelopes[u.envelope];
        prop_assert!(!e.expired);
        prop_assert!(u.used > Fen::ZERO && u.used <= e.value);
    }
    prop_assert_eq!(r.envelope_value_used(), r.discounts.envelopes);
    let earned: Fen = r.pools.iter().map(|p| p.earned).sum();
    prop_assert!(r.discounts.cross_store + r.discounts.allowance <= earned);
    if let CrossStore::Allowance { balance, .. } = order.festival.cross_store {
        prop_assert!(r.discounts.allowance <= balance);
        prop_assert_eq!(r.discounts.cross_store, Fen::ZERO);
    }
    let mut per_store = vec![0usize; order.stores.len()];
    for &c in &r.coupons_used {
        if let CouponTarget::Store(s) = order.coupons[c].target {
            per_store[s] += 1;
        }
    }
    prop_assert!(per_store.iter().all(|&n| n <= 1), "one card per store");
    prop_assert_eq!(
        r.is_refused(),
        r.pay > order.wallet.spendable()
            || order
                .lines
                .iter()
                .any(|l| l.stock.is_some_and(|s| l.qty > s) || l.limit.is_some_and(|m| l.qty > m))
    );
    Ok(())
}

fn score(r: &Receipt) -> (Fen, Fen, usize) {
    (r.pay, r.envelope_value_used(), r.tools_used())
}

/// The best score of every explicit plan.
fn brute_force_best(order: &Order) -> (Fen, Fen, usize) {
    all_plans(order)
        .iter()
        .map(|p| score(&checkout(order, p)))
        .min()
        .expect("at least the empty plan")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn default_checkout_holds_every_invariant(order in order_strategy(6, 6, 6)) {
        let r = quote(&order);
        check_receipt(&order, &r)?;
    }

    #[test]
    fn best_plan_holds_every_invariant_and_never_pays_more(order in order_strategy(6, 6, 6)) {
        let default = quote(&order);
        let best = best_plan(&order);
        check_receipt(&order, &best.receipt)?;
        prop_assert!(best.receipt.pay <= default.pay);
        prop_assert!(score(&best.receipt) <= score(&default));
    }

    #[test]
    fn best_plan_matches_brute_force(order in order_strategy(3, 4, 7)) {
        prop_assert_eq!(score(&best_plan(&order).receipt), brute_force_best(&order));
    }

    #[test]
    fn best_plan_matches_brute_force_with_alike_envelopes(
        order in order_strategy(3, 2, 0),
        envelopes in alike_envelopes(11),
        limit in 1usize..=6,
    ) {
        let order = Order {
            envelopes,
            festival: Festival { envelope_limit: limit, ..order.festival },
            ..order
        };
        prop_assert_eq!(score(&best_plan(&order).receipt), brute_force_best(&order));
    }

    #[test]
    fn largest_remainder_shares_are_exact(total in 0i64..1_000_000, weights in prop::collection::vec(0i64..100_000, 1..12)) {
        let w: Vec<Fen> = weights.iter().map(|&x| Fen(x)).collect();
        let shares = split::split(Fen(total), &w);
        let sum: i64 = weights.iter().sum();
        if sum > 0 {
            prop_assert_eq!(shares.iter().map(|s| s.0).sum::<i64>(), total);
            for (s, &wi) in shares.iter().zip(&weights) {
                let exact = total as i128 * wi as i128;
                // Each share is the exact quotient rounded down or up.
                let scaled = (s.0 as i128) * (sum as i128);
                prop_assert!(scaled > exact - sum as i128 && scaled < exact + sum as i128);
            }
        } else {
            prop_assert!(shares.iter().all(|s| s.0 == 0));
        }
    }
}
