//! Midnight: what you bought, saved and wasted, the score, and a chart of
//! your spending through the day beside the real GMV records.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::Theme;
use super::card::{Card, panel, spread};
use super::hud::{grouped, yuan};
use super::receipt::{self, deposits_label, presale_bonus_label};
use super::text::Lang;
use crate::app::state::App;
use crate::game::results::Expired;
use crate::game::{ExpiryReason, GameState, Results, expiry_groups};
use crate::level::ClockTime;

/// Draws the results screen.
pub fn render(app: &App, theme: &Theme, game: &GameState, body: Rect, buf: &mut Buffer) {
    let zh = app.settings.lang == Lang::Zh;
    let Some(r) = game.results() else {
        return;
    };
    let [top, bottom] = body.layout(&Layout::vertical([
        Constraint::Min(12),
        Constraint::Percentage(40),
    ]));
    let [summary, score] = top.layout(&Layout::horizontal([
        Constraint::Percentage(58),
        Constraint::Percentage(42),
    ]));
    let inner = panel(
        theme,
        if zh {
            format!(" 午夜 · {} · 今天结束了 ", game.level().year)
        } else {
            format!(" MIDNIGHT · {} · the day is over ", game.level().year)
        },
        summary,
        buf,
    );
    let w = usize::from(inner.width);
    let row = |l: &str, v: String| spread(w, l, &v);
    let items: u32 = r.bought.iter().map(|b| b.qty).sum();
    // Each row with how much it may go when the panel is short: 0 never,
    // then details (1) before finer details (2).
    let mut lines: Vec<(Line, u8)> = vec![
        (
            Line::raw(if zh {
                format!("买了 {items} 件，结算 {} 次", r.checkouts)
            } else {
                format!(
                    "You bought {items} {} in {} {}",
                    if items == 1 { "item" } else { "items" },
                    r.checkouts,
                    if r.checkouts == 1 {
                        "checkout"
                    } else {
                        "checkouts"
                    }
                )
            }),
            0,
        ),
        (
            Line::raw(row(if zh { "商品" } else { "Goods" }, yuan(r.goods))),
            0,
        ),
        (
            Line::styled(
                row(
                    if zh { "节省" } else { "Saved" },
                    format!("−{}", yuan(r.saved)),
                ),
                theme.good,
            ),
            0,
        ),
        (
            Line::raw(row(if zh { "实付" } else { "Paid" }, yuan(r.paid))),
            0,
        ),
        (
            Line::styled(
                format!(
                    "  cash {} · credit {}",
                    yuan(r.paid_cash),
                    yuan(r.paid_credit)
                ),
                if r.paid_credit.get() > 0 {
                    theme.credit
                } else {
                    theme.dim
                },
            ),
            1,
        ),
    ];
    if !r.checkout_minutes.is_empty() {
        lines.push((Line::styled(checkout_times(zh, r), theme.dim), 2));
    }
    if r.deposits.get() > 0 {
        // Goods − saved = paid at checkout + presale deposits paid in the warm-up.
        lines.push((
            Line::raw(row(
                if zh {
                    "预售定金（预热期已付）"
                } else {
                    "Presale deposits (warm-up)"
                },
                yuan(r.deposits),
            )),
            0,
        ));
    }
    lines.push((
        Line::styled(
            row(
                if zh {
                    "过期未用的红包"
                } else {
                    "Envelopes expired unused"
                },
                format!("{} · {}", r.expired.len(), yuan(r.expired_value)),
            ),
            theme.dim,
        ),
        0,
    ));
    for note in expiry_notes(zh, &r.expired) {
        lines.push((Line::styled(note, theme.dim), 2));
    }
    lines.push((
        Line::raw(row(
            if zh { "心愿单" } else { "Wishlist" },
            format!(
                "{} / {}{}",
                r.wishlist_bought.len(),
                r.wishlist_bought.len() + r.wishlist_missed.len(),
                // A tick only for something bought.
                if r.wishlist_bought.is_empty() {
                    ""
                } else {
                    " ✓"
                }
            ),
        )),
        0,
    ));
    for &m in r.wishlist_missed.iter().take(2) {
        if let Some(it) = game.level().items.get(m) {
            let sold_out = game.day().stock.get(m).and_then(|s| s.sold_out_at);
            lines.push((
                Line::styled(
                    match (sold_out, zh) {
                        (Some(at), false) => {
                            format!("  ✗ {} — sold out at {}", it.name, ClockTime(at))
                        }
                        (Some(at), true) => format!("  ✗ {} — {} 售罄", it.name, ClockTime(at)),
                        (None, _) => format!("  ✗ {}", it.name),
                    },
                    theme.dim,
                ),
                1,
            ));
        }
    }
    lines.push((
        Line::raw(row(
            if zh {
                "心愿单最优方案"
            } else {
                "Best plan for your wishlist"
            },
            yuan(r.best_plan_pay),
        )),
        0,
    ));
    lines.push((Line::styled(best_plan_note(zh, r), theme.dim), 1));
    let lines = fit_rows(lines, usize::from(inner.height));
    Paragraph::new(lines).render(inner, buf);

    let inner = panel(theme, if zh { " 得分 " } else { " Score " }, score, buf);
    let w = usize::from(inner.width);
    let pts = |l: &str, v: i64| {
        let v = if v >= 0 {
            format!("+{}", grouped(v))
        } else {
            grouped(v)
        };
        spread(w, l, &v)
    };
    let s = &r.score;
    Paragraph::new(vec![
        Line::styled(format!("★ {}", grouped(s.total)), theme.gold),
        Line::styled(
            format!("RANK {} · {}", r.rank.letter(), r.rank.title()),
            theme.key,
        ),
        Line::raw(""),
        Line::raw(pts(if zh { "接红包" } else { "catches" }, s.catches)),
        Line::raw(pts(if zh { "节省" } else { "savings" }, s.savings)),
        Line::raw(pts(if zh { "心愿单" } else { "wishlist" }, s.wishlist)),
        Line::raw(pts(
            if zh {
                "接近最优"
            } else {
                "near the best plan"
            },
            s.near_best,
        )),
        Line::styled(
            pts(
                if zh {
                    "过期红包"
                } else {
                    "expired envelopes"
                },
                s.expired,
            ),
            theme.dim,
        ),
        Line::styled(
            pts(
                if zh {
                    "没收定金"
                } else {
                    "forfeited deposits"
                },
                s.forfeited,
            ),
            theme.dim,
        ),
        Line::styled(
            pts(
                if zh {
                    "超预算剁手"
                } else {
                    "剁手 past budget"
                },
                s.over_budget,
            ),
            theme.credit,
        ),
    ])
    .render(inner, buf);

    let [mine, real] = bottom.layout(&Layout::horizontal([
        Constraint::Percentage(50),
        Constraint::Percentage(50),
    ]));
    spending_chart(zh, theme, game, mine, buf);
    gmv_chart(zh, theme, game, real, buf);
}

