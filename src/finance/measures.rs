//! Money multiple, day counts and net present value.

use std::fmt;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::{Date, Money, MoneyError, Rate, RoundingStrategy};

use super::{CashFlows, FlowDirection, InvestmentError};

/// Significant digits kept when a discount factor (an `f64`) becomes a
/// `Decimal` to multiply an exact amount: `f64` carries 15 reliably.
const DISCOUNT_FACTOR_SIGNIFICANT_DIGITS: u32 = 15;
/// Decimal places a discount factor is cut to, so that the exact product with
/// an amount stays within a `Decimal`'s 28 places.
const DISCOUNT_FACTOR_MAX_PLACES: u32 = 20;

/// Decimal places each discounted flow (present value) is rounded to.
const PRESENT_VALUE_PLACES: u32 = 12;

/// How the time between two dates becomes a fraction of a year.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::DayCount;
/// let years = DayCount::Actual365Fixed.year_fraction("2020-01-01".parse()?, "2021-01-01".parse()?)?;
/// assert_eq!(years, 366.0 / 365.0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DayCount {
    /// Actual days divided by 365, as Excel's `XNPV` and `XIRR` do.
    #[default]
    Actual365Fixed,
    /// Actual days divided by 360 (money-market convention).
    Actual360,
}

impl DayCount {
    /// Days in this convention's year.
    ///
    /// ```
    /// use integration_outcomes::finance::DayCount;
    /// assert_eq!(DayCount::Actual365Fixed.days_per_year(), 365);
    /// assert_eq!(DayCount::Actual360.days_per_year(), 360);
    /// ```
    #[must_use]
    pub const fn days_per_year(self) -> u32 {
        match self {
            DayCount::Actual365Fixed => 365,
            DayCount::Actual360 => 360,
        }
    }

    /// `(to − from)` in years under this convention; negative if `to` is
    /// earlier.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::DateOutOfRange`] if the difference cannot be
    /// computed.
    ///
    /// ```
    /// use integration_outcomes::finance::DayCount;
    /// let (from, to) = ("2020-01-01".parse()?, "2020-07-19".parse()?); // 200 days
    /// assert_eq!(DayCount::Actual360.year_fraction(from, to)?, 200.0 / 360.0);
    /// assert_eq!(DayCount::Actual365Fixed.year_fraction(to, from)?, -200.0 / 365.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn year_fraction(self, from: Date, to: Date) -> Result<f64, InvestmentError> {
        Ok(f64::from(days_between(from, to)?) / f64::from(self.days_per_year()))
    }
}

/// Actual days from `from` to `to` (negative if `to` is earlier).
pub(crate) fn days_between(from: Date, to: Date) -> Result<i32, InvestmentError> {
    from.until(to)
        .map(|span| span.get_days())
        .map_err(|_| InvestmentError::DateOutOfRange { from, to })
}

/// The money multiple (MOIC): everything the investor received divided by
/// everything the investor paid in, undiscounted. Both totals are kept
/// exact; comparisons with a target multiple are exact too.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
/// use integration_outcomes::Currency;
/// use rust_decimal::Decimal;
///
/// // Essex Edge of Care: 1.45 times the £3.1m committed.
/// let flows = CashFlows::new(Currency::GBP, [
///     CashFlow::new("2013-04-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 3100000".parse()?)?,
///     CashFlow::new("2019-03-31".parse()?, CashFlowKind::OutcomePayment, "GBP 4495000".parse()?)?,
/// ])?;
/// let moic = flows.moic()?;
/// assert!(moic.is_at_least(Decimal::new(145, 2))?);
/// assert_eq!(moic.to_string(), "1.45×");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneyMultiple {
    returned: Money,
    invested: Money,
}

