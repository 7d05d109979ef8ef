//! level (in progress).
