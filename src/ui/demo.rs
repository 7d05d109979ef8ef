//! The demo caption and the replay banner (screens.md §14): a festival drawn
//! with the real play views, and one reverse-video line in place of the
//! footer. Views only draw: the app builds a [`Caption`] or a [`Banner`].

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::Theme;
use super::text::Lang;
use crate::app::cart_figures::CartFigures;
use crate::app::state::App;
use crate::bot::BotKind;
use crate::game::GameState;
use crate::level::Level;

/// What the attract mode's caption says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caption {
    /// The bot on screen.
    pub bot: BotKind,
    /// The level's short name ([`level_label`]).
    pub level: String,
    /// The pulse's bright half (the stars are bold, else dim).
    pub bright: bool,
}

/// What the replay banner says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banner {
    /// The level's short name ([`level_label`]).
    pub level: String,
    /// The festival's seed.
    pub seed: u64,
    /// The score on screen now.
    pub score: i64,
    /// The score the replay file claims.
    pub claimed: i64,
    /// Re-running the replay gives the claimed score.
    pub verified: bool,
    /// Playback speed (1, 2, 4 or 8).
    pub speed: u32,
    /// Playback is paused.
    pub paused: bool,
    /// Every input applied and the end tick reached.
    pub done: bool,
}

/// A level's short name: `Tutorial` for the tutorial, else its year.
pub fn level_label(file: &str, level: &Level) -> String {
    if file.starts_with("tutorial") {
        level
            .name
            .split(" · ")
            .next()
            .unwrap_or(&level.name)
            .to_string()
    } else {
        level.year.to_string()
    }
}

/// The caption's text at `width` columns: the essentials, then the
/// invitation if it fits.
pub fn caption_text(caption: &Caption, lang: Lang, width: u16) -> String {
    let (demo, playing, press, extra) = match lang {
        Lang::Zh => (
            "演示",
            format!("{}机器人正在玩 {}", bot_zh(caption.bot), caption.level),
            "按任意键开始",
            "抢红包 · 赶在午夜前下单",
        ),
        Lang::En => (
            "DEMO",
            format!("the {} bot is playing {}", caption.bot, caption.level),
            "press any key to play",
            "catch red envelopes · beat the midnight clock",
        ),
    };
    let base = format!(" ★ {demo} · {playing} · {press} ★ ");
    let long = format!("{base}  {extra} ");
    if super::width(&long) <= width {
        long
    } else {
        base
    }
}

/// The banner's text at `width` columns: what is played and whether its
/// score holds, then the speed and the keys as far as they fit.
pub fn banner_text(banner: &Banner, lang: Lang, width: u16) -> String {
    let zh = lang == Lang::Zh;
    let mark = if banner.verified { "✓" } else { "✗" };
    let head = format!(
        " {} · {} · {} {} · {} ★{} ({} ★{} {mark})",
        if zh { "回放" } else { "REPLAY" },
        banner.level,
        if zh { "种子" } else { "seed" },
        banner.seed,
        if zh { "得分" } else { "score" },
        super::hud::grouped(banner.score),
        if zh { "声称" } else { "claimed" },
        super::hud::grouped(banner.claimed),
    );
    let state = if banner.done {
        (if zh { "结束" } else { "END" }).to_string()
    } else if banner.paused {
        (if zh { "暂停" } else { "PAUSED" }).to_string()
    } else {
        format!("{}×", banner.speed)
    };
    let [pause, speed, quit] = if zh {
        ["空格 暂停", "+/- 速度", "q 退出"]
    } else {
        ["space pause", "+/- speed", "q quit"]
    };
    // The keys as far as they fit, `q` last to go.
    let options: [&[&str]; 4] = [
        &[&state, pause, speed, quit],
        &[&state, pause, quit],
        &[&state, quit],
        &[&state],
    ];
    let fits = |parts: &[&str]| format!("{head} · {} ", parts.join(" · "));
    // At the end only `q` does anything.
    let from = if banner.done { 2 } else { 0 };
    options[from..]
        .iter()
        .map(|parts| fits(parts))
        .find(|t| super::width(t) <= width)
        .unwrap_or_else(|| format!("{head} "))
}