impl MoneyMultiple {
    /// Everything the investor received.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
    /// use integration_outcomes::Currency;
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2013-04-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 3100000".parse()?)?,
    ///     CashFlow::new("2019-03-31".parse()?, CashFlowKind::OutcomePayment, "GBP 4495000".parse()?)?,
    /// ])?;
    /// assert_eq!(flows.moic()?.returned().to_string(), "GBP 4,495,000.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn returned(&self) -> Money {
        self.returned
    }

    /// Everything the investor paid in (positive).
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
    /// use integration_outcomes::Currency;
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2013-04-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 3100000".parse()?)?,
    ///     CashFlow::new("2019-03-31".parse()?, CashFlowKind::OutcomePayment, "GBP 4495000".parse()?)?,
    /// ])?;
    /// assert_eq!(flows.moic()?.invested().to_string(), "GBP 3,100,000.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn invested(&self) -> Money {
        self.invested
    }

    /// The multiple as a decimal, to `Decimal`'s 28 significant digits (a
    /// quotient need not terminate).
    ///
    /// # Errors
    ///
    /// [`InvestmentError::Money`] if the quotient is out of range.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
    /// use integration_outcomes::Currency;
    /// use rust_decimal::Decimal;
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2013-04-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 3100000".parse()?)?,
    ///     CashFlow::new("2019-03-31".parse()?, CashFlowKind::OutcomePayment, "GBP 4495000".parse()?)?,
    /// ])?;
    /// assert_eq!(flows.moic()?.as_decimal()?, Decimal::new(145, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_decimal(&self) -> Result<Decimal, InvestmentError> {
        self.returned
            .amount()
            .checked_div(self.invested.amount())
            .ok_or(InvestmentError::Money(MoneyError::Overflow { operation: "money multiple" }))
    }

    /// The multiple rounded to `decimal_places` with `strategy`.
    ///
    /// # Errors
    ///
    /// As for [`as_decimal`](Self::as_decimal).
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
    /// use integration_outcomes::{Currency, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2020-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 3".parse()?)?,
    ///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::Repayment, "GBP 5".parse()?)?,
    /// ])?;
    /// let m = flows.moic()?; // 5/3
    /// assert_eq!(m.rounded(2, RoundingStrategy::MidpointAwayFromZero)?, Decimal::new(167, 2));
    /// assert_eq!(m.rounded(2, RoundingStrategy::TowardZero)?, Decimal::new(166, 2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rounded(
        &self,
        decimal_places: u32,
        strategy: RoundingStrategy,
    ) -> Result<Decimal, InvestmentError> {
        Ok(strategy.round(self.as_decimal()?, decimal_places))
    }

    /// Whether the multiple is at least `multiple`, decided exactly as
    /// `returned ≥ multiple × invested` (no division).
    ///
    /// # Errors
    ///
    /// [`InvestmentError::Money`] if the product overflows.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
    /// use integration_outcomes::{Currency, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2020-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 3".parse()?)?,
    ///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::Repayment, "GBP 4".parse()?)?,
    /// ])?;
    /// let m = flows.moic()?;
    /// assert!(m.is_at_least("1.3333".parse()?)?);
    /// assert!(!m.is_at_least("1.3334".parse()?)?);
    /// assert_eq!(m.rounded(3, RoundingStrategy::MidpointAwayFromZero)?, Decimal::new(1333, 3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_at_least(&self, multiple: Decimal) -> Result<bool, InvestmentError> {
        let target = self.invested.checked_mul(multiple)?;
        Ok(self.returned.amount() >= target.amount())
    }
}

impl fmt::Display for MoneyMultiple {
    /// Two decimal places, half away from zero, then `×` (`1.45×`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.rounded(2, RoundingStrategy::MidpointAwayFromZero) {
            Ok(m) => write!(f, "{m}×"),
            Err(_) => write!(f, "{} / {}", self.returned, self.invested),
        }
    }
}

/// Options for [`CashFlows::npv`]: the day count and the valuation date.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{DayCount, NpvOptions};
/// let options = NpvOptions::new().day_count(DayCount::Actual360).valuation_date("2020-01-01".parse()?);
/// assert_eq!(options.get_day_count(), DayCount::Actual360);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NpvOptions {
    day_count: DayCount,
    valuation_date: Option<Date>,
}

impl NpvOptions {
    /// Actual/365 fixed, valued at the first flow's date (as Excel's `XNPV`).
    ///
    /// ```
    /// use integration_outcomes::finance::{DayCount, NpvOptions};
    /// let options = NpvOptions::new();
    /// assert_eq!(options.get_day_count(), DayCount::Actual365Fixed);
    /// assert_eq!(options.get_valuation_date(), None);
    /// ```
    #[must_use]
    pub const fn new() -> NpvOptions {
        NpvOptions { day_count: DayCount::Actual365Fixed, valuation_date: None }
    }

    /// Sets the day count.
    ///
    /// ```
    /// use integration_outcomes::finance::{DayCount, NpvOptions};
    /// assert_eq!(NpvOptions::new().day_count(DayCount::Actual360).get_day_count(), DayCount::Actual360);
    /// ```
    #[must_use]
    pub const fn day_count(mut self, day_count: DayCount) -> NpvOptions {
        self.day_count = day_count;
        self
    }

