//! Contracts and statements: validation, serde, rounding and caps, payer
//! splits, and the properties of issue 3 over generated contracts (totals
//! agree, caps never exceeded, audit equals totals-only, claim order,
//! scaling invariance, monotonicity, exact boundaries, no panics).

// Test helpers may unwrap: a panic is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use integration_outcomes::outcomes::{
    BaselineMeasurement, BaselineRule, CapKind, ClaimWindow, Cohort, CohortRule, Comparison,
    Contract, Decision, Evidence, OutcomeError, PayerShares, PoolingRule, RateCard, RateCardRule,
    RateCardTerms, RuleEvidence,
};
use integration_outcomes::{
    Currency, Date, Money, RoundingPolicy, RoundingStage, RoundingStrategy,
};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn gbp(n: i64) -> Money {
    Money::from_major(n, Currency::GBP)
}

fn pence(n: i64) -> Money {
    Money::from_minor(n, Currency::GBP)
}

fn policy(stage: RoundingStage) -> RoundingPolicy {
    RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::MidpointAwayFromZero, stage)
}

fn single() -> PayerShares {
    PayerShares::single("payer".parse().unwrap())
}

/// Baseline lines of £0.005 each: per line they round up to a penny each,
/// per total they sum first; a cap of £0.01 is never exceeded by rounding.
#[test]
fn rounding_stage_and_caps() {
    // 0.5 × 1 − 0 = 0.5 units × £0.01 = £0.005 per measurement.
    let rule = BaselineRule::new("b", "50%".parse().unwrap(), pence(1)).unwrap();
    let m = [
        BaselineMeasurement::new(d("2014-01-10"), 1, 0).unwrap(),
        BaselineMeasurement::new(d("2014-01-20"), 1, 0).unwrap(),
        BaselineMeasurement::new(d("2014-01-30"), 1, 0).unwrap(),
    ];
    let settle = |rule: &BaselineRule, stage| {
        let c =
            Contract::new("c", Currency::GBP, policy(stage), single(), vec![rule.clone().into()])
                .unwrap();
        c.settle(&Evidence::new().with("b", RuleEvidence::Baseline(&m))).unwrap()
    };
    assert_eq!(settle(&rule, RoundingStage::PerLine).total(), pence(3));
    // Per total: £0.015 rounds once to £0.02.
    assert_eq!(settle(&rule, RoundingStage::PerTotal).total(), pence(2));
    let capped = rule.with_cap(pence(1)).unwrap();
    let s = settle(&capped, RoundingStage::PerLine);
    assert_eq!(s.total(), pence(1));
    assert_eq!(
        s.lines().iter().map(|l| l.amount()).collect::<Vec<_>>(),
        [pence(1), pence(0), pence(0)]
    );
    assert_eq!(s.lines()[1].decision(), Decision::Capped { by: CapKind::RuleCap });
    assert_eq!(settle(&capped, RoundingStage::PerTotal).total(), pence(1));
}

