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

use rust_decimal::Decimal;

use super::{
    AgeRange, Band, BandMode, BandedMeasurement, BandedRule, BaselineMeasurement, BaselineRule,
    BidPrices, Claim, ClaimWindow, Cohort, CohortRule, CohortStatus, Comparison, Contract,
    Eligibility, Evidence, GroupThreshold, GroupThresholdRule, OutcomeIndex, Participant,
    Participants, PayerShares, Periodicity, Placement, PoolingRule, RateCard, RateCardOutcome,
    RateCardRule, RateCardTerms, Repeat, Rule, RuleEvidence, SpellLength,
};
use crate::{Currency, Date, Money, Rate, RoundingPolicy, RoundingStage, RoundingStrategy};

fn gbp(minor: i64) -> Money {
    Money::from_minor(minor, Currency::GBP)
}

/// What generated rate cards, claims and contracts contain: sizes, and how
/// often each cap, condition and rule kind appears.
///
/// The defaults exercise everything; steer them to test what your own code
/// handles, without `prop_assume!` throwing most cases away. Probabilities
/// are clamped to 0..=1 (a NaN counts as 0).
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies::{self, Params};
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// // Rate cards without volume caps, and contracts of rate cards alone.
/// let params = Params::default().volume_caps(0.0).other_rules(0.0);
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::contract_case_with(&params), |case| {
///     prop_assert_eq!(case.contract().rules().len(), 1);
///     let statement = case.contract().settle(&case.evidence()).unwrap();
///     prop_assert!(statement.withheld().iter().all(|(kind, _)| kind.to_string() != "volume cap"));
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    outcomes: usize,
    participants: u64,
    claims: usize,
    participant_cap: f64,
    volume_caps: f64,
    total_cap: f64,
    contract_cap: f64,
    eligibility: f64,
    prerequisites: f64,
    /// How often a contract has a cohort, group-threshold, baseline and
    /// banded rule, in that order.
    other_rules: [f64; 4],
}

impl Default for Params {
    /// Up to 12 outcomes, 30 participants and 150 claims; each cap, an age
    /// condition and a prerequisite each in about half the cases; each other
    /// rule kind in half the contracts.
    fn default() -> Params {
        Params {
            outcomes: 12,
            participants: 30,
            claims: 150,
            participant_cap: 0.5,
            volume_caps: 0.5,
            total_cap: 0.5,
            contract_cap: 0.5,
            eligibility: 0.25,
            prerequisites: 0.5,
            other_rules: [0.5; 4],
        }
    }
}

fn probability(p: f64) -> f64 {
    if p.is_nan() { 0.0 } else { p.clamp(0.0, 1.0) }
}

/// `true` with probability `p` (proptest's own weighting refuses 0 and 1).
fn chance(p: f64) -> BoxedStrategy<bool> {
    if p <= 0.0 {
        Just(false).boxed()
    } else if p >= 1.0 {
        Just(true).boxed()
    } else {
        proptest::bool::weighted(p).boxed()
    }
}

/// A value of `s` with probability `p`, else `None`.
fn sometimes<S>(p: f64, s: S) -> impl Strategy<Value = Option<S::Value>> + use<S>
where
    S: Strategy + 'static,
    S::Value: Clone,
{
    (chance(p), s).prop_map(|(yes, v)| yes.then_some(v))
}

impl Params {
    /// The most participants a case draws (each may be a generated
    /// participant record, when age conditions are drawn).
    pub const MAX_PARTICIPANTS: u64 = 100_000;
    /// The most claims a case draws.
    pub const MAX_CLAIMS: usize = 1_000_000;

