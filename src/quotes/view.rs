//! A token-level view of a document for the attribution rules: lower-cased
//! words, what the word lists say about each (computed once per token, so
//! that rules ask a bit, not a hash map), the quoted span each token sits
//! in, and its sentence.
//!
//! Guarantees: built in one pass over tokens and marks (linear); every
//! accessor takes any index and answers a neutral value when it is out of
//! range, so rules can look around freely without panicking.

use super::lexicon::{self, Class, Tags};
use super::marks::{self, Marked};
use crate::text::tokens::TokenKind;
use crate::text::Doc;

/// Marks a token outside every quoted span.
const NONE: u32 = u32::MAX;

/// [`View`] flag: the token is a word (starts with a letter).
const WORD: u8 = 1;
/// [`View`] flag: the token is a word that starts with a capital letter.
const CAP: u8 = 2;

/// The document as the quote rules read it.
pub struct View<'d, 't> {
    pub doc: &'d Doc<'t>,
    /// The quoted spans, in text order.
    pub marks: Vec<Marked>,
    /// The text with every token lower-cased in place; a token whose lower
    /// case is longer or shorter ("İ") is appended at the end instead.
    lower: String,
    /// For each token, the byte range of its lower case in `lower`.
    lower_at: Vec<(u32, u32)>,
    /// For each token, what the word lists say about its lower case.
    tags: Vec<Tags>,
    /// For each token, [`WORD`] and [`CAP`].
    flags: Vec<u8>,
    /// For each token, the index in `marks` of the span it is in (marks
    /// included), or [`NONE`]. u32, not usize, so that the per-token arrays
    /// of a long text stay small enough to be read from cache.
    quote_of: Vec<u32>,
    /// For each token, its sentence.
    sentence_of: Vec<u32>,
}

impl<'d, 't> View<'d, 't> {
    /// Builds the view.
    pub fn new(doc: &'d Doc<'t>) -> Self {
        let marks = marks::pair(doc);
        let (lower, lower_at) = lower_case(doc);
        let tags = lower_at.iter().map(|&(a, b)| lexicon::tags(lower.get(a as usize..b as usize).unwrap_or(""))).collect();
        let flags = doc
            .tokens
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word if t.text(doc.text).chars().next().is_some_and(char::is_uppercase) => WORD | CAP,
                TokenKind::Word => WORD,
                _ => 0,
            })
            .collect();
        let mut quote_of = vec![NONE; doc.tokens.len()];
        let mut m = 0;
        for (i, t) in doc.tokens.iter().enumerate() {
            while marks.get(m).is_some_and(|k| k.close <= t.start && k.close > k.open) {
                m += 1;
            }
            if let (Some(k), Some(slot)) = (marks.get(m), quote_of.get_mut(i)) {
                if t.start >= k.open && t.end <= k.close.max(k.end) {
                    *slot = u32::try_from(m).unwrap_or(NONE);
                }
            }
        }
        let mut sentence_of = vec![0u32; doc.tokens.len()];
        for (si, s) in doc.sentences.iter().enumerate() {
            for slot in sentence_of.get_mut(s.tokens.clone()).unwrap_or(&mut []) {
                *slot = u32::try_from(si).unwrap_or(u32::MAX);
            }
        }
        View { doc, marks, lower, lower_at, tags, flags, quote_of, sentence_of }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// The token's text as written ("" out of range).
    pub fn tok(&self, i: usize) -> &'t str {
        self.doc.tok(i)
    }

    /// The token's text in lower case ("" out of range).
    pub fn low(&self, i: usize) -> &str {
        self.lower_at.get(i).and_then(|&(a, b)| self.lower.get(a as usize..b as usize)).unwrap_or("")
    }

    /// What the word lists say about the token (nothing out of range).
    pub fn tags(&self, i: usize) -> Tags {
        self.tags.get(i).copied().unwrap_or_default()
    }

    /// Whether the token's lower case is in `class` (false out of range).
    pub fn is(&self, i: usize, class: Class) -> bool {
        self.tags(i).has(class)
    }

    /// Byte start of token `i` (the text end out of range).
    pub fn start(&self, i: usize) -> usize {
        self.doc.tokens.get(i).map_or(self.doc.text.len(), |t| t.start)
    }

    /// Byte end of token `i` (the text end out of range).
    pub fn end(&self, i: usize) -> usize {
        self.doc.tokens.get(i).map_or(self.doc.text.len(), |t| t.end)
    }

    /// Whether the token is a word that starts with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f & CAP != 0)
    }

    /// Whether the token is a word (letters first).
    pub fn is_word(&self, i: usize) -> bool {
        self.flags.get(i).is_some_and(|f| f & WORD != 0)
    }

    /// The quoted span holding token `i`, if any.
    pub fn quote_of(&self, i: usize) -> Option<usize> {
        self.quote_of.get(i).copied().filter(|&m| m != NONE).map(|m| m as usize)
    }

    /// Whether token `i` is an opening quotation mark.
    pub fn is_open_mark(&self, i: usize) -> bool {
        self.quote_of(i).and_then(|m| self.marks.get(m)).is_some_and(|m| m.open == self.start(i))
    }

    /// Whether token `i` is a closing quotation mark.
    pub fn is_close_mark(&self, i: usize) -> bool {
        self.quote_of(i).and_then(|m| self.marks.get(m)).is_some_and(|m| m.closed && m.close == self.end(i))
    }

    /// The sentence of token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.sentence_of.get(i).map_or(usize::MAX, |&s| s as usize)
    }

    /// Token range of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> std::ops::Range<usize> {
        self.doc.sentences.get(s).map_or(0..0, |s| s.tokens.clone())
    }

    /// Paragraph of token `i`.
    pub fn paragraph_of(&self, i: usize) -> usize {
        self.doc.sentences.get(self.sentence_of(i)).map_or(usize::MAX, |s| s.paragraph)
    }

    /// Token range of paragraph `p`.
    pub fn paragraph_tokens(&self, p: usize) -> std::ops::Range<usize> {
        let Some(para) = self.doc.paragraphs.get(p) else { return 0..0 };
        let first = self.doc.sentences.get(para.sentences.start).map_or(0, |s| s.tokens.start);
        let last = para.sentences.end.checked_sub(1).and_then(|i| self.doc.sentences.get(i)).map_or(first, |s| s.tokens.end);
        first..last
    }

    /// First token at or after byte `b`.
    pub fn token_at(&self, b: usize) -> usize {
        self.doc.token_at_or_after(b)
    }
}


