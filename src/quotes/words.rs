//! What the quote rules know about each token as a word, worked out once
//! per distinct word of the document (its [`crate::text::vocab`] id): its
//! text, its lower case, whether it is a word, punctuation or a capitalised
//! word, and what the word lists say about it ([`Tags`]). The rules then
//! ask an array, not a hash map, and never lower-case or allocate per
//! question.
//!
//! Guarantees: one pass over the tokens; a few operations per byte plus one
//! word-list lookup per distinct word (linear); every
//! accessor takes any index and answers a neutral value out of range; no
//! panics.

mod flags;

use super::marks;
use flags::Flags;
use crate::text::lexicon::{self, Tags};
use crate::text::tokens::{Token, TokenKind};
use crate::text::wordkey::fold_ascii;
use crate::text::Doc;

/// The punctuation the attribution scan looks for: brackets (a sentence
/// break inside them is none) and the dashes of a signature.
fn is_landmark_punct(text: &str) -> bool {
    matches!(text, "(" | ")" | "―" | "—" | "–")
}

/// The facts of one distinct word, side by side so that a rule's
/// questions about a token read one cache line.
#[derive(Clone, Copy)]
struct Word<'t> {
    text: &'t str,
    /// With [`Flags::LOWERED`], the byte range of the lower case in `Words::lower`.
    lower: (u32, u32),
    tags: Tags,
    flags: Flags,
}

/// The word facts of a document: one entry per distinct word, found
/// through each token's vocabulary id.
pub struct Words<'d, 't> {
    /// Each token's vocabulary id ([`crate::text::vocab::Vocab::ids`]).
    ids: &'d [u32],
    /// By vocabulary id. The table follows the distinct words, not the
    /// tokens, so on a long text it stays small enough for the caches.
    words: Vec<Word<'t>>,
    /// The lower case of the words with a capital, one after another.
    lower: String,
    /// The tokens that start a reporting phrase or are a bracket or dash, in order.
    landmarks: Vec<u32>,
    /// The tokens that are quotation marks or apostrophes, in order.
    marks: Vec<u32>,
    /// Each token's word flags and [`Flags::MARK`], one byte a token: the
    /// questions rules ask most (word? capital? punctuation?) read one
    /// array, not two.
    flags: Vec<Flags>,
}

impl<'d, 't> Words<'d, 't> {
    /// Reads every distinct word of `doc` once, at its first token.
    pub fn new(doc: &'d Doc<'t>) -> Words<'d, 't> {
        let ids = doc.vocab.ids();
        let distinct = doc.vocab.words().len();
        // About a third of the distinct words have a capital.
        let lower = String::with_capacity(distinct * 3);
        let mut w = Words {
            ids,
            words: Vec::with_capacity(distinct),
            lower,
            landmarks: Vec::new(),
            marks: Vec::new(),
            flags: Vec::new(),
        };
        // Ids count up in order of first occurrence: a new word's id is the
        // next one. The tokenizer's kind follows from a token's text (its
        // first character), so the first token speaks for all.
        let texts = doc.vocab.words();
        for (t, &id) in doc.tokens.iter().zip(ids) {
            if id as usize == w.words.len() {
                debug_assert!((id as usize) < texts.len(), "word {id} of {}", texts.len());
                let text = texts.get(id as usize).copied().unwrap_or("");
                w.words.push(facts(&mut w.lower, doc.text, t, text));
            }
        }
        // NOTE: the per-token flags are gathered from a byte per word (a
        // table that stays in L1) in a loop of its own, not pushed from the
        // word table in the loop above: no capacity check per token.
        let by_id: Vec<Flags> = w.words.iter().map(token_flags).collect();
        w.flags =
            ids.iter().map(|&id| by_id.get(id as usize).copied().unwrap_or_default()).collect();
        let (mut landmarks, mut marks) =
            (Vec::with_capacity(ids.len() / 16 + 4), Vec::with_capacity(ids.len() / 32 + 4));
        let either = Flags::LANDMARK | Flags::MARK;
        for (i, &f) in w.flags.iter().enumerate() {
            if f.any(either) {
                let i = u32::try_from(i).unwrap_or(u32::MAX);
                if f.is_landmark() {
                    landmarks.push(i);
                }
                if f.is_mark() {
                    marks.push(i);
                }
            }
        }
        (w.landmarks, w.marks) = (landmarks, marks);
        w
    }

    /// The tokens that are quotation marks or apostrophes
    /// ([`marks::is_mark`]), in text order: the only tokens mark pairing
    /// needs to visit ([`marks::pair_at`]).
    pub fn marks(&self) -> &[u32] {
        &self.marks
    }

    /// The tokens that start a reporting phrase ([`Tags::starts_cue`]) or
    /// are a bracket or a dash, in text order: the attribution scan visits
    /// these instead of every token.
    pub fn landmarks(&self) -> &[u32] {
        &self.landmarks
    }

