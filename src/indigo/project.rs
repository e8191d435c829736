use std::collections::{BTreeMap, HashMap, HashSet};

use rust_decimal::Decimal;
use serde_json::Value;

use super::json::{IndigoDate, Node, NumberTexts, invalid, number_texts};
use super::report::Problems;
use super::{ImportPolicy, IndigoError, IndigoErrorKind};
use crate::{Currency, Money};

/// The parts of an INDIGO impact-bond project document (data standard 4.1)
/// this crate uses: outcome metrics, outcome pricings and outcome payment
/// commitments. Every other field is ignored.
///
/// Values are read from the standard's `{"value": ...}` wrappers. Absent
/// values stay absent (`None`): nothing is invented; [`IndigoProject::gaps`]
/// lists what a settlement would need but the document lacks.
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::IndigoProject;
///
/// let doc = r#"{
///   "id": "INDIGO-POJ-0000",
///   "name": {"value": "Example SIB"},
///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
///   "outcome_pricings": [{
///     "outcome_metric_id": {"value": "m1"},
///     "currency": {"value": "GBP"},
///     "price_per_unit": {"amount": {"value": 2600}}
///   }]
/// }"#;
/// let project = IndigoProject::from_json(doc)?;
/// assert_eq!(project.metrics().len(), 1);
/// assert_eq!(project.pricings()[0].price_per_unit().unwrap().to_string(), "GBP 2,600.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct IndigoProject {
    pub(super) id: Option<String>,
    name: Option<String>,
    pub(super) metrics: Vec<MetricRecord>,
    pub(super) pricings: Vec<PricingRecord>,
    pub(super) commitments: Vec<CommitmentRecord>,
    pub(super) policy: ImportPolicy,
    problems: Vec<IndigoError>,
    pub(super) refusals: Refusals,
}

/// One entry of a project's `outcome_metrics`.
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::{IndigoProject, MetricRecord};
///
/// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{
///   "id": "m1",
///   "definition": {"value": "Entry to employment"},
///   "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"}
/// }]}"#)?;
/// let metric: &MetricRecord = &project.metrics()[0];
/// assert_eq!(metric.id(), "m1");
/// assert_eq!(metric.path(), "/outcome_metrics/0");
/// assert_eq!(metric.definition(), Some("Entry to employment"));
/// assert_eq!(metric.unit_type(), Some("Individual"));
/// assert_eq!(metric.data_source(), None); // absent, not invented
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MetricRecord {
    pub(super) path: String,
    pub(super) id: String,
    pub(super) definition: Option<String>,
    target_population: Option<String>,
    targeted_number: Option<Decimal>,
    pub(super) unit_type: Option<String>,
    pub(super) unit_type_found: Option<String>,
    target: Option<String>,
    pub(super) validation_method: Option<String>,
    pub(super) data_source: Option<String>,
    pub(super) id_found: String,
}

/// One entry of a project's `outcome_pricings`.
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::{IndigoProject, PricingRecord};
/// use integration_outcomes::{Currency, Money};
///
/// let project = IndigoProject::from_json(r#"{
///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
///   "outcome_pricings": [{
///     "outcome_metric_id": {"value": "m1"},
///     "currency": {"value": "GBP"},
///     "price_per_unit": {"amount": {"value": 2600}}
///   }]
/// }"#)?;
/// let pricing: &PricingRecord = &project.pricings()[0];
/// assert_eq!(pricing.metric_id(), "m1");
/// assert_eq!(pricing.price_per_unit(), Some(Money::from_major(2_600, Currency::GBP)));
/// assert_eq!(pricing.maximum_price(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PricingRecord {
    pub(super) path: String,
    pub(super) metric_id: String,
    pub(super) metric_id_found: String,
    currency: Option<Currency>,
    price_per_unit: Option<Decimal>,
    pub(super) price_found: Option<String>,
    maximum_price: Option<Decimal>,
    pub(super) maximum_found: Option<String>,
    description: Option<String>,
}

/// One entry of a project's `outcome_payment_commitments`: how much one payer
/// may pay at most.
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::{CommitmentRecord, IndigoDate, IndigoProject};
/// use integration_outcomes::{Currency, Money};
///
/// let project = IndigoProject::from_json(r#"{"outcome_payment_commitments": [{
///   "organisation_id": {"value": "INDIGO-ORG-0042"},
///   "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 3300000}},
///   "period": {"start_date": {"value": "2013-04"}, "end_date": {"value": "2016"}}
/// }]}"#)?;
/// let commitment: &CommitmentRecord = &project.commitments()[0];
/// assert_eq!(commitment.payer(), Some("INDIGO-ORG-0042"));
/// assert_eq!(commitment.maximum_payment(), Some(Money::from_major(3_300_000, Currency::GBP)));
/// assert_eq!(commitment.period_end(), Some(IndigoDate::Year(2016)));
/// assert_eq!(commitment.result_type(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CommitmentRecord {
    pub(super) path: String,
    pub(super) payer: Option<String>,
    pub(super) payer_found: Option<String>,
    role_category: Option<String>,
    maximum_payment: Option<Decimal>,
    currency: Option<Currency>,
    result_type: Option<String>,
    period_start: Option<IndigoDate>,
    period_end: Option<IndigoDate>,
}

