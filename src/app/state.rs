//! The app state machine: screens, overlays, settings. Pure — no terminal,
//! no clock reads: every event comes with the `Instant` it happened at, so
//! tests drive it with synthetic keys and made-up times.

use std::time::Instant;

use crossterm::event::{Event, KeyEvent, MouseButton, MouseEventKind};

use super::keymap::{Action, Context, Keymap};
use super::play::Play;
use super::settings::Settings;
use crate::game::{GameState, Input, Overlay as ShopOverlay, Phase};
use crate::level::Level;
use crate::ui::Theme;
use crate::ui::text::Lang;

/// One entry of level select: a shipped level, loaded or with its error.
#[derive(Debug, Clone)]
pub struct LevelEntry {
    /// The file name (`2017.toml`).
    pub file: String,
    /// The level, or why it cannot load (it then cannot start).
    pub level: Result<Level, String>,
}

/// Loads every shipped level for the menu.
pub fn shipped_levels() -> Vec<LevelEntry> {
    crate::level::shipped()
        .into_iter()
        .map(|(file, text)| LevelEntry {
            file: file.to_string(),
            level: Level::from_toml_str(text, file).map_err(|e| e.to_string()),
        })
        .collect()
}

/// The smallest terminal the game draws in.
pub const MIN_WIDTH: u16 = 80;
/// The smallest terminal height.
pub const MIN_HEIGHT: u16 = 24;

/// The title menu, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    /// Level select.
    Play,
    /// The two-page guide.
    HowToPlay,
    /// The high-score table.
    HighScores,
    /// Settings.
    Settings,
    /// Leave the game.
    Quit,
}

impl MenuItem {
    /// All entries, top to bottom.
    pub const ALL: [MenuItem; 5] = [
        MenuItem::Play,
        MenuItem::HowToPlay,
        MenuItem::HighScores,
        MenuItem::Settings,
        MenuItem::Quit,
    ];
}

/// The rows of the settings screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingRow {
    /// EN / 中文.
    Language,
    /// DFJK / arrows / 1-4.
    LaneKeys,
    /// Colour on/off.
    Colour,
    /// Reduce motion on/off.
    ReduceMotion,
}

impl SettingRow {
    /// All rows, top to bottom.
    pub const ALL: [SettingRow; 4] = [
        SettingRow::Language,
        SettingRow::LaneKeys,
        SettingRow::Colour,
        SettingRow::ReduceMotion,
    ];
}

/// The full-screen page being shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Title and menu.
    Title,
    /// How to play, page 0 or 1.
    HowTo {
        /// 0-based page.
        page: u8,
    },
    /// Level select.
    Levels,
    /// High scores.
    Scores,
    /// Settings.
    Settings,
    /// A festival in progress.
    Playing,
}

/// A card drawn over the screen; the top one gets the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// `?`: the keys of the screen below (and the level's rules).
    Help,
    /// `p` / Esc in play.
    Pause,
    /// `q` mid-game.
    ConfirmQuit,
}

/// How the app was started.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A level name to start at once.
    pub level: Option<String>,
    /// The RNG seed.
    pub seed: Option<u64>,
    /// Force a language (`--lang`), over the saved setting.
    pub lang: Option<Lang>,
    /// Force monochrome (NO_COLOR or `--no-color`).
    pub mono: bool,
}

/// Everything the views need, and nothing about the terminal.
#[derive(Debug)]
pub struct App {
    /// The page.
    pub screen: Screen,
    /// Cards over the page, bottom to top.
    pub overlays: Vec<Overlay>,
    /// Player settings.
    pub settings: Settings,
    /// Keys in force.
    pub keymap: Keymap,
    /// Styles in force.
    pub theme: Theme,
    /// NO_COLOR / `--no-color`: colour stays off whatever the setting.
    pub force_mono: bool,
    /// Title menu cursor.
    pub title_sel: usize,
    /// Settings cursor.
    pub settings_sel: usize,
    /// Which 11.11 fact the title shows.
    pub fact: usize,
    /// The terminal size, as last reported.
    pub size: (u16, u16),
    /// Set when the app should end.
    pub quit: bool,
    /// Set when something visible changed since the last draw.
    pub dirty: bool,
    /// Set when settings changed and should be saved.
    pub settings_changed: bool,
    /// The levels on offer.
    pub levels: Vec<LevelEntry>,
    /// Level select cursor.
    pub levels_sel: usize,
    /// The festival in progress.
    pub play: Option<Play>,
    /// Frames drawn so far (counted by [`App::take_frame`]).
    pub frames: u64,
    seed: Option<u64>,
}

