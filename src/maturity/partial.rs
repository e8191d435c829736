//! The mergeable partial state of a profile: counts per domain and code.

use super::assessment::DomainLabel;
use super::counting::count_codes;
use super::statistics::MAX_RATINGS;
use super::text::is_blank;
use super::{AssessmentError, ComparisonError, Framework, Profile, Response, Scale};
use crate::Date;

/// How many respondents gave each score to each domain: everything a
/// [`Profile`] is computed from.
///
/// Counts can be built from any iterator of responses, a shard at a time, and
/// merged: shards counted separately (threads, processes, partitions of a
/// distributed engine) merge into exactly the counts of a single pass, so the
/// profile is the same. Each response is validated as it is added (framework,
/// domains, scale); that no respondent answers twice is checked by
/// [`Assessment`](super::Assessment), not across shards. Counts hold at most
/// 2⁴⁸ responses, the most exact statistics support: adding or merging beyond
/// that is an error, never an overflow.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Framework, ProfileCounts, Respondent, Response, Score};
/// use integration_outcomes::Date;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let response = |name: &str, level: u8| -> Result<Response, Box<dyn std::error::Error>> {
///     Ok(Response::builder(&aqua, Respondent::new(name, "NHS")?).score("culture", Score::Level(level))?.build())
/// };
/// let date = Date::new(2026, 1, 15)?;
/// let mut north = ProfileCounts::new(&aqua, "Region", date, "2026")?;
/// north.add(&response("Ann", 2)?)?;
/// let mut south = ProfileCounts::new(&aqua, "Region", date, "2026")?;
/// south.add_all(&[response("Bob", 3)?, response("Cat", 4)?])?;
/// north.merge(&south)?;
/// assert_eq!(north.respondents(), 3);
/// assert_eq!(north.profile().domain("culture").unwrap().median().unwrap().to_string(), "3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileCounts {
    framework: String,
    partnership: String,
    date: Date,
    label: String,
    scale: Scale,
    domains: Vec<DomainLabel>,
    respondents: u64,
    /// Per domain, one count per code: each level, then not scored, then
    /// not applicable.
    counts: Vec<Vec<u64>>,
    organisation: Option<String>,
    not_scored_code: u8,
    /// The respondents counted (name and organisation, folded), so that one
    /// counted twice is refused.
    seen: std::collections::BTreeSet<(String, String)>,
}

