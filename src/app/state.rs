//! The app state machine: screens, overlays, settings, the save. No
//! terminal, no clock reads: every event comes with the `Instant` it
//! happened at, so tests drive it with synthetic keys and made-up times.
//! Menu screens are handled in [`super::menus`], the save in
//! [`super::saves`].

use std::path::PathBuf;
use std::time::Instant;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::keymap::{Action, Context, Keymap};
use super::play::{Finish, Play};
use super::scores::ScoresView;
use super::settings::Settings;
use crate::game::{GameState, Input, Overlay as ShopOverlay, Phase};
use crate::save::{Notice, Store};
use crate::ui::Theme;
use crate::ui::text::Lang;

pub use super::levels::{LevelEntry, catalog_levels, shipped_levels};

/// The smallest terminal the game draws in.
pub const MIN_WIDTH: u16 = 80;
/// The smallest terminal height.
pub const MIN_HEIGHT: u16 = 24;

/// The title menu, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    /// Resume the festival put aside with "save and quit" (first, and only
    /// when there is one).
    Resume,
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
    /// The entries always there, top to bottom.
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
    /// `q` mid-game: save and quit / quit without saving / keep playing.
    ConfirmQuit,
    /// Starting a new festival while one is saved to resume.
    ConfirmNewGame,
}

/// The choices of the quit card, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuitChoice {
    /// Put the festival aside to resume from the title (`s`).
    SaveAndQuit,
    /// Leave it; it is lost (`y`).
    QuitWithoutSaving,
    /// Close the card (`n`, Esc).
    KeepPlaying,
}

impl QuitChoice {
    /// All choices, top to bottom.
    pub const ALL: [QuitChoice; 3] = [
        QuitChoice::SaveAndQuit,
        QuitChoice::QuitWithoutSaving,
        QuitChoice::KeepPlaying,
    ];
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
    /// The save folder (`--save-dir`); else `$DOUBLE11_SAVE_DIR`, else the
    /// platform data directory.
    pub save_dir: Option<PathBuf>,
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
    /// The save: profile, settings, high scores, stats, unlocks, the
    /// suspended festival.
    pub store: Store,
    /// Lines about the save for the player, shown until a key is pressed.
    pub notices: Vec<String>,
    /// The quit card's cursor (into [`QuitChoice::ALL`]).
    pub quit_sel: usize,
    /// The high-scores screen: which level, and its rows.
    pub scores: ScoresView,
    /// `--lang` chose the language: it is not written to the save unless
    /// the player changes it in the game.
    pub lang_forced: bool,
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
    /// A new app at the title screen with `settings` and a save that lives
    /// in memory only (tests, demos).
    pub fn new(settings: Settings, options: &Options, size: (u16, u16)) -> App {
        let mut store = Store::in_memory();
        store.update_profile(|p| p.settings = (&settings).into());
        App::with_store(store, Vec::new(), options, size)
    }

    /// Opens the save (`options.save_dir`, `$DOUBLE11_SAVE_DIR` or the data
    /// directory) and starts at the title with its settings; what went
    /// wrong with the save is shown as notices.
    pub fn open(options: &Options, size: (u16, u16)) -> App {
        let (store, notices) = Store::open_or_memory(options.save_dir.clone());
        App::with_store(store, notices, options, size)
    }

