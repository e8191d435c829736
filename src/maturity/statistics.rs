//! Statistics of one domain's ratings, computed from counts per level.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use super::{AssessmentError, Scale};

/// Summary statistics and agreement measures of the ratings one domain
/// received, computed from the number of ratings at each level of the scale.
///
/// Working from counts makes every statistic independent of the order of the
/// respondents by construction, and costs O(levels) after one counting pass.
/// The statistics keep the scale's levels (one count per level, from its
/// lowest), so the measures that depend on the scale (r_wg,
/// [`median_region`](ScoreStatistics::median_region)) need no scale argument
/// that could disagree with it.
///
/// - Order statistics (`min`, `max`, `median`, `q1`, `q3`, `iqr`) are exact
///   [`Decimal`]s. Quantiles use Hyndman–Fan type 7 (R's default): with the
///   ratings sorted as x₀ ≤ … ≤ xₙ₋₁, the p-quantile is
///   `x_j + g·(x_{j+1} − x_j)` where `j + g = (n − 1)·p`. For integer levels
///   the median is a whole or half level and quartiles are quarter levels, so
///   a `Decimal` holds them exactly.
/// - The `mean`, `sample_variance`, Tastle–Wierman `consensus`, Leik's
///   `leik_dispersion` and `rwg` are `f64`: they are real-valued (Cns takes
///   logarithms) and are reported, not compared. They are computed from exact
///   integer sums, so the only rounding is the final division. Where a policy
///   compares r_wg with a threshold it uses the exact integer form
///   ([`ScoreStatistics::rwg_at_least`]).
///
/// # Example
///
/// Scores 3, 3, 4, 4, 5 on a 1–5 scale:
///
/// ```
/// use integration_outcomes::maturity::{Scale, ScoreStatistics};
/// use rust_decimal::Decimal;
///
/// let scale = Scale::numbered(1, 5)?;
/// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap();
/// assert_eq!(stats.median(), Decimal::from(4));
/// assert_eq!(stats.q1(), Decimal::from(3));
/// assert_eq!(stats.sample_variance(), Some(0.7));
/// assert!((stats.rwg().unwrap() - 0.65).abs() < 1e-12);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreStatistics {
    counts: Vec<u64>,
    scale_min: u8,
    n: u64,
    sum: u128,
    sum_squares: u128,
    min: u8,
    max: u8,
    median: Decimal,
    q1: Decimal,
    q3: Decimal,
    mean: f64,
    consensus: f64,
    leik_dispersion: f64,
    rwg: Option<f64>,
}

