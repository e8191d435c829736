use std::fmt;
use std::str::FromStr;

use super::MoneyError;

/// An ISO 4217 currency: its three-letter code and the number of minor units
/// (decimal places) it is settled in.
///
/// Known codes come from a built-in table ([`Currency::from_code`]); other
/// currencies, or an unusual number of minor units, can be declared with
/// [`Currency::new`]. Two currencies are equal only when both the code and the
/// minor units match.
///
/// # Example
///
/// ```
/// use integration_outcomes::Currency;
///
/// let gbp: Currency = "GBP".parse()?;
/// assert_eq!(gbp, Currency::GBP);
/// assert_eq!(gbp.minor_units(), 2);
/// assert_eq!(Currency::from_code("JPY")?.minor_units(), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    code: [u8; 3],
    minor_units: u8,
}

/// ISO 4217 codes whose minor unit is not 2.
const NON_TWO_MINOR_UNITS: &[(&str, u8)] = &[
    ("BHD", 3),
    ("BIF", 0),
    ("CLF", 4),
    ("CLP", 0),
    ("DJF", 0),
    ("GNF", 0),
    ("IQD", 3),
    ("ISK", 0),
    ("JOD", 3),
    ("JPY", 0),
    ("KMF", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("LYD", 3),
    ("OMR", 3),
    ("PYG", 0),
    ("RWF", 0),
    ("TND", 3),
    ("UGX", 0),
    ("UYI", 0),
    ("UYW", 4),
    ("VND", 0),
    ("VUV", 0),
    ("XAF", 0),
    ("XOF", 0),
    ("XPF", 0),
];

/// Active ISO 4217 codes with two minor units.
const TWO_MINOR_UNITS: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF",
    "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR",
    "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF",
    "IDR", "ILS", "INR", "IRR", "JMD", "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LAK", "LBP",
    "LKR", "LRD", "LSL", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "PAB", "PEN", "PGK",
    "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD",
    "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TOP",
    "TRY", "TTD", "TWD", "TZS", "UAH", "USD", "UYU", "UZS", "VES", "WST", "XCD", "YER", "ZAR",
    "ZMW", "ZWG",
];

impl Currency {
    /// Pound sterling, 2 minor units.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// assert_eq!(Currency::GBP, Currency::from_code("GBP")?);
    /// assert_eq!(Money::from_minor(1_050, Currency::GBP).to_string(), "GBP 10.50");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const GBP: Currency = Currency { code: *b"GBP", minor_units: 2 };
    /// Euro, 2 minor units.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// assert_eq!(Currency::EUR, Currency::from_code("EUR")?);
    /// assert_eq!(Money::from_major(40, Currency::EUR).to_string(), "EUR 40.00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const EUR: Currency = Currency { code: *b"EUR", minor_units: 2 };
    /// United States dollar, 2 minor units.
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// assert_eq!(Currency::USD, Currency::from_code("USD")?);
    /// let price: Money = "USD 12.5".parse()?;
    /// assert_eq!(price.currency(), Currency::USD);
    /// assert_eq!(price.to_minor_units()?, 1_250);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const USD: Currency = Currency { code: *b"USD", minor_units: 2 };

    /// Declares a currency by code and minor units, for codes the built-in
    /// table does not know or for a contract that settles in a different
    /// precision.
    ///
    /// # Errors
    ///
    /// [`MoneyError::InvalidCurrency`] if `code` is not three upper-case ASCII
    /// letters; [`MoneyError::MinorUnitsOutOfRange`] if `minor_units > 4`.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::Currency;
    ///
    /// let mills = Currency::new("USD", 3)?;
    /// assert_ne!(mills, Currency::USD);
    /// assert!(Currency::new("usd", 2).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(code: &str, minor_units: u8) -> Result<Currency, MoneyError> {
        let bytes = code.as_bytes();
        let [a, b, c] = bytes else {
            return Err(MoneyError::InvalidCurrency {
                code: code.to_owned(),
                reason: "a currency code has exactly three letters",
            });
        };
        if !bytes.iter().all(u8::is_ascii_uppercase) {
            return Err(MoneyError::InvalidCurrency {
                code: code.to_owned(),
                reason: "a currency code is upper-case ASCII letters",
            });
        }
        if minor_units > 4 {
            return Err(MoneyError::MinorUnitsOutOfRange { minor_units });
        }
        Ok(Currency { code: [*a, *b, *c], minor_units })
    }

    /// Looks up an ISO 4217 code in the built-in table of active currencies.
    ///
    /// # Errors
    ///
    /// [`MoneyError::InvalidCurrency`] if the code is malformed or not in the
    /// table (use [`Currency::new`] to declare it).
    ///
    /// ```
    /// use integration_outcomes::Currency;
    /// assert_eq!(Currency::from_code("GBP")?, Currency::GBP);
    /// assert_eq!(Currency::from_code("JPY")?.minor_units(), 0);
    /// assert!(Currency::from_code("XYZ").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_code(code: &str) -> Result<Currency, MoneyError> {
        if let Some((_, units)) = NON_TWO_MINOR_UNITS.iter().find(|(c, _)| *c == code) {
            return Currency::new(code, *units);
        }
        if TWO_MINOR_UNITS.contains(&code) {
            return Currency::new(code, 2);
        }
        // Report a malformed code as such before reporting it as unknown.
        Currency::new(code, 2)?;
        Err(MoneyError::InvalidCurrency {
            code: code.to_owned(),
            reason: "not an active ISO 4217 code known to this crate; declare it with Currency::new",
        })
    }

    /// The three-letter ISO 4217 code.
    ///
    /// ```
    /// assert_eq!(integration_outcomes::Currency::EUR.code(), "EUR");
    /// ```
    #[must_use]
    pub fn code(&self) -> &str {
        // The constructor only admits ASCII upper-case letters.
        std::str::from_utf8(&self.code).unwrap_or("???")
    }

    /// The number of decimal places the currency is settled in.
    ///
    /// ```
    /// assert_eq!(integration_outcomes::Currency::GBP.minor_units(), 2);
    /// ```
    #[must_use]
    pub const fn minor_units(&self) -> u8 {
        self.minor_units
    }

    /// Whether this is the built-in table's entry for its code (so that it
    /// serialises as the bare code).
    fn is_standard(&self) -> bool {
        Currency::from_code(self.code()).is_ok_and(|c| c == *self)
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The code for a currency of the built-in table (`GBP`); the code and its
/// minor units for a declared one (`XTS(2)`, `JPY(2)`), so that the text
/// parses back to the same currency.
impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_standard() {
            f.write_str(self.code())
        } else {
            write!(f, "{}({})", self.code(), self.minor_units)
        }
    }
}

