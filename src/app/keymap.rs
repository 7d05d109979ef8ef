//! Keys as data: `(KeyCode, KeyModifiers) → Action` tables per context, lane
//! presets, and the footer legend built from whatever is bound.
//!
//! Key kinds are filtered here, once: `Release` never maps to anything;
//! `Repeat` maps only to navigation (so held arrows scroll) and never to a
//! lane (so a held key cannot machine-gun catches).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What a key asks for. The app turns it into a state change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move up (menus, shop lists).
    Up,
    /// Move down.
    Down,
    /// Move left / previous page / previous value.
    Left,
    /// Move right / next page / next value.
    Right,
    /// Enter.
    Confirm,
    /// Esc: back, close, cancel.
    Back,
    /// Pick menu entry `n` (0-based) directly.
    Pick(u8),
    /// Catch in lane `n` (0..4).
    Lane(u8),
    /// Open or close the help overlay.
    Help,
    /// Pause or resume.
    Pause,
    /// `q`: quit (asks first mid-game).
    Quit,
    /// Ctrl-C: quit at once, from anywhere.
    ForceQuit,
    /// Toggle the language.
    ToggleLang,
    /// `T`: start the tutorial (How to play).
    Tutorial,
    /// `y`: yes (confirmations).
    Yes,
    /// `n`: no (confirmations).
    No,
    /// Tab: next tab / store.
    NextTab,
    /// Shift-Tab: previous tab.
    PrevTab,
    /// `a`: add to cart.
    AddToCart,
    /// `x`: remove from cart.
    RemoveFromCart,
    /// `c`: check out.
    Checkout,
    /// `v`: toggle the store card.
    ToggleCard,
    /// `/`: start searching.
    Search,
    /// `s`: skip (rain over → shop, opening show).
    Skip,
    /// `b`: buy the look on the runway (best plan in the checkout review,
    /// the wishlist's best plan at midnight).
    BuyNow,
    /// `n` at midnight: play the next festival.
    NextFestival,
    /// `[`: previous cart line.
    CartUp,
    /// `]`: next cart line.
    CartDown,
}

impl Action {
    /// Navigation actions accept key repeat.
    pub fn repeats(self) -> bool {
        matches!(
            self,
            Action::Up | Action::Down | Action::Left | Action::Right
        )
    }
}

/// Where the keys are being read: each context has its own table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Title, level select, settings, scores, how to play.
    Menu,
    /// The red-envelope rain: lanes.
    Rain,
    /// The 11.11 day: shop navigation.
    Shop,
    /// A confirmation or pause card.
    Dialog,
    /// Typing into the shop's search box (see [`search_input`]).
    Search,
}

/// Which keys catch in the four lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LanePreset {
    /// D F J K (home row), the default.
    #[default]
    Dfjk,
    /// ← ↓ ↑ →.
    Arrows,
    /// 1 2 3 4.
    Digits,
}

impl LanePreset {
    /// All presets, in settings order.
    pub const ALL: [LanePreset; 3] = [LanePreset::Dfjk, LanePreset::Arrows, LanePreset::Digits];

    /// The four lane keys of this preset.
    pub fn keys(self) -> [KeyCode; 4] {
        match self {
            LanePreset::Dfjk => [
                KeyCode::Char('d'),
                KeyCode::Char('f'),
                KeyCode::Char('j'),
                KeyCode::Char('k'),
            ],
            LanePreset::Arrows => [KeyCode::Left, KeyCode::Down, KeyCode::Up, KeyCode::Right],
            LanePreset::Digits => [
                KeyCode::Char('1'),
                KeyCode::Char('2'),
                KeyCode::Char('3'),
                KeyCode::Char('4'),
            ],
        }
    }

    /// The next preset (settings ←→ cycle).
    pub fn cycled(self, forward: bool) -> LanePreset {
        let i = LanePreset::ALL.iter().position(|p| *p == self).unwrap_or(0);
        let n = LanePreset::ALL.len();
        LanePreset::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }

    /// A stable name for the settings file.
    pub fn id(self) -> &'static str {
        match self {
            LanePreset::Dfjk => "dfjk",
            LanePreset::Arrows => "arrows",
            LanePreset::Digits => "digits",
        }
    }

    /// Parses [`LanePreset::id`].
    pub fn from_id(s: &str) -> Option<LanePreset> {
        LanePreset::ALL.into_iter().find(|p| p.id() == s)
    }
}

