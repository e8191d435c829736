//! Reading INDIGO 4.1 project documents: every field the crate uses, several
//! currencies, partial data, and errors that name their JSON path.

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
