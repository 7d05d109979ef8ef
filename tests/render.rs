//! Every screen drawn into a `TestBackend` and snapshotted (insta), at 80×24
//! and 120×40, in colour and mono; plus key flows through `App` with
//! synthetic events (no terminal).

mod common;

use std::time::{Duration, Instant};

use common::app::{
    app, ch_at, ctrl_c, drawn, event_at, key_event, press_at, screen_text, terminal,
};
use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use double11::app::settings::Settings;
use double11::app::state::{App, Options, Overlay, Screen};
use double11::game::Phase;
use double11::ui::text::Lang;

fn key_kind(code: KeyCode, kind: KeyEventKind) -> Event {
    key_event(code, KeyModifiers::NONE, kind)
}

/// A key event of `kind`, now.
fn hit(app: &mut App, code: KeyCode, kind: KeyEventKind) {
    app.handle(&key_kind(code, kind), Instant::now());
}

fn press(app: &mut App, code: KeyCode) {
    hit(app, code, KeyEventKind::Press);
}

fn ch(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

/// Types `keys` on the app: `\u{1b}` is Esc, `→` Right, `↓` Down, any other
/// character itself.
fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        match c {
            '\u{1b}' => press(app, KeyCode::Esc),
            '→' => press(app, KeyCode::Right),
            '↓' => press(app, KeyCode::Down),
            c => ch(app, c),
        }
    }
}

/// A fresh `w`×`h` app after `typed` keys.
fn app_after(w: u16, h: u16, typed: &str) -> App {
    let mut a = app(w, h);
    keys(&mut a, typed);
    a
}

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(name, terminal(app).backend());
}

/// Builds an app at each size, types `typed` ([`keys`]), snapshots it.
fn snap_sizes(name: &str, typed: &str) {
    for (w, h) in [(80, 24), (120, 40)] {
        snap(&format!("{name}_{w}x{h}"), &app_after(w, h, typed));
    }
}

#[test]
fn title() {
    snap_sizes("title", "");
}

#[test]
fn title_chinese() {
    snap_sizes("title_zh", "l");
}

#[test]
fn howto_pages() {
    snap_sizes("howto_1", "2");
    snap_sizes("howto_2", "2→");
}

#[test]
fn scores_empty() {
    snap_sizes("scores", "3");
    assert!(screen_text(&app_after(80, 24, "3")).contains("no scores yet"));
}

#[test]
fn settings_screen() {
    snap_sizes("settings", "4↓");
}

#[test]
fn help_overlay_over_title() {
    snap_sizes("help_title", "?");
}

#[test]
fn levels_screen() {
    snap_sizes("levels", "1");
}

#[test]
fn mono_variants() {
    // Snapshots ignore colour, so check the mono theme by style: no colour
    // anywhere, and the selected entry still reads by reverse video.
    let a = App::new(
        Settings::default(),
        &Options {
            mono: true,
            ..Options::default()
        },
        (80, 24),
    );
    snap("title_mono_80x24", &a);
    let term = terminal(&a);
    let buf = term.backend().buffer();
    for cell in buf.content() {
        assert_eq!(
            cell.fg,
            ratatui::style::Color::Reset,
            "mono draws no colour"
        );
    }
    let reversed = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
        .count();
    assert!(reversed > 80, "HUD and selection are reverse video");
}

#[test]
fn too_small_at_any_size() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (20, 6),
        (52, 14),
        (79, 23),
        (79, 24),
        (80, 23),
    ] {
        let a = app(w, h);
        assert!(a.too_small());
        drawn(w, h, |f| double11::ui::draw(f, &a)); // never panics
    }
    snap("too_small_79x23", &app(79, 23));
    snap("too_small_52x14", &app(52, 14));
    snap("too_small_20x6", &app(20, 6));
    for (w, h) in [(80, 24), (200, 60)] {
        let a = app(w, h);
        assert!(!a.too_small());
        assert!(!screen_text(&a).contains("Enlarge"));
    }
    assert!(screen_text(&app(79, 23)).contains("Enlarge the window to 80 × 24"));
}

