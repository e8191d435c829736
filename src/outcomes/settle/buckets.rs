//! Paid amounts by (row, outcome), a row being a day or a month of the
//! claim window, kept in pages allocated only where claims fall: memory
//! grows with the dates actually used, not with the window's length (a
//! window from -9999 to 9999 has 7.3 million days).

use crate::outcomes::OutcomeError;

/// Rows a page holds.
const PAGE_ROWS: usize = 32;

/// Sums in `i128` minor units by (row, outcome), in (row, outcome) order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Buckets {
    /// Outcomes a row holds.
    n: usize,
    /// Rows in the window.
    rows: usize,
    /// `PAGE_ROWS` rows each, `None` until a claim falls in it.
    pages: Vec<Option<Box<[i128]>>>,
}

impl Buckets {
    /// Empty buckets for `rows` rows of `n` outcomes.
    pub(super) fn new(rows: usize, n: usize) -> Buckets {
        Buckets { n, rows, pages: vec![None; rows.div_ceil(PAGE_ROWS)] }
    }

    /// Adds `amount` to (row, outcome).
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] if the row is outside the window or the
    /// sum overflows.
    pub(super) fn add(
        &mut self,
        row: usize,
        outcome: usize,
        amount: i128,
    ) -> Result<(), OutcomeError> {
        let n = self.n;
        let (Some(page), true) =
            (self.pages.get_mut(row / PAGE_ROWS), row < self.rows && outcome < n)
        else {
            return Err(OutcomeError::Overflow { operation: "day index" });
        };
        let page = page.get_or_insert_with(|| vec![0; PAGE_ROWS * n].into_boxed_slice());
        let Some(slot) = page.get_mut((row % PAGE_ROWS) * n + outcome) else {
            return Err(OutcomeError::Overflow { operation: "day index" });
        };
        match slot.checked_add(amount) {
            Some(sum) => *slot = sum,
            None => return Err(OutcomeError::Overflow { operation: "daily total" }),
        }
        Ok(())
    }

    /// Adds every bucket of `other` (of the same shape) to this one.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Overflow`] if a sum overflows.
    pub(super) fn merge(&mut self, other: &Buckets) -> Result<(), OutcomeError> {
        if (self.n, self.rows) != (other.n, other.rows) {
            return Err(OutcomeError::Overflow { operation: "merge buckets of another shape" });
        }
        for (mine, theirs) in self.pages.iter_mut().zip(&other.pages) {
            let Some(theirs) = theirs else { continue };
            match mine {
                None => *mine = Some(theirs.clone()),
                Some(mine) => {
                    for (a, b) in mine.iter_mut().zip(theirs.iter()) {
                        match a.checked_add(*b) {
                            Some(sum) => *a = sum,
                            None => {
                                return Err(OutcomeError::Overflow { operation: "daily total" });
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Every allocated bucket, in (row, outcome) order, with its row and
    /// outcome (zeros included where a page is allocated).
    pub(super) fn iter(&self) -> impl Iterator<Item = (usize, usize, i128)> + '_ {
        let (n, rows) = (self.n.max(1), self.rows);
        self.pages
            .iter()
            .enumerate()
            .filter_map(|(p, page)| Some((p, page.as_ref()?)))
            .flat_map(move |(p, page)| {
                page.iter().enumerate().map(move |(k, v)| (p * PAGE_ROWS + k / n, k % n, *v))
            })
            // The last page can reach past the window's last row.
            .filter(move |(row, _, _)| *row < rows)
    }

    /// Every allocated bucket, mutably, in (row, outcome) order, with its
    /// outcome.
    pub(super) fn iter_mut(&mut self) -> impl Iterator<Item = (usize, &mut i128)> + '_ {
        let n = self.n.max(1);
        self.pages
            .iter_mut()
            .flatten()
            .flat_map(move |page| page.iter_mut().enumerate().map(move |(k, v)| (k % n, v)))
    }
}

#[cfg(test)]
mod tests {
    use super::Buckets;

    #[test]
    fn pages_are_allocated_where_amounts_fall_and_read_in_order() {
        let mut b = Buckets::new(7_304_484, 64);
        b.add(7_304_483, 63, 5).unwrap();
        b.add(0, 1, 2).unwrap();
        b.add(0, 1, 3).unwrap();
        assert_eq!(b.pages.iter().flatten().count(), 2);
        let nonzero: Vec<_> = b.iter().filter(|(_, _, v)| *v != 0).collect();
        assert_eq!(nonzero, [(0, 1, 5), (7_304_483, 63, 5)]);
        assert!(b.add(7_304_484, 0, 1).is_err());
        assert!(b.add(0, 64, 1).is_err());
        let mut c = Buckets::new(7_304_484, 64);
        c.merge(&b).unwrap();
        assert_eq!(c, b);
        c.merge(&b).unwrap();
        assert_eq!(c.iter().map(|(_, _, v)| v).sum::<i128>(), 20);
        assert!(c.merge(&Buckets::new(10, 64)).is_err());
    }
}
