//! The word classes the date, time, money, percent and number rules read,
//! parsed once from `data/rules.txt`: month names, units, quantity words.
//!
//! Guarantees: a few integer operations per word (a second lookup only
//! for month names and time zones), no allocation; no panics.

use crate::text::fasthash::FastMap;
use std::sync::OnceLock;

/// The word classes of `data/rules.txt`, one bit each.
pub mod class {
    pub const QUANTITY: u32 = 1;
    pub const MULTIPLIER: u32 = 1 << 1;
    pub const CURRENCY_WORD: u32 = 1 << 2;
    pub const CURRENCY_SYMBOL: u32 = 1 << 3;
    pub const TIME_UNIT: u32 = 1 << 4;
    pub const TIME_WORD: u32 = 1 << 5;
    pub const DAY_PART: u32 = 1 << 6;
    pub const DAY_PART_OPENER: u32 = 1 << 7;
    pub const CLOCK_SUFFIX: u32 = 1 << 8;
    pub const TIME_ZONE: u32 = 1 << 9;
    pub const MONTH: u32 = 1 << 10;
    pub const MONTH_ABBREVIATION: u32 = 1 << 11;
    pub const WEEKDAY: u32 = 1 << 12;
    pub const DEICTIC_DAY: u32 = 1 << 13;
    pub const RELATIVE: u32 = 1 << 14;
    pub const DATE_UNIT: u32 = 1 << 15;
    pub const DATE_UNIT_PLURAL: u32 = 1 << 16;
    pub const SEASON: u32 = 1 << 17;
    pub const OFFSET: u32 = 1 << 18;
    pub const VAGUE: u32 = 1 << 19;
    pub const VAGUE_OPENER: u32 = 1 << 20;
    pub const NUMBER_WORD: u32 = 1 << 21;
    /// Classes whose words must be written exactly as listed.
    pub const CASED: u32 = MONTH | MONTH_ABBREVIATION | TIME_ZONE;

    /// Each class's name in `data/rules.txt`.
    pub const NAMES: [(&str, u32); 22] = [
        ("quantity", QUANTITY),
        ("multiplier", MULTIPLIER),
        ("currency_word", CURRENCY_WORD),
        ("currency_symbol", CURRENCY_SYMBOL),
        ("time_unit", TIME_UNIT),
        ("time_word", TIME_WORD),
        ("day_part", DAY_PART),
        ("day_part_opener", DAY_PART_OPENER),
        ("clock_suffix", CLOCK_SUFFIX),
        ("time_zone", TIME_ZONE),
        ("month", MONTH),
        ("month_abbreviation", MONTH_ABBREVIATION),
        ("weekday", WEEKDAY),
        ("deictic_day", DEICTIC_DAY),
        ("relative", RELATIVE),
        ("date_unit", DATE_UNIT),
        ("date_unit_plural", DATE_UNIT_PLURAL),
        ("season", SEASON),
        ("offset", OFFSET),
        ("vague", VAGUE),
        ("vague_opener", VAGUE_OPENER),
        ("number_word", NUMBER_WORD),
    ];
}
use class::*;

/// The listed words, in a small open-addressing table keyed by the word
/// lowercased (ASCII) in one 16-byte integer: a word of the text costs one
/// lowercase and usually one probe, with no hashing of strings.
pub struct Lists {
    slots: Vec<Slot>,
    /// By first and by last byte (ASCII-lowercased): the lengths, one bit
    /// each, of the listed words that start or end with it. Most words of
    /// a text fail one of the two and are ruled out before the table.
    first: [u32; 256],
    last: [u32; 256],
    /// Exact spelling -> classes, for month names and time zones.
    pub exact: FastMap<&'static str, u32>,
}

/// One listed word (`len` 0: an empty slot).
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u128,
    len: u8,
    /// The classes matched in any case.
    folded: u32,
    /// Whether a cased class lists the word: then `exact` has it.
    cased: bool,
}

/// Listed words are at most this long (a longer word is in no class).
const MAX_LEN: usize = 16;

