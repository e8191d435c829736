//! Settling a contract into a statement: every decision with its rule,
//! inputs and amount; caps, rounding and payer splits; totals.

use std::fmt;

use rust_decimal::Decimal;

use super::{
    BandMode, CapKind, CohortId, Comparison, Decision, Detail, GroupThreshold, OutcomeId,
    ParticipantId, PayerId, Period, Periodicity, PoolingRule, RateCardSettlement, RuleId,
    SpellLength,
};
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
    pub(crate) rule: RuleId,
    pub(crate) date: Date,
    pub(crate) period: Period,
    pub(crate) subject: Subject,
    pub(crate) inputs: LineInputs,
    pub(crate) decision: Decision,
    pub(crate) exact: Money,
    pub(crate) amount: Money,
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
    pub(crate) rule: RuleId,
    pub(crate) period: Period,
    pub(crate) payer: PayerId,
    pub(crate) amount: Money,
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
    pub(crate) rule: RuleId,
    pub(crate) outcome: String,
    pub(crate) amount: Money,
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
/// [`RoundingStage::PerLine`] every line is rounded once and everything else
/// sums rounded lines; with [`RoundingStage::PerTotal`] lines stay exact and
/// each rule's total for each period (the amount invoiced) is rounded once.
/// Cumulative caps (a rule's, the contract's) are then taken in date order
/// from the rounded amounts, so a cap that binds is paid exactly.
///
/// Payments (one per rule, period and payer) give each set of payers its
/// shares of the running total of the rules it pays, in the contract's
/// rounding unit, by a split under which a larger amount never gives a
/// payer less ([`PayerShares::split`](super::PayerShares::split)): each
/// payer's total is exactly its split of what it pays for, and totals by
/// payer and period and the grand total are sums of payments, so they agree
/// exactly. Totals by outcome are sums of line amounts (exact under
/// `PerTotal`).
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
    pub(crate) contract: super::ContractId,
    pub(crate) currency: Currency,
    pub(crate) rounding: RoundingPolicy,
    pub(crate) periodicity: Periodicity,
    pub(crate) detail: Detail,
    pub(crate) lines: Vec<StatementLine>,
    #[serde(skip)]
    pub(crate) rate_cards: Vec<RateCardSettlement>,
    pub(crate) by_rule: Vec<(RuleId, Money)>,
    pub(crate) by_outcome: Vec<OutcomeTotal>,
    pub(crate) by_period: Vec<(Period, Money)>,
    pub(crate) by_payer: Vec<(PayerId, Money)>,
    pub(crate) payments: Vec<Payment>,
    pub(crate) withheld: Vec<(CapKind, Money)>,
    pub(crate) total: Money,
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
