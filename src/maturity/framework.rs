//! Frameworks as data: domains, guiding questions and level descriptors.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::derive::DerivationRepr;
use super::scale::ScaleLevelRepr;
use super::text::non_empty;
use super::{BUILTIN_FRAMEWORKS, Derivation, FrameworkError, Scale, ScaleLevel};

/// Where a framework, or one of its domains, comes from.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::Source;
///
/// let source = Source::new("SCIROCCO Exchange")?
///     .with_edition("2019")
///     .with_url("https://sciroccoexchange.com/process-coordination");
/// assert_eq!(source.edition(), Some("2019"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "SourceRepr")]
pub struct Source {
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    edition: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceRepr {
    title: String,
    #[serde(default)]
    edition: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

impl TryFrom<SourceRepr> for Source {
    type Error = FrameworkError;
    fn try_from(repr: SourceRepr) -> Result<Self, Self::Error> {
        let mut source = Source::new(repr.title)?;
        source.edition = repr.edition;
        source.url = repr.url;
        source.note = repr.note;
        Ok(source)
    }
}

impl Source {
    /// A source by its title.
    ///
    /// # Errors
    ///
    /// [`FrameworkError::EmptyText`] if the title is empty.
    ///
    /// ```
    /// use integration_outcomes::maturity::Source;
    /// assert!(Source::new("").is_err());
    /// ```
    pub fn new(title: impl Into<String>) -> Result<Source, FrameworkError> {
        let title = non_empty(title.into(), || "source title".to_owned())?;
        Ok(Source { title, edition: None, url: None, note: None })
    }

    /// The same source with an edition or version.
    ///
    /// ```
    /// use integration_outcomes::maturity::Source;
    /// let source = Source::new("SCIROCCO Exchange")?.with_edition("2019");
    /// assert_eq!(source.edition(), Some("2019"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_edition(mut self, edition: impl Into<String>) -> Source {
        self.edition = Some(edition.into());
        self
    }

    /// The same source with a URL.
    ///
    /// ```
    /// use integration_outcomes::maturity::Source;
    /// let source = Source::new("SCIROCCO Exchange")?.with_url("https://sciroccoexchange.com/process-coordination");
    /// assert_eq!(source.url(), Some("https://sciroccoexchange.com/process-coordination"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Source {
        self.url = Some(url.into());
        self
    }

    /// The same source with a note on provenance (what was and was not retrieved).
    ///
    /// ```
    /// use integration_outcomes::maturity::Source;
    /// let source = Source::new("SCIROCCO Exchange")?.with_note("level 5 not retrieved");
    /// assert_eq!(source.note(), Some("level 5 not retrieved"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Source {
        self.note = Some(note.into());
        self
    }

    /// The title.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// assert!(aqua.source().title().starts_with("Advancing Quality Alliance (AQuA)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The edition or version, if recorded.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// assert_eq!(aqua.source().edition(), Some("2014 toolkit"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn edition(&self) -> Option<&str> {
        self.edition.as_deref()
    }

    /// The URL, if recorded.
    ///
    /// ```
    /// use integration_outcomes::maturity::Source;
    /// assert_eq!(Source::new("Partnership board paper")?.url(), None);
    /// let source = Source::new("SCIROCCO")?.with_url("https://www.scirocco-project.eu/maturitymodel/");
    /// assert_eq!(source.url(), Some("https://www.scirocco-project.eu/maturitymodel/"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// The provenance note, if any.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    ///
    /// let innovation = scirocco.domain("innovation_management").unwrap();
    /// assert_eq!(innovation.source().unwrap().note(), Some("no level text was retrieved in any edition"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}

