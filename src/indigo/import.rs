use std::collections::BTreeMap;

use std::collections::HashMap;

use super::json::invalid;
use super::report::{Problems, sort_by_path};
use super::{
    EntryCounts, Gap, ImportSummary, IndigoError, IndigoErrorKind, IndigoProject, PricingRecord,
};
use crate::outcomes::{
    Metric, MetricUnit, OutcomeId, PayerId, PricingBasis, RateCard, RateCardOutcome,
};
use crate::{Currency, Money};

/// What an INDIGO project document gives the crate: outcome metrics, one rate
/// card per pricing currency, each outcome's maximum price if all its targets
/// are achieved, each payer's maximum potential outcome payment, and the
/// [`Gap`]s where the document is silent.
///
/// Built by [`IndigoProject::import`].
///
/// # Example
///
/// ```
/// use integration_outcomes::indigo::IndigoProject;
/// use integration_outcomes::{Currency, Money};
///
/// let doc = r#"{
///   "id": "INDIGO-POJ-0000",
///   "outcome_metrics": [
///     {"id": "entry_to_employment", "definition": {"value": "Entry into first employment"},
///      "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"},
///      "outcome_validation_method": {"value": "Payslips"}}
///   ],
///   "outcome_pricings": [{
///     "outcome_metric_id": {"value": "entry_to_employment"},
///     "currency": {"value": "GBP"},
///     "price_per_unit": {"amount": {"value": 3500}}
///   }],
///   "outcome_payment_commitments": [{
///     "organisation_id": {"value": "INDIGO-ORG-0042"},
///     "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 3300000}}
///   }]
/// }"#;
/// let import = IndigoProject::from_json(doc)?.import()?;
/// let card = import.rate_card(Currency::GBP).expect("a GBP card");
/// assert_eq!(card.outcomes()[0].maximum_price(), Money::from_major(3_500, Currency::GBP));
/// assert_eq!(import.metrics()[0].evidence(), Some("Payslips"));
/// assert_eq!(import.total_payer_maximum(Currency::GBP)?, Some(Money::from_major(3_300_000, Currency::GBP)));
/// assert!(import.gaps().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct IndigoImport {
    metrics: Vec<Metric>,
    rate_cards: Vec<RateCard>,
    outcome_maximums: Vec<(OutcomeId, Money)>,
    payer_maximums: Vec<(PayerId, Money)>,
    gaps: Vec<Gap>,
    problems: Vec<IndigoError>,
    summary: ImportSummary,
}

