//! The best plan: which coupons and envelopes to use so that the checkout
//! pays the least.
//!
//! # Method
//!
//! The search is exact. Steps 2–4 (item coupons, store discount, store card)
//! only touch one store's lines, so each store's choices are enumerated on
//! their own first: every combination of its lines' applicable item coupons
//! and its one card (or none), priced with the real engine. Combinations
//! that leave the store in the same state (the same amounts after step 2
//! and after step 4, and the same coupons that other stores could also use)
//! are merged, keeping the one with fewer tools. Choices that change nothing
//! (a card below its minimum, a coupon on a line already at its floor) are
//! never generated, since "none" covers them.
//!
//! A depth-first branch and bound then picks one option per store. At each
//! node a lower bound on what any completion pays is computed from the
//! decided stores, the cheapest outcome of each undecided store, the largest
//! threshold amount each pool could still reach and the sum of the largest
//! usable envelopes; subtrees that cannot beat the best plan found so far
//! (starting from the default picks) are cut. At each leaf the cross-store
//! step runs exactly and the envelopes are chosen by a depth-first search in
//! their fixed order over (position, envelopes used, money left — or the
//! exact per-line amounts when a presale line takes envelope shares): it
//! branches on how many of a run of alike envelopes (same value and minimum)
//! to use, never revisits a state, cuts a branch that even the next largest
//! envelopes cannot lift above the best found, and is memoised across
//! leaves by what the lines have left.
//!
//! Ties on pay go to the plan that uses the least envelope value, then the
//! fewest tools (fine point 11).
//!
//! # Complexity
//!
//! With `O_s` options for store `s` (at most Π(item coupons per line + 1) ×
//! (cards + 1)), the search visits at most Π O_s leaves, each costing
//! O(lines × pools) plus the envelope search, which has at most
//! runs × (limit + 1) × (distinct amounts left) states; amounts left are
//! differences of envelope subset sums, so they collapse when values repeat,
//! and a rain's envelopes come from a short prize table, so runs are long. Pruning usually cuts the product to a small fraction; the
//! criterion benchmark `best_40_tools` measures a 40-tool wallet.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::checkout::{
    CardPick, Ledger, Plan, capped_shares, checkout_in_order, envelope_order, pools,
};
use super::model::{CouponKind, CouponTarget, CrossStore, Order, ThresholdBasis, Tier};
use super::receipt::Receipt;
use crate::money::Fen;

/// The best plan found and what it charges.
#[derive(Debug, Clone)]
pub struct BestPlan {
    /// The tools to use.
    pub plan: Plan,
    /// The checkout priced with that plan.
    pub receipt: Receipt,
    /// How many complete plans the search priced (for benchmarks and tests).
    pub leaves: u64,
}

/// What a plan is judged by, smaller is better: pay, then envelope value
/// used, then tools used.
type Score = (Fen, Fen, usize);

/// Finds the plan that pays the least; see the module docs.
pub fn best_plan(order: &Order) -> BestPlan {
    let fixed = envelope_order(order);
    let default_receipt = checkout_in_order(order, &Plan::default(), &fixed);
    let mut search = Search::new(order, &fixed);
    search.best_score = (
        default_receipt.pay,
        default_receipt.envelope_value_used(),
        default_receipt.tools_used(),
    );
    search.dfs(0);
    let Some(found) = search.best.take() else {
        return BestPlan {
            plan: Plan::default(),
            receipt: default_receipt,
            leaves: search.leaves,
        };
    };
    let receipt = checkout_in_order(order, &found, &fixed);
    debug_assert_eq!(
        receipt.pay, search.best_score.0,
        "solver and engine disagree"
    );
    BestPlan {
        plan: found,
        receipt,
        leaves: search.leaves,
    }
}

/// One way to treat one store in steps 2–4.
#[derive(Debug, Clone)]
pub(crate) struct StoreOption {
    /// Per store line: amount after step 2.
    pub(crate) after_item: Vec<Fen>,
    /// Per store line: amount after step 4.
    pub(crate) after_cards: Vec<Fen>,
    /// Per store line: the item coupon used.
    pub(crate) item_picks: Vec<Option<usize>>,
    /// The store card used.
    pub(crate) card: Option<usize>,
    /// Coupons used.
    pub(crate) tools: usize,
    /// Item coupons used that another store's lines could also take.
    pub(crate) shared: Vec<usize>,
    /// Σ after_cards.
    pub(crate) total: Fen,
    /// What the store adds to its pool's threshold amount.
    pub(crate) basis: Fen,
}

