//! Pricing an outcome from the saving it is projected to produce.

use std::cmp::Ordering;
use std::fmt;

use super::OutcomeError;
use crate::{Money, Rate};

/// Which bound set an outcome price derived from a saving.
///
/// ```
/// use integration_outcomes::outcomes::PriceBound;
/// assert_ne!(PriceBound::ShareOfSaving, PriceBound::MaximumPrice);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PriceBound {
    /// The price is the share of the saving (at or below the maximum).
    ShareOfSaving,
    /// The share of the saving exceeded the maximum price, which applies.
    MaximumPrice,
}

impl fmt::Display for PriceBound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PriceBound::ShareOfSaving => "the share of the saving",
            PriceBound::MaximumPrice => "capped at the maximum price",
        })
    }
}

/// Prices outcomes as a share of the projected saving to the public purse,
/// bounded by a maximum price: `price = min(share × saving, maximum)`.
///
/// The product is exact (no rounding); round the price with the contract's
/// [`RoundingPolicy`](crate::RoundingPolicy) when it becomes a payment. The
/// maximum is a cap on the exact amount, so a price at the maximum is the
/// maximum exactly.
///
/// # Example
///
/// Peterborough's payment was reported as "half the saving to the public
/// purse" (as Peterborough's payment was described); with an illustrative saving of £3,000
/// per reconviction event avoided and an illustrative maximum of £1,200:
///
/// ```
/// use integration_outcomes::outcomes::{PriceBound, SavingsPricing};
/// use integration_outcomes::{Currency, Money};
///
/// let pricing = SavingsPricing::new("50%".parse()?, Money::from_major(1_200, Currency::GBP))?;
/// let price = pricing.price(Money::from_major(2_000, Currency::GBP))?;
/// assert_eq!(price.price(), Money::from_major(1_000, Currency::GBP));
/// assert_eq!(price.bound(), PriceBound::ShareOfSaving);
/// let capped = pricing.price(Money::from_major(3_000, Currency::GBP))?;
/// assert_eq!(capped.price(), Money::from_major(1_200, Currency::GBP));
/// assert_eq!(capped.bound(), PriceBound::MaximumPrice);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "SavingsPricingRepr", into = "SavingsPricingRepr")]
pub struct SavingsPricing {
    share: Rate,
    maximum: Money,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SavingsPricingRepr {
    share: Rate,
    maximum: Money,
}

impl SavingsPricing {
    /// Pricing at `share` of the saving (0%..=100%), never above `maximum`.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::ShareOutOfRange`] if the share is negative or above
    /// 100%; [`OutcomeError::NegativeAmount`] if the maximum is negative.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::SavingsPricing;
    /// use integration_outcomes::{Currency, Money};
    /// let max = Money::from_major(1_200, Currency::GBP);
    /// let pricing = SavingsPricing::new("50%".parse()?, max)?;
    /// assert_eq!(pricing.maximum(), max);
    /// assert!(SavingsPricing::new("150%".parse()?, max).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(share: Rate, maximum: Money) -> Result<SavingsPricing, OutcomeError> {
        if share.is_negative() || share > Rate::ONE {
            return Err(OutcomeError::ShareOutOfRange { what: "share of the saving", share });
        }
        if maximum.is_negative() {
            return Err(OutcomeError::NegativeAmount {
                what: "maximum price".to_owned(),
                amount: maximum,
            });
        }
        Ok(SavingsPricing { share, maximum })
    }

