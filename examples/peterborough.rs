//! The Peterborough Social Impact Bond (sib-payment-facts §1): three planned
//! cohorts of about 1,000 prisoners, a 10% per-cohort trigger and a 7.5%
//! fallback over the cohorts actually run; the third cohort was cancelled.
//!
//! Published: cohort 1, 142 vs 155 reconviction events per 100 (8.4%, no
//! payment); final result over the two cohorts run, a 9% reduction, which
//! triggered the fallback. Not published, and therefore illustrative here:
//! cohort 2's counts (chosen so that the pooled reduction is exactly 9%),
//! the price per reconviction event avoided (the contract is confidential;
//! payment was "estimated at half the saving to the public purse", so the
//! price is derived from an illustrative £2,000 saving per event), and the
//! split between the Ministry of Justice and the Big Lottery Fund.
//!
//! Run with `cargo run --example peterborough`.

// An example prints its statement.
#![allow(clippy::print_stdout)]

use integration_outcomes::outcomes::{
    Cohort, CohortRule, CohortStatus, Comparison, Contract, Evidence, PayerShares, PoolingRule,
    RuleEvidence, price_from_savings,
};
use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Illustrative: half of an illustrative £2,000 saving per event avoided.
    let price = price_from_savings(
        Money::from_major(2_000, Currency::GBP),
        "50%".parse()?,
        Money::from_major(1_500, Currency::GBP),
    )?;
    let rule = CohortRule::new(
        "reconviction_events",
        "10%".parse()?,
        "7.5%".parse()?,
        PoolingRule::PooledEvents,
        price.price(),
    )?;
    let payers = PayerShares::new(vec![
        ("ministry_of_justice".parse()?, "70%".parse()?), // illustrative split
        ("big_lottery_fund".parse()?, "30%".parse()?),
    ])?;
    let contract = Contract::new(
        "peterborough",
        Currency::GBP,
        RoundingPolicy::for_currency(
            Currency::GBP,
            RoundingStrategy::MidpointAwayFromZero,
            RoundingStage::PerLine,
        ),
        payers,
        vec![rule.into()],
    )?;
    let per_100 = Comparison::rate("155".parse()?, 100)?;
    let cohorts = [
        // Published: 142 vs 155 events per 100 (scaled to 1,000 people).
        Cohort::new("cohort_1", 1_000, 1_420, per_100, "2014-08-07".parse()?)?,
        // Illustrative counts giving the published pooled 9%.
        Cohort::new("cohort_2", 1_000, 1_401, per_100, "2017-07-27".parse()?)?,
        // Cancelled in April 2014 (Transforming Rehabilitation).
        Cohort::new("cohort_3", 1_000, 0, per_100, "2017-07-27".parse()?)?
            .with_status(CohortStatus::Cancelled),
    ];
    let evidence = Evidence::new().with("reconviction_events", RuleEvidence::Cohorts(&cohorts));
    let statement = contract.settle(&evidence)?;
    println!("Price per event avoided: {price}");
    println!();
    println!("{statement}");
    Ok(())
}
