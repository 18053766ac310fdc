//! Single words and reporting phrases, for the quote finder: reporting
//! verbs and phrases (`data/cues/`), the small closed classes the
//! attribution rules need (`data/quotes/`), and the one-word names and
//! titles of the phrase lists. Parsed once, on first use.
//!
//! Guarantees: lookups are hash lookups on lower-cased words (one per
//! word answers every class and cue question, see [`tags`]); a cue match
//! reads at most the length of the longest phrase; no panics.

use super::{lists, Class, WordSet};
use crate::text::fasthash::FastMap;
use std::borrow::Cow;
use crate::text::wordkey::{self, Folded, Table};
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

/// Set in [`Tags`] when some reporting phrase starts with the word.
const CUE_START: u32 = 1 << 16;
/// Set in [`Tags`] when the word alone is a reporting phrase.
const CUE_WORD: u32 = 1 << 17;

/// What the word lists say about one lower-cased word: its classes (one
/// bit per [`Class`], the low 16 bits) and whether it starts or is a
/// reporting phrase (the two bits above).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tags(u32);

impl Tags {
    /// Whether the word is in `class`.
    #[inline]
    pub fn has(self, class: Class) -> bool {
        self.0 & (1 << class as u32) != 0
    }

    /// Whether a reporting phrase starts with the word ([`cue_at`] can match).
    pub fn starts_cue(self) -> bool {
        self.0 & CUE_START != 0
    }

    /// Whether the word alone is a reporting phrase ("said", not "pointed").
    pub fn is_cue_word(self) -> bool {
        self.0 & CUE_WORD != 0
    }
}

struct Lexicon {
    /// First word of a phrase -> (all words, class), longest first.
    cues: FastMap<&'static str, Vec<(Vec<&'static str>, CueClass)>>,
    /// Every listed word's [`Tags`] bits.
    words: WordBits,
}

/// Word -> its [`Tags`] bits: one lookup answers every question.
#[derive(Default)]
struct WordBits {
    table: Table<u32>,
    /// The same for words the table cannot key (longer than
    /// [`wordkey::MAX_LEN`] bytes; none in today's lists).
    long: FastMap<Cow<'static, str>, u32>,
    /// The longest word, in bytes: longer words need no lookup.
    longest: usize,
    /// The first bytes of the words, one bit each.
    firsts: [u64; 4],
}

impl WordBits {
    /// Adds `bits` to the lower-case word `w`.
    ///
    /// NOTE: straight into the table: the words were once gathered in a
    /// map of strings first, and a word lower-cased for it was leaked,
    /// which the fuzzers' leak check reported once the table (integer keys
    /// only) was all that was left of it.
    fn add(&mut self, w: Cow<'static, str>, bits: u32) {
        self.longest = self.longest.max(w.len());
        if let Some(b) = w.bytes().next() {
            if let Some(set) = self.firsts.get_mut(usize::from(b >> 6)) {
                *set |= 1 << (b & 63);
            }
        }
        match self.table.entry(w.as_bytes()) {
            Some(slot) => *slot |= bits,
            None => *self.long.entry(w).or_insert(0) |= bits,
        }
    }

    /// Whether a word with this first byte and length may be listed: most
    /// words are in no list, and this says so without hashing.
    #[inline]
    fn may_hold(&self, first: u8, len: usize) -> bool {
        len <= self.longest
            && self
                .firsts
                .get(usize::from(first >> 6))
                .is_some_and(|set| set & (1 << (first & 63)) != 0)
    }
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let cues = parse_cues();
        let mut words = parse_words();
        for (first, list) in &cues {
            let one = list.iter().any(|(phrase, _)| phrase.len() == 1);
            words.add(Cow::Borrowed(*first), CUE_START | if one { CUE_WORD } else { 0 });
        }
        Lexicon { cues, words }
    })
}

