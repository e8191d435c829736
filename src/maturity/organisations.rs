//! Breakdown by organisation, and how far organisations diverge per domain.

use rust_decimal::Decimal;
use serde::Serialize;

use std::cmp::Reverse;
use std::collections::HashMap;

use super::{Assessment, Profile, ProfileCounts};

/// How far the organisations of a partnership diverge on one domain: each
/// organisation's median, the range between the lowest and highest, and
/// which organisations those are (the pair furthest apart).
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Assessment, DomainDivergence, Framework, Respondent, Response, Score};
/// use integration_outcomes::Date;
/// use rust_decimal::Decimal;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let mut responses = Vec::new();
/// for (name, org, level) in [("Ann", "NHS", 4), ("Bob", "Council", 2), ("Cat", "CVS", 3), ("Dan", "NHS", 5)] {
///     responses.push(Response::builder(&aqua, Respondent::new(name, org)?).score("culture", Score::Level(level))?.build());
/// }
/// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?;
/// let divergence: Vec<DomainDivergence> = round.divergence();
/// let culture = divergence.iter().find(|d| d.domain() == "culture").unwrap();
///
/// // The NHS (4 and 5) and the council (2) are furthest apart.
/// assert_eq!(culture.highest(), Some(("NHS", Decimal::new(45, 1))));
/// assert_eq!(culture.lowest(), Some(("Council", Decimal::from(2))));
/// assert_eq!(culture.range(), Some(Decimal::new(25, 1)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DomainDivergence {
    domain: String,
    name: String,
    medians: Vec<(String, Decimal)>,
}

impl DomainDivergence {
    /// The domain's id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, level) in [("Ann", "NHS", 4), ("Bob", "Council", 2), ("Cat", "CVS", 3), ("Dan", "NHS", 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?).score("culture", Score::Level(level))?.build());
    /// # }
    /// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?;
    /// let divergence = round.divergence();
    ///
    /// assert_eq!(divergence[2].domain(), "culture"); // framework order
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The domain's name.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, level) in [("Ann", "NHS", 4), ("Bob", "Council", 2), ("Cat", "CVS", 3), ("Dan", "NHS", 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?).score("culture", Score::Level(level))?.build());
    /// # }
    /// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?;
    /// let divergence = round.divergence();
    /// let culture = divergence.iter().find(|d| d.domain() == "culture").unwrap();
    ///
    /// assert_eq!(culture.name(), "Culture");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Each organisation's median, for the organisations that scored the
    /// domain, in order of first response.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, level) in [("Ann", "NHS", 4), ("Bob", "Council", 2), ("Cat", "CVS", 3), ("Dan", "NHS", 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?).score("culture", Score::Level(level))?.build());
    /// # }
    /// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?;
    /// let divergence = round.divergence();
    /// let culture = divergence.iter().find(|d| d.domain() == "culture").unwrap();
    ///
    /// assert_eq!(culture.medians(), [
    ///     ("NHS".to_owned(), Decimal::new(45, 1)), // 4 and 5
    ///     ("Council".to_owned(), Decimal::from(2)),
    ///     ("CVS".to_owned(), Decimal::from(3)),
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn medians(&self) -> &[(String, Decimal)] {
        &self.medians
    }

    /// The organisation with the lowest median (the first on a tie).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, level) in [("Ann", "NHS", 4), ("Bob", "Council", 2), ("Cat", "CVS", 3), ("Dan", "NHS", 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?).score("culture", Score::Level(level))?.build());
    /// # }
    /// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?;
    /// let divergence = round.divergence();
    /// let culture = divergence.iter().find(|d| d.domain() == "culture").unwrap();
    ///
    /// assert_eq!(culture.lowest(), Some(("Council", Decimal::from(2))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lowest(&self) -> Option<(&str, Decimal)> {
        // min_by_key keeps the first of equal minima.
        let (organisation, median) = self.medians.iter().min_by_key(|(_, m)| *m)?;
        Some((organisation, *median))
    }

    /// The organisation with the highest median (the first on a tie).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, level) in [("Ann", "NHS", 4), ("Bob", "Council", 2), ("Cat", "CVS", 3), ("Dan", "NHS", 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?).score("culture", Score::Level(level))?.build());
    /// # }
    /// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?;
    /// let divergence = round.divergence();
    /// let culture = divergence.iter().find(|d| d.domain() == "culture").unwrap();
    ///
    /// assert_eq!(culture.highest(), Some(("NHS", Decimal::new(45, 1))));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn highest(&self) -> Option<(&str, Decimal)> {
        // Not max_by_key, which keeps the last of equal maxima.
        let (organisation, median) = self.medians.iter().min_by_key(|(_, m)| Reverse(*m))?;
        Some((organisation, *median))
    }

    /// Highest minus lowest organisation median; `None` unless at least two
    /// organisations scored the domain.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # use rust_decimal::Decimal;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let mut responses = Vec::new();
    /// # for (name, org, level) in [("Ann", "NHS", 4), ("Bob", "Council", 2), ("Cat", "CVS", 3), ("Dan", "NHS", 5)] {
    /// #     responses.push(Response::builder(&aqua, Respondent::new(name, org)?).score("culture", Score::Level(level))?.build());
    /// # }
    /// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?;
    /// let divergence = round.divergence();
    /// let culture = divergence.iter().find(|d| d.domain() == "culture").unwrap();
    ///
    /// assert_eq!(culture.range(), Some(Decimal::new(25, 1))); // 4.5 - 2
    /// assert_eq!(divergence[0].range(), None); // nobody scored leadership
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn range(&self) -> Option<Decimal> {
        if self.medians.len() < 2 {
            return None;
        }
        Some(self.highest()?.1 - self.lowest()?.1)
    }
}

