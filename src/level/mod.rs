//! Festival level files (`levels/*.toml`): the file as written ([`raw`],
//! sharing the rules part with `quote` scenarios), the level the game uses
//! ([`schema`]), loading with every problem at file:line:column ([`load`],
//! [`convert`], [`checks`]) and where levels come from ([`catalog`]: the
//! shipped ones, the player's own, any path). The shipped levels are
//! embedded at build time; the code holds no level data itself.
//! `levels/README.md` documents the format.

pub mod catalog;
pub mod checks;
pub(crate) mod convert;
pub mod load;
pub(crate) mod raw;
pub mod records;
pub mod schema;
pub mod units;

pub use catalog::{Entry, Source, catalog, resolve, user_dir, user_levels};
pub use checks::wishlist_cost;
pub use load::LevelError;
pub use records::{GmvRecord, gmv_records};
pub use schema::{
    AfterShow, EventKind, EventSpec, GmvSpec, ItemSpec, Level, PoolSpec, PresaleSpec, Prize,
    RainSpec, RankSpec, StoreSpec, WalletSpec,
};
pub use units::{ClockTime, DAY_MINUTES};

/// The levels shipped in `levels/`, as (file name, TOML text), in menu order.
pub fn shipped() -> Vec<(&'static str, &'static str)> {
    vec![
        ("tutorial.toml", include_str!("../../levels/tutorial.toml")),
        ("2009.toml", include_str!("../../levels/2009.toml")),
        ("2017.toml", include_str!("../../levels/2017.toml")),
        ("2018.toml", include_str!("../../levels/2018.toml")),
        ("2020.toml", include_str!("../../levels/2020.toml")),
        ("2021.toml", include_str!("../../levels/2021.toml")),
        ("2022.toml", include_str!("../../levels/2022.toml")),
    ]
}

/// Loads a shipped level by file name (`"2017.toml"`).
pub fn load_shipped(name: &str) -> Option<Result<Level, LevelError>> {
    shipped()
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(n, text)| Level::from_toml_str(text, n))
}
