//! Saves: round trip, migrations from every example in `saves/`, corrupt and
//! newer files, unwritable folders, a writer killed at random moments, two
//! writers at once, the save-folder overrides and `double11 scores`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use double11::game::{self, Event, GameState, Input, Phase};
use double11::level;
use double11::money::Fen;
use double11::replay::Recorder;
use double11::save::format::{self, FormatError};
use double11::save::{CURRENT_VERSION, Replay, SaveError, ScoreEntry, Stats, Store};

const BIN: &str = env!("CARGO_BIN_EXE_double11");

fn tutorial_game() -> GameState {
    let l = level::load_shipped("tutorial.toml")
        .expect("shipped")
        .expect("loads");
    GameState::new(&l, 11)
}

/// Plays the tutorial to midnight the quick way, recording it as the app does.
fn finished_game() -> (GameState, double11::replay::Replay) {
    let mut s = tutorial_game();
    let mut recorder = Recorder::for_game("tutorial.toml", &s);
    while !s.is_over() {
        assert!(s.tick() < 1_000_000, "the festival must end");
        if matches!(
            s.phase(),
            Phase::RainIntro | Phase::RainOver | Phase::Opening
        ) {
            recorder.apply(&mut s, Input::Skip);
        }
        game::update(&mut s, Event::Tick);
    }
    let replay = recorder.finish(&s);
    (s, replay)
}

fn open(dir: &Path) -> Store {
    let (store, notices) = Store::open_dir(dir).expect("opens");
    assert_eq!(notices, [], "no notices expected");
    store
}

fn entry(name: &str, score: i64, seed: u64) -> ScoreEntry {
    ScoreEntry {
        date: 20_768,
        ..ScoreEntry::new(name, score, seed)
    }
}

fn one_festival() -> Stats {
    Stats {
        envelopes_caught: 3,
        saved: Fen(1_000),
        envelopes_wasted: 1,
        festivals_played: 1,
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for e in fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).expect("copy");
        }
    }
}

fn example(version: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("save");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("saves")
            .join(version),
        &dir,
    );
    (tmp, dir)
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Running as root, where permissions do not stop writes.
fn permissions_are_ignored(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    fs::create_dir(&probe).expect("mkdir");
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o555)).expect("chmod");
    let ignored = fs::write(probe.join("x"), "x").is_ok();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o755)).expect("chmod");
    ignored
}

#[test]
fn everything_round_trips() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("nested/save");
    let (game, recorded) = finished_game();
    let suspended_game = tutorial_game();
    {
        let mut store = open(&dir);
        assert!(store.is_saving());
        store.update_profile(|p| {
            p.name = "李伟".into();
            p.settings.lang = "zh".into();
            p.settings.reduce_motion = true;
        });
        store.unlock("2017.toml");
        assert_eq!(
            store.record_game("tutorial.toml", &game, &recorded),
            Some(1)
        );
        let replay = Replay::new("2017.toml", 5, vec![(3, Input::Lane(1))]);
        assert_eq!(
            store.record_result("2017.toml", entry("Wang", 500, 5), &replay, one_festival()),
            Some(1)
        );
        assert!(store.suspend("2017.toml", &suspended_game, &[(0, Input::Confirm)]));
        assert_eq!(store.take_notices(), []);
    }
    let mut store = open(&dir);
    assert_eq!(store.profile().name, "李伟");
    assert_eq!(store.profile().settings.lang, "zh");
    assert!(store.profile().settings.reduce_motion);
    assert!(store.unlocked().contains("2017.toml"));
    let results = game.results().expect("over");
    let tutorial = store.high_scores("tutorial.toml");
    assert_eq!(tutorial.len(), 1);
    assert_eq!(tutorial[0].name, "李伟");
    assert_eq!(tutorial[0].score, results.score.total);
    assert_eq!(tutorial[0].seed, 11);
    let path = store.replay_path(&tutorial[0]).expect("a replay");
    let replay = double11::replay::Replay::read(&path).expect("reads");
    assert_eq!(replay, recorded);
    // The replay is the game again.
    let verified = replay.verify(game.level()).expect("verifies");
    assert!(verified.ok(), "{verified:?}");
    assert_eq!(verified.actual, results.score.total);
    assert!(verified.finished);
    let stats = store.stats();
    assert_eq!(stats.festivals_played, 2);
    assert_eq!(stats.envelopes_caught, results.envelopes_won.0 as u64 + 3);
    assert_eq!(stats.saved, results.saved + Fen(1_000));
    assert_eq!(store.high_scores("2017.toml")[0].name, "Wang");
    assert!(store.high_scores("none").is_empty());

    let s = store.take_suspended().expect("suspended");
    assert_eq!(s.level, "2017.toml");
    assert_eq!(s.game, suspended_game);
    assert_eq!(s.inputs, [(0, Input::Confirm)]);
    assert!(
        !dir.join("suspended.json").exists(),
        "a festival resumes once"
    );
    drop(store);
    let mut store = open(&dir);
    assert!(store.take_suspended().is_none());
    assert!(store.suspend("x", &suspended_game, &[]));
    store.clear_suspended();
    assert!(store.suspended().is_none());
    assert!(!dir.join("suspended.json").exists());
}

