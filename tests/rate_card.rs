//! Rate-card settlement: the Innovation Fund and Fair Chance Fund journeys
//! (sib-payment-facts §2.1, §2.3), prerequisites, eligibility, caps and their
//! order, and the properties issue 3 and issue 5 ask for (claim order,
//! shard merge, audit equals totals, caps never exceeded, no panics).

// Test helpers may unwrap: a panic is a failing test (clippy.toml allows it
// inside `#[test]` functions only, not in the helpers they call).
#![allow(clippy::unwrap_used)]

use integration_outcomes::outcomes::{
    BidPrices, CapKind, Claim, ClaimWindow, Decision, Detail, OutcomeError, Participant,
    Participants, RateCard, RateCardOutcome, RateCardRule, RateCardTerms, RejectionReason,
};
use integration_outcomes::{Currency, Date, Money};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn gbp(n: i64) -> Money {
    Money::from_major(n, Currency::GBP)
}

fn if_window() -> ClaimWindow {
    ClaimWindow::new(d("2012-04-01"), d("2015-09-30")).unwrap()
}

fn if_rule(cap: i64) -> RateCardRule {
    let terms = RateCardTerms::new(if_window()).with_participant_cap(gbp(cap));
    RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1().unwrap(), terms).unwrap()
}

fn journey(rule: &RateCardRule, participant: u64, steps: &[(&str, &str)]) -> Vec<Claim> {
    steps.iter().map(|(o, date)| rule.claim(participant, o, d(date)).unwrap()).collect()
}

fn pupil(id: u64) -> Participants {
    Participants::new(vec![Participant::new(id, d("1997-10-01"), d("2012-09-03")).unwrap()])
        .unwrap()
}

const PUPIL_JOURNEY: &[(&str, &str)] = &[
    ("improved_school_behaviour", "2012-12-14"),
    ("improved_school_attendance", "2013-01-25"),
    ("first_level_1_qualification", "2013-07-19"),
    ("first_level_2_qualification", "2014-07-18"),
    ("first_level_3_qualification", "2015-06-30"),
    ("entry_to_employment", "2015-07-06"),
    ("sustained_employment", "2015-09-28"),
];

/// Innovation Fund round 1 (sib-payment-facts §2.1): a pupil aged 14 at start
/// whose first four outcomes (£1,300 + £800 + £700 + £2,200 = £5,000) stay
/// under the per-participant cap.
#[test]
fn innovation_fund_journey_under_the_cap() {
    let rule = if_rule(8_200);
    let claims = journey(&rule, 1, &PUPIL_JOURNEY[..4]);
    let s = rule.settle(&claims, &pupil(1), Detail::Audit).unwrap();
    assert_eq!(s.total(), gbp(5_000));
    assert!(s.lines().unwrap().iter().all(|l| l.decision() == Decision::Paid));
}

/// The same pupil's full journey is worth £12,100 at round 1 prices; the
/// £8,200 cap (slide deck reading) pays £8,200, cutting Level 3 to £3,200 and
/// the employment outcomes to zero; the £11,700 cap (INDIGO reading) pays
/// £11,700, cutting sustained employment to £600. The cap is a contract
/// parameter because the sources disagree.
#[test]
fn innovation_fund_journey_over_the_cap_under_both_readings() {
    for (cap, amounts) in [
        (8_200, [1_300, 800, 700, 2_200, 3_200, 0, 0]),
        (11_700, [1_300, 800, 700, 2_200, 3_300, 2_600, 800]),
    ] {
        let rule = if_rule(cap);
        let s = rule.settle(&journey(&rule, 1, PUPIL_JOURNEY), &pupil(1), Detail::Audit).unwrap();
        assert_eq!(s.total(), gbp(cap));
        let paid: Vec<Money> = s.lines().unwrap().iter().map(|l| l.amount()).collect();
        assert_eq!(paid, amounts.map(gbp));
        let capped = s
            .lines()
            .unwrap()
            .iter()
            .filter(|l| l.decision() == Decision::Capped { by: CapKind::ParticipantCap })
            .count();
        assert_eq!(capped, if cap == 8_200 { 3 } else { 1 });
    }
}

