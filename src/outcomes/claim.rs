//! Outcome claims and the participants they are made for.

use std::collections::HashMap;

use super::packed_date::PackedDate;
use super::rate_card::age_on;
use super::{OutcomeError, OutcomeIndex};
use crate::Date;

/// Identifies a participant (a young person, a prisoner) by number, as a
/// provider's management-information export would.
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{Claim, Participant, ParticipantId, Participants, RateCard};
/// let id: ParticipantId = 1_000_042; // a plain u64
/// let card = RateCard::innovation_fund_round_1()?;
/// let claim = Claim::new(id, card.index_of("entry_to_employment")?, "2013-05-01".parse()?);
/// assert_eq!(claim.participant(), id);
/// let people = Participants::new(vec![Participant::with_age_at_start(id, "2013-01-14".parse()?, 15)])?;
/// assert_eq!(people.get(claim.participant()).map(Participant::age_at_start), Some(15));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type ParticipantId = u64;

/// A claim that a participant achieved an outcome on a date.
///
/// Claims are small `Copy` values (16 bytes) carrying the outcome's dense
/// [`OutcomeIndex`] and the date packed into one integer, so that millions
/// can be settled without allocation and each is read in a few loads.
/// Build them with [`RateCardRule::claim`](crate::outcomes::RateCardRule::claim)
/// (by outcome id) or [`Claim::new`] (by index).
///
/// # Example
///
/// ```
/// use integration_outcomes::outcomes::{Claim, RateCard};
/// let card = RateCard::innovation_fund_round_1()?;
/// let claim = Claim::new(42, card.index_of("entry_to_employment")?, "2013-05-01".parse()?);
/// assert_eq!(claim.participant(), 42);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(from = "ClaimRepr", into = "ClaimRepr")]
pub struct Claim {
    participant: ParticipantId,
    date: PackedDate,
    outcome: OutcomeIndex,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimRepr {
    participant: ParticipantId,
    #[serde(with = "crate::civil_date")]
    date: Date,
    outcome: OutcomeIndex,
}

impl From<ClaimRepr> for Claim {
    fn from(r: ClaimRepr) -> Claim {
        Claim::new(r.participant, r.outcome, r.date)
    }
}

impl From<Claim> for ClaimRepr {
    fn from(c: Claim) -> ClaimRepr {
        ClaimRepr { participant: c.participant, date: c.date(), outcome: c.outcome }
    }
}

impl std::fmt::Debug for Claim {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Claim")
            .field("participant", &self.participant)
            .field("date", &self.date())
            .field("outcome", &self.outcome)
            .finish()
    }
}

impl Claim {
    /// A claim for `participant` achieving `outcome` on `date`.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Claim, RateCard};
    /// let card = RateCard::innovation_fund_round_1()?;
    /// let entry = card.index_of("entry_to_employment")?;
    /// let claim = Claim::new(42, entry, "2013-05-01".parse()?);
    /// assert_eq!(claim.outcome(), entry);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(participant: ParticipantId, outcome: OutcomeIndex, date: Date) -> Claim {
        Claim { participant, date: PackedDate::new(date), outcome }
    }

    /// The participant.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Claim, RateCard};
    /// let card = RateCard::innovation_fund_round_1()?;
    /// let entry = card.index_of("entry_to_employment")?;
    /// let claim = Claim::new(42, entry, "2013-05-01".parse()?);
    /// assert_eq!(claim.participant(), 42);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn participant(&self) -> ParticipantId {
        self.participant
    }

    /// The outcome's index on the rate card.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Claim, RateCard};
    /// let card = RateCard::innovation_fund_round_1()?;
    /// let entry = card.index_of("entry_to_employment")?;
    /// let claim = Claim::new(42, entry, "2013-05-01".parse()?);
    /// assert_eq!(claim.outcome(), entry);
    /// assert_eq!(card.outcome(claim.outcome()).map(|o| o.id().as_str()), Some("entry_to_employment"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn outcome(&self) -> OutcomeIndex {
        self.outcome
    }

    /// The date the outcome was achieved (and is claimed for).
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Claim, RateCard};
    /// let card = RateCard::innovation_fund_round_1()?;
    /// let entry = card.index_of("entry_to_employment")?;
    /// let claim = Claim::new(42, entry, "2013-05-01".parse()?);
    /// assert_eq!(claim.date().to_string(), "2013-05-01");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn date(&self) -> Date {
        self.date.date()
    }

    /// The date, packed.
    pub(crate) const fn packed_date(&self) -> PackedDate {
        self.date
    }
}

