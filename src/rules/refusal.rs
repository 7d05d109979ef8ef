//! Why something was refused, with the numbers the player needs.

use serde::Serialize;

use super::model::Id;
use crate::money::Fen;

/// A tool (coupon or envelope) named in a refusal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Tool {
    /// A coupon, by id.
    Coupon(Id),
    /// A platform envelope, by id.
    Envelope(Id),
}

impl Tool {
    /// The tool's id.
    pub fn id(&self) -> &str {
        match self {
            Tool::Coupon(id) | Tool::Envelope(id) => id,
        }
    }

    fn noun(&self) -> &'static str {
        match self {
            Tool::Coupon(_) => "coupon",
            Tool::Envelope(_) => "envelope",
        }
    }
}

/// A typed refusal. The first three refuse the whole checkout; the others
/// only keep one tool out of it (it stays in the wallet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Refusal {
    /// Balance + credit line do not cover the checkout; nothing is half-paid.
    #[error("{short_by} over your credit line (to pay {total}, you have {available})")]
    OverCredit {
        /// What the checkout charges.
        total: Fen,
        /// Balance + credit left.
        available: Fen,
        /// The shortfall.
        short_by: Fen,
    },
    /// Not enough stock for the line.
    #[error("{}", if *left <= 0 { format!("{item}: sold out") } else { format!("{item}: only {left} left, you want {wanted}") })]
    OutOfStock {
        /// The item.
        item: Id,
        /// Quantity in the cart.
        wanted: i64,
        /// Units left.
        left: i64,
    },
    /// Over the per-person purchase limit.
    #[error("{item}: limit {limit} per person (you want {wanted})")]
    OverLimit {
        /// The item.
        item: Id,
        /// Quantity in the cart.
        wanted: i64,
        /// The limit.
        limit: i64,
    },
    /// The tool's minimum spend is not reached.
    #[error("add {short_by} more to use {} {}", tool.noun(), tool.id())]
    BelowMinimum {
        /// The tool.
        tool: Tool,
        /// Its minimum.
        min: Fen,
        /// What its lines have.
        have: Fen,
        /// What is missing.
        short_by: Fen,
    },
    /// The envelope has expired.
    #[error("envelope {} has expired", tool.id())]
    Expired {
        /// The envelope.
        tool: Tool,
    },
    /// The checkout already uses as many envelopes as allowed.
    #[error("envelope {} is over the limit of {limit} {} per checkout", tool.id(), if *limit == 1 { "envelope" } else { "envelopes" })]
    EnvelopeLimit {
        /// The envelope.
        tool: Tool,
        /// The limit.
        limit: usize,
    },
}

impl Refusal {
    /// True when the refusal stops the whole checkout (not just one tool).
    pub fn blocks_checkout(&self) -> bool {
        matches!(
            self,
            Refusal::OverCredit { .. } | Refusal::OutOfStock { .. } | Refusal::OverLimit { .. }
        )
    }

    /// The tool refused, if the refusal is about one.
    pub fn tool(&self) -> Option<&Tool> {
        match self {
            Refusal::BelowMinimum { tool, .. }
            | Refusal::Expired { tool }
            | Refusal::EnvelopeLimit { tool, .. } => Some(tool),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_the_numbers() {
        let r = Refusal::BelowMinimum {
            tool: Tool::Envelope("e1".into()),
            min: Fen(20000),
            have: Fen(16300),
            short_by: Fen(3700),
        };
        assert_eq!(r.to_string(), "add ¥37.00 more to use envelope e1");
        let r = Refusal::OverCredit {
            total: Fen(320000),
            available: Fen(308000),
            short_by: Fen(12000),
        };
        assert!(r.to_string().starts_with("¥120.00 over your credit line"));
        let r = Refusal::OutOfStock {
            item: "phone".into(),
            wanted: 1,
            left: 0,
        };
        assert_eq!(r.to_string(), "phone: sold out");
        let r = Refusal::OverLimit {
            item: "tea".into(),
            wanted: 3,
            limit: 2,
        };
        assert_eq!(r.to_string(), "tea: limit 2 per person (you want 3)");
    }
}
