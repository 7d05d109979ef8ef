//! `double11 quote` without `--json`: a receipt for people to read.

use std::fmt::Write;

use crate::money::Fen;
use crate::rules::{Hint, LineReceipt, Order, Receipt};

/// Width of the label column.
const LABEL: usize = 24;
/// Width of the amount column.
const AMOUNT: usize = 14;

/// The receipt of `order` as text, one section after another: the lines
/// with what each step took off, the totals, the cross-store pools, the
/// tools used, the refusals, and (when given) the hints.
pub(super) fn render(
    order: &Order,
    receipt: &Receipt,
    best: bool,
    hints: Option<&[Hint]>,
) -> String {
    let mut out = String::new();
    let picks = if best { "best plan" } else { "default picks" };
    let _ = writeln!(out, "Checkout ({picks})");
    for (line, rec) in order.lines.iter().zip(&receipt.lines) {
        let mut tags = String::new();
        if line.flash_sale {
            tags.push_str(", flash sale");
        }
        if line.presale.is_some() {
            tags.push_str(", presale");
        }
        let _ = writeln!(
            out,
            "\n  {} × {} at {} (store {}{tags})",
            line.item, line.qty, line.price, order.stores[line.store].id
        );
        line_steps(&mut out, rec);
    }
    totals(&mut out, receipt);
    pools(&mut out, order, receipt);
    used(&mut out, order, receipt);
    if !receipt.refused.is_empty() {
        let _ = writeln!(out, "\nRefused");
        for refusal in &receipt.refused {
            let _ = writeln!(out, "  {refusal}");
        }
    }
    if let Some(hints) = hints {
        let _ = writeln!(out, "\nHints");
        if hints.is_empty() {
            let _ = writeln!(out, "  nothing more to unlock by adding to the cart");
        }
        for hint in hints {
            let _ = writeln!(out, "  {hint}");
        }
    }
    let verdict = if receipt.is_refused() {
        "REFUSED: the checkout cannot go through"
    } else {
        "OK: the checkout goes through"
    };
    let _ = writeln!(out, "\n{verdict}");
    out
}

/// One row: a label and an amount, right-aligned.
fn row(out: &mut String, label: &str, amount: Fen) {
    let _ = writeln!(out, "    {label:<LABEL$}{amount:>AMOUNT$}");
}

/// A row for what a step took off, skipped when it took nothing.
fn off(out: &mut String, label: &str, amount: Fen) {
    if amount != Fen::ZERO {
        row(out, label, -amount);
    }
}

fn line_steps(out: &mut String, rec: &LineReceipt) {
    row(out, "goods", rec.goods);
    off(out, "presale bonus", rec.presale_bonus);
    off(out, "item coupon", rec.item_coupon);
    off(out, "store discount", rec.store);
    off(out, "store card", rec.store_card);
    off(out, "cross-store", rec.cross_store);
    off(out, "allowance", rec.allowance);
    off(out, "platform envelopes", rec.envelopes);
    off(out, "deposit paid earlier", rec.deposit);
    row(out, "pay now", rec.pay);
}

fn totals(out: &mut String, receipt: &Receipt) {
    let d = &receipt.discounts;
    let _ = writeln!(out, "\nTotals");
    row(out, "goods", receipt.goods);
    off(out, "presale bonus", receipt.presale_bonus);
    off(out, "item coupons", d.item_coupons);
    off(out, "store discounts", d.store);
    off(out, "store cards", d.store_cards);
    off(out, "cross-store", d.cross_store);
    off(out, "allowance", d.allowance);
    off(out, "platform envelopes", d.envelopes);
    off(out, "deposits paid earlier", receipt.deposits_paid);
    row(out, "pay now", receipt.pay);
    row(out, "saved", receipt.saved());
}

fn pools(out: &mut String, order: &Order, receipt: &Receipt) {
    if receipt.pools.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nCross-store pools");
    for pool in &receipt.pools {
        let stores: Vec<&str> = pool.stores.iter().map(|&s| &*order.stores[s].id).collect();
        let kind = if pool.allowance {
            "allowance"
        } else {
            "cross-store"
        };
        let _ = writeln!(
            out,
            "  {} ({kind}, every {} −{}): counted {}, earned {}, took {}",
            stores.join("+"),
            pool.tier.every,
            pool.tier.off,
            pool.threshold_amount,
            pool.earned,
            pool.taken
        );
    }
}

fn used(out: &mut String, order: &Order, receipt: &Receipt) {
    if receipt.coupons_used.is_empty() && receipt.envelopes_used.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nUsed");
    for &c in &receipt.coupons_used {
        let coupon = &order.coupons[c];
        let _ = writeln!(
            out,
            "  {} {} ({} off, min {})",
            coupon.kind.label(),
            coupon.id,
            coupon.off,
            coupon.min
        );
    }
    for u in &receipt.envelopes_used {
        let envelope = &order.envelopes[u.envelope];
        let _ = writeln!(
            out,
            "  envelope {}: used {} of {}",
            envelope.id, u.used, envelope.value
        );
    }
}