/// One store's part in the search.
struct StoreSlot {
    lines: Vec<usize>,
    /// Index into the pools, if the store has a cross-store tier.
    pool: Option<usize>,
    options: Vec<StoreOption>,
    min_total: Fen,
    max_basis: Fen,
}

struct Search<'a> {
    order: &'a Order,
    slots: Vec<StoreSlot>,
    pool_tiers: Vec<Tier>,
    pool_floor: Vec<Fen>,
    /// Per depth, per pool: Σ over undecided slots of (min_total, max_basis).
    suffix: Vec<Vec<(Fen, Fen)>>,
    /// Per depth: Σ min_total over undecided slots outside any pool.
    suffix_unpooled: Vec<Fen>,
    deposits: Fen,
    envelope_max: Fen,
    allowance: Option<Fen>,
    // DFS state
    chosen: Vec<usize>,
    coupon_taken: Vec<bool>,
    decided: Vec<(Fen, Fen)>,
    decided_unpooled: Fen,
    tools: usize,
    // results
    best_score: Score,
    best: Option<Plan>,
    leaves: u64,
    envelopes: EnvelopeChooser,
}

impl<'a> Search<'a> {
    fn new(order: &'a Order, envelope_order: &[usize]) -> Search<'a> {
        let pool_list = pools(order);
        let pool_of_store = |s: usize| pool_list.iter().position(|(_, st)| st.contains(&s));
        let base = Ledger::new(order);
        let mut slots = Vec::new();
        for s in 0..order.stores.len() {
            let lines = Ledger::store_lines(order, s);
            if lines.is_empty() {
                continue;
            }
            let options = store_options(order, &base, s, &lines);
            let min_total = options.iter().map(|o| o.total).min().unwrap_or(Fen::ZERO);
            let max_basis = options.iter().map(|o| o.basis).max().unwrap_or(Fen::ZERO);
            slots.push(StoreSlot {
                pool: pool_of_store(s),
                lines,
                options,
                min_total,
                max_basis,
            });
        }
        let n_pools = pool_list.len();
        let mut suffix = vec![vec![(Fen::ZERO, Fen::ZERO); n_pools]; slots.len() + 1];
        let mut suffix_unpooled = vec![Fen::ZERO; slots.len() + 1];
        for k in (0..slots.len()).rev() {
            suffix[k] = suffix[k + 1].clone();
            suffix_unpooled[k] = suffix_unpooled[k + 1];
            match slots[k].pool {
                Some(p) => {
                    suffix[k][p].0 += slots[k].min_total;
                    suffix[k][p].1 += slots[k].max_basis;
                }
                None => suffix_unpooled[k] += slots[k].min_total,
            }
        }
        let mut pool_floor = vec![Fen::ZERO; n_pools];
        for slot in &slots {
            if let Some(p) = slot.pool {
                pool_floor[p] += slot.lines.iter().map(|&i| base.floor[i]).sum();
            }
        }
        let envelopes = EnvelopeChooser::new(order, envelope_order);
        // The most any `limit` usable envelopes can take: the first ones of
        // the sequence, which runs largest first.
        let envelope_max =
            envelopes.prefix[order.festival.envelope_limit.min(envelopes.sequence.len())];
        let allowance = match order.festival.cross_store {
            CrossStore::Allowance { balance, .. } => Some(balance),
            _ => None,
        };
        Search {
            order,
            pool_tiers: pool_list.iter().map(|(t, _)| *t).collect(),
            pool_floor,
            suffix,
            suffix_unpooled,
            deposits: base.floor.iter().copied().sum(),
            envelope_max,
            allowance,
            chosen: Vec::with_capacity(slots.len()),
            coupon_taken: vec![false; order.coupons.len()],
            decided: vec![(Fen::ZERO, Fen::ZERO); n_pools],
            decided_unpooled: Fen::ZERO,
            tools: 0,
            best_score: (Fen(i64::MAX), Fen(i64::MAX), usize::MAX),
            best: None,
            leaves: 0,
            envelopes,
            slots,
        }
    }

    /// Whether the subtree below depth `k` might hold a better plan.
    fn may_improve(&self, k: usize) -> bool {
        let mut low = self.decided_unpooled + self.suffix_unpooled[k];
        for (p, tier) in self.pool_tiers.iter().enumerate() {
            let total = self.decided[p].0 + self.suffix[k][p].0;
            let basis = self.decided[p].1 + self.suffix[k][p].1;
            let mut earned = tier.discount(basis);
            if let Some(balance) = self.allowance {
                earned = earned.min(balance);
            }
            low += (total - earned).max(self.pool_floor[p]);
        }
        let sum_low = low - self.deposits;
        let pay_low = (sum_low - self.envelope_max).at_least_zero();
        let (best_pay, best_env, best_tools) = self.best_score;
        if pay_low != best_pay {
            return pay_low < best_pay;
        }
        // pay + envelope value used = what is left before envelopes.
        (sum_low - best_pay, self.tools) < (best_env, best_tools)
    }

    fn dfs(&mut self, k: usize) {
        if !self.may_improve(k) {
            return;
        }
        if k == self.slots.len() {
            self.leaf();
            return;
        }
        for o in 0..self.slots[k].options.len() {
            let option = &self.slots[k].options[o];
            if option.shared.iter().any(|&c| self.coupon_taken[c]) {
                continue;
            }
            let (total, basis, tools) = (option.total, option.basis, option.tools);
            let shared = option.shared.clone();
            for &c in &shared {
                self.coupon_taken[c] = true;
            }
            self.set_decided(k, total, basis, true);
            self.tools += tools;
            self.chosen.push(o);
            self.dfs(k + 1);
            self.chosen.pop();
            self.tools -= tools;
            self.set_decided(k, total, basis, false);
            for &c in &shared {
                self.coupon_taken[c] = false;
            }
        }
    }

    fn set_decided(&mut self, k: usize, total: Fen, basis: Fen, add: bool) {
        let sign = if add { 1 } else { -1 };
        match self.slots[k].pool {
            Some(p) => {
                self.decided[p].0 += total * sign;
                self.decided[p].1 += basis * sign;
            }
            None => self.decided_unpooled += total * sign,
        }
    }

    fn leaf(&mut self) {
        self.leaves += 1;
        let n = self.order.lines.len();
        let mut after_item = vec![Fen::ZERO; n];
        let mut after_cards = vec![Fen::ZERO; n];
        for (slot, &o) in self.slots.iter().zip(&self.chosen) {
            let option = &slot.options[o];
            for (j, &i) in slot.lines.iter().enumerate() {
                after_item[i] = option.after_item[j];
                after_cards[i] = option.after_cards[j];
            }
        }
        let mut ledger = Ledger::with_amounts(self.order, &after_item, &after_cards);
        ledger.cross_store(self.order);
        let before: Fen = ledger.amount.iter().copied().sum::<Fen>() - self.deposits;
        let pick = self.envelopes.choose(&ledger);
        let score = (before - pick.taken, pick.taken, self.tools + pick.count);
        if score < self.best_score {
            self.best_score = score;
            self.best = Some(self.plan_of_leaf(pick.mask));
        }
    }

    fn plan_of_leaf(&self, envelopes: Vec<bool>) -> Plan {
        let mut items = vec![None; self.order.lines.len()];
        let mut cards = vec![None; self.order.stores.len()];
        for (slot, &o) in self.slots.iter().zip(&self.chosen) {
            let option = &slot.options[o];
            for (j, &i) in slot.lines.iter().enumerate() {
                items[i] = option.item_picks[j];
            }
            cards[self.order.lines[slot.lines[0]].store] = option.card;
        }
        Plan {
            item_coupons: Some(items),
            store_cards: Some(cards),
            envelopes: Some(envelopes),
        }
    }
}

/// What makes two store options the same for the rest of the search: the
/// amounts after step 2 and after step 4, and the contested coupons used.
type OptionKey = (Vec<Fen>, Vec<Fen>, Vec<usize>);

/// Every distinct way to treat store `s` in steps 2–4.
pub(crate) fn store_options(
    order: &Order,
    base: &Ledger,
    s: usize,
    lines: &[usize],
) -> Vec<StoreOption> {
    // Item coupons another store's lines could also take.
    let contested = |c: usize| match &order.coupons[c].target {
        CouponTarget::Item(item) => order.lines.iter().any(|l| l.store != s && l.item == item),
        CouponTarget::Store(_) => false,
    };
    let mut raw = Vec::new();
    let mut picks = vec![None; lines.len()];
    enumerate_items(order, base.clone(), s, lines, 0, &mut picks, &mut raw);
    let mut options: Vec<StoreOption> = Vec::new();
    let mut seen: HashMap<OptionKey, usize> = HashMap::default();
    for mut option in raw {
        option.shared = option
            .item_picks
            .iter()
            .flatten()
            .copied()
            .filter(|&c| contested(c))
            .collect();
        option.shared.sort_unstable();
        let key = (
            option.after_item.clone(),
            option.after_cards.clone(),
            option.shared.clone(),
        );
        match seen.get(&key) {
            Some(&at) if options[at].tools <= option.tools => {}
            Some(&at) => options[at] = option,
            None => {
                seen.insert(key, options.len());
                options.push(option);
            }
        }
    }
    // Cheapest first, so good plans are found early and prune more.
    options.sort_by_key(|o| (o.total, o.tools));
    options
}

/// Recursively chooses an item coupon (or none) for each of the store's lines,
/// then every card (or none).
fn enumerate_items(
    order: &Order,
    ledger: Ledger,
    s: usize,
    lines: &[usize],
    j: usize,
    picks: &mut Vec<Option<usize>>,
    out: &mut Vec<StoreOption>,
) {
    if j == lines.len() {
        enumerate_cards(order, ledger, s, lines, picks, out);
        return;
    }
    let i = lines[j];
    picks[j] = None;
    enumerate_items(order, ledger.clone(), s, lines, j + 1, picks, out);
    for c in 0..order.coupons.len() {
        if order.coupons[c].kind != CouponKind::ItemCoupon
            || picks[..j].contains(&Some(c))
            || !ledger.item_coupon_fits(order, i, c)
        {
            continue;
        }
        let mut next = ledger.clone();
        next.apply_item_coupon(order, i, c);
        picks[j] = Some(c);
        enumerate_items(order, next, s, lines, j + 1, picks, out);
    }
    picks[j] = None;
}

fn enumerate_cards(
    order: &Order,
    mut ledger: Ledger,
    s: usize,
    lines: &[usize],
    picks: &[Option<usize>],
    out: &mut Vec<StoreOption>,
) {
    ledger.mark_after_item();
    ledger.store_discount(order, s, lines);
    let after_item: Vec<Fen> = lines.iter().map(|&i| ledger.after_item_of(i)).collect();
    let tools = picks.iter().flatten().count();
    let basis_after_item: Fen = after_item.iter().copied().sum();
    let mut push = |l: &Ledger, card: Option<usize>| {
        let after_cards: Vec<Fen> = lines.iter().map(|&i| l.amount[i]).collect();
        let total: Fen = after_cards.iter().copied().sum();
        let basis = match order.festival.threshold_basis {
            ThresholdBasis::AfterItem => basis_after_item,
            ThresholdBasis::AfterCards => total,
        };
        out.push(StoreOption {
            after_item: after_item.clone(),
            after_cards,
            item_picks: picks.to_vec(),
            card,
            tools: tools + usize::from(card.is_some()),
            shared: Vec::new(),
            total,
            basis,
        });
    };
    push(&ledger, None);
    for c in 0..order.coupons.len() {
        let coupon = &order.coupons[c];
        if !coupon.kind.is_store_card() || coupon.target != CouponTarget::Store(s) {
            continue;
        }
        let mut with_card = ledger.clone();
        if with_card.store_card(order, s, lines, CardPick::This(Some(c)), false) > Fen::ZERO {
            push(&with_card, Some(c));
        }
    }
}

/// What the envelope search tracks of the eligible lines: either their
/// total left (no presale line, every share fits its line) or every line's
/// amount (a presale line loses shares beyond its deposit floor).
pub(crate) trait Amounts: Clone + Eq + std::hash::Hash {
    /// What the lines can still lose above their floors.
    fn left(&self, floors: &[Fen]) -> Fen;
    /// The lines after an envelope of `value` took its shares, and what it
    /// took; `shares` is scratch space.
    fn after(&self, value: Fen, floors: &[Fen], shares: &mut Vec<Fen>) -> (Self, Fen);
}

/// The total left, as one line with a zero floor: an envelope takes
/// min(value, left), exactly what `capped_shares` gives one such line.
impl Amounts for Fen {
    fn left(&self, _floors: &[Fen]) -> Fen {
        *self
    }

