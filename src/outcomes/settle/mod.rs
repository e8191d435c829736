//! Settling claims against a rate-card rule: the mergeable partial state,
//! the per-participant loop, and the caps that span participants, applied
//! at finalisation.
//!
//! There is one loop for every feature of a rate card. A participant whose
//! claims touch an outcome with a volume cap is settled at finalisation
//! instead, in date order across every such participant, because whether
//! the cap admits a claim depends on other participants' earlier claims,
//! and a claim it refuses must leave the participant's cap room untouched.

mod buckets;
mod radix;

use buckets::Buckets;

use std::collections::HashMap;
use std::fmt;

use super::rate_card_rule::{Granularity, RowDates, Tables};
use super::{
    CapKind, Claim, Decision, OutcomeError, OutcomeId, OutcomeIndex, Participant, Participants,
    Period, Periodicity, RateCardRule, RejectionReason, RuleId,
};
use crate::{Currency, Date, Money};

/// How much detail settlement keeps.
///
/// ```
/// use integration_outcomes::outcomes::Detail;
/// assert_ne!(Detail::TotalsOnly, Detail::Audit);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Detail {
    /// Totals and counts only: nothing is allocated per claim.
    TotalsOnly,
    /// Also one [`ClaimLine`] per claim: the full audit trail.
    Audit,
}

/// The rejection reasons a rate card can give, in a fixed order.
const CLAIM_REASONS: [RejectionReason; 6] = [
    RejectionReason::UnknownOutcome,
    RejectionReason::OutsideClaimWindow,
    RejectionReason::ParticipantNotRegistered,
    RejectionReason::NotEligible,
    RejectionReason::AlreadyPaid,
    RejectionReason::PrerequisiteNotMet,
];

/// One claim's line in the audit trail: the claim, the contract price, the
/// decision and the amount paid.
///
/// ```
/// use integration_outcomes::outcomes::{ClaimWindow, Decision, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
/// let rule = RateCardRule::new("fcf", RateCard::fair_chance_fund()?,
///     RateCardTerms::new(ClaimWindow::new("2015-01-01".parse()?, "2017-12-31".parse()?)?))?;
/// let claims = [rule.claim(9, "initial_assessment", "2015-02-01".parse()?)?];
/// let s = rule.settle(&claims, &Participants::none(), Detail::Audit)?;
/// let line = &s.lines().unwrap_or_default()[0];
/// assert_eq!(line.decision(), Decision::Paid);
/// assert_eq!(line.amount().to_string(), "GBP 500.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct ClaimLine {
    claim: Claim,
    #[serde(skip)]
    seq: u32,
    currency: Currency,
    price: i64,
    amount: i64,
    decision: Decision,
}

impl ClaimLine {
    /// The claim.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// let rule = RateCardRule::new("fcf", RateCard::fair_chance_fund()?,
    ///     RateCardTerms::new(ClaimWindow::new("2015-01-01".parse()?, "2017-12-31".parse()?)?))?;
    /// let claims = [rule.claim(9, "initial_assessment", "2015-02-01".parse()?)?];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::Audit)?;
    /// let line = &s.lines().unwrap_or_default()[0];
    /// assert_eq!(line.claim(), claims[0]);
    /// assert_eq!(line.claim().participant(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn claim(&self) -> Claim {
        self.claim
    }
    /// The contract's price for the outcome (zero for an unknown outcome).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// let rule = RateCardRule::new("fcf", RateCard::fair_chance_fund()?,
    ///     RateCardTerms::new(ClaimWindow::new("2015-01-01".parse()?, "2017-12-31".parse()?)?))?;
    /// let claims = [rule.claim(9, "initial_assessment", "2015-02-01".parse()?)?];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::Audit)?;
    /// let line = &s.lines().unwrap_or_default()[0];
    /// assert_eq!(line.price().to_string(), "GBP 500.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn price(&self) -> Money {
        Money::from_minor(self.price, self.currency)
    }
    /// The amount paid after every cap.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::Audit)?;
    /// let lines = s.lines().unwrap_or_default();
    /// assert_eq!(lines[1].price(), gbp(1_000));
    /// assert_eq!(lines[1].amount(), gbp(400)); // the cap leaves £400 of the £1,000
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn amount(&self) -> Money {
        Money::from_minor(self.amount, self.currency)
    }
    /// The decision.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Decision, Detail, Participants, RateCard, RateCardRule, RateCardTerms, RejectionReason};
    /// let rule = RateCardRule::new("fcf", RateCard::fair_chance_fund()?,
    ///     RateCardTerms::new(ClaimWindow::new("2015-01-01".parse()?, "2017-12-31".parse()?)?))?;
    /// let claims = [
    ///     rule.claim(9, "initial_assessment", "2015-02-01".parse()?)?,
    ///     rule.claim(9, "initial_assessment", "2015-03-01".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::Audit)?;
    /// let lines = s.lines().unwrap_or_default();
    /// assert_eq!(lines[0].decision(), Decision::Paid);
    /// assert_eq!(lines[1].decision(), Decision::Rejected { reason: RejectionReason::AlreadyPaid });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn decision(&self) -> Decision {
        self.decision
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counters {
    accepted: u64,
    rejected: u64,
    reduced_participant: u64,
    reduced_volume: u64,
    withheld_volume: i128,
    withheld_rule: i128,
}

#[inline]
fn add(a: i64, b: i64, operation: &'static str) -> Result<i64, OutcomeError> {
    match a.checked_add(b) {
        Some(sum) => Ok(sum),
        None => Err(OutcomeError::Overflow { operation }),
    }
}

/// Sorts `participants` and returns the first participant in it twice, if
/// any.
fn sort_and_find_twice(participants: &mut [u64]) -> Option<u64> {
    participants.sort_unstable();
    participants.windows(2).find(|w| w.first() == w.get(1)).and_then(|w| w.first().copied())
}

