//! Views: they read state and draw; they never change it.
//!
//! Every screen has the hero HUD on row 1 and the key footer on the last row
//! ([`hud`], [`footer`]); below 80×24 only [`too_small`] is drawn.

pub mod footer;
pub mod help;
pub mod howto;
pub mod hud;
pub mod levels;
pub mod pause;
pub mod scores;
pub mod settings;
pub mod text;
pub mod theme;
pub mod title;
pub mod too_small;

pub use theme::Theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;

use crate::app::state::{App, Overlay, Screen};

/// Draws the whole app into a frame (the loop's one `draw` per iteration).
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    render(app, area, frame.buffer_mut());
}

/// Draws the whole app into `buf` within `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let theme = &app.theme;
    if app.too_small() {
        too_small::render(app, theme, area, buf);
        return;
    }
    let [hud_row, body, foot] = chrome(area);
    match app.screen {
        Screen::Title => title::render(app, theme, hud_row, body, buf),
        Screen::HowTo { page } => howto::render(app, theme, page, hud_row, body, buf),
        Screen::Levels => levels::render(app, theme, hud_row, body, buf),
        Screen::Scores => scores::render(app, theme, hud_row, body, buf),
        Screen::Settings => settings::render(app, theme, hud_row, body, buf),
        Screen::Playing => {}
    }
    if let Some(top) = app.top_overlay() {
        // The screen below is dimmed; the card is drawn over it.
        buf.set_style(
            body,
            ratatui::style::Style::new().add_modifier(Modifier::DIM),
        );
        match top {
            Overlay::Help => help::render(app, theme, body, buf),
            Overlay::Pause => pause::render_pause(app, theme, body, buf),
            Overlay::ConfirmQuit => pause::render_confirm(app, theme, body, buf),
        }
    }
    footer::render(app, theme, foot, buf);
}

/// Splits the screen into the HUD row, the body and the footer row.
pub fn chrome(area: Rect) -> [Rect; 3] {
    area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ]))
}

/// A `w`×`h` rectangle centred in `area`, clipped to it.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The display width of a string (CJK = 2 columns).
pub fn width(s: &str) -> u16 {
    u16::try_from(unicode_width::UnicodeWidthStr::width(s)).unwrap_or(u16::MAX)
}

/// The in-game clock as the pause card shows it (`21:38`), if playing.
pub fn play_clock_label(app: &App) -> Option<String> {
    let _ = app;
    None
}
