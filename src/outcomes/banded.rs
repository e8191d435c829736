//! Banded schedules (Rikers Island): payment by reduction band, stepped or
//! interpolated, with a maximum.

use super::cohort::check_amount;
use super::ratio::Ratio;
use super::{Cohort, CohortStatus, OutcomeError, RejectionReason, RuleId};
use crate::{Currency, Date, Money, Rate};

/// How amounts between band thresholds are paid.
///
/// ```
/// use integration_outcomes::outcomes::BandMode;
/// assert_ne!(BandMode::Stepped, BandMode::Interpolated);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BandMode {
    /// The amount of the highest band reached.
    Stepped,
    /// Linear between the two bands around the reduction; the top band's
    /// amount above it.
    Interpolated,
}

/// A band: a reduction threshold and the amount paid on reaching it.
///
/// ```
/// use integration_outcomes::outcomes::Band;
/// use integration_outcomes::{Currency, Money};
/// let top = Band::new("20%".parse()?, Money::from_major(11_712_000, Currency::USD));
/// assert_eq!(top.threshold().to_string(), "20%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    threshold: Rate,
    amount: Money,
}

impl Band {
    /// A band paying `amount` from `threshold` (inclusive).
    ///
    /// ```
    /// use integration_outcomes::outcomes::Band;
    /// use integration_outcomes::{Currency, Money};
    /// let top = Band::new("20%".parse()?, Money::from_major(11_712_000, Currency::USD));
    /// assert_eq!(top.amount(), Money::from_major(11_712_000, Currency::USD));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn new(threshold: Rate, amount: Money) -> Band {
        Band { threshold, amount }
    }
    /// The reduction threshold.
    ///
    /// ```
    /// use integration_outcomes::outcomes::Band;
    /// use integration_outcomes::{Currency, Money};
    /// let top = Band::new("20%".parse()?, Money::from_major(11_712_000, Currency::USD));
    /// assert_eq!(top.threshold(), "20%".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn threshold(&self) -> Rate {
        self.threshold
    }
    /// The amount.
    ///
    /// ```
    /// use integration_outcomes::outcomes::Band;
    /// use integration_outcomes::{Currency, Money};
    /// let top = Band::new("20%".parse()?, Money::from_major(11_712_000, Currency::USD));
    /// assert_eq!(top.amount().to_string(), "USD 11,712,000.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn amount(&self) -> Money {
        self.amount
    }
}

/// A measured reduction for a banded schedule: given directly, or from a
/// cohort against its comparison (then decided exactly from the counts).
///
/// ```
/// use integration_outcomes::outcomes::BandedMeasurement;
/// let m = BandedMeasurement::Reduction { measured_on: "2015-07-01".parse()?, reduction: "9.99%".parse()? };
/// assert_eq!(m.measured_on().to_string(), "2015-07-01");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BandedMeasurement {
    /// A reduction as published or computed elsewhere.
    Reduction {
        /// Measurement date.
        #[serde(with = "crate::civil_date")]
        measured_on: Date,
        /// The reduction.
        reduction: Rate,
    },
    /// A cohort and its comparison (bed days, say).
    Cohort(Cohort),
}

impl BandedMeasurement {
    /// The measurement date.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BandedMeasurement, Cohort, Comparison};
    /// let cohort = Cohort::new("c", 100, 90, Comparison::rate("1".parse()?, 1)?, "2015-07-01".parse()?)?;
    /// let m = BandedMeasurement::Cohort(cohort);
    /// assert_eq!(m.measured_on().to_string(), "2015-07-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn measured_on(&self) -> Date {
        match self {
            BandedMeasurement::Reduction { measured_on, .. } => *measured_on,
            BandedMeasurement::Cohort(c) => c.measured_on(),
        }
    }

    /// Why the measurement cannot be paid on yet: a cohort still pending or
    /// cancelled has no reduction to band.
    pub(crate) fn unmeasured(&self) -> Option<RejectionReason> {
        match self {
            BandedMeasurement::Cohort(c) => match c.status() {
                CohortStatus::Measured => None,
                CohortStatus::Pending => Some(RejectionReason::CohortPending),
                CohortStatus::Cancelled => Some(RejectionReason::CohortCancelled),
            },
            BandedMeasurement::Reduction { .. } => None,
        }
    }

    /// The reduction as an exact fraction; `None` for a zero comparison rate.
    pub(crate) fn exact(&self) -> Result<Option<Ratio>, OutcomeError> {
        match self {
            BandedMeasurement::Reduction { reduction, .. } => {
                Ok(Some(Ratio::from_rate(*reduction)))
            }
            BandedMeasurement::Cohort(c) => c.exact_reduction(),
        }
    }
}

