//! The word classes the date, time, money, percent and number rules read,
//! parsed once from `data/rules.txt`: month names, units, quantity words.
//!
//! Guarantees: one hash lookup per word, no allocation; no panics.

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

/// Lowercase word -> classes, and the exact spellings of the cased classes.
pub struct Lists {
    /// Lowercase word -> classes.
    pub folded: FastMap<String, u32>,
    /// Exact spelling -> classes, for month names and time zones.
    pub exact: FastMap<&'static str, u32>,
    /// The bytes some listed word starts with (either case): most tokens
    /// (punctuation, numbers, most words) are ruled out without hashing.
    first: [bool; 256],
}

/// The lists, parsed on first use.
pub fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| {
        let mut l = Lists { folded: FastMap::default(), exact: FastMap::default(), first: [false; 256] };
        for line in include_str!("../../../data/rules.txt").lines().map(str::trim) {
            let Some((name, words)) = line.split_once(':').filter(|_| !line.starts_with('#')) else { continue };
            let Some(&(_, bit)) = class::NAMES.iter().find(|(n, _)| *n == name.trim()) else { continue };
            for w in words.split_whitespace() {
                if let Some(&b) = w.as_bytes().first() {
                    for c in [b, b.to_ascii_lowercase(), b.to_ascii_uppercase()] {
                        if let Some(slot) = l.first.get_mut(c as usize) {
                            *slot = true;
                        }
                    }
                }
                if bit & CASED != 0 {
                    *l.exact.entry(w).or_insert(0) |= bit;
                } else {
                    *l.folded.entry(w.to_lowercase()).or_insert(0) |= bit;
                }
            }
        }
        l
    })
}

/// The classes of one word.
pub fn classes_of(w: &str) -> u32 {
    let l = lists();
    if !w.as_bytes().first().is_some_and(|&b| l.first.get(b as usize).copied().unwrap_or(false)) {
        return 0;
    }
    // Every cased entry starts with a capital.
    let exact = if w.starts_with(|c: char| c.is_ascii_uppercase()) { l.exact.get(w).copied().unwrap_or(0) } else { 0 };
    // No listed word is longer than 16 bytes; lowercase ASCII on the stack.
    let mut buf = [0u8; 16];
    let Some(dst) = buf.get_mut(..w.len()) else { return exact };
    dst.copy_from_slice(w.as_bytes());
    dst.make_ascii_lowercase();
    let folded = std::str::from_utf8(dst).ok().and_then(|k| l.folded.get(k)).copied().unwrap_or(0);
    exact | folded
}

