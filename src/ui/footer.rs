//! The last row: only the keys that work now, generated from the keymap.
//! Keys bold, labels plain, ` · ` between.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Theme;
use super::text::{Lang, Text, t};
use crate::app::keymap::{Action, Context, Keymap, key_name};
use crate::app::state::{App, Overlay, Screen};

/// One legend entry: the keys as written, then what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// e.g. `↑↓`, `Enter`.
    pub keys: String,
    /// e.g. `choose`.
    pub label: String,
}

impl Hint {
    /// A hint from literal text.
    pub fn new(keys: impl Into<String>, label: impl Into<String>) -> Hint {
        Hint {
            keys: keys.into(),
            label: label.into(),
        }
    }
}

/// The first key bound to each action, concatenated (`↑` + `↓` → `↑↓`).
pub fn keys(km: &Keymap, ctx: Context, actions: &[Action]) -> String {
    actions
        .iter()
        .filter_map(|a| km.keys_for(ctx, *a).first().map(|k| key_name(*k)))
        .collect()
}

fn hint(km: &Keymap, ctx: Context, actions: &[Action], label: &str) -> Option<Hint> {
    let k = keys(km, ctx, actions);
    (!k.is_empty()).then(|| Hint::new(k, label))
}

/// `q quit`: the one key the legends write in lower case, as players type it.
fn quit_hint(km: &Keymap, ctx: Context, lang: Lang) -> Option<Hint> {
    hint(km, ctx, &[Action::Quit], t(lang, Text::Quit)).map(|mut h| {
        h.keys = h.keys.to_lowercase();
        h
    })
}

/// The legend for the app's current screen and overlay.
pub fn hints(app: &App) -> Vec<Hint> {
    let lang = app.settings.lang;
    let km = &app.keymap;
    let ctx = app.context();
    let tx = |k| t(lang, k);
    let help = Hint::new("?", tx(Text::Help));
    let quit = quit_hint(km, ctx, lang);
    let v: Vec<Option<Hint>> = match app.top_overlay() {
        Some(Overlay::Help) => vec![Some(Hint::new("? Esc", tx(Text::Back)))],
        Some(Overlay::WishlistPlan) => vec![Some(Hint::new("Esc Enter", tx(Text::Back)))],
        Some(Overlay::Pause) => vec![
            hint(km, ctx, &[Action::Pause], tx(Text::Resume)),
            Some(help),
            quit,
        ],
        Some(Overlay::ConfirmQuit) => {
            let zh = lang == Lang::Zh;
            vec![
                hint(km, ctx, &[Action::Up, Action::Down], tx(Text::Choose)),
                Some(Hint::new(
                    "s",
                    if zh {
                        "保存并退出"
                    } else {
                        "save and quit"
                    },
                )),
                Some(Hint::new(
                    "y",
                    if zh {
                        "不保存"
                    } else {
                        "quit without saving"
                    },
                )),
                Some(Hint::new("n", tx(Text::QuitNo))),
            ]
        }
        Some(Overlay::ConfirmNewGame) => {
            let zh = lang == Lang::Zh;
            vec![
                Some(Hint::new(
                    "y",
                    if zh {
                        "开始新的一届"
                    } else {
                        "start new"
                    },
                )),
                Some(Hint::new(
                    "n",
                    if zh {
                        "保留进度"
                    } else {
                        "keep the saved one"
                    },
                )),
            ]
        }
        None => return screen_hints(app),
    };
    v.into_iter().flatten().collect()
}

/// The legend of the screen itself, ignoring overlays (the help card
/// lists these).
pub fn screen_hints(app: &App) -> Vec<Hint> {
    let lang = app.settings.lang;
    let km = &app.keymap;
    let ctx = app.screen_context();
    let tx = |k| t(lang, k);
    let help = Hint::new("?", tx(Text::Help));
    let quit = quit_hint(km, ctx, lang);
    let back = hint(km, ctx, &[Action::Back], tx(Text::Back));
    let v: Vec<Option<Hint>> = match app.screen {
        Screen::Title => vec![
            hint(km, ctx, &[Action::Up, Action::Down], tx(Text::Choose)),
            hint(km, ctx, &[Action::Confirm], tx(Text::Select)),
            hint(km, ctx, &[Action::ToggleLang], "EN/中文"),
            Some(help),
            quit,
        ],
        Screen::HowTo { .. } => vec![
            hint(km, ctx, &[Action::Left, Action::Right], tx(Text::Page)),
            Some(help),
            back,
            quit,
        ],
        Screen::Levels => vec![
            hint(km, ctx, &[Action::Up, Action::Down], tx(Text::Choose)),
            hint(km, ctx, &[Action::Confirm], tx(Text::PlayLevel)),
            Some(help),
            back,
            quit,
        ],
        Screen::Settings => vec![
            hint(km, ctx, &[Action::Up, Action::Down], tx(Text::Choose)),
            hint(km, ctx, &[Action::Left, Action::Right], tx(Text::Change)),
            Some(help),
            back,
        ],
        Screen::Scores => vec![
            hint(
                km,
                ctx,
                &[Action::Left, Action::Right],
                if lang == Lang::Zh {
                    "切换届"
                } else {
                    "festival"
                },
            ),
            Some(help),
            back,
            quit,
        ],
        Screen::Playing => return play_hints(app),
    };
    v.into_iter().flatten().collect()
}

