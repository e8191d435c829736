//! Ordinal scales of named levels.

use serde::{Deserialize, Serialize};

use super::FrameworkError;
use super::text::non_empty;

/// One level of an ordinal scale: its number and, where the framework names
/// it, its name (AQuA level 1 is "Commitment"; SCIROCCO levels are numbers only).
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::ScaleLevel;
///
/// let level = ScaleLevel::named(1, "Commitment")?;
/// assert_eq!(level.level(), 1);
/// assert_eq!(level.name(), Some("Commitment"));
/// assert_eq!(level.to_string(), "1 Commitment");
/// assert_eq!(ScaleLevel::numbered(0).to_string(), "0");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "ScaleLevelRepr")]
pub struct ScaleLevel {
    level: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScaleLevelRepr {
    level: u8,
    #[serde(default)]
    name: Option<String>,
}

impl TryFrom<ScaleLevelRepr> for ScaleLevel {
    type Error = FrameworkError;
    fn try_from(repr: ScaleLevelRepr) -> Result<Self, Self::Error> {
        match repr.name {
            Some(name) => ScaleLevel::named(repr.level, name),
            None => Ok(ScaleLevel::numbered(repr.level)),
        }
    }
}

impl ScaleLevel {
    /// A level with a name.
    ///
    /// # Errors
    ///
    /// [`FrameworkError::EmptyText`] if the name is empty.
    ///
    /// ```
    /// use integration_outcomes::maturity::ScaleLevel;
    /// assert!(ScaleLevel::named(2, " ").is_err());
    /// ```
    pub fn named(level: u8, name: impl Into<String>) -> Result<ScaleLevel, FrameworkError> {
        let name = non_empty(name.into(), || format!("name of scale level {level}"))?;
        Ok(ScaleLevel { level, name: Some(name) })
    }

    /// A level known only by its number.
    ///
    /// ```
    /// use integration_outcomes::maturity::ScaleLevel;
    /// assert_eq!(ScaleLevel::numbered(3).name(), None);
    /// ```
    #[must_use]
    pub const fn numbered(level: u8) -> ScaleLevel {
        ScaleLevel { level, name: None }
    }

    /// The level's number.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// let levels: Vec<u8> = aqua.scale().levels().iter().map(|l| l.level()).collect();
    /// assert_eq!(levels, [1, 2, 3, 4, 5]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn level(&self) -> u8 {
        self.level
    }

    /// The level's name, if the framework names it.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// assert_eq!(aqua.scale().level(1).and_then(|l| l.name()), Some("Commitment"));
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    /// assert_eq!(scirocco.scale().level(1).and_then(|l| l.name()), None); // numbers only
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
}

impl std::fmt::Display for ScaleLevel {
    /// Writes `1 Commitment`, or just the number for an unnamed level.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.name {
            Some(name) => write!(f, "{} {}", self.level, name),
            None => write!(f, "{}", self.level),
        }
    }
}

/// The most levels a scale may have.
const MAX_LEVELS: usize = 100;

/// An ordinal scale: two to 100 levels numbered by consecutive integers,
/// lowest first (AQuA 1–5, SCIROCCO 0–5).
///
/// Agreement measures depend on the scale, not on the scores observed: the
/// number of levels `A` gives r_wg's null variance `(A² − 1) / 12`, and the
/// scale width `max − min` is the denominator of Tastle–Wierman consensus.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Scale, ScaleLevel};
///
/// let scale = Scale::new(vec![
///     ScaleLevel::named(1, "Low")?,
///     ScaleLevel::named(2, "Medium")?,
///     ScaleLevel::named(3, "High")?,
/// ])?;
/// assert_eq!((scale.min(), scale.max(), scale.len()), (1, 3, 3));
/// assert!(scale.contains(2) && !scale.contains(4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "Vec<ScaleLevel>", into = "Vec<ScaleLevel>")]
pub struct Scale {
    levels: Vec<ScaleLevel>,
    min: u8,
    max: u8,
}

impl TryFrom<Vec<ScaleLevel>> for Scale {
    type Error = FrameworkError;
    fn try_from(levels: Vec<ScaleLevel>) -> Result<Self, Self::Error> {
        Scale::new(levels)
    }
}

impl From<Scale> for Vec<ScaleLevel> {
    fn from(scale: Scale) -> Self {
        scale.levels
    }
}

impl Scale {
    /// A scale from its levels, lowest first.
    ///
    /// # Errors
    ///
    /// - [`FrameworkError::ScaleTooShort`] with fewer than two levels, and
    ///   [`FrameworkError::ScaleTooLong`] with more than 100;
    /// - [`FrameworkError::DuplicateLevel`] if a number repeats;
    /// - [`FrameworkError::ScaleNotConsecutive`] if the numbers do not ascend by one.
    ///
    /// ```
    /// use integration_outcomes::maturity::{FrameworkError, Scale, ScaleLevel};
    ///
    /// let err = Scale::new(vec![ScaleLevel::numbered(0), ScaleLevel::numbered(2)]).unwrap_err();
    /// assert_eq!(err, FrameworkError::ScaleNotConsecutive { previous: 0, next: 2 });
    /// ```
    pub fn new(levels: Vec<ScaleLevel>) -> Result<Scale, FrameworkError> {
        if levels.len() < 2 {
            return Err(FrameworkError::ScaleTooShort { levels: levels.len() });
        }
        if levels.len() > MAX_LEVELS {
            return Err(FrameworkError::ScaleTooLong { levels: levels.len() });
        }
        for pair in levels.windows(2) {
            if let [a, b] = pair {
                if a.level == b.level {
                    return Err(FrameworkError::DuplicateLevel { level: a.level });
                }
                if a.level.checked_add(1) != Some(b.level) {
                    // A repeat further on is still a duplicate, not a gap.
                    if levels.iter().filter(|l| l.level == b.level).count() > 1 {
                        return Err(FrameworkError::DuplicateLevel { level: b.level });
                    }
                    return Err(FrameworkError::ScaleNotConsecutive {
                        previous: a.level,
                        next: b.level,
                    });
                }
            }
        }
        let min = levels.first().map_or(0, ScaleLevel::level);
        let max = levels.last().map_or(0, ScaleLevel::level);
        Ok(Scale { levels, min, max })
    }

