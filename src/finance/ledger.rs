//! The whole-system cost ledger: spend across the NHS and social care.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::{Currency, Date, Money, Rate, RoundingPolicy};

use super::LedgerError;

fn non_blank(
    field: &'static str,
    value: String,
    context: Option<&str>,
) -> Result<String, LedgerError> {
    if value.trim().is_empty() {
        return Err(LedgerError::BlankField { field, context: context.map(str::to_owned) });
    }
    Ok(value)
}

/// What kind of organisation a partner is.
///
/// ```
/// use integration_outcomes::finance::PartnerKind;
/// assert_eq!(PartnerKind::NhsBoard.to_string(), "NHS board");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PartnerKind {
    /// An NHS board (Scotland) or other NHS body.
    NhsBoard,
    /// A local authority (a council and its social services).
    LocalAuthority,
    /// Any other partner (a housing association, the third sector).
    Other,
}

impl fmt::Display for PartnerKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PartnerKind::NhsBoard => "NHS board",
            PartnerKind::LocalAuthority => "local authority",
            PartnerKind::Other => "other partner",
        })
    }
}

/// A partner organisation in the ledger: a short id used on records, a name
/// and its kind.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{Partner, PartnerKind};
/// let dundee = Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?;
/// assert_eq!(dundee.id(), "dundee");
/// assert!(Partner::new(" ", "Nobody", PartnerKind::Other).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "PartnerRepr", into = "PartnerRepr")]
pub struct Partner {
    id: String,
    name: String,
    kind: PartnerKind,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnerRepr {
    id: String,
    name: String,
    kind: PartnerKind,
}

impl TryFrom<PartnerRepr> for Partner {
    type Error = LedgerError;
    fn try_from(r: PartnerRepr) -> Result<Self, Self::Error> {
        Partner::new(r.id, r.name, r.kind)
    }
}

impl From<Partner> for PartnerRepr {
    fn from(p: Partner) -> Self {
        PartnerRepr { id: p.id, name: p.name, kind: p.kind }
    }
}

impl Partner {
    /// A partner with a short `id` (used on records), a `name` and a `kind`.
    ///
    /// # Errors
    ///
    /// [`LedgerError::BlankField`] if the id or name is blank.
    ///
    /// ```
    /// use integration_outcomes::finance::{LedgerError, Partner, PartnerKind};
    /// let tayside = Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?;
    /// assert_eq!(tayside.name(), "NHS Tayside");
    /// assert!(matches!(
    ///     Partner::new("angus", "", PartnerKind::LocalAuthority),
    ///     Err(LedgerError::BlankField { .. })
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        kind: PartnerKind,
    ) -> Result<Partner, LedgerError> {
        let id = non_blank("partner id", id.into(), None)?;
        let name = non_blank("partner name", name.into(), Some(&id))?;
        Ok(Partner { id, name, kind })
    }

    /// The short id records use.
    ///
    /// ```
    /// use integration_outcomes::finance::{Partner, PartnerKind};
    /// let dundee = Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?;
    /// assert_eq!(dundee.id(), "dundee");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The organisation's name.
    ///
    /// ```
    /// use integration_outcomes::finance::{Partner, PartnerKind};
    /// let dundee = Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?;
    /// assert_eq!(dundee.name(), "Dundee City Council");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The kind of organisation.
    ///
    /// ```
    /// use integration_outcomes::finance::{Partner, PartnerKind};
    /// let dundee = Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?;
    /// assert_eq!(dundee.kind(), PartnerKind::LocalAuthority);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn kind(&self) -> PartnerKind {
        self.kind
    }
}

/// Which part of the system spent the money.
///
/// ```
/// use integration_outcomes::finance::Sector;
/// assert_eq!(Sector::SocialCare.to_string(), "social care");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// NHS health care (acute, community, primary care, prescribing).
    Health,
    /// Social care (care homes, care at home, day care).
    SocialCare,
    /// Anything else (housing, voluntary sector).
    Other,
}

impl fmt::Display for Sector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Sector::Health => "health",
            Sector::SocialCare => "social care",
            Sector::Other => "other",
        })
    }
}

/// Whom a spend record is about: one person (a pseudonymous id) or a
/// population segment ("75–84", "care home residents").
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::Subject;
/// assert_eq!(Subject::segment("85+")?.to_string(), "segment 85+");
/// assert!(Subject::person("").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "SubjectRepr", into = "SubjectRepr")]
pub enum Subject {
    /// One person, by a pseudonymous id.
    Person(String),
    /// A population segment.
    Segment(String),
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum SubjectRepr {
    Person(String),
    Segment(String),
}

impl TryFrom<SubjectRepr> for Subject {
    type Error = LedgerError;
    fn try_from(r: SubjectRepr) -> Result<Self, Self::Error> {
        match r {
            SubjectRepr::Person(p) => Subject::person(p),
            SubjectRepr::Segment(s) => Subject::segment(s),
        }
    }
}

impl From<Subject> for SubjectRepr {
    fn from(s: Subject) -> Self {
        match s {
            Subject::Person(p) => SubjectRepr::Person(p),
            Subject::Segment(s) => SubjectRepr::Segment(s),
        }
    }
}

impl Subject {
    /// One person.
    ///
    /// # Errors
    ///
    /// [`LedgerError::BlankField`] if the id is blank.
    ///
    /// ```
    /// use integration_outcomes::finance::Subject;
    /// let person = Subject::person("p-0042")?;
    /// assert_eq!(person, Subject::Person("p-0042".into()));
    /// assert_eq!(person.to_string(), "person p-0042");
    /// assert!(Subject::person("  ").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn person(id: impl Into<String>) -> Result<Subject, LedgerError> {
        Ok(Subject::Person(non_blank("person id", id.into(), None)?))
    }

    /// A population segment.
    ///
    /// # Errors
    ///
    /// [`LedgerError::BlankField`] if the name is blank.
    ///
    /// ```
    /// use integration_outcomes::finance::Subject;
    /// let segment = Subject::segment("care home residents")?;
    /// assert_eq!(segment, Subject::Segment("care home residents".into()));
    /// assert!(Subject::segment("").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn segment(name: impl Into<String>) -> Result<Subject, LedgerError> {
        Ok(Subject::Segment(non_blank("segment", name.into(), None)?))
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Person(p) => write!(f, "person {p}"),
            Subject::Segment(s) => write!(f, "segment {s}"),
        }
    }
}

