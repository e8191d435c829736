//! The streaming settlement loop: one flat pass over claims sorted by
//! participant, keeping totals only. This is the national
//! payment-by-results case (an export sorted by participant, no eligibility
//! conditions, no volume caps), and the loop is written for it: per claim
//! two table reads, one mask comparison and selects in place of branches,
//! one bucket addition and one packed counter addition, with only the
//! participant's accepted outcomes and room under the cap carried from
//! claim to claim (DESIGN.md says why that matters). The loop is compiled
//! for each [`Layout`] of the calendar rows and the buckets: inside its own
//! box where they fit, so that one pointer reaches every table.
//!
//! A participant whose claims are not in processing order (two outcomes on
//! one day listed with the later one first, say) is noticed at the end of
//! its claims, taken back by replaying them with the opposite sign, and
//! settled again from a sorted copy: every effect of a claim is an addition
//! in modular arithmetic, so taking back restores the state exactly.
//! Anything else the loop was not written for (participants out of order, a
//! total that overflows) is handed back as a [`Flow`], after the loop has
//! taken back its own work the same way, so that
//! [`RateCardTally::add`](super::RateCardTally::add) can settle a sorted copy
//! or take the general path; the result is identical either way (property
//! tests compare the two).

use std::hint::select_unpredictable;

use super::layout::{Inline, Layout, Spread};
use super::{Accumulator, Flow, in_order};
use crate::outcomes::rate_card_rule::{Calendar, Columns, Granularity, SPAN, Tables, order_key};
use crate::outcomes::{Claim, MAX_OUTCOMES};

/// Width of each field of a packed per-outcome counter: paid in full,
/// rejected as a duplicate, rejected for an unmet prerequisite, and paid
/// less than the price (the participant cap), in four 16-bit fields of one
/// `u64`.
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

/// The counter increments: a claim paid in full, rejected as a duplicate,
/// rejected for an unmet prerequisite, paid less than its price (the
/// participant cap).
const PAID: u64 = 1;
const DUPLICATE: u64 = 1 << FIELD;
const UNMET: u64 = 1 << (2 * FIELD);
const CAPPED: u64 = 1 << (3 * FIELD);

/// What the loop knows about the participant whose claims it is settling.
#[derive(Debug, Clone, Copy)]
struct ParticipantState {
    /// Outcomes accepted so far, as a bitmask.
    accepted: u64,
    /// What the participant can still be paid before the cap: never
    /// negative.
    room: i64,
}

/// Where a sweep stopped: at the first claim of a participant, or the end
/// of the claims.
#[derive(Debug, Clone, Copy)]
struct Pause {
    at: usize,
    /// The claims of the participant before `at` were not in processing
    /// order: they must be settled again.
    disordered: bool,
    /// The participant at `at` is lower than the one before.
    out_of_order: bool,
}

/// The streaming loop for one tally, compiled for each [`Layout`]: the
/// [`Inline`] one if the rule's calendar rows and the tally's buckets fit
/// it, else the [`Spread`] one.
#[derive(Debug, Clone)]
pub(super) enum Loop<'t> {
    Inline(Box<Totals<Inline>>),
    Spread(Box<Totals<Spread<'t>>>),
}

impl<'t> Loop<'t> {
    /// The loop for settling by `granularity` under the rule whose tables
    /// and calendar are `t` and `calendar`, for a tally with `len` buckets.
    pub(super) fn new(
        t: &Tables,
        calendar: &'t Calendar,
        granularity: Granularity,
        len: usize,
    ) -> Loop<'t> {
        let rows = calendar.rows(granularity);
        match Inline::new(rows, t.n, len) {
            Some(layout) => Loop::Inline(Totals::new(t, calendar, layout)),
            None => Loop::spread(t, calendar, granularity),
        }
    }

    /// The loop in the [`Spread`] layout, whatever the size of the tables.
    pub(super) fn spread(t: &Tables, calendar: &'t Calendar, granularity: Granularity) -> Loop<'t> {
        Loop::Spread(Totals::new(t, calendar, Spread::new(calendar.rows(granularity))))
    }

    /// Settles `claims` into `acc` (see [`Accumulator::stream`]).
    pub(super) fn stream(
        &mut self,
        acc: &mut Accumulator,
        claims: &[Claim],
        scratch: &mut Vec<Claim>,
    ) -> Flow {
        match self {
            Loop::Inline(totals) => acc.stream(totals, claims, scratch),
            Loop::Spread(totals) => acc.stream(totals, claims, scratch),
        }
    }

    /// Gives the tally's buckets back to `acc`, if the loop holds them.
    pub(super) fn reclaim(&mut self, acc: &mut Accumulator) {
        match self {
            Loop::Inline(totals) => totals.reclaim(&mut acc.buckets),
            Loop::Spread(totals) => totals.reclaim(&mut acc.buckets),
        }
    }
}

