//! Internal rate of return over irregular dates (XIRR).

use std::fmt;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::{Rate, RoundingStrategy};

use super::measures::days_between;
use super::{CashFlows, DayCount, InvestmentError};

/// The relative residual an internal rate of return must reach:
/// `|Σ aᵢ(1+r)^(−tᵢ)| ≤ XIRR_TOLERANCE × Σ |aᵢ|(1+r)^(−tᵢ)`.
///
/// ```
/// assert_eq!(integration_outcomes::finance::XIRR_TOLERANCE, 1e-9);
/// ```
pub const XIRR_TOLERANCE: f64 = 1e-9;

/// The lowest annual rate searched: −99.9999% a year.
///
/// ```
/// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, InvestmentError, XIRR_LOWEST_RATE, XirrOptions};
/// use integration_outcomes::Currency;
///
/// assert_eq!(XIRR_LOWEST_RATE, -0.999_999);
/// // Almost everything lost: the rate (about −99.999999%) is below the search.
/// let flows = CashFlows::new(Currency::GBP, [
///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 1000000".parse()?)?,
///     CashFlow::new("2022-01-01".parse()?, CashFlowKind::Repayment, "GBP 0.01".parse()?)?,
/// ])?;
/// let err = flows.xirr(XirrOptions::new()).unwrap_err();
/// assert!(matches!(
///     err,
///     InvestmentError::NoIrrInRange { lowest_percent, .. } if lowest_percent == XIRR_LOWEST_RATE * 100.0
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const XIRR_LOWEST_RATE: f64 = -0.999_999;

/// The highest annual rate searched: 10⁹ (100,000,000,000%) a year.
///
/// ```
/// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, InvestmentError, XIRR_HIGHEST_RATE, XirrOptions};
/// use integration_outcomes::Currency;
///
/// assert_eq!(XIRR_HIGHEST_RATE, 1e9);
/// // Doubling in a day is about 7.5 × 10¹⁰⁹ a year: above the search.
/// let flows = CashFlows::new(Currency::GBP, [
///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 100".parse()?)?,
///     CashFlow::new("2021-01-02".parse()?, CashFlowKind::Repayment, "GBP 200".parse()?)?,
/// ])?;
/// let err = flows.xirr(XirrOptions::new()).unwrap_err();
/// assert!(matches!(
///     err,
///     InvestmentError::NoIrrInRange { highest_percent, .. } if highest_percent == XIRR_HIGHEST_RATE * 100.0
/// ));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const XIRR_HIGHEST_RATE: f64 = 1e9;

/// Spacing of the bracketing grid in `ln(1 + r)`.
const GRID_STEP: f64 = 0.02;

/// Options for [`CashFlows::xirr`].
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{DayCount, XirrOptions};
/// let options = XirrOptions::new().day_count(DayCount::Actual365Fixed).max_iterations(50);
/// assert_eq!(options.get_max_iterations(), 50);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XirrOptions {
    day_count: DayCount,
    max_iterations: u32,
}

impl Default for XirrOptions {
    fn default() -> Self {
        XirrOptions::new()
    }
}

impl XirrOptions {
    /// Actual/365 fixed (as Excel's `XIRR`) and at most 100 refinement
    /// iterations.
    ///
    /// ```
    /// use integration_outcomes::finance::{DayCount, XirrOptions};
    /// let options = XirrOptions::new();
    /// assert_eq!(options.get_day_count(), DayCount::Actual365Fixed);
    /// assert_eq!(options.get_max_iterations(), 100);
    /// ```
    #[must_use]
    pub const fn new() -> XirrOptions {
        XirrOptions { day_count: DayCount::Actual365Fixed, max_iterations: 100 }
    }

    /// Sets the day count.
    ///
    /// ```
    /// use integration_outcomes::finance::{DayCount, XirrOptions};
    /// let options = XirrOptions::new().day_count(DayCount::Actual360);
    /// assert_eq!(options.get_day_count(), DayCount::Actual360);
    /// ```
    #[must_use]
    pub const fn day_count(mut self, day_count: DayCount) -> XirrOptions {
        self.day_count = day_count;
        self
    }

