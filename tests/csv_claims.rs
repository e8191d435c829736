//! Claims read from a spreadsheet and statements written back (feature `csv`).

#![cfg(feature = "csv")]
// Test helpers outside #[test] functions may unwrap: a panic is a failing test.
#![allow(clippy::unwrap_used)]

use integration_outcomes::outcomes::{
    ClaimWindow, Contract, Detail, Evidence, OutcomeError, Participants, PayerShares, RateCard,
    RateCardRule, RateCardTerms, RuleEvidence,
};
use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};

fn rule() -> RateCardRule {
    let window =
        ClaimWindow::new("2015-01-01".parse().unwrap(), "2017-12-31".parse().unwrap()).unwrap();
    RateCardRule::new("fcf", RateCard::fair_chance_fund().unwrap(), RateCardTerms::new(window))
        .unwrap()
}

#[test]
fn claims_round_trip_through_settlement_and_back_to_csv() {
    let rule = rule();
    // Columns in another order and case, with an extra column that is ignored.
    let sheet = "Date,Notes,OUTCOME,participant\n\
                 2015-02-01,first,initial_assessment,9\n\
                 2015-03-01,,entry_to_accommodation,9\n\
                 2015-03-05,duplicate,initial_assessment,9\n";
    let claims = rule.claims_from_csv(sheet.as_bytes()).unwrap();
    assert_eq!(claims.len(), 3);
    let settled = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly).unwrap();
    assert_eq!(settled.total(), Money::from_major(1_000, Currency::GBP));

    let pence = RoundingPolicy::for_currency(
        Currency::GBP,
        RoundingStrategy::TowardZero,
        RoundingStage::PerLine,
    );
    let contract = Contract::new(
        "fcf_contract",
        Currency::GBP,
        pence,
        PayerShares::single("dclg".parse().unwrap()),
        vec![rule.into()],
    )
    .unwrap();
    let people = Participants::none();
    let statement = contract
        .settle(
            &Evidence::new()
                .with("fcf", RuleEvidence::Claims { claims: &claims, participants: &people }),
        )
        .unwrap();
    let mut lines = Vec::new();
    statement.write_csv(&mut lines).unwrap();
    let text = String::from_utf8(lines).unwrap();
    assert_eq!(text.lines().count(), 1 + statement.lines().len());
    assert!(text.contains("already paid"), "{text}");

    let mut payments = Vec::new();
    statement.write_payments_csv(&mut payments).unwrap();
    let text = String::from_utf8(payments).unwrap();
    assert_eq!(
        text,
        "contract,rule,period,payer,amount,currency\nfcf_contract,fcf,2015-Q1,dclg,1000.00,GBP\n"
    );
}

#[test]
fn errors_give_row_and_column() {
    let rule = rule();
    let cases: &[(&str, Option<u64>, Option<&str>)] = &[
        ("participant,outcome\n1,initial_assessment\n", Some(1), Some("date")),
        (
            "participant,outcome,date\n1,initial_assessment,2015-02-01\nx,initial_assessment,2015-02-01\n",
            Some(3),
            Some("participant"),
        ),
        ("participant,outcome,date\n1,astronaut,2015-02-01\n", Some(2), Some("outcome")),
        ("participant,outcome,date\n1,initial_assessment,2015-02-30\n", Some(2), Some("date")),
        // A date with a time is refused, not read as its date.
        (
            "participant,outcome,date\n1,initial_assessment,2020-01-01 12:00\n",
            Some(2),
            Some("date"),
        ),
        (
            "participant,outcome,date\n1,initial_assessment,2013-05-01T23:00-05:00\n",
            Some(2),
            Some("date"),
        ),
        ("participant,outcome,date\n1,initial_assessment\n", Some(2), None),
    ];
    for (sheet, row, column) in cases {
        match rule.claims_from_csv(sheet.as_bytes()) {
            Err(OutcomeError::Csv { row: r, column: c, .. }) => {
                assert_eq!((r, c.as_deref()), (*row, *column), "{sheet}");
            }
            other => panic!("{sheet}: expected a CSV error, got {other:?}"),
        }
    }
}

proptest::proptest! {
    /// Any text is read as claims or assessment responses, or rejected with
    /// an error; never a panic.
    #[test]
    fn arbitrary_sheets_never_panic(body in "[a-z0-9_,\\n \"/-]{0,200}") {
        use integration_outcomes::maturity::{Assessment, Framework};
        let rule = rule();
        let _ = rule.claims_from_csv(format!("participant,outcome,date\n{body}").as_bytes());
        let _ = rule.claims_from_csv(body.as_bytes());
        let aqua = Framework::builtin("aqua-sif-2014").unwrap();
        let date = "2026-01-15".parse().unwrap();
        let _ = Assessment::from_csv(&aqua, "P", date, "r", format!("name,organisation,leadership,Culture\n{body}").as_bytes());
        let _ = Assessment::from_csv(&aqua, "P", date, "r", body.as_bytes());
    }
}

/// A row of the wrong length is reported at its line, in words (the `csv`
/// crate's own message counted records from 0, one less than the row).
#[test]
fn a_short_row_is_reported_at_its_row_in_words() {
    let sheet = "participant,outcome,date\n1,initial_assessment\n";
    match rule().claims_from_csv(sheet.as_bytes()) {
        Err(OutcomeError::Csv { row, column, message }) => {
            assert_eq!((row, column), (Some(2), None));
            assert_eq!(message, "the row has 2 fields where the header row has 3");
        }
        other => panic!("expected a CSV error, got {other:?}"),
    }
}
