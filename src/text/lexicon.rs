//! Word lists the text layer needs (abbreviations, sentence openers), read
//! from `data/abbreviations.txt` once, on first use.

use crate::text::fasthash::FastSet;
use std::sync::OnceLock;

struct Lists {
    title: FastSet<&'static str>,
    other: FastSet<&'static str>,
    openers: FastSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut l = Lists {
            title: FastSet::default(),
            other: FastSet::default(),
            openers: FastSet::default(),
        };
        let mut section = "";
        for line in include_str!("../../data/abbreviations.txt").lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with('[') {
                section = line;
                continue;
            }
            match section {
                "[title]" => l.title.insert(line),
                "[other]" => l.other.insert(line),
                _ => l.openers.insert(line),
            };
        }
        l
    })
}

/// "Gen", "Sen", "Mr": abbreviations that never end a sentence.
pub fn is_title_abbreviation(word: &str) -> bool {
    lists().title.contains(word)
}

/// "Inc", "U.S", "a.m": abbreviations that may end a sentence.
pub fn is_other_abbreviation(word: &str) -> bool {
    let w = word.strip_suffix('.').unwrap_or(word);
    lists().other.contains(w) || lists().title.contains(w)
}

/// Words that commonly open a sentence ("The", "He", "But").
pub fn is_sentence_opener(word: &str) -> bool {
    lists().openers.contains(word)
}
