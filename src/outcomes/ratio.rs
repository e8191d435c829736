//! Exact non-negative-denominator fractions over `i128`, for threshold
//! decisions by cross-multiplication (never by dividing first).

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::OutcomeError;
use crate::Rate;

/// `num / den` with `den > 0`, kept in lowest terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ratio {
    num: i128,
    den: i128,
}

fn overflow(operation: &'static str) -> OutcomeError {
    OutcomeError::Overflow { operation }
}

/// The full 256-bit product of two `u128`s, as (high, low) halves.
fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    const MASK: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & MASK);
    let (b1, b0) = (b >> 64, b & MASK);
    // Each partial product of 64-bit halves fits in a u128.
    let (p00, p01, p10, p11) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
    let (mid, carry1) = p01.overflowing_add(p10);
    let (mid, carry2) = mid.overflowing_add(p00 >> 64);
    let low = (mid << 64) | (p00 & MASK);
    // The true product is below 2^256, so the high half cannot overflow.
    let carries = (u128::from(carry1) + u128::from(carry2)) << 64;
    let high = p11 + (mid >> 64) + carries;
    (high, low)
}

/// Greatest common divisor of `|a|` and `|b|` (callers exclude `i128::MIN`).
fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.checked_abs().unwrap_or(1), b.checked_abs().unwrap_or(1));
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a
}

impl Ratio {
    pub(crate) const ZERO: Ratio = Ratio { num: 0, den: 1 };

    /// `num / den`; `None` if `den` is zero.
    pub(crate) fn new(num: i128, den: i128) -> Option<Ratio> {
        if den == 0 || num == i128::MIN || den == i128::MIN {
            return None;
        }
        let g = gcd(num, den).max(1);
        let (mut num, mut den) = (num / g, den / g);
        if den < 0 {
            num = num.checked_neg()?;
            den = den.checked_neg()?;
        }
        Some(Ratio { num, den })
    }

    pub(crate) fn from_int(n: i128) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    /// A decimal as the exact fraction `mantissa / 10^scale`. Cannot fail:
    /// a decimal's scale is at most 28, so `10^scale < 10^29` fits `i128`,
    /// and its mantissa is below 2^96 in magnitude, so it is never
    /// `i128::MIN` (which the gcd could not take the magnitude of).
    pub(crate) fn from_decimal(d: Decimal) -> Ratio {
        let d = d.normalize();
        let (num, den) = (d.mantissa(), 10_i128.pow(d.scale()));
        // `den` is a positive power of ten, so the gcd is positive and
        // dividing by it keeps the denominator positive.
        let g = gcd(num, den);
        Ratio { num: num / g, den: den / g }
    }

    /// A rate as the exact fraction it stands for (`7.5%` is `3/40`).
    pub(crate) fn from_rate(r: Rate) -> Ratio {
        Ratio::from_decimal(r.as_fraction())
    }

    pub(crate) const fn is_zero(self) -> bool {
        self.num == 0
    }

    pub(crate) fn checked_add(self, o: Ratio) -> Result<Ratio, OutcomeError> {
        let g = gcd(self.den, o.den).max(1);
        let l = (self.den / g).checked_mul(o.den).ok_or_else(|| overflow("fraction sum"))?;
        let a = self.num.checked_mul(l / self.den).ok_or_else(|| overflow("fraction sum"))?;
        let b = o.num.checked_mul(l / o.den).ok_or_else(|| overflow("fraction sum"))?;
        let n = a.checked_add(b).ok_or_else(|| overflow("fraction sum"))?;
        Ratio::new(n, l).ok_or_else(|| overflow("fraction sum"))
    }

    pub(crate) fn checked_sub(self, o: Ratio) -> Result<Ratio, OutcomeError> {
        let neg = Ratio {
            num: o.num.checked_neg().ok_or_else(|| overflow("fraction difference"))?,
            den: o.den,
        };
        self.checked_add(neg)
    }

    pub(crate) fn checked_mul(self, o: Ratio) -> Result<Ratio, OutcomeError> {
        // Cross-reduce first to keep the numbers small.
        let g1 = gcd(self.num, o.den).max(1);
        let g2 = gcd(o.num, self.den).max(1);
        let n =
            (self.num / g1).checked_mul(o.num / g2).ok_or_else(|| overflow("fraction product"))?;
        let d =
            (self.den / g2).checked_mul(o.den / g1).ok_or_else(|| overflow("fraction product"))?;
        Ratio::new(n, d).ok_or_else(|| overflow("fraction product"))
    }

    pub(crate) fn checked_div(self, o: Ratio) -> Result<Ratio, OutcomeError> {
        if o.num == 0 {
            return Err(overflow("fraction division by zero"));
        }
        self.checked_mul(Ratio { num: o.den, den: o.num }.normalised()?)
    }

    fn normalised(self) -> Result<Ratio, OutcomeError> {
        Ratio::new(self.num, self.den).ok_or_else(|| overflow("fraction"))
    }

