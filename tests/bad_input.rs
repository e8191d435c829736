//! Robustness against bad input at every public entry point that reads
//! external data: serde JSON of every public `Deserialize` type, the CSV
//! readers (feature `csv`) and the INDIGO import.
//!
//! Each property starts from valid data (built-in data, doc examples), breaks
//! it (huge, negative, zero, fractional and NaN-like numbers, empty and very
//! long strings, duplicate keys, missing and unknown fields, empty arrays,
//! nesting, values grafted from elsewhere in the document) and checks that
//! the reader never panics, that whatever it accepts survives a round trip
//! unchanged and, where a property rebuilds the value through the public
//! constructors, equals the rebuilt value (so validation ran on the way in),
//! and, for the CSV readers and the INDIGO import, that errors say where the
//! input was wrong. The regression tests at the end keep the minimal inputs
//! of the bugs these properties found.

// Test helpers may unwrap: a panic is a failing test.
#![allow(clippy::unwrap_used, clippy::unwrap_in_result, clippy::indexing_slicing)]

use std::fmt::Debug;

use integration_outcomes::finance::{
    CappedReturnWaterfall, CashFlow, CashFlowKind, CashFlows, CostCentre, CostLedger, DayCount,
    Guarantee, InvestmentError, InvestmentTerm, NegativeSpend, NpvOptions, Partner, PartnerKind,
    PartyShares, ReportingPeriod, ReturnBasis, ReturnCap, Sector, Selection, SpendRecord, Subject,
    XirrOptions,
};
use integration_outcomes::indigo::{IndigoError, IndigoErrorKind, IndigoProject};
use integration_outcomes::maturity::{
    Adjustment, Derivation, DescriptorStatus, Respondent, Response, Scale, ScaleLevel, Score,
    Source, Target,
};
use integration_outcomes::outcomes::{
    AgeRange, Band, BandMode, BandedMeasurement, BandedRule, BaselineMeasurement, BaselineRule,
    BidPrices, Claim, ClaimWindow, Cohort, CohortRule, CohortStatus, Comparison, DataCategory,
    Detail, Direction, Eligibility, Evidence, GroupThreshold, GroupThresholdRule, Metric,
    MetricRole, MetricUnit, OutcomeId, OutcomeIndex, Participant, Participants, PayerId,
    PayerShares, Periodicity, Placement, PoolingRule, PriceBound, PricingBasis, RateCardOutcome,
    RateCardRule, RateCardTerms, Repeat, Rule, RuleEvidence, RuleId, SavingsPricing, SpellLength,
};
use integration_outcomes::{
    Assessment, Contract, Currency, Date, Framework, Money, Rate, RateCard, RoundingPolicy,
    RoundingStage, RoundingStrategy,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Cases per property: enough to reach every mutation of every seed
/// several times, few enough that the file runs in seconds in debug. Set
/// `BAD_INPUT_CASES` for a longer hunt.
fn cases() -> u32 {
    std::env::var("BAD_INPUT_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512)
}

// ---------------------------------------------------------------------------
// A JSON mutator. Documents are held as a tree that, unlike `serde_json::Value`,
// can carry duplicate keys and raw number text (`1e400`, `-0`, 2^64).

#[derive(Debug, Clone)]
enum J {
    Raw(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn from_value(v: &Value) -> J {
        match v {
            Value::Null => J::Raw("null".to_owned()),
            Value::Bool(b) => J::Raw(b.to_string()),
            Value::Number(n) => J::Raw(n.to_string()),
            Value::String(s) => J::Str(s.clone()),
            Value::Array(a) => J::Arr(a.iter().map(J::from_value).collect()),
            Value::Object(o) => {
                J::Obj(o.iter().map(|(k, v)| (k.clone(), J::from_value(v))).collect())
            }
        }
    }

    fn render(&self, out: &mut String) {
        match self {
            J::Raw(r) => out.push_str(r),
            J::Str(s) => out.push_str(&serde_json::to_string(s).unwrap()),
            J::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.render(out);
                }
                out.push(']');
            }
            J::Obj(entries) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(&serde_json::to_string(k).unwrap());
                    out.push(':');
                    v.render(out);
                }
                out.push('}');
            }
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        self.render(&mut out);
        out
    }

    fn count(&self) -> usize {
        1 + match self {
            J::Raw(_) | J::Str(_) => 0,
            J::Arr(items) => items.iter().map(J::count).sum(),
            J::Obj(entries) => entries.iter().map(|(_, v)| v.count()).sum(),
        }
    }

    /// The `n`th node in pre-order (0 is the root), `n` taken modulo the
    /// number of nodes.
    fn nth_mut(&mut self, n: usize) -> &mut J {
        fn go<'a>(j: &'a mut J, n: &mut usize) -> Option<&'a mut J> {
            if *n == 0 {
                return Some(j);
            }
            *n -= 1;
            match j {
                J::Raw(_) | J::Str(_) => None,
                J::Arr(items) => items.iter_mut().find_map(|c| go(c, n)),
                J::Obj(entries) => entries.iter_mut().find_map(|(_, c)| go(c, n)),
            }
        }
        let mut n = n % self.count();
        go(self, &mut n).unwrap()
    }
}

/// Raw number text: huge, negative, zero, fractional, out of every integer
/// type's range, out of f64's range.
const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "-1",
    "1",
    "0.5",
    "-0.5",
    "1.0",
    "1e3",
    "1E-3",
    "255",
    "256",
    "-129",
    "65535",
    "65536",
    "2147483648",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "-9223372036854775809",
    "18446744073709551615",
    "18446744073709551616",
    "79228162514264337593543950335",
    "79228162514264337593543950336",
    "0.0000000000000000000000000001",
    "0.00000000000000000000000000001",
    "1e308",
    "-1e308",
    "1e400",
    "1e-400",
    "null",
    "true",
    "false",
];