impl FromStr for Currency {
    type Err = MoneyError;

    /// Parses a code from the built-in table, such as `"GBP"`, or a
    /// declared currency written as its `Display` writes it, `"XTS(2)"`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        match s.strip_suffix(')').and_then(|rest| rest.split_once('(')) {
            Some((code, units)) => {
                let minor_units = units.parse::<u8>().map_err(|_| MoneyError::InvalidCurrency {
                    code: s.to_owned(),
                    reason: "a declared currency is written CODE(minor units), such as XTS(2)",
                })?;
                Currency::new(code, minor_units)
            }
            None => Currency::from_code(s),
        }
    }
}

/// The wire form of a declared currency (a standard one is its bare code).
#[derive(serde::Serialize)]
struct DeclaredRepr<'a> {
    code: &'a str,
    minor_units: u8,
}

/// A bare code for standard currencies, or
/// `{"code": "USD", "minor_units": 3}` for a declared one.
impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_standard() {
            serializer.serialize_str(self.code())
        } else {
            DeclaredRepr { code: self.code(), minor_units: self.minor_units }.serialize(serializer)
        }
    }
}

/// Reads either wire form, and says what is accepted when neither fits
/// (serde's untagged enums only say that no variant matched).
impl<'de> serde::Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;

        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Declared {
            code: String,
            minor_units: u8,
        }

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Currency;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "a currency: an ISO 4217 code such as \"GBP\", or a declared one \
                     such as {\"code\": \"XTS\", \"minor_units\": 2}",
                )
            }

            fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<Currency, E> {
                Currency::from_code(code).map_err(E::custom)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Currency, A::Error> {
                let d = <Declared as serde::Deserialize>::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Currency::new(&d.code, d.minor_units).map_err(serde::de::Error::custom)
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A currency that is neither form says what is accepted.
    #[test]
    fn a_wrong_currency_says_what_is_accepted() {
        let err = serde_json::from_str::<Currency>("12").unwrap_err().to_string();
        assert!(err.contains("expected a currency: an ISO 4217 code such as \"GBP\""), "{err}");
        let err = serde_json::from_str::<Currency>(r#"{"code":"XTS"}"#).unwrap_err().to_string();
        assert!(err.contains("minor_units"), "{err}");
        assert_eq!(serde_json::from_str::<Currency>(r#""GBP""#).unwrap(), Currency::GBP);
        let xts = serde_json::from_str::<Currency>(r#"{"code":"XTS","minor_units":3}"#).unwrap();
        assert_eq!(xts, Currency::new("XTS", 3).unwrap());
        assert_eq!(serde_json::to_string(&xts).unwrap(), r#"{"code":"XTS","minor_units":3}"#);
    }

    #[test]
    fn table_lookups() {
        assert_eq!(Currency::from_code("GBP").unwrap(), Currency::GBP);
        assert_eq!(Currency::from_code("KWD").unwrap().minor_units(), 3);
        assert!(matches!(Currency::from_code("XYZ"), Err(MoneyError::InvalidCurrency { .. })));
        assert!(matches!(Currency::from_code("GB"), Err(MoneyError::InvalidCurrency { .. })));
        assert!(matches!(
            Currency::new("GBP", 5),
            Err(MoneyError::MinorUnitsOutOfRange { minor_units: 5 })
        ));
    }

    #[test]
    fn serde_round_trip() {
        let json = serde_json::to_string(&Currency::GBP).unwrap();
        assert_eq!(json, "\"GBP\"");
        let custom = Currency::new("USD", 3).unwrap();
        let json = serde_json::to_string(&custom).unwrap();
        assert_eq!(json, r#"{"code":"USD","minor_units":3}"#);
        assert_eq!(serde_json::from_str::<Currency>(&json).unwrap(), custom);
        assert!(serde_json::from_str::<Currency>("\"ABC\"").is_err());
    }
}