    /// Sets the most Newton or bisection steps taken after bracketing.
    ///
    /// ```
    /// use integration_outcomes::finance::XirrOptions;
    /// let options = XirrOptions::new().max_iterations(20);
    /// assert_eq!(options.get_max_iterations(), 20);
    /// ```
    #[must_use]
    pub const fn max_iterations(mut self, max_iterations: u32) -> XirrOptions {
        self.max_iterations = max_iterations;
        self
    }

    /// The day count.
    ///
    /// ```
    /// use integration_outcomes::finance::{DayCount, XirrOptions};
    /// assert_eq!(XirrOptions::default().get_day_count(), DayCount::Actual365Fixed);
    /// ```
    #[must_use]
    pub const fn get_day_count(&self) -> DayCount {
        self.day_count
    }

    /// The iteration limit.
    ///
    /// ```
    /// use integration_outcomes::finance::XirrOptions;
    /// assert_eq!(XirrOptions::new().max_iterations(250).get_max_iterations(), 250);
    /// ```
    #[must_use]
    pub const fn get_max_iterations(&self) -> u32 {
        self.max_iterations
    }
}

/// An internal rate of return found by [`CashFlows::xirr`]: an annual rate
/// (`0.031` is 3.1% a year) in `f64`, with the iterations used and the
/// relative residual reached.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, XirrOptions};
/// use integration_outcomes::{Currency, RoundingStrategy};
///
/// let flows = CashFlows::new(Currency::GBP, [
///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 100".parse()?)?,
///     CashFlow::new("2022-01-01".parse()?, CashFlowKind::Repayment, "GBP 110".parse()?)?,
/// ])?;
/// let irr = flows.xirr(XirrOptions::new())?;
/// assert!((irr.rate() - 0.10).abs() < 1e-12);
/// assert_eq!(irr.to_rate(4, RoundingStrategy::MidpointAwayFromZero)?.to_string(), "10%");
/// assert_eq!(irr.to_string(), "10.0000% a year");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Irr {
    rate: f64,
    iterations: u32,
    residual: f64,
}

impl Irr {
    /// The annual rate as a fraction.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, XirrOptions};
    /// use integration_outcomes::Currency;
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 100".parse()?)?,
    ///     CashFlow::new("2022-01-01".parse()?, CashFlowKind::Repayment, "GBP 110".parse()?)?,
    /// ])?;
    /// assert!((flows.xirr(XirrOptions::new())?.rate() - 0.10).abs() < 1e-12);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rate(&self) -> f64 {
        self.rate
    }

    /// The annual rate in per cent.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, XirrOptions};
    /// use integration_outcomes::Currency;
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 100".parse()?)?,
    ///     CashFlow::new("2022-01-01".parse()?, CashFlowKind::Repayment, "GBP 110".parse()?)?,
    /// ])?;
    /// assert!((flows.xirr(XirrOptions::new())?.percent() - 10.0).abs() < 1e-9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn percent(&self) -> f64 {
        self.rate * 100.0
    }

    /// Refinement steps taken after bracketing.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, XirrOptions};
    /// use integration_outcomes::Currency;
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 100".parse()?)?,
    ///     CashFlow::new("2022-01-01".parse()?, CashFlowKind::Repayment, "GBP 110".parse()?)?,
    /// ])?;
    /// let options = XirrOptions::new();
    /// assert!(flows.xirr(options)?.iterations() <= options.get_max_iterations());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn iterations(&self) -> u32 {
        self.iterations
    }

    /// `|Σ aᵢ(1+r)^(−tᵢ)| / Σ |aᵢ|(1+r)^(−tᵢ)` at the returned rate; at most
    /// [`XIRR_TOLERANCE`].
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, XIRR_TOLERANCE, XirrOptions};
    /// use integration_outcomes::Currency;
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 100".parse()?)?,
    ///     CashFlow::new("2022-01-01".parse()?, CashFlowKind::Repayment, "GBP 110".parse()?)?,
    /// ])?;
    /// assert!(flows.xirr(XirrOptions::new())?.residual() <= XIRR_TOLERANCE);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn residual(&self) -> f64 {
        self.residual
    }

    /// The rate as an exact [`Rate`], rounded to `decimal_places` places of
    /// the fraction (4 places is hundredths of a per cent).
    ///
    /// # Errors
    ///
    /// [`InvestmentError::Money`] if the rate does not fit a `Decimal`
    /// (above about 7.9 × 10²⁸).
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, XirrOptions};
    /// use integration_outcomes::{Currency, RoundingStrategy};
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 100".parse()?)?,
    ///     CashFlow::new("2023-01-01".parse()?, CashFlowKind::Repayment, "GBP 120".parse()?)?,
    /// ])?;
    /// let irr = flows.xirr(XirrOptions::new())?; // √1.2 − 1, about 9.5445% a year
    /// assert_eq!(irr.to_rate(4, RoundingStrategy::MidpointAwayFromZero)?.to_string(), "9.54%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_rate(
        &self,
        decimal_places: u32,
        strategy: RoundingStrategy,
    ) -> Result<Rate, InvestmentError> {
        let exact = Decimal::from_f64_retain(self.rate).ok_or(InvestmentError::Money(
            crate::MoneyError::Overflow { operation: "rate from f64" },
        ))?;
        Ok(Rate::from_fraction(strategy.round(exact, decimal_places).normalize()))
    }
}

