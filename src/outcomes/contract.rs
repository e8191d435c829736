//! Contracts: rules, payers, currency, caps and rounding; and the evidence
//! they are settled with.

use super::rules::PaymentRule;
use super::{
    BandedMeasurement, BandedRule, BaselineMeasurement, BaselineRule, Claim, Cohort, CohortRule,
    ContractId, Detail, GroupThresholdRule, OutcomeError, Participants, PayerShares, Periodicity,
    Placement, RateCardRule, RuleId, Statement,
};
use crate::{Currency, Money, RoundingPolicy};

/// One payment rule of a contract.
///
/// Rules serialise with a `"kind"` tag (`"rate_card"`, `"group_threshold"`,
/// `"cohort"`, `"baseline"`, `"banded"`) and are validated on the way in.
///
/// ```
/// use integration_outcomes::outcomes::{BaselineRule, Rule};
/// use integration_outcomes::{Currency, Money};
/// let rule: Rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?.into();
/// assert_eq!(rule.id().as_str(), "care_days");
/// let json = serde_json::to_string(&rule)?;
/// assert!(json.starts_with(r#"{"kind":"baseline""#));
/// assert_eq!(serde_json::from_str::<Rule>(&json)?, rule);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Rule {
    /// An individual-level rate card (boxed: its compiled tables are large).
    RateCard(Box<RateCardRule>),
    /// A fixed payment when enough participants qualify.
    GroupThreshold(GroupThresholdRule),
    /// Cohorts against a comparison group.
    Cohort(CohortRule),
    /// Units avoided against a historical baseline.
    Baseline(BaselineRule),
    /// Payment by reduction band.
    Banded(BandedRule),
}

impl Rule {
    /// The rule's id.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, Rule};
    /// use integration_outcomes::{Currency, Money};
    /// let rule: Rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?.into();
    /// assert_eq!(rule.id().as_str(), "care_days");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &RuleId {
        self.payment_rule().id()
    }

    /// The rule's currency.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, Rule};
    /// use integration_outcomes::{Currency, Money};
    /// let rule: Rule = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::GBP))?.into();
    /// assert_eq!(rule.currency(), Currency::GBP);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn currency(&self) -> Currency {
        self.payment_rule().currency()
    }

    /// The rule as the settlement interface every rule kind implements: the
    /// one place a rule kind is matched.
    pub(crate) fn payment_rule(&self) -> &dyn PaymentRule {
        match self {
            Rule::RateCard(r) => r.as_ref(),
            Rule::GroupThreshold(r) => r,
            Rule::Cohort(r) => r,
            Rule::Baseline(r) => r,
            Rule::Banded(r) => r,
        }
    }
}

impl From<RateCardRule> for Rule {
    fn from(r: RateCardRule) -> Self {
        Rule::RateCard(Box::new(r))
    }
}
impl From<GroupThresholdRule> for Rule {
    fn from(r: GroupThresholdRule) -> Self {
        Rule::GroupThreshold(r)
    }
}
impl From<CohortRule> for Rule {
    fn from(r: CohortRule) -> Self {
        Rule::Cohort(r)
    }
}
impl From<BaselineRule> for Rule {
    fn from(r: BaselineRule) -> Self {
        Rule::Baseline(r)
    }
}
impl From<BandedRule> for Rule {
    fn from(r: BandedRule) -> Self {
        Rule::Banded(r)
    }
}

