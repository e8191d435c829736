//! Derived frameworks: a partnership's adjusted copy of a published framework.

use serde::{Deserialize, Serialize};

use super::text::{non_empty, require};
use super::{BUILTIN_FRAMEWORKS, Domain, Framework, FrameworkError, Source};

/// One change a derived framework made to its parent.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::{Adjustment, Framework};
///
/// let chorley = Framework::builtin("aqua-sif-chorley")?;
/// let derivation = chorley.derivation().unwrap();
/// assert_eq!(derivation.parent(), "aqua-sif-2014");
/// assert!(derivation.adjustments().contains(&Adjustment::RenameDomain {
///     domain: "service_user_and_carer_engagement".into(),
///     from: "Service User and Carer Engagement".into(),
///     to: "Resident engagement".into(),
/// }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Adjustment {
    /// A domain was renamed; its id, questions and descriptors are unchanged.
    RenameDomain {
        /// The domain's id.
        domain: String,
        /// The parent's name.
        from: String,
        /// The new name.
        to: String,
    },
    /// Only some domains were kept.
    Subset {
        /// The ids kept, in the parent's order.
        kept: Vec<String>,
        /// The ids removed, in the parent's order.
        removed: Vec<String>,
    },
    /// A guiding question was reworded.
    RewordQuestion {
        /// The domain's id.
        domain: String,
        /// The question's number within the domain, counted from 1.
        number: usize,
        /// The parent's wording.
        from: String,
        /// The new wording.
        to: String,
    },
}

/// What a derived framework changed from its parent: the parent's id and name
/// and the adjustments in the order they were made.
///
/// A derivation can be stored (it is serialisable) and replayed on the parent
/// with [`Derivation::apply`]; the built-in Chorley framework is stored that way.
/// A framework derived from a derived framework records its immediate parent.
///
/// Reading a derivation validates it: the parent's id and name and every
/// text an adjustment gives are non-empty, and questions are numbered from 1.
/// Reading a derived [`Framework`] also checks its derivation against the
/// framework: its id is neither its parent's nor a built-in framework's
/// (unless it is that built-in), every adjustment names a domain the
/// framework had at that step, each subset keeps exactly the domains that
/// follow it, and a reworded question exists in the framework's domain (the
/// questions of a domain a later subset removes are not in the framework, so
/// only that domain's presence is checked).
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::Framework;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let local = aqua
///     .derive("local-2026", "Our partnership's framework")?
///     .keep_domains(&["leadership", "governance", "culture"])?
///     .finish()?;
/// let replayed = local.derivation().unwrap().apply(&aqua, "local-2026", "Our partnership's framework")?;
/// assert_eq!(replayed, local);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "DerivationRepr")]
pub struct Derivation {
    parent: String,
    parent_name: String,
    adjustments: Vec<Adjustment>,
}

/// A derivation as read, before validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DerivationRepr {
    parent: String,
    parent_name: String,
    adjustments: Vec<Adjustment>,
}

impl TryFrom<DerivationRepr> for Derivation {
    type Error = FrameworkError;
    fn try_from(repr: DerivationRepr) -> Result<Self, Self::Error> {
        let parent = non_empty(repr.parent, || "parent id of a derivation".to_owned())?;
        let parent_name =
            non_empty(repr.parent_name, || format!("name of parent framework {parent:?}"))?;
        for adjustment in &repr.adjustments {
            check_texts(adjustment)?;
        }
        Ok(Derivation { parent, parent_name, adjustments: repr.adjustments })
    }
}

/// What an adjustment says on its own: ids and texts present, questions
/// counted from 1, no domain listed twice by a subset.
fn check_texts(adjustment: &Adjustment) -> Result<(), FrameworkError> {
    match adjustment {
        Adjustment::RenameDomain { domain, from, to } => {
            require(domain, || "domain id of a rename".to_owned())?;
            require(from, || format!("former name of domain {domain:?}"))?;
            require(to, || format!("name of domain {domain:?}"))
        }
        Adjustment::RewordQuestion { domain, number, from, to } => {
            require(domain, || "domain id of a reworded question".to_owned())?;
            if *number == 0 {
                return Err(FrameworkError::UnknownQuestion { domain: domain.clone(), number: 0 });
            }
            require(from, || format!("former guiding question {number} of domain {domain:?}"))?;
            require(to, || format!("guiding question {number} of domain {domain:?}"))
        }
        Adjustment::Subset { kept, removed } => {
            let mut listed: Vec<&str> = Vec::new();
            for domain in kept.iter().chain(removed) {
                require(domain, || "domain id of a subset".to_owned())?;
                if listed.contains(&domain.as_str()) {
                    return Err(FrameworkError::DuplicateDomain { domain: domain.clone() });
                }
                listed.push(domain);
            }
            Ok(())
        }
    }
}

