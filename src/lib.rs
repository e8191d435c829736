//! # integration-outcomes
//!
//! Measure how mature a health-and-social-care partnership's integration is,
//! and compute exactly and auditably what an outcomes contract (a Social
//! Impact Bond, payment by results) owes.
//!
//! - [`maturity`]: integration-maturity frameworks as data (the AQuA System
//!   Integration Framework and the SCIROCCO / B3 maturity model are built in),
//!   partners' individual assessments, partnership profiles with agreement
//!   measures, re-assessment, benchmarking and radar charts.
//! - [`outcomes`]: outcome metrics and payment rules (rate cards, group
//!   thresholds, cohort-versus-comparison triggers, baselines, banded
//!   schedules, co-payers), settled into an auditable statement.
//! - [`finance`]: the investor view of an outcomes contract (dated cash
//!   flows, money multiple, NPV, XIRR, capped-return waterfalls and
//!   guarantees) and the whole-system cost of care across the NHS and social
//!   care.
//! - [`indigo`]: the INDIGO impact-bond data standard: import a project's
//!   metrics, prices and payment commitments; export a statement's payments.
//!
//! Money is exact: [`Money`] is a [`rust_decimal::Decimal`] with a
//! [`Currency`], its arithmetic is exact or an error, and rounding happens
//! only where a contract's [`RoundingPolicy`] says. Threshold decisions are
//! made by cross-multiplication, never by dividing first.
//!
//! # Quick start
//!
//! A partnership scores the built-in AQuA framework; the profile says where
//! partners disagree and what to develop first:
//!
//! ```
//! use integration_outcomes::maturity::{AgreementPolicy, PriorityPolicy, Respondent, Response, Score};
//! use integration_outcomes::{Assessment, Date, Framework};
//!
//! let aqua = Framework::builtin("aqua-sif-2014")?;
//! let scores = [("NHS trust", 3, 1), ("Council", 3, 1), ("Voluntary sector", 2, 5)];
//! let responses = scores.iter().map(|(org, leadership, engagement)| {
//!     Ok(Response::builder(&aqua, Respondent::new(format!("Lead, {org}"), *org)?)
//!         .score("leadership", Score::Level(*leadership))?
//!         .score("service_user_and_carer_engagement", Score::Level(*engagement))?
//!         .build())
//! }).collect::<Result<Vec<_>, integration_outcomes::Error>>()?;
//! let round = Assessment::new(&aqua, "Our partnership", Date::new(2026, 1, 15)?, "baseline", responses)?;
//! let profile = round.profile();
//!
//! let leadership = profile.domain("leadership").expect("scored");
//! assert_eq!(leadership.median().map(|m| m.to_string()), Some("3".into()));
//! // Engagement was scored 1, 1 and 5: a split, not a settled weakness.
//! let split = profile.splits(&AgreementPolicy::RandRegion { fewer_than: 1 })?;
//! assert_eq!(split[0].id(), "service_user_and_carer_engagement");
//! assert_eq!(profile.priorities(PriorityPolicy::LowestK(1))[0].id(), "service_user_and_carer_engagement");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A Peterborough-style cohort is settled against its comparison group:
//!
//! ```
//! use integration_outcomes::outcomes::{Cohort, CohortRule, Comparison, Evidence, PayerShares, PoolingRule, RuleEvidence};
//! use integration_outcomes::{Contract, Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
//!
//! let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?,
//!     PoolingRule::PooledEvents, Money::from_major(1_000, Currency::GBP))?; // illustrative price
//! let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::MidpointAwayFromZero, RoundingStage::PerLine);
//! let contract = Contract::new("pb", Currency::GBP, pence, PayerShares::single("moj".parse()?), vec![rule.into()])?;
//! // Published cohort 1: 142 reconviction events per 100 against 155 (8.39%).
//! let per_100 = Comparison::rate("155".parse()?, 100)?;
//! let cohorts = [Cohort::new("cohort_1", 1_000, 1_420, per_100, "2014-08-07".parse()?)?];
//! let statement = contract.settle(&Evidence::new().with("reconviction", RuleEvidence::Cohorts(&cohorts)))?;
//! let cohort_1 = &statement.lines()[0];
//! assert!(!cohort_1.decision().is_accepted()); // 8.39% is below the 10% trigger
//! println!("{statement}"); // every decision, its inputs and the amounts
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Run `cargo run --example tour --features csv` for a walk through both
//! halves on built-in data.
//!
//! # The primary types
//!
//! | type | what it is |
//! |---|---|
//! | [`Framework`] | a maturity framework: domains, an ordinal scale of levels, one descriptor per domain and level; built in, loaded from JSON, or derived from another |
//! | [`Assessment`] | one round: every respondent's score per domain (a level, not scored, or not applicable) on a date |
//! | [`Profile`] | a round aggregated per domain: counts, median, quartiles, mean, agreement measures, level reached |
//! | [`maturity::Progress`] | the change from one round to the next, and when the next is due |
//! | [`outcomes::Metric`] | an outcome metric: definition, unit, evidence, data source, direction, rationale, price |
//! | [`RateCard`] | outcomes with maximum prices; a [`outcomes::RateCardRule`] adds a contract's bids, claim window and caps |
//! | [`outcomes::Cohort`] / [`outcomes::Comparison`] | a cohort's size and outcome events, and its matched comparison group |
//! | [`Contract`] | payment rules, payers and their shares, currency, caps and rounding |
//! | [`Statement`] | a settled contract: every decision with its inputs and amount, totals by outcome, payer and period |
//! | [`Money`], [`Currency`], [`Rate`] | an exact amount in an ISO 4217 currency; a percentage held as an exact fraction |
//! | [`RoundingPolicy`] | decimal places, [`RoundingStrategy`] and [`RoundingStage`] a contract declares |
//! | [`finance::CashFlows`] | an investment's dated cash flows, with MOIC, NPV and XIRR |
//! | [`finance::CostLedger`] | whole-system spend by person or segment, partner, sector, service and period |
//! | [`Error`] | every error, by family; each family's variants name what was wrong |
//!
//! # Cookbook
//!
//! **Decide a threshold exactly.** A reduction of exactly 10% triggers a 10%
//! rule; rounding or dividing first never decides it:
//!
//! ```
//! use integration_outcomes::outcomes::{Cohort, Comparison};
//! let per_100 = Comparison::rate("155".parse()?, 100)?;
//! let exactly_ten = Cohort::new("c", 1_000, 1_395, per_100, "2014-08-07".parse()?)?; // 139.5 vs 155
//! assert_eq!(exactly_ten.reduction()?.map(|r| r.to_string()), Some("10%".into()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! **Split a payment between co-payers exactly.** A Life Chances Fund top-up
//! of about 20%: the parts always sum to the whole, to the penny:
//!
//! ```
//! use integration_outcomes::outcomes::PayerShares;
//! use integration_outcomes::{Currency, Money};
//! let payers = PayerShares::new(vec![
//!     ("local_commissioner".parse()?, "80%".parse()?),
//!     ("life_chances_fund".parse()?, "20%".parse()?),
//! ])?;
//! let parts = payers.split(Money::from_minor(100_001, Currency::GBP))?;
//! let total = Money::sum(Currency::GBP, parts.iter().map(|(_, m)| *m))?;
//! assert_eq!(total, Money::from_minor(100_001, Currency::GBP));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! **Round as the contract says, once.** Nothing rounds by default:
//!
//! ```
//! use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
//! use rust_decimal::Decimal;
//! let third = Money::from_major(100, Currency::GBP).checked_mul(Decimal::ONE / Decimal::from(3))?;
//! let policy = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
//! assert_eq!(third.round(&policy).to_string(), "GBP 33.33");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! **Settle millions of claims, in shards.** [`outcomes::RateCardRule::tally`]
//! gives a partial settlement; shards partitioned by participant merge into
//! exactly the single-pass result (the `rayon` feature does this on all
//! cores with `settle_parallel`). Cohort and comparison counts tally the same
//! way with [`outcomes::EventCounts`], and assessment profiles with
//! [`maturity::ProfileCounts`].
//!
//! **Property-test your own contract logic** (feature `proptest`). Code
//! that consumes statements (invoicing, a ledger, a dashboard) can be
//! tested against every kind of contract the crate settles:
//! [`outcomes::strategies::contract_case_with`] draws contracts that combine
//! every rule kind, cap, rounding strategy and stage, with their evidence,
//! and [`outcomes::strategies::Params`] steers what is drawn. Here, an
//! invoicing function that bills each payer the sum of its payments:
//!
//! ```
//! use integration_outcomes::outcomes::strategies::{self, Params};
//! use integration_outcomes::{Currency, Money, Statement};
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//!
//! /// Your code: one invoice per payer.
//! fn invoices(s: &Statement) -> Vec<(String, Money)> {
//!     let mut out: Vec<(String, Money)> = Vec::new();
//!     for p in s.payments() {
//!         match out.iter_mut().find(|(payer, _)| payer == p.payer().as_str()) {
//!             Some((_, total)) => *total = total.checked_add(p.amount()).unwrap(),
//!             None => out.push((p.payer().to_string(), p.amount())),
//!         }
//!     }
//!     out
//! }
//!
//! // Contracts with a contract cap and a rate card alone, say.
//! let params = Params::default().contract_cap(1.0).other_rules(0.0);
//! let mut runner = TestRunner::default();
//! runner.run(&strategies::contract_case_with(&params), |case| {
//!     let statement = case.contract().settle(&case.evidence()).unwrap();
//!     let billed = invoices(&statement);
//!     let expected: Vec<(String, Money)> =
//!         statement.totals_by_payer().iter().map(|(p, m)| (p.to_string(), *m)).collect();
//!     prop_assert_eq!(billed.clone(), expected);
//!     let sum = Money::sum(Currency::GBP, billed.iter().map(|(_, m)| *m)).unwrap();
//!     prop_assert_eq!(sum, statement.total());
//!     Ok(())
//! })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! In a test suite the same reads `proptest! { #[test] fn .. (case in
//! strategies::contract_case_with(&params)) { .. } }`; a failing case
//! shrinks to a contract of a few lines.
//!
//! **Adjust a framework.** [`Framework::derive`] renames domains, keeps a
//! subset or rewords a question, and records each change from the parent
//! (the built-in `aqua-sif-chorley` is stored that way).
//!
//! **Read and write spreadsheets** (feature `csv`): [`Assessment::from_csv`],
//! [`outcomes::RateCardRule::claims_from_csv`], [`Profile::write_csv`],
//! [`Statement::write_csv`].
//!
//! **Exchange INDIGO data.** [`indigo::IndigoProject::import`] turns a project
//! document into metrics, rate cards and caps, keeping every valid entry of a
//! faulty document and listing each problem ([`indigo::ImportPolicy`]);
//! [`indigo::IndigoExport`] writes a statement's payments and results back,
//! amounts as exact digits.
//!
//! # Crate features
//!
//! - `proptest`: [`outcomes::strategies`], proptest strategies that generate
//!   valid rate cards, claims, cohorts and contracts.
//! - `csv`: reading responses and claims from spreadsheets and writing
//!   profiles and statements.
//! - `rayon`: parallel settlement and profiles.
//!
//! Design decisions (rounding, quantiles, pooling, cap order, shards) are
//! recorded in [`_documentation::design`].

pub mod finance;
pub mod indigo;
pub mod maturity;
pub mod outcomes;

mod civil_date;
mod error;
mod money;

pub use error::Error;
pub use maturity::{Assessment, Framework, Profile};
pub use money::{
    Currency, Money, MoneyError, Rate, RoundingPolicy, RoundingStage, RoundingStrategy,
};
pub use outcomes::{Contract, RateCard, Statement};

/// Civil dates (assessment dates, claim dates, periods) are [`jiff::civil::Date`].
pub use jiff::civil::Date;

/// The README's examples, compiled and run as doctests (so no module keeps
/// a hand copy of them).
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeExamples;

pub mod _documentation {
    //! Long-form documentation.

    #[doc = include_str!("../DESIGN.md")]
    pub mod design {}
}