/// Attendance is only claimable for participants aged 14–15 at start; an
/// unregistered participant cannot be checked and is rejected, not guessed.
#[test]
fn eligibility_by_age_at_start() {
    let rule = if_rule(8_200);
    let people = Participants::new(vec![
        Participant::with_age_at_start(1, d("2012-09-03"), 15),
        Participant::with_age_at_start(2, d("2012-09-03"), 16),
    ])
    .unwrap();
    let claims: Vec<Claim> = (1..=3)
        .map(|p| rule.claim(p, "improved_school_attendance", d("2013-01-25")).unwrap())
        .collect();
    let s = rule.settle(&claims, &people, Detail::Audit).unwrap();
    let decisions: Vec<Decision> = s.lines().unwrap().iter().map(|l| l.decision()).collect();
    assert_eq!(
        decisions,
        [
            Decision::Paid,
            Decision::Rejected { reason: RejectionReason::NotEligible },
            Decision::Rejected { reason: RejectionReason::ParticipantNotRegistered },
        ]
    );
}

/// Sustained employment needs entry to employment accepted earlier in date
/// order; on the same day the prerequisite is processed first.
#[test]
fn prerequisite_semantics() {
    let rule = if_rule(11_700);
    let none = Participants::none();
    let same_day = [
        rule.claim(1, "sustained_employment", d("2014-01-06")).unwrap(),
        rule.claim(1, "entry_to_employment", d("2014-01-06")).unwrap(),
    ];
    assert_eq!(rule.settle(&same_day, &none, Detail::TotalsOnly).unwrap().total(), gbp(3_600));
    let reversed = [
        rule.claim(2, "sustained_employment", d("2014-01-05")).unwrap(),
        rule.claim(2, "entry_to_employment", d("2014-01-06")).unwrap(),
    ];
    let s = rule.settle(&reversed, &none, Detail::Audit).unwrap();
    assert_eq!(s.total(), gbp(2_600));
    assert_eq!(
        s.lines().unwrap()[0].decision(),
        Decision::Rejected { reason: RejectionReason::PrerequisiteNotMet }
    );
    let twice = [
        rule.claim(3, "entry_to_employment", d("2014-01-06")).unwrap(),
        rule.claim(3, "entry_to_employment", d("2014-03-06")).unwrap(),
    ];
    let s = rule.settle(&twice, &none, Detail::Audit).unwrap();
    assert_eq!(s.total(), gbp(2_600));
    assert_eq!(s.rejections(), [(RejectionReason::AlreadyPaid, 1)]);
}

/// Fair Chance Fund (sib-payment-facts §2.3): a young person's journey
/// through assessments, accommodation and employment; a 6-month
/// accommodation claim dated before the 3-month one is rejected.
#[test]
fn fair_chance_fund_journey() {
    let window = ClaimWindow::new(d("2015-01-01"), d("2017-12-31")).unwrap();
    let rule =
        RateCardRule::new("fcf", RateCard::fair_chance_fund().unwrap(), RateCardTerms::new(window))
            .unwrap();
    let steps = [
        ("initial_assessment", "2015-01-12"),
        ("second_assessment", "2015-03-02"),
        ("third_assessment", "2015-06-01"),
        ("entry_to_accommodation", "2015-02-16"),
        ("accommodation_sustained_6_months", "2015-05-15"),
        ("accommodation_sustained_3_months", "2015-05-18"),
        ("entry_to_employment", "2015-09-07"),
        ("part_time_employment_13_weeks", "2015-12-07"),
        ("entry_to_employment", "2016-01-04"),
    ];
    let s = rule.settle(&journey(&rule, 5, &steps), &Participants::none(), Detail::Audit).unwrap();
    // 500 + 500 + 200 + 500 + 1,500 + 500 + 3,000 = 6,700
    assert_eq!(s.total(), gbp(6_700));
    assert_eq!(
        s.rejections(),
        [(RejectionReason::AlreadyPaid, 1), (RejectionReason::PrerequisiteNotMet, 1)]
    );
    let text = s.to_string();
    assert!(text.contains("rule fcf: 9 claims, total GBP 6,700.00"), "{text}");
}

