//! The "3 Ms" review of an outcome metric: meaningful, measurable, monetisable.

use std::fmt;

use super::{Direction, Metric, MetricId, MetricRole};

/// One of the "3 Ms" a metric should satisfy.
///
/// ```
/// use integration_outcomes::outcomes::{Finding, Principle};
/// assert_eq!(Finding::NoEvidence.principle(), Principle::Measurable);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Principle {
    /// A compelling link to the long-term outcome, and easy to interpret.
    Meaningful,
    /// Can be measured consistently and robustly, with systems to do it.
    Measurable,
    /// There is a mechanism for pricing it.
    Monetisable,
}

/// A concrete problem found by a [`Review`].
///
/// ```
/// use integration_outcomes::outcomes::{Finding, Principle};
/// assert_eq!(Finding::NoPricingBasis.principle(), Principle::Monetisable);
/// assert_eq!(Finding::AmbiguousDirection.to_string(), "meaningful: it is not clear whether a rise is good or bad");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Finding {
    /// A proxy metric with no rationale linking it to the long-term outcome.
    ProxyWithoutRationale,
    /// Nobody can say whether the metric going up is good or bad.
    AmbiguousDirection,
    /// No evidence is named that proves the outcome.
    NoEvidence,
    /// No data source is named.
    NoDataSource,
    /// No price or pricing basis.
    NoPricingBasis,
}

impl Finding {
    /// Which of the 3 Ms the finding falls under.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Finding, Principle};
    /// assert_eq!(Finding::ProxyWithoutRationale.principle(), Principle::Meaningful);
    /// assert_eq!(Finding::NoDataSource.principle(), Principle::Measurable);
    /// assert_eq!(Finding::NoPricingBasis.principle(), Principle::Monetisable);
    /// ```
    #[must_use]
    pub const fn principle(self) -> Principle {
        match self {
            Finding::ProxyWithoutRationale | Finding::AmbiguousDirection => Principle::Meaningful,
            Finding::NoEvidence | Finding::NoDataSource => Principle::Measurable,
            Finding::NoPricingBasis => Principle::Monetisable,
        }
    }

    const fn explanation(self) -> &'static str {
        match self {
            Finding::ProxyWithoutRationale => {
                "a proxy metric has no rationale linking it to the long-term outcome"
            }
            Finding::AmbiguousDirection => "it is not clear whether a rise is good or bad",
            Finding::NoEvidence => "no evidence is named that proves the outcome",
            Finding::NoDataSource => "no data source is named",
            Finding::NoPricingBasis => "no price or pricing basis",
        }
    }
}

impl fmt::Display for Principle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Principle::Meaningful => "meaningful",
            Principle::Measurable => "measurable",
            Principle::Monetisable => "monetisable",
        })
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.principle(), self.explanation())
    }
}

/// The findings of a "3 Ms" review of one metric, in a fixed order
/// (meaningful, measurable, monetisable).
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{Finding, Metric, MetricUnit};
///
/// let crime = Metric::new("reported_crime", "crimes reported to the police", MetricUnit::Cohort)?;
/// let review = crime.review();
/// assert_eq!(
///     review.findings(),
///     [Finding::ProxyWithoutRationale, Finding::AmbiguousDirection, Finding::NoEvidence,
///      Finding::NoDataSource, Finding::NoPricingBasis]
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Review {
    metric: MetricId,
    findings: Vec<Finding>,
}

