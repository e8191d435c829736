//! Sorting claims by participant for settlement: a least-significant-digit
//! radix sort over only the bits of the call's range of participant ids
//! (highest minus lowest: two passes for a million consecutive ids, up to
//! six for ids spread over all of `u64`), in place of a comparison sort's
//! `n log n` compares.

use crate::outcomes::Claim;

/// Bits sorted per pass: 2,048 counters fit in the first-level cache.
const DIGIT_BITS: u32 = 11;
const RADIX: usize = 1 << DIGIT_BITS;
/// Below this many claims a comparison sort is quicker than clearing and
/// scanning the counters.
const SMALL: usize = 4_096;

/// A copy of `claims`, stably sorted by participant.
pub(super) fn sorted_by_participant(claims: &[Claim]) -> Vec<Claim> {
    let mut from = claims.to_vec();
    if claims.len() <= SMALL {
        from.sort_by_key(Claim::participant);
        return from;
    }
    let lowest = claims.iter().map(Claim::participant).min().unwrap_or(0);
    let highest = claims.iter().map(Claim::participant).max().unwrap_or(0);
    let bits = u64::BITS - (highest - lowest).leading_zeros();
    let mut to = from.clone();
    let mut shift = 0;
    let mut next = vec![0_usize; RADIX];
    while shift < bits {
        let digit = |c: &Claim| {
            // Masked to `DIGIT_BITS` bits, so the cast cannot truncate.
            #[allow(clippy::cast_possible_truncation)]
            let d = ((c.participant() - lowest) >> shift) as usize & (RADIX - 1);
            d
        };
        next.fill(0);
        for c in &from {
            if let Some(n) = next.get_mut(digit(c)) {
                *n += 1;
            }
        }
        let mut offset = 0;
        for n in &mut next {
            let count = *n;
            *n = offset;
            offset += count;
        }
        for c in &from {
            if let Some(n) = next.get_mut(digit(c)) {
                if let Some(slot) = to.get_mut(*n) {
                    *slot = *c;
                }
                *n += 1;
            }
        }
        std::mem::swap(&mut from, &mut to);
        shift += DIGIT_BITS;
    }
    from
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
    }
}
