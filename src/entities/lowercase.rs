//! The lowercase form of each distinct word of a document, with curly
//! apostrophes made straight as in the tagger's training text ("I’M" reads
//! as "i'm"). The casing statistics and the tagger's word forms both read
//! it; it is computed once per distinct word into one shared buffer, so no
//! word allocates a string of its own.
//!
//! Guarantees: linear in the length of the distinct words; the forms are
//! exactly `str::to_lowercase` of the straightened word when it has an
//! uppercase letter, and the straightened word otherwise; no panics.

use super::words::straight;
use crate::text::vocab::{Shape, Vocab};
use std::borrow::Cow;

/// Marks a word that is its own lowercase form.
const ITSELF: u32 = u32::MAX;

/// The lowercase forms of the distinct words of a document, by word id.
pub struct Lowercase<'a> {
    words: &'a [&'a str],
    /// The forms that differ from their word, one after another.
    buf: String,
    /// Per word id: its form's range in `buf`, or ([`ITSELF`], 0).
    spans: Vec<(u32, u32)>,
}

impl<'a> Lowercase<'a> {
    /// The forms of every distinct word of `vocab`.
    pub fn new(vocab: &'a Vocab<'a>) -> Self {
        let words = vocab.words();
        let mut buf = String::new();
        let spans = words
            .iter()
            .zip(vocab.shapes())
            .map(|(w, &shape)| {
                let start = buf.len();
                if shape & Shape::NON_ASCII == 0 {
                    // Shape bits say at once whether there is a capital.
                    if shape & Shape::UPPER == 0 {
                        return (ITSELF, 0);
                    }
                    buf.push_str(w);
                    if let Some(tail) = buf.get_mut(start..) {
                        tail.make_ascii_lowercase();
                    }
                } else {
                    match straight(w) {
                        // The whole word at once: Greek final sigma depends
                        // on its neighbours.
                        s if s.chars().any(char::is_uppercase) => buf.push_str(&s.to_lowercase()),
                        Cow::Owned(s) => buf.push_str(&s),
                        Cow::Borrowed(_) => return (ITSELF, 0),
                    }
                }
                (start as u32, buf.len() as u32)
            })
            .collect();
        Lowercase { words, buf, spans }
    }

    /// The lowercase form of word `id` ("" when out of range).
    pub fn get(&self, id: usize) -> &str {
        match self.spans.get(id) {
            Some(&(ITSELF, _)) | None => self.words.get(id).copied().unwrap_or(""),
            Some(&(a, b)) => {
                debug_assert!(self.buf.get(a as usize..b as usize).is_some(), "{a}..{b}");
                self.buf.get(a as usize..b as usize).unwrap_or("")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn forms(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let low = Lowercase::new(&doc.vocab);
        (0..doc.vocab.words().len()).map(|id| low.get(id).to_string()).collect()
    }

    #[test]
    fn words_are_lowercased_and_straightened() {
        assert_eq!(forms("Ann met ann IN Rome"), ["ann", "met", "ann", "in", "rome"]);
        assert_eq!(forms("I’M Ünal’s café"), ["i'm", "ünal", "'s", "café"]);
    }

    #[test]
    fn forms_agree_with_the_standard_library() {
        for w in ["ΟΔΟΣ", "İstanbul", "Straße", "ǅemal", "x’y", "’"] {
            let doc = Doc::new(w);
            let low = Lowercase::new(&doc.vocab);
            let s = straight(w);
            let want =
                if s.chars().any(char::is_uppercase) { s.to_lowercase() } else { s.into_owned() };
            assert_eq!(low.get(0), want, "{w}");
        }
        assert_eq!(Lowercase::new(&Doc::new("").vocab).get(3), "");
    }
}
