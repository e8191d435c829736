//! Property tests for the investor view: the money multiple and NPV agree
//! with the flows, scaling every flow scales the NPV and leaves the multiple
//! and IRR unchanged, an IRR when found makes the NPV zero within the
//! documented tolerance, and a capped-return waterfall's allocations sum
//! exactly to what was paid.

// Helpers outside #[test] functions unwrap too: a panic is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use integration_outcomes::finance::{
    CappedReturnWaterfall, CashFlow, CashFlowKind, CashFlows, FlowDirection, Guarantee,
    InvestmentError, InvestmentTerm, NpvOptions, PartyShares, ReturnBasis, ReturnCap,
    XIRR_TOLERANCE, XirrOptions,
};
use integration_outcomes::{
    Currency, Date, Money, Rate, RoundingPolicy, RoundingStage, RoundingStrategy,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

const KINDS: [CashFlowKind; 6] = [
    CashFlowKind::CapitalDrawdown,
    CashFlowKind::ServiceCost,
    CashFlowKind::OutcomePayment,
    CashFlowKind::Repayment,
    CashFlowKind::Interest,
    CashFlowKind::GuaranteePayment,
];

fn start() -> Date {
    "2010-01-01".parse().unwrap()
}

/// A date within fifteen years of 1 January 2010.
fn a_date() -> impl Strategy<Value = Date> {
    (0_i64..5_500).prop_map(|days| start().checked_add(jiff::Span::new().days(days)).unwrap())
}

/// Pounds and pence up to £10m.
fn an_amount() -> impl Strategy<Value = Money> {
    (0_i64..1_000_000_000).prop_map(|pence| Money::from_minor(pence, Currency::GBP))
}

/// Any flow.
fn a_flow() -> impl Strategy<Value = CashFlow> {
    (a_date(), 0_usize..KINDS.len(), an_amount())
        .prop_map(|(date, kind, amount)| CashFlow::new(date, KINDS[kind], amount).unwrap())
}

/// Up to twenty flows of any kinds.
fn any_flows() -> impl Strategy<Value = CashFlows> {
    prop::collection::vec(a_flow(), 1..20)
        .prop_map(|flows| CashFlows::new(Currency::GBP, flows).unwrap())
}

/// Drawdowns, then (at least a day later) receipts: one sign change.
fn invest_then_receive() -> impl Strategy<Value = CashFlows> {
    (
        prop::collection::vec((0_i64..1_500, 1_i64..1_000_000_000), 1..6),
        prop::collection::vec((1_i64..3_000, 1_i64..2_000_000_000), 1..6),
    )
        .prop_map(|(outs, ins)| {
            let last_out = outs.iter().map(|(d, _)| *d).max().unwrap_or(0);
            let mut flows = CashFlows::new(Currency::GBP, []).unwrap();
            for (d, pence) in outs {
                let date = start().checked_add(jiff::Span::new().days(d)).unwrap();
                let amount = Money::from_minor(pence, Currency::GBP);
                flows
                    .push(CashFlow::new(date, CashFlowKind::CapitalDrawdown, amount).unwrap())
                    .unwrap();
            }
            for (d, pence) in ins {
                let date = start().checked_add(jiff::Span::new().days(last_out + d)).unwrap();
                let amount = Money::from_minor(pence, Currency::GBP);
                flows
                    .push(CashFlow::new(date, CashFlowKind::OutcomePayment, amount).unwrap())
                    .unwrap();
            }
            flows
        })
}

/// A discount rate from −50% to +50% a year in basis points.
fn a_rate() -> impl Strategy<Value = Rate> {
    (-5_000_i64..5_000).prop_map(|bp| Rate::from_fraction(Decimal::new(bp, 4)))
}

fn scaled(flows: &CashFlows, k: u64) -> CashFlows {
    CashFlows::new(
        flows.currency(),
        flows.flows().iter().map(|f| {
            CashFlow::new(f.date(), f.kind(), f.amount().checked_mul_count(k).unwrap()).unwrap()
        }),
    )
    .unwrap()
}

/// The relative NPV residual at `r`, computed independently of the library.
fn relative_residual(flows: &CashFlows, r: f64) -> f64 {
    let first = flows.flows()[0].date();
    let (mut value, mut scale) = (0.0, 0.0);
    for f in flows.flows() {
        let t = f64::from(first.until(f.date()).unwrap().get_days()) / 365.0;
        let a = f.net().amount().to_f64().unwrap();
        let v = (1.0 + r).powf(-t);
        value += a * v;
        scale += a.abs() * v;
    }
    (value / scale).abs()
}

fn pence() -> RoundingPolicy {
    RoundingPolicy::for_currency(
        Currency::GBP,
        RoundingStrategy::TowardZero,
        RoundingStage::PerTotal,
    )
}

/// A waterfall with up to five investors and three surplus parties, a cap
/// on any basis, and sometimes a guarantee.
fn a_waterfall() -> impl Strategy<Value = CappedReturnWaterfall> {
    (
        1_i64..1_000_000_000,
        0_i64..2_000,
        0_usize..3,
        1_i64..4_000,
        prop::collection::vec(0_u32..100, 1..6),
        prop::collection::vec(0_u32..100, 1..4),
        prop::option::of(0_u32..=100),
    )
        .prop_filter("weights must not all be zero", |(_, _, _, _, inv, sur, _)| {
            inv.iter().any(|w| *w > 0) && sur.iter().any(|w| *w > 0)
        })
        .prop_map(|(principal, cap_bp, basis, days, inv, sur, guarantee_pct)| {
            let principal = Money::from_minor(principal, Currency::GBP);
            let basis =
                [ReturnBasis::Simple, ReturnBasis::CompoundAnnually, ReturnBasis::WholeTerm][basis];
            let cap = ReturnCap::new(Rate::from_fraction(Decimal::new(cap_bp, 4)), basis).unwrap();
            let term = InvestmentTerm::new(
                start(),
                start().checked_add(jiff::Span::new().days(days)).unwrap(),
            )
            .unwrap();
            let named = |prefix: &str, ws: &[u32]| {
                PartyShares::new(
                    ws.iter()
                        .enumerate()
                        .map(|(i, w)| (format!("{prefix} {i}"), Decimal::from(*w))),
                )
                .unwrap()
            };
            let w = CappedReturnWaterfall::new(
                principal,
                cap,
                term,
                named("investor", &inv),
                named("party", &sur),
                pence(),
            )
            .unwrap();
            match guarantee_pct {
                Some(pct) => {
                    let limit = principal
                        .allocate(&[Decimal::from(pct), Decimal::from(100 - pct)])
                        .unwrap()[0];
                    w.with_guarantee(Guarantee::new("guarantor", limit).unwrap()).unwrap()
                }
                None => w,
            }
        })
}

proptest! {
    #[test]
    fn npv_at_zero_is_the_sum_of_the_flows(flows in any_flows()) {
        prop_assert_eq!(flows.npv(Rate::ZERO, NpvOptions::new()).unwrap(), flows.net().unwrap());
    }

    #[test]
    fn moic_agrees_with_the_flows(flows in any_flows()) {
        match flows.moic() {
            Ok(m) => {
                prop_assert_eq!(m.returned(), flows.total(FlowDirection::ToInvestor).unwrap());
                prop_assert_eq!(m.invested(), flows.total(FlowDirection::FromInvestor).unwrap());
                prop_assert_eq!(m.returned().checked_sub(m.invested()).unwrap(), flows.net().unwrap());
                // At least 1× exactly when the investor did not lose money.
                prop_assert_eq!(m.is_at_least(Decimal::ONE).unwrap(), !flows.net().unwrap().is_negative());
            }
            Err(e) => {
                prop_assert_eq!(e, InvestmentError::NothingInvested);
                prop_assert!(flows.total(FlowDirection::FromInvestor).unwrap().is_zero());
            }
        }
    }

    #[test]
    fn scaling_scales_npv_and_keeps_moic(flows in any_flows(), k in 1_u64..100, rate in a_rate()) {
        let big = scaled(&flows, k);
        let npv = flows.npv(rate, NpvOptions::new()).unwrap();
        // Each present value is rounded to 12 decimal places, so linearity
        // holds to within half a unit in the 12th place per flow, on each side.
        let diff = big.npv(rate, NpvOptions::new()).unwrap().checked_sub(npv.checked_mul_count(k).unwrap()).unwrap();
        let flows_n = Decimal::from(flows.flows().len());
        let tolerance = flows_n * Decimal::from(k + 1) * Decimal::new(5, 13);
        prop_assert!(diff.amount().abs() <= tolerance, "{diff} exceeds {tolerance}");
        if let (Ok(a), Ok(b)) = (flows.moic(), big.moic()) {
            // a.returned / a.invested == b.returned / b.invested, by cross-multiplication.
            let left = a.returned().amount() * b.invested().amount();
            let right = b.returned().amount() * a.invested().amount();
            prop_assert_eq!(left, right);
        }
    }

    #[test]
    fn scaling_keeps_the_irr(flows in any_flows(), k in 2_u64..100) {
        let big = scaled(&flows, k);
        match (flows.xirr(XirrOptions::new()), big.xirr(XirrOptions::new())) {
            (Ok(a), Ok(b)) => prop_assert!((a.rate() - b.rate()).abs() <= 1e-9 * a.rate().abs().max(1.0)),
            (Err(a), Err(b)) => prop_assert_eq!(std::mem::discriminant(&a), std::mem::discriminant(&b)),
            (a, b) => prop_assert!(false, "scaling changed the outcome: {:?} vs {:?}", a, b),
        }
    }

    #[test]
    fn an_irr_makes_the_npv_zero(flows in any_flows()) {
        if let Ok(irr) = flows.xirr(XirrOptions::new()) {
            prop_assert!(irr.residual() <= XIRR_TOLERANCE);
            prop_assert!(relative_residual(&flows, irr.rate()) <= XIRR_TOLERANCE);
        }
    }

    #[test]
    fn one_sign_change_has_one_irr(flows in invest_then_receive()) {
        match flows.xirr(XirrOptions::new()) {
            Ok(irr) => {
                prop_assert!(relative_residual(&flows, irr.rate()) <= XIRR_TOLERANCE);
                // The rate is a gain exactly when more came back than went in.
                let gain = flows.moic().unwrap().is_at_least(Decimal::ONE).unwrap();
                prop_assert!(gain == (irr.rate() >= -1e-12), "{} {}", irr, gain);
            }
            Err(InvestmentError::NoIrrInRange { .. }) => {}
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    #[test]
    fn two_flows_match_the_closed_form(
        out in 1_i64..1_000_000_000,
        back in 1_i64..1_000_000_000,
        days in 30_i64..4_000,
    ) {
        // −out today, +back after `days`: (1+r)^(days/365) = back/out.
        let later = start().checked_add(jiff::Span::new().days(days)).unwrap();
        let flows = CashFlows::new(Currency::GBP, [
            CashFlow::new(start(), CashFlowKind::CapitalDrawdown, Money::from_minor(out, Currency::GBP)).unwrap(),
            CashFlow::new(later, CashFlowKind::Repayment, Money::from_minor(back, Currency::GBP)).unwrap(),
        ]).unwrap();
        let years = f64::from(i32::try_from(days).unwrap()) / 365.0;
        #[allow(clippy::cast_precision_loss)] // below 2^53, exact
        let expected = (back as f64 / out as f64).powf(1.0 / years) - 1.0;
        match flows.xirr(XirrOptions::new()) {
            Ok(irr) => prop_assert!(
                (irr.rate() - expected).abs() <= 1e-9 * expected.abs().max(1.0),
                "{} vs {}", irr.rate(), expected
            ),
            Err(InvestmentError::NoIrrInRange { .. }) => prop_assert!(
                !(integration_outcomes::finance::XIRR_LOWEST_RATE..=integration_outcomes::finance::XIRR_HIGHEST_RATE)
                    .contains(&expected)
            ),
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    #[test]
    fn npv_changes_sign_at_the_irr(flows in invest_then_receive()) {
        if let Ok(irr) = flows.xirr(XirrOptions::new()) {
            let r = irr.rate();
            prop_assume!(r > -0.9 && r < 10.0);
            let rate = |x: f64| Rate::from_fraction(
                RoundingStrategy::MidpointNearestEven.round(Decimal::from_f64_retain(x).unwrap(), 6),
            );
            let below = flows.npv(rate(r - 0.01), NpvOptions::new()).unwrap();
            let above = flows.npv(rate(r + 0.01), NpvOptions::new()).unwrap();
            prop_assert!(!below.is_negative() && !below.is_zero(), "NPV below the IRR: {}", below);
            prop_assert!(above.is_negative(), "NPV above the IRR: {}", above);
        }
    }

    #[test]
    fn waterfall_allocations_sum_exactly(w in a_waterfall(), paid in 0_i64..2_000_000_000) {
        let paid = Money::from_minor(paid, Currency::GBP);
        let d = w.distribute(paid).unwrap();
        let sum = |xs: Vec<Money>| Money::sum(Currency::GBP, xs).unwrap();
        prop_assert_eq!(d.to_investors().checked_add(d.surplus()).unwrap(), paid);
        prop_assert_eq!(sum(d.surplus_lines().iter().map(|(_, m)| *m).collect()), d.surplus());
        let lines = d.investor_lines();
        prop_assert_eq!(sum(lines.iter().map(|l| l.from_payments()).collect()), d.to_investors());
        prop_assert_eq!(sum(lines.iter().map(|l| l.from_guarantee()).collect()), d.guarantee_called());
        prop_assert_eq!(sum(lines.iter().map(|l| l.loss()).collect()), d.loss());
        prop_assert!(d.to_investors().amount() <= d.investor_limit().amount());
        if d.to_investors().amount() < w.principal().amount() {
            let covered = d.to_investors().checked_add(d.guarantee_called()).unwrap();
            prop_assert_eq!(covered.checked_add(d.loss()).unwrap(), w.principal());
        } else {
            prop_assert!(d.loss().is_zero() && d.guarantee_called().is_zero());
        }
        if let Some(g) = w.guarantee() {
            prop_assert!(d.guarantee_called().amount() <= g.limit().amount());
        }
        prop_assert!(!d.surplus().is_negative() && !d.loss().is_negative());
    }
}
