//! Units written in level files: money in yuan and clock times as `"HH:MM"`.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::money::Fen;

/// Serde helpers for money written in yuan (`299`, `12.5`, `0.99`): a TOML
/// integer or a float with at most two decimals, never negative. Serialized
/// back as yuan (an integer when whole) so a level survives a save file.
pub mod yuan {
    use super::*;

    struct YuanVisitor;

    impl Visitor<'_> for YuanVisitor {
        type Value = Fen;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an amount of yuan with at most two decimals")
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Fen, E> {
            Fen::from_yuan_int(v).map_err(E::custom)
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Fen, E> {
            let v = i64::try_from(v).map_err(|_| E::custom("amount is too large"))?;
            Fen::from_yuan_int(v).map_err(E::custom)
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Fen, E> {
            Fen::from_yuan_float(v).map_err(E::custom)
        }
    }

    /// Reads yuan into fen.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Fen, D::Error> {
        d.deserialize_any(YuanVisitor)
    }

    /// Writes fen as yuan.
    pub fn serialize<S: Serializer>(v: &Fen, s: S) -> Result<S::Ok, S::Error> {
        if v.0 % 100 == 0 {
            s.serialize_i64(v.0 / 100)
        } else {
            // Two decimals survive an f64 round trip exactly enough for
            // `Fen::from_yuan_float` (it rounds to the nearest fen).
            s.serialize_f64(v.0 as f64 / 100.0)
        }
    }

    /// The same for optional amounts.
    pub mod opt {
        use super::*;

        #[derive(Deserialize)]
        struct W(#[serde(with = "super")] Fen);

        /// Reads optional yuan.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Fen>, D::Error> {
            Ok(Option::<W>::deserialize(d)?.map(|w| w.0))
        }

        /// Writes optional yuan.
        pub fn serialize<S: Serializer>(v: &Option<Fen>, s: S) -> Result<S::Ok, S::Error> {
            match v {
                Some(f) => super::serialize(f, s),
                None => s.serialize_none(),
            }
        }
    }
}

/// A time on the 11.11 clock, in minutes after 00:00 (0..=1440; 1440 is
/// "24:00", the end of the day). Written `"HH:MM"` in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ClockTime(pub u16);

/// Minutes in the festival day.
pub const DAY_MINUTES: u16 = 1440;

impl ClockTime {
    /// Parses `"HH:MM"` (00:00 to 24:00).
    pub fn parse(s: &str) -> Result<ClockTime, String> {
        let bad = || format!("clock time {s:?} is not \"HH:MM\" between 00:00 and 24:00");
        let (h, m) = s.split_once(':').ok_or_else(bad)?;
        if h.len() != 2 || m.len() != 2 {
            return Err(bad());
        }
        let h: u16 = h.parse().map_err(|_| bad())?;
        let m: u16 = m.parse().map_err(|_| bad())?;
        if m >= 60 || h * 60 + m > DAY_MINUTES {
            return Err(bad());
        }
        Ok(ClockTime(h * 60 + m))
    }

    /// Minutes after 00:00.
    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ClockTime, D::Error> {
        let s = String::deserialize(d)?;
        ClockTime::parse(&s).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times_parse_and_print() {
        assert_eq!(ClockTime::parse("00:00"), Ok(ClockTime(0)));
        assert_eq!(ClockTime::parse("22:05"), Ok(ClockTime(1325)));
        assert_eq!(ClockTime::parse("24:00"), Ok(ClockTime(1440)));
        assert!(ClockTime::parse("24:01").is_err());
        assert!(ClockTime::parse("7:00").is_err());
        assert!(ClockTime::parse("07:60").is_err());
        assert_eq!(ClockTime(1325).to_string(), "22:05");
    }
}
