//! What was decided about a claim or a cohort, and why.

use std::fmt;

/// Which cap reduced a payment.
///
/// Caps apply in a fixed order (see `DESIGN.md`, "Cap order"): per
/// participant, per-outcome volume, rule total, contract.
///
/// ```
/// use integration_outcomes::outcomes::CapKind;
/// assert_eq!(CapKind::ParticipantCap.to_string(), "per-participant cap");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CapKind {
    /// The most one participant can earn (Innovation Fund £8,200 or £11,700).
    ParticipantCap,
    /// The most outcomes of one kind the contract buys.
    VolumeCap,
    /// The most one rule pays in total (Essex £7.1m, a rate card's total).
    RuleCap,
    /// The most the whole contract pays.
    ContractCap,
    /// A schedule's maximum payment (Rikers Island $11.712m).
    MaximumPayment,
}

impl fmt::Display for CapKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CapKind::ParticipantCap => "per-participant cap",
            CapKind::VolumeCap => "volume cap",
            CapKind::RuleCap => "rule cap",
            CapKind::ContractCap => "contract cap",
            CapKind::MaximumPayment => "maximum payment",
        })
    }
}

/// Why a claim or cohort was not paid.
///
/// ```
/// use integration_outcomes::outcomes::RejectionReason;
/// assert_eq!(RejectionReason::BelowThreshold.to_string(), "below the payment threshold");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RejectionReason {
    /// The claim's outcome index is not on the rate card.
    UnknownOutcome,
    /// The claim is dated outside the contract's claim window.
    OutsideClaimWindow,
    /// The outcome has an eligibility condition and the participant is not
    /// registered, so it cannot be checked.
    ParticipantNotRegistered,
    /// The participant does not meet the outcome's eligibility condition.
    NotEligible,
    /// The outcome pays once per participant and was already accepted.
    AlreadyPaid,
    /// A prerequisite outcome was not accepted earlier in date order.
    PrerequisiteNotMet,
    /// The measured result is below the rule's threshold.
    BelowThreshold,
    /// The comparison group has no events, so no reduction can be measured.
    ComparisonRateZero,
    /// The cohort was cancelled and is excluded.
    CohortCancelled,
    /// The cohort has not been measured yet.
    CohortPending,
    /// The fallback is assessed only when no cohort is pending.
    FallbackNotYetDue,
    /// Everything the fallback would pay was already paid by cohort triggers.
    NothingLeftToPay,
}

impl fmt::Display for RejectionReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RejectionReason::UnknownOutcome => "outcome not on the rate card",
            RejectionReason::OutsideClaimWindow => "outside the claim window",
            RejectionReason::ParticipantNotRegistered => "participant not registered",
            RejectionReason::NotEligible => "participant not eligible",
            RejectionReason::AlreadyPaid => "already paid for this participant",
            RejectionReason::PrerequisiteNotMet => "prerequisite not met",
            RejectionReason::BelowThreshold => "below the payment threshold",
            RejectionReason::ComparisonRateZero => "comparison rate is zero",
            RejectionReason::CohortCancelled => "cohort cancelled",
            RejectionReason::CohortPending => "cohort not yet measured",
            RejectionReason::FallbackNotYetDue => "fallback not yet due",
            RejectionReason::NothingLeftToPay => "nothing left to pay",
        })
    }
}

/// The decision on one claim or cohort.
///
/// ```
/// use integration_outcomes::outcomes::{CapKind, Decision, RejectionReason};
/// assert!(Decision::Paid.is_accepted());
/// assert!(Decision::Capped { by: CapKind::ContractCap }.is_accepted());
/// assert!(!Decision::Rejected { reason: RejectionReason::AlreadyPaid }.is_accepted());
/// assert_eq!(Decision::Capped { by: CapKind::ParticipantCap }.to_string(), "capped (per-participant cap)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Decision {
    /// Paid in full.
    Paid,
    /// Accepted but reduced (possibly to zero) by a cap.
    Capped {
        /// The cap that reduced it (the last one, if several did).
        by: CapKind,
    },
    /// Not paid.
    Rejected {
        /// Why.
        reason: RejectionReason,
    },
}

impl Decision {
    /// Whether the claim or cohort qualified (paid, or capped).
    ///
    /// ```
    /// use integration_outcomes::outcomes::{CapKind, Decision, RejectionReason};
    /// assert!(Decision::Paid.is_accepted());
    /// assert!(Decision::Capped { by: CapKind::ParticipantCap }.is_accepted()); // even if capped to zero
    /// assert!(!Decision::Rejected { reason: RejectionReason::AlreadyPaid }.is_accepted());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_accepted(&self) -> bool {
        matches!(self, Decision::Paid | Decision::Capped { .. })
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::Paid => f.write_str("paid"),
            Decision::Capped { by } => write!(f, "capped ({by})"),
            Decision::Rejected { reason } => write!(f, "rejected ({reason})"),
        }
    }
}
