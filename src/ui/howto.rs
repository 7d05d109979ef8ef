//! How to play: page 1 the three phases, page 2 every key.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Theme;
use super::card::panel;
use super::text::{Lang, Text, t};
use crate::app::state::App;

fn phases(lang: Lang) -> [(&'static str, &'static [&'static str]); 3] {
    match lang {
        Lang::En => [
            (
                "1 WARM-UP",
                &[
                    "Press a lane's key when an envelope is in the CATCH band.",
                    "",
                    "  [¥]      [★]",
                    "═══ CATCH ═══",
                    "",
                    "Perfect on the ▶◀ line, good in the band. An empty press breaks the combo, locks the lane and costs a quarter of your next envelope.",
                ],
            ),
            (
                "2 11.11 DAY",
                &[
                    "The clock runs 00:00 → 24:00 in a few minutes: fill your cart and pay.",
                    "",
                    "Discounts stack: item coupon → store discount → store card → the festival's own cross-store rule (shown in the shop; below, each level's) → envelopes.",
                    "",
                    "凑单: add a little to reach the next tier. Split: two checkouts take 10 envelopes and one coupon per store each.",
                    "",
                    "S skips ahead to the next event. Mind your budget.",
                ],
            ),
            (
                "3 MIDNIGHT",
                &[
                    "Unused envelopes expire.",
                    "",
                    "Score: savings, wishlist catches — minus waste and 剁手 (spending past your own budget).",
                    "",
                    "Then: the best plan, and your day beside the real GMV records.",
                ],
            ),
        ],
        Lang::Zh => [
            (
                "1 预热",
                &[
                    "红包落到“接住区”时，按下该车道的键。",
                    "",
                    "  [¥]      [★]",
                    "═══ 接住区 ═══",
                    "",
                    "在 ▶◀ 线上按为完美，接住区内为不错。空按会中断连击、锁住车道，并扣掉下一个红包的四分之一。",
                ],
            ),
            (
                "2 双十一当天",
                &[
                    "时钟在几分钟内从 00:00 走到 24:00：装满购物车并付款。",
                    "",
                    "优惠叠加：单品券 → 店铺满减 → 店铺券 → 本届自己的跨店规则（商店里有写；各届见下方）→ 红包。",
                    "",
                    "凑单：再加一点，够到下一档。拆单：分两次结算，每单各用 10 个红包、每店一张券。",
                    "",
                    "S 跳到下一个活动。注意预算。",
                ],
            ),
            (
                "3 午夜",
                &[
                    "未用的红包过期。",
                    "",
                    "得分：省下的钱、心愿单——减去浪费和剁手（超出自己的预算）。",
                    "",
                    "然后：最优方案，以及你的一天与历年真实成交额对比。",
                ],
            ),
        ],
    }
}

fn keys(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.settings.lang;
    let (lanes, also) = app.keymap.lane_legend();
    let row = |k: String, label: &str| {
        Line::from(vec![
            Span::styled(format!("{k:>14}"), theme.key),
            Span::raw(format!("  {label}")),
        ])
    };
    let en = lang == Lang::En;
    vec![
        row(
            lanes,
            &format!(
                "{} ({} {})",
                t(lang, Text::CatchKeys),
                t(lang, Text::Also),
                also.join(if en { " and " } else { " / " })
            ),
        ),
        row(
            "↑ ↓ ← →".into(),
            if en {
                "move (menus, shop)"
            } else {
                "移动（菜单、商店）"
            },
        ),
        row("Tab".into(), if en { "next store" } else { "下一家店" }),
        row(
            "A / X".into(),
            if en {
                "add to cart / remove"
            } else {
                "加入 / 移出购物车"
            },
        ),
        row("C".into(), if en { "check out" } else { "结算" }),
        row("/".into(), if en { "search" } else { "搜索" }),
        row(
            "S".into(),
            if en {
                "skip ahead to the next event (in the day)"
            } else {
                "跳到下一个活动（当天）"
            },
        ),
        row("P Esc".into(), t(lang, Text::Pause)),
        row("?".into(), t(lang, Text::Help)),
        row("L".into(), "EN/中文"),
        row("q".into(), t(lang, Text::Quit)),
        row("Ctrl-C".into(), t(lang, Text::CtrlCQuit)),
    ]
}

/// One line per playable level: its year and its own rule, from its file.
fn level_rules(app: &App) -> Vec<Line<'static>> {
    let zh = app.settings.lang == Lang::Zh;
    app.levels
        .iter()
        .filter_map(|e| e.level.as_ref().ok().map(|l| (e, l)))
        .map(|(e, l)| {
            let label = e.file.trim_end_matches(".toml");
            Line::raw(format!(
                "{label:>8}  {}",
                super::rule::festival_rule(zh, l, None)
            ))
        })
        .collect()
}

/// Draws How to play, `page` 0 or 1.
pub fn render(app: &App, theme: &Theme, page: u8, hud: Rect, body: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    let title = t(lang, Text::HowToPlay).to_uppercase();
    let page_label = match lang {
        Lang::En => format!("page {} of 2", page + 1),
        Lang::Zh => format!("第 {} / 2 页", page + 1),
    };
    super::hud::bar(theme, &["double11".into(), title], &[page_label], hud, buf);
    if page == 0 {
        let rules = level_rules(app);
        let [body, rules_area] = body.layout(&Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(rules.len() as u16 + 2),
        ]));
        let inner = panel(
            theme,
            Span::styled(
                match lang {
                    Lang::En => " EACH FESTIVAL'S RULE ",
                    Lang::Zh => " 各届规则 ",
                },
                theme.gold,
            ),
            rules_area,
            buf,
        );
        Paragraph::new(rules).render(inner, buf);
        let cols: [Rect; 3] = body.layout(&Layout::horizontal([Constraint::Ratio(1, 3); 3]));
        for ((name, text), col) in phases(lang).into_iter().zip(cols) {
            let inner = panel(
                theme,
                Span::styled(format!(" {name} "), theme.gold),
                col,
                buf,
            );
            let lines: Vec<Line> = text.iter().map(|s| Line::raw(*s)).collect();
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .render(inner, buf);
        }
    } else {
        let inner = panel(
            theme,
            Span::styled(
                match lang {
                    Lang::En => " KEYS ",
                    Lang::Zh => " 按键 ",
                },
                theme.gold,
            ),
            body,
            buf,
        );
        Paragraph::new(keys(app, theme)).render(inner, buf);
    }
}
