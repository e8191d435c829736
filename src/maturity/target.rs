//! Target or requirement profiles, and readiness against them.

use rust_decimal::Decimal;
use serde::Serialize;

use super::entries::entries;
use super::text::is_blank;
use super::{ComparisonError, Framework, Profile};

/// A target or requirement profile: the level each listed domain must reach,
/// such as the maturity a good practice needs before it can be transferred
/// to another region (SCIROCCO's "maturity requirements of a good practice").
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Framework, Target};
///
/// let scirocco = Framework::builtin("scirocco-b3")?;
/// let practice = Target::new(&scirocco, "Integrated pain management", [
///     ("structure_and_governance", 3),
///     ("digital_infrastructure", 3),
///     ("process_coordination", 2),
/// ])?;
/// assert_eq!(practice.requirement("digital_infrastructure"), Some(3));
/// assert_eq!(practice.requirement("population_approach"), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Target {
    framework: String,
    name: String,
    #[serde(serialize_with = "requirements_as_map")]
    requirements: Vec<(String, u8)>,
}

fn requirements_as_map<S: serde::Serializer>(
    requirements: &[(String, u8)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(requirements.len()))?;
    for (domain, level) in requirements {
        map.serialize_entry(domain, level)?;
    }
    map.end()
}

/// A target as JSON: `{"framework", "name", "requirements": {domain: level}}`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetRecord {
    framework: String,
    name: String,
    #[serde(deserialize_with = "entries")]
    requirements: Vec<(String, u8)>,
}

impl Target {
    /// A target on `framework`; domains not listed carry no requirement.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::EmptyText`] for an empty name,
    /// [`ComparisonError::UnknownDomain`], [`ComparisonError::DuplicateRequirement`]
    /// or [`ComparisonError::RequirementOffScale`].
    ///
    /// ```
    /// use integration_outcomes::maturity::{ComparisonError, Framework, Target};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let err = Target::new(&aqua, "good practice", [("leadership", 7)]).unwrap_err();
    /// assert!(matches!(err, ComparisonError::RequirementOffScale { level: 7, .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<'a>(
        framework: &Framework,
        name: impl Into<String>,
        requirements: impl IntoIterator<Item = (&'a str, u8)>,
    ) -> Result<Target, ComparisonError> {
        let name = name.into();
        if is_blank(&name) {
            return Err(ComparisonError::EmptyText { item: "target name".to_owned() });
        }
        let scale = framework.scale();
        let mut listed: Vec<(String, u8)> = Vec::new();
        for (domain, level) in requirements {
            if framework.domain(domain).is_none() {
                return Err(ComparisonError::UnknownDomain {
                    framework: framework.id().to_owned(),
                    domain: domain.to_owned(),
                });
            }
            if listed.iter().any(|(d, _)| d == domain) {
                return Err(ComparisonError::DuplicateRequirement { domain: domain.to_owned() });
            }
            if !scale.contains(level) {
                return Err(ComparisonError::RequirementOffScale {
                    domain: domain.to_owned(),
                    level,
                    min: scale.min(),
                    max: scale.max(),
                });
            }
            listed.push((domain.to_owned(), level));
        }
        // Framework order, whatever the order given.
        let requirements = framework
            .domains()
            .iter()
            .filter_map(|d| listed.iter().find(|(id, _)| id == d.id()).cloned())
            .collect();
        Ok(Target { framework: framework.id().to_owned(), name, requirements })
    }