/// The bytes of `w` (at most [`MAX_LEN`]) as one little-endian integer,
/// zero-padded, with ASCII capitals lowercased.
fn key(w: &[u8]) -> Option<u128> {
    let mut buf = [0u8; MAX_LEN];
    buf.get_mut(..w.len())?.copy_from_slice(w);
    let x = u128::from_le_bytes(buf);
    // All sixteen bytes at once: a byte that is ASCII (high bit clear),
    // at least 'A' and not above 'Z' gets its 0x20 bit set. No sum
    // carries into the next byte (each stays below 0x100).
    const ONES: u128 = u128::MAX / 0xff;
    let low7 = x & (0x7f * ONES);
    let at_least_a = low7 + (0x80 - u128::from(b'A')) * ONES;
    let above_z = low7 + (0x7f - u128::from(b'Z')) * ONES;
    let capital = at_least_a & !above_z & !x & (0x80 * ONES);
    Some(x | (capital >> 2))
}

/// The first slot to probe for `key` in a table of `mask + 1` slots.
fn home(key: u128, mask: usize) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize & mask
}

impl Lists {
    /// The slot of `w` (by its key), or the empty slot where it would go.
    fn find(&self, key: u128, len: usize) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = home(key, mask);
        // The table is at most a quarter full: a probe meets an empty slot.
        for _ in 0..self.slots.len() {
            let s = self.slots.get(at)?;
            if s.len == 0 || (usize::from(s.len) == len && s.key == key) {
                return Some(at);
            }
            at = (at + 1) & mask;
        }
        None
    }

    /// Each listed word with its classes, in no order (for tests).
    #[cfg(test)]
    pub fn classes(&self) -> impl Iterator<Item = u32> + '_ {
        self.slots.iter().map(|s| s.folded).chain(self.exact.values().copied())
    }
}

/// The lists, parsed on first use.
pub fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let text = include_str!("../../../data/rules.txt");
        let mut entries: Vec<(&'static str, u32)> = Vec::new();
        for line in text.lines().map(str::trim) {
            let Some((name, words)) = line.split_once(':').filter(|_| !line.starts_with('#')) else { continue };
            let Some(&(_, bit)) = class::NAMES.iter().find(|(n, _)| *n == name.trim()) else { continue };
            entries.extend(words.split_whitespace().map(|w| (w, bit)));
        }
        let size = (4 * entries.len()).next_power_of_two().max(16);
        let mut l = Lists { slots: vec![Slot::default(); size], exact: FastMap::default(), first: [0; 256], last: [0; 256] };
        for (w, bit) in entries {
            let folded = if bit & CASED != 0 { w.to_string() } else { w.to_lowercase() };
            let Some(key) = key(folded.as_bytes()).filter(|_| !folded.is_empty()) else { continue };
            let b = folded.as_bytes();
            for (table, byte) in [(&mut l.first, b.first()), (&mut l.last, b.last())] {
                if let Some(lens) = byte.and_then(|&c| table.get_mut(c.to_ascii_lowercase() as usize)) {
                    *lens |= 1 << b.len();
                }
            }
            let Some(slot) = l.find(key, folded.len()).and_then(|at| l.slots.get_mut(at)) else { continue };
            slot.key = key;
            slot.len = folded.len() as u8;
            if bit & CASED != 0 {
                slot.cased = true;
                *l.exact.entry(w).or_insert(0) |= bit;
            } else {
                slot.folded |= bit;
            }
        }
        l
    })
}

/// The classes of one word.
pub fn classes_of(w: &str) -> u32 {
    let l = lists();
    let b = w.as_bytes();
    let (Some(&f), Some(&z)) = (b.first(), b.last()) else { return 0 };
    let len = 1u32.checked_shl(b.len() as u32).unwrap_or(0);
    let listed = |lens: &[u32; 256], c: u8| lens.get(c.to_ascii_lowercase() as usize).is_some_and(|&m| m & len != 0);
    if !listed(&l.first, f) || !listed(&l.last, z) {
        return 0;
    }
    let Some(key) = key(b) else { return 0 };
    let Some(s) = l.find(key, b.len()).and_then(|at| l.slots.get(at)) else { return 0 };
    if s.len == 0 {
        return 0;
    }
    // Every cased entry starts with a capital.
    let exact = if s.cased && f.is_ascii_uppercase() { l.exact.get(w).copied().unwrap_or(0) } else { 0 };
    s.folded | exact
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
    }

    #[test]
    fn words_are_found_in_any_case_but_cased_ones() {
        assert_eq!(classes_of("Billion"), class::MULTIPLIER);
        assert_eq!(classes_of("BILLION"), class::MULTIPLIER);
        assert_eq!(classes_of("March"), class::MONTH);
        assert_eq!(classes_of("march"), 0);
        assert_eq!(classes_of("£"), class::CURRENCY_SYMBOL);
        assert_eq!(classes_of("billions"), 0);
        assert_eq!(classes_of(""), 0);
    }
}