/// What settlement needs to know about a participant: their programme start
/// and age at start (for eligibility such as "aged 14–15 at start").
///
/// ```
/// use integration_outcomes::outcomes::Participant;
/// let p = Participant::new(7, "1998-09-01".parse()?, "2013-01-14".parse()?)?;
/// assert_eq!(p.age_at_start(), 14);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "ParticipantRepr", into = "ParticipantRepr")]
pub struct Participant {
    id: ParticipantId,
    start: Date,
    age_at_start: u16,
    born: Option<Date>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ParticipantRepr {
    id: ParticipantId,
    #[serde(with = "crate::civil_date")]
    start: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::civil_date::option")]
    born: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    age_at_start: Option<u16>,
}

impl Participant {
    /// A participant born on `born` who started on `start`; the age at start
    /// is computed in whole years (someone born on 29 February turns a year
    /// older on 1 March in non-leap years).
    ///
    /// # Errors
    ///
    /// [`OutcomeError::StartBeforeBirth`] if `start` precedes `born`.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::Participant;
    /// let p = Participant::new(7, "1998-09-01".parse()?, "2013-01-14".parse()?)?;
    /// assert_eq!(p.age_at_start(), 14);
    /// assert!(Participant::new(7, "2013-01-14".parse()?, "1998-09-01".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: ParticipantId, born: Date, start: Date) -> Result<Participant, OutcomeError> {
        let age_at_start = age_on(born, start).ok_or(OutcomeError::StartBeforeBirth {
            participant: id,
            born,
            start,
        })?;
        Ok(Participant { id, start, age_at_start, born: Some(born) })
    }

    /// A participant known only by their age at start (when the date of
    /// birth is withheld).
    ///
    /// ```
    /// use integration_outcomes::outcomes::Participant;
    /// let p = Participant::with_age_at_start(7, "2013-01-14".parse()?, 15);
    /// assert_eq!(p.date_of_birth(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn with_age_at_start(id: ParticipantId, start: Date, age: u16) -> Participant {
        Participant { id, start, age_at_start: age, born: None }
    }

    /// The participant's id.
    ///
    /// ```
    /// use integration_outcomes::outcomes::Participant;
    /// let p = Participant::new(7, "1998-09-01".parse()?, "2013-01-14".parse()?)?;
    /// assert_eq!(p.id(), 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn id(&self) -> ParticipantId {
        self.id
    }

    /// Programme start.
    ///
    /// ```
    /// use integration_outcomes::outcomes::Participant;
    /// let p = Participant::new(7, "1998-09-01".parse()?, "2013-01-14".parse()?)?;
    /// assert_eq!(p.start().to_string(), "2013-01-14");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn start(&self) -> Date {
        self.start
    }

    /// Age in whole years at programme start.
    ///
    /// ```
    /// use integration_outcomes::outcomes::Participant;
    /// let p = Participant::new(7, "1998-09-01".parse()?, "2013-01-14".parse()?)?;
    /// assert_eq!(p.age_at_start(), 14);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn age_at_start(&self) -> u16 {
        self.age_at_start
    }

    /// Date of birth, if given.
    ///
    /// ```
    /// use integration_outcomes::outcomes::Participant;
    /// let p = Participant::new(7, "1998-09-01".parse()?, "2013-01-14".parse()?)?;
    /// assert_eq!(p.date_of_birth().map(|d| d.to_string()), Some("1998-09-01".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn date_of_birth(&self) -> Option<Date> {
        self.born
    }
}

impl TryFrom<ParticipantRepr> for Participant {
    type Error = OutcomeError;
    fn try_from(r: ParticipantRepr) -> Result<Self, Self::Error> {
        match (r.born, r.age_at_start) {
            (Some(born), None) => Participant::new(r.id, born, r.start),
            (None, Some(age)) => Ok(Participant::with_age_at_start(r.id, r.start, age)),
            (Some(born), Some(age)) => {
                let p = Participant::new(r.id, born, r.start)?;
                if p.age_at_start == age {
                    Ok(p)
                } else {
                    Err(OutcomeError::AgeMismatch {
                        participant: r.id,
                        given: age,
                        computed: p.age_at_start,
                    })
                }
            }
            (None, None) => Err(OutcomeError::EmptyField {
                item: format!("participant {}", r.id),
                field: "born or age_at_start",
            }),
        }
    }
}

impl From<Participant> for ParticipantRepr {
    fn from(p: Participant) -> Self {
        ParticipantRepr {
            id: p.id,
            start: p.start,
            born: p.born,
            age_at_start: if p.born.is_some() { None } else { Some(p.age_at_start) },
        }
    }
}

/// The participants of a contract, looked up by id during settlement (once
/// per participant, and only when a claimed outcome has an eligibility
/// condition).
///
/// ```
/// use integration_outcomes::outcomes::{Participant, Participants};
/// let people = Participants::new(vec![
///     Participant::with_age_at_start(1, "2013-01-14".parse()?, 14),
///     Participant::with_age_at_start(2, "2013-01-14".parse()?, 19),
/// ])?;
/// assert_eq!(people.get(2).map(|p| p.age_at_start()), Some(19));
/// assert!(Participants::new(vec![Participant::with_age_at_start(1, "2013-01-14".parse()?, 14); 2]).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Participants {
    by_id: HashMap<ParticipantId, Participant>,
}