impl fmt::Display for Irr {
    /// The percentage to four decimal places: `3.1000% a year`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.4}% a year", self.percent())
    }
}

/// Net flow amounts per date (none zero) and times in years from the first
/// flow, in `f64`, with the number of sign changes in date order.
struct Series {
    points: Vec<(f64, f64)>,
    horizon: f64,
    sign_changes: usize,
}

/// The net present value (or a positive multiple of it), its derivative in
/// `r`, and the gross discounted flows, at `r`.
struct Evaluation {
    value: f64,
    slope: f64,
    scale: f64,
}

impl Series {
    /// For `r ≥ 0` the NPV itself; for `r < 0` the NPV times `(1+r)^T` (`T`
    /// the last flow's time), which has the same sign and roots but cannot
    /// overflow as `r` approaches −100%.
    fn evaluate(&self, r: f64) -> Evaluation {
        let base = 1.0 + r;
        let log_base = base.ln();
        let (mut value, mut slope, mut scale) = (0.0, 0.0, 0.0);
        for &(t, a) in &self.points {
            let exponent = if r >= 0.0 { -t } else { self.horizon - t };
            let v = (exponent * log_base).exp();
            value += a * v;
            slope += exponent * a * v / base;
            scale += a.abs() * v;
        }
        Evaluation { value, slope, scale }
    }
}

