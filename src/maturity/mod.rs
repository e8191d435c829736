//! Integration maturity: frameworks, assessments and partnership profiles.
//!
//! - A [`Framework`] is data: an ordinal [`Scale`] and [`Domain`]s with
//!   guiding questions and one [`Descriptor`] per level. The AQuA System
//!   Integration Framework and the SCIROCCO / B3 maturity model are built in
//!   ([`Framework::builtin`]); partnerships adjust them with
//!   [`Framework::derive`], which records a [`Derivation`].
//! - An [`Assessment`] is one round of individual [`Response`]s.
//! - A [`Profile`] summarises a round per domain: counts, median, quartiles,
//!   mean and the agreement measures ([`ScoreStatistics`]), judged by the
//!   caller's [`AgreementPolicy`]; [`Profile::review`] flags split and low
//!   domains ([`PriorityPolicy`]), [`Assessment::divergence`] shows how far
//!   organisations differ.
//! - [`Progress`] compares two rounds, [`Benchmark`] several partnerships,
//!   [`Profile::readiness`] a profile with a [`Target`]; [`RadarChart`] draws
//!   them as SVG.
//!
//! # Example
//!
//! The README's example (keep the two in step):
//!
//! ```
//! use integration_outcomes::maturity::{AgreementPolicy, PriorityPolicy, Respondent, Response, Score};
//! use integration_outcomes::{Assessment, Date, Framework};
//!
//! let aqua = Framework::builtin("aqua-sif-2014")?;
//! let mut responses = Vec::new();
//! for (name, organisation, governance) in
//!     [("Amira", "NHS trust", 1), ("David", "Council", 4), ("Sam", "Voluntary sector", 1)]
//! {
//!     let who = Respondent::new(name, organisation)?;
//!     responses.push(
//!         Response::builder(&aqua, who)
//!             .score("leadership", Score::Level(3))?
//!             .score("governance", Score::Level(governance))?
//!             .build(),
//!     );
//! }
//! let round = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", responses)?;
//! let profile = round.profile();
//! let governance = profile.domain("governance").unwrap().statistics().unwrap();
//! assert_eq!(governance.median().to_string(), "1");
//! assert_eq!(governance.rwg().map(|r| format!("{r:.2}")).as_deref(), Some("0.00"));
//!
//! // The council rates governance three levels higher: a split, to discuss.
//! let splits = profile.splits(&AgreementPolicy::RandRegion { fewer_than: 1 })?;
//! assert_eq!(splits[0].id(), "governance");
//! let priorities = profile.priorities(PriorityPolicy::BelowLevel(2));
//! assert_eq!(priorities[0].name(), "Governance");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod agreement;
mod assessment;
mod builtin;
mod classify;
mod compare;
mod counting;
#[cfg(feature = "csv")]
mod csv_io;
mod derive;
mod entries;
mod error;
mod framework;
mod organisations;
mod partial;
mod priorities;
mod profile;
mod radar;
mod report;
mod scale;
mod statistics;
mod sum;
mod target;
mod text;

pub use agreement::{Agreement, AgreementPolicy, Ipras, RegionRule, Verdict};
pub use assessment::{Assessment, Respondent, Response, ResponseBuilder, Score};
pub use builtin::BUILTIN_FRAMEWORKS;
pub use classify::{Band, BandEnd, ClassChange, Classification, MaturityBands, MaturityClass};
pub use compare::{Benchmark, BenchmarkRow, DomainChange, Progress, ReassessmentOptions, Trend};
#[cfg(feature = "csv")]
pub use csv_io::CSV_DECIMAL_PLACES;
pub use derive::{Adjustment, Derivation, FrameworkDerivation};
pub use error::{AssessmentError, ComparisonError, FrameworkError};
pub use framework::{Descriptor, DescriptorStatus, Domain, Framework, Source};
pub use organisations::DomainDivergence;
pub use partial::ProfileCounts;
pub use priorities::{DomainReview, PriorityPolicy};
pub use profile::{DomainProfile, OverallPosition, Profile};
pub use radar::RadarChart;
pub use report::ProfileReport;
pub use scale::{Scale, ScaleLevel};
pub use statistics::ScoreStatistics;
pub use sum::{SumDomains, SumScore};
pub use target::{Gap, Readiness, Target};