#[test]
fn every_screen_at_every_size_never_panics() {
    let screens = ["", "1", "2", "3", "4", "?", "2→"];
    for (w, h) in [
        (0, 0),
        (1, 1),
        (79, 23),
        (80, 24),
        (81, 25),
        (200, 60),
        (300, 100),
    ] {
        for s in screens {
            let _ = screen_text(&app_after(w, h, s));
        }
    }
}

#[test]
fn resize_goes_too_small_and_back() {
    let mut a = app(80, 24);
    a.handle(&Event::Resize(60, 20), Instant::now());
    assert!(screen_text(&a).contains("now 60 × 20"));
    a.handle(&Event::Resize(80, 24), Instant::now());
    assert!(screen_text(&a).contains("How to play"));
}

#[test]
fn menu_navigation_by_keys() {
    let mut a = app(80, 24);
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Down);
    assert_eq!(a.title_sel, 2);
    press(&mut a, KeyCode::Up);
    ch(&mut a, 'k');
    assert_eq!(a.title_sel, 0);
    ch(&mut a, 'j');
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.screen, Screen::HowTo { page: 0 });
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.screen, Screen::Title);
    ch(&mut a, '4');
    assert_eq!(a.screen, Screen::Settings);
    press(&mut a, KeyCode::Esc);
    ch(&mut a, '5');
    assert!(a.quit, "Quit entry quits");
}

#[test]
fn release_events_are_ignored() {
    let mut a = app(80, 24);
    a.dirty = false;
    hit(&mut a, KeyCode::Down, KeyEventKind::Release);
    assert_eq!(a.title_sel, 0);
    assert!(!a.dirty, "a release draws nothing");
}

#[test]
fn repeat_navigates_menus() {
    let mut a = app(80, 24);
    for _ in 0..3 {
        hit(&mut a, KeyCode::Down, KeyEventKind::Repeat);
    }
    assert_eq!(a.title_sel, 3);
    hit(&mut a, KeyCode::Enter, KeyEventKind::Repeat);
    assert_eq!(a.screen, Screen::Title, "a held Enter does not select");
}

#[test]
fn ctrl_c_quits_from_every_screen() {
    for p in ["", "1", "2", "3", "4", "?"] {
        let mut a = app_after(80, 24, p);
        assert!(!a.quit);
        a.handle(&ctrl_c(), Instant::now());
        assert!(a.quit);
    }
    // also when too small
    let mut a = app(10, 5);
    a.handle(&ctrl_c(), Instant::now());
    assert!(a.quit);
}

#[test]
fn help_opens_over_any_screen_and_esc_closes() {
    for p in ['1', '2', '3', '4'] {
        let mut a = app(80, 24);
        ch(&mut a, p);
        let below = a.screen;
        ch(&mut a, '?');
        assert_eq!(a.top_overlay(), Some(Overlay::Help));
        press(&mut a, KeyCode::Esc);
        assert_eq!(a.top_overlay(), None);
        assert_eq!(a.screen, below, "Esc closes help only");
    }
}

#[test]
fn language_toggle_and_lang_option() {
    let mut a = app(80, 24);
    ch(&mut a, 'l');
    assert_eq!(a.settings.lang, Lang::Zh);
    assert!(screen_text(&a).contains("开始游戏"));
    let b = App::new(
        Settings::default(),
        &Options {
            lang: Some(Lang::Zh),
            ..Options::default()
        },
        (80, 24),
    );
    assert_eq!(b.settings.lang, Lang::Zh);
}

#[test]
fn menus_need_no_wakeups() {
    let mut a = app(80, 24);
    assert_eq!(a.deadline(), None);
    ch(&mut a, '4');
    assert_eq!(a.deadline(), None);
    a.advance(Instant::now() + Duration::from_secs(60));
}

