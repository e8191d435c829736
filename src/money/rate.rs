use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::MoneyError;
use super::exact::NumberError;

/// A rate or percentage, held exactly as a fraction (`10%` is `0.10`).
///
/// Text is parsed without ambiguity: `"10%"` and `"7.5%"` are percentages,
/// `"0.10"` is a fraction, and a bare number outside `-1..=1` such as `"10"`
/// is rejected because it could mean either (write `"10%"` or `"1000%"`).
///
/// `Rate` compares numerically (`10%` equals `0.100`).
///
/// # Example
///
/// ```
/// use integration_outcomes::Rate;
///
/// let a: Rate = "7.5%".parse()?;
/// let b: Rate = "0.075".parse()?;
/// assert_eq!(a, b);
/// assert_eq!(a.to_string(), "7.5%");
/// assert!("10".parse::<Rate>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Rate(Decimal);

impl Rate {
    /// Zero.
    ///
    /// ```
    /// use integration_outcomes::Rate;
    /// assert_eq!(Rate::ZERO, "0%".parse::<Rate>()?);
    /// assert_eq!(Rate::ZERO, Rate::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ZERO: Rate = Rate(Decimal::ZERO);
    /// One hundred per cent.
    ///
    /// ```
    /// use integration_outcomes::{Money, Rate};
    /// assert_eq!(Rate::ONE, "100%".parse::<Rate>()?);
    /// let fee: Money = "GBP 250".parse()?;
    /// assert_eq!(fee.checked_mul_rate(Rate::ONE)?, fee);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ONE: Rate = Rate(Decimal::ONE);

    /// A rate from a fraction (`0.1` is ten per cent).
    ///
    /// ```
    /// use integration_outcomes::Rate;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Rate::from_fraction(Decimal::new(1, 1)).to_string(), "10%");
    /// ```
    #[must_use]
    pub const fn from_fraction(fraction: Decimal) -> Rate {
        Rate(fraction)
    }

    /// A rate from a percentage (`10` is ten per cent), exact.
    ///
    /// # Errors
    ///
    /// [`MoneyError::InvalidRate`] if the fraction would need more than 28
    /// decimal places (a percentage with more than 26 after trailing zeros
    /// are dropped), so that it could not be held exactly.
    ///
    /// ```
    /// use integration_outcomes::{MoneyError, Rate};
    /// use rust_decimal::Decimal;
    /// let r = Rate::from_percent(Decimal::new(75, 1))?; // 7.5%
    /// assert_eq!(r.as_fraction().to_string(), "0.075");
    /// // Trailing zeros do not count against the 28 places.
    /// let five = Rate::from_percent("5.000000000000000000000000000".parse()?)?;
    /// assert_eq!(five.to_string(), "5%");
    /// assert!(matches!(
    ///     Rate::from_percent(Decimal::new(1, 27)),
    ///     Err(MoneyError::InvalidRate { .. })
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_percent(percent: Decimal) -> Result<Rate, MoneyError> {
        fraction_of_percent(percent).map(Rate).ok_or_else(|| MoneyError::InvalidRate {
            input: format!("{percent}%"),
            reason: PERCENT_TOO_PRECISE,
        })
    }

