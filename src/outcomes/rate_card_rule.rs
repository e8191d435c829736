//! A contract's terms on a rate card (bid prices, caps, claim window),
//! validated and compiled to dense tables for settlement.

use std::fmt;

use super::packed_date::PackedDate;
use super::period::day_number;
use super::{
    AgeRange, Claim, Eligibility, MAX_OUTCOMES, OutcomeError, OutcomeId, OutcomeIndex,
    ParticipantId, RateCard, Repeat, RuleId,
};
use crate::{Currency, Date, Money};

/// The inclusive range of dates within which claims are accepted.
///
/// ```
/// use integration_outcomes::outcomes::ClaimWindow;
/// let w = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
/// assert!(w.contains("2015-09-30".parse()?));
/// assert!(ClaimWindow::new("2015-01-01".parse()?, "2014-01-01".parse()?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "ClaimWindowRepr", into = "ClaimWindowRepr")]
pub struct ClaimWindow {
    first: Date,
    last: Date,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimWindowRepr {
    #[serde(with = "crate::civil_date")]
    first: Date,
    #[serde(with = "crate::civil_date")]
    last: Date,
}

impl ClaimWindow {
    /// Claims dated `first..=last`.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidDateRange`] if `last` precedes `first`.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::ClaimWindow;
    /// let w = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// assert_eq!(w.first().to_string(), "2012-04-01");
    /// // A one-day window is allowed; a backwards one is not.
    /// assert!(ClaimWindow::new("2013-01-01".parse()?, "2013-01-01".parse()?).is_ok());
    /// assert!(ClaimWindow::new("2015-01-01".parse()?, "2014-01-01".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(first: Date, last: Date) -> Result<ClaimWindow, OutcomeError> {
        if last < first {
            return Err(OutcomeError::InvalidDateRange { what: "claim window", first, last });
        }
        Ok(ClaimWindow { first, last })
    }

    /// The window between two dates in either order.
    // Only the proptest strategies need a window built without validation.
    #[cfg_attr(not(feature = "proptest"), allow(dead_code))]
    pub(crate) fn spanning(a: Date, b: Date) -> ClaimWindow {
        if a <= b { ClaimWindow { first: a, last: b } } else { ClaimWindow { first: b, last: a } }
    }

    /// First day claims are accepted.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::ClaimWindow;
    /// let w = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// assert_eq!(w.first().to_string(), "2012-04-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn first(&self) -> Date {
        self.first
    }

    /// Last day claims are accepted.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::ClaimWindow;
    /// let w = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// assert_eq!(w.last().to_string(), "2015-09-30");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn last(&self) -> Date {
        self.last
    }

    /// Whether `date` lies in the window.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::ClaimWindow;
    /// let w = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// assert!(w.contains("2012-04-01".parse()?) && w.contains("2015-09-30".parse()?));
    /// assert!(!w.contains("2015-10-01".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn contains(&self, date: Date) -> bool {
        self.first <= date && date <= self.last
    }
}

impl TryFrom<ClaimWindowRepr> for ClaimWindow {
    type Error = OutcomeError;
    fn try_from(r: ClaimWindowRepr) -> Result<Self, Self::Error> {
        ClaimWindow::new(r.first, r.last)
    }
}

impl From<ClaimWindow> for ClaimWindowRepr {
    fn from(w: ClaimWindow) -> Self {
        ClaimWindowRepr { first: w.first, last: w.last }
    }
}

/// The prices a contract pays for the outcomes on a rate card.
///
/// ```
/// use integration_outcomes::outcomes::BidPrices;
/// use integration_outcomes::{Currency, Money};
/// let bids = BidPrices::Listed(vec![("entry_to_employment".parse()?, Money::from_major(2_400, Currency::GBP))]);
/// assert_ne!(bids, BidPrices::CardMaximum);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BidPrices {
    /// Every outcome at the card's maximum price.
    CardMaximum,
    /// A price for every outcome on the card, each at or below its maximum.
    Listed(Vec<(OutcomeId, Money)>),
}