/// The evidence for one rule, borrowed from the caller (claims can be
/// millions).
///
/// ```
/// use integration_outcomes::outcomes::RuleEvidence;
/// let e = RuleEvidence::Cohorts(&[]);
/// assert!(matches!(e, RuleEvidence::Cohorts(_)));
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum RuleEvidence<'a> {
    /// Outcome claims and the participants they are for (rate cards).
    Claims {
        /// The claims.
        claims: &'a [Claim],
        /// Participant details for eligibility.
        participants: &'a Participants,
    },
    /// Placements and the size of the cohort worked with (group thresholds).
    Placements {
        /// The placements.
        placements: &'a [Placement],
        /// Participants in the cohort (for a share threshold).
        cohort_size: u64,
    },
    /// Cohorts (cohort-versus-comparison rules).
    Cohorts(&'a [Cohort]),
    /// Measurements against the baseline.
    Baseline(&'a [BaselineMeasurement]),
    /// Reductions for a banded schedule.
    Banded(&'a [BandedMeasurement]),
}

impl RuleEvidence<'_> {
    /// The kind of evidence, as errors name it.
    pub(crate) const fn kind(&self) -> &'static str {
        match self {
            RuleEvidence::Claims { .. } => "claims",
            RuleEvidence::Placements { .. } => "placements",
            RuleEvidence::Cohorts(_) => "cohorts",
            RuleEvidence::Baseline(_) => "baseline measurements",
            RuleEvidence::Banded(_) => "banded measurements",
        }
    }
}

/// A settlement period's evidence: one [`RuleEvidence`] per rule, by rule id.
///
/// ```
/// use integration_outcomes::outcomes::{Evidence, RuleEvidence};
/// let evidence = Evidence::new().with("reconviction", RuleEvidence::Cohorts(&[]));
/// assert_eq!(evidence.len(), 1);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Evidence<'a> {
    by_rule: Vec<(String, RuleEvidence<'a>)>,
}

impl<'a> Evidence<'a> {
    /// No evidence yet.
    ///
    /// ```
    /// use integration_outcomes::outcomes::Evidence;
    /// let evidence = Evidence::new();
    /// assert!(evidence.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new() -> Evidence<'a> {
        Evidence { by_rule: Vec::new() }
    }

    /// Adds the evidence for rule `rule`.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Cohort, Comparison, Evidence, RuleEvidence};
    /// let cohorts = [Cohort::new("cohort_1", 100, 142, Comparison::rate("155".parse()?, 100)?, "2014-08-07".parse()?)?];
    /// let evidence = Evidence::new().with("reconviction", RuleEvidence::Cohorts(&cohorts));
    /// assert_eq!(evidence.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with(mut self, rule: impl Into<String>, evidence: RuleEvidence<'a>) -> Evidence<'a> {
        self.by_rule.push((rule.into(), evidence));
        self
    }

    /// The number of rules with evidence.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Evidence, RuleEvidence};
    /// let evidence = Evidence::new()
    ///     .with("reconviction", RuleEvidence::Cohorts(&[]))
    ///     .with("care_days", RuleEvidence::Baseline(&[]));
    /// assert_eq!(evidence.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.by_rule.len()
    }

    /// Whether there is none.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Evidence, RuleEvidence};
    /// assert!(Evidence::new().is_empty());
    /// assert!(!Evidence::new().with("reconviction", RuleEvidence::Cohorts(&[])).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_rule.is_empty()
    }

    /// The evidence for `rule`, checked against the rule's kind.
    pub(crate) fn for_rule(&self, rule: &Rule) -> Result<RuleEvidence<'a>, OutcomeError> {
        let id = rule.id().as_str();
        let mut found = self.by_rule.iter().filter(|(r, _)| r == id);
        let err = |reason| OutcomeError::Evidence { rule: id.to_owned(), reason };
        let (_, evidence) = found.next().ok_or_else(|| err("no evidence given"))?;
        if found.next().is_some() {
            return Err(err("evidence given twice"));
        }
        let rule = rule.payment_rule();
        if evidence.kind() != rule.evidence_kind() {
            return Err(super::rules::wrong_evidence(rule, *evidence));
        }
        Ok(*evidence)
    }

    pub(crate) fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.by_rule.iter().map(|(r, _)| r.as_str())
    }
}

