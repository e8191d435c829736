//! Rate-card settlement at national scale.
//!
//! 1,000,000 participants and 5,000,000 outcome claims over a 12-outcome card
//! with a per-participant cap, the once-per-participant rule and
//! prerequisites, claims grouped by participant as an export sorted by
//! participant would be; also the same claims in random order, and fed to
//! one tally in batches of 1,000 claims. The baseline
//! is a plain `f64` loop summing the same prices per participant with the
//! cap (no window, once-only or prerequisite checks): a floor, not a peer;
//! every ratio is reported, none is a target.
//!
//! Run with `cargo bench --bench rate_card_settlement` (add
//! `--features rayon` for the parallel settlement and its speed-up).

// A benchmark reports on stdout, fails loudly, and generates its data with plain casts and indexing.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap, clippy::cast_sign_loss)]
#![allow(clippy::cast_precision_loss, clippy::indexing_slicing)]

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use integration_outcomes::outcomes::{
    Claim, ClaimWindow, Detail, OutcomeIndex, Participants, RateCard, RateCardOutcome,
    RateCardRule, RateCardTerms,
};
use integration_outcomes::{Currency, Date, Money};
use support::{Ratio, SplitMix64, report, smoke_test};

const PARTICIPANTS: u64 = 1_000_000;
const CLAIMS_PER_PARTICIPANT: u64 = 5;
const CAP_POUNDS: i64 = 8_200;
/// Claims per call when a tally is fed in batches: whole participants.
const BATCH: usize = 1_000;
const _: () = assert!(BATCH.is_multiple_of(CLAIMS_PER_PARTICIPANT as usize));

/// Twelve outcomes, Innovation Fund-like prices, two prerequisite chains.
fn rule() -> RateCardRule {
    let gbp = |pounds| Money::from_major(pounds, Currency::GBP);
    let o = |id: &str, pounds| RateCardOutcome::new(id, id.replace('_', " "), gbp(pounds)).unwrap();
    let outcomes = vec![
        o("improved_attitude", 700),
        o("improved_attendance", 1_400),
        o("improved_behaviour", 1_300),
        o("entry_level_qualification", 900),
        o("basic_skills", 900),
        o("level_1", 1_100),
        o("level_2", 3_300).with_prerequisite("level_1".parse().unwrap()),
        o("level_3", 5_100).with_prerequisite("level_2".parse().unwrap()),
        o("esol", 1_200),
        o("higher_education", 2_000),
        o("entry_to_employment", 3_500),
        o("sustained_employment", 2_000).with_prerequisite("entry_to_employment".parse().unwrap()),
    ];
    let card = RateCard::new("bench-12", Currency::GBP, outcomes).unwrap();
    let window =
        ClaimWindow::new(Date::constant(2013, 1, 1), Date::constant(2015, 12, 31)).unwrap();
    let terms = RateCardTerms::new(window).with_participant_cap(gbp(CAP_POUNDS));
    RateCardRule::new("bench", card, terms).unwrap()
}

/// Claims grouped by participant, dates ascending within each participant.
fn claims(rule: &RateCardRule) -> Vec<Claim> {
    let mut rng = SplitMix64::new(2012);
    let n = rule.card().len() as u64;
    let start = Date::constant(2013, 1, 1);
    let mut claims = Vec::with_capacity((PARTICIPANTS * CLAIMS_PER_PARTICIPANT) as usize);
    for participant in 0..PARTICIPANTS {
        let mut day = rng.below(200) as i64;
        for _ in 0..CLAIMS_PER_PARTICIPANT {
            day += rng.below(120) as i64;
            let outcome = OutcomeIndex::new(rng.below(n) as usize).unwrap();
            let date = start.checked_add(jiff::Span::new().days(day)).unwrap();
            claims.push(Claim::new(participant, outcome, date));
        }
    }
    claims
}

/// The plain `f64` baseline: the same prices, summed per participant, capped.
fn baseline(claims: &[Claim], prices: &[f64], cap: f64) -> f64 {
    let mut total = 0.0_f64;
    let mut current = u64::MAX;
    let mut earned = 0.0_f64;
    for claim in claims {
        if claim.participant() != current {
            total += earned.min(cap);
            earned = 0.0;
            current = claim.participant();
        }
        earned += prices[claim.outcome().get()];
    }
    total + earned.min(cap)
}

