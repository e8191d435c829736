//! Re-assessment, benchmarking, targets, organisation breakdowns, priorities,
//! reports and radar charts: behaviour and error cases, and that the SVG is
//! deterministic and well-formed.

// Helpers outside #[test] functions unwrap too: a panic is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use integration_outcomes::Date;
use integration_outcomes::maturity::{
    Agreement, AgreementPolicy, Assessment, Benchmark, ComparisonError, Framework, PriorityPolicy,
    Profile, Progress, RadarChart, ReassessmentOptions, Respondent, Response, Score, Target, Trend,
};

/// A respondent's name, organisation and (domain, level) scores.
type Row<'a> = (&'a str, &'a str, &'a [(&'a str, u8)]);

fn aqua() -> Framework {
    Framework::builtin("aqua-sif-2014").unwrap()
}

/// One response per (name, organisation, level for each listed domain).
fn profile(f: &Framework, partnership: &str, label: &str, date: Date, rows: &[Row<'_>]) -> Profile {
    let responses = rows.iter().map(|(name, org, scores)| {
        let mut b = Response::builder(f, Respondent::new(*name, *org).unwrap());
        for (domain, level) in *scores {
            b = b.score(domain, Score::Level(*level)).unwrap();
        }
        b.build()
    });
    Assessment::new(f, partnership, date, label, responses).unwrap().profile()
}

fn d(y: i16, m: i8, day: i8) -> Date {
    Date::new(y, m, day).unwrap()
}

const RAND4: AgreementPolicy = AgreementPolicy::RandRegion { fewer_than: 4 };

#[test]
fn progress_directions_and_due_dates() {
    let f = aqua();
    let before = profile(
        &f,
        "P",
        "r1",
        d(2026, 1, 15),
        &[
            ("A", "NHS", &[("leadership", 2), ("culture", 3), ("governance", 2)]),
            ("B", "Council", &[("leadership", 2), ("culture", 3)]),
        ],
    );
    let after = profile(
        &f,
        "P",
        "r2",
        d(2026, 7, 15),
        &[
            ("A", "NHS", &[("leadership", 3), ("culture", 2), ("workforce", 2)]),
            ("B", "Council", &[("leadership", 4), ("culture", 3)]),
        ],
    );
    let progress = Progress::between(&before, &after, ReassessmentOptions::new(RAND4)).unwrap();
    assert_eq!(progress.change("leadership").unwrap().trend(), Trend::Improved);
    assert_eq!(progress.change("leadership").unwrap().median_change().unwrap().to_string(), "1.5");
    assert_eq!(progress.change("culture").unwrap().trend(), Trend::Regressed);
    assert_eq!(progress.change("governance").unwrap().trend(), Trend::NotComparable);
    assert_eq!(progress.change("workforce").unwrap().trend(), Trend::NotComparable);
    assert_eq!(progress.change("workforce").unwrap().agreement_before(), Agreement::NotAssessable);
    assert!((progress.change("culture").unwrap().mean_change().unwrap() + 0.5).abs() < 1e-12);
    assert_eq!(progress.next_round_due(), d(2027, 1, 15));
    let yearly = ReassessmentOptions::new(RAND4).next_round_after_months(12);
    assert_eq!(
        Progress::between(&before, &after, yearly).unwrap().next_round_due(),
        d(2027, 7, 15)
    );
    assert_eq!(progress.domains(Trend::Improved).len(), 1);
    // A round compared with itself is unchanged everywhere it was scored.
    let same = Progress::between(&after, &after, ReassessmentOptions::new(RAND4)).unwrap();
    assert!(
        same.changes().iter().all(|c| matches!(c.trend(), Trend::Unchanged | Trend::NotComparable))
    );
}

#[test]
fn progress_errors() {
    let f = aqua();
    let s = Framework::builtin("scirocco-b3").unwrap();
    let a = profile(&f, "P", "r1", d(2026, 1, 15), &[("A", "NHS", &[("culture", 2)])]);
    let b = profile(&s, "P", "r2", d(2026, 7, 15), &[("A", "NHS", &[("population_approach", 2)])]);
    assert!(matches!(
        Progress::between(&a, &b, ReassessmentOptions::new(RAND4)),
        Err(ComparisonError::DifferentFramework { .. })
    ));
    let earlier = profile(&f, "P", "r0", d(2025, 7, 15), &[("A", "NHS", &[("culture", 2)])]);
    assert!(matches!(
        Progress::between(&a, &earlier, ReassessmentOptions::new(RAND4)),
        Err(ComparisonError::RoundsOutOfOrder { .. })
    ));
    let late = profile(&f, "P", "r9", d(9999, 8, 1), &[("A", "NHS", &[("culture", 2)])]);
    assert!(matches!(
        Progress::between(&a, &late, ReassessmentOptions::new(RAND4)),
        Err(ComparisonError::DueDateOutOfRange { months: 6, .. })
    ));
}

#[test]
fn progress_compares_one_partnership_and_one_scope() {
    let f = aqua();
    let options = ReassessmentOptions::new(RAND4);
    let round = |partnership: &str, label: &str, date: Date| {
        let responses = [("A", "NHS", 2), ("B", "Council", 4)].map(|(name, org, level)| {
            Response::builder(&f, Respondent::new(name, org).unwrap())
                .score("culture", Score::Level(level))
                .unwrap()
                .build()
        });
        Assessment::new(&f, partnership, date, label, responses).unwrap()
    };
    let (north_1, north_2) =
        (round("North", "r1", d(2026, 1, 15)), round("North", "r2", d(2026, 7, 15)));
    let south_2 = round("South", "r2", d(2026, 7, 15));
    assert_eq!(
        Progress::between(&north_1.profile(), &south_2.profile(), options).unwrap_err(),
        ComparisonError::DifferentPartnership { expected: "North".into(), found: "South".into() }
    );
    let nhs_1 = north_1.organisation_profile("NHS").unwrap();
    let nhs_2 = north_2.organisation_profile("NHS").unwrap();
    let council_2 = north_2.organisation_profile("Council").unwrap();
    assert_eq!(
        Progress::between(&nhs_1, &north_2.profile(), options).unwrap_err(),
        ComparisonError::DifferentOrganisation { expected: Some("NHS".into()), found: None }
    );
    assert_eq!(
        Progress::between(&north_1.profile(), &nhs_2, options).unwrap_err(),
        ComparisonError::DifferentOrganisation { expected: None, found: Some("NHS".into()) }
    );
    let err = Progress::between(&nhs_1, &council_2, options).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot compare the profile of organisation \"NHS\" with the profile of organisation \"Council\""
    );
    // The same organisation across rounds, and the whole partnership across rounds, compare.
    assert_eq!(
        Progress::between(&nhs_1, &nhs_2, options).unwrap().change("culture").unwrap().trend(),
        Trend::Unchanged
    );
    assert!(Progress::between(&north_1.profile(), &north_2.profile(), options).is_ok());
}

#[test]
fn benchmark_names_organisation_profiles_by_their_organisation() {
    let f = aqua();
    let round = |label: &str, date: Date| {
        let responses =
            [("A", "NHS", 2), ("B", "Council", 4), ("C", "NHS", 3)].map(|(name, org, level)| {
                Response::builder(&f, Respondent::new(name, org).unwrap())
                    .score("culture", Score::Level(level))
                    .unwrap()
                    .build()
            });
        Assessment::new(&f, "P", date, label, responses).unwrap()
    };
    let (r1, r2) = (round("r1", d(2026, 1, 15)), round("r2", d(2026, 7, 15)));
    let by_org = r1.organisation_profiles();
    let b = Benchmark::new(&[&by_org[0], &by_org[1]]).unwrap();
    assert_eq!(b.partnerships(), ["P: NHS", "P: Council"]);
    assert_eq!(b.row("culture").unwrap().lowest(), ["P: NHS"]);
    // With the whole partnership and another round's NHS profile.
    let whole = r1.profile();
    let nhs_2 = r2.organisation_profile("NHS").unwrap();
    let b = Benchmark::new(&[&whole, &by_org[0], &by_org[1], &nhs_2]).unwrap();
    assert_eq!(b.partnerships(), ["P", "P: NHS (r1)", "P: Council", "P: NHS (r2)"]);
    // One organisation's profile given twice: no name tells them apart.
    assert_eq!(
        Benchmark::new(&[&by_org[0], &by_org[0]]).unwrap_err(),
        ComparisonError::DuplicateName { name: "P: NHS (r1)".into() }
    );
}

#[test]
fn benchmark_and_readiness() {
    let s = Framework::builtin("scirocco-b3").unwrap();
    let scotland = profile(
        &s,
        "Scotland",
        "2026",
        d(2026, 3, 1),
        &[("L", "NHS Scotland", &[("population_approach", 4), ("evaluation_methods", 3)])],
    );
    let basque = profile(
        &s,
        "Basque Country",
        "2026",
        d(2026, 3, 1),
        &[("L", "Osakidetza", &[("population_approach", 4), ("evaluation_methods", 2)])],
    );
    let b = Benchmark::new(&[&scotland, &basque]).unwrap();
    assert_eq!(b.partnerships(), ["Scotland", "Basque Country"]);
    assert_eq!(b.row("population_approach").unwrap().highest(), ["Scotland", "Basque Country"]);
    assert_eq!(b.row("evaluation_methods").unwrap().lowest(), ["Basque Country"]);
    assert!(b.row("capacity_building").unwrap().highest().is_empty());
    assert_eq!(Benchmark::new(&[]).unwrap_err(), ComparisonError::NothingToCompare);
    // The same partnership twice is told apart by its round label.
    let again = profile(&s, "Scotland", "2027", d(2027, 3, 1), &[("L", "NHS", &[])]);
    assert_eq!(
        Benchmark::new(&[&scotland, &again]).unwrap().partnerships(),
        ["Scotland (2026)", "Scotland (2027)"]
    );
    // Two rounds with one label cannot be told apart.
    let relabelled = profile(&s, "Scotland", "2026", d(2027, 3, 1), &[("L", "NHS", &[])]);
    assert_eq!(
        Benchmark::new(&[&scotland, &again, &relabelled]).unwrap_err(),
        ComparisonError::DuplicateName { name: "Scotland (2026)".into() }
    );

    let practice = Target::new(
        &s,
        "Good practice",
        [("evaluation_methods", 3), ("population_approach", 3), ("capacity_building", 1)],
    )
    .unwrap();
    // Framework order, whatever the order given.
    assert_eq!(practice.requirements()[0].0, "population_approach");
    let ready = scotland.readiness(&practice).unwrap();
    let blocking: Vec<&str> = ready.blocking().iter().map(|g| g.domain()).collect();
    assert_eq!(blocking, ["capacity_building"]); // not scored: readiness not shown
    let basque_ready = basque.readiness(&practice).unwrap();
    assert!(!basque_ready.is_ready());
    let gap = basque_ready.gaps().iter().find(|g| g.domain() == "evaluation_methods").unwrap();
    assert_eq!(gap.gap().unwrap().to_string(), "1");
    let met = basque_ready.gaps().iter().find(|g| g.domain() == "population_approach").unwrap();
    assert_eq!(met.gap().unwrap().to_string(), "-1");
    assert!(!met.blocks());

    let f = aqua();
    assert!(matches!(
        Target::new(&f, "x", [("nope", 1)]),
        Err(ComparisonError::UnknownDomain { .. })
    ));
    assert!(matches!(
        Target::new(&f, "x", [("culture", 1), ("culture", 2)]),
        Err(ComparisonError::DuplicateRequirement { .. })
    ));
    assert!(matches!(
        Target::new(&f, " ", [("culture", 1)]),
        Err(ComparisonError::EmptyText { .. })
    ));
    let aqua_target = Target::new(&f, "x", [("culture", 1)]).unwrap();
    assert!(matches!(
        scotland.readiness(&aqua_target),
        Err(ComparisonError::DifferentFramework { .. })
    ));
}

#[test]
fn agreement_policies_out_of_range_are_refused_wherever_used() {
    let f = aqua();
    let p = profile(&f, "P", "r1", d(2026, 1, 15), &[("A", "NHS", &[("culture", 2)])]);
    let q = profile(&f, "P", "r2", d(2026, 7, 15), &[("A", "NHS", &[("culture", 3)])]);
    let nan = AgreementPolicy::ConsensusAtLeast(f64::NAN);
    let refused = |e: ComparisonError| matches!(e, ComparisonError::InvalidAgreementPolicy { .. });
    assert!(refused(p.agreement(&nan).unwrap_err()));
    assert!(refused(p.splits(&nan).unwrap_err()));
    assert!(refused(p.review(&nan, PriorityPolicy::BelowLevel(2)).unwrap_err()));
    assert!(refused(p.report(&nan, PriorityPolicy::BelowLevel(2)).unwrap_err()));
    assert!(refused(Progress::between(&p, &q, ReassessmentOptions::new(nan)).unwrap_err()));
    let percent = AgreementPolicy::ConsensusAtLeast(70.0);
    assert_eq!(
        p.splits(&percent).unwrap_err().to_string(),
        "agreement policy \"Tastle-Wierman consensus at least 70\" cannot be used: \
         the consensus threshold must be a number from 0 to 1"
    );
    assert!(p.splits(&AgreementPolicy::ConsensusAtLeast(0.7)).unwrap().is_empty());
}

#[test]
fn priorities_and_review() {
    let f = aqua();
    let p = profile(
        &f,
        "P",
        "r",
        d(2026, 1, 15),
        &[(
            "A",
            "NHS",
            &[
                ("leadership", 2),
                ("governance", 2),
                ("culture", 3),
                ("workforce", 1),
                ("information_and_it", 4),
            ],
        )],
    );
    let ids = |policy| p.priorities(policy).iter().map(|x| x.id().to_owned()).collect::<Vec<_>>();
    assert_eq!(ids(PriorityPolicy::LowestK(2)), ["workforce", "leadership", "governance"]);
    assert_eq!(ids(PriorityPolicy::LowestK(0)), Vec::<String>::new());
    assert_eq!(ids(PriorityPolicy::LowestK(99)).len(), 5);
    assert_eq!(ids(PriorityPolicy::BelowLevel(2)), ["workforce"]);
    assert_eq!(ids(PriorityPolicy::BelowPartnershipMedian), ["workforce"]);
    let review = p.review(&RAND4, PriorityPolicy::BelowLevel(2)).unwrap();
    assert_eq!(review.len(), 8);
    let culture = review.iter().find(|r| r.domain() == "culture").unwrap();
    assert_eq!(
        (culture.level_reached(), culture.is_low(), culture.is_split()),
        (Some(3), false, false)
    );
    let unscored = review.iter().find(|r| r.domain() == "service_and_care_model_design").unwrap();
    assert_eq!(unscored.agreement(), Agreement::NotAssessable);
}

#[test]
fn organisations_diverge() {
    let f = aqua();
    let responses = [("Ann", "NHS", 1), ("Bob", "NHS", 2), ("Cy", "Council", 4), ("Di", "CVS", 3)]
        .map(|(n, o, l)| {
            Response::builder(&f, Respondent::new(n, o).unwrap())
                .score("culture", Score::Level(l))
                .unwrap()
                .build()
        });
    let round = Assessment::new(&f, "P", d(2026, 1, 15), "r", responses).unwrap();
    let culture = round.divergence().into_iter().find(|x| x.domain() == "culture").unwrap();
    assert_eq!(culture.medians().len(), 3);
    assert_eq!(culture.lowest().unwrap().0, "NHS");
    assert_eq!(culture.lowest().unwrap().1.to_string(), "1.5");
    assert_eq!(culture.highest().unwrap().0, "Council");
    assert_eq!(culture.range().unwrap().to_string(), "2.5");
    let leadership = round.divergence().into_iter().find(|x| x.domain() == "leadership").unwrap();
    assert_eq!(leadership.range(), None);
    let nhs = round.organisation_profile("NHS").unwrap();
    assert_eq!(nhs.respondents(), 2);
    assert_eq!(nhs.domain("culture").unwrap().scored(), 2);
}

/// A minimal XML well-formedness check: tags nest and close, attributes are
/// quoted, and no raw `&` or `<` appears in text.
fn assert_well_formed(svg: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        assert!(!text.contains('>'), "stray > in {text:?}");
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].iter().any(|e| entity.starts_with(e)),
                "raw & in {text:?}"
            );
        }
        let close = rest[open..].find('>').unwrap() + open;
        let tag = &rest[open + 1..close];
        assert!(tag.matches('"').count().is_multiple_of(2), "unbalanced quotes in <{tag}>");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            stack.push(tag.split_whitespace().next().unwrap().to_owned());
        }
        rest = &rest[close + 1..];
    }
    assert!(rest.trim().is_empty());
    assert!(stack.is_empty(), "unclosed {stack:?}");
}

