//! A mergeable tally of people and outcome events, for cohorts and
//! comparison groups counted from per-person records.

use super::{Cohort, Comparison, OutcomeError};
use crate::Date;

/// People counted and the outcome events they had (reconviction events,
/// say), tallied from one event count per person.
///
/// Count from a slice ([`add`](Self::add), the fast path), from any iterator
/// ([`extend`](Self::extend)), or in shards — threads, files, partitions of
/// a distributed engine — and [`merge`](Self::merge) them: the result is
/// exactly that of a single pass, whatever the split. Then build the
/// [`Cohort`] or [`Comparison`] from it.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::EventCounts;
///
/// let mut first_half = EventCounts::new();
/// first_half.add(&[0, 2, 1])?;
/// let mut second_half = EventCounts::new();
/// second_half.extend([3_u32, 0].into_iter())?;
/// let all = first_half.merge(second_half)?;
/// assert_eq!((all.people(), all.events()), (5, 6));
///
/// let comparison = all.comparison()?;
/// let cohort = EventCounts::from_slice(&[1, 0, 1, 0])?.cohort("cohort_1", comparison, "2014-08-07".parse()?)?;
/// assert_eq!((cohort.size(), cohort.events()), (4, 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct EventCounts {
    people: u64,
    events: u64,
}

fn overflow(operation: &'static str) -> OutcomeError {
    OutcomeError::Overflow { operation }
}

