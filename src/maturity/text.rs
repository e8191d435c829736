//! Small text checks shared by the validating constructors.

use super::FrameworkError;

/// `text` unchanged if it has a non-white-space character, otherwise
/// [`FrameworkError::EmptyText`] naming `item`.
pub(crate) fn non_empty(
    text: String,
    item: impl FnOnce() -> String,
) -> Result<String, FrameworkError> {
    if text.trim().is_empty() { Err(FrameworkError::EmptyText { item: item() }) } else { Ok(text) }
}

/// Whether `text` is empty or only white space.
pub(crate) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}
