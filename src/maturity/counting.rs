//! The counting pass: how many scores of each code a domain's column holds.
//!
//! This pass is the only part of a profile whose cost grows with the number
//! of responses, so it is written for speed. With at most eight codes (scales
//! of up to six levels, plus "not scored" and "not applicable": AQuA and
//! SCIROCCO) codes fit in three bits, and the column is read eight codes at a
//! time as a `u64`: for every combination of the three bits the loop adds up,
//! in byte lanes, how many codes have all of those bits set. Those seven sums
//! and the total determine the count of each code exactly (inclusion–
//! exclusion). The loop is branch-free shifts, masks and adds, which the
//! compiler vectorises; byte lanes are emptied every 255 words, before they
//! could overflow. Larger scales, and organisation subsets, use a plain
//! histogram.

/// Counts of each code `0..bins` in `column`, over the rows where `mask` is
/// true (all rows without a mask). Codes are below `bins` by construction.
pub(crate) fn count_codes(column: &[u8], bins: usize, mask: Option<&[bool]>) -> Vec<u64> {
    match mask {
        None if bins <= 8 => count_three_bit(column).iter().take(bins).copied().collect(),
        None => count_plain(column.iter().copied()).iter().take(bins).copied().collect(),
        Some(mask) => {
            let selected = column.iter().zip(mask).filter(|(_, m)| **m).map(|(c, _)| *c);
            count_plain(selected).iter().take(bins).copied().collect()
        }
    }
}

/// A histogram of any codes.
fn count_plain(codes: impl Iterator<Item = u8>) -> [u64; 256] {
    let mut counts = [0u64; 256];
    for code in codes {
        if let Some(count) = counts.get_mut(usize::from(code)) {
            *count += 1;
        }
    }
    counts
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const EVEN_BYTES: u64 = 0x00FF_00FF_00FF_00FF;
/// Words per block: each byte lane gains at most one per word, so 255 words
/// cannot overflow a lane.
const BLOCK_WORDS: usize = 255;

/// The sum of the eight byte lanes of `lanes`.
fn sum_lanes(lanes: u64) -> u64 {
    let pairs = (lanes & EVEN_BYTES) + ((lanes >> 8) & EVEN_BYTES);
    pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48
}

/// Counts of codes 0..8 in a column whose codes are all below 8.
fn count_three_bit(column: &[u8]) -> [u64; 8] {
    // with_all[m]: how many codes have every bit of m set (with_all[0] = n).
    let mut with_all = [0u64; 8];
    let mut tail = [0u64; 256];
    for block in column.chunks(BLOCK_WORDS * 8) {
        let words = block.chunks_exact(8);
        tail = add(tail, count_plain(words.remainder().iter().copied()));
        let (mut s1, mut s2, mut s4, mut s3, mut s5, mut s6, mut s7) = (0, 0, 0, 0, 0, 0, 0);
        for chunk in words {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(chunk);
            let word = u64::from_le_bytes(bytes);
            let b0 = word & LOW_BITS;
            let b1 = (word >> 1) & LOW_BITS;
            let b2 = (word >> 2) & LOW_BITS;
            s1 += b0;
            s2 += b1;
            s4 += b2;
            s3 += b0 & b1;
            s5 += b0 & b2;
            s6 += b1 & b2;
            s7 += b0 & b1 & b2;
        }
        let full = block.len() - block.len() % 8;
        let sums = [full as u64, s1, s2, s3, s4, s5, s6, s7];
        for (total, lanes) in with_all.iter_mut().zip(sums).skip(1) {
            *total += sum_lanes(lanes);
        }
        if let Some(n) = with_all.first_mut() {
            *n += sums.first().copied().unwrap_or(0);
        }
    }
    // count[c] = Σ over masks m ⊇ c of (−1)^|m \ c| · with_all[m].
    let mut counts = [0u64; 8];
    for (c, count) in counts.iter_mut().enumerate() {
        let mut signed: i128 = 0;
        for (m, &n) in with_all.iter().enumerate() {
            if m & c == c {
                let sign = if (m ^ c).count_ones() % 2 == 0 { 1 } else { -1 };
                signed += sign * i128::from(n);
            }
        }
        // Non-negative by construction: it is a count.
        *count = u64::try_from(signed).unwrap_or(0) + tail.get(c).copied().unwrap_or(0);
    }
    counts
}

fn add(mut a: [u64; 256], b: [u64; 256]) -> [u64; 256] {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_bit_counts_equal_a_plain_histogram() {
        let mut state: u32 = 12345;
        for len in [0usize, 1, 7, 8, 9, 255 * 8 - 1, 255 * 8, 255 * 8 + 3, 10_000] {
            let column: Vec<u8> = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    u8::try_from((state >> 16) % 8).unwrap()
                })
                .collect();
            let fast = count_three_bit(&column);
            let plain = count_plain(column.iter().copied());
            assert_eq!(fast[..], plain[..8], "length {len}");
            assert_eq!(count_codes(&column, 8, None), plain[..8].to_vec());
        }
        // Every code 7: all bits set in every lane.
        let sevens = vec![7u8; 100_000];
        assert_eq!(count_three_bit(&sevens)[7], 100_000);
        let mask: Vec<bool> = (0..100_000).map(|i| i % 2 == 0).collect();
        assert_eq!(count_codes(&sevens, 8, Some(&mask))[7], 50_000);
        assert_eq!(count_codes(&[9, 9, 1], 12, None), vec![0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0]);
    }
}
