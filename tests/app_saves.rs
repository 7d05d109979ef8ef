//! The save through the app (no terminal): a finished festival's name
//! entry, high score, replay and stats; save and quit then resume; a
//! corrupt save; settings kept; locks. Each test has its own temp save
//! folder. Snapshots of the new screens at 80×24 and 120×40 (and mono).

mod common;

use std::time::{Duration, Instant};

use common::app::{
    app, ch_at as ch, event_at, key_press, mono, options, press_at as key, screen_text, terminal,
    tutorial,
};
use crossterm::event::{KeyCode, KeyModifiers};
use double11::app::play::Finish;
use double11::app::state::{App, MenuItem, Options, Overlay, Screen};
use double11::game::Phase;

fn key_mods(app: &mut App, code: KeyCode, mods: KeyModifiers, at: Instant) {
    event_at(app, &key_press(code, mods), at);
}

/// Plays the tutorial into the 11.11 day with an item in the cart; returns
/// the time reached.
fn into_the_day(a: &mut App, t0: Instant) -> Instant {
    let s = |secs: f64| t0 + Duration::from_secs_f64(secs);
    a.advance(s(0.0));
    key(a, KeyCode::Enter, s(0.5));
    for (i, c) in "dfjk".chars().enumerate() {
        ch(a, c, s(4.0 + i as f64 * 0.05));
    }
    a.advance(s(30.0));
    ch(a, 's', s(31.0));
    ch(a, 'x', s(31.5));
    ch(a, 'a', s(32.0));
    a.advance(s(40.0));
    assert_eq!(a.play.as_ref().map(|p| p.phase()), Some(Phase::Day));
    s(40.0)
}

/// Plays the tutorial to midnight.
fn to_midnight(a: &mut App, t0: Instant) -> Instant {
    let t = into_the_day(a, t0);
    ch(a, 'c', t);
    key(a, KeyCode::Enter, t);
    let end = t + Duration::from_secs(300);
    a.advance(end);
    assert_eq!(a.play.as_ref().map(|p| p.phase()), Some(Phase::Results));
    end
}

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(name, terminal(app).backend());
}

/// Snapshots `a` as `{name}_{w}x{h}` and, at 80 columns, in mono too
/// (`{name}_mono_80x24`; `a` stays mono).
fn snap_sizes_and_mono(name: &str, a: &mut App) {
    let (w, h) = a.size;
    snap(&format!("{name}_{w}x{h}"), a);
    if w == 80 {
        mono(a);
        snap(&format!("{name}_mono_80x24"), a);
    }
}

#[test]
fn a_finished_festival_asks_a_name_stores_the_score_and_shows_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t0 = Instant::now();
    let mut a = tutorial(Some(dir.path()), (80, 24));
    let end = to_midnight(&mut a, t0);
    let entry = a.name_entry().expect("an empty table takes any score");
    assert_eq!(entry.place, 1);
    assert_eq!(
        entry.text, "",
        "a new profile's default name is not typed in"
    );
    assert!(
        a.store.high_scores("tutorial.toml").is_empty(),
        "not recorded before the name"
    );
    assert!(screen_text(&a).contains("NEW HIGH SCORE"));
    // Letters (CJK too) type; q and ? are letters here, not commands.
    for c in "李Wei?".chars() {
        ch(&mut a, c, end);
    }
    key(&mut a, KeyCode::Backspace, end);
    assert!(!a.quit && a.top_overlay().is_none());
    key(&mut a, KeyCode::Enter, end);
    let Some(Finish::Recorded { place }) = a.play.as_ref().map(|p| p.finish.clone()) else {
        panic!("recorded");
    };
    assert_eq!(place, Some(1));
    let table = a.store.high_scores("tutorial.toml").to_vec();
    assert_eq!(table.len(), 1);
    assert_eq!(table[0].name, "李Wei");
    assert_eq!(table[0].seed, 11);
    assert_eq!(a.store.profile().name, "李Wei", "remembered for next time");
    let stats = *a.store.stats();
    assert_eq!(stats.festivals_played, 1);
    assert!(
        a.store.unlocked().contains("2009.toml"),
        "the next level is unlocked"
    );
    // Its replay is on disk and re-runs to the same score.
    let path = a.store.replay_path(&table[0]).expect("a replay");
    let replay = double11::replay::Replay::read(&path).expect("reads");
    let level = replay.level().expect("same level");
    let v = replay.verify(&level).expect("verifies");
    assert!(v.ok() && v.finished, "{v:?}");
    assert_eq!(v.actual, table[0].score);

    // Recorded once: more time and keys change nothing.
    a.advance(end + Duration::from_secs(10));
    key(&mut a, KeyCode::Enter, end + Duration::from_secs(11));
    assert_eq!(a.screen, Screen::Title);
    assert_eq!(a.store.high_scores("tutorial.toml").len(), 1);
    assert_eq!(a.store.stats().festivals_played, 1);

    // The high scores screen shows it, with the lifetime stats.
    a.levels_sel = 0;
    ch(&mut a, '3', end);
    assert_eq!(a.screen, Screen::Scores);
    let s = screen_text(&a);
    assert!(s.contains("李Wei"), "{s}");
    assert!(s.contains("Festivals played 1"), "{s}");
    key(&mut a, KeyCode::Right, end);
    assert!(screen_text(&a).contains("no scores yet"));

    // A new app reads it back, and the next name entry starts with the name.
    let mut b = tutorial(Some(dir.path()), (80, 24));
    let end = to_midnight(&mut b, t0);
    assert_eq!(b.name_entry().map(|e| e.text.as_str()), Some("李Wei"));
    key(&mut b, KeyCode::Esc, end);
    assert_eq!(b.store.high_scores("tutorial.toml").len(), 2);
    assert_eq!(b.store.stats().festivals_played, 2);
}