impl Derivation {
    /// The parent framework's id.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let chorley = Framework::builtin("aqua-sif-chorley")?;
    /// let derivation = chorley.derivation().unwrap();
    ///
    /// assert_eq!(derivation.parent(), "aqua-sif-2014");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn parent(&self) -> &str {
        &self.parent
    }

    /// The parent framework's name.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let chorley = Framework::builtin("aqua-sif-chorley")?;
    /// let derivation = chorley.derivation().unwrap();
    ///
    /// assert_eq!(derivation.parent_name(), "AQuA System Integration Framework");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn parent_name(&self) -> &str {
        &self.parent_name
    }

    /// The changes, in the order they were made.
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Adjustment, Framework};
    /// let chorley = Framework::builtin("aqua-sif-chorley")?;
    /// let adjustments = chorley.derivation().unwrap().adjustments();
    /// assert_eq!(adjustments.len(), 4); // four domains renamed
    /// assert!(matches!(&adjustments[0], Adjustment::RenameDomain { to, .. } if to == "Resident engagement"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn adjustments(&self) -> &[Adjustment] {
        &self.adjustments
    }

    /// Checks that this derivation, which `framework` carries, can have
    /// produced it: an id other than the parent's (a built-in's id is
    /// checked for every framework read from JSON) and, going back from
    /// the framework's domains, every adjustment naming a domain present at
    /// its step and every subset keeping exactly the domains after it. A
    /// reworded question's number is checked against the framework's domain;
    /// a domain a later subset removes is not in the framework, so only its
    /// presence at the step is checked, not its questions.
    pub(crate) fn check_against(&self, framework: &Framework) -> Result<(), FrameworkError> {
        if framework.id() == self.parent {
            return Err(FrameworkError::SameIdAsParent { id: self.parent.clone() });
        }
        let unknown = |domain: &str| FrameworkDerivation::unknown(framework.id(), domain);
        // The domains after the adjustment being looked at, in order.
        let mut present: Vec<&str> = framework.domains().iter().map(|d| d.id()).collect();
        for adjustment in self.adjustments.iter().rev() {
            match adjustment {
                Adjustment::RenameDomain { domain, .. } => {
                    if !present.contains(&domain.as_str()) {
                        return Err(unknown(domain));
                    }
                }
                Adjustment::RewordQuestion { domain, number, .. } => {
                    if !present.contains(&domain.as_str()) {
                        return Err(unknown(domain));
                    }
                    // Derivations never add or remove questions. A domain
                    // removed later is not in `framework`: nothing to check.
                    let questions = framework.domain(domain).map(|d| d.guiding_questions().len());
                    if questions.is_some_and(|n| *number > n) {
                        return Err(FrameworkError::UnknownQuestion {
                            domain: domain.clone(),
                            number: *number,
                        });
                    }
                }
                Adjustment::Subset { kept, removed } => {
                    if let Some(domain) = kept.iter().find(|d| !present.contains(&d.as_str())) {
                        return Err(unknown(domain));
                    }
                    if let Some(domain) = present.iter().find(|d| !kept.iter().any(|k| k == *d)) {
                        return Err(FrameworkError::DomainNotKept {
                            framework: framework.id().to_owned(),
                            domain: (*domain).to_owned(),
                        });
                    }
                    present = kept.iter().chain(removed).map(String::as_str).collect();
                }
            }
        }
        Ok(())
    }

    /// Replays the adjustments on `parent`, giving the derived framework the
    /// id and name `id` and `name`.
    ///
    /// # Errors
    ///
    /// [`FrameworkError::WrongParent`] if `parent` is not the recorded parent,
    /// otherwise the errors of [`Framework::derive`] (an empty id or name,
    /// the parent's id or another built-in framework's) and of the individual
    /// adjustments (an unknown domain or question).
    ///
    /// ```
    /// use integration_outcomes::maturity::{Framework, FrameworkError};
    /// let chorley = Framework::builtin("aqua-sif-chorley")?;
    /// let scirocco = Framework::builtin("scirocco-b3")?;
    /// let err = chorley.derivation().unwrap().apply(&scirocco, "x", "X").unwrap_err();
    /// assert!(matches!(err, FrameworkError::WrongParent { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(
        &self,
        parent: &Framework,
        id: impl Into<String>,
        name: impl Into<String>,
    ) -> Result<Framework, FrameworkError> {
        if parent.id() != self.parent {
            return Err(FrameworkError::WrongParent {
                expected: self.parent.clone(),
                found: parent.id().to_owned(),
            });
        }
        self.replay(parent.derive(id, name)?)
    }

    /// Replays the adjustments on `derivation`, started from the recorded
    /// parent, and finishes it.
    pub(crate) fn replay(
        &self,
        mut derivation: FrameworkDerivation,
    ) -> Result<Framework, FrameworkError> {
        for adjustment in &self.adjustments {
            derivation = match adjustment {
                Adjustment::RenameDomain { domain, to, .. } => {
                    derivation.rename_domain(domain, to.clone())?
                }
                Adjustment::Subset { kept, .. } => {
                    let kept: Vec<&str> = kept.iter().map(String::as_str).collect();
                    derivation.keep_domains(&kept)?
                }
                Adjustment::RewordQuestion { domain, number, to, .. } => {
                    derivation.reword_question(domain, *number, to.clone())?
                }
            };
        }
        derivation.finish()
    }
}