    /// A target from JSON, as written by serialising a `Target`, validated
    /// against `framework`. A domain listed twice is an error, not overwritten.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::Json`] for malformed JSON or a level that is not a
    /// whole number from 0 to 255, [`ComparisonError::DifferentFramework`] for a
    /// target recorded on another framework, otherwise the errors of
    /// [`Target::new`].
    ///
    /// ```
    /// use integration_outcomes::maturity::{Framework, Target};
    /// let s = Framework::builtin("scirocco-b3")?;
    /// let json = r#"{"framework":"scirocco-b3","name":"Good practice","requirements":{"population_approach":3,"evaluation_methods":2}}"#;
    /// let target = Target::from_json(&s, json)?;
    /// assert_eq!(target.requirement("evaluation_methods"), Some(2));
    /// let twice = json.replace("\"evaluation_methods\":2", "\"population_approach\":2");
    /// assert!(Target::from_json(&s, &twice).is_err());
    /// assert_eq!(Target::from_json(&s, &serde_json::to_string(&target)?)?, target);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(framework: &Framework, json: &str) -> Result<Target, ComparisonError> {
        let record: TargetRecord = serde_json::from_str(json)
            .map_err(|e| ComparisonError::Json { message: e.to_string() })?;
        if record.framework != framework.id() {
            return Err(ComparisonError::DifferentFramework {
                expected: framework.id().to_owned(),
                found: record.framework,
            });
        }
        let requirements = record.requirements.iter().map(|(d, l)| (d.as_str(), *l));
        Target::new(framework, record.name, requirements)
    }

    /// The framework's id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, Target};
    /// # let scirocco = Framework::builtin("scirocco-b3")?;
    /// let practice = Target::new(&scirocco, "Integrated pain management", [
    ///     ("process_coordination", 2),
    ///     ("structure_and_governance", 3),
    /// ])?;
    ///
    /// assert_eq!(practice.framework(), "scirocco-b3");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn framework(&self) -> &str {
        &self.framework
    }

    /// The target's name.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, Target};
    /// # let scirocco = Framework::builtin("scirocco-b3")?;
    /// let practice = Target::new(&scirocco, "Integrated pain management", [
    ///     ("process_coordination", 2),
    ///     ("structure_and_governance", 3),
    /// ])?;
    ///
    /// assert_eq!(practice.name(), "Integrated pain management");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The requirements, in framework order.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, Target};
    /// # let scirocco = Framework::builtin("scirocco-b3")?;
    /// let practice = Target::new(&scirocco, "Integrated pain management", [
    ///     ("process_coordination", 2),
    ///     ("structure_and_governance", 3),
    /// ])?;
    ///
    /// assert_eq!(practice.requirements(), [
    ///     ("structure_and_governance".to_owned(), 3), // framework order
    ///     ("process_coordination".to_owned(), 2),
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn requirements(&self) -> &[(String, u8)] {
        &self.requirements
    }

    /// The level required in `domain`, if any.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, Target};
    /// # let scirocco = Framework::builtin("scirocco-b3")?;
    /// let practice = Target::new(&scirocco, "Integrated pain management", [
    ///     ("process_coordination", 2),
    ///     ("structure_and_governance", 3),
    /// ])?;
    ///
    /// assert_eq!(practice.requirement("process_coordination"), Some(2));
    /// assert_eq!(practice.requirement("population_approach"), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn requirement(&self, domain: &str) -> Option<u8> {
        self.requirements.iter().find(|(d, _)| d == domain).map(|(_, l)| *l)
    }
}

/// One required domain measured against a profile.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Assessment, Framework, Gap, Respondent, Response, Score, Target};
/// use integration_outcomes::Date;
/// use rust_decimal::Decimal;
///
/// let s = Framework::builtin("scirocco-b3")?;
/// let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
///     .score("digital_infrastructure", Score::Level(2))?
///     .build();
/// let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
/// let practice = Target::new(&s, "Good practice", [("digital_infrastructure", 3)])?;
/// let readiness = region.readiness(&practice)?;
/// let digital: &Gap = &readiness.gaps()[0];
///
/// assert_eq!((digital.domain(), digital.required(), digital.median()), ("digital_infrastructure", 3, Some(Decimal::from(2))));
/// assert_eq!(digital.gap(), Some(Decimal::ONE)); // one level short
/// assert!(digital.blocks());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    domain: String,
    name: String,
    required: u8,
    median: Option<Decimal>,
}

