//! Rate cards: outcomes with maximum prices, repeat rules, prerequisites
//! and eligibility.

use std::fmt;

use super::{OutcomeError, OutcomeId, RateCardId};
use crate::{Currency, Date, Money};

/// The most outcomes a rate card may list: participant state is a 64-bit mask.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{MAX_OUTCOMES, OutcomeIndex, RateCard};
/// assert_eq!(MAX_OUTCOMES, 64);
/// assert!(RateCard::innovation_fund_round_1()?.len() <= MAX_OUTCOMES);
/// assert!(OutcomeIndex::new(MAX_OUTCOMES - 1).is_some()); // the last position
/// assert_eq!(OutcomeIndex::new(MAX_OUTCOMES), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const MAX_OUTCOMES: usize = 64;

/// The position of an outcome on a [`RateCard`]: a small dense index that
/// claims carry so that settlement addresses prices and masks by index
/// instead of looking up text.
///
/// Get one from [`RateCard::index_of`]; an index beyond the card is rejected
/// (as [`RejectionReason::UnknownOutcome`](crate::outcomes::RejectionReason::UnknownOutcome))
/// when claims are settled.
///
/// ```
/// use integration_outcomes::outcomes::RateCard;
/// let card = RateCard::innovation_fund_round_1()?;
/// let entry = card.index_of("entry_to_employment")?;
/// assert_eq!(card.outcome(entry).map(|o| o.id().as_str()), Some("entry_to_employment"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "u8", into = "u8")]
pub struct OutcomeIndex(u8);

impl TryFrom<u8> for OutcomeIndex {
    type Error = OutcomeError;
    fn try_from(index: u8) -> Result<Self, Self::Error> {
        OutcomeIndex::new(usize::from(index))
            .ok_or(OutcomeError::OutcomeIndexOutOfRange { index, max: MAX_OUTCOMES })
    }
}

impl From<OutcomeIndex> for u8 {
    fn from(i: OutcomeIndex) -> u8 {
        i.0
    }
}

impl OutcomeIndex {
    /// An index from its position (0-based). Positions at or beyond
    /// [`MAX_OUTCOMES`] are not representable on any card.
    ///
    /// ```
    /// use integration_outcomes::outcomes::OutcomeIndex;
    /// assert_eq!(OutcomeIndex::new(3).map(OutcomeIndex::get), Some(3));
    /// assert_eq!(OutcomeIndex::new(64), None);
    /// ```
    #[must_use]
    pub fn new(position: usize) -> Option<OutcomeIndex> {
        if position < MAX_OUTCOMES { u8::try_from(position).ok().map(OutcomeIndex) } else { None }
    }

    /// The 0-based position.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_1()?;
    /// assert_eq!(card.index_of("improved_school_behaviour")?.get(), 0);
    /// assert_eq!(card.index_of("improved_school_attendance")?.get(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn get(self) -> usize {
        self.0 as usize
    }

    pub(crate) const fn raw(self) -> u8 {
        self.0
    }
}

impl fmt::Display for OutcomeIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Whether an outcome pays once per participant or each time it is achieved.
///
/// ```
/// use integration_outcomes::outcomes::Repeat;
/// assert_ne!(Repeat::OncePerParticipant, Repeat::Repeatable);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Repeat {
    /// Pays at most once per participant; later claims are rejected as
    /// [`AlreadyPaid`](crate::outcomes::RejectionReason::AlreadyPaid).
    OncePerParticipant,
    /// Pays each time it is claimed.
    Repeatable,
}

/// An inclusive range of ages in whole years.
///
/// ```
/// use integration_outcomes::outcomes::AgeRange;
/// let r = AgeRange::new(14, 15)?;
/// assert!(r.contains(15) && !r.contains(16));
/// assert!(AgeRange::new(16, 14).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "AgeRangeRepr", into = "AgeRangeRepr")]
pub struct AgeRange {
    min: u16,
    max: u16,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct AgeRangeRepr {
    min: u16,
    max: u16,
}

impl AgeRange {
    /// Ages `min..=max`.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidAgeRange`] if `min > max`.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::AgeRange;
    /// let r = AgeRange::new(14, 15)?;
    /// assert_eq!((r.min(), r.max()), (14, 15));
    /// assert!(AgeRange::new(16, 14).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(min: u16, max: u16) -> Result<AgeRange, OutcomeError> {
        if min > max {
            return Err(OutcomeError::InvalidAgeRange { min, max });
        }
        Ok(AgeRange { min, max })
    }