/// A reporting period: first and last day, both included (a financial year
/// 2011/12 is 1 April 2011 to 31 March 2012).
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::ReportingPeriod;
/// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
/// let next = ReportingPeriod::new("2012-04-01".parse()?, "2013-03-31".parse()?)?;
/// assert!(!year.overlaps(&next));
/// assert_eq!(year.to_string(), "2011-04-01 to 2012-03-31");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "ReportingPeriodRepr", into = "ReportingPeriodRepr")]
pub struct ReportingPeriod {
    start: Date,
    end: Date,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportingPeriodRepr {
    #[serde(with = "crate::civil_date")]
    start: Date,
    #[serde(with = "crate::civil_date")]
    end: Date,
}

impl TryFrom<ReportingPeriodRepr> for ReportingPeriod {
    type Error = LedgerError;
    fn try_from(r: ReportingPeriodRepr) -> Result<Self, Self::Error> {
        ReportingPeriod::new(r.start, r.end)
    }
}

impl From<ReportingPeriod> for ReportingPeriodRepr {
    fn from(p: ReportingPeriod) -> Self {
        ReportingPeriodRepr { start: p.start, end: p.end }
    }
}

impl ReportingPeriod {
    /// The days from `start` to `end`, both included.
    ///
    /// # Errors
    ///
    /// [`LedgerError::InvalidPeriod`] if `end` is before `start`.
    ///
    /// ```
    /// use integration_outcomes::finance::{LedgerError, ReportingPeriod};
    /// let one_day = ReportingPeriod::new("2012-03-31".parse()?, "2012-03-31".parse()?)?;
    /// assert_eq!(one_day.start(), one_day.end());
    /// assert!(matches!(
    ///     ReportingPeriod::new("2012-03-31".parse()?, "2011-04-01".parse()?),
    ///     Err(LedgerError::InvalidPeriod { .. })
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(start: Date, end: Date) -> Result<ReportingPeriod, LedgerError> {
        if end < start {
            return Err(LedgerError::InvalidPeriod { start, end });
        }
        Ok(ReportingPeriod { start, end })
    }

    /// The first day.
    ///
    /// ```
    /// use integration_outcomes::finance::ReportingPeriod;
    /// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// assert_eq!(year.start().to_string(), "2011-04-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn start(&self) -> Date {
        self.start
    }

    /// The last day (included).
    ///
    /// ```
    /// use integration_outcomes::finance::ReportingPeriod;
    /// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// assert_eq!(year.end().to_string(), "2012-03-31");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn end(&self) -> Date {
        self.end
    }

    /// Whether the two periods share at least one day.
    ///
    /// ```
    /// use integration_outcomes::finance::ReportingPeriod;
    /// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// let quarter = ReportingPeriod::new("2012-01-01".parse()?, "2012-03-31".parse()?)?;
    /// let next_year = ReportingPeriod::new("2012-04-01".parse()?, "2013-03-31".parse()?)?;
    /// assert!(year.overlaps(&quarter));
    /// assert!(!year.overlaps(&next_year));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn overlaps(&self, other: &ReportingPeriod) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

impl fmt::Display for ReportingPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} to {}", self.start, self.end)
    }
}

/// Where spend is booked: a partner (by id), a sector and a service.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{CostCentre, Sector};
/// let centre = CostCentre::new("nhs-tayside", Sector::Health, "acute inpatient")?;
/// assert_eq!(centre.partner(), "nhs-tayside");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(try_from = "CostCentreRepr", into = "CostCentreRepr")]
pub struct CostCentre {
    partner: String,
    sector: Sector,
    service: String,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CostCentreRepr {
    partner: String,
    sector: Sector,
    service: String,
}

impl TryFrom<CostCentreRepr> for CostCentre {
    type Error = LedgerError;
    fn try_from(r: CostCentreRepr) -> Result<Self, Self::Error> {
        CostCentre::new(r.partner, r.sector, r.service)
    }
}

impl From<CostCentre> for CostCentreRepr {
    fn from(c: CostCentre) -> Self {
        CostCentreRepr { partner: c.partner, sector: c.sector, service: c.service }
    }
}

impl CostCentre {
    /// Spend by `partner` (its id) in `sector` on `service`.
    ///
    /// # Errors
    ///
    /// [`LedgerError::BlankField`] if the partner id or service is blank.
    ///
    /// ```
    /// use integration_outcomes::finance::{CostCentre, Sector};
    /// let centre = CostCentre::new("angus", Sector::SocialCare, "home care")?;
    /// assert_eq!(centre.service(), "home care");
    /// assert!(CostCentre::new("angus", Sector::SocialCare, " ").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        partner: impl Into<String>,
        sector: Sector,
        service: impl Into<String>,
    ) -> Result<CostCentre, LedgerError> {
        let partner = non_blank("partner id", partner.into(), None)?;
        let service = non_blank("service", service.into(), Some(&partner))?;
        Ok(CostCentre { partner, sector, service })
    }

    /// The partner's id.
    ///
    /// ```
    /// use integration_outcomes::finance::{CostCentre, Sector};
    /// let centre = CostCentre::new("nhs-tayside", Sector::Health, "acute inpatient")?;
    /// assert_eq!(centre.partner(), "nhs-tayside");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn partner(&self) -> &str {
        &self.partner
    }

    /// The sector.
    ///
    /// ```
    /// use integration_outcomes::finance::{CostCentre, Sector};
    /// let centre = CostCentre::new("nhs-tayside", Sector::Health, "acute inpatient")?;
    /// assert_eq!(centre.sector(), Sector::Health);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn sector(&self) -> Sector {
        self.sector
    }

    /// The service.
    ///
    /// ```
    /// use integration_outcomes::finance::{CostCentre, Sector};
    /// let centre = CostCentre::new("nhs-tayside", Sector::Health, "acute inpatient")?;
    /// assert_eq!(centre.service(), "acute inpatient");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn service(&self) -> &str {
        &self.service
    }
}

/// One line of spend: a reference (the source line, invoice or extract row),
/// whom it is about, where it is booked, the period and the amount.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{CostCentre, ReportingPeriod, Sector, SpendRecord, Subject};
/// let record = SpendRecord::new(
///     "NHS-0001",
///     Subject::segment("75-84")?,
///     CostCentre::new("nhs-tayside", Sector::Health, "acute inpatient")?,
///     ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?,
///     "GBP 1250000".parse()?,
/// )?;
/// assert_eq!(record.reference(), "NHS-0001");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "SpendRecordRepr", into = "SpendRecordRepr")]
pub struct SpendRecord {
    reference: String,
    subject: Subject,
    centre: CostCentre,
    period: ReportingPeriod,
    amount: Money,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SpendRecordRepr {
    reference: String,
    subject: Subject,
    cost_centre: CostCentre,
    period: ReportingPeriod,
    amount: Money,
}

impl TryFrom<SpendRecordRepr> for SpendRecord {
    type Error = LedgerError;
    fn try_from(r: SpendRecordRepr) -> Result<Self, Self::Error> {
        SpendRecord::new(r.reference, r.subject, r.cost_centre, r.period, r.amount)
    }
}

impl From<SpendRecord> for SpendRecordRepr {
    fn from(r: SpendRecord) -> Self {
        SpendRecordRepr {
            reference: r.reference,
            subject: r.subject,
            cost_centre: r.centre,
            period: r.period,
            amount: r.amount,
        }
    }
}

impl SpendRecord {
    /// A record of `amount` spent on `subject` at `centre` in `period`.
    /// Whether a negative amount (a credit, a correction) is allowed is the
    /// ledger's [`NegativeSpend`] policy.
    ///
    /// # Errors
    ///
    /// [`LedgerError::BlankField`] if the reference is blank.
    ///
    /// ```
    /// use integration_outcomes::finance::{CostCentre, ReportingPeriod, Sector, SpendRecord, Subject};
    /// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// let centre = CostCentre::new("angus", Sector::SocialCare, "home care")?;
    /// // A credit is a valid record; whether a ledger takes it is its policy.
    /// let credit = SpendRecord::new("A-17", Subject::person("p-0042")?, centre.clone(), year, "GBP -40".parse()?)?;
    /// assert!(credit.amount().is_negative());
    /// assert!(SpendRecord::new("", Subject::person("p-0042")?, centre, year, "GBP 40".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        reference: impl Into<String>,
        subject: Subject,
        centre: CostCentre,
        period: ReportingPeriod,
        amount: Money,
    ) -> Result<SpendRecord, LedgerError> {
        let reference = non_blank("reference", reference.into(), None)?;
        Ok(SpendRecord { reference, subject, centre, period, amount })
    }