/// The reporting phrases, by first word, longest first. A phrase listed in
/// two files takes the class of the later one.
fn parse_cues() -> FastMap<&'static str, Vec<(Vec<&'static str>, CueClass)>> {
    let mut out: FastMap<&'static str, Vec<(Vec<&'static str>, CueClass)>> = FastMap::default();
    let files = [
        (CueClass::Speech, lists::CUES_SPEECH),
        (CueClass::Object, lists::CUES_OBJECT),
        (CueClass::Weak, lists::CUES_WEAK),
    ];
    for (class, list) in files {
        for line in list.entries() {
            for form in line.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                let words: Vec<&'static str> = form.split_whitespace().collect();
                if let Some(first) = words.first() {
                    let list = out.entry(first).or_default();
                    list.retain(|(w, _)| *w != words);
                    list.push((words, class));
                }
            }
        }
    }
    for list in out.values_mut() {
        list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
    }
    out
}

/// Each listed word with its classes' bits. A class takes the one-word
/// entries of the phrase lists too (lower-cased), so that the quote finder
/// knows every given name and title the tagger knows.
fn parse_words() -> WordBits {
    let mut out = WordBits::default();
    let own = [
        (Class::Skip, lists::SKIP),
        (Class::Stop, lists::STOP),
        (Class::Pronoun, lists::PRONOUNS),
        (Class::Determiner, lists::DETERMINERS),
        (Class::Adjunct, lists::ADJUNCTS),
        (Class::Title, lists::TITLE_WORDS),
        (Class::Female, lists::FEMALE_WORDS),
        (Class::Male, lists::MALE_WORDS),
        (Class::Org, lists::ORG_MARKERS),
        (Class::Label, lists::LABELS),
    ];
    for (class, list) in own {
        for w in list.entries() {
            out.add(Cow::Borrowed(w), 1 << class as u32);
        }
    }
    let phrases = [
        (Class::Title, lists::TITLES),
        (Class::Female, lists::GIVEN_FEMALE),
        (Class::Male, lists::GIVEN_MALE),
        (Class::Org, lists::ORGS),
        (Class::Org, lists::COMPANIES),
    ];
    for (class, list) in phrases {
        for w in list.entries().filter(|w| !w.contains(char::is_whitespace)) {
            // Lower-cased once, at load.
            let low = match w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
                true => Cow::Owned(w.to_lowercase()),
                false => Cow::Borrowed(w),
            };
            out.add(low, 1 << class as u32);
        }
    }
    out
}

/// The [`Tags`] of the lower-cased `word` (none for a word in no list).
#[inline]
pub fn tags(word: &str) -> Tags {
    let words = &lexicon().words;
    if !words.may_hold(word.bytes().next().unwrap_or(0), word.len()) {
        return Tags::default();
    }
    let bits = match wordkey::key(word.as_bytes()) {
        Some(_) if !word.is_empty() => words.table.get(word.as_bytes()),
        _ => words.long.get(word).copied(),
    };
    Tags(bits.unwrap_or(0))
}

/// The [`Tags`] of a short ASCII word read by [`crate::text::wordkey::fold_ascii`] (the same
/// answer [`tags`] gives for its lower case).
#[inline]
pub fn tags_folded(word: Folded) -> Tags {
    let words = &lexicon().words;
    if !words.may_hold(word.key as u8, word.len) {
        return Tags::default();
    }
    Tags(words.table.get_key(word.key, word.len).unwrap_or(0))
}

/// Whether the lower-cased `word` is in `class`.
#[cfg(test)]
pub fn is(class: Class, word: &str) -> bool {
    tags(word).has(class)
}

/// The reporting phrase starting at `words[0]` (lower-cased tokens), as
/// (number of words, class).
pub fn cue_at(words: &[&str]) -> Option<(usize, CueClass)> {
    let first = words.first()?;
    let list = lexicon().cues.get(first)?;
    list.iter()
        .find(|(phrase, _)| {
            words.len() >= phrase.len() && phrase.iter().zip(words).all(|(a, b)| a == b)
        })
        .map(|(phrase, class)| (phrase.len(), *class))
}