    /// Rate cards of 1 to `n` outcomes (at most [`MAX_OUTCOMES`](super::MAX_OUTCOMES)).
    #[must_use]
    pub fn outcomes(mut self, n: usize) -> Params {
        self.outcomes = n.clamp(1, super::MAX_OUTCOMES);
        self
    }
    /// Claims by participants `0..n` (1 to [`Params::MAX_PARTICIPANTS`]).
    #[must_use]
    pub fn participants(mut self, n: u64) -> Params {
        self.participants = n.clamp(1, Params::MAX_PARTICIPANTS);
        self
    }
    /// Up to `n` claims (at most [`Params::MAX_CLAIMS`]).
    #[must_use]
    pub fn claims(mut self, n: usize) -> Params {
        self.claims = n.min(Params::MAX_CLAIMS);
        self
    }
    /// How often a rate card has a per-participant cap.
    #[must_use]
    pub fn participant_cap(mut self, p: f64) -> Params {
        self.participant_cap = probability(p);
        self
    }
    /// How often each outcome of a rate card has a volume cap.
    #[must_use]
    pub fn volume_caps(mut self, p: f64) -> Params {
        self.volume_caps = probability(p);
        self
    }
    /// How often a rule has a cap on its total (a rate card's total cap, a
    /// cohort or baseline rule's cap).
    #[must_use]
    pub fn total_cap(mut self, p: f64) -> Params {
        self.total_cap = probability(p);
        self
    }
    /// How often a contract has a contract cap.
    #[must_use]
    pub fn contract_cap(mut self, p: f64) -> Params {
        self.contract_cap = probability(p);
        self
    }
    /// How often an outcome is restricted to an age at start (participants
    /// are then generated, some unregistered).
    #[must_use]
    pub fn eligibility(mut self, p: f64) -> Params {
        self.eligibility = probability(p);
        self
    }
    /// How often an outcome needs the one before it.
    #[must_use]
    pub fn prerequisites(mut self, p: f64) -> Params {
        self.prerequisites = probability(p);
        self
    }
    /// How often a contract has each other rule kind (cohort, group
    /// threshold, baseline, banded) beside its rate card.
    #[must_use]
    pub fn other_rules(mut self, p: f64) -> Params {
        self.other_rules = [probability(p); 4];
        self
    }
    /// How often a contract has a cohort-versus-comparison rule.
    #[must_use]
    pub fn cohort_rules(mut self, p: f64) -> Params {
        self.other_rules[0] = probability(p);
        self
    }
    /// How often a contract has a group-threshold rule.
    #[must_use]
    pub fn group_threshold_rules(mut self, p: f64) -> Params {
        self.other_rules[1] = probability(p);
        self
    }
    /// How often a contract has a baseline rule.
    #[must_use]
    pub fn baseline_rules(mut self, p: f64) -> Params {
        self.other_rules[2] = probability(p);
        self
    }
    /// How often a contract has a banded rule.
    #[must_use]
    pub fn banded_rules(mut self, p: f64) -> Params {
        self.other_rules[3] = probability(p);
        self
    }
}

/// The claim window of generated rules: 2020-01-01 to 2022-12-31.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies;
/// let window = strategies::window();
/// assert_eq!(window.first().to_string(), "2020-01-01");
/// assert_eq!(window.last().to_string(), "2022-12-31");
/// ```
#[must_use]
pub fn window() -> ClaimWindow {
    ClaimWindow::spanning(jiff::civil::date(2020, 1, 1), jiff::civil::date(2022, 12, 31))
}

