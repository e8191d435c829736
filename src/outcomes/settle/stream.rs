//! The streaming settlement loop: one flat pass over claims sorted by
//! participant, keeping totals only. This is the national
//! payment-by-results case (an export sorted by participant, no eligibility
//! conditions, no volume caps), and the loop is written for it: per claim
//! two table reads, mask arithmetic in place of branches, one bucket
//! addition and one packed counter addition.
//!
//! A participant whose claims are not in processing order (two outcomes on
//! one day listed with the later one first, say) is noticed at the end of
//! its claims, taken back by replaying them with the opposite sign, and
//! settled again from a sorted copy: every effect of a claim is an addition
//! in modular arithmetic, so taking back restores the state exactly.
//! Anything else the loop was not written for (participants out of order, a
//! total that overflows) is handed back as a [`Flow`], so that
//! [`RateCardTally::add`](super::RateCardTally::add) can roll back and take
//! the general path; the result is identical either way (property tests
//! compare the two).

use super::{Accumulator, Flow};
use crate::outcomes::Claim;
use crate::outcomes::rate_card_rule::{Calendar, Entry, Granularity, Tables, packed_date};

/// Width of each field of a packed per-outcome counter: accepted, rejected
/// as a duplicate, rejected for an unmet prerequisite, and reduced by the
/// participant cap, in four 16-bit fields of one `u64`.
const FIELD: u32 = 16;
const FIELD_MASK: u64 = (1 << FIELD) - 1;
/// Claims after which the packed counters are flushed at the next change
/// of participant. No field can reach `2^FIELD` between flushes unless one
/// participant has tens of thousands of claims; then the general path
/// settles the call.
const FLUSH_AFTER: usize = 1 << (FIELD - 2);
const FIELD_LIMIT: usize = 1 << FIELD;

/// Add a claim's effects, or take them back (−1 in two's complement).
const ADD: u64 = 1;
const TAKE_BACK: u64 = u64::MAX;

/// What the loop knows about the participant whose claims it is settling.
#[derive(Debug, Clone, Copy, Default)]
struct ParticipantState {
    /// Outcomes accepted so far, as a bitmask.
    accepted: u64,
    /// Paid so far, never more than the cap.
    earned: i64,
}

/// The loop's running totals, added into the accumulator at the end.
#[derive(Debug)]
struct Totals<'t> {
    t: &'t Tables,
    entries: &'t [Entry; 64],
    rows: &'t [u32],
    base: u32,
    cap: i64,
    /// Claims of each outcome accepted, rejected as duplicates, rejected
    /// for an unmet prerequisite and reduced by the cap, packed.
    packed: [u64; 64],
    /// The packed counters flushed so far, unpacked: accepted, duplicates,
    /// unmet prerequisites and reduced by the cap, by outcome.
    flushed: [[u64; 4]; 64],
    /// Claims of each outcome dated outside the claim window.
    outside: [u64; 64],
    /// Claims of outcomes not on the card.
    unknown: u64,
    /// A bucket index out of range: an internal inconsistency, reported
    /// rather than ignored.
    lost: bool,
}

