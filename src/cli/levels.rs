//! `double11 levels`: every level the game can start — the shipped ones,
//! then the player's own from the user level folder — with name, year and
//! description; a broken user level shows its first problem.

use std::fmt::Write as _;
use std::io::Write;

use super::EXIT_OK;
use crate::level::{self, Entry, Source};

/// Runs `double11 levels`; returns the exit code.
pub(super) fn run() -> i32 {
    let out = render(&level::catalog(), level::user_dir().as_deref());
    // A closed pipe is not an error worth a code.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    EXIT_OK
}

/// The listing: one block per level, shipped then user levels.
pub fn render(entries: &[Entry], user_dir: Option<&std::path::Path>) -> String {
    let mut out = String::from("Shipped levels\n");
    let (shipped, user): (Vec<&Entry>, Vec<&Entry>) = entries
        .iter()
        .partition(|e| matches!(e.source, Source::Shipped(_)));
    for e in shipped {
        line(&mut out, e);
    }
    let dir = user_dir.map_or_else(|| "none".to_string(), |d| d.display().to_string());
    let _ = writeln!(out, "\nUser levels ({dir})");
    if user.is_empty() {
        out.push_str(
            "  (none: put level files (*.toml) there, or play any file with --level FILE)\n",
        );
    }
    for e in user {
        line(&mut out, e);
    }
    out
}

fn line(out: &mut String, e: &Entry) {
    let id = match &e.source {
        Source::Shipped(file) => file.trim_end_matches(".toml").to_string(),
        Source::File(path) => path.display().to_string(),
    };
    match &e.level {
        Ok(l) => {
            let year = l.year.to_string();
            if l.name.contains(&year) {
                let _ = writeln!(out, "  {id:<10} {}", l.name);
            } else {
                let _ = writeln!(out, "  {id:<10} {year} · {}", l.name);
            }
            if !l.description.is_empty() {
                let _ = writeln!(out, "             {}", l.description);
            }
        }
        Err(err) => {
            let first = err.to_string();
            let first = first
                .strip_prefix(&format!("{}:", err.file))
                .unwrap_or(&first);
            let _ = writeln!(out, "  {id:<10} (invalid: {})", first.trim_start());
        }
    }
}
