//! Sum scores: one total over a framework's domains, or a subset of them.

use rust_decimal::Decimal;
use serde::Serialize;

use super::{ComparisonError, Framework, Profile, Scale};

/// Which domains a [`SumScore`] adds up.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::SumDomains;
/// let two = SumDomains::Only(&["leadership", "culture"]);
/// assert_ne!(two, SumDomains::All);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SumDomains<'a> {
    /// Every domain of the framework, in framework order.
    All,
    /// These domains, in this order.
    Only(&'a [&'a str]),
}

/// A total across domains, with its range derived from the scale: with `k`
/// domains on a scale `min..=max` the total runs from `k·min` to `k·max`
/// (NewEcoSmart's 8 SCIROCCO dimensions on 0–5: 0–40; De Luca et al.,
/// Green Health 2025).
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Framework, SumDomains, SumScore};
/// use rust_decimal::Decimal;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let scores = [("leadership", 3), ("culture", 2)];
/// let sum = SumScore::of_levels(&aqua, SumDomains::Only(&["leadership", "culture"]), &scores)?;
/// assert_eq!((sum.total(), sum.min(), sum.max()), (Decimal::from(5), 2, 10)); // AQuA is 1–5
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SumScore {
    domains: Vec<String>,
    total: Decimal,
    min: u32,
    max: u32,
}

