//! "See now, buy now" (2017): while a show runs, the runway replaces the
//! item list — gone looks dim, the one on stage with its price, limit, stock
//! and time left, the next one waiting.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::Theme;
use super::card::note;
use super::hud::yuan;
use crate::game::{GameState, TICKS_PER_SECOND};

/// Where a look stands on the runway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookState {
    /// Walked; no longer for sale.
    Gone,
    /// On stage: buy now.
    Now,
    /// Still to come.
    Next,
}

/// One look: (number from 1, item index, state).
pub fn looks(game: &GameState) -> Vec<(usize, usize, LookState)> {
    let Some(show) = &game.day().show else {
        return Vec::new();
    };
    let cur = show.current();
    show.looks
        .iter()
        .enumerate()
        .map(|(i, &item)| {
            let state = match cur {
                Some(c) if i < c => LookState::Gone,
                Some(c) if i == c => LookState::Now,
                Some(_) => LookState::Next,
                None => LookState::Gone,
            };
            (i + 1, item, state)
        })
        .collect()
}

/// The `●` position on a track of `w` cells: how far the show has run.
pub fn dot_at(elapsed: u64, total: u64, w: usize) -> usize {
    if total == 0 || w == 0 {
        return 0;
    }
    ((elapsed.min(total) as u128 * (w as u128 - 1)) / u128::from(total)) as usize
}

/// Draws the runway.
pub fn render(zh: bool, theme: &Theme, game: &GameState, area: Rect, buf: &mut Buffer) {
    let Some(show) = &game.day().show else {
        return;
    };
    let level = game.level();
    let at = level
        .events
        .get(show.event)
        .map_or(String::new(), |e| e.at.to_string());
    let b = Block::bordered()
        .border_style(theme.gold)
        .title(Span::styled(
            if zh {
                format!(" 秀场直播 · 边看边买 · {at} ")
            } else {
                format!(" ON THE RUNWAY · see now, buy now · {at} ")
            },
            theme.gold,
        ));
    let inner = b.inner(area);
    b.render(area, buf);
    let w = usize::from(inner.width.saturating_sub(4)).max(4);
    let total = show.look_ticks * show.looks.len() as u64;
    let dot = dot_at(show.elapsed, total, w.saturating_sub(2));
    let track: String = std::iter::once('◀')
        .chain((0..w.saturating_sub(2)).map(|i| if i == dot { '●' } else { '━' }))
        .chain(std::iter::once('▶'))
        .collect();
    let mut lines = vec![Line::styled(format!(" {track}"), theme.gold), Line::raw("")];
    for (n, item, state) in looks(game) {
        let Some(it) = level.items.get(item) else {
            continue;
        };
        let st = &game.day().stock[item];
        let label = match (state, zh) {
            (LookState::Gone, true) => "已走过",
            (LookState::Gone, false) => "gone  ",
            (LookState::Now, true) => "▶ 现在",
            (LookState::Now, false) => "▶ NOW ",
            (LookState::Next, true) => "下一个",
            (LookState::Next, false) => "next  ",
        };
        let look = if zh {
            format!("造型 {n}")
        } else {
            format!("Look {n}")
        };
        let bought = st.player_bought > 0;
        let price = format!("{} → {}", yuan(it.price), yuan(it.festival_price));
        match state {
            LookState::Gone => lines.push(Line::styled(
                format!(
                    " {label} {look}  {}  {}",
                    it.name,
                    match (bought, zh) {
                        (true, true) => "✓ 已买".to_string(),
                        (true, false) => "✓ bought".to_string(),
                        (false, true) =>
                            format!("秀后店内 {}", yuan(game.day().price_of(level, item))),
                        (false, false) => format!(
                            "now in its store {}",
                            yuan(game.day().price_of(level, item))
                        ),
                    }
                ),
                theme.dim,
            )),
            LookState::Now => {
                let secs = show.look_left().div_ceil(TICKS_PER_SECOND);
                let limit = it.limit.map_or(String::new(), |l| {
                    if zh {
                        format!("  限购 {l}")
                    } else {
                        format!("  limit {l}")
                    }
                });
                lines.push(Line::from(vec![
                    Span::styled(format!(" {label} {look}  {}  ", it.name), theme.selected),
                    Span::styled(price, theme.gold),
                    Span::raw(limit),
                    Span::styled(if zh { "  B 立即购买" } else { "  B buy" }, theme.key),
                ]));
                let pct = (st.left * 100).checked_div(st.start).unwrap_or(0);
                let gauge_w = 16usize;
                let filled = (show.look_left() as usize * gauge_w)
                    .div_ceil(show.look_ticks.max(1) as usize)
                    .min(gauge_w);
                let stock = if st.left == 0 {
                    "✗ SOLD OUT".to_string()
                } else {
                    super::shop_side::stock_bar(pct, 5)
                };
                lines.push(Line::styled(
                    format!(
                        "          {} {}{} {secs}s {} · {} {stock}{}",
                        if zh { "台上" } else { "on stage" },
                        "█".repeat(filled),
                        "░".repeat(gauge_w - filled),
                        if zh { "剩余" } else { "left" },
                        if zh { "库存" } else { "stock" },
                        if bought { " · ✓" } else { "" }
                    ),
                    theme.text,
                ));
            }
            LookState::Next => lines.push(Line::styled(
                format!(" {label} {look}  {}  {price}", it.name),
                theme.text,
            )),
        }
    }
    lines.push(Line::raw(""));
    lines.push(note(
        zh,
        "秀场期间时钟暂停 · B 立即购买 · A 加入购物车 · 秀后在店内有售",
        "The clock waits · B buy now · A add to cart · later in its store",
        theme.dim,
    ));
    Paragraph::new(lines).render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dot_walks_the_track() {
        assert_eq!(dot_at(0, 100, 11), 0);
        assert_eq!(dot_at(50, 100, 11), 5);
        assert_eq!(dot_at(100, 100, 11), 10);
        assert_eq!(dot_at(500, 100, 11), 10);
        assert_eq!(dot_at(5, 0, 11), 0);
    }
}