/// Renders hints as a line: keys bold, labels plain.
pub fn line<'a>(theme: &Theme, hints: &'a [Hint]) -> Line<'a> {
    let mut spans = vec![Span::raw(" ")];
    for (i, h) in hints.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.dim));
        }
        spans.push(Span::styled(h.keys.as_str(), theme.key));
        spans.push(Span::raw(" "));
        spans.push(Span::raw(h.label.as_str()));
    }
    Line::from(spans)
}

/// Draws the footer for the app.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let hints = hints(app);
    line(theme, &hints).render(area, buf);
}

/// The language toggle label, for the help overlay.
pub fn lang_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "EN/中文",
        Lang::Zh => "中文/EN",
    }
}

/// What `S` does in the day: "skip to 10:00" (the next event's time, or
/// 24:00), or "end show" while a show is on the runway.
pub fn skip_label(zh: bool, game: &crate::game::GameState) -> String {
    let day = game.day();
    if day.show.is_some() {
        return if zh { "看完走秀" } else { "end show" }.into();
    }
    let at = day
        .upcoming()
        .first()
        .and_then(|&e| game.level().events.get(e))
        .map_or(crate::level::ClockTime(crate::level::DAY_MINUTES), |e| e.at);
    if zh {
        format!("跳到 {at}")
    } else {
        format!("skip to {at}")
    }
}

/// The legend in play, by phase.
fn play_hints(app: &App) -> Vec<Hint> {
    use crate::game::Phase;
    let lang = app.settings.lang;
    let zh = lang == Lang::Zh;
    let km = &app.keymap;
    let ctx = app.screen_context();
    let l = |en: &'static str, cn: &'static str| if zh { cn } else { en };
    let quit = quit_hint(km, ctx, lang);
    let help = Some(Hint::new("?", t(lang, Text::Help)));
    let Some(p) = &app.play else {
        return Vec::new();
    };
    let next = app
        .next_festival()
        .map(|_| Hint::new("N", l("next festival", "下一届")));
    if p.searching {
        return vec![
            Hint::new(l("type", "输入"), l("search", "搜索")),
            Hint::new("Enter", l("done", "完成")),
            Hint::new("Esc", l("clear", "清除")),
        ];
    }
    let v: Vec<Option<Hint>> = match p.phase() {
        Phase::Rain => {
            let (primary, others) = km.lane_legend();
            let label = format!(
                "{} ({} {})",
                t(lang, Text::CatchKeys),
                t(lang, Text::Also),
                others.join(l(" and ", " / "))
            );
            vec![
                Some(Hint::new(primary, label)),
                hint(km, ctx, &[Action::Pause], t(lang, Text::Pause)),
                help,
                quit,
            ]
        }
        Phase::RainIntro | Phase::RainOver => vec![
            Some(Hint::new("Enter", l("start rain", "开始"))),
            hint(km, ctx, &[Action::Skip], l("go shopping", "去购物")),
            hint(km, ctx, &[Action::Pause], t(lang, Text::Pause)),
            help,
            quit,
        ],
        Phase::Opening => vec![Some(Hint::new(l("any key", "任意键"), l("shop", "购物")))],
        Phase::Day => match p.game.day().overlay {
            crate::game::Overlay::None => vec![
                hint(km, ctx, &[Action::Up, Action::Down], l("item", "商品")),
                hint(km, ctx, &[Action::Left, Action::Right], l("store", "店铺")),
                hint(km, ctx, &[Action::AddToCart], l("add", "加购")),
                hint(km, ctx, &[Action::RemoveFromCart], l("remove", "移出")),
                hint(km, ctx, &[Action::Checkout], l("check out", "结算")),
                hint(km, ctx, &[Action::Skip], &skip_label(zh, &p.game)),
                hint(km, ctx, &[Action::Search], l("search", "搜索")),
                hint(km, ctx, &[Action::Pause], t(lang, Text::Pause)),
                help,
            ],
            crate::game::Overlay::Review { .. } => vec![
                Some(Hint::new("Enter", l("pay", "付款"))),
                hint(km, ctx, &[Action::BuyNow], l("best plan", "最优方案")),
                Some(Hint::new("Esc", l("back to cart", "返回购物车"))),
                help,
            ],
            crate::game::Overlay::Refused(_) => vec![
                hint(
                    km,
                    ctx,
                    &[Action::RemoveFromCart],
                    l("remove sold-out", "移除"),
                ),
                Some(Hint::new("Esc", l("back to cart", "返回购物车"))),
            ],
        },
        Phase::Results => match &p.finish {
            crate::app::play::Finish::NameEntry(_) => vec![
                Some(Hint::new(l("type", "输入"), l("your name", "你的名字"))),
                Some(Hint::new("Bksp", l("delete", "删除"))),
                Some(Hint::new("Enter", l("save", "保存"))),
                Some(Hint::new("Esc", l("keep profile name", "用档案名"))),
            ],
            crate::app::play::Finish::Recorded { place: Some(n) } => vec![
                Some(Hint::new(
                    "★",
                    if zh {
                        format!("排行榜第 {n} 名")
                    } else {
                        format!("{} on the table", crate::app::name_entry::ordinal(*n))
                    },
                )),
                Some(Hint::new("B", l("best plan", "最优方案"))),
                next,
                Some(Hint::new("Enter", l("menu", "菜单"))),
                Some(Hint::new("Esc", l("menu", "菜单"))),
            ],
            _ => vec![
                Some(Hint::new("B", l("best plan", "最优方案"))),
                next,
                Some(Hint::new("Enter", l("menu", "菜单"))),
                Some(Hint::new("Esc", l("menu", "菜单"))),
            ],
        },
    };
    v.into_iter().flatten().collect()
}
