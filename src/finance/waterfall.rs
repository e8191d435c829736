//! The capped-return waterfall: who gets how much of the outcome payments.

use std::collections::BTreeSet;
use std::fmt;

use rust_decimal::{Decimal, MathematicalOps};

use crate::money::allocation::{WeightError, integer_weights};
use crate::{Date, Money, Rate, RoundingPolicy};

use super::measures::days_between;
use super::{CashFlow, CashFlowKind, Guarantee, InvestmentError};

/// How a capped annual return accrues over the term.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{InvestmentTerm, ReturnBasis, ReturnCap};
/// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
///
/// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
/// let term = InvestmentTerm::new("2020-01-01".parse()?, "2022-01-01".parse()?)?; // 731 days
/// let principal = Money::from_major(1_000, Currency::GBP);
/// let simple = ReturnCap::new("10%".parse()?, ReturnBasis::Simple)?;
/// let compound = ReturnCap::new("10%".parse()?, ReturnBasis::CompoundAnnually)?;
/// assert_eq!(simple.return_on(principal, term, &pence)?.to_string(), "GBP 200.27"); // 1000 × 10% × 731/365
/// assert_eq!(compound.return_on(principal, term, &pence)?.to_string(), "GBP 210.00"); // 1000 × (1.1² − 1)
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReturnBasis {
    /// Simple interest: `principal × rate × days / 365`.
    Simple,
    /// Compounded on each anniversary of the start, with simple interest
    /// (actual/365) for the final broken period:
    /// `principal × ((1 + rate)ⁿ × (1 + rate × d / 365) − 1)`, `n` whole
    /// years and `d` the days after the last anniversary.
    CompoundAnnually,
    /// The rate once for the whole term, whatever its length
    /// (`principal × rate`): "€250,000 repaid plus 3%".
    WholeTerm,
}

/// The most an investor may earn on top of principal: a non-negative rate
/// and how it accrues.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{ReturnBasis, ReturnCap};
/// let peterborough = ReturnCap::new("13%".parse()?, ReturnBasis::CompoundAnnually)?;
/// assert_eq!(peterborough.rate().to_string(), "13%");
/// assert!(ReturnCap::new("-1%".parse()?, ReturnBasis::Simple).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "ReturnCapRepr", into = "ReturnCapRepr")]
pub struct ReturnCap {
    rate: Rate,
    basis: ReturnBasis,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ReturnCapRepr {
    rate: Rate,
    basis: ReturnBasis,
}

impl TryFrom<ReturnCapRepr> for ReturnCap {
    type Error = InvestmentError;
    fn try_from(r: ReturnCapRepr) -> Result<Self, Self::Error> {
        ReturnCap::new(r.rate, r.basis)
    }
}

impl From<ReturnCap> for ReturnCapRepr {
    fn from(v: ReturnCap) -> Self {
        ReturnCapRepr { rate: v.rate, basis: v.basis }
    }
}

impl ReturnCap {
    /// A cap of `rate` accruing on `basis`.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::NegativeReturnCap`] if the rate is negative.
    ///
    /// ```
    /// use integration_outcomes::finance::{InvestmentError, ReturnBasis, ReturnCap};
    /// let cap = ReturnCap::new("3%".parse()?, ReturnBasis::WholeTerm)?;
    /// assert_eq!(cap.basis(), ReturnBasis::WholeTerm);
    /// assert!(matches!(
    ///     ReturnCap::new("-1%".parse()?, ReturnBasis::Simple),
    ///     Err(InvestmentError::NegativeReturnCap { .. })
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(rate: Rate, basis: ReturnBasis) -> Result<ReturnCap, InvestmentError> {
        if rate.is_negative() {
            return Err(InvestmentError::NegativeReturnCap { rate });
        }
        Ok(ReturnCap { rate, basis })
    }

    /// The rate.
    ///
    /// ```
    /// use integration_outcomes::Rate;
    /// use integration_outcomes::finance::{ReturnBasis, ReturnCap};
    /// let cap = ReturnCap::new("5.1%".parse()?, ReturnBasis::CompoundAnnually)?;
    /// assert_eq!(cap.rate(), "0.051".parse::<Rate>()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rate(&self) -> Rate {
        self.rate
    }

    /// How it accrues.
    ///
    /// ```
    /// use integration_outcomes::finance::{ReturnBasis, ReturnCap};
    /// let cap = ReturnCap::new("5.1%".parse()?, ReturnBasis::CompoundAnnually)?;
    /// assert_eq!(cap.basis(), ReturnBasis::CompoundAnnually);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn basis(&self) -> ReturnBasis {
        self.basis
    }

    /// The capped return on `principal` over `term`, computed exactly (a
    /// compound factor to `Decimal`'s 28 significant digits) and rounded
    /// once with `rounding`.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::DateOutOfRange`] for unusable dates;
    /// [`InvestmentError::Money`] on overflow.
    ///
    /// ```
    /// use integration_outcomes::finance::{InvestmentTerm, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// // "€250,000 repaid plus 3%", whatever the term's length.
    /// let cents = RoundingPolicy::for_currency(Currency::EUR, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let term = InvestmentTerm::new("2013-09-01".parse()?, "2015-12-31".parse()?)?;
    /// let cap = ReturnCap::new("3%".parse()?, ReturnBasis::WholeTerm)?;
    /// let capped = cap.return_on(Money::from_major(250_000, Currency::EUR), term, &cents)?;
    /// assert_eq!(capped.to_string(), "EUR 7,500.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn return_on(
        &self,
        principal: Money,
        term: InvestmentTerm,
        rounding: &RoundingPolicy,
    ) -> Result<Money, InvestmentError> {
        let overflow =
            || InvestmentError::Money(crate::MoneyError::Overflow { operation: "capped return" });
        let r = self.rate.as_fraction();
        let year = Decimal::from(365);
        // The return as `principal × numerator / 365`, divided once at the end.
        let numerator = match self.basis {
            ReturnBasis::WholeTerm => r.checked_mul(year).ok_or_else(overflow)?,
            ReturnBasis::Simple => {
                let days = Decimal::from(days_between(term.start, term.end)?);
                r.checked_mul(days).ok_or_else(overflow)?
            }
            ReturnBasis::CompoundAnnually => {
                let (years, days) = term.whole_years_and_days()?;
                let base = Decimal::ONE.checked_add(r).ok_or_else(overflow)?;
                let growth = base.checked_powi(years).ok_or_else(overflow)?;
                let broken = year
                    .checked_add(r.checked_mul(Decimal::from(days)).ok_or_else(overflow)?)
                    .ok_or_else(overflow)?;
                growth
                    .checked_mul(broken)
                    .ok_or_else(overflow)?
                    .checked_sub(year)
                    .ok_or_else(overflow)?
            }
        };
        let exact = principal
            .amount()
            .checked_mul(numerator)
            .and_then(|n| n.checked_div(year))
            .ok_or_else(overflow)?;
        Ok(Money::new(exact, principal.currency()).round(rounding))
    }
}

