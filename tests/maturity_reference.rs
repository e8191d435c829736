//! Reference tests for the maturity statistics and built-in frameworks:
//! published values from /work/shared/domain/maturity-facts.md §5.2 and the
//! AQuA chart in seed 003 (the Chorley Public Service Reform Executive paper).
// Helpers outside #[test] functions unwrap too: a panic is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::float_cmp)]
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss,
    reason = "small test values"
)]

use integration_outcomes::maturity::{
    Agreement, AgreementPolicy, ComparisonError, DescriptorStatus, Framework, Scale,
    ScoreStatistics,
};
use rust_decimal::Decimal;
use rust_decimal::dec;

fn stats(min: u8, max: u8, counts: &[u64]) -> ScoreStatistics {
    ScoreStatistics::from_counts(&Scale::numbered(min, max).unwrap(), counts).unwrap().unwrap()
}

/// agrmt's documented example: consensus(c(30,40,210,130,530,50,10)) = 0.7256876
/// on a 7-point scale (maturity-facts §5.2 item 3).
#[test]
fn tastle_wierman_consensus_matches_agrmt() {
    let s = stats(1, 7, &[30, 40, 210, 130, 530, 50, 10]);
    assert!((s.consensus() - 0.725_687_6).abs() < 5e-8, "{}", s.consensus());
}

/// agrmt's Leik example on the same vector: 0.2867 (§5.2 item 4), exactly 0.28666…
#[test]
fn leik_dispersion_matches_agrmt() {
    let s = stats(1, 7, &[30, 40, 210, 130, 530, 50, 10]);
    assert!((s.leik_dispersion() - 1720.0 / 6000.0).abs() < 1e-15);
    assert_eq!(format!("{:.4}", s.leik_dispersion()), "0.2867");
}

/// r_wg (James, Demaree & Wolf; §5.2 item 1): scores 3, 3, 4, 4, 5 on 1–5 give
/// s² = 0.7, σ²_EU = (25 − 1)/12 = 2, r_wg = 1 − 0.7/2 = 0.65.
#[test]
fn rwg_matches_the_worked_example() {
    let s = stats(1, 5, &[0, 0, 2, 2, 1]);
    assert_eq!(s.sample_variance(), Some(0.7));
    assert!((s.rwg().unwrap() - 0.65).abs() < 1e-15);
    // s² > σ²_EU truncates to zero (1, 1, 5, 5: s² = 16/3 > 2).
    assert_eq!(stats(1, 5, &[2, 0, 0, 0, 2]).rwg(), Some(0.0));
    // Undefined for one rating.
    assert_eq!(stats(1, 5, &[0, 1, 0, 0, 0]).rwg(), None);
}

/// Quantiles are Hyndman–Fan type 7 (R's default): R gives
/// quantile(c(1,2,2,3,5), type = 7) = 1, 2, 2, 3, 5 and
/// quantile(c(1,2,4,5), type = 7) = 1, 1.75, 3, 4.25, 5.
#[test]
fn quantiles_match_r_type_7() {
    let s = stats(1, 5, &[1, 2, 1, 0, 1]);
    assert_eq!((s.q1(), s.median(), s.q3()), (dec!(2), dec!(2), dec!(3)));
    let s = stats(1, 5, &[1, 1, 0, 1, 1]);
    assert_eq!((s.min(), s.max()), (1, 5));
    assert_eq!((s.q1(), s.median(), s.q3(), s.iqr()), (dec!(1.75), dec!(3), dec!(4.25), dec!(2.5)));
    assert_eq!(s.mean(), 3.0);
}

/// The SCIROCCO Delphi rule (§1.4, §5.2 item 5): agreement is fewer than four
/// of twelve ratings outside the 3-point region containing the median.
#[test]
fn scirocco_delphi_agreement_rule() {
    let policy = AgreementPolicy::RandRegion { fewer_than: 4 };
    let three_outside = stats(0, 5, &[1, 1, 3, 4, 2, 1]);
    assert_eq!(three_outside.n(), 12);
    assert_eq!(three_outside.median_region(), (2..=4, 3));
    assert_eq!(policy.judge(Some(&three_outside)), Ok(Agreement::Agreed));
    let four_outside = stats(0, 5, &[2, 1, 3, 3, 2, 1]);
    assert_eq!(four_outside.median_region().1, 4);
    assert_eq!(policy.judge(Some(&four_outside)), Ok(Agreement::Split));
}

