//! Outcome metrics and payment rules.
//!
//! - [`Metric`]s describe what is measured and are reviewed against the
//!   "3 Ms" (meaningful, measurable, monetisable) with [`Metric::review`].
//! - [`SavingsPricing`] / [`price_from_savings`] price an outcome as a share of
//!   the saving it is projected to produce, bounded by a maximum price.
//! - [`RateCard`]s list outcomes and maximum prices (the Innovation Fund
//!   rounds and the Fair Chance Fund are built in); a [`RateCardRule`] adds a
//!   contract's bids, claim window and caps and settles [`Claim`]s exactly
//!   in `i64` minor units, in one pass or in merged shards.
//! - Other payment rules: [`GroupThresholdRule`] (Eleven Augsburg),
//!   [`CohortRule`] (Peterborough), [`BaselineRule`] (Essex),
//!   [`BandedRule`] (Rikers Island); [`PayerShares`] split payments between
//!   co-payers (Life Chances Fund top-ups).
//! - A [`Contract`] combines rules, payers, currency, caps and rounding;
//!   settling it with the period's [`Evidence`] gives a [`Statement`].
//!
//! With the `proptest` feature, [`strategies`]
//! generates valid rate cards, claims, cohorts and contracts for property
//! tests.
//!
//! The README's example (keep the two in step):
//!
//! ```
//! use integration_outcomes::outcomes::{
//!     ClaimWindow, Cohort, CohortRule, CohortStatus, Comparison, Contract, Evidence, Participants,
//!     PayerShares, PoolingRule, RateCard, RateCardRule, RateCardTerms, RuleEvidence,
//! };
//! use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
//!
//! let gbp = |n| Money::from_major(n, Currency::GBP);
//! // The Innovation Fund round 1 card, with the per-participant cap a contract
//! // parameter (sources give £8,200 and £11,700).
//! let terms = RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
//!     .with_participant_cap(gbp(8_200));
//! let if_round_1 = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?, terms)?;
//! // Peterborough's triggers, with an illustrative price per event avoided.
//! let reconviction = CohortRule::new(
//!     "reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000),
//! )?;
//! let contract = Contract::new(
//!     "example",
//!     Currency::GBP,
//!     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
//!     PayerShares::new(vec![
//!         ("commissioner".parse()?, "80%".parse()?),
//!         ("life_chances_fund".parse()?, "20%".parse()?), // a top-up fund
//!     ])?,
//!     vec![if_round_1.clone().into(), reconviction.into()],
//! )?;
//!
//! let claims = [
//!     if_round_1.claim(7, "entry_to_employment", "2013-03-04".parse()?)?,
//!     if_round_1.claim(7, "sustained_employment", "2013-09-02".parse()?)?,
//! ];
//! // Cohort 1: 142 vs 155 reconviction events per 100 is 8.39%, below 10%;
//! // the 7.5% fallback waits for cohort 2.
//! let per_100 = Comparison::rate("155".parse()?, 100)?;
//! let cohorts = [
//!     Cohort::new("cohort_1", 100, 142, per_100, "2014-08-07".parse()?)?,
//!     Cohort::new("cohort_2", 100, 0, per_100, "2016-06-30".parse()?)?.with_status(CohortStatus::Pending),
//! ];
//! let nobody = Participants::none();
//! let evidence = Evidence::new()
//!     .with("if_round_1", RuleEvidence::Claims { claims: &claims, participants: &nobody })
//!     .with("reconviction", RuleEvidence::Cohorts(&cohorts));
//! let statement = contract.settle(&evidence)?;
//!
//! assert_eq!(statement.total(), gbp(3_600)); // £2,600 entry + £1,000 sustained
//! assert_eq!(statement.totals_by_payer()[1].1, gbp(720)); // the 20% top-up
//! let cohort_1 = statement.lines().iter().find(|l| l.rule().as_str() == "reconviction");
//! assert!(cohort_1.is_some_and(|l| !l.decision().is_accepted()));
//! assert!(statement.to_string().contains("reduction 8.39% (trigger 10%)"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod banded;
mod baseline;
mod builtin;
mod claim;
mod cohort;
mod contract;
#[cfg(feature = "csv")]
mod csv_io;
mod decision;
mod engine;
mod error;
mod event_counts;
mod group_threshold;
mod ids;
mod metric;
mod packed_date;
#[cfg(feature = "rayon")]
mod parallel;
mod payers;
mod period;
mod pricing;
mod rate_card;
mod rate_card_rule;
mod ratio;
mod review;
mod rules;
mod settle;
mod statement;
#[cfg(feature = "proptest")]
pub mod strategies;

pub use banded::{Band, BandMode, BandedMeasurement, BandedRule};
pub use baseline::{BaselineMeasurement, BaselineRule};
pub use claim::{Claim, Participant, ParticipantId, Participants};
pub use cohort::{Cohort, CohortRule, CohortStatus, Comparison, PoolingRule};
pub use contract::{Contract, Evidence, Rule, RuleEvidence};
pub use decision::{CapKind, Decision, RejectionReason};
pub use error::OutcomeError;
pub use event_counts::EventCounts;
pub use group_threshold::{GroupThreshold, GroupThresholdRule, Placement, SpellLength};
pub use ids::{CohortId, ContractId, MetricId, OutcomeId, PayerId, RateCardId, RuleId};
pub use metric::{DataCategory, Direction, Metric, MetricRole, MetricUnit, PricingBasis};
pub use payers::PayerShares;
pub use period::{Period, Periodicity};
pub use pricing::{PriceBound, SavingsPrice, SavingsPricing, price_from_savings};
pub use rate_card::{
    AgeRange, Eligibility, MAX_OUTCOMES, OutcomeIndex, RateCard, RateCardOutcome, Repeat,
};
pub use rate_card_rule::{BidPrices, ClaimWindow, RateCardRule, RateCardTerms};
pub use review::{Finding, Principle, Review};
pub use settle::{ClaimLine, Detail, OutcomeSummary, RateCardSettlement, RateCardTally};
pub use statement::{LineInputs, OutcomeTotal, Payment, Statement, StatementLine, Subject};