/// Something a settlement needs that an INDIGO document does not provide.
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::{Gap, IndigoProject};
///
/// let project = IndigoProject::from_json(r#"{
///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
///   "outcome_pricings": [{"outcome_metric_id": {"value": "m1"}, "currency": {"value": "GBP"}}],
///   "outcome_payment_commitments": [{"organisation_id": {"value": "INDIGO-ORG-0042"}}]
/// }"#)?;
/// let gaps = project.gaps();
/// assert_eq!(
///     gaps,
///     [
///         Gap::MissingPrice {
///             path: "/outcome_pricings/0".into(),
///             metric_id: "m1".into(),
///         },
///         Gap::MissingMaximumPayment { path: "/outcome_payment_commitments/0".into() },
///     ]
/// );
/// assert_eq!(
///     gaps[0].to_string(),
///     r#"/outcome_pricings/0: pricing for "m1" gives no price per unit"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Gap {
    /// An outcome metric has no pricing entry at all.
    UnpricedMetric {
        /// The metric's id.
        metric_id: String,
    },
    /// A pricing entry has no price per unit.
    MissingPrice {
        /// The pricing's JSON path.
        path: String,
        /// The metric it prices.
        metric_id: String,
    },
    /// A pricing or commitment gives an amount but no currency.
    MissingCurrency {
        /// The entry's JSON path.
        path: String,
    },
    /// A payment commitment has no maximum amount.
    MissingMaximumPayment {
        /// The commitment's JSON path.
        path: String,
    },
    /// A payment commitment does not name its payer.
    MissingPayer {
        /// The commitment's JSON path.
        path: String,
    },
    /// An outcome metric could not be imported because the document lacks a
    /// field the crate needs.
    MetricNotImported {
        /// The metric's id.
        metric_id: String,
        /// What is missing (`"definition"`, `"unit type"`).
        missing: &'static str,
    },
}

impl std::fmt::Display for Gap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Gap::UnpricedMetric { metric_id } => {
                write!(f, "outcome metric {metric_id:?} has no pricing")
            }
            Gap::MissingPrice { path, metric_id } => {
                write!(f, "{path}: pricing for {metric_id:?} gives no price per unit")
            }
            Gap::MissingCurrency { path } => write!(f, "{path}: an amount without a currency"),
            Gap::MissingMaximumPayment { path } => {
                write!(f, "{path}: no maximum potential outcome payment")
            }
            Gap::MissingPayer { path } => write!(f, "{path}: no payer organisation"),
            Gap::MetricNotImported { metric_id, missing } => {
                write!(f, "outcome metric {metric_id:?} not imported: no {missing}")
            }
        }
    }
}

/// The standard's codelist for a payment commitment's `result_type`.
const RESULT_TYPES: [&str; 2] = ["Interim", "Overall"];

/// The standard's codelist for an outcome payer's `organisation_role_category`.
const PAYER_ROLE_CATEGORIES: [&str; 7] = [
    "Nonprofit/NGO",
    "Foundation/Philanthropist",
    "Government/Public Sector/Public Bank",
    "Multilateral/Bilateral/Intergovernmental Financial Institution",
    "Corporate Giving",
    "Investment Fund",
    "Other",
];

/// The wrapped decimal at `key` of `node`, which must not be negative. A
/// negative amount is reported at its `/value`, where a wrong type is.
fn non_negative(
    node: &Node<'_>,
    key: &str,
    accept_string: bool,
) -> Result<Option<Decimal>, IndigoError> {
    match node.decimal(key, accept_string)? {
        Some(v) if v.is_sign_negative() && !v.is_zero() => {
            let path = format!("{}/value", node.path_of(key));
            let found = node.wrapped_value(key).unwrap_or(&Value::Null);
            Err(node.invalid_value(&path, found, "a negative amount"))
        }
        other => Ok(other),
    }
}

/// One field's value, its problem (if any) added to `faults`.
fn field<T>(faults: &mut Vec<IndigoError>, read: Result<Option<T>, IndigoError>) -> Option<T> {
    read.unwrap_or_else(|e| {
        faults.push(e);
        None
    })
}

/// The JSON text of a wrapped value, for quoting it in a later problem.
fn quote_wrapped(node: &Node<'_>, key: &str) -> Option<String> {
    let path = format!("{}/value", node.path_of(key));
    node.wrapped_value(key).map(|v| node.quote(&path, v))
}

/// What reading a document left out, per section, beside its problems.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Refusals {
    /// Entries in each section (metrics, pricings, commitments).
    pub(super) totals: [usize; 3],
    /// Entries refused in each section.
    pub(super) refused: [usize; 3],
    /// Ids of refused metrics, each with the entries that have it.
    pub(super) metrics: BTreeMap<String, Vec<String>>,
    /// Metric ids named by refused pricings.
    pub(super) priced_metrics: HashSet<String>,
}