/// A banded schedule: the payment depends on which reduction band is
/// reached, stepped or interpolated, never above `maximum` in total.
///
/// Band lookups are exact and inclusive (a reduction of exactly 10% reaches
/// the 10% band). Interpolation is computed exactly as a fraction and
/// converted to a decimal (exact when it terminates, else to 28 significant
/// digits) before the contract rounds it.
///
/// # Example
///
/// Rikers Island (NYC ABLE): the band thresholds are those of the INDIGO
/// data (project POJ-0083); of the amounts only 20% → $11.712m is
/// published, so the lower amounts here are illustrative.
///
/// ```
/// use integration_outcomes::outcomes::{Band, BandMode, BandedRule};
/// use integration_outcomes::{Currency, Money};
/// let usd = |n| Money::from_major(n, Currency::USD);
/// let rule = BandedRule::new("readmission_bed_days", vec![
///     Band::new("10%".parse()?, usd(9_600_000)),   // illustrative
///     Band::new("20%".parse()?, usd(11_712_000)),  // confirmed
/// ], BandMode::Stepped, usd(11_712_000))?;
/// assert_eq!(rule.band_index("9.99%".parse()?), None);
/// assert_eq!(rule.band_index("10%".parse()?), Some(0));
/// assert_eq!(rule.amount_for("25%".parse()?)?, usd(11_712_000));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "BandedRuleRepr", into = "BandedRuleRepr")]
pub struct BandedRule {
    id: RuleId,
    bands: Vec<Band>,
    mode: BandMode,
    maximum: Money,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BandedRuleRepr {
    id: String,
    bands: Vec<Band>,
    mode: BandMode,
    maximum: Money,
}

impl BandedRule {
    /// A schedule of `bands` (thresholds strictly increasing within
    /// 0%..=100%, amounts non-decreasing and non-negative) paying at most
    /// `maximum` in total.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidId`]; [`OutcomeError::ZeroCount`] for no bands;
    /// [`OutcomeError::InvalidBands`]; [`OutcomeError::NegativeAmount`]
    /// or [`OutcomeError::MixedCurrency`] for amounts.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Band, BandMode, BandedRule};
    /// use integration_outcomes::{Currency, Money};
    /// let usd = |n| Money::from_major(n, Currency::USD);
    /// let rule = BandedRule::new("readmission_bed_days", vec![
    ///     Band::new("10%".parse()?, usd(9_600_000)),
    ///     Band::new("20%".parse()?, usd(11_712_000)),
    /// ], BandMode::Interpolated, usd(11_712_000))?;
    /// assert_eq!(rule.bands().len(), 2);
    /// assert!(BandedRule::new("r", vec![], BandMode::Stepped, usd(1)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        bands: Vec<Band>,
        mode: BandMode,
        maximum: Money,
    ) -> Result<BandedRule, OutcomeError> {
        let id = RuleId::new(id)?;
        if bands.is_empty() {
            return Err(OutcomeError::ZeroCount { what: format!("number of bands in rule {id}") });
        }
        let currency = maximum.currency();
        check_amount(|| format!("maximum of rule {id}"), maximum, currency)?;
        let invalid = |reason| OutcomeError::InvalidBands { item: format!("rule {id}"), reason };
        let mut previous: Option<&Band> = None;
        for b in &bands {
            check_amount(|| format!("band amount of rule {id}"), b.amount, currency)?;
            if b.threshold.is_negative() || b.threshold > Rate::ONE {
                return Err(invalid("a band threshold must lie within 0%..=100%"));
            }
            if let Some(p) = previous {
                if b.threshold <= p.threshold {
                    return Err(invalid("band thresholds must be strictly increasing"));
                }
                if b.amount.amount() < p.amount.amount() {
                    return Err(invalid("band amounts must not decrease"));
                }
            }
            previous = Some(b);
        }
        Ok(BandedRule { id, bands, mode, maximum })
    }

