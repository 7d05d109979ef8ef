//! Level select: the shipped festivals, with details; broken levels say why.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Widget};

use super::Theme;
use super::text::{Text, t};
use crate::app::state::App;

/// Draws the level list and the selected level's details.
pub fn render(app: &App, theme: &Theme, hud: Rect, body: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    super::hud::menu(app, theme, t(lang, Text::LevelSelect), None, hud, buf);
    Block::bordered()
        .border_style(theme.border)
        .title(format!(" {} ", t(lang, Text::ChooseFestival)))
        .render(body, buf);
}
