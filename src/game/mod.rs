//! The pure, deterministic game core: one festival from the warm-up rains
//! through the 11.11 day to the midnight results.
//!
//! Everything lives in [`GameState`]; the only way it changes is
//! [`update`] with an [`Event`]: `Event::Tick` advances exactly one tick
//! (1/60 s), `Event::Input` applies a player's input at the current tick.
//! No clock, no I/O, no floats in decisions, no hash-map iteration: the same
//! level, seed and inputs give a bit-identical state.
//!
//! The flow ([`Phase`]): `RainIntro` → `Rain` → `RainOver` (repeat for each
//! warm-up draw) → `Opening` (the 00:00 big screen) → `Day` (the shop under
//! the clock; events may call a rain, which pauses the clock) → `Results`.
//!
//! `tick()` counts every tick sent, paused or not (it is the replay
//! timeline); the game's own timers (rain time, the day clock, pops) only
//! run while something is running.

pub mod checkout;
pub mod clock;
pub mod crowd;
pub mod day;
pub mod events;
pub mod fast;
pub mod jump;
pub mod pattern;
pub mod rain;
pub mod results;
pub mod rng;
pub mod score;
pub mod shop;
pub mod timing;
pub mod wallet;

use serde::{Deserialize, Serialize};

use crate::level::{ClockTime, Level};
use crate::money::Fen;

pub use clock::Clock;
pub use day::{CartEntry, Day, Notice, NoticeKind, Overlay, Purchase, PurchaseLine, Refused, Show};
pub use fast::fast_forward_to;
pub use rain::{Catch, Falling, Pop, PopKind, Rain, RainEnd};
pub use results::{ExpiryGroup, ExpiryReason, Results, expiry_groups};
pub use rng::GameRng;
pub use score::{Rank, ScoreBreakdown};
pub use timing::Grade;
pub use wallet::{HeldCoupon, HeldEnvelope, Purse, Reservation};

/// Ticks per real second.
pub const TICKS_PER_SECOND: u64 = 60;

/// What the views switch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// A card before a rain ("RAIN 2 of 3"); `Confirm` starts it, `Skip`/`Back`
    /// skips it (a warm-up skip goes shopping). Details: [`GameState::rain`].
    RainIntro,
    /// The envelope rain is falling. Details: [`GameState::rain`].
    Rain,
    /// The "rain over" card over the frozen rain; `Confirm` → next rain (if
    /// draws are left) or on; `Skip`/`Back` → go shopping.
    RainOver,
    /// The 00:00 big screen, `opening_seconds` long; any input skips it.
    Opening,
    /// The 11.11 day: shop under the clock. Details: [`GameState::day`].
    Day,
    /// Midnight: the festival is over. Details: [`GameState::results`].
    Results,
}

/// A player's input, already mapped from keys by the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Input {
    /// Catch in lane n (0-based).
    Lane(u8),
    /// Previous item (or look).
    Up,
    /// Next item.
    Down,
    /// Previous store tab.
    Left,
    /// Next store tab.
    Right,
    /// Enter: start a rain, close a card, pay in the checkout review.
    Confirm,
    /// Esc: close the overlay, skip a rain card.
    Back,
    /// Next store tab.
    NextTab,
    /// Previous store tab.
    PrevTab,
    /// Add the selected item to the cart (one more unit).
    AddToCart,
    /// One unit fewer of the selected item in the cart.
    RemoveFromCart,
    /// Open the checkout review (the receipt, step by step); in the review, pay.
    Checkout,
    /// In the checkout review: switch between the default picks and the best plan.
    ToggleCard,
    /// Type into the search filter.
    Search(char),
    /// Delete the last search character.
    SearchBackspace,
    /// Clear the search filter.
    SearchClear,
    /// Pause / resume.
    Pause,
    /// Skip an opening animation, a show, or the remaining warm-up rains.
    Skip,
    /// Buy the look on the runway now ("see now, buy now").
    BuyNow,
    /// Select a cart line (for the views' cart cursor): previous.
    CartUp,
    /// Select a cart line: next.
    CartDown,
    /// In the day: jump ahead to the next event (a flash sale, a rain, a
    /// show, the last hour, midnight), or to the end of the show on the
    /// runway; exactly as ticking there one by one ([`jump`]).
    NextEvent,
}

/// What [`update`] is fed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// Advance exactly one tick.
    Tick,
    /// Apply an input at the current tick.
    Input(Input),
}

