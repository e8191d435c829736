//! A DWP Innovation Fund round 1 contract settled from the built-in rate
//! card (sib-payment-facts §2.1): the outcome prices are the published round
//! 1 price set; the per-participant cap is a contract parameter because the
//! sources disagree (£8,200 on the round 2 slide deck, £8,200 for round 1 and
//! £11,700 for round 2 in the INDIGO notes) — this contract uses £8,200.
//! The participants, their dates and the bid discount on qualifications are
//! illustrative.
//!
//! Run with `cargo run --example innovation_fund`.

// An example prints its statement.
#![allow(clippy::print_stdout)]

use integration_outcomes::outcomes::{
    BidPrices, ClaimWindow, Contract, Evidence, Participant, Participants, PayerShares, RateCard,
    RateCardRule, RateCardTerms, RuleEvidence,
};
use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let card = RateCard::innovation_fund_round_1()?;
    // The provider bids the card maximum except 10% below it on the three
    // NQF qualifications (illustrative).
    let bids = card
        .outcomes()
        .iter()
        .map(|o| {
            let price = if o.id().as_str().starts_with("first_level_") {
                o.maximum_price().checked_mul_rate("90%".parse()?)?
            } else {
                o.maximum_price()
            };
            Ok((o.id().clone(), price))
        })
        .collect::<Result<Vec<_>, Box<dyn std::error::Error>>>()?;
    let terms = RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
        .with_bids(BidPrices::Listed(bids))
        .with_participant_cap(Money::from_major(8_200, Currency::GBP));
    let rule = RateCardRule::new("if_round_1", card, terms)?;
    let contract = Contract::new(
        "innovation_fund_birmingham",
        Currency::GBP,
        RoundingPolicy::for_currency(
            Currency::GBP,
            RoundingStrategy::TowardZero,
            RoundingStage::PerLine,
        ),
        PayerShares::single("department_for_work_and_pensions".parse()?),
        vec![rule.clone().into()],
    )?;
    let participants = Participants::new(vec![
        Participant::new(1001, "1997-10-01".parse()?, "2012-09-03".parse()?)?, // 14 at start
        Participant::new(1002, "1995-02-11".parse()?, "2012-09-03".parse()?)?, // 17 at start
        Participant::new(1003, "1998-01-20".parse()?, "2012-10-01".parse()?)?, // 14 at start
    ])?;
    let claims = vec![
        // A pupil whose outcomes exceed the £8,200 cap.
        rule.claim(1001, "improved_school_behaviour", "2012-12-14".parse()?)?,
        rule.claim(1001, "improved_school_attendance", "2013-01-25".parse()?)?,
        rule.claim(1001, "first_level_1_qualification", "2013-07-19".parse()?)?,
        rule.claim(1001, "first_level_2_qualification", "2014-07-18".parse()?)?,
        rule.claim(1001, "first_level_3_qualification", "2015-06-30".parse()?)?,
        rule.claim(1001, "entry_to_employment", "2015-07-06".parse()?)?,
        // A 17-year-old: attendance is for 14–15-year-olds only; sustained
        // employment claimed before entry to employment is rejected.
        rule.claim(1002, "improved_school_attendance", "2013-01-25".parse()?)?,
        rule.claim(1002, "sustained_employment", "2013-06-03".parse()?)?,
        rule.claim(1002, "entry_to_employment", "2013-06-10".parse()?)?,
        rule.claim(1002, "sustained_employment", "2013-12-09".parse()?)?,
        // Under the cap, with a duplicate claim.
        rule.claim(1003, "improved_school_behaviour", "2013-03-01".parse()?)?,
        rule.claim(1003, "improved_school_behaviour", "2013-06-01".parse()?)?,
        rule.claim(1003, "esol_course_completed", "2014-02-14".parse()?)?,
        // Outside the claim window.
        rule.claim(1003, "first_level_1_qualification", "2015-10-02".parse()?)?,
    ];
    let evidence = Evidence::new()
        .with("if_round_1", RuleEvidence::Claims { claims: &claims, participants: &participants });
    println!("{}", contract.settle(&evidence)?);
    Ok(())
}
