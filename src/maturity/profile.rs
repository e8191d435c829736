//! Partnership profiles: the statistics of a round, domain by domain.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use super::{
    Agreement, AgreementPolicy, Assessment, ComparisonError, ProfileCounts, Scale, ScoreStatistics,
};
use crate::Date;

/// One domain's ratings in a round: how many scored it, left it unscored or
/// marked it not applicable, and the statistics of the scores.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
/// use integration_outcomes::Date;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build();
/// let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(3))?.build();
/// let c = Response::builder(&aqua, Respondent::new("Cat", "CVS")?).score("culture", Score::NotApplicable)?.build();
/// let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [a, b, c])?.profile();
/// let culture = profile.domain("culture").unwrap();
/// assert_eq!((culture.scored(), culture.not_scored(), culture.not_applicable()), (2, 0, 1));
/// assert_eq!(culture.median().unwrap().to_string(), "2.5");
/// assert_eq!(culture.level_reached(), Some(2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainProfile {
    id: String,
    name: String,
    scored: u64,
    not_scored: u64,
    not_applicable: u64,
    statistics: Option<ScoreStatistics>,
}

impl DomainProfile {
    /// The domain's id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(3))?.build();
    /// # let c = Response::builder(&aqua, Respondent::new("Cat", "CVS")?).score("culture", Score::NotApplicable)?.build();
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [a, b, c])?.profile();
    /// // Culture scored 2 and 3, and once not applicable; leadership not scored.
    /// let culture = profile.domain("culture").unwrap();
    ///
    /// assert_eq!(profile.domains()[2].id(), "culture");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The domain's name.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(3))?.build();
    /// # let c = Response::builder(&aqua, Respondent::new("Cat", "CVS")?).score("culture", Score::NotApplicable)?.build();
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [a, b, c])?.profile();
    /// // Culture scored 2 and 3, and once not applicable; leadership not scored.
    /// let culture = profile.domain("culture").unwrap();
    ///
    /// assert_eq!(culture.name(), "Culture");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How many respondents gave a level.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(3))?.build();
    /// # let c = Response::builder(&aqua, Respondent::new("Cat", "CVS")?).score("culture", Score::NotApplicable)?.build();
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [a, b, c])?.profile();
    /// // Culture scored 2 and 3, and once not applicable; leadership not scored.
    /// let culture = profile.domain("culture").unwrap();
    ///
    /// assert_eq!(culture.scored(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn scored(&self) -> u64 {
        self.scored
    }

    /// How many respondents left the domain unscored.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(3))?.build();
    /// # let c = Response::builder(&aqua, Respondent::new("Cat", "CVS")?).score("culture", Score::NotApplicable)?.build();
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [a, b, c])?.profile();
    /// // Culture scored 2 and 3, and once not applicable; leadership not scored.
    /// let culture = profile.domain("culture").unwrap();
    ///
    /// assert_eq!(culture.not_scored(), 0);
    /// assert_eq!(profile.domain("leadership").unwrap().not_scored(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn not_scored(&self) -> u64 {
        self.not_scored
    }

    /// How many respondents marked the domain not applicable.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(3))?.build();
    /// # let c = Response::builder(&aqua, Respondent::new("Cat", "CVS")?).score("culture", Score::NotApplicable)?.build();
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [a, b, c])?.profile();
    /// // Culture scored 2 and 3, and once not applicable; leadership not scored.
    /// let culture = profile.domain("culture").unwrap();
    ///
    /// assert_eq!(culture.not_applicable(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn not_applicable(&self) -> u64 {
        self.not_applicable
    }

    /// The statistics of the levels given; `None` if nobody scored the domain.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(3))?.build();
    /// # let c = Response::builder(&aqua, Respondent::new("Cat", "CVS")?).score("culture", Score::NotApplicable)?.build();
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [a, b, c])?.profile();
    /// // Culture scored 2 and 3, and once not applicable; leadership not scored.
    /// let culture = profile.domain("culture").unwrap();
    ///
    /// assert_eq!(culture.statistics().map(|s| s.n()), Some(2));
    /// assert!(profile.domain("leadership").unwrap().statistics().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn statistics(&self) -> Option<&ScoreStatistics> {
        self.statistics.as_ref()
    }

    /// The median level, if anybody scored the domain.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(3))?.build();
    /// # let c = Response::builder(&aqua, Respondent::new("Cat", "CVS")?).score("culture", Score::NotApplicable)?.build();
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [a, b, c])?.profile();
    /// // Culture scored 2 and 3, and once not applicable; leadership not scored.
    /// let culture = profile.domain("culture").unwrap();
    ///
    /// assert_eq!(culture.median(), Some(Decimal::new(25, 1))); // 2.5
    /// assert_eq!(profile.domain("leadership").unwrap().median(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn median(&self) -> Option<Decimal> {
        self.statistics.as_ref().map(ScoreStatistics::median)
    }

    /// The level the partnership has reached in this domain: the highest
    /// level `L` with median ≥ `L`, so a half-level median of 2.5 has reached
    /// level 2, not 3 (half a level is not a level). `None` if nobody scored it.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(3))?.build();
    /// # let c = Response::builder(&aqua, Respondent::new("Cat", "CVS")?).score("culture", Score::NotApplicable)?.build();
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [a, b, c])?.profile();
    /// // Culture scored 2 and 3, and once not applicable; leadership not scored.
    /// let culture = profile.domain("culture").unwrap();
    ///
    /// assert_eq!(culture.level_reached(), Some(2)); // median 2.5
    /// assert_eq!(profile.domain("leadership").unwrap().level_reached(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn level_reached(&self) -> Option<u8> {
        self.median().and_then(|m| m.floor().to_u8())
    }
}