#[test]
fn settings_change_and_cycle() {
    let mut a = app(80, 24);
    ch(&mut a, '4');
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Right);
    assert_eq!(a.settings.preset, double11::app::keymap::LanePreset::Arrows);
    assert_eq!(a.store.profile().settings.lane_keys, "arrows");
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    assert!(!a.settings.colour);
    assert_eq!(a.theme, double11::ui::Theme::mono());
}

fn key_at(app: &mut App, code: KeyCode, kind: KeyEventKind, at: Instant) {
    event_at(app, &key_kind(code, kind), at);
}

/// The tutorial with a fixed seed, started from the command line.
fn tutorial(w: u16, h: u16) -> App {
    common::app::tutorial(None, (w, h))
}

/// Plays the tutorial by keys at made-up times, snapshotting each phase.
fn play_through(w: u16, h: u16, mono: bool) {
    let t0 = Instant::now();
    let s = |secs: f64| t0 + Duration::from_secs_f64(secs);
    let mut a = tutorial(w, h);
    if mono {
        common::app::mono(&mut a);
    }
    let tag = if mono { "_mono" } else { "" };
    a.advance(s(0.0));
    assert_eq!(a.screen, Screen::Playing);
    snap(&format!("play_rain_intro{tag}_{w}x{h}"), &a);
    press_at(&mut a, KeyCode::Enter, s(0.5));
    a.advance(s(4.0));
    for (i, c) in "dfjk".chars().enumerate() {
        ch_at(&mut a, c, s(4.0 + i as f64 * 0.05));
    }
    a.advance(s(4.5));
    snap(&format!("play_rain{tag}_{w}x{h}"), &a);
    a.advance(s(30.0));
    snap(&format!("play_rain_over{tag}_{w}x{h}"), &a);
    ch_at(&mut a, 's', s(31.0));
    snap(&format!("play_opening{tag}_{w}x{h}"), &a);
    ch_at(&mut a, 'x', s(31.5));
    ch_at(&mut a, 'a', s(32.0));
    press_at(&mut a, KeyCode::Down, s(32.2));
    ch_at(&mut a, 'a', s(32.4));
    snap(&format!("play_shop{tag}_{w}x{h}"), &a);
    ch_at(&mut a, 'c', s(33.0));
    snap(&format!("play_receipt{tag}_{w}x{h}"), &a);
    press_at(&mut a, KeyCode::Enter, s(33.5));
    a.advance(s(200.0));
    snap(&format!("play_results{tag}_{w}x{h}"), &a);
}

#[test]
fn play_screens() {
    play_through(80, 24, false);
    play_through(120, 40, false);
    play_through(80, 24, true);
}

#[test]
fn q_mid_game_asks_first_and_repeat_never_catches() {
    let t0 = Instant::now();
    let mut a = tutorial(80, 24);
    a.advance(t0);
    press_at(&mut a, KeyCode::Enter, t0);
    let misses = |a: &App| {
        a.play
            .as_ref()
            .map(|p| p.game.rain().map_or(0, |r| r.miss_presses))
    };
    let before = misses(&a);
    key_at(
        &mut a,
        KeyCode::Char('d'),
        KeyEventKind::Repeat,
        t0 + Duration::from_millis(100),
    );
    let after = misses(&a);
    assert_eq!(before, after, "a held lane key does nothing");
    ch(&mut a, 'q');
    assert_eq!(a.top_overlay(), Some(Overlay::ConfirmQuit));
    assert!(a.deadline().is_none(), "the clock stops under the card");
    ch(&mut a, 'n');
    assert_eq!(a.top_overlay(), None);
    ch(&mut a, 'q');
    ch(&mut a, 'y');
    assert_eq!(a.screen, Screen::Title);
    assert!(!a.quit);
}

