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
    Agreement, AgreementPolicy, Classification, ComparisonError, DescriptorStatus, Framework,
    MaturityClass, RegionRule, Scale, ScoreStatistics, SumDomains, SumScore,
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

/// SCIROCCO Delphi application (doi:10.5334/ijic.7747), Tables 2 and 4: the
/// maturity level from the median and the distribution of 12 responses
/// (agreement: fewer than four ratings outside a 3-point region containing
/// the median). Each row's counts are chosen to give the published median,
/// "% in agreement" (share of ratings inside the region) and distribution;
/// the published maturity level must follow.
#[test]
fn scirocco_delphi_classification_reproduces_table_4() {
    let policy = AgreementPolicy::RandRegion { fewer_than: 4 };
    let scirocco = Classification::scirocco_delphi();
    let band = |label: &str| Some(MaturityClass::Band(label.to_owned()));
    // (row, counts at levels 0..=5, median, % in agreement, distribution, level)
    type Row<'a> = (&'a str, [u64; 6], Decimal, &'a str, Agreement, Option<MaturityClass>);
    let rows: [Row<'_>; 6] = [
        (
            "readiness, round 1",
            [1, 0, 2, 8, 1, 0],
            dec!(3),
            "91.7",
            Agreement::Agreed,
            band("Progressing"),
        ),
        (
            "structure, round 1",
            [1, 0, 5, 4, 0, 2],
            dec!(2.5),
            "75.0",
            Agreement::Agreed,
            band("Progressing"),
        ),
        (
            "digital, round 1",
            [3, 0, 3, 2, 0, 4],
            dec!(2.5),
            "41.7",
            Agreement::Split,
            Some(MaturityClass::Uncertain),
        ),
        (
            "process, round 1",
            [2, 0, 4, 4, 0, 2],
            dec!(2.5),
            "66.7",
            Agreement::Split,
            Some(MaturityClass::Uncertain),
        ),
        (
            "structure, round 2",
            [0, 2, 7, 2, 0, 1],
            dec!(2),
            "91.7",
            Agreement::Agreed,
            band("Initial"),
        ),
        (
            "digital, round 2",
            [1, 0, 3, 6, 1, 1],
            dec!(3),
            "83.3",
            Agreement::Agreed,
            band("Progressing"),
        ),
    ];
    for (row, counts, median, in_agreement, distribution, level) in rows {
        let s = stats(0, 5, &counts);
        assert_eq!(s.n(), 12, "{row}");
        assert_eq!(s.median(), median, "{row}");
        let verdict = policy.verdict(Some(&s)).unwrap();
        let (_, outside) = verdict.region().unwrap();
        let share = Decimal::from(12 - outside) * dec!(100) / dec!(12);
        assert_eq!(format!("{:.1}", share.round_dp(1)), in_agreement, "{row}");
        assert_eq!(verdict.agreement(), distribution, "{row}");
        assert_eq!(
            scirocco.classify(row, Some(median), verdict.agreement()).unwrap(),
            level,
            "{row}"
        );
    }
    // Table 2's bands at whole medians; "level reached" is another policy.
    let class = |m: Decimal| scirocco.classify("d", Some(m), Agreement::Agreed).unwrap();
    assert_eq!(class(dec!(0)), band("Initial"));
    assert_eq!(class(dec!(4)), band("Progressing"));
    assert_eq!(class(dec!(5)), band("Optimising"));
    // 4.5 is not in the paper; placed by the same rule as 2.5 (up a band).
    assert_eq!(class(dec!(4.5)), band("Optimising"));
    assert_eq!(
        Classification::LevelReached.classify("d", Some(dec!(2.5)), Agreement::Split).unwrap(),
        Some(MaturityClass::Level(2))
    );
}

/// BMJ Open 2012;2:e001431, Table 1 (RAND/UCLA, 15 panellists on 1–9, one
/// each at 4, 5 and 6, five at 7, five at 8, two at 9): median 7, P30 7,
/// P70 8, IPR 1, IPRCP 7.5, AI 2.5, IPRAS 6.1 (the table prints "2.5 +
/// AI×1.5" but its 6.1 is the manual's 2.35), so no disagreement; and
/// accepted by the median method, "four or less panellists outside the
/// three-point region containing the median" (the fixed third 7–9).
#[test]
fn ipras_reproduces_bmj_open_2012_table_1() {
    let s = stats(1, 9, &[0, 0, 0, 1, 1, 1, 5, 5, 2]);
    assert_eq!(s.n(), 15);
    assert_eq!(s.median(), dec!(7));
    let verdict = AgreementPolicy::Ipras.verdict(Some(&s)).unwrap();
    let ipras = verdict.ipras().unwrap();
    assert_eq!((ipras.p30(), ipras.p70(), ipras.ipr()), (dec!(7), dec!(8), dec!(1)));
    assert_eq!(
        (ipras.iprcp(), ipras.asymmetry_index(), ipras.ipras()),
        (dec!(7.5), dec!(2.5), dec!(6.1))
    );
    assert!(!ipras.disagreement());
    assert_eq!(verdict.agreement(), Agreement::Agreed);
    let median_method = AgreementPolicy::RandThirds { fewer_than: 5 };
    let verdict = median_method.verdict(Some(&s)).unwrap();
    assert_eq!(verdict.region(), Some((7..=9, 3)));
    assert_eq!(verdict.agreement(), Agreement::Agreed);
    // A panel split between the extremes: IPR 8 > IPRAS 2.35 + 1.5·0.
    let split = stats(1, 9, &[5, 0, 0, 0, 0, 0, 0, 0, 5]);
    let verdict = AgreementPolicy::Ipras.verdict(Some(&split)).unwrap();
    assert_eq!(verdict.ipras().unwrap().ipras(), dec!(2.35));
    assert_eq!(verdict.agreement(), Agreement::Split);
    // IPRAS's constants belong to the 1–9 scale.
    assert!(matches!(
        AgreementPolicy::Ipras.verdict(Some(&stats(0, 5, &[1, 1, 1, 1, 1, 1]))),
        Err(ComparisonError::PolicyNotForScale { min: 0, max: 5, .. })
    ));
}