    /// The rate as a fraction (`0.1` for ten per cent).
    ///
    /// ```
    /// use integration_outcomes::Rate;
    /// use rust_decimal::Decimal;
    /// let r: Rate = "10%".parse()?;
    /// assert_eq!(r.as_fraction(), Decimal::new(1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_fraction(&self) -> Decimal {
        self.0
    }

    /// The rate as a percentage (`10` for ten per cent), exact, or an error
    /// if the percentage is outside [`Decimal`]'s range.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if `fraction × 100` is larger in magnitude
    /// than `Decimal::MAX` (a fraction above about `7.9 × 10²⁶`).
    ///
    /// ```
    /// use integration_outcomes::{MoneyError, Rate};
    /// use rust_decimal::Decimal;
    /// let r: Rate = "0.0839".parse()?;
    /// assert_eq!(r.as_percent()?.to_string(), "8.39");
    /// let huge = Rate::from_fraction(Decimal::MAX);
    /// assert!(matches!(huge.as_percent(), Err(MoneyError::Overflow { .. })));
    /// assert_eq!(huge.to_string(), "7922816251426433759354395033500%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_percent(&self) -> Result<Decimal, MoneyError> {
        // Multiplying by 100 only moves the point; lowering the scale is
        // exact, and `exact::mul` refuses rather than rounds.
        let mut p = self.0.normalize();
        if p.scale() >= 2 {
            p.set_scale(p.scale() - 2)
                .map_err(|_| MoneyError::Overflow { operation: "fraction to percent" })?;
            Ok(p.normalize())
        } else {
            super::exact::mul(p, Decimal::ONE_HUNDRED)
                .map(|p| p.normalize())
                .ok_or(MoneyError::Overflow { operation: "fraction to percent" })
        }
    }

    /// Whether the rate is below zero.
    ///
    /// ```
    /// use integration_outcomes::Rate;
    /// assert!("-2.5%".parse::<Rate>()?.is_negative());
    /// assert!(!Rate::ZERO.is_negative());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_negative(&self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }
}

const PERCENT_TOO_PRECISE: &str =
    "as a fraction it needs more than 28 decimal places, more than a decimal holds";

/// `percent / 100`, exactly: dividing by 100 only moves the decimal point,
/// so after dropping trailing zeros this is a change of scale, possible
/// while the scale stays within 28.
fn fraction_of_percent(percent: Decimal) -> Option<Decimal> {
    let mut fraction = percent.normalize();
    let scale = fraction.scale().checked_add(2).filter(|s| *s <= 28)?;
    fraction.set_scale(scale).ok()?;
    Some(fraction.normalize())
}

impl fmt::Display for Rate {
    /// Writes the exact percentage, such as `8.387096%` or `10%`, for every
    /// rate: the fraction's digits with the point moved two places, so a
    /// percentage beyond [`Decimal`]'s range is still written in full.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", percent_text(self.0))
    }
}

/// `fraction × 100` written out exactly, by moving the decimal point of the
/// fraction's normalized digits two places to the right (no arithmetic, so
/// nothing can overflow).
fn percent_text(fraction: Decimal) -> String {
    let text = fraction.normalize().abs().to_string();
    let (int_part, frac_part) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut shifted: String = int_part.to_owned();
    let mut frac = frac_part.chars();
    for _ in 0..2 {
        shifted.push(frac.next().unwrap_or('0'));
    }
    let rest: String = frac.collect();
    let digits = shifted.trim_start_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let sign = if fraction.is_sign_negative() && !fraction.is_zero() { "-" } else { "" };
    if rest.is_empty() { format!("{sign}{digits}") } else { format!("{sign}{digits}.{rest}") }
}

impl FromStr for Rate {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let input = s.trim();
        let invalid = |reason| MoneyError::InvalidRate { input: s.to_owned(), reason };
        if let Some(number) = input.strip_suffix('%') {
            let number = number.trim();
            return match super::exact::parse(number) {
                Ok(percent) => fraction_of_percent(percent)
                    .map(Rate)
                    .ok_or_else(|| invalid(PERCENT_TOO_PRECISE)),
                // A percentage too long for a decimal may still be a fraction
                // that fits (`Display` writes such rates in full).
                Err(NumberError::TooManyDigits) => fraction_from_long_percent(number)
                    .map(Rate)
                    .ok_or_else(|| invalid(NumberError::TooManyDigits.reason())),
                Err(_) => Err(invalid("not a plain decimal number before '%'")),
            };
        }
        let fraction = super::exact::parse(input).map_err(|e| {
            invalid(match e {
                NumberError::TooManyDigits => e.reason(),
                _ => "not a plain decimal number or a percentage",
            })
        })?;
        if fraction.abs() > Decimal::ONE {
            return Err(invalid(
                "a bare number above 1 is ambiguous; write it as a percentage such as \"10%\"",
            ));
        }
        Ok(Rate(fraction))
    }
}