impl IndigoProject {
    /// Reads a project document from JSON text, keeping every entry that is
    /// valid on its own ([`ImportPolicy::Partial`]): an entry with a problem
    /// is left out and the problem listed in [`problems`](Self::problems).
    ///
    /// Numbers are read exactly from the digits as written, never through
    /// `f64`: `3500.000000000000001` is that amount, and a number with more
    /// digits than a decimal holds is refused, not rounded.
    ///
    /// # Errors
    ///
    /// [`IndigoError`] at `/` if the text is not JSON, or not a JSON object,
    /// so that nothing can be read.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"id": "INDIGO-POJ-0000", "outcome_metrics": [{"id": "m1"}, {"id": "m1"}, {"id": "m2"}]}"#)?;
    /// assert_eq!(project.metrics()[0].id(), "m2"); // m1 is defined twice: neither is used
    /// let paths: Vec<&str> = project.problems().iter().map(|p| p.path()).collect();
    /// assert_eq!(paths, ["/outcome_metrics/0/id", "/outcome_metrics/1/id"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<IndigoProject, IndigoError> {
        IndigoProject::from_json_with(text, ImportPolicy::Partial)
    }

    /// Reads a project document from JSON text under `policy`. Under
    /// [`ImportPolicy::Strict`] the first problem is the error; the project
    /// remembers the policy for [`import`](Self::import).
    ///
    /// # Errors
    ///
    /// As for [`IndigoProject::from_json`]; under [`ImportPolicy::Strict`]
    /// also the first problem: a value of the wrong type, an outcome
    /// metric without an `id` or with a duplicate one (ids are compared
    /// without surrounding whitespace), a pricing that names an unknown
    /// metric, an unknown currency code, a malformed date, a negative
    /// amount, an amount with more digits than a decimal holds, a
    /// commitment's `result_type` or `organisation_role_category` outside
    /// the standard's codelist, or a commitment period that ends before it
    /// starts.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::indigo::{ImportPolicy, IndigoProject};
    /// let doc = r#"{"outcome_metrics": [{"id": "m1"}, {"id": "m1"}]}"#;
    /// let err = IndigoProject::from_json_with(doc, ImportPolicy::Strict).unwrap_err();
    /// assert_eq!(err.path(), "/outcome_metrics/1/id"); // the duplicate
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json_with(text: &str, policy: ImportPolicy) -> Result<IndigoProject, IndigoError> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            IndigoError::new("/", IndigoErrorKind::Syntax { message: e.to_string() })
        })?;
        IndigoProject::read(&value, &number_texts(text), policy)
    }

    /// Reads a project document from an already parsed JSON value,
    /// partially as [`IndigoProject::from_json`] does.
    ///
    /// Numbers are read from the value: unless serde_json's
    /// `arbitrary_precision` feature is on, it holds them as `f64`, which
    /// has already rounded any with more than 15 significant digits; read
    /// the text with [`from_json`](Self::from_json) to have them exactly.
    ///
    /// # Errors
    ///
    /// [`IndigoError`] at `/` if the value is not an object.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let value = serde_json::json!({"name": {"value": "Example SIB"}, "outcome_metrics": [{"id": "m1"}]});
    /// let project = IndigoProject::from_value(&value)?;
    /// assert_eq!(project.name(), Some("Example SIB"));
    /// assert_eq!(project.metrics().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_value(value: &Value) -> Result<IndigoProject, IndigoError> {
        IndigoProject::from_value_with(value, ImportPolicy::Partial)
    }

    /// Reads a project document from an already parsed JSON value under
    /// `policy`.
    ///
    /// # Errors
    ///
    /// As for [`IndigoProject::from_json_with`], except syntax errors.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::indigo::{ImportPolicy, IndigoProject};
    /// let value = serde_json::json!({"outcome_metrics": [{"id": ""}]});
    /// assert!(IndigoProject::from_value_with(&value, ImportPolicy::Strict).is_err());
    /// assert_eq!(IndigoProject::from_value(&value)?.problems().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_value_with(
        value: &Value,
        policy: ImportPolicy,
    ) -> Result<IndigoProject, IndigoError> {
        IndigoProject::read(value, &NumberTexts::new(), policy)
    }

    fn read(
        value: &Value,
        numbers: &NumberTexts,
        policy: ImportPolicy,
    ) -> Result<IndigoProject, IndigoError> {
        let root = Node::root(value, numbers)?;
        let mut problems = Problems::new(policy);
        let mut refusals = Refusals::default();
        let id = match root.plain_string("id") {
            Ok(id) => id,
            Err(e) => {
                problems.report(e)?;
                None
            }
        };
        let name = match root.string("name") {
            Ok(name) => name,
            Err(e) => {
                problems.report(e)?;
                None
            }
        };
        // Outcome metrics. An id used twice refuses every entry with it:
        // which one a pricing means is not guessed.
        let metric_items = IndigoProject::section(&root, "outcome_metrics", &mut problems)?;
        refusals.totals[0] = metric_items.len();
        let mut known: HashSet<String> = HashSet::new();
        let mut first_with: HashMap<String, String> = HashMap::new();
        let mut duplicated: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut metrics = Vec::new();
        for item in metric_items {
            let node = match item {
                Ok(node) => node,
                Err(e) => {
                    refusals.refused[0] += 1;
                    problems.report(e)?;
                    continue;
                }
            };
            let mut faults = Vec::new();
            let id_path = node.path_of("id");
            // Trimmed like every wrapped value, so that references (which
            // are trimmed) find it and " a" and "a" are one id, a duplicate.
            let id = match node.required_plain_string("id") {
                Ok(id) => Some(id),
                Err(e) => {
                    faults.push(e);
                    None
                }
            };
            if let Some(id) = &id {
                known.insert(id.clone());
                match first_with.get(id) {
                    Some(first) => {
                        let found = node.value_at("id").unwrap_or(&Value::Null);
                        faults.push(node.invalid_value(
                            &id_path,
                            found,
                            format!(
                                "an outcome metric id that {first} has too, so neither entry \
                                 is used"
                            ),
                        ));
                        duplicated
                            .entry(id.clone())
                            .or_insert_with(|| vec![first.clone()])
                            .push(node.path.clone());
                    }
                    None => {
                        first_with.insert(id.clone(), node.path.clone());
                    }
                }
            }
            let record = MetricRecord {
                id: id.clone().unwrap_or_default(),
                definition: field(&mut faults, node.string("definition")),
                target_population: field(&mut faults, node.string("target_population")),
                targeted_number: field(
                    &mut faults,
                    non_negative(
                        &node,
                        "targeted_number_of_service_users_or_beneficiaries_total",
                        false,
                    ),
                ),
                unit_type: field(
                    &mut faults,
                    node.string("unit_type_of_targeted_service_users_or_beneficiaries"),
                ),
                unit_type_found: quote_wrapped(
                    &node,
                    "unit_type_of_targeted_service_users_or_beneficiaries",
                ),
                target: field(&mut faults, node.string("outcome_metric_target")),
                validation_method: field(&mut faults, node.string("outcome_validation_method")),
                data_source: field(&mut faults, node.string("data_source_for_outcome_validation")),
                id_found: node.value_at("id").map(|v| node.quote(&id_path, v)).unwrap_or_default(),
                path: node.path.clone(),
            };
            if faults.is_empty() {
                metrics.push(record);
            } else {
                refusals.refused[0] += 1;
                if let Some(id) = id {
                    refusals.metrics.entry(id).or_default().push(node.path.clone());
                }
                problems.report_all(faults)?;
            }
        }
        // The first entry with a duplicated id (under a strict policy the
        // second one's problem has already ended the reading).
        for (id, entries) in &duplicated {
            let Some((first, others)) = entries.split_first() else { continue };
            if let Some(i) = metrics.iter().position(|m| &m.path == first) {
                let record = metrics.remove(i);
                refusals.refused[0] += 1;
                problems.report(
                    invalid(
                        &format!("{first}/id"),
                        format!(
                            "an outcome metric id that {} {} too, so no entry with it is used",
                            others.join(", "),
                            if others.len() == 1 { "has" } else { "have" }
                        ),
                    )
                    .with_found(record.id_found.clone()),
                )?;
            } else {
                problems.report(
                    invalid(
                        &format!("{first}/id"),
                        format!("an outcome metric id that {} also have", others.join(", ")),
                    )
                    .with_found(serde_json::to_string(id).unwrap_or_default()),
                )?;
            }
            let refused = refusals.metrics.entry(id.clone()).or_default();
            for entry in entries {
                if !refused.contains(entry) {
                    refused.push(entry.clone());
                }
            }
            refused.sort_by_key(|p| p.rsplit('/').next().and_then(|i| i.parse::<usize>().ok()));
        }

        // Outcome pricings: each names a metric that is defined once and used.
        let mut pricings = Vec::new();
        let pricing_items = IndigoProject::section(&root, "outcome_pricings", &mut problems)?;
        refusals.totals[1] = pricing_items.len();
        for item in pricing_items {
            let node = match item {
                Ok(node) => node,
                Err(e) => {
                    refusals.refused[1] += 1;
                    problems.report(e)?;
                    continue;
                }
            };
            let mut faults = Vec::new();
            let reference_path = format!("{}/value", node.path_of("outcome_metric_id"));
            let metric_id = match node.required_string("outcome_metric_id") {
                Ok(id) => {
                    let found = node.wrapped_value("outcome_metric_id").unwrap_or(&Value::Null);
                    if let Some(entries) = refusals.metrics.get(&id) {
                        let kind = IndigoErrorKind::UnusableMetric {
                            id: id.clone(),
                            entries: entries.clone(),
                        };
                        faults.push(
                            IndigoError::new(&reference_path, kind)
                                .with_found(node.quote(&reference_path, found)),
                        );
                    } else if !known.contains(&id) {
                        let kind = IndigoErrorKind::UnknownMetric { id: id.clone() };
                        faults.push(
                            IndigoError::new(&reference_path, kind)
                                .with_found(node.quote(&reference_path, found)),
                        );
                    }
                    Some(id)
                }
                Err(e) => {
                    faults.push(e);
                    None
                }
            };
            let price = field(&mut faults, node.object("price_per_unit"));
            let maximum = field(&mut faults, node.object("maximum_price_if_all_targets_achieved"));
            let record = PricingRecord {
                metric_id: metric_id.clone().unwrap_or_default(),
                metric_id_found: node
                    .wrapped_value("outcome_metric_id")
                    .map(|v| node.quote(&reference_path, v))
                    .unwrap_or_default(),
                price_per_unit: price
                    .as_ref()
                    .and_then(|p| field(&mut faults, non_negative(p, "amount", false))),
                price_found: price.as_ref().and_then(|p| quote_wrapped(p, "amount")),
                maximum_price: maximum
                    .as_ref()
                    .and_then(|p| field(&mut faults, non_negative(p, "amount", true))),
                maximum_found: maximum.as_ref().and_then(|p| quote_wrapped(p, "amount")),
                currency: field(&mut faults, node.currency("currency")),
                description: field(&mut faults, node.string("price_description")),
                path: node.path.clone(),
            };
            if faults.is_empty() {
                pricings.push(record);
            } else {
                refusals.refused[1] += 1;
                if let Some(id) = metric_id {
                    refusals.priced_metrics.insert(id);
                }
                problems.report_all(faults)?;
            }
        }

        let mut commitments = Vec::new();
        let commitment_items =
            IndigoProject::section(&root, "outcome_payment_commitments", &mut problems)?;
        refusals.totals[2] = commitment_items.len();
        for item in commitment_items {
            let node = match item {
                Ok(node) => node,
                Err(e) => {
                    refusals.refused[2] += 1;
                    problems.report(e)?;
                    continue;
                }
            };
            let mut faults = Vec::new();
            let maximum = field(&mut faults, node.object("maximum_potential_outcome_payment"));
            let maximum_payment =
                maximum.as_ref().and_then(|m| field(&mut faults, non_negative(m, "amount", false)));
            let currency =
                maximum.as_ref().and_then(|m| field(&mut faults, m.currency("currency")));
            let (mut period_start, mut period_end) = (None, None);
            if let Some(p) = field(&mut faults, node.object("period")) {
                let start = field(&mut faults, p.date("start_date"));
                let end = field(&mut faults, p.date("end_date"));
                if let (Some((_, start)), Some((end_path, end))) = (&start, &end)
                    && end.ends_before(*start)
                {
                    let found = p.wrapped_value("end_date").unwrap_or(&Value::Null);
                    faults.push(p.invalid_value(
                        end_path,
                        found,
                        format!("the period ends before it starts ({start})"),
                    ));
                }
                period_start = start.map(|(_, d)| d);
                period_end = end.map(|(_, d)| d);
            }
            let record = CommitmentRecord {
                payer: field(&mut faults, node.string("organisation_id")),
                payer_found: quote_wrapped(&node, "organisation_id"),
                role_category: field(
                    &mut faults,
                    node.coded("organisation_role_category", &PAYER_ROLE_CATEGORIES),
                ),
                maximum_payment,
                currency,
                result_type: field(&mut faults, node.coded("result_type", &RESULT_TYPES)),
                period_start,
                period_end,
                path: node.path.clone(),
            };
            if faults.is_empty() {
                commitments.push(record);
            } else {
                refusals.refused[2] += 1;
                problems.report_all(faults)?;
            }
        }

        Ok(IndigoProject {
            id,
            name,
            metrics,
            pricings,
            commitments,
            policy,
            problems: problems.into_sorted(),
            refusals,
        })
    }

    /// The items of the array at `key`; a section that is not an array is
    /// a problem, read as empty.
    fn section<'a>(
        root: &Node<'a>,
        key: &str,
        problems: &mut Problems,
    ) -> Result<Vec<Result<Node<'a>, IndigoError>>, IndigoError> {
        match root.array(key) {
            Ok(items) => Ok(items),
            Err(e) => {
                problems.report(e)?;
                Ok(Vec::new())
            }
        }
    }

    /// The project's INDIGO identifier (such as `INDIGO-POJ-0153`), if given.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{
    ///   "id": "INDIGO-POJ-0000",
    ///   "name": {"value": "Example SIB"},
    ///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
    ///   "outcome_pricings": [{"outcome_metric_id": {"value": "m1"}, "currency": {"value": "GBP"}}],
    ///   "outcome_payment_commitments": [{"organisation_id": {"value": "INDIGO-ORG-0042"}}]
    /// }"#)?;
    /// assert_eq!(project.id(), Some("INDIGO-POJ-0000"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The project's name, if given.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{
    ///   "id": "INDIGO-POJ-0000",
    ///   "name": {"value": "Example SIB"},
    ///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
    ///   "outcome_pricings": [{"outcome_metric_id": {"value": "m1"}, "currency": {"value": "GBP"}}],
    ///   "outcome_payment_commitments": [{"organisation_id": {"value": "INDIGO-ORG-0042"}}]
    /// }"#)?;
    /// assert_eq!(project.name(), Some("Example SIB"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The outcome metrics, in document order.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{
    ///   "id": "INDIGO-POJ-0000",
    ///   "name": {"value": "Example SIB"},
    ///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
    ///   "outcome_pricings": [{"outcome_metric_id": {"value": "m1"}, "currency": {"value": "GBP"}}],
    ///   "outcome_payment_commitments": [{"organisation_id": {"value": "INDIGO-ORG-0042"}}]
    /// }"#)?;
    /// assert_eq!(project.metrics()[0].definition(), Some("Entry to employment"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn metrics(&self) -> &[MetricRecord] {
        &self.metrics
    }

    /// The outcome pricings, in document order.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{
    ///   "id": "INDIGO-POJ-0000",
    ///   "name": {"value": "Example SIB"},
    ///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
    ///   "outcome_pricings": [{"outcome_metric_id": {"value": "m1"}, "currency": {"value": "GBP"}}],
    ///   "outcome_payment_commitments": [{"organisation_id": {"value": "INDIGO-ORG-0042"}}]
    /// }"#)?;
    /// assert_eq!(project.pricings()[0].metric_id(), "m1");
    /// assert_eq!(project.pricings()[0].price_per_unit(), None); // no amount given
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn pricings(&self) -> &[PricingRecord] {
        &self.pricings
    }

    /// The outcome payment commitments, in document order.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{
    ///   "id": "INDIGO-POJ-0000",
    ///   "name": {"value": "Example SIB"},
    ///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
    ///   "outcome_pricings": [{"outcome_metric_id": {"value": "m1"}, "currency": {"value": "GBP"}}],
    ///   "outcome_payment_commitments": [{"organisation_id": {"value": "INDIGO-ORG-0042"}}]
    /// }"#)?;
    /// assert_eq!(project.commitments()[0].payer(), Some("INDIGO-ORG-0042"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn commitments(&self) -> &[CommitmentRecord] {
        &self.commitments
    }

    /// Every problem reading found, in document order: each names its JSON
    /// Pointer, quotes what was found and says why it was not used. The
    /// entries they are in are left out of [`metrics`](Self::metrics),
    /// [`pricings`](Self::pricings) and [`commitments`](Self::commitments);
    /// an entry that depends on a left-out one (a pricing of a metric whose
    /// id two entries share) is left out and listed too. Always empty under
    /// [`ImportPolicy::Strict`], which stops at the first.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{
    ///   "outcome_metrics": [{"id": "m1"}, {"id": "m2"}],
    ///   "outcome_pricings": [
    ///     {"outcome_metric_id": {"value": "m1"}, "currency": {"value": "GBP"}, "price_per_unit": {"amount": {"value": 500}}},
    ///     {"outcome_metric_id": {"value": "m2"}, "currency": {"value": "South Korean Won"}, "price_per_unit": {"amount": {"value": "$10,000"}}}
    ///   ]
    /// }"#)?;
    /// assert_eq!(project.pricings().len(), 1); // the valid one is kept
    /// let problems: Vec<String> = project.problems().iter().map(|p| p.to_string()).collect();
    /// assert_eq!(problems, [
    ///     r#"/outcome_pricings/1/currency/value: found "South Korean Won": not an ISO 4217 currency code (three upper-case letters, such as GBP); did you mean KRW?"#,
    ///     r#"/outcome_pricings/1/price_per_unit/amount/value: found "$10,000": expected a number, not a string; did you mean 10000?"#,
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn problems(&self) -> &[IndigoError] {
        &self.problems
    }

    /// The policy the document was read under, which
    /// [`import`](Self::import) follows too.
    ///
    /// ```
    /// use integration_outcomes::indigo::{ImportPolicy, IndigoProject};
    /// assert_eq!(IndigoProject::from_json("{}")?.policy(), ImportPolicy::Partial);
    /// assert_eq!(IndigoProject::from_json_with("{}", ImportPolicy::Strict)?.policy(), ImportPolicy::Strict);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn policy(&self) -> ImportPolicy {
        self.policy
    }

    /// What the document lacks for a settlement: unpriced metrics, pricings
    /// without a price or currency, commitments without an amount, currency or
    /// payer. Reported, never filled in.
    ///
    /// ```
    /// use integration_outcomes::indigo::{Gap, IndigoProject};
    ///
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{"id": "m1"}]}"#)?;
    /// assert_eq!(project.gaps(), [Gap::UnpricedMetric { metric_id: "m1".into() }]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn gaps(&self) -> Vec<Gap> {
        let mut gaps = Vec::new();
        for metric in &self.metrics {
            if !self.pricings.iter().any(|p| p.metric_id == metric.id)
                && !self.refusals.priced_metrics.contains(&metric.id)
            {
                gaps.push(Gap::UnpricedMetric { metric_id: metric.id.clone() });
            }
        }
        for p in &self.pricings {
            if p.price_per_unit.is_none() {
                gaps.push(Gap::MissingPrice {
                    path: p.path.clone(),
                    metric_id: p.metric_id.clone(),
                });
            }
            if p.currency.is_none() && (p.price_per_unit.is_some() || p.maximum_price.is_some()) {
                gaps.push(Gap::MissingCurrency { path: p.path.clone() });
            }
        }
        for c in &self.commitments {
            if c.payer.is_none() {
                gaps.push(Gap::MissingPayer { path: c.path.clone() });
            }
            match (c.maximum_payment, c.currency) {
                (None, _) => gaps.push(Gap::MissingMaximumPayment { path: c.path.clone() }),
                (Some(_), None) => gaps.push(Gap::MissingCurrency { path: c.path.clone() }),
                (Some(_), Some(_)) => {}
            }
        }
        gaps
    }
}

