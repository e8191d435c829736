//! Small text checks shared by the validating constructors.

use super::FrameworkError;

/// `text` unchanged if it has a non-white-space character, otherwise
/// [`FrameworkError::EmptyText`] naming `item`.
pub(crate) fn non_empty(
    text: String,
    item: impl FnOnce() -> String,
) -> Result<String, FrameworkError> {
    require(&text, item)?;
    Ok(text)
}

/// `Ok` if borrowed `text` has a non-white-space character, otherwise
/// [`FrameworkError::EmptyText`] naming `item`.
pub(crate) fn require(text: &str, item: impl FnOnce() -> String) -> Result<(), FrameworkError> {
    if is_blank(text) { Err(FrameworkError::EmptyText { item: item() }) } else { Ok(()) }
}

/// Whether `text` is empty or only white space.
pub(crate) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}
