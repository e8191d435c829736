//! CSV input of responses and CSV output of profiles (feature `csv`).

use std::io;

use rust_decimal::Decimal;

use super::text::is_blank;
use super::{Assessment, AssessmentError, Framework, Profile, Respondent, Response, Score};
use crate::Date;

fn csv_error(
    row: Option<u64>,
    column: Option<&str>,
    message: impl Into<String>,
) -> AssessmentError {
    AssessmentError::Csv { row, column: column.map(str::to_owned), message: message.into() }
}

/// Puts an error from building one row's response at that row and column.
fn at(row: Option<u64>, column: &str) -> impl Fn(AssessmentError) -> AssessmentError + '_ {
    move |e| csv_error(row, Some(column), e.to_string())
}

fn line_of(error: &csv::Error) -> Option<u64> {
    error.position().map(csv::Position::line)
}

/// A score cell: a level number; empty or `not-scored` for not scored;
/// `n/a`, `na` or `not-applicable` (any case) for not applicable.
fn parse_score(cell: &str) -> Option<Score> {
    let cell = cell.trim();
    if cell.is_empty() || cell.eq_ignore_ascii_case("not-scored") {
        return Some(Score::NotScored);
    }
    if ["n/a", "na", "not-applicable"].iter().any(|w| cell.eq_ignore_ascii_case(w)) {
        return Some(Score::NotApplicable);
    }
    cell.parse().ok().map(Score::Level)
}

impl Assessment {
    /// A round from CSV with a header row: `name` and `organisation` columns,
    /// optional `role` and `comment` columns, and one column per scored
    /// domain, headed by its id or its name (any case). A score cell is a
    /// level number, empty or `not-scored` for not scored, or `N/A`
    /// (`n/a`, `na`, `not-applicable`, any case) for not applicable.
    ///
    /// # Errors
    ///
    /// [`AssessmentError::Csv`] naming the row (the file's line number, the
    /// header being line 1) and column of: unreadable CSV, a missing `name`
    /// or `organisation` column, a column that is neither a domain id nor a
    /// domain name (or names a domain twice), a cell that is not a score, a
    /// score off the framework's scale, or a blank name or organisation;
    /// otherwise the round-level errors of [`Assessment::new`] (the same
    /// respondent twice, an empty round).
    ///
    /// ```
    /// use integration_outcomes::maturity::{Assessment, Framework, Score};
    /// use integration_outcomes::Date;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let csv = "name,organisation,role,leadership,Culture,workforce\n\
    ///            Ann,NHS trust,Director,3,2,N/A\n\
    ///            Bob,Council,,4,,2\n";
    /// let round = Assessment::from_csv(&aqua, "Chorley PSR", Date::new(2026, 1, 15)?, "baseline", csv.as_bytes())?;
    /// assert_eq!(round.len(), 2);
    /// assert_eq!(round.response(1).unwrap().score("culture"), Score::NotScored);
    /// assert_eq!(round.response(0).unwrap().score("workforce"), Score::NotApplicable);
    ///
    /// let bad = "name,organisation,leadership\nAnn,NHS,seven\n";
    /// let err = Assessment::from_csv(&aqua, "P", Date::new(2026, 1, 15)?, "r", bad.as_bytes()).unwrap_err();
    /// assert_eq!(err.to_string(), "csv row 2, column leadership: \"seven\" is not a score");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_csv(
        framework: &Framework,
        partnership: impl Into<String>,
        date: Date,
        label: impl Into<String>,
        reader: impl io::Read,
    ) -> Result<Assessment, AssessmentError> {
        let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(reader);
        let headers =
            reader.headers().map_err(|e| csv_error(line_of(&e), None, e.to_string()))?.clone();
        let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let name_col =
            column("name").ok_or_else(|| csv_error(Some(1), Some("name"), "no such column"))?;
        let org_col = column("organisation")
            .ok_or_else(|| csv_error(Some(1), Some("organisation"), "no such column"))?;
        let (role_col, comment_col) = (column("role"), column("comment"));
        let mut domains: Vec<(usize, String, String)> = Vec::new();
        for (i, header) in headers.iter().enumerate() {
            if [Some(name_col), Some(org_col), role_col, comment_col].contains(&Some(i)) {
                continue;
            }
            let domain = framework
                .domain(header)
                .or_else(|| framework.domain_by_heading(header))
                .ok_or_else(|| {
                csv_error(
                    Some(1),
                    Some(header),
                    format!("not a domain id or name of framework {}", framework.id()),
                )
            })?;
            if domains.iter().any(|(_, id, _)| id == domain.id()) {
                return Err(csv_error(
                    Some(1),
                    Some(header),
                    format!("a second column for domain {}", domain.id()),
                ));
            }
            domains.push((i, domain.id().to_owned(), header.to_owned()));
        }
        let mut responses = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(line_of(&e), None, e.to_string()))?;
            let row = record.position().map(csv::Position::line);
            let cell = |i: usize| record.get(i).unwrap_or("");
            let header = |i: usize| headers.get(i).unwrap_or("");
            let (name, organisation) = (cell(name_col), cell(org_col));
            // Respondent::new refuses a blank name, then a blank organisation:
            // report each under its own column.
            let blank_col = if is_blank(name) { name_col } else { org_col };
            let mut respondent =
                Respondent::new(name, organisation).map_err(at(row, header(blank_col)))?;
            if let Some(role) = role_col.map(cell).filter(|r| !r.is_empty()) {
                respondent = respondent.with_role(role);
            }
            let mut response = Response::builder(framework, respondent);
            for (i, domain, header) in &domains {
                let text = cell(*i);
                let score = parse_score(text).ok_or_else(|| {
                    csv_error(row, Some(header), format!("{text:?} is not a score"))
                })?;
                response = response.score(domain, score).map_err(at(row, header))?;
            }
            if let Some(comment) = comment_col.map(cell).filter(|c| !c.is_empty()) {
                response = response.comment(comment);
            }
            responses.push(response.build());
        }
        Assessment::new(framework, partnership, date, label, responses)
    }
}

