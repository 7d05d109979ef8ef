//! The command line: `double11 [play]` runs the game, `double11 quote`
//! prices one checkout from a scenario file.

mod check;
mod demo;
mod json;
mod levels;
mod quote;
mod replay;
mod scores;
mod simulate;
mod text;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// double11: catch red envelopes, shop under the countdown, check out by the
/// real 11.11 spending rules.
#[derive(Debug, Parser)]
#[command(
    name = "double11",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; without one, play.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options for playing when no subcommand is given.
    #[command(flatten)]
    pub play: PlayArgs,
    /// Where saves live (default: $DOUBLE11_SAVE_DIR, else the platform data directory).
    #[arg(long, global = true, value_name = "DIR")]
    pub save_dir: Option<PathBuf>,
    /// Options for every subcommand (language, colour).
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Options that apply wherever they are given on the command line.
#[derive(Debug, Clone, Default, Args)]
pub struct GlobalArgs {
    /// The interface language: en (default) or zh.
    #[arg(long, global = true, value_name = "en|zh", value_parser = parse_lang)]
    pub lang: Option<crate::ui::text::Lang>,
    /// No colour: bold, reverse and glyphs only (as NO_COLOR does).
    #[arg(long, global = true)]
    pub no_color: bool,
}

fn parse_lang(s: &str) -> Result<crate::ui::text::Lang, String> {
    crate::ui::text::Lang::parse(s).ok_or_else(|| format!("unknown language \"{s}\" (en or zh)"))
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Play the game (the default).
    Play(PlayArgs),
    /// Price one checkout from a scenario file.
    Quote(QuoteArgs),
    /// List the shipped levels and your own (from the user level folder).
    Levels,
    /// Check level files: every problem at FILE:LINE:COLUMN; exit 1 if any.
    Check {
        /// The level files (TOML).
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
    /// Play festivals headless with a bot and print score statistics.
    Simulate(simulate::SimulateArgs),
    /// Play a replay file on screen (--verify: re-run it headless and check its score).
    Replay(replay::ReplayArgs),
    /// Attract mode: a bot plays on screen until someone presses a key.
    Demo(demo::DemoArgs),
    /// Print the high-score tables.
    Scores(scores::ScoresArgs),
    /// Write saves in a loop (for the save tests).
    #[command(name = "__save-stress", hide = true)]
    SaveStress(scores::StressArgs),
}

/// Options of `double11 play`.
#[derive(Debug, Clone, Default, Args)]
pub struct PlayArgs {
    /// The level to play (a built-in level's name or a level file).
    #[arg(long)]
    pub level: Option<String>,
    /// The random seed, for a repeatable game.
    #[arg(long)]
    pub seed: Option<u64>,
}

/// Options of `double11 quote`.
#[derive(Debug, Clone, Args)]
pub struct QuoteArgs {
    /// The scenario file (TOML).
    #[arg(value_name = "SCENARIO.toml")]
    pub scenario: PathBuf,
    /// Choose the coupons and envelopes that pay the least (possibly none).
    #[arg(long)]
    pub best: bool,
    /// Print one JSON object, every amount in fen.
    #[arg(long)]
    pub json: bool,
    /// Also list the cheapest ways to save more by buying more.
    #[arg(long)]
    pub hints: bool,
}

/// Exit code: the checkout was priced (or the game ended normally).
pub const EXIT_OK: i32 = 0;
/// Exit code: the checkout is refused (over credit, out of stock, over a limit).
pub const EXIT_REFUSED: i32 = 1;
/// Exit code: a bad or unreadable scenario file, or a bad command line.
pub const EXIT_BAD_INPUT: i32 = 2;

/// Runs the command line; returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are "errors" that print to stdout and exit 0.
            let _ = e.print();
            return e.exit_code();
        }
    };
    run(cli)
}

/// Runs a parsed command line; returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Some(Command::Quote(args)) => quote::run(&args),
        Some(Command::Simulate(args)) => simulate::run(&args),
        Some(Command::Replay(args)) => replay::run(&args, &cli.global),
        Some(Command::Demo(args)) => demo::run(&args, &cli.global, cli.save_dir),
        Some(Command::Levels) => levels::run(),
        Some(Command::Check { files }) => check::run(&files),
        Some(Command::Scores(args)) => scores::run(&args, cli.save_dir),
        Some(Command::SaveStress(a)) => crate::save::stress::run(&a.dir, a.count, a.record),
        Some(Command::Play(args)) => play(args, &cli.global, cli.save_dir),
        None => play(cli.play, &cli.global, cli.save_dir),
    }
}

/// Plays with the `play` options, the global ones and the save folder.
fn play(args: PlayArgs, global: &GlobalArgs, save_dir: Option<PathBuf>) -> i32 {
    crate::app::run_with(crate::app::Options {
        level: args.level,
        seed: args.seed,
        lang: global.lang,
        mono: global.no_color,
        save_dir,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_double11_means_play() {
        let cli = Cli::try_parse_from(["double11"]).expect("parses");
        assert!(cli.command.is_none());
        let cli = Cli::try_parse_from(["double11", "--seed", "7"]).expect("parses");
        assert_eq!(cli.play.seed, Some(7));
    }

    #[test]
    fn quote_takes_its_flags() {
        let cli = Cli::try_parse_from(["double11", "quote", "a.toml", "--best", "--json"])
            .expect("parses");
        let Some(Command::Quote(q)) = cli.command else {
            panic!("not a quote: {:?}", cli.command);
        };
        assert!(q.best && q.json && !q.hints);
        assert_eq!(q.scenario, PathBuf::from("a.toml"));
    }

    #[test]
    fn play_takes_level_and_seed() {
        let cli = Cli::try_parse_from(["double11", "play", "--level", "2020", "--seed", "11"])
            .expect("parses");
        let Some(Command::Play(p)) = cli.command else {
            panic!("not play: {:?}", cli.command);
        };
        assert_eq!(p.level.as_deref(), Some("2020"));
        assert_eq!(p.seed, Some(11));
    }

    #[test]
    fn lang_and_no_color_anywhere() {
        use crate::ui::text::Lang;
        let cli = Cli::try_parse_from(["double11", "--lang", "zh", "--no-color"]).expect("parses");
        assert_eq!(cli.global.lang, Some(Lang::Zh));
        assert!(cli.global.no_color);
        let cli = Cli::try_parse_from(["double11", "play", "--level", "x.toml", "--lang", "en"])
            .expect("parses");
        assert_eq!(cli.global.lang, Some(Lang::En));
        assert!(Cli::try_parse_from(["double11", "--lang", "fr"]).is_err());
    }

    #[test]
    fn scores_and_save_dir() {
        let cli =
            Cli::try_parse_from(["double11", "scores", "--level", "2020", "--save-dir", "/s"])
                .expect("parses");
        let Some(Command::Scores(s)) = cli.command else {
            panic!("not scores: {:?}", cli.command);
        };
        assert_eq!(s.level.as_deref(), Some("2020"));
        assert_eq!(cli.save_dir, Some(PathBuf::from("/s")));
        let cli = Cli::try_parse_from(["double11", "--save-dir", "/t"]).expect("parses");
        assert_eq!(cli.save_dir, Some(PathBuf::from("/t")));
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
