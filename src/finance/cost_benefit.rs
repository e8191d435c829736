//! The cost-benefit link: avoided activity → savings per partner → an
//! outcome price.

use rust_decimal::Decimal;

use crate::outcomes::{SavingsPrice, SavingsPricing};
use crate::{Currency, Money};

use super::CostBenefitError;

/// One unit cost: what one unit of an activity costs one partner.
#[derive(Debug, Clone, PartialEq, Eq)]
struct UnitCost {
    activity: String,
    partner: String,
    cost: Money,
}

/// Unit costs of activities to each partner that bears them: a bed day to the
/// NHS board, a care-home week to a council, a reconviction event to the
/// justice system.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
/// use integration_outcomes::Currency;
/// use rust_decimal::Decimal;
///
/// // Illustrative unit costs.
/// let mut costs = UnitCosts::new(Currency::GBP);
/// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
/// costs.add("care home week", "dundee", "GBP 600".parse()?)?;
/// let saving = costs.saving(&[
///     AvoidedActivity::new("bed day", Decimal::from(40))?,
///     AvoidedActivity::new("care home week", Decimal::from(10))?,
/// ])?;
/// assert_eq!(saving.total().to_string(), "GBP 16,000.00");
/// assert_eq!(saving.for_partner("dundee")?.to_string(), "GBP 6,000.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitCosts {
    currency: Currency,
    costs: Vec<UnitCost>,
}

impl UnitCosts {
    /// No unit costs yet, in `currency`.
    ///
    /// ```
    /// use integration_outcomes::finance::UnitCosts;
    /// use integration_outcomes::Currency;
    /// let costs = UnitCosts::new(Currency::EUR);
    /// assert_eq!(costs.currency(), Currency::EUR);
    /// ```
    #[must_use]
    pub const fn new(currency: Currency) -> UnitCosts {
        UnitCosts { currency, costs: Vec::new() }
    }

    /// Declares that one unit of `activity` costs `partner` `cost`. An
    /// activity may cost several partners (a delayed discharge costs the NHS
    /// a bed day and the council an assessment).
    ///
    /// # Errors
    ///
    /// [`CostBenefitError::BlankField`], [`CostBenefitError::NegativeUnitCost`],
    /// [`CostBenefitError::CurrencyMismatch`], or
    /// [`CostBenefitError::DuplicateUnitCost`] if this activity and partner
    /// already have a cost.
    ///
    /// ```
    /// use integration_outcomes::finance::{CostBenefitError, UnitCosts};
    /// use integration_outcomes::Currency;
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
    /// assert!(matches!(
    ///     costs.add("bed day", "nhs-tayside", "GBP 260".parse()?),
    ///     Err(CostBenefitError::DuplicateUnitCost { .. })
    /// ));
    /// assert!(costs.add("bed day", "dundee", "EUR 30".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(
        &mut self,
        activity: impl Into<String>,
        partner: impl Into<String>,
        cost: Money,
    ) -> Result<(), CostBenefitError> {
        let activity = activity.into();
        let partner = partner.into();
        if activity.trim().is_empty() {
            return Err(CostBenefitError::BlankField { field: "activity" });
        }
        if partner.trim().is_empty() {
            return Err(CostBenefitError::BlankField { field: "partner" });
        }
        if cost.currency() != self.currency {
            return Err(CostBenefitError::CurrencyMismatch {
                activity,
                partner,
                expected: self.currency,
                found: cost.currency(),
            });
        }
        if cost.is_negative() {
            return Err(CostBenefitError::NegativeUnitCost { activity, partner, cost });
        }
        if self.costs.iter().any(|c| c.activity == activity && c.partner == partner) {
            return Err(CostBenefitError::DuplicateUnitCost { activity, partner });
        }
        self.costs.push(UnitCost { activity, partner, cost });
        Ok(())
    }

    /// The currency.
    ///
    /// ```
    /// use integration_outcomes::finance::UnitCosts;
    /// use integration_outcomes::Currency;
    /// assert_eq!(UnitCosts::new(Currency::GBP).currency(), Currency::GBP);
    /// ```
    #[must_use]
    pub const fn currency(&self) -> Currency {
        self.currency
    }

    /// The saving that `avoided` activity represents, per partner and in
    /// total, exact (`quantity × unit cost`, no rounding).
    ///
    /// # Errors
    ///
    /// [`CostBenefitError::NoUnitCost`] naming an activity no partner has a
    /// unit cost for; [`CostBenefitError::Money`] on overflow.
    ///
    /// ```
    /// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
    /// use integration_outcomes::Currency;
    /// use rust_decimal::Decimal;
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
    /// costs.add("bed day", "dundee", "GBP 30".parse()?)?; // discharge assessment
    /// let saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
    /// // One bed day avoided saves both partners.
    /// assert_eq!(saving.total().to_string(), "GBP 11,200.00");
    /// assert_eq!(saving.lines().len(), 2);
    /// assert!(costs.saving(&[AvoidedActivity::new("ambulance call", Decimal::ONE)?]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn saving(&self, avoided: &[AvoidedActivity]) -> Result<Saving, CostBenefitError> {
        let mut lines = Vec::new();
        for a in avoided {
            let mut found = false;
            for c in self.costs.iter().filter(|c| c.activity == a.activity) {
                found = true;
                lines.push(SavingLine {
                    activity: a.activity.clone(),
                    partner: c.partner.clone(),
                    quantity: a.quantity,
                    unit_cost: c.cost,
                    saving: c.cost.checked_mul(a.quantity)?,
                });
            }
            if !found {
                return Err(CostBenefitError::NoUnitCost { activity: a.activity.clone() });
            }
        }
        let mut by_partner: Vec<(String, Money)> = Vec::new();
        for line in &lines {
            match by_partner.iter_mut().find(|(p, _)| *p == line.partner) {
                Some((_, total)) => *total = total.checked_add(line.saving)?,
                None => by_partner.push((line.partner.clone(), line.saving)),
            }
        }
        let total = Money::sum(self.currency, lines.iter().map(|l| l.saving))?;
        Ok(Saving { total, by_partner, lines })
    }
}

