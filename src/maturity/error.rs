//! Error families of the maturity namespace.

/// What is wrong with a framework, its scale, a derivation or a built-in id.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{FrameworkError, Framework};
///
/// let err = Framework::builtin("no-such-framework").unwrap_err();
/// assert!(matches!(err, FrameworkError::UnknownBuiltin { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FrameworkError {
    /// A framework has no domains.
    #[error("framework {framework:?} has no domains")]
    NoDomains {
        /// The framework's id.
        framework: String,
    },
    /// A scale has fewer than two levels, so no agreement measure is defined.
    #[error("a scale needs at least two levels, found {levels}")]
    ScaleTooShort {
        /// How many levels the scale has.
        levels: usize,
    },
    /// A scale has more levels than the crate supports (100).
    #[error("a scale may have at most 100 levels, found {levels}")]
    ScaleTooLong {
        /// How many levels the scale has.
        levels: usize,
    },
    /// A level number appears twice in a scale.
    #[error("level {level} appears more than once in the scale")]
    DuplicateLevel {
        /// The repeated level.
        level: u8,
    },
    /// Scale levels are not consecutive ascending integers.
    #[error("the scale goes from level {previous} to level {next}; levels must ascend by one")]
    ScaleNotConsecutive {
        /// The level before the break.
        previous: u8,
        /// The level after the break.
        next: u8,
    },
    /// Two domains would be read from the same column heading: one's name
    /// or id is another's name or id, ignoring case and runs of spaces
    /// (a domain renamed `workforce` beside a domain with the id
    /// `workforce`, or "Ways of working" beside "ways of working").
    #[error("domains {first:?} and {second:?} are both called {name:?} (ignoring case and spaces)")]
    AmbiguousDomainName {
        /// The name or id, as the second domain gives it.
        name: String,
        /// The id of the first domain.
        first: String,
        /// The id of the second domain.
        second: String,
    },
    /// Two domains share an id, or a derivation's subset lists one domain
    /// twice (among those it keeps and removes).
    #[error("duplicate domain id {domain:?}")]
    DuplicateDomain {
        /// The repeated id.
        domain: String,
    },
    /// An id, name, question or descriptor text is empty or only white space.
    #[error("{item} is empty")]
    EmptyText {
        /// Which text, such as `name of domain "leadership"`.
        item: String,
    },
    /// A domain describes a level the scale does not have.
    #[error("domain {domain:?} has a descriptor for level {level}, which the scale lacks")]
    DescriptorOffScale {
        /// The domain's id.
        domain: String,
        /// The level described.
        level: u8,
    },
    /// A domain describes the same level twice.
    #[error("domain {domain:?} has more than one descriptor for level {level}")]
    DuplicateDescriptor {
        /// The domain's id.
        domain: String,
        /// The level described twice.
        level: u8,
    },
    /// A domain has no descriptor for a level of the scale.
    #[error("domain {domain:?} has no descriptor for level {level}")]
    MissingDescriptor {
        /// The domain's id.
        domain: String,
        /// The level without a descriptor.
        level: u8,
    },
    /// A descriptor's status contradicts its text (an unavailable descriptor
    /// with text, or a published one without).
    #[error("domain {domain:?} level {level}: {reason}")]
    InconsistentDescriptor {
        /// The domain's id.
        domain: String,
        /// The level described.
        level: u8,
        /// What contradicts what.
        reason: &'static str,
    },
    /// A derivation names a domain the framework does not have.
    #[error("framework {framework:?} has no domain {domain:?}")]
    UnknownDomain {
        /// The framework's id.
        framework: String,
        /// The domain asked for.
        domain: String,
    },
    /// A framework read from JSON has a domain that its recorded derivation
    /// removes, or does not keep, in a subset.
    #[error("framework {framework:?} has domain {domain:?}, which its derivation does not keep")]
    DomainNotKept {
        /// The derived framework's id.
        framework: String,
        /// The domain.
        domain: String,
    },
    /// A derivation rewords a guiding question that does not exist.
    #[error("domain {domain:?} has no guiding question number {number}")]
    UnknownQuestion {
        /// The domain's id.
        domain: String,
        /// The question number asked for, counted from 1.
        number: usize,
    },
    /// A derivation is replayed on a framework other than its parent.
    #[error("the derivation is from {expected:?}, not from {found:?}")]
    WrongParent {
        /// The parent the derivation records.
        expected: String,
        /// The framework it was applied to.
        found: String,
    },
    /// A derived framework was given its parent's id, so the two could be
    /// mistaken for each other (and responses on one accepted by the other).
    #[error("a derived framework needs an id of its own; {id:?} is its parent's")]
    SameIdAsParent {
        /// The id both would share.
        id: String,
    },
    /// A framework was given the id of a built-in framework (see
    /// [`BUILTIN_FRAMEWORKS`](super::BUILTIN_FRAMEWORKS)) that it is not:
    /// derived from one under another built-in's id (its grandparent's,
    /// say), or read from JSON under a built-in's id with other content.
    /// Rounds, comparisons and merges tell frameworks apart by id, so the
    /// two could be mistaken for each other.
    #[error("a derived framework needs an id of its own; {id:?} is a built-in framework's")]
    BuiltinId {
        /// The built-in framework's id.
        id: String,
    },
    /// No built-in framework has this id.
    #[error("no built-in framework {id:?}")]
    UnknownBuiltin {
        /// The id asked for.
        id: String,
    },
    /// A framework's JSON is malformed (syntax, missing or unknown fields).
    #[error("invalid framework json: {message}")]
    Json {
        /// The parser's message, with line and column.
        message: String,
    },
}