/// A contract's terms on a rate card: bid prices, claim window and caps.
///
/// By-value options: start from [`RateCardTerms::new`] and add what the
/// contract says. Validated against the card by [`RateCardRule::new`].
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{ClaimWindow, RateCardTerms};
/// use integration_outcomes::{Currency, Money};
///
/// let terms = RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
///     .with_participant_cap(Money::from_major(8_200, Currency::GBP))
///     .with_volume_cap("entry_to_employment".parse()?, 500)
///     .with_total_cap(Money::from_major(3_400_000, Currency::GBP));
/// assert_eq!(terms.participant_cap(), Some(Money::from_major(8_200, Currency::GBP)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateCardTerms {
    window: ClaimWindow,
    bids: BidPrices,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    participant_cap: Option<Money>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    volume_caps: Vec<(OutcomeId, u64)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    total_cap: Option<Money>,
}

impl RateCardTerms {
    /// Terms paying the card's maximum prices for claims within `window`,
    /// with no caps.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BidPrices, ClaimWindow, RateCardTerms};
    /// let window = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// let terms = RateCardTerms::new(window);
    /// assert_eq!(terms.bids(), &BidPrices::CardMaximum);
    /// assert!(terms.participant_cap().is_none() && terms.total_cap().is_none());
    /// assert!(terms.volume_caps().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(window: ClaimWindow) -> RateCardTerms {
        RateCardTerms {
            window,
            bids: BidPrices::CardMaximum,
            participant_cap: None,
            volume_caps: Vec::new(),
            total_cap: None,
        }
    }

    /// Sets the bid prices.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BidPrices, ClaimWindow, RateCard, RateCardOutcome, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let gbp = |n| Money::from_major(n, Currency::GBP);
    /// let card = RateCard::new("employment_card", Currency::GBP, vec![
    ///     RateCardOutcome::new("entry_to_employment", "entry into employment", gbp(2_600))?,
    /// ])?;
    /// let bids = BidPrices::Listed(vec![("entry_to_employment".parse()?, gbp(2_400))]);
    /// let terms = RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
    ///     .with_bids(bids.clone());
    /// assert_eq!(terms.bids(), &bids);
    /// let rule = RateCardRule::new("employment", card, terms)?;
    /// assert_eq!(rule.price(rule.card().index_of("entry_to_employment")?), Some(gbp(2_400)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_bids(mut self, bids: BidPrices) -> RateCardTerms {
        self.bids = bids;
        self
    }

    /// Caps what one participant can earn (a contract parameter: sources
    /// give £8,200 and £11,700 for the Innovation Fund rounds).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let window = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// let terms = RateCardTerms::new(window).with_participant_cap(Money::from_major(11_700, Currency::GBP));
    /// assert_eq!(terms.participant_cap(), Some(Money::from_major(11_700, Currency::GBP)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_participant_cap(mut self, cap: Money) -> RateCardTerms {
        self.participant_cap = Some(cap);
        self
    }

    /// Caps how many claims of `outcome` the contract pays.
    ///
    /// The first `max_paid` claims that are paid something, in date order
    /// across participants, are paid; later ones pay nothing and take
    /// nothing from their participant's cap. A claim the participant cap
    /// leaves nothing takes no place.
    ///
    /// With a per-participant cap as well, this is a term under which more
    /// claims can pay less: an earlier claim the volume cap admits may pay
    /// less under its participant's cap than the later claim it displaces.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCardTerms};
    /// let window = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// let terms = RateCardTerms::new(window).with_volume_cap("entry_to_employment".parse()?, 500);
    /// assert_eq!(terms.volume_caps()[0].0.as_str(), "entry_to_employment");
    /// assert_eq!(terms.volume_caps()[0].1, 500);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_volume_cap(mut self, outcome: OutcomeId, max_paid: u64) -> RateCardTerms {
        self.volume_caps.push((outcome, max_paid));
        self
    }

    /// Caps the rule's total payment.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let window = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// let terms = RateCardTerms::new(window).with_total_cap(Money::from_major(3_400_000, Currency::GBP));
    /// assert_eq!(terms.total_cap(), Some(Money::from_major(3_400_000, Currency::GBP)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_total_cap(mut self, cap: Money) -> RateCardTerms {
        self.total_cap = Some(cap);
        self
    }

    /// The claim window.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCardTerms};
    /// let window = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// assert_eq!(RateCardTerms::new(window).window(), window);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn window(&self) -> ClaimWindow {
        self.window
    }

    /// The bid prices.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{BidPrices, ClaimWindow, RateCardTerms};
    /// let window = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// assert_eq!(RateCardTerms::new(window).bids(), &BidPrices::CardMaximum); // the default
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn bids(&self) -> &BidPrices {
        &self.bids
    }

    /// The per-participant cap, if any.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let window = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// assert_eq!(RateCardTerms::new(window).participant_cap(), None);
    /// let capped = RateCardTerms::new(window).with_participant_cap(Money::from_major(8_200, Currency::GBP));
    /// assert_eq!(capped.participant_cap(), Some(Money::from_major(8_200, Currency::GBP)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn participant_cap(&self) -> Option<Money> {
        self.participant_cap
    }

    /// Volume caps by outcome.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCardTerms};
    /// let window = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// let terms = RateCardTerms::new(window)
    ///     .with_volume_cap("entry_to_employment".parse()?, 500)
    ///     .with_volume_cap("sustained_employment".parse()?, 300);
    /// assert_eq!(terms.volume_caps().len(), 2);
    /// assert_eq!(terms.volume_caps()[1].1, 300);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn volume_caps(&self) -> &[(OutcomeId, u64)] {
        &self.volume_caps
    }

    /// The cap on the rule's total, if any.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let window = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// assert_eq!(RateCardTerms::new(window).total_cap(), None);
    /// let capped = RateCardTerms::new(window).with_total_cap(Money::from_major(3_400_000, Currency::GBP));
    /// assert_eq!(capped.total_cap(), Some(Money::from_major(3_400_000, Currency::GBP)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn total_cap(&self) -> Option<Money> {
        self.total_cap
    }
}