#[test]
fn esc_keeps_the_profile_name_and_a_low_score_needs_no_name() {
    let t0 = Instant::now();
    let mut a = tutorial(None, (80, 24));
    let end = to_midnight(&mut a, t0);
    ch(&mut a, 'z', end);
    key(&mut a, KeyCode::Esc, end);
    assert_eq!(a.store.high_scores("tutorial.toml")[0].name, "Player");
    assert_eq!(a.store.profile().name, "Player");
}

#[test]
fn save_and_quit_then_resume_exactly_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t0 = Instant::now();
    let mut a = tutorial(Some(dir.path()), (80, 24));
    let t = into_the_day(&mut a, t0);
    ch(&mut a, 'q', t);
    assert_eq!(a.top_overlay(), Some(Overlay::ConfirmQuit));
    key(&mut a, KeyCode::Down, t);
    key(&mut a, KeyCode::Up, t);
    key(&mut a, KeyCode::Enter, t); // the cursor starts on "Save and quit"
    assert_eq!(a.screen, Screen::Title);
    assert!(a.play.is_none());
    let saved = a.store.suspended().expect("suspended").clone();
    assert!(dir.path().join("suspended.json").exists());
    assert_eq!(a.menu_items()[0], MenuItem::Resume);
    assert!(screen_text(&a).contains("Resume Tutorial · 11.11 DAY"));
    ch(&mut a, 'q', t);
    assert!(a.quit);

    // The next start offers it first; Enter resumes the same state, paused.
    let later = t + Duration::from_secs(3600);
    let mut b = App::open(&options(dir.path()), (80, 24));
    assert_eq!(b.menu_items()[0], MenuItem::Resume);
    assert_eq!(b.title_sel, 0);
    key(&mut b, KeyCode::Enter, later);
    assert_eq!(b.screen, Screen::Playing);
    assert_eq!(b.top_overlay(), Some(Overlay::Pause));
    let p = b.play.as_ref().expect("playing");
    assert_eq!(p.game, saved.game, "the same state");
    assert_eq!(p.recorder.inputs(), saved.inputs.as_slice());
    assert!(!dir.path().join("suspended.json").exists(), "resumes once");
    // The clock re-anchors: an hour away is not an hour of play.
    key(&mut b, KeyCode::Enter, later);
    b.advance(later + Duration::from_secs(1));
    let tick = b.play.as_ref().map_or(0, |p| p.game.tick());
    assert_eq!(tick, saved.game.tick() + double11::game::TICKS_PER_SECOND);
    assert!(b.menu_items()[0] != MenuItem::Resume);
}

