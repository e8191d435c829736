use std::collections::BTreeMap;

use super::json::invalid;
use super::{Gap, IndigoError, IndigoProject};
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
    /// # Errors
    ///
    /// [`IndigoError`] naming the JSON path of a unit type other than
    /// `Individual` or `Other`, an id the crate cannot use as an outcome or
    /// payer id, two pricings of one metric in one currency, a
    /// price that is not a whole number of minor units or not above zero,
    /// more outcomes in one currency than a rate card holds, or (at
    /// `/outcome_payment_commitments`) a payer's commitments in one currency
    /// whose sum overflows.
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
        let mut gaps = self.gaps();
        let mut metrics = Vec::new();
        for m in &self.metrics {
            let priced =
                self.pricings.iter().any(|p| p.metric_id == m.id && p.price_per_unit().is_some());
            let unit = match m.unit_type.as_deref() {
                Some("Individual") => MetricUnit::Individual,
                Some("Other") => MetricUnit::Cohort,
                // An unknown unit type is an error even when the metric is
                // priced: the price tells the unit only when none is given.
                Some(other) => {
                    return Err(invalid(
                        &format!(
                            "{}/unit_type_of_targeted_service_users_or_beneficiaries/value",
                            m.path
                        ),
                        format!("{other:?} is not one of \"Individual\", \"Other\""),
                    ));
                }
                None if priced => MetricUnit::Individual,
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
            let mut metric = Metric::new(m.id.clone(), definition, unit)
                .map_err(|e| invalid(&format!("{}/id", m.path), e.to_string()))?;
            if let Some(evidence) = &m.validation_method {
                metric = metric.with_evidence(evidence.clone());
            }
            if let Some(source) = &m.data_source {
                metric = metric.with_data_source(source.clone());
            }
            // One price per metric is a fixed price; several (in several
            // currencies) are described, not chosen between.
            let prices: Vec<Money> = self
                .pricings
                .iter()
                .filter(|p| p.metric_id == m.id)
                .filter_map(super::PricingRecord::price_per_unit)
                .collect();
            let pricing = match prices.as_slice() {
                [] => None,
                [price] => Some(PricingBasis::FixedPrice(*price)),
                several => {
                    let text: Vec<String> = several.iter().map(Money::to_string).collect();
                    Some(PricingBasis::Described(format!(
                        "priced per unit in several currencies: {}",
                        text.join(", ")
                    )))
                }
            };
            if let Some(pricing) = pricing {
                metric =
                    metric.with_pricing(pricing).map_err(|e| invalid(&m.path, e.to_string()))?;
            }
            metrics.push(metric);
        }

        let mut by_currency: BTreeMap<Currency, Vec<RateCardOutcome>> = BTreeMap::new();
        let mut outcome_maximums = Vec::new();
        for p in &self.pricings {
            let Some(price) = p.price_per_unit() else { continue };
            let description = self
                .metrics
                .iter()
                .find(|m| m.id == p.metric_id)
                .and_then(|m| m.definition.clone())
                .unwrap_or_else(|| p.metric_id.clone());
            let price_path = format!("{}/price_per_unit/amount/value", p.path);
            let outcome = RateCardOutcome::new(p.metric_id.clone(), description, price)
                .map_err(|e| invalid(&price_path, e.to_string()))?;
            let outcomes = by_currency.entry(price.currency()).or_default();
            if outcomes.iter().any(|o| o.id() == outcome.id()) {
                return Err(invalid(
                    &format!("{}/outcome_metric_id/value", p.path),
                    format!(
                        "a second {} pricing for outcome metric {:?}",
                        price.currency(),
                        p.metric_id
                    ),
                ));
            }
            if let Some(maximum) = p.maximum_price() {
                outcome_maximums.push((outcome.id().clone(), maximum));
            }
            outcomes.push(outcome);
        }
        let card_id = self.id.clone().unwrap_or_else(|| "indigo".to_owned());
        let rate_cards = by_currency
            .into_iter()
            .map(|(currency, outcomes)| {
                RateCard::new(format!("{card_id}-{}", currency.code()), currency, outcomes)
                    .map_err(|e| invalid("/outcome_pricings", e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;

        // One maximum per payer and currency. An `Overall` commitment is the
        // payer's maximum for the whole project and its `Interim` ones are
        // parts of it (each for one performance period), so adding both
        // would count the same money twice. See `payer_maximums`.
        let mut order: Vec<(PayerId, Currency)> = Vec::new();
        let mut by_payer: BTreeMap<(PayerId, Currency), (Vec<Money>, Vec<Money>)> = BTreeMap::new();
        for c in &self.commitments {
            let (Some(payer), Some(maximum)) = (&c.payer, c.maximum_payment()) else { continue };
            let payer = payer.parse::<PayerId>().map_err(|e| {
                invalid(&format!("{}/organisation_id/value", c.path), e.to_string())
            })?;
            let key = (payer, maximum.currency());
            let (overall, interim) = by_payer.entry(key.clone()).or_insert_with(|| {
                order.push(key);
                (Vec::new(), Vec::new())
            });
            if c.result_type() == Some("Interim") { interim } else { overall }.push(maximum);
        }
        let payer_maximums = order
            .into_iter()
            .map(|(payer, currency)| {
                let (overall, interim) =
                    by_payer.remove(&(payer.clone(), currency)).unwrap_or_default();
                let counted = if overall.is_empty() { interim } else { overall };
                let total = Money::sum(currency, counted).map_err(|e| {
                    invalid(
                        "/outcome_payment_commitments",
                        format!("the {currency} commitments of payer {payer}: {e}"),
                    )
                })?;
                Ok((payer, total))
            })
            .collect::<Result<Vec<_>, IndigoError>>()?;
        Ok(IndigoImport { metrics, rate_cards, outcome_maximums, payer_maximums, gaps })
    }
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
