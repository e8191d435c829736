//! Outcome metrics: what is measured, how it is evidenced and priced.

use super::{MetricId, OutcomeError, SavingsPricing};
use crate::Money;

/// Whether a metric is counted for each participant or for a cohort.
///
/// ```
/// use integration_outcomes::outcomes::MetricUnit;
/// assert_ne!(MetricUnit::Individual, MetricUnit::Cohort);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MetricUnit {
    /// Achieved (or not) by each participant: a rate-card outcome.
    Individual,
    /// Measured over a cohort, usually against a comparison group.
    Cohort,
}

/// Which direction of change is better.
///
/// ```
/// use integration_outcomes::outcomes::Direction;
/// assert!(Direction::Unspecified.is_ambiguous());
/// assert!(!Direction::LowerIsBetter.is_ambiguous());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// More is better (qualifications, sustained employment).
    HigherIsBetter,
    /// Less is better (reconviction events, care days).
    LowerIsBetter,
    /// A rise could be good or bad (reported crime: more crime, or better
    /// reporting?).
    Ambiguous,
    /// Nobody said.
    Unspecified,
}

impl Direction {
    /// Whether a reader cannot tell from the metric whether a rise is good.
    ///
    /// ```
    /// use integration_outcomes::outcomes::Direction;
    /// assert!(Direction::Ambiguous.is_ambiguous()); // reported crime: more crime, or better reporting?
    /// assert!(!Direction::HigherIsBetter.is_ambiguous());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_ambiguous(self) -> bool {
        matches!(self, Direction::Ambiguous | Direction::Unspecified)
    }
}

/// What a metric's data is used for (after the categories in the GO Lab
/// guidance on setting and measuring outcomes).
///
/// ```
/// use integration_outcomes::outcomes::DataCategory;
/// let c: DataCategory = serde_json::from_str("\"cost_benefit\"")?;
/// assert_eq!(c, DataCategory::CostBenefit);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DataCategory {
    /// Managing delivery (referrals, caseloads).
    PerformanceManagement,
    /// Whether the service was delivered as designed.
    Process,
    /// The change the service made (the outcome paid for).
    Impact,
    /// Costs and savings that justify the price.
    CostBenefit,
}

/// Whether the metric is itself the long-term outcome or a proxy for it.
///
/// ```
/// use integration_outcomes::outcomes::MetricRole;
/// assert_ne!(MetricRole::Proxy, MetricRole::LongTermOutcome);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MetricRole {
    /// An intermediate or proxy indicator (school attendance standing in for
    /// later employment); needs a rationale.
    Proxy,
    /// The long-term outcome itself.
    LongTermOutcome,
}

/// How a metric is priced.
///
/// ```
/// use integration_outcomes::outcomes::PricingBasis;
/// use integration_outcomes::{Currency, Money};
/// let basis = PricingBasis::FixedPrice(Money::from_major(1_300, Currency::GBP));
/// assert!(basis.is_priced());
/// assert!(!PricingBasis::Described(String::new()).is_priced());
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PricingBasis {
    /// A price per outcome (a rate-card maximum, say).
    FixedPrice(Money),
    /// A share of the projected saving, bounded by a maximum price.
    SavingsShare(SavingsPricing),
    /// A basis described in words (for instance "half the saving to the
    /// public purse; the amount is confidential"). Blank text counts as no
    /// basis.
    Described(String),
}

impl PricingBasis {
    /// Whether this basis actually prices the metric (blank descriptions do not).
    ///
    /// ```
    /// use integration_outcomes::outcomes::PricingBasis;
    /// assert!(PricingBasis::Described("half the saving to the public purse".into()).is_priced());
    /// assert!(!PricingBasis::Described("   ".into()).is_priced());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_priced(&self) -> bool {
        match self {
            PricingBasis::FixedPrice(_) | PricingBasis::SavingsShare(_) => true,
            PricingBasis::Described(text) => !text.trim().is_empty(),
        }
    }
}