/// How faithfully a level descriptor's text reproduces its source.
///
/// The crate never invents descriptor text: where the source was cut short the
/// descriptor is [`Truncated`](DescriptorStatus::Truncated) and holds what was
/// retrieved, and where no text was published or retrieved it is
/// [`Unavailable`](DescriptorStatus::Unavailable) and holds none.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{DescriptorStatus, Framework};
///
/// let scirocco = Framework::builtin("scirocco-b3")?;
/// let innovation = scirocco.domain("innovation_management").unwrap();
/// assert!(innovation.descriptors().iter().all(|d| d.status() == DescriptorStatus::Unavailable));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DescriptorStatus {
    /// The text is the source's wording, verbatim.
    Verbatim,
    /// The text is a condensed paraphrase of the published wording; read the
    /// source for the exact text.
    Paraphrase,
    /// The source copy was cut short; the text is what was retrieved.
    Truncated,
    /// No text was published or retrieved; the descriptor has no text.
    Unavailable,
}

/// What one level means in one domain.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Descriptor, DescriptorStatus};
///
/// let d = Descriptor::verbatim(1, "Senior leaders have agreed to work on system integration.");
/// assert_eq!(d.status(), DescriptorStatus::Verbatim);
/// assert_eq!(Descriptor::unavailable(5).text(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Descriptor {
    level: u8,
    status: DescriptorStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl Descriptor {
    /// A descriptor quoted verbatim from its source.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Descriptor, DescriptorStatus};
    /// let d = Descriptor::verbatim(1, "Senior leaders have agreed to work on system integration.");
    /// assert_eq!(d.status(), DescriptorStatus::Verbatim);
    /// assert_eq!(d.text(), Some("Senior leaders have agreed to work on system integration."));
    /// ```
    #[must_use]
    pub fn verbatim(level: u8, text: impl Into<String>) -> Descriptor {
        Descriptor {
            level,
            status: DescriptorStatus::Verbatim,
            text: Some(text.into()),
            note: None,
        }
    }

    /// A descriptor condensed from its source's wording.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Descriptor, DescriptorStatus};
    /// let d = Descriptor::paraphrase(0, "fragmented structure and governance");
    /// assert_eq!(d.status(), DescriptorStatus::Paraphrase);
    /// assert_eq!(d.level(), 0);
    /// ```
    #[must_use]
    pub fn paraphrase(level: u8, text: impl Into<String>) -> Descriptor {
        Descriptor {
            level,
            status: DescriptorStatus::Paraphrase,
            text: Some(text.into()),
            note: None,
        }
    }

    /// A descriptor whose source copy was cut short: `text` is what was retrieved.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Descriptor, DescriptorStatus};
    /// let d = Descriptor::truncated(4, "services are coordinated across");
    /// assert_eq!(d.status(), DescriptorStatus::Truncated);
    /// assert_eq!(d.text(), Some("services are coordinated across"));
    /// ```
    #[must_use]
    pub fn truncated(level: u8, text: impl Into<String>) -> Descriptor {
        Descriptor {
            level,
            status: DescriptorStatus::Truncated,
            text: Some(text.into()),
            note: None,
        }
    }

    /// A descriptor with no published or retrieved text.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Descriptor, DescriptorStatus};
    /// let d = Descriptor::unavailable(5);
    /// assert_eq!(d.status(), DescriptorStatus::Unavailable);
    /// assert_eq!(d.text(), None);
    /// ```
    #[must_use]
    pub const fn unavailable(level: u8) -> Descriptor {
        Descriptor { level, status: DescriptorStatus::Unavailable, text: None, note: None }
    }

    /// The same descriptor with a provenance note.
    ///
    /// ```
    /// use integration_outcomes::maturity::Descriptor;
    /// let d = Descriptor::unavailable(5).with_note("not retrieved");
    /// assert_eq!(d.note(), Some("not retrieved"));
    /// ```
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Descriptor {
        self.note = Some(note.into());
        self
    }

    /// The level described.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    ///
    /// let levels: Vec<u8> = scirocco.domains()[0].descriptors().iter().map(|d| d.level()).collect();
    /// assert_eq!(levels, [0, 1, 2, 3, 4, 5]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn level(&self) -> u8 {
        self.level
    }

    /// How faithful the text is.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{DescriptorStatus, Framework};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let descriptor = aqua.domain("leadership").unwrap().descriptor(1).unwrap();
    /// assert_eq!(descriptor.status(), DescriptorStatus::Verbatim);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn status(&self) -> DescriptorStatus {
        self.status
    }

    /// The text, unless [`DescriptorStatus::Unavailable`].
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// let text = aqua.domain("leadership").unwrap().descriptor(1).unwrap().text().unwrap();
    /// assert!(text.starts_with("Senior leaders have agreed to work on system integration"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The provenance note, if any.
    ///
    /// ```
    /// use integration_outcomes::maturity::Descriptor;
    /// assert_eq!(Descriptor::verbatim(1, "Leaders have agreed to work together.").note(), None);
    /// assert_eq!(Descriptor::unavailable(5).with_note("not retrieved").note(), Some("not retrieved"));
    /// ```
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    fn check(&self, domain: &str) -> Result<(), FrameworkError> {
        let inconsistent = |reason| FrameworkError::InconsistentDescriptor {
            domain: domain.to_owned(),
            level: self.level,
            reason,
        };
        match (&self.text, self.status) {
            (Some(_), DescriptorStatus::Unavailable) => {
                Err(inconsistent("an unavailable descriptor must not have text"))
            }
            (None, DescriptorStatus::Unavailable) => Ok(()),
            (None, _) => Err(inconsistent("a published descriptor needs its text")),
            (Some(text), _) => non_empty(text.clone(), || {
                format!("descriptor of domain {domain:?} level {}", self.level)
            })
            .map(drop),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DescriptorRepr {
    level: u8,
    status: DescriptorStatus,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

impl From<DescriptorRepr> for Descriptor {
    fn from(repr: DescriptorRepr) -> Self {
        // Consistency is checked by `Framework::new`, which knows the domain.
        Descriptor { level: repr.level, status: repr.status, text: repr.text, note: repr.note }
    }
}

/// One domain (SCIROCCO calls them dimensions): id, name, guiding questions
/// and one descriptor per level of the framework's scale.
///
/// A domain is checked against the scale when its framework is built.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Descriptor, Domain};
///
/// let domain = Domain::new("leadership", "Leadership")?
///     .with_question("Do we have leaders with the right 'system' skill set?")
///     .with_descriptor(Descriptor::verbatim(1, "Leaders have agreed to work together."));
/// assert_eq!(domain.guiding_questions().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Domain {
    id: String,
    name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    guiding_questions: Vec<String>,
    descriptors: Vec<Descriptor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<Source>,
}

impl Domain {
    /// A domain with no questions or descriptors yet.
    ///
    /// # Errors
    ///
    /// [`FrameworkError::EmptyText`] if the id or name is empty.
    ///
    /// ```
    /// use integration_outcomes::maturity::Domain;
    /// assert!(Domain::new("culture", "").is_err());
    /// ```
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Result<Domain, FrameworkError> {
        let id = non_empty(id.into(), || "domain id".to_owned())?;
        let name = non_empty(name.into(), || format!("name of domain {id:?}"))?;
        Ok(Domain {
            id,
            name,
            guiding_questions: Vec::new(),
            descriptors: Vec::new(),
            source: None,
        })
    }

    /// The same domain with one more guiding question.
    ///
    /// ```
    /// use integration_outcomes::maturity::Domain;
    /// let domain = Domain::new("leadership", "Leadership")?
    ///     .with_question("Do we have leaders with the right 'system' skill set?");
    /// assert_eq!(domain.guiding_questions(), ["Do we have leaders with the right 'system' skill set?"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_question(mut self, question: impl Into<String>) -> Domain {
        self.guiding_questions.push(question.into());
        self
    }

    /// The same domain with one more level descriptor.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Descriptor, Domain};
    /// let domain = Domain::new("leadership", "Leadership")?
    ///     .with_descriptor(Descriptor::verbatim(1, "Leaders have agreed to work together."));
    /// assert_eq!(domain.descriptors().len(), 1);
    /// assert!(domain.descriptor(1).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_descriptor(mut self, descriptor: Descriptor) -> Domain {
        self.descriptors.push(descriptor);
        self
    }

    /// The same domain with its own source (for frameworks whose domains
    /// come from different editions, such as SCIROCCO).
    ///
    /// ```
    /// use integration_outcomes::maturity::{Domain, Source};
    /// let domain = Domain::new("digital_infrastructure", "Digital infrastructure")?
    ///     .with_source(Source::new("SCIROCCO Exchange")?);
    /// assert_eq!(domain.source().map(|s| s.title()), Some("SCIROCCO Exchange"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Domain {
        self.source = Some(source);
        self
    }

    /// The id, unique within the framework.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// assert_eq!(aqua.domains()[0].id(), "leadership");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name shown to people.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// assert_eq!(aqua.domain("information_and_it").unwrap().name(), "Information and IT");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The guiding questions, in order.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// assert_eq!(aqua.domain("leadership").unwrap().guiding_questions().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn guiding_questions(&self) -> &[String] {
        &self.guiding_questions
    }

    /// The level descriptors, lowest level first once validated.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// let culture = aqua.domain("culture").unwrap();
    /// let levels: Vec<u8> = culture.descriptors().iter().map(|d| d.level()).collect();
    /// assert_eq!(levels, [1, 2, 3, 4, 5]); // one per level of the scale
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn descriptors(&self) -> &[Descriptor] {
        &self.descriptors
    }

    /// The descriptor for `level`, if any.
    ///
    /// ```
    /// use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let text = aqua.domain("governance").unwrap().descriptor(3).unwrap().text().unwrap();
    /// assert!(text.starts_with("Shared accountability for performance"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn descriptor(&self, level: u8) -> Option<&Descriptor> {
        self.descriptors.iter().find(|d| d.level == level)
    }

    /// The domain's own source, if it differs from the framework's.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    /// let digital = scirocco.domain("digital_infrastructure").unwrap();
    /// assert_eq!(digital.source().and_then(|s| s.edition()), Some("SCIROCCO Exchange"));
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// assert!(aqua.domain("culture").unwrap().source().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn source(&self) -> Option<&Source> {
        self.source.as_ref()
    }

    pub(crate) fn set_name(&mut self, name: String) {
        self.name = name;
    }

    pub(crate) fn question_mut(&mut self, number: usize) -> Option<&mut String> {
        self.guiding_questions.get_mut(number.checked_sub(1)?)
    }

    /// Checks the domain against `scale` and sorts its descriptors by level.
    fn validate(&mut self, scale: &Scale) -> Result<(), FrameworkError> {
        for (i, question) in self.guiding_questions.iter().enumerate() {
            non_empty(question.clone(), || {
                format!("guiding question {} of domain {:?}", i + 1, self.id)
            })?;
        }
        let mut seen = HashSet::new();
        for descriptor in &self.descriptors {
            if !scale.contains(descriptor.level) {
                return Err(FrameworkError::DescriptorOffScale {
                    domain: self.id.clone(),
                    level: descriptor.level,
                });
            }
            if !seen.insert(descriptor.level) {
                return Err(FrameworkError::DuplicateDescriptor {
                    domain: self.id.clone(),
                    level: descriptor.level,
                });
            }
            descriptor.check(&self.id)?;
        }
        if let Some(missing) = scale.levels().iter().find(|l| !seen.contains(&l.level())) {
            return Err(FrameworkError::MissingDescriptor {
                domain: self.id.clone(),
                level: missing.level(),
            });
        }
        self.descriptors.sort_by_key(Descriptor::level);
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DomainRepr {
    id: String,
    name: String,
    #[serde(default)]
    guiding_questions: Vec<String>,
    descriptors: Vec<DescriptorRepr>,
    #[serde(default)]
    source: Option<SourceRepr>,
}

impl TryFrom<DomainRepr> for Domain {
    type Error = FrameworkError;
    fn try_from(repr: DomainRepr) -> Result<Self, Self::Error> {
        let mut domain = Domain::new(repr.id, repr.name)?;
        domain.guiding_questions = repr.guiding_questions;
        domain.descriptors = repr.descriptors.into_iter().map(Descriptor::from).collect();
        domain.source = repr.source.map(Source::try_from).transpose()?;
        Ok(domain)
    }
}

/// An integration maturity framework: an ordinal scale and the domains a
/// partnership scores itself on, with where it comes from and, for an
/// adjusted framework, what changed from its parent.
///
/// Frameworks are data. The built-ins ([`Framework::builtin`]) are JSON
/// files parsed through the same validating path as [`Framework::from_json`]
/// and serde deserialisation.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Descriptor, Domain, Framework, Scale, Source};
///
/// let scale = Scale::numbered(1, 2)?;
/// let domain = Domain::new("governance", "Governance")?
///     .with_descriptor(Descriptor::verbatim(1, "Partners have agreed to integrate."))
///     .with_descriptor(Descriptor::verbatim(2, "Joint governance is in place."));
/// let framework = Framework::new("mini", "A two-level framework", Source::new("example")?, scale, vec![domain])?;
/// assert_eq!(framework.domains().len(), 1);
///
/// // Serde goes through the same validation.
/// let json = serde_json::to_string(&framework)?;
/// let back: Framework = serde_json::from_str(&json)?;
/// assert_eq!(back, framework);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "FrameworkRepr")]
pub struct Framework {
    id: String,
    name: String,
    source: Source,
    scale: Scale,
    domains: Vec<Domain>,
    #[serde(skip_serializing_if = "Option::is_none")]
    derivation: Option<Derivation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameworkRepr {
    id: String,
    name: String,
    source: SourceRepr,
    scale: Vec<ScaleLevelRepr>,
    domains: Vec<DomainRepr>,
    #[serde(default)]
    derivation: Option<DerivationRepr>,
}

impl TryFrom<FrameworkRepr> for Framework {
    type Error = FrameworkError;
    fn try_from(repr: FrameworkRepr) -> Result<Self, Self::Error> {
        let framework = Framework::from_repr(repr)?;
        // Rounds, comparisons and merges tell frameworks apart by id: a
        // framework read under a built-in's id must be that built-in.
        if BUILTIN_FRAMEWORKS.contains(&framework.id())
            && !Framework::builtin(framework.id()).is_ok_and(|builtin| builtin == framework)
        {
            return Err(FrameworkError::BuiltinId { id: framework.id().to_owned() });
        }
        Ok(framework)
    }
}

impl Framework {
    /// A framework from its JSON form, validated but for the check that a
    /// built-in's id is on that built-in: the built-ins are read this way.
    fn from_repr(repr: FrameworkRepr) -> Result<Framework, FrameworkError> {
        // Nested parts are validated here rather than by serde, so that their
        // errors stay structured instead of becoming JSON messages.
        let source = Source::try_from(repr.source)?;
        let levels = repr.scale.into_iter().map(ScaleLevel::try_from).collect::<Result<_, _>>()?;
        let scale = Scale::new(levels)?;
        let domains = repr.domains.into_iter().map(Domain::try_from).collect::<Result<_, _>>()?;
        let mut framework = Framework::new(repr.id, repr.name, source, scale, domains)?;
        if let Some(derivation) = repr.derivation {
            framework.derivation = Some(Derivation::try_from(derivation)?);
        }
        // Checked as carried, so that a built-in read back equals itself.
        if let Some(derivation) = &framework.derivation {
            derivation.check_against(&framework)?;
        }
        Ok(framework)
    }
}

/// A domain's id or name as a column heading matches it: trimmed, runs of
/// white space made one space, lower case.
fn heading_key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl Framework {
    /// A validated framework.
    ///
    /// # Errors
    ///
    /// - [`FrameworkError::EmptyText`] for an empty id, name or guiding question;
    /// - [`FrameworkError::NoDomains`] with no domains;
    /// - [`FrameworkError::DuplicateDomain`] if two domains share an id;
    /// - [`FrameworkError::AmbiguousDomainName`] if one domain's id or name
    ///   is another's, ignoring case and spaces;
    /// - [`FrameworkError::DescriptorOffScale`], [`FrameworkError::DuplicateDescriptor`],
    ///   [`FrameworkError::MissingDescriptor`] unless every domain describes
    ///   each level of the scale exactly once;
    /// - [`FrameworkError::InconsistentDescriptor`] if a descriptor's status
    ///   and text disagree.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Framework, FrameworkError, Scale, Source};
    /// let err = Framework::new("x", "X", Source::new("s")?, Scale::numbered(0, 5)?, vec![]).unwrap_err();
    /// assert!(matches!(err, FrameworkError::NoDomains { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: impl Into<String>,
        name: impl Into<String>,
        source: Source,
        scale: Scale,
        domains: Vec<Domain>,
    ) -> Result<Framework, FrameworkError> {
        let id = non_empty(id.into(), || "framework id".to_owned())?;
        let name = non_empty(name.into(), || format!("name of framework {id:?}"))?;
        if domains.is_empty() {
            return Err(FrameworkError::NoDomains { framework: id });
        }
        let mut domains = domains;
        let mut ids = HashSet::new();
        for domain in &mut domains {
            if !ids.insert(domain.id.clone()) {
                return Err(FrameworkError::DuplicateDomain { domain: domain.id.clone() });
            }
            domain.validate(&scale)?;
        }
        // Ids and names share one namespace, as column headings read them.
        let mut called: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
        for domain in &domains {
            for label in [domain.id.as_str(), domain.name()] {
                let key = heading_key(label);
                match called.get(key.as_str()) {
                    Some(first) if *first != domain.id => {
                        return Err(FrameworkError::AmbiguousDomainName {
                            name: label.to_owned(),
                            first: (*first).to_owned(),
                            second: domain.id.clone(),
                        });
                    }
                    _ => {
                        called.insert(key, &domain.id);
                    }
                }
            }
        }
        Ok(Framework { id, name, source, scale, domains, derivation: None })
    }

    /// A framework from JSON, validated.
    ///
    /// # Errors
    ///
    /// [`FrameworkError::Json`] for malformed JSON (including unknown fields),
    /// [`FrameworkError::BuiltinId`] for a built-in framework's id (see
    /// [`BUILTIN_FRAMEWORKS`]) on anything but that built-in, otherwise the
    /// validation errors of [`Framework::new`] and, for a derived
    /// framework, of its [`Derivation`]: [`FrameworkError::EmptyText`],
    /// [`FrameworkError::SameIdAsParent`], [`FrameworkError::UnknownDomain`] for an adjustment naming a domain the
    /// framework did not have at that step, [`FrameworkError::UnknownQuestion`]
    /// for a reworded question numbered 0 or beyond the questions of its
    /// domain in this framework (a domain a later subset removes is not in the
    /// JSON, so its question numbers are not checked),
    /// [`FrameworkError::DuplicateDomain`] or [`FrameworkError::DomainNotKept`]
    /// for a subset that does not match the domains after it.
    ///
    /// A framework of your own:
    ///
    /// ```
    /// use integration_outcomes::maturity::{DescriptorStatus, Framework};
    ///
    /// let json = r#"{
    ///   "id": "local-readiness-2026",
    ///   "name": "Local integration readiness",
    ///   "source": {"title": "Partnership board paper", "edition": "March 2026"},
    ///   "scale": [{"level": 1, "name": "Starting"}, {"level": 2, "name": "Developing"}, {"level": 3, "name": "Established"}],
    ///   "domains": [{
    ///     "id": "shared_records",
    ///     "name": "Shared care records",
    ///     "guiding_questions": ["Can every partner see the care plan?"],
    ///     "descriptors": [
    ///       {"level": 1, "status": "verbatim", "text": "Partners have agreed to share records."},
    ///       {"level": 2, "status": "verbatim", "text": "Records are shared for one pathway."},
    ///       {"level": 3, "status": "unavailable", "note": "to be written after the pilot"}
    ///     ]
    ///   }]
    /// }"#;
    /// let framework = Framework::from_json(json)?;
    /// let records = framework.domain("shared_records").unwrap();
    /// assert_eq!(records.descriptor(3).unwrap().status(), DescriptorStatus::Unavailable);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// Validation errors keep their structure:
    ///
    /// ```
    /// use integration_outcomes::maturity::{Framework, FrameworkError};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let json = serde_json::to_string(&aqua)?;
    /// assert_eq!(Framework::from_json(&json)?, aqua);
    /// let broken = json.replace("\"level\":5", "\"level\":6");
    /// assert!(matches!(Framework::from_json(&broken), Err(FrameworkError::DescriptorOffScale { .. } | FrameworkError::ScaleNotConsecutive { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Framework, FrameworkError> {
        Framework::try_from(Framework::parse(json)?)
    }

    /// A built-in framework from its embedded JSON.
    pub(crate) fn from_builtin_json(json: &str) -> Result<Framework, FrameworkError> {
        Framework::from_repr(Framework::parse(json)?)
    }

    fn parse(json: &str) -> Result<FrameworkRepr, FrameworkError> {
        serde_json::from_str(json).map_err(|e| FrameworkError::Json { message: e.to_string() })
    }

    /// The id, such as `aqua-sif-2014`.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    ///
    /// assert_eq!(scirocco.id(), "scirocco-b3");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// assert_eq!(aqua.name(), "AQuA System Integration Framework");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Where the framework comes from.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// assert_eq!(aqua.source().edition(), Some("2014 toolkit"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The ordinal scale.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    ///
    /// let scale = scirocco.scale();
    /// assert_eq!((scale.min(), scale.max(), scale.len()), (0, 5, 6));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn scale(&self) -> &Scale {
        &self.scale
    }

    /// The domains, in the framework's order.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// assert_eq!(aqua.domains().len(), 8);
    /// assert_eq!(aqua.domains()[1].id(), "governance");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domains(&self) -> &[Domain] {
        &self.domains
    }

    /// The domain with this id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// assert_eq!(aqua.domain("governance").unwrap().name(), "Governance");
    /// assert!(aqua.domain("finance").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    /// The domain a column heading names: its id or its name, ignoring case
    /// and runs of spaces (unambiguous: no two domains share either).
    #[cfg(feature = "csv")]
    pub(crate) fn domain_by_heading(&self, heading: &str) -> Option<&Domain> {
        let key = heading_key(heading);
        self.domains.iter().find(|d| heading_key(&d.id) == key || heading_key(d.name()) == key)
    }

    /// For an adjusted framework, its parent and the changes made.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let chorley = Framework::builtin("aqua-sif-chorley")?;
    /// assert_eq!(chorley.derivation().unwrap().parent(), "aqua-sif-2014");
    /// assert!(Framework::builtin("aqua-sif-2014")?.derivation().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn derivation(&self) -> Option<&Derivation> {
        self.derivation.as_ref()
    }

    pub(crate) fn domain_position(&self, id: &str) -> Option<usize> {
        self.domains.iter().position(|d| d.id == id)
    }

    pub(crate) fn domains_mut(&mut self) -> &mut Vec<Domain> {
        &mut self.domains
    }

    pub(crate) fn set_source(&mut self, source: Source) {
        self.source = source;
    }

    pub(crate) fn set_identity(&mut self, id: String, name: String, derivation: Derivation) {
        self.id = id;
        self.name = name;
        self.derivation = Some(derivation);
    }

    /// Re-runs validation after a derivation changed the framework.
    pub(crate) fn revalidate(self) -> Result<Framework, FrameworkError> {
        let derivation = self.derivation;
        let mut framework =
            Framework::new(self.id, self.name, self.source, self.scale, self.domains)?;
        framework.derivation = derivation;
        Ok(framework)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_level_domain(id: &str) -> Domain {
        Domain::new(id, "Name")
            .unwrap()
            .with_descriptor(Descriptor::verbatim(2, "two"))
            .with_descriptor(Descriptor::verbatim(1, "one"))
    }

    fn build(domains: Vec<Domain>) -> Result<Framework, FrameworkError> {
        Framework::new("f", "F", Source::new("s")?, Scale::numbered(1, 2)?, domains)
    }

    #[test]
    fn validation_errors_name_the_domain_and_level() {
        assert_eq!(build(vec![]), Err(FrameworkError::NoDomains { framework: "f".into() }));
        assert_eq!(
            build(vec![two_level_domain("a"), two_level_domain("a")]),
            Err(FrameworkError::DuplicateDomain { domain: "a".into() })
        );
        let off = two_level_domain("a").with_descriptor(Descriptor::verbatim(3, "three"));
        assert_eq!(
            build(vec![off]),
            Err(FrameworkError::DescriptorOffScale { domain: "a".into(), level: 3 })
        );
        let dup = two_level_domain("a").with_descriptor(Descriptor::verbatim(1, "again"));
        assert_eq!(
            build(vec![dup]),
            Err(FrameworkError::DuplicateDescriptor { domain: "a".into(), level: 1 })
        );
        let missing =
            Domain::new("a", "A").unwrap().with_descriptor(Descriptor::verbatim(1, "one"));
        assert_eq!(
            build(vec![missing]),
            Err(FrameworkError::MissingDescriptor { domain: "a".into(), level: 2 })
        );
        let blank = Domain::new("a", "A")
            .unwrap()
            .with_descriptor(Descriptor::verbatim(1, " "))
            .with_descriptor(Descriptor::unavailable(2));
        assert!(matches!(build(vec![blank]), Err(FrameworkError::EmptyText { .. })));
        let question = two_level_domain("a").with_question("");
        assert!(matches!(build(vec![question]), Err(FrameworkError::EmptyText { .. })));
        assert!(matches!(Domain::new(" ", "A"), Err(FrameworkError::EmptyText { .. })));
    }

    #[test]
    fn descriptors_are_sorted_by_level() {
        let f = build(vec![two_level_domain("a")]).unwrap();
        let levels: Vec<u8> = f.domains()[0].descriptors().iter().map(Descriptor::level).collect();
        assert_eq!(levels, vec![1, 2]);
    }

    #[test]
    fn inconsistent_descriptor_json_is_rejected() {
        let json = r#"{"id":"f","name":"F","source":{"title":"s"},
            "scale":[{"level":1},{"level":2}],
            "domains":[{"id":"a","name":"A","descriptors":[
                {"level":1,"status":"verbatim"},{"level":2,"status":"unavailable"}]}]}"#;
        assert!(matches!(
            Framework::from_json(json),
            Err(FrameworkError::InconsistentDescriptor { level: 1, .. })
        ));
        let unknown_field = json.replace("\"name\":\"F\"", "\"name\":\"F\",\"colour\":1");
        assert!(matches!(Framework::from_json(&unknown_field), Err(FrameworkError::Json { .. })));
    }
}
