//! Token features for the name model: word forms, shapes, affixes, the
//! neighbouring words, sentence and line position, word-list hits and how
//! the same word is written elsewhere in the document. Each feature is a
//! string hashed to 32 bits; the model maps hashes to weights. Training and
//! tagging call the same code, so they always agree.
//!
//! All-capital lines (headlines, datelines) carry no case information, so
//! their words are re-cased as the document writes them elsewhere.
//!
//! Guarantees: linear in the number of tokens (a bounded number of features
//! per token); no panics.

mod hashes;

use super::words::{short_shape, Form, Words};
use crate::text::lexicon::Classes;
use crate::text::Doc;
use hashes::*;
pub use hashes::{some_word_hashes, states_read, word_hashes};
use std::ops::Range;

pub use super::casing::DocStats;

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

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

/// The hash of the bias feature (template 0), which every word has.
pub const BIAS: u32 = fnv_start(0);

/// The hashes of the casing feature (template 30: whether the document
/// also writes the word in lowercase, and capitalised), indexed by
/// [`casing`].
pub const CASING: [u32; 4] = [
    casing_hash(b'-', b'-'),
    casing_hash(b'l', b'-'),
    casing_hash(b'-', b'c'),
    casing_hash(b'l', b'c'),
];

/// `hash(30, [[low], [cap]])`, at compile time.
const fn casing_hash(low: u8, cap: u8) -> u32 {
    fnv_byte(fnv_byte(fnv_byte(fnv_byte(fnv_start(30), low), 0xff), cap), 0xff)
}

/// Writes the features of a word that depend on the word alone (and the
/// document's casing and first-pass tags), not on where it stands: the
/// tagger scores them once per distinct word.
#[cfg(any(test, feature = "internals"))]
pub fn local(w: &Form, stats: &DocStats, f: &mut Vec<u32>) {
    f.push(BIAS);
    own(w, f);
    if let Some(c) = casing(w, stats).and_then(|c| CASING.get(c)) {
        f.push(*c);
    }
}

/// The features of [`local`] but the bias and casing (few values: the
/// tagger scores those once per document).
pub fn own(w: &Form, f: &mut Vec<u32>) {
    f.push(hash(1, &[w.lower.as_bytes()]));
    f.push(hash(2, &[w.norm.as_bytes()]));
    f.push(hash(9, &[w.shape.as_bytes()]));
    f.push(hash(10, &[w.sshape.as_bytes()]));
    f.extend(affix_hashes(w.lower));
    if w.caps {
        f.push(hash(23, &[short_shape(w.raw).as_bytes()]));
    }
}

