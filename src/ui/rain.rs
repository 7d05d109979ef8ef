//! The red-envelope rain: lanes with falling `[¥]`/`[★]`, the CATCH band,
//! key caps, pops; the side panel with the pool, time, combo and catches.
//! The intro and rain-over cards are drawn over it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::Theme;
use super::card::note;
use super::hud::yuan;
use super::text::{Lang, Text, t};
use crate::app::state::App;
use crate::game::timing::STEPS_PER_ROW;
use crate::game::{GameState, Grade, Phase, PopKind, Rain, RainEnd};

/// Draws the rain screen (and its intro / over card).
pub fn render(app: &App, theme: &Theme, game: &GameState, body: Rect, buf: &mut Buffer) {
    let zh = app.settings.lang == Lang::Zh;
    let Some(rain) = game.rain() else {
        return;
    };
    let [field, side] = body.layout(&Layout::horizontal([
        Constraint::Percentage(52),
        Constraint::Percentage(48),
    ]));
    let title = if zh {
        format!(
            " 红包雨 {} / {} · {} ",
            rain.number,
            rain.of,
            game.level().year
        )
    } else {
        format!(
            " RAIN {} of {} · {} ",
            rain.number,
            rain.of,
            game.level().year
        )
    };
    let inner = super::card::panel(theme, title, field, buf);
    lanes(app, theme, rain, inner, buf);
    panel(zh, theme, game, rain, side, buf);
    match game.phase() {
        Phase::RainIntro => {
            let mut lines = intro_lines(zh, rain, app);
            // The deposits are paid as the festival starts: the first card says so.
            if rain.number == 1 && !rain.during_day {
                lines.extend(super::deposits::deposit_lines(zh, game));
            }
            card(theme, body, buf, &lines)
        }
        Phase::RainOver => card(theme, body, buf, &over_lines(zh, rain, game)),
        _ => {}
    }
}

fn lanes(app: &App, theme: &Theme, rain: &Rain, area: Rect, buf: &mut Buffer) {
    if area.height < 4 || area.width < 8 {
        return;
    }
    let n = u16::from(rain.lanes.max(1));
    let lane_w = area.width / n;
    // Rows: the field (rain.rows, scaled to fit), the key caps, a pop line.
    let field_h = area.height.saturating_sub(2);
    let steps = rain.field_steps().max(1);
    // Envelopes are drawn by their quarter-row step, so they move one
    // screen row at a time on any field up to `steps` rows tall.
    let to_y = |step: u64| area.y + ((step * u64::from(field_h)) / steps) as u16;
    let zone_top = to_y(rain.zone_top() * STEPS_PER_ROW);
    let hit_y = to_y(rain.hit_step());
    // Lane separators and the catch band.
    for y in area.y..area.y + field_h {
        for l in 1..n {
            buf[(area.x + l * lane_w - 1, y)]
                .set_symbol("┊")
                .set_style(theme.dim);
        }
        if y >= zone_top {
            let band = Rect::new(area.x, y, lane_w * n, 1);
            buf.set_style(band, theme.dim.add_modifier(Modifier::REVERSED));
            let (l, r) = if y == hit_y {
                ("▶", "◀")
            } else {
                ("▸", "◂")
            };
            buf[(area.x, y)].set_symbol(l);
            buf[(area.x + lane_w * n - 1, y)].set_symbol(r);
            if y == hit_y {
                buf[(area.x, y)].set_style(theme.gold);
                buf[(area.x + lane_w * n - 1, y)].set_style(theme.gold);
            }
        }
    }
    let label = if app.settings.lang == Lang::Zh {
        " 接住区 "
    } else {
        " CATCH "
    };
    let lw = super::width(label);
    if zone_top > area.y {
        let y = zone_top - 1;
        for x in area.x..area.x + lane_w * n {
            buf[(x, y)].set_symbol("═").set_style(theme.border);
        }
        let x = area.x + (lane_w * n).saturating_sub(lw) / 2;
        buf.set_string(x, y, label, theme.key);
    }
    // Envelopes.
    for f in &rain.falling {
        let step = rain.step(f);
        if !rain.visible(f) || step >= steps {
            continue;
        }
        let y = to_y(step);
        let x = area.x + u16::from(f.lane) * lane_w + lane_w.saturating_sub(4) / 2;
        let (glyph, style) = if f.jackpot {
            ("[★]", theme.gold)
        } else {
            ("[¥]", theme.envelope)
        };
        buf.set_string(x, y, glyph, style);
    }
    // Key caps, locked lanes show ✗.
    let keys = app.keymap.preset().keys();
    let caps_y = area.y + field_h;
    for l in 0..n {
        let name = crate::app::keymap::key_name(keys[usize::from(l).min(3)]);
        let locked = rain
            .locked_until
            .get(usize::from(l))
            .is_some_and(|u| *u > rain.elapsed);
        let cap = if locked {
            "[ ✗ ]".to_string()
        } else {
            format!("[ {name} ]")
        };
        let x = area.x + l * lane_w + lane_w.saturating_sub(super::width(&cap)) / 2;
        buf.set_string(x, caps_y, &cap, if locked { theme.dim } else { theme.key });
    }
    // The newest pop, plainly (one pop at a time).
    if let Some(pop) = rain.pops.last() {
        let lang = app.settings.lang;
        let key = key_label(app, pop.lane);
        let text = match pop.kind {
            PopKind::Caught {
                value,
                jackpot,
                grade,
                docked,
                ..
            } => {
                let mark = if jackpot { "★" } else { "✓" };
                let grade = t(lang, grade_text(grade));
                let lost = if docked.get() > 0 {
                    format!("  (−{} {})", yuan(docked), t(lang, Text::RainDocked))
                } else {
                    String::new()
                };
                format!("{mark} {grade} {key}  +{}{lost}", yuan(value))
            }
            PopKind::Empty => format!("✓ {key}  {}", t(lang, Text::RainEmptyCaught)),
            PopKind::Miss => format!(
                "✗ {key}  {} −{}%",
                t(lang, Text::RainEmptyPress),
                rain.dock_percent()
            ),
        };
        let style = match pop.kind {
            PopKind::Caught { .. } => theme.good,
            PopKind::Empty => theme.dim,
            PopKind::Miss => theme.bad,
        };
        Line::styled(text, style)
            .centered()
            .render(Rect::new(area.x, caps_y + 1, area.width, 1), buf);
    }
}

