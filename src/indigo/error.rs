use std::fmt;

/// A problem in an INDIGO project document, located by its JSON path.
///
/// The path is a JSON Pointer (RFC 6901) into the document, such as
/// `/outcome_pricings/2/price_per_unit/amount/value`.
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::{IndigoErrorKind, IndigoProject};
///
/// let err = IndigoProject::from_json(r#"{"outcome_metrics": [{"id": 7}]}"#).unwrap_err();
/// assert_eq!(err.path(), "/outcome_metrics/0/id");
/// assert!(matches!(err.kind(), IndigoErrorKind::WrongType { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {kind}")]
pub struct IndigoError {
    path: String,
    kind: IndigoErrorKind,
}

impl IndigoError {
    pub(crate) fn new(path: impl Into<String>, kind: IndigoErrorKind) -> IndigoError {
        let path = path.into();
        IndigoError { path: if path.is_empty() { "/".to_owned() } else { path }, kind }
    }

    /// The JSON Pointer of the offending value (`/` for the whole document).
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoErrorKind, IndigoProject};
    /// let err = IndigoProject::from_json(r#"{"outcome_metrics": [{"definition": {"value": "Entry to employment"}}]}"#).unwrap_err();
    /// assert_eq!(err.path(), "/outcome_metrics/0/id");
    /// assert_eq!(IndigoProject::from_json("{").unwrap_err().path(), "/"); // not JSON at all
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What was wrong there.
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoErrorKind, IndigoProject};
    /// let err = IndigoProject::from_json(r#"{"outcome_metrics": [{"definition": {"value": "Entry to employment"}}]}"#).unwrap_err();
    /// assert_eq!(err.kind(), &IndigoErrorKind::Missing);
    /// assert_eq!(err.to_string(), "/outcome_metrics/0/id: required value is missing");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> &IndigoErrorKind {
        &self.kind
    }
}

/// What was wrong at an [`IndigoError`]'s path.
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::{IndigoErrorKind, IndigoProject};
///
/// let err = IndigoProject::from_json(r#"{
///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
///   "outcome_pricings": [{"outcome_metric_id": {"value": "m9"}, "currency": {"value": "GBP"}}]
/// }"#)
/// .unwrap_err();
/// assert_eq!(err.kind(), &IndigoErrorKind::UnknownMetric { id: "m9".into() });
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
    /// A field the crate needs is absent (for example an outcome metric's `id`).
    Missing,
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
}

impl fmt::Display for IndigoErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndigoErrorKind::Syntax { message } => write!(f, "not valid JSON: {message}"),
            IndigoErrorKind::WrongType { expected, found } => {
                write!(f, "expected {expected}, found {found}")
            }
            IndigoErrorKind::Missing => f.write_str("required value is missing"),
            IndigoErrorKind::Invalid { reason } => f.write_str(reason),
            IndigoErrorKind::UnknownMetric { id } => {
                write!(f, "names outcome metric {id:?}, which the project does not define")
            }
        }
    }
}
