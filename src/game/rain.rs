//! The red-envelope rain: envelopes fall in lanes; a lane press is judged by
//! how near the hit line (the middle of the CATCH band) the nearest envelope
//! in that lane is ([`super::timing`]: perfect / good / miss). Positions are
//! a closed-form function of (spawn tick, speed, tick) in quarter-row steps,
//! so an envelope moves smoothly and a press is judged exactly at the tick
//! it was made.
//!
//! - A catch reveals the value (a pop for 0.6 s), adds the envelope to the
//!   wallet and raises the combo; the combo and a perfect grade multiply
//!   catch *points*, never money ([`super::score::catch_points`]).
//! - A press on a lane with nothing in the band is an empty press: the
//!   combo resets, that lane locks for 0.5 s (presses on a locked lane do
//!   nothing) and the next catch is docked a quarter of its value per empty
//!   press since the last catch, so mashing loses money.
//! - Drops come faster as the rain goes on (`spawn_every_ms` → `spawn_end_ms`)
//!   and more of them are pairs and runs ([`super::pattern`]).
//! - Envelopes that fall past the band are missed.
//! - The crowd drains the pool every second at the rain's rate (±20%,
//!   game invention); the rain ends when its time is up or the pool is dry.

use serde::{Deserialize, Serialize};

use super::timing::{self, Grade, STEPS_PER_ROW};
use super::wallet::{HeldEnvelope, WonAt};
use super::{GameRng, GameState, Input, Phase, TICKS_PER_SECOND, pattern, score};
use crate::level::{Level, RainSpec};
use crate::money::Fen;
use crate::rules::Id;

pub use super::timing::LOCK_TICKS;

/// How long a pop shows (0.6 s).
pub const POP_TICKS: u64 = 36;

/// An envelope falling (or, with `spawn` still ahead, about to: the second
/// and third of a run).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Falling {
    /// Lane (0-based).
    pub lane: u8,
    /// Rain tick it spawns at.
    pub spawn: u64,
    /// Its value (0 = empty), revealed when caught.
    pub value: Fen,
    /// Its minimum spend.
    pub min_spend: Fen,
    /// A jackpot (falls as `[★]`).
    pub jackpot: bool,
}

/// What a pop shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PopKind {
    /// A caught envelope and its value.
    Caught {
        /// The value kept (after any docking).
        value: Fen,
        /// Minimum spend.
        min_spend: Fen,
        /// A jackpot.
        jackpot: bool,
        /// How well it was timed.
        #[serde(default)]
        grade: Grade,
        /// What earlier empty presses docked from it.
        #[serde(default)]
        docked: Fen,
    },
    /// A caught empty envelope ("thank you for taking part").
    Empty,
    /// A press with nothing in the band: `✗`, the lane locks.
    Miss,
}

/// A short-lived pop over a lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pop {
    /// The lane.
    pub lane: u8,
    /// What it shows.
    pub kind: PopKind,
    /// Rain tick it appeared.
    pub at: u64,
    /// Rain tick it disappears.
    pub until: u64,
}

/// One catch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catch {
    /// The lane.
    pub lane: u8,
    /// The value kept (0 = empty, or docked to nothing).
    pub value: Fen,
    /// Minimum spend.
    pub min_spend: Fen,
    /// A jackpot.
    pub jackpot: bool,
    /// The combo after this catch.
    pub combo: u32,
    /// Points it scored.
    pub points: i64,
    /// Rain tick.
    pub at: u64,
    /// How well it was timed.
    #[serde(default)]
    pub grade: Grade,
    /// What earlier empty presses docked from it (back to the pool).
    #[serde(default)]
    pub docked: Fen,
}

/// Why a rain ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RainEnd {
    /// Its time ran out.
    TimeUp,
    /// The pool ran dry.
    PoolDry,
}

