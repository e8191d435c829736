//! CSV input of rate-card claims and CSV output of statements (feature `csv`).

use std::io;

use super::{Claim, OutcomeError, RateCardRule, Statement};

fn csv_error(row: Option<u64>, column: Option<&str>, message: impl Into<String>) -> OutcomeError {
    OutcomeError::Csv { row, column: column.map(str::to_owned), message: message.into() }
}

fn position(error: &csv::Error) -> Option<u64> {
    error.position().map(csv::Position::line)
}

/// A reading error from the `csv` crate, at its (1-based) line: said in
/// words, without the crate's own position (a 0-based record number that
/// disagreed with the row).
fn read_error(error: &csv::Error) -> OutcomeError {
    let message = match error.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("the row has {len} fields where the header row has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8 text".to_owned(),
        csv::ErrorKind::Io(e) => format!("reading failed: {e}"),
        _ => error.to_string(),
    };
    csv_error(position(error), None, message)
}

/// Finds a required column by (case-insensitive) header name; a second
/// column of the same name is an error, not ignored.
fn column(headers: &csv::StringRecord, name: &'static str) -> Result<usize, OutcomeError> {
    let mut found = headers.iter().enumerate().filter(|(_, h)| h.trim().eq_ignore_ascii_case(name));
    let (first, _) = found
        .next()
        .ok_or_else(|| csv_error(Some(1), Some(name), "the header row has no such column"))?;
    if found.next().is_some() {
        return Err(csv_error(Some(1), Some(name), "the header row names this column twice"));
    }
    Ok(first)
}

impl RateCardRule {
    /// Reads claims from CSV with a header row naming (in any order, any
    /// case) the columns `participant` (a whole number), `outcome` (an
    /// outcome id on the rule's card) and `date` (`YYYY-MM-DD`). Other
    /// columns are ignored. The claims come back in file order.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Csv`] naming the row (the file's line number, the
    /// header being line 1) and column of: unreadable CSV, a missing column
    /// or one named twice, a participant that is not a whole number, an
    /// outcome not on the card, or a date that is not a calendar date.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCard, RateCardRule, RateCardTerms};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let sheet = "participant,outcome,date\n17,entry_to_employment,2013-05-01\n";
    /// let claims = rule.claims_from_csv(sheet.as_bytes())?;
    /// assert_eq!(claims[0].participant(), 17);
    ///
    /// let bad = "participant,outcome,date\n17,astronaut,2013-05-01\n";
    /// let err = rule.claims_from_csv(bad.as_bytes()).unwrap_err();
    /// assert_eq!(err.to_string(), "csv row 2, column outcome: \"astronaut\" is not an outcome on rate card innovation_fund_round_1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn claims_from_csv(&self, reader: impl io::Read) -> Result<Vec<Claim>, OutcomeError> {
        let mut csv =
            csv::ReaderBuilder::new().has_headers(true).flexible(false).from_reader(reader);
        let headers = csv.headers().map_err(|e| read_error(&e))?.clone();
        let (p, o, d) = (
            column(&headers, "participant")?,
            column(&headers, "outcome")?,
            column(&headers, "date")?,
        );
        let mut claims = Vec::new();
        for record in csv.records() {
            let record = record.map_err(|e| read_error(&e))?;
            let row = record.position().map(csv::Position::line);
            let cell = |i: usize| record.get(i).unwrap_or("").trim();
            let participant = cell(p).parse::<u64>().map_err(|_| {
                csv_error(row, Some("participant"), format!("{:?} is not a whole number", cell(p)))
            })?;
            let outcome = self.card().index_of(cell(o)).map_err(|_| {
                csv_error(
                    row,
                    Some("outcome"),
                    format!("{:?} is not an outcome on rate card {}", cell(o), self.card().id()),
                )
            })?;
            let date = crate::civil_date::parse(cell(d))
                .map_err(|reason| csv_error(row, Some("date"), reason))?;
            claims.push(Claim::new(participant, outcome, date));
        }
        Ok(claims)
    }
}

