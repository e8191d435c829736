//! # integration-outcomes
//!
//! Measure how mature a health-and-social-care partnership's integration is,
//! and compute exactly and auditably what an outcomes contract (a Social
//! Impact Bond, payment by results) owes.
//!
//! The crate has two halves, and the money around them:
//!
//! - [`maturity`]: integration-maturity frameworks as data (the AQuA System
//!   Integration Framework and the SCIROCCO / B3 maturity model are built in),
//!   partners' individual assessments, partnership profiles with agreement
//!   measures, re-assessment and benchmarking.
//! - [`outcomes`]: outcome metrics and payment rules (rate cards, group
//!   thresholds, cohort-versus-comparison triggers, baselines, banded
//!   schedules, co-payers), settled into an auditable statement.
//! - [`finance`]: the investor view of an outcomes contract (dated cash
//!   flows, money multiple, NPV, XIRR, capped-return waterfalls and
//!   guarantees) and the whole-system cost of care across the NHS and social
//!   care.
//!
//! Money is exact: [`Money`] is a [`rust_decimal::Decimal`] with a
//! [`Currency`], and rounding happens only where a contract's
//! [`RoundingPolicy`] says.
//!
//! Design decisions are recorded in [`_documentation::design`].

pub mod finance;
pub mod indigo;
pub mod maturity;
pub mod outcomes;

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

pub mod _documentation {
    //! Long-form documentation.

    #[doc = include_str!("../DESIGN.md")]
    pub mod design {}
}