/// How finely paid amounts are bucketed by date: by day when a cap must
/// be attributed in date order, else by month (smaller tables, fewer cache
/// misses; months are the finest reporting period).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Granularity {
    Day,
    Month,
}

/// Dense settlement tables compiled from a card and terms: everything in
/// `i64` minor units and bitmasks addressed by [`OutcomeIndex`].
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Tables {
    pub(crate) currency: Currency,
    pub(crate) n: usize,
    pub(crate) restricted_mask: u64,
    pub(crate) ages: Vec<Option<AgeRange>>,
    /// Year of the first entry of `month_starts`.
    pub(crate) first_year: i32,
    /// For each month from January of the window's first year to December
    /// of its last, the offset of its first day from the window's first day.
    pub(crate) month_starts: Vec<i32>,
    pub(crate) first_date: Date,
    /// Index in `month_starts` of the window's first month.
    pub(crate) first_month: usize,
    /// Calendar months the window touches.
    pub(crate) months: usize,
    pub(crate) days: usize,
    pub(crate) participant_cap: Option<i64>,
    pub(crate) volume_caps: Vec<Option<u64>>,
    pub(crate) volume_mask: u64,
    pub(crate) total_cap: Option<i64>,
    /// Price, prerequisites, once-only rule and within-participant order of
    /// each outcome index: one entry per possible
    /// [`OutcomeIndex`](super::OutcomeIndex), so that looking one up needs no
    /// bounds check (indexes not on the card have `bit == 0`).
    pub(crate) entries: Box<[Entry; MAX_OUTCOMES]>,
}

/// A summary: the tables themselves run to thousands of entries.
impl fmt::Debug for Tables {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tables")
            .field("currency", &self.currency)
            .field("outcomes", &self.n)
            .field("first_date", &self.first_date)
            .field("days", &self.days)
            .finish_non_exhaustive()
    }
}