    /// The record's reference.
    ///
    /// ```
    /// use integration_outcomes::finance::{CostCentre, ReportingPeriod, Sector, SpendRecord, Subject};
    /// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// let centre = CostCentre::new("nhs-tayside", Sector::Health, "acute inpatient")?;
    /// let record = SpendRecord::new("NHS-0001", Subject::segment("75-84")?, centre, year, "GBP 1250000".parse()?)?;
    /// assert_eq!(record.reference(), "NHS-0001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reference(&self) -> &str {
        &self.reference
    }

    /// Whom it is about.
    ///
    /// ```
    /// use integration_outcomes::finance::{CostCentre, ReportingPeriod, Sector, SpendRecord, Subject};
    /// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// let centre = CostCentre::new("nhs-tayside", Sector::Health, "acute inpatient")?;
    /// let record = SpendRecord::new("NHS-0001", Subject::segment("75-84")?, centre, year, "GBP 1250000".parse()?)?;
    /// assert_eq!(record.subject(), &Subject::segment("75-84")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn subject(&self) -> &Subject {
        &self.subject
    }

    /// Where it is booked.
    ///
    /// ```
    /// use integration_outcomes::finance::{CostCentre, ReportingPeriod, Sector, SpendRecord, Subject};
    /// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// let centre = CostCentre::new("nhs-tayside", Sector::Health, "acute inpatient")?;
    /// let record = SpendRecord::new("NHS-0001", Subject::segment("75-84")?, centre, year, "GBP 1250000".parse()?)?;
    /// assert_eq!(record.cost_centre().sector(), Sector::Health);
    /// assert_eq!(record.cost_centre().service(), "acute inpatient");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn cost_centre(&self) -> &CostCentre {
        &self.centre
    }

    /// The period.
    ///
    /// ```
    /// use integration_outcomes::finance::{CostCentre, ReportingPeriod, Sector, SpendRecord, Subject};
    /// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// let centre = CostCentre::new("nhs-tayside", Sector::Health, "acute inpatient")?;
    /// let record = SpendRecord::new("NHS-0001", Subject::segment("75-84")?, centre, year, "GBP 1250000".parse()?)?;
    /// assert_eq!(record.period(), year);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn period(&self) -> ReportingPeriod {
        self.period
    }

    /// The amount (negative for a credit, if the ledger allows it).
    ///
    /// ```
    /// use integration_outcomes::finance::{CostCentre, ReportingPeriod, Sector, SpendRecord, Subject};
    /// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// let centre = CostCentre::new("nhs-tayside", Sector::Health, "acute inpatient")?;
    /// let record = SpendRecord::new("NHS-0001", Subject::segment("75-84")?, centre, year, "GBP 1250000".parse()?)?;
    /// assert_eq!(record.amount().to_string(), "GBP 1,250,000.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn amount(&self) -> Money {
        self.amount
    }
}

/// Whether a ledger accepts negative spend (credits, corrections).
///
/// ```
/// use integration_outcomes::finance::{
///     CostCentre, CostLedger, LedgerError, NegativeSpend, Partner, PartnerKind, ReportingPeriod,
///     Sector, Selection, SpendRecord, Subject,
/// };
/// use integration_outcomes::Currency;
///
/// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
/// let record = |reference: &str, amount: &str| -> Result<SpendRecord, Box<dyn std::error::Error>> {
///     let centre = CostCentre::new("angus", Sector::SocialCare, "home care")?;
///     Ok(SpendRecord::new(reference, Subject::segment("75-84")?, centre, year, amount.parse()?)?)
/// };
/// let ledger = |policy| {
///     CostLedger::new(Currency::GBP, [Partner::new("angus", "Angus Council", PartnerKind::LocalAuthority)?], policy)
/// };
///
/// let mut strict = ledger(NegativeSpend::Reject)?;
/// let err = strict.add(record("R1", "GBP -250")?).unwrap_err();
/// assert!(matches!(err, LedgerError::NegativeSpend { .. }));
///
/// let mut with_credits = ledger(NegativeSpend::AllowCredits)?;
/// with_credits.add(record("R1", "GBP 1000")?)?;
/// with_credits.add(record("R2", "GBP -250")?)?;
/// assert_eq!(with_credits.total(&Selection::all())?.to_string(), "GBP 750.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NegativeSpend {
    /// A negative amount is an error naming the record.
    Reject,
    /// Negative amounts are credits and net off against spend.
    AllowCredits,
}

/// Which records a query covers. Every criterion set must match; an empty
/// selection covers the whole ledger.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{Sector, Selection};
/// let council_social_care = Selection::all().partner("dundee").sector(Sector::SocialCare);
/// assert_eq!(council_social_care.get_partner(), Some("dundee"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    partner: Option<String>,
    sector: Option<Sector>,
    service: Option<String>,
    subject: Option<Subject>,
    period: Option<ReportingPeriod>,
}

impl Selection {
    /// Every record.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// assert_eq!(Selection::all().get_partner(), None);
    /// assert_eq!(ledger.total(&Selection::all())?.to_string(), "GBP 750.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn all() -> Selection {
        Selection::default()
    }

    /// Only records of the partner with this id.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let dundee = Selection::all().partner("dundee");
    /// assert_eq!(ledger.total(&dundee)?.to_string(), "GBP 250.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn partner(mut self, id: impl Into<String>) -> Selection {
        self.partner = Some(id.into());
        self
    }

    /// Only records in this sector.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let health = Selection::all().sector(Sector::Health);
    /// assert_eq!(ledger.total(&health)?.to_string(), "GBP 500.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sector(mut self, sector: Sector) -> Selection {
        self.sector = Some(sector);
        self
    }

    /// Only records of this service.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let home_care = Selection::all().service("home care");
    /// assert_eq!(ledger.total(&home_care)?.to_string(), "GBP 250.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn service(mut self, service: impl Into<String>) -> Selection {
        self.service = Some(service.into());
        self
    }

    /// Only records about this person or segment.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let oldest = Selection::all().subject(Subject::segment("85+")?);
    /// assert_eq!(ledger.total(&oldest)?.to_string(), "GBP 550.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn subject(mut self, subject: Subject) -> Selection {
        self.subject = Some(subject);
        self
    }

    /// Only records of this period.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// assert_eq!(ledger.total(&Selection::all().period(y1))?.to_string(), "GBP 400.00");
    /// assert_eq!(ledger.total(&Selection::all().period(y2).sector(Sector::Health))?.to_string(), "GBP 200.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn period(mut self, period: ReportingPeriod) -> Selection {
        self.period = Some(period);
        self
    }

    /// The partner criterion.
    ///
    /// ```
    /// use integration_outcomes::finance::Selection;
    /// assert_eq!(Selection::all().partner("angus").get_partner(), Some("angus"));
    /// assert_eq!(Selection::all().get_partner(), None);
    /// ```
    #[must_use]
    pub fn get_partner(&self) -> Option<&str> {
        self.partner.as_deref()
    }

    fn matches(&self, r: &SpendRecord) -> bool {
        self.partner.as_deref().is_none_or(|p| p == r.centre.partner)
            && self.sector.is_none_or(|s| s == r.centre.sector)
            && self.service.as_deref().is_none_or(|s| s == r.centre.service)
            && self.subject.as_ref().is_none_or(|s| *s == r.subject)
            && self.period.is_none_or(|p| p == r.period)
    }
}

