//! Abbreviations and sentence openers for the sentence splitter
//! (`data/abbreviations/`), read once, on first use.

use super::lists::{OTHER_ABBREVIATIONS, SENTENCE_OPENERS, TITLE_ABBREVIATIONS};
use crate::text::fasthash::FastSet;
use std::sync::OnceLock;

struct Lists {
    title: FastSet<&'static str>,
    other: FastSet<&'static str>,
    openers: FastSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        title: TITLE_ABBREVIATIONS.entries().collect(),
        other: OTHER_ABBREVIATIONS.entries().collect(),
        openers: SENTENCE_OPENERS.entries().collect(),
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
