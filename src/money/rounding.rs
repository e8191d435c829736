use rust_decimal::Decimal;

use super::{Currency, MoneyError};

/// How a value is rounded to a number of decimal places.
///
/// The names follow [`rust_decimal::RoundingStrategy`], but this crate never
/// rounds with a default: every rounding names its strategy, usually through a
/// contract's [`RoundingPolicy`].
///
/// | strategy | 2.345 → | −2.345 → | 2.355 → |
/// |---|---|---|---|
/// | `MidpointAwayFromZero` | 2.35 | −2.35 | 2.36 |
/// | `MidpointNearestEven` | 2.34 | −2.34 | 2.36 |
/// | `MidpointTowardZero` | 2.34 | −2.34 | 2.35 |
/// | `TowardZero` | 2.34 | −2.34 | 2.35 |
/// | `AwayFromZero` | 2.35 | −2.35 | 2.36 |
/// | `TowardNegativeInfinity` | 2.34 | −2.35 | 2.35 |
/// | `TowardPositiveInfinity` | 2.35 | −2.34 | 2.36 |
///
/// # Example
///
/// ```
/// use integration_outcomes::RoundingStrategy;
/// use rust_decimal::Decimal;
///
/// let x: Decimal = "2.345".parse()?;
/// assert_eq!(RoundingStrategy::MidpointAwayFromZero.round(x, 2).to_string(), "2.35");
/// assert_eq!(RoundingStrategy::MidpointNearestEven.round(x, 2).to_string(), "2.34");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RoundingStrategy {
    /// Round half away from zero ("commercial" rounding, DIN 1333).
    MidpointAwayFromZero,
    /// Round half to even ("banker's" rounding).
    MidpointNearestEven,
    /// Round half toward zero.
    MidpointTowardZero,
    /// Truncate: always toward zero (never pay more than earned).
    TowardZero,
    /// Always away from zero.
    AwayFromZero,
    /// Always down (floor).
    TowardNegativeInfinity,
    /// Always up (ceiling).
    TowardPositiveInfinity,
}

impl RoundingStrategy {
    /// Rounds `value` to `decimal_places` with this strategy.
    ///
    /// The result has no non-zero digit beyond `decimal_places`, and is
    /// padded with zeros to `decimal_places` digits after the point as far
    /// as a decimal's 96-bit mantissa allows: a large value keeps fewer
    /// (`Decimal::MAX` keeps none, `10¹²` keeps 16 of 20). The value is the
    /// same either way; only the trailing zeros differ.
    ///
    /// ```
    /// use integration_outcomes::RoundingStrategy;
    /// use rust_decimal::Decimal;
    ///
    /// let x: Decimal = "-2.345".parse()?;
    /// assert_eq!(RoundingStrategy::TowardNegativeInfinity.round(x, 2).to_string(), "-2.35");
    /// assert_eq!(RoundingStrategy::TowardZero.round(Decimal::from(7), 2).to_string(), "7.00");
    /// // No room for two more digits: the value is kept, unpadded.
    /// assert_eq!(RoundingStrategy::TowardZero.round(Decimal::MAX, 2), Decimal::MAX);
    /// assert_eq!(RoundingStrategy::TowardZero.round(Decimal::MAX, 2).scale(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn round(self, value: Decimal, decimal_places: u32) -> Decimal {
        use rust_decimal::RoundingStrategy as R;
        let strategy = match self {
            RoundingStrategy::MidpointAwayFromZero => R::MidpointAwayFromZero,
            RoundingStrategy::MidpointNearestEven => R::MidpointNearestEven,
            RoundingStrategy::MidpointTowardZero => R::MidpointTowardZero,
            RoundingStrategy::TowardZero => R::ToZero,
            RoundingStrategy::AwayFromZero => R::AwayFromZero,
            RoundingStrategy::TowardNegativeInfinity => R::ToNegativeInfinity,
            RoundingStrategy::TowardPositiveInfinity => R::ToPositiveInfinity,
        };
        let mut rounded = value.round_dp_with_strategy(decimal_places, strategy);
        if rounded.scale() < decimal_places {
            rounded.rescale(decimal_places);
        }
        // Never report "-0.00".
        if rounded.is_zero() {
            rounded.set_sign_positive(true);
        }
        rounded
    }
}