    fn after(&self, value: Fen, _floors: &[Fen], _shares: &mut Vec<Fen>) -> (Fen, Fen) {
        let used = value.min(*self).at_least_zero();
        (*self - used, used)
    }
}

/// Every eligible line's amount, floors in step.
impl Amounts for Vec<Fen> {
    fn left(&self, floors: &[Fen]) -> Fen {
        self.iter().zip(floors).map(|(&a, &f)| a - f).sum()
    }

    fn after(&self, value: Fen, floors: &[Fen], shares: &mut Vec<Fen>) -> (Vec<Fen>, Fen) {
        let used = capped_shares(value, self, floors, shares);
        let next = self
            .iter()
            .zip(shares.iter())
            .map(|(&a, &s)| a - s)
            .collect();
        (next, used)
    }
}

/// The envelope search: depth first in the fixed order, one run of alike
/// envelopes at a time, trying to use as many of the run as fit before
/// fewer; it never revisits a (position, envelopes used, amounts left)
/// state, and cuts a branch when even its next largest envelopes could not
/// beat the best found (the sequence is sorted by value, so the next `k`
/// envelopes are the largest `k` left).
struct EnvelopeWalk<'c, A> {
    chooser: &'c EnvelopeChooser,
    floors: &'c [Fen],
    /// Prefix sums of the values in the fixed order.
    prefix: &'c [Fen],
    seen: HashSet<(usize, usize, A)>,
    path: Vec<usize>,
    best: Gain,
    best_path: Vec<usize>,
    shares: Vec<Fen>,
}

