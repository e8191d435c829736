//! Sorting claims by participant for settlement: a radix sort over only the
//! bits of the call's range of participant ids (highest minus lowest), in
//! place of a comparison sort's `n log n` compares.
//!
//! The first pass distributes the claims by the top digit of their id,
//! straight from the caller's claims into the copy returned. Each digit's
//! claims are then sorted by the rest of the id within their own range,
//! through a small buffer kept for the whole sort: for ids spread evenly
//! each range is a few thousand claims, which stay in cache. Only one copy
//! of the claims is made, and only its first scatter writes across main
//! memory (the other passes over all the claims only read them).

use crate::outcomes::Claim;

/// Bits sorted per pass, at most: 2,048 counters fit in the first-level
/// cache.
const DIGIT_BITS: u32 = 11;
/// Below this many claims a comparison sort is quicker than clearing and
/// scanning the counters.
const SMALL: usize = 4_096;
/// A range of one top digit this short is sorted by the standard library's
/// stable sort, quicker here than clearing and scanning the counters.
const SHORT_RANGE: usize = 20;

/// A copy of `claims`, stably sorted by participant.
pub(super) fn sorted_by_participant(claims: &[Claim]) -> Vec<Claim> {
    let mut sorted = claims.to_vec();
    if claims.len() <= SMALL {
        sorted.sort_by_key(Claim::participant);
        return sorted;
    }
    let (lowest, highest) = claims
        .iter()
        .map(Claim::participant)
        .fold((u64::MAX, 0), |(low, high), p| (low.min(p), high.max(p)));
    let bits = u64::BITS - (highest - lowest).leading_zeros();
    let top = Digit::new(lowest, bits.saturating_sub(DIGIT_BITS), bits);
    let mut counts = Vec::new();
    top.distribute(claims, &mut sorted, &mut counts);
    // `counts` now holds where each top digit's range ends.
    let mut buffers = Buffers::default();
    let mut start = 0;
    for &end in &counts {
        if let Some(range) = sorted.get_mut(start..end) {
            sort_low_bits(range, lowest, top.shift, &mut buffers);
        }
        start = end;
    }
    sorted
}

/// What sorting each range needs, kept from range to range so that the
/// sort allocates a fixed number of times, however many claims it sorts.
#[derive(Debug, Default)]
struct Buffers {
    claims: Vec<Claim>,
    counts: Vec<usize>,
}

/// Stably sorts `range`, whose ids (less `lowest`) agree above `bits`, by
/// the bits below, one digit a pass, through `buffers`.
fn sort_low_bits(range: &mut [Claim], lowest: u64, bits: u32, buffers: &mut Buffers) {
    if bits == 0 || range.len() < 2 {
        return;
    }
    if range.len() <= SHORT_RANGE {
        range.sort_by_key(Claim::participant);
        return;
    }
    let Buffers { claims: scratch, counts } = buffers;
    scratch.clear();
    scratch.extend_from_slice(range);
    // The claims are in `scratch` before each even pass, in `range` before
    // each odd one.
    let mut in_scratch = true;
    let mut shift = 0;
    while shift < bits {
        let digit = Digit::new(lowest, shift, bits);
        if in_scratch {
            digit.distribute(scratch, range, counts);
        } else {
            digit.distribute(range, scratch, counts);
        }
        in_scratch = !in_scratch;
        shift += DIGIT_BITS;
    }
    if in_scratch {
        range.copy_from_slice(scratch);
    }
}

/// One digit of a participant id less the lowest id: `width` bits from
/// `shift`.
#[derive(Debug, Clone, Copy)]
struct Digit {
    lowest: u64,
    shift: u32,
    width: u32,
}

impl Digit {
    /// The digit from `shift` up to `bits` (at most [`DIGIT_BITS`] wide).
    fn new(lowest: u64, shift: u32, bits: u32) -> Digit {
        Digit { lowest, shift, width: bits.saturating_sub(shift).min(DIGIT_BITS) }
    }

    fn of(self, c: &Claim) -> usize {
        let mask = (1_u64 << self.width) - 1;
        // Masked to at most `DIGIT_BITS` bits, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        let d = ((c.participant() - self.lowest) >> self.shift & mask) as usize;
        d
    }

    /// Copies `from` into `to` (as long), stably ordered by this digit, and
    /// leaves in `counts` the end of each digit's range in `to`.
    fn distribute(self, from: &[Claim], to: &mut [Claim], counts: &mut Vec<usize>) {
        counts.clear();
        counts.resize(1 << self.width, 0);
        for c in from {
            if let Some(n) = counts.get_mut(self.of(c)) {
                *n += 1;
            }
        }
        // Each digit's start, then (as its claims are placed) its end.
        let mut offset = 0;
        for n in counts.iter_mut() {
            let count = *n;
            *n = offset;
            offset += count;
        }
        for c in from {
            if let Some(n) = counts.get_mut(self.of(c)) {
                if let Some(slot) = to.get_mut(*n) {
                    *slot = *c;
                }
                *n += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sorted_by_participant;
    use crate::Date;
    use crate::outcomes::{Claim, OutcomeIndex};
    use proptest::prelude::*;

    proptest! {
        /// The same claims as a stable sort by participant, for any spread
        /// of participant ids (small inputs take the comparison sort).
        #[test]
        fn equals_a_stable_sort(
            ids in proptest::collection::vec(any::<u64>(), 0..9_000),
            spread in 0_u32..64,
        ) {
            let first = OutcomeIndex::new(0).unwrap();
            let claims: Vec<Claim> = ids
                .iter()
                .enumerate()
                .map(|(k, id)| {
                    let day = i8::try_from(k % 28 + 1).unwrap();
                    Claim::new(id >> spread, first, Date::constant(2020, 1, day))
                })
                .collect();
            let mut expected = claims.clone();
            expected.sort_by_key(Claim::participant);
            prop_assert_eq!(sorted_by_participant(&claims), expected);
        }

        /// The same when most ids share the top digit (a cluster and one
        /// outlier far above it), so that one range holds most claims and
        /// is sorted by the rest of the id in one pass or several, ending
        /// in the buffer or in place.
        #[test]
        fn equals_a_stable_sort_when_one_range_holds_most_claims(
            ids in proptest::collection::vec(0_u64..1 << 40, 4_097..6_000),
            cluster_bits in 1_u32..40,
            outlier_bits in 12_u32..64,
        ) {
            let first = OutcomeIndex::new(0).unwrap();
            let day = |k: usize| Date::constant(2020, 1, i8::try_from(k % 28 + 1).unwrap());
            let mut claims: Vec<Claim> = ids
                .iter()
                .enumerate()
                .map(|(k, id)| Claim::new(id >> (40 - cluster_bits), first, day(k)))
                .collect();
            claims.push(Claim::new(u64::MAX >> (64 - outlier_bits), first, day(0)));
            let mut expected = claims.clone();
            expected.sort_by_key(Claim::participant);
            prop_assert_eq!(sorted_by_participant(&claims), expected);
        }
    }
}