/// A quantity of activity avoided: care days, bed days, reconviction events.
/// Quantities may be fractional (days avoided against a baseline
/// proportion).
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::AvoidedActivity;
/// use rust_decimal::Decimal;
/// let days = AvoidedActivity::new("care placement day", Decimal::new(12_345, 1))?;
/// assert_eq!(days.quantity().to_string(), "1234.5");
/// assert!(AvoidedActivity::new("bed day", Decimal::NEGATIVE_ONE).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AvoidedActivity {
    activity: String,
    quantity: Decimal,
}

impl AvoidedActivity {
    /// `quantity` units of `activity` avoided.
    ///
    /// # Errors
    ///
    /// [`CostBenefitError::BlankField`] if the activity is blank;
    /// [`CostBenefitError::NegativeQuantity`] if the quantity is negative
    /// (more activity is a cost, not a saving).
    ///
    /// ```
    /// use integration_outcomes::finance::AvoidedActivity;
    /// use rust_decimal::Decimal;
    /// let days = AvoidedActivity::new("bed day", Decimal::new(405, 1))?;
    /// assert_eq!(days.quantity(), Decimal::new(405, 1));
    /// assert!(AvoidedActivity::new(" ", Decimal::ONE).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        activity: impl Into<String>,
        quantity: Decimal,
    ) -> Result<AvoidedActivity, CostBenefitError> {
        let activity = activity.into();
        if activity.trim().is_empty() {
            return Err(CostBenefitError::BlankField { field: "activity" });
        }
        if quantity.is_sign_negative() && !quantity.is_zero() {
            return Err(CostBenefitError::NegativeQuantity { activity, quantity });
        }
        Ok(AvoidedActivity { activity, quantity })
    }

    /// The activity.
    ///
    /// ```
    /// use integration_outcomes::finance::AvoidedActivity;
    /// use rust_decimal::Decimal;
    /// assert_eq!(AvoidedActivity::new("bed day", Decimal::from(40))?.activity(), "bed day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn activity(&self) -> &str {
        &self.activity
    }

    /// The quantity avoided.
    ///
    /// ```
    /// use integration_outcomes::finance::AvoidedActivity;
    /// use rust_decimal::Decimal;
    /// assert_eq!(AvoidedActivity::new("bed day", Decimal::from(40))?.quantity(), Decimal::from(40));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn quantity(&self) -> Decimal {
        self.quantity
    }
}

