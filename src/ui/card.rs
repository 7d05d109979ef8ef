//! The boxes the views share: a card centred over the (dimmed) screen, a
//! titled panel, and a one-line note in the player's language.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::Theme;

/// A card with a double gold border titled `═ {title} `, its lines inside
/// with `pad` blank columns each side, centred in the area it is drawn in.
/// It is as wide as its widest line or its title (by display width, CJK = 2
/// columns), and at least `min_width`.
pub struct Card<'a> {
    title: &'a str,
    lines: Vec<Line<'a>>,
    pad: u16,
    min_width: usize,
}

impl<'a> Card<'a> {
    /// A card of `lines` under `title`, one blank column each side.
    pub fn new(title: &'a str, lines: Vec<Line<'a>>) -> Card<'a> {
        Card {
            title,
            lines,
            pad: 1,
            min_width: 0,
        }
    }

    /// `pad` blank columns each side of the lines.
    pub fn pad(self, pad: u16) -> Card<'a> {
        Card { pad, ..self }
    }

    /// At least `min_width` columns for the lines.
    pub fn min_width(self, min_width: usize) -> Card<'a> {
        Card { min_width, ..self }
    }

    /// The card's outer width: the lines (or the title and its frame) plus
    /// the padding and the border.
    fn width(&self) -> u16 {
        let content = self
            .lines
            .iter()
            .map(Line::width)
            .chain([super::width(self.title) as usize + 4, self.min_width])
            .max()
            .unwrap_or(0);
        (content as u16)
            .saturating_add(2 * self.pad)
            .saturating_add(2)
    }

    /// Clears the card's rectangle in the middle of `area` and draws it.
    pub fn render(self, theme: &Theme, area: Rect, buf: &mut Buffer) {
        let rect = super::centered(area, self.width(), self.lines.len() as u16 + 2);
        Clear.render(rect, buf);
        let block = Block::bordered()
            .border_type(BorderType::Double)
            .border_style(theme.gold)
            .title(format!("═ {} ", self.title));
        let inner = block.inner(rect);
        block.render(rect, buf);
        Paragraph::new(self.lines).render(inner.inner(Margin::new(self.pad, 0)), buf);
    }
}

/// Draws a bordered panel titled `title` over `area`; returns the room
/// inside it.
pub fn panel<'a>(theme: &Theme, title: impl Into<Line<'a>>, area: Rect, buf: &mut Buffer) -> Rect {
    let block = Block::bordered().border_style(theme.border).title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// `left` and `right` at the two ends of a row `width` columns wide
/// (measured by display width, so CJK counts two).
pub fn spread(width: usize, left: &str, right: &str) -> String {
    let pad = width.saturating_sub(super::width(left) as usize + super::width(right) as usize);
    format!("{left}{}{right}", " ".repeat(pad))
}

/// A line in `style` that says `zh` in Chinese, else `en`.
pub fn note<'a>(zh: bool, zh_text: &'a str, en_text: &'a str, style: Style) -> Line<'a> {
    Line::styled(if zh { zh_text } else { en_text }, style)
}