#[test]
fn contract_validation() {
    let rule = || BaselineRule::new("b", "50%".parse().unwrap(), gbp(1)).unwrap();
    let euro = BaselineRule::new("e", "50%".parse().unwrap(), Money::from_major(1, Currency::EUR))
        .unwrap();
    let err = Contract::new(
        "c",
        Currency::GBP,
        policy(RoundingStage::PerLine),
        single(),
        vec![rule().into(), euro.into()],
    )
    .unwrap_err();
    assert!(matches!(err, OutcomeError::MixedCurrency { .. }), "{err}");
    let err = Contract::new(
        "c",
        Currency::GBP,
        policy(RoundingStage::PerLine),
        single(),
        vec![rule().into(), rule().into()],
    )
    .unwrap_err();
    assert!(matches!(err, OutcomeError::Duplicate { .. }));
    let fine =
        RoundingPolicy::new(3, RoundingStrategy::TowardZero, RoundingStage::PerLine).unwrap();
    assert!(matches!(
        Contract::new("c", Currency::GBP, fine, single(), vec![rule().into()]),
        Err(OutcomeError::RoundingFinerThanCurrency { .. })
    ));
    let whole_pounds =
        RoundingPolicy::new(0, RoundingStrategy::TowardZero, RoundingStage::PerLine).unwrap();
    let window = ClaimWindow::new(d("2015-01-01"), d("2015-12-31")).unwrap();
    let rc = RateCardRule::new(
        "rc",
        RateCard::fair_chance_fund().unwrap(),
        RateCardTerms::new(window).with_participant_cap(pence(100_050)),
    )
    .unwrap();
    assert!(matches!(
        Contract::new("c", Currency::GBP, whole_pounds, single(), vec![rc.into()]),
        Err(OutcomeError::NotWholeRoundingUnits { .. })
    ));
    let c = Contract::new(
        "c",
        Currency::GBP,
        policy(RoundingStage::PerLine),
        single(),
        vec![rule().into()],
    )
    .unwrap();
    assert!(matches!(c.settle(&Evidence::new()), Err(OutcomeError::Evidence { .. })));
    // Evidence of the wrong kind names the kind expected and the kind given.
    let wrong = c.settle(&Evidence::new().with("b", RuleEvidence::Cohorts(&[]))).unwrap_err();
    assert!(
        matches!(&wrong, OutcomeError::WrongEvidence { rule, expected: "baseline measurements", given: "cohorts" } if rule == "b"),
        "{wrong:?}"
    );
    assert_eq!(
        wrong.to_string(),
        r#"evidence for rule "b": expected baseline measurements, given cohorts"#
    );
    assert!(matches!(
        c.settle(
            &Evidence::new()
                .with("b", RuleEvidence::Baseline(&[]))
                .with("zz", RuleEvidence::Baseline(&[]))
        ),
        Err(OutcomeError::UnknownRule { rule }) if rule == "zz"
    ));
}

#[test]
fn contract_serde_round_trip_is_validated() {
    let rule = CohortRule::new(
        "r",
        "10%".parse().unwrap(),
        "7.5%".parse().unwrap(),
        PoolingRule::MeanOfCohortReductions,
        gbp(10),
    )
    .unwrap();
    let c = Contract::new(
        "c",
        Currency::GBP,
        policy(RoundingStage::PerTotal),
        single(),
        vec![rule.into()],
    )
    .unwrap()
    .with_cap(gbp(1_000))
    .unwrap();
    let json = serde_json::to_string(&c).unwrap();
    let back: Contract = serde_json::from_str(&json).unwrap();
    assert_eq!(back, c);
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
    let bad = json.replace("\"10%\"", "\"110%\"");
    assert!(serde_json::from_str::<Contract>(&bad).is_err());
}

#[test]
fn contract_cap_applies_across_rules_in_date_order() {
    let early = BaselineRule::new("early", "100%".parse().unwrap(), gbp(1)).unwrap();
    let late = CohortRule::new(
        "late",
        "0%".parse().unwrap(),
        "0%".parse().unwrap(),
        PoolingRule::PooledEvents,
        gbp(1),
    )
    .unwrap();
    let c = Contract::new(
        "c",
        Currency::GBP,
        policy(RoundingStage::PerLine),
        single(),
        vec![late.into(), early.into()],
    )
    .unwrap()
    .with_cap(gbp(150))
    .unwrap();
    let m = [BaselineMeasurement::new(d("2014-01-01"), 100, 0).unwrap()];
    let cohorts =
        [Cohort::new("c1", 100, 0, Comparison::group(100, 100).unwrap(), d("2015-01-01")).unwrap()];
    let s = c
        .settle(
            &Evidence::new()
                .with("early", RuleEvidence::Baseline(&m))
                .with("late", RuleEvidence::Cohorts(&cohorts)),
        )
        .unwrap();
    assert_eq!(s.total(), gbp(150));
    let by_rule: Vec<(String, Money)> =
        s.totals_by_rule().iter().map(|(r, m)| (r.to_string(), *m)).collect();
    assert_eq!(by_rule, [("late".to_owned(), gbp(50)), ("early".to_owned(), gbp(100))]);
    assert!(s.withheld().contains(&(CapKind::ContractCap, gbp(50))));
}

mod properties {
    use super::*;
    use integration_outcomes::outcomes::strategies::{self, ContractCase};
    use integration_outcomes::outcomes::{
        Claim, CohortStatus, Detail, Participants, Rule, Statement,
    };
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn sum(ms: impl IntoIterator<Item = Money>) -> Decimal {
        ms.into_iter().map(|m| m.amount()).sum()
    }

    fn settle(case: &ContractCase, detail: Detail) -> Statement {
        case.contract().settle_with(&case.evidence(), detail).unwrap()
    }

