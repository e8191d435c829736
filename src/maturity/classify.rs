//! Maturity classification of a domain from its median (and agreement), as a
//! policy value: "level reached", the SCIROCCO Delphi bands, or the user's own.

use std::fmt;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};

use super::text::is_blank;
use super::{Agreement, AgreementPolicy, ComparisonError, DomainChange, DomainProfile, Profile};

/// One end of a [`Band`]'s median range.
///
/// In JSON, `{"inclusive": "2.5"}` or `{"exclusive": "2.5"}`.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::BandEnd;
/// use rust_decimal::Decimal;
/// let end: BandEnd = serde_json::from_str(r#"{"exclusive": "2.5"}"#)?;
/// assert_eq!(end, BandEnd::Exclusive(Decimal::new(25, 1)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum BandEnd {
    /// The range includes this median.
    Inclusive(Decimal),
    /// The range stops just short of this median.
    Exclusive(Decimal),
}

impl BandEnd {
    const fn value(self) -> Decimal {
        match self {
            BandEnd::Inclusive(v) | BandEnd::Exclusive(v) => v,
        }
    }

    const fn is_inclusive(self) -> bool {
        matches!(self, BandEnd::Inclusive(_))
    }
}

/// A labelled range of medians, such as SCIROCCO's "Progressing" for medians
/// from 2.5 up to (not including) 4.5.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Band, BandEnd, ComparisonError};
/// use rust_decimal::Decimal;
///
/// let progressing = Band::new("Progressing", BandEnd::Inclusive(Decimal::new(25, 1)), BandEnd::Exclusive(Decimal::new(45, 1)))?;
/// assert!(progressing.contains(Decimal::new(25, 1)));
/// assert!(progressing.contains(Decimal::from(4)));
/// assert!(!progressing.contains(Decimal::new(45, 1)));
/// // An empty range is refused, naming the band.
/// let err = Band::new("Never", BandEnd::Exclusive(Decimal::ONE), BandEnd::Inclusive(Decimal::ONE)).unwrap_err();
/// assert!(matches!(err, ComparisonError::InvalidBand { ref label, .. } if label == "Never"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RawBand", into = "RawBand")]
pub struct Band {
    label: String,
    from: BandEnd,
    to: BandEnd,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    label: String,
    from: BandEnd,
    to: BandEnd,
}

impl TryFrom<RawBand> for Band {
    type Error = ComparisonError;
    fn try_from(raw: RawBand) -> Result<Band, ComparisonError> {
        Band::new(raw.label, raw.from, raw.to)
    }
}

impl From<Band> for RawBand {
    fn from(band: Band) -> RawBand {
        RawBand { label: band.label, from: band.from, to: band.to }
    }
}

