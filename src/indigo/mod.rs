//! The INDIGO impact-bond data standard (Government Outcomes Lab, Oxford;
//! version 4.1): import a project's outcome metrics, pricings and payment
//! commitments, and export a settled statement as the standard's
//! `outcome_payments` and `results`.
//!
//! Published documents contain faults (a metric id used twice, a currency
//! written as its name, an amount written as text). By default
//! ([`ImportPolicy::Partial`]) an import keeps every entry that is valid on
//! its own, leaves out the others and lists every problem with its JSON
//! Pointer, the value found and why it was not used, suggesting the fix
//! where the meaning is unambiguous but never applying it;
//! [`ImportPolicy::Strict`] refuses a document at its first problem.
//! [`IndigoImport::summary`] says in one line what was imported and what
//! was not.
//!
//! Numbers are exact both ways: read from the digits as written (never
//! through `f64`), and exported as the decimal's digits.

mod currency_names;
mod error;
mod export;
mod import;
mod json;
mod project;
mod report;

pub use error::{IndigoError, IndigoErrorKind};
pub use export::{IndigoExport, ResultType};
pub use import::IndigoImport;
pub use json::IndigoDate;
pub use project::{CommitmentRecord, Gap, IndigoProject, MetricRecord, PricingRecord};
pub use report::{EntryCounts, ImportPolicy, ImportSummary};
