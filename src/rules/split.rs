//! Proportional splitting by the largest-remainder method.

use crate::money::Fen;

/// Splits `total` over `weights` in proportion, by the largest-remainder
/// method: every share is first rounded down, then the fen left over go one
/// each to the largest remainders, ties to the earlier position. The shares
/// always add up to `total` exactly (when the weights are not all zero; then
/// every share is zero).
///
/// Writes the shares into `out` (cleared first) so that hot paths can reuse a
/// buffer.
pub fn split_into(total: Fen, weights: &[Fen], out: &mut Vec<Fen>) {
    out.clear();
    let sum: i128 = weights.iter().map(|w| w.0.max(0) as i128).sum();
    if sum == 0 || total.0 <= 0 {
        out.extend(weights.iter().map(|_| Fen::ZERO));
        return;
    }
    let total_i = total.0 as i128;
    let mut given: i128 = 0;
    // (remainder, index) pairs for the leftover fen.
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let product = total_i * w.0.max(0) as i128;
        let share = product / sum;
        remainders.push((product % sum, i));
        given += share;
        out.push(Fen(share as i64));
    }
    // Fewer fen are left over than there are lines with a remainder.
    let left = (total_i - given) as usize;
    if left > 0 {
        // Largest remainder first; on equal remainders the earlier line wins.
        let order = |a: &(i128, usize), b: &(i128, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if left < remainders.len() {
            remainders.select_nth_unstable_by(left - 1, order);
        }
        for &(_, i) in &remainders[..left] {
            out[i].0 += 1;
        }
    }
}

/// Splits `total` over `weights`; see [`split_into`].
pub fn split(total: Fen, weights: &[Fen]) -> Vec<Fen> {
    let mut out = Vec::with_capacity(weights.len());
    split_into(total, weights, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fen(v: &[i64]) -> Vec<Fen> {
        v.iter().map(|&x| Fen(x)).collect()
    }

    #[test]
    fn allowance_example_g_splits_ten_forty() {
        assert_eq!(split(Fen(5000), &fen(&[8000, 32000])), fen(&[1000, 4000]));
    }

    #[test]
    fn leftover_fen_go_to_largest_remainders_ties_to_earlier() {
        assert_eq!(split(Fen(10), &fen(&[1, 1, 1])), fen(&[4, 3, 3]));
        assert_eq!(split(Fen(2), &fen(&[1, 1, 1])), fen(&[1, 1, 0]));
        assert_eq!(split(Fen(100), &fen(&[1, 2])), fen(&[33, 67]));
    }

    #[test]
    fn zero_weights_get_nothing() {
        assert_eq!(split(Fen(7), &fen(&[0, 0])), fen(&[0, 0]));
        assert_eq!(split(Fen(7), &fen(&[0, 5])), fen(&[0, 7]));
    }
}
