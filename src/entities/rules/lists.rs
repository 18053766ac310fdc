//! The word classes the date, time, money, percent and number rules read,
//! parsed once from `data/rules.txt`: month names, units, quantity words.
//!
//! Guarantees: a few integer operations per word (a second lookup only
//! for month names and time zones), no allocation; no panics.

use crate::text::fasthash::FastMap;
use crate::text::lexicon::lists::RULES;
use crate::text::wordkey::Table;
use std::sync::OnceLock;

/// What the rules know of a word, one bit each: its classes in
/// `data/rules.txt` ([`class`], bits 0 to 21) and what its form shows
/// ([`super::forms::shape`], the bits above).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts(u32);

impl Facts {
    /// No fact.
    pub const NONE: Facts = Facts(0);

    /// The fact of bit `k`.
    pub const fn bit(k: u32) -> Facts {
        Facts(1 << k)
    }

    /// The facts of both sets.
    pub const fn union(self, other: Facts) -> Facts {
        Facts(self.0 | other.0)
    }

    /// `self` when `on`, else none.
    #[inline]
    pub fn when(self, on: bool) -> Facts {
        if on {
            self
        } else {
            Facts::NONE
        }
    }

    /// Whether the two sets share a fact.
    #[inline]
    pub fn meets(self, other: Facts) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether the set is empty.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether every fact of the set lies below every fact of `other`.
    #[cfg(test)]
    pub fn below(self, other: Facts) -> bool {
        self.0 < other.0 & other.0.wrapping_neg()
    }
}

impl std::ops::BitOr for Facts {
    type Output = Facts;
    #[inline]
    fn bitor(self, other: Facts) -> Facts {
        self.union(other)
    }
}

impl std::ops::BitOrAssign for Facts {
    #[inline]
    fn bitor_assign(&mut self, other: Facts) {
        self.0 |= other.0;
    }
}

/// The word classes of `data/rules.txt`, one bit each.
pub mod class {
    use super::Facts;

    pub const QUANTITY: Facts = Facts::bit(0);
    pub const MULTIPLIER: Facts = Facts::bit(1);
    pub const CURRENCY_WORD: Facts = Facts::bit(2);
    pub const CURRENCY_SYMBOL: Facts = Facts::bit(3);
    pub const TIME_UNIT: Facts = Facts::bit(4);
    pub const TIME_WORD: Facts = Facts::bit(5);
    pub const DAY_PART: Facts = Facts::bit(6);
    pub const DAY_PART_OPENER: Facts = Facts::bit(7);
    pub const CLOCK_SUFFIX: Facts = Facts::bit(8);
    pub const TIME_ZONE: Facts = Facts::bit(9);
    pub const MONTH: Facts = Facts::bit(10);
    pub const MONTH_ABBREVIATION: Facts = Facts::bit(11);
    pub const WEEKDAY: Facts = Facts::bit(12);
    pub const DEICTIC_DAY: Facts = Facts::bit(13);
    pub const RELATIVE: Facts = Facts::bit(14);
    pub const DATE_UNIT: Facts = Facts::bit(15);
    pub const DATE_UNIT_PLURAL: Facts = Facts::bit(16);
    pub const SEASON: Facts = Facts::bit(17);
    pub const OFFSET: Facts = Facts::bit(18);
    pub const VAGUE: Facts = Facts::bit(19);
    pub const VAGUE_OPENER: Facts = Facts::bit(20);
    pub const NUMBER_WORD: Facts = Facts::bit(21);
    /// Classes whose words must be written exactly as listed.
    pub const CASED: Facts = MONTH.union(MONTH_ABBREVIATION).union(TIME_ZONE);

    /// Each class's name in `data/rules.txt`.
    pub const NAMES: [(&str, Facts); 22] = [
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
/// ([`crate::text::wordkey`]): a word of the text costs a few integer operations and
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
    pub exact: FastMap<&'static str, Facts>,
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
    folded: Facts,
    /// Whether a cased class lists the word: then `exact` has it.
    cased: bool,
}

impl Lists {
    /// Each listed word with its classes, in no order (for tests).
    #[cfg(test)]
    pub fn classes(&self) -> impl Iterator<Item = Facts> + '_ {
        self.table.values().map(|e| e.folded).chain(self.exact.values().copied())
    }
}

/// The lists, parsed on first use.
pub fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let mut entries: Vec<(&'static str, Facts)> = Vec::new();
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
            let folded = if bit.meets(CASED) { w.to_string() } else { w.to_lowercase() };
            let b = folded.as_bytes();
            let Some(entry) = l.table.entry(b) else { continue };
            if bit.meets(CASED) {
                entry.cased = true;
                *l.exact.entry(w).or_default() |= bit;
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
pub fn classes_of(w: &str) -> Facts {
    lists().word_classes(w)
}

impl Lists {
    /// The classes of one word ([`classes_of`], for a caller that holds
    /// the lists).
    ///
    /// NOTE: inlined into the per-word classification, so that the most
    /// words, ruled out by the filter, cost a few instructions and no call.
    #[inline]
    pub fn word_classes(&self, w: &str) -> Facts {
        let b = w.as_bytes();
        let (Some(&f), Some(&z)) = (b.first(), b.last()) else { return Facts::NONE };
        let bit = filter_bit(f, z, b.len());
        if self.filter.get(bit / 64).is_none_or(|&word| word & (1 << (bit % 64)) == 0) {
            return Facts::NONE;
        }
        self.listed(w, f)
    }

    /// The classes of a word the filter lets through (first byte `f`).
    #[inline(never)]
    fn listed(&self, w: &str, f: u8) -> Facts {
        let Some(e) = self.table.get(w.as_bytes()) else { return Facts::NONE };
        // Every cased entry starts with a capital.
        let exact = if e.cased && f.is_ascii_uppercase() {
            self.exact.get(w).copied().unwrap_or_default()
        } else {
            Facts::NONE
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
        assert_eq!(classes_of("march"), Facts::NONE);
        assert_eq!(classes_of("£"), class::CURRENCY_SYMBOL);
        assert_eq!(classes_of("billions"), Facts::NONE);
        assert_eq!(classes_of(""), Facts::NONE);
    }

    #[test]
    fn the_filter_lets_every_listed_word_through() {
        let mut n = 0;
        for (name, words) in RULES.entries().filter_map(|l| l.split_once(':')) {
            let Some(&(_, bit)) = class::NAMES.iter().find(|(c, _)| *c == name.trim()) else {
                continue;
            };
            for w in words.split_whitespace() {
                assert!(classes_of(w).meets(bit), "{w}");
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