impl Gap {
    /// The domain's id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
    /// #     .score("structure_and_governance", Score::Level(4))?
    /// #     .score("digital_infrastructure", Score::Level(2))?
    /// #     .build();
    /// # let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
    /// // The region scored structure and governance 4, digital infrastructure 2,
    /// // and did not score evaluation methods.
    /// let practice = Target::new(&s, "Good practice", [
    ///     ("structure_and_governance", 3),
    ///     ("digital_infrastructure", 3),
    ///     ("evaluation_methods", 1),
    /// ])?;
    /// let readiness = region.readiness(&practice)?;
    /// let (governance, digital, evaluation) = (&readiness.gaps()[0], &readiness.gaps()[1], &readiness.gaps()[2]);
    ///
    /// assert_eq!(digital.domain(), "digital_infrastructure");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The domain's name.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
    /// #     .score("structure_and_governance", Score::Level(4))?
    /// #     .score("digital_infrastructure", Score::Level(2))?
    /// #     .build();
    /// # let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
    /// // The region scored structure and governance 4, digital infrastructure 2,
    /// // and did not score evaluation methods.
    /// let practice = Target::new(&s, "Good practice", [
    ///     ("structure_and_governance", 3),
    ///     ("digital_infrastructure", 3),
    ///     ("evaluation_methods", 1),
    /// ])?;
    /// let readiness = region.readiness(&practice)?;
    /// let (governance, digital, evaluation) = (&readiness.gaps()[0], &readiness.gaps()[1], &readiness.gaps()[2]);
    ///
    /// assert_eq!(digital.name(), "Digital infrastructure");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The level required.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
    /// #     .score("structure_and_governance", Score::Level(4))?
    /// #     .score("digital_infrastructure", Score::Level(2))?
    /// #     .build();
    /// # let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
    /// // The region scored structure and governance 4, digital infrastructure 2,
    /// // and did not score evaluation methods.
    /// let practice = Target::new(&s, "Good practice", [
    ///     ("structure_and_governance", 3),
    ///     ("digital_infrastructure", 3),
    ///     ("evaluation_methods", 1),
    /// ])?;
    /// let readiness = region.readiness(&practice)?;
    /// let (governance, digital, evaluation) = (&readiness.gaps()[0], &readiness.gaps()[1], &readiness.gaps()[2]);
    ///
    /// assert_eq!(digital.required(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn required(&self) -> u8 {
        self.required
    }

    /// The profile's median, if the domain was scored.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
    /// #     .score("structure_and_governance", Score::Level(4))?
    /// #     .score("digital_infrastructure", Score::Level(2))?
    /// #     .build();
    /// # let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
    /// // The region scored structure and governance 4, digital infrastructure 2,
    /// // and did not score evaluation methods.
    /// let practice = Target::new(&s, "Good practice", [
    ///     ("structure_and_governance", 3),
    ///     ("digital_infrastructure", 3),
    ///     ("evaluation_methods", 1),
    /// ])?;
    /// let readiness = region.readiness(&practice)?;
    /// let (governance, digital, evaluation) = (&readiness.gaps()[0], &readiness.gaps()[1], &readiness.gaps()[2]);
    ///
    /// assert_eq!(digital.median(), Some(Decimal::from(2)));
    /// assert_eq!(evaluation.median(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn median(&self) -> Option<Decimal> {
        self.median
    }

    /// Required minus median, exact: positive is a shortfall, zero or
    /// negative is met. `None` if the domain was not scored.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
    /// #     .score("structure_and_governance", Score::Level(4))?
    /// #     .score("digital_infrastructure", Score::Level(2))?
    /// #     .build();
    /// # let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
    /// // The region scored structure and governance 4, digital infrastructure 2,
    /// // and did not score evaluation methods.
    /// let practice = Target::new(&s, "Good practice", [
    ///     ("structure_and_governance", 3),
    ///     ("digital_infrastructure", 3),
    ///     ("evaluation_methods", 1),
    /// ])?;
    /// let readiness = region.readiness(&practice)?;
    /// let (governance, digital, evaluation) = (&readiness.gaps()[0], &readiness.gaps()[1], &readiness.gaps()[2]);
    ///
    /// assert_eq!(digital.gap(), Some(Decimal::ONE)); // a shortfall of one level
    /// assert_eq!(governance.gap(), Some(Decimal::from(-1))); // met, one level above
    /// assert_eq!(evaluation.gap(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn gap(&self) -> Option<Decimal> {
        Some(Decimal::from(self.required) - self.median?)
    }

    /// Whether this domain blocks readiness: its median is below the
    /// requirement, or nobody scored it (readiness cannot be shown).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
    /// #     .score("structure_and_governance", Score::Level(4))?
    /// #     .score("digital_infrastructure", Score::Level(2))?
    /// #     .build();
    /// # let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
    /// // The region scored structure and governance 4, digital infrastructure 2,
    /// // and did not score evaluation methods.
    /// let practice = Target::new(&s, "Good practice", [
    ///     ("structure_and_governance", 3),
    ///     ("digital_infrastructure", 3),
    ///     ("evaluation_methods", 1),
    /// ])?;
    /// let readiness = region.readiness(&practice)?;
    /// let (governance, digital, evaluation) = (&readiness.gaps()[0], &readiness.gaps()[1], &readiness.gaps()[2]);
    ///
    /// assert!(!governance.blocks());
    /// assert!(digital.blocks());
    /// assert!(evaluation.blocks()); // not scored: readiness cannot be shown
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn blocks(&self) -> bool {
        self.median.is_none_or(|m| m < Decimal::from(self.required))
    }
}

/// A profile measured against a [`Target`].
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
/// use integration_outcomes::Date;
///
/// let s = Framework::builtin("scirocco-b3")?;
/// let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
///     .score("structure_and_governance", Score::Level(4))?
///     .score("digital_infrastructure", Score::Level(2))?
///     .build();
/// let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
/// let practice = Target::new(&s, "Good practice", [("structure_and_governance", 3), ("digital_infrastructure", 3)])?;
/// let readiness = region.readiness(&practice)?;
/// assert!(!readiness.is_ready());
/// assert_eq!(readiness.blocking().iter().map(|g| g.domain()).collect::<Vec<_>>(), ["digital_infrastructure"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Readiness {
    target: String,
    gaps: Vec<Gap>,
}