/// What is wrong with a response or an assessment round.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{AssessmentError, Framework, Respondent, Response, Score};
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let who = Respondent::new("A. Patel", "Chorley Council")?;
/// let err = Response::builder(&aqua, who).score("finance", Score::Level(3)).unwrap_err();
/// assert!(matches!(err, AssessmentError::UnknownDomain { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AssessmentError {
    /// A response scores a domain the framework does not have.
    #[error("{respondent} scored unknown domain {domain:?}")]
    UnknownDomain {
        /// Who gave the response.
        respondent: String,
        /// The domain id given.
        domain: String,
    },
    /// A score is not a level of the framework's scale.
    #[error("{respondent} scored domain {domain:?} at {level}, outside the scale {min}..={max}")]
    ScoreOffScale {
        /// Who gave the response.
        respondent: String,
        /// The domain scored.
        domain: String,
        /// The level given.
        level: u8,
        /// The lowest level of the scale.
        min: u8,
        /// The highest level of the scale.
        max: u8,
    },
    /// A response scores the same domain twice.
    #[error("{respondent} scored domain {domain:?} more than once")]
    DuplicateScore {
        /// Who gave the response.
        respondent: String,
        /// The domain scored twice.
        domain: String,
    },
    /// The same respondent (name and organisation) answered twice in one round.
    #[error("{respondent} responded more than once in round {round:?}")]
    DuplicateRespondent {
        /// The respondent, as `name (organisation)`.
        respondent: String,
        /// The round's label.
        round: String,
    },
    /// A response was made on a different framework from the round's.
    #[error("{respondent} responded on framework {found:?}, but the round uses {expected:?}")]
    DifferentFramework {
        /// Who gave the response.
        respondent: String,
        /// The round's framework id.
        expected: String,
        /// The response's framework id.
        found: String,
    },
    /// A round has no responses.
    #[error("round {round:?} has no responses")]
    EmptyRound {
        /// The round's label.
        round: String,
    },
    /// A name, organisation, partnership or label is empty.
    #[error("{item} is empty")]
    EmptyText {
        /// Which text, such as `respondent name`.
        item: String,
    },
    /// Counts per level were given for a different number of levels than
    /// the scale has.
    #[error("expected {expected} counts, one per level of the scale, found {found}")]
    CountsDoNotMatchScale {
        /// The number of levels of the scale.
        expected: usize,
        /// The number of counts given.
        found: usize,
    },
    /// More ratings than exact sums of squares support (2⁴⁸ per domain).
    #[error("too many ratings for exact statistics (at most 2^48 per domain)")]
    TooManyRatings,
    /// A percentile was asked for outside 0 to 100, or so finely that the
    /// exact interpolation would overflow.
    #[error("percentile {percent} is not a number from 0 to 100 that can be computed exactly")]
    InvalidPercentile {
        /// The percentile asked for.
        percent: rust_decimal::Decimal,
    },
    /// A CSV file of responses could not be read, or a profile could not be
    /// written as CSV.
    #[error(
        "csv{}{}: {message}",
        row.map(|r| format!(" row {r}")).unwrap_or_default(),
        column.as_ref().map(|c| format!(", column {c}")).unwrap_or_default()
    )]
    Csv {
        /// The file's line number (the header is line 1), where known.
        row: Option<u64>,
        /// The column's header, where the problem is in one column.
        column: Option<String>,
        /// What was wrong.
        message: String,
    },
    /// A round's JSON is malformed.
    #[error("invalid assessment json: {message}")]
    Json {
        /// The parser's message, with line and column.
        message: String,
    },
}