#[test]
fn radar_is_deterministic_and_well_formed() {
    let f = Framework::builtin("aqua-sif-chorley").unwrap();
    let a = profile(
        &f,
        "P",
        "r1",
        d(2026, 1, 15),
        &[("A", "NHS", &[("leadership", 2), ("culture", 5)])],
    );
    let b = profile(
        &f,
        "P",
        "r2",
        d(2026, 7, 15),
        &[("A", "NHS", &[("leadership", 3), ("culture", 4)])],
    );
    let target = Target::new(&f, "Target <2027> & beyond", [("leadership", 4)]).unwrap();
    let chart = || {
        RadarChart::new("Round 1 & 2 \"compared\"", &b)
            .unwrap()
            .with_profile("Round 1", &a)
            .unwrap()
            .with_profile("Round 2", &b)
            .unwrap()
            .with_target(&target)
            .unwrap()
            .to_svg()
    };
    let svg = chart();
    assert_eq!(svg, chart());
    assert_well_formed(&svg);
    assert!(svg.contains("Round 1 &amp; 2 &quot;compared&quot;"));
    assert!(svg.contains("Target &lt;2027&gt; &amp; beyond"));
    assert!(svg.contains("Information &amp; IT"));
    // 5 rings (the lowest level too) + the third series' diamond markers
    // (one value, one legend key); circles for the first series (two values,
    // one legend key). Leadership and culture are not neighbouring axes, so
    // no series has a line: gaps, not zeros. The dashed series show their
    // dash in the legend.
    assert_eq!(svg.matches("<polygon").count(), 7);
    assert_eq!(svg.matches("<circle").count(), 3);
    assert_eq!(svg.matches("class=\"median\"").count(), 0);
    assert_eq!(svg.matches("stroke-dasharray").count(), 2);
    assert!(!svg.contains("-0.00") && !svg.contains("NaN"));

    let s = Framework::builtin("scirocco-b3").unwrap();
    let other = profile(&s, "P", "r", d(2026, 1, 1), &[("A", "NHS", &[])]);
    assert!(matches!(
        RadarChart::new("x", &a).unwrap().with_profile("other", &other),
        Err(ComparisonError::DifferentFramework { .. })
    ));
    assert!(matches!(RadarChart::new(" ", &a), Err(ComparisonError::EmptyText { .. })));
}