#[test]
fn pause_stops_the_clock_and_too_small_auto_pauses() {
    let t0 = Instant::now();
    let s = |secs: u64| t0 + Duration::from_secs(secs);
    let mut a = tutorial(80, 24);
    a.advance(t0);
    press_at(&mut a, KeyCode::Enter, t0);
    a.advance(s(2));
    let tick = |a: &App| a.play.as_ref().map_or(0, |p| p.game.tick());
    let t2 = tick(&a);
    assert_eq!(t2, 120);
    ch_at(&mut a, 'p', s(2));
    a.advance(s(10));
    assert_eq!(tick(&a), t2, "paused: no ticks");
    ch_at(&mut a, 'p', s(10));
    a.advance(s(11));
    assert_eq!(tick(&a), t2 + 60, "resumed and re-anchored");
    a.handle(&Event::Resize(60, 20), s(11));
    a.advance(s(20));
    assert_eq!(tick(&a), t2 + 60, "too small: paused");
    a.handle(&Event::Resize(80, 24), s(20));
    a.advance(s(21));
    assert_eq!(tick(&a), t2 + 120);
}

/// Runs the loop's bookkeeping for `secs` seconds with no input, as the real
/// loop would (wake at the deadline, advance, draw if a frame is due);
/// returns (frames drawn, wakeups).
fn idle_for(a: &mut App, from: Instant, secs: u64) -> (u64, u64) {
    let before = a.frames;
    let mut wakeups = 0;
    let end = from + Duration::from_secs(secs);
    let mut now = from;
    while now < end {
        match a.deadline() {
            // Nothing scheduled: the loop blocks on input, which never comes.
            None => break,
            Some(at) => {
                wakeups += 1;
                now = at.max(now + Duration::from_micros(1));
                a.advance(now);
                a.take_frame();
            }
        }
    }
    (a.frames - before, wakeups)
}

#[test]
fn idle_menus_pause_and_results_draw_nothing_and_never_wake() {
    let t0 = Instant::now();
    // Menus: title, how to play, level select, scores, settings.
    let mut a = app(120, 40);
    a.take_frame();
    for typed in ["", "2", "\u{1b}3", "\u{1b}4", "\u{1b}5"] {
        keys(&mut a, typed);
        a.take_frame();
        assert_eq!(a.deadline(), None, "menu {:?}", a.screen);
        assert_eq!(idle_for(&mut a, t0, 600), (0, 0), "menu {:?}", a.screen);
    }
    // Pause mid-rain.
    let mut a = tutorial(120, 40);
    a.advance(t0);
    press_at(&mut a, KeyCode::Enter, t0);
    assert!(a.deadline().is_some(), "the rain runs");
    ch_at(&mut a, 'p', t0);
    a.take_frame();
    assert_eq!(a.deadline(), None);
    assert_eq!(idle_for(&mut a, t0, 600), (0, 0), "paused");
    // Results.
    ch_at(&mut a, 'p', t0);
    ch_at(&mut a, 's', t0);
    let mut t = t0;
    while a.play.as_ref().is_some_and(|p| !p.game.is_over()) {
        t += Duration::from_secs(5);
        ch_at(&mut a, 's', t);
    }
    a.take_frame();
    assert_eq!(a.deadline(), None, "results");
    assert_eq!(idle_for(&mut a, t, 600), (0, 0), "results");
    // While the day runs, frames follow the deadlines (about one per change).
    let mut b = tutorial(120, 40);
    b.advance(t0);
    ch_at(&mut b, 's', t0);
    b.take_frame();
    let (frames, wakeups) = idle_for(&mut b, t0, 2);
    assert!(
        frames > 0 && frames <= wakeups,
        "{frames} frames, {wakeups} wakeups"
    );
}

/// 2017 from the command line (seed 3, the rest from `o`) at `size`,
/// past the rain card and the opening (`s`, `x` at `t0`).
fn start_2017(o: Options, size: (u16, u16), t0: Instant) -> App {
    let o = Options {
        level: Some("2017".into()),
        seed: Some(3),
        ..o
    };
    let mut a = App::new(Settings::default(), &o, size);
    a.advance(t0);
    ch_at(&mut a, 's', t0);
    ch_at(&mut a, 'x', t0);
    a
}

