//! Property tests for the whole-system cost ledger and the cost-benefit link:
//! totals equal the sum of the records whatever order they are added in,
//! breakdowns by sector, partner and service sum exactly to the total with
//! shares summing to one, a ledger survives a serde round trip, and savings
//! per partner sum to the total saving.

// Helpers outside #[test] functions unwrap too: a panic is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use integration_outcomes::finance::{
    AvoidedActivity, CostCentre, CostLedger, NegativeSpend, Partner, PartnerKind, ReportingPeriod,
    Sector, Selection, SpendRecord, Subject, UnitCosts,
};
use integration_outcomes::{Currency, Date, Money};
use proptest::prelude::*;
use rust_decimal::Decimal;

const PARTNERS: [&str; 4] = ["nhs-tayside", "dundee", "perth-kinross", "angus"];
const SECTORS: [Sector; 3] = [Sector::Health, Sector::SocialCare, Sector::Other];
const SERVICES: [&str; 4] = ["acute inpatient", "prescribing", "care homes", "home care"];
const SEGMENTS: [&str; 3] = ["65-74", "75-84", "85+"];

fn financial_year(start_year: i16) -> ReportingPeriod {
    ReportingPeriod::new(
        Date::new(start_year, 4, 1).unwrap(),
        Date::new(start_year + 1, 3, 31).unwrap(),
    )
    .unwrap()
}

fn empty_ledger(policy: NegativeSpend) -> CostLedger {
    CostLedger::new(
        Currency::GBP,
        [
            Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard).unwrap(),
            Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority).unwrap(),
            Partner::new("perth-kinross", "Perth and Kinross Council", PartnerKind::LocalAuthority)
                .unwrap(),
            Partner::new("angus", "Angus Council", PartnerKind::LocalAuthority).unwrap(),
        ],
        policy,
    )
    .unwrap()
}

/// Records over three financial years; amounts may be credits.
fn some_records() -> impl Strategy<Value = Vec<SpendRecord>> {
    prop::collection::vec(
        (0_usize..4, 0_usize..3, 0_usize..4, 0_usize..3, 0_i16..3, -1_000_000_i64..100_000_000_000),
        0..60,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (p, s, v, g, y, pence))| {
                SpendRecord::new(
                    format!("R{i:04}"),
                    Subject::segment(SEGMENTS[g]).unwrap(),
                    CostCentre::new(PARTNERS[p], SECTORS[s], SERVICES[v]).unwrap(),
                    financial_year(2010 + y),
                    Money::from_minor(pence, Currency::GBP),
                )
                .unwrap()
            })
            .collect()
    })
}

/// The same records and a permutation of them.
fn records_and_a_shuffle() -> impl Strategy<Value = (Vec<SpendRecord>, Vec<SpendRecord>)> {
    some_records().prop_flat_map(|records| {
        let shuffled = Just(records.clone()).prop_shuffle();
        (Just(records), shuffled)
    })
}

fn build(records: &[SpendRecord]) -> CostLedger {
    let mut ledger = empty_ledger(NegativeSpend::AllowCredits);
    for r in records {
        ledger.add(r.clone()).unwrap();
    }
    ledger
}

fn sum_of(records: &[SpendRecord]) -> Money {
    Money::sum(Currency::GBP, records.iter().map(SpendRecord::amount)).unwrap()
}

