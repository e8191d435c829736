//! Settling a contract into a statement: every decision with its rule,
//! inputs and amount; caps, rounding and payer splits; totals.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;

use super::cohort::CohortAssessment;
use super::rate_card_rule::Granularity;
use super::ratio::Ratio;
use super::{
    BandMode, CapKind, CohortId, Comparison, Contract, Decision, Detail, Evidence, GroupThreshold,
    OutcomeError, OutcomeId, ParticipantId, PayerId, Period, Periodicity, PoolingRule,
    RateCardSettlement, RejectionReason, Rule, RuleEvidence, RuleId, SpellLength,
};
use crate::money::exact;
use crate::{Currency, Date, Money, Rate, RoundingPolicy, RoundingStage, RoundingStrategy};

/// What a statement line is about.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
/// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
/// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
/// let contract = Contract::new("essex", Currency::GBP,
///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
///     vec![rule.into()])?;
/// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
/// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
/// use integration_outcomes::outcomes::Subject;
/// assert_eq!(statement.lines()[0].subject(), &Subject::Measurement);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Subject {
    /// A participant's claim for an outcome.
    Claim {
        /// The participant.
        participant: ParticipantId,
        /// The outcome.
        outcome: OutcomeId,
    },
    /// One cohort.
    Cohort(CohortId),
    /// The fallback over all cohorts run.
    AllCohorts,
    /// The whole group (a group threshold).
    Group,
    /// A measurement (baseline or banded).
    Measurement,
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Claim { participant, outcome } => {
                write!(f, "participant {participant}: {outcome}")
            }
            Subject::Cohort(c) => write!(f, "{c}"),
            Subject::AllCohorts => f.write_str("all cohorts run"),
            Subject::Group => f.write_str("group"),
            Subject::Measurement => f.write_str("measurement"),
        }
    }
}

/// The inputs a decision was made from.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
/// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
/// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
/// let contract = Contract::new("essex", Currency::GBP,
///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
///     vec![rule.into()])?;
/// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
/// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
/// assert_eq!(statement.lines()[0].inputs().to_string(),
///     "108 of 1000 units vs baseline 55%: 442 units avoided at GBP 100.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LineInputs {
    /// A rate-card claim at the contract price.
    Claim {
        /// The contract price.
        price: Money,
    },
    /// A cohort against its comparison.
    Cohort {
        /// People in the cohort.
        size: u64,
        /// Events in the cohort.
        events: u64,
        /// The comparison.
        comparison: Comparison,
        /// The reduction (display only; `None` for a zero comparison rate).
        reduction: Option<Rate>,
        /// Events avoided (expected − observed).
        events_avoided: Decimal,
        /// The trigger.
        threshold: Rate,
        /// Price per event avoided.
        price: Money,
    },
    /// A cohort that was cancelled or is still pending: nothing measured.
    NotMeasured {
        /// Cancelled or pending.
        status: super::CohortStatus,
    },
    /// The fallback over all cohorts run.
    Fallback {
        /// Cohorts pooled (cancelled and pending excluded).
        cohorts: usize,
        /// How they were pooled.
        pooling: PoolingRule,
        /// The pooled reduction (display only).
        reduction: Option<Rate>,
        /// Events avoided over the cohorts run.
        events_avoided: Decimal,
        /// The fallback trigger.
        threshold: Rate,
        /// Already paid by cohort triggers.
        already_paid: Money,
        /// Price per event avoided.
        price: Money,
    },
    /// A group threshold.
    Group {
        /// Participants placed.
        placed: u64,
        /// Participants whose placement qualified.
        qualifying: u64,
        /// The cohort size.
        cohort_size: u64,
        /// The threshold.
        threshold: GroupThreshold,
        /// The qualifying spell.
        spell: SpellLength,
        /// The fixed payment.
        payment: Money,
    },
    /// A baseline measurement.
    Baseline {
        /// Total units (child days).
        total_units: u64,
        /// Units in the costly state (care days).
        actual_units: u64,
        /// The baseline proportion.
        baseline: Rate,
        /// Units avoided.
        units_avoided: Decimal,
        /// Price per unit.
        price: Money,
    },
    /// A banded schedule measurement.
    Band {
        /// The reduction (display only).
        reduction: Option<Rate>,
        /// The threshold of the band reached, if any.
        band: Option<Rate>,
        /// Stepped or interpolated.
        mode: BandMode,
    },
}

fn pct(r: Option<Rate>) -> String {
    r.map_or_else(
        || "undefined".to_owned(),
        // A rate too large for a percentage `Decimal` prints in full.
        |r| match r.as_percent() {
            Ok(p) => format!("{}%", RoundingStrategy::MidpointAwayFromZero.round(p, 2)),
            Err(_) => r.to_string(),
        },
    )
}

fn num(d: Decimal) -> String {
    d.normalize().to_string()
}

impl fmt::Display for LineInputs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineInputs::Claim { price } => write!(f, "price {price}"),
            LineInputs::Cohort {
                size,
                events,
                comparison,
                reduction,
                events_avoided,
                threshold,
                price,
            } => write!(
                f,
                "{events} events in {size} vs {comparison}: reduction {} (trigger {threshold}), {} events avoided at {price}",
                pct(*reduction),
                num(*events_avoided)
            ),
            LineInputs::NotMeasured { status } => match status {
                super::CohortStatus::Cancelled => {
                    f.write_str("cancelled: excluded from every trigger")
                }
                super::CohortStatus::Pending => f.write_str("not yet measured"),
                super::CohortStatus::Measured => f.write_str("measured"),
            },
            LineInputs::Fallback {
                cohorts,
                pooling,
                reduction,
                events_avoided,
                threshold,
                already_paid,
                price,
            } => write!(
                f,
                "{cohorts} cohorts, {pooling}: reduction {} (trigger {threshold}), {} events avoided at {price}, less {already_paid} already paid",
                pct(*reduction),
                num(*events_avoided)
            ),
            LineInputs::Group { placed, qualifying, cohort_size, threshold, spell, payment } => {
                write!(
                    f,
                    "{qualifying} of {placed} placed (cohort {cohort_size}) lasted {spell}; needs {threshold}; pays {payment}"
                )
            }
            LineInputs::Baseline { total_units, actual_units, baseline, units_avoided, price } => {
                write!(
                    f,
                    "{actual_units} of {total_units} units vs baseline {baseline}: {} units avoided at {price}",
                    num(*units_avoided)
                )
            }
            LineInputs::Band { reduction, band, mode } => {
                let mode = match mode {
                    BandMode::Stepped => "stepped",
                    BandMode::Interpolated => "interpolated",
                };
                match band {
                    Some(b) => {
                        write!(f, "reduction {} reaches the {b} band ({mode})", pct(*reduction))
                    }
                    None => write!(f, "reduction {} reaches no band ({mode})", pct(*reduction)),
                }
            }
        }
    }
}

