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
    /// An amount a waterfall splits in whole minor units (the principal, a
    /// guarantee limit, the amount paid to be distributed) has a fraction of
    /// a minor unit.
    #[error(
        "{what} {amount} is not a whole number of minor units ({} decimal places); round it first",
        .amount.currency().minor_units()
    )]
    NotWholeMinorUnits {
        /// Which amount ("principal", "guarantee limit", "amount paid").
        what: &'static str,
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
    /// A list of parties and shares was invalid: no parties, a name
    /// repeated, a negative weight, weights summing to zero, or weights
    /// spanning too many digits to split any amount exactly. (A blank name
    /// is [`InvestmentError::BlankField`].)
    #[error("invalid party shares: {reason}")]
    InvalidShares {
        /// Why it was rejected, naming the party where there is one.
        reason: String,
    },
    /// A required name is blank (a guarantor's or a party's).
    #[error("{field} is blank")]
    BlankField {
        /// Which field ("guarantor", "party").
        field: &'static str,
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

/// What went wrong with a whole-system cost ledger: a bad record (named by
/// its reference), an unknown partner, mixed currencies, overlapping periods,
/// or a query that cannot be answered.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{
///     CostCentre, CostLedger, LedgerError, NegativeSpend, Partner, PartnerKind, ReportingPeriod, Sector,
///     SpendRecord, Subject,
/// };
/// use integration_outcomes::Currency;
///
/// let mut ledger = CostLedger::new(
///     Currency::GBP,
///     [Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?],
///     NegativeSpend::Reject,
/// )?;
/// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
/// let record = SpendRecord::new(
///     "R1",
///     Subject::segment("75-84")?,
///     CostCentre::new("angus", Sector::SocialCare, "home care")?,
///     year,
///     "GBP 100".parse()?,
/// )?;
/// let err = ledger.add(record).unwrap_err();
/// assert!(matches!(err, LedgerError::UnknownPartner { .. }));
/// assert_eq!(err.to_string(), "record R1 names unknown partner \"angus\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    /// A period ends before it starts.
    #[error("period ends on {end}, before it starts on {start}")]
    InvalidPeriod {
        /// The first day.
        start: Date,
        /// The last day.
        end: Date,
    },
    /// A required text field is blank.
    #[error("{field} is blank{}", context.as_deref().map(|c| format!(" ({c})")).unwrap_or_default())]
    BlankField {
        /// Which field ("reference", "service", "partner id").
        field: &'static str,
        /// Where, if known (a record's reference).
        context: Option<String>,
    },
    /// Two partners share an id.
    #[error("partner {partner:?} is declared twice")]
    DuplicatePartner {
        /// The repeated id.
        partner: String,
    },
    /// Two records share a reference.
    #[error("record reference {reference} is used twice")]
    DuplicateReference {
        /// The repeated reference.
        reference: String,
    },
    /// A record names a partner the ledger does not know.
    #[error("record {reference} names unknown partner {partner:?}")]
    UnknownPartner {
        /// The record.
        reference: String,
        /// The partner id it named.
        partner: String,
    },
    /// A record has negative spend and the ledger's policy rejects it.
    #[error("record {reference} has negative spend {amount}, which this ledger does not allow")]
    NegativeSpend {
        /// The record.
        reference: String,
        /// The amount.
        amount: Money,
    },
    /// A record is in a different currency from the ledger.
    #[error("record {reference} is in {found}, but the ledger is in {expected}")]
    CurrencyMismatch {
        /// The record.
        reference: String,
        /// The ledger's currency.
        expected: Currency,
        /// The record's currency.
        found: Currency,
    },
    /// A record's period overlaps, without being equal to, a period already in
    /// the ledger: spend would be counted twice or split ambiguously.
    #[error("record {reference} covers {period}, which overlaps {existing} already in the ledger")]
    OverlappingPeriods {
        /// The record.
        reference: String,
        /// The record's period.
        period: super::ReportingPeriod,
        /// The period it overlaps.
        existing: super::ReportingPeriod,
    },
    /// A per-head figure was asked for a population of zero.
    #[error("the population of {group} is zero, so cost per head is undefined")]
    ZeroPopulation {
        /// Which group.
        group: String,
    },
    /// Money arithmetic failed.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

/// What went wrong linking avoided activity to savings and an outcome price.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{AvoidedActivity, CostBenefitError, UnitCosts};
/// use integration_outcomes::Currency;
/// use rust_decimal::Decimal;
///
/// let costs = UnitCosts::new(Currency::GBP);
/// let err = costs.saving(&[AvoidedActivity::new("bed day", Decimal::TEN)?]).unwrap_err();
/// assert!(matches!(err, CostBenefitError::NoUnitCost { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CostBenefitError {
    /// An activity or partner name is blank.
    #[error("{field} is blank")]
    BlankField {
        /// Which field.
        field: &'static str,
    },
    /// A unit cost is negative.
    #[error("unit cost of {activity:?} to {partner:?} is negative: {cost}")]
    NegativeUnitCost {
        /// The activity.
        activity: String,
        /// The partner bearing the cost.
        partner: String,
        /// The cost.
        cost: Money,
    },
    /// A unit cost was given twice for the same activity and partner.
    #[error("unit cost of {activity:?} to {partner:?} is given twice")]
    DuplicateUnitCost {
        /// The activity.
        activity: String,
        /// The partner.
        partner: String,
    },
    /// A unit cost is in another currency.
    #[error(
        "unit cost of {activity:?} to {partner:?} is in {found}, but the costs are in {expected}"
    )]
    CurrencyMismatch {
        /// The activity.
        activity: String,
        /// The partner.
        partner: String,
        /// The currency of the unit costs.
        expected: Currency,
        /// The cost's currency.
        found: Currency,
    },
    /// An avoided quantity is negative.
    #[error("avoided quantity of {activity:?} is negative: {quantity}")]
    NegativeQuantity {
        /// The activity.
        activity: String,
        /// The quantity.
        quantity: rust_decimal::Decimal,
    },
    /// Avoided activity has no unit cost for any partner.
    #[error("no unit cost is known for {activity:?}")]
    NoUnitCost {
        /// The activity.
        activity: String,
    },
    /// A partner has no saving in this result.
    #[error("partner {partner:?} has no saving in this result")]
    UnknownPartner {
        /// The partner asked for.
        partner: String,
    },
    /// The outcome price could not be set from the saving.
    #[error(transparent)]
    Pricing(#[from] crate::outcomes::OutcomeError),
    /// Money arithmetic failed.
    #[error(transparent)]
    Money(#[from] MoneyError),
}