    /// A scale of unnamed levels `min..=max`.
    ///
    /// # Errors
    ///
    /// [`FrameworkError::ScaleTooShort`] if `max <= min`, and
    /// [`FrameworkError::ScaleTooLong`] for more than 100 levels
    /// (`max − min ≥ 100`).
    ///
    /// ```
    /// use integration_outcomes::maturity::{FrameworkError, Scale};
    /// let scirocco = Scale::numbered(0, 5)?;
    /// assert_eq!(scirocco.len(), 6);
    /// assert_eq!(Scale::numbered(3, 3), Err(FrameworkError::ScaleTooShort { levels: 1 }));
    /// assert_eq!(Scale::numbered(0, 100), Err(FrameworkError::ScaleTooLong { levels: 101 }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn numbered(min: u8, max: u8) -> Result<Scale, FrameworkError> {
        Scale::new((min..=max).map(ScaleLevel::numbered).collect())
    }

    /// The lowest level.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    ///
    /// assert_eq!(scirocco.scale().min(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn min(&self) -> u8 {
        self.min
    }

    /// The highest level.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// assert_eq!(aqua.scale().max(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn max(&self) -> u8 {
        self.max
    }

    /// The number of levels (`A` in the agreement formulas).
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    ///
    /// assert_eq!(scirocco.scale().len(), 6); // 0 to 5
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.levels.len()
    }

    /// Always `false`: a scale has at least two levels. Present because
    /// `len` is.
    ///
    /// ```
    /// use integration_outcomes::maturity::Scale;
    /// assert!(!Scale::numbered(1, 5)?.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.levels.is_empty()
    }

    /// Whether `level` is on the scale.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// assert!(aqua.scale().contains(1));
    /// assert!(!aqua.scale().contains(0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn contains(&self, level: u8) -> bool {
        level >= self.min && level <= self.max
    }

    /// The levels, lowest first.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// let names: Vec<&str> = aqua.scale().levels().iter().filter_map(|l| l.name()).collect();
    /// assert_eq!(names, ["Commitment", "Enabling", "Implementation", "Embedding", "Sustainable Delivery"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn levels(&self) -> &[ScaleLevel] {
        &self.levels
    }

    /// The level numbered `level`, if the scale has it.
    ///
    /// ```
    /// use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// assert_eq!(aqua.scale().level(5).and_then(|l| l.name()), Some("Sustainable Delivery"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn level(&self, level: u8) -> Option<&ScaleLevel> {
        let index = usize::from(level.checked_sub(self.min)?);
        self.levels.get(index)
    }

    /// Position of `level` counted from the lowest level (0-based).
    pub(crate) fn index_of(&self, level: u8) -> Option<usize> {
        if self.contains(level) { Some(usize::from(level - self.min)) } else { None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_short_duplicate_and_gapped_scales() {
        assert_eq!(
            Scale::new(vec![ScaleLevel::numbered(1)]),
            Err(FrameworkError::ScaleTooShort { levels: 1 })
        );
        assert_eq!(
            Scale::new(vec![ScaleLevel::numbered(1), ScaleLevel::numbered(1)]),
            Err(FrameworkError::DuplicateLevel { level: 1 })
        );
        assert_eq!(
            Scale::new(vec![
                ScaleLevel::numbered(1),
                ScaleLevel::numbered(2),
                ScaleLevel::numbered(1)
            ]),
            Err(FrameworkError::DuplicateLevel { level: 1 })
        );
        assert_eq!(
            Scale::new(vec![ScaleLevel::numbered(3), ScaleLevel::numbered(2)]),
            Err(FrameworkError::ScaleNotConsecutive { previous: 3, next: 2 })
        );
    }

    #[test]
    fn serde_goes_through_validation() {
        let scale: Scale =
            serde_json::from_str(r#"[{"level":0},{"level":1,"name":"One"}]"#).unwrap();
        assert_eq!(scale.level(1).unwrap().name(), Some("One"));
        assert_eq!(scale.index_of(1), Some(1));
        assert!(serde_json::from_str::<Scale>(r#"[{"level":0},{"level":2}]"#).is_err());
        assert!(serde_json::from_str::<Scale>(r#"[{"level":0},{"level":1,"name":""}]"#).is_err());
        let json = serde_json::to_string(&scale).unwrap();
        assert_eq!(json, r#"[{"level":0},{"level":1,"name":"One"}]"#);
    }
}
