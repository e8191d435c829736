//! Assessment rounds: respondents' individual scores on a framework.

use std::collections::HashSet;
use std::fmt;

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use super::entries::entries;
use super::text::is_blank;
use super::{AssessmentError, Framework, Scale};
use crate::Date;

/// One respondent's score for one domain.
///
/// In JSON a level is a number and the other two are the strings
/// `"not-scored"` and `"not-applicable"`.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::Score;
///
/// let scores: Vec<Score> = serde_json::from_str(r#"[3, "not-scored", "not-applicable"]"#)?;
/// assert_eq!(scores, [Score::Level(3), Score::NotScored, Score::NotApplicable]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "ScoreRepr", into = "ScoreRepr")]
pub enum Score {
    /// A level of the framework's scale.
    Level(u8),
    /// The respondent left the domain unscored (did not know, or skipped it).
    NotScored,
    /// The respondent judged the domain not applicable to the partnership.
    NotApplicable,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(untagged)]
enum ScoreRepr {
    Level(u8),
    Word(ScoreWord),
}

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ScoreWord {
    NotScored,
    NotApplicable,
}

impl From<ScoreRepr> for Score {
    fn from(repr: ScoreRepr) -> Self {
        match repr {
            ScoreRepr::Level(level) => Score::Level(level),
            ScoreRepr::Word(ScoreWord::NotScored) => Score::NotScored,
            ScoreRepr::Word(ScoreWord::NotApplicable) => Score::NotApplicable,
        }
    }
}

impl From<Score> for ScoreRepr {
    fn from(score: Score) -> Self {
        match score {
            Score::Level(level) => ScoreRepr::Level(level),
            Score::NotScored => ScoreRepr::Word(ScoreWord::NotScored),
            Score::NotApplicable => ScoreRepr::Word(ScoreWord::NotApplicable),
        }
    }
}

impl Score {
    fn code(self, scale: &Scale) -> Option<u8> {
        let k = u8::try_from(scale.len()).ok()?;
        match self {
            Score::Level(level) => scale.index_of(level).and_then(|i| u8::try_from(i).ok()),
            Score::NotScored => Some(k),
            Score::NotApplicable => k.checked_add(1),
        }
    }

    fn from_code(code: u8, scale: &Scale) -> Score {
        let k = scale.len();
        match usize::from(code) {
            c if c < k => Score::Level(scale.min().saturating_add(code)),
            c if c == k => Score::NotScored,
            _ => Score::NotApplicable,
        }
    }
}

/// Who gave a response: a name, an organisation and optionally a role.
/// Within a round a respondent is identified by name and organisation.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::Respondent;
///
/// let r = Respondent::new("Jo Bloggs", "Lancashire Care NHS Foundation Trust")?.with_role("Director of Nursing");
/// assert_eq!(r.to_string(), "Jo Bloggs (Lancashire Care NHS Foundation Trust)");
/// assert!(Respondent::new("", "Council").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RespondentRepr")]
pub struct Respondent {
    name: String,
    organisation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RespondentRepr {
    name: String,
    organisation: String,
    #[serde(default)]
    role: Option<String>,
}

impl TryFrom<RespondentRepr> for Respondent {
    type Error = AssessmentError;
    fn try_from(repr: RespondentRepr) -> Result<Self, Self::Error> {
        let mut respondent = Respondent::new(repr.name, repr.organisation)?;
        respondent.role = repr.role;
        Ok(respondent)
    }
}

impl Respondent {
    /// Who the respondent is, as duplicates are found: name and
    /// organisation, ignoring case and runs of spaces ("Ann  Lee / NHS" and
    /// "ann lee / nhs" are one person).
    pub(crate) fn key(&self) -> (String, String) {
        let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        (fold(&self.name), fold(&self.organisation))
    }