    /// The value as a decimal, by long division: exact when it terminates
    /// within the digits a decimal holds (a 96-bit mantissa, at most 28
    /// places); otherwise cut toward zero after the last digit that fits,
    /// so it is never further from zero than the exact value (an amount is
    /// never rounded up before the contract's own rounding). Used for
    /// amounts that the contract's policy then rounds, and for display.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] if the whole part does not fit a decimal.
    pub(crate) fn to_decimal(self) -> Result<Decimal, OutcomeError> {
        // Decimal::MAX's mantissa, 2^96 − 1.
        const LIMIT: u128 = 79_228_162_514_264_337_593_543_950_335;
        let negative = self.num < 0;
        let (n, d) = (self.num.unsigned_abs(), self.den.unsigned_abs());
        if d == 0 {
            return Err(overflow("fraction to decimal"));
        }
        let mut mantissa = n / d;
        let mut rest = n % d;
        if mantissa > LIMIT {
            return Err(overflow("fraction to decimal"));
        }
        let mut scale = 0_u32;
        while rest != 0 && scale < 28 {
            // One more digit: stop when the remainder or the mantissa would
            // no longer fit (the digits after it are cut).
            let (Some(r10), Some(m10)) = (rest.checked_mul(10), mantissa.checked_mul(10)) else {
                break;
            };
            let digit = r10 / d;
            let next = m10 + digit;
            if next > LIMIT {
                break;
            }
            mantissa = next;
            rest = r10 % d;
            scale += 1;
        }
        let signed = i128::try_from(mantissa).map_err(|_| overflow("fraction to decimal"))?;
        let signed = if negative { -signed } else { signed };
        Decimal::try_from_i128_with_scale(signed, scale)
            .map_err(|_| overflow("fraction to decimal"))
    }
}

