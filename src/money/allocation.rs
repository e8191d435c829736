//! Largest-remainder allocation of whole minor units.

use rust_decimal::Decimal;

use super::MoneyError;

fn overflow() -> MoneyError {
    MoneyError::Overflow { operation: "allocate" }
}

/// Why a list of weights cannot split any amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WeightError {
    /// There are no weights.
    Empty,
    /// The weight at this index is negative.
    Negative(usize),
    /// The weights sum to zero.
    SumZero,
    /// At the decimal places of the most precise weight, a weight has more
    /// digits than a decimal holds (96 bits), or the sum of the weights
    /// overflows an `i128`, so no split can be computed exactly.
    TooWide,
}

impl WeightError {
    /// Why the weights were rejected, in words.
    pub(crate) const fn reason(self) -> &'static str {
        match self {
            WeightError::Empty => "no weights",
            WeightError::Negative(_) => "a weight is negative",
            WeightError::SumZero => "the weights sum to zero",
            WeightError::TooWide => {
                "the weights span too many digits to be written as whole numbers at the \
                 decimal places of the most precise one"
            }
        }
    }
}

impl From<WeightError> for MoneyError {
    fn from(e: WeightError) -> Self {
        MoneyError::InvalidWeights { reason: e.reason() }
    }
}

/// Weights as exact integers at a common scale, and their sum (positive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IntegerWeights {
    pub(crate) weights: Vec<i128>,
    pub(crate) sum: i128,
}

/// Validates `weights` for an exact split and brings them to a common
/// scale: the one check shared by [`largest_remainder`] and every type that
/// stores weights for later splits, so that what is accepted at
/// construction can always be split (given an amount small enough for the
/// products to fit).
///
/// # Errors
///
/// [`WeightError`] if there are no weights, one is negative, they cannot be
/// written as integers at a common scale, or they sum to zero.
pub(crate) fn integer_weights(weights: &[Decimal]) -> Result<IntegerWeights, WeightError> {
    if weights.is_empty() {
        return Err(WeightError::Empty);
    }
    if let Some(index) = weights.iter().position(|w| w.is_sign_negative() && !w.is_zero()) {
        return Err(WeightError::Negative(index));
    }
    // Bring every weight to a common scale so they are exact integers.
    let scale = weights.iter().map(|w| w.normalize().scale()).max().unwrap_or(0);
    let integers: Vec<i128> = weights
        .iter()
        .map(|w| {
            let mut w = w.normalize();
            w.rescale(scale);
            if w.scale() == scale { Ok(w.mantissa()) } else { Err(WeightError::TooWide) }
        })
        .collect::<Result<_, _>>()?;
    let sum = integers
        .iter()
        .try_fold(0_i128, |acc, w| acc.checked_add(*w))
        .ok_or(WeightError::TooWide)?;
    if sum == 0 {
        return Err(WeightError::SumZero);
    }
    Ok(IntegerWeights { weights: integers, sum })
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
    let IntegerWeights { weights: integer_weights, sum: weight_sum } = integer_weights(weights)?;
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
        assert_eq!(integer_weights(&[]), Err(WeightError::Empty));
        assert_eq!(integer_weights(&[Decimal::ONE, -Decimal::ONE]), Err(WeightError::Negative(1)));
        assert_eq!(integer_weights(&[Decimal::ZERO, -Decimal::ZERO]), Err(WeightError::SumZero));
        // 10¹⁸ at 28 decimal places needs 47 digits: no split of any amount
        // can be exact, so the weights themselves are invalid.
        let wide = [Decimal::new(1, 28), Decimal::from(1_000_000_000_000_000_000_i64)];
        assert_eq!(integer_weights(&wide), Err(WeightError::TooWide));
        assert!(matches!(largest_remainder(1, &wide), Err(MoneyError::InvalidWeights { .. })));
        let ok = integer_weights(&["0.8".parse().unwrap(), "0.20".parse().unwrap()]).unwrap();
        assert_eq!(ok, IntegerWeights { weights: vec![8, 2], sum: 10 });
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
