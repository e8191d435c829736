//! Re-assessment: what changed between two rounds, and when the next is due.

use std::collections::HashSet;

use jiff::Span;
use rust_decimal::Decimal;
use serde::Serialize;

use super::{Agreement, AgreementPolicy, ComparisonError, Profile};
use crate::Date;

/// Which way a domain moved between rounds, judged on the median.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
/// use integration_outcomes::Date;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let round = |label: &str, date: Date, [leadership, governance, culture]: [u8; 3]| -> Result<_, Box<dyn std::error::Error>> {
///     let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
///         .score("leadership", Score::Level(leadership))?
///         .score("governance", Score::Level(governance))?
///         .score("culture", Score::Level(culture))?
///         .build();
///     Ok(Assessment::new(&aqua, "P", date, label, [r])?.profile())
/// };
/// let before = round("baseline", Date::new(2026, 1, 15)?, [3, 4, 2])?;
/// let after = round("review", Date::new(2026, 7, 15)?, [3, 3, 4])?;
/// let progress = Progress::between(&before, &after, ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 4 }))?;
/// let trend = |domain: &str| progress.change(domain).map(|c| c.trend());
/// assert_eq!(trend("culture"), Some(Trend::Improved));
/// assert_eq!(trend("governance"), Some(Trend::Regressed));
/// assert_eq!(trend("leadership"), Some(Trend::Unchanged));
/// assert_eq!(trend("workforce"), Some(Trend::NotComparable)); // not scored
/// let to_discuss: Vec<&str> = progress.domains(Trend::Regressed).iter().map(|c| c.domain()).collect();
/// assert_eq!(to_discuss, ["governance"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Trend {
    /// The median rose.
    Improved,
    /// The median fell.
    Regressed,
    /// The median is the same.
    Unchanged,
    /// One of the rounds has no ratings for the domain.
    NotComparable,
}

/// How to compare two rounds: the agreement policy for both, and the
/// interval to the next round (six months by default, as the Chorley paper
/// proposes).
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{AgreementPolicy, ReassessmentOptions};
///
/// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 4 });
/// assert_eq!(options.interval_months(), 6);
/// assert_eq!(options.next_round_after_months(12).interval_months(), 12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReassessmentOptions {
    agreement: AgreementPolicy,
    interval_months: u16,
}

impl ReassessmentOptions {
    /// Options with the caller's agreement policy and a six-month interval.
    ///
    /// ```
    /// use integration_outcomes::maturity::{AgreementPolicy, ReassessmentOptions};
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 4 });
    /// assert_eq!(options.interval_months(), 6);
    /// ```
    #[must_use]
    pub const fn new(agreement: AgreementPolicy) -> ReassessmentOptions {
        ReassessmentOptions { agreement, interval_months: 6 }
    }

    /// The same options with the next round due `months` after the later round.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, ReassessmentOptions};
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 4 });
    ///
    /// let yearly = options.next_round_after_months(12);
    /// assert_eq!(yearly.interval_months(), 12);
    /// assert_eq!(yearly.agreement(), options.agreement());
    /// ```
    #[must_use]
    pub const fn next_round_after_months(mut self, months: u16) -> ReassessmentOptions {
        self.interval_months = months;
        self
    }

    /// The agreement policy.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, ReassessmentOptions};
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 4 });
    ///
    /// assert_eq!(options.agreement(), &AgreementPolicy::RandRegion { fewer_than: 4 });
    /// ```
    #[must_use]
    pub const fn agreement(&self) -> &AgreementPolicy {
        &self.agreement
    }

    /// Months from the later round to the next.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{AgreementPolicy, ReassessmentOptions};
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 4 });
    ///
    /// assert_eq!(options.interval_months(), 6);
    /// assert_eq!(options.next_round_after_months(3).interval_months(), 3);
    /// ```
    #[must_use]
    pub const fn interval_months(&self) -> u16 {
        self.interval_months
    }
}

