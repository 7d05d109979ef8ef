//! The calm loop: draw only when something changed, sleep until the model's
//! next deadline (or until a key when nothing moves), drain every pending
//! event each time round.

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Instant;

use super::input::{self, Msg};
use super::state::{App, Options};
use super::terminal::TerminalGuard;

/// Runs the game in the terminal until the player quits; returns the exit code.
pub fn run(options: &Options) -> i32 {
    let mut guard = match TerminalGuard::enter() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{}", no_terminal_message(&e));
            return 1;
        }
    };
    let result = run_in(&mut guard, options);
    drop(guard);
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("double11: {e}");
            1
        }
    }
}

fn no_terminal_message(e: &io::Error) -> String {
    let text = e.to_string();
    if text == super::terminal::NEED_TTY {
        text
    } else {
        format!("{}: {text}", super::terminal::NEED_TTY)
    }
}

fn run_in(guard: &mut TerminalGuard, options: &Options) -> io::Result<()> {
    let size = guard.terminal().size()?;
    let mut app = App::open(options, (size.width, size.height));
    let (tx, rx) = mpsc::channel();
    input::spawn_input(tx.clone())?;
    input::spawn_signals(tx)?;
    event_loop(guard, &mut app, &rx)
}

/// One iteration: (draw if dirty) → wait → drain → advance.
fn event_loop(guard: &mut TerminalGuard, app: &mut App, rx: &Receiver<Msg>) -> io::Result<()> {
    loop {
        if app.quit {
            return Ok(());
        }
        if app.take_frame() {
            guard.terminal().draw(|frame| crate::ui::draw(frame, app))?;
        }
        let first = match app.deadline() {
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            },
            None => match rx.recv() {
                Ok(m) => Some(m),
                Err(_) => return Ok(()),
            },
        };
        for msg in first
            .into_iter()
            .chain(std::iter::from_fn(|| rx.try_recv().ok()))
        {
            match msg {
                Msg::Term(event, at) => app.handle(&event, at),
                Msg::Terminate | Msg::InputClosed => {
                    app.advance(Instant::now());
                    app.terminate();
                }
            }
            if app.quit {
                break;
            }
        }
        app.advance(Instant::now());
    }
}