    /// Youngest age included.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::AgeRange;
    /// let r = AgeRange::new(14, 15)?;
    /// assert_eq!(r.min(), 14);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn min(&self) -> u16 {
        self.min
    }

    /// Oldest age included.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::AgeRange;
    /// let r = AgeRange::new(14, 15)?;
    /// assert_eq!(r.max(), 15);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn max(&self) -> u16 {
        self.max
    }

    /// Whether `age` lies in the range.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::AgeRange;
    /// let r = AgeRange::new(14, 15)?;
    /// assert!(r.contains(14) && r.contains(15));
    /// assert!(!r.contains(13) && !r.contains(16));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn contains(&self, age: u16) -> bool {
        self.min <= age && age <= self.max
    }
}

impl TryFrom<AgeRangeRepr> for AgeRange {
    type Error = OutcomeError;
    fn try_from(r: AgeRangeRepr) -> Result<Self, Self::Error> {
        AgeRange::new(r.min, r.max)
    }
}

impl From<AgeRange> for AgeRangeRepr {
    fn from(r: AgeRange) -> Self {
        AgeRangeRepr { min: r.min, max: r.max }
    }
}

/// Who may be paid for an outcome.
///
/// ```
/// use integration_outcomes::outcomes::{AgeRange, Eligibility};
/// let attendance = Eligibility::AgeAtStart(AgeRange::new(14, 15)?);
/// assert_ne!(attendance, Eligibility::Everyone);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Eligibility {
    /// Every participant.
    Everyone,
    /// Only participants whose age at programme start lies in the range
    /// (school attendance outcomes: aged 14–15 at start).
    AgeAtStart(AgeRange),
}

/// One outcome on a rate card.
///
/// ```
/// use integration_outcomes::outcomes::{Eligibility, RateCardOutcome, Repeat};
/// use integration_outcomes::{Currency, Money};
/// let entry = RateCardOutcome::new("entry_to_employment", "entry into first employment", Money::from_major(2_600, Currency::GBP))?;
/// let sustained = RateCardOutcome::new("sustained_employment", "26 weeks sustained employment", Money::from_major(1_000, Currency::GBP))?
///     .with_prerequisite(entry.id().clone());
/// assert_eq!(sustained.prerequisites().len(), 1);
/// assert_eq!(sustained.repeat(), Repeat::OncePerParticipant);
/// assert_eq!(sustained.eligibility(), Eligibility::Everyone);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RateCardOutcomeRepr", into = "RateCardOutcomeRepr")]
pub struct RateCardOutcome {
    id: OutcomeId,
    description: String,
    maximum_price: Money,
    repeat: Repeat,
    prerequisites: Vec<OutcomeId>,
    eligibility: Eligibility,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RateCardOutcomeRepr {
    id: String,
    description: String,
    maximum_price: Money,
    #[serde(default = "default_repeat")]
    repeat: Repeat,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    prerequisites: Vec<OutcomeId>,
    #[serde(default = "default_eligibility")]
    eligibility: Eligibility,
}

fn default_repeat() -> Repeat {
    Repeat::OncePerParticipant
}

fn default_eligibility() -> Eligibility {
    Eligibility::Everyone
}

impl RateCardOutcome {
    /// An outcome paying at most `maximum_price`, once per participant, for
    /// everyone, with no prerequisites.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidId`]; [`OutcomeError::EmptyField`] for a blank
    /// description; [`OutcomeError::NotPositive`] if the price is not above
    /// zero; [`OutcomeError::Money`] (`NotWholeMinorUnits`) if the price has
    /// a fraction of a minor unit; [`OutcomeError::AmountTooLarge`] if it is
    /// above `i64::MAX` minor units.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{RateCardOutcome, Repeat};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let entry = RateCardOutcome::new("entry_to_employment", "entry into first employment", gbp(2_600))?;
    /// assert_eq!(entry.repeat(), Repeat::OncePerParticipant);
    /// assert!(entry.prerequisites().is_empty());
    /// assert!(RateCardOutcome::new("free", "costs nothing", gbp(0)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        description: impl Into<String>,
        maximum_price: Money,
    ) -> Result<RateCardOutcome, OutcomeError> {
        let id = OutcomeId::new(id)?;
        let description = description.into();
        if description.trim().is_empty() {
            return Err(OutcomeError::EmptyField {
                item: format!("outcome {id}"),
                field: "description",
            });
        }
        if maximum_price.is_negative() || maximum_price.is_zero() {
            return Err(OutcomeError::NotPositive {
                what: format!("maximum price of outcome {id}"),
                amount: maximum_price,
            });
        }
        super::rate_card_rule::minor_units(maximum_price, || {
            format!("maximum price of outcome {id}")
        })?;
        Ok(RateCardOutcome {
            id,
            description,
            maximum_price,
            repeat: Repeat::OncePerParticipant,
            prerequisites: Vec::new(),
            eligibility: Eligibility::Everyone,
        })
    }