impl Participants {
    /// Participants keyed by id.
    ///
    /// # Errors
    ///
    /// [`OutcomeError::Duplicate`] if an id appears twice.
    ///
    /// # Example
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Participant, Participants};
    /// let people = Participants::new(vec![
    ///     Participant::with_age_at_start(1, "2013-01-14".parse()?, 14),
    ///     Participant::with_age_at_start(2, "2013-01-14".parse()?, 19),
    /// ])?;
    /// assert_eq!(people.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(participants: Vec<Participant>) -> Result<Participants, OutcomeError> {
        let mut by_id = HashMap::with_capacity(participants.len());
        for p in participants {
            if by_id.insert(p.id, p).is_some() {
                return Err(OutcomeError::Duplicate { kind: "participant", id: p.id.to_string() });
            }
        }
        Ok(Participants { by_id })
    }

    /// No participant details (enough when no outcome has an eligibility
    /// condition).
    ///
    /// ```
    /// use integration_outcomes::outcomes::Participants;
    /// let nobody = Participants::none();
    /// assert!(nobody.is_empty());
    /// assert!(nobody.get(1).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn none() -> Participants {
        Participants::default()
    }

    /// The participant with `id`, if registered.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Participant, Participants};
    /// let people = Participants::new(vec![
    ///     Participant::with_age_at_start(1, "2013-01-14".parse()?, 14),
    ///     Participant::with_age_at_start(2, "2013-01-14".parse()?, 19),
    /// ])?;
    /// assert_eq!(people.get(1).map(|p| p.age_at_start()), Some(14));
    /// assert!(people.get(3).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn get(&self, id: ParticipantId) -> Option<&Participant> {
        self.by_id.get(&id)
    }

    /// The number of participants.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Participant, Participants};
    /// let people = Participants::new(vec![
    ///     Participant::with_age_at_start(1, "2013-01-14".parse()?, 14),
    ///     Participant::with_age_at_start(2, "2013-01-14".parse()?, 19),
    /// ])?;
    /// assert_eq!(people.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether there are none.
    ///
    /// ```
    /// use integration_outcomes::outcomes::{Participant, Participants};
    /// let people = Participants::new(vec![
    ///     Participant::with_age_at_start(1, "2013-01-14".parse()?, 14),
    ///     Participant::with_age_at_start(2, "2013-01-14".parse()?, 19),
    /// ])?;
    /// assert!(!people.is_empty());
    /// assert!(Participants::none().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

impl serde::Serialize for Participants {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut list: Vec<&Participant> = self.by_id.values().collect();
        list.sort_by_key(|p| p.id);
        list.serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Participants {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let list = Vec::<Participant>::deserialize(deserializer)?;
        Participants::new(list).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::{Claim, Participant};

    /// Claims keep their date packed, but read and write it as a date.
    #[test]
    fn a_claim_reads_and_writes_its_date_as_a_date() {
        let json = r#"{"participant":7,"date":"-000044-03-15","outcome":3}"#;
        let claim: Claim = serde_json::from_str(json).unwrap();
        assert_eq!(claim.date(), crate::Date::constant(-44, 3, 15));
        assert_eq!(serde_json::to_string(&claim).unwrap(), json);
        assert!(format!("{claim:?}").contains("date: -000044-03-15"), "{claim:?}");
        let unknown = json.replace("}", r#","paid":true}"#);
        assert!(serde_json::from_str::<Claim>(&unknown).is_err());
    }

    /// A date with a time, an offset or a zone is refused, not cut to its
    /// date (it used to be read as 1 May, 1 January and so on).
    #[test]
    fn a_claim_date_with_a_time_is_refused() {
        for text in [
            "2013-05-01T23:00-05:00",
            "2020-01-01 12:00",
            "2020-01-01T00:00Z",
            "2020-01-01[Europe/London]",
            "2020-01-01T00:00:00+00:00[Europe/London]",
        ] {
            let json = format!(r#"{{"participant":7,"date":"{text}","outcome":3}}"#);
            let err = serde_json::from_str::<Claim>(&json).unwrap_err();
            assert!(err.to_string().contains("is not a date"), "{text}: {err}");
        }
        assert!(
            serde_json::from_str::<Claim>(r#"{"participant":7,"date":"2013-5-1","outcome":3}"#)
                .is_err()
        );
    }

    #[test]
    fn an_age_at_start_that_contradicts_the_date_of_birth_is_named() {
        let agreeing = r#"{"id":7,"start":"2015-01-10","born":"2000-01-01","age_at_start":15}"#;
        assert_eq!(serde_json::from_str::<Participant>(agreeing).unwrap().age_at_start(), 15);
        let disagreeing = agreeing.replace("15}", "14}");
        let err = serde_json::from_str::<Participant>(&disagreeing).unwrap_err();
        assert!(err.to_string().contains("given as 14 at start"), "{err}");
    }
}