/// One line of a [`Breakdown`]: a key (a sector, a partner id), its exact
/// total and its share of the whole.
///
/// # Example
///
/// ```
/// # use integration_outcomes::finance::*;
/// # use integration_outcomes::Currency;
/// # let mut ledger = CostLedger::new(Currency::GBP, [
/// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
/// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
/// # ], NegativeSpend::Reject)?;
/// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
/// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
/// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
/// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
/// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
/// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
/// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
/// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
/// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
/// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
/// let partners = ledger.by_partner(&Selection::all().period(y1))?; // £300 NHS Tayside, £100 Dundee
/// let line: &BreakdownLine<String> = &partners.lines()[1];
/// assert_eq!(line.key(), "dundee");
/// assert_eq!(line.amount().to_string(), "GBP 100.00");
/// assert_eq!(line.share().map(|s| s.to_string()), Some("25%".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakdownLine<K> {
    key: K,
    amount: Money,
    share: Option<Rate>,
}

impl<K> BreakdownLine<K> {
    /// The sector, partner id or service.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let sectors = ledger.by_sector(&Selection::all().period(y1))?; // £300 health, £100 social care
    /// assert_eq!(sectors.lines()[0].key(), &Sector::Health);
    /// assert_eq!(sectors.lines()[1].key(), &Sector::SocialCare);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn key(&self) -> &K {
        &self.key
    }

    /// The exact total for this key.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let sectors = ledger.by_sector(&Selection::all().period(y1))?; // £300 health, £100 social care
    /// assert_eq!(sectors.lines()[0].amount().to_string(), "GBP 300.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn amount(&self) -> Money {
        self.amount
    }

    /// `amount / total` to `Decimal`'s 28 significant digits; `None` when the
    /// total is zero.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let sectors = ledger.by_sector(&Selection::all().period(y1))?; // £300 health, £100 social care
    /// assert_eq!(sectors.lines()[0].share().map(|s| s.to_string()), Some("75%".to_owned()));
    /// assert_eq!(sectors.lines()[1].share().map(|s| s.to_string()), Some("25%".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn share(&self) -> Option<Rate> {
        self.share
    }
}

/// A total split by a key, with each part's share. The parts sum exactly to
/// the total.
///
/// # Example
///
/// See also [`CostLedger::by_sector`].
///
/// ```
/// # use integration_outcomes::finance::*;
/// # use integration_outcomes::Currency;
/// # let mut ledger = CostLedger::new(Currency::GBP, [
/// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
/// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
/// # ], NegativeSpend::Reject)?;
/// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
/// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
/// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
/// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
/// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
/// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
/// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
/// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
/// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
/// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
/// use integration_outcomes::Money;
///
/// let sectors: Breakdown<Sector> = ledger.by_sector(&Selection::all())?;
/// assert_eq!(sectors.total().to_string(), "GBP 750.00");
/// let keys: Vec<Sector> = sectors.lines().iter().map(|l| *l.key()).collect();
/// assert_eq!(keys, [Sector::Health, Sector::SocialCare]);
/// let parts = Money::sum(Currency::GBP, sectors.lines().iter().map(|l| l.amount()))?;
/// assert_eq!(parts, sectors.total());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown<K> {
    total: Money,
    lines: Vec<BreakdownLine<K>>,
}

impl<K> Breakdown<K> {
    /// The total of the selection.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let sectors = ledger.by_sector(&Selection::all().period(y1))?; // £300 health, £100 social care
    /// assert_eq!(sectors.total().to_string(), "GBP 400.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total(&self) -> Money {
        self.total
    }

    /// The lines, in key order (partners in the order declared).
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let sectors = ledger.by_sector(&Selection::all().period(y1))?; // £300 health, £100 social care
    /// assert_eq!(sectors.lines().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lines(&self) -> &[BreakdownLine<K>] {
        &self.lines
    }

    fn from_parts(total: Money, parts: Vec<(K, Money)>) -> Result<Breakdown<K>, LedgerError> {
        let lines = parts
            .into_iter()
            .map(|(key, amount)| {
                let share = if total.is_zero() {
                    None
                } else {
                    let fraction = amount.amount().checked_div(total.amount()).ok_or(
                        LedgerError::Money(crate::MoneyError::Overflow { operation: "share" }),
                    )?;
                    Some(Rate::from_fraction(fraction))
                };
                Ok(BreakdownLine { key, amount, share })
            })
            .collect::<Result<_, LedgerError>>()?;
        Ok(Breakdown { total, lines })
    }
}

/// A group for a per-head comparison: the records it covers and how many
/// people it is.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{Group, Selection, Subject};
/// let cohort = Group::new("anticipatory care cohort", Selection::all().subject(Subject::segment("cohort")?), 400);
/// assert_eq!(cohort.population(), 400);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    name: String,
    selection: Selection,
    population: u64,
}

impl Group {
    /// A named group of `population` people whose spend is `selection`.
    ///
    /// ```
    /// use integration_outcomes::finance::{Group, Selection, Subject};
    /// let comparison = Group::new("comparison", Selection::all().subject(Subject::segment("comparison")?), 350);
    /// assert_eq!(comparison.name(), "comparison");
    /// assert_eq!(comparison.population(), 350);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(name: impl Into<String>, selection: Selection, population: u64) -> Group {
        Group { name: name.into(), selection, population }
    }

    /// The name.
    ///
    /// ```
    /// use integration_outcomes::finance::{Group, Selection, Subject};
    /// let cohort = Group::new("anticipatory care cohort", Selection::all().subject(Subject::segment("cohort")?), 400);
    /// assert_eq!(cohort.name(), "anticipatory care cohort");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Number of people.
    ///
    /// ```
    /// use integration_outcomes::finance::{Group, Selection, Subject};
    /// let cohort = Group::new("anticipatory care cohort", Selection::all().subject(Subject::segment("cohort")?), 400);
    /// assert_eq!(cohort.population(), 400);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn population(&self) -> u64 {
        self.population
    }
}