#[test]
fn bids_above_the_card_are_rejected_by_name() {
    let card = RateCard::innovation_fund_round_1().unwrap();
    let mut bids: Vec<_> =
        card.outcomes().iter().map(|o| (o.id().clone(), o.maximum_price())).collect();
    bids[7].1 = gbp(2_601);
    let err = RateCardRule::new(
        "r",
        card.clone(),
        RateCardTerms::new(if_window()).with_bids(BidPrices::Listed(bids.clone())),
    )
    .unwrap_err();
    assert!(
        matches!(&err, OutcomeError::BidAboveMaximum { outcome, .. } if outcome == "entry_to_employment")
    );
    assert_eq!(
        err.to_string(),
        "bid price GBP 2,601.00 for outcome \"entry_to_employment\" exceeds the rate card maximum GBP 2,600.00"
    );
    bids[7].1 = gbp(2_600);
    bids.pop();
    let err = RateCardRule::new(
        "r",
        card,
        RateCardTerms::new(if_window()).with_bids(BidPrices::Listed(bids)),
    )
    .unwrap_err();
    assert!(matches!(err, OutcomeError::MissingBid { .. }));
}

/// Volume caps keep the first claims in date order (ties by participant);
/// the total cap then cuts the last paid claims in (date, outcome,
/// participant) order.
#[test]
fn volume_then_total_cap() {
    let terms = RateCardTerms::new(if_window())
        .with_volume_cap("entry_to_employment".parse().unwrap(), 2)
        .with_total_cap(gbp(6_000));
    let rule = RateCardRule::new("r", RateCard::innovation_fund_round_1().unwrap(), terms).unwrap();
    let claims = [
        rule.claim(3, "entry_to_employment", d("2013-01-01")).unwrap(),
        rule.claim(1, "entry_to_employment", d("2013-02-01")).unwrap(),
        rule.claim(2, "entry_to_employment", d("2013-01-01")).unwrap(),
        rule.claim(2, "esol_course_completed", d("2013-03-01")).unwrap(),
    ];
    for detail in [Detail::Audit, Detail::TotalsOnly] {
        let s = rule.settle(&claims, &Participants::none(), detail).unwrap();
        // Entries for 2 and 3 (1 January) are kept, 1 (1 February) is cut by
        // volume; 2,600 + 2,600 + 1,200 = 6,400, cut to 6,000 on the ESOL claim.
        assert_eq!(s.total(), gbp(6_000));
        let entry = &s.outcomes()[7];
        assert_eq!(entry.reduced_by_volume_cap(), 1);
        assert_eq!(entry.withheld_by_volume_cap(), gbp(2_600));
        assert_eq!(s.outcomes()[6].withheld_by_rule_cap(), gbp(400));
        if let Some(lines) = s.lines() {
            let by: Vec<(u64, Decision, Money)> =
                lines.iter().map(|l| (l.claim().participant(), l.decision(), l.amount())).collect();
            assert_eq!(
                by,
                [
                    (1, Decision::Capped { by: CapKind::VolumeCap }, gbp(0)),
                    (2, Decision::Paid, gbp(2_600)),
                    (2, Decision::Capped { by: CapKind::RuleCap }, gbp(800)),
                    (3, Decision::Paid, gbp(2_600)),
                ]
            );
        }
    }
}