/// A rain in progress (or waiting on its card, or just over).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rain {
    /// Index into the level's rains.
    pub spec: usize,
    /// Its id.
    pub id: String,
    /// This draw's number in its day (1-based).
    pub number: u32,
    /// Draws that day.
    pub of: u32,
    /// Called by an 11.11 event (the clock is paused) rather than the warm-up.
    pub during_day: bool,
    /// Lanes.
    pub lanes: u8,
    /// Rows of the field.
    pub rows: u16,
    /// Bottom rows that are the catch band.
    pub catch_rows: u16,
    /// Rows per second (at most [`timing::MAX_SPEED`]).
    pub speed: u32,
    /// Ticks the rain lasts.
    pub duration: u64,
    /// Average ticks between drops at the start.
    pub spawn_gap: u64,
    /// Average ticks between drops at the end.
    #[serde(default)]
    pub spawn_gap_end: u64,
    /// Percent of drops that are pairs or runs by the end (0 at the start).
    #[serde(default)]
    pub pattern_percent: u32,
    /// Rain ticks run so far.
    pub elapsed: u64,
    /// Rain tick of the next drop.
    pub next_spawn: u64,
    /// Envelopes falling or about to (not caught, not past).
    pub falling: Vec<Falling>,
    /// Pops showing.
    pub pops: Vec<Pop>,
    /// Per lane, the rain tick until which it is locked.
    pub locked_until: Vec<u64>,
    /// The current combo.
    pub combo: u32,
    /// The best combo this rain.
    pub best_combo: u32,
    /// Catches, in order.
    pub catches: Vec<Catch>,
    /// Envelopes that fell past.
    pub missed: u32,
    /// Presses on an empty band.
    pub miss_presses: u32,
    /// Empty presses since the last catch (each docks the next catch).
    #[serde(default)]
    pub empty_presses: u32,
    /// The pool this rain draws on.
    pub pool_left: Fen,
    /// The pool's size at the start of the festival (for the bar).
    pub pool_total: Fen,
    /// The rain has its own pool (not the festival's).
    pub own_pool: bool,
    /// What the crowd grabbed in the last second (for "¥3.1 M/s").
    pub crowd_last_second: Fen,
    /// The crowd's rate, yuan per second.
    pub crowd_rate: Fen,
    /// Set when the rain is over.
    pub end: Option<RainEnd>,
}

/// A finished rain, for the results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RainSummary {
    /// The rain's id.
    pub id: String,
    /// During 11.11 (not the warm-up).
    pub during_day: bool,
    /// Why it ended.
    pub end: RainEnd,
    /// Envelopes caught (empty ones included).
    pub caught: u32,
    /// Empty envelopes caught.
    pub empty: u32,
    /// Catches graded perfect.
    #[serde(default)]
    pub perfect: u32,
    /// Envelopes that fell past.
    pub missed: u32,
    /// Presses on an empty band.
    pub miss_presses: u32,
    /// Money empty presses docked from catches.
    #[serde(default)]
    pub docked: Fen,
    /// Best combo.
    pub best_combo: u32,
    /// Money won.
    pub won: Fen,
    /// Points scored.
    pub points: i64,
}

impl Rain {
    /// A rain ready to start (tick 0), drawing on a pool with `pool_left`.
    pub fn new(level: &Level, spec: usize, number: u32, of: u32, pool_left: Fen) -> Rain {
        let r: &RainSpec = &level.rains[spec];
        let gap = |ms: u32| (u64::from(ms) * TICKS_PER_SECOND / 1000).max(1);
        Rain {
            spec,
            id: r.id.clone(),
            number,
            of,
            during_day: false,
            lanes: r.lanes,
            rows: r.rows,
            catch_rows: r.catch_rows,
            speed: r.speed.clamp(1, timing::MAX_SPEED),
            duration: u64::from(r.seconds) * TICKS_PER_SECOND,
            spawn_gap: gap(r.spawn_every_ms),
            spawn_gap_end: gap(r.spawn_end_ms),
            pattern_percent: u32::from(r.pattern_percent),
            elapsed: 0,
            next_spawn: 0,
            falling: Vec::new(),
            pops: Vec::new(),
            locked_until: vec![0; usize::from(r.lanes)],
            combo: 0,
            best_combo: 0,
            catches: Vec::new(),
            missed: 0,
            miss_presses: 0,
            empty_presses: 0,
            pool_left: r.pool.unwrap_or(pool_left),
            pool_total: r.pool.unwrap_or(level.envelopes.pool),
            own_pool: r.pool.is_some(),
            crowd_last_second: Fen::ZERO,
            crowd_rate: r.crowd_rate,
            end: None,
        }
    }