/// String content: empty and blank, NaN-like, huge and tiny decimals,
/// percentages, dates off the calendar, currency codes, very long, unicode.
fn strings() -> Vec<String> {
    let mut s: Vec<String> = [
        "",
        " ",
        "\t\n",
        "\u{0}",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "Infinity",
        "0",
        "-0",
        "-1",
        "1e3",
        "1,000",
        "0.5",
        "-0.01",
        "00.10",
        "+5",
        ".5",
        "5.",
        "0x10",
        "18446744073709551616",
        "79228162514264337593543950335",
        "79228162514264337593543950336",
        "-79228162514264337593543950335",
        "7922816251426433759354395033.5",
        "0.0000000000000000000000000001",
        "0.00000000000000000000000000001",
        "0%",
        "-5%",
        "100%",
        "100.0000000001%",
        "7922816251426433759354395033500%",
        "7922816251426433759354395033600%",
        "%",
        "5%%",
        "2014-02-30",
        "2014-13-01",
        "0000-01-01",
        "-9999-01-01",
        "9999-12-31",
        "10000-01-01",
        "2020-01-01T00:00:00",
        "2020-1-1",
        "GBP",
        "EUR",
        "USD",
        "JPY",
        "XXX",
        "gbp",
        "GB",
        "GBPX",
        "per_line",
        "per_total",
        "audit",
        "ünïcødé ✓ 日本",
        "🦀",
        "a\u{301}",
        "\u{202e}rtl",
        "id with space",
        "A",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    s.push("x".repeat(10_000));
    s.push("9".repeat(400));
    s.push(format!("0.{}1", "0".repeat(60)));
    s
}

#[derive(Debug, Clone, Copy)]
enum Mutation {
    /// Replace the node with raw number text.
    Number,
    /// Replace the node with a string from the pool.
    String,
    /// Change a string in place: case, padding, suffix, repetition.
    Tweak,
    /// Remove a key from an object or an element from an array.
    Remove,
    /// Repeat a key of an object (with another value) or an array element.
    Duplicate,
    /// Add an unknown key.
    Unknown,
    /// Empty an array or object.
    Empty,
    /// Wrap the node in an array or an object.
    Nest,
    /// Replace the node with a copy of another node of the document.
    Graft,
    /// Reverse an array or an object's keys.
    Reverse,
    /// Bury the node under 200 arrays.
    Deep,
}

const MUTATIONS: [Mutation; 11] = [
    Mutation::Number,
    Mutation::String,
    Mutation::Tweak,
    Mutation::Remove,
    Mutation::Duplicate,
    Mutation::Unknown,
    Mutation::Empty,
    Mutation::Nest,
    Mutation::Graft,
    Mutation::Reverse,
    Mutation::Deep,
];

/// Most mutations change a leaf's value: that is where validation has work
/// to do. Structural ones are rarer.
fn mutation() -> impl Strategy<Value = (Mutation, usize, usize)> {
    let kind = prop_oneof![
        3 => Just(Mutation::Number),
        3 => Just(Mutation::String),
        6 => Just(Mutation::Tweak),
        1 => prop::sample::select(&MUTATIONS[3..]),
    ];
    (kind, any::<usize>(), any::<usize>())
}

fn mutations() -> impl Strategy<Value = Vec<(Mutation, usize, usize)>> {
    prop::collection::vec(mutation(), 1..=3)
}

fn apply(doc: &mut J, (kind, at, choice): (Mutation, usize, usize), pool: &[String]) {
    let graft = doc.nth_mut(choice).clone();
    let node = doc.nth_mut(at);
    let pick = |n: usize| choice % n.max(1);
    match (kind, &mut *node) {
        (Mutation::Number, _) => *node = J::Raw(NUMBERS[pick(NUMBERS.len())].to_owned()),
        (Mutation::String, _) => *node = J::Str(pool[pick(pool.len())].clone()),
        (Mutation::Tweak, J::Str(s)) => {
            *s = match choice % 10 {
                0 => s.to_uppercase(),
                1 => format!(" {s} "),
                2 => format!("{s}x"),
                3 | 4 => format!("-{s}"),
                // A decimal or percentage made huge, or its first digit raised.
                5 => format!("99999999999999999999999999999{s}"),
                6 => s.replacen(|c: char| c.is_ascii_digit(), "9", 1),
                7 => s.repeat(3),
                8 => String::new(),
                _ => s.chars().rev().collect(),
            };
        }
        (Mutation::Tweak, J::Raw(r)) => {
            *r = match (r.parse::<i128>(), choice % 4) {
                (Ok(n), 0) => n.saturating_add(1).to_string(),
                (Ok(n), 1) => n.saturating_sub(1).to_string(),
                (Ok(n), 2) => n.saturating_neg().to_string(),
                (Ok(n), _) => n.saturating_mul(1_000_000_000_000).to_string(),
                (Err(_), _) => format!("{r}.5"),
            };
        }
        (Mutation::Remove, J::Obj(entries)) if !entries.is_empty() => {
            entries.remove(pick(entries.len()));
        }
        (Mutation::Remove, J::Arr(items)) if !items.is_empty() => {
            items.remove(pick(items.len()));
        }
        (Mutation::Duplicate, J::Obj(entries)) if !entries.is_empty() => {
            let key = entries[pick(entries.len())].0.clone();
            entries.push((key, graft));
        }
        (Mutation::Duplicate, J::Arr(items)) if !items.is_empty() => {
            let item = items[pick(items.len())].clone();
            items.push(item);
        }
        (Mutation::Unknown, J::Obj(entries)) => entries.push(("unexpected".to_owned(), graft)),
        (Mutation::Empty, J::Obj(entries)) => entries.clear(),
        (Mutation::Empty, J::Arr(items)) => items.clear(),
        (Mutation::Reverse, J::Obj(entries)) => entries.reverse(),
        (Mutation::Reverse, J::Arr(items)) => items.reverse(),
        (Mutation::Nest, _) => {
            let inner = node.clone();
            *node = if choice % 2 == 0 {
                J::Arr(vec![inner])
            } else {
                J::Obj(vec![("value".to_owned(), inner)])
            };
        }
        (Mutation::Deep, _) => {
            let mut inner = node.clone();
            for _ in 0..200 {
                inner = J::Arr(vec![inner]);
            }
            *node = inner;
        }
        // Graft, and any mutation that does not fit the node.
        _ => *node = graft,
    }
}

/// The seed `seed` (modulo the number of seeds) broken by `steps`.
fn mutate(seeds: &[String], seed: usize, steps: &[(Mutation, usize, usize)]) -> String {
    let value: Value = serde_json::from_str(&seeds[seed % seeds.len()]).unwrap();
    let mut doc = J::from_value(&value);
    let mut pool = strings();
    // Strings from the document itself make plausible ids and references.
    collect_strings(&value, &mut pool);
    for step in steps {
        apply(&mut doc, *step, &pool);
    }
    doc.text()
}

fn collect_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if s.len() < 64 => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|v| collect_strings(v, out)),
        Value::Object(o) => o.iter().for_each(|(k, v)| {
            out.push(k.clone());
            collect_strings(v, out);
        }),
        _ => {}
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap()
}

/// Whatever `T` accepts it writes back and reads again to an equal value,
/// written identically. `Ok(Some(value))` when the text was accepted.
fn round_trip<T>(text: &str) -> Result<Option<T>, TestCaseError>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let Ok(value) = serde_json::from_str::<T>(text) else {
        return Ok(None);
    };
    let written = serde_json::to_string(&value)
        .map_err(|e| TestCaseError::fail(format!("accepted {text} but cannot write it: {e}")))?;
    let back = serde_json::from_str::<T>(&written).map_err(|e| {
        TestCaseError::fail(format!("accepted {text} but refuses its own output {written}: {e}"))
    })?;
    prop_assert_eq!(&back, &value, "round trip changed the value of {}", text);
    prop_assert_eq!(serde_json::to_string(&back).unwrap(), written);
    Ok(Some(value))
}

/// A value rebuilt through the public constructors from what serde accepted
/// equals it: the constructors' checks hold for it.
#[allow(clippy::needless_pass_by_value)] // called with a constructor's result
fn same<T: PartialEq + Debug>(rebuilt: Option<T>, accepted: &T) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        rebuilt.as_ref(),
        Some(accepted),
        "the constructors refuse what serde accepted"
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// Valid seeds.

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn gbp(n: i64) -> Money {
    Money::from_major(n, Currency::GBP)
}

