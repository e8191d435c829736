//! A group threshold: one fixed payment, at the end of the term, when
//! enough participants of the cohort qualify.

use rust_decimal::Decimal;

use super::{Draft, DraftContext, Drafts, PaymentRule, wrong_evidence};
use crate::outcomes::statement::{LineInputs, Subject};
use crate::outcomes::{
    CapKind, Decision, GroupThresholdRule, OutcomeError, RejectionReason, RuleEvidence, RuleId,
    StatementLine,
};
use crate::{Currency, Money};

impl PaymentRule for GroupThresholdRule {
    fn id(&self) -> &RuleId {
        GroupThresholdRule::id(self)
    }

    fn currency(&self) -> Currency {
        GroupThresholdRule::currency(self)
    }

    fn evidence_kind(&self) -> &'static str {
        "placements"
    }

    fn cumulative_cap(&self) -> Option<(Money, CapKind)> {
        None
    }

    fn draft(&self, evidence: RuleEvidence<'_>, cx: DraftContext) -> Result<Drafts, OutcomeError> {
        let RuleEvidence::Placements { placements, cohort_size } = evidence else {
            return Err(wrong_evidence(self, evidence));
        };
        let a = self.assess(placements, cohort_size)?;
        let date = self.term().last();
        let exact = if a.met { self.payment().amount() } else { Decimal::ZERO };
        let currency = self.currency();
        let line = StatementLine {
            rule: self.id().clone(),
            date,
            period: cx.periodicity.period_of(date),
            subject: Subject::Group,
            inputs: LineInputs::Group {
                placed: a.placed,
                qualifying: a.qualifying,
                cohort_size: a.cohort_size,
                threshold: self.threshold(),
                spell: self.spell(),
                payment: self.payment(),
            },
            decision: if a.met {
                Decision::Paid
            } else {
                Decision::Rejected { reason: RejectionReason::BelowThreshold }
            },
            exact: Money::new(exact, currency),
            amount: Money::new(exact, currency),
        };
        Ok(Drafts {
            lines: vec![Draft {
                key: (date, 0, 0, 0),
                label: "group threshold".to_owned(),
                line: Some(line),
                exact,
            }],
            ..Drafts::default()
        })
    }
}
