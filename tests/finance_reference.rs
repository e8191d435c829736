//! Reference tests for the investor view: published results of four outcomes
//! contracts (sources and confidence levels in
//! `/work/shared/domain/sib-payment-facts.md`, section numbers cited per test)
//! reproduced through the `finance` namespace.

// Helpers outside #[test] functions unwrap too: a panic is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use integration_outcomes::finance::{
    CappedReturnWaterfall, CashFlow, CashFlowKind, CashFlows, FlowDirection, Guarantee,
    InvestmentTerm, NpvOptions, PartyShares, ReturnBasis, ReturnCap, XirrOptions,
};
use integration_outcomes::{
    Currency, Date, Money, Rate, RoundingPolicy, RoundingStage, RoundingStrategy,
};
use rust_decimal::Decimal;
use rust_decimal::dec;
use rust_decimal::prelude::ToPrimitive;

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn money(s: &str) -> Money {
    s.parse().unwrap()
}

fn flow(d: &str, kind: CashFlowKind, amount: Money) -> CashFlow {
    CashFlow::new(date(d), kind, amount).unwrap()
}

fn minor_units(currency: Currency) -> RoundingPolicy {
    RoundingPolicy::for_currency(currency, RoundingStrategy::TowardZero, RoundingStage::PerTotal)
}

/// §3 Essex Edge of Care: investors received 1.45 times the £3.1m committed
/// ([C], SF-Essex-proj); 1.45 × £3.1m = £4.495m ([D]).
///
/// Construction: the multiple is of committed capital and the timing of the
/// outcome payments is not published, so the flows draw the whole £3.1m at
/// the service start (April 2013) and receive £4.495m in six equal annual
/// instalments (split exactly with `Money::allocate`) to March 2019, when the
/// SIB completed. The multiple does not depend on the timing.
#[test]
fn essex_returns_one_point_four_five_times_committed_capital() {
    let paid_back = money("GBP 4495000");
    let instalments = paid_back.allocate(&[Decimal::ONE; 6]).unwrap();
    let mut flows = CashFlows::new(
        Currency::GBP,
        [flow("2013-04-01", CashFlowKind::CapitalDrawdown, money("GBP 3100000"))],
    )
    .unwrap();
    for (year, instalment) in (2014..=2019).zip(instalments) {
        flows
            .push(flow(&format!("{year}-03-31"), CashFlowKind::OutcomePayment, instalment))
            .unwrap();
    }
    assert_eq!(flows.total(FlowDirection::ToInvestor).unwrap(), paid_back);
    let moic = flows.moic().unwrap();
    assert_eq!(moic.as_decimal().unwrap(), dec!(1.45));
    assert!(moic.is_at_least(dec!(1.45)).unwrap());
    assert!(!moic.is_at_least(dec!(1.4500001)).unwrap());
    assert_eq!(moic.to_string(), "1.45×");
    // A gain, so a positive IRR, and the NPV at it is zero to tolerance.
    let irr = flows.xirr(XirrOptions::new()).unwrap();
    assert!(irr.rate() > 0.0);
    assert!(irr.residual() <= integration_outcomes::finance::XIRR_TOLERANCE);
}

