//! The terminal lifecycle: one guard turns everything on and its `Drop`
//! turns everything off again, on every exit path (return, `?`, panic,
//! signal). Restoring is idempotent and never panics.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{
    DisableFocusChange, DisableMouseCapture, EnableFocusChange, EnableMouseCapture,
    KeyboardEnhancementFlags, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use crossterm::{cursor, execute, terminal};
use ratatui::DefaultTerminal;

/// What is switched on, readable from the panic hook.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static ENHANCED: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);

/// The message printed when stdout is not a terminal.
pub const NEED_TTY: &str = "double11 needs an interactive terminal";

/// Owns the terminal while the game runs; dropping it restores the shell.
pub struct TerminalGuard {
    terminal: DefaultTerminal,
    enhanced: bool,
}

impl TerminalGuard {
    /// Enters raw mode and the alternate screen (via `ratatui::try_init`, whose
    /// panic hook restores too), pushes keyboard enhancement where supported,
    /// enables mouse capture and focus events, and chains our own panic hook
    /// so it runs first.
    pub fn enter() -> io::Result<TerminalGuard> {
        use std::io::IsTerminal;
        if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
            return Err(io::Error::other(NEED_TTY));
        }
        let terminal = ratatui::try_init()?;
        ACTIVE.store(true, Ordering::SeqCst);
        install_panic_hook();

        let mut out = io::stdout();
        // Detect before the input thread exists; an error means "unsupported".
        let enhanced = matches!(terminal::supports_keyboard_enhancement(), Ok(true))
            && execute!(
                out,
                PushKeyboardEnhancementFlags(
                    KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES
                        | KeyboardEnhancementFlags::REPORT_EVENT_TYPES
                )
            )
            .is_ok();
        ENHANCED.store(enhanced, Ordering::SeqCst);
        if execute!(out, EnableMouseCapture).is_ok() {
            MOUSE.store(true, Ordering::SeqCst);
        }
        let _ = execute!(out, EnableFocusChange);
        Ok(TerminalGuard { terminal, enhanced })
    }

    /// The ratatui terminal.
    pub fn terminal(&mut self) -> &mut DefaultTerminal {
        &mut self.terminal
    }

    /// Whether key release/repeat events are reported.
    pub fn enhanced(&self) -> bool {
        self.enhanced
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Undoes everything [`TerminalGuard::enter`] did, once: pop keyboard
/// enhancement, disable mouse capture and focus events, leave raw mode and
/// the alternate screen, show the cursor. Safe to call many times, from a
/// panic hook too; errors are ignored (there is nobody left to tell).
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    if ENHANCED.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, PopKeyboardEnhancementFlags);
    }
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, DisableFocusChange);
    ratatui::restore();
    let _ = execute!(out, cursor::Show);
    let _ = out.flush();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}