impl MetricRecord {
    /// The metric's within-project id (such as `outcomemetric1`), without
    /// surrounding whitespace, as references to it are read.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{
    ///   "id": " outcomemetric1 ",
    ///   "definition": {"value": "Entry into first employment"},
    ///   "target_population": {"value": "Young people aged 14 to 15"},
    ///   "targeted_number_of_service_users_or_beneficiaries_total": {"value": 1000},
    ///   "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"},
    ///   "outcome_metric_target": {"value": "Employed for 13 weeks"},
    ///   "outcome_validation_method": {"value": "Payslips"},
    ///   "data_source_for_outcome_validation": {"value": "HMRC records"}
    /// }]}"#)?;
    /// let metric = &project.metrics()[0];
    /// assert_eq!(metric.id(), "outcomemetric1"); // trimmed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }
    /// JSON path of this entry.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{
    ///   "id": " outcomemetric1 ",
    ///   "definition": {"value": "Entry into first employment"},
    ///   "target_population": {"value": "Young people aged 14 to 15"},
    ///   "targeted_number_of_service_users_or_beneficiaries_total": {"value": 1000},
    ///   "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"},
    ///   "outcome_metric_target": {"value": "Employed for 13 weeks"},
    ///   "outcome_validation_method": {"value": "Payslips"},
    ///   "data_source_for_outcome_validation": {"value": "HMRC records"}
    /// }]}"#)?;
    /// let metric = &project.metrics()[0];
    /// assert_eq!(metric.path(), "/outcome_metrics/0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }
    /// The outcome definition.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{
    ///   "id": " outcomemetric1 ",
    ///   "definition": {"value": "Entry into first employment"},
    ///   "target_population": {"value": "Young people aged 14 to 15"},
    ///   "targeted_number_of_service_users_or_beneficiaries_total": {"value": 1000},
    ///   "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"},
    ///   "outcome_metric_target": {"value": "Employed for 13 weeks"},
    ///   "outcome_validation_method": {"value": "Payslips"},
    ///   "data_source_for_outcome_validation": {"value": "HMRC records"}
    /// }]}"#)?;
    /// let metric = &project.metrics()[0];
    /// assert_eq!(metric.definition(), Some("Entry into first employment"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn definition(&self) -> Option<&str> {
        self.definition.as_deref()
    }
    /// The target population.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{
    ///   "id": " outcomemetric1 ",
    ///   "definition": {"value": "Entry into first employment"},
    ///   "target_population": {"value": "Young people aged 14 to 15"},
    ///   "targeted_number_of_service_users_or_beneficiaries_total": {"value": 1000},
    ///   "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"},
    ///   "outcome_metric_target": {"value": "Employed for 13 weeks"},
    ///   "outcome_validation_method": {"value": "Payslips"},
    ///   "data_source_for_outcome_validation": {"value": "HMRC records"}
    /// }]}"#)?;
    /// let metric = &project.metrics()[0];
    /// assert_eq!(metric.target_population(), Some("Young people aged 14 to 15"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn target_population(&self) -> Option<&str> {
        self.target_population.as_deref()
    }
    /// The targeted number of service users or beneficiaries.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{
    ///   "id": " outcomemetric1 ",
    ///   "definition": {"value": "Entry into first employment"},
    ///   "target_population": {"value": "Young people aged 14 to 15"},
    ///   "targeted_number_of_service_users_or_beneficiaries_total": {"value": 1000},
    ///   "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"},
    ///   "outcome_metric_target": {"value": "Employed for 13 weeks"},
    ///   "outcome_validation_method": {"value": "Payslips"},
    ///   "data_source_for_outcome_validation": {"value": "HMRC records"}
    /// }]}"#)?;
    /// let metric = &project.metrics()[0];
    /// assert_eq!(metric.targeted_number(), Some(rust_decimal::Decimal::from(1_000)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn targeted_number(&self) -> Option<Decimal> {
        self.targeted_number
    }
    /// `Individual` or `Other`, as the standard's codelist says.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{
    ///   "id": " outcomemetric1 ",
    ///   "definition": {"value": "Entry into first employment"},
    ///   "target_population": {"value": "Young people aged 14 to 15"},
    ///   "targeted_number_of_service_users_or_beneficiaries_total": {"value": 1000},
    ///   "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"},
    ///   "outcome_metric_target": {"value": "Employed for 13 weeks"},
    ///   "outcome_validation_method": {"value": "Payslips"},
    ///   "data_source_for_outcome_validation": {"value": "HMRC records"}
    /// }]}"#)?;
    /// let metric = &project.metrics()[0];
    /// assert_eq!(metric.unit_type(), Some("Individual"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn unit_type(&self) -> Option<&str> {
        self.unit_type.as_deref()
    }
    /// The free-text outcome metric target (the payment condition).
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{
    ///   "id": " outcomemetric1 ",
    ///   "definition": {"value": "Entry into first employment"},
    ///   "target_population": {"value": "Young people aged 14 to 15"},
    ///   "targeted_number_of_service_users_or_beneficiaries_total": {"value": 1000},
    ///   "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"},
    ///   "outcome_metric_target": {"value": "Employed for 13 weeks"},
    ///   "outcome_validation_method": {"value": "Payslips"},
    ///   "data_source_for_outcome_validation": {"value": "HMRC records"}
    /// }]}"#)?;
    /// let metric = &project.metrics()[0];
    /// assert_eq!(metric.target(), Some("Employed for 13 weeks"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn target(&self) -> Option<&str> {
        self.target.as_deref()
    }
    /// How the outcome is validated (the evidence).
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{
    ///   "id": " outcomemetric1 ",
    ///   "definition": {"value": "Entry into first employment"},
    ///   "target_population": {"value": "Young people aged 14 to 15"},
    ///   "targeted_number_of_service_users_or_beneficiaries_total": {"value": 1000},
    ///   "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"},
    ///   "outcome_metric_target": {"value": "Employed for 13 weeks"},
    ///   "outcome_validation_method": {"value": "Payslips"},
    ///   "data_source_for_outcome_validation": {"value": "HMRC records"}
    /// }]}"#)?;
    /// let metric = &project.metrics()[0];
    /// assert_eq!(metric.validation_method(), Some("Payslips"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn validation_method(&self) -> Option<&str> {
        self.validation_method.as_deref()
    }
    /// The data source for outcome validation.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [{
    ///   "id": " outcomemetric1 ",
    ///   "definition": {"value": "Entry into first employment"},
    ///   "target_population": {"value": "Young people aged 14 to 15"},
    ///   "targeted_number_of_service_users_or_beneficiaries_total": {"value": 1000},
    ///   "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"},
    ///   "outcome_metric_target": {"value": "Employed for 13 weeks"},
    ///   "outcome_validation_method": {"value": "Payslips"},
    ///   "data_source_for_outcome_validation": {"value": "HMRC records"}
    /// }]}"#)?;
    /// let metric = &project.metrics()[0];
    /// assert_eq!(metric.data_source(), Some("HMRC records"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn data_source(&self) -> Option<&str> {
        self.data_source.as_deref()
    }
}