    /// Values the flows at `date` instead of at the first flow's date; flows
    /// before it are compounded forward.
    ///
    /// ```
    /// use integration_outcomes::finance::NpvOptions;
    /// use integration_outcomes::Date;
    /// let date: Date = "2020-01-01".parse()?;
    /// assert_eq!(NpvOptions::new().valuation_date(date).get_valuation_date(), Some(date));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn valuation_date(mut self, date: Date) -> NpvOptions {
        self.valuation_date = Some(date);
        self
    }

    /// The day count.
    ///
    /// ```
    /// use integration_outcomes::finance::{DayCount, NpvOptions};
    /// assert_eq!(NpvOptions::default().get_day_count(), DayCount::Actual365Fixed);
    /// ```
    #[must_use]
    pub const fn get_day_count(&self) -> DayCount {
        self.day_count
    }

    /// The valuation date, if one was set.
    ///
    /// ```
    /// use integration_outcomes::finance::NpvOptions;
    /// assert!(NpvOptions::new().get_valuation_date().is_none());
    /// let options = NpvOptions::new().valuation_date("2021-04-01".parse()?);
    /// assert_eq!(options.get_valuation_date(), Some("2021-04-01".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn get_valuation_date(&self) -> Option<Date> {
        self.valuation_date
    }
}

/// The discount factor `(1 + r)^(−years)` as a `Decimal` with 15 significant
/// digits (at most 20 places); exactly one when `r` is zero or `years` is zero.
fn discount_factor(
    rate: Rate,
    rate_f64: f64,
    years: f64,
    date: Date,
) -> Result<Decimal, InvestmentError> {
    if rate.as_fraction().is_zero() || years == 0.0 {
        return Ok(Decimal::ONE);
    }
    let factor = (1.0 + rate_f64).powf(-years);
    let out_of_range = || InvestmentError::DiscountFactorOutOfRange { date, rate };
    if !factor.is_finite() || factor <= 0.0 {
        return Err(out_of_range());
    }
    let exact = Decimal::from_f64_retain(factor).ok_or_else(out_of_range)?;
    let significant = exact
        .round_sf_with_strategy(
            DISCOUNT_FACTOR_SIGNIFICANT_DIGITS,
            rust_decimal::RoundingStrategy::MidpointNearestEven,
        )
        .ok_or_else(out_of_range)?;
    Ok(RoundingStrategy::MidpointNearestEven
        .round(significant, DISCOUNT_FACTOR_MAX_PLACES)
        .normalize())
}

