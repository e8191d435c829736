//! Issue 5, benchmark 3: the profile of 100,000 responses × 12 SCIROCCO
//! dimensions (every statistic and agreement measure, judged under three
//! agreement policies), against a plain baseline loop summing the same
//! scores. Prints both throughputs and the ratio; asserts the results.
//!
//! Run with `cargo bench --bench assessment_profile`.

// A benchmark reports its figures.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use integration_outcomes::Date;
use integration_outcomes::maturity::{
    Agreement, AgreementPolicy, Assessment, Framework, Profile, Respondent, Response, Score,
};
use rust_decimal::Decimal;

const RESPONSES: usize = 100_000;
const DOMAINS: usize = 12;
/// In the raw data, 6 stands for "not scored" and 7 for "not applicable".
const NOT_SCORED: u8 = 6;
const NOT_APPLICABLE: u8 = 7;

/// Deterministic scores: each dimension centred on its own level, with
/// spread, about 3% unscored and 1% not applicable.
fn raw_scores() -> Vec<[u8; DOMAINS]> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..RESPONSES)
        .map(|_| {
            let mut row = [0u8; DOMAINS];
            for (d, cell) in row.iter_mut().enumerate() {
                let r = next();
                *cell = match r % 100 {
                    0..=2 => NOT_SCORED,
                    3 => NOT_APPLICABLE,
                    _ => {
                        // Level d % 5 + 1 moved by −2..=+2, kept on the 0–5 scale.
                        let centre = u64::try_from(d % 5).unwrap() + 1;
                        let up = (r >> 8) % 3 + (r >> 16) % 2;
                        let down = 1 + (r >> 24) % 2;
                        u8::try_from((centre + up).saturating_sub(down).min(5)).unwrap()
                    }
                };
            }
            row
        })
        .collect()
}

fn assessment(framework: &Framework, raw: &[[u8; DOMAINS]]) -> Assessment {
    let ids: Vec<String> = framework.domains().iter().map(|d| d.id().to_owned()).collect();
    let responses = raw.iter().enumerate().map(|(i, row)| {
        let who =
            Respondent::new(format!("Respondent {i}"), format!("Organisation {}", i % 40)).unwrap();
        let mut b = Response::builder(framework, who);
        for (id, &code) in ids.iter().zip(row) {
            let score = match code {
                NOT_SCORED => Score::NotScored,
                NOT_APPLICABLE => Score::NotApplicable,
                level => Score::Level(level),
            };
            b = b.score(id, score).unwrap();
        }
        b.build()
    });
    Assessment::new(
        framework,
        "National benchmark",
        Date::new(2026, 3, 1).unwrap(),
        "2026",
        responses,
    )
    .unwrap()
}

const POLICIES: [AgreementPolicy; 3] = [
    AgreementPolicy::RandRegion { fewer_than: 33_334 },
    AgreementPolicy::IqrAtMost(Decimal::ONE),
    AgreementPolicy::RwgAtLeast(Decimal::from_parts(7, 0, 0, false, 1)),
];

/// The timed work: the profile and every policy's judgement of every domain.
fn profile_and_agreement(round: &Assessment) -> (Profile, usize) {
    let profile = round.profile();
    let agreed = POLICIES
        .iter()
        .map(|p| profile.agreement(p).iter().filter(|(_, a)| *a == Agreement::Agreed).count())
        .sum();
    (profile, agreed)
}

/// The baseline: a plain loop summing every level in the same data.
fn baseline_sum(raw: &[[u8; DOMAINS]]) -> u64 {
    let mut sum = 0u64;
    for row in raw {
        for &s in row {
            if s < NOT_SCORED {
                sum += u64::from(s);
            }
        }
    }
    sum
}

fn median_time(mut f: impl FnMut(), runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn bench(c: &mut Criterion) {
    let scirocco = Framework::builtin("scirocco-b3").unwrap();
    let raw = raw_scores();
    let round = assessment(&scirocco, &raw);

    // Assert the result once, against the raw data.
    let expected_sum = baseline_sum(&raw);
    let (profile, agreed) = profile_and_agreement(&round);
    let profile_sum: u128 =
        profile.domains().iter().filter_map(|d| d.statistics()).map(|s| s.sum()).sum();
    assert_eq!(profile_sum, u128::from(expected_sum));
    let scored: u64 = profile.domains().iter().map(|d| d.scored()).sum();
    let unscored: u64 = profile.domains().iter().map(|d| d.not_scored() + d.not_applicable()).sum();
    assert_eq!(scored + unscored, (RESPONSES * DOMAINS) as u64);
    for (d, profile) in profile.domains().iter().enumerate() {
        let stats = profile.statistics().unwrap();
        assert!(stats.min() <= stats.max() && stats.rwg().is_some());
        // Dimension d is centred on level d % 5 + 1.
        assert_eq!(stats.median(), Decimal::from(d % 5 + 1), "{}", profile.id());
    }
    assert!(agreed > 0);

    let mut group = c.benchmark_group("assessment_profile");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("profile_100k_x_12_all_statistics", |b| {
        b.iter(|| {
            let (p, agreed) = profile_and_agreement(black_box(&round));
            assert_eq!(p.respondents(), RESPONSES as u64);
            black_box(agreed)
        });
    });
    group.bench_function("baseline_sum_100k_x_12", |b| {
        b.iter(|| {
            let sum = baseline_sum(black_box(&raw));
            assert_eq!(sum, expected_sum);
            sum
        });
    });
    group.finish();

    // The ratio from the same run, medians of 31 timings each.
    let profile_time = median_time(
        || {
            black_box(profile_and_agreement(black_box(&round)));
        },
        31,
    );
    let baseline_time = median_time(
        || {
            black_box(baseline_sum(black_box(&raw)));
        },
        31,
    );
    #[cfg(feature = "rayon")]
    {
        let parallel = median_time(
            || {
                black_box(black_box(&round).par_profile());
            },
            31,
        );
        let serial = median_time(
            || {
                black_box(black_box(&round).profile());
            },
            31,
        );
        println!(
            "rayon: profile {serial:?} serial, {parallel:?} parallel on {} threads; speed-up {:.2}x",
            rayon::current_num_threads(),
            serial.as_secs_f64() / parallel.as_secs_f64()
        );
    }
    let scores = (RESPONSES * DOMAINS) as f64;
    println!(
        "assessment profile: {:.1} M scores/s ({:?}); baseline sum: {:.1} M scores/s ({:?}); ratio {:.2}x",
        scores / profile_time.as_secs_f64() / 1e6,
        profile_time,
        scores / baseline_time.as_secs_f64() / 1e6,
        baseline_time,
        profile_time.as_secs_f64() / baseline_time.as_secs_f64()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
