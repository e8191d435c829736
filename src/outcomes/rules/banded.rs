//! A banded schedule: each measured reduction paid the amount of the band
//! it reaches (stepped) or interpolated between bands, up to a maximum.

use rust_decimal::Decimal;

use super::{
    Draft, DraftContext, Drafts, PaymentRule, number_in_order, one_per_date, wrong_evidence,
};
use crate::outcomes::ratio::Ratio;
use crate::outcomes::statement::{LineInputs, Subject};
use crate::outcomes::{
    Band, BandedMeasurement, BandedRule, CapKind, Decision, OutcomeError, RejectionReason,
    RuleEvidence, RuleId, StatementLine,
};
use crate::{Currency, Money, Rate};

impl PaymentRule for BandedRule {
    fn id(&self) -> &RuleId {
        BandedRule::id(self)
    }

    fn currency(&self) -> Currency {
        BandedRule::currency(self)
    }

    fn evidence_kind(&self) -> &'static str {
        "banded measurements"
    }

    fn cumulative_cap(&self) -> Option<(Money, CapKind)> {
        Some((self.maximum(), CapKind::MaximumPayment))
    }

    fn draft(&self, evidence: RuleEvidence<'_>, cx: DraftContext) -> Result<Drafts, OutcomeError> {
        let RuleEvidence::Banded(measurements) = evidence else {
            return Err(wrong_evidence(self, evidence));
        };
        let mut sorted: Vec<&BandedMeasurement> = measurements.iter().collect();
        sorted.sort_by_key(|m| m.measured_on());
        one_per_date(self.id(), sorted.iter().map(|m| m.measured_on()))?;
        let currency = self.currency();
        let mut drafts = Vec::with_capacity(sorted.len());
        for m in sorted {
            let unmeasured = m.unmeasured();
            let exact_reduction = if unmeasured.is_some() { None } else { m.exact()? };
            let (band, amount) = match exact_reduction {
                // The band and the amount both come from the exact
                // reduction, never from a rounded one.
                Some(red) => {
                    let amount = self.amount_exact(red)?.to_decimal()?;
                    let band =
                        self.band_of(red).and_then(|i| self.bands().get(i)).map(Band::threshold);
                    (band, amount)
                }
                None => (None, Decimal::ZERO),
            };
            let decision = match (unmeasured, exact_reduction, band) {
                (Some(reason), _, _) => Decision::Rejected { reason },
                (None, None, _) => {
                    Decision::Rejected { reason: RejectionReason::ComparisonRateZero }
                }
                (None, Some(_), None) => {
                    Decision::Rejected { reason: RejectionReason::BelowThreshold }
                }
                (None, Some(_), Some(_)) => Decision::Paid,
            };
            let reduction =
                exact_reduction.map(Ratio::to_decimal).transpose()?.map(Rate::from_fraction);
            let inputs = match m {
                BandedMeasurement::Cohort(c) if unmeasured.is_some() => {
                    LineInputs::NotMeasured { status: c.status() }
                }
                _ => LineInputs::Band { reduction, band, mode: self.mode() },
            };
            let line = StatementLine {
                rule: self.id().clone(),
                date: m.measured_on(),
                period: cx.periodicity.period_of(m.measured_on()),
                subject: Subject::Measurement,
                inputs,
                decision,
                exact: Money::new(amount, currency),
                amount: Money::new(amount, currency),
            };
            let draft = Draft {
                key: (m.measured_on(), 0, 0, 0),
                label: "bands".to_owned(),
                line: Some(line),
                exact: amount,
            };
            drafts.push((draft, ()));
        }
        number_in_order(&mut drafts)?;
        Ok(Drafts { lines: drafts.into_iter().map(|(d, _)| d).collect(), ..Drafts::default() })
    }
}
