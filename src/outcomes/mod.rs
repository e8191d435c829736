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
//! # How a contract is settled
//!
//! In one fixed order: each rule drafts its lines from its own evidence;
//! amounts are rounded once, where the [`RoundingPolicy`](crate::RoundingPolicy)
//! says (each line, or each rule's total for each period); cumulative caps
//! (a rule's, then the contract's) are taken from the rounded amounts in
//! date order; each set of payers is given its shares of the running total
//! of the rules it pays. Every statement obeys these laws, which the crate's
//! property tests check over generated contracts of every rule kind, cap and
//! rounding policy:
//!
//! - more claims, or a better cohort, baseline or banded result, never lower
//!   the total or any payer's total (but for two stated terms: a volume cap
//!   together with a per-participant cap, and a contract cap shared by rules
//!   with different payers);
//! - no total exceeds its cap, and a cap that binds is paid exactly;
//! - a refused claim takes nothing under any cap;
//! - the order of the evidence, and shards of claims merged, never change a
//!   statement;
//! - payments sum exactly to what they split.
//!
//! The README's example settles a rate card and a cohort rule together in
//! one contract; [`Contract`] and [`Statement`] show each step.

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