/// The dates an investment runs between: from drawdown to repayment.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::InvestmentTerm;
/// let term = InvestmentTerm::new("2013-09-01".parse()?, "2015-12-31".parse()?)?;
/// assert_eq!(term.days()?, 851);
/// assert!(InvestmentTerm::new("2015-12-31".parse()?, "2013-09-01".parse()?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "InvestmentTermRepr", into = "InvestmentTermRepr")]
pub struct InvestmentTerm {
    start: Date,
    end: Date,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct InvestmentTermRepr {
    #[serde(with = "crate::civil_date")]
    start: Date,
    #[serde(with = "crate::civil_date")]
    end: Date,
}

impl TryFrom<InvestmentTermRepr> for InvestmentTerm {
    type Error = InvestmentError;
    fn try_from(r: InvestmentTermRepr) -> Result<Self, Self::Error> {
        InvestmentTerm::new(r.start, r.end)
    }
}

impl From<InvestmentTerm> for InvestmentTermRepr {
    fn from(v: InvestmentTerm) -> Self {
        InvestmentTermRepr { start: v.start, end: v.end }
    }
}

impl InvestmentTerm {
    /// A term from `start` to `end`.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::TermEndsBeforeStart`] if `end < start`.
    ///
    /// ```
    /// use integration_outcomes::finance::InvestmentTerm;
    /// let term = InvestmentTerm::new("2020-01-01".parse()?, "2020-01-01".parse()?)?; // zero days
    /// assert_eq!(term.days()?, 0);
    /// assert!(InvestmentTerm::new("2020-01-02".parse()?, "2020-01-01".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(start: Date, end: Date) -> Result<InvestmentTerm, InvestmentError> {
        if end < start {
            return Err(InvestmentError::TermEndsBeforeStart { start, end });
        }
        Ok(InvestmentTerm { start, end })
    }

    /// The drawdown date: the first day of the term.
    ///
    /// ```
    /// use integration_outcomes::finance::InvestmentTerm;
    /// let term = InvestmentTerm::new("2013-09-01".parse()?, "2015-12-31".parse()?)?;
    /// assert_eq!(term.start().to_string(), "2013-09-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn start(&self) -> Date {
        self.start
    }

    /// The repayment date. It ends the term and is not counted as one of
    /// its days: a term from 1 January to 2 January is one day long, and
    /// one with `start == end` is zero days.
    ///
    /// ```
    /// use integration_outcomes::finance::InvestmentTerm;
    /// let overnight = InvestmentTerm::new("2020-01-01".parse()?, "2020-01-02".parse()?)?;
    /// assert_eq!(overnight.end().to_string(), "2020-01-02");
    /// assert_eq!(overnight.days()?, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn end(&self) -> Date {
        self.end
    }

    /// Actual days from start to end: the start is counted, the end is not.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::DateOutOfRange`] if the dates cannot be differenced.
    ///
    /// ```
    /// use integration_outcomes::finance::InvestmentTerm;
    /// // 2020 is a leap year: 366 days, the end date not counted.
    /// let term = InvestmentTerm::new("2020-01-01".parse()?, "2021-01-01".parse()?)?;
    /// assert_eq!(term.days()?, 366);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn days(&self) -> Result<i32, InvestmentError> {
        days_between(self.start, self.end)
    }

    /// Whole years (anniversaries of the start, 29 February clamping to 28
    /// February) and the days after the last anniversary.
    fn whole_years_and_days(&self) -> Result<(i64, i32), InvestmentError> {
        let out_of_range = || InvestmentError::DateOutOfRange { from: self.start, to: self.end };
        let mut years: i64 = 0;
        let mut anniversary = self.start;
        loop {
            let next_years = years.checked_add(1).ok_or_else(out_of_range)?;
            let next = self
                .start
                .checked_add(jiff::Span::new().try_years(next_years).map_err(|_| out_of_range())?)
                .map_err(|_| out_of_range())?;
            if next > self.end {
                break;
            }
            years = next_years;
            anniversary = next;
        }
        Ok((years, days_between(anniversary, self.end)?))
    }
}

/// One party's declared share.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PartyShare {
    party: String,
    #[serde(with = "crate::money::exact::decimal_str")]
    share: Decimal,
}

/// Named parties with declared shares (weights, in any unit: 50/50, 0.8/0.2,
/// or commitments in pounds). Splits by these shares use
/// [`Money::allocate`], so the parts always sum exactly to the whole.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::PartyShares;
/// use rust_decimal::Decimal;
///
/// let split = PartyShares::new([("Essex County Council", Decimal::ONE), ("Action for Children", Decimal::ONE)])?;
/// let parts = split.split("GBP 100.01".parse()?)?;
/// assert_eq!(parts[0].1.to_string(), "GBP 50.01");
/// assert_eq!(parts[1].1.to_string(), "GBP 50.00");
/// assert!(PartyShares::new([("A", Decimal::ONE), ("A", Decimal::ONE)]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "Vec<PartyShare>", into = "Vec<PartyShare>")]
pub struct PartyShares {
    shares: Vec<PartyShare>,
}

impl TryFrom<Vec<PartyShare>> for PartyShares {
    type Error = InvestmentError;
    fn try_from(shares: Vec<PartyShare>) -> Result<Self, Self::Error> {
        PartyShares::new(shares.into_iter().map(|s| (s.party, s.share)))
    }
}

impl From<PartyShares> for Vec<PartyShare> {
    fn from(p: PartyShares) -> Self {
        p.shares
    }
}

