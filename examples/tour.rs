//! A tour of both halves of the crate on built-in data.
//!
//! 1. **Integration maturity.** The Chorley Public Service Reform
//!    Partnership scores the AQuA System Integration Framework, as Chorley
//!    adjusted it, on spreadsheets sent to the programme office (read from
//!    `examples/data/`); the tour profiles the baseline and the six-month
//!    review, shows splits, priorities and progress, and draws both rounds on
//!    a radar chart.
//! 2. **Outcome payments.** A DWP Innovation Fund round 1 rate card settles a
//!    provider's claims sheet; a Peterborough-style contract settles its
//!    cohorts against the comparison group; the investors' view gives their
//!    money multiple and IRR; the statement is exported in the INDIGO data
//!    standard's shape.
//!
//! Everything it writes goes to the folder `out/tour/`. The scores, the
//! claims, cohort 2's counts, prices not published and the investors'
//! drawdowns are illustrative; published figures are cited where used.
//!
//! Run with `cargo run --example tour --features csv`.

// An example prints its results.
#![allow(clippy::print_stdout)]

use std::fs::{self, File};
use std::path::Path;

use integration_outcomes::finance::{
    CashFlow, CashFlowKind, CashFlows, PaymentTiming, XirrOptions,
};
use integration_outcomes::indigo::{IndigoExport, ResultType};
use integration_outcomes::maturity::{
    Adjustment, AgreementPolicy, Classification, Framework, PriorityPolicy, Progress, RadarChart,
    ReassessmentOptions,
};
use integration_outcomes::outcomes::{
    ClaimWindow, Cohort, CohortRule, CohortStatus, Comparison, Contract, Evidence, Participant,
    Participants, PayerShares, PoolingRule, RateCard, RateCardRule, RateCardTerms, RuleEvidence,
};
use integration_outcomes::{
    Assessment, Currency, Date, Money, RoundingPolicy, RoundingStage, RoundingStrategy,
};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const OUT: &str = "out/tour";
const BASELINE_SHEET: &str = include_str!("data/chorley_baseline.csv");
const REVIEW_SHEET: &str = include_str!("data/chorley_six_month_review.csv");
const CLAIMS_SHEET: &str = include_str!("data/innovation_fund_claims.csv");

fn heading(title: &str) {
    println!("\n{title}\n{}\n", "=".repeat(title.len()));
}

fn maturity(out: &Path) -> Result<()> {
    heading("Part 1: integration maturity");
    let framework = Framework::builtin("aqua-sif-chorley")?;
    println!("Framework: {} ({})", framework.name(), framework.id());
    if let Some(derivation) = framework.derivation() {
        println!("Derived from {} ({}):", derivation.parent_name(), derivation.parent());
        for adjustment in derivation.adjustments() {
            if let Adjustment::RenameDomain { from, to, .. } = adjustment {
                println!("  renamed \"{from}\" to \"{to}\"");
            }
        }
    }
    println!();

    let partnership = "Chorley Public Service Reform Partnership";
    let baseline = Assessment::from_csv(
        &framework,
        partnership,
        Date::new(2015, 10, 20)?,
        "baseline",
        BASELINE_SHEET.as_bytes(),
    )?;
    let review = Assessment::from_csv(
        &framework,
        partnership,
        Date::new(2016, 4, 19)?,
        "six-month review",
        REVIEW_SHEET.as_bytes(),
    )?;
    let (before, after) = (baseline.profile(), review.profile());
    // RAND/UCLA-style: agreement when fewer than 3 of the 9 ratings fall
    // outside the 3-level region around the median.
    let agreement = AgreementPolicy::RandRegion { fewer_than: 3 };
    let priorities = PriorityPolicy::BelowLevel(2);
    println!("{}\n", before.report(&agreement, priorities)?);
    println!("{}\n", after.report(&agreement, priorities)?);
    let progress = Progress::between(&before, &after, ReassessmentOptions::new(agreement))?;
    println!("{progress}");
    // The change of class between rounds (here the level reached; a
    // SCIROCCO round would use Classification::scirocco_delphi()).
    for (domain, change) in progress.class_changes(&Classification::LevelReached)? {
        if change.changed() {
            println!("  {}: {change}", domain.name());
        }
    }

    // Medians with their interquartile bands; split domains ringed. The same
    // chart as a PNG: `cargo test --all-features --test radar_render
    // tour_chart_png` writes out/tour/chorley_radar.png.
    let chart = RadarChart::new(format!("{partnership}: AQuA self-assessment"), &after)?
        .with_splits_marked(&agreement)?
        .with_profile("Baseline, October 2015", &before)?
        .with_profile("Six-month review, April 2016", &after)?;
    fs::write(out.join("chorley_radar.svg"), chart.to_svg())?;
    before.write_csv(File::create(out.join("chorley_baseline_profile.csv"))?)?;
    after.write_csv(File::create(out.join("chorley_review_profile.csv"))?)?;
    Ok(())
}