impl ScoreStatistics {
    /// Statistics from the number of ratings at each level of `scale`, lowest
    /// level first. `None` when there are no ratings at all.
    ///
    /// # Errors
    ///
    /// - [`AssessmentError::CountsDoNotMatchScale`] unless there is one count
    ///   per level;
    /// - [`AssessmentError::TooManyRatings`] if the counts are too large for
    ///   exact sums of squares (more than 2⁴⁸ ratings).
    ///
    /// ```
    /// use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// let scale = Scale::numbered(0, 5)?;
    /// assert!(ScoreStatistics::from_counts(&scale, &[0; 6])?.is_none());
    /// assert!(ScoreStatistics::from_counts(&scale, &[1, 2]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_counts(
        scale: &Scale,
        counts: &[u64],
    ) -> Result<Option<ScoreStatistics>, AssessmentError> {
        if counts.len() != scale.len() {
            return Err(AssessmentError::CountsDoNotMatchScale {
                expected: scale.len(),
                found: counts.len(),
            });
        }
        let mut n: u64 = 0;
        for &c in counts {
            n = n
                .checked_add(c)
                .filter(|n| *n <= MAX_RATINGS)
                .ok_or(AssessmentError::TooManyRatings)?;
        }
        if n == 0 {
            return Ok(None);
        }
        Ok(Some(ScoreStatistics::compute(scale, counts.to_vec(), n)))
    }

    /// `counts` has one entry per level and sums to `n` (1..=2⁴⁸).
    pub(crate) fn compute(scale: &Scale, counts: Vec<u64>, n: u64) -> ScoreStatistics {
        let scale_min = scale.min();
        let mut sum: u128 = 0;
        let mut sum_squares: u128 = 0;
        for (level, &c) in (u128::from(scale_min)..).zip(&counts) {
            // c < 2⁶⁴ and level < 2⁸: each sum stays below 2⁸⁴ · levels.
            sum += u128::from(c) * level;
            sum_squares += u128::from(c) * level * level;
        }
        let stats = Order { counts: &counts, scale_min, n };
        let min = stats.value(0);
        let max = stats.value(n - 1);
        let median = stats.quantile(1, 2);
        let q1 = stats.quantile(1, 4);
        let q3 = stats.quantile(3, 4);
        #[allow(
            clippy::cast_precision_loss,
            reason = "sums are below 2^64; the mean is reported, not compared"
        )]
        let mean = sum as f64 / n as f64;
        let consensus = tastle_wierman(scale, &counts, n, mean);
        let leik_dispersion = leik(&counts, n);
        let mut result = ScoreStatistics {
            counts,
            scale_min,
            n,
            sum,
            sum_squares,
            min,
            max,
            median,
            q1,
            q3,
            mean,
            consensus,
            leik_dispersion,
            rwg: None,
        };
        result.rwg = result.rwg_exact().map(|(num, den)| {
            #[allow(clippy::cast_precision_loss, reason = "exact integers, divided once")]
            let ratio = num as f64 / den as f64;
            1.0 - ratio
        });
        result
    }

    /// The number of ratings.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert_eq!(stats.n(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn n(&self) -> u64 {
        self.n
    }

    /// The number of ratings at each level, lowest level first.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert_eq!(stats.counts(), [0, 0, 2, 2, 1]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// The number of ratings at `level` (0 for a level off the scale).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert_eq!(stats.count(4), 2);
    /// assert_eq!(stats.count(9), 0); // off the scale
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn count(&self, level: u8) -> u64 {
        level
            .checked_sub(self.scale_min)
            .and_then(|i| self.counts.get(usize::from(i)))
            .copied()
            .unwrap_or(0)
    }

    /// The sum of the ratings, exact.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert_eq!(stats.sum(), 19);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn sum(&self) -> u128 {
        self.sum
    }

    /// The lowest rating.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert_eq!(stats.min(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn min(&self) -> u8 {
        self.min
    }

    /// The highest rating.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert_eq!(stats.max(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn max(&self) -> u8 {
        self.max
    }

    /// The median: the 50th percentile by R's default quantile definition,
    /// Hyndman–Fan type 7 ([`ScoreStatistics::percentile`]); a whole or half
    /// level.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert_eq!(stats.median(), Decimal::from(4));
    /// let even = ScoreStatistics::from_counts(&scale, &[0, 1, 1, 0, 0])?.unwrap(); // 2, 3
    /// assert_eq!(even.median(), Decimal::new(25, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn median(&self) -> Decimal {
        self.median
    }

    /// The first quartile: the 25th percentile by R's default quantile
    /// definition, Hyndman–Fan type 7 ([`ScoreStatistics::percentile`]).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert_eq!(stats.q1(), Decimal::from(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn q1(&self) -> Decimal {
        self.q1
    }

    /// The third quartile: the 75th percentile by R's default quantile
    /// definition, Hyndman–Fan type 7 ([`ScoreStatistics::percentile`]).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert_eq!(stats.q3(), Decimal::from(4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn q3(&self) -> Decimal {
        self.q3
    }

    /// The interquartile range `q3 − q1` (both R type 7), exact.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert_eq!(stats.iqr(), Decimal::ONE);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn iqr(&self) -> Decimal {
        self.q3 - self.q1
    }

    /// Any percentile, exactly: `percent` from 0 to 100, by R's default
    /// quantile definition (Hyndman–Fan type 7, `quantile(x, p, type = 7)`).
    /// With the ratings sorted as x₀ ≤ … ≤ xₙ₋₁ and p = `percent` / 100, the
    /// result is `x_j + g·(x_{j+1} − x_j)` where `j + g = (n − 1)·p`, `j`
    /// whole and `0 ≤ g < 1`. The median, q1 and q3 are the 50th, 25th and
    /// 75th percentiles by the same definition. Other definitions (SPSS and
    /// Minitab use type 6, for example) give other values on small panels.
    ///
    /// # Errors
    ///
    /// [`AssessmentError::InvalidPercentile`] for a `percent` below 0 or
    /// above 100 (or so finely given that the exact product would overflow).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 9)?;
    /// // 15 panellists: one each at 4, 5 and 6, five at 7 and 8, two at 9.
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 0, 1, 1, 1, 5, 5, 2])?.unwrap();
    /// assert_eq!(stats.percentile(Decimal::from(30))?, Decimal::from(7)); // (n − 1)·0.3 = 4.2
    /// assert_eq!(stats.percentile(Decimal::from(70))?, Decimal::from(8)); // 9.8
    /// assert_eq!(stats.percentile(Decimal::from(50))?, stats.median());
    /// assert!(stats.percentile(Decimal::from(101)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn percentile(&self, percent: Decimal) -> Result<Decimal, AssessmentError> {
        let invalid = || AssessmentError::InvalidPercentile { percent };
        if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
            return Err(invalid());
        }
        let h = Decimal::from(self.n - 1)
            .checked_mul(percent)
            .and_then(|h| h.checked_div(Decimal::ONE_HUNDRED))
            .ok_or_else(invalid)?;
        let j = h.floor();
        let g = h - j;
        let order = Order { counts: &self.counts, scale_min: self.scale_min, n: self.n };
        let j = j.to_u64().ok_or_else(invalid)?;
        let low = Decimal::from(order.value(j));
        if g.is_zero() {
            return Ok(low);
        }
        let high = Decimal::from(order.value(j + 1));
        let value =
            g.checked_mul(high - low).and_then(|d| d.checked_add(low)).ok_or_else(invalid)?;
        Ok(value.normalize())
    }

    /// The number of ratings at each level, as `(level, count)` pairs from
    /// the lowest level of the scale, zeros included.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    /// assert_eq!(stats.counts_by_level(), [(1, 0), (2, 0), (3, 2), (4, 2), (5, 1)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn counts_by_level(&self) -> Vec<(u8, u64)> {
        (self.scale_min..=u8::MAX).zip(self.counts.iter().copied()).collect()
    }

    /// The variance of the uniform "random responding" null behind r_wg,
    /// `σ²_EU = (A² − 1) / 12` for the A levels of the scale (James, Demaree
    /// & Wolf 1984): 2 on a 5-level scale, 35/12 on 0–5. The exact fraction
    /// is [`ScoreStatistics::uniform_null_variance_fraction`].
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// let five = ScoreStatistics::from_counts(&Scale::numbered(1, 5)?, &[0, 0, 2, 2, 1])?.unwrap();
    /// assert_eq!(five.uniform_null_variance(), 2.0);
    /// // r_wg = 1 − s² / σ²_EU = 1 − 0.7 / 2
    /// assert!((five.rwg().unwrap() - (1.0 - five.sample_variance().unwrap() / 2.0)).abs() < 1e-15);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn uniform_null_variance(&self) -> f64 {
        let (num, den) = self.uniform_null_variance_fraction();
        #[allow(clippy::cast_precision_loss, reason = "small exact integers, divided once")]
        let v = num as f64 / den as f64;
        v
    }

    /// The uniform-null variance as the exact fraction `(A² − 1, 12)`.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// let six = ScoreStatistics::from_counts(&Scale::numbered(0, 5)?, &[0, 1, 0, 0, 0, 0])?.unwrap();
    /// assert_eq!(six.uniform_null_variance_fraction(), (35, 12));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn uniform_null_variance_fraction(&self) -> (u64, u64) {
        let a = self.counts.len() as u64;
        (a * a - 1, 12)
    }

    /// The arithmetic mean.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert_eq!(stats.mean(), 3.8);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn mean(&self) -> f64 {
        self.mean
    }

    /// The sample variance s² (n − 1 denominator); `None` for one rating.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert_eq!(stats.sample_variance(), Some(0.7));
    /// let one = ScoreStatistics::from_counts(&scale, &[0, 0, 1, 0, 0])?.unwrap();
    /// assert_eq!(one.sample_variance(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sample_variance(&self) -> Option<f64> {
        let (num, den) = self.variance_exact()?;
        #[allow(clippy::cast_precision_loss, reason = "exact integers, divided once")]
        let v = num as f64 / den as f64;
        Some(v)
    }

    /// Tastle–Wierman consensus `Cns = 1 + Σ pᵢ log₂(1 − |Xᵢ − μ| / d)`, with
    /// `d` the width of the scale (not of the ratings). 1 when every rating is
    /// at one level, 0 for an even split between the two ends of the scale.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// let scale = Scale::numbered(1, 5)?;
    /// let same = ScoreStatistics::from_counts(&scale, &[0, 0, 5, 0, 0])?.unwrap(); // all at 3
    /// let ends = ScoreStatistics::from_counts(&scale, &[1, 0, 0, 0, 1])?.unwrap(); // 1 and 5
    ///
    /// assert_eq!(same.consensus(), 1.0);
    /// assert_eq!(ends.consensus(), 0.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn consensus(&self) -> f64 {
        self.consensus
    }

    /// Leik's ordinal dispersion `D = 2 Σ dᵢ / (k − 1)` over the k levels of
    /// the scale, where `dᵢ` is the cumulative proportion Fᵢ, or 1 − Fᵢ above
    /// one half. 0 when every rating is at one level, 1 for an even split
    /// between the two ends; `1 − D` is Leik's agreement.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// let scale = Scale::numbered(1, 5)?;
    /// let same = ScoreStatistics::from_counts(&scale, &[0, 0, 5, 0, 0])?.unwrap(); // all at 3
    /// let ends = ScoreStatistics::from_counts(&scale, &[1, 0, 0, 0, 1])?.unwrap(); // 1 and 5
    ///
    /// assert_eq!(same.leik_dispersion(), 0.0);
    /// assert_eq!(ends.leik_dispersion(), 1.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn leik_dispersion(&self) -> f64 {
        self.leik_dispersion
    }

    /// r_wg (James, Demaree & Wolf 1984): `1 − s² / σ²_EU` with the uniform
    /// null `σ²_EU = (A² − 1) / 12` over the A levels of the scale, truncated
    /// to 0 when s² exceeds σ²_EU. `None` for fewer than two ratings, where s²
    /// is undefined (and beyond 2⁴⁸ ratings, where the exact sums would
    /// overflow).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// # use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // 3, 3, 4, 4, 5
    ///
    /// assert!((stats.rwg().unwrap() - 0.65).abs() < 1e-12); // 1 - 0.7 / 2
    /// let one = ScoreStatistics::from_counts(&scale, &[0, 0, 1, 0, 0])?.unwrap();
    /// assert_eq!(one.rwg(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rwg(&self) -> Option<f64> {
        self.rwg
    }

    /// Whether r_wg is at least `threshold`, decided exactly on integers
    /// (`12·(nΣx² − (Σx)²) ≤ (1 − t)·n(n − 1)·(A² − 1)`), never on the rounded
    /// `f64`, with `A` the number of levels of the scale the statistics were
    /// computed on. `None` for fewer than two ratings.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// use rust_decimal::Decimal;
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?.unwrap(); // r_wg = 0.65
    /// assert_eq!(stats.rwg_at_least(Decimal::new(65, 2)), Some(true));
    /// assert_eq!(stats.rwg_at_least(Decimal::new(651, 3)), Some(false));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rwg_at_least(&self, threshold: Decimal) -> Option<bool> {
        let (num, den) = self.rwg_exact()?;
        // r_wg = 1 − num/den ≥ t  ⇔  num ≤ (1 − t)·den, with 1 − t = m / 10^s.
        let one_minus = Decimal::ONE.checked_sub(threshold)?;
        if one_minus.is_sign_negative() && !one_minus.is_zero() {
            return Some(false); // threshold above 1
        }
        let m = one_minus.mantissa().unsigned_abs();
        let pow = 10u128.checked_pow(one_minus.scale())?;
        Some(fraction_at_most(num, den, m, pow))
    }

    /// `(nΣx² − (Σx)², n(n − 1))`: s² as an exact fraction.
    fn variance_exact(&self) -> Option<(u128, u128)> {
        if self.n < 2 {
            return None;
        }
        // Cannot overflow below 2⁴⁸ ratings; checked for merged counts beyond.
        let n = u128::from(self.n);
        let num = n.checked_mul(self.sum_squares)?.checked_sub(self.sum.checked_mul(self.sum)?)?;
        Some((num, n.checked_mul(n - 1)?))
    }

    /// The lowest and highest levels of the scale the statistics were
    /// computed on (one count per level, from the lowest).
    pub(crate) fn scale_bounds(&self) -> (u8, u8) {
        // A scale has 2 to 100 levels, so the highest level fits in a u8.
        let above_min = u8::try_from(self.counts.len().saturating_sub(1)).unwrap_or(u8::MAX);
        (self.scale_min, self.scale_min.saturating_add(above_min))
    }

    /// `(12·num, den·(A² − 1))` with s² = num/den and A the number of levels
    /// of the scale, truncated so that r_wg = 1 − first/second ≥ 0.
    fn rwg_exact(&self) -> Option<(u128, u128)> {
        let (num, den) = self.variance_exact()?;
        let a = u128::try_from(self.counts.len()).ok()?;
        let lhs = num.checked_mul(12)?;
        let rhs = den.checked_mul(a * a - 1)?;
        Some(if lhs >= rhs { (rhs, rhs) } else { (lhs, rhs) })
    }
}