#[test]
fn quit_without_saving_and_keep_playing() {
    let t0 = Instant::now();
    let mut a = tutorial(None, (80, 24));
    let t = into_the_day(&mut a, t0);
    ch(&mut a, 'q', t);
    ch(&mut a, 'n', t);
    assert_eq!(a.top_overlay(), None);
    ch(&mut a, 'q', t);
    key(&mut a, KeyCode::Down, t);
    key(&mut a, KeyCode::Enter, t);
    assert_eq!(a.screen, Screen::Title);
    assert!(a.store.suspended().is_none());
    assert_eq!(a.menu_items()[0], MenuItem::Play);
}

#[test]
fn a_new_festival_over_a_saved_one_asks_first() {
    let t0 = Instant::now();
    let mut a = tutorial(None, (80, 24));
    let t = into_the_day(&mut a, t0);
    ch(&mut a, 'q', t);
    ch(&mut a, 's', t);
    assert!(a.store.suspended().is_some());
    ch(&mut a, '2', t); // Play (Resume is 1)
    assert_eq!(a.screen, Screen::Levels);
    a.levels_sel = 0;
    key(&mut a, KeyCode::Enter, t);
    assert_eq!(a.top_overlay(), Some(Overlay::ConfirmNewGame));
    assert!(screen_text(&a).contains("will be lost"));
    ch(&mut a, 'n', t);
    assert_eq!(a.screen, Screen::Levels);
    assert!(a.store.suspended().is_some());
    key(&mut a, KeyCode::Enter, t);
    ch(&mut a, 'y', t);
    assert_eq!(a.screen, Screen::Playing);
    assert!(a.store.suspended().is_none());
}

#[test]
fn ctrl_c_mid_festival_puts_it_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t0 = Instant::now();
    let mut a = tutorial(Some(dir.path()), (80, 24));
    let t = into_the_day(&mut a, t0);
    key_mods(&mut a, KeyCode::Char('c'), KeyModifiers::CONTROL, t);
    assert!(a.quit);
    let b = App::open(&options(dir.path()), (80, 24));
    assert_eq!(b.menu_items()[0], MenuItem::Resume);
    // SIGTERM at the name entry records the result under the profile name.
    let mut c = tutorial(Some(dir.path()), (80, 24));
    to_midnight(&mut c, t0);
    assert!(c.name_entry().is_some());
    c.terminate();
    assert_eq!(c.store.high_scores("tutorial.toml").len(), 1);
}

#[test]
fn a_corrupt_save_is_kept_aside_and_said_in_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("profile.json"), "{ not json").expect("write");
    let mut a = App::open(&options(dir.path()), (120, 40));
    assert_eq!(a.notices.len(), 1, "{:?}", a.notices);
    assert!(a.notices[0].contains("kept as profile.json.corrupt-"));
    let kept = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("profile.json.corrupt-")
        })
        .count();
    assert_eq!(kept, 1);
    assert!(screen_text(&a).contains("your save was unreadable"));
    key(&mut a, KeyCode::Down, Instant::now());
    assert!(a.notices.is_empty(), "a key dismisses it");
    assert!(!screen_text(&a).contains("your save was unreadable"));
    assert_eq!(a.title_sel, 1, "and the key still works");
}

#[test]
fn settings_are_kept_in_the_save() {
    let dir = tempfile::tempdir().expect("temp dir");
    let now = Instant::now();
    let mut a = App::open(&options(dir.path()), (80, 24));
    ch(&mut a, '4', now);
    key(&mut a, KeyCode::Down, now);
    key(&mut a, KeyCode::Right, now); // lane keys → arrows
    key(&mut a, KeyCode::Down, now);
    key(&mut a, KeyCode::Enter, now); // colour off
    ch(&mut a, 'l', now); // 中文
    let b = App::open(&options(dir.path()), (80, 24));
    assert_eq!(b.settings, a.settings);
    assert_eq!(b.settings.preset, double11::app::keymap::LanePreset::Arrows);
    assert!(!b.settings.colour);
    assert_eq!(b.settings.lang, double11::ui::text::Lang::Zh);
    // --lang is for this run: changing another setting does not save it.
    let mut c = App::open(
        &Options {
            lang: Some(double11::ui::text::Lang::En),
            ..options(dir.path())
        },
        (80, 24),
    );
    ch(&mut c, '4', now);
    key(&mut c, KeyCode::Down, now);
    key(&mut c, KeyCode::Right, now);
    assert_eq!(c.store.profile().settings.lang, "zh");
}