    fn word(&self, i: usize) -> Option<&Word<'t>> {
        self.words.get(*self.ids.get(i)? as usize)
    }

    /// The token's text as written ("" out of range).
    pub fn text(&self, i: usize) -> &'t str {
        self.word(i).map_or("", |w| w.text)
    }

    /// The token's text in lower case ("" out of range).
    pub fn low(&self, i: usize) -> &str {
        match self.word(i) {
            Some(w) if w.flags.is_lowered() => {
                debug_assert!(self.lower.get(w.lower.0 as usize..w.lower.1 as usize).is_some());
                self.lower.get(w.lower.0 as usize..w.lower.1 as usize).unwrap_or("")
            }
            Some(w) => w.text,
            None => "",
        }
    }

    /// What the word lists say about the token (nothing out of range).
    pub fn tags(&self, i: usize) -> Tags {
        self.word(i).map_or(Tags::default(), |w| w.tags)
    }

    /// Whether the token is a word that starts with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f.is_cap())
    }

    /// Whether the token is a word (letters first).
    pub fn is_word(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f.is_word())
    }

    /// Whether the token is a punctuation mark or symbol (one character).
    pub fn is_punct(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f.is_punct())
    }

    /// Whether the token is ".", "?", "!" or ",".
    pub fn is_pause(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f.is_pause())
    }
}

/// The facts of token `t`, whose text is `text`.
fn facts<'t>(lower: &mut String, all: &str, t: &Token, text: &'t str) -> Word<'t> {
    match t.kind {
        // One character that is no letter or digit, so no capital: as written.
        TokenKind::Punct => {
            let tags = lexicon::tags(text);
            let landmark = tags.starts_cue() || is_landmark_punct(text);
            let pause = matches!(text, "." | "?" | "!" | ",");
            let flags = Flags::PUNCT.with(Flags::LANDMARK, landmark).with(Flags::PAUSE, pause);
            Word { text, lower: (0, 0), tags, flags }
        }
        kind => {
            let mut w = read(lower, all, t.start(), t.end(), text, kind == TokenKind::Word);
            if w.tags.starts_cue() {
                w.flags |= Flags::LANDMARK;
            }
            w
        }
    }
}

/// The facts of a word or number token `text` (bytes `start..end` of
/// `all`), its lower case appended to `lower` when it has a capital.
fn read<'t>(
    lower: &mut String,
    all: &str,
    start: usize,
    end: usize,
    text: &'t str,
    is_word: bool,
) -> Word<'t> {
    // Most tokens are short and ASCII: read in two loads, not byte by byte.
    let folded = fold_ascii(all.as_bytes(), start, end);
    let ascii = folded.is_some() || text.is_ascii();
    // A token is lowered when it has a capital, as str::to_lowercase sees it.
    let (cap_first, lowered) = match folded {
        Some(f) => (f.first_upper, f.upper),
        None if ascii => (
            text.as_bytes().first().is_some_and(u8::is_ascii_uppercase),
            text.bytes().any(|b| b.is_ascii_uppercase()),
        ),
        None => (
            text.chars().next().is_some_and(char::is_uppercase),
            text.chars().any(char::is_uppercase),
        ),
    };
    let mut flags = match (is_word, cap_first) {
        (true, true) => Flags::WORD | Flags::CAP,
        (true, false) => Flags::WORD,
        _ => Flags::default(),
    };
    let mut range = (0, 0);
    if lowered {
        let from = lower.len();
        if ascii {
            lower.push_str(text);
            if let Some(s) = lower.get_mut(from..) {
                s.make_ascii_lowercase();
            }
        } else {
            lower.push_str(&text.to_lowercase());
        }
        range = (u32::try_from(from).unwrap_or(0), u32::try_from(lower.len()).unwrap_or(0));
        flags |= Flags::LOWERED;
    }
    let tags = match folded {
        Some(f) => lexicon::tags_folded(f),
        None if lowered => {
            lexicon::tags(lower.get(range.0 as usize..range.1 as usize).unwrap_or(""))
        }
        None => lexicon::tags(text),
    };
    Word { text, lower: range, tags, flags }
}