    fn scaled(c: &Cohort, k: u64) -> Cohort {
        // Scale by k: the cohort, and the comparison group's events and size.
        let mut v = serde_json::to_value(c).unwrap();
        v["size"] = (c.size() * k).into();
        v["events"] = (c.events() * k).into();
        if let Some(group) = v["comparison"].get_mut("group") {
            group["events"] = (group["events"].as_u64().unwrap() * k).into();
            group["size"] = (group["size"].as_u64().unwrap() * k).into();
        }
        serde_json::from_value(v).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// Payments sum to the total; totals by payer, period and rule agree
        /// exactly with it; every payment is whole minor units.
        #[test]
        fn totals_agree(case in strategies::contract_case()) {
            let s = settle(&case, Detail::Audit);
            let total = s.total().amount();
            prop_assert_eq!(sum(s.payments().iter().map(|p| p.amount())), total);
            prop_assert_eq!(sum(s.totals_by_payer().iter().map(|p| p.1)), total);
            prop_assert_eq!(sum(s.totals_by_period().iter().map(|p| p.1)), total);
            prop_assert_eq!(sum(s.totals_by_rule().iter().map(|p| p.1)), total);
            for p in s.payments() {
                prop_assert!(p.amount().to_minor_units().is_ok());
                prop_assert!(!p.amount().is_negative());
            }
        }

        /// No cap is ever exceeded, after rounding: the contract cap, each
        /// rule's cumulative cap, and no line above its exact capped amount
        /// when a cap bound it.
        #[test]
        fn caps_are_never_exceeded(case in strategies::contract_case()) {
            let s = settle(&case, Detail::Audit);
            if let Some(cap) = case.contract().cap() {
                prop_assert!(s.total().amount() <= cap.amount());
            }
            for (rule, (id, total)) in case.contract().rules().iter().zip(s.totals_by_rule()) {
                prop_assert_eq!(rule.id(), id);
                let cap = match rule {
                    Rule::RateCard(r) => r.terms().total_cap(),
                    Rule::Cohort(r) => r.cap(),
                    Rule::Baseline(r) => r.cap(),
                    Rule::Banded(r) => Some(r.maximum()),
                    _ => None,
                };
                if let Some(cap) = cap {
                    prop_assert!(total.amount() <= cap.amount(), "{} {} > {}", id, total, cap);
                }
            }
            for l in s.lines() {
                prop_assert!(!l.amount().is_negative());
                if matches!(l.decision(), Decision::Capped { .. }) {
                    prop_assert!(l.amount().amount() <= l.exact().amount());
                }
            }
        }

        /// Totals-only settlement gives the same money as the audit trail.
        #[test]
        fn audit_equals_totals_only(case in strategies::contract_case()) {
            let audit = settle(&case, Detail::Audit);
            let totals = settle(&case, Detail::TotalsOnly);
            prop_assert_eq!(audit.total(), totals.total());
            prop_assert_eq!(audit.payments(), totals.payments());
            prop_assert_eq!(audit.totals_by_outcome(), totals.totals_by_outcome());
        }

        /// Claim order never changes the statement.
        #[test]
        fn claim_order_does_not_matter(case in strategies::contract_case(), seed in any::<u64>()) {
            let before = settle(&case, Detail::Audit);
            let mut claims: Vec<Claim> = case.claims().to_vec();
            let n = claims.len();
            for i in (1..n).rev() {
                let j = usize::try_from((seed.wrapping_mul(i as u64 + 1)).rotate_left(13) % (i as u64 + 1)).unwrap();
                claims.swap(i, j);
            }
            let after = settle(&case.with_claims(claims), Detail::Audit);
            prop_assert_eq!(before, after);
        }

        /// Scaling every cohort and its comparison group by the same factor
        /// leaves every decision unchanged.
        #[test]
        fn scaling_counts_keeps_decisions(case in strategies::contract_case(), k in 2_u64..50) {
            prop_assume!(!case.cohorts().is_empty());
            let before = settle(&case, Detail::Audit);
            let cohorts: Vec<Cohort> = case.cohorts().iter().map(|c| scaled(c, k)).collect();
            let after = settle(&case.with_cohorts(cohorts), Detail::Audit);
            let decisions = |s: &Statement| s.lines().iter().filter(|l| l.rule().as_str() == "cohorts").map(|l| l.decision()).collect::<Vec<_>>();
            let before_d = decisions(&before);
            let after_d = decisions(&after);
            // Caps and money scale too, so compare which lines qualified.
            let qualified = |ds: &[Decision]| ds.iter().map(|d| matches!(d, Decision::Rejected { .. })).collect::<Vec<_>>();
            prop_assert_eq!(qualified(&before_d), qualified(&after_d));
        }

        /// Fewer events in a cohort (a larger reduction) never lowers the
        /// exact payment.
        #[test]
        fn larger_reduction_never_pays_less(case in strategies::contract_case(), which in any::<prop::sample::Index>(), fewer in 1_u64..500) {
            prop_assume!(!case.cohorts().is_empty());
            let k = which.index(case.cohorts().len());
            let before = settle(&case, Detail::Audit);
            let mut cohorts = case.cohorts().to_vec();
            let c = &cohorts[k];
            let improved = Cohort::new(c.id().as_str(), c.size(), c.events().saturating_sub(fewer), c.comparison(), c.measured_on()).unwrap().with_status(c.status());
            cohorts[k] = improved;
            let after = settle(&case.with_cohorts(cohorts), Detail::Audit);
            let exact = |s: &Statement| sum(s.lines().iter().filter(|l| l.rule().as_str() == "cohorts").map(|l| l.exact()));
            prop_assert!(exact(&after) >= exact(&before));
        }

        /// At exactly the trigger the cohort pays; one event more and it does not.
        #[test]
        fn boundary_is_exact_and_inclusive(per_100 in 1_u64..300, pct in 1_u64..=99, m in 1_u64..50) {
            // Comparison: 100·per_100 events in 100·m... people scaled so the
            // threshold count is a whole number of events.
            let size = 100 * m;
            let expected = per_100 * m; // events per 100 × (size / 100)
            let at_threshold = expected * 100 * (100 - pct) / 100; // ×100 people
            let comparison = Comparison::group(per_100 * 100, 10_000).unwrap();
            let rule = CohortRule::new("cohorts", Decimal::new(i64::try_from(pct).unwrap(), 2).into_rate(), "100%".parse().unwrap(), PoolingRule::PooledEvents, gbp(1)).unwrap();
            let c = Contract::new("c", Currency::GBP, policy(RoundingStage::PerLine), single(), vec![rule.into()]).unwrap();
            for (events, pays) in [(at_threshold, true), (at_threshold + 1, false)] {
                let cohort = Cohort::new("c1", size * 100, events, comparison, d("2015-01-01")).unwrap().with_status(CohortStatus::Measured);
                let s = c.settle(&Evidence::new().with("cohorts", RuleEvidence::Cohorts(std::slice::from_ref(&cohort)))).unwrap();
                prop_assert_eq!(s.lines()[0].decision() == Decision::Paid, pays, "events {} expected {}", events, expected * 100);
            }
        }

        /// Arbitrary JSON never panics the validating deserialisers.
        #[test]
        fn arbitrary_json_never_panics(text in ".{0,200}", case in strategies::contract_case()) {
            let _ = serde_json::from_str::<Contract>(&text);
            let json = serde_json::to_string(case.contract()).unwrap();
            // Corrupt one character of a valid contract.
            let mut bytes = json.into_bytes();
            if !bytes.is_empty() {
                let i = text.len() % bytes.len();
                bytes[i] = b'9';
            }
            if let Ok(s) = String::from_utf8(bytes) {
                let _ = serde_json::from_str::<Contract>(&s);
            }
        }

        /// Claims with any outcome index and any date settle without panic.
        #[test]
        fn arbitrary_claims_never_panic((rule, _) in strategies::rule_with_claims(5, 5), raw in prop::collection::vec((any::<u64>(), 0_usize..64, -9_999_i16..=9_999, 1_i8..=12, 1_i8..=28), 0..50)) {
            let claims: Vec<Claim> = raw.iter().filter_map(|(p, o, y, m, dd)| {
                Some(Claim::new(*p, integration_outcomes::outcomes::OutcomeIndex::new(*o)?, Date::new(*y, *m, *dd).ok()?))
            }).collect();
            let s = rule.settle(&claims, &Participants::none(), Detail::Audit).unwrap();
            prop_assert_eq!(s.claims(), claims.len() as u64);
        }
    }