/// One decision in a statement: a claim, a cohort, the fallback, a group
/// or a measurement.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
/// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
/// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
/// let contract = Contract::new("essex", Currency::GBP,
///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
///     vec![rule.into()])?;
/// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
/// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
/// use integration_outcomes::outcomes::Decision;
/// let line = &statement.lines()[0];
/// assert_eq!(line.decision(), Decision::Paid);
/// assert_eq!(line.amount(), Money::from_major(44_200, Currency::GBP));
/// assert_eq!(line.period().to_string(), "2016-Q1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StatementLine {
    rule: RuleId,
    date: Date,
    period: Period,
    subject: Subject,
    inputs: LineInputs,
    decision: Decision,
    exact: Money,
    amount: Money,
}

impl StatementLine {
    /// The rule.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let line = &statement.lines()[0];
    /// assert_eq!(line.rule().as_str(), "care_days");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rule(&self) -> &RuleId {
        &self.rule
    }
    /// The date of the claim or measurement.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let line = &statement.lines()[0];
    /// assert_eq!(line.date().to_string(), "2016-03-31");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn date(&self) -> Date {
        self.date
    }
    /// The reporting period.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let line = &statement.lines()[0];
    /// assert_eq!(line.period().to_string(), "2016-Q1"); // quarterly by default
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn period(&self) -> Period {
        self.period
    }
    /// What the line is about.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::Subject;
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let line = &statement.lines()[0];
    /// assert_eq!(line.subject(), &Subject::Measurement);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn subject(&self) -> &Subject {
        &self.subject
    }
    /// The inputs.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::LineInputs;
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let line = &statement.lines()[0];
    /// assert!(matches!(line.inputs(), LineInputs::Baseline { actual_units: 108, .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn inputs(&self) -> &LineInputs {
        &self.inputs
    }
    /// The decision.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::Decision;
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let line = &statement.lines()[0];
    /// assert_eq!(line.decision(), Decision::Paid);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn decision(&self) -> Decision {
        self.decision
    }
    /// The exact amount after caps, before rounding.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// // 55% of 1,001 days is 550.55: 442.55 days avoided at 10p is £44.255.
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_minor(10, Currency::GBP))?;
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::single("essex_cc".parse()?), vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_001, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let line = &statement.lines()[0];
    /// assert_eq!(line.exact().amount(), "44.255".parse::<rust_decimal::Decimal>()?);
    /// assert_eq!(line.amount(), Money::from_minor(4_425, Currency::GBP)); // rounded toward zero
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn exact(&self) -> Money {
        self.exact
    }
    /// The amount: rounded when the contract rounds per line, else exact.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let line = &statement.lines()[0];
    /// assert_eq!(line.amount(), Money::from_major(44_200, Currency::GBP)); // 442 days avoided at £100
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn amount(&self) -> Money {
        self.amount
    }
}

/// What one payer owes for one rule in one period: the unit of payment,
/// dated by its period (for cash flows).
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
/// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
/// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
/// let contract = Contract::new("essex", Currency::GBP,
///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
///     vec![rule.into()])?;
/// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
/// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
/// let top_up = &statement.payments()[1];
/// assert_eq!(top_up.payer().as_str(), "top_up_fund");
/// assert_eq!(top_up.amount(), Money::from_major(8_840, Currency::GBP));
/// assert_eq!(top_up.period().first_day().to_string(), "2016-01-01");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Payment {
    rule: RuleId,
    period: Period,
    payer: PayerId,
    amount: Money,
}

impl Payment {
    /// The rule.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let top_up = &statement.payments()[1];
    /// assert_eq!(top_up.rule().as_str(), "care_days");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rule(&self) -> &RuleId {
        &self.rule
    }
    /// The period it is for.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let top_up = &statement.payments()[1];
    /// assert_eq!(top_up.period().to_string(), "2016-Q1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn period(&self) -> Period {
        self.period
    }
    /// Who pays.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let top_up = &statement.payments()[1];
    /// assert_eq!(top_up.payer().as_str(), "top_up_fund");
    /// assert_eq!(statement.payments()[0].payer().as_str(), "essex_cc");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payer(&self) -> &PayerId {
        &self.payer
    }
    /// How much (rounded, whole minor units).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let top_up = &statement.payments()[1];
    /// assert_eq!(top_up.amount(), Money::from_major(8_840, Currency::GBP)); // 20% of £44,200
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn amount(&self) -> Money {
        self.amount
    }
}

/// A total for one outcome of one rule (a rate-card outcome, a cohort, the
/// fallback, or the rule itself).
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
/// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
/// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
/// let contract = Contract::new("essex", Currency::GBP,
///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
///     vec![rule.into()])?;
/// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
/// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
/// let t = &statement.totals_by_outcome()[0];
/// assert_eq!((t.rule().as_str(), t.outcome()), ("care_days", "units avoided"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OutcomeTotal {
    rule: RuleId,
    outcome: String,
    amount: Money,
}