/// Dates from a little before to a little after [`window`] (2019-12-01 to
/// 2023-03-03).
///
/// # Example
///
/// ```
/// use integration_outcomes::Date;
/// let (first, last) = (Date::new(2019, 12, 1)?, Date::new(2023, 3, 3)?);
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::claim_date(), |date| {
///     prop_assert!(first <= date && date <= last);
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn claim_date() -> impl Strategy<Value = Date> {
    (-31_i64..=1157).prop_map(|d| {
        let first = jiff::civil::date(2020, 1, 1);
        first.checked_add(jiff::Span::new().days(d)).unwrap_or(first)
    })
}

/// A valid rate card of 1 to 12 outcomes priced £0.01 to £5,000 in whole
/// pence, each once-per-participant or repeatable, with prerequisites only
/// on earlier outcomes (so never a cycle).
///
/// # Example
///
/// ```
/// use integration_outcomes::{Currency, Money};
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::rate_card(), |card| {
///     prop_assert!((1..=12).contains(&card.len()));
///     for o in card.outcomes() {
///         let price = o.maximum_price().amount();
///         prop_assert!(price >= Money::from_minor(1, Currency::GBP).amount());
///         prop_assert!(price <= Money::from_major(5_000, Currency::GBP).amount());
///     }
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rate_card() -> impl Strategy<Value = RateCard> {
    rate_card_with(&Params::default())
}

/// A valid rate card as [`rate_card`], steered by `params`.
pub fn rate_card_with(params: &Params) -> impl Strategy<Value = RateCard> + use<> {
    let outcome = (
        1_i64..=500_000,
        any::<bool>(),
        chance(params.prerequisites),
        sometimes(params.eligibility, (10_u16..=20, 0_u16..=8)),
    );
    vec(outcome, 1..=params.outcomes).prop_filter_map("rate card construction failed", |specs| {
        let mut outcomes = Vec::with_capacity(specs.len());
        for (i, (price, repeatable, needs_previous, ages)) in specs.iter().enumerate() {
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
            if let Some((min, width)) = ages {
                o = o.with_eligibility(Eligibility::AgeAtStart(
                    AgeRange::new(*min, min + width).ok()?,
                ));
            }
            outcomes.push(o);
        }
        RateCard::new("generated_card", Currency::GBP, outcomes).ok()
    })
}

/// A valid [`RateCardRule`]: a generated [`rate_card`], bids at or below
/// each maximum, the [`window`], and optionally a per-participant cap,
/// volume caps and a total cap.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::rate_card_rule(), |rule| {
///     prop_assert_eq!(rule.terms().window(), strategies::window());
///     for o in rule.card().outcomes() {
///         let bid = rule.price(rule.card().index_of(o.id().as_str()).unwrap()).unwrap();
///         prop_assert!(bid.amount() <= o.maximum_price().amount());
///     }
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rate_card_rule() -> impl Strategy<Value = RateCardRule> {
    rate_card_rule_with(&Params::default())
}

/// A valid rate-card rule as [`rate_card_rule`], steered by `params`.
pub fn rate_card_rule_with(params: &Params) -> impl Strategy<Value = RateCardRule> + use<> {
    (
        rate_card_with(params),
        vec(1_u32..=100, params.outcomes),
        sometimes(params.participant_cap, 1_i64..=1_000_000),
        vec(sometimes(params.volume_caps, 0_u64..20), params.outcomes),
        sometimes(params.total_cap, 0_i64..=5_000_000),
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

/// Claims by up to `participants` participants (ids `0..participants`),
/// dated by [`claim_date`]; up to `max_claims` of them, in arbitrary order.
///
/// Each claim's outcome index is drawn uniformly from `0..=top`, where
/// `top` is `outcomes` clamped to between 1 and [`MAX_OUTCOMES`]. With
/// `outcomes` = `n` for a card of `n < MAX_OUTCOMES` outcomes, each claim
/// names the index `n`, one beyond the card, with probability
/// `1 / (n + 1)`, and no index further out. With `outcomes ≥ MAX_OUTCOMES`
/// the draw `MAX_OUTCOMES` is not a representable index and is dropped: no
/// claim is beyond a 64-outcome card, and fewer claims than were drawn may
/// be returned.
///
/// [`MAX_OUTCOMES`]: crate::outcomes::MAX_OUTCOMES
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::claims(10, 3, 20), |claims| {
///     prop_assert!(claims.len() <= 20);
///     for c in &claims {
///         prop_assert!(c.participant() < 10 && c.outcome().get() <= 3);
///     }
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{Detail, Participants};
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::rule_with_claims(5, 30), |(rule, claims)| {
///     prop_assert!(claims.len() <= 30);
///     let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly).unwrap();
///     prop_assert_eq!(s.claims(), claims.len() as u64);
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rule_with_claims(
    participants: u64,
    max_claims: usize,
) -> impl Strategy<Value = (RateCardRule, Vec<Claim>)> {
    rule_with_claims_with(&Params::default().participants(participants).claims(max_claims))
}

/// A rule and claims as [`rule_with_claims`], steered by `params`.
pub fn rule_with_claims_with(
    params: &Params,
) -> impl Strategy<Value = (RateCardRule, Vec<Claim>)> + use<> {
    // Claims are drawn for every outcome index the parameters allow, not
    // only those of the card drawn (the rest are refused as unknown), so
    // that rule and claims shrink independently.
    (rate_card_rule_with(params), claims(params.participants, params.outcomes, params.claims))
}

/// A measured cohort of 1 to 5,000 people with 0 to three events per person
/// on average, against a comparison group (1 to 10,000 people) or a rate
/// per 100, measured in 2014–2017.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::cohort(3), |cohort| {
///     prop_assert_eq!(cohort.id().as_str(), "cohort_3");
///     prop_assert!((1..=5_000).contains(&cohort.size()));
///     prop_assert!(cohort.events() <= 3 * cohort.size());
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cohort(id: usize) -> impl Strategy<Value = Cohort> {
    (
        1_u64..=5_000,
        0_u64..=300,
        prop_oneof![
            (0_u64..=30_000, 1_u64..=10_000).prop_map(|(e, n)| Comparison::group(e, n)),
            (0_i64..=30_000).prop_map(|e| Comparison::rate(Decimal::new(e, 2), 100)),
        ],
        0_i64..1_460,
    )
        .prop_filter_map(
            "cohort construction failed",
            move |(size, per_100, comparison, day)| {
                let events = size.checked_mul(per_100)? / 100;
                let date =
                    jiff::civil::date(2014, 1, 1).checked_add(jiff::Span::new().days(day)).ok()?;
                Cohort::new(format!("cohort_{id}"), size, events, comparison.ok()?, date).ok()
            },
        )
}

/// One to four cohorts with distinct ids; each is measured, or (rarely)
/// pending or cancelled.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::cohorts(), |cohorts| {
///     prop_assert!((1..=4).contains(&cohorts.len()));
///     let ids: std::collections::HashSet<_> = cohorts.iter().map(|c| c.id().clone()).collect();
///     prop_assert_eq!(ids.len(), cohorts.len());
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cohorts() -> impl Strategy<Value = Vec<Cohort>> {
    let status = prop_oneof![
        8 => Just(CohortStatus::Measured),
        1 => Just(CohortStatus::Pending),
        1 => Just(CohortStatus::Cancelled),
    ];
    // One strategy per place, so that shrinking can drop cohorts from the
    // end without redrawing the others.
    (
        (cohort(0), status.clone()),
        proptest::option::of((cohort(1), status.clone())),
        proptest::option::of((cohort(2), status.clone())),
        proptest::option::of((cohort(3), status)),
    )
        .prop_map(|(first, b, c, d)| {
            std::iter::once(first)
                .chain(b)
                .chain(c)
                .chain(d)
                .map(|(cohort, status)| cohort.with_status(status))
                .collect()
        })
}

/// A reduction threshold of 0% to 30% in steps of 0.1%.
///
/// # Example
///
/// ```
/// use integration_outcomes::Rate;
/// let thirty: Rate = "30%".parse()?;
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::threshold(), |rate| {
///     prop_assert!(!rate.is_negative() && rate <= thirty);
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn threshold() -> impl Strategy<Value = Rate> {
    (0_i64..=300).prop_map(|tenths| Rate::from_fraction(Decimal::new(tenths, 3)))
}

/// A cohort rule: per-cohort and fallback triggers, either pooling rule, a
/// price of £0.01 to £5,000 per event avoided, and sometimes a cap.
///
/// # Example
///
/// ```
/// use integration_outcomes::{Currency, Money};
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::cohort_rule(), |rule| {
///     prop_assert!(rule.fallback_trigger() <= rule.cohort_trigger());
///     let price = rule.price_per_event().amount();
///     prop_assert!(price >= Money::from_minor(1, Currency::GBP).amount());
///     prop_assert!(price <= Money::from_major(5_000, Currency::GBP).amount());
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cohort_rule() -> impl Strategy<Value = CohortRule> {
    (
        threshold(),
        threshold(),
        prop_oneof![Just(PoolingRule::PooledEvents), Just(PoolingRule::MeanOfCohortReductions)],
        1_i64..=500_000,
        proptest::option::of(0_i64..=100_000_000),
    )
        .prop_filter_map("cohort rule construction failed", |(a, b, pooling, price, cap)| {
            let rule = CohortRule::new("cohorts", a.max(b), a.min(b), pooling, gbp(price)).ok()?;
            match cap {
                Some(cap) => rule.with_cap(gbp(cap)).ok(),
                None => Some(rule),
            }
        })
}

/// A group-threshold rule over 2014–2016 with a nine-month spell and a
/// threshold of 1 to 30 participants or 1% to 50% of the cohort.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::SpellLength;
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::group_threshold_rule(), |rule| {
///     prop_assert_eq!(rule.spell(), SpellLength::Months(9));
///     prop_assert_eq!(rule.term().first().year(), 2014);
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn group_threshold_rule() -> impl Strategy<Value = GroupThresholdRule> {
    (
        prop_oneof![
            (1_u64..=30).prop_map(GroupThreshold::AtLeast),
            (1_i64..=50).prop_map(|p| GroupThreshold::ShareOfCohort(Rate::from_fraction(
                Decimal::new(p, 2)
            )))
        ],
        0_i64..=50_000_000,
    )
        .prop_filter_map("group rule construction failed", |(threshold, payment)| {
            let term =
                ClaimWindow::new(jiff::civil::date(2014, 1, 1), jiff::civil::date(2016, 12, 31))
                    .ok()?;
            GroupThresholdRule::new("group", gbp(payment), threshold, SpellLength::Months(9), term)
                .ok()
        })
}

/// Up to 59 placements of participants 0..60 starting in 2013–2016, some
/// ended.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::placements(), |placements| {
///     prop_assert!(placements.len() < 60);
///     for p in &placements {
///         prop_assert!(p.participant() < 60);
///         prop_assert!((2013..=2016).contains(&p.start().year()));
///     }
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn placements() -> impl Strategy<Value = Vec<Placement>> {
    vec((0_u64..60, 0_i64..1_460, proptest::option::of(0_i64..500)), 0..60).prop_map(|raw| {
        raw.into_iter()
            .filter_map(|(p, start, length)| {
                let start = jiff::civil::date(2013, 1, 1)
                    .checked_add(jiff::Span::new().days(start))
                    .ok()?;
                let end = match length {
                    Some(l) => Some(start.checked_add(jiff::Span::new().days(l)).ok()?),
                    None => None,
                };
                Placement::new(p, start, end).ok()
            })
            .collect()
    })
}

/// A baseline rule: baseline 0% to 100%, £0.01 to £500 per unit, sometimes capped.
///
/// # Example
///
/// ```
/// use integration_outcomes::Rate;
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::baseline_rule(), |rule| {
///     prop_assert!(!rule.baseline().is_negative() && rule.baseline() <= Rate::ONE);
///     prop_assert!(!rule.price_per_unit().is_zero());
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn baseline_rule() -> impl Strategy<Value = BaselineRule> {
    (0_i64..=100, 1_i64..=50_000, proptest::option::of(0_i64..=100_000_000)).prop_filter_map(
        "baseline rule construction failed",
        |(pct, price, cap)| {
            let rule = BaselineRule::new(
                "baseline",
                Rate::from_fraction(Decimal::new(pct, 2)),
                gbp(price),
            )
            .ok()?;
            match cap {
                Some(cap) => rule.with_cap(gbp(cap)).ok(),
                None => Some(rule),
            }
        },
    )
}

/// Up to five baseline measurements in 2014–2018, on distinct dates.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::baseline_measurements(), |measurements| {
///     prop_assert!(measurements.len() < 6);
///     // In date order, no date twice.
///     prop_assert!(measurements.windows(2).all(|w| w[0].measured_on() < w[1].measured_on()));
///     prop_assert!(measurements.iter().all(|m| m.actual_units() <= m.total_units()));
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn baseline_measurements() -> impl Strategy<Value = Vec<BaselineMeasurement>> {
    vec((0_i64..1_800, 0_u64..=100_000, 0_u64..=100), 0..6)
        .prop_map(|raw| {
            raw.into_iter()
                .filter_map(|(day, total, pct)| {
                    let date = jiff::civil::date(2014, 1, 1)
                        .checked_add(jiff::Span::new().days(day))
                        .ok()?;
                    BaselineMeasurement::new(date, total, total * pct / 100).ok()
                })
                .collect::<Vec<_>>()
        })
        .prop_map(one_per_date(BaselineMeasurement::measured_on))
}

/// Keeps the first measurement of each date (a contract refuses two on one
/// date), in date order.
fn one_per_date<M>(date: fn(&M) -> Date) -> impl Fn(Vec<M>) -> Vec<M> {
    move |mut measurements| {
        measurements.sort_by_key(date);
        measurements.dedup_by_key(|m| date(m));
        measurements
    }
}

/// A banded schedule of 1 to 8 bands (strictly increasing thresholds,
/// non-decreasing amounts), stepped or interpolated, with a maximum.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::banded_rule(), |rule| {
///     prop_assert!((1..=8).contains(&rule.bands().len()));
///     prop_assert!(rule.bands().windows(2).all(|w| w[0].threshold() < w[1].threshold()));
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn banded_rule() -> impl Strategy<Value = BandedRule> {
    (
        vec((1_i64..=40, 0_i64..=2_000_000), 1..=8),
        prop_oneof![Just(BandMode::Stepped), Just(BandMode::Interpolated)],
        0_i64..=20_000_000,
    )
        .prop_filter_map("banded rule construction failed", |(steps, mode, maximum)| {
            let mut threshold = 0_i64;
            let mut amount = 0_i64;
            let mut bands = Vec::with_capacity(steps.len());
            for (dt, da) in steps {
                threshold += dt;
                amount += da;
                bands.push(Band::new(Rate::from_fraction(Decimal::new(threshold, 3)), gbp(amount)));
            }
            BandedRule::new("banded", bands, mode, gbp(maximum)).ok()
        })
}

/// Up to three banded measurements on distinct dates: reductions from −10%
/// to 40%.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::banded_measurements(), |measurements| {
///     prop_assert!(measurements.len() < 4);
///     prop_assert!(measurements.windows(2).all(|w| w[0].measured_on() < w[1].measured_on()));
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn banded_measurements() -> impl Strategy<Value = Vec<BandedMeasurement>> {
    vec((0_i64..1_460, -100_i64..=400), 0..4)
        .prop_map(|raw| {
            raw.into_iter()
                .filter_map(|(day, tenths)| {
                    let measured_on = jiff::civil::date(2014, 1, 1)
                        .checked_add(jiff::Span::new().days(day))
                        .ok()?;
                    Some(BandedMeasurement::Reduction {
                        measured_on,
                        reduction: Rate::from_fraction(Decimal::new(tenths, 3)),
                    })
                })
                .collect::<Vec<_>>()
        })
        .prop_map(one_per_date(BandedMeasurement::measured_on))
}

/// Payers: one to three, with whole-percent shares summing to 100%.
///
/// # Example
///
/// ```
/// use integration_outcomes::{Currency, Money};
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::payer_shares(), |payers| {
///     prop_assert!((1..=3).contains(&payers.shares().len()));
///     let parts = payers.split(Money::from_major(100, Currency::GBP)).unwrap();
///     prop_assert_eq!(Money::sum(Currency::GBP, parts.iter().map(|(_, m)| *m)).unwrap(), Money::from_major(100, Currency::GBP));
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn payer_shares() -> impl Strategy<Value = PayerShares> {
    (1_u32..=98, 1_u32..=98, 1_usize..=3).prop_filter_map("payer shares", |(a, b, n)| {
        let (a, b) = (a.min(b), a.max(b));
        let cuts: Vec<u32> = match n {
            1 => vec![100],
            2 => vec![a, 100 - a],
            _ if b > a => vec![a, b - a, 100 - b],
            _ => vec![a, 100 - a],
        };
        let shares = cuts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                Some((
                    format!("payer_{i}").parse().ok()?,
                    Rate::from_fraction(Decimal::new(i64::from(*p), 2)),
                ))
            })
            .collect::<Option<Vec<_>>>()?;
        PayerShares::new(shares).ok()
    })
}

/// A rounding policy to pence or whole pounds, any of three strategies,
/// per line or per total.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// runner.run(&strategies::rounding(), |policy| {
///     prop_assert!(policy.decimal_places() == 0 || policy.decimal_places() == 2);
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rounding() -> impl Strategy<Value = RoundingPolicy> {
    (
        prop_oneof![Just(2_u32), Just(0_u32)],
        prop_oneof![
            Just(RoundingStrategy::MidpointAwayFromZero),
            Just(RoundingStrategy::MidpointNearestEven),
            Just(RoundingStrategy::TowardZero)
        ],
        prop_oneof![Just(RoundingStage::PerLine), Just(RoundingStage::PerTotal)],
    )
        .prop_filter_map("rounding policy", |(dp, strategy, stage)| {
            RoundingPolicy::new(dp, strategy, stage).ok()
        })
}

/// A generated contract with the evidence to settle it (owned, so that it
/// can be stored; [`evidence`](ContractCase::evidence) borrows it).
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies::{self, ContractCase};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let case: ContractCase = strategies::contract_case().new_tree(&mut TestRunner::deterministic()).map_err(|e| e.to_string())?.current();
/// let statement = case.contract().settle(&case.evidence())?;
/// assert!(!statement.total().is_negative());
/// // Settling the same case again gives the same statement.
/// assert_eq!(case.contract().settle(&case.evidence())?, statement);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct ContractCase {
    contract: Contract,
    /// The same contract without its contract cap.
    uncapped: Contract,
    claims: Vec<Claim>,
    participants: Participants,
    cohorts: Vec<Cohort>,
    placements: Vec<Placement>,
    cohort_size: u64,
    baseline: Vec<BaselineMeasurement>,
    banded: Vec<BandedMeasurement>,
}

/// The contract and its evidence (not the uncapped copy kept for
/// [`ContractCase::without_contract_cap`]).
impl std::fmt::Debug for ContractCase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ContractCase")
            .field("contract", &self.contract)
            .field("claims", &self.claims)
            .field("participants", &self.participants)
            .field("cohorts", &self.cohorts)
            .field("placements", &self.placements)
            .field("cohort_size", &self.cohort_size)
            .field("baseline", &self.baseline)
            .field("banded", &self.banded)
            .finish_non_exhaustive()
    }
}

impl ContractCase {
    /// The contract.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::strategies;
    /// use proptest::strategy::{Strategy, ValueTree};
    /// use proptest::test_runner::TestRunner;
    ///
    /// let case = strategies::contract_case().new_tree(&mut TestRunner::deterministic()).map_err(|e| e.to_string())?.current();
    /// assert_eq!(case.contract().id().as_str(), "generated_contract");
    /// assert!(!case.contract().rules().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn contract(&self) -> &Contract {
        &self.contract
    }

    /// The rate-card claims.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::strategies;
    /// use proptest::strategy::{Strategy, ValueTree};
    /// use proptest::test_runner::TestRunner;
    ///
    /// let case = strategies::contract_case().new_tree(&mut TestRunner::deterministic()).map_err(|e| e.to_string())?.current();
    /// assert!(case.claims().len() <= 150);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn claims(&self) -> &[Claim] {
        &self.claims
    }

    /// The cohorts.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::strategies;
    /// use proptest::strategy::{Strategy, ValueTree};
    /// use proptest::test_runner::TestRunner;
    ///
    /// let case = strategies::contract_case().new_tree(&mut TestRunner::deterministic()).map_err(|e| e.to_string())?.current();
    /// assert!(case.cohorts().len() <= 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cohorts(&self) -> &[Cohort] {
        &self.cohorts
    }

    /// The participants the rate card's eligibility is checked against.
    #[must_use]
    pub fn participants(&self) -> &Participants {
        &self.participants
    }

    /// The baseline rule's measurements (empty without one).
    #[must_use]
    pub fn baseline(&self) -> &[BaselineMeasurement] {
        &self.baseline
    }

    /// The case with other baseline measurements.
    #[must_use]
    pub fn with_baseline(mut self, baseline: Vec<BaselineMeasurement>) -> ContractCase {
        self.baseline = baseline;
        self
    }

    /// The banded rule's measurements (empty without one).
    #[must_use]
    pub fn banded(&self) -> &[BandedMeasurement] {
        &self.banded
    }

    /// The case with other banded measurements.
    #[must_use]
    pub fn with_banded(mut self, banded: Vec<BandedMeasurement>) -> ContractCase {
        self.banded = banded;
        self
    }

    /// The case with the same contract but no contract cap.
    #[must_use]
    pub fn without_contract_cap(mut self) -> ContractCase {
        self.contract = self.uncapped.clone();
        self
    }

    /// The same case with other claims (reordered, say).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::strategies;
    /// use proptest::strategy::{Strategy, ValueTree};
    /// use proptest::test_runner::TestRunner;
    ///
    /// let case = strategies::contract_case().new_tree(&mut TestRunner::deterministic()).map_err(|e| e.to_string())?.current();
    /// let mut reversed = case.claims().to_vec();
    /// reversed.reverse();
    /// let before = case.contract().settle(&case.evidence())?;
    /// let case = case.with_claims(reversed);
    /// assert_eq!(case.contract().settle(&case.evidence())?, before); // claim order does not matter
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_claims(mut self, claims: Vec<Claim>) -> ContractCase {
        self.claims = claims;
        self
    }

    /// The same case with other cohorts (scaled, say).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::strategies;
    /// use proptest::strategy::{Strategy, ValueTree};
    /// use proptest::test_runner::TestRunner;
    ///
    /// let case = strategies::contract_case().new_tree(&mut TestRunner::deterministic()).map_err(|e| e.to_string())?.current();
    /// let case = case.with_cohorts(Vec::new());
    /// assert!(case.cohorts().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_cohorts(mut self, cohorts: Vec<Cohort>) -> ContractCase {
        self.cohorts = cohorts;
        self
    }

    /// Evidence for every rule of the contract.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::strategies;
    /// use proptest::strategy::{Strategy, ValueTree};
    /// use proptest::test_runner::TestRunner;
    ///
    /// let case = strategies::contract_case().new_tree(&mut TestRunner::deterministic()).map_err(|e| e.to_string())?.current();
    /// let evidence = case.evidence();
    /// assert_eq!(evidence.len(), case.contract().rules().len());
    /// assert!(case.contract().settle(&evidence).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn evidence(&self) -> Evidence<'_> {
        let mut e = Evidence::new();
        for rule in self.contract.rules() {
            let id = rule.id().to_string();
            e = match rule {
                Rule::RateCard(_) => e.with(
                    id,
                    RuleEvidence::Claims { claims: &self.claims, participants: &self.participants },
                ),
                Rule::GroupThreshold(_) => e.with(
                    id,
                    RuleEvidence::Placements {
                        placements: &self.placements,
                        cohort_size: self.cohort_size,
                    },
                ),
                Rule::Cohort(_) => e.with(id, RuleEvidence::Cohorts(&self.cohorts)),
                Rule::Baseline(_) => e.with(id, RuleEvidence::Baseline(&self.baseline)),
                Rule::Banded(_) => e.with(id, RuleEvidence::Banded(&self.banded)),
            };
        }
        e
    }
}

/// A valid contract in GBP with a rate-card rule and, each with probability
/// one half, a cohort, group-threshold, baseline and banded rule; random
/// payers, rounding, periodicity and (sometimes) a contract cap; and the
/// evidence to settle it.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::strategies;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::new_with_rng(
///     ProptestConfig::with_cases(16),
///     proptest::test_runner::TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
/// );
/// runner.run(&strategies::contract_case(), |case| {
///     let statement = case.contract().settle(&case.evidence()).unwrap();
///     prop_assert!(!statement.total().is_negative());
///     if let Some(cap) = case.contract().cap() {
///         prop_assert!(statement.total().amount() <= cap.amount());
///     }
///     Ok(())
/// })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn contract_case() -> impl Strategy<Value = ContractCase> {
    contract_case_with(&Params::default())
}