/// An outcome metric: what is measured, for whom, how it is proven, where
/// the data comes from, which way is better, and how it is priced.
///
/// Build it with [`Metric::new`] and the by-value `with_*` methods; review it
/// against the "3 Ms" with [`Metric::review`](crate::outcomes::Metric::review).
/// Optional text fields that are blank are treated as missing by the review.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{DataCategory, Direction, Metric, MetricUnit, PricingBasis};
/// use integration_outcomes::{Currency, Money};
///
/// let behaviour = Metric::new(
///     "improved_school_behaviour",
///     "improved behaviour at school for 13 continuous weeks",
///     MetricUnit::Individual,
/// )?
/// .with_evidence("letter from teacher")
/// .with_data_source("school records")
/// .with_direction(Direction::HigherIsBetter)
/// .with_category(DataCategory::Impact)
/// .with_rationale("better behaviour predicts staying in education and later employment")
/// .with_pricing(PricingBasis::FixedPrice(Money::from_major(1_300, Currency::GBP)))?;
/// assert!(behaviour.review().is_clean());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "MetricRepr", into = "MetricRepr")]
pub struct Metric {
    id: MetricId,
    definition: String,
    unit: MetricUnit,
    role: MetricRole,
    evidence: Option<String>,
    data_source: Option<String>,
    direction: Direction,
    category: DataCategory,
    rationale: Option<String>,
    pricing: Option<PricingBasis>,
}