/// The streaming loop's tables and running totals. A tally keeps one for
/// all its calls (it holds a copy of the rule's columns, 12 KiB, which a
/// call would otherwise make afresh); each call adds its counts into the
/// accumulator and clears them, and its amounts into the tally's buckets,
/// which the layout holds from the first call until the tally reclaims
/// them.
#[derive(Clone)]
pub(super) struct Totals<L> {
    /// The rule's entries, field by field (a copy: the loop then finds
    /// them at fixed offsets from its own state, where a reference would
    /// take a register; measured 16.6 ms against 13.7 ms).
    columns: Columns,
    /// Outcomes on the card.
    n: usize,
    /// The highest price on the card.
    highest: i64,
    /// The calendar rows and, while `lent`, the tally's buckets.
    layout: L,
    /// The layout holds the tally's buckets.
    lent: bool,
    base: u32,
    cap: i64,
    /// Claims of each outcome paid in full, rejected as duplicates,
    /// rejected for an unmet prerequisite and paid less than the price,
    /// packed.
    packed: [u64; SPAN],
    /// The packed counters flushed so far, unpacked in the same order.
    flushed: [[u64; 4]; MAX_OUTCOMES],
    /// Claims of each outcome dated outside the claim window.
    outside: [u64; MAX_OUTCOMES],
    /// Claims of outcomes not on the card.
    unknown: u64,
    /// A bucket index out of range: an internal inconsistency, reported
    /// rather than ignored.
    lost: bool,
}

/// A summary: the columns alone run to 1,536 entries.
impl<L> std::fmt::Debug for Totals<L> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Totals")
            .field("outcomes", &self.n)
            .field("cap", &self.cap)
            .field("holds_the_buckets", &self.lent)
            .finish_non_exhaustive()
    }
}

impl<L: Layout> Totals<L> {
    /// Empty totals for settling under the rule whose tables and calendar
    /// are `t` and `calendar`, with `layout` for the calendar's rows.
    fn new(t: &Tables, calendar: &Calendar, layout: L) -> Box<Self> {
        Box::new(Totals {
            columns: (*t.columns).clone(),
            n: t.n,
            highest: t.entries.iter().map(|e| e.price).max().unwrap_or(0),
            layout,
            lent: false,
            base: calendar.base,
            cap: t.participant_cap.unwrap_or(i64::MAX),
            packed: [0; SPAN],
            flushed: [[0; 4]; MAX_OUTCOMES],
            outside: [0; MAX_OUTCOMES],
            unknown: 0,
            lost: false,
        })
    }

    /// Clears the running totals for the next call (the packed counters
    /// are clear after the last flush, or cleared here after a call
    /// handed back).
    fn clear(&mut self) {
        let n = self.n;
        for p in self.packed.iter_mut().take(n) {
            *p = 0;
        }
        for f in self.flushed.iter_mut().take(n) {
            *f = [0; 4];
        }
        for o in self.outside.iter_mut().take(n) {
            *o = 0;
        }
        self.unknown = 0;
        self.lost = false;
    }

    /// Gives the tally's buckets back into `to`, if the layout holds them.
    fn reclaim(&mut self, to: &mut Vec<i64>) {
        if self.lent {
            self.layout.hand_back(to);
            self.lent = false;
        }
    }