/// One outcome's settlement entry: everything settlement reads per claim,
/// in one place (64 bytes, one cache line, found by a shift).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(align(64))]
pub(crate) struct Entry {
    pub(crate) price: i64,
    pub(crate) prerequisites: u64,
    /// The outcome's bit in a mask of outcomes; zero for an index not on
    /// the card.
    pub(crate) bit: u64,
    /// `bit` if the outcome is paid once per participant, else zero.
    pub(crate) once: u64,
    /// `once | prerequisites`: a participant may be paid the outcome iff
    /// the outcomes accepted so far, masked with `guard`, are exactly
    /// `prerequisites` (an outcome is never its own prerequisite: that is
    /// a cycle, refused when the card is built, so the two are disjoint).
    pub(crate) guard: u64,
    /// Prerequisite depth and outcome index: the low bits of the order key.
    pub(crate) order: u64,
}

/// The within-participant processing key of `c`, whose outcome's
/// prerequisite depth and index are `order`: date, then depth, then index.
#[inline(always)]
pub(crate) fn order_key(c: &Claim, order: u64) -> u64 {
    (u64::from(c.packed_date().get()) << 16) | order
}

impl Tables {
    /// The within-participant processing key, packed into one integer:
    /// date, then prerequisite depth, then outcome index (unknown outcomes
    /// sort after known ones on the same day).
    #[inline]
    pub(crate) fn order_key(&self, c: &Claim) -> u64 {
        order_key(c, self.entries.get(c.outcome().get()).map_or(0, |e| e.order))
    }

    /// The entry of the outcome at index `i`, if it is on the card.
    #[inline]
    pub(crate) fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| e.bit != 0)
    }

    /// Days and calendar months from the window's first day (and first
    /// month) to `date`, if `date` is in the window.
    #[inline]
    pub(crate) fn locate(&self, date: PackedDate) -> Option<(usize, usize)> {
        let (year, month, day) = date.parts();
        let months = (year - self.first_year) * 12 + month - 1;
        let months = usize::try_from(months).ok()?;
        let start = *self.month_starts.get(months)?;
        let offset = usize::try_from(start + day - 1).ok()?;
        (offset < self.days).then_some((offset, months.wrapping_sub(self.first_month)))
    }

    /// What a settlement needs to date its bucket rows.
    pub(crate) fn row_dates(&self) -> RowDates {
        RowDates {
            first_date: self.first_date,
            first_year: self.first_year,
            first_month: self.first_month,
        }
    }

    /// Bucket rows at `granularity`.
    pub(crate) fn rows(&self, granularity: Granularity) -> usize {
        match granularity {
            Granularity::Day => self.days,
            Granularity::Month => self.months,
        }
    }
}

/// The first day of each bucket row: the three fields of [`Tables`] that a
/// settlement keeps (not the tables, which run to kilobytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RowDates {
    first_date: Date,
    first_year: i32,
    first_month: usize,
}

impl RowDates {
    /// The first day of bucket row `row` at `granularity`.
    pub(crate) fn row_date(self, row: usize, granularity: Granularity) -> Option<Date> {
        match granularity {
            Granularity::Day => {
                let days = i64::try_from(row).ok()?;
                self.first_date.checked_add(jiff::Span::new().try_days(days).ok()?).ok()
            }
            Granularity::Month => {
                // By arithmetic, not a span of months: a span holds at most
                // 239,976 months, and a window can run from -9999 to 9999.
                let months = i64::try_from(row.checked_add(self.first_month)?).ok()?;
                let year = i64::from(self.first_year).checked_add(months / 12)?;
                let month = i8::try_from(months % 12 + 1).ok()?;
                Date::new(i16::try_from(year).ok()?, month, 1).ok()
            }
        }
    }
}