impl IndigoProject {
    /// Turns the document into the crate's metrics, rate cards and caps.
    ///
    /// - Each outcome metric with a definition becomes a [`Metric`]: its
    ///   evidence is the standard's `outcome_validation_method`, its data
    ///   source `data_source_for_outcome_validation`, and its price the
    ///   pricing's price per unit. Its unit is `Individual` when the document
    ///   says so, `Cohort` for the standard's `Other`. When the unit type is
    ///   absent, a price per unit makes it `Individual` (the standard fills
    ///   that price "only if there is a single outcome which is measured at
    ///   the unit/individual level"); a metric with neither is not imported
    ///   and is reported as a gap. A unit type outside the standard's
    ///   codelist is an error, priced or not.
    ///   Direction, rationale and role are not in the standard and stay
    ///   unspecified, so a [`Metric::review`] will ask for them.
    /// - Priced metrics become outcomes on one [`RateCard`] per currency, with
    ///   the price per unit as the card's maximum price.
    /// - `maximum_price_if_all_targets_achieved` becomes a per-outcome maximum
    ///   ([`outcome_maximums`](IndigoImport::outcome_maximums)).
    /// - Payment commitments with a payer, amount and currency become one
    ///   maximum per payer and currency
    ///   ([`payer_maximums`](IndigoImport::payer_maximums)): its `Overall`
    ///   commitments, not those plus the `Interim` parts of them.
    ///
    /// Nothing is invented: what is missing is listed in
    /// [`gaps`](IndigoImport::gaps).
    ///
    /// The import follows the policy the document was read under. Under
    /// [`ImportPolicy::Partial`](super::ImportPolicy::Partial) (the default)
    /// an entry the crate cannot use is left out and its problem listed in
    /// [`problems`](IndigoImport::problems), after those of reading; so is
    /// an entry depending on it (the pricings of a refused metric, every
    /// pricing of one metric in one currency when there are several, every
    /// commitment of a payer and currency whose sum overflows).
    /// [`summary`](IndigoImport::summary) counts what was imported and what
    /// was not.
    ///
    /// # Errors
    ///
    /// None under [`ImportPolicy::Partial`](super::ImportPolicy::Partial).
    /// Under [`ImportPolicy::Strict`](super::ImportPolicy::Strict), the
    /// first [`IndigoError`], naming the JSON path of a unit type other than
    /// `Individual` or `Other`, an id the crate cannot use as an outcome or
    /// payer id, two pricings of one metric in one currency, a price per
    /// unit or maximum price that is not a whole number of minor units or
    /// not above zero, more outcomes in one currency than a rate card holds,
    /// or (at `/outcome_payment_commitments`) a payer's commitments in one
    /// currency whose sum overflows.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::indigo::{Gap, IndigoProject};
    /// use integration_outcomes::outcomes::MetricUnit;
    /// let project = IndigoProject::from_json(r#"{"outcome_metrics": [
    ///   {"id": "entry", "definition": {"value": "Entry into first employment"},
    ///    "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Individual"}},
    ///   {"id": "wellbeing", "definition": {"value": "Improved wellbeing"}}
    /// ]}"#)?;
    /// let import = project.import()?;
    /// assert_eq!(import.metrics()[0].unit(), MetricUnit::Individual);
    /// // Neither priced nor given a unit type: reported, not guessed.
    /// assert!(import.gaps().contains(&Gap::MetricNotImported { metric_id: "wellbeing".into(), missing: "unit type" }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn import(&self) -> Result<IndigoImport, IndigoError> {
        let mut problems = Problems::new(self.policy);
        let mut gaps = self.gaps();
        let mut refused = [0_usize; 3];

        // 1. Metrics the crate cannot use: a unit type outside the
        // codelist (an error even when the metric is priced: the price tells
        // the unit only when none is given), or an id it cannot hold.
        let mut unusable: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for m in &self.metrics {
            let fault = match m.unit_type.as_deref() {
                Some("Individual" | "Other") | None => None,
                Some(other) => {
                    let suggestion = UNIT_TYPES
                        .iter()
                        .find(|u| u.eq_ignore_ascii_case(other))
                        .map(|u| format!("{u:?}"));
                    Some(
                        invalid(
                            &format!(
                                "{}/unit_type_of_targeted_service_users_or_beneficiaries/value",
                                m.path
                            ),
                            "not one of \"Individual\", \"Other\"",
                        )
                        .with_found(m.unit_type_found.clone().unwrap_or_default())
                        .with_suggestion(suggestion),
                    )
                }
            };
            let fault = fault.or_else(|| {
                let definition = m.definition.as_deref()?;
                Metric::new(m.id.clone(), definition, MetricUnit::Individual).err().map(|e| {
                    invalid(&format!("{}/id", m.path), e.to_string()).with_found(m.id_found.clone())
                })
            });
            if let Some(fault) = fault {
                refused[0] += 1;
                unusable.entry(m.id.as_str()).or_default().push(m.path.clone());
                problems.report(fault)?;
            }
        }