/// An outcomes contract: payment rules, payers and their shares, currency,
/// an optional contract cap, reporting periods and a rounding policy.
///
/// Settle it with a period's [`Evidence`] to get a
/// [`Statement`](crate::outcomes::Statement). Contracts are values built in
/// code or loaded with serde, validated on the way in.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{Cohort, CohortRule, CohortStatus, Comparison, Contract, Evidence, PayerShares, PoolingRule, RuleEvidence};
/// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
///
/// let rule = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents,
///     Money::from_major(1_000, Currency::GBP))?; // illustrative price
/// let contract = Contract::new(
///     "peterborough", Currency::GBP,
///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
///     PayerShares::single("ministry_of_justice".parse()?),
///     vec![rule.into()],
/// )?;
/// let per_100 = Comparison::rate("155".parse()?, 100)?;
/// let cohorts = [
///     Cohort::new("cohort_1", 100, 142, per_100, "2014-08-07".parse()?)?,
///     Cohort::new("cohort_2", 100, 0, per_100, "2016-06-30".parse()?)?.with_status(CohortStatus::Pending),
/// ];
/// let statement = contract.settle(&Evidence::new().with("reconviction", RuleEvidence::Cohorts(&cohorts)))?;
/// // 8.39% is below the 10% cohort trigger; the fallback waits for cohort 2.
/// assert!(statement.total().is_zero());
/// assert_eq!(statement.lines().len(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "ContractRepr", into = "ContractRepr")]
pub struct Contract {
    id: ContractId,
    currency: Currency,
    rounding: RoundingPolicy,
    periodicity: Periodicity,
    payers: PayerShares,
    rule_payers: Vec<(RuleId, PayerShares)>,
    rules: Vec<Rule>,
    cap: Option<Money>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ContractRepr {
    id: String,
    currency: Currency,
    rounding: RoundingPolicy,
    #[serde(default = "quarterly")]
    periodicity: Periodicity,
    payers: PayerShares,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rule_payers: Vec<(RuleId, PayerShares)>,
    rules: Vec<Rule>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cap: Option<Money>,
}

fn quarterly() -> Periodicity {
    Periodicity::Quarterly
}

fn whole_at(
    policy: &RoundingPolicy,
    item: impl FnOnce() -> String,
    amount: Money,
) -> Result<(), OutcomeError> {
    if policy.round(amount.amount()) == amount.amount() {
        Ok(())
    } else {
        Err(OutcomeError::NotWholeRoundingUnits {
            item: item(),
            amount,
            decimal_places: policy.decimal_places(),
        })
    }
}

impl Contract {
    /// A contract with its rules, one payer split for all of them, quarterly
    /// periods and no contract cap.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidId`]; [`OutcomeError::ZeroCount`] for no rules;
    /// [`OutcomeError::Duplicate`] for a repeated rule id;
    /// [`OutcomeError::MixedCurrency`] for a rule in another currency;
    /// [`OutcomeError::RoundingFinerThanCurrency`];
    /// [`OutcomeError::NotWholeRoundingUnits`] for rate-card prices or caps
    /// that per-line rounding would change.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, CohortRule, Contract, PayerShares, PoolingRule};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let reconviction = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// let care_days = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?;
    /// let contract = Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![reconviction.into(), care_days.into()])?;
    /// assert_eq!(contract.rules().len(), 2);
    /// // Every rule must be in the contract's currency.
    /// let dollars = BaselineRule::new("care_days", "55%".parse()?, Money::from_major(100, Currency::USD))?;
    /// assert!(Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![dollars.into()]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        currency: Currency,
        rounding: RoundingPolicy,
        payers: PayerShares,
        rules: Vec<Rule>,
    ) -> Result<Contract, OutcomeError> {
        let id = ContractId::new(id)?;
        if rules.is_empty() {
            return Err(OutcomeError::ZeroCount {
                what: format!("number of rules in contract {id}"),
            });
        }
        if rounding.decimal_places() > u32::from(currency.minor_units()) {
            return Err(OutcomeError::RoundingFinerThanCurrency {
                decimal_places: rounding.decimal_places(),
                minor_units: currency.minor_units(),
            });
        }
        let mut seen = std::collections::HashSet::new();
        for rule in &rules {
            if !seen.insert(rule.id()) {
                return Err(OutcomeError::Duplicate { kind: "rule", id: rule.id().to_string() });
            }
            if rule.currency() != currency {
                return Err(OutcomeError::MixedCurrency {
                    item: format!("rule {}", rule.id()),
                    expected: currency,
                    found: rule.currency(),
                });
            }
            if let Rule::RateCard(r) = rule {
                for (k, o) in r.card().outcomes().iter().enumerate() {
                    if let Some(price) = super::OutcomeIndex::new(k).and_then(|i| r.price(i)) {
                        whole_at(
                            &rounding,
                            || format!("price of outcome {} in rule {}", o.id(), r.id()),
                            price,
                        )?;
                    }
                }
                for cap in
                    [r.terms().participant_cap(), r.terms().total_cap()].into_iter().flatten()
                {
                    whole_at(&rounding, || format!("cap in rule {}", r.id()), cap)?;
                }
            }
        }
        Ok(Contract {
            id,
            currency,
            rounding,
            periodicity: Periodicity::Quarterly,
            payers,
            rule_payers: Vec::new(),
            rules,
            cap: None,
        })
    }

