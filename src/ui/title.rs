//! The title screen and its menu. Static: it only changes on a key.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

use super::Theme;
use super::text::{Lang, Text, fact, t};
use crate::app::state::{App, MenuItem};
use crate::game::Phase;
use crate::save::Suspended;

const LOGO: [&str; 5] = [
    "▄██    ▄██         ▄██    ▄██ ",
    " ██     ██          ██     ██ ",
    " ██     ██          ██     ██ ",
    " ██     ██    ▄▄    ██     ██ ",
    "████   ████   ██   ████   ████",
];

/// Where the title's parts go inside the body.
struct TitleLayout {
    logo: Rect,
    tag: Rect,
    menu: Rect,
    fact: Rect,
}

fn layout(body: Rect, items: usize) -> TitleLayout {
    let inner = Block::bordered().inner(body);
    // logo 5, gap 1, tag 2, gap 1, menu n, gap 1, fact 1
    let n = u16::try_from(items).unwrap_or(u16::MAX).min(9);
    let content = 11 + n;
    let top = inner.y + inner.height.saturating_sub(content) / 2;
    let row = |dy: u16, h: u16| {
        let y = (top + dy).min(inner.bottom());
        Rect::new(
            inner.x,
            y,
            inner.width,
            h.min(inner.bottom().saturating_sub(y)),
        )
    };
    TitleLayout {
        logo: row(0, 5),
        tag: row(6, 2),
        menu: row(9, n),
        fact: row(10 + n, 1),
    }
}

/// Where a saved festival stands, as the Resume entry says it:
/// `2017 · 11.11 DAY 14:32`.
pub fn suspended_label(s: &Suspended, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let game = &s.game;
    let name = super::demo::level_label(&s.level, game.level());
    let at = match game.phase() {
        Phase::Day => format!(
            "{} {}",
            if zh { "双十一" } else { "11.11 DAY" },
            game.clock_time()
        ),
        Phase::Opening => (if zh {
            "双十一 00:00 开幕"
        } else {
            "11.11 00:00 OPENING"
        })
        .to_string(),
        Phase::Results => (if zh { "午夜" } else { "MIDNIGHT" }).to_string(),
        _ => (if zh { "红包雨" } else { "WARM-UP RAIN" }).to_string(),
    };
    format!("{name} · {at}")
}

fn menu_label(app: &App, item: MenuItem) -> String {
    let lang = app.settings.lang;
    if item == MenuItem::Resume {
        let at = app
            .store
            .suspended()
            .map(|s| suspended_label(s, lang))
            .unwrap_or_default();
        return match lang {
            Lang::En => format!("Resume {at}"),
            Lang::Zh => format!("继续 {at}"),
        };
    }
    let label = match item {
        MenuItem::Play => t(lang, Text::Play),
        MenuItem::HowToPlay => t(lang, Text::HowToPlay),
        MenuItem::HighScores => t(lang, Text::HighScores),
        MenuItem::Settings => t(lang, Text::Settings),
        MenuItem::Quit => match lang {
            Lang::En => "Quit",
            Lang::Zh => "退出",
        },
        MenuItem::Resume => "",
    };
    label.to_string()
}

/// The left column of the menu, so the entries line up under each other.
fn menu_x(menu: Rect) -> u16 {
    menu.x + menu.width.saturating_sub(16) / 2
}

/// Which of the `items` menu entries is at a screen cell (for mouse
/// clicks), given the whole terminal area.
pub fn menu_hit(area: Rect, items: usize, column: u16, row: u16) -> Option<usize> {
    let [_, body, _] = super::chrome(area);
    let menu = layout(body, items).menu;
    if column < menu_x(menu) || !menu.contains((column, row).into()) {
        return None;
    }
    let i = usize::from(row - menu.y);
    (i < items).then_some(i)
}

/// Draws the title screen: HUD, logo, tag line, menu, one 11.11 fact.
pub fn render(app: &App, theme: &Theme, hud: Rect, body: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    super::hud::menu(app, theme, t(lang, Text::Festival), None, hud, buf);
    Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border)
        .render(body, buf);
    let items = app.menu_items();
    let l = layout(body, items.len());

    let logo: Vec<Line> = LOGO
        .iter()
        .map(|s| Line::styled(*s, theme.envelope))
        .collect();
    Paragraph::new(logo)
        .alignment(Alignment::Center)
        .render(l.logo, buf);

    Paragraph::new(vec![
        Line::styled(t(lang, Text::TagLine), theme.text),
        Line::styled(t(lang, Text::SubTagLine), theme.dim),
    ])
    .alignment(Alignment::Center)
    .render(l.tag, buf);

    let x = menu_x(l.menu);
    for (i, item) in items.into_iter().enumerate() {
        let y = l.menu.y + i as u16;
        if y >= l.menu.bottom() {
            break;
        }
        let label = menu_label(app, item);
        let row = Rect::new(x, y, l.menu.right().saturating_sub(x), 1);
        let line = if i == app.title_sel {
            Line::from(vec![
                Span::styled("▶ ", theme.text),
                Span::styled(format!(" {label} "), theme.selected),
            ])
        } else {
            Line::from(vec![Span::raw("   "), Span::styled(label, theme.text)])
        };
        line.render(row, buf);
    }

    Paragraph::new(Line::styled(
        format!("┄ {} ┄", fact(lang, app.fact)),
        theme.dim,
    ))
    .alignment(Alignment::Center)
    .render(l.fact, buf);
}
