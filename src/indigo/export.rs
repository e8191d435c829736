use super::json::type_name;
use std::collections::BTreeMap;
use std::fmt;

use serde::ser::{SerializeMap, SerializeSeq};
use serde_json::value::RawValue;
use serde_json::{Value, json};

use super::{IndigoError, IndigoErrorKind};
use crate::Money;
use crate::outcomes::{Period, Statement};

/// Whether exported results are interim or final, as the standard's
/// `result_type` codelist says.
///
/// ```
/// use integration_outcomes::indigo::ResultType;
/// assert_ne!(ResultType::Interim, ResultType::Final);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResultType {
    /// Results for a period while the project runs.
    Interim,
    /// The project's final results.
    Final,
}

impl ResultType {
    fn as_str(self) -> &'static str {
        match self {
            ResultType::Interim => "Interim",
            ResultType::Final => "Final",
        }
    }
}

/// Exports a settled [`Statement`] as the INDIGO standard's
/// `outcome_payments` (type `Actual`) and `results` entries.
///
/// - One `outcome_payments` entry per statement payment, that is per (rule,
///   period, payer): what each payer owes, exactly as the statement says. A
///   rate-card rule pays for several outcomes in one payment, so payments are
///   reported against one metric per rule: the rule id, unless
///   [`metric_for_rule`](Self::metric_for_rule) maps it to the project's
///   outcome metric id.
/// - One `results` entry (`Outcome level`) per statement outcome total: per
///   rate-card outcome claimed at least once (whose id is the metric id when
///   the card came from an INDIGO import), per cohort or fallback, or per
///   rule; with the number of claims accepted for rate-card outcomes.
///
/// Amounts are JSON numbers, as the standard types them, written as the
/// decimal's own digits: never through `f64`, so an amount of any length a
/// statement holds is written exactly. The lists are therefore JSON text
/// ([`RawValue`]), not `serde_json::Value`s, which would hold an `f64`.
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::{IndigoExport, ResultType};
/// use integration_outcomes::outcomes::{
///     ClaimWindow, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule,
///     RateCardTerms, RuleEvidence,
/// };
/// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
///
/// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
/// let claims = [rule.claim(1, "entry_to_employment", "2013-05-01".parse()?)?];
/// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
/// let contract = Contract::new("c", Currency::GBP, pence, PayerShares::single("INDIGO-ORG-0001".parse()?), vec![rule.into()])?;
/// let people = Participants::none();
/// let statement = contract.settle(&Evidence::new().with("if", RuleEvidence::Claims { claims: &claims, participants: &people }))?;
///
/// let text = IndigoExport::new(&statement, ResultType::Interim).to_json()?;
/// let json: serde_json::Value = serde_json::from_str(&text)?;
/// let payment = &json["outcome_payments"][0];
/// assert_eq!(payment["type"]["value"], "Actual");
/// assert_eq!(payment["payer_organisation_id"]["value"], "INDIGO-ORG-0001");
/// assert_eq!(payment["period"]["start_date"]["value"], "2013-04-01");
/// assert_eq!(payment["period"]["end_date"]["value"], "2013-06-30");
/// assert_eq!(payment["money"]["amount"]["value"], 2600.0);
/// assert_eq!(json["results"][0]["outcome_metric_id"]["value"], "entry_to_employment");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct IndigoExport<'a> {
    statement: &'a Statement,
    result_type: ResultType,
    rule_metrics: BTreeMap<String, String>,
}

fn wrap(value: impl Into<Value>) -> Value {
    json!({ "value": value.into() })
}

/// A JSON document built for writing, whose numbers may be written as
/// given digits (`Raw`), which a [`Value`] (holding an `f64`) cannot do.
#[derive(Debug)]
enum Out {
    Value(Value),
    Raw(Box<RawValue>),
    Object(Vec<(String, Out)>),
    Array(Vec<Out>),
}

impl serde::Serialize for Out {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Out::Value(v) => v.serialize(serializer),
            Out::Raw(raw) => raw.serialize(serializer),
            Out::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
            Out::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
        }
    }
}