#[test]
fn reports_show_splits_and_priorities() {
    let f = aqua();
    let p = profile(
        &f,
        "Chorley PSR",
        "baseline",
        d(2026, 1, 15),
        &[
            ("A", "NHS", &[("governance", 1), ("culture", 2)]),
            ("B", "Council", &[("governance", 5), ("culture", 2)]),
            ("C", "CVS", &[("governance", 1), ("culture", 3)]),
            ("D", "NHS", &[("governance", 5), ("culture", 2)]),
        ],
    );
    let text = p
        .report(&AgreementPolicy::RandRegion { fewer_than: 2 }, PriorityPolicy::BelowLevel(4))
        .unwrap()
        .to_string();
    assert!(text.contains("Split (no agreement, which needs fewer than 2 ratings outside the 3-level region containing the median): Governance (median 3)"), "{text}");
    assert!(
        text.contains("Governance (median 3) (split: discuss); Culture (median 2)")
            || text.contains("Culture (median 2); Governance (median 3) (split: discuss)"),
        "{text}"
    );
    assert!(text.contains("Agreement not assessable: Leadership"));
    let table = p.to_string();
    // Heading and column names, 8 domains, the 3-line key, the overall line.
    assert!(table.lines().count() == 2 + 8 + 3 + 1, "{table}");
    assert_eq!(table.matches("n/s = not scored").count(), 1, "{table}");
}

