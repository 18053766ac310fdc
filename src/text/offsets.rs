//! Offset conversion between UTF-8 byte offsets (used everywhere inside the
//! engine) and the units callers want: UTF-16 code units (JavaScript string
//! indices) and Unicode code points (Python string indices).
//!
//! Guarantees: building a map is one linear pass over the text (none past
//! its leading ASCII run, where an offset is its own count); each
//! conversion reads at most one word (eight bytes) of the text, in any
//! order; nothing panics, whatever offset is asked for (offsets past the
//! end clamp to the end, offsets inside a character round down to its
//! start).

use serde::{Deserialize, Serialize};

/// The unit in which offsets are reported to a caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// UTF-8 bytes, the engine's own unit.
    Utf8,
    /// UTF-16 code units, as JavaScript's `String.prototype.slice` counts.
    Utf16,
    /// Unicode scalar values, as Python's `str` indexing counts.
    #[default]
    Codepoint,
}

impl std::str::FromStr for OffsetUnit {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "utf8" | "byte" | "bytes" => Ok(OffsetUnit::Utf8),
            "utf16" => Ok(OffsetUnit::Utf16),
            "codepoint" | "codepoints" | "char" => Ok(OffsetUnit::Codepoint),
            other => {
                Err(format!("unknown offset unit '{other}' (expected utf8, utf16 or codepoint)"))
            }
        }
    }
}

/// Words (of eight bytes) per entry of [`OffsetMap`]'s coarse counts.
const WORDS_PER_BLOCK: usize = 32;

/// The word counts of an all-ASCII block: each word is eight characters.
const ASCII_WORDS: [u8; WORDS_PER_BLOCK] = {
    let mut t = [0u8; WORDS_PER_BLOCK];
    let mut k = 0;
    while k < WORDS_PER_BLOCK {
        t[k] = (8 * k) as u8;
        k += 1;
    }
    t
};

/// Converts byte offsets of one text into another unit.
pub struct OffsetMap<'a> {
    text: &'a str,
    unit: OffsetUnit,
    /// For each multiple of 8 * [`WORDS_PER_BLOCK`] bytes, the count in
    /// `unit` of the characters that start before it (empty for UTF-8).
    blocks: Vec<usize>,
    /// For each multiple of 8 bytes, the count of the characters that start
    /// between its block's start and it (at most 248, so one byte each: the
    /// map takes about a seventh of the text's size).
    words: Vec<u8>,
    /// The length of the text's leading run of ASCII bytes (0 for UTF-8);
    /// `blocks` and `words` are empty when it is the whole text.
    ascii: usize,
}

/// The length of the leading run of ASCII bytes of `bytes`.
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut at = 0;
    for block in bytes.chunks(8 * WORDS_PER_BLOCK) {
        if !block.is_ascii() {
            return at + block.iter().position(|b| !b.is_ascii()).unwrap_or(block.len());
        }
        at += block.len();
    }
    at
}

impl<'a> OffsetMap<'a> {
    /// Builds the map in one pass over `text`.
    pub fn new(text: &'a str, unit: OffsetUnit) -> Self {
        let mut map = OffsetMap { text, unit, ascii: 0, blocks: Vec::new(), words: Vec::new() };
        if unit != OffsetUnit::Utf8 {
            // NOTE: an offset in the text's leading ASCII run is its own
            // count; an ASCII text (a third of news articles) needs no map.
            map.ascii = ascii_prefix(text.as_bytes());
            if map.ascii < text.len() {
                map.count();
            }
        }
        map
    }

    /// Fills `blocks` and `words`.
    fn count(&mut self) {
        let (text, unit) = (self.text, self.unit);
        let (blocks, words) = (&mut self.blocks, &mut self.words);
        blocks.reserve(text.len() / (8 * WORDS_PER_BLOCK) + 1);
        words.reserve(text.len() / 8 + 1);
        let ascii_blocks = self.ascii / (8 * WORDS_PER_BLOCK);
        let mut count = 0usize;
        for (k, block) in text.as_bytes().chunks(8 * WORDS_PER_BLOCK).enumerate() {
            blocks.push(count);
            // NOTE: most blocks of news text are ASCII: their words count
            // 0, 8, 16, ... without being counted one by one.
            if k < ascii_blocks || block.len() == 8 * WORDS_PER_BLOCK && block.is_ascii() {
                words.extend_from_slice(&ASCII_WORDS);
                count += block.len();
                continue;
            }
            // The counts of a block are at most 31 * 8, so a byte each;
            // gathered in an array, then appended at once.
            let mut counts = [0u8; WORDS_PER_BLOCK];
            let mut n = 0;
            for (slot, c) in counts.iter_mut().zip(block.chunks_exact(8)) {
                *slot = n as u8;
                n += units_in_word(word(c), unit);
            }
            words.extend_from_slice(counts.get(..block.len() / 8).unwrap_or(&[]));
            count += n;
        }
        // The entry of the last word start (a short word, or the end).
        if words.len() % WORDS_PER_BLOCK == 0 {
            blocks.push(count);
        }
        let base = blocks.last().copied().unwrap_or(0);
        words.push(u8::try_from(count - base).unwrap_or(u8::MAX));
    }

