//! Short words as integer keys, for the word lists every token is looked up
//! in (the entity stage's gazetteer and rules, the quote lexicon): a word of
//! at most [`MAX_LEN`] bytes, ASCII capitals lowercased, packed into one
//! `u128`, and a small open-addressing table keyed by it (a
//! [`super::table`] kept at most a quarter full: most lookups are of words
//! in no list, and a sparse table ends those in one probe more often).
//! Looking a word up costs a few integer operations and usually one probe:
//! no lowercased copy of the word and no string hashing. A short ASCII
//! token can be read straight from the text into its key ([`fold_ascii`]).
//!
//! Guarantees: no allocation per lookup; no panics.

/// The longest word a key holds, in bytes.
pub const MAX_LEN: usize = 16;

use super::swar::ONES_128 as ONES;
use super::table::{self, Key};

/// The bytes of `w` (at most [`MAX_LEN`]) as one little-endian integer,
/// zero-padded, with ASCII capitals lowercased; `None` if `w` is longer.
pub fn key(w: &[u8]) -> Option<u128> {
    let mut buf = [0u8; MAX_LEN];
    buf.get_mut(..w.len())?.copy_from_slice(w);
    let x = u128::from_le_bytes(buf);
    // All sixteen bytes at once: a byte that is ASCII (high bit clear),
    // at least 'A' and not above 'Z' gets its 0x20 bit set. No sum
    // carries into the next byte (each stays below 0x100).
    let low7 = x & (0x7f * ONES);
    let at_least_a = low7 + (0x80 - u128::from(b'A')) * ONES;
    let above_z = low7 + (0x7f - u128::from(b'Z')) * ONES;
    let capital = at_least_a & !above_z & !x & (0x80 * ONES);
    Some(x | (capital >> 2))
}

/// Whether every byte of a key is ASCII.
pub fn is_ascii(key: u128) -> bool {
    key & (0x80 * ONES) == 0
}

/// A short ASCII word read by [`fold_ascii`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Folded {
    /// The word's [`key`] (in lower case).
    pub key: u128,
    /// Its length in bytes.
    pub len: usize,
    /// Whether the word has an upper-case letter.
    pub upper: bool,
    /// Whether its first letter is upper case.
    pub first_upper: bool,
}

/// Reads `text[start..end]` when it is ASCII and 1 to [`MAX_LEN`] bytes
/// long: its lower-case key and where its capitals are, from one 16-byte
/// load where the text allows. None otherwise (the caller then takes the
/// general path).
#[inline]
pub fn fold_ascii(text: &[u8], start: usize, end: usize) -> Option<Folded> {
    let len = end.checked_sub(start).filter(|l| (1..=MAX_LEN).contains(l))?;
    let mut buf = [0u8; MAX_LEN];
    match text.get(start..start + MAX_LEN) {
        Some(s) => buf.copy_from_slice(s), // the bytes past `end` are masked off
        None => buf.get_mut(..len)?.copy_from_slice(text.get(start..end)?),
    }
    let raw = u128::from_le_bytes(buf) & (u128::MAX >> (128 - 8 * len));
    if !is_ascii(raw) {
        return None;
    }
    // No byte is above 0x7f, so the additions never carry into the next byte.
    let at_least_a = raw + (0x80 - u128::from(b'A')) * ONES;
    let above_z = raw + (0x7f - u128::from(b'Z')) * ONES;
    let upper = at_least_a & !above_z & (0x80 * ONES);
    Some(Folded { key: raw | upper >> 2, len, upper: upper != 0, first_upper: upper & 0x80 != 0 })
}

/// A word as a table holds it: its [`key`] in two halves (so that a slot
/// with a `u32` value takes 32 bytes, not the 48 of a 16-byte-aligned
/// `u128`) and its length, 0 only for an empty slot.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Word {
    low: u64,
    high: u64,
    len: u8,
}

impl Word {
    /// The word of `key` and `len` (at most [`MAX_LEN`]) bytes. An empty
    /// word is [`Key::EMPTY`], which a table finds nowhere.
    #[inline(always)]
    fn new(key: u128, len: usize) -> Word {
        debug_assert!(len <= MAX_LEN, "a key of {len} bytes");
        Word { low: key as u64, high: (key >> 64) as u64, len: len as u8 }
    }
}

