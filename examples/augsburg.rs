//! Eleven Augsburg / JuMP, the first continental-European SIB
//! (sib-payment-facts §4): the Bavarian ministry repays the €250,000
//! advanced if at least 20 young people are placed in an apprenticeship or
//! job lasting at least nine months within the project term; nothing
//! otherwise. Published result: 22 placed, exactly 20 met all criteria (the
//! others were placed too late). The 3% interest is not modelled (its basis
//! is described inconsistently); the placement dates are illustrative.
//!
//! Run with `cargo run --example augsburg`.

// An example prints its statement.
#![allow(clippy::print_stdout)]

use integration_outcomes::outcomes::{
    ClaimWindow, Contract, Evidence, GroupThreshold, GroupThresholdRule, PayerShares, Placement,
    RuleEvidence, SpellLength,
};
use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rule = GroupThresholdRule::new(
        "placements_lasting_nine_months",
        Money::from_major(250_000, Currency::EUR),
        GroupThreshold::AtLeast(20),
        SpellLength::Months(9),
        ClaimWindow::new("2013-09-01".parse()?, "2015-12-31".parse()?)?,
    )?;
    let contract = Contract::new(
        "eleven_augsburg",
        Currency::EUR,
        RoundingPolicy::for_currency(
            Currency::EUR,
            RoundingStrategy::MidpointAwayFromZero,
            RoundingStage::PerLine,
        ),
        PayerShares::single("bavarian_ministry_of_labour".parse()?),
        vec![rule.into()],
    )?;
    // 20 placements that lasted nine months, starting month by month.
    let mut placements = Vec::new();
    for k in 0..20_u64 {
        let start = jiff::civil::date(2014, 1, 6)
            .checked_add(jiff::Span::new().try_weeks(i64::try_from(k)? * 3)?)?;
        placements.push(Placement::new(k, start, None)?);
    }
    // Two placed too late to complete nine months within the term.
    placements.push(Placement::new(20, "2015-05-04".parse()?, None)?);
    placements.push(Placement::new(21, "2015-06-01".parse()?, None)?);
    let evidence = Evidence::new().with(
        "placements_lasting_nine_months",
        RuleEvidence::Placements { placements: &placements, cohort_size: 69 },
    );
    println!("{}", contract.settle(&evidence)?);
    println!();
    // Had one of the twenty left after eight months, nothing would be paid.
    if let Some(first) = placements.first_mut() {
        *first = Placement::new(0, first.start(), Some("2014-09-05".parse()?))?;
    }
    let evidence = Evidence::new().with(
        "placements_lasting_nine_months",
        RuleEvidence::Placements { placements: &placements, cohort_size: 69 },
    );
    println!("{}", contract.settle(&evidence)?);
    Ok(())
}
