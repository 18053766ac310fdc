//! A map from short words to small values, for the word lists every token
//! of a document is looked up in: a word of up to 15 bytes is packed with
//! its length into one u128, so a lookup is a copy, a multiply and an
//! integer compare or two, with no string hashing and no memcmp. Longer
//! words (none in today's lists) go to an ordinary map.
//!
//! Guarantees: a lookup probes at most until an empty slot, and the table
//! is never more than half full, so it ends; no panics.

use crate::text::fasthash::FastMap;

/// The longest word packed into a key, in bytes (the 16th byte holds the length).
const PACKED: usize = 15;

/// The multiplier of the slot hash (the one [`crate::text::fasthash`] uses).
const K: u64 = 0x517c_c1b7_2722_0a95;

/// Words to values.
pub struct PackedMap {
    /// Packed words by slot; 0 marks an empty slot (no word packs to 0).
    keys: Vec<u128>,
    values: Vec<u16>,
    /// Shift that turns a 64-bit hash into a slot index.
    shift: u32,
    long: FastMap<&'static str, u16>,
}

/// The word and its length in one integer, or None when it is empty or too long.
#[inline]
fn pack(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > PACKED {
        return None;
    }
    let mut buf = [0u8; 16];
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = *s;
    }
    let len = u128::from(bytes.len() as u8);
    Some(u128::from_le_bytes(buf) | len << 120)
}

impl PackedMap {
    /// Builds the map from (word, value) pairs; a repeated word keeps its last value.
    pub fn new(entries: &[(&'static str, u16)]) -> PackedMap {
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut map = PackedMap { keys: vec![0; size], values: vec![0; size], shift: 64 - size.trailing_zeros(), long: FastMap::default() };
        for &(word, value) in entries {
            match pack(word) {
                Some(key) => {
                    let i = map.find(key);
                    if let (Some(k), Some(v)) = (map.keys.get_mut(i), map.values.get_mut(i)) {
                        *k = key;
                        *v = value;
                    }
                }
                None => {
                    map.long.insert(word, value);
                }
            }
        }
        map
    }

    /// The slot holding `key`, or the empty slot where it would go.
    #[inline]
    fn find(&self, key: u128) -> usize {
        let mask = self.keys.len() - 1;
        let h = ((key as u64) ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(K);
        let mut i = (h >> self.shift) as usize & mask;
        // The table is at most half full, so an empty slot comes.
        while let Some(&k) = self.keys.get(i) {
            if k == key || k == 0 {
                return i;
            }
            i = (i + 1) & mask;
        }
        i
    }

    /// The value of `word`, if it is in the map.
    #[inline]
    pub fn get(&self, word: &str) -> Option<u16> {
        match pack(word) {
            Some(key) => {
                let i = self.find(key);
                (self.keys.get(i) == Some(&key)).then(|| self.values.get(i).copied()).flatten()
            }
            None => self.long.get(word).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_put_and_nothing_else() {
        let long = "counterrevolutionary";
        let m = PackedMap::new(&[("said", 1), ("a", 2), ("he", 3), (long, 4), ("he", 5), ("", 6)]);
        assert_eq!(m.get("said"), Some(1));
        assert_eq!(m.get("a"), Some(2));
        assert_eq!(m.get("he"), Some(5));
        assert_eq!(m.get(long), Some(4));
        assert_eq!(m.get(""), Some(6));
        for w in ["sai", "saidx", "a\0", "b", "counterrevolutionar", "h"] {
            assert_eq!(m.get(w), None, "{w:?}");
        }
    }
}