/// A framework being adjusted from a parent; see [`Framework::derive`].
///
/// Each step checks its input at once and records an [`Adjustment`];
/// [`finish`](FrameworkDerivation::finish) validates the result as a whole.
///
/// # Example
///
/// ```
/// use integration_outcomes::maturity::Framework;
///
/// let aqua = Framework::builtin("aqua-sif-2014")?;
/// let adjusted = aqua
///     .derive("north-2026", "North partnership framework")?
///     .rename_domain("service_user_and_carer_engagement", "Resident engagement")?
///     .reword_question("culture", 1, "What culture do we want to build together?")?
///     .finish()?;
/// assert_eq!(adjusted.domain("service_user_and_carer_engagement").unwrap().name(), "Resident engagement");
/// assert_eq!(adjusted.derivation().unwrap().adjustments().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct FrameworkDerivation {
    framework: Framework,
    id: String,
    name: String,
    parent: String,
    parent_name: String,
    adjustments: Vec<Adjustment>,
}

impl Framework {
    /// Starts a framework derived from this one, with a new id and name.
    ///
    /// # Errors
    ///
    /// [`FrameworkError::EmptyText`] if `id` or `name` is empty,
    /// [`FrameworkError::SameIdAsParent`] if `id` is this framework's own,
    /// and [`FrameworkError::BuiltinId`] if it is another built-in
    /// framework's (see [`BUILTIN_FRAMEWORKS`](super::BUILTIN_FRAMEWORKS)),
    /// such as this framework's parent's.
    ///
    /// ```
    /// use integration_outcomes::maturity::{Framework, FrameworkError};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// assert!(aqua.derive("", "Unnamed").is_err());
    /// assert_eq!(
    ///     aqua.derive("aqua-sif-2014", "Adjusted AQuA").unwrap_err(),
    ///     FrameworkError::SameIdAsParent { id: "aqua-sif-2014".into() }
    /// );
    /// // Chorley is derived from AQuA: a framework derived from it cannot take AQuA's id.
    /// let chorley = Framework::builtin("aqua-sif-chorley")?;
    /// assert_eq!(
    ///     chorley.derive("aqua-sif-2014", "Adjusted Chorley").unwrap_err(),
    ///     FrameworkError::BuiltinId { id: "aqua-sif-2014".into() }
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn derive(
        &self,
        id: impl Into<String>,
        name: impl Into<String>,
    ) -> Result<FrameworkDerivation, FrameworkError> {
        let id = id.into();
        if id != self.id() && BUILTIN_FRAMEWORKS.contains(&id.as_str()) {
            return Err(FrameworkError::BuiltinId { id });
        }
        self.derive_builtin(id, name.into())
    }

