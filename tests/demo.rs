//! Attract mode and on-screen replays without a terminal: the demo state
//! machine driven with synthetic keys and made-up `Instant`s (no sleeping),
//! hours of unattended demo with the memory measured, the caption drawn
//! into a `TestBackend` (insta), and a replay played to its end on screen.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::{Duration, Instant};

use common::app::{app, drawn, key_press};
#[cfg(unix)]
use common::pty::Pty;
use crossterm::event::{Event, KeyCode, KeyModifiers};
use double11::app::demo::{DemoApp, IDLE, Mode};
use double11::app::replay_view::ReplayView;
use double11::app::screen_loop::Model;
use double11::app::state::{Overlay, Screen};
use double11::bot::{BotKind, Demo, run_festival};
use double11::replay::Replay;

/// Counts the bytes this thread holds on the heap, so a test can see
/// growth without other tests' threads in the figure.
struct Counting;

thread_local! {
    static LIVE: Cell<i64> = const { Cell::new(0) };
}

fn count(delta: i64) {
    let _ = LIVE.try_with(|l| l.set(l.get() + delta));
}

fn live_bytes() -> i64 {
    LIVE.with(Cell::get)
}

fn size_of(layout: Layout) -> i64 {
    i64::try_from(layout.size()).unwrap_or(i64::MAX)
}

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counter only observes sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(size_of(layout));
        // SAFETY: same contract as ours.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-size_of(layout));
        // SAFETY: same contract as ours.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(size_of(layout));
        // SAFETY: same contract as ours.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(i64::try_from(new_size).unwrap_or(i64::MAX) - size_of(layout));
        // SAFETY: same contract as ours.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn demo_app(bot: BotKind, size: (u16, u16), t0: Instant) -> DemoApp {
    let app = app(size.0, size.1);
    let demo = Demo::new(Demo::shipped_levels(), bot, 1).expect("shipped levels");
    DemoApp::new(app, demo, bot, t0)
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    key_press(code, mods)
}

