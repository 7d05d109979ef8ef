//! The real binary in a pseudo-terminal, read back through a vt100 parser.
//! Every wait polls the parsed screen (20 ms steps, 10 s unless told); no
//! sleep is ever an assertion.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a wait lasts unless the caller says otherwise.
pub const TIMEOUT: Duration = Duration::from_secs(10);
const STEP: Duration = Duration::from_millis(20);

/// The primary device attributes query crossterm sends to detect keyboard
/// enhancement; we answer it like a plain VT220 so start-up is instant.
const DA1_QUERY: &[u8] = b"\x1b[c";
const DA1_REPLY: &[u8] = b"\x1b[?62c";

pub struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    /// The save folder (`DOUBLE11_SAVE_DIR`), alive as long as the `Pty`.
    pub dir: tempfile::TempDir,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Pty {
    /// Starts double11 with `args` in a fresh temp save folder.
    pub fn spawn(cols: u16, rows: u16, args: &[&str]) -> Pty {
        let dir = tempfile::tempdir().expect("temp dir");
        Pty::spawn_in(dir, cols, rows, args)
    }

    /// Starts double11 with `DOUBLE11_SAVE_DIR` set to `dir` (kept alive
    /// by the returned `Pty`).
    pub fn spawn_in(dir: tempfile::TempDir, cols: u16, rows: u16, args: &[&str]) -> Pty {
        let pair = native_pty_system()
            .openpty(size(cols, rows))
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
        let (p, r, w) = (parser.clone(), raw.clone(), writer.clone());
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                let bytes = &buf[..n];
                if bytes.windows(DA1_QUERY.len()).any(|x| x == DA1_QUERY) {
                    let mut w = w.lock().expect("writer lock");
                    let _ = w.write_all(DA1_REPLY);
                    let _ = w.flush();
                }
                p.lock().expect("parser lock").process(bytes);
                r.lock().expect("raw lock").extend_from_slice(bytes);
            }
        });
        Pty {
            parser,
            raw,
            writer,
            master: pair.master,
            child,
            dir,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    pub fn send(&self, bytes: &[u8]) {
        let mut w = self.writer.lock().expect("writer lock");
        w.write_all(bytes).expect("write to pty");
        w.flush().expect("flush pty");
    }

    /// Waits (up to [`TIMEOUT`]) for the screen to contain `text`.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("screen to show {text:?}"), |s| s.contains(text))
    }

    /// Waits (up to [`TIMEOUT`]) for `ok` to hold on the screen.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        self.wait_within(what, TIMEOUT, ok)
    }

    /// Waits up to `limit` for `ok` to hold on the screen; returns it.
    pub fn wait_within(&self, what: &str, limit: Duration, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() <= limit,
                "timed out waiting for {what}; screen:\n{s}"
            );
            thread::sleep(STEP);
        }
    }

    pub fn resize(&self, cols: u16, rows: u16) {
        self.master.resize(size(cols, rows)).expect("resize pty");
        self.parser
            .lock()
            .expect("parser lock")
            .set_size(nz(rows), nz(cols));
    }

    /// Waits for the child to exit; returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
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

    /// Whether the pty is in canonical (cooked) mode with echo, where the
    /// pty says.
    pub fn cooked(&self) -> Option<bool> {
        let t = self.master.get_termios()?;
        let flags = format!("{:?}", t.local_flags);
        Some(flags.contains("ICANON") && flags.contains("ECHO"))
    }

    /// Raw mode is on while the game runs (where the pty says).
    pub fn assert_raw(&self) {
        if let Some(cooked) = self.cooked() {
            assert!(!cooked, "raw mode while running");
        }
    }

    /// The terminal was handed back: the output leaves the alternate screen
    /// and shows the cursor after it last entered it, and the tty is cooked.
    pub fn assert_restored(&self) {
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

    /// Sends `keys`, then checks the game exits with code 0 and hands the
    /// terminal back.
    pub fn quit_with(&mut self, keys: &[u8]) {
        self.send(keys);
        assert!(self.wait_exit(), "exit code 0");
        self.assert_restored();
    }
}