/// RAND/UCLA's fixed thirds of 1–9 (1–3, 4–6, 7–9; Fitch et al. 2001) against
/// the sliding window, and the thirds of SCIROCCO's 0–5; a 1–5 scale has no
/// thirds.
#[test]
fn fixed_thirds_are_rand_ucla_segments_and_differ_from_the_window() {
    // Median 4 on 1–9: the third 4–6, the window 3–5.
    let s = stats(1, 9, &[0, 0, 2, 3, 0, 2, 0, 0, 0]);
    assert_eq!(s.median(), dec!(4));
    assert_eq!(s.region(RegionRule::FixedThirds), Some((4..=6, 2)));
    assert_eq!(s.region(RegionRule::SlidingWindow), Some((3..=5, 2)));
    // Median 3.5 on 0–5 lies on the boundary of 2–3 and 4–5: the third
    // with more ratings inside.
    let s = stats(0, 5, &[0, 1, 0, 2, 2, 1]); // 1, 3, 3, 4, 4, 5
    assert_eq!(s.median(), dec!(3.5));
    assert_eq!(s.region(RegionRule::FixedThirds), Some((4..=5, 3)));
    assert_eq!(stats(1, 5, &[1, 1, 1, 1, 1]).region(RegionRule::FixedThirds), None);
    assert!(matches!(
        AgreementPolicy::RandThirds { fewer_than: 4 }.judge(Some(&stats(1, 5, &[1, 1, 1, 1, 1]))),
        Err(ComparisonError::PolicyNotForScale { min: 1, max: 5, .. })
    ));
}

/// Any percentile, R type 7: quantile(c(1, 2, 4, 5), c(0, .1, .33, .9, 1),
/// type = 7) = 1, 1.3, 1.99, 4.7, 5, and quantile(c(4, 5, 6, 7, 7, 7, 7, 7,
/// 8, 8, 8, 8, 8, 9, 9), c(.3, .7), type = 7) = 7, 8.
#[test]
fn percentiles_match_r_type_7() {
    let s = stats(1, 5, &[1, 1, 0, 1, 1]);
    let p = |percent: Decimal| s.percentile(percent).unwrap();
    assert_eq!(
        [p(dec!(0)), p(dec!(10)), p(dec!(33)), p(dec!(50)), p(dec!(90)), p(dec!(100))],
        [dec!(1), dec!(1.3), dec!(1.99), dec!(3), dec!(4.7), dec!(5)]
    );
    assert_eq!((p(dec!(25)), p(dec!(75))), (s.q1(), s.q3()));
    let panel = stats(1, 9, &[0, 0, 0, 1, 1, 1, 5, 5, 2]);
    assert_eq!(panel.percentile(dec!(30)).unwrap(), dec!(7));
    assert_eq!(panel.percentile(dec!(70)).unwrap(), dec!(8));
    assert!(s.percentile(dec!(-1)).is_err());
    assert!(s.percentile(dec!(100.5)).is_err());
}

