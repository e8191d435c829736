//! Walking an INDIGO document with JSON Pointer paths for every error.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use rust_decimal::Decimal;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::currency_names::suggest_code;
use super::{IndigoError, IndigoErrorKind};
use crate::money::exact::{self, NumberError};
use crate::{Currency, Date};

/// The text of every number in a document, by JSON Pointer: the digits as
/// written, which `serde_json::Value` (holding an `f64`) may have rounded.
pub(crate) type NumberTexts = HashMap<String, String>;

/// Collects the written text of every number in `text`, a valid JSON
/// document, by its JSON Pointer. Each object and array is re-read as raw
/// values, so a number keeps its digits (`3500.000000000000001` stays
/// that, where an `f64` holds 3500). A duplicated key keeps its last
/// value, as `serde_json::Value` does.
pub(crate) fn number_texts(text: &str) -> NumberTexts {
    fn collect(raw: &str, path: &str, out: &mut NumberTexts) {
        let trimmed = raw.trim();
        match trimmed.as_bytes().first() {
            Some(b'{') => {
                if let Ok(members) = serde_json::from_str::<BTreeMap<String, &RawValue>>(trimmed) {
                    for (key, value) in members {
                        collect(value.get(), &join(path, &key), out);
                    }
                }
            }
            Some(b'[') => {
                if let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(trimmed) {
                    for (i, value) in items.into_iter().enumerate() {
                        collect(value.get(), &format!("{path}/{i}"), out);
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => {
                out.insert(path.to_owned(), trimmed.to_owned());
            }
            _ => {}
        }
    }
    let mut out = NumberTexts::new();
    collect(text, "", &mut out);
    out
}

/// A JSON object together with its JSON Pointer.
#[derive(Debug, Clone)]
pub(crate) struct Node<'a> {
    pub(crate) path: String,
    pub(crate) object: &'a Map<String, Value>,
    numbers: &'a NumberTexts,
}

/// A JSON value's type, in words, as messages name it.
pub(crate) fn type_name(value: &Value) -> &'static str {
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

/// A problem at `path` that is not one value's.
pub(crate) fn invalid(path: &str, reason: impl Into<String>) -> IndigoError {
    IndigoError::new(path, IndigoErrorKind::Invalid { reason: reason.into() })
}

/// The JSON text of `value` at `path`, with a number's digits as written.
pub(crate) fn quote(numbers: &NumberTexts, path: &str, value: &Value) -> String {
    match value {
        Value::Number(n) => numbers.get(path).cloned().unwrap_or_else(|| n.to_string()),
        other => serde_json::to_string(other).unwrap_or_default(),
    }
}

/// The currency symbols an amount may start with (`$10,000,000`).
const CURRENCY_SYMBOLS: &[char] =
    &['$', '£', '€', '¥', '₽', '₩', '₹', '₦', '₱', '₪', '₫', '₴', '₺', '₸', '₾', '¢', '₡'];

/// Whether `word` names a currency: a known code (`GBP`, `rub`), or
/// (singular or plural) the last word of a currency's name (`rubles`,
/// `pounds`, `euro`).
fn is_currency_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    Currency::from_code(&word.to_uppercase()).is_ok()
        || [
            "dollar", "pound", "euro", "ruble", "rouble", "rupee", "yen", "won", "franc", "peso",
            "rand", "real", "krona", "krone", "yuan", "shilling", "dirham", "dinar", "naira",
        ]
        .iter()
        .any(|w| *w == singular || *w == lower)
}

/// Whether `prefix` is a currency marker written before an amount: a
/// symbol, letters and a symbol (`C$`, `US$`), or a known code (`GBP`).
fn is_currency_prefix(prefix: &str) -> bool {
    let Some(last) = prefix.chars().last() else { return true };
    if CURRENCY_SYMBOLS.contains(&last) {
        let letters = prefix.trim_end_matches(last);
        letters.chars().count() <= 3 && letters.chars().all(|c| c.is_ascii_alphabetic())
    } else {
        Currency::from_code(&prefix.to_uppercase()).is_ok()
    }
}

/// The plain number an amount written with a currency symbol, code or word
/// means, where that is unambiguous: `$10,000,000` and `68,000,000 rubles`
/// mean 10000000 and 68000000; `C$1.16M (estimate)` and `=D41-D36` mean
/// nothing certain.
pub(crate) fn suggest_amount(text: &str) -> Option<String> {
    let text = text.trim();
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let (prefix, rest) = text.split_at(start);
    if !is_currency_prefix(prefix.trim_end()) {
        return None;
    }
    let (number, suffix) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let suffix = suffix.trim();
    if !suffix.is_empty() && (suffix.contains(char::is_whitespace) || !is_currency_word(suffix)) {
        return None;
    }
    exact::parse_grouped(number).ok().map(|d| d.to_string())
}

/// Why a string is not an amount, as an error message.
fn not_an_amount(text: &str, error: NumberError) -> String {
    if text.trim_start().starts_with('=') {
        return "a spreadsheet formula, not a number (the sheet's value was not exported)"
            .to_owned();
    }
    match error {
        NumberError::TooManyDigits => error.reason().to_owned(),
        _ => "not a decimal number (such as 3500, 3,500 or 3,500.25; commas may only separate \
              groups of three digits before the point)"
            .to_owned(),
    }
}

impl<'a> Node<'a> {
    /// A present, non-null member.
    fn member(&self, key: &str) -> Option<&'a Value> {
        self.object.get(key).filter(|v| !v.is_null())
    }

    /// The document root, its numbers' texts in `numbers` (empty when the
    /// document came already parsed).
    pub(crate) fn root(
        value: &'a Value,
        numbers: &'a NumberTexts,
    ) -> Result<Node<'a>, IndigoError> {
        match value.as_object() {
            Some(object) => Ok(Node { path: String::new(), object, numbers }),
            None => Err(IndigoError::new(
                "/",
                IndigoErrorKind::WrongType { expected: "an object", found: type_name(value) },
            )
            .with_found(quote(numbers, "", value))),
        }
    }

    /// `value` at `path`, which must be an object.
    fn as_object(
        &self,
        path: &str,
        value: &'a Value,
    ) -> Result<&'a Map<String, Value>, IndigoError> {
        value.as_object().ok_or_else(|| self.wrong_type(path, "an object", value))
    }

    /// A wrong type at `path`, quoting the value found.
    pub(crate) fn wrong_type(
        &self,
        path: &str,
        expected: &'static str,
        value: &Value,
    ) -> IndigoError {
        IndigoError::new(path, IndigoErrorKind::WrongType { expected, found: type_name(value) })
            .with_found(quote(self.numbers, path, value))
    }

    /// An unacceptable `value` at `path`.
    pub(crate) fn invalid_value(
        &self,
        path: &str,
        value: &Value,
        reason: impl Into<String>,
    ) -> IndigoError {
        invalid(path, reason).with_found(quote(self.numbers, path, value))
    }

    /// An optional nested object.
    pub(crate) fn object(&self, key: &str) -> Result<Option<Node<'a>>, IndigoError> {
        match self.member(key) {
            None => Ok(None),
            Some(value) => {
                let path = join(&self.path, key);
                let object = self.as_object(&path, value)?;
                Ok(Some(Node { path, object, numbers: self.numbers }))
            }
        }
    }

    /// An optional array of objects: each item, or why it is not an object.
    pub(crate) fn array(
        &self,
        key: &str,
    ) -> Result<Vec<Result<Node<'a>, IndigoError>>, IndigoError> {
        let Some(value) = self.member(key) else { return Ok(Vec::new()) };
        let path = join(&self.path, key);
        let items = value.as_array().ok_or_else(|| self.wrong_type(&path, "an array", value))?;
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let item_path = format!("{path}/{i}");
                let object = self.as_object(&item_path, item)?;
                Ok(Node { path: item_path, object, numbers: self.numbers })
            })
            .collect())
    }

    /// The path of a member (present or not).
    pub(crate) fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// A plain (unwrapped) optional string member.
    pub(crate) fn plain_string(&self, key: &str) -> Result<Option<String>, IndigoError> {
        match self.member(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(self.wrong_type(&join(&self.path, key), "a string", other)),
        }
    }

    /// A plain string member that must be there and not blank; returned
    /// trimmed. Absent, it is reported at this object; null or blank, at
    /// the member.
    pub(crate) fn required_plain_string(&self, key: &str) -> Result<String, IndigoError> {
        let path = join(&self.path, key);
        let missing = || IndigoErrorKind::Missing { member: key.to_owned() };
        match self.object.get(key) {
            None => Err(IndigoError::new(&self.path, missing())),
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
            Some(v @ (Value::Null | Value::String(_))) => {
                Err(IndigoError::new(&path, missing()).with_found(quote(self.numbers, &path, v)))
            }
            Some(other) => Err(self.wrong_type(&path, "a string", other)),
        }
    }

    /// The `value` inside a `{"value": ...}` wrapper at `key`, with its path.
    fn wrapped(&self, key: &str) -> Result<Option<(String, &'a Value)>, IndigoError> {
        let Some(wrapper) = self.member(key) else { return Ok(None) };
        let path = join(&self.path, key);
        let object = self.as_object(&path, wrapper)?;
        Ok(object.get("value").filter(|v| !v.is_null()).map(|v| (join(&path, "value"), v)))
    }

    /// A wrapped string, `{"value": "..."}`; blank strings count as absent.
    pub(crate) fn string(&self, key: &str) -> Result<Option<String>, IndigoError> {
        Ok(self.string_at(key)?.map(|(_, s)| s))
    }

    /// A wrapped string with its path; blank strings count as absent.
    pub(crate) fn string_at(&self, key: &str) -> Result<Option<(String, String)>, IndigoError> {
        match self.wrapped(key)? {
            None => Ok(None),
            Some((_, Value::String(s))) if s.trim().is_empty() => Ok(None),
            Some((path, Value::String(s))) => Ok(Some((path, s.trim().to_owned()))),
            Some((path, other)) => Err(self.wrong_type(&path, "a string", other)),
        }
    }

    /// A wrapped string that must be there and not blank. A missing
    /// wrapper is reported at this object, a wrapper without a value at
    /// the wrapper, a null or blank value at the value.
    pub(crate) fn required_string(&self, key: &str) -> Result<String, IndigoError> {
        let missing = |member: &str| IndigoErrorKind::Missing { member: member.to_owned() };
        let Some(wrapper) = self.member(key) else {
            return Err(IndigoError::new(&self.path, missing(key)));
        };
        let wrapper_path = join(&self.path, key);
        let object = self.as_object(&wrapper_path, wrapper)?;
        let path = join(&wrapper_path, "value");
        match object.get("value") {
            None => Err(IndigoError::new(&wrapper_path, missing("value"))),
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
            Some(v @ (Value::Null | Value::String(_))) => {
                Err(IndigoError::new(&path, missing(key)).with_found(quote(self.numbers, &path, v)))
            }
            Some(other) => Err(self.wrong_type(&path, "a string", other)),
        }
    }

    /// A wrapped number, read exactly as a decimal: from the digits as
    /// written when the document was read from text. The standard types
    /// most amounts as JSON numbers, but a few (such as maximum prices) as
    /// strings; `accept_string` admits a string holding a decimal number,
    /// with commas only as thousands separators (see
    /// `money::exact::parse_grouped`). A string where a number belongs is
    /// a wrong type; where the amount it writes is unambiguous
    /// (`$10,000,000`), the error suggests the plain number.
    pub(crate) fn decimal(
        &self,
        key: &str,
        accept_string: bool,
    ) -> Result<Option<Decimal>, IndigoError> {
        match self.wrapped(key)? {
            None => Ok(None),
            Some((path, value @ Value::Number(n))) => {
                let text = self.numbers.get(&path).cloned().unwrap_or_else(|| n.to_string());
                read_number(&text)
                    .map(Some)
                    .map_err(|reason| self.invalid_value(&path, value, reason))
            }
            Some((_, Value::String(s))) if accept_string && s.trim().is_empty() => Ok(None),
            Some((path, value @ Value::String(s))) if accept_string => {
                exact::parse_grouped(s.trim()).map(Some).map_err(|e| {
                    self.invalid_value(&path, value, not_an_amount(s, e))
                        .with_suggestion(suggest_amount(s))
                })
            }
            Some((path, value @ Value::String(s))) => {
                Err(self.wrong_type(&path, "a number", value).with_suggestion(suggest_amount(s)))
            }
            Some((path, other)) => Err(self.wrong_type(&path, "a number", other)),
        }
    }

    /// A wrapped ISO 4217 currency code. A currency name or a code in
    /// another case is refused, with the code it means suggested.
    pub(crate) fn currency(&self, key: &str) -> Result<Option<Currency>, IndigoError> {
        let Some((path, value)) = self.wrapped(key)? else { return Ok(None) };
        let code = value.as_str().ok_or_else(|| self.wrong_type(&path, "a string", value))?;
        if code.trim().is_empty() {
            return Ok(None);
        }
        Currency::from_code(code.trim()).map(Some).map_err(|_| {
            let shaped =
                code.trim().len() == 3 && code.trim().bytes().all(|b| b.is_ascii_uppercase());
            let reason = if shaped {
                "not an active ISO 4217 currency code known to this crate"
            } else {
                "not an ISO 4217 currency code (three upper-case letters, such as GBP)"
            };
            self.invalid_value(&path, value, reason)
                .with_suggestion(suggest_code(code).map(str::to_owned))
        })
    }

    /// A wrapped date in one of the standard's forms `YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`, returned with the precision it was given at, and its path.
    pub(crate) fn date(&self, key: &str) -> Result<Option<(String, IndigoDate)>, IndigoError> {
        let Some((path, value)) = self.wrapped(key)? else { return Ok(None) };
        let text = value.as_str().ok_or_else(|| self.wrong_type(&path, "a string", value))?;
        match IndigoDate::parse(text) {
            Ok(date) => Ok(Some((path, date))),
            Err(reason) => Err(self.invalid_value(&path, value, reason)),
        }
    }

    /// A wrapped string at `key` that must be one of `codelist`; a value
    /// that is one of them in another case is refused, with the entry
    /// suggested.
    pub(crate) fn coded(
        &self,
        key: &str,
        codelist: &[&str],
    ) -> Result<Option<String>, IndigoError> {
        let Some((path, value)) = self.string_at(key)? else { return Ok(None) };
        if codelist.contains(&value.as_str()) {
            return Ok(Some(value));
        }
        let allowed: Vec<String> = codelist.iter().map(|c| format!("{c:?}")).collect();
        let suggestion =
            codelist.iter().find(|c| c.eq_ignore_ascii_case(&value)).map(|c| format!("{c:?}"));
        let found = self.wrapped(key)?.map(|(_, v)| v).unwrap_or(&Value::Null);
        Err(self
            .invalid_value(&path, found, format!("not one of {}", allowed.join(", ")))
            .with_suggestion(suggestion))
    }

    /// The JSON text of `value` at `path`, with a number's digits as written.
    pub(crate) fn quote(&self, path: &str, value: &Value) -> String {
        quote(self.numbers, path, value)
    }

    /// The value at a member's path, for quoting.
    pub(crate) fn value_at(&self, key: &str) -> Option<&'a Value> {
        self.object.get(key)
    }

    /// The wrapped value at `key` (for quoting), if there is one.
    pub(crate) fn wrapped_value(&self, key: &str) -> Option<&'a Value> {
        self.member(key).and_then(|w| w.get("value"))
    }
}

