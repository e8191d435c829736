//! Settling a contract: every rule's draft lines, then, once for all rules,
//! the contract's rounding, the rules' cumulative caps and the contract cap,
//! the payer splits and the totals.
//!
//! The order is fixed and stated (see `DESIGN.md`):
//!
//! 1. Each rule drafts its lines from its evidence ([`rules`](super::rules)),
//!    with exact amounts after the rule's own decisions.
//! 2. Lines are put in canonical order: date, rule (in contract order), then
//!    outcome, participant and a sequence number taken from the evidence's
//!    content, never from the order it was listed in.
//! 3. Amounts are rounded once, where the policy says: each line
//!    ([`RoundingStage::PerLine`]) or each rule's total for each period
//!    ([`RoundingStage::PerTotal`]).
//! 4. The rounded amounts are taken, in canonical order, from the rule's
//!    cumulative cap and then from the contract cap, each cap rounded toward
//!    zero to the rounding unit. A cap that binds is therefore paid exactly,
//!    no line or total ever exceeds one, and an amount a cap refuses takes
//!    nothing from any other.
//! 5. Payers are given their shares of the running total of the rules they
//!    pay, in (period, rule) order, in the contract's rounding unit, by a
//!    split that never gives a payer less of a larger amount: each payment
//!    is what the running total's split adds. Payments sum to each rule's
//!    total for the period, and each payer's total is exactly its split of
//!    the whole.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::rules::{DraftContext, Drafts};
use super::statement::{OutcomeTotal, Payment};
use super::{
    CapKind, Contract, Decision, Detail, Evidence, OutcomeError, PayerId, PayerShares, Period,
    RateCardSettlement, Statement, StatementLine,
};
use crate::{Currency, Date, Money, RoundingPolicy, RoundingStage, RoundingStrategy};

/// An amount to round and cap: a statement line, or (for a rate card
/// keeping totals only) a day-or-month bucket of one outcome.
struct Item {
    key: (Date, usize, u8, u64, u32),
    rule: usize,
    period: Period,
    label: String,
    line: Option<usize>,
    exact: Decimal,
    amount: Decimal,
    /// Reduced by the rule's own cap (then never rounded above its exact
    /// amount).
    capped: bool,
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, OutcomeError> {
    match a.checked_add(b) {
        Some(sum) => Ok(sum),
        None => Err(OutcomeError::Overflow { operation: "statement total" }),
    }
}

/// Adds `amount` to what `kind` withheld.
fn withhold(
    withheld: &mut BTreeMap<CapKind, Decimal>,
    kind: CapKind,
    amount: Decimal,
) -> Result<(), OutcomeError> {
    let slot = withheld.entry(kind).or_default();
    *slot = add(*slot, amount)?;
    Ok(())
}

/// What is left under the caps that apply to one rule's amounts: its own
/// cumulative cap and the contract cap, in rounding units.
struct Rooms {
    rule: Vec<Option<(Decimal, CapKind)>>,
    contract: Option<Decimal>,
    withheld: BTreeMap<CapKind, Decimal>,
}

impl Rooms {
    fn new(contract: &Contract) -> Rooms {
        let policy = contract.rounding();
        let floor =
            |m: Money| RoundingStrategy::TowardZero.round(m.amount(), policy.decimal_places());
        Rooms {
            rule: contract
                .rules()
                .iter()
                .map(|r| r.payment_rule().cumulative_cap().map(|(c, k)| (floor(c), k)))
                .collect(),
            contract: contract.cap().map(floor),
            withheld: BTreeMap::new(),
        }
    }

