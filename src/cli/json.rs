//! `double11 quote --json`: the receipt as one JSON object, every amount an
//! integer number of fen (the shape is in the mechanics reference).

use serde::Serialize;

use crate::money::Fen;
use crate::rules::{Hint, Order, Receipt, Refusal, Tool};

/// The whole object.
#[derive(Debug, Serialize)]
struct Quote<'a> {
    goods: i64,
    discounts: Discounts,
    pay: i64,
    lines: Vec<Line<'a>>,
    used: Used<'a>,
    refused: Vec<Refused<'a>>,
    deposits_paid: i64,
    presale_bonus: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    hints: Option<Vec<HintJson>>,
}

/// What each discount step actually took off.
#[derive(Debug, Serialize)]
struct Discounts {
    item_coupons: i64,
    store: i64,
    store_cards: i64,
    cross_store: i64,
    allowance: i64,
    envelopes: i64,
}

/// One cart line.
#[derive(Debug, Serialize)]
struct Line<'a> {
    item: &'a str,
    store: &'a str,
    pay: i64,
}

/// The tools the checkout used.
#[derive(Debug, Serialize)]
struct Used<'a> {
    coupons: Vec<&'a str>,
    envelopes: Vec<EnvelopeUsed<'a>>,
}

/// One envelope used, and how much of it.
#[derive(Debug, Serialize)]
struct EnvelopeUsed<'a> {
    id: &'a str,
    used: i64,
}

/// One refusal: its code, its message and its numbers (money in fen).
#[derive(Debug, Default, Serialize)]
struct Refused<'a> {
    reason: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    tool: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    available: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    have: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_by: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wanted: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    left: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit: Option<i64>,
}

/// One hint (only with `--hints`).
#[derive(Debug, Serialize)]
struct HintJson {
    message: String,
    add: i64,
    saves: i64,
}

/// The receipt of `order` as one line of JSON, newline-terminated; with
/// `hints`, a `"hints"` array is added.
pub(super) fn render(order: &Order, receipt: &Receipt, hints: Option<&[Hint]>) -> String {
    let d = &receipt.discounts;
    let quote = Quote {
        goods: receipt.goods.get(),
        discounts: Discounts {
            item_coupons: d.item_coupons.get(),
            store: d.store.get(),
            store_cards: d.store_cards.get(),
            cross_store: d.cross_store.get(),
            allowance: d.allowance.get(),
            envelopes: d.envelopes.get(),
        },
        pay: receipt.pay.get(),
        lines: order
            .lines
            .iter()
            .zip(&receipt.lines)
            .map(|(line, rec)| Line {
                item: &line.item,
                store: &order.stores[line.store].id,
                pay: rec.pay.get(),
            })
            .collect(),
        used: Used {
            coupons: receipt
                .coupons_used
                .iter()
                .map(|&c| &*order.coupons[c].id)
                .collect(),
            envelopes: receipt
                .envelopes_used
                .iter()
                .map(|u| EnvelopeUsed {
                    id: &order.envelopes[u.envelope].id,
                    used: u.used.get(),
                })
                .collect(),
        },
        refused: receipt.refused.iter().map(refused).collect(),
        deposits_paid: receipt.deposits_paid.get(),
        presale_bonus: receipt.presale_bonus.get(),
        hints: hints.map(|hints| {
            hints
                .iter()
                .map(|h| HintJson {
                    message: h.to_string(),
                    add: h.add.get(),
                    saves: h.saves.get(),
                })
                .collect()
        }),
    };
    // Plain data of strings and integers: serialising it cannot fail.
    let mut out = serde_json::to_string(&quote).unwrap_or_default();
    out.push('\n');
    out
}

fn fen(f: Fen) -> Option<i64> {
    Some(f.get())
}

fn tool_fields(tool: &Tool) -> (Option<&'static str>, Option<&str>) {
    let kind = match tool {
        Tool::Coupon(_) => "coupon",
        Tool::Envelope(_) => "envelope",
    };
    (Some(kind), Some(tool.id()))
}

fn refused(refusal: &Refusal) -> Refused<'_> {
    let message = refusal.to_string();
    match refusal {
        Refusal::OverCredit {
            total,
            available,
            short_by,
        } => Refused {
            reason: "over_credit",
            message,
            total: fen(*total),
            available: fen(*available),
            short_by: fen(*short_by),
            ..Refused::default()
        },
        Refusal::OutOfStock { item, wanted, left } => Refused {
            reason: "out_of_stock",
            message,
            item: Some(item),
            wanted: Some(*wanted),
            left: Some(*left),
            ..Refused::default()
        },
        Refusal::OverLimit {
            item,
            wanted,
            limit,
        } => Refused {
            reason: "over_limit",
            message,
            item: Some(item),
            wanted: Some(*wanted),
            limit: Some(*limit),
            ..Refused::default()
        },
        Refusal::BelowMinimum {
            tool,
            min,
            have,
            short_by,
        } => {
            let (tool, id) = tool_fields(tool);
            Refused {
                reason: "below_minimum",
                message,
                tool,
                id,
                min: fen(*min),
                have: fen(*have),
                short_by: fen(*short_by),
                ..Refused::default()
            }
        }
        Refusal::Expired { tool } => {
            let (tool, id) = tool_fields(tool);
            Refused {
                reason: "expired",
                message,
                tool,
                id,
                ..Refused::default()
            }
        }
        Refusal::EnvelopeLimit { tool, limit } => {
            let (tool, id) = tool_fields(tool);
            Refused {
                reason: "envelope_limit",
                message,
                tool,
                id,
                limit: Some(i64::try_from(*limit).unwrap_or(i64::MAX)),
                ..Refused::default()
            }
        }
    }
}