    fn fresh(&self) -> ParticipantState {
        ParticipantState { accepted: 0, room: self.cap }
    }

    /// Settles one claim with `SIGN` (`ADD` or `TAKE_BACK`).
    ///
    /// The rules are decided without branches, and the participant's state
    /// goes from claim to claim through three operations: its accepted
    /// outcomes, masked, are compared with the prerequisites (the once-only
    /// rule is in the mask), and the result chooses the next state.
    #[inline(always)]
    fn step<const SIGN: u64>(&mut self, who: &mut ParticipantState, claim: &Claim) {
        let date = claim.packed_date().get();
        // A byte indexes `SPAN` entries: the compiler drops the checks.
        let i = usize::from(claim.outcome().raw());
        let slot = date.wrapping_sub(self.base) as usize;
        let Some(&first) = self.layout.row(slot) else {
            self.reject::<SIGN>(i, Calendar::OUTSIDE);
            return;
        };
        // One bounds check refuses a date outside the window (`OUTSIDE`)
        // and an outcome not on the card (`NOT_ON_CARD`) alike.
        let offset = self.columns.offset.get(i).copied().unwrap_or(Columns::NOT_ON_CARD);
        let index = usize::try_from(u64::from(first) + offset).unwrap_or(usize::MAX);
        let Some(bucket) = self.layout.bucket(index) else {
            self.reject::<SIGN>(i, first);
            return;
        };
        let (Some(&price), Some(&prerequisites), Some(&bit), Some(&guard)) = (
            self.columns.price.get(i),
            self.columns.prerequisites.get(i),
            self.columns.bit.get(i),
            self.columns.guard.get(i),
        ) else {
            return;
        };
        let masked = who.accepted & guard;
        let ok = masked == prerequisites;
        // The outcome's own bit is in its guard iff it is paid once: then
        // the bit, if accepted before, marks the claim a duplicate.
        let duplicate = masked & bit != 0;
        // The claim is paid its price, or what room is left if that is
        // less (the cap cuts it): `0 <= amount <= room`, so the room never
        // goes below zero and nothing overflows.
        let short = who.room < price;
        let pay = select_unpredictable(short, who.room, price);
        let amount = select_unpredictable(ok, pay, 0);
        who.room -= amount;
        who.accepted |= select_unpredictable(ok, bit, 0);
        // Verdicts are unpredictable: choose without branching.
        let paid = select_unpredictable(short, CAPPED, PAID);
        let rejected = select_unpredictable(duplicate, DUPLICATE, UNMET);
        let count = select_unpredictable(ok, paid, rejected);
        if let Some(c) = self.packed.get_mut(i) {
            *c = c.wrapping_add(count.wrapping_mul(SIGN));
        }
        *bucket = bucket.wrapping_add(amount.wrapping_mul(SIGN.cast_signed()));
    }

    /// Counts a claim whose bucket is out of range: of an outcome not on
    /// the card, or dated outside the claim window (`first` is
    /// [`Calendar::OUTSIDE`]); otherwise the tables are inconsistent, which
    /// is reported rather than ignored.
    #[cold]
    #[inline(always)]
    fn reject<const SIGN: u64>(&mut self, i: usize, first: u32) {
        if self.columns.offset.get(i).is_none_or(|o| *o == Columns::NOT_ON_CARD) {
            self.unknown = self.unknown.wrapping_add(SIGN);
        } else if first != Calendar::OUTSIDE {
            self.lost = true;
        } else if let Some(c) = self.outside.get_mut(i) {
            *c = c.wrapping_add(SIGN);
        }
    }

    /// The within-participant processing key (as
    /// [`Tables::order_key`]), from the columns.
    #[inline(always)]
    fn order_key(&self, c: &Claim) -> u64 {
        order_key(c, self.columns.order.get(usize::from(c.outcome().raw())).copied().unwrap_or(0))
    }

