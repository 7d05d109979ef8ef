//! The 11.11 day: clock, big screen and 剁手 meter on top; stores, items
//! and the cart in the middle; the hint and what comes next below.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::Theme;
use super::card::{note, panel, spread};
use super::hud::yuan;
use super::text::Lang;
use crate::app::cart_figures::CartFigures;
use crate::app::state::App;
use crate::game::{GameState, NoticeKind};
use crate::level::EventKind;
use crate::money::Fen;
use crate::rules::{Hint, Receipt};

/// Where the shop's panels sit in `body` (also used to map mouse clicks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShopLayout {
    /// Clock, big screen, budget.
    pub top: Rect,
    /// The store list.
    pub stores: Rect,
    /// The item list (or the runway while a show runs).
    pub items: Rect,
    /// The selected item's details (may be empty).
    pub detail: Rect,
    /// The cart.
    pub cart: Rect,
    /// The wishlist (may be empty).
    pub wishlist: Rect,
    /// The envelopes held (may be empty).
    pub envelopes: Rect,
    /// The hint and what comes next.
    pub status: Rect,
}

/// Splits the body into the shop's panels. `rows`: the item list's rows;
/// `cart_rows`: the cart's lines; `wishes`: the wishlist's length.
pub fn layout(body: Rect, rows: usize, cart_rows: usize, wishes: usize) -> ShopLayout {
    let [top, mid, status] = body.layout(&Layout::vertical([
        Constraint::Length(super::shop_top::height(body)),
        Constraint::Min(6),
        Constraint::Length(4),
    ]));
    let side_w = if body.width >= 110 { 30 } else { 26 };
    let [stores, items_col, cart_col] = mid.layout(&Layout::horizontal([
        Constraint::Length(18),
        Constraint::Min(30),
        Constraint::Length(side_w),
    ]));
    // The list takes what it needs (at least 5 rows); the details take the
    // rest when they get at least 6.
    let want = (rows as u16 + 3).max(5);
    let (items, detail) = if items_col.height >= want + 6 {
        let [a, b] = items_col.layout(&Layout::vertical([
            Constraint::Length(want),
            Constraint::Min(6),
        ]));
        (a, b)
    } else {
        (items_col, Rect::default())
    };
    // The cart: its lines + totals; then the wishlist, then the envelopes.
    let cart_h = (cart_rows as u16 + 7).max(6);
    let wish_h = wishes as u16 + 2;
    let (cart, wishlist, envelopes) = if cart_col.height >= cart_h + wish_h + 4 {
        let [c, w, e] = cart_col.layout(&Layout::vertical([
            Constraint::Length(cart_h),
            Constraint::Length(wish_h),
            Constraint::Min(4),
        ]));
        (c, w, e)
    } else if cart_col.height >= cart_h + wish_h {
        let [c, w] = cart_col.layout(&Layout::vertical([
            Constraint::Length(cart_h),
            Constraint::Min(wish_h),
        ]));
        (c, w, Rect::default())
    } else {
        (cart_col, Rect::default(), Rect::default())
    };
    ShopLayout {
        top,
        stores,
        items,
        detail,
        cart,
        wishlist,
        envelopes,
        status,
    }
}

/// The shop's layout for this game in `body`.
pub fn layout_for(game: &GameState, body: Rect) -> ShopLayout {
    let rows = game.day().visible_items(game.level()).len() + 1;
    layout(
        body,
        rows,
        game.day().cart.len(),
        game.level().wishlist.len(),
    )
}

/// Draws the shop (and the runway when a show is on).
pub fn render(
    app: &App,
    theme: &Theme,
    game: &GameState,
    cart: &CartFigures,
    body: Rect,
    buf: &mut Buffer,
) {
    let zh = app.settings.lang == Lang::Zh;
    let l = layout_for(game, body);
    let cart_pay = if game.day().cart.is_empty() {
        Fen::ZERO
    } else {
        cart.quote().pay
    };
    super::shop_top::render(zh, theme, game, cart_pay, l.top, buf);
    store_list(app, theme, game, l.stores, buf);
    if game.day().show.is_some() {
        let runway = l.items.union(l.detail);
        super::runway::render(zh, theme, game, runway, buf);
    } else {
        item_list(zh, theme, game, l.items, buf);
        if !l.detail.is_empty() {
            let info = game
                .day()
                .selected_item(game.level())
                .and_then(|k| super::shop_data::item_info(game, k));
            super::shop_side::detail_panel(zh, theme, info.as_ref(), l.detail, buf);
        }
    }
    cart_panel(zh, theme, game, cart.quote(), l.cart, buf);
    if !l.wishlist.is_empty() {
        let wishes = super::shop_data::wishlist(game);
        super::shop_side::wishlist_panel(zh, theme, &wishes, l.wishlist, buf);
    }
    if !l.envelopes.is_empty() {
        let envs = super::shop_data::envelopes(game);
        super::shop_side::envelopes_panel(zh, theme, &envs, l.envelopes, buf);
    }
    status(zh, theme, game, cart.hints(), l.status, buf);
}