fn pence_policy() -> RoundingPolicy {
    RoundingPolicy::for_currency(
        Currency::GBP,
        RoundingStrategy::MidpointAwayFromZero,
        RoundingStage::PerLine,
    )
}

fn aqua() -> Framework {
    Framework::builtin("aqua-sif-2014").unwrap()
}

fn if_rule() -> RateCardRule {
    let window = ClaimWindow::new(d("2012-04-01"), d("2015-09-30")).unwrap();
    let card = RateCard::innovation_fund_round_1().unwrap();
    let first = card.outcomes()[0].id().clone();
    let terms = RateCardTerms::new(window)
        .with_participant_cap(gbp(8_200))
        .with_volume_cap(first, 10)
        .with_total_cap(gbp(1_000_000));
    RateCardRule::new("if_round_1", card, terms).unwrap()
}

fn listed_bids_rule() -> RateCardRule {
    let window = ClaimWindow::new(d("2012-04-01"), d("2015-09-30")).unwrap();
    let card = RateCard::innovation_fund_round_2().unwrap();
    let bids =
        card.outcomes().iter().map(|o| (o.id().clone(), Money::from_minor(99, Currency::GBP)));
    let terms = RateCardTerms::new(window).with_bids(BidPrices::Listed(bids.collect()));
    RateCardRule::new("if_round_2", card, terms).unwrap()
}

fn cohort_rule() -> CohortRule {
    CohortRule::new(
        "reconviction",
        "10%".parse().unwrap(),
        "7.5%".parse().unwrap(),
        PoolingRule::PooledEvents,
        gbp(1_000),
    )
    .unwrap()
    .with_cap(gbp(5_000_000))
    .unwrap()
}

fn group_rule() -> GroupThresholdRule {
    let term = ClaimWindow::new(d("2014-01-01"), d("2016-12-31")).unwrap();
    GroupThresholdRule::new(
        "group",
        gbp(7_000),
        GroupThreshold::ShareOfCohort("25%".parse().unwrap()),
        SpellLength::Months(9),
        term,
    )
    .unwrap()
}

fn baseline_rule() -> BaselineRule {
    BaselineRule::new("baseline", "12.5%".parse().unwrap(), Money::from_minor(1_050, Currency::GBP))
        .unwrap()
        .with_cap(gbp(90_000))
        .unwrap()
}

fn banded_rule() -> BandedRule {
    let bands = vec![
        Band::new("5%".parse().unwrap(), gbp(10_000)),
        Band::new("10%".parse().unwrap(), gbp(25_000)),
    ];
    BandedRule::new("banded", bands, BandMode::Interpolated, gbp(30_000)).unwrap()
}

fn payers() -> PayerShares {
    PayerShares::new(vec![
        ("local_commissioner".parse().unwrap(), "80%".parse().unwrap()),
        ("life_chances_fund".parse().unwrap(), "20%".parse().unwrap()),
    ])
    .unwrap()
}

fn contract() -> Contract {
    let rules: Vec<Rule> = vec![
        if_rule().into(),
        cohort_rule().into(),
        group_rule().into(),
        baseline_rule().into(),
        banded_rule().into(),
    ];
    Contract::new("everything", Currency::GBP, pence_policy(), payers(), rules)
        .unwrap()
        .with_cap(gbp(2_000_000))
        .unwrap()
        .with_periodicity(Periodicity::Quarterly)
}

fn claims() -> Vec<Claim> {
    let rule = if_rule();
    vec![
        rule.claim(1, "improved_school_behaviour", d("2012-12-14")).unwrap(),
        rule.claim(1, "improved_school_attendance", d("2013-01-25")).unwrap(),
        rule.claim(2, "entry_to_employment", d("2015-07-06")).unwrap(),
    ]
}

fn participants() -> Participants {
    Participants::new(vec![
        Participant::new(1, d("1997-10-01"), d("2012-09-03")).unwrap(),
        Participant::new(2, d("1995-01-31"), d("2012-10-01")).unwrap(),
    ])
    .unwrap()
}

fn cohorts() -> Vec<Cohort> {
    vec![
        Cohort::new(
            "cohort_1",
            1_000,
            1_420,
            Comparison::rate("155".parse().unwrap(), 100).unwrap(),
            d("2014-08-07"),
        )
        .unwrap(),
        Cohort::new("cohort_2", 800, 700, Comparison::group(900, 1_000).unwrap(), d("2015-08-07"))
            .unwrap()
            .with_status(CohortStatus::Pending),
    ]
}

fn placements() -> Vec<Placement> {
    vec![
        Placement::new(1, d("2014-02-01"), None).unwrap(),
        Placement::new(2, d("2014-03-01"), Some(d("2015-03-01"))).unwrap(),
    ]
}

fn measurements() -> Vec<BaselineMeasurement> {
    vec![BaselineMeasurement::new(d("2015-01-01"), 1_000, 700).unwrap()]
}

fn banded_measurements() -> Vec<BandedMeasurement> {
    vec![BandedMeasurement::Reduction {
        measured_on: d("2015-06-30"),
        reduction: "7.5%".parse().unwrap(),
    }]
}

fn metric() -> Metric {
    Metric::new(
        "improved_school_behaviour",
        "improved behaviour at school for 13 continuous weeks",
        MetricUnit::Individual,
    )
    .unwrap()
    .with_evidence("letter from teacher")
    .with_data_source("school records")
    .with_direction(Direction::HigherIsBetter)
    .with_category(DataCategory::Impact)
    .with_role(MetricRole::Proxy)
    .with_rationale("behaviour predicts attainment")
    .with_pricing(PricingBasis::FixedPrice(gbp(1_300)))
    .unwrap()
}

fn term(a: &str, b: &str) -> InvestmentTerm {
    InvestmentTerm::new(d(a), d(b)).unwrap()
}

fn waterfall() -> CappedReturnWaterfall {
    CappedReturnWaterfall::new(
        Money::from_major(9_600_000, Currency::USD),
        ReturnCap::new("5.1%".parse().unwrap(), ReturnBasis::CompoundAnnually).unwrap(),
        term("2012-09-01", "2015-08-31"),
        PartyShares::new([("Goldman Sachs", Decimal::ONE)]).unwrap(),
        PartyShares::new([
            ("City of New York", "0.75".parse().unwrap()),
            ("Others", "0.25".parse().unwrap()),
        ])
        .unwrap(),
        RoundingPolicy::for_currency(
            Currency::USD,
            RoundingStrategy::TowardZero,
            RoundingStage::PerTotal,
        ),
    )
    .unwrap()
    .with_guarantee(
        Guarantee::new("Bloomberg Philanthropies", Money::from_major(7_200_000, Currency::USD))
            .unwrap(),
    )
    .unwrap()
}

fn cash_flows() -> CashFlows {
    CashFlows::new(
        Currency::GBP,
        [
            CashFlow::new(d("2020-01-01"), CashFlowKind::CapitalDrawdown, gbp(1_000)).unwrap(),
            CashFlow::new(d("2021-06-30"), CashFlowKind::OutcomePayment, gbp(600)).unwrap(),
            CashFlow::new(d("2022-12-31"), CashFlowKind::Repayment, gbp(700)).unwrap(),
        ],
    )
    .unwrap()
}