    /// The position of an envelope at rain tick `t`, in quarter-row steps
    /// from the top (0 before it spawns).
    pub fn step_at(&self, f: &Falling, t: u64) -> u64 {
        t.saturating_sub(f.spawn) * u64::from(self.speed) * STEPS_PER_ROW / TICKS_PER_SECOND
    }

    /// Its position now, in steps.
    pub fn step(&self, f: &Falling) -> u64 {
        self.step_at(f, self.elapsed)
    }

    /// True once `f` has spawned (a run's later envelopes wait their turn).
    pub fn visible(&self, f: &Falling) -> bool {
        f.spawn <= self.elapsed
    }

    /// The row of an envelope at rain tick `t` (0 = top; ≥ rows = fallen past).
    pub fn row_at(&self, f: &Falling, t: u64) -> u64 {
        self.step_at(f, t) / STEPS_PER_ROW
    }

    /// Its row now.
    pub fn row(&self, f: &Falling) -> u64 {
        self.row_at(f, self.elapsed)
    }

    /// The first row of the catch band.
    pub fn zone_top(&self) -> u64 {
        u64::from(self.rows - self.catch_rows)
    }

    /// True when `row` is in the catch band.
    pub fn in_zone(&self, row: u64) -> bool {
        row >= self.zone_top() && row < u64::from(self.rows)
    }

    /// The hit line, in steps: the middle of the band.
    pub fn hit_step(&self) -> u64 {
        self.zone_top() * STEPS_PER_ROW + u64::from(self.catch_rows) * STEPS_PER_ROW / 2
    }

    /// Steps from the top to the bottom of the field.
    pub fn field_steps(&self) -> u64 {
        u64::from(self.rows) * STEPS_PER_ROW
    }

    /// The rain tick an envelope spawned at `spawn` first reaches `step`.
    pub fn tick_of_step(&self, spawn: u64, step: u64) -> u64 {
        spawn + (step * TICKS_PER_SECOND).div_ceil(u64::from(self.speed) * STEPS_PER_ROW)
    }

    /// The rain tick an envelope spawned at `spawn` first shows `row`.
    pub fn tick_of_row(&self, spawn: u64, row: u64) -> u64 {
        self.tick_of_step(spawn, row * STEPS_PER_ROW)
    }

    /// The first and last rain ticks at which `f` can be caught (good).
    pub fn catch_window(&self, f: &Falling) -> (u64, u64) {
        let first = self.tick_of_row(f.spawn, self.zone_top());
        let past = self.tick_of_row(f.spawn, u64::from(self.rows));
        (first, past - 1)
    }

    /// The first and last rain ticks at which a catch of `f` is perfect.
    pub fn perfect_window(&self, f: &Falling) -> (u64, u64) {
        let hit = self.hit_step();
        let first = self.tick_of_step(f.spawn, hit - timing::PERFECT_STEPS);
        let past = self.tick_of_step(f.spawn, hit + timing::PERFECT_STEPS + 1);
        (first, past - 1)
    }

    /// The rain tick `f` crosses the hit line (the aimed moment).
    pub fn ideal_tick(&self, f: &Falling) -> u64 {
        self.tick_of_step(f.spawn, self.hit_step())
    }

    /// The grade a press on `f` would get now, if it is in the band.
    pub fn grade_now(&self, f: &Falling) -> Option<Grade> {
        let s = self.step(f);
        (self.visible(f) && self.in_zone(s / STEPS_PER_ROW))
            .then(|| timing::grade(s, self.hit_step()))
    }

    /// Real seconds left, rounded up.
    pub fn seconds_left(&self) -> u64 {
        self.duration
            .saturating_sub(self.elapsed)
            .div_ceil(TICKS_PER_SECOND)
    }

    /// Money won so far this rain.
    pub fn won(&self) -> Fen {
        self.catches.iter().map(|c| c.value).sum()
    }

