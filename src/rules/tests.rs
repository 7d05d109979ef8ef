//! The worked examples of the mechanics reference (§2.7), built directly as
//! orders, plus the fine points one by one. (`tests/quote_cli.rs` runs the
//! same examples through `double11 quote` files.)

use super::*;
use crate::money::Fen;

fn y(v: i64) -> Fen {
    Fen::yuan(v)
}

fn tier(every: i64, off: i64) -> Tier {
    Tier {
        every: y(every),
        off: y(off),
    }
}

fn rich() -> Wallet {
    Wallet {
        balance: y(100_000),
        credit: Fen::ZERO,
    }
}

fn order(cross: CrossStore, basis: ThresholdBasis, stores: usize) -> Order {
    Order {
        festival: Festival {
            cross_store: cross,
            threshold_basis: basis,
            envelope_limit: 10,
        },
        stores: (0..stores).map(|s| Store::plain(format!("s{s}"))).collect(),
        wallet: rich(),
        ..Order::default()
    }
}

fn card(id: &str, kind: CouponKind, store: usize, min: i64, off: i64) -> Coupon {
    Coupon {
        id: id.into(),
        kind,
        target: CouponTarget::Store(store),
        min: y(min),
        off: y(off),
    }
}

fn item_coupon(id: &str, item: &str, min: i64, off: i64) -> Coupon {
    Coupon {
        id: id.into(),
        kind: CouponKind::ItemCoupon,
        target: CouponTarget::Item(item.into()),
        min: y(min),
        off: y(off),
    }
}

fn envelope(id: &str, value: i64, min_spend: i64) -> Envelope {
    Envelope {
        id: id.into(),
        value: y(value),
        min_spend: y(min_spend),
        expired: false,
    }
}

/// The Taobao 双12 examples' setting: every store 满200减20, threshold after
/// the store cards, one line of `price` per store.
fn taobao(prices: &[i64]) -> Order {
    let mut o = order(
        CrossStore::Tiered(tier(200, 20)),
        ThresholdBasis::AfterCards,
        prices.len(),
    );
    for (s, &price) in prices.iter().enumerate() {
        o.lines
            .push(CartLine::new(format!("item{s}"), s, y(price), 1));
    }
    o
}

/// The ¥5 store envelope (店铺红包) of the examples, for store `s`.
fn red5(s: usize) -> Coupon {
    card("env5", CouponKind::StoreEnvelope, s, 0, 5)
}

fn assert_identity(r: &Receipt) {
    assert_eq!(
        r.goods,
        r.discounts.total() + r.presale_bonus + r.deposits_paid + r.pay,
        "the parts must add up to the goods: {r:#?}"
    );
}

/// A: 250 with a ¥5 store envelope, tier 满200减20 → pay 225.
#[test]
fn example_a_store_envelope_then_cross_store() {
    let mut o = taobao(&[250]);
    o.coupons.push(red5(0));
    let r = quote(&o);
    assert_eq!(r.pay, y(225));
    assert_eq!(r.discounts.store_cards, y(5));
    assert_eq!(r.discounts.cross_store, y(20));
    assert_identity(&r);
}

/// A′: 200 with the ¥5 envelope falls to 195 and loses the ¥20 step; the
/// best plan drops the envelope and pays 180.
#[test]
fn example_a_prime_the_trap_and_the_best_plan() {
    let mut o = taobao(&[200]);
    o.coupons.push(red5(0));
    assert_eq!(quote(&o).pay, y(195));
    let best = best_plan(&o);
    assert_eq!(best.receipt.pay, y(180));
    assert!(best.receipt.coupons_used.is_empty());
    let mut without = o.clone();
    without.coupons.clear();
    assert_eq!(quote(&without).pay, y(180));
}

/// B: a ¥5 store envelope and a ¥10 store coupon: only one, the larger.
#[test]
fn example_b_one_card_per_store_the_larger() {
    let mut o = taobao(&[250]);
    o.coupons.push(red5(0));
    o.coupons
        .push(card("cpn10", CouponKind::StoreCoupon, 0, 0, 10));
    let r = quote(&o);
    assert_eq!(r.pay, y(220));
    assert_eq!(r.coupons_used, vec![1]);
}

