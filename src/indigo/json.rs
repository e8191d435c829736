//! Walking an INDIGO document with JSON Pointer paths for every error.

use std::fmt;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::{IndigoError, IndigoErrorKind};
use crate::money::exact::NumberError;
use crate::{Currency, Date};

/// A JSON object together with its JSON Pointer.
#[derive(Debug, Clone)]
pub(crate) struct Node<'a> {
    pub(crate) path: String,
    pub(crate) object: &'a Map<String, Value>,
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(crate) fn join(path: &str, key: &str) -> String {
    // RFC 6901 escaping.
    let escaped = key.replace('~', "~0").replace('/', "~1");
    format!("{path}/{escaped}")
}

pub(crate) fn wrong_type(path: &str, expected: &'static str, found: &Value) -> IndigoError {
    IndigoError::new(path, IndigoErrorKind::WrongType { expected, found: type_name(found) })
}

pub(crate) fn invalid(path: &str, reason: impl Into<String>) -> IndigoError {
    IndigoError::new(path, IndigoErrorKind::Invalid { reason: reason.into() })
}

pub(crate) fn as_object<'a>(
    path: &str,
    value: &'a Value,
) -> Result<&'a Map<String, Value>, IndigoError> {
    value.as_object().ok_or_else(|| wrong_type(path, "an object", value))
}

impl<'a> Node<'a> {
    /// A present, non-null member.
    fn member(&self, key: &str) -> Option<&'a Value> {
        self.object.get(key).filter(|v| !v.is_null())
    }

    /// The document root.
    pub(crate) fn root(value: &'a Value) -> Result<Node<'a>, IndigoError> {
        Ok(Node { path: String::new(), object: as_object("/", value)? })
    }

    /// An optional nested object.
    pub(crate) fn object(&self, key: &str) -> Result<Option<Node<'a>>, IndigoError> {
        match self.member(key) {
            None => Ok(None),
            Some(value) => {
                let path = join(&self.path, key);
                let object = as_object(&path, value)?;
                Ok(Some(Node { path, object }))
            }
        }
    }

    /// An optional array of objects.
    pub(crate) fn array(&self, key: &str) -> Result<Vec<Node<'a>>, IndigoError> {
        let Some(value) = self.member(key) else { return Ok(Vec::new()) };
        let path = join(&self.path, key);
        let items = value.as_array().ok_or_else(|| wrong_type(&path, "an array", value))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let item_path = format!("{path}/{i}");
                let object = as_object(&item_path, item)?;
                Ok(Node { path: item_path, object })
            })
            .collect()
    }

    /// The path of a member (present or not), for error messages.
    pub(crate) fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// A plain (unwrapped) optional string member.
    pub(crate) fn plain_string(&self, key: &str) -> Result<Option<String>, IndigoError> {
        match self.member(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(wrong_type(&join(&self.path, key), "a string", other)),
        }
    }

    /// The `value` inside a `{"value": ...}` wrapper at `key`, with its path.
    fn wrapped(&self, key: &str) -> Result<Option<(String, &'a Value)>, IndigoError> {
        let Some(wrapper) = self.member(key) else { return Ok(None) };
        let path = join(&self.path, key);
        let object = as_object(&path, wrapper)?;
        Ok(object.get("value").filter(|v| !v.is_null()).map(|v| (join(&path, "value"), v)))
    }

    /// A wrapped string, `{"value": "..."}`; blank strings count as absent.
    pub(crate) fn string(&self, key: &str) -> Result<Option<String>, IndigoError> {
        match self.wrapped(key)? {
            None => Ok(None),
            Some((_, Value::String(s))) if s.trim().is_empty() => Ok(None),
            Some((_, Value::String(s))) => Ok(Some(s.trim().to_owned())),
            Some((path, other)) => Err(wrong_type(&path, "a string", other)),
        }
    }

    /// A wrapped number, read exactly as a decimal. The standard types most
    /// amounts as JSON numbers, but a few (such as maximum prices) as strings;
    /// `accept_string` admits a string holding a decimal number, with commas
    /// only as thousands separators (see `money::exact::parse_grouped`).
    pub(crate) fn decimal(
        &self,
        key: &str,
        accept_string: bool,
    ) -> Result<Option<Decimal>, IndigoError> {
        match self.wrapped(key)? {
            None => Ok(None),
            Some((path, Value::Number(n))) => number_to_decimal(&path, n).map(Some),
            Some((_, Value::String(s))) if accept_string && s.trim().is_empty() => Ok(None),
            Some((path, Value::String(s))) if accept_string => {
                crate::money::exact::parse_grouped(s.trim()).map(Some).map_err(|e| {
                    let message = match e {
                        NumberError::TooManyDigits => e.describe(s),
                        _ => format!(
                            "{s:?} is not a decimal number (such as 3500, 3,500 or 3,500.25; \
                             commas may only separate groups of three digits before the point)"
                        ),
                    };
                    invalid(&path, message)
                })
            }
            Some((path, other)) => Err(wrong_type(&path, "a number", other)),
        }
    }

    /// A wrapped ISO 4217 currency code.
    pub(crate) fn currency(&self, key: &str) -> Result<Option<Currency>, IndigoError> {
        let Some((path, value)) = self.wrapped(key)? else { return Ok(None) };
        let code = value.as_str().ok_or_else(|| wrong_type(&path, "a string", value))?;
        if code.trim().is_empty() {
            return Ok(None);
        }
        Currency::from_code(code.trim()).map(Some).map_err(|e| invalid(&path, e.to_string()))
    }

    /// A wrapped date in one of the standard's forms `YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`, returned with the precision it was given at.
    pub(crate) fn date(&self, key: &str) -> Result<Option<IndigoDate>, IndigoError> {
        let Some((path, value)) = self.wrapped(key)? else { return Ok(None) };
        let text = value.as_str().ok_or_else(|| wrong_type(&path, "a string", value))?;
        IndigoDate::parse(text).map(Some).map_err(|reason| invalid(&path, reason))
    }
}

