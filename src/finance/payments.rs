//! Outcome payments from a settlement, as dated investor cash flows.

use jiff::ToSpan;

use crate::outcomes::{Period as PaymentPeriod, Statement};
use crate::{Date, Money};

use super::{CashFlow, CashFlowKind, CashFlows, InvestmentError};

/// When outcome payments for a period reach the investors.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{PaymentTiming, outcome_payment_flows};
/// use integration_outcomes::outcomes::Periodicity;
/// use integration_outcomes::{Currency, Money};
///
/// let q4 = Periodicity::Quarterly.period_of("2016-11-01".parse()?);
/// let totals = [(q4, Money::from_major(900, Currency::GBP))];
/// // Paid 30 days after the quarter's last day (31 December)...
/// let in_arrears = outcome_payment_flows(totals, PaymentTiming::AfterPeriodEnd { days: 30 })?;
/// assert_eq!(in_arrears[0].date().to_string(), "2017-01-30");
/// // ...or everything on one date.
/// let lump_sum = outcome_payment_flows(totals, PaymentTiming::OnDate("2017-07-27".parse()?))?;
/// assert_eq!(lump_sum[0].date().to_string(), "2017-07-27");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PaymentTiming {
    /// Each period's payments are received `days` days after the period's
    /// last day (0: on the last day).
    AfterPeriodEnd {
        /// Days after the end of the period.
        days: u16,
    },
    /// Everything is received as one payment on this date (Peterborough's
    /// single payment at the end of the contract).
    OnDate(Date),
}

/// Turns a settlement's payment totals by period (for example
/// `RateCardSettlement::totals_by_period`) into
/// [`OutcomePayment`](CashFlowKind::OutcomePayment) cash flows dated by
/// `timing`. Periods with a zero total give no flow; with
/// [`PaymentTiming::OnDate`] the totals are summed into one flow.
///
/// # Errors
///
/// [`InvestmentError::NegativeCashFlow`] if a period's total is negative (a
/// clawback is not an outcome payment); [`InvestmentError::DateOutOfRange`]
/// if a payment date is out of range; [`InvestmentError::Money`] if the
/// totals mix currencies or overflow.
///
/// ```
/// use integration_outcomes::finance::{PaymentTiming, outcome_payment_flows};
/// use integration_outcomes::outcomes::Periodicity;
/// use integration_outcomes::{Currency, Money};
///
/// let q1 = Periodicity::Quarterly.period_of("2015-02-01".parse()?);
/// let q2 = Periodicity::Quarterly.period_of("2015-05-01".parse()?);
/// let totals = [(q1, Money::from_major(500, Currency::GBP)), (q2, Money::from_major(700, Currency::GBP))];
/// let flows = outcome_payment_flows(totals, PaymentTiming::AfterPeriodEnd { days: 30 })?;
/// assert_eq!(flows[0].date().to_string(), "2015-04-30");
/// assert_eq!(flows[1].date().to_string(), "2015-07-30");
/// let lump = outcome_payment_flows(totals, PaymentTiming::OnDate("2017-07-27".parse()?))?;
/// assert_eq!(lump.len(), 1);
/// assert_eq!(lump[0].amount().to_string(), "GBP 1,200.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn outcome_payment_flows<I>(
    totals: I,
    timing: PaymentTiming,
) -> Result<Vec<CashFlow>, InvestmentError>
where
    I: IntoIterator<Item = (PaymentPeriod, Money)>,
{
    let mut flows = Vec::new();
    let mut lump: Option<Money> = None;
    for (period, total) in totals {
        let date = match timing {
            PaymentTiming::OnDate(date) => date,
            PaymentTiming::AfterPeriodEnd { days } => {
                let end = period.last_day();
                end.checked_add(i64::from(days).days())
                    .map_err(|_| InvestmentError::DateOutOfRange { from: end, to: end })?
            }
        };
        // Validate each period's total, naming its date, before any summing.
        let flow = CashFlow::new(date, CashFlowKind::OutcomePayment, total)?;
        if total.is_zero() {
            continue;
        }
        match timing {
            PaymentTiming::OnDate(_) => {
                lump = Some(match lump {
                    Some(sum) => sum.checked_add(total)?,
                    None => total,
                });
            }
            PaymentTiming::AfterPeriodEnd { .. } => flows.push(flow),
        }
    }
    if let (PaymentTiming::OnDate(date), Some(sum)) = (timing, lump) {
        flows.push(CashFlow::new(date, CashFlowKind::OutcomePayment, sum)?);
    }
    Ok(flows)
}