/// The decimal places at which [`Profile::write_csv`] writes the real-valued
/// measures (mean, consensus, Leik's D, r_wg).
///
/// ```
/// assert_eq!(integration_outcomes::maturity::CSV_DECIMAL_PLACES, 4);
/// ```
pub const CSV_DECIMAL_PLACES: usize = 4;

impl Profile {
    /// Writes one CSV row per domain: id, name, counts (scored, not scored,
    /// not applicable, then one per level), min, max, q1, median, q3, IQR,
    /// mean, consensus, Leik's D, r_wg and the level reached. Counts and order
    /// statistics (R type 7) are written exactly; the real-valued measures
    /// (mean, consensus, Leik's D, r_wg) to [`CSV_DECIMAL_PLACES`] (4)
    /// decimal places, so that `2.5555555555555554` is written `2.5556`.
    /// Empty cells mark values that do not exist (no ratings, or r_wg with
    /// one rating).
    ///
    /// # Errors
    ///
    /// [`AssessmentError::Csv`] if the writer fails.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Assessment, Framework, Respondent, Response, Score};
    /// use integration_outcomes::Date;
    ///
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let r = Response::builder(&aqua, Respondent::new("Ann", "NHS")?).score("leadership", Score::Level(3))?.build();
    /// let profile = Assessment::new(&aqua, "P", Date::new(2026, 1, 15)?, "baseline", [r])?.profile();
    /// let mut out = Vec::new();
    /// profile.write_csv(&mut out)?;
    /// let text = String::from_utf8(out)?;
    /// assert!(text.starts_with("domain,name,scored,not_scored,not_applicable,level_1,"));
    /// assert!(text.contains("\nleadership,Leadership,1,0,0,0,0,1,0,0,3,3,3,3,3,0,3.0000,1.0000,0.0000,,3\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv(&self, writer: impl io::Write) -> Result<(), AssessmentError> {
        let fail = |e: csv::Error| csv_error(None, None, e.to_string());
        let mut out = csv::Writer::from_writer(writer);
        let mut header: Vec<String> = ["domain", "name", "scored", "not_scored", "not_applicable"]
            .map(str::to_owned)
            .to_vec();
        header.extend(self.scale().levels().iter().map(|l| format!("level_{}", l.level())));
        header.extend(
            [
                "min",
                "max",
                "q1",
                "median",
                "q3",
                "iqr",
                "mean",
                "consensus",
                "leik_d",
                "rwg",
                "level_reached",
            ]
            .map(str::to_owned),
        );
        out.write_record(&header).map_err(fail)?;
        let exact = |d: Decimal| d.normalize().to_string();
        let real = |x: f64| format!("{x:.prec$}", prec = CSV_DECIMAL_PLACES);
        for domain in self.domains() {
            let s = domain.statistics();
            let mut row = vec![
                domain.id().to_owned(),
                domain.name().to_owned(),
                domain.scored().to_string(),
                domain.not_scored().to_string(),
                domain.not_applicable().to_string(),
            ];
            for level in self.scale().levels() {
                row.push(s.map_or(0, |s| s.count(level.level())).to_string());
            }
            let values: [Option<String>; 11] = [
                s.map(|s| s.min().to_string()),
                s.map(|s| s.max().to_string()),
                s.map(|s| exact(s.q1())),
                s.map(|s| exact(s.median())),
                s.map(|s| exact(s.q3())),
                s.map(|s| exact(s.iqr())),
                s.map(|s| real(s.mean())),
                s.map(|s| real(s.consensus())),
                s.map(|s| real(s.leik_dispersion())),
                s.and_then(|s| s.rwg()).map(real),
                domain.level_reached().map(|l| l.to_string()),
            ];
            row.extend(values.into_iter().map(Option::unwrap_or_default));
            out.write_record(&row).map_err(fail)?;
        }
        out.flush().map_err(|e| csv_error(None, None, e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aqua() -> Framework {
        Framework::builtin("aqua-sif-2014").unwrap()
    }

    fn read(csv: &str) -> Result<Assessment, AssessmentError> {
        Assessment::from_csv(&aqua(), "P", jiff::civil::date(2026, 1, 15), "r", csv.as_bytes())
    }

    #[test]
    fn bad_input_names_the_line_or_domain() {
        let at = |csv: &str| match read(csv) {
            Err(AssessmentError::Csv { row, column, .. }) => (row, column),
            other => panic!("expected a CSV error, got {other:?}"),
        };
        assert_eq!(
            at("name,organisation,leadership\nAnn,NHS,three\n"),
            (Some(2), Some("leadership".into()))
        );
        assert_eq!(at("name,organisation,finance\nAnn,NHS,3\n"), (Some(1), Some("finance".into())));
        assert_eq!(
            at("name,organisation,leadership,Leadership\nAnn,NHS,3,3\n"),
            (Some(1), Some("Leadership".into()))
        );
        assert_eq!(
            at("name,organisation,Leadership\nAnn,NHS,3\n,NHS,2\n"),
            (Some(3), Some("name".into()))
        );
        assert_eq!(
            at("name,Organisation,Leadership\nAnn,NHS,3\nBob, ,2\n"),
            (Some(3), Some("Organisation".into()))
        );
        assert_eq!(at("name,organisation\n,\n"), (Some(2), Some("name".into())));
        assert_eq!(
            at("name,organisation,Leadership\nAnn,NHS,3\nBob,NHS,9\n"),
            (Some(3), Some("Leadership".into()))
        );
        assert!(matches!(read("name,leadership\nAnn,3\n"), Err(AssessmentError::Csv { .. })));
        assert!(matches!(
            read("name,organisation,leadership\nAnn,NHS,1,2\n"),
            Err(AssessmentError::Csv { .. })
        ));
        assert!(matches!(
            read("name,organisation,leadership\n"),
            Err(AssessmentError::EmptyRound { .. })
        ));
        assert!(matches!(
            read("name,organisation\nAnn,NHS\nAnn,NHS\n"),
            Err(AssessmentError::DuplicateRespondent { .. })
        ));
    }

    #[test]
    fn real_measures_are_written_at_the_stated_precision() {
        // Nine ratings summing to 23: the mean is 2.5555555555555554 in f64.
        let mut sheet = "name,organisation,leadership\n".to_owned();
        for (k, level) in [1, 2, 2, 3, 3, 3, 3, 3, 3].iter().enumerate() {
            sheet.push_str(&format!("R{k},NHS,{level}\n"));
        }
        let profile = read(&sheet).unwrap().profile();
        let mut out = Vec::new();
        profile.write_csv(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let row = text.lines().find(|l| l.starts_with("leadership,")).unwrap();
        assert!(row.contains(",2.5556,"), "{row}");
        assert!(!text.contains("2.5555555555555554"));
        for cell in row.split(',').skip(16).take(4) {
            assert_eq!(cell.split('.').nth(1).map(str::len), Some(CSV_DECIMAL_PLACES), "{row}");
        }
    }

    #[test]
    fn comments_roles_and_words() {
        let round = read(
            "name,organisation,role,comment,culture\nAnn,NHS,,\"frank, and fair\",NOT-APPLICABLE\nBob,CVS,Chair,,not-scored\n",
        )
        .unwrap();
        let ann = round.response(0).unwrap();
        assert_eq!(ann.comment(), Some("frank, and fair"));
        assert_eq!(ann.respondent().role(), None);
        assert_eq!(ann.score("culture"), Score::NotApplicable);
        let bob = round.response(1).unwrap();
        assert_eq!(bob.respondent().role(), Some("Chair"));
        assert_eq!(bob.score("culture"), Score::NotScored);
    }
}