/// One domain's change between two rounds.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, DomainChange, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
/// use integration_outcomes::Date;
/// use rust_decimal::Decimal;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
///     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
///     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
///     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
/// };
/// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
/// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
/// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
/// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
/// let progress = Progress::between(&before, &after, options)?;
/// let culture: &DomainChange = progress.change("culture").unwrap();
///
/// assert_eq!(culture.name(), "Culture");
/// assert_eq!(culture.median_change(), Some(Decimal::new(15, 1))); // 2 to 3.5
/// assert_eq!(culture.trend(), Trend::Improved);
/// // The median rose because the partners now disagree: discuss before celebrating.
/// assert_eq!((culture.agreement_before(), culture.agreement_after()), (Agreement::Agreed, Agreement::Split));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainChange {
    domain: String,
    name: String,
    median_before: Option<Decimal>,
    median_after: Option<Decimal>,
    mean_before: Option<f64>,
    mean_after: Option<f64>,
    agreement_before: Agreement,
    agreement_after: Agreement,
}

impl DomainChange {
    /// The domain's id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    ///
    /// assert_eq!(progress.changes()[2].domain(), "culture");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The domain's name (as in the later round).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    /// let culture = progress.change("culture").unwrap();
    ///
    /// assert_eq!(culture.name(), "Culture");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The earlier median.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    /// let culture = progress.change("culture").unwrap();
    ///
    /// assert_eq!(culture.median_before(), Some(Decimal::from(2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn median_before(&self) -> Option<Decimal> {
        self.median_before
    }

    /// The later median.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    /// let culture = progress.change("culture").unwrap();
    ///
    /// assert_eq!(culture.median_after(), Some(Decimal::new(35, 1))); // 3.5
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn median_after(&self) -> Option<Decimal> {
        self.median_after
    }

    /// The earlier mean.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    /// let culture = progress.change("culture").unwrap();
    ///
    /// assert_eq!(culture.mean_before(), Some(2.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn mean_before(&self) -> Option<f64> {
        self.mean_before
    }

    /// The later mean.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    /// let culture = progress.change("culture").unwrap();
    ///
    /// assert_eq!(culture.mean_after(), Some(3.5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn mean_after(&self) -> Option<f64> {
        self.mean_after
    }

    /// Later minus earlier median, exact; `None` unless both rounds scored the domain.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    /// let culture = progress.change("culture").unwrap();
    ///
    /// assert_eq!(culture.median_change(), Some(Decimal::new(15, 1))); // 3.5 - 2
    /// // Nobody scored leadership in either round.
    /// assert_eq!(progress.change("leadership").unwrap().median_change(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn median_change(&self) -> Option<Decimal> {
        Some(self.median_after? - self.median_before?)
    }

    /// Later minus earlier mean; `None` unless both rounds scored the domain.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    /// let culture = progress.change("culture").unwrap();
    ///
    /// assert_eq!(culture.mean_change(), Some(1.5));
    /// assert_eq!(progress.change("leadership").unwrap().mean_change(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn mean_change(&self) -> Option<f64> {
        Some(self.mean_after? - self.mean_before?)
    }

    /// Improved, regressed or unchanged, by the sign of the median change
    /// (the mean is reported alongside but does not decide).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    /// let culture = progress.change("culture").unwrap();
    ///
    /// assert_eq!(culture.trend(), Trend::Improved);
    /// assert_eq!(progress.change("leadership").unwrap().trend(), Trend::NotComparable);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn trend(&self) -> Trend {
        match self.median_change() {
            None => Trend::NotComparable,
            Some(change) if change > Decimal::ZERO => Trend::Improved,
            Some(change) if change < Decimal::ZERO => Trend::Regressed,
            Some(_) => Trend::Unchanged,
        }
    }

    /// Agreement in the earlier round.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    /// let culture = progress.change("culture").unwrap();
    ///
    /// assert_eq!(culture.agreement_before(), Agreement::Agreed); // 2 and 2
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn agreement_before(&self) -> Agreement {
        self.agreement_before
    }

    /// Agreement in the later round.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    /// let culture = progress.change("culture").unwrap();
    ///
    /// assert_eq!(culture.agreement_after(), Agreement::Split); // 2 and 5
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn agreement_after(&self) -> Agreement {
        self.agreement_after
    }
}

