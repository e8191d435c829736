//! Built-in rate cards, shipped as JSON in `data/rate_cards/` and loaded
//! through the same validating deserialiser users call.

use super::{OutcomeError, RateCard};

fn load(name: &'static str, json: &str) -> Result<RateCard, OutcomeError> {
    serde_json::from_str(json)
        .map_err(|e| OutcomeError::BuiltinData { name, reason: e.to_string() })
}

impl RateCard {
    /// The DWP Innovation Fund round 1 price set (April 2012 projects), from
    /// the GO Lab INDIGO export (sib-payment-facts §2.1): nine outcomes from
    /// improved school behaviour (£1,300) to sustained employment (£1,000).
    ///
    /// The per-participant cap is not part of the card: sources disagree
    /// (£8,200 or £11,700), so it is a contract parameter
    /// ([`RateCardTerms::with_participant_cap`](crate::outcomes::RateCardTerms::with_participant_cap)).
    ///
    /// # Errors
    ///
    /// [`OutcomeError::BuiltinData`] only if the shipped data is corrupt
    /// (tested).
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_1()?;
    /// let attendance = card.outcome(card.index_of("improved_school_attendance")?).map(|o| o.maximum_price().to_string());
    /// assert_eq!(attendance.as_deref(), Some("GBP 800.00"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn innovation_fund_round_1() -> Result<RateCard, OutcomeError> {
        load(
            "innovation_fund_round_1",
            include_str!("../../data/rate_cards/innovation_fund_round_1.json"),
        )
    }

    /// The DWP Innovation Fund round 2 price set (November 2012 projects),
    /// from the GO Lab INDIGO export (sib-payment-facts §2.1): ten outcomes.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::BuiltinData`] only if the shipped data is corrupt.
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_2()?;
    /// assert_eq!(card.len(), 10);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn innovation_fund_round_2() -> Result<RateCard, OutcomeError> {
        load(
            "innovation_fund_round_2",
            include_str!("../../data/rate_cards/innovation_fund_round_2.json"),
        )
    }

    /// The DCLG Fair Chance Fund card (identical in all seven projects;
    /// sib-payment-facts §2.3): 21 outcomes from assessments to volunteering.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::BuiltinData`] only if the shipped data is corrupt.
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::fair_chance_fund()?;
    /// assert_eq!(card.len(), 21);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fair_chance_fund() -> Result<RateCard, OutcomeError> {
        load("fair_chance_fund", include_str!("../../data/rate_cards/fair_chance_fund.json"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Money;

    fn prices(card: &RateCard) -> Vec<i64> {
        card.outcomes().iter().map(|o| o.maximum_price().to_minor_units().unwrap() / 100).collect()
    }

    /// sib-payment-facts §2.1 and §2.3, price by price.
    #[test]
    fn published_prices() {
        let r1 = RateCard::innovation_fund_round_1().unwrap();
        assert_eq!(prices(&r1), [1300, 800, 700, 2200, 3300, 2000, 1200, 2600, 1000]);
        let r2 = RateCard::innovation_fund_round_2().unwrap();
        assert_eq!(prices(&r2), [1300, 1400, 700, 900, 900, 1100, 3300, 5100, 3500, 2000]);
        let fcf = RateCard::fair_chance_fund().unwrap();
        assert_eq!(
            prices(&fcf),
            [
                500, 500, 200, 500, 1500, 1500, 1500, 1500, 500, 1500, 2500, 3500, 500, 3000, 2000,
                4500, 3500, 500, 500, 250, 250
            ]
        );
        assert!(fcf.notes().is_some_and(|n| n.contains("inferred")));
    }

    #[test]
    fn round_trip_is_stable() {
        for card in
            [RateCard::innovation_fund_round_1().unwrap(), RateCard::fair_chance_fund().unwrap()]
        {
            let json = serde_json::to_string(&card).unwrap();
            let back: RateCard = serde_json::from_str(&json).unwrap();
            assert_eq!(back, card);
            assert_eq!(
                back.outcomes()[0].maximum_price().currency(),
                Money::from_major(1, crate::Currency::GBP).currency()
            );
        }
    }
}