/// A claim the volume cap refuses takes nothing from its participant's cap
/// room: the later qualification is paid as if the refused entry were not
/// there (it used to be paid £400, the room the refused £2,600 left).
#[test]
fn a_claim_refused_by_the_volume_cap_takes_no_participant_cap_room() {
    let terms = RateCardTerms::new(if_window())
        .with_participant_cap(gbp(3_000))
        .with_volume_cap("entry_to_employment".parse().unwrap(), 0);
    let rule = RateCardRule::new("r", RateCard::innovation_fund_round_1().unwrap(), terms).unwrap();
    let qualification = rule.claim(1, "first_level_2_qualification", d("2013-09-02")).unwrap();
    let entry = rule.claim(1, "entry_to_employment", d("2013-03-04")).unwrap();
    let people = Participants::none();
    for detail in [Detail::Audit, Detail::TotalsOnly] {
        let alone = rule.settle(&[qualification], &people, detail).unwrap();
        assert_eq!(alone.total(), gbp(2_200));
        let both = rule.settle(&[entry, qualification], &people, detail).unwrap();
        assert_eq!(both.total(), gbp(2_200), "{detail:?}");
        let entry_summary = &both.outcomes()[7];
        assert_eq!(entry_summary.withheld_by_volume_cap(), gbp(2_600));
        assert_eq!(entry_summary.withheld_by_participant_cap(), gbp(0));
        if let Some(lines) = both.lines() {
            let by: Vec<(Decision, Money)> =
                lines.iter().map(|l| (l.decision(), l.amount())).collect();
            assert_eq!(
                by,
                [
                    (Decision::Capped { by: CapKind::VolumeCap }, gbp(0)),
                    (Decision::Paid, gbp(2_200))
                ]
            );
        }
    }
}

/// A claim the participant cap leaves nothing takes no place under a volume
/// cap: participant 1 is at their cap, so participant 2's later entry is the
/// one the single place pays.
#[test]
fn a_claim_the_participant_cap_leaves_nothing_takes_no_volume_place() {
    let terms = RateCardTerms::new(if_window())
        .with_participant_cap(gbp(2_600))
        .with_volume_cap("entry_to_employment".parse().unwrap(), 1);
    let rule = RateCardRule::new("r", RateCard::innovation_fund_round_1().unwrap(), terms).unwrap();
    let claims = [
        rule.claim(1, "esol_course_completed", d("2013-01-01")).unwrap(),
        rule.claim(1, "first_level_4_or_higher_education", d("2013-01-02")).unwrap(),
        rule.claim(1, "entry_to_employment", d("2013-02-01")).unwrap(),
        rule.claim(2, "entry_to_employment", d("2013-03-01")).unwrap(),
    ];
    let people = Participants::none();
    let s = rule.settle(&claims, &people, Detail::Audit).unwrap();
    let lines = s.lines().unwrap();
    let last_two: Vec<(u64, Decision, Money)> =
        lines.iter().skip(2).map(|l| (l.claim().participant(), l.decision(), l.amount())).collect();
    assert_eq!(
        last_two,
        [
            (1, Decision::Capped { by: CapKind::ParticipantCap }, gbp(0)),
            (2, Decision::Paid, gbp(2_600)),
        ]
    );
    assert_eq!(s, {
        let mut t = rule.tally(&people, Detail::Audit);
        t.add(&claims[..3]).unwrap();
        let mut u = rule.tally(&people, Detail::Audit);
        u.add(&claims[3..]).unwrap();
        u.merge(t).unwrap().finish().unwrap()
    });
}

#[test]
fn claims_outside_the_window_or_card_are_rejected() {
    let rule = if_rule(8_200);
    let bogus = integration_outcomes::outcomes::OutcomeIndex::new(40).unwrap();
    let claims =
        [rule.claim(1, "basic_skills_do_not_exist", d("2013-01-01")).map(|_| ()).unwrap_err()];
    assert!(matches!(claims[0], OutcomeError::UnknownOutcome { .. }));
    let claims = [
        Claim::new(1, bogus, d("2013-01-01")),
        rule.claim(1, "esol_course_completed", d("2015-10-01")).unwrap(),
        rule.claim(1, "esol_course_completed", d("2012-03-31")).unwrap(),
    ];
    let s = rule.settle(&claims, &Participants::none(), Detail::Audit).unwrap();
    assert_eq!(s.total(), gbp(0));
    assert_eq!(
        s.rejections(),
        [(RejectionReason::UnknownOutcome, 1), (RejectionReason::OutsideClaimWindow, 2)]
    );
}

