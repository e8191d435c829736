use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::IndigoError;
use super::json::invalid;
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
/// Amounts are JSON numbers, as the standard types them; an amount with more
/// than 15 significant digits cannot be a JSON number exactly and is an
/// error rather than a rounded number.
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
/// let json = IndigoExport::new(&statement, ResultType::Interim).to_json()?;
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

/// An exact amount as a JSON number.
fn number(amount: Money, path: &str) -> Result<Value, IndigoError> {
    let text = amount.amount().normalize().to_string();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let exact =
        text.parse::<f64>().ok().filter(|_| digits <= 15).and_then(serde_json::Number::from_f64);
    match exact {
        Some(n) if Decimal::from_str_exact(&n.to_string()).is_ok_and(|d| d == amount.amount()) => {
            Ok(Value::Number(n))
        }
        _ => Err(invalid(
            path,
            format!("{amount} has more significant digits than a JSON number holds exactly"),
        )),
    }
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
    /// assert_eq!(export.results()?[0]["result_type"]["value"], "Final");
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
    /// assert_eq!(export.outcome_payments()?[0]["outcome_metric_id"]["value"], "outcomemetric1");
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

    /// The `outcome_payments` entries.
    ///
    /// # Errors
    ///
    /// [`IndigoError`] naming the entry's path if an amount cannot be written
    /// exactly as a JSON number.
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
    /// assert_eq!(payments[0]["outcome_metric_id"]["value"], "if");
    /// assert_eq!(payments[0]["money"]["currency"]["value"], "GBP");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outcome_payments(&self) -> Result<Vec<Value>, IndigoError> {
        self.statement
            .payments()
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let path = format!("/outcome_payments/{i}");
                Ok(json!({
                    "outcome_metric_id": wrap(self.metric_of(p.rule().as_str())),
                    "period": period_json(p.period()),
                    "payer_organisation_id": wrap(p.payer().as_str()),
                    "type": wrap("Actual"),
                    "money": {
                        "currency": wrap(p.amount().currency().to_string()),
                        "amount": { "value": number(p.amount(), &format!("{path}/money/amount/value"))? },
                    },
                    "notes": format!("contract {}, rule {}", self.statement.contract(), p.rule()),
                }))
            })
            .collect()
    }

    /// The `results` entries.
    ///
    /// # Errors
    ///
    /// None at present: every period has a first and a last day. The
    /// `Result` is kept so that a check added later is not a breaking change.
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
    /// assert_eq!(results[0]["outcome_metric_id"]["value"], "entry_to_employment");
    /// assert_eq!(results[0]["number_with_positive_social_outcomes"]["value"], 1);
    /// assert_eq!(results[0]["result_type"]["value"], "Interim");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn results(&self) -> Result<Vec<Value>, IndigoError> {
        let periods: Vec<Period> = self.statement.lines().iter().map(|l| l.period()).collect();
        let first = periods.iter().min().copied();
        let last = periods.iter().max().copied();
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
        Ok(self
            .statement
            .totals_by_outcome()
            .iter()
            // A rate-card outcome nobody claimed has no result to report.
            .filter(|t| {
                summary(t.rule().as_str(), t.outcome()).is_none_or(|(claims, _)| claims > 0)
            })
            .map(|t| {
                let rule = t.rule().as_str();
                let mut entry = Map::new();
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
                Value::Object(entry)
            })
            .collect())
    }

    /// Both lists as a JSON object `{"outcome_payments": [...], "results":
    /// [...]}`, ready to merge into a project document.
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
    /// let json = IndigoExport::new(&statement, ResultType::Interim).to_json()?;
    /// assert_eq!(json["outcome_payments"][0]["money"]["amount"]["value"], 2600.0);
    /// assert_eq!(json["results"].as_array().map(Vec::len), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self) -> Result<Value, IndigoError> {
        Ok(json!({
            "outcome_payments": self.outcome_payments()?,
            "results": self.results()?,
        }))
    }
}