    /// A new app on `store`, showing `notices` (from opening it).
    pub fn with_store(
        store: Store,
        notices: Vec<Notice>,
        options: &Options,
        size: (u16, u16),
    ) -> App {
        let mut settings = store.profile().settings.to_settings();
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
            store,
            notices: notices.into_iter().map(|n| n.0).collect(),
            quit_sel: 0,
            scores: ScoresView::default(),
            lang_forced: options.lang.is_some(),
            levels: catalog_levels(),
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
                // The command line names the level: no lock, and a saved
                // festival stays saved.
                app.start_level(i);
            }
        }
        app
    }

    /// The title menu now: Resume first when a festival is saved.
    pub fn menu_items(&self) -> Vec<MenuItem> {
        let resume = self.store.suspended().map(|_| MenuItem::Resume);
        resume.into_iter().chain(MenuItem::ALL).collect()
    }

    /// Level `i`'s lock: `None` when it can be played, else the index of
    /// the level to finish first (see [`super::levels`]).
    pub fn locked_by(&self, i: usize) -> Option<usize> {
        super::levels::locked_by(&self.levels, i, self.store.unlocked(), |f| {
            !self.store.high_scores(f).is_empty()
        })
    }

    /// Starts the selected level, if it loaded and is unlocked; with a
    /// festival saved to resume, asks first.
    pub(super) fn start_selected_level(&mut self) {
        let i = self.levels_sel;
        if let Some(prev) = self.locked_by(i) {
            let name = self.levels.get(prev).map(|e| e.short_name());
            let name = name.unwrap_or_default();
            self.notices.push(match self.settings.lang {
                Lang::En => format!("locked — finish {name} first (play it to midnight)"),
                Lang::Zh => format!("未解锁 — 先把 {name} 玩到午夜"),
            });
            return;
        }
        if self.levels.get(i).is_none_or(|e| e.level.is_err()) {
            return;
        }
        if self.store.suspended().is_some() {
            self.overlays.push(Overlay::ConfirmNewGame);
            return;
        }
        self.start_level(i);
    }

    /// Starts level `i` now (no lock, no question); the clock starts on the
    /// next [`App::advance`].
    pub(super) fn start_level(&mut self, i: usize) {
        let Some(entry) = self.levels.get(i) else {
            return;
        };
        let Ok(level) = &entry.level else {
            return;
        };
        let seed = self.seed.unwrap_or_else(default_seed);
        let game = GameState::new(level, seed);
        self.play = Some(Play::new(game, entry.file.clone(), &entry.source));
        self.overlays.clear();
        self.screen = Screen::Playing;
        self.dirty = true;
    }

    /// The tutorial (the first shipped level whose file starts with
    /// `tutorial`, else the first level).
    pub(super) fn start_tutorial(&mut self) {
        self.levels_sel = self
            .levels
            .iter()
            .position(|e| e.file.starts_with("tutorial"))
            .unwrap_or(0);
        self.start_selected_level();
    }

    pub(super) fn leave_play(&mut self) {
        self.check_finished();
        if self.name_entry().is_some() {
            self.finish_name_entry(true);
        }
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

    pub(super) fn apply_settings(&mut self) {
        self.keymap = Keymap::new(self.settings.preset);
        self.theme = if self.settings.colour && !self.force_mono {
            Theme::colour()
        } else {
            Theme::mono()
        };
    }

    /// The name being typed for a new high score, if any.
    pub fn name_entry(&self) -> Option<&super::name_entry::NameEntry> {
        match &self.play.as_ref()?.finish {
            Finish::NameEntry(e) if self.screen == Screen::Playing => Some(e),
            _ => None,
        }
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
            Event::Key(key) => {
                if key.kind == KeyEventKind::Press && !self.notices.is_empty() {
                    self.notices.clear();
                    self.dirty = true;
                }
                self.on_key(key, at);
            }
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
            Event::Paste(text) => {
                for c in text.chars() {
                    self.on_name_char(c);
                }
            }
            Event::FocusGained => {}
        }
        self.sync_clock(at);
        self.check_finished();
        self.pull_notices();
    }

    /// SIGTERM / SIGHUP / the terminal gone: end now. A festival in play is
    /// put aside to resume (as "save and quit"); a result waiting for its
    /// name is recorded under the profile's name.
    pub fn terminate(&mut self) {
        self.before_exit();
        self.quit = true;
    }

    /// A key while the high-score name is being typed: true if it was used.
    fn on_name_key(&mut self, key: &KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release
            || key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return false;
        }
        match key.code {
            KeyCode::Char(c) => self.on_name_char(c),
            KeyCode::Backspace => {
                if let Some(Finish::NameEntry(e)) = self.play.as_mut().map(|p| &mut p.finish) {
                    e.backspace();
                }
            }
            KeyCode::Enter => self.finish_name_entry(false),
            KeyCode::Esc => self.finish_name_entry(true),
            _ => {}
        }
        self.dirty = true;
        true
    }

    /// Types `c` into the high-score name, if it is being typed.
    fn on_name_char(&mut self, c: char) {
        if self.name_entry().is_none() {
            return;
        }
        if let Some(Finish::NameEntry(e)) = self.play.as_mut().map(|p| &mut p.finish) {
            self.dirty |= e.push(c);
        }
    }

    fn on_key(&mut self, key: &KeyEvent, at: Instant) {
        // Midnight may have struck since the last frame: its result (and
        // name entry) comes first.
        if let Some(p) = &mut self.play {
            p.advance_to(at);
        }
        self.check_finished();
        if self.name_entry().is_some() && self.on_name_key(key) {
            return;
        }
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
                if let Some(p) = &mut self.play {
                    p.advance_to(at);
                }
                self.terminate();
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
            Screen::Scores => self.on_scores(action),
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
            (Overlay::ConfirmQuit, action) => self.on_quit_card(action),
            (Overlay::ConfirmNewGame, Action::Yes) => {
                self.overlays.pop();
                self.store.clear_suspended();
                self.title_sel = 0;
                self.start_level(self.levels_sel);
            }
            (Overlay::ConfirmNewGame, Action::No | Action::Back | Action::Quit) => {
                self.overlays.pop();
            }
            _ => {}
        }
    }

    fn on_quit_card(&mut self, action: Action) {
        let n = QuitChoice::ALL.len();
        let choice = match action {
            Action::Up => {
                self.quit_sel = (self.quit_sel + n - 1) % n;
                return;
            }
            Action::Down => {
                self.quit_sel = (self.quit_sel + 1) % n;
                return;
            }
            Action::Confirm => QuitChoice::ALL[self.quit_sel.min(n - 1)],
            Action::Skip | Action::Quit => QuitChoice::SaveAndQuit,
            Action::Yes => QuitChoice::QuitWithoutSaving,
            Action::No | Action::Back => QuitChoice::KeepPlaying,
            _ => return,
        };
        match choice {
            QuitChoice::SaveAndQuit => self.save_and_quit(),
            QuitChoice::QuitWithoutSaving => self.leave_play(),
            QuitChoice::KeepPlaying => {
                self.overlays.pop();
            }
        }
    }

    /// `q`: quits at once in menus; mid-game it asks first.
    pub(super) fn on_quit_key(&mut self) {
        match &self.play {
            Some(p) if self.screen == Screen::Playing && !p.game.is_over() => {
                self.overlays.retain(|o| *o != Overlay::Help);
                self.overlays.push(Overlay::ConfirmQuit);
                self.quit_sel = 0;
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

    pub(super) fn go(&mut self, screen: Screen) {
        self.screen = screen;
    }

    pub(super) fn back_to_title(&mut self) {
        self.fact = self.fact.wrapping_add(1);
        self.title_sel = self
            .title_sel
            .min(self.menu_items().len().saturating_sub(1));
        self.go(Screen::Title);
    }

    fn on_click(&mut self, column: u16, row: u16, at: Instant) {
        if self.top_overlay().is_some() || self.too_small() {
            return;
        }
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        match self.screen {
            Screen::Title => {
                let n = self.menu_items().len();
                if let Some(i) = crate::ui::title::menu_hit(area, n, column, row) {
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
        if let Some(play) = &mut self.play
            && play.advance_to(now)
        {
            self.dirty = true;
        }
        self.check_finished();
        self.pull_notices();
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