    /// Takes `amount` of rule `rule` from the rule's cap and then the
    /// contract cap: what is paid, and the cap that reduced it, if one did.
    fn take(
        &mut self,
        rule: usize,
        amount: Decimal,
    ) -> Result<(Decimal, Option<CapKind>), OutcomeError> {
        let mut value = amount;
        let mut by = None;
        if let Some(Some((room, kind))) = self.rule.get_mut(rule) {
            if value > *room {
                withhold(&mut self.withheld, *kind, value - *room)?;
                value = *room;
                by = Some(*kind);
            }
            *room -= value;
        }
        if let Some(room) = self.contract.as_mut() {
            if value > *room {
                let kind = CapKind::ContractCap;
                withhold(&mut self.withheld, kind, value - *room)?;
                // What the contract cap refuses stays in the rule's room.
                if let Some(Some((r, _))) = self.rule.get_mut(rule) {
                    *r += value - *room;
                }
                value = *room;
                by = Some(kind);
            }
            *room -= value;
        }
        Ok((value, by))
    }
}

/// A statement under construction: the lines, the amounts to round and
/// cap, and what the caps have left.
struct Work {
    lines: Vec<StatementLine>,
    items: Vec<Item>,
    rate_cards: Vec<RateCardSettlement>,
    labels: Vec<Option<Vec<String>>>,
    rooms: Rooms,
    /// Each rule's total for each period, once rounded and capped.
    groups: BTreeMap<(Period, usize), Decimal>,
}

/// Settles `contract` with `evidence`, keeping `detail`.
pub(crate) fn settle(
    contract: &Contract,
    evidence: &Evidence<'_>,
    detail: Detail,
) -> Result<Statement, OutcomeError> {
    for id in evidence.rule_ids() {
        if !contract.rules().iter().any(|r| r.id().as_str() == id) {
            return Err(OutcomeError::UnknownRule { rule: id.to_owned() });
        }
    }
    let mut work = draft(contract, evidence, detail)?;
    round_and_cap(contract, &mut work)?;
    pay(contract, detail, work)
}

/// Steps 1 and 2: every rule's drafts, in canonical order.
fn draft(
    contract: &Contract,
    evidence: &Evidence<'_>,
    detail: Detail,
) -> Result<Work, OutcomeError> {
    let periodicity = contract.periodicity();
    let cx = DraftContext { periodicity, detail, contract_cap: contract.cap().is_some() };
    let mut lines: Vec<StatementLine> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut rate_cards = Vec::new();
    let mut labels: Vec<Option<Vec<String>>> = Vec::new();
    let mut rooms = Rooms::new(contract);
    for (r, rule) in contract.rules().iter().enumerate() {
        let Drafts { lines: drafts, labels: fixed, withheld, rate_card } =
            rule.payment_rule().draft(evidence.for_rule(rule)?, cx)?;
        for (kind, amount) in withheld {
            withhold(&mut rooms.withheld, kind, amount)?;
        }
        rate_cards.extend(rate_card);
        labels.push(fixed);
        for d in drafts {
            let capped = d.is_capped();
            let (date, outcome, participant, seq) = d.key;
            let line = d.line.map(|l| {
                lines.push(l);
                lines.len() - 1
            });
            items.push(Item {
                key: (date, r, outcome, participant, seq),
                rule: r,
                period: periodicity.period_of(date),
                label: d.label,
                line,
                exact: d.exact,
                amount: Decimal::ZERO,
                capped,
            });
        }
    }
    items.sort_by(|a, b| a.key.cmp(&b.key).then(a.line.cmp(&b.line)));

    Ok(Work { lines, items, rate_cards, labels, rooms, groups: BTreeMap::new() })
}

/// Steps 3 and 4: rounding once, then the caps, in canonical order.
fn round_and_cap(contract: &Contract, work: &mut Work) -> Result<(), OutcomeError> {
    let currency = contract.currency();
    let policy = contract.rounding();
    let Work { lines, items, rooms, groups, .. } = work;
    match policy.stage() {
        RoundingStage::PerLine => {
            for item in items.iter_mut() {
                let rounded = round_line(policy, item.exact, item.capped);
                let (value, by) = rooms.take(item.rule, rounded)?;
                item.amount = value;
                if let Some(line) = item.line.and_then(|l| lines.get_mut(l)) {
                    line.amount = Money::new(value, currency);
                    if let Some(by) = by {
                        line.decision = Decision::Capped { by };
                    }
                }
                let slot = groups.entry((item.period, item.rule)).or_default();
                *slot = add(*slot, value)?;
            }
        }
        RoundingStage::PerTotal => {
            let mut members: BTreeMap<(Period, usize), Vec<usize>> = BTreeMap::new();
            for (k, item) in items.iter_mut().enumerate() {
                item.amount = item.exact;
                let slot = groups.entry((item.period, item.rule)).or_default();
                *slot = add(*slot, item.exact)?;
                members.entry((item.period, item.rule)).or_default().push(k);
            }
            for ((period, rule), total) in groups.iter_mut() {
                let rounded = policy.round(*total);
                let (value, by) = rooms.take(*rule, rounded)?;
                *total = value;
                let Some(by) = by else { continue };
                // The cut comes off the group's latest lines.
                let mut cut = rounded - value;
                for &k in members.get(&(*period, *rule)).into_iter().flatten().rev() {
                    let Some(item) = items.get_mut(k) else { continue };
                    if cut.is_zero() {
                        break;
                    }
                    let less = item.amount.min(cut);
                    if less.is_zero() {
                        continue;
                    }
                    item.amount -= less;
                    cut -= less;
                    if let Some(line) = item.line.and_then(|l| lines.get_mut(l)) {
                        line.amount = Money::new(item.amount, currency);
                        line.decision = Decision::Capped { by };
                    }
                }
            }
        }
    }

    Ok(())
}

/// Step 5 and the totals: payments, the running totals' splits, and the
/// statement.
fn pay(contract: &Contract, detail: Detail, work: Work) -> Result<Statement, OutcomeError> {
    let currency = contract.currency();
    let policy = contract.rounding();
    let periodicity = contract.periodicity();
    let Work { lines, items, rate_cards, labels, rooms, groups } = work;
    // 5: payments. The payers of each rule are given their shares of the
    // running total of every rule they pay, in (period, rule) order: a
    // payment is what that running total's split adds, so each payer's
    // total is exactly its split of the whole, and grows with it.
    let mut payments = Vec::new();
    let mut by_payer: Vec<(PayerId, Decimal)> = Vec::new();
    let mut by_period: BTreeMap<Period, Decimal> = BTreeMap::new();
    let mut by_rule: Vec<Decimal> = vec![Decimal::ZERO; contract.rules().len()];
    let mut total = Decimal::ZERO;
    // Per set of payer shares: the running total and its split so far.
    let mut running: Vec<(&PayerShares, Decimal, Vec<Decimal>)> = Vec::new();
    for ((period, r), amount) in &groups {
        // Nothing owed, nothing to pay (and no zero rows that depend on
        // whether rejected claims were listed).
        let (Some(rule), false) = (contract.rules().get(*r), amount.is_zero()) else { continue };
        let payers = contract.payers_of(rule.id());
        let k = match running.iter().position(|(p, _, _)| *p == payers) {
            Some(k) => k,
            None => {
                running.push((payers, Decimal::ZERO, vec![Decimal::ZERO; payers.shares().len()]));
                running.len() - 1
            }
        };
        let Some((_, so_far, split_so_far)) = running.get_mut(k) else { continue };
        *so_far = add(*so_far, *amount)?;
        let parts = payers.split_in(Money::new(*so_far, currency), policy.decimal_places())?;
        for ((payer, part), before) in parts.into_iter().zip(split_so_far.iter_mut()) {
            let paid = part.amount() - *before;
            *before = part.amount();
            match by_payer.iter_mut().find(|(p, _)| *p == payer) {
                Some((_, sum)) => *sum = add(*sum, paid)?,
                None => by_payer.push((payer.clone(), paid)),
            }
            payments.push(Payment {
                rule: rule.id().clone(),
                period: *period,
                payer,
                amount: Money::new(paid, currency),
            });
        }
        let slot = by_period.entry(*period).or_default();
        *slot = add(*slot, *amount)?;
        if let Some(slot) = by_rule.get_mut(*r) {
            *slot = add(*slot, *amount)?;
        }
        total = add(total, *amount)?;
    }

    let by_outcome = totals_by_outcome(contract, &items, &labels, currency)?;
    // Lines in canonical order.
    let order: Vec<usize> = items.iter().filter_map(|i| i.line).collect();
    let mut slots: Vec<Option<StatementLine>> = lines.into_iter().map(Some).collect();
    let lines = order.into_iter().filter_map(|k| slots.get_mut(k).and_then(Option::take)).collect();
    let money = |m: Decimal| Money::new(m, currency);
    Ok(Statement {
        contract: contract.id().clone(),
        currency,
        rounding: policy,
        periodicity,
        detail,
        lines,
        rate_cards,
        by_rule: contract
            .rules()
            .iter()
            .zip(by_rule)
            .map(|(r, m)| (r.id().clone(), money(m)))
            .collect(),
        by_outcome,
        by_period: by_period.into_iter().map(|(p, m)| (p, money(m))).collect(),
        by_payer: by_payer.into_iter().map(|(p, m)| (p, money(m))).collect(),
        payments,
        withheld: rooms
            .withheld
            .into_iter()
            .filter(|(_, m)| !m.is_zero())
            .map(|(k, m)| (k, money(m)))
            .collect(),
        total: money(total),
    })
}

/// A line rounded per the policy; a line a rule's cap reduced is never
/// rounded above its exact amount.
fn round_line(policy: RoundingPolicy, exact: Decimal, capped: bool) -> Decimal {
    let rounded = policy.round(exact);
    if capped && rounded > exact {
        RoundingStrategy::TowardZero.round(exact, policy.decimal_places())
    } else {
        rounded
    }
}

/// Totals by outcome: a rate card lists every outcome on its card, in card
/// order (whether or not claims were listed); other rules list their
/// cohorts or measurements in date order.
fn totals_by_outcome(
    contract: &Contract,
    items: &[Item],
    labels: &[Option<Vec<String>>],
    currency: Currency,
) -> Result<Vec<OutcomeTotal>, OutcomeError> {
    let mut sums: BTreeMap<(usize, &str), Decimal> = BTreeMap::new();
    let mut first_seen: Vec<(usize, &str)> = Vec::new();
    for item in items {
        let key = (item.rule, item.label.as_str());
        let slot = sums.entry(key).or_insert_with(|| {
            first_seen.push(key);
            Decimal::ZERO
        });
        *slot = add(*slot, item.amount)?;
    }
    let mut out = Vec::new();
    for (r, rule) in contract.rules().iter().enumerate() {
        let listed: Vec<&str> = match labels.get(r).and_then(Option::as_ref) {
            Some(fixed) => fixed.iter().map(String::as_str).collect(),
            None => first_seen.iter().filter(|(k, _)| *k == r).map(|(_, l)| *l).collect(),
        };
        for label in listed {
            let sum = sums.get(&(r, label)).copied().unwrap_or(Decimal::ZERO);
            out.push(OutcomeTotal {
                rule: rule.id().clone(),
                outcome: label.to_owned(),
                amount: Money::new(sum, currency),
            });
        }
    }
    Ok(out)
}
