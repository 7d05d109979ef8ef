//! Driving the pure game core by inputs, as a player would.

use double11::game::{self, Event, GameState, Grade, Input};

/// Applies one player input at the current tick.
pub fn press(s: &mut GameState, input: Input) {
    game::update(s, Event::Input(input));
}

/// A perfect player: presses every lane the moment an envelope in it is
/// in its perfect window (and the lane is not locked).
pub fn catch_all(s: &mut GameState) {
    let Some(r) = s.rain() else { return };
    let lanes: Vec<u8> = r
        .falling
        .iter()
        .filter(|f| r.grade_now(f) == Some(Grade::Perfect) && !r.is_locked(f.lane))
        .map(|f| f.lane)
        .collect();
    for lane in lanes {
        press(s, Input::Lane(lane));
    }
}
