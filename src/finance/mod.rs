//! The money around the outcomes: the investor view of an outcomes contract
//! and the whole-system cost of care.
//!
//! **Investor view.** [`CashFlows`] holds an investment's dated
//! [`CashFlow`]s (capital drawn down, service costs, outcome payments,
//! repayments, interest, guarantee payments), signed from the investor's
//! point of view by their [`CashFlowKind`]. From them: the money multiple
//! ([`CashFlows::moic`], exact), the net present value at a rate over actual
//! dates ([`CashFlows::npv`]) and the internal rate of return over irregular
//! dates ([`CashFlows::xirr`]), which is an error, never a wrong number, when
//! no single rate exists. A [`CappedReturnWaterfall`] splits outcome
//! payments between investors (up to principal plus a capped return), surplus
//! parties and a [`Guarantee`] of principal, exactly. A settled
//! [`Statement`](crate::outcomes::Statement)'s payments become dated
//! outcome-payment flows with [`CashFlows::add_statement_payments`] and a
//! declared [`PaymentTiming`].
//!
//! Money stays exact `Decimal`; rates, discount factors and the IRR are
//! `f64` (see `DESIGN.md`, "Investor view").
//!
//! **Whole-system cost of care.** A [`CostLedger`] holds [`SpendRecord`]s by
//! person or population segment ([`Subject`]), partner organisation (an NHS
//! board, each local authority), [`Sector`], service and [`ReportingPeriod`]: exact
//! totals, breakdowns with shares, cost per head, and the change between
//! periods or between a cohort and its comparison group. [`UnitCosts`] turn
//! avoided activity into the [`Saving`] it represents per partner, and from it
//! an outcome price through the payments module's
//! [`SavingsPricing`](crate::outcomes::SavingsPricing).
//!
//! # Example
//!
//! ```
//! use integration_outcomes::finance::{CashFlow, CashFlowKind, CashFlows, XirrOptions};
//! use integration_outcomes::Currency;
//! use rust_decimal::Decimal;
//!
//! let flows = CashFlows::new(Currency::GBP, [
//!     CashFlow::new("2012-09-01".parse()?, CashFlowKind::CapitalDrawdown, "GBP 1000000".parse()?)?,
//!     CashFlow::new("2017-09-01".parse()?, CashFlowKind::Repayment, "GBP 1000000".parse()?)?,
//!     CashFlow::new("2017-09-01".parse()?, CashFlowKind::Interest, "GBP 164000".parse()?)?,
//! ])?;
//! assert!(flows.moic()?.is_at_least(Decimal::new(1164, 3))?);
//! let irr = flows.xirr(XirrOptions::new())?;
//! assert!(irr.rate() > 0.03 && irr.rate() < 0.032);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The README's example (keep the two in step):
//!
//! ```
//! use integration_outcomes::finance::{
//!     CappedReturnWaterfall, CashFlow, CashFlowKind, CashFlows, Guarantee, InvestmentTerm,
//!     PartyShares, ReturnBasis, ReturnCap, XirrOptions,
//! };
//! use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
//! use rust_decimal::Decimal;
//!
//! // Rikers Island: a $9.6m loan, $7.2m guaranteed; below the first band the
//! // city pays nothing.
//! let cents = RoundingPolicy::for_currency(Currency::USD, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
//! let waterfall = CappedReturnWaterfall::new(
//!     "USD 9600000".parse()?,
//!     ReturnCap::new("5.1%".parse()?, ReturnBasis::CompoundAnnually)?,
//!     InvestmentTerm::new("2012-09-01".parse()?, "2015-08-31".parse()?)?,
//!     PartyShares::new([("Goldman Sachs", Decimal::ONE)])?,
//!     PartyShares::new([("City of New York", Decimal::ONE)])?,
//!     cents,
//! )?
//! .with_guarantee(Guarantee::new("Bloomberg Philanthropies", "USD 7200000".parse()?)?)?;
//! let outcome = waterfall.distribute(Money::zero(Currency::USD))?;
//! assert_eq!(outcome.loss().to_string(), "USD 2,400,000.00");
//!
//! let mut flows = CashFlows::new(Currency::USD, [
//!     CashFlow::new("2012-09-01".parse()?, CashFlowKind::CapitalDrawdown, "USD 9600000".parse()?)?,
//! ])?;
//! for flow in outcome.investor_cash_flows("2015-08-31".parse()?)? {
//!     flows.push(flow)?;
//! }
//! assert_eq!(flows.moic()?.to_string(), "0.75×");
//! let irr = flows.xirr(XirrOptions::new())?;
//! assert!(irr.rate() < -0.09 && irr.rate() > -0.10); // about −9.1% a year
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod cash_flow;
mod cost_benefit;
mod error;
mod guarantee;
mod ledger;
mod measures;
mod payments;
mod waterfall;
mod xirr;

pub use cash_flow::{CashFlow, CashFlowKind, CashFlows, FlowDirection};
pub use cost_benefit::{AvoidedActivity, Saving, SavingLine, UnitCosts};
pub use error::{CostBenefitError, InvestmentError, LedgerError};
pub use guarantee::Guarantee;
pub use ledger::{
    Breakdown, BreakdownLine, CostCentre, CostChange, CostLedger, Group, NegativeSpend, Partner,
    PartnerKind, ReportingPeriod, Sector, Selection, SpendRecord, Subject,
};
pub use measures::{DayCount, MoneyMultiple, NpvOptions};
pub use payments::{PaymentTiming, outcome_payment_flows};
pub use waterfall::{
    CappedReturnWaterfall, Distribution, InvestmentTerm, InvestorLine, PartyShares, ReturnBasis,
    ReturnCap,
};
pub use xirr::{Irr, XIRR_HIGHEST_RATE, XIRR_LOWEST_RATE, XIRR_TOLERANCE, XirrOptions};
