//! Cohorts measured against a matched comparison group (Peterborough):
//! exact reductions, a per-cohort trigger and a pooled fallback.

use std::fmt;

use rust_decimal::Decimal;

use super::ratio::Ratio;
use super::{CohortId, EventCounts, OutcomeError, RuleId};
use crate::{Currency, Date, Money, Rate};

/// The matched comparison group's outcome: its events and size, or a
/// published rate (events per `per` people).
///
/// ```
/// use integration_outcomes::outcomes::Comparison;
/// let per_hundred = Comparison::rate("155".parse()?, 100)?; // 155 reconviction events per 100
/// let group = Comparison::group(15_500, 10_000)?;
/// assert_eq!(per_hundred.to_string(), "155 events per 100");
/// assert!(Comparison::group(1, 0).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "ComparisonRepr", into = "ComparisonRepr")]
pub struct Comparison {
    repr: ComparisonRepr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum ComparisonRepr {
    Group {
        events: u64,
        size: u64,
    },
    Rate {
        #[serde(with = "crate::money::exact::decimal_str")]
        events: Decimal,
        per: u64,
    },
}

impl Comparison {
    /// A comparison group of `size` people with `events` outcome events.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::ZeroCount`] if `size` is zero.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::Comparison;
    /// let group = Comparison::group(15_500, 10_000)?;
    /// assert_eq!(group.to_string(), "15500 events in 10000");
    /// assert!(Comparison::group(1, 0).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn group(events: u64, size: u64) -> Result<Comparison, OutcomeError> {
        Comparison::try_from(ComparisonRepr::Group { events, size })
    }

    /// A comparison rate: `events` per `per` people (155 per 100).
    ///
    /// # Errors
    ///
    /// [`OutcomeError::ZeroCount`] if `per` is zero;
    /// [`OutcomeError::InvalidMeasurement`] if `events` is negative.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::Comparison;
    /// let per_100 = Comparison::rate("155".parse()?, 100)?;
    /// assert_eq!(per_100.to_string(), "155 events per 100");
    /// assert!(Comparison::rate("-1".parse()?, 100).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rate(events: Decimal, per: u64) -> Result<Comparison, OutcomeError> {
        Comparison::try_from(ComparisonRepr::Rate { events, per })
    }

    /// A comparison group from one event count per person (a national
    /// comparison group of 10,000,000 records, say).
    ///
    /// # Errors
    ///
    /// [`OutcomeError::ZeroCount`] for no records; [`OutcomeError::Overflow`]
    /// if the count does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::Comparison;
    /// let comparison = Comparison::from_event_counts(&[0, 2, 1, 3])?;
    /// assert_eq!(comparison, Comparison::group(6, 4)?);
    /// assert!(Comparison::from_event_counts(&[]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_event_counts(counts: &[u32]) -> Result<Comparison, OutcomeError> {
        EventCounts::from_slice(counts)?.comparison()
    }

    /// Events per person as an exact fraction.
    fn per_person(&self) -> Result<Ratio, OutcomeError> {
        let overflow = || OutcomeError::Overflow { operation: "comparison rate" };
        match self.repr {
            ComparisonRepr::Group { events, size } => {
                Ratio::new(i128::from(events), i128::from(size)).ok_or_else(overflow)
            }
            ComparisonRepr::Rate { events, per } => {
                Ratio::from_decimal(events).checked_div(Ratio::from_int(i128::from(per)))
            }
        }
    }
}

impl TryFrom<ComparisonRepr> for Comparison {
    type Error = OutcomeError;
    fn try_from(repr: ComparisonRepr) -> Result<Self, Self::Error> {
        match repr {
            ComparisonRepr::Group { size: 0, .. } | ComparisonRepr::Rate { per: 0, .. } => {
                Err(OutcomeError::ZeroCount { what: "comparison group size".to_owned() })
            }
            ComparisonRepr::Rate { events, .. }
                if events.is_sign_negative() && !events.is_zero() =>
            {
                Err(OutcomeError::InvalidMeasurement {
                    item: format!("comparison rate of {events} events"),
                    reason: "events are negative",
                })
            }
            _ => Ok(Comparison { repr }),
        }
    }
}