/// Progress between two rounds of the same partnership on the same framework
/// (both the whole partnership's profiles, or both one organisation's).
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{AgreementPolicy, Assessment, Trend, Framework, Progress, ReassessmentOptions, Respondent, Response, Score};
/// use integration_outcomes::Date;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let round = |label: &str, date: Date, level: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
///     let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(level))?.build();
///     Ok(Assessment::new(&aqua, "P", date, label, [r])?)
/// };
/// let before = round("baseline", Date::new(2026, 1, 31)?, 2)?.profile();
/// let after = round("review", Date::new(2026, 8, 31)?, 3)?.profile();
/// let progress = Progress::between(&before, &after, ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 4 }))?;
/// let culture = progress.change("culture").unwrap();
/// assert_eq!(culture.trend(), Trend::Improved);
/// assert_eq!(culture.median_change().unwrap().to_string(), "1");
/// assert_eq!(progress.next_round_due(), Date::new(2027, 2, 28)?); // month-end clamps
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    framework: String,
    earlier: String,
    later: String,
    changes: Vec<DomainChange>,
    next_round_due: Date,
}

impl Progress {
    /// Compares `earlier` with `later`.
    ///
    /// # Errors
    ///
    /// - [`ComparisonError::DifferentFramework`] unless both rounds use the same framework;
    /// - [`ComparisonError::DifferentPartnership`] unless both are the same
    ///   partnership's;
    /// - [`ComparisonError::DifferentOrganisation`] unless both are the whole
    ///   partnership's profiles, or both the same organisation's
    ///   ([`Assessment::organisation_profile`](super::Assessment::organisation_profile));
    /// - [`ComparisonError::RoundsOutOfOrder`] if `later` is dated before `earlier`;
    /// - [`ComparisonError::DueDateOutOfRange`] if the next round's date overflows;
    /// - [`ComparisonError::InvalidAgreementPolicy`] if the agreement policy's
    ///   threshold is out of range ([`AgreementPolicy::validate`]),
    ///   or [`ComparisonError::PolicyNotForScale`] if the policy is not defined
    ///   on the profile's scale ([`AgreementPolicy::validate_for`]).
    ///
    /// ```
    /// use integration_outcomes::maturity::{AgreementPolicy, Assessment, ComparisonError, Framework, Progress, ReassessmentOptions, Respondent, Response};
    /// use integration_outcomes::Date;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let round = |partnership: &str, date: Date| -> Result<Assessment, Box<dyn std::error::Error>> {
    ///     let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).build();
    ///     Ok(Assessment::new(&aqua, partnership, date, "round", [r])?)
    /// };
    /// let (jan, jul) = (Date::new(2026, 1, 15)?, Date::new(2026, 7, 15)?);
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 4 });
    /// let err = Progress::between(&round("North", jan)?.profile(), &round("South", jul)?.profile(), options);
    /// assert!(matches!(err, Err(ComparisonError::DifferentPartnership { .. })));
    /// let nhs = round("North", jan)?.organisation_profile("NHS").unwrap();
    /// let err = Progress::between(&nhs, &round("North", jul)?.profile(), options).unwrap_err();
    /// assert_eq!(err.to_string(),
    ///     "cannot compare the profile of organisation \"NHS\" with the profile of the whole partnership");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn between(
        earlier: &Profile,
        later: &Profile,
        options: ReassessmentOptions,
    ) -> Result<Progress, ComparisonError> {
        if earlier.framework() != later.framework() {
            return Err(ComparisonError::DifferentFramework {
                expected: earlier.framework().to_owned(),
                found: later.framework().to_owned(),
            });
        }
        if earlier.partnership() != later.partnership() {
            return Err(ComparisonError::DifferentPartnership {
                expected: earlier.partnership().to_owned(),
                found: later.partnership().to_owned(),
            });
        }
        if earlier.organisation() != later.organisation() {
            return Err(ComparisonError::DifferentOrganisation {
                expected: earlier.organisation().map(str::to_owned),
                found: later.organisation().map(str::to_owned),
            });
        }
        if later.date() < earlier.date() {
            return Err(ComparisonError::RoundsOutOfOrder {
                earlier: earlier.label().to_owned(),
                earlier_date: earlier.date(),
                later: later.label().to_owned(),
                later_date: later.date(),
            });
        }
        let months = options.interval_months;
        let overflow = || ComparisonError::DueDateOutOfRange { from: later.date(), months };
        let span = Span::new().try_months(i64::from(months)).map_err(|_| overflow())?;
        let next_round_due = later.date().checked_add(span).map_err(|_| overflow())?;
        let before = earlier.agreement(&options.agreement)?;
        let changes = later
            .agreement(&options.agreement)?
            .into_iter()
            .map(|(after, agreement_after)| {
                let old = before.iter().find(|(d, _)| d.id() == after.id());
                DomainChange {
                    domain: after.id().to_owned(),
                    name: after.name().to_owned(),
                    median_before: old.and_then(|(d, _)| d.median()),
                    median_after: after.median(),
                    mean_before: old.and_then(|(d, _)| d.statistics()).map(|s| s.mean()),
                    mean_after: after.statistics().map(|s| s.mean()),
                    agreement_before: old.map_or(Agreement::NotAssessable, |(_, a)| *a),
                    agreement_after,
                }
            })
            .collect();
        Ok(Progress {
            framework: later.framework().to_owned(),
            earlier: earlier.label().to_owned(),
            later: later.label().to_owned(),
            changes,
            next_round_due,
        })
    }

    /// The per-domain changes, in framework order.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    ///
    /// assert_eq!(progress.changes().len(), 8); // every AQuA domain
    /// assert_eq!(progress.changes()[0].domain(), "leadership");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn changes(&self) -> &[DomainChange] {
        &self.changes
    }

    /// The change for one domain.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    ///
    /// assert_eq!(progress.change("culture").map(|c| c.trend()), Some(Trend::Improved));
    /// assert!(progress.change("finance").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn change(&self, domain: &str) -> Option<&DomainChange> {
        self.changes.iter().find(|c| c.domain == domain)
    }

    /// The domains with this trend (improved, regressed, ...).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    ///
    /// let improved: Vec<&str> = progress.domains(Trend::Improved).iter().map(|c| c.domain()).collect();
    /// assert_eq!(improved, ["culture"]);
    /// assert_eq!(progress.domains(Trend::NotComparable).len(), 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domains(&self, trend: Trend) -> Vec<&DomainChange> {
        self.changes.iter().filter(|c| c.trend() == trend).collect()
    }

    /// The earlier round's label.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    ///
    /// assert_eq!(progress.earlier(), "baseline");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn earlier(&self) -> &str {
        &self.earlier
    }

    /// The later round's label.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    ///
    /// assert_eq!(progress.later(), "review");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn later(&self) -> &str {
        &self.later
    }

    /// When the next round is due.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Agreement, AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score, Trend};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let round = |label: &str, date: Date, ann: u8, bob: u8| -> Result<Assessment, Box<dyn std::error::Error>> {
    /// #     let a = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(ann))?.build();
    /// #     let b = Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(bob))?.build();
    /// #     Ok(Assessment::new(&aqua, "Chorley PSR", date, label, [a, b])?)
    /// # };
    /// // Culture scored 2 and 2 at baseline, 2 and 5 six months later.
    /// let before = round("baseline", Date::new(2026, 1, 15)?, 2, 2)?.profile();
    /// let after = round("review", Date::new(2026, 7, 15)?, 2, 5)?.profile();
    /// let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 });
    /// let progress = Progress::between(&before, &after, options)?;
    ///
    /// assert_eq!(progress.next_round_due(), Date::new(2027, 1, 15)?); // six months on
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn next_round_due(&self) -> Date {
        self.next_round_due
    }
}