    /// Sets the reporting periods (quarterly by default).
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, CohortRule, Contract, PayerShares, PoolingRule};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let reconviction = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// let care_days = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?;
    /// let contract = Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![reconviction.into(), care_days.into()])?;
    /// use integration_outcomes::outcomes::Periodicity;
    /// let contract = contract.with_periodicity(Periodicity::Annual);
    /// assert_eq!(contract.periodicity(), Periodicity::Annual);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_periodicity(mut self, periodicity: Periodicity) -> Contract {
        self.periodicity = periodicity;
        self
    }

    /// Caps what the whole contract pays.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::MixedCurrency`] or [`OutcomeError::NegativeAmount`].
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, CohortRule, Contract, PayerShares, PoolingRule};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let reconviction = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// let care_days = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?;
    /// let contract = Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![reconviction.into(), care_days.into()])?;
    /// let capped = contract.clone().with_cap(gbp(7_100_000))?;
    /// assert_eq!(capped.cap(), Some(gbp(7_100_000)));
    /// assert!(contract.with_cap(Money::from_major(1, Currency::USD)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_cap(mut self, cap: Money) -> Result<Contract, OutcomeError> {
        super::cohort::check_amount(|| "contract cap".to_owned(), cap, self.currency)?;
        self.cap = Some(cap);
        Ok(self)
    }

    /// Gives one rule its own payers (a different payer per metric, as in
    /// Chicago's Child-Parent Centers).
    ///
    /// # Errors
    ///
    /// [`OutcomeError::UnknownRule`] if the rule is not in the contract;
    /// [`OutcomeError::Duplicate`] if it already has its own payers.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, CohortRule, Contract, PayerShares, PoolingRule};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let reconviction = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// let care_days = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?;
    /// let contract = Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![reconviction.into(), care_days.into()])?;
    /// let contract = contract.with_rule_payers("care_days", PayerShares::single("county_council".parse()?))?;
    /// let care_days = &contract.rules()[1];
    /// assert_eq!(contract.payers_of(care_days.id()).shares()[0].0.as_str(), "county_council");
    /// assert!(contract.with_rule_payers("no_such_rule", PayerShares::single("x".parse()?)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_rule_payers(
        mut self,
        rule: &str,
        payers: PayerShares,
    ) -> Result<Contract, OutcomeError> {
        let Some(id) = self.rules.iter().map(Rule::id).find(|r| r.as_str() == rule).cloned() else {
            return Err(OutcomeError::UnknownRule { rule: rule.to_owned() });
        };
        if self.rule_payers.iter().any(|(r, _)| *r == id) {
            return Err(OutcomeError::Duplicate { kind: "rule payers", id: rule.to_owned() });
        }
        self.rule_payers.push((id, payers));
        Ok(self)
    }

    /// The contract's id.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, CohortRule, Contract, PayerShares, PoolingRule};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let reconviction = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// let care_days = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?;
    /// let contract = Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![reconviction.into(), care_days.into()])?;
    /// assert_eq!(contract.id().as_str(), "example");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &ContractId {
        &self.id
    }
    /// The currency every amount is in.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, CohortRule, Contract, PayerShares, PoolingRule};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let reconviction = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// let care_days = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?;
    /// let contract = Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![reconviction.into(), care_days.into()])?;
    /// assert_eq!(contract.currency(), Currency::GBP);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn currency(&self) -> Currency {
        self.currency
    }
    /// The rounding policy.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, CohortRule, Contract, PayerShares, PoolingRule};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let reconviction = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// let care_days = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?;
    /// let contract = Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![reconviction.into(), care_days.into()])?;
    /// assert_eq!(contract.rounding(), pence);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rounding(&self) -> RoundingPolicy {
        self.rounding
    }
    /// The reporting periods.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, CohortRule, Contract, PayerShares, PoolingRule};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let reconviction = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// let care_days = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?;
    /// let contract = Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![reconviction.into(), care_days.into()])?;
    /// use integration_outcomes::outcomes::Periodicity;
    /// assert_eq!(contract.periodicity(), Periodicity::Quarterly); // the default
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn periodicity(&self) -> Periodicity {
        self.periodicity
    }
    /// The default payers.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, CohortRule, Contract, PayerShares, PoolingRule};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let reconviction = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// let care_days = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?;
    /// let contract = Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![reconviction.into(), care_days.into()])?;
    /// assert_eq!(contract.payers().shares().len(), 1);
    /// assert_eq!(contract.payers().shares()[0].0.as_str(), "commissioner");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payers(&self) -> &PayerShares {
        &self.payers
    }
    /// The payers of rule `rule`.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, CohortRule, Contract, PayerShares, PoolingRule};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let reconviction = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// let care_days = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?;
    /// let contract = Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![reconviction.into(), care_days.into()])?;
    /// let reconviction = contract.rules()[0].id();
    /// // Without its own payers a rule is paid by the contract's payers.
    /// assert_eq!(contract.payers_of(reconviction), contract.payers());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn payers_of(&self, rule: &RuleId) -> &PayerShares {
        self.rule_payers.iter().find(|(r, _)| r == rule).map_or(&self.payers, |(_, p)| p)
    }
    /// The rules, in order.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, CohortRule, Contract, PayerShares, PoolingRule};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let reconviction = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// let care_days = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?;
    /// let contract = Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![reconviction.into(), care_days.into()])?;
    /// let ids: Vec<&str> = contract.rules().iter().map(|r| r.id().as_str()).collect();
    /// assert_eq!(ids, ["reconviction", "care_days"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }
    /// The contract cap, if any.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BaselineRule, CohortRule, Contract, PayerShares, PoolingRule};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let pence = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine);
    /// let reconviction = CohortRule::new("reconviction", "10%".parse()?, "7.5%".parse()?, PoolingRule::PooledEvents, gbp(1_000))?;
    /// let care_days = BaselineRule::new("care_days", "55%".parse()?, gbp(100))?;
    /// let contract = Contract::new("example", Currency::GBP, pence, PayerShares::single("commissioner".parse()?),
    ///     vec![reconviction.into(), care_days.into()])?;
    /// assert_eq!(contract.cap(), None);
    /// assert_eq!(contract.with_cap(gbp(1_000_000))?.cap(), Some(gbp(1_000_000)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn cap(&self) -> Option<Money> {
        self.cap
    }

    /// Settles the contract with the full audit trail
    /// ([`Detail::Audit`]): every claim is a line.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Evidence`] if a rule has no evidence or evidence given
    /// twice, or if group-threshold evidence gives a cohort size smaller
    /// than the number of participants placed;
    /// [`OutcomeError::WrongEvidence`] for evidence of another kind than the
    /// rule settles from;
    /// [`OutcomeError::UnknownRule`] if evidence names a rule the contract
    /// does not have; [`OutcomeError::Duplicate`] for a cohort listed twice
    /// or two measurements of one rule on one date;
    /// [`OutcomeError::InvalidId`] for a cohort named `fallback` (the label
    /// of the pooled fallback); [`OutcomeError::ZeroCount`] for
    /// group-threshold evidence with a cohort size of zero;
    /// [`OutcomeError::Overflow`] if an amount or count overflows.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Contract, Evidence, OutcomeError, Participants, PayerShares, RateCard, RateCardRule, RateCardTerms, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = [
    ///     rule.claim(7, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(7, "sustained_employment", "2013-09-02".parse()?)?,
    /// ];
    /// let contract = Contract::new("if", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::single("dwp".parse()?), vec![rule.into()])?;
    /// let nobody = Participants::none();
    /// let evidence = Evidence::new().with("if_round_1", RuleEvidence::Claims { claims: &claims, participants: &nobody });
    /// let statement = contract.settle(&evidence)?;
    /// assert_eq!(statement.lines().len(), 2); // every claim is a line
    /// assert_eq!(statement.total(), Money::from_major(3_600, Currency::GBP));
    /// // Evidence for a rule the contract does not have is refused, even
    /// // alongside complete evidence for the rules it does have.
    /// let stray = evidence.with("no_such_rule", RuleEvidence::Claims { claims: &claims, participants: &nobody });
    /// assert!(matches!(contract.settle(&stray), Err(OutcomeError::UnknownRule { rule, .. }) if rule == "no_such_rule"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn settle(&self, evidence: &Evidence<'_>) -> Result<Statement, OutcomeError> {
        self.settle_with(evidence, Detail::Audit)
    }

    /// Settles the contract keeping `detail`: with [`Detail::TotalsOnly`],
    /// rate-card claims are summarised by outcome instead of listed.
    ///
    /// # Errors
    ///
    /// As for [`settle`](Self::settle).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Detail, ClaimWindow, Contract, Evidence, Participants, PayerShares, RateCard, RateCardRule, RateCardTerms, RuleEvidence};
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let claims = [
    ///     rule.claim(7, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(7, "sustained_employment", "2013-09-02".parse()?)?,
    /// ];
    /// let contract = Contract::new("if", Currency::GBP,
    ///     RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::TowardZero, RoundingStage::PerLine),
    ///     PayerShares::single("dwp".parse()?), vec![rule.into()])?;
    /// let nobody = Participants::none();
    /// let evidence = Evidence::new().with("if_round_1", RuleEvidence::Claims { claims: &claims, participants: &nobody });
    /// let totals = contract.settle_with(&evidence, Detail::TotalsOnly)?;
    /// assert!(totals.lines().is_empty()); // claims summarised, not listed
    /// assert_eq!(totals.total(), contract.settle(&evidence)?.total());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn settle_with(
        &self,
        evidence: &Evidence<'_>,
        detail: Detail,
    ) -> Result<Statement, OutcomeError> {
        super::engine::settle(self, evidence, detail)
    }
}

impl TryFrom<ContractRepr> for Contract {
    type Error = OutcomeError;
    fn try_from(r: ContractRepr) -> Result<Self, Self::Error> {
        let mut c = Contract::new(r.id, r.currency, r.rounding, r.payers, r.rules)?
            .with_periodicity(r.periodicity);
        if let Some(cap) = r.cap {
            c = c.with_cap(cap)?;
        }
        for (rule, payers) in r.rule_payers {
            c = c.with_rule_payers(rule.as_str(), payers)?;
        }
        Ok(c)
    }
}

impl From<Contract> for ContractRepr {
    fn from(c: Contract) -> Self {
        ContractRepr {
            id: c.id.into(),
            currency: c.currency,
            rounding: c.rounding,
            periodicity: c.periodicity,
            payers: c.payers,
            rule_payers: c.rule_payers,
            rules: c.rules,
            cap: c.cap,
        }
    }
}