/// Whether `a/b ≤ c/d` (b, d > 0), exactly and without overflow: compare the
/// integer parts, then the reciprocals of the remainders (Euclid's steps).
fn fraction_at_most(a: u128, b: u128, c: u128, d: u128) -> bool {
    let (mut a, mut b, mut c, mut d) = (a, b, c, d);
    loop {
        let (qa, ra) = (a / b, a % b);
        let (qc, rc) = (c / d, c % d);
        if qa != qc {
            return qa < qc;
        }
        if ra == 0 {
            return true; // a/b = q ≤ c/d
        }
        if rc == 0 {
            return false; // a/b > q = c/d
        }
        // ra/b ≤ rc/d  ⇔  d/rc ≤ b/ra
        (a, b, c, d) = (d, rc, b, ra);
    }
}

/// At most 2⁴⁸ ratings per domain, so that n·Σx² fits in a `u128`.
pub(crate) const MAX_RATINGS: u64 = 1 << 48;

/// Order statistics read from counts.
struct Order<'a> {
    counts: &'a [u64],
    scale_min: u8,
    n: u64,
}

impl Order<'_> {
    /// The `rank`-th smallest rating (0-based, `rank < n`).
    fn value(&self, rank: u64) -> u8 {
        let mut seen = 0u64;
        let mut level = self.scale_min;
        for &c in self.counts {
            seen += c;
            if seen > rank {
                return level;
            }
            level = level.saturating_add(1);
        }
        level.saturating_sub(1)
    }

    /// The type-7 quantile at p = num/den, exact.
    fn quantile(&self, num: u64, den: u64) -> Decimal {
        // (n − 1)·p in u128, so that no count can overflow it.
        let h = u128::from(self.n - 1) * u128::from(num);
        let den = u128::from(den);
        // j ≤ n − 1 and rem < den ≤ 4, so both fit back in u64.
        let j = u64::try_from(h / den).unwrap_or(self.n - 1);
        let rem = u64::try_from(h % den).unwrap_or(0);
        let low = self.value(j);
        if rem == 0 {
            return Decimal::from(low);
        }
        let high = self.value(j + 1);
        let step = Decimal::from(rem * u64::from(high - low)) / Decimal::from(den);
        (Decimal::from(low) + step).normalize()
    }
}

