//! Lines about the save (a corrupt file kept aside, the disk read-only,
//! saving working again), one line each, over the bottom rows of the screen
//! until a key is pressed. The last one sits on the footer row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthChar;

use super::Theme;

/// `s` cut to `width` columns, with `…` when cut.
pub fn fit(s: &str, width: usize) -> String {
    if super::width(s) as usize <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Draws `notices` bottom-up ending on the last row of `area`.
pub fn render(notices: &[String], theme: &Theme, area: Rect, buf: &mut Buffer) {
    let rows = area.height.saturating_sub(1).min(notices.len() as u16);
    let shown = &notices[notices.len() - usize::from(rows)..];
    let top = area.bottom() - rows;
    for (i, text) in shown.iter().enumerate() {
        let row = Rect::new(area.x, top + i as u16, area.width, 1);
        Clear.render(row, buf);
        let w = usize::from(area.width).saturating_sub(4);
        Line::from(vec![
            Span::styled(" ! ", theme.gold),
            Span::styled(fit(text, w), theme.text),
        ])
        .render(row, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("存档损坏了", 6), "存档…");
    }
}
