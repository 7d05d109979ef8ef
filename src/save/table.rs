//! A level's high-score table: best score first; on a tie the earlier date,
//! then the entry that was there first; at most [`TABLE_SIZE`] entries.

use super::format::ScoreEntry;

/// Entries kept per level.
pub const TABLE_SIZE: usize = 10;

/// True when `a` ranks above `b` (or level with it: `a` came first).
fn at_or_above(a: &ScoreEntry, b: &ScoreEntry) -> bool {
    a.score > b.score || (a.score == b.score && a.date <= b.date)
}

/// The 1-based place `entry` would take, or `None` if it would not make
/// the table.
pub fn place_of(table: &[ScoreEntry], entry: &ScoreEntry) -> Option<usize> {
    let above = table.iter().filter(|e| at_or_above(e, entry)).count();
    (above < TABLE_SIZE).then_some(above + 1)
}

/// Puts `entry` in its place; returns that place (1-based; `None`: not
/// placed, the table is unchanged) and the entries pushed off the end.
pub fn insert(table: &mut Vec<ScoreEntry>, entry: ScoreEntry) -> (Option<usize>, Vec<ScoreEntry>) {
    let Some(place) = place_of(table, &entry) else {
        return (None, Vec::new());
    };
    table.insert(place - 1, entry);
    let dropped = if table.len() > TABLE_SIZE {
        table.split_off(TABLE_SIZE)
    } else {
        Vec::new()
    };
    (Some(place), dropped)
}

/// Sorts a table (stable) and cuts it to size; returns what was cut.
pub fn normalize(table: &mut Vec<ScoreEntry>) -> Vec<ScoreEntry> {
    table.sort_by(|a, b| b.score.cmp(&a.score).then(a.date.cmp(&b.date)));
    if table.len() > TABLE_SIZE {
        table.split_off(TABLE_SIZE)
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(score: i64, date: i64) -> ScoreEntry {
        ScoreEntry {
            name: format!("{score}@{date}"),
            score,
            date,
            seed: 0,
            replay: None,
        }
    }

    #[test]
    fn best_first_ties_to_the_earlier() {
        let mut t = Vec::new();
        assert_eq!(insert(&mut t, e(10, 5)).0, Some(1));
        assert_eq!(insert(&mut t, e(20, 5)).0, Some(1));
        assert_eq!(insert(&mut t, e(10, 5)).0, Some(3));
        assert_eq!(insert(&mut t, e(10, 4)).0, Some(2));
        let scores: Vec<_> = t.iter().map(|x| x.name.as_str()).collect();
        assert_eq!(scores, ["20@5", "10@4", "10@5", "10@5"]);
    }

    #[test]
    fn a_full_table_drops_the_last() {
        let mut t: Vec<_> = (0..TABLE_SIZE as i64).map(|k| e(100 - k, 0)).collect();
        assert_eq!(insert(&mut t, e(0, 0)), (None, Vec::new()));
        assert_eq!(t.len(), TABLE_SIZE);
        let (place, dropped) = insert(&mut t, e(95, 0));
        assert_eq!(place, Some(7));
        assert_eq!(dropped, vec![e(91, 0)]);
        assert_eq!(t.len(), TABLE_SIZE);
    }

    #[test]
    fn normalize_sorts_and_cuts() {
        let mut t: Vec<_> = (0..12).map(|k| e(k, 0)).collect();
        let cut = normalize(&mut t);
        assert_eq!(t.first().map(|x| x.score), Some(11));
        assert_eq!(t.len(), TABLE_SIZE);
        assert_eq!(cut.iter().map(|x| x.score).collect::<Vec<_>>(), [1, 0]);
    }
}
