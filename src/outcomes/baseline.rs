//! Baseline comparison (Essex): units avoided against a historical
//! baseline proportion, priced per unit, with a total cap.

use rust_decimal::Decimal;

use super::cohort::check_amount;
use super::{OutcomeError, RuleId};
use crate::money::exact;
use crate::{Currency, Date, Money, Rate};

/// One period's measurement: total units (child days) and units in the
/// costly state (care days).
///
/// ```
/// use integration_outcomes::outcomes::BaselineMeasurement;
/// let m = BaselineMeasurement::new("2014-03-31".parse()?, 36_500, 3_942)?;
/// assert_eq!(m.actual_units(), 3_942);
/// assert!(BaselineMeasurement::new("2014-03-31".parse()?, 10, 11).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "BaselineMeasurementRepr", into = "BaselineMeasurementRepr")]
pub struct BaselineMeasurement {
    measured_on: Date,
    total_units: u64,
    actual_units: u64,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineMeasurementRepr {
    #[serde(with = "crate::civil_date")]
    measured_on: Date,
    total_units: u64,
    actual_units: u64,
}

impl BaselineMeasurement {
    /// A measurement of `actual_units` out of `total_units` on `measured_on`.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidMeasurement`] if `actual_units > total_units`.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::BaselineMeasurement;
    /// let m = BaselineMeasurement::new("2014-03-31".parse()?, 36_500, 3_942)?;
    /// assert_eq!(m.total_units(), 36_500);
    /// assert!(BaselineMeasurement::new("2014-03-31".parse()?, 10, 11).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        measured_on: Date,
        total_units: u64,
        actual_units: u64,
    ) -> Result<BaselineMeasurement, OutcomeError> {
        if actual_units > total_units {
            return Err(OutcomeError::InvalidMeasurement {
                item: format!("baseline measurement on {measured_on}"),
                reason: "more units in care than units in total",
            });
        }
        Ok(BaselineMeasurement { measured_on, total_units, actual_units })
    }
    /// Measurement date.
    ///
    /// ```
    /// use integration_outcomes::outcomes::BaselineMeasurement;
    /// let m = BaselineMeasurement::new("2014-03-31".parse()?, 36_500, 3_942)?;
    /// assert_eq!(m.measured_on().to_string(), "2014-03-31");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn measured_on(&self) -> Date {
        self.measured_on
    }
    /// Total units (child days).
    ///
    /// ```
    /// use integration_outcomes::outcomes::BaselineMeasurement;
    /// let m = BaselineMeasurement::new("2014-03-31".parse()?, 36_500, 3_942)?;
    /// assert_eq!(m.total_units(), 36_500);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total_units(&self) -> u64 {
        self.total_units
    }
    /// Units in the costly state (care days).
    ///
    /// ```
    /// use integration_outcomes::outcomes::BaselineMeasurement;
    /// let m = BaselineMeasurement::new("2014-03-31".parse()?, 36_500, 3_942)?;
    /// assert_eq!(m.actual_units(), 3_942);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn actual_units(&self) -> u64 {
        self.actual_units
    }
}

impl TryFrom<BaselineMeasurementRepr> for BaselineMeasurement {
    type Error = OutcomeError;
    fn try_from(r: BaselineMeasurementRepr) -> Result<Self, Self::Error> {
        BaselineMeasurement::new(r.measured_on, r.total_units, r.actual_units)
    }
}

impl From<BaselineMeasurement> for BaselineMeasurementRepr {
    fn from(m: BaselineMeasurement) -> Self {
        BaselineMeasurementRepr {
            measured_on: m.measured_on,
            total_units: m.total_units,
            actual_units: m.actual_units,
        }
    }
}

/// A baseline-comparison rule (Essex edge of care): units avoided are
/// `baseline × total units − actual units` (exact), paid at a price per
/// unit, with the rule's total capped (Essex: £7.1m). Periods are paid in
/// date order until the cap is reached.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::BaselineRule;
/// use integration_outcomes::{Currency, Money};
/// let essex = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))? // illustrative price
///     .with_cap(Money::from_major(7_100_000, Currency::GBP))?;
/// assert_eq!(essex.baseline().to_string(), "55%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "BaselineRuleRepr", into = "BaselineRuleRepr")]
pub struct BaselineRule {
    id: RuleId,
    baseline: Rate,
    price_per_unit: Money,
    cap: Option<Money>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineRuleRepr {
    id: String,
    baseline: Rate,
    price_per_unit: Money,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cap: Option<Money>,
}

impl BaselineRule {
    /// A rule paying `price_per_unit` for each unit below `baseline`.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidId`]; [`OutcomeError::InvalidThreshold`] for a
    /// baseline outside 0%..=100%; [`OutcomeError::NegativeAmount`].
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::BaselineRule;
    /// use integration_outcomes::{Currency, Money};
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?;
    /// assert_eq!(rule.cap(), None);
    /// assert!(BaselineRule::new("care_days", "101%".parse()?, Money::from_major(100, Currency::GBP)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        baseline: Rate,
        price_per_unit: Money,
    ) -> Result<BaselineRule, OutcomeError> {
        let id = RuleId::new(id)?;
        if baseline.is_negative() || baseline > Rate::ONE {
            return Err(OutcomeError::InvalidThreshold {
                item: format!("rule {id}"),
                reason: "a baseline proportion must lie within 0%..=100%",
            });
        }
        check_amount(
            || format!("price per unit of rule {id}"),
            price_per_unit,
            price_per_unit.currency(),
        )?;
        Ok(BaselineRule { id, baseline, price_per_unit, cap: None })
    }

