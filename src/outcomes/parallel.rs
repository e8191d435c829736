//! Parallel rate-card settlement (feature `rayon`).

use rayon::prelude::*;

use super::{
    Claim, Detail, OutcomeError, Participants, RateCardRule, RateCardSettlement, RateCardTally,
};

/// Splits claims sorted by participant into about `parts` runs, each ending
/// at a participant boundary, so that every participant's claims stay in one
/// shard (the condition for merging shards exactly; see `DESIGN.md`).
fn participant_shards(claims: &[Claim], parts: usize) -> Vec<&[Claim]> {
    let parts = parts.max(1);
    let target = claims.len().div_ceil(parts).max(1);
    let mut shards = Vec::with_capacity(parts);
    let mut rest = claims;
    while !rest.is_empty() {
        let mut end = target.min(rest.len());
        // Extend to the end of the participant the cut would split.
        if let Some(last) = end.checked_sub(1).and_then(|i| rest.get(i)) {
            let participant = last.participant();
            end += rest.get(end..).map_or(0, |tail| {
                tail.iter().take_while(|c| c.participant() == participant).count()
            });
        }
        let (shard, tail) = rest.split_at(end.min(rest.len()));
        shards.push(shard);
        rest = tail;
    }
    shards
}

impl RateCardRule {
    /// Settles a slice of claims on all of rayon's threads, with exactly the
    /// result of [`settle`](Self::settle).
    ///
    /// Claims sorted by participant are cut into shards at participant
    /// boundaries and tallied in parallel, then merged; claims in any other
    /// order are first sorted (in parallel) by participant into a copy.
    ///
    /// # Errors
    ///
    /// As for [`settle`](Self::settle).
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Claim, ClaimWindow, Detail, Participants, RateCard, RateCardRule, RateCardTerms};
    /// let rule = RateCardRule::new("if", RateCard::innovation_fund_round_2()?,
    ///     RateCardTerms::new(ClaimWindow::new("2012-11-01".parse()?, "2015-12-31".parse()?)?))?;
    /// let skills = rule.card().index_of("basic_skills")?;
    /// let claims: Vec<Claim> = (0..1_000_u64).map(|p| Claim::new(p % 300, skills, "2013-06-01".parse().unwrap())).collect();
    /// let people = Participants::none();
    /// let parallel = rule.settle_parallel(&claims, &people, Detail::TotalsOnly)?;
    /// assert_eq!(parallel, rule.settle(&claims, &people, Detail::TotalsOnly)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn settle_parallel(
        &self,
        claims: &[Claim],
        participants: &Participants,
        detail: Detail,
    ) -> Result<RateCardSettlement, OutcomeError> {
        // Claims sorted by participant are settled shard by shard without a
        // separate pass to check their order: each shard's tally finds out
        // whether its claims are sorted, and the shards' boundaries are
        // compared here. Only if every shard and boundary is in order may
        // the tallies be merged; otherwise a participant might be in two
        // shards, and a sorted copy is settled instead.
        if let Some(tallies) = self.tally_shards(claims, participants, detail)? {
            return merge(self, participants, detail, tallies);
        }
        let mut copy = claims.to_vec();
        copy.par_sort_unstable_by_key(Claim::participant);
        match self.tally_shards(&copy, participants, detail)? {
            Some(tallies) => merge(self, participants, detail, tallies),
            // Not reached: the copy is sorted. Settling it on one thread
            // is right whatever the order.
            None => self.settle(&copy, participants, detail),
        }
    }

    /// Tallies of `claims` cut into shards at participant boundaries, in
    /// parallel; `None` if the claims are not sorted by participant.
    fn tally_shards<'a>(
        &'a self,
        claims: &[Claim],
        participants: &'a Participants,
        detail: Detail,
    ) -> Result<Option<Vec<RateCardTally<'a>>>, OutcomeError> {
        let shards = participant_shards(claims, rayon::current_num_threads().saturating_mul(4));
        let in_order = shards.windows(2).all(|pair| match pair {
            [a, b] => a.last().map(Claim::participant) < b.first().map(Claim::participant),
            _ => true,
        });
        if !in_order {
            return Ok(None);
        }
        let tallies = shards
            .par_iter()
            .map(|shard| {
                let mut tally = self.tally(participants, detail);
                let sorted = tally.add_if_sorted(shard)?;
                Ok(sorted.then_some(tally))
            })
            .collect::<Result<Vec<_>, OutcomeError>>()?;
        Ok(tallies.into_iter().collect())
    }
}

/// The tallies merged and finished.
fn merge(
    rule: &RateCardRule,
    participants: &Participants,
    detail: Detail,
    tallies: Vec<RateCardTally<'_>>,
) -> Result<RateCardSettlement, OutcomeError> {
    let mut merged = rule.tally(participants, detail);
    for tally in tallies {
        merged = merged.merge(tally)?;
    }
    merged.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcomes::{ClaimWindow, OutcomeIndex, RateCard, RateCardOutcome, RateCardTerms};
    use crate::{Currency, Date, Money};

    /// Each shard in order but not the whole: a participant in two shards
    /// would be paid a once-only outcome twice if their tallies were
    /// merged.
    #[test]
    fn shards_in_order_one_by_one_but_not_together_are_settled_from_a_sorted_copy() {
        let outcome =
            RateCardOutcome::new("job", "a job", Money::from_major(100, Currency::GBP)).unwrap();
        let card = RateCard::new("card", Currency::GBP, vec![outcome]).unwrap();
        let window =
            ClaimWindow::new(Date::constant(2020, 1, 1), Date::constant(2020, 12, 31)).unwrap();
        let rule = RateCardRule::new("rule", card, RateCardTerms::new(window)).unwrap();
        let job = OutcomeIndex::new(0).unwrap();
        let claims: Vec<Claim> = [1, 2, 1, 2, 1, 2, 1, 2]
            .iter()
            .map(|p| Claim::new(*p, job, Date::constant(2020, 5, 1)))
            .collect();
        let people = Participants::none();
        for detail in [Detail::TotalsOnly, Detail::Audit] {
            let parallel = rule.settle_parallel(&claims, &people, detail).unwrap();
            assert_eq!(parallel, rule.settle(&claims, &people, detail).unwrap());
            assert_eq!(parallel.total(), Money::from_major(200, Currency::GBP));
        }
    }

    #[test]
    fn shards_never_split_a_participant() {
        let o = OutcomeIndex::new(0).unwrap();
        let d = Date::constant(2013, 1, 1);
        let claims: Vec<Claim> =
            [1, 1, 1, 2, 3, 3, 3, 3, 4, 5, 5].iter().map(|p| Claim::new(*p, o, d)).collect();
        for parts in 1..=12 {
            let shards = participant_shards(&claims, parts);
            assert_eq!(shards.iter().map(|s| s.len()).sum::<usize>(), claims.len());
            for pair in shards.windows(2) {
                assert_ne!(pair[0].last().unwrap().participant(), pair[1][0].participant());
            }
        }
        assert!(participant_shards(&[], 4).is_empty());
    }
}
