//! Levels end to end: every shipped level is valid, winnable and playable
//! to the results by a scripted player; the broken files of
//! `tests/fixtures/bad_levels/` each give their expected problems at their
//! exact places (`*.expected`: one `LINE:COL: message` per line, in order);
//! no input makes the loader panic; `double11 levels` and `double11 check`
//! run as the real binary.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::game::{catch_all, press};
use double11::game::{self, Event, GameState, Input, Phase};
use double11::level::{self, EventKind, Level};
use proptest::prelude::*;

fn shipped() -> Vec<(&'static str, Level)> {
    level::shipped()
        .into_iter()
        .map(|(file, text)| match Level::from_toml_str(text, file) {
            Ok(l) => (file, l),
            Err(e) => panic!("{e}"),
        })
        .collect()
}

fn levels_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("levels")
}

fn double11(args: &[&str], level_dir: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_double11"));
    cmd.args(args);
    if let Some(dir) = level_dir {
        cmd.env("DOUBLE11_LEVEL_DIR", dir);
    }
    cmd.output().expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn at_least_seven_levels_ship_one_per_year_asked_for() {
    let years: Vec<u16> = shipped().iter().map(|(_, l)| l.year).collect();
    assert!(years.len() >= 7, "{years:?}");
    for year in [2009, 2017, 2018, 2020, 2021, 2022] {
        assert!(years.contains(&year), "no {year} level: {years:?}");
    }
}

#[test]
fn every_shipped_level_is_winnable_within_its_wallet_and_budget() {
    for (file, l) in shipped() {
        assert!(!l.wishlist.is_empty(), "{file}: a wishlist");
        let (need, available) = level::wishlist_cost(&l).expect("buyable");
        assert!(need <= available, "{file}: {need} > {available}");
        assert!(
            need <= l.wallet.budget,
            "{file}: the wishlist ({need}) must fit the budget ({})",
            l.wallet.budget
        );
        assert!(
            !l.rains.is_empty() && l.envelopes.draws_per_day >= 1,
            "{file}"
        );
    }
}

#[test]
fn the_years_use_their_sourced_rules_and_claim_no_undisclosed_gmv() {
    use double11::money::Fen;
    use double11::rules::{CrossStore, Tier};
    let by_year = |y: u16| {
        let file = format!("{y}.toml");
        shipped()
            .into_iter()
            .find(|(f, _)| *f == file)
            .expect("year")
            .1
    };
    let tier = |every: i64, off: i64| Tier {
        every: Fen(every * 100),
        off: Fen(off * 100),
    };
    let l = by_year(2018);
    assert!(
        matches!(l.festival.cross_store, CrossStore::Allowance { tier: t, .. } if t == tier(400, 50))
    );
    assert_eq!(
        by_year(2020).festival.cross_store,
        CrossStore::Tiered(tier(300, 40))
    );
    assert_eq!(
        by_year(2021).festival.cross_store,
        CrossStore::Tiered(tier(200, 30))
    );
    let l = by_year(2022);
    assert_eq!(l.festival.cross_store, CrossStore::Tiered(tier(300, 50)));
    assert_eq!(l.gmv.total, None, "2022's GMV was not disclosed");
    assert_eq!(by_year(2009).gmv.total, Some(Fen(50_000_000 * 100)));
    assert_eq!(by_year(2009).festival.cross_store, CrossStore::None);
    assert!(by_year(2020).items.iter().any(|it| it.presale.is_some()));
}

/// Moves the shop cursor to `item` with the player's keys.
fn select(s: &mut GameState, l: &Level, item: usize) {
    let tab = l.store_index(&l.items[item].store).expect("store");
    press(s, Input::SearchClear);
    while s.day().store_tab != tab {
        press(s, Input::Right);
    }
    for _ in 0..100 {
        if s.day().selected_item(l) == Some(item) {
            return;
        }
        press(s, Input::Down);
    }
    panic!("{} not in the list", l.items[item].id);
}

/// The clock minute after every wishlist flash sale has opened.
fn shopping_minute(l: &Level) -> u16 {
    l.events
        .iter()
        .filter(|e| {
            e.kind == EventKind::FlashSale && e.items.iter().any(|i| l.wishlist.contains(i))
        })
        .map(|e| e.at.minutes() + 1)
        .max()
        .unwrap_or(60)
}

/// A scripted player: catches in every rain, buys runway looks from the
/// wishlist on stage, then adds the rest of the wishlist, checks out with
/// the best plan, and lets the clock run to midnight.
fn play_to_the_end(l: &Level, seed: u64) -> GameState {
    let mut s = GameState::new(l, seed);
    let wish: Vec<usize> = l.wishlist.iter().filter_map(|w| l.item_index(w)).collect();
    let at = shopping_minute(l);
    let mut shopped = false;
    while !s.is_over() {
        assert!(s.tick() < 400_000, "the festival must end");
        match *s.phase() {
            Phase::RainIntro | Phase::RainOver => press(&mut s, Input::Confirm),
            Phase::Rain => catch_all(&mut s),
            Phase::Opening => press(&mut s, Input::Skip),
            Phase::Day => {
                if let game::Overlay::Refused(r) = &s.day().overlay {
                    panic!("{}: refused {r:?}", l.name);
                }
                if let Some(item) = s.day().show.as_ref().and_then(|sh| sh.on_stage())
                    && wish.contains(&item)
                    && s.day().stock[item].player_bought == 0
                {
                    // `B` opens the checkout review; Enter pays.
                    press(&mut s, Input::BuyNow);
                    press(&mut s, Input::Confirm);
                }
                if !shopped && s.day().minute >= at {
                    shopped = true;
                    for &k in wish.iter().filter(|&&k| !l.items[k].runway) {
                        select(&mut s, l, k);
                        press(&mut s, Input::AddToCart);
                    }
                    press(&mut s, Input::Checkout);
                    press(&mut s, Input::ToggleCard);
                    press(&mut s, Input::Confirm);
                }
            }
            Phase::Results => {}
        }
        game::update(&mut s, Event::Tick);
    }
    s
}

#[test]
fn every_shipped_level_plays_to_the_results_with_the_wishlist_bought() {
    for (file, l) in shipped() {
        let s = play_to_the_end(&l, 1111);
        let r = s.results().expect("results");
        assert_eq!(r.wishlist_missed, Vec::<usize>::new(), "{file}");
        assert!(r.checkouts >= 1, "{file}");
        assert!(
            s.rains_played().iter().map(|p| p.caught).sum::<u32>() > 0,
            "{file}: caught nothing"
        );
        assert!(!r.best_plan_refused, "{file}");
        assert!(r.score.total > 0, "{file}: {:?}", r.score);
    }
}

#[test]
fn a_simulated_input_script_reaches_the_shop_of_every_level() {
    for (file, l) in shipped() {
        // Skip the warm-up, skip the opening: the shop at 00:00.
        let mut script = vec![(0, Input::Skip)];
        script.extend((1..=5).map(|t| (t, Input::Skip)));
        let s = game::simulate_inputs(&l, 7, &script);
        assert_eq!(s.phase(), &Phase::Day, "{file}");
    }
}

/// The `*.toml` files of a fixture folder, sorted.
fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_broken_level_gives_its_expected_problems_at_their_places() {
    let files = fixtures("bad_levels");
    assert!(files.len() >= 15, "{files:?}");
    for file in files {
        let expected = fs::read_to_string(file.with_extension("expected"))
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let want: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
        // The library…
        let text = fs::read_to_string(&file).expect("fixture");
        let all = Level::check_str(&text, "f.toml").expect_err("broken");
        let have: Vec<String> = all
            .iter()
            .map(|e| format!("{}:{}: {}", e.line, e.column, e.message))
            .collect();
        assert_eq!(have, want, "{}", file.display());
        // … and the binary.
        let path = file.to_str().expect("UTF-8 path");
        let out = double11(&["check", path], None);
        assert_eq!(out.status.code(), Some(1), "{}", file.display());
        let prefix = format!("{path}:");
        let lines: Vec<String> = stdout(&out)
            .lines()
            .map(|l| l.strip_prefix(&prefix).unwrap_or(l).to_string())
            .collect();
        assert_eq!(lines, want, "{}", file.display());
    }
}

#[test]
fn check_passes_every_shipped_level_and_exits_by_the_worst_file() {
    let dir = levels_dir();
    let mut args = vec!["check".to_string()];
    for (file, _) in level::shipped() {
        args.push(dir.join(file).display().to_string());
    }
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = double11(&argv, None);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out).lines().count(), level::shipped().len());
    assert!(
        stdout(&out).lines().all(|l| l.ends_with(": ok")),
        "{}",
        stdout(&out)
    );

    let bad = fixtures("bad_levels")[0].display().to_string();
    let good = dir.join("2017.toml").display().to_string();
    let out = double11(&["check", &good, &bad], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with(&format!("{good}: ok\n{bad}:")));

    let out = double11(&["check", &good, "/no/such/level.toml"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/level.toml: cannot read"));
    assert_eq!(double11(&["check"], None).status.code(), Some(2), "usage");
}

#[test]
fn levels_lists_shipped_and_user_levels_with_broken_ones_marked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mine = level::shipped()[0]
        .1
        .replace("name = \"Tutorial", "name = \"My tutorial");
    fs::write(dir.path().join("mine.toml"), mine).expect("write");
    fs::write(
        dir.path().join("broken.toml"),
        "name = \"x\"\nyear = \"soon\"\n",
    )
    .expect("write");
    fs::write(dir.path().join("notes.txt"), "not a level").expect("write");
    let out = double11(&["levels"], Some(dir.path()));
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for (_, l) in shipped() {
        assert!(text.contains(&l.name), "{}: {text}", l.name);
        assert!(text.contains(&l.year.to_string()));
    }
    assert!(text.contains("My tutorial"), "{text}");
    let broken = text
        .lines()
        .find(|l| l.contains("broken.toml"))
        .expect("listed");
    assert!(broken.contains("(invalid: 2:8: invalid type"), "{broken}");
    assert!(!text.contains("notes.txt"));

    let out = double11(&["levels"], Some(&dir.path().join("empty")));
    assert!(stdout(&out).contains("(none"), "{}", stdout(&out));
}

