//! Parallel settlement (feature `rayon`) gives exactly the single-pass result.

#![cfg(feature = "rayon")]

use integration_outcomes::outcomes::{Detail, Participants, strategies};
use proptest::prelude::*;

proptest! {
    /// In any order, and sorted by participant (where shards are settled
    /// without a copy and must find out themselves that they are in order).
    #[test]
    fn parallel_settlement_equals_single_pass((rule, claims) in strategies::rule_with_claims(60, 400)) {
        let people = Participants::none();
        let mut sorted = claims.clone();
        sorted.sort_by_key(|c| c.participant());
        for claims in [&claims, &sorted] {
            for detail in [Detail::TotalsOnly, Detail::Audit] {
                let single = rule.settle(claims, &people, detail).unwrap();
                let parallel = rule.settle_parallel(claims, &people, detail).unwrap();
                prop_assert_eq!(parallel, single);
            }
        }
    }
}