fn tastle_wierman(scale: &Scale, counts: &[u64], n: u64, mean: f64) -> f64 {
    let width = f64::from(scale.max() - scale.min());
    let mut sum = 0.0;
    let mut level = f64::from(scale.min());
    #[allow(clippy::cast_precision_loss, reason = "proportions are reported, not compared")]
    let total = n as f64;
    for &c in counts {
        if c > 0 {
            #[allow(clippy::cast_precision_loss, reason = "proportions are reported, not compared")]
            let p = c as f64 / total;
            sum += p * (1.0 - (level - mean).abs() / width).log2();
        }
        level += 1.0;
    }
    // Rounding can leave an ulp outside the mathematical range [0, 1].
    (1.0 + sum).clamp(0.0, 1.0)
}

fn leik(counts: &[u64], n: u64) -> f64 {
    // Σ min(Cᵢ, n − Cᵢ) over cumulative counts of the first k − 1 levels is
    // n·Σdᵢ exactly; D = 2·that / (n·(k − 1)).
    let mut cumulative = 0u64;
    let mut total: u128 = 0;
    let k = counts.len();
    for &c in counts.iter().take(k.saturating_sub(1)) {
        cumulative += c;
        total += u128::from(cumulative.min(n - cumulative));
    }
    let den = u128::from(n) * (k as u128 - 1);
    #[allow(clippy::cast_precision_loss, reason = "exact integers, divided once")]
    let d = (2 * total) as f64 / den as f64;
    d
}

