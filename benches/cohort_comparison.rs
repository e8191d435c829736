//! Cohort-versus-comparison settlement at national scale (issue 5,
//! benchmark 2).
//!
//! Three cohorts of 1,000,000 individuals and a 10,000,000-record matched
//! comparison group, one reconviction-event count per person; the cohorts'
//! and comparison group's totals, every reduction and both triggers (the
//! per-cohort 10% and the pooled 7.5% fallback), settled into a statement.
//! The baseline is a plain integer sum over the same 13,000,000 records.
//! Target: within 2× of the baseline.
//!
//! Run with `cargo bench --bench cohort_comparison`.

// A benchmark reports on stdout, fails loudly, and generates its data with plain casts.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap, clippy::cast_sign_loss)]
#![allow(clippy::cast_precision_loss, clippy::indexing_slicing)]

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use integration_outcomes::outcomes::{
    Cohort, CohortRule, Comparison, Contract, Evidence, PayerShares, PoolingRule, RuleEvidence,
    Statement,
};
use integration_outcomes::{
    Currency, Date, Money, RoundingPolicy, RoundingStage, RoundingStrategy,
};
use support::{Ratio, SplitMix64, report, smoke_test};

const COHORT_SIZE: usize = 1_000_000;
const COMPARISON_SIZE: usize = 10_000_000;

/// Event counts with a given mean in hundredths (155 → 1.55 events per person).
fn counts(rng: &mut SplitMix64, n: usize, mean_hundredths: u64) -> Vec<u32> {
    // Each person gets 0..=2×mean events, uniformly: mean as asked.
    (0..n)
        .map(|_| (rng.below(2 * mean_hundredths + 1) as u32 + rng.below(100) as u32) / 100)
        .collect()
}

fn contract() -> Contract {
    let rule = CohortRule::new(
        "reconviction_events",
        "10%".parse().unwrap(),
        "7.5%".parse().unwrap(),
        PoolingRule::PooledEvents,
        Money::from_major(1_000, Currency::GBP), // illustrative price per event avoided
    )
    .unwrap();
    let payers =
        PayerShares::new(vec![("ministry_of_justice".parse().unwrap(), "100%".parse().unwrap())])
            .unwrap();
    let rounding = RoundingPolicy::for_currency(
        Currency::GBP,
        RoundingStrategy::MidpointAwayFromZero,
        RoundingStage::PerLine,
    );
    Contract::new("national", Currency::GBP, rounding, payers, vec![rule.into()]).unwrap()
}

fn settle(contract: &Contract, cohorts: &[Vec<u32>; 3], comparison: &[u32]) -> Statement {
    let comparison = Comparison::from_event_counts(comparison).unwrap();
    let day = Date::constant(2017, 7, 27);
    let built = [
        Cohort::from_event_counts("cohort_1", &cohorts[0], comparison, day).unwrap(),
        Cohort::from_event_counts("cohort_2", &cohorts[1], comparison, day).unwrap(),
        Cohort::from_event_counts("cohort_3", &cohorts[2], comparison, day).unwrap(),
    ];
    let evidence = Evidence::new().with("reconviction_events", RuleEvidence::Cohorts(&built));
    contract.settle(&evidence).unwrap()
}

fn baseline(cohorts: &[Vec<u32>; 3], comparison: &[u32]) -> u64 {
    let mut total = 0_u64;
    for c in cohorts {
        total += c.iter().map(|&x| u64::from(x)).sum::<u64>();
    }
    total + comparison.iter().map(|&x| u64::from(x)).sum::<u64>()
}

fn main() {
    let smoke = smoke_test();
    let mut rng = SplitMix64::new(2010);
    let comparison = counts(&mut rng, COMPARISON_SIZE, 155);
    // Cohort 1 about 8% fewer events (no per-cohort payment), cohort 2 about
    // 12% fewer (pays), cohort 3 about 9% fewer.
    let cohorts = [
        counts(&mut rng, COHORT_SIZE, 142),
        counts(&mut rng, COHORT_SIZE, 136),
        counts(&mut rng, COHORT_SIZE, 141),
    ];
    let contract = contract();

    // The expected decisions, computed independently by cross-multiplication.
    let comparison_events: u64 = comparison.iter().map(|&x| u64::from(x)).sum();
    let pays = |events: u64| {
        // (comparison rate − cohort rate) ≥ 10% × comparison rate, in integers:
        // 10 × (E_k × N_c − E_c × N_k) ≥ E_k × N_c.
        let (ek, nc, nk) =
            (i128::from(comparison_events), COHORT_SIZE as i128, COMPARISON_SIZE as i128);
        10 * (ek * nc - i128::from(events) * nk) >= ek * nc
    };
    let expected_paid: Vec<bool> =
        cohorts.iter().map(|c| pays(c.iter().map(|&x| u64::from(x)).sum())).collect();
    let expected_total = baseline(&cohorts, &comparison);
    println!("per-cohort triggers expected: {expected_paid:?}");

    let exact = || {
        let statement = settle(&contract, black_box(&cohorts), black_box(&comparison));
        let paid: Vec<bool> =
            statement.lines().iter().take(3).map(|l| !l.amount().is_zero()).collect();
        assert_eq!(paid, expected_paid, "per-cohort decisions");
        statement
    };
    let base = || {
        let total = baseline(black_box(&cohorts), black_box(&comparison));
        assert_eq!(total, expected_total);
        total
    };
    println!("{}", exact());

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(10)
        .configure_from_args();
    {
        let mut group = c.benchmark_group("cohort_comparison");
        group.throughput(Throughput::Elements((3 * COHORT_SIZE + COMPARISON_SIZE) as u64));
        group.bench_function("integer_sum_baseline", |b| b.iter(base));
        group.bench_function("exact_settlement", |b| b.iter(exact));
        group.finish();
    }
    c.final_summary();
    if smoke {
        return;
    }
    let n = (3 * COHORT_SIZE + COMPARISON_SIZE) as u64;
    let rows = [Ratio::measure(
        "3 × 1,000,000 cohort + 10,000,000 comparison records",
        n,
        21,
        base,
        exact,
    )
    .target_ratio(2.0)];
    report("Cohort comparison: reductions and both triggers", &rows);
}
