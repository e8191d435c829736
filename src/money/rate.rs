use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::MoneyError;

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
    pub const ZERO: Rate = Rate(Decimal::ZERO);
    /// One hundred per cent.
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

    /// A rate from a percentage (`10` is ten per cent).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if the percentage is too large to divide exactly.
    ///
    /// ```
    /// use integration_outcomes::Rate;
    /// use rust_decimal::Decimal;
    /// let r = Rate::from_percent(Decimal::new(75, 1))?; // 7.5%
    /// assert_eq!(r.as_fraction().to_string(), "0.075");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_percent(percent: Decimal) -> Result<Rate, MoneyError> {
        // Dividing by 100 only moves the decimal point, so this is exact while
        // the scale stays within 28.
        let mut fraction = percent;
        let scale = fraction.scale().checked_add(2).filter(|s| *s <= 28);
        match scale {
            Some(scale) => {
                fraction
                    .set_scale(scale)
                    .map_err(|_| MoneyError::Overflow { operation: "percent to fraction" })?;
                Ok(Rate(fraction.normalize()))
            }
            None => Err(MoneyError::Overflow { operation: "percent to fraction" }),
        }
    }

    /// The rate as a fraction (`0.1` for ten per cent).
    #[must_use]
    pub const fn as_fraction(&self) -> Decimal {
        self.0
    }

    /// The rate as a percentage (`10` for ten per cent), exact.
    ///
    /// ```
    /// use integration_outcomes::Rate;
    /// let r: Rate = "0.0839".parse()?;
    /// assert_eq!(r.as_percent().to_string(), "8.39");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_percent(&self) -> Decimal {
        // Multiplying by 100 only moves the point; scale reduction is exact.
        let mut p = self.0;
        if p.scale() >= 2 {
            // set_scale cannot fail when lowering the scale.
            let _ = p.set_scale(p.scale() - 2);
            p.normalize()
        } else {
            (p * Decimal::ONE_HUNDRED).normalize()
        }
    }

    /// Whether the rate is below zero.
    #[must_use]
    pub fn is_negative(&self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }
}

impl fmt::Display for Rate {
    /// Writes the exact percentage, such as `8.387096%` or `10%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.as_percent())
    }
}

impl FromStr for Rate {
    type Err = MoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let input = s.trim();
        let invalid = |reason| MoneyError::InvalidRate { input: s.to_owned(), reason };
        if let Some(number) = input.strip_suffix('%') {
            let percent = Decimal::from_str_exact(number.trim())
                .map_err(|_| invalid("not a decimal number before '%'"))?;
            return Rate::from_percent(percent);
        }
        let fraction = Decimal::from_str_exact(input)
            .map_err(|_| invalid("not a decimal number or a percentage"))?;
        if fraction.abs() > Decimal::ONE {
            return Err(invalid(
                "a bare number above 1 is ambiguous; write it as a percentage such as \"10%\"",
            ));
        }
        Ok(Rate(fraction))
    }
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
        assert_eq!("-20%".parse::<Rate>().unwrap().as_percent().to_string(), "-20");
        assert_eq!("1".parse::<Rate>().unwrap(), Rate::ONE);
        assert_eq!("150%".parse::<Rate>().unwrap().as_fraction().to_string(), "1.5");
        for bad in ["10", "1.01", "ten%", "", "%", "1e3"] {
            assert!(matches!(bad.parse::<Rate>(), Err(MoneyError::InvalidRate { .. })), "{bad}");
        }
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
