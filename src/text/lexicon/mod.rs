//! Every word list of the engine, one file each in `data/`, embedded at
//! compile time and read by one loader ([`List::entries`]); the one set of
//! word classes the lists define ([`Class`], [`Classes`]); and the lookups
//! the stages use: [`abbreviations`] (the sentence splitter), [`gazetteer`]
//! (names and titles matched as phrases, the tagger's features) and
//! [`words`] (single lower-case words and reporting phrases, for the quote
//! finder).
//!
//! A list that is a feature of the entity model (`data/gazetteer/`, except
//! `aliases.txt` and `event_words.txt`) stays as the model was trained with
//! it; words a later stage needs beyond it live in that stage's own file
//! (`data/quotes/female.txt` holds the female words that
//! `given_female.txt` lacks), and the stage reads both, so no entry is
//! written twice.
//!
//! Guarantees: each file is parsed once, on first use; a list's entries are
//! its lines, trimmed, without blank lines and `#` comments; no panics.

use crate::text::fasthash::FastSet;
use std::sync::OnceLock;

pub mod abbreviations;
pub mod gazetteer;
pub mod words;

pub use words::{
    cue_at, is_cue_noun, is_document, is_english, is_finite, is_habitual, is_naming, is_occasion, is_past, is_result, is_thing, is_work, tags,
    tags_folded, CueClass, Tags,
};

/// One word list: the text of one file of `data/`.
#[derive(Clone, Copy, Debug)]
pub struct List(&'static str);

impl List {
    /// The entries: one a line, trimmed, without blank lines and comments.
    pub fn entries(self) -> impl Iterator<Item = &'static str> + Clone {
        self.0.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
    }
}

/// A word list read into a set of its entries on first use: a `static`
/// beside the code that asks it, so each file is parsed once and only when
/// needed.
pub struct WordSet {
    list: List,
    set: OnceLock<FastSet<&'static str>>,
}

impl WordSet {
    /// The set of `list`'s entries, not read yet.
    pub const fn new(list: List) -> Self {
        WordSet { list, set: OnceLock::new() }
    }

    /// Whether `word` is one of the entries, as written (case counts).
    pub fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| self.list.entries().collect()).contains(word)
    }
}

/// The list in `data/$path`, embedded at compile time.
macro_rules! list {
    ($path:literal) => {
        List(include_str!(concat!("../../../data/", $path)))
    };
}

/// The lists' files, by what they hold.
pub mod lists {
    use super::List;

