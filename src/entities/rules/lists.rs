//! The word classes the date, time, money, percent and number rules read,
//! parsed once from `data/rules.txt`: month names, units, quantity words.
//!
//! Guarantees: a few integer operations per word (a second lookup only
//! for month names and time zones), no allocation; no panics.

use crate::text::wordkey::Table;
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

/// The listed words, keyed by the word lowercased (ASCII) in one integer
/// ([`crate::entities::wordkey`]): a word of the text costs a few integer operations and
/// usually one probe, with no hashing of strings.
pub struct Lists {
    table: Table<Entry>,
    /// By first and by last byte (ASCII-lowercased): the lengths, one bit
    /// each, of the listed words that start or end with it. Most words of
    /// a text fail one of the two and are ruled out before the table.
    first: [u32; 256],
    last: [u32; 256],
    /// Exact spelling -> classes, for month names and time zones.
    pub exact: FastMap<&'static str, u32>,
}

/// One listed word.
#[derive(Clone, Copy, Default)]
struct Entry {
    /// The classes matched in any case.
    folded: u32,
    /// Whether a cased class lists the word: then `exact` has it.
    cased: bool,
}

impl Lists {
    /// Each listed word with its classes, in no order (for tests).
    #[cfg(test)]
    pub fn classes(&self) -> impl Iterator<Item = u32> + '_ {
        self.table.values().map(|e| e.folded).chain(self.exact.values().copied())
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
        let mut l = Lists { table: Table::default(), exact: FastMap::default(), first: [0; 256], last: [0; 256] };
        for (w, bit) in entries {
            let folded = if bit & CASED != 0 { w.to_string() } else { w.to_lowercase() };
            let b = folded.as_bytes();
            let Some(entry) = l.table.entry(b) else { continue };
            if bit & CASED != 0 {
                entry.cased = true;
                *l.exact.entry(w).or_insert(0) |= bit;
            } else {
                entry.folded |= bit;
            }
            for (table, byte) in [(&mut l.first, b.first()), (&mut l.last, b.last())] {
                if let Some(lens) = byte.and_then(|&c| table.get_mut(c.to_ascii_lowercase() as usize)) {
                    *lens |= 1 << b.len();
                }
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
    let Some(e) = l.table.get(b) else { return 0 };
    // Every cased entry starts with a capital.
    let exact = if e.cased && f.is_ascii_uppercase() { l.exact.get(w).copied().unwrap_or(0) } else { 0 };
    e.folded | exact
}

#[cfg(test)]
mod tests {
    use super::*;

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