/// C: three stores in one pool, 600 → 60 off; B's ¥5 envelope → 595 → 40.
#[test]
fn example_c_pooled_stores_and_the_envelope_trap() {
    let mut o = taobao(&[300, 200, 100]);
    assert_eq!(quote(&o).pay, y(540));
    o.coupons.push(red5(1));
    let r = quote(&o);
    assert_eq!(r.discounts.cross_store, y(40));
    assert_eq!(r.pay, y(555));
    assert_eq!(best_plan(&o).receipt.pay, y(540));
}

/// D: different tiers pool apart: 300 each → A+B 60 off, C 20 off = 80.
#[test]
fn example_d_different_tiers_pool_apart() {
    let mut o = order(
        CrossStore::Tiered(tier(200, 20)),
        ThresholdBasis::AfterItem,
        3,
    );
    o.stores[2].cross_store = Some(tier(300, 20));
    for (i, s) in [0, 1, 2].into_iter().enumerate() {
        o.lines.push(CartLine::new(format!("i{i}"), s, y(200), 1));
    }
    let r = quote(&o);
    assert_eq!(r.discounts.cross_store, y(40));
    for line in &mut o.lines {
        line.price = y(300);
    }
    let r = quote(&o);
    assert_eq!(r.discounts.cross_store, y(80));
    assert_eq!(r.pools.len(), 2);
}

/// E: A, B 满200减20 and C 满1000减50: 100 each → 280; 1000 each → 2750.
#[test]
fn example_e_two_pools() {
    let mut o = order(
        CrossStore::Tiered(tier(200, 20)),
        ThresholdBasis::AfterItem,
        3,
    );
    o.stores[2].cross_store = Some(tier(1000, 50));
    for s in 0..3 {
        o.lines.push(CartLine::new(format!("i{s}"), s, y(100), 1));
    }
    assert_eq!(quote(&o).pay, y(280));
    for line in &mut o.lines {
        line.price = y(1000);
    }
    assert_eq!(quote(&o).pay, y(2750));
}

/// F: 400, store coupon 400−380, cross-store 400−50 (threshold after item
/// discounts) → the zero floor: pay 0, cross-store takes only 20.
#[test]
fn example_f_zero_floor() {
    let mut o = order(
        CrossStore::Tiered(tier(400, 50)),
        ThresholdBasis::AfterItem,
        1,
    );
    o.lines.push(CartLine::new("x", 0, y(400), 1));
    o.coupons
        .push(card("c380", CouponKind::StoreCoupon, 0, 400, 380));
    let r = quote(&o);
    assert_eq!(r.pay, Fen::ZERO);
    assert_eq!(r.discounts.cross_store, y(20));
    assert_identity(&r);
}

/// G: allowance 每满400减50 with 700 held: A 80 + B 320 → 50 off, 10 / 40.
#[test]
fn example_g_allowance_split() {
    let mut o = order(
        CrossStore::Allowance {
            tier: tier(400, 50),
            balance: y(700),
        },
        ThresholdBasis::AfterItem,
        2,
    );
    o.lines.push(CartLine::new("a", 0, y(80), 1));
    o.lines.push(CartLine::new("b", 1, y(320), 1));
    let r = quote(&o);
    assert_eq!(r.discounts.allowance, y(50));
    assert_eq!(r.lines[0].allowance, y(10));
    assert_eq!(r.lines[1].allowance, y(40));
    assert_eq!(r.pay, y(350));
}

/// H: allowance 每满300减30 with 120 held: 300→30, 600→60, 900→90, 1500→120.
#[test]
fn example_h_allowance_capped_by_balance() {
    for (cart, off) in [(300, 30), (600, 60), (900, 90), (1500, 120)] {
        let mut o = order(
            CrossStore::Allowance {
                tier: tier(300, 30),
                balance: y(120),
            },
            ThresholdBasis::AfterItem,
            1,
        );
        o.lines.push(CartLine::new("x", 0, y(cart), 1));
        assert_eq!(quote(&o).discounts.allowance, y(off), "cart {cart}");
    }
}

/// J: presale 1000, deposit 100 counting as 150 → price 950, balance 850.
#[test]
fn example_j_deposit_inflation() {
    let mut o = order(CrossStore::None, ThresholdBasis::AfterItem, 1);
    let mut line = CartLine::new("tv", 0, y(1000), 1);
    line.presale = Some(Presale {
        deposit: y(100),
        counts_as: y(150),
    });
    o.lines.push(line);
    let r = quote(&o);
    assert_eq!(r.pay, y(850));
    assert_eq!(r.deposits_paid, y(100));
    assert_eq!(r.presale_bonus, y(50));
    assert_identity(&r);
}