    /// [`derive`](Self::derive), allowing a built-in framework's id: how a
    /// built-in stored as a derivation of another is loaded.
    pub(crate) fn derive_builtin(
        &self,
        id: String,
        name: String,
    ) -> Result<FrameworkDerivation, FrameworkError> {
        let id = non_empty(id, || "framework id".to_owned())?;
        if id == self.id() {
            return Err(FrameworkError::SameIdAsParent { id });
        }
        let name = non_empty(name, || format!("name of framework {id:?}"))?;
        Ok(FrameworkDerivation {
            framework: self.clone(),
            id,
            name,
            parent: self.id().to_owned(),
            parent_name: self.name().to_owned(),
            adjustments: Vec::new(),
        })
    }
}

impl FrameworkDerivation {
    /// The error for a domain the framework being derived does not have
    /// (never had, or no longer has after [`keep_domains`](Self::keep_domains)):
    /// it names the derived framework `framework`, not the parent.
    fn unknown(framework: &str, domain: &str) -> FrameworkError {
        FrameworkError::UnknownDomain { framework: framework.to_owned(), domain: domain.to_owned() }
    }

    /// The domain being adjusted, found once.
    fn domain_mut(&mut self, domain: &str) -> Result<&mut Domain, FrameworkError> {
        let id = &self.id;
        self.framework
            .domains_mut()
            .iter_mut()
            .find(|d| d.id() == domain)
            .ok_or_else(|| Self::unknown(id, domain))
    }