impl<'c, A: Amounts> EnvelopeWalk<'c, A> {
    fn new(chooser: &'c EnvelopeChooser, floors: &'c [Fen]) -> Self {
        EnvelopeWalk {
            chooser,
            floors,
            prefix: &chooser.prefix,
            seen: HashSet::default(),
            path: Vec::new(),
            best: Gain {
                taken: Fen::ZERO,
                count: 0,
            },
            best_path: Vec::new(),
            shares: Vec::new(),
        }
    }

    fn visit(&mut self, pos: usize, amounts: A, taken: Fen, count: usize) {
        let here = Gain { taken, count };
        if here.better_than(self.best) {
            self.best = here;
            self.best_path.clone_from(&self.path);
        }
        let seq = &self.chooser.sequence;
        let left = amounts.left(self.floors);
        if pos == seq.len() || count >= self.chooser.limit || left <= Fen::ZERO {
            return;
        }
        let k = (self.chooser.limit - count).min(seq.len() - pos);
        let most = (self.prefix[pos + k] - self.prefix[pos]).min(left);
        let bound = Gain {
            taken: taken + most,
            count: count + 1,
        };
        if !bound.better_than(self.best) {
            return;
        }
        if !self.seen.insert((pos, count, amounts.clone())) {
            return;
        }
        // Envelopes alike in value and minimum sit side by side in the fixed
        // order; which of them are used changes nothing but their ids, so the
        // walk branches on how many of the run to use (the first ones), most
        // first, as using each before skipping it would reach them.
        let end = self.chooser.run_end[pos];
        let (_, value, min_spend) = seq[pos];
        let mut uses: Vec<(A, Fen)> = Vec::new();
        let (mut now, mut now_taken) = (amounts.clone(), taken);
        for _ in 0..(end - pos).min(self.chooser.limit - count) {
            if now.left(self.floors) < min_spend {
                break;
            }
            let (next, used) = now.after(value, self.floors, &mut self.shares);
            if used <= Fen::ZERO {
                break;
            }
            now_taken += used;
            now = next;
            uses.push((now.clone(), now_taken));
        }
        while let Some((next, next_taken)) = uses.pop() {
            let j = uses.len() + 1;
            self.path.extend(pos..pos + j);
            self.visit(end, next, next_taken, count + j);
            self.path.truncate(self.path.len() - j);
        }
        self.visit(end, amounts, taken, count);
    }