/// Reads a JSON number exactly from its shortest round-trip text.
pub(crate) fn number_to_decimal(
    path: &str,
    n: &serde_json::Number,
) -> Result<Decimal, IndigoError> {
    let text = n.to_string();
    Decimal::from_str_exact(&text)
        .or_else(|_| Decimal::from_scientific(&text))
        .map_err(|_| invalid(path, format!("{text} is out of the decimal range")))
}

/// A date as the INDIGO standard writes it: a year, a month, or a day.
///
/// # Example
///
/// ```
/// use integration_outcomes::Date;
/// use integration_outcomes::indigo::{IndigoDate, IndigoProject};
///
/// let project = IndigoProject::from_json(r#"{"outcome_payment_commitments": [{
///   "organisation_id": {"value": "INDIGO-ORG-0042"},
///   "period": {"start_date": {"value": "2013-04-01"}, "end_date": {"value": "2016-03"}}
/// }]}"#)?;
/// let commitment = &project.commitments()[0];
/// assert_eq!(commitment.period_start(), Some(IndigoDate::Day(Date::new(2013, 4, 1)?)));
/// assert_eq!(commitment.period_end(), Some(IndigoDate::Month(2016, 3)));
/// assert_eq!(IndigoDate::Year(2016).to_string(), "2016");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndigoDate {
    /// `YYYY`.
    Year(i16),
    /// `YYYY-MM`.
    Month(i16, i8),
    /// `YYYY-MM-DD`.
    Day(Date),
}

impl fmt::Display for IndigoDate {
    /// The standard's form: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndigoDate::Year(y) => write!(f, "{y:04}"),
            IndigoDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            IndigoDate::Day(d) => write!(f, "{d}"),
        }
    }
}

impl IndigoDate {
    /// The earliest and latest (year, month, day) the date can stand for,
    /// for ordering only (a month's latest day is taken as the 31st).
    fn bounds(self) -> ((i16, i8, i8), (i16, i8, i8)) {
        match self {
            IndigoDate::Year(y) => ((y, 1, 1), (y, 12, 31)),
            IndigoDate::Month(y, m) => ((y, m, 1), (y, m, 31)),
            IndigoDate::Day(d) => ((d.year(), d.month(), d.day()), (d.year(), d.month(), d.day())),
        }
    }

    /// Whether a period ending at `self` ends before one starting at `start`
    /// begins, at the coarser of the two precisions: `2013` does not end
    /// before `2013-05-10`, `2013-04` does.
    pub(crate) fn ends_before(self, start: IndigoDate) -> bool {
        self.bounds().1 < start.bounds().0
    }

    fn parse(text: &str) -> Result<IndigoDate, String> {
        let bad = || format!("{text:?} is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |s: &str, len: usize| -> Result<i16, String> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse::<i16>().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        match parts.as_slice() {
            [y] => Ok(IndigoDate::Year(number(y, 4)?)),
            [y, m] => {
                let month = i8::try_from(number(m, 2)?).map_err(|_| bad())?;
                if !(1..=12).contains(&month) {
                    return Err(bad());
                }
                Ok(IndigoDate::Month(number(y, 4)?, month))
            }
            [y, m, d] => {
                let month = i8::try_from(number(m, 2)?).map_err(|_| bad())?;
                let day = i8::try_from(number(d, 2)?).map_err(|_| bad())?;
                Date::new(number(y, 4)?, month, day)
                    .map(IndigoDate::Day)
                    .map_err(|e| format!("{}: {e}", bad()))
            }
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal_error(text: &str) -> String {
        let doc = serde_json::json!({ "price": { "value": text } });
        let root = Node::root(&doc).unwrap();
        let err = root.decimal("price", true).unwrap_err();
        assert_eq!(err.path(), "/price/value");
        assert!(matches!(err.kind(), IndigoErrorKind::Invalid { .. }), "{err}");
        err.to_string()
    }

    #[test]
    fn a_string_amount_too_long_for_a_decimal_says_so() {
        for text in ["79,228,162,514,264,337,593,543,950,336", "1.2345678901234567890123456789012"]
        {
            let err = decimal_error(text);
            assert!(err.contains("more digits than a decimal holds exactly"), "{err}");
            assert!(!err.contains("commas"), "{err}");
        }
        for text in ["1,50", ".5", "5."] {
            let err = decimal_error(text);
            assert!(err.contains("commas may only separate"), "{err}");
        }
        let doc =
            serde_json::json!({ "price": { "value": "79,228,162,514,264,337,593,543,950,335" } });
        assert_eq!(Node::root(&doc).unwrap().decimal("price", true).unwrap(), Some(Decimal::MAX));
    }
}
