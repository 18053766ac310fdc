//! The features of a token that depend on where it stands: its
//! neighbours' words and shapes, the word bigrams, its place in the
//! sentence and paragraph, and the word-list hits around it, over one
//! window of a sentence ([`Sentence`]), from the words prepared once per
//! document ([`Words`]).
//!
//! Guarantees: a bounded number of features per token, written one token
//! at a time (a huge sentence never holds all its features at once); the
//! same features for training and tagging; no panics.

use super::hashes::{
    fnv_part, hash, AS_N1, AS_N2, AS_P1, AS_P2, BIGRAM_CENTRE, BIGRAM_LEFT, CLASS_BITS, LIST_HASHES,
};
#[cfg(any(test, feature = "internals"))]
use super::local;
use super::word_hashes;
use super::DocStats;
use crate::entities::words::{Form, Words};
use crate::text::lexicon::Classes;
use crate::text::Doc;
use std::ops::Range;

/// One window of a sentence, ready for feature extraction over prepared
/// [`Words`]. Features are produced one token at a time so that a huge
/// sentence never holds all its features at once.
pub struct Sentence<'a, 'd> {
    words: &'a Words<'d>,
    /// The window's first token and its length.
    start: usize,
    len: usize,
    para_start: bool,
    /// Read by [`Sentence::features`] only, for the trainer.
    #[cfg_attr(not(any(test, feature = "internals")), allow(dead_code))]
    stats: &'a DocStats<'a>,
}

/// A token's prepared form, or the marker of the sentence edge it lies
/// beyond.
type Slot<'a, 'd> = Result<Option<&'a Form<'d>>, Edge>;

/// A sentence edge, beyond the first or last token.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Left,
    Right,
}

impl Edge {
    /// The marker the edge reads as.
    fn text(self) -> &'static str {
        match self {
            Edge::Left => EDGE_L,
            Edge::Right => EDGE_R,
        }
    }
}

const EDGE_L: &str = "<s>";
const EDGE_R: &str = "</s>";

impl<'a, 'd> Sentence<'a, 'd> {
    /// Window `range` (token indices) of sentence `sent` of `doc`.
    pub fn new(
        doc: &Doc,
        words: &'a Words<'d>,
        stats: &'a DocStats<'a>,
        sent: usize,
        range: Range<usize>,
    ) -> Self {
        let para_start = doc
            .sentences
            .get(sent)
            .and_then(|s| doc.paragraphs.get(s.paragraph))
            .is_some_and(|p| p.start == doc.tokens.get(range.start).map_or(0, |t| t.start()));
        Sentence { words, start: range.start, len: range.len(), para_start, stats }
    }

    /// Number of tokens.
    // The trainer only asks for the length; an is_empty would be unused.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether token `i` may be part of a name (the tagger skips the others).
    pub fn active(&self, i: usize) -> bool {
        i < self.len && self.words.active(self.start + i)
    }

    /// The form index of token `i` (see [`Words::form_id`]).
    pub fn form_id(&self, i: usize) -> Option<usize> {
        (i < self.len).then(|| self.words.form_id(self.start + i)).flatten()
    }

    fn form(&self, k: isize) -> Slot<'_, 'd> {
        match usize::try_from(k) {
            Err(_) => Err(Edge::Left),
            Ok(k) if k >= self.len => Err(Edge::Right),
            Ok(k) => Ok(self.words.form(self.start + k)),
        }
    }

