//! High scores (an empty table until scores are saved).

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use super::Theme;
use super::text::{Lang, Text, t};
use crate::app::state::App;

/// Draws the high-score table.
pub fn render(app: &App, theme: &Theme, hud: Rect, body: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    let title = t(lang, Text::HighScores).to_uppercase();
    super::hud::menu(app, theme, &title, None, hud, buf);
    let block = Block::bordered()
        .border_style(theme.border)
        .title(match lang {
            Lang::En => " HIGH SCORES · all festivals ",
            Lang::Zh => " 排行榜 · 全部 ",
        });
    let inner = block.inner(body);
    block.render(body, buf);
    let header = match lang {
        Lang::En => "  #   NAME   SCORE    FESTIVAL  RANK  PAID        SAVED      REPLAY",
        Lang::Zh => "  #   名字   得分     届        评级  实付        节省       回放",
    };
    let mut lines = vec![Line::styled(header, theme.key), Line::raw("")];
    let pad = inner.height.saturating_sub(6) / 2;
    lines.extend((0..pad).map(|_| Line::raw("")));
    lines.push(Line::styled(t(lang, Text::NoScores), theme.text).alignment(Alignment::Center));
    lines.push(Line::styled(t(lang, Text::NoScoresHint), theme.dim).alignment(Alignment::Center));
    Paragraph::new(lines).render(inner, buf);
}