    /// Takes back one participant's claims, settled in the order given, and
    /// settles them again in processing order.
    #[inline(never)]
    fn resettle(&mut self, claims: &[Claim], scratch: &mut Vec<Claim>) {
        let mut who = self.fresh();
        for claim in claims {
            self.step::<TAKE_BACK>(&mut who, claim);
        }
        self.settle_in_order::<ADD>(claims, scratch);
    }

    /// Settles one participant's claims with `SIGN` in processing order,
    /// from a sorted copy if they are not in it: what the sweeps and
    /// [`resettle`](Self::resettle) together do to each participant.
    fn settle_in_order<const SIGN: u64>(&mut self, claims: &[Claim], scratch: &mut Vec<Claim>) {
        let claims = in_order(claims, scratch, |c| self.order_key(c));
        let mut who = self.fresh();
        for claim in claims {
            self.step::<SIGN>(&mut who, claim);
        }
    }

    /// Takes back everything the sweeps did to the buckets for `claims`
    /// (whole participants, each settled in processing order), so that a
    /// call handed back leaves them as they were without a copy to restore
    /// (every effect is an addition in modular arithmetic).
    #[cold]
    #[inline(never)]
    fn undo(&mut self, claims: &[Claim], scratch: &mut Vec<Claim>) {
        for group in claims.chunk_by(|a, b| a.participant() == b.participant()) {
            self.settle_in_order::<TAKE_BACK>(group, scratch);
        }
    }

    /// Unpacks the packed counters into `flushed` and clears them.
    #[inline(never)]
    fn flush(&mut self) {
        // Outcomes past the card's are rejected before their counter.
        for (f, p) in self.flushed.iter_mut().zip(&mut self.packed).take(self.n) {
            for (k, field) in (0..).zip(f.iter_mut()) {
                *field += (*p >> (k * FIELD)) & FIELD_MASK;
            }
            *p = 0;
        }
    }

    /// Settles whole participants from `from` (the first claim of one) and
    /// pauses at the first claim of a participant when the loop cannot go
    /// on by itself: the participant before must be settled again, the
    /// counters flushed (at `flush_at` or later), or this participant is
    /// out of order. Nothing is carried from claim to claim but the
    /// participant's state: each claim is compared with the one before it
    /// in memory, so that the loop's state stays in registers.
    #[inline(never)]
    fn sweep(&mut self, claims: &[Claim], from: usize, flush_at: usize) -> Pause {
        let Some(head) = claims.get(from) else {
            return Pause { at: claims.len(), disordered: false, out_of_order: false };
        };
        let mut who = self.fresh();
        let mut disordered = false;
        // Pausing at the next participant once this one is found disordered
        // leaves one comparison for the three reasons to pause.
        let mut pause_at = flush_at;
        self.step::<ADD>(&mut who, head);
        // Claims go eight at a time, spelled out, so that the loop's own
        // work (advance, test for the end, carry the claim before) is done
        // once per eight claims: the compiler does not unroll a loop this
        // large by itself (measured: 14.5 ms for the benchmark claims one
        // at a time, 13.7 ms eight at a time; four at a time, 14.3 ms).
        macro_rules! visit {
            ($previous:expr, $claim:expr, $at:expr) => {
                if let Some(pause) =
                    self.visit(&mut who, &mut disordered, $previous, $claim, $at, &mut pause_at)
                {
                    return pause;
                }
            };
        }
        // `at` is the claim to visit next; the claim before it is there too.
        let mut at = from + 1;
        while let Some([previous, c0, c1, c2, c3, c4, c5, c6, c7]) =
            claims.get(at - 1..).and_then(<[Claim]>::first_chunk::<9>)
        {
            visit!(previous, c0, at);
            visit!(c0, c1, at + 1);
            visit!(c1, c2, at + 2);
            visit!(c2, c3, at + 3);
            visit!(c3, c4, at + 4);
            visit!(c4, c5, at + 5);
            visit!(c5, c6, at + 6);
            visit!(c6, c7, at + 7);
            at += 8;
        }
        while let Some([previous, claim]) =
            claims.get(at - 1..).and_then(<[Claim]>::first_chunk::<2>)
        {
            visit!(previous, claim, at);
            at += 1;
        }
        Pause { at: claims.len(), disordered, out_of_order: false }
    }