impl Readiness {
    /// The target's name.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
    /// #     .score("structure_and_governance", Score::Level(4))?
    /// #     .score("digital_infrastructure", Score::Level(2))?
    /// #     .build();
    /// # let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
    /// // The region scored structure and governance 4, digital infrastructure 2,
    /// // and did not score evaluation methods.
    /// let practice = Target::new(&s, "Good practice", [
    ///     ("structure_and_governance", 3),
    ///     ("digital_infrastructure", 3),
    ///     ("evaluation_methods", 1),
    /// ])?;
    /// let readiness = region.readiness(&practice)?;
    ///
    /// assert_eq!(readiness.target(), "Good practice");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Every required domain, in framework order.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
    /// #     .score("structure_and_governance", Score::Level(4))?
    /// #     .score("digital_infrastructure", Score::Level(2))?
    /// #     .build();
    /// # let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
    /// // The region scored structure and governance 4, digital infrastructure 2,
    /// // and did not score evaluation methods.
    /// let practice = Target::new(&s, "Good practice", [
    ///     ("structure_and_governance", 3),
    ///     ("digital_infrastructure", 3),
    ///     ("evaluation_methods", 1),
    /// ])?;
    /// let readiness = region.readiness(&practice)?;
    ///
    /// let domains: Vec<&str> = readiness.gaps().iter().map(|g| g.domain()).collect();
    /// assert_eq!(domains, ["structure_and_governance", "digital_infrastructure", "evaluation_methods"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn gaps(&self) -> &[Gap] {
        &self.gaps
    }

    /// The domains that block readiness.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
    /// #     .score("structure_and_governance", Score::Level(4))?
    /// #     .score("digital_infrastructure", Score::Level(2))?
    /// #     .build();
    /// # let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
    /// // The region scored structure and governance 4, digital infrastructure 2,
    /// // and did not score evaluation methods.
    /// let practice = Target::new(&s, "Good practice", [
    ///     ("structure_and_governance", 3),
    ///     ("digital_infrastructure", 3),
    ///     ("evaluation_methods", 1),
    /// ])?;
    /// let readiness = region.readiness(&practice)?;
    ///
    /// let blocking: Vec<&str> = readiness.blocking().iter().map(|g| g.domain()).collect();
    /// assert_eq!(blocking, ["digital_infrastructure", "evaluation_methods"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn blocking(&self) -> Vec<&Gap> {
        self.gaps.iter().filter(|g| g.blocks()).collect()
    }

    /// Whether every requirement is met.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
    /// #     .score("structure_and_governance", Score::Level(4))?
    /// #     .score("digital_infrastructure", Score::Level(2))?
    /// #     .build();
    /// # let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
    /// // The region scored structure and governance 4, digital infrastructure 2,
    /// // and did not score evaluation methods.
    /// let practice = Target::new(&s, "Good practice", [
    ///     ("structure_and_governance", 3),
    ///     ("digital_infrastructure", 3),
    ///     ("evaluation_methods", 1),
    /// ])?;
    /// let readiness = region.readiness(&practice)?;
    ///
    /// assert!(!readiness.is_ready());
    /// let governance_only = Target::new(&s, "Governance", [("structure_and_governance", 3)])?;
    /// assert!(region.readiness(&governance_only)?.is_ready());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_ready(&self) -> bool {
        !self.gaps.iter().any(Gap::blocks)
    }
}

impl Profile {
    /// Measures the profile against `target`.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::DifferentFramework`] if the target is on another framework.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let r = Response::builder(&s, Respondent::new("Lead", "Region")?)
    /// #     .score("structure_and_governance", Score::Level(4))?
    /// #     .score("digital_infrastructure", Score::Level(2))?
    /// #     .build();
    /// # let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
    /// // The region scored structure and governance 4, digital infrastructure 2,
    /// // and did not score evaluation methods.
    /// let practice = Target::new(&s, "Good practice", [
    ///     ("structure_and_governance", 3),
    ///     ("digital_infrastructure", 3),
    ///     ("evaluation_methods", 1),
    /// ])?;
    /// let readiness = region.readiness(&practice)?;
    ///
    /// assert_eq!(readiness.blocking().len(), 2);
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let elsewhere = Target::new(&aqua, "AQuA target", [("culture", 2)])?;
    /// assert!(region.readiness(&elsewhere).is_err()); // another framework
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn readiness(&self, target: &Target) -> Result<Readiness, ComparisonError> {
        if target.framework() != self.framework() {
            return Err(ComparisonError::DifferentFramework {
                expected: self.framework().to_owned(),
                found: target.framework().to_owned(),
            });
        }
        let gaps = target
            .requirements()
            .iter()
            .map(|(domain, required)| {
                let profile = self.domain(domain);
                Gap {
                    domain: domain.clone(),
                    name: profile.map_or_else(|| domain.clone(), |d| d.name().to_owned()),
                    required: *required,
                    median: profile.and_then(|d| d.median()),
                }
            })
            .collect();
        Ok(Readiness { target: target.name().to_owned(), gaps })
    }
}