impl App {
    /// A new app at the title screen.
    pub fn new(settings: Settings, options: &Options, size: (u16, u16)) -> App {
        let mut settings = settings;
        if let Some(lang) = options.lang {
            settings.lang = lang;
        }
        let mut app = App {
            screen: Screen::Title,
            overlays: Vec::new(),
            keymap: Keymap::new(settings.preset),
            theme: Theme::colour(),
            force_mono: options.mono,
            settings,
            title_sel: 0,
            settings_sel: 0,
            fact: 1,
            size,
            quit: false,
            dirty: true,
            settings_changed: false,
            levels: shipped_levels(),
            levels_sel: 0,
            play: None,
            frames: 0,
            seed: options.seed,
        };
        app.apply_settings();
        if let Some(name) = &options.level {
            let found = match super::resolve::resolve(&app.levels, name) {
                Ok(None) => super::resolve::shipped_index(&app.levels, name),
                Ok(Some(entry)) => {
                    app.levels.push(entry);
                    Some(app.levels.len() - 1)
                }
                Err(_) => None,
            };
            if let Some(i) = found {
                app.levels_sel = i;
                app.screen = Screen::Levels;
                app.start_selected_level();
            }
        }
        app
    }

    /// Starts the selected level if it loaded; the clock starts on the next
    /// [`App::advance`].
    fn start_selected_level(&mut self) {
        let Some(entry) = self.levels.get(self.levels_sel) else {
            return;
        };
        let Ok(level) = &entry.level else {
            return;
        };
        let seed = self.seed.unwrap_or_else(default_seed);
        self.play = Some(Play::new(GameState::new(level, seed), entry.file.clone()));
        self.overlays.clear();
        self.screen = Screen::Playing;
        self.dirty = true;
    }

    /// The tutorial (the first shipped level whose file starts with
    /// `tutorial`, else the first level).
    fn start_tutorial(&mut self) {
        self.levels_sel = self
            .levels
            .iter()
            .position(|e| e.file.starts_with("tutorial"))
            .unwrap_or(0);
        self.start_selected_level();
    }

    fn leave_play(&mut self) {
        self.play = None;
        self.overlays.clear();
        self.back_to_title();
    }

    /// Whether the game clock should run now.
    fn clock_should_run(&self) -> bool {
        self.screen == Screen::Playing && self.overlays.is_empty() && !self.too_small()
    }

    /// Starts or stops the game clock to match the screen (re-anchoring on
    /// resume, so paused time never reaches the game).
    fn sync_clock(&mut self, now: Instant) {
        let run = self.clock_should_run();
        if let Some(play) = &mut self.play {
            match (run, play.clock.running()) {
                (true, false) => play.clock.start(now, play.game.tick()),
                (false, true) => {
                    play.advance_to(now);
                    play.clock.stop();
                }
                _ => {}
            }
        }
    }

    /// The seed given on the command line, if any.
    pub fn seed(&self) -> Option<u64> {
        self.seed
    }

    /// Whether the terminal is below 80×24.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// The overlay on top, if any.
    pub fn top_overlay(&self) -> Option<Overlay> {
        self.overlays.last().copied()
    }

    fn apply_settings(&mut self) {
        self.keymap = Keymap::new(self.settings.preset);
        self.theme = if self.settings.colour && !self.force_mono {
            Theme::colour()
        } else {
            Theme::mono()
        };
    }

    /// Which key table is active now.
    pub fn context(&self) -> Context {
        match self.top_overlay() {
            Some(_) => Context::Dialog,
            None => self.screen_context(),
        }
    }

    /// The key table of the screen itself (under any overlay).
    pub fn screen_context(&self) -> Context {
        match (&self.screen, &self.play) {
            (Screen::Playing, Some(p)) if p.searching => Context::Search,
            (Screen::Playing, Some(p)) if p.phase() == Phase::Rain => Context::Rain,
            (Screen::Playing, _) => Context::Shop,
            _ => Context::Menu,
        }
    }

    /// Handles one terminal event that happened at `at`.
    pub fn handle(&mut self, event: &Event, at: Instant) {
        match event {
            Event::Key(key) => self.on_key(key, at),
            Event::Resize(w, h) => {
                self.size = (*w, *h);
                self.dirty = true;
            }
            Event::Mouse(m) => {
                if let MouseEventKind::Down(MouseButton::Left) = m.kind {
                    self.on_click(m.column, m.row, at);
                }
            }
            Event::FocusLost => {
                if self.screen == Screen::Playing && self.overlays.is_empty() {
                    self.overlays.push(Overlay::Pause);
                    self.dirty = true;
                }
            }
            Event::FocusGained | Event::Paste(_) => {}
        }
        self.sync_clock(at);
    }

    /// SIGTERM / SIGHUP: end now.
    pub fn terminate(&mut self) {
        self.quit = true;
    }