#[test]
fn resolve_finds_shipped_user_and_path_levels() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("custom.toml");
    fs::write(&path, level::shipped()[1].1).expect("write");
    let (l, source) = level::resolve(path.to_str().expect("UTF-8")).expect("a path loads");
    assert_eq!(source, level::Source::File(path.clone()));
    assert!(!l.name.is_empty());
    let (l, _) = level::resolve("2017").expect("shipped by name");
    assert_eq!(l.year, 2017);
    let e = level::resolve("/no/such/file.toml").expect_err("missing");
    assert!(e.to_string().contains("cannot read"), "{e}");
}

/// The shipped levels' text, for mutation.
fn shipped_text() -> impl Strategy<Value = String> {
    let texts: Vec<&'static str> = level::shipped().into_iter().map(|(_, t)| t).collect();
    prop::sample::select(texts).prop_map(str::to_string)
}

/// A shipped level with a few bytes replaced, cut or duplicated.
fn mutated() -> impl Strategy<Value = String> {
    (
        shipped_text(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    )
        .prop_map(|(text, edits)| {
            let mut bytes = text.into_bytes();
            for (at, b, how) in edits {
                if bytes.is_empty() {
                    break;
                }
                let i = at.index(bytes.len());
                match how {
                    0 => bytes[i] = b,
                    1 => {
                        bytes.remove(i);
                    }
                    _ => {
                        let end = (i + 40).min(bytes.len());
                        let chunk: Vec<u8> = bytes[i..end].to_vec();
                        bytes.splice(i..i, chunk);
                    }
                }
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
}

/// Swaps one number in a shipped level for an extreme one.
fn extreme_numbers() -> impl Strategy<Value = String> {
    (
        shipped_text(),
        any::<prop::sample::Index>(),
        prop::sample::select(vec![
            "0",
            "-1",
            "1e300",
            "9223372036854775807",
            "0.001",
            "nan",
            "4294967296",
            "\"x\"",
        ]),
    )
        .prop_map(|(text, at, num)| {
            let spots: Vec<usize> = text
                .match_indices("= ")
                .map(|(i, _)| i + 2)
                .filter(|&i| text[i..].starts_with(|c: char| c.is_ascii_digit()))
                .collect();
            let i = spots[at.index(spots.len())];
            let end = i + text[i..]
                .find(|c: char| !(c.is_ascii_digit() || c == '_' || c == '.'))
                .unwrap_or(0);
            format!("{}{}{}", &text[..i], num, &text[end..])
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_input_bytes_make_the_loader_panic(text in ".{0,400}") {
        let _ = Level::check_str(&text, "p.toml");
    }

    #[test]
    fn no_mutated_shipped_level_makes_the_loader_panic(text in mutated()) {
        if let Err(all) = Level::check_str(&text, "m.toml") {
            prop_assert!(!all.is_empty());
            for e in &all {
                prop_assert!(e.line >= 1 && e.column >= 1, "{e}");
            }
        }
    }

    #[test]
    fn no_extreme_number_makes_the_loader_panic(text in extreme_numbers()) {
        let _ = Level::check_str(&text, "x.toml");
    }
}
