//! Errors of the outcomes namespace.

use crate::{Date, Money, MoneyError, Rate};

/// What was wrong with an outcome metric, a price, a payment rule, a
/// contract or the evidence it was settled with.
///
/// Variants name the offending item (which outcome, which rule, which
/// participant, which cohort) so that a caller can report it or match on it.
/// Money errors (currency mismatch, overflow, amounts that are not whole
/// minor units) arrive as [`OutcomeError::Money`].
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{OutcomeError, SavingsPricing};
/// use integration_outcomes::{Currency, Money};
///
/// let max = Money::from_major(1_000, Currency::GBP);
/// let err = SavingsPricing::new("150%".parse()?, max).unwrap_err();
/// assert!(matches!(err, OutcomeError::ShareOutOfRange { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum OutcomeError {
    /// Money, currency, rate or rounding.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// An identifier is empty, too long or badly formed.
    #[error("invalid {kind} id {id:?}: {reason}")]
    InvalidId {
        /// What the identifier names (`"outcome"`, `"rule"`, ...).
        kind: &'static str,
        /// The identifier as given.
        id: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// A required text field (a metric's definition, say) is empty.
    #[error("{field} of {item} is empty")]
    EmptyField {
        /// The item, such as `"metric improved_school_behaviour"`.
        item: String,
        /// The field, such as `"definition"`.
        field: &'static str,
    },
    /// A share (of a saving, of a cohort, of a payment) lies outside 0%..=100%.
    #[error("{what} {share} is outside 0%..=100%")]
    ShareOutOfRange {
        /// What the share is, such as `"share of the saving"`.
        what: &'static str,
        /// The share given.
        share: Rate,
    },
    /// A rule id that names no rule of the contract.
    #[error("contract has no rule {rule:?}")]
    UnknownRule {
        /// The rule id given.
        rule: String,
    },
    /// An amount that must not be negative is.
    #[error("{what} is negative: {amount}")]
    NegativeAmount {
        /// What the amount is, such as `"maximum price"`.
        what: String,
        /// The amount given.
        amount: Money,
    },
    /// An amount that must be above zero is zero or negative.
    #[error("{what} must be above zero: {amount}")]
    NotPositive {
        /// What the amount is, such as `"price of outcome entry_to_employment"`.
        what: String,
        /// The amount given.
        amount: Money,
    },
    /// An amount a rate card settles in `i64` minor units is larger than
    /// that: `i64::MAX` minor units (92,233,720,368,547,758.07 in a currency
    /// with two).
    #[error("{what} of {amount} is above the largest amount a rate card settles, {limit}")]
    AmountTooLarge {
        /// What the amount is, such as `"maximum price of outcome entry_to_employment"`.
        what: String,
        /// The amount given.
        amount: Money,
        /// The largest amount: `i64::MAX` minor units of its currency.
        limit: Money,
    },
    /// Two items of a list share an identifier.
    #[error("duplicate {kind} {id:?}")]
    Duplicate {
        /// What is duplicated (`"outcome"`, `"rule"`, `"participant"`, ...).
        kind: &'static str,
        /// The identifier that appears twice.
        id: String,
    },
    /// An outcome index at or beyond [`MAX_OUTCOMES`](super::MAX_OUTCOMES),
    /// which no card has (from deserialised input).
    #[error("outcome index {index} is beyond the {max} outcomes a card can hold")]
    OutcomeIndexOutOfRange {
        /// The index given.
        index: u8,
        /// The most outcomes a card can hold.
        max: usize,
    },
    /// An identifier refers to an outcome that is not on the rate card.
    #[error("unknown outcome {outcome:?} on rate card {card:?}")]
    UnknownOutcome {
        /// The rate card.
        card: String,
        /// The outcome identifier that was not found.
        outcome: String,
    },
    /// An outcome's prerequisites form a cycle (possibly through itself).
    #[error("the prerequisites of outcome {outcome:?} form a cycle")]
    PrerequisiteCycle {
        /// An outcome on the cycle.
        outcome: String,
    },
    /// A rate card has more outcomes than settlement tables can address.
    #[error("rate card {card:?} has {count} outcomes; at most {max} are supported")]
    TooManyOutcomes {
        /// The rate card.
        card: String,
        /// The number of outcomes given.
        count: usize,
        /// The maximum.
        max: usize,
    },
    /// A contract's bid price for an outcome exceeds the rate card's maximum.
    #[error("bid price {bid} for outcome {outcome:?} exceeds the rate card maximum {maximum}")]
    BidAboveMaximum {
        /// The outcome.
        outcome: String,
        /// The bid price.
        bid: Money,
        /// The rate card's maximum price.
        maximum: Money,
    },
    /// A contract names no bid price for an outcome it settles.
    #[error("no bid price for outcome {outcome:?}")]
    MissingBid {
        /// The outcome without a price.
        outcome: String,
    },
    /// A date range ends before it starts.
    #[error("{what} ends ({last}) before it starts ({first})")]
    InvalidDateRange {
        /// What the range is, such as `"claim window"`.
        what: &'static str,
        /// First day.
        first: Date,
        /// Last day.
        last: Date,
    },
    /// An age range is empty (minimum above maximum).
    #[error("age range {min}..={max} is empty")]
    InvalidAgeRange {
        /// Youngest eligible age.
        min: u16,
        /// Oldest eligible age.
        max: u16,
    },
    /// A participant's age at start, as given, disagrees with the age their
    /// date of birth gives.
    #[error(
        "participant {participant} is given as {given} at start but their date of birth makes them {computed}"
    )]
    AgeMismatch {
        /// The participant.
        participant: u64,
        /// The age at start as given.
        given: u16,
        /// The age at start from the date of birth.
        computed: u16,
    },
    /// A participant's programme start precedes their date of birth.
    #[error("participant {participant} starts ({start}) before their date of birth ({born})")]
    StartBeforeBirth {
        /// The participant.
        participant: u64,
        /// Date of birth.
        born: Date,
        /// Programme start.
        start: Date,
    },
    /// A count or size that must be above zero is zero.
    #[error("{what} must be above zero")]
    ZeroCount {
        /// What the count is, such as `"size of cohort cohort_1"`.
        what: String,
    },
    /// A threshold is not a valid reduction or share (negative or above
    /// 100%), or a count threshold is zero.
    #[error("invalid threshold in {item}: {reason}")]
    InvalidThreshold {
        /// The rule.
        item: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// A banded schedule's bands are out of order: thresholds outside
    /// 0%..=100% or not strictly increasing, or amounts that decrease.
    #[error("invalid bands in {item}: {reason}")]
    InvalidBands {
        /// The rule.
        item: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// A measurement cannot be right: more units in care than in total, or
    /// a comparison rate with negative events.
    #[error("invalid {item}: {reason}")]
    InvalidMeasurement {
        /// The measurement (what and when).
        item: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// A length of time (a qualifying spell) is zero or out of range.
    #[error("invalid spell length in {item}: {reason}")]
    InvalidSpell {
        /// The rule.
        item: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// Payer shares are empty, negative, or do not sum to exactly 100%.
    #[error("invalid payer shares: {reason}")]
    InvalidPayerShares {
        /// Why they were rejected.
        reason: String,
    },
    /// A contract's rule has no evidence, or evidence given twice; or
    /// group-threshold evidence gives a cohort smaller than the number of
    /// participants placed. (Evidence of the wrong kind is
    /// [`OutcomeError::WrongEvidence`].)
    #[error("evidence for rule {rule:?}: {reason}")]
    Evidence {
        /// The rule.
        rule: String,
        /// What was wrong.
        reason: &'static str,
    },
    /// A rule was given evidence of another kind than it settles from (a
    /// rate card given cohorts, say).
    #[error("evidence for rule {rule:?}: expected {expected}, given {given}")]
    WrongEvidence {
        /// The rule.
        rule: String,
        /// The kind of evidence the rule settles from.
        expected: &'static str,
        /// The kind of evidence given.
        given: &'static str,
    },
    /// A contract mixes currencies (a rule, price or cap in another currency).
    #[error("{item} is in {found}, but the contract is in {expected}")]
    MixedCurrency {
        /// The item in the wrong currency.
        item: String,
        /// The contract currency.
        expected: crate::Currency,
        /// The item's currency.
        found: crate::Currency,
    },
    /// A rate-card amount is not a whole number of the contract's rounding
    /// unit, so per-line rounding would change it.
    #[error(
        "{item} {amount} is not a whole number of the contract's rounding unit ({decimal_places} decimal places)"
    )]
    NotWholeRoundingUnits {
        /// The price or cap.
        item: String,
        /// Its amount.
        amount: Money,
        /// The contract's decimal places.
        decimal_places: u32,
    },
    /// A contract rounds to more decimal places than its currency has minor
    /// units, so rounded payments could not be split in minor units.
    #[error(
        "rounding to {decimal_places} decimal places is finer than the {minor_units} minor units of the contract currency"
    )]
    RoundingFinerThanCurrency {
        /// The policy's decimal places.
        decimal_places: u32,
        /// The currency's minor units.
        minor_units: u8,
    },
    /// Partial settlements of different rules were merged.
    #[error(
        "cannot merge partial settlements of different rate-card rules ({left:?} and {right:?})"
    )]
    MergeMismatch {
        /// The rule of the left partial settlement.
        left: String,
        /// The rule of the right partial settlement.
        right: String,
    },
    /// A participant's claims reached a rate-card settlement in two calls
    /// to `add`, or in two tallies that were merged (a tally merged with
    /// itself, say): settled apart, a once-only outcome or the participant
    /// cap would apply twice. Give each participant's claims to one tally in
    /// one call; shard by participant.
    #[error(
        "participant {participant} of rule {rule:?} was given in two calls or two merged tallies; \
         each participant's claims must be added in one call to one tally"
    )]
    ParticipantSplit {
        /// The rule.
        rule: String,
        /// The participant.
        participant: u64,
    },
    /// A spreadsheet row could not be read (feature `csv`).
    #[error(
        "csv{}{}: {message}",
        row.map(|r| format!(" row {r}")).unwrap_or_default(),
        column.as_ref().map(|c| format!(", column {c}")).unwrap_or_default()
    )]
    Csv {
        /// The file's line number (the header is line 1), if known.
        row: Option<u64>,
        /// The column, if the problem is in one cell.
        column: Option<String>,
        /// What was wrong.
        message: String,
    },
    /// Checked integer arithmetic overflowed.
    #[error("arithmetic overflow in {operation}")]
    Overflow {
        /// The operation, such as `"participant total"`.
        operation: &'static str,
    },
    /// A built-in data file failed validation (a bug in the crate's data).
    #[error("built-in data {name:?} is invalid: {reason}")]
    BuiltinData {
        /// The data file.
        name: &'static str,
        /// The deserialisation or validation error.
        reason: String,
    },
}