/// §4 Eleven Augsburg: exactly 20 young people met the criterion, so the
/// investors were repaid the €250,000 advanced plus 3% ([C],
/// aktive-buergerschaft; Alpine Space), over the project term September 2013 –
/// December 2015 (28 months).
///
/// Construction: one drawdown on 1 September 2013 and the all-or-nothing
/// payment on 31 December 2015 (851 days); the 3% is for the whole term
/// (`ReturnBasis::WholeTerm`), as published.
#[test]
fn augsburg_repays_principal_plus_three_per_cent() {
    let term = InvestmentTerm::new(date("2013-09-01"), date("2015-12-31")).unwrap();
    assert_eq!(term.days().unwrap(), 851);
    let waterfall = CappedReturnWaterfall::new(
        money("EUR 250000"),
        ReturnCap::new("3%".parse().unwrap(), ReturnBasis::WholeTerm).unwrap(),
        term,
        PartyShares::new([
            ("BHF-BANK-Stiftung", Decimal::ONE),
            ("BMW Stiftung Herbert Quandt", Decimal::ONE),
            ("Eberhard von Kuenheim Stiftung", Decimal::ONE),
            ("BonVenture", Decimal::ONE),
        ])
        .unwrap(),
        PartyShares::new([("Bavarian State Ministry (StMAS)", Decimal::ONE)]).unwrap(),
        minor_units(Currency::EUR),
    )
    .unwrap();
    assert_eq!(waterfall.investor_limit().unwrap(), money("EUR 257500"));

    // Criterion met: the ministry pays principal plus 3%.
    let d = waterfall.distribute(money("EUR 257500")).unwrap();
    assert_eq!(d.to_investors(), money("EUR 257500"));
    assert!(d.surplus().is_zero() && d.loss().is_zero());
    let mut flows = CashFlows::new(
        Currency::EUR,
        [flow("2013-09-01", CashFlowKind::CapitalDrawdown, money("EUR 250000"))],
    )
    .unwrap();
    for f in d.investor_cash_flows(date("2015-12-31")).unwrap() {
        flows.push(f).unwrap();
    }
    assert_eq!(flows.moic().unwrap().as_decimal().unwrap(), dec!(1.03));
    let irr = flows.xirr(XirrOptions::new()).unwrap();
    let expected = 1.03_f64.powf(365.0 / 851.0) - 1.0;
    assert!((irr.rate() - expected).abs() < 1e-10, "{irr} vs {expected}");
    assert_eq!(irr.to_string(), "1.2759% a year");

    // Criterion missed (19 of 20): nothing is paid and, without a guarantee,
    // the investors lose the principal.
    let missed = waterfall.distribute(Money::zero(Currency::EUR)).unwrap();
    assert_eq!(missed.loss(), money("EUR 250000"));
    assert_eq!(missed.investor_lines()[0].loss(), money("EUR 62500"));
}

/// §5.1 Rikers Island (NYC ABLE): Goldman Sachs lent $9.6m, Bloomberg
/// Philanthropies guaranteed $7.2m ([C], MDRC); below the 8.5% band the city
/// pays nothing and 25% of principal is lost ([C], SVA): the investor loses
/// $2.4m of $9.6m after the guarantee. The programme ended on 31 August 2015
/// without meeting the threshold ([C], MDRC statement).
///
/// Construction: the multiple-draw loan is drawn at once on 1 September 2012;
/// the guarantee is paid on 31 August 2015. The cap (5.1% a year, the 20%
/// band's estimated IRR) does not matter below the first band.
#[test]
fn rikers_island_investor_loses_a_quarter_after_the_guarantee() {
    let waterfall = CappedReturnWaterfall::new(
        money("USD 9600000"),
        ReturnCap::new("5.1%".parse().unwrap(), ReturnBasis::CompoundAnnually).unwrap(),
        InvestmentTerm::new(date("2012-09-01"), date("2015-08-31")).unwrap(),
        PartyShares::new([("Goldman Sachs", Decimal::ONE)]).unwrap(),
        PartyShares::new([("City of New York", Decimal::ONE)]).unwrap(),
        minor_units(Currency::USD),
    )
    .unwrap()
    .with_guarantee(Guarantee::new("Bloomberg Philanthropies", money("USD 7200000")).unwrap())
    .unwrap();
    let d = waterfall.distribute(Money::zero(Currency::USD)).unwrap();
    assert_eq!(d.shortfall(), money("USD 9600000"));
    assert_eq!(d.guarantee_called(), money("USD 7200000"));
    assert_eq!(d.loss(), money("USD 2400000"));
    // 25% of principal lost.
    assert_eq!(d.loss().amount() * Decimal::from(4), waterfall.principal().amount());

    let mut flows = CashFlows::new(
        Currency::USD,
        [flow("2012-09-01", CashFlowKind::CapitalDrawdown, money("USD 9600000"))],
    )
    .unwrap();
    for f in d.investor_cash_flows(date("2015-08-31")).unwrap() {
        flows.push(f).unwrap();
    }
    assert_eq!(flows.net().unwrap(), money("USD -2400000"));
    assert_eq!(flows.moic().unwrap().as_decimal().unwrap(), dec!(0.75));
    let irr = flows.xirr(XirrOptions::new()).unwrap();
    assert!(irr.rate() < 0.0);
}