/// The per-token flags of word `w`: its own, and [`Flags::MARK`]. Only
/// one-character punctuation can be a mark.
fn token_flags(w: &Word) -> Flags {
    w.flags.with(Flags::MARK, w.flags.is_punct() && marks::is_mark(w.text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lexicon::Class;

    #[test]
    fn lower_case_matches_the_standard_one() {
        let text = "Ann SAID “Öl” to İstanbul’s ΟΔΟΣ and ǅem, then ẞ ok.";
        let doc = Doc::new(text);
        let w = Words::new(&doc);
        // A token without an upper-case letter stays as written ("ǅ" is title case).
        let expected = |s: &str| {
            if s.chars().any(char::is_uppercase) {
                s.to_lowercase()
            } else {
                s.to_string()
            }
        };
        for i in 0..doc.tokens.len() {
            assert_eq!(w.low(i), expected(w.text(i)), "token {i}");
        }
        assert!(
            (0..doc.tokens.len()).any(|i| w.low(i) == "ǅem")
                && (0..doc.tokens.len()).any(|i| w.low(i) == "οδος")
        );
        assert_eq!(w.low(doc.tokens.len()), "");
    }

    #[test]
    fn each_distinct_word_is_read_once_with_the_same_facts() {
        let text = "Ann said ANN and ann said. Ann’s “Said” ann 42 42 . ANN";
        let doc = Doc::new(text);
        let w = Words::new(&doc);
        let mut lower = String::new();
        for (i, t) in doc.tokens.iter().enumerate() {
            let alone = facts(&mut lower, text, t, t.text(text));
            let low = if alone.flags.is_lowered() {
                &lower[alone.lower.0 as usize..alone.lower.1 as usize]
            } else {
                alone.text
            };
            // The per-token flags are the word's, and MARK.
            let mark = t.kind == TokenKind::Punct && marks::is_mark(alone.text);
            let flags = w
                .word(i)
                .map(|x| x.flags)
                .filter(|&f| w.flags.get(i) == Some(&f.with(Flags::MARK, mark)));
            assert_eq!(
                (w.text(i), w.low(i), w.tags(i), flags),
                (alone.text, low, alone.tags, Some(alone.flags)),
                "token {i}"
            );
        }
        // Each distinct capitalised text is lowered once: "ann", "ann" (ANN), "said", "ann’s".
        assert_eq!(w.lower, "annannsaid");
    }

    #[test]
    fn landmarks_are_cue_starts_brackets_and_dashes() {
        let text = "Ann (D) said — as Bob told me, according to – reports ― said.";
        let doc = Doc::new(text);
        let w = Words::new(&doc);
        let want: Vec<u32> = (0..doc.tokens.len())
            .filter(|&i| w.tags(i).starts_cue() || matches!(w.text(i), "(" | ")" | "―" | "—" | "–"))
            .map(|i| i as u32)
            .collect();
        assert_eq!(w.landmarks(), want);
        let words: Vec<&str> = w.landmarks().iter().map(|&i| w.text(i as usize)).collect();
        assert_eq!(
            words,
            ["(", ")", "said", "—", "told", "according", "–", "reports", "―", "said"]
        );
    }

    #[test]
    fn marks_are_the_quotation_marks_and_apostrophes() {
        let text = "Ann’s “Said” it: 'no' and \"yes\", «oui» „ja“ ‘so’ Bob's, ANN'S.";
        let doc = Doc::new(text);
        let w = Words::new(&doc);
        let want: Vec<u32> = (0..doc.tokens.len())
            .filter(|&i| doc.tokens[i].kind == TokenKind::Punct && marks::is_mark(w.text(i)))
            .map(|i| i as u32)
            .collect();
        assert_eq!(w.marks(), want);
        let texts: Vec<&str> = w.marks().iter().map(|&i| w.text(i as usize)).collect();
        assert_eq!(texts, ["“", "”", "'", "'", "\"", "\"", "«", "»", "„", "“", "‘", "’"]);
        // A mark reads as written.
        assert!(w.marks().iter().all(|&i| w.low(i as usize) == w.text(i as usize)));

        assert_eq!(marks::pair_at(&doc, w.marks()), marks::pair(&doc));
    }

    #[test]
    fn flags_and_tags() {
        let doc = Doc::new("Ann said he 42 . Éva");
        let w = Words::new(&doc);
        assert!(
            w.is_cap(0)
                && w.is_word(0)
                && !w.is_cap(1)
                && w.is_word(1)
                && !w.is_word(3)
                && !w.is_punct(3)
        );
        assert!(w.is_punct(4) && !w.is_word(4) && w.is_cap(5) && !w.is_cap(9));
        assert!(
            w.tags(1).is_cue_word()
                && w.tags(2).has(Class::Pronoun)
                && !w.tags(9).has(Class::Pronoun)
        );
        assert!(w.is_pause(4) && !w.is_pause(3));
        let doc = Doc::new("a, b? c! d. e; f: g");
        let w = Words::new(&doc);
        assert_eq!(
            (0..13).filter(|&i| w.is_pause(i)).map(|i| w.text(i)).collect::<Vec<_>>(),
            [",", "?", "!", "."]
        );
        let doc = Doc::new("He met I and Tuesday Lee of Of");
        let w = Words::new(&doc);
        assert!(w.is_cap(5) && w.is_cap(0) && w.is_cap(4) && !w.is_cap(6));
    }
}