        // 2. Pricings: a price per unit and a maximum price are positive
        // whole minor units; one price per metric and currency.
        let mut candidates: Vec<(&PricingRecord, Option<RateCardOutcome>)> = Vec::new();
        let mut first_with: HashMap<(&str, Currency), &str> = HashMap::new();
        let mut duplicated: BTreeMap<(&str, Currency), Vec<&str>> = BTreeMap::new();
        for p in &self.pricings {
            let reference = format!("{}/outcome_metric_id/value", p.path);
            let mut faults = Vec::new();
            if let Some(entries) = unusable.get(p.metric_id.as_str()) {
                let kind = IndigoErrorKind::UnusableMetric {
                    id: p.metric_id.clone(),
                    entries: entries.clone(),
                };
                faults
                    .push(IndigoError::new(&reference, kind).with_found(p.metric_id_found.clone()));
            }
            let price_path = format!("{}/price_per_unit/amount/value", p.path);
            let outcome = p.price_per_unit().and_then(|price| {
                let description = self
                    .metrics
                    .iter()
                    .find(|m| m.id == p.metric_id)
                    .and_then(|m| m.definition.clone())
                    .unwrap_or_else(|| p.metric_id.clone());
                let checked = check_price(price).and_then(|()| {
                    RateCardOutcome::new(p.metric_id.clone(), description, price)
                        .map_err(|e| e.to_string())
                });
                match checked {
                    Ok(outcome) => Some(outcome),
                    Err(reason) => {
                        faults.push(
                            invalid(&price_path, reason)
                                .with_found(p.price_found.clone().unwrap_or_default()),
                        );
                        None
                    }
                }
            });
            if let Some(maximum) = p.maximum_price()
                && let Err(reason) = check_price(maximum)
            {
                faults.push(
                    invalid(
                        &format!("{}/maximum_price_if_all_targets_achieved/amount/value", p.path),
                        reason,
                    )
                    .with_found(p.maximum_found.clone().unwrap_or_default()),
                );
            }
            if faults.is_empty()
                && let Some(outcome) = &outcome
            {
                let key = (p.metric_id.as_str(), outcome.maximum_price().currency());
                match first_with.get(&key) {
                    Some(first) => {
                        faults.push(
                            invalid(
                                &reference,
                                format!(
                                    "a second {} pricing of this outcome metric, after {first}, \
                                     so neither is used",
                                    key.1
                                ),
                            )
                            .with_found(p.metric_id_found.clone()),
                        );
                        duplicated.entry(key).or_insert_with(|| vec![first]).push(&p.path);
                    }
                    None => {
                        first_with.insert(key, &p.path);
                    }
                }
            }
            if faults.is_empty() {
                candidates.push((p, outcome));
            } else {
                refused[1] += 1;
                problems.report_all(faults)?;
            }
        }
        // The first pricing of a duplicated metric and currency (under a
        // strict policy the second one's problem has already been returned).
        for ((metric, currency), entries) in &duplicated {
            let Some((first, others)) = entries.split_first() else { continue };
            if let Some(i) = candidates.iter().position(|(p, _)| p.path == *first) {
                let (p, _) = candidates.remove(i);
                refused[1] += 1;
                problems.report(
                    invalid(
                        &format!("{first}/outcome_metric_id/value"),
                        format!(
                            "outcome metric {metric:?} has other {currency} pricings too ({}), \
                             so none is used",
                            others.join(", ")
                        ),
                    )
                    .with_found(p.metric_id_found.clone()),
                )?;
            }
        }

        // 3. One rate card per currency.
        let mut by_currency: BTreeMap<Currency, Vec<(&PricingRecord, RateCardOutcome)>> =
            BTreeMap::new();
        for (p, outcome) in candidates {
            if let Some(outcome) = outcome {
                by_currency
                    .entry(outcome.maximum_price().currency())
                    .or_default()
                    .push((p, outcome));
            }
        }
        let card_id = self.id.clone().unwrap_or_else(|| "indigo".to_owned());
        let mut rate_cards = Vec::new();
        let mut outcome_maximums = Vec::new();
        let mut priced: Vec<&PricingRecord> = Vec::new();
        for (currency, entries) in by_currency {
            let outcomes: Vec<RateCardOutcome> = entries.iter().map(|(_, o)| o.clone()).collect();
            match RateCard::new(format!("{card_id}-{}", currency.code()), currency, outcomes) {
                Ok(card) => {
                    for (p, outcome) in &entries {
                        if let Some(maximum) = p.maximum_price() {
                            outcome_maximums.push((outcome.id().clone(), maximum));
                        }
                        priced.push(p);
                    }
                    rate_cards.push(card);
                }
                Err(e) => {
                    refused[1] += entries.len();
                    problems.report(invalid(
                        "/outcome_pricings",
                        format!("the {currency} pricings, so none of them is used: {e}"),
                    ))?;
                }
            }
        }
        priced.sort_by_key(|p| pricing_index(p));

