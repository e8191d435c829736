//! Three regions self-assess on the built-in SCIROCCO / B3 maturity model
//! (12 dimensions, 0–5), are benchmarked side by side, and are measured
//! against the maturity a good practice requires before it can be
//! transferred. Writes a radar chart of one region over the requirement to
//! `out/scirocco_twinning.svg`. Regions and scores are illustrative.
//!
//! Run with `cargo run --example scirocco_twinning`.

// An example prints its results.
#![allow(clippy::print_stdout)]

use integration_outcomes::maturity::{
    AgreementPolicy, Benchmark, Framework, PriorityPolicy, RadarChart, Respondent, Response, Score,
    Target,
};
use integration_outcomes::{Assessment, Date, Profile};

/// Each respondent's scores for the 12 dimensions in framework order;
/// 9 marks a dimension the respondent left unscored.
type Scores = [u8; 12];

const NORTH_COAST: [(&str, &str, Scores); 5] = [
    ("Health board lead", "North Coast Health Board", [3, 4, 3, 3, 4, 2, 4, 3, 3, 3, 2, 3]),
    ("eHealth lead", "North Coast Health Board", [3, 4, 4, 3, 4, 3, 4, 3, 3, 3, 3, 3]),
    ("Social work lead", "North Coast Council", [3, 3, 3, 2, 3, 2, 3, 3, 2, 3, 2, 2]),
    ("GP cluster lead", "North Coast Primary Care", [4, 4, 3, 3, 4, 2, 4, 2, 3, 4, 9, 3]),
    ("Third sector lead", "North Coast Voluntary Action", [3, 3, 2, 2, 3, 2, 3, 4, 2, 3, 2, 2]),
];

const LAKELAND: [(&str, &str, Scores); 5] = [
    ("Regional director", "Lakeland Region", [2, 2, 3, 1, 2, 1, 2, 2, 1, 2, 2, 1]),
    ("Hospital CIO", "Lakeland Hospital Trust", [2, 2, 4, 2, 2, 1, 3, 1, 2, 2, 3, 2]),
    ("Home care manager", "Lakeland Municipality", [1, 2, 2, 1, 1, 1, 2, 2, 1, 2, 1, 1]),
    ("Patient representative", "Lakeland Patients' Forum", [2, 1, 2, 1, 9, 0, 1, 3, 1, 1, 1, 1]),
    ("Primary care lead", "Lakeland Primary Care", [2, 2, 3, 2, 2, 1, 2, 2, 1, 2, 2, 2]),
];

const MIDVALE: [(&str, &str, Scores); 5] = [
    ("Integration programme lead", "Midvale Partnership", [4, 3, 2, 3, 2, 3, 3, 4, 4, 3, 4, 4]),
    ("Finance director", "Midvale Partnership", [3, 3, 2, 3, 2, 3, 3, 3, 3, 3, 4, 3]),
    ("Community nursing lead", "Midvale Community Health", [4, 3, 1, 4, 2, 2, 4, 4, 3, 3, 3, 4]),
    ("Social care lead", "Midvale County", [4, 4, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4]),
    ("Citizens' panel", "Midvale Citizens' Panel", [3, 2, 1, 2, 2, 2, 2, 5, 3, 3, 3, 3]),
];

fn region(
    framework: &Framework,
    name: &str,
    rows: &[(&str, &str, Scores)],
) -> Result<Profile, Box<dyn std::error::Error>> {
    let mut responses = Vec::new();
    for (role, organisation, scores) in rows {
        // Respondents are known by their role: the panel is anonymised.
        let who = Respondent::new(*role, *organisation)?.with_role(*role);
        let mut response = Response::builder(framework, who);
        for (dimension, &score) in framework.domains().iter().zip(scores) {
            let score = if score == 9 { Score::NotScored } else { Score::Level(score) };
            response = response.score(dimension.id(), score)?;
        }
        responses.push(response.build());
    }
    Ok(Assessment::new(framework, name, Date::new(2026, 3, 2)?, "2026 self-assessment", responses)?
        .profile())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scirocco = Framework::builtin("scirocco-b3")?;
    let north = region(&scirocco, "North Coast", &NORTH_COAST)?;
    let lakeland = region(&scirocco, "Lakeland", &LAKELAND)?;
    let midvale = region(&scirocco, "Midvale", &MIDVALE)?;

    // A third of the panel outside the region around the median is a split.
    let agreement = AgreementPolicy::RandRegion { fewer_than: 2 };
    println!("{}\n", lakeland.report(&agreement, PriorityPolicy::LowestK(3))?);

    println!("Benchmark (domain medians):");
    println!("{}\n", Benchmark::new(&[&north, &lakeland, &midvale])?);

    // A good practice owned by North Coast, with the maturity it needs in the
    // adopting region (illustrative requirements).
    let telecare = Target::new(
        &scirocco,
        "North Coast telecare pathway: maturity required",
        [
            ("readiness_to_change", 2),
            ("structure_and_governance", 2),
            ("digital_infrastructure", 3),
            ("process_coordination", 2),
            ("finance_and_funding", 2),
            ("citizen_empowerment", 2),
        ],
    )?;
    for profile in [&lakeland, &midvale] {
        println!("{}: {}\n", profile.partnership(), profile.readiness(&telecare)?);
    }

    let chart = RadarChart::new("Lakeland over the telecare pathway's requirements", &lakeland)?
        .with_profile("Lakeland, 2026", &lakeland)?
        .with_profile("North Coast, 2026", &north)?
        .with_target(&telecare)?;
    std::fs::create_dir_all("out")?;
    let path = std::path::Path::new("out").join("scirocco_twinning.svg");
    std::fs::write(&path, chart.to_svg())?;
    println!("Radar chart written to {}", path.display());
    Ok(())
}
