//! Largest-remainder allocation of whole minor units.

use rust_decimal::Decimal;

use super::MoneyError;

fn overflow() -> MoneyError {
    MoneyError::Overflow { operation: "allocate" }
}

/// Splits `total` whole units in proportion to `weights` so that the parts sum
/// exactly to `total`.
///
/// Each part first gets the floor of its exact share (computed in integers, so
/// no rounding happens); the units left over (fewer than the number of
/// shares) go one each to the largest remainders, ties to the lower index. A
/// negative total is split as its absolute value and negated, so a reversal
/// mirrors the original split.
pub(crate) fn largest_remainder(total: i128, weights: &[Decimal]) -> Result<Vec<i128>, MoneyError> {
    if weights.is_empty() {
        return Err(MoneyError::InvalidWeights { reason: "no weights" });
    }
    if weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
        return Err(MoneyError::InvalidWeights { reason: "a weight is negative" });
    }
    // Bring every weight to a common scale so they are exact integers.
    let scale = weights.iter().map(|w| w.normalize().scale()).max().unwrap_or(0);
    let integer_weights: Vec<i128> = weights
        .iter()
        .map(|w| {
            let mut w = w.normalize();
            w.rescale(scale);
            if w.scale() == scale { Ok(w.mantissa()) } else { Err(overflow()) }
        })
        .collect::<Result<_, _>>()?;
    let weight_sum = integer_weights
        .iter()
        .try_fold(0_i128, |acc, w| acc.checked_add(*w))
        .ok_or_else(overflow)?;
    if weight_sum == 0 {
        return Err(MoneyError::InvalidWeights { reason: "the weights sum to zero" });
    }
    let negative = total < 0;
    let magnitude = total.checked_abs().ok_or_else(overflow)?;
    let mut parts = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    let mut allocated: i128 = 0;
    for w in &integer_weights {
        let product = magnitude.checked_mul(*w).ok_or_else(overflow)?;
        let share = product / weight_sum;
        parts.push(share);
        remainders.push(product % weight_sum);
        allocated = allocated.checked_add(share).ok_or_else(overflow)?;
    }
    let leftover = magnitude - allocated;
    // Indices by descending remainder, ascending index on ties.
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (remainders.get(a), remainders.get(b));
        rb.cmp(&ra).then(a.cmp(&b))
    });
    let leftover = usize::try_from(leftover).map_err(|_| overflow())?;
    for index in order.into_iter().take(leftover) {
        if let Some(part) = parts.get_mut(index) {
            *part += 1;
        }
    }
    if negative {
        for part in &mut parts {
            *part = -*part;
        }
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ties_go_to_the_earlier_share() {
        let w = [Decimal::ONE, Decimal::ONE, Decimal::ONE];
        assert_eq!(largest_remainder(2, &w).unwrap(), [1, 1, 0]);
        assert_eq!(largest_remainder(-2, &w).unwrap(), [-1, -1, 0]);
    }

    #[test]
    fn bad_weights() {
        assert!(largest_remainder(5, &[]).is_err());
        assert!(largest_remainder(5, &[Decimal::ZERO]).is_err());
        assert!(largest_remainder(5, &[Decimal::NEGATIVE_ONE, Decimal::TWO]).is_err());
    }

    proptest! {
        #[test]
        fn parts_sum_to_total(total in -1_000_000_000_000_i128..1_000_000_000_000, raw in prop::collection::vec(0_u32..10_000, 1..12)) {
            prop_assume!(raw.iter().any(|w| *w > 0));
            let weights: Vec<Decimal> = raw.iter().map(|w| Decimal::new(i64::from(*w), 2)).collect();
            let parts = largest_remainder(total, &weights).unwrap();
            prop_assert_eq!(parts.iter().sum::<i128>(), total);
            prop_assert_eq!(parts.len(), weights.len());
            // Each part is within one unit of its exact share.
            let wsum: i128 = raw.iter().map(|w| i128::from(*w)).sum();
            for (p, w) in parts.iter().zip(&raw) {
                let exact_floor = total.abs() * i128::from(*w) / wsum;
                prop_assert!((p.abs() - exact_floor).abs() <= 1);
            }
        }
    }
}
