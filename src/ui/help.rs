//! The `?` overlay: the keys of the screen below, then the general keys.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::Theme;
use super::text::{Lang, Text, t};
use crate::app::state::App;

/// The card's lines for the app (also used by tests).
pub fn lines<'a>(app: &'a App, theme: &Theme) -> Vec<Line<'a>> {
    let lang = app.settings.lang;
    let mut out = Vec::new();
    let hints = super::footer::screen_hints(app);
    for chunk in hints.chunks(3) {
        let mut spans = Vec::new();
        for h in chunk {
            spans.push(Span::styled(h.keys.clone(), theme.key));
            spans.push(Span::raw(format!(" {}   ", h.label)));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::from(vec![
        Span::styled("L", theme.key),
        Span::raw(format!(" {}   ", super::footer::lang_label(lang))),
        Span::styled("Ctrl-C", theme.key),
        Span::raw(match lang {
            Lang::En => " quit at once",
            Lang::Zh => " 立即退出",
        }),
    ]));
    if app.screen == crate::app::state::Screen::Playing {
        out.push(Line::from(""));
        out.push(Line::styled(t(lang, Text::ClockPaused), theme.dim));
    }
    out
}

/// Draws the help card centred over `area`.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    let body = lines(app, theme);
    let w = 60.min(area.width);
    let h = (body.len() as u16 + 2).min(area.height);
    let card = super::centered(area, w, h);
    Clear.render(card, buf);
    let title = format!("═ {} ", t(lang, Text::HelpTitle));
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.gold)
        .title(title)
        .title_bottom(Line::from(format!(" {} ", t(lang, Text::HelpClose))).right_aligned());
    let inner = block.inner(card).inner(ratatui::layout::Margin::new(1, 0));
    block.render(card, buf);
    Paragraph::new(body)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}