/// Several partnerships' profiles on the same framework, side by side: per
/// domain, each partnership's median and which partnerships are highest and
/// lowest (candidates for twinning and coaching, as SCIROCCO intends).
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Assessment, Benchmark, Framework, Respondent, Response, Score};
/// use integration_outcomes::Date;
///
/// let s = Framework::builtin("scirocco-b3")?;
/// let region = |name: &str, level: u8| -> Result<_, Box<dyn std::error::Error>> {
///     let r = Response::builder(&s, Respondent::new("Lead", name)?).score("population_approach", Score::Level(level))?.build();
///     Ok(Assessment::new(&s, name, Date::new(2026, 3, 1)?, "2026", [r])?.profile())
/// };
/// let (scotland, norrbotten) = (region("Scotland", 4)?, region("Norrbotten", 2)?);
/// let benchmark = Benchmark::new(&[&scotland, &norrbotten])?;
/// let row = benchmark.row("population_approach").unwrap();
/// assert_eq!(row.highest(), ["Scotland"]);
/// assert_eq!(row.lowest(), ["Norrbotten"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Benchmark {
    framework: String,
    partnerships: Vec<String>,
    rows: Vec<BenchmarkRow>,
}

/// One domain of a [`Benchmark`].
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Assessment, Benchmark, BenchmarkRow, Framework, Respondent, Response, Score};
/// use integration_outcomes::Date;
/// use rust_decimal::Decimal;
///
/// let s = Framework::builtin("scirocco-b3")?;
/// let region = |name: &str, level: u8| -> Result<_, Box<dyn std::error::Error>> {
///     let r = Response::builder(&s, Respondent::new("Lead", name)?).score("population_approach", Score::Level(level))?.build();
///     Ok(Assessment::new(&s, name, Date::new(2026, 3, 1)?, "2026", [r])?.profile())
/// };
/// let (scotland, norrbotten) = (region("Scotland", 4)?, region("Norrbotten", 2)?);
/// let benchmark = Benchmark::new(&[&scotland, &norrbotten])?;
/// let row: &BenchmarkRow = benchmark.row("population_approach").unwrap();
///
/// assert_eq!(row.name(), "Population approach");
/// assert_eq!(row.medians(), [Some(Decimal::from(4)), Some(Decimal::from(2))]); // profile order
/// assert_eq!((row.highest(), row.lowest()), (&["Scotland".to_owned()][..], &["Norrbotten".to_owned()][..]));
/// assert_eq!(benchmark.rows().len(), s.domains().len()); // one row per domain
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BenchmarkRow {
    domain: String,
    name: String,
    medians: Vec<Option<Decimal>>,
    highest: Vec<String>,
    lowest: Vec<String>,
}