impl From<Comparison> for ComparisonRepr {
    fn from(c: Comparison) -> Self {
        c.repr
    }
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.repr {
            ComparisonRepr::Group { events, size } => write!(f, "{events} events in {size}"),
            ComparisonRepr::Rate { events, per } => {
                write!(f, "{} events per {per}", events.normalize())
            }
        }
    }
}

/// Whether a cohort has been measured.
///
/// ```
/// use integration_outcomes::outcomes::CohortStatus;
/// assert_ne!(CohortStatus::Measured, CohortStatus::Cancelled);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CohortStatus {
    /// Run and measured: counts towards its trigger and the fallback.
    Measured,
    /// Running or awaiting measurement: the fallback waits for it.
    Pending,
    /// Cancelled (Peterborough's third cohort): excluded from everything.
    Cancelled,
}

/// A cohort's size and outcome events, its matched comparison and status.
///
/// ```
/// use integration_outcomes::outcomes::{Cohort, CohortStatus, Comparison};
/// // Peterborough cohort 1 (announced 7 August 2014): 142 vs 155 reconviction events per 100.
/// let c1 = Cohort::new("cohort_1", 100, 142, Comparison::rate("155".parse()?, 100)?, "2014-08-07".parse()?)?;
/// assert_eq!(c1.reduction()?.map(|r| r.to_string()).as_deref().map(|s| &s[..7]), Some("8.38709"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CohortRepr", into = "CohortRepr")]
pub struct Cohort {
    id: CohortId,
    size: u64,
    events: u64,
    comparison: Comparison,
    measured_on: Date,
    status: CohortStatus,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CohortRepr {
    id: String,
    size: u64,
    events: u64,
    comparison: Comparison,
    #[serde(with = "crate::civil_date")]
    measured_on: Date,
    #[serde(default = "measured")]
    status: CohortStatus,
}

fn measured() -> CohortStatus {
    CohortStatus::Measured
}

impl Cohort {
    /// A measured cohort of `size` people with `events` outcome events,
    /// against `comparison`, measured (or due to be) on `measured_on`.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidId`]; [`OutcomeError::ZeroCount`] if `size` is zero.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Cohort, Comparison};
    /// let per_100 = Comparison::rate("155".parse()?, 100)?;
    /// let c1 = Cohort::new("cohort_1", 1_000, 1_395, per_100, "2014-08-07".parse()?)?;
    /// assert_eq!((c1.size(), c1.events()), (1_000, 1_395));
    /// assert!(Cohort::new("empty", 0, 0, per_100, "2014-08-07".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        size: u64,
        events: u64,
        comparison: Comparison,
        measured_on: Date,
    ) -> Result<Cohort, OutcomeError> {
        let id = CohortId::new(id)?;
        if size == 0 {
            return Err(OutcomeError::ZeroCount { what: format!("size of cohort {id}") });
        }
        Ok(Cohort { id, size, events, comparison, measured_on, status: CohortStatus::Measured })
    }