fn financial_year(start_year: i16) -> ReportingPeriod {
    ReportingPeriod::new(
        Date::new(start_year, 4, 1).unwrap(),
        Date::new(start_year + 1, 3, 31).unwrap(),
    )
    .unwrap()
}

fn ledger() -> CostLedger {
    let mut ledger = CostLedger::new(
        Currency::GBP,
        [
            Partner::new("nhs-tayside", "NHS Tayside", PartnerKind::NhsBoard).unwrap(),
            Partner::new("dundee", "Dundee City Council", PartnerKind::LocalAuthority).unwrap(),
        ],
        NegativeSpend::AllowCredits,
    )
    .unwrap();
    for record in [
        SpendRecord::new(
            "R1",
            Subject::segment("75-84").unwrap(),
            CostCentre::new("nhs-tayside", Sector::Health, "acute inpatient").unwrap(),
            financial_year(2010),
            Money::from_minor(123_456, Currency::GBP),
        ),
        SpendRecord::new(
            "R2",
            Subject::person("CHI-0101").unwrap(),
            CostCentre::new("dundee", Sector::SocialCare, "home care").unwrap(),
            financial_year(2011),
            Money::from_minor(-500, Currency::GBP),
        ),
    ] {
        ledger.add(record.unwrap()).unwrap();
    }
    ledger
}

fn response() -> Response {
    let aqua = aqua();
    Response::builder(&aqua, Respondent::new("Ann", "NHS trust").unwrap().with_role("Director"))
        .score("leadership", Score::Level(3))
        .unwrap()
        .score("culture", Score::NotApplicable)
        .unwrap()
        .comment("ok")
        .build()
}

fn assessment() -> Assessment {
    let aqua = aqua();
    let r = |name: &str, org: &str, level: u8| {
        Response::builder(&aqua, Respondent::new(name, org).unwrap())
            .score("leadership", Score::Level(level))
            .unwrap()
            .score("workforce", Score::NotApplicable)
            .unwrap()
            .build()
    };
    Assessment::new(
        &aqua,
        "Chorley PSR",
        d("2026-01-15"),
        "baseline",
        [r("Ann", "NHS", 3), r("Bob", "Council", 4), r("Cat", "NHS", 1)],
    )
    .unwrap()
}

// ---------------------------------------------------------------------------
// 1. serde JSON of every public Deserialize type.

/// One property per type: the seeds, broken, either fail to deserialize or
/// round-trip exactly; `then` exercises an accepted value.
macro_rules! serde_property {
    ($name:ident, $ty:ty, $seeds:expr) => {
        serde_property!($name, $ty, $seeds, |_value: &$ty| Ok(()));
    };
    ($name:ident, $ty:ty, $seeds:expr, $then:expr) => {
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(cases()))]
            #[test]
            fn $name(seed in any::<usize>(), steps in mutations()) {
                let seeds: Vec<String> = $seeds;
                let text = mutate(&seeds, seed, &steps);
                if let Some(value) = round_trip::<$ty>(&text)? {
                    let then: fn(&$ty) -> Result<(), TestCaseError> = $then;
                    then(&value)?;
                }
            }
        }
    };
}

serde_property!(
    money_json,
    Money,
    vec![
        json(&gbp(1_300)),
        json(&Money::from_minor(-130_050, Currency::EUR)),
        json(&Money::from_major(5, Currency::USD)),
    ]
);
serde_property!(currency_json, Currency, vec![json(&Currency::GBP), json(&Currency::USD)]);
serde_property!(
    rate_json,
    Rate,
    vec![json(&"7.5%".parse::<Rate>().unwrap()), json(&"-100%".parse::<Rate>().unwrap())]
);
serde_property!(
    rounding_json,
    RoundingPolicy,
    vec![
        json(&pence_policy()),
        json(
            &RoundingPolicy::new(0, RoundingStrategy::TowardZero, RoundingStage::PerTotal).unwrap()
        ),
    ]
);
serde_property!(
    rounding_parts_json,
    (RoundingStrategy, RoundingStage, Detail),
    vec![json(&(RoundingStrategy::MidpointNearestEven, RoundingStage::PerLine, Detail::Audit)),]
);
serde_property!(
    ids_json,
    (OutcomeId, PayerId, RuleId),
    vec![json(&(
        "entry_to_employment".parse::<OutcomeId>().unwrap(),
        "dwp".parse::<PayerId>().unwrap(),
        "r".parse::<RuleId>().unwrap(),
    ))]
);

serde_property!(
    framework_json,
    Framework,
    vec![
        json(&aqua()),
        json(&Framework::builtin("scirocco-b3").unwrap()),
        json(&Framework::builtin("aqua-sif-chorley").unwrap()),
        include_str!("../data/aqua-system-integration-2014.json").to_owned(),
    ],
    |f: &Framework| {
        // An accepted framework can be scored and profiled.
        let Some(domain) = f.domains().first() else { return Ok(()) };
        let level = f.scale().max();
        let respondent = Respondent::new("Ann", "NHS").unwrap();
        if let Ok(b) = Response::builder(f, respondent).score(domain.id(), Score::Level(level))
            && let Ok(round) = Assessment::new(f, "P", d("2026-01-15"), "r", [b.build()])
        {
            let profile = round.profile();
            let _ = profile.overall();
            let _ = profile.domain(domain.id()).map(|p| (p.median(), p.level_reached()));
        }
        Ok(())
    }
);
serde_property!(framework_parts_json, (Source, Scale, Vec<ScaleLevel>, DescriptorStatus), {
    let aqua = aqua();
    vec![json(&(
        Framework::builtin("aqua-sif-chorley").unwrap().source(),
        aqua.scale(),
        aqua.scale().levels(),
        DescriptorStatus::Unavailable,
    ))]
});
serde_property!(derivation_json, Derivation, {
    let chorley = serde_json::to_value(Framework::builtin("aqua-sif-chorley").unwrap()).unwrap();
    let seed = chorley["derivation"].to_string();
    vec![seed]
});
serde_property!(adjustment_json, Vec<Adjustment>, {
    let chorley = serde_json::to_value(Framework::builtin("aqua-sif-chorley").unwrap()).unwrap();
    let seed = chorley["derivation"]["adjustments"].to_string();
    vec![seed]
});
serde_property!(
    respondent_json,
    (Respondent, Score, Score, Score),
    vec![json(&(
        Respondent::new("Jo Bloggs", "Lancashire Care").unwrap().with_role("Director"),
        Score::Level(3),
        Score::NotScored,
        Score::NotApplicable,
    ))]
);
serde_property!(response_json, Response, vec![json(&response())], |r: &Response| {
    // A response is checked against its framework when a round is built.
    let _ = Assessment::new(&aqua(), "P", d("2026-01-15"), "r", [r.clone()]).map(|a| a.profile());
    Ok(())
});

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// `Assessment::from_json` validates against the framework: what it
    /// accepts it reads back from its own output.
    #[test]
    fn assessment_json(seed in any::<usize>(), steps in mutations()) {
        let aqua = aqua();
        let seeds = vec![
            json(&assessment()),
            r#"{"framework":"aqua-sif-2014","partnership":"Chorley PSR","date":"2026-01-15",
              "label":"baseline","responses":[{"framework":"aqua-sif-2014",
              "respondent":{"name":"Ann","organisation":"NHS"},"scores":{"leadership":2,"culture":"not-applicable"}}]}"#.to_owned(),
        ];
        let text = mutate(&seeds, seed, &steps);
        if let Ok(round) = Assessment::from_json(&aqua, &text) {
            let written = json(&round);
            let back = Assessment::from_json(&aqua, &written);
            prop_assert_eq!(back.as_ref(), Ok(&round), "{}", text);
            let _ = round.profile().overall();
        }
    }

    /// `Target::from_json` likewise.
    #[test]
    fn target_json(seed in any::<usize>(), steps in mutations()) {
        let s = Framework::builtin("scirocco-b3").unwrap();
        let seeds = vec![
            r#"{"framework":"scirocco-b3","name":"Good practice","requirements":{"population_approach":3,"evaluation_methods":2}}"#.to_owned(),
        ];
        let text = mutate(&seeds, seed, &steps);
        if let Ok(target) = Target::from_json(&s, &text) {
            let written = json(&target);
            let back = Target::from_json(&s, &written);
            prop_assert_eq!(back.as_ref(), Ok(&target), "{}", text);
        }
    }
}

