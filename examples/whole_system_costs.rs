//! A small whole-system cost ledger for an older people's population across
//! NHS Tayside and the social services of Dundee, Perth and Kinross, and
//! Angus — the partners of the Tayside Integrated Resource Framework work
//! (`shared/seeds/000_74efff0695fcebfc.txt`). Every figure is illustrative.
//!
//! Run with `cargo run --example whole_system_costs`.

// An example prints its results.
#![allow(clippy::print_stdout)]

use integration_outcomes::finance::{
    AvoidedActivity, CostCentre, CostLedger, Group, NegativeSpend, Partner, PartnerKind,
    ReportingPeriod, Sector, Selection, SpendRecord, Subject, UnitCosts,
};
use integration_outcomes::outcomes::SavingsPricing;
use integration_outcomes::{
    Currency, Date, Money, Rate, RoundingPolicy, RoundingStage, RoundingStrategy,
};
use rust_decimal::Decimal;

/// Age segments and their (illustrative) populations.
const SEGMENTS: [(&str, u64); 3] = [("65-74", 41_000), ("75-84", 26_000), ("85+", 9_500)];

/// Illustrative NHS Tayside spend per segment, in £ thousands, for 2010/11:
/// acute inpatient, community nursing, prescribing.
const NHS_2010: [[i64; 3]; 3] =
    [[61_200, 6_900, 24_800], [72_400, 9_800, 21_300], [48_100, 8_600, 9_700]];

/// Illustrative council spend per segment, in £ thousands, for 2010/11:
/// care homes, care at home, housing adaptations; one row per council.
const COUNCILS: [(&str, [[i64; 3]; 3]); 3] = [
    ("dundee", [[3_100, 2_900, 310], [9_800, 7_400, 420], [17_600, 8_900, 180]]),
    ("perth-kinross", [[2_700, 2_500, 280], [8_900, 6_300, 390], [16_200, 7_800, 160]]),
    ("angus", [[2_200, 2_000, 240], [7_600, 5_200, 300], [13_900, 6_400, 140]]),
];

fn year(start: i16) -> Result<ReportingPeriod, Box<dyn std::error::Error>> {
    Ok(ReportingPeriod::new(Date::new(start, 4, 1)?, Date::new(start + 1, 3, 31)?)?)
}

