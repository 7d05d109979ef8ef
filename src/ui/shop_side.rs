//! The shop's side panels: the selected item's details, the wishlist with
//! its marks, and the envelopes held with their minimums.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::Theme;
use super::card::{note, panel};
use super::hud::yuan;
use super::shop_data::{FlashState, ItemInfo, Wish};
use crate::money::Fen;
use crate::rules::CouponKind;

/// A stock bar of `n` cells with the percentage: `▓▓▓░░ 61%`.
pub fn stock_bar(pct: u32, n: usize) -> String {
    // Rounded, but any stock at all shows one cell.
    let filled = ((pct as usize * n + 50) / 100)
        .max(usize::from(pct > 0))
        .min(n);
    format!("{}{} {pct:>3}%", "▓".repeat(filled), "░".repeat(n - filled))
}

/// The lines of the detail panel for `info`.
pub fn detail_lines<'a>(zh: bool, theme: &Theme, info: &ItemInfo, w: usize) -> Vec<Line<'a>> {
    let mut lines = vec![Line::styled(info.name.clone(), theme.key)];
    if !info.store.is_empty() {
        lines.push(Line::styled(info.store.clone(), theme.dim));
    }
    let mut price = vec![
        Span::raw(if zh { "现价 " } else { "Now " }),
        Span::styled(yuan(info.now), theme.key),
    ];
    if info.was != info.now {
        price.push(Span::styled(
            format!(
                "  {} {} (−{}%)",
                if zh { "原价" } else { "was" },
                yuan(info.was),
                info.pct_off
            ),
            theme.dim,
        ));
    }
    lines.push(Line::from(price));
    let bar_w = w.saturating_sub(28).clamp(5, 20);
    let stock = if info.left == 0 {
        Line::styled(
            match (info.sold_out_at, zh) {
                (Some(m), true) => format!("✗ 已售罄 SOLD OUT · {}", crate::game::clock::hhmm(m)),
                (Some(m), false) => format!("✗ SOLD OUT at {}", crate::game::clock::hhmm(m)),
                (None, true) => "✗ 已售罄 SOLD OUT".into(),
                (None, false) => "✗ SOLD OUT".into(),
            },
            theme.dim,
        )
    } else {
        Line::from(vec![
            Span::raw(if zh { "库存 " } else { "Stock " }),
            Span::styled(stock_bar(info.pct_left(), bar_w), theme.gold),
            Span::styled(
                format!(" · {} {}", info.left, if zh { "件" } else { "left" }),
                theme.dim,
            ),
        ])
    };
    lines.push(stock);
    let limit = match (info.limit, zh) {
        (Some(l), true) => format!("每人限购 {l}"),
        (Some(l), false) => format!("Limit {l} per person"),
        (None, true) => "不限购".into(),
        (None, false) => "No limit".into(),
    };
    let mine = match (info.in_cart, info.bought, zh) {
        (0, 0, _) => String::new(),
        (c, b, true) => format!(" · 购物车 {c} · 已买 {b}"),
        (c, b, false) => format!(" · {c} in cart · {b} bought"),
    };
    lines.push(Line::raw(format!("{limit}{mine}")));
    match info.flash {
        FlashState::Opens(t) => lines.push(Line::styled(
            if zh {
                format!("⚡ FLASH 秒杀 {t} 开抢")
            } else {
                format!("⚡ FLASH sale opens at {t}")
            },
            theme.gold,
        )),
        FlashState::On if info.left > 0 => lines.push(note(
            zh,
            "⚡ FLASH 秒杀进行中 · 不可用红包",
            "⚡ FLASH sale on now · no envelopes",
            theme.gold,
        )),
        _ => {}
    }
    if let Some((deposit, counts, reserved)) = info.presale {
        lines.push(Line::styled(
            if zh {
                format!(
                    "预售：定金 {} 抵 {} · 已订 {reserved}",
                    yuan(deposit),
                    yuan(counts)
                )
            } else {
                format!(
                    "Presale: deposit {} counts as {} · {reserved} reserved",
                    yuan(deposit),
                    yuan(counts)
                )
            },
            theme.text,
        ));
    }
    for &(kind, min, off, used) in &info.coupons {
        let what = match (kind, zh) {
            (CouponKind::ItemCoupon, true) => "单品券",
            (CouponKind::StoreCoupon, true) => "店铺券",
            (CouponKind::StoreEnvelope, true) => "店铺红包",
            (k, false) => k.label(),
        };
        let terms = if min.get() > 0 {
            if zh {
                format!("满 {} 减 {}", yuan(min), yuan(off))
            } else {
                format!("{} off {}", yuan(off), yuan(min))
            }
        } else if zh {
            format!("减 {}", yuan(off))
        } else {
            format!("{} off", yuan(off))
        };
        let (mark, style) = if used {
            ("✗", theme.dim)
        } else {
            ("✓", theme.good)
        };
        let used = match (used, zh) {
            (true, true) => " · 已用",
            (true, false) => " · used",
            _ => "",
        };
        lines.push(Line::styled(format!("{mark} {what} {terms}{used}"), style));
    }
    if info.wished {
        lines.push(note(
            zh,
            "★ 在你的心愿单上",
            "★ on your wishlist",
            theme.gold,
        ));
    }
    lines
}