    /// Sets whether the outcome can be paid more than once per participant.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{RateCardOutcome, Repeat};
    /// use integration_outcomes::{Currency, Money};
    /// let volunteering = RateCardOutcome::new("volunteering", "13 weeks of volunteering", Money::from_major(500, Currency::GBP))?
    ///     .with_repeat(Repeat::Repeatable);
    /// assert_eq!(volunteering.repeat(), Repeat::Repeatable);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_repeat(mut self, repeat: Repeat) -> RateCardOutcome {
        self.repeat = repeat;
        self
    }

    /// Adds a prerequisite: an outcome that must have been accepted for the
    /// participant earlier in date order (see `DESIGN.md`, prerequisites).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCardOutcome;
    /// use integration_outcomes::{Currency, Money};
    /// let sustained = RateCardOutcome::new("sustained_employment", "26 weeks in work", Money::from_major(1_000, Currency::GBP))?
    ///     .with_prerequisite("entry_to_employment".parse()?);
    /// assert_eq!(sustained.prerequisites()[0].as_str(), "entry_to_employment");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_prerequisite(mut self, prerequisite: OutcomeId) -> RateCardOutcome {
        self.prerequisites.push(prerequisite);
        self
    }

    /// Sets who is eligible.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{AgeRange, Eligibility, RateCardOutcome};
    /// use integration_outcomes::{Currency, Money};
    /// let attendance = RateCardOutcome::new("improved_school_attendance", "average attendance for 13 weeks", Money::from_major(800, Currency::GBP))?
    ///     .with_eligibility(Eligibility::AgeAtStart(AgeRange::new(14, 15)?));
    /// assert_eq!(attendance.eligibility(), Eligibility::AgeAtStart(AgeRange::new(14, 15)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_eligibility(mut self, eligibility: Eligibility) -> RateCardOutcome {
        self.eligibility = eligibility;
        self
    }

    /// The outcome's id.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCardOutcome;
    /// use integration_outcomes::{Currency, Money};
    /// let entry = RateCardOutcome::new("entry_to_employment", "entry into first employment", Money::from_major(2_600, Currency::GBP))?;
    /// assert_eq!(entry.id().as_str(), "entry_to_employment");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &OutcomeId {
        &self.id
    }

    /// What the outcome is and how it is evidenced.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCardOutcome;
    /// use integration_outcomes::{Currency, Money};
    /// let entry = RateCardOutcome::new("entry_to_employment", "entry into first employment", Money::from_major(2_600, Currency::GBP))?;
    /// assert_eq!(entry.description(), "entry into first employment");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The most a contract may pay for it.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCardOutcome;
    /// use integration_outcomes::{Currency, Money};
    /// let entry = RateCardOutcome::new("entry_to_employment", "entry into first employment", Money::from_major(2_600, Currency::GBP))?;
    /// assert_eq!(entry.maximum_price(), Money::from_major(2_600, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn maximum_price(&self) -> Money {
        self.maximum_price
    }

    /// Once per participant, or repeatable.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::Repeat;
    /// use integration_outcomes::outcomes::RateCardOutcome;
    /// use integration_outcomes::{Currency, Money};
    /// let entry = RateCardOutcome::new("entry_to_employment", "entry into first employment", Money::from_major(2_600, Currency::GBP))?;
    /// assert_eq!(entry.repeat(), Repeat::OncePerParticipant); // the default
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn repeat(&self) -> Repeat {
        self.repeat
    }

    /// Outcomes that must come first.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_1()?;
    /// let sustained = card.outcome(card.index_of("sustained_employment")?).ok_or("on the card")?;
    /// assert_eq!(sustained.prerequisites().len(), 1);
    /// assert_eq!(sustained.prerequisites()[0].as_str(), "entry_to_employment");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prerequisites(&self) -> &[OutcomeId] {
        &self.prerequisites
    }

    /// Who is eligible.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{AgeRange, Eligibility, RateCard};
    /// let card = RateCard::innovation_fund_round_1()?;
    /// let attendance = card.outcome(card.index_of("improved_school_attendance")?).ok_or("on the card")?;
    /// assert_eq!(attendance.eligibility(), Eligibility::AgeAtStart(AgeRange::new(14, 15)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn eligibility(&self) -> Eligibility {
        self.eligibility
    }
}

