//! Reporting periods: months, quarters, years.

use std::fmt;

use crate::Date;

/// How a statement groups payments into periods.
///
/// ```
/// use integration_outcomes::outcomes::Periodicity;
/// let q = Periodicity::Quarterly.period_of("2013-05-17".parse()?);
/// assert_eq!(q.to_string(), "2013-Q2");
/// assert_eq!(q.first_day().to_string(), "2013-04-01");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Periodicity {
    /// Calendar months.
    Monthly,
    /// Calendar quarters.
    Quarterly,
    /// Calendar years.
    Annual,
}

impl Periodicity {
    /// The period containing `date`.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::Periodicity;
    /// let date = "2013-05-17".parse()?;
    /// assert_eq!(Periodicity::Monthly.period_of(date).to_string(), "2013-05");
    /// assert_eq!(Periodicity::Quarterly.period_of(date).to_string(), "2013-Q2");
    /// assert_eq!(Periodicity::Annual.period_of(date).to_string(), "2013");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn period_of(self, date: Date) -> Period {
        let first_month = match self {
            Periodicity::Monthly => date.month(),
            Periodicity::Quarterly => (date.month() - 1) / 3 * 3 + 1,
            Periodicity::Annual => 1,
        };
        Period { year: date.year(), first_month, periodicity: self }
    }
}

/// A calendar month, quarter or year.
///
/// ```
/// use integration_outcomes::outcomes::Periodicity;
/// let m = Periodicity::Monthly.period_of("2014-08-07".parse()?);
/// assert_eq!(m.to_string(), "2014-08");
/// assert_eq!(Periodicity::Annual.period_of("2014-08-07".parse()?).to_string(), "2014");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Period {
    year: i16,
    first_month: i8,
    periodicity: Periodicity,
}

impl Period {
    /// The first day of the period.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::Periodicity;
    /// let q = Periodicity::Quarterly.period_of("2015-11-10".parse()?);
    /// assert_eq!(q.first_day().to_string(), "2015-10-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn first_day(&self) -> Date {
        // Year and month come from a valid date, so day 1 always exists.
        jiff::civil::date(self.year, self.first_month, 1)
    }

    /// The last day of the period (the month's, the quarter's or the
    /// year's last day).
    ///
    /// ```
    /// use integration_outcomes::outcomes::Periodicity;
    /// let q = Periodicity::Quarterly.period_of("2015-11-10".parse()?);
    /// assert_eq!(q.last_day().to_string(), "2015-12-31");
    /// let february = Periodicity::Monthly.period_of("2016-02-10".parse()?);
    /// assert_eq!(february.last_day().to_string(), "2016-02-29");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn last_day(&self) -> Date {
        let months_after_first = match self.periodicity {
            Periodicity::Monthly => 0,
            Periodicity::Quarterly => 2,
            Periodicity::Annual => 11,
        };
        // A period lies within one calendar year of a valid date, so its last
        // month is at most December and day 1 of it always exists.
        jiff::civil::date(self.year, self.first_month + months_after_first, 1).last_of_month()
    }

    /// How the period was grouped.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::Periodicity;
    /// let m = Periodicity::Monthly.period_of("2014-08-07".parse()?);
    /// assert_eq!(m.periodicity(), Periodicity::Monthly);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn periodicity(&self) -> Periodicity {
        self.periodicity
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.periodicity {
            Periodicity::Monthly => write!(f, "{:04}-{:02}", self.year, self.first_month),
            Periodicity::Quarterly => {
                write!(f, "{:04}-Q{}", self.year, (self.first_month - 1) / 3 + 1)
            }
            Periodicity::Annual => write!(f, "{:04}", self.year),
        }
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), by integer arithmetic
/// (H. Hinnant's `days_from_civil`), for dense per-day tables.
pub(crate) fn day_number(date: Date) -> i32 {
    let (y, m, d) = (i32::from(date.year()), i32::from(date.month()), i32::from(date.day()));
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Day numbers agree with jiff's calendar arithmetic.
        #[test]
        fn day_number_matches_jiff(days in -700_000_i32..700_000) {
            let epoch = jiff::civil::date(1970, 1, 1);
            let date = epoch.checked_add(jiff::Span::new().days(days)).unwrap();
            prop_assert_eq!(day_number(date), days);
        }
    }

    #[test]
    fn last_days() {
        let last = |p: Periodicity, d: &str| p.period_of(d.parse().unwrap()).last_day().to_string();
        assert_eq!(last(Periodicity::Monthly, "2016-02-10"), "2016-02-29");
        assert_eq!(last(Periodicity::Monthly, "2015-02-10"), "2015-02-28");
        assert_eq!(last(Periodicity::Quarterly, "2015-11-10"), "2015-12-31");
        assert_eq!(last(Periodicity::Quarterly, "2015-04-01"), "2015-06-30");
        assert_eq!(last(Periodicity::Annual, "2015-11-10"), "2015-12-31");
        // The last period jiff can represent has a last day too.
        assert_eq!(last(Periodicity::Quarterly, "9999-12-31"), "9999-12-31");
        let first = Periodicity::Annual.period_of(jiff::civil::date(-9999, 3, 5));
        assert_eq!(first.last_day(), jiff::civil::date(-9999, 12, 31));
    }

    proptest! {
        /// The day after a period's last day starts the next period.
        #[test]
        fn last_day_is_the_eve_of_the_next_period(days in -700_000_i32..700_000, p in 0_u8..3) {
            let p = [Periodicity::Monthly, Periodicity::Quarterly, Periodicity::Annual][usize::from(p)];
            let date = jiff::civil::date(1970, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
            let period = p.period_of(date);
            let last = period.last_day();
            prop_assert!(period.first_day() <= date && date <= last);
            prop_assert_eq!(p.period_of(last), period);
            let next = last.checked_add(jiff::Span::new().days(1)).unwrap();
            prop_assert_ne!(p.period_of(next), period);
            prop_assert_eq!(p.period_of(next).first_day(), next);
        }
    }

    #[test]
    fn quarters() {
        let p = |s: &str| Periodicity::Quarterly.period_of(s.parse().unwrap()).to_string();
        assert_eq!(p("2013-01-01"), "2013-Q1");
        assert_eq!(p("2013-03-31"), "2013-Q1");
        assert_eq!(p("2013-12-31"), "2013-Q4");
    }
}
