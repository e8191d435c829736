//! Agreement policies: when do a partnership's ratings of a domain agree?

use std::ops::RangeInclusive;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use super::{ComparisonError, Scale, ScoreStatistics};

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
    ///
    /// This is the **sliding window** reading ([`RegionRule::SlidingWindow`]):
    /// the region is `[median − 1, median + 1]`, moved with the median. For
    /// RAND/UCLA's fixed thirds use [`AgreementPolicy::RandThirds`]; the two
    /// can disagree (see there).
    RandRegion {
        /// Agreement needs strictly fewer ratings than this outside the region.
        fewer_than: u64,
    },
    /// RAND/UCLA's own reading: agreement when fewer than `fewer_than`
    /// ratings fall outside the **fixed third** of the scale that contains
    /// the median ([`RegionRule::FixedThirds`]: 1–3, 4–6, 7–9 on RAND/UCLA's
    /// 1–9 scale; 0–1, 2–3, 4–5 on SCIROCCO's 0–5). Defined only for a scale
    /// whose number of levels is a multiple of three; on any other scale it
    /// is refused with [`ComparisonError::PolicyNotForScale`].
    ///
    /// The sliding window and the fixed thirds disagree when the median sits
    /// near the edge of a third. On 1–9 with ratings 4, 5, 6, 7 × 5, 8 × 5,
    /// 9 × 2 (median 7), the fixed third 7–9 leaves 3 ratings outside and the
    /// window 6–8 leaves 4, so "fewer than 4" agrees under one and splits
    /// under the other:
    ///
    /// ```
    /// use integration_outcomes::maturity::{Agreement, AgreementPolicy, Scale, ScoreStatistics};
    /// let scale = Scale::numbered(1, 9)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 0, 1, 1, 1, 5, 5, 2])?;
    /// let thirds = AgreementPolicy::RandThirds { fewer_than: 4 };
    /// let window = AgreementPolicy::RandRegion { fewer_than: 4 };
    /// assert_eq!(thirds.judge(stats.as_ref())?, Agreement::Agreed);
    /// assert_eq!(window.judge(stats.as_ref())?, Agreement::Split);
    /// assert_eq!(thirds.verdict(stats.as_ref())?.region(), Some((7..=9, 3)));
    /// assert_eq!(window.verdict(stats.as_ref())?.region(), Some((6..=8, 4)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    RandThirds {
        /// Agreement needs strictly fewer ratings than this outside the third.
        fewer_than: u64,
    },
    /// The RAND/UCLA interpercentile range adjusted for symmetry (IPRAS):
    /// with P30 and P70 the 30th and 70th percentiles (R type 7,
    /// [`ScoreStatistics::percentile`]), `IPR = P70 − P30`,
    /// `IPRCP = (P30 + P70) / 2`, `AI = |5 − IPRCP|` and
    /// `IPRAS = 2.35 + 1.5 · AI`; the panel **disagrees** (a split) when
    /// `IPR > IPRAS`. Computed exactly ([`Ipras`]). The constants are
    /// calibrated for the 1–9 scale, so any other scale is refused with
    /// [`ComparisonError::PolicyNotForScale`].
    Ipras,
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
            AgreementPolicy::RandThirds { fewer_than: 0 } => {
                Some("no number of ratings is fewer than 0, so no domain could agree")
            }
            AgreementPolicy::RandRegion { .. }
            | AgreementPolicy::RandThirds { .. }
            | AgreementPolicy::Ipras => None,
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
        Ok(self.verdict(statistics)?.agreement())
    }

    /// Judges one domain's ratings as [`AgreementPolicy::judge`] does, and
    /// returns what the judgement rests on, to check it by hand: the region
    /// and the number of ratings outside it for the region rules, the
    /// IPRAS working for [`AgreementPolicy::Ipras`].
    ///
    /// # Errors
    ///
    /// [`ComparisonError::InvalidAgreementPolicy`] if the policy's threshold
    /// is out of range, and [`ComparisonError::PolicyNotForScale`] if the
    /// policy is not defined on the statistics' scale
    /// ([`AgreementPolicy::validate_for`]).
    ///
    /// ```
    /// use integration_outcomes::maturity::{Agreement, AgreementPolicy, Scale, ScoreStatistics};
    /// let scale = Scale::numbered(0, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[1, 2, 3, 3, 3, 0])?; // median 2.5
    /// let verdict = AgreementPolicy::RandRegion { fewer_than: 4 }.verdict(stats.as_ref())?;
    /// assert_eq!(verdict.agreement(), Agreement::Agreed);
    /// assert_eq!(verdict.region(), Some((2..=4, 3)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verdict(
        &self,
        statistics: Option<&ScoreStatistics>,
    ) -> Result<Verdict, ComparisonError> {
        self.validate()?;
        if let Some(stats) = statistics {
            let (min, max) = stats.scale_bounds();
            self.check_scale(min, max)?;
        }
        Ok(self.verdict_valid(statistics))
    }

    /// Checks the threshold ([`AgreementPolicy::validate`]) and that the
    /// policy is defined on `scale`.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::InvalidAgreementPolicy`] as for
    /// [`AgreementPolicy::validate`]; [`ComparisonError::PolicyNotForScale`]
    /// for [`AgreementPolicy::RandThirds`] on a scale whose number of levels
    /// is not a multiple of three, and for [`AgreementPolicy::Ipras`] off the
    /// 1–9 scale.
    ///
    /// ```
    /// use integration_outcomes::maturity::{AgreementPolicy, Scale};
    /// let thirds = AgreementPolicy::RandThirds { fewer_than: 4 };
    /// assert!(thirds.validate_for(&Scale::numbered(0, 5)?).is_ok()); // 0–1, 2–3, 4–5
    /// let err = thirds.validate_for(&Scale::numbered(1, 5)?).unwrap_err();
    /// assert_eq!(err.to_string(), "agreement policy \"fewer than 4 ratings outside the fixed third \
    ///     of the scale containing the median\" cannot be used on the scale 1..=5: \
    ///     5 levels do not divide into three equal thirds");
    /// assert!(AgreementPolicy::Ipras.validate_for(&Scale::numbered(0, 5)?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate_for(&self, scale: &Scale) -> Result<(), ComparisonError> {
        self.validate()?;
        self.check_scale(scale.min(), scale.max())
    }

    fn check_scale(&self, min: u8, max: u8) -> Result<(), ComparisonError> {
        let reason = match self {
            AgreementPolicy::RandThirds { .. } => {
                let levels = usize::from(max - min) + 1;
                (levels % 3 != 0)
                    .then(|| format!("{levels} levels do not divide into three equal thirds"))
            }
            AgreementPolicy::Ipras => ((min, max) != (1, 9)).then(|| {
                "the IPRAS constants 2.35 and 1.5 are calibrated for the 1-9 scale".to_owned()
            }),
            _ => None,
        };
        match reason {
            Some(reason) => Err(ComparisonError::PolicyNotForScale {
                policy: self.to_string(),
                min,
                max,
                reason,
            }),
            None => Ok(()),
        }
    }

    /// As [`AgreementPolicy::judge`], for a policy already validated.
    pub(crate) fn judge_valid(&self, statistics: Option<&ScoreStatistics>) -> Agreement {
        self.verdict_valid(statistics).agreement
    }

    /// As [`AgreementPolicy::verdict`], for a policy already validated on
    /// the statistics' scale.
    pub(crate) fn verdict_valid(&self, statistics: Option<&ScoreStatistics>) -> Verdict {
        let mut verdict =
            Verdict { agreement: Agreement::NotAssessable, region: None, ipras: None };
        let Some(stats) = statistics else {
            return verdict;
        };
        let agreed = match *self {
            AgreementPolicy::RandRegion { fewer_than } => {
                let region = stats.median_region();
                let agreed = region.1 < fewer_than;
                verdict.region = Some(region);
                agreed
            }
            AgreementPolicy::RandThirds { fewer_than } => {
                match stats.region(RegionRule::FixedThirds) {
                    Some(region) => {
                        let agreed = region.1 < fewer_than;
                        verdict.region = Some(region);
                        agreed
                    }
                    None => return verdict,
                }
            }
            AgreementPolicy::Ipras => match Ipras::of(stats) {
                Some(ipras) => {
                    verdict.ipras = Some(ipras);
                    !ipras.disagreement()
                }
                None => return verdict,
            },
            AgreementPolicy::IqrAtMost(limit) => stats.iqr() <= limit,
            AgreementPolicy::RwgAtLeast(minimum) => match stats.rwg_at_least(minimum) {
                Some(agreed) => agreed,
                None => return verdict,
            },
            AgreementPolicy::ConsensusAtLeast(minimum) => stats.consensus() >= minimum,
        };
        verdict.agreement = if agreed { Agreement::Agreed } else { Agreement::Split };
        verdict
    }
}