impl TryFrom<RateCardOutcomeRepr> for RateCardOutcome {
    type Error = OutcomeError;
    fn try_from(r: RateCardOutcomeRepr) -> Result<Self, Self::Error> {
        let mut o = RateCardOutcome::new(r.id, r.description, r.maximum_price)?
            .with_repeat(r.repeat)
            .with_eligibility(r.eligibility);
        o.prerequisites = r.prerequisites;
        Ok(o)
    }
}

impl From<RateCardOutcome> for RateCardOutcomeRepr {
    fn from(o: RateCardOutcome) -> Self {
        RateCardOutcomeRepr {
            id: o.id.into(),
            description: o.description,
            maximum_price: o.maximum_price,
            repeat: o.repeat,
            prerequisites: o.prerequisites,
            eligibility: o.eligibility,
        }
    }
}

/// An individual-level rate card: the outcomes a payer will buy and the
/// maximum price of each (DWP Innovation Fund, Fair Chance Fund).
///
/// A contract bids at or below these prices and adds caps and a claim
/// window in [`RateCardTerms`](crate::outcomes::RateCardTerms). Validation
/// checks that ids are unique, prices are positive whole minor units in the
/// card's currency, prerequisites exist and form no cycle, and that there are
/// at most [`MAX_OUTCOMES`] outcomes.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{RateCard, RateCardOutcome};
/// use integration_outcomes::{Currency, Money};
///
/// let gbp = |n| Money::from_major(n, Currency::GBP);
/// let card = RateCard::new("employment_card", Currency::GBP, vec![
///     RateCardOutcome::new("entry_to_employment", "entry into employment", gbp(2_600))?,
///     RateCardOutcome::new("sustained_employment", "26 weeks in work", gbp(1_000))?
///         .with_prerequisite("entry_to_employment".parse()?),
/// ])?;
/// assert_eq!(card.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RateCardRepr", into = "RateCardRepr")]
pub struct RateCard {
    id: RateCardId,
    currency: Currency,
    outcomes: Vec<RateCardOutcome>,
    notes: Option<String>,
    /// Prerequisite depth of each outcome (0 = none): orders same-day claims.
    depth: Vec<u8>,
    /// Prerequisites of each outcome as a bitmask of indices.
    prerequisite_masks: Vec<u64>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RateCardRepr {
    id: String,
    currency: Currency,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    notes: Option<String>,
    outcomes: Vec<RateCardOutcome>,
}

impl RateCard {
    /// A validated rate card.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidId`]; [`OutcomeError::ZeroCount`] for no
    /// outcomes; [`OutcomeError::TooManyOutcomes`];
    /// [`OutcomeError::Duplicate`] for a repeated outcome id;
    /// [`OutcomeError::MixedCurrency`] for a price in another currency;
    /// [`OutcomeError::UnknownOutcome`] for a prerequisite not on the card;
    /// [`OutcomeError::PrerequisiteCycle`].
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{RateCard, RateCardOutcome};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let card = RateCard::new("employment_card", Currency::GBP, vec![
    ///     RateCardOutcome::new("entry_to_employment", "entry into employment", gbp(2_600))?,
    /// ])?;
    /// assert_eq!(card.id().as_str(), "employment_card");
    /// // A prerequisite that is not on the card is refused.
    /// let orphan = RateCardOutcome::new("sustained_employment", "26 weeks in work", gbp(1_000))?
    ///     .with_prerequisite("entry_to_employment".parse()?);
    /// assert!(RateCard::new("broken_card", Currency::GBP, vec![orphan]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        currency: Currency,
        outcomes: Vec<RateCardOutcome>,
    ) -> Result<RateCard, OutcomeError> {
        let id = RateCardId::new(id)?;
        if outcomes.is_empty() {
            return Err(OutcomeError::ZeroCount {
                what: format!("number of outcomes on rate card {id}"),
            });
        }
        if outcomes.len() > MAX_OUTCOMES {
            return Err(OutcomeError::TooManyOutcomes {
                card: id.into(),
                count: outcomes.len(),
                max: MAX_OUTCOMES,
            });
        }
        let mut seen = std::collections::HashSet::new();
        for o in &outcomes {
            if !seen.insert(o.id()) {
                return Err(OutcomeError::Duplicate { kind: "outcome", id: o.id().to_string() });
            }
            if o.maximum_price().currency() != currency {
                return Err(OutcomeError::MixedCurrency {
                    item: format!("maximum price of outcome {}", o.id()),
                    expected: currency,
                    found: o.maximum_price().currency(),
                });
            }
        }
        let position = |wanted: &OutcomeId| outcomes.iter().position(|o| o.id() == wanted);
        let mut prerequisite_masks = Vec::with_capacity(outcomes.len());
        for o in &outcomes {
            let mut mask = 0_u64;
            for p in o.prerequisites() {
                let i = position(p).ok_or_else(|| OutcomeError::UnknownOutcome {
                    card: id.to_string(),
                    outcome: p.to_string(),
                })?;
                mask |= 1_u64 << i;
            }
            prerequisite_masks.push(mask);
        }
        let depth = prerequisite_depths(&outcomes, &prerequisite_masks)?;
        Ok(RateCard { id, currency, outcomes, notes: None, depth, prerequisite_masks })
    }

    /// Attaches notes (sources, caveats) to the card.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{RateCard, RateCardOutcome};
    /// use integration_outcomes::{Currency, Money};
    /// let card = RateCard::new("employment_card", Currency::GBP, vec![
    ///     RateCardOutcome::new("entry_to_employment", "entry into employment", Money::from_major(2_600, Currency::GBP))?,
    /// ])?
    /// .with_notes("illustrative prices");
    /// assert_eq!(card.notes(), Some("illustrative prices"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_notes(mut self, notes: impl Into<String>) -> RateCard {
        self.notes = Some(notes.into());
        self
    }

