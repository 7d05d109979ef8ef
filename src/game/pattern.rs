//! What a rain drops and how often: the gap between drops ramps from the
//! rain's start gap to its end gap, and a growing share of drops are
//! patterns (a pair in two lanes at once, or a run of three across
//! neighbouring lanes) instead of a single envelope. Game inventions.

use super::GameRng;

/// Ticks between the envelopes of a run (0.15 s: one press each).
pub const RUN_GAP: u64 = 9;

/// The average gap between drops at rain tick `t` of `duration`: `start`
/// at the first tick, `end` at the last, linear in between.
pub fn gap_at(start: u64, end: u64, t: u64, duration: u64) -> u64 {
    let d = duration.max(1);
    let t = t.min(d);
    let (s, e) = (start as i128, end as i128);
    let g = s + (e - s) * t as i128 / d as i128;
    (g.max(1)) as u64
}

/// The chance (percent) that a drop at tick `t` is a pattern: 0 at the
/// start, `percent` at the end.
pub fn pattern_chance(percent: u32, t: u64, duration: u64) -> u64 {
    u64::from(percent) * t.min(duration) / duration.max(1)
}

/// One drop: each envelope's tick offset from now and its lane.
pub fn drop(rng: &mut GameRng, lanes: u8, percent: u32, t: u64, duration: u64) -> Vec<(u64, u8)> {
    let n = u64::from(lanes.max(1));
    let lane = rng.below(n) as u8;
    if lanes < 2 || rng.below(100) >= pattern_chance(percent, t, duration) {
        return vec![(0, lane)];
    }
    if lanes >= 3 && rng.below(2) == 0 {
        // A run of three across neighbouring lanes, left or right.
        let first = rng.below(n - 2) as u8;
        let lanes: [u8; 3] = if rng.below(2) == 0 {
            [first, first + 1, first + 2]
        } else {
            [first + 2, first + 1, first]
        };
        return lanes
            .iter()
            .enumerate()
            .map(|(i, &l)| (i as u64 * RUN_GAP, l))
            .collect();
    }
    // A pair: two different lanes at once.
    let other = (u64::from(lane) + 1 + rng.below(n - 1)) % n;
    vec![(0, lane), (0, other as u8)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_ramps_linearly_from_start_to_end() {
        assert_eq!(gap_at(120, 60, 0, 1_800), 120);
        assert_eq!(gap_at(120, 60, 900, 1_800), 90);
        assert_eq!(gap_at(120, 60, 1_800, 1_800), 60);
        assert_eq!(gap_at(120, 60, 9_999, 1_800), 60);
        assert_eq!(gap_at(60, 60, 500, 1_800), 60);
    }

    #[test]
    fn patterns_grow_from_none_to_the_rains_share() {
        assert_eq!(pattern_chance(40, 0, 1_800), 0);
        assert_eq!(pattern_chance(40, 900, 1_800), 20);
        assert_eq!(pattern_chance(40, 1_800, 1_800), 40);
        let mut rng = GameRng::new(7);
        for _ in 0..200 {
            assert_eq!(drop(&mut rng, 4, 40, 0, 1_800).len(), 1);
        }
        let mut shapes = [0; 4];
        for _ in 0..400 {
            let d = drop(&mut rng, 4, 100, 1_800, 1_800);
            shapes[d.len()] += 1;
            let mut lanes: Vec<u8> = d.iter().map(|x| x.1).collect();
            lanes.sort_unstable();
            lanes.dedup();
            assert_eq!(lanes.len(), d.len(), "one envelope a lane: {d:?}");
            assert!(lanes.iter().all(|&l| l < 4));
        }
        assert!(shapes[2] > 100 && shapes[3] > 100, "{shapes:?}");
    }
}