fn innovation_fund(out: &Path) -> Result<()> {
    heading("Part 2a: a DWP Innovation Fund rate card");
    // Published round 1 prices (sib-payment-facts §2.1); the per-participant
    // cap is a contract parameter because the sources disagree (£8,200 here).
    let terms = RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
        .with_participant_cap(Money::from_major(8_200, Currency::GBP));
    let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?, terms)?;
    let participants = Participants::new(vec![
        Participant::new(2001, "1997-10-01".parse()?, "2012-09-03".parse()?)?,
        Participant::new(2002, "1995-02-11".parse()?, "2012-09-03".parse()?)?,
        Participant::new(2003, "1998-01-20".parse()?, "2012-10-01".parse()?)?,
    ])?;
    let claims = rule.claims_from_csv(CLAIMS_SHEET.as_bytes())?;
    let pence = RoundingPolicy::for_currency(
        Currency::GBP,
        RoundingStrategy::TowardZero,
        RoundingStage::PerLine,
    );
    let contract = Contract::new(
        "innovation_fund_chorley",
        Currency::GBP,
        pence,
        PayerShares::single("department_for_work_and_pensions".parse()?),
        vec![rule.into()],
    )?;
    let evidence = Evidence::new()
        .with("if_round_1", RuleEvidence::Claims { claims: &claims, participants: &participants });
    let statement = contract.settle(&evidence)?;
    println!("{statement}");
    statement.write_csv(File::create(out.join("innovation_fund_statement.csv"))?)?;
    Ok(())
}

fn peterborough(out: &Path) -> Result<()> {
    heading("Part 2b: a Peterborough-style cohort contract and its investors");
    let gbp = Currency::GBP;
    // Triggers as published (sib-payment-facts §1.3); the price per event
    // avoided and the payer split are confidential, so illustrative.
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
    let pence = RoundingPolicy::for_currency(
        gbp,
        RoundingStrategy::MidpointAwayFromZero,
        RoundingStage::PerLine,
    );
    let contract = Contract::new("peterborough", gbp, pence, payers, vec![rule.into()])?;
    // Cohort 1 as published: 142 vs 155 events per 100 (8.39%, no payment).
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

    // The investors: £5m drawn in five tranches (illustrative), repaid from
    // the outcome payment on 27 July 2017.
    let mut flows = CashFlows::new(gbp, [])?;
    for year in 2010..=2014 {
        let tranche = Money::from_major(1_000_000, gbp);
        flows.push(CashFlow::new(
            Date::new(year, 9, 1)?,
            CashFlowKind::CapitalDrawdown,
            tranche,
        )?)?;
    }
    flows.add_statement_payments(&statement, PaymentTiming::OnDate("2017-07-27".parse()?))?;
    let moic = flows.moic()?;
    let irr = flows.xirr(XirrOptions::new())?;
    println!("Investors: invested {}, returned {}", moic.invested(), moic.returned());
    println!("Money multiple {moic}; IRR {irr} (published: capital plus just over 3% a year)");

    statement.write_csv(File::create(out.join("peterborough_statement.csv"))?)?;
    statement.write_payments_csv(File::create(out.join("peterborough_payments.csv"))?)?;
    let indigo = IndigoExport::new(&statement, ResultType::Final)
        .metric_for_rule("reconviction", "outcomemetric2")
        .to_json()?;
    fs::write(out.join("peterborough_indigo.json"), indigo)?;
    Ok(())
}

fn main() -> Result<()> {
    let out = Path::new(OUT);
    fs::create_dir_all(out)?;
    maturity(out)?;
    innovation_fund(out)?;
    peterborough(out)?;

    heading("Written");
    let mut files: Vec<_> = fs::read_dir(out)?.collect::<std::result::Result<_, _>>()?;
    files.sort_by_key(|f| f.file_name());
    for file in files {
        println!("  {}  ({} bytes)", file.path().display(), file.metadata()?.len());
    }
    Ok(())
}
