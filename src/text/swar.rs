//! The constants of byte-parallel arithmetic ("SIMD within a register"):
//! the bytes of one integer handled as lanes, by the tokenizer, the
//! vocabulary's shapes, the offset conversion and the word keys; and the
//! one load that makes eight bytes of text such an integer ([`word`]).
//!
//! Guarantees: no panics.

/// 0x01 in every byte of a `u64`: `c * ONES` is `c` in every lane.
pub const ONES: u64 = u64::MAX / 0xff;

/// Each lane's high bit (0x80 in every byte).
pub const HIGH: u64 = 0x80 * ONES;

/// [`ONES`] for a `u128`.
pub const ONES_128: u128 = u128::MAX / 0xff;

/// The first eight bytes of `c` as a little-endian word, each byte a lane
/// (0 when `c` has fewer). Callers pass exactly eight bytes, so the length
/// test folds away.
#[inline(always)]
pub fn word(c: &[u8]) -> u64 {
    c.first_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_its_first_eight_bytes_little_endian() {
        let bytes = *b"abcdefghi";
        assert_eq!(word(&bytes), 0x6867_6665_6463_6261);
        assert_eq!(word(&bytes[1..]), u64::from_le_bytes(*b"bcdefghi"));
        assert_eq!(word(&bytes[..7]), 0);
        assert_eq!(HIGH, 0x8080_8080_8080_8080);
    }
}