/// Where the partnership stands overall: the median of the domain medians,
/// and the lowest domain median as the "honest" score.
///
/// Only domains somebody scored are counted.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Assessment, Framework, OverallPosition, Respondent, Response, Score};
/// use integration_outcomes::Date;
/// use rust_decimal::Decimal;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
///     .score("leadership", Score::Level(4))?
///     .score("governance", Score::Level(3))?
///     .score("culture", Score::Level(1))?
///     .build();
/// let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
/// let overall: OverallPosition = profile.overall().unwrap();
///
/// assert_eq!(overall.median_of_medians(), Decimal::from(3)); // of 1, 3, 4
/// assert_eq!((overall.lowest(), overall.lowest_domains()), (Decimal::ONE, &["culture".to_owned()][..]));
/// assert_eq!(overall.domains_counted(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverallPosition {
    median_of_medians: Decimal,
    lowest: Decimal,
    lowest_domains: Vec<String>,
    domains_counted: usize,
}

impl OverallPosition {
    /// The median (type 7) of the domain medians, exact.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    /// #     .score("leadership", Score::Level(4))?
    /// #     .score("governance", Score::Level(3))?
    /// #     .score("culture", Score::Level(1))?
    /// #     .score("workforce", Score::Level(2))?
    /// #     .build();
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    /// // Leadership 4, governance 3, culture 1, workforce 2; the rest not scored.
    /// let overall = profile.overall().unwrap();
    ///
    /// assert_eq!(overall.median_of_medians(), Decimal::new(25, 1)); // of 1, 2, 3, 4
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn median_of_medians(&self) -> Decimal {
        self.median_of_medians
    }