impl BenchmarkRow {
    /// The domain's id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Benchmark, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let region = |name: &str, level: u8| -> Result<_, Box<dyn std::error::Error>> {
    /// #     let r = Response::builder(&s, Respondent::new("Lead", name)?).score("population_approach", Score::Level(level))?.build();
    /// #     Ok(Assessment::new(&s, name, Date::new(2026, 3, 1)?, "2026", [r])?.profile())
    /// # };
    /// let (scotland, norrbotten) = (region("Scotland", 4)?, region("Norrbotten", 2)?);
    /// let benchmark = Benchmark::new(&[&scotland, &norrbotten])?;
    ///
    /// assert_eq!(benchmark.rows()[6].domain(), "population_approach");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The domain's name.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Benchmark, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let region = |name: &str, level: u8| -> Result<_, Box<dyn std::error::Error>> {
    /// #     let r = Response::builder(&s, Respondent::new("Lead", name)?).score("population_approach", Score::Level(level))?.build();
    /// #     Ok(Assessment::new(&s, name, Date::new(2026, 3, 1)?, "2026", [r])?.profile())
    /// # };
    /// let (scotland, norrbotten) = (region("Scotland", 4)?, region("Norrbotten", 2)?);
    /// let benchmark = Benchmark::new(&[&scotland, &norrbotten])?;
    /// let row = benchmark.row("population_approach").unwrap();
    ///
    /// assert_eq!(row.name(), "Population approach");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Each partnership's median, in the order the profiles were given.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Benchmark, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let region = |name: &str, level: u8| -> Result<_, Box<dyn std::error::Error>> {
    /// #     let r = Response::builder(&s, Respondent::new("Lead", name)?).score("population_approach", Score::Level(level))?.build();
    /// #     Ok(Assessment::new(&s, name, Date::new(2026, 3, 1)?, "2026", [r])?.profile())
    /// # };
    /// let (scotland, norrbotten) = (region("Scotland", 4)?, region("Norrbotten", 2)?);
    /// let benchmark = Benchmark::new(&[&scotland, &norrbotten])?;
    /// let row = benchmark.row("population_approach").unwrap();
    ///
    /// assert_eq!(row.medians(), [Some(Decimal::from(4)), Some(Decimal::from(2))]);
    /// assert_eq!(benchmark.row("capacity_building").unwrap().medians(), [None, None]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn medians(&self) -> &[Option<Decimal>] {
        &self.medians
    }

    /// The partnerships with the highest median (all of them on a tie).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Benchmark, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let region = |name: &str, level: u8| -> Result<_, Box<dyn std::error::Error>> {
    /// #     let r = Response::builder(&s, Respondent::new("Lead", name)?).score("population_approach", Score::Level(level))?.build();
    /// #     Ok(Assessment::new(&s, name, Date::new(2026, 3, 1)?, "2026", [r])?.profile())
    /// # };
    /// let (scotland, norrbotten) = (region("Scotland", 4)?, region("Norrbotten", 2)?);
    /// let benchmark = Benchmark::new(&[&scotland, &norrbotten])?;
    /// let row = benchmark.row("population_approach").unwrap();
    ///
    /// assert_eq!(row.highest(), ["Scotland"]);
    /// // Nobody scored capacity building: nobody is highest.
    /// assert!(benchmark.row("capacity_building").unwrap().highest().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn highest(&self) -> &[String] {
        &self.highest
    }

    /// The partnerships with the lowest median (all of them on a tie).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Benchmark, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let region = |name: &str, level: u8| -> Result<_, Box<dyn std::error::Error>> {
    /// #     let r = Response::builder(&s, Respondent::new("Lead", name)?).score("population_approach", Score::Level(level))?.build();
    /// #     Ok(Assessment::new(&s, name, Date::new(2026, 3, 1)?, "2026", [r])?.profile())
    /// # };
    /// let (scotland, norrbotten) = (region("Scotland", 4)?, region("Norrbotten", 2)?);
    /// let benchmark = Benchmark::new(&[&scotland, &norrbotten])?;
    /// let row = benchmark.row("population_approach").unwrap();
    ///
    /// assert_eq!(row.lowest(), ["Norrbotten"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lowest(&self) -> &[String] {
        &self.lowest
    }
}

