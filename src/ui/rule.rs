//! The festival's rule in one line — its cross-store tier (跨店满减) or the
//! shopping allowance (购物津贴), any store with its own tier, and the
//! envelope limit — as the shop's status panel, How to play and the help
//! show it. Worked out from the level, never written per year.

use super::hud::yuan;
use crate::level::Level;
use crate::money::Fen;
use crate::rules::{CrossStore, Tier};

/// `¥40` for whole yuan, `¥12.50` otherwise.
fn money(f: Fen) -> String {
    let s = yuan(f);
    s.strip_suffix(".00").map_or(s.clone(), str::to_string)
}

fn tier(zh: bool, t: Tier) -> String {
    if zh {
        format!("每满 {} 减 {}", money(t.every), money(t.off))
    } else {
        format!("{} off every {}", money(t.off), money(t.every))
    }
}

/// The level's rule: "¥40 off every ¥300 across stores", "Allowance: ¥50 off
/// every ¥400, up to the ¥150 you hold", "No cross-store discount", then
/// stores with their own tier and "≤10 envelopes a checkout". `allowance`:
/// the balance held now (`None`: the level's starting balance).
pub fn festival_rule(zh: bool, level: &Level, allowance: Option<Fen>) -> String {
    let mut parts = vec![match (&level.festival.cross_store, zh) {
        (CrossStore::Tiered(t), false) => format!("{} across stores", tier(zh, *t)),
        (CrossStore::Tiered(t), true) => format!("跨店{}", tier(zh, *t)),
        (CrossStore::Allowance { tier: t, balance }, false) => format!(
            "Allowance: {}, up to the {} you hold",
            tier(zh, *t),
            money(allowance.unwrap_or(*balance))
        ),
        (CrossStore::Allowance { tier: t, balance }, true) => format!(
            "购物津贴：{}，以持有的 {} 为限",
            tier(zh, *t),
            money(allowance.unwrap_or(*balance))
        ),
        (CrossStore::None, false) => "No cross-store discount: store discounts only".into(),
        (CrossStore::None, true) => "无跨店满减：只有店铺优惠".into(),
    }];
    let own: Vec<String> = level
        .stores
        .iter()
        .filter_map(|s| s.cross_store.map(|t| (s, t)))
        .map(|(s, t)| format!("{} {}", s.name, tier(zh, t)))
        .collect();
    if !own.is_empty() {
        parts.push(own.join(", "));
    }
    let n = level.festival.envelope_limit;
    parts.push(if zh {
        format!("每单最多 {n} 个红包")
    } else {
        format!("≤{n} envelopes a checkout")
    });
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped(name: &str) -> Level {
        crate::level::load_shipped(name)
            .expect("shipped")
            .expect("valid")
    }

    #[test]
    fn each_festival_states_its_own_rule() {
        assert!(
            festival_rule(false, &shipped("2020.toml"), None).starts_with("¥40 off every ¥300")
        );
        assert!(
            festival_rule(false, &shipped("2021.toml"), None).starts_with("¥30 off every ¥200")
        );
        let y2017 = festival_rule(false, &shipped("2017.toml"), Some(Fen(5_000)));
        assert!(
            y2017.starts_with("Allowance: ¥50 off every ¥400, up to the ¥50 you hold"),
            "{y2017}"
        );
        assert!(festival_rule(false, &shipped("2009.toml"), None).starts_with("No cross-store"));
        assert!(
            festival_rule(true, &shipped("tutorial.toml"), None)
                .starts_with("跨店每满 ¥100 减 ¥10")
        );
        assert!(festival_rule(false, &shipped("2022.toml"), None).contains("¥30 off every ¥200"));
    }
}
