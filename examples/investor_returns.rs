//! The investor view of a Peterborough-style outcomes contract: settle the
//! contract, feed its statement into the investors' cash flows, and print
//! the multiple and IRR, then split the payment with a capped-return
//! waterfall.
//!
//! Published (sib-payment-facts §1): £5m committed by 17 investors, not all
//! drawn; two cohorts ran (the third was cancelled); the final pooled
//! reduction was 9% against the 7.5% fallback trigger; one payment of capital
//! plus "just over 3% per annum" over about five years, announced 27 July
//! 2017; returns capped at 13% a year. Not published, so ILLUSTRATIVE here:
//! the price per reconviction event avoided, cohort 2's counts, the payer
//! split and the drawdown schedule.
//!
//! Run with `cargo run --example investor_returns`.

// An example prints its results.
#![allow(clippy::print_stdout)]

use integration_outcomes::finance::{
    CappedReturnWaterfall, CashFlow, CashFlowKind, CashFlows, InvestmentTerm, NpvOptions,
    PartyShares, PaymentTiming, ReturnBasis, ReturnCap, XirrOptions,
};
use integration_outcomes::outcomes::{
    Cohort, CohortRule, CohortStatus, Comparison, Contract, Evidence, PayerShares, PoolingRule,
    RuleEvidence,
};
use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
use rust_decimal::Decimal;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gbp = Currency::GBP;
    let pence = RoundingPolicy::for_currency(
        gbp,
        RoundingStrategy::MidpointAwayFromZero,
        RoundingStage::PerLine,
    );

    // The contract: a 10% per-cohort trigger, a 7.5% fallback over the
    // cohorts run, an illustrative £21,000 per reconviction event avoided,
    // paid 70/30 by the Ministry of Justice and the Big Lottery Fund
    // (illustrative split).
    let rule = CohortRule::new(
        "reconviction",
        "10%".parse()?,
        "7.5%".parse()?,
        PoolingRule::PooledEvents,
        Money::from_major(21_000, gbp),
    )?;
    let payers = PayerShares::new(vec![
        ("ministry_of_justice".parse()?, "70%".parse()?),
        ("big_lottery_fund".parse()?, "30%".parse()?),
    ])?;
    let contract = Contract::new("peterborough", gbp, pence, payers, vec![rule.into()])?;

    // Cohort 1 as published (142 vs 155 events per 100, scaled to 1,000
    // people); cohort 2 chosen so the pooled reduction is the published 9%;
    // cohort 3 cancelled.
    let per_100 = Comparison::rate("155".parse()?, 100)?;
    let cohorts = [
        Cohort::new("cohort_1", 1_000, 1_420, per_100, "2014-08-07".parse()?)?,
        Cohort::new("cohort_2", 1_000, 1_401, per_100, "2017-07-27".parse()?)?,
        Cohort::new("cohort_3", 1_000, 0, per_100, "2017-07-27".parse()?)?
            .with_status(CohortStatus::Cancelled),
    ];
    let statement =
        contract.settle(&Evidence::new().with("reconviction", RuleEvidence::Cohorts(&cohorts)))?;
    println!("{statement}\n");

    // The investors' cash flows: the £5m commitment drawn in five equal
    // tranches each September from 2010 (illustrative), and the statement's
    // payments received in one sum on 27 July 2017.
    let tranche = Money::from_major(1_000_000, gbp);
    let mut flows = CashFlows::new(gbp, [])?;
    for year in 2010..=2014 {
        let drawn = jiff::civil::Date::new(year, 9, 1)?;
        flows.push(CashFlow::new(drawn, CashFlowKind::CapitalDrawdown, tranche)?)?;
    }
    let repaid_on = "2017-07-27".parse()?;
    flows.add_statement_payments(&statement, PaymentTiming::OnDate(repaid_on))?;

    println!("Investor cash flows (negative: paid in)");
    for flow in flows.flows() {
        println!(
            "  {}  {:<18} {:>20}",
            flow.date(),
            flow.kind().to_string(),
            flow.net().to_string()
        );
    }
    let moic = flows.moic()?;
    let irr = flows.xirr(XirrOptions::new())?;
    println!("Invested {}, returned {}", moic.invested(), moic.returned());
    println!("Money multiple: {moic}");
    println!(
        "IRR (XIRR, actual/365): {irr} ({} refinement steps, residual {:.1e})",
        irr.iterations(),
        irr.residual()
    );
    let npv = flows.npv("3.5%".parse()?, NpvOptions::new())?.round(&pence);
    println!("NPV at 3.5% a year, valued at the first drawdown: {npv}\n");

    // The payment through a capped-return waterfall: 13% a year compounded
    // annually on the whole commitment from the first drawdown (an upper
    // bound: later tranches accrue less) caps the investors; any surplus
    // goes back to the payers in their shares.
    let waterfall = CappedReturnWaterfall::new(
        Money::from_major(5_000_000, gbp),
        ReturnCap::new("13%".parse()?, ReturnBasis::CompoundAnnually)?,
        InvestmentTerm::new("2010-09-01".parse()?, repaid_on)?,
        PartyShares::new([("17 social investors", Decimal::ONE)])?,
        PartyShares::new([
            ("Ministry of Justice", Decimal::new(70, 2)),
            ("Big Lottery Fund", Decimal::new(30, 2)),
        ])?,
        RoundingPolicy::for_currency(gbp, RoundingStrategy::TowardZero, RoundingStage::PerTotal),
    )?;
    println!("Capped-return waterfall (13% a year cap)");
    print!("{}", waterfall.distribute(statement.total())?);
    Ok(())
}