fn main() {
    let smoke = smoke_test();
    let rule = rule();
    let people = Participants::none();
    let sorted = claims(&rule);
    let mut shuffled = sorted.clone();
    let mut rng = SplitMix64::new(7);
    for i in (1..shuffled.len()).rev() {
        shuffled.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let prices: Vec<f64> = rule
        .card()
        .outcomes()
        .iter()
        .map(|o| o.maximum_price().amount().try_into().unwrap())
        .collect();
    let cap = CAP_POUNDS as f64;

    // The expected result, from the audit trail (a different code path).
    let audit = rule.settle(&sorted, &people, Detail::Audit).unwrap();
    let expected = audit.total();
    let lines_total =
        Money::sum(Currency::GBP, audit.lines().unwrap().iter().map(|l| l.amount())).unwrap();
    assert_eq!(lines_total, expected, "audit lines sum to the total");
    drop(audit);
    println!("settled total {expected} over {} claims", sorted.len());

    let exact_sorted = || {
        let s = rule.settle(black_box(&sorted), &people, Detail::TotalsOnly).unwrap();
        assert_eq!(s.total(), expected);
        s
    };
    let exact_random = || {
        let s = rule.settle(black_box(&shuffled), &people, Detail::TotalsOnly).unwrap();
        assert_eq!(s.total(), expected);
        s
    };
    // A tally fed the same claims in batches, as a reader streaming an
    // export would (a batch of 1,000 claims holds 200 whole participants).
    let exact_batches = || {
        let mut tally = rule.tally(&people, Detail::TotalsOnly);
        for batch in black_box(&sorted).chunks(BATCH) {
            tally.add(batch).unwrap();
        }
        let s = tally.finish().unwrap();
        assert_eq!(s.total(), expected);
        s
    };
    // The baseline's result, worked out apart from it in whole pounds (every
    // price is whole pounds, and sums this size are exact in `f64`), and
    // never below the exact settlement, which pays a subset of the same
    // claims under the same cap.
    let whole_pounds: Vec<i64> = prices.iter().map(|p| *p as i64).collect();
    let base_expected = sorted
        .chunk_by(|a, b| a.participant() == b.participant())
        .map(|group| {
            group.iter().map(|c| whole_pounds[c.outcome().get()]).sum::<i64>().min(CAP_POUNDS)
        })
        .sum::<i64>() as f64;
    assert!(base_expected >= f64::try_from(expected.amount()).unwrap());
    let base = || {
        let b = baseline(black_box(&sorted), &prices, cap);
        assert_eq!(b.to_bits(), base_expected.to_bits(), "the baseline sums the capped prices");
        b
    };

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(10)
        .configure_from_args();
    {
        let mut group = c.benchmark_group("rate_card_settlement");
        group.throughput(Throughput::Elements(sorted.len() as u64));
        group.bench_function("f64_baseline", |b| b.iter(base));
        group.bench_function("exact_grouped_by_participant", |b| b.iter(exact_sorted));
        group.bench_function("exact_random_order", |b| b.iter(exact_random));
        group.bench_function("exact_in_batches_of_1000", |b| b.iter(exact_batches));
        group.finish();
    }
    c.final_summary();
    if smoke {
        return;
    }

    let n = sorted.len() as u64;
    #[cfg_attr(not(feature = "rayon"), allow(unused_mut))] // Rayon adds a row.
    let mut rows = vec![
        Ratio::measure("grouped by participant", n, 15, base, exact_sorted),
        Ratio::measure("random order", n, 5, base, exact_random),
        Ratio::measure("grouped, in batches of 1,000 claims", n, 15, base, exact_batches),
    ];
    #[cfg(feature = "rayon")]
    {
        let single = || {
            let s = rule.settle(black_box(&sorted), &people, Detail::TotalsOnly).unwrap();
            assert_eq!(s.total(), expected);
            s
        };
        let parallel = || {
            let s = rule.settle_parallel(black_box(&sorted), &people, Detail::TotalsOnly).unwrap();
            assert_eq!(s.total(), expected);
            s
        };
        rows.push(Ratio::speed_up(n, 15, single, parallel));
    }
    report("Rate-card settlement: 1,000,000 participants, 5,000,000 claims", &rows);
}