/// How the 3-level region "containing the median" is drawn, for the
/// RAND/UCLA-style agreement rules.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{RegionRule, Scale, ScoreStatistics};
/// let scale = Scale::numbered(1, 9)?;
/// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 0, 1, 1, 1, 5, 5, 2])?.unwrap(); // median 7
/// assert_eq!(stats.region(RegionRule::SlidingWindow), Some((6..=8, 4)));
/// assert_eq!(stats.region(RegionRule::FixedThirds), Some((7..=9, 3)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RegionRule {
    /// `[median − 1, median + 1]`, moved inwards at the ends of the scale
    /// ([`ScoreStatistics::median_region`]); used by
    /// [`AgreementPolicy::RandRegion`]. The likely reading of "a 3-point
    /// region containing the median" on a 0–5 scale.
    SlidingWindow,
    /// The fixed third of the scale containing the median (1–3, 4–6, 7–9 on
    /// 1–9), as the RAND/UCLA manual defines it; used by
    /// [`AgreementPolicy::RandThirds`]. Only for a scale whose number of
    /// levels is a multiple of three.
    FixedThirds,
}

/// An agreement judgement with what it rests on ([`AgreementPolicy::verdict`]).
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Agreement, AgreementPolicy, Scale, ScoreStatistics};
/// let scale = Scale::numbered(1, 9)?;
/// let stats = ScoreStatistics::from_counts(&scale, &[0, 0, 0, 1, 1, 1, 5, 5, 2])?;
/// let verdict = AgreementPolicy::Ipras.verdict(stats.as_ref())?;
/// assert_eq!(verdict.agreement(), Agreement::Agreed);
/// assert_eq!(verdict.region(), None);
/// assert_eq!(verdict.ipras().map(|i| i.ipras().to_string()).as_deref(), Some("6.1"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    agreement: Agreement,
    region: Option<(RangeInclusive<u8>, u64)>,
    ipras: Option<Ipras>,
}

