//! The constants of byte-parallel arithmetic ("SIMD within a register"):
//! the bytes of one integer handled as lanes, by the tokenizer, the
//! vocabulary's shapes, the offset conversion and the word keys.

/// 0x01 in every byte of a `u64`: `c * ONES` is `c` in every lane.
pub const ONES: u64 = u64::MAX / 0xff;

/// Each lane's high bit (0x80 in every byte).
pub const HIGH: u64 = 0x80 * ONES;

/// [`ONES`] for a `u128`.
pub const ONES_128: u128 = u128::MAX / 0xff;
