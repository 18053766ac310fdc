//! The word lists matched against a document's sentences ([`Matcher`]):
//! where each token sits in the longest entries that cover it ([`Hit`]),
//! each distinct word of the document looked up once, and a match tried
//! only where a capitalised word (or a line in capitals) can start one.
//!
//! Guarantees: at most [`MAX_WORDS`] trie steps per token; no allocation
//! per token; no panics.

use super::{lists, Classes, MAX_WORDS, ROOT};
use crate::text::vocab::Shape;
use crate::text::Doc;
use std::ops::Range;

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

/// Matches the lists against the sentences of one document, looking up
/// each distinct word once.
pub struct Matcher<'d> {
    doc: &'d Doc<'d>,
    /// Per distinct word of the document: its entry-word id + 1, 0 when no
    /// entry has it, [`UNSEEN`] before it is first looked up.
    ids: Vec<u32>,
}

const UNSEEN: u32 = u32::MAX;

impl<'d> Matcher<'d> {
    /// A matcher over the words of `doc`.
    pub fn new(doc: &'d Doc<'d>) -> Self {
        Matcher { doc, ids: vec![UNSEEN; doc.vocab.words().len()] }
    }

    /// The entry-word id of token `i`.
    fn word(&mut self, i: usize) -> Option<u32> {
        let slot = self.ids.get_mut(self.doc.vocab.id(i))?;
        if *slot == UNSEEN {
            *slot = lists().word_id(self.doc.tok(i)).map_or(0, |id| id + 1);
        }
        slot.checked_sub(1)
    }

    /// Matches the lists against the tokens `range` (one sentence).
    /// `caps_line` lifts the capitalization requirement for lines written
    /// all in capitals.
    #[cfg(test)]
    pub fn hits(&mut self, range: Range<usize>, caps_line: bool) -> Vec<Hit> {
        let mut out = Vec::new();
        self.hits_into(range, caps_line, &mut out);
        out
    }

    /// `Matcher::hits` into a buffer the caller reuses across sentences.
    pub fn hits_into(&mut self, range: Range<usize>, caps_line: bool, out: &mut Vec<Hit>) {
        out.clear();
        out.resize(range.len(), Hit::default());
        let (doc, shapes) = (self.doc, self.doc.vocab.shapes());
        debug_assert!(range.end <= doc.vocab.ids().len(), "{range:?}");
        let ids = doc.vocab.ids().get(range.clone()).unwrap_or(&[]);
        for (i, &id) in (range.start..).zip(ids) {
            if caps_line || shapes.get(id as usize).is_some_and(|s| s & Shape::FIRST_UPPER != 0) {
                self.match_at(i, &range, out);
            }
        }
    }

    /// [`Matcher::hits_into`] for a sentence of at most 64 tokens outside
    /// capital lines, given the bits of its capitalised tokens (bit k for
    /// the token `range.start + k`): only those can start a match.
    pub fn hits_at(&mut self, range: Range<usize>, mut capitalised: u64, out: &mut Vec<Hit>) {
        out.clear();
        out.resize(range.len(), Hit::default());
        while capitalised != 0 {
            let k = capitalised.trailing_zeros() as usize;
            capitalised &= capitalised - 1;
            self.match_at(range.start + k, &range, out);
        }
    }

    /// Adds the matches that start at token `i` of the sentence `range`.
    fn match_at(&mut self, i: usize, range: &Range<usize>, out: &mut [Hit]) {
        let (l, doc) = (lists(), self.doc);
        let mut node = ROOT;
        let mut lower = false;
        for k in i..range.end.min(i + MAX_WORDS) {
            let Some(next) = self.word(k).and_then(|w| l.child(node, w)) else { break };
            node = next;
            lower |= doc.vocab.shape(k) & Shape::LOWER != 0;
            let classes = l.classes(node, lower, (i..=k).map(|j| doc.tok(j)));
            if classes.is_empty() {
                continue;
            }
            let (a, b) = (i - range.start, k - range.start);
            if a == b {
                if let Some(h) = out.get_mut(a) {
                    h.unit |= classes;
                }
                continue;
            }
            for (x, h) in out.iter_mut().enumerate().take(b + 1).skip(a) {
                match x {
                    _ if x == a => h.begin |= classes,
                    _ if x == b => h.last |= classes,
                    _ => h.inside |= classes,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lexicon::Class;

    fn hits(text: &str, caps_line: bool) -> Vec<Hit> {
        let doc = Doc::new(text);
        Matcher::new(&doc).hits(0..doc.tokens.len(), caps_line)
    }

    #[test]
    fn finds_single_and_multi_word_entries() {
        let h = hits("in New Zealand and Paris", false);
        assert!(h[1].begin.has(Class::Country) && h[2].last.has(Class::Country));
        assert!(h[4].unit.has(Class::City));
        assert_eq!(h[3], Hit::default());
        let h = hits("the Deputy Prime Minister and the New Zealand Deputy Prime Minister", false);
        assert!(
            h[1].begin.has(Class::Title)
                && h[2].inside.has(Class::Title)
                && h[3].last.has(Class::Title)
        );
        assert!(
            h[2].begin.has(Class::Title)
                && h[3].last.has(Class::Title)
                && h[3].unit.has(Class::Title)
        );
        assert!(
            h[6].begin.has(Class::Country)
                && h[7].last.has(Class::Country)
                && h[8].begin.has(Class::Title)
        );
    }

    #[test]
    fn capitals_entries_need_their_case() {
        assert!(hits("US", false)[0].unit.has(Class::Country));
        assert_eq!(hits("us", false)[0].unit, Classes::NONE);
        assert_eq!(hits("Us", false)[0].unit, Classes::NONE);
    }

    #[test]
    fn matches_start_only_where_asked() {
        let doc = Doc::new("in New Zealand and Paris");
        let mut m = Matcher::new(&doc);
        let mut out = Vec::new();
        m.hits_at(0..5, 0b10010, &mut out);
        assert_eq!(out, hits("in New Zealand and Paris", false));
        m.hits_at(0..5, 0b10000, &mut out);
        assert!(out[1] == Hit::default() && out[4].unit.has(Class::City));
    }

    #[test]
    fn lowercase_start_needs_a_caps_line() {
        assert_eq!(hits("france", false)[0].unit, Classes::NONE);
        assert!(hits("FRANCE", true)[0].unit.has(Class::Country));
    }
}
