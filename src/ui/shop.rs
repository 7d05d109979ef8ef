//! The 11.11 day: clock, big screen and 剁手 meter on top; stores, items
//! and the cart in the middle; the hint and what comes next below.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::Theme;
use super::hud::yuan;
use super::text::Lang;
use crate::app::state::App;
use crate::game::{GameState, NoticeKind};
use crate::level::EventKind;

/// Draws the shop (and the runway when a show is on).
pub fn render(app: &App, theme: &Theme, game: &GameState, body: Rect, buf: &mut Buffer) {
    let zh = app.settings.lang == Lang::Zh;
    let [top, mid, bottom] = body.layout(&Layout::vertical([
        Constraint::Length(5),
        Constraint::Min(6),
        Constraint::Length(4),
    ]));
    top_row(zh, theme, game, top, buf);
    let [stores, items, cart] = mid.layout(&Layout::horizontal([
        Constraint::Length(18),
        Constraint::Min(30),
        Constraint::Length(26),
    ]));
    store_list(app, theme, game, stores, buf);
    item_list(zh, theme, game, items, buf);
    cart_panel(zh, theme, game, cart, buf);
    status(zh, theme, game, bottom, buf);
}

fn top_row(zh: bool, theme: &Theme, game: &GameState, area: Rect, buf: &mut Buffer) {
    let [clock, screen, budget] = area.layout(&Layout::horizontal([
        Constraint::Length(24),
        Constraint::Min(20),
        Constraint::Length(26),
    ]));
    let secs = game.clock().seconds_left(game.day().ticks);
    let last_hour = game.clock_time().minutes() >= 23 * 60;
    let title = if zh {
        format!(" 距午夜 {}:{:02} ", secs / 60, secs % 60)
    } else {
        format!(" {}:{:02} to midnight ", secs / 60, secs % 60)
    };
    let b = Block::bordered().border_style(theme.border).title(title);
    let inner = b.inner(clock);
    b.render(clock, buf);
    let style = if last_hour { theme.gold } else { theme.key };
    Paragraph::new(vec![
        Line::styled(format!("  {}", game.clock_time()), style),
        Line::styled(if last_hour { "  LAST HOUR" } else { "" }, theme.gold),
    ])
    .render(inner, buf);

    let b = Block::bordered().border_style(theme.border).title(if zh {
        " 大屏 "
    } else {
        " Big screen "
    });
    let inner = b.inner(screen);
    b.render(screen, buf);
    Paragraph::new(vec![
        Line::from(vec![
            Span::raw(if zh { "实时成交 " } else { "GMV LIVE " }),
            Span::styled(yuan(game.gmv()), theme.gold),
        ]),
        Line::styled(
            format!(
                "{} {}",
                game.level().year,
                if zh { "真实记录" } else { "record" }
            ),
            theme.dim,
        ),
    ])
    .render(inner, buf);

    let budget_amt = game.level().wallet.budget;
    let b = Block::bordered().border_style(theme.border).title(format!(
        " {} {} ",
        if zh { "预算" } else { "Budget" },
        yuan(budget_amt)
    ));
    let inner = b.inner(budget);
    b.render(budget, buf);
    let spent = game.spent();
    let cart_pay = if game.day().cart.is_empty() {
        crate::money::Fen(0)
    } else {
        game.cart_quote().pay
    };
    let w = u64::from(inner.width.saturating_sub(1));
    let scale = (budget_amt.get().max(1) as u64 * 3 / 2).max(1);
    let cells = |f: i64| ((f.max(0) as u64 * w) / scale).min(w) as usize;
    let s = cells(spent.get());
    let c = cells(spent.get() + cart_pay.get()).saturating_sub(s);
    let mark = cells(budget_amt.get());
    let mut meter: Vec<char> = std::iter::repeat_n('█', s)
        .chain(std::iter::repeat_n('▒', c))
        .chain(std::iter::repeat('░'))
        .take(w as usize)
        .collect();
    if mark < meter.len() {
        meter[mark] = '│';
    }
    let over = (spent + cart_pay - budget_amt).get();
    let over_style = if over > 0 { theme.credit } else { theme.good };
    Paragraph::new(vec![
        Line::styled(if zh { "剁手表" } else { "CHOP-HANDS 剁手" }, theme.credit),
        Line::styled(meter.into_iter().collect::<String>(), over_style),
        Line::styled(
            if over > 0 {
                format!(
                    "{} {} {}",
                    if zh { "购物车超出" } else { "cart →" },
                    yuan(crate::money::Fen(over)),
                    if zh { "" } else { "over" }
                )
            } else {
                format!(
                    "{} {}",
                    yuan(crate::money::Fen(-over)),
                    if zh { "余量" } else { "to spare" }
                )
            },
            over_style,
        ),
    ])
    .render(inner, buf);
}

