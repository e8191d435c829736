//! Agreement policies: when do a partnership's ratings of a domain agree?

use std::ops::RangeInclusive;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use super::{ComparisonError, ScoreStatistics};

/// Whether the respondents agree on a domain, under an [`AgreementPolicy`].
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Agreement, AgreementPolicy, Scale, ScoreStatistics};
///
/// let scale = Scale::numbered(0, 5)?;
/// // Twelve ratings with median 2.5: the better of the regions 1..=3 and
/// // 2..=4 still leaves four ratings outside.
/// let stats = ScoreStatistics::from_counts(&scale, &[2, 2, 2, 3, 3, 0])?;
/// assert_eq!(stats.as_ref().unwrap().median_region(), (2..=4, 4));
/// let policy = AgreementPolicy::RandRegion { fewer_than: 4 };
/// assert_eq!(policy.judge(stats.as_ref())?, Agreement::Split);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Agreement {
    /// The ratings agree.
    Agreed,
    /// The ratings do not agree: the domain is a discussion item, whatever
    /// its median.
    Split,
    /// The policy cannot judge: no ratings, or too few for the measure (r_wg
    /// needs two).
    NotAssessable,
}

/// The rule, chosen by the caller, that decides whether ratings agree.
///
/// A threshold outside its measure's range (r_wg and consensus run from 0
/// to 1, an interquartile range is never negative, and no count is fewer
/// than 0), or not a number, would judge every domain the same way whatever
/// its ratings; such a policy is refused with
/// [`ComparisonError::InvalidAgreementPolicy`] wherever it is used
/// ([`AgreementPolicy::validate`]).
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Agreement, AgreementPolicy, ComparisonError, Scale, ScoreStatistics};
/// use rust_decimal::Decimal;
///
/// let scale = Scale::numbered(1, 5)?;
/// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 2, 2, 1])?; // 3, 3, 4, 4, 5
/// assert_eq!(AgreementPolicy::IqrAtMost(Decimal::ONE).judge(stats.as_ref())?, Agreement::Agreed);
/// assert_eq!(AgreementPolicy::RwgAtLeast(Decimal::new(7, 1)).judge(stats.as_ref())?, Agreement::Split);
/// // 70 where 0.70 was meant:
/// let err = AgreementPolicy::RwgAtLeast(Decimal::from(70)).judge(stats.as_ref()).unwrap_err();
/// assert!(matches!(err, ComparisonError::InvalidAgreementPolicy { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum AgreementPolicy {
    /// RAND/UCLA-style: agreement when fewer than `fewer_than` ratings fall
    /// outside the 3-level region containing the median
    /// ([`ScoreStatistics::median_region`]). The SCIROCCO Delphi study
    /// (doi:10.5334/ijic.7747) used fewer than 4 of 12.
    RandRegion {
        /// Agreement needs strictly fewer ratings than this outside the region.
        fewer_than: u64,
    },
    /// Agreement when the interquartile range is at most this (IQR ≤ 1 is
    /// often cited as a Delphi criterion on 5- to 7-point scales; our sources
    /// do not confirm it).
    IqrAtMost(Decimal),
    /// Agreement when r_wg is at least this (0.70 is the cut-off usually
    /// cited; our sources do not confirm it), decided exactly; needs two
    /// ratings.
    RwgAtLeast(Decimal),
    /// Agreement when Tastle–Wierman consensus is at least this. Cns is a sum
    /// of logarithms, so this one comparison is on `f64`; the threshold must
    /// be a number from 0 to 1 (not NaN or infinite).
    ConsensusAtLeast(f64),
}

