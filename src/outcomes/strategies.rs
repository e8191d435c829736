//! [proptest](mod@proptest) strategies generating valid rate cards, rules, claims,
//! participants, cohorts and contracts, so that downstream crates can
//! property-test their own payment logic against this crate.
//!
//! Enabled by the `proptest` feature:
//!
//! ```toml
//! [dev-dependencies]
//! integration-outcomes = { version = "0.1", features = ["proptest"] }
//! ```
//!
//! Every generated value went through the public validating constructors,
//! so it is valid by construction. Amounts are in GBP; dates fall in
//! 2020–2022 with a few claims just outside the claim window so that
//! rejections are exercised.
//!
//! # Example
//!
//! ```
//! use integration_outcomes::outcomes::strategies;
//! use integration_outcomes::outcomes::{Detail, Participants};
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//!
//! let mut runner = TestRunner::deterministic();
//! runner.run(&strategies::rule_with_claims(50, 200), |(rule, claims)| {
//!     let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly).unwrap();
//!     prop_assert!(!s.total().is_negative());
//!     Ok(())
//! })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use proptest::collection::vec;
use proptest::prelude::*;

use super::{
    BidPrices, Claim, ClaimWindow, OutcomeIndex, RateCard, RateCardOutcome, RateCardRule,
    RateCardTerms, Repeat,
};
use crate::{Currency, Date, Money};

/// The claim window of generated rules: 2020-01-01 to 2022-12-31.
#[must_use]
pub fn window() -> ClaimWindow {
    ClaimWindow::spanning(jiff::civil::date(2020, 1, 1), jiff::civil::date(2022, 12, 31))
}

/// Dates from a little before to a little after [`window`] (2019-12-01 to
/// 2023-01-31).
pub fn claim_date() -> impl Strategy<Value = Date> {
    (-31_i64..=1157).prop_map(|d| {
        let first = jiff::civil::date(2020, 1, 1);
        first.checked_add(jiff::Span::new().days(d)).unwrap_or(first)
    })
}

/// A valid rate card of 1 to 12 outcomes priced £1 to £5,000 in whole
/// pence, each once-per-participant or repeatable, with prerequisites only
/// on earlier outcomes (so never a cycle).
pub fn rate_card() -> impl Strategy<Value = RateCard> {
    vec((1_i64..=500_000, any::<bool>(), any::<bool>()), 1..=12).prop_filter_map(
        "rate card construction failed",
        |specs| {
            let mut outcomes = Vec::with_capacity(specs.len());
            for (i, (price, repeatable, needs_previous)) in specs.iter().enumerate() {
                let mut o = RateCardOutcome::new(
                    format!("outcome_{i}"),
                    format!("generated outcome {i}"),
                    Money::from_minor(*price, Currency::GBP),
                )
                .ok()?;
                if *repeatable {
                    o = o.with_repeat(Repeat::Repeatable);
                }
                if *needs_previous && i > 0 {
                    o = o.with_prerequisite(format!("outcome_{}", i - 1).parse().ok()?);
                }
                outcomes.push(o);
            }
            RateCard::new("generated_card", Currency::GBP, outcomes).ok()
        },
    )
}

/// A valid [`RateCardRule`]: a generated [`rate_card`], bids at or below
/// each maximum, the [`window`], and optionally a per-participant cap,
/// volume caps and a total cap.
pub fn rate_card_rule() -> impl Strategy<Value = RateCardRule> {
    (
        rate_card(),
        vec(1_u32..=100, 12),
        proptest::option::of(1_i64..=1_000_000),
        vec(proptest::option::of(0_u64..20), 12),
        proptest::option::of(0_i64..=5_000_000),
    )
        .prop_map(|(card, bid_percent, participant_cap, volume, total_cap)| {
            let bids = card
                .outcomes()
                .iter()
                .zip(&bid_percent)
                .map(|(o, pct)| {
                    let max = o.maximum_price().to_minor_units().unwrap_or(1);
                    let bid = (max * i64::from(*pct) / 100).max(1);
                    (o.id().clone(), Money::from_minor(bid, Currency::GBP))
                })
                .collect();
            let mut terms = RateCardTerms::new(window()).with_bids(BidPrices::Listed(bids));
            if let Some(cap) = participant_cap {
                terms = terms.with_participant_cap(Money::from_minor(cap, Currency::GBP));
            }
            for (o, v) in card.outcomes().iter().zip(&volume) {
                if let Some(v) = v {
                    terms = terms.with_volume_cap(o.id().clone(), *v);
                }
            }
            if let Some(cap) = total_cap {
                terms = terms.with_total_cap(Money::from_minor(cap, Currency::GBP));
            }
            RateCardRule::new("generated_rule", card, terms)
        })
        .prop_filter_map("rule construction failed", Result::ok)
}

/// Claims by up to `participants` participants (ids `0..participants`) for
/// outcomes `0..outcomes` plus, rarely, an index beyond the card, dated by
/// [`claim_date`]; up to `max_claims` of them, in arbitrary order.
pub fn claims(
    participants: u64,
    outcomes: usize,
    max_claims: usize,
) -> impl Strategy<Value = Vec<Claim>> {
    let top = outcomes.clamp(1, super::MAX_OUTCOMES);
    vec((0..participants.max(1), 0..=top, claim_date()), 0..=max_claims).prop_map(move |raw| {
        raw.into_iter()
            .filter_map(|(p, o, d)| OutcomeIndex::new(o).map(|i| Claim::new(p, i, d)))
            .collect()
    })
}

/// A [`rate_card_rule`] with [`claims`] against it.
pub fn rule_with_claims(
    participants: u64,
    max_claims: usize,
) -> impl Strategy<Value = (RateCardRule, Vec<Claim>)> {
    rate_card_rule().prop_flat_map(move |rule| {
        let n = rule.card().len();
        (Just(rule), claims(participants, n, max_claims))
    })
}