    /// The lowest domain median: the partnership is no more mature than its
    /// weakest domain.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    /// #     .score("leadership", Score::Level(4))?
    /// #     .score("governance", Score::Level(3))?
    /// #     .score("culture", Score::Level(1))?
    /// #     .score("workforce", Score::Level(2))?
    /// #     .build();
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    /// // Leadership 4, governance 3, culture 1, workforce 2; the rest not scored.
    /// let overall = profile.overall().unwrap();
    ///
    /// assert_eq!(overall.lowest(), Decimal::ONE);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn lowest(&self) -> Decimal {
        self.lowest
    }

    /// The ids of the domains at the lowest median, in framework order.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    /// #     .score("leadership", Score::Level(4))?
    /// #     .score("governance", Score::Level(3))?
    /// #     .score("culture", Score::Level(1))?
    /// #     .score("workforce", Score::Level(2))?
    /// #     .build();
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    /// // Leadership 4, governance 3, culture 1, workforce 2; the rest not scored.
    /// let overall = profile.overall().unwrap();
    ///
    /// assert_eq!(overall.lowest_domains(), ["culture"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lowest_domains(&self) -> &[String] {
        &self.lowest_domains
    }

    /// How many domains had ratings.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    /// #     .score("leadership", Score::Level(4))?
    /// #     .score("governance", Score::Level(3))?
    /// #     .score("culture", Score::Level(1))?
    /// #     .score("workforce", Score::Level(2))?
    /// #     .build();
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    /// // Leadership 4, governance 3, culture 1, workforce 2; the rest not scored.
    /// let overall = profile.overall().unwrap();
    ///
    /// assert_eq!(overall.domains_counted(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn domains_counted(&self) -> usize {
        self.domains_counted
    }
}

/// The profile of one round (or of one organisation's responses in it):
/// per-domain counts, statistics and agreement.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Respondent, Response, Score};
/// use integration_outcomes::Date;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let mut responses = Vec::new();
/// for (name, org, lead, gov) in [("Ann", "NHS", 3, 1), ("Bob", "Council", 3, 5), ("Cat", "CVS", 4, 1), ("Dan", "NHS", 3, 5)] {
///     responses.push(Response::builder(&aqua, Respondent::new(name, org)?)
///         .score("leadership", Score::Level(lead))?
///         .score("governance", Score::Level(gov))?
///         .build());
/// }
/// let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?.profile();
/// let splits = profile.splits(&AgreementPolicy::RandRegion { fewer_than: 2 })?;
/// assert_eq!(splits.iter().map(|d| d.id()).collect::<Vec<_>>(), ["governance"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    framework: String,
    partnership: String,
    date: Date,
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation: Option<String>,
    respondents: u64,
    #[serde(skip)]
    scale: Scale,
    domains: Vec<DomainProfile>,
}

impl Assessment {
    /// The round's profile: every statistic and agreement measure of every
    /// domain, from one counting pass over the scores.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(4))?.build();
    /// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?;
    /// let profile = round.profile();
    /// assert_eq!(profile.respondents(), 1);
    /// assert_eq!(profile.domains().len(), 8);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn profile(&self) -> Profile {
        self.counts().profile()
    }

    /// The round's counts per domain and score: the mergeable partial state
    /// of its profile (see [`ProfileCounts`]).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(4))?.build();
    /// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?;
    /// let counts = round.counts();
    /// assert_eq!(counts.respondents(), 1);
    /// assert_eq!(counts.profile(), round.profile());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn counts(&self) -> ProfileCounts {
        let mut counts = self.empty_counts();
        counts.count_columns(self.columns(), None);
        counts.note_respondents(self.respondents());
        counts
    }

    /// As [`Assessment::profile`], counting the domains in parallel with rayon.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(4))?.build();
    /// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?;
    /// assert_eq!(round.par_profile(), round.profile());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "rayon")]
    #[must_use]
    pub fn par_profile(&self) -> Profile {
        let mut counts = self.empty_counts();
        counts.count_columns_parallel(self.columns());
        counts.profile()
    }

    pub(crate) fn empty_counts(&self) -> ProfileCounts {
        ProfileCounts::empty(
            self.framework(),
            self.partnership(),
            self.date(),
            self.label(),
            self.scale(),
            self.domain_labels(),
        )
    }

    /// The profile of one organisation's responses; `None` if it did not respond.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(4))?.build();
    /// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?;
    /// assert_eq!(round.organisation_profile("NHS").unwrap().organisation(), Some("NHS"));
    /// assert!(round.organisation_profile("Council").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn organisation_profile(&self, organisation: &str) -> Option<Profile> {
        let mask: Vec<bool> =
            self.respondents().iter().map(|r| r.organisation() == organisation).collect();
        if !mask.contains(&true) {
            return None;
        }
        let mut counts = self.empty_counts();
        counts.set_organisation(organisation);
        counts.count_columns(self.columns(), Some(&mask));
        Some(counts.profile())
    }
}