    /// Renames a domain.
    ///
    /// # Errors
    ///
    /// [`FrameworkError::UnknownDomain`] or [`FrameworkError::EmptyText`].
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// let local = aqua.derive("local-2026", "Local framework")?
    ///     .rename_domain("information_and_it", "Shared records")?
    ///     .finish()?;
    /// assert_eq!(local.domain("information_and_it").unwrap().name(), "Shared records");
    /// assert!(aqua.derive("local-2026", "Local framework")?.rename_domain("finance", "Money").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rename_domain(
        mut self,
        domain: &str,
        name: impl Into<String>,
    ) -> Result<FrameworkDerivation, FrameworkError> {
        let name = non_empty(name.into(), || format!("name of domain {domain:?}"))?;
        let target = self.domain_mut(domain)?;
        let from = target.name().to_owned();
        target.set_name(name.clone());
        self.adjustments.push(Adjustment::RenameDomain {
            domain: domain.to_owned(),
            from,
            to: name,
        });
        Ok(self)
    }

    /// Keeps only the listed domains (in the framework's order).
    ///
    /// # Errors
    ///
    /// [`FrameworkError::UnknownDomain`] for an id not in the framework, and
    /// [`FrameworkError::NoDomains`] for an empty list.
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// let local = aqua.derive("local-2026", "Local framework")?
    ///     .keep_domains(&["culture", "leadership"])?
    ///     .finish()?;
    /// let ids: Vec<&str> = local.domains().iter().map(|d| d.id()).collect();
    /// assert_eq!(ids, ["leadership", "culture"]); // the framework's order
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn keep_domains(mut self, domains: &[&str]) -> Result<FrameworkDerivation, FrameworkError> {
        if domains.is_empty() {
            return Err(FrameworkError::NoDomains { framework: self.id.clone() });
        }
        if let Some(unknown) = domains.iter().find(|d| self.framework.domain(d).is_none()) {
            return Err(Self::unknown(&self.id, unknown));
        }
        let (kept, removed): (Vec<_>, Vec<_>) =
            self.framework.domains_mut().drain(..).partition(|d| domains.contains(&d.id()));
        let record = Adjustment::Subset {
            kept: kept.iter().map(|d| d.id().to_owned()).collect(),
            removed: removed.iter().map(|d| d.id().to_owned()).collect(),
        };
        *self.framework.domains_mut() = kept;
        self.adjustments.push(record);
        Ok(self)
    }

    /// Rewords guiding question `number` (counted from 1) of a domain.
    ///
    /// # Errors
    ///
    /// [`FrameworkError::UnknownDomain`], [`FrameworkError::UnknownQuestion`]
    /// or [`FrameworkError::EmptyText`].
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// let local = aqua.derive("local-2026", "Local framework")?
    ///     .reword_question("culture", 1, "What culture do we want to build together?")?
    ///     .finish()?;
    /// assert_eq!(local.domain("culture").unwrap().guiding_questions()[0], "What culture do we want to build together?");
    /// // Culture has one guiding question, not two.
    /// assert!(aqua.derive("local-2026", "Local framework")?.reword_question("culture", 2, "Why?").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reword_question(
        mut self,
        domain: &str,
        number: usize,
        text: impl Into<String>,
    ) -> Result<FrameworkDerivation, FrameworkError> {
        let text =
            non_empty(text.into(), || format!("guiding question {number} of domain {domain:?}"))?;
        let question = self
            .domain_mut(domain)?
            .question_mut(number)
            .ok_or_else(|| FrameworkError::UnknownQuestion { domain: domain.to_owned(), number })?;
        let from = std::mem::replace(question, text.clone());
        self.adjustments.push(Adjustment::RewordQuestion {
            domain: domain.to_owned(),
            number,
            from,
            to: text,
        });
        Ok(self)
    }

    /// Sets the derived framework's own source (the parent's is kept otherwise).
    ///
    /// ```
    /// # use integration_outcomes::maturity::{Framework, Source};
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    /// let local = aqua.derive("local-2026", "Local framework")?
    ///     .with_source(Source::new("Partnership board paper, March 2026")?)
    ///     .finish()?;
    /// assert_eq!(local.source().title(), "Partnership board paper, March 2026");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: Source) -> FrameworkDerivation {
        self.framework.set_source(source);
        self
    }

    /// The adjusted framework, validated, recording its derivation.
    ///
    /// # Errors
    ///
    /// The validation errors of [`Framework::new`].
    ///
    /// ```
    /// # use integration_outcomes::maturity::Framework;
    /// let aqua = Framework::builtin("aqua-sif-2014")?;
    ///
    /// let local = aqua.derive("local-2026", "Local framework")?.keep_domains(&["leadership"])?.finish()?;
    /// assert_eq!(local.id(), "local-2026");
    /// assert_eq!(local.domains().len(), 1);
    /// assert_eq!(local.derivation().unwrap().parent(), "aqua-sif-2014");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn finish(self) -> Result<Framework, FrameworkError> {
        let mut framework = self.framework;
        let derivation = Derivation {
            parent: self.parent,
            parent_name: self.parent_name,
            adjustments: self.adjustments,
        };
        framework.set_identity(self.id, self.name, derivation);
        framework.revalidate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_what_is_unknown() {
        let aqua = Framework::builtin("aqua-sif-2014").unwrap();
        let d = aqua.derive("x", "X").unwrap();
        assert!(matches!(
            d.clone().rename_domain("finance", "Money"),
            Err(FrameworkError::UnknownDomain { domain, .. }) if domain == "finance"
        ));
        assert_eq!(
            d.clone().reword_question("leadership", 9, "Why?").unwrap_err(),
            FrameworkError::UnknownQuestion { domain: "leadership".into(), number: 9 }
        );
        assert!(matches!(
            d.clone().reword_question("leadership", 0, "Why?"),
            Err(FrameworkError::UnknownQuestion { number: 0, .. })
        ));
        assert!(matches!(d.clone().keep_domains(&[]), Err(FrameworkError::NoDomains { .. })));
        assert!(matches!(
            d.keep_domains(&["culture", "x"]),
            Err(FrameworkError::UnknownDomain { .. })
        ));
    }

    /// A derived framework's JSON with its `derivation` replaced.
    fn with_derivation(derivation: &str) -> Result<Framework, FrameworkError> {
        let json_error = |e: serde_json::Error| FrameworkError::Json { message: e.to_string() };
        let local = Framework::builtin("aqua-sif-2014")?
            .derive("local", "Local")?
            .rename_domain("culture", "Our culture")?
            .keep_domains(&["leadership", "culture"])?
            .finish()?;
        let mut json: serde_json::Value = serde_json::to_value(&local).map_err(json_error)?;
        json["derivation"] = serde_json::from_str(derivation).map_err(json_error)?;
        Framework::from_json(&json.to_string())
    }

    #[test]
    fn derivations_read_from_json_are_validated() {
        let rename =
            r#"{"rename_domain": {"domain": "culture", "from": "Culture", "to": "Our culture"}}"#;
        let subset =
            r#"{"subset": {"kept": ["leadership", "culture"], "removed": ["governance"]}}"#;
        let derivation = |parent: &str, adjustments: &[&str]| {
            format!(
                r#"{{"parent": "{parent}", "parent_name": "AQuA", "adjustments": [{}]}}"#,
                adjustments.join(",")
            )
        };
        assert!(with_derivation(&derivation("aqua-sif-2014", &[rename, subset])).is_ok());
        assert_eq!(
            with_derivation(&derivation(" ", &[rename, subset])).unwrap_err(),
            FrameworkError::EmptyText { item: "parent id of a derivation".into() }
        );
        assert_eq!(
            with_derivation(&derivation("local", &[rename, subset])).unwrap_err(),
            FrameworkError::SameIdAsParent { id: "local".into() }
        );
        // A rename of a domain the framework never had.
        let finance = r#"{"rename_domain": {"domain": "finance", "from": "F", "to": "Money"}}"#;
        assert_eq!(
            with_derivation(&derivation("aqua-sif-2014", &[finance])).unwrap_err(),
            FrameworkError::UnknownDomain { framework: "local".into(), domain: "finance".into() }
        );
        // After the subset, "governance" is gone: it cannot be renamed.
        let governance = r#"{"rename_domain": {"domain": "governance", "from": "G", "to": "Gov"}}"#;
        assert_eq!(
            with_derivation(&derivation("aqua-sif-2014", &[subset, governance])).unwrap_err(),
            FrameworkError::UnknownDomain {
                framework: "local".into(),
                domain: "governance".into()
            }
        );
        // Before it, it can.
        assert!(with_derivation(&derivation("aqua-sif-2014", &[governance, subset])).is_ok());
        // A reworded question of a domain a later subset removes: the domain
        // is checked, but its questions are not in the framework to check.
        let removed = r#"{"reword_question": {"domain": "governance", "number": 9, "from": "Q", "to": "Why?"}}"#;
        assert!(with_derivation(&derivation("aqua-sif-2014", &[removed, subset])).is_ok());
        // A subset that does not keep a domain the framework has.
        let narrow = r#"{"subset": {"kept": ["leadership"], "removed": ["culture"]}}"#;
        assert_eq!(
            with_derivation(&derivation("aqua-sif-2014", &[narrow])).unwrap_err(),
            FrameworkError::DomainNotKept { framework: "local".into(), domain: "culture".into() }
        );
        let twice = r#"{"subset": {"kept": ["leadership", "culture"], "removed": ["culture"]}}"#;
        assert_eq!(
            with_derivation(&derivation("aqua-sif-2014", &[twice])).unwrap_err(),
            FrameworkError::DuplicateDomain { domain: "culture".into() }
        );
        for number in [0, 9] {
            let reword = format!(
                r#"{{"reword_question": {{"domain": "culture", "number": {number}, "from": "Q", "to": "Why?"}}}}"#
            );
            assert_eq!(
                with_derivation(&derivation("aqua-sif-2014", &[&reword])).unwrap_err(),
                FrameworkError::UnknownQuestion { domain: "culture".into(), number }
            );
        }
        let blank = r#"{"rename_domain": {"domain": "culture", "from": "Culture", "to": ""}}"#;
        assert!(matches!(
            with_derivation(&derivation("aqua-sif-2014", &[blank])),
            Err(FrameworkError::EmptyText { .. })
        ));
        // A derivation read on its own is validated too.
        assert!(serde_json::from_str::<Derivation>(&derivation("", &[])).is_err());
        assert!(serde_json::from_str::<Derivation>(&derivation("aqua-sif-2014", &[])).is_ok());
    }

    #[test]
    fn a_derived_framework_cannot_take_its_parents_id() {
        let aqua = Framework::builtin("aqua-sif-2014").unwrap();
        assert_eq!(
            aqua.derive("aqua-sif-2014", "AQuA, adjusted").unwrap_err(),
            FrameworkError::SameIdAsParent { id: "aqua-sif-2014".into() }
        );
        let chorley = Framework::builtin("aqua-sif-chorley").unwrap();
        assert!(matches!(
            chorley.derivation().unwrap().apply(&aqua, "aqua-sif-2014", "X"),
            Err(FrameworkError::SameIdAsParent { .. })
        ));
    }

    #[test]
    fn no_framework_can_take_the_id_of_a_built_in_it_is_not() {
        let aqua = Framework::builtin("aqua-sif-2014").unwrap();
        let chorley = Framework::builtin("aqua-sif-chorley").unwrap();
        // Chorley's parent's id, and a built-in unrelated to it.
        for id in ["aqua-sif-2014", "scirocco-b3"] {
            assert_eq!(
                chorley.derive(id, "X").unwrap_err(),
                FrameworkError::BuiltinId { id: id.into() }
            );
        }
        let taken = FrameworkError::BuiltinId { id: "aqua-sif-chorley".into() };
        assert_eq!(aqua.derive("aqua-sif-chorley", "X").unwrap_err(), taken);
        let replayed = chorley.derivation().unwrap().apply(&aqua, "aqua-sif-chorley", "X");
        assert_eq!(replayed.unwrap_err(), taken);

        // From JSON, the built-in reads back as itself, but not a changed
        // copy under its id,
        let json = serde_json::to_value(&chorley).unwrap();
        assert_eq!(Framework::from_json(&json.to_string()).unwrap(), chorley);
        let mut renamed = json;
        renamed["name"] = "Chorley, adjusted".into();
        assert_eq!(Framework::from_json(&renamed.to_string()).unwrap_err(), taken);
        // nor a framework derived from Chorley under its grandparent's id,
        let local = chorley.derive("local", "Local").unwrap().finish().unwrap();
        let mut json = serde_json::to_value(&local).unwrap();
        json["id"] = "aqua-sif-2014".into();
        assert_eq!(
            Framework::from_json(&json.to_string()).unwrap_err(),
            FrameworkError::BuiltinId { id: "aqua-sif-2014".into() }
        );
        // nor Chorley without its derivation, nor another built-in under a
        // built-in's id.
        let mut json = serde_json::to_value(&chorley).unwrap();
        json.as_object_mut().unwrap().remove("derivation");
        assert_eq!(Framework::from_json(&json.to_string()).unwrap_err(), taken);
        let mut json = serde_json::to_value(&aqua).unwrap();
        json["id"] = "scirocco-b3".into();
        assert_eq!(
            Framework::from_json(&json.to_string()).unwrap_err(),
            FrameworkError::BuiltinId { id: "scirocco-b3".into() }
        );
        // Each built-in reads back as itself.
        for id in BUILTIN_FRAMEWORKS {
            let builtin = Framework::builtin(id).unwrap();
            let json = serde_json::to_string(&builtin).unwrap();
            assert_eq!(Framework::from_json(&json).unwrap(), builtin);
        }
    }

    #[test]
    fn unknown_domain_errors_name_the_derived_framework() {
        let aqua = Framework::builtin("aqua-sif-2014").unwrap();
        let kept = aqua.derive("local", "Local").unwrap().keep_domains(&["leadership"]).unwrap();
        // The parent has "culture"; the framework being derived no longer does.
        let removed =
            FrameworkError::UnknownDomain { framework: "local".into(), domain: "culture".into() };
        assert_eq!(kept.clone().rename_domain("culture", "Culture").unwrap_err(), removed);
        assert_eq!(kept.clone().reword_question("culture", 1, "Why?").unwrap_err(), removed);
        assert_eq!(
            kept.keep_domains(&["culture"]).unwrap_err(),
            removed,
            "a second subset cannot bring a domain back"
        );
    }

    #[test]
    fn derivation_round_trips_through_json_and_replays() {
        let aqua = Framework::builtin("aqua-sif-2014").unwrap();
        let derived = aqua
            .derive("x", "X")
            .unwrap()
            .keep_domains(&["governance", "leadership"])
            .unwrap()
            .reword_question("leadership", 2, "Do leaders believe in integration?")
            .unwrap()
            .finish()
            .unwrap();
        let ids: Vec<&str> = derived.domains().iter().map(|d| d.id()).collect();
        assert_eq!(ids, ["leadership", "governance"]);
        let json = serde_json::to_string(&derived).unwrap();
        let back = Framework::from_json(&json).unwrap();
        assert_eq!(back, derived);
        let replayed = back.derivation().unwrap().apply(&aqua, "x", "X").unwrap();
        assert_eq!(replayed, derived);
    }
}