    /// A respondent by name and organisation.
    ///
    /// # Errors
    ///
    /// [`AssessmentError::EmptyText`] if either is empty.
    ///
    /// ```
    /// use integration_outcomes::maturity::{AssessmentError, Respondent};
    /// let r = Respondent::new("Jo Bloggs", "Chorley Council")?;
    /// assert_eq!(r.to_string(), "Jo Bloggs (Chorley Council)");
    /// assert!(matches!(Respondent::new("Jo Bloggs", " "), Err(AssessmentError::EmptyText { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        name: impl Into<String>,
        organisation: impl Into<String>,
    ) -> Result<Respondent, AssessmentError> {
        let (name, organisation) = (name.into(), organisation.into());
        if is_blank(&name) {
            return Err(AssessmentError::EmptyText { item: "respondent name".to_owned() });
        }
        if is_blank(&organisation) {
            return Err(AssessmentError::EmptyText {
                item: format!("organisation of respondent {name:?}"),
            });
        }
        Ok(Respondent { name, organisation, role: None })
    }

    /// The same respondent with a role, such as "Director of Adult Social Care".
    ///
    /// ```
    /// use integration_outcomes::maturity::Respondent;
    /// let r = Respondent::new("Jo Bloggs", "Chorley Council")?.with_role("Director of Adult Social Care");
    /// assert_eq!(r.role(), Some("Director of Adult Social Care"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_role(mut self, role: impl Into<String>) -> Respondent {
        self.role = Some(role.into());
        self
    }

    /// The name.
    ///
    /// ```
    /// use integration_outcomes::maturity::Respondent;
    /// assert_eq!(Respondent::new("Jo Bloggs", "Chorley Council")?.name(), "Jo Bloggs");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The organisation.
    ///
    /// ```
    /// use integration_outcomes::maturity::Respondent;
    /// assert_eq!(Respondent::new("Jo Bloggs", "Chorley Council")?.organisation(), "Chorley Council");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn organisation(&self) -> &str {
        &self.organisation
    }

    /// The role, if given.
    ///
    /// ```
    /// use integration_outcomes::maturity::Respondent;
    /// let r = Respondent::new("Jo Bloggs", "Chorley Council")?;
    /// assert_eq!(r.role(), None);
    /// assert_eq!(r.with_role("Chief Executive").role(), Some("Chief Executive"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn role(&self) -> Option<&str> {
        self.role.as_deref()
    }
}

impl fmt::Display for Respondent {
    /// Writes `name (organisation)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name, self.organisation)
    }
}

/// One respondent's individual assessment: a score per domain (domains not
/// mentioned are [`Score::NotScored`]) and an optional comment.
///
/// Build one with [`Response::builder`], which checks each score against the
/// framework as it is added; a response read from JSON is checked when its
/// round is built.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Framework, Respondent, Response, Score};
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let response = Response::builder(&aqua, Respondent::new("A. Patel", "Chorley Council")?)
///     .score("leadership", Score::Level(3))?
///     .score("workforce", Score::NotApplicable)?
///     .comment("Strong shared vision; finance lags")
///     .build();
/// assert_eq!(response.score("leadership"), Score::Level(3));
/// assert_eq!(response.score("culture"), Score::NotScored);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    framework: String,
    respondent: Respondent,
    #[serde(serialize_with = "scores_as_map", deserialize_with = "entries")]
    scores: Vec<(String, Score)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comment: Option<String>,
}

fn scores_as_map<S: Serializer>(scores: &[(String, Score)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(scores.len()))?;
    for (domain, score) in scores {
        map.serialize_entry(domain, score)?;
    }
    map.end()
}