impl PricingRecord {
    /// JSON path of this entry.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{
    ///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
    ///   "outcome_pricings": [{
    ///     "outcome_metric_id": {"value": "m1"},
    ///     "currency": {"value": "GBP"},
    ///     "price_per_unit": {"amount": {"value": 2600}},
    ///     "maximum_price_if_all_targets_achieved": {"amount": {"value": "2,600,000"}},
    ///     "price_description": {"value": "Per participant entering employment"}
    ///   }]
    /// }"#)?;
    /// let pricing = &project.pricings()[0];
    /// assert_eq!(pricing.path(), "/outcome_pricings/0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }
    /// The metric this pricing belongs to (always a metric the project defines).
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{
    ///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
    ///   "outcome_pricings": [{
    ///     "outcome_metric_id": {"value": "m1"},
    ///     "currency": {"value": "GBP"},
    ///     "price_per_unit": {"amount": {"value": 2600}},
    ///     "maximum_price_if_all_targets_achieved": {"amount": {"value": "2,600,000"}},
    ///     "price_description": {"value": "Per participant entering employment"}
    ///   }]
    /// }"#)?;
    /// let pricing = &project.pricings()[0];
    /// assert_eq!(pricing.metric_id(), "m1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn metric_id(&self) -> &str {
        &self.metric_id
    }
    /// The pricing currency, if given.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{
    ///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
    ///   "outcome_pricings": [{
    ///     "outcome_metric_id": {"value": "m1"},
    ///     "currency": {"value": "GBP"},
    ///     "price_per_unit": {"amount": {"value": 2600}},
    ///     "maximum_price_if_all_targets_achieved": {"amount": {"value": "2,600,000"}},
    ///     "price_description": {"value": "Per participant entering employment"}
    ///   }]
    /// }"#)?;
    /// let pricing = &project.pricings()[0];
    /// assert_eq!(pricing.currency(), Some(Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn currency(&self) -> Option<Currency> {
        self.currency
    }
    /// The price per unit as money, if both the amount and currency are given.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{
    ///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
    ///   "outcome_pricings": [{
    ///     "outcome_metric_id": {"value": "m1"},
    ///     "currency": {"value": "GBP"},
    ///     "price_per_unit": {"amount": {"value": 2600}},
    ///     "maximum_price_if_all_targets_achieved": {"amount": {"value": "2,600,000"}},
    ///     "price_description": {"value": "Per participant entering employment"}
    ///   }]
    /// }"#)?;
    /// let pricing = &project.pricings()[0];
    /// assert_eq!(pricing.price_per_unit(), Some(Money::from_major(2_600, Currency::GBP)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn price_per_unit(&self) -> Option<Money> {
        Some(Money::new(self.price_per_unit?, self.currency?))
    }
    /// The maximum price if all targets are achieved, if both the amount and
    /// currency are given.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{
    ///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
    ///   "outcome_pricings": [{
    ///     "outcome_metric_id": {"value": "m1"},
    ///     "currency": {"value": "GBP"},
    ///     "price_per_unit": {"amount": {"value": 2600}},
    ///     "maximum_price_if_all_targets_achieved": {"amount": {"value": "2,600,000"}},
    ///     "price_description": {"value": "Per participant entering employment"}
    ///   }]
    /// }"#)?;
    /// let pricing = &project.pricings()[0];
    /// assert_eq!(pricing.maximum_price(), Some(Money::from_major(2_600_000, Currency::GBP)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn maximum_price(&self) -> Option<Money> {
        Some(Money::new(self.maximum_price?, self.currency?))
    }
    /// The free-text price description.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{
    ///   "outcome_metrics": [{"id": "m1", "definition": {"value": "Entry to employment"}}],
    ///   "outcome_pricings": [{
    ///     "outcome_metric_id": {"value": "m1"},
    ///     "currency": {"value": "GBP"},
    ///     "price_per_unit": {"amount": {"value": 2600}},
    ///     "maximum_price_if_all_targets_achieved": {"amount": {"value": "2,600,000"}},
    ///     "price_description": {"value": "Per participant entering employment"}
    ///   }]
    /// }"#)?;
    /// let pricing = &project.pricings()[0];
    /// assert_eq!(pricing.description(), Some("Per participant entering employment"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}

