//! The composition laws of settlement, over generated contracts that combine
//! every rule kind, every cap, every rounding strategy and stage, and up to
//! three payers (the crate's own `outcomes::strategies`):
//!
//! - *monotone*: more claims, or a better cohort, baseline or banded result,
//!   never lowers the statement total nor any payer's total (where a shared
//!   contract cap does not move money between payers);
//! - *caps are exact*: no total exceeds its cap, and a binding cap is paid
//!   exactly (the contract cap: `min(cap, what the contract pays without
//!   it)`);
//! - *a refused claim consumes nothing*: claims refused for being outside
//!   the window or for an outcome not on the card change nothing;
//! - *order and sharding never matter*;
//! - *splits are exact*.
//!
//! Each law has a worked example with numbers among the deterministic tests
//! (`tests/contract.rs`, `tests/rate_card.rs`). Cases: proptest's default
//! (256), or `PROPTEST_CASES`.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use integration_outcomes::outcomes::strategies::{self, ContractCase, Params};
use integration_outcomes::outcomes::{
    BandedMeasurement, BaselineMeasurement, Claim, Cohort, Detail, OutcomeIndex, Rule, Statement,
};
use integration_outcomes::{Money, Rate};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn settle(case: &ContractCase) -> Statement {
    case.contract().settle(&case.evidence()).unwrap()
}

/// Whether every payer's total must be monotone too. Payers are given
/// their shares of the running total of the rules they pay, so a payer's
/// total grows with that total; only a contract cap shared by rules with
/// different payers can move money from one set of payers to another.
fn payer_totals_are_monotone(case: &ContractCase) -> bool {
    let c = case.contract();
    c.cap().is_none() || c.rules().iter().all(|r| c.payers_of(r.id()) == c.payers())
}

/// A volume cap on claim counts together with a per-participant cap is a
/// term that can pay less for more claims: an earlier claim admitted by the
/// volume cap can pay less under its participant's cap than the later claim
/// it displaces. The claim laws therefore draw rate cards with one of the
/// two (and the worked example is in `tests/rate_card.rs`).
fn with_volume_caps() -> Params {
    Params::default().participant_cap(0.0).volume_caps(0.5)
}

fn with_participant_caps() -> Params {
    Params::default().volume_caps(0.0).participant_cap(0.7).eligibility(0.5)
}

fn assert_not_lower(
    before: &Statement,
    after: &Statement,
    payers: bool,
) -> Result<(), TestCaseError> {
    prop_assert!(
        after.total().amount() >= before.total().amount(),
        "{} < {}",
        after.total(),
        before.total()
    );
    if payers {
        for ((p, a), (q, b)) in before.totals_by_payer().iter().zip(after.totals_by_payer()) {
            prop_assert_eq!(p, q);
            prop_assert!(b.amount() >= a.amount(), "payer {}: {} < {}", p, b, a);
        }
    }
    Ok(())
}

/// The claim law for one case: the same contract and evidence with `extra`
/// claims added pays no less, in total and (where that holds) per payer.
fn more_claims_never_pay_less(case: &ContractCase, extra: Vec<Claim>) -> Result<(), TestCaseError> {
    let before = settle(case);
    let mut claims = case.claims().to_vec();
    claims.extend(extra);
    let more = case.clone().with_claims(claims);
    assert_not_lower(&before, &settle(&more), payer_totals_are_monotone(case))
}

fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let j = usize::try_from((seed >> 33) % (i as u64 + 1)).unwrap();
        items.swap(i, j);
    }
}

