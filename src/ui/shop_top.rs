//! The shop's top row: the day clock in big digits, the big screen (GMV
//! live and the record to beat) and the budget's 剁手 meter.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::Theme;
use super::card::{note, panel};
use super::digits;
use super::hud::yuan;
use super::shop_data::{gmv_per_second, gmv_record, latest_news, short_yuan};
use crate::game::GameState;
use crate::money::Fen;

/// The clock's face: `21:38`, the real time left, and whether it is the last hour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockFace {
    /// `HH:MM` on the 11.11 clock.
    pub time: String,
    /// Real seconds to midnight.
    pub secs_left: u64,
    /// 23:00 or later.
    pub last_hour: bool,
}

/// The clock's face now.
pub fn clock_face(game: &GameState) -> ClockFace {
    let t = game.clock_time();
    ClockFace {
        time: t.to_string(),
        secs_left: game.clock().seconds_left(game.day().ticks),
        last_hour: t.minutes() >= 23 * 60,
    }
}

/// The top row's height for a body this tall (roomier screens get the tall digits).
pub fn height(body: Rect) -> u16 {
    if body.height >= 32 { 7 } else { 5 }
}

/// Draws the top row.
pub fn render(
    zh: bool,
    theme: &Theme,
    game: &GameState,
    cart_pay: Fen,
    area: Rect,
    buf: &mut Buffer,
) {
    let [clock, screen, budget] = area.layout(&Layout::horizontal([
        Constraint::Length(24),
        Constraint::Min(20),
        Constraint::Length(26),
    ]));
    clock_panel(zh, theme, game, clock, buf);
    big_screen(zh, theme, game, screen, buf);
    budget_panel(zh, theme, game, cart_pay, budget, buf);
}

fn clock_panel(zh: bool, theme: &Theme, game: &GameState, area: Rect, buf: &mut Buffer) {
    let face = clock_face(game);
    let left = format!("{}:{:02}", face.secs_left / 60, face.secs_left % 60);
    let title = match (face.last_hour, zh) {
        (true, true) => format!(" ★ 最后一小时 {left} "),
        (true, false) => format!(" ★ LAST HOUR · {left} "),
        (false, true) => format!(" 距午夜 {left} "),
        (false, false) => format!(" {left} to midnight "),
    };
    let style = if face.last_hour {
        theme.gold
    } else {
        theme.key
    };
    let b = Block::bordered()
        .border_style(if face.last_hour {
            theme.gold
        } else {
            theme.border
        })
        .title(Span::styled(
            title,
            if face.last_hour {
                theme.gold
            } else {
                theme.text
            },
        ));
    let inner = b.inner(area);
    b.render(area, buf);
    let w = usize::from(inner.width);
    let lines: Vec<Line> = match digits::fitting(&face.time, w, usize::from(inner.height)) {
        Some(font) => digits::big(&face.time, font)
            .into_iter()
            .map(|r| Line::styled(r, style).centered())
            .collect(),
        None => vec![Line::styled(face.time.clone(), style).centered()],
    };
    let pad = inner.height.saturating_sub(lines.len() as u16) / 2;
    let rect = Rect {
        y: inner.y + pad,
        height: inner.height - pad,
        ..inner
    };
    Paragraph::new(lines).render(rect, buf);
}

/// "2017 record ¥168.2 bn" or "not disclosed", for the big screen.
pub fn record_line(zh: bool, year: u16) -> String {
    match (gmv_record(year), zh) {
        (Some((g, days)), false) if days > 1 => format!("{year}: {} in {days} days", short_yuan(g)),
        (Some((g, _)), false) => format!("{year} record {}", short_yuan(g)),
        (Some((g, days)), true) if days > 1 => format!("{year}：{days} 天 {}", short_yuan(g)),
        (Some((g, _)), true) => format!("{year} 纪录 {}", short_yuan(g)),
        (None, false) => format!("{year} record: not disclosed"),
        (None, true) => format!("{year} 纪录：未公布"),
    }
}