serde_property!(contract_json, Contract, vec![json(&contract())], |c: &Contract| {
    // What serde accepted, the constructors accept.
    let mut rebuilt = Contract::new(
        c.id().as_str(),
        c.currency(),
        c.rounding(),
        c.payers().clone(),
        c.rules().to_vec(),
    )
    .unwrap()
    .with_periodicity(c.periodicity());
    if let Some(cap) = c.cap() {
        rebuilt = rebuilt.with_cap(cap).unwrap();
    }
    prop_assert_eq!(&rebuilt, c);
    // An accepted contract settles (or refuses) its evidence without panicking.
    let (claims, participants, cohorts) = (claims(), participants(), cohorts());
    let (placements, measurements, banded) = (placements(), measurements(), banded_measurements());
    let evidence = Evidence::new()
        .with("if_round_1", RuleEvidence::Claims { claims: &claims, participants: &participants })
        .with("reconviction", RuleEvidence::Cohorts(&cohorts))
        .with("group", RuleEvidence::Placements { placements: &placements, cohort_size: 20 })
        .with("baseline", RuleEvidence::Baseline(&measurements))
        .with("banded", RuleEvidence::Banded(&banded));
    if let Ok(s) = c.settle_with(&evidence, Detail::Audit) {
        let _ = s.to_string();
    }
    Ok(())
});
serde_property!(
    rule_json,
    Rule,
    vec![
        json(&Rule::from(if_rule())),
        json(&Rule::from(cohort_rule())),
        json(&Rule::from(group_rule())),
        json(&Rule::from(baseline_rule())),
        json(&Rule::from(banded_rule())),
    ]
);
serde_property!(
    rate_card_rule_json,
    RateCardRule,
    vec![json(&if_rule()), json(&listed_bids_rule())],
    |rule: &RateCardRule| {
        if let Ok(s) = rule.settle(&claims(), &participants(), Detail::Audit) {
            let _ = s.total();
        }
        Ok(())
    }
);
serde_property!(
    rate_card_json,
    RateCard,
    vec![
        include_str!("../data/rate_cards/innovation_fund_round_1.json").to_owned(),
        include_str!("../data/rate_cards/innovation_fund_round_2.json").to_owned(),
        include_str!("../data/rate_cards/fair_chance_fund.json").to_owned(),
    ]
);
serde_property!(
    rate_card_parts_json,
    (Vec<RateCardOutcome>, RateCardTerms, ClaimWindow, AgeRange, Repeat, Eligibility),
    {
        let card = RateCard::fair_chance_fund().unwrap();
        vec![json(&(
            card.outcomes(),
            if_rule().terms(),
            ClaimWindow::new(d("2012-04-01"), d("2015-09-30")).unwrap(),
            AgeRange::new(14, 24).unwrap(),
            Repeat::Repeatable,
            Eligibility::AgeAtStart(AgeRange::new(14, 15).unwrap()),
        ))]
    }
);
serde_property!(
    claims_json,
    (Vec<Claim>, Participants, OutcomeIndex),
    vec![json(&(claims(), participants(), OutcomeIndex::new(3).unwrap(),))]
);
serde_property!(participant_json, Vec<Participant>, vec![json(&participants())]);
serde_property!(
    cohort_json,
    (Vec<Cohort>, CohortRule, PoolingRule),
    vec![json(&(cohorts(), cohort_rule(), PoolingRule::MeanOfCohortReductions,))],
    |(cohorts, rule, _): &(Vec<Cohort>, CohortRule, PoolingRule)| {
        for c in cohorts {
            let _ = c.reduction();
            let rebuilt =
                Cohort::new(c.id().as_str(), c.size(), c.events(), c.comparison(), c.measured_on());
            same(rebuilt.map(|r| r.with_status(c.status())).ok(), c)?;
        }
        let mut rebuilt = CohortRule::new(
            rule.id().as_str(),
            rule.cohort_trigger(),
            rule.fallback_trigger(),
            rule.pooling(),
            rule.price_per_event(),
        )
        .unwrap();
        if let Some(cap) = rule.cap() {
            rebuilt = rebuilt.with_cap(cap).unwrap();
        }
        prop_assert_eq!(&rebuilt, rule);
        let contract =
            Contract::new("c", Currency::GBP, pence_policy(), payers(), vec![rule.clone().into()]);
        if let Ok(contract) = contract {
            let _ = contract
                .settle(&Evidence::new().with(rule.id().as_str(), RuleEvidence::Cohorts(cohorts)));
        }
        Ok(())
    }
);
serde_property!(
    comparison_json,
    Vec<Comparison>,
    vec![json(&vec![
        Comparison::rate("155".parse().unwrap(), 100).unwrap(),
        Comparison::group(900, 1_000).unwrap(),
    ])]
);
serde_property!(
    group_threshold_json,
    (GroupThresholdRule, Vec<Placement>, GroupThreshold, SpellLength),
    vec![json(&(group_rule(), placements(), GroupThreshold::AtLeast(3), SpellLength::Months(9),))],
    |(rule, placements, _, _): &(
        GroupThresholdRule,
        Vec<Placement>,
        GroupThreshold,
        SpellLength
    )| {
        let rebuilt = GroupThresholdRule::new(
            rule.id().as_str(),
            rule.payment(),
            rule.threshold(),
            rule.spell(),
            rule.term(),
        );
        same(rebuilt.ok(), rule)?;
        for p in placements {
            same(Placement::new(p.participant(), p.start(), p.end()).ok(), p)?;
        }
        Ok(())
    }
);
serde_property!(
    baseline_json,
    (BaselineRule, Vec<BaselineMeasurement>),
    vec![json(&(baseline_rule(), measurements()))]
);
serde_property!(
    banded_json,
    (BandedRule, Vec<BandedMeasurement>, Band, BandMode),
    vec![json(&(
        banded_rule(),
        banded_measurements(),
        Band::new("5%".parse().unwrap(), gbp(10_000)),
        BandMode::Stepped,
    ))]
);
serde_property!(payers_json, PayerShares, vec![json(&payers())], |p: &PayerShares| {
    if let Ok(parts) = p.split(Money::from_minor(100_001, Currency::GBP)) {
        let total = Money::sum(Currency::GBP, parts.iter().map(|(_, m)| *m)).unwrap();
        prop_assert_eq!(total, Money::from_minor(100_001, Currency::GBP));
    }
    Ok(())
});
serde_property!(
    metric_json,
    Metric,
    vec![json(&metric()), json(&Metric::new("m", "a definition", MetricUnit::Individual).unwrap()),]
);
serde_property!(
    metric_parts_json,
    (MetricUnit, Direction, DataCategory, MetricRole, PricingBasis, Periodicity),
    vec![json(&(
        MetricUnit::Individual,
        Direction::LowerIsBetter,
        DataCategory::Process,
        MetricRole::Proxy,
        PricingBasis::FixedPrice(gbp(1)),
        Periodicity::Monthly,
    ))]
);
serde_property!(
    savings_pricing_json,
    (SavingsPricing, PriceBound),
    vec![json(&(
        SavingsPricing::new("40%".parse().unwrap(), gbp(2_000)).unwrap(),
        PriceBound::MaximumPrice,
    ))]
);