/// The first participant in both sorted lists, if any.
fn in_both(a: &[u64], b: &[u64]) -> Option<u64> {
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return Some(*x),
        }
    }
    None
}

/// Sums across claims are `i128` minor units, so that any sum of `i64`
/// prices fits (a total is refused only if it does not fit a `Money`).
#[inline]
fn add_wide(a: i128, b: i128, operation: &'static str) -> Result<i128, OutcomeError> {
    match a.checked_add(b) {
        Some(sum) => Ok(sum),
        None => Err(OutcomeError::Overflow { operation }),
    }
}

/// `minor` minor units of `currency`, if a `Money` can hold them.
fn money(minor: i128, currency: Currency) -> Result<Money, OutcomeError> {
    rust_decimal::Decimal::try_from_i128_with_scale(minor, u32::from(currency.minor_units()))
        .map(|d| Money::new(d, currency))
        .map_err(|_| OutcomeError::Overflow { operation: "amount in minor units" })
}

/// Everything a tally accumulates, split from the scratch buffer so the
/// loop can borrow both.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Accumulator {
    detail: Detail,
    granularity: Granularity,
    buckets: Buckets,
    outcomes: Vec<Counters>,
    rejections: [u64; CLAIM_REASONS.len()],
    claims: u64,
    /// Accepted claims of participants settled at finalisation.
    deferred: Vec<Accepted>,
    lines: Vec<ClaimLine>,
    /// Every participant settled, in the order settled, to find one given
    /// twice (in two calls, or in two merged tallies) at `finish`.
    participants: Vec<u64>,
    /// Whether `participants` is strictly increasing (then no participant
    /// is in it twice, and `finish` need not sort it).
    increasing: bool,
}

/// `claims` sorted by `key`: themselves if they already are, else a sorted
/// copy made in `scratch`.
fn in_order<'c>(
    claims: &'c [Claim],
    scratch: &'c mut Vec<Claim>,
    key: impl Fn(&Claim) -> u64,
) -> &'c [Claim] {
    if claims.is_sorted_by_key(&key) {
        return claims;
    }
    scratch.clear();
    scratch.extend_from_slice(claims);
    scratch.sort_unstable_by_key(key);
    scratch
}

/// How far a pass over claims got: all the way, or up to the first claim
/// out of participant order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Done,
    /// A participant lower than the one before.
    ParticipantsOutOfOrder,
}

/// The accumulator's state before a call, to roll back to on error or when
/// the claims turn out not to be sorted by participant: small tables are
/// copied (into the tally's last checkpoint, so that a tally fed in small
/// batches does not allocate one per call), growing lists are truncated to
/// their old lengths.
#[derive(Debug, Clone, Default)]
struct Checkpoint {
    buckets: Buckets,
    outcomes: Vec<Counters>,
    rejections: [u64; CLAIM_REASONS.len()],
    claims: u64,
    deferred: usize,
    lines: usize,
    participants: usize,
    increasing: bool,
}

/// An accepted claim, before the caps: everything they need. Kept until
/// finalisation for a participant with a claim of an outcome under a volume
/// cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Accepted {
    claim: Claim,
    /// Position in the participant's processing order.
    seq: u32,
    /// Day from the window's first day: the order across participants.
    day: usize,
    /// The bucket row (day or month).
    row: usize,
    price: i64,
}

impl Accumulator {
    /// Saves the state to roll back to in `c`, reusing its buffers.
    fn save(&self, c: &mut Checkpoint) {
        c.buckets.clone_from(&self.buckets);
        c.outcomes.clone_from(&self.outcomes);
        c.rejections = self.rejections;
        c.claims = self.claims;
        c.deferred = self.deferred.len();
        c.lines = self.lines.len();
        c.participants = self.participants.len();
        c.increasing = self.increasing;
    }

    fn restore(&mut self, c: &Checkpoint) {
        self.buckets.clone_from(&c.buckets);
        self.outcomes.clone_from(&c.outcomes);
        self.rejections = c.rejections;
        self.claims = c.claims;
        self.deferred.truncate(c.deferred);
        self.lines.truncate(c.lines);
        self.participants.truncate(c.participants);
        self.increasing = c.increasing;
    }

    fn reject(&mut self, t: &Tables, claim: &Claim, seq: u32, price: i64, reason_index: usize) {
        if let Some(slot) = self.rejections.get_mut(reason_index) {
            *slot += 1;
        }
        if let Some(c) = self.outcomes.get_mut(usize::from(claim.outcome().raw())) {
            c.rejected += 1;
        }
        if self.detail == Detail::Audit {
            let reason =
                CLAIM_REASONS.get(reason_index).copied().unwrap_or(RejectionReason::UnknownOutcome);
            self.lines.push(ClaimLine {
                claim: *claim,
                seq,
                currency: t.currency,
                price,
                amount: 0,
                decision: Decision::Rejected { reason },
            });
        }
    }

    /// Pays one accepted claim `amount` (its price, or less under a cap
    /// `by`): into its bucket, its outcome's counters and the audit trail.
    #[inline]
    fn pay(
        &mut self,
        t: &Tables,
        a: &Accepted,
        amount: i64,
        by: Option<CapKind>,
    ) -> Result<(), OutcomeError> {
        let i = usize::from(a.claim.outcome().raw());
        self.buckets.add(a.row, i, i128::from(amount))?;
        if let Some(counters) = self.outcomes.get_mut(i) {
            match by {
                Some(CapKind::VolumeCap) => {
                    counters.reduced_volume += 1;
                    counters.withheld_volume =
                        add_wide(counters.withheld_volume, i128::from(a.price), "outcome total")?;
                }
                Some(_) => counters.reduced_participant += 1,
                None => {}
            }
        }
        if self.detail == Detail::Audit {
            self.lines.push(ClaimLine {
                claim: a.claim,
                seq: a.seq,
                currency: t.currency,
                price: a.price,
                amount,
                decision: by.map_or(Decision::Paid, |by| Decision::Capped { by }),
            });
        }
        Ok(())
    }

