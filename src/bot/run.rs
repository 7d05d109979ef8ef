//! Driving a whole festival headless: the bot acts at its decision points,
//! the game fast-forwards in between.

use super::Bot;
use crate::game::{self, Event, GameState, Input, TICKS_PER_SECOND};
use crate::level::Level;
use crate::replay::{Recorder, Replay};

/// Most inputs a bot may send at one tick (a guard against a bot that never
/// says it is done).
pub const MAX_INPUTS_PER_TICK: usize = 256;

/// A festival no bot should outlast: four times every rain, show and the
/// day back to back, plus an hour (a guard against a bot that never starts
/// a rain card).
pub fn tick_limit(level: &Level) -> u64 {
    let rains: u64 = level.rains.iter().map(|r| u64::from(r.seconds)).sum();
    let draws = u64::from(level.envelopes.draws_per_day.max(1)) + 1;
    let shows: u64 = level
        .events
        .iter()
        .map(|e| u64::from(e.look_seconds) * e.looks.len() as u64)
        .sum();
    let secs = rains * draws + shows + u64::from(level.day_seconds + level.opening_seconds);
    (secs * 4 + 3_600) * TICKS_PER_SECOND
}

/// Plays `level` with `seed` to the results (or the tick limit), calling
/// `on_input` with every input the bot applies and the tick it applied it
/// at. Returns the final state.
pub fn run_with(
    level: &Level,
    seed: u64,
    bot: &mut dyn Bot,
    mut on_input: impl FnMut(u64, &Input),
) -> GameState {
    let mut state = GameState::new(level, seed);
    let limit = tick_limit(level);
    while !state.is_over() && state.tick() < limit {
        for _ in 0..MAX_INPUTS_PER_TICK {
            let Some(input) = bot.act(&state) else { break };
            on_input(state.tick(), &input);
            game::update(&mut state, Event::Input(input));
            if state.is_over() {
                break;
            }
        }
        if state.is_over() {
            break;
        }
        let now = state.tick();
        let next = bot
            .wake(&state)
            .or_else(|| state.next_wakeup())
            .unwrap_or(limit)
            .clamp(now + 1, limit.max(now + 1));
        game::fast_forward_to(&mut state, next);
    }
    state
}

/// Plays a whole festival of `level` (named `level_name` in the replay:
/// a shipped level's file name or a path) with `seed` and `bot`, headless.
/// Returns the final state and its replay.
pub fn run_festival(
    level_name: &str,
    level: &Level,
    seed: u64,
    bot: &mut dyn Bot,
) -> (GameState, Replay) {
    let mut rec = Recorder::new(level_name, level, seed);
    let state = run_with(level, seed, bot, |t, i| rec.record(t, i));
    let replay = rec.finish(&state);
    (state, replay)
}
