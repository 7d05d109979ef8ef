//! Row 1, the hero HUD: reverse video, the same slots in every phase.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Theme;
use super::text::{Text, t};
use crate::app::state::App;

/// Draws a HUD row: `left` segments joined by ` │ `, `right` flush right.
/// When the row is too narrow the right side goes first, then the tail of
/// the left side is clipped.
pub fn bar(theme: &Theme, left: &[String], right: &[String], area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.hud);
    let join = |parts: &[String]| parts.join(" │ ");
    let l = format!(" {}", join(left));
    let r = if right.is_empty() {
        String::new()
    } else {
        format!("{} ", join(right))
    };
    let lw = super::width(&l);
    let rw = super::width(&r);
    Line::from(Span::raw(l)).style(theme.hud).render(area, buf);
    if lw + rw < area.width {
        let x = area.x + area.width - rw;
        Line::from(Span::raw(r))
            .style(theme.hud)
            .render(Rect::new(x, area.y, rw, 1), buf);
    }
}

/// The menu HUD: `double11 │ <title>` on the left, language and best score
/// on the right.
pub fn menu(
    app: &App,
    theme: &Theme,
    title: &str,
    extra: Option<&str>,
    area: Rect,
    buf: &mut Buffer,
) {
    let lang = app.settings.lang;
    let mut right = Vec::new();
    if let Some(e) = extra {
        right.push(e.to_string());
    }
    right.push(lang.code().to_string());
    right.push(t(lang, Text::BestNone).to_string());
    bar(
        theme,
        &["double11".to_string(), title.to_string()],
        &right,
        area,
        buf,
    );
}
