//! Group thresholds (Eleven Augsburg): a fixed payment when enough
//! participants achieve a qualifying outcome.

use std::fmt;

use super::cohort::check_amount;
use super::ratio::Ratio;
use super::{ClaimWindow, OutcomeError, ParticipantId, RuleId};
use crate::{Currency, Date, Money, Rate};

/// How long an outcome must last to qualify.
///
/// Months are calendar months added with jiff's checked arithmetic, which
/// clamps to the end of a shorter month (31 January + 1 month = 28 or 29
/// February).
///
/// ```
/// use integration_outcomes::outcomes::SpellLength;
/// let nine = SpellLength::Months(9);
/// assert_eq!(nine.end_of_spell("2014-01-31".parse()?)?.to_string(), "2014-10-31");
/// assert_eq!(SpellLength::Weeks(26).end_of_spell("2014-01-01".parse()?)?.to_string(), "2014-07-02");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SpellLength {
    /// Whole days.
    Days(u16),
    /// Whole weeks (13 weeks, 26 weeks).
    Weeks(u16),
    /// Calendar months (nine months).
    Months(u16),
}

impl SpellLength {
    /// The day the spell is complete when it starts on `start`.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] if the date would leave jiff's range.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::SpellLength;
    /// assert_eq!(SpellLength::Days(10).end_of_spell("2014-01-25".parse()?)?.to_string(), "2014-02-04");
    /// // 31 January plus one month is the end of February.
    /// assert_eq!(SpellLength::Months(1).end_of_spell("2014-01-31".parse()?)?.to_string(), "2014-02-28");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn end_of_spell(self, start: Date) -> Result<Date, OutcomeError> {
        let span = match self {
            SpellLength::Days(n) => jiff::Span::new().try_days(i64::from(n)),
            SpellLength::Weeks(n) => jiff::Span::new().try_weeks(i64::from(n)),
            SpellLength::Months(n) => jiff::Span::new().try_months(i64::from(n)),
        }
        .map_err(|_| OutcomeError::Overflow { operation: "spell length" })?;
        start.checked_add(span).map_err(|_| OutcomeError::Overflow { operation: "spell end date" })
    }

    const fn is_zero(self) -> bool {
        matches!(self, SpellLength::Days(0) | SpellLength::Weeks(0) | SpellLength::Months(0))
    }
}

impl fmt::Display for SpellLength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpellLength::Days(n) => write!(f, "{n} days"),
            SpellLength::Weeks(n) => write!(f, "{n} weeks"),
            SpellLength::Months(n) => write!(f, "{n} months"),
        }
    }
}

/// How many participants must qualify.
///
/// ```
/// use integration_outcomes::outcomes::GroupThreshold;
/// assert_eq!(GroupThreshold::AtLeast(20).to_string(), "at least 20");
/// assert_eq!(GroupThreshold::ShareOfCohort("20%".parse()?).to_string(), "at least 20% of the cohort");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GroupThreshold {
    /// At least this many participants.
    AtLeast(u64),
    /// At least this share of the cohort, compared exactly
    /// (`qualifying ≥ share × cohort size`).
    ShareOfCohort(Rate),
}

impl fmt::Display for GroupThreshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GroupThreshold::AtLeast(k) => write!(f, "at least {k}"),
            GroupThreshold::ShareOfCohort(r) => write!(f, "at least {r} of the cohort"),
        }
    }
}

/// A participant's placement (apprenticeship or job), for group thresholds.
///
/// ```
/// use integration_outcomes::outcomes::Placement;
/// let ongoing = Placement::new(1, "2014-02-03".parse()?, None)?;
/// assert!(Placement::new(1, "2014-02-03".parse()?, Some("2014-01-01".parse()?)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "PlacementRepr", into = "PlacementRepr")]
pub struct Placement {
    participant: ParticipantId,
    start: Date,
    end: Option<Date>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PlacementRepr {
    participant: ParticipantId,
    #[serde(with = "crate::civil_date")]
    start: Date,
    #[serde(default)]
    #[serde(with = "crate::civil_date::option")]
    end: Option<Date>,
}

impl Placement {
    /// A placement from `start`, ended on `end` (or still going: `None`).
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidDateRange`] if it ends before it starts.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::Placement;
    /// let ended = Placement::new(7, "2014-02-03".parse()?, Some("2014-12-19".parse()?))?;
    /// assert_eq!(ended.end().map(|d| d.to_string()), Some("2014-12-19".into()));
    /// assert!(Placement::new(7, "2014-02-03".parse()?, Some("2014-01-01".parse()?)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        participant: ParticipantId,
        start: Date,
        end: Option<Date>,
    ) -> Result<Placement, OutcomeError> {
        if let Some(last) = end
            && last < start
        {
            return Err(OutcomeError::InvalidDateRange { what: "placement", first: start, last });
        }
        Ok(Placement { participant, start, end })
    }

    /// The participant.
    ///
    /// ```
    /// use integration_outcomes::outcomes::Placement;
    /// let ended = Placement::new(7, "2014-02-03".parse()?, Some("2014-12-19".parse()?))?;
    /// assert_eq!(ended.participant(), 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn participant(&self) -> ParticipantId {
        self.participant
    }
    /// Start date.
    ///
    /// ```
    /// use integration_outcomes::outcomes::Placement;
    /// let ended = Placement::new(7, "2014-02-03".parse()?, Some("2014-12-19".parse()?))?;
    /// assert_eq!(ended.start().to_string(), "2014-02-03");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn start(&self) -> Date {
        self.start
    }
    /// End date, if it ended.
    ///
    /// ```
    /// use integration_outcomes::outcomes::Placement;
    /// let ended = Placement::new(7, "2014-02-03".parse()?, Some("2014-12-19".parse()?))?;
    /// assert_eq!(ended.end().map(|d| d.to_string()), Some("2014-12-19".into()));
    /// assert_eq!(Placement::new(7, "2014-02-03".parse()?, None)?.end(), None); // still going
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn end(&self) -> Option<Date> {
        self.end
    }
}

