//! game (in progress).
