//! The distinct words of a document: each token's word id, so that later
//! stages classify a distinct word once (a list lookup, a lowercase form,
//! its casing) and then read an array per token, instead of hashing and
//! lowercasing the same string at every occurrence. A news article has
//! about four tokens for each distinct word.
//!
//! Guarantees: one hash lookup per token; ids are dense, in order of first
//! occurrence; no panics.

use super::tokens::Token;

/// The distinct token texts of a document, and each token's id among them.
pub struct Vocab<'t> {
    ids: Vec<u32>,
    words: Vec<&'t str>,
    /// Each word's [`Shape`] bits.
    shapes: Vec<u8>,
    /// The open-addressing table the words were interned with (id + 1,
    /// 0 = empty), kept for [`Vocab::find`].
    slots: Vec<u32>,
}

/// What a word's characters are, as bits: stages test these instead of
/// walking the characters of every occurrence.
pub struct Shape;

impl Shape {
    /// The first character is uppercase.
    pub const FIRST_UPPER: u8 = 1;
    /// The first character is a letter.
    pub const FIRST_ALPHA: u8 = 2;
    /// Some character is uppercase.
    pub const UPPER: u8 = 4;
    /// Some character is lowercase.
    pub const LOWER: u8 = 8;
    /// Some character is numeric.
    pub const NUMERIC: u8 = 16;
    /// Some character is a letter or numeric.
    pub const ALNUM: u8 = 32;
    /// Two letters or more.
    pub const TWO_LETTERS: u8 = 64;
    /// Some character is not ASCII.
    pub const NON_ASCII: u8 = 128;

    /// The shape bits of `w`, in one pass over its characters.
    pub fn of(w: &str) -> u8 {
        if w.is_ascii() {
            return Self::of_ascii(w.as_bytes());
        }
        let mut f = Self::NON_ASCII;
        let mut letters = 0;
        for (k, c) in w.chars().enumerate() {
            let (up, alpha) = (c.is_uppercase(), c.is_alphabetic());
            if k == 0 {
                f |= if up { Self::FIRST_UPPER } else { 0 } | if alpha { Self::FIRST_ALPHA } else { 0 };
            }
            if up {
                f |= Self::UPPER;
            }
            if c.is_lowercase() {
                f |= Self::LOWER;
            }
            if alpha {
                letters += 1;
                f |= Self::ALNUM;
            }
            if c.is_numeric() {
                f |= Self::NUMERIC | Self::ALNUM;
            }
        }
        if letters >= 2 {
            f |= Self::TWO_LETTERS;
        }
        f
    }

    /// [`Shape::of`] for ASCII, from the bytes.
    fn of_ascii(w: &[u8]) -> u8 {
        let mut f = match w.first() {
            Some(b) if b.is_ascii_uppercase() => Self::FIRST_UPPER | Self::FIRST_ALPHA,
            Some(b) if b.is_ascii_lowercase() => Self::FIRST_ALPHA,
            _ => 0,
        };
        let mut letters = 0u32;
        for &b in w {
            let bits = ASCII_BITS[b as usize];
            f |= bits & !LETTER;
            letters += u32::from(bits >> 7);
        }
        if letters >= 2 {
            f |= Self::TWO_LETTERS;
        }
        f
    }
}

/// Marks a letter in [`ASCII_BITS`] (a bit no [`Shape`] uses).
const LETTER: u8 = 0x80;

/// Per ASCII byte: the [`Shape`] bits it sets anywhere in a word, and
/// [`LETTER`]; one lookup instead of three range tests per byte.
const ASCII_BITS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            Shape::UPPER | Shape::ALNUM | LETTER
        } else if c.is_ascii_lowercase() {
            Shape::LOWER | Shape::ALNUM | LETTER
        } else if c.is_ascii_digit() {
            Shape::NUMERIC | Shape::ALNUM
        } else {
            0
        };
        b += 1;
    }
    t
};

