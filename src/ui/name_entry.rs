//! The NEW HIGH SCORE card over the results: the place, the level and the
//! name being typed (underscores show the room left, by display width).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Theme;
use super::card::Card;
use super::text::Lang;
use crate::app::name_entry::{NAME_WIDTH, NameEntry, ordinal};
use crate::app::state::App;

/// Draws the name card centred in `area`.
pub fn render(app: &App, theme: &Theme, entry: &NameEntry, area: Rect, buf: &mut Buffer) {
    let Some(play) = &app.play else { return };
    let zh = app.settings.lang == Lang::Zh;
    let level = app
        .levels
        .iter()
        .find(|e| e.file == play.level_name)
        .map_or_else(|| play.level_name.clone(), |e| e.short_name());
    let score = super::hud::grouped(play.game.score().total);
    let (title, place, prompt) = if zh {
        (
            "新纪录",
            format!("{level} 排行榜第 {} 名 · {score} 分", entry.place),
            "你的名字：",
        )
    } else {
        (
            "NEW HIGH SCORE",
            format!("{} on {level} · {score} points", ordinal(entry.place)),
            "your name: ",
        )
    };
    let room = NAME_WIDTH.saturating_sub(entry.width());
    let field = Line::from(vec![
        Span::raw(prompt),
        Span::styled(entry.text.clone(), theme.key),
        Span::styled(if room > 0 { "_" } else { "" }, theme.selected),
        Span::styled("_".repeat(room.saturating_sub(1)), theme.dim),
    ]);
    let profile = app.store.profile().name.clone();
    let keys = Line::from(vec![
        Span::styled("Enter", theme.key),
        Span::raw(if zh { " 保存 · " } else { " save · " }),
        Span::styled("Esc", theme.key),
        Span::raw(if zh {
            format!(" 用「{profile}」")
        } else {
            format!(" keep \"{profile}\"")
        }),
    ]);
    let lines = vec![
        Line::styled(place, theme.gold),
        Line::raw(""),
        field,
        Line::raw(""),
        keys,
    ];
    // The title (with its frame) is narrower than the 34 columns.
    Card::new(&format!("★ {title}"), lines)
        .pad(2)
        .min_width(34)
        .render(theme, area, buf);
}
