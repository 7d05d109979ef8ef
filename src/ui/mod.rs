//! Views: they read state and draw; they never change it.
//!
//! Every screen has the hero HUD on row 1 and the key footer on the last row
//! ([`hud`], [`footer`]); below 80×24 only [`too_small`] is drawn.

pub mod card;
pub mod demo;
pub mod deposits;
pub mod digits;
pub mod footer;
pub mod help;
pub mod howto;
pub mod hud;
pub mod levels;
pub mod name_entry;
pub mod notices;
pub mod opening;
pub mod pause;
pub mod rain;
pub mod receipt;
pub mod results;
pub mod rule;
pub mod runway;
pub mod scores;
pub mod settings;
pub mod shop;
pub mod shop_data;
pub mod shop_side;
pub mod shop_top;
pub mod text;
pub mod theme;
pub mod title;
pub mod too_small;

pub use theme::Theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;

use crate::app::cart_figures::CartFigures;
use crate::app::state::{App, Overlay, Screen};
use crate::game::{Overlay as ShopOverlay, Phase};

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
        Screen::Playing => play(app, theme, hud_row, body, buf),
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
            Overlay::ConfirmNewGame => pause::render_new_game(app, theme, body, buf),
            Overlay::WishlistPlan => results::render_wishlist_plan(app, theme, body, buf),
        }
    }
    footer::render(app, theme, foot, buf);
    if !app.notices.is_empty() {
        notices::render(&app.notices, theme, area, buf);
    }
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
    let p = app.play.as_ref()?;
    Some(match p.phase() {
        Phase::Day | Phase::Opening => p.game.clock_time().to_string(),
        _ => {
            let s = p.game.rain().map_or(0, |r| r.seconds_left());
            format!("{}:{:02}", s / 60, s % 60)
        }
    })
}

/// A festival in play: the HUD and the phase's screen.
fn play(app: &App, theme: &Theme, hud_row: Rect, body: Rect, buf: &mut Buffer) {
    if let Some(p) = &app.play {
        play_game(app, theme, &p.game, &p.cart, hud_row, body, buf);
    }
}

/// A festival's HUD and its phase's screen, drawn from `game` (the app's
/// own festival, the demo's bot or a replay) and its cart's figures.
pub fn play_game(
    app: &App,
    theme: &Theme,
    game: &crate::game::GameState,
    cart: &CartFigures,
    hud_row: Rect,
    body: Rect,
    buf: &mut Buffer,
) {
    hud::play(app, theme, game, hud_row, buf);
    match game.phase() {
        Phase::RainIntro | Phase::Rain | Phase::RainOver => {
            rain::render(app, theme, game, body, buf)
        }
        Phase::Opening => opening::render(app, theme, game, body, buf),
        Phase::Day => match &game.day().overlay {
            ShopOverlay::None => shop::render(app, theme, game, cart, body, buf),
            ShopOverlay::Review { best, .. } => {
                shop::render(app, theme, game, cart, body, buf);
                receipt::render_review(app, theme, game, cart, *best, body, buf);
            }
            ShopOverlay::Refused(reasons) => {
                shop::render(app, theme, game, cart, body, buf);
                receipt::render_refused(app, theme, game, reasons, body, buf);
            }
        },
        Phase::Results => {
            results::render(app, theme, game, body, buf);
            if let Some(entry) = app.name_entry() {
                name_entry::render(app, theme, entry, body, buf);
            }
        }
    }
}
