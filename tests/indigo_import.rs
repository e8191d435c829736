//! Reading INDIGO 4.1 project documents: every field the crate uses, several
//! currencies, partial data, and errors that name their JSON path.

// Test helpers outside #[test] functions may unwrap and index JSON: a panic is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use integration_outcomes::indigo::{
    Gap, ImportPolicy, IndigoDate, IndigoError, IndigoErrorKind, IndigoProject,
};
use integration_outcomes::outcomes::{MetricUnit, PricingBasis};
use integration_outcomes::{Currency, Date, Money};

/// A hand-built document in the standard's shape, using every field the crate
/// reads plus fields it ignores.
const FULL: &str = include_str!("data/indigo_project.json");

/// Reads `doc` strictly, as before partial imports: the first problem is the error.
fn strict(doc: &str) -> Result<IndigoProject, IndigoError> {
    IndigoProject::from_json_with(doc, ImportPolicy::Strict)
}

/// The problems a partial read and import of `doc` report.
fn problems(doc: &str) -> Vec<IndigoError> {
    IndigoProject::from_json(doc).unwrap().import().unwrap().problems().to_vec()
}

#[test]
fn reads_every_field_used() {
    let p = IndigoProject::from_json(FULL).unwrap();
    assert_eq!(p.id(), Some("INDIGO-POJ-9001"));
    assert_eq!(p.name(), Some("Two-currency test project"));

    let m = &p.metrics()[0];
    assert_eq!(m.id(), "outcomemetric1");
    assert_eq!(m.path(), "/outcome_metrics/0");
    assert_eq!(m.definition(), Some("Entry into first employment"));
    assert_eq!(m.target_population(), Some("Young people aged 14-24"));
    assert_eq!(m.targeted_number().unwrap().to_string(), "2900");
    assert_eq!(m.unit_type(), Some("Individual"));
    assert_eq!(m.target(), Some("16+ hours a week for 13 weeks"));
    assert_eq!(m.validation_method(), Some("Payslips"));
    assert_eq!(m.data_source(), Some("Provider records"));
    assert_eq!(p.metrics()[1].validation_method(), Some("Letter from teacher"));

    let gbp = &p.pricings()[0];
    assert_eq!(gbp.metric_id(), "outcomemetric1");
    assert_eq!(gbp.currency(), Some(Currency::GBP));
    assert_eq!(gbp.price_per_unit(), Some(Money::from_major(3_500, Currency::GBP)));
    assert_eq!(gbp.maximum_price(), Some(Money::from_major(3_500, Currency::GBP)));
    assert_eq!(gbp.description(), Some("Round 2 price"));
    let eur = &p.pricings()[1];
    assert_eq!(eur.price_per_unit(), Some(Money::from_minor(130_050, Currency::EUR)));
    assert_eq!(eur.maximum_price(), None);

    let c = &p.commitments()[0];
    assert_eq!(c.payer(), Some("INDIGO-ORG-0001"));
    assert_eq!(c.role_category(), Some("Government/Public Sector/Public Bank"));
    assert_eq!(c.maximum_payment(), Some(Money::from_major(3_400_000, Currency::GBP)));
    assert_eq!(c.result_type(), Some("Overall"));
    assert_eq!(c.period_start(), Some(IndigoDate::Month(2012, 4)));
    assert_eq!(c.period_end(), Some(IndigoDate::Day(Date::constant(2015, 10, 31))));
    assert_eq!(p.commitments()[1].period_start(), Some(IndigoDate::Year(2013)));
    assert_eq!(
        p.commitments()[1].maximum_payment(),
        Some(Money::from_major(250_000, Currency::EUR))
    );
    assert!(p.gaps().is_empty(), "{:?}", p.gaps());
}

#[test]
fn partial_data_is_reported_not_invented() {
    let doc = r#"{
      "outcome_metrics": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
      "outcome_pricings": [
        {"outcome_metric_id": {"value": "a"}, "currency": {"value": "USD"}},
        {"outcome_metric_id": {"value": "b"}, "price_per_unit": {"amount": {"value": 10}}}
      ],
      "outcome_payment_commitments": [
        {"maximum_potential_outcome_payment": {"amount": {"value": 5}}},
        {"organisation_id": {"value": "ORG"}}
      ]
    }"#;
    let p = IndigoProject::from_json(doc).unwrap();
    assert_eq!(p.pricings()[1].price_per_unit(), None, "no currency, so no money");
    assert_eq!(
        p.gaps(),
        [
            Gap::UnpricedMetric { metric_id: "c".into() },
            Gap::MissingPrice { path: "/outcome_pricings/0".into(), metric_id: "a".into() },
            Gap::MissingCurrency { path: "/outcome_pricings/1".into() },
            Gap::MissingPayer { path: "/outcome_payment_commitments/0".into() },
            Gap::MissingCurrency { path: "/outcome_payment_commitments/0".into() },
            Gap::MissingMaximumPayment { path: "/outcome_payment_commitments/1".into() },
        ]
    );
}

#[test]
fn an_empty_project_is_valid_and_empty() {
    let p = IndigoProject::from_json("{}").unwrap();
    assert!(p.metrics().is_empty() && p.pricings().is_empty() && p.commitments().is_empty());
    assert!(p.gaps().is_empty());
}