    /// The card's id.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_1()?;
    /// assert_eq!(card.id().as_str(), "innovation_fund_round_1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &RateCardId {
        &self.id
    }

    /// The currency of every price.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::Currency;
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_1()?;
    /// assert_eq!(card.currency(), Currency::GBP);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Notes on sources and caveats, if any.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_1()?;
    /// assert!(card.notes().is_some_and(|n| n.contains("Innovation Fund")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn notes(&self) -> Option<&str> {
        self.notes.as_deref()
    }

    /// The outcomes, in index order.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_1()?;
    /// assert_eq!(card.outcomes().len(), 9);
    /// assert_eq!(card.outcomes()[0].id().as_str(), "improved_school_behaviour");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn outcomes(&self) -> &[RateCardOutcome] {
        &self.outcomes
    }

    /// The number of outcomes.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_1()?;
    /// assert_eq!(card.len(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.outcomes.len()
    }

    /// Always `false`: a card has at least one outcome.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_1()?;
    /// assert!(!card.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.outcomes.is_empty()
    }

    /// The outcome at `index`, if on the card.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{OutcomeIndex, RateCard};
    /// let card = RateCard::innovation_fund_round_1()?;
    /// let attendance = card.outcome(card.index_of("improved_school_attendance")?).ok_or("on the card")?;
    /// assert_eq!(attendance.maximum_price().to_string(), "GBP 800.00");
    /// assert!(card.outcome(OutcomeIndex::new(63).ok_or("in range")?).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn outcome(&self, index: OutcomeIndex) -> Option<&RateCardOutcome> {
        self.outcomes.get(index.get())
    }

    /// The index of the outcome with id `outcome`.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::UnknownOutcome`] if it is not on the card.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_1()?;
    /// assert_eq!(card.index_of("improved_school_behaviour")?.get(), 0);
    /// assert!(card.index_of("no_such_outcome").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn index_of(&self, outcome: &str) -> Result<OutcomeIndex, OutcomeError> {
        self.outcomes
            .iter()
            .position(|o| o.id().as_str() == outcome)
            .and_then(OutcomeIndex::new)
            .ok_or_else(|| OutcomeError::UnknownOutcome {
                card: self.id.to_string(),
                outcome: outcome.to_owned(),
            })
    }

    pub(crate) fn depths(&self) -> &[u8] {
        &self.depth
    }

    pub(crate) fn prerequisite_masks(&self) -> &[u64] {
        &self.prerequisite_masks
    }
}