/// One line of a [`Saving`]: an activity avoided, the partner it would have
/// cost, the quantity, the unit cost and the saving.
///
/// # Example
///
/// ```
/// use integration_outcomes::finance::{AvoidedActivity, SavingLine, UnitCosts};
/// use integration_outcomes::Currency;
/// use rust_decimal::Decimal;
///
/// let mut costs = UnitCosts::new(Currency::GBP);
/// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
/// costs.add("bed day", "dundee", "GBP 30".parse()?)?; // discharge assessment
/// let saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
/// // One line per partner the avoided activity would have cost.
/// let line: &SavingLine = &saving.lines()[1];
/// assert_eq!((line.activity(), line.partner()), ("bed day", "dundee"));
/// assert_eq!(line.unit_cost().to_string(), "GBP 30.00");
/// assert_eq!(line.saving().to_string(), "GBP 1,200.00"); // 40 × £30
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavingLine {
    activity: String,
    partner: String,
    quantity: Decimal,
    unit_cost: Money,
    saving: Money,
}

impl SavingLine {
    /// The activity.
    ///
    /// ```
    /// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
    /// use integration_outcomes::Currency;
    /// use rust_decimal::Decimal;
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
    /// let saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
    /// let line = &saving.lines()[0];
    /// assert_eq!(line.activity(), "bed day");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn activity(&self) -> &str {
        &self.activity
    }
    /// The partner.
    ///
    /// ```
    /// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
    /// use integration_outcomes::Currency;
    /// use rust_decimal::Decimal;
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
    /// let saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
    /// let line = &saving.lines()[0];
    /// assert_eq!(line.partner(), "nhs-tayside");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn partner(&self) -> &str {
        &self.partner
    }
    /// The quantity avoided.
    ///
    /// ```
    /// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
    /// use integration_outcomes::Currency;
    /// use rust_decimal::Decimal;
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
    /// let saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
    /// let line = &saving.lines()[0];
    /// assert_eq!(line.quantity(), Decimal::from(40));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn quantity(&self) -> Decimal {
        self.quantity
    }
    /// The unit cost to this partner.
    ///
    /// ```
    /// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
    /// use integration_outcomes::Currency;
    /// use rust_decimal::Decimal;
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
    /// let saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
    /// let line = &saving.lines()[0];
    /// assert_eq!(line.unit_cost().to_string(), "GBP 250.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn unit_cost(&self) -> Money {
        self.unit_cost
    }
    /// `quantity × unit cost`, exact.
    ///
    /// ```
    /// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
    /// use integration_outcomes::Currency;
    /// use rust_decimal::Decimal;
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
    /// let saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
    /// let line = &saving.lines()[0];
    /// assert_eq!(line.saving().to_string(), "GBP 10,000.00"); // 40 × £250
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn saving(&self) -> Money {
        self.saving
    }
}

/// The saving avoided activity represents: per line, per partner and in
/// total, all exact.
///
/// # Example
///
/// See also [`UnitCosts`] and [`Saving::outcome_price`].
///
/// ```
/// use integration_outcomes::finance::{AvoidedActivity, Saving, UnitCosts};
/// use integration_outcomes::{Currency, Money};
/// use rust_decimal::Decimal;
///
/// let mut costs = UnitCosts::new(Currency::GBP);
/// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
/// costs.add("bed day", "dundee", "GBP 30".parse()?)?; // discharge assessment
/// let saving: Saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
/// assert_eq!(saving.total().to_string(), "GBP 11,200.00"); // 40 × (£250 + £30)
/// assert_eq!(saving.for_partner("nhs-tayside")?.to_string(), "GBP 10,000.00");
/// let lines = Money::sum(Currency::GBP, saving.lines().iter().map(|l| l.saving()))?;
/// assert_eq!(lines, saving.total());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saving {
    total: Money,
    by_partner: Vec<(String, Money)>,
    lines: Vec<SavingLine>,
}

