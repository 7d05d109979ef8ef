//! The app state machine: screens, overlays, settings, the save. No
//! terminal, no clock reads: every event comes with the `Instant` it
//! happened at, so tests drive it with synthetic keys and made-up times.
//! Terminal events are answered in [`super::handle`], menu screens in
//! [`super::menus`], the save in [`super::saves`].

use std::path::PathBuf;
use std::time::Instant;

use super::keymap::{Context, Keymap};
use super::play::{Finish, Play};
use super::scores::ScoresView;
use super::settings::Settings;
use crate::game::{GameState, Phase};
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
    /// `b` at midnight: the best plan for the wishlist, step by step.
    WishlistPlan,
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

    /// At midnight, the festival to play next: the shipped level after the
    /// one just played, if it is open.
    pub fn next_festival(&self) -> Option<usize> {
        let play = self.play.as_ref().filter(|p| p.game.is_over())?;
        let i = self.levels.iter().position(|e| e.file == play.level_name)?;
        let next = super::levels::next_shipped(&self.levels, i)?;
        self.locked_by(next).is_none().then_some(next)
    }

    /// Leaves the results for the next festival, if there is one open.
    pub(super) fn start_next_festival(&mut self) {
        let Some(next) = self.next_festival() else {
            return;
        };
        self.leave_play();
        self.levels_sel = next;
        self.start_level(next);
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
    pub(super) fn sync_clock(&mut self, now: Instant) {
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

    /// SIGTERM / SIGHUP / the terminal gone: end now. A festival in play is
    /// put aside to resume (as "save and quit"); a result waiting for its
    /// name is recorded under the profile's name.
    pub fn terminate(&mut self) {
        self.before_exit();
        self.quit = true;
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