/// 2017 from the command line, into the day: the runway show is on.
fn festival_2017(w: u16, h: u16, mono: bool) -> (App, Instant) {
    let t0 = Instant::now();
    let o = Options {
        mono,
        ..Options::default()
    };
    let mut a = start_2017(o, (w, h), t0);
    a.advance(t0 + Duration::from_millis(700));
    (a, t0 + Duration::from_millis(700))
}

#[test]
fn runway_and_last_hour_screens() {
    for (w, h, mono) in [(80, 24, false), (120, 40, false), (80, 24, true)] {
        let tag = if mono { "_mono" } else { "" };
        let (mut a, t) = festival_2017(w, h, mono);
        assert!(a.play.as_ref().is_some_and(|p| p.game.day().show.is_some()));
        snap(&format!("play_runway{tag}_{w}x{h}"), &a);
        // Skip the show, then run the clock into the last hour (skipping the
        // 22:00 rain's card).
        ch_at(&mut a, 's', t);
        let mut now = t;
        while a
            .play
            .as_ref()
            .is_some_and(|p| p.game.clock_time().minutes() < 23 * 60 + 30)
        {
            now += Duration::from_millis(500);
            a.advance(now);
            // `s` on the rain card goes back to the shop (in the shop it
            // would skip ahead to the next event).
            if a.play.as_ref().is_some_and(|p| p.phase() != Phase::Day) {
                ch_at(&mut a, 's', now);
            }
        }
        let text = screen_text(&a);
        assert!(text.contains("LAST HOUR") || w < 100, "{text}");
        snap(&format!("play_last_hour{tag}_{w}x{h}"), &a);
    }
}

#[test]
fn shop_in_chinese_and_refused_checkout() {
    let t0 = Instant::now();
    let o = Options {
        lang: Some(Lang::Zh),
        ..Options::default()
    };
    let mut a = start_2017(o, (120, 40), t0);
    // `s` skips ahead: to the show at 00:00, then to its end.
    ch_at(&mut a, 's', t0);
    ch_at(&mut a, 's', t0);
    // Fill the cart past cash + credit: the checkout is refused. (The qipao
    // that walked the runway now heads Harbour Silk's list: ↓ to the scarf.)
    press_at(&mut a, KeyCode::Down, t0);
    for _ in 0..40 {
        ch_at(&mut a, 'a', t0);
    }
    snap("play_shop_zh_120x40", &a);
    ch_at(&mut a, 'c', t0);
    press_at(&mut a, KeyCode::Enter, t0);
    snap("play_refused_zh_120x40", &a);
}

/// 2017 played by the greedy bot (seed 3): the level, the bot's inputs and
/// the festival at midnight.
fn greedy_2017() -> (
    double11::level::Level,
    Vec<(u64, double11::game::Input)>,
    double11::game::GameState,
) {
    use double11::bot::{BotKind, run_with};
    let level = double11::level::load_shipped("2017.toml")
        .expect("shipped")
        .expect("valid");
    let mut inputs = Vec::new();
    let mut bot = BotKind::Greedy.make(3);
    let end = run_with(&level, 3, bot.as_mut(), |t, i| inputs.push((t, i.clone())));
    (level, inputs, end)
}

/// `state` on screen in a 2017 app at `size` (cart figures worked out).
fn showing(state: double11::game::GameState, o: Options, size: (u16, u16)) -> App {
    let mut a = start_2017(o, size, Instant::now());
    a.play.as_mut().expect("playing").set_game(state);
    a
}

