//! The counting pass: how many scores of each code a domain's column holds.

/// Counts of each code `0..bins` in `column`, over the rows where `mask` is
/// true (all rows without a mask). Codes are below `bins` by construction.
pub(crate) fn count_codes(column: &[u8], bins: usize, mask: Option<&[bool]>) -> Vec<u64> {
    let mut counts = [0u64; 256];
    match mask {
        None => {
            for &code in column {
                if let Some(count) = counts.get_mut(usize::from(code)) {
                    *count += 1;
                }
            }
        }
        Some(mask) => {
            for (&code, _) in column.iter().zip(mask).filter(|(_, m)| **m) {
                if let Some(count) = counts.get_mut(usize::from(code)) {
                    *count += 1;
                }
            }
        }
    }
    counts.iter().take(bins).copied().collect()
}