proptest! {
    /// More claims never lower the total, under volume caps.
    #[test]
    fn more_claims_never_pay_less_under_volume_caps(
        case in strategies::contract_case_with(&with_volume_caps()),
        extra in strategies::claims(30, 12, 20),
    ) {
        more_claims_never_pay_less(&case, extra)?;
    }

    /// More claims never lower the total, under participant caps and age
    /// conditions.
    #[test]
    fn more_claims_never_pay_less_under_participant_caps(
        case in strategies::contract_case_with(&with_participant_caps()),
        extra in strategies::claims(30, 12, 20),
    ) {
        more_claims_never_pay_less(&case, extra)?;
    }

    /// Fewer events in a cohort, fewer units used against a baseline, or a
    /// larger reduction against a banded schedule never lowers the total
    /// (nor any payer's total).
    #[test]
    fn better_results_never_pay_less(
        case in strategies::contract_case_with(
            &Params::default().cohort_rules(1.0).baseline_rules(1.0).banded_rules(1.0),
        ),
        which in any::<prop::sample::Index>(),
        fewer in 1_u64..500,
        more in 1_i64..200,
    ) {
        let before = settle(&case);
        let payers = payer_totals_are_monotone(&case);
        if !case.cohorts().is_empty() {
            let k = which.index(case.cohorts().len());
            let mut cohorts = case.cohorts().to_vec();
            let c = &cohorts[k];
            let better = Cohort::new(c.id().as_str(), c.size(), c.events().saturating_sub(fewer), c.comparison(), c.measured_on())
                .unwrap()
                .with_status(c.status());
            cohorts[k] = better;
            assert_not_lower(&before, &settle(&case.clone().with_cohorts(cohorts)), payers)?;
        }
        if !case.baseline().is_empty() {
            let k = which.index(case.baseline().len());
            let mut baseline = case.baseline().to_vec();
            let m = &baseline[k];
            baseline[k] = BaselineMeasurement::new(m.measured_on(), m.total_units(), m.actual_units().saturating_sub(fewer)).unwrap();
            assert_not_lower(&before, &settle(&case.clone().with_baseline(baseline)), payers)?;
        }
        if !case.banded().is_empty() {
            let k = which.index(case.banded().len());
            let mut banded = case.banded().to_vec();
            if let BandedMeasurement::Reduction { measured_on, reduction } = banded[k] {
                let larger = Rate::from_fraction(reduction.as_fraction() + Decimal::new(more, 3));
                banded[k] = BandedMeasurement::Reduction { measured_on, reduction: larger };
                assert_not_lower(&before, &settle(&case.with_banded(banded)), payers)?;
            }
        }
    }

    /// No total exceeds its cap, and the contract cap binds exactly: the
    /// total is the least of the cap and what the contract pays without it.
    #[test]
    fn caps_are_exact(case in strategies::contract_case()) {
        let s = settle(&case);
        let c = case.contract();
        let unit = |m: Money| integration_outcomes::RoundingStrategy::TowardZero.round(m.amount(), c.rounding().decimal_places());
        if let Some(cap) = c.cap() {
            let uncapped = settle(&case.clone().without_contract_cap());
            prop_assert_eq!(s.total().amount(), unit(cap).min(uncapped.total().amount()));
        }
        for (rule, (id, total)) in c.rules().iter().zip(s.totals_by_rule()) {
            prop_assert_eq!(rule.id(), id);
            let cap = match rule {
                Rule::RateCard(r) => r.terms().total_cap(),
                Rule::Cohort(r) => r.cap(),
                Rule::Baseline(r) => r.cap(),
                Rule::Banded(r) => Some(r.maximum()),
                _ => None,
            };
            if let Some(cap) = cap {
                prop_assert!(total.amount() <= unit(cap), "rule {} pays {} over its cap {}", id, total, cap);
            }
        }
        // Rate-card participant caps, from the audit trail.
        for rc in s.rate_card_settlements() {
            let Some(Rule::RateCard(rule)) = c.rules().iter().find(|r| r.id() == rc.rule()) else { continue };
            let (Some(cap), Some(lines)) = (rule.terms().participant_cap(), rc.lines()) else { continue };
            for group in lines.chunk_by(|a, b| a.claim().participant() == b.claim().participant()) {
                let paid: Decimal = group.iter().map(|l| l.amount().amount()).sum();
                prop_assert!(paid <= cap.amount());
            }
        }
    }

    /// Claims refused for a date outside the window or an outcome not on the
    /// card take nothing from any cap: the statement's money is unchanged.
    #[test]
    fn refused_claims_consume_nothing(
        case in strategies::contract_case(),
        refused in prop::collection::vec((0_u64..30, 0_usize..12, any::<bool>()), 0..20),
    ) {
        let before = settle(&case);
        let Some(Rule::RateCard(rule)) = case.contract().rules().first() else { return Ok(()) };
        let window = rule.terms().window();
        let mut claims = case.claims().to_vec();
        for (p, o, late) in refused {
            let date = if late { window.last().tomorrow().unwrap() } else { window.first().yesterday().unwrap() };
            claims.push(Claim::new(p, OutcomeIndex::new(o).unwrap(), date));
            // And one for an outcome not on the card.
            claims.push(Claim::new(p, OutcomeIndex::new(rule.card().len()).unwrap(), window.first()));
        }
        let after = settle(&case.clone().with_claims(claims));
        prop_assert_eq!(after.total(), before.total());
        prop_assert_eq!(after.payments(), before.payments());
        prop_assert_eq!(after.withheld(), before.withheld());
    }

    /// Any permutation of the evidence gives the identical statement, and so
    /// do shards of claims by participant, tallied apart and merged.
    #[test]
    fn order_and_sharding_never_matter(case in strategies::contract_case(), seed in any::<u64>(), cut in any::<u64>()) {
        let before = settle(&case);
        let mut claims = case.claims().to_vec();
        shuffle(&mut claims, seed);
        let mut cohorts = case.cohorts().to_vec();
        shuffle(&mut cohorts, seed ^ 1);
        let mut baseline = case.baseline().to_vec();
        shuffle(&mut baseline, seed ^ 2);
        let shuffled = case.clone().with_claims(claims.clone()).with_cohorts(cohorts).with_baseline(baseline);
        prop_assert_eq!(&settle(&shuffled), &before);

        let Some(Rule::RateCard(rule)) = case.contract().rules().first() else { return Ok(()) };
        let people = case.participants();
        // The statement's rate card is the rule's own settlement (what it
        // says; a contract cap makes it keep totals by day, not month).
        let own = rule.settle(&claims, people, Detail::Audit).unwrap();
        let in_statement = &before.rate_card_settlements()[0];
        prop_assert_eq!(in_statement.total(), own.total());
        prop_assert_eq!(in_statement.outcomes(), own.outcomes());
        prop_assert_eq!(in_statement.rejections(), own.rejections());
        prop_assert_eq!(in_statement.lines(), own.lines());
        for detail in [Detail::TotalsOnly, Detail::Audit] {
            let single = rule.settle(&claims, people, detail).unwrap();
            let (left, right): (Vec<Claim>, Vec<Claim>) = claims.iter().partition(|c| c.participant() % 7 < cut % 8);
            let mut a = rule.tally(people, detail);
            a.add(&left).unwrap();
            let mut b = rule.tally(people, detail);
            b.add(&right).unwrap();
            prop_assert_eq!(&b.merge(a).unwrap().finish().unwrap(), &single);
            #[cfg(feature = "rayon")]
            prop_assert_eq!(&rule.settle_parallel(&claims, people, detail).unwrap(), &single);
        }
    }

    /// Every payment split sums to the amount split; payments, totals by
    /// payer, period and rule all sum to the total.
    #[test]
    fn splits_are_exact(case in strategies::contract_case()) {
        let s = settle(&case);
        let sum = |ms: &mut dyn Iterator<Item = Money>| -> Decimal { ms.map(|m| m.amount()).sum() };
        let total = s.total().amount();
        prop_assert_eq!(sum(&mut s.payments().iter().map(|p| p.amount())), total);
        prop_assert_eq!(sum(&mut s.totals_by_payer().iter().map(|(_, m)| *m)), total);
        prop_assert_eq!(sum(&mut s.totals_by_period().iter().map(|(_, m)| *m)), total);
        prop_assert_eq!(sum(&mut s.totals_by_rule().iter().map(|(_, m)| *m)), total);
        // One set of payers for every rule: each payer's total is exactly
        // its split of the whole.
        let c = case.contract();
        if !s.total().is_zero() && c.rules().iter().all(|r| c.payers_of(r.id()) == c.payers()) {
            let split = c.payers().split(s.total()).unwrap();
            prop_assert_eq!(s.totals_by_payer(), split.as_slice());
        }
        let unit = Decimal::new(1, case.contract().rounding().decimal_places());
        for p in s.payments() {
            prop_assert!((p.amount().amount() / unit).fract().is_zero(), "{} is not whole rounding units", p.amount());
        }
    }

    /// Totals-only settlement pays the same money as the audit trail.
    #[test]
    fn totals_only_equals_the_audit_trail(case in strategies::contract_case()) {
        let audit = settle(&case);
        let totals = case.contract().settle_with(&case.evidence(), Detail::TotalsOnly).unwrap();
        prop_assert_eq!(audit.total(), totals.total());
        prop_assert_eq!(audit.payments(), totals.payments());
        prop_assert_eq!(audit.totals_by_outcome(), totals.totals_by_outcome());
    }
}