/// At which stage a contract rounds money.
///
/// The stage changes totals: rounding each line and summing can differ by a
/// few minor units from rounding the exact sum (see `DESIGN.md`).
///
/// # Example
///
/// ```
/// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
///
/// let policy = RoundingPolicy::for_currency(
///     Currency::GBP,
///     RoundingStrategy::MidpointAwayFromZero,
///     RoundingStage::PerTotal,
/// );
/// // The enum is non-exhaustive: a match needs a wildcard arm.
/// let rounds_each_line = match policy.stage() {
///     RoundingStage::PerLine => true,
///     RoundingStage::PerTotal => false,
///     _ => false,
/// };
/// assert!(!rounds_each_line);
/// // Contract files spell the stage in snake case.
/// assert_eq!(serde_json::to_string(&RoundingStage::PerLine)?, r#""per_line""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RoundingStage {
    /// Round every payment line (one claim, one cohort decision) after its
    /// caps are applied; totals are exact sums of rounded lines.
    PerLine,
    /// Keep lines exact and round each total (per outcome, per payer, per
    /// period, and the grand total) once.
    PerTotal,
}

/// A contract's declared rounding: decimal places, strategy and stage.
///
/// # Example
///
/// ```
/// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
/// use rust_decimal::Decimal;
///
/// let policy = RoundingPolicy::for_currency(
///     Currency::GBP,
///     RoundingStrategy::TowardZero,
///     RoundingStage::PerLine,
/// );
/// assert_eq!(policy.decimal_places(), 2);
/// assert_eq!(policy.round("10.019".parse::<Decimal>()?).to_string(), "10.01");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RoundingPolicyRepr", into = "RoundingPolicyRepr")]
pub struct RoundingPolicy {
    decimal_places: u32,
    strategy: RoundingStrategy,
    stage: RoundingStage,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RoundingPolicyRepr {
    decimal_places: u32,
    strategy: RoundingStrategy,
    stage: RoundingStage,
}

impl RoundingPolicy {
    /// The largest number of decimal places a [`Decimal`] can hold.
    ///
    /// ```
    /// use integration_outcomes::{RoundingPolicy, RoundingStage, RoundingStrategy};
    ///
    /// let finest = RoundingPolicy::MAX_DECIMAL_PLACES;
    /// assert_eq!(finest, 28);
    /// let exact = RoundingPolicy::new(finest, RoundingStrategy::TowardZero, RoundingStage::PerTotal)?;
    /// assert_eq!(exact.decimal_places(), 28);
    /// assert!(RoundingPolicy::new(finest + 1, RoundingStrategy::TowardZero, RoundingStage::PerTotal).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const MAX_DECIMAL_PLACES: u32 = 28;

    /// A policy rounding to `decimal_places` with `strategy` at `stage`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::DecimalPlacesOutOfRange`] if `decimal_places > 28`.
    ///
    /// ```
    /// use integration_outcomes::{RoundingPolicy, RoundingStage, RoundingStrategy};
    ///
    /// let whole_pounds = RoundingPolicy::new(0, RoundingStrategy::MidpointAwayFromZero, RoundingStage::PerTotal)?;
    /// assert_eq!(whole_pounds.decimal_places(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        decimal_places: u32,
        strategy: RoundingStrategy,
        stage: RoundingStage,
    ) -> Result<RoundingPolicy, MoneyError> {
        if decimal_places > Self::MAX_DECIMAL_PLACES {
            return Err(MoneyError::DecimalPlacesOutOfRange { decimal_places });
        }
        Ok(RoundingPolicy { decimal_places, strategy, stage })
    }

    /// A policy rounding to the currency's minor units (pence for GBP).
    ///
    /// ```
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    ///
    /// let p = RoundingPolicy::for_currency(Currency::from_code("JPY")?, RoundingStrategy::MidpointNearestEven, RoundingStage::PerTotal);
    /// assert_eq!(p.decimal_places(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn for_currency(
        currency: Currency,
        strategy: RoundingStrategy,
        stage: RoundingStage,
    ) -> RoundingPolicy {
        RoundingPolicy { decimal_places: u32::from(currency.minor_units()), strategy, stage }
    }

    /// Decimal places results are rounded to.
    ///
    /// ```
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// assert_eq!(pence.decimal_places(), 2);
    /// ```
    #[must_use]
    pub const fn decimal_places(&self) -> u32 {
        self.decimal_places
    }

    /// The rounding strategy.
    ///
    /// ```
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// assert_eq!(pence.strategy(), RoundingStrategy::TowardZero);
    /// ```
    #[must_use]
    pub const fn strategy(&self) -> RoundingStrategy {
        self.strategy
    }

    /// The stage at which rounding happens.
    ///
    /// ```
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// assert_eq!(pence.stage(), RoundingStage::PerLine);
    /// ```
    #[must_use]
    pub const fn stage(&self) -> RoundingStage {
        self.stage
    }

    /// Rounds `value` with this policy's places and strategy (the caller
    /// decides, from [`stage`](Self::stage), whether this is the moment).
    /// Padding to the places is as for [`RoundingStrategy::round`].
    ///
    /// ```
    /// use integration_outcomes::{RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    ///
    /// let p = RoundingPolicy::new(2, RoundingStrategy::MidpointNearestEven, RoundingStage::PerTotal)?;
    /// assert_eq!(p.round("2.345".parse::<Decimal>()?).to_string(), "2.34");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn round(&self, value: Decimal) -> Decimal {
        self.strategy.round(value, self.decimal_places)
    }
}

