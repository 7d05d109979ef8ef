//! Catching in the rain, and when to look next: an aimed catcher presses
//! each envelope the tick it crosses the hit line (a perfect catch).

use crate::game::{GameState, Grade, Input, Phase, Rain};

/// A lane worth pressing now: unlocked, with an envelope in its perfect
/// window.
pub fn catchable_lane(state: &GameState) -> Option<u8> {
    if state.phase() != &Phase::Rain {
        return None;
    }
    let r = state.rain()?;
    r.falling
        .iter()
        .filter(|f| !r.is_locked(f.lane) && r.grade_now(f) == Some(Grade::Perfect))
        .map(|f| f.lane)
        .min()
}

/// Presses the first catchable lane.
pub fn catch_input(state: &GameState) -> Option<Input> {
    catchable_lane(state).map(Input::Lane)
}

/// The game tick of rain tick `t` of the rain falling now.
pub(super) fn game_tick(state: &GameState, r: &Rain, t: u64) -> u64 {
    state.tick() + t.saturating_sub(r.elapsed).max(1)
}

/// When an envelope next crosses the hit line, or a new one drops (its
/// lane is then known), or the rain ends: the next tick worth looking at.
pub fn catch_wake(state: &GameState) -> Option<u64> {
    let r = state.rain()?;
    if state.phase() != &Phase::Rain {
        return None;
    }
    let now = r.elapsed;
    let mut next = r.duration.max(now + 1);
    // The next step drops (at the start, next_spawn is 0).
    next = next.min(r.next_spawn.max(now + 1));
    for f in &r.falling {
        let (_, last) = r.perfect_window(f);
        let lock = r
            .locked_until
            .get(usize::from(f.lane))
            .copied()
            .unwrap_or(0);
        let at = r.ideal_tick(f).max(lock);
        if at > now && at <= last {
            next = next.min(at);
        }
    }
    Some(game_tick(state, r, next))
}
