//! The pause card, the quit card (save and quit / quit without saving /
//! keep playing) and the new-festival confirmation, centred over the dimmed
//! screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Theme;
use super::card::Card;
use super::text::{Lang, Text, t};
use crate::app::state::{App, QuitChoice};

fn keyline<'a>(theme: &Theme, key: &'a str, label: &'a str) -> Line<'a> {
    Line::from(vec![
        Span::styled(key, theme.key),
        Span::raw(" "),
        Span::raw(label),
    ])
}

/// Draws the PAUSED card.
pub fn render_pause(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    let stopped = crate::ui::play_clock_label(app);
    let body = vec![
        Line::raw(match stopped {
            Some(c) => format!("{} {c}", t(lang, Text::PausedBody)),
            None => t(lang, Text::PausedBody).to_string(),
        }),
        Line::from(vec![
            Span::styled("P / Enter", theme.key),
            Span::raw(format!(" {}   ", t(lang, Text::Resume))),
            Span::styled("?", theme.key),
            Span::raw(format!(" {}", t(lang, Text::Help))),
        ]),
        keyline(theme, "q", t(lang, Text::QuitFestival)),
    ];
    Card::new(t(lang, Text::Paused), body).render(theme, area, buf);
}

/// The quit card's label and key for a choice.
pub fn quit_choice_label(lang: Lang, c: QuitChoice) -> (&'static str, &'static str) {
    match (lang, c) {
        (Lang::En, QuitChoice::SaveAndQuit) => ("Save and quit", "s"),
        (Lang::En, QuitChoice::QuitWithoutSaving) => ("Quit without saving", "y"),
        (Lang::En, QuitChoice::KeepPlaying) => ("Keep playing", "n / Esc"),
        (Lang::Zh, QuitChoice::SaveAndQuit) => ("保存并退出", "s"),
        (Lang::Zh, QuitChoice::QuitWithoutSaving) => ("退出，不保存", "y"),
        (Lang::Zh, QuitChoice::KeepPlaying) => ("继续游戏", "n / Esc"),
    }
}

/// Draws the QUIT THIS FESTIVAL? card: three choices, the cursor on one.
pub fn render_confirm(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    let mut body: Vec<Line> = QuitChoice::ALL
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let (label, key) = quit_choice_label(lang, c);
            let sel = i == app.quit_sel;
            Line::from(vec![
                Span::raw(if sel { "▶ " } else { "  " }),
                Span::styled(
                    format!("{label:<20}"),
                    if sel { theme.selected } else { theme.text },
                ),
                Span::raw("  "),
                Span::styled(key, theme.key),
            ])
        })
        .collect();
    body.push(Line::raw(""));
    body.push(Line::styled(
        match lang {
            Lang::En => "saved festivals resume from the title menu",
            Lang::Zh => "保存的进度可在标题菜单继续",
        },
        theme.dim,
    ));
    Card::new(t(lang, Text::QuitConfirmTitle), body).render(theme, area, buf);
}

/// Draws the START A NEW FESTIVAL? card (a festival is saved to resume).
pub fn render_new_game(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    let saved = app
        .store
        .suspended()
        .map(|s| super::title::suspended_label(s, lang))
        .unwrap_or_default();
    let (title, lost, yes, no) = match lang {
        Lang::En => (
            "START A NEW FESTIVAL?",
            format!("Your saved festival ({saved}) will be lost."),
            "start a new one",
            "keep the saved one",
        ),
        Lang::Zh => (
            "开始新的一届？",
            format!("已保存的进度（{saved}）将丢失。"),
            "开始新的一届",
            "保留已保存的进度",
        ),
    };
    let body = vec![
        Line::raw(lost),
        Line::raw(""),
        keyline(theme, "y", yes),
        keyline(theme, "n / Esc", no),
    ];
    Card::new(title, body).render(theme, area, buf);
}
