//! Where the streaming loop keeps the calendar rows and the tally's
//! buckets while it settles.
//!
//! [`Inline`] keeps both inside the loop's own box, at fixed capacities, so
//! that one pointer reaches every table the loop reads and writes (the
//! rule's columns are in the box already): the loop then spends no
//! register, and no load from the stack, on the tables' addresses and
//! lengths, and checks indices against constants. That is the common case,
//! monthly buckets for a window of a few years, and it settles the
//! rate-card benchmark's claims about 4% faster (DESIGN.md, "The streaming
//! loop, and one path that is always right"). [`Spread`]
//! takes tables of any size: the rule's calendar rows where they are, and
//! the tally's buckets moved in. Both are the same loop, compiled twice.
//!
//! A tally's buckets stay in the layout from one call of the loop to the
//! next (copying them in and out at every call made a tally fed in
//! batches of 1,000 claims 9% slower); the tally takes them back before
//! anything else reads or writes them (see `RateCardTally::reclaim`).

use crate::outcomes::rate_card_rule::Calendar;

/// Calendar slots an [`Inline`] layout holds: 8 calendar years of packed
/// dates (512 slots a year).
const ROWS: usize = 8 * 512;
/// Buckets an [`Inline`] layout holds: 170 months of a 12-outcome card,
/// say, or 56 months of 36 outcomes.
const BUCKETS: usize = 2048;

/// Where the streaming loop finds a claim's bucket row and its bucket.
pub(super) trait Layout {
    /// The calendar rows: the first bucket of the row of each calendar
    /// slot (a packed date less the calendar's base).
    fn rows(&self) -> &[u32];

    /// The table of buckets the loop indexes: the tally's buckets, while
    /// the layout holds them (then, inline, zeros never touched).
    fn table(&mut self) -> &mut [i64];

    /// The tally's buckets, while the layout holds them.
    fn buckets(&self) -> &[i64];

    /// The first bucket of the row of calendar slot `slot`, if the
    /// calendar has the slot.
    #[inline(always)]
    fn row(&self, slot: usize) -> Option<&u32> {
        self.rows().get(slot)
    }

    /// The bucket at `index`, if there is one.
    #[inline(always)]
    fn bucket(&mut self, index: usize) -> Option<&mut i64> {
        self.table().get_mut(index)
    }

    /// Takes the tally's buckets in; `from` is left to take them back.
    fn lend(&mut self, from: &mut Vec<i64>);

    /// Gives the buckets back into `to` (what [`lend`](Self::lend) left).
    fn hand_back(&mut self, to: &mut Vec<i64>);
}

/// The calendar rows and the buckets inside the loop's box, at fixed
/// capacities.
#[derive(Clone)]
pub(super) struct Inline {
    /// The calendar's rows, then [`Calendar::OUTSIDE`].
    rows: [u32; ROWS],
    /// The tally's buckets, then zeros never touched.
    buckets: [i64; BUCKETS],
    /// Buckets the tally has.
    len: usize,
}

impl Inline {
    /// A layout for `rows` (a calendar's rows for `outcomes` outcomes) and
    /// `len` buckets, if they fit. Every row in the calendar is checked to
    /// start a whole row of buckets below `len`, so that no bucket index
    /// the loop computes reaches the zeros past the tally's buckets (an
    /// index past every bucket is refused by the capacity, as [`Spread`]'s
    /// is by the length).
    pub(super) fn new(rows: &[u32], outcomes: usize, len: usize) -> Option<Inline> {
        let whole_rows = rows.iter().filter(|r| **r != Calendar::OUTSIDE).all(|r| {
            usize::try_from(*r).ok().and_then(|r| r.checked_add(outcomes)).is_some_and(|e| e <= len)
        });
        if rows.len() > ROWS || len > BUCKETS || !whole_rows {
            return None;
        }
        let mut layout = Inline { rows: [Calendar::OUTSIDE; ROWS], buckets: [0; BUCKETS], len };
        for (slot, row) in layout.rows.iter_mut().zip(rows) {
            *slot = *row;
        }
        Some(layout)
    }
}

impl Layout for Inline {
    #[inline(always)]
    fn rows(&self) -> &[u32] {
        &self.rows
    }

    #[inline(always)]
    fn table(&mut self) -> &mut [i64] {
        &mut self.buckets
    }

    fn buckets(&self) -> &[i64] {
        self.buckets.get(..self.len).unwrap_or_default()
    }

    fn lend(&mut self, from: &mut Vec<i64>) {
        for (mine, theirs) in self.buckets.iter_mut().zip(from.iter()) {
            *mine = *theirs;
        }
    }

    fn hand_back(&mut self, to: &mut Vec<i64>) {
        for (theirs, mine) in to.iter_mut().zip(&self.buckets) {
            *theirs = *mine;
        }
    }
}

/// The calendar rows where the rule keeps them and the tally's buckets
/// moved in: tables of any size.
#[derive(Clone)]
pub(super) struct Spread<'t> {
    rows: &'t [u32],
    buckets: Vec<i64>,
}

impl<'t> Spread<'t> {
    /// An empty layout for `rows`.
    pub(super) fn new(rows: &'t [u32]) -> Spread<'t> {
        Spread { rows, buckets: Vec::new() }
    }
}

impl Layout for Spread<'_> {
    #[inline(always)]
    fn rows(&self) -> &[u32] {
        self.rows
    }

    #[inline(always)]
    fn table(&mut self) -> &mut [i64] {
        &mut self.buckets
    }

    fn buckets(&self) -> &[i64] {
        &self.buckets
    }

    fn lend(&mut self, from: &mut Vec<i64>) {
        std::mem::swap(&mut self.buckets, from);
    }

    fn hand_back(&mut self, to: &mut Vec<i64>) {
        std::mem::swap(&mut self.buckets, to);
    }
}