#[cfg(test)]
#[allow(clippy::float_cmp, reason = "exact values are expected")]
mod tests {
    use super::*;

    fn stats(min: u8, max: u8, counts: &[u64]) -> ScoreStatistics {
        ScoreStatistics::from_counts(&Scale::numbered(min, max).unwrap(), counts).unwrap().unwrap()
    }

    #[test]
    fn type_7_quantiles_are_exact_halves_and_quarters() {
        // 1, 2 on a 1–5 scale: median 1.5, q1 1.25, q3 1.75.
        let s = stats(1, 5, &[1, 1, 0, 0, 0]);
        assert_eq!(s.median(), Decimal::new(15, 1));
        assert_eq!(s.q1(), Decimal::new(125, 2));
        assert_eq!(s.q3(), Decimal::new(175, 2));
        assert_eq!(s.iqr(), Decimal::new(5, 1));
        // R: quantile(c(0,1,1,3,5,5), type = 7) -> 0% 0, 25% 1, 50% 2, 75% 4.5, 100% 5
        let s = stats(0, 5, &[1, 2, 0, 1, 0, 2]);
        assert_eq!((s.min(), s.max()), (0, 5));
        assert_eq!(s.q1(), Decimal::from(1));
        assert_eq!(s.median(), Decimal::from(2));
        assert_eq!(s.q3(), Decimal::new(45, 1));
    }

