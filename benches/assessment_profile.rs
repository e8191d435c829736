//! Issue 5, benchmark 3: the profile of 100,000 responses × 12 SCIROCCO
//! dimensions (every statistic and agreement measure, judged under three
//! agreement policies), against a plain baseline loop summing the same
//! scores, timed interleaved in the same run. Target: within 3× of the
//! baseline. Prints the comparison table (and, with `--features rayon`, the
//! parallel profile's speed-up); asserts the results.
//!
//! Run with `cargo bench --bench assessment_profile`.

// A benchmark reports its figures.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::cast_precision_loss
)]

mod support;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use integration_outcomes::Date;
use integration_outcomes::maturity::{
    Agreement, AgreementPolicy, Assessment, Framework, Profile, Respondent, Response, Score,
};
use rust_decimal::Decimal;
use support::{Ratio, report, smoke_test};

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
        .map(|p| {
            // The policies are constants within range: an error is a bug.
            let judged = profile.agreement(p).unwrap();
            judged.iter().filter(|(_, a)| *a == Agreement::Agreed).count()
        })
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

fn main() {
    let smoke = smoke_test();
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

    let exact = || {
        let (p, agreed) = profile_and_agreement(black_box(&round));
        assert_eq!(p.respondents(), RESPONSES as u64);
        (p, agreed)
    };
    let base = || {
        let sum = baseline_sum(black_box(&raw));
        assert_eq!(sum, expected_sum);
        sum
    };

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(10)
        .configure_from_args();
    {
        let mut group = c.benchmark_group("assessment_profile");
        group.throughput(Throughput::Elements((RESPONSES * DOMAINS) as u64));
        group.bench_function("baseline_sum_100k_x_12", |b| b.iter(base));
        group.bench_function("profile_100k_x_12_all_statistics", |b| b.iter(exact));
        group.finish();
    }
    c.final_summary();
    if smoke {
        return;
    }

    // The ratio from the same run: baseline and profile timed interleaved.
    let n = (RESPONSES * DOMAINS) as u64;
    #[cfg_attr(not(feature = "rayon"), allow(unused_mut))] // Rayon adds a row.
    let mut rows = vec![
        Ratio::measure("profile, every statistic, three agreement policies", n, 31, base, exact)
            .target_ratio(3.0),
    ];
    #[cfg(feature = "rayon")]
    {
        // The profile checked against the raw data above.
        let expected = profile;
        assert_eq!(expected.respondents(), RESPONSES as u64);
        let serial = || {
            let p = black_box(&round).profile();
            assert_eq!(p, expected);
            p
        };
        let parallel = || {
            let p = black_box(&round).par_profile();
            assert_eq!(p, expected);
            p
        };
        rows.push(Ratio::speed_up(n, 31, serial, parallel));
    }
    report("Assessment profile: 100,000 responses × 12 SCIROCCO dimensions", &rows);
}
