use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Currency, MoneyError, Rate, RoundingPolicy};

/// An exact amount of money in a currency.
///
/// The amount is a [`Decimal`] and may carry more decimal places than the
/// currency's minor unit (an exact share of a price, say) until a
/// [`RoundingPolicy`] rounds it. Arithmetic is by checked methods that fail on
/// a currency mismatch or overflow; there are no panicking operators.
///
/// Equality is numeric within a currency: `GBP 1.0 == GBP 1.00`.
///
/// # Example
///
/// ```
/// use integration_outcomes::{Currency, Money};
///
/// let price: Money = "GBP 1300".parse()?;
/// let three = price.checked_mul_count(3)?;
/// assert_eq!(three.to_string(), "GBP 3,900.00");
/// assert_eq!(three, Money::from_minor(390_000, Currency::GBP));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    amount: Decimal,
    currency: Currency,
}

fn overflow(operation: &'static str) -> MoneyError {
    MoneyError::Overflow { operation }
}

impl Money {
    /// An exact amount in `currency`.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// use rust_decimal::Decimal;
    /// let m = Money::new(Decimal::new(8_200, 0), Currency::GBP);
    /// assert_eq!(m.to_string(), "GBP 8,200.00");
    /// ```
    #[must_use]
    pub const fn new(amount: Decimal, currency: Currency) -> Money {
        Money { amount, currency }
    }

    /// Zero in `currency`.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// assert!(Money::zero(Currency::EUR).is_zero());
    /// ```
    #[must_use]
    pub const fn zero(currency: Currency) -> Money {
        Money { amount: Decimal::ZERO, currency }
    }

    /// An amount from a whole number of minor units (pence for GBP).
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// assert_eq!(Money::from_minor(1_050, Currency::GBP).to_string(), "GBP 10.50");
    /// ```
    #[must_use]
    pub fn from_minor(minor: i64, currency: Currency) -> Money {
        Money { amount: Decimal::new(minor, u32::from(currency.minor_units())), currency }
    }

    /// An amount from whole major units (pounds for GBP).
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// assert_eq!(Money::from_major(250_000, Currency::EUR).to_string(), "EUR 250,000.00");
    /// ```
    #[must_use]
    pub fn from_major(major: i64, currency: Currency) -> Money {
        Money { amount: Decimal::from(major), currency }
    }

    /// The exact amount.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// use rust_decimal::Decimal;
    /// assert_eq!(Money::from_minor(1_050, Currency::GBP).amount(), Decimal::new(1_050, 2));
    /// ```
    #[must_use]
    pub const fn amount(&self) -> Decimal {
        self.amount
    }

