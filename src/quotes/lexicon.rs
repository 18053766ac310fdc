//! The word lists of the quote finder: reporting verbs and phrases
//! (`data/cues.txt`) and the small closed classes the attribution rules
//! need (`data/quotes/words.txt`). Parsed once, on first use.
//!
//! Guarantees: lookups are hash lookups on lower-cased words; a cue match
//! reads at most the length of the longest phrase; no panics.

use crate::text::fasthash::FastMap;
use std::sync::OnceLock;

/// How a reporting verb or phrase attaches to its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// "X said (that) ...", "..., X said".
    Speech,
    /// Takes a hearer before the content: "X told Y (that) ...".
    Object,
    /// Counts only before "that", a colon or a quotation, or after the content.
    Weak,
    /// A speech verb used as a participle (", adding ..."): its content follows it.
    Participle,
}

/// A closed word class from `data/quotes/words.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// Between a speaker and its verb: "also", "has", "later".
    Skip,
    /// Cannot end or be a speaker phrase: "and", "which", "the".
    Stop,
    Pronoun,
    Determiner,
    /// Opens an adjunct after a verb: "on", "during", "Tuesday".
    Adjunct,
    /// A title or description word: "secretary", "spokesman".
    Title,
    /// Marks a woman: "Mrs.", common female first names.
    Female,
    /// Marks a man.
    Male,
    /// Makes a capitalised phrase an organisation: "Times", "Council".
    Org,
}

struct Lexicon {
    /// First word of a phrase -> (all words, class), longest first.
    cues: FastMap<&'static str, Vec<(Vec<&'static str>, CueClass)>>,
    /// Word -> its classes, one bit per [`Class`]: one lookup per question.
    words: FastMap<&'static str, u16>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon { cues: parse_cues(include_str!("../../data/cues.txt")), words: parse_words(include_str!("../../data/quotes/words.txt")) })
}

fn parse_cues(src: &'static str) -> FastMap<&'static str, Vec<(Vec<&'static str>, CueClass)>> {
    let mut out: FastMap<&'static str, Vec<(Vec<&'static str>, CueClass)>> = FastMap::default();
    let mut class = CueClass::Speech;
    for line in src.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line {
            "[speech]" => class = CueClass::Speech,
            "[object]" => class = CueClass::Object,
            "[weak]" => class = CueClass::Weak,
            _ => {
                for form in line.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                    let words: Vec<&'static str> = form.split_whitespace().collect();
                    if let Some(first) = words.first() {
                        let list = out.entry(first).or_default();
                        // A later section overrides an earlier entry of the same phrase.
                        list.retain(|(w, _)| *w != words);
                        list.push((words, class));
                    }
                }
            }
        }
    }
    for list in out.values_mut() {
        list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
    }
    out
}

fn parse_words(src: &'static str) -> FastMap<&'static str, u16> {
    let mut out: FastMap<&'static str, u16> = FastMap::default();
    let mut class = None;
    for line in src.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        class = match line {
            "[skip]" => Some(Class::Skip),
            "[stop]" => Some(Class::Stop),
            "[pronoun]" => Some(Class::Pronoun),
            "[determiner]" => Some(Class::Determiner),
            "[adjunct]" => Some(Class::Adjunct),
            "[title]" => Some(Class::Title),
            "[female]" => Some(Class::Female),
            "[male]" => Some(Class::Male),
            "[org]" => Some(Class::Org),
            _ => {
                if let Some(c) = class {
                    *out.entry(line).or_insert(0) |= 1 << c as u16;
                }
                continue;
            }
        };
    }
    out
}

/// Whether the lower-cased `word` is in `class`.
pub fn is(class: Class, word: &str) -> bool {
    lexicon().words.get(word).is_some_and(|&bits| bits & (1 << class as u16) != 0)
}

/// The reporting phrase starting at `words[0]` (lower-cased tokens), as
/// (number of words, class).
pub fn cue_at(words: &[&str]) -> Option<(usize, CueClass)> {
    let first = words.first()?;
    let list = lexicon().cues.get(first)?;
    list.iter()
        .find(|(phrase, _)| words.len() >= phrase.len() && phrase.iter().zip(words).all(|(a, b)| a == b))
        .map(|(phrase, class)| (phrase.len(), *class))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_forms_and_phrases() {
        assert_eq!(cue_at(&["said", "the"]), Some((1, CueClass::Speech)));
        assert_eq!(cue_at(&["pointed", "out", "that"]), Some((2, CueClass::Speech)));
        assert_eq!(cue_at(&["told", "reporters"]), Some((1, CueClass::Object)));
        assert_eq!(cue_at(&["pointed"]), None);
        assert_eq!(cue_at(&["table"]), None);
    }

    #[test]
    fn word_classes() {
        assert!(is(Class::Pronoun, "he"));
        assert!(is(Class::Title, "secretary"));
        assert!(is(Class::Skip, "also"));
        assert!(!is(Class::Title, "tillerson"));
    }
}
