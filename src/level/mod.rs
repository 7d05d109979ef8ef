//! Festival level files (`levels/*.toml`): the format ([`schema`]), loading
//! with file:line:column errors ([`load`]) and semantic checks
//! ([`validate`]). The shipped levels are embedded at build time; the code
//! holds no level data itself. `levels/README.md` documents the format.

pub mod load;
pub mod records;
pub mod schema;
pub mod units;
pub mod validate;

pub use load::LevelError;
pub use records::{GmvRecord, gmv_records};
pub use schema::{
    AllowanceSpec, CouponSpec, DiscountSpec, EventKind, EventSpec, FestivalSpec, GmvSpec, ItemSpec,
    Level, PoolSpec, PresaleSpec, Prize, RainSpec, RankSpec, StoreSpec, TierSpec, WalletSpec,
};
pub use units::{ClockTime, DAY_MINUTES};
pub use validate::{Problem, Site};

/// The levels shipped in `levels/`, as (file name, TOML text), in menu order.
pub fn shipped() -> Vec<(&'static str, &'static str)> {
    vec![
        ("tutorial.toml", include_str!("../../levels/tutorial.toml")),
        ("2017.toml", include_str!("../../levels/2017.toml")),
    ]
}

/// Loads a shipped level by file name (`"2017.toml"`).
pub fn load_shipped(name: &str) -> Option<Result<Level, LevelError>> {
    shipped()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(n, text)| Level::from_toml_str(text, n))
}