/// The fraction for a percentage written as a plain number (the grammar of
/// `exact::is_plain`: an optional sign, digits, and optionally a point and
/// more digits), found by moving the point two places to the left in the
/// text, so that percentages longer than a decimal holds (such as
/// `Display`'s output for a huge rate) are read exactly. `None` if the text
/// is not a plain number (so `.5` and `5.` are refused here as by
/// `exact::parse`), or if the fraction does not fit in a decimal exactly.
fn fraction_from_long_percent(number: &str) -> Option<Decimal> {
    if !super::exact::is_plain(number) {
        return None;
    }
    let (sign, unsigned) = match number.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", number.strip_prefix('+').unwrap_or(number)),
    };
    let (int_part, frac_part) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let padded = format!("00{int_part}");
    let (whole, moved) = padded.split_at_checked(padded.len() - 2)?;
    let whole = whole.trim_start_matches('0');
    let fraction_digits = format!("{moved}{frac_part}");
    let fraction_digits = fraction_digits.trim_end_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let text = if fraction_digits.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction_digits}")
    };
    super::exact::parse(&text).ok()
}

impl serde::Serialize for Rate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Rate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_is_unambiguous() {
        assert_eq!("10%".parse::<Rate>().unwrap(), "0.10".parse::<Rate>().unwrap());
        assert_eq!("7.5 %".parse::<Rate>().unwrap().as_fraction().to_string(), "0.075");
        assert_eq!("-20%".parse::<Rate>().unwrap().as_percent().unwrap().to_string(), "-20");
        assert_eq!("1".parse::<Rate>().unwrap(), Rate::ONE);
        assert_eq!("150%".parse::<Rate>().unwrap().as_fraction().to_string(), "1.5");
        for bad in [
            "10",
            "1.01",
            "ten%",
            "",
            "%",
            "1e3",
            "0._5",
            "1_0%",
            "1_000000000000000000000000000000%",
            ".5%",
            "5.%",
            "-.5%",
            "+.5%",
            "-5.%",
            ".5",
            "5.",
            "-.5",
            "0.%",
            // Too long for a decimal as written: refused all the same,
            // not read by moving the point.
            ".0000000000000000000000000000001%",
            "10000000000000000000000000000000.%",
        ] {
            assert!(matches!(bad.parse::<Rate>(), Err(MoneyError::InvalidRate { .. })), "{bad}");
        }
        assert_eq!(fraction_from_long_percent(".5"), None);
        assert_eq!(fraction_from_long_percent("5."), None);
        assert_eq!(fraction_from_long_percent("5.5"), Some(Decimal::new(55, 3)));
        let json = serde_json::from_str::<Rate>("\".5%\"").unwrap_err().to_string();
        assert!(json.contains("not a plain decimal number"), "{json}");
    }

    #[test]
    fn huge_fractions_display_and_serialize_without_panicking() {
        let max = Rate::from_fraction(Decimal::MAX);
        assert_eq!(max.to_string(), "7922816251426433759354395033500%");
        assert_eq!(
            Rate::from_fraction(Decimal::MIN).to_string(),
            "-7922816251426433759354395033500%"
        );
        assert_eq!(serde_json::to_string(&max).unwrap(), "\"7922816251426433759354395033500%\"");
        assert!(matches!(max.as_percent(), Err(MoneyError::Overflow { .. })));
        // What Display writes, parsing reads back exactly.
        for fraction in [Decimal::MAX, Decimal::MIN, Decimal::new(i64::MAX, 1)] {
            let rate = Rate::from_fraction(fraction);
            assert_eq!(rate.to_string().parse::<Rate>().unwrap(), rate);
            let json = serde_json::to_string(&rate).unwrap();
            assert_eq!(serde_json::from_str::<Rate>(&json).unwrap(), rate);
        }
        assert!(matches!(
            "79228162514264337593543950336000%".parse::<Rate>(),
            Err(MoneyError::InvalidRate { .. })
        ));
        assert!(matches!(
            "7922816251426433759354395033500.5%".parse::<Rate>(),
            Err(MoneyError::InvalidRate { .. })
        ));
        assert!(matches!(
            "1_000000000000000000000000000000%".parse::<Rate>(),
            Err(MoneyError::InvalidRate { .. })
        ));
        // A scale-1 fraction just past the range.
        let tenth = Rate::from_fraction(Decimal::from_i128_with_scale(Decimal::MAX.mantissa(), 1));
        assert_eq!(tenth.to_string(), "792281625142643375935439503350%");
        assert!(tenth.as_percent().is_err());
        // The largest fraction whose percentage fits, and tiny ones.
        let fits = Rate::from_fraction(Decimal::MAX / Decimal::ONE_HUNDRED);
        assert_eq!(fits.as_percent().unwrap().to_string() + "%", fits.to_string());
        let tiny = Rate::from_fraction(Decimal::new(1, 28));
        assert_eq!(tiny.to_string(), "0.00000000000000000000000001%");
        assert_eq!(tiny.as_percent().unwrap(), Decimal::new(1, 26));
        assert_eq!(Rate::from_fraction(Decimal::new(-0, 3)).to_string(), "0%");
    }

    proptest::proptest! {
        /// Display moves the point in text; wherever the percentage fits in a
        /// decimal it agrees with the arithmetic (the historical output).
        #[test]
        fn display_agrees_with_arithmetic(mantissa in proptest::num::i128::ANY, scale in 0_u32..=28) {
            let mantissa = mantissa % 79_228_162_514_264_337_593_543_950_336;
            let fraction = Decimal::from_i128_with_scale(mantissa, scale);
            let rate = Rate::from_fraction(fraction);
            let text = rate.to_string();
            proptest::prop_assert_eq!(text.parse::<Rate>().unwrap(), rate);
            // Multiplying by 100 never needs more digits, so rust_decimal's
            // product is exact whenever it is in range.
            match fraction.checked_mul(Decimal::ONE_HUNDRED) {
                Some(p) => {
                    let percent = rate.as_percent().unwrap();
                    proptest::prop_assert_eq!(&text, &format!("{}%", p.normalize()));
                    proptest::prop_assert_eq!(percent, p.normalize());
                }
                None => {
                    proptest::prop_assert!(rate.as_percent().is_err());
                    proptest::prop_assert!(text.ends_with("0%"), "{}", text);
                }
            }
        }
    }

    #[test]
    fn percent_precision_is_checked_after_dropping_trailing_zeros() {
        let five: Rate = "5.000000000000000000000000000%".parse().unwrap();
        assert_eq!(five, "5%".parse::<Rate>().unwrap());
        assert_eq!(five.as_fraction().to_string(), "0.05");
        let from_decimal = Rate::from_percent("5.000000000000000000000000000".parse().unwrap());
        assert_eq!(from_decimal.unwrap(), five);
        // 27 significant decimal places cannot become 29 as a fraction.
        let too_fine = "0.000000000000000000000000001%";
        assert!(matches!(
            too_fine.parse::<Rate>(),
            Err(MoneyError::InvalidRate { ref input, .. }) if input == too_fine
        ));
        assert!(matches!(
            Rate::from_percent(Decimal::new(1, 27)),
            Err(MoneyError::InvalidRate { ref input, .. }) if input == "0.000000000000000000000000001%"
        ));
        // 26 places are fine: the fraction has 28.
        let finest: Rate = "0.00000000000000000000000001%".parse().unwrap();
        assert_eq!(finest.as_fraction(), Decimal::new(1, 28));
    }

    #[test]
    fn display_and_serde_round_trip() {
        let r: Rate = "13%".parse().unwrap();
        assert_eq!(r.to_string(), "13%");
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, "\"13%\"");
        assert_eq!(serde_json::from_str::<Rate>(&json).unwrap(), r);
        assert!(serde_json::from_str::<Rate>("\"13\"").is_err());
    }
}