#[test]
fn errors_name_their_json_path() {
    let cases: &[(&str, &str)] = &[
        (r#"{"outcome_metrics": {"id": "a"}}"#, "/outcome_metrics"),
        (r#"{"outcome_metrics": [{"id": 1}]}"#, "/outcome_metrics/0/id"),
        // A missing member is reported at the object that lacks it.
        (r#"{"outcome_metrics": [{"definition": {"value": "x"}}]}"#, "/outcome_metrics/0"),
        (r#"{"outcome_metrics": [{"id": "a"}, {"id": "a"}]}"#, "/outcome_metrics/1/id"),
        (
            r#"{"outcome_metrics": [{"id": "a", "definition": {"value": 3}}]}"#,
            "/outcome_metrics/0/definition/value",
        ),
        (
            r#"{"outcome_metrics": [{"id": "a"}], "outcome_pricings": [{"outcome_metric_id": {"value": "a"}, "price_per_unit": {"amount": {"value": "ten"}}}]}"#,
            "/outcome_pricings/0/price_per_unit/amount/value",
        ),
        (
            r#"{"outcome_metrics": [{"id": "a"}], "outcome_pricings": [{"outcome_metric_id": {"value": "a"}, "currency": {"value": "XXQ"}}]}"#,
            "/outcome_pricings/0/currency/value",
        ),
        (
            r#"{"outcome_metrics": [{"id": "a"}], "outcome_pricings": [{"outcome_metric_id": {"value": "a"}, "price_per_unit": {"amount": {"value": -1}}}]}"#,
            "/outcome_pricings/0/price_per_unit/amount/value",
        ),
        // Every negative amount is reported at its value, like a wrong type.
        (
            r#"{"outcome_metrics": [{"id": "a"}], "outcome_pricings": [{"outcome_metric_id": {"value": "a"}, "maximum_price_if_all_targets_achieved": {"amount": {"value": "-1,000"}}}]}"#,
            "/outcome_pricings/0/maximum_price_if_all_targets_achieved/amount/value",
        ),
        (
            r#"{"outcome_metrics": [{"id": "a", "targeted_number_of_service_users_or_beneficiaries_total": {"value": -5}}]}"#,
            "/outcome_metrics/0/targeted_number_of_service_users_or_beneficiaries_total/value",
        ),
        (
            r#"{"outcome_payment_commitments": [{"maximum_potential_outcome_payment": {"amount": {"value": -0.5}}}]}"#,
            "/outcome_payment_commitments/0/maximum_potential_outcome_payment/amount/value",
        ),
        (
            r#"{"outcome_payment_commitments": [{"period": {"end_date": {"value": "2015-13"}}}]}"#,
            "/outcome_payment_commitments/0/period/end_date/value",
        ),
        ("[1, 2]", "/"),
        ("{", "/"),
    ];
    for (doc, path) in cases {
        let err = strict(doc).unwrap_err();
        assert_eq!(err.path(), *path, "{doc}: {err}");
        // Read partially, the same problem is listed and the rest is kept.
        if path.len() > 1 {
            let listed = problems(doc);
            assert!(listed.contains(&err), "{doc}: {err} not in {listed:?}");
        }
    }
}

/// A document whose one pricing has `maximum` as its maximum price amount.
fn with_maximum_price(maximum: &str) -> String {
    format!(
        r#"{{"outcome_metrics": [{{"id": "a"}}], "outcome_pricings": [{{"outcome_metric_id": {{"value": "a"}}, "currency": {{"value": "GBP"}}, "maximum_price_if_all_targets_achieved": {{"amount": {{"value": {maximum:?}}}}}}}]}}"#
    )
}

#[test]
fn string_amounts_take_commas_only_as_thousands_separators() {
    for (text, pence) in [
        ("3500", 350_000),
        ("3,500", 350_000),
        (" 3,500.25 ", 350_025),
        ("1,234,567.89", 123_456_789),
        ("999.5", 99_950),
        ("0.01", 1),
    ] {
        let p = IndigoProject::from_json(&with_maximum_price(text)).unwrap();
        assert_eq!(
            p.pricings()[0].maximum_price(),
            Some(Money::from_minor(pence, Currency::GBP)),
            "{text}"
        );
    }
    // A decimal comma, misplaced separators and anything but digits are
    // errors, never a number with the commas dropped ("1500,50" is not 150050).
    for text in [
        "1500,50",
        "1,500,50",
        "15,00",
        "1,5000",
        "0,500",
        "1500,",
        ",500",
        "1,,500",
        "1.500,00",
        "1,000.5,0",
        "3,500.",
        ".5",
        "1_500",
        "1 500",
        "£3,500",
        "3500 GBP",
        "-",
        "1e3",
    ] {
        let err = strict(&with_maximum_price(text)).unwrap_err();
        assert_eq!(
            err.path(),
            "/outcome_pricings/0/maximum_price_if_all_targets_achieved/amount/value",
            "{text}"
        );
        assert!(matches!(err.kind(), IndigoErrorKind::Invalid { .. }), "{text}: {err}");
    }
}

#[test]
fn metric_ids_are_trimmed_like_their_references() {
    // A padded id is the trimmed id: references find it ...
    let doc = r#"{"outcome_metrics": [{"id": " m1 "}], "outcome_pricings": [{"outcome_metric_id": {"value": "m1"}}]}"#;
    let p = IndigoProject::from_json(doc).unwrap();
    assert_eq!(p.metrics()[0].id(), "m1");
    assert_eq!(p.pricings()[0].metric_id(), "m1");
    // ... and two ids that differ only by padding are a duplicate.
    let doc = r#"{"outcome_metrics": [{"id": "a"}, {"id": "a "}]}"#;
    let err = strict(doc).unwrap_err();
    assert_eq!(err.path(), "/outcome_metrics/1/id");
    assert!(matches!(err.kind(), IndigoErrorKind::Invalid { .. }), "{err}");
}

/// A document with one payment commitment made of `fields`.
fn commitment(fields: &str) -> String {
    format!(r#"{{"outcome_payment_commitments": [{{{fields}}}]}}"#)
}

#[test]
fn commitment_codelists_and_periods_are_checked() {
    // Every value of the standard's codelists is accepted.
    for result_type in ["Interim", "Overall"] {
        let doc = commitment(&format!(r#""result_type": {{"value": "{result_type}"}}"#));
        let p = IndigoProject::from_json(&doc).unwrap();
        assert_eq!(p.commitments()[0].result_type(), Some(result_type));
    }
    for role in [
        "Nonprofit/NGO",
        "Foundation/Philanthropist",
        "Government/Public Sector/Public Bank",
        "Multilateral/Bilateral/Intergovernmental Financial Institution",
        "Corporate Giving",
        "Investment Fund",
        "Other",
    ] {
        let doc = commitment(&format!(r#""organisation_role_category": {{"value": "{role}"}}"#));
        let p = IndigoProject::from_json(&doc).unwrap();
        assert_eq!(p.commitments()[0].role_category(), Some(role));
    }
    // A period may end in the year or month it starts in, or on its first day.
    for (start, end) in
        [("2013-05-10", "2013"), ("2013-05-10", "2013-05"), ("2013-05", "2013-05-01")]
    {
        let doc = commitment(&format!(
            r#""period": {{"start_date": {{"value": "{start}"}}, "end_date": {{"value": "{end}"}}}}"#
        ));
        IndigoProject::from_json(&doc).unwrap();
    }

    let cases = [
        (
            r#""result_type": {"value": "Final"}"#,
            "/outcome_payment_commitments/0/result_type/value",
        ),
        (
            r#""result_type": {"value": "overall"}"#,
            "/outcome_payment_commitments/0/result_type/value",
        ),
        (
            r#""organisation_role_category": {"value": "Government"}"#,
            "/outcome_payment_commitments/0/organisation_role_category/value",
        ),
        (
            r#""period": {"start_date": {"value": "2013-05-10"}, "end_date": {"value": "2013-05-09"}}"#,
            "/outcome_payment_commitments/0/period/end_date/value",
        ),
        (
            r#""period": {"start_date": {"value": "2013-05-10"}, "end_date": {"value": "2013-04"}}"#,
            "/outcome_payment_commitments/0/period/end_date/value",
        ),
        (
            r#""period": {"start_date": {"value": "2014"}, "end_date": {"value": "2013-12-31"}}"#,
            "/outcome_payment_commitments/0/period/end_date/value",
        ),
    ];
    for (fields, path) in cases {
        let err = strict(&commitment(fields)).unwrap_err();
        assert_eq!(err.path(), path, "{fields}");
        assert!(matches!(err.kind(), IndigoErrorKind::Invalid { .. }), "{fields}: {err}");
    }
}

#[test]
fn a_pricing_naming_an_unknown_metric_is_an_error() {
    let doc = r#"{"outcome_metrics": [{"id": "a"}], "outcome_pricings": [{"outcome_metric_id": {"value": "z"}}]}"#;
    let err = strict(doc).unwrap_err();
    assert_eq!(err.path(), "/outcome_pricings/0/outcome_metric_id/value");
    assert_eq!(err.kind(), &IndigoErrorKind::UnknownMetric { id: "z".into() });
    assert!(err.to_string().contains("\"z\""));
}

#[test]
fn import_builds_metrics_rate_cards_and_caps_per_currency() {
    let import = IndigoProject::from_json(FULL).unwrap().import().unwrap();
    // Metrics carry the evidence and data source; prices become fixed prices.
    let m1 = &import.metrics()[0];
    assert_eq!(m1.id().as_str(), "outcomemetric1");
    assert_eq!(m1.definition(), "Entry into first employment");
    assert_eq!(m1.unit(), MetricUnit::Individual);
    assert_eq!(m1.evidence(), Some("Payslips"));
    assert_eq!(m1.data_source(), Some("Provider records"));
    assert_eq!(
        m1.pricing(),
        Some(&PricingBasis::FixedPrice(Money::from_major(3_500, Currency::GBP)))
    );
    // No unit type given, but a price per unit: measured per individual.
    assert_eq!(import.metrics()[1].unit(), MetricUnit::Individual);

    // One card per currency, in currency-code order.
    let codes: Vec<String> = import.rate_cards().iter().map(|c| c.currency().to_string()).collect();
    assert_eq!(codes, ["EUR", "GBP"]);
    let eur = import.rate_card(Currency::EUR).unwrap();
    assert_eq!(eur.id().as_str(), "INDIGO-POJ-9001-EUR");
    assert_eq!(eur.outcomes()[0].maximum_price(), Money::from_minor(130_050, Currency::EUR));
    assert_eq!(eur.outcomes()[0].description(), "Improved school behaviour");
    assert!(import.rate_card(Currency::USD).is_none());

    assert_eq!(
        import.outcome_maximums(),
        [("outcomemetric1".parse().unwrap(), Money::from_major(3_500, Currency::GBP))]
    );
    assert_eq!(import.payer_maximums().len(), 2);
    assert_eq!(
        import.total_payer_maximum(Currency::GBP).unwrap(),
        Some(Money::from_major(3_400_000, Currency::GBP))
    );
    assert_eq!(
        import.total_payer_maximum(Currency::EUR).unwrap(),
        Some(Money::from_major(250_000, Currency::EUR))
    );
    assert_eq!(import.total_payer_maximum(Currency::USD).unwrap(), None);
    assert!(import.gaps().is_empty());

    // The imported metrics go straight into the 3 Ms review: INDIGO has no
    // direction or rationale, so the review asks for them.
    assert!(!m1.review().findings().is_empty());
}

/// A payment commitment of `payer` for `amount` in `currency`, of `result_type`
/// (`""` for none).
fn pledge(payer: &str, currency: &str, amount: u32, result_type: &str) -> String {
    let result_type = if result_type.is_empty() {
        String::new()
    } else {
        format!(r#""result_type": {{"value": "{result_type}"}}, "#)
    };
    format!(
        r#"{{"organisation_id": {{"value": "{payer}"}}, {result_type}"maximum_potential_outcome_payment": {{"currency": {{"value": "{currency}"}}, "amount": {{"value": {amount}}}}}}}"#
    )
}

#[test]
fn a_payers_interim_commitments_are_parts_of_its_overall_one_not_additions() {
    let commitments = [
        // A: two yearly commitments within an overall one: the overall counts.
        pledge("A", "GBP", 100_000, "Interim"),
        pledge("A", "GBP", 150_000, "Overall"),
        pledge("A", "GBP", 200_000, "Interim"),
        // B: only interim commitments, for separate periods: they add up.
        pledge("B", "GBP", 50_000, "Interim"),
        pledge("B", "GBP", 70_000, "Interim"),
        // C: a commitment without a result type is the payer's total.
        pledge("C", "GBP", 10_000, "Interim"),
        pledge("C", "GBP", 30_000, ""),
        // A in another currency is a separate maximum.
        pledge("A", "EUR", 5_000, "Interim"),
    ];
    let doc = format!(r#"{{"outcome_payment_commitments": [{}]}}"#, commitments.join(", "));
    let import = IndigoProject::from_json(&doc).unwrap().import().unwrap();
    let maximums: Vec<(&str, Money)> =
        import.payer_maximums().iter().map(|(payer, m)| (payer.as_str(), *m)).collect();
    assert_eq!(
        maximums,
        [
            ("A", Money::from_major(150_000, Currency::GBP)),
            ("B", Money::from_major(120_000, Currency::GBP)),
            ("C", Money::from_major(30_000, Currency::GBP)),
            ("A", Money::from_major(5_000, Currency::EUR)),
        ]
    );
    assert_eq!(
        import.total_payer_maximum(Currency::GBP).unwrap(),
        Some(Money::from_major(300_000, Currency::GBP))
    );
    assert_eq!(
        import.total_payer_maximum(Currency::EUR).unwrap(),
        Some(Money::from_major(5_000, Currency::EUR))
    );
}

#[test]
fn import_of_partial_data_reports_what_it_skips() {
    let doc = r#"{
      "outcome_metrics": [
        {"id": "priced_no_definition"},
        {"id": "no_unit", "definition": {"value": "Something"}},
        {"id": "cohort", "definition": {"value": "Care days avoided"},
         "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Other"}}
      ],
      "outcome_pricings": [
        {"outcome_metric_id": {"value": "priced_no_definition"}, "currency": {"value": "USD"},
         "price_per_unit": {"amount": {"value": 12.5}}}
      ]
    }"#;
    let import = IndigoProject::from_json(doc).unwrap().import().unwrap();
    let ids: Vec<&str> = import.metrics().iter().map(|m| m.id().as_str()).collect();
    assert_eq!(ids, ["cohort"]);
    assert_eq!(import.metrics()[0].unit(), MetricUnit::Cohort);
    assert!(import.metrics()[0].pricing().is_none(), "no price is invented");
    // The priced metric still prices an outcome on the card, described by its id.
    let card = import.rate_card(Currency::USD).unwrap();
    assert_eq!(card.outcomes()[0].description(), "priced_no_definition");
    assert!(import.gaps().contains(&Gap::MetricNotImported {
        metric_id: "priced_no_definition".into(),
        missing: "definition"
    }));
    assert!(
        import.gaps().contains(&Gap::MetricNotImported {
            metric_id: "no_unit".into(),
            missing: "unit type"
        })
    );
    assert!(import.gaps().contains(&Gap::UnpricedMetric { metric_id: "cohort".into() }));
}

#[test]
fn import_errors_name_their_json_path() {
    let cases: &[(&str, &str)] = &[
        // A price with a fraction of a penny cannot be a rate-card price.
        (
            r#"{"outcome_metrics": [{"id": "a"}], "outcome_pricings": [{"outcome_metric_id": {"value": "a"}, "currency": {"value": "GBP"}, "price_per_unit": {"amount": {"value": 10.005}}}]}"#,
            "/outcome_pricings/0/price_per_unit/amount/value",
        ),
        // A zero price is not a price.
        (
            r#"{"outcome_metrics": [{"id": "a"}], "outcome_pricings": [{"outcome_metric_id": {"value": "a"}, "currency": {"value": "GBP"}, "price_per_unit": {"amount": {"value": 0}}}]}"#,
            "/outcome_pricings/0/price_per_unit/amount/value",
        ),
        // Two GBP prices for one metric.
        (
            r#"{"outcome_metrics": [{"id": "a"}], "outcome_pricings": [
                {"outcome_metric_id": {"value": "a"}, "currency": {"value": "GBP"}, "price_per_unit": {"amount": {"value": 1}}},
                {"outcome_metric_id": {"value": "a"}, "currency": {"value": "GBP"}, "price_per_unit": {"amount": {"value": 2}}}]}"#,
            "/outcome_pricings/1/outcome_metric_id/value",
        ),
        // A unit type outside the standard's codelist.
        (
            r#"{"outcome_metrics": [{"id": "a", "definition": {"value": "x"}, "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Villages"}}]}"#,
            "/outcome_metrics/0/unit_type_of_targeted_service_users_or_beneficiaries/value",
        ),
        // ... even when the metric is priced: a price stands in for a missing
        // unit type, never for an unknown one.
        (
            r#"{"outcome_metrics": [{"id": "a", "definition": {"value": "x"}, "unit_type_of_targeted_service_users_or_beneficiaries": {"value": "Villages"}}],
                "outcome_pricings": [{"outcome_metric_id": {"value": "a"}, "currency": {"value": "GBP"}, "price_per_unit": {"amount": {"value": 100}}}]}"#,
            "/outcome_metrics/0/unit_type_of_targeted_service_users_or_beneficiaries/value",
        ),
        // A payer id the crate cannot use.
        (
            r#"{"outcome_payment_commitments": [{"organisation_id": {"value": "bad\u0001id"}, "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 1}}}]}"#,
            "/outcome_payment_commitments/0/organisation_id/value",
        ),
    ];
    for (doc, path) in cases {
        let err = strict(doc).and_then(|p| p.import()).unwrap_err();
        assert_eq!(err.path(), *path, "{doc}: {err}");
        let listed = problems(doc);
        assert!(listed.contains(&err), "{doc}: {err} not in {listed:?}");
    }
}

/// A JSON value of any shape, a few levels deep, with the standard's keys
/// where objects appear, so that the reader meets every wrong type.
fn any_json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
    use proptest::prelude::*;
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "[a-zA-Z0-9 .,%-]{0,12}".prop_map(serde_json::Value::from),
        prop_oneof![Just("GBP"), Just("EUR"), Just("2015-13"), Just("2016-02-29"), Just("m1")]
            .prop_map(serde_json::Value::from),
    ];
    let keys = prop_oneof![
        Just("id"),
        Just("value"),
        Just("outcome_metrics"),
        Just("outcome_pricings"),
        Just("outcome_payment_commitments"),
        Just("outcome_metric_id"),
        Just("currency"),
        Just("price_per_unit"),
        Just("amount"),
        Just("maximum_price_if_all_targets_achieved"),
        Just("maximum_potential_outcome_payment"),
        Just("organisation_id"),
        Just("period"),
        Just("start_date"),
        Just("definition"),
        Just("unit_type_of_targeted_service_users_or_beneficiaries"),
        Just("targeted_number_of_service_users_or_beneficiaries_total"),
        Just("end_date"),
        Just("result_type"),
        Just("organisation_role_category"),
    ];
    leaf.prop_recursive(4, 64, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            proptest::collection::vec((keys.clone(), inner), 0..5).prop_map(|kv| {
                serde_json::Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

proptest::proptest! {
    /// Any document, however malformed, is read or rejected with an error;
    /// never a panic.
    #[test]
    fn arbitrary_documents_never_panic(doc in any_json(), text in ".{0,120}") {
        if let Ok(project) = IndigoProject::from_value(&doc) {
            let _ = project.import();
            let _ = project.gaps();
        }
        let _ = IndigoProject::from_json(&text);
        let _ = IndigoProject::from_json(&doc.to_string());
    }
}

// ---------------------------------------------------------------------------
// Partial imports: every valid entry kept, every problem listed.

/// A project with every fault seen in the published INDIGO export.
const EVERY_FAULT: &str = include_str!("data/indigo/every_fault.json");

/// The summary an analyst prints for the every-fault document.
const EVERY_FAULT_SUMMARY: &str = "INDIGO-POJ-9999: imported 2 of 5 outcome metrics (3 refused), \
    1 of 9 outcome pricings (7 refused, 1 incomplete), 2 of 4 outcome payment commitments \
    (2 refused); 13 problems, 1 gap";

#[test]
fn every_fault_document_imports_the_valid_rest_and_lists_each_problem() {
    let import = IndigoProject::from_json(EVERY_FAULT).unwrap().import().unwrap();
    assert_eq!(import.summary().to_string(), EVERY_FAULT_SUMMARY);

    // What is valid on its own is kept.
    let ids: Vec<&str> = import.metrics().iter().map(|m| m.id().as_str()).collect();
    assert_eq!(ids, ["employment", "housing"]);
    let gbp = import.rate_card(Currency::GBP).unwrap();
    assert_eq!(gbp.outcomes().len(), 1);
    assert_eq!(gbp.outcomes()[0].maximum_price(), Money::from_major(3_500, Currency::GBP));
    assert_eq!(import.rate_cards().len(), 1);
    assert_eq!(
        import.outcome_maximums(),
        [("employment".parse().unwrap(), Money::from_major(350_000, Currency::GBP))]
    );
    // Read from its digits: an f64 would have made it 250000.
    let eur = Money::new("250000.000000000000001".parse().unwrap(), Currency::EUR);
    assert_eq!(import.total_payer_maximum(Currency::EUR).unwrap(), Some(eur));
    assert_eq!(
        import.total_payer_maximum(Currency::GBP).unwrap(),
        Some(Money::from_major(3_300_000, Currency::GBP))
    );
    assert_eq!(
        import.gaps(),
        [Gap::MissingPrice { path: "/outcome_pricings/8".into(), metric_id: "employment".into() }]
    );

    // Every problem, in document order: where, what was found, why.
    let problems: Vec<String> = import.problems().iter().map(ToString::to_string).collect();
    let expected = [
        r#"/outcome_metrics/1/id: found "wellbeing": an outcome metric id that /outcome_metrics/2 has too, so no entry with it is used"#,
        r#"/outcome_metrics/2/id: found "wellbeing": an outcome metric id that /outcome_metrics/1 has too, so neither entry is used"#,
        r#"/outcome_metrics/3/id: found "": required member "id" is absent or empty"#,
        r#"/outcome_pricings/1/outcome_metric_id/value: found "wellbeing": names outcome metric "wellbeing", which /outcome_metrics/1, /outcome_metrics/2 all define, so none is used and which one is meant is not guessed"#,
        r#"/outcome_pricings/2/outcome_metric_id/value: found "education": names outcome metric "education", which the project does not define"#,
        r#"/outcome_pricings/3/currency/value: found "Russian Ruble": not an ISO 4217 currency code (three upper-case letters, such as GBP); did you mean RUB?"#,
        r#"/outcome_pricings/4/currency/value: found "South Korean Won": not an ISO 4217 currency code (three upper-case letters, such as GBP); did you mean KRW?"#,
        r#"/outcome_pricings/5/maximum_price_if_all_targets_achieved/amount/value: found "C$1.16M (estimate)": not a decimal number (such as 3500, 3,500 or 3,500.25; commas may only separate groups of three digits before the point)"#,
        r#"/outcome_pricings/6/maximum_price_if_all_targets_achieved/amount/value: found "=D41-D36": a spreadsheet formula, not a number (the sheet's value was not exported)"#,
        r#"/outcome_pricings/7/maximum_price_if_all_targets_achieved/amount/value: found "90,000.005": not a whole number of GBP minor units (2 decimal places)"#,
        r#"/outcome_payment_commitments/1/maximum_potential_outcome_payment/amount/value: found "$10,000,000": expected a number, not a string; did you mean 10000000?"#,
        r#"/outcome_payment_commitments/2/maximum_potential_outcome_payment/amount/value: found "68,000,000 rubles": expected a number, not a string; did you mean 68000000?"#,
        r#"/outcome_payment_commitments/2/maximum_potential_outcome_payment/currency/value: found "Russian Ruble": not an ISO 4217 currency code (three upper-case letters, such as GBP); did you mean RUB?"#,
    ];
    assert_eq!(problems, expected);
    // Suggestions are structured too, and never applied.
    let suggestions: Vec<Option<&str>> = import.problems().iter().map(|p| p.suggestion()).collect();
    assert_eq!(suggestions.iter().flatten().count(), 5);
    assert!(import.rate_card(Currency::from_code("RUB").unwrap()).is_none());
}

#[test]
fn a_strict_import_of_the_every_fault_document_stops_at_its_first_problem() {
    let err = strict(EVERY_FAULT).unwrap_err();
    // The second entry with the id is where a reader first meets the duplicate.
    assert_eq!(err.path(), "/outcome_metrics/2/id");
    assert_eq!(err.found(), Some(r#""wellbeing""#));
    // A strict read of a document with only import problems, strictly imported.
    let doc = r#"{"outcome_metrics": [{"id": "a"}], "outcome_pricings": [
        {"outcome_metric_id": {"value": "a"}, "currency": {"value": "GBP"}, "price_per_unit": {"amount": {"value": 1.005}}},
        {"outcome_metric_id": {"value": "a"}, "currency": {"value": "EUR"}, "price_per_unit": {"amount": {"value": 0}}}]}"#;
    let err = strict(doc).unwrap().import().unwrap_err();
    assert_eq!(err.path(), "/outcome_pricings/0/price_per_unit/amount/value");
    assert_eq!(problems(doc).len(), 2);
}

/// A valid two-metric project with `extra` pricings after its valid one.
fn with_pricings(extra: &str) -> String {
    format!(
        r#"{{"outcome_metrics": [
          {{"id": "a", "definition": {{"value": "Entry into employment"}}}},
          {{"id": "b", "definition": {{"value": "Sustained employment"}}}}],
        "outcome_pricings": [
          {{"outcome_metric_id": {{"value": "a"}}, "currency": {{"value": "GBP"}}, "price_per_unit": {{"amount": {{"value": 500}}}}}}{extra}]}}"#
    )
}

#[test]
fn each_fault_alone_leaves_the_valid_pricing_and_is_listed() {
    let b = |fields: &str| format!(r#", {{"outcome_metric_id": {{"value": "b"}}, {fields}}}"#);
    let cases = [
        // (extra pricing, path of its problem, found)
        (
            b(r#""currency": {"value": "Russian Ruble"}"#),
            "/outcome_pricings/1/currency/value",
            r#""Russian Ruble""#,
        ),
        (b(r#""currency": {"value": "gbp"}"#), "/outcome_pricings/1/currency/value", r#""gbp""#),
        (b(r#""currency": {"value": 826}"#), "/outcome_pricings/1/currency/value", "826"),
        (
            b(r#""price_per_unit": {"amount": {"value": "$10,000,000"}}"#),
            "/outcome_pricings/1/price_per_unit/amount/value",
            r#""$10,000,000""#,
        ),
        (
            b(r#""price_per_unit": {"amount": {"value": [1]}}"#),
            "/outcome_pricings/1/price_per_unit/amount/value",
            "[1]",
        ),
        (b(r#""price_per_unit": "500""#), "/outcome_pricings/1/price_per_unit", r#""500""#),
        (
            b(
                r#""maximum_price_if_all_targets_achieved": {"amount": {"value": "68,000,000 rubles"}}"#,
            ),
            "/outcome_pricings/1/maximum_price_if_all_targets_achieved/amount/value",
            r#""68,000,000 rubles""#,
        ),
        (
            b(
                r#""currency": {"value": "GBP"}, "maximum_price_if_all_targets_achieved": {"amount": {"value": "0"}}"#,
            ),
            "/outcome_pricings/1/maximum_price_if_all_targets_achieved/amount/value",
            r#""0""#,
        ),
        (
            b(r#""currency": {"value": "JPY"}, "price_per_unit": {"amount": {"value": 10.5}}"#),
            "/outcome_pricings/1/price_per_unit/amount/value",
            "10.5",
        ),
        (
            b(r#""price_per_unit": {"amount": {"value": 1.00000000000000000000000000000001}}"#),
            "/outcome_pricings/1/price_per_unit/amount/value",
            "1.00000000000000000000000000000001",
        ),
        (
            r#", {"outcome_metric_id": {"value": "z"}}"#.to_owned(),
            "/outcome_pricings/1/outcome_metric_id/value",
            r#""z""#,
        ),
        (r#", 7"#.to_owned(), "/outcome_pricings/1", "7"),
    ];
    for (extra, path, found) in cases {
        let doc = with_pricings(&extra);
        let import = IndigoProject::from_json(&doc).unwrap().import().unwrap();
        let card = import.rate_card(Currency::GBP).unwrap();
        assert_eq!(card.outcomes().len(), 1, "{extra}");
        assert_eq!(card.outcomes()[0].id().as_str(), "a", "{extra}");
        let problems = import.problems();
        assert_eq!(problems.len(), 1, "{extra}: {problems:?}");
        assert_eq!(problems[0].path(), path, "{extra}");
        assert_eq!(problems[0].found(), Some(found), "{extra}");
        assert_eq!(import.summary().pricings().refused(), 1, "{extra}");
        assert_eq!(import.summary().pricings().imported(), 1, "{extra}");
    }
}

#[test]
fn a_maximum_price_is_checked_like_the_price_per_unit() {
    for (maximum, ok) in [
        ("\"3,500\"", true),
        ("\"0.01\"", true),
        ("\"0\"", false),
        ("\"0.00\"", false),
        ("\"3,500.001\"", false),
        ("\"-1\"", false),
    ] {
        let doc = with_pricings(&format!(
            r#", {{"outcome_metric_id": {{"value": "b"}}, "currency": {{"value": "GBP"}}, "price_per_unit": {{"amount": {{"value": 100}}}}, "maximum_price_if_all_targets_achieved": {{"amount": {{"value": {maximum}}}}}}}"#
        ));
        let import = IndigoProject::from_json(&doc).unwrap().import().unwrap();
        let outcomes = import.rate_card(Currency::GBP).unwrap().outcomes().len();
        assert_eq!(outcomes, if ok { 2 } else { 1 }, "{maximum}");
        assert_eq!(import.problems().is_empty(), ok, "{maximum}: {:?}", import.problems());
        if !ok {
            assert_eq!(
                import.problems()[0].path(),
                "/outcome_pricings/1/maximum_price_if_all_targets_achieved/amount/value"
            );
            assert!(strict(&doc).and_then(|p| p.import()).is_err(), "{maximum}");
        }
    }
}

#[test]
fn two_prices_of_one_metric_in_one_currency_are_both_refused() {
    let doc = with_pricings(
        r#", {"outcome_metric_id": {"value": "a"}, "currency": {"value": "GBP"}, "price_per_unit": {"amount": {"value": 600}}},
            {"outcome_metric_id": {"value": "b"}, "currency": {"value": "GBP"}, "price_per_unit": {"amount": {"value": 700}}}"#,
    );
    let import = IndigoProject::from_json(&doc).unwrap().import().unwrap();
    let card = import.rate_card(Currency::GBP).unwrap();
    let ids: Vec<&str> = card.outcomes().iter().map(|o| o.id().as_str()).collect();
    assert_eq!(ids, ["b"], "which GBP price of a is right is not guessed");
    let paths: Vec<&str> = import.problems().iter().map(|p| p.path()).collect();
    assert_eq!(
        paths,
        [
            "/outcome_pricings/0/outcome_metric_id/value",
            "/outcome_pricings/1/outcome_metric_id/value"
        ]
    );
    // Neither price is a's, so nothing says a's unit: it is reported, not imported.
    let ids: Vec<&str> = import.metrics().iter().map(|m| m.id().as_str()).collect();
    assert_eq!(ids, ["b"]);
    assert!(
        import
            .gaps()
            .contains(&Gap::MetricNotImported { metric_id: "a".into(), missing: "unit type" })
    );
}

/// Every JSON Pointer of `value`'s members, with the value there.
fn members(value: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let p = format!("{path}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                members(v, &p, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let p = format!("{path}/{i}");
                out.push(p.clone());
                members(v, &p, out);
            }
        }
        _ => {}
    }
}

/// A change to one member of a valid document.
#[derive(Debug, Clone)]
enum Mutation {
    /// Remove it.
    Drop,
    /// Put a copy of it beside it (an array item twice, an object member
    /// under a second key).
    Duplicate,
    /// Replace it by a value of another type.
    Retype(serde_json::Value),
}

fn mutation() -> impl proptest::strategy::Strategy<Value = (usize, Mutation)> {
    use proptest::prelude::*;
    let other = prop_oneof![
        Just(serde_json::Value::Null),
        Just(serde_json::json!(true)),
        Just(serde_json::json!(-7)),
        Just(serde_json::json!(0.5)),
        Just(serde_json::json!("")),
        Just(serde_json::json!("Russian Ruble")),
        Just(serde_json::json!("$10,000,000")),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!({"value": "x"})),
    ];
    (
        any::<usize>(),
        prop_oneof![
            Just(Mutation::Drop),
            Just(Mutation::Duplicate),
            other.prop_map(Mutation::Retype)
        ],
    )
}

/// Applies `mutation` to the member at `path` of `doc`.
fn apply(doc: &mut serde_json::Value, path: &str, mutation: &Mutation) {
    let (parent, last) = path.rsplit_once('/').unwrap();
    let key = last.replace("~1", "/").replace("~0", "~");
    let Some(container) = doc.pointer_mut(parent) else { return };
    match (container, mutation) {
        (serde_json::Value::Object(map), Mutation::Drop) => {
            map.remove(&key);
        }
        (serde_json::Value::Object(map), Mutation::Duplicate) => {
            if let Some(v) = map.get(&key).cloned() {
                map.insert(format!("{key}_copy"), v);
            }
        }
        (serde_json::Value::Array(items), Mutation::Drop) => {
            items.remove(key.parse::<usize>().unwrap());
        }
        (serde_json::Value::Array(items), Mutation::Duplicate) => {
            let i = key.parse::<usize>().unwrap();
            let copy = items[i].clone();
            items.insert(i, copy);
        }
        (container, Mutation::Retype(other)) => {
            if let Some(v) = container.pointer_mut(&format!("/{last}")) {
                let same = std::mem::discriminant(v) == std::mem::discriminant(other);
                *v = if same { serde_json::json!("retyped") } else { other.clone() };
            }
        }
        _ => {}
    }
}

/// Whether `found` quotes the value at the problem's path in `doc`: its
/// JSON text, the string without surrounding whitespace, or shortened.
fn quotes(found: &str, value: &serde_json::Value) -> bool {
    let text = value.to_string();
    let trimmed = value.as_str().map(|s| serde_json::Value::from(s.trim()).to_string());
    found == text
        || trimmed.as_deref() == Some(found)
        || found.strip_suffix('…').is_some_and(|start| text.starts_with(start))
        // A number quoted from its digits, which the parsed value shows as an f64.
        || (value.is_number() && found.parse::<f64>().ok() == value.as_f64())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// A valid document with one to three members dropped, duplicated or
    /// retyped: no panic; the import keeps what it can; every problem
    /// names a JSON Pointer that exists in the document and quotes the
    /// value there.
    #[test]
    fn a_mutated_document_is_imported_in_part_and_every_problem_points_into_it(
        steps in proptest::collection::vec(mutation(), 1..4)
    ) {
        let mut doc: serde_json::Value = serde_json::from_str(FULL).unwrap();
        for (pick, m) in &steps {
            let mut paths = Vec::new();
            members(&doc, "", &mut paths);
            if paths.is_empty() {
                break;
            }
            apply(&mut doc, &paths[pick % paths.len()], m);
        }
        let text = doc.to_string();
        let strict_result = strict(&text).and_then(|p| p.import());
        let project = IndigoProject::from_json(&text);
        let import = match project {
            Ok(project) => project.import(),
            Err(e) => {
                // Only a document that is not an object is refused whole.
                proptest::prop_assert!(!doc.is_object(), "{e}");
                return Ok(());
            }
        };
        proptest::prop_assert!(import.is_ok(), "a partial import never fails");
        let import = import.unwrap();
        for problem in import.problems() {
            let at = if problem.path() == "/" { Some(&doc) } else { doc.pointer(problem.path()) };
            proptest::prop_assert!(at.is_some(), "{problem} does not point into {text}");
            if let (Some(found), Some(value)) = (problem.found(), at) {
                proptest::prop_assert!(quotes(found, value), "{problem} misquotes {value}");
            }
            if matches!(problem.kind(), IndigoErrorKind::WrongType { .. }) {
                proptest::prop_assert!(problem.found().is_some(), "{problem} quotes nothing");
            }
        }
        // Strict fails exactly when partial found a problem, at the first one read.
        match strict_result {
            Ok(_) => proptest::prop_assert!(import.problems().is_empty(), "{:?}", import.problems()),
            Err(e) => proptest::prop_assert!(import.problems().contains(&e), "{e} not in {:?}", import.problems()),
        }
        let s = import.summary();
        for counts in [s.metrics(), s.pricings(), s.commitments()] {
            proptest::prop_assert!(counts.imported() + counts.refused() <= counts.total(), "{s}");
        }
        proptest::prop_assert_eq!(s.metrics().imported(), import.metrics().len());
    }
}
