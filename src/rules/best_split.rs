//! The best plan over several checkouts: how to split a cart into a
//! sequence of orders, and which coupons and envelopes each order uses, so
//! that all the orders together pay the least.
//!
//! # The rules across orders
//!
//! Each order is one checkout by the engine ([`super::checkout`]): its own
//! store discounts, store cards, cross-store steps and envelope limit. What
//! links the orders (the mechanics reference, "Several checkouts"):
//! - a coupon (item coupon, store coupon, store envelope) is used once, in one
//!   order; what it could not take is lost;
//! - a platform envelope used in part keeps its rest, with the same minimum
//!   spend, for later orders; its minimum is checked in every order it pays in;
//! - the allowance balance is drawn in checkout order;
//! - the wallet pays every order, balance first, then credit: the orders fit
//!   it exactly when their total does, so only the total is checked;
//! - a cart line goes whole into one order.
//!
//! In the game, time matters too ([`Timing`]): an order is placed at a
//! moment, a line can only go into an order placed while it could be bought
//! (a flash sale's window, a runway look's show, before it sold out), an
//! envelope only pays in orders placed once it was held, and orders run
//! forward in time.
//!
//! Ties between plans of equal pay go to fewer orders, then less envelope
//! value used, then fewer tools, then the plan the search meets first (it
//! tries the largest next order first).
//!
//! # Method
//!
//! An exact depth-first search over "the next order": from the lines still
//! to buy and what is still held (coupons, every envelope's value left, the
//! allowance left, the earliest moment the next order may be placed), it
//! tries every set of buyable lines as the next order, every way of steps
//! 2–6 for it (the per-store options of [`super::best`], combined across
//! stores and priced with the real cross-store step) and every envelope
//! pick the fixed order allows. The order that closes the plan takes the
//! most its envelopes can give (the single-checkout envelope search); an
//! order that leaves lines for later branches on every distinct pick, since
//! an envelope kept may be worth more later (a larger value is not always
//! better: the fixed order puts it first, where it can starve an envelope's
//! minimum).
//!
//! Three cuts keep it small, none of which can lose the best plan:
//! - a lower bound on what the rest can still pay (every line at its best
//!   item coupon, every store earning at most one discount and one card per
//!   line it still has, every pool the tier of all its lines, every envelope
//!   held taken whole) against the best plan found;
//! - a state (lines left, coupons left, allowance left, moment, envelope
//!   values) reached again by a prefix that is no better is not searched
//!   again; envelopes alike in value, minimum and arrival are one multiset,
//!   so which of them were used never tells states apart;
//! - an order placed later than it could have been, with no envelope
//!   arriving in between, is never tried (the earlier one leaves more).
//!
//! Steps 2–6 of a set of lines are worked out once per (lines, coupons
//! left, allowance left), and the closing order's envelope search is
//! memoised by what its lines have left.
//!
//! # Bounds
//!
//! The search counts the orders it prices; past [`NODE_BUDGET`] it stops and
//! says so ([`SplitPlan::complete`] is false), returning the best plan found.
//! The shipped festivals' wishlists (≤ 6 lines) with a full wallet stay far
//! below it; the criterion benchmark `split_*` measures them.

use rustc_hash::FxHashMap as HashMap;

use super::best::{Amounts, EnvelopeChooser, StoreOption, store_options};
use super::checkout::{Ledger, Plan, checkout, envelope_order};
use super::model::{CouponKind, CouponTarget, CrossStore, Envelope, Order, StoreDiscount, Wallet};
use super::receipt::Receipt;
use crate::money::Fen;

/// Most orders the search may price before it gives up its proof.
pub const NODE_BUDGET: u64 = 2_000_000;

/// Most lines a split plan considers (one bit each).
pub const MAX_LINES: usize = 24;

/// Most coupons a split plan considers (one bit each).
pub const MAX_COUPONS: usize = 64;

/// When each line could be bought and each envelope was held, in ticks of
/// the game's clock, for a plan made after the fact.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timing {
    /// Per cart line, the windows `[from, to)` in which it could be bought.
    pub line_windows: Vec<Vec<(u64, u64)>>,
    /// Per envelope of the order, the tick from which it was held.
    pub envelope_from: Vec<u64>,
}