/// What prevents two profiles, a profile and a target, or a set of profiles
/// from being compared.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::ComparisonError;
///
/// let err = ComparisonError::DifferentFramework { expected: "aqua-sif-2014".into(), found: "scirocco-b3".into() };
/// assert_eq!(err.to_string(), "cannot compare framework \"aqua-sif-2014\" with framework \"scirocco-b3\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ComparisonError {
    /// The two sides use different frameworks.
    #[error("cannot compare framework {expected:?} with framework {found:?}")]
    DifferentFramework {
        /// The first side's framework id.
        expected: String,
        /// The other side's framework id.
        found: String,
    },
    /// The two sides are profiles of different partnerships.
    #[error("cannot compare partnership {expected:?} with partnership {found:?}")]
    DifferentPartnership {
        /// The first side's partnership.
        expected: String,
        /// The other side's partnership.
        found: String,
    },
    /// Counts of two different rounds (another partnership, date, label or
    /// organisation) were merged.
    #[error("cannot merge counts of {found} into counts of {expected}")]
    DifferentRound {
        /// The round counted into, as `partnership, label (date)`.
        expected: String,
        /// The other round, likewise.
        found: String,
    },
    /// Merged counts both count one respondent (a shard merged twice, or
    /// counts merged with themselves).
    #[error("{respondent} is counted on both sides of a merge of round {round}")]
    RespondentCountedTwice {
        /// The respondent, as `name (organisation)`, folded as duplicates
        /// are matched (lower case, single spaces).
        respondent: String,
        /// The round, as `partnership, label (date)`.
        round: String,
    },
    /// The two sides cover different respondents: one organisation's profile
    /// and the whole partnership's, or two different organisations'.
    #[error("cannot compare {} with {}", scope(expected.as_deref()), scope(found.as_deref()))]
    DifferentOrganisation {
        /// The first side's organisation; `None` for the whole partnership.
        expected: Option<String>,
        /// The other side's organisation; `None` for the whole partnership.
        found: Option<String>,
    },
    /// Two profiles of a benchmark would have the same name: the same
    /// partnership (and organisation) and round label, such as one profile
    /// given twice.
    #[error("two profiles would both be named {name:?}")]
    DuplicateName {
        /// The name they share.
        name: String,
    },
    /// An agreement policy's threshold is out of its measure's range (or
    /// not a number), so that every domain would be judged the same way
    /// whatever its ratings.
    #[error("agreement policy \"{policy}\" cannot be used: {reason}")]
    InvalidAgreementPolicy {
        /// The policy, in words.
        policy: String,
        /// What is wrong with its threshold.
        reason: &'static str,
    },
    /// Nothing was given to compare.
    #[error("no profiles to compare")]
    NothingToCompare,
    /// A target names a domain the framework does not have.
    #[error("framework {framework:?} has no domain {domain:?}")]
    UnknownDomain {
        /// The framework's id.
        framework: String,
        /// The domain asked for.
        domain: String,
    },
    /// A target requires the same domain twice.
    #[error("the target requires domain {domain:?} more than once")]
    DuplicateRequirement {
        /// The domain required twice.
        domain: String,
    },
    /// A target requires a level the scale lacks.
    #[error(
        "the target requires level {level} in domain {domain:?}, outside the scale {min}..={max}"
    )]
    RequirementOffScale {
        /// The domain.
        domain: String,
        /// The level required.
        level: u8,
        /// The lowest level of the scale.
        min: u8,
        /// The highest level of the scale.
        max: u8,
    },
    /// A target or chart label is empty.
    #[error("{item} is empty")]
    EmptyText {
        /// Which text.
        item: String,
    },
    /// A target's JSON is malformed.
    #[error("invalid target json: {message}")]
    Json {
        /// The parser's message, with line and column.
        message: String,
    },
    /// The next round's due date is outside the supported calendar.
    #[error("the next round, {months} months after {from}, is outside the supported dates")]
    DueDateOutOfRange {
        /// The date of the later round.
        from: crate::Date,
        /// The interval in months.
        months: u16,
    },
    /// Merged counts would hold more ratings than exact statistics support
    /// (2⁴⁸ per domain).
    #[error("too many ratings for exact statistics (at most 2^48 per domain)")]
    TooManyRatings,
    /// The later round is dated before the earlier one.
    #[error("round {later:?} ({later_date}) is dated before round {earlier:?} ({earlier_date})")]
    RoundsOutOfOrder {
        /// The earlier round's label.
        earlier: String,
        /// Its date.
        earlier_date: crate::Date,
        /// The later round's label.
        later: String,
        /// Its date.
        later_date: crate::Date,
    },
    /// An agreement policy was used on a scale it is not defined for, such as
    /// fixed thirds on a scale whose number of levels is not a multiple of
    /// three, or the IPRAS rule off its 1–9 scale.
    #[error("agreement policy \"{policy}\" cannot be used on the scale {min}..={max}: {reason}")]
    PolicyNotForScale {
        /// The policy, in words.
        policy: String,
        /// The lowest level of the scale.
        min: u8,
        /// The highest level of the scale.
        max: u8,
        /// Why the policy does not apply.
        reason: String,
    },
    /// A maturity band is malformed: an empty label, an end above the
    /// other, an empty range, or two bands that overlap.
    #[error("maturity band {label:?} cannot be used: {reason}")]
    InvalidBand {
        /// The band's label.
        label: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A classification has no bands.
    #[error("a classification needs at least one band")]
    NoBands,
    /// A median falls in none of a classification's bands.
    #[error("median {median} of domain {domain:?} falls in none of the bands {bands}")]
    MedianOutsideBands {
        /// The domain.
        domain: String,
        /// Its median.
        median: rust_decimal::Decimal,
        /// The bands, in words.
        bands: String,
    },
    /// A sum score lists a domain twice, or scores it twice.
    #[error("domain {domain:?} appears more than once in the sum score")]
    DuplicateSumDomain {
        /// The repeated domain.
        domain: String,
    },
    /// A domain of a sum score has no score (or, for a sum of medians, no
    /// ratings).
    #[error("domain {domain:?} of the sum score has no score")]
    MissingSumScore {
        /// The domain.
        domain: String,
    },
    /// A score is given for a domain outside the sum score's domains.
    #[error("domain {domain:?} is scored but is not one of the sum score's domains")]
    NotInSum {
        /// The domain.
        domain: String,
    },
    /// A sum score's input is outside the scale.
    #[error("domain {domain:?} scored {level}, outside the scale {min}..={max}")]
    SumScoreOffScale {
        /// The domain.
        domain: String,
        /// The score given.
        level: u8,
        /// The lowest level of the scale.
        min: u8,
        /// The highest level of the scale.
        max: u8,
    },
}

/// Whose profile a side of a comparison is, in words.
fn scope(organisation: Option<&str>) -> String {
    match organisation {
        Some(organisation) => format!("the profile of organisation {organisation:?}"),
        None => "the profile of the whole partnership".to_owned(),
    }
}
