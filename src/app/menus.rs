//! The menu screens' keys: title, how to play, level select, high scores,
//! settings.

use super::keymap::Action;
use super::state::{App, MenuItem, Screen, SettingRow};

impl App {
    pub(super) fn on_title(&mut self, action: Action) {
        let n = self.menu_items().len();
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

    pub(super) fn select_title(&mut self) {
        let items = self.menu_items();
        let Some(item) = items.get(self.title_sel).or(items.last()) else {
            return;
        };
        match *item {
            MenuItem::Resume => self.resume(),
            MenuItem::Play => self.go(Screen::Levels),
            MenuItem::HowToPlay => self.go(Screen::HowTo { page: 0 }),
            MenuItem::HighScores => self.open_scores(),
            MenuItem::Settings => self.go(Screen::Settings),
            MenuItem::Quit => self.quit = true,
        }
    }

    pub(super) fn toggle_lang(&mut self) {
        self.settings.lang = self.settings.lang.toggled();
        self.lang_forced = false;
        self.persist_settings();
    }

    pub(super) fn on_howto(&mut self, page: u8, action: Action) {
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

    pub(super) fn on_levels(&mut self, action: Action) {
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

    pub(super) fn on_scores(&mut self, action: Action) {
        match action {
            Action::Left | Action::Up => self.step_scores(false),
            Action::Right | Action::Down => self.step_scores(true),
            _ => self.on_back_only(action),
        }
    }

    pub(super) fn on_back_only(&mut self, action: Action) {
        match action {
            Action::Back => self.back_to_title(),
            Action::Quit => self.quit = true,
            Action::ToggleLang => self.toggle_lang(),
            _ => {}
        }
    }

    pub(super) fn on_settings(&mut self, action: Action) {
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

    pub(super) fn change_setting(&mut self, row: SettingRow, forward: bool) {
        match row {
            SettingRow::Language => {
                self.settings.lang = self.settings.lang.toggled();
                self.lang_forced = false;
            }
            SettingRow::LaneKeys => self.settings.preset = self.settings.preset.cycled(forward),
            SettingRow::Colour => self.settings.colour = !self.settings.colour,
            SettingRow::ReduceMotion => self.settings.reduce_motion = !self.settings.reduce_motion,
        }
        self.apply_settings();
        self.persist_settings();
    }
}
