//! `double11 scores [--level NAME]`: the high-score tables, in the terminal.
//!
//! Only entries that keep their replay are shown (the replay file is there,
//! reads, and has the score's seed): a score typed into the save by hand
//! has none, and a footnote says how many were left out.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use unicode_width::UnicodeWidthStr;

use super::{EXIT_BAD_INPUT, EXIT_OK};
use crate::save::paths::{self, SaveFiles};
use crate::save::replay::ReplayHeader;
use crate::save::store::read_only;
use crate::save::{Save, ScoreEntry, date};
use crate::ui::hud::grouped;

/// Options of `double11 scores`.
#[derive(Debug, Clone, Default, Args)]
pub struct ScoresArgs {
    /// Only this level's table.
    #[arg(long, value_name = "NAME")]
    pub level: Option<String>,
}

/// Options of the hidden `double11 __save-stress` (used by the save tests).
#[derive(Debug, Clone, Args)]
pub struct StressArgs {
    /// The save folder.
    pub dir: PathBuf,
    /// How many writes.
    pub count: u64,
    /// Record results as player `p<TAG>` instead of writing the profile.
    #[arg(long, value_name = "TAG")]
    pub record: Option<u32>,
}

/// Width of the name column (at least).
const NAME: usize = 12;

/// Runs `double11 scores`; returns the exit code.
pub fn run(args: &ScoresArgs, save_dir: Option<PathBuf>) -> i32 {
    let Some((dir, _)) = paths::resolve(save_dir) else {
        eprintln!("double11: {}", crate::save::SaveError::NoDirectory);
        return EXIT_BAD_INPUT;
    };
    let save = match read_only(&dir) {
        Ok(save) => save.unwrap_or_default(),
        Err(e) => {
            eprintln!("double11: {e}");
            return EXIT_BAD_INPUT;
        }
    };
    let files = SaveFiles::new(&dir);
    let has_replay = |_: &str, e: &ScoreEntry| replay_ok(&files, e);
    print!("{}", render(&save, &dir, args.level.as_deref(), has_replay));
    EXIT_OK
}

/// True when the entry's replay file is there, reads, and has its seed.
fn replay_ok(files: &SaveFiles, e: &ScoreEntry) -> bool {
    let Some(name) = e.replay.as_deref().filter(|n| paths::is_plain_file_name(n)) else {
        return false;
    };
    ReplayHeader::read(&files.replay(name)).is_ok_and(|r| r.seed == e.seed)
}

/// The table a `--level` name means: tables are kept under the level's file
/// name (`2017.toml`), and players also type the short name (`2017`).
fn table_key<'a>(save: &Save, level: &'a str) -> std::borrow::Cow<'a, str> {
    if save.scores.contains_key(level) || level.ends_with(".toml") {
        return level.into();
    }
    let file = format!("{level}.toml");
    if save.scores.contains_key(&file) {
        file.into()
    } else {
        level.into()
    }
}

/// The tables as text: one per level (or only `level`), then the footnote.
pub fn render(
    save: &Save,
    dir: &Path,
    level: Option<&str>,
    has_replay: impl Fn(&str, &ScoreEntry) -> bool,
) -> String {
    let mut out = String::new();
    let level = level.map(|l| table_key(save, l));
    let levels: Vec<&str> = match level {
        Some(ref l) => vec![l.as_ref()],
        None => save.scores.keys().map(String::as_str).collect(),
    };
    let mut hidden = 0;
    let mut shown_any = false;
    for level in levels {
        let table = save.scores.get(level).map_or(&[][..], Vec::as_slice);
        let shown: Vec<&ScoreEntry> = table.iter().filter(|e| has_replay(level, e)).collect();
        hidden += table.len() - shown.len();
        if shown.is_empty() {
            continue;
        }
        if shown_any {
            out.push('\n');
        }
        shown_any = true;
        table_text(&mut out, level, &shown);
    }
    if !shown_any {
        let _ = match level {
            Some(l) => writeln!(out, "No high scores for {l} yet."),
            None => writeln!(out, "No high scores yet."),
        };
    }
    if hidden > 0 {
        let s = if hidden == 1 { "" } else { "s" };
        let _ = writeln!(out, "\n{hidden} score{s} without a replay file not shown.");
    }
    let _ = writeln!(out, "(saves in {})", dir.display());
    out
}

fn table_text(out: &mut String, level: &str, shown: &[&ScoreEntry]) {
    let width = shown
        .iter()
        .map(|e| e.name.width())
        .max()
        .unwrap_or(0)
        .max(NAME);
    let _ = writeln!(out, "High scores: {level}");
    let _ = writeln!(
        out,
        "   #  {}  {:>10}  {:<10}  Seed",
        pad("Name", width),
        "Score",
        "Date"
    );
    for (k, e) in shown.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {:>2}  {}  {:>10}  {:<10}  {}",
            k + 1,
            pad(&e.name, width),
            grouped(e.score),
            date::format_date(e.date),
            e.seed
        );
    }
}

/// `s` padded with spaces to `width` terminal columns.
fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, score: i64, replay: Option<&str>) -> ScoreEntry {
        ScoreEntry {
            name: name.into(),
            score,
            date: date::days_from_civil(2026, 11, 11),
            seed: 7,
            replay: replay.map(Into::into),
        }
    }

    #[test]
    fn tables_footnote_and_wide_names() {
        let mut save = Save::default();
        save.scores.insert(
            "2020".into(),
            vec![
                entry("李伟", 42_000, Some("a.json")),
                entry("cheat", 99_999, None),
                entry("Wang", 900, Some("b.json")),
            ],
        );
        let text = render(&save, Path::new("/s"), None, |_, e| e.replay.is_some());
        let expected = "\
High scores: 2020
   #  Name               Score  Date        Seed
   1  李伟              42,000  2026-11-11  7
   2  Wang                 900  2026-11-11  7

1 score without a replay file not shown.
(saves in /s)
";
        assert_eq!(text, expected);
    }

    #[test]
    fn nothing_yet() {
        let save = Save::default();
        let text = render(&save, Path::new("/s"), Some("2017"), |_, _| true);
        assert_eq!(text, "No high scores for 2017 yet.\n(saves in /s)\n");
    }
}
