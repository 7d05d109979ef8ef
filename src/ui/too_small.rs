//! Below 80×24: a centred request to enlarge the window, at any size.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::Theme;
use super::text::{Text, t};
use crate::app::state::{App, MIN_HEIGHT, MIN_WIDTH, Screen};

/// Draws the too-small message: a framed card where it fits, else three
/// short lines, else as much as fits. Never panics, even at 0×0.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    let (w, h) = (area.width, area.height);
    let long = vec![
        Line::from(""),
        Line::styled(
            format!("{} {MIN_WIDTH} × {MIN_HEIGHT}", t(lang, Text::Enlarge)),
            theme.gold,
        ),
        Line::styled(
            if app.screen == Screen::Playing {
                format!(
                    "{} {w} × {h} · {}",
                    t(lang, Text::Now),
                    t(lang, Text::GamePaused)
                )
            } else {
                format!("{} {w} × {h}", t(lang, Text::Now))
            },
            theme.text,
        ),
        Line::from(""),
    ];
    let long_w = long.iter().map(Line::width).max().unwrap_or(0) as u16 + 6;
    if w >= long_w && h >= 6 {
        let card = super::centered(area, long_w, 6);
        let block = Block::bordered().border_style(theme.border);
        let inner = block.inner(card);
        block.render(card, buf);
        Paragraph::new(long)
            .alignment(Alignment::Center)
            .render(inner, buf);
        return;
    }
    let short = vec![
        Line::styled(
            format!("{MIN_WIDTH}×{MIN_HEIGHT} {}", t(lang, Text::Needed)),
            theme.gold,
        ),
        Line::styled(format!("{} {w}×{h}", t(lang, Text::Now)), theme.text),
        Line::styled(format!("q {}", t(lang, Text::Quit)), theme.dim),
    ];
    let sh = (short.len() as u16).min(h);
    let rect = super::centered(area, w, sh);
    Paragraph::new(short)
        .alignment(Alignment::Center)
        .render(rect, buf);
}