impl CashFlows {
    /// Adds a settled statement's payments as outcome payments received:
    /// the statement's totals by period (the sum over payers of what each
    /// owes), dated by `timing`. See [`outcome_payment_flows`].
    ///
    /// # Errors
    ///
    /// [`InvestmentError::CurrencyMismatch`] if the statement is in another
    /// currency; otherwise as for [`outcome_payment_flows`]. Nothing is added
    /// if the statement's payments cannot all be converted.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, PaymentTiming, XirrOptions};
    /// use integration_outcomes::outcomes::{Cohort, CohortRule, Comparison, Contract, Evidence, PayerShares, PoolingRule, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    ///
    /// // A cohort rule with an illustrative £1,000 per reconviction event avoided.
    /// let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, Money::from_major(1_000, Currency::GBP))?;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::MidpointAwayFromZero, RoundingStage::PerLine);
    /// let contract = Contract::new("pbr", Currency::GBP, pence, PayerShares::single("moj".parse()?), vec![rule.into()])?;
    /// let per_100 = Comparison::rate("155".parse()?, 100)?;
    /// let cohorts = [Cohort::new("cohort_1", 1_000, 1_395, per_100, "2014-08-07".parse()?)?];
    /// let statement = contract.settle(&Evidence::new().with("reconviction", RuleEvidence::Cohorts(&cohorts)))?;
    ///
    /// let mut flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2010-09-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 150000".parse()?)?,
    /// ])?;
    /// flows.add_statement_payments(&statement, PaymentTiming::AfterPeriodEnd { days: 30 })?;
    /// let received = &flows.flows()[1];
    /// assert_eq!(received.amount().to_string(), "GBP 155,000.00"); // 155 events avoided
    /// assert_eq!(received.date().to_string(), "2014-10-30"); // 30 days after Q3 2014
    /// assert!(flows.xirr(XirrOptions::new())?.rate() > 0.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_statement_payments(
        &mut self,
        statement: &Statement,
        timing: PaymentTiming,
    ) -> Result<(), InvestmentError> {
        let flows = outcome_payment_flows(statement.totals_by_period().iter().copied(), timing)?;
        if let Some(flow) = flows.iter().find(|f| f.amount().currency() != self.currency()) {
            return Err(InvestmentError::CurrencyMismatch {
                position: self.flows().len(),
                date: flow.date(),
                kind: flow.kind(),
                expected: self.currency(),
                found: flow.amount().currency(),
            });
        }
        self.push_all(flows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;
    use crate::outcomes::Periodicity;

    fn period(p: Periodicity, d: &str) -> PaymentPeriod {
        p.period_of(d.parse().unwrap())
    }

    #[test]
    fn the_last_representable_period_has_a_payment_date() {
        let december_9999 = period(Periodicity::Monthly, "9999-12-15");
        let flows = outcome_payment_flows(
            [(december_9999, Money::from_major(1, Currency::GBP))],
            PaymentTiming::AfterPeriodEnd { days: 0 },
        )
        .unwrap();
        assert_eq!(flows[0].date().to_string(), "9999-12-31");
        assert!(matches!(
            outcome_payment_flows(
                [(december_9999, Money::from_major(1, Currency::GBP))],
                PaymentTiming::AfterPeriodEnd { days: 1 },
            ),
            Err(InvestmentError::DateOutOfRange { .. })
        ));
    }

    #[test]
    fn zero_totals_are_skipped_and_negative_ones_rejected() {
        let q = period(Periodicity::Quarterly, "2015-02-01");
        let flows = outcome_payment_flows(
            [(q, Money::zero(Currency::GBP))],
            PaymentTiming::AfterPeriodEnd { days: 0 },
        )
        .unwrap();
        assert!(flows.is_empty());
        assert!(matches!(
            outcome_payment_flows(
                [(q, Money::from_major(-1, Currency::GBP))],
                PaymentTiming::AfterPeriodEnd { days: 0 }
            ),
            Err(InvestmentError::NegativeCashFlow { .. })
        ));
        assert!(matches!(
            outcome_payment_flows(
                [
                    (q, Money::from_major(1, Currency::GBP)),
                    (q, Money::from_major(1, Currency::EUR))
                ],
                PaymentTiming::OnDate("2016-01-01".parse().unwrap())
            ),
            Err(InvestmentError::Money(_))
        ));
    }
}