fn grade_text(grade: Grade) -> Text {
    match grade {
        Grade::Perfect => Text::RainPerfect,
        Grade::Good => Text::RainGood,
    }
}

fn key_label(app: &App, lane: u8) -> String {
    crate::app::keymap::key_name(app.keymap.preset().keys()[usize::from(lane).min(3)])
}

fn bar(fill: u64, total: u64, width: u16) -> String {
    let w = u64::from(width);
    let n = (fill.min(total) * w).checked_div(total).unwrap_or(0);
    format!("{}{}", "█".repeat(n as usize), "░".repeat((w - n) as usize))
}

fn panel(zh: bool, theme: &Theme, game: &GameState, rain: &Rain, area: Rect, buf: &mut Buffer) {
    let inner = super::card::panel(
        theme,
        if zh { " 红包池 " } else { " Envelope pool " },
        area,
        buf,
    );
    let bw = inner.width.saturating_sub(8);
    let pool_total = rain.pool_total.get().max(1) as u64;
    let pool_left = rain.pool_left.get().max(0) as u64;
    let pct = pool_left * 1000 / pool_total;
    let time_total = rain.duration.max(1);
    let time_left = rain.duration.saturating_sub(rain.elapsed);
    let secs = rain.seconds_left();
    let caught = rain.catches.iter().filter(|c| c.value.get() > 0).count();
    let empty = rain.catches.len() - caught;
    let mut lines = vec![
        Line::raw(format!(
            "{} {} {}",
            yuan(rain.pool_left),
            if zh { "剩余，共" } else { "of" },
            yuan(rain.pool_total)
        )),
        Line::from(vec![
            Span::styled(bar(pool_left, pool_total, bw), theme.envelope),
            Span::raw(format!(" {:>3}.{}%", pct / 10, pct % 10)),
        ]),
        Line::styled(
            format!(
                "{} {}/s",
                if zh {
                    "人群正在抢"
                } else {
                    "the crowd is grabbing"
                },
                yuan(rain.crowd_rate)
            ),
            theme.dim,
        ),
        Line::raw(""),
        note(zh, "剩余时间", "Time left", theme.key),
        Line::from(vec![
            Span::styled(bar(time_left, time_total, bw), theme.gold),
            Span::raw(format!(" {}:{:02}", secs / 60, secs % 60)),
        ]),
        Line::raw(""),
        Line::from(vec![
            Span::styled(format!("×{} COMBO", rain.combo), theme.gold),
            Span::raw(format!(
                "   {} +{}%",
                if zh { "连击加成" } else { "catch bonus" },
                crate::game::score::combo_bonus_percent(rain.combo)
            )),
        ]),
        Line::raw(""),
        note(zh, "本场接到", "Caught this rain", theme.key),
    ];
    if rain.dock_percent() > 0 {
        let lang = if zh { Lang::Zh } else { Lang::En };
        lines.insert(
            lines.len() - 2,
            Line::styled(
                format!("{} −{}%", t(lang, Text::RainNextCatch), rain.dock_percent()),
                theme.bad,
            ),
        );
    }
    let recent: Vec<String> = rain
        .catches
        .iter()
        .rev()
        .take(6)
        .map(|c| {
            if c.value.get() == 0 {
                "empty".into()
            } else if c.jackpot {
                format!("★+{}", yuan(c.value))
            } else {
                format!("+{}", yuan(c.value))
            }
        })
        .collect();
    lines.push(Line::styled(recent.join("  "), theme.good));
    lines.push(Line::raw(format!(
        "{caught} {} · {empty} {} · {} {} · {} ✗",
        if zh { "接到" } else { "caught" },
        if zh { "空" } else { "empty" },
        rain.missed,
        if zh { "漏掉" } else { "missed" },
        rain.miss_presses
    )));
    lines.push(Line::raw(""));
    let held = game.envelopes().iter().filter(|e| !e.expired).count();
    let value = game
        .envelopes()
        .iter()
        .filter(|e| !e.expired)
        .map(|e| e.value)
        .sum();
    lines.push(note(zh, "钱包", "Wallet", theme.key));
    lines.push(Line::raw(format!(
        "{held} {} · {}",
        if zh { "个红包" } else { "held" },
        yuan(value)
    )));
    Paragraph::new(lines).render(inner, buf);
}