#[test]
fn a_table_keeps_ten_and_drops_the_replays_it_loses() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut store = open(tmp.path());
    for k in 0..12u64 {
        let replay = Replay::new("l", k, vec![]);
        let place =
            store.record_result("l", entry("p", k as i64 * 10, k), &replay, Stats::default());
        assert_eq!(place, Some(1), "each beats the last");
    }
    assert_eq!(
        store.record_result(
            "l",
            entry("p", 5, 99),
            &Replay::new("l", 99, vec![]),
            Stats::default()
        ),
        None
    );
    let table = store.high_scores("l");
    assert_eq!(table.len(), 10);
    assert_eq!(table[0].score, 110);
    assert_eq!(table[9].score, 20);
    let mut referenced: Vec<String> = table.iter().filter_map(|e| e.replay.clone()).collect();
    referenced.sort();
    assert_eq!(names_in(&tmp.path().join("replays")), referenced);
}

#[test]
fn every_example_save_loads_and_migrates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
    let versions: Vec<String> = names_in(&root)
        .into_iter()
        .filter(|n| root.join(n).is_dir())
        .collect();
    let expected: Vec<String> = (1..=CURRENT_VERSION).map(|v| format!("v{v}")).collect();
    assert_eq!(versions, expected, "saves/ holds one example per version");
    for v in &versions {
        let text = fs::read_to_string(root.join(v).join("profile.json")).expect("example");
        let parsed = format::parse(&text).expect("parses");
        assert_eq!(format!("v{}", parsed.from_version), *v);
    }
}

#[test]
fn version_1_is_migrated_and_kept() {
    let (_tmp, dir) = example("v1");
    let (store, notices) = Store::open_dir(&dir).expect("opens");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].text().starts_with(
            "your save was updated to format 2; the old one is kept as profile.json.v1-"
        ),
        "{notices:?}"
    );
    let p = store.profile();
    assert_eq!(p.name, "Li Wei");
    assert_eq!(p.settings.lang, "zh");
    assert!(!p.settings.colour);
    assert_eq!(p.settings.lane_keys, "dfjk");
    assert!(!p.settings.reduce_motion);
    let tutorial: Vec<(&str, i64)> = store
        .high_scores("tutorial.toml")
        .iter()
        .map(|e| (e.name.as_str(), e.score))
        .collect();
    assert_eq!(tutorial, [("Xiao Mei", 24_900), ("Li Wei", 18_250)]);
    assert_eq!(store.high_scores("2017.toml")[0].seed, 1111);
    assert!(
        store
            .save()
            .scores
            .values()
            .flatten()
            .all(|e| e.replay.is_none())
    );
    assert_eq!(*store.stats(), Stats::default());
    assert_eq!(store.unlocked().len(), 2);
    // Written back in the newest format; the old file kept beside it.
    let text = fs::read_to_string(dir.join("profile.json")).expect("read");
    let parsed = format::parse(&text).expect("parses");
    assert_eq!(parsed.from_version, CURRENT_VERSION);
    assert_eq!(parsed.save, *store.save());
    let kept: Vec<String> = names_in(&dir)
        .into_iter()
        .filter(|n| n.starts_with("profile.json.v1-"))
        .collect();
    assert_eq!(kept.len(), 1);
    let original = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/v1/profile.json"));
    assert_eq!(fs::read(dir.join(&kept[0])).ok(), original.ok());
    // And the next start is quiet.
    open(&dir);
}

#[test]
fn version_2_loads_as_is() {
    let (_tmp, dir) = example("v2");
    let before = fs::read(dir.join("profile.json")).expect("read");
    let store = open(&dir);
    assert_eq!(store.profile().name, "Li Wei");
    assert_eq!(store.profile().settings.lane_keys, "arrows");
    let table = store.high_scores("2017.toml");
    assert_eq!(table.len(), 3);
    assert_eq!(
        table[1].replay.as_deref(),
        Some("2017_toml-1111-1794398400000-4242.json")
    );
    assert!(store.replay_path(&table[1]).is_some_and(|p| p.exists()));
    assert_eq!(store.stats().festivals_played, 6);
    assert_eq!(store.stats().saved, Fen(123_456));
    assert_eq!(
        fs::read(dir.join("profile.json")).ok(),
        Some(before),
        "not rewritten"
    );
}