impl Profile {
    /// The profile of `counts`. [`ProfileCounts`] holds, per domain, one
    /// count per level then the not scored and not applicable counts, and at
    /// most 2⁴⁸ responses (its `add` and `merge` refuse more), the limit
    /// [`ScoreStatistics::from_counts`] enforces, so that never fails here.
    pub(crate) fn from_counts(counts: &ProfileCounts) -> Profile {
        let parts = counts.parts();
        let scale = parts.scale.clone();
        let domains = parts
            .domains
            .iter()
            .zip(parts.counts)
            .map(|(label, codes)| {
                let (levels, not_scored, not_applicable) = match codes.as_slice() {
                    [levels @ .., not_scored, not_applicable] => {
                        (levels, *not_scored, *not_applicable)
                    }
                    // Never: every domain holds its levels and two counts.
                    _ => (&[][..], 0, 0),
                };
                let statistics = ScoreStatistics::from_counts(&scale, levels).ok().flatten();
                let scored = statistics.as_ref().map_or(0, ScoreStatistics::n);
                DomainProfile {
                    id: label.id.clone(),
                    name: label.name.clone(),
                    scored,
                    not_scored,
                    not_applicable,
                    statistics,
                }
            })
            .collect();
        Profile {
            framework: parts.framework.to_owned(),
            partnership: parts.partnership.to_owned(),
            date: parts.date,
            label: parts.label.to_owned(),
            organisation: parts.organisation.map(str::to_owned),
            respondents: parts.respondents,
            scale,
            domains,
        }
    }