    /// The best pick from `start`, as a mask over the order's envelopes.
    fn run(mut self, start: A) -> EnvelopePick {
        self.visit(0, start, Fen::ZERO, 0);
        let mut mask = vec![false; self.chooser.n_envelopes];
        for &pos in &self.best_path {
            mask[self.chooser.sequence[pos].0] = true;
        }
        EnvelopePick {
            taken: self.best.taken,
            count: self.best.count,
            mask,
        }
    }
}

/// What the envelope step can best do from one state.
#[derive(Debug, Clone)]
pub(crate) struct EnvelopePick {
    pub(crate) taken: Fen,
    pub(crate) count: usize,
    pub(crate) mask: Vec<bool>,
}

/// Chooses which envelopes to use, given the lines after step 6.
pub(crate) struct EnvelopeChooser {
    /// Usable envelopes (not expired, value > 0) in the fixed order.
    sequence: Vec<(usize, Fen, Fen)>,
    limit: usize,
    eligible: Vec<usize>,
    presale_eligible: bool,
    n_envelopes: usize,
    /// Prefix sums of the values in the fixed order.
    prefix: Vec<Fen>,
    /// Per position, where its run of envelopes alike (same value and
    /// minimum) ends.
    run_end: Vec<usize>,
    /// Picks already made, by total left (no presale line) …
    by_total: HashMap<Fen, EnvelopePick>,
    /// … or by every eligible line's amount.
    by_lines: HashMap<Vec<Fen>, EnvelopePick>,
}

