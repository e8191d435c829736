//! A partnership of NHS, council and voluntary-sector respondents assesses
//! itself on the built-in AQuA System Integration Framework, then again six
//! months later. Prints the profile, the split domains, the development
//! priorities, how far the organisations diverge, the progress between
//! rounds and readiness for a service's requirement profile, and writes a
//! radar chart of both rounds and the requirement to `out/partnership_radar.svg`.
//!
//! The respondents and their scores are illustrative: no published source
//! gives the Chorley partnership's actual scores.
//!
//! Run with `cargo run --example partnership_assessment`.

// An example prints its results.
#![allow(clippy::print_stdout)]

use integration_outcomes::maturity::{
    AgreementPolicy, Framework, PriorityPolicy, Progress, RadarChart, ReassessmentOptions,
    Respondent, Response, Score, Target,
};
use integration_outcomes::{Assessment, Date};

/// Respondents: name, organisation, role.
const PARTNERS: [(&str, &str, &str); 9] = [
    ("Amira Khan", "Lancashire Teaching Hospitals NHS FT", "Director of Integration"),
    ("Tom Reid", "Lancashire Teaching Hospitals NHS FT", "Community Services Lead"),
    ("Grace Holt", "Chorley and South Ribble CCG", "Head of Commissioning"),
    ("David Lowe", "Chorley Council", "Chief Executive"),
    ("Priya Shah", "Chorley Council", "Head of Public Service Reform"),
    ("Ellen Moss", "Lancashire County Council", "Adult Social Care Manager"),
    ("Sam Okafor", "Chorley Community Voluntary Service", "Chief Officer"),
    ("Ruth Barnes", "Lancashire Constabulary", "Neighbourhood Inspector"),
    ("Mark Hughes", "Chorley Community Housing", "Director of Operations"),
];

/// Scores per respondent in the AQuA domain order: leadership, governance,
/// culture, engagement, finance, information, workforce, service design.
/// 0 marks a domain left unscored, 9 a domain marked not applicable.
const BASELINE: [[u8; 8]; 9] = [
    [3, 2, 2, 1, 1, 2, 2, 2],
    [3, 2, 3, 1, 1, 1, 2, 3],
    [2, 3, 2, 1, 2, 1, 2, 2],
    [3, 3, 2, 4, 1, 2, 2, 2],
    [3, 2, 2, 4, 1, 2, 1, 2],
    [2, 2, 1, 1, 1, 1, 1, 2],
    [2, 1, 3, 5, 0, 1, 2, 3],
    [2, 2, 2, 1, 9, 2, 1, 1],
    [3, 2, 4, 4, 1, 1, 2, 1],
];

const SIX_MONTHS_ON: [[u8; 8]; 9] = [
    [4, 3, 3, 2, 2, 2, 2, 3],
    [3, 3, 3, 2, 1, 2, 3, 3],
    [3, 3, 3, 2, 2, 1, 2, 3],
    [4, 3, 3, 2, 2, 2, 3, 3],
    [3, 3, 3, 3, 2, 2, 2, 3],
    [3, 3, 2, 2, 1, 2, 2, 2],
    [3, 2, 3, 4, 0, 2, 2, 3],
    [3, 3, 3, 2, 9, 2, 2, 2],
    [3, 3, 3, 2, 2, 1, 2, 2],
];

fn round(
    framework: &Framework,
    date: Date,
    label: &str,
    scores: &[[u8; 8]; 9],
) -> Result<Assessment, Box<dyn std::error::Error>> {
    let mut responses = Vec::new();
    for ((name, organisation, role), row) in PARTNERS.iter().zip(scores) {
        let who = Respondent::new(*name, *organisation)?.with_role(*role);
        let mut response = Response::builder(framework, who);
        for (domain, &score) in framework.domains().iter().zip(row) {
            let score = match score {
                0 => Score::NotScored,
                9 => Score::NotApplicable,
                level => Score::Level(level),
            };
            response = response.score(domain.id(), score)?;
        }
        responses.push(response.build());
    }
    Ok(Assessment::new(
        framework,
        "Chorley Public Service Reform Partnership",
        date,
        label,
        responses,
    )?)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let aqua = Framework::builtin("aqua-sif-2014")?;
    let agreement = AgreementPolicy::RandRegion { fewer_than: 3 };
    let priorities = PriorityPolicy::BelowLevel(2);

    let baseline = round(&aqua, Date::new(2026, 1, 15)?, "baseline", &BASELINE)?;
    let review = round(&aqua, Date::new(2026, 7, 15)?, "six-month review", &SIX_MONTHS_ON)?;
    let before = baseline.profile();
    let after = review.profile();

    println!("{}\n", before.report(&agreement, priorities)?);

    println!("Divergence between organisations (range of organisation medians):");
    for d in baseline.divergence() {
        if let (Some(range), Some(low), Some(high)) = (d.range(), d.lowest(), d.highest()) {
            println!(
                "  {:<38} {:>4}  lowest {} ({}), highest {} ({})",
                d.name(),
                range.to_string(),
                low.0,
                low.1,
                high.0,
                high.1
            );
        }
    }
    println!();

    println!("{}\n", after.report(&agreement, priorities)?);

    let progress = Progress::between(&before, &after, ReassessmentOptions::new(agreement))?;
    println!("{progress}\n");

    // What an integrated discharge service would need before it is adopted
    // here (an illustrative requirement profile, not a published one).
    let discharge = Target::new(
        &aqua,
        "Integrated discharge service: requirement",
        [
            ("leadership", 3),
            ("governance", 3),
            ("information_and_it", 3),
            ("workforce", 3),
            ("service_and_care_model_design", 3),
        ],
    )?;
    let readiness = after.readiness(&discharge)?;
    let verdict = if readiness.is_ready() { "ready" } else { "not yet" };
    println!("Readiness for \"{}\": {verdict}", readiness.target());
    for gap in readiness.blocking() {
        let median = gap.median().map_or_else(|| "unscored".to_owned(), |m| m.to_string());
        println!("  blocking: {} (median {median}, required {})", gap.name(), gap.required());
    }
    println!();

    let title = "Chorley Public Service Reform Partnership: AQuA self-assessment";
    let chart = RadarChart::new(title, &after)?
        .with_profile("Baseline, January 2026", &before)?
        .with_profile("Six-month review, July 2026", &after)?
        .with_target(&discharge)?;
    std::fs::create_dir_all("out")?;
    let path = std::path::Path::new("out").join("partnership_radar.svg");
    std::fs::write(&path, chart.to_svg())?;
    println!("Radar chart written to {}", path.display());
    Ok(())
}
