//! Reading scenario files: the format, the defaults and every error kind.

use super::{ScenarioErrors, parse};
use crate::money::Fen;
use crate::rules::{
    CouponKind, CouponTarget, CrossStore, Presale, StoreDiscount, ThresholdBasis, Tier,
};

/// The errors of `text`, each as `LINE:COL: message`.
fn errors(text: &str) -> Vec<String> {
    let errors: ScenarioErrors = parse(text, "s.toml").expect_err("should be refused");
    errors
        .iter()
        .map(|e| {
            let line = e.to_string();
            line.strip_prefix("s.toml:").unwrap_or(&line).to_owned()
        })
        .collect()
}

/// Asserts that `text` has exactly one error, at `at`, containing `needle`.
fn one_error(text: &str, at: &str, needle: &str) {
    let found = errors(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(&format!("{at}: ")) && found[0].contains(needle),
        "wanted {at}: …{needle}…, got {found:?}"
    );
}

const FULL: &str = r#"
[festival]
cross_store = { every = 300, off = 40 }
threshold_basis = "after_cards"
envelope_limit = 3

[[stores]]
id = "a"
cross_store = { every = 200, off = 20 }
discount = { min = 199, off = 20 }

[[stores]]
id = "b"
discount = { every = 100, off = 5.5 }

[[cart]]
item = "sneakers"
store = "a"
price = 299.99
qty = 2
flash_sale = true
stock = 5
limit = 2

[[cart]]
item = "phone"
store = "b"
price = 1000
presale = { deposit = 100, counts_as = 150 }

[[coupons]]
id = "c1"
kind = "store_coupon"
store = "b"
min = 0
off = 10

[[coupons]]
id = "c2"
kind = "item_coupon"
item = "sneakers"
off = 0.5

[[envelopes]]
id = "e1"
value = 5
min_spend = 0.99
expired = true

[wallet]
balance = 1000
credit = 2000.5
"#;

#[test]
fn reads_every_key_of_the_format() {
    let order = parse(FULL, "full.toml").expect("valid");
    let f = &order.festival;
    assert_eq!(
        f.cross_store,
        CrossStore::Tiered(Tier {
            every: Fen(30000),
            off: Fen(4000)
        })
    );
    assert_eq!(f.threshold_basis, ThresholdBasis::AfterCards);
    assert_eq!(f.envelope_limit, 3);
    assert_eq!(order.stores.len(), 2);
    assert_eq!(
        order.stores[0].cross_store,
        Some(Tier {
            every: Fen(20000),
            off: Fen(2000)
        })
    );
    assert_eq!(
        order.stores[0].discount,
        Some(StoreDiscount::Once {
            min: Fen(19900),
            off: Fen(2000)
        })
    );
    assert_eq!(
        order.stores[1].discount,
        Some(StoreDiscount::Every(Tier {
            every: Fen(10000),
            off: Fen(550)
        }))
    );
    let sneakers = &order.lines[0];
    assert_eq!(
        (sneakers.store, sneakers.price, sneakers.qty),
        (0, Fen(29999), 2)
    );
    assert!(sneakers.flash_sale);
    assert_eq!((sneakers.stock, sneakers.limit), (Some(5), Some(2)));
    let phone = &order.lines[1];
    assert_eq!(phone.store, 1);
    assert_eq!(phone.qty, 1);
    assert_eq!(
        phone.presale,
        Some(Presale {
            deposit: Fen(10000),
            counts_as: Fen(15000)
        })
    );
    assert_eq!(order.coupons[0].kind, CouponKind::StoreCoupon);
    assert_eq!(order.coupons[0].target, CouponTarget::Store(1));
    assert_eq!(order.coupons[1].kind, CouponKind::ItemCoupon);
    assert_eq!(
        order.coupons[1].target,
        CouponTarget::Item("sneakers".into())
    );
    assert_eq!(
        (order.coupons[1].min, order.coupons[1].off),
        (Fen(0), Fen(50))
    );
    let e = &order.envelopes[0];
    assert_eq!((e.value, e.min_spend, e.expired), (Fen(500), Fen(99), true));
    assert_eq!(order.wallet.balance, Fen(100000));
    assert_eq!(order.wallet.credit, Fen(200050));
}

#[test]
fn defaults_fill_what_is_left_out() {
    let order = parse(
        "[[stores]]\nid = \"a\"\n[[cart]]\nitem = \"x\"\nstore = \"a\"\nprice = 1\n[[envelopes]]\nid = \"e\"\nvalue = 1\n",
        "d.toml",
    )
    .expect("valid");
    assert_eq!(order.festival.cross_store, CrossStore::None);
    assert_eq!(order.festival.threshold_basis, ThresholdBasis::AfterItem);
    assert_eq!(order.festival.envelope_limit, 10);
    assert_eq!(order.wallet.spendable(), Fen::ZERO);
    assert_eq!(order.lines[0].qty, 1);
    assert!(!order.lines[0].flash_sale);
    assert_eq!(order.envelopes[0].min_spend, Fen::ZERO);
    assert!(!order.envelopes[0].expired);
    // A festival table with neither tier has no cross-store step.
    let order = parse("[festival]\nenvelope_limit = 2\n", "d.toml").expect("valid");
    assert_eq!(order.festival.cross_store, CrossStore::None);
    // An empty file is an empty checkout.
    assert_eq!(parse("", "e.toml").expect("valid").lines.len(), 0);
}