serde_property!(
    waterfall_json,
    CappedReturnWaterfall,
    vec![json(&waterfall())],
    |w: &CappedReturnWaterfall| {
        for paid in [0, 5_000_000, 20_000_000] {
            let _ = w.distribute(Money::from_major(paid, Currency::USD));
        }
        let _ = w.investor_limit();
        Ok(())
    }
);
serde_property!(
    waterfall_parts_json,
    (ReturnCap, InvestmentTerm, PartyShares, Guarantee, ReturnBasis),
    vec![json(&(
        ReturnCap::new("5.1%".parse().unwrap(), ReturnBasis::Simple).unwrap(),
        term("2012-09-01", "2015-08-31"),
        PartyShares::new([("A", "0.5".parse().unwrap()), ("B", "0.5".parse().unwrap())]).unwrap(),
        Guarantee::new("G", gbp(5)).unwrap(),
        ReturnBasis::CompoundAnnually,
    ))],
    |(cap, term, _, guarantee, _): &(
        ReturnCap,
        InvestmentTerm,
        PartyShares,
        Guarantee,
        ReturnBasis
    )| {
        same(ReturnCap::new(cap.rate(), cap.basis()).ok(), cap)?;
        same(InvestmentTerm::new(term.start(), term.end()).ok(), term)?;
        same(Guarantee::new(guarantee.guarantor(), guarantee.limit()).ok(), guarantee)?;
        Ok(())
    }
);
serde_property!(cash_flows_json, CashFlows, vec![json(&cash_flows())], |flows: &CashFlows| {
    for f in flows.flows() {
        same(CashFlow::new(f.date(), f.kind(), f.amount()).ok(), f)?;
    }
    let rebuilt = CashFlows::new(flows.currency(), flows.flows().iter().cloned());
    same(rebuilt.ok(), flows)?;
    let _ = flows.moic();
    let _ = flows.net();
    let _ = flows.npv("3.5%".parse().unwrap(), NpvOptions::default());
    let _ = flows.xirr(XirrOptions::default());
    Ok(())
});
serde_property!(
    cash_flow_parts_json,
    (CashFlow, CashFlowKind, DayCount),
    vec![json(&(
        CashFlow::new(d("2020-01-01"), CashFlowKind::Interest, gbp(3)).unwrap(),
        CashFlowKind::ServiceCost,
        DayCount::default(),
    ))]
);
serde_property!(ledger_json, CostLedger, vec![json(&ledger())], |l: &CostLedger| {
    let _ = l.total(&Selection::all());
    Ok(())
});
serde_property!(
    ledger_parts_json,
    (Vec<SpendRecord>, Partner, Subject, ReportingPeriod, CostCentre, Sector, NegativeSpend),
    {
        let l = ledger();
        vec![json(&(
            l.records(),
            Partner::new("angus", "Angus Council", PartnerKind::LocalAuthority).unwrap(),
            Subject::segment("85+").unwrap(),
            financial_year(2012),
            CostCentre::new("angus", Sector::Other, "prescribing").unwrap(),
            Sector::Health,
            NegativeSpend::Reject,
        ))]
    }
);

// ---------------------------------------------------------------------------
// 3. INDIGO import.

const INDIGO: &str = include_str!("data/indigo_project.json");

/// The INDIGO seed (`tests/data/indigo_project.json`, shared with
/// tests/indigo_import.rs) is valid and imports whole: a broken seed would make the
/// property below test only the first error.
#[test]
fn indigo_seed_is_valid() {
    let import = IndigoProject::from_json(INDIGO).unwrap().import().unwrap();
    assert!(!import.rate_cards().is_empty() && !import.metrics().is_empty());
    assert!(!import.payer_maximums().is_empty());
}

