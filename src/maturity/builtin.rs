//! Built-in frameworks, embedded from the JSON files in `data/`.

use serde::Deserialize;

use super::{Derivation, Framework, FrameworkError, Source};

const AQUA: &str = include_str!("../../data/aqua-system-integration-2014.json");
const AQUA_CHORLEY: &str = include_str!("../../data/aqua-sif-chorley.json");
const SCIROCCO: &str = include_str!("../../data/scirocco-b3.json");

/// Ids of the built-in frameworks, for [`Framework::builtin`].
///
/// - `aqua-sif-2014`: the AQuA System Integration Framework (8 domains, levels
///   1 Commitment to 5 Sustainable Delivery), 2014 toolkit domain names with
///   the descriptors and guiding questions of the assessment chart.
/// - `aqua-sif-chorley`: the same, derived with the domain names of the
///   Chorley Public Service Reform Partnership's chart ("Resident engagement",
///   "Service Model Design").
/// - `scirocco-b3`: the SCIROCCO / B3 maturity model (12 dimensions, 0–5);
///   descriptors that were not published or retrieved are marked unavailable.
///
/// The domain ids to type (in [`Response::builder`](super::Response::builder) scores,
/// CSV headers, targets and sum scores), in framework order:
///
/// `aqua-sif-2014` (levels 1 Commitment, 2 Enabling, 3 Implementation,
/// 4 Embedding, 5 Sustainable Delivery):
///
/// | Domain id | Name |
/// |---|---|
/// | `leadership` | Leadership |
/// | `governance` | Governance |
/// | `culture` | Culture |
/// | `service_user_and_carer_engagement` | Service User and Carer Engagement |
/// | `financial_and_contractual_mechanisms` | Financial and Contractual Mechanisms |
/// | `information_and_it` | Information and IT |
/// | `workforce` | Workforce |
/// | `service_and_care_model_design` | Service and Care Model Design |
///
/// `aqua-sif-chorley` (the same ids and levels, Chorley's names):
///
/// | Domain id | Name |
/// |---|---|
/// | `leadership` | Leadership |
/// | `governance` | Governance |
/// | `culture` | Culture |
/// | `service_user_and_carer_engagement` | Resident engagement |
/// | `financial_and_contractual_mechanisms` | Financial and contractual mechanisms |
/// | `information_and_it` | Information & IT |
/// | `workforce` | Workforce |
/// | `service_and_care_model_design` | Service Model Design |
///
/// `scirocco-b3` (levels 0 to 5):
///
/// | Domain id | Name |
/// |---|---|
/// | `readiness_to_change` | Readiness to change |
/// | `structure_and_governance` | Structure & governance |
/// | `digital_infrastructure` | Digital infrastructure |
/// | `process_coordination` | Process coordination |
/// | `finance_and_funding` | Finance & funding |
/// | `removal_of_inhibitors` | Removal of inhibitors |
/// | `population_approach` | Population approach |
/// | `citizen_empowerment` | Citizen empowerment |
/// | `evaluation_methods` | Evaluation methods |
/// | `breadth_of_ambition` | Breadth of ambition |
/// | `innovation_management` | Innovation management |
/// | `capacity_building` | Capacity building |
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{BUILTIN_FRAMEWORKS, Framework};
///
/// // The tables above are the built-ins' own ids and names.
/// let ids = |id: &str| -> Result<Vec<String>, Box<dyn std::error::Error>> {
///     Ok(Framework::builtin(id)?.domains().iter().map(|d| d.id().to_owned()).collect())
/// };
/// assert_eq!(ids("scirocco-b3")?[11], "capacity_building");
/// assert_eq!(ids("aqua-sif-chorley")?, ids("aqua-sif-2014")?);
/// let chorley = Framework::builtin("aqua-sif-chorley")?;
/// assert_eq!(chorley.domain("service_user_and_carer_engagement").map(|d| d.name()), Some("Resident engagement"));
///
/// for id in BUILTIN_FRAMEWORKS {
///     assert_eq!(Framework::builtin(id)?.id(), *id);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const BUILTIN_FRAMEWORKS: &[&str] = &["aqua-sif-2014", "aqua-sif-chorley", "scirocco-b3"];

/// A built-in framework stored as a derivation of another built-in.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DerivedFile {
    id: String,
    name: String,
    source: Source,
    derivation: Derivation,
}

impl Framework {
    /// A built-in framework by id (see [`BUILTIN_FRAMEWORKS`]).
    ///
    /// Each call parses and validates the embedded JSON as
    /// [`Framework::from_json`] does (all but the check that a built-in's id
    /// is on that built-in, which is this).
    ///
    /// # Errors
    ///
    /// [`FrameworkError::UnknownBuiltin`] for an unknown id.
    ///
    /// ```
    /// use integration_outcomes::maturity::Framework;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// assert_eq!(aqua.domains().len(), 8);
    /// assert_eq!(aqua.scale().level(1).and_then(|l| l.name()), Some("Commitment"));
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    /// assert_eq!((scirocco.domains().len(), scirocco.scale().min(), scirocco.scale().max()), (12, 0, 5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn builtin(id: &str) -> Result<Framework, FrameworkError> {
        match id {
            "aqua-sif-2014" => Framework::from_builtin_json(AQUA),
            "aqua-sif-chorley" => {
                let file: DerivedFile = serde_json::from_str(AQUA_CHORLEY)
                    .map_err(|e| FrameworkError::Json { message: e.to_string() })?;
                let parent = Framework::builtin(file.derivation.parent())?;
                // The built-in's own id, which `Framework::derive` refuses.
                let start = parent.derive_builtin(file.id, file.name)?;
                let mut framework = file.derivation.replay(start)?;
                framework.set_source(file.source);
                Ok(framework)
            }
            "scirocco-b3" => Framework::from_builtin_json(SCIROCCO),
            _ => Err(FrameworkError::UnknownBuiltin { id: id.to_owned() }),
        }
    }
}
