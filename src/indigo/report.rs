//! How an import treats faulty entries, and what it says about them.

use std::fmt;

use super::IndigoError;

/// How reading and importing an INDIGO document treat entries that cannot
/// be used.
///
/// Real documents mix valid and faulty entries (a duplicated metric id, a
/// currency written as a name, an amount written as text). The default,
/// [`Partial`](ImportPolicy::Partial), keeps every entry that is valid on
/// its own and lists every problem; [`Strict`](ImportPolicy::Strict)
/// refuses the document at its first problem.
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::{ImportPolicy, IndigoProject};
///
/// let doc = r#"{"outcome_metrics": [{"id": "m1"}, {"id": 7}]}"#;
/// let partial = IndigoProject::from_json(doc)?; // ImportPolicy::Partial
/// assert_eq!(partial.metrics().len(), 1);
/// assert_eq!(partial.problems()[0].path(), "/outcome_metrics/1/id");
///
/// let strict = IndigoProject::from_json_with(doc, ImportPolicy::Strict);
/// assert_eq!(strict.unwrap_err().path(), "/outcome_metrics/1/id");
/// assert_eq!(ImportPolicy::default(), ImportPolicy::Partial);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ImportPolicy {
    /// Keep every entry that is valid on its own, leave out the others,
    /// and report every problem (an entry that depends on a left-out one
    /// is left out and reported too). An entry is used whole or not at
    /// all: a pricing whose maximum price is unreadable is left out, since
    /// its price without its cap would pay more than the contract allows.
    #[default]
    Partial,
    /// Refuse the document at its first problem, returned as the error.
    Strict,
}

/// Problems found so far, under a policy: a partial import collects them,
/// a strict one stops at the first.
#[derive(Debug)]
pub(crate) struct Problems {
    policy: ImportPolicy,
    list: Vec<IndigoError>,
}

impl Problems {
    pub(crate) fn new(policy: ImportPolicy) -> Problems {
        Problems { policy, list: Vec::new() }
    }

    /// Records a problem.
    ///
    /// # Errors
    ///
    /// The problem itself under [`ImportPolicy::Strict`].
    pub(crate) fn report(&mut self, problem: IndigoError) -> Result<(), IndigoError> {
        match self.policy {
            ImportPolicy::Strict => Err(problem),
            ImportPolicy::Partial => {
                self.list.push(problem);
                Ok(())
            }
        }
    }

    /// Records every problem of one entry, in order.
    pub(crate) fn report_all(&mut self, problems: Vec<IndigoError>) -> Result<(), IndigoError> {
        problems.into_iter().try_for_each(|p| self.report(p))
    }

    /// The problems in document order (by path, indices compared as numbers).
    pub(crate) fn into_sorted(mut self) -> Vec<IndigoError> {
        sort_by_path(&mut self.list);
        self.list
    }
}

/// The standard's order of the sections the crate reads.
const SECTIONS: [&str; 3] = ["outcome_metrics", "outcome_pricings", "outcome_payment_commitments"];

/// Sorts problems into document order: by section in the standard's order,
/// then by path with array indices compared as numbers; stable, so the
/// problems of one value keep the order they were found in.
pub(crate) fn sort_by_path(problems: &mut [IndigoError]) {
    problems.sort_by_cached_key(|p| {
        let mut segments = p.path().split('/').skip(1);
        let section = segments.next().unwrap_or("");
        let rank = SECTIONS.iter().position(|s| *s == section).unwrap_or(SECTIONS.len());
        let rest: Vec<(u64, String)> = segments
            .map(|s| s.parse::<u64>().map_or((u64::MAX, s.to_owned()), |n| (n, String::new())))
            .collect();
        (rank, section.to_owned(), rest)
    });
}

/// How many entries of one section of a document there were, how many
/// were imported, and how many were refused for a problem; the rest lack
/// something an import needs (see [`Gap`](super::Gap)).
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::IndigoProject;
///
/// let import = IndigoProject::from_json(r#"{"outcome_metrics": [
///   {"id": "a", "definition": {"value": "Entry into employment"},
///    "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"}},
///   {"id": "b", "definition": {"value": "Improved wellbeing"}},
///   {"id": 3}
/// ]}"#)?.import()?;
/// let metrics = import.summary().metrics();
/// assert_eq!((metrics.total(), metrics.imported(), metrics.refused(), metrics.incomplete()), (3, 1, 1, 1));
/// assert_eq!(metrics.to_string(), "1 of 3 (1 refused, 1 incomplete)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct EntryCounts {
    total: usize,
    imported: usize,
    refused: usize,
}

