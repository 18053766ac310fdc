//! A map from short words to small values, for the word lists every token
//! of a document is looked up in: a word of up to 15 bytes is packed with
//! its length into one u128, so a lookup is a copy, a multiply and an
//! integer compare or two, with no string hashing and no memcmp. Longer
//! words (none in today's lists) go to an ordinary map.
//!
//! A short ASCII token can be read straight from the text into its key,
//! lower-cased on the way ([`fold_ascii`]): two 8-byte loads and a few
//! integer operations instead of a loop over its bytes.
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

/// Every byte's high bit.
const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
/// Added to an ASCII byte, sets its high bit when the byte is 'A' or more.
const FROM_A: u128 = 0x3f3f_3f3f_3f3f_3f3f_3f3f_3f3f_3f3f_3f3f;
/// Added to an ASCII byte, sets its high bit when the byte is past 'Z'.
const PAST_Z: u128 = 0x2525_2525_2525_2525_2525_2525_2525_2525;

/// A short ASCII word read by [`fold_ascii`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Folded {
    /// The key of the word in lower case, as [`PackedMap::get_key`] takes it.
    pub key: u128,
    /// Whether the word has an upper-case letter.
    pub upper: bool,
    /// Whether its first letter is upper case.
    pub first_upper: bool,
}

/// Reads `text[start..end]` when it is ASCII and 1 to 15 bytes long: its
/// lower-case key and where its capitals are. None otherwise (the caller
/// then takes the general path).
#[inline]
pub fn fold_ascii(text: &[u8], start: usize, end: usize) -> Option<Folded> {
    let len = end.checked_sub(start).filter(|l| (1..=PACKED).contains(l))?;
    let mut buf = [0u8; 16];
    match text.get(start..start + 16) {
        Some(s) => buf.copy_from_slice(s), // one 16-byte load; the bytes past `end` are masked off
        None => {
            for (d, s) in buf.iter_mut().zip(text.get(start..end)?) {
                *d = *s;
            }
        }
    }
    let raw = u128::from_le_bytes(buf) & ((1u128 << (8 * len)) - 1);
    if raw & HIGH != 0 {
        return None;
    }
    // No byte is above 0x7f, so the additions never carry into the next byte.
    let upper = (raw + FROM_A) & !(raw + PAST_Z) & HIGH;
    let key = (raw | upper >> 2) | (len as u128) << 120;
    Some(Folded { key, upper: upper != 0, first_upper: upper & 0x80 != 0 })
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
            Some(key) => self.get_key(key),
            None => self.long.get(word).copied(),
        }
    }

    /// The value of the word packed into `key` (from [`fold_ascii`]).
    #[inline]
    pub fn get_key(&self, key: u128) -> Option<u16> {
        let i = self.find(key);
        (self.keys.get(i) == Some(&key)).then(|| self.values.get(i).copied()).flatten()
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

    #[test]
    fn folding_lowers_and_finds_capitals() {
        let m = PackedMap::new(&[("said", 1), ("mcdonald", 2), ("@x[z]`{", 3)]);
        let text = b"Said McDonald said @X[Z]`{ Caf\xc3\xa9 abcdefghijklmnop";
        let fold = |a: usize, b: usize| fold_ascii(text, a, b);
        let f = fold(0, 4).unwrap();
        assert!(f.upper && f.first_upper && m.get_key(f.key) == Some(1));
        let f = fold(5, 13).unwrap();
        assert!(f.upper && f.first_upper && m.get_key(f.key) == Some(2));
        let f = fold(14, 18).unwrap();
        assert!(!f.upper && !f.first_upper && m.get_key(f.key) == Some(1));
        // Only A-Z fold: "@[`{" stay as they are.
        let f = fold(19, 26).unwrap();
        assert!(f.upper && !f.first_upper && m.get_key(f.key) == Some(3));
        assert_eq!(fold(27, 32), None); // not ASCII
        assert_eq!(fold(33, 49), None); // 16 bytes: too long
        let f = fold(34, 49).unwrap(); // 15 bytes, fewer than 16 left in the text
        assert!(!f.upper && m.get_key(f.key).is_none());
        assert_eq!(fold(3, 3), None);
    }
}