impl Saving {
    /// The total saving across partners.
    ///
    /// ```
    /// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
    /// use integration_outcomes::Currency;
    /// use rust_decimal::Decimal;
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
    /// costs.add("bed day", "dundee", "GBP 30".parse()?)?; // discharge assessment
    /// let saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
    /// assert_eq!(saving.total().to_string(), "GBP 11,200.00"); // 40 × (£250 + £30)
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total(&self) -> Money {
        self.total
    }

    /// The saving per partner, in the order partners first appear.
    ///
    /// ```
    /// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
    /// use integration_outcomes::Currency;
    /// use rust_decimal::Decimal;
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
    /// costs.add("bed day", "dundee", "GBP 30".parse()?)?; // discharge assessment
    /// let saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
    /// let partners: Vec<_> = saving.by_partner().iter().map(|(p, m)| (p.as_str(), m.to_string())).collect();
    /// assert_eq!(partners, [("nhs-tayside", "GBP 10,000.00".to_string()), ("dundee", "GBP 1,200.00".to_string())]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn by_partner(&self) -> &[(String, Money)] {
        &self.by_partner
    }

    /// Every line.
    ///
    /// ```
    /// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
    /// use integration_outcomes::Currency;
    /// use rust_decimal::Decimal;
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
    /// costs.add("bed day", "dundee", "GBP 30".parse()?)?; // discharge assessment
    /// let saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
    /// assert_eq!(saving.lines().len(), 2);
    /// assert_eq!(saving.lines()[1].partner(), "dundee");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lines(&self) -> &[SavingLine] {
        &self.lines
    }

    /// The saving to one partner.
    ///
    /// # Errors
    ///
    /// [`CostBenefitError::UnknownPartner`] if the partner has no line.
    ///
    /// ```
    /// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
    /// use integration_outcomes::Currency;
    /// use rust_decimal::Decimal;
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
    /// costs.add("bed day", "dundee", "GBP 30".parse()?)?; // discharge assessment
    /// let saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
    /// assert_eq!(saving.for_partner("dundee")?.to_string(), "GBP 1,200.00");
    /// assert!(saving.for_partner("fife").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_partner(&self, partner: &str) -> Result<Money, CostBenefitError> {
        self.by_partner
            .iter()
            .find(|(p, _)| p == partner)
            .map(|(_, m)| *m)
            .ok_or_else(|| CostBenefitError::UnknownPartner { partner: partner.to_owned() })
    }

    /// The outcome price for the whole saving under `pricing` (a share of the
    /// saving, bounded by a maximum price), by
    /// [`SavingsPricing::price`](crate::outcomes::SavingsPricing::price)
    /// from the payments module.
    ///
    /// # Errors
    ///
    /// [`CostBenefitError::Pricing`] if the pricing rejects the saving (for
    /// example a currency other than the maximum price's).
    ///
    /// ```
    /// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
    /// use integration_outcomes::outcomes::{PriceBound, SavingsPricing};
    /// use integration_outcomes::{Currency, Money};
    /// use rust_decimal::Decimal;
    ///
    /// // Illustrative: a care placement day costs the council £200; the
    /// // outcome price is half the saving, at most £1m.
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("care placement day", "essex", "GBP 200".parse()?)?;
    /// let saving = costs.saving(&[AvoidedActivity::new("care placement day", Decimal::from(12_000))?])?;
    /// let price = saving.outcome_price(&SavingsPricing::new("50%".parse()?, Money::from_major(1_000_000, Currency::GBP))?)?;
    /// assert_eq!(price.price().to_string(), "GBP 1,000,000.00");
    /// assert_eq!(price.bound(), PriceBound::MaximumPrice);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outcome_price(
        &self,
        pricing: &SavingsPricing,
    ) -> Result<SavingsPrice, CostBenefitError> {
        Ok(pricing.price(self.total)?)
    }

    /// The outcome price for one partner's saving (when each partner pays
    /// for what it saves).
    ///
    /// # Errors
    ///
    /// [`CostBenefitError::UnknownPartner`] if the partner has no saving;
    /// [`CostBenefitError::Pricing`] as for
    /// [`outcome_price`](Self::outcome_price).
    ///
    /// ```
    /// use integration_outcomes::finance::{AvoidedActivity, UnitCosts};
    /// use integration_outcomes::outcomes::{PriceBound, SavingsPricing};
    /// use integration_outcomes::{Currency, Money};
    /// use rust_decimal::Decimal;
    /// let mut costs = UnitCosts::new(Currency::GBP);
    /// costs.add("bed day", "nhs-tayside", "GBP 250".parse()?)?;
    /// costs.add("bed day", "dundee", "GBP 30".parse()?)?;
    /// let saving = costs.saving(&[AvoidedActivity::new("bed day", Decimal::from(40))?])?;
    /// let half = SavingsPricing::new("50%".parse()?, Money::from_major(1_000_000, Currency::GBP))?;
    /// let price = saving.outcome_price_for("dundee", &half)?;
    /// assert_eq!(price.price().to_string(), "GBP 600.00");
    /// assert_eq!(price.bound(), PriceBound::ShareOfSaving);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn outcome_price_for(
        &self,
        partner: &str,
        pricing: &SavingsPricing,
    ) -> Result<SavingsPrice, CostBenefitError> {
        Ok(pricing.price(self.for_partner(partner)?)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_cost_validation() {
        let mut c = UnitCosts::new(Currency::GBP);
        c.add("bed day", "nhs", Money::from_major(250, Currency::GBP)).unwrap();
        assert!(matches!(
            c.add("bed day", "nhs", Money::from_major(1, Currency::GBP)),
            Err(CostBenefitError::DuplicateUnitCost { .. })
        ));
        assert!(matches!(
            c.add("bed day", "angus", Money::from_major(-1, Currency::GBP)),
            Err(CostBenefitError::NegativeUnitCost { .. })
        ));
        assert!(matches!(
            c.add("bed day", "angus", Money::from_major(1, Currency::EUR)),
            Err(CostBenefitError::CurrencyMismatch { .. })
        ));
        assert!(matches!(
            c.add(" ", "angus", Money::zero(Currency::GBP)),
            Err(CostBenefitError::BlankField { .. })
        ));
    }

    #[test]
    fn an_activity_can_save_several_partners() {
        let mut c = UnitCosts::new(Currency::GBP);
        c.add("delayed discharge day", "nhs", Money::from_major(250, Currency::GBP)).unwrap();
        c.add("delayed discharge day", "angus", Money::from_major(40, Currency::GBP)).unwrap();
        let s = c
            .saving(&[AvoidedActivity::new("delayed discharge day", Decimal::new(25, 1)).unwrap()])
            .unwrap();
        assert_eq!(s.lines().len(), 2);
        assert_eq!(s.for_partner("nhs").unwrap(), Money::from_minor(62_500, Currency::GBP));
        assert_eq!(s.for_partner("angus").unwrap(), Money::from_major(100, Currency::GBP));
        assert_eq!(s.total(), Money::from_minor(72_500, Currency::GBP));
        assert!(matches!(s.for_partner("perth"), Err(CostBenefitError::UnknownPartner { .. })));
        let pricing =
            SavingsPricing::new("40%".parse().unwrap(), Money::from_major(1_000, Currency::GBP))
                .unwrap();
        assert_eq!(
            s.outcome_price_for("angus", &pricing).unwrap().price(),
            Money::from_major(40, Currency::GBP)
        );
        let euros =
            SavingsPricing::new("40%".parse().unwrap(), Money::from_major(1_000, Currency::EUR))
                .unwrap();
        assert!(matches!(s.outcome_price(&euros), Err(CostBenefitError::Pricing(_))));
    }
}