    fn on_key(&mut self, key: &KeyEvent, at: Instant) {
        if self.context() == Context::Search {
            if let Some(input) = super::keymap::search_input(key) {
                self.dirty = true;
                self.on_search(input, at);
                return;
            }
        }
        let Some(action) = self.keymap.map(self.context(), key) else {
            return;
        };
        self.dirty = true;
        match action {
            Action::ForceQuit => {
                self.quit = true;
                return;
            }
            Action::Help => {
                if self.top_overlay() == Some(Overlay::Help) {
                    self.overlays.pop();
                } else {
                    self.overlays.push(Overlay::Help);
                }
                return;
            }
            _ => {}
        }
        if let Some(overlay) = self.top_overlay() {
            self.on_overlay(overlay, action);
            return;
        }
        match self.screen {
            Screen::Title => self.on_title(action),
            Screen::HowTo { page } => self.on_howto(page, action),
            Screen::Levels => self.on_levels(action),
            Screen::Scores => self.on_back_only(action),
            Screen::Settings => self.on_settings(action),
            Screen::Playing => self.on_play(action, at),
        }
    }

    fn on_overlay(&mut self, overlay: Overlay, action: Action) {
        match (overlay, action) {
            (Overlay::Help, Action::Back | Action::Confirm) => {
                self.overlays.pop();
            }
            (Overlay::Help | Overlay::Pause, Action::Quit) => self.on_quit_key(),
            (Overlay::Pause, Action::Pause | Action::Confirm | Action::Back) => {
                self.overlays.pop();
            }
            (Overlay::ConfirmQuit, Action::Yes | Action::Quit) => self.leave_play(),
            (Overlay::ConfirmQuit, Action::No | Action::Back) => {
                self.overlays.pop();
            }
            _ => {}
        }
    }

    /// `q`: quits at once in menus; mid-game it asks first.
    fn on_quit_key(&mut self) {
        match &self.play {
            Some(p) if self.screen == Screen::Playing && !p.game.is_over() => {
                self.overlays.retain(|o| *o != Overlay::Help);
                self.overlays.push(Overlay::ConfirmQuit);
            }
            Some(_) => self.leave_play(),
            None => self.quit = true,
        }
    }

    fn on_search(&mut self, (input, stop): (Option<Input>, bool), at: Instant) {
        let Some(play) = &mut self.play else { return };
        if let Some(i) = input {
            play.input(i, at);
        }
        if stop {
            play.searching = false;
        }
    }

    fn on_play(&mut self, action: Action, at: Instant) {
        let Some(play) = &mut self.play else {
            self.back_to_title();
            return;
        };
        let phase = play.phase();
        let in_review = !matches!(play.game.day().overlay, ShopOverlay::None);
        let input = match action {
            Action::Quit => return self.on_quit_key(),
            Action::Pause => {
                if phase == Phase::Results {
                    return self.leave_play();
                }
                self.overlays.push(Overlay::Pause);
                return;
            }
            Action::Back if phase == Phase::Results => return self.leave_play(),
            Action::Confirm if phase == Phase::Results => return self.leave_play(),
            Action::Back if phase == Phase::Day && !in_review => {
                self.overlays.push(Overlay::Pause);
                return;
            }
            Action::Search if phase == Phase::Day => {
                play.searching = true;
                return;
            }
            Action::BuyNow if in_review => Input::ToggleCard,
            other => match to_input(other) {
                Some(i) => i,
                None => return,
            },
        };
        play.input(input, at);
    }

    fn go(&mut self, screen: Screen) {
        self.screen = screen;
    }

    fn back_to_title(&mut self) {
        self.fact = self.fact.wrapping_add(1);
        self.go(Screen::Title);
    }

    fn on_title(&mut self, action: Action) {
        let n = MenuItem::ALL.len();
        match action {
            Action::Up => self.title_sel = (self.title_sel + n - 1) % n,
            Action::Down => self.title_sel = (self.title_sel + 1) % n,
            Action::Pick(i) if usize::from(i) < n => {
                self.title_sel = usize::from(i);
                self.select_title();
            }
            Action::Confirm => self.select_title(),
            Action::ToggleLang => self.toggle_lang(),
            Action::Quit | Action::Back => self.quit = true,
            _ => {}
        }
    }

    fn select_title(&mut self) {
        match MenuItem::ALL[self.title_sel.min(MenuItem::ALL.len() - 1)] {
            MenuItem::Play => self.go(Screen::Levels),
            MenuItem::HowToPlay => self.go(Screen::HowTo { page: 0 }),
            MenuItem::HighScores => self.go(Screen::Scores),
            MenuItem::Settings => self.go(Screen::Settings),
            MenuItem::Quit => self.quit = true,
        }
    }

    fn toggle_lang(&mut self) {
        self.settings.lang = self.settings.lang.toggled();
        self.settings_changed = true;
    }