    /// Settles one participant's claims, already in processing order.
    ///
    /// Per claim: the outcome, the window, eligibility, once-only and
    /// prerequisites decide whether it is accepted; the participant cap
    /// then decides how much of its price is paid. A participant with an
    /// accepted claim of an outcome under a volume cap is kept for
    /// [`RateCardTally::finish`] instead, where the volume caps and its
    /// participant cap are applied together in date order.
    fn run_group(
        &mut self,
        t: &Tables,
        participants: &Participants,
        group: &[Claim],
        accepted_claims: &mut Vec<Accepted>,
    ) -> Result<(), OutcomeError> {
        let len = u32::try_from(group.len())
            .map_err(|_| OutcomeError::Overflow { operation: "claims per participant" })?;
        self.claims += u64::from(len);
        if let Some(first) = group.first() {
            let p = first.participant();
            self.increasing &= self.participants.last().is_none_or(|last| *last < p);
            self.participants.push(p);
        }
        accepted_claims.clear();
        let mut accepted = 0_u64;
        let mut earned = 0_i64;
        let mut profile: Option<Option<&Participant>> = None;
        for (seq, claim) in (0..len).zip(group) {
            let i = usize::from(claim.outcome().raw());
            let (Some(entry), Some(counters)) = (t.entry(i), self.outcomes.get_mut(i)) else {
                self.reject(t, claim, seq, 0, 0);
                continue;
            };
            let price = entry.price;
            let Some((day, month)) = t.locate(claim.packed_date()) else {
                self.reject(t, claim, seq, price, 1);
                continue;
            };
            let bit = entry.bit;
            if t.restricted_mask & bit != 0 {
                let who = *profile.get_or_insert_with(|| participants.get(claim.participant()));
                match (who, t.ages.get(i).copied().flatten()) {
                    (None, _) => {
                        self.reject(t, claim, seq, price, 2);
                        continue;
                    }
                    (Some(p), Some(range)) if !range.contains(p.age_at_start()) => {
                        self.reject(t, claim, seq, price, 3);
                        continue;
                    }
                    _ => {}
                }
            }
            if accepted & entry.once != 0 {
                self.reject(t, claim, seq, price, 4);
                continue;
            }
            if entry.prerequisites & !accepted != 0 {
                self.reject(t, claim, seq, price, 5);
                continue;
            }
            accepted |= bit;
            // Claims and the amount at contract price are derived at `finish`
            // (accepted + rejected; accepted × price), not counted here.
            counters.accepted += 1;
            let row = match self.granularity {
                Granularity::Day => day,
                Granularity::Month => month,
            };
            let a = Accepted { claim: *claim, seq, day, row, price };
            if t.volume_mask == 0 {
                // Nothing of this rule waits for a volume cap: pay it now.
                self.pay_under_participant_cap(t, &a, &mut earned)?;
            } else {
                accepted_claims.push(a);
            }
        }
        if accepted & t.volume_mask != 0 {
            self.deferred.extend_from_slice(accepted_claims);
            return Ok(());
        }
        for a in accepted_claims.iter() {
            self.pay_under_participant_cap(t, a, &mut earned)?;
        }
        Ok(())
    }

    /// Pays an accepted claim what the participant cap leaves of its price,
    /// `earned` being what the participant was paid so far (never above the
    /// cap, so the room left is never negative); returns the amount paid.
    #[inline]
    fn pay_under_participant_cap(
        &mut self,
        t: &Tables,
        a: &Accepted,
        earned: &mut i64,
    ) -> Result<i64, OutcomeError> {
        let amount = match t.participant_cap {
            Some(cap) => a.price.min(cap - *earned),
            None => a.price,
        };
        *earned = add(*earned, amount, "participant total")?;
        let by = (amount < a.price).then_some(CapKind::ParticipantCap);
        self.pay(t, a, amount, by)?;
        Ok(amount)
    }

    /// Settles the deferred participants: their accepted claims in date
    /// order across participants (then participant, then processing
    /// order). A claim of an outcome whose volume cap is used up is refused
    /// and takes nothing from its participant's cap room; a claim the
    /// participant cap leaves nothing takes no place under the volume cap.
    fn settle_deferred(&mut self, t: &Tables) -> Result<(), OutcomeError> {
        let mut deferred = std::mem::take(&mut self.deferred);
        deferred.sort_unstable_by_key(|a| (a.day, a.claim.participant(), a.seq));
        let mut taken = vec![0_u64; t.n];
        let mut earned: HashMap<u64, i64> = HashMap::new();
        for a in &deferred {
            let i = usize::from(a.claim.outcome().raw());
            let volume = t.volume_caps.get(i).copied().flatten();
            if volume.is_some_and(|cap| taken.get(i).is_some_and(|n| *n >= cap)) {
                self.pay(t, a, 0, Some(CapKind::VolumeCap))?;
                continue;
            }
            let so_far = earned.entry(a.claim.participant()).or_insert(0);
            let paid = self.pay_under_participant_cap(t, a, so_far)?;
            if let (Some(_), true, Some(n)) = (volume, paid > 0, taken.get_mut(i)) {
                *n += 1;
            }
        }
        Ok(())
    }
}