impl Statement {
    /// Writes the statement's lines as CSV, one row per claim or cohort
    /// decision, with a header row: `contract, rule, date, period, subject,
    /// decision, exact, amount, currency`. `exact` is the amount after caps
    /// and before rounding; `amount` is what is owed.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Csv`] if writing fails.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{
    ///     ClaimWindow, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule,
    ///     RateCardTerms, RuleEvidence,
    /// };
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = rule.claims_from_csv("participant,outcome,date\n1,entry_to_employment,2013-05-01\n".as_bytes())?;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let contract = Contract::new("c", Currency::GBP, pence, PayerShares::single("dwp".parse()?), vec![rule.into()])?;
    /// let people = Participants::none();
    /// let statement = contract.settle(&Evidence::new().with("if", RuleEvidence::Claims { claims: &claims, participants: &people }))?;
    /// let mut out = Vec::new();
    /// statement.write_csv(&mut out)?;
    /// let text = String::from_utf8(out)?;
    /// assert!(text.starts_with("contract,rule,date,period,subject,decision,exact,amount,currency\n"));
    /// assert!(text.contains("c,if,2013-05-01,2013-Q2,participant 1: entry_to_employment,paid,2600.00,2600.00,GBP"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv(&self, writer: impl io::Write) -> Result<(), OutcomeError> {
        let mut csv = csv::Writer::from_writer(writer);
        let fail = |e: csv::Error| csv_error(None, None, e.to_string());
        csv.write_record([
            "contract", "rule", "date", "period", "subject", "decision", "exact", "amount",
            "currency",
        ])
        .map_err(fail)?;
        for line in self.lines() {
            csv.write_record([
                self.contract().to_string(),
                line.rule().to_string(),
                line.date().to_string(),
                line.period().to_string(),
                line.subject().to_string(),
                line.decision().to_string(),
                line.exact().amount().to_string(),
                line.amount().amount().to_string(),
                line.amount().currency().to_string(),
            ])
            .map_err(fail)?;
        }
        csv.flush().map_err(|e| csv_error(None, None, e.to_string()))
    }

    /// Writes what each payer owes as CSV, one row per (rule, period, payer),
    /// with a header row: `contract, rule, period, payer, amount, currency`.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Csv`] if writing fails.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{
    ///     ClaimWindow, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule,
    ///     RateCardTerms, RuleEvidence,
    /// };
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = [rule.claim(1, "entry_to_employment", "2013-05-01".parse()?)?];
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let payers = PayerShares::new(vec![("dwp".parse()?, "75%".parse()?), ("top_up".parse()?, "25%".parse()?)])?;
    /// let contract = Contract::new("c", Currency::GBP, pence, payers, vec![rule.into()])?;
    /// let people = Participants::none();
    /// let statement = contract.settle(&Evidence::new().with("if", RuleEvidence::Claims { claims: &claims, participants: &people }))?;
    /// let mut out = Vec::new();
    /// statement.write_payments_csv(&mut out)?;
    /// let text = String::from_utf8(out)?;
    /// assert!(text.starts_with("contract,rule,period,payer,amount,currency\n"));
    /// assert!(text.contains("c,if,2013-Q2,dwp,1950.00,GBP")); // 75% of £2,600
    /// assert!(text.contains("c,if,2013-Q2,top_up,650.00,GBP"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_payments_csv(&self, writer: impl io::Write) -> Result<(), OutcomeError> {
        let mut csv = csv::Writer::from_writer(writer);
        let fail = |e: csv::Error| csv_error(None, None, e.to_string());
        csv.write_record(["contract", "rule", "period", "payer", "amount", "currency"])
            .map_err(fail)?;
        for p in self.payments() {
            csv.write_record([
                self.contract().to_string(),
                p.rule().to_string(),
                p.period().to_string(),
                p.payer().to_string(),
                p.amount().amount().to_string(),
                p.amount().currency().to_string(),
            ])
            .map_err(fail)?;
        }
        csv.flush().map_err(|e| csv_error(None, None, e.to_string()))
    }
}