impl SumScore {
    /// The total of one level per domain (one respondent's scores, or a
    /// consensus agreed at a workshop).
    ///
    /// # Errors
    ///
    /// - [`ComparisonError::UnknownDomain`] for a domain the framework lacks;
    /// - [`ComparisonError::DuplicateSumDomain`] for a domain listed or
    ///   scored twice;
    /// - [`ComparisonError::NotInSum`] for a score outside the chosen domains;
    /// - [`ComparisonError::MissingSumScore`] for a chosen domain without a score;
    /// - [`ComparisonError::SumScoreOffScale`] for a level outside the scale.
    ///
    /// ```
    /// use integration_outcomes::maturity::{ComparisonError, Framework, SumDomains, SumScore};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let err = SumScore::of_levels(&aqua, SumDomains::Only(&["culture"]), &[("culture", 0)]).unwrap_err();
    /// assert_eq!(err.to_string(), "domain \"culture\" scored 0, outside the scale 1..=5");
    /// let err = SumScore::of_levels(&aqua, SumDomains::All, &[("culture", 3)]).unwrap_err();
    /// assert_eq!(err, ComparisonError::MissingSumScore { domain: "leadership".into() });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_levels(
        framework: &Framework,
        domains: SumDomains<'_>,
        scores: &[(&str, u8)],
    ) -> Result<SumScore, ComparisonError> {
        let chosen = choose(framework.id(), framework.domains().iter().map(|d| d.id()), domains)?;
        let scale = framework.scale();
        for (i, (domain, level)) in scores.iter().enumerate() {
            if scores.iter().take(i).any(|(d, _)| d == domain) {
                return Err(ComparisonError::DuplicateSumDomain { domain: (*domain).to_owned() });
            }
            if !chosen.iter().any(|c| c == domain) {
                if framework.domain(domain).is_none() {
                    return Err(ComparisonError::UnknownDomain {
                        framework: framework.id().to_owned(),
                        domain: (*domain).to_owned(),
                    });
                }
                return Err(ComparisonError::NotInSum { domain: (*domain).to_owned() });
            }
            if !(scale.min()..=scale.max()).contains(level) {
                return Err(ComparisonError::SumScoreOffScale {
                    domain: (*domain).to_owned(),
                    level: *level,
                    min: scale.min(),
                    max: scale.max(),
                });
            }
        }
        let mut total = Decimal::ZERO;
        for domain in &chosen {
            let level = scores
                .iter()
                .find(|(d, _)| d == domain)
                .map(|(_, level)| *level)
                .ok_or_else(|| ComparisonError::MissingSumScore { domain: domain.clone() })?;
            total += Decimal::from(level);
        }
        Ok(SumScore::new(chosen, total, scale))
    }

    /// The total of the domain medians of a profile (half levels included).
    ///
    /// # Errors
    ///
    /// [`ComparisonError::UnknownDomain`] or
    /// [`ComparisonError::DuplicateSumDomain`] for a bad list of domains, and
    /// [`ComparisonError::MissingSumScore`] for a chosen domain nobody scored.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, SumDomains, SumScore};
    /// use integration_outcomes::Date;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build();
    /// let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(3))?.build();
    /// let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [a, b])?.profile();
    /// let sum = SumScore::of_medians(&profile, SumDomains::Only(&["culture"]))?;
    /// assert_eq!(sum.total().to_string(), "2.5");
    /// assert!(SumScore::of_medians(&profile, SumDomains::All).is_err()); // leadership not scored
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_medians(
        profile: &Profile,
        domains: SumDomains<'_>,
    ) -> Result<SumScore, ComparisonError> {
        let chosen =
            choose(profile.framework(), profile.domains().iter().map(|d| d.id()), domains)?;
        let mut total = Decimal::ZERO;
        for id in &chosen {
            let median = profile
                .domain(id)
                .and_then(|d| d.median())
                .ok_or_else(|| ComparisonError::MissingSumScore { domain: id.clone() })?;
            total += median;
        }
        Ok(SumScore::new(chosen, total.normalize(), profile.scale()))
    }

    fn new(domains: Vec<String>, total: Decimal, scale: &Scale) -> SumScore {
        // At most a few hundred domains of at most 100 levels: fits a u32.
        let k = u32::try_from(domains.len()).unwrap_or(u32::MAX);
        SumScore {
            domains,
            total,
            min: k.saturating_mul(u32::from(scale.min())),
            max: k.saturating_mul(u32::from(scale.max())),
        }
    }

    /// The domains added up, in order.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, SumDomains, SumScore};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let sum = SumScore::of_levels(&aqua, SumDomains::Only(&["culture"]), &[("culture", 4)])?;
    /// assert_eq!(sum.domains(), ["culture"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domains(&self) -> &[String] {
        &self.domains
    }

    /// The total.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, SumDomains, SumScore};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let sum = SumScore::of_levels(&aqua, SumDomains::Only(&["culture"]), &[("culture", 4)])?;
    /// assert_eq!(sum.total().to_string(), "4");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total(&self) -> Decimal {
        self.total
    }

    /// The lowest possible total: the number of domains times the lowest level.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, SumDomains, SumScore};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let sum = SumScore::of_levels(&aqua, SumDomains::Only(&["culture"]), &[("culture", 4)])?;
    /// assert_eq!(sum.min(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn min(&self) -> u32 {
        self.min
    }

    /// The highest possible total: the number of domains times the highest level.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, SumDomains, SumScore};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let sum = SumScore::of_levels(&aqua, SumDomains::Only(&["culture"]), &[("culture", 4)])?;
    /// assert_eq!(sum.max(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn max(&self) -> u32 {
        self.max
    }
}

/// The chosen domain ids, checked against the framework's.
fn choose<'a>(
    framework: &str,
    all: impl Iterator<Item = &'a str>,
    domains: SumDomains<'_>,
) -> Result<Vec<String>, ComparisonError> {
    let all: Vec<&str> = all.collect();
    match domains {
        SumDomains::All => Ok(all.into_iter().map(str::to_owned).collect()),
        SumDomains::Only(ids) => {
            let mut chosen: Vec<String> = Vec::with_capacity(ids.len());
            for id in ids {
                if !all.contains(id) {
                    return Err(ComparisonError::UnknownDomain {
                        framework: framework.to_owned(),
                        domain: (*id).to_owned(),
                    });
                }
                if chosen.iter().any(|c| c == id) {
                    return Err(ComparisonError::DuplicateSumDomain { domain: (*id).to_owned() });
                }
                chosen.push((*id).to_owned());
            }
            Ok(chosen)
        }
    }
}