fn ch(c: char) -> Event {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// Runs the loop's model to `until` the way the loop does: wake at each
/// deadline, advance.
fn run_until(d: &mut impl Model, until: Instant) {
    loop {
        let at = d.deadline().map_or(until, |a| a.min(until));
        d.advance(at);
        d.take_frame();
        if at >= until {
            return;
        }
    }
}

#[test]
fn any_key_hands_over_to_the_title_and_an_idle_minute_returns() {
    let t0 = Instant::now();
    let mut d = demo_app(BotKind::Planner, (120, 36), t0);
    run_until(&mut d, t0 + secs(5));
    assert_eq!(d.mode(), Mode::Demo);
    let played = d.ticks();
    assert!(played >= 5 * 60, "the demo plays with wall time: {played}");
    d.handle(&ch('x'), t0 + secs(5));
    assert_eq!(d.mode(), Mode::Person);
    assert_eq!(d.app.screen, Screen::Title, "the person gets the title");
    assert_eq!(d.handovers(), 1);
    assert!(d.take_frame(), "the title is drawn at once");
    // Idle on the title: the deadline is the idle minute.
    assert_eq!(d.deadline(), Some(t0 + secs(5) + IDLE));
    // A key on a menu restarts the minute.
    d.handle(&key(KeyCode::Down, KeyModifiers::NONE), t0 + secs(30));
    d.advance(t0 + secs(65));
    assert_eq!(d.mode(), Mode::Person);
    run_until(&mut d, t0 + secs(89));
    assert_eq!(d.mode(), Mode::Person);
    run_until(&mut d, t0 + secs(90));
    assert_eq!(d.mode(), Mode::Demo, "a minute idle returns to the demo");
    assert_eq!(d.app.screen, Screen::Title);
    assert_eq!(d.ticks(), played, "the demo stood still meanwhile");
    run_until(&mut d, t0 + secs(91));
    assert!(d.ticks() > played, "and goes on");
}

#[test]
fn no_return_mid_game_and_the_results_are_kept() {
    let t0 = Instant::now();
    let mut d = demo_app(BotKind::Greedy, (120, 36), t0);
    d.handle(&ch(' '), t0);
    // Play → level select → the tutorial.
    d.handle(&key(KeyCode::Enter, KeyModifiers::NONE), t0 + secs(1));
    assert_eq!(d.app.screen, Screen::Levels);
    d.handle(&key(KeyCode::Enter, KeyModifiers::NONE), t0 + secs(2));
    assert_eq!(d.app.screen, Screen::Playing);
    assert!(d.mid_game());
    // The person walks away on the rain card, then pauses: still theirs.
    run_until(&mut d, t0 + secs(600));
    assert_eq!(d.mode(), Mode::Person);
    d.handle(&ch('p'), t0 + secs(600));
    assert_eq!(d.app.top_overlay(), Some(Overlay::Pause));
    run_until(&mut d, t0 + secs(3_600));
    assert_eq!(
        d.mode(),
        Mode::Person,
        "a paused festival is never taken away"
    );
}

#[test]
fn q_and_ctrl_c_quit_the_demo_at_once() {
    let t0 = Instant::now();
    let mut d = demo_app(BotKind::Random, (80, 24), t0);
    run_until(&mut d, t0 + secs(3));
    d.handle(&ch('q'), t0 + secs(3));
    assert!(d.quit(), "q quits without a question");
    let mut d = demo_app(BotKind::Random, (80, 24), t0);
    d.handle(&key(KeyCode::Char('c'), KeyModifiers::CONTROL), t0);
    assert!(d.quit());
    // Once the person has the game, q is the game's own (quit from the title).
    let mut d = demo_app(BotKind::Random, (80, 24), t0);
    d.handle(&ch('a'), t0);
    assert!(!d.quit());
    d.handle(&ch('q'), t0 + secs(1));
    assert!(d.quit());
    // SIGTERM in the demo: quit.
    let mut d = demo_app(BotKind::Random, (80, 24), t0);
    d.terminate(t0);
    assert!(d.quit());
}

#[test]
fn the_demo_loop_sleeps_until_something_changes() {
    let t0 = Instant::now();
    let mut d = demo_app(BotKind::Planner, (120, 36), t0);
    let mut wakes = 0;
    let mut frames = 0;
    let mut now = t0;
    while now < t0 + secs(120) {
        let at = d.deadline().expect("the demo always has a next change");
        assert!(at > now || wakes == 0, "deadlines move forward");
        now = at;
        d.advance(now);
        frames += u32::from(d.take_frame());
        wakes += 1;
    }
    // Two minutes at 60 ticks/s would be 7,200 wakes if it stepped every
    // tick; it wakes only at changes, and draws at most once per wake.
    assert!(wakes < 7_200, "{wakes} wakes in two minutes");
    assert!(frames <= wakes);
    assert!(frames >= 240, "the stars pulse at 1 Hz: {frames} frames");
}

#[test]
fn ten_thousand_unattended_minutes_without_growth() {
    let t0 = Instant::now();
    let mut d = demo_app(BotKind::Planner, (120, 36), t0);
    let minutes = 10_000u64;
    let (mut early_peak, mut late_peak) = (0, 0);
    let mut peak_inputs = 0;
    let mut now = t0;
    for minute in 1..=minutes {
        let until = t0 + secs(minute * 60);
        // Every 500 minutes somebody presses a key and walks away.
        if minute % 500 == 0 {
            d.handle(&ch('x'), now);
            assert_eq!(d.mode(), Mode::Person);
        }
        while now < until {
            now = d.deadline().map_or(until, |a| a.min(until));
            d.advance(now);
            d.take_frame();
        }
        assert!(!d.quit());
        peak_inputs = peak_inputs.max(d.demo().recorder().inputs().len());
        assert!(d.app.overlays.is_empty() && d.app.notices.is_empty());
        assert!(d.app.play.is_none());
        // The heap held, at its highest, early on (once every level has
        // been played) and at the end: many festivals apart.
        let live = live_bytes();
        if (200..=2_000).contains(&minute) {
            early_peak = early_peak.max(live);
        } else if minute > minutes - 1_800 {
            late_peak = late_peak.max(live);
        }
    }
    let played = d.demo().festivals_played();
    assert!(played > 100, "{played} festivals in {minutes} minutes");
    assert_eq!(d.handovers(), minutes / 500);
    assert!(
        late_peak <= early_peak + 16 * 1024,
        "the heap grew from {early_peak} to {late_peak} bytes over {played} festivals"
    );
    // A festival's recording is bounded by the festival, not the run.
    assert!(peak_inputs < 20_000, "{peak_inputs} inputs in one festival");
    eprintln!(
        "{played} festivals; heap peak {early_peak} → {late_peak} bytes; {peak_inputs} inputs at most"
    );
}

fn snap_demo(name: &str, w: u16, h: u16) {
    let t0 = Instant::now();
    let mut d = demo_app(BotKind::Planner, (w, h), t0);
    run_until(&mut d, t0 + secs(4));
    insta::assert_snapshot!(name, drawn(w, h, |f| d.draw(f)).backend());
}

#[test]
fn demo_caption_80x24() {
    snap_demo("caption_80x24", 80, 24);
}

#[test]
fn demo_caption_120x40() {
    snap_demo("caption_120x40", 120, 40);
}

fn tutorial_replay() -> (Replay, double11::level::Level) {
    let level = double11::replay::load_level("tutorial.toml").expect("tutorial");
    let mut bot = BotKind::Greedy.make(3);
    let (_, replay) = run_festival("tutorial.toml", &level, 3, bot.as_mut());
    (replay, level)
}

#[test]
fn a_replay_on_screen_ends_in_the_state_it_runs_to() {
    let (replay, level) = tutorial_replay();
    let t0 = Instant::now();
    let app = app(120, 36);
    let mut v = ReplayView::new(app, replay.clone(), &level, t0);
    assert!(v.verified().ok());
    // Double speed, a pause, then 8×: wall time drives the ticks.
    v.handle(&ch('+'), t0);
    run_until(&mut v, t0 + secs(10));
    assert_eq!(v.player().state().tick(), 2 * 10 * 60);
    v.handle(&ch(' '), t0 + secs(10));
    assert!(v.paused() && v.deadline().is_none());
    run_until(&mut v, t0 + secs(20));
    assert_eq!(v.player().state().tick(), 2 * 10 * 60, "paused");
    v.handle(&ch(' '), t0 + secs(20));
    v.handle(&ch('+'), t0 + secs(20));
    v.handle(&ch('+'), t0 + secs(20));
    v.handle(&ch('+'), t0 + secs(20));
    assert_eq!(v.speed(), 8);
    let mut now = t0 + secs(20);
    while let Some(at) = v.deadline() {
        assert!(at >= now);
        now = at;
        v.advance(now);
        v.take_frame();
    }
    assert!(v.player().is_done());
    assert_eq!(v.player().state(), &replay.run(&level));
    assert!(v.player().state().is_over(), "the results are on screen");
    let b = v.banner();
    assert!(b.done && b.verified && b.score == replay.score);
    // The banner and the results.
    let text = format!("{:?}", drawn(120, 36, |f| v.draw(f)).backend());
    assert!(text.contains("REPLAY · Tutorial · seed 3"), "{text}");
    assert!(text.contains("✓) · END · q quit"), "{text}");
    v.handle(&ch('q'), now);
    assert!(v.quit());
}

#[test]
fn an_edited_score_is_marked() {
    let (mut replay, level) = tutorial_replay();
    replay.score += 1;
    let app = app(80, 24);
    let v = ReplayView::new(app, replay, &level, Instant::now());
    assert!(!v.verified().ok());
    assert!(!v.banner().verified);
}

#[test]
fn a_replay_whose_level_changed_is_refused_before_the_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut replay, _) = tutorial_replay();
    replay.level_hash = "0000000000000000".into();
    let file = dir.path().join("changed.json");
    replay.write(&file).expect("write replay");
    common::fails_in_one_line(
        common::double11().arg("replay").arg(&file),
        "changed since this replay was recorded",
    );
}

