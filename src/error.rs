//! The crate-wide error type.

use crate::finance::{CostBenefitError, InvestmentError, LedgerError};
use crate::indigo::IndigoError;
use crate::maturity::{AssessmentError, ComparisonError, FrameworkError};
use crate::money::MoneyError;
use crate::outcomes::OutcomeError;

/// Every error this crate returns, by family.
///
/// Each family has its own `#[non_exhaustive]` enum whose variants name what
/// was wrong (which domain, which participant, which field); functions
/// return the narrowest family, and all of them convert into `Error` with `?`.
///
/// # Example
///
/// ```
/// use integration_outcomes::{Currency, Error, Money};
///
/// fn total() -> Result<Money, Error> {
///     let a = Money::from_major(1, Currency::GBP);
///     Ok(a.checked_add(Money::from_major(1, Currency::EUR))?)
/// }
/// assert!(matches!(total(), Err(Error::Money(_))));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Money, currency, rate or rounding.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// Outcome metrics, prices, payment rules, contracts and settlement.
    #[error(transparent)]
    Outcome(#[from] OutcomeError),
    /// Investment cash flows, return measures, waterfalls and guarantees.
    #[error(transparent)]
    Investment(#[from] InvestmentError),
    /// Whole-system cost ledgers: spend records, partners, periods.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
    /// Avoided activity, unit costs, savings and prices from savings.
    #[error(transparent)]
    CostBenefit(#[from] CostBenefitError),
    /// An INDIGO data-standard document.
    #[error(transparent)]
    Indigo(#[from] IndigoError),
    /// A maturity framework, its scale, a derivation or a built-in id.
    #[error(transparent)]
    Framework(#[from] FrameworkError),
    /// A response or an assessment round.
    #[error(transparent)]
    Assessment(#[from] AssessmentError),
    /// Comparing profiles, rounds or a profile with a target.
    #[error(transparent)]
    Comparison(#[from] ComparisonError),
}
