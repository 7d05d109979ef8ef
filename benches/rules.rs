//! Rules-engine benchmarks: a busy checkout, and the best-plan search over a
//! 40-tool wallet. Targets (README): quote < 20 µs, best plan < 50 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use double11::money::Fen;
use double11::rules::*;

/// A 50-line cart over 10 stores, all in the festival's 每满300减40 pool
/// but two stores with their own tier, each store with its own discount.
fn big_cart(store_cards: usize, item_coupons: usize, envelopes: usize) -> Order {
    let mut order = Order {
        festival: Festival {
            cross_store: CrossStore::Tiered(Tier {
                every: Fen::yuan(300),
                off: Fen::yuan(40),
            }),
            threshold_basis: ThresholdBasis::AfterItem,
            envelope_limit: 10,
        },
        wallet: Wallet {
            balance: Fen::yuan(20_000),
            credit: Fen::yuan(5_000),
        },
        ..Order::default()
    };
    for s in 0..10 {
        let mut store = Store::plain(format!("store{s}"));
        store.discount = Some(StoreDiscount::Once {
            min: Fen::yuan(199 + 50 * s as i64),
            off: Fen::yuan(20),
        });
        if s >= 8 {
            store.cross_store = Some(Tier {
                every: Fen::yuan(200),
                off: Fen::yuan(30),
            });
        }
        order.stores.push(store);
    }
    for i in 0..50 {
        let mut line = CartLine::new(
            format!("item{i}"),
            i % 10,
            Fen(1_999 + 3_733 * (i as i64 % 17)),
            1 + (i as i64 % 3),
        );
        line.flash_sale = i % 13 == 0;
        order.lines.push(line);
    }
    for c in 0..store_cards {
        order.coupons.push(Coupon {
            id: format!("card{c}").into(),
            kind: if c % 2 == 0 {
                CouponKind::StoreCoupon
            } else {
                CouponKind::StoreEnvelope
            },
            target: CouponTarget::Store(c % 10),
            min: Fen::yuan(100 + 60 * (c as i64 % 7)),
            off: Fen::yuan(5 + 5 * (c as i64 % 4)),
        });
    }
    for c in 0..item_coupons {
        order.coupons.push(Coupon {
            id: format!("item_cpn{c}").into(),
            kind: CouponKind::ItemCoupon,
            target: CouponTarget::Item(format!("item{}", (c * 7) % 50).into()),
            min: Fen::yuan(30 + 10 * (c as i64 % 5)),
            off: Fen::yuan(3 + c as i64 % 6),
        });
    }
    for e in 0..envelopes {
        order.envelopes.push(Envelope {
            id: format!("env{e}").into(),
            value: Fen(100 * [1, 2, 5, 8, 10, 20, 50, 111][e % 8] + 11 * (e as i64 % 3)),
            min_spend: Fen::yuan([0, 0, 50, 100, 200, 500][e % 6]),
            expired: false,
        });
    }
    order
}

fn benches(c: &mut Criterion) {
    let quote_order = big_cart(5, 5, 10);
    c.bench_function("quote_50_lines_10_stores_10_coupons_10_envelopes", |b| {
        b.iter(|| quote(black_box(&quote_order)))
    });
    let best_order = big_cart(10, 10, 20);
    c.bench_function("best_40_tools", |b| {
        b.iter(|| best_plan(black_box(&best_order)))
    });
    let coupons_only = big_cart(20, 20, 0);
    c.bench_function("best_40_coupons_no_envelopes", |b| {
        b.iter(|| best_plan(black_box(&coupons_only)))
    });
    let envelopes_only = big_cart(0, 0, 40);
    c.bench_function("best_40_envelopes", |b| {
        b.iter(|| best_plan(black_box(&envelopes_only)))
    });
    let mut crowded = big_cart(4, 4, 200);
    crowded.lines[1].presale = Some(Presale {
        deposit: Fen::yuan(20),
        counts_as: Fen::yuan(40),
    });
    c.bench_function("best_200_envelopes_with_presale", |b| {
        b.iter(|| best_plan(black_box(&crowded)))
    });
    let hint_order = big_cart(5, 5, 10);
    c.bench_function("hints_50_lines", |b| {
        b.iter(|| hints(black_box(&hint_order)))
    });
}

criterion_group!(rules, benches);
criterion_main!(rules);
