//! High scores: one level's table at a time (←→ for the others) — place,
//! name, score, date and seed of every entry that keeps its replay — and the
//! lifetime stats below.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::Theme;
use super::card::panel;
use super::hud::{grouped, yuan};
use super::notices::fit;
use super::text::{Lang, Text, t};
use crate::app::name_entry::NAME_WIDTH;
use crate::app::state::App;
use crate::save::date::format_date;

/// Pads `s` with spaces to `w` display columns.
fn pad(s: &str, w: usize) -> String {
    let s = fit(s, w);
    let used = super::width(&s) as usize;
    format!("{s}{}", " ".repeat(w.saturating_sub(used)))
}

/// Draws the high-score table of the level chosen and the lifetime stats.
pub fn render(app: &App, theme: &Theme, hud: Rect, body: Rect, buf: &mut Buffer) {
    let lang = app.settings.lang;
    let zh = lang == Lang::Zh;
    let title = t(lang, Text::HighScores).to_uppercase();
    let view = &app.scores;
    let n = app.levels.len();
    let count = format!("{}/{}", (view.level + 1).min(n), n);
    super::hud::menu(app, theme, &title, Some(&count), hud, buf);
    let [table, stats] = body.layout(&Layout::vertical([
        Constraint::Min(6),
        Constraint::Length(4),
    ]));
    let level = app.levels.get(view.level);
    let name = level.map_or_else(String::new, |e| match &e.level {
        Ok(l) if e.user || l.name.starts_with(&e.short_name()) => l.name.clone(),
        Ok(l) => format!("{} · {}", e.short_name(), l.name),
        Err(_) => e.file.clone(),
    });
    let inner = panel(
        theme,
        format!(" ◀ {} ▶ ", fit(&name, usize::from(body.width) / 2 + 8)),
        table,
        buf,
    );
    let header = if zh {
        format!(
            "  #   {}  {:>10}  日期        种子",
            pad("名字", NAME_WIDTH),
            "得分"
        )
    } else {
        format!(
            "  #   {}  {:>10}  DATE        SEED",
            pad("NAME", NAME_WIDTH),
            "SCORE"
        )
    };
    let mut lines = vec![Line::styled(header, theme.key)];
    for (place, e) in &view.rows {
        lines.push(Line::from(vec![
            Span::styled(format!("  {place:<2}  "), theme.gold),
            Span::raw(pad(&e.name, NAME_WIDTH)),
            Span::styled(format!("  {:>10}", grouped(e.score)), theme.key),
            Span::raw(format!("  {}  {}", format_date(e.date), e.seed)),
        ]));
    }
    if view.rows.is_empty() {
        let gap = inner.height.saturating_sub(4) / 2;
        lines.extend((0..gap).map(|_| Line::raw("")));
        lines.push(Line::styled(t(lang, Text::NoScores), theme.text).alignment(Alignment::Center));
        lines.push(
            Line::styled(t(lang, Text::NoScoresHint), theme.dim).alignment(Alignment::Center),
        );
    }
    if view.hidden > 0 {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            if zh {
                format!("  另有 {} 条成绩没有回放文件，未列出", view.hidden)
            } else {
                let s = if view.hidden == 1 { "" } else { "s" };
                format!("  {} score{s} without a replay file not shown", view.hidden)
            },
            theme.dim,
        ));
    }
    Paragraph::new(lines).render(inner, buf);

    let s = app.store.stats();
    let inner = panel(theme, if zh { " 累计 " } else { " LIFETIME " }, stats, buf);
    let pair = |label: &'static str, value: String| {
        vec![
            Span::raw(label),
            Span::styled(value, theme.key),
            Span::styled("   ", theme.dim),
        ]
    };
    let (a, b, c, d) = if zh {
        ("抢到红包 ", "共节省 ", "浪费红包 ", "参加双十一 ")
    } else {
        (
            "Envelopes caught ",
            "Yuan saved ",
            "Envelopes wasted ",
            "Festivals played ",
        )
    };
    let first: Vec<Span> = [
        pair(a, s.envelopes_caught.to_string()),
        pair(b, yuan(s.saved)),
    ]
    .concat();
    let second: Vec<Span> = [
        pair(c, s.envelopes_wasted.to_string()),
        pair(d, s.festivals_played.to_string()),
    ]
    .concat();
    Paragraph::new(vec![Line::from(first), Line::from(second)]).render(inner, buf);
}