    trait IntoRate {
        fn into_rate(self) -> integration_outcomes::Rate;
    }
    impl IntoRate for Decimal {
        fn into_rate(self) -> integration_outcomes::Rate {
            integration_outcomes::Rate::from_fraction(self)
        }
    }
}

/// A binding cap is paid in full: lines are rounded once, then taken from
/// the cap in date order, so no penny of the cap is lost to rounding each
/// capped line down. (Improving the first period used to lower the total
/// from £19,489.11 to £19,489.10: the cap cut exact amounts of £42.8852 and
/// £19,446.2248, and each was then rounded down.)
#[test]
fn a_better_baseline_result_never_pays_less_and_a_binding_cap_is_paid_in_full() {
    let rule = BaselineRule::new("b", "69%".parse().unwrap(), pence(7_394))
        .unwrap()
        .with_cap(pence(1_948_911))
        .unwrap();
    let toward_zero = RoundingPolicy::for_currency(
        Currency::GBP,
        RoundingStrategy::TowardZero,
        RoundingStage::PerLine,
    );
    let c = Contract::new("c", Currency::GBP, toward_zero, single(), vec![rule.into()]).unwrap();
    let settle = |first_actual| {
        let m = [
            BaselineMeasurement::new(d("2016-03-31"), 40_782, first_actual).unwrap(),
            BaselineMeasurement::new(d("2016-06-30"), 398, 0).unwrap(),
        ];
        c.settle(&Evidence::new().with("b", RuleEvidence::Baseline(&m))).unwrap()
    };
    let before = settle(33_033);
    assert_eq!(before.total(), pence(1_948_911));
    let better = settle(28_139);
    assert_eq!(better.total(), pence(1_948_911));
    let amounts: Vec<Money> = better.lines().iter().map(|l| l.amount()).collect();
    assert_eq!(amounts, [pence(4_288), pence(1_944_623)]);
    assert_eq!(better.lines()[1].decision(), Decision::Capped { by: CapKind::RuleCap });
}