impl PartyShares {
    /// Parties and their weights, in order (ties in the split go to the
    /// earlier party).
    ///
    /// # Errors
    ///
    /// [`InvestmentError::BlankField`] (`field: "party"`) if a name is
    /// blank; [`InvestmentError::InvalidShares`] if there are no parties, a
    /// name is repeated, or the weights could not split any amount: a
    /// weight is negative, the weights sum to zero, or they span too many
    /// digits to be whole numbers at the decimal places of the most precise
    /// one (the checks [`Money::allocate`] makes).
    ///
    /// ```
    /// use integration_outcomes::finance::PartyShares;
    /// use rust_decimal::Decimal;
    ///
    /// assert!(PartyShares::new([("A", Decimal::new(8, 1)), ("B", Decimal::new(2, 1))]).is_ok());
    /// assert!(PartyShares::new([("A", Decimal::ZERO)]).is_err());
    /// // 10¹⁸ written to 28 decimal places has more digits than a decimal holds.
    /// let wide = [("A", Decimal::new(1, 28)), ("B", Decimal::from(1_000_000_000_000_000_000_i64))];
    /// assert!(PartyShares::new(wide).is_err());
    /// ```
    pub fn new<I, S>(shares: I) -> Result<PartyShares, InvestmentError>
    where
        I: IntoIterator<Item = (S, Decimal)>,
        S: Into<String>,
    {
        let invalid = |reason: String| InvestmentError::InvalidShares { reason };
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (party, weight) in shares {
            let party: String = party.into();
            if party.trim().is_empty() {
                return Err(InvestmentError::BlankField { field: "party" });
            }
            if !seen.insert(party.clone()) {
                return Err(invalid(format!("party {party:?} is named twice")));
            }
            out.push(PartyShare { party, share: weight });
        }
        // No parties is `WeightError::Empty`.
        let weights: Vec<Decimal> = out.iter().map(|s| s.share).collect();
        if let Err(e) = integer_weights(&weights) {
            return Err(invalid(match e {
                WeightError::Negative(index) => match out.get(index) {
                    Some(s) => format!("party {:?} has negative share {}", s.party, s.share),
                    None => e.reason().to_owned(),
                },
                WeightError::SumZero => "the shares sum to zero".to_owned(),
                WeightError::Empty => "no parties".to_owned(),
                WeightError::TooWide => e.reason().to_owned(),
            }));
        }
        Ok(PartyShares { shares: out })
    }

    /// The parties, in order.
    ///
    /// ```
    /// use integration_outcomes::finance::PartyShares;
    /// use rust_decimal::Decimal;
    /// let shares = PartyShares::new([("Council", Decimal::from(3)), ("Provider", Decimal::ONE)])?;
    /// assert_eq!(shares.parties().collect::<Vec<_>>(), ["Council", "Provider"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parties(&self) -> impl Iterator<Item = &str> {
        self.shares.iter().map(|s| s.party.as_str())
    }

    /// Splits `amount` exactly by the shares (largest remainder in minor
    /// units), pairing each part with its party.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::Money`] if the amount is not a whole number of
    /// minor units, or is so large that its products with the shares (as
    /// whole numbers) overflow. The shares themselves were checked when
    /// declared.
    ///
    /// ```
    /// use integration_outcomes::finance::PartyShares;
    /// use integration_outcomes::Money;
    /// use rust_decimal::Decimal;
    /// let shares = PartyShares::new([("Council", Decimal::from(3)), ("Provider", Decimal::ONE)])?;
    /// let parts = shares.split("GBP 100".parse()?)?;
    /// assert_eq!(parts[0], ("Council".to_string(), "GBP 75".parse::<Money>()?));
    /// assert_eq!(parts[1], ("Provider".to_string(), "GBP 25".parse::<Money>()?));
    /// assert!(shares.split("GBP 0.005".parse()?).is_err()); // not whole pence
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn split(&self, amount: Money) -> Result<Vec<(String, Money)>, InvestmentError> {
        let weights: Vec<Decimal> = self.shares.iter().map(|s| s.share).collect();
        let parts = amount.allocate(&weights)?;
        Ok(self.shares.iter().map(|s| s.party.clone()).zip(parts).collect())
    }
}

/// One investor's result from a [`Distribution`].
///
/// # Example
///
/// See also [`CappedReturnWaterfall::distribute`].
///
/// ```
/// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, InvestorLine, PartyShares, ReturnBasis, ReturnCap};
/// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
/// use rust_decimal::Decimal;
/// # let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
/// let waterfall = CappedReturnWaterfall::new(
///     "GBP 1000".parse()?,
///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
///     PartyShares::new([("Trust", Decimal::ONE)])?,
///     PartyShares::new([("Council", Decimal::ONE)])?,
///     pence,
/// )?
/// .with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
/// let d = waterfall.distribute("GBP 300".parse()?)?; // £700 short of principal
/// let line: &InvestorLine = &d.investor_lines()[0];
/// assert_eq!(line.investor(), "Trust");
/// assert_eq!(line.from_payments().to_string(), "GBP 300.00");
/// assert_eq!(line.from_guarantee().to_string(), "GBP 600.00");
/// assert_eq!(line.total_received().to_string(), "GBP 900.00");
/// assert_eq!(line.loss().to_string(), "GBP 100.00"); // £1,000 principal less £900
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvestorLine {
    investor: String,
    from_payments: Money,
    from_guarantee: Money,
    /// `from_payments + from_guarantee`, added (checked) when distributed.
    received: Money,
    loss: Money,
}

impl InvestorLine {
    /// The investor.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?
    /// .with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
    /// let d = waterfall.distribute("GBP 300".parse()?)?; // £700 short of principal
    /// let line = &d.investor_lines()[0];
    /// assert_eq!(line.investor(), "Trust");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn investor(&self) -> &str {
        &self.investor
    }

    /// The investor's share of the outcome payments.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?
    /// .with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
    /// let d = waterfall.distribute("GBP 300".parse()?)?; // £700 short of principal
    /// let line = &d.investor_lines()[0];
    /// assert_eq!(line.from_payments().to_string(), "GBP 300.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn from_payments(&self) -> Money {
        self.from_payments
    }

    /// The investor's share of the guarantee payment.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?
    /// .with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
    /// let d = waterfall.distribute("GBP 300".parse()?)?; // £700 short of principal
    /// let line = &d.investor_lines()[0];
    /// assert_eq!(line.from_guarantee().to_string(), "GBP 600.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn from_guarantee(&self) -> Money {
        self.from_guarantee
    }

    /// Payments plus guarantee: everything this investor receives.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?
    /// .with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
    /// let d = waterfall.distribute("GBP 300".parse()?)?; // £700 short of principal
    /// let line = &d.investor_lines()[0];
    /// assert_eq!(line.total_received().to_string(), "GBP 900.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total_received(&self) -> Money {
        self.received
    }

    /// The investor's share of the principal lost after the guarantee
    /// (positive: an amount lost).
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?
    /// .with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
    /// let d = waterfall.distribute("GBP 300".parse()?)?; // £700 short of principal
    /// let line = &d.investor_lines()[0];
    /// assert_eq!(line.loss().to_string(), "GBP 100.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn loss(&self) -> Money {
        self.loss
    }
}