    /// Points scored so far this rain.
    pub fn points(&self) -> i64 {
        self.catches.iter().map(|c| c.points).sum()
    }

    /// True while `lane` is locked after an empty press.
    pub fn is_locked(&self, lane: u8) -> bool {
        self.locked_until
            .get(usize::from(lane))
            .is_some_and(|&u| self.elapsed < u)
    }

    /// The share of the next catch that empty presses will dock, percent.
    pub fn dock_percent(&self) -> i64 {
        (i64::from(self.empty_presses) * timing::EMPTY_PRESS_PERCENT).min(100)
    }

    /// Ticks until the next visible change (a step, a spawn, a pop or lock
    /// ending, the seconds shown, the end).
    pub fn next_change(&self) -> Option<u64> {
        if self.end.is_some() {
            return None;
        }
        let now = self.elapsed;
        let mut next = self.duration;
        next = next.min((now / TICKS_PER_SECOND + 1) * TICKS_PER_SECOND);
        next = next.min(self.next_spawn.max(now + 1));
        for f in &self.falling {
            next = next.min(if self.visible(f) {
                self.tick_of_step(f.spawn, self.step(f) + 1)
            } else {
                f.spawn
            });
        }
        for p in &self.pops {
            if p.until > now {
                next = next.min(p.until);
            }
        }
        for &u in &self.locked_until {
            if u > now {
                next = next.min(u);
            }
        }
        Some(next.saturating_sub(now).max(1))
    }

    /// One rain tick: the crowd grabs (each second), envelopes fall past,
    /// pops fade, a new drop may come, the rain may end.
    fn step_tick(&mut self, level: &Level, rng: &mut GameRng) {
        self.elapsed += 1;
        let t = self.elapsed;
        if t % TICKS_PER_SECOND == 0 {
            // Game invention: the crowd's rate wobbles ±20% second to second.
            let grab = Fen(self.crowd_rate.0 * rng.between(80, 120) as i64 / 100);
            let grab = grab.min(self.pool_left);
            self.pool_left -= grab;
            self.crowd_last_second = grab;
        }
        let before = self.falling.len();
        let bottom = self.field_steps();
        let per_tick = u64::from(self.speed) * STEPS_PER_ROW;
        self.falling
            .retain(|f| t.saturating_sub(f.spawn) * per_tick / TICKS_PER_SECOND < bottom);
        self.missed += (before - self.falling.len()) as u32;
        self.pops.retain(|p| p.until > t);
        if self.pool_left == Fen::ZERO {
            self.end = Some(RainEnd::PoolDry);
            return;
        }
        if t >= self.duration {
            self.end = Some(RainEnd::TimeUp);
            return;
        }
        if t >= self.next_spawn {
            self.spawn(level, rng);
        }
    }

    fn spawn(&mut self, level: &Level, rng: &mut GameRng) {
        let t = self.elapsed;
        let end_gap = if self.spawn_gap_end == 0 {
            self.spawn_gap
        } else {
            self.spawn_gap_end
        };
        let gap = pattern::gap_at(self.spawn_gap, end_gap, t, self.duration);
        let shape = pattern::drop(rng, self.lanes, self.pattern_percent, t, self.duration);
        let last = shape.iter().map(|d| d.0).max().unwrap_or(0);
        // Game invention: gaps vary ±25% around the ramp.
        let (lo, hi) = (gap * 3 / 4, gap * 5 / 4);
        self.next_spawn = t + last + rng.between(lo.max(1), hi.max(1));
        for (offset, lane) in shape {
            let at = t + offset;
            // Only drop what can still reach the hit line before the rain ends.
            if self.tick_of_step(at, self.hit_step()) >= self.duration {
                continue;
            }
            let Some(k) = rng.weighted(level.prizes.iter().map(|p| p.weight)) else {
                return;
            };
            let prize = &level.prizes[k];
            self.falling.push(Falling {
                lane,
                spawn: at,
                value: prize.value,
                min_spend: prize.min_spend,
                jackpot: prize.jackpot,
            });
        }
    }