#[test]
fn rules_round_trip_through_serde_with_validation() {
    let rule = if_rule(8_200);
    let json = serde_json::to_string(&rule).unwrap();
    let back: RateCardRule = serde_json::from_str(&json).unwrap();
    assert_eq!(back, rule);
    let tampered = json.replace("\"8200.00\"", "\"-1.00\"");
    assert!(serde_json::from_str::<RateCardRule>(&tampered).is_err());
}

mod properties {
    use super::*;
    use integration_outcomes::outcomes::strategies;
    use proptest::prelude::*;

    fn shuffled(claims: &[Claim], seed: u64) -> Vec<Claim> {
        // A deterministic permutation: sort by a hash of (seed, position).
        let mut keyed: Vec<(u64, Claim)> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                ((i as u64 ^ seed).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17), *c)
            })
            .collect();
        keyed.sort_by_key(|(k, _)| *k);
        keyed.into_iter().map(|(_, c)| c).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Any order of the same claims gives the identical settlement, in
        /// both detail modes, and audit totals equal totals-only totals.
        #[test]
        fn claim_order_does_not_matter((rule, claims) in strategies::rule_with_claims(20, 120), seed in any::<u64>()) {
            let none = Participants::none();
            let audit = rule.settle(&claims, &none, Detail::Audit).unwrap();
            let again = rule.settle(&shuffled(&claims, seed), &none, Detail::Audit).unwrap();
            prop_assert_eq!(&audit, &again);
            let mut sorted = claims;
            sorted.sort_by_key(|c| (c.participant(), c.date()));
            let totals = rule.settle(&sorted, &none, Detail::TotalsOnly).unwrap();
            prop_assert_eq!(audit.total(), totals.total());
            prop_assert_eq!(audit.outcomes(), totals.outcomes());
            let line_sum: i128 = audit.lines().unwrap().iter().map(|l| i128::from(l.amount().to_minor_units().unwrap())).sum();
            prop_assert_eq!(line_sum, audit.total_minor_units());
        }

        /// Shards partitioned by participant merge into the single-pass result.
        #[test]
        fn shard_merge_equals_single_pass((rule, claims) in strategies::rule_with_claims(20, 120), shards in 1_u64..5, audit in any::<bool>()) {
            let none = Participants::none();
            let detail = if audit { Detail::Audit } else { Detail::TotalsOnly };
            let single = rule.settle(&claims, &none, detail).unwrap();
            let mut merged = rule.tally(&none, detail);
            for shard in (0..shards).rev() {
                let part: Vec<Claim> = claims.iter().copied().filter(|c| c.participant() % shards == shard).collect();
                let mut t = rule.tally(&none, detail);
                t.add(&part).unwrap();
                merged = merged.merge(t).unwrap();
            }
            prop_assert_eq!(merged.finish().unwrap(), single);
        }

        /// Several `add` calls on one tally, each with some participants in
        /// any order (so some roll back to a checkpoint and settle a sorted
        /// copy), equal the single pass.
        #[test]
        fn repeated_adds_equal_single_pass((rule, claims) in strategies::rule_with_claims(20, 120), shards in 1_u64..5, audit in any::<bool>()) {
            let none = Participants::none();
            let detail = if audit { Detail::Audit } else { Detail::TotalsOnly };
            let single = rule.settle(&claims, &none, detail).unwrap();
            let mut tally = rule.tally(&none, detail);
            for shard in 0..shards {
                let part: Vec<Claim> = claims.iter().copied().filter(|c| c.participant() % shards == shard).collect();
                tally.add(&part).unwrap();
            }
            prop_assert_eq!(tally.finish().unwrap(), single);
        }

        /// No cap is ever exceeded and no line pays more than its price.
        #[test]
        fn caps_are_never_exceeded((rule, claims) in strategies::rule_with_claims(20, 150)) {
            let s = rule.settle(&claims, &Participants::none(), Detail::Audit).unwrap();
            let terms = rule.terms();
            if let Some(cap) = terms.total_cap() {
                prop_assert!(s.total().amount() <= cap.amount());
            }
            let lines = s.lines().unwrap();
            for l in lines {
                prop_assert!(l.amount().amount() <= l.price().amount());
                prop_assert!(!l.amount().is_negative());
            }
            if let Some(cap) = terms.participant_cap() {
                let mut per: std::collections::BTreeMap<u64, i64> = Default::default();
                for l in lines { *per.entry(l.claim().participant()).or_default() += l.amount().to_minor_units().unwrap(); }
                prop_assert!(per.values().all(|v| *v <= cap.to_minor_units().unwrap()));
            }
            for (outcome, max) in terms.volume_caps() {
                let i = rule.card().index_of(outcome.as_str()).unwrap();
                let paid = lines.iter().filter(|l| l.claim().outcome() == i && !l.amount().is_zero()).count() as u64;
                prop_assert!(paid <= *max);
            }
        }

        /// An extra achieved outcome never lowers the payment (without caps
        /// that span participants, which can reattribute).
        #[test]
        fn more_outcomes_never_pay_less((rule, claims) in strategies::rule_with_claims(10, 60), extra in strategies::claims(10, 12, 1)) {
            let mut terms = RateCardTerms::new(rule.terms().window()).with_bids(rule.terms().bids().clone());
            if let Some(cap) = rule.terms().participant_cap() {
                terms = terms.with_participant_cap(cap);
            }
            let rule = RateCardRule::new("without_shared_caps", rule.card().clone(), terms).unwrap();
            let none = Participants::none();
            let before = rule.settle(&claims, &none, Detail::TotalsOnly).unwrap();
            // Append an achievement dated after every existing claim.
            let last = claims.iter().map(Claim::date).max().unwrap_or(d("2020-01-01"));
            let more: Vec<Claim> = claims.iter().copied().chain(extra.iter().map(|c| Claim::new(c.participant(), c.outcome(), last))).collect();
            let after = rule.settle(&more, &none, Detail::TotalsOnly).unwrap();
            prop_assert!(after.total().amount() >= before.total().amount());
        }
    }
}

