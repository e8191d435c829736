//! Error families of the `finance` namespace.

use crate::{Currency, Date, Money, MoneyError};

use super::cash_flow::CashFlowKind;

/// What went wrong with an investment's cash flows, its return measures, a
/// capped-return waterfall or a guarantee.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, InvestmentError};
/// use integration_outcomes::{Currency, Date, Money};
///
/// let day: Date = "2020-01-01".parse()?;
/// let only_drawdowns = CashFlows::new(
///     Currency::GBP,
///     [CashFlow::new(day, CashFlowKind::CapitalDrawdown, Money::from_major(100, Currency::GBP))?],
/// )?;
/// assert!(matches!(only_drawdowns.xirr(Default::default()), Err(InvestmentError::NoSignChange { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum InvestmentError {
    /// A cash flow was given a negative amount; amounts are magnitudes and
    /// the kind decides the direction.
    #[error(
        "cash flow {kind} on {date} has negative amount {amount}; give the magnitude, the kind sets the direction"
    )]
    NegativeCashFlow {
        /// The flow's date.
        date: Date,
        /// The flow's kind.
        kind: CashFlowKind,
        /// The amount as given.
        amount: Money,
    },
    /// A cash flow is in a different currency from the investment.
    #[error(
        "cash flow {position} ({kind} on {date}) is in {found}, but the investment is in {expected}"
    )]
    CurrencyMismatch {
        /// Zero-based position of the flow in the input.
        position: usize,
        /// The flow's date.
        date: Date,
        /// The flow's kind.
        kind: CashFlowKind,
        /// The investment's currency.
        expected: Currency,
        /// The flow's currency.
        found: Currency,
    },
    /// A measure was asked of an investment with no cash flows.
    #[error("the investment has no cash flows")]
    NoCashFlows,
    /// A money multiple was asked of an investment into which nothing was
    /// invested (no flow from the investor).
    #[error("nothing was invested, so the money multiple is undefined")]
    NothingInvested,
    /// No internal rate of return exists: every non-zero flow has the same
    /// sign, so no rate makes the net present value zero.
    #[error("no internal rate of return exists: every non-zero cash flow is {direction}")]
    NoSignChange {
        /// The direction every non-zero flow has ("to the investor", "from the
        /// investor", or "zero").
        direction: &'static str,
    },
    /// No rate in the searched range makes the net present value change sign.
    #[error(
        "no internal rate of return between {lowest_percent}% and {highest_percent}% a year: the net present value does not change sign"
    )]
    NoIrrInRange {
        /// The lowest annual rate searched, in per cent.
        lowest_percent: f64,
        /// The highest annual rate searched, in per cent.
        highest_percent: f64,
    },
    /// The net present value changes sign more than once: the flows have
    /// several internal rates of return and none is returned.
    #[error(
        "the cash flows have {count} internal rates of return (near {approximate_percents:?}% a year); none is chosen"
    )]
    MultipleIrrs {
        /// How many sign changes of the net present value were found.
        count: usize,
        /// Approximate location of each, in per cent a year.
        approximate_percents: Vec<f64>,
    },
    /// The root finder stopped without meeting the documented tolerance.
    #[error(
        "internal rate of return did not converge after {iterations} iterations (relative residual {residual:e})"
    )]
    NoConvergence {
        /// Iterations used.
        iterations: u32,
        /// The relative residual at the last iterate.
        residual: f64,
    },
    /// A discount rate at or below −100% a year.
    #[error("discount rate {rate} is at or below -100% a year")]
    DiscountRateOutOfRange {
        /// The rate as given.
        rate: crate::Rate,
    },
    /// A discount factor is not a finite positive number (a rate and term so
    /// extreme that `f64` overflows or underflows).
    #[error("discount factor for the flow on {date} is out of range at rate {rate}")]
    DiscountFactorOutOfRange {
        /// The flow's date.
        date: Date,
        /// The discount rate.
        rate: crate::Rate,
    },
    /// A date difference or date shift was out of range.
    #[error("date arithmetic out of range between {from} and {to}")]
    DateOutOfRange {
        /// The earlier date.
        from: Date,
        /// The later date.
        to: Date,
    },
    /// An investment term ends before it starts.
    #[error("the term ends on {end}, before it starts on {start}")]
    TermEndsBeforeStart {
        /// The start of the term.
        start: Date,
        /// The end of the term.
        end: Date,
    },
    /// A capped return was declared with a negative rate.
    #[error("the capped return rate {rate} is negative")]
    NegativeReturnCap {
        /// The rate as given.
        rate: crate::Rate,
    },
    /// An amount that must be positive (a principal) or non-negative (a
    /// guarantee, a payment received) was not.
    #[error("{what} must be {requirement}, got {amount}")]
    AmountOutOfRange {
        /// Which amount ("principal", "guarantee limit", "amount paid").
        what: &'static str,
        /// What it must be ("positive", "non-negative").
        requirement: &'static str,
        /// The amount as given.
        amount: Money,
    },
    /// A guarantee covers more than the principal it guarantees.
    #[error("guarantee of {limit} by {guarantor} exceeds the principal {principal}")]
    GuaranteeExceedsPrincipal {
        /// The guarantor.
        guarantor: String,
        /// The guarantee limit.
        limit: Money,
        /// The principal.
        principal: Money,
    },
    /// A list of parties and shares was invalid (empty, a blank or repeated
    /// name, a negative weight, or weights summing to zero).
    #[error("invalid party shares: {reason}")]
    InvalidShares {
        /// Why it was rejected, naming the party where there is one.
        reason: String,
    },
    /// A waterfall's rounding policy keeps more decimal places than its
    /// currency's minor unit, so its amounts could not be split exactly.
    #[error(
        "the rounding policy keeps {decimal_places} decimal places but {currency} settles in {minor_units}"
    )]
    RoundingFinerThanCurrency {
        /// The policy's decimal places.
        decimal_places: u32,
        /// The currency.
        currency: Currency,
        /// The currency's minor units.
        minor_units: u8,
    },
    /// Amounts in different currencies were combined (a waterfall in one
    /// currency, a payment in another).
    #[error("{what} is in {found}, but the investment is in {expected}")]
    WrongCurrency {
        /// Which amount.
        what: &'static str,
        /// The investment's currency.
        expected: Currency,
        /// The amount's currency.
        found: Currency,
    },
    /// Money arithmetic failed (overflow, fractional minor units before an
    /// exact split).
    #[error(transparent)]
    Money(#[from] MoneyError),
}
