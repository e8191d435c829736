//! Exporting settled statements as INDIGO `outcome_payments` and `results`,
//! including a project imported from INDIGO and settled in two currencies.

// Test helpers outside #[test] functions may unwrap and index JSON: a panic is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use integration_outcomes::indigo::{IndigoExport, IndigoProject, ResultType};
use integration_outcomes::outcomes::{
    Claim, ClaimWindow, Cohort, CohortRule, Comparison, Contract, Evidence, Participants,
    PayerShares, PoolingRule, RateCardRule, RateCardTerms, RuleEvidence, Statement,
};
use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
use rust_decimal::Decimal;

const PROJECT: &str = r#"{
  "id": "INDIGO-POJ-9002",
  "outcome_metrics": [
    {"id": "m_employment", "definition": {"value": "Entry into employment"}},
    {"id": "m_training", "definition": {"value": "Entry into training"}}
  ],
  "outcome_pricings": [
    {"outcome_metric_id": {"value": "m_employment"}, "currency": {"value": "GBP"}, "price_per_unit": {"amount": {"value": 500}}},
    {"outcome_metric_id": {"value": "m_training"}, "currency": {"value": "GBP"}, "price_per_unit": {"amount": {"value": 333.33}}},
    {"outcome_metric_id": {"value": "m_employment"}, "currency": {"value": "EUR"}, "price_per_unit": {"amount": {"value": 600}}}
  ],
  "outcome_payment_commitments": [
    {"organisation_id": {"value": "INDIGO-ORG-0001"}, "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 100000}}},
    {"organisation_id": {"value": "INDIGO-ORG-0002"}, "maximum_potential_outcome_payment": {"currency": {"value": "GBP"}, "amount": {"value": 25000}}}
  ]
}"#;

fn settle_gbp() -> Statement {
    settle_gbp_with(&[])
}

/// The GBP card settled on 7 training and 7 employment claims in 2016,
/// plus `late` employment claims (participant, date).
fn settle_gbp_with(late: &[(u64, &str)]) -> Statement {
    let import = IndigoProject::from_json(PROJECT).unwrap().import().unwrap();
    let card = import.rate_card(Currency::GBP).unwrap().clone();
    let window =
        ClaimWindow::new("2016-01-01".parse().unwrap(), "2016-12-31".parse().unwrap()).unwrap();
    let cap = import.total_payer_maximum(Currency::GBP).unwrap().unwrap();
    let rule = RateCardRule::new("gbp_card", card, RateCardTerms::new(window).with_total_cap(cap))
        .unwrap();
    let e = rule.card().index_of("m_employment").unwrap();
    let t = rule.card().index_of("m_training").unwrap();
    let claims: Vec<Claim> = (0..7_u64)
        .flat_map(|p| {
            [
                Claim::new(p, t, "2016-02-10".parse().unwrap()),
                Claim::new(p, e, "2016-05-03".parse().unwrap()),
            ]
        })
        .chain(late.iter().map(|(p, date)| Claim::new(*p, e, date.parse().unwrap())))
        .collect();
    // Payers in proportion to their commitments: 80% / 20%.
    let payers = PayerShares::new(vec![
        ("INDIGO-ORG-0001".parse().unwrap(), "80%".parse().unwrap()),
        ("INDIGO-ORG-0002".parse().unwrap(), "20%".parse().unwrap()),
    ])
    .unwrap();
    let pence = RoundingPolicy::for_currency(
        Currency::GBP,
        RoundingStrategy::MidpointAwayFromZero,
        RoundingStage::PerLine,
    );
    let contract =
        Contract::new("poj_9002", Currency::GBP, pence, payers, vec![rule.into()]).unwrap();
    let people = Participants::none();
    contract
        .settle(
            &Evidence::new()
                .with("gbp_card", RuleEvidence::Claims { claims: &claims, participants: &people }),
        )
        .unwrap()
}