impl OutcomeTotal {
    /// The rule.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let t = &statement.totals_by_outcome()[0];
    /// assert_eq!(t.rule().as_str(), "care_days");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rule(&self) -> &RuleId {
        &self.rule
    }
    /// The outcome, cohort or rule label.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let t = &statement.totals_by_outcome()[0];
    /// assert_eq!(t.outcome(), "units avoided");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn outcome(&self) -> &str {
        &self.outcome
    }
    /// The amount (sum of line amounts: rounded per line, or exact).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let t = &statement.totals_by_outcome()[0];
    /// assert_eq!(t.amount(), Money::from_major(44_200, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn amount(&self) -> Money {
        self.amount
    }
}

/// A settled contract: every decision, payments by payer and period, and
/// totals.
///
/// Amounts follow the contract's [`RoundingPolicy`]: with
/// [`RoundingStage::PerLine`] every line is rounded once after its caps and
/// everything else sums rounded lines; with [`RoundingStage::PerTotal`] lines
/// stay exact and each rule's total for each period (the amount invoiced) is
/// rounded once. Payments (one per rule, period and payer) are those rounded
/// totals split between payers with [`Money::allocate`]; totals by payer and
/// period and the grand total are sums of payments, so they agree exactly.
/// Totals by outcome are sums of line amounts (exact under `PerTotal`).
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
/// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
/// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
/// let contract = Contract::new("essex", Currency::GBP,
///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
///     vec![rule.into()])?;
/// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
/// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
/// assert_eq!(statement.total(), Money::from_major(44_200, Currency::GBP));
/// let by_payer: Vec<String> = statement.totals_by_payer().iter().map(|(p, m)| format!("{p} {m}")).collect();
/// assert_eq!(by_payer, ["essex_cc GBP 35,360.00", "top_up_fund GBP 8,840.00"]);
/// assert!(statement.to_string().ends_with("Total owed: GBP 44,200.00"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Statement {
    contract: super::ContractId,
    currency: Currency,
    rounding: RoundingPolicy,
    periodicity: Periodicity,
    detail: Detail,
    lines: Vec<StatementLine>,
    #[serde(skip)]
    rate_cards: Vec<RateCardSettlement>,
    by_rule: Vec<(RuleId, Money)>,
    by_outcome: Vec<OutcomeTotal>,
    by_period: Vec<(Period, Money)>,
    by_payer: Vec<(PayerId, Money)>,
    payments: Vec<Payment>,
    withheld: Vec<(CapKind, Money)>,
    total: Money,
}

impl Statement {
    /// The contract settled.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// assert_eq!(statement.contract().as_str(), "essex");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn contract(&self) -> &super::ContractId {
        &self.contract
    }
    /// The currency.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// assert_eq!(statement.currency(), Currency::GBP);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn currency(&self) -> Currency {
        self.currency
    }
    /// Every decision line, in (date, rule, ...) order. Rate-card claims are
    /// listed only when settled with [`Detail::Audit`].
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// assert_eq!(statement.lines().len(), 1); // one measurement
    /// assert!(statement.lines()[0].decision().is_accepted());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lines(&self) -> &[StatementLine] {
        &self.lines
    }
    /// Each rate-card rule's settlement (counts by outcome and rejection
    /// reason), before the contract cap.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule, RateCardTerms, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = [
    ///     rule.claim(7, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(7, "sustained_employment", "2013-09-02".parse()?)?,
    /// ];
    /// let contract = Contract::new("if", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::single("dwp".parse()?), vec![rule.into()])?;
    /// let nobody = Participants::none();
    /// let evidence = Evidence::new().with("if_round_1", RuleEvidence::Claims { claims: &claims, participants: &nobody });
    /// let statement = contract.settle(&evidence)?;
    /// let settlement = &statement.rate_card_settlements()[0];
    /// assert_eq!(settlement.rule().as_str(), "if_round_1");
    /// assert_eq!(settlement.claims(), 2);
    /// assert_eq!(settlement.total(), Money::from_major(3_600, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rate_card_settlements(&self) -> &[RateCardSettlement] {
        &self.rate_cards
    }
    /// Totals by rule, in contract order.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let (rule, total) = &statement.totals_by_rule()[0];
    /// assert_eq!((rule.as_str(), *total), ("care_days", Money::from_major(44_200, Currency::GBP)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn totals_by_rule(&self) -> &[(RuleId, Money)] {
        &self.by_rule
    }
    /// Totals by outcome.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let t = &statement.totals_by_outcome()[0];
    /// assert_eq!(t.outcome(), "units avoided");
    /// assert_eq!(t.amount(), Money::from_major(44_200, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn totals_by_outcome(&self) -> &[OutcomeTotal] {
        &self.by_outcome
    }
    /// Totals by period, in date order.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let (period, total) = &statement.totals_by_period()[0];
    /// assert_eq!(period.to_string(), "2016-Q1");
    /// assert_eq!(*total, statement.total());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn totals_by_period(&self) -> &[(Period, Money)] {
        &self.by_period
    }
    /// Totals by payer, in the order payers first appear.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// let by_payer = statement.totals_by_payer();
    /// assert_eq!(by_payer[0].0.as_str(), "essex_cc");
    /// assert_eq!(by_payer[0].1, Money::from_major(35_360, Currency::GBP)); // 80%
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn totals_by_payer(&self) -> &[(PayerId, Money)] {
        &self.by_payer
    }
    /// Payments by rule, period and payer.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// assert_eq!(statement.payments().len(), 2); // one rule, one period, two payers
    /// assert_eq!(statement.payments()[1].amount(), Money::from_major(8_840, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payments(&self) -> &[Payment] {
        &self.payments
    }
    /// Amounts withheld by each kind of cap (exact, before rounding).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{CapKind, BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?
    ///     .with_cap(Money::from_major(40_000, Currency::GBP))?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// assert_eq!(statement.withheld(), [(CapKind::ContractCap, Money::from_major(4_200, Currency::GBP))]);
    /// assert_eq!(statement.total(), Money::from_major(40_000, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn withheld(&self) -> &[(CapKind, Money)] {
        &self.withheld
    }
    /// The total owed.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule, Contract, Evidence, PayerShares, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?; // illustrative price
    /// let contract = Contract::new("essex", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::new(vec![("essex_cc".parse()?, "80%".parse()?), ("top_up_fund".parse()?, "20%".parse()?)])?,
    ///     vec![rule.into()])?;
    /// let m = [BaselineMeasurement::new("2016-03-31".parse()?, 1_000, 108)?];
    /// let statement = contract.settle(&Evidence::new().with("care_days", RuleEvidence::Baseline(&m)))?;
    /// assert_eq!(statement.total(), Money::from_major(44_200, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total(&self) -> Money {
        self.total
    }
}

