//! Parallel settlement (feature `rayon`) gives exactly the single-pass result.

#![cfg(feature = "rayon")]

use integration_outcomes::outcomes::{Detail, Participants, strategies};
use proptest::prelude::*;

proptest! {
    #[test]
    fn parallel_settlement_equals_single_pass((rule, claims) in strategies::rule_with_claims(60, 400)) {
        let people = Participants::none();
        for detail in [Detail::TotalsOnly, Detail::Audit] {
            let single = rule.settle(&claims, &people, detail).unwrap();
            let parallel = rule.settle_parallel(&claims, &people, detail).unwrap();
            prop_assert_eq!(parallel, single);
        }
    }
}