fn percent(rate: Option<Rate>) -> String {
    rate.map_or_else(
        || "n/a".to_owned(),
        |r| match r.as_percent() {
            Ok(p) => format!("{}%", RoundingStrategy::MidpointAwayFromZero.round(p, 1)),
            Err(_) => r.to_string(),
        },
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let gbp = Currency::GBP;
    let pence = RoundingPolicy::for_currency(
        gbp,
        RoundingStrategy::MidpointAwayFromZero,
        RoundingStage::PerTotal,
    );
    let partners = [
        Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard)?,
        Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority)?,
        Partner::new("perth-kinross", "Perth and Kinross Council", PartnerKind::LocalAuthority)?,
        Partner::new("angus", "Angus Council", PartnerKind::LocalAuthority)?,
    ];
    let mut ledger = CostLedger::new(gbp, partners.clone(), NegativeSpend::Reject)?;
    let (y1, y2) = (year(2010)?, year(2011)?);

    // 2011/12 is 2010/11 with acute care 3% lower, care at home 6% higher
    // and everything else 2% higher (illustrative).
    let mut n = 0;
    let nhs_services = ["acute inpatient", "community nursing", "prescribing"];
    let council_services = [
        (Sector::SocialCare, "care homes"),
        (Sector::SocialCare, "care at home"),
        (Sector::Other, "housing adaptations"),
    ];
    for (period, [nhs_growth, council_growth]) in
        [(y1, [[100, 100, 100]; 2]), (y2, [[97, 102, 102], [102, 106, 102]])]
    {
        for (s, ((segment, _), nhs_row)) in SEGMENTS.iter().zip(NHS_2010).enumerate() {
            let subject = Subject::segment(*segment)?;
            for ((service, base), growth) in nhs_services.iter().zip(nhs_row).zip(nhs_growth) {
                n += 1;
                ledger.add(SpendRecord::new(
                    format!("NHS-{n:03}"),
                    subject.clone(),
                    CostCentre::new("nhs-tayside", Sector::Health, *service)?,
                    period,
                    // £ thousands × growth per cent × 10 = pounds.
                    Money::from_major(base * growth * 10, gbp),
                )?)?;
            }
            for (council, table) in COUNCILS {
                let row = table.get(s).ok_or("a council table is missing a segment")?;
                for (((sector, service), base), growth) in
                    council_services.iter().zip(row).zip(council_growth)
                {
                    n += 1;
                    ledger.add(SpendRecord::new(
                        format!("LA-{n:03}"),
                        subject.clone(),
                        CostCentre::new(council, *sector, *service)?,
                        period,
                        Money::from_major(base * growth * 10, gbp),
                    )?)?;
                }
            }
        }
    }

    println!("Whole-system cost of care for older people in Tayside (ILLUSTRATIVE FIGURES)");
    println!("{} spend records, {} partners\n", ledger.records().len(), ledger.partners().len());

    for period in [y1, y2] {
        let this_year = Selection::all().period(period);
        println!("{period}: total {}", ledger.total(&this_year)?);
        for line in ledger.by_sector(&this_year)?.lines() {
            println!(
                "  {:<12} {:>20}  {:>6}",
                line.key().to_string(),
                line.amount().to_string(),
                percent(line.share())
            );
        }
        for line in ledger.by_partner(&this_year)?.lines() {
            let name = partners
                .iter()
                .find(|p| p.id() == line.key())
                .map_or(line.key().as_str(), Partner::name);
            println!(
                "  {:<26} {:>20}  {:>6}",
                name,
                line.amount().to_string(),
                percent(line.share())
            );
        }
        println!();
    }

    println!("Cost per head, 2011/12 (rounded to the penny once):");
    for (segment, population) in SEGMENTS {
        let selection = Selection::all().period(y2).subject(Subject::segment(segment)?);
        let per_head = ledger.cost_per_head(&selection, population, &pence)?;
        let health =
            ledger.cost_per_head(&selection.clone().sector(Sector::Health), population, &pence)?;
        println!("  {segment:<6} population {population:>6}: {per_head} (health {health})");
    }

    let change = ledger.change_between_periods(&Selection::all(), y1, y2)?;
    println!(
        "\nChange 2010/11 to 2011/12: {} -> {} ({}, {})",
        change.baseline(),
        change.current(),
        change.difference(),
        percent(change.relative())
    );
    let acute =
        ledger.change_between_periods(&Selection::all().service("acute inpatient"), y1, y2)?;
    println!("  acute inpatient: {} ({})", acute.difference(), percent(acute.relative()));

    // A test of change: an anticipatory-care cohort against a matched
    // comparison group, in a separate evaluation ledger (illustrative).
    let mut evaluation = CostLedger::new(gbp, partners, NegativeSpend::AllowCredits)?;
    let cohort = Subject::segment("anticipatory care cohort")?;
    let comparison = Subject::segment("comparison group")?;
    let rows = [
        ("E1", &cohort, "nhs-tayside", Sector::Health, "acute inpatient", 1_212_000),
        ("E2", &cohort, "nhs-tayside", Sector::Health, "community nursing", 236_000),
        ("E3", &cohort, "dundee", Sector::SocialCare, "care at home", 412_000),
        ("E4", &cohort, "dundee", Sector::SocialCare, "care homes", 305_000),
        ("E5", &comparison, "nhs-tayside", Sector::Health, "acute inpatient", 1_604_000),
        ("E6", &comparison, "nhs-tayside", Sector::Health, "community nursing", 171_000),
        ("E7", &comparison, "dundee", Sector::SocialCare, "care at home", 298_000),
        ("E8", &comparison, "dundee", Sector::SocialCare, "care homes", 466_000),
    ];
    for (reference, subject, partner, sector, service, pounds_spent) in rows {
        evaluation.add(SpendRecord::new(
            reference,
            subject.clone(),
            CostCentre::new(partner, sector, service)?,
            y2,
            Money::from_major(pounds_spent, gbp),
        )?)?;
    }
    let per_head = evaluation.compare_groups(
        &Group::new("cohort", Selection::all().subject(cohort), 412),
        &Group::new("comparison", Selection::all().subject(comparison), 405),
        &pence,
    )?;
    println!(
        "\nTest of change, 2011/12 cost per head: comparison {} vs cohort {} ({}, {})",
        per_head.baseline(),
        per_head.current(),
        per_head.difference(),
        percent(per_head.relative())
    );

    // The cost-benefit link: activity the cohort avoided, priced per partner.
    let mut unit_costs = UnitCosts::new(gbp);
    unit_costs.add("acute bed day", "nhs-tayside", Money::from_major(265, gbp))?;
    unit_costs.add("care home week", "dundee", Money::from_major(580, gbp))?;
    unit_costs.add("delayed discharge day", "nhs-tayside", Money::from_major(265, gbp))?;
    unit_costs.add("delayed discharge day", "dundee", Money::from_major(35, gbp))?;
    let saving = unit_costs.saving(&[
        AvoidedActivity::new("acute bed day", Decimal::from(1_180))?,
        AvoidedActivity::new("care home week", Decimal::from(265))?,
        AvoidedActivity::new("delayed discharge day", Decimal::new(3_105, 1))?,
    ])?;
    println!("\nSaving from avoided activity (illustrative unit costs):");
    for line in saving.lines() {
        println!(
            "  {:<22} {:>7} x {:>12} to {:<12} = {}",
            line.activity(),
            line.quantity().to_string(),
            line.unit_cost().to_string(),
            line.partner(),
            line.saving()
        );
    }
    for (partner, amount) in saving.by_partner() {
        println!("  saving to {partner}: {amount}");
    }
    println!("  total saving: {}", saving.total());
    let pricing = SavingsPricing::new("40%".parse()?, Money::from_major(250_000, gbp))?;
    let price = saving.outcome_price(&pricing)?;
    println!("Outcome price (40% of the saving, at most GBP 250,000): {price}");
    println!("  price payable: {} ({})", price.price().round(&pence), price.bound());
    Ok(())
}
