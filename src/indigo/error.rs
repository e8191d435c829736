use std::fmt;

/// A problem in an INDIGO project document, located by its JSON path.
///
/// The path is a JSON Pointer (RFC 6901) into the document, such as
/// `/outcome_pricings/2/price_per_unit/amount/value`; `/` stands for the
/// whole document. It always names a place that exists in the document:
/// a member that is absent is reported at the object that lacks it.
///
/// The same type is a refusal in a partial import
/// ([`IndigoProject::problems`](super::IndigoProject::problems),
/// [`IndigoImport::problems`](super::IndigoImport::problems)) and the error
/// of a strict one ([`ImportPolicy::Strict`](super::ImportPolicy::Strict)).
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::{ImportPolicy, IndigoErrorKind, IndigoProject};
///
/// let doc = r#"{"outcome_metrics": [{"id": 7}]}"#;
/// let err = IndigoProject::from_json_with(doc, ImportPolicy::Strict).unwrap_err();
/// assert_eq!(err.path(), "/outcome_metrics/0/id");
/// assert_eq!(err.found(), Some("7"));
/// assert!(matches!(err.kind(), IndigoErrorKind::WrongType { .. }));
/// assert_eq!(err.to_string(), "/outcome_metrics/0/id: found 7: expected a string, not a number");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct IndigoError {
    path: String,
    found: Option<String>,
    kind: IndigoErrorKind,
    suggestion: Option<String>,
}

impl fmt::Display for IndigoError {
    /// `path: found VALUE: what is wrong; did you mean FIX?`, the parts
    /// after the path present when known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.path)?;
        if let Some(found) = &self.found {
            write!(f, "found {found}: ")?;
        }
        write!(f, "{}", self.kind)?;
        if let Some(suggestion) = &self.suggestion {
            write!(f, "; did you mean {suggestion}?")?;
        }
        Ok(())
    }
}

/// The longest quotation of a value an error keeps, in characters.
const QUOTE_LIMIT: usize = 80;

impl IndigoError {
    pub(crate) fn new(path: impl Into<String>, kind: IndigoErrorKind) -> IndigoError {
        let path = path.into();
        IndigoError {
            path: if path.is_empty() { "/".to_owned() } else { path },
            found: None,
            kind,
            suggestion: None,
        }
    }

    /// Quotes the offending value (its JSON text), shortened if long.
    pub(crate) fn with_found(mut self, found: impl Into<String>) -> IndigoError {
        let found = found.into();
        self.found = Some(if found.chars().count() > QUOTE_LIMIT {
            let mut short: String = found.chars().take(QUOTE_LIMIT - 1).collect();
            short.push('…');
            short
        } else {
            found
        });
        self
    }

    /// Adds the fix the value most likely means (never applied).
    pub(crate) fn with_suggestion(mut self, suggestion: Option<String>) -> IndigoError {
        self.suggestion = suggestion;
        self
    }