#[test]
fn a_corrupt_save_is_moved_aside_and_a_fresh_one_starts() {
    for bad in [
        &b"{\"version\": 2, \"profile\": "[..],
        b"\xff\xfe\x00",
        b"{\"version\": 2, \"scores\": 7}",
        b"",
    ] {
        let tmp = tempfile::tempdir().expect("temp dir");
        let path = tmp.path().join("profile.json");
        fs::write(&path, bad).expect("write");
        let (store, notices) = Store::open_dir(tmp.path()).expect("opens");
        assert_eq!(notices.len(), 1, "{notices:?}");
        let text = notices[0].text();
        assert!(
            text.starts_with("your save was unreadable; it was kept as profile.json.corrupt-")
                && text.ends_with(" and a fresh one started"),
            "{text}"
        );
        let aside: Vec<String> = names_in(tmp.path())
            .into_iter()
            .filter(|n| n.starts_with("profile.json.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(text.contains(&aside[0]), "the notice names the file");
        assert_eq!(fs::read(tmp.path().join(&aside[0])).expect("kept"), bad);
        assert_eq!(store.profile().name, "Player");
        let fresh = fs::read_to_string(&path).expect("fresh save");
        assert!(format::parse(&fresh).is_ok());
    }
}

#[test]
fn a_corrupt_suspended_game_is_moved_aside() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(
        tmp.path().join("suspended.json"),
        "{\"version\": 1, \"level\": 3}",
    )
    .expect("write");
    let (store, notices) = Store::open_dir(tmp.path()).expect("opens");
    assert!(store.suspended().is_none());
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0]
            .text()
            .starts_with("the saved festival could not be resumed")
    );
    assert!(
        names_in(tmp.path())
            .iter()
            .any(|n| n.starts_with("suspended.json.corrupt-"))
    );
}

#[test]
fn a_save_from_a_newer_build_is_left_untouched() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("profile.json");
    let text = "{\"version\": 99, \"future\": true}";
    fs::write(&path, text).expect("write");
    let err = Store::open_dir(tmp.path()).expect_err("refuses");
    assert!(
        matches!(err, SaveError::NewerVersion { version: 99, .. }),
        "{err}"
    );
    assert!(
        err.to_string().contains("written by a newer double11"),
        "{err}"
    );
    let (mut store, notices) = Store::open_or_memory(Some(tmp.path().to_path_buf()));
    assert_eq!(notices.len(), 1);
    assert!(!store.is_saving());
    store.update_profile(|p| p.name = "x".into());
    assert_eq!(fs::read_to_string(&path).ok().as_deref(), Some(text));
    assert_eq!(format::parse(text), Err(FormatError::Newer(99)));
}

#[test]
fn an_unusable_folder_gives_one_line_and_the_game_goes_on() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let file = tmp.path().join("a-file");
    fs::write(&file, "not a folder").expect("write");
    let (mut store, notices) = Store::open_dir(&file.join("save")).expect("opens");
    assert_eq!(notices.len(), 1, "{notices:?}");
    let text = notices[0].text();
    assert!(text.starts_with("cannot create the save folder"), "{text}");
    assert!(text.ends_with("; playing on without saving"), "{text}");
    assert!(!text.contains('\n'));
    assert!(!store.is_saving());
    store.update_profile(|p| p.name = "Mei".into());
    let r = Replay::new("l", 1, vec![]);
    assert_eq!(
        store.record_result("l", entry("Mei", 10, 1), &r, one_festival()),
        Some(1)
    );
    assert_eq!(store.profile().name, "Mei");
    assert_eq!(store.stats().festivals_played, 1);
    assert!(!store.suspend("l", &tutorial_game(), &[]));
    assert!(store.take_suspended().is_some(), "kept for this session");
}