        // 4. The metrics, priced by the pricings used.
        let mut metrics = Vec::new();
        for m in self.metrics.iter().filter(|m| !unusable.contains_key(m.id.as_str())) {
            let prices: Vec<Money> = priced
                .iter()
                .filter(|p| p.metric_id == m.id)
                .filter_map(|p| p.price_per_unit())
                .collect();
            let unit = match m.unit_type.as_deref() {
                Some("Other") => MetricUnit::Cohort,
                Some(_) => MetricUnit::Individual,
                None if !prices.is_empty() => MetricUnit::Individual,
                None => {
                    gaps.push(Gap::MetricNotImported {
                        metric_id: m.id.clone(),
                        missing: "unit type",
                    });
                    continue;
                }
            };
            let Some(definition) = m.definition.as_deref() else {
                gaps.push(Gap::MetricNotImported {
                    metric_id: m.id.clone(),
                    missing: "definition",
                });
                continue;
            };
            let built = Metric::new(m.id.clone(), definition, unit).and_then(|mut metric| {
                if let Some(evidence) = &m.validation_method {
                    metric = metric.with_evidence(evidence.clone());
                }
                if let Some(source) = &m.data_source {
                    metric = metric.with_data_source(source.clone());
                }
                // One price per metric is a fixed price; several (in several
                // currencies) are described, not chosen between.
                match prices.as_slice() {
                    [] => Ok(metric),
                    [price] => metric.with_pricing(PricingBasis::FixedPrice(*price)),
                    several => {
                        let text: Vec<String> = several.iter().map(Money::to_string).collect();
                        metric.with_pricing(PricingBasis::Described(format!(
                            "priced per unit in several currencies: {}",
                            text.join(", ")
                        )))
                    }
                }
            });
            match built {
                Ok(metric) => metrics.push(metric),
                Err(e) => {
                    refused[0] += 1;
                    problems.report(invalid(&m.path, e.to_string()))?;
                }
            }
        }

        // 5. One maximum per payer and currency. An `Overall` commitment is
        // the payer's maximum for the whole project and its `Interim` ones
        // are parts of it (each for one performance period), so adding both
        // would count the same money twice. See `payer_maximums`.
        let mut order: Vec<(PayerId, Currency)> = Vec::new();
        let mut by_payer: BTreeMap<(PayerId, Currency), (Vec<Money>, Vec<Money>)> = BTreeMap::new();
        for c in &self.commitments {
            let (Some(payer), Some(maximum)) = (&c.payer, c.maximum_payment()) else { continue };
            let payer = match payer.parse::<PayerId>() {
                Ok(payer) => payer,
                Err(e) => {
                    refused[2] += 1;
                    problems.report(
                        invalid(&format!("{}/organisation_id/value", c.path), e.to_string())
                            .with_found(c.payer_found.clone().unwrap_or_default()),
                    )?;
                    continue;
                }
            };
            let key = (payer, maximum.currency());
            let (overall, interim) = by_payer.entry(key.clone()).or_insert_with(|| {
                order.push(key);
                (Vec::new(), Vec::new())
            });
            if c.result_type() == Some("Interim") { interim } else { overall }.push(maximum);
        }
        let mut payer_maximums = Vec::new();
        let mut commitments_used = 0;
        for (payer, currency) in order {
            let (overall, interim) =
                by_payer.remove(&(payer.clone(), currency)).unwrap_or_default();
            let entries = overall.len() + interim.len();
            let counted = if overall.is_empty() { interim } else { overall };
            match Money::sum(currency, counted) {
                Ok(total) => {
                    commitments_used += entries;
                    payer_maximums.push((payer, total));
                }
                Err(e) => {
                    refused[2] += entries;
                    problems.report(invalid(
                        "/outcome_payment_commitments",
                        format!(
                            "the {currency} commitments of payer {payer}, so none is used: {e}"
                        ),
                    ))?;
                }
            }
        }