    /// The share of the saving paid.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::SavingsPricing;
    /// use integration_outcomes::{Currency, Money};
    /// let pricing = SavingsPricing::new("50%".parse()?, Money::from_major(1_200, Currency::GBP))?;
    /// assert_eq!(pricing.share().to_string(), "50%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn share(&self) -> Rate {
        self.share
    }

    /// The maximum price.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::SavingsPricing;
    /// use integration_outcomes::{Currency, Money};
    /// let pricing = SavingsPricing::new("50%".parse()?, Money::from_major(1_200, Currency::GBP))?;
    /// assert_eq!(pricing.maximum(), Money::from_major(1_200, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn maximum(&self) -> Money {
        self.maximum
    }

    /// The price for an outcome projected to save `saving`.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::NegativeAmount`] if the saving is negative (an outcome
    /// that costs money cannot be priced from savings);
    /// [`OutcomeError::Money`] if the saving is in another currency than the
    /// maximum, or the product overflows.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{PriceBound, SavingsPricing};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pricing = SavingsPricing::new("50%".parse()?, gbp(1_200))?;
    /// assert_eq!(pricing.price(gbp(2_000))?.price(), gbp(1_000));
    /// assert_eq!(pricing.price(gbp(3_000))?.bound(), PriceBound::MaximumPrice);
    /// assert!(pricing.price(gbp(-1)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn price(&self, saving: Money) -> Result<SavingsPrice, OutcomeError> {
        if saving.is_negative() {
            return Err(OutcomeError::NegativeAmount {
                what: "projected saving".to_owned(),
                amount: saving,
            });
        }
        let share_of_saving = saving.checked_mul_rate(self.share)?;
        let (price, bound) = match share_of_saving.compare(self.maximum)? {
            Ordering::Greater => (self.maximum, PriceBound::MaximumPrice),
            Ordering::Less | Ordering::Equal => (share_of_saving, PriceBound::ShareOfSaving),
        };
        Ok(SavingsPrice { saving, share: self.share, share_of_saving, price, bound })
    }
}

impl TryFrom<SavingsPricingRepr> for SavingsPricing {
    type Error = OutcomeError;
    fn try_from(r: SavingsPricingRepr) -> Result<Self, Self::Error> {
        SavingsPricing::new(r.share, r.maximum)
    }
}

impl From<SavingsPricing> for SavingsPricingRepr {
    fn from(p: SavingsPricing) -> Self {
        SavingsPricingRepr { share: p.share, maximum: p.maximum }
    }
}

/// A price derived from a projected saving, with the working shown.
///
/// ```
/// use integration_outcomes::outcomes::price_from_savings;
/// use integration_outcomes::{Currency, Money};
/// let p = price_from_savings(Money::from_major(10_000, Currency::GBP), "40%".parse()?, Money::from_major(3_500, Currency::GBP))?;
/// assert_eq!(p.share_of_saving(), Money::from_major(4_000, Currency::GBP));
/// assert_eq!(p.to_string(), "40% of saving GBP 10,000.00 = GBP 4,000.00, capped at the maximum price: GBP 3,500.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct SavingsPrice {
    saving: Money,
    share: Rate,
    share_of_saving: Money,
    price: Money,
    bound: PriceBound,
}

impl SavingsPrice {
    /// The projected saving.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::price_from_savings;
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let p = price_from_savings(gbp(10_000), "40%".parse()?, gbp(3_500))?;
    /// assert_eq!(p.saving(), gbp(10_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn saving(&self) -> Money {
        self.saving
    }
    /// The share applied.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::price_from_savings;
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let p = price_from_savings(gbp(10_000), "40%".parse()?, gbp(3_500))?;
    /// assert_eq!(p.share().to_string(), "40%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn share(&self) -> Rate {
        self.share
    }
    /// `share × saving`, exact, before the maximum.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::price_from_savings;
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let p = price_from_savings(gbp(10_000), "40%".parse()?, gbp(3_500))?;
    /// assert_eq!(p.share_of_saving(), gbp(4_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn share_of_saving(&self) -> Money {
        self.share_of_saving
    }
    /// The price: the share of the saving, or the maximum if lower.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::price_from_savings;
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let p = price_from_savings(gbp(10_000), "40%".parse()?, gbp(3_500))?;
    /// assert_eq!(p.price(), gbp(3_500)); // the maximum is lower than 40% of the saving
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn price(&self) -> Money {
        self.price
    }
    /// Which bound set the price.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{PriceBound, price_from_savings};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let p = price_from_savings(gbp(10_000), "40%".parse()?, gbp(3_500))?;
    /// assert_eq!(p.bound(), PriceBound::MaximumPrice);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn bound(&self) -> PriceBound {
        self.bound
    }
}