fn big_screen(zh: bool, theme: &Theme, game: &GameState, area: Rect, buf: &mut Buffer) {
    let inner = panel(theme, if zh { " 大屏 " } else { " Big screen " }, area, buf);
    let rate = gmv_per_second(game);
    let mut lines = vec![
        Line::from(vec![
            Span::raw(if zh { "实时成交 " } else { "GMV LIVE " }),
            Span::styled(yuan(game.gmv()), theme.gold),
        ]),
        Line::styled(
            if zh {
                format!("▲ 每秒 +{}", short_yuan(rate))
            } else {
                format!("▲ +{} this second", short_yuan(rate))
            },
            theme.dim,
        ),
        Line::styled(record_line(zh, game.level().year), theme.text),
    ];
    if let Some(news) = latest_news(game) {
        lines.push(Line::styled(format!("★ {news}"), theme.dim));
    }
    if game.day().rush.is_some() {
        lines.push(note(
            zh,
            "★ 最后冲刺：人群加速抢购",
            "★ LAST-HOUR RUSH: the crowd buys faster",
            theme.gold,
        ));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// The 剁手 meter's cells: `█` spent, `▒` what the cart adds, `░` room,
/// `│` at the budget; scaled so 1.5× the budget fills the bar.
pub fn meter(spent: Fen, cart: Fen, budget: Fen, w: usize) -> String {
    let scale = (budget.get().max(1) as u64 * 3 / 2).max(1);
    let w64 = w as u64;
    let cells = |f: i64| ((f.max(0) as u64 * w64) / scale).min(w64) as usize;
    let s = cells(spent.get());
    let c = cells(spent.get() + cart.get()).saturating_sub(s);
    let mark = cells(budget.get());
    let mut m: Vec<char> = std::iter::repeat_n('█', s)
        .chain(std::iter::repeat_n('▒', c))
        .chain(std::iter::repeat('░'))
        .take(w)
        .collect();
    if mark < m.len() {
        m[mark] = '│';
    }
    m.into_iter().collect()
}

fn budget_panel(
    zh: bool,
    theme: &Theme,
    game: &GameState,
    cart_pay: Fen,
    area: Rect,
    buf: &mut Buffer,
) {
    let budget_amt = game.level().wallet.budget;
    let inner = panel(
        theme,
        format!(
            " {} {} ",
            if zh { "预算" } else { "Budget" },
            yuan(budget_amt)
        ),
        area,
        buf,
    );
    let spent = game.spent();
    let bar = meter(
        spent,
        cart_pay,
        budget_amt,
        usize::from(inner.width.saturating_sub(1)),
    );
    let over = (spent + cart_pay - budget_amt).get();
    let over_style = if over > 0 { theme.credit } else { theme.good };
    let mut lines = vec![
        note(zh, "剁手表", "CHOP-HANDS 剁手", theme.credit),
        Line::styled(bar, over_style),
        Line::styled(
            match (over > 0, zh) {
                (true, true) => format!("超出 {} 剁手!", yuan(Fen(over))),
                (true, false) => format!("cart → {} over 剁手!", yuan(Fen(over))),
                (false, true) => format!("余量 {}", yuan(Fen(-over))),
                (false, false) => format!("{} to spare", yuan(Fen(-over))),
            },
            over_style,
        ),
    ];
    lines.push(Line::styled(
        format!(
            "{} {} · {} {}",
            if zh { "已花" } else { "spent" },
            yuan(spent),
            if zh { "购物车" } else { "cart" },
            yuan(cart_pay)
        ),
        theme.dim,
    ));
    Paragraph::new(lines).render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meter_marks_spent_cart_and_budget() {
        let m = meter(Fen(10_000), Fen(10_000), Fen(20_000), 15);
        assert_eq!(m.chars().count(), 15);
        assert!(m.starts_with("█████▒▒▒▒▒│"), "{m}");
        let over = meter(Fen(40_000), Fen(0), Fen(20_000), 15);
        assert!(!over.contains('░'));
    }

    #[test]
    fn record_line_says_when_not_disclosed() {
        assert!(record_line(false, 2017).contains("¥168.2 bn"));
        assert!(record_line(false, 2020).contains("11 days"));
        assert!(record_line(false, 2022).contains("not disclosed"));
        assert!(record_line(true, 2022).contains("未公布"));
    }
}