/// Where the warm-up stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draws {
    /// Rains played (or skipped) in the warm-up.
    pub warmup_done: u32,
    /// Rains joined on 11.11.
    pub day_used: u32,
    /// Draws per day.
    pub per_day: u32,
    /// The shared envelope pool left.
    pub pool_left: Fen,
}

/// The whole game. Clone + Debug + serde for suspend/resume saves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GameState {
    level: Level,
    seed: u64,
    rng: GameRng,
    tick: u64,
    active: u64,
    phase: Phase,
    paused: bool,
    purse: Purse,
    envelopes: Vec<HeldEnvelope>,
    coupons: Vec<HeldCoupon>,
    reservations: Vec<Reservation>,
    draws: Draws,
    rain: Option<Rain>,
    rains_played: Vec<rain::RainSummary>,
    catch_points: i64,
    next_envelope_id: u64,
    opening_ticks: u64,
    start_of_day: Option<wallet::DayStart>,
    day: Day,
    results: Option<Results>,
}

impl GameState {
    /// A new festival at tick 0: presale deposits are paid from the wallet
    /// (the warm-up is when deposits are due) and the first warm-up rain
    /// waits on its card (or the day opens if the level has no warm-up).
    pub fn new(level: &Level, seed: u64) -> GameState {
        let (purse, reservations) = wallet::opening_purse(level);
        let coupons = (0..level.coupons.len())
            .map(|spec| HeldCoupon { spec, used: false })
            .collect();
        let mut rng = GameRng::new(seed);
        let day = Day::new(level, &mut rng);
        let mut state = GameState {
            level: level.clone(),
            seed,
            rng,
            tick: 0,
            active: 0,
            phase: Phase::RainIntro,
            paused: false,
            purse,
            envelopes: Vec::new(),
            coupons,
            reservations,
            draws: Draws {
                warmup_done: 0,
                day_used: 0,
                per_day: level.envelopes.draws_per_day,
                pool_left: level.envelopes.pool,
            },
            rain: None,
            rains_played: Vec::new(),
            catch_points: 0,
            next_envelope_id: 1,
            opening_ticks: 0,
            start_of_day: None,
            day,
            results: None,
        };
        state.next_warmup_rain();
        state
    }

    /// Ticks since the start (every tick sent, paused or not).
    pub fn tick(&self) -> u64 {
        self.tick
    }

    /// The current phase.
    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// True while paused (nothing but `tick()` moves).
    pub fn is_paused(&self) -> bool {
        self.paused
    }

    /// The festival has ended (results shown).
    pub fn is_over(&self) -> bool {
        self.phase == Phase::Results
    }