    /// A cohort from one event count per person.
    ///
    /// # Errors
    ///
    /// As for [`Cohort::new`]; [`OutcomeError::Overflow`] if the sum does not fit.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Cohort, Comparison};
    /// let c = Cohort::from_event_counts("c", &[0, 2, 1, 0], Comparison::group(6, 4)?, "2014-01-01".parse()?)?;
    /// assert_eq!((c.size(), c.events()), (4, 3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_event_counts(
        id: impl Into<String>,
        counts: &[u32],
        comparison: Comparison,
        measured_on: Date,
    ) -> Result<Cohort, OutcomeError> {
        EventCounts::from_slice(counts)?.cohort(id, comparison, measured_on)
    }

    /// Sets the status (pending, cancelled).
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Cohort, Comparison};
    /// let per_100 = Comparison::rate("155".parse()?, 100)?;
    /// let c1 = Cohort::new("cohort_1", 1_000, 1_395, per_100, "2014-08-07".parse()?)?;
    /// use integration_outcomes::outcomes::CohortStatus;
    /// let c2 = c1.with_status(CohortStatus::Pending);
    /// assert_eq!(c2.status(), CohortStatus::Pending);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_status(mut self, status: CohortStatus) -> Cohort {
        self.status = status;
        self
    }

    /// The cohort's id.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Cohort, Comparison};
    /// let per_100 = Comparison::rate("155".parse()?, 100)?;
    /// let c1 = Cohort::new("cohort_1", 1_000, 1_395, per_100, "2014-08-07".parse()?)?;
    /// assert_eq!(c1.id().as_str(), "cohort_1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &CohortId {
        &self.id
    }
    /// People in the cohort.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Cohort, Comparison};
    /// let per_100 = Comparison::rate("155".parse()?, 100)?;
    /// let c1 = Cohort::new("cohort_1", 1_000, 1_395, per_100, "2014-08-07".parse()?)?;
    /// assert_eq!(c1.size(), 1_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn size(&self) -> u64 {
        self.size
    }
    /// Outcome events (reconviction events) in the cohort.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Cohort, Comparison};
    /// let per_100 = Comparison::rate("155".parse()?, 100)?;
    /// let c1 = Cohort::new("cohort_1", 1_000, 1_395, per_100, "2014-08-07".parse()?)?;
    /// assert_eq!(c1.events(), 1_395);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn events(&self) -> u64 {
        self.events
    }
    /// The matched comparison.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Cohort, Comparison};
    /// let per_100 = Comparison::rate("155".parse()?, 100)?;
    /// let c1 = Cohort::new("cohort_1", 1_000, 1_395, per_100, "2014-08-07".parse()?)?;
    /// assert_eq!(c1.comparison(), per_100);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn comparison(&self) -> Comparison {
        self.comparison
    }
    /// Measurement date.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Cohort, Comparison};
    /// let per_100 = Comparison::rate("155".parse()?, 100)?;
    /// let c1 = Cohort::new("cohort_1", 1_000, 1_395, per_100, "2014-08-07".parse()?)?;
    /// assert_eq!(c1.measured_on().to_string(), "2014-08-07");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn measured_on(&self) -> Date {
        self.measured_on
    }
    /// Status.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Cohort, Comparison};
    /// let per_100 = Comparison::rate("155".parse()?, 100)?;
    /// let c1 = Cohort::new("cohort_1", 1_000, 1_395, per_100, "2014-08-07".parse()?)?;
    /// use integration_outcomes::outcomes::CohortStatus;
    /// assert_eq!(c1.status(), CohortStatus::Measured); // the default
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn status(&self) -> CohortStatus {
        self.status
    }

    /// Events expected had the cohort matched the comparison, and events
    /// observed, as exact fractions.
    fn expected_and_observed(&self) -> Result<(Ratio, Ratio), OutcomeError> {
        let expected =
            self.comparison.per_person()?.checked_mul(Ratio::from_int(i128::from(self.size)))?;
        Ok((expected, Ratio::from_int(i128::from(self.events))))
    }

    /// The exact reduction `(expected − observed) / expected`; `None` when
    /// the comparison rate is zero.
    pub(crate) fn exact_reduction(&self) -> Result<Option<Ratio>, OutcomeError> {
        let (expected, observed) = self.expected_and_observed()?;
        if expected.is_zero() {
            return Ok(None);
        }
        expected.checked_sub(observed)?.checked_div(expected).map(Some)
    }

    /// The reduction in events against the comparison, `(expected −
    /// observed) / expected`, for display (decisions never use it); `None`
    /// when the comparison rate is zero.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] for counts too large to compare exactly.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Cohort, Comparison};
    /// let per_100 = Comparison::rate("155".parse()?, 100)?;
    /// let c1 = Cohort::new("cohort_1", 1_000, 1_395, per_100, "2014-08-07".parse()?)?;
    /// // 1,395 events against 1,550 expected: exactly 10% fewer.
    /// assert_eq!(c1.reduction()?.map(|r| r.to_string()), Some("10%".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reduction(&self) -> Result<Option<Rate>, OutcomeError> {
        match self.exact_reduction()? {
            Some(r) => Ok(Some(Rate::from_fraction(r.to_decimal()?))),
            None => Ok(None),
        }
    }
}

