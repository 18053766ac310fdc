//! A fast hasher for the engine's maps keyed by words and short strings.
//!
//! The standard library's SipHash resists collision attacks from a remote
//! party; here every key comes from the document the user asked us to
//! read, so the only one who could craft colliding keys is that user, and
//! the much cheaper multiply-and-rotate mix (the one rustc uses for its
//! own tables) is the right trade. The worst case stays bounded by the
//! map's size, never a panic.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with the fast hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A `HashSet` with the fast hasher.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// Multiply-rotate hashing over 8-byte words.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

/// The multiplier of the multiply-rotate mix (rustc's), shared with the
/// hash of a long word's key ([`crate::text::intern`]).
pub(crate) const K: u64 = 0x517c_c1b7_2722_0a95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

/// The bytes of `rest` (fewer than eight) as a little-endian word, padded
/// with zeros. NOTE: read in two overlapping loads (or three single bytes)
/// rather than copied byte by byte, which compiled to a `memcpy` call per
/// hashed word; the value is the same.
#[inline(always)]
pub(crate) fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    let byte = |i: usize| rest.get(i).map_or(0, |&b| u64::from(b));
    let quad = |r: Option<&[u8]>| {
        let mut w = [0u8; 4];
        if let Some(r) = r.filter(|r| r.len() == 4) {
            w.copy_from_slice(r);
        }
        u64::from(u32::from_le_bytes(w))
    };
    match n {
        0 => 0,
        // Bytes 0, n/2 and n-1 cover all of one to three bytes, each at its place.
        1..=3 => byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1)),
        // The first four and the last four bytes, overlapping at their places.
        _ => quad(rest.get(..4)) | quad(rest.get(n - 4..)) << (8 * (n - 4)),
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(super::swar::word(c));
        }
        // The tail is padded with zeros and tagged with its length, so
        // "a" and "a\0" differ.
        let rest = chunks.remainder();
        self.add(tail_word(rest) ^ ((rest.len() as u64) << 59));
    }

    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_with_string_and_str_keys() {
        let mut m: FastMap<String, u32> = FastMap::default();
        m.insert("senator".to_string(), 1);
        m.insert("a-much-longer-key-than-eight-bytes".to_string(), 2);
        assert_eq!(m.get("senator"), Some(&1));
        assert_eq!(m.get("a-much-longer-key-than-eight-bytes"), Some(&2));
        assert_eq!(m.get("senato"), None);
    }

    #[test]
    fn the_tail_word_is_the_zero_padded_bytes() {
        let bytes = [0x11u8, 0x82, 0x33, 0xf4, 0x55, 0x66, 0xa7];
        for n in 0..8 {
            let mut w = [0u8; 8];
            w[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail_word(&bytes[..n]), u64::from_le_bytes(w), "{n}");
        }
    }

    #[test]
    fn different_short_keys_hash_differently() {
        let h = |s: &str| {
            let mut x = FastHasher::default();
            x.write(s.as_bytes());
            x.finish()
        };
        assert_ne!(h("ab"), h("ba"));
        assert_ne!(h("a"), h("a\0"));
    }
}
