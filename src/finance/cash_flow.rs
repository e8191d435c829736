//! Dated cash flows of an investment, signed from the investor's point of view.

use std::fmt;

use crate::{Currency, Date, Money};

use super::InvestmentError;

/// Which way money moves, seen by the investor.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{CashFlowKind, FlowDirection};
/// assert_eq!(CashFlowKind::CapitalDrawdown.direction(), FlowDirection::FromInvestor);
/// assert_eq!(CashFlowKind::OutcomePayment.direction(), FlowDirection::ToInvestor);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FlowDirection {
    /// Money the investor puts in: negative in the investor's net flows.
    FromInvestor,
    /// Money the investor gets back: positive in the investor's net flows.
    ToInvestor,
}

/// What a cash flow is. The kind fixes its direction (see
/// [`CashFlowKind::direction`]), so amounts are always given as magnitudes.
///
/// | kind | direction | sign in [`CashFlow::net`] |
/// |---|---|---|
/// | `CapitalDrawdown` | from the investor | − |
/// | `ServiceCost` | from the investor | − |
/// | `OutcomePayment` | to the investor | + |
/// | `Repayment` | to the investor | + |
/// | `Interest` | to the investor | + |
/// | `GuaranteePayment` | to the investor | + |
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::CashFlowKind;
/// assert_eq!(CashFlowKind::GuaranteePayment.to_string(), "guarantee payment");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CashFlowKind {
    /// Committed capital drawn down from the investor.
    CapitalDrawdown,
    /// Service costs the investor meets directly, over and above drawn-down
    /// capital (do not record the same money as both a drawdown and a cost).
    ServiceCost,
    /// Outcome payments passed to the investor (from a settled statement).
    OutcomePayment,
    /// Repayment of principal.
    Repayment,
    /// Interest or a fixed return on principal.
    Interest,
    /// A guarantor's payment to the investor under a guarantee of principal.
    GuaranteePayment,
}

impl CashFlowKind {
    /// The direction a flow of this kind moves money, seen by the investor.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlowKind, FlowDirection};
    /// assert_eq!(CashFlowKind::ServiceCost.direction(), FlowDirection::FromInvestor);
    /// ```
    #[must_use]
    pub const fn direction(self) -> FlowDirection {
        match self {
            CashFlowKind::CapitalDrawdown | CashFlowKind::ServiceCost => {
                FlowDirection::FromInvestor
            }
            CashFlowKind::OutcomePayment
            | CashFlowKind::Repayment
            | CashFlowKind::Interest
            | CashFlowKind::GuaranteePayment => FlowDirection::ToInvestor,
        }
    }

    const fn label(self) -> &'static str {
        match self {
            CashFlowKind::CapitalDrawdown => "capital drawdown",
            CashFlowKind::ServiceCost => "service cost",
            CashFlowKind::OutcomePayment => "outcome payment",
            CashFlowKind::Repayment => "repayment",
            CashFlowKind::Interest => "interest",
            CashFlowKind::GuaranteePayment => "guarantee payment",
        }
    }
}

impl fmt::Display for CashFlowKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One dated cash flow: a date, a [`CashFlowKind`] and a non-negative amount.
///
/// **Sign convention.** The amount is a magnitude; the kind decides the
/// direction. [`CashFlow::net`] gives the signed amount from the investor's
/// point of view: negative for money the investor pays out (drawdowns,
/// service costs), positive for money the investor receives (outcome
/// payments, repayments, interest, guarantee payments).
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{CashFlow, CashFlowKind};
/// use integration_outcomes::{Currency, Money};
///
/// let drawdown = CashFlow::new("2013-04-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 3100000".parse()?)?;
/// assert_eq!(drawdown.net(), Money::from_major(-3_100_000, Currency::GBP));
/// assert!(CashFlow::new("2013-04-01".parse()?, CashFlowKind::Repayment, "GBP -1".parse()?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CashFlowRepr", into = "CashFlowRepr")]
pub struct CashFlow {
    date: Date,
    kind: CashFlowKind,
    amount: Money,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CashFlowRepr {
    #[serde(with = "crate::civil_date")]
    date: Date,
    kind: CashFlowKind,
    amount: Money,
}

impl TryFrom<CashFlowRepr> for CashFlow {
    type Error = InvestmentError;
    fn try_from(r: CashFlowRepr) -> Result<Self, Self::Error> {
        CashFlow::new(r.date, r.kind, r.amount)
    }
}

impl From<CashFlow> for CashFlowRepr {
    fn from(c: CashFlow) -> Self {
        CashFlowRepr { date: c.date, kind: c.kind, amount: c.amount }
    }
}

impl CashFlow {
    /// A cash flow of `amount` (a magnitude) of `kind` on `date`.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::NegativeCashFlow`] if `amount` is below zero.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind};
    /// let flow = CashFlow::new("2017-07-27".parse()?, CashFlowKind::Repayment, "GBP 5000000".parse()?)?;
    /// assert_eq!(flow.amount().to_string(), "GBP 5,000,000.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(date: Date, kind: CashFlowKind, amount: Money) -> Result<CashFlow, InvestmentError> {
        if amount.is_negative() {
            return Err(InvestmentError::NegativeCashFlow { date, kind, amount });
        }
        Ok(CashFlow { date, kind, amount })
    }