#[test]
fn locked_festivals_say_what_to_finish_and_cannot_start() {
    let now = Instant::now();
    let mut a = app(120, 40);
    ch(&mut a, '1', now);
    let i2017 = a
        .levels
        .iter()
        .position(|e| e.file == "2017.toml")
        .expect("2017");
    assert_eq!(a.locked_by(0), None);
    assert_eq!(a.locked_by(1), None);
    assert_eq!(a.locked_by(i2017), Some(1));
    a.levels_sel = i2017;
    assert!(screen_text(&a).contains("locked — finish 2009 first"));
    key(&mut a, KeyCode::Enter, now);
    assert_eq!(a.screen, Screen::Levels, "a locked festival does not start");
    assert!(screen_text(&a).contains("locked — finish 2009 first (play it to midnight)"));
    a.store.unlock("2017.toml");
    key(&mut a, KeyCode::Enter, now);
    assert_eq!(a.screen, Screen::Playing);
}

// ---- snapshots ------------------------------------------------------------

/// A save folder with two scores (fixed dates) and their replay files.
fn save_with_scores() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    std::fs::create_dir_all(p.join("replays")).expect("mkdir");
    for (name, seed) in [("a.json", 1111u64), ("b.json", 7)] {
        std::fs::write(
            p.join("replays").join(name),
            format!(r#"{{"version":1,"seed":{seed},"inputs":[]}}"#),
        )
        .expect("write replay");
    }
    std::fs::write(
        p.join("profile.json"),
        r#"{"version":2,
  "profile":{"name":"Li Wei","settings":{"lang":"en","lane_keys":"dfjk","colour":true,"reduce_motion":false}},
  "scores":{"tutorial.toml":[
    {"name":"Li Wei","score":48210,"date":20768,"seed":1111,"replay":"a.json"},
    {"name":"双十一剁手党","score":31050,"date":20769,"seed":7,"replay":"b.json"},
    {"name":"Edited","score":99999999,"date":20769,"seed":3,"replay":null}]},
  "stats":{"envelopes_caught":57,"saved":123456,"envelopes_wasted":4,"festivals_played":6},
  "unlocked":["2017.toml"]}"#,
    )
    .expect("write save");
    dir
}

#[test]
fn snapshot_high_scores_with_entries() {
    let dir = save_with_scores();
    let now = Instant::now();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = App::open(&options(dir.path()), (w, h));
        ch(&mut a, '3', now);
        if w == 80 {
            let s = screen_text(&a);
            assert!(s.contains("48,210") && s.contains("2026-11-11") && s.contains("1111"));
            assert!(!s.contains("Edited"), "no replay, not shown");
            assert!(s.contains("1 score without a replay file not shown"));
        }
        snap_sizes_and_mono("scores_entries", &mut a);
    }
}

#[test]
fn snapshot_name_entry() {
    let t0 = Instant::now();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = tutorial(None, (w, h));
        let end = to_midnight(&mut a, t0);
        for c in "李Wei".chars() {
            ch(&mut a, c, end);
        }
        snap_sizes_and_mono("name_entry", &mut a);
    }
}

#[test]
fn snapshot_quit_card_and_resume_on_title() {
    let t0 = Instant::now();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = tutorial(None, (w, h));
        let t = into_the_day(&mut a, t0);
        ch(&mut a, 'q', t);
        snap_sizes_and_mono("quit_card", &mut a);
        if w == 80 {
            a.force_mono = false;
            a.theme = double11::ui::Theme::colour();
        }
        ch(&mut a, 's', t);
        snap_sizes_and_mono("title_resume", &mut a);
    }
}

#[test]
fn snapshot_notice_and_locked_levels() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("profile.json"), "garbage").expect("write");
    let a = App::open(&options(dir.path()), (80, 24));
    let s = screen_text(&a);
    let last = s.lines().last().unwrap_or("");
    assert!(last.contains("your save was unreadable"), "{s}");
    let mut b = app(80, 24);
    ch(&mut b, '1', Instant::now());
    b.levels_sel = 2;
    snap("levels_locked_80x24", &b);
}
