//! End to end: the real binary in a pseudo-terminal, read back through a
//! vt100 parser. Every wait polls the parsed screen (20 ms steps, 10 s
//! limit); no sleep is ever an assertion.
#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(10);
const STEP: Duration = Duration::from_millis(20);

/// The primary device attributes query crossterm sends to detect keyboard
/// enhancement; we answer it like a plain VT220 so start-up is instant.
const DA1_QUERY: &[u8] = b"\x1b[c";
const DA1_REPLY: &[u8] = b"\x1b[?62c";

struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    _dir: tempfile::TempDir,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

impl Pty {
    fn spawn(cols: u16, rows: u16, args: &[&str]) -> Pty {
        let dir = tempfile::tempdir().expect("temp dir");
        Pty::spawn_in(dir, cols, rows, args)
    }

    /// Starts double11 with `DOUBLE11_SAVE_DIR` set to `dir` (kept alive
    /// by the returned `Pty`).
    fn spawn_in(dir: tempfile::TempDir, cols: u16, rows: u16, args: &[&str]) -> Pty {
        let system = native_pty_system();
        let pair = system
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_double11"));
        cmd.args(args);
        cmd.env("DOUBLE11_SAVE_DIR", dir.path());
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        cmd.env_remove("DOUBLE11_LANG");
        let child = pair.slave.spawn_command(cmd).expect("spawn double11");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("writer")));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        {
            let (parser, raw, writer) = (parser.clone(), raw.clone(), writer.clone());
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => {
                            let bytes = &buf[..n];
                            if bytes.windows(DA1_QUERY.len()).any(|w| w == DA1_QUERY) {
                                let mut w = writer.lock().expect("writer lock");
                                let _ = w.write_all(DA1_REPLY);
                                let _ = w.flush();
                            }
                            parser.lock().expect("parser lock").process(bytes);
                            raw.lock().expect("raw lock").extend_from_slice(bytes);
                        }
                    }
                }
            });
        }
        Pty {
            parser,
            raw,
            writer,
            master: pair.master,
            child,
            _dir: dir,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    fn send(&self, bytes: &[u8]) {
        let mut w = self.writer.lock().expect("writer lock");
        w.write_all(bytes).expect("write to pty");
        w.flush().expect("flush pty");
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("screen to show {text:?}"), |s| s.contains(text))
    }

    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            thread::sleep(STEP);
        }
    }

    fn resize(&self, cols: u16, rows: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        self.parser
            .lock()
            .expect("parser lock")
            .set_size(nz(rows), nz(cols));
    }

    /// Waits for the child to exit; returns whether it succeeded.
    fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status.success();
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("double11 did not exit; screen:\n{}", self.screen());
            }
            thread::sleep(STEP);
        }
    }

    /// Whether the pty is in canonical (cooked) mode with echo, as before.
    fn cooked(&self) -> Option<bool> {
        let t = self.master.get_termios()?;
        let flags = format!("{:?}", t.local_flags);
        Some(flags.contains("ICANON") && flags.contains("ECHO"))
    }

    /// The terminal was handed back: the output leaves the alternate screen
    /// and shows the cursor after it last entered it, and the tty is cooked.
    fn assert_restored(&self) {
        let start = Instant::now();
        loop {
            let raw = self.raw.lock().expect("raw lock").clone();
            let text = String::from_utf8_lossy(&raw);
            let entered = text.rfind("\x1b[?1049h");
            let left = text.rfind("\x1b[?1049l");
            let shown = text.rfind("\x1b[?25h");
            let ok =
                matches!((entered, left, shown), (Some(e), Some(l), Some(s)) if l > e && s > e);
            if ok {
                break;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "terminal not restored; tail of output: {:?}",
                    &text[text.len().saturating_sub(200)..]
                );
            }
            thread::sleep(STEP);
        }
        if let Some(cooked) = self.cooked() {
            assert!(cooked, "raw mode is off after exit");
        }
    }
}