    /// A press on `lane`: the envelope in the band nearest the hit line, if
    /// any (the catch), else an empty press.
    fn press(&mut self, lane: u8) -> Option<Catch> {
        if lane >= self.lanes || self.is_locked(lane) || self.end.is_some() {
            return None;
        }
        let t = self.elapsed;
        let hit = self.hit_step();
        let best = self
            .falling
            .iter()
            .enumerate()
            .filter(|(_, f)| f.lane == lane && self.grade_now(f).is_some())
            .min_by_key(|(i, f)| {
                let s = self.step(f);
                (s.abs_diff(hit), std::cmp::Reverse(s), *i)
            })
            .map(|(i, _)| i);
        let Some(i) = best else {
            self.empty_press(lane);
            return None;
        };
        let grade = self.grade_now(&self.falling[i]).unwrap_or_default();
        let f = self.falling.remove(i);
        let face = f.value.min(self.pool_left);
        let docked = timing::docked(face, self.empty_presses);
        let value = face - docked;
        self.empty_presses = 0;
        self.pool_left -= value;
        self.combo += 1;
        self.best_combo = self.best_combo.max(self.combo);
        let kind = if face == Fen::ZERO {
            PopKind::Empty
        } else {
            PopKind::Caught {
                value,
                min_spend: f.min_spend,
                jackpot: f.jackpot,
                grade,
                docked,
            }
        };
        self.pops.push(Pop {
            lane,
            kind,
            at: t,
            until: t + POP_TICKS,
        });
        let points =
            timing::graded_points(score::catch_points(value, f.jackpot, self.combo), grade);
        let catch = Catch {
            lane,
            value,
            min_spend: f.min_spend,
            jackpot: f.jackpot,
            combo: self.combo,
            points,
            at: t,
            grade,
            docked,
        };
        self.catches.push(catch);
        if self.pool_left == Fen::ZERO {
            self.end = Some(RainEnd::PoolDry);
        }
        Some(catch)
    }

    /// A press with nothing in the band: the combo breaks, the lane locks
    /// and the next catch will be docked.
    fn empty_press(&mut self, lane: u8) {
        let t = self.elapsed;
        self.combo = 0;
        self.miss_presses += 1;
        self.empty_presses += 1;
        self.locked_until[usize::from(lane)] = t + LOCK_TICKS;
        self.pops.push(Pop {
            lane,
            kind: PopKind::Miss,
            at: t,
            until: t + LOCK_TICKS,
        });
    }

    fn summary(&self) -> RainSummary {
        let empty = self
            .catches
            .iter()
            .filter(|c| c.value == Fen::ZERO && c.docked == Fen::ZERO)
            .count() as u32;
        let perfect = self
            .catches
            .iter()
            .filter(|c| c.grade == Grade::Perfect)
            .count() as u32;
        RainSummary {
            id: self.id.clone(),
            during_day: self.during_day,
            end: self.end.unwrap_or(RainEnd::TimeUp),
            caught: self.catches.len() as u32,
            empty,
            perfect,
            missed: self.missed,
            miss_presses: self.miss_presses,
            docked: self.catches.iter().map(|c| c.docked).sum(),
            best_combo: self.best_combo,
            won: self.won(),
            points: self.points(),
        }
    }
}