    fn on_howto(&mut self, page: u8, action: Action) {
        match action {
            Action::Left | Action::Up => self.go(Screen::HowTo { page: 0 }),
            Action::Right | Action::Down | Action::Confirm if page == 0 => {
                self.go(Screen::HowTo { page: 1 })
            }
            Action::Back | Action::Confirm => self.back_to_title(),
            Action::Quit => self.quit = true,
            Action::ToggleLang => self.toggle_lang(),
            Action::Tutorial => self.start_tutorial(),
            _ => {}
        }
    }

    fn on_levels(&mut self, action: Action) {
        let n = self.levels.len().max(1);
        match action {
            Action::Up => self.levels_sel = (self.levels_sel + n - 1) % n,
            Action::Down => self.levels_sel = (self.levels_sel + 1) % n,
            Action::Pick(i) if usize::from(i) < self.levels.len() => {
                self.levels_sel = usize::from(i)
            }
            Action::Confirm => self.start_selected_level(),
            Action::Tutorial => self.start_tutorial(),
            _ => self.on_back_only(action),
        }
    }

    fn on_back_only(&mut self, action: Action) {
        match action {
            Action::Back => self.back_to_title(),
            Action::Quit => self.quit = true,
            Action::ToggleLang => self.toggle_lang(),
            _ => {}
        }
    }

    fn on_settings(&mut self, action: Action) {
        let n = SettingRow::ALL.len();
        match action {
            Action::Up => self.settings_sel = (self.settings_sel + n - 1) % n,
            Action::Down => self.settings_sel = (self.settings_sel + 1) % n,
            Action::Left | Action::Right | Action::Confirm => {
                let forward = action != Action::Left;
                self.change_setting(SettingRow::ALL[self.settings_sel.min(n - 1)], forward);
            }
            Action::ToggleLang => self.toggle_lang(),
            Action::Back => self.back_to_title(),
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    fn change_setting(&mut self, row: SettingRow, forward: bool) {
        match row {
            SettingRow::Language => self.settings.lang = self.settings.lang.toggled(),
            SettingRow::LaneKeys => self.settings.preset = self.settings.preset.cycled(forward),
            SettingRow::Colour => self.settings.colour = !self.settings.colour,
            SettingRow::ReduceMotion => self.settings.reduce_motion = !self.settings.reduce_motion,
        }
        self.settings_changed = true;
        self.apply_settings();
    }

    fn on_click(&mut self, column: u16, row: u16, at: Instant) {
        if self.top_overlay().is_some() || self.too_small() {
            return;
        }
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        match self.screen {
            Screen::Title => {
                if let Some(i) = crate::ui::title::menu_hit(area, column, row) {
                    self.title_sel = i;
                    self.dirty = true;
                    self.select_title();
                }
            }
            Screen::Playing => {
                let Some(play) = &mut self.play else { return };
                // The game catches up to the click's time before it is judged.
                play.advance_to(at);
                let inputs = super::mouse::click_inputs(&play.game, area, column, row);
                for input in &inputs {
                    play.input(input.clone(), at);
                }
                self.dirty |= !inputs.is_empty();
            }
            _ => {}
        }
    }

    /// Whether a frame is due (something changed since the last one); counts
    /// it. The loop draws exactly when this says so.
    pub fn take_frame(&mut self) -> bool {
        let due = std::mem::take(&mut self.dirty);
        self.frames += u64::from(due);
        due
    }

    /// When the loop must wake even without input; `None` = sleep until a key.
    pub fn deadline(&self) -> Option<Instant> {
        self.play.as_ref().and_then(Play::deadline)
    }

    /// Brings timed state up to `now`: starts/stops the game clock and sends
    /// the game its ticks.
    pub fn advance(&mut self, now: Instant) {
        self.sync_clock(now);
        if let Some(play) = &mut self.play {
            if play.advance_to(now) {
                self.dirty = true;
            }
        }
    }
}

/// A seed from the wall clock, when none was given.
fn default_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(1111)
}

/// The game input for an in-play action, if it has one.
fn to_input(action: Action) -> Option<Input> {
    Some(match action {
        Action::Lane(n) => Input::Lane(n),
        Action::Up => Input::Up,
        Action::Down => Input::Down,
        Action::Left => Input::Left,
        Action::Right => Input::Right,
        Action::Confirm => Input::Confirm,
        Action::Back => Input::Back,
        Action::NextTab => Input::NextTab,
        Action::PrevTab => Input::PrevTab,
        Action::AddToCart => Input::AddToCart,
        Action::RemoveFromCart => Input::RemoveFromCart,
        Action::Checkout => Input::Checkout,
        Action::ToggleCard => Input::ToggleCard,
        Action::Skip => Input::Skip,
        Action::BuyNow => Input::BuyNow,
        Action::CartUp => Input::CartUp,
        Action::CartDown => Input::CartDown,
        _ => return None,
    })
}
