//! Development priorities and the per-domain review (low, split, both).

use rust_decimal::Decimal;
use serde::Serialize;

use super::{Agreement, AgreementPolicy, ComparisonError, DomainProfile, Profile};

/// How the caller picks the domains to develop first.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::PriorityPolicy;
///
/// // Domains whose median is below level 3 ("Implementation" on AQuA).
/// let policy = PriorityPolicy::BelowLevel(3);
/// assert_eq!(policy.to_string(), "median below level 3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PriorityPolicy {
    /// Domains whose median is below this level (a median of 2.5 is below 3).
    BelowLevel(u8),
    /// The `k` domains with the lowest medians. Domains tied with the k-th
    /// are included too, so the list can be longer than `k` rather than
    /// break a tie arbitrarily.
    LowestK(usize),
    /// Domains whose median is below the partnership's own median of domain
    /// medians ([`Profile::overall`]).
    BelowPartnershipMedian,
}

impl std::fmt::Display for PriorityPolicy {
    /// Writes the rule in words.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PriorityPolicy::BelowLevel(level) => write!(f, "median below level {level}"),
            PriorityPolicy::LowestK(k) => write!(f, "the {k} lowest medians (ties included)"),
            PriorityPolicy::BelowPartnershipMedian => {
                f.write_str("median below the partnership's median of domain medians")
            }
        }
    }
}

/// One domain's standing in a round: its median and level reached, whether
/// its ratings agree, and whether it is a development priority ("low").
/// Low and split are separate flags: a low median with a split is a
/// discussion item, not a settled weakness.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, DomainReview, Framework, PriorityPolicy, Respondent, Response, Score};
/// use integration_outcomes::Date;
/// use rust_decimal::Decimal;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let mut responses = Vec::new();
/// for (name, org, lead, gov) in [("Ann", "NHS", 4, 1), ("Bob", "Council", 4, 5), ("Cat", "CVS", 3, 1), ("Dan", "NHS", 4, 5)] {
///     responses.push(Response::builder(&aqua, Respondent::new(name, org)?)
///         .score("leadership", Score::Level(lead))?
///         .score("governance", Score::Level(gov))?
///         .build());
/// }
/// let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?.profile();
/// let review: Vec<DomainReview> = profile.review(&AgreementPolicy::RandRegion { fewer_than: 2 }, PriorityPolicy::BelowLevel(4))?;
/// let governance = review.iter().find(|r| r.domain() == "governance").unwrap();
///
/// // Governance scored 1, 5, 1, 5: low (median 3) but split, so a discussion item.
/// assert_eq!(governance.median(), Some(Decimal::from(3)));
/// assert!(governance.is_low() && governance.is_split());
/// assert_eq!(governance.agreement(), Agreement::Split);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DomainReview {
    domain: String,
    name: String,
    median: Option<Decimal>,
    level_reached: Option<u8>,
    agreement: Agreement,
    low: bool,
}