    /// Countries (the tagger's feature).
    pub const COUNTRIES: List = list!("gazetteer/countries.txt");
    /// US states (the tagger's feature).
    pub const US_STATES: List = list!("gazetteer/us_states.txt");
    /// Cities (the tagger's feature).
    pub const CITIES: List = list!("gazetteer/cities.txt");
    /// Regions and continents (the tagger's feature).
    pub const REGIONS: List = list!("gazetteer/regions.txt");
    /// Nationalities and groups (the tagger's feature).
    pub const NATIONALITIES: List = list!("gazetteer/nationalities.txt");
    /// Organisations and news agencies (the tagger's feature).
    pub const ORGS: List = list!("gazetteer/orgs.txt");
    /// Companies (the tagger's feature, with [`ORGS`]).
    pub const COMPANIES: List = list!("gazetteer/companies.txt");
    /// Male given names (the tagger's feature).
    pub const GIVEN_MALE: List = list!("gazetteer/given_male.txt");
    /// Female given names (the tagger's feature).
    pub const GIVEN_FEMALE: List = list!("gazetteer/given_female.txt");
    /// Words that end or head organisation names (the tagger's feature).
    pub const ORG_WORDS: List = list!("gazetteer/org_words.txt");
    /// Titles before names, one to six words (the tagger's feature).
    pub const TITLES: List = list!("gazetteer/titles.txt");
    /// Names of one place or organisation, `|`-separated on a line.
    pub const ALIASES: List = list!("gazetteer/aliases.txt");
    /// Words that make a name an event's.
    pub const EVENT_WORDS: List = list!("gazetteer/event_words.txt");
    /// Capitalised function words that never start a name.
    pub const NOT_NAME_OPENERS: List = list!("not_names/openers.txt");
    /// Capitalised abbreviations that name nothing.
    pub const NOT_NAME_ACRONYMS: List = list!("not_names/acronyms.txt");
    /// Endings of organisation names for coreference.
    pub const COREF_ORG_ENDINGS: List = list!("coref/org_endings.txt");
    /// Coreference: nouns for a person by their tie to another, with gender.
    pub const COREF_KIN_NOUNS: List = list!("coref/kin_nouns.txt");
    /// Coreference: nouns that head a description of an organisation.
    pub const COREF_ORG_NOUNS: List = list!("coref/org_nouns.txt");
    /// Abbreviations that never end a sentence.
    pub const TITLE_ABBREVIATIONS: List = list!("abbreviations/title.txt");
    /// Abbreviations that may end a sentence.
    pub const OTHER_ABBREVIATIONS: List = list!("abbreviations/other.txt");
    /// Words that commonly open a sentence.
    pub const SENTENCE_OPENERS: List = list!("abbreviations/openers.txt");
    /// Words a furniture paragraph is made of.
    pub const FURNITURE: List = list!("paragraphs/furniture.txt");
    /// Phrases that open a furniture paragraph.
    pub const FURNITURE_LEADS: List = list!("paragraphs/furniture_leads.txt");
    /// Words that open a photo credit.
    pub const CREDIT_LEADS: List = list!("paragraphs/credit_leads.txt");
    /// Words that make a credit's part an organisation.
    pub const CREDIT_ORGS: List = list!("paragraphs/credit_orgs.txt");
    /// Reporting verbs and phrases, [`crate::text::lexicon::CueClass::Speech`].
    pub const CUES_SPEECH: List = list!("cues/speech.txt");
    /// Reporting verbs taking a hearer, [`crate::text::lexicon::CueClass::Object`].
    pub const CUES_OBJECT: List = list!("cues/object.txt");
    /// Sometimes-reporting verbs, [`crate::text::lexicon::CueClass::Weak`].
    pub const CUES_WEAK: List = list!("cues/weak.txt");
    /// Quote finder: head words of unnamed sources ("insider", "source").
    pub const ANONYMOUS: List = list!("quotes/anonymous.txt");
    /// Quote finder: words between a speaker and its verb.
    pub const SKIP: List = list!("quotes/skip.txt");
    /// Quote finder: words that end or cannot be a speaker phrase.
    pub const STOP: List = list!("quotes/stop.txt");
    /// Quote finder: personal pronouns.
    pub const PRONOUNS: List = list!("quotes/pronoun.txt");
    /// Quote finder: determiners.
    pub const DETERMINERS: List = list!("quotes/determiner.txt");
    /// Quote finder: words that open an adjunct.
    pub const ADJUNCTS: List = list!("quotes/adjunct.txt");
    /// Quote finder: title and description words beyond [`TITLES`].
    pub const TITLE_WORDS: List = list!("quotes/title.txt");
    /// Quote finder: words that mark a woman beyond [`GIVEN_FEMALE`].
    pub const FEMALE_WORDS: List = list!("quotes/female.txt");
    /// Quote finder: words that mark a man beyond [`GIVEN_MALE`].
    pub const MALE_WORDS: List = list!("quotes/male.txt");
    /// Quote finder: words that make a phrase an organisation, beyond
    /// [`ORGS`] and [`COMPANIES`].
    pub const ORG_MARKERS: List = list!("quotes/org.txt");
    /// The date, time, money and number rules' word classes, one a line:
    /// `class: words` (a table of small lists, read by `entities::rules`).
    pub const RULES: List = list!("rules.txt");
    /// Quote finder: labels of page furniture ("Photo:").
    pub const LABELS: List = list!("quotes/label.txt");
    /// English words in lower case (SCOWL), for words hyphenated at a line end.
    pub const ENGLISH_WORDS: List = list!("text/words.txt");
    /// Quote finder: nouns for what is issued and speaks for its author
    /// ("the statement said").
    pub const DOCUMENTS: List = list!("quotes/document.txt");
    /// Quote finder: occasions of speech a trailing adjunct names ("in an interview").
    pub const OCCASIONS: List = list!("quotes/occasion.txt");
    /// Quote finder: verbs of naming and judgement, whose quoted fragment is partial.
    pub const NAMING: List = list!("quotes/naming.txt");
    /// Quote finder: finite verbs that end a sentence's subject phrase.
    pub const FINITE: List = list!("quotes/finite.txt");
    /// Quote finder: reporting words that are also nouns ("post", "reply").
    pub const CUE_NOUNS: List = list!("quotes/cue_noun.txt");
    /// Quote finder: verbs of habit or wish before "to say".
    pub const HABITUAL: List = list!("quotes/habitual.txt");
    /// Quote finder: results a company reports in numbers.
    pub const RESULTS: List = list!("quotes/results.txt");
    /// Quote finder: what is written as a work ("songs", "a novel").
    pub const WORKS: List = list!("quotes/works.txt");
    /// Quote finder: plural nouns of things that never speak ("shares").
    pub const THINGS: List = list!("quotes/things.txt");
    /// Quote finder: irregular past forms of reporting verbs.
    pub const PAST: List = list!("quotes/past.txt");
    /// Short titles and their full word, a pair a line ("gov governor").
    pub const TITLE_FORMS: List = list!("quotes/title_forms.txt");
}

