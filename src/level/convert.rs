//! From the file as written ([`super::raw`]) to a [`Level`]: every value
//! checked at its own span, every problem recorded, none stopping the others.
//! The rules part is read by the `quote` scenario's [`RulesReader`]; the
//! checks that look across sections (events, the wishlist) are in
//! [`super::checks`].

use std::collections::HashMap;
use std::ops::RangeInclusive;

use toml::Spanned;

use super::raw::{RawAfterShow, RawItem, RawLevel, RawPool, RawPrize, RawRain, RawWallet, Yuan};
use super::schema::{
    AfterShow, GmvSpec, ItemSpec, Level, PoolSpec, PresaleSpec, Prize, RainSpec, RankSpec,
    StoreSpec, WalletSpec,
};
use crate::money::Fen;
use crate::rules::Festival;
use crate::scenario::error::Problems;
use crate::scenario::reader::RulesReader;
use crate::scenario::schema::RawStore;

/// The most units of one item a level may stock (keeps sums in range).
pub(crate) const MAX_STOCK: i64 = 1_000_000;

/// Reads one level file's tables, recording problems as it goes.
pub(crate) struct LevelReader<'p, 't> {
    /// The shared reader of money and the rules part; its `problems` are ours.
    pub(crate) rules: RulesReader<'p, 't>,
}

impl<'p, 't> LevelReader<'p, 't> {
    /// A reader recording into `problems`.
    pub(crate) fn new(problems: &'p mut Problems<'t>) -> LevelReader<'p, 't> {
        LevelReader {
            rules: RulesReader::new(problems),
        }
    }

    /// Records a problem at `span`.
    pub(crate) fn at(&mut self, span: std::ops::Range<usize>, message: impl Into<String>) {
        self.rules.problems.at(span, message);
    }