/// What a [`CappedReturnWaterfall`] does with an amount paid.
///
/// Invariants (tested): `to_investors + surplus == paid`, each list of lines
/// sums exactly to its total, and when payments fall short of principal,
/// `to_investors + guarantee_called + loss == principal`.
///
/// # Example
///
/// See also [`CappedReturnWaterfall::distribute`].
///
/// ```
/// use integration_outcomes::finance::{CappedReturnWaterfall, Distribution, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
/// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
/// use rust_decimal::Decimal;
/// # let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
/// let waterfall = CappedReturnWaterfall::new(
///     "GBP 1000".parse()?,
///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
///     PartyShares::new([("Trust", Decimal::ONE)])?,
///     PartyShares::new([("Council", Decimal::from(3)), ("Provider", Decimal::ONE)])?,
///     pence,
/// )?;
/// let d: Distribution = waterfall.distribute("GBP 1200".parse()?)?; // £100 above the £1,100 limit
/// assert_eq!(d.to_investors().to_string(), "GBP 1,100.00");
/// assert_eq!(d.surplus().to_string(), "GBP 100.00");
/// assert_eq!(d.to_investors().checked_add(d.surplus())?, d.paid());
/// assert!(d.shortfall().is_zero());
/// assert_eq!(d.surplus_lines()[0], ("Council".to_string(), "GBP 75".parse::<Money>()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Distribution {
    paid: Money,
    investor_limit: Money,
    to_investors: Money,
    surplus: Money,
    surplus_lines: Vec<(String, Money)>,
    shortfall: Money,
    guarantee_called: Money,
    loss: Money,
    investor_lines: Vec<InvestorLine>,
}

impl Distribution {
    /// The outcome payments distributed.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::from(3)), ("Provider", Decimal::ONE)])?,
    ///     pence,
    /// )?;
    /// let d = waterfall.distribute("GBP 1200".parse()?)?; // £100 above the £1,100 limit
    /// assert_eq!(d.paid().to_string(), "GBP 1,200.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn paid(&self) -> Money {
        self.paid
    }

    /// Principal plus the capped return: the most investors may receive.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::from(3)), ("Provider", Decimal::ONE)])?,
    ///     pence,
    /// )?;
    /// let d = waterfall.distribute("GBP 1200".parse()?)?; // £100 above the £1,100 limit
    /// assert_eq!(d.investor_limit().to_string(), "GBP 1,100.00"); // £1,000 plus 10%
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn investor_limit(&self) -> Money {
        self.investor_limit
    }

    /// Paid to investors from the outcome payments.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::from(3)), ("Provider", Decimal::ONE)])?,
    ///     pence,
    /// )?;
    /// let d = waterfall.distribute("GBP 1200".parse()?)?; // £100 above the £1,100 limit
    /// assert_eq!(d.to_investors().to_string(), "GBP 1,100.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn to_investors(&self) -> Money {
        self.to_investors
    }

    /// Paid above the investor limit, split among the surplus parties.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::from(3)), ("Provider", Decimal::ONE)])?,
    ///     pence,
    /// )?;
    /// let d = waterfall.distribute("GBP 1200".parse()?)?; // £100 above the £1,100 limit
    /// assert_eq!(d.surplus().to_string(), "GBP 100.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn surplus(&self) -> Money {
        self.surplus
    }

    /// The surplus by party, summing exactly to [`surplus`](Self::surplus).
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::from(3)), ("Provider", Decimal::ONE)])?,
    ///     pence,
    /// )?;
    /// let d = waterfall.distribute("GBP 1200".parse()?)?; // £100 above the £1,100 limit
    /// let lines: Vec<_> = d.surplus_lines().iter().map(|(p, m)| format!("{p}: {m}")).collect();
    /// assert_eq!(lines, ["Council: GBP 75.00", "Provider: GBP 25.00"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn surplus_lines(&self) -> &[(String, Money)] {
        &self.surplus_lines
    }

    /// Principal not covered by the outcome payments.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?
    /// .with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
    /// let d = waterfall.distribute("GBP 300".parse()?)?; // £700 short of principal
    /// assert_eq!(d.shortfall().to_string(), "GBP 700.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn shortfall(&self) -> Money {
        self.shortfall
    }

    /// What the guarantor pays the investors.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?
    /// .with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
    /// let d = waterfall.distribute("GBP 300".parse()?)?; // £700 short of principal
    /// assert_eq!(d.guarantee_called().to_string(), "GBP 600.00"); // the limit
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn guarantee_called(&self) -> Money {
        self.guarantee_called
    }

    /// Principal the investors lose after the guarantee (positive).
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?
    /// .with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
    /// let d = waterfall.distribute("GBP 300".parse()?)?; // £700 short of principal
    /// assert_eq!(d.loss().to_string(), "GBP 100.00"); // £700 short, £600 guaranteed
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn loss(&self) -> Money {
        self.loss
    }

    /// Each investor's payments, guarantee and loss, by share.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?
    /// .with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
    /// let d = waterfall.distribute("GBP 300".parse()?)?; // £700 short of principal
    /// assert_eq!(d.investor_lines().len(), 1);
    /// assert_eq!(d.investor_lines()[0].investor(), "Trust");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn investor_lines(&self) -> &[InvestorLine] {
        &self.investor_lines
    }

    /// The investors' receipts as cash flows on `date`: an
    /// [`OutcomePayment`](CashFlowKind::OutcomePayment) and a
    /// [`GuaranteePayment`](CashFlowKind::GuaranteePayment), each only if
    /// non-zero.
    ///
    /// # Errors
    ///
    /// None in practice (amounts are never negative); the `Result` is the
    /// cash-flow constructor's.
    ///
    /// ```
    /// use integration_outcomes::finance::CashFlowKind;
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?
    /// .with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
    /// let d = waterfall.distribute("GBP 300".parse()?)?; // £700 short of principal
    /// let flows = d.investor_cash_flows("2023-01-01".parse()?)?;
    /// assert_eq!(flows.len(), 2);
    /// assert_eq!(flows[0].kind(), CashFlowKind::OutcomePayment);
    /// assert_eq!(flows[1].kind(), CashFlowKind::GuaranteePayment);
    /// assert_eq!(flows[1].amount().to_string(), "GBP 600.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn investor_cash_flows(&self, date: Date) -> Result<Vec<CashFlow>, InvestmentError> {
        let mut flows = Vec::new();
        if !self.to_investors.is_zero() {
            flows.push(CashFlow::new(date, CashFlowKind::OutcomePayment, self.to_investors)?);
        }
        if !self.guarantee_called.is_zero() {
            flows.push(CashFlow::new(date, CashFlowKind::GuaranteePayment, self.guarantee_called)?);
        }
        Ok(flows)
    }
}

