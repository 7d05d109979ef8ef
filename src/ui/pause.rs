//! The pause card and the quit confirmation, centred over the dimmed game.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::Theme;
use super::text::{Text, t};
use crate::app::state::App;

fn card(theme: &Theme, title: &str, body: Vec<Line>, area: Rect, buf: &mut Buffer) {
    let w = body
        .iter()
        .map(Line::width)
        .chain([super::width(title) as usize + 4])
        .max()
        .unwrap_or(0) as u16
        + 4;
    let rect = super::centered(area, w, body.len() as u16 + 2);
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.gold)
        .title(format!("═ {title} "));
    let inner = block.inner(rect);
    block.render(rect, buf);
    Paragraph::new(body).render(inner.inner(ratatui::layout::Margin::new(1, 0)), buf);
}

fn keyline<'a>(theme: &Theme, key: &'a str, label: &'a str) -> Line<'a> {
    Line::from(vec![
        Span::styled(key, theme.key),
        Span::raw(" "),
        Span::raw(label),
    ])
}

/// Draws the PAUSED card.
pub fn render_pause(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    let stopped = crate::ui::play_clock_label(app);
    let body = vec![
        Line::raw(match stopped {
            Some(c) => format!("{} {c}", t(lang, Text::PausedBody)),
            None => t(lang, Text::PausedBody).to_string(),
        }),
        Line::from(vec![
            Span::styled("P / Enter", theme.key),
            Span::raw(format!(" {}   ", t(lang, Text::Resume))),
            Span::styled("?", theme.key),
            Span::raw(format!(" {}", t(lang, Text::Help))),
        ]),
        keyline(theme, "q", t(lang, Text::QuitFestival)),
    ];
    card(theme, t(lang, Text::Paused), body, area, buf);
}

/// Draws the QUIT THIS FESTIVAL? card.
pub fn render_confirm(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    let body = vec![
        keyline(theme, "y", t(lang, Text::QuitYes)),
        keyline(theme, "n / Esc", t(lang, Text::QuitNo)),
    ];
    card(theme, t(lang, Text::QuitConfirmTitle), body, area, buf);
}
