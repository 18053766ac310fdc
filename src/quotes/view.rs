//! A token-level view of a document for the attribution rules: the
//! [`Words`] facts of each token (lower case, capital, word-list tags), the
//! quoted span each token sits in, and its sentence.
//!
//! Guarantees: built in one pass over tokens and marks (linear); every
//! accessor takes any index and answers a neutral value when it is out of
//! range, so rules can look around freely without panicking.

use super::marks::{self, Marked};
use super::words::Words;
use crate::text::lexicon::{Class, Tags};
use crate::text::Doc;

/// Marks a token outside every quoted span.
const NONE: u32 = u32::MAX;

/// The document as the quote rules read it.
pub struct View<'d, 't> {
    pub doc: &'d Doc<'t>,
    /// The quoted spans, in text order.
    pub marks: Vec<Marked>,
    words: Words<'d, 't>,
    /// For each token, the index in `marks` of the span it is in (marks
    /// included), or [`NONE`]. u32, not usize, so that the per-token arrays
    /// of a long text stay small enough to be read from cache.
    quote_of: Vec<u32>,
    /// For each token, its sentence.
    sentence_of: Vec<u32>,
    /// The token ranges of the mentions of people, organisations and
    /// places, in text order, and whether each is a person ([`View::mark_people`]).
    people: Vec<(std::ops::Range<usize>, bool)>,
}

impl<'d, 't> View<'d, 't> {
    /// Builds the view.
    pub fn new(doc: &'d Doc<'t>) -> Self {
        let words = Words::new(doc);
        let marks = marks::pair_at(doc, words.marks());
        let mut quote_of = vec![NONE; doc.tokens.len()];
        let (mut m, mut i) = (0, 0);
        while let Some(t) = doc.tokens.get(i) {
            while marks.get(m).is_some_and(|k| k.close <= t.start() && k.close > k.open) {
                m += 1;
            }
            let Some(k) = marks.get(m) else { break };
            if t.start() < k.open {
                // No token before the next opening mark is quoted: jump to it.
                i = doc.token_at_or_after(k.open).max(i + 1);
                continue;
            }
            if let Some(slot) = quote_of.get_mut(i).filter(|_| t.end() <= k.close.max(k.end)) {
                *slot = u32::try_from(m).unwrap_or(NONE);
            }
            i += 1;
        }
        // Written sentence by sentence, not zeroed first and then filled
        // (a token outside every sentence, if any, stays in sentence 0).
        let n = doc.tokens.len();
        let mut sentence_of: Vec<u32> = Vec::with_capacity(n);
        for (si, s) in doc.sentences.iter().enumerate() {
            let (start, end) = (s.tokens.start.min(n), s.tokens.end.min(n));
            sentence_of.truncate(start);
            sentence_of.resize(start, 0);
            sentence_of.resize(end.max(start), u32::try_from(si).unwrap_or(u32::MAX));
        }
        sentence_of.resize(n, 0);
        View { doc, marks, words, quote_of, sentence_of, people: Vec::new() }
    }