proptest! {
    #[test]
    fn totals_do_not_depend_on_order((records, shuffled) in records_and_a_shuffle()) {
        let a = build(&records);
        let b = build(&shuffled);
        prop_assert_eq!(a.total(&Selection::all()).unwrap(), sum_of(&records));
        prop_assert_eq!(b.total(&Selection::all()).unwrap(), sum_of(&records));
        for partner in PARTNERS {
            let s = Selection::all().partner(partner);
            prop_assert_eq!(a.total(&s).unwrap(), b.total(&s).unwrap());
        }
        prop_assert_eq!(a.by_sector(&Selection::all()).unwrap(), b.by_sector(&Selection::all()).unwrap());
        prop_assert_eq!(a.by_partner(&Selection::all()).unwrap(), b.by_partner(&Selection::all()).unwrap());
    }

    #[test]
    fn breakdowns_sum_exactly_to_the_total(records in some_records()) {
        let ledger = build(&records);
        let total = ledger.total(&Selection::all()).unwrap();
        let sector = ledger.by_sector(&Selection::all()).unwrap();
        let partner = ledger.by_partner(&Selection::all()).unwrap();
        let service = ledger.by_service(&Selection::all()).unwrap();
        prop_assert_eq!(Money::sum(Currency::GBP, sector.lines().iter().map(|l| l.amount())).unwrap(), total);
        prop_assert_eq!(Money::sum(Currency::GBP, partner.lines().iter().map(|l| l.amount())).unwrap(), total);
        prop_assert_eq!(Money::sum(Currency::GBP, service.lines().iter().map(|l| l.amount())).unwrap(), total);
        // Per-period totals add up too (the periods are disjoint).
        let by_period = Money::sum(
            Currency::GBP,
            ledger.periods().map(|p| ledger.total(&Selection::all().period(p)).unwrap()),
        )
        .unwrap();
        prop_assert_eq!(by_period, total);
        if !total.is_zero() {
            let shares: Decimal = sector.lines().iter().map(|l| l.share().unwrap().as_fraction()).sum();
            prop_assert!((shares - Decimal::ONE).abs() < Decimal::new(1, 20), "{}", shares);
        }
    }

    #[test]
    fn serde_round_trip(records in some_records()) {
        let ledger = build(&records);
        let json = serde_json::to_string(&ledger).unwrap();
        let back: CostLedger = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
        prop_assert_eq!(back, ledger);
    }

    #[test]
    fn rejecting_credits_names_the_first_credit(records in some_records()) {
        let mut ledger = empty_ledger(NegativeSpend::Reject);
        let first_credit = records.iter().find(|r| r.amount().is_negative()).map(|r| r.reference().to_owned());
        let mut failed = None;
        for r in &records {
            if let Err(e) = ledger.add(r.clone()) {
                failed = Some(e.to_string());
                break;
            }
        }
        match first_credit {
            Some(reference) => {
                let message = failed.unwrap();
                prop_assert!(message.starts_with(&format!("record {reference} has negative spend")), "{}", message);
            }
            None => prop_assert!(failed.is_none()),
        }
    }

    #[test]
    fn savings_per_partner_sum_to_the_total(
        costs in prop::collection::vec((0_usize..4, 0_usize..3, 0_i64..1_000_000), 1..12),
        quantities in prop::collection::vec(0_i64..100_000, 3),
    ) {
        let activities = ["bed day", "care home week", "home care hour"];
        let mut unit_costs = UnitCosts::new(Currency::GBP);
        for (p, a, pence) in costs {
            // Repeated activity–partner pairs are rejected; skip them.
            let _ = unit_costs.add(activities[a], PARTNERS[p], Money::from_minor(pence, Currency::GBP));
        }
        let avoided: Vec<AvoidedActivity> = activities
            .iter()
            .zip(&quantities)
            .map(|(a, q)| AvoidedActivity::new(*a, Decimal::new(*q, 1)).unwrap())
            .collect();
        if let Ok(saving) = unit_costs.saving(&avoided) {
            let by_partner = Money::sum(Currency::GBP, saving.by_partner().iter().map(|(_, m)| *m)).unwrap();
            prop_assert_eq!(by_partner, saving.total());
            let by_line = Money::sum(Currency::GBP, saving.lines().iter().map(|l| l.saving())).unwrap();
            prop_assert_eq!(by_line, saving.total());
            for line in saving.lines() {
                prop_assert_eq!(line.saving(), line.unit_cost().checked_mul(line.quantity()).unwrap());
            }
        }
    }
}
