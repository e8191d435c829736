//! Outcome payers and their shares (co-payers, top-up funds).

use rust_decimal::Decimal;

use super::{OutcomeError, PayerId};
use crate::money::allocation::sainte_lague;
use crate::money::exact;
use crate::{Money, Rate};

/// Who pays each payment, and in what shares (summing to exactly 100%).
///
/// Each payment is split with [`Money::allocate`] (largest remainder in
/// minor units), so the parts always sum exactly to the whole.
///
/// # Example
///
/// A Life Chances Fund top-up of about 20% ("20p of every £1" of outcome payments):
///
/// ```
/// use integration_outcomes::outcomes::PayerShares;
/// use integration_outcomes::{Currency, Money};
/// let payers = PayerShares::new(vec![
///     ("local_commissioner".parse()?, "80%".parse()?),
///     ("life_chances_fund".parse()?, "20%".parse()?),
/// ])?;
/// let parts = payers.split(Money::from_minor(100_001, Currency::GBP))?;
/// assert_eq!(parts[0].1, Money::from_minor(80_001, Currency::GBP));
/// assert_eq!(parts[1].1, Money::from_minor(20_000, Currency::GBP));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "Vec<(PayerId, Rate)>", into = "Vec<(PayerId, Rate)>")]
pub struct PayerShares {
    shares: Vec<(PayerId, Rate)>,
    weights: Vec<Decimal>,
}