/// A word class, as the lists define it. The first ten are the phrase lists
/// of [`gazetteer`] (their bits are the tagger's features, in this order);
/// the quote finder's word lookups ([`words`]) answer every class, a word
/// being in a class when it is a one-word entry of the class's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// A country ("France", "US").
    Country = 0,
    /// A US state.
    State = 1,
    /// A city.
    City = 2,
    /// A region or continent.
    Region = 3,
    /// A nationality or group ("French", "Democrats").
    Norp = 4,
    /// An organisation; as a word, also one that makes a capitalised phrase
    /// an organisation: "Times", "Council".
    Org = 5,
    /// A man's given name; as a word, also a title that marks a man: "Mr.".
    Male = 6,
    /// A woman's given name; as a word, also a title that marks a woman.
    Female = 7,
    /// A word that ends or heads an organisation's name ("Inc.", "Bank").
    OrgWord = 8,
    /// A title ("Secretary of State"); as a word, also a description word:
    /// "secretary", "spokesman".
    Title = 9,
    /// Between a speaker and its verb: "also", "has", "later".
    Skip = 10,
    /// Cannot end or be a speaker phrase: "and", "which", "the".
    Stop = 11,
    /// A personal pronoun.
    Pronoun = 12,
    /// A determiner.
    Determiner = 13,
    /// Opens an adjunct after a verb: "on", "during", "Tuesday".
    Adjunct = 14,
    /// Labels page furniture and headlines with a colon, never a speaker:
    /// "Photo:", "Map:", "Analysis:".
    Label = 15,
}

/// A set of [`Class`]es, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Classes(u16);

impl Classes {
    /// The empty set.
    pub const NONE: Classes = Classes(0);

    /// The set of the given classes.
    pub const fn of(classes: &[Class]) -> Classes {
        let (mut bits, mut k) = (0, 0);
        while k < classes.len() {
            bits |= 1 << classes[k] as u16;
            k += 1;
        }
        Classes(bits)
    }

    /// Whether the set holds `class`.
    #[inline]
    pub fn has(self, class: Class) -> bool {
        self.0 & (1 << class as u16) != 0
    }

    /// Whether the two sets share a class.
    #[inline]
    pub fn meets(self, other: Classes) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether the set is empty.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The bits, bit k for the class of discriminant k.
    #[inline]
    pub fn bits(self) -> u16 {
        self.0
    }
}

impl std::ops::BitOr for Classes {
    type Output = Classes;
    #[inline]
    fn bitor(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }
}

impl std::ops::BitAnd for Classes {
    type Output = Classes;
    #[inline]
    fn bitand(self, other: Classes) -> Classes {
        Classes(self.0 & other.0)
    }
}

impl std::ops::BitOrAssign for Classes {
    #[inline]
    fn bitor_assign(&mut self, other: Classes) {
        self.0 |= other.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blank_lines() {
        let l = List("# head\n\n  one \n#two\nthree four\n");
        assert_eq!(l.entries().collect::<Vec<_>>(), ["one", "three four"]);
    }

    #[test]
    fn class_sets() {
        let s = Classes::of(&[Class::Title, Class::Label]);
        assert!(s.has(Class::Title) && s.has(Class::Label) && !s.has(Class::Org));
        assert!(s.meets(Classes::of(&[Class::Label])) && !s.meets(Classes::of(&[Class::Org])));
        assert!(Classes::NONE.is_empty() && !s.is_empty());
        assert_eq!(
            Classes::of(&[Class::Org]) | Classes::of(&[Class::Stop, Class::Org]),
            Classes::of(&[Class::Org, Class::Stop])
        );
    }

    #[test]
    fn a_word_set_holds_the_entries_as_written_and_not_the_comments() {
        static SET: WordSet = WordSet::new(List("# a comment\nshares\n\n  prices  \n"));
        assert!(SET.contains("shares") && SET.contains("prices"));
        assert!(!SET.contains("Shares") && !SET.contains("# a comment") && !SET.contains(""));
    }
}
