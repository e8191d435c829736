//! Plain-text reports of profiles and progress.

use std::fmt;

use rust_decimal::Decimal;

use super::{
    Agreement, AgreementPolicy, ComparisonError, PriorityPolicy, Profile, Progress, Trend,
};

/// What the columns of a profile table mean, written once under it.
const COLUMNS: &str = "Columns: n = ratings given; n/s = not scored; n/a = not applicable; \
median, IQR (q3 - q1) and range of the ratings (quartiles by R's type 7);
Cns = Tastle-Wierman consensus (1 = all at one level, 0 = split between the ends of the scale); \
Leik = Leik's ordinal dispersion D (0 = all at one level, 1 = split between the ends);
r_wg = agreement against uniform random responding (1 = full agreement, 0 = none; \
- with fewer than two ratings); - = no ratings.";

fn decimal(value: Option<Decimal>) -> String {
    value.map_or_else(|| "-".to_owned(), |d| d.normalize().to_string())
}

fn real(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"))
}

fn name_width<'a>(names: impl Iterator<Item = &'a str>) -> usize {
    names.map(|n| n.chars().count()).max().unwrap_or(0).max("Domain".len())
}

impl fmt::Display for Profile {
    /// A table of every domain: responses scored, not scored and not
    /// applicable, median, IQR, mean, min–max, Tastle–Wierman consensus,
    /// Leik's D, r_wg and the level reached, a key to the columns, then the
    /// overall position. Real-valued measures are shown to two decimal places.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("leadership", Score::Level(3))?.build();
    /// let profile = Assessment::new(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    /// let text = profile.to_string();
    /// assert!(text.starts_with("Chorley PSR: baseline, 2026-01-15 (aqua-sif-2014), 1 respondent"));
    /// assert!(text.contains("3 Implementation"));
    /// assert!(text.contains("n/s = not scored; n/a = not applicable"));
    /// assert!(text.contains("r_wg = agreement against uniform random responding"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let who = match self.organisation() {
            Some(o) => format!(" - {o}"),
            None => String::new(),
        };
        let plural = if self.respondents() == 1 { "" } else { "s" };
        writeln!(
            f,
            "{}{who}: {}, {} ({}), {} respondent{plural}",
            self.partnership(),
            self.label(),
            self.date(),
            self.framework(),
            self.respondents()
        )?;
        let w = name_width(self.domains().iter().map(|d| d.name()));
        writeln!(
            f,
            "{:<w$}  {:>4} {:>4} {:>4}  {:>6} {:>5} {:>5} {:>5}  {:>5} {:>5} {:>5}  level reached",
            "Domain", "n", "n/s", "n/a", "median", "IQR", "mean", "range", "Cns", "Leik", "r_wg"
        )?;
        for d in self.domains() {
            let s = d.statistics();
            let range = s.map_or_else(|| "-".to_owned(), |s| format!("{}-{}", s.min(), s.max()));
            let level = d
                .level_reached()
                .and_then(|l| self.scale().level(l))
                .map_or_else(|| "-".to_owned(), ToString::to_string);
            writeln!(
                f,
                "{:<w$}  {:>4} {:>4} {:>4}  {:>6} {:>5} {:>5} {:>5}  {:>5} {:>5} {:>5}  {}",
                d.name(),
                d.scored(),
                d.not_scored(),
                d.not_applicable(),
                decimal(d.median()),
                decimal(s.map(|s| s.iqr())),
                real(s.map(|s| s.mean())),
                range,
                real(s.map(|s| s.consensus())),
                real(s.map(|s| s.leik_dispersion())),
                real(s.and_then(|s| s.rwg())),
                level
            )?;
        }
        writeln!(f, "{COLUMNS}")?;
        match self.overall() {
            Some(o) => {
                let lowest: Vec<&str> = o
                    .lowest_domains()
                    .iter()
                    .filter_map(|id| self.domain(id).map(|d| d.name()))
                    .collect();
                write!(
                    f,
                    "Overall: median of domain medians {}; lowest domain median {} ({})",
                    decimal(Some(o.median_of_medians())),
                    decimal(Some(o.lowest())),
                    lowest.join(", ")
                )
            }
            None => write!(f, "Overall: no domain was scored"),
        }
    }
}

