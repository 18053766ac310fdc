//! The table a document's distinct words are interned in (see
//! [`super::vocab`]): words by dense id, and an open-addressing table from
//! a word's key to its id.
//!
//! A word of one to seven bytes is known by its key alone: its bytes and
//! length packed in one integer, read from the text with one load. Such
//! words (most tokens) are found without slicing the text, hashing bytes
//! or comparing strings. A longer word's key is a hash of its bytes under
//! its length, and a match is confirmed by comparing the strings.
//!
//! Guarantees: the same bytes always get the same key, and no two words
//! get the same id; lookups and inserts are those of [`super::table`]; no
//! panics.

use super::fasthash::K;
use super::swar::word;
use super::table::{self, Vacant};

/// A word's key as the slot table holds it: never 0, which marks an empty
/// slot (a non-empty word's key has its length, or at least 8, in its top
/// byte).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Slot(u64);

impl table::Key for Slot {
    const EMPTY: Slot = Slot(0);

    #[inline(always)]
    fn hash(self) -> u64 {
        // A short key's high bits are its length and its last bytes: mixed
        // down into the low ones, where words differ most.
        self.0 ^ self.0 >> 29
    }
}

/// Words and their keys by id, and the slot table from key to id.
pub struct Table<'t> {
    slots: table::Table<Slot, u32>,
    words: Vec<&'t str>,
    keys: Vec<u64>,
}

impl<'t> Table<'t> {
    /// An empty table for a text of `tokens` tokens.
    pub fn for_tokens(tokens: usize) -> Self {
        // NOTE: the table doubles when half full, so it stays the size of
        // the distinct words (a few thousand in an article, tens of
        // thousands in a book), not of the tokens: on a 10 MB text a table
        // sized for the tokens took 32 MB and missed the caches at every
        // token.
        // A news article has about one distinct word for every two or
        // three tokens, a long text far fewer: sized so that an article's
        // words fit without growing, and a long text's table starts small.
        let words = (tokens / 2).min(1 << 16) + 16;
        Table {
            slots: table::Table::with_slots(tokens.next_power_of_two().clamp(1024, 1 << 16)),
            words: Vec::with_capacity(words),
            keys: Vec::with_capacity(words),
        }
    }

    /// The id of the word with `key` and `bytes` (which only long words
    /// compare), or the empty slot where it would go.
    #[inline(always)]
    pub fn find(&self, key: u64, bytes: &[u8]) -> Result<u32, Vacant> {
        // A short word is its key; a long word's key is a hash of it, so
        // two long words may share one and their bytes tell them apart.
        let short = is_short(key);
        self.slots.find(Slot(key), |id| {
            short || self.words.get(id as usize).map(|w| w.as_bytes()) == Some(bytes)
        })
    }

    /// Adds the word `w` with `key` at the empty slot `at` that
    /// [`Table::find`] gave; its id.
    #[inline(never)]
    pub fn insert(&mut self, w: &'t str, key: u64, at: Vacant) -> u32 {
        let id = self.words.len() as u32;
        self.words.push(w);
        self.keys.push(key);
        self.slots.insert_at(at, Slot(key), id);
        id
    }

    /// The words, by id.
    pub fn words(&self) -> &[&'t str] {
        &self.words
    }

    /// The words' keys, by id.
    pub fn keys(&self) -> &[u64] {
        &self.keys
    }
}

/// The key of the non-empty token at `start..end` of `bytes`.
#[inline(always)]
pub fn key_at(bytes: &[u8], start: usize, end: usize) -> u64 {
    // NOTE: a token under eight bytes with eight bytes of text from its
    // start (nearly all of them) is keyed by one load and a mask.
    match bytes.get(start..start + 8) {
        Some(c) if end - start < 8 => short_key(word(c), end - start),
        _ => key_of(bytes.get(start..end).unwrap_or(&[])),
    }
}

/// The key of a non-empty word: for one to seven bytes, the bytes
/// zero-padded with the length in the top byte; for a longer word, a hash
/// of its bytes with its length (capped at 255) in the top byte.
pub fn key_of(b: &[u8]) -> u64 {
    match b.len() {
        n @ 1..=7 => short_key(super::fasthash::tail_word(b), n),
        n => u64::from(hash(b)) | (n.min(255) as u64) << 56,
    }
}

/// Whether `key` is a short word's: then it is the word, and for ASCII
/// its bytes can be read from it (see [`key_of`]).
#[inline(always)]
pub fn is_short(key: u64) -> bool {
    key >> 56 < 8
}

/// The key of a word of `len` (1 to 7) bytes, from the eight bytes `x`
/// that start with it (little-endian).
#[inline(always)]
fn short_key(x: u64, len: usize) -> u64 {
    (x & u64::MAX >> ((64 - 8 * (len & 7)) & 63)) | (len as u64) << 56
}

/// A hash of a long word's bytes (eight or more): the words of eight
/// bytes mixed in turn, the last one overlapping.
fn hash(b: &[u8]) -> u32 {
    let n = b.len();
    let at8 = |at: usize| b.get(at..at + 8).map_or(0, word);
    let mut x = at8(0);
    let mut at = 8;
    while at + 8 < n {
        x = (x.rotate_left(5) ^ at8(at)).wrapping_mul(K);
        at += 8;
    }
    let h = ((x ^ (n as u64) << 56).wrapping_mul(K).rotate_left(23) ^ at8(n.saturating_sub(8)))
        .wrapping_mul(K);
    (h >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_from_the_text_agree_with_keys_of_the_bytes() {
        let text =
            b"a ab abc abcd abcde abcdef abcdefg abcdefgh abcdefghijklmnopq \xc3\xa9t\xc3\xa9 x";
        let mut start = 0;
        for w in text.split(|&b| b == b' ') {
            let end = start + w.len();
            assert_eq!(key_at(text, start, end), key_of(w), "{w:?}");
            start = end + 1;
        }
        assert!(is_short(key_of(b"abcdefg")) && !is_short(key_of(b"abcdefgh")));
        assert_ne!(key_of(b"ab"), key_of(b"ab\0"));
    }

    #[test]
    fn words_short_and_long_get_one_id_each() {
        let words: Vec<String> = (0..3000)
            .map(|i| if i % 2 == 0 { format!("w{i}") } else { format!("a-long-word-{i}") })
            .collect();
        let mut t = Table::for_tokens(4);
        for round in 0..2 {
            for (i, w) in words.iter().enumerate() {
                let (key, b) = (key_of(w.as_bytes()), w.as_bytes());
                match t.find(key, b) {
                    Ok(id) => assert!(round == 1 && id as usize == i, "{w}"),
                    Err(at) => assert!(round == 0 && t.insert(w, key, at) as usize == i, "{w}"),
                }
            }
        }
        assert_eq!(t.words().len(), 3000);
        assert!(
            t.find(key_of(b"w1"), b"w1").is_err()
                && t.find(key_of(b"a-long-word-0"), b"a-long-word-0").is_err()
        );
    }
}