impl CashFlows {
    /// The internal rate of return over the flows' actual dates (XIRR): the
    /// annual rate `r` at which `Σ aᵢ(1+r)^(−tᵢ) = 0`, with `aᵢ` the signed
    /// flows and `tᵢ` the years since the first flow under the day count.
    ///
    /// Flows on the same date are netted exactly first.
    ///
    /// **Method.** The NPV is evaluated on a grid evenly spaced in
    /// `ln(1+r)` (step 0.02) from [`XIRR_LOWEST_RATE`] to
    /// [`XIRR_HIGHEST_RATE`] to bracket every sign change. Exactly one
    /// bracket is refined by Newton–Raphson safeguarded by bisection (a
    /// Newton step that leaves the bracket or does not halve the error is
    /// replaced by a bisection), until the step is below `1e-13 × max(1, |r|)`.
    /// The rate is returned only if its relative residual is at most
    /// [`XIRR_TOLERANCE`].
    ///
    /// Flows with exactly one sign change in date order have exactly one IRR
    /// (Descartes' rule of signs for exponential sums), and the grid scan
    /// stops at its bracket. With more sign changes there may be several; the
    /// whole grid is scanned and if it brackets more than one, the result is
    /// an error rather than an arbitrary choice. Two roots closer
    /// than the grid spacing can escape the grid.
    ///
    /// # Errors
    ///
    /// - [`InvestmentError::NoCashFlows`] if there are no flows;
    /// - [`InvestmentError::NoSignChange`] if every non-zero flow has the
    ///   same direction (or all are zero);
    /// - [`InvestmentError::NoIrrInRange`] if the NPV does not change sign in
    ///   the searched range;
    /// - [`InvestmentError::MultipleIrrs`] if it changes sign more than once;
    /// - [`InvestmentError::NoConvergence`] if the tolerance is not met within
    ///   the iteration limit;
    /// - [`InvestmentError::DateOutOfRange`] and [`InvestmentError::Money`]
    ///   for dates or amounts that cannot be converted.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, XirrOptions};
    /// use integration_outcomes::Currency;
    ///
    /// // Eleven Augsburg: EUR 250,000 repaid with 3% over 28 months.
    /// let flows = CashFlows::new(Currency::EUR, [
    ///     CashFlow::new("2013-09-01".parse()?, CashFlowKind::CapitalDrawdown, "EUR 250000".parse()?)?,
    ///     CashFlow::new("2015-12-31".parse()?, CashFlowKind::OutcomePayment, "EUR 257500".parse()?)?,
    /// ])?;
    /// let irr = flows.xirr(XirrOptions::new())?;
    /// let expected = 1.03_f64.powf(365.0 / 851.0) - 1.0; // 851 days
    /// assert!((irr.rate() - expected).abs() < 1e-10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn xirr(&self, options: XirrOptions) -> Result<Irr, InvestmentError> {
        let series = self.series(options.day_count)?;
        let positive = series.points.iter().any(|&(_, a)| a > 0.0);
        let negative = series.points.iter().any(|&(_, a)| a < 0.0);
        match (positive, negative) {
            (true, true) => {}
            (true, false) => {
                return Err(InvestmentError::NoSignChange { direction: "to the investor" });
            }
            (false, true) => {
                return Err(InvestmentError::NoSignChange { direction: "from the investor" });
            }
            (false, false) => return Err(InvestmentError::NoSignChange { direction: "zero" }),
        }
        refine(&series, bracket(&series)?, options.max_iterations)
    }

    fn series(&self, day_count: DayCount) -> Result<Series, InvestmentError> {
        let first = self.flows().first().ok_or(InvestmentError::NoCashFlows)?.date();
        let per_year = f64::from(day_count.days_per_year());
        // Net the flows of each date exactly first: flows that cancel on a
        // date are no flow at all.
        let mut netted: Vec<(crate::Date, Decimal)> = Vec::new();
        for flow in self.flows() {
            let amount = flow.net().amount();
            match netted.last_mut() {
                Some((date, sum)) if *date == flow.date() => {
                    *sum = sum.checked_add(amount).ok_or(InvestmentError::Money(
                        crate::MoneyError::Overflow { operation: "net flows of a date" },
                    ))?;
                }
                _ => netted.push((flow.date(), amount)),
            }
        }
        let mut points = Vec::with_capacity(netted.len());
        let mut horizon = 0.0_f64;
        for (date, amount) in netted.into_iter().filter(|(_, a)| !a.is_zero()) {
            let t = f64::from(days_between(first, date)?) / per_year;
            let a = amount.to_f64().ok_or(InvestmentError::Money(crate::MoneyError::Overflow {
                operation: "amount to f64",
            }))?;
            horizon = horizon.max(t);
            points.push((t, a));
        }
        let sign_changes = points
            .windows(2)
            .filter(|w| matches!(w, [(_, a), (_, b)] if (*a < 0.0) != (*b < 0.0)))
            .count();
        Ok(Series { points, horizon, sign_changes })
    }
}

/// The grid points, as rates.
fn grid() -> impl Iterator<Item = f64> {
    let lowest = (1.0 + XIRR_LOWEST_RATE).ln();
    let highest = (1.0 + XIRR_HIGHEST_RATE).ln();
    let steps = ((highest - lowest) / GRID_STEP).ceil();
    // The step count is a small positive whole number (about 1,700).
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let steps = steps as u32;
    (0..=steps).map(move |k| {
        let x = (lowest + f64::from(k) * GRID_STEP).min(highest);
        x.exp_m1()
    })
}