impl fmt::Display for Statement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stage = match self.rounding.stage() {
            RoundingStage::PerLine => "per line",
            RoundingStage::PerTotal => "per rule and period",
        };
        writeln!(f, "Statement for contract {} ({})", self.contract, self.currency)?;
        let strategy = serde_json::to_value(self.rounding.strategy()).ok();
        let strategy =
            strategy.as_ref().and_then(serde_json::Value::as_str).unwrap_or("declared strategy");
        writeln!(
            f,
            "Rounding: {} decimal places, {}, {stage}",
            self.rounding.decimal_places(),
            strategy.replace('_', " ")
        )?;
        writeln!(f)?;
        for l in &self.lines {
            writeln!(f, "{} {} [{}] {}", l.date, l.rule, l.period, l.subject)?;
            writeln!(f, "    {}", l.inputs)?;
            writeln!(f, "    {}: {}", l.decision, l.amount)?;
        }
        for s in &self.rate_cards {
            if self.detail == Detail::TotalsOnly {
                write!(f, "{s}")?;
            }
        }
        writeln!(f)?;
        // One label column wide enough for the longest label, so that
        // amounts line up however long the outcome ids are.
        let outcome_label = |o: &OutcomeTotal| format!("{} / {}", o.rule, o.outcome);
        let width = self
            .by_rule
            .iter()
            .map(|(r, _)| r.as_str().len())
            .chain(self.by_outcome.iter().map(|o| outcome_label(o).len()))
            .chain(self.by_period.iter().map(|(p, _)| p.to_string().len()))
            .chain(self.by_payer.iter().map(|(p, _)| p.as_str().len()))
            .fold(40, usize::max);
        let row = |f: &mut fmt::Formatter<'_>, label: &str, amount: &Money| {
            writeln!(f, "  {label:<width$} {:>24}", amount.to_string())
        };
        writeln!(f, "Totals by rule")?;
        for (r, m) in &self.by_rule {
            row(f, r.as_str(), m)?;
        }
        writeln!(f, "Totals by outcome")?;
        for o in &self.by_outcome {
            row(f, &outcome_label(o), &o.amount)?;
        }
        writeln!(f, "Totals by period")?;
        for (p, m) in &self.by_period {
            row(f, &p.to_string(), m)?;
        }
        writeln!(f, "Totals by payer")?;
        for (p, m) in &self.by_payer {
            row(f, p.as_str(), m)?;
        }
        for (cap, m) in &self.withheld {
            writeln!(f, "Withheld by {cap}: {m}")?;
        }
        write!(f, "Total owed: {}", self.total)
    }
}

/// A line under construction, with the keys that order it.
struct Draft {
    line: StatementLine,
    exact: Decimal,
}

/// An amount to cap and round: a statement line, or (for totals-only rate
/// cards) a day-or-month bucket of one outcome.
struct Item {
    key: (Date, usize, u8, u64, u32),
    rule: usize,
    label: String,
    line: Option<usize>,
    exact: Decimal,
    amount: Decimal,
    /// Reduced by a cap (then never rounded above its exact amount).
    /// Kept on the item, not read from its line, because totals-only
    /// rate-card items have no line.
    capped: bool,
}

fn money(amount: Decimal, currency: Currency) -> Money {
    Money::new(amount, currency)
}

/// Rejects two measurements of one rule on the same date (dates sorted):
/// both would be paid, so one is almost surely entered twice.
fn one_per_date(rule: &RuleId, dates: impl Iterator<Item = Date>) -> Result<(), OutcomeError> {
    let mut previous = None;
    for date in dates {
        if previous == Some(date) {
            return Err(OutcomeError::Duplicate {
                kind: "measurement date",
                id: format!("{date} (rule {rule})"),
            });
        }
        previous = Some(date);
    }
    Ok(())
}

fn overflow(operation: &'static str) -> OutcomeError {
    OutcomeError::Overflow { operation }
}

/// Sums line amounts. Amounts rounded per line always sum exactly; exact
/// amounts (rounding at the total) carry up to 28 significant digits, and a
/// sum of such amounts is itself kept to 28 significant digits before the
/// one rounding the contract declares (see `DESIGN.md`).
fn add(a: Decimal, b: Decimal) -> Result<Decimal, OutcomeError> {
    a.checked_add(b).ok_or_else(|| overflow("statement total"))
}

/// Applies a cumulative cap to amounts in order, mutating them; returns
/// what was withheld, and calls `on_cut` for each reduced amount.
fn apply_cap(
    amounts: &mut [&mut Decimal],
    cap: Decimal,
    mut on_cut: impl FnMut(usize),
) -> Result<Decimal, OutcomeError> {
    let mut room = cap;
    let mut withheld = Decimal::ZERO;
    for (k, a) in amounts.iter_mut().enumerate() {
        if **a > room {
            withheld = add(withheld, **a - room)?;
            **a = room;
            on_cut(k);
        }
        room -= **a;
    }
    Ok(withheld)
}