impl DomainReview {
    /// The domain's id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, PriorityPolicy, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, lead, gov) in [("Ann", "NHS", 4, 1), ("Bob", "Council", 4, 5), ("Cat", "CVS", 3, 1), ("Dan", "NHS", 4, 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?)
    /// #         .score("leadership", Score::Level(lead))?
    /// #         .score("governance", Score::Level(gov))?
    /// #         .build());
    /// # }
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?.profile();
    /// // Leadership scored 4, 4, 3, 4; governance 1, 5, 1, 5; culture not scored.
    /// let review = profile.review(&AgreementPolicy::RandRegion { fewer_than: 2 }, PriorityPolicy::BelowLevel(4))?;
    /// let (leadership, governance, culture) = (&review[0], &review[1], &review[2]);
    ///
    /// assert_eq!(governance.domain(), "governance");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The domain's name.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, PriorityPolicy, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, lead, gov) in [("Ann", "NHS", 4, 1), ("Bob", "Council", 4, 5), ("Cat", "CVS", 3, 1), ("Dan", "NHS", 4, 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?)
    /// #         .score("leadership", Score::Level(lead))?
    /// #         .score("governance", Score::Level(gov))?
    /// #         .build());
    /// # }
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?.profile();
    /// // Leadership scored 4, 4, 3, 4; governance 1, 5, 1, 5; culture not scored.
    /// let review = profile.review(&AgreementPolicy::RandRegion { fewer_than: 2 }, PriorityPolicy::BelowLevel(4))?;
    /// let (leadership, governance, culture) = (&review[0], &review[1], &review[2]);
    ///
    /// assert_eq!(governance.name(), "Governance");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The median, if the domain was scored.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, PriorityPolicy, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, lead, gov) in [("Ann", "NHS", 4, 1), ("Bob", "Council", 4, 5), ("Cat", "CVS", 3, 1), ("Dan", "NHS", 4, 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?)
    /// #         .score("leadership", Score::Level(lead))?
    /// #         .score("governance", Score::Level(gov))?
    /// #         .build());
    /// # }
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?.profile();
    /// // Leadership scored 4, 4, 3, 4; governance 1, 5, 1, 5; culture not scored.
    /// let review = profile.review(&AgreementPolicy::RandRegion { fewer_than: 2 }, PriorityPolicy::BelowLevel(4))?;
    /// let (leadership, governance, culture) = (&review[0], &review[1], &review[2]);
    ///
    /// assert_eq!(governance.median(), Some(Decimal::from(3)));
    /// assert_eq!(culture.median(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn median(&self) -> Option<Decimal> {
        self.median
    }

    /// The level reached (median rounded down).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, PriorityPolicy, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, lead, gov) in [("Ann", "NHS", 4, 1), ("Bob", "Council", 4, 5), ("Cat", "CVS", 3, 1), ("Dan", "NHS", 4, 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?)
    /// #         .score("leadership", Score::Level(lead))?
    /// #         .score("governance", Score::Level(gov))?
    /// #         .build());
    /// # }
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?.profile();
    /// // Leadership scored 4, 4, 3, 4; governance 1, 5, 1, 5; culture not scored.
    /// let review = profile.review(&AgreementPolicy::RandRegion { fewer_than: 2 }, PriorityPolicy::BelowLevel(4))?;
    /// let (leadership, governance, culture) = (&review[0], &review[1], &review[2]);
    ///
    /// assert_eq!(leadership.level_reached(), Some(4));
    /// assert_eq!(culture.level_reached(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn level_reached(&self) -> Option<u8> {
        self.level_reached
    }

    /// Whether the ratings agree.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, PriorityPolicy, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, lead, gov) in [("Ann", "NHS", 4, 1), ("Bob", "Council", 4, 5), ("Cat", "CVS", 3, 1), ("Dan", "NHS", 4, 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?)
    /// #         .score("leadership", Score::Level(lead))?
    /// #         .score("governance", Score::Level(gov))?
    /// #         .build());
    /// # }
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?.profile();
    /// // Leadership scored 4, 4, 3, 4; governance 1, 5, 1, 5; culture not scored.
    /// let review = profile.review(&AgreementPolicy::RandRegion { fewer_than: 2 }, PriorityPolicy::BelowLevel(4))?;
    /// let (leadership, governance, culture) = (&review[0], &review[1], &review[2]);
    ///
    /// assert_eq!(leadership.agreement(), Agreement::Agreed);
    /// assert_eq!(governance.agreement(), Agreement::Split);
    /// assert_eq!(culture.agreement(), Agreement::NotAssessable);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn agreement(&self) -> Agreement {
        self.agreement
    }

    /// Whether the domain is a development priority under the policy.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, PriorityPolicy, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, lead, gov) in [("Ann", "NHS", 4, 1), ("Bob", "Council", 4, 5), ("Cat", "CVS", 3, 1), ("Dan", "NHS", 4, 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?)
    /// #         .score("leadership", Score::Level(lead))?
    /// #         .score("governance", Score::Level(gov))?
    /// #         .build());
    /// # }
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?.profile();
    /// // Leadership scored 4, 4, 3, 4; governance 1, 5, 1, 5; culture not scored.
    /// let review = profile.review(&AgreementPolicy::RandRegion { fewer_than: 2 }, PriorityPolicy::BelowLevel(4))?;
    /// let (leadership, governance, culture) = (&review[0], &review[1], &review[2]);
    ///
    /// assert!(governance.is_low()); // median 3, below level 4
    /// assert!(!leadership.is_low()); // median 4
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_low(&self) -> bool {
        self.low
    }

    /// Whether the ratings are split.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, PriorityPolicy, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, lead, gov) in [("Ann", "NHS", 4, 1), ("Bob", "Council", 4, 5), ("Cat", "CVS", 3, 1), ("Dan", "NHS", 4, 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?)
    /// #         .score("leadership", Score::Level(lead))?
    /// #         .score("governance", Score::Level(gov))?
    /// #         .build());
    /// # }
    /// # let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?.profile();
    /// // Leadership scored 4, 4, 3, 4; governance 1, 5, 1, 5; culture not scored.
    /// let review = profile.review(&AgreementPolicy::RandRegion { fewer_than: 2 }, PriorityPolicy::BelowLevel(4))?;
    /// let (leadership, governance, culture) = (&review[0], &review[1], &review[2]);
    ///
    /// assert!(governance.is_split());
    /// assert!(!leadership.is_split());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_split(&self) -> bool {
        self.agreement == Agreement::Split
    }
}