impl AgreementPolicy {
    /// Checks that the threshold is within its measure's range.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::InvalidAgreementPolicy`] for
    /// `RandRegion { fewer_than: 0 }`, a negative `IqrAtMost`, or an
    /// `RwgAtLeast` or `ConsensusAtLeast` threshold that is not a number from
    /// 0 to 1.
    ///
    /// ```
    /// use integration_outcomes::maturity::{AgreementPolicy, ComparisonError};
    ///
    /// assert!(AgreementPolicy::ConsensusAtLeast(0.8).validate().is_ok());
    /// let err = AgreementPolicy::ConsensusAtLeast(f64::NAN).validate().unwrap_err();
    /// assert_eq!(err.to_string(), "agreement policy \"Tastle-Wierman consensus at least NaN\" \
    ///     cannot be used: the consensus threshold must be a number from 0 to 1");
    /// assert!(AgreementPolicy::RandRegion { fewer_than: 0 }.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), ComparisonError> {
        let reason = match *self {
            AgreementPolicy::RandRegion { fewer_than: 0 } => {
                Some("no number of ratings is fewer than 0, so no domain could agree")
            }
            AgreementPolicy::RandRegion { .. } => None,
            AgreementPolicy::IqrAtMost(limit) => (limit < Decimal::ZERO)
                .then_some("an interquartile range is never negative, so no domain could agree"),
            AgreementPolicy::RwgAtLeast(minimum) => (!(Decimal::ZERO..=Decimal::ONE)
                .contains(&minimum))
            .then_some("the r_wg threshold must be from 0 to 1"),
            AgreementPolicy::ConsensusAtLeast(minimum) => (!(0.0..=1.0).contains(&minimum))
                .then_some("the consensus threshold must be a number from 0 to 1"),
        };
        match reason {
            Some(reason) => {
                Err(ComparisonError::InvalidAgreementPolicy { policy: self.to_string(), reason })
            }
            None => Ok(()),
        }
    }

    /// Judges one domain's ratings (`None` when it has none), on the scale
    /// the statistics were computed on.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::InvalidAgreementPolicy`] if the policy's threshold
    /// is out of range ([`AgreementPolicy::validate`]).
    ///
    /// ```
    /// use integration_outcomes::maturity::{Agreement, AgreementPolicy, Scale, ScoreStatistics};
    /// let scale = Scale::numbered(1, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 3, 0, 0])?; // 3, 3, 3
    /// let policy = AgreementPolicy::RandRegion { fewer_than: 1 };
    /// assert_eq!(policy.judge(stats.as_ref())?, Agreement::Agreed);
    /// assert_eq!(policy.judge(None)?, Agreement::NotAssessable);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn judge(
        &self,
        statistics: Option<&ScoreStatistics>,
    ) -> Result<Agreement, ComparisonError> {
        self.validate()?;
        Ok(self.judge_valid(statistics))
    }

    /// As [`AgreementPolicy::judge`], for a policy already validated.
    pub(crate) fn judge_valid(&self, statistics: Option<&ScoreStatistics>) -> Agreement {
        let Some(stats) = statistics else {
            return Agreement::NotAssessable;
        };
        let agreed = match *self {
            AgreementPolicy::RandRegion { fewer_than } => {
                let (_, outside) = stats.median_region();
                outside < fewer_than
            }
            AgreementPolicy::IqrAtMost(limit) => stats.iqr() <= limit,
            AgreementPolicy::RwgAtLeast(minimum) => match stats.rwg_at_least(minimum) {
                Some(agreed) => agreed,
                None => return Agreement::NotAssessable,
            },
            AgreementPolicy::ConsensusAtLeast(minimum) => stats.consensus() >= minimum,
        };
        if agreed { Agreement::Agreed } else { Agreement::Split }
    }
}

impl std::fmt::Display for AgreementPolicy {
    /// Writes the rule in words, such as `fewer than 4 ratings outside the
    /// 3-level region containing the median`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AgreementPolicy::RandRegion { fewer_than } => write!(
                f,
                "fewer than {fewer_than} ratings outside the 3-level region containing the median"
            ),
            AgreementPolicy::IqrAtMost(limit) => write!(f, "interquartile range at most {limit}"),
            AgreementPolicy::RwgAtLeast(minimum) => write!(f, "r_wg at least {minimum}"),
            AgreementPolicy::ConsensusAtLeast(minimum) => {
                write!(f, "Tastle-Wierman consensus at least {minimum}")
            }
        }
    }
}