impl Response {
    /// Starts a response by `respondent` on `framework`.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Framework, Respondent, Response, Score};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let response = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    ///     .score("culture", Score::Level(2))?
    ///     .build();
    /// assert_eq!(response.score("culture"), Score::Level(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn builder(framework: &Framework, respondent: Respondent) -> ResponseBuilder<'_> {
        ResponseBuilder {
            framework,
            response: Response {
                framework: framework.id().to_owned(),
                respondent,
                scores: Vec::new(),
                comment: None,
            },
        }
    }

    /// The id of the framework the response was made on.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, Respondent, Response, Score};
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let response = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    ///     .score("culture", Score::Level(2))?
    ///     .comment("Finance lags")
    ///     .build();
    ///
    /// assert_eq!(response.framework(), "aqua-sif-2014");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn framework(&self) -> &str {
        &self.framework
    }

    /// Who responded.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, Respondent, Response, Score};
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let response = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    ///     .score("culture", Score::Level(2))?
    ///     .comment("Finance lags")
    ///     .build();
    ///
    /// assert_eq!(response.respondent().to_string(), "Ann (NHS)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn respondent(&self) -> &Respondent {
        &self.respondent
    }

    /// The scores given, in the order given.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, Respondent, Response, Score};
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let response = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    ///     .score("culture", Score::Level(2))?
    ///     .comment("Finance lags")
    ///     .build();
    ///
    /// assert_eq!(response.scores(), [("culture".to_owned(), Score::Level(2))]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn scores(&self) -> &[(String, Score)] {
        &self.scores
    }

    /// The score for `domain` ([`Score::NotScored`] if none was given).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, Respondent, Response, Score};
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let response = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    ///     .score("culture", Score::Level(2))?
    ///     .comment("Finance lags")
    ///     .build();
    ///
    /// assert_eq!(response.score("culture"), Score::Level(2));
    /// assert_eq!(response.score("leadership"), Score::NotScored);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn score(&self, domain: &str) -> Score {
        self.scores.iter().find(|(d, _)| d == domain).map_or(Score::NotScored, |(_, s)| *s)
    }

    /// The comment, if any.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, Respondent, Response, Score};
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let response = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    ///     .score("culture", Score::Level(2))?
    ///     .comment("Finance lags")
    ///     .build();
    ///
    /// assert_eq!(response.comment(), Some("Finance lags"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn comment(&self) -> Option<&str> {
        self.comment.as_deref()
    }

    /// The response's scores as codes in framework domain order.
    fn codes(&self, framework: &Framework) -> Result<Vec<u8>, AssessmentError> {
        let scale = framework.scale();
        let not_scored = Score::NotScored.code(scale).unwrap_or(u8::MAX);
        let mut codes = vec![not_scored; framework.domains().len()];
        let position = |domain: &str| framework.domain_position(domain);
        self.fill_codes(scale, &mut codes, position)?;
        Ok(codes)
    }

    /// The response's scores as codes in the order of `domains`.
    pub(crate) fn codes_for(
        &self,
        scale: &Scale,
        domains: &[DomainLabel],
        not_scored: u8,
    ) -> Result<Vec<u8>, AssessmentError> {
        let mut codes = vec![not_scored; domains.len()];
        let position = |domain: &str| domains.iter().position(|d| d.id == domain);
        self.fill_codes(scale, &mut codes, position)?;
        Ok(codes)
    }

    fn fill_codes(
        &self,
        scale: &Scale,
        codes: &mut [u8],
        position: impl Fn(&str) -> Option<usize>,
    ) -> Result<(), AssessmentError> {
        let mut seen = vec![false; codes.len()];
        for (domain, score) in &self.scores {
            let who = || self.respondent.to_string();
            let position = position(domain).ok_or_else(|| AssessmentError::UnknownDomain {
                respondent: who(),
                domain: domain.clone(),
            })?;
            if let Some(flag) = seen.get_mut(position) {
                if *flag {
                    return Err(AssessmentError::DuplicateScore {
                        respondent: who(),
                        domain: domain.clone(),
                    });
                }
                *flag = true;
            }
            let code = score.code(scale).ok_or_else(|| AssessmentError::ScoreOffScale {
                respondent: who(),
                domain: domain.clone(),
                level: match score {
                    Score::Level(level) => *level,
                    Score::NotScored | Score::NotApplicable => 0,
                },
                min: scale.min(),
                max: scale.max(),
            })?;
            if let Some(slot) = codes.get_mut(position) {
                *slot = code;
            }
        }
        Ok(())
    }
}

/// A response being built against its framework; see [`Response::builder`].
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Framework, Respondent, Response, ResponseBuilder, Score};
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let builder: ResponseBuilder<'_> = Response::builder(&aqua, Respondent::new("Ann", "NHS")?);
/// let response = builder
///     .score("leadership", Score::Level(3))?
///     .score("culture", Score::NotApplicable)?
///     .comment("Strong shared vision")
///     .build();
/// assert_eq!(response.scores().len(), 2);
/// assert_eq!(response.comment(), Some("Strong shared vision"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct ResponseBuilder<'f> {
    framework: &'f Framework,
    response: Response,
}

