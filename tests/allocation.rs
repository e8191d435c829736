//! Totals-only settlement allocates nothing per claim: the number
//! of allocations is the same for a thousand participants as for a hundred
//! times as many, and the bytes grow only by the list of participants
//! settled (8 bytes each, kept to find a participant given twice). Counted with `allocation_counter`, which replaces the
//! global allocator in this test binary only and counts the calling
//! thread's allocations.

// Test helpers may unwrap: a panic is a failing test.
#![allow(clippy::unwrap_used)]

use allocation_counter::AllocationInfo;
use integration_outcomes::outcomes::{
    Claim, ClaimWindow, Detail, OutcomeIndex, Participants, RateCard, RateCardOutcome,
    RateCardRule, RateCardTerms,
};
use integration_outcomes::{Currency, Date, Money};

const CLAIMS_PER_PARTICIPANT: u64 = 5;

fn gbp(pounds: i64) -> Money {
    Money::from_major(pounds, Currency::GBP)
}

/// The rate-card benchmark's shape: twelve outcomes, once-only, two
/// prerequisite chains, a participant cap, and no eligibility conditions.
fn national_rule() -> RateCardRule {
    let o = |id: &str, pounds| RateCardOutcome::new(id, id, gbp(pounds)).unwrap();
    let outcomes = vec![
        o("a", 700),
        o("b", 1_400),
        o("c", 1_300),
        o("d", 900),
        o("e", 900),
        o("level_1", 1_100),
        o("level_2", 3_300).with_prerequisite("level_1".parse().unwrap()),
        o("level_3", 5_100).with_prerequisite("level_2".parse().unwrap()),
        o("f", 1_200),
        o("g", 2_000),
        o("entry", 3_500),
        o("sustained", 2_000).with_prerequisite("entry".parse().unwrap()),
    ];
    let card = RateCard::new("twelve", Currency::GBP, outcomes).unwrap();
    let window =
        ClaimWindow::new(Date::constant(2013, 1, 1), Date::constant(2015, 12, 31)).unwrap();
    let terms = RateCardTerms::new(window).with_participant_cap(gbp(8_200));
    RateCardRule::new("national", card, terms).unwrap()
}

/// The Innovation Fund round 1 card, with its age conditions.
fn eligibility_rule() -> RateCardRule {
    let window = ClaimWindow::new(Date::constant(2012, 4, 1), Date::constant(2015, 9, 30)).unwrap();
    let terms = RateCardTerms::new(window).with_participant_cap(gbp(8_200));
    RateCardRule::new("if", RateCard::innovation_fund_round_1().unwrap(), terms).unwrap()
}

/// `participants` participants with five claims each, grouped by
/// participant. Every third participant's claims are listed latest first,
/// so that they are put in processing order in the scratch buffer;
/// outcomes repeat, and some come before their prerequisites.
fn claims(rule: &RateCardRule, participants: u64) -> Vec<Claim> {
    let n = rule.card().len() as u64;
    let mut claims = Vec::new();
    for p in 0..participants {
        let mut theirs: Vec<Claim> = (0..CLAIMS_PER_PARTICIPANT)
            .map(|k| {
                let outcome =
                    OutcomeIndex::new(usize::try_from((p * 7 + k * 5) % n).unwrap()).unwrap();
                let day = i8::try_from(1 + (p + k * 3) % 28).unwrap();
                let month = i8::try_from(1 + k * 2).unwrap();
                Claim::new(p, outcome, Date::constant(2014, month, day))
            })
            .collect();
        if p % 3 == 0 {
            theirs.reverse();
        }
        claims.extend(theirs);
    }
    claims
}

/// What settling `claims` totals-only allocates.
fn settling(rule: &RateCardRule, claims: &[Claim]) -> AllocationInfo {
    let none = Participants::none();
    let mut total = None;
    let info = allocation_counter::measure(|| {
        total = Some(rule.settle(claims, &none, Detail::TotalsOnly).unwrap().total());
    });
    assert!(
        total.is_some_and(|t| t.amount().is_sign_positive() && !t.amount().is_zero()),
        "{total:?}"
    );
    info
}

fn shuffled(mut claims: Vec<Claim>) -> Vec<Claim> {
    // A fixed permutation: interleave the two halves, reversed.
    let half = claims.len() / 2;
    let back = claims.split_off(half);
    back.into_iter().rev().zip(claims).flat_map(|(a, b)| [a, b]).collect()
}

/// A settlement of 1,000 participants and one of 100,000 allocate the same
/// number of times (and something is counted at all), and the bytes differ
/// by the participant list alone: 8 bytes a participant.
fn assert_same_allocations(rule: &RateCardRule) {
    let small = settling(rule, &claims(rule, 1_000));
    let large = settling(rule, &claims(rule, 100_000));
    assert!(small.count_total > 0, "nothing counted: {small:?}");
    assert_eq!(small.count_total, large.count_total, "{small:?} vs {large:?}");
    assert_eq!(large.bytes_total - small.bytes_total, 8 * 99_000, "{small:?} vs {large:?}");
}

#[test]
fn settlement_allocates_the_same_for_a_thousand_participants_as_for_a_hundred_thousand() {
    assert_same_allocations(&national_rule());
}

#[test]
fn settlement_with_age_conditions_allocates_the_same_for_a_thousand_participants_as_for_a_hundred_thousand()
 {
    assert_same_allocations(&eligibility_rule());
}

#[test]
fn claims_in_random_order_cost_one_sorted_copy_not_an_allocation_per_claim() {
    let rule = national_rule();
    // Both spread their ids over more than one digit of the radix sort, so
    // both sort each top digit's range through the same buffers.
    let small = settling(&rule, &shuffled(claims(&rule, 10_000)));
    let large = settling(&rule, &shuffled(claims(&rule, 100_000)));
    // The copy's buffers grow with the claims; their number does not.
    assert_eq!(small.count_total, large.count_total, "{small:?} vs {large:?}");
    assert!(large.bytes_total > small.bytes_total, "{small:?} vs {large:?}");
    let per_claim = (large.bytes_total - small.bytes_total) / (90_000 * CLAIMS_PER_PARTICIPANT);
    assert!(per_claim <= 2 * size_of::<Claim>() as u64, "{per_claim} bytes a claim");
}

/// Memory grows with the dates claims fall on, not with the window's
/// length: 64 outcomes over a window from -9999 to 9999 with a total cap
/// (buckets by day: 7.3 million days) and one claim used to take 3.6 GB.
#[test]
fn the_longest_window_with_one_claim_settles_in_a_few_megabytes() {
    let outcomes: Vec<RateCardOutcome> = (0..64)
        .map(|i| RateCardOutcome::new(format!("o{i}"), "an outcome", gbp(1)).unwrap())
        .collect();
    let card = RateCard::new("wide", Currency::GBP, outcomes).unwrap();
    let window = ClaimWindow::new(Date::MIN, Date::MAX).unwrap();
    let terms = RateCardTerms::new(window).with_total_cap(gbp(1_000));
    let claim = Claim::new(1, OutcomeIndex::new(63).unwrap(), Date::constant(2020, 6, 1));
    let none = Participants::none();
    let mut settled = None;
    let info = allocation_counter::measure(|| {
        let rule = RateCardRule::new("wide", card.clone(), terms.clone()).unwrap();
        settled = Some(rule.settle(&[claim], &none, Detail::Audit).unwrap().total());
    });
    assert_eq!(settled, Some(gbp(1)));
    assert!(info.bytes_max < 32 << 20, "peak {} bytes", info.bytes_max);
}