    #[test]
    fn single_rating_has_no_rwg_and_full_agreement() {
        let s = stats(0, 5, &[0, 0, 1, 0, 0, 0]);
        assert_eq!(s.rwg(), None);
        assert_eq!(s.sample_variance(), None);
        assert_eq!(s.consensus(), 1.0);
        assert_eq!(s.leik_dispersion(), 0.0);
    }

    #[test]
    fn even_split_between_extremes() {
        let s = stats(1, 5, &[3, 0, 0, 0, 3]);
        assert!(s.consensus().abs() < 1e-15);
        assert!((s.leik_dispersion() - 1.0).abs() < 1e-15);
        // s² = 4·6/5 = 4.8 > 2, so r_wg truncates to 0.
        assert_eq!(s.rwg(), Some(0.0));
        assert_eq!(s.rwg_at_least(Decimal::ZERO), Some(true));
    }

    #[test]
    fn rwg_uses_the_scale_the_statistics_were_computed_on() {
        // Ratings 1, 1, 2, 2: s² = 1/3. On a 2-level scale σ²_EU = 1/4, so
        // r_wg truncates to 0; on a 5-level scale σ²_EU = 2, r_wg = 5/6.
        let two = stats(1, 2, &[2, 2]);
        assert_eq!(two.rwg(), Some(0.0));
        assert_eq!(two.rwg_at_least(Decimal::new(1, 2)), Some(false));
        let five = stats(1, 5, &[2, 2, 0, 0, 0]);
        assert_eq!(five.rwg_at_least(Decimal::new(8, 1)), Some(true));
        assert_eq!(five.rwg_at_least(Decimal::new(84, 2)), Some(false));
        assert_eq!((two.scale_bounds(), five.scale_bounds()), ((1, 2), (1, 5)));
    }

    #[test]
    fn fractions_compare_exactly() {
        assert!(fraction_at_most(1, 3, 1, 3));
        assert!(fraction_at_most(1, 3, 34, 100));
        assert!(!fraction_at_most(34, 100, 1, 3));
        assert!(fraction_at_most(0, 7, 0, 1));
        assert!(!fraction_at_most(1, 7, 0, 1));
        assert!(fraction_at_most(u128::MAX - 1, u128::MAX, 1, 1));
        assert!(!fraction_at_most(u128::MAX, u128::MAX - 1, 1, 1));
        for (a, b, c, d) in [(7u128, 9, 11, 14), (355, 113, 22, 7), (5, 8, 5, 8), (13, 21, 8, 13)] {
            assert_eq!(fraction_at_most(a, b, c, d), a * d <= c * b, "{a}/{b} vs {c}/{d}");
        }
    }

    #[test]
    fn count_lookup_and_length_errors() {
        let s = stats(1, 5, &[0, 0, 2, 2, 1]);
        assert_eq!(s.count(3), 2);
        assert_eq!(s.count(0), 0);
        assert_eq!(s.count(9), 0);
        assert_eq!(
            ScoreStatistics::from_counts(&Scale::numbered(1, 5).unwrap(), &[1]),
            Err(AssessmentError::CountsDoNotMatchScale { expected: 5, found: 1 })
        );
        assert_eq!(
            ScoreStatistics::from_counts(&Scale::numbered(1, 2).unwrap(), &[u64::MAX, 1]),
            Err(AssessmentError::TooManyRatings)
        );
    }
}