/// Fine point 3: an item coupon applies once per line, `min` on price × qty.
#[test]
fn item_coupon_once_per_line() {
    let mut o = order(CrossStore::None, ThresholdBasis::AfterItem, 1);
    o.lines.push(CartLine::new("tea", 0, y(30), 3));
    o.coupons.push(item_coupon("i1", "tea", 80, 10));
    o.coupons.push(item_coupon("i2", "tea", 50, 15));
    let r = quote(&o);
    assert_eq!(r.discounts.item_coupons, y(15));
    assert_eq!(r.pay, y(75));
}

/// The item-coupon example of §2.4: 120 (满50减20) + 200 (满100减30) → 270.
#[test]
fn item_coupons_on_two_lines() {
    let mut o = order(CrossStore::None, ThresholdBasis::AfterItem, 1);
    o.lines.push(CartLine::new("a", 0, y(120), 1));
    o.lines.push(CartLine::new("b", 0, y(200), 1));
    o.coupons.push(item_coupon("ca", "a", 50, 20));
    o.coupons.push(item_coupon("cb", "b", 100, 30));
    assert_eq!(quote(&o).pay, y(270));
}

/// Fine points 6 and 7: envelopes largest first, min spend on what is left,
/// partial use, flash lines excluded, only envelopes that take money count.
#[test]
fn envelopes_order_min_spend_and_flash_lines() {
    let mut o = order(CrossStore::None, ThresholdBasis::AfterItem, 1);
    let mut flash = CartLine::new("flash", 0, y(100), 1);
    flash.flash_sale = true;
    o.lines.push(flash);
    o.lines.push(CartLine::new("plain", 0, y(50), 1));
    o.envelopes.push(envelope("small", 5, 0));
    o.envelopes.push(envelope("needs80", 20, 80));
    o.envelopes.push(envelope("big", 60, 0));
    let r = quote(&o);
    // big takes all 50 of the plain line (partly used: 10 stays); then
    // needs80 sees 0 left and is refused; small has nothing left to take.
    assert_eq!(r.discounts.envelopes, y(50));
    assert_eq!(r.pay, y(100));
    assert_eq!(r.envelopes_used.len(), 1);
    assert_eq!(r.envelopes_used[0].used, y(50));
    assert!(r.refused.iter().any(|x| matches!(
        x,
        Refusal::BelowMinimum { tool: Tool::Envelope(id), short_by, .. } if &**id == "needs80" && *short_by == y(80)
    )));
}

#[test]
fn envelope_limit_counts_only_envelopes_that_take_money() {
    let mut o = order(CrossStore::None, ThresholdBasis::AfterItem, 1);
    o.festival.envelope_limit = 2;
    o.lines.push(CartLine::new("x", 0, y(100), 1));
    o.envelopes.push(envelope("a", 10, 0));
    o.envelopes.push(envelope("b", 10, 500));
    o.envelopes.push(envelope("c", 10, 0));
    o.envelopes.push(envelope("d", 10, 0));
    let r = quote(&o);
    assert_eq!(r.envelopes_used.len(), 2);
    assert_eq!(r.pay, y(80));
    assert!(
        r.refused
            .iter()
            .any(|x| matches!(x, Refusal::EnvelopeLimit { .. }))
    );
    let mut expired = o.clone();
    expired.envelopes[0].expired = true;
    let r = quote(&expired);
    assert!(
        r.refused
            .iter()
            .any(|x| matches!(x, Refusal::Expired { .. }))
    );
    assert_eq!(r.pay, y(80));
}

/// The best plan may use only part of a run of alike envelopes: one ¥5 of
/// two leaves ¥40, enough for the three ¥2 that need ¥36; both ¥5 would
/// leave ¥35 and lock them out.
#[test]
fn best_plan_uses_part_of_a_run_of_alike_envelopes() {
    let mut o = order(CrossStore::None, ThresholdBasis::AfterItem, 1);
    o.lines.push(CartLine::new("x", 0, y(45), 1));
    for id in ["five1", "five2"] {
        o.envelopes.push(envelope(id, 5, 0));
    }
    for id in ["two1", "two2", "two3"] {
        o.envelopes.push(envelope(id, 2, 36));
    }
    assert_eq!(quote(&o).pay, y(35));
    let best = best_plan(&o);
    assert_eq!(best.receipt.pay, y(34));
    assert_eq!(
        best.plan.envelopes,
        Some(vec![true, false, true, true, true]),
        "the first of the alike ¥5 envelopes, then every ¥2"
    );
}