impl ResponseBuilder<'_> {
    /// Adds the score for one domain.
    ///
    /// # Errors
    ///
    /// [`AssessmentError::UnknownDomain`], [`AssessmentError::ScoreOffScale`]
    /// or [`AssessmentError::DuplicateScore`], each naming the respondent and
    /// the domain.
    ///
    /// ```
    /// use integration_outcomes::maturity::{AssessmentError, Framework, Respondent, Response, Score};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let err = Response::builder(&aqua, Respondent::new("Sam", "Council")?)
    ///     .score("culture", Score::Level(0))
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "Sam (Council) scored domain \"culture\" at 0, outside the scale 1..=5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn score(mut self, domain: &str, score: Score) -> Result<Self, AssessmentError> {
        self.response.scores.push((domain.to_owned(), score));
        self.response.codes(self.framework)?;
        Ok(self)
    }

    /// Adds a comment.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, Respondent, Response};
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let response = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    ///     .comment("Strong shared vision")
    ///     .build();
    /// assert_eq!(response.comment(), Some("Strong shared vision"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn comment(mut self, comment: impl Into<String>) -> Self {
        self.response.comment = Some(comment.into());
        self
    }

    /// The response.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, Respondent, Response, Score};
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let builder = Response::builder(&aqua, Respondent::new("Ann", "NHS")?)
    ///     .score("leadership", Score::Level(3))?;
    /// let response = builder.build();
    /// assert_eq!(response.scores().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn build(self) -> Response {
        self.response
    }
}

/// A domain's id and name as the round recorded them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct DomainLabel {
    pub(crate) id: String,
    pub(crate) name: String,
}

/// One assessment round: a partnership's responses on one framework, on one
/// date, under a label such as "baseline" or "six-month review".
///
/// Building the round validates every response; scores are then held compactly
/// per domain, so that a profile of 100,000 responses is one counting pass.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
/// use integration_outcomes::Date;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let mut responses = Vec::new();
/// for (name, org, level) in [("Ann", "NHS", 2), ("Bob", "Council", 3), ("Cat", "CVS", 3)] {
///     responses.push(
///         Response::builder(&aqua, Respondent::new(name, org)?)
///             .score("leadership", Score::Level(level))?
///             .build(),
///     );
/// }
/// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", responses)?;
/// assert_eq!(round.len(), 3);
/// let profile = round.profile();
/// assert_eq!(profile.domain("leadership").unwrap().statistics().unwrap().median().to_string(), "3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    framework: String,
    partnership: String,
    date: Date,
    label: String,
    scale: Scale,
    domains: Vec<DomainLabel>,
    respondents: Vec<Respondent>,
    comments: Vec<Option<String>>,
    /// One column of score codes per domain: level − min for a level, then
    /// `levels` for not scored and `levels + 1` for not applicable.
    columns: Vec<Vec<u8>>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AssessmentRecord {
    framework: String,
    partnership: String,
    #[serde(with = "crate::civil_date")]
    date: Date,
    label: String,
    responses: Vec<Response>,
}