impl PayerShares {
    /// Payers and their shares.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidPayerShares`] if there are none, a payer
    /// appears twice, a share is not above zero, or they do not sum to
    /// exactly 100%.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::PayerShares;
    /// let payers = PayerShares::new(vec![
    ///     ("commissioner".parse()?, "80%".parse()?),
    ///     ("life_chances_fund".parse()?, "20%".parse()?),
    /// ])?;
    /// assert_eq!(payers.shares().len(), 2);
    /// // Shares that do not sum to 100% are refused.
    /// assert!(PayerShares::new(vec![("commissioner".parse()?, "90%".parse()?)]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(shares: Vec<(PayerId, Rate)>) -> Result<PayerShares, OutcomeError> {
        let invalid = |reason: String| OutcomeError::InvalidPayerShares { reason };
        if shares.is_empty() {
            return Err(invalid("no payers".to_owned()));
        }
        let mut seen = std::collections::HashSet::new();
        let mut total = Decimal::ZERO;
        for (payer, share) in &shares {
            if !seen.insert(payer) {
                return Err(invalid(format!("payer {payer} appears twice")));
            }
            if share.is_negative() || share.as_fraction().is_zero() {
                return Err(invalid(format!("the share of {payer} is not above zero")));
            }
            total = exact::add(total, share.as_fraction())
                .ok_or_else(|| invalid("shares overflow".to_owned()))?;
        }
        if total != Decimal::ONE {
            return Err(invalid(format!("shares sum to {}, not 100%", Rate::from_fraction(total))));
        }
        let weights = shares.iter().map(|(_, s)| s.as_fraction()).collect();
        Ok(PayerShares { shares, weights })
    }

    /// One payer paying everything.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::PayerShares;
    /// use integration_outcomes::Rate;
    /// let payers = PayerShares::single("moj".parse()?);
    /// assert_eq!(payers.shares().len(), 1);
    /// assert_eq!(payers.shares()[0].0.as_str(), "moj");
    /// assert_eq!(payers.shares()[0].1, Rate::ONE);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn single(payer: PayerId) -> PayerShares {
        PayerShares { shares: vec![(payer, Rate::ONE)], weights: vec![Decimal::ONE] }
    }

    /// The payers and shares, in order.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::PayerShares;
    /// let payers = PayerShares::new(vec![
    ///     ("commissioner".parse()?, "80%".parse()?),
    ///     ("life_chances_fund".parse()?, "20%".parse()?),
    /// ])?;
    /// let shares = payers.shares();
    /// assert_eq!(shares[0].0.as_str(), "commissioner");
    /// assert_eq!(shares[1].1.to_string(), "20%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn shares(&self) -> &[(PayerId, Rate)] {
        &self.shares
    }

    /// Splits `amount` between the payers in whole minor units; the parts
    /// sum exactly to `amount`, and a larger amount never gives any payer
    /// less.
    ///
    /// The split is Sainte-Laguë's divisor method: unit after unit goes to
    /// the payer with the highest `share / (units so far + ½)`, ties to the
    /// payer listed first. With two payers that is each payer's exact share
    /// rounded to the nearest unit; unlike largest remainder, it stays
    /// monotone with three or more payers (see `DESIGN.md`).
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Money`] (`NotWholeMinorUnits`) if the amount has a
    /// fraction of a minor unit (round it first).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::PayerShares;
    /// use integration_outcomes::{Currency, Money};
    /// let payers = PayerShares::new(vec![
    ///     ("commissioner".parse()?, "80%".parse()?),
    ///     ("life_chances_fund".parse()?, "20%".parse()?),
    /// ])?;
    /// let parts = payers.split(Money::from_major(1_000, Currency::GBP))?;
    /// assert_eq!(parts[0].1, Money::from_major(800, Currency::GBP));
    /// assert_eq!(parts[1].1, Money::from_major(200, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn split(&self, amount: Money) -> Result<Vec<(PayerId, Money)>, OutcomeError> {
        self.split_in(amount, u32::from(amount.currency().minor_units()))
    }

    /// Splits `amount`, a whole number of units of `decimal_places` (a
    /// contract's rounding unit), into parts that are whole such units.
    pub(crate) fn split_in(
        &self,
        amount: Money,
        decimal_places: u32,
    ) -> Result<Vec<(PayerId, Money)>, OutcomeError> {
        let units = amount.units_at(decimal_places)?;
        let parts = sainte_lague(units, &self.weights)?;
        let parts = Money::from_units(parts, decimal_places, amount.currency())?;
        Ok(self.shares.iter().map(|(p, _)| p.clone()).zip(parts).collect())
    }
}

impl TryFrom<Vec<(PayerId, Rate)>> for PayerShares {
    type Error = OutcomeError;
    fn try_from(shares: Vec<(PayerId, Rate)>) -> Result<Self, Self::Error> {
        PayerShares::new(shares)
    }
}

impl From<PayerShares> for Vec<(PayerId, Rate)> {
    fn from(p: PayerShares) -> Self {
        p.shares
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;
    use proptest::prelude::*;

    #[test]
    fn validation() {
        let p = |s: &str| s.parse::<PayerId>().unwrap();
        let r = |s: &str| s.parse::<Rate>().unwrap();
        assert!(PayerShares::new(vec![]).is_err());
        assert!(PayerShares::new(vec![(p("a"), r("50%")), (p("a"), r("50%"))]).is_err());
        assert!(PayerShares::new(vec![(p("a"), r("50%")), (p("b"), r("49.99%"))]).is_err());
        assert!(PayerShares::new(vec![(p("a"), r("100%")), (p("b"), r("0%"))]).is_err());
        assert!(
            PayerShares::single(p("a"))
                .split(Money::new("1.001".parse().unwrap(), Currency::GBP))
                .is_err()
        );
    }

    proptest! {
        /// Splits always sum exactly to the whole.
        #[test]
        fn splits_are_exact(minor in -10_000_000_000_i64..10_000_000_000, a in 1_u32..10_000) {
            let first = Rate::from_fraction(Decimal::new(i64::from(a), 4));
            let rest = Rate::from_fraction(Decimal::ONE - first.as_fraction());
            prop_assume!(!rest.as_fraction().is_zero());
            let shares = PayerShares::new(vec![("a".parse().unwrap(), first), ("b".parse().unwrap(), rest)]).unwrap();
            let parts = shares.split(Money::from_minor(minor, Currency::GBP)).unwrap();
            let sum: i64 = parts.iter().map(|(_, m)| m.to_minor_units().unwrap()).sum();
            prop_assert_eq!(sum, minor);
        }
    }
}
