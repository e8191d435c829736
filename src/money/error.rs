use rust_decimal::Decimal;

use super::Currency;

/// What went wrong with an amount of money, a currency, a rate or a rounding
/// policy.
///
/// # Example
///
/// ```
/// use integration_outcomes::{Currency, Money, MoneyError};
/// use rust_decimal::Decimal;
///
/// let pounds = Money::new(Decimal::ONE, Currency::GBP);
/// let euros = Money::new(Decimal::ONE, Currency::EUR);
/// let err = pounds.checked_add(euros).unwrap_err();
/// assert!(matches!(err, MoneyError::CurrencyMismatch { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// Two amounts in different currencies were combined.
    #[error("currency mismatch: expected {expected}, found {found}")]
    CurrencyMismatch {
        /// The currency the operation was working in.
        expected: Currency,
        /// The currency of the amount that did not match.
        found: Currency,
    },
    /// Checked arithmetic overflowed the range of the decimal type, or its
    /// exact result needs more than 28 significant digits (a decimal would
    /// round it; this crate refuses instead).
    #[error("arithmetic overflow in {operation}")]
    Overflow {
        /// The operation that overflowed, such as `"add"` or `"multiply"`.
        operation: &'static str,
    },
    /// A currency code is not three upper-case ASCII letters, or is not a
    /// known ISO 4217 code.
    #[error("invalid currency code {code:?}: {reason}")]
    InvalidCurrency {
        /// The code as given.
        code: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// A currency's number of minor units is larger than this crate supports (4).
    #[error("currency minor units {minor_units} out of range 0..=4")]
    MinorUnitsOutOfRange {
        /// The number of minor units given.
        minor_units: u8,
    },
    /// An amount has more decimal places than its currency's minor unit where
    /// an exact number of minor units is required (for example before an
    /// exact split). Round it first with the contract's [`RoundingPolicy`](super::RoundingPolicy).
    #[error(
        "{amount} {currency} is not a whole number of minor units ({minor_units} decimal places)"
    )]
    NotWholeMinorUnits {
        /// The amount that could not be represented.
        amount: Decimal,
        /// Its currency.
        currency: Currency,
        /// The currency's minor units.
        minor_units: u8,
    },
    /// A text amount, such as `"GBP 12.50"`, could not be parsed.
    #[error("invalid amount {input:?}: {reason}")]
    InvalidAmount {
        /// The text as given.
        input: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// A rate such as `"10%"` or `"0.10"` could not be parsed, or was ambiguous.
    #[error("invalid rate {input:?}: {reason}")]
    InvalidRate {
        /// The text as given.
        input: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// A rounding policy asked for more decimal places than a decimal can hold (28).
    #[error("rounding to {decimal_places} decimal places is out of range 0..=28")]
    DecimalPlacesOutOfRange {
        /// The number of decimal places asked for.
        decimal_places: u32,
    },
    /// An allocation was asked for with no weights, a negative weight,
    /// weights that sum to zero, or weights spanning too many digits to be
    /// whole numbers at a common scale.
    #[error("invalid allocation weights: {reason}")]
    InvalidWeights {
        /// Why the weights were rejected.
        reason: &'static str,
    },
}