impl Key for Word {
    const EMPTY: Word = Word { low: 0, high: 0, len: 0 };

    #[inline(always)]
    fn hash(self) -> u64 {
        self.low ^ self.high.rotate_left(29)
    }
}

/// A map from short words, by key and length, to values.
pub struct Table<V>(table::Table<Word, V, 4>);

impl<V: Copy + Default> Default for Table<V> {
    fn default() -> Self {
        Table(table::Table::default())
    }
}

impl<V: Copy + Default> Table<V> {
    /// The value of the word with `key` and byte length `len`.
    #[inline]
    pub fn get_key(&self, key: u128, len: usize) -> Option<V> {
        self.0.get(Word::new(key, len))
    }

    /// The value of word `w` (ASCII capitals lowercased).
    pub fn get(&self, w: &[u8]) -> Option<V> {
        self.get_key(key(w)?, w.len())
    }

    /// The value of word `w`, inserted as the default if absent; `None`
    /// for an empty word or one longer than [`MAX_LEN`].
    pub fn entry(&mut self, w: &[u8]) -> Option<&mut V> {
        self.0.entry(Word::new(key(w)?, w.len()))
    }

    /// Every value, in no order.
    #[cfg(test)]
    pub fn values(&self) -> impl Iterator<Item = V> + '_ {
        self.0.iter().map(|(_, v)| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_lowercase_ascii_capitals_only() {
        assert_eq!(key(b"MaRcH@[Z"), key(b"march@[z"));
        // Other bytes are kept as they are.
        let raw = |w: &str| w.bytes().rev().fold(0u128, |k, b| k << 8 | u128::from(b));
        assert_eq!(key("É£ 9-".as_bytes()), Some(raw("É£ 9-")));
        assert_ne!(key("É".as_bytes()), key("é".as_bytes()));
        assert_eq!(key(&[b'a'; 17]), None);
        assert!(is_ascii(key(b"Abc").unwrap_or(0)) && !is_ascii(key("é".as_bytes()).unwrap_or(0)));
    }

    #[test]
    fn folding_lowers_and_finds_capitals() {
        let text = b"Said McDonald said @X[Z]`{ Caf\xc3\xa9 abcdefghijklmnopq";
        let fold = |a: usize, b: usize| fold_ascii(text, a, b);
        let f = fold(0, 4).unwrap();
        assert!(f.upper && f.first_upper && f.key == key(b"said").unwrap() && f.len == 4);
        let f = fold(5, 13).unwrap();
        assert!(f.upper && f.first_upper && f.key == key(b"mcdonald").unwrap());
        let f = fold(14, 18).unwrap();
        assert!(!f.upper && !f.first_upper && f.key == key(b"said").unwrap());
        // Only A-Z fold: "@[`{" stay as they are.
        let f = fold(19, 26).unwrap();
        assert!(f.upper && !f.first_upper && f.key == key(b"@x[z]`{").unwrap());
        assert_eq!(fold(27, 32), None); // not ASCII
        assert_eq!(fold(33, 50), None); // 17 bytes: too long
        let f = fold(33, 49).unwrap(); // 16 bytes
        assert!(f.key == key(b"abcdefghijklmnop").unwrap() && f.len == 16);
        let f = fold(35, 50).unwrap(); // 15 bytes, fewer than 16 left in the text
        assert!(f.key == key(b"cdefghijklmnopq").unwrap());
        assert_eq!(fold(3, 3), None);
    }

    #[test]
    fn table_grows_and_keeps_its_words() {
        let mut t: Table<u32> = Table::default();
        let words: Vec<String> = (0..500).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            *t.entry(w.as_bytes()).unwrap_or(&mut 0) = i as u32 + 1;
        }
        assert!(words
            .iter()
            .enumerate()
            .all(|(i, w)| t.get(w.to_uppercase().as_bytes()) == Some(i as u32 + 1)));
        assert_eq!(t.get(b"w500"), None);
        assert_eq!(t.get(b"w1\0"), None);
        assert_eq!(t.values().count(), 500);
        assert!(t.entry(b"").is_none() && t.entry(&[b'a'; 17]).is_none());
    }
}