/// A JSON number's text read exactly as a decimal, or why it cannot be.
fn read_number(text: &str) -> Result<Decimal, String> {
    match exact::parse(text) {
        Ok(d) => Ok(d),
        Err(NumberError::NotPlain) => Decimal::from_scientific(text)
            .ok()
            .filter(|d| exact_scientific(text, *d))
            .ok_or_else(|| NumberError::TooManyDigits.reason().to_owned()),
        Err(e) => Err(e.reason().to_owned()),
    }
}

/// Whether `d` is exactly the number `text` (with an exponent) writes:
/// `Decimal::from_scientific` rounds away digits it cannot hold, so the
/// significant digits differ exactly when it rounded.
fn exact_scientific(text: &str, d: Decimal) -> bool {
    let mantissa = text.split(['e', 'E']).next().unwrap_or(text);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let written = digits.trim_start_matches('0').trim_end_matches('0');
    let held = d.normalize().mantissa().unsigned_abs().to_string();
    let held = if d.is_zero() { "" } else { held.trim_end_matches('0') };
    written == held
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
        let bad = || "not a date in the form YYYY, YYYY-MM or YYYY-MM-DD".to_owned();
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
        let numbers = NumberTexts::new();
        let root = Node::root(&doc, &numbers).unwrap();
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
        let numbers = NumberTexts::new();
        assert_eq!(
            Node::root(&doc, &numbers).unwrap().decimal("price", true).unwrap(),
            Some(Decimal::MAX)
        );
    }

    /// The decimal a document's `/price` number is read as, from its text.
    fn number_read(text: &str) -> Result<Option<Decimal>, IndigoError> {
        let doc = format!(r#"{{"price": {{"value": {text}}}}}"#);
        let value: Value = serde_json::from_str(&doc).map_err(|e| invalid("/", e.to_string()))?;
        let numbers = number_texts(&doc);
        Node::root(&value, &numbers)?.decimal("price", false)
    }

    #[test]
    fn numbers_are_read_from_their_digits_not_through_f64() {
        let exact = |text: &str| number_read(text).unwrap().unwrap().to_string();
        assert_eq!(exact("3500.000000000000001"), "3500.000000000000001");
        assert_eq!(exact("12345678901234567890.12"), "12345678901234567890.12");
        assert_eq!(exact("0.1"), "0.1");
        assert_eq!(exact("2.5e3"), "2500");
        assert_eq!(exact("-0"), "0");
        // More digits than a decimal holds: refused, quoting the digits.
        for text in
            ["1.00000000000000000000000000000001", "1e-40", "123456789012345678901234567890"]
        {
            let err = number_read(text).unwrap_err();
            assert_eq!(err.path(), "/price/value");
            assert_eq!(err.found(), Some(text));
            assert!(err.to_string().contains("more digits than a decimal holds exactly"), "{err}");
        }
    }

    #[test]
    fn number_texts_follow_the_structure() {
        let texts = number_texts(r#"{"a": [1, {"b~/c": 2.50}], "d": "3", "e": -4e2}"#);
        assert_eq!(texts.get("/a/0").map(String::as_str), Some("1"));
        assert_eq!(texts.get("/a/1/b~0~1c").map(String::as_str), Some("2.50"));
        assert_eq!(texts.get("/e").map(String::as_str), Some("-4e2"));
        assert_eq!(texts.len(), 3);
    }

    #[test]
    fn amounts_with_a_currency_marker_suggest_the_plain_number() {
        assert_eq!(suggest_amount("$10,000,000").as_deref(), Some("10000000"));
        assert_eq!(suggest_amount("68,000,000 rubles").as_deref(), Some("68000000"));
        assert_eq!(suggest_amount("GBP 3,500.25").as_deref(), Some("3500.25"));
        assert_eq!(suggest_amount("US$ 12").as_deref(), Some("12"));
        assert_eq!(suggest_amount("£1,200 pounds").as_deref(), Some("1200"));
        assert_eq!(suggest_amount("3500").as_deref(), Some("3500"));
        for text in [
            "C$1.16M (estimate)",
            "=D41-D36",
            "5 million",
            "about 500",
            "-$5",
            "1,50 EUR",
            "12 extra words",
        ] {
            assert_eq!(suggest_amount(text), None, "{text}");
        }
    }
}