/// The parent of a JSON Pointer ("/a/0/b" → "/a/0").
fn parent(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// Whether an INDIGO error names a place in `text`: a syntax error names the
/// root; any other error names a node of the document, a missing member of
/// one, or the missing `value` of a missing `{"value": ...}` wrapper.
fn points_into(e: &IndigoError, text: &str) -> bool {
    let path = e.path();
    match serde_json::from_str::<Value>(text) {
        Err(_) => matches!(e.kind(), IndigoErrorKind::Syntax { .. }) && path == "/",
        Ok(value) => {
            let up = parent(path);
            value.pointer(path).is_some()
                || value.pointer(up).is_some()
                || (path.ends_with("/value") && value.pointer(parent(up)).is_some())
        }
    }
}

proptest! {
    // One document, many fields, cheap to read: more cases.
    #![proptest_config(ProptestConfig::with_cases(cases() * 8))]

    /// A broken INDIGO document is read or refused, never a panic; an error
    /// points into the document; an accepted one imports (or refuses) whole.
    #[test]
    fn indigo_import(seed in any::<usize>(), steps in mutations()) {
        let seeds = vec![INDIGO.to_owned(), INDIGO.to_owned(), INDIGO.to_owned(), "{}".to_owned()];
        let text = mutate(&seeds, seed, &steps);
        match IndigoProject::from_json(&text) {
            Ok(project) => {
                let _ = (project.id(), project.name(), project.gaps());
                for m in project.metrics() {
                    let _ = (m.id(), m.targeted_number(), m.definition());
                }
                for p in project.pricings() {
                    let _ = (p.currency(), p.price_per_unit(), p.maximum_price());
                }
                for c in project.commitments() {
                    let _ = (c.maximum_payment(), c.period_start(), c.period_end());
                }
                if let Ok(import) = project.import() {
                    let _ = (import.metrics(), import.rate_cards(), import.gaps());
                    for currency in [Currency::GBP, Currency::EUR, Currency::USD] {
                        let _ = import.total_payer_maximum(currency);
                        let _ = import.rate_card(currency);
                    }
                }
            }
            Err(e) => prop_assert!(points_into(&e, &text), "error {} does not point into {}", e, text),
        }
    }

    /// Any bytes at all.
    #[test]
    fn indigo_arbitrary_text(text in "\\PC{0,200}") {
        if let Err(e) = IndigoProject::from_json(&text) {
            prop_assert!(points_into(&e, &text), "error {} does not point into {}", e, text);
        }
    }
}

// ---------------------------------------------------------------------------
// 2. CSV readers.

#[cfg(feature = "csv")]
mod csv_readers {
    use super::*;
    use integration_outcomes::maturity::AssessmentError;
    use integration_outcomes::outcomes::OutcomeError;

    /// Cells for the claims sheet: valid and broken.
    const CLAIM_CELLS: &[&str] = &[
        "17",
        "0",
        "18446744073709551615",
        "18446744073709551616",
        "-1",
        "1.5",
        "",
        " 3 ",
        "entry_to_employment",
        "improved_school_behaviour",
        "ENTRY_TO_EMPLOYMENT",
        "astronaut",
        "2013-05-01",
        "2013-02-30",
        "9999-12-31",
        "2013-05-01T00:00",
        "ünïcødé",
        "\"quoted, with comma\"",
        "💥",
    ];

    const CLAIM_HEADERS: &[&str] =
        &["participant", "outcome", "date", "Participant", " DATE ", "notes", "", "participant"];

    fn rule() -> RateCardRule {
        if_rule()
    }

    fn count_records(bytes: &[u8]) -> Option<usize> {
        let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(bytes);
        reader.headers().ok()?;
        reader.records().map(|r| r.ok()).collect::<Option<Vec<_>>>().map(|v| v.len())
    }

    fn check_claims_error(e: &OutcomeError) -> Result<(), TestCaseError> {
        match e {
            OutcomeError::Csv { row, .. } => {
                prop_assert!(row.is_some(), "error names no row: {e}");
                Ok(())
            }
            other => Err(TestCaseError::fail(format!("not a CSV error: {other}"))),
        }
    }

    fn sheet(headers: &[String], rows: &[Vec<String>]) -> String {
        let mut out = headers.join(",");
        out.push('\n');
        for row in rows {
            out.push_str(&row.join(","));
            out.push('\n');
        }
        out
    }

    /// What `claims_from_csv` must make of a sheet whose cells hold no
    /// quotes, commas or newlines: the claims, or the row and column of the
    /// first bad cell.
    fn expected_claims(
        rule: &RateCardRule,
        headers: &[String],
        rows: &[Vec<String>],
    ) -> Result<Vec<Claim>, (u64, Option<String>)> {
        let mut columns = [0_usize; 3];
        for (slot, name) in columns.iter_mut().zip(["participant", "outcome", "date"]) {
            let found: Vec<usize> = headers
                .iter()
                .enumerate()
                .filter(|(_, h)| h.trim().eq_ignore_ascii_case(name))
                .map(|(i, _)| i)
                .collect();
            match found[..] {
                [i] => *slot = i,
                _ => return Err((1, Some(name.to_owned()))),
            }
        }
        let mut claims = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let line = i as u64 + 2;
            if row.len() != headers.len() {
                return Err((line, None));
            }
            let cell = |c: usize| row[c].trim();
            let participant = cell(columns[0])
                .parse::<u64>()
                .map_err(|_| (line, Some("participant".to_owned())))?;
            let outcome = rule
                .card()
                .index_of(cell(columns[1]))
                .map_err(|_| (line, Some("outcome".to_owned())))?;
            // A claim date is a date alone: text that jiff reads as a date
            // but that is more than one (a time, an offset) is refused.
            let text = cell(columns[2]);
            let date = text
                .parse::<Date>()
                .ok()
                .filter(|d| d.to_string() == text)
                .ok_or_else(|| (line, Some("date".to_owned())))?;
            claims.push(Claim::new(participant, outcome, date));
        }
        Ok(claims)
    }

    /// A cell under `header`: mostly one valid for the column it names (so
    /// that whole sheets read), sometimes any cell.
    fn cell_under(
        header: &str,
        valid: &[(&str, &'static [&'static str])],
        any: &'static [&'static str],
    ) -> BoxedStrategy<String> {
        let any = prop::sample::select(any).prop_map(str::to_owned);
        match valid.iter().find(|(name, _)| header.trim().eq_ignore_ascii_case(name)) {
            Some(&(_, cells)) => prop_oneof![
                8 => prop::sample::select(cells).prop_map(str::to_owned),
                1 => any,
            ]
            .boxed(),
            None => any.boxed(),
        }
    }

    /// Up to four rows under `headers`: mostly one cell a header, each
    /// mostly valid for its column; sometimes a row of any cells, of any
    /// width.
    fn rows_under<H: AsRef<str>>(
        headers: &[H],
        valid: &[(&str, &'static [&'static str])],
        any: &'static [&'static str],
    ) -> BoxedStrategy<Vec<Vec<String>>> {
        let full: Vec<BoxedStrategy<String>> =
            headers.iter().map(|h| cell_under(h.as_ref(), valid, any)).collect();
        let anything = prop::sample::select(any).prop_map(str::to_owned);
        let row = prop_oneof![
            8 => full,
            1 => prop::collection::vec(anything, 0..8),
        ];
        prop::collection::vec(row, 0..5).boxed()
    }

    /// Valid cells of the claim sheet's columns.
    const CLAIM_COLUMNS: &[(&str, &[&str])] = &[
        ("participant", &["17", "0", " 3 ", "18446744073709551615"]),
        ("outcome", &["entry_to_employment", "improved_school_behaviour"]),
        ("date", &["2013-05-01", "2015-09-30", "9999-12-31"]),
    ];

    /// Claim cells that need no quoting.
    fn plain_claim_cells() -> &'static [&'static str] {
        static PLAIN: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        PLAIN.get_or_init(|| {
            CLAIM_CELLS.iter().copied().filter(|c| !c.contains(['"', ','])).collect()
        })
    }

    fn claim_sheet() -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
        let header = prop::sample::select(CLAIM_HEADERS).prop_map(str::to_owned);
        prop_oneof![
            1 => prop::collection::vec(header, 0..6),
            3 => Just(vec!["participant".to_owned(), "outcome".to_owned(), "date".to_owned()]),
        ]
        .prop_flat_map(|headers| {
            let rows = rows_under(&headers, CLAIM_COLUMNS, plain_claim_cells());
            (Just(headers), rows)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]

        /// Claims read from a sheet of valid and broken cells and headers
        /// are exactly what an independent reading says: every row a claim,
        /// or an error at the first bad row and column.
        #[test]
        fn claims_csv_matches_oracle((headers, rows) in claim_sheet()) {
            let rule = rule();
            // A header row that is all empty cells reads as a blank line.
            prop_assume!(headers.iter().any(|h| !h.is_empty()));
            prop_assume!(rows.iter().all(|r| r.iter().any(|c| !c.is_empty())));
            let text = sheet(&headers, &rows);
            let got = rule.claims_from_csv(text.as_bytes());
            match (expected_claims(&rule, &headers, &rows), got) {
                (Ok(want), Ok(got)) => prop_assert_eq!(got, want),
                (Err((line, column)), Err(OutcomeError::Csv { row, column: got_column, .. })) => {
                    prop_assert_eq!(row, Some(line), "{}", text);
                    if column.is_some() {
                        prop_assert_eq!(got_column, column, "{}", text);
                    }
                }
                (want, got) => prop_assert!(false, "sheet {:?}: want {:?}, got {:?}", text, want, got),
            }
        }

        /// Arbitrary bytes never panic: an error names its row (random bytes
        /// are almost never a whole claim; if they were, one claim per
        /// record).
        #[test]
        fn claims_csv_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200), header in any::<bool>()) {
            let mut input = if header { b"participant,outcome,date\n".to_vec() } else { Vec::new() };
            input.extend(bytes);
            match rule().claims_from_csv(&input[..]) {
                Ok(claims) => prop_assert_eq!(Some(claims.len()), count_records(&input)),
                Err(e) => check_claims_error(&e)?,
            }
        }
    }

    /// Cells for the assessment sheet.
    const SCORE_CELLS: &[&str] = &[
        "1",
        "3",
        "5",
        "0",
        "6",
        "255",
        "256",
        "-1",
        "1.5",
        "",
        "n/a",
        "NA",
        "not-scored",
        "Not-Applicable",
        "seven",
        "Ann",
        "Bob",
        "NHS",
        "Council",
        "ünïcødé",
        "  2  ",
        "💥",
        "\"a, b\"",
    ];

    const ASSESSMENT_HEADERS: &[&str] = &[
        "name",
        "organisation",
        "role",
        "comment",
        "leadership",
        "Culture",
        "workforce",
        "LEADERSHIP",
        "name",
        "astronomy",
        "",
        "ünïcødé",
    ];

    /// Valid cells of the assessment sheet's columns (a name cell of
    /// `NAME` becomes a name of the row's own).
    const ASSESSMENT_COLUMNS: &[(&str, &[&str])] = &[
        ("name", &[NAME]),
        ("organisation", &["NHS", "Council"]),
        ("role", &["Director", ""]),
        ("leadership", &["1", "3", "5", "n/a", "not-scored", "  2  "]),
        ("culture", &["1", "4", "n/a", ""]),
        ("workforce", &["2", "5", "not-scored"]),
    ];
    const NAME: &str = "<name>";

    fn assessment_sheet() -> impl Strategy<Value = String> {
        let header = prop::sample::select(ASSESSMENT_HEADERS);
        prop_oneof![
            1 => prop::collection::vec(header, 0..7),
            3 => Just(vec!["name", "organisation", "role", "leadership", "Culture", "workforce"]),
        ]
        .prop_flat_map(|headers| {
            let rows = rows_under(&headers, ASSESSMENT_COLUMNS, SCORE_CELLS);
            (Just(headers), rows)
        })
        .prop_map(|(headers, rows)| {
            let mut out = headers.join(",");
            out.push('\n');
            for (i, row) in rows.iter().enumerate() {
                let row: Vec<String> = row
                    .iter()
                    .map(|c| if c == NAME { format!("Person {i}") } else { c.clone() })
                    .collect();
                out.push_str(&row.join(","));
                out.push('\n');
            }
            out
        })
    }

    fn check_assessment(input: &[u8]) -> Result<(), TestCaseError> {
        let aqua = aqua();
        match Assessment::from_csv(&aqua, "P", d("2026-01-15"), "r", input) {
            Ok(round) => {
                prop_assert_eq!(
                    Some(round.len()),
                    count_records(input),
                    "{:?}",
                    String::from_utf8_lossy(input)
                );
                let _ = round.profile().overall();
            }
            Err(AssessmentError::Csv { row, .. }) => prop_assert!(row.is_some()),
            Err(
                AssessmentError::DuplicateRespondent { .. } | AssessmentError::EmptyRound { .. },
            ) => {}
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(cases()))]

        /// An assessment sheet of valid and broken cells and headers: one
        /// response per record, or an error naming its row (a repeated
        /// respondent or an empty round is refused as such).
        #[test]
        fn assessment_csv_cells(text in assessment_sheet()) {
            check_assessment(text.as_bytes())?;
        }

        /// Arbitrary bytes after a valid header.
        #[test]
        fn assessment_csv_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200), header in any::<bool>()) {
            let mut input = if header { b"name,organisation,leadership\n".to_vec() } else { Vec::new() };
            input.extend(bytes);
            check_assessment(&input)?;
        }
    }
}