impl TryFrom<PlacementRepr> for Placement {
    type Error = OutcomeError;
    fn try_from(r: PlacementRepr) -> Result<Self, Self::Error> {
        Placement::new(r.participant, r.start, r.end)
    }
}

impl From<Placement> for PlacementRepr {
    fn from(p: Placement) -> Self {
        PlacementRepr { participant: p.participant, start: p.start, end: p.end }
    }
}

/// A group-threshold rule (Eleven Augsburg): pays `payment` once if at least
/// the threshold of participants have a placement that starts within the
/// term and lasts the qualifying spell before the term ends; nothing
/// otherwise. A placement qualifies when `start + spell ≤ term end` and it
/// had not ended before `start + spell`. Each participant counts once.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{ClaimWindow, GroupThreshold, GroupThresholdRule, SpellLength};
/// use integration_outcomes::{Currency, Money};
/// let rule = GroupThresholdRule::new(
///     "juMP",
///     Money::from_major(250_000, Currency::EUR),
///     GroupThreshold::AtLeast(20),
///     SpellLength::Months(9),
///     ClaimWindow::new("2013-09-01".parse()?, "2015-12-31".parse()?)?,
/// )?;
/// assert_eq!(rule.threshold(), GroupThreshold::AtLeast(20));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "GroupThresholdRuleRepr", into = "GroupThresholdRuleRepr")]
pub struct GroupThresholdRule {
    id: RuleId,
    payment: Money,
    threshold: GroupThreshold,
    spell: SpellLength,
    term: ClaimWindow,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupThresholdRuleRepr {
    id: String,
    payment: Money,
    threshold: GroupThreshold,
    spell: SpellLength,
    term: ClaimWindow,
}

/// The decision of a group threshold, before rounding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GroupAssessment {
    pub(crate) placed: u64,
    pub(crate) qualifying: u64,
    pub(crate) cohort_size: u64,
    pub(crate) met: bool,
}