/// The id of the `n`th envelope won: `e1`, `e2`, … (a rain can hand out
/// hundreds, so the digits are written without the formatting machinery).
fn envelope_id(n: u64) -> Id {
    let mut text = [0u8; 21];
    text[0] = b'e';
    let len = 1 + n.checked_ilog10().unwrap_or(0) as usize + 1;
    let mut rest = n;
    for digit in text[1..len].iter_mut().rev() {
        *digit = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    Id::from(std::str::from_utf8(&text[..len]).unwrap_or("e"))
}

/// The rain flow on the game state.
impl GameState {
    /// Sets up the next warm-up rain's card, or opens the day.
    pub(super) fn next_warmup_rain(&mut self) {
        let warmup = &self.level.envelopes.warmup;
        let n = self.draws.warmup_done as usize;
        if n < warmup.len() && self.draws.pool_left > Fen::ZERO {
            if let Some(spec) = self.level.rain_index(&warmup[n]) {
                let of = warmup.len() as u32;
                self.rain = Some(Rain::new(
                    &self.level,
                    spec,
                    n as u32 + 1,
                    of,
                    self.draws.pool_left,
                ));
                self.phase = Phase::RainIntro;
                return;
            }
        }
        self.open_day();
    }

    /// Sets up a rain called by an 11.11 event (the clock stops).
    pub(super) fn day_rain(&mut self, spec: usize) {
        let mut rain = Rain::new(
            &self.level,
            spec,
            self.draws.day_used + 1,
            self.draws.per_day,
            self.draws.pool_left,
        );
        rain.during_day = true;
        if rain.pool_left == Fen::ZERO {
            return;
        }
        self.rain = Some(rain);
        self.phase = Phase::RainIntro;
    }

    pub(super) fn rain_intro_input(&mut self, input: Input) {
        let during_day = self.rain.as_ref().is_some_and(|r| r.during_day);
        match input {
            Input::Confirm => {
                if during_day {
                    self.draws.day_used += 1;
                } else {
                    self.draws.warmup_done += 1;
                }
                self.phase = Phase::Rain;
            }
            Input::Skip | Input::Back => {
                self.rain = None;
                if during_day {
                    self.phase = Phase::Day;
                } else {
                    self.open_day();
                }
            }
            _ => {}
        }
    }

    pub(super) fn rain_over_input(&mut self, input: Input) {
        let during_day = self.rain.as_ref().is_some_and(|r| r.during_day);
        match input {
            Input::Confirm if !during_day => self.next_warmup_rain(),
            Input::Confirm | Input::Skip | Input::Back if during_day => {
                self.phase = Phase::Day;
            }
            Input::Skip | Input::Back => self.open_day(),
            _ => {}
        }
    }

    pub(super) fn step_rain(&mut self) {
        let Some(rain) = self.rain.as_mut() else {
            self.phase = if self.day.ticks > 0 {
                Phase::Day
            } else {
                Phase::Opening
            };
            return;
        };
        rain.step_tick(&self.level, &mut self.rng);
        if rain.end.is_some() {
            self.finish_rain();
        }
    }

    pub(super) fn press_lane(&mut self, lane: u8) {
        let Some(rain) = self.rain.as_mut() else {
            return;
        };
        if let Some(f) = rain.press(lane) {
            let rain_no = self.rains_played.len() as u32 + 1;
            self.catch_points += f.points;
            if f.value > Fen::ZERO {
                let id = envelope_id(self.next_envelope_id);
                self.next_envelope_id += 1;
                let minute = rain
                    .during_day
                    .then(|| self.clock().minute_at(self.day.ticks));
                self.envelopes.push(HeldEnvelope {
                    id,
                    value: f.value,
                    face: f.value,
                    min_spend: f.min_spend,
                    jackpot: f.jackpot,
                    won: WonAt {
                        rain: rain_no,
                        minute,
                    },
                    expired: false,
                });
            }
        }
        if self.rain.as_ref().is_some_and(|r| r.end.is_some()) {
            self.finish_rain();
        }
    }

    fn finish_rain(&mut self) {
        let Some(rain) = self.rain.as_mut() else {
            return;
        };
        rain.pops.clear();
        if !rain.own_pool {
            self.draws.pool_left = rain.pool_left;
        }
        self.rains_played.push(rain.summary());
        self.phase = Phase::RainOver;
    }

    /// Draws left for another rain today (warm-up or 11.11).
    pub fn draws_left(&self) -> u32 {
        match self.phase {
            Phase::RainIntro | Phase::Rain | Phase::RainOver
                if !self.rain.as_ref().is_some_and(|r| r.during_day) =>
            {
                (self.level.envelopes.warmup.len() as u32).saturating_sub(self.draws.warmup_done)
            }
            _ => self.draws.per_day.saturating_sub(self.draws.day_used),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::envelope_id;

    #[test]
    fn envelope_ids_are_e_and_the_number() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, u64::MAX] {
            assert_eq!(&*envelope_id(n), format!("e{n}"));
        }
    }
}