    /// The JSON Pointer of the offending value (`/` for the whole document).
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{"definition": {"value": "Entry to employment"}}]}"#)?;
    /// let problem = &project.problems()[0];
    /// assert_eq!(problem.path(), "/outcome_metrics/0"); // the object that lacks an id
    /// assert_eq!(IndigoProject::from_json("{").unwrap_err().path(), "/"); // not JSON at all
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The offending value as the document has it (its JSON text, such as
    /// `"Russian Ruble"` with its quotes, or `7`), shortened to 80
    /// characters; `None` when nothing was there (a missing member) or the
    /// problem is not one value's (JSON syntax, a sum that overflows).
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{"id": "m1"}],
    ///   "outcome_pricings": [{"outcome_metric_id": {"value": "m1"}, "currency": {"value": "Russian Ruble"}}]}"#)?;
    /// assert_eq!(project.problems()[0].found(), Some(r#""Russian Ruble""#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn found(&self) -> Option<&str> {
        self.found.as_deref()
    }

    /// What was wrong there.
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoErrorKind, IndigoProject};
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{"definition": {"value": "Entry to employment"}}]}"#)?;
    /// let problem = &project.problems()[0];
    /// assert_eq!(problem.kind(), &IndigoErrorKind::Missing { member: "id".into() });
    /// assert_eq!(problem.to_string(), r#"/outcome_metrics/0: required member "id" is absent or empty"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> &IndigoErrorKind {
        &self.kind
    }

    /// The value the document most likely means, where that is unambiguous
    /// (an ISO 4217 code for a currency name, a plain number for an amount
    /// written with a symbol or a word, a codelist entry written in another
    /// case). A suggestion is never applied: the value stays refused.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{"id": "m1"}],
    ///   "outcome_pricings": [{"outcome_metric_id": {"value": "m1"}, "currency": {"value": "Russian Ruble"}}]}"#)?;
    /// let problem = &project.problems()[0];
    /// assert_eq!(problem.suggestion(), Some("RUB"));
    /// assert!(problem.to_string().ends_with("did you mean RUB?"));
    /// assert!(project.pricings().is_empty()); // not applied
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn suggestion(&self) -> Option<&str> {
        self.suggestion.as_deref()
    }
}

/// What was wrong at an [`IndigoError`]'s path.
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::{IndigoErrorKind, IndigoProject};
///
/// let project = IndigoProject::from_json(r#"{
///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
///   "outcome_pricings": [{"outcome_metric_id": {"value": "m9"}, "currency": {"value": "GBP"}}]
/// }"#)?;
/// assert_eq!(project.problems()[0].kind(), &IndigoErrorKind::UnknownMetric { id: "m9".into() });
///
/// let err = IndigoProject::from_json("{not json").unwrap_err();
/// assert!(matches!(err.kind(), IndigoErrorKind::Syntax { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IndigoErrorKind {
    /// The document is not valid JSON.
    Syntax {
        /// The parser's message.
        message: String,
    },
    /// A value has the wrong JSON type.
    WrongType {
        /// The type the standard specifies.
        expected: &'static str,
        /// The JSON type found.
        found: &'static str,
    },
    /// A member the crate needs is absent, null or blank (for example an
    /// outcome metric's `id`).
    Missing {
        /// The member's name.
        member: String,
    },
    /// A value has the right type but is not acceptable (an unknown currency,
    /// a malformed date, a duplicate id, a negative price, a value outside an enum).
    Invalid {
        /// Why it was rejected.
        reason: String,
    },
    /// A reference names an outcome metric the document does not define.
    UnknownMetric {
        /// The id that was referenced.
        id: String,
    },
    /// A reference names an outcome metric that was not used, so the
    /// entry that depends on it is not used either: the metric's id is
    /// defined more than once (which one is meant is not guessed), or its
    /// entry was refused.
    UnusableMetric {
        /// The id that was referenced.
        id: String,
        /// The JSON Pointers of the metric entries with that id.
        entries: Vec<String>,
    },
}

impl fmt::Display for IndigoErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndigoErrorKind::Syntax { message } => write!(f, "not valid JSON: {message}"),
            IndigoErrorKind::WrongType { expected, found } => {
                write!(f, "expected {expected}, not {found}")
            }
            IndigoErrorKind::Missing { member } => {
                write!(f, "required member {member:?} is absent or empty")
            }
            IndigoErrorKind::Invalid { reason } => f.write_str(reason),
            IndigoErrorKind::UnknownMetric { id } => {
                write!(f, "names outcome metric {id:?}, which the project does not define")
            }
            IndigoErrorKind::UnusableMetric { id, entries } => match entries.as_slice() {
                [one] => write!(f, "names outcome metric {id:?}, whose entry {one} is not used"),
                several => write!(
                    f,
                    "names outcome metric {id:?}, which {} all define, so none is used and \
                     which one is meant is not guessed",
                    several.join(", ")
                ),
            },
        }
    }
}