impl ScoreStatistics {
    /// The 3-level region containing the median, on the scale the statistics
    /// were computed on, and how many ratings fall outside it.
    ///
    /// The region is `[median − 1, median + 1]`, moved inwards at the ends of
    /// the scale so that it keeps three levels (a median of 0 on 0–5 gives
    /// 0..=2). A half-level median such as 2.5 lies in two such regions,
    /// 1..=3 and 2..=4; the one with more ratings inside is used (the lower on
    /// a tie), so that agreement is not denied by the choice of region. On a
    /// two-level scale the region is the whole scale.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Scale, ScoreStatistics};
    /// let scale = Scale::numbered(0, 5)?;
    /// // 1, 2, 3, 4: median 2.5; 1..=3 and 2..=4 both leave one rating outside.
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 1, 1, 1, 1, 0])?.unwrap();
    /// assert_eq!(stats.median_region(), (1..=3, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn median_region(&self) -> (RangeInclusive<u8>, u64) {
        let (min, max) = self.scale_bounds();
        if max - min < 2 {
            return (min..=max, 0);
        }
        let median = self.median();
        let lower = median.floor().to_u8().unwrap_or(min);
        let is_half = median.fract() != Decimal::ZERO;
        let window = |centre: u8| {
            let start = centre.saturating_sub(1).clamp(min, max - 2);
            let range = start..=start + 2;
            let inside: u64 = range.clone().map(|level| self.count(level)).sum();
            (range, self.n() - inside)
        };
        let first = window(lower);
        if is_half {
            let second = window(lower.saturating_add(1));
            if second.1 < first.1 {
                return second;
            }
        }
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::maturity::Scale;

    fn stats(scale: &Scale, counts: &[u64]) -> ScoreStatistics {
        ScoreStatistics::from_counts(scale, counts).unwrap().unwrap()
    }

    #[test]
    fn region_moves_inwards_at_the_ends() {
        let scale = Scale::numbered(0, 5).unwrap();
        assert_eq!(stats(&scale, &[3, 0, 0, 0, 0, 1]).median_region(), (0..=2, 1));
        assert_eq!(stats(&scale, &[1, 0, 0, 0, 0, 3]).median_region(), (3..=5, 1));
        // Median 4.5 (4, 5): both candidate regions are 3..=5.
        assert_eq!(stats(&scale, &[0, 0, 0, 0, 1, 1]).median_region(), (3..=5, 0));
        // A whole-level median of 3: the one region 2..=4, with the 0 and
        // the 1 outside.
        let s = stats(&scale, &[1, 1, 0, 3, 3, 0]);
        assert_eq!(s.median(), Decimal::from(3));
        assert_eq!(s.median_region(), (2..=4, 2));
        // Median 2.5 (0, 0, 2, 3, 4, 4) with more ratings high: 2..=4 leaves
        // two outside, 1..=3 four, so 2..=4 is chosen.
        let s = stats(&scale, &[2, 0, 1, 1, 2, 0]);
        assert_eq!(s.median(), Decimal::new(25, 1));
        assert_eq!(s.median_region(), (2..=4, 2));
        let two = Scale::numbered(1, 2).unwrap();
        assert_eq!(stats(&two, &[1, 1]).median_region(), (1..=2, 0));
    }

    #[test]
    fn region_and_judgement_use_the_scale_of_the_statistics() {
        // Ratings 6, 7, 7 on a 3–7 scale: the region is 5..=7, with none
        // outside.
        let scale = Scale::numbered(3, 7).unwrap();
        let s = stats(&scale, &[0, 0, 0, 1, 2]);
        assert_eq!(s.median_region(), (5..=7, 0));
        // 1, 1, 9, 9 on a 1–9 scale: median 5, region 4..=6, all four outside.
        let wide = stats(&Scale::numbered(1, 9).unwrap(), &[2, 0, 0, 0, 0, 0, 0, 0, 2]);
        assert_eq!(wide.median_region(), (4..=6, 4));
        let rand = AgreementPolicy::RandRegion { fewer_than: 4 };
        assert_eq!(rand.judge(Some(&wide)), Ok(Agreement::Split));
        assert_eq!(rand.judge(Some(&s)), Ok(Agreement::Agreed));
    }

    #[test]
    fn scirocco_rule_fewer_than_four_of_twelve() {
        let scale = Scale::numbered(0, 5).unwrap();
        let policy = AgreementPolicy::RandRegion { fewer_than: 4 };
        // Three outside 2..=4: agreement.
        let agreed = stats(&scale, &[1, 2, 3, 3, 3, 0]);
        assert_eq!(agreed.median_region(), (2..=4, 3));
        assert_eq!(policy.judge(Some(&agreed)), Ok(Agreement::Agreed));
        assert_eq!(policy.judge(None), Ok(Agreement::NotAssessable));
        let rwg = AgreementPolicy::RwgAtLeast(Decimal::new(7, 1));
        let one = stats(&scale, &[0, 1, 0, 0, 0, 0]);
        assert_eq!(rwg.judge(Some(&one)), Ok(Agreement::NotAssessable));
        assert_eq!(
            AgreementPolicy::ConsensusAtLeast(0.99).judge(Some(&one)),
            Ok(Agreement::Agreed)
        );
        assert_eq!(
            policy.to_string(),
            "fewer than 4 ratings outside the 3-level region containing the median"
        );
    }

    #[test]
    fn thresholds_out_of_range_or_not_numbers_are_refused() {
        let scale = Scale::numbered(0, 5).unwrap();
        let s = stats(&scale, &[0, 1, 2, 1, 0, 0]);
        for policy in [
            AgreementPolicy::ConsensusAtLeast(f64::NAN),
            AgreementPolicy::ConsensusAtLeast(f64::INFINITY),
            AgreementPolicy::ConsensusAtLeast(f64::NEG_INFINITY),
            AgreementPolicy::ConsensusAtLeast(1.5),
            AgreementPolicy::ConsensusAtLeast(-0.1),
            AgreementPolicy::RwgAtLeast(Decimal::TWO),
            AgreementPolicy::RwgAtLeast(Decimal::NEGATIVE_ONE),
            AgreementPolicy::IqrAtMost(Decimal::new(-5, 1)),
            AgreementPolicy::RandRegion { fewer_than: 0 },
        ] {
            let err = policy.judge(Some(&s)).unwrap_err();
            assert!(
                matches!(&err, ComparisonError::InvalidAgreementPolicy { policy: p, .. } if *p == policy.to_string()),
                "{policy}: {err:?}"
            );
            // Refused even with nothing to judge.
            assert!(policy.judge(None).is_err(), "{policy}");
        }
        // The ends of each range are usable.
        for policy in [
            AgreementPolicy::ConsensusAtLeast(0.0),
            AgreementPolicy::ConsensusAtLeast(1.0),
            AgreementPolicy::RwgAtLeast(Decimal::ZERO),
            AgreementPolicy::RwgAtLeast(Decimal::ONE),
            AgreementPolicy::IqrAtMost(Decimal::ZERO),
            AgreementPolicy::RandRegion { fewer_than: 1 },
        ] {
            assert!(policy.judge(Some(&s)).is_ok(), "{policy}");
        }
    }
}