fn store_list(app: &App, theme: &Theme, game: &GameState, area: Rect, buf: &mut Buffer) {
    let zh = app.settings.lang == Lang::Zh;
    let b = Block::bordered().border_style(theme.border).title(if zh {
        " 店铺 "
    } else {
        " Stores "
    });
    let inner = b.inner(area);
    b.render(area, buf);
    let level = game.level();
    let day = game.day();
    let mut lines: Vec<Line> = level
        .stores
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n: u32 = day
                .cart
                .iter()
                .filter(|c| level.items.get(c.item).is_some_and(|it| it.store == s.id))
                .map(|c| c.qty)
                .sum();
            let sel = i == day.store_tab && day.search.is_empty();
            let count = if n > 0 {
                format!(" {n}")
            } else {
                String::new()
            };
            Line::styled(
                format!("{}{}{count}", if sel { "▶" } else { " " }, s.name),
                if sel { theme.selected } else { theme.text },
            )
        })
        .collect();
    lines.push(Line::raw(""));
    let searching = app.play.as_ref().is_some_and(|p| p.searching);
    lines.push(Line::styled(
        format!("/ {}{}", day.search, if searching { "▌" } else { "" }),
        if searching { theme.selected } else { theme.dim },
    ));
    Paragraph::new(lines).render(inner, buf);
}

fn item_list(zh: bool, theme: &Theme, game: &GameState, area: Rect, buf: &mut Buffer) {
    let level = game.level();
    let day = game.day();
    let title = level
        .stores
        .get(day.store_tab)
        .map(|s| format!(" {} ", s.name))
        .unwrap_or_default();
    let title = if day.search.is_empty() {
        title
    } else {
        format!(
            " {} \"{}\" ",
            if zh { "搜索" } else { "search" },
            day.search
        )
    };
    let b = Block::bordered().border_style(theme.border).title(title);
    let inner = b.inner(area);
    b.render(area, buf);
    let visible = day.visible_items(level);
    let name_w = usize::from(inner.width.saturating_sub(24)).max(8);
    let mut lines = Vec::new();
    for (row, &i) in visible.iter().enumerate() {
        let it = &level.items[i];
        let st = &day.stock[i];
        let sel = row == day.item_row;
        let pct = (st.left * 100).checked_div(st.start).unwrap_or(0);
        let stock = if st.left == 0 {
            "SOLD OUT".to_string()
        } else if !day.on_sale(level, i) {
            "FLASH".to_string()
        } else {
            let n = (pct as usize * 5).div_ceil(100).min(5);
            format!("{}{} {pct:>3}%", "▓".repeat(n), "░".repeat(5 - n))
        };
        let name = truncate(&it.name, name_w);
        let pad = name_w.saturating_sub(super::width(&name) as usize);
        let in_cart = day.in_cart(i);
        let style = if st.left == 0 {
            theme.dim
        } else if sel {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::from(vec![
            Span::raw(if sel { "▶ " } else { "  " }),
            Span::styled(format!("{name}{}", " ".repeat(pad)), style),
            Span::raw(format!(" {:>10} ", yuan(it.festival_price))),
            Span::styled(stock, if st.left == 0 { theme.dim } else { theme.gold }),
            Span::styled(
                if in_cart > 0 {
                    format!(" ×{in_cart}")
                } else {
                    String::new()
                },
                theme.good,
            ),
        ]));
        if sel && it.price != it.festival_price {
            lines.push(Line::styled(
                format!("    {} {}", if zh { "原价" } else { "was" }, yuan(it.price)),
                theme.dim,
            ));
        }
    }
    if visible.is_empty() {
        lines.push(Line::styled(
            if zh {
                "  没有商品"
            } else {
                "  nothing here"
            },
            theme.dim,
        ));
    }
    Paragraph::new(lines).render(inner, buf);
}

fn truncate(s: &str, w: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > w {
            break;
        }
        used += cw;
        out.push(c);
    }
    out
}

fn cart_panel(zh: bool, theme: &Theme, game: &GameState, area: Rect, buf: &mut Buffer) {
    let day = game.day();
    let level = game.level();
    let b = Block::bordered().border_style(theme.border).title(if zh {
        format!(" 购物车（{} 行） ", day.cart.len())
    } else {
        format!(" Cart ({} lines) ", day.cart.len())
    });
    let inner = b.inner(area);
    b.render(area, buf);
    let w = usize::from(inner.width);
    let row = |l: &str, r: String| {
        let pad = w.saturating_sub(super::width(l) as usize + super::width(&r) as usize);
        format!("{l}{}{r}", " ".repeat(pad))
    };
    let mut lines = Vec::new();
    for (i, e) in day.cart.iter().enumerate() {
        let it = &level.items[e.item];
        let name = if e.qty > 1 {
            format!("{} ×{}", truncate(&it.name, w.saturating_sub(14)), e.qty)
        } else {
            truncate(&it.name, w.saturating_sub(11))
        };
        let amount = crate::money::Fen(it.festival_price.get() * i64::from(e.qty));
        let style = if i == day.cart_row {
            theme.key
        } else {
            theme.text
        };
        lines.push(Line::styled(row(&name, amount.plain()), style));
    }
    if day.cart.is_empty() {
        lines.push(Line::styled(if zh { "空的" } else { "empty" }, theme.dim));
    } else {
        let q = game.cart_quote();
        lines.push(Line::styled("─".repeat(w), theme.border));
        lines.push(Line::raw(row(
            if zh { "商品" } else { "Goods" },
            yuan(q.goods),
        )));
        lines.push(Line::styled(
            row(
                if zh { "优惠" } else { "Discounts" },
                format!("−{}", yuan(q.discounts.total())),
            ),
            theme.good,
        ));
        lines.push(Line::styled(
            row(if zh { "应付" } else { "To pay" }, yuan(q.pay)),
            theme.key,
        ));
        lines.push(Line::styled(
            if zh { "C 结算" } else { "C check out" },
            theme.dim,
        ));
    }
    Paragraph::new(lines).render(inner, buf);
}

