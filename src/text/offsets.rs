//! Offset conversion between UTF-8 byte offsets (used everywhere inside the
//! engine) and the units callers want: UTF-16 code units (JavaScript string
//! indices) and Unicode code points (Python string indices).
//!
//! Guarantees: building a map is one linear pass over the text; each
//! conversion costs at most one checkpoint stride (64 bytes) of scanning;
//! [`convert_all`] converts a whole result's offsets in one pass, without a
//! map; nothing panics, whatever offset is asked for (offsets past the end clamp to
//! the end, offsets inside a character round down to its start).

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
            other => Err(format!("unknown offset unit '{other}' (expected utf8, utf16 or codepoint)")),
        }
    }
}

const STRIDE: usize = 64;

/// Converts byte offsets of one text into another unit.
pub struct OffsetMap<'a> {
    text: &'a str,
    unit: OffsetUnit,
    /// For each multiple of STRIDE: (byte offset of the char boundary at or
    /// before it, count in `unit` up to that boundary).
    checkpoints: Vec<(usize, usize)>,
}

impl<'a> OffsetMap<'a> {
    /// Builds the map in one pass over `text`.
    pub fn new(text: &'a str, unit: OffsetUnit) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        if unit != OffsetUnit::Utf8 {
            let mut count = 0usize;
            let mut next = 0usize;
            for (i, c) in text.char_indices() {
                while next <= i {
                    checkpoints.push((i, count));
                    next += STRIDE;
                }
                count += unit_len(c, unit);
            }
            while next <= text.len() {
                checkpoints.push((text.len(), count));
                next += STRIDE;
            }
        }
        OffsetMap { text, unit, checkpoints }
    }

    /// The unit this map converts into.
    pub fn unit(&self) -> OffsetUnit {
        self.unit
    }

    /// Converts a byte offset into the map's unit.
    pub fn convert(&self, byte: usize) -> usize {
        let byte = floor_boundary(self.text, byte);
        if self.unit == OffsetUnit::Utf8 {
            return byte;
        }
        let (mut at, mut count) = self.checkpoints.get(byte / STRIDE).copied().unwrap_or((0, 0));
        if at > byte {
            // The checkpoint's boundary lies after `byte` (a long character
            // straddles the stride mark): step back one checkpoint.
            let prev = (byte / STRIDE).saturating_sub(1);
            (at, count) = self.checkpoints.get(prev).copied().unwrap_or((0, 0));
        }
        if let Some(slice) = self.text.get(at..byte) {
            count += slice.chars().map(|c| unit_len(c, self.unit)).sum::<usize>();
        }
        count
    }
}

/// Converts many byte offsets into `unit` at once, with the same results as
/// [`OffsetMap::convert`] on each: sorts them, then counts through the text
/// once, up to the largest. Linear in the text (plus the sort), no map.
pub fn convert_all(text: &str, unit: OffsetUnit, offsets: &mut [&mut usize]) {
    offsets.sort_unstable_by_key(|o| **o);
    let bytes = text.as_bytes();
    let (mut at, mut count) = (0usize, 0usize);
    for o in offsets.iter_mut() {
        // Sorted offsets have non-decreasing boundaries, so `at <= b`.
        let b = floor_boundary(text, **o);
        count += units_in(bytes.get(at..b).unwrap_or(&[]), unit);
        at = b;
        **o = count;
    }
}

/// The length in `unit` of whole characters' bytes. A character starts at
/// each byte that is not a continuation byte (0b10xxxxxx); it takes two
/// UTF-16 units when it needs four bytes (a lead byte from 0xF0).
fn units_in(bytes: &[u8], unit: OffsetUnit) -> usize {
    let starts = || bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
    match unit {
        _ if bytes.is_ascii() => bytes.len(),
        OffsetUnit::Utf8 => bytes.len(),
        OffsetUnit::Codepoint => starts(),
        OffsetUnit::Utf16 => starts() + bytes.iter().filter(|&&b| b >= 0xf0).count(),
    }
}

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
            let mut values: Vec<usize> = (0..text.len() + 3).rev().chain(0..text.len() + 3).collect();
            let expected: Vec<usize> = values.iter().map(|&b| map.convert(b)).collect();
            let mut refs: Vec<&mut usize> = values.iter_mut().collect();
            convert_all(&text, unit, &mut refs);
            assert_eq!(values, expected, "{unit:?}");
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
