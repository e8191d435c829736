//! Exact decimal arithmetic.
//!
//! `rust_decimal`'s `checked_add` and `checked_mul` return `None` only when the
//! magnitude overflows; when the exact result needs more than 28 significant
//! digits they round it silently. These functions return the exact result or
//! `None`, never a rounded one.

use rust_decimal::Decimal;

/// The exact value `mantissa × 10^-scale` as a `Decimal`, dropping only
/// trailing zeros to make it fit; `None` if it cannot be held exactly.
fn fit(mut mantissa: i128, mut scale: u32) -> Option<Decimal> {
    loop {
        if scale <= 28
            && let Ok(d) = Decimal::try_from_i128_with_scale(mantissa, scale)
        {
            return Some(d);
        }
        if scale == 0 || mantissa % 10 != 0 {
            return None;
        }
        mantissa /= 10;
        scale -= 1;
    }
}

fn pow10(k: u32) -> Option<i128> {
    10_i128.checked_pow(k)
}

fn add_aligned(a: Decimal, b: Decimal) -> Option<Decimal> {
    let scale = a.scale().max(b.scale());
    let a_m = a.mantissa().checked_mul(pow10(scale - a.scale())?)?;
    let b_m = b.mantissa().checked_mul(pow10(scale - b.scale())?)?;
    fit(a_m.checked_add(b_m)?, scale)
}

/// `a + b` exactly, or `None`.
pub(crate) fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    add_aligned(a, b).or_else(|| add_aligned(a.normalize(), b.normalize()))
}

/// `a − b` exactly, or `None`.
pub(crate) fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
    add(a, -b)
}

fn mul_parts(a: Decimal, b: Decimal) -> Option<Decimal> {
    fit(a.mantissa().checked_mul(b.mantissa())?, a.scale() + b.scale())
}

/// Decimal text read exactly ([`Decimal::from_str_exact`]), or `None`.
/// `from_str_exact` skips underscores anywhere in the text (`"1_3"` reads as
/// 13); an amount, share or rate is refused if it has any, as it is for a
/// misplaced comma.
pub(crate) fn parse(text: &str) -> Option<Decimal> {
    if text.contains('_') {
        return None;
    }
    Decimal::from_str_exact(text).ok()
}

/// An amount as people write it, read exactly by [`parse`]: an optional
/// sign, a whole part of digits, and an optional fraction of digits after a
/// point. Commas may separate groups of three digits in the whole part
/// (`3,500.25`), after a first group of one to three digits that does not
/// start with `0`; a comma anywhere else (`35,00`, `0,500`, a decimal comma)
/// is refused, never dropped. Money's `FromStr` and the INDIGO reader both
/// read amounts with this.
///
/// # Errors
///
/// Why `text` is not such an amount.
pub(crate) fn parse_grouped(text: &str) -> Result<Decimal, &'static str> {
    const COMMAS: &str = "commas may only separate groups of three digits in the whole part";
    const NOT_AN_AMOUNT: &str = "not a decimal amount";
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let refuse = |part: &str| if part.contains(',') { COMMAS } else { NOT_AN_AMOUNT };
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    if let Some(fraction) = fraction.filter(|f| !digits(f)) {
        return Err(refuse(fraction));
    }
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or_default();
    if !digits(first) {
        return Err(refuse(whole));
    }
    let grouped = whole.contains(',');
    if grouped && (first.len() > 3 || first.starts_with('0')) {
        return Err(COMMAS);
    }
    if !groups.all(|g| g.len() == 3 && digits(g)) {
        return Err(COMMAS);
    }
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    parse(&plain).ok_or(NOT_AN_AMOUNT)
}

/// `a × b` exactly, or `None`.
pub(crate) fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    mul_parts(a, b).or_else(|| mul_parts(a.normalize(), b.normalize()))
}

/// Serde for a [`Decimal`] written as a JSON string, read exactly: the text
/// must be plain decimal digits that fit in a decimal without rounding (no
/// exponent, at most 28 decimal places and 96 bits), by
/// [`Decimal::from_str_exact`]. `rust_decimal::serde::str` would round an
/// over-long string and accept `"1e3"`.
pub(crate) mod decimal_str {
    use rust_decimal::Decimal;

    pub(crate) fn serialize<S: serde::Serializer>(
        value: &Decimal,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::str::serialize(value, serializer)
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Decimal, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(deserializer)?;
        super::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{text:?} is not an exact decimal number: write plain digits with no \
                 exponent, few enough for a decimal to hold without rounding (28 decimal \
                 places, about 28 significant digits)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn exact_results_and_refusals() {
        assert_eq!(add(d("0.1"), d("0.2")), Some(d("0.3")));
        assert_eq!(mul(d("1.5"), d("0.2")), Some(d("0.30")));
        // 29 significant digits: rust_decimal would round, we refuse.
        let big = d("9922816248751.681707850795602");
        assert!(big.checked_add(d("0.0000000000000005")).is_some(), "rust_decimal rounds");
        assert_eq!(add(big, d("0.0000000000000005")), None);
        assert_eq!(
            mul(d("1.0000000000001"), d("1.0000000000001")),
            Some(d("1.00000000000020000000000001"))
        );
        assert_eq!(mul(d("1.000000000000001"), d("1.000000000000001")), None);
        // Trailing zeros are dropped to fit, exactly.
        assert_eq!(mul(Decimal::MAX, d("1.0")), Some(Decimal::MAX));
        assert_eq!(add(Decimal::MAX, Decimal::ONE), None);
        assert_eq!(sub(d("10.00"), d("0.01")), Some(d("9.99")));
    }

    proptest! {
        /// Whenever rust_decimal's own result is exact (checked by i128
        /// arithmetic on small values), ours agrees; ours is never rounded.
        #[test]
        fn agrees_with_integer_arithmetic(a in -1_000_000_000_i64..1_000_000_000, sa in 0_u32..12,
                                          b in -1_000_000_000_i64..1_000_000_000, sb in 0_u32..12) {
            let (x, y) = (Decimal::new(a, sa), Decimal::new(b, sb));
            prop_assert_eq!(mul(x, y), Some(x * y));
            prop_assert_eq!(add(x, y), Some(x + y));
        }
    }
}