impl Totals<'_> {
    /// Settles one claim with `sign` (`ADD` or `TAKE_BACK`) and returns its
    /// processing-order key.
    #[inline(always)]
    fn step(
        &mut self,
        buckets: &mut [i64],
        who: &mut ParticipantState,
        claim: &Claim,
        sign: u64,
    ) -> u64 {
        let date = packed_date(claim.date());
        let i = claim.outcome().raw();
        // `i & 63` is in bounds: the compiler drops the check.
        let Some(&entry) = self.entries.get(usize::from(i & 63)) else { return 0 };
        let key = (u64::from(date) << 16) | entry.order;
        let slot = date.wrapping_sub(self.base) as usize;
        let first = self.rows.get(slot).copied().unwrap_or(Calendar::OUTSIDE);
        if first == Calendar::OUTSIDE || entry.bit == 0 {
            self.reject(i, entry.bit, sign);
            return key;
        }
        let duplicate = who.accepted & entry.once != 0;
        let unmet = !duplicate & (entry.prerequisites & !who.accepted != 0);
        let ok = !duplicate & !unmet;
        let keep = i64::from(ok).wrapping_neg();
        who.accepted |= entry.bit & keep.cast_unsigned();
        // `earned` never exceeds the cap, so the room left is >= 0.
        let amount = entry.price.min(self.cap - who.earned) & keep;
        who.earned += amount;
        match buckets.get_mut(first as usize + usize::from(i)) {
            Some(b) => *b = b.wrapping_add(amount.wrapping_mul(sign.cast_signed())),
            None => self.lost = true,
        }
        let capped = ok & (amount < entry.price);
        let count = u64::from(ok)
            | (u64::from(duplicate) << FIELD)
            | (u64::from(unmet) << (2 * FIELD))
            | (u64::from(capped) << (3 * FIELD));
        if let Some(c) = self.packed.get_mut(usize::from(i & 63)) {
            *c = c.wrapping_add(count.wrapping_mul(sign));
        }
        key
    }

    /// Counts a claim of an outcome not on the card (`bit == 0`) or dated
    /// outside the claim window.
    #[cold]
    fn reject(&mut self, i: u8, bit: u64, sign: u64) {
        if bit == 0 {
            self.unknown = self.unknown.wrapping_add(sign);
        } else {
            if let Some(c) = self.outside.get_mut(usize::from(i & 63)) {
                *c = c.wrapping_add(sign);
            }
        }
    }

    /// Takes back one participant's claims, settled in the order given, and
    /// settles them again in processing order.
    #[inline(never)]
    fn resettle(&mut self, buckets: &mut [i64], claims: &[Claim], scratch: &mut Vec<Claim>) {
        let mut who = ParticipantState::default();
        for claim in claims {
            self.step(buckets, &mut who, claim, TAKE_BACK);
        }
        scratch.clear();
        scratch.extend_from_slice(claims);
        scratch.sort_unstable_by_key(|c| self.t.order_key(c));
        let mut who = ParticipantState::default();
        for claim in scratch.iter() {
            self.step(buckets, &mut who, claim, ADD);
        }
    }

    /// Unpacks the packed counters into `flushed` and clears them.
    #[inline(never)]
    fn flush(&mut self) {
        for (f, p) in self.flushed.iter_mut().zip(&mut self.packed) {
            for (k, field) in (0..).zip(f.iter_mut()) {
                *field += (*p >> (k * FIELD)) & FIELD_MASK;
            }
            *p = 0;
        }
    }

    /// The streaming loop proper. The participant's state is reset, not
    /// carried, at a change of participant; the rarer work there (settling
    /// a participant again, flushing counters) is out of line.
    fn run(&mut self, buckets: &mut [i64], claims: &[Claim], scratch: &mut Vec<Claim>) -> Flow {
        let Some(first) = claims.first() else { return Flow::Done };
        let mut current = first.participant();
        let mut who = ParticipantState::default();
        let mut last_key = 0_u64;
        let mut disordered = false;
        let (mut start, mut flushed) = (0_usize, 0_usize);
        for (k, claim) in claims.iter().enumerate() {
            let participant = claim.participant();
            if participant != current {
                if participant < current {
                    return Flow::ParticipantsOutOfOrder;
                }
                if disordered {
                    self.resettle(buckets, claims.get(start..k).unwrap_or_default(), scratch);
                    disordered = false;
                }
                if k - flushed >= FLUSH_AFTER {
                    if k - flushed >= FIELD_LIMIT {
                        return Flow::Unsupported;
                    }
                    self.flush();
                    flushed = k;
                }
                current = participant;
                who = ParticipantState::default();
                last_key = 0;
                start = k;
            }
            let key = self.step(buckets, &mut who, claim, ADD);
            disordered |= key < last_key;
            last_key = key;
        }
        if disordered {
            self.resettle(buckets, claims.get(start..).unwrap_or_default(), scratch);
        }
        if claims.len() - flushed >= FIELD_LIMIT {
            return Flow::Unsupported;
        }
        self.flush();
        Flow::Done
    }
}

