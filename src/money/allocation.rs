//! Allocation of whole units in proportion to weights: by largest
//! remainder (each part within one unit of its exact share), and by
//! Sainte-Laguë's divisor method (a larger total never gives any share
//! less), which payer splits use.

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

/// Splits `total` units by Sainte-Laguë's divisor method (a negative total
/// is split as its magnitude, every part negated):
/// unit after unit goes to the share with the highest `weight / (units so
/// far + ½)`, ties to the earlier share. Because each total's parts are the
/// parts of the total one unit smaller plus one unit, a larger total never
/// gives any share less (house monotonicity), which largest remainder
/// cannot promise with three or more shares. With two shares the two
/// methods agree but for ties.
///
/// Computed without handing out units one by one: every share first gets
/// the units whose priority is above `sum / total` (a prefix of the
/// unit-by-unit order), and then the next units are added (or the last
/// ones taken back) in that order, which takes fewer steps than there are
/// shares. Priorities are compared exactly, by cross-multiplication.
pub(crate) fn sainte_lague(total: i128, weights: &[Decimal]) -> Result<Vec<i128>, MoneyError> {
    let IntegerWeights { weights: w, sum } = integer_weights(weights)?;
    if total < 0 {
        let magnitude = total.checked_neg().ok_or_else(overflow)?;
        return Ok(sainte_lague(magnitude, weights)?.into_iter().map(|p| -p).collect());
    }
    if total == 0 {
        return Ok(vec![0; w.len()]);
    }
    // Units k of share i with w_i / (k + 1/2) > sum / total, that is
    // 2·k·sum < 2·total·w_i − sum: k < (2·total·w_i − sum) / (2·sum).
    let mut parts = Vec::with_capacity(w.len());
    let mut given: i128 = 0;
    for wi in &w {
        let top = total.checked_mul(2).and_then(|t| t.checked_mul(*wi)).ok_or_else(overflow)? - sum;
        let twice_sum = sum.checked_mul(2).ok_or_else(overflow)?;
        let units = if top <= 0 { 0 } else { (top - 1) / twice_sum + 1 };
        given = given.checked_add(units).ok_or_else(overflow)?;
        parts.push(units);
    }
    // Priority of the next unit of share i: w_i / (a_i + 1/2); of its last
    // unit: w_i / (a_i − 1/2). `higher(i, a, j, b)`: w_i/(2a+1) vs w_j/(2b+1).
    let cmp = |i: usize, ai: i128, j: usize, aj: i128| -> Result<std::cmp::Ordering, MoneyError> {
        let (wi, wj) = (w.get(i).copied().unwrap_or(0), w.get(j).copied().unwrap_or(0));
        let odd = |a: i128| a.checked_mul(2).and_then(|d| d.checked_add(1)).ok_or_else(overflow);
        let left = wi.checked_mul(odd(aj)?).ok_or_else(overflow)?;
        let right = wj.checked_mul(odd(ai)?).ok_or_else(overflow)?;
        Ok(left.cmp(&right))
    };
    while given < total {
        // The next unit in order: highest priority, ties to the earlier share.
        let mut best: Option<usize> = None;
        for i in 0..parts.len() {
            let ai = parts.get(i).copied().unwrap_or(0);
            best = match best {
                Some(b) if cmp(i, ai, b, parts.get(b).copied().unwrap_or(0))?.is_le() => Some(b),
                _ => Some(i),
            };
        }
        let Some(part) = best.and_then(|b| parts.get_mut(b)) else { return Err(overflow()) };
        *part += 1;
        given += 1;
    }
    while given > total {
        // The last unit in order: lowest priority, ties to the later share.
        let mut worst: Option<usize> = None;
        for i in 0..parts.len() {
            let ai = parts.get(i).copied().unwrap_or(0);
            if ai == 0 {
                continue;
            }
            worst = match worst {
                Some(b) if cmp(i, ai - 1, b, parts.get(b).copied().unwrap_or(0) - 1)?.is_gt() => {
                    Some(b)
                }
                _ => Some(i),
            };
        }
        let Some(part) = worst.and_then(|b| parts.get_mut(b)) else { return Err(overflow()) };
        *part -= 1;
        given -= 1;
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

    /// Unit by unit, as the method is defined: the reference for the fast form.
    fn sainte_lague_unit_by_unit(total: i128, w: &[i128]) -> Vec<i128> {
        let mut parts = vec![0_i128; w.len()];
        for _ in 0..total {
            let mut best = 0;
            for i in 1..w.len() {
                // w_i/(2a_i+1) > w_best/(2a_best+1), strictly: ties stay earlier.
                if w[i] * (2 * parts[best] + 1) > w[best] * (2 * parts[i] + 1) {
                    best = i;
                }
            }
            parts[best] += 1;
        }
        parts
    }

    #[test]
    fn sainte_lague_worked_examples() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        // 80/20 of 5,196 whole pounds.
        assert_eq!(sainte_lague(5_196, &[d("0.8"), d("0.2")]).unwrap(), [4_157, 1_039]);
        // Largest remainder's Alabama paradox: shares of 1%, 3% and 96% of
        // 50 units give the first share 1, of 51 units 0.
        let w = [d("0.01"), d("0.03"), d("0.96")];
        assert_eq!(largest_remainder(50, &w).unwrap(), [1, 1, 48]);
        assert_eq!(largest_remainder(51, &w).unwrap(), [0, 2, 49]);
        assert_eq!(sainte_lague(50, &w).unwrap(), [1, 1, 48]);
        assert_eq!(sainte_lague(51, &w).unwrap(), [1, 2, 48]);
        assert_eq!(sainte_lague(0, &w).unwrap(), [0, 0, 0]);
        assert_eq!(sainte_lague(-51, &w).unwrap(), [-1, -2, -48]);
    }

    proptest! {
        /// The fast form hands out exactly the units the definition does,
        /// and one more unit never gives a share less.
        #[test]
        fn sainte_lague_is_the_method_and_house_monotone(total in 0_i128..400, raw in prop::collection::vec(0_u32..1_000, 1..6)) {
            prop_assume!(raw.iter().any(|w| *w > 0));
            let weights: Vec<Decimal> = raw.iter().map(|w| Decimal::new(i64::from(*w), 2)).collect();
            let w: Vec<i128> = raw.iter().map(|w| i128::from(*w)).collect();
            let parts = sainte_lague(total, &weights).unwrap();
            prop_assert_eq!(&parts, &sainte_lague_unit_by_unit(total, &w));
            let next = sainte_lague(total + 1, &weights).unwrap();
            prop_assert!(parts.iter().zip(&next).all(|(a, b)| a <= b));
            prop_assert_eq!(parts.iter().sum::<i128>(), total);
        }

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