impl CashFlows {
    /// The money multiple: total received over total paid in.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::NoCashFlows`] if there are no flows;
    /// [`InvestmentError::NothingInvested`] if no flow is from the investor
    /// (or they sum to zero); [`InvestmentError::Money`] on overflow.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, InvestmentError};
    /// use integration_outcomes::Currency;
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2020-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 100".parse()?)?,
    ///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::OutcomePayment, "GBP 80".parse()?)?,
    /// ])?;
    /// assert_eq!(flows.moic()?.to_string(), "0.80×");
    /// let empty = CashFlows::new(Currency::GBP, [])?;
    /// assert!(matches!(empty.moic(), Err(InvestmentError::NoCashFlows)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn moic(&self) -> Result<MoneyMultiple, InvestmentError> {
        if self.is_empty() {
            return Err(InvestmentError::NoCashFlows);
        }
        let invested = self.total(FlowDirection::FromInvestor)?;
        if invested.is_zero() {
            return Err(InvestmentError::NothingInvested);
        }
        Ok(MoneyMultiple { returned: self.total(FlowDirection::ToInvestor)?, invested })
    }

    /// The net present value at the annual discount `rate`, over actual dates
    /// (see [`NpvOptions`]; by default Actual/365 fixed valued at the first
    /// flow's date, as Excel's `XNPV`).
    ///
    /// Each discount factor `(1 + rate)^(−t)` is computed in `f64` (it is a
    /// real number) and kept to 15 significant digits; each flow's present
    /// value (amount × factor, to 28 significant digits) is rounded to 12 decimal places
    /// (midpoint to even: far below a minor unit, and below the factor's own
    /// precision), and the present values are summed exactly. Without that
    /// step the exact sum of many 20-place products would need more than the
    /// 28 significant digits a decimal holds. The result is not rounded
    /// further: round it with the contract's policy. At a zero rate every
    /// factor is exactly one, so the NPV is exactly the sum of the flows.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::NoCashFlows`] if there are no flows;
    /// [`InvestmentError::DiscountRateOutOfRange`] if `rate ≤ −100%`;
    /// [`InvestmentError::DiscountFactorOutOfRange`] if a factor overflows
    /// `f64`; [`InvestmentError::DateOutOfRange`];
    /// [`InvestmentError::Money`] on overflow.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, NpvOptions};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    ///
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 100".parse()?)?,
    ///     CashFlow::new("2022-01-01".parse()?, CashFlowKind::Repayment, "GBP 110".parse()?)?,
    /// ])?;
    /// let npv = flows.npv("10%".parse()?, NpvOptions::new())?;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::MidpointAwayFromZero, RoundingStage::PerTotal);
    /// assert_eq!(npv.round(&pence), Money::zero(Currency::GBP));
    /// assert_eq!(flows.npv("0%".parse()?, NpvOptions::new())?, flows.net()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn npv(&self, rate: Rate, options: NpvOptions) -> Result<Money, InvestmentError> {
        let first = self.flows().first().ok_or(InvestmentError::NoCashFlows)?;
        if rate.as_fraction() <= Decimal::NEGATIVE_ONE {
            return Err(InvestmentError::DiscountRateOutOfRange { rate });
        }
        let rate_f64 =
            rate.as_fraction().to_f64().ok_or(InvestmentError::DiscountRateOutOfRange { rate })?;
        let valuation = options.valuation_date.unwrap_or(first.date());
        let mut total = Money::zero(self.currency());
        for flow in self.flows() {
            let years = options.day_count.year_fraction(valuation, flow.date())?;
            let factor = discount_factor(rate, rate_f64, years, flow.date())?;
            let present = RoundingStrategy::MidpointNearestEven.round(
                flow.net()
                    .amount()
                    .checked_mul(factor)
                    .ok_or(MoneyError::Overflow { operation: "present value" })?,
                PRESENT_VALUE_PLACES,
            );
            total = total.checked_add(Money::new(present, self.currency()))?;
        }
        Ok(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;
    use crate::finance::{CashFlow, CashFlowKind};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn discount_factor_keeps_fifteen_significant_digits() {
        let r: Rate = "10%".parse().unwrap();
        let f = discount_factor(r, 0.1, 1.0, d("2020-01-01")).unwrap();
        assert_eq!(f.to_string(), "0.909090909090909");
        assert_eq!(discount_factor(Rate::ZERO, 0.0, 3.0, d("2020-01-01")).unwrap(), Decimal::ONE);
    }

    #[test]
    fn npv_values_at_chosen_date_and_rejects_bad_rates() {
        let flows = CashFlows::new(
            Currency::GBP,
            [
                CashFlow::new(
                    d("2021-01-01"),
                    CashFlowKind::CapitalDrawdown,
                    Money::from_major(100, Currency::GBP),
                )
                .unwrap(),
                CashFlow::new(
                    d("2022-01-01"),
                    CashFlowKind::Repayment,
                    Money::from_major(110, Currency::GBP),
                )
                .unwrap(),
            ],
        )
        .unwrap();
        // Valued a year later, the same zero NPV compounds to zero.
        let later = flows
            .npv("10%".parse().unwrap(), NpvOptions::new().valuation_date(d("2022-01-01")))
            .unwrap();
        assert!(later.amount().abs() < Decimal::new(1, 9), "{later}");
        assert!(matches!(
            flows.npv("-100%".parse().unwrap(), NpvOptions::new()),
            Err(InvestmentError::DiscountRateOutOfRange { .. })
        ));
        let empty = CashFlows::new(Currency::GBP, []).unwrap();
        assert_eq!(empty.npv(Rate::ZERO, NpvOptions::new()), Err(InvestmentError::NoCashFlows));
        assert_eq!(empty.moic(), Err(InvestmentError::NoCashFlows));
    }

    #[test]
    fn moic_needs_an_investment() {
        let flows = CashFlows::new(
            Currency::GBP,
            [CashFlow::new(
                d("2022-01-01"),
                CashFlowKind::Repayment,
                Money::from_major(1, Currency::GBP),
            )
            .unwrap()],
        )
        .unwrap();
        assert_eq!(flows.moic(), Err(InvestmentError::NothingInvested));
    }

    #[test]
    fn moic_threshold_is_exact() {
        let flows = CashFlows::new(
            Currency::GBP,
            [
                CashFlow::new(
                    d("2020-01-01"),
                    CashFlowKind::CapitalDrawdown,
                    Money::from_major(3, Currency::GBP),
                )
                .unwrap(),
                CashFlow::new(
                    d("2021-01-01"),
                    CashFlowKind::Repayment,
                    Money::from_major(4, Currency::GBP),
                )
                .unwrap(),
            ],
        )
        .unwrap();
        let m = flows.moic().unwrap();
        // 4/3 = 1.333…: at least 1.3333, not at least 1.3334.
        assert!(m.is_at_least("1.3333".parse().unwrap()).unwrap());
        assert!(!m.is_at_least("1.3334".parse().unwrap()).unwrap());
        assert_eq!(m.to_string(), "1.33×");
    }
}