        let mut all = self.problems().to_vec();
        all.extend(problems.into_sorted());
        sort_by_path(&mut all);
        let counts = |i: usize, imported: usize| {
            let total = self.refusals.totals.get(i).copied().unwrap_or(0);
            let read = self.refusals.refused.get(i).copied().unwrap_or(0);
            EntryCounts::new(total, imported, read + refused.get(i).copied().unwrap_or(0))
        };
        let summary = ImportSummary::new(
            self.id.clone(),
            [counts(0, metrics.len()), counts(1, priced.len()), counts(2, commitments_used)],
            all.len(),
            gaps.len(),
        );
        Ok(IndigoImport {
            metrics,
            rate_cards,
            outcome_maximums,
            payer_maximums,
            gaps,
            problems: all,
            summary,
        })
    }
}

/// The standard's codelist for a metric's unit type.
const UNIT_TYPES: [&str; 2] = ["Individual", "Other"];

/// Why `price` cannot be a price (per unit or maximum): not above zero, or
/// not a whole number of its currency's minor units.
fn check_price(price: Money) -> Result<(), String> {
    let amount = price.amount();
    let currency = price.currency();
    if amount.is_sign_negative() || amount.is_zero() {
        return Err("not above zero: a price is positive".to_owned());
    }
    if amount.normalize().scale() > u32::from(currency.minor_units()) {
        return Err(format!(
            "not a whole number of {currency} minor units ({} decimal places)",
            currency.minor_units()
        ));
    }
    Ok(())
}

/// A pricing's index in `outcome_pricings`, for document order.
fn pricing_index(p: &PricingRecord) -> usize {
    p.path.rsplit('/').next().and_then(|i| i.parse().ok()).unwrap_or(usize::MAX)
}

impl IndigoImport {
    /// The imported outcome metrics, in document order.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    /// let import = IndigoProject::from_json(r#"{
    ///   "id": "INDIGO-POJ-0000",
    ///   "outcome_metrics": [
    ///     {"id": "entry", "definition": {"value": "Entry into first employment"}},
    ///     {"id": "sustained", "definition": {"value": "Sustained employment"}},
    ///     {"id": "wellbeing", "definition": {"value": "Improved wellbeing"}}
    ///   ],
    ///   "outcome_pricings": [
    ///     {"outcome_metric_id": {"value": "entry"}, "currency": {"value": "GBP"},
    ///      "price_per_unit": {"amount": {"value": 3500}},
    ///      "maximum_price_if_all_targets_achieved": {"amount": {"value": 350000}}},
    ///     {"outcome_metric_id": {"value": "sustained"}, "currency": {"value": "EUR"},
    ///      "price_per_unit": {"amount": {"value": 1000}}}
    ///   ],
    ///   "outcome_payment_commitments": [
    ///     {"organisation_id": {"value": "INDIGO-ORG-0001"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 2000000}}},
    ///     {"organisation_id": {"value": "INDIGO-ORG-0002"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 500000}}}
    ///   ]
    /// }"#)?.import()?;
    /// let ids: Vec<&str> = import.metrics().iter().map(|m| m.id().as_str()).collect();
    /// assert_eq!(ids, ["entry", "sustained"]); // "wellbeing" has no price and no unit type
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn metrics(&self) -> &[Metric] {
        &self.metrics
    }