impl Assessment {
    /// A validated round.
    ///
    /// # Errors
    ///
    /// - [`AssessmentError::EmptyText`] for an empty partnership or label;
    /// - [`AssessmentError::EmptyRound`] with no responses;
    /// - [`AssessmentError::DifferentFramework`] for a response on another framework;
    /// - [`AssessmentError::UnknownDomain`], [`AssessmentError::ScoreOffScale`],
    ///   [`AssessmentError::DuplicateScore`] for a bad score;
    /// - [`AssessmentError::DuplicateRespondent`] if the same name and
    ///   organisation respond twice.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Assessment, AssessmentError, Framework};
    /// use integration_outcomes::Date;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let err = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", vec![]).unwrap_err();
    /// assert_eq!(err, AssessmentError::EmptyRound { round: "baseline".into() });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        framework: &Framework,
        partnership: impl Into<String>,
        date: Date,
        label: impl Into<String>,
        responses: impl IntoIterator<Item = Response>,
    ) -> Result<Assessment, AssessmentError> {
        let (partnership, label) = (partnership.into(), label.into());
        if is_blank(&partnership) {
            return Err(AssessmentError::EmptyText { item: "partnership".to_owned() });
        }
        if is_blank(&label) {
            return Err(AssessmentError::EmptyText { item: "round label".to_owned() });
        }
        let responses = responses.into_iter();
        let mut round = Assessment {
            framework: framework.id().to_owned(),
            partnership,
            date,
            label,
            scale: framework.scale().clone(),
            domains: framework
                .domains()
                .iter()
                .map(|d| DomainLabel { id: d.id().to_owned(), name: d.name().to_owned() })
                .collect(),
            respondents: Vec::with_capacity(responses.size_hint().0),
            comments: Vec::with_capacity(responses.size_hint().0),
            columns: vec![Vec::with_capacity(responses.size_hint().0); framework.domains().len()],
        };
        let mut seen = HashSet::new();
        for response in responses {
            if response.framework != framework.id() {
                return Err(AssessmentError::DifferentFramework {
                    respondent: response.respondent.to_string(),
                    expected: framework.id().to_owned(),
                    found: response.framework,
                });
            }
            let codes = response.codes(framework)?;
            if !seen.insert(response.respondent.key()) {
                return Err(AssessmentError::DuplicateRespondent {
                    respondent: response.respondent.to_string(),
                    round: round.label,
                });
            }
            for (column, code) in round.columns.iter_mut().zip(codes) {
                column.push(code);
            }
            round.respondents.push(response.respondent);
            round.comments.push(response.comment);
        }
        if round.respondents.is_empty() {
            return Err(AssessmentError::EmptyRound { round: round.label });
        }
        Ok(round)
    }

    /// A round from JSON (as written by serialising an `Assessment`), validated
    /// against `framework`.
    ///
    /// # Errors
    ///
    /// [`AssessmentError::Json`] for malformed JSON, otherwise the errors of
    /// [`Assessment::new`] (including a round recorded on another framework).
    ///
    /// ```
    /// use integration_outcomes::maturity::{Assessment, Framework};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let json = r#"{"framework":"aqua-sif-2014","partnership":"Chorley PSR","date":"2026-01-15",
    ///   "label":"baseline","responses":[{"framework":"aqua-sif-2014",
    ///   "respondent":{"name":"Ann","organisation":"NHS"},"scores":{"leadership":2,"culture":"not-applicable"}}]}"#;
    /// let round = Assessment::from_json(&aqua, json)?;
    /// assert_eq!(round.len(), 1);
    /// assert_eq!(Assessment::from_json(&aqua, &serde_json::to_string(&round)?)?, round);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(framework: &Framework, json: &str) -> Result<Assessment, AssessmentError> {
        let record: AssessmentRecord = serde_json::from_str(json)
            .map_err(|e| AssessmentError::Json { message: e.to_string() })?;
        if record.framework != framework.id() {
            return Err(AssessmentError::DifferentFramework {
                respondent: format!("round {:?}", record.label),
                expected: framework.id().to_owned(),
                found: record.framework,
            });
        }
        Assessment::new(framework, record.partnership, record.date, record.label, record.responses)
    }

    /// The framework's id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = |name: &str, org: &str| Response::builder(&aqua, Respondent::new(name, org).unwrap()).build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline",
    ///     [r("Ann", "NHS"), r("Bob", "Council"), r("Cat", "NHS")])?;
    ///
    /// assert_eq!(round.framework(), "aqua-sif-2014");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn framework(&self) -> &str {
        &self.framework
    }

    /// The partnership assessed.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = |name: &str, org: &str| Response::builder(&aqua, Respondent::new(name, org).unwrap()).build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline",
    ///     [r("Ann", "NHS"), r("Bob", "Council"), r("Cat", "NHS")])?;
    ///
    /// assert_eq!(round.partnership(), "Chorley PSR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn partnership(&self) -> &str {
        &self.partnership
    }

    /// The date of the round.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = |name: &str, org: &str| Response::builder(&aqua, Respondent::new(name, org).unwrap()).build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline",
    ///     [r("Ann", "NHS"), r("Bob", "Council"), r("Cat", "NHS")])?;
    ///
    /// assert_eq!(round.date(), Date::new(2026, 1, 15)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn date(&self) -> Date {
        self.date
    }

    /// The round's label.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = |name: &str, org: &str| Response::builder(&aqua, Respondent::new(name, org).unwrap()).build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline",
    ///     [r("Ann", "NHS"), r("Bob", "Council"), r("Cat", "NHS")])?;
    ///
    /// assert_eq!(round.label(), "baseline");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The framework's scale.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = |name: &str, org: &str| Response::builder(&aqua, Respondent::new(name, org).unwrap()).build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline",
    ///     [r("Ann", "NHS"), r("Bob", "Council"), r("Cat", "NHS")])?;
    ///
    /// assert_eq!((round.scale().min(), round.scale().max()), (1, 5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    /// The number of responses (never zero).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = |name: &str, org: &str| Response::builder(&aqua, Respondent::new(name, org).unwrap()).build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline",
    ///     [r("Ann", "NHS"), r("Bob", "Council"), r("Cat", "NHS")])?;
    ///
    /// assert_eq!(round.len(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.respondents.len()
    }

    /// Always `false`: a round has at least one response.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = |name: &str, org: &str| Response::builder(&aqua, Respondent::new(name, org).unwrap()).build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline",
    ///     [r("Ann", "NHS"), r("Bob", "Council"), r("Cat", "NHS")])?;
    ///
    /// assert!(!round.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.respondents.is_empty()
    }

    /// The respondents, in the order their responses were given.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = |name: &str, org: &str| Response::builder(&aqua, Respondent::new(name, org).unwrap()).build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline",
    ///     [r("Ann", "NHS"), r("Bob", "Council"), r("Cat", "NHS")])?;
    ///
    /// let names: Vec<&str> = round.respondents().iter().map(|r| r.name()).collect();
    /// assert_eq!(names, ["Ann", "Bob", "Cat"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn respondents(&self) -> &[Respondent] {
        &self.respondents
    }

    /// The `index`-th response, rebuilt from the stored scores (every domain
    /// listed, in framework order).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(4))?.build();
    /// # let round = Assessment::new(&aqua, "P", Date::new(2026, 1, 1)?, "baseline", [r])?;
    /// let response = round.response(0).unwrap();
    /// assert_eq!(response.score("culture"), Score::Level(4));
    /// assert_eq!(response.score("leadership"), Score::NotScored);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn response(&self, index: usize) -> Option<Response> {
        let respondent = self.respondents.get(index)?.clone();
        let comment = self.comments.get(index).cloned().flatten();
        let scores = self
            .domains
            .iter()
            .zip(&self.columns)
            .filter_map(|(domain, column)| {
                let code = *column.get(index)?;
                Some((domain.id.clone(), Score::from_code(code, &self.scale)))
            })
            .collect();
        Some(Response { framework: self.framework.clone(), respondent, scores, comment })
    }

    /// The distinct organisations that responded, in order of first response.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response};
    /// # use integration_outcomes::Date;
    /// # let aqua = Framework::builtin("aqua-sif-2014")?;
    /// # let r = |name: &str, org: &str| Response::builder(&aqua, Respondent::new(name, org).unwrap()).build();
    /// let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline",
    ///     [r("Ann", "NHS"), r("Bob", "Council"), r("Cat", "NHS")])?;
    ///
    /// assert_eq!(round.organisations(), ["NHS", "Council"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn organisations(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.respondents.iter().map(Respondent::organisation).filter(|o| seen.insert(*o)).collect()
    }

    pub(crate) fn domain_labels(&self) -> &[DomainLabel] {
        &self.domains
    }

    pub(crate) fn columns(&self) -> &[Vec<u8>] {
        &self.columns
    }
}

