//! The app's side of the save: settings written through on change, the
//! result recorded once at midnight (after the high-score name, if it makes
//! the table), unlocks, "save and quit" and resume, and the store's notices
//! moved to the screen.
//!
//! Ctrl-C, SIGTERM and SIGHUP mid-festival put the festival aside silently,
//! exactly as "save and quit" does (one small write): quitting at once
//! should never cost a festival. A result waiting for its name is recorded
//! under the profile's name.

use super::name_entry::NameEntry;
use super::play::{Finish, Play};
use super::state::{App, Overlay, Screen};
use crate::game::Phase;
use crate::save::table;
use crate::save::{SavedSettings, ScoreEntry};

impl App {
    /// Moves the store's new notices to the screen.
    pub(super) fn pull_notices(&mut self) {
        let new = self.store.take_notices();
        if !new.is_empty() {
            self.notices.extend(new.into_iter().map(|n| n.0));
            self.dirty = true;
        }
    }

    /// Writes the settings to the profile. A `--lang` the player has not
    /// changed in the game is not written.
    pub(super) fn persist_settings(&mut self) {
        let mut saved = SavedSettings::from(&self.settings);
        if self.lang_forced {
            saved.lang = self.store.profile().settings.lang.clone();
        }
        self.store.update_profile(|p| p.settings = saved);
        self.pull_notices();
    }

    /// At midnight, once: unlocks the next level; a result that makes the
    /// table waits for the player's name, any other is recorded at once.
    pub(super) fn check_finished(&mut self) {
        let Some(play) = &self.play else { return };
        if play.phase() != Phase::Results || play.finish != Finish::Playing {
            return;
        }
        let Some(results) = play.game.results() else {
            return;
        };
        let level = play.level_name.clone();
        if let Some(i) = self.levels.iter().position(|e| e.file == level)
            && let Some(next) = super::levels::next_shipped(&self.levels, i)
        {
            let file = self.levels[next].file.clone();
            self.store.unlock(&file);
        }
        let profile = self.store.profile().name.clone();
        let entry = ScoreEntry::new(profile.clone(), results.score.total, play.game.seed());
        match table::place_of(self.store.high_scores(&level), &entry) {
            Some(place) => {
                let prefill = if profile == crate::save::Profile::default().name {
                    ""
                } else {
                    profile.as_str()
                };
                if let Some(p) = &mut self.play {
                    p.finish = Finish::NameEntry(NameEntry::new(prefill, place));
                }
            }
            None => self.record(None),
        }
        self.dirty = true;
    }

    /// Enter (`keep_profile_name` false: the typed name, remembered for next
    /// time) or Esc (the profile's name) on the high-score name.
    pub(super) fn finish_name_entry(&mut self, keep_profile_name: bool) {
        let Some(e) = self.name_entry() else { return };
        let typed = if keep_profile_name { None } else { e.name() };
        self.record(typed);
    }

    /// Records the finished festival (with `name` as the profile's name
    /// first, if given) and its replay.
    fn record(&mut self, name: Option<String>) {
        if let Some(name) = name {
            self.store.update_profile(|p| p.name = name);
        }
        let (Some(play), store) = (&mut self.play, &mut self.store) else {
            return;
        };
        let replay = play.recorder.snapshot(&play.game);
        let place = store.record_game(&play.level_name, &play.game, &replay);
        play.finish = Finish::Recorded { place };
        self.dirty = true;
        self.pull_notices();
    }

    /// Puts the festival in play aside; true if it reached the disk.
    fn suspend_play(&mut self) -> bool {
        let (Some(play), store) = (&self.play, &mut self.store) else {
            return false;
        };
        if play.game.is_over() {
            return false;
        }
        store.suspend(&play.level_name, &play.game, play.recorder.inputs())
    }

    /// "Save and quit": put aside, back to the title (where Resume waits).
    pub(super) fn save_and_quit(&mut self) {
        self.suspend_play();
        self.play = None;
        self.overlays.clear();
        self.title_sel = 0;
        self.back_to_title();
        self.pull_notices();
    }

    /// Resumes the festival put aside: the same state, under the pause card
    /// (the clock re-anchors when the player goes on).
    pub(super) fn resume(&mut self) {
        let Some(s) = self.store.take_suspended() else {
            return;
        };
        let source = self
            .levels
            .iter()
            .find(|e| e.file == s.level)
            .map_or_else(|| s.level.clone(), |e| e.source.clone());
        if let Some(i) = self.levels.iter().position(|e| e.file == s.level) {
            self.levels_sel = i;
        }
        self.play = Some(Play::resumed(s.game, s.level, &source, &s.inputs));
        self.screen = Screen::Playing;
        self.overlays = vec![Overlay::Pause];
        self.dirty = true;
        self.pull_notices();
    }

    /// Before the app ends at once: record a result waiting for its name,
    /// or put a festival in play aside.
    pub(super) fn before_exit(&mut self) {
        if self.play.is_none() || self.screen != Screen::Playing {
            return;
        }
        self.check_finished();
        if self.name_entry().is_some() {
            self.finish_name_entry(true);
        } else {
            self.suspend_play();
        }
    }
}