/// Payment: over balance + credit refuses the whole checkout with the shortfall.
#[test]
fn over_credit_refuses_with_the_shortfall() {
    let mut o = order(CrossStore::None, ThresholdBasis::AfterItem, 1);
    o.wallet = Wallet {
        balance: y(1000),
        credit: y(2080),
    };
    o.lines.push(CartLine::new("x", 0, y(3200), 1));
    let r = quote(&o);
    assert!(r.is_refused());
    assert_eq!(
        r.refused[0],
        Refusal::OverCredit {
            total: y(3200),
            available: y(3080),
            short_by: y(120)
        }
    );
    assert_eq!(
        r.refused[0].to_string(),
        "¥120.00 over your credit line (to pay ¥3200.00, you have ¥3080.00)"
    );
}

#[test]
fn stock_and_limits_refuse() {
    let mut o = order(CrossStore::None, ThresholdBasis::AfterItem, 1);
    let mut line = CartLine::new("phone", 0, y(10), 3);
    line.stock = Some(0);
    line.limit = Some(2);
    o.lines.push(line);
    let r = quote(&o);
    assert!(r.is_refused());
    assert_eq!(r.refused.len(), 2);
}

/// Store discount one-shot and repeating, one per store, after item coupons.
#[test]
fn store_discounts() {
    let mut o = order(CrossStore::None, ThresholdBasis::AfterItem, 2);
    o.stores[0].discount = Some(StoreDiscount::Once {
        min: y(199),
        off: y(20),
    });
    o.stores[1].discount = Some(StoreDiscount::Every(tier(100, 10)));
    o.lines.push(CartLine::new("a", 0, y(210), 1));
    o.lines.push(CartLine::new("b", 1, y(350), 1));
    o.coupons.push(item_coupon("ia", "a", 0, 15));
    let r = quote(&o);
    // a: 210 − 15 = 195 < 199 → no store discount; b: 3 × 10.
    assert_eq!(r.discounts.store, y(30));
    assert_eq!(r.pay, y(195 + 320));
    // The best plan keeps the store discount by not using the item coupon.
    assert_eq!(best_plan(&o).receipt.pay, y(190 + 320));
}

/// Allowance pools draw in order of their first cart line and only what
/// comes off uses the balance.
#[test]
fn allowance_pools_share_one_balance() {
    let mut o = order(
        CrossStore::Allowance {
            tier: tier(100, 30),
            balance: y(40),
        },
        ThresholdBasis::AfterItem,
        2,
    );
    o.stores[1].cross_store = Some(tier(50, 20));
    o.lines.push(CartLine::new("b", 1, y(100), 1));
    o.lines.push(CartLine::new("a", 0, y(100), 1));
    let r = quote(&o);
    assert_eq!(r.pools[0].stores, vec![1]);
    assert_eq!(r.pools[0].taken, y(40));
    assert_eq!(r.pools[1].taken, Fen::ZERO);
    assert_eq!(r.discounts.allowance, y(40));
}

#[test]
fn hints_name_the_cheapest_next_step() {
    let mut o = order(
        CrossStore::Tiered(tier(300, 40)),
        ThresholdBasis::AfterItem,
        1,
    );
    o.lines.push(CartLine::new("x", 0, y(263), 1));
    let h = hints(&o);
    assert_eq!(h[0].add, y(37));
    assert_eq!(h[0].saves, y(40));
    assert!(h[0].to_string().starts_with("add ¥37.00 more in s0"));
}

/// An envelope hint must make the envelope usable, even when the goods it
/// adds unlock a cross-store step that lowers what is left again.
#[test]
fn envelope_hint_accounts_for_the_step_it_unlocks() {
    let mut o = taobao(&[200]);
    o.coupons.push(red5(0));
    o.envelopes.push(envelope("e1", 5, 300));
    let h = hints(&o);
    let e1 = h
        .iter()
        .find(|h| matches!(&h.kind, HintKind::Envelope { envelope } if &**envelope == "e1"))
        .expect("a hint for e1");
    let mut more = o.clone();
    more.lines.push(CartLine::new("more", 0, e1.add, 1));
    let r = quote(&more);
    assert!(r.envelopes_used.iter().any(|u| u.envelope == 0), "{e1}");
}