/// §1 Peterborough: one payment to the 17 investors of their capital plus
/// "just over 3% per annum" for the investment period, about five years
/// ([C], Barrow-2017; Pioneers-2017; RI-2017), announced 27 July 2017; up to
/// £5m committed, not all drawn ([C], CivilSoc-2014).
///
/// Construction (the drawdown schedule is not published): £5m drawn in five
/// equal tranches each 1 September from 2010 (service start) to 2014; the
/// single payment on 27 July 2017 is each tranche grown at 3.1% a year
/// (compound, actual/365) to that date, rounded down to the penny. The test
/// checks the published description against the measures: capital repaid
/// (multiple above 1), an IRR just over 3% a year, a money-weighted average
/// holding period of about five years, and the 13% a year cap ([C],
/// SocEcon-290) not binding.
#[test]
fn peterborough_repays_capital_with_just_over_three_per_cent_a_year() {
    let repaid_on = date("2017-07-27");
    let tranche = money("GBP 1000000");
    let mut flows = CashFlows::new(Currency::GBP, []).unwrap();
    let mut payment = Money::zero(Currency::GBP);
    let mut weighted_years = 0.0;
    for year in 2010..=2014 {
        let drawn = date(&format!("{year}-09-01"));
        flows.push(CashFlow::new(drawn, CashFlowKind::CapitalDrawdown, tranche).unwrap()).unwrap();
        let years = f64::from(drawn.until(repaid_on).unwrap().get_days()) / 365.0;
        weighted_years += years / 5.0;
        let grown = 1_000_000.0 * 1.031_f64.powf(years);
        let grown = RoundingStrategy::TowardZero.round(Decimal::from_f64_retain(grown).unwrap(), 2);
        payment = payment.checked_add(Money::new(grown, Currency::GBP)).unwrap();
    }
    flows.push(CashFlow::new(repaid_on, CashFlowKind::OutcomePayment, payment).unwrap()).unwrap();

    assert!((4.5..5.5).contains(&weighted_years), "about five years: {weighted_years}");
    let moic = flows.moic().unwrap();
    assert!(moic.is_at_least(Decimal::ONE).unwrap(), "capital repaid");
    assert!(!moic.is_at_least(dec!(1.2)).unwrap());
    let irr = flows.xirr(XirrOptions::new()).unwrap();
    assert!(irr.rate() > 0.03 && irr.rate() < 0.035, "just over 3% a year: {irr}");
    assert!((irr.rate() - 0.031).abs() < 1e-8, "{irr}");
    // At the IRR, rounded to a basis point, the NPV is small against £5m.
    let at_irr = flows
        .npv(irr.to_rate(4, RoundingStrategy::MidpointAwayFromZero).unwrap(), NpvOptions::new())
        .unwrap();
    assert!(at_irr.amount().abs().to_f64().unwrap() < 1.0, "{at_irr}");
    // Discounting at more than the IRR gives a negative NPV.
    let at_five: Rate = "5%".parse().unwrap();
    assert!(flows.npv(at_five, NpvOptions::new()).unwrap().is_negative());

    // The 13% a year cap does not bind: everything paid goes to investors.
    let waterfall = CappedReturnWaterfall::new(
        money("GBP 5000000"),
        ReturnCap::new("13%".parse().unwrap(), ReturnBasis::CompoundAnnually).unwrap(),
        InvestmentTerm::new(date("2010-09-01"), repaid_on).unwrap(),
        PartyShares::new([("17 investors", Decimal::ONE)]).unwrap(),
        PartyShares::new([("Ministry of Justice", Decimal::ONE)]).unwrap(),
        minor_units(Currency::GBP),
    )
    .unwrap();
    let d = waterfall.distribute(payment).unwrap();
    assert_eq!(d.to_investors(), payment);
    assert!(d.surplus().is_zero());
}