fn intro_lines(zh: bool, rain: &Rain, app: &App) -> Vec<String> {
    let (keys, _) = app.keymap.lane_legend();
    if zh {
        vec![
            format!("红包雨 {} / {}", rain.number, rain.of),
            format!("红包落到接住区时按 {keys}"),
            t(Lang::Zh, Text::RainHowTo).into(),
            t(Lang::Zh, Text::RainPenalty).into(),
            "Enter 开始 · S 跳过去购物".into(),
        ]
    } else {
        vec![
            format!("RAIN {} of {}", rain.number, rain.of),
            format!("Press {keys} when an envelope is in the CATCH band"),
            t(Lang::En, Text::RainHowTo).into(),
            t(Lang::En, Text::RainPenalty).into(),
            "Enter start · S skip to the shop".into(),
        ]
    }
}

fn over_lines(zh: bool, rain: &Rain, game: &GameState) -> Vec<String> {
    let why = match rain.end {
        Some(RainEnd::PoolDry) => {
            if zh {
                "红包池空了"
            } else {
                "the pool ran dry"
            }
        }
        _ => {
            if zh {
                "时间到"
            } else {
                "time is up"
            }
        }
    };
    let caught = rain.catches.len();
    let left = rain.of.saturating_sub(game.draws().warmup_done);
    if zh {
        vec![
            format!("红包雨结束 · {why}"),
            format!(
                "接到 {caught} · 漏掉 {} · 最佳连击 ×{}",
                rain.missed, rain.best_combo
            ),
            format!("赢得 {}", yuan(rain.won())),
            format!("Enter 下一场（今天还剩 {left} 场） · S 去购物"),
        ]
    } else {
        vec![
            format!("RAIN OVER · {why}"),
            format!(
                "Caught {caught} · missed {} · best combo ×{}",
                rain.missed, rain.best_combo
            ),
            format!(
                "Won {} · valid all of 11.11, unused ones expire at 24:00",
                yuan(rain.won())
            ),
            format!("Enter next rain ({left} left today) · S go shopping"),
        ]
    }
}

/// The rain's card: the first of `lines` is its title, the rest its body.
fn card(theme: &Theme, area: Rect, buf: &mut Buffer, lines: &[String]) {
    let Some((title, body)) = lines.split_first() else {
        return;
    };
    let text = body.iter().map(|l| Line::raw(l.as_str())).collect();
    super::card::Card::new(title, text).render(theme, area, buf);
}

/// The lane under a click at (`column`, `row`) in the rain's `body`, if any
/// (the same geometry [`render`] draws: the field is the left 52 %).
pub fn lane_hit(body: Rect, lanes: u8, column: u16, row: u16) -> Option<u8> {
    let [field, _] = body.layout(&Layout::horizontal([
        Constraint::Percentage(52),
        Constraint::Percentage(48),
    ]));
    let inner = Block::bordered().inner(field);
    if !inner.contains((column, row).into()) || inner.height < 4 || inner.width < 8 {
        return None;
    }
    let n = u16::from(lanes.max(1));
    let lane = (column - inner.x) / (inner.width / n).max(1);
    (lane < n).then_some(lane as u8)
}

#[cfg(test)]
mod hit_tests {
    use super::*;

    #[test]
    fn clicks_map_to_lanes_inside_the_field_only() {
        let body = Rect::new(0, 1, 120, 38);
        // Field 0..62, inner 1..61, 4 lanes of 15.
        assert_eq!(lane_hit(body, 4, 1, 10), Some(0));
        assert_eq!(lane_hit(body, 4, 16, 10), Some(1));
        assert_eq!(lane_hit(body, 4, 59, 10), Some(3));
        assert_eq!(lane_hit(body, 4, 0, 10), None, "the border");
        assert_eq!(lane_hit(body, 4, 90, 10), None, "the side panel");
    }
}