#[test]
fn a_presale_without_counts_as_has_no_bonus() {
    let order = parse(
        "[[stores]]\nid = \"a\"\n[[cart]]\nitem = \"x\"\nstore = \"a\"\nprice = 100\npresale = { deposit = 20 }\n",
        "p.toml",
    )
    .expect("valid");
    let presale = order.lines[0].presale.expect("presale");
    assert_eq!(presale.counts_as, presale.deposit);
}

#[test]
fn allowance_years_read_the_balance() {
    let order = parse(
        "[festival]\nallowance = { every = 400, off = 50, balance = 700 }\n",
        "g.toml",
    )
    .expect("valid");
    assert_eq!(
        order.festival.cross_store,
        CrossStore::Allowance {
            tier: Tier {
                every: Fen(40000),
                off: Fen(5000)
            },
            balance: Fen(70000)
        }
    );
}

#[test]
fn syntax_errors_name_their_place() {
    one_error("[wallet]\nbalance = = 1\n", "2:11", "expected");
}

#[test]
fn wrong_types_say_what_was_expected() {
    one_error(
        "[wallet]\nbalance = \"12\"\n",
        "2:11",
        "expected money in yuan",
    );
    one_error(
        "[[stores]]\nid = \"a\"\n[[cart]]\nitem = \"x\"\nstore = \"a\"\nprice = 1\nqty = 1.5\n",
        "7:7",
        "invalid type",
    );
}

#[test]
fn unknown_keys_are_refused() {
    one_error("[wallet]\nbalanse = 1\n", "2:1", "unknown field `balanse`");
    one_error("[shop]\n", "1:2", "unknown field `shop`");
}

#[test]
fn missing_keys_are_named() {
    one_error(
        "[[stores]]\nid = \"a\"\n[[cart]]\nitem = \"x\"\nstore = \"a\"\n",
        "3:1",
        "expected key `price`",
    );
}

#[test]
fn money_must_be_whole_fen_finite_and_not_negative() {
    one_error(
        "[wallet]\nbalance = 12.345\n",
        "2:11",
        "expected money in yuan with at most two decimals, found 12.345",
    );
    one_error("[wallet]\ncredit = -1\n", "2:10", "zero or more, found -1");
    one_error(
        "[wallet]\ncredit = -0.5\n",
        "2:10",
        "zero or more, found -0.5",
    );
    one_error("[wallet]\ncredit = inf\n", "2:10", "finite");
    one_error("[wallet]\ncredit = nan\n", "2:10", "finite");
    one_error("[wallet]\ncredit = 1e300\n", "2:10", "up to a trillion");
}

#[test]
fn money_accepts_integers_and_two_decimals() {
    let order = parse("[wallet]\nbalance = 0.99\ncredit = 1_000\n", "m.toml").expect("valid");
    assert_eq!(order.wallet.balance, Fen(99));
    assert_eq!(order.wallet.credit, Fen(100_000));
}

#[test]
fn ids_are_unique_within_each_list() {
    let text = "[[stores]]\nid = \"a\"\n[[stores]]\nid = \"a\"\n\
                [[coupons]]\nid = \"a\"\nkind = \"store_coupon\"\nstore = \"a\"\noff = 1\n\
                [[coupons]]\nid = \"a\"\nkind = \"store_coupon\"\nstore = \"a\"\noff = 1\n\
                [[envelopes]]\nid = \"a\"\nvalue = 1\n[[envelopes]]\nid = \"a\"\nvalue = 1\n";
    let found = errors(text);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found[0].starts_with("4:6: expected a unique store id, found \"a\" again (first at 2:6)")
    );
    assert!(found[1].starts_with("11:6: expected a unique coupon id"));
    assert!(found[2].starts_with("19:6: expected a unique envelope id"));
}

#[test]
fn tiers_step_above_zero() {
    one_error(
        "[festival]\ncross_store = { every = 0, off = 40 }\n",
        "2:25",
        "expected `every` above zero",
    );
    one_error(
        "[[stores]]\nid = \"a\"\ndiscount = { every = 0, off = 1 }\n",
        "3:22",
        "expected `every` above zero",
    );
}

#[test]
fn a_festival_has_one_kind_of_cross_store_step() {
    one_error(
        "[festival]\ncross_store = { every = 300, off = 40 }\nallowance = { every = 400, off = 50, balance = 1 }\n",
        "3:13",
        "expected either `cross_store` or `allowance`",
    );
}

