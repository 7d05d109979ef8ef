//! Level select: the shipped festivals and the player's own, with details;
//! broken levels say why and locked ones what to finish first — neither
//! can start.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::Theme;
use super::card::panel;
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
    let inner = panel(
        theme,
        format!(" {} ", t(lang, Text::ChooseFestival)),
        list,
        buf,
    );
    let mut lines = Vec::new();
    // Keep the selected entry in view when the list is long (2 rows each).
    let per_page = usize::from(inner.height / 2).max(1);
    let first = app.levels_sel.saturating_sub(per_page - 1);
    for (i, e) in app.levels.iter().enumerate().skip(first) {
        let sel = i == app.levels_sel;
        let marker = if sel { "▶ " } else { "  " };
        let locked = app.locked_by(i).map(|p| lock_text(app, p));
        match &e.level {
            Ok(l) => {
                lines.push(Line::from(vec![
                    Span::raw(marker),
                    Span::styled(
                        l.name.clone(),
                        match (sel, locked.is_some()) {
                            (true, _) => theme.selected,
                            (false, true) => theme.dim,
                            (false, false) => theme.text,
                        },
                    ),
                ]));
                let sub = match (&locked, e.user) {
                    (Some(why), _) => format!("    {why}"),
                    (None, true) => format!(
                        "    {} · {}",
                        if zh { "自制" } else { "your level" },
                        e.file
                    ),
                    (None, false) => format!("    {} · {}s", l.year, l.day_seconds),
                };
                lines.push(Line::styled(sub, theme.dim));
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

    let inner = panel(theme, format!(" {} ", t(lang, Text::Details)), details, buf);
    let Some(entry) = app.levels.get(app.levels_sel) else {
        return;
    };
    let lines = match &entry.level {
        Ok(l) => {
            let title = if l.name.starts_with(&l.year.to_string()) {
                l.name.clone()
            } else {
                format!("{} · {}", l.year, l.name)
            };
            let mut v = vec![Line::styled(title, theme.key)];
            if let Some(p) = app.locked_by(app.levels_sel) {
                v.push(Line::styled(lock_text(app, p), theme.bad));
            }
            v.extend([
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
            ]);
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

/// `locked — finish 2017 first`, naming level `prev`.
pub fn lock_text(app: &App, prev: usize) -> String {
    let name = app
        .levels
        .get(prev)
        .map_or_else(String::new, |e| e.short_name());
    match app.settings.lang {
        Lang::En => format!("locked — finish {name} first"),
        Lang::Zh => format!("未解锁 — 先完成 {name}"),
    }
}