impl EntryCounts {
    pub(crate) fn new(total: usize, imported: usize, refused: usize) -> EntryCounts {
        EntryCounts { total, imported, refused }
    }

    /// Entries in the document's section (0 if the section is absent or
    /// not an array).
    #[must_use]
    pub fn total(&self) -> usize {
        self.total
    }

    /// Entries imported.
    #[must_use]
    pub fn imported(&self) -> usize {
        self.imported
    }

    /// Entries left out for a problem (each listed among the problems).
    #[must_use]
    pub fn refused(&self) -> usize {
        self.refused
    }

    /// Entries left out because they lack something the import needs
    /// (each listed among the gaps).
    #[must_use]
    pub fn incomplete(&self) -> usize {
        self.total.saturating_sub(self.imported).saturating_sub(self.refused)
    }
}

impl EntryCounts {
    /// `2 of 5 NOUN (2 refused, 1 incomplete)`; the bracket only when
    /// something was left out.
    fn write(&self, f: &mut fmt::Formatter<'_>, noun: &str) -> fmt::Result {
        write!(f, "{} of {}{noun}", self.imported, self.total)?;
        match (self.refused, self.incomplete()) {
            (0, 0) => Ok(()),
            (r, 0) => write!(f, " ({r} refused)"),
            (0, i) => write!(f, " ({i} incomplete)"),
            (r, i) => write!(f, " ({r} refused, {i} incomplete)"),
        }
    }
}

impl fmt::Display for EntryCounts {
    /// `2 of 5 (2 refused, 1 incomplete)`; the bracket only when something
    /// was left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, "")
    }
}

/// What an import took from a document and what it left out, in counts:
/// one line per project.
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::IndigoProject;
///
/// let import = IndigoProject::from_json(r#"{
///   "id": "INDIGO-POJ-0000",
///   "outcome_metrics": [{"id": "a", "definition": {"value": "Entry into employment"}}, {"id": "a"}],
///   "outcome_pricings": [{"outcome_metric_id": {"value": "a"}, "currency": {"value": "GBP"},
///                         "price_per_unit": {"amount": {"value": 500}}}]
/// }"#)?.import()?;
/// assert_eq!(
///     import.summary().to_string(),
///     "INDIGO-POJ-0000: imported 0 of 2 outcome metrics (2 refused), 0 of 1 outcome pricings \
///      (1 refused), 0 of 0 outcome payment commitments; 3 problems, 0 gaps"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ImportSummary {
    project: Option<String>,
    metrics: EntryCounts,
    pricings: EntryCounts,
    commitments: EntryCounts,
    problems: usize,
    gaps: usize,
}

impl ImportSummary {
    pub(crate) fn new(
        project: Option<String>,
        [metrics, pricings, commitments]: [EntryCounts; 3],
        problems: usize,
        gaps: usize,
    ) -> ImportSummary {
        ImportSummary { project, metrics, pricings, commitments, problems, gaps }
    }

    /// The project's INDIGO id, if the document gives one.
    #[must_use]
    pub fn project(&self) -> Option<&str> {
        self.project.as_deref()
    }

    /// The `outcome_metrics` imported as [`Metric`](crate::outcomes::Metric)s.
    #[must_use]
    pub fn metrics(&self) -> EntryCounts {
        self.metrics
    }

    /// The `outcome_pricings` imported as rate-card outcomes.
    #[must_use]
    pub fn pricings(&self) -> EntryCounts {
        self.pricings
    }

    /// The `outcome_payment_commitments` imported as payer maximums.
    #[must_use]
    pub fn commitments(&self) -> EntryCounts {
        self.commitments
    }

    /// How many problems were reported (an entry may have several).
    #[must_use]
    pub fn problems(&self) -> usize {
        self.problems
    }

    /// How many gaps were reported.
    #[must_use]
    pub fn gaps(&self) -> usize {
        self.gaps
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        write!(f, "{}: imported ", self.project.as_deref().unwrap_or("(project without an id)"))?;
        self.metrics.write(f, " outcome metrics")?;
        f.write_str(", ")?;
        self.pricings.write(f, " outcome pricings")?;
        f.write_str(", ")?;
        self.commitments.write(f, " outcome payment commitments")?;
        write!(
            f,
            "; {} problem{}, {} gap{}",
            self.problems,
            plural(self.problems),
            self.gaps,
            plural(self.gaps)
        )
    }
}