impl TryFrom<CohortRepr> for Cohort {
    type Error = OutcomeError;
    fn try_from(r: CohortRepr) -> Result<Self, Self::Error> {
        Ok(Cohort::new(r.id, r.size, r.events, r.comparison, r.measured_on)?.with_status(r.status))
    }
}

impl From<Cohort> for CohortRepr {
    fn from(c: Cohort) -> Self {
        CohortRepr {
            id: c.id.into(),
            size: c.size,
            events: c.events,
            comparison: c.comparison,
            measured_on: c.measured_on,
            status: c.status,
        }
    }
}

/// How the fallback pools the cohorts actually run.
///
/// ```
/// use integration_outcomes::outcomes::PoolingRule;
/// assert_ne!(PoolingRule::PooledEvents, PoolingRule::MeanOfCohortReductions);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PoolingRule {
    /// `(Σ expected − Σ observed) / Σ expected` over the cohorts run.
    PooledEvents,
    /// The unweighted mean of each cohort's reduction ("an average
    /// reduction ... of at least 7.5%").
    MeanOfCohortReductions,
}

impl fmt::Display for PoolingRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PoolingRule::PooledEvents => "pooled events",
            PoolingRule::MeanOfCohortReductions => "mean of cohort reductions",
        })
    }
}

/// A cohort-versus-comparison payment rule (Peterborough): each cohort whose
/// reduction reaches the per-cohort trigger is paid for the events it
/// avoided; once no cohort is pending, a fallback over the cohorts actually
/// run (cancelled ones excluded) pays, if the pooled reduction reaches its
/// trigger, for all events avoided less what the cohort triggers already paid.
///
/// Thresholds are inclusive and decided exactly: `reduction ≥ t` is tested as
/// `(expected − observed) × q ≥ p × expected` with `t = p / q`, in integers.
/// A comparison rate of zero gives no payment (see `DESIGN.md`).
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{CohortRule, PoolingRule};
/// use integration_outcomes::{Currency, Money};
/// let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents,
///     Money::from_major(1_000, Currency::GBP))?; // illustrative price per event avoided
/// assert_eq!(rule.cohort_trigger().to_string(), "10%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CohortRuleRepr", into = "CohortRuleRepr")]
pub struct CohortRule {
    id: RuleId,
    cohort_trigger: Rate,
    fallback_trigger: Rate,
    pooling: PoolingRule,
    price_per_event: Money,
    cap: Option<Money>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CohortRuleRepr {
    id: String,
    cohort_trigger: Rate,
    fallback_trigger: Rate,
    pooling: PoolingRule,
    price_per_event: Money,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cap: Option<Money>,
}

fn check_threshold(item: &RuleId, t: Rate) -> Result<(), OutcomeError> {
    if t.is_negative() || t > Rate::ONE {
        return Err(OutcomeError::InvalidThreshold {
            item: format!("rule {item}"),
            reason: "a reduction threshold must lie within 0%..=100%",
        });
    }
    Ok(())
}

/// One cohort's assessment (or the fallback's), before caps and rounding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CohortAssessment {
    pub(crate) subject: Option<CohortId>,
    pub(crate) date: Date,
    pub(crate) size: u64,
    pub(crate) events: u64,
    pub(crate) reduction: Option<Rate>,
    pub(crate) events_avoided: Decimal,
    pub(crate) threshold: Rate,
    pub(crate) outcome: Result<Decimal, super::RejectionReason>,
    pub(crate) already_paid: Decimal,
    pub(crate) cohorts_pooled: usize,
}