    /// The date.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind};
    /// let flow = CashFlow::new("2017-07-27".parse()?, CashFlowKind::Repayment, "GBP 5000000".parse()?)?;
    /// assert_eq!(flow.date(), "2017-07-27".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn date(&self) -> Date {
        self.date
    }

    /// The kind.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind};
    /// let flow = CashFlow::new("2017-07-27".parse()?, CashFlowKind::Repayment, "GBP 5000000".parse()?)?;
    /// assert_eq!(flow.kind(), CashFlowKind::Repayment);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn kind(&self) -> CashFlowKind {
        self.kind
    }

    /// The amount, a magnitude (never negative).
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind};
    /// use integration_outcomes::{Currency, Money};
    /// let flow = CashFlow::new("2013-04-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 3100000".parse()?)?;
    /// assert_eq!(flow.amount(), Money::from_major(3_100_000, Currency::GBP)); // a magnitude
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn amount(&self) -> Money {
        self.amount
    }

    /// The direction, from the kind.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, FlowDirection};
    /// let flow = CashFlow::new("2013-04-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 3100000".parse()?)?;
    /// assert_eq!(flow.direction(), FlowDirection::FromInvestor);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn direction(&self) -> FlowDirection {
        self.kind.direction()
    }

    /// The signed amount from the investor's point of view: negative when the
    /// investor pays, positive when the investor receives.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind};
    /// let cost = CashFlow::new("2020-01-01".parse()?, CashFlowKind::ServiceCost, "EUR 10".parse()?)?;
    /// assert!(cost.net().is_negative());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn net(&self) -> Money {
        match self.direction() {
            FlowDirection::ToInvestor => self.amount,
            FlowDirection::FromInvestor => {
                Money::new(-self.amount.amount(), self.amount.currency())
            }
        }
    }
}

/// An investment's cash flows in one currency, kept in date order (flows on
/// the same date keep the order they were added in).
///
/// The return measures are methods: [`moic`](CashFlows::moic),
/// [`npv`](CashFlows::npv) and [`xirr`](CashFlows::xirr).
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
/// use integration_outcomes::Currency;
/// use rust_decimal::Decimal;
///
/// let flows = CashFlows::new(Currency::EUR, [
///     CashFlow::new("2013-09-01".parse()?, CashFlowKind::CapitalDrawdown, "EUR 250000".parse()?)?,
///     CashFlow::new("2015-12-31".parse()?, CashFlowKind::Repayment, "EUR 250000".parse()?)?,
///     CashFlow::new("2015-12-31".parse()?, CashFlowKind::Interest, "EUR 7500".parse()?)?,
/// ])?;
/// assert_eq!(flows.moic()?.as_decimal()?, Decimal::new(103, 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CashFlowsRepr", into = "CashFlowsRepr")]
pub struct CashFlows {
    currency: Currency,
    flows: Vec<CashFlow>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CashFlowsRepr {
    currency: Currency,
    flows: Vec<CashFlow>,
}

impl TryFrom<CashFlowsRepr> for CashFlows {
    type Error = InvestmentError;
    fn try_from(r: CashFlowsRepr) -> Result<Self, Self::Error> {
        CashFlows::new(r.currency, r.flows)
    }
}

impl From<CashFlows> for CashFlowsRepr {
    fn from(c: CashFlows) -> Self {
        CashFlowsRepr { currency: c.currency, flows: c.flows }
    }
}

impl CashFlows {
    /// Cash flows in `currency`, sorted by date (stable).
    ///
    /// # Errors
    ///
    /// [`InvestmentError::CurrencyMismatch`] naming the first flow in another
    /// currency.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
    /// use integration_outcomes::Currency;
    /// let euros = CashFlow::new("2020-01-01".parse()?, CashFlowKind::Repayment, "EUR 1".parse()?)?;
    /// assert!(CashFlows::new(Currency::GBP, [euros]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new<I: IntoIterator<Item = CashFlow>>(
        currency: Currency,
        flows: I,
    ) -> Result<CashFlows, InvestmentError> {
        let mut all = CashFlows { currency, flows: Vec::new() };
        all.push_all(flows)?;
        Ok(all)
    }