/// The index in [`CASING`] of a word's casing feature (capitalised words
/// only): 1 if the document writes it in lowercase, plus 2 if capitalised.
pub fn casing(w: &Form, stats: &DocStats) -> Option<usize> {
    starts_upper(&w.norm).then(|| {
        let (low, cap) = stats.casing(w.word);
        usize::from(low) | usize::from(cap) << 1
    })
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
    use crate::text::lexicon::gazetteer;

    #[test]
    fn affixes() {
        assert_eq!(prefix("café", 3), "caf");
        assert_eq!(suffix("café", 2), "fé");
        assert_eq!(suffix("a", 3), "a");
        assert_eq!(
            (prefix("lee", 2), prefix("lee", 4), suffix("lee", 2), suffix("lee", 4)),
            ("le", "lee", "ee", "lee")
        );
    }

    #[test]
    fn word_hashes_equal_the_feature_hashes() {
        for w in ["lee", "", "café", "a-much-longer-word"] {
            let (h, b) = (word_hashes(w), w.as_bytes());
            assert_eq!(h[AS_P1], hash(3, &[b]));
            assert_eq!(h[AS_N1], hash(4, &[b]));
            assert_eq!(h[AS_P2], hash(5, &[b]));
            assert_eq!(h[AS_N2], hash(6, &[b]));
            assert_eq!(fnv_part(h[BIGRAM_LEFT], b"said"), hash(7, &[b, b"said"]));
            assert_eq!(fnv_part(h[BIGRAM_CENTRE], b"said"), hash(8, &[b, b"said"]));
        }
        // The FNV-1a reference value of the bytes 0x03 "lee" 0xff.
        let reference = [3u8, b'l', b'e', b'e', 0xff]
            .iter()
            .fold(0x811c_9dc5u32, |h, &b| (h ^ b as u32).wrapping_mul(0x0100_0193));
        assert_eq!(word_hashes("lee")[AS_P1], reference);
        for part in ["", "a", "abcd", "abcdefg", "naïveté-long"] {
            let plain = part.bytes().chain([0xff]).fold(7u32, fnv_byte);
            assert_eq!(fnv_part(7, part.as_bytes()), plain, "{part}");
        }
    }

    #[test]
    fn only_the_states_asked_for_are_hashed() {
        for w in ["lee", "", "café", "a-much-longer-word"] {
            let all = word_hashes(w);
            for states in [0u8, 1, 0b10_0001, 0b111, 0b1111, 0x3f] {
                let some = some_word_hashes(w, states);
                for t in 0..6 {
                    let want = if states >> t & 1 != 0 {
                        all[t]
                    } else if states.count_ones() > 3 {
                        some[t]
                    } else {
                        0
                    };
                    assert_eq!(some[t], want, "{w} {states:b} {t}");
                }
            }
        }
    }

    #[test]
    fn states_read_are_the_neighbours_context_reads() {
        assert_eq!(states_read(0), 0);
        // Active itself: the bigram it starts with its right neighbour.
        assert_eq!(states_read(0b00100), 1 << BIGRAM_CENTRE);
        // The next token active: this one is its p1 and starts its bigram.
        assert_eq!(states_read(0b01000), 1 << AS_P1 | 1 << BIGRAM_LEFT);
        assert_eq!(states_read(0b10000), 1 << AS_P2);
        assert_eq!(states_read(0b00010), 1 << AS_N1);
        assert_eq!(states_read(0b00001), 1 << AS_N2);
        assert_eq!(states_read(0b11111), 0x3f);
    }

    #[test]
    fn affix_hashes_equal_the_feature_hashes() {
        for w in [
            "lee",
            "a",
            "",
            "café",
            "naïveté",
            "straße",
            "abcd",
            "london",
            "ünited",
            "abcdé",
            "éabcd",
            "ab€cd",
            "naïve-ish",
        ] {
            let want: Vec<u32> = (1..=4)
                .flat_map(|n| {
                    [
                        hash(13 + n as u8, &[prefix(w, n).as_bytes()]),
                        hash(17 + n as u8, &[suffix(w, n).as_bytes()]),
                    ]
                })
                .collect();
            assert_eq!(affix_hashes(w).to_vec(), want, "{w}");
        }
    }

    #[test]
    fn constant_hashes_equal_the_feature_hashes() {
        assert_eq!(BIAS, hash(0, &[]));
        for (t, row) in LIST_HASHES.iter().enumerate() {
            for (c, &h) in gazetteer::ALL.iter().zip(row) {
                assert_eq!(
                    h,
                    hash(24 + t as u8, &[CLASS_NAMES[*c as usize]]),
                    "template {} class {}",
                    24 + t,
                    *c as usize
                );
            }
        }
        assert_eq!(CLASS_NAMES[crate::text::lexicon::Class::Title as usize], b"title");
        for (c, (low, cap)) in
            [(0, (b"-", b"-")), (1, (b"l", b"-")), (2, (b"-", b"c")), (3, (b"l", b"c"))]
        {
            assert_eq!(CASING[c], hash(30, &[low, cap]));
        }
        for part in ["", "a", "ab", "abcd", "naïve"] {
            assert_eq!(fnv_short(9, part.as_bytes()), fnv_part(9, part.as_bytes()), "{part}");
        }
    }

    #[test]
    fn local_features_are_the_bias_own_and_casing() {
        let doc = Doc::new("Apple fell. The apple fell. Then Apple rose in Rome.");
        let stats = DocStats::new(&doc);
        let words =
            Words::new(&doc, &stats, std::iter::once((2, doc.sentences[2].tokens.clone())), true);
        let mut cased = 0;
        for w in words.forms() {
            let (mut got, mut own_only) = (Vec::new(), Vec::new());
            local(w, &stats, &mut got);
            own(w, &mut own_only);
            // The definition: hash(0, []), the word's own, then the casing.
            let (low, cap) = stats.casing(w.word);
            let case = starts_upper(&w.norm)
                .then(|| hash(30, &[if low { b"l" } else { b"-" }, if cap { b"c" } else { b"-" }]));
            assert_eq!(
                got,
                [hash(0, &[])].iter().chain(&own_only).chain(&case).copied().collect::<Vec<_>>(),
                "{}",
                w.raw
            );
            cased += usize::from(casing(w, &stats).is_some());
        }
        assert!(cased >= 2, "{cased}");
    }

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