// ---------------------------------------------------------------------------
// Regression tests: minimal inputs of the bugs the properties found.

/// A return cap of the largest rate compounded annually: `1 + rate` overflowed
/// and panicked ("Addition overflowed") in `ReturnCap::return_on`, reached
/// from a deserialized waterfall's `investor_limit` and `distribute`. Now
/// [`MoneyError::Overflow`](integration_outcomes::MoneyError::Overflow).
#[test]
fn largest_compound_return_cap_is_an_overflow_error_not_a_panic() {
    let largest: Rate = "7922816251426433759354395033500%".parse().unwrap();
    let cap = ReturnCap::new(largest, ReturnBasis::CompoundAnnually).unwrap();
    let policy = RoundingPolicy::for_currency(
        Currency::USD,
        RoundingStrategy::TowardZero,
        RoundingStage::PerTotal,
    );
    let err = cap
        .return_on(
            Money::from_major(9_600_000, Currency::USD),
            term("2012-09-01", "2015-08-31"),
            &policy,
        )
        .unwrap_err();
    let overflow = |e: &InvestmentError| {
        matches!(e, InvestmentError::Money(integration_outcomes::MoneyError::Overflow { .. }))
    };
    assert!(overflow(&err), "{err:?}");

    let json = json(&waterfall()).replace("\"5.1%\"", "\"7922816251426433759354395033500%\"");
    let w: CappedReturnWaterfall = serde_json::from_str(&json).unwrap();
    let err = w.investor_limit().unwrap_err();
    assert!(overflow(&err), "{err:?}");
    let err = w.distribute(Money::from_major(5_000_000, Currency::USD)).unwrap_err();
    assert!(overflow(&err), "{err:?}");
}

/// A claims sheet naming a required column twice read the first and
/// silently ignored the second. Now [`OutcomeError::Csv`] at row 1 naming
/// the column.
#[cfg(feature = "csv")]
#[test]
fn claims_csv_with_a_column_named_twice_is_refused() {
    use integration_outcomes::outcomes::OutcomeError;
    let sheet = "Participant,participant,outcome,date\n1,2,entry_to_employment,2013-05-01\n";
    let err = if_rule().claims_from_csv(sheet.as_bytes()).unwrap_err();
    assert!(
        matches!(&err, OutcomeError::Csv { row: Some(1), column: Some(c), .. } if c == "participant"),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "csv row 1, column participant: the header row names this column twice"
    );
}