/// A partial settlement of a [`RateCardRule`]: claims added so far, before
/// the caps that span participants (volume caps, the rule's total cap) are
/// applied. Shards partitioned by participant are tallied separately and
/// [`merge`](RateCardTally::merge)d; [`finish`](RateCardTally::finish) then
/// gives exactly the single-pass result.
///
/// Shard requirement: all claims of one participant are in the same tally
/// and the same call to [`add`](RateCardTally::add) (see `DESIGN.md`).
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
///
/// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
/// let people = Participants::none();
/// let a = [rule.claim(1, "first_level_2_qualification", "2013-01-10".parse()?)?];
/// let b = [rule.claim(2, "first_level_3_qualification", "2013-02-10".parse()?)?];
/// let mut left = rule.tally(&people, Detail::TotalsOnly);
/// left.add(&a)?;
/// let mut right = rule.tally(&people, Detail::TotalsOnly);
/// right.add(&b)?;
/// let merged = left.merge(right)?.finish()?;
/// let single = rule.settle(&[a[0], b[0]], &people, Detail::TotalsOnly)?;
/// assert_eq!(merged, single);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct RateCardTally<'a> {
    rule: &'a RateCardRule,
    participants: &'a Participants,
    acc: Accumulator,
    scratch: Vec<Claim>,
    /// One participant's accepted claims, reused from participant to
    /// participant.
    accepted: Vec<Accepted>,
    /// The checkpoint, kept between calls only for its buffers.
    saved: Checkpoint,
}

impl RateCardRule {
    /// An empty partial settlement for shards of claims.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let people = Participants::none();
    /// let mut tally = rule.tally(&people, Detail::TotalsOnly);
    /// tally.add(&[rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?])?;
    /// assert_eq!(tally.finish()?.total(), Money::from_major(2_600, Currency::GBP));
    /// // An empty tally settles nothing.
    /// assert_eq!(rule.tally(&people, Detail::TotalsOnly).finish()?.claims(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn tally<'a>(
        &'a self,
        participants: &'a Participants,
        detail: Detail,
    ) -> RateCardTally<'a> {
        let granularity =
            if self.tables().total_cap.is_some() { Granularity::Day } else { Granularity::Month };
        self.tally_at(participants, detail, granularity)
    }

    /// A tally bucketing by `granularity` (a contract with a contract cap
    /// needs days).
    pub(crate) fn tally_at<'a>(
        &'a self,
        participants: &'a Participants,
        detail: Detail,
        granularity: Granularity,
    ) -> RateCardTally<'a> {
        let t = self.tables();
        RateCardTally {
            rule: self,
            participants,
            acc: Accumulator {
                detail,
                granularity,
                buckets: Buckets::new(t.rows(granularity), t.n),
                outcomes: vec![Counters::default(); t.n],
                rejections: [0; CLAIM_REASONS.len()],
                claims: 0,
                deferred: Vec::new(),
                lines: Vec::new(),
                participants: Vec::new(),
                increasing: true,
            },
            scratch: Vec::new(),
            accepted: Vec::new(),
            saved: Checkpoint::default(),
        }
    }

    /// Settles a slice of claims in one pass.
    ///
    /// Claims sorted by participant (as an export sorted by participant
    /// would be) are the fast path: no copy, no allocation per claim in
    /// [`Detail::TotalsOnly`]. Claims in any other order give the identical
    /// result at the cost of one copy sorted by participant (16 bytes per
    /// claim; a radix sort, linear in the number of claims).
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] if a total overflows `i64` minor units.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let people = Participants::none();
    /// // Out of participant order: settled from a sorted copy, with the same result.
    /// let claims = [
    ///     rule.claim(2, "entry_to_employment", "2013-04-04".parse()?)?,
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &people, Detail::TotalsOnly)?;
    /// assert_eq!(s.total(), Money::from_major(6_200, Currency::GBP));
    /// assert_eq!(s.claims(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn settle(
        &self,
        claims: &[Claim],
        participants: &Participants,
        detail: Detail,
    ) -> Result<RateCardSettlement, OutcomeError> {
        let mut tally = self.tally(participants, detail);
        tally.add(claims)?;
        tally.finish()
    }

    /// Settles claims from any iterator. The claims are collected into one
    /// buffer (16 bytes per claim, amortised growth, not an allocation per
    /// claim) and settled as a slice; for bounded memory, feed
    /// participant-partitioned chunks to [`tally`](Self::tally)s and merge.
    ///
    /// # Errors
    ///
    /// As for [`settle`](Self::settle).
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_2()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-11-01".parse()?, "2015-12-31".parse()?)?))?;
    /// let entry = rule.card().index_of("basic_skills")?;
    /// let claims = (0..3_u64).map(|p| integration_outcomes::outcomes::Claim::new(p, entry, "2013-06-01".parse().unwrap()));
    /// let s = rule.settle_iter(claims, &Participants::none(), Detail::TotalsOnly)?;
    /// assert_eq!(s.total().to_string(), "GBP 2,700.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn settle_iter<I: IntoIterator<Item = Claim>>(
        &self,
        claims: I,
        participants: &Participants,
        detail: Detail,
    ) -> Result<RateCardSettlement, OutcomeError> {
        let buffer: Vec<Claim> = claims.into_iter().collect();
        self.settle(&buffer, participants, detail)
    }
}