impl fmt::Display for Distribution {
    /// A short statement: what was paid, the investor limit, each investor's
    /// receipts and loss, and the surplus by party.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    ///
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?;
    /// let text = waterfall.distribute("GBP 1200".parse()?)?.to_string();
    /// assert!(text.contains("surplus"));
    /// assert!(text.lines().any(|l| l.contains("Council") && l.ends_with("GBP 100.00")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let row = |f: &mut fmt::Formatter<'_>, label: &str, amount: Money| {
            writeln!(f, "{label:<44} {:>22}", amount.to_string())
        };
        row(f, "outcome payments received", self.paid)?;
        row(f, "investor limit (principal + capped return)", self.investor_limit)?;
        row(f, "to investors from outcome payments", self.to_investors)?;
        if !self.guarantee_called.is_zero() {
            row(f, "guarantee called", self.guarantee_called)?;
        }
        if !self.loss.is_zero() {
            row(f, "principal lost after the guarantee", self.loss)?;
        }
        for line in &self.investor_lines {
            row(f, &format!("  {}: received", line.investor), line.received)?;
            if !line.loss.is_zero() {
                row(f, &format!("  {}: lost", line.investor), line.loss)?;
            }
        }
        row(f, "surplus above the investor limit", self.surplus)?;
        for (party, amount) in &self.surplus_lines {
            row(f, &format!("  {party}"), *amount)?;
        }
        Ok(())
    }
}

/// Investors receive outcome payments up to principal plus a capped return;
/// anything above goes to named surplus parties by declared shares; a
/// shortfall of principal is met by a guarantee up to its limit, and the rest
/// is the investors' loss, split by their shares.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{
///     CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap,
/// };
/// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
/// use rust_decimal::Decimal;
///
/// // Rikers Island: below the first band the city pays nothing.
/// let cents = RoundingPolicy::for_currency(Currency::USD, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
/// let waterfall = CappedReturnWaterfall::new(
///     "USD 9600000".parse()?,
///     ReturnCap::new("5.1%".parse()?, ReturnBasis::CompoundAnnually)?,
///     InvestmentTerm::new("2012-09-01".parse()?, "2016-08-31".parse()?)?,
///     PartyShares::new([("Goldman Sachs", Decimal::ONE)])?,
///     PartyShares::new([("City of New York", Decimal::ONE)])?,
///     cents,
/// )?
/// .with_guarantee(Guarantee::new("Bloomberg Philanthropies", "USD 7200000".parse()?)?)?;
/// let d = waterfall.distribute(Money::zero(Currency::USD))?;
/// assert_eq!(d.guarantee_called().to_string(), "USD 7,200,000.00");
/// assert_eq!(d.loss().to_string(), "USD 2,400,000.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "CappedReturnWaterfallRepr", into = "CappedReturnWaterfallRepr")]
pub struct CappedReturnWaterfall {
    principal: Money,
    cap: ReturnCap,
    term: InvestmentTerm,
    investors: PartyShares,
    surplus_to: PartyShares,
    rounding: RoundingPolicy,
    guarantee: Option<Guarantee>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CappedReturnWaterfallRepr {
    principal: Money,
    cap: ReturnCap,
    term: InvestmentTerm,
    investors: PartyShares,
    surplus_to: PartyShares,
    rounding: RoundingPolicy,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    guarantee: Option<Guarantee>,
}

impl TryFrom<CappedReturnWaterfallRepr> for CappedReturnWaterfall {
    type Error = InvestmentError;
    fn try_from(r: CappedReturnWaterfallRepr) -> Result<Self, Self::Error> {
        let w = CappedReturnWaterfall::new(
            r.principal,
            r.cap,
            r.term,
            r.investors,
            r.surplus_to,
            r.rounding,
        )?;
        match r.guarantee {
            Some(g) => w.with_guarantee(g),
            None => Ok(w),
        }
    }
}

impl From<CappedReturnWaterfall> for CappedReturnWaterfallRepr {
    fn from(v: CappedReturnWaterfall) -> Self {
        CappedReturnWaterfallRepr {
            principal: v.principal,
            cap: v.cap,
            term: v.term,
            investors: v.investors,
            surplus_to: v.surplus_to,
            rounding: v.rounding,
            guarantee: v.guarantee,
        }
    }
}

/// Checks that `amount` is a whole number of minor units, naming it as
/// `what` if not.
fn whole_minor_units(what: &'static str, amount: Money) -> Result<(), InvestmentError> {
    match amount.minor_units_i128() {
        Ok(_) => Ok(()),
        Err(crate::MoneyError::NotWholeMinorUnits { .. }) => {
            Err(InvestmentError::NotWholeMinorUnits { what, amount })
        }
        Err(e) => Err(InvestmentError::Money(e)),
    }
}

impl CappedReturnWaterfall {
    /// A waterfall for `principal` lent over `term`, with the return capped
    /// by `cap` (computed and rounded once with `rounding`), investors
    /// sharing by `investors` and any surplus going to `surplus_to`.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::AmountOutOfRange`] if the principal is not
    /// positive; [`InvestmentError::NotWholeMinorUnits`] if it has a
    /// fraction of a minor unit, and [`InvestmentError::Money`] if it is too
    /// large to count in minor units (shortfalls and losses are split from
    /// it in whole minor units); [`InvestmentError::RoundingFinerThanCurrency`]
    /// if `rounding` keeps more places than the currency's minor unit
    /// (splits must be in whole minor units).
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, InvestmentError, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    ///
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let err = CappedReturnWaterfall::new(
    ///     "GBP 1000.005".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )
    /// .unwrap_err();
    /// assert!(matches!(err, InvestmentError::NotWholeMinorUnits { what: "principal", .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        principal: Money,
        cap: ReturnCap,
        term: InvestmentTerm,
        investors: PartyShares,
        surplus_to: PartyShares,
        rounding: RoundingPolicy,
    ) -> Result<CappedReturnWaterfall, InvestmentError> {
        if principal.is_negative() || principal.is_zero() {
            return Err(InvestmentError::AmountOutOfRange {
                what: "principal",
                requirement: "positive",
                amount: principal,
            });
        }
        whole_minor_units("principal", principal)?;
        let currency = principal.currency();
        if rounding.decimal_places() > u32::from(currency.minor_units()) {
            return Err(InvestmentError::RoundingFinerThanCurrency {
                decimal_places: rounding.decimal_places(),
                currency,
                minor_units: currency.minor_units(),
            });
        }
        Ok(CappedReturnWaterfall {
            principal,
            cap,
            term,
            investors,
            surplus_to,
            rounding,
            guarantee: None,
        })
    }