/// The lower case of every token: a copy of the text with its ASCII
/// letters lowered (all most tokens need) and the few other tokens with a
/// capital lowered in place, or, when that changes their length ("İ"),
/// appended after the text. Returns the buffer and each token's byte range.
fn lower_case(doc: &Doc) -> (String, Vec<(u32, u32)>) {
    let text = doc.text;
    let mut lower = String::with_capacity(text.len());
    let mut moved = String::new();
    let mut done = 0;
    let at = |a: usize, b: usize| (u32::try_from(a).unwrap_or(0), u32::try_from(b).unwrap_or(0));
    let mut ranges = Vec::with_capacity(doc.tokens.len());
    for t in &doc.tokens {
        let w = t.text(text);
        let mut range = at(t.start, t.end);
        if !w.is_ascii() && w.chars().any(char::is_uppercase) {
            let low = w.to_lowercase();
            lower.push_str(text.get(done..t.start).unwrap_or(""));
            if low.len() == w.len() {
                lower.push_str(&low);
            } else {
                lower.push_str(w); // keeps the offsets of the tokens after it
                range = at(text.len() + moved.len(), text.len() + moved.len() + low.len());
                moved.push_str(&low);
            }
            done = t.end;
        }
        ranges.push(range);
    }
    lower.push_str(text.get(done..).unwrap_or(""));
    lower.make_ascii_lowercase();
    lower.push_str(&moved);
    (lower, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_matches_the_standard_one() {
        let text = "Ann SAID “Öl” to İstanbul’s ΟΔΟΣ and ǅem, then ẞ ok.";
        let doc = Doc::new(text);
        let v = View::new(&doc);
        // A token without an upper-case letter stays as written ("ǅ" is title case).
        let expected = |w: &str| if w.chars().any(char::is_uppercase) { w.to_lowercase() } else { w.to_string() };
        for i in 0..v.len() {
            assert_eq!(v.low(i), expected(v.tok(i)), "token {i}");
        }
        assert!((0..v.len()).any(|i| v.low(i) == "ǅem") && (0..v.len()).any(|i| v.low(i) == "οδος"));
        assert_eq!(v.low(v.len()), "");
    }

    #[test]
    fn flags_and_tags() {
        let doc = Doc::new("Ann said he 42 .");
        let v = View::new(&doc);
        assert!(v.is_cap(0) && v.is_word(0) && !v.is_cap(1) && v.is_word(1) && !v.is_word(3));
        assert!(v.tags(1).is_cue_word() && v.is(2, Class::Pronoun) && !v.is(9, Class::Pronoun));
    }
}