impl<'a> RateCardTally<'a> {
    /// Adds claims. Within one call claims may come in any order; claims
    /// sorted by participant avoid a sorted copy. A participant's claims
    /// must all arrive in the same call.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] if a total overflows, or the tally would
    /// then count more than `u64::MAX` claims (the tally is unchanged on
    /// error).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let people = Participants::none();
    /// let mut tally = rule.tally(&people, Detail::TotalsOnly);
    /// tally.add(&[
    ///     rule.claim(2, "entry_to_employment", "2013-04-04".parse()?)?,
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    /// ])?;
    /// tally.add(&[rule.claim(3, "sustained_employment", "2013-09-02".parse()?)?])?; // no entry first
    /// let s = tally.finish()?;
    /// assert_eq!(s.claims(), 3);
    /// assert_eq!(s.total(), Money::from_major(5_200, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, claims: &[Claim]) -> Result<(), OutcomeError> {
        let t = self.rule.tables();
        // Optimistically settle in one pass, checking on the way that the
        // claims are sorted by participant; if they are not, the pass
        // leaves the tally as it was and a copy sorted by participant is
        // settled. This saves a separate pass over the claims to check
        // their order.
        if self.add_by_participant(claims)? == Flow::ParticipantsOutOfOrder {
            let mut copy = radix::sorted_by_participant(claims);
            // Put each participant's claims in processing order too, so
            // that no participant needs settling twice.
            for group in copy.chunk_by_mut(|a, b| a.participant() == b.participant()) {
                group.sort_unstable_by_key(|c| t.order_key(c));
            }
            self.add_by_participant(&copy)?;
        }
        Ok(())
    }

    /// Adds claims if they are sorted by participant, and says whether they
    /// were; claims that are not are left out entirely (the tally is as
    /// before). For shards of one call, whose order must be known across
    /// shards before their tallies may be merged.
    ///
    /// # Errors
    ///
    /// As for [`add`](Self::add).
    #[cfg(feature = "rayon")]
    pub(crate) fn add_if_sorted(&mut self, claims: &[Claim]) -> Result<bool, OutcomeError> {
        Ok(self.add_by_participant(claims)? == Flow::Done)
    }

    /// Settles claims sorted by participant, participant by participant,
    /// putting each participant's claims in processing order. Returns
    /// [`Flow::ParticipantsOutOfOrder`] at the first participant lower than
    /// the one before; then, and on error, the tally is as it was.
    fn add_by_participant(&mut self, claims: &[Claim]) -> Result<Flow, OutcomeError> {
        let t = self.rule.tables();
        // Every counter the loop increments (claims per outcome accepted,
        // rejected or reduced, rejections per reason) counts some of the
        // tally's claims, so room in `claims` for this call is room in all
        // of them: the loop's increments cannot overflow.
        let room = u64::try_from(claims.len()).ok().and_then(|n| self.acc.claims.checked_add(n));
        if room.is_none() {
            return Err(OutcomeError::Overflow { operation: "claim count" });
        }
        // Room for this call's participants: one allocation a call, not one
        // a participant (counted as runs of claims, at least as many as
        // there are participants).
        let runs = claims.chunk_by(|a, b| a.participant() == b.participant()).count();
        self.acc.participants.reserve(runs);
        let mut checkpoint = std::mem::take(&mut self.saved);
        self.acc.save(&mut checkpoint);
        let flow = self.add_grouped(t, claims);
        if flow != Ok(Flow::Done) {
            self.acc.restore(&checkpoint);
        }
        self.saved = checkpoint;
        flow
    }

    fn add_grouped(&mut self, t: &Tables, claims: &[Claim]) -> Result<Flow, OutcomeError> {
        let mut scratch = std::mem::take(&mut self.scratch);
        let mut accepted = std::mem::take(&mut self.accepted);
        let mut previous: Option<u64> = None;
        let mut flow = Ok(Flow::Done);
        for group in claims.chunk_by(|a, b| a.participant() == b.participant()) {
            let Some(first) = group.first() else { continue };
            if previous.is_some_and(|p| first.participant() < p) {
                flow = Ok(Flow::ParticipantsOutOfOrder);
                break;
            }
            previous = Some(first.participant());
            let group = in_order(group, &mut scratch, |c| t.order_key(c));
            if let Err(e) = self.acc.run_group(t, self.participants, group, &mut accepted) {
                flow = Err(e);
                break;
            }
        }
        self.scratch = scratch;
        self.accepted = accepted;
        flow
    }

    /// Combines two partial settlements of the same rule whose claims come
    /// from disjoint sets of participants.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::MergeMismatch`] if they belong to different rules or
    /// keep different detail; [`OutcomeError::Overflow`] if a total
    /// overflows, or together they count more than `u64::MAX` claims.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?))?;
    /// let people = Participants::none();
    /// let mut left = rule.tally(&people, Detail::TotalsOnly);
    /// left.add(&[rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?])?;
    /// let mut right = rule.tally(&people, Detail::TotalsOnly);
    /// right.add(&[rule.claim(2, "entry_to_employment", "2013-04-04".parse()?)?])?;
    /// let merged = left.merge(right)?.finish()?;
    /// assert_eq!(merged.total(), Money::from_major(5_200, Currency::GBP));
    /// // Tallies keeping different detail do not merge.
    /// let audit = rule.tally(&people, Detail::Audit);
    /// assert!(rule.tally(&people, Detail::TotalsOnly).merge(audit).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge(mut self, other: RateCardTally<'a>) -> Result<RateCardTally<'a>, OutcomeError> {
        let same_rule = std::ptr::eq(self.rule, other.rule) || self.rule == other.rule;
        if !same_rule
            || self.acc.detail != other.acc.detail
            || self.acc.granularity != other.acc.granularity
        {
            return Err(OutcomeError::MergeMismatch {
                left: self.rule.id().to_string(),
                right: other.rule.id().to_string(),
            });
        }
        // A participant in both tallies would be settled twice: refused
        // before anything is combined (in participant order, one comparison).
        let mut other = other;
        for acc in [&mut self.acc, &mut other.acc] {
            if !acc.increasing {
                if let Some(participant) = sort_and_find_twice(&mut acc.participants) {
                    return Err(OutcomeError::ParticipantSplit {
                        rule: self.rule.id().to_string(),
                        participant,
                    });
                }
                acc.increasing = true;
            }
        }
        let (mine, theirs) = (&self.acc.participants, &other.acc.participants);
        let apart = matches!((mine.last(), theirs.first()), (Some(l), Some(f)) if l < f)
            || mine.is_empty()
            || theirs.is_empty();
        if !apart && let Some(participant) = in_both(mine, theirs) {
            return Err(OutcomeError::ParticipantSplit {
                rule: self.rule.id().to_string(),
                participant,
            });
        }
        // Each counter below counts some of its tally's claims, so once the
        // claims add up without overflow, so do the counters.
        let claims = self
            .acc
            .claims
            .checked_add(other.acc.claims)
            .ok_or(OutcomeError::Overflow { operation: "claim count" })?;
        let acc = &mut self.acc;
        acc.buckets.merge(&other.acc.buckets)?;
        for (a, b) in acc.outcomes.iter_mut().zip(&other.acc.outcomes) {
            a.accepted += b.accepted;
            a.rejected += b.rejected;
            a.reduced_participant += b.reduced_participant;
            a.reduced_volume += b.reduced_volume;
        }
        for (a, b) in acc.rejections.iter_mut().zip(other.acc.rejections) {
            *a += b;
        }
        acc.claims = claims;
        acc.deferred.extend(other.acc.deferred);
        // Both lists are sorted and share no participant: so is the two.
        acc.participants.extend(other.acc.participants);
        if !apart {
            acc.participants.sort_unstable();
        }
        acc.lines.extend(other.acc.lines);
        Ok(self)
    }

    /// Applies the caps that span participants (volume caps, then the rule's
    /// total cap, each in date order) and returns the settlement.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] if a total overflows.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_total_cap(gbp(3_000)))?;
    /// let people = Participants::none();
    /// let mut left = rule.tally(&people, Detail::TotalsOnly);
    /// left.add(&[rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?])?;
    /// let mut right = rule.tally(&people, Detail::TotalsOnly);
    /// right.add(&[rule.claim(2, "entry_to_employment", "2013-04-04".parse()?)?])?;
    /// // The total cap spans both shards, so it applies only when finishing.
    /// assert_eq!(left.merge(right)?.finish()?.total(), gbp(3_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn finish(self) -> Result<RateCardSettlement, OutcomeError> {
        let rule = self.rule;
        let t = rule.tables();
        let mut acc = self.acc;
        if !acc.increasing
            && let Some(participant) = sort_and_find_twice(&mut acc.participants)
        {
            return Err(OutcomeError::ParticipantSplit {
                rule: rule.id().to_string(),
                participant,
            });
        }
        let audit = acc.detail == Detail::Audit;
        acc.settle_deferred(t)?;
        if audit {
            // Canonical order, whatever the order shards were merged in.
            acc.lines.sort_unstable_by_key(|l| (l.claim.participant(), l.seq));
        }
        if let Some(cap) = t.total_cap {
            // Buckets are laid out day-major, outcome-minor: (date, outcome) order.
            let mut room = i128::from(cap);
            for (outcome, slot) in acc.buckets.iter_mut() {
                let keep = (*slot).min(room);
                let cut = *slot - keep;
                room -= keep;
                if cut > 0 {
                    if let Some(c) = acc.outcomes.get_mut(outcome) {
                        c.withheld_rule = add_wide(c.withheld_rule, cut, "outcome total")?;
                    }
                    *slot = keep;
                }
            }
            if audit {
                let mut order: Vec<usize> = (0..acc.lines.len())
                    .filter(|&k| acc.lines.get(k).is_some_and(|l| l.amount > 0))
                    .collect();
                order.sort_unstable_by_key(|&k| {
                    acc.lines
                        .get(k)
                        .map(|l| (l.claim.date(), l.claim.outcome(), l.claim.participant(), l.seq))
                });
                let mut room = cap;
                for k in order {
                    if let Some(line) = acc.lines.get_mut(k) {
                        let keep = line.amount.min(room);
                        room -= keep;
                        if keep < line.amount {
                            line.amount = keep;
                            line.decision = Decision::Capped { by: CapKind::RuleCap };
                        }
                    }
                }
            }
        }
        // What each outcome was paid after every cap, from the buckets (laid
        // out date-major, outcome-minor). The amount withheld by the
        // participant cap is what is left of the price of accepted claims:
        // the loops do not sum it claim by claim.
        let mut total = 0_i128;
        let mut paid = vec![0_i128; t.n];
        for (_, outcome, b) in acc.buckets.iter() {
            if let Some(p) = paid.get_mut(outcome) {
                *p = add_wide(*p, b, "outcome total")?;
            }
            total = add_wide(total, b, "rule total")?;
        }
        let total_money = money(total, t.currency)?;
        let outcomes = rule
            .card()
            .outcomes()
            .iter()
            .zip(&acc.outcomes)
            .zip(t.entries.iter().zip(paid))
            .map(|((o, c), (entry, paid))| {
                let m = |v: i128| money(v, t.currency);
                let at_price = i128::from(c.accepted)
                    .checked_mul(i128::from(entry.price))
                    .ok_or(OutcomeError::Overflow { operation: "outcome total" })?;
                // Each term is at most `at_price`, so the difference fits.
                let withheld_participant = at_price - paid - c.withheld_volume - c.withheld_rule;
                Ok(OutcomeSummary {
                    outcome: o.id().clone(),
                    claims: c.accepted + c.rejected,
                    accepted: c.accepted,
                    rejected: c.rejected,
                    reduced_by_participant_cap: c.reduced_participant,
                    reduced_by_volume_cap: c.reduced_volume,
                    at_contract_price: m(at_price)?,
                    withheld_by_participant_cap: m(withheld_participant)?,
                    withheld_by_volume_cap: m(c.withheld_volume)?,
                    withheld_by_rule_cap: m(c.withheld_rule)?,
                    paid: m(paid)?,
                })
            })
            .collect::<Result<Vec<_>, OutcomeError>>()?;
        let rejections =
            CLAIM_REASONS.iter().copied().zip(acc.rejections).filter(|(_, n)| *n > 0).collect();
        Ok(RateCardSettlement {
            rule: rule.id().clone(),
            currency: t.currency,
            granularity: acc.granularity,
            rows: t.row_dates(),
            n: t.n,
            buckets: acc.buckets,
            outcomes,
            rejections,
            claims: acc.claims,
            total: total_money,
            total_minor: total,
            lines: if audit { Some(acc.lines) } else { None },
        })
    }
}