/// JSON text as a value, for looking at its structure (its numbers then
/// become `f64`: exactness is checked on the text).
fn parse(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

/// Entries' texts as values.
fn parse_all(entries: &[Box<serde_json::value::RawValue>]) -> Vec<serde_json::Value> {
    entries.iter().map(|e| parse(e.get())).collect()
}

fn amount(v: &serde_json::Value) -> Decimal {
    v["money"]["amount"]["value"].to_string().parse().unwrap()
}

#[test]
fn payments_are_exactly_the_statement_payments() {
    let statement = settle_gbp();
    let json = parse(
        &IndigoExport::new(&statement, ResultType::Final)
            .metric_for_rule("gbp_card", "m_employment")
            .to_json()
            .unwrap(),
    );
    let payments = json["outcome_payments"].as_array().unwrap();
    assert_eq!(payments.len(), statement.payments().len());
    // Two quarters (training in Q1, employment in Q2) × two payers.
    assert_eq!(payments.len(), 4);
    for (entry, p) in payments.iter().zip(statement.payments()) {
        assert_eq!(entry["type"]["value"], "Actual");
        assert_eq!(entry["outcome_metric_id"]["value"], "m_employment");
        assert_eq!(entry["payer_organisation_id"]["value"], p.payer().as_str());
        assert_eq!(entry["money"]["currency"]["value"], "GBP");
        assert_eq!(amount(entry), p.amount().amount());
    }
    // Q1: 7 × £333.33 = £2,333.31, split 80/20 exactly.
    assert_eq!(payments[0]["period"]["start_date"]["value"], "2016-01-01");
    assert_eq!(payments[0]["period"]["end_date"]["value"], "2016-03-31");
    let q1: Decimal = payments.iter().take(2).map(amount).sum();
    assert_eq!(q1, "2333.31".parse::<Decimal>().unwrap());
    let total: Decimal = payments.iter().map(amount).sum();
    assert_eq!(total, statement.totals_by_rule()[0].1.amount());
}

#[test]
fn results_per_outcome_with_accepted_counts() {
    let statement = settle_gbp();
    let results = parse_all(&IndigoExport::new(&statement, ResultType::Interim).results().unwrap());
    assert_eq!(results.len(), 2);
    let employment =
        results.iter().find(|r| r["outcome_metric_id"]["value"] == "m_employment").unwrap();
    assert_eq!(employment["result_level"]["value"], "Outcome level");
    assert_eq!(employment["result_type"]["value"], "Interim");
    assert_eq!(employment["number_with_positive_social_outcomes"]["value"], 7);
    assert_eq!(employment["period"]["start_date"]["value"], "2016-01-01");
    assert_eq!(employment["period"]["end_date"]["value"], "2016-06-30");
    assert!(employment["outcomes_achieved"]["value"].as_str().unwrap().contains("GBP 3,500.00"));
}

/// A one-cohort Peterborough-style contract (rule "reconviction", one payer)
/// settled against 155 events per 100.
fn settle_one_cohort(price_per_event: Money, size: u64, events: u64) -> Statement {
    let rule = CohortRule::new(
        "reconviction",
        "10%".parse().unwrap(),
        "7.5%".parse().unwrap(),
        PoolingRule::PooledEvents,
        price_per_event,
    )
    .unwrap();
    let pence = RoundingPolicy::for_currency(
        Currency::GBP,
        RoundingStrategy::MidpointAwayFromZero,
        RoundingStage::PerLine,
    );
    let contract = Contract::new(
        "pb",
        Currency::GBP,
        pence,
        PayerShares::single("moj".parse().unwrap()),
        vec![rule.into()],
    )
    .unwrap();
    let per_100 = Comparison::rate("155".parse().unwrap(), 100).unwrap();
    let cohorts =
        [Cohort::new("cohort_1", size, events, per_100, "2014-08-07".parse().unwrap()).unwrap()];
    contract.settle(&Evidence::new().with("reconviction", RuleEvidence::Cohorts(&cohorts))).unwrap()
}

#[test]
fn cohort_results_report_against_the_rule_metric() {
    let statement = settle_one_cohort(Money::from_major(100, Currency::GBP), 1_000, 1_390);
    let json = parse(
        &IndigoExport::new(&statement, ResultType::Final)
            .metric_for_rule("reconviction", "outcomemetric1")
            .to_json()
            .unwrap(),
    );
    // One result for the cohort and one for the fallback, so the loop below
    // checks something.
    let results = json["results"].as_array().unwrap();
    assert_eq!(results.len(), statement.totals_by_outcome().len());
    assert_eq!(results.len(), 2);
    for r in results {
        assert_eq!(r["outcome_metric_id"]["value"], "outcomemetric1");
        assert!(r.get("number_with_positive_social_outcomes").is_none());
    }
    let payments = json["outcome_payments"].as_array().unwrap();
    assert_eq!(payments.len(), statement.payments().len());
    assert!(!payments.is_empty());
    assert_eq!(json["outcome_payments"][0]["outcome_metric_id"]["value"], "outcomemetric1");
}

#[test]
fn amounts_are_written_as_their_digits_beyond_f64_precision() {
    // 17 and 24 significant digits: an f64 holds neither exactly.
    for price in ["1234567890123.45", "1234567890123456789012.34"] {
        let price = Money::new(price.parse().unwrap(), Currency::GBP);
        let statement = settle_one_cohort(price, 100, 100);
        assert!(!statement.total().is_zero(), "the fallback pays, so there is an amount to export");
        let payments = IndigoExport::new(&statement, ResultType::Final).outcome_payments().unwrap();
        assert_eq!(payments.len(), statement.payments().len());
        for (entry, p) in payments.iter().zip(statement.payments()) {
            let digits = p.amount().amount().to_string();
            assert!(
                entry.get().contains(&format!(r#""amount":{{"value":{digits}}}"#)),
                "{digits} not written exactly in {}",
                entry.get()
            );
        }
    }
}

#[test]
fn results_periods_come_from_accepted_lines_only() {
    // A claim after the window (2016) is rejected: it must not stretch the
    // results' period into 2017.
    let statement = settle_gbp_with(&[(100, "2017-03-01")]);
    assert!(
        statement.lines().iter().any(|l| !l.decision().is_accepted()),
        "the late claim is rejected"
    );
    assert!(statement.lines().iter().any(|l| l.period().last_day().to_string() == "2017-03-31"));
    let results = parse_all(&IndigoExport::new(&statement, ResultType::Interim).results().unwrap());
    assert_eq!(results.len(), 2);
    for r in &results {
        assert_eq!(r["period"]["start_date"]["value"], "2016-01-01");
        assert_eq!(r["period"]["end_date"]["value"], "2016-06-30", "{r}");
    }
}

/// The v4.1 project schema, copied into the repository (see its README).
const SCHEMA: &str = include_str!("data/indigo/project-schema-4.1.json");

/// The source project of `settle_gbp`, with amounts beyond f64 precision.
const SOURCE: &str = include_str!("data/indigo_project.json");

#[test]
fn a_merged_document_validates_against_the_v4_1_schema() {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let source = parse(SOURCE);
    assert!(validator.is_valid(&source), "the source project itself is valid");

    for statement in [
        settle_gbp(),
        settle_gbp_with(&[(100, "2017-03-01")]),
        settle_one_cohort(
            Money::new("1234567890123456789012.34".parse().unwrap(), Currency::GBP),
            100,
            100,
        ),
    ] {
        let export = IndigoExport::new(&statement, ResultType::Final)
            .metric_for_rule("gbp_card", "m_employment");
        let merged = export.merge_into(SOURCE).unwrap();
        let value = parse(&merged);
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        // The export's lists were added and the source kept.
        assert_eq!(value["outcome_payments"].as_array().unwrap().len(), statement.payments().len());
        assert!(!value["results"].as_array().unwrap().is_empty());
        assert_eq!(value["id"], source["id"]);
        assert_eq!(value["outcome_metrics"], source["outcome_metrics"]);
        // Amounts are the statement's digits, exactly.
        for p in statement.payments() {
            let digits = p.amount().amount().to_string();
            assert!(merged.contains(&format!(r#""amount":{{"value":{digits}}}"#)), "{digits}");
        }
    }

    // A schema violation is caught (so the check above can fail).
    let broken = IndigoExport::new(&settle_gbp(), ResultType::Final)
        .merge_into(SOURCE)
        .unwrap()
        .replace(r#""type":{"value":"Actual"}"#, r#""type":{"value":"Paid"}"#);
    assert!(!validator.is_valid(&parse(&broken)));
}

#[test]
fn merging_keeps_existing_payments_and_refuses_a_non_array() {
    let statement = settle_gbp();
    let export = IndigoExport::new(&statement, ResultType::Final);
    let project = r#"{"id": "P", "outcome_payments": [{"type": {"value": "Planned"}, "money": {"amount": {"value": 100000.000000000000000001}}}]}"#;
    let merged = export.merge_into(project).unwrap();
    assert!(merged.contains("100000.000000000000000001"), "the source's digits are kept: {merged}");
    let value = parse(&merged);
    assert_eq!(value["outcome_payments"].as_array().unwrap().len(), 1 + statement.payments().len());
    assert_eq!(value["outcome_payments"][0]["type"]["value"], "Planned");

    let err = export.merge_into(r#"{"results": {"value": 1}}"#).unwrap_err();
    assert_eq!(err.path(), "/results");
    assert_eq!(err.found(), Some(r#"{"value": 1}"#));
    assert_eq!(export.merge_into("[1]").unwrap_err().path(), "/");
    assert_eq!(export.merge_into("{").unwrap_err().path(), "/");
}