    /// The framework's id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(1))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(5))?.build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [a, b])?;
    /// let profile = round.profile();
    ///
    /// assert_eq!(profile.framework(), "aqua-sif-2014");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn framework(&self) -> &str {
        &self.framework
    }

    /// The partnership.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(1))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(5))?.build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [a, b])?;
    /// let profile = round.profile();
    ///
    /// assert_eq!(profile.partnership(), "Chorley PSR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn partnership(&self) -> &str {
        &self.partnership
    }

    /// The date of the round.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(1))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(5))?.build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [a, b])?;
    /// let profile = round.profile();
    ///
    /// assert_eq!(profile.date(), Date::new(2026, 1, 15)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn date(&self) -> Date {
        self.date
    }

    /// The round's label.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(1))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(5))?.build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [a, b])?;
    /// let profile = round.profile();
    ///
    /// assert_eq!(profile.label(), "baseline");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn label(&self) -> &str {
        &self.label
    }

    /// For an organisation's profile, the organisation.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(1))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(5))?.build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [a, b])?;
    /// let profile = round.profile();
    ///
    /// assert_eq!(profile.organisation(), None);
    /// assert_eq!(round.organisation_profile("NHS").unwrap().organisation(), Some("NHS"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn organisation(&self) -> Option<&str> {
        self.organisation.as_deref()
    }

    /// How many respondents the profile covers.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(1))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(5))?.build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [a, b])?;
    /// let profile = round.profile();
    ///
    /// assert_eq!(profile.respondents(), 2);
    /// assert_eq!(round.organisation_profile("NHS").unwrap().respondents(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn respondents(&self) -> u64 {
        self.respondents
    }

    /// The framework's scale.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(1))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(5))?.build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [a, b])?;
    /// let profile = round.profile();
    ///
    /// assert_eq!(profile.scale().len(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    /// The domains, in framework order.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(1))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(5))?.build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [a, b])?;
    /// let profile = round.profile();
    ///
    /// assert_eq!(profile.domains().len(), 8);
    /// assert_eq!(profile.domains()[0].id(), "leadership");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domains(&self) -> &[DomainProfile] {
        &self.domains
    }

    /// The domain with this id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(1))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(5))?.build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [a, b])?;
    /// let profile = round.profile();
    ///
    /// assert_eq!(profile.domain("culture").unwrap().scored(), 2);
    /// assert!(profile.domain("finance").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self, id: &str) -> Option<&DomainProfile> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// Each domain's agreement under `policy`, in framework order.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::InvalidAgreementPolicy`] if the policy's threshold
    /// is out of range ([`AgreementPolicy::validate`]),
    /// or [`ComparisonError::PolicyNotForScale`] if the policy is not defined
    /// on the profile's scale ([`AgreementPolicy::validate_for`]).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(1))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(5))?.build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [a, b])?;
    /// let profile = round.profile();
    ///
    /// // Culture was scored 1 and 5; nobody scored leadership.
    /// let agreement = profile.agreement(&AgreementPolicy::RandRegion { fewer_than: 2 })?;
    /// assert_eq!((agreement[2].0.id(), agreement[2].1), ("culture", Agreement::Split));
    /// assert_eq!(agreement[0].1, Agreement::NotAssessable);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn agreement(
        &self,
        policy: &AgreementPolicy,
    ) -> Result<Vec<(&DomainProfile, Agreement)>, ComparisonError> {
        policy.validate_for(self.scale())?;
        Ok(self.agreement_valid(policy))
    }

    /// As [`Profile::agreement`], for a policy already validated.
    pub(crate) fn agreement_valid(
        &self,
        policy: &AgreementPolicy,
    ) -> Vec<(&DomainProfile, Agreement)> {
        self.domains.iter().map(|d| (d, policy.judge_valid(d.statistics()))).collect()
    }

    /// The domains whose ratings do not agree under `policy`: discussion items,
    /// whatever their median. Domains that cannot be judged are not included.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::InvalidAgreementPolicy`] if the policy's threshold
    /// is out of range ([`AgreementPolicy::validate`]),
    /// or [`ComparisonError::PolicyNotForScale`] if the policy is not defined
    /// on the profile's scale ([`AgreementPolicy::validate_for`]).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(1))?.build();
    /// # let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(5))?.build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [a, b])?;
    /// let profile = round.profile();
    ///
    /// let splits = profile.splits(&AgreementPolicy::RandRegion { fewer_than: 2 })?;
    /// assert_eq!(splits.iter().map(|d| d.id()).collect::<Vec<_>>(), ["culture"]); // 1 and 5
    /// assert!(profile.splits(&AgreementPolicy::RandRegion { fewer_than: 0 }).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn splits(&self, policy: &AgreementPolicy) -> Result<Vec<&DomainProfile>, ComparisonError> {
        Ok(self
            .agreement(policy)?
            .into_iter()
            .filter(|(_, a)| *a == Agreement::Split)
            .map(|(d, _)| d)
            .collect())
    }

    /// The overall position; `None` if no domain was scored.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    ///     .score("leadership", Score::Level(4))?
    ///     .score("governance", Score::Level(3))?
    ///     .score("culture", Score::Level(1))?
    ///     .score("workforce", Score::Level(2))?
    ///     .build();
    /// let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    /// let overall = profile.overall().unwrap();
    /// assert_eq!(overall.median_of_medians().to_string(), "2.5");
    /// assert_eq!(overall.lowest().to_string(), "1");
    /// assert_eq!(overall.lowest_domains(), ["culture"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn overall(&self) -> Option<OverallPosition> {
        let mut medians: Vec<Decimal> =
            self.domains.iter().filter_map(DomainProfile::median).collect();
        medians.sort_unstable();
        let lowest = *medians.first()?;
        let n = medians.len();
        let middle = |i: usize| medians.get(i).copied().unwrap_or(lowest);
        let median_of_medians = if n % 2 == 1 {
            middle(n / 2)
        } else {
            ((middle(n / 2 - 1) + middle(n / 2)) / Decimal::TWO).normalize()
        };
        let lowest_domains = self
            .domains
            .iter()
            .filter(|d| d.median() == Some(lowest))
            .map(|d| d.id.clone())
            .collect();
        Some(OverallPosition { median_of_medians, lowest, lowest_domains, domains_counted: n })
    }
}