/// The demo: the bot's festival and the caption on the last row.
pub fn render_demo(
    app: &App,
    game: &GameState,
    cart: &CartFigures,
    caption: &Caption,
    area: Rect,
    buf: &mut Buffer,
) {
    let Some(foot) = festival(app, game, cart, area, buf) else {
        return;
    };
    let text = caption_text(caption, app.settings.lang, foot.width);
    let theme = &app.theme;
    bar(theme, &text, foot, buf);
    // Only the stars pulse.
    let star = if caption.bright {
        theme.hud.add_modifier(Modifier::BOLD)
    } else {
        theme.hud.add_modifier(Modifier::DIM)
    };
    let mut x = foot.x;
    for c in text.chars() {
        if c == '★' && x < foot.right() {
            buf.set_style(Rect::new(x, foot.y, 1, 1), star);
        }
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        x = x.saturating_add(u16::try_from(w).unwrap_or(0));
    }
}

/// A replay: its festival and the banner on the last row.
pub fn render_replay(
    app: &App,
    game: &GameState,
    cart: &CartFigures,
    banner: &Banner,
    area: Rect,
    buf: &mut Buffer,
) {
    let Some(foot) = festival(app, game, cart, area, buf) else {
        return;
    };
    let text = banner_text(banner, app.settings.lang, foot.width);
    bar(&app.theme, &text, foot, buf);
}

/// Draws the festival (HUD and body) and returns the footer row, or draws
/// the too-small notice and returns `None`.
fn festival(
    app: &App,
    game: &GameState,
    cart: &CartFigures,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Rect> {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return None;
    }
    if app.too_small() {
        super::too_small::render(app, &app.theme, area, buf);
        return None;
    }
    let [hud_row, body, foot] = super::chrome(area);
    super::play_game(app, &app.theme, game, cart, hud_row, body, buf);
    Some(foot)
}

/// A reverse-video row with `text` from its left edge.
fn bar(theme: &Theme, text: &str, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.hud);
    buf.set_stringn(area.x, area.y, text, usize::from(area.width), theme.hud);
}

/// The bot's name in Chinese.
fn bot_zh(bot: BotKind) -> &'static str {
    match bot {
        BotKind::Random => "随机",
        BotKind::Greedy => "贪心",
        BotKind::Planner => "规划",
        BotKind::Masher => "乱按",
        BotKind::Idle => "挂机",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caption_keeps_its_essentials_when_narrow() {
        let c = Caption {
            bot: BotKind::Planner,
            level: "2017".into(),
            bright: true,
        };
        let narrow = caption_text(&c, Lang::En, 80);
        assert!(narrow.contains("DEMO · the planner bot is playing 2017 · press any key to play"));
        assert!(!narrow.contains("midnight"));
        assert!(caption_text(&c, Lang::En, 120).contains("beat the midnight clock"));
        assert!(super::super::width(&caption_text(&c, Lang::Zh, 80)) <= 80);
    }

    #[test]
    fn the_banner_says_whether_the_claim_holds_and_fits() {
        let mut b = Banner {
            level: "2017".into(),
            seed: 11,
            score: 93_120,
            claimed: 93_120,
            verified: true,
            speed: 2,
            paused: false,
            done: false,
        };
        let t = banner_text(&b, Lang::En, 120);
        assert!(
            t.contains("REPLAY · 2017 · seed 11 · score ★93,120 (claimed ★93,120 ✓) · 2×"),
            "{t}"
        );
        assert!(t.contains("q quit"), "{t}");
        b.done = true;
        let t = banner_text(&b, Lang::En, 120);
        assert!(t.ends_with("· END · q quit "), "{t}");
        b.done = false;
        b.verified = false;
        b.paused = true;
        let t = banner_text(&b, Lang::En, 80);
        assert!(t.contains("✗") && t.contains("PAUSED"), "{t}");
        assert!(super::super::width(&t) <= 80, "{t}");
    }
}
