//! Row 1, the hero HUD: reverse video, the same slots in every phase.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Theme;
use super::text::{Text, t};
use crate::app::state::App;

/// Draws a HUD row: `left` segments joined by ` │ `, `right` flush right.
/// When the row is too narrow the right side goes first, then the tail of
/// the left side is clipped.
pub fn bar(theme: &Theme, left: &[String], right: &[String], area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.hud);
    let join = |parts: &[String]| parts.join(" │ ");
    let l = format!(" {}", join(left));
    let r = if right.is_empty() {
        String::new()
    } else {
        format!("{} ", join(right))
    };
    let lw = super::width(&l);
    let rw = super::width(&r);
    Line::from(Span::raw(l)).style(theme.hud).render(area, buf);
    if lw + rw < area.width {
        let x = area.x + area.width - rw;
        Line::from(Span::raw(r))
            .style(theme.hud)
            .render(Rect::new(x, area.y, rw, 1), buf);
    }
}

/// The menu HUD: `double11 │ <title>` on the left, language and best score
/// on the right.
pub fn menu(
    app: &App,
    theme: &Theme,
    title: &str,
    extra: Option<&str>,
    area: Rect,
    buf: &mut Buffer,
) {
    let lang = app.settings.lang;
    let mut right = Vec::new();
    if let Some(e) = extra {
        right.push(e.to_string());
    }
    right.push(lang.code().to_string());
    let best = app
        .store
        .save()
        .scores
        .values()
        .filter_map(|table| table.iter().find(|e| e.replay.is_some()).map(|e| e.score))
        .max();
    right.push(match best {
        Some(b) if lang == crate::ui::text::Lang::Zh => format!("最高分 ★ {}", grouped(b)),
        Some(b) => format!("best ★ {}", grouped(b)),
        None => t(lang, Text::BestNone).to_string(),
    });
    bar(
        theme,
        &["double11".to_string(), title.to_string()],
        &right,
        area,
        buf,
    );
}

/// `¥1,234.56`: money with thousands separators (display only).
pub fn yuan(f: crate::money::Fen) -> String {
    let v = f.get();
    let sign = if v < 0 { "−" } else { "" };
    let abs = v.unsigned_abs();
    let int = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}¥{grouped}.{:02}", abs % 100)
}

/// Thousands separators for a plain count or score.
pub fn grouped(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("−{out}") } else { out }
}

/// The in-play HUD: year │ phase and clock │ cash + credit │ envelopes │ ★.
pub fn play(app: &App, theme: &Theme, game: &crate::game::GameState, area: Rect, buf: &mut Buffer) {
    use crate::game::Phase;
    use crate::ui::text::Lang;
    let zh = app.settings.lang == Lang::Zh;
    let phase = match game.phase() {
        Phase::RainIntro | Phase::Rain | Phase::RainOver => {
            let left = game.rain().map_or(0, |r| r.seconds_left());
            let name = if game.rain().is_some_and(|r| r.during_day) {
                if zh { "红包雨" } else { "RAIN" }
            } else if zh {
                "预热"
            } else {
                "WARM-UP"
            };
            format!("{name} {:>2}:{:02}", left / 60, left % 60)
        }
        Phase::Opening | Phase::Day => {
            format!(
                "{} {}",
                if zh { "双十一" } else { "11.11 DAY" },
                game.clock_time()
            )
        }
        Phase::Results => format!("{} 24:00", if zh { "午夜" } else { "MIDNIGHT" }),
    };
    let p = game.purse();
    let money = format!(
        "{} + {} {}",
        yuan(p.balance),
        if zh { "花呗" } else { "credit" },
        yuan(p.credit_left())
    );
    let held: Vec<_> = game.envelopes().iter().filter(|e| !e.expired).collect();
    let value = held.iter().map(|e| e.value).sum();
    let env = format!(
        "{} {} {}",
        if zh { "红包" } else { "Env" },
        held.len(),
        yuan(value)
    );
    let score = format!("★{}", grouped(game.score().total));
    bar(
        theme,
        &[game.level().year.to_string(), phase, money, env],
        &[score],
        area,
        buf,
    );
}