    /// Settles `claim`, at `at` in the claims and following `previous`,
    /// unless the loop must pause before it: a new participant is out of
    /// order, the one before must be settled again, or the counters are
    /// due a flush (at `pause_at` or later; finding the participant
    /// disordered sets `pause_at` to zero).
    #[inline(always)]
    fn visit(
        &mut self,
        who: &mut ParticipantState,
        disordered: &mut bool,
        previous: &Claim,
        claim: &Claim,
        at: usize,
        pause_at: &mut usize,
    ) -> Option<Pause> {
        if claim.participant() != previous.participant() {
            let out_of_order = claim.participant() < previous.participant();
            if out_of_order || at >= *pause_at {
                return Some(Pause { at, disordered: *disordered, out_of_order });
            }
            *who = self.fresh();
        } else if claim.packed_date() <= previous.packed_date() {
            // Rare (two claims on one day): no call, so that the loop's
            // state need not survive one.
            if self.order_key(claim) < self.order_key(previous) {
                *disordered = true;
                *pause_at = 0;
            }
        }
        self.step::<ADD>(who, claim);
        None
    }

    /// The streaming loop proper: sweeps, and between sweeps settles a
    /// participant again or flushes the counters. Returns how far it went:
    /// the claims before the position returned are settled, each
    /// participant in processing order.
    fn run(&mut self, claims: &[Claim], scratch: &mut Vec<Claim>) -> (Flow, usize) {
        let (mut from, mut flushed) = (0_usize, 0_usize);
        loop {
            let pause = self.sweep(claims, from, flushed + FLUSH_AFTER);
            if pause.disordered {
                let before = claims.get(..pause.at).unwrap_or_default();
                let who = before.last().map(Claim::participant);
                let n = before.iter().rev().take_while(|c| Some(c.participant()) == who).count();
                self.resettle(before.get(before.len() - n..).unwrap_or_default(), scratch);
            }
            if pause.out_of_order {
                return (Flow::ParticipantsOutOfOrder, pause.at);
            }
            if pause.at - flushed >= FIELD_LIMIT {
                return (Flow::Unsupported, pause.at);
            }
            let end = pause.at >= claims.len();
            if end || pause.at - flushed >= FLUSH_AFTER {
                self.flush();
                flushed = pause.at;
            }
            if end {
                return (Flow::Done, pause.at);
            }
            from = pause.at;
        }
    }
}

