//! Integration maturity: frameworks, assessments and partnership profiles.