#[cfg(unix)]
#[test]
fn e2e_demo_in_a_pty_hands_over_and_quits() {
    let mut pty = Pty::spawn(120, 36, &["demo", "--seed", "1"]);
    pty.wait_for("DEMO · the planner bot is playing Tutorial · press any key to play");
    pty.assert_raw();
    // The bot starts the rain: envelopes fall.
    pty.wait_until("envelopes falling", |s| {
        s.contains("[¥]") || s.contains("[★]")
    });
    pty.send(b"x");
    let s = pty.wait_for("How to play");
    assert!(!s.contains("DEMO"), "{s}");
    pty.quit_with(b"q");
}

#[cfg(unix)]
#[test]
fn e2e_replay_in_a_pty_plays_to_the_results() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (replay, _) = tutorial_replay();
    let file = dir.path().join("tutorial.json");
    replay.write(&file).expect("write replay");
    let path = file.to_string_lossy().into_owned();
    let mut pty = Pty::spawn(120, 36, &["replay", &path]);
    pty.wait_for("REPLAY · Tutorial · seed 3");
    pty.send(b"+++");
    pty.wait_for("· 8× ·");
    let s = pty.wait_within("the end", Duration::from_secs(60), |s| {
        s.contains("· END ·")
    });
    assert!(s.contains("MIDNIGHT"), "{s}");
    assert!(
        s.contains(&format!("claimed ★{}", grouped(replay.score))),
        "{s}"
    );
    pty.quit_with(b"q"); // exit code 0: the claim holds
}

fn grouped(n: i64) -> String {
    double11::ui::hud::grouped(n)
}
