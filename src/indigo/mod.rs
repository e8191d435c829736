//! The INDIGO impact-bond data standard (Government Outcomes Lab, Oxford;
//! version 4.1): import a project's outcome metrics, pricings and payment
//! commitments, and export a settled statement as the standard's
//! `outcome_payments` and `results`.

mod error;
mod export;
mod import;
mod json;
mod project;

pub use error::{IndigoError, IndigoErrorKind};
pub use export::{IndigoExport, ResultType};
pub use import::IndigoImport;
pub use json::IndigoDate;
pub use project::{CommitmentRecord, Gap, IndigoProject, MetricRecord, PricingRecord};