/// The DP value of a state: most taken, then fewest envelopes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Gain {
    taken: Fen,
    count: usize,
}

impl Gain {
    fn better_than(self, other: Gain) -> bool {
        (self.taken, std::cmp::Reverse(self.count)) > (other.taken, std::cmp::Reverse(other.count))
    }
}

impl EnvelopeChooser {
    pub(crate) fn new(order: &Order, envelope_order: &[usize]) -> EnvelopeChooser {
        let sequence: Vec<(usize, Fen, Fen)> = envelope_order
            .iter()
            .copied()
            .filter(|&e| !order.envelopes[e].expired && order.envelopes[e].value > Fen::ZERO)
            .map(|e| (e, order.envelopes[e].value, order.envelopes[e].min_spend))
            .collect();
        let prefix = std::iter::once(Fen::ZERO)
            .chain(sequence.iter().scan(Fen::ZERO, |sum, &(_, value, _)| {
                *sum += value;
                Some(*sum)
            }))
            .collect();
        let mut run_end = vec![sequence.len(); sequence.len()];
        for pos in (0..sequence.len().saturating_sub(1)).rev() {
            let alike =
                sequence[pos].1 == sequence[pos + 1].1 && sequence[pos].2 == sequence[pos + 1].2;
            if alike {
                run_end[pos] = run_end[pos + 1];
            } else {
                run_end[pos] = pos + 1;
            }
        }
        let eligible: Vec<usize> = (0..order.lines.len())
            .filter(|&i| !order.lines[i].flash_sale)
            .collect();
        let presale_eligible = eligible
            .iter()
            .any(|&i| order.lines[i].deposits() > Fen::ZERO);
        EnvelopeChooser {
            sequence,
            limit: order.festival.envelope_limit,
            eligible,
            presale_eligible,
            n_envelopes: order.envelopes.len(),
            prefix,
            run_end,
            by_total: HashMap::default(),
            by_lines: HashMap::default(),
        }
    }

    pub(crate) fn choose(&mut self, ledger: &Ledger) -> EnvelopePick {
        // Without presale lines every share fits its line, so only the total
        // left matters: one pseudo-line holding it behaves exactly alike
        // (each envelope takes min(value, left)). With presale lines a share
        // beyond a line's deposit floor is lost, so every line counts.
        if self.presale_eligible {
            let amounts: Vec<Fen> = self.eligible.iter().map(|&i| ledger.amount[i]).collect();
            if let Some(hit) = self.by_lines.get(&amounts) {
                return hit.clone();
            }
            let floors: Vec<Fen> = self.eligible.iter().map(|&i| ledger.floor[i]).collect();
            let pick = EnvelopeWalk::new(self, &floors).run(amounts.clone());
            self.by_lines.insert(amounts, pick.clone());
            pick
        } else {
            let left: Fen = self
                .eligible
                .iter()
                .map(|&i| ledger.amount[i] - ledger.floor[i])
                .sum();
            if let Some(hit) = self.by_total.get(&left) {
                return hit.clone();
            }
            let pick = EnvelopeWalk::new(self, &[]).run(left);
            self.by_total.insert(left, pick.clone());
            pick
        }
    }
}