impl Verdict {
    /// The judgement.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy};
    /// assert_eq!(AgreementPolicy::Ipras.verdict(None)?.agreement(), Agreement::NotAssessable);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn agreement(&self) -> Agreement {
        self.agreement
    }

    /// For [`AgreementPolicy::RandRegion`] and [`AgreementPolicy::RandThirds`],
    /// the region used and how many ratings fell outside it; `None` for the
    /// other policies and for a domain without ratings.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, Scale, ScoreStatistics};
    /// let stats = ScoreStatistics::from_counts(&Scale::numbered(0, 5)?, &[0, 0, 3, 1, 0, 0])?;
    /// let verdict = AgreementPolicy::RandThirds { fewer_than: 1 }.verdict(stats.as_ref())?;
    /// assert_eq!(verdict.region(), Some((2..=3, 0)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(&self) -> Option<(RangeInclusive<u8>, u64)> {
        self.region.clone()
    }

    /// For [`AgreementPolicy::Ipras`], the working; `None` otherwise.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, Scale, ScoreStatistics};
    /// let stats = ScoreStatistics::from_counts(&Scale::numbered(1, 9)?, &[3, 0, 0, 0, 0, 0, 0, 0, 3])?;
    /// let ipras = AgreementPolicy::Ipras.verdict(stats.as_ref())?.ipras().unwrap();
    /// assert!(ipras.disagreement()); // IPR 8 > IPRAS 2.35
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn ipras(&self) -> Option<Ipras> {
        self.ipras
    }
}

