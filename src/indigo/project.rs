use std::collections::HashSet;

use rust_decimal::Decimal;
use serde_json::Value;

use super::json::{IndigoDate, Node, invalid};
use super::{IndigoError, IndigoErrorKind};
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
    target: Option<String>,
    pub(super) validation_method: Option<String>,
    pub(super) data_source: Option<String>,
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
    currency: Option<Currency>,
    price_per_unit: Option<Decimal>,
    maximum_price: Option<Decimal>,
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

/// The wrapped string at `key` of `node`, which must be one of `codelist`.
fn coded(node: &Node<'_>, key: &str, codelist: &[&str]) -> Result<Option<String>, IndigoError> {
    let value = node.string(key)?;
    if let Some(v) = &value
        && !codelist.contains(&v.as_str())
    {
        let allowed: Vec<String> = codelist.iter().map(|c| format!("{c:?}")).collect();
        return Err(invalid(
            &format!("{}/value", node.path_of(key)),
            format!("{v:?} is not one of {}", allowed.join(", ")),
        ));
    }
    Ok(value)
}

/// The wrapped decimal at `key` of `node`, which must not be negative. A
/// negative amount is reported at its `/value`, where a wrong type is.
fn non_negative(
    node: &Node<'_>,
    key: &str,
    accept_string: bool,
) -> Result<Option<Decimal>, IndigoError> {
    match node.decimal(key, accept_string)? {
        Some(v) if v.is_sign_negative() && !v.is_zero() => {
            Err(invalid(&format!("{}/value", node.path_of(key)), format!("{v} is negative")))
        }
        other => Ok(other),
    }
}

impl IndigoProject {
    /// Reads a project document from JSON text.
    ///
    /// # Errors
    ///
    /// [`IndigoError`] naming the JSON path of: invalid JSON, a value of the
    /// wrong type, an outcome metric without an `id` or with a duplicate one
    /// (ids are compared without surrounding whitespace),
    /// a pricing that names an unknown metric, an unknown
    /// currency code, a malformed date, a negative amount, a commitment's
    /// `result_type` or `organisation_role_category` outside the standard's
    /// codelist, or a commitment period that ends before it starts.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let project = IndigoProject::from_json(r#"{"id": "INDIGO-POJ-0000", "outcome_metrics": [{"id": "m1"}]}"#)?;
    /// assert_eq!(project.metrics()[0].id(), "m1");
    /// let err = IndigoProject::from_json(r#"{"outcome_metrics": [{"id": "m1"}, {"id": "m1"}]}"#).unwrap_err();
    /// assert_eq!(err.path(), "/outcome_metrics/1/id"); // a duplicate id
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(text: &str) -> Result<IndigoProject, IndigoError> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            IndigoError::new("/", IndigoErrorKind::Syntax { message: e.to_string() })
        })?;
        IndigoProject::from_value(&value)
    }

    /// Reads a project document from an already parsed JSON value.
    ///
    /// # Errors
    ///
    /// As for [`IndigoProject::from_json`], except syntax errors.
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
        let root = Node::root(value)?;
        let id = root.plain_string("id")?;
        let name = root.string("name")?;

        let mut metrics = Vec::new();
        let mut ids = HashSet::new();
        for node in root.array("outcome_metrics")? {
            let id_path = node.path_of("id");
            // Trimmed like every wrapped value, so that references (which
            // are trimmed) find it and " a" and "a" are one id, a duplicate.
            let id = node
                .plain_string("id")?
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .ok_or_else(|| IndigoError::new(&id_path, IndigoErrorKind::Missing))?;
            if !ids.insert(id.clone()) {
                return Err(invalid(&id_path, format!("duplicate outcome metric id {id:?}")));
            }
            metrics.push(MetricRecord {
                id,
                definition: node.string("definition")?,
                target_population: node.string("target_population")?,
                targeted_number: non_negative(
                    &node,
                    "targeted_number_of_service_users_or_beneficiaries_total",
                    false,
                )?,
                unit_type: node.string("unit_type_of_targeted_service_users_or_beneficiaries")?,
                target: node.string("outcome_metric_target")?,
                validation_method: node.string("outcome_validation_method")?,
                data_source: node.string("data_source_for_outcome_validation")?,
                path: node.path.clone(),
            });
        }

        let metric_reference = |node: &Node<'_>| -> Result<String, IndigoError> {
            let path = format!("{}/value", node.path_of("outcome_metric_id"));
            let id = node
                .string("outcome_metric_id")?
                .ok_or_else(|| IndigoError::new(&path, IndigoErrorKind::Missing))?;
            if ids.contains(&id) {
                Ok(id)
            } else {
                Err(IndigoError::new(&path, IndigoErrorKind::UnknownMetric { id }))
            }
        };

        let mut pricings = Vec::new();
        for node in root.array("outcome_pricings")? {
            let metric_id = metric_reference(&node)?;
            let price_per_unit = match node.object("price_per_unit")? {
                Some(p) => non_negative(&p, "amount", false)?,
                None => None,
            };
            let maximum_price = match node.object("maximum_price_if_all_targets_achieved")? {
                Some(p) => non_negative(&p, "amount", true)?,
                None => None,
            };
            pricings.push(PricingRecord {
                metric_id,
                currency: node.currency("currency")?,
                price_per_unit,
                maximum_price,
                description: node.string("price_description")?,
                path: node.path.clone(),
            });
        }

        let mut commitments = Vec::new();
        for node in root.array("outcome_payment_commitments")? {
            let (maximum_payment, currency) =
                match node.object("maximum_potential_outcome_payment")? {
                    Some(m) => (non_negative(&m, "amount", false)?, m.currency("currency")?),
                    None => (None, None),
                };
            let (period_start, period_end) = match node.object("period")? {
                Some(p) => {
                    let (start, end) = (p.date("start_date")?, p.date("end_date")?);
                    if let (Some(start), Some(end)) = (start, end)
                        && end.ends_before(start)
                    {
                        return Err(invalid(
                            &format!("{}/value", p.path_of("end_date")),
                            format!("the period ends ({end}) before it starts ({start})"),
                        ));
                    }
                    (start, end)
                }
                None => (None, None),
            };
            commitments.push(CommitmentRecord {
                payer: node.string("organisation_id")?,
                role_category: coded(&node, "organisation_role_category", &PAYER_ROLE_CATEGORIES)?,
                maximum_payment,
                currency,
                result_type: coded(&node, "result_type", &RESULT_TYPES)?,
                period_start,
                period_end,
                path: node.path.clone(),
            });
        }

        Ok(IndigoProject { id, name, metrics, pricings, commitments })
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
            if !self.pricings.iter().any(|p| p.metric_id == metric.id) {
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