impl CohortRule {
    /// A rule with a per-cohort trigger, a fallback trigger and pooling
    /// rule, and a price per event avoided.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidId`]; [`OutcomeError::InvalidThreshold`] for a
    /// trigger outside 0%..=100%; [`OutcomeError::NegativeAmount`] for a
    /// negative price.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{CohortRule, PoolingRule};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// assert_eq!(rule.cap(), None);
    /// assert!(CohortRule::new("r", "110%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        cohort_trigger: Rate,
        fallback_trigger: Rate,
        pooling: PoolingRule,
        price_per_event: Money,
    ) -> Result<CohortRule, OutcomeError> {
        let id = RuleId::new(id)?;
        check_threshold(&id, cohort_trigger)?;
        check_threshold(&id, fallback_trigger)?;
        if price_per_event.is_negative() {
            return Err(OutcomeError::NegativeAmount {
                what: format!("price per event avoided in rule {id}"),
                amount: price_per_event,
            });
        }
        Ok(CohortRule { id, cohort_trigger, fallback_trigger, pooling, price_per_event, cap: None })
    }

    /// Caps the rule's total payment.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::NegativeAmount`] or [`OutcomeError::MixedCurrency`].
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{CohortRule, PoolingRule};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?
    ///     .with_cap(gbp(8_000_000))?;
    /// assert_eq!(rule.cap(), Some(gbp(8_000_000)));
    /// assert!(rule.with_cap(gbp(-1)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_cap(mut self, cap: Money) -> Result<CohortRule, OutcomeError> {
        check_amount(|| format!("cap of rule {}", self.id), cap, self.price_per_event.currency())?;
        self.cap = Some(cap);
        Ok(self)
    }

    /// The rule's id.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{CohortRule, PoolingRule};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?
    ///     .with_cap(gbp(8_000_000))?;
    /// assert_eq!(rule.id().as_str(), "reconviction");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &RuleId {
        &self.id
    }
    /// The per-cohort trigger.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{CohortRule, PoolingRule};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?
    ///     .with_cap(gbp(8_000_000))?;
    /// assert_eq!(rule.cohort_trigger().to_string(), "10%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn cohort_trigger(&self) -> Rate {
        self.cohort_trigger
    }
    /// The fallback trigger.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{CohortRule, PoolingRule};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?
    ///     .with_cap(gbp(8_000_000))?;
    /// assert_eq!(rule.fallback_trigger().to_string(), "7.5%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn fallback_trigger(&self) -> Rate {
        self.fallback_trigger
    }
    /// The pooling rule.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{CohortRule, PoolingRule};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?
    ///     .with_cap(gbp(8_000_000))?;
    /// assert_eq!(rule.pooling(), PoolingRule::PooledEvents);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn pooling(&self) -> PoolingRule {
        self.pooling
    }
    /// The price per event avoided.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{CohortRule, PoolingRule};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?
    ///     .with_cap(gbp(8_000_000))?;
    /// assert_eq!(rule.price_per_event(), gbp(1_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn price_per_event(&self) -> Money {
        self.price_per_event
    }
    /// The cap on the rule's total.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{CohortRule, PoolingRule};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?
    ///     .with_cap(gbp(8_000_000))?;
    /// assert_eq!(rule.cap(), Some(gbp(8_000_000)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn cap(&self) -> Option<Money> {
        self.cap
    }
    /// The currency.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{CohortRule, PoolingRule};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?
    ///     .with_cap(gbp(8_000_000))?;
    /// assert_eq!(rule.currency(), Currency::GBP);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn currency(&self) -> Currency {
        self.price_per_event.currency()
    }

    /// Decides every cohort and the fallback, before caps and rounding.
    pub(crate) fn assess(&self, cohorts: &[Cohort]) -> Result<Vec<CohortAssessment>, OutcomeError> {
        let price = Ratio::from_decimal(self.price_per_event.amount());
        let cohort_t = Ratio::from_rate(self.cohort_trigger);
        let mut out = Vec::with_capacity(cohorts.len() + 1);
        let mut ids = std::collections::HashSet::new();
        let mut run: Vec<(Ratio, Ratio)> = Vec::new();
        let mut paid_by_triggers = Ratio::ZERO;
        let mut pending = false;
        let mut last_date: Option<Date> = None;
        let mut order: Vec<&Cohort> = cohorts.iter().collect();
        order.sort_by_key(|c| c.measured_on);
        for c in order {
            if !ids.insert(c.id.clone()) {
                return Err(OutcomeError::Duplicate { kind: "cohort", id: c.id.to_string() });
            }
            if c.id.as_str() == FALLBACK_LABEL {
                // Statement totals by outcome list the fallback under this
                // label: a cohort of the same name would merge with it.
                return Err(OutcomeError::InvalidId {
                    kind: "cohort",
                    id: c.id.to_string(),
                    reason: "is the label of the all-cohorts fallback",
                });
            }
            let mut a = CohortAssessment {
                subject: Some(c.id.clone()),
                date: c.measured_on,
                size: c.size,
                events: c.events,
                reduction: None,
                events_avoided: Decimal::ZERO,
                threshold: self.cohort_trigger,
                outcome: Err(super::RejectionReason::CohortCancelled),
                already_paid: Decimal::ZERO,
                cohorts_pooled: 0,
            };
            match c.status {
                CohortStatus::Cancelled => {}
                CohortStatus::Pending => {
                    pending = true;
                    last_date = Some(last_date.map_or(c.measured_on, |d| d.max(c.measured_on)));
                    a.outcome = Err(super::RejectionReason::CohortPending);
                }
                CohortStatus::Measured => {
                    last_date = Some(last_date.map_or(c.measured_on, |d| d.max(c.measured_on)));
                    let (expected, observed) = c.expected_and_observed()?;
                    run.push((expected, observed));
                    let avoided = expected.checked_sub(observed)?;
                    a.events_avoided = avoided.to_decimal()?;
                    a.reduction = c.reduction()?;
                    a.outcome = if expected.is_zero() {
                        Err(super::RejectionReason::ComparisonRateZero)
                    } else if reaches(avoided, expected, cohort_t)? {
                        let amount = avoided.checked_mul(price)?;
                        paid_by_triggers = paid_by_triggers.checked_add(amount)?;
                        Ok(amount.to_decimal()?)
                    } else {
                        Err(super::RejectionReason::BelowThreshold)
                    };
                }
            }
            out.push(a);
        }
        if let (Some(date), false) = (last_date, run.is_empty()) {
            out.push(self.fallback(&run, pending, date, price, paid_by_triggers)?);
        }
        Ok(out)
    }

    fn fallback(
        &self,
        run: &[(Ratio, Ratio)],
        pending: bool,
        date: Date,
        price: Ratio,
        paid: Ratio,
    ) -> Result<CohortAssessment, OutcomeError> {
        let t = Ratio::from_rate(self.fallback_trigger);
        let mut expected = Ratio::ZERO;
        let mut observed = Ratio::ZERO;
        for (e, o) in run {
            expected = expected.checked_add(*e)?;
            observed = observed.checked_add(*o)?;
        }
        let avoided = expected.checked_sub(observed)?;
        let zero_rate = run.iter().any(|(e, _)| e.is_zero());
        // The pooled reduction as (numerator, denominator) for the decision.
        let (num, den) = match self.pooling {
            PoolingRule::PooledEvents => (avoided, expected),
            PoolingRule::MeanOfCohortReductions => {
                let mut sum = Ratio::ZERO;
                for (e, o) in run.iter().filter(|(e, _)| !e.is_zero()) {
                    sum = sum.checked_add(e.checked_sub(*o)?.checked_div(*e)?)?;
                }
                let n = i128::try_from(run.len())
                    .map_err(|_| OutcomeError::Overflow { operation: "cohort count" })?;
                (sum, Ratio::from_int(n))
            }
        };
        let reduction = if den.is_zero() {
            None
        } else {
            Some(Rate::from_fraction(num.checked_div(den)?.to_decimal()?))
        };
        let outcome = if pending {
            Err(super::RejectionReason::FallbackNotYetDue)
        } else if zero_rate || den.is_zero() {
            Err(super::RejectionReason::ComparisonRateZero)
        } else if !reaches(num, den, t)? {
            Err(super::RejectionReason::BelowThreshold)
        } else {
            let owed = avoided.checked_mul(price)?.checked_sub(paid)?;
            if owed > Ratio::ZERO {
                Ok(owed.to_decimal()?)
            } else {
                Err(super::RejectionReason::NothingLeftToPay)
            }
        };
        Ok(CohortAssessment {
            subject: None,
            date,
            size: 0,
            events: 0,
            reduction,
            events_avoided: avoided.to_decimal()?,
            threshold: self.fallback_trigger,
            outcome,
            already_paid: paid.to_decimal()?,
            cohorts_pooled: run.len(),
        })
    }
}