/// Cohorts measured on the same date take a shared cap in order of id,
/// whatever order the evidence lists them in.
#[test]
fn cohorts_on_one_date_take_a_cap_in_order_of_id() {
    let rule = CohortRule::new(
        "r",
        "10%".parse().unwrap(),
        "10%".parse().unwrap(),
        PoolingRule::PooledEvents,
        gbp(10),
    )
    .unwrap()
    .with_cap(gbp(1_500))
    .unwrap();
    let c = Contract::new(
        "c",
        Currency::GBP,
        policy(RoundingStage::PerLine),
        single(),
        vec![rule.into()],
    )
    .unwrap();
    let per_100 = Comparison::rate("200".parse().unwrap(), 100).unwrap();
    // Each cohort of 100 avoids 100 events: £1,000 each.
    let alpha = Cohort::new("alpha", 100, 100, per_100, d("2015-06-30")).unwrap();
    let beta = Cohort::new("beta", 100, 100, per_100, d("2015-06-30")).unwrap();
    let paid = |cohorts: &[Cohort]| {
        let s = c.settle(&Evidence::new().with("r", RuleEvidence::Cohorts(cohorts))).unwrap();
        let lines: Vec<(String, Money)> = s
            .lines()
            .iter()
            .map(|l| (l.subject().to_string(), l.amount()))
            .filter(|(_, m)| !m.is_zero())
            .collect();
        (lines, s.total())
    };
    let forward = paid(&[alpha.clone(), beta.clone()]);
    assert_eq!(forward, paid(&[beta, alpha]));
    assert_eq!(forward.1, gbp(1_500));
    assert_eq!(forward.0[0].1, gbp(1_000), "alpha, first by id, is paid in full: {forward:?}");
}

/// Payer splits are in the contract's rounding unit: a contract rounding
/// to whole pounds splits whole pounds.
#[test]
fn payer_splits_use_the_contracts_rounding_unit() {
    let rule = BaselineRule::new("b", "50%".parse().unwrap(), gbp(1)).unwrap();
    let whole_pounds =
        RoundingPolicy::new(0, RoundingStrategy::TowardZero, RoundingStage::PerLine).unwrap();
    let payers = PayerShares::new(vec![
        ("commissioner".parse().unwrap(), "80%".parse().unwrap()),
        ("top_up".parse().unwrap(), "20%".parse().unwrap()),
    ])
    .unwrap();
    let c = Contract::new("c", Currency::GBP, whole_pounds, payers, vec![rule.into()]).unwrap();
    // 50% of 10,392 is 5,196 units avoided at £1.
    let m = [BaselineMeasurement::new(d("2016-03-31"), 10_392, 0).unwrap()];
    let s = c.settle(&Evidence::new().with("b", RuleEvidence::Baseline(&m))).unwrap();
    assert_eq!(s.total(), gbp(5_196));
    let parts: Vec<Money> = s.totals_by_payer().iter().map(|(_, m)| *m).collect();
    assert_eq!(parts, [gbp(4_157), gbp(1_039)]);
}