impl fmt::Display for SavingsPrice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of saving {} = {}", self.share, self.saving, self.share_of_saving)?;
        match self.bound {
            PriceBound::ShareOfSaving => Ok(()),
            PriceBound::MaximumPrice => {
                write!(f, ", capped at the maximum price: {}", self.price)
            }
        }
    }
}

/// Prices an outcome at `share` of its projected `saving`, bounded by
/// `maximum`: a shorthand for [`SavingsPricing::new`] then
/// [`SavingsPricing::price`]. This is the link from a cost-benefit
/// analysis (the saving to the public purse) to an outcome price.
///
/// # Errors
///
/// As for [`SavingsPricing::new`] and [`SavingsPricing::price`].
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::price_from_savings;
/// use integration_outcomes::{Currency, Money};
///
/// let saving = Money::from_major(2_500, Currency::GBP);
/// let p = price_from_savings(saving, "50%".parse()?, Money::from_major(2_000, Currency::GBP))?;
/// assert_eq!(p.price(), Money::from_major(1_250, Currency::GBP));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn price_from_savings(
    saving: Money,
    share: Rate,
    maximum: Money,
) -> Result<SavingsPrice, OutcomeError> {
    SavingsPricing::new(share, maximum)?.price(saving)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Currency, MoneyError};
    use proptest::prelude::*;

    fn gbp(minor: i64) -> Money {
        Money::from_minor(minor, Currency::GBP)
    }

    #[test]
    fn validation() {
        let max = gbp(100);
        assert!(SavingsPricing::new("-1%".parse().unwrap(), max).is_err());
        assert!(SavingsPricing::new("100.01%".parse().unwrap(), max).is_err());
        assert!(SavingsPricing::new("100%".parse().unwrap(), max).is_ok());
        assert!(matches!(
            SavingsPricing::new(Rate::ONE, gbp(-1)),
            Err(OutcomeError::NegativeAmount { .. })
        ));
        let p = SavingsPricing::new(Rate::ONE, max).unwrap();
        assert!(matches!(p.price(gbp(-1)), Err(OutcomeError::NegativeAmount { .. })));
        assert!(matches!(
            p.price(Money::from_minor(1, Currency::EUR)),
            Err(OutcomeError::Money(MoneyError::CurrencyMismatch { .. }))
        ));
    }

    #[test]
    fn exact_share_is_kept_unrounded() {
        let p = price_from_savings(gbp(1), "33.3%".parse().unwrap(), gbp(100)).unwrap();
        assert_eq!(p.price().amount().to_string(), "0.00333");
    }

    #[test]
    fn serde_validates() {
        let ok = r#"{"share":"50%","maximum":{"amount":"1200.00","currency":"GBP"}}"#;
        let p: SavingsPricing = serde_json::from_str(ok).unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), ok);
        let bad = r#"{"share":"150%","maximum":{"amount":"1200.00","currency":"GBP"}}"#;
        assert!(serde_json::from_str::<SavingsPricing>(bad).is_err());
    }

    proptest! {
        /// The price never exceeds the maximum or the share of the saving,
        /// and never decreases when the saving grows.
        #[test]
        fn bounded_and_monotone(saving in 0_i64..10_000_000, extra in 0_i64..1_000_000, pct in 0_u32..=100, max in 0_i64..5_000_000) {
            let pricing = SavingsPricing::new(Rate::from_percent(pct.into()).unwrap(), gbp(max)).unwrap();
            let a = pricing.price(gbp(saving)).unwrap();
            let b = pricing.price(gbp(saving + extra)).unwrap();
            prop_assert!(a.price().amount() <= gbp(max).amount());
            prop_assert!(a.price().amount() <= a.share_of_saving().amount());
            prop_assert!(a.price().amount() <= b.price().amount());
        }
    }
}