/// `pub fn $name(word: &str) -> bool`: whether a lower-case word is in
/// the list `lists::$list`, read into a set on first use.
macro_rules! word_sets {
    ($($(#[$doc:meta])* $name:ident => $list:ident;)*) => {
        $($(#[$doc])*
        pub fn $name(word: &str) -> bool {
            static SET: WordSet = WordSet::new(lists::$list);
            SET.contains(word)
        })*
    };
}

word_sets! {
    /// Whether a lower-case word names something issued that speaks for its
    /// author ("statement", "letter", "study"; `data/quotes/document.txt`).
    is_document => DOCUMENTS;
    /// Whether a lower-case word is a finite verb that ends a sentence's
    /// subject ("could", "sought"; `data/quotes/finite.txt`).
    is_finite => FINITE;
    /// Whether a lower-case word is a verb of naming or judgement ("dubbed",
    /// "slammed"; `data/quotes/naming.txt`).
    is_naming => NAMING;
    /// Whether a lower-case word names an occasion or channel of speech
    /// ("interview", "twitter"; `data/quotes/occasion.txt`).
    is_occasion => OCCASIONS;
    /// Whether a lower-case reporting word is also a noun ("post", "reply";
    /// `data/quotes/cue_noun.txt`).
    is_cue_noun => CUE_NOUNS;
    /// Whether a lower-case word is a verb of habit or wish before "to say"
    /// ("likes", "wanted"; `data/quotes/habitual.txt`).
    is_habitual => HABITUAL;
    /// Whether a lower-case word is a result a company reports in numbers
    /// ("earnings", "loss"; `data/quotes/results.txt`).
    is_result => RESULTS;
    /// Whether a lower-case word is an irregular past form of a reporting verb
    /// ("said", "swore"; `data/quotes/past.txt`).
    is_past => PAST;
    /// Whether a lower-case word is a plural of things that never speak
    /// ("shares", "prices"; `data/quotes/things.txt`).
    is_thing => THINGS;
    /// Whether a lower-case word is something written as a work ("songs",
    /// "novel"; `data/quotes/works.txt`).
    is_work => WORKS;
    /// Whether a lower-case word is an English word (SCOWL,
    /// `data/text/words.txt`; names that are also words, "reed", too).
    is_english => ENGLISH_WORDS;
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
        assert!(!is(Class::Title, ""));
    }

    #[test]
    fn word_classes_take_the_one_word_names_and_titles_of_the_phrase_lists() {
        // In given_female.txt, given_male.txt, titles.txt, orgs.txt only.
        assert!(is(Class::Female, "ann") && is(Class::Male, "adrian"));
        assert!(is(Class::Title, "archbishop") && is(Class::Org, "nato"));
        // In the quote finder's own files only.
        assert!(is(Class::Female, "lady") && is(Class::Male, "sir") && is(Class::Org, "firm"));
        assert!(!is(Class::Female, "secretary") && !is(Class::Org, "ann"));
    }

    #[test]
    fn tags_answer_cue_questions() {
        assert!(tags("said").starts_cue() && tags("said").is_cue_word());
        assert!(tags("pointed").starts_cue() && !tags("pointed").is_cue_word());
        assert!(!tags("table").starts_cue() && !tags("table").is_cue_word());
        assert!(tags("he").has(Class::Pronoun) && !tags("he").starts_cue());
        assert!(tags("according").starts_cue() && !tags("according").is_cue_word());
        let folded = |w: &str| tags_folded(wordkey::fold_ascii(w.as_bytes(), 0, w.len()).unwrap());
        assert_eq!(folded("Said"), tags("said"));
        assert_eq!(folded("HE"), tags("he"));
        assert_eq!(folded("table"), Tags::default());
    }
}