/// Large fractions keep their value: an interpolated band amount near the
/// top of a decimal's range keeps every digit a decimal can hold, and what
/// it cannot hold (here the last 0.6 of 36,012,801,142,847,426,178,883,613,788.6,
/// a thirtieth digit) is cut toward zero, never rounded up. It used to be 10%
/// too high: 39,614,081,257,132,168,796,771,975,167.
#[test]
fn large_band_amounts_are_exact() {
    use integration_outcomes::outcomes::{Band, BandMode, BandedMeasurement, BandedRule};
    let usd = |d: rust_decimal::Decimal| Money::new(d, Currency::USD);
    let top = usd(rust_decimal::Decimal::MAX);
    let rule = BandedRule::new(
        "bands",
        vec![
            Band::new("0%".parse().unwrap(), usd(0.into())),
            Band::new("11%".parse().unwrap(), top),
        ],
        BandMode::Interpolated,
        top,
    )
    .unwrap();
    let whole_dollars =
        RoundingPolicy::new(0, RoundingStrategy::MidpointAwayFromZero, RoundingStage::PerLine)
            .unwrap();
    let c = Contract::new("c", Currency::USD, whole_dollars, single(), vec![rule.into()]).unwrap();
    let m = [BandedMeasurement::Reduction {
        measured_on: d("2016-03-31"),
        reduction: "5%".parse().unwrap(),
    }];
    let s = c.settle(&Evidence::new().with("bands", RuleEvidence::Banded(&m))).unwrap();
    assert_eq!(s.lines()[0].exact().amount().to_string(), "36012801142847426178883613788");
    assert_eq!(s.total().amount().to_string(), "36012801142847426178883613788");
}

/// A cohort against a comparison rate with a long expansion pays the exact
/// events avoided, rounded once (it used to pay ¥8,000,000,000,000,000,000,000,000,000).
#[test]
fn large_cohort_payments_are_exact() {
    let yen_currency = Currency::from_code("JPY").unwrap();
    let jpy = |n: i64| Money::from_major(n, yen_currency);
    let rule = CohortRule::new(
        "r",
        "10%".parse().unwrap(),
        "7.5%".parse().unwrap(),
        PoolingRule::PooledEvents,
        jpy(1),
    )
    .unwrap();
    let yen = RoundingPolicy::for_currency(
        yen_currency,
        RoundingStrategy::MidpointAwayFromZero,
        RoundingStage::PerLine,
    );
    let c = Contract::new("c", yen_currency, yen, single(), vec![rule.into()]).unwrap();
    let comparison = Comparison::group(10_000_000_000_000_000_000, 13).unwrap();
    let cohorts = [Cohort::new("c1", 8_000_000_000, 0, comparison, d("2015-06-30")).unwrap()];
    let s = c.settle(&Evidence::new().with("r", RuleEvidence::Cohorts(&cohorts))).unwrap();
    assert_eq!(s.total().amount().to_string(), "6153846153846153846153846154");
}