impl GroupThresholdRule {
    /// A rule paying `payment` when `threshold` participants qualify.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidId`]; [`OutcomeError::NegativeAmount`];
    /// [`OutcomeError::InvalidSpell`] for a zero spell;
    /// [`OutcomeError::InvalidThreshold`] for a zero count or a share outside
    /// 0%..=100% (exclusive of 0%).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, GroupThreshold, GroupThresholdRule, SpellLength};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = GroupThresholdRule::new(
    ///     "juMP",
    ///     Money::from_major(250_000, Currency::EUR),
    ///     GroupThreshold::AtLeast(20),
    ///     SpellLength::Months(9),
    ///     ClaimWindow::new("2013-09-01".parse()?, "2015-12-31".parse()?)?,
    /// )?;
    /// assert_eq!(rule.spell(), SpellLength::Months(9));
    /// // A group threshold of nobody is refused.
    /// assert!(GroupThresholdRule::new("juMP", Money::from_major(250_000, Currency::EUR), GroupThreshold::AtLeast(0),
    ///     SpellLength::Months(9), rule.term()).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        payment: Money,
        threshold: GroupThreshold,
        spell: SpellLength,
        term: ClaimWindow,
    ) -> Result<GroupThresholdRule, OutcomeError> {
        let id = RuleId::new(id)?;
        check_amount(|| format!("payment of rule {id}"), payment, payment.currency())?;
        if spell.is_zero() {
            return Err(OutcomeError::InvalidSpell {
                item: format!("rule {id}"),
                reason: "the qualifying spell is zero",
            });
        }
        let bad = match threshold {
            GroupThreshold::AtLeast(k) => k == 0,
            GroupThreshold::ShareOfCohort(r) => {
                r.is_negative() || r.as_fraction().is_zero() || r > Rate::ONE
            }
        };
        if bad {
            return Err(OutcomeError::InvalidThreshold {
                item: format!("rule {id}"),
                reason: "a group threshold must be at least one participant or a share within (0%, 100%]",
            });
        }
        Ok(GroupThresholdRule { id, payment, threshold, spell, term })
    }

    /// The rule's id.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, GroupThreshold, GroupThresholdRule, SpellLength};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = GroupThresholdRule::new(
    ///     "juMP",
    ///     Money::from_major(250_000, Currency::EUR),
    ///     GroupThreshold::AtLeast(20),
    ///     SpellLength::Months(9),
    ///     ClaimWindow::new("2013-09-01".parse()?, "2015-12-31".parse()?)?,
    /// )?;
    /// assert_eq!(rule.id().as_str(), "juMP");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &RuleId {
        &self.id
    }
    /// The payment if the threshold is met.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, GroupThreshold, GroupThresholdRule, SpellLength};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = GroupThresholdRule::new(
    ///     "juMP",
    ///     Money::from_major(250_000, Currency::EUR),
    ///     GroupThreshold::AtLeast(20),
    ///     SpellLength::Months(9),
    ///     ClaimWindow::new("2013-09-01".parse()?, "2015-12-31".parse()?)?,
    /// )?;
    /// assert_eq!(rule.payment(), Money::from_major(250_000, Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn payment(&self) -> Money {
        self.payment
    }
    /// The threshold.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, GroupThreshold, GroupThresholdRule, SpellLength};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = GroupThresholdRule::new(
    ///     "juMP",
    ///     Money::from_major(250_000, Currency::EUR),
    ///     GroupThreshold::AtLeast(20),
    ///     SpellLength::Months(9),
    ///     ClaimWindow::new("2013-09-01".parse()?, "2015-12-31".parse()?)?,
    /// )?;
    /// assert_eq!(rule.threshold().to_string(), "at least 20");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn threshold(&self) -> GroupThreshold {
        self.threshold
    }
    /// The qualifying spell.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, GroupThreshold, GroupThresholdRule, SpellLength};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = GroupThresholdRule::new(
    ///     "juMP",
    ///     Money::from_major(250_000, Currency::EUR),
    ///     GroupThreshold::AtLeast(20),
    ///     SpellLength::Months(9),
    ///     ClaimWindow::new("2013-09-01".parse()?, "2015-12-31".parse()?)?,
    /// )?;
    /// assert_eq!(rule.spell().to_string(), "9 months");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn spell(&self) -> SpellLength {
        self.spell
    }
    /// The project term.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, GroupThreshold, GroupThresholdRule, SpellLength};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = GroupThresholdRule::new(
    ///     "juMP",
    ///     Money::from_major(250_000, Currency::EUR),
    ///     GroupThreshold::AtLeast(20),
    ///     SpellLength::Months(9),
    ///     ClaimWindow::new("2013-09-01".parse()?, "2015-12-31".parse()?)?,
    /// )?;
    /// assert_eq!(rule.term().first().to_string(), "2013-09-01");
    /// assert_eq!(rule.term().last().to_string(), "2015-12-31");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn term(&self) -> ClaimWindow {
        self.term
    }
    /// The currency.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, GroupThreshold, GroupThresholdRule, SpellLength};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = GroupThresholdRule::new(
    ///     "juMP",
    ///     Money::from_major(250_000, Currency::EUR),
    ///     GroupThreshold::AtLeast(20),
    ///     SpellLength::Months(9),
    ///     ClaimWindow::new("2013-09-01".parse()?, "2015-12-31".parse()?)?,
    /// )?;
    /// assert_eq!(rule.currency(), Currency::EUR);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn currency(&self) -> Currency {
        self.payment.currency()
    }

    /// Whether `placement` qualifies within the term. A spell that would
    /// end after the last representable date (9999-12-31) cannot be complete
    /// within any term, so it does not qualify.
    ///
    /// # Errors
    ///
    /// None today: the `Result` leaves room for checks that can fail.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, GroupThreshold, GroupThresholdRule, Placement, SpellLength};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = GroupThresholdRule::new("g", Money::from_major(1, Currency::EUR), GroupThreshold::AtLeast(1),
    ///     SpellLength::Months(9), ClaimWindow::new("2013-09-01".parse()?, "2015-12-31".parse()?)?)?;
    /// assert!(rule.qualifies(&Placement::new(1, "2015-03-31".parse()?, None)?)?);  // complete on 2015-12-31
    /// assert!(!rule.qualifies(&Placement::new(2, "2015-04-01".parse()?, None)?)?); // placed too late
    /// assert!(!rule.qualifies(&Placement::new(3, "2014-01-06".parse()?, Some("2014-10-05".parse()?))?)?);
    /// // A spell that would end after 9999-12-31 simply does not qualify.
    /// let to_the_end = GroupThresholdRule::new("g", Money::from_major(1, Currency::EUR), GroupThreshold::AtLeast(1),
    ///     SpellLength::Months(9), ClaimWindow::new("9999-01-01".parse()?, "9999-12-31".parse()?)?)?;
    /// assert!(!to_the_end.qualifies(&Placement::new(4, "9999-06-01".parse()?, None)?)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn qualifies(&self, placement: &Placement) -> Result<bool, OutcomeError> {
        if !self.term.contains(placement.start) {
            return Ok(false);
        }
        let Ok(complete) = self.spell.end_of_spell(placement.start) else { return Ok(false) };
        Ok(complete <= self.term.last() && placement.end.is_none_or(|end| end >= complete))
    }

    pub(crate) fn assess(
        &self,
        placements: &[Placement],
        cohort_size: u64,
    ) -> Result<GroupAssessment, OutcomeError> {
        let mut placed = std::collections::BTreeSet::new();
        let mut qualifying = std::collections::BTreeSet::new();
        for p in placements {
            placed.insert(p.participant);
            if self.qualifies(p)? {
                qualifying.insert(p.participant);
            }
        }
        let count = |n: usize| {
            u64::try_from(n).map_err(|_| OutcomeError::Overflow { operation: "participant count" })
        };
        let (placed, qualifying) = (count(placed.len())?, count(qualifying.len())?);
        if cohort_size == 0 {
            return Err(OutcomeError::ZeroCount {
                what: format!("cohort size of rule {}", self.id),
            });
        }
        if cohort_size < placed {
            return Err(OutcomeError::Evidence {
                rule: self.id.to_string(),
                reason: "the cohort is smaller than the number of participants placed",
            });
        }
        let met = match self.threshold {
            GroupThreshold::AtLeast(k) => qualifying >= k,
            GroupThreshold::ShareOfCohort(share) => {
                // Exactly: qualifying >= share × cohort, with no rounding of
                // the product.
                let needed = Ratio::from_rate(share)
                    .checked_mul(Ratio::from_int(i128::from(cohort_size)))?;
                Ratio::from_int(i128::from(qualifying)) >= needed
            }
        };
        Ok(GroupAssessment { placed, qualifying, cohort_size, met })
    }
}