/// Per-outcome totals of a rate-card settlement.
///
/// `paid = at_contract_price − withheld by each cap`.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
/// use integration_outcomes::{Currency, Money};
/// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
///         .with_participant_cap(Money::from_major(3_000, Currency::GBP)))?;
/// let claims = [
///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
/// ];
/// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
/// let sustained = &s.outcomes()[8];
/// assert_eq!((sustained.claims(), sustained.accepted(), sustained.rejected()), (2, 1, 1));
/// assert_eq!(sustained.at_contract_price(), Money::from_major(1_000, Currency::GBP));
/// assert_eq!(sustained.withheld_by_participant_cap(), Money::from_major(600, Currency::GBP));
/// assert_eq!(sustained.paid(), Money::from_major(400, Currency::GBP));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OutcomeSummary {
    outcome: OutcomeId,
    claims: u64,
    accepted: u64,
    rejected: u64,
    reduced_by_participant_cap: u64,
    reduced_by_volume_cap: u64,
    at_contract_price: Money,
    withheld_by_participant_cap: Money,
    withheld_by_volume_cap: Money,
    withheld_by_rule_cap: Money,
    paid: Money,
}

impl OutcomeSummary {
    /// The outcome.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// let sustained = &s.outcomes()[8];
    /// assert_eq!(sustained.outcome().as_str(), "sustained_employment");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn outcome(&self) -> &OutcomeId {
        &self.outcome
    }
    /// Claims made for it.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// let sustained = &s.outcomes()[8];
    /// assert_eq!(sustained.claims(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn claims(&self) -> u64 {
        self.claims
    }
    /// Claims accepted (paid or capped).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// let sustained = &s.outcomes()[8];
    /// assert_eq!(sustained.accepted(), 1); // capped, but accepted
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn accepted(&self) -> u64 {
        self.accepted
    }
    /// Claims rejected.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// let sustained = &s.outcomes()[8];
    /// assert_eq!(sustained.rejected(), 1); // the second is already paid
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rejected(&self) -> u64 {
        self.rejected
    }
    /// Claims reduced by the per-participant cap.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// let sustained = &s.outcomes()[8];
    /// assert_eq!(sustained.reduced_by_participant_cap(), 1);
    /// assert_eq!(s.outcomes()[7].reduced_by_participant_cap(), 0); // entry was paid in full
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn reduced_by_participant_cap(&self) -> u64 {
        self.reduced_by_participant_cap
    }
    /// Claims removed by the outcome's volume cap.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_volume_cap("entry_to_employment".parse()?, 1))?; // pays one entry only
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(2, "entry_to_employment", "2013-04-04".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// let entry = &s.outcomes()[7];
    /// assert_eq!(entry.reduced_by_volume_cap(), 1);
    /// assert_eq!(s.total(), Money::from_major(2_600, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn reduced_by_volume_cap(&self) -> u64 {
        self.reduced_by_volume_cap
    }
    /// Accepted claims at the contract price, before caps.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// let sustained = &s.outcomes()[8];
    /// assert_eq!(sustained.at_contract_price(), gbp(1_000)); // one accepted claim
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn at_contract_price(&self) -> Money {
        self.at_contract_price
    }
    /// Withheld by the per-participant cap.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// let sustained = &s.outcomes()[8];
    /// assert_eq!(sustained.withheld_by_participant_cap(), gbp(600)); // £2,600 + £1,000 over a £3,000 cap
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn withheld_by_participant_cap(&self) -> Money {
        self.withheld_by_participant_cap
    }
    /// Withheld by the volume cap.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_volume_cap("entry_to_employment".parse()?, 1))?; // pays one entry only
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(2, "entry_to_employment", "2013-04-04".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// let entry = &s.outcomes()[7];
    /// assert_eq!(entry.withheld_by_volume_cap(), Money::from_major(2_600, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn withheld_by_volume_cap(&self) -> Money {
        self.withheld_by_volume_cap
    }
    /// Withheld by the rule's total cap.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_total_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(2, "entry_to_employment", "2013-04-04".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// let entry = &s.outcomes()[7];
    /// assert_eq!(entry.withheld_by_rule_cap(), gbp(2_200)); // 2 × £2,600 over a £3,000 cap
    /// assert_eq!(entry.paid(), gbp(3_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn withheld_by_rule_cap(&self) -> Money {
        self.withheld_by_rule_cap
    }
    /// Paid after every cap.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// let sustained = &s.outcomes()[8];
    /// assert_eq!(sustained.paid(), gbp(400));
    /// assert_eq!(s.outcomes()[7].paid(), gbp(2_600));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn paid(&self) -> Money {
        self.paid
    }
}