/// One order of a split plan, as the engine priced it.
#[derive(Debug, Clone)]
pub struct PlannedOrder {
    /// Its lines, as indices into the whole cart.
    pub lines: Vec<usize>,
    /// When it is placed (0 without timing).
    pub at: u64,
    /// The checkout as priced: its lines, the coupons and envelopes (with
    /// what each had left) still held, the allowance and wallet left.
    pub order: Order,
    /// The tools it uses, as indices into `order`.
    pub plan: Plan,
    /// What it charged.
    pub receipt: Receipt,
    /// The coupons it uses, as indices into the whole order's coupons.
    pub coupons: Vec<usize>,
    /// The envelopes it uses, as (index into the whole order's envelopes,
    /// what it took).
    pub envelopes: Vec<(usize, Fen)>,
}

/// The best way to buy a cart over several checkouts.
#[derive(Debug, Clone)]
pub struct SplitPlan {
    /// The orders, in checkout order.
    pub orders: Vec<PlannedOrder>,
    /// What all the orders charge together.
    pub pay: Fen,
    /// False when the search ran out of its budget before proving the plan
    /// best (the plan is then the best found).
    pub complete: bool,
    /// False when no moment lets some line be bought (with timing): those
    /// lines are in no order.
    pub all_lines: bool,
    /// How many orders the search priced.
    pub nodes: u64,
}

impl SplitPlan {
    /// Festival price × quantity of every planned line.
    pub fn goods(&self) -> Fen {
        self.orders.iter().map(|o| o.receipt.goods).sum()
    }

    /// What the plan saves against the goods (discounts and presale bonus).
    pub fn saved(&self) -> Fen {
        self.orders.iter().map(|o| o.receipt.saved()).sum()
    }

    /// The envelope value the plan consumes.
    pub fn envelope_value_used(&self) -> Fen {
        self.orders
            .iter()
            .map(|o| o.receipt.envelope_value_used())
            .sum()
    }

    /// Coupons and envelope uses, over all orders.
    pub fn tools_used(&self) -> usize {
        self.orders.iter().map(|o| o.receipt.tools_used()).sum()
    }

    /// Presale deposits paid in the warm-up for the planned lines.
    pub fn deposits_paid(&self) -> Fen {
        self.orders.iter().map(|o| o.receipt.deposits_paid).sum()
    }

    /// True when some order cannot go through (stock, limit, credit).
    pub fn is_refused(&self) -> bool {
        self.orders.iter().any(|o| o.receipt.is_refused())
    }
}

/// The best split of `order`'s cart, every line buyable from the start and
/// every envelope held from the start; see the module docs.
pub fn best_split(order: &Order) -> SplitPlan {
    best_split_timed(order, &Timing::default())
}

/// The best split of `order`'s cart under `timing` (an empty timing: every
/// line always buyable, every envelope held from tick 0).
pub fn best_split_timed(order: &Order, timing: &Timing) -> SplitPlan {
    let mut search = Search::new(order, timing);
    let start = search.start_state();
    let all = search.buyable_ever;
    search.dfs(all, &start, Score::ZERO);
    search.into_plan(start)
}

/// What a (partial) plan is judged by, smaller is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    pay: Fen,
    orders: usize,
    envelopes: Fen,
    tools: usize,
}

impl Score {
    const ZERO: Score = Score {
        pay: Fen::ZERO,
        orders: 0,
        envelopes: Fen::ZERO,
        tools: 0,
    };
    const WORST: Score = Score {
        pay: Fen(i64::MAX),
        orders: usize::MAX,
        envelopes: Fen(i64::MAX),
        tools: usize::MAX,
    };

    fn plus(self, pay: Fen, envelopes: Fen, tools: usize) -> Score {
        Score {
            pay: self.pay + pay,
            orders: self.orders + 1,
            envelopes: self.envelopes + envelopes,
            tools: self.tools + tools,
        }
    }
}

/// An envelope as the search holds it: what it has left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Held {
    value: Fen,
    min: Fen,
    from: u64,
    /// Index into the whole order's envelopes (not part of the state's key).
    id: usize,
}