/// `num / den ≥ t`, by cross-multiplication (`den > 0`).
fn reaches(num: Ratio, den: Ratio, t: Ratio) -> Result<bool, OutcomeError> {
    Ok(num >= t.checked_mul(den)?)
}

/// The label statements give the all-cohorts fallback in totals by
/// outcome; no cohort may have it as its id.
pub(crate) const FALLBACK_LABEL: &str = "fallback";

/// Checks that an amount a rule or contract declares (`what`, such as "cap
/// of rule r") is in `currency` and not negative.
pub(crate) fn check_amount(
    what: impl Fn() -> String,
    amount: Money,
    currency: Currency,
) -> Result<(), OutcomeError> {
    if amount.currency() != currency {
        return Err(OutcomeError::MixedCurrency {
            item: what(),
            expected: currency,
            found: amount.currency(),
        });
    }
    if amount.is_negative() {
        return Err(OutcomeError::NegativeAmount { what: what(), amount });
    }
    Ok(())
}

impl TryFrom<CohortRuleRepr> for CohortRule {
    type Error = OutcomeError;
    fn try_from(r: CohortRuleRepr) -> Result<Self, Self::Error> {
        let rule = CohortRule::new(
            r.id,
            r.cohort_trigger,
            r.fallback_trigger,
            r.pooling,
            r.price_per_event,
        )?;
        match r.cap {
            Some(cap) => rule.with_cap(cap),
            None => Ok(rule),
        }
    }
}