impl EventCounts {
    /// Nobody counted yet.
    ///
    /// ```
    /// use integration_outcomes::outcomes::EventCounts;
    /// let tally = EventCounts::new();
    /// assert_eq!((tally.people(), tally.events()), (0, 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn new() -> EventCounts {
        EventCounts { people: 0, events: 0 }
    }

    /// The tally of one event count per person.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] if a total does not fit in `u64`.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::EventCounts;
    /// let tally = EventCounts::from_slice(&[0, 2, 1])?;
    /// assert_eq!((tally.people(), tally.events()), (3, 3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_slice(counts: &[u32]) -> Result<EventCounts, OutcomeError> {
        let mut tally = EventCounts::new();
        tally.add(counts)?;
        Ok(tally)
    }

    /// Adds one event count per person from a slice.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] if a total does not fit in `u64` (the
    /// tally is then unchanged).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::EventCounts;
    /// let mut tally = EventCounts::new();
    /// tally.add(&[0, 2])?;
    /// tally.add(&[1])?;
    /// assert_eq!((tally.people(), tally.events()), (3, 3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, counts: &[u32]) -> Result<(), OutcomeError> {
        // A chunk of at most 2^31 counts of at most 2^32 − 1 events sums
        // below 2^63, so the inner sum cannot overflow; the running totals
        // are checked.
        const CHUNK: usize = 1 << 31;
        let mut next = *self;
        for chunk in counts.chunks(CHUNK) {
            let events: u64 = chunk.iter().map(|&c| u64::from(c)).sum();
            let people = u64::try_from(chunk.len()).map_err(|_| overflow("people counted"))?;
            next.people =
                next.people.checked_add(people).ok_or_else(|| overflow("people counted"))?;
            next.events = next.events.checked_add(events).ok_or_else(|| overflow("event count"))?;
        }
        *self = next;
        Ok(())
    }

    /// Adds one event count per person from any iterator.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] if a total does not fit in `u64` (the
    /// tally is then unchanged).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::EventCounts;
    /// let mut tally = EventCounts::from_slice(&[1])?;
    /// tally.extend([0_u32, 4])?;
    /// assert_eq!((tally.people(), tally.events()), (3, 5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extend<I: IntoIterator<Item = u32>>(&mut self, counts: I) -> Result<(), OutcomeError> {
        let mut next = *self;
        for c in counts {
            next.people = next.people.checked_add(1).ok_or_else(|| overflow("people counted"))?;
            next.events =
                next.events.checked_add(u64::from(c)).ok_or_else(|| overflow("event count"))?;
        }
        *self = next;
        Ok(())
    }

    /// Combines two tallies of disjoint sets of people.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] if a total does not fit in `u64`.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::EventCounts;
    /// let shards = EventCounts::from_slice(&[0, 2])?.merge(EventCounts::from_slice(&[1, 3])?)?;
    /// assert_eq!(shards, EventCounts::from_slice(&[0, 2, 1, 3])?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge(self, other: EventCounts) -> Result<EventCounts, OutcomeError> {
        Ok(EventCounts {
            people: self
                .people
                .checked_add(other.people)
                .ok_or_else(|| overflow("people counted"))?,
            events: self.events.checked_add(other.events).ok_or_else(|| overflow("event count"))?,
        })
    }

    /// People counted.
    ///
    /// ```
    /// use integration_outcomes::outcomes::EventCounts;
    /// assert_eq!(EventCounts::from_slice(&[0, 2, 1])?.people(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn people(&self) -> u64 {
        self.people
    }

    /// Events counted.
    ///
    /// ```
    /// use integration_outcomes::outcomes::EventCounts;
    /// assert_eq!(EventCounts::from_slice(&[0, 2, 1])?.events(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn events(&self) -> u64 {
        self.events
    }

    /// A matched comparison group of these people and events.
    ///
    /// # Errors
    ///
    /// As for [`Comparison::group`] (nobody counted).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Comparison, EventCounts};
    /// let comparison = EventCounts::from_slice(&[0, 2, 1, 3])?.comparison()?;
    /// assert_eq!(comparison, Comparison::group(6, 4)?);
    /// assert!(EventCounts::new().comparison().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn comparison(self) -> Result<Comparison, OutcomeError> {
        Comparison::group(self.events, self.people)
    }

    /// A measured cohort of these people and events.
    ///
    /// # Errors
    ///
    /// As for [`Cohort::new`] (a bad id, nobody counted).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Comparison, EventCounts};
    /// let comparison = Comparison::group(6, 4)?;
    /// let cohort = EventCounts::from_slice(&[1, 0, 2, 0])?.cohort("cohort_1", comparison, "2014-08-07".parse()?)?;
    /// assert_eq!((cohort.size(), cohort.events()), (4, 3));
    /// assert_eq!(cohort.reduction()?.map(|r| r.to_string()), Some("50%".into())); // 3 events, 6 expected
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cohort(
        self,
        id: impl Into<String>,
        comparison: Comparison,
        measured_on: Date,
    ) -> Result<Cohort, OutcomeError> {
        Cohort::new(id, self.people, self.events, comparison, measured_on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn overflow_is_an_error_and_leaves_the_tally_unchanged() {
        let mut t = EventCounts { people: 1, events: u64::MAX - 1 };
        assert!(matches!(t.add(&[1, 1]), Err(OutcomeError::Overflow { .. })));
        assert_eq!(t, EventCounts { people: 1, events: u64::MAX - 1 });
        assert!(t.extend([5_u32]).is_err());
        assert!(t.merge(t).is_err());
        assert!(EventCounts::new().comparison().is_err(), "an empty comparison group");
    }

    proptest! {
        /// Shards counted separately and merged in any order equal one pass,
        /// by slice or by iterator.
        #[test]
        fn shards_merge_to_the_single_pass(counts in prop::collection::vec(any::<u32>(), 0..300),
                                           cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6)) {
            let single = EventCounts::from_slice(&counts).unwrap();
            let mut by_iter = EventCounts::new();
            by_iter.extend(counts.iter().copied()).unwrap();
            prop_assert_eq!(by_iter, single);
            let mut points: Vec<usize> = cuts.iter().map(|i| i.index(counts.len() + 1)).collect();
            points.sort_unstable();
            let mut shards = Vec::new();
            let mut start = 0;
            for p in points.into_iter().chain([counts.len()]) {
                shards.push(EventCounts::from_slice(&counts[start..p]).unwrap());
                start = p;
            }
            let forward = shards.iter().try_fold(EventCounts::new(), |a, b| a.merge(*b)).unwrap();
            let backward = shards.iter().rev().try_fold(EventCounts::new(), |a, b| a.merge(*b)).unwrap();
            prop_assert_eq!(forward, single);
            prop_assert_eq!(backward, single);
            prop_assert_eq!(single.people(), counts.len() as u64);
            prop_assert_eq!(single.events(), counts.iter().map(|&c| u64::from(c)).sum::<u64>());
        }
    }
}