/// Where the grid found a root.
#[derive(Clone, Copy)]
enum Bracket {
    /// The NPV is exactly zero at a grid point.
    Exact(f64),
    /// The NPV changes sign between two grid points.
    Between(f64, f64),
}

impl Bracket {
    fn midpoint(self) -> f64 {
        match self {
            Bracket::Exact(r) => r,
            Bracket::Between(a, b) => 0.5 * (a + b),
        }
    }
}

/// The one bracket of a sign change of the NPV on the grid. With a single
/// sign change in the flows the root is unique, so the scan stops at the
/// first bracket; otherwise the whole grid is scanned.
fn bracket(series: &Series) -> Result<Bracket, InvestmentError> {
    let unique = series.sign_changes == 1;
    let mut brackets: Vec<Bracket> = Vec::new();
    let mut previous: Option<(f64, f64)> = None;
    for r in grid() {
        let value = series.evaluate(r).value;
        if value == 0.0 {
            brackets.push(Bracket::Exact(r));
            previous = None;
        } else {
            if let Some((pr, pv)) = previous
                && (pv < 0.0) != (value < 0.0)
            {
                brackets.push(Bracket::Between(pr, r));
            }
            previous = Some((r, value));
        }
        if unique && !brackets.is_empty() {
            break;
        }
    }
    match brackets.as_slice() {
        [] => Err(InvestmentError::NoIrrInRange {
            lowest_percent: XIRR_LOWEST_RATE * 100.0,
            highest_percent: XIRR_HIGHEST_RATE * 100.0,
        }),
        [one] => Ok(*one),
        many => Err(InvestmentError::MultipleIrrs {
            count: many.len(),
            approximate_percents: many.iter().map(|b| b.midpoint() * 100.0).collect(),
        }),
    }
}