/// Draws the detail panel for the selected item (or an empty note).
pub fn detail_panel(
    zh: bool,
    theme: &Theme,
    info: Option<&ItemInfo>,
    area: Rect,
    buf: &mut Buffer,
) {
    let inner = panel(theme, if zh { " 商品详情 " } else { " Item " }, area, buf);
    let lines = match info {
        Some(i) => detail_lines(zh, theme, i, usize::from(inner.width)),
        None => vec![note(zh, "没有选中商品", "no item selected", theme.dim)],
    };
    Paragraph::new(lines).render(inner, buf);
}

/// Draws the wishlist: `✓` bought, `▸` in the cart, `✗` sold out, `·` to get.
pub fn wishlist_panel(
    zh: bool,
    theme: &Theme,
    wishes: &[(usize, String, Wish)],
    area: Rect,
    buf: &mut Buffer,
) {
    let done = wishes.iter().filter(|w| w.2 == Wish::Bought).count();
    let inner = panel(
        theme,
        if zh {
            format!(" 心愿单 {done}/{} ", wishes.len())
        } else {
            format!(" Wishlist {done}/{} ", wishes.len())
        },
        area,
        buf,
    );
    let lines: Vec<Line> = wishes
        .iter()
        .map(|(_, name, state)| {
            let style: Style = match state {
                Wish::Bought => theme.good,
                Wish::InCart => theme.key,
                Wish::SoldOut => theme.dim,
                Wish::Open => theme.text,
            };
            Line::styled(format!("{} {name}", state.glyph()), style)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// Draws the envelopes held: value, minimum spend, `✓` when the cart reaches it.
pub fn envelopes_panel(
    zh: bool,
    theme: &Theme,
    envs: &[(Fen, Fen, bool)],
    area: Rect,
    buf: &mut Buffer,
) {
    let total: Fen = envs.iter().map(|e| e.0).sum();
    let inner = panel(
        theme,
        if zh {
            format!(" 红包 {} 个 {} ", envs.len(), yuan(total))
        } else {
            format!(" Envelopes {} · {} ", envs.len(), yuan(total))
        },
        area,
        buf,
    );
    let rows = usize::from(inner.height);
    let mut lines: Vec<Line> = envs
        .iter()
        .take(rows.saturating_sub(1).max(1))
        .map(|&(value, min, ok)| {
            let terms = if min.get() > 0 {
                if zh {
                    format!(" 满 {}", yuan(min))
                } else {
                    format!(" min {}", yuan(min))
                }
            } else if zh {
                " 无门槛".into()
            } else {
                " no min".into()
            };
            let (mark, style) = if ok {
                ("✓", theme.good)
            } else {
                ("·", theme.envelope)
            };
            Line::styled(format!("{mark} {}{terms}", yuan(value)), style)
        })
        .collect();
    if envs.len() > lines.len() && !lines.is_empty() {
        let more = envs.len() - lines.len() + 1;
        lines.pop();
        lines.push(Line::styled(
            if zh {
                format!("… 还有 {more} 个")
            } else {
                format!("… and {more} more")
            },
            theme.dim,
        ));
    }
    if envs.is_empty() {
        lines.push(note(zh, "没有红包", "none held", theme.dim));
    } else {
        lines.push(note(zh, "24:00 过期", "expire at 24:00", theme.dim));
    }
    Paragraph::new(lines).render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_bar_rounds_up_and_shows_percent() {
        assert_eq!(stock_bar(61, 5), "▓▓▓░░  61%");
        assert_eq!(stock_bar(0, 5), "░░░░░   0%");
        assert_eq!(stock_bar(100, 5), "▓▓▓▓▓ 100%");
        assert_eq!(stock_bar(1, 5), "▓░░░░   1%");
    }
}
