//! An `App` (or any view) without a terminal: synthetic key events in,
//! a `TestBackend` out.

use std::path::Path;
use std::time::Instant;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use double11::app::settings::Settings;
use double11::app::state::{App, Options};
use ratatui::backend::TestBackend;
use ratatui::{Frame, Terminal};

/// A key event of `kind`.
pub fn key_event(code: KeyCode, mods: KeyModifiers, kind: KeyEventKind) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers: mods,
        kind,
        state: KeyEventState::NONE,
    })
}

/// A key press.
pub fn key_press(code: KeyCode, mods: KeyModifiers) -> Event {
    key_event(code, mods, KeyEventKind::Press)
}

/// Ctrl-C pressed.
pub fn ctrl_c() -> Event {
    key_press(KeyCode::Char('c'), KeyModifiers::CONTROL)
}

/// A fresh app with default settings, in memory, at `w`×`h`.
pub fn app(w: u16, h: u16) -> App {
    App::new(Settings::default(), &Options::default(), (w, h))
}

/// Options that save in `dir`.
pub fn options(dir: &Path) -> Options {
    Options {
        save_dir: Some(dir.to_path_buf()),
        ..Options::default()
    }
}

/// The tutorial from the command line with seed 11, saving in `dir`
/// (`None`: in memory).
pub fn tutorial(dir: Option<&Path>, size: (u16, u16)) -> App {
    let o = Options {
        level: Some("tutorial".into()),
        seed: Some(11),
        ..dir.map(options).unwrap_or_default()
    };
    match dir {
        Some(_) => App::open(&o, size),
        None => App::new(Settings::default(), &o, size),
    }
}

/// Switches an app to the mono theme, as `NO_COLOR` would.
pub fn mono(a: &mut App) {
    a.force_mono = true;
    a.theme = double11::ui::Theme::mono();
}

/// A `w`×`h` test terminal with one frame drawn by `draw`.
pub fn drawn(w: u16, h: u16, draw: impl FnOnce(&mut Frame)) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    term.draw(draw).expect("draw");
    term
}

/// The app drawn at its own size.
pub fn terminal(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    drawn(w, h, |f| double11::ui::draw(f, app))
}

/// The app's screen as text, a line a row (a wide glyph counted once).
pub fn screen_text(app: &App) -> String {
    let (w, h) = app.size;
    let term = terminal(app);
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

/// `event` at `at`, then the app brought up to `at` (as the loop does).
pub fn event_at(app: &mut App, event: &Event, at: Instant) {
    app.handle(event, at);
    app.advance(at);
}

/// `code` pressed at `at`.
pub fn press_at(app: &mut App, code: KeyCode, at: Instant) {
    event_at(app, &key_press(code, KeyModifiers::NONE), at);
}

/// The key `c` pressed at `at`.
pub fn ch_at(app: &mut App, c: char, at: Instant) {
    press_at(app, KeyCode::Char(c), at);
}
