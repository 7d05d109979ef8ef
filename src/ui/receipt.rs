//! Checkout: the receipt step by step (nothing is charged before Enter),
//! and the refused card listing every reason.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::Theme;
use super::card::{note, panel, spread};
use super::hud::yuan;
use super::text::Lang;
use crate::app::cart_figures::CartFigures;
use crate::app::state::App;
use crate::game::{GameState, Refused};
use crate::money::Fen;
use crate::rules::{Refusal, Tool};

/// 剁手: paying `pay` now takes the day's spending (deposits and
/// checkouts so far) past the player's own budget — credit within the
/// budget is not 剁手.
pub fn chops(game: &GameState, pay: Fen) -> bool {
    game.spent() + pay > game.level().wallet.budget
}

/// Draws the checkout review over the shop.
pub fn render_review(
    app: &App,
    theme: &Theme,
    game: &GameState,
    cart: &CartFigures,
    best: bool,
    body: Rect,
    buf: &mut Buffer,
) {
    let zh = app.settings.lang == Lang::Zh;
    let best_plan = cart.best().map(|b| &b.receipt);
    let q = match best_plan {
        Some(plan) if best => plan,
        _ => cart.quote(),
    };
    Clear.render(body, buf);
    let title = if zh {
        format!(
            " 结算 · 合并付款 · {} {}",
            game.clock_time(),
            if best { "· 最优方案 " } else { "" }
        )
    } else {
        format!(
            " CHECKOUT · one merged payment · {} {}",
            game.clock_time(),
            if best { "· best plan " } else { "" }
        )
    };
    let inner = panel(theme, title, body, buf);
    let w = usize::from(inner.width);
    let mut lines = vec![Line::styled(
        row(
            w,
            if zh { "步骤" } else { "STEP" },
            if zh { "优惠" } else { "OFF" },
            if zh { "剩余" } else { "LEFT" },
        ),
        theme.key,
    )];
    let entries = game.review_entries();
    lines.push(Line::raw(row(
        w,
        &format!(
            "1 {} · {} {}",
            if zh { "活动价" } else { "Festival price" },
            entries.len(),
            match (zh, entries.len()) {
                (true, _) => "行",
                (false, 1) => "line",
                (false, _) => "lines",
            }
        ),
        "",
        &yuan(q.goods),
    )));
    let names: Vec<String> = entries
        .iter()
        .map(|c| {
            game.level()
                .items
                .get(c.item)
                .map_or(String::new(), |it| it.name.clone())
        })
        .collect();
    let refused = refusal_lines(zh, game, &q.refused);
    // Room for per-line detail: the rows left after the fixed ones (header,
    // seven steps, rule, pay, totals, per line, and the best-plan row on the
    // default picks), the presale rows and the refusals.
    let presale_rows =
        usize::from(q.presale_bonus.get() > 0) + usize::from(q.deposits_paid.get() > 0);
    let fixed = 12 + usize::from(!best) + presale_rows + refused.len();
    let mut room = usize::from(inner.height).saturating_sub(fixed);
    // A presale row: a label, what it takes off, what is left after it.
    let presale_row = |label: &str, off: Fen, left: Fen| {
        Line::raw(row(
            w,
            &format!("  {label}"),
            &format!("−{}", yuan(off)),
            &yuan(left),
        ))
    };
    if q.presale_bonus.get() > 0 {
        lines.push(presale_row(
            presale_bonus_label(zh),
            q.presale_bonus,
            q.goods - q.presale_bonus,
        ));
    }
    for st in steps(q, &names) {
        let used = st.off.get() > 0;
        let mark = if used { "✓" } else { "—" };
        lines.push(Line::styled(
            row(
                w,
                &format!("{} {mark} {}", st.n, step_name(zh, st.n)),
                &if used {
                    format!("−{}", yuan(st.off))
                } else {
                    "—".into()
                },
                &if used { yuan(st.left) } else { String::new() },
            ),
            if used { theme.good } else { theme.dim },
        ));
        if !used || st.per_line.is_empty() {
            continue;
        }
        // One row per line when there is room, else all on one row.
        let parts: Vec<String> = st
            .per_line
            .iter()
            .map(|(name, off)| format!("{name} −{}", yuan(*off)))
            .collect();
        if room > parts.len() {
            room -= parts.len();
            for p in parts {
                lines.push(Line::styled(format!("      {p}"), theme.dim));
            }
        } else if room > 0 {
            room -= 1;
            lines.push(Line::styled(
                format!("      {}", parts.join(" · ")),
                theme.dim,
            ));
        }
    }
    if q.deposits_paid.get() > 0 {
        lines.push(presale_row(deposits_label(zh), q.deposits_paid, q.pay));
    }
    lines.push(Line::styled("─".repeat(w), theme.border));
    let p = game.purse();
    let cash = q.pay.get().min(p.balance.get()).max(0);
    let credit = (q.pay.get() - cash).max(0);
    lines.push(Line::from(vec![Span::raw(row(
        w,
        &format!(
            "8 {} {} + {} {}{}",
            if zh { "付款 现金" } else { "Pay  cash" },
            yuan(Fen(cash)),
            if zh { "花呗" } else { "credit" },
            yuan(Fen(credit)),
            if chops(game, q.pay) { "  剁手!" } else { "" }
        ),
        "",
        &yuan(q.pay),
    ))]));
    // Saved: every discount and the presale inflation (goods − saved =
    // pay + deposits already paid).
    let saved = q.saved();
    lines.push(Line::styled(
        format!(
            "{} {} · {} {} · {} {}",
            if zh { "商品" } else { "Goods" },
            yuan(q.goods),
            if zh { "节省" } else { "you save" },
            yuan(saved),
            if zh { "实付" } else { "you pay" },
            yuan(q.pay)
        ),
        theme.key,
    ));
    if let Some(b) = best_plan.map(|p| p.pay).filter(|_| !best) {
        lines.push(Line::raw(if b >= q.pay {
            format!(
                "{} {} ✓",
                if zh {
                    "最优方案："
                } else {
                    "Best plan for this cart:"
                },
                yuan(b)
            )
        } else {
            format!(
                "{} {} · B {}",
                if zh {
                    "最优方案："
                } else {
                    "Best plan for this cart:"
                },
                yuan(b),
                if zh { "查看" } else { "shows it" }
            )
        }));
    }
    if !q.lines.is_empty() {
        let per: Vec<String> = q
            .lines
            .iter()
            .zip(&names)
            .map(|(l, n)| format!("{n} {}", yuan(l.pay)))
            .collect();
        lines.push(Line::styled(
            format!(
                "{} {}",
                if zh { "每行实付：" } else { "Per line:" },
                per.join(" · ")
            ),
            theme.text,
        ));
    }
    for r in refused {
        lines.push(Line::styled(r, theme.bad));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// At most this many rows of refused tools on the review.
const REFUSAL_ROWS: usize = 4;

/// The refused tools as the review shows them: alike refusals in a row
/// (same reason, same numbers, as a wallet of rain envelopes gives) on one
/// row with their count, at most [`REFUSAL_ROWS`] rows.
fn refusal_lines(zh: bool, game: &GameState, refused: &[Refusal]) -> Vec<String> {
    let groups = refusal_groups(refused, |tool| envelope_value(game, tool));
    let mut out: Vec<String> = groups
        .iter()
        .take(REFUSAL_ROWS)
        .map(|&(r, n)| refusal_line(zh, game, r, n))
        .collect();
    if groups.len() > REFUSAL_ROWS {
        let rest: usize = groups[REFUSAL_ROWS - 1..].iter().map(|&(_, n)| n).sum();
        out[REFUSAL_ROWS - 1] = if zh {
            format!("✗ 另有 {rest} 项")
        } else {
            format!("✗ and {rest} more")
        };
    }
    out
}

/// Consecutive refusals that differ only in the tool's id, as (the first,
/// how many); `value_of` tells a tool's value, which alike tools share.
pub fn refusal_groups(
    refused: &[Refusal],
    value_of: impl Fn(&Tool) -> Option<Fen>,
) -> Vec<(&Refusal, usize)> {
    let mut groups: Vec<(&Refusal, usize)> = Vec::new();
    for r in refused {
        match groups.last_mut() {
            Some((first, n)) if alike(first, r, &value_of) => *n += 1,
            _ => groups.push((r, 1)),
        }
    }
    groups
}

/// A held envelope's value left, by its id.
fn envelope_value(game: &GameState, tool: &Tool) -> Option<Fen> {
    match tool {
        Tool::Envelope(id) => game
            .envelopes()
            .iter()
            .find(|e| e.id == *id)
            .map(|e| e.value),
        Tool::Coupon(_) => None,
    }
}

/// Same reason and numbers, same kind of tool and value (ids aside).
fn alike(a: &Refusal, b: &Refusal, value_of: &impl Fn(&Tool) -> Option<Fen>) -> bool {
    let same_kind = |x: &Tool, y: &Tool| {
        matches!(
            (x, y),
            (Tool::Coupon(_), Tool::Coupon(_)) | (Tool::Envelope(_), Tool::Envelope(_))
        ) && value_of(x) == value_of(y)
    };
    match (a, b) {
        (
            Refusal::BelowMinimum {
                tool: t1,
                min: m1,
                short_by: s1,
                ..
            },
            Refusal::BelowMinimum {
                tool: t2,
                min: m2,
                short_by: s2,
                ..
            },
        ) => same_kind(t1, t2) && m1 == m2 && s1 == s2,
        (Refusal::Expired { tool: t1 }, Refusal::Expired { tool: t2 }) => same_kind(t1, t2),
        (Refusal::EnvelopeLimit { limit: l1, .. }, Refusal::EnvelopeLimit { limit: l2, .. }) => {
            l1 == l2
        }
        _ => false,
    }
}

/// One row for `n` alike refusals like `r`.
fn refusal_line(zh: bool, game: &GameState, r: &Refusal, n: usize) -> String {
    let what = |tool: &Tool| -> String {
        match tool {
            Tool::Envelope(_) => {
                let value =
                    envelope_value(game, tool).map_or(String::new(), |v| format!(" {}", yuan(v)));
                match (zh, n) {
                    (true, 1) => format!("红包{value}"),
                    (true, _) => format!("{n} 个红包{value}"),
                    (false, 1) => format!("envelope{value}"),
                    (false, _) => format!("{n} envelopes{value}"),
                }
            }
            Tool::Coupon(id) if n == 1 => {
                if zh {
                    format!("券 {id}")
                } else {
                    format!("coupon {id}")
                }
            }
            Tool::Coupon(_) => {
                if zh {
                    format!("{n} 张券")
                } else {
                    format!("{n} coupons")
                }
            }
        }
    };
    match r {
        Refusal::BelowMinimum {
            tool,
            min,
            short_by,
            ..
        } => {
            if zh {
                format!(
                    "✗ {} 满 {} 可用：再买 {}",
                    what(tool),
                    yuan(*min),
                    yuan(*short_by)
                )
            } else {
                format!(
                    "✗ {} {} {}: add {} more",
                    what(tool),
                    if n == 1 { "needs" } else { "need" },
                    yuan(*min),
                    yuan(*short_by)
                )
            }
        }
        Refusal::Expired { tool } => {
            if zh {
                format!("✗ {} 已过期", what(tool))
            } else {
                format!("✗ {} expired", what(tool))
            }
        }
        Refusal::EnvelopeLimit { limit, .. } => {
            if zh {
                format!("✗ 另有 {n} 个红包留在钱包：每笔最多用 {limit} 个")
            } else {
                format!("✗ {n} more envelopes stay in the wallet: {limit} per checkout")
            }
        }
        other => format!("✗ {other}"),
    }
}

/// One discount step of the receipt: its number, what it took off in all,
/// what is left after it, and what it took off each line (by name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// 2–7, as the rules number them.
    pub n: u8,
    /// Off in all.
    pub off: Fen,
    /// Left to pay after this step.
    pub left: Fen,
    /// (line name, off) for each line the step touched.
    pub per_line: Vec<(String, Fen)>,
}

/// The receipt's discount steps in order (item coupons → envelopes).
pub fn steps(q: &crate::rules::Receipt, names: &[String]) -> Vec<Step> {
    use crate::rules::LineReceipt;
    let d = &q.discounts;
    type Pick = fn(&LineReceipt) -> Fen;
    let picks: [(u8, Fen, Pick); 6] = [
        (2, d.item_coupons, |l| l.item_coupon),
        (3, d.store, |l| l.store),
        (4, d.store_cards, |l| l.store_card),
        (5, d.cross_store, |l| l.cross_store),
        (6, d.allowance, |l| l.allowance),
        (7, d.envelopes, |l| l.envelopes),
    ];
    let mut left = q.goods - q.presale_bonus;
    picks
        .into_iter()
        .map(|(n, off, pick)| {
            left -= off;
            let per_line = q
                .lines
                .iter()
                .zip(names)
                .filter(|(l, _)| pick(l).get() > 0)
                .map(|(l, name)| (name.clone(), pick(l)))
                .collect();
            Step {
                n,
                off,
                left,
                per_line,
            }
        })
        .collect()
}

/// The row for a presale's inflation (what the deposits count for beyond
/// themselves).
pub fn presale_bonus_label(zh: bool) -> &'static str {
    if zh {
        "预售定金膨胀"
    } else {
        "Presale deposits count for more"
    }
}