/// A change in cost: from a baseline (an earlier period, a comparison
/// group) to a current figure (a later period, a cohort).
///
/// # Example
///
/// See also [`CostLedger::change_between_periods`].
///
/// ```
/// # use integration_outcomes::finance::*;
/// # use integration_outcomes::Currency;
/// # let mut ledger = CostLedger::new(Currency::GBP, [
/// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
/// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
/// # ], NegativeSpend::Reject)?;
/// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
/// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
/// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
/// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
/// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
/// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
/// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
/// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
/// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
/// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
/// let change: CostChange = ledger.change_between_periods(&Selection::all(), y1, y2)?;
/// assert_eq!(change.baseline().to_string(), "GBP 400.00");
/// assert_eq!(change.current().to_string(), "GBP 350.00");
/// assert_eq!(change.difference().to_string(), "GBP -50.00"); // a reduction
/// assert_eq!(change.relative().map(|r| r.to_string()), Some("-12.5%".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CostChange {
    baseline: Money,
    current: Money,
    difference: Money,
    relative: Option<Rate>,
}

impl CostChange {
    fn new(baseline: Money, current: Money) -> Result<CostChange, LedgerError> {
        let difference = current.checked_sub(baseline)?;
        let relative = if baseline.is_zero() {
            None
        } else {
            let fraction = difference.amount().checked_div(baseline.amount()).ok_or(
                LedgerError::Money(crate::MoneyError::Overflow { operation: "relative change" }),
            )?;
            Some(Rate::from_fraction(fraction))
        };
        Ok(CostChange { baseline, current, difference, relative })
    }

    /// The baseline figure.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let change = ledger.change_between_periods(&Selection::all(), y1, y2)?; // £400 then £350
    /// assert_eq!(change.baseline().to_string(), "GBP 400.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn baseline(&self) -> Money {
        self.baseline
    }

    /// The current figure.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let change = ledger.change_between_periods(&Selection::all(), y1, y2)?; // £400 then £350
    /// assert_eq!(change.current().to_string(), "GBP 350.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn current(&self) -> Money {
        self.current
    }

    /// `current − baseline`, exact (negative: a reduction).
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let change = ledger.change_between_periods(&Selection::all(), y1, y2)?; // £400 then £350
    /// assert_eq!(change.difference().to_string(), "GBP -50.00"); // a reduction
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn difference(&self) -> Money {
        self.difference
    }

    /// `difference / baseline` to 28 significant digits; `None` when the
    /// baseline is zero.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let change = ledger.change_between_periods(&Selection::all(), y1, y2)?; // £400 then £350
    /// assert_eq!(change.relative().map(|r| r.to_string()), Some("-12.5%".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn relative(&self) -> Option<Rate> {
        self.relative
    }
}

/// Spend records across partners, sectors, services, people or segments and
/// periods, in one currency: the Integrated Resource Framework's "total cost
/// of care" across the NHS and social care.
///
/// Every record is validated when added: its partner must be declared, its
/// currency the ledger's, its reference unique, negative spend only under
/// [`NegativeSpend::AllowCredits`], and its period either equal to or
/// disjoint from every period already present (partly overlapping periods
/// would double-count). Totals are exact sums, so they do not depend on the
/// order records were added.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{
///     CostCentre, CostLedger, NegativeSpend, Partner, PartnerKind, ReportingPeriod, Sector, Selection,
///     SpendRecord, Subject,
/// };
/// use integration_outcomes::Currency;
///
/// let mut ledger = CostLedger::new(
///     Currency::GBP,
///     [
///         Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
///         Partner::new("angus", "Angus Council", PartnerKind::LocalAuthority)?,
///     ],
///     NegativeSpend::Reject,
/// )?;
/// let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
/// let over_75 = Subject::segment("75+")?;
/// ledger.add(SpendRecord::new("N1", over_75.clone(), CostCentre::new("nhs-tayside", Sector::Health, "acute")?, year, "GBP 300".parse()?)?)?;
/// ledger.add(SpendRecord::new("A1", over_75, CostCentre::new("angus", Sector::SocialCare, "home care")?, year, "GBP 100".parse()?)?)?;
/// assert_eq!(ledger.total(&Selection::all())?.to_string(), "GBP 400.00");
/// let sectors = ledger.by_sector(&Selection::all())?;
/// assert_eq!(sectors.lines()[0].share().map(|s| s.to_string()), Some("75%".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CostLedgerRepr", into = "CostLedgerRepr")]
pub struct CostLedger {
    currency: Currency,
    partners: Vec<Partner>,
    negative_spend: NegativeSpend,
    records: Vec<SpendRecord>,
    references: BTreeSet<String>,
    periods: BTreeSet<ReportingPeriod>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CostLedgerRepr {
    currency: Currency,
    partners: Vec<Partner>,
    negative_spend: NegativeSpend,
    records: Vec<SpendRecord>,
}

impl TryFrom<CostLedgerRepr> for CostLedger {
    type Error = LedgerError;
    fn try_from(r: CostLedgerRepr) -> Result<Self, Self::Error> {
        let mut ledger = CostLedger::new(r.currency, r.partners, r.negative_spend)?;
        for record in r.records {
            ledger.add(record)?;
        }
        Ok(ledger)
    }
}

impl From<CostLedger> for CostLedgerRepr {
    fn from(l: CostLedger) -> Self {
        CostLedgerRepr {
            currency: l.currency,
            partners: l.partners,
            negative_spend: l.negative_spend,
            records: l.records,
        }
    }
}

impl CostLedger {
    /// An empty ledger in `currency` for the declared `partners`.
    ///
    /// # Errors
    ///
    /// [`LedgerError::DuplicatePartner`] if two partners share an id.
    ///
    /// ```
    /// use integration_outcomes::finance::{CostLedger, LedgerError, NegativeSpend, Partner, PartnerKind};
    /// use integration_outcomes::Currency;
    /// let angus = Partner::new("angus", "Angus Council", PartnerKind::LocalAuthority)?;
    /// let ledger = CostLedger::new(Currency::GBP, [angus.clone()], NegativeSpend::Reject)?;
    /// assert!(ledger.records().is_empty());
    /// assert!(matches!(
    ///     CostLedger::new(Currency::GBP, [angus.clone(), angus], NegativeSpend::Reject),
    ///     Err(LedgerError::DuplicatePartner { .. })
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<I: IntoIterator<Item = Partner>>(
        currency: Currency,
        partners: I,
        negative_spend: NegativeSpend,
    ) -> Result<CostLedger, LedgerError> {
        let mut declared: Vec<Partner> = Vec::new();
        for partner in partners {
            if declared.iter().any(|p| p.id == partner.id) {
                return Err(LedgerError::DuplicatePartner { partner: partner.id });
            }
            declared.push(partner);
        }
        Ok(CostLedger {
            currency,
            partners: declared,
            negative_spend,
            records: Vec::new(),
            references: BTreeSet::new(),
            periods: BTreeSet::new(),
        })
    }