    /// Converts a byte offset into the map's unit.
    pub fn convert(&self, byte: usize) -> usize {
        if byte <= self.ascii {
            return byte;
        }
        let byte = floor_boundary(self.text, byte);
        if self.unit == OffsetUnit::Utf8 {
            return byte;
        }
        // Counting character starts from a word's start is right even when
        // it falls inside a character: the count before it holds that
        // character's lead byte, and its other bytes are no starts.
        let w = byte / 8;
        let (from, n) = (w * 8, byte % 8);
        let bytes = self.text.as_bytes();
        let tail = match bytes.get(from..from + 8) {
            _ if n == 0 => 0,
            // The bytes past `byte` masked off: zeros, taken off as ASCII.
            Some(c) => units_in_word(word(c) & ((1u64 << (8 * n)) - 1), self.unit) - (8 - n),
            None => units_in(bytes.get(from..byte).unwrap_or(&[]), self.unit), // the text's last, short word
        };
        let block = self.blocks.get(w / WORDS_PER_BLOCK).copied().unwrap_or(0);
        block + self.words.get(w).map_or(0, |&c| usize::from(c)) + tail
    }
}

/// Converts many byte offsets into `unit` at once, with the same results as
/// [`OffsetMap::convert`] on each.
#[cfg(test)]
pub fn convert_all(text: &str, unit: OffsetUnit, offsets: &mut [&mut usize]) {
    let map = OffsetMap::new(text, unit);
    for o in offsets.iter_mut() {
        **o = map.convert(**o);
    }
}

use super::swar::{word, HIGH, ONES};

/// The length in `unit` of whole characters' bytes. A character starts at
/// each byte that is not a continuation byte (0b10xxxxxx); it takes two
/// UTF-16 units when it needs four bytes (a lead byte from 0xF0).
fn units_in(bytes: &[u8], unit: OffsetUnit) -> usize {
    if unit == OffsetUnit::Utf8 {
        return bytes.len();
    }
    // NOTE: eight bytes a step, and an ASCII word (most of news text) is
    // eight units without looking at its bytes one by one.
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        n += units_in_word(word(c), unit);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Zero padding: each zero byte is an ASCII character, taken off again.
        let w = rest.iter().rev().fold(0u64, |w, &b| w << 8 | u64::from(b));
        n += units_in_word(w, unit) - (8 - rest.len());
    }
    n
}

/// [`units_in`] of the eight bytes of `x` (for UTF-16 or code points).
#[inline(always)]
fn units_in_word(x: u64, unit: OffsetUnit) -> usize {
    if x & HIGH == 0 {
        return 8;
    }
    // Shifting left by k moves each byte's bit 7-k to its bit 7, never
    // into another byte's bit 7.
    let continuation = x & !(x << 1) & HIGH;
    let mut n = 8 - high_bits(continuation);
    if unit == OffsetUnit::Utf16 {
        n += high_bits(x & (x << 1) & (x << 2) & (x << 3) & HIGH);
    }
    n
}

/// How many bytes of `x` have their high bit set (no other bits are set).
/// NOTE: summed by one multiply, where `count_ones` without a popcount
/// instruction (baseline x86-64, wasm's is fine) takes a dozen steps.
#[inline(always)]
fn high_bits(x: u64) -> usize {
    ((x >> 7).wrapping_mul(ONES) >> 56) as usize
}

#[cfg(test)]
fn unit_len(c: char, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Utf8 => c.len_utf8(),
        OffsetUnit::Utf16 => c.len_utf16(),
        OffsetUnit::Codepoint => 1,
    }
}