/// Newton–Raphson safeguarded by bisection inside `[lo, hi]`.
fn refine(series: &Series, bracket: Bracket, max_iterations: u32) -> Result<Irr, InvestmentError> {
    let finish = |r: f64, iterations: u32| {
        let e = series.evaluate(r);
        let residual = if e.scale > 0.0 { (e.value / e.scale).abs() } else { f64::INFINITY };
        if residual <= XIRR_TOLERANCE {
            Ok(Irr { rate: r, iterations, residual })
        } else {
            Err(InvestmentError::NoConvergence { iterations, residual })
        }
    };
    let (lo, hi) = match bracket {
        Bracket::Exact(r) => return finish(r, 0),
        Bracket::Between(lo, hi) => (lo, hi),
    };
    // Orient so that the value is negative at `low` and positive at `high`.
    let (mut low, mut high) = if series.evaluate(lo).value < 0.0 { (lo, hi) } else { (hi, lo) };
    let mut r = 0.5 * (lo + hi);
    let mut step_before = (hi - lo).abs();
    let mut step = step_before;
    let mut e = series.evaluate(r);
    for iteration in 1..=max_iterations {
        let newton_leaves_bracket =
            ((r - high) * e.slope - e.value) * ((r - low) * e.slope - e.value) > 0.0;
        let newton_too_slow = (2.0 * e.value).abs() > (step_before * e.slope).abs();
        if newton_leaves_bracket || newton_too_slow || e.slope == 0.0 {
            step_before = step;
            step = 0.5 * (high - low);
            r = low + step;
        } else {
            step_before = step;
            step = e.value / e.slope;
            r -= step;
        }
        if step.abs() < 1e-13 * r.abs().max(1.0) {
            return finish(r, iteration);
        }
        e = series.evaluate(r);
        if e.value == 0.0 {
            return finish(r, iteration);
        }
        if e.value < 0.0 {
            low = r;
        } else {
            high = r;
        }
    }
    let residual = if e.scale > 0.0 { (e.value / e.scale).abs() } else { f64::INFINITY };
    Err(InvestmentError::NoConvergence { iterations: max_iterations, residual })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::{CashFlow, CashFlowKind};
    use crate::{Currency, Date, Money};

    fn flow(date: &str, kind: CashFlowKind, major: i64) -> CashFlow {
        CashFlow::new(date.parse::<Date>().unwrap(), kind, Money::from_major(major, Currency::GBP))
            .unwrap()
    }

    #[test]
    fn grid_spans_the_documented_range() {
        let points: Vec<f64> = grid().collect();
        assert!((points[0] - XIRR_LOWEST_RATE).abs() < 1e-12);
        assert!((points[points.len() - 1] - XIRR_HIGHEST_RATE).abs() / XIRR_HIGHEST_RATE < 1e-12);
        assert!(points.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn losses_give_negative_rates() {
        // Rikers Island: $9.6m in, $7.2m back after about three years.
        let flows = CashFlows::new(
            Currency::GBP,
            [
                flow("2012-09-01", CashFlowKind::CapitalDrawdown, 9_600_000),
                flow("2015-08-31", CashFlowKind::GuaranteePayment, 7_200_000),
            ],
        )
        .unwrap();
        let irr = flows.xirr(XirrOptions::new()).unwrap();
        let years = 1094.0 / 365.0;
        assert!((irr.rate() - (0.75_f64.powf(1.0 / years) - 1.0)).abs() < 1e-10, "{irr}");
    }

    #[test]
    fn total_loss_has_no_rate_in_range() {
        // £1bn in, £1 back a year later: −99.9999999% a year, below the range.
        let flows = CashFlows::new(
            Currency::GBP,
            [
                flow("2012-09-01", CashFlowKind::CapitalDrawdown, 1_000_000_000),
                flow("2013-09-01", CashFlowKind::Repayment, 1),
            ],
        )
        .unwrap();
        assert!(matches!(
            flows.xirr(XirrOptions::new()),
            Err(InvestmentError::NoIrrInRange { .. })
        ));
    }

    #[test]
    fn two_sign_changes_with_two_roots_is_an_error() {
        // −100, +230, −132 a year apart: NPV zero at 10% and 20%.
        let flows = CashFlows::new(
            Currency::GBP,
            [
                flow("2021-01-01", CashFlowKind::CapitalDrawdown, 100),
                flow("2022-01-01", CashFlowKind::Repayment, 230),
                flow("2023-01-01", CashFlowKind::ServiceCost, 132),
            ],
        )
        .unwrap();
        match flows.xirr(XirrOptions::new()) {
            Err(InvestmentError::MultipleIrrs { count, approximate_percents }) => {
                assert_eq!(count, 2);
                assert!((approximate_percents[0] - 10.0).abs() < 2.0);
                assert!((approximate_percents[1] - 20.0).abs() < 3.0);
            }
            other => panic!("expected two roots, got {other:?}"),
        }
    }

    #[test]
    fn flows_that_cancel_on_a_date_are_netted() {
        // +100 and −100 on one day are nothing; what is left has one sign.
        let cancelling = CashFlows::new(
            Currency::GBP,
            [
                flow("2021-01-01", CashFlowKind::CapitalDrawdown, 100),
                flow("2021-01-01", CashFlowKind::Repayment, 100),
            ],
        )
        .unwrap();
        assert_eq!(
            cancelling.xirr(XirrOptions::new()),
            Err(InvestmentError::NoSignChange { direction: "zero" })
        );
        // A drawdown and a same-day receipt net to −50, then +60 a year on.
        let netted = CashFlows::new(
            Currency::GBP,
            [
                flow("2021-01-01", CashFlowKind::CapitalDrawdown, 100),
                flow("2021-01-01", CashFlowKind::OutcomePayment, 50),
                flow("2022-01-01", CashFlowKind::Repayment, 60),
            ],
        )
        .unwrap();
        assert!((netted.xirr(XirrOptions::new()).unwrap().rate() - 0.2).abs() < 1e-12);
    }

    #[test]
    fn too_few_iterations_is_no_convergence() {
        let flows = CashFlows::new(
            Currency::GBP,
            [
                flow("2021-01-01", CashFlowKind::CapitalDrawdown, 100),
                flow("2022-03-17", CashFlowKind::Repayment, 117),
            ],
        )
        .unwrap();
        assert!(matches!(
            flows.xirr(XirrOptions::new().max_iterations(0)),
            Err(InvestmentError::NoConvergence { .. })
        ));
        assert!(flows.xirr(XirrOptions::new()).is_ok());
    }
}