    /// Adds a guarantee of principal.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::WrongCurrency`] if the guarantee is in another
    /// currency; [`InvestmentError::NotWholeMinorUnits`] if its limit has a
    /// fraction of a minor unit (what it pays is split in whole minor units);
    /// [`InvestmentError::GuaranteeExceedsPrincipal`] if its limit is above
    /// the principal.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?;
    /// // A guarantee cannot cover more than the principal.
    /// assert!(waterfall.clone().with_guarantee(Guarantee::new("Foundation", "GBP 1001".parse()?)?).is_err());
    /// let guaranteed = waterfall.with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
    /// assert_eq!(guaranteed.guarantee().map(Guarantee::guarantor), Some("Foundation"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_guarantee(
        mut self,
        guarantee: Guarantee,
    ) -> Result<CappedReturnWaterfall, InvestmentError> {
        let expected = self.principal.currency();
        if guarantee.limit().currency() != expected {
            return Err(InvestmentError::WrongCurrency {
                what: "the guarantee limit",
                expected,
                found: guarantee.limit().currency(),
            });
        }
        whole_minor_units("guarantee limit", guarantee.limit())?;
        if guarantee.limit().amount() > self.principal.amount() {
            return Err(InvestmentError::GuaranteeExceedsPrincipal {
                guarantor: guarantee.guarantor().to_owned(),
                limit: guarantee.limit(),
                principal: self.principal,
            });
        }
        self.guarantee = Some(guarantee);
        Ok(self)
    }