    /// One rate card per pricing currency, in currency-code order.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    /// let import = IndigoProject::from_json(r#"{
    ///   "id": "INDIGO-POJ-0000",
    ///   "outcome_metrics": [
    ///     {"id": "entry", "definition": {"value": "Entry into first employment"}},
    ///     {"id": "sustained", "definition": {"value": "Sustained employment"}},
    ///     {"id": "wellbeing", "definition": {"value": "Improved wellbeing"}}
    ///   ],
    ///   "outcome_pricings": [
    ///     {"outcome_metric_id": {"value": "entry"}, "currency": {"value": "GBP"},
    ///      "price_per_unit": {"amount": {"value": 3500}},
    ///      "maximum_price_if_all_targets_achieved": {"amount": {"value": 350000}}},
    ///     {"outcome_metric_id": {"value": "sustained"}, "currency": {"value": "EUR"},
    ///      "price_per_unit": {"amount": {"value": 1000}}}
    ///   ],
    ///   "outcome_payment_commitments": [
    ///     {"organisation_id": {"value": "INDIGO-ORG-0001"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 2000000}}},
    ///     {"organisation_id": {"value": "INDIGO-ORG-0002"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 500000}}}
    ///   ]
    /// }"#)?.import()?;
    /// let ids: Vec<&str> = import.rate_cards().iter().map(|c| c.id().as_str()).collect();
    /// assert_eq!(ids, ["INDIGO-POJ-0000-EUR", "INDIGO-POJ-0000-GBP"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rate_cards(&self) -> &[RateCard] {
        &self.rate_cards
    }

    /// The rate card of `currency`, if any outcome is priced in it.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    /// let import = IndigoProject::from_json(r#"{
    ///   "id": "INDIGO-POJ-0000",
    ///   "outcome_metrics": [
    ///     {"id": "entry", "definition": {"value": "Entry into first employment"}},
    ///     {"id": "sustained", "definition": {"value": "Sustained employment"}},
    ///     {"id": "wellbeing", "definition": {"value": "Improved wellbeing"}}
    ///   ],
    ///   "outcome_pricings": [
    ///     {"outcome_metric_id": {"value": "entry"}, "currency": {"value": "GBP"},
    ///      "price_per_unit": {"amount": {"value": 3500}},
    ///      "maximum_price_if_all_targets_achieved": {"amount": {"value": 350000}}},
    ///     {"outcome_metric_id": {"value": "sustained"}, "currency": {"value": "EUR"},
    ///      "price_per_unit": {"amount": {"value": 1000}}}
    ///   ],
    ///   "outcome_payment_commitments": [
    ///     {"organisation_id": {"value": "INDIGO-ORG-0001"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 2000000}}},
    ///     {"organisation_id": {"value": "INDIGO-ORG-0002"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 500000}}}
    ///   ]
    /// }"#)?.import()?;
    /// let gbp = import.rate_card(Currency::GBP).map(|c| c.outcomes()[0].maximum_price());
    /// assert_eq!(gbp, Some(Money::from_major(3_500, Currency::GBP)));
    /// assert!(import.rate_card(Currency::USD).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rate_card(&self, currency: Currency) -> Option<&RateCard> {
        self.rate_cards.iter().find(|c| c.currency() == currency)
    }

    /// Each outcome's maximum price if all its targets are achieved (a cap on
    /// what that outcome pays in total), where the document gives one.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    /// let import = IndigoProject::from_json(r#"{
    ///   "id": "INDIGO-POJ-0000",
    ///   "outcome_metrics": [
    ///     {"id": "entry", "definition": {"value": "Entry into first employment"}},
    ///     {"id": "sustained", "definition": {"value": "Sustained employment"}},
    ///     {"id": "wellbeing", "definition": {"value": "Improved wellbeing"}}
    ///   ],
    ///   "outcome_pricings": [
    ///     {"outcome_metric_id": {"value": "entry"}, "currency": {"value": "GBP"},
    ///      "price_per_unit": {"amount": {"value": 3500}},
    ///      "maximum_price_if_all_targets_achieved": {"amount": {"value": 350000}}},
    ///     {"outcome_metric_id": {"value": "sustained"}, "currency": {"value": "EUR"},
    ///      "price_per_unit": {"amount": {"value": 1000}}}
    ///   ],
    ///   "outcome_payment_commitments": [
    ///     {"organisation_id": {"value": "INDIGO-ORG-0001"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 2000000}}},
    ///     {"organisation_id": {"value": "INDIGO-ORG-0002"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 500000}}}
    ///   ]
    /// }"#)?.import()?;
    /// let (outcome, maximum) = &import.outcome_maximums()[0];
    /// assert_eq!(outcome.as_str(), "entry");
    /// assert_eq!(*maximum, Money::from_major(350_000, Currency::GBP));
    /// assert_eq!(import.outcome_maximums().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn outcome_maximums(&self) -> &[(OutcomeId, Money)] {
        &self.outcome_maximums
    }

    /// Each payer's maximum potential outcome payment, one per payer and
    /// currency, in the order each payer and currency first appears.
    ///
    /// The standard's `result_type` says whether a commitment is `Overall`
    /// (for the whole project: its amount is the payer's "total maximum
    /// payments for outcomes") or `Interim` (for one performance period,
    /// such as year 1, within the project). The Interim commitments are
    /// parts of the Overall one, so a payer's maximum is:
    ///
    /// - the sum of its `Overall` commitments in that currency, if it has
    ///   any; its Interim ones are then not added (they are within it);
    /// - otherwise the sum of its `Interim` commitments, which cover
    ///   separate performance periods, so that together they bound what it
    ///   can pay over them.
    ///
    /// A commitment without a result type counts as `Overall`, since the
    /// standard describes its amount as the payer's total. Every commitment
    /// stays available, as given, in [`IndigoProject::commitments`].
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    ///
    /// let gbp = |amount: u32, result_type: &str| format!(
    ///     r#"{{"organisation_id": {{"value": "INDIGO-ORG-0001"}}, "result_type": {{"value": "{result_type}"}},
    ///         "maximum_potential_outcome_payment": {{"currency": {{"value": "GBP"}}, "amount": {{"value": {amount}}}}}}}"#
    /// );
    /// let doc = format!(
    ///     r#"{{"outcome_payment_commitments": [{}, {}, {}]}}"#,
    ///     gbp(400_000, "Interim"), gbp(600_000, "Interim"), gbp(900_000, "Overall")
    /// );
    /// let import = IndigoProject::from_json(&doc)?.import()?;
    /// let (payer, maximum) = &import.payer_maximums()[0];
    /// assert_eq!(payer.as_str(), "INDIGO-ORG-0001");
    /// assert_eq!(*maximum, Money::from_major(900_000, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payer_maximums(&self) -> &[(PayerId, Money)] {
        &self.payer_maximums
    }

    /// The sum of the payers' maximums in `currency` (the most the contract
    /// can pay in it; see [`payer_maximums`](Self::payer_maximums) for how
    /// `Overall` and `Interim` commitments count), or `None` if no payer
    /// commits in that currency.
    ///
    /// # Errors
    ///
    /// [`IndigoError`] at `/outcome_payment_commitments` if the sum overflows.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    /// let import = IndigoProject::from_json(r#"{
    ///   "id": "INDIGO-POJ-0000",
    ///   "outcome_metrics": [
    ///     {"id": "entry", "definition": {"value": "Entry into first employment"}},
    ///     {"id": "sustained", "definition": {"value": "Sustained employment"}},
    ///     {"id": "wellbeing", "definition": {"value": "Improved wellbeing"}}
    ///   ],
    ///   "outcome_pricings": [
    ///     {"outcome_metric_id": {"value": "entry"}, "currency": {"value": "GBP"},
    ///      "price_per_unit": {"amount": {"value": 3500}},
    ///      "maximum_price_if_all_targets_achieved": {"amount": {"value": 350000}}},
    ///     {"outcome_metric_id": {"value": "sustained"}, "currency": {"value": "EUR"},
    ///      "price_per_unit": {"amount": {"value": 1000}}}
    ///   ],
    ///   "outcome_payment_commitments": [
    ///     {"organisation_id": {"value": "INDIGO-ORG-0001"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 2000000}}},
    ///     {"organisation_id": {"value": "INDIGO-ORG-0002"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 500000}}}
    ///   ]
    /// }"#)?.import()?;
    /// assert_eq!(import.total_payer_maximum(Currency::GBP)?, Some(Money::from_major(2_500_000, Currency::GBP)));
    /// assert_eq!(import.total_payer_maximum(Currency::EUR)?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total_payer_maximum(&self, currency: Currency) -> Result<Option<Money>, IndigoError> {
        let amounts: Vec<Money> = self
            .payer_maximums
            .iter()
            .map(|(_, m)| *m)
            .filter(|m| m.currency() == currency)
            .collect();
        if amounts.is_empty() {
            return Ok(None);
        }
        Money::sum(currency, amounts)
            .map(Some)
            .map_err(|e| invalid("/outcome_payment_commitments", e.to_string()))
    }

    /// Every problem, reading's and the import's, in document order: each
    /// with its JSON Pointer, the value found and why it was not used. Empty
    /// under [`ImportPolicy::Strict`](super::ImportPolicy::Strict), which
    /// returns the first as an error instead.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let import = IndigoProject::from_json(r#"{
    ///   "outcome_metrics": [{"id": "a", "definition": {"value": "Entry into employment"}}],
    ///   "outcome_pricings": [{"outcome_metric_id": {"value": "a"}, "currency": {"value": "GBP"},
    ///     "price_per_unit": {"amount": {"value": 500}},
    ///     "maximum_price_if_all_targets_achieved": {"amount": {"value": "50,000.005"}}}]
    /// }"#)?.import()?;
    /// assert!(import.rate_cards().is_empty()); // a price without its cap is not used
    /// assert_eq!(
    ///     import.problems()[0].to_string(),
    ///     "/outcome_pricings/0/maximum_price_if_all_targets_achieved/amount/value: \
    ///      found \"50,000.005\": not a whole number of GBP minor units (2 decimal places)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn problems(&self) -> &[IndigoError] {
        &self.problems
    }

    /// What was imported and what was not, in counts; its `Display` is a
    /// one-line summary of the project.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// let import = IndigoProject::from_json(r#"{"id": "INDIGO-POJ-0001",
    ///   "outcome_payment_commitments": [
    ///     {"organisation_id": {"value": "INDIGO-ORG-0001"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 900000}}},
    ///     {"organisation_id": {"value": "INDIGO-ORG-0002"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "Russian Ruble"}, "amount": {"value": 68000000}}}
    ///   ]}"#)?.import()?;
    /// assert_eq!(import.summary().commitments().imported(), 1);
    /// assert_eq!(
    ///     import.summary().to_string(),
    ///     "INDIGO-POJ-0001: imported 0 of 0 outcome metrics, 0 of 0 outcome pricings, \
    ///      1 of 2 outcome payment commitments (1 refused); 1 problem, 0 gaps"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn summary(&self) -> &ImportSummary {
        &self.summary
    }

    /// What the document lacks, including metrics that could not be
    /// imported.
    ///
    /// ```
    /// use integration_outcomes::indigo::IndigoProject;
    /// use integration_outcomes::{Currency, Money};
    /// let import = IndigoProject::from_json(r#"{
    ///   "id": "INDIGO-POJ-0000",
    ///   "outcome_metrics": [
    ///     {"id": "entry", "definition": {"value": "Entry into first employment"}},
    ///     {"id": "sustained", "definition": {"value": "Sustained employment"}},
    ///     {"id": "wellbeing", "definition": {"value": "Improved wellbeing"}}
    ///   ],
    ///   "outcome_pricings": [
    ///     {"outcome_metric_id": {"value": "entry"}, "currency": {"value": "GBP"},
    ///      "price_per_unit": {"amount": {"value": 3500}},
    ///      "maximum_price_if_all_targets_achieved": {"amount": {"value": 350000}}},
    ///     {"outcome_metric_id": {"value": "sustained"}, "currency": {"value": "EUR"},
    ///      "price_per_unit": {"amount": {"value": 1000}}}
    ///   ],
    ///   "outcome_payment_commitments": [
    ///     {"organisation_id": {"value": "INDIGO-ORG-0001"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 2000000}}},
    ///     {"organisation_id": {"value": "INDIGO-ORG-0002"},
    ///      "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 500000}}}
    ///   ]
    /// }"#)?.import()?;
    /// use integration_outcomes::indigo::Gap;
    /// assert_eq!(import.gaps(), [
    ///     Gap::UnpricedMetric { metric_id: "wellbeing".into() },
    ///     Gap::MetricNotImported { metric_id: "wellbeing".into(), missing: "unit type" },
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn gaps(&self) -> &[Gap] {
        &self.gaps
    }
}