    /// Caps the rule's total.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::NegativeAmount`] or [`OutcomeError::MixedCurrency`].
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::BaselineRule;
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?.with_cap(gbp(7_100_000))?;
    /// assert_eq!(rule.cap(), Some(gbp(7_100_000)));
    /// assert!(rule.with_cap(Money::from_major(1, Currency::EUR)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_cap(mut self, cap: Money) -> Result<BaselineRule, OutcomeError> {
        check_amount(|| format!("cap of rule {}", self.id), cap, self.price_per_unit.currency())?;
        self.cap = Some(cap);
        Ok(self)
    }

    /// The rule's id.
    ///
    /// ```
    /// use integration_outcomes::outcomes::BaselineRule;
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?.with_cap(gbp(7_100_000))?;
    /// assert_eq!(rule.id().as_str(), "care_days");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &RuleId {
        &self.id
    }
    /// The historical baseline proportion.
    ///
    /// ```
    /// use integration_outcomes::outcomes::BaselineRule;
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?.with_cap(gbp(7_100_000))?;
    /// assert_eq!(rule.baseline(), "55%".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn baseline(&self) -> Rate {
        self.baseline
    }
    /// The price per unit avoided.
    ///
    /// ```
    /// use integration_outcomes::outcomes::BaselineRule;
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?.with_cap(gbp(7_100_000))?;
    /// assert_eq!(rule.price_per_unit(), gbp(100));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn price_per_unit(&self) -> Money {
        self.price_per_unit
    }
    /// The cap on the rule's total.
    ///
    /// ```
    /// use integration_outcomes::outcomes::BaselineRule;
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?.with_cap(gbp(7_100_000))?;
    /// assert_eq!(rule.cap(), Some(gbp(7_100_000)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn cap(&self) -> Option<Money> {
        self.cap
    }
    /// The currency.
    ///
    /// ```
    /// use integration_outcomes::outcomes::BaselineRule;
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?.with_cap(gbp(7_100_000))?;
    /// assert_eq!(rule.currency(), Currency::GBP);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn currency(&self) -> Currency {
        self.price_per_unit.currency()
    }

    /// Units avoided in a measurement (negative when worse than baseline),
    /// exact.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] if the exact result does not fit a
    /// `Decimal` (it is never rounded).
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineMeasurement, BaselineRule};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = BaselineRule::new("r", "55%".parse()?, Money::from_major(1, Currency::GBP))?;
    /// let m = BaselineMeasurement::new("2019-03-31".parse()?, 1_000, 108)?; // 10.8% in care
    /// assert_eq!(rule.units_avoided(&m)?.to_string(), "442");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn units_avoided(&self, m: &BaselineMeasurement) -> Result<Decimal, OutcomeError> {
        let overflow = || OutcomeError::Overflow { operation: "units avoided" };
        // Exact arithmetic: `Decimal`'s own operators round a result past
        // 28 digits without saying so.
        let expected = exact::mul(self.baseline.as_fraction(), Decimal::from(m.total_units))
            .ok_or_else(overflow)?;
        Ok(exact::sub(expected, Decimal::from(m.actual_units)).ok_or_else(overflow)?.normalize())
    }
}

impl TryFrom<BaselineRuleRepr> for BaselineRule {
    type Error = OutcomeError;
    fn try_from(r: BaselineRuleRepr) -> Result<Self, Self::Error> {
        let rule = BaselineRule::new(r.id, r.baseline, r.price_per_unit)?;
        match r.cap {
            Some(cap) => rule.with_cap(cap),
            None => Ok(rule),
        }
    }
}

impl From<BaselineRule> for BaselineRuleRepr {
    fn from(r: BaselineRule) -> Self {
        BaselineRuleRepr {
            id: r.id.into(),
            baseline: r.baseline,
            price_per_unit: r.price_per_unit,
            cap: r.cap,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{BaselineMeasurement, BaselineRule};
    use crate::outcomes::OutcomeError;
    use crate::{Currency, Date, Money, Rate};

    #[test]
    fn a_negative_price_is_named_as_the_price() {
        let err =
            BaselineRule::new("r", Rate::ONE, Money::from_major(-1, Currency::GBP)).unwrap_err();
        assert_eq!(err.to_string(), "price per unit of rule r is negative: GBP -1.00");
    }

    /// 0.5512345678901234567890123457 × 123,456,789,012,345 needs 43
    /// digits: `Decimal`'s own multiplication would round it silently.
    #[test]
    fn units_avoided_are_exact_or_an_error() {
        let baseline = Rate::from_fraction("0.5512345678901234567890123457".parse().unwrap());
        let rule = BaselineRule::new("r", baseline, Money::from_major(1, Currency::GBP)).unwrap();
        let m =
            BaselineMeasurement::new(Date::constant(2019, 3, 31), 123_456_789_012_345, 0).unwrap();
        let err = rule.units_avoided(&m).unwrap_err();
        assert!(matches!(err, OutcomeError::Overflow { .. }), "{err}");
        let m = BaselineMeasurement::new(Date::constant(2019, 3, 31), 1_000, 1).unwrap();
        assert_eq!(rule.units_avoided(&m).unwrap().to_string(), "550.2345678901234567890123457");
    }
}