#[test]
fn a_read_only_folder_loads_and_plays_on_without_saving() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().expect("temp dir");
    if permissions_are_ignored(tmp.path()) {
        eprintln!("running as root: read-only folders are covered by the other failure tests");
        return;
    }
    let (_t, dir) = example("v2");
    let before = fs::read(dir.join("profile.json")).expect("read");
    // A lock file from earlier games is there and still writable.
    fs::write(dir.join("profile.lock"), "").expect("lock file");
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).expect("chmod");
    let (mut store, notices) = Store::open_dir(&dir).expect("opens");
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].text().ends_with("playing on without saving"));
    assert_eq!(store.profile().name, "Li Wei");
    assert!(!store.is_saving());
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).expect("chmod");
    store.update_profile(|p| p.name = "x".into());
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert_eq!(fs::read(dir.join("profile.json")).ok(), Some(before));
}

#[test]
fn failed_writes_are_kept_and_saved_when_the_disk_is_back() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("save");
    let mut store = open(&dir);
    // The folder turns into a file: every write fails.
    fs::rename(&dir, tmp.path().join("moved")).expect("move");
    fs::write(&dir, "in the way").expect("write");
    store.update_profile(|p| p.name = "Offline".into());
    let r = Replay::new("l", 3, vec![(1, Input::Up)]);
    assert_eq!(
        store.record_result("l", entry("Offline", 30, 3), &r, one_festival()),
        Some(1)
    );
    store.unlock("2017.toml");
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1, "told once: {notices:?}");
    assert!(
        notices[0].text().starts_with("could not save: "),
        "{notices:?}"
    );
    assert!(notices[0].text().ends_with("; playing on without saving"));
    assert!(!store.is_saving());
    // The folder is back: the next change writes everything.
    fs::remove_file(&dir).expect("remove");
    fs::rename(tmp.path().join("moved"), &dir).expect("move back");
    store.update_profile(|p| p.settings.colour = false);
    let notices = store.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].text().starts_with("saving works again"));
    let again = open(&dir);
    assert_eq!(again.profile().name, "Offline");
    assert!(!again.profile().settings.colour);
    assert!(again.unlocked().contains("2017.toml"));
    assert_eq!(again.stats().festivals_played, 1);
    let e = &again.high_scores("l")[0];
    assert!(
        again.replay_path(e).is_some_and(|p| p.exists()),
        "the replay was written too"
    );
}

#[test]
fn old_settings_are_imported_once() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(
        tmp.path().join("settings.json"),
        r#"{"version":1,"lang":"zh","colour":false,"reduce_motion":true,"lane_keys":"digits"}"#,
    )
    .expect("write");
    let store = open(tmp.path());
    let s = &store.profile().settings;
    assert_eq!(
        (
            s.lang.as_str(),
            s.lane_keys.as_str(),
            s.colour,
            s.reduce_motion
        ),
        ("zh", "digits", false, true)
    );
}

/// A small deterministic generator for the kill delays.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