/// The row for the deposits already paid in the warm-up.
pub fn deposits_label(zh: bool) -> &'static str {
    if zh {
        "定金已在预热期付"
    } else {
        "Deposits paid in the warm-up"
    }
}

/// The name of discount step `n`.
pub fn step_name(zh: bool, n: u8) -> &'static str {
    match (n, zh) {
        (2, false) => "Item coupons",
        (2, true) => "单品券",
        (3, false) => "Store discount",
        (3, true) => "店铺满减",
        (4, false) => "Store cards",
        (4, true) => "店铺券",
        (5, false) => "Cross-store",
        (5, true) => "跨店满减",
        (6, false) => "Allowance",
        (6, true) => "购物津贴",
        (7, false) => "Red envelopes",
        (7, true) => "红包",
        _ => "",
    }
}

fn row(w: usize, label: &str, off: &str, left: &str) -> String {
    spread(w, label, &format!("{off:>12} {left:>12}"))
}

/// Draws the CHECKOUT REFUSED card.
pub fn render_refused(
    app: &App,
    theme: &Theme,
    game: &GameState,
    reasons: &[Refused],
    body: Rect,
    buf: &mut Buffer,
) {
    let zh = app.settings.lang == Lang::Zh;
    let name = |id: &str| {
        game.level()
            .items
            .iter()
            .find(|i| *i.id == *id)
            .map_or(id.to_string(), |i| i.name.clone())
    };
    let mut lines: Vec<Line> = reasons
        .iter()
        .map(|r| {
            Line::raw(match r {
                Refused::OutOfStock { item, wanted, left } => {
                    format!("✗ {} — SOLD OUT ({wanted} wanted, {left} left)", name(item))
                }
                Refused::OverLimit {
                    item,
                    wanted,
                    limit,
                } => format!(
                    "✗ {} ×{wanted} — {} {limit}",
                    name(item),
                    if zh { "限购" } else { "limit" }
                ),
                Refused::OverCredit {
                    total,
                    available,
                    short_by,
                } => format!(
                    "✗ {} {} > {} {}: {} {}",
                    if zh { "应付" } else { "Pay" },
                    yuan(*total),
                    if zh { "可用" } else { "cash + credit" },
                    yuan(*available),
                    if zh { "差" } else { "short" },
                    yuan(*short_by)
                ),
                Refused::NotOnSale { item, opens } => match opens {
                    Some(t) => format!(
                        "✗ {} — FLASH {} {t}",
                        name(item),
                        if zh { "开抢于" } else { "opens at" }
                    ),
                    None => format!(
                        "✗ {} — {}",
                        name(item),
                        if zh {
                            "不再出售"
                        } else {
                            "no longer on sale"
                        }
                    ),
                },
            })
        })
        .collect();
    lines.push(note(
        zh,
        "Esc 返回购物车 · X 移除",
        "Esc back to cart · X remove",
        theme.dim,
    ));
    let w = lines.iter().map(Line::width).max().unwrap_or(20) as u16 + 4;
    let rect = super::centered(body, w.max(44), lines.len() as u16 + 2);
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.bad)
        .title(if zh {
            "═ 结算被拒 · 未付任何钱 "
        } else {
            "═ CHECKOUT REFUSED · nothing was paid "
        });
    let inner = block.inner(rect);
    block.render(rect, buf);
    Paragraph::new(lines).render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::game::{Event, Input, update};

    #[test]
    fn alike_refusals_share_reason_numbers_and_value() {
        let below = |id: &str| Refusal::BelowMinimum {
            tool: Tool::Envelope(id.into()),
            min: Fen::yuan(300),
            have: Fen::yuan(250),
            short_by: Fen::yuan(50),
        };
        let limit = |id: &str| Refusal::EnvelopeLimit {
            tool: Tool::Envelope(id.into()),
            limit: 10,
        };
        let refused = [
            below("e1"),
            below("e2"),
            below("e3"),
            limit("e4"),
            limit("e5"),
            below("e6"),
        ];
        let value = |t: &Tool| {
            Some(if t.id() == "e1" {
                Fen::yuan(20)
            } else {
                Fen::yuan(10)
            })
        };
        let counts: Vec<(&str, usize)> = refusal_groups(&refused, value)
            .iter()
            .map(|(r, n)| (r.tool().map_or("", Tool::id), *n))
            .collect();
        assert_eq!(counts, [("e1", 1), ("e2", 2), ("e4", 2), ("e6", 1)]);
    }

    #[test]
    fn steps_add_up_to_the_receipt_and_name_the_lines() {
        let mut g = crate::game::testing::in_the_shop("tutorial.toml", 3);
        for _ in 0..3 {
            update(&mut g, Event::Input(Input::AddToCart));
            update(&mut g, Event::Input(Input::Right));
        }
        let q = g.cart_quote();
        let names: Vec<String> = (0..g.day().cart.len()).map(|i| format!("l{i}")).collect();
        let st = steps(&q, &names);
        assert_eq!(st.len(), 6);
        let off: Fen = st.iter().map(|s| s.off).sum();
        assert_eq!(off, q.discounts.total());
        assert_eq!(st.last().map(|s| s.left), Some(q.goods - off));
        for s in &st {
            let lines: Fen = s.per_line.iter().map(|p| p.1).sum();
            assert!(lines <= s.off || s.per_line.is_empty(), "step {}", s.n);
        }
        assert_eq!(step_name(false, 5), "Cross-store");
    }
}