#[test]
fn targets_read_from_json_are_validated() {
    let s = Framework::builtin("scirocco-b3").unwrap();
    let json = |framework: &str, requirements: &str| {
        format!(
            r#"{{"framework":"{framework}","name":"Practice","requirements":{{{requirements}}}}}"#
        )
    };
    let ok = Target::from_json(&s, &json("scirocco-b3", r#""citizen_empowerment":4"#)).unwrap();
    assert_eq!(ok.requirement("citizen_empowerment"), Some(4));
    assert!(matches!(
        Target::from_json(&s, &json("aqua-sif-2014", r#""culture":4"#)),
        Err(ComparisonError::DifferentFramework { .. })
    ));
    assert!(matches!(
        Target::from_json(&s, &json("scirocco-b3", r#""citizen_empowerment":300"#)),
        Err(ComparisonError::Json { .. })
    ));
    assert!(matches!(
        Target::from_json(&s, &json("scirocco-b3", r#""citizen_empowerment":4,"citizen_empowerment":2"#)),
        Err(ComparisonError::DuplicateRequirement { domain }) if domain == "citizen_empowerment"
    ));
    assert!(matches!(
        Target::from_json(&s, &json("scirocco-b3", r#""citizen_empowerment":6"#)),
        Err(ComparisonError::RequirementOffScale { level: 6, .. })
    ));
}

/// A domain's id and name share one namespace with every other domain's,
/// ignoring case and runs of spaces, so no column heading can name two
/// domains (renaming culture `workforce` used to be accepted, and a sheet
/// headed `workforce,Workforce` then gave each domain the other's score).
#[test]
fn domain_names_and_ids_are_unique_ignoring_case_and_spaces() {
    use integration_outcomes::maturity::FrameworkError;
    let aqua = Framework::builtin("aqua-sif-2014").unwrap();
    let renamed =
        aqua.derive("x", "X").unwrap().rename_domain("culture", "workforce").unwrap().finish();
    match renamed {
        Err(FrameworkError::AmbiguousDomainName { first, second, .. }) => {
            assert_eq!((first.as_str(), second.as_str()), ("culture", "workforce"));
        }
        other => panic!("expected AmbiguousDomainName, got {other:?}"),
    }
    let spaced =
        aqua.derive("x", "X").unwrap().rename_domain("culture", "  GOVERNANCE ").unwrap().finish();
    assert!(matches!(spaced, Err(FrameworkError::AmbiguousDomainName { .. })), "{spaced:?}");
    // Headings match ids and names ignoring case and runs of spaces; two
    // headings for one domain are refused.
    #[cfg(feature = "csv")]
    {
        let date = Date::constant(2026, 1, 15);
        let sheet = "name,organisation,Service  user and carer   ENGAGEMENT\nAnn,NHS,3\n";
        let round = Assessment::from_csv(&aqua, "p", date, "r", sheet.as_bytes()).unwrap();
        let profile = round.profile();
        assert!(
            profile.domain("service_user_and_carer_engagement").and_then(|d| d.median()).is_some()
        );
        let twice = "name,organisation,workforce,Workforce\nAnn,NHS,1,5\n";
        assert!(Assessment::from_csv(&aqua, "p", date, "r", twice.as_bytes()).is_err());
    }
}

/// Duplicate respondents are found ignoring case and runs of spaces
/// ("Ann/NHS" and "ANN/nhs", "Ann  Lee" and "Ann Lee" are one person).
#[test]
fn duplicate_respondents_are_found_ignoring_case_and_spaces() {
    let aqua = Framework::builtin("aqua-sif-2014").unwrap();
    let response = |name: &str, org: &str| {
        Response::builder(&aqua, Respondent::new(name, org).unwrap())
            .score("culture", Score::Level(2))
            .unwrap()
            .build()
    };
    for (a, b) in [(("Ann", "NHS"), ("ANN", "nhs")), (("Ann  Lee", "NHS"), ("Ann Lee", "NHS"))] {
        let round = Assessment::new(
            &aqua,
            "P",
            Date::constant(2026, 1, 15),
            "r",
            [response(a.0, a.1), response(b.0, b.1)],
        );
        assert!(round.is_err(), "{a:?} and {b:?}");
    }
}

/// A round's date read from JSON is a date alone: a time is refused.
#[test]
fn a_round_dated_with_a_time_is_refused() {
    let aqua = Framework::builtin("aqua-sif-2014").unwrap();
    let json = r#"{"framework":"aqua-sif-2014","partnership":"P","date":"2026-01-15T09:00","label":"r","responses":[]}"#;
    let err = Assessment::from_json(&aqua, json).unwrap_err();
    assert!(err.to_string().contains("not a date alone"), "{err}");
}
