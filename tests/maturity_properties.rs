//! Property tests for the maturity namespace: profiles do not depend on the
//! order of respondents, statistics stay in their ranges and agree with a
//! direct computation on the sorted scores, identical scores give full
//! agreement, and frameworks survive a JSON round trip unchanged.
// Helpers outside #[test] functions unwrap too: a panic is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::float_cmp)]
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    reason = "small test values"
)]

use integration_outcomes::Date;
use integration_outcomes::maturity::{
    Agreement, AgreementPolicy, Assessment, Descriptor, Domain, Framework, PriorityPolicy,
    ProfileCounts, Progress, ReassessmentOptions, Respondent, Response, Scale, Score,
    ScoreStatistics, Source, Trend,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Scores for the 12 SCIROCCO dimensions of up to 40 respondents; 6 and 7
/// stand for not scored and not applicable.
fn score_rows() -> impl Strategy<Value = Vec<Vec<u8>>> {
    prop::collection::vec(prop::collection::vec(0u8..8, 12), 1..40)
}

/// Counts per level of a scale of 2 to 9 levels starting at 0 or 1.
fn scale_and_counts() -> impl Strategy<Value = (u8, Vec<u64>)> {
    (0u8..2, prop::collection::vec(0u64..30, 2..10))
        .prop_filter("at least one rating", |(_, c)| c.iter().sum::<u64>() > 0)
}

fn round(framework: &Framework, rows: &[Vec<u8>]) -> Assessment {
    let responses = rows.iter().enumerate().map(|(i, row)| {
        let who = Respondent::new(format!("R{i}"), ["NHS", "Council", "CVS"][i % 3]).unwrap();
        let mut b = Response::builder(framework, who);
        for (domain, &code) in framework.domains().iter().zip(row) {
            let score = match code {
                6 => Score::NotScored,
                7 => Score::NotApplicable,
                level => Score::Level(level),
            };
            b = b.score(domain.id(), score).unwrap();
        }
        b.build()
    });
    Assessment::new(framework, "P", Date::new(2026, 1, 15).unwrap(), "r", responses).unwrap()
}

/// R's quantile(x, p, type = 7) on sorted integers, as f64.
fn type7(sorted: &[u8], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let j = h.floor() as usize;
    let lo = f64::from(sorted[j]);
    let hi = f64::from(sorted[(j + 1).min(sorted.len() - 1)]);
    lo + (h - h.floor()) * (hi - lo)
}

fn framework_strategy() -> impl Strategy<Value = Framework> {
    (0u8..3, 2u8..7, prop::collection::vec(("[a-z]{1,8}", "[A-Za-z ]{1,12}[a-z]", 0u8..4), 1..6))
        .prop_filter_map("unique domain ids", |(min, len, domains)| {
            let scale = Scale::numbered(min, min + len - 1).ok()?;
            let built: Vec<Domain> = domains
                .iter()
                .map(|(id, name, kind)| {
                    let mut d =
                        Domain::new(id.clone(), name.clone()).unwrap().with_question("Why?");
                    for level in scale.min()..=scale.max() {
                        d = d.with_descriptor(match kind {
                            0 => Descriptor::verbatim(level, format!("{name} at {level}")),
                            1 => Descriptor::paraphrase(level, "condensed"),
                            2 => Descriptor::truncated(level, "cut ...").with_note("cut short"),
                            _ => Descriptor::unavailable(level),
                        });
                    }
                    d
                })
                .collect();
            Framework::new("generated", "Generated", Source::new("test").ok()?, scale, built).ok()
        })
}

fn responses(framework: &Framework, rows: &[Vec<u8>]) -> Vec<Response> {
    let whole = round(framework, rows);
    (0..rows.len()).map(|i| whole.response(i).unwrap()).collect()
}

proptest! {
    #[test]
    fn shards_merge_into_the_single_pass_result(rows in score_rows(), cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..4)) {
        let scirocco = Framework::builtin("scirocco-b3").unwrap();
        let whole = round(&scirocco, &rows);
        let all = responses(&scirocco, &rows);
        let mut bounds: Vec<usize> = cuts.iter().map(|c| c.index(all.len() + 1)).collect();
        bounds.push(0);
        bounds.push(all.len());
        bounds.sort_unstable();
        let date = Date::new(2026, 1, 15).unwrap();
        let mut merged = ProfileCounts::new(&scirocco, "P", date, "r").unwrap();
        for pair in bounds.windows(2) {
            let mut shard = ProfileCounts::new(&scirocco, "P", date, "r").unwrap();
            shard.add_all(&all[pair[0]..pair[1]]).unwrap();
            merged.merge(&shard).unwrap();
        }
        prop_assert_eq!(&merged, &whole.counts());
        prop_assert_eq!(merged.profile(), whole.profile());
        #[cfg(feature = "rayon")]
        prop_assert_eq!(whole.par_profile(), whole.profile());
        // Organisation profiles partition the round.
        let by_org = whole.organisation_profiles();
        for p in &by_org {
            let single = whole.organisation_profile(p.organisation().unwrap());
            prop_assert_eq!(Some(p), single.as_ref());
        }
        let total: u64 = by_org.iter().map(|p| p.respondents()).sum();
        prop_assert_eq!(total, rows.len() as u64);
        for (d, domain) in whole.profile().domains().iter().enumerate() {
            let scored: u64 = by_org.iter().map(|p| p.domains()[d].scored()).sum();
            prop_assert_eq!(scored, domain.scored());
        }
    }

    #[test]
    fn profile_does_not_depend_on_respondent_order(rows in score_rows(), seed in any::<u64>()) {
        let scirocco = Framework::builtin("scirocco-b3").unwrap();
        let a = round(&scirocco, &rows).profile();
        let mut shuffled = rows;
        // A deterministic permutation from the seed.
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        let b = round(&scirocco, &shuffled).profile();
        prop_assert_eq!(a.domains(), b.domains());
    }

    #[test]
    fn statistics_agree_with_a_direct_computation((min, counts) in scale_and_counts()) {
        let max = min + u8::try_from(counts.len()).unwrap() - 1;
        let scale = Scale::numbered(min, max).unwrap();
        let s = ScoreStatistics::from_counts(&scale, &counts).unwrap().unwrap();
        let mut sorted = Vec::new();
        for (i, &c) in counts.iter().enumerate() {
            sorted.extend(std::iter::repeat_n(min + i as u8, c as usize));
        }
        let f = |d: Decimal| d.to_string().parse::<f64>().unwrap();
        prop_assert_eq!(f(s.median()), type7(&sorted, 0.5));
        prop_assert_eq!(f(s.q1()), type7(&sorted, 0.25));
        prop_assert_eq!(f(s.q3()), type7(&sorted, 0.75));
        prop_assert_eq!(s.min(), sorted[0]);
        prop_assert_eq!(s.max(), *sorted.last().unwrap());
        prop_assert!(Decimal::from(s.min()) <= s.median() && s.median() <= Decimal::from(s.max()));
        prop_assert!(s.q1() <= s.median() && s.median() <= s.q3());
        let mean = sorted.iter().map(|&x| f64::from(x)).sum::<f64>() / sorted.len() as f64;
        prop_assert!((s.mean() - mean).abs() < 1e-9);
        prop_assert!((0.0..=1.0).contains(&s.consensus()));
        prop_assert!((0.0..=1.0).contains(&s.leik_dispersion()));
        if let Some(rwg) = s.rwg() {
            prop_assert!((0.0..=1.0).contains(&rwg));
        } else {
            prop_assert_eq!(s.n(), 1);
        }
    }

    #[test]
    fn identical_scores_give_full_agreement(level in 0u8..6, n in 2u64..50) {
        let scale = Scale::numbered(0, 5).unwrap();
        let mut counts = vec![0; 6];
        counts[usize::from(level)] = n;
        let s = ScoreStatistics::from_counts(&scale, &counts).unwrap().unwrap();
        prop_assert_eq!(s.consensus(), 1.0);
        prop_assert_eq!(s.leik_dispersion(), 0.0);
        prop_assert_eq!(s.rwg(), Some(1.0));
        prop_assert_eq!(s.iqr(), Decimal::ZERO);
        for policy in [
            AgreementPolicy::RandRegion { fewer_than: 1 },
            AgreementPolicy::IqrAtMost(Decimal::ZERO),
            AgreementPolicy::RwgAtLeast(Decimal::ONE),
            AgreementPolicy::ConsensusAtLeast(1.0),
        ] {
            prop_assert_eq!(policy.judge(Some(&s)), Ok(Agreement::Agreed));
        }
    }

    #[test]
    fn deserialised_frameworks_equal_their_construction(framework in framework_strategy()) {
        let json = serde_json::to_string(&framework).unwrap();
        let back: Framework = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &framework);
        prop_assert_eq!(Framework::from_json(&json).unwrap(), framework);
    }

    #[test]
    fn progress_is_antisymmetric_and_zero_on_itself(a in score_rows(), b in score_rows()) {
        let scirocco = Framework::builtin("scirocco-b3").unwrap();
        let (pa, pb) = (round(&scirocco, &a).profile(), round(&scirocco, &b).profile());
        let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 4 });
        let forward = Progress::between(&pa, &pb, options).unwrap();
        let backward = Progress::between(&pb, &pa, options).unwrap();
        for (f, r) in forward.changes().iter().zip(backward.changes()) {
            prop_assert_eq!(f.median_change(), r.median_change().map(|c| -c));
            let flipped = match r.trend() {
                Trend::Improved => Trend::Regressed,
                Trend::Regressed => Trend::Improved,
                other => other,
            };
            prop_assert_eq!(f.trend(), flipped);
        }
        let same = Progress::between(&pa, &pa, options).unwrap();
        for c in same.changes() {
            prop_assert!(matches!(c.trend(), Trend::Unchanged | Trend::NotComparable));
            prop_assert_eq!(c.agreement_before(), c.agreement_after());
        }
    }

    #[test]
    fn priorities_are_scored_domains_in_median_order(rows in score_rows(), level in 0u8..7, k in 0usize..14) {
        let scirocco = Framework::builtin("scirocco-b3").unwrap();
        let profile = round(&scirocco, &rows).profile();
        for policy in [PriorityPolicy::BelowLevel(level), PriorityPolicy::LowestK(k), PriorityPolicy::BelowPartnershipMedian] {
            let chosen = profile.priorities(policy);
            let medians: Vec<_> = chosen.iter().map(|d| d.median().unwrap()).collect();
            prop_assert!(medians.windows(2).all(|w| w[0] <= w[1]));
            if let PriorityPolicy::BelowLevel(level) = policy {
                let expected = profile.domains().iter().filter(|d| d.median().is_some_and(|m| m < Decimal::from(level))).count();
                prop_assert_eq!(chosen.len(), expected);
            }
        }
        // Overall: the lowest domain median is at most the median of medians.
        if let Some(overall) = profile.overall() {
            prop_assert!(overall.lowest() <= overall.median_of_medians());
        }
    }
}