/// A one-outcome rule whose window ends in 2020, with or without a volume
/// cap (which holds its participants back until `finish`).
fn one_outcome_rule(volume_cap: bool) -> RateCardRule {
    let outcome = RateCardOutcome::new("job", "a job", gbp(100)).unwrap();
    let card = RateCard::new("card", Currency::GBP, vec![outcome]).unwrap();
    let mut terms = RateCardTerms::new(ClaimWindow::new(d("2020-01-01"), d("2020-12-31")).unwrap());
    if volume_cap {
        terms = terms.with_volume_cap("job".parse().unwrap(), 10);
    }
    RateCardRule::new("rule", card, terms).unwrap()
}

/// A tally merged with its own copy is refused when merged, before anything
/// is combined: its claim counts can no longer be doubled towards `u64::MAX`
/// (each claim is counted once, so the counters' overflow checks guard
/// against what no tally in memory can hold).
#[test]
fn merging_a_tally_with_its_own_copy_is_refused_at_once() {
    for volume_cap in [false, true] {
        let rule = one_outcome_rule(volume_cap);
        let people = Participants::none();
        let mut tally = rule.tally(&people, Detail::TotalsOnly);
        tally
            .add(&[
                rule.claim(1, "job", d("2020-06-01")).unwrap(),
                rule.claim(3, "job", d("2020-06-01")).unwrap(),
            ])
            .unwrap();
        let err = tally.clone().merge(tally.clone()).unwrap_err();
        assert!(matches!(err, OutcomeError::ParticipantSplit { participant: 1, .. }), "{err}");
        // Interleaved but disjoint shards merge.
        let mut other = rule.tally(&people, Detail::TotalsOnly);
        other.add(&[rule.claim(2, "job", d("2020-06-01")).unwrap()]).unwrap();
        let merged = tally.merge(other).unwrap().finish().unwrap();
        assert_eq!((merged.claims(), merged.total()), (3, gbp(300)));
    }
}

