//! The one interface every payment rule settles through.
//!
//! A rule kind turns its own evidence into [`Draft`] lines: each with its
//! date, what it is about, the inputs of its decision and its exact amount
//! before the contract's rounding. Everything that spans rules (rounding,
//! the rule's cumulative cap, the contract cap, payer splits and totals)
//! is applied once, by the contract, in [`super::engine`].
//!
//! Adding a rule kind means: a file here implementing [`PaymentRule`], one
//! variant in [`super::Rule`] (and its arm in `Rule::payment_rule`), one
//! variant in [`super::RuleEvidence`] if it needs new evidence, and tests.

mod banded;
mod baseline;
mod cohort;
mod group_threshold;
mod rate_card;

use rust_decimal::Decimal;

use super::{
    CapKind, Decision, Detail, OutcomeError, Periodicity, RateCardSettlement, RuleEvidence, RuleId,
    StatementLine,
};
use crate::{Currency, Date, Money};

/// A line before the contract's rounding and cross-rule caps.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// Order within the rule on the same date: outcome, participant, then
    /// a sequence number the rule assigns from the evidence's content
    /// (never from the order the evidence was listed in).
    pub(crate) key: (Date, u8, u64, u32),
    /// What the line is totalled under in the statement's totals by outcome.
    pub(crate) label: String,
    /// The statement line; `None` for a rate card's summed claims when only
    /// totals are kept.
    pub(crate) line: Option<StatementLine>,
    /// The exact amount, after the rule's own caps, before rounding.
    pub(crate) exact: Decimal,
}

impl Draft {
    /// Whether the rule's own decision already reduced this line by a cap.
    pub(crate) fn is_capped(&self) -> bool {
        self.line.as_ref().is_some_and(|l| matches!(l.decision, Decision::Capped { .. }))
    }
}

/// What a rule gives the contract to settle.
#[derive(Debug, Default)]
pub(crate) struct Drafts {
    pub(crate) lines: Vec<Draft>,
    /// The labels the statement's totals by outcome list for this rule, in
    /// order, when the rule fixes them (a rate card lists its whole card);
    /// otherwise the lines' labels in date order.
    pub(crate) labels: Option<Vec<String>>,
    /// Amounts the rule's own caps withheld.
    pub(crate) withheld: Vec<(CapKind, Decimal)>,
    /// A rate card's own settlement, kept on the statement.
    pub(crate) rate_card: Option<RateCardSettlement>,
}

/// What a rule needs to know of the contract to draft its lines.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DraftContext {
    pub(crate) periodicity: Periodicity,
    pub(crate) detail: Detail,
    /// Whether the contract has a cap (a rate card then keeps totals by
    /// day, so that the cap can cut them in date order).
    pub(crate) contract_cap: bool,
}

/// A payment rule: how one rule kind settles.
pub(crate) trait PaymentRule {
    fn id(&self) -> &RuleId;
    fn currency(&self) -> Currency;
    /// The kind of evidence it settles from (as [`RuleEvidence::kind`] names it).
    fn evidence_kind(&self) -> &'static str;
    /// A cap on the rule's cumulative total that the contract applies over
    /// the rule's lines in date order, after rounding. `None` for a rule
    /// that applies its caps itself (a rate card, in whole minor units).
    fn cumulative_cap(&self) -> Option<(Money, CapKind)>;
    /// The rule's draft lines from its evidence.
    fn draft(&self, evidence: RuleEvidence<'_>, cx: DraftContext) -> Result<Drafts, OutcomeError>;
}

/// The error for evidence of another kind than the rule settles from.
pub(crate) fn wrong_evidence(rule: &dyn PaymentRule, given: RuleEvidence<'_>) -> OutcomeError {
    OutcomeError::WrongEvidence {
        rule: rule.id().to_string(),
        expected: rule.evidence_kind(),
        given: given.kind(),
    }
}

/// Sequence numbers for drafts sorted by `(date, tie)`, so that lines on the
/// same date are ordered by what they are, not by where they were listed.
pub(crate) fn number_in_order<T: Ord>(drafts: &mut [(Draft, T)]) -> Result<(), OutcomeError> {
    drafts.sort_by(|(a, ta), (b, tb)| a.key.0.cmp(&b.key.0).then_with(|| ta.cmp(tb)));
    for (k, (d, _)) in drafts.iter_mut().enumerate() {
        d.key.3 =
            u32::try_from(k).map_err(|_| OutcomeError::Overflow { operation: "line count" })?;
    }
    Ok(())
}

/// Rejects two measurements of one rule on the same date (dates sorted):
/// both would be paid, so one is almost surely entered twice.
pub(crate) fn one_per_date(
    rule: &RuleId,
    dates: impl Iterator<Item = Date>,
) -> Result<(), OutcomeError> {
    let mut previous = None;
    for date in dates {
        if previous == Some(date) {
            return Err(OutcomeError::Duplicate {
                kind: "measurement date",
                id: format!("{date} (rule {rule})"),
            });
        }
        previous = Some(date);
    }
    Ok(())
}