impl TryFrom<GroupThresholdRuleRepr> for GroupThresholdRule {
    type Error = OutcomeError;
    fn try_from(r: GroupThresholdRuleRepr) -> Result<Self, Self::Error> {
        GroupThresholdRule::new(r.id, r.payment, r.threshold, r.spell, r.term)
    }
}

impl From<GroupThresholdRule> for GroupThresholdRuleRepr {
    fn from(r: GroupThresholdRule) -> Self {
        GroupThresholdRuleRepr {
            id: r.id.into(),
            payment: r.payment,
            threshold: r.threshold,
            spell: r.spell,
            term: r.term,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{GroupThreshold, GroupThresholdRule, Placement, SpellLength};
    use crate::outcomes::{ClaimWindow, OutcomeError};
    use crate::{Currency, Date, Money, Rate};
    use rust_decimal::Decimal;

    fn rule(threshold: GroupThreshold) -> GroupThresholdRule {
        let term =
            ClaimWindow::new(Date::constant(2014, 1, 1), Date::constant(2016, 12, 31)).unwrap();
        let payment = Money::from_major(250_000, Currency::EUR);
        GroupThresholdRule::new("augsburg", payment, threshold, SpellLength::Months(9), term)
            .unwrap()
    }

    fn placements(n: u64) -> Vec<Placement> {
        (0..n).map(|p| Placement::new(p, Date::constant(2014, 3, 1), None).unwrap()).collect()
    }

    #[test]
    fn an_empty_cohort_is_an_error_not_a_met_share() {
        let share = Rate::from_percent(Decimal::from(20)).unwrap();
        let err = rule(GroupThreshold::ShareOfCohort(share)).assess(&[], 0).unwrap_err();
        assert!(matches!(err, OutcomeError::ZeroCount { .. }), "{err}");
    }

    #[test]
    fn a_share_is_compared_exactly_not_after_rounding_the_product() {
        // share × 1003 is 1000 plus 2.77e-26: rounding it to 28 digits
        // would make 1,000 qualifying enough.
        let share: Decimal = "0.9970089730807577268195413759".parse().unwrap();
        let rule = rule(GroupThreshold::ShareOfCohort(Rate::from_fraction(share)));
        assert!(!rule.assess(&placements(1_000), 1_003).unwrap().met);
        assert!(rule.assess(&placements(1_001), 1_003).unwrap().met);
    }
}