impl Serialize for Assessment {
    /// Writes the round as `{framework, partnership, date, label, responses}`,
    /// the form [`Assessment::from_json`] reads.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let record = AssessmentRecord {
            framework: self.framework.clone(),
            partnership: self.partnership.clone(),
            date: self.date,
            label: self.label.clone(),
            responses: (0..self.len()).filter_map(|i| self.response(i)).collect(),
        };
        record.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aqua() -> Framework {
        Framework::builtin("aqua-sif-2014").unwrap()
    }

    fn response(f: &Framework, name: &str, org: &str, level: u8) -> Response {
        Response::builder(f, Respondent::new(name, org).unwrap())
            .score("leadership", Score::Level(level))
            .unwrap()
            .build()
    }

    fn date() -> Date {
        Date::new(2026, 1, 15).unwrap()
    }

    #[test]
    fn errors_name_respondent_and_domain() {
        let f = aqua();
        let dup = vec![response(&f, "Ann", "NHS", 2), response(&f, "Ann", "NHS", 3)];
        assert_eq!(
            Assessment::new(&f, "P", date(), "r1", dup).unwrap_err(),
            AssessmentError::DuplicateRespondent {
                respondent: "Ann (NHS)".into(),
                round: "r1".into()
            }
        );
        // Same name in another organisation is another respondent.
        let ok = vec![response(&f, "Ann", "NHS", 2), response(&f, "Ann", "Council", 3)];
        assert_eq!(Assessment::new(&f, "P", date(), "r1", ok).unwrap().len(), 2);

        let scirocco = Framework::builtin("scirocco-b3").unwrap();
        let other = Response::builder(&scirocco, Respondent::new("Bo", "CVS").unwrap()).build();
        assert!(matches!(
            Assessment::new(&f, "P", date(), "r1", [other]),
            Err(AssessmentError::DifferentFramework { respondent, .. }) if respondent == "Bo (CVS)"
        ));
        let b = Response::builder(&f, Respondent::new("Cy", "NHS").unwrap());
        assert!(matches!(
            b.score("leadership", Score::Level(2)).unwrap().score("leadership", Score::Level(3)),
            Err(AssessmentError::DuplicateScore { .. })
        ));
        assert!(matches!(
            Assessment::new(&f, " ", date(), "r1", [response(&f, "A", "B", 1)]),
            Err(AssessmentError::EmptyText { .. })
        ));
    }

    #[test]
    fn json_duplicates_and_off_scale_scores_are_reported() {
        let f = aqua();
        let base = r#"{"framework":"aqua-sif-2014","partnership":"P","date":"2026-01-15","label":"r",
            "responses":[{"framework":"aqua-sif-2014","respondent":{"name":"A","organisation":"O"},
            "scores":SCORES}]}"#;
        let dup = base.replace("SCORES", r#"{"culture":2,"culture":3}"#);
        assert!(matches!(
            Assessment::from_json(&f, &dup),
            Err(AssessmentError::DuplicateScore { domain, .. }) if domain == "culture"
        ));
        let off = base.replace("SCORES", r#"{"culture":6}"#);
        assert!(matches!(
            Assessment::from_json(&f, &off),
            Err(AssessmentError::ScoreOffScale { level: 6, min: 1, max: 5, .. })
        ));
        let unknown = base.replace("SCORES", r#"{"finance":2}"#);
        assert!(matches!(
            Assessment::from_json(&f, &unknown),
            Err(AssessmentError::UnknownDomain { .. })
        ));
        let bad = base.replace("SCORES", r#"{"culture":"maybe"}"#);
        assert!(matches!(Assessment::from_json(&f, &bad), Err(AssessmentError::Json { .. })));
        let scirocco = Framework::builtin("scirocco-b3").unwrap();
        let ok = base.replace("SCORES", r#"{"culture":2}"#);
        assert!(matches!(
            Assessment::from_json(&scirocco, &ok),
            Err(AssessmentError::DifferentFramework { .. })
        ));
    }

    #[test]
    fn round_trips_every_kind_of_score() {
        let f = aqua();
        let r = Response::builder(&f, Respondent::new("A", "O").unwrap().with_role("Chair"))
            .score("culture", Score::Level(5))
            .unwrap()
            .score("workforce", Score::NotApplicable)
            .unwrap()
            .comment("note")
            .build();
        let round = Assessment::new(&f, "P", date(), "r", [r]).unwrap();
        let json = serde_json::to_string(&round).unwrap();
        let back = Assessment::from_json(&f, &json).unwrap();
        assert_eq!(back, round);
        let again = back.response(0).unwrap();
        assert_eq!(again.score("workforce"), Score::NotApplicable);
        assert_eq!(again.score("culture"), Score::Level(5));
        assert_eq!(again.score("leadership"), Score::NotScored);
        assert_eq!(again.comment(), Some("note"));
        assert_eq!(again.respondent().role(), Some("Chair"));
        assert_eq!(round.organisations(), ["O"]);
    }
}