/// Drops rows until they fit `height`: the finest details first, the lowest
/// of them first.
fn fit_rows(mut rows: Vec<(Line<'_>, u8)>, height: usize) -> Vec<Line<'_>> {
    for rank in [2, 1] {
        while rows.len() > height {
            match rows.iter().rposition(|(_, r)| *r == rank) {
                Some(i) => {
                    rows.remove(i);
                }
                None => break,
            }
        }
    }
    rows.into_iter().map(|(line, _)| line).collect()
}

/// "at 00:03 · 04:00 · 21:38": when the checkouts were (the first few).
fn checkout_times(zh: bool, r: &Results) -> String {
    const SHOWN: usize = 6;
    let mut times: Vec<String> = r
        .checkout_minutes
        .iter()
        .take(SHOWN)
        .map(|&m| ClockTime(m).to_string())
        .collect();
    if r.checkout_minutes.len() > SHOWN {
        times.push("…".into());
    }
    if zh {
        format!("  结算时间：{}", times.join(" · "))
    } else {
        format!("  at {}", times.join(" · "))
    }
}

/// What expired, the two groups worth most: "¥50.00 with a ¥1,000.00
/// minimum, left unused", "¥7.40 + ¥5.00 won at 22:00, left unspent" (a
/// value is what was left of the envelope).
fn expiry_notes(zh: bool, expired: &[Expired]) -> Vec<String> {
    expiry_groups(expired)
        .iter()
        .take(2)
        .map(|g| {
            let n = g.values.len();
            let what = if n <= 3 {
                g.values
                    .iter()
                    .map(|&v| yuan(v))
                    .collect::<Vec<_>>()
                    .join(" + ")
            } else if zh {
                format!("{n} 个共 {}", yuan(g.total()))
            } else {
                format!("{n} worth {}", yuan(g.total()))
            };
            match (g.reason, zh) {
                (ExpiryReason::MinimumNotReached(min), false) => {
                    format!("  {what} with a {} minimum, left unused", yuan(min))
                }
                (ExpiryReason::MinimumNotReached(min), true) => {
                    format!("  {what} 满 {} 可用，没用上", yuan(min))
                }
                (ExpiryReason::WonInWarmUp, false) => {
                    format!("  {what} won in the warm-up, left unspent")
                }
                (ExpiryReason::WonInWarmUp, true) => format!("  {what} 预热期抢到，没用完"),
                (ExpiryReason::WonAt(m), false) => {
                    format!("  {what} won at {}, left unspent", ClockTime(m))
                }
                (ExpiryReason::WonAt(m), true) => {
                    format!("  {what} {} 抢到，没用完", ClockTime(m))
                }
            }
        })
        .collect()
}

/// Under the best plan's price: how the player's checkouts compare.
fn best_plan_note(zh: bool, r: &Results) -> String {
    let wished = r.wishlist_bought.len() + r.wishlist_missed.len();
    if r.best_plan_refused {
        return if zh {
            "  开场时的钱包付不起整张心愿单".into()
        } else {
            "  the whole wishlist was beyond the day's wallet".into()
        };
    }
    if !r.wishlist_missed.is_empty() {
        return if zh {
            format!(
                "  全部 {wished} 件的价格；你买了 {} 件",
                r.wishlist_bought.len()
            )
        } else {
            format!("  for all {wished}; you bought {}", r.wishlist_bought.len())
        };
    }
    // Several checkouts can beat the one merged checkout the plan prices
    // (each takes its own 10 envelopes).
    let more = r.wishlist_paid - r.best_plan_pay;
    match (more.get().signum(), zh) {
        (1, false) => format!("  you paid {} more", yuan(more)),
        (1, true) => format!("  你多付了 {}", yuan(more)),
        (0, false) => "  you matched it ✓".into(),
        (0, true) => "  你做到了 ✓".into(),
        (_, false) => format!("  you beat it by {} ✓", yuan(-more)),
        (_, true) => format!("  你比它还省 {} ✓", yuan(-more)),
    }
}

/// The `b` card at midnight: the best plan for the whole wishlist as one
/// checkout with the wallet held at 00:00, step by step, the tools it
/// uses, and what the player paid for the same items.
pub fn render_wishlist_plan(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some(play) = &app.play else { return };
    let (Some(plan), Some(r)) = (&play.wishlist_plan, play.game.results()) else {
        return;
    };
    let zh = app.settings.lang == Lang::Zh;
    let level = play.game.level();
    let q = &plan.receipt;
    let names: Vec<String> = crate::game::results::wishlist_items(level)
        .iter()
        .map(|&k| level.items[k].name.clone())
        .collect();
    const W: usize = 58;
    let mut lines = vec![Line::raw(spread(
        W,
        &if zh {
            format!("活动价 · {} 件", names.len())
        } else {
            format!("Festival price · {} items", names.len())
        },
        &yuan(q.goods),
    ))];
    // A step that takes money off: its label and the amount.
    let off_row =
        |label: &str, off: crate::money::Fen| spread(W, label, &format!("−{}", yuan(off)));
    if q.presale_bonus.get() > 0 {
        lines.push(Line::raw(off_row(presale_bonus_label(zh), q.presale_bonus)));
    }
    for st in receipt::steps(q, &names).iter().filter(|s| s.off.get() > 0) {
        let label = format!("{} {}", st.n, receipt::step_name(zh, st.n));
        lines.push(Line::styled(off_row(&label, st.off), theme.good));
    }
    if q.deposits_paid.get() > 0 {
        lines.push(Line::raw(off_row(deposits_label(zh), q.deposits_paid)));
    }
    lines.push(Line::styled(
        spread(
            W,
            if zh {
                "一次结算应付"
            } else {
                "One checkout pays"
            },
            &yuan(q.pay),
        ),
        theme.key,
    ));
    let coupons: Vec<&str> = q
        .coupons_used
        .iter()
        .filter_map(|&c| level.coupons.get(c).map(|c| &*c.id))
        .collect();
    let mut tools = Vec::new();
    if !q.envelopes_used.is_empty() {
        let (n, v) = (q.envelopes_used.len(), yuan(q.envelope_value_used()));
        tools.push(if zh {
            format!("{n} 个红包（{v}）")
        } else {
            format!("{n} envelopes ({v})")
        });
    }
    if !coupons.is_empty() {
        let ids = coupons.join(" ");
        tools.push(if zh {
            format!("券 {ids}")
        } else {
            format!("coupons {ids}")
        });
    }
    let used = match (tools.is_empty(), zh) {
        (true, false) => "Uses no coupon or envelope".to_string(),
        (true, true) => "不用券也不用红包".to_string(),
        (false, false) => format!("Uses {}", tools.join(", ")),
        (false, true) => format!("用 {}", tools.join("，")),
    };
    lines.push(Line::styled(used, theme.dim));
    lines.push(Line::styled(
        best_plan_note(zh, r).trim_start().to_string(),
        theme.dim,
    ));
    let title = if zh {
        "心愿单最优方案"
    } else {
        "BEST PLAN FOR YOUR WISHLIST"
    };
    Card::new(title, lines).render(theme, area, buf);
}

/// Cumulative spending by hour as a bar per hour, with the budget level.
fn spending_chart(zh: bool, theme: &Theme, game: &GameState, area: Rect, buf: &mut Buffer) {
    let Some(r) = game.results() else { return };
    let inner = panel(
        theme,
        if zh {
            " 你的花费 00:00 → 24:00 "
        } else {
            " Your spending, 00:00 → 24:00 "
        },
        area,
        buf,
    );
    if inner.height < 3 || inner.width < 10 {
        return;
    }
    // Already cumulative, one value per clock hour.
    let cum: Vec<i64> = r.spent_by_hour.iter().map(|f| f.get()).collect();
    let total = cum.last().copied().unwrap_or(0);
    let budget = game.level().wallet.budget.get();
    let top = total.max(budget).max(1);
    let h = i64::from(inner.height - 2);
    let bar_w = (inner.width.saturating_sub(1) / 24).max(1);
    let budget_row = inner.y + (h - (budget * h / top)).clamp(0, h) as u16;
    for (i, v) in cum.iter().enumerate() {
        let filled = (v * h / top) as u16;
        let x = inner.x + i as u16 * bar_w;
        if x + bar_w > inner.right() {
            break;
        }
        for dy in 0..h as u16 {
            let y = inner.y + h as u16 - 1 - dy;
            let (sym, style) = if dy < filled {
                (
                    "█",
                    if *v > budget {
                        theme.credit
                    } else {
                        theme.good
                    },
                )
            } else if y == budget_row {
                ("┄", theme.dim)
            } else {
                (" ", theme.text)
            };
            for bx in 0..bar_w {
                buf[(x + bx, y)].set_symbol(sym).set_style(style);
            }
        }
    }
    let axis_y = inner.y + h as u16;
    buf.set_string(inner.x, axis_y, "00", theme.dim);
    buf.set_string(inner.x + 12 * bar_w, axis_y, "12", theme.dim);
    buf.set_string(inner.x + 23 * bar_w, axis_y, "24", theme.dim);
    let label = format!(
        "{} {} · {} {}",
        if zh { "共" } else { "total" },
        yuan(crate::money::Fen(total)),
        if zh { "预算" } else { "budget ┄" },
        yuan(crate::money::Fen(budget))
    );
    buf.set_string(inner.x, axis_y + 1, label, theme.text);
}

/// An amount in ¥ billion, rounded down: one decimal from 10 billion up,
/// two below (2009's 0.05, 2011's 3.36).
fn billions(amount: crate::money::Fen) -> String {
    let hundredths = amount.get() / 100 / 10_000_000;
    if hundredths >= 1_000 {
        format!("{}.{}", hundredths / 100, hundredths % 100 / 10)
    } else {
        format!("{}.{:02}", hundredths / 100, hundredths % 100)
    }
}

/// The narrowest bar worth a column of its own in the GMV chart.
const MIN_BAR: u16 = 8;

/// The real GMV records, one bar per year; the level's year reversed.
fn gmv_chart(zh: bool, theme: &Theme, game: &GameState, area: Rect, buf: &mut Buffer) {
    let inner = panel(
        theme,
        if zh {
            " 历年双十一成交额（十亿元） "
        } else {
            " Real 11.11 GMV records, ¥ billion "
        },
        area,
        buf,
    );
    let records = crate::level::gmv_records().unwrap_or(&[]);
    let max = records
        .iter()
        .filter_map(|r| r.gmv)
        .map(|f| f.get())
        .max()
        .unwrap_or(1)
        .max(1);
    // Every year from 2009 on: in two columns when one is too short and two
    // still leave room for readable bars; otherwise the oldest years drop out.
    let rows = usize::from(inner.height).max(1);
    let two_fit = inner.width / 2 >= 14 + MIN_BAR;
    let columns: u16 = if records.len() > rows && two_fit {
        2
    } else {
        1
    };
    let skip = records.len().saturating_sub(rows * usize::from(columns));
    let shown = &records[skip..];
    let per_column = shown.len().div_ceil(usize::from(columns)).max(1);
    let column_w = inner.width / columns;
    let bar_w = i64::from(column_w.saturating_sub(14));
    for (c, chunk) in shown.chunks(per_column).enumerate() {
        let lines: Vec<Line> = chunk
            .iter()
            .map(|r| record_line(zh, theme, game.level().year, r, bar_w, max))
            .collect();
        let x = inner.x + column_w * c as u16;
        Paragraph::new(lines).render(Rect::new(x, inner.y, column_w, inner.height), buf);
    }
}

/// One year of the GMV chart: the year, a bar scaled to `max`, the figure
/// in ¥ billion (`*` when it counts more than one day); the level's year
/// reversed.
fn record_line(
    zh: bool,
    theme: &Theme,
    level_year: u16,
    r: &crate::level::GmvRecord,
    bar_w: i64,
    max: i64,
) -> Line<'static> {
    let (bar, num) = match r.gmv {
        Some(g) => {
            let n = (g.get() * bar_w / max).max(i64::from(g.get() > 0)) as usize;
            (
                "█".repeat(n),
                format!(" {}{}", billions(g), if r.days > 1 { "*" } else { "" }),
            )
        }
        None => (
            String::new(),
            if zh {
                " 未公布".into()
            } else {
                " not disclosed".into()
            },
        ),
    };
    let mine = r.year == level_year;
    Line::from(vec![
        ratatui::text::Span::styled(
            format!("{} ", r.year),
            if mine { theme.selected } else { theme.text },
        ),
        ratatui::text::Span::styled(bar, if mine { theme.selected } else { theme.gold }),
        ratatui::text::Span::raw(num),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Fen;

    #[test]
    fn billions_keep_small_years_readable() {
        assert_eq!(billions(Fen::yuan(50_000_000)), "0.05");
        assert_eq!(billions(Fen::yuan(3_360_000_000)), "3.36");
        assert_eq!(billions(Fen::yuan(168_200_000_000)), "168.2");
        assert_eq!(billions(Fen::yuan(19_100_000_000)), "19.1");
    }

    #[test]
    fn short_panels_drop_the_finest_details_from_the_bottom() {
        let rows = |ranks: &[u8]| -> Vec<(Line<'static>, u8)> {
            ranks
                .iter()
                .enumerate()
                .map(|(i, &r)| (Line::raw(format!("{i}")), r))
                .collect()
        };
        let kept =
            |lines: Vec<Line>| -> Vec<String> { lines.iter().map(|l| l.to_string()).collect() };
        let ranks = [0, 2, 1, 0, 2, 2, 1, 0];
        assert_eq!(kept(fit_rows(rows(&ranks), 8)).len(), 8);
        assert_eq!(
            kept(fit_rows(rows(&ranks), 6)),
            ["0", "1", "2", "3", "6", "7"]
        );
        assert_eq!(kept(fit_rows(rows(&ranks), 4)), ["0", "2", "3", "7"]);
        // Never below the rows that must stay.
        assert_eq!(kept(fit_rows(rows(&ranks), 1)), ["0", "3", "7"]);
    }
}
