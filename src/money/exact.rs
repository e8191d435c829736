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

/// Why text is not an exact decimal number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// Not a plain number: an optional sign, digits, and optionally a point
    /// followed by more digits (so not `.5`, `5.`, `1e3`, `1_000` or ` 5`).
    NotPlain,
    /// A comma outside the groups of three digits [`parse_grouped`] allows.
    Commas,
    /// A plain number with more digits than a decimal holds exactly: more
    /// than 28 decimal places, or a size beyond
    /// 79,228,162,514,264,337,593,543,950,335 (`Decimal::MAX`).
    TooManyDigits,
}

impl NumberError {
    /// Why `text` was refused, as an error message.
    pub(crate) fn describe(self, text: &str) -> String {
        format!("{text:?} is not an exact decimal number: {}", self.reason())
    }

    /// Why the text was refused, in words.
    pub(crate) const fn reason(self) -> &'static str {
        match self {
            NumberError::NotPlain => {
                "not a plain decimal number (digits with an optional sign, and digits on both \
                 sides of any decimal point, such as 12, -0.5 or 3.25; no exponent)"
            }
            NumberError::Commas => {
                "commas may only separate groups of three digits in the whole part"
            }
            NumberError::TooManyDigits => {
                "more digits than a decimal holds exactly (at most 28 decimal places, and \
                 no more than 79,228,162,514,264,337,593,543,950,335 in size)"
            }
        }
    }
}

/// Whether `text` is a plain number: an optional `-` or `+`, one or more
/// ASCII digits, and optionally a point followed by one or more digits.
/// The one grammar for every amount, share and rate this crate reads as
/// text.
pub(crate) fn is_plain(text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    match unsigned.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(unsigned),
    }
}

/// A plain number (see [`NumberError::NotPlain`]) read exactly: never
/// rounded, so one with more digits than a decimal holds is refused.
/// [`Decimal::from_str_exact`] alone would also take `.5`, `5.` and
/// `1_3` (as 13).
///
/// # Errors
///
/// [`NumberError::NotPlain`] or [`NumberError::TooManyDigits`].
pub(crate) fn parse(text: &str) -> Result<Decimal, NumberError> {
    if !is_plain(text) {
        return Err(NumberError::NotPlain);
    }
    // Plain digits fail only by not fitting: too many decimal places, or a
    // whole part beyond 96 bits.
    Decimal::from_str_exact(text).map_err(|_| NumberError::TooManyDigits)
}

/// An amount as people write it: a plain number (see [`parse`]) whose
/// whole part may have commas separating groups of three digits
/// (`3,500.25`), after a first group of one to three digits that does not
/// start with `0`; a comma anywhere else (`35,00`, `0,500`, a decimal
/// comma) is refused, never dropped. Money's `FromStr` and the INDIGO
/// reader both read amounts with this.
///
/// # Errors
///
/// [`NumberError::Commas`] for a misplaced comma; otherwise as for
/// [`parse`], with the commas removed.
pub(crate) fn parse_grouped(text: &str) -> Result<Decimal, NumberError> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if fraction.contains(',') {
        return Err(NumberError::Commas);
    }
    if whole.contains(',') {
        let group = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or_default();
        if first.is_empty() || first.len() > 3 || first.starts_with('0') || !group(first) {
            return Err(NumberError::Commas);
        }
        if !groups.all(|g| g.len() == 3 && group(g)) {
            return Err(NumberError::Commas);
        }
    }
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    parse(&plain)
}

/// `a × b` exactly, or `None`.
pub(crate) fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    mul_parts(a, b).or_else(|| mul_parts(a.normalize(), b.normalize()))
}

/// Serde for a [`Decimal`] written as a JSON string, read exactly by
/// [`parse`]: a plain number (digits on both sides of any point, no
/// exponent) that fits in a decimal without rounding (at most 28 decimal
/// places and 96 bits). `rust_decimal::serde::str` would round an
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
        super::parse(&text).map_err(|e| serde::de::Error::custom(e.describe(&text)))
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

    #[test]
    fn one_plain_number_grammar() {
        for (text, value) in [("5", "5"), ("-0.5", "-0.5"), ("+5.25", "5.25"), ("00.10", "0.10")] {
            assert_eq!(parse(text), Ok(d(value)), "{text}");
            assert_eq!(parse_grouped(text), Ok(d(value)), "{text}");
        }
        assert_eq!(parse_grouped("-1,234,567.89"), Ok(d("-1234567.89")));
        // Digits on both sides of any point; `from_str_exact` alone takes
        // the first three (and `1_3` as 13).
        for bad in [
            ".5", "5.", "-.5", "+.5", "-5.", ".", "", "-", "+", "1e3", "1_3", " 5", "5 ", "--5",
            "+-5", "1.2.3", "0x10",
        ] {
            assert_eq!(parse(bad), Err(NumberError::NotPlain), "{bad}");
            assert_eq!(parse_grouped(bad), Err(NumberError::NotPlain), "{bad}");
        }
        for bad in ["1,30", "0,500", ",500", "1300,", "1,300.000,5", "-,100", "1,a00"] {
            assert_eq!(parse_grouped(bad), Err(NumberError::Commas), "{bad}");
            assert_eq!(parse(bad), Err(NumberError::NotPlain), "{bad}");
        }
        // Plain digits that do not fit get their own reason.
        let long = "1.2345678901234567890123456789012";
        for bad in [long, "79228162514264337593543950336", "79,228,162,514,264,337,593,543,950,336"]
        {
            assert_eq!(parse_grouped(bad), Err(NumberError::TooManyDigits), "{bad}");
        }
        assert_eq!(parse(long), Err(NumberError::TooManyDigits));
        assert_eq!(parse("79228162514264337593543950335"), Ok(Decimal::MAX));
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