impl TryFrom<RoundingPolicyRepr> for RoundingPolicy {
    type Error = MoneyError;

    fn try_from(r: RoundingPolicyRepr) -> Result<Self, Self::Error> {
        RoundingPolicy::new(r.decimal_places, r.strategy, r.stage)
    }
}

impl From<RoundingPolicy> for RoundingPolicyRepr {
    fn from(p: RoundingPolicy) -> Self {
        RoundingPolicyRepr {
            decimal_places: p.decimal_places,
            strategy: p.strategy,
            stage: p.stage,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every strategy against positive and negative midpoints and non-midpoints.
    #[test]
    fn strategy_table() {
        use RoundingStrategy::*;
        let cases: &[(RoundingStrategy, &str, &str)] = &[
            (MidpointAwayFromZero, "2.5", "3"),
            (MidpointAwayFromZero, "-2.5", "-3"),
            (MidpointAwayFromZero, "2.4", "2"),
            (MidpointNearestEven, "2.5", "2"),
            (MidpointNearestEven, "3.5", "4"),
            (MidpointNearestEven, "-2.5", "-2"),
            (MidpointTowardZero, "2.5", "2"),
            (MidpointTowardZero, "-2.5", "-2"),
            (MidpointTowardZero, "2.6", "3"),
            (TowardZero, "2.9", "2"),
            (TowardZero, "-2.9", "-2"),
            (AwayFromZero, "2.1", "3"),
            (AwayFromZero, "-2.1", "-3"),
            (TowardNegativeInfinity, "2.9", "2"),
            (TowardNegativeInfinity, "-2.1", "-3"),
            (TowardPositiveInfinity, "2.1", "3"),
            (TowardPositiveInfinity, "-2.9", "-2"),
            (TowardZero, "-0.4", "0"),
        ];
        for (strategy, input, expected) in cases {
            let got = strategy.round(input.parse().unwrap(), 0);
            assert_eq!(got.to_string(), *expected, "{strategy:?} {input}");
        }
    }

    #[test]
    fn rounding_pads_to_places() {
        let got = RoundingStrategy::MidpointAwayFromZero.round(Decimal::from(7), 2);
        assert_eq!(got.to_string(), "7.00");
        // Padding stops where the mantissa is full; the value is unchanged.
        let max = RoundingStrategy::MidpointAwayFromZero.round(Decimal::MAX, 2);
        assert_eq!((max, max.scale()), (Decimal::MAX, 0));
        let trillion = RoundingStrategy::TowardZero.round(Decimal::from(1_000_000_000_000_i64), 20);
        assert_eq!(trillion.scale(), 16);
    }

    #[test]
    fn policy_validation_and_serde() {
        assert!(matches!(
            RoundingPolicy::new(29, RoundingStrategy::TowardZero, RoundingStage::PerLine),
            Err(MoneyError::DecimalPlacesOutOfRange { decimal_places: 29 })
        ));
        let p =
            RoundingPolicy::new(2, RoundingStrategy::MidpointNearestEven, RoundingStage::PerTotal)
                .unwrap();
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"decimal_places":2,"strategy":"midpoint_nearest_even","stage":"per_total"}"#
        );
        assert_eq!(serde_json::from_str::<RoundingPolicy>(&json).unwrap(), p);
        let bad = r#"{"decimal_places":40,"strategy":"toward_zero","stage":"per_line"}"#;
        assert!(serde_json::from_str::<RoundingPolicy>(bad).is_err());
    }
}