/// Every claim accepted is in every total, however long the claim window:
/// months of a window from year -9999 are dated by arithmetic (a span of
/// months stops at 239,976, and later rows used to vanish from the totals
/// by period).
#[test]
fn every_accepted_claim_is_in_every_total_over_the_longest_window() {
    use integration_outcomes::outcomes::{Claim, Detail, Participants, RateCardOutcome};
    let card = RateCard::new(
        "card",
        Currency::GBP,
        vec![
            RateCardOutcome::new("o", "an outcome", pence(1))
                .unwrap()
                .with_repeat(integration_outcomes::outcomes::Repeat::Repeatable),
        ],
    )
    .unwrap();
    let window = ClaimWindow::new(d("-009999-01-01"), d("9999-12-31")).unwrap();
    let rule = RateCardRule::new("r", card, RateCardTerms::new(window)).unwrap();
    let o = rule.card().index_of("o").unwrap();
    let claims: Vec<Claim> = ["-009999-01-01", "2020-06-01", "9000-01-01", "9999-12-31"]
        .iter()
        .map(|s| Claim::new(1, o, d(s)))
        .collect();
    let c = Contract::new(
        "c",
        Currency::GBP,
        policy(RoundingStage::PerLine),
        single(),
        vec![rule.clone().into()],
    )
    .unwrap();
    let none = Participants::none();
    let evidence =
        Evidence::new().with("r", RuleEvidence::Claims { claims: &claims, participants: &none });
    for detail in [Detail::Audit, Detail::TotalsOnly] {
        let s = c.settle_with(&evidence, detail).unwrap();
        assert_eq!(s.total(), pence(4), "{detail:?}");
        let by_period: rust_decimal::Decimal =
            s.totals_by_period().iter().map(|(_, m)| m.amount()).sum();
        assert_eq!(by_period, pence(4).amount(), "{detail:?}");
    }
    let own = rule.settle(&claims, &none, Detail::TotalsOnly).unwrap();
    let by_period: rust_decimal::Decimal = own
        .totals_by_period(integration_outcomes::outcomes::Periodicity::Monthly)
        .iter()
        .map(|(_, m)| m.amount())
        .sum();
    assert_eq!(by_period, pence(4).amount());
}

/// Errors say what kind of thing was wrong: a measurement or a schedule of
/// bands is not called a threshold.
#[test]
fn errors_name_measurements_and_bands_for_what_they_are() {
    use integration_outcomes::outcomes::{Band, BandMode, BandedRule};
    let err = BaselineMeasurement::new(d("2014-03-31"), 10, 11).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid baseline measurement on 2014-03-31: more units in care than units in total"
    );
    let err = Comparison::rate("-1".parse().unwrap(), 100).unwrap_err();
    assert_eq!(err.to_string(), "invalid comparison rate of -1 events: events are negative");
    let falling =
        vec![Band::new("10%".parse().unwrap(), gbp(10)), Band::new("20%".parse().unwrap(), gbp(5))];
    let err = BandedRule::new("bands", falling, BandMode::Stepped, gbp(10)).unwrap_err();
    assert!(matches!(err, OutcomeError::InvalidBands { .. }), "{err:?}");
    assert_eq!(err.to_string(), "invalid bands in rule bands: band amounts must not decrease");
}

/// Every date read from JSON is a date alone: a time, an offset or a zone is
/// refused, not dropped (it used to be read as its date).
#[test]
fn every_date_read_from_json_is_a_date_alone() {
    use integration_outcomes::finance::{CashFlow, InvestmentTerm};
    use integration_outcomes::outcomes::{Participant, Placement};
    let with_time = "2015-06-30T23:00-05:00";
    let refused = |what: &str, r: Result<(), serde_json::Error>| {
        let err = r.expect_err(what).to_string();
        assert!(err.contains("not a date alone"), "{what}: {err}");
    };
    refused("cohort", serde_json::from_str::<Cohort>(&format!(
        r#"{{"id":"c","size":10,"events":1,"comparison":{{"group":{{"events":2,"size":10}}}},"measured_on":"{with_time}"}}"#)).map(|_| ()));
    refused(
        "baseline",
        serde_json::from_str::<BaselineMeasurement>(&format!(
            r#"{{"measured_on":"{with_time}","total_units":10,"actual_units":1}}"#
        ))
        .map(|_| ()),
    );
    refused(
        "participant",
        serde_json::from_str::<Participant>(&format!(
            r#"{{"id":1,"start":"{with_time}","age_at_start":15}}"#
        ))
        .map(|_| ()),
    );
    refused(
        "placement",
        serde_json::from_str::<Placement>(&format!(
            r#"{{"participant":1,"start":"2015-01-01","end":"{with_time}"}}"#
        ))
        .map(|_| ()),
    );
    refused(
        "window",
        serde_json::from_str::<ClaimWindow>(&format!(
            r#"{{"first":"2015-01-01","last":"{with_time}"}}"#
        ))
        .map(|_| ()),
    );
    refused(
        "term",
        serde_json::from_str::<InvestmentTerm>(&format!(
            r#"{{"start":"2015-01-01","end":"{with_time}"}}"#
        ))
        .map(|_| ()),
    );
    refused("cash flow", serde_json::from_str::<CashFlow>(&format!(
        r#"{{"date":"{with_time}","kind":"drawdown","amount":{{"amount":"1","currency":"GBP"}}}}"#)).map(|_| ()));
}
