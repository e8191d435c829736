//! Built-in rate cards, shipped as JSON in `data/rate_cards/` and loaded
//! through the same validating deserialiser users call.

use super::{OutcomeError, RateCard};

fn load(name: &'static str, json: &str) -> Result<RateCard, OutcomeError> {
    serde_json::from_str(json)
        .map_err(|e| OutcomeError::BuiltinData { name, reason: e.to_string() })
}

impl RateCard {
    /// The DWP Innovation Fund round 1 price set (April 2012 projects), from
    /// the GO Lab INDIGO export (Static150424, projects_outcome_pricings.csv):
    /// nine outcomes from improved school behaviour (£1,300) to sustained
    /// employment (£1,000).
    ///
    /// The per-participant cap is not part of the card: sources disagree
    /// (£8,200 or £11,700), so it is a contract parameter
    /// ([`RateCardTerms::with_participant_cap`](crate::outcomes::RateCardTerms::with_participant_cap)).
    ///
    /// Every outcome pays once per participant. Sustained employment needs
    /// entry to employment first. The school attendance outcome (and, in
    /// round 2, the attitude outcome) is restricted to participants aged
    /// 14–15 at programme start, as in the Youth Engagement Fund outcome list
    /// that reuses these definitions; drop the restriction in your own card
    /// if your contract differs.
    ///
    /// The outcome ids to type, their prices and conditions:
    ///
    /// | Outcome id | Maximum price | What it pays for | Conditions |
    /// |---|---|---|---|
    /// | `improved_school_behaviour` | £1,300.00 | improved behaviour at school for 13 continuous weeks; letter from school or teacher | — |
    /// | `improved_school_attendance` | £800.00 | persistent truancy to average attendance for 13 weeks; letter and attendance record | aged 14–15 at start |
    /// | `first_level_1_qualification` | £700.00 | first Level 1 NQF qualification | — |
    /// | `first_level_2_qualification` | £2,200.00 | first Level 2 NQF qualification | — |
    /// | `first_level_3_qualification` | £3,300.00 | first Level 3 NQF qualification | — |
    /// | `first_level_4_or_higher_education` | £2,000.00 | first Level 4+ qualification or entry to higher or further education (13 weeks) | — |
    /// | `esol_course_completed` | £1,200.00 | English for speakers of other languages course completed | — |
    /// | `entry_to_employment` | £2,600.00 | entry into first employment, at least 16 hours a week for 13 weeks (under-18s need a training element of at least 280 guided learning hours a year) | — |
    /// | `sustained_employment` | £1,000.00 | sustained employment for 26 weeks, off benefit | after `entry_to_employment` |
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_1()?;
    /// let ids: Vec<&str> = card.outcomes().iter().map(|o| o.id().as_str()).collect();
    /// assert_eq!(ids, ["improved_school_behaviour", "improved_school_attendance", "first_level_1_qualification", "first_level_2_qualification", "first_level_3_qualification", "first_level_4_or_higher_education", "esol_course_completed", "entry_to_employment", "sustained_employment"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    /// from the GO Lab INDIGO export (Static150424, projects_outcome_pricings.csv):
    /// ten outcomes.
    ///
    /// Every outcome pays once per participant. Sustained employment needs
    /// entry to employment first. The school attendance outcome (and, in
    /// round 2, the attitude outcome) is restricted to participants aged
    /// 14–15 at programme start, as in the Youth Engagement Fund outcome list
    /// that reuses these definitions; drop the restriction in your own card
    /// if your contract differs.
    ///
    /// The outcome ids to type, their prices and conditions:
    ///
    /// | Outcome id | Maximum price | What it pays for | Conditions |
    /// |---|---|---|---|
    /// | `improved_school_behaviour` | £1,300.00 | improved behaviour at school for 13 continuous weeks; letter from school or teacher | — |
    /// | `improved_school_attendance` | £1,400.00 | persistent truancy to average attendance for 13 weeks; letter and attendance record | aged 14–15 at start |
    /// | `improved_attitude_to_school` | £700.00 | improved attitude to school or education | aged 14–15 at start |
    /// | `qcf_entry_level_qualification` | £900.00 | QCF-accredited entry-level qualification | — |
    /// | `basic_skills` | £900.00 | basic skills qualification | — |
    /// | `first_level_1_qualification` | £1,100.00 | first Level 1 NQF qualification | — |
    /// | `first_level_2_qualification` | £3,300.00 | first Level 2 NQF qualification | — |
    /// | `first_level_3_qualification` | £5,100.00 | first Level 3 NQF qualification | — |
    /// | `entry_to_employment` | £3,500.00 | entry into first employment, at least 16 hours a week for 13 weeks (under-18s need a training element of at least 280 guided learning hours a year) | — |
    /// | `sustained_employment` | £2,000.00 | sustained employment for 26 weeks, off benefit | after `entry_to_employment` |
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::innovation_fund_round_2()?;
    /// let ids: Vec<&str> = card.outcomes().iter().map(|o| o.id().as_str()).collect();
    /// assert_eq!(ids, ["improved_school_behaviour", "improved_school_attendance", "improved_attitude_to_school", "qcf_entry_level_qualification", "basic_skills", "first_level_1_qualification", "first_level_2_qualification", "first_level_3_qualification", "entry_to_employment", "sustained_employment"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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

