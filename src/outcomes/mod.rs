//! Outcome metrics and payment rules.
//!
//! - [`Metric`]s describe what is measured and are reviewed against the
//!   "3 Ms" (meaningful, measurable, monetisable) with [`Metric::review`].
//! - [`SavingsPricing`] / [`price_from_savings`] price an outcome as a share of
//!   the saving it is projected to produce, bounded by a maximum price.

mod error;
mod ids;
mod metric;
mod pricing;
mod review;

pub use error::OutcomeError;
pub use ids::{CohortId, MetricId, OutcomeId, PayerId, RuleId};
pub use metric::{DataCategory, Direction, Metric, MetricRole, MetricUnit, PricingBasis};
pub use pricing::{PriceBound, SavingsPrice, SavingsPricing, price_from_savings};
pub use review::{Finding, Principle, Review};
