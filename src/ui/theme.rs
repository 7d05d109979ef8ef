//! Styles by meaning, never by raw colour at the call site. With NO_COLOR (or
//! `--no-color`) the monochrome theme keeps bold, reverse and dim, so every
//! cue still reads: views pair each colour with a glyph or a word.

use ratatui::style::{Color, Modifier, Style};

/// What a piece of text means; the theme turns it into a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Plain text.
    pub text: Style,
    /// Secondary text: refused, expired, sold out, hints.
    pub dim: Style,
    /// The hero HUD row and other reverse bars.
    pub hud: Style,
    /// Red envelopes, the logo.
    pub envelope: Style,
    /// Jackpots, flash sales, the last hour, big numbers.
    pub gold: Style,
    /// Savings and successes (✓).
    pub good: Style,
    /// Credit (花呗) and the chop-hands meter.
    pub credit: Style,
    /// Errors and refusals (✗).
    pub bad: Style,
    /// The selected row or menu entry.
    pub selected: Style,
    /// Key caps in the footer.
    pub key: Style,
    /// Borders.
    pub border: Style,
}

impl Theme {
    /// The colour theme (no background is painted: light terminals stay light).
    pub fn colour() -> Theme {
        Theme {
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            hud: Style::new().add_modifier(Modifier::REVERSED),
            envelope: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            gold: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            good: Style::new().fg(Color::Green),
            credit: Style::new().fg(Color::Magenta),
            bad: Style::new().fg(Color::Red),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
        }
    }

    /// The monochrome theme: only bold, reverse and dim.
    pub fn mono() -> Theme {
        let plain = Style::new();
        Theme {
            text: plain,
            dim: plain.add_modifier(Modifier::DIM),
            hud: plain.add_modifier(Modifier::REVERSED),
            envelope: plain.add_modifier(Modifier::BOLD),
            gold: plain.add_modifier(Modifier::BOLD),
            good: plain,
            credit: plain,
            bad: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            key: plain.add_modifier(Modifier::BOLD),
            border: plain,
        }
    }

    /// The theme for this environment: monochrome when `NO_COLOR` is set to
    /// anything non-empty (<https://no-color.org>), or when asked.
    pub fn from_env(force_mono: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if force_mono || no_color {
            Theme::mono()
        } else {
            Theme::colour()
        }
    }
}
