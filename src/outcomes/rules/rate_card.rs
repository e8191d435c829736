//! A rate card: each participant's claims, priced from the card, under the
//! participant, volume and total caps (applied by the rule's own tally, in
//! whole minor units).

use super::{Draft, DraftContext, Drafts, PaymentRule, wrong_evidence};
use crate::outcomes::rate_card_rule::Granularity;
use crate::outcomes::statement::{LineInputs, Subject};
use crate::outcomes::{
    CapKind, OutcomeError, OutcomeId, RateCardRule, RuleEvidence, RuleId, StatementLine,
};
use crate::{Currency, Money};

impl PaymentRule for RateCardRule {
    fn id(&self) -> &RuleId {
        RateCardRule::id(self)
    }

    fn currency(&self) -> Currency {
        RateCardRule::currency(self)
    }

    fn evidence_kind(&self) -> &'static str {
        "claims"
    }

    fn cumulative_cap(&self) -> Option<(Money, CapKind)> {
        None
    }

    fn draft(&self, evidence: RuleEvidence<'_>, cx: DraftContext) -> Result<Drafts, OutcomeError> {
        let RuleEvidence::Claims { claims, participants } = evidence else {
            return Err(wrong_evidence(self, evidence));
        };
        let granularity = if cx.contract_cap || self.terms().total_cap().is_some() {
            Granularity::Day
        } else {
            Granularity::Month
        };
        let mut tally = self.tally_at(participants, cx.detail, granularity);
        tally.add(claims)?;
        let s = tally.finish()?;
        let mut withheld = Vec::new();
        for o in s.outcomes() {
            withheld.push((CapKind::ParticipantCap, o.withheld_by_participant_cap().amount()));
            withheld.push((CapKind::VolumeCap, o.withheld_by_volume_cap().amount()));
            withheld.push((CapKind::RuleCap, o.withheld_by_rule_cap().amount()));
        }
        let mut lines = Vec::new();
        if let Some(claim_lines) = s.lines() {
            for l in claim_lines {
                let c = l.claim();
                let outcome = self.card().outcome(c.outcome()).map_or_else(
                    || OutcomeId::new(format!("unknown outcome {}", c.outcome())),
                    |o| Ok(o.id().clone()),
                )?;
                lines.push(Draft {
                    key: (c.date(), c.outcome().raw(), c.participant(), 0),
                    label: outcome.to_string(),
                    exact: l.amount().amount(),
                    line: Some(StatementLine {
                        rule: self.id().clone(),
                        date: c.date(),
                        period: cx.periodicity.period_of(c.date()),
                        subject: Subject::Claim { participant: c.participant(), outcome },
                        inputs: LineInputs::Claim { price: l.price() },
                        decision: l.decision(),
                        exact: l.amount(),
                        amount: l.amount(),
                    }),
                });
            }
        } else {
            for (date, outcome, minor) in s.daily() {
                let label =
                    self.card().outcome(outcome).map_or_else(String::new, |o| o.id().to_string());
                lines.push(Draft {
                    key: (date, outcome.raw(), 0, 0),
                    label,
                    line: None,
                    exact: rust_decimal::Decimal::try_from_i128_with_scale(
                        minor,
                        u32::from(self.currency().minor_units()),
                    )
                    .map_err(|_| OutcomeError::Overflow { operation: "daily total" })?,
                });
            }
        }
        Ok(Drafts {
            lines,
            labels: Some(self.card().outcomes().iter().map(|o| o.id().to_string()).collect()),
            withheld,
            rate_card: Some(s),
        })
    }
}
