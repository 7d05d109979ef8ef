//! Level select: the shipped festivals, with details; broken levels say why
//! and cannot start.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::Theme;
use super::hud::yuan;
use super::text::{Lang, Text, t};
use crate::app::state::App;

/// Draws the level list and the selected level's details.
pub fn render(app: &App, theme: &Theme, hud: Rect, body: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    let zh = lang == Lang::Zh;
    let n = app.levels.len();
    let count = if zh {
        format!("{n} 届")
    } else {
        format!("{n} festivals")
    };
    super::hud::bar(
        theme,
        &["double11".into(), t(lang, Text::LevelSelect).into()],
        &[count],
        hud,
        buf,
    );
    let [list, details] = body.layout(&Layout::horizontal([
        Constraint::Percentage(45),
        Constraint::Percentage(55),
    ]));
    let b = Block::bordered()
        .border_style(theme.border)
        .title(format!(" {} ", t(lang, Text::ChooseFestival)));
    let inner = b.inner(list);
    b.render(list, buf);
    let mut lines = Vec::new();
    for (i, e) in app.levels.iter().enumerate() {
        let sel = i == app.levels_sel;
        let marker = if sel { "▶ " } else { "  " };
        match &e.level {
            Ok(l) => {
                lines.push(Line::from(vec![
                    Span::raw(marker),
                    Span::styled(
                        l.name.clone(),
                        if sel { theme.selected } else { theme.text },
                    ),
                ]));
                lines.push(Line::styled(
                    format!("    {} · {}s", l.year, l.day_seconds),
                    theme.dim,
                ));
            }
            Err(err) => {
                lines.push(Line::from(vec![
                    Span::raw(marker),
                    Span::styled(
                        e.file.clone(),
                        if sel { theme.selected } else { theme.text },
                    ),
                    Span::styled(format!("  {}", t(lang, Text::Invalid)), theme.bad),
                ]));
                let first = err.lines().next().unwrap_or("");
                lines.push(Line::styled(format!("    {first}"), theme.dim));
            }
        }
    }
    Paragraph::new(lines).render(inner, buf);

    let b = Block::bordered()
        .border_style(theme.border)
        .title(format!(" {} ", t(lang, Text::Details)));
    let inner = b.inner(details);
    b.render(details, buf);
    let Some(entry) = app.levels.get(app.levels_sel) else {
        return;
    };
    let lines = match &entry.level {
        Ok(l) => {
            let mut v = vec![
                Line::styled(format!("{} · {}", l.year, l.name), theme.key),
                Line::raw(""),
                Line::raw(l.description.clone()),
                Line::raw(""),
                Line::raw(format!(
                    "{} {} + {} {} · {} {}",
                    if zh { "钱包" } else { "Wallet" },
                    yuan(l.wallet.balance),
                    if zh { "花呗" } else { "credit" },
                    yuan(l.wallet.credit),
                    if zh { "预算" } else { "budget" },
                    yuan(l.wallet.budget)
                )),
                Line::raw(format!(
                    "{} {} · {} {}",
                    if zh { "店铺" } else { "Stores" },
                    l.stores.len(),
                    if zh { "商品" } else { "items" },
                    l.items.len()
                )),
                Line::raw(format!(
                    "{} {} · {}/{}",
                    if zh { "红包池" } else { "Pool" },
                    yuan(l.envelopes.pool),
                    l.envelopes.draws_per_day,
                    if zh { "天" } else { "day" }
                )),
            ];
            for inv in &l.inventions {
                v.push(Line::styled(format!("† {inv}"), theme.dim));
            }
            v
        }
        Err(err) => vec![
            Line::styled(t(lang, Text::CannotStart), theme.bad),
            Line::raw(""),
            Line::raw(err.clone()),
        ],
    };
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}
