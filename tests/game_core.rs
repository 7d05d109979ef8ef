//! The game core through its public contract: shipped levels, catches,
//! the clock, events, checkout, expiry, determinism and full playthroughs.

use double11::game::{self, Event, GameState, Input, Phase};
use double11::level::{self, Level};

fn tutorial() -> Level {
    level::load_shipped("tutorial.toml")
        .expect("shipped")
        .expect("valid")
}

#[test]
fn every_shipped_level_loads_and_validates() {
    for (name, text) in level::shipped() {
        if let Err(e) = Level::from_toml_str(text, name) {
            panic!("{e}");
        }
    }
    assert!(level::gmv_records().expect("records").len() >= 13);
}

#[test]
fn a_new_game_waits_on_the_first_rain_card() {
    let l = tutorial();
    let mut s = GameState::new(&l, 1);
    assert_eq!(s.phase(), &Phase::RainIntro);
    assert_eq!(s.next_wakeup(), None);
    game::update(&mut s, Event::Input(Input::Confirm));
    assert_eq!(s.phase(), &Phase::Rain);
    assert!(s.next_wakeup().is_some());
}