/// An object of `members`.
fn object<const N: usize>(members: [(&str, Out); N]) -> Out {
    Out::Object(members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// A wrapped value, `{"value": ...}`.
fn wrapped(value: Out) -> Out {
    object([("value", value)])
}

/// An amount as a JSON number: the decimal's own digits, never through
/// `f64`, so every amount a statement holds (up to 28 significant digits)
/// is written exactly.
fn number(amount: Money) -> Result<Out, IndigoError> {
    let digits = amount.amount().to_string();
    RawValue::from_string(digits).map(Out::Raw).map_err(|e| {
        IndigoError::new("/", IndigoErrorKind::Invalid { reason: format!("{amount}: {e}") })
    })
}

/// `out` as JSON text.
fn raw(out: &Out) -> Result<Box<RawValue>, IndigoError> {
    serde_json::value::to_raw_value(out)
        .map_err(|e| IndigoError::new("/", IndigoErrorKind::Invalid { reason: e.to_string() }))
}

fn period_json(period: Period) -> Value {
    json!({
        "start_date": wrap(period.first_day().to_string()),
        "end_date": wrap(period.last_day().to_string()),
    })
}

impl<'a> IndigoExport<'a> {
    /// An export of `statement`, its results marked `result_type`.
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoExport, ResultType};
    /// use integration_outcomes::outcomes::{
    ///     ClaimWindow, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule,
    ///     RateCardTerms, RuleEvidence,
    /// };
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = [rule.claim(1, "entry_to_employment", "2013-05-01".parse()?)?];
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let contract = Contract::new("c", Currency::GBP, pence, PayerShares::single("INDIGO-ORG-0001".parse()?), vec![rule.into()])?;
    /// let people = Participants::none();
    /// let statement = contract.settle(&Evidence::new().with("if", RuleEvidence::Claims { claims: &claims, participants: &people }))?;
    /// let export = IndigoExport::new(&statement, ResultType::Final);
    /// assert!(export.results()?[0].get().contains(r#""result_type":{"value":"Final"}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(statement: &'a Statement, result_type: ResultType) -> IndigoExport<'a> {
        IndigoExport { statement, result_type, rule_metrics: BTreeMap::new() }
    }

    /// Reports the payments of `rule` against the project's outcome metric
    /// `metric` (by default a rule's payments are reported against its id).
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoExport, ResultType};
    /// use integration_outcomes::outcomes::{
    ///     ClaimWindow, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule,
    ///     RateCardTerms, RuleEvidence,
    /// };
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = [rule.claim(1, "entry_to_employment", "2013-05-01".parse()?)?];
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let contract = Contract::new("c", Currency::GBP, pence, PayerShares::single("INDIGO-ORG-0001".parse()?), vec![rule.into()])?;
    /// let people = Participants::none();
    /// let statement = contract.settle(&Evidence::new().with("if", RuleEvidence::Claims { claims: &claims, participants: &people }))?;
    /// let export = IndigoExport::new(&statement, ResultType::Interim).metric_for_rule("if", "outcomemetric1");
    /// assert!(export.outcome_payments()?[0].get().contains(r#""outcome_metric_id":{"value":"outcomemetric1"}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn metric_for_rule(mut self, rule: &str, metric: &str) -> IndigoExport<'a> {
        self.rule_metrics.insert(rule.to_owned(), metric.to_owned());
        self
    }

    fn metric_of(&self, rule: &str) -> String {
        self.rule_metrics.get(rule).cloned().unwrap_or_else(|| rule.to_owned())
    }

    /// The `outcome_payments` entries, each as its JSON text, amounts
    /// written as the decimal's digits.
    ///
    /// # Errors
    ///
    /// [`IndigoError`] if an entry cannot be written as JSON (not expected:
    /// every amount is a decimal's digits).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoExport, ResultType};
    /// use integration_outcomes::outcomes::{
    ///     ClaimWindow, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule,
    ///     RateCardTerms, RuleEvidence,
    /// };
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = [rule.claim(1, "entry_to_employment", "2013-05-01".parse()?)?];
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let contract = Contract::new("c", Currency::GBP, pence, PayerShares::single("INDIGO-ORG-0001".parse()?), vec![rule.into()])?;
    /// let people = Participants::none();
    /// let statement = contract.settle(&Evidence::new().with("if", RuleEvidence::Claims { claims: &claims, participants: &people }))?;
    /// let payments = IndigoExport::new(&statement, ResultType::Interim).outcome_payments()?;
    /// assert_eq!(payments.len(), 1); // one rule, one quarter, one payer
    /// let payment: serde_json::Value = serde_json::from_str(payments[0].get())?;
    /// assert_eq!(payment["outcome_metric_id"]["value"], "if");
    /// assert_eq!(payment["money"]["currency"]["value"], "GBP");
    /// assert!(payments[0].get().contains(r#""amount":{"value":2600.00}"#)); // the digits, exactly
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outcome_payments(&self) -> Result<Vec<Box<RawValue>>, IndigoError> {
        self.statement
            .payments()
            .iter()
            .map(|p| {
                let entry = object([
                    (
                        "outcome_metric_id",
                        wrapped(Out::Value(self.metric_of(p.rule().as_str()).into())),
                    ),
                    ("period", Out::Value(period_json(p.period()))),
                    ("payer_organisation_id", wrapped(Out::Value(p.payer().as_str().into()))),
                    ("type", wrapped(Out::Value("Actual".into()))),
                    (
                        "money",
                        object([
                            ("currency", wrapped(Out::Value(p.amount().currency().code().into()))),
                            ("amount", wrapped(number(p.amount())?)),
                        ]),
                    ),
                    (
                        "notes",
                        Out::Value(
                            format!("contract {}, rule {}", self.statement.contract(), p.rule())
                                .into(),
                        ),
                    ),
                ]);
                raw(&entry)
            })
            .collect()
    }

    /// The `results` entries, each as its JSON text.
    ///
    /// Every result's period runs from the first to the last period of the
    /// statement's accepted lines (paid or capped): a rejected claim, such
    /// as one dated after the claim window, does not stretch it. With no
    /// accepted line there is no period.
    ///
    /// # Errors
    ///
    /// [`IndigoError`] if an entry cannot be written as JSON (not expected).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoExport, ResultType};
    /// use integration_outcomes::outcomes::{
    ///     ClaimWindow, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule,
    ///     RateCardTerms, RuleEvidence,
    /// };
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = [rule.claim(1, "entry_to_employment", "2013-05-01".parse()?)?];
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let contract = Contract::new("c", Currency::GBP, pence, PayerShares::single("INDIGO-ORG-0001".parse()?), vec![rule.into()])?;
    /// let people = Participants::none();
    /// let statement = contract.settle(&Evidence::new().with("if", RuleEvidence::Claims { claims: &claims, participants: &people }))?;
    /// let results = IndigoExport::new(&statement, ResultType::Interim).results()?;
    /// let result: serde_json::Value = serde_json::from_str(results[0].get())?;
    /// assert_eq!(result["outcome_metric_id"]["value"], "entry_to_employment");
    /// assert_eq!(result["number_with_positive_social_outcomes"]["value"], 1);
    /// assert_eq!(result["result_type"]["value"], "Interim");
    /// assert_eq!(result["period"]["end_date"]["value"], "2013-06-30");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn results(&self) -> Result<Vec<Box<RawValue>>, IndigoError> {
        let accepted_periods = self
            .statement
            .lines()
            .iter()
            .filter(|l| l.decision().is_accepted())
            .map(|l| l.period());
        let (first, last) =
            accepted_periods.fold((None, None), |(lo, hi): (Option<Period>, Option<Period>), p| {
                (Some(lo.map_or(p, |lo| lo.min(p))), Some(hi.map_or(p, |hi| hi.max(p))))
            });
        let period = match (first, last) {
            (Some(first), Some(last)) => Some(json!({
                "start_date": wrap(first.first_day().to_string()),
                "end_date": wrap(last.last_day().to_string()),
            })),
            _ => None,
        };
        let summary = |rule: &str, outcome: &str| {
            self.statement
                .rate_card_settlements()
                .iter()
                .filter(|s| s.rule().as_str() == rule)
                .flat_map(|s| s.outcomes())
                .find(|o| o.outcome().as_str() == outcome)
                .map(|o| (o.claims(), o.accepted()))
        };
        let accepted = |rule: &str, outcome: &str| summary(rule, outcome).map(|(_, a)| a);
        self.statement
            .totals_by_outcome()
            .iter()
            // A rate-card outcome nobody claimed has no result to report.
            .filter(|t| {
                summary(t.rule().as_str(), t.outcome()).is_none_or(|(claims, _)| claims > 0)
            })
            .map(|t| {
                let rule = t.rule().as_str();
                let mut entry = serde_json::Map::new();
                // A rate-card outcome is its own metric; cohorts, the fallback
                // and other rules report against the rule's metric.
                let accepted = accepted(rule, t.outcome());
                let metric = match accepted {
                    Some(_) => t.outcome().to_owned(),
                    None => self.metric_of(rule),
                };
                entry.insert("outcome_metric_id".into(), wrap(metric));
                entry.insert("result_level".into(), wrap("Outcome level"));
                entry.insert("result_type".into(), wrap(self.result_type.as_str()));
                if let Some(period) = &period {
                    entry.insert("period".into(), period.clone());
                }
                let achieved = match accepted {
                    Some(n) => {
                        entry.insert("number_with_positive_social_outcomes".into(), wrap(n));
                        format!("{n} outcomes accepted under rule {rule}; {} owed", t.amount())
                    }
                    None if rule == t.outcome() => format!("{} owed under rule {rule}", t.amount()),
                    None => format!("{}: {} owed under rule {rule}", t.outcome(), t.amount()),
                };
                entry.insert("outcomes_achieved".into(), wrap(achieved));
                raw(&Out::Value(Value::Object(entry)))
            })
            .collect()
    }

    /// Both lists as the JSON text of an object `{"outcome_payments":
    /// [...], "results": [...]}`, amounts exact, ready to merge into a
    /// project document (see [`merge_into`](Self::merge_into)).
    ///
    /// # Errors
    ///
    /// As for [`outcome_payments`](Self::outcome_payments) and
    /// [`results`](Self::results).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoExport, ResultType};
    /// use integration_outcomes::outcomes::{
    ///     ClaimWindow, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule,
    ///     RateCardTerms, RuleEvidence,
    /// };
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = [rule.claim(1, "entry_to_employment", "2013-05-01".parse()?)?];
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let contract = Contract::new("c", Currency::GBP, pence, PayerShares::single("INDIGO-ORG-0001".parse()?), vec![rule.into()])?;
    /// let people = Participants::none();
    /// let statement = contract.settle(&Evidence::new().with("if", RuleEvidence::Claims { claims: &claims, participants: &people }))?;
    /// let text = IndigoExport::new(&statement, ResultType::Interim).to_json()?;
    /// let json: serde_json::Value = serde_json::from_str(&text)?;
    /// assert_eq!(json["outcome_payments"][0]["money"]["amount"]["value"], 2600.0);
    /// assert_eq!(json["results"].as_array().map(Vec::len), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self) -> Result<String, IndigoError> {
        let document = object([
            (
                "outcome_payments",
                Out::Array(self.outcome_payments()?.into_iter().map(Out::Raw).collect()),
            ),
            ("results", Out::Array(self.results()?.into_iter().map(Out::Raw).collect())),
        ]);
        Ok(raw(&document)?.get().to_owned())
    }

    /// The project document `project` (JSON text) with this export's
    /// `outcome_payments` and `results` added after any it already has.
    /// Every other member is kept as written, digit for digit.
    ///
    /// # Errors
    ///
    /// [`IndigoError`] at `/` if `project` is not JSON or not an object, or
    /// at `/outcome_payments` or `/results` if the project has one that is
    /// not an array.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoExport, ResultType};
    /// use integration_outcomes::outcomes::{
    ///     ClaimWindow, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule,
    ///     RateCardTerms, RuleEvidence,
    /// };
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = [rule.claim(1, "entry_to_employment", "2013-05-01".parse()?)?];
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let contract = Contract::new("c", Currency::GBP, pence, PayerShares::single("INDIGO-ORG-0001".parse()?), vec![rule.into()])?;
    /// let people = Participants::none();
    /// let statement = contract.settle(&Evidence::new().with("if", RuleEvidence::Claims { claims: &claims, participants: &people }))?;
    /// let project = r#"{"id": "INDIGO-POJ-0001", "outcome_pricings": [{"price_per_unit": {"amount": {"value": 3500.000000000000001}}}]}"#;
    /// let merged = IndigoExport::new(&statement, ResultType::Final).merge_into(project)?;
    /// assert!(merged.contains("3500.000000000000001")); // the project's own digits, kept
    /// let json: serde_json::Value = serde_json::from_str(&merged)?;
    /// assert_eq!(json["id"], "INDIGO-POJ-0001");
    /// assert_eq!(json["outcome_payments"].as_array().map(Vec::len), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge_into(&self, project: &str) -> Result<String, IndigoError> {
        let Members(mut members) = serde_json::from_str(project).map_err(|e| {
            IndigoError::new("/", IndigoErrorKind::Syntax { message: e.to_string() })
        })?;
        for (key, added) in
            [("outcome_payments", self.outcome_payments()?), ("results", self.results()?)]
        {
            // A repeated member counts once, with its last value (as serde_json reads it).
            let existing = members.iter().rposition(|(k, _)| k == key).map(|i| members.remove(i));
            members.retain(|(k, _)| k != key);
            let mut items: Vec<Box<RawValue>> = match existing {
                None => Vec::new(),
                Some((_, value)) => serde_json::from_str(value.get()).map_err(|_| {
                    let found: Value = serde_json::from_str(value.get()).unwrap_or(Value::Null);
                    IndigoError::new(
                        format!("/{key}"),
                        IndigoErrorKind::WrongType {
                            expected: "an array",
                            found: type_name(&found),
                        },
                    )
                    .with_found(value.get().to_owned())
                })?,
            };
            items.extend(added);
            members.push((
                key.to_owned(),
                raw(&Out::Array(items.into_iter().map(Out::Raw).collect()))?,
            ));
        }
        let document = Out::Object(members.into_iter().map(|(k, v)| (k, Out::Raw(v))).collect());
        Ok(raw(&document)?.get().to_owned())
    }
}

/// A JSON object's members in document order, each value as written.
struct Members(Vec<(String, Box<RawValue>)>);

impl<'de> serde::Deserialize<'de> for Members {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Members;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object (an INDIGO project document)")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Members, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, Box<RawValue>>()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}