fn status(zh: bool, theme: &Theme, game: &GameState, area: Rect, buf: &mut Buffer) {
    let b = Block::bordered().border_style(theme.border);
    let inner = b.inner(area);
    b.render(area, buf);
    let level = game.level();
    let day = game.day();
    let hint = match &day.notice {
        Some(n) => notice_text(zh, game, &n.kind),
        None if !day.cart.is_empty() => game
            .cart_hints()
            .first()
            .map(|h| h.to_string())
            .unwrap_or_default(),
        None => String::new(),
    };
    let next: Vec<String> = day
        .upcoming()
        .iter()
        .take(3)
        .filter_map(|&e| level.events.get(e))
        .map(|e| {
            let what = match e.kind {
                EventKind::FlashSale => {
                    if zh {
                        "限时抢购"
                    } else {
                        "flash sale"
                    }
                }
                EventKind::Rain => {
                    if zh {
                        "红包雨"
                    } else {
                        "envelope rain"
                    }
                }
                EventKind::Show => {
                    if zh {
                        "边看边买"
                    } else {
                        "see now, buy now"
                    }
                }
                EventKind::Rush => {
                    if zh {
                        "最后冲刺"
                    } else {
                        "last-hour rush"
                    }
                }
                EventKind::Notice => {
                    if zh {
                        "公告"
                    } else {
                        "notice"
                    }
                }
            };
            format!("{} {what}", e.at)
        })
        .collect();
    let mut next_line = next.join(" · ");
    if !next_line.is_empty() {
        next_line.push_str(" · ");
    }
    next_line.push_str(if zh {
        "24:00 红包过期"
    } else {
        "24:00 envelopes expire"
    });
    Paragraph::new(vec![
        Line::styled(format!("▸ {hint}"), theme.good),
        Line::from(vec![
            Span::styled(if zh { "接下来 " } else { "NEXT  " }, theme.key),
            Span::raw(next_line),
        ]),
    ])
    .render(inner, buf);
}

fn notice_text(zh: bool, game: &GameState, kind: &NoticeKind) -> String {
    let name = |i: &usize| {
        game.level()
            .items
            .get(*i)
            .map_or("", |it| it.name.as_str())
            .to_string()
    };
    match kind {
        NoticeKind::Added { item } => {
            format!("✓ {} {}", if zh { "已加入" } else { "added" }, name(item))
        }
        NoticeKind::Removed { item } => {
            format!("{} {}", if zh { "已移出" } else { "removed" }, name(item))
        }
        NoticeKind::NotYet { item, opens } => format!(
            "✗ {} FLASH {} {opens}",
            name(item),
            if zh { "开抢于" } else { "opens at" }
        ),
        NoticeKind::SoldOut { item } => format!("✗ {} SOLD OUT", name(item)),
        NoticeKind::AtLimit { item, limit } => format!(
            "✗ {} {} {limit}",
            name(item),
            if zh { "每人限购" } else { "limit" }
        ),
        NoticeKind::NotReserved { item } => format!(
            "✗ {} {}",
            name(item),
            if zh { "未预订" } else { "not reserved" }
        ),
        NoticeKind::PresaleQty { item } => format!(
            "{} {}",
            name(item),
            if zh {
                "仅限预订数量"
            } else {
                "reserved quantity only"
            }
        ),
        NoticeKind::Paid { pay, saved } => format!(
            "✓ {} {} · {} {}",
            if zh { "已付" } else { "paid" },
            yuan(*pay),
            if zh { "省" } else { "saved" },
            yuan(*saved)
        ),
        NoticeKind::CartEmpty => (if zh {
            "购物车是空的"
        } else {
            "the cart is empty"
        })
        .into(),
        NoticeKind::Event { event } => game
            .level()
            .events
            .get(*event)
            .map(|e| format!("★ {} {:?}", e.at, e.kind))
            .unwrap_or_default(),
        NoticeKind::NoDrawsLeft => (if zh {
            "今天没有红包雨次数了"
        } else {
            "no draws left today"
        })
        .into(),
    }
}