/// NewEcoSmart (De Luca et al., Green Health 2025): 8 SCIROCCO Exchange
/// dimensions, each 0–5, give a sum score from 0 to 40; all 12 give 0–60.
#[test]
fn newecosmart_sum_score_over_eight_scirocco_dimensions_is_0_to_40() {
    let scirocco = Framework::builtin("scirocco-b3").unwrap();
    let eight: Vec<&str> = scirocco.domains().iter().take(8).map(|d| d.id()).collect();
    let scores: Vec<(&str, u8)> =
        eight.iter().zip([5, 4, 3, 2, 1, 0, 5, 5]).map(|(d, l)| (*d, l)).collect();
    let sum = SumScore::of_levels(&scirocco, SumDomains::Only(&eight), &scores).unwrap();
    assert_eq!((sum.min(), sum.max(), sum.total()), (0, 40, dec!(25)));
    let all: Vec<(&str, u8)> = scirocco.domains().iter().map(|d| (d.id(), 5)).collect();
    let sum = SumScore::of_levels(&scirocco, SumDomains::All, &all).unwrap();
    assert_eq!((sum.min(), sum.max(), sum.total()), (0, 60, dec!(60)));
    // Out of range: a 6 on 0–5 is an error, not a 6.
    let mut bad = scores.clone();
    bad[0].1 = 6;
    assert_eq!(
        SumScore::of_levels(&scirocco, SumDomains::Only(&eight), &bad),
        Err(ComparisonError::SumScoreOffScale {
            domain: eight[0].to_owned(),
            level: 6,
            min: 0,
            max: 5
        })
    );
    let mut outside = scores.clone();
    outside.push(("capacity_building", 3));
    assert!(matches!(
        SumScore::of_levels(&scirocco, SumDomains::Only(&eight), &outside),
        Err(ComparisonError::NotInSum { .. })
    ));
    assert!(matches!(
        SumScore::of_levels(&scirocco, SumDomains::Only(&["no_such_dimension"]), &[]),
        Err(ComparisonError::UnknownDomain { .. })
    ));
}

/// r_wg's uniform null (James, Demaree & Wolf 1984): σ²_EU = (A² − 1)/12,
/// 2.0 for A = 5 (the worked example's 1 − 0.7/2 = 0.65).
#[test]
fn rwg_uniform_null_variance_is_exposed() {
    let s = stats(1, 5, &[0, 0, 2, 2, 1]);
    assert_eq!(s.uniform_null_variance_fraction(), (24, 12));
    assert_eq!(s.uniform_null_variance(), 2.0);
    assert!(
        (s.rwg().unwrap() - (1.0 - s.sample_variance().unwrap() / s.uniform_null_variance())).abs()
            < 1e-15
    );
    assert_eq!(stats(0, 5, &[1, 0, 0, 0, 0, 0]).uniform_null_variance_fraction(), (35, 12));
    assert_eq!(s.counts_by_level(), [(1, 0), (2, 0), (3, 2), (4, 2), (5, 1)]);
}

/// The SCIROCCO Delphi rounds 1 and 2 (doi:10.5334/ijic.7747, Table 4) as a
/// re-assessment: digital infrastructure moves from Uncertain (median 2.5,
/// split) to Progressing (3, agreement), structure & governance from
/// Progressing (2.5) to Initialising (2), readiness stays Progressing.
#[test]
fn scirocco_delphi_class_changes_between_rounds_follow_table_4() {
    use integration_outcomes::Date;
    use integration_outcomes::maturity::{
        Assessment, Progress, ReassessmentOptions, Respondent, Response, Score,
    };
    let scirocco = Framework::builtin("scirocco-b3").unwrap();
    // Counts at levels 0..=5 per dimension, as in the classification test.
    let round = |label: &str, date: Date, rows: &[(&str, [u64; 6])]| {
        let responses: Vec<Response> = (0..12)
            .map(|k| {
                let mut builder = Response::builder(
                    &scirocco,
                    Respondent::new(format!("Panellist {k}"), "Region").unwrap(),
                );
                for (domain, counts) in rows {
                    // The k-th rating in ascending order.
                    let mut seen = 0;
                    let level = (0u8..=5)
                        .find(|&l| {
                            seen += counts[usize::from(l)];
                            seen > k
                        })
                        .unwrap();
                    builder = builder.score(domain, Score::Level(level)).unwrap();
                }
                builder.build()
            })
            .collect();
        Assessment::new(&scirocco, "Delphi panel", date, label, responses).unwrap().profile()
    };
    let first = round(
        "round 1",
        Date::new(2021, 1, 1).unwrap(),
        &[
            ("readiness_to_change", [1, 0, 2, 8, 1, 0]),
            ("structure_and_governance", [1, 0, 5, 4, 0, 2]),
            ("digital_infrastructure", [3, 0, 3, 2, 0, 4]),
        ],
    );
    let second = round(
        "round 2",
        Date::new(2021, 3, 1).unwrap(),
        &[
            ("readiness_to_change", [1, 0, 2, 8, 1, 0]),
            ("structure_and_governance", [0, 2, 7, 2, 0, 1]),
            ("digital_infrastructure", [1, 0, 3, 6, 1, 1]),
        ],
    );
    let options = ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 4 });
    let progress = Progress::between(&first, &second, options).unwrap();
    let changes = progress.class_changes(&Classification::scirocco_delphi()).unwrap();
    let words: Vec<(&str, String)> = changes
        .iter()
        .filter(|(_, c)| c.before().is_some() || c.after().is_some())
        .map(|(d, c)| (d.domain(), c.to_string()))
        .collect();
    assert_eq!(
        words,
        [
            ("readiness_to_change", "Progressing -> Progressing".to_owned()),
            ("structure_and_governance", "Progressing -> Initial".to_owned()),
            ("digital_infrastructure", "Uncertain -> Progressing".to_owned()),
        ]
    );
    assert!(!changes[0].1.changed() && changes[1].1.changed() && changes[2].1.changed());
}