    /// Number of tokens (the tests walk them).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// The token's text as written ("" out of range).
    pub fn tok(&self, i: usize) -> &'t str {
        self.words.text(i)
    }

    /// The token's text in lower case ("" out of range).
    pub fn low(&self, i: usize) -> &str {
        self.words.low(i)
    }

    /// What the word lists say about the token (nothing out of range).
    pub fn tags(&self, i: usize) -> Tags {
        self.words.tags(i)
    }

    /// Whether the token's lower case is in `class` (false out of range).
    pub fn is(&self, i: usize, class: Class) -> bool {
        self.tags(i).has(class)
    }

    /// Byte start of token `i` (the text end out of range).
    pub fn start(&self, i: usize) -> usize {
        // One past the last token is the text's end on purpose; further
        // out is an off-by-one somewhere.
        debug_assert!(i <= self.doc.tokens.len(), "token {i} of {}", self.doc.tokens.len());
        self.doc.tokens.get(i).map_or(self.doc.text.len(), |t| t.start())
    }

    /// Byte end of token `i` (the text end out of range).
    pub fn end(&self, i: usize) -> usize {
        debug_assert!(i <= self.doc.tokens.len(), "token {i} of {}", self.doc.tokens.len());
        self.doc.tokens.get(i).map_or(self.doc.text.len(), |t| t.end())
    }

    /// Whether the token is a word that starts with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        self.words.is_cap(i)
    }

    /// Records where coreference found people, organisations and places,
    /// so that a surname that is also an ordinary word ("says Early",
    /// "Young said") can be a speaker.
    pub fn mark_people(&mut self, table: &crate::coref::EntityTable) {
        use crate::EntityType::{GPE, NORP, ORG, PERSON};
        self.people = table
            .mentions
            .iter()
            .zip(&table.cluster_of)
            .filter_map(|(m, &c)| {
                let kind = table.clusters.get(c)?.kind;
                matches!(kind, PERSON | ORG | GPE | NORP)
                    .then(|| (self.token_at(m.start)..self.token_at(m.end), kind == PERSON))
            })
            .collect();
    }

    /// Whether token `i` is inside a person's mention ([`View::mark_people`]).
    pub fn is_person(&self, i: usize) -> bool {
        self.named(i).is_some_and(|person| person)
    }

    /// Whether token `i` is inside the mention of a person, organisation
    /// or place ([`View::mark_people`]).
    pub fn is_named(&self, i: usize) -> bool {
        self.named(i).is_some()
    }

    fn named(&self, i: usize) -> Option<bool> {
        let k = self.people.partition_point(|(r, _)| r.end <= i);
        self.people.get(k).filter(|(r, _)| r.contains(&i)).map(|&(_, p)| p)
    }

    /// Whether the token is a word (letters first).
    pub fn is_word(&self, i: usize) -> bool {
        self.words.is_word(i)
    }

    /// Whether the token is a punctuation mark or symbol (one character).
    pub fn is_punct(&self, i: usize) -> bool {
        self.words.is_punct(i)
    }

    /// Whether the token is ".", "?", "!" or ",".
    pub fn is_pause(&self, i: usize) -> bool {
        self.words.is_pause(i)
    }

    /// The tokens that start a reporting phrase or are a bracket or a
    /// dash, in text order.
    pub fn landmarks(&self) -> &[u32] {
        self.words.landmarks()
    }

    /// The quoted span holding token `i`, if any.
    pub fn quote_of(&self, i: usize) -> Option<usize> {
        self.quote_of.get(i).copied().filter(|&m| m != NONE).map(|m| m as usize)
    }

    /// [`View::quote_of`] of each token of `a..b`, in order (nothing when
    /// the range is empty or out of range). NOTE: for scans of a whole
    /// span, which then read one array without a bounds check per token.
    pub fn quotes_in(&self, a: usize, b: usize) -> impl Iterator<Item = Option<usize>> + '_ {
        debug_assert!(b <= self.quote_of.len(), "{a}..{b} of {}", self.quote_of.len());
        self.quote_of.get(a..b).unwrap_or(&[]).iter().map(|&m| (m != NONE).then_some(m as usize))
    }

    /// Whether token `i` is an opening quotation mark.
    pub fn is_open_mark(&self, i: usize) -> bool {
        self.quote_of(i).and_then(|m| self.marks.get(m)).is_some_and(|m| m.open == self.start(i))
    }

    /// Whether token `i` is a closing quotation mark.
    pub fn is_close_mark(&self, i: usize) -> bool {
        self.quote_of(i)
            .and_then(|m| self.marks.get(m))
            .is_some_and(|m| m.closed && m.close == self.end(i))
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
        let last = para
            .sentences
            .end
            .checked_sub(1)
            .and_then(|i| self.doc.sentences.get(i))
            .map_or(first, |s| s.tokens.end);
        first..last
    }

    /// First token at or after byte `b`.
    pub fn token_at(&self, b: usize) -> usize {
        self.doc.token_at_or_after(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted span of each token, found by walking every token.
    fn walked(doc: &Doc, marks: &[Marked]) -> Vec<Option<usize>> {
        let mut m = 0;
        let mut out = Vec::new();
        for t in &doc.tokens {
            while marks.get(m).is_some_and(|k| k.close <= t.start() && k.close > k.open) {
                m += 1;
            }
            out.push(
                marks
                    .get(m)
                    .filter(|k| t.start() >= k.open && t.end() <= k.close.max(k.end))
                    .map(|_| m),
            );
        }
        out
    }

    #[test]
    fn each_token_knows_its_sentence() {
        for text in
            ["", "One.", "Ann left. Bob said \"no.\" Then?\n\nA new paragraph here. And more"]
        {
            let doc = Doc::new(text);
            let v = View::new(&doc);
            for i in 0..v.len() {
                let s = doc.sentences.iter().position(|s| s.tokens.contains(&i)).unwrap_or(0);
                assert_eq!(v.sentence_of(i), s, "{text:?} token {i}");
            }
            assert_eq!(v.sentence_of(v.len()), usize::MAX);
        }
    }

    #[test]
    fn jumping_to_the_next_mark_finds_the_same_spans() {
        let text = "Ann said “yes, we will.” Then Bob \"left early\" and ‘wrote’ it.\n\n“Open to the end\n\nNo marks here at all. \"Last\"";
        let doc = Doc::new(text);
        let v = View::new(&doc);
        assert!(v.marks.len() >= 4);
        let got: Vec<Option<usize>> = (0..v.len()).map(|i| v.quote_of(i)).collect();
        assert_eq!(got, walked(&doc, &v.marks));
        assert_eq!(v.quotes_in(0, v.len()).collect::<Vec<_>>(), got);
        assert_eq!(v.quotes_in(3, 9).collect::<Vec<_>>(), got[3..9]);
        if !cfg!(debug_assertions) {
            assert_eq!(
                v.quotes_in(5, v.len() + 1).count(),
                0,
                "a debug assertion in checked builds"
            );
        }
        assert!(got.iter().filter(|q| q.is_some()).count() > 10);
    }
}
