//! A date packed into one integer, as claims carry it.

use crate::Date;

/// A date packed into one `u32` that orders as dates do: year (shifted to
/// be non-negative) from bit 9, month (4 bits) from bit 5, day (5 bits)
/// from bit 0.
///
/// Claims carry their date packed, so that settlement reads it with one
/// load and looks it up in a calendar table without arithmetic; it is only
/// ever made from a valid [`Date`], so it always unpacks to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct PackedDate(u32);

/// Years are -9999..=9999: shifted by this to be non-negative.
const YEAR_SHIFT: i32 = 10_000;

impl PackedDate {
    pub(crate) fn new(d: Date) -> PackedDate {
        let year = (i32::from(d.year()) + YEAR_SHIFT).cast_unsigned();
        let month = u32::from(d.month().cast_unsigned());
        let day = u32::from(d.day().cast_unsigned());
        PackedDate((year << 9) | (month << 5) | day)
    }

    /// The packed integer.
    pub(crate) const fn get(self) -> u32 {
        self.0
    }

    /// Year, month (1–12) and day (1–31), read from the bit fields without
    /// building a `Date`.
    pub(crate) const fn parts(self) -> (i32, i32, i32) {
        // Each field is at most 23 bits wide: the casts are exact.
        (
            (self.0 >> 9).cast_signed() - YEAR_SHIFT,
            ((self.0 >> 5) & 0xf).cast_signed(),
            (self.0 & 0x1f).cast_signed(),
        )
    }

    /// The date.
    pub(crate) fn date(self) -> Date {
        let year = i32::try_from(self.0 >> 9).unwrap_or(0) - YEAR_SHIFT;
        let month = ((self.0 >> 5) & 0xf) as i8;
        let day = (self.0 & 0x1f) as i8;
        // Made only from a valid `Date`, so this always succeeds (the
        // round trip is tested over every day of ±9999 years); the
        // fallback cannot be reached.
        i16::try_from(year).ok().and_then(|y| Date::new(y, month, day).ok()).unwrap_or(Date::MIN)
    }
}

#[cfg(test)]
mod tests {
    use super::PackedDate;
    use crate::Date;

    #[test]
    fn every_date_round_trips_and_packing_keeps_the_order() {
        let mut date = Date::MIN;
        let mut before = None;
        loop {
            let packed = PackedDate::new(date);
            assert_eq!(packed.date(), date);
            assert!(before < Some(packed), "{date}");
            before = Some(packed);
            match date.tomorrow() {
                Ok(next) => date = next,
                Err(_) => break,
            }
        }
        assert_eq!(before.map(PackedDate::date), Some(Date::MAX));
    }
}