impl Assessment {
    /// One profile per organisation, in order of first response.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = |n: &str, o: &str| Response::builder(&aqua, Respondent::new(n, o).unwrap()).build();
    /// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline",
    ///     [r("Ann", "NHS"), r("Bob", "Council"), r("Cat", "NHS")])?;
    /// let by_org = round.organisation_profiles();
    /// assert_eq!(by_org.iter().map(|p| (p.organisation().unwrap(), p.respondents())).collect::<Vec<_>>(),
    ///     [("NHS", 2), ("Council", 1)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn organisation_profiles(&self) -> Vec<Profile> {
        // One pass over the scores, counting into each row's organisation.
        let organisations = self.organisations();
        let index: HashMap<&str, usize> =
            organisations.iter().enumerate().map(|(i, o)| (*o, i)).collect();
        let groups: Vec<usize> = self
            .respondents()
            .iter()
            .map(|r| index.get(r.organisation()).copied().unwrap_or(0))
            .collect();
        let bins = self.scale().len() + 2;
        let mut counts: Vec<ProfileCounts> = organisations
            .iter()
            .map(|o| {
                let mut c = self.empty_counts();
                c.set_organisation(o);
                c
            })
            .collect();
        for (domain, column) in self.columns().iter().enumerate() {
            let mut tally = vec![0u64; organisations.len() * bins];
            for (&code, &group) in column.iter().zip(&groups) {
                if let Some(count) = tally.get_mut(group * bins + usize::from(code)) {
                    *count += 1;
                }
            }
            for (org, per_code) in counts.iter_mut().zip(tally.chunks(bins)) {
                org.add_domain_counts(domain, per_code);
            }
        }
        for (org, group) in counts.iter_mut().enumerate() {
            group.add_respondents(groups.iter().filter(|g| **g == org).count() as u64);
        }
        counts.iter().map(ProfileCounts::profile).collect()
    }

    /// Per domain, in framework order, how far the organisations' medians
    /// diverge.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let mut responses = Vec::new();
    /// for (name, org, level) in [("Ann", "NHS", 4), ("Bob", "Council", 2), ("Cat", "CVS", 3), ("Dan", "NHS", 5)] {
    ///     responses.push(Response::builder(&aqua, Respondent::new(name, org)?).score("culture", Score::Level(level))?.build());
    /// }
    /// let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?;
    /// let culture = round.divergence().into_iter().find(|d| d.domain() == "culture").unwrap();
    /// assert_eq!(culture.range().unwrap().to_string(), "2.5");
    /// assert_eq!(culture.highest().unwrap().0, "NHS");
    /// assert_eq!(culture.lowest().unwrap().0, "Council");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn divergence(&self) -> Vec<DomainDivergence> {
        let profiles = self.organisation_profiles();
        self.domain_labels()
            .iter()
            .map(|label| DomainDivergence {
                domain: label.id.clone(),
                name: label.name.clone(),
                medians: profiles
                    .iter()
                    .filter_map(|p| {
                        let median = p.domain(&label.id)?.median()?;
                        Some((p.organisation()?.to_owned(), median))
                    })
                    .collect(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowest_and_highest_keep_the_first_organisation_on_a_tie() {
        let median = |organisation: &str, m: i64| (organisation.to_owned(), Decimal::from(m));
        let divergence = DomainDivergence {
            domain: "culture".into(),
            name: "Culture".into(),
            medians: vec![median("A", 2), median("B", 3), median("C", 3), median("D", 2)],
        };
        assert_eq!(divergence.lowest(), Some(("A", Decimal::from(2))));
        assert_eq!(divergence.highest(), Some(("B", Decimal::from(3))));
        assert_eq!(divergence.range(), Some(Decimal::ONE));
        let none = DomainDivergence { medians: Vec::new(), ..divergence };
        assert_eq!((none.lowest(), none.highest(), none.range()), (None, None, None));
    }
}