/// One binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The key (letters lower-case).
    pub code: KeyCode,
    /// Required modifiers (Shift is ignored for characters).
    pub mods: KeyModifiers,
    /// What it does.
    pub action: Action,
}

const fn b(code: KeyCode, action: Action) -> Binding {
    Binding {
        code,
        mods: KeyModifiers::NONE,
        action,
    }
}

const fn ch(c: char, action: Action) -> Binding {
    b(KeyCode::Char(c), action)
}

/// The active key tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    preset: LanePreset,
    global: Vec<Binding>,
    menu: Vec<Binding>,
    rain: Vec<Binding>,
    shop: Vec<Binding>,
    dialog: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::new(LanePreset::default())
    }
}

impl Keymap {
    /// The tables for a lane preset.
    pub fn new(preset: LanePreset) -> Keymap {
        use Action::*;
        let global = vec![
            Binding {
                code: KeyCode::Char('c'),
                mods: KeyModifiers::CONTROL,
                action: ForceQuit,
            },
            ch('?', Help),
        ];
        let nav = [
            b(KeyCode::Up, Up),
            b(KeyCode::Down, Down),
            b(KeyCode::Left, Left),
            b(KeyCode::Right, Right),
            b(KeyCode::Enter, Confirm),
            b(KeyCode::Esc, Back),
        ];
        let mut menu = nav.to_vec();
        menu.extend([
            ch('k', Up),
            ch('j', Down),
            ch('h', Left),
            ch('l', ToggleLang),
            ch(' ', Confirm),
            ch('q', Quit),
            ch('t', Tutorial),
        ]);
        for n in 0..9u8 {
            menu.push(ch(char::from(b'1' + n), Pick(n)));
        }

        // Lanes: the preset first (it leads the legend), then the always-on
        // arrows and digits.
        let mut rain = Vec::new();
        let mut add_lanes = |keys: [KeyCode; 4]| {
            for (i, code) in keys.into_iter().enumerate() {
                if !rain.iter().any(|x: &Binding| x.code == code) {
                    rain.push(b(code, Lane(i as u8)));
                }
            }
        };
        add_lanes(preset.keys());
        add_lanes(LanePreset::Arrows.keys());
        add_lanes(LanePreset::Digits.keys());
        rain.extend([
            ch('p', Pause),
            b(KeyCode::Esc, Pause),
            b(KeyCode::Enter, Confirm),
            ch('s', Skip),
            ch('q', Quit),
        ]);

        let mut shop = nav.to_vec();
        shop.extend([
            b(KeyCode::Tab, NextTab),
            b(KeyCode::BackTab, PrevTab),
            ch('a', AddToCart),
            ch('x', RemoveFromCart),
            ch('c', Checkout),
            ch('v', ToggleCard),
            ch('b', BuyNow),
            ch('n', NextFestival),
            ch('+', AddToCart),
            ch('-', RemoveFromCart),
            ch('[', CartUp),
            ch(']', CartDown),
            ch('/', Search),
            ch('s', Skip),
            ch('p', Pause),
            ch('q', Quit),
        ]);

        let dialog = vec![
            b(KeyCode::Up, Up),
            b(KeyCode::Down, Down),
            b(KeyCode::Enter, Confirm),
            b(KeyCode::Esc, Back),
            ch('p', Pause),
            ch('y', Yes),
            ch('n', No),
            ch('q', Quit),
            ch('s', Skip),
        ];
        Keymap {
            preset,
            global,
            menu,
            rain,
            shop,
            dialog,
        }
    }

    /// The lane preset in force.
    pub fn preset(&self) -> LanePreset {
        self.preset
    }

    fn table(&self, ctx: Context) -> &[Binding] {
        match ctx {
            Context::Menu => &self.menu,
            Context::Rain => &self.rain,
            Context::Shop => &self.shop,
            Context::Dialog => &self.dialog,
            Context::Search => &[],
        }
    }

    /// Maps a key event in `ctx` to an action, filtering key kinds.
    pub fn map(&self, ctx: Context, key: &KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let (code, mods) = normalize(key.code, key.modifiers);
        let found = self
            .global
            .iter()
            .chain(self.table(ctx))
            .find(|bd| bd.code == code && bd.mods == mods)?
            .action;
        if key.kind == KeyEventKind::Repeat && !found.repeats() {
            return None;
        }
        Some(found)
    }