    /// Adds a record after validating it against the ledger.
    ///
    /// # Errors
    ///
    /// Each naming the record: [`LedgerError::DuplicateReference`],
    /// [`LedgerError::UnknownPartner`], [`LedgerError::CurrencyMismatch`],
    /// [`LedgerError::NegativeSpend`] (under [`NegativeSpend::Reject`]),
    /// [`LedgerError::OverlappingPeriods`]. A rejected record leaves the
    /// ledger unchanged.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// // Unknown partners, repeated references and partly overlapping periods are refused.
    /// let fife = CostCentre::new("fife", Sector::Health, "acute")?;
    /// let err = ledger.add(SpendRecord::new("F1", Subject::segment("85+")?, fife, y1, "GBP 5".parse()?)?);
    /// assert!(matches!(err, Err(LedgerError::UnknownPartner { .. })));
    /// let centre = CostCentre::new("dundee", Sector::SocialCare, "day care")?;
    /// let err = ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, centre.clone(), y1, "GBP 5".parse()?)?);
    /// assert!(matches!(err, Err(LedgerError::DuplicateReference { .. })));
    /// let straddling = ReportingPeriod::new("2011-01-01".parse()?, "2011-12-31".parse()?)?;
    /// let err = ledger.add(SpendRecord::new("D3", Subject::segment("85+")?, centre, straddling, "GBP 5".parse()?)?);
    /// assert!(matches!(err, Err(LedgerError::OverlappingPeriods { .. })));
    /// assert_eq!(ledger.records().len(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, record: SpendRecord) -> Result<(), LedgerError> {
        let reference = || record.reference.clone();
        if self.references.contains(&record.reference) {
            return Err(LedgerError::DuplicateReference { reference: reference() });
        }
        if !self.partners.iter().any(|p| p.id == record.centre.partner) {
            return Err(LedgerError::UnknownPartner {
                reference: reference(),
                partner: record.centre.partner.clone(),
            });
        }
        if record.amount.currency() != self.currency {
            return Err(LedgerError::CurrencyMismatch {
                reference: reference(),
                expected: self.currency,
                found: record.amount.currency(),
            });
        }
        if record.amount.is_negative() && self.negative_spend == NegativeSpend::Reject {
            return Err(LedgerError::NegativeSpend {
                reference: reference(),
                amount: record.amount,
            });
        }
        if !self.periods.contains(&record.period)
            && let Some(existing) = self.periods.iter().find(|p| p.overlaps(&record.period))
        {
            return Err(LedgerError::OverlappingPeriods {
                reference: reference(),
                period: record.period,
                existing: *existing,
            });
        }
        self.references.insert(record.reference.clone());
        self.periods.insert(record.period);
        self.records.push(record);
        Ok(())
    }

