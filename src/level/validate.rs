//! Semantic checks of a parsed level: references, duplicates, ranges. Each
//! problem names where it is ([`Site`]); [`super::load`] turns that into a
//! file:line:column.

use std::collections::BTreeSet;

use super::schema::{EventKind, Level};
use super::units::DAY_MINUTES;
use crate::rules::CouponKind;

/// Where in the file a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    /// A top-level key or table, by name (`"wallet"`, `"wishlist"`).
    Key(&'static str),
    /// The n-th element of a top-level array of tables (`"stores"`, 0-based).
    Element(&'static str, usize),
}

/// One semantic error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub site: Site,
    /// What is wrong.
    pub message: String,
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn at(&mut self, site: Site, message: impl Into<String>) {
        self.problems.push(Problem {
            site,
            message: message.into(),
        });
    }

    fn unique<'a>(&mut self, what: &'static str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = BTreeSet::new();
        for (i, id) in ids.enumerate() {
            if id.is_empty() {
                self.at(Site::Element(what, i), "id must not be empty");
            } else if !seen.insert(id) {
                self.at(Site::Element(what, i), format!("duplicate id {id:?}"));
            }
        }
    }
}

impl Level {
    /// Checks everything the format cannot: every reference resolves, ids are
    /// unique, numbers are in range. Returns every problem found, in file order
    /// of the sections.
    pub fn validate(&self) -> Result<(), Vec<Problem>> {
        let mut c = Checker {
            problems: Vec::new(),
        };
        self.check_top(&mut c);
        self.check_rains(&mut c);
        self.check_shop(&mut c);
        self.check_events(&mut c);
        if c.problems.is_empty() {
            Ok(())
        } else {
            Err(c.problems)
        }
    }

    fn check_top(&self, c: &mut Checker) {
        if self.day_seconds == 0 || self.day_seconds > 3600 {
            c.at(Site::Key("day_seconds"), "day_seconds must be 1 to 3600");
        }
        if self.opening_seconds > 30 {
            c.at(
                Site::Key("opening_seconds"),
                "opening_seconds must be at most 30",
            );
        }
        let f = &self.festival;
        if f.cross_store.is_some() && f.allowance.is_some() {
            c.at(
                Site::Key("festival"),
                "give cross_store or allowance, not both",
            );
        }
        let tiers = f
            .cross_store
            .map(|t| t.every)
            .into_iter()
            .chain(f.allowance.map(|a| a.every));
        for every in tiers {
            if every.0 <= 0 {
                c.at(Site::Key("festival"), "every must be more than 0");
            }
        }
        if f.envelope_limit == 0 {
            c.at(Site::Key("festival"), "envelope_limit must be at least 1");
        }
        if self.gmv.hourly.len() != 24 {
            c.at(
                Site::Key("gmv"),
                "hourly must have 24 weights, one per hour",
            );
        } else if self.gmv.hourly.iter().all(|&w| w == 0) {
            c.at(Site::Key("gmv"), "hourly weights must not all be 0");
        }
        let r = self.ranks;
        if !(r.s >= r.a && r.a >= r.b && r.b >= r.c) {
            c.at(Site::Key("ranks"), "ranks must not increase from s to c");
        }
        for id in &self.wishlist {
            if self.item_index(id).is_none() {
                c.at(Site::Key("wishlist"), format!("unknown item {id:?}"));
            }
        }
    }

    fn check_rains(&self, c: &mut Checker) {
        if self.prizes.is_empty() || self.prizes.iter().all(|p| p.weight == 0) {
            c.at(
                Site::Key("prizes"),
                "the prize table needs a row with weight > 0",
            );
        }
        c.unique("rains", self.rains.iter().map(|r| r.id.as_str()));
        for (i, r) in self.rains.iter().enumerate() {
            let site = Site::Element("rains", i);
            if r.seconds == 0 || r.seconds > 600 {
                c.at(site, "seconds must be 1 to 600");
            }
            if !(1..=9).contains(&r.lanes) {
                c.at(site, "lanes must be 1 to 9");
            }
            if r.catch_rows == 0 || r.rows < r.catch_rows + 2 || r.rows > 100 {
                c.at(
                    site,
                    "need catch_rows ≥ 1 and rows ≥ catch_rows + 2 (at most 100)",
                );
            }
            if !(1..=60).contains(&r.speed) {
                c.at(site, "speed must be 1 to 60 rows per second");
            }
            if !(50..=60_000).contains(&r.spawn_every_ms) {
                c.at(site, "spawn_every_ms must be 50 to 60000");
            }
        }
        let e = &self.envelopes;
        if e.warmup.len() > e.draws_per_day as usize {
            c.at(
                Site::Key("envelopes"),
                format!(
                    "{} warm-up rains but only {} draws a day",
                    e.warmup.len(),
                    e.draws_per_day
                ),
            );
        }
        for id in &e.warmup {
            if self.rain_index(id).is_none() {
                c.at(Site::Key("envelopes"), format!("unknown rain {id:?}"));
            }
        }
    }