/// The RAND/UCLA IPRAS working for one item on the 1–9 scale, exact:
/// P30, P70 (R type 7), `IPR = P70 − P30`, `IPRCP = (P30 + P70) / 2`,
/// `AI = |5 − IPRCP|`, `IPRAS = 2.35 + 1.5 · AI`; disagreement when
/// `IPR > IPRAS` (Fitch et al., The RAND/UCLA Appropriateness Method User's
/// Manual, 2001).
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{AgreementPolicy, Scale, ScoreStatistics};
/// use rust_decimal::Decimal;
/// let stats = ScoreStatistics::from_counts(&Scale::numbered(1, 9)?, &[0, 0, 0, 1, 1, 1, 5, 5, 2])?;
/// let verdict = AgreementPolicy::Ipras.verdict(stats.as_ref())?;
/// let ipras = verdict.ipras().unwrap();
/// assert_eq!((ipras.p30(), ipras.p70(), ipras.ipr()), (Decimal::from(7), Decimal::from(8), Decimal::ONE));
/// assert_eq!((ipras.iprcp().to_string(), ipras.asymmetry_index().to_string()), ("7.5".into(), "2.5".into()));
/// assert!(!ipras.disagreement());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ipras {
    p30: Decimal,
    p70: Decimal,
    iprcp: Decimal,
    asymmetry_index: Decimal,
    ipras: Decimal,
}

impl Ipras {
    /// The working on `stats` (a 1–9 scale); `None` only if a percentile
    /// cannot be computed.
    fn of(stats: &ScoreStatistics) -> Option<Ipras> {
        let p30 = stats.percentile(Decimal::from(30)).ok()?;
        let p70 = stats.percentile(Decimal::from(70)).ok()?;
        let iprcp = ((p30 + p70) / Decimal::TWO).normalize();
        let asymmetry_index = (Decimal::from(5) - iprcp).abs().normalize();
        let ipras = (Decimal::new(235, 2) + Decimal::new(15, 1) * asymmetry_index).normalize();
        Some(Ipras { p30, p70, iprcp, asymmetry_index, ipras })
    }