/// A rate card as a contract uses it: the card, the contract's bid prices,
/// claim window and caps, validated and compiled to dense tables (prices in
/// `i64` minor units, prerequisites and repeat rules as bitmasks).
///
/// Settle claims with [`settle`](RateCardRule::settle) (a slice),
/// [`settle_iter`](RateCardRule::settle_iter) (any iterator), or
/// [`tally`](RateCardRule::tally) for shards that are merged (see
/// `DESIGN.md`).
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
/// use integration_outcomes::{Currency, Money};
///
/// let card = RateCard::innovation_fund_round_1()?;
/// let terms = RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?)
///     .with_participant_cap(Money::from_major(8_200, Currency::GBP));
/// let rule = RateCardRule::new("if_round_1", card, terms)?;
/// let claims = [
///     rule.claim(1, "entry_to_employment", "2013-03-01".parse()?)?,
///     rule.claim(1, "sustained_employment", "2013-09-01".parse()?)?,
///     rule.claim(2, "sustained_employment", "2013-09-01".parse()?)?, // no entry first
/// ];
/// let settlement = rule.settle(&claims, &Participants::none(), Detail::Audit)?;
/// assert_eq!(settlement.total(), Money::from_major(3_600, Currency::GBP));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "RateCardRuleRepr", into = "RateCardRuleRepr")]
pub struct RateCardRule {
    id: RuleId,
    card: RateCard,
    terms: RateCardTerms,
    tables: Tables,
}

/// The card and terms; the settlement tables compiled from them (thousands
/// of entries) are left out.
impl fmt::Debug for RateCardRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateCardRule")
            .field("id", &self.id)
            .field("card", &self.card)
            .field("terms", &self.terms)
            .finish_non_exhaustive()
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RateCardRuleRepr {
    id: String,
    card: RateCard,
    terms: RateCardTerms,
}

fn minor(
    amount: Money,
    what: impl FnOnce() -> String,
    currency: Currency,
) -> Result<i64, OutcomeError> {
    if amount.currency() != currency {
        return Err(OutcomeError::MixedCurrency {
            item: what(),
            expected: currency,
            found: amount.currency(),
        });
    }
    if amount.is_negative() {
        return Err(OutcomeError::NegativeAmount { what: what(), amount });
    }
    minor_units(amount, what)
}

/// `amount` in `i64` minor units, or an error naming it and the limit.
pub(crate) fn minor_units(
    amount: Money,
    what: impl FnOnce() -> String,
) -> Result<i64, OutcomeError> {
    match amount.to_minor_units() {
        Ok(units) => Ok(units),
        Err(crate::MoneyError::Overflow { .. }) => Err(OutcomeError::AmountTooLarge {
            what: what(),
            amount,
            limit: Money::from_minor(i64::MAX, amount.currency()),
        }),
        Err(e) => Err(e.into()),
    }
}

