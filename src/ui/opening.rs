//! 00:00: the big screen opens the day. The last seconds tick, then the
//! crowd's first-minute orders roll up in big gold digits (easing out);
//! any key goes to the shop.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::Theme;
use super::card::note;
use super::digits;
use super::text::Lang;
use crate::app::state::App;
use crate::game::GameState;
use crate::money::Fen;

/// What the big screen rolls up to: the crowd's orders in the day's first
/// clock minute (the real counters ran up from 00:00:00).
pub fn target(game: &GameState) -> Fen {
    let clock = game.clock();
    crate::game::crowd::gmv_at(&game.level().gmv, clock.ticks_for(1), clock.day_ticks)
}

/// The amount shown `done` ticks into an opening `len` ticks long, easing
/// out (fast, then slowing); the whole amount at once under reduce motion.
pub fn rolled(target: Fen, done: u64, len: u64, reduce_motion: bool) -> Fen {
    if reduce_motion || len == 0 || done >= len {
        return target;
    }
    // 1 − (1 − x)³ in integers: x = done/len.
    let len = i128::from(len);
    let rest = len - i128::from(done);
    let eased_num = len * len * len - rest * rest * rest;
    Fen((i128::from(target.get()) * eased_num / (len * len * len)) as i64)
}

/// The countdown line: the last three seconds, then 00:00:00.
pub fn countdown(done: u64, len: u64) -> &'static str {
    let third = (len / 3).max(1);
    match done / third {
        0 => "23:59:58",
        1 => "23:59:58 → 23:59:59",
        _ => "23:59:58 → 23:59:59 → 00:00:00",
    }
}

/// Draws the opening big screen.
pub fn render(app: &App, theme: &Theme, game: &GameState, body: Rect, buf: &mut Buffer) {
    let zh = app.settings.lang == Lang::Zh;
    let year = game.level().year;
    let title = if zh {
        format!("═ {year} · 双十一开始了 ")
    } else {
        format!("═ {year} · 11.11 HAS BEGUN ")
    };
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.gold)
        .title(title);
    let inner = block.inner(body);
    block.render(body, buf);
    let len = game.opening_length();
    let done = game.opening_ticks();
    let shown = digits::big_yuan(rolled(target(game), done, len, app.settings.reduce_motion));
    let w = usize::from(inner.width.saturating_sub(2));
    let deposits = super::deposits::deposit_lines(zh, game);
    let rows = usize::from(inner.height).saturating_sub(6 + deposits.len());
    let big: Vec<Line> = match digits::fitting(&shown, w, rows) {
        Some(font) => digits::big(&shown, font)
            .into_iter()
            .map(|r| Line::styled(r, theme.gold).centered())
            .collect(),
        None => vec![Line::styled(shown, theme.gold).centered()],
    };
    let body_h = (big.len() + 6 + deposits.len()) as u16;
    let pad = inner.height.saturating_sub(body_h) / 2;
    let mut lines: Vec<Line> = (0..pad).map(|_| Line::raw("")).collect();
    lines.push(Line::raw(countdown(done, len)).centered());
    lines.push(Line::raw(""));
    lines.extend(big);
    lines.push(Line::raw(""));
    lines.push(
        note(
            zh,
            "全场实时订单 · 你的红包有效至 23:59:59",
            "the crowd's orders, live · your envelopes are valid until 23:59:59",
            theme.dim,
        )
        .centered(),
    );
    lines.push(Line::styled(super::shop_top::record_line(zh, year), theme.text).centered());
    for d in deposits {
        lines.push(Line::styled(d, theme.gold).centered());
    }
    Paragraph::new(lines).render(inner, buf);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_roll_up_eases_out_to_the_target() {
        let t = Fen(1_000_000);
        assert_eq!(rolled(t, 0, 180, false), Fen(0));
        assert_eq!(rolled(t, 180, 180, false), t);
        assert_eq!(rolled(t, 10, 180, true), t);
        let half = rolled(t, 90, 180, false);
        assert_eq!(half, Fen(875_000), "1 − 0.5³");
        let mut last = Fen(0);
        for d in 0..=180 {
            let v = rolled(t, d, 180, false);
            assert!(v >= last);
            last = v;
        }
    }

    #[test]
    fn the_countdown_ticks_to_midnight() {
        assert_eq!(countdown(0, 180), "23:59:58");
        assert!(countdown(179, 180).ends_with("00:00:00"));
    }
}