impl Held {
    /// The canonical order: the engine's fixed order (value, then minimum,
    /// both descending), then arrival, then file order.
    fn sort_key(&self) -> (std::cmp::Reverse<Fen>, std::cmp::Reverse<Fen>, u64, usize) {
        (
            std::cmp::Reverse(self.value),
            std::cmp::Reverse(self.min),
            self.from,
            self.id,
        )
    }
}

/// What is still held between orders.
#[derive(Debug, Clone)]
struct State {
    coupons_used: u64,
    allowance: Fen,
    /// Index into the search's moments: the next order is placed no earlier.
    moment: usize,
    /// Envelopes with value left, in canonical order.
    envelopes: Vec<Held>,
}

/// What tells two states apart for the search.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct StateKey {
    lines: u32,
    coupons_used: u64,
    allowance: Fen,
    moment: usize,
    envelopes: Vec<(Fen, Fen, u64)>,
}

/// One way of steps 2–6 for a set of lines.
#[derive(Debug, Clone)]
struct Treatment {
    /// The lines after step 6 (deposits included), ready for envelopes.
    ledger: Ledger,
    /// What the order charges before envelopes.
    pay_before: Fen,
    allowance_used: Fen,
    /// Coupons used, as a mask over the whole order's coupons.
    coupons: u64,
    tools: usize,
    /// Per line of the sub-order, the sub-order's item coupon.
    item_picks: Vec<Option<usize>>,
    /// Per store, the sub-order's store card.
    cards: Vec<Option<usize>>,
}

/// One order chosen on the way down.
#[derive(Debug, Clone)]
struct Step {
    lines: u32,
    moment: usize,
    treatment: usize,
    /// Positions (in the sub-order's envelopes) allowed to pay.
    envelope_mask: Vec<bool>,
    /// Key of the steps 2–6 memo the treatment is in.
    treatments_key: (u32, u64, Fen),
}

/// A pick of envelopes for an order that leaves lines for later.
#[derive(Debug, Clone)]
struct Pick {
    taken: Fen,
    count: usize,
    /// (position in the sub-order's envelopes, what it took).
    uses: Vec<(usize, Fen)>,
}

struct Search<'a> {
    order: &'a Order,
    /// The moments an order may be placed, ascending.
    moments: Vec<u64>,
    /// Per moment, the lines buyable then.
    buyable: Vec<u32>,
    /// Lines buyable at some moment.
    buyable_ever: u32,
    treatments: HashMap<(u32, u64, Fen), Vec<Treatment>>,
    seen: HashMap<StateKey, Score>,
    path: Vec<Step>,
    best: Score,
    best_path: Vec<Step>,
    nodes: u64,
    complete: bool,
    /// Per envelope of the whole order, the tick from which it is held.
    envelope_from: Vec<u64>,
}

impl<'a> Search<'a> {
    fn new(order: &'a Order, timing: &Timing) -> Search<'a> {
        let n = order.lines.len().min(MAX_LINES);
        let windows = |i: usize| -> Vec<(u64, u64)> {
            timing
                .line_windows
                .get(i)
                .cloned()
                .unwrap_or_else(|| vec![(0, u64::MAX)])
        };
        let mut moments: Vec<u64> = vec![0];
        for i in 0..n {
            moments.extend(windows(i).iter().map(|w| w.0));
        }
        moments.extend(timing.envelope_from.iter().copied());
        moments.sort_unstable();
        moments.dedup();
        let buyable: Vec<u32> = moments
            .iter()
            .map(|&t| {
                (0..n)
                    .filter(|&i| windows(i).iter().any(|&(a, b)| a <= t && t < b))
                    .fold(0u32, |m, i| m | (1 << i))
            })
            .collect();
        let buyable_ever = buyable.iter().fold(0, |m, b| m | b);
        Search {
            order,
            moments,
            buyable,
            buyable_ever,
            treatments: HashMap::default(),
            seen: HashMap::default(),
            path: Vec::new(),
            best: Score::WORST,
            best_path: Vec::new(),
            nodes: 0,
            complete: true,
            envelope_from: timing.envelope_from.clone(),
        }
    }

    /// What is held before the first order.
    fn start_state(&self) -> State {
        let mut envelopes: Vec<Held> = self
            .order
            .envelopes
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.expired && e.value > Fen::ZERO)
            .map(|(id, e)| Held {
                value: e.value,
                min: e.min_spend,
                from: self.envelope_from.get(id).copied().unwrap_or(0),
                id,
            })
            .collect();
        envelopes.sort_by_key(Held::sort_key);
        State {
            coupons_used: 0,
            allowance: match self.order.festival.cross_store {
                CrossStore::Allowance { balance, .. } => balance,
                _ => Fen::ZERO,
            },
            moment: 0,
            envelopes,
        }
    }