impl ProfileCounts {
    /// Empty counts for a round of `framework`.
    ///
    /// # Errors
    ///
    /// [`AssessmentError::EmptyText`] for an empty partnership or label.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Framework, ProfileCounts};
    /// use integration_outcomes::Date;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let counts = ProfileCounts::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline")?;
    /// assert_eq!(counts.respondents(), 0);
    /// assert!(ProfileCounts::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, " ").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        framework: &Framework,
        partnership: impl Into<String>,
        date: Date,
        label: impl Into<String>,
    ) -> Result<ProfileCounts, AssessmentError> {
        let (partnership, label) = (partnership.into(), label.into());
        if is_blank(&partnership) {
            return Err(AssessmentError::EmptyText { item: "partnership".to_owned() });
        }
        if is_blank(&label) {
            return Err(AssessmentError::EmptyText { item: "round label".to_owned() });
        }
        let domains: Vec<DomainLabel> = framework
            .domains()
            .iter()
            .map(|d| DomainLabel { id: d.id().to_owned(), name: d.name().to_owned() })
            .collect();
        Ok(ProfileCounts::empty(
            framework.id(),
            &partnership,
            date,
            &label,
            framework.scale(),
            &domains,
        ))
    }

    pub(crate) fn empty(
        framework: &str,
        partnership: &str,
        date: Date,
        label: &str,
        scale: &Scale,
        domains: &[DomainLabel],
    ) -> ProfileCounts {
        let codes = scale.len() + 2;
        ProfileCounts {
            framework: framework.to_owned(),
            partnership: partnership.to_owned(),
            date,
            label: label.to_owned(),
            scale: scale.clone(),
            domains: domains.to_vec(),
            respondents: 0,
            counts: vec![vec![0; codes]; domains.len()],
            organisation: None,
            // Scales have at most 100 levels, so the code fits.
            not_scored_code: u8::try_from(scale.len()).unwrap_or(u8::MAX),
            seen: std::collections::BTreeSet::new(),
        }
    }

    /// Notes `respondents` as counted (for counts made from a whole round).
    pub(crate) fn note_respondents(&mut self, respondents: &[super::Respondent]) {
        self.seen.extend(respondents.iter().map(super::Respondent::key));
    }

    /// The round, in words, for errors.
    fn round(&self) -> String {
        format!("{}, {} ({})", self.partnership, self.label, self.date)
    }

    /// Counts columns of codes, over the rows `mask` selects.
    ///
    /// The columns are a round's, held in memory, so they count far fewer
    /// than 2⁴⁸ responses (the additions below cannot saturate).
    pub(crate) fn count_columns(&mut self, columns: &[Vec<u8>], mask: Option<&[bool]>) {
        let bins = self.scale.len() + 2;
        for (total, column) in self.counts.iter_mut().zip(columns) {
            add_in_memory(total, &count_codes(column, bins, mask));
        }
        let rows = columns.first().map_or(0, Vec::len);
        let selected = mask.map_or(rows, |m| m.iter().take(rows).filter(|x| **x).count());
        self.add_respondents(selected as u64);
    }

    #[cfg(feature = "rayon")]
    pub(crate) fn count_columns_parallel(&mut self, columns: &[Vec<u8>]) {
        use rayon::prelude::*;
        let bins = self.scale.len() + 2;
        let counted: Vec<Vec<u64>> =
            columns.par_iter().map(|column| count_codes(column, bins, None)).collect();
        for (total, column) in self.counts.iter_mut().zip(&counted) {
            add_in_memory(total, column);
        }
        self.add_respondents(columns.first().map_or(0, Vec::len) as u64);
    }

    /// Adds, for one domain, counts per code of a round held in memory (see
    /// [`ProfileCounts::count_columns`]).
    pub(crate) fn add_domain_counts(&mut self, domain: usize, counts: &[u64]) {
        if let Some(total) = self.counts.get_mut(domain) {
            add_in_memory(total, counts);
        }
    }

    /// Adds the number of respondents of a round held in memory (see
    /// [`ProfileCounts::count_columns`]).
    pub(crate) fn add_respondents(&mut self, respondents: u64) {
        self.respondents = self.respondents.saturating_add(respondents);
    }

    pub(crate) fn set_organisation(&mut self, organisation: &str) {
        self.organisation = Some(organisation.to_owned());
    }

    /// Adds one response.
    ///
    /// # Errors
    ///
    /// [`AssessmentError::DifferentFramework`], [`AssessmentError::UnknownDomain`],
    /// [`AssessmentError::ScoreOffScale`] or [`AssessmentError::DuplicateScore`],
    /// and [`AssessmentError::TooManyRatings`] if the counts already hold 2⁴⁸
    /// responses; the counts are unchanged on error.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, ProfileCounts, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let mut counts = ProfileCounts::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline")?;
    /// counts.add(&Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build())?;
    ///
    /// assert_eq!(counts.respondents(), 1);
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    /// let other = Response::builder(&scirocco, Respondent::new("Bob", "Council")?).build();
    /// assert!(counts.add(&other).is_err());
    /// assert_eq!(counts.respondents(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, response: &Response) -> Result<(), AssessmentError> {
        if response.framework() != self.framework {
            return Err(AssessmentError::DifferentFramework {
                respondent: response.respondent().to_string(),
                expected: self.framework.clone(),
                found: response.framework().to_owned(),
            });
        }
        let respondents = self
            .respondents
            .checked_add(1)
            .filter(|n| *n <= MAX_RATINGS)
            .ok_or(AssessmentError::TooManyRatings)?;
        let key = response.respondent().key();
        if self.seen.contains(&key) {
            return Err(AssessmentError::DuplicateRespondent {
                respondent: response.respondent().to_string(),
                round: self.label.clone(),
            });
        }
        let codes = response.codes_for(&self.scale, &self.domains, self.not_scored_code)?;
        self.seen.insert(key);
        for (total, code) in self.counts.iter_mut().zip(codes) {
            if let Some(count) = total.get_mut(usize::from(code)) {
                // A count is at most the respondents, now checked to be at
                // most 2⁴⁸: this cannot saturate.
                *count = count.saturating_add(1);
            }
        }
        self.respondents = respondents;
        Ok(())
    }

    /// Adds every response of an iterator, stopping at the first invalid one
    /// (the responses before it stay counted).
    ///
    /// # Errors
    ///
    /// As [`ProfileCounts::add`].
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, ProfileCounts, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let mut counts = ProfileCounts::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline")?;
    ///
    /// let responses = [
    ///     Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build(),
    ///     Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(4))?.build(),
    /// ];
    /// counts.add_all(&responses)?;
    /// assert_eq!(counts.respondents(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_all<'a>(
        &mut self,
        responses: impl IntoIterator<Item = &'a Response>,
    ) -> Result<(), AssessmentError> {
        for response in responses {
            self.add(response)?;
        }
        Ok(())
    }

    /// Adds another shard's counts of the same round (partnership, date,
    /// label and organisation) and other respondents.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::DifferentFramework`] unless both count the same
    /// framework (id, scale and domains); [`ComparisonError::DifferentRound`]
    /// for counts of another round; [`ComparisonError::RespondentCountedTwice`]
    /// for a respondent both count (a shard merged twice, or counts merged
    /// with themselves);
    /// [`ComparisonError::TooManyRatings`] if together they hold more than
    /// 2⁴⁸ responses. The counts are unchanged on error.
    ///
    /// ```
    /// use integration_outcomes::maturity::{ComparisonError, Framework, ProfileCounts, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let date = Date::new(2026, 1, 15)?;
    /// let response = |name: &str| -> Result<Response, Box<dyn std::error::Error>> {
    ///     Ok(Response::builder(&aqua, Respondent::new(name, "NHS")?).score("culture", Score::Level(2))?.build())
    /// };
    /// let mut counts = ProfileCounts::new(&aqua, "P", date, "2026")?;
    /// counts.add(&response("Ann")?)?;
    /// let mut shard = ProfileCounts::new(&aqua, "P", date, "2026")?;
    /// shard.add(&response("Bob")?)?;
    /// counts.merge(&shard)?;
    /// assert_eq!(counts.respondents(), 2);
    /// // The same shard again counts Bob twice; another round does not merge.
    /// assert!(matches!(counts.merge(&shard), Err(ComparisonError::RespondentCountedTwice { .. })));
    /// let review = ProfileCounts::new(&aqua, "P", date, "review")?;
    /// assert!(matches!(counts.merge(&review), Err(ComparisonError::DifferentRound { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge(&mut self, other: &ProfileCounts) -> Result<(), ComparisonError> {
        if other.framework != self.framework
            || other.scale != self.scale
            || other.domains.iter().map(|d| &d.id).ne(self.domains.iter().map(|d| &d.id))
        {
            return Err(ComparisonError::DifferentFramework {
                expected: self.framework.clone(),
                found: other.framework.clone(),
            });
        }
        if (&other.partnership, other.date, &other.label, &other.organisation)
            != (&self.partnership, self.date, &self.label, &self.organisation)
        {
            return Err(ComparisonError::DifferentRound {
                expected: self.round(),
                found: other.round(),
            });
        }
        if let Some((name, organisation)) = self.seen.intersection(&other.seen).next() {
            return Err(ComparisonError::RespondentCountedTwice {
                respondent: format!("{name} ({organisation})"),
                round: self.round(),
            });
        }
        let respondents = self
            .respondents
            .checked_add(other.respondents)
            .filter(|n| *n <= MAX_RATINGS)
            .ok_or(ComparisonError::TooManyRatings)?;
        // Each domain's counts sum to its respondents, so every total is at
        // most the respondents just checked (2⁴⁸): this cannot saturate.
        for (total, counts) in self.counts.iter_mut().zip(&other.counts) {
            add_in_memory(total, counts);
        }
        self.respondents = respondents;
        self.seen.extend(other.seen.iter().cloned());
        Ok(())
    }

    /// The number of responses counted.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, ProfileCounts, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let mut counts = ProfileCounts::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline")?;
    ///
    /// assert_eq!(counts.respondents(), 0);
    /// counts.add(&Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build())?;
    ///
    /// assert_eq!(counts.respondents(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn respondents(&self) -> u64 {
        self.respondents
    }

    /// The framework's id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, ProfileCounts, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let mut counts = ProfileCounts::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline")?;
    ///
    /// assert_eq!(counts.framework(), "aqua-sif-2014");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn framework(&self) -> &str {
        &self.framework
    }

    /// The profile of the responses counted: every statistic of every domain,
    /// at O(levels) per domain.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, ProfileCounts, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let mut counts = ProfileCounts::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline")?;
    /// counts.add(&Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(2))?.build())?;
    ///
    /// counts.add(&Response::builder(&aqua, Respondent::new("Bob", "Council")?).score("culture", Score::Level(4))?.build())?;
    /// let profile = counts.profile();
    /// assert_eq!(profile.respondents(), 2);
    /// assert_eq!(profile.domain("culture").unwrap().median().map(|m| m.to_string()), Some("3".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn profile(&self) -> Profile {
        Profile::from_counts(self)
    }

    pub(crate) fn parts(&self) -> CountsParts<'_> {
        CountsParts {
            framework: &self.framework,
            partnership: &self.partnership,
            date: self.date,
            label: &self.label,
            organisation: self.organisation.as_deref(),
            respondents: self.respondents,
            scale: &self.scale,
            domains: &self.domains,
            counts: &self.counts,
        }
    }
}

