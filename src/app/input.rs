//! The input thread and the signal thread. Both only forward: each terminal
//! event is stamped with `Instant::now()` the moment `read()` returns, so a
//! catch is judged at the instant the key was pressed, not when the frame ran.

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Instant;

use crossterm::event::{self, Event};

/// A message for the main loop.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A terminal event and when it was read.
    Term(Event, Instant),
    /// SIGTERM or SIGHUP: quit cleanly.
    Terminate,
    /// The terminal can no longer be read.
    InputClosed,
}

/// Starts the input thread. It blocks in `read()` and ends when the
/// receiver is gone or reading fails.
pub fn spawn_input(tx: Sender<Msg>) -> std::io::Result<()> {
    thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                match event::read() {
                    Ok(ev) => {
                        let at = Instant::now();
                        if tx.send(Msg::Term(ev, at)).is_err() {
                            return;
                        }
                    }
                    Err(_) => {
                        let _ = tx.send(Msg::InputClosed);
                        return;
                    }
                }
            }
        })
        .map(|_| ())
}

/// Starts the signal thread: SIGTERM and SIGHUP become [`Msg::Terminate`], so
/// the loop ends and the guard restores the terminal.
pub fn spawn_signals(tx: Sender<Msg>) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        use signal_hook::iterator::Signals;
        let mut signals = Signals::new([SIGTERM, SIGHUP])?;
        thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if signals.forever().next().is_some() {
                    let _ = tx.send(Msg::Terminate);
                }
            })
            .map(|_| ())
    }
    #[cfg(not(unix))]
    {
        let _ = tx;
        Ok(())
    }
}