#[test]
fn store_discounts_are_one_shot_or_repeating() {
    one_error(
        "[[stores]]\nid = \"a\"\ndiscount = { min = 1, every = 2, off = 3 }\n",
        "3:12",
        "found both",
    );
    one_error(
        "[[stores]]\nid = \"a\"\ndiscount = { off = 3 }\n",
        "3:12",
        "found neither",
    );
}

#[test]
fn stores_must_be_declared() {
    let text = "[[cart]]\nitem = \"x\"\nstore = \"nope\"\nprice = 1\n\
                [[coupons]]\nid = \"c\"\nkind = \"store_envelope\"\nstore = \"gone\"\noff = 1\n";
    let found = errors(text);
    assert_eq!(
        found,
        [
            "3:9: expected the id of a store declared in [[stores]], found \"nope\"",
            "8:9: expected the id of a store declared in [[stores]], found \"gone\"",
        ]
    );
}

#[test]
fn coupons_name_what_they_are_for() {
    one_error(
        "[[coupons]]\nid = \"c\"\nkind = \"item_coupon\"\noff = 3\n",
        "1:1",
        "expected `item = \"…\"` in this item coupon",
    );
    one_error(
        "[[coupons]]\nid = \"c\"\nkind = \"store_coupon\"\noff = 3\n",
        "1:1",
        "expected `store = \"…\"` in this store coupon",
    );
    one_error(
        "[[coupons]]\nid = \"c\"\nkind = \"voucher\"\nitem = \"x\"\noff = 3\n",
        "3:8",
        "expected coupon kind \"store_coupon\", \"store_envelope\" or \"item_coupon\", found \"voucher\"",
    );
}

#[test]
fn quantities_and_presales_are_checked() {
    let base = "[[stores]]\nid = \"a\"\n[[cart]]\nitem = \"x\"\nstore = \"a\"\nprice = 1000\n";
    one_error(
        &format!("{base}qty = 0\n"),
        "7:7",
        "expected a quantity of 1 or more, found 0",
    );
    one_error(
        &format!("{base}presale = {{ deposit = 100, counts_as = 50 }}\n"),
        "7:40",
        "expected presale `counts_as` at least the deposit (100.00), found 50",
    );
    one_error(
        &format!("{base}presale = {{ deposit = 100, counts_as = 1001 }}\n"),
        "7:40",
        "at most the price",
    );
}

#[test]
fn threshold_basis_has_two_values() {
    one_error(
        "[festival]\nthreshold_basis = \"after_store\"\n",
        "2:19",
        "expected threshold_basis \"after_item\" or \"after_cards\", found \"after_store\"",
    );
}

#[test]
fn every_semantic_error_is_reported_in_file_order() {
    let text = "[festival]\nthreshold_basis = \"x\"\n\
                [[cart]]\nitem = \"i\"\nstore = \"s\"\nprice = 1.001\nqty = 0\n\
                [wallet]\nbalance = -3\n";
    let found = errors(text);
    let places: Vec<&str> = found
        .iter()
        .map(|e| e.split(": ").next().unwrap_or(""))
        .collect();
    assert_eq!(places, ["2:19", "5:9", "6:9", "7:7", "9:11"], "{found:?}");
}

#[test]
fn errors_display_one_per_line_with_the_file() {
    let e = parse("[wallet]\nbalance = -1\ncredit = -2\n", "dir/w.toml").expect_err("bad");
    let text = e.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("dir/w.toml:2:11: "));
    assert!(lines[1].starts_with("dir/w.toml:3:10: "));
}

#[test]
fn an_unreadable_file_is_one_error_without_a_place() {
    let e = super::load("/nonexistent/double11/scenario.toml").expect_err("missing");
    assert_eq!(e.errors().len(), 1);
    assert!(e.errors()[0].location.is_none());
    assert!(
        e.to_string()
            .starts_with("/nonexistent/double11/scenario.toml: cannot read the scenario file")
    );
}

#[test]
fn sizes_that_could_overflow_the_engine_are_refused() {
    let base = "[[stores]]\nid = \"a\"\n[[cart]]\nitem = \"x\"\nstore = \"a\"\nprice = 1000000\n";
    one_error(
        &format!("{base}qty = 9223372036854775807\n"),
        "7:7",
        "expected a quantity of at most 1000000",
    );
    let many = "[[cart]]\nitem = \"x\"\nstore = \"a\"\nprice = 1000000000000\n";
    let text = format!("[[stores]]\nid = \"a\"\n{many}{many}");
    one_error(
        &text,
        "10:9",
        "expected a cart of at most a trillion yuan in all",
    );
    let envelope = "[[envelopes]]\nid = \"e\"\nvalue = 1000000000000\n";
    let text = format!("{envelope}{}", envelope.replace("\"e\"", "\"f\""));
    one_error(
        &text,
        "6:9",
        "expected envelopes worth at most a trillion yuan",
    );
}