impl Profile {
    /// The development priorities under `policy`, lowest median first (then
    /// framework order). Domains nobody scored are never priorities; they
    /// show as unscored in the review.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Assessment, Framework, PriorityPolicy, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    ///     .score("leadership", Score::Level(4))?
    ///     .score("governance", Score::Level(2))?
    ///     .score("culture", Score::Level(1))?
    ///     .build();
    /// let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    /// let ids = |policy| profile.priorities(policy).iter().map(|d| d.id().to_owned()).collect::<Vec<_>>();
    /// assert_eq!(ids(PriorityPolicy::BelowLevel(3)), ["culture", "governance"]);
    /// assert_eq!(ids(PriorityPolicy::LowestK(1)), ["culture"]);
    /// assert_eq!(ids(PriorityPolicy::BelowPartnershipMedian), ["culture"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn priorities(&self, policy: PriorityPolicy) -> Vec<&DomainProfile> {
        let mut scored: Vec<(&DomainProfile, Decimal)> =
            self.domains().iter().filter_map(|d| d.median().map(|m| (d, m))).collect();
        // Stable: equal medians keep framework order.
        scored.sort_by_key(|(_, m)| *m);
        let below = |limit: Decimal| -> Vec<&DomainProfile> {
            scored.iter().filter(|(_, m)| *m < limit).map(|(d, _)| *d).collect()
        };
        match policy {
            PriorityPolicy::BelowLevel(level) => below(Decimal::from(level)),
            PriorityPolicy::BelowPartnershipMedian => match self.overall() {
                Some(overall) => below(overall.median_of_medians()),
                None => Vec::new(),
            },
            PriorityPolicy::LowestK(k) => {
                let Some(cut) = k.checked_sub(1).and_then(|i| scored.get(i)).map(|(_, m)| *m)
                else {
                    // k = 0 asks for nothing; k beyond the list takes all.
                    return if k == 0 {
                        Vec::new()
                    } else {
                        scored.iter().map(|(d, _)| *d).collect()
                    };
                };
                scored.iter().filter(|(_, m)| *m <= cut).map(|(d, _)| *d).collect()
            }
        }
    }

    /// Every domain's standing, in framework order: median, level reached,
    /// agreement under `agreement` and whether it is a priority under `priority`.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, PriorityPolicy, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let mut responses = Vec::new();
    /// for (name, org, gov) in [("Ann", "NHS", 1), ("Bob", "Council", 5), ("Cat", "CVS", 1), ("Dan", "NHS", 5)] {
    ///     responses.push(Response::builder(&aqua, Respondent::new(name, org)?).score("governance", Score::Level(gov))?.build());
    /// }
    /// let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?.profile();
    /// let review = profile.review(&AgreementPolicy::RandRegion { fewer_than: 2 }, PriorityPolicy::BelowLevel(4))?;
    /// let governance = review.iter().find(|r| r.domain() == "governance").unwrap();
    /// assert!(governance.is_low() && governance.is_split());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ComparisonError::InvalidAgreementPolicy`] if the agreement policy's
    /// threshold is out of range ([`AgreementPolicy::validate`]),
    /// or [`ComparisonError::PolicyNotForScale`] if the policy is not defined
    /// on the profile's scale ([`AgreementPolicy::validate_for`]).
    pub fn review(
        &self,
        agreement: &AgreementPolicy,
        priority: PriorityPolicy,
    ) -> Result<Vec<DomainReview>, ComparisonError> {
        agreement.validate_for(self.scale())?;
        Ok(self.review_valid(agreement, priority))
    }

    /// As [`Profile::review`], for an agreement policy already validated.
    pub(crate) fn review_valid(
        &self,
        agreement: &AgreementPolicy,
        priority: PriorityPolicy,
    ) -> Vec<DomainReview> {
        let low: Vec<&str> = self.priorities(priority).iter().map(|d| d.id()).collect();
        self.agreement_valid(agreement)
            .into_iter()
            .map(|(d, agreement)| DomainReview {
                domain: d.id().to_owned(),
                name: d.name().to_owned(),
                median: d.median(),
                level_reached: d.level_reached(),
                agreement,
                low: low.contains(&d.id()),
            })
            .collect()
    }
}