impl Accumulator {
    /// Settles `claims` in one pass if they are sorted by participant;
    /// otherwise stops at the first participant out of order and says so.
    /// Also hands back a call that might overflow `i64` or in which one
    /// participant has tens of thousands of claims, for the general path
    /// to settle or report exactly. A call handed back leaves the
    /// accumulator as it was; either way `totals` is left clear, and holds
    /// the accumulator's buckets (until [`Loop::reclaim`]).
    fn stream<L: Layout>(
        &mut self,
        totals: &mut Totals<L>,
        claims: &[Claim],
        scratch: &mut Vec<Claim>,
    ) -> Flow {
        // With every claim paid the highest price, would this call still
        // fit `i64`? Then no bucket can overflow by more than `i64::MAX`,
        // and a wrapped addition shows as a negative bucket at the end.
        let highest = totals.highest;
        let fits = i64::try_from(claims.len()).ok().and_then(|n| n.checked_mul(highest)).is_some();
        if !fits {
            return Flow::Unsupported;
        }
        if !totals.lent {
            totals.layout.lend(&mut self.buckets);
            totals.lent = true;
        }
        let (mut flow, end) = totals.run(claims, scratch);
        // Every bucket holds what some of the tally's claims were paid,
        // never more than the highest price each: if that bound fits `i64`
        // no bucket can have overflowed. Otherwise, buckets were never
        // negative and this call added at most `i64::MAX` to any of them,
        // so one overflowed iff it now reads negative.
        let bounded = u64::try_from(highest)
            .ok()
            .and_then(|h| self.claims.checked_add(claims.len() as u64)?.checked_mul(h))
            .is_some_and(|most| i64::try_from(most).is_ok());
        let negative = || totals.layout.buckets().iter().any(|b| *b < 0);
        if flow == Flow::Done && (totals.lost || (!bounded && negative())) {
            flow = Flow::Unsupported;
        }
        if flow != Flow::Done {
            totals.undo(claims.get(..end).unwrap_or_default(), scratch);
        }
        if flow == Flow::Done {
            let [unknown, outside, _, _, duplicates, unmet] = &mut self.rejections;
            for ((c, &[paid, duplicate, unmet_here, capped]), &out) in
                self.outcomes.iter_mut().zip(&totals.flushed).zip(&totals.outside)
            {
                c.accepted += paid + capped;
                c.rejected += duplicate + unmet_here + out;
                c.reduced_participant += capped;
                *duplicates += duplicate;
                *unmet += unmet_here;
                *outside += out;
            }
            *unknown += totals.unknown;
            self.claims += claims.len() as u64;
        }
        totals.clear();
        flow
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

    /// The layout a test settles through.
    #[derive(Debug, Clone, Copy)]
    enum LayoutChoice {
        /// The one the tables fit, as a tally chooses.
        Chosen,
        /// The one for tables of any size.
        Spread,
    }

    /// Streams `claims` into `tally` through a loop of its own (in the
    /// layout a tally chooses), and takes the buckets back.
    fn stream(tally: &mut RateCardTally<'_>, claims: &[Claim]) -> Flow {
        stream_in(LayoutChoice::Chosen, tally, claims)
    }

    fn stream_in(layout: LayoutChoice, tally: &mut RateCardTally<'_>, claims: &[Claim]) -> Flow {
        let t = tally.rule.tables();
        let calendar = t.calendar.as_ref().unwrap();
        let granularity = tally.acc.granularity;
        let mut l = match layout {
            LayoutChoice::Chosen => {
                super::Loop::new(t, calendar, granularity, tally.acc.buckets.len())
            }
            LayoutChoice::Spread => super::Loop::spread(t, calendar, granularity),
        };
        let flow = l.stream(&mut tally.acc, claims, &mut Vec::new());
        l.reclaim(&mut tally.acc);
        flow
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

    /// A bucket that overflows only with what earlier calls put in it: the
    /// streaming loop takes back its own work exactly and hands the call
    /// back, and the general path reports the overflow.
    #[test]
    fn a_bucket_overflowing_across_calls_is_taken_back_and_reported() {
        let rule = rule(i64::MAX / 3, Repeat::OncePerParticipant);
        let first = OutcomeIndex::new(0).unwrap();
        let claims = |from: u64| -> Vec<Claim> {
            (from..from + 2).map(|p| Claim::new(p, first, Date::constant(2020, 5, 1))).collect()
        };
        let none = Participants::none();
        let mut tally = rule.tally(&none, Detail::TotalsOnly);
        tally.add(&claims(0)).unwrap();
        // The tally's own loop holds its buckets until it takes them back.
        tally.reclaim();
        let before = tally.acc.clone();
        assert_eq!(stream(&mut tally, &claims(2)), Flow::Unsupported);
        assert_eq!(tally.acc, before);
        let err = tally.add(&claims(2)).unwrap_err();
        assert!(matches!(err, OutcomeError::Overflow { .. }), "{err}");
        assert_eq!(tally.acc, before);
    }

    /// A rule with a payment cap, a prerequisite and a repeatable outcome,
    /// so that every verdict is counted.
    fn capped_rule() -> RateCardRule {
        let gbp = |minor| Money::from_minor(minor, Currency::GBP);
        let outcome = |id: &str, minor| RateCardOutcome::new(id, id, gbp(minor)).unwrap();
        let card = RateCard::new(
            "card",
            Currency::GBP,
            vec![
                outcome("a", 300),
                outcome("b", 500).with_prerequisite("a".parse().unwrap()),
                outcome("c", 200).with_repeat(Repeat::Repeatable),
            ],
        )
        .unwrap();
        let window =
            ClaimWindow::new(Date::constant(2020, 1, 1), Date::constant(2021, 12, 31)).unwrap();
        let terms = RateCardTerms::new(window).with_participant_cap(gbp(900));
        RateCardRule::new("rule", card, terms).unwrap()
    }

    /// Enough claims for several flushes of the packed counters, sorted by
    /// participant, with participants to settle again (dates listed
    /// backwards) on both sides of the pauses and a long participant
    /// straddling one.
    fn many_claims() -> Vec<Claim> {
        let start = Date::constant(2020, 1, 1);
        let mut state = 2_u64;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % n
        };
        let mut claims = Vec::new();
        for participant in 0..15_000_u64 {
            let count = if participant == 3_300 { 2_000 } else { 1 + next(6) };
            let mut own: Vec<Claim> = (0..count)
                .map(|_| {
                    let outcome = OutcomeIndex::try_from(u8::try_from(next(3)).unwrap()).unwrap();
                    let day = i64::try_from(next(800)).unwrap();
                    Claim::new(
                        participant,
                        outcome,
                        start.checked_add(jiff::Span::new().days(day)).unwrap(),
                    )
                })
                .collect();
            own.sort_by_key(|c| c.date());
            if participant % 7 == 0 {
                own.reverse();
            }
            claims.extend(own);
        }
        assert!(claims.len() > 3 * super::FLUSH_AFTER, "{} claims", claims.len());
        claims
    }

    /// The state the streaming loop leaves after several flushes of the
    /// packed counters is the general path's, counter for counter, in
    /// either layout.
    #[test]
    fn counters_flushed_between_pauses_equal_the_general_path() {
        let rule = capped_rule();
        let claims = many_claims();
        let none = Participants::none();
        for layout in [LayoutChoice::Chosen, LayoutChoice::Spread] {
            let mut streamed = rule.tally(&none, Detail::TotalsOnly);
            assert_eq!(stream_in(layout, &mut streamed, &claims), Flow::Done);
            let mut general = rule.tally(&none, Detail::TotalsOnly);
            assert_eq!(general.add_grouped(rule.tables(), &claims), Ok(Flow::Done));
            assert_eq!(streamed.acc, general.acc, "{layout:?}");
        }
    }

    /// One tally settling calls through the streaming loop, then through
    /// the general path (one participant has more claims than a counter
    /// field holds), then through the loop again, in each layout: the
    /// tally takes its buckets back from the loop before the general path
    /// and lends them again after, and the result is the single pass's.
    #[test]
    fn a_tally_alternating_the_loop_and_the_general_path_settles_as_one_pass() {
        let monthly = capped_rule();
        // Daily buckets (a total cap) for 3 outcomes over two years: more
        // than the inline layout holds.
        let terms =
            monthly.terms().clone().with_total_cap(Money::from_minor(1_000_000, Currency::GBP));
        let daily = RateCardRule::new("daily", monthly.card().clone(), terms).unwrap();
        let claims = many_claims();
        let (first, later) = claims.split_at(claims.len() / 2);
        let repeatable = OutcomeIndex::new(2).unwrap();
        let long = vec![
            Claim::new(50_000, repeatable, Date::constant(2020, 5, 1));
            super::FIELD_LIMIT + 1
        ];
        let later: Vec<Claim> = later
            .iter()
            .map(|c| Claim::new(c.participant() + 100_000, c.outcome(), c.date()))
            .collect();
        let none = Participants::none();
        for (rule, inline) in [(&monthly, true), (&daily, false)] {
            let mut tally = rule.tally(&none, Detail::TotalsOnly);
            tally.add(first).unwrap();
            assert_eq!(matches!(tally.stream, Some(super::Loop::Inline(_))), inline);
            tally.add(&long).unwrap();
            tally.add(&later).unwrap();
            let all: Vec<Claim> = first.iter().chain(&long).chain(&later).copied().collect();
            let single = rule.settle(&all, &none, Detail::Audit).unwrap();
            let settled = tally.finish().unwrap();
            assert_eq!(settled.outcomes(), single.outcomes(), "{}", rule.id());
            assert_eq!(settled.rejections(), single.rejections());
            assert_eq!(settled.total(), single.total());
            let monthly = crate::outcomes::Periodicity::Monthly;
            assert_eq!(settled.totals_by_period(monthly), single.totals_by_period(monthly));
        }
    }

    /// A tally keeps its loop totals from call to call: a call handed back
    /// after the counters were flushed (a participant out of order at the
    /// end) leaves them clear, so that the sorted copy settled next, and
    /// the call after it, count each claim once.
    #[test]
    fn totals_kept_between_calls_are_clear_after_a_call_handed_back() {
        let rule = capped_rule();
        let mut first = many_claims();
        let straggler = first[0];
        first.push(straggler);
        let later: Vec<Claim> = first
            .iter()
            .take(500)
            .map(|c| Claim::new(c.participant() + 100_000, c.outcome(), c.date()))
            .collect();
        let none = Participants::none();
        let mut tally = rule.tally(&none, Detail::TotalsOnly);
        tally.add(&first).unwrap();
        tally.add(&later).unwrap();
        let all: Vec<Claim> = first.iter().chain(&later).copied().collect();
        let single = rule.settle(&all, &none, Detail::Audit).unwrap();
        let kept = tally.finish().unwrap();
        assert_eq!(kept.outcomes(), single.outcomes());
        assert_eq!(kept.rejections(), single.rejections());
        assert_eq!(kept.total(), single.total());
    }

    #[cfg(feature = "proptest")]
    mod properties {
        use super::super::super::{Detail, Flow};
        use super::LayoutChoice;
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
            /// leaves, counters, buckets and rejections alike, in either
            /// layout.
            #[test]
            fn streaming_equals_the_general_path(
                (rule, claims) in strategies::rule_with_claims(12, 200),
                dates_in_order in any::<bool>(),
                spread in any::<bool>(),
            ) {
                let layout = if spread { LayoutChoice::Spread } else { LayoutChoice::Chosen };
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
                prop_assert_eq!(super::stream_in(layout, &mut streamed, &claims), Flow::Done);
                let mut general = rule.tally(&none, Detail::TotalsOnly);
                prop_assert_eq!(general.add_grouped(t, &claims), Ok(Flow::Done));
                prop_assert_eq!(&streamed.acc, &general.acc);
                let audit = rule.settle(&claims, &none, Detail::Audit).unwrap();
                let totals = streamed.finish().unwrap();
                prop_assert_eq!(totals.outcomes(), audit.outcomes());
                prop_assert_eq!(totals.rejections(), audit.rejections());
                prop_assert_eq!(totals.total(), audit.total());
            }

            /// A call the streaming loop hands back leaves the tally exactly
            /// as it was: the loop takes back its own work. Here the claims
            /// are sorted by participant (dates in any order, so that some
            /// participants are settled again) but for a last claim of the
            /// first participant, found out of order after all the others
            /// are settled.
            #[test]
            fn a_call_handed_back_leaves_the_tally_as_it_was(
                (rule, claims) in strategies::rule_with_claims(12, 200),
                split in 0..200_usize,
                spread in any::<bool>(),
            ) {
                let layout = if spread { LayoutChoice::Spread } else { LayoutChoice::Chosen };
                let rule = streamable(&rule);
                let (earlier, later) = claims.split_at(split.min(claims.len()));
                let mut later = later.to_vec();
                later.sort_by_key(|c| c.participant());
                if let Some(&first) = later.first() {
                    later.push(first);
                }
                let none = Participants::none();
                let mut tally = rule.tally(&none, Detail::TotalsOnly);
                prop_assume!(tally.add(earlier).is_ok());
                let before = tally.acc.clone();
                if super::stream_in(layout, &mut tally, &later) != Flow::Done {
                    prop_assert_eq!(&tally.acc, &before);
                }
            }
        }
    }
}