fn store_list(app: &App, theme: &Theme, game: &GameState, area: Rect, buf: &mut Buffer) {
    let zh = app.settings.lang == Lang::Zh;
    let inner = panel(theme, if zh { " 店铺 " } else { " Stores " }, area, buf);
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
                .filter(|c| level.items.get(c.item).is_some_and(|it| *it.store == *s.id))
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
    let inner = panel(theme, title, area, buf);
    let visible = day.visible_items(level);
    // Narrow lists drop the limit column and shorten the stock bar.
    let wide = inner.width >= 50;
    let (cells, stock_w, lim_w) = if wide { (5, 10, 4) } else { (3, 8, 0) };
    let name_w = usize::from(inner.width)
        .saturating_sub(2 + 10 + 1 + stock_w + lim_w + 4)
        .max(6);
    let head = format!(
        "  {}{} {:>9} {:<stock_w$}{}",
        if zh { "商品" } else { "Item" },
        " ".repeat(name_w.saturating_sub(4)),
        if zh { "现价" } else { "Now" },
        if zh { "库存" } else { "Stock" },
        if !wide {
            ""
        } else if zh {
            " 限购"
        } else {
            "  Lim"
        },
    );
    let mut lines = vec![Line::styled(head, theme.dim)];
    for (row, &i) in visible.iter().enumerate() {
        let it = &level.items[i];
        let st = &day.stock[i];
        let sel = row == day.item_row;
        let pct = (st.left * 100).checked_div(st.start).unwrap_or(0);
        let stock = if st.left == 0 {
            "SOLD OUT".to_string()
        } else if !day.on_sale(level, i) {
            st.flash.map_or("FLASH".to_string(), |f| {
                format!("FLASH{}", crate::game::clock::hhmm(f.opens))
            })
        } else {
            super::shop_side::stock_bar(pct, cells)
        };
        let wished = level.is_wished(&it.id);
        let name = truncate(&it.name, name_w.saturating_sub(usize::from(wished) * 2));
        let name = if wished { format!("{name} ★") } else { name };
        let pad = name_w.saturating_sub(super::width(&name) as usize);
        let in_cart = day.in_cart(i);
        let style = if st.left == 0 {
            theme.dim
        } else if sel {
            theme.selected
        } else {
            theme.text
        };
        let flash = st.flash.is_some() && st.left > 0;
        lines.push(Line::from(vec![
            Span::raw(if sel { "▶ " } else { "  " }),
            Span::styled(format!("{name}{}", " ".repeat(pad)), style),
            Span::raw(format!(" {:>9} ", yuan(day.price_of(level, i)))),
            Span::styled(
                format!("{stock:<stock_w$}"),
                if st.left == 0 {
                    theme.dim
                } else if flash {
                    theme.gold
                } else {
                    theme.text
                },
            ),
            Span::raw(if wide {
                format!(
                    " {:>4}",
                    it.limit.map_or("—".to_string(), |l| l.to_string())
                )
            } else {
                String::new()
            }),
            Span::styled(
                if in_cart > 0 {
                    format!(" ✓×{in_cart}")
                } else {
                    String::new()
                },
                theme.good,
            ),
        ]));
    }
    if visible.is_empty() {
        lines.push(note(zh, "  没有商品", "  nothing here", theme.dim));
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

fn cart_panel(
    zh: bool,
    theme: &Theme,
    game: &GameState,
    q: &Receipt,
    area: Rect,
    buf: &mut Buffer,
) {
    let day = game.day();
    let level = game.level();
    let inner = panel(
        theme,
        if zh {
            format!(" 购物车（{} 行） ", day.cart.len())
        } else {
            format!(" Cart ({} lines) ", day.cart.len())
        },
        area,
        buf,
    );
    let w = usize::from(inner.width);
    let row = |l: &str, r: String| spread(w, l, &r);
    let mut lines = Vec::new();
    for (i, e) in day.cart.iter().enumerate() {
        let it = &level.items[e.item];
        let name = if e.qty > 1 {
            format!("{} ×{}", truncate(&it.name, w.saturating_sub(14)), e.qty)
        } else {
            truncate(&it.name, w.saturating_sub(11))
        };
        let amount = crate::money::Fen(day.price_of(level, e.item).get() * i64::from(e.qty));
        let style = if i == day.cart_row {
            theme.key
        } else {
            theme.text
        };
        lines.push(Line::styled(row(&name, amount.plain()), style));
    }
    if day.cart.is_empty() {
        lines.push(note(zh, "空的", "empty", theme.dim));
    } else {
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
        lines.push(note(zh, "C 结算", "C check out", theme.dim));
    }
    Paragraph::new(lines).render(inner, buf);
}

fn status(zh: bool, theme: &Theme, game: &GameState, hints: &[Hint], area: Rect, buf: &mut Buffer) {
    // The festival's rule, always in view on the panel's top border.
    let rule = super::rule::festival_rule(zh, game.level(), game.purse().allowance);
    let b = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(
            format!(" {} {rule} ", if zh { "规则" } else { "RULE" }),
            theme.gold,
        ));
    let inner = b.inner(area);
    b.render(area, buf);
    let level = game.level();
    let day = game.day();
    let hint = match &day.notice {
        Some(n) => notice_text(zh, game, &n.kind),
        None if !day.cart.is_empty() => hints.first().map(|h| hint_text(zh, h)).unwrap_or_default(),
        None => String::new(),
    };
    let next: Vec<String> = day
        .upcoming()
        .iter()
        .take(3)
        .filter_map(|&e| level.events.get(e))
        .map(|e| {
            let what = event_name(zh, e.kind);
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

/// The name of a scheduled event, in the player's language.
pub fn event_name(zh: bool, kind: EventKind) -> &'static str {
    match (kind, zh) {
        (EventKind::FlashSale, false) => "FLASH sale",
        (EventKind::FlashSale, true) => "限时秒杀",
        (EventKind::Rain, false) => "envelope rain",
        (EventKind::Rain, true) => "红包雨",
        (EventKind::Show, false) => "see now, buy now",
        (EventKind::Show, true) => "边看边买",
        (EventKind::Rush, false) => "last-hour rush",
        (EventKind::Rush, true) => "最后冲刺",
        (EventKind::Notice, false) => "notice",
        (EventKind::Notice, true) => "公告",
    }
}

/// "Add ¥N more to save ¥M more (why)", in the player's language.
pub fn hint_text(zh: bool, h: &crate::rules::Hint) -> String {
    use crate::rules::HintKind;
    let why = match (&h.kind, zh) {
        (HintKind::Pool { tier, .. }, false) => {
            format!(
                "{} off every {} across stores",
                yuan(tier.off),
                yuan(tier.every)
            )
        }
        (HintKind::Pool { tier, .. }, true) => {
            format!("跨店每满 {} 减 {}", yuan(tier.every), yuan(tier.off))
        }
        (HintKind::StoreDiscount { .. }, false) => "store discount".into(),
        (HintKind::StoreDiscount { .. }, true) => "店铺满减".into(),
        (HintKind::StoreCard { .. }, false) => "reach a store coupon's minimum".into(),
        (HintKind::StoreCard { .. }, true) => "用上店铺券".into(),
        (HintKind::Envelope { .. }, false) => "reach an envelope's minimum".into(),
        (HintKind::Envelope { .. }, true) => "用上红包".into(),
    };
    if zh {
        format!("再买 {} 可再省 {}（{why}）", yuan(h.add), yuan(h.saves))
    } else {
        format!(
            "Add {} more to save {} more ({why})",
            yuan(h.add),
            yuan(h.saves)
        )
    }
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
            .map(|e| match e.kind {
                EventKind::Notice if !e.text.is_empty() => format!("★ {} {}", e.at, e.text),
                k => format!("★ {} {}", e.at, event_name(zh, k)),
            })
            .unwrap_or_default(),
        NoticeKind::NoDrawsLeft => (if zh {
            "今天没有红包雨次数了"
        } else {
            "no draws left today"
        })
        .into(),
    }
}

/// What a click in the shop landed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShopHit {
    /// A store tab (index).
    Store(usize),
    /// A row of the item list (index into the visible items).
    Item(usize),
}

/// What is under (`column`, `row`) in the shop drawn in `body`.
pub fn hit(game: &GameState, body: Rect, column: u16, row: u16) -> Option<ShopHit> {
    let l = layout_for(game, body);
    let at = (column, row).into();
    let stores = Block::bordered().inner(l.stores);
    if stores.contains(at) && game.day().search.is_empty() {
        let i = usize::from(row - stores.y);
        return (i < game.level().stores.len()).then_some(ShopHit::Store(i));
    }
    let items = Block::bordered().inner(l.items);
    if items.contains(at) && game.day().show.is_none() && row > items.y {
        // The first inner row is the column header.
        let i = usize::from(row - items.y - 1);
        let n = game.day().visible_items(game.level()).len();
        return (i < n).then_some(ShopHit::Item(i));
    }
    None
}