    /// The principal.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?;
    /// assert_eq!(waterfall.principal().to_string(), "GBP 1,000.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn principal(&self) -> Money {
        self.principal
    }

    /// The guarantee, if any.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, Guarantee, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?;
    /// assert!(waterfall.guarantee().is_none());
    /// let guaranteed = waterfall.with_guarantee(Guarantee::new("Foundation", "GBP 600".parse()?)?)?;
    /// assert_eq!(guaranteed.guarantee().map(|g| g.limit().to_string()), Some("GBP 600.00".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn guarantee(&self) -> Option<&Guarantee> {
        self.guarantee.as_ref()
    }

    /// Principal plus the capped return over the term, rounded once.
    ///
    /// # Errors
    ///
    /// As for [`ReturnCap::return_on`].
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    ///
    /// // 13% a year compounded over five years on £1m.
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000000".parse()?,
    ///     ReturnCap::new("13%".parse()?, ReturnBasis::CompoundAnnually)?,
    ///     InvestmentTerm::new("2012-09-01".parse()?, "2017-09-01".parse()?)?,
    ///     PartyShares::new([("Investors", Decimal::ONE)])?,
    ///     PartyShares::new([("Ministry of Justice", Decimal::ONE)])?,
    ///     pence,
    /// )?;
    /// assert_eq!(waterfall.investor_limit()?.to_string(), "GBP 1,842,435.17"); // 1.13⁵ = 1.8424351793
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn investor_limit(&self) -> Result<Money, InvestmentError> {
        let capped = self.cap.return_on(self.principal, self.term, &self.rounding)?;
        Ok(self.principal.checked_add(capped)?)
    }

    /// Distributes `paid`, the outcome payments received for the investment.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::WrongCurrency`] if `paid` is in another currency;
    /// [`InvestmentError::AmountOutOfRange`] if it is negative;
    /// [`InvestmentError::NotWholeMinorUnits`] (`what: "amount paid"`) if it
    /// is not a whole number of minor units (round it first);
    /// [`InvestmentError::Money`] on overflow.
    ///
    /// ```
    /// use integration_outcomes::finance::{CappedReturnWaterfall, InvestmentTerm, PartyShares, ReturnBasis, ReturnCap};
    /// use integration_outcomes::{Currency, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    ///
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerTotal);
    /// let waterfall = CappedReturnWaterfall::new(
    ///     "GBP 1000".parse()?,
    ///     ReturnCap::new("10%".parse()?, ReturnBasis::WholeTerm)?,
    ///     InvestmentTerm::new("2020-01-01".parse()?, "2023-01-01".parse()?)?,
    ///     PartyShares::new([("Trust A", Decimal::from(2)), ("Trust B", Decimal::ONE)])?,
    ///     PartyShares::new([("Council", Decimal::ONE)])?,
    ///     pence,
    /// )?;
    /// let d = waterfall.distribute("GBP 1200".parse()?)?;
    /// assert_eq!(d.to_investors().to_string(), "GBP 1,100.00");
    /// assert_eq!(d.surplus().to_string(), "GBP 100.00");
    /// assert_eq!(d.investor_lines()[0].from_payments().to_string(), "GBP 733.33");
    /// assert_eq!(d.investor_lines()[1].from_payments().to_string(), "GBP 366.67");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn distribute(&self, paid: Money) -> Result<Distribution, InvestmentError> {
        let currency = self.principal.currency();
        if paid.currency() != currency {
            return Err(InvestmentError::WrongCurrency {
                what: "the amount paid",
                expected: currency,
                found: paid.currency(),
            });
        }
        if paid.is_negative() {
            return Err(InvestmentError::AmountOutOfRange {
                what: "amount paid",
                requirement: "non-negative",
                amount: paid,
            });
        }
        // Fail early, naming the payment, if it has fractions of a minor unit
        // (or is too large to count in minor units).
        whole_minor_units("amount paid", paid)?;
        let investor_limit = self.investor_limit()?;
        let to_investors = paid.min(investor_limit)?;
        let surplus = paid.checked_sub(to_investors)?;
        let shortfall = if to_investors.amount() < self.principal.amount() {
            self.principal.checked_sub(to_investors)?
        } else {
            Money::zero(currency)
        };
        let guarantee_called = match &self.guarantee {
            Some(g) => g.cover(shortfall)?,
            None => Money::zero(currency),
        };
        let loss = shortfall.checked_sub(guarantee_called)?;
        let payments = self.investors.split(to_investors)?;
        let guarantees = self.investors.split(guarantee_called)?;
        let losses = self.investors.split(loss)?;
        let investor_lines = payments
            .into_iter()
            .zip(guarantees)
            .zip(losses)
            .map(|(((investor, from_payments), (_, from_guarantee)), (_, loss))| {
                Ok(InvestorLine {
                    investor,
                    from_payments,
                    from_guarantee,
                    received: from_payments.checked_add(from_guarantee)?,
                    loss,
                })
            })
            .collect::<Result<_, InvestmentError>>()?;
        Ok(Distribution {
            paid,
            investor_limit,
            to_investors,
            surplus,
            surplus_lines: self.surplus_to.split(surplus)?,
            shortfall,
            guarantee_called,
            loss,
            investor_lines,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Currency, RoundingStage, RoundingStrategy};

    fn pence() -> RoundingPolicy {
        RoundingPolicy::for_currency(
            Currency::GBP,
            RoundingStrategy::TowardZero,
            RoundingStage::PerTotal,
        )
    }

    fn term(a: &str, b: &str) -> InvestmentTerm {
        InvestmentTerm::new(a.parse().unwrap(), b.parse().unwrap()).unwrap()
    }

    #[test]
    fn compound_uses_anniversaries_and_a_simple_broken_period() {
        let cap = ReturnCap::new("10%".parse().unwrap(), ReturnBasis::CompoundAnnually).unwrap();
        let p = Money::from_major(1_000, Currency::GBP);
        // Two anniversaries then 182 days: 1000 × (1.21 × (1 + 0.1 × 182/365) − 1) = 270.3343…
        let r = cap.return_on(p, term("2020-01-01", "2022-07-02"), &pence()).unwrap();
        assert_eq!(r.to_string(), "GBP 270.33");
        // A leap-day start clamps its anniversaries to 28 February.
        assert_eq!(term("2020-02-29", "2021-03-01").whole_years_and_days().unwrap(), (1, 1));
        assert_eq!(term("2020-01-01", "2020-01-01").whole_years_and_days().unwrap(), (0, 0));
    }

    #[test]
    fn compound_return_at_the_largest_rate_is_an_overflow_error_not_a_panic() {
        // `1 + rate` itself overflows a decimal: refused, not a panic.
        let cap = ReturnCap::new(Rate::from_fraction(Decimal::MAX), ReturnBasis::CompoundAnnually)
            .unwrap();
        let p = Money::from_major(1_000, Currency::GBP);
        let err = cap.return_on(p, term("2020-01-01", "2022-07-02"), &pence()).unwrap_err();
        assert!(matches!(err, InvestmentError::Money(crate::MoneyError::Overflow { .. })), "{err}");
    }

    #[test]
    fn serde_round_trip_revalidates() {
        let w = CappedReturnWaterfall::new(
            Money::from_major(9_600_000, Currency::USD),
            ReturnCap::new("5.1%".parse().unwrap(), ReturnBasis::CompoundAnnually).unwrap(),
            term("2012-09-01", "2015-08-31"),
            PartyShares::new([("Goldman Sachs", Decimal::ONE)]).unwrap(),
            PartyShares::new([("City of New York", Decimal::ONE)]).unwrap(),
            RoundingPolicy::for_currency(
                Currency::USD,
                RoundingStrategy::TowardZero,
                RoundingStage::PerTotal,
            ),
        )
        .unwrap()
        .with_guarantee(
            Guarantee::new("Bloomberg Philanthropies", Money::from_major(7_200_000, Currency::USD))
                .unwrap(),
        )
        .unwrap();
        let json = serde_json::to_string(&w).unwrap();
        assert!(json.contains(r#""investors":[{"party":"Goldman Sachs","share":"1"}]"#), "{json}");
        let back: CappedReturnWaterfall = serde_json::from_str(&json).unwrap();
        assert_eq!(back, w);
        // A guarantee above the principal is rejected on the way in too.
        let bad = json.replace("7200000.00", "9600000.01");
        assert_ne!(bad, json);
        assert!(serde_json::from_str::<CappedReturnWaterfall>(&bad).is_err());
        let reversed = json.replace(r#""start":"2012-09-01""#, r#""start":"2016-09-01""#);
        assert!(serde_json::from_str::<CappedReturnWaterfall>(&reversed).is_err());
        let duplicate = json.replace(
            r#"[{"party":"Goldman Sachs","share":"1"}]"#,
            r#"[{"party":"Goldman Sachs","share":"1"},{"party":"Goldman Sachs","share":"1"}]"#,
        );
        assert!(serde_json::from_str::<CappedReturnWaterfall>(&duplicate).is_err());
    }

    #[test]
    fn share_json_is_read_exactly_or_rejected() {
        let parse = |share: &str| {
            serde_json::from_str::<PartyShares>(&format!(r#"[{{"party":"A","share":"{share}"}}]"#))
        };
        assert_eq!(parse("0.8").unwrap(), PartyShares::new([("A", Decimal::new(8, 1))]).unwrap());
        assert!(parse("1e3").is_err());
        assert!(parse("1.2345678901234567890123456789012").is_err());
        let json = r#"[{"party":"A","share":1}]"#;
        assert!(serde_json::from_str::<PartyShares>(json).is_err());
    }

    #[test]
    fn fractional_principal_and_guarantee_are_refused_at_construction() {
        let make = |principal: &str| {
            CappedReturnWaterfall::new(
                principal.parse().unwrap(),
                ReturnCap::new("10%".parse().unwrap(), ReturnBasis::WholeTerm).unwrap(),
                term("2020-01-01", "2023-01-01"),
                PartyShares::new([("A", Decimal::ONE)]).unwrap(),
                PartyShares::new([("Council", Decimal::ONE)]).unwrap(),
                pence(),
            )
        };
        let err = make("GBP 1000.001").unwrap_err();
        assert_eq!(
            err,
            InvestmentError::NotWholeMinorUnits {
                what: "principal",
                amount: "GBP 1000.001".parse().unwrap()
            }
        );
        assert_eq!(
            err.to_string(),
            "principal GBP 1,000.001 is not a whole number of minor units (2 decimal places); round it first"
        );
        // Trailing zeros are not a fraction of a penny.
        let w = make("GBP 1000.0000").unwrap();
        let limit: Money = "GBP 500.005".parse().unwrap();
        assert_eq!(
            w.clone().with_guarantee(Guarantee::new("G", limit).unwrap()),
            Err(InvestmentError::NotWholeMinorUnits { what: "guarantee limit", amount: limit })
        );
        assert!(
            w.with_guarantee(Guarantee::new("G", "GBP 500.00".parse().unwrap()).unwrap()).is_ok()
        );
        // Too large to count in pence at all.
        assert!(matches!(
            make("GBP 79228162514264337593543950335"),
            Err(InvestmentError::Money(crate::MoneyError::Overflow { .. }))
        ));
    }

    #[test]
    fn shortfall_without_guarantee_is_all_loss() {
        let w = CappedReturnWaterfall::new(
            Money::from_major(900, Currency::GBP),
            ReturnCap::new("13%".parse().unwrap(), ReturnBasis::Simple).unwrap(),
            term("2020-01-01", "2025-01-01"),
            PartyShares::new([("A", Decimal::ONE), ("B", Decimal::ONE), ("C", Decimal::ONE)])
                .unwrap(),
            PartyShares::new([("Council", Decimal::ONE)]).unwrap(),
            pence(),
        )
        .unwrap();
        let d = w.distribute(Money::from_minor(50_000, Currency::GBP)).unwrap();
        assert_eq!(d.loss(), Money::from_major(400, Currency::GBP));
        assert_eq!(d.surplus(), Money::zero(Currency::GBP));
        let lost: Vec<String> = d.investor_lines().iter().map(|l| l.loss().to_string()).collect();
        assert_eq!(lost, ["GBP 133.34", "GBP 133.33", "GBP 133.33"]);
        assert!(d.investor_cash_flows("2025-01-01".parse().unwrap()).unwrap().len() == 1);
    }

    #[test]
    fn bad_inputs_are_errors() {
        let make = |p: i64| {
            CappedReturnWaterfall::new(
                Money::from_major(p, Currency::GBP),
                ReturnCap::new("13%".parse().unwrap(), ReturnBasis::Simple).unwrap(),
                term("2020-01-01", "2025-01-01"),
                PartyShares::new([("A", Decimal::ONE)]).unwrap(),
                PartyShares::new([("Council", Decimal::ONE)]).unwrap(),
                pence(),
            )
        };
        assert!(matches!(make(0), Err(InvestmentError::AmountOutOfRange { .. })));
        let w = make(100).unwrap();
        assert!(matches!(
            w.distribute(Money::from_major(1, Currency::EUR)),
            Err(InvestmentError::WrongCurrency { .. })
        ));
        assert!(matches!(
            w.distribute(Money::from_major(-1, Currency::GBP)),
            Err(InvestmentError::AmountOutOfRange { .. })
        ));
        let fraction: Money = "GBP 0.001".parse().unwrap();
        assert_eq!(
            w.distribute(fraction),
            Err(InvestmentError::NotWholeMinorUnits { what: "amount paid", amount: fraction })
        );
        // Trailing zeros are not a fraction of a penny.
        assert!(w.distribute("GBP 1.0000".parse().unwrap()).is_ok());
        assert!(matches!(
            w.clone().with_guarantee(
                Guarantee::new("G", Money::from_major(101, Currency::GBP)).unwrap()
            ),
            Err(InvestmentError::GuaranteeExceedsPrincipal { .. })
        ));
        assert!(matches!(
            w.with_guarantee(Guarantee::new("G", Money::from_major(1, Currency::USD)).unwrap()),
            Err(InvestmentError::WrongCurrency { .. })
        ));
        let fine =
            RoundingPolicy::new(4, RoundingStrategy::TowardZero, RoundingStage::PerTotal).unwrap();
        assert!(matches!(
            CappedReturnWaterfall::new(
                Money::from_major(1, Currency::GBP),
                ReturnCap::new("13%".parse().unwrap(), ReturnBasis::Simple).unwrap(),
                term("2020-01-01", "2025-01-01"),
                PartyShares::new([("A", Decimal::ONE)]).unwrap(),
                PartyShares::new([("Council", Decimal::ONE)]).unwrap(),
                fine,
            ),
            Err(InvestmentError::RoundingFinerThanCurrency { .. })
        ));
        assert_eq!(
            PartyShares::new(Vec::<(String, Decimal)>::new()),
            Err(InvestmentError::InvalidShares { reason: "no parties".to_owned() })
        );
        assert_eq!(
            PartyShares::new([("A", Decimal::ONE), (" ", Decimal::ONE)]),
            Err(InvestmentError::BlankField { field: "party" })
        );
        assert_eq!(
            serde_json::from_str::<PartyShares>(r#"[{"party":"","share":"1"}]"#)
                .unwrap_err()
                .to_string(),
            "party is blank"
        );
        assert!(matches!(
            PartyShares::new([("A", Decimal::ONE), ("A", Decimal::TWO)]),
            Err(InvestmentError::InvalidShares { .. })
        ));
        assert!(PartyShares::new([("A", Decimal::NEGATIVE_ONE), ("B", Decimal::TWO)]).is_err());
        assert!(PartyShares::new([("A", Decimal::ZERO)]).is_err());
    }

    #[test]
    fn shares_that_no_split_can_use_are_rejected_at_construction() {
        let wide =
            [("A", Decimal::new(1, 28)), ("B", Decimal::from(1_000_000_000_000_000_000_i64))];
        // Money::allocate refuses these weights whatever the amount...
        let weights: Vec<Decimal> = wide.iter().map(|(_, w)| *w).collect();
        assert!(Money::from_minor(1, Currency::GBP).allocate(&weights).is_err());
        // ...so the shares are refused when declared, not at the first split.
        assert!(matches!(PartyShares::new(wide), Err(InvestmentError::InvalidShares { .. })));
        let negative = PartyShares::new([("A", Decimal::ONE), ("B", Decimal::NEGATIVE_ONE)]);
        assert_eq!(
            negative.unwrap_err().to_string(),
            "invalid party shares: party \"B\" has negative share -1"
        );
        let json = r#"[{"party":"A","share":"0.0000000000000000000000000001"},{"party":"B","share":"1000000000000000000"}]"#;
        assert!(serde_json::from_str::<PartyShares>(json).is_err());
        // Shares are plain numbers, with digits on both sides of any point.
        for bad in [".5", "5.", "-.5", "1e3", "1_0"] {
            let json = format!(r#"[{{"party":"A","share":"{bad}"}}]"#);
            let err = serde_json::from_str::<PartyShares>(&json).unwrap_err().to_string();
            assert!(err.contains("not a plain decimal number"), "{bad}: {err}");
        }
        assert!(serde_json::from_str::<PartyShares>(r#"[{"party":"A","share":"0.5"}]"#).is_ok());
    }
}