/// Participants `0..n` (at most [`Params::MAX_PARTICIPANTS`]), about one in
/// five unregistered, aged 10 to 30 at the start of the claim window.
pub fn participants(n: u64) -> impl Strategy<Value = Participants> {
    let n = usize::try_from(n.min(Params::MAX_PARTICIPANTS)).unwrap_or(0);
    vec(sometimes(0.8, 10_i16..=30), n).prop_filter_map(
        "participants construction failed",
        |ages| {
            let start = window().first();
            let people = (0_u64..)
                .zip(ages)
                .filter_map(|(id, age)| {
                    let born = Date::new(start.year().checked_sub(age?)?, 6, 1).ok()?;
                    Participant::new(id, born, start).ok()
                })
                .collect();
            Participants::new(people).ok()
        },
    )
}

/// A contract case as [`contract_case`], steered by `params`.
pub fn contract_case_with(params: &Params) -> impl Strategy<Value = ContractCase> + use<> {
    let [cohort, group, baseline, banded] = params.other_rules;
    let people = if params.eligibility > 0.0 {
        participants(params.participants).boxed()
    } else {
        Just(Participants::none()).boxed()
    };
    (
        (rule_with_claims_with(params), people),
        sometimes(cohort, (cohort_rule(), cohorts())),
        sometimes(group, (group_threshold_rule(), placements(), 60_u64..=200)),
        sometimes(baseline, (baseline_rule(), baseline_measurements())),
        sometimes(banded, (banded_rule(), banded_measurements())),
        (
            payer_shares(),
            rounding(),
            sometimes(params.contract_cap, 0_i64..=100_000_000),
            prop_oneof![
                Just(Periodicity::Monthly),
                Just(Periodicity::Quarterly),
                Just(Periodicity::Annual)
            ],
        ),
    )
        .prop_filter_map(
            "contract construction failed",
            |(rc, cohort, group, baseline, banded, (payers, rounding, cap, periodicity))| {
                let ((rate_card, claims), participants) = rc;
                // Generated rate cards are priced in pence: keep pence rounding.
                let rounding =
                    RoundingPolicy::new(2, rounding.strategy(), rounding.stage()).ok()?;
                let mut rules: Vec<Rule> = vec![rate_card.into()];
                let (mut cohorts, mut placements, mut cohort_size, mut baseline_m, mut banded_m) =
                    (Vec::new(), Vec::new(), 0, Vec::new(), Vec::new());
                if let Some((rule, generated)) = cohort {
                    rules.push(rule.into());
                    cohorts = generated;
                }
                if let Some((rule, generated, size)) = group {
                    rules.push(rule.into());
                    placements = generated;
                    cohort_size = size;
                }
                if let Some((rule, generated)) = baseline {
                    rules.push(rule.into());
                    baseline_m = generated;
                }
                if let Some((rule, generated)) = banded {
                    rules.push(rule.into());
                    banded_m = generated;
                }
                let uncapped =
                    Contract::new("generated_contract", Currency::GBP, rounding, payers, rules)
                        .ok()?
                        .with_periodicity(periodicity);
                let contract = match cap {
                    Some(cap) => uncapped.clone().with_cap(gbp(cap)).ok()?,
                    None => uncapped.clone(),
                };
                Some(ContractCase {
                    contract,
                    uncapped,
                    claims,
                    participants,
                    cohorts,
                    placements,
                    cohort_size,
                    baseline: baseline_m,
                    banded: banded_m,
                })
            },
        )
}