impl Benchmark {
    /// Lines up the profiles. Each is named by its partnership, or by
    /// `partnership: organisation` for an organisation's profile
    /// ([`Assessment::organisation_profile`](super::Assessment::organisation_profile));
    /// when that name appears more than once, the round label follows in
    /// brackets: `partnership (label)`, or `partnership: organisation (label)`.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::NothingToCompare`] for no profiles,
    /// [`ComparisonError::DifferentFramework`] if they use different
    /// frameworks and [`ComparisonError::DuplicateName`] if two would still
    /// have the same name (such as one profile given twice).
    ///
    /// ```
    /// use integration_outcomes::maturity::{Assessment, Benchmark, ComparisonError, Framework, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let response = |name: &str, org: &str, level: u8| -> Result<Response, Box<dyn std::error::Error>> {
    ///     Ok(Response::builder(&aqua, Respondent::new(name, org)?).score("culture", Score::Level(level))?.build())
    /// };
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline",
    ///     [response("Ann", "NHS trust", 2)?, response("Bob", "Council", 4)?])?;
    /// let by_org = round.organisation_profiles();
    /// let benchmark = Benchmark::new(&by_org.iter().collect::<Vec<_>>())?;
    /// assert_eq!(benchmark.partnerships(), ["Chorley PSR: NHS trust", "Chorley PSR: Council"]);
    /// assert_eq!(benchmark.row("culture").unwrap().highest(), ["Chorley PSR: Council"]);
    ///
    /// let whole = round.profile();
    /// let err = Benchmark::new(&[&whole, &whole]).unwrap_err();
    /// assert_eq!(err, ComparisonError::DuplicateName { name: "Chorley PSR (baseline)".into() });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(profiles: &[&Profile]) -> Result<Benchmark, ComparisonError> {
        let first = profiles.first().ok_or(ComparisonError::NothingToCompare)?;
        if let Some(other) = profiles.iter().find(|p| p.framework() != first.framework()) {
            return Err(ComparisonError::DifferentFramework {
                expected: first.framework().to_owned(),
                found: other.framework().to_owned(),
            });
        }
        let who = |p: &Profile| match p.organisation() {
            Some(organisation) => format!("{}: {organisation}", p.partnership()),
            None => p.partnership().to_owned(),
        };
        let whos: Vec<String> = profiles.iter().map(|p| who(p)).collect();
        let partnerships: Vec<String> = profiles
            .iter()
            .zip(&whos)
            .map(|(p, name)| {
                if whos.iter().filter(|other| *other == name).count() > 1 {
                    format!("{name} ({})", p.label())
                } else {
                    name.clone()
                }
            })
            .collect();
        let mut seen = HashSet::new();
        if let Some(name) = partnerships.iter().find(|name| !seen.insert(name.as_str())) {
            return Err(ComparisonError::DuplicateName { name: name.clone() });
        }
        let rows = first
            .domains()
            .iter()
            .map(|domain| {
                let medians: Vec<Option<Decimal>> = profiles
                    .iter()
                    .map(|p| p.domain(domain.id()).and_then(|d| d.median()))
                    .collect();
                let scored = medians.iter().flatten();
                let (max, min) = (scored.clone().max().copied(), scored.min().copied());
                let named = |target: Option<Decimal>| -> Vec<String> {
                    partnerships
                        .iter()
                        .zip(&medians)
                        .filter(|(_, m)| target.is_some() && **m == target)
                        .map(|(p, _)| p.clone())
                        .collect()
                };
                BenchmarkRow {
                    domain: domain.id().to_owned(),
                    name: domain.name().to_owned(),
                    highest: named(max),
                    lowest: named(min),
                    medians,
                }
            })
            .collect();
        Ok(Benchmark { framework: first.framework().to_owned(), partnerships, rows })
    }

    /// Each profile's display name, in the order given: `partnership`, or
    /// `partnership: organisation` for one organisation's profile, with the
    /// round's label added in brackets (`partnership (label)`,
    /// `partnership: organisation (label)`) where that name would otherwise
    /// repeat. These are the names each row's
    /// [`highest`](BenchmarkRow::highest) and [`lowest`](BenchmarkRow::lowest)
    /// return.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Benchmark, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let region = |name: &str, level: u8| -> Result<_, Box<dyn std::error::Error>> {
    /// #     let r = Response::builder(&s, Respondent::new("Lead", name)?).score("population_approach", Score::Level(level))?.build();
    /// #     Ok(Assessment::new(&s, name, Date::new(2026, 3, 1)?, "2026", [r])?.profile())
    /// # };
    /// let (scotland, norrbotten) = (region("Scotland", 4)?, region("Norrbotten", 2)?);
    /// let benchmark = Benchmark::new(&[&scotland, &norrbotten])?;
    ///
    /// assert_eq!(benchmark.partnerships(), ["Scotland", "Norrbotten"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn partnerships(&self) -> &[String] {
        &self.partnerships
    }

    /// The rows, in framework order.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Benchmark, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let region = |name: &str, level: u8| -> Result<_, Box<dyn std::error::Error>> {
    /// #     let r = Response::builder(&s, Respondent::new("Lead", name)?).score("population_approach", Score::Level(level))?.build();
    /// #     Ok(Assessment::new(&s, name, Date::new(2026, 3, 1)?, "2026", [r])?.profile())
    /// # };
    /// let (scotland, norrbotten) = (region("Scotland", 4)?, region("Norrbotten", 2)?);
    /// let benchmark = Benchmark::new(&[&scotland, &norrbotten])?;
    ///
    /// assert_eq!(benchmark.rows().len(), 12); // one per SCIROCCO dimension
    /// assert_eq!(benchmark.rows()[0].domain(), "readiness_to_change");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rows(&self) -> &[BenchmarkRow] {
        &self.rows
    }

    /// The row for one domain.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Benchmark, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let s = Framework::builtin("scirocco-b3")?;
    /// # let region = |name: &str, level: u8| -> Result<_, Box<dyn std::error::Error>> {
    /// #     let r = Response::builder(&s, Respondent::new("Lead", name)?).score("population_approach", Score::Level(level))?.build();
    /// #     Ok(Assessment::new(&s, name, Date::new(2026, 3, 1)?, "2026", [r])?.profile())
    /// # };
    /// let (scotland, norrbotten) = (region("Scotland", 4)?, region("Norrbotten", 2)?);
    /// let benchmark = Benchmark::new(&[&scotland, &norrbotten])?;
    ///
    /// assert_eq!(benchmark.row("population_approach").unwrap().highest(), ["Scotland"]);
    /// assert!(benchmark.row("leadership").is_none()); // an AQuA domain, not a SCIROCCO one
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn row(&self, domain: &str) -> Option<&BenchmarkRow> {
        self.rows.iter().find(|r| r.domain == domain)
    }
}