    /// The currency.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// let m: Money = "EUR 12.50".parse()?;
    /// assert_eq!(m.currency(), Currency::EUR);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn currency(&self) -> Currency {
        self.currency
    }

    /// Whether the amount is zero.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// assert!(Money::from_minor(0, Currency::GBP).is_zero());
    /// assert!(!Money::from_minor(1, Currency::GBP).is_zero());
    /// ```
    #[must_use]
    pub fn is_zero(&self) -> bool {
        self.amount.is_zero()
    }

    /// Whether the amount is below zero.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// assert!(Money::from_minor(-1, Currency::GBP).is_negative());
    /// assert!(!Money::zero(Currency::GBP).is_negative());
    /// ```
    #[must_use]
    pub fn is_negative(&self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    fn same_currency(&self, other: &Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch { expected: self.currency, found: other.currency })
        }
    }

    /// `self + other`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] if the currencies differ;
    /// [`MoneyError::Overflow`] if the exact sum is out of range or needs more
    /// than 28 significant digits (it is never rounded).
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// let a = Money::from_major(2, Currency::GBP);
    /// assert_eq!(a.checked_add(a)?, Money::from_major(4, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        let amount = super::exact::add(self.amount, other.amount).ok_or_else(|| overflow("add"))?;
        Ok(Money { amount, currency: self.currency })
    }

    /// `self - other`.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] if the currencies differ;
    /// [`MoneyError::Overflow`] if the difference is out of range.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// let a = Money::from_major(2, Currency::GBP);
    /// assert!(a.checked_sub(Money::from_major(3, Currency::GBP))?.is_negative());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        let amount =
            super::exact::sub(self.amount, other.amount).ok_or_else(|| overflow("subtract"))?;
        Ok(Money { amount, currency: self.currency })
    }

    /// `self × factor`, exact.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if the exact product is out of range or needs
    /// more than 28 significant digits (a decimal would otherwise round it
    /// silently).
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// use rust_decimal::Decimal;
    /// let m = Money::from_major(155, Currency::GBP).checked_mul(Decimal::new(5, 1))?;
    /// assert_eq!(m.amount().to_string(), "77.5");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_mul(self, factor: Decimal) -> Result<Money, MoneyError> {
        let amount = super::exact::mul(self.amount, factor).ok_or_else(|| overflow("multiply"))?;
        Ok(Money { amount, currency: self.currency })
    }

    /// `self × count`, for a number of outcomes or units.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] if the product is out of range.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// let price = Money::from_major(1_300, Currency::GBP);
    /// assert_eq!(price.checked_mul_count(12)?, Money::from_major(15_600, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_mul_count(self, count: u64) -> Result<Money, MoneyError> {
        self.checked_mul(Decimal::from(count))
    }

    /// `self × rate`, exact (a 20% top-up of a payment, say).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] as for [`checked_mul`](Self::checked_mul).
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money, Rate};
    /// let share = Money::from_major(1_000, Currency::GBP).checked_mul_rate("20%".parse()?)?;
    /// assert_eq!(share, Money::from_major(200, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_mul_rate(self, rate: Rate) -> Result<Money, MoneyError> {
        self.checked_mul(rate.as_fraction())
    }

    /// The smaller of two amounts in the same currency.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] if the currencies differ.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// let cap = Money::from_major(500, Currency::GBP);
    /// assert_eq!(Money::from_major(620, Currency::GBP).min(cap)?, cap);
    /// assert!(cap.min(Money::from_major(5, Currency::EUR)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn min(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        Ok(if other.amount < self.amount { other } else { self })
    }

    /// Compares two amounts in the same currency.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] if the currencies differ.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// use std::cmp::Ordering;
    /// let a = Money::from_major(1, Currency::GBP);
    /// assert_eq!(a.compare(Money::from_minor(100, Currency::GBP))?, Ordering::Equal);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compare(&self, other: Money) -> Result<std::cmp::Ordering, MoneyError> {
        self.same_currency(&other)?;
        Ok(self.amount.cmp(&other.amount))
    }

    /// Sums amounts that must all be in `currency`; an empty sum is zero.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] for the first amount in another
    /// currency; [`MoneyError::Overflow`] if the sum is out of range.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// let parts = [Money::from_minor(1, Currency::GBP), Money::from_minor(2, Currency::GBP)];
    /// assert_eq!(Money::sum(Currency::GBP, parts)?, Money::from_minor(3, Currency::GBP));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sum<I: IntoIterator<Item = Money>>(
        currency: Currency,
        amounts: I,
    ) -> Result<Money, MoneyError> {
        amounts.into_iter().try_fold(Money::zero(currency), Money::checked_add)
    }

    /// Rounds with the policy's places and strategy.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money, RoundingPolicy, RoundingStage, RoundingStrategy};
    /// use rust_decimal::Decimal;
    /// let p = RoundingPolicy::for_currency(Currency::GBP, RoundingStrategy::MidpointAwayFromZero, RoundingStage::PerLine);
    /// let m = Money::new("10.005".parse::<Decimal>()?, Currency::GBP).round(&p);
    /// assert_eq!(m.to_string(), "GBP 10.01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn round(self, policy: &RoundingPolicy) -> Money {
        Money { amount: policy.round(self.amount), currency: self.currency }
    }

    /// The amount as a whole number of minor units, exactly.
    ///
    /// # Errors
    ///
    /// [`MoneyError::NotWholeMinorUnits`] if the amount has a fraction of a
    /// minor unit (nothing is rounded silently); [`MoneyError::Overflow`] if it
    /// does not fit in an `i64`.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// assert_eq!(Money::from_major(13, Currency::GBP).to_minor_units()?, 1_300);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_minor_units(&self) -> Result<i64, MoneyError> {
        let units = self.minor_units_i128()?;
        i64::try_from(units).map_err(|_| overflow("convert to minor units"))
    }

    pub(crate) fn minor_units_i128(&self) -> Result<i128, MoneyError> {
        self.units_at(u32::from(self.currency.minor_units()))
    }

    /// The amount as a whole number of units of `minor` decimal places.
    pub(crate) fn units_at(&self, minor: u32) -> Result<i128, MoneyError> {
        let normalized = self.amount.normalize();
        if normalized.scale() > minor {
            return Err(MoneyError::NotWholeMinorUnits {
                amount: self.amount,
                currency: self.currency,
                minor_units: self.currency.minor_units(),
            });
        }
        let mut rescaled = normalized;
        rescaled.rescale(minor);
        if rescaled.scale() != minor {
            return Err(overflow("convert to minor units"));
        }
        Ok(rescaled.mantissa())
    }

    /// Splits the amount exactly between shares in proportion to `weights`,
    /// by largest remainder in whole minor units. The parts always sum to
    /// the whole; leftover minor units go to the largest remainders, ties to
    /// the earlier share.
    ///
    /// # Errors
    ///
    /// [`MoneyError::NotWholeMinorUnits`] if the amount is not a whole number
    /// of minor units (round it first); [`MoneyError::InvalidWeights`] if
    /// there are no weights, a weight is negative, all are zero, or they
    /// span too many digits to be whole numbers at the decimal places of the
    /// most precise one; [`MoneyError::Overflow`] if the exact products of
    /// the amount and the weights are out of range.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// use rust_decimal::Decimal;
    /// let parts = Money::from_minor(100, Currency::GBP).allocate(&[Decimal::ONE; 3])?;
    /// let pence: Vec<i64> = parts.iter().map(|m| m.to_minor_units()).collect::<Result<_, _>>()?;
    /// assert_eq!(pence, [34, 33, 33]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allocate(&self, weights: &[Decimal]) -> Result<Vec<Money>, MoneyError> {
        let total = self.minor_units_i128()?;
        let units = super::allocation::largest_remainder(total, weights)?;
        Money::from_units(units, u32::from(self.currency.minor_units()), self.currency)
    }

    /// Amounts of whole units of `scale` decimal places.
    pub(crate) fn from_units(
        units: Vec<i128>,
        scale: u32,
        currency: Currency,
    ) -> Result<Vec<Money>, MoneyError> {
        units
            .into_iter()
            .map(|u| {
                Decimal::try_from_i128_with_scale(u, scale)
                    .map(|amount| Money { amount, currency })
                    .map_err(|_| overflow("allocate"))
            })
            .collect()
    }
}