/// Numeric order, exact: by cross-multiplication in 256-bit arithmetic, so
/// that it cannot overflow (denominators are positive, so the signs of the
/// numerators decide unless they agree). A ratio is always in lowest terms
/// with a positive denominator, so equal values have equal fields and this
/// order agrees with the derived `Eq`.
impl Ord for Ratio {
    fn cmp(&self, o: &Ratio) -> Ordering {
        let (a, b) = (self.num, o.num);
        match (a.signum(), b.signum()) {
            (x, y) if x != y => return x.cmp(&y),
            (0, _) => return Ordering::Equal,
            _ => {}
        }
        // Same sign: compare |a| × o.den with |b| × self.den.
        let left = mul_wide(a.unsigned_abs(), o.den.unsigned_abs());
        let right = mul_wide(b.unsigned_abs(), self.den.unsigned_abs());
        let magnitude = left.cmp(&right);
        if a < 0 { magnitude.reverse() } else { magnitude }
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, o: &Ratio) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_never_overflows() {
        let big = Ratio::new(i128::MAX - 1, i128::MAX).unwrap();
        let bigger = Ratio::new(i128::MAX, i128::MAX - 1).unwrap();
        assert_eq!(big.cmp(&bigger), Ordering::Less);
        assert_eq!(bigger.cmp(&big), Ordering::Greater);
        let neg = Ratio::new(-(i128::MAX - 1), i128::MAX).unwrap();
        let more_neg = Ratio::new(-i128::MAX, i128::MAX - 1).unwrap();
        assert_eq!(neg.cmp(&more_neg), Ordering::Greater);
        assert_eq!(neg.cmp(&big), Ordering::Less);
        assert_eq!(Ratio::new(0, 5).unwrap().cmp(&Ratio::new(0, 7).unwrap()), Ordering::Equal);
        assert_eq!(mul_wide(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
    }

    #[test]
    fn order_operators_are_exact_and_agree_with_eq() {
        let tenth = Ratio::new(1, 10).unwrap();
        let also_tenth = Ratio::new(155, 1550).unwrap();
        assert_eq!(tenth, also_tenth);
        // "At least" is inclusive: an equal value reaches the threshold.
        assert!(also_tenth >= tenth);
        assert!(also_tenth <= tenth);
        assert_eq!(also_tenth.partial_cmp(&tenth), Some(Ordering::Equal));
        let just_below = Ratio::new(13, 155).unwrap();
        assert!(just_below < tenth);
        assert!(tenth > just_below);
        assert_ne!(just_below, tenth);
        assert!(Ratio::new(-1, 3).unwrap() < Ratio::ZERO);
        assert_eq!(Ratio::ZERO.max(just_below), just_below);
    }

    #[test]
    fn every_decimal_converts_exactly() {
        // The extremes of scale and mantissa: no conversion can fail.
        let cases = [
            (Decimal::MAX, Ratio::new(Decimal::MAX.mantissa(), 1).unwrap()),
            (Decimal::MIN, Ratio::new(Decimal::MIN.mantissa(), 1).unwrap()),
            (Decimal::new(1, 28), Ratio::new(1, 10_i128.pow(28)).unwrap()),
            (Decimal::new(-1, 28), Ratio::new(-1, 10_i128.pow(28)).unwrap()),
            (
                Decimal::from_i128_with_scale(Decimal::MAX.mantissa(), 28),
                Ratio::new(Decimal::MAX.mantissa(), 10_i128.pow(28)).unwrap(),
            ),
            ("-0.000".parse().unwrap(), Ratio::ZERO),
            ("2.50".parse().unwrap(), Ratio::new(5, 2).unwrap()),
        ];
        for (d, r) in cases {
            assert_eq!(Ratio::from_decimal(d), r, "{d}");
            assert_eq!(Ratio::from_rate(Rate::from_fraction(d)), r, "{d}");
        }
    }

    proptest::proptest! {
        /// Where the plain cross-products fit in `i128`, the wide comparison
        /// agrees with them.
        #[test]
        fn wide_comparison_agrees_with_narrow(a in -1_i128 << 60..1 << 60, b in 1_i128..1 << 60,
                                              c in -1_i128 << 60..1 << 60, d in 1_i128..1 << 60) {
            let (x, y) = (Ratio::new(a, b).unwrap(), Ratio::new(c, d).unwrap());
            proptest::prop_assert_eq!(x.cmp(&y), (a * d).cmp(&(c * b)));
        }
    }

    proptest::proptest! {
        /// The decimal is never further from zero than the fraction, and
        /// within one unit of its last place.
        #[test]
        fn to_decimal_is_cut_toward_zero(n in -(1_i128 << 100)..(1_i128 << 100), d in 1_i128..(1_i128 << 90)) {
            let r = Ratio::new(n, d).unwrap();
            let Ok(x) = r.to_decimal() else { return Ok(()) };
            let back = Ratio::from_decimal(x);
            if n >= 0 {
                proptest::prop_assert!(back <= r);
            } else {
                proptest::prop_assert!(back >= r);
            }
            let ulp = Ratio::new(1, 10_i128.pow(x.scale())).unwrap();
            if n >= 0 {
                if let Ok(high) = back.checked_add(ulp) {
                    proptest::prop_assert!(r < high, "{}", x);
                }
            } else if let Ok(low) = back.checked_sub(ulp) {
                proptest::prop_assert!(low < r, "{}", x);
            }
        }
    }

    #[test]
    fn arithmetic_and_comparison() {
        let third = Ratio::new(1, 3).unwrap();
        let sum = third.checked_add(third).unwrap().checked_add(third).unwrap();
        assert_eq!(sum, Ratio::from_int(1));
        assert_eq!(Ratio::new(2, -4).unwrap(), Ratio::new(-1, 2).unwrap());
        assert_eq!(Ratio::new(13, 155).unwrap().cmp(&Ratio::new(1, 10).unwrap()), Ordering::Less);
        assert_eq!(
            Ratio::new(155, 1550).unwrap().cmp(&Ratio::new(1, 10).unwrap()),
            Ordering::Equal
        );
        assert_eq!(Ratio::from_decimal("0.075".parse().unwrap()), Ratio::new(3, 40).unwrap());
        assert!(
            Ratio::new(13, 155)
                .unwrap()
                .to_decimal()
                .unwrap()
                .to_string()
                .starts_with("0.0838709677419")
        );
        assert!(Ratio::new(1, 0).is_none());
        assert!(Ratio::from_int(i128::MAX).checked_add(Ratio::from_int(1)).is_err());
        assert_eq!(third.checked_div(third).unwrap(), Ratio::from_int(1));
        // Huge numerator and denominator, moderate value: every digit that
        // fits is exact, the rest cut toward zero.
        let big = Ratio::new(3 * 10_i128.pow(35) + 7, 10_i128.pow(36)).unwrap();
        assert_eq!(
            big.to_decimal().unwrap(),
            "0.3000000000000000000000000000".parse::<Decimal>().unwrap()
        );
        // Large exact values are not scaled down: 8e28 / 13 keeps every
        // whole unit (it used to lose a tenth of its value).
        let large = Ratio::new(8 * 10_i128.pow(28), 13).unwrap();
        assert_eq!(large.to_decimal().unwrap().to_string(), "6153846153846153846153846153.8");
        assert!(Ratio::from_int(1 << 100).to_decimal().is_err());
        // Never rounded up: 2/3 is cut, not rounded, at the 28th place.
        let two_thirds = Ratio::new(2, 3).unwrap().to_decimal().unwrap();
        assert_eq!(two_thirds.to_string(), format!("0.{}", "6".repeat(28)));
        assert_eq!(Ratio::new(-2, 3).unwrap().to_decimal().unwrap(), -two_thirds);
        assert_eq!(
            Ratio::from_int(5).checked_sub(Ratio::from_int(7)).unwrap(),
            Ratio::from_int(-2)
        );
    }
}