    /// The 30th percentile.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, Scale, ScoreStatistics};
    /// let stats = ScoreStatistics::from_counts(&Scale::numbered(1, 9)?, &[0, 0, 0, 1, 1, 1, 5, 5, 2])?;
    /// assert_eq!(AgreementPolicy::Ipras.verdict(stats.as_ref())?.ipras().unwrap().p30().to_string(), "7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn p30(&self) -> Decimal {
        self.p30
    }

    /// The 70th percentile.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, Scale, ScoreStatistics};
    /// let stats = ScoreStatistics::from_counts(&Scale::numbered(1, 9)?, &[0, 0, 0, 1, 1, 1, 5, 5, 2])?;
    /// assert_eq!(AgreementPolicy::Ipras.verdict(stats.as_ref())?.ipras().unwrap().p70().to_string(), "8");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn p70(&self) -> Decimal {
        self.p70
    }

    /// The interpercentile range `P70 − P30`.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, Scale, ScoreStatistics};
    /// let stats = ScoreStatistics::from_counts(&Scale::numbered(1, 9)?, &[0, 0, 0, 1, 1, 1, 5, 5, 2])?;
    /// assert_eq!(AgreementPolicy::Ipras.verdict(stats.as_ref())?.ipras().unwrap().ipr().to_string(), "1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn ipr(&self) -> Decimal {
        (self.p70 - self.p30).normalize()
    }

    /// The central point of the interpercentile range, `(P30 + P70) / 2`.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, Scale, ScoreStatistics};
    /// let stats = ScoreStatistics::from_counts(&Scale::numbered(1, 9)?, &[0, 0, 0, 1, 1, 1, 5, 5, 2])?;
    /// assert_eq!(AgreementPolicy::Ipras.verdict(stats.as_ref())?.ipras().unwrap().iprcp().to_string(), "7.5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn iprcp(&self) -> Decimal {
        self.iprcp
    }

    /// The asymmetry index `|5 − IPRCP|`.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, Scale, ScoreStatistics};
    /// let stats = ScoreStatistics::from_counts(&Scale::numbered(1, 9)?, &[0, 0, 0, 1, 1, 1, 5, 5, 2])?;
    /// assert_eq!(AgreementPolicy::Ipras.verdict(stats.as_ref())?.ipras().unwrap().asymmetry_index().to_string(), "2.5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn asymmetry_index(&self) -> Decimal {
        self.asymmetry_index
    }

    /// `IPRAS = 2.35 + 1.5 · AI`.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, Scale, ScoreStatistics};
    /// let stats = ScoreStatistics::from_counts(&Scale::numbered(1, 9)?, &[0, 0, 0, 1, 1, 1, 5, 5, 2])?;
    /// assert_eq!(AgreementPolicy::Ipras.verdict(stats.as_ref())?.ipras().unwrap().ipras().to_string(), "6.1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn ipras(&self) -> Decimal {
        self.ipras
    }

    /// Whether the panel disagrees: `IPR > IPRAS`.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, Scale, ScoreStatistics};
    /// let stats = ScoreStatistics::from_counts(&Scale::numbered(1, 9)?, &[0, 0, 0, 1, 1, 1, 5, 5, 2])?;
    /// assert!(!AgreementPolicy::Ipras.verdict(stats.as_ref())?.ipras().unwrap().disagreement());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn disagreement(&self) -> bool {
        self.ipr() > self.ipras
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
            AgreementPolicy::RandThirds { fewer_than } => write!(
                f,
                "fewer than {fewer_than} ratings outside the fixed third of the scale containing the median"
            ),
            AgreementPolicy::Ipras => {
                write!(f, "RAND/UCLA IPRAS: no disagreement (IPR = P70 - P30 at most IPRAS)")
            }
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
        self.sliding_region()
    }

    /// The region containing the median under `rule`, and how many ratings
    /// fall outside it; `None` for [`RegionRule::FixedThirds`] on a scale
    /// whose number of levels is not a multiple of three.
    ///
    /// A half-level median on the boundary between two thirds (3.5 on 0–5,
    /// 6.5 on 1–9) lies in both; as for the sliding window, the one with more
    /// ratings inside is used, the lower on a tie.
    ///
    /// ```
    /// use integration_outcomes::maturity::{RegionRule, Scale, ScoreStatistics};
    /// let scale = Scale::numbered(0, 5)?;
    /// let stats = ScoreStatistics::from_counts(&scale, &[0, 1, 1, 1, 1, 0])?.unwrap(); // median 2.5
    /// assert_eq!(stats.region(RegionRule::FixedThirds), Some((2..=3, 2)));
    /// assert_eq!(stats.region(RegionRule::SlidingWindow), Some((1..=3, 1)));
    /// let five = ScoreStatistics::from_counts(&Scale::numbered(1, 5)?, &[0, 1, 1, 1, 0])?.unwrap();
    /// assert_eq!(five.region(RegionRule::FixedThirds), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(&self, rule: RegionRule) -> Option<(RangeInclusive<u8>, u64)> {
        match rule {
            RegionRule::SlidingWindow => Some(self.sliding_region()),
            RegionRule::FixedThirds => self.fixed_third(),
        }
    }

    fn fixed_third(&self) -> Option<(RangeInclusive<u8>, u64)> {
        let (min, max) = self.scale_bounds();
        let levels = max - min + 1;
        if levels % 3 != 0 {
            return None;
        }
        let size = levels / 3;
        let third = |index: u8| {
            let start = min + index * size;
            let range = start..=start + size - 1;
            let inside: u64 = range.clone().map(|level| self.count(level)).sum();
            (range, self.n() - inside)
        };
        // The third holding floor(median), and for a half-level median the
        // one holding the level above, if that is another third.
        let median = self.median();
        let lower = median.floor().to_u8().unwrap_or(min).clamp(min, max);
        let first = third(((lower - min) / size).min(2));
        if median.fract() != Decimal::ZERO {
            let upper = lower.saturating_add(1).min(max);
            let index = ((upper - min) / size).min(2);
            let second = third(index);
            if second.0 != first.0 && second.1 < first.1 {
                return Some(second);
            }
        }
        Some(first)
    }

    fn sliding_region(&self) -> (RangeInclusive<u8>, u64) {
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
