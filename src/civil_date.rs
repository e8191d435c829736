//! Civil dates read from text: `YYYY-MM-DD` (or `±YYYYYY-MM-DD` beyond years
//! 0 to 9999) and nothing more. Text with a time, an offset or a time zone
//! is refused rather than read as its date, which would drop the time
//! silently (`2013-05-01T23:00-05:00` is 2 May in London). Every date the
//! crate reads from JSON or CSV goes through [`parse`].

use crate::Date;

/// `text` as a civil date, or why it is not one.
pub(crate) fn parse(text: &str) -> Result<Date, String> {
    match text.parse::<Date>() {
        Ok(date) if date.to_string() == text => Ok(date),
        Ok(_) => Err(format!(
            "{text:?} is not a date alone: a date is a civil date written YYYY-MM-DD, \
             with no time, offset or time zone"
        )),
        Err(_) => Err(format!("{text:?} is not a date (YYYY-MM-DD)")),
    }
}

/// Serde for a date field, through [`parse`]: `#[serde(with = "crate::civil_date")]`.
pub(crate) fn serialize<S: serde::Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// See [`serialize`].
pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
    parse(&text).map_err(serde::de::Error::custom)
}

/// Serde for an optional date field: `#[serde(default, with = "crate::civil_date::option")]`.
pub(crate) mod option {
    use crate::Date;

    pub(crate) fn serialize<S: serde::Serializer>(
        d: &Option<Date>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: serde::Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Date>, D::Error> {
        let text = <Option<std::borrow::Cow<'de, str>> as serde::Deserialize>::deserialize(d)?;
        text.map(|t| super::parse(&t).map_err(serde::de::Error::custom)).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn a_date_alone_is_read_and_anything_more_is_refused() {
        assert_eq!(parse("2020-02-29").unwrap().to_string(), "2020-02-29");
        assert_eq!(parse("-009999-01-01").unwrap().to_string(), "-009999-01-01");
        for text in [
            "2020-01-01T12:00",
            "2020-01-01 12:00",
            "2013-05-01T23:00-05:00",
            "2020-01-01[Europe/London]",
        ] {
            assert!(parse(text).unwrap_err().contains("not a date alone"), "{text}");
        }
        for text in ["2020-02-30", "2020-1-1", "", "20200101x"] {
            assert!(parse(text).is_err(), "{text}");
        }
    }
}
