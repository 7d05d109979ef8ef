//! The high-scores screen's state: which level is shown and its rows. Only
//! entries that keep their replay are listed (the file is there, reads, and
//! has the score's seed), as `double11 scores` does; the rest are counted.

use super::state::{App, Screen};
use crate::save::replay::ReplayHeader;
use crate::save::{ScoreEntry, Store};

/// What the high-scores screen shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScoresView {
    /// The level shown (an index into [`App::levels`]).
    pub level: usize,
    /// Its entries that have a replay, best first, numbered from 1.
    pub rows: Vec<(usize, ScoreEntry)>,
    /// Its entries left out for want of a replay.
    pub hidden: usize,
}

/// A level's table as the screen shows it.
pub fn view(store: &Store, level: usize, file: &str) -> ScoresView {
    let table = store.high_scores(file);
    let rows: Vec<(usize, ScoreEntry)> = table
        .iter()
        .filter(|e| has_replay(store, e))
        .enumerate()
        .map(|(i, e)| (i + 1, e.clone()))
        .collect();
    ScoresView {
        level,
        hidden: table.len() - rows.len(),
        rows,
    }
}

/// The entry's replay file is there, reads, and has its seed.
pub fn has_replay(store: &Store, e: &ScoreEntry) -> bool {
    store
        .replay_path(e)
        .is_some_and(|p| ReplayHeader::read(&p).is_ok_and(|r| r.seed == e.seed))
}

impl App {
    /// Opens the high scores at the level last chosen in level select.
    pub(super) fn open_scores(&mut self) {
        self.show_scores(self.levels_sel);
        self.go(Screen::Scores);
    }

    /// Shows level `i`'s table (re-read from the store).
    pub(super) fn show_scores(&mut self, i: usize) {
        let i = i.min(self.levels.len().saturating_sub(1));
        let file = self.levels.get(i).map_or("", |e| e.file.as_str());
        self.scores = view(&self.store, i, file);
    }

    /// ←→ on the high scores: the previous or next level.
    pub(super) fn step_scores(&mut self, forward: bool) {
        let n = self.levels.len().max(1);
        let i = self.scores.level % n;
        self.show_scores(if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        });
    }
}
