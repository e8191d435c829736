//! Guarantees of principal.

use crate::Money;

use super::InvestmentError;

/// A guarantee by a third party that covers losses of principal up to a
/// limit: when outcome payments fall short of the principal, the guarantor
/// pays the shortfall up to the limit, and the investors bear the rest.
///
/// Rikers Island (NYC ABLE): Bloomberg Philanthropies guaranteed $7.2m of
/// Goldman Sachs's $9.6m loan.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::Guarantee;
/// use integration_outcomes::Money;
///
/// let bloomberg = Guarantee::new("Bloomberg Philanthropies", "USD 7200000".parse()?)?;
/// let shortfall: Money = "USD 9600000".parse()?;
/// assert_eq!(bloomberg.cover(shortfall)?.to_string(), "USD 7,200,000.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "GuaranteeRepr", into = "GuaranteeRepr")]
pub struct Guarantee {
    guarantor: String,
    limit: Money,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct GuaranteeRepr {
    guarantor: String,
    limit: Money,
}

impl TryFrom<GuaranteeRepr> for Guarantee {
    type Error = InvestmentError;
    fn try_from(r: GuaranteeRepr) -> Result<Self, Self::Error> {
        Guarantee::new(r.guarantor, r.limit)
    }
}

impl From<Guarantee> for GuaranteeRepr {
    fn from(g: Guarantee) -> Self {
        GuaranteeRepr { guarantor: g.guarantor, limit: g.limit }
    }
}

impl Guarantee {
    /// A guarantee by `guarantor` of losses up to `limit`.
    ///
    /// # Errors
    ///
    /// [`InvestmentError::BlankField`] if the guarantor's name is blank;
    /// [`InvestmentError::AmountOutOfRange`] if `limit` is negative.
    ///
    /// ```
    /// use integration_outcomes::finance::{Guarantee, InvestmentError};
    /// let err = Guarantee::new(" ", "GBP 100".parse()?).unwrap_err();
    /// assert!(matches!(err, InvestmentError::BlankField { field: "guarantor" }));
    /// assert_eq!(err.to_string(), "guarantor is blank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(guarantor: impl Into<String>, limit: Money) -> Result<Guarantee, InvestmentError> {
        let guarantor = guarantor.into();
        if guarantor.trim().is_empty() {
            return Err(InvestmentError::BlankField { field: "guarantor" });
        }
        if limit.is_negative() {
            return Err(InvestmentError::AmountOutOfRange {
                what: "guarantee limit",
                requirement: "non-negative",
                amount: limit,
            });
        }
        Ok(Guarantee { guarantor, limit })
    }

    /// Who gives the guarantee.
    ///
    /// ```
    /// use integration_outcomes::finance::Guarantee;
    /// let bloomberg = Guarantee::new("Bloomberg Philanthropies", "USD 7200000".parse()?)?;
    /// assert_eq!(bloomberg.guarantor(), "Bloomberg Philanthropies");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn guarantor(&self) -> &str {
        &self.guarantor
    }

    /// The most the guarantor pays.
    ///
    /// ```
    /// use integration_outcomes::finance::Guarantee;
    /// use integration_outcomes::{Currency, Money};
    /// let bloomberg = Guarantee::new("Bloomberg Philanthropies", "USD 7200000".parse()?)?;
    /// assert_eq!(bloomberg.limit(), Money::from_major(7_200_000, Currency::USD));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn limit(&self) -> Money {
        self.limit
    }

    /// What the guarantor pays against a `shortfall` of principal: the
    /// smaller of the shortfall and the limit (nothing if there is no
    /// shortfall).
    ///
    /// # Errors
    ///
    /// [`InvestmentError::Money`] if the currencies differ.
    ///
    /// ```
    /// use integration_outcomes::finance::Guarantee;
    /// use integration_outcomes::Money;
    /// let bloomberg = Guarantee::new("Bloomberg Philanthropies", "USD 7200000".parse()?)?;
    /// // A shortfall within the limit is covered in full; none means nothing is paid.
    /// assert_eq!(bloomberg.cover("USD 1500000".parse()?)?.to_string(), "USD 1,500,000.00");
    /// assert!(bloomberg.cover("USD -10".parse::<Money>()?)?.is_zero());
    /// assert!(bloomberg.cover("GBP 10".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cover(&self, shortfall: Money) -> Result<Money, InvestmentError> {
        let covered = shortfall.min(self.limit)?;
        if covered.is_negative() {
            return Ok(Money::zero(covered.currency()));
        }
        Ok(covered)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    #[test]
    fn blank_guarantor_is_a_blank_field() {
        for blank in ["", " ", "\t"] {
            assert_eq!(
                Guarantee::new(blank, Money::from_major(1, Currency::GBP)),
                Err(InvestmentError::BlankField { field: "guarantor" })
            );
        }
        let json = r#"{"guarantor":" ","limit":{"amount":"1.00","currency":"GBP"}}"#;
        let err = serde_json::from_str::<Guarantee>(json).unwrap_err().to_string();
        assert!(err.contains("guarantor is blank"), "{err}");
    }
}