impl Accumulator {
    /// Settles `claims` in one pass if they are sorted by participant;
    /// otherwise stops at the first participant out of order and says so
    /// (the caller rolls back). Also hands back a call that might overflow
    /// `i64` or in which one participant has tens of thousands of claims,
    /// for the general path to settle or report exactly.
    pub(super) fn stream(
        &mut self,
        t: &Tables,
        calendar: &Calendar,
        claims: &[Claim],
        scratch: &mut Vec<Claim>,
    ) -> Flow {
        // With every claim paid the highest price, would this call still
        // fit `i64`? Then no bucket can overflow by more than `i64::MAX`,
        // and a wrapped addition shows as a negative bucket at the end.
        let highest = t.entries.iter().map(|e| e.price).max().unwrap_or(0);
        let fits = i64::try_from(claims.len()).ok().and_then(|n| n.checked_mul(highest)).is_some();
        if !fits {
            return Flow::Unsupported;
        }
        let rows: &[u32] = match self.granularity {
            Granularity::Day => &calendar.by_day,
            Granularity::Month => &calendar.by_month,
        };
        let mut totals = Totals {
            t,
            entries: &t.entries,
            rows,
            base: calendar.base,
            cap: t.participant_cap.unwrap_or(i64::MAX),
            packed: [0; 64],
            flushed: [[0; 4]; 64],
            outside: [0; 64],
            unknown: 0,
            lost: false,
        };
        let mut buckets = std::mem::take(&mut self.buckets);
        let mut flow = totals.run(&mut buckets, claims, scratch);
        // Buckets were never negative and this call added at most
        // `i64::MAX` to any of them, so one overflowed iff it now reads
        // negative.
        if flow == Flow::Done && (totals.lost || buckets.iter().any(|b| *b < 0)) {
            flow = Flow::Unsupported;
        }
        self.buckets = buckets;
        if flow != Flow::Done {
            return flow;
        }
        let [unknown, outside, _, _, duplicates, unmet] = &mut self.rejections;
        for ((c, [ok, duplicate, unmet_here, capped]), out) in
            self.outcomes.iter_mut().zip(totals.flushed).zip(totals.outside)
        {
            c.accepted += ok;
            c.rejected += duplicate + unmet_here + out;
            c.reduced_participant += capped;
            *duplicates += duplicate;
            *unmet += unmet_here;
            *outside += out;
        }
        *unknown += totals.unknown;
        self.claims += claims.len() as u64;
        Flow::Done
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Detail, Flow, RateCardTally};
    use crate::outcomes::{
        Claim, ClaimWindow, OutcomeError, OutcomeIndex, Participants, RateCard, RateCardOutcome,
        RateCardRule, RateCardTerms, Repeat,
    };
    use crate::{Currency, Date, Money};

    fn rule(price_minor: i64, repeat: Repeat) -> RateCardRule {
        let outcome = RateCardOutcome::new(
            "outcome",
            "an outcome",
            Money::from_minor(price_minor, Currency::GBP),
        )
        .unwrap()
        .with_repeat(repeat);
        let card = RateCard::new("card", Currency::GBP, vec![outcome]).unwrap();
        let window =
            ClaimWindow::new(Date::constant(2020, 1, 1), Date::constant(2020, 12, 31)).unwrap();
        RateCardRule::new("rule", card, RateCardTerms::new(window)).unwrap()
    }

    fn stream(tally: &mut RateCardTally<'_>, claims: &[Claim]) -> Flow {
        let t = tally.rule.tables();
        let calendar = t.calendar.as_ref().unwrap();
        tally.acc.stream(t, calendar, claims, &mut Vec::new())
    }

