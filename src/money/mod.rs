//! Money, currencies, rates, rounding policies and exact allocation.
//!
//! Everything here is exact: amounts are [`rust_decimal::Decimal`], arithmetic
//! that could overflow is checked, and rounding happens only when a caller asks
//! for it with an explicit [`RoundingPolicy`].

pub(crate) mod allocation;
mod amount;
mod currency;
mod error;
pub(crate) mod exact;
mod rate;
mod rounding;

pub use amount::Money;
pub use currency::Currency;
pub use error::MoneyError;
pub use rate::Rate;
pub use rounding::{RoundingPolicy, RoundingStage, RoundingStrategy};
