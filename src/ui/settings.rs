//! Settings: language, lane keys, colour, reduce motion. Saved on change.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::Theme;
use super::card::panel;
use super::text::{Lang, Text, t};
use crate::app::keymap::{LanePreset, key_name};
use crate::app::state::{App, SettingRow};

fn preset_label(p: LanePreset) -> String {
    p.keys().map(key_name).join("  ")
}

/// Draws the settings list.
pub fn render(app: &App, theme: &Theme, hud: Rect, body: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    let s = &app.settings;
    let title = t(lang, Text::Settings).to_uppercase();
    super::hud::bar(
        theme,
        &["double11".into(), title.clone()],
        &[t(lang, Text::SavedOnChange).into()],
        hud,
        buf,
    );
    let inner = panel(theme, format!(" {title} "), body, buf);
    let onoff = |b: bool| t(lang, if b { Text::On } else { Text::Off }).to_string();
    let colour_note = if app.force_mono {
        match lang {
            Lang::En => "(NO_COLOR is set: off)",
            Lang::Zh => "（已设置 NO_COLOR：关）",
        }
    } else {
        ""
    };
    let mut lines = Vec::new();
    for (i, row) in SettingRow::ALL.into_iter().enumerate() {
        let (name, value, note) = match row {
            SettingRow::Language => (
                Text::Language,
                s.lang.name().to_string(),
                "(--lang en|zh, L)",
            ),
            SettingRow::LaneKeys => (Text::LaneKeys, preset_label(s.preset), ""),
            SettingRow::Colour => (Text::Colour, onoff(s.colour), colour_note),
            SettingRow::ReduceMotion => (Text::ReduceMotion, onoff(s.reduce_motion), ""),
        };
        let selected = i == app.settings_sel;
        let name = t(lang, name);
        let pad = 20usize.saturating_sub(super::width(name) as usize);
        let value = format!("◀ {value} ▶");
        let vpad = 20usize.saturating_sub(super::width(&value) as usize);
        lines.push(Line::from(vec![
            Span::raw(if selected { " ▶ " } else { "   " }),
            Span::styled(
                format!("{name}{}", " ".repeat(pad)),
                if selected { theme.selected } else { theme.text },
            ),
            Span::raw("  "),
            Span::styled(value, theme.key),
            Span::raw(" ".repeat(vpad)),
            Span::styled(note, theme.dim),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        match lang {
            Lang::En => "   ← ↓ ↑ → and 1-4 always work as lanes too.",
            Lang::Zh => "   ← ↓ ↑ → 和 1-4 也总能当车道键用。",
        },
        theme.dim,
    ));
    Paragraph::new(lines).render(inner, buf);
}