    /// The keys bound to `action` in `ctx`, in table order.
    pub fn keys_for(&self, ctx: Context, action: Action) -> Vec<KeyCode> {
        self.table(ctx)
            .iter()
            .filter(|bd| bd.action == action && bd.mods == KeyModifiers::NONE)
            .map(|bd| bd.code)
            .collect()
    }

    /// The lane keys as the legend shows them: the preset's four, then the
    /// others that also work, e.g. (`"D F J K"`, `"← ↓ ↑ → and 1-4"`).
    pub fn lane_legend(&self) -> (String, Vec<String>) {
        let primary = self.preset.keys().map(key_name).join(" ");
        let others = LanePreset::ALL
            .into_iter()
            .filter(|p| *p != self.preset)
            .map(|p| match p {
                LanePreset::Digits => "1-4".to_string(),
                _ => p.keys().map(key_name).join(" "),
            })
            .collect();
        (primary, others)
    }
}

/// While typing a search: `Some((input, stop))` — a character or Backspace
/// edits, Enter stops typing, Esc clears and stops; `None` for other keys
/// (which then map as usual, so Ctrl-C still quits).
pub fn search_input(key: &KeyEvent) -> Option<(Option<crate::game::Input>, bool)> {
    use crate::game::Input;
    if key.kind == KeyEventKind::Release
        || key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    match key.code {
        KeyCode::Char(c) => Some((Some(Input::Search(c)), false)),
        KeyCode::Backspace => Some((Some(Input::SearchBackspace), false)),
        KeyCode::Enter => Some((None, true)),
        KeyCode::Esc => Some((Some(Input::SearchClear), true)),
        _ => None,
    }
}

/// Lower-cases letters and drops Shift from characters, so `D`, `d` and
/// Shift-`?` all match their binding.
fn normalize(code: KeyCode, mods: KeyModifiers) -> (KeyCode, KeyModifiers) {
    match code {
        KeyCode::Char(c) => (
            KeyCode::Char(c.to_ascii_lowercase()),
            mods.difference(KeyModifiers::SHIFT),
        ),
        _ => (code, mods),
    }
}

/// How a key is written in legends: `D`, `←`, `Enter`, `Esc`.
pub fn key_name(code: KeyCode) -> String {
    match code {
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_ascii_uppercase().to_string(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Backspace => "Bksp".into(),
        other => format!("{other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventState;

    fn key(code: KeyCode, kind: KeyEventKind) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn release_never_maps_and_repeat_only_navigates() {
        let km = Keymap::default();
        let d = KeyCode::Char('d');
        assert_eq!(
            km.map(Context::Rain, &key(d, KeyEventKind::Press)),
            Some(Action::Lane(0))
        );
        assert_eq!(km.map(Context::Rain, &key(d, KeyEventKind::Release)), None);
        assert_eq!(km.map(Context::Rain, &key(d, KeyEventKind::Repeat)), None);
        assert_eq!(
            km.map(Context::Menu, &key(KeyCode::Down, KeyEventKind::Repeat)),
            Some(Action::Down)
        );
    }

    #[test]
    fn arrows_and_digits_always_catch() {
        for preset in LanePreset::ALL {
            let km = Keymap::new(preset);
            for (i, code) in [KeyCode::Left, KeyCode::Char('4')].into_iter().enumerate() {
                let want = if i == 0 { 0 } else { 3 };
                assert_eq!(
                    km.map(Context::Rain, &key(code, KeyEventKind::Press)),
                    Some(Action::Lane(want))
                );
            }
        }
    }

    #[test]
    fn upper_case_and_ctrl_c() {
        let km = Keymap::default();
        let mut e = key(KeyCode::Char('D'), KeyEventKind::Press);
        e.modifiers = KeyModifiers::SHIFT;
        assert_eq!(km.map(Context::Rain, &e), Some(Action::Lane(0)));
        let mut c = key(KeyCode::Char('c'), KeyEventKind::Press);
        c.modifiers = KeyModifiers::CONTROL;
        for ctx in [Context::Menu, Context::Rain, Context::Shop, Context::Dialog] {
            assert_eq!(km.map(ctx, &c), Some(Action::ForceQuit));
        }
    }

    #[test]
    fn legend_follows_preset() {
        let (p, o) = Keymap::new(LanePreset::Dfjk).lane_legend();
        assert_eq!(p, "D F J K");
        assert_eq!(o, vec!["← ↓ ↑ →".to_string(), "1-4".to_string()]);
        let (p, _) = Keymap::new(LanePreset::Arrows).lane_legend();
        assert_eq!(p, "← ↓ ↑ →");
    }
}