impl Band {
    /// A band from `from` to `to`.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::InvalidBand`] for an empty or blank label, a lower
    /// end above the upper, or a range that holds no median (equal ends, not
    /// both inclusive).
    ///
    /// ```
    /// use integration_outcomes::maturity::{Band, BandEnd};
    /// use rust_decimal::Decimal;
    /// let optimising = Band::new("Optimising", BandEnd::Inclusive(Decimal::new(45, 1)), BandEnd::Inclusive(Decimal::from(5)))?;
    /// assert_eq!(optimising.label(), "Optimising");
    /// assert!(Band::new(" ", BandEnd::Inclusive(Decimal::ZERO), BandEnd::Inclusive(Decimal::ONE)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        label: impl Into<String>,
        from: BandEnd,
        to: BandEnd,
    ) -> Result<Band, ComparisonError> {
        let label = label.into();
        let invalid =
            |reason: String| ComparisonError::InvalidBand { label: label.clone(), reason };
        if is_blank(&label) {
            return Err(invalid("the label is empty".to_owned()));
        }
        if from.value() > to.value() {
            return Err(invalid(format!(
                "its lower end {} is above its upper end {}",
                from.value(),
                to.value()
            )));
        }
        if from.value() == to.value() && !(from.is_inclusive() && to.is_inclusive()) {
            return Err(invalid(format!("its range at {} holds no median", from.value())));
        }
        Ok(Band { label, from, to })
    }

    /// The label.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Band, BandEnd};
    /// # use rust_decimal::Decimal;
    /// let band = Band::new("Initial", BandEnd::Inclusive(Decimal::ZERO), BandEnd::Exclusive(Decimal::new(25, 1)))?;
    /// assert_eq!(band.label(), "Initial");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The lower end.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Band, BandEnd};
    /// # use rust_decimal::Decimal;
    /// let band = Band::new("Initial", BandEnd::Inclusive(Decimal::ZERO), BandEnd::Exclusive(Decimal::new(25, 1)))?;
    /// assert_eq!(band.from(), BandEnd::Inclusive(Decimal::ZERO));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn from(&self) -> BandEnd {
        self.from
    }

    /// The upper end.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Band, BandEnd};
    /// # use rust_decimal::Decimal;
    /// let band = Band::new("Initial", BandEnd::Inclusive(Decimal::ZERO), BandEnd::Exclusive(Decimal::new(25, 1)))?;
    /// assert_eq!(band.to(), BandEnd::Exclusive(Decimal::new(25, 1)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn to(&self) -> BandEnd {
        self.to
    }

    /// Whether `median` is in the band.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Band, BandEnd};
    /// # use rust_decimal::Decimal;
    /// let band = Band::new("Initial", BandEnd::Inclusive(Decimal::ZERO), BandEnd::Exclusive(Decimal::new(25, 1)))?;
    /// assert!(band.contains(Decimal::from(2)));
    /// assert!(!band.contains(Decimal::new(25, 1)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn contains(&self, median: Decimal) -> bool {
        let above = match self.from {
            BandEnd::Inclusive(v) => median >= v,
            BandEnd::Exclusive(v) => median > v,
        };
        let below = match self.to {
            BandEnd::Inclusive(v) => median <= v,
            BandEnd::Exclusive(v) => median < v,
        };
        above && below
    }

    /// Whether the two bands share a median.
    fn overlaps(&self, other: &Band) -> bool {
        let (low, high) = if (self.from.value(), !self.from.is_inclusive())
            <= (other.from.value(), !other.from.is_inclusive())
        {
            (self, other)
        } else {
            (other, self)
        };
        let (edge, start) = (low.to.value(), high.from.value());
        start < edge || (start == edge && low.to.is_inclusive() && high.from.is_inclusive())
    }
}

impl fmt::Display for Band {
    /// Writes the band as `Progressing [2.5, 4.5)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let open = if self.from.is_inclusive() { '[' } else { '(' };
        let close = if self.to.is_inclusive() { ']' } else { ')' };
        write!(f, "{} {open}{}, {}{close}", self.label, self.from.value(), self.to.value())
    }
}

/// Non-overlapping [`Band`]s, in the order given. In JSON, a list of bands.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Classification, MaturityBands};
///
/// let json = r#"[
///     {"label": "Low", "from": {"inclusive": "1"}, "to": {"exclusive": "3"}},
///     {"label": "High", "from": {"inclusive": "3"}, "to": {"inclusive": "5"}}
/// ]"#;
/// let bands: MaturityBands = serde_json::from_str(json)?;
/// assert_eq!(bands.bands().len(), 2);
/// // Overlapping bands are refused when read, naming the band.
/// let overlapping = json.replace(r#"{"inclusive": "3"}, "to": {"inclusive": "5"}"#, r#"{"inclusive": "2"}, "to": {"inclusive": "5"}"#);
/// let err = serde_json::from_str::<MaturityBands>(&overlapping).unwrap_err();
/// assert!(err.to_string().contains("maturity band \"High\" cannot be used: it overlaps band \"Low\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<Band>", into = "Vec<Band>")]
pub struct MaturityBands {
    bands: Vec<Band>,
}

impl TryFrom<Vec<Band>> for MaturityBands {
    type Error = ComparisonError;
    fn try_from(bands: Vec<Band>) -> Result<MaturityBands, ComparisonError> {
        MaturityBands::new(bands)
    }
}

impl From<MaturityBands> for Vec<Band> {
    fn from(bands: MaturityBands) -> Vec<Band> {
        bands.bands
    }
}