impl CommitmentRecord {
    /// JSON path of this entry.
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoDate, IndigoProject};
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{"outcome_payment_commitments": [{
    ///   "organisation_id": {"value": "INDIGO-ORG-0042"},
    ///   "organisation_role_category": {"value": "Government/Public Sector/Public Bank"},
    ///   "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 3300000}},
    ///   "result_type": {"value": "Overall"},
    ///   "period": {"start_date": {"value": "2013-04"}, "end_date": {"value": "2016"}}
    /// }]}"#)?;
    /// let commitment = &project.commitments()[0];
    /// assert_eq!(commitment.path(), "/outcome_payment_commitments/0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }
    /// The INDIGO organisation id of the payer.
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoDate, IndigoProject};
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{"outcome_payment_commitments": [{
    ///   "organisation_id": {"value": "INDIGO-ORG-0042"},
    ///   "organisation_role_category": {"value": "Government/Public Sector/Public Bank"},
    ///   "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 3300000}},
    ///   "result_type": {"value": "Overall"},
    ///   "period": {"start_date": {"value": "2013-04"}, "end_date": {"value": "2016"}}
    /// }]}"#)?;
    /// let commitment = &project.commitments()[0];
    /// assert_eq!(commitment.payer(), Some("INDIGO-ORG-0042"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payer(&self) -> Option<&str> {
        self.payer.as_deref()
    }
    /// The payer's role category, one of the standard's codelist (such as
    /// `Government/Public Sector/Public Bank`).
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoDate, IndigoProject};
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{"outcome_payment_commitments": [{
    ///   "organisation_id": {"value": "INDIGO-ORG-0042"},
    ///   "organisation_role_category": {"value": "Government/Public Sector/Public Bank"},
    ///   "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 3300000}},
    ///   "result_type": {"value": "Overall"},
    ///   "period": {"start_date": {"value": "2013-04"}, "end_date": {"value": "2016"}}
    /// }]}"#)?;
    /// let commitment = &project.commitments()[0];
    /// assert_eq!(commitment.role_category(), Some("Government/Public Sector/Public Bank"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn role_category(&self) -> Option<&str> {
        self.role_category.as_deref()
    }
    /// The payer's maximum potential outcome payment, if amount and currency are given.
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoDate, IndigoProject};
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{"outcome_payment_commitments": [{
    ///   "organisation_id": {"value": "INDIGO-ORG-0042"},
    ///   "organisation_role_category": {"value": "Government/Public Sector/Public Bank"},
    ///   "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 3300000}},
    ///   "result_type": {"value": "Overall"},
    ///   "period": {"start_date": {"value": "2013-04"}, "end_date": {"value": "2016"}}
    /// }]}"#)?;
    /// let commitment = &project.commitments()[0];
    /// assert_eq!(commitment.maximum_payment(), Some(Money::from_major(3_300_000, Currency::GBP)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn maximum_payment(&self) -> Option<Money> {
        Some(Money::new(self.maximum_payment?, self.currency?))
    }
    /// `Interim` (a commitment for one performance period) or `Overall`
    /// (for the whole project), the standard's codelist.
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoDate, IndigoProject};
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{"outcome_payment_commitments": [{
    ///   "organisation_id": {"value": "INDIGO-ORG-0042"},
    ///   "organisation_role_category": {"value": "Government/Public Sector/Public Bank"},
    ///   "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 3300000}},
    ///   "result_type": {"value": "Overall"},
    ///   "period": {"start_date": {"value": "2013-04"}, "end_date": {"value": "2016"}}
    /// }]}"#)?;
    /// let commitment = &project.commitments()[0];
    /// assert_eq!(commitment.result_type(), Some("Overall"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn result_type(&self) -> Option<&str> {
        self.result_type.as_deref()
    }
    /// The commitment period's start, at the precision given.
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoDate, IndigoProject};
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{"outcome_payment_commitments": [{
    ///   "organisation_id": {"value": "INDIGO-ORG-0042"},
    ///   "organisation_role_category": {"value": "Government/Public Sector/Public Bank"},
    ///   "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 3300000}},
    ///   "result_type": {"value": "Overall"},
    ///   "period": {"start_date": {"value": "2013-04"}, "end_date": {"value": "2016"}}
    /// }]}"#)?;
    /// let commitment = &project.commitments()[0];
    /// assert_eq!(commitment.period_start(), Some(IndigoDate::Month(2013, 4)));
    /// assert_eq!(commitment.period_start().map(|d| d.to_string()), Some("2013-04".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn period_start(&self) -> Option<IndigoDate> {
        self.period_start
    }
    /// The commitment period's end, at the precision given.
    ///
    /// ```
    /// use integration_outcomes::indigo::{IndigoDate, IndigoProject};
    /// use integration_outcomes::{Currency, Money};
    /// let project = IndigoProject::from_json(r#"{"outcome_payment_commitments": [{
    ///   "organisation_id": {"value": "INDIGO-ORG-0042"},
    ///   "organisation_role_category": {"value": "Government/Public Sector/Public Bank"},
    ///   "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 3300000}},
    ///   "result_type": {"value": "Overall"},
    ///   "period": {"start_date": {"value": "2013-04"}, "end_date": {"value": "2016"}}
    /// }]}"#)?;
    /// let commitment = &project.commitments()[0];
    /// assert_eq!(commitment.period_end(), Some(IndigoDate::Year(2016)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn period_end(&self) -> Option<IndigoDate> {
        self.period_end
    }
}
