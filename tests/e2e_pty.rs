//! End to end: the real binary in a pseudo-terminal, read back through a
//! vt100 parser. Every wait polls the parsed screen (20 ms steps, 10 s
//! limit); no sleep is ever an assertion.
#![cfg(unix)]

mod common;

use std::thread;
use std::time::{Duration, Instant};

use common::pty::Pty;

/// From the rain card: start the rain and press the lanes.
fn start_rain(pty: &Pty) {
    pty.wait_for("RAIN 1 of 1");
    pty.send(b"\r"); // start the rain
    pty.wait_for("COMBO");
    pty.send(b"dfjk");
}

/// In the shop: `a` adds the selected item; the cart shows it.
fn add_to_cart(pty: &Pty) {
    pty.send(b"a");
    pty.wait_for("Cart (1 lines)");
}

/// The rain ends on its own; then go shopping and skip the big screen,
/// until the shop is up.
fn skip_to_the_shop(pty: &Pty) {
    let start = Instant::now();
    loop {
        let s = pty.screen();
        if s.contains("Stores") {
            break;
        }
        if s.contains("RAIN OVER") {
            pty.send(b"s");
        } else if s.contains("HAS BEGUN") {
            pty.send(b"x");
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "never reached the shop:\n{s}"
        );
        thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn title_menu_help_and_quit_with_q() {
    let mut pty = Pty::spawn(80, 24, &[]);
    pty.wait_for("How to play");
    pty.assert_raw();
    // Navigate: down twice → High scores, Enter.
    pty.send(b"\x1b[B\x1b[B\r");
    pty.wait_for("no scores yet");
    pty.send(b"?");
    pty.wait_for("HELP");
    pty.send(b"?");
    pty.wait_until("help to close", |s| !s.contains("HELP"));
    // Esc is ambiguous alone; the app waits for it like any other key.
    pty.send(b"\x1b");
    pty.wait_for("How to play");
    pty.quit_with(b"q");
}

#[test]
fn how_to_play_and_language_toggle_at_120x36() {
    let mut pty = Pty::spawn(120, 36, &[]);
    pty.wait_for("How to play");
    pty.send(b"2");
    pty.wait_for("HOW TO PLAY");
    pty.send(b"\x1b[C");
    pty.wait_for("page 2 of 2");
    pty.send(b"l");
    pty.wait_for("玩法说明");
    pty.quit_with(b"\x03"); // Ctrl-C
}

#[test]
fn resize_below_minimum_and_back() {
    let mut pty = Pty::spawn(80, 24, &[]);
    pty.wait_for("How to play");
    pty.resize(60, 20);
    pty.wait_for("now 60 × 20");
    pty.resize(20, 6);
    pty.wait_for("now 20×6");
    pty.resize(120, 36);
    pty.wait_for("How to play");
    pty.quit_with(b"\x03");
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut pty = Pty::spawn(80, 24, &[]);
    pty.wait_for("How to play");
    let pid = pty.child.process_id().expect("pid");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
    pty.wait_exit();
    pty.assert_restored();
}

#[test]
fn no_terminal_prints_one_line_and_exits_1() {
    common::fails_in_one_line(
        common::double11().env("DOUBLE11_SAVE_DIR", std::env::temp_dir()),
        "double11 needs an interactive terminal",
    );
}

#[test]
fn tutorial_by_keys_until_the_shop() {
    let mut pty = Pty::spawn(120, 36, &["--seed", "7"]);
    pty.wait_for("How to play");
    pty.send(b"\r"); // Play → level select
    pty.wait_for("Tutorial");
    pty.send(b"\r"); // start the tutorial: the rain card
    start_rain(&pty);
    pty.send(b"s"); // skip (ignored while the rain falls)
    skip_to_the_shop(&pty);
    add_to_cart(&pty);
    pty.send(b"q");
    pty.wait_for("QUIT THIS FESTIVAL?");
    pty.send(b"y");
    pty.wait_for("How to play");
    pty.quit_with(b"q");
}

/// The whole tutorial by keys, from `--level tutorial --seed 7`: a rain, the
/// opening, the shop, a checkout through the receipt, the clock to midnight
/// and the results; then quit and check the terminal is restored.
#[test]
fn tutorial_by_keys_to_the_results() {
    let mut pty = Pty::spawn(120, 36, &["play", "--level", "tutorial", "--seed", "7"]);
    start_rain(&pty);
    skip_to_the_shop(&pty);
    // The big day clock and the item details are on screen.
    let s = pty.wait_for("to midnight");
    assert!(s.contains("Item") && s.contains("Wishlist"), "{s}");
    add_to_cart(&pty);
    pty.send(b"c");
    pty.wait_for("CHECKOUT");
    pty.send(b"\r");
    pty.wait_for("paid");
    // The clock runs to midnight (the tutorial's day is 90 s).
    let start = Instant::now();
    let s = loop {
        let s = pty.screen();
        if s.contains("MIDNIGHT") && s.contains("RANK") {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(150),
            "never reached midnight:\n{s}"
        );
        thread::sleep(Duration::from_millis(250));
    };
    assert!(s.contains("Best plan for your wishlist"), "{s}");
    assert!(s.contains("You bought 1 item in 1 checkout"), "{s}");
    // The first score on an empty table: the name card. Type, Enter.
    pty.wait_for("NEW HIGH SCORE");
    pty.send("Li 李".as_bytes());
    pty.wait_for("your name: Li 李");
    pty.send(b"\r");
    pty.wait_for("1st on the table");
    pty.send(b"q");
    pty.wait_for("How to play");
    pty.quit_with(b"q");
    // `double11 scores` lists it (its replay was written).
    let out = common::double11()
        .args(["scores", "--level", "tutorial.toml"])
        .env("DOUBLE11_SAVE_DIR", pty.dir.path())
        .output()
        .expect("run double11 scores");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Li 李"), "{text}");
}

/// Save and quit mid-day with `q`, start again, resume: the day goes on
/// from the same clock, with the same cart.
#[test]
fn save_and_quit_mid_day_then_resume() {
    let dir = tempfile::tempdir().expect("temp dir");
    let save = dir.path().to_path_buf();
    let mut pty = Pty::spawn_in(
        dir,
        120,
        36,
        &["play", "--level", "tutorial", "--seed", "7"],
    );
    start_rain(&pty);
    skip_to_the_shop(&pty);
    add_to_cart(&pty);
    pty.send(b"q");
    pty.wait_for("Save and quit");
    let s = pty.screen();
    let clock = day_clock(&s).expect("the HUD shows the day clock");
    pty.send(b"s");
    let title = pty.wait_for("Resume Tutorial");
    assert!(title.contains(&format!("11.11 DAY {clock}")), "{title}");
    assert!(save.join("suspended.json").exists());
    pty.quit_with(b"q");
    let dir = pty.dir;

    // Start again: Resume is first; Enter resumes under the pause card.
    let mut pty = Pty::spawn_in(dir, 120, 36, &[]);
    pty.wait_for(&format!("Resume Tutorial · 11.11 DAY {clock}"));
    pty.send(b"\r");
    let s = pty.wait_for("PAUSED");
    assert!(s.contains(&format!("11.11 DAY {clock}")), "{s}");
    assert!(s.contains("Cart (1 lines)"), "{s}");
    pty.send(b"\r");
    pty.wait_until("the day to go on", |s| {
        day_clock(s).is_some_and(|c| c.as_str() > clock.as_str()) && !s.contains("PAUSED")
    });
    pty.quit_with(b"\x03");
}

/// `HH:MM` after `11.11 DAY ` on the screen.
fn day_clock(screen: &str) -> Option<String> {
    let at = screen.find("11.11 DAY ")? + "11.11 DAY ".len();
    screen.get(at..at + 5).map(str::to_string)
}
