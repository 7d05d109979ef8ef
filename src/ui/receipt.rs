//! Checkout: the receipt step by step (nothing is charged before Enter),
//! and the refused card listing every reason.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::Theme;
use super::hud::yuan;
use super::text::Lang;
use crate::app::state::App;
use crate::game::{GameState, Refused};
use crate::money::Fen;

/// Draws the checkout review over the shop.
pub fn render_review(
    app: &App,
    theme: &Theme,
    game: &GameState,
    best: bool,
    body: Rect,
    buf: &mut Buffer,
) {
    let zh = app.settings.lang == Lang::Zh;
    let q = if best {
        game.cart_best().receipt
    } else {
        game.cart_quote()
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
    let block = Block::bordered().border_style(theme.border).title(title);
    let inner = block.inner(body);
    block.render(body, buf);
    let w = usize::from(inner.width);
    let mut left = q.goods;
    let mut lines = vec![Line::styled(
        row(
            w,
            if zh { "步骤" } else { "STEP" },
            if zh { "优惠" } else { "OFF" },
            if zh { "剩余" } else { "LEFT" },
        ),
        theme.key,
    )];
    lines.push(Line::raw(row(
        w,
        &format!(
            "1 {} · {} {}",
            if zh { "活动价" } else { "Festival price" },
            game.day().cart.len(),
            if zh { "行" } else { "lines" }
        ),
        "",
        &yuan(q.goods),
    )));
    let d = &q.discounts;
    let steps: [(&str, &str, Fen); 6] = [
        (
            "2",
            if zh { "单品券" } else { "Item coupons" },
            d.item_coupons,
        ),
        ("3", if zh { "店铺满减" } else { "Store discount" }, d.store),
        (
            "4",
            if zh { "店铺券" } else { "Store cards" },
            d.store_cards,
        ),
        (
            "5",
            if zh { "跨店满减" } else { "Cross-store" },
            d.cross_store,
        ),
        ("6", if zh { "购物津贴" } else { "Allowance" }, d.allowance),
        ("7", if zh { "红包" } else { "Red envelopes" }, d.envelopes),
    ];
    for (n, name, off) in steps {
        let used = off.get() > 0;
        if used {
            left -= off;
        }
        let mark = if used { "✓" } else { "—" };
        lines.push(Line::styled(
            row(
                w,
                &format!("{n} {mark} {name}"),
                &if used {
                    format!("−{}", yuan(off))
                } else {
                    "—".into()
                },
                &if used { yuan(left) } else { String::new() },
            ),
            if used { theme.good } else { theme.dim },
        ));
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
            if credit > 0 { "  剁手!" } else { "" }
        ),
        "",
        &yuan(q.pay),
    ))]));
    let saved = q.discounts.total();
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
    if !best {
        let b = game.cart_best().receipt.pay;
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
    for r in &q.refused {
        lines.push(Line::styled(format!("✗ {r:?}"), theme.bad));
    }
    Paragraph::new(lines).render(inner, buf);
}

fn row(w: usize, label: &str, off: &str, left: &str) -> String {
    let right = format!("{off:>12} {left:>12}");
    let pad = w.saturating_sub(super::width(label) as usize + super::width(&right) as usize);
    format!("{label}{}{right}", " ".repeat(pad))
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
            .find(|i| i.id == id)
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
    lines.push(Line::styled(
        if zh {
            "Esc 返回购物车 · X 移除"
        } else {
            "Esc back to cart · X remove"
        },
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