/// The AQuA chart: 8 domains × 5 levels, descriptors verbatim (seed 003).
#[test]
fn aqua_descriptors_are_the_chart_verbatim() {
    let aqua = Framework::builtin("aqua-sif-2014").unwrap();
    let names: Vec<&str> = aqua.scale().levels().iter().filter_map(|l| l.name()).collect();
    assert_eq!(
        names,
        ["Commitment", "Enabling", "Implementation", "Embedding", "Sustainable Delivery"]
    );
    assert_eq!(aqua.domains().len(), 8);
    for domain in aqua.domains() {
        assert_eq!(domain.descriptors().len(), 5, "{}", domain.id());
        assert!(domain.descriptors().iter().all(|d| d.status() == DescriptorStatus::Verbatim));
        assert!(!domain.guiding_questions().is_empty());
    }
    let text = |domain: &str, level: u8| {
        aqua.domain(domain).unwrap().descriptor(level).unwrap().text().unwrap().to_owned()
    };
    assert_eq!(
        text("leadership", 1),
        "Senior leaders have agreed to work on system integration and be personally engaged in leading integration activity."
    );
    assert_eq!(
        text("financial_and_contractual_mechanisms", 2),
        "Integration partners agree the set-up investment costs, including dedicated programme management"
    );
    assert_eq!(
        text("service_and_care_model_design", 5),
        "A systematic programme of economy system level service redesign is well established and resourced by integration partners through the shared governance process"
    );
    assert!(
        text("culture", 5)
            .contains("The concept of \"Our Resident\" e.g. Mrs Smith is embedded in the culture.")
    );
    // 2014 toolkit names (maturity-facts §2) in the built-in framework...
    assert_eq!(
        aqua.domain("service_user_and_carer_engagement").unwrap().name(),
        "Service User and Carer Engagement"
    );
    assert_eq!(
        aqua.domain("service_and_care_model_design").unwrap().name(),
        "Service and Care Model Design"
    );
    assert_eq!(
        aqua.domain("leadership").unwrap().guiding_questions(),
        [
            "Do we have Leaders with the right 'system' skill set?",
            "Leaders who have a strong belief in integration?"
        ]
    );
}

/// ...and the chart's own names in the derived Chorley framework.
#[test]
fn chorley_framework_is_derived_with_the_chart_names() {
    let aqua = Framework::builtin("aqua-sif-2014").unwrap();
    let chorley = Framework::builtin("aqua-sif-chorley").unwrap();
    let names: Vec<&str> = chorley.domains().iter().map(|d| d.name()).collect();
    assert_eq!(
        names,
        [
            "Leadership",
            "Governance",
            "Culture",
            "Resident engagement",
            "Financial and contractual mechanisms",
            "Information & IT",
            "Workforce",
            "Service Model Design"
        ]
    );
    assert_eq!(chorley.derivation().unwrap().parent(), "aqua-sif-2014");
    assert_eq!(chorley.derivation().unwrap().adjustments().len(), 4);
    for (a, c) in aqua.domains().iter().zip(chorley.domains()) {
        assert_eq!(a.descriptors(), c.descriptors());
        assert_eq!(a.guiding_questions(), c.guiding_questions());
    }
}

/// SCIROCCO / B3 (§1.3): 12 dimensions on 0–5; unretrieved text is marked, not invented.
#[test]
fn scirocco_marks_what_was_not_published_or_retrieved() {
    let s = Framework::builtin("scirocco-b3").unwrap();
    assert_eq!(s.domains().len(), 12);
    assert_eq!((s.scale().min(), s.scale().max()), (0, 5));
    let status = |d: &str, l: u8| s.domain(d).unwrap().descriptor(l).unwrap().status();
    assert_eq!(status("readiness_to_change", 3), DescriptorStatus::Paraphrase);
    assert_eq!(status("readiness_to_change", 4), DescriptorStatus::Truncated);
    assert_eq!(status("readiness_to_change", 5), DescriptorStatus::Unavailable);
    assert_eq!(status("digital_infrastructure", 5), DescriptorStatus::Unavailable);
    assert_eq!(status("process_coordination", 4), DescriptorStatus::Unavailable);
    for d in ["innovation_management", "capacity_building"] {
        assert!((0..=5).all(|l| status(d, l) == DescriptorStatus::Unavailable));
        assert!(s.domain(d).unwrap().descriptors().iter().all(|x| x.text().is_none()));
    }
    for d in s.domains() {
        if d.id() != "innovation_management" && d.id() != "capacity_building" {
            assert!(d.source().and_then(|x| x.url()).is_some(), "{} has no source url", d.id());
        }
    }
    assert_eq!(
        s.domain("structure_and_governance").unwrap().source().unwrap().edition(),
        Some("SCIROCCO (validated)")
    );
}

#[test]
fn rwg_threshold_is_exact_at_the_boundary() {
    let s = stats(1, 5, &[0, 0, 2, 2, 1]);
    assert_eq!(AgreementPolicy::RwgAtLeast(dec!(0.65)).judge(Some(&s)), Ok(Agreement::Agreed));
    assert_eq!(
        AgreementPolicy::RwgAtLeast(dec!(0.6500000000000000000000000001)).judge(Some(&s)),
        Ok(Agreement::Split)
    );
    // r_wg runs from 0 to 1: a threshold outside would judge every domain
    // alike (never or always agreed), so it is refused.
    assert_eq!(AgreementPolicy::RwgAtLeast(Decimal::ONE).judge(Some(&s)), Ok(Agreement::Split));
    assert_eq!(AgreementPolicy::RwgAtLeast(Decimal::ZERO).judge(Some(&s)), Ok(Agreement::Agreed));
    for outside in [Decimal::TWO, dec!(-1), dec!(1.0000000000000000000000000001)] {
        assert!(matches!(
            AgreementPolicy::RwgAtLeast(outside).judge(Some(&s)),
            Err(ComparisonError::InvalidAgreementPolicy { .. })
        ));
    }
}