impl MaturityBands {
    /// Bands that share no median.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::NoBands`] for no bands, and
    /// [`ComparisonError::InvalidBand`] for two that overlap or share a label.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Band, BandEnd, MaturityBands};
    /// use rust_decimal::Decimal;
    /// let low = Band::new("Low", BandEnd::Inclusive(Decimal::ONE), BandEnd::Inclusive(Decimal::from(3)))?;
    /// let high = Band::new("High", BandEnd::Inclusive(Decimal::from(3)), BandEnd::Inclusive(Decimal::from(5)))?;
    /// assert!(MaturityBands::new(vec![low.clone(), high]).is_err()); // both hold 3
    /// assert!(MaturityBands::new(vec![]).is_err());
    /// assert!(MaturityBands::new(vec![low]).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(bands: Vec<Band>) -> Result<MaturityBands, ComparisonError> {
        if bands.is_empty() {
            return Err(ComparisonError::NoBands);
        }
        for (i, band) in bands.iter().enumerate() {
            for earlier in bands.iter().take(i) {
                let reason = if earlier.label == band.label {
                    Some(format!("band {:?} has the same label", earlier.label))
                } else if earlier.overlaps(band) {
                    Some(format!("it overlaps band {:?}", earlier.label))
                } else {
                    None
                };
                if let Some(reason) = reason {
                    return Err(ComparisonError::InvalidBand { label: band.label.clone(), reason });
                }
            }
        }
        Ok(MaturityBands { bands })
    }

    /// The bands, in the order given.
    ///
    /// ```
    /// use integration_outcomes::maturity::Classification;
    /// let Classification::Bands(bands) = Classification::scirocco_delphi() else { unreachable!() };
    /// let labels: Vec<&str> = bands.bands().iter().map(|b| b.label()).collect();
    /// assert_eq!(labels, ["Initial", "Progressing", "Optimising"]);
    /// ```
    #[must_use]
    pub fn bands(&self) -> &[Band] {
        &self.bands
    }
}

impl fmt::Display for MaturityBands {
    /// Writes the bands as `Initial [0, 2.5); Progressing [2.5, 4.5); …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.bands.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join("; "))
    }
}

/// How a domain's maturity is classified from its median, chosen by the
/// caller.
///
/// - [`Classification::LevelReached`]: the highest level `L` with
///   median ≥ `L` (a median of 2.5 has reached level 2); agreement is not
///   consulted. This is [`DomainProfile::level_reached`].
/// - [`Classification::Bands`]: the band containing the median, and
///   [`MaturityClass::Uncertain`] whenever the agreement policy finds the
///   panel split. [`Classification::scirocco_delphi`] is the published
///   SCIROCCO Delphi classification; users define their own bands in code
///   ([`MaturityBands::new`]) or JSON.
///
/// In JSON, `"level-reached"` or `{"bands": [...]}`.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Agreement, Classification, MaturityClass};
/// use rust_decimal::Decimal;
///
/// let scirocco = Classification::scirocco_delphi();
/// let half = Decimal::new(25, 1);
/// // The paper's table: a median of 2.5 with agreement is "Progressing".
/// assert_eq!(scirocco.classify("structure_and_governance", Some(half), Agreement::Agreed)?,
///     Some(MaturityClass::Band("Progressing".into())));
/// assert_eq!(scirocco.classify("digital_infrastructure", Some(half), Agreement::Split)?,
///     Some(MaturityClass::Uncertain));
/// assert_eq!(Classification::LevelReached.classify("culture", Some(half), Agreement::Agreed)?,
///     Some(MaturityClass::Level(2)));
/// let json: Classification = serde_json::from_str(r#""level-reached""#)?;
/// assert_eq!(json, Classification::LevelReached);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Classification {
    /// The level reached: the median rounded down to a whole level.
    LevelReached,
    /// The band containing the median; uncertain when the panel is split.
    Bands(MaturityBands),
}