    /// Adds a flow, keeping date order.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::CurrencyMismatch`] if the flow is in another currency.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
    /// use integration_outcomes::Currency;
    /// let mut flows = CashFlows::new(Currency::GBP, [])?;
    /// flows.push(CashFlow::new("2021-01-01".parse()?, CashFlowKind::Repayment, "GBP 5".parse()?)?)?;
    /// flows.push(CashFlow::new("2020-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 4".parse()?)?)?;
    /// assert_eq!(flows.flows()[0].date(), "2020-01-01".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn push(&mut self, flow: CashFlow) -> Result<(), InvestmentError> {
        if flow.amount.currency() != self.currency {
            return Err(InvestmentError::CurrencyMismatch {
                position: self.flows.len(),
                date: flow.date,
                kind: flow.kind,
                expected: self.currency,
                found: flow.amount.currency(),
            });
        }
        let at = self.flows.partition_point(|f| f.date <= flow.date);
        self.flows.insert(at, flow);
        Ok(())
    }

    /// Adds every flow in `flows`, keeping date order.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::CurrencyMismatch`] naming the first flow in another
    /// currency; the flows before it have been added.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
    /// use integration_outcomes::Currency;
    /// let mut flows = CashFlows::new(Currency::GBP, [])?;
    /// flows.push_all([
    ///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::Repayment, "GBP 5".parse()?)?,
    ///     CashFlow::new("2020-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 4".parse()?)?,
    /// ])?;
    /// assert_eq!(flows.flows().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn push_all<I: IntoIterator<Item = CashFlow>>(
        &mut self,
        flows: I,
    ) -> Result<(), InvestmentError> {
        for flow in flows {
            self.push(flow)?;
        }
        Ok(())
    }

    /// The investment's currency.
    ///
    /// ```
    /// use integration_outcomes::finance::CashFlows;
    /// use integration_outcomes::Currency;
    /// let flows = CashFlows::new(Currency::EUR, [])?;
    /// assert_eq!(flows.currency(), Currency::EUR);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn currency(&self) -> Currency {
        self.currency
    }

    /// The flows in date order.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
    /// use integration_outcomes::Currency;
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2021-01-01".parse()?, CashFlowKind::Repayment, "GBP 5".parse()?)?,
    ///     CashFlow::new("2020-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 4".parse()?)?,
    /// ])?;
    /// assert_eq!(flows.flows()[0].kind(), CashFlowKind::CapitalDrawdown);
    /// assert_eq!(flows.flows()[1].kind(), CashFlowKind::Repayment);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn flows(&self) -> &[CashFlow] {
        &self.flows
    }

    /// Whether there are no flows.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
    /// use integration_outcomes::Currency;
    /// let mut flows = CashFlows::new(Currency::GBP, [])?;
    /// assert!(flows.is_empty());
    /// flows.push(CashFlow::new("2020-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 4".parse()?)?)?;
    /// assert!(!flows.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.flows.is_empty()
    }

    /// The total of all flows in `direction`, exact.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::Money`] if the sum overflows.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, FlowDirection};
    /// use integration_outcomes::Currency;
    /// let flows = CashFlows::new(Currency::GBP, [
    ///     CashFlow::new("2020-01-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 4".parse()?)?,
    ///     CashFlow::new("2020-06-01".parse()?, CashFlowKind::ServiceCost, "GBP 1".parse()?)?,
    /// ])?;
    /// assert_eq!(flows.total(FlowDirection::FromInvestor)?.to_string(), "GBP 5.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total(&self, direction: FlowDirection) -> Result<Money, InvestmentError> {
        let amounts = self.flows.iter().filter(|f| f.direction() == direction).map(|f| f.amount);
        Ok(Money::sum(self.currency, amounts)?)
    }

    /// The total of all flows of `kind`, exact.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::Money`] if the sum overflows.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
    /// use integration_outcomes::Currency;
    /// let flows = CashFlows::new(Currency::EUR, [
    ///     CashFlow::new("2013-09-01".parse()?, CashFlowKind::CapitalDrawdown, "EUR 250000".parse()?)?,
    ///     CashFlow::new("2014-12-31".parse()?, CashFlowKind::Interest, "EUR 3750".parse()?)?,
    ///     CashFlow::new("2015-12-31".parse()?, CashFlowKind::Interest, "EUR 3750".parse()?)?,
    /// ])?;
    /// assert_eq!(flows.total_of(CashFlowKind::Interest)?.to_string(), "EUR 7,500.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total_of(&self, kind: CashFlowKind) -> Result<Money, InvestmentError> {
        let amounts = self.flows.iter().filter(|f| f.kind == kind).map(|f| f.amount);
        Ok(Money::sum(self.currency, amounts)?)
    }

    /// The sum of the signed flows: what the investor gained (positive) or
    /// lost (negative), undiscounted.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::Money`] if the sum overflows.
    ///
    /// ```
    /// use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows};
    /// use integration_outcomes::Currency;
    /// let flows = CashFlows::new(Currency::USD, [
    ///     CashFlow::new("2012-08-01".parse()?, CashFlowKind::CapitalDrawdown, "USD 9600000".parse()?)?,
    ///     CashFlow::new("2015-08-31".parse()?, CashFlowKind::GuaranteePayment, "USD 7200000".parse()?)?,
    /// ])?;
    /// assert_eq!(flows.net()?.to_string(), "USD -2,400,000.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn net(&self) -> Result<Money, InvestmentError> {
        Ok(Money::sum(self.currency, self.flows.iter().map(CashFlow::net))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_goes_through_the_constructors() {
        let flows = CashFlows::new(
            Currency::GBP,
            [CashFlow::new(
                "2020-01-01".parse().unwrap(),
                CashFlowKind::CapitalDrawdown,
                Money::from_major(5, Currency::GBP),
            )
            .unwrap()],
        )
        .unwrap();
        let json = serde_json::to_string(&flows).unwrap();
        assert_eq!(
            json,
            r#"{"currency":"GBP","flows":[{"date":"2020-01-01","kind":"capital_drawdown","amount":{"amount":"5.00","currency":"GBP"}}]}"#
        );
        assert_eq!(serde_json::from_str::<CashFlows>(&json).unwrap(), flows);
        let negative = json.replace("\"5.00\"", "\"-5.00\"");
        assert!(serde_json::from_str::<CashFlows>(&negative).is_err());
        let euros = json.replace("\"currency\":\"GBP\"}", "\"currency\":\"EUR\"}");
        assert!(serde_json::from_str::<CashFlows>(&euros).is_err());
    }

    #[test]
    fn a_mismatch_names_the_flow_by_its_position_in_the_input() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let flow =
            |day, kind, money: &str| CashFlow::new(d(day), kind, money.parse().unwrap()).unwrap();
        let input = [
            flow("2021-01-01", CashFlowKind::Repayment, "GBP 5"),
            flow("2020-01-01", CashFlowKind::CapitalDrawdown, "GBP 4"),
            flow("2020-06-01", CashFlowKind::Repayment, "EUR 1"),
        ];
        assert!(matches!(
            CashFlows::new(Currency::GBP, input),
            Err(InvestmentError::CurrencyMismatch { position: 2, .. })
        ));
    }

    #[test]
    fn flows_stay_in_date_order_and_mismatches_name_the_flow() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let gbp = |n| Money::from_major(n, Currency::GBP);
        let mut flows = CashFlows::new(Currency::GBP, []).unwrap();
        flows
            .push(CashFlow::new(d("2021-01-01"), CashFlowKind::Repayment, gbp(1)).unwrap())
            .unwrap();
        flows
            .push(CashFlow::new(d("2020-01-01"), CashFlowKind::CapitalDrawdown, gbp(2)).unwrap())
            .unwrap();
        flows
            .push(CashFlow::new(d("2021-01-01"), CashFlowKind::Interest, gbp(3)).unwrap())
            .unwrap();
        let kinds: Vec<CashFlowKind> = flows.flows().iter().map(CashFlow::kind).collect();
        assert_eq!(
            kinds,
            [CashFlowKind::CapitalDrawdown, CashFlowKind::Repayment, CashFlowKind::Interest]
        );
        let err = flows
            .push(
                CashFlow::new(
                    d("2022-01-01"),
                    CashFlowKind::Repayment,
                    Money::from_major(1, Currency::EUR),
                )
                .unwrap(),
            )
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "cash flow 3 (repayment on 2022-01-01) is in EUR, but the investment is in GBP"
        );
        assert_eq!(flows.total_of(CashFlowKind::Interest).unwrap(), gbp(3));
    }
}
