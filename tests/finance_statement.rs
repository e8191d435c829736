//! The link from a settled outcomes statement to the investor view: a
//! statement's payments become dated outcome-payment cash flows under a
//! declared timing, in the statement's currency, and feed the money multiple
//! and IRR.

// Helpers outside #[test] functions unwrap too: a panic is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use integration_outcomes::finance::{
    CashFlow, CashFlowKind, CashFlows, InvestmentError, PaymentTiming, XirrOptions,
};
use integration_outcomes::outcomes::{
    Cohort, CohortRule, Comparison, Contract, Evidence, PayerShares, PoolingRule, RuleEvidence,
    Statement,
};
use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};

/// Two cohorts that each clear the 10% trigger (1,395 and 1,300 events
/// against 1,550 expected), at an illustrative £1,000 per event avoided,
/// split 80/20 between two payers.
fn statement() -> Statement {
    let rule = CohortRule::new(
        "reconviction",
        "10%".parse().unwrap(),
        "7.5%".parse().unwrap(),
        PoolingRule::PooledEvents,
        Money::from_major(1_000, Currency::GBP),
    )
    .unwrap();
    let contract = Contract::new(
        "pbr",
        Currency::GBP,
        RoundingPolicy::for_currency(
            Currency::GBP,
            RoundingStrategy::MidpointAwayFromZero,
            RoundingStage::PerLine,
        ),
        PayerShares::new(vec![
            ("moj".parse().unwrap(), "80%".parse().unwrap()),
            ("fund".parse().unwrap(), "20%".parse().unwrap()),
        ])
        .unwrap(),
        vec![rule.into()],
    )
    .unwrap();
    let per_100 = Comparison::rate("155".parse().unwrap(), 100).unwrap();
    let cohorts = [
        Cohort::new("cohort_1", 1_000, 1_395, per_100, "2012-08-07".parse().unwrap()).unwrap(),
        Cohort::new("cohort_2", 1_000, 1_300, per_100, "2014-02-10".parse().unwrap()).unwrap(),
    ];
    contract.settle(&Evidence::new().with("reconviction", RuleEvidence::Cohorts(&cohorts))).unwrap()
}

fn invested() -> CashFlows {
    CashFlows::new(
        Currency::GBP,
        [CashFlow::new(
            "2010-09-01".parse().unwrap(),
            CashFlowKind::CapitalDrawdown,
            Money::from_major(350_000, Currency::GBP),
        )
        .unwrap()],
    )
    .unwrap()
}

#[test]
fn each_period_is_paid_after_its_end() {
    let s = statement();
    let mut flows = invested();
    flows.add_statement_payments(&s, PaymentTiming::AfterPeriodEnd { days: 45 }).unwrap();
    let received: Vec<(String, String)> =
        flows.flows()[1..].iter().map(|f| (f.date().to_string(), f.amount().to_string())).collect();
    // 155 and 250 events avoided; Q3 2012 ends 30 September, Q1 2014 on 31 March.
    assert_eq!(
        received,
        [
            ("2012-11-14".to_owned(), "GBP 155,000.00".to_owned()),
            ("2014-05-15".to_owned(), "GBP 250,000.00".to_owned()),
        ]
    );
    // Every payer's share is received: the flows sum to the statement total.
    assert_eq!(flows.total_of(CashFlowKind::OutcomePayment).unwrap(), s.total());
    assert_eq!(flows.moic().unwrap().returned(), s.total());
    assert!(flows.xirr(XirrOptions::new()).unwrap().rate() > 0.0);
}

#[test]
fn a_lump_sum_is_one_flow() {
    let s = statement();
    let mut flows = invested();
    flows.add_statement_payments(&s, PaymentTiming::OnDate("2015-06-30".parse().unwrap())).unwrap();
    assert_eq!(flows.flows().len(), 2);
    assert_eq!(flows.flows()[1].amount(), Money::from_major(405_000, Currency::GBP));
}

#[test]
fn a_statement_in_another_currency_is_rejected_whole() {
    let s = statement();
    let mut euros = CashFlows::new(Currency::EUR, []).unwrap();
    let err =
        euros.add_statement_payments(&s, PaymentTiming::AfterPeriodEnd { days: 0 }).unwrap_err();
    assert!(matches!(err, InvestmentError::CurrencyMismatch { .. }), "{err}");
    assert!(euros.is_empty());
}