    /// The ledger's currency.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// assert_eq!(ledger.currency(), Currency::GBP);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn currency(&self) -> Currency {
        self.currency
    }

    /// The declared partners, in order.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let ids: Vec<_> = ledger.partners().iter().map(Partner::id).collect();
    /// assert_eq!(ids, ["nhs-tayside", "dundee"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn partners(&self) -> &[Partner] {
        &self.partners
    }

    /// The records, in the order added.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// let references: Vec<_> = ledger.records().iter().map(SpendRecord::reference).collect();
    /// assert_eq!(references, ["N1", "N2", "D1", "D2"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn records(&self) -> &[SpendRecord] {
        &self.records
    }

    /// The distinct periods, in date order.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// assert_eq!(ledger.periods().collect::<Vec<_>>(), [y1, y2]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn periods(&self) -> impl Iterator<Item = ReportingPeriod> + '_ {
        self.periods.iter().copied()
    }

    fn selected<'a>(&'a self, selection: &'a Selection) -> impl Iterator<Item = &'a SpendRecord> {
        self.records.iter().filter(move |r| selection.matches(r))
    }

    /// The exact total of the selected records.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Money`] if the sum overflows.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// # let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let acute = CostCentre::new("nhs-tayside", Sector::Health, "acute")?;
    /// # let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// # ledger.add(SpendRecord::new("N1", Subject::segment("85+")?, acute.clone(), y1, "GBP 300".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("N2", Subject::segment("75-84")?, acute, y2, "GBP 200".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 100".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 150".parse()?)?)?;
    /// // Acute (NHS Tayside): £300 for 85+ in y1, £200 for 75-84 in y2;
    /// // home care (Dundee): £100 in y1 and £150 in y2, all 85+.
    /// assert_eq!(ledger.total(&Selection::all())?.to_string(), "GBP 750.00");
    /// assert_eq!(ledger.total(&Selection::all().partner("nhs-tayside"))?.to_string(), "GBP 500.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total(&self, selection: &Selection) -> Result<Money, LedgerError> {
        Ok(Money::sum(self.currency, self.selected(selection).map(|r| r.amount))?)
    }

    /// The selected spend by sector (health, social care, other; sectors with
    /// no records are left out), with each sector's share.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Money`] on overflow.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [Partner::new("perth", "Perth and Kinross Council", PartnerKind::LocalAuthority)?], NegativeSpend::Reject)?;
    /// # let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let s = Subject::segment("65-74")?;
    /// ledger.add(SpendRecord::new("P1", s.clone(), CostCentre::new("perth", Sector::SocialCare, "care homes")?, year, "GBP 200".parse()?)?)?;
    /// ledger.add(SpendRecord::new("P2", s, CostCentre::new("perth", Sector::Other, "housing adaptations")?, year, "GBP 100".parse()?)?)?;
    /// let b = ledger.by_sector(&Selection::all())?;
    /// assert_eq!(b.lines()[0].key(), &Sector::SocialCare);
    /// assert_eq!(b.lines()[1].amount().to_string(), "GBP 100.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by_sector(&self, selection: &Selection) -> Result<Breakdown<Sector>, LedgerError> {
        let mut parts: BTreeMap<Sector, Money> = BTreeMap::new();
        for r in self.selected(selection) {
            let entry = parts.entry(r.centre.sector).or_insert(Money::zero(self.currency));
            *entry = entry.checked_add(r.amount)?;
        }
        Breakdown::from_parts(self.total(selection)?, parts.into_iter().collect())
    }

    /// The selected spend by partner (keys are partner ids, in declared
    /// order; partners with no records are left out), with shares.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Money`] on overflow.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("angus", "Angus Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let s = Subject::segment("75+")?;
    /// # ledger.add(SpendRecord::new("N1", s.clone(), CostCentre::new("nhs-tayside", Sector::Health, "acute")?, year, "GBP 600".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("A1", s.clone(), CostCentre::new("angus", Sector::SocialCare, "home care")?, year, "GBP 400".parse()?)?)?;
    /// let partners = ledger.by_partner(&Selection::all())?;
    /// assert_eq!(partners.lines()[1].key(), "angus");
    /// assert_eq!(partners.lines()[1].share().map(|r| r.to_string()), Some("40%".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by_partner(&self, selection: &Selection) -> Result<Breakdown<String>, LedgerError> {
        let mut parts = Vec::new();
        for partner in &self.partners {
            let mut records =
                self.selected(selection).filter(|r| r.centre.partner == partner.id).peekable();
            if records.peek().is_some() {
                parts.push((
                    partner.id.clone(),
                    Money::sum(self.currency, records.map(|r| r.amount))?,
                ));
            }
        }
        Breakdown::from_parts(self.total(selection)?, parts)
    }

    /// The selected spend by service (in name order), with shares.
    ///
    /// # Errors
    ///
    /// [`LedgerError::Money`] on overflow.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("angus", "Angus Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let s = Subject::segment("75+")?;
    /// # ledger.add(SpendRecord::new("N1", s.clone(), CostCentre::new("nhs-tayside", Sector::Health, "acute")?, year, "GBP 600".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("A1", s.clone(), CostCentre::new("angus", Sector::SocialCare, "home care")?, year, "GBP 400".parse()?)?)?;
    /// let services = ledger.by_service(&Selection::all().sector(Sector::Health))?;
    /// assert_eq!(services.lines().len(), 1);
    /// assert_eq!(services.total().to_string(), "GBP 600.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn by_service(&self, selection: &Selection) -> Result<Breakdown<String>, LedgerError> {
        let mut parts: BTreeMap<String, Money> = BTreeMap::new();
        for r in self.selected(selection) {
            let entry = parts.entry(r.centre.service.clone()).or_insert(Money::zero(self.currency));
            *entry = entry.checked_add(r.amount)?;
        }
        Breakdown::from_parts(self.total(selection)?, parts.into_iter().collect())
    }

    /// The selected spend divided by `population`, rounded once with
    /// `rounding`.
    ///
    /// # Errors
    ///
    /// [`LedgerError::ZeroPopulation`] if `population` is zero;
    /// [`LedgerError::Money`] on overflow.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("angus", "Angus Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let s = Subject::segment("75+")?;
    /// # ledger.add(SpendRecord::new("N1", s.clone(), CostCentre::new("nhs-tayside", Sector::Health, "acute")?, year, "GBP 600".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("A1", s.clone(), CostCentre::new("angus", Sector::SocialCare, "home care")?, year, "GBP 400".parse()?)?)?;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::MidpointAwayFromZero, RoundingStage::PerTotal);
    /// assert_eq!(ledger.cost_per_head(&Selection::all(), 3, &pence)?.to_string(), "GBP 333.33");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cost_per_head(
        &self,
        selection: &Selection,
        population: u64,
        rounding: &RoundingPolicy,
    ) -> Result<Money, LedgerError> {
        self.per_head(&Group::new("the selection", selection.clone(), population), rounding)
    }

    fn per_head(&self, group: &Group, rounding: &RoundingPolicy) -> Result<Money, LedgerError> {
        if group.population == 0 {
            return Err(LedgerError::ZeroPopulation { group: group.name.clone() });
        }
        let total = self.total(&group.selection)?;
        let per_head =
            total.amount().checked_div(rust_decimal::Decimal::from(group.population)).ok_or(
                LedgerError::Money(crate::MoneyError::Overflow { operation: "cost per head" }),
            )?;
        Ok(Money::new(per_head, self.currency).round(rounding))
    }

    /// The change in the selected spend from period `before` to period
    /// `after` (exact totals).
    ///
    /// # Errors
    ///
    /// [`LedgerError::Money`] on overflow.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::Currency;
    /// # let mut ledger = CostLedger::new(Currency::GBP, [Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?], NegativeSpend::Reject)?;
    /// let y1 = ReportingPeriod::new("2010-04-01".parse()?, "2011-03-31".parse()?)?;
    /// let y2 = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// let home_care = CostCentre::new("dundee", Sector::SocialCare, "home care")?;
    /// ledger.add(SpendRecord::new("D1", Subject::segment("85+")?, home_care.clone(), y1, "GBP 800".parse()?)?)?;
    /// ledger.add(SpendRecord::new("D2", Subject::segment("85+")?, home_care, y2, "GBP 900".parse()?)?)?;
    /// let change = ledger.change_between_periods(&Selection::all(), y1, y2)?;
    /// assert_eq!(change.difference().to_string(), "GBP 100.00");
    /// assert_eq!(change.relative().map(|r| r.to_string()), Some("12.5%".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn change_between_periods(
        &self,
        selection: &Selection,
        before: ReportingPeriod,
        after: ReportingPeriod,
    ) -> Result<CostChange, LedgerError> {
        let baseline = self.total(&selection.clone().period(before))?;
        let current = self.total(&selection.clone().period(after))?;
        CostChange::new(baseline, current)
    }

    /// The change in cost per head from a `comparison` group (the baseline)
    /// to a `cohort`. Each per-head cost is rounded once with `rounding`; the
    /// difference is of the rounded figures, so the three printed numbers
    /// agree.
    ///
    /// # Errors
    ///
    /// [`LedgerError::ZeroPopulation`] naming the group with no people;
    /// [`LedgerError::Money`] on overflow.
    ///
    /// ```
    /// # use integration_outcomes::finance::*;
    /// # use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// # let mut ledger = CostLedger::new(Currency::GBP, [
    /// #     Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
    /// #     Partner::new("angus", "Angus Council", PartnerKind::LocalAuthority)?,
    /// # ], NegativeSpend::Reject)?;
    /// # let year = ReportingPeriod::new("2011-04-01".parse()?, "2012-03-31".parse()?)?;
    /// # let s = Subject::segment("75+")?;
    /// # ledger.add(SpendRecord::new("N1", s.clone(), CostCentre::new("nhs-tayside", Sector::Health, "acute")?, year, "GBP 600".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("A1", s.clone(), CostCentre::new("angus", Sector::SocialCare, "home care")?, year, "GBP 400".parse()?)?)?;
    /// # ledger.add(SpendRecord::new("C1", Subject::segment("comparison")?, CostCentre::new("nhs-tayside", Sector::Health, "acute")?, year, "GBP 900".parse()?)?)?;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::MidpointAwayFromZero, RoundingStage::PerTotal);
    /// let cohort = Group::new("cohort", Selection::all().subject(s), 4);
    /// let comparison = Group::new("comparison", Selection::all().subject(Subject::segment("comparison")?), 3);
    /// let change = ledger.compare_groups(&cohort, &comparison, &pence)?;
    /// assert_eq!(change.baseline().to_string(), "GBP 300.00");
    /// assert_eq!(change.current().to_string(), "GBP 250.00");
    /// assert_eq!(change.difference().to_string(), "GBP -50.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compare_groups(
        &self,
        cohort: &Group,
        comparison: &Group,
        rounding: &RoundingPolicy,
    ) -> Result<CostChange, LedgerError> {
        let baseline = self.per_head(comparison, rounding)?;
        let current = self.per_head(cohort, rounding)?;
        CostChange::new(baseline, current)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{RoundingStage, RoundingStrategy};

    fn year(y: i16) -> ReportingPeriod {
        ReportingPeriod::new(Date::new(y, 4, 1).unwrap(), Date::new(y + 1, 3, 31).unwrap()).unwrap()
    }

    fn ledger(policy: NegativeSpend) -> CostLedger {
        CostLedger::new(
            Currency::GBP,
            [
                Partner::new("nhs", "NHS Tayside", PartnerKind::NhsBoard).unwrap(),
                Partner::new("angus", "Angus Council", PartnerKind::LocalAuthority).unwrap(),
            ],
            policy,
        )
        .unwrap()
    }

    fn record(
        reference: &str,
        partner: &str,
        sector: Sector,
        period: ReportingPeriod,
        pence: i64,
    ) -> SpendRecord {
        SpendRecord::new(
            reference,
            Subject::segment("75+").unwrap(),
            CostCentre::new(partner, sector, "service").unwrap(),
            period,
            Money::from_minor(pence, Currency::GBP),
        )
        .unwrap()
    }

    #[test]
    fn bad_records_are_named_and_leave_the_ledger_unchanged() {
        let mut l = ledger(NegativeSpend::Reject);
        l.add(record("R1", "nhs", Sector::Health, year(2011), 100)).unwrap();
        let before = l.clone();
        let errors = [
            l.add(record("R1", "nhs", Sector::Health, year(2011), 100)).unwrap_err(),
            l.add(record("R2", "perth", Sector::Health, year(2011), 100)).unwrap_err(),
            l.add(record("R3", "nhs", Sector::Health, year(2011), -100)).unwrap_err(),
            l.add(
                SpendRecord::new(
                    "R4",
                    Subject::person("P1").unwrap(),
                    CostCentre::new("nhs", Sector::Health, "acute").unwrap(),
                    year(2011),
                    Money::from_major(1, Currency::EUR),
                )
                .unwrap(),
            )
            .unwrap_err(),
            l.add(record(
                "R5",
                "nhs",
                Sector::Health,
                ReportingPeriod::new(
                    Date::new(2012, 1, 1).unwrap(),
                    Date::new(2012, 12, 31).unwrap(),
                )
                .unwrap(),
                100,
            ))
            .unwrap_err(),
        ];
        assert!(
            matches!(&errors[0], LedgerError::DuplicateReference { reference } if reference == "R1")
        );
        assert!(
            matches!(&errors[1], LedgerError::UnknownPartner { reference, .. } if reference == "R2")
        );
        assert!(
            matches!(&errors[2], LedgerError::NegativeSpend { reference, .. } if reference == "R3")
        );
        assert!(
            matches!(&errors[3], LedgerError::CurrencyMismatch { reference, .. } if reference == "R4")
        );
        assert!(
            matches!(&errors[4], LedgerError::OverlappingPeriods { reference, .. } if reference == "R5")
        );
        assert_eq!(
            errors[4].to_string(),
            "record R5 covers 2012-01-01 to 2012-12-31, which overlaps 2011-04-01 to 2012-03-31 already in the ledger"
        );
        assert_eq!(l, before);
        assert!(
            ReportingPeriod::new(Date::new(2012, 1, 2).unwrap(), Date::new(2012, 1, 1).unwrap())
                .is_err()
        );
        assert!(
            SpendRecord::new(
                " ",
                Subject::segment("x").unwrap(),
                CostCentre::new("nhs", Sector::Health, "s").unwrap(),
                year(2011),
                Money::zero(Currency::GBP)
            )
            .is_err()
        );
        assert!(
            CostLedger::new(
                Currency::GBP,
                [
                    Partner::new("nhs", "A", PartnerKind::NhsBoard).unwrap(),
                    Partner::new("nhs", "B", PartnerKind::NhsBoard).unwrap()
                ],
                NegativeSpend::Reject
            )
            .is_err()
        );
    }

    #[test]
    fn credits_net_off_when_allowed() {
        let mut l = ledger(NegativeSpend::AllowCredits);
        l.add(record("R1", "nhs", Sector::Health, year(2011), 1_000)).unwrap();
        l.add(record("R2", "nhs", Sector::Health, year(2011), -250)).unwrap();
        assert_eq!(l.total(&Selection::all()).unwrap(), Money::from_minor(750, Currency::GBP));
    }

    #[test]
    fn breakdowns_shares_and_per_head() {
        let mut l = ledger(NegativeSpend::Reject);
        l.add(record("R1", "nhs", Sector::Health, year(2011), 200)).unwrap();
        l.add(record("R2", "angus", Sector::SocialCare, year(2011), 100)).unwrap();
        l.add(record("R3", "angus", Sector::Health, year(2012), 300)).unwrap();
        let partners = l.by_partner(&Selection::all().period(year(2011))).unwrap();
        assert_eq!(partners.lines().len(), 2);
        assert_eq!(partners.lines()[0].key(), "nhs");
        let share = partners.lines()[1].share().unwrap();
        // One third, to 28 significant digits.
        assert_eq!(share.as_fraction().to_string(), "0.3333333333333333333333333333");
        let pence = RoundingPolicy::for_currency(
            Currency::GBP,
            RoundingStrategy::MidpointAwayFromZero,
            RoundingStage::PerTotal,
        );
        assert_eq!(
            l.cost_per_head(&Selection::all(), 7, &pence).unwrap(),
            Money::from_minor(86, Currency::GBP)
        );
        assert!(matches!(
            l.cost_per_head(&Selection::all(), 0, &pence),
            Err(LedgerError::ZeroPopulation { .. })
        ));
        let empty = l.by_sector(&Selection::all().partner("nobody")).unwrap();
        assert!(empty.lines().is_empty() && empty.total().is_zero());
        let change = l
            .change_between_periods(&Selection::all().partner("nhs"), year(2011), year(2012))
            .unwrap();
        assert_eq!(
            change.relative().unwrap(),
            Rate::from_fraction(rust_decimal::Decimal::NEGATIVE_ONE)
        );
        let from_nothing =
            l.change_between_periods(&Selection::all(), year(2010), year(2011)).unwrap();
        assert_eq!(from_nothing.relative(), None);
    }

    #[test]
    fn relative_change_from_a_tiny_baseline_displays() {
        let mut l = ledger(NegativeSpend::Reject);
        l.add(record("R1", "nhs", Sector::Health, year(2011), 1)).unwrap();
        let huge: Money = "GBP 10000000000000000000000000".parse().unwrap();
        let r2 = SpendRecord::new(
            "R2",
            Subject::segment("75+").unwrap(),
            CostCentre::new("nhs", Sector::Health, "service").unwrap(),
            year(2012),
            huge,
        )
        .unwrap();
        l.add(r2).unwrap();
        let change = l.change_between_periods(&Selection::all(), year(2011), year(2012)).unwrap();
        let relative = change.relative().unwrap();
        // (10²⁵ − 0.01) / 0.01 = 10²⁷ − 1: its percentage is beyond a decimal.
        assert!(relative.as_percent().is_err());
        assert_eq!(relative.to_string(), "99999999999999999999999999900%");
    }

    #[test]
    fn serde_round_trip_revalidates() {
        let mut l = ledger(NegativeSpend::Reject);
        l.add(record("R1", "nhs", Sector::Health, year(2011), 200)).unwrap();
        let json = serde_json::to_string(&l).unwrap();
        let back: CostLedger = serde_json::from_str(&json).unwrap();
        assert_eq!(back, l);
        let bad = json.replace("\"nhs\",\"sector\"", "\"perth\",\"sector\"");
        assert_ne!(bad, json);
        assert!(serde_json::from_str::<CostLedger>(&bad).is_err());
    }
}