impl Classification {
    /// The SCIROCCO Delphi classification (doi:10.5334/ijic.7747, Table 2)
    /// on the 0–5 scale: **Initial** for medians 0–2, **Progressing** for
    /// 3–4, **Optimising** for 5, and **Uncertain** for any median when the
    /// panel is split. The paper's Table 4 labels a median of 2.5 with
    /// agreement "Progressing", so a half-point median goes to the band
    /// above: Initial `[0, 2.5)`, Progressing `[2.5, 4.5)`, Optimising
    /// `[4.5, 5]`. (No 4.5 appears in the paper; it is placed by the same
    /// rule.) The paper also writes "Initialising" for Initial.
    ///
    /// Pair it with the paper's agreement rule,
    /// `AgreementPolicy::RandRegion { fewer_than: 4 }` on its 12 panellists.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Agreement, Classification, MaturityClass};
    /// use rust_decimal::Decimal;
    /// let scirocco = Classification::scirocco_delphi();
    /// let class = |median: Decimal| scirocco.classify("d", Some(median), Agreement::Agreed);
    /// assert_eq!(class(Decimal::from(2))?, Some(MaturityClass::Band("Initial".into())));
    /// assert_eq!(class(Decimal::from(3))?, Some(MaturityClass::Band("Progressing".into())));
    /// assert_eq!(class(Decimal::from(5))?, Some(MaturityClass::Band("Optimising".into())));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn scirocco_delphi() -> Classification {
        let end = |n: i64, scale: u32| Decimal::new(n, scale);
        let bands = vec![
            Band {
                label: "Initial".to_owned(),
                from: BandEnd::Inclusive(end(0, 0)),
                to: BandEnd::Exclusive(end(25, 1)),
            },
            Band {
                label: "Progressing".to_owned(),
                from: BandEnd::Inclusive(end(25, 1)),
                to: BandEnd::Exclusive(end(45, 1)),
            },
            Band {
                label: "Optimising".to_owned(),
                from: BandEnd::Inclusive(end(45, 1)),
                to: BandEnd::Inclusive(end(5, 0)),
            },
        ];
        Classification::Bands(MaturityBands { bands })
    }

    /// Classifies a domain (named by `domain` in errors) from its median
    /// (`None` when nobody scored it) and the agreement found by the
    /// caller's policy. `None` when there is no median.
    ///
    /// Under bands, only [`Agreement::Split`] makes a domain uncertain; a
    /// domain whose agreement could not be assessed is classified by its
    /// median.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::MedianOutsideBands`] if the median is in none of
    /// the bands (and the panel is not split).
    ///
    /// ```
    /// use integration_outcomes::maturity::{Agreement, Band, BandEnd, Classification, ComparisonError, MaturityBands};
    /// use rust_decimal::Decimal;
    /// let low = Band::new("Low", BandEnd::Inclusive(Decimal::ONE), BandEnd::Inclusive(Decimal::from(2)))?;
    /// let only_low = Classification::Bands(MaturityBands::new(vec![low])?);
    /// let err = only_low.classify("culture", Some(Decimal::from(4)), Agreement::Agreed).unwrap_err();
    /// assert_eq!(err.to_string(), "median 4 of domain \"culture\" falls in none of the bands Low [1, 2]");
    /// assert_eq!(only_low.classify("culture", None, Agreement::NotAssessable)?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn classify(
        &self,
        domain: &str,
        median: Option<Decimal>,
        agreement: Agreement,
    ) -> Result<Option<MaturityClass>, ComparisonError> {
        let Some(median) = median else {
            return Ok(None);
        };
        match self {
            Classification::LevelReached => Ok(median.floor().to_u8().map(MaturityClass::Level)),
            Classification::Bands(bands) => {
                if agreement == Agreement::Split {
                    return Ok(Some(MaturityClass::Uncertain));
                }
                match bands.bands.iter().find(|b| b.contains(median)) {
                    Some(band) => Ok(Some(MaturityClass::Band(band.label.clone()))),
                    None => Err(ComparisonError::MedianOutsideBands {
                        domain: domain.to_owned(),
                        median,
                        bands: bands.to_string(),
                    }),
                }
            }
        }
    }
}

impl fmt::Display for Classification {
    /// Writes the classification in words.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Classification::LevelReached => f.write_str("level reached (median rounded down)"),
            Classification::Bands(bands) => write!(f, "bands {bands}; uncertain when split"),
        }
    }
}

/// The class of one domain under a [`Classification`].
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::MaturityClass;
/// assert_eq!(MaturityClass::Band("Progressing".into()).to_string(), "Progressing");
/// assert_eq!(MaturityClass::Level(2).to_string(), "level 2");
/// assert_eq!(MaturityClass::Uncertain.to_string(), "Uncertain");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum MaturityClass {
    /// The level reached ([`Classification::LevelReached`]).
    Level(u8),
    /// The label of the band containing the median.
    Band(String),
    /// The panel is split, so the class is uncertain whatever the median.
    Uncertain,
}

impl fmt::Display for MaturityClass {
    /// Writes `level 2`, the band's label, or `Uncertain`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MaturityClass::Level(level) => write!(f, "level {level}"),
            MaturityClass::Band(label) => f.write_str(label),
            MaturityClass::Uncertain => f.write_str("Uncertain"),
        }
    }
}