/// A profile with its review under the caller's policies: the table of
/// [`Profile`]'s `Display`, then the split domains and the development
/// priorities. Made by [`Profile::report`].
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{AgreementPolicy, Assessment, Framework, PriorityPolicy, ProfileReport, Respondent, Response, Score};
/// use integration_outcomes::Date;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let mut responses = Vec::new();
/// for (name, org, lead, gov) in [("Ann", "NHS", 4, 1), ("Bob", "Council", 4, 5), ("Cat", "CVS", 3, 1), ("Dan", "NHS", 4, 5)] {
///     responses.push(Response::builder(&aqua, Respondent::new(name, org)?)
///         .score("leadership", Score::Level(lead))?
///         .score("governance", Score::Level(gov))?
///         .build());
/// }
/// let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", responses)?.profile();
/// let agreement = AgreementPolicy::RandRegion { fewer_than: 2 };
/// let report: ProfileReport<'_> = profile.report(&agreement, PriorityPolicy::BelowLevel(4))?;
/// let text = report.to_string();
/// assert!(text.starts_with(&profile.to_string())); // the profile table first
/// assert!(text.ends_with("Priorities (median below level 4): Governance (median 3) (split: discuss)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ProfileReport<'a> {
    profile: &'a Profile,
    agreement: &'a AgreementPolicy,
    priority: PriorityPolicy,
}

impl Profile {
    /// The profile's text report under `agreement` and `priority`.
    ///
    /// ```
    /// use integration_outcomes::maturity::{AgreementPolicy, Assessment, Framework, PriorityPolicy, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("leadership", Score::Level(1))?.build();
    /// let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    /// let text = profile.report(&AgreementPolicy::RandRegion { fewer_than: 4 }, PriorityPolicy::BelowLevel(2))?.to_string();
    /// assert!(text.contains("Priorities (median below level 2): Leadership (median 1)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ComparisonError::InvalidAgreementPolicy`] if the agreement policy's
    /// threshold is out of range ([`AgreementPolicy::validate`]),
    /// or [`ComparisonError::PolicyNotForScale`] if the policy is not defined
    /// on the profile's scale ([`AgreementPolicy::validate_for`]).
    pub fn report<'a>(
        &'a self,
        agreement: &'a AgreementPolicy,
        priority: PriorityPolicy,
    ) -> Result<ProfileReport<'a>, ComparisonError> {
        agreement.validate_for(self.scale())?;
        Ok(ProfileReport { profile: self, agreement, priority })
    }
}

impl fmt::Display for ProfileReport<'_> {
    /// Writes the profile table, the split domains and the priorities, with
    /// priorities that are also split marked "(split: discuss)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.profile)?;
        // The policy was validated when the report was made.
        let review = self.profile.review_valid(self.agreement, self.priority);
        let splits: Vec<String> = review
            .iter()
            .filter(|r| r.is_split())
            .map(|r| format!("{} (median {})", r.name(), decimal(r.median())))
            .collect();
        let unassessable = review.iter().filter(|r| r.agreement() == Agreement::NotAssessable);
        let unassessable: Vec<&str> = unassessable.map(|r| r.name()).collect();
        writeln!(f, "Split (no agreement, which needs {}): {}", self.agreement, list(&splits))?;
        if !unassessable.is_empty() {
            writeln!(f, "Agreement not assessable: {}", unassessable.join(", "))?;
        }
        let priorities: Vec<String> = self
            .profile
            .priorities(self.priority)
            .iter()
            .filter_map(|d| review.iter().find(|r| r.domain() == d.id()))
            .map(|r| {
                let note = if r.is_split() { " (split: discuss)" } else { "" };
                format!("{} (median {}){note}", r.name(), decimal(r.median()))
            })
            .collect();
        write!(f, "Priorities ({}): {}", self.priority, list(&priorities))
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() { "none".to_owned() } else { items.join("; ") }
}

impl fmt::Display for Progress {
    /// A table of each domain's median and mean before and after, the
    /// trend and the agreement in both rounds, then the next due date.
    ///
    /// ```
    /// use integration_outcomes::maturity::{AgreementPolicy, Assessment, Framework, Progress, ReassessmentOptions, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let round = |label: &str, date: Date, level: u8| -> Result<_, Box<dyn std::error::Error>> {
    ///     let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("culture", Score::Level(level))?.build();
    ///     Ok(Assessment::new(&aqua, "P", date, label, [r])?.profile())
    /// };
    /// let progress = Progress::between(&round("baseline", Date::new(2026, 1, 15)?, 2)?,
    ///     &round("review", Date::new(2026, 7, 15)?, 3)?,
    ///     ReassessmentOptions::new(AgreementPolicy::RandRegion { fewer_than: 4 }))?;
    /// assert!(progress.to_string().contains("improved"));
    /// assert!(progress.to_string().contains("trends are judged on the medians"));
    /// assert!(progress.to_string().ends_with("Next round due 2027-01-15"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Progress from {} to {} (trends are judged on the medians; means are shown beside them)",
            self.earlier(),
            self.later()
        )?;
        let w = name_width(self.changes().iter().map(|c| c.name()));
        writeln!(
            f,
            "{:<w$}  {:>10} {:>6}  {:>12} {:>6}  {:<14} agreement",
            "Domain", "median", "change", "mean", "change", "trend"
        )?;
        for c in self.changes() {
            let trend = match c.trend() {
                Trend::Improved => "improved",
                Trend::Regressed => "regressed",
                Trend::Unchanged => "unchanged",
                Trend::NotComparable => "not comparable",
            };
            let change = c.median_change().map(|d| {
                if d > Decimal::ZERO {
                    format!("+{}", d.normalize())
                } else {
                    d.normalize().to_string()
                }
            });
            let mean_change = c.mean_change().map(|m| format!("{m:+.2}"));
            writeln!(
                f,
                "{:<w$}  {:>10} {:>6}  {:>12} {:>6}  {:<14} {} -> {}",
                c.name(),
                format!("{} -> {}", decimal(c.median_before()), decimal(c.median_after())),
                change.unwrap_or_else(|| "-".to_owned()),
                format!("{} -> {}", real(c.mean_before()), real(c.mean_after())),
                mean_change.unwrap_or_else(|| "-".to_owned()),
                trend,
                agreement_word(c.agreement_before()),
                agreement_word(c.agreement_after())
            )?;
        }
        write!(f, "Next round due {}", self.next_round_due())
    }
}