impl fmt::Display for Money {
    /// `GBP 1,300.00`: the code, then the amount with thousands separators and
    /// at least the currency's minor units (more if the amount is exact to
    /// more places).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut amount = self.amount.normalize();
        let minor = u32::from(self.currency.minor_units());
        if amount.scale() < minor {
            amount.rescale(minor);
        }
        let text = amount.abs().to_string();
        let (int_part, frac_part) = match text.split_once('.') {
            Some((i, fr)) => (i, Some(fr)),
            None => (text.as_str(), None),
        };
        let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
        for (i, ch) in int_part.chars().enumerate() {
            if i > 0 && (int_part.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let sign = if self.is_negative() { "-" } else { "" };
        match frac_part {
            Some(fr) => write!(f, "{} {sign}{grouped}.{fr}", self.currency),
            None => write!(f, "{} {sign}{grouped}", self.currency),
        }
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    /// Parses `"GBP 1300"`, `"GBP 1,300.00"` or `"EUR -2.5"`: a known ISO
    /// code (or a declared currency as `Display` writes it, `"XTS(2)"`),
    /// whitespace, then a decimal amount: digits on both sides of a
    /// point, if there is one (`"GBP 0.5"`, not `"GBP .5"` or `"GBP 5."`).
    /// Commas are allowed only as thousands separators, between groups of
    /// three digits in the whole part (`"1,300.5"`, not `"1,30.5"`,
    /// `"0,500"` or `"1300.000,5"`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = |reason| MoneyError::InvalidAmount { input: s.to_owned(), reason };
        let (code, number) = s
            .trim()
            .split_once(char::is_whitespace)
            .ok_or_else(|| invalid("expected \"CODE amount\""))?;
        let currency = code.parse::<Currency>()?;
        let amount = super::exact::parse_grouped(number.trim()).map_err(|e| invalid(e.reason()))?;
        Ok(Money { amount, currency })
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MoneyRepr {
    #[serde(with = "crate::money::exact::decimal_str")]
    amount: Decimal,
    currency: Currency,
}

impl serde::Serialize for Money {
    /// `{"amount": "1300.00", "currency": "GBP"}`; the amount is a string so
    /// that no JSON reader turns it into a float.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut amount = self.amount.normalize();
        let minor = u32::from(self.currency.minor_units());
        if amount.scale() < minor {
            amount.rescale(minor);
        }
        MoneyRepr { amount, currency: self.currency }.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Money {
    /// Reads `{"amount": "1300.00", "currency": "GBP"}`. The amount must be a
    /// string of plain decimal digits, with digits on both sides of any
    /// point, that a decimal holds exactly: an exponent (`"1e3"`), `".5"` or
    /// `"5."`, a JSON number, or more digits than fit are errors, never
    /// rounded.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr = MoneyRepr::deserialize(deserializer)?;
        Ok(Money { amount: repr.amount, currency: repr.currency })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Text written by `Display` parses back to the same money, for every
        /// currency the crate can hold (from its table or declared) and any
        /// amount. (A declared currency used to print as its bare code, which
        /// did not parse, or parsed as another currency.)
        #[test]
        fn display_and_from_str_round_trip(
            mantissa in proptest::num::i128::ANY,
            scale in 0_u32..=28,
            code in "[A-Z]{3}",
            minor_units in 0_u8..=4,
            standard in proptest::bool::ANY,
        ) {
            let currency = if standard {
                Currency::from_code(&code).unwrap_or(Currency::GBP)
            } else {
                Currency::new(&code, minor_units).unwrap()
            };
            let amount = Decimal::try_from_i128_with_scale(mantissa % (1_i128 << 96), scale).unwrap();
            let money = Money::new(amount, currency);
            let text = money.to_string();
            let back: Money = text.parse().unwrap();
            proptest::prop_assert_eq!(back, money, "{}", text);
            proptest::prop_assert_eq!(back.currency(), currency);
            proptest::prop_assert_eq!(currency.to_string().parse::<Currency>().unwrap(), currency);
        }
    }

    #[test]
    fn declared_currencies_print_their_minor_units() {
        let xts = Currency::new("XTS", 2).unwrap();
        assert_eq!(Money::from_minor(150, xts).to_string(), "XTS(2) 1.50");
        let jpy2 = Currency::new("JPY", 2).unwrap();
        assert_eq!(Money::from_minor(150, jpy2).to_string(), "JPY(2) 1.50");
        assert_eq!("JPY(2) 1.50".parse::<Money>().unwrap(), Money::from_minor(150, jpy2));
        assert_eq!("JPY 150".parse::<Money>().unwrap().currency().minor_units(), 0);
        assert!("XTS(9) 1".parse::<Money>().is_err());
        assert!("XTS(x) 1".parse::<Money>().is_err());
    }

    #[test]
    fn display_groups_and_pads() {
        assert_eq!(Money::from_minor(-123_456_789, Currency::GBP).to_string(), "GBP -1,234,567.89");
        assert_eq!(Money::from_major(0, Currency::from_code("JPY").unwrap()).to_string(), "JPY 0");
        let exact = Money::new("0.125".parse().unwrap(), Currency::GBP);
        assert_eq!(exact.to_string(), "GBP 0.125");
    }

    #[test]
    fn parse_and_serde() {
        let m: Money = "GBP 1,300.50".parse().unwrap();
        assert_eq!(m, Money::from_minor(130_050, Currency::GBP));
        assert!("1300".parse::<Money>().is_err());
        assert!("GBP 13x".parse::<Money>().is_err());
        let json = serde_json::to_string(&Money::from_major(5, Currency::EUR)).unwrap();
        assert_eq!(json, r#"{"amount":"5.00","currency":"EUR"}"#);
        assert_eq!(
            serde_json::from_str::<Money>(&json).unwrap(),
            Money::from_major(5, Currency::EUR)
        );
        assert!(serde_json::from_str::<Money>(r#"{"amount":5.1,"currency":"EUR"}"#).is_err());
    }

    #[test]
    fn commas_only_separate_thousands() {
        let gbp = |minor| Money::from_minor(minor, Currency::GBP);
        for (text, minor) in [
            ("GBP 1,300.50", 130_050),
            ("GBP -1,234,567.89", -123_456_789),
            ("GBP +1,000", 100_000),
            ("GBP 999,999", 99_999_900),
            ("GBP 1300", 130_000),
            ("GBP 12,345,678", 1_234_567_800),
        ] {
            assert_eq!(text.parse::<Money>().unwrap(), gbp(minor), "{text}");
        }
        for bad in [
            "GBP 1,30.5",
            "GBP 0,500",
            "GBP .5",
            "GBP 5.",
            "GBP -.5",
            "GBP +.5",
            "GBP -5.",
            "GBP 1,300.",
            "GBP 1,3000",
            "GBP 1,,300",
            "GBP ,300",
            "GBP 1300,",
            "GBP 1,300.000,5",
            "GBP 1.5,00",
            "GBP 1234,567",
            "GBP -,100",
            "GBP 1,a00",
            "GBP 1_300",
            "GBP 1_3.0_0",
            "GBP 1,3_0",
        ] {
            assert!(matches!(bad.parse::<Money>(), Err(MoneyError::InvalidAmount { .. })), "{bad}");
        }
        // Whatever Display writes, FromStr reads back.
        for minor in [0, 5, -5, 99_999, 100_000, -123_456_789_012, i64::MAX, i64::MIN] {
            let m = gbp(minor);
            assert_eq!(m.to_string().parse::<Money>().unwrap(), m);
        }
    }

    #[test]
    fn json_amounts_are_read_exactly_or_rejected() {
        let json = |amount: &str| format!(r#"{{"amount":"{amount}","currency":"GBP"}}"#);
        // 29 significant digits would be rounded to 28; "1e3" is not how
        // amounts are written. Both are rejected, as by `FromStr`.
        for bad in ["1.2345678901234567890123456789012", "1e3", "1E3"] {
            assert!(serde_json::from_str::<Money>(&json(bad)).is_err(), "{bad}");
            assert!(format!("GBP {bad}").parse::<Money>().is_err(), "{bad}");
        }
        for bad in [" 5", "", "0x10", "1,300", "1_300", "0._5", ".5", "5.", "-.5", "+.5", "-5."] {
            assert!(serde_json::from_str::<Money>(&json(bad)).is_err(), "{bad}");
        }
        let err = serde_json::from_str::<Money>(&json("5.")).unwrap_err().to_string();
        assert!(err.contains("digits on both sides of any decimal point"), "{err}");
        // Text and JSON refuse digits that do not fit for the same reason.
        let long = "1.2345678901234567890123456789012";
        let err = serde_json::from_str::<Money>(&json(long)).unwrap_err().to_string();
        assert!(err.contains("more digits than a decimal holds exactly"), "{err}");
        assert!(matches!(
            format!("GBP {long}").parse::<Money>(),
            Err(MoneyError::InvalidAmount { reason, .. }) if reason.contains("more digits than a decimal holds")
        ));
        let exact = "0.1234567890123456789012345678";
        let m = serde_json::from_str::<Money>(&json(exact)).unwrap();
        assert_eq!(m.amount().to_string(), exact);
        assert_eq!(
            serde_json::from_str::<Money>(&json("-1300.50")).unwrap(),
            Money::from_minor(-130_050, Currency::GBP)
        );
        let err = serde_json::from_str::<Money>(&json("1e3")).unwrap_err().to_string();
        assert!(err.contains("\"1e3\""), "{err}");
    }

    #[test]
    fn mismatch_and_overflow_are_errors() {
        let big = Money::new(Decimal::MAX, Currency::GBP);
        assert!(matches!(big.checked_add(big), Err(MoneyError::Overflow { .. })));
        assert!(matches!(
            big.checked_add(Money::zero(Currency::EUR)),
            Err(MoneyError::CurrencyMismatch { .. })
        ));
        assert!(matches!(
            Money::new("0.001".parse().unwrap(), Currency::GBP).to_minor_units(),
            Err(MoneyError::NotWholeMinorUnits { .. })
        ));
    }

    #[test]
    fn allocation_is_exact_including_negative() {
        let parts = Money::from_minor(-100, Currency::GBP).allocate(&[Decimal::ONE; 3]).unwrap();
        let sum = Money::sum(Currency::GBP, parts.iter().copied()).unwrap();
        assert_eq!(sum, Money::from_minor(-100, Currency::GBP));
        let lcf = Money::from_minor(100_001, Currency::GBP)
            .allocate(&["0.8".parse().unwrap(), "0.2".parse().unwrap()])
            .unwrap();
        assert_eq!(lcf[0].to_minor_units().unwrap() + lcf[1].to_minor_units().unwrap(), 100_001);
        assert_eq!(lcf[0].to_minor_units().unwrap(), 80_001);
    }
}
