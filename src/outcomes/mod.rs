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

mod banded;
mod baseline;
mod builtin;
mod claim;
mod cohort;
mod contract;
mod decision;
mod error;
mod group_threshold;
mod ids;
mod metric;
mod payers;
mod period;
mod pricing;
mod rate_card;
mod rate_card_rule;
mod ratio;
mod review;
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