fn agreement_word(agreement: Agreement) -> &'static str {
    match agreement {
        Agreement::Agreed => "agreed",
        Agreement::Split => "split",
        Agreement::NotAssessable => "n/a",
    }
}

impl fmt::Display for super::Readiness {
    /// Writes each requirement with the median and gap, marking the
    /// domains that block readiness, then the verdict.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score, Target};
    /// use integration_outcomes::Date;
    ///
    /// let s = Framework::builtin("scirocco-b3")?;
    /// let r = Response::builder(&s, Respondent::new("Lead", "Region")?).score("evaluation_methods", Score::Level(2))?.build();
    /// let region = Assessment::new(&s, "Region", Date::new(2026, 3, 1)?, "2026", [r])?.profile();
    /// let practice = Target::new(&s, "Good practice", [("evaluation_methods", 3)])?;
    /// let text = region.readiness(&practice)?.to_string();
    /// assert!(text.contains("Evaluation methods"));
    /// assert!(text.ends_with("not ready: 1 domain blocks"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Readiness for {}", self.target())?;
        let w = name_width(self.gaps().iter().map(|g| g.name()));
        writeln!(f, "{:<w$}  {:>8} {:>6} {:>5}", "Domain", "required", "median", "gap")?;
        for gap in self.gaps() {
            let mark = if gap.blocks() { "  blocks" } else { "" };
            writeln!(
                f,
                "{:<w$}  {:>8} {:>6} {:>5}{mark}",
                gap.name(),
                gap.required(),
                decimal(gap.median()),
                decimal(gap.gap())
            )?;
        }
        match self.blocking().len() {
            0 => write!(f, "ready"),
            1 => write!(f, "not ready: 1 domain blocks"),
            n => write!(f, "not ready: {n} domains block"),
        }
    }
}

impl fmt::Display for super::Benchmark {
    /// Writes one row per domain with each partnership's median, then the
    /// highest and lowest partnerships.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Assessment, Benchmark, Framework, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let s = Framework::builtin("scirocco-b3")?;
    /// let region = |name: &str, level: u8| -> Result<_, Box<dyn std::error::Error>> {
    ///     let r = Response::builder(&s, Respondent::new("Lead", name)?).score("population_approach", Score::Level(level))?.build();
    ///     Ok(Assessment::new(&s, name, Date::new(2026, 3, 1)?, "2026", [r])?.profile())
    /// };
    /// let text = Benchmark::new(&[&region("Scotland", 4)?, &region("Norrbotten", 2)?])?.to_string();
    /// assert!(text.contains("Population approach"));
    /// assert!(text.contains("highest Scotland; lowest Norrbotten"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let w = name_width(self.rows().iter().map(|r| r.name()));
        let widths: Vec<usize> =
            self.partnerships().iter().map(|p| p.chars().count().max(6)).collect();
        write!(f, "{:<w$}", "Domain")?;
        for (p, pw) in self.partnerships().iter().zip(&widths) {
            write!(f, "  {p:>pw$}")?;
        }
        for row in self.rows() {
            write!(f, "\n{:<w$}", row.name())?;
            for (median, pw) in row.medians().iter().zip(&widths) {
                write!(f, "  {:>pw$}", decimal(*median))?;
            }
            if self.partnerships().len() > 1 && !row.highest().is_empty() {
                if row.highest() == row.lowest() {
                    write!(f, "  all equal")?;
                } else {
                    write!(
                        f,
                        "  highest {}; lowest {}",
                        row.highest().join(", "),
                        row.lowest().join(", ")
                    )?;
                }
            }
        }
        Ok(())
    }
}
