//! The calm loop for the screens that wrap the game (the demo, a replay):
//! the same terminal guard, input thread and signal thread as the game,
//! drawing only when the model says something changed and sleeping until
//! its next deadline.

use std::io;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Instant;

use crossterm::event::Event;
use ratatui::Frame;

use super::input::{self, Msg};
use super::terminal::{NEED_TTY, TerminalGuard};

/// A screen the loop can run: it takes events with their time, says when it
/// must wake and whether a frame is due, and draws itself.
pub trait Model {
    /// A terminal event that happened at `at`.
    fn handle(&mut self, event: &Event, at: Instant);
    /// SIGTERM, SIGHUP or the terminal gone: end now.
    fn terminate(&mut self, now: Instant);
    /// Brings timed state up to `now`.
    fn advance(&mut self, now: Instant);
    /// When the loop must wake without input; `None` = sleep until an event.
    fn deadline(&self) -> Option<Instant>;
    /// Whether a frame is due (something changed since the last one).
    fn take_frame(&mut self) -> bool;
    /// Draws the whole screen.
    fn draw(&self, frame: &mut Frame);
    /// Whether the loop should end.
    fn quit(&self) -> bool;
}

/// Enters the terminal, builds the model for its size (`make(size, now)`),
/// runs it until it quits and restores the terminal; returns the model, or
/// the message to print on stderr.
pub fn run<M: Model>(make: impl FnOnce((u16, u16), Instant) -> M) -> Result<M, String> {
    let mut guard = match TerminalGuard::enter() {
        Ok(g) => g,
        Err(e) if e.to_string() == NEED_TTY => return Err(NEED_TTY.to_string()),
        Err(e) => return Err(format!("{NEED_TTY}: {e}")),
    };
    let result = run_in(&mut guard, make);
    drop(guard);
    result.map_err(|e| format!("double11: {e}"))
}

fn run_in<M: Model>(
    guard: &mut TerminalGuard,
    make: impl FnOnce((u16, u16), Instant) -> M,
) -> io::Result<M> {
    let size = guard.terminal().size()?;
    let mut model = make((size.width, size.height), Instant::now());
    let (tx, rx) = mpsc::channel();
    input::spawn_input(tx.clone())?;
    input::spawn_signals(tx)?;
    loop {
        if model.quit() {
            return Ok(model);
        }
        if model.take_frame() {
            guard.terminal().draw(|frame| model.draw(frame))?;
        }
        let first = match model.deadline() {
            Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return Ok(model),
            },
            None => match rx.recv() {
                Ok(m) => Some(m),
                Err(_) => return Ok(model),
            },
        };
        for msg in first
            .into_iter()
            .chain(std::iter::from_fn(|| rx.try_recv().ok()))
        {
            match msg {
                Msg::Term(event, at) => model.handle(&event, at),
                Msg::Terminate | Msg::InputClosed => model.terminate(Instant::now()),
            }
            if model.quit() {
                break;
            }
        }
        model.advance(Instant::now());
    }
}