/// Sums of prices at the top of `i64` are computed in a wider type: five
/// claims at `i64::MAX` minor units under a participant cap of `i64::MAX`,
/// or from five participants under a total cap of 0, settle instead of
/// overflowing (every amount paid fits).
#[test]
fn sums_of_the_largest_prices_do_not_overflow() {
    let top = Money::from_minor(i64::MAX, Currency::GBP);
    let outcome = RateCardOutcome::new("big", "a big outcome", top)
        .unwrap()
        .with_repeat(integration_outcomes::outcomes::Repeat::Repeatable);
    let card = RateCard::new("card", Currency::GBP, vec![outcome]).unwrap();
    let window = ClaimWindow::new(d("2020-01-01"), d("2020-12-31")).unwrap();
    let people = Participants::none();
    let one_participant =
        RateCardRule::new("r", card.clone(), RateCardTerms::new(window).with_participant_cap(top))
            .unwrap();
    let claims: Vec<Claim> = (1..=5)
        .map(|k| one_participant.claim(1, "big", d(&format!("2020-0{k}-01"))).unwrap())
        .collect();
    let s = one_participant.settle(&claims, &people, Detail::TotalsOnly).unwrap();
    assert_eq!(s.total(), top);
    assert_eq!(
        s.outcomes()[0].withheld_by_participant_cap(),
        Money::from_minor(i64::MAX, Currency::GBP).checked_mul(4.into()).unwrap()
    );

    let nothing = RateCardRule::new(
        "r",
        card,
        RateCardTerms::new(window).with_total_cap(Money::from_minor(0, Currency::GBP)),
    )
    .unwrap();
    let claims: Vec<Claim> =
        (1..=5).map(|p| nothing.claim(p, "big", d("2020-06-01")).unwrap()).collect();
    let s = nothing.settle(&claims, &people, Detail::Audit).unwrap();
    assert!(s.total().is_zero());
}

/// A price too large to settle names the price and the limit (it used to
/// say only "arithmetic overflow in convert to minor units").
#[test]
fn a_price_too_large_names_the_price_and_the_limit() {
    let huge = Money::new("100000000000000000".parse().unwrap(), Currency::GBP);
    let err = RateCardOutcome::new("big", "a big outcome", huge).unwrap_err();
    assert!(matches!(err, OutcomeError::AmountTooLarge { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "maximum price of outcome big of GBP 100,000,000,000,000,000.00 is above the largest amount a rate card settles, GBP 92,233,720,368,547,758.07"
    );
    let json = r#"{"id":"big","description":"a big outcome","maximum_price":{"amount":"100000000000000000","currency":"GBP"}}"#;
    let err = serde_json::from_str::<RateCardOutcome>(json).unwrap_err();
    assert!(err.to_string().contains("above the largest amount a rate card settles"), "{err}");
}

/// A participant given in two calls, or in a tally merged with its own copy,
/// is refused at `finish` (it used to be settled twice: £2,000 for a
/// once-only outcome under a £1,000 participant cap). Disjoint calls in any
/// order are fine.
#[test]
fn a_participant_given_twice_is_refused() {
    let rule = if_rule(1_000);
    let people = Participants::none();
    let entry = |p: u64| rule.claim(p, "entry_to_employment", d("2013-03-04")).unwrap();
    let mut twice = rule.tally(&people, Detail::TotalsOnly);
    twice.add(&[entry(1)]).unwrap();
    twice.add(&[entry(1)]).unwrap();
    match twice.finish() {
        Err(OutcomeError::ParticipantSplit { participant, .. }) => assert_eq!(participant, 1),
        other => panic!("expected ParticipantSplit, got {other:?}"),
    }
    let mut once = rule.tally(&people, Detail::Audit);
    once.add(&[entry(1), entry(2)]).unwrap();
    let copy = once.clone();
    assert!(matches!(once.merge(copy), Err(OutcomeError::ParticipantSplit { .. })));
    // Disjoint participants, in calls out of order: one settlement.
    let mut apart = rule.tally(&people, Detail::TotalsOnly);
    apart.add(&[entry(5), entry(6)]).unwrap();
    apart.add(&[entry(1), entry(2)]).unwrap();
    assert_eq!(apart.finish().unwrap().total(), gbp(4_000));
}
