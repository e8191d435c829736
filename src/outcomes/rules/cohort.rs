//! Cohorts against a comparison group: each measured cohort's reduction
//! against the per-cohort trigger, and the pooled fallback.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{Draft, DraftContext, Drafts, PaymentRule, number_in_order, wrong_evidence};
use crate::outcomes::cohort::{CohortAssessment, FALLBACK_LABEL};
use crate::outcomes::statement::{LineInputs, Subject};
use crate::outcomes::{
    CapKind, Cohort, CohortId, CohortRule, CohortStatus, Decision, OutcomeError, RuleEvidence,
    RuleId, StatementLine,
};
use crate::{Currency, Money};

impl PaymentRule for CohortRule {
    fn id(&self) -> &RuleId {
        CohortRule::id(self)
    }

    fn currency(&self) -> Currency {
        CohortRule::currency(self)
    }

    fn evidence_kind(&self) -> &'static str {
        "cohorts"
    }

    fn cumulative_cap(&self) -> Option<(Money, CapKind)> {
        self.cap().map(|c| (c, CapKind::RuleCap))
    }

    fn draft(&self, evidence: RuleEvidence<'_>, cx: DraftContext) -> Result<Drafts, OutcomeError> {
        let RuleEvidence::Cohorts(cohorts) = evidence else {
            return Err(wrong_evidence(self, evidence));
        };
        let by_id: BTreeMap<&CohortId, &Cohort> = cohorts.iter().map(|c| (c.id(), c)).collect();
        let mut drafts = Vec::new();
        for a in self.assess(cohorts)? {
            // Cohorts measured on one date are ordered by id, the fallback last.
            let tie = a.subject.clone().map_or((1, String::new()), |id| (0, id.to_string()));
            drafts.push((draft_line(self, &a, &by_id, cx)?, tie));
        }
        number_in_order(&mut drafts)?;
        Ok(Drafts { lines: drafts.into_iter().map(|(d, _)| d).collect(), ..Drafts::default() })
    }
}

fn draft_line(
    rule: &CohortRule,
    a: &CohortAssessment,
    cohorts: &BTreeMap<&CohortId, &Cohort>,
    cx: DraftContext,
) -> Result<Draft, OutcomeError> {
    let price = rule.price_per_event();
    let currency = price.currency();
    let exact = a.outcome.unwrap_or(Decimal::ZERO);
    let decision = match a.outcome {
        Ok(_) => Decision::Paid,
        Err(reason) => Decision::Rejected { reason },
    };
    let (subject, inputs, label) = match &a.subject {
        Some(id) => {
            let cohort = cohorts.get(id).ok_or_else(|| OutcomeError::Evidence {
                rule: rule.id().to_string(),
                reason: "a cohort assessed is missing from the evidence",
            })?;
            let inputs = if cohort.status() == CohortStatus::Measured {
                LineInputs::Cohort {
                    size: a.size,
                    events: a.events,
                    comparison: cohort.comparison(),
                    reduction: a.reduction,
                    events_avoided: a.events_avoided,
                    threshold: a.threshold,
                    price,
                }
            } else {
                LineInputs::NotMeasured { status: cohort.status() }
            };
            (Subject::Cohort(id.clone()), inputs, id.to_string())
        }
        None => (
            Subject::AllCohorts,
            LineInputs::Fallback {
                cohorts: a.cohorts_pooled,
                pooling: rule.pooling(),
                reduction: a.reduction,
                events_avoided: a.events_avoided,
                threshold: a.threshold,
                already_paid: Money::new(a.already_paid, currency),
                price,
            },
            FALLBACK_LABEL.to_owned(),
        ),
    };
    Ok(Draft {
        key: (a.date, 0, 0, 0),
        label,
        exact,
        line: Some(StatementLine {
            rule: rule.id().clone(),
            date: a.date,
            period: cx.periodicity.period_of(a.date),
            subject,
            inputs,
            decision,
            exact: Money::new(exact, currency),
            amount: Money::new(exact, currency),
        }),
    })
}