    #[test]
    fn a_total_beyond_i64_is_left_to_the_general_path_which_reports_it() {
        let rule = rule(i64::MAX / 2, Repeat::OncePerParticipant);
        let first = OutcomeIndex::new(0).unwrap();
        let claims: Vec<Claim> =
            (0..3).map(|p| Claim::new(p, first, Date::constant(2020, 5, 1))).collect();
        let none = Participants::none();
        assert_eq!(stream(&mut rule.tally(&none, Detail::TotalsOnly), &claims), Flow::Unsupported);
        let err = rule.settle(&claims, &none, Detail::TotalsOnly).unwrap_err();
        assert!(matches!(err, OutcomeError::Overflow { .. }), "{err}");
    }

    #[test]
    fn a_participant_with_more_claims_than_a_counter_field_holds_is_left_to_the_general_path() {
        let rule = rule(100, Repeat::Repeatable);
        let first = OutcomeIndex::new(0).unwrap();
        let claims = vec![Claim::new(7, first, Date::constant(2020, 5, 1)); super::FIELD_LIMIT + 1];
        let none = Participants::none();
        assert_eq!(stream(&mut rule.tally(&none, Detail::TotalsOnly), &claims), Flow::Unsupported);
        let totals = rule.settle(&claims, &none, Detail::TotalsOnly).unwrap();
        let audit = rule.settle(&claims, &none, Detail::Audit).unwrap();
        assert_eq!(totals.outcomes(), audit.outcomes());
        assert_eq!(
            totals.total_minor_units(),
            100 * i64::try_from(super::FIELD_LIMIT + 1).unwrap()
        );
    }

    #[cfg(feature = "proptest")]
    mod properties {
        use super::super::super::{Detail, Flow};
        use crate::outcomes::{Participants, RateCardRule, RateCardTerms, strategies};
        use proptest::prelude::*;

        /// The generated rule without its volume caps (which the streaming
        /// loop leaves to the general path).
        fn streamable(rule: &RateCardRule) -> RateCardRule {
            let old = rule.terms();
            let mut terms = RateCardTerms::new(old.window()).with_bids(old.bids().clone());
            if let Some(cap) = old.participant_cap() {
                terms = terms.with_participant_cap(cap);
            }
            if let Some(cap) = old.total_cap() {
                terms = terms.with_total_cap(cap);
            }
            RateCardRule::new(rule.id().as_str(), rule.card().clone(), terms).unwrap()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            /// On claims sorted by participant (dates in order, or not:
            /// then participants are settled again from a sorted copy), the
            /// streaming loop leaves exactly the state the general path
            /// leaves, counters, buckets and rejections alike.
            #[test]
            fn streaming_equals_the_general_path(
                (rule, claims) in strategies::rule_with_claims(12, 200),
                dates_in_order in any::<bool>(),
            ) {
                let rule = streamable(&rule);
                let mut claims = claims;
                if dates_in_order {
                    claims.sort_by_key(|c| (c.participant(), c.date()));
                } else {
                    claims.sort_by_key(|c| c.participant());
                }
                let none = Participants::none();
                let t = rule.tables();
                let mut streamed = rule.tally(&none, Detail::TotalsOnly);
                prop_assert_eq!(super::stream(&mut streamed, &claims), Flow::Done);
                let mut general = rule.tally(&none, Detail::TotalsOnly);
                prop_assert_eq!(general.add_grouped(t, &claims), Ok(Flow::Done));
                prop_assert_eq!(&streamed.acc, &general.acc);
                let audit = rule.settle(&claims, &none, Detail::Audit).unwrap();
                let totals = streamed.finish().unwrap();
                prop_assert_eq!(totals.outcomes(), audit.outcomes());
                prop_assert_eq!(totals.rejections(), audit.rejections());
                prop_assert_eq!(totals.total(), audit.total());
            }
        }
    }
}
