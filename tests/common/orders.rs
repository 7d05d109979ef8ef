//! Random orders for the property tests of the rules engine: carts over a
//! few stores, coupons, envelopes and wallets, in small ranges so that brute
//! force can check the solvers.

use double11::money::Fen;
use double11::rules::*;
use proptest::prelude::*;

pub fn money(max_yuan: i64) -> impl Strategy<Value = Fen> {
    // Whole yuan most of the time, odd fen sometimes.
    prop_oneof![
        3 => (0..=max_yuan).prop_map(Fen::yuan),
        1 => (0..=max_yuan * 100).prop_map(Fen),
    ]
}

pub fn tier() -> impl Strategy<Value = Tier> {
    (1i64..=400, 0i64..=80).prop_map(|(every, off)| Tier {
        every: Fen::yuan(every),
        off: Fen::yuan(off),
    })
}

prop_compose! {
    pub fn line(stores: usize)(
        store in 0..stores,
        item in 0..4usize,
        price in money(600),
        qty in 1i64..=3,
        flash in prop::bool::weighted(0.2),
        presale in prop::option::weighted(0.2, (0i64..=100, 0i64..=60)),
    ) -> CartLine {
        let mut l = CartLine::new(format!("item{item}"), store, price, qty);
        l.flash_sale = flash;
        l.presale = presale.and_then(|(d, extra)| {
            let deposit = Fen::yuan(d).min(price);
            let counts_as = (deposit + Fen::yuan(extra)).min(price);
            (counts_as >= deposit).then_some(Presale { deposit, counts_as })
        });
        l
    }
}

prop_compose! {
    pub fn coupon(stores: usize)(
        kind in 0..3u8,
        store in 0..stores,
        item in 0..4usize,
        min in money(500),
        off in money(120),
    ) -> (u8, usize, usize, Fen, Fen) {
        (kind, store, item, min, off)
    }
}

prop_compose! {
    pub fn envelope()(value in money(150), min_spend in money(400), expired in prop::bool::weighted(0.1))
        -> (Fen, Fen, bool) {
        (value, min_spend, expired)
    }
}

/// Envelopes from a few values and minimums, so runs of alike envelopes
/// (same value, same minimum) are common, as after a real rain.
pub fn alike_envelopes(max: usize) -> impl Strategy<Value = Vec<Envelope>> {
    let value = prop::sample::select(vec![Fen(50), Fen(111), Fen::yuan(2), Fen::yuan(5)]);
    let min_spend = prop::sample::select(vec![Fen::ZERO, Fen::yuan(10), Fen::yuan(40)]);
    prop::collection::vec((value, min_spend), 0..=max).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (value, min_spend))| Envelope {
                id: format!("e{i}").into(),
                value,
                min_spend,
                expired: false,
            })
            .collect()
    })
}

pub fn order_strategy(
    max_lines: usize,
    max_coupons: usize,
    max_envelopes: usize,
) -> impl Strategy<Value = Order> {
    (1usize..=3).prop_flat_map(move |stores| {
        (
            prop::collection::vec(line(stores), 1..=max_lines),
            prop::collection::vec(coupon(stores), 0..=max_coupons),
            prop::collection::vec(envelope(), 0..=max_envelopes),
            prop::option::of(tier()),
            prop::bool::ANY,
            prop::bool::ANY,
            prop::collection::vec(
                (
                    prop::option::weighted(0.3, tier()),
                    prop::option::weighted(0.4, (money(300), money(50), prop::bool::ANY)),
                ),
                stores,
            ),
            (money(3000), money(3000), 0usize..=10, money(200)),
        )
            .prop_map(
                move |(
                    lines,
                    coupons,
                    envelopes,
                    fest_tier,
                    allowance,
                    after_cards,
                    store_specs,
                    (balance, credit, limit, allowance_balance),
                )| {
                    let cross_store = match (fest_tier, allowance) {
                        (None, _) => CrossStore::None,
                        (Some(t), false) => CrossStore::Tiered(t),
                        (Some(t), true) => CrossStore::Allowance {
                            tier: t,
                            balance: allowance_balance,
                        },
                    };
                    let stores_v = store_specs
                        .into_iter()
                        .enumerate()
                        .map(|(i, (own, disc))| Store {
                            id: format!("s{i}").into(),
                            cross_store: own,
                            discount: disc.map(|(min, off, once)| {
                                if once || min == Fen::ZERO {
                                    StoreDiscount::Once { min, off }
                                } else {
                                    StoreDiscount::Every(Tier { every: min, off })
                                }
                            }),
                        })
                        .collect();
                    let coupons = coupons
                        .into_iter()
                        .enumerate()
                        .map(|(i, (kind, store, item, min, off))| Coupon {
                            id: format!("c{i}").into(),
                            kind: match kind {
                                0 => CouponKind::StoreCoupon,
                                1 => CouponKind::StoreEnvelope,
                                _ => CouponKind::ItemCoupon,
                            },
                            target: if kind < 2 {
                                CouponTarget::Store(store)
                            } else {
                                CouponTarget::Item(format!("item{item}").into())
                            },
                            min,
                            off,
                        })
                        .collect();
                    let envelopes = envelopes
                        .into_iter()
                        .enumerate()
                        .map(|(i, (value, min_spend, expired))| Envelope {
                            id: format!("e{i}").into(),
                            value,
                            min_spend,
                            expired,
                        })
                        .collect();
                    Order {
                        festival: Festival {
                            cross_store,
                            threshold_basis: if after_cards {
                                ThresholdBasis::AfterCards
                            } else {
                                ThresholdBasis::AfterItem
                            },
                            envelope_limit: limit,
                        },
                        stores: stores_v,
                        lines,
                        coupons,
                        envelopes,
                        wallet: Wallet { balance, credit },
                    }
                },
            )
    })
}

/// Every combination of one choice per slot.
pub fn product(slots: &[Vec<Option<usize>>]) -> Vec<Vec<Option<usize>>> {
    slots.iter().fold(vec![vec![]], |acc, options| {
        acc.into_iter()
            .flat_map(|prefix| {
                options.iter().map(move |&o| {
                    let mut p = prefix.clone();
                    p.push(o);
                    p
                })
            })
            .collect()
    })
}

/// Every explicit plan, for the brute-force comparison.
pub fn all_plans(order: &Order) -> Vec<Plan> {
    let choices = |fits: &dyn Fn(&Coupon) -> bool| -> Vec<Option<usize>> {
        let mut options = vec![None];
        options.extend(
            (0..order.coupons.len())
                .filter(|&c| fits(&order.coupons[c]))
                .map(Some),
        );
        options
    };
    let item_slots: Vec<_> = order
        .lines
        .iter()
        .map(|line| choices(&|c| c.target == CouponTarget::Item(line.item.clone())))
        .collect();
    let card_slots: Vec<_> = (0..order.stores.len())
        .map(|s| choices(&|c| c.kind.is_store_card() && c.target == CouponTarget::Store(s)))
        .collect();
    let n = order.envelopes.len();
    let mut plans = Vec::new();
    for items in product(&item_slots) {
        for cards in product(&card_slots) {
            for mask in 0u32..(1 << n) {
                plans.push(Plan {
                    item_coupons: Some(items.clone()),
                    store_cards: Some(cards.clone()),
                    envelopes: Some((0..n).map(|e| mask & (1 << e) != 0).collect()),
                });
            }
        }
    }
    plans
}
