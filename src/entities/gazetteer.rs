//! Word lists for names (countries, US states, cities, regions, nationalities,
//! organisations, given names, organisation words, titles), read from
//! `data/gazetteer/*.txt` once, on first use, and matched against a token
//! sequence.
//!
//! Entries are tokenized with the same tokenizer as the text and matched
//! word by word, case-insensitively, except entries written all in capitals
//! ("US", "WHO"), which match only with the same case. A match must start
//! with a capitalized word unless the whole line is in capitals, so "us" is
//! never the country.
//!
//! Guarantees: matching is linear (at most [`MAX_WORDS`] lookups per token);
//! no panics.

use crate::text::tokens::tokenize;
use crate::text::fasthash::{FastMap, FastSet};
use std::sync::OnceLock;

/// One list. The discriminant is the bit in a [`Classes`] set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Country = 0,
    State = 1,
    City = 2,
    Region = 3,
    Norp = 4,
    Org = 5,
    Male = 6,
    Female = 7,
    OrgWord = 8,
    Title = 9,
}

/// All classes, in bit order.
pub const ALL: [Class; 10] = [
    Class::Country,
    Class::State,
    Class::City,
    Class::Region,
    Class::Norp,
    Class::Org,
    Class::Male,
    Class::Female,
    Class::OrgWord,
    Class::Title,
];

/// A set of classes, one bit each.
pub type Classes = u16;

/// Longest entry, in tokens.
pub const MAX_WORDS: usize = 6;

/// Whether `set` holds `c`.
pub fn has(set: Classes, c: Class) -> bool {
    set & (1 << c as u16) != 0
}

struct Lists {
    /// Lowercased entries, words joined by a space.
    folded: FastMap<String, Classes>,
    /// All-capital entries, exact.
    exact: FastMap<String, Classes>,
    /// Every word prefix of every entry, lowercased ("new", "new york"):
    /// a phrase that is not one cannot start a match, so matching stops there.
    prefixes: FastSet<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let files: [(Class, &str); 10] = [
            (Class::Country, include_str!("../../data/gazetteer/countries.txt")),
            (Class::State, include_str!("../../data/gazetteer/us_states.txt")),
            (Class::City, include_str!("../../data/gazetteer/cities.txt")),
            (Class::Region, include_str!("../../data/gazetteer/regions.txt")),
            (Class::Norp, include_str!("../../data/gazetteer/nationalities.txt")),
            (Class::Org, include_str!("../../data/gazetteer/orgs.txt")),
            (Class::Male, include_str!("../../data/gazetteer/given_male.txt")),
            (Class::Female, include_str!("../../data/gazetteer/given_female.txt")),
            (Class::OrgWord, include_str!("../../data/gazetteer/org_words.txt")),
            (Class::Title, include_str!("../../data/gazetteer/titles.txt")),
        ];
        let mut l = Lists { folded: FastMap::default(), exact: FastMap::default(), prefixes: FastSet::default() };
        for (class, text) in files {
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                let words: Vec<&str> = tokenize(line).iter().map(|t| t.text(line)).collect();
                if words.is_empty() || words.len() > MAX_WORDS {
                    continue;
                }
                let all_caps = line.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !line.chars().any(|c| c.is_lowercase());
                let (map, key) = if all_caps {
                    (&mut l.exact, words.join(" "))
                } else {
                    (&mut l.folded, words.join(" ").to_lowercase())
                };
                *map.entry(key).or_insert(0) |= 1 << class as u16;
                for n in 1..=words.len() {
                    l.prefixes.insert(words.get(..n).unwrap_or(&[]).join(" ").to_lowercase());
                }
            }
        }
        l
    })
}

/// The classes of the phrase made of `words` (already split into tokens).
pub fn lookup(words: &[&str]) -> Classes {
    let mut low = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            low.push(' ');
        }
        push_lower(&mut low, w);
    }
    lookup_lowered(words, &low)
}

/// [`lookup`] with the phrase's lowercase form already joined.
fn lookup_lowered(words: &[&str], low: &str) -> Classes {
    let l = lists();
    // Exact entries are written in capitals, so only a phrase with no
    // lowercase letter can match one.
    let exact = if words.iter().any(|w| w.chars().any(char::is_lowercase)) {
        0
    } else {
        l.exact.get(&words.join(" ")).copied().unwrap_or(0)
    };
    exact | l.folded.get(low).copied().unwrap_or(0)
}

/// Appends the lowercase form of `w` to `out`, without allocating.
fn push_lower(out: &mut String, w: &str) {
    for c in w.chars() {
        out.extend(c.to_lowercase());
    }
}

/// Where a token sits in the longest list match covering it, per class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hit {
    /// Classes of a one-word match of this token.
    pub unit: Classes,
    /// Classes of multi-word matches starting, inside, or ending here.
    pub begin: Classes,
    pub inside: Classes,
    pub last: Classes,
}

/// Matches the lists against `words` (one sentence). `caps_line` lifts the
/// capitalization requirement for lines written all in capitals.
pub fn hits(words: &[&str], caps_line: bool) -> Vec<Hit> {
    let mut out = vec![Hit::default(); words.len()];
    let mut low = String::new();
    for i in 0..words.len() {
        let first = words.get(i).copied().unwrap_or("");
        if !caps_line && !first.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        low.clear();
        for n in 1..=MAX_WORDS.min(words.len() - i) {
            let Some(phrase) = words.get(i..i + n) else { break };
            if n > 1 {
                low.push(' ');
            }
            push_lower(&mut low, phrase.last().copied().unwrap_or(""));
            if !lists().prefixes.contains(&low) {
                break; // no entry starts like this, nor with anything longer
            }
            let classes = lookup_lowered(phrase, &low);
            if classes == 0 {
                continue;
            }
            if n == 1 {
                if let Some(h) = out.get_mut(i) {
                    h.unit |= classes;
                }
                continue;
            }
            for (k, h) in out.iter_mut().enumerate().skip(i).take(n) {
                match k - i {
                    0 => h.begin |= classes,
                    x if x + 1 == n => h.last |= classes,
                    _ => h.inside |= classes,
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_single_and_multi_word_entries() {
        let h = hits(&["in", "New", "Zealand", "and", "Paris"], false);
        assert!(has(h[1].begin, Class::Country) && has(h[2].last, Class::Country));
        assert!(has(h[4].unit, Class::City));
        assert_eq!(h[3], Hit::default());
    }

    #[test]
    fn capitals_entries_need_their_case() {
        assert!(has(hits(&["US"], false)[0].unit, Class::Country));
        assert_eq!(hits(&["us"], false)[0].unit, 0);
        assert_eq!(hits(&["Us"], false)[0].unit, 0);
    }

    #[test]
    fn lowercase_start_needs_a_caps_line() {
        assert_eq!(hits(&["france"], false)[0].unit, 0);
        assert!(has(hits(&["FRANCE"], true)[0].unit, Class::Country));
    }

    #[test]
    fn given_names_and_titles() {
        assert!(has(lookup(&["Mary"]), Class::Female));
        assert!(has(lookup(&["secretary", "of", "state"]), Class::Title));
    }
}