    /// Searches every completion of `state` with the lines `left` still to buy.
    fn dfs(&mut self, left: u32, state: &State, prefix: Score) {
        if left == 0 {
            if prefix < self.best {
                self.best = prefix;
                self.best_path = self.path.clone();
            }
            return;
        }
        if self.nodes >= NODE_BUDGET {
            self.complete = false;
            return;
        }
        let low = prefix.pay + self.lower_bound(left, state);
        if low > self.best.pay || (low == self.best.pay && prefix.orders + 1 > self.best.orders) {
            return;
        }
        let key = StateKey {
            lines: left,
            coupons_used: state.coupons_used,
            allowance: state.allowance,
            moment: state.moment,
            envelopes: state
                .envelopes
                .iter()
                .map(|h| (h.value, h.min, h.from))
                .collect(),
        };
        match self.seen.get(&key) {
            Some(&seen) if seen <= prefix => return,
            _ => {
                self.seen.insert(key, prefix);
            }
        }
        for moment in state.moment..self.moments.len() {
            let buyable = self.buyable[moment] & left;
            if buyable == 0 {
                continue;
            }
            let arrived_now = moment > state.moment
                && state
                    .envelopes
                    .iter()
                    .any(|h| h.from == self.moments[moment]);
            let before = if moment > state.moment {
                self.buyable[moment - 1] & left
            } else {
                0
            };
            // Largest next order first: the whole of what is buyable, then
            // its subsets in descending order of their masks.
            let mut s = buyable;
            while s != 0 {
                // An order placed later than it could have been, with no
                // envelope arriving since, leaves less for the rest.
                let could_earlier = s & before == s && !arrived_now;
                if !could_earlier {
                    self.try_order(left, s, moment, state, prefix);
                }
                s = (s - 1) & buyable;
            }
        }
    }

    /// Tries `lines` as the next order, placed at `moment`.
    fn try_order(&mut self, left: u32, lines: u32, moment: usize, state: &State, prefix: Score) {
        self.nodes += 1;
        let now = self.moments[moment];
        let sub = self.sub_order(lines, state, now);
        let tkey = (lines, state.coupons_used, state.allowance);
        self.treatments
            .entry(tkey)
            .or_insert_with(|| treatments(&sub.order, &sub.coupon_ids));
        let closing = lines == left;
        let count = self.treatments[&tkey].len();
        let mut chooser = closing.then(|| EnvelopeChooser::new(&sub.order, &identity(&sub.order)));
        for t in 0..count {
            let treatment = self.treatments[&tkey][t].clone();
            if closing {
                let pick = chooser
                    .as_mut()
                    .expect("closing order has a chooser")
                    .choose(&treatment.ledger);
                let score = prefix.plus(
                    treatment.pay_before - pick.taken,
                    pick.taken,
                    treatment.tools + pick.count,
                );
                if score < self.best {
                    self.best = score;
                    self.path.push(Step {
                        lines,
                        moment,
                        treatment: t,
                        envelope_mask: pick.mask,
                        treatments_key: tkey,
                    });
                    self.best_path = self.path.clone();
                    self.path.pop();
                }
                continue;
            }
            let picks = all_picks(&sub.order, &treatment.ledger);
            for pick in picks {
                let score = prefix.plus(
                    treatment.pay_before - pick.taken,
                    pick.taken,
                    treatment.tools + pick.count,
                );
                if score.pay > self.best.pay {
                    continue;
                }
                let next = next_state(state, &sub, &treatment, &pick, moment);
                let mut mask = vec![false; sub.order.envelopes.len()];
                for &(p, _) in &pick.uses {
                    mask[p] = true;
                }
                self.path.push(Step {
                    lines,
                    moment,
                    treatment: t,
                    envelope_mask: mask,
                    treatments_key: tkey,
                });
                self.dfs(left & !lines, &next, score);
                self.path.pop();
            }
        }
    }

