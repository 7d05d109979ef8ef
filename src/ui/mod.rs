//! Views: they read state and draw; they never change it.

pub mod theme;

pub use theme::Theme;