impl RateCardRule {
    /// Validates `terms` against `card` and compiles the settlement tables.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::InvalidId`]; [`OutcomeError::BidAboveMaximum`] naming
    /// the outcome; [`OutcomeError::MissingBid`] or
    /// [`OutcomeError::UnknownOutcome`] for listed bids or volume caps that do
    /// not match the card; [`OutcomeError::Duplicate`] for an outcome bid or
    /// capped twice; [`OutcomeError::NotPositive`] for a zero bid;
    /// [`OutcomeError::MixedCurrency`], [`OutcomeError::NegativeAmount`] or
    /// [`OutcomeError::Money`] (`NotWholeMinorUnits`) for prices and caps;
    /// [`OutcomeError::AmountTooLarge`] for a price or cap above `i64::MAX`
    /// minor units; [`OutcomeError::Overflow`] if the claim window is too
    /// long to tabulate.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCard, RateCardRule, RateCardTerms};
    /// use integration_outcomes::{Currency, Money};
    /// let window = ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?;
    /// let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?, RateCardTerms::new(window))?;
    /// assert_eq!(rule.card().len(), 9);
    /// // A volume cap on an outcome that is not on the card is refused.
    /// let terms = RateCardTerms::new(window).with_volume_cap("no_such_outcome".parse()?, 10);
    /// assert!(RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?, terms).is_err());
    /// // So is a cap in another currency.
    /// let terms = RateCardTerms::new(window).with_participant_cap(Money::from_major(8_200, Currency::EUR));
    /// assert!(RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?, terms).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        card: RateCard,
        terms: RateCardTerms,
    ) -> Result<RateCardRule, OutcomeError> {
        let id = RuleId::new(id)?;
        let currency = card.currency();
        let n = card.len();
        let mut prices = Vec::with_capacity(n);
        match terms.bids() {
            BidPrices::CardMaximum => {
                for o in card.outcomes() {
                    prices.push(minor_units(o.maximum_price(), || {
                        format!("maximum price of outcome {}", o.id())
                    })?);
                }
            }
            BidPrices::Listed(bids) => {
                let mut by_index: Vec<Option<Money>> = vec![None; n];
                for (outcome, price) in bids {
                    let i = card.index_of(outcome.as_str())?.get();
                    let slot = by_index.get_mut(i).ok_or_else(|| OutcomeError::UnknownOutcome {
                        card: card.id().to_string(),
                        outcome: outcome.to_string(),
                    })?;
                    if slot.replace(*price).is_some() {
                        return Err(OutcomeError::Duplicate {
                            kind: "bid",
                            id: outcome.to_string(),
                        });
                    }
                }
                for (o, bid) in card.outcomes().iter().zip(by_index) {
                    let bid = bid
                        .ok_or_else(|| OutcomeError::MissingBid { outcome: o.id().to_string() })?;
                    let what = || format!("bid price of outcome {}", o.id());
                    let bid_minor = minor(bid, what, currency)?;
                    if bid_minor == 0 {
                        return Err(OutcomeError::NotPositive { what: what(), amount: bid });
                    }
                    if bid.amount() > o.maximum_price().amount() {
                        return Err(OutcomeError::BidAboveMaximum {
                            outcome: o.id().to_string(),
                            bid,
                            maximum: o.maximum_price(),
                        });
                    }
                    prices.push(bid_minor);
                }
            }
        }
        let mut once_mask = 0_u64;
        let mut restricted_mask = 0_u64;
        let mut ages = Vec::with_capacity(n);
        for (i, o) in card.outcomes().iter().enumerate() {
            let bit = 1_u64 << i;
            if o.repeat() == Repeat::OncePerParticipant {
                once_mask |= bit;
            }
            match o.eligibility() {
                Eligibility::Everyone => ages.push(None),
                Eligibility::AgeAtStart(range) => {
                    restricted_mask |= bit;
                    ages.push(Some(range));
                }
            }
        }
        let participant_cap = terms
            .participant_cap()
            .map(|cap| minor(cap, || "per-participant cap".to_owned(), currency))
            .transpose()?;
        let total_cap = terms
            .total_cap()
            .map(|cap| minor(cap, || "total cap".to_owned(), currency))
            .transpose()?;
        let mut volume_caps: Vec<Option<u64>> = vec![None; n];
        let mut volume_mask = 0_u64;
        for (outcome, max_paid) in terms.volume_caps() {
            let i = card.index_of(outcome.as_str())?.get();
            if let Some(slot) = volume_caps.get_mut(i)
                && slot.replace(*max_paid).is_some()
            {
                {
                    return Err(OutcomeError::Duplicate {
                        kind: "volume cap",
                        id: outcome.to_string(),
                    });
                }
            }
            volume_mask |= 1_u64 << i;
        }
        let window = terms.window();
        let first_day = day_number(window.first());
        let last_day = day_number(window.last());
        let days = usize::try_from(i64::from(last_day) - i64::from(first_day) + 1)
            .map_err(|_| OutcomeError::Overflow { operation: "claim window length" })?;
        let first_year = i32::from(window.first().year());
        let mut month_starts = Vec::new();
        for year in window.first().year()..=window.last().year() {
            for month in 1..=12_i8 {
                let first_of_month = Date::new(year, month, 1)
                    .map_err(|_| OutcomeError::Overflow { operation: "claim window months" })?;
                month_starts.push(day_number(first_of_month) - first_day);
            }
        }
        days.checked_mul(n).ok_or(OutcomeError::Overflow { operation: "claim window length" })?;
        let mut entries = Box::new([Entry::default(); MAX_OUTCOMES]);
        for (i, entry) in (0_u64..).zip(entries.iter_mut()) {
            // After every known outcome of the same day, as in `order_key`.
            entry.order = 0xff00 | i;
        }
        for ((((entry, &price), &prerequisites), &depth), i) in entries
            .iter_mut()
            .zip(&prices)
            .zip(card.prerequisite_masks())
            .zip(card.depths())
            .zip(0_u64..)
        {
            let bit = 1_u64 << i;
            *entry = Entry {
                price,
                prerequisites,
                bit,
                once: bit & once_mask,
                guard: (bit & once_mask) | prerequisites,
                order: (u64::from(depth) << 8) | i,
            };
        }
        let tables = Tables {
            currency,
            n,
            restricted_mask,
            ages,
            first_year,
            first_month: usize::try_from(window.first().month() - 1).unwrap_or(0),
            months: month_starts.len().saturating_sub(
                usize::try_from(window.first().month() - 1).unwrap_or(0)
                    + usize::try_from(12 - window.last().month()).unwrap_or(0),
            ),
            month_starts,
            first_date: window.first(),
            days,
            participant_cap,
            volume_caps,
            volume_mask,
            total_cap,
            entries,
        };
        Ok(RateCardRule { id, card, terms, tables })
    }

    /// The rule's id.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCard, RateCardRule, RateCardTerms};
    /// let terms = RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?);
    /// let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?, terms)?;
    /// assert_eq!(rule.id().as_str(), "if_round_1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &RuleId {
        &self.id
    }

    /// The rate card.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCard, RateCardRule, RateCardTerms};
    /// let terms = RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?);
    /// let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?, terms)?;
    /// assert_eq!(rule.card().id().as_str(), "innovation_fund_round_1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn card(&self) -> &RateCard {
        &self.card
    }

    /// The contract's terms.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCard, RateCardRule, RateCardTerms};
    /// let terms = RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?);
    /// let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?, terms)?;
    /// assert_eq!(rule.terms().window().last().to_string(), "2015-09-30");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn terms(&self) -> &RateCardTerms {
        &self.terms
    }

    /// The currency.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::Currency;
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCard, RateCardRule, RateCardTerms};
    /// let terms = RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?);
    /// let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?, terms)?;
    /// assert_eq!(rule.currency(), Currency::GBP);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn currency(&self) -> Currency {
        self.tables.currency
    }

    /// The price the contract pays for the outcome at `index` (its bid).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::{Currency, Money};
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCard, RateCardRule, RateCardTerms};
    /// let terms = RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?);
    /// let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?, terms)?;
    /// // The terms bid the card's maximum prices.
    /// let entry = rule.card().index_of("entry_to_employment")?;
    /// assert_eq!(rule.price(entry), Some(Money::from_major(2_600, Currency::GBP)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn price(&self, index: OutcomeIndex) -> Option<Money> {
        self.tables.entry(index.get()).map(|e| Money::from_minor(e.price, self.tables.currency))
    }

    /// A claim for `participant` achieving the outcome with id `outcome` on `date`.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::UnknownOutcome`] if the outcome is not on the card.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{ClaimWindow, RateCard, RateCardRule, RateCardTerms};
    /// let terms = RateCardTerms::new(ClaimWindow::new("2012-04-01".parse()?, "2015-09-30".parse()?)?);
    /// let rule = RateCardRule::new("if_round_1", RateCard::innovation_fund_round_1()?, terms)?;
    /// let claim = rule.claim(7, "entry_to_employment", "2013-03-04".parse()?)?;
    /// assert_eq!(claim.participant(), 7);
    /// assert_eq!(claim.outcome(), rule.card().index_of("entry_to_employment")?);
    /// assert!(rule.claim(7, "no_such_outcome", "2013-03-04".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn claim(
        &self,
        participant: ParticipantId,
        outcome: &str,
        date: Date,
    ) -> Result<Claim, OutcomeError> {
        Ok(Claim::new(participant, self.card.index_of(outcome)?, date))
    }

    pub(crate) fn tables(&self) -> &Tables {
        &self.tables
    }
}

impl TryFrom<RateCardRuleRepr> for RateCardRule {
    type Error = OutcomeError;
    fn try_from(r: RateCardRuleRepr) -> Result<Self, Self::Error> {
        RateCardRule::new(r.id, r.card, r.terms)
    }
}

impl From<RateCardRule> for RateCardRuleRepr {
    fn from(r: RateCardRule) -> Self {
        RateCardRuleRepr { id: r.id.into(), card: r.card, terms: r.terms }
    }
}
