//! The presale deposits (定金) the player has paid: announced on the card
//! shown when they are paid (the first warm-up rain's, at the start) and
//! listed again on the day's first screen (the 00:00 big screen), so the
//! balance due on 11.11 is never a surprise at midnight.

use super::hud::yuan;
use crate::game::GameState;

/// One line per reservation still to pay: "Deposit paid: Longjing tea set
/// ¥40.00 (counts as ¥80.00) · pay the balance on 11.11 or lose it".
pub fn deposit_lines(zh: bool, game: &GameState) -> Vec<String> {
    let level = game.level();
    game.reservations()
        .iter()
        .filter(|r| !r.paid && !r.forfeited)
        .filter_map(|r| {
            let it = level.items.get(r.item)?;
            let counts = it
                .presale
                .map_or(r.deposit, |p| p.counts_as * i64::from(r.qty));
            let qty = if r.qty > 1 {
                format!(" ×{}", r.qty)
            } else {
                String::new()
            };
            Some(if zh {
                format!(
                    "已付定金：{}{qty} {}（抵 {}）· 11.11 付尾款，否则定金不退",
                    it.name,
                    yuan(r.deposit),
                    yuan(counts)
                )
            } else {
                format!(
                    "Deposit paid: {}{qty} {} (counts as {}) · pay the balance on 11.11 or lose it",
                    it.name,
                    yuan(r.deposit),
                    yuan(counts)
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2017_tea_set_deposit_is_announced() {
        let l = crate::level::load_shipped("2017.toml")
            .expect("shipped")
            .expect("valid");
        let g = GameState::new(&l, 1);
        let lines = deposit_lines(false, &g);
        assert_eq!(lines.len(), 1);
        assert!(
            lines[0].starts_with("Deposit paid: Longjing tea set ¥40.00 (counts as ¥80.00)"),
            "{}",
            lines[0]
        );
        assert!(deposit_lines(true, &g)[0].contains("已付定金"));
    }
}
