//! How the app answers each terminal event: keys (through the keymap, to
//! the screen, overlay or festival in front), mouse clicks, pastes into the
//! name entry, focus and resize.

use std::time::Instant;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use super::keymap::{Action, Context};
use super::play::Finish;
use super::state::{App, Overlay, QuitChoice, Screen};
use crate::game::{Input, Overlay as ShopOverlay, Phase};

impl App {
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
            (Overlay::WishlistPlan, Action::Back | Action::Confirm | Action::Pause) => {
                self.overlays.pop();
            }
            (Overlay::WishlistPlan, Action::Quit) => self.on_quit_key(),
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
            Action::NextFestival if phase == Phase::Results => {
                return self.start_next_festival();
            }
            Action::BuyNow if phase == Phase::Results => {
                let plan = crate::game::results::wishlist_best_plan(&play.game);
                play.wishlist_plan = Some(plan);
                self.overlays.push(Overlay::WishlistPlan);
                return;
            }
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
            // In the day `S` skips ahead to the next event (or the show's end).
            Action::Skip if phase == Phase::Day => Input::NextEvent,
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