impl From<CohortRule> for CohortRuleRepr {
    fn from(r: CohortRule) -> Self {
        CohortRuleRepr {
            id: r.id.into(),
            cohort_trigger: r.cohort_trigger,
            fallback_trigger: r.fallback_trigger,
            pooling: r.pooling,
            price_per_event: r.price_per_event,
            cap: r.cap,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule() -> CohortRule {
        CohortRule::new(
            "r",
            "10%".parse().unwrap(),
            "7.5%".parse().unwrap(),
            PoolingRule::PooledEvents,
            Money::from_major(1, Currency::GBP),
        )
        .unwrap()
    }

    #[test]
    fn a_comparison_rate_is_read_exactly_from_json() {
        let rate = |events: &str| format!(r#"{{"rate":{{"events":"{events}","per":100}}}}"#);
        let c: Comparison = serde_json::from_str(&rate("155.5")).unwrap();
        assert_eq!(c, Comparison::rate("155.5".parse().unwrap(), 100).unwrap());
        for bad in ["1e3", "0.12345678901234567890123456789"] {
            assert!(serde_json::from_str::<Comparison>(&rate(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn sums_counts() {
        let c = Comparison::from_event_counts(&[u32::MAX, u32::MAX, 2]).unwrap();
        assert_eq!(c, Comparison::group(2 * u64::from(u32::MAX) + 2, 3).unwrap());
        assert!(Comparison::from_event_counts(&[]).is_err());
    }

    #[test]
    fn zero_comparison_rate_pays_nothing() {
        let c = Cohort::new(
            "c",
            10,
            0,
            Comparison::group(0, 10).unwrap(),
            "2014-01-01".parse().unwrap(),
        )
        .unwrap();
        let a = rule().assess(&[c]).unwrap();
        assert_eq!(a[0].outcome, Err(super::super::RejectionReason::ComparisonRateZero));
        assert_eq!(a[1].outcome, Err(super::super::RejectionReason::ComparisonRateZero));
    }

    #[test]
    fn validation() {
        assert!(
            CohortRule::new(
                "r",
                "110%".parse().unwrap(),
                "7.5%".parse().unwrap(),
                PoolingRule::PooledEvents,
                Money::from_major(1, Currency::GBP)
            )
            .is_err()
        );
        assert!(
            Cohort::new("c", 0, 0, Comparison::group(1, 1).unwrap(), "2014-01-01".parse().unwrap())
                .is_err()
        );
        assert!(Comparison::rate("-1".parse().unwrap(), 100).is_err());
        assert!(rule().with_cap(Money::from_major(1, Currency::EUR)).is_err());
    }
}