impl<'t> Vocab<'t> {
    /// Interns the tokens of `text`.
    pub fn new(text: &'t str, tokens: &[Token]) -> Self {
        // NOTE: an open-addressing table instead of a HashMap: this runs
        // once per token of every document, and a general map's hashing and
        // probing cost three times as much here. It doubles when half full,
        // so it stays the size of the distinct words (a few thousand in an
        // article, tens of thousands in a book), not of the tokens: on a
        // 10 MB text a table sized for the tokens took 32 MB and missed the
        // caches at every token.
        let mut slots = vec![0u32; 1024]; // id + 1, 0 = empty
        let mut mask = slots.len() - 1;
        // About one distinct word for every four tokens in an article, and
        // far fewer per token in a long text.
        let guess = (tokens.len() / 3).min(1 << 16) + 16;
        let mut words: Vec<&'t str> = Vec::with_capacity(guess);
        let mut hashes: Vec<u32> = Vec::with_capacity(guess);
        let mut shapes: Vec<u8> = Vec::with_capacity(guess);
        let mut ids = Vec::with_capacity(tokens.len());
        for t in tokens {
            let w = t.text(text);
            let h = hash(w.as_bytes());
            let mut at = h as usize & mask;
            let id = loop {
                match slots.get(at).copied().unwrap_or(0) {
                    0 => {
                        words.push(w);
                        hashes.push(h);
                        shapes.push(Shape::of(w));
                        if let Some(slot) = slots.get_mut(at) {
                            *slot = words.len() as u32;
                        }
                        if 2 * words.len() > slots.len() {
                            slots = rehash(&hashes, 2 * slots.len());
                            mask = slots.len() - 1;
                        }
                        break words.len() as u32 - 1;
                    }
                    s => {
                        let id = s - 1;
                        if hashes.get(id as usize) == Some(&h) && words.get(id as usize) == Some(&w) {
                            break id;
                        }
                        at = (at + 1) & mask;
                    }
                }
            };
            ids.push(id);
        }
        Vocab { ids, words, shapes, slots }
    }

    /// The id of the word `w`, if the document has it: one hash and
    /// usually one probe, no string hashing of a general map.
    pub fn find(&self, w: &str) -> Option<usize> {
        let h = hash(w.as_bytes());
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = h as usize & mask;
        // The table is at most half full, so an empty slot ends the probe.
        loop {
            let id = self.slots.get(at).copied()?.checked_sub(1)? as usize;
            if self.words.get(id) == Some(&w) {
                return Some(id);
            }
            at = (at + 1) & mask;
        }
    }

    /// The word id of token `i` (0 when out of range, as for an empty text).
    pub fn id(&self, i: usize) -> usize {
        self.ids.get(i).map_or(0, |&id| id as usize)
    }

    /// Every token's word id, in token order.
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// The distinct words, by id.
    pub fn words(&self) -> &[&'t str] {
        &self.words
    }

    /// The [`Shape`] bits of token `i` (0 when out of range).
    pub fn shape(&self, i: usize) -> u8 {
        self.shapes.get(self.id(i)).copied().unwrap_or(0)
    }

    /// The [`Shape`] bits of each distinct word, by id.
    pub fn shapes(&self) -> &[u8] {
        &self.shapes
    }

