//! Outcome metrics and payment rules.
