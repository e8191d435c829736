//! The crate used from the outside, as a downstream crate property-tests
//! its own code: a ledger that books a statement's payments by payer and
//! period must agree with the statement, for every contract the crate can
//! settle. Only the public API and `outcomes::strategies` are used.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use integration_outcomes::outcomes::strategies::{self, Params};
use integration_outcomes::{Money, Statement};
use proptest::prelude::*;

/// The downstream code under test: amounts booked per (payer, period), in
/// pence.
fn book(statement: &Statement) -> BTreeMap<(String, String), i64> {
    let mut ledger = BTreeMap::new();
    for p in statement.payments() {
        let key = (p.payer().to_string(), p.period().to_string());
        *ledger.entry(key).or_insert(0) += p.amount().to_minor_units().unwrap();
    }
    ledger
}

fn pence(m: Money) -> i64 {
    m.to_minor_units().unwrap()
}

proptest! {
    /// Every contract the default strategies draw books to the penny.
    #[test]
    fn the_ledger_agrees_with_the_statement(case in strategies::contract_case()) {
        let statement = case.contract().settle(&case.evidence()).unwrap();
        let ledger = book(&statement);
        let booked: i64 = ledger.values().sum();
        prop_assert_eq!(booked, pence(statement.total()));
        for (payer, total) in statement.totals_by_payer() {
            let mine: i64 = ledger.iter().filter(|((p, _), _)| p == payer.as_str()).map(|(_, v)| v).sum();
            prop_assert_eq!(mine, pence(*total));
        }
    }

    /// Steered: contracts whose rate cards have no volume caps and always a
    /// contract cap, with age conditions; the ledger never books more than
    /// the cap.
    #[test]
    fn the_ledger_respects_the_contract_cap(
        case in strategies::contract_case_with(&Params::default().volume_caps(0.0).contract_cap(1.0).eligibility(0.5)),
    ) {
        let statement = case.contract().settle(&case.evidence()).unwrap();
        let cap = case.contract().cap().unwrap();
        prop_assert!(book(&statement).values().sum::<i64>() <= pence(cap));
    }
}