/// The largest char boundary of `text` at or before `byte`.
pub fn floor_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// Converts an offset in `unit` back to a byte offset (clamped, rounded down
/// to a character start). Linear in the text; for tests and for callers that
/// hand offsets in, not for hot paths.
#[cfg(test)]
pub fn to_byte(text: &str, offset: usize, unit: OffsetUnit) -> usize {
    if unit == OffsetUnit::Utf8 {
        return floor_boundary(text, offset);
    }
    let mut count = 0;
    for (i, c) in text.char_indices() {
        let next = count + unit_len(c, unit);
        if next > offset {
            return i;
        }
        count = next;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_all(text: &str) {
        for unit in [OffsetUnit::Utf8, OffsetUnit::Utf16, OffsetUnit::Codepoint] {
            let map = OffsetMap::new(text, unit);
            for (i, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                let expected = match unit {
                    OffsetUnit::Utf8 => i,
                    OffsetUnit::Utf16 => text[..i].encode_utf16().count(),
                    OffsetUnit::Codepoint => text[..i].chars().count(),
                };
                assert_eq!(map.convert(i), expected, "{unit:?} at byte {i} of {text:?}");
                assert_eq!(to_byte(text, expected, unit), i);
            }
        }
    }

    #[test]
    fn converting_all_at_once_agrees_with_the_map() {
        let text = "北京 said «café» 👍 e\u{301}te\u{a0}100\u{202f}km 🇺🇸".repeat(5);
        for unit in [OffsetUnit::Utf8, OffsetUnit::Utf16, OffsetUnit::Codepoint] {
            let map = OffsetMap::new(&text, unit);
            // Every byte (inside characters too) and past the end, unsorted.
            let mut values: Vec<usize> =
                (0..text.len() + 3).rev().chain(0..text.len() + 3).collect();
            let expected: Vec<usize> = values.iter().map(|&b| map.convert(b)).collect();
            let mut refs: Vec<&mut usize> = values.iter_mut().collect();
            convert_all(&text, unit, &mut refs);
            assert_eq!(values, expected, "{unit:?}");
        }
    }

    #[test]
    fn counting_by_words_agrees_with_counting_chars() {
        let text = "a👍é北 «x» 🇺🇸\u{a0}bcdefghijk😀😀é".repeat(3);
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for &a in &starts {
            for &b in starts.iter().filter(|&&b| b >= a) {
                let s = &text[a..b];
                assert_eq!(
                    units_in(s.as_bytes(), OffsetUnit::Codepoint),
                    s.chars().count(),
                    "{s:?}"
                );
                assert_eq!(
                    units_in(s.as_bytes(), OffsetUnit::Utf16),
                    s.encode_utf16().count(),
                    "{s:?}"
                );
                assert_eq!(units_in(s.as_bytes(), OffsetUnit::Utf8), s.len());
            }
        }
    }

    #[test]
    fn ascii_blocks_and_texts_ending_on_a_block() {
        let ascii = "Tillerson said Sunday. ".repeat(12); // 276 bytes
        check_all(&format!("{ascii}👍 é{ascii}北"));
        check_all(&"x".repeat(256));
        check_all(&format!("{}é", "x".repeat(254)));
        check_all("");
    }

    #[test]
    fn the_ascii_prefix_ends_at_the_first_other_byte() {
        let long = "a".repeat(300);
        assert_eq!(ascii_prefix(format!("{long}é").as_bytes()), 300);
        assert_eq!(
            (ascii_prefix(b"ab\xc3\xa9"), ascii_prefix(b""), ascii_prefix(long.as_bytes())),
            (2, 0, 300)
        );
        check_all(&format!("{long}é{long}"));
        check_all(&format!("ab😀{long}"));
    }

    #[test]
    fn high_bits_are_counted() {
        for x in [0u64, HIGH, 0x80, 0x8000_0000_0000_0000, 0x0080_0080_8000_0080] {
            assert_eq!(high_bits(x), x.count_ones() as usize, "{x:#x}");
        }
    }

    #[test]
    fn ascii() {
        check_all("Tillerson said Sunday.");
    }

    #[test]
    fn emoji_are_two_utf16_units_and_one_codepoint() {
        let t = "He said 👍 then 🇺🇸 left";
        check_all(t);
        let b = t.find("then").unwrap();
        assert_eq!(OffsetMap::new(t, OffsetUnit::Utf16).convert(b), 11);
        assert_eq!(OffsetMap::new(t, OffsetUnit::Codepoint).convert(b), 10);
    }

    #[test]
    fn cjk_combining_marks_and_no_break_spaces() {
        check_all("北京 said «café» e\u{301}te\u{a0}100\u{202f}km");
        check_all(&"日本語のテキスト😀é\u{a0}".repeat(40));
    }

    #[test]
    fn offsets_inside_a_char_round_down_and_past_the_end_clamp() {
        let t = "a😀b";
        let m = OffsetMap::new(t, OffsetUnit::Utf16);
        assert_eq!(m.convert(2), 1);
        assert_eq!(m.convert(100), 4);
        assert_eq!(to_byte(t, 2, OffsetUnit::Utf16), 1, "inside a surrogate pair");
    }
}