    /// The checkout of `lines` at tick `now`, from what `state` holds.
    fn sub_order(&self, lines: u32, state: &State, now: u64) -> SubOrder {
        let order = self.order;
        let coupon_ids: Vec<usize> = (0..order.coupons.len().min(MAX_COUPONS))
            .filter(|&c| state.coupons_used & (1 << c) == 0)
            .collect();
        let envelope_pos: Vec<usize> = (0..state.envelopes.len())
            .filter(|&p| state.envelopes[p].from <= now)
            .collect();
        let mut festival = order.festival.clone();
        if let CrossStore::Allowance { balance, .. } = &mut festival.cross_store {
            *balance = state.allowance;
        }
        let sub = Order {
            festival,
            stores: order.stores.clone(),
            lines: (0..order.lines.len())
                .filter(|&i| lines & (1 << i) != 0)
                .map(|i| order.lines[i].clone())
                .collect(),
            coupons: coupon_ids
                .iter()
                .map(|&c| order.coupons[c].clone())
                .collect(),
            envelopes: envelope_pos
                .iter()
                .map(|&p| {
                    let h = state.envelopes[p];
                    Envelope {
                        id: order.envelopes[h.id].id.clone(),
                        value: h.value,
                        min_spend: h.min,
                        expired: false,
                    }
                })
                .collect(),
            wallet: order.wallet,
        };
        SubOrder {
            order: sub,
            coupon_ids,
            envelope_pos,
        }
    }

    /// A lower bound on what buying the lines `left` from `state` can pay.
    fn lower_bound(&self, left: u32, state: &State) -> Fen {
        let order = self.order;
        let coupon_free = |c: usize| c >= MAX_COUPONS || state.coupons_used & (1 << c) == 0;
        let mut amount = vec![Fen::ZERO; order.lines.len()];
        let mut floors = Fen::ZERO;
        let mut total = Fen::ZERO;
        let mut eligible = Fen::ZERO;
        for i in members(left) {
            let line = &order.lines[i];
            let a = line.step1_amount();
            let floor = line.deposits().min(a);
            let best_item = (0..order.coupons.len())
                .filter(|&c| coupon_free(c))
                .filter(|&c| {
                    let k = &order.coupons[c];
                    k.kind == CouponKind::ItemCoupon
                        && matches!(&k.target, CouponTarget::Item(it) if *it == line.item)
                        && k.min <= a
                })
                .map(|c| order.coupons[c].off)
                .max()
                .unwrap_or(Fen::ZERO);
            amount[i] = a - best_item.min(a - floor);
            floors += floor;
            total += amount[i];
            if !line.flash_sale {
                eligible += amount[i] - floor;
            }
        }
        let mut discounts = Fen::ZERO;
        for (s, store) in order.stores.iter().enumerate() {
            let mine: Vec<usize> = members(left)
                .filter(|&i| order.lines[i].store == s)
                .collect();
            if mine.is_empty() {
                continue;
            }
            let have: Fen = mine.iter().map(|&i| amount[i]).sum();
            if let Some(d) = store.discount {
                discounts += match d {
                    StoreDiscount::Once { min, off } => {
                        let times = if min > Fen::ZERO {
                            (have.0 / min.0) as usize
                        } else {
                            mine.len()
                        };
                        off * times.min(mine.len()) as i64
                    }
                    StoreDiscount::Every(tier) => tier.discount(have),
                };
            }
            let mut cards: Vec<Fen> = (0..order.coupons.len())
                .filter(|&c| coupon_free(c))
                .map(|c| &order.coupons[c])
                .filter(|k| k.kind.is_store_card() && k.target == CouponTarget::Store(s))
                .filter(|k| k.min <= have)
                .map(|k| k.off)
                .collect();
            cards.sort_unstable_by(|a, b| b.cmp(a));
            discounts += cards.iter().take(mine.len()).copied().sum::<Fen>();
        }
        let mut pooled: Vec<(super::model::Tier, Fen)> = Vec::new();
        for i in members(left) {
            let Some(tier) = order.store_tier(order.lines[i].store) else {
                continue;
            };
            let basis = order.lines[i].step1_amount();
            match pooled.iter_mut().find(|(t, _)| *t == tier) {
                Some((_, sum)) => *sum += basis,
                None => pooled.push((tier, basis)),
            }
        }
        let cross: Fen = pooled.iter().map(|(t, sum)| t.discount(*sum)).sum();
        discounts += if order.festival.is_allowance() {
            cross.min(state.allowance)
        } else {
            cross
        };
        let envelopes: Fen = state.envelopes.iter().map(|h| h.value).sum();
        let before = (total - discounts).max(floors) - floors;
        (before - envelopes.min(eligible)).at_least_zero()
    }

