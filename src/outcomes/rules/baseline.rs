//! A baseline: units avoided against a historical baseline, each period's
//! measurement priced per unit.

use rust_decimal::Decimal;

use super::{
    Draft, DraftContext, Drafts, PaymentRule, number_in_order, one_per_date, wrong_evidence,
};
use crate::money::exact;
use crate::outcomes::statement::{LineInputs, Subject};
use crate::outcomes::{
    BaselineMeasurement, BaselineRule, CapKind, Decision, OutcomeError, RejectionReason,
    RuleEvidence, RuleId, StatementLine,
};
use crate::{Currency, Money};

impl PaymentRule for BaselineRule {
    fn id(&self) -> &RuleId {
        BaselineRule::id(self)
    }

    fn currency(&self) -> Currency {
        BaselineRule::currency(self)
    }

    fn evidence_kind(&self) -> &'static str {
        "baseline measurements"
    }

    fn cumulative_cap(&self) -> Option<(Money, CapKind)> {
        self.cap().map(|c| (c, CapKind::RuleCap))
    }

    fn draft(&self, evidence: RuleEvidence<'_>, cx: DraftContext) -> Result<Drafts, OutcomeError> {
        let RuleEvidence::Baseline(measurements) = evidence else {
            return Err(wrong_evidence(self, evidence));
        };
        let mut sorted: Vec<&BaselineMeasurement> = measurements.iter().collect();
        sorted.sort_by_key(|m| m.measured_on());
        one_per_date(self.id(), sorted.iter().map(|m| m.measured_on()))?;
        let currency = self.currency();
        let mut drafts = Vec::with_capacity(sorted.len());
        for m in sorted {
            let avoided = self.units_avoided(m)?;
            let positive = avoided > Decimal::ZERO;
            let exact = if positive {
                exact::mul(avoided, self.price_per_unit().amount())
                    .ok_or(OutcomeError::Overflow { operation: "baseline payment" })?
            } else {
                Decimal::ZERO
            };
            let line = StatementLine {
                rule: self.id().clone(),
                date: m.measured_on(),
                period: cx.periodicity.period_of(m.measured_on()),
                subject: Subject::Measurement,
                inputs: LineInputs::Baseline {
                    total_units: m.total_units(),
                    actual_units: m.actual_units(),
                    baseline: self.baseline(),
                    units_avoided: avoided,
                    price: self.price_per_unit(),
                },
                decision: if positive {
                    Decision::Paid
                } else {
                    Decision::Rejected { reason: RejectionReason::BelowThreshold }
                },
                exact: Money::new(exact, currency),
                amount: Money::new(exact, currency),
            };
            let draft = Draft {
                key: (m.measured_on(), 0, 0, 0),
                label: "units avoided".to_owned(),
                line: Some(line),
                exact,
            };
            drafts.push((draft, ()));
        }
        number_in_order(&mut drafts)?;
        Ok(Drafts { lines: drafts.into_iter().map(|(d, _)| d).collect(), ..Drafts::default() })
    }
}