    fn check_shop(&self, c: &mut Checker) {
        c.unique("stores", self.stores.iter().map(|s| s.id.as_str()));
        for (i, s) in self.stores.iter().enumerate() {
            let site = Site::Element("stores", i);
            if let Some(d) = s.discount {
                match (d.min, d.every) {
                    (Some(_), Some(_)) | (None, None) => {
                        c.at(site, "discount needs exactly one of min or every")
                    }
                    (None, Some(e)) if e.0 <= 0 => c.at(site, "discount every must be more than 0"),
                    _ => {}
                }
            }
            if s.cross_store.is_some_and(|t| t.every.0 <= 0) {
                c.at(site, "cross_store every must be more than 0");
            }
        }
        c.unique("items", self.items.iter().map(|s| s.id.as_str()));
        for (i, it) in self.items.iter().enumerate() {
            let site = Site::Element("items", i);
            if self.store_index(&it.store).is_none() {
                c.at(site, format!("unknown store {:?}", it.store));
            }
            if it.crowd > 100 {
                c.at(site, "crowd is a percentage (0 to 100)");
            }
            if it.limit == Some(0) {
                c.at(site, "limit must be at least 1 (leave it out for no limit)");
            }
            if let Some(p) = it.presale {
                if p.counts_as < p.deposit {
                    c.at(site, "presale counts_as must be at least the deposit");
                }
                if p.counts_as > it.festival_price {
                    c.at(site, "presale counts_as must not exceed the festival price");
                }
                if p.reserved > it.stock || it.limit.is_some_and(|l| p.reserved > l) {
                    c.at(site, "presale reserved is over the stock or the limit");
                }
                if it.runway {
                    c.at(site, "a runway item cannot be a presale item");
                }
            }
        }
        c.unique("coupons", self.coupons.iter().map(|s| s.id.as_str()));
        for (i, k) in self.coupons.iter().enumerate() {
            let site = Site::Element("coupons", i);
            match (k.kind, &k.store, &k.item) {
                (CouponKind::ItemCoupon, None, Some(item)) => {
                    if self.item_index(item).is_none() {
                        c.at(site, format!("unknown item {item:?}"));
                    }
                }
                (CouponKind::ItemCoupon, _, _) => c.at(site, "an item coupon names an item only"),
                (_, Some(store), None) => {
                    if self.store_index(store).is_none() {
                        c.at(site, format!("unknown store {store:?}"));
                    }
                }
                _ => c.at(site, "a store coupon or store envelope names a store only"),
            }
        }
    }

    fn check_events(&self, c: &mut Checker) {
        let mut on_runway = BTreeSet::new();
        let mut flash = BTreeSet::new();
        for (i, e) in self.events.iter().enumerate() {
            let site = Site::Element("events", i);
            if e.at.minutes() >= DAY_MINUTES {
                c.at(site, "events must be between 00:00 and 23:59");
            }
            match e.kind {
                EventKind::FlashSale => {
                    if e.items.is_empty() {
                        c.at(site, "a flash sale needs items");
                    }
                    if e.minutes == 0 {
                        c.at(site, "minutes must be at least 1");
                    }
                    for id in &e.items {
                        match self.item_index(id) {
                            None => c.at(site, format!("unknown item {id:?}")),
                            Some(k) if self.items[k].runway || self.items[k].presale.is_some() => {
                                c.at(site, format!("{id:?} is a runway or presale item"))
                            }
                            Some(_) if !flash.insert(id.as_str()) => {
                                c.at(site, format!("{id:?} is in two flash sales"))
                            }
                            Some(_) => {}
                        }
                    }
                }
                EventKind::Rain => match &e.rain {
                    None => c.at(site, "a rain event needs rain = \"<id>\""),
                    Some(id) if self.rain_index(id).is_none() => {
                        c.at(site, format!("unknown rain {id:?}"))
                    }
                    Some(_) => {}
                },
                EventKind::Show => {
                    if e.looks.is_empty() {
                        c.at(site, "a show needs looks");
                    }
                    if e.look_seconds == 0 || e.look_seconds > 60 {
                        c.at(site, "look_seconds must be 1 to 60");
                    }
                    for id in &e.looks {
                        match self.item_index(id) {
                            None => c.at(site, format!("unknown item {id:?}")),
                            Some(k) if !self.items[k].runway => {
                                c.at(site, format!("{id:?} is not a runway item"))
                            }
                            Some(_) if !on_runway.insert(id.as_str()) => {
                                c.at(site, format!("{id:?} walks in two looks"))
                            }
                            Some(_) => {}
                        }
                    }
                }
                EventKind::Rush => {
                    if !(1..=20).contains(&e.factor) {
                        c.at(site, "factor must be 1 to 20");
                    }
                }
                EventKind::Notice => {
                    if e.text.is_empty() {
                        c.at(site, "a notice needs text");
                    }
                }
            }
        }
        for (i, it) in self.items.iter().enumerate() {
            if it.runway && !on_runway.contains(it.id.as_str()) {
                c.at(
                    Site::Element("items", i),
                    "a runway item must walk in a show",
                );
            }
        }
    }

    /// The index of the store with this id.
    pub fn store_index(&self, id: &str) -> Option<usize> {
        self.stores.iter().position(|s| s.id == id)
    }

    /// The index of the item with this id.
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|s| s.id == id)
    }

    /// The index of the rain with this id.
    pub fn rain_index(&self, id: &str) -> Option<usize> {
        self.rains.iter().position(|s| s.id == id)
    }
}