    /// Rebuilds the best plan's orders with the engine, from `start`.
    fn into_plan(self, start: State) -> SplitPlan {
        let mut state = start;
        let mut wallet = self.order.wallet;
        let mut orders = Vec::new();
        let mut pay = Fen::ZERO;
        for step in &self.best_path {
            let now = self.moments[step.moment];
            let mut sub = self.sub_order(step.lines, &state, now);
            sub.order.wallet = wallet;
            let treatment = &self.treatments[&step.treatments_key][step.treatment];
            let plan = Plan {
                item_coupons: Some(treatment.item_picks.clone()),
                store_cards: Some(treatment.cards.clone()),
                envelopes: Some(step.envelope_mask.clone()),
            };
            let receipt = checkout(&sub.order, &plan);
            let uses: Vec<(usize, Fen)> = receipt
                .envelopes_used
                .iter()
                .map(|u| (u.envelope, u.used))
                .collect();
            let pick = Pick {
                taken: receipt.discounts.envelopes,
                count: uses.len(),
                uses: uses.clone(),
            };
            let coupons: Vec<usize> = receipt
                .coupons_used
                .iter()
                .map(|&c| sub.coupon_ids[c])
                .collect();
            let envelopes: Vec<(usize, Fen)> = uses
                .iter()
                .map(|&(p, used)| (state.envelopes[sub.envelope_pos[p]].id, used))
                .collect();
            let done = Treatment {
                coupons: coupons.iter().fold(0u64, |m, &c| m | bit(c)),
                allowance_used: receipt.discounts.allowance,
                ..treatment.clone()
            };
            let next = next_state(&state, &sub, &done, &pick, step.moment);
            pay += receipt.pay;
            wallet = after_paying(wallet, receipt.pay);
            orders.push(PlannedOrder {
                lines: members(step.lines).collect(),
                at: now,
                order: sub.order,
                plan,
                receipt,
                coupons,
                envelopes,
            });
            state = next;
        }
        debug_assert!(
            self.best_path.is_empty() || pay == self.best.pay,
            "split search and engine disagree: {pay} vs {}",
            self.best.pay
        );
        SplitPlan {
            all_lines: self.buyable_ever.count_ones() as usize
                == self.order.lines.len().min(MAX_LINES),
            orders,
            pay,
            complete: self.complete,
            nodes: self.nodes,
        }
    }
}

/// A checkout of some lines from what is held, and how its coupons and
/// envelopes map back to the whole order's.
struct SubOrder {
    order: Order,
    /// Per sub-order coupon, the whole order's coupon.
    coupon_ids: Vec<usize>,
    /// Per sub-order envelope, its position in the state's envelopes.
    envelope_pos: Vec<usize>,
}

fn bit(c: usize) -> u64 {
    if c < MAX_COUPONS { 1 << c } else { 0 }
}

/// The indices set in `mask`, ascending.
fn members(mask: u32) -> impl Iterator<Item = usize> {
    (0..32).filter(move |&i| mask & (1 << i) != 0)
}