#[test]
fn title_menu_help_and_quit_with_q() {
    let mut pty = Pty::spawn(80, 24, &[]);
    pty.wait_for("How to play");
    if let Some(cooked) = pty.cooked() {
        assert!(!cooked, "raw mode while running");
    }
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
    pty.send(b"q");
    assert!(pty.wait_exit(), "exit code 0");
    pty.assert_restored();
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
    pty.send(b"\x03"); // Ctrl-C
    assert!(pty.wait_exit());
    pty.assert_restored();
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
    pty.send(b"\x03");
    assert!(pty.wait_exit());
    pty.assert_restored();
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
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_double11"))
        .env("DOUBLE11_SAVE_DIR", std::env::temp_dir())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run double11");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("double11 needs an interactive terminal"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn tutorial_by_keys_until_the_shop() {
    let mut pty = Pty::spawn(120, 36, &["--seed", "7"]);
    pty.wait_for("How to play");
    pty.send(b"\r"); // Play → level select
    pty.wait_for("Tutorial");
    pty.send(b"\r"); // start the tutorial: the rain card
    pty.wait_for("RAIN 1 of 1");
    pty.send(b"\r"); // start the rain
    pty.wait_for("COMBO");
    pty.send(b"dfjk");
    pty.send(b"s"); // skip (ignored while the rain falls)
    // The rain ends on its own; then go shopping and skip the big screen.
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
    pty.send(b"a");
    pty.wait_for("Cart (1 lines)");
    pty.send(b"q");
    pty.wait_for("QUIT THIS FESTIVAL?");
    pty.send(b"y");
    pty.wait_for("How to play");
    pty.send(b"q");
    assert!(pty.wait_exit());
    pty.assert_restored();
}

/// The whole tutorial by keys, from `--level tutorial --seed 7`: a rain, the
/// opening, the shop, a checkout through the receipt, the clock to midnight
/// and the results; then quit and check the terminal is restored.
#[test]
fn tutorial_by_keys_to_the_results() {
    let mut pty = Pty::spawn(120, 36, &["play", "--level", "tutorial", "--seed", "7"]);
    pty.wait_for("RAIN 1 of 1");
    pty.send(b"\r");
    pty.wait_for("COMBO");
    pty.send(b"dfjk");
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
    // The big day clock and the item details are on screen.
    let s = pty.wait_for("to midnight");
    assert!(s.contains("Item") && s.contains("Wishlist"), "{s}");
    pty.send(b"a");
    pty.wait_for("Cart (1 lines)");
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
    assert!(s.contains("You bought 1 items"), "{s}");
    // The first score on an empty table: the name card. Type, Enter.
    pty.wait_for("NEW HIGH SCORE");
    pty.send("Li 李".as_bytes());
    pty.wait_for("your name: Li 李");
    pty.send(b"\r");
    pty.wait_for("1st on the table");
    pty.send(b"q");
    pty.wait_for("How to play");
    pty.send(b"q");
    assert!(pty.wait_exit());
    pty.assert_restored();
    // `double11 scores` lists it (its replay was written).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_double11"))
        .args(["scores", "--level", "tutorial.toml"])
        .env("DOUBLE11_SAVE_DIR", pty._dir.path())
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
    pty.wait_for("RAIN 1 of 1");
    pty.send(b"\r");
    pty.wait_for("COMBO");
    pty.send(b"dfjk");
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
    pty.send(b"a");
    pty.wait_for("Cart (1 lines)");
    pty.send(b"q");
    pty.wait_for("Save and quit");
    let s = pty.screen();
    let clock = day_clock(&s).expect("the HUD shows the day clock");
    pty.send(b"s");
    let title = pty.wait_for("Resume Tutorial");
    assert!(title.contains(&format!("11.11 DAY {clock}")), "{title}");
    assert!(save.join("suspended.json").exists());
    pty.send(b"q");
    assert!(pty.wait_exit());
    pty.assert_restored();
    let dir = pty._dir;

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
    pty.send(b"\x03");
    assert!(pty.wait_exit());
    pty.assert_restored();
}

/// `HH:MM` after `11.11 DAY ` on the screen.
fn day_clock(screen: &str) -> Option<String> {
    let at = screen.find("11.11 DAY ")? + "11.11 DAY ".len();
    screen.get(at..at + 5).map(str::to_string)
}