    /// The rule's id.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Band, BandMode, BandedRule};
    /// use integration_outcomes::{Currency, Money};
    /// let usd = |n| Money::from_major(n, Currency::USD);
    /// let rule = BandedRule::new("readmission_bed_days", vec![
    ///     Band::new("10%".parse()?, usd(9_600_000)),
    ///     Band::new("20%".parse()?, usd(11_712_000)),
    /// ], BandMode::Interpolated, usd(11_712_000))?;
    /// assert_eq!(rule.id().as_str(), "readmission_bed_days");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &RuleId {
        &self.id
    }
    /// The bands, by increasing threshold.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Band, BandMode, BandedRule};
    /// use integration_outcomes::{Currency, Money};
    /// let usd = |n| Money::from_major(n, Currency::USD);
    /// let rule = BandedRule::new("readmission_bed_days", vec![
    ///     Band::new("10%".parse()?, usd(9_600_000)),
    ///     Band::new("20%".parse()?, usd(11_712_000)),
    /// ], BandMode::Interpolated, usd(11_712_000))?;
    /// assert_eq!(rule.bands()[1].threshold().to_string(), "20%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn bands(&self) -> &[Band] {
        &self.bands
    }
    /// Stepped or interpolated.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Band, BandMode, BandedRule};
    /// use integration_outcomes::{Currency, Money};
    /// let usd = |n| Money::from_major(n, Currency::USD);
    /// let rule = BandedRule::new("readmission_bed_days", vec![
    ///     Band::new("10%".parse()?, usd(9_600_000)),
    ///     Band::new("20%".parse()?, usd(11_712_000)),
    /// ], BandMode::Interpolated, usd(11_712_000))?;
    /// assert_eq!(rule.mode(), BandMode::Interpolated);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn mode(&self) -> BandMode {
        self.mode
    }
    /// The maximum total payment.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Band, BandMode, BandedRule};
    /// use integration_outcomes::{Currency, Money};
    /// let usd = |n| Money::from_major(n, Currency::USD);
    /// let rule = BandedRule::new("readmission_bed_days", vec![
    ///     Band::new("10%".parse()?, usd(9_600_000)),
    ///     Band::new("20%".parse()?, usd(11_712_000)),
    /// ], BandMode::Interpolated, usd(11_712_000))?;
    /// assert_eq!(rule.maximum(), usd(11_712_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn maximum(&self) -> Money {
        self.maximum
    }
    /// The currency.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Band, BandMode, BandedRule};
    /// use integration_outcomes::{Currency, Money};
    /// let usd = |n| Money::from_major(n, Currency::USD);
    /// let rule = BandedRule::new("readmission_bed_days", vec![
    ///     Band::new("10%".parse()?, usd(9_600_000)),
    ///     Band::new("20%".parse()?, usd(11_712_000)),
    /// ], BandMode::Interpolated, usd(11_712_000))?;
    /// assert_eq!(rule.currency(), Currency::USD);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn currency(&self) -> Currency {
        self.maximum.currency()
    }

    /// The highest band reached: bands are in ascending order of threshold,
    /// and a band is reached when the reduction is at least its threshold.
    pub(crate) fn band_of(&self, reduction: Ratio) -> Option<usize> {
        let mut found = None;
        for (k, b) in self.bands.iter().enumerate() {
            if reduction < Ratio::from_rate(b.threshold) {
                break;
            }
            found = Some(k);
        }
        found
    }

    /// The index of the highest band `reduction` reaches, if any: the last
    /// band whose threshold is at most `reduction`, compared exactly (every
    /// rate converts to an exact fraction and fractions compare without
    /// overflow, so this cannot fail).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Band, BandMode, BandedRule};
    /// use integration_outcomes::{Currency, Money};
    /// let usd = |n| Money::from_major(n, Currency::USD);
    /// let rule = BandedRule::new("readmission_bed_days", vec![
    ///     Band::new("10%".parse()?, usd(9_600_000)),
    ///     Band::new("20%".parse()?, usd(11_712_000)),
    /// ], BandMode::Interpolated, usd(11_712_000))?;
    /// assert_eq!(rule.band_index("15%".parse()?), Some(0));
    /// assert_eq!(rule.band_index("20%".parse()?), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn band_index(&self, reduction: Rate) -> Option<usize> {
        self.band_of(Ratio::from_rate(reduction))
    }

    /// The amount for `reduction` (before the maximum and rounding).
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`].
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Band, BandMode, BandedRule};
    /// use integration_outcomes::{Currency, Money};
    /// let usd = |n| Money::from_major(n, Currency::USD);
    /// let rule = BandedRule::new("readmission_bed_days", vec![
    ///     Band::new("10%".parse()?, usd(9_600_000)),
    ///     Band::new("20%".parse()?, usd(11_712_000)),
    /// ], BandMode::Interpolated, usd(11_712_000))?;
    /// // Half way between the bands pays half way between their amounts.
    /// assert_eq!(rule.amount_for("15%".parse()?)?, usd(10_656_000));
    /// assert_eq!(rule.amount_for("5%".parse()?)?, usd(0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn amount_for(&self, reduction: Rate) -> Result<Money, OutcomeError> {
        let amount = self.amount_exact(Ratio::from_rate(reduction))?;
        Ok(Money::new(amount.to_decimal()?, self.currency()))
    }

    pub(crate) fn amount_exact(&self, reduction: Ratio) -> Result<Ratio, OutcomeError> {
        let Some(k) = self.band_of(reduction) else { return Ok(Ratio::ZERO) };
        let (Some(low), next) = (self.bands.get(k), self.bands.get(k + 1)) else {
            return Ok(Ratio::ZERO);
        };
        let low_amount = Ratio::from_decimal(low.amount.amount());
        match (self.mode, next) {
            (BandMode::Interpolated, Some(high)) => {
                let t0 = Ratio::from_rate(low.threshold);
                let t1 = Ratio::from_rate(high.threshold);
                let a1 = Ratio::from_decimal(high.amount.amount());
                let step = a1
                    .checked_sub(low_amount)?
                    .checked_mul(reduction.checked_sub(t0)?)?
                    .checked_div(t1.checked_sub(t0)?)?;
                low_amount.checked_add(step)
            }
            _ => Ok(low_amount),
        }
    }
}

impl TryFrom<BandedRuleRepr> for BandedRule {
    type Error = OutcomeError;
    fn try_from(r: BandedRuleRepr) -> Result<Self, Self::Error> {
        BandedRule::new(r.id, r.bands, r.mode, r.maximum)
    }
}

impl From<BandedRule> for BandedRuleRepr {
    fn from(r: BandedRule) -> Self {
        BandedRuleRepr { id: r.id.into(), bands: r.bands, mode: r.mode, maximum: r.maximum }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A larger reduction never pays less, stepped or interpolated.
        #[test]
        fn payment_never_decreases(steps in proptest::collection::vec((1_i64..=40, 0_i64..=2_000), 1..=8), interpolated in any::<bool>(), a in -100_i64..=500, b in -100_i64..=500) {
            let mut t = 0;
            let mut amount = 0;
            let bands: Vec<Band> = steps.iter().map(|(dt, da)| {
                t += dt;
                amount += da;
                Band::new(Rate::from_fraction(rust_decimal::Decimal::new(t, 3)), usd(amount))
            }).collect();
            let mode = if interpolated { BandMode::Interpolated } else { BandMode::Stepped };
            let rule = BandedRule::new("r", bands, mode, usd(1_000_000)).unwrap();
            let (lo, hi) = (a.min(b), a.max(b));
            let pay = |x: i64| rule.amount_for(Rate::from_fraction(rust_decimal::Decimal::new(x, 3))).unwrap().amount();
            prop_assert!(pay(lo) <= pay(hi));
        }
    }

    fn usd(n: i64) -> Money {
        Money::from_major(n, Currency::USD)
    }

    #[test]
    fn interpolation_is_linear_and_exact() {
        let rule = BandedRule::new(
            "r",
            vec![
                Band::new("10%".parse().unwrap(), usd(100)),
                Band::new("20%".parse().unwrap(), usd(200)),
            ],
            BandMode::Interpolated,
            usd(1_000),
        )
        .unwrap();
        assert_eq!(rule.amount_for("15%".parse().unwrap()).unwrap(), usd(150));
        assert_eq!(rule.amount_for("9%".parse().unwrap()).unwrap(), usd(0));
        assert_eq!(rule.amount_for("30%".parse().unwrap()).unwrap(), usd(200));
        assert_eq!(rule.amount_for("12.5%".parse().unwrap()).unwrap().amount().to_string(), "125");
    }

    #[test]
    fn validation() {
        let b = |t: &str, a| Band::new(t.parse().unwrap(), usd(a));
        assert!(BandedRule::new("r", vec![], BandMode::Stepped, usd(1)).is_err());
        assert!(
            BandedRule::new("r", vec![b("10%", 1), b("10%", 2)], BandMode::Stepped, usd(1))
                .is_err()
        );
        assert!(
            BandedRule::new("r", vec![b("10%", 2), b("11%", 1)], BandMode::Stepped, usd(1))
                .is_err()
        );
        assert!(
            BandedRule::new(
                "r",
                vec![b("10%", 2)],
                BandMode::Stepped,
                Money::from_major(1, Currency::GBP)
            )
            .is_err()
        );
        assert!(BandedRule::new("r", vec![b("120%", 2)], BandMode::Stepped, usd(1)).is_err());
    }
}