/// The result of settling claims against a [`RateCardRule`].
///
/// Equal settlements compare equal whether they came from one pass, a
/// sorted copy or merged shards.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
/// use integration_outcomes::{Currency, Money};
/// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
///         .with_participant_cap(Money::from_major(3_000, Currency::GBP)))?;
/// let claims = [
///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
/// ];
/// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
/// use integration_outcomes::outcomes::RejectionReason;
/// assert_eq!(s.total(), Money::from_major(3_000, Currency::GBP));
/// assert_eq!(s.claims(), 3);
/// assert_eq!(s.rejections(), [(RejectionReason::AlreadyPaid, 1)]);
/// assert!(s.lines().is_none()); // totals only
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct RateCardSettlement {
    rule: RuleId,
    currency: Currency,
    granularity: Granularity,
    rows: RowDates,
    n: usize,
    buckets: Buckets,
    outcomes: Vec<OutcomeSummary>,
    rejections: Vec<(RejectionReason, u64)>,
    claims: u64,
    total: Money,
    total_minor: i128,
    lines: Option<Vec<ClaimLine>>,
}

impl RateCardSettlement {
    /// The rule settled.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// assert_eq!(s.rule().as_str(), "if");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rule(&self) -> &RuleId {
        &self.rule
    }
    /// The total paid after every cap.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// assert_eq!(s.total(), gbp(3_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn total(&self) -> Money {
        self.total
    }
    /// The total in minor units (pence).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// assert_eq!(s.total_minor_units(), 300_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total_minor_units(&self) -> i128 {
        self.total_minor
    }
    /// Number of claims settled.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// assert_eq!(s.claims(), 3); // rejected claims count too
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn claims(&self) -> u64 {
        self.claims
    }
    /// Per-outcome totals, in card order.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// assert_eq!(s.outcomes().len(), rule.card().len());
    /// assert_eq!(s.outcomes()[7].outcome().as_str(), "entry_to_employment");
    /// assert_eq!(s.outcomes()[7].paid(), gbp(2_600));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn outcomes(&self) -> &[OutcomeSummary] {
        &self.outcomes
    }
    /// Rejected claims by reason (reasons with none are left out).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::RejectionReason;
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// assert_eq!(s.rejections(), [(RejectionReason::AlreadyPaid, 1)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rejections(&self) -> &[(RejectionReason, u64)] {
        &self.rejections
    }
    /// The audit trail (one line per claim, by participant then processing
    /// order), if settled with [`Detail::Audit`].
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// assert!(s.lines().is_none()); // totals only
    /// let audited = rule.settle(&claims, &Participants::none(), Detail::Audit)?;
    /// assert_eq!(audited.lines().map(<[_]>::len), Some(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lines(&self) -> Option<&[ClaimLine]> {
        self.lines.as_deref()
    }
    /// The currency.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_1()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///         .with_participant_cap(gbp(3_000)))?;
    /// let claims = [
    ///     rule.claim(1, "entry_to_employment", "2013-03-04".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-09-02".parse()?)?,
    ///     rule.claim(1, "sustained_employment", "2013-10-02".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// assert_eq!(s.currency(), Currency::GBP);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn currency(&self) -> Currency {
        self.currency
    }

    /// Paid amounts by day (or month: then dated the first of the month) and
    /// outcome, in (date, outcome) order, leaving out zeros.
    pub(crate) fn daily(&self) -> impl Iterator<Item = (Date, OutcomeIndex, i128)> + '_ {
        // Every row of the window has a date and every outcome an index, so
        // nothing is left out.
        self.buckets.iter().filter(|(_, _, v)| *v != 0).filter_map(move |(row, outcome, v)| {
            let date = self.rows.row_date(row, self.granularity)?;
            Some((date, OutcomeIndex::new(outcome)?, v))
        })
    }

    /// Totals by reporting period, in date order (periods with nothing paid
    /// are left out).
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, Periodicity, RateCard, RateCardRule, RateCardTerms};
    /// let rule = RateCardRule::new("fcf", RateCard::fair_chance_fund()?,
    ///     RateCardTerms::new(ClaimWindow::new("2015-01-01".parse()?, "2017-12-31".parse()?)?))?;
    /// let claims = [
    ///     rule.claim(1, "initial_assessment", "2015-02-01".parse()?)?,
    ///     rule.claim(1, "second_assessment", "2015-05-01".parse()?)?,
    /// ];
    /// let s = rule.settle(&claims, &Participants::none(), Detail::TotalsOnly)?;
    /// let q: Vec<String> = s.totals_by_period(Periodicity::Quarterly).iter().map(|(p, m)| format!("{p} {m}")).collect();
    /// assert_eq!(q, ["2015-Q1 GBP 500.00", "2015-Q2 GBP 500.00"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn totals_by_period(&self, periodicity: Periodicity) -> Vec<(Period, Money)> {
        let mut out: Vec<(Period, i128)> = Vec::new();
        for (date, _, v) in self.daily() {
            let p = periodicity.period_of(date);
            match out.last_mut() {
                // Amounts are non-negative and their grand total was checked
                // to fit a `Money` when settling, so no partial sum can
                // saturate, and each converts (the total is the fallback
                // that cannot be reached).
                Some((last, sum)) if *last == p => *sum = sum.saturating_add(v),
                _ => out.push((p, v)),
            }
        }
        out.into_iter().map(|(p, v)| (p, money(v, self.currency).unwrap_or(self.total))).collect()
    }
}

/// What the settlement says (not its day-by-outcome buckets, which can run
/// to thousands of entries).
impl fmt::Debug for RateCardSettlement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateCardSettlement")
            .field("rule", &self.rule)
            .field("claims", &self.claims)
            .field("total", &self.total())
            .field("outcomes", &self.outcomes)
            .field("rejections", &self.rejections)
            .field("lines", &self.lines)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for RateCardSettlement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "rate card rule {}: {} claims, total {}",
            self.rule,
            self.claims,
            self.total()
        )?;
        for o in &self.outcomes {
            if o.claims > 0 {
                writeln!(
                    f,
                    "  {:<40} {:>7} claims {:>7} accepted  {:>20}",
                    o.outcome.as_str(),
                    o.claims,
                    o.accepted,
                    o.paid.to_string()
                )?;
            }
        }
        for (reason, n) in &self.rejections {
            writeln!(f, "  rejected, {reason}: {n}")?;
        }
        Ok(())
    }
}