/// A domain's class in two rounds ([`DomainChange::class_change`]).
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{ClassChange, MaturityClass};
/// let change = ClassChange::new(Some(MaturityClass::Uncertain), Some(MaturityClass::Band("Progressing".into())));
/// assert!(change.changed());
/// assert_eq!(change.to_string(), "Uncertain -> Progressing");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ClassChange {
    before: Option<MaturityClass>,
    after: Option<MaturityClass>,
}

impl ClassChange {
    /// The classes before and after (`None` where a round has no median).
    ///
    /// ```
    /// use integration_outcomes::maturity::{ClassChange, MaturityClass};
    /// let same = ClassChange::new(Some(MaturityClass::Level(3)), Some(MaturityClass::Level(3)));
    /// assert!(!same.changed());
    /// ```
    #[must_use]
    pub const fn new(before: Option<MaturityClass>, after: Option<MaturityClass>) -> ClassChange {
        ClassChange { before, after }
    }

    /// The class in the earlier round.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{ClassChange, MaturityClass};
    /// let change = ClassChange::new(None, Some(MaturityClass::Level(1)));
    /// assert_eq!(change.before(), None);
    /// ```
    #[must_use]
    pub const fn before(&self) -> Option<&MaturityClass> {
        self.before.as_ref()
    }

    /// The class in the later round.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{ClassChange, MaturityClass};
    /// let change = ClassChange::new(None, Some(MaturityClass::Level(1)));
    /// assert_eq!(change.after(), Some(&MaturityClass::Level(1)));
    /// ```
    #[must_use]
    pub const fn after(&self) -> Option<&MaturityClass> {
        self.after.as_ref()
    }

    /// Whether the class differs between the rounds.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{ClassChange, MaturityClass};
    /// assert!(ClassChange::new(None, Some(MaturityClass::Level(1))).changed());
    /// ```
    #[must_use]
    pub fn changed(&self) -> bool {
        self.before != self.after
    }
}

impl fmt::Display for ClassChange {
    /// Writes `before -> after`, with `-` for a round without a median.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word =
            |c: Option<&MaturityClass>| c.map_or_else(|| "-".to_owned(), ToString::to_string);
        write!(f, "{} -> {}", word(self.before()), word(self.after()))
    }
}

impl DomainChange {
    /// The domain's class in both rounds under `classification`, from the
    /// medians and the agreement the progress was judged with.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::MedianOutsideBands`] if a median is in none of the
    /// bands.
    ///
    /// ```
    /// use integration_outcomes::maturity::{AgreementPolicy, Assessment, Classification, Framework, MaturityClass, Progress, ReassessmentOptions, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    /// let round = |label: &str, date: Date, scores: [u8; 2]| -> Result<_, Box<dyn std::error::Error>> {
    ///     let responses = [("Ann", scores[0]), ("Bob", scores[1])].map(|(name, level)| {
    ///         Response::builder(&scirocco, Respondent::new(name, "Region").unwrap())
    ///             .score("digital_infrastructure", Score::Level(level)).unwrap().build()
    ///     });
    ///     Ok(Assessment::new(&scirocco, "Region", date, label, responses)?.profile())
    /// };
    /// let before = round("round 1", Date::new(2026, 1, 15)?, [0, 5])?; // split
    /// let after = round("round 2", Date::new(2026, 7, 15)?, [3, 3])?;
    /// let progress = Progress::between(&before, &after, ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 1 }))?;
    /// let change = progress.change("digital_infrastructure").unwrap().class_change(&Classification::scirocco_delphi())?;
    /// assert_eq!(change.to_string(), "Uncertain -> Progressing");
    /// assert_eq!(change.after(), Some(&MaturityClass::Band("Progressing".into())));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn class_change(
        &self,
        classification: &Classification,
    ) -> Result<ClassChange, ComparisonError> {
        let before = classification.classify(
            self.domain(),
            self.median_before(),
            self.agreement_before(),
        )?;
        let after =
            classification.classify(self.domain(), self.median_after(), self.agreement_after())?;
        Ok(ClassChange { before, after })
    }
}

