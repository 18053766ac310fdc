//! The word classes the date, time, money, percent and number rules read,
//! parsed once from `data/rules.txt`: month names, units, quantity words.
//!
//! Guarantees: a few integer operations per word (a second lookup only
//! for month names and time zones), no allocation; no panics.

use crate::text::fasthash::FastMap;
use crate::text::lexicon::lists::RULES;
use crate::text::wordkey::Table;
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
    /// One bit per [`filter_bit`] of a listed word: most words of a text
    /// find theirs clear and are ruled out before the table.
    ///
    /// NOTE: first byte, last byte and length together: the earlier
    /// separate masks (the lengths listed for each first and for each last
    /// byte) let most words through to the table's key folding and probe.
    filter: [u64; FILTER_WORDS],
    /// Exact spelling -> classes, for month names and time zones.
    pub exact: FastMap<&'static str, u32>,
}

/// Words in [`Lists::filter`]: 2^14 bits, 2 KB.
const FILTER_WORDS: usize = 256;

/// A word's bit in [`Lists::filter`], from its first and last bytes
/// (ASCII-lowercased, five bits each) and its length (four bits). Words
/// that share a bit are told apart by the table.
fn filter_bit(first: u8, last: u8, len: usize) -> usize {
    (usize::from(first.to_ascii_lowercase() & 31) << 9)
        | (usize::from(last.to_ascii_lowercase() & 31) << 4)
        | (len & 15)
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
        let mut entries: Vec<(&'static str, u32)> = Vec::new();
        for line in RULES.entries() {
            let Some((name, words)) = line.split_once(':') else { continue };
            let Some(&(_, bit)) = class::NAMES.iter().find(|(n, _)| *n == name.trim()) else {
                continue;
            };
            entries.extend(words.split_whitespace().map(|w| (w, bit)));
        }
        let mut l =
            Lists { table: Table::default(), exact: FastMap::default(), filter: [0; FILTER_WORDS] };
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
            if let (Some(&f), Some(&z)) = (b.first(), b.last()) {
                let bit = filter_bit(f, z, b.len());
                if let Some(word) = l.filter.get_mut(bit / 64) {
                    *word |= 1 << (bit % 64);
                }
            }
        }
        l
    })
}

/// The classes of one word.
pub fn classes_of(w: &str) -> u32 {
    lists().word_classes(w)
}

impl Lists {
    /// The classes of one word ([`classes_of`], for a caller that holds
    /// the lists).
    ///
    /// NOTE: inlined into the per-word classification, so that the most
    /// words, ruled out by the filter, cost a few instructions and no call.
    #[inline]
    pub fn word_classes(&self, w: &str) -> u32 {
        let b = w.as_bytes();
        let (Some(&f), Some(&z)) = (b.first(), b.last()) else { return 0 };
        let bit = filter_bit(f, z, b.len());
        if self.filter.get(bit / 64).is_none_or(|&word| word & (1 << (bit % 64)) == 0) {
            return 0;
        }
        self.listed(w, f)
    }

    /// The classes of a word the filter lets through (first byte `f`).
    #[inline(never)]
    fn listed(&self, w: &str, f: u8) -> u32 {
        let Some(e) = self.table.get(w.as_bytes()) else { return 0 };
        // Every cased entry starts with a capital.
        let exact = if e.cased && f.is_ascii_uppercase() {
            self.exact.get(w).copied().unwrap_or(0)
        } else {
            0
        };
        e.folded | exact
    }
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

    #[test]
    fn the_filter_lets_every_listed_word_through() {
        let mut n = 0;
        for (name, words) in RULES.entries().filter_map(|l| l.split_once(':')) {
            let Some(&(_, bit)) = class::NAMES.iter().find(|(c, _)| *c == name.trim()) else {
                continue;
            };
            for w in words.split_whitespace() {
                assert_ne!(classes_of(w) & bit, 0, "{w}");
                n += 1;
            }
        }
        assert!(n > 100, "{n}");
        assert_eq!(
            (filter_bit(b'M', b'H', 5), filter_bit(b'm', b'h', 21)),
            (filter_bit(b'm', b'h', 5), filter_bit(b'm', b'h', 5))
        );
    }
}
