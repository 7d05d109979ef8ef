//! The game's one source of randomness: a seeded ChaCha8 stream whose
//! position is saved with the state, so a resumed game draws exactly what
//! the uninterrupted one would have.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A seeded random stream (serialized as seed + position).
#[derive(Clone, Debug)]
pub struct GameRng {
    seed: u64,
    rng: ChaCha8Rng,
}

impl PartialEq for GameRng {
    fn eq(&self, other: &Self) -> bool {
        self.seed == other.seed && self.rng.get_word_pos() == other.rng.get_word_pos()
    }
}

impl GameRng {
    /// A fresh stream for `seed`.
    pub fn new(seed: u64) -> GameRng {
        GameRng {
            seed,
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    /// A number in `0..n` (0 when `n` is 0). Integer only: no floats decide anything.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        // Rejection sampling keeps it unbiased.
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let v = self.rng.next_u64();
            if v < zone {
                return v % n;
            }
        }
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below(hi - lo + 1)
    }

    /// Picks an index by weight (`None` if every weight is 0).
    pub fn weighted(&mut self, weights: impl Iterator<Item = u32> + Clone) -> Option<usize> {
        let total: u64 = weights.clone().map(u64::from).sum();
        if total == 0 {
            return None;
        }
        let mut pick = self.below(total);
        for (i, w) in weights.enumerate() {
            let w = u64::from(w);
            if pick < w {
                return Some(i);
            }
            pick -= w;
        }
        None
    }
}

#[derive(Serialize, Deserialize)]
struct Saved {
    seed: u64,
    /// The stream position in 32-bit words, split in two halves for JSON.
    pos_hi: u64,
    pos_lo: u64,
}

impl Serialize for GameRng {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let pos = self.rng.get_word_pos();
        Saved {
            seed: self.seed,
            pos_hi: (pos >> 64) as u64,
            pos_lo: pos as u64,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for GameRng {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<GameRng, D::Error> {
        let saved = Saved::deserialize(d)?;
        let mut rng = GameRng::new(saved.seed);
        rng.rng
            .set_word_pos((u128::from(saved.pos_hi) << 64) | u128::from(saved.pos_lo));
        Ok(rng)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_stream_continues_where_it_stopped() {
        let mut a = GameRng::new(7);
        for _ in 0..13 {
            a.below(1000);
        }
        let json = serde_json::to_string(&a).unwrap();
        let mut b: GameRng = serde_json::from_str(&json).unwrap();
        for _ in 0..50 {
            assert_eq!(a.below(1_000_000), b.below(1_000_000));
        }
    }

    #[test]
    fn weighted_picks_respect_zero_weights() {
        let mut r = GameRng::new(1);
        for _ in 0..200 {
            let i = r.weighted([0u32, 5, 0, 1].into_iter()).unwrap();
            assert!(i == 1 || i == 3);
        }
        assert_eq!(r.weighted([0u32, 0].into_iter()), None);
    }
}
