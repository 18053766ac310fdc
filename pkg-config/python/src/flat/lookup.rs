//! The flattener's two look-ups: a string value's earlier copy by a hash of
//! its bytes, and a field or variant name's index by its address.
//!
//! Guarantees: `hash` is a pure function of the bytes (equal strings, equal
//! hashes; the caller compares the bytes, so a collision only costs sharing);
//! `Names::index` gives one index per distinct name, equal names included.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Hash of a string value -> its index among the result's strings.
pub type ByHash = HashMap<u64, u32, BuildHasherDefault<Passthrough>>;

/// The strings' table is keyed by a 64-bit hash already mixed: no rehash.
#[derive(Default)]
pub struct Passthrough(u64);

impl Hasher for Passthrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A hash of a string's bytes, 8 at a time (the multiply-rotate of rustc's
/// FxHasher, with the length and a final mix so that every bit counts).
pub fn hash(s: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let step = |h: u64, w: u64| (h.rotate_left(5) ^ w).wrapping_mul(K);
    let mut h = s.len() as u64;
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        h = step(h, u64::from_le_bytes(c.try_into().unwrap_or_default()));
    }
    let mut tail = [0u8; 8];
    let rest = chunks.remainder();
    if let Some(t) = tail.get_mut(..rest.len()) {
        t.copy_from_slice(rest);
    }
    h = step(h, u64::from_le_bytes(tail));
    h ^ (h >> 29)
}

/// Where each name seen so far is in `Flat::names`, found by its address
/// and length: a name is a `&'static str` of the serde derives, so one name
/// is one address (equal names at two addresses are found by the scan).
/// An open-addressing table: a result has a few dozen names at most.
pub struct Names {
    slots: [(usize, usize, usize); NAME_SLOTS],
}

const NAME_SLOTS: usize = 128;

impl Default for Names {
    fn default() -> Self {
        Names { slots: [(0, 0, 0); NAME_SLOTS] }
    }
}

impl Names {
    /// The index of `name` in `names`, which it is added to when new.
    pub fn index(&mut self, name: &'static str, names: &mut Vec<&'static str>) -> usize {
        let key = (name.as_ptr() as usize, name.len());
        // The names lie side by side in memory: a multiplicative hash
        // spreads neighbours over the slots (the top 7 bits: 128 slots).
        let mut slot = ((key.0 as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 57) as usize;
        for _ in 0..NAME_SLOTS / 2 {
            match self.slots.get(slot) {
                Some(&(a, n, i)) if (a, n) == key => return i,
                Some(&(0, _, _)) => break,
                _ => slot = (slot + 1) % NAME_SLOTS,
            }
        }
        let i = names.iter().position(|n| *n == name).unwrap_or_else(|| {
            names.push(name);
            names.len() - 1
        });
        // Past half full (never, for the engine's types) the scan alone finds
        // the rest.
        if let Some(s @ (0, _, _)) = self.slots.get_mut(slot) {
            *s = (key.0, key.1, i);
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name at an address of its own (the derives' names are literals).
    fn leaked(s: &str) -> &'static str {
        Box::leak(s.to_string().into_boxed_str())
    }

    #[test]
    fn one_index_per_distinct_name_at_any_address_and_past_the_table() {
        let mut table = Names::default();
        let mut names = Vec::new();
        let (a, b) = (leaked("start"), leaked("start"));
        assert!(!std::ptr::eq(a, b));
        assert_eq!(table.index(a, &mut names), 0);
        assert_eq!(table.index("end", &mut names), 1);
        assert_eq!(table.index(b, &mut names), 0, "an equal name elsewhere: {names:?}");
        assert_eq!(table.index(a, &mut names), 0);
        // More names than the table takes: the scan finds the rest.
        let many: Vec<&'static str> = (0..300).map(|i| leaked(&format!("n{i}"))).collect();
        for (i, n) in many.iter().enumerate() {
            assert_eq!(table.index(n, &mut names), i + 2);
        }
        for (i, n) in many.iter().enumerate().rev() {
            assert_eq!(table.index(n, &mut names), i + 2);
        }
        assert_eq!(names.len(), 302);
    }

    #[test]
    fn equal_bytes_hash_alike_and_lengths_and_tails_count() {
        assert_eq!(hash(b"Ada Brook said"), hash(&b"xAda Brook said"[1..]));
        let all: Vec<u64> =
            ["", "\0", "\0\0", "a", "b", "ab", "ba", "abcdefgh", "abcdefgh\0", "abcdefghi"]
                .iter()
                .map(|s| hash(s.as_bytes()))
                .collect();
        let mut unique = all.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), all.len(), "{all:x?}");
    }
}