impl Contract {
    /// Settles the contract with the full audit trail
    /// ([`Detail::Audit`]): every claim is a line.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Evidence`] if a rule has no evidence, evidence of the
    /// wrong kind, or evidence given twice, or if group-threshold evidence
    /// gives a cohort size smaller than the number of participants placed;
    /// [`OutcomeError::UnknownRule`] if evidence names a rule the contract
    /// does not have; [`OutcomeError::Duplicate`] for a cohort listed twice
    /// or two measurements of one rule on one date;
    /// [`OutcomeError::InvalidId`] for a cohort named `fallback` (the label
    /// of the pooled fallback); [`OutcomeError::ZeroCount`] for
    /// group-threshold evidence with a cohort size of zero;
    /// [`OutcomeError::Overflow`] if an amount or count overflows.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Contract, Evidence, OutcomeError, Participants, PayerShares, RateCard, RateCardRule, RateCardTerms, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = [
    ///     rule.claim(7, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(7, "sustained_employment", "2013-09-02".parse()?)?,
    /// ];
    /// let contract = Contract::new("if", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::single("dwp".parse()?), vec![rule.into()])?;
    /// let nobody = Participants::none();
    /// let evidence = Evidence::new().with("if_round_1", RuleEvidence::Claims { claims: &claims, participants: &nobody });
    /// let statement = contract.settle(&evidence)?;
    /// assert_eq!(statement.lines().len(), 2); // every claim is a line
    /// assert_eq!(statement.total(), Money::from_major(3_600, Currency::GBP));
    /// // Evidence for a rule the contract does not have is refused, even
    /// // alongside complete evidence for the rules it does have.
    /// let stray = evidence.with("no_such_rule", RuleEvidence::Claims { claims: &claims, participants: &nobody });
    /// assert!(matches!(contract.settle(&stray), Err(OutcomeError::UnknownRule { rule, .. }) if rule == "no_such_rule"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn settle(&self, evidence: &Evidence<'_>) -> Result<Statement, OutcomeError> {
        self.settle_with(evidence, Detail::Audit)
    }

    /// Settles the contract keeping `detail`: with [`Detail::TotalsOnly`],
    /// rate-card claims are summarised by outcome instead of listed.
    ///
    /// # Errors
    ///
    /// As for [`settle`](Self::settle).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Detail, ClaimWindow, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule, RateCardTerms, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = [
    ///     rule.claim(7, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(7, "sustained_employment", "2013-09-02".parse()?)?,
    /// ];
    /// let contract = Contract::new("if", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::single("dwp".parse()?), vec![rule.into()])?;
    /// let nobody = Participants::none();
    /// let evidence = Evidence::new().with("if_round_1", RuleEvidence::Claims { claims: &claims, participants: &nobody });
    /// let totals = contract.settle_with(&evidence, Detail::TotalsOnly)?;
    /// assert!(totals.lines().is_empty()); // claims summarised, not listed
    /// assert_eq!(totals.total(), contract.settle(&evidence)?.total());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn settle_with(
        &self,
        evidence: &Evidence<'_>,
        detail: Detail,
    ) -> Result<Statement, OutcomeError> {
        for id in evidence.rule_ids() {
            if !self.rules().iter().any(|r| r.id().as_str() == id) {
                return Err(OutcomeError::UnknownRule { rule: id.to_owned() });
            }
        }
        let currency = self.currency();
        let periodicity = self.periodicity();
        let policy = self.rounding();
        let mut lines: Vec<StatementLine> = Vec::new();
        let mut items: Vec<Item> = Vec::new();
        let mut rate_cards = Vec::new();
        let mut withheld: BTreeMap<CapKind, Decimal> = BTreeMap::new();
        for (r, rule) in self.rules().iter().enumerate() {
            let ev = evidence.for_rule(rule)?;
            let drafts = match (rule, ev) {
                (Rule::RateCard(rc), RuleEvidence::Claims { claims, participants }) => {
                    let granularity = if self.cap().is_some() || rc.terms().total_cap().is_some() {
                        Granularity::Day
                    } else {
                        Granularity::Month
                    };
                    let mut tally = rc.tally_at(participants, detail, granularity);
                    tally.add(claims)?;
                    let s = tally.finish()?;
                    for o in s.outcomes() {
                        let w = [
                            (CapKind::ParticipantCap, o.withheld_by_participant_cap()),
                            (CapKind::VolumeCap, o.withheld_by_volume_cap()),
                            (CapKind::RuleCap, o.withheld_by_rule_cap()),
                        ];
                        for (kind, m) in w {
                            let slot = withheld.entry(kind).or_default();
                            *slot = add(*slot, m.amount())?;
                        }
                    }
                    let mut drafts = Vec::new();
                    if let Some(claim_lines) = s.lines() {
                        for l in claim_lines {
                            let c = l.claim();
                            let outcome = rc.card().outcome(c.outcome()).map_or_else(
                                || OutcomeId::new(format!("unknown outcome {}", c.outcome())),
                                |o| Ok(o.id().clone()),
                            )?;
                            drafts.push((
                                (c.date(), r, c.outcome().raw(), c.participant(), 0),
                                outcome.to_string(),
                                Draft {
                                    exact: l.amount().amount(),
                                    line: StatementLine {
                                        rule: rule.id().clone(),
                                        date: c.date(),
                                        period: periodicity.period_of(c.date()),
                                        subject: Subject::Claim {
                                            participant: c.participant(),
                                            outcome,
                                        },
                                        inputs: LineInputs::Claim { price: l.price() },
                                        decision: l.decision(),
                                        exact: l.amount(),
                                        amount: l.amount(),
                                    },
                                },
                            ));
                        }
                    } else {
                        for (date, outcome, minor) in s.daily() {
                            let label = rc
                                .card()
                                .outcome(outcome)
                                .map_or_else(String::new, |o| o.id().to_string());
                            items.push(Item {
                                key: (date, r, outcome.raw(), 0, 0),
                                rule: r,
                                label,
                                line: None,
                                exact: Money::from_minor(minor, currency).amount(),
                                amount: Decimal::ZERO,
                                capped: false,
                            });
                        }
                    }
                    rate_cards.push(s);
                    drafts
                }
                (Rule::Cohort(cr), RuleEvidence::Cohorts(cohorts)) => {
                    let assessments = cr.assess(cohorts)?;
                    let by_id: BTreeMap<&CohortId, &super::Cohort> =
                        cohorts.iter().map(|c| (c.id(), c)).collect();
                    let mut drafts = Vec::new();
                    for (k, a) in assessments.into_iter().enumerate() {
                        drafts.push(cohort_draft(rule.id(), r, k, &a, &by_id, cr, periodicity)?);
                    }
                    cap_drafts(&mut drafts, rule.cumulative_cap(), &mut withheld)?;
                    drafts
                }
                (Rule::GroupThreshold(g), RuleEvidence::Placements { placements, cohort_size }) => {
                    let a = g.assess(placements, cohort_size)?;
                    let date = g.term().last();
                    let exact = if a.met { g.payment().amount() } else { Decimal::ZERO };
                    vec![(
                        (date, r, 0, 0, 0),
                        "group threshold".to_owned(),
                        Draft {
                            exact,
                            line: StatementLine {
                                rule: rule.id().clone(),
                                date,
                                period: periodicity.period_of(date),
                                subject: Subject::Group,
                                inputs: LineInputs::Group {
                                    placed: a.placed,
                                    qualifying: a.qualifying,
                                    cohort_size: a.cohort_size,
                                    threshold: g.threshold(),
                                    spell: g.spell(),
                                    payment: g.payment(),
                                },
                                decision: if a.met {
                                    Decision::Paid
                                } else {
                                    Decision::Rejected { reason: RejectionReason::BelowThreshold }
                                },
                                exact: money(exact, currency),
                                amount: money(exact, currency),
                            },
                        },
                    )]
                }
                (Rule::Baseline(b), RuleEvidence::Baseline(measurements)) => {
                    let mut sorted: Vec<_> = measurements.to_vec();
                    sorted.sort_by_key(super::BaselineMeasurement::measured_on);
                    one_per_date(
                        rule.id(),
                        sorted.iter().map(super::BaselineMeasurement::measured_on),
                    )?;
                    let mut drafts = Vec::new();
                    for (k, m) in sorted.iter().enumerate() {
                        let avoided = b.units_avoided(m)?;
                        let positive = avoided > Decimal::ZERO;
                        let exact = if positive {
                            exact::mul(avoided, b.price_per_unit().amount())
                                .ok_or_else(|| overflow("baseline payment"))?
                        } else {
                            Decimal::ZERO
                        };
                        let seq = u32::try_from(k).map_err(|_| overflow("measurement count"))?;
                        drafts.push((
                            (m.measured_on(), r, 0, 0, seq),
                            "units avoided".to_owned(),
                            Draft {
                                exact,
                                line: StatementLine {
                                    rule: rule.id().clone(),
                                    date: m.measured_on(),
                                    period: periodicity.period_of(m.measured_on()),
                                    subject: Subject::Measurement,
                                    inputs: LineInputs::Baseline {
                                        total_units: m.total_units(),
                                        actual_units: m.actual_units(),
                                        baseline: b.baseline(),
                                        units_avoided: avoided,
                                        price: b.price_per_unit(),
                                    },
                                    decision: if positive {
                                        Decision::Paid
                                    } else {
                                        Decision::Rejected {
                                            reason: RejectionReason::BelowThreshold,
                                        }
                                    },
                                    exact: money(exact, currency),
                                    amount: money(exact, currency),
                                },
                            },
                        ));
                    }
                    cap_drafts(&mut drafts, rule.cumulative_cap(), &mut withheld)?;
                    drafts
                }
                (Rule::Banded(b), RuleEvidence::Banded(measurements)) => {
                    let mut sorted: Vec<_> = measurements.to_vec();
                    sorted.sort_by_key(super::BandedMeasurement::measured_on);
                    one_per_date(
                        rule.id(),
                        sorted.iter().map(super::BandedMeasurement::measured_on),
                    )?;
                    let mut drafts = Vec::new();
                    for (k, m) in sorted.iter().enumerate() {
                        let unmeasured = m.unmeasured();
                        let exact_reduction = if unmeasured.is_some() { None } else { m.exact()? };
                        let (band, amount) = match exact_reduction {
                            Some(red) => {
                                // The band and the amount both come from the
                                // exact reduction, never from a rounded one.
                                let amount = b.amount_exact(red)?.to_decimal()?;
                                let band = b.band_of(red);
                                (
                                    band.and_then(|i| b.bands().get(i)).map(super::Band::threshold),
                                    amount,
                                )
                            }
                            None => (None, Decimal::ZERO),
                        };
                        let decision = match (unmeasured, exact_reduction, band) {
                            (Some(reason), _, _) => Decision::Rejected { reason },
                            (None, None, _) => {
                                Decision::Rejected { reason: RejectionReason::ComparisonRateZero }
                            }
                            (None, Some(_), None) => {
                                Decision::Rejected { reason: RejectionReason::BelowThreshold }
                            }
                            (None, Some(_), Some(_)) => Decision::Paid,
                        };
                        let reduction = exact_reduction
                            .map(Ratio::to_decimal)
                            .transpose()?
                            .map(Rate::from_fraction);
                        let seq = u32::try_from(k).map_err(|_| overflow("measurement count"))?;
                        drafts.push((
                            (m.measured_on(), r, 0, 0, seq),
                            "bands".to_owned(),
                            Draft {
                                exact: amount,
                                line: StatementLine {
                                    rule: rule.id().clone(),
                                    date: m.measured_on(),
                                    period: periodicity.period_of(m.measured_on()),
                                    subject: Subject::Measurement,
                                    inputs: match m {
                                        super::BandedMeasurement::Cohort(c)
                                            if unmeasured.is_some() =>
                                        {
                                            LineInputs::NotMeasured { status: c.status() }
                                        }
                                        _ => LineInputs::Band { reduction, band, mode: b.mode() },
                                    },
                                    decision,
                                    exact: money(amount, currency),
                                    amount: money(amount, currency),
                                },
                            },
                        ));
                    }
                    cap_drafts(&mut drafts, rule.cumulative_cap(), &mut withheld)?;
                    drafts
                }
                _ => {
                    return Err(OutcomeError::Evidence {
                        rule: rule.id().to_string(),
                        reason: "evidence of the wrong kind for the rule",
                    });
                }
            };
            for (key, label, d) in drafts {
                let index = lines.len();
                items.push(Item {
                    key,
                    rule: r,
                    label,
                    line: Some(index),
                    exact: d.exact,
                    amount: Decimal::ZERO,
                    capped: matches!(d.line.decision, Decision::Capped { .. }),
                });
                lines.push(d.line);
            }
        }
        // Canonical order: date, rule, outcome, participant, then line order.
        items.sort_by(|a, b| a.key.cmp(&b.key).then(a.line.cmp(&b.line)));

        // Contract cap on exact amounts.
        if let Some(cap) = self.cap() {
            let mut cut = Vec::new();
            let mut amounts: Vec<&mut Decimal> = items.iter_mut().map(|i| &mut i.exact).collect();
            let w = apply_cap(&mut amounts, cap.amount(), |k| cut.push(k))?;
            if !w.is_zero() {
                let slot = withheld.entry(CapKind::ContractCap).or_default();
                *slot = add(*slot, w)?;
            }
            for k in cut {
                let Some(item) = items.get_mut(k) else { continue };
                item.capped = true;
                if let Some(line) = item.line.and_then(|l| lines.get_mut(l)) {
                    line.decision = Decision::Capped { by: CapKind::ContractCap };
                }
            }
            for item in &items {
                if let Some(line) = item.line.and_then(|l| lines.get_mut(l)) {
                    line.exact = money(item.exact, currency);
                    line.amount = line.exact;
                }
            }
        }

        // Rooms left under cumulative caps, in rounded amounts.
        let floor =
            |m: Money| RoundingStrategy::TowardZero.round(m.amount(), policy.decimal_places());
        let mut rule_room: Vec<Option<(Decimal, CapKind)>> =
            self.rules().iter().map(|r| r.cumulative_cap().map(|(c, k)| (floor(c), k))).collect();
        let mut contract_room = self.cap().map(floor);
        let mut clamp = |rule: usize, rounded: Decimal| -> (Decimal, Option<CapKind>) {
            let mut value = rounded;
            let mut by = None;
            if let Some(Some((room, kind))) = rule_room.get_mut(rule) {
                if value > *room {
                    value = *room;
                    by = Some(*kind);
                }
                *room -= value;
            }
            if let Some(room) = contract_room.as_mut() {
                if value > *room {
                    if let Some((r, _)) = rule_room.get_mut(rule).and_then(Option::as_mut) {
                        *r += value - *room;
                    }
                    value = *room;
                    by = Some(CapKind::ContractCap);
                }
                *room -= value;
            }
            (value, by)
        };

        // Rounding, then (rule, period) totals.
        let mut rule_period: BTreeMap<(Period, usize), Decimal> = BTreeMap::new();
        match policy.stage() {
            RoundingStage::PerLine => {
                for item in &mut items {
                    // A line reduced by a cap is never rounded above it.
                    let mut rounded = policy.round(item.exact);
                    if item.capped && rounded > item.exact {
                        rounded =
                            RoundingStrategy::TowardZero.round(item.exact, policy.decimal_places());
                    }
                    let (value, by) = clamp(item.rule, rounded);
                    item.amount = value;
                    if let Some(line) = item.line.and_then(|l| lines.get_mut(l)) {
                        line.amount = money(value, currency);
                        if let Some(kind) = by {
                            line.decision = Decision::Capped { by: kind };
                        }
                    }
                    let slot = rule_period
                        .entry((periodicity.period_of(item.key.0), item.rule))
                        .or_default();
                    *slot = add(*slot, value)?;
                }
            }
            RoundingStage::PerTotal => {
                for item in &mut items {
                    item.amount = item.exact;
                    let slot = rule_period
                        .entry((periodicity.period_of(item.key.0), item.rule))
                        .or_default();
                    *slot = add(*slot, item.exact)?;
                }
                for ((_, rule), total) in &mut rule_period {
                    *total = clamp(*rule, policy.round(*total)).0;
                }
            }
        }

        // Payments: each (rule, period) total split between the rule's payers.
        let mut payments = Vec::new();
        let mut by_payer: Vec<(PayerId, Decimal)> = Vec::new();
        let mut by_period: BTreeMap<Period, Decimal> = BTreeMap::new();
        let mut by_rule: Vec<Decimal> = vec![Decimal::ZERO; self.rules().len()];
        let mut total = Decimal::ZERO;
        for ((period, r), amount) in &rule_period {
            // Nothing owed, nothing to pay (and no zero rows that depend on
            // whether rejected claims were listed).
            let (Some(rule), false) = (self.rules().get(*r), amount.is_zero()) else { continue };
            let rounded = money(*amount, currency);
            for (payer, part) in self.payers_of(rule.id()).split(rounded)? {
                match by_payer.iter_mut().find(|(p, _)| *p == payer) {
                    Some((_, sum)) => *sum = add(*sum, part.amount())?,
                    None => by_payer.push((payer.clone(), part.amount())),
                }
                payments.push(Payment {
                    rule: rule.id().clone(),
                    period: *period,
                    payer,
                    amount: part,
                });
            }
            let slot = by_period.entry(*period).or_default();
            *slot = add(*slot, *amount)?;
            if let Some(slot) = by_rule.get_mut(*r) {
                *slot = add(*slot, *amount)?;
            }
            total = add(total, *amount)?;
        }
        // By outcome: a rate card lists every outcome on its card, in card
        // order (whether or not claims were listed); other rules list their
        // cohorts or measurements in date order.
        let mut outcome_sums: BTreeMap<(usize, &str), Decimal> = BTreeMap::new();
        let mut first_seen: Vec<(usize, &str)> = Vec::new();
        for item in &items {
            let key = (item.rule, item.label.as_str());
            let slot = outcome_sums.entry(key).or_insert_with(|| {
                first_seen.push(key);
                Decimal::ZERO
            });
            *slot = add(*slot, item.amount)?;
        }
        let mut by_outcome: Vec<OutcomeTotal> = Vec::new();
        for (r, rule) in self.rules().iter().enumerate() {
            let labels: Vec<&str> = match rule {
                Rule::RateCard(rc) => {
                    rc.card().outcomes().iter().map(|o| o.id().as_str()).collect()
                }
                _ => first_seen.iter().filter(|(k, _)| *k == r).map(|(_, l)| *l).collect(),
            };
            for label in labels {
                let sum = outcome_sums.get(&(r, label)).copied().unwrap_or(Decimal::ZERO);
                by_outcome.push(OutcomeTotal {
                    rule: rule.id().clone(),
                    outcome: label.to_owned(),
                    amount: money(sum, currency),
                });
            }
        }
        // Lines in canonical order.
        let order: Vec<usize> = items.iter().filter_map(|i| i.line).collect();
        let mut slots: Vec<Option<StatementLine>> = lines.into_iter().map(Some).collect();
        let lines =
            order.into_iter().filter_map(|k| slots.get_mut(k).and_then(Option::take)).collect();
        Ok(Statement {
            contract: self.id().clone(),
            currency,
            rounding: policy,
            periodicity,
            detail,
            lines,
            rate_cards,
            by_rule: self
                .rules()
                .iter()
                .zip(by_rule)
                .map(|(r, m)| (r.id().clone(), money(m, currency)))
                .collect(),
            by_outcome,
            by_period: by_period.into_iter().map(|(p, m)| (p, money(m, currency))).collect(),
            by_payer: by_payer.into_iter().map(|(p, m)| (p, money(m, currency))).collect(),
            payments,
            withheld: withheld
                .into_iter()
                .filter(|(_, m)| !m.is_zero())
                .map(|(k, m)| (k, money(m, currency)))
                .collect(),
            total: money(total, currency),
        })
    }
}