/// The sub-order's envelopes are already in the fixed order.
fn identity(order: &Order) -> Vec<usize> {
    let fixed = envelope_order(order);
    debug_assert!(fixed.iter().enumerate().all(|(i, &e)| i == e));
    fixed
}

/// The wallet after paying `pay`: balance first, then credit.
fn after_paying(wallet: Wallet, pay: Fen) -> Wallet {
    let cash = pay.min(wallet.balance).at_least_zero();
    Wallet {
        balance: wallet.balance - cash,
        credit: (wallet.credit - (pay - cash)).at_least_zero(),
    }
}

/// What is held after an order used `treatment` and `pick`.
fn next_state(
    state: &State,
    sub: &SubOrder,
    treatment: &Treatment,
    pick: &Pick,
    moment: usize,
) -> State {
    let mut envelopes = state.envelopes.clone();
    for &(p, used) in &pick.uses {
        envelopes[sub.envelope_pos[p]].value -= used;
    }
    envelopes.retain(|h| h.value > Fen::ZERO);
    envelopes.sort_by_key(Held::sort_key);
    State {
        coupons_used: state.coupons_used | treatment.coupons,
        allowance: state.allowance - treatment.allowance_used,
        moment,
        envelopes,
    }
}

/// Every distinct way of steps 2–6 for `order` (a sub-order), keyed by what
/// it leaves: the lines' amounts, the allowance used and the coupons used.
fn treatments(order: &Order, coupon_ids: &[usize]) -> Vec<Treatment> {
    let base = Ledger::new(order);
    let mut slots: Vec<(usize, Vec<usize>, Vec<StoreOption>)> = Vec::new();
    for s in 0..order.stores.len() {
        let lines = Ledger::store_lines(order, s);
        if lines.is_empty() {
            continue;
        }
        let options = store_options(order, &base, s, &lines);
        slots.push((s, lines, options));
    }
    let mut out: Vec<Treatment> = Vec::new();
    let mut seen: HashMap<(Vec<Fen>, Fen, u64), usize> = HashMap::default();
    let mut chosen = vec![0usize; slots.len()];
    let mut taken = vec![false; order.coupons.len()];
    combine(
        order,
        coupon_ids,
        &slots,
        0,
        &mut chosen,
        &mut taken,
        &mut out,
        &mut seen,
    );
    // Cheapest first, so that good plans are met early.
    out.sort_by_key(|t| (t.pay_before, t.tools));
    out
}

#[allow(clippy::too_many_arguments)]
fn combine(
    order: &Order,
    coupon_ids: &[usize],
    slots: &[(usize, Vec<usize>, Vec<StoreOption>)],
    k: usize,
    chosen: &mut Vec<usize>,
    taken: &mut Vec<bool>,
    out: &mut Vec<Treatment>,
    seen: &mut HashMap<(Vec<Fen>, Fen, u64), usize>,
) {
    if k == slots.len() {
        let n = order.lines.len();
        let mut after_item = vec![Fen::ZERO; n];
        let mut after_cards = vec![Fen::ZERO; n];
        let mut item_picks = vec![None; n];
        let mut cards = vec![None; order.stores.len()];
        let mut tools = 0;
        let mut coupons = 0u64;
        for ((s, lines, options), &o) in slots.iter().zip(chosen.iter()) {
            let option = &options[o];
            for (j, &i) in lines.iter().enumerate() {
                after_item[i] = option.after_item[j];
                after_cards[i] = option.after_cards[j];
                item_picks[i] = option.item_picks[j];
                if let Some(c) = option.item_picks[j] {
                    coupons |= bit(coupon_ids[c]);
                }
            }
            cards[*s] = option.card;
            if let Some(c) = option.card {
                coupons |= bit(coupon_ids[c]);
            }
            tools += option.tools;
        }
        let mut ledger = Ledger::with_amounts(order, &after_item, &after_cards);
        ledger.cross_store(order);
        let floors: Fen = ledger.floor.iter().copied().sum();
        let pay_before = ledger.amount.iter().copied().sum::<Fen>() - floors;
        let allowance_used = ledger.receipt.discounts.allowance;
        let key = (ledger.amount.clone(), allowance_used, coupons);
        let treatment = Treatment {
            ledger,
            pay_before,
            allowance_used,
            coupons,
            tools,
            item_picks,
            cards,
        };
        match seen.get(&key) {
            Some(&at) if out[at].tools <= tools => {}
            Some(&at) => out[at] = treatment,
            None => {
                seen.insert(key, out.len());
                out.push(treatment);
            }
        }
        return;
    }
    for o in 0..slots[k].2.len() {
        let shared = &slots[k].2[o].shared;
        if shared.iter().any(|&c| taken[c]) {
            continue;
        }
        for &c in shared {
            taken[c] = true;
        }
        chosen[k] = o;
        combine(order, coupon_ids, slots, k + 1, chosen, taken, out, seen);
        for &c in shared {
            taken[c] = false;
        }
    }
}