/// A borrowed view of counts for building a profile.
pub(crate) struct CountsParts<'a> {
    pub(crate) framework: &'a str,
    pub(crate) partnership: &'a str,
    pub(crate) date: Date,
    pub(crate) label: &'a str,
    pub(crate) organisation: Option<&'a str>,
    pub(crate) respondents: u64,
    pub(crate) scale: &'a Scale,
    pub(crate) domains: &'a [DomainLabel],
    pub(crate) counts: &'a [Vec<u64>],
}

/// Adds one domain's counts into `total`. Callers keep every total at most
/// 2⁴⁸ (a round held in memory is far below it; a merge checks its
/// respondents first), so the additions cannot saturate.
fn add_in_memory(total: &mut [u64], counts: &[u64]) {
    for (t, c) in total.iter_mut().zip(counts) {
        *t = t.saturating_add(*c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::maturity::{Respondent, Score};

    #[test]
    fn shards_of_other_frameworks_and_bad_responses_are_rejected() {
        let aqua = Framework::builtin("aqua-sif-2014").unwrap();
        let scirocco = Framework::builtin("scirocco-b3").unwrap();
        let date = Date::new(2026, 1, 15).unwrap();
        let mut a = ProfileCounts::new(&aqua, "P", date, "r").unwrap();
        let s = ProfileCounts::new(&scirocco, "P", date, "r").unwrap();
        assert!(matches!(a.merge(&s), Err(ComparisonError::DifferentFramework { .. })));
        let chorley = Framework::builtin("aqua-sif-chorley").unwrap();
        let c = ProfileCounts::new(&chorley, "P", date, "r").unwrap();
        assert!(a.merge(&c).is_err());
        let other = Response::builder(&scirocco, Respondent::new("A", "B").unwrap()).build();
        assert!(matches!(a.add(&other), Err(AssessmentError::DifferentFramework { .. })));
        let ok = Response::builder(&aqua, Respondent::new("A", "B").unwrap())
            .score("culture", Score::NotApplicable)
            .unwrap()
            .build();
        a.add(&ok).unwrap();
        assert_eq!(a.respondents(), 1);
        let culture = a.profile();
        let culture = culture.domain("culture").unwrap();
        assert_eq!((culture.scored(), culture.not_applicable()), (0, 1));
        assert!(matches!(
            ProfileCounts::new(&aqua, "", date, "r"),
            Err(AssessmentError::EmptyText { .. })
        ));
    }

    /// The same respondent, however their name is spaced or cased, is
    /// counted once; counts of another round do not merge.
    #[test]
    fn counts_refuse_a_respondent_twice_and_another_round() {
        let aqua = Framework::builtin("aqua-sif-2014").unwrap();
        let date = Date::new(2026, 1, 15).unwrap();
        let response = |name: &str, org: &str| {
            Response::builder(&aqua, Respondent::new(name, org).unwrap())
                .score("culture", Score::Level(2))
                .unwrap()
                .build()
        };
        let mut counts = ProfileCounts::new(&aqua, "P", date, "r").unwrap();
        counts.add(&response("Ann  Lee", "NHS")).unwrap();
        for (name, org) in [("ann lee", "nhs"), ("ANN LEE ", " NHS")] {
            assert!(
                matches!(
                    counts.add(&response(name, org)),
                    Err(AssessmentError::DuplicateRespondent { .. })
                ),
                "{name}/{org}"
            );
        }
        assert_eq!(counts.respondents(), 1);
        for other in [
            ProfileCounts::new(&aqua, "Q", date, "r").unwrap(),
            ProfileCounts::new(&aqua, "P", Date::new(2026, 7, 15).unwrap(), "r").unwrap(),
            ProfileCounts::new(&aqua, "P", date, "review").unwrap(),
        ] {
            let err = counts.clone().merge(&other).unwrap_err();
            assert!(matches!(err, ComparisonError::DifferentRound { .. }), "{err:?}");
        }
        let mut more = ProfileCounts::new(&aqua, "P", date, "r").unwrap();
        more.add(&response("Bob", "Council")).unwrap();
        counts.merge(&more).unwrap();
        assert_eq!(counts.respondents(), 2);
    }

    #[test]
    fn merging_beyond_two_to_the_48_is_an_error_not_an_overflow() {
        let aqua = Framework::builtin("aqua-sif-2014").unwrap();
        let date = Date::new(2026, 1, 15).unwrap();
        let mut counts = ProfileCounts::new(&aqua, "P", date, "r").unwrap();
        for (name, level) in [("A", 2), ("B", 3)] {
            let response = Response::builder(&aqua, Respondent::new(name, "NHS").unwrap())
                .score("culture", Score::Level(level))
                .unwrap()
                .build();
            counts.add(&response).unwrap();
        }
        // Counted twice, the same respondents are refused.
        assert!(matches!(
            counts.merge(&counts.clone()),
            Err(ComparisonError::RespondentCountedTwice { .. })
        ));
        // Doubling by merging with itself, as counts without respondents:
        // 2^48 is the limit, and an error (never a panic or a wrap) comes
        // before any count could overflow.
        counts.seen.clear();
        let mut doublings = 0;
        while counts.merge(&counts.clone()).is_ok() {
            doublings += 1;
            assert!(doublings < 64, "merge never refused");
        }
        assert_eq!(doublings, 47);
        assert_eq!(counts.respondents(), 1 << 48);
        let before = counts.clone();
        assert_eq!(counts.merge(&before), Err(ComparisonError::TooManyRatings));
        assert_eq!(counts, before, "unchanged on error");
        let extra = Response::builder(&aqua, Respondent::new("C", "NHS").unwrap()).build();
        assert_eq!(counts.add(&extra), Err(AssessmentError::TooManyRatings));
        assert_eq!(counts, before, "unchanged on error");
        // The profile of the largest counts still has exact statistics.
        let profile = counts.profile();
        let culture = profile.domain("culture").unwrap();
        assert_eq!(culture.scored(), 1 << 48);
        assert!(culture.statistics().unwrap().rwg().is_some());
    }
}