type Keyed = ((Date, usize, u8, u64, u32), String, Draft);

/// Applies a rule's cumulative cap to its drafts in (date, order) order.
fn cap_drafts(
    drafts: &mut [Keyed],
    cap: Option<(Money, CapKind)>,
    withheld: &mut BTreeMap<CapKind, Decimal>,
) -> Result<(), OutcomeError> {
    let Some((cap, kind)) = cap else { return Ok(()) };
    drafts.sort_by_key(|(key, _, _)| *key);
    let mut cut = Vec::new();
    let mut amounts: Vec<&mut Decimal> = drafts.iter_mut().map(|(_, _, d)| &mut d.exact).collect();
    let w = apply_cap(&mut amounts, cap.amount(), |k| cut.push(k))?;
    for k in cut {
        if let Some((_, _, d)) = drafts.get_mut(k) {
            d.line.decision = Decision::Capped { by: kind };
        }
    }
    for (_, _, d) in drafts.iter_mut() {
        d.line.exact = Money::new(d.exact, d.line.exact.currency());
        d.line.amount = d.line.exact;
    }
    if !w.is_zero() {
        let slot = withheld.entry(kind).or_default();
        *slot = add(*slot, w)?;
    }
    Ok(())
}

fn cohort_draft(
    rule: &RuleId,
    r: usize,
    k: usize,
    a: &CohortAssessment,
    cohorts: &BTreeMap<&CohortId, &super::Cohort>,
    cr: &super::CohortRule,
    periodicity: Periodicity,
) -> Result<Keyed, OutcomeError> {
    let price = cr.price_per_event();
    let currency = price.currency();
    let exact = a.outcome.unwrap_or(Decimal::ZERO);
    let decision = match a.outcome {
        Ok(_) => Decision::Paid,
        Err(reason) => Decision::Rejected { reason },
    };
    let (subject, inputs, label) = match &a.subject {
        Some(id) => {
            let cohort = cohorts.get(id).ok_or_else(|| overflow("cohort lookup"))?;
            let comparison = cohort.comparison();
            let inputs = if cohort.status() == super::CohortStatus::Measured {
                LineInputs::Cohort {
                    size: a.size,
                    events: a.events,
                    comparison,
                    reduction: a.reduction,
                    events_avoided: a.events_avoided,
                    threshold: a.threshold,
                    price,
                }
            } else {
                LineInputs::NotMeasured { status: cohort.status() }
            };
            (Subject::Cohort(id.clone()), inputs, id.to_string())
        }
        None => (
            Subject::AllCohorts,
            LineInputs::Fallback {
                cohorts: a.cohorts_pooled,
                pooling: cr.pooling(),
                reduction: a.reduction,
                events_avoided: a.events_avoided,
                threshold: a.threshold,
                already_paid: Money::new(a.already_paid, currency),
                price,
            },
            super::cohort::FALLBACK_LABEL.to_owned(),
        ),
    };
    let seq = u32::try_from(k).map_err(|_| overflow("cohort count"))?;
    Ok((
        (a.date, r, 0, 0, seq),
        label,
        Draft {
            exact,
            line: StatementLine {
                rule: rule.clone(),
                date: a.date,
                period: periodicity.period_of(a.date),
                subject,
                inputs,
                decision,
                exact: Money::new(exact, currency),
                amount: Money::new(exact, currency),
            },
        },
    ))
}
