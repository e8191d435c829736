//! Validated identifiers: outcomes, rules, metrics, payers, cohorts.

use std::fmt;

use super::OutcomeError;

/// The longest identifier accepted, in bytes.
const MAX_ID_LEN: usize = 128;

fn validate(kind: &'static str, text: &str) -> Result<(), OutcomeError> {
    let reason = if text.is_empty() {
        Some("is empty")
    } else if text.trim() != text {
        Some("has leading or trailing whitespace")
    } else if text.len() > MAX_ID_LEN {
        Some("is longer than 128 bytes")
    } else if text.chars().any(char::is_control) {
        Some("contains a control character")
    } else {
        None
    };
    match reason {
        Some(reason) => Err(OutcomeError::InvalidId { kind, id: text.to_owned(), reason }),
        None => Ok(()),
    }
}

macro_rules! identifier {
    ($(#[$doc:meta])* $name:ident, $kind:literal, $example:literal) => {
        $(#[$doc])*
        ///
        /// An identifier is non-empty, at most 128 bytes, without control
        /// characters or leading/trailing whitespace. It deserialises from a
        /// JSON string through the same validation.
        ///
        /// # Example
        ///
        /// ```
        #[doc = concat!("use integration_outcomes::outcomes::", stringify!($name), ";")]
        #[doc = concat!("let id = ", stringify!($name), "::new(\"", $example, "\")?;")]
        #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
        #[doc = concat!("assert!(", stringify!($name), "::new(\" \").is_err());")]
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// A validated identifier.
            ///
            /// # Errors
            ///
            /// [`OutcomeError::InvalidId`] if the text is empty, too long, has
            /// leading or trailing whitespace or a control character.
            ///
            /// # Example
            ///
            /// ```
            #[doc = concat!("use integration_outcomes::outcomes::", stringify!($name), ";")]
            #[doc = concat!("let id = ", stringify!($name), "::new(\"", $example, "\")?;")]
            #[doc = concat!("assert_eq!(id.to_string(), \"", $example, "\");")]
            #[doc = concat!("assert!(", stringify!($name), "::new(\"\").is_err());")]
            #[doc = concat!("assert!(", stringify!($name), "::new(\"tab\\tin\").is_err());")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn new(id: impl Into<String>) -> Result<Self, OutcomeError> {
                let id = id.into();
                validate($kind, &id)?;
                Ok(Self(id))
            }

            /// The identifier as text.
            ///
            /// ```
            #[doc = concat!("use integration_outcomes::outcomes::", stringify!($name), ";")]
            #[doc = concat!("let id: ", stringify!($name), " = \"", $example, "\".parse()?;")]
            #[doc = concat!("assert_eq!(id.as_str(), \"", $example, "\");")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = OutcomeError;
            fn try_from(id: String) -> Result<Self, Self::Error> {
                Self::new(id)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = OutcomeError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::new(s)
            }
        }
    };
}

identifier!(
    /// Identifies an outcome on a rate card, such as `"entry_to_employment"`.
    OutcomeId, "outcome", "entry_to_employment"
);
identifier!(
    /// Identifies a payment rule within a contract, such as `"reconviction"`.
    RuleId, "rule", "reconviction"
);
identifier!(
    /// Identifies an outcome metric, such as `"improved_school_behaviour"`.
    MetricId, "metric", "improved_school_behaviour"
);
identifier!(
    /// Identifies an outcome payer, such as `"ministry_of_justice"`.
    PayerId, "payer", "ministry_of_justice"
);
identifier!(
    /// Identifies a rate card, such as `"innovation_fund_round_1"`.
    RateCardId, "rate card", "innovation_fund_round_1"
);
identifier!(
    /// Identifies a contract, such as `"peterborough"`.
    ContractId, "contract", "peterborough"
);
identifier!(
    /// Identifies a cohort, such as `"cohort_1"`.
    CohortId, "cohort", "cohort_1"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_table() {
        for bad in ["", " a", "a ", "a\nb", &"x".repeat(129)] {
            assert!(OutcomeId::new(bad).is_err(), "{bad:?}");
        }
        assert!(OutcomeId::new("x".repeat(128)).is_ok());
        assert!(RuleId::new("sustained employment (26 weeks)").is_ok());
    }

    #[test]
    fn serde_goes_through_validation() {
        let id: PayerId = serde_json::from_str("\"dwp\"").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"dwp\"");
        assert!(serde_json::from_str::<PayerId>("\"\"").is_err());
    }
}