    /// The [`word_hashes`] of a token (the edge markers' are computed
    /// once).
    fn word_hashes<'x>(x: &'x Slot<'x, 'd>) -> &'x [u32; 6] {
        const EDGES: [[u32; 6]; 3] = [word_hashes(EDGE_L), word_hashes(EDGE_R), word_hashes("")];
        match x {
            Ok(Some(f)) => &f.hashes,
            Err(Edge::Left) => &EDGES[0],
            Err(Edge::Right) => &EDGES[1],
            Ok(None) => &EDGES[2],
        }
    }

    fn lower<'x>(x: &'x Slot<'x, 'd>) -> &'x [u8] {
        match x {
            Ok(f) => f.map_or(b"", |f| f.lower.as_bytes()),
            Err(e) => e.text().as_bytes(),
        }
    }

    fn sshape<'x>(x: &'x Slot<'x, 'd>) -> &'x [u8] {
        match x {
            Ok(f) => f.map_or(b"", |f| f.sshape.as_bytes()),
            Err(e) => e.text().as_bytes(),
        }
    }

    fn classes(&self, k: Option<usize>) -> Classes {
        k.filter(|&j| j < self.len).map_or(Classes::NONE, |j| {
            let h = self.words.hit(self.start + j);
            h.unit | h.begin | h.inside | h.last
        })
    }

    /// Writes the hashed features of token `i` into `f` (cleared first).
    #[cfg(any(test, feature = "internals"))]
    pub fn features(&self, i: usize, f: &mut Vec<u32>) {
        f.clear();
        if let Ok(Some(w)) = self.form(i as isize) {
            local(w, self.stats, f);
            self.context(i, f);
        }
    }

    /// Writes the features of token `i` that depend on its neighbours and
    /// position (the rest come from [`local`]).
    pub fn context(&self, i: usize, f: &mut Vec<u32>) {
        let k = i as isize;
        let (p2, p1, w, n1, n2) =
            (self.form(k - 2), self.form(k - 1), self.form(k), self.form(k + 1), self.form(k + 2));
        let (sp, sw, sn) = (Self::sshape(&p1), Self::sshape(&w), Self::sshape(&n1));
        // hash(3, [p1]), hash(4, [n1]), hash(5, [p2]), hash(6, [n2]),
        // hash(7, [p1, w]), hash(8, [w, n1]), from each word's own hashes.
        let (hp1, hn1) = (Self::word_hashes(&p1), Self::word_hashes(&n1));
        f.push(hp1[AS_P1]);
        f.push(hn1[AS_N1]);
        f.push(Self::word_hashes(&p2)[AS_P2]);
        f.push(Self::word_hashes(&n2)[AS_N2]);
        f.push(fnv_part(hp1[BIGRAM_LEFT], Self::lower(&w)));
        f.push(fnv_part(Self::word_hashes(&w)[BIGRAM_CENTRE], Self::lower(&n1)));
        f.push(hash(11, &[sp, sw, sn]));
        f.push(hash(12, &[sp, sw]));
        f.push(hash(13, &[sw, sn]));
        if i == 0 {
            f.push(hash(22, &[sw]));
        }
        if i == 0 && self.para_start {
            f.push(hash(34, &[sw]));
        }
        let h = self.words.hit(self.start + i);
        let (before, after) = (self.classes(i.checked_sub(1)), self.classes(Some(i + 1)));
        if (h.unit | h.begin | h.inside | h.last | before | after).is_empty() {
            return; // most tokens and their neighbours are in no list
        }
        for (row, set) in LIST_HASHES.iter().zip([h.unit, h.begin, h.inside, h.last, before, after])
        {
            let mut bits = (set & CLASS_BITS).bits();
            while bits != 0 {
                if let Some(&x) = row.get(bits.trailing_zeros() as usize) {
                    f.push(x);
                }
                bits &= bits - 1;
            }
        }
    }
}

/// The hashed features of every token of sentence `sent` (for training).
#[cfg(any(test, feature = "internals"))]
pub fn sentence(doc: &Doc, stats: &DocStats, sent: usize, range: Range<usize>) -> Vec<Vec<u32>> {
    let words = Words::new(doc, stats, std::iter::once((sent, range.clone())), true);
    let s = Sentence::new(doc, &words, stats, sent, range);
    (0..s.len())
        .map(|i| {
            let mut f = Vec::with_capacity(48);
            s.features(i, &mut f);
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_gets_features() {
        let doc = Doc::new("Ms. Ann Lee flew to Paris.");
        let stats = DocStats::new(&doc);
        let r = doc.sentences[0].tokens.clone();
        let f = sentence(&doc, &stats, 0, r.clone());
        assert_eq!(f.len(), r.len());
        assert!(f.iter().all(|x| x.len() > 20));
    }

    #[test]
    fn tagging_sees_the_same_features_as_training() {
        let doc = Doc::new("Ann Lee of the Bank of America said on Monday that prices rose.");
        let stats = DocStats::new(&doc);
        let r = doc.sentences[0].tokens.clone();
        let full = sentence(&doc, &stats, 0, r.clone());
        let words = Words::new(&doc, &stats, std::iter::once((0, r.clone())), false);
        let s = Sentence::new(&doc, &words, &stats, 0, r);
        let mut f = Vec::new();
        let mut checked = 0;
        for (i, want) in full.iter().enumerate().filter(|&(i, _)| s.active(i)) {
            s.features(i, &mut f);
            assert_eq!(&f, want, "token {i}");
            checked += 1;
        }
        assert!(checked >= 7, "{checked}");
    }
}