    /// The DCLG Fair Chance Fund card (young homeless people aged 18–24;
    /// identical in all seven projects in the GO Lab INDIGO export): 21
    /// outcomes from assessments to volunteering.
    ///
    /// Every outcome pays once per participant. The prerequisites are
    /// inferred from the outcome definitions, not published: each later
    /// assessment needs the earlier one, each longer accommodation,
    /// employment or volunteering spell the shorter one of the same kind,
    /// and sustained accommodation the move into accommodation. No
    /// per-participant cap was found in any source.
    ///
    /// The outcome ids to type, their prices and conditions:
    ///
    /// | Outcome id | Maximum price | What it pays for | Conditions |
    /// |---|---|---|---|
    /// | `initial_assessment` | £500.00 | initial assessment | — |
    /// | `second_assessment` | £500.00 | second assessment | after `initial_assessment` |
    /// | `third_assessment` | £200.00 | third assessment | after `second_assessment` |
    /// | `entry_to_accommodation` | £500.00 | move into accommodation (non-hostel tenancy) | — |
    /// | `accommodation_sustained_3_months` | £1,500.00 | accommodation sustained for 3 months | after `entry_to_accommodation` |
    /// | `accommodation_sustained_6_months` | £1,500.00 | accommodation sustained for 6 months | after `accommodation_sustained_3_months` |
    /// | `accommodation_sustained_12_months` | £1,500.00 | accommodation sustained for 12 months | after `accommodation_sustained_6_months` |
    /// | `accommodation_sustained_18_months` | £1,500.00 | accommodation sustained for 18 months | after `accommodation_sustained_12_months` |
    /// | `entry_to_education_or_training` | £500.00 | entry into education or training | — |
    /// | `first_entry_level_qualification` | £1,500.00 | first entry-level qualification (at least 45 guided learning hours) | — |
    /// | `first_level_1_qualification` | £2,500.00 | first Level 1 qualification (at least 120 guided learning hours) | — |
    /// | `first_level_2_qualification` | £3,500.00 | first Level 2 qualification (at least 325 guided learning hours) | — |
    /// | `entry_to_employment` | £500.00 | entry into employment | — |
    /// | `part_time_employment_13_weeks` | £3,000.00 | 13 weeks part-time employment (8-16 hours a week) | — |
    /// | `part_time_employment_26_weeks` | £2,000.00 | 26 weeks part-time employment | after `part_time_employment_13_weeks` |
    /// | `full_time_employment_13_weeks` | £4,500.00 | 13 weeks full-time employment (at least 16 hours a week) | — |
    /// | `full_time_employment_26_weeks` | £3,500.00 | 26 weeks full-time employment | after `full_time_employment_13_weeks` |
    /// | `volunteering_6_weeks` | £500.00 | volunteering for 6 weeks | — |
    /// | `volunteering_13_weeks` | £500.00 | volunteering for 13 weeks | after `volunteering_6_weeks` |
    /// | `volunteering_20_weeks` | £250.00 | volunteering for 20 weeks | after `volunteering_13_weeks` |
    /// | `volunteering_26_weeks` | £250.00 | volunteering for 26 weeks | after `volunteering_20_weeks` |
    ///
    /// ```
    /// use integration_outcomes::outcomes::RateCard;
    /// let card = RateCard::fair_chance_fund()?;
    /// let ids: Vec<&str> = card.outcomes().iter().map(|o| o.id().as_str()).collect();
    /// assert_eq!(ids, ["initial_assessment", "second_assessment", "third_assessment", "entry_to_accommodation", "accommodation_sustained_3_months", "accommodation_sustained_6_months", "accommodation_sustained_12_months", "accommodation_sustained_18_months", "entry_to_education_or_training", "first_entry_level_qualification", "first_level_1_qualification", "first_level_2_qualification", "entry_to_employment", "part_time_employment_13_weeks", "part_time_employment_26_weeks", "full_time_employment_13_weeks", "full_time_employment_26_weeks", "volunteering_6_weeks", "volunteering_13_weeks", "volunteering_20_weeks", "volunteering_26_weeks"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
