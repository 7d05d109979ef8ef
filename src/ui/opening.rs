//! 00:00: the big screen opens the day (any key goes to the shop).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::Theme;
use super::hud::yuan;
use super::text::Lang;
use crate::app::state::App;
use crate::game::GameState;

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
    let len = game.opening_length().max(1);
    let done = game.opening_ticks().min(len);
    // The GMV rolls up, easing out (plain text under reduce motion).
    let gmv = game.gmv();
    let shown = if app.settings.reduce_motion {
        gmv
    } else {
        let x = done as f64 / len as f64;
        let eased = 1.0 - (1.0 - x).powi(3);
        crate::money::Fen((gmv.get() as f64 * eased) as i64)
    };
    let pad = inner.height.saturating_sub(7) / 2;
    let mut lines: Vec<Line> = (0..pad).map(|_| Line::raw("")).collect();
    lines.push(Line::raw("23:59:58 → 23:59:59 → 00:00:00").centered());
    lines.push(Line::raw(""));
    lines.push(Line::styled(if zh { "成交额 GMV" } else { "GMV LIVE" }, theme.key).centered());
    lines.push(Line::styled(yuan(shown), theme.gold).centered());
    lines.push(Line::raw(""));
    lines.push(
        Line::styled(
            if zh {
                "全场实时订单 · 你的红包有效至 23:59:59"
            } else {
                "the crowd's orders, live · your envelopes are valid until 23:59:59"
            },
            theme.dim,
        )
        .centered(),
    );
    Paragraph::new(lines).render(inner, buf);
}