/// 2017 after the greedy bot's warm-up: a wallet of more rain envelopes
/// than one checkout can take (over 10), the cart on the checkout review. The envelopes past the limit
/// of 10 and those below their minimum are summed up, not listed one by one.
#[test]
fn review_with_a_wallet_of_rain_envelopes() {
    use double11::game::{self, Input};
    let (level, inputs, _) = greedy_2017();
    let cut = inputs
        .iter()
        .position(|(_, i)| *i == Input::Checkout)
        .expect("the greedy bot checks out");
    let mut state = game::simulate_inputs(&level, 3, &inputs[..cut]);
    game::update(&mut state, game::Event::Input(Input::Checkout));
    assert!(state.envelopes().len() > 10, "{}", state.envelopes().len());
    for (w, h) in [(80, 24), (120, 40)] {
        let a = showing(state.clone(), Options::default(), (w, h));
        snap(&format!("play_review_many_envelopes_{w}x{h}"), &a);
        let text = screen_text(&a);
        assert!(!text.contains("EnvelopeLimit"), "{text}");
    }
    let zh = Options {
        lang: Some(Lang::Zh),
        ..Options::default()
    };
    snap(
        "play_review_many_envelopes_zh_120x40",
        &showing(state, zh, (120, 40)),
    );
}

/// 2017's midnight after the greedy bot's festival: over ten rain
/// envelopes expired, noted by why; the checkout times; the best plan.
#[test]
fn results_after_a_festival_of_rain_envelopes() {
    let (_, _, state) = greedy_2017();
    let r = state.results().expect("the festival ended");
    assert!(r.expired.len() > 10, "{}", r.expired.len());
    for (w, h) in [(80, 24), (120, 40)] {
        let a = showing(state.clone(), Options::default(), (w, h));
        snap(&format!("play_results_2017_{w}x{h}"), &a);
    }
}

/// `b` at midnight opens the best plan for the wishlist; Esc closes it.
#[test]
fn the_wishlist_best_plan_card_at_midnight() {
    let (_, _, state) = greedy_2017();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = showing(state.clone(), Options::default(), (w, h));
        let t = Instant::now();
        // The first score on an empty table asks for a name first.
        a.advance(t);
        assert!(a.name_entry().is_some());
        press_at(&mut a, KeyCode::Esc, t);
        ch_at(&mut a, 'b', t);
        assert_eq!(a.top_overlay(), Some(Overlay::WishlistPlan));
        snap(&format!("play_results_best_plan_{w}x{h}"), &a);
        press_at(&mut a, KeyCode::Esc, t);
        assert_eq!(a.top_overlay(), None);
    }
}

/// `a`'s festival played to midnight by the greedy bot (seed 1), the name
/// card passed with Esc (keeping the profile name).
fn greedy_to_midnight(mut a: App, t: Instant) -> App {
    use double11::bot::{BotKind, run_with};
    a.advance(t);
    let level = a.play.as_ref().expect("playing").game.level().clone();
    let mut bot = BotKind::Greedy.make(1);
    let end = run_with(&level, 1, bot.as_mut(), |_, _| {});
    a.play.as_mut().expect("playing").set_game(end);
    a.advance(t);
    press_at(&mut a, KeyCode::Esc, t);
    a
}

/// `n` at midnight starts the next festival (the tutorial opens 2009); on the
/// last one there is no next and `n` does nothing.
#[test]
fn next_festival_from_midnight() {
    let t = Instant::now();
    let mut a = greedy_to_midnight(tutorial(120, 40), t);
    assert!(a.next_festival().is_some());
    assert!(
        screen_text(&a).contains("N next festival"),
        "{}",
        screen_text(&a)
    );
    ch_at(&mut a, 'n', t);
    let play = a.play.as_ref().expect("the next festival");
    assert_eq!(play.level_name, "2009.toml");
    assert!(!play.game.is_over());
    assert_eq!(a.screen, Screen::Playing);

    let o = Options {
        level: Some("2022".into()),
        seed: Some(1),
        ..Options::default()
    };
    let mut a = greedy_to_midnight(App::new(Settings::default(), &o, (120, 40)), t);
    assert_eq!(a.next_festival(), None, "2022 is the last festival");
    ch_at(&mut a, 'n', t);
    assert!(a.play.as_ref().is_some_and(|p| p.game.is_over()));
    assert!(!screen_text(&a).contains("next festival"));
}
