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

    /// A decimal as the exact fraction `mantissa / 10^scale`.
    pub(crate) fn from_decimal(d: Decimal) -> Result<Ratio, OutcomeError> {
        let d = d.normalize();
        let den = 10_i128.checked_pow(d.scale()).ok_or_else(|| overflow("decimal to fraction"))?;
        Ratio::new(d.mantissa(), den).ok_or_else(|| overflow("decimal to fraction"))
    }

    pub(crate) fn from_rate(r: Rate) -> Result<Ratio, OutcomeError> {
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

    /// Exact comparison by cross-multiplication, in 256-bit arithmetic so
    /// that it cannot overflow (denominators are positive, so the signs of
    /// the numerators decide unless they agree).
    pub(crate) fn compare(self, o: Ratio) -> Ordering {
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

    /// The value as a decimal: exact when it terminates within 28 places
    /// and numerator and denominator fit a decimal's 96-bit mantissa;
    /// otherwise correct to about 28 significant digits (numerator and
    /// denominator are first scaled down by the same power of ten). Used for
    /// amounts that the contract's policy then rounds, and for display.
    pub(crate) fn to_decimal(self) -> Result<Decimal, OutcomeError> {
        // Decimal::MAX's mantissa, 2^96 − 1.
        const LIMIT: i128 = 79_228_162_514_264_337_593_543_950_335;
        let (mut n, mut d) = (self.num, self.den);
        while n.abs() > LIMIT || d > LIMIT {
            n /= 10;
            d /= 10;
        }
        if d == 0 {
            return Err(overflow("fraction to decimal"));
        }
        let n =
            Decimal::try_from_i128_with_scale(n, 0).map_err(|_| overflow("fraction to decimal"))?;
        let d =
            Decimal::try_from_i128_with_scale(d, 0).map_err(|_| overflow("fraction to decimal"))?;
        n.checked_div(d).ok_or_else(|| overflow("fraction to decimal"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_never_overflows() {
        let big = Ratio::new(i128::MAX - 1, i128::MAX).unwrap();
        let bigger = Ratio::new(i128::MAX, i128::MAX - 1).unwrap();
        assert_eq!(big.compare(bigger), Ordering::Less);
        assert_eq!(bigger.compare(big), Ordering::Greater);
        let neg = Ratio::new(-(i128::MAX - 1), i128::MAX).unwrap();
        let more_neg = Ratio::new(-i128::MAX, i128::MAX - 1).unwrap();
        assert_eq!(neg.compare(more_neg), Ordering::Greater);
        assert_eq!(neg.compare(big), Ordering::Less);
        assert_eq!(Ratio::new(0, 5).unwrap().compare(Ratio::new(0, 7).unwrap()), Ordering::Equal);
        assert_eq!(mul_wide(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
    }

    proptest::proptest! {
        /// Where the plain cross-products fit in `i128`, the wide comparison
        /// agrees with them.
        #[test]
        fn wide_comparison_agrees_with_narrow(a in -1_i128 << 60..1 << 60, b in 1_i128..1 << 60,
                                              c in -1_i128 << 60..1 << 60, d in 1_i128..1 << 60) {
            let (x, y) = (Ratio::new(a, b).unwrap(), Ratio::new(c, d).unwrap());
            proptest::prop_assert_eq!(x.compare(y), (a * d).cmp(&(c * b)));
        }
    }

    #[test]
    fn arithmetic_and_comparison() {
        let third = Ratio::new(1, 3).unwrap();
        let sum = third.checked_add(third).unwrap().checked_add(third).unwrap();
        assert_eq!(sum, Ratio::from_int(1));
        assert_eq!(Ratio::new(2, -4).unwrap(), Ratio::new(-1, 2).unwrap());
        assert_eq!(
            Ratio::new(13, 155).unwrap().compare(Ratio::new(1, 10).unwrap()),
            Ordering::Less
        );
        assert_eq!(
            Ratio::new(155, 1550).unwrap().compare(Ratio::new(1, 10).unwrap()),
            Ordering::Equal
        );
        assert_eq!(
            Ratio::from_decimal("0.075".parse().unwrap()).unwrap(),
            Ratio::new(3, 40).unwrap()
        );
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
        // Huge numerator and denominator, moderate value.
        let big = Ratio::new(3 * 10_i128.pow(35) + 7, 10_i128.pow(36)).unwrap();
        assert_eq!(big.to_decimal().unwrap(), "0.3".parse::<Decimal>().unwrap());
        assert_eq!(
            Ratio::from_int(5).checked_sub(Ratio::from_int(7)).unwrap(),
            Ratio::from_int(-2)
        );
    }
}