    /// `f` of each distinct word, by id: a per-word table to read per token
    /// with [`Vocab::id`].
    pub fn classify<T>(&self, f: impl FnMut(&'t str) -> T) -> Vec<T> {
        self.words.iter().copied().map(f).collect()
    }
}

/// A table of `size` slots (a power of two) holding the words of `hashes`.
fn rehash(hashes: &[u32], size: usize) -> Vec<u32> {
    let mask = size - 1;
    let mut slots = vec![0u32; size];
    for (id, &h) in hashes.iter().enumerate() {
        let mut at = h as usize & mask;
        while slots.get(at).is_some_and(|&s| s != 0) {
            at = (at + 1) & mask;
        }
        if let Some(slot) = slots.get_mut(at) {
            *slot = id as u32 + 1;
        }
    }
    slots
}

/// A hash of a token's bytes. Tokens are short, so instead of a byte loop
/// it reads at most two overlapping words (as wyhash does for short keys):
/// the first and last 8 bytes, 4 bytes, or three single bytes.
fn hash(b: &[u8]) -> u32 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let n = b.len();
    let word8 = |at: usize| b.get(at..at + 8).and_then(|s| s.try_into().ok()).map_or(0, u64::from_le_bytes);
    let word4 = |at: usize| b.get(at..at + 4).and_then(|s| s.try_into().ok()).map_or(0, u32::from_le_bytes) as u64;
    let byte = |at: usize| b.get(at).copied().unwrap_or(0) as u64;
    let (x, y) = match n {
        0 => (0, 0),
        1..=3 => (byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16, 0),
        4..=8 => (word4(0), word4(n - 4)),
        9..=16 => (word8(0), word8(n - 8)),
        _ => {
            let mut h = 0u64;
            let mut at = 0;
            while at + 8 <= n {
                h = (h.rotate_left(5) ^ word8(at)).wrapping_mul(K);
                at += 8;
            }
            (h, word8(n - 8))
        }
    };
    let h = ((x ^ (n as u64) << 56).wrapping_mul(K).rotate_left(23) ^ y).wrapping_mul(K);
    (h >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    #[test]
    fn each_distinct_word_gets_one_id() {
        let text = "Ann met Bob and Ann met Cy.";
        let v = Vocab::new(text, &tokenize(text));
        assert_eq!(v.ids(), [0, 1, 2, 3, 0, 1, 4, 5]);
        assert_eq!(v.words(), ["Ann", "met", "Bob", "and", "Cy", "."]);
        assert_eq!(v.classify(str::len), [3, 3, 3, 3, 2, 1]);
        assert_eq!(v.id(99), 0);
        assert_eq!((v.find("Cy"), v.find("."), v.find("cy"), v.find("")), (Some(4), Some(5), None, None));
        assert_eq!(Vocab::new("", &[]).find("a"), None);
    }

    #[test]
    fn many_words_and_collisions_keep_their_ids() {
        let text: String = (0..5000).map(|i| format!("w{} ", i % 1700)).collect();
        let v = Vocab::new(&text, &tokenize(&text));
        assert_eq!(v.words().len(), 1700);
        assert!(v.ids().iter().enumerate().all(|(i, &id)| id as usize == i % 1700));
        assert!((0..1700).all(|i| v.find(&format!("w{i}")) == Some(i)) && v.find("w1700").is_none());
        assert_eq!(Vocab::new("", &[]).words().len(), 0);
    }

    #[test]
    fn shapes_describe_the_characters() {
        let s = Shape::of;
        assert_eq!(s("Ann"), Shape::FIRST_UPPER | Shape::FIRST_ALPHA | Shape::UPPER | Shape::LOWER | Shape::ALNUM | Shape::TWO_LETTERS);
        assert_eq!(s("3M"), Shape::UPPER | Shape::NUMERIC | Shape::ALNUM);
        assert_eq!(s("é"), Shape::FIRST_ALPHA | Shape::LOWER | Shape::ALNUM | Shape::NON_ASCII);
        assert_eq!(s("“"), Shape::NON_ASCII);
        assert_eq!(s(""), 0);
        for w in ["Ann", "a1", "I", "x-Y", "9", "--", "mIxEd", "A.B."] {
            let mut slow = 0;
            for (k, c) in w.chars().enumerate() {
                let bit = |on: bool, b: u8| if on { b } else { 0 };
                slow |= bit(k == 0 && c.is_uppercase(), Shape::FIRST_UPPER) | bit(k == 0 && c.is_alphabetic(), Shape::FIRST_ALPHA);
                slow |= bit(c.is_uppercase(), Shape::UPPER) | bit(c.is_lowercase(), Shape::LOWER);
                slow |= bit(c.is_numeric(), Shape::NUMERIC) | bit(c.is_alphanumeric(), Shape::ALNUM);
            }
            slow |= if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 { Shape::TWO_LETTERS } else { 0 };
            assert_eq!(s(w), slow, "{w}");
        }
        let text = "Ann met ann";
        let v = Vocab::new(text, &tokenize(text));
        assert_eq!(v.shape(2), s("ann"));
        assert_eq!(v.shapes().len(), 3);
    }

    #[test]
    fn case_makes_a_different_word() {
        let text = "The the THE";
        assert_eq!(Vocab::new(text, &tokenize(text)).words().len(), 3);
    }
}