impl Metric {
    /// A metric with its id, definition and unit. It starts as an impact
    /// proxy with no evidence, data source, rationale or price and an
    /// unspecified direction; add them with the `with_*` methods.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidId`] for a bad id; [`OutcomeError::EmptyField`]
    /// for a blank definition.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Metric, MetricUnit};
    /// let m = Metric::new("improved_school_behaviour", "improved behaviour at school for 13 continuous weeks", MetricUnit::Individual)?;
    /// use integration_outcomes::outcomes::{Direction, MetricRole};
    /// assert_eq!((m.role(), m.direction()), (MetricRole::Proxy, Direction::Unspecified));
    /// assert!(Metric::new("m", " ", MetricUnit::Individual).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        definition: impl Into<String>,
        unit: MetricUnit,
    ) -> Result<Metric, OutcomeError> {
        let id = MetricId::new(id)?;
        let definition = definition.into();
        if definition.trim().is_empty() {
            return Err(OutcomeError::EmptyField {
                item: format!("metric {id}"),
                field: "definition",
            });
        }
        Ok(Metric {
            id,
            definition,
            unit,
            role: MetricRole::Proxy,
            evidence: None,
            data_source: None,
            direction: Direction::Unspecified,
            category: DataCategory::Impact,
            rationale: None,
            pricing: None,
        })
    }

    /// Sets the evidence that proves the outcome ("letter from teacher").
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Metric, MetricUnit};
    /// let m = Metric::new("improved_school_behaviour", "improved behaviour at school for 13 continuous weeks", MetricUnit::Individual)?;
    /// let m = m.with_evidence("letter from teacher");
    /// assert_eq!(m.evidence(), Some("letter from teacher"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_evidence(mut self, evidence: impl Into<String>) -> Metric {
        self.evidence = Some(evidence.into());
        self
    }

    /// Sets the data source ("Police National Computer").
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Metric, MetricUnit};
    /// let m = Metric::new("improved_school_behaviour", "improved behaviour at school for 13 continuous weeks", MetricUnit::Individual)?;
    /// let m = m.with_data_source("school records");
    /// assert_eq!(m.data_source(), Some("school records"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_data_source(mut self, source: impl Into<String>) -> Metric {
        self.data_source = Some(source.into());
        self
    }

    /// Sets which direction is better.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Metric, MetricUnit};
    /// let m = Metric::new("improved_school_behaviour", "improved behaviour at school for 13 continuous weeks", MetricUnit::Individual)?;
    /// use integration_outcomes::outcomes::Direction;
    /// let m = m.with_direction(Direction::HigherIsBetter);
    /// assert_eq!(m.direction(), Direction::HigherIsBetter);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_direction(mut self, direction: Direction) -> Metric {
        self.direction = direction;
        self
    }

    /// Sets the data category.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Metric, MetricUnit};
    /// let m = Metric::new("improved_school_behaviour", "improved behaviour at school for 13 continuous weeks", MetricUnit::Individual)?;
    /// use integration_outcomes::outcomes::DataCategory;
    /// let m = m.with_category(DataCategory::Process);
    /// assert_eq!(m.category(), DataCategory::Process);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_category(mut self, category: DataCategory) -> Metric {
        self.category = category;
        self
    }

    /// Sets whether the metric is a proxy or the long-term outcome itself.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Metric, MetricUnit};
    /// let m = Metric::new("improved_school_behaviour", "improved behaviour at school for 13 continuous weeks", MetricUnit::Individual)?;
    /// use integration_outcomes::outcomes::MetricRole;
    /// let m = m.with_role(MetricRole::LongTermOutcome);
    /// assert_eq!(m.role(), MetricRole::LongTermOutcome);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_role(mut self, role: MetricRole) -> Metric {
        self.role = role;
        self
    }

    /// Sets the rationale linking a proxy to the long-term outcome.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Metric, MetricUnit};
    /// let m = Metric::new("improved_school_behaviour", "improved behaviour at school for 13 continuous weeks", MetricUnit::Individual)?;
    /// let m = m.with_rationale("better behaviour predicts staying in education");
    /// assert_eq!(m.rationale(), Some("better behaviour predicts staying in education"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_rationale(mut self, rationale: impl Into<String>) -> Metric {
        self.rationale = Some(rationale.into());
        self
    }

    /// Sets the price or pricing basis.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::NegativeAmount`] for a negative fixed price.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Metric, MetricUnit, PricingBasis};
    /// use integration_outcomes::{Currency, Money};
    /// let m = Metric::new("entry_to_employment", "entered a job", MetricUnit::Individual)?;
    /// assert!(m.clone().with_pricing(PricingBasis::FixedPrice(Money::from_major(-5, Currency::GBP))).is_err());
    /// let m = m.with_pricing(PricingBasis::FixedPrice(Money::from_major(2_600, Currency::GBP)))?;
    /// assert!(m.pricing().is_some_and(PricingBasis::is_priced));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_pricing(mut self, pricing: PricingBasis) -> Result<Metric, OutcomeError> {
        if let PricingBasis::FixedPrice(price) = &pricing
            && price.is_negative()
        {
            return Err(OutcomeError::NegativeAmount {
                what: format!("fixed price of metric {}", self.id),
                amount: *price,
            });
        }
        self.pricing = Some(pricing);
        Ok(self)
    }

    /// The id.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{DataCategory, Direction, Metric, MetricRole, MetricUnit};
    /// let m = Metric::new("reconviction_events", "reconviction events within 12 months of release", MetricUnit::Cohort)?
    ///     .with_evidence("matched Police National Computer records")
    ///     .with_data_source("Police National Computer")
    ///     .with_direction(Direction::LowerIsBetter)
    ///     .with_category(DataCategory::Impact)
    ///     .with_role(MetricRole::LongTermOutcome)
    ///     .with_rationale("reconviction is the outcome the payer wants");
    /// assert_eq!(m.id().as_str(), "reconviction_events");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &MetricId {
        &self.id
    }

    /// The definition.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{DataCategory, Direction, Metric, MetricRole, MetricUnit};
    /// let m = Metric::new("reconviction_events", "reconviction events within 12 months of release", MetricUnit::Cohort)?
    ///     .with_evidence("matched Police National Computer records")
    ///     .with_data_source("Police National Computer")
    ///     .with_direction(Direction::LowerIsBetter)
    ///     .with_category(DataCategory::Impact)
    ///     .with_role(MetricRole::LongTermOutcome)
    ///     .with_rationale("reconviction is the outcome the payer wants");
    /// assert_eq!(m.definition(), "reconviction events within 12 months of release");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn definition(&self) -> &str {
        &self.definition
    }

    /// Individual or cohort.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{DataCategory, Direction, Metric, MetricRole, MetricUnit};
    /// let m = Metric::new("reconviction_events", "reconviction events within 12 months of release", MetricUnit::Cohort)?
    ///     .with_evidence("matched Police National Computer records")
    ///     .with_data_source("Police National Computer")
    ///     .with_direction(Direction::LowerIsBetter)
    ///     .with_category(DataCategory::Impact)
    ///     .with_role(MetricRole::LongTermOutcome)
    ///     .with_rationale("reconviction is the outcome the payer wants");
    /// assert_eq!(m.unit(), MetricUnit::Cohort);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn unit(&self) -> MetricUnit {
        self.unit
    }

    /// Proxy or long-term outcome.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{DataCategory, Direction, Metric, MetricRole, MetricUnit};
    /// let m = Metric::new("reconviction_events", "reconviction events within 12 months of release", MetricUnit::Cohort)?
    ///     .with_evidence("matched Police National Computer records")
    ///     .with_data_source("Police National Computer")
    ///     .with_direction(Direction::LowerIsBetter)
    ///     .with_category(DataCategory::Impact)
    ///     .with_role(MetricRole::LongTermOutcome)
    ///     .with_rationale("reconviction is the outcome the payer wants");
    /// assert_eq!(m.role(), MetricRole::LongTermOutcome);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn role(&self) -> MetricRole {
        self.role
    }

    /// The evidence, if given.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{DataCategory, Direction, Metric, MetricRole, MetricUnit};
    /// let m = Metric::new("reconviction_events", "reconviction events within 12 months of release", MetricUnit::Cohort)?
    ///     .with_evidence("matched Police National Computer records")
    ///     .with_data_source("Police National Computer")
    ///     .with_direction(Direction::LowerIsBetter)
    ///     .with_category(DataCategory::Impact)
    ///     .with_role(MetricRole::LongTermOutcome)
    ///     .with_rationale("reconviction is the outcome the payer wants");
    /// assert_eq!(m.evidence(), Some("matched Police National Computer records"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn evidence(&self) -> Option<&str> {
        self.evidence.as_deref()
    }

    /// The data source, if given.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{DataCategory, Direction, Metric, MetricRole, MetricUnit};
    /// let m = Metric::new("reconviction_events", "reconviction events within 12 months of release", MetricUnit::Cohort)?
    ///     .with_evidence("matched Police National Computer records")
    ///     .with_data_source("Police National Computer")
    ///     .with_direction(Direction::LowerIsBetter)
    ///     .with_category(DataCategory::Impact)
    ///     .with_role(MetricRole::LongTermOutcome)
    ///     .with_rationale("reconviction is the outcome the payer wants");
    /// assert_eq!(m.data_source(), Some("Police National Computer"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn data_source(&self) -> Option<&str> {
        self.data_source.as_deref()
    }

    /// Which direction is better.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{DataCategory, Direction, Metric, MetricRole, MetricUnit};
    /// let m = Metric::new("reconviction_events", "reconviction events within 12 months of release", MetricUnit::Cohort)?
    ///     .with_evidence("matched Police National Computer records")
    ///     .with_data_source("Police National Computer")
    ///     .with_direction(Direction::LowerIsBetter)
    ///     .with_category(DataCategory::Impact)
    ///     .with_role(MetricRole::LongTermOutcome)
    ///     .with_rationale("reconviction is the outcome the payer wants");
    /// assert_eq!(m.direction(), Direction::LowerIsBetter);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// The data category.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{DataCategory, Direction, Metric, MetricRole, MetricUnit};
    /// let m = Metric::new("reconviction_events", "reconviction events within 12 months of release", MetricUnit::Cohort)?
    ///     .with_evidence("matched Police National Computer records")
    ///     .with_data_source("Police National Computer")
    ///     .with_direction(Direction::LowerIsBetter)
    ///     .with_role(MetricRole::LongTermOutcome)
    ///     .with_rationale("reconviction is the outcome the payer wants");
    /// assert_eq!(m.category(), DataCategory::Impact); // the default
    /// let m = m.with_category(DataCategory::Process);
    /// assert_eq!(m.category(), DataCategory::Process);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn category(&self) -> DataCategory {
        self.category
    }

    /// The rationale, if given.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{DataCategory, Direction, Metric, MetricRole, MetricUnit};
    /// let m = Metric::new("reconviction_events", "reconviction events within 12 months of release", MetricUnit::Cohort)?
    ///     .with_evidence("matched Police National Computer records")
    ///     .with_data_source("Police National Computer")
    ///     .with_direction(Direction::LowerIsBetter)
    ///     .with_category(DataCategory::Impact)
    ///     .with_role(MetricRole::LongTermOutcome)
    ///     .with_rationale("reconviction is the outcome the payer wants");
    /// assert_eq!(m.rationale(), Some("reconviction is the outcome the payer wants"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rationale(&self) -> Option<&str> {
        self.rationale.as_deref()
    }

    /// The pricing basis, if given.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{DataCategory, Direction, Metric, MetricRole, MetricUnit};
    /// let m = Metric::new("reconviction_events", "reconviction events within 12 months of release", MetricUnit::Cohort)?
    ///     .with_evidence("matched Police National Computer records")
    ///     .with_data_source("Police National Computer")
    ///     .with_direction(Direction::LowerIsBetter)
    ///     .with_category(DataCategory::Impact)
    ///     .with_role(MetricRole::LongTermOutcome)
    ///     .with_rationale("reconviction is the outcome the payer wants");
    /// use integration_outcomes::outcomes::PricingBasis;
    /// use integration_outcomes::{Currency, Money};
    /// assert_eq!(m.pricing(), None);
    /// let price = PricingBasis::FixedPrice(Money::from_major(1_000, Currency::GBP));
    /// assert_eq!(m.with_pricing(price.clone())?.pricing(), Some(&price));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn pricing(&self) -> Option<&PricingBasis> {
        self.pricing.as_ref()
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricRepr {
    id: String,
    definition: String,
    unit: MetricUnit,
    #[serde(default = "default_role")]
    role: MetricRole,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    data_source: Option<String>,
    #[serde(default = "default_direction")]
    direction: Direction,
    #[serde(default = "default_category")]
    category: DataCategory,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rationale: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pricing: Option<PricingBasis>,
}

