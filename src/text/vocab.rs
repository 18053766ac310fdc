//! The distinct words of a document: each token's word id, so that later
//! stages classify a distinct word once (a list lookup, a lowercase form,
//! its casing) and then read an array per token, instead of hashing and
//! lowercasing the same string at every occurrence. A news article has
//! two or three tokens for each distinct word, a long text far more.
//!
//! Guarantees: one table lookup per token; ids are dense, in order of first
//! occurrence; no panics.

use super::intern::{self, Table};
use super::tokens::Token;

/// The distinct token texts of a document, and each token's id among them.
pub struct Vocab<'t> {
    ids: Vec<u32>,
    /// Each word's [`Shape`] bits.
    shapes: Vec<u8>,
    /// The words by id, and the table they were interned with, kept for
    /// [`Vocab::find`].
    table: Table<'t>,
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
                f |= if up { Self::FIRST_UPPER } else { 0 }
                    | if alpha { Self::FIRST_ALPHA } else { 0 };
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

    /// [`Shape::of`] of the word `w` whose [`intern`] key is `key`.
    fn of_keyed(w: &str, key: u64) -> u8 {
        const HIGH: u64 = 0x0080_8080_8080_8080;
        if intern::is_short(key) && key & HIGH == 0 {
            return Self::of_short_ascii(key & (u64::MAX >> 8));
        }
        Self::of(w)
    }

    /// [`Shape::of`] of a word of at most seven ASCII bytes, from its
    /// bytes zero-padded in a little-endian word: each class of byte found
    /// in all bytes at once.
    fn of_short_ascii(x: u64) -> u8 {
        use super::swar::ONES;
        // The high bit of each byte from `c` up (bytes are below 0x80, so
        // no sum carries into the next byte).
        let from = |c: u8| x + (0x80 - u64::from(c)) * ONES;
        let class = |lo: u8, hi: u8| from(lo) & !from(hi + 1) & (0x80 * ONES);
        let (upper, lower, digit) = (class(b'A', b'Z'), class(b'a', b'z'), class(b'0', b'9'));
        let letters = upper | lower;
        let bit = |on: bool, b: u8| if on { b } else { 0 };
        bit(upper & 0x80 != 0, Self::FIRST_UPPER)
            | bit(letters & 0x80 != 0, Self::FIRST_ALPHA)
            | bit(upper != 0, Self::UPPER)
            | bit(lower != 0, Self::LOWER)
            | bit(digit != 0, Self::NUMERIC)
            | bit(letters | digit != 0, Self::ALNUM)
            | bit(letters & letters.wrapping_sub(1) != 0, Self::TWO_LETTERS)
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
        let mut table = Table::for_tokens(tokens.len());
        let bytes = text.as_bytes();
        let ids = tokens
            .iter()
            .map(|t| {
                let (start, end) = (t.start(), t.end());
                let key = intern::key_at(bytes, start, end);
                match table.find(key, bytes.get(start..end).unwrap_or(&[])) {
                    Ok(id) => id,
                    Err(at) => table.insert(text.get(start..end).unwrap_or(""), key, at),
                }
            })
            .collect();
        // NOTE: shapes are taken once per distinct word after the loop over
        // the tokens (which stays small), a short ASCII word's from its key.
        let shapes =
            table.words().iter().zip(table.keys()).map(|(w, &k)| Shape::of_keyed(w, k)).collect();
        Vocab { ids, shapes, table }
    }

    /// The id of the word `w`, if the document has it: one key and
    /// usually one probe, no string hashing of a general map.
    pub fn find(&self, w: &str) -> Option<usize> {
        if w.is_empty() {
            return None;
        }
        self.table.find(intern::key_of(w.as_bytes()), w.as_bytes()).ok().map(|id| id as usize)
    }

    /// The word id of token `i` (0 when out of range, as for an empty text).
    pub fn id(&self, i: usize) -> usize {
        debug_assert!(i < self.ids.len() || self.ids.is_empty(), "token {i} of {}", self.ids.len());
        self.ids.get(i).map_or(0, |&id| id as usize)
    }

    /// Every token's word id, in token order.
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// The distinct words, by id.
    pub fn words(&self) -> &[&'t str] {
        self.table.words()
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
        self.words().iter().copied().map(f).collect()
    }
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
        if !cfg!(debug_assertions) {
            assert_eq!(v.id(99), 0, "out of range (a debug assertion in checked builds)");
        }
        assert_eq!(
            (v.find("Cy"), v.find("."), v.find("cy"), v.find("")),
            (Some(4), Some(5), None, None)
        );
        assert_eq!(Vocab::new("", &[]).find("a"), None);
    }

    #[test]
    fn many_words_and_collisions_keep_their_ids() {
        let text: String = (0..5000).map(|i| format!("w{} ", i % 1700)).collect();
        let v = Vocab::new(&text, &tokenize(&text));
        assert_eq!(v.words().len(), 1700);
        assert!(v.ids().iter().enumerate().all(|(i, &id)| id as usize == i % 1700));
        assert!(
            (0..1700).all(|i| v.find(&format!("w{i}")) == Some(i)) && v.find("w1700").is_none()
        );
        assert_eq!(Vocab::new("", &[]).words().len(), 0);
    }

    #[test]
    fn shapes_describe_the_characters() {
        let s = Shape::of;
        assert_eq!(
            s("Ann"),
            Shape::FIRST_UPPER
                | Shape::FIRST_ALPHA
                | Shape::UPPER
                | Shape::LOWER
                | Shape::ALNUM
                | Shape::TWO_LETTERS
        );
        assert_eq!(s("3M"), Shape::UPPER | Shape::NUMERIC | Shape::ALNUM);
        assert_eq!(s("é"), Shape::FIRST_ALPHA | Shape::LOWER | Shape::ALNUM | Shape::NON_ASCII);
        assert_eq!(s("“"), Shape::NON_ASCII);
        assert_eq!(s(""), 0);
        for w in ["Ann", "a1", "I", "x-Y", "9", "--", "mIxEd", "A.B."] {
            let mut slow = 0;
            for (k, c) in w.chars().enumerate() {
                let bit = |on: bool, b: u8| if on { b } else { 0 };
                slow |= bit(k == 0 && c.is_uppercase(), Shape::FIRST_UPPER)
                    | bit(k == 0 && c.is_alphabetic(), Shape::FIRST_ALPHA);
                slow |= bit(c.is_uppercase(), Shape::UPPER) | bit(c.is_lowercase(), Shape::LOWER);
                slow |=
                    bit(c.is_numeric(), Shape::NUMERIC) | bit(c.is_alphanumeric(), Shape::ALNUM);
            }
            slow |= if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                Shape::TWO_LETTERS
            } else {
                0
            };
            assert_eq!(s(w), slow, "{w}");
        }
        let text = "Ann met ann";
        let v = Vocab::new(text, &tokenize(text));
        assert_eq!(v.shape(2), s("ann"));
        assert_eq!(v.shapes().len(), 3);
    }

    #[test]
    fn shapes_from_keys_agree_with_shapes_from_characters() {
        let mut words: Vec<String> = [
            "Ann", "a1", "I", "x-Y", "9", "--", "mIxEd", "A.B.", "@[`{", "Zz09/:", "é", "abcdefgh",
            "ABCDEFG",
        ]
        .map(String::from)
        .to_vec();
        words.extend((0u8..128).map(|b| format!("{}a", b as char)));
        words.extend((0u8..128).map(|b| format!("Q{}", b as char)));
        for w in &words {
            assert_eq!(Shape::of_keyed(w, intern::key_of(w.as_bytes())), Shape::of(w), "{w:?}");
        }
    }

    #[test]
    fn case_makes_a_different_word() {
        let text = "The the THE";
        assert_eq!(Vocab::new(text, &tokenize(text)).words().len(), 3);
    }
}