/// Longest prerequisite chain below each outcome; fails on a cycle.
fn prerequisite_depths(
    outcomes: &[RateCardOutcome],
    masks: &[u64],
) -> Result<Vec<u8>, OutcomeError> {
    // Kahn-style relaxation: at most n rounds; anything unresolved after
    // that is on (or behind) a cycle.
    let n = masks.len();
    let mut depth: Vec<Option<u8>> = vec![None; n];
    for _round in 0..=n {
        let mut progressed = false;
        for i in 0..n {
            if depth.get(i).copied().flatten().is_some() {
                continue;
            }
            let mask = masks.get(i).copied().unwrap_or(0);
            let mut d = 0_u8;
            let mut ready = true;
            for j in (0..n).filter(|j| mask & (1_u64 << j) != 0) {
                match depth.get(j).copied().flatten() {
                    Some(dj) => d = d.max(dj.saturating_add(1)),
                    None => ready = false,
                }
            }
            if ready {
                if let Some(slot) = depth.get_mut(i) {
                    *slot = Some(d);
                }
                progressed = true;
            }
        }
        if !progressed {
            break;
        }
    }
    depth
        .into_iter()
        .zip(outcomes)
        .map(|(d, o)| {
            d.ok_or_else(|| OutcomeError::PrerequisiteCycle { outcome: o.id().to_string() })
        })
        .collect()
}

impl TryFrom<RateCardRepr> for RateCard {
    type Error = OutcomeError;
    fn try_from(r: RateCardRepr) -> Result<Self, Self::Error> {
        let card = RateCard::new(r.id, r.currency, r.outcomes)?;
        Ok(match r.notes {
            Some(notes) => card.with_notes(notes),
            None => card,
        })
    }
}

impl From<RateCard> for RateCardRepr {
    fn from(c: RateCard) -> Self {
        RateCardRepr { id: c.id.into(), currency: c.currency, notes: c.notes, outcomes: c.outcomes }
    }
}