/// Every distinct envelope pick for an order that leaves lines for later:
/// in the fixed order, how many of each run of alike envelopes to use (the
/// first ones of the run), each within its minimum and the limit.
fn all_picks(order: &Order, ledger: &Ledger) -> Vec<Pick> {
    let eligible: Vec<usize> = (0..order.lines.len())
        .filter(|&i| !order.lines[i].flash_sale)
        .collect();
    let seq: Vec<(Fen, Fen)> = order
        .envelopes
        .iter()
        .map(|e| (e.value, e.min_spend))
        .collect();
    let mut run_end = vec![seq.len(); seq.len()];
    for pos in (0..seq.len().saturating_sub(1)).rev() {
        run_end[pos] = if seq[pos] == seq[pos + 1] {
            run_end[pos + 1]
        } else {
            pos + 1
        };
    }
    let presale = eligible
        .iter()
        .any(|&i| order.lines[i].deposits() > Fen::ZERO);
    let mut walk = PickWalk {
        seq: &seq,
        run_end: &run_end,
        limit: order.festival.envelope_limit,
        floors: Vec::new(),
        uses: Vec::new(),
        out: Vec::new(),
        shares: Vec::new(),
    };
    if presale {
        walk.floors = eligible.iter().map(|&i| ledger.floor[i]).collect();
        let start: Vec<Fen> = eligible.iter().map(|&i| ledger.amount[i]).collect();
        walk.visit(0, start, Fen::ZERO);
    } else {
        let start: Fen = eligible
            .iter()
            .map(|&i| ledger.amount[i] - ledger.floor[i])
            .sum();
        walk.visit(0, start, Fen::ZERO);
    }
    walk.out
}

struct PickWalk<'s> {
    seq: &'s [(Fen, Fen)],
    run_end: &'s [usize],
    limit: usize,
    floors: Vec<Fen>,
    uses: Vec<(usize, Fen)>,
    out: Vec<Pick>,
    shares: Vec<Fen>,
}

impl PickWalk<'_> {
    fn visit<A: Amounts>(&mut self, pos: usize, amounts: A, taken: Fen) {
        let left = amounts.left(&self.floors);
        if pos == self.seq.len() || self.uses.len() >= self.limit || left <= Fen::ZERO {
            self.out.push(Pick {
                taken,
                count: self.uses.len(),
                uses: self.uses.clone(),
            });
            return;
        }
        let end = self.run_end[pos];
        let (value, min) = self.seq[pos];
        let mut steps: Vec<(A, Fen, Fen)> = Vec::new();
        let (mut now, mut now_taken) = (amounts.clone(), taken);
        for _ in 0..(end - pos).min(self.limit - self.uses.len()) {
            if now.left(&self.floors) < min {
                break;
            }
            let (next, used) = now.after(value, &self.floors, &mut self.shares);
            if used <= Fen::ZERO {
                break;
            }
            now_taken += used;
            now = next;
            steps.push((now.clone(), now_taken, used));
        }
        // Using j + 1 of the run means its first j + 1: `uses` grows by one
        // each turn (a visit leaves it as it found it).
        let mark = self.uses.len();
        for (j, (next, next_taken, used)) in steps.into_iter().enumerate() {
            self.uses.push((pos + j, used));
            self.visit(end, next, next_taken);
        }
        self.uses.truncate(mark);
        self.visit(end, amounts, taken);
    }
}
