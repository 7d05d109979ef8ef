//! Money as integer fen (1/100 yuan). The game never uses floats for money.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Mul, Neg, Sub, SubAssign};

use serde::{Deserialize, Serialize};

/// An amount of money in fen (¥1 = 100 fen). Signed so that differences and
/// shortfalls can be expressed, but every amount the rules engine charges is ≥ 0.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Fen(pub i64);

impl Fen {
    /// No money.
    pub const ZERO: Fen = Fen(0);

    /// Whole yuan.
    pub const fn yuan(y: i64) -> Fen {
        Fen(y * 100)
    }

    /// The raw number of fen.
    pub const fn get(self) -> i64 {
        self.0
    }

    /// The larger of `self` and zero.
    pub fn at_least_zero(self) -> Fen {
        Fen(self.0.max(0))
    }

    /// Formats without the currency sign, e.g. `1234.50`.
    pub fn plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// `¥12.34` (negative amounts as `-¥12.34`).
impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let text = format!("{sign}¥{}.{:02}", abs / 100, abs % 100);
        f.pad(&text)
    }
}

impl Add for Fen {
    type Output = Fen;
    fn add(self, rhs: Fen) -> Fen {
        Fen(self.0 + rhs.0)
    }
}

impl Sub for Fen {
    type Output = Fen;
    fn sub(self, rhs: Fen) -> Fen {
        Fen(self.0 - rhs.0)
    }
}

impl AddAssign for Fen {
    fn add_assign(&mut self, rhs: Fen) {
        self.0 += rhs.0;
    }
}

impl SubAssign for Fen {
    fn sub_assign(&mut self, rhs: Fen) {
        self.0 -= rhs.0;
    }
}

impl Neg for Fen {
    type Output = Fen;
    fn neg(self) -> Fen {
        Fen(-self.0)
    }
}

impl Mul<i64> for Fen {
    type Output = Fen;
    fn mul(self, rhs: i64) -> Fen {
        Fen(self.0 * rhs)
    }
}

impl Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        Fen(iter.map(|f| f.0).sum())
    }
}

impl<'a> Sum<&'a Fen> for Fen {
    fn sum<I: Iterator<Item = &'a Fen>>(iter: I) -> Fen {
        Fen(iter.map(|f| f.0).sum())
    }
}

/// Why a written amount of yuan is not valid money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Below zero.
    #[error("money cannot be negative")]
    Negative,
    /// NaN or infinite.
    #[error("money must be a finite number")]
    NotFinite,
    /// More than two decimals.
    #[error("money has at most two decimals (whole fen)")]
    TooPrecise,
    /// Beyond what the game can count.
    #[error("amount is too large")]
    TooLarge,
}

/// Largest amount of yuan a file may write (a trillion yuan is beyond any festival).
const MAX_YUAN: i64 = 1_000_000_000_000;

impl Fen {
    /// Converts whole yuan written in a file.
    pub fn from_yuan_int(y: i64) -> Result<Fen, MoneyError> {
        if y < 0 {
            return Err(MoneyError::Negative);
        }
        if y > MAX_YUAN {
            return Err(MoneyError::TooLarge);
        }
        Ok(Fen(y * 100))
    }

    /// Converts a decimal number of yuan written in a file (`12.5`, `0.99`).
    /// A float that is not within a hair of a whole number of fen has more
    /// than two decimals and is refused.
    pub fn from_yuan_float(y: f64) -> Result<Fen, MoneyError> {
        if !y.is_finite() {
            return Err(MoneyError::NotFinite);
        }
        if y < 0.0 {
            return Err(MoneyError::Negative);
        }
        if y > MAX_YUAN as f64 {
            return Err(MoneyError::TooLarge);
        }
        let scaled = y * 100.0;
        let rounded = scaled.round();
        // The nearest double to a two-decimal number times 100 is within a tiny
        // relative error of an integer; a third decimal moves it by ≥ 0.1.
        if (scaled - rounded).abs() > 1e-6 * rounded.abs().max(1.0) {
            return Err(MoneyError::TooPrecise);
        }
        Ok(Fen(rounded as i64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_yuan_with_two_decimals() {
        assert_eq!(Fen(3700).to_string(), "¥37.00");
        assert_eq!(Fen(5).to_string(), "¥0.05");
        assert_eq!(Fen(-12050).to_string(), "-¥120.50");
        assert_eq!(Fen(123456).plain(), "1234.56");
    }

    #[test]
    fn parses_two_decimals_and_refuses_three() {
        assert_eq!(Fen::from_yuan_float(12.5), Ok(Fen(1250)));
        assert_eq!(Fen::from_yuan_float(0.99), Ok(Fen(99)));
        assert_eq!(Fen::from_yuan_float(0.29), Ok(Fen(29)));
        assert_eq!(Fen::from_yuan_float(1111.11), Ok(Fen(111111)));
        assert_eq!(Fen::from_yuan_float(1.005), Err(MoneyError::TooPrecise));
        assert_eq!(Fen::from_yuan_float(-1.0), Err(MoneyError::Negative));
        assert_eq!(Fen::from_yuan_float(f64::NAN), Err(MoneyError::NotFinite));
        assert_eq!(Fen::from_yuan_int(-3), Err(MoneyError::Negative));
        assert_eq!(Fen::from_yuan_int(299), Ok(Fen(29900)));
    }
}
