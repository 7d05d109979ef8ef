//! `double11 __save-stress DIR N [--record TAG]`: a hidden command the save
//! tests run as a real process, to kill it mid-write or to race two of them.
//!
//! - Without `--record`: N profile writes alternating between two states:
//!   name `state-K` with `reduce_motion` = K is odd and language `zh` for odd
//!   K, `en` for even (so a torn or mixed file would show). K goes on from
//!   the state found. Prints `ready` once the save is open, then each K once
//!   it is on disk.
//! - With `--record TAG`: N results recorded as player `TAG` on levels
//!   `level-0` … `level-3` (the i-th on `level-{i % 4}`) with score
//!   `i * 2 + TAG`, seed `i`, and a stats delta of one festival and one
//!   envelope each.

use std::path::Path;

use super::format::{ScoreEntry, Stats};
use super::replay::Replay;
use super::store::Store;
use crate::game::Input;

/// Runs the stress loop; returns the exit code (0: every write reached the
/// disk; 1: a write failed; 3: the save could not be opened).
pub fn run(dir: &Path, count: u64, record: Option<u32>) -> i32 {
    let (mut store, notices) = match Store::open_dir(dir) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("{e}");
            return 3;
        }
    };
    for n in &notices {
        eprintln!("{n}");
    }
    let start: u64 = store
        .profile()
        .name
        .strip_prefix("state-")
        .and_then(|k| k.parse().ok())
        .unwrap_or(0);
    if record.is_none() {
        println!("ready");
    }
    for i in 0..count {
        match record {
            None => {
                let k = start + i + 1;
                store.update_profile(|p| {
                    p.name = format!("state-{k}");
                    p.settings.reduce_motion = k % 2 == 1;
                    p.settings.lang = if k % 2 == 1 { "zh" } else { "en" }.into();
                });
                if store.is_saving() {
                    println!("{k}");
                }
            }
            Some(tag) => {
                let entry = ScoreEntry {
                    seed: i,
                    ..ScoreEntry::new(format!("p{tag}"), i as i64 * 2 + i64::from(tag), i)
                };
                let stats = Stats {
                    envelopes_caught: 1,
                    festivals_played: 1,
                    ..Stats::default()
                };
                let level = format!("level-{}", i % 4);
                let replay = Replay::new(level.as_str(), i, vec![(i, Input::Confirm)]);
                store.record_result(&level, entry, &replay, stats);
            }
        }
        let notices = store.take_notices();
        for n in &notices {
            eprintln!("{n}");
        }
        if !store.is_saving() {
            return 1;
        }
    }
    0
}
