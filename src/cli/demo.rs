//! `double11 demo [--bot B] [--seed S]`: attract mode for a booth or a talk.

use clap::Args;

use crate::bot::BotKind;

/// Options of `double11 demo`.
#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    /// The bot on screen: planner (default), greedy or random.
    #[arg(long, default_value = "planner", value_name = "planner|greedy|random")]
    pub bot: BotKind,
    /// The first festival's seed (each next festival uses the next one).
    #[arg(long)]
    pub seed: Option<u64>,
}

/// Runs `double11 demo`; returns the exit code.
pub(super) fn run(
    args: &DemoArgs,
    global: &super::GlobalArgs,
    save_dir: Option<std::path::PathBuf>,
) -> i32 {
    crate::app::run_demo(crate::app::demo::DemoOptions {
        bot: args.bot,
        seed: args.seed,
        game: crate::app::Options {
            lang: global.lang,
            mono: global.no_color,
            save_dir,
            ..crate::app::Options::default()
        },
    })
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::super::{Cli, Command};
    use crate::bot::BotKind;

    #[test]
    fn demo_takes_a_bot_and_a_seed() {
        let cli = Cli::try_parse_from(["double11", "demo"]).expect("parses");
        let Some(Command::Demo(d)) = cli.command else {
            panic!("not demo: {:?}", cli.command);
        };
        assert_eq!((d.bot, d.seed), (BotKind::Planner, None));
        let cli = Cli::try_parse_from(["double11", "demo", "--bot", "greedy", "--seed", "1"])
            .expect("parses");
        let Some(Command::Demo(d)) = cli.command else {
            panic!("not demo: {:?}", cli.command);
        };
        assert_eq!((d.bot, d.seed), (BotKind::Greedy, Some(1)));
        assert!(Cli::try_parse_from(["double11", "demo", "--bot", "clever"]).is_err());
    }
}