    /// What the file says at `span` (for "found …").
    pub(crate) fn found(&self, span: std::ops::Range<usize>) -> &'t str {
        self.rules.problems.source(span)
    }

    /// A whole number that must lie in `range`; out of range it is clamped.
    pub(crate) fn int(&mut self, v: &Spanned<i64>, range: RangeInclusive<i64>, what: &str) -> i64 {
        let n = *v.get_ref();
        if !range.contains(&n) {
            let (lo, hi) = (range.start(), range.end());
            self.at(
                v.span(),
                format!("expected {what} from {lo} to {hi}, found {n}"),
            );
        }
        n.clamp(*range.start(), *range.end())
    }

    /// An optional whole number in `range`, `default` when absent.
    fn opt_int(
        &mut self,
        v: Option<&Spanned<i64>>,
        range: RangeInclusive<i64>,
        what: &str,
        default: i64,
    ) -> i64 {
        v.map_or(default, |v| self.int(v, range, what))
    }

    fn money(&mut self, v: &Spanned<Yuan>) -> Fen {
        self.rules.money(v)
    }

    fn opt_money(&mut self, v: Option<&Spanned<Yuan>>) -> Fen {
        self.rules.optional_money(v)
    }

    /// Reads the whole level (the cross-section checks included).
    pub(crate) fn level(&mut self, raw: &RawLevel) -> Level {
        let festival = raw
            .festival
            .as_ref()
            .map_or_else(Festival::default, |f| self.rules.festival(f));
        if let Some(f) = &raw.festival {
            if let Some(t) = &f.cross_store {
                self.tier_gives_less(&t.get_ref().every, &t.get_ref().off);
            }
            if let Some(a) = &f.allowance {
                self.tier_gives_less(&a.get_ref().every, &a.get_ref().off);
            }
        }
        let stores = self.stores(&raw.stores);
        let store_index: HashMap<String, usize> = stores
            .iter()
            .enumerate()
            .rev()
            .map(|(i, s)| (s.id.to_string(), i))
            .collect();
        let items = self.items(&raw.items, &store_index);
        let coupons = self.rules.coupons(&raw.coupons, &store_index);
        let mut level = Level {
            name: raw.name.get_ref().clone(),
            year: self.int(&raw.year, 1..=9999, "a year") as u16,
            market: raw.market.clone(),
            currency: raw.currency.clone().unwrap_or_else(|| "¥".to_string()),
            description: raw.description.clone(),
            inventions: raw.inventions.clone(),
            day_seconds: self.int(&raw.day_seconds, 1..=3600, "day_seconds") as u32,
            opening_seconds: self.opt_int(
                raw.opening_seconds.as_ref(),
                0..=30,
                "opening_seconds",
                3,
            ) as u32,
            wallet: self.wallet(raw.wallet.get_ref()),
            festival,
            envelopes: self.pool(raw.envelopes.get_ref()),
            prizes: self.prizes(&raw.prizes, raw.envelopes.span()),
            rains: self.rains(&raw.rains),
            stores,
            items,
            coupons,
            wishlist: raw.wishlist.as_ref().map_or_else(Vec::new, |w| {
                w.get_ref().iter().map(|s| s.get_ref().clone()).collect()
            }),
            events: Vec::new(),
            gmv: self.gmv(raw),
            ranks: self.ranks(raw),
        };
        if raw.name.get_ref().trim().is_empty() {
            self.at(raw.name.span(), "expected a level name, found \"\"");
        }
        level.events = self.events(raw, &level);
        self.references(raw, &level);
        level
    }

    /// `off` must be less than `every`, or each step would be free.
    fn tier_gives_less(&mut self, every: &Spanned<Yuan>, off: &Spanned<Yuan>) {
        let (Ok(e), Ok(o)) = (every.get_ref().to_fen(), off.get_ref().to_fen()) else {
            return;
        };
        if e.0 > 0 && o >= e {
            let found = self.found(off.span());
            self.at(
                off.span(),
                format!("expected `off` below `every` ({}), found {found}", yuan(e)),
            );
        }
    }

    fn wallet(&mut self, w: &RawWallet) -> WalletSpec {
        WalletSpec {
            balance: self.money(&w.balance),
            credit: self.opt_money(w.credit.as_ref()),
            credit_raise: self.opt_money(w.credit_raise.as_ref()),
            budget: self.money(&w.budget),
        }
    }

    fn pool(&mut self, p: &RawPool) -> PoolSpec {
        let draws = self.int(&p.draws_per_day, 0..=100, "draws_per_day");
        let warmup: Vec<String> = p
            .warmup
            .get_ref()
            .iter()
            .map(|s| s.get_ref().clone())
            .collect();
        if warmup.len() as i64 > draws {
            self.at(
                p.warmup.span(),
                format!(
                    "expected at most draws_per_day ({draws}) warm-up rains, found {}",
                    warmup.len()
                ),
            );
        }
        PoolSpec {
            pool: self.money(&p.pool),
            draws_per_day: draws as u32,
            warmup,
        }
    }

    fn prizes(&mut self, raw: &[Spanned<RawPrize>], pool: std::ops::Range<usize>) -> Vec<Prize> {
        let prizes: Vec<Prize> = raw
            .iter()
            .map(|p| {
                let p = p.get_ref();
                Prize {
                    value: self.money(&p.value),
                    weight: self.int(&p.weight, 0..=1_000_000, "a weight") as u32,
                    min_spend: self.opt_money(p.min_spend.as_ref()),
                    jackpot: p.jackpot,
                }
            })
            .collect();
        if prizes.iter().all(|p| p.weight == 0) {
            let span = raw.first().map_or(pool, Spanned::span);
            self.at(
                span,
                "expected a [[prizes]] table with at least one row of weight above 0",
            );
        }
        prizes
    }

    fn rains(&mut self, raw: &[Spanned<RawRain>]) -> Vec<RainSpec> {
        let mut ids = crate::scenario::ids::Ids::new("rain");
        raw.iter()
            .map(|r| {
                let r = r.get_ref();
                ids.check(&r.id, self.rules.problems);
                let catch_rows = self.opt_int(r.catch_rows.as_ref(), 1..=20, "catch_rows", 2);
                let rows = self.opt_int(r.rows.as_ref(), catch_rows + 2..=100, "rows", 12);
                let spawn_every_ms =
                    self.int(&r.spawn_every_ms, 50..=60_000, "spawn_every_ms") as u32;
                let spawn_end_ms = self.opt_int(
                    r.spawn_end_ms.as_ref(),
                    50..=60_000,
                    "spawn_end_ms",
                    i64::from(spawn_every_ms),
                ) as u32;
                let pattern_percent =
                    self.opt_int(r.pattern_percent.as_ref(), 0..=100, "pattern_percent", 0) as u8;
                RainSpec {
                    id: r.id.get_ref().clone(),
                    seconds: self.int(&r.seconds, 1..=600, "seconds") as u32,
                    lanes: self.opt_int(r.lanes.as_ref(), 1..=9, "lanes", 4) as u8,
                    rows: rows as u16,
                    catch_rows: catch_rows as u16,
                    speed: self.int(
                        &r.speed,
                        1..=i64::from(crate::game::timing::MAX_SPEED),
                        "a speed in rows per second",
                    ) as u32,
                    spawn_every_ms,
                    spawn_end_ms,
                    pattern_percent,
                    crowd_rate: self.money(&r.crowd_rate),
                    pool: r.pool.as_ref().map(|p| self.money(p)),
                }
            })
            .collect()
    }

    fn stores(&mut self, raw: &[RawStore]) -> Vec<StoreSpec> {
        let rules = self.rules.stores(raw);
        for s in raw {
            if let Some(t) = &s.cross_store {
                self.tier_gives_less(&t.every, &t.off);
            }
            if let Some(d) = &s.discount
                && let Some(every) = &d.get_ref().every
            {
                self.tier_gives_less(every, &d.get_ref().off);
            }
            if s.name.is_none() {
                self.at(
                    s.id.span(),
                    format!(
                        "expected `name = \"…\"` in store {:?}, found none",
                        s.id.get_ref()
                    ),
                );
            }
        }
        raw.iter()
            .zip(rules)
            .map(|(s, r)| StoreSpec {
                id: r.id,
                name: s
                    .name
                    .as_ref()
                    .map_or_else(String::new, |n| n.get_ref().clone()),
                region: s.region.clone().unwrap_or_default(),
                discount: r.discount,
                cross_store: r.cross_store,
            })
            .collect()
    }

    fn items(
        &mut self,
        raw: &[Spanned<RawItem>],
        stores: &HashMap<String, usize>,
    ) -> Vec<ItemSpec> {
        let mut ids = crate::scenario::ids::Ids::new("item");
        raw.iter()
            .map(|it| {
                let it = it.get_ref();
                ids.check(&it.id, self.rules.problems);
                self.rules.store_ref(&it.store, stores);
                self.item(it)
            })
            .collect()
    }

    fn item(&mut self, it: &RawItem) -> ItemSpec {
        let price = self.money(&it.price);
        let festival_price = self.money(&it.festival_price);
        let both_valid =
            it.price.get_ref().to_fen().is_ok() && it.festival_price.get_ref().to_fen().is_ok();
        if both_valid && festival_price > price {
            let found = self.found(it.festival_price.span());
            self.at(
                it.festival_price.span(),
                format!(
                    "expected a festival_price at most the regular price ({}), found {found}",
                    yuan(price)
                ),
            );
        }
        let stock = self.int(&it.stock, 0..=MAX_STOCK, "a stock");
        let limit = it
            .limit
            .as_ref()
            .map(|l| self.int(l, 1..=MAX_STOCK, "a purchase limit") as u32);
        let runway = it.runway.as_ref().is_some_and(|r| *r.get_ref());
        let presale = it.presale.as_ref().map(|p| {
            let deposit = self.money(&p.deposit);
            let counts_as = self.money(&p.counts_as);
            let found = self.found(p.counts_as.span());
            if counts_as < deposit {
                self.at(
                    p.counts_as.span(),
                    format!(
                        "expected presale `counts_as` at least the deposit ({}), found {found}",
                        yuan(deposit)
                    ),
                );
            } else if counts_as > festival_price {
                self.at(
                    p.counts_as.span(),
                    format!(
                        "expected presale `counts_as` at most the festival price ({}), found {found}",
                        yuan(festival_price)
                    ),
                );
            }
            let most = i64::from(limit.unwrap_or(u32::MAX)).min(stock);
            let reserved = self.opt_int(p.reserved.as_ref(), 0..=most, "presale reserved", 0);
            if let Some(r) = it.runway.as_ref().filter(|r| *r.get_ref()) {
                self.at(
                    r.span(),
                    "expected a runway item without presale (a presale item is not on the runway), found runway = true",
                );
            }
            PresaleSpec {
                deposit,
                counts_as: counts_as.max(deposit),
                reserved: reserved as u32,
            }
        });
        let after_show = it
            .after_show
            .as_ref()
            .map(|a| self.after_show(it, a, runway, price, festival_price, stock));
        ItemSpec {
            id: it.id.get_ref().as_str().into(),
            store: it.store.get_ref().clone(),
            name: it.name.clone(),
            price,
            festival_price,
            stock: stock as u32,
            limit,
            crowd: self.opt_int(it.crowd.as_ref(), 0..=100, "a crowd percentage", 50) as u8,
            presale,
            runway,
            after_show,
        }
    }

    /// A runway look's `after_show` terms: only on a runway item; the price
    /// between the festival and the regular price; the stock within the
    /// item's.
    fn after_show(
        &mut self,
        it: &RawItem,
        a: &Spanned<RawAfterShow>,
        runway: bool,
        price: Fen,
        festival_price: Fen,
        stock: i64,
    ) -> AfterShow {
        if !runway {
            self.at(
                a.span(),
                "expected `after_show` only on a runway item (runway = true), found it on a shop item",
            );
        }
        let raw = a.get_ref();
        let after = match &raw.price {
            Some(p) => {
                let after = self.money(p);
                let valid = p.get_ref().to_fen().is_ok() && it.price.get_ref().to_fen().is_ok();
                if valid && (after < festival_price || after > price) {
                    let found = self.found(p.span());
                    self.at(
                        p.span(),
                        format!(
                            "expected an after-show price from the festival price ({}) to the regular price ({}), found {found}",
                            yuan(festival_price),
                            yuan(price)
                        ),
                    );
                }
                after.max(festival_price)
            }
            None => festival_price,
        };
        let kept = raw
            .stock
            .as_ref()
            .map(|s| self.int(s, 0..=stock.max(0), "an after-show stock") as u32);
        AfterShow {
            price: after,
            stock: kept,
        }
    }

    fn gmv(&mut self, raw: &RawLevel) -> GmvSpec {
        let g = raw.gmv.get_ref();
        let hourly: Vec<u32> = g
            .hourly
            .get_ref()
            .iter()
            .map(|w| self.int(w, 0..=1_000_000, "an hourly weight") as u32)
            .collect();
        if hourly.len() != 24 {
            self.at(
                g.hourly.span(),
                format!(
                    "expected 24 hourly weights, one per hour, found {}",
                    hourly.len()
                ),
            );
        } else if hourly.iter().all(|&w| w == 0) {
            self.at(
                g.hourly.span(),
                "expected hourly weights not all 0, found all 0",
            );
        }
        GmvSpec {
            total: g.total.as_ref().map(|t| self.money(t)),
            hourly,
            source: g.source.clone(),
        }
    }

    fn ranks(&mut self, raw: &RawLevel) -> RankSpec {
        let Some(r) = &raw.ranks else {
            return RankSpec::default();
        };
        let r = r.get_ref();
        let ranks = RankSpec {
            s: *r.s.get_ref(),
            a: *r.a.get_ref(),
            b: *r.b.get_ref(),
            c: *r.c.get_ref(),
        };
        let pairs = [
            (&r.s, &r.a, "s", "a"),
            (&r.a, &r.b, "a", "b"),
            (&r.b, &r.c, "b", "c"),
        ];
        for (higher, lower, h, l) in pairs {
            if lower.get_ref() > higher.get_ref() {
                self.at(
                    lower.span(),
                    format!(
                        "expected rank {l} at most rank {h} ({}), found {}",
                        higher.get_ref(),
                        lower.get_ref()
                    ),
                );
            }
        }
        ranks
    }
}

/// An amount as a level file writes it: `300`, `12.5`, `0.99`.
pub(crate) fn yuan(f: Fen) -> String {
    // `plain` always has two decimals: "300.00" → "300", "12.50" → "12.5".
    let plain = f.plain();
    plain
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}