    /// The level being played.
    pub fn level(&self) -> &Level {
        &self.level
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Cash, credit and allowance.
    pub fn purse(&self) -> &Purse {
        &self.purse
    }

    /// Platform envelopes held (used-up ones are removed; expired ones stay, marked).
    pub fn envelopes(&self) -> &[HeldEnvelope] {
        &self.envelopes
    }

    /// Coupons held (used ones stay, marked).
    pub fn coupons(&self) -> &[HeldCoupon] {
        &self.coupons
    }

    /// Presale reservations.
    pub fn reservations(&self) -> &[Reservation] {
        &self.reservations
    }

    /// Draws and the envelope pool.
    pub fn draws(&self) -> &Draws {
        &self.draws
    }

    /// The current (or just finished) rain.
    pub fn rain(&self) -> Option<&Rain> {
        self.rain.as_ref()
    }

    /// Every rain played so far, in order.
    pub fn rains_played(&self) -> &[rain::RainSummary] {
        &self.rains_played
    }

    /// Catch score so far (combo-multiplied; see [`score`]).
    pub fn catch_points(&self) -> i64 {
        self.catch_points
    }

    /// The 11.11 day: clock, stock, cart, browsing, purchases.
    pub fn day(&self) -> &Day {
        &self.day
    }

    /// The results, once the festival is over.
    pub fn results(&self) -> Option<&Results> {
        self.results.as_ref()
    }

    /// The day's clock mapping.
    pub fn clock(&self) -> Clock {
        Clock::new(self.level.day_seconds)
    }

    /// The clock time now (00:00 before the day starts).
    pub fn clock_time(&self) -> ClockTime {
        self.clock().time_at(self.day.ticks)
    }

    /// Ticks spent in the opening so far.
    pub fn opening_ticks(&self) -> u64 {
        self.opening_ticks
    }

    /// Ticks the opening lasts.
    pub fn opening_length(&self) -> u64 {
        u64::from(self.level.opening_seconds) * TICKS_PER_SECOND
    }

    /// The score so far (the HUD's ★): catches, savings, wishlist, minus waste
    /// and 剁手; final at midnight.
    pub fn score(&self) -> ScoreBreakdown {
        match &self.results {
            Some(r) => r.score.clone(),
            None => score::running(self),
        }
    }

    /// The next tick at which anything visible changes; `None` when nothing
    /// will change without input.
    pub fn next_wakeup(&self) -> Option<u64> {
        if self.paused {
            return None;
        }
        let local = match self.phase {
            Phase::RainIntro | Phase::RainOver | Phase::Results => None,
            Phase::Rain => self.rain.as_ref().and_then(Rain::next_change),
            Phase::Opening => {
                // The big screen animates in 0.1 s steps until it ends.
                let len = self.opening_length();
                let step = TICKS_PER_SECOND / 10;
                let next = (self.opening_ticks / step + 1) * step;
                Some(next.min(len).saturating_sub(self.opening_ticks).max(1))
            }
            Phase::Day => self.day.next_change(self.clock(), self.active),
        };
        local.map(|d| self.tick + d.max(1))
    }
}

/// The only way the state changes.
pub fn update(state: &mut GameState, event: Event) {
    match event {
        Event::Tick => {
            state.tick += 1;
            if !state.paused {
                state.active += 1;
                state.step();
            }
        }
        Event::Input(Input::Pause) => {
            if state.phase != Phase::Results {
                state.paused = !state.paused;
            }
        }
        Event::Input(input) => {
            if !state.paused {
                state.apply(input);
            }
        }
    }
}

impl GameState {
    /// One running tick of whatever phase is on.
    fn step(&mut self) {
        match self.phase {
            Phase::Rain => self.step_rain(),
            Phase::Opening => {
                self.opening_ticks += 1;
                if self.opening_ticks >= self.opening_length() {
                    self.phase = Phase::Day;
                }
            }
            Phase::Day => self.step_day(),
            Phase::RainIntro | Phase::RainOver | Phase::Results => {}
        }
    }

    /// One input in whatever phase is on.
    fn apply(&mut self, input: Input) {
        match self.phase {
            Phase::RainIntro => self.rain_intro_input(input),
            Phase::Rain => {
                if let Input::Lane(lane) = input {
                    self.press_lane(lane);
                }
            }
            Phase::RainOver => self.rain_over_input(input),
            Phase::Opening => self.phase = Phase::Day,
            Phase::Day => self.day_input(input),
            Phase::Results => {}
        }
    }
}

/// Runs `inputs` (sorted by tick; ties keep their order) from a new game:
/// ticks up to each input's tick, then applies it. Returns the state right
/// after the last input (use [`advance_to`] to run on).
pub fn simulate_inputs(level: &Level, seed: u64, inputs: &[(u64, Input)]) -> GameState {
    let mut state = GameState::new(level, seed);
    let mut sorted: Vec<&(u64, Input)> = inputs.iter().collect();
    sorted.sort_by_key(|(t, _)| *t);
    for (t, input) in sorted {
        advance_to(&mut state, *t);
        update(&mut state, Event::Input(input.clone()));
    }
    state
}

/// Advances until the state's tick is `tick` (no-op if already there):
/// exactly what sending that many [`Event::Tick`]s gives, but the ticks
/// where nothing happens are jumped over ([`fast_forward_to`]).
pub fn advance_to(state: &mut GameState, tick: u64) {
    fast_forward_to(state, tick);
}

/// Helpers for the crate's unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Event, GameState, Input, Phase, update};

    /// Skips the warm-up and the opening: the 11.11 day at 00:00.
    pub(crate) fn skip_to_the_day(g: &mut GameState) {
        while *g.phase() != Phase::Day {
            update(g, Event::Input(Input::Skip));
            update(g, Event::Tick);
        }
    }

    /// The shipped festival `name` with `seed`, in the shop at 00:00.
    pub(crate) fn in_the_shop(name: &str, seed: u64) -> GameState {
        let level = crate::level::load_shipped(name)
            .expect("shipped")
            .expect("valid");
        let mut g = GameState::new(&level, seed);
        skip_to_the_day(&mut g);
        g
    }
}