impl Review {
    /// The metric reviewed.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Metric, MetricUnit};
    /// let crime = Metric::new("reported_crime", "crimes reported to the police", MetricUnit::Cohort)?;
    /// let review = crime.review();
    /// assert_eq!(review.metric().as_str(), "reported_crime");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn metric(&self) -> &MetricId {
        &self.metric
    }

    /// The findings; empty when the metric passes.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::Finding;
    /// use integration_outcomes::outcomes::{Metric, MetricUnit};
    /// let crime = Metric::new("reported_crime", "crimes reported to the police", MetricUnit::Cohort)?;
    /// let review = crime.review();
    /// assert_eq!(review.findings().len(), 5);
    /// assert_eq!(review.findings()[0], Finding::ProxyWithoutRationale);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Whether there are no findings.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{DataCategory, Direction, Metric, MetricUnit, PricingBasis};
    /// use integration_outcomes::{Currency, Money};
    /// let bare = Metric::new("attendance", "average attendance for 13 weeks", MetricUnit::Individual)?;
    /// assert!(!bare.review().is_clean());
    /// let complete = bare
    ///     .with_evidence("attendance record")
    ///     .with_data_source("school records")
    ///     .with_direction(Direction::HigherIsBetter)
    ///     .with_category(DataCategory::Impact)
    ///     .with_rationale("attendance predicts qualifications")
    ///     .with_pricing(PricingBasis::FixedPrice(Money::from_major(800, Currency::GBP)))?;
    /// assert!(complete.review().is_clean());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }

    /// The findings under one principle.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Metric, MetricUnit, Principle};
    /// let m = Metric::new("m", "a metric", MetricUnit::Individual)?;
    /// assert_eq!(m.review().under(Principle::Measurable).count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn under(&self, principle: Principle) -> impl Iterator<Item = Finding> + '_ {
        self.findings.iter().copied().filter(move |f| f.principle() == principle)
    }
}

impl fmt::Display for Review {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.findings.is_empty() {
            return write!(f, "metric {}: meaningful, measurable and monetisable", self.metric);
        }
        write!(f, "metric {}:", self.metric)?;
        for finding in &self.findings {
            write!(f, "\n  - {finding}")?;
        }
        Ok(())
    }
}

fn blank(text: Option<&str>) -> bool {
    text.is_none_or(|t| t.trim().is_empty())
}

impl Metric {
    /// Reviews the metric against the "3 Ms" (meaningful, measurable,
    /// monetisable) and lists concrete findings.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Direction, Finding, Metric, MetricUnit};
    /// let m = Metric::new("reconviction_events", "reconviction events within 12 months", MetricUnit::Cohort)?
    ///     .with_direction(Direction::LowerIsBetter)
    ///     .with_evidence("court records")
    ///     .with_data_source("Police National Computer")
    ///     .with_rationale("fewer reconvictions is the long-term aim");
    /// assert_eq!(m.review().findings(), [Finding::NoPricingBasis]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn review(&self) -> Review {
        let mut findings = Vec::new();
        if self.role() == MetricRole::Proxy && blank(self.rationale()) {
            findings.push(Finding::ProxyWithoutRationale);
        }
        if Direction::is_ambiguous(self.direction()) {
            findings.push(Finding::AmbiguousDirection);
        }
        if blank(self.evidence()) {
            findings.push(Finding::NoEvidence);
        }
        if blank(self.data_source()) {
            findings.push(Finding::NoDataSource);
        }
        if !self.pricing().is_some_and(super::PricingBasis::is_priced) {
            findings.push(Finding::NoPricingBasis);
        }
        Review { metric: self.id().clone(), findings }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcomes::{MetricUnit, PricingBasis};

    #[test]
    fn each_finding_can_be_cleared() {
        let base = Metric::new("m", "d", MetricUnit::Individual).unwrap();
        assert_eq!(base.review().findings().len(), 5);
        let long_term = base.clone().with_role(MetricRole::LongTermOutcome);
        assert!(!long_term.review().findings().contains(&Finding::ProxyWithoutRationale));
        let blank_texts = base
            .clone()
            .with_evidence(" ")
            .with_data_source("")
            .with_rationale("\t")
            .with_pricing(PricingBasis::Described(" ".into()))
            .unwrap();
        assert_eq!(blank_texts.review().findings().len(), 5);
        let described =
            base.with_pricing(PricingBasis::Described("half the saving".into())).unwrap();
        assert!(!described.review().findings().contains(&Finding::NoPricingBasis));
    }

    #[test]
    fn display_lists_findings() {
        let m = Metric::new("m", "d", MetricUnit::Individual)
            .unwrap()
            .with_direction(Direction::Ambiguous);
        let text = m.review().to_string();
        assert!(text.starts_with("metric m:\n  - meaningful:"));
        assert!(text.contains("monetisable: no price or pricing basis"));
    }
}