fn default_role() -> MetricRole {
    MetricRole::Proxy
}
fn default_direction() -> Direction {
    Direction::Unspecified
}
fn default_category() -> DataCategory {
    DataCategory::Impact
}

impl TryFrom<MetricRepr> for Metric {
    type Error = OutcomeError;
    fn try_from(r: MetricRepr) -> Result<Self, Self::Error> {
        let mut m = Metric::new(r.id, r.definition, r.unit)?
            .with_role(r.role)
            .with_direction(r.direction)
            .with_category(r.category);
        m.evidence = r.evidence;
        m.data_source = r.data_source;
        m.rationale = r.rationale;
        match r.pricing {
            Some(pricing) => m.with_pricing(pricing),
            None => Ok(m),
        }
    }
}

impl From<Metric> for MetricRepr {
    fn from(m: Metric) -> Self {
        MetricRepr {
            id: m.id.into(),
            definition: m.definition,
            unit: m.unit,
            role: m.role,
            evidence: m.evidence,
            data_source: m.data_source,
            direction: m.direction,
            category: m.category,
            rationale: m.rationale,
            pricing: m.pricing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    #[test]
    fn blank_definition_is_rejected() {
        assert!(matches!(
            Metric::new("m", "  ", MetricUnit::Cohort),
            Err(OutcomeError::EmptyField { field: "definition", .. })
        ));
    }

    #[test]
    fn serde_round_trip_and_validation() {
        let m = Metric::new("reconviction_events", "reconviction events", MetricUnit::Cohort)
            .unwrap()
            .with_direction(Direction::LowerIsBetter)
            .with_pricing(PricingBasis::FixedPrice(Money::from_major(1, Currency::GBP)))
            .unwrap();
        let json = serde_json::to_string(&m).unwrap();
        let negative = json.replace(r#""amount":"1.00""#, r#""amount":"-1.00""#);
        assert_ne!(negative, json);
        assert!(serde_json::from_str::<Metric>(&negative).is_err());
        let back: Metric = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
        let bad = r#"{"id":"","definition":"x","unit":"cohort"}"#;
        assert!(serde_json::from_str::<Metric>(bad).is_err());
        let unknown = r#"{"id":"a","definition":"x","unit":"cohort","colour":"red"}"#;
        assert!(serde_json::from_str::<Metric>(unknown).is_err());
    }
}