impl super::Progress {
    /// Every domain's class in both rounds under `classification`
    /// ([`DomainChange::class_change`]), in framework order.
    ///
    /// # Errors
    ///
    /// [`ComparisonError::MedianOutsideBands`] if a median is in none of the
    /// bands.
    ///
    /// ```
    /// use integration_outcomes::maturity::{AgreementPolicy, Assessment, Classification, Framework, Progress, ReassessmentOptions, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let round = |label: &str, date: Date, level: u8| -> Result<_, Box<dyn std::error::Error>> {
    ///     let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(level))?.build();
    ///     Ok(Assessment::new(&aqua, "P", date, label, [r])?.profile())
    /// };
    /// let progress = Progress::between(&round("baseline", Date::new(2026, 1, 15)?, 2)?,
    ///     &round("review", Date::new(2026, 7, 15)?, 3)?,
    ///     ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 4 }))?;
    /// let changed: Vec<String> = progress.class_changes(&Classification::LevelReached)?
    ///     .into_iter()
    ///     .filter(|(_, c)| c.changed())
    ///     .map(|(d, c)| format!("{}: {c}", d.name()))
    ///     .collect();
    /// assert_eq!(changed, ["Culture: level 2 -> level 3"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn class_changes(
        &self,
        classification: &Classification,
    ) -> Result<Vec<(&DomainChange, ClassChange)>, ComparisonError> {
        self.changes().iter().map(|c| Ok((c, c.class_change(classification)?))).collect()
    }
}

impl Profile {
    /// Every domain's class under `classification`, with agreement judged
    /// by `agreement` (`None` for a domain nobody scored).
    ///
    /// # Errors
    ///
    /// [`ComparisonError::InvalidAgreementPolicy`] or
    /// [`ComparisonError::PolicyNotForScale`] for an unusable agreement
    /// policy ([`AgreementPolicy::validate_for`]), and
    /// [`ComparisonError::MedianOutsideBands`] if a median is in none of the
    /// bands.
    ///
    /// ```
    /// use integration_outcomes::maturity::{AgreementPolicy, Assessment, Classification, Framework, MaturityClass, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    /// let r = Response::builder(&scirocco, Respondent::new("Ann", "Region")?).score("readiness_to_change", Score::Level(3))?.build();
    /// let profile = Assessment::new(&scirocco, "Region", Date::new(2026, 1, 15)?, "round 1", [r])?.profile();
    /// let classes = profile.classes(&Classification::scirocco_delphi(), &AgreementPolicy::RandRegion { fewer_than: 4 })?;
    /// assert_eq!(classes[0].1, Some(MaturityClass::Band("Progressing".into())));
    /// assert_eq!(classes[1].1, None); // not scored
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn classes(
        &self,
        classification: &Classification,
        agreement: &AgreementPolicy,
    ) -> Result<Vec<(&DomainProfile, Option<MaturityClass>)>, ComparisonError> {
        self.agreement(agreement)?
            .into_iter()
            .map(|(domain, a)| {
                Ok((domain, classification.classify(domain.id(), domain.median(), a)?))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(label: &str, from: BandEnd, to: BandEnd) -> Band {
        Band::new(label, from, to).unwrap()
    }

    #[test]
    fn overlap_respects_open_and_closed_ends() {
        let d = Decimal::from;
        let a = band("a", BandEnd::Inclusive(d(0)), BandEnd::Exclusive(d(2)));
        let b = band("b", BandEnd::Inclusive(d(2)), BandEnd::Inclusive(d(3)));
        let c = band("c", BandEnd::Inclusive(d(1)), BandEnd::Inclusive(d(2)));
        assert!(!a.overlaps(&b) && !b.overlaps(&a));
        assert!(b.overlaps(&c) && c.overlaps(&b));
        assert!(a.overlaps(&c));
        let open = band("o", BandEnd::Exclusive(d(3)), BandEnd::Inclusive(d(5)));
        assert!(!b.overlaps(&open));
        assert_eq!(
            MaturityBands::new(vec![a.clone(), a]),
            Err(ComparisonError::InvalidBand {
                label: "a".into(),
                reason: "band \"a\" has the same label".into()
            })
        );
    }

    #[test]
    fn scirocco_bands_are_valid_and_round_trip_through_json() {
        let Classification::Bands(bands) = Classification::scirocco_delphi() else {
            panic!("bands expected")
        };
        assert_eq!(MaturityBands::new(bands.bands.clone()), Ok(bands));
        let json = serde_json::to_string(&Classification::scirocco_delphi()).unwrap();
        assert!(
            json.starts_with(r#"{"bands":[{"label":"Initial","from":{"inclusive":"0"}"#),
            "{json}"
        );
        let back: Classification = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Classification::scirocco_delphi());
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }
}