/// A participant's programme start and date of birth, for eligibility.
pub(crate) fn age_on(born: Date, on: Date) -> Option<u16> {
    let years = i32::from(on.year()) - i32::from(born.year());
    let before_birthday = (on.month(), on.day()) < (born.month(), born.day());
    let age = if before_birthday { years - 1 } else { years };
    u16::try_from(age).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbp(n: i64) -> Money {
        Money::from_major(n, Currency::GBP)
    }

    fn o(id: &str) -> RateCardOutcome {
        RateCardOutcome::new(id, "an outcome", gbp(100)).unwrap()
    }

    #[test]
    fn an_outcome_index_deserialises_only_within_a_card() {
        let three: OutcomeIndex = serde_json::from_str("3").unwrap();
        assert_eq!(three.get(), 3);
        assert_eq!(serde_json::to_string(&three).unwrap(), "3");
        let err = serde_json::from_str::<OutcomeIndex>("200").unwrap_err();
        assert!(err.to_string().contains("outcome index 200"), "{err}");
        let claim = |i| format!(r#"{{"participant":1,"date":"2020-01-01","outcome":{i}}}"#);
        assert!(serde_json::from_str::<crate::outcomes::Claim>(&claim(63)).is_ok());
        assert!(serde_json::from_str::<crate::outcomes::Claim>(&claim(64)).is_err());
    }

    #[test]
    fn validation_table() {
        let cycle = RateCard::new(
            "c",
            Currency::GBP,
            vec![
                o("a").with_prerequisite("b".parse().unwrap()),
                o("b").with_prerequisite("a".parse().unwrap()),
            ],
        );
        assert!(matches!(cycle, Err(OutcomeError::PrerequisiteCycle { .. })));
        let selfish =
            RateCard::new("c", Currency::GBP, vec![o("a").with_prerequisite("a".parse().unwrap())]);
        assert!(matches!(selfish, Err(OutcomeError::PrerequisiteCycle { .. })));
        let unknown =
            RateCard::new("c", Currency::GBP, vec![o("a").with_prerequisite("z".parse().unwrap())]);
        assert!(matches!(unknown, Err(OutcomeError::UnknownOutcome { .. })));
        let dup = RateCard::new("c", Currency::GBP, vec![o("a"), o("a")]);
        assert!(matches!(dup, Err(OutcomeError::Duplicate { .. })));
        assert!(matches!(
            RateCard::new("c", Currency::GBP, vec![]),
            Err(OutcomeError::ZeroCount { .. })
        ));
        assert!(matches!(
            RateCard::new("c", Currency::EUR, vec![o("a")]),
            Err(OutcomeError::MixedCurrency { .. })
        ));
        let many: Vec<_> = (0..65).map(|i| o(&format!("o{i}"))).collect();
        assert!(matches!(
            RateCard::new("c", Currency::GBP, many),
            Err(OutcomeError::TooManyOutcomes { count: 65, .. })
        ));
        assert!(RateCardOutcome::new("a", "x", Money::from_minor(0, Currency::GBP)).is_err());
        assert!(
            RateCardOutcome::new("a", "x", Money::new("1.001".parse().unwrap(), Currency::GBP))
                .is_err()
        );
    }

    #[test]
    fn depths_follow_chains() {
        let card = RateCard::new(
            "c",
            Currency::GBP,
            vec![
                o("c").with_prerequisite("b".parse().unwrap()),
                o("b").with_prerequisite("a".parse().unwrap()),
                o("a"),
            ],
        )
        .unwrap();
        assert_eq!(card.depths(), [2, 1, 0]);
        assert_eq!(card.prerequisite_masks(), [0b010, 0b100, 0]);
    }

    #[test]
    fn age_at_start() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(age_on(d("2000-06-15"), d("2014-06-14")), Some(13));
        assert_eq!(age_on(d("2000-06-15"), d("2014-06-15")), Some(14));
        // Born on 29 February: the birthday falls on 1 March in other years.
        assert_eq!(age_on(d("2000-02-29"), d("2015-02-28")), Some(14));
        assert_eq!(age_on(d("2000-02-29"), d("2015-03-01")), Some(15));
        assert_eq!(age_on(d("2001-01-01"), d("2000-01-01")), None);
    }

    #[test]
    fn serde_validates() {
        let json = r#"{"id":"c","currency":"GBP","outcomes":[{"id":"a","description":"x","maximum_price":{"amount":"5.00","currency":"GBP"},"prerequisites":["b"]}]}"#;
        assert!(matches!(
            serde_json::from_str::<RateCard>(json).map_err(|e| e.to_string()),
            Err(e) if e.contains("unknown outcome")
        ));
    }
}