fn stress(dir: &Path, count: u64) -> Command {
    let mut c = Command::new(BIN);
    c.arg("__save-stress")
        .arg(dir)
        .arg(count.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// The state a stress writer wrote: `k`, checked to be whole.
fn stress_state(dir: &Path) -> u64 {
    let text = fs::read_to_string(dir.join("profile.json")).expect("the save is there");
    let parsed = format::parse(&text).unwrap_or_else(|e| panic!("corrupt save {e:?}: {text}"));
    let p = parsed.save.profile;
    let k: u64 = p
        .name
        .strip_prefix("state-")
        .and_then(|k| k.parse().ok())
        .unwrap_or_else(|| panic!("not a stress state: {}", p.name));
    assert_eq!(p.settings.reduce_motion, k % 2 == 1, "mixed state {k}");
    assert_eq!(
        p.settings.lang,
        if k % 2 == 1 { "zh" } else { "en" },
        "mixed state {k}"
    );
    k
}

#[test]
fn a_writer_killed_at_any_moment_leaves_the_old_or_the_new_save() {
    use std::io::{BufRead, BufReader};
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    assert!(stress(dir, 1).status().expect("runs").success());
    let mut last = stress_state(dir);
    assert_eq!(last, 1);
    let mut rng = Lcg(11_11);
    for _ in 0..200 {
        let mut child = stress(dir, 1_000_000)
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawns");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        assert_eq!(lines.next().and_then(Result::ok).as_deref(), Some("ready"));
        // Let 0 or 1 write finish, then kill it somewhere in the next ones.
        let mut acked = last;
        for _ in 0..rng.below(2) {
            let line = lines.next().and_then(Result::ok).expect("a write");
            acked = line.parse().expect("a state number");
        }
        std::thread::sleep(Duration::from_micros(rng.below(3_000)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        let now = stress_state(dir);
        assert!(now >= acked, "a finished write was lost: {now} < {acked}");
        last = now;
    }
    assert!(last > 50, "the writers got somewhere: {last}");
    assert!(
        !names_in(dir).iter().any(|n| n.contains("corrupt")),
        "{:?}",
        names_in(dir)
    );
    open(dir);
}

#[test]
fn two_games_at_once_never_lose_a_score() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let n = 40u64;
    let children: Vec<_> = (0..2)
        .map(|tag| {
            stress(dir, n)
                .arg("--record")
                .arg(tag.to_string())
                .spawn()
                .expect("spawns")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("waits").success(), "a writer failed");
    }
    let store = open(dir);
    assert_eq!(store.stats().festivals_played, 2 * n);
    assert_eq!(store.stats().envelopes_caught, 2 * n);
    let mut referenced = Vec::new();
    for level in 0..4 {
        let mut all: Vec<i64> = (0..n)
            .filter(|i| i % 4 == level)
            .flat_map(|i| [i as i64 * 2, i as i64 * 2 + 1])
            .collect();
        all.sort_by(|a, b| b.cmp(a));
        all.truncate(10);
        let table = store.high_scores(&format!("level-{level}"));
        let got: Vec<i64> = table.iter().map(|e| e.score).collect();
        assert_eq!(got, all, "level-{level}");
        for e in table {
            let path = store.replay_path(e).expect("a replay");
            assert_eq!(Replay::read(&path).expect("reads").seed, e.seed);
            referenced.push(e.replay.clone().expect("named"));
        }
    }
    referenced.sort();
    assert_eq!(
        names_in(&dir.join("replays")),
        referenced,
        "no stray replays"
    );
}

fn scores(dir: Option<&Path>, args: &[&str]) -> (i32, String, String) {
    let mut c = Command::new(BIN);
    c.arg("scores").args(args).env_remove("DOUBLE11_SAVE_DIR");
    if let Some(dir) = dir {
        c.env("DOUBLE11_SAVE_DIR", dir);
    }
    let out = c.output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn scores_prints_the_tables_with_replays_only() {
    let (_tmp, dir) = example("v2");
    let (code, out, err) = scores(Some(&dir), &[]);
    assert_eq!((code, err.as_str()), (0, ""));
    let expected = format!(
        "\
High scores: 2017.toml
   #  Name               Score  Date        Seed
   1  Li Wei            48,210  2026-11-11  1111
   2  Xiao Mei          27,600  2026-11-12  7

2 scores without a replay file not shown.
(saves in {})
",
        dir.display()
    );
    assert_eq!(out, expected);
    // The short name a player types finds the same table as the file name.
    let (code, short, _) = scores(Some(&dir), &["--level", "2017"]);
    assert_eq!(code, 0);
    assert!(short.starts_with("High scores: 2017.toml\n"), "{short}");
    assert!(short.contains("Li Wei            48,210"), "{short}");
    let (code, out, _) = scores(Some(&dir), &["--level", "tutorial.toml"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with(
            "No high scores for tutorial.toml yet.\n\n1 score without a replay file not shown.\n"
        ),
        "{out}"
    );
    // A replay file that goes missing takes its score off the list.
    fs::remove_file(dir.join("replays/2017_toml-7-1794484800000-4243.json")).expect("rm");
    let (_, out, _) = scores(Some(&dir), &["--level", "2017.toml"]);
    assert!(
        !out.contains("Xiao Mei") && out.contains("2 scores without"),
        "{out}"
    );
}

#[test]
fn the_save_dir_flag_beats_the_environment() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let env_dir = tmp.path().join("env");
    let flag_dir = tmp.path().join("flag");
    let (code, out, _) = scores(Some(&env_dir), &[]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!("No high scores yet.\n(saves in {})\n", env_dir.display())
    );
    let flag = flag_dir.to_string_lossy().into_owned();
    let (_, out, _) = scores(Some(&env_dir), &["--save-dir", &flag]);
    assert!(
        out.ends_with(&format!("(saves in {})\n", flag_dir.display())),
        "{out}"
    );
    assert!(!env_dir.exists() && !flag_dir.exists(), "scores only reads");
    // Store::open takes the flag's folder too.
    let (store, _) = Store::open(Some(flag_dir.clone())).expect("opens");
    assert_eq!(store.dir(), Some(flag_dir.as_path()));
}

#[test]
fn scores_refuses_a_corrupt_save_without_touching_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    fs::write(tmp.path().join("profile.json"), "{oops").expect("write");
    let (code, out, err) = scores(Some(tmp.path()), &[]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("double11: ") && err.contains("is not a readable save"),
        "{err}"
    );
    assert_eq!(names_in(tmp.path()), ["profile.json"]);
}
