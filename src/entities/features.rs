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

use super::gazetteer::{self, Classes};
use crate::text::Doc;
use super::words::{short_shape, Form, Words};
use std::ops::Range;

pub use super::casing::DocStats;

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// FNV-1a over a template number and the feature's parts (UTF-8 bytes).
fn hash(template: u8, parts: &[&[u8]]) -> u32 {
    parts.iter().fold(fnv_start(template), |h, p| fnv_part(h, p))
}

/// The FNV-1a state after a template number.
const fn fnv_start(template: u8) -> u32 {
    fnv_byte(0x811c_9dc5, template)
}

const fn fnv_byte(h: u32, b: u8) -> u32 {
    (h ^ b as u32).wrapping_mul(0x0100_0193)
}

/// The FNV-1a state after one more part (its bytes and a separator).
fn fnv_part(mut h: u32, part: &[u8]) -> u32 {
    // Four bytes per loop step: most of a word's cost was the loop itself.
    let mut quads = part.chunks_exact(4);
    for q in &mut quads {
        if let [a, b, c, d] = *q {
            h = fnv_byte(fnv_byte(fnv_byte(fnv_byte(h, a), b), c), d);
        }
    }
    fnv_byte(quads.remainder().iter().fold(h, |h, &b| fnv_byte(h, b)), 0xff)
}

/// Where each of a word's [`word_hashes`] goes.
const AS_P1: usize = 0;
const AS_N1: usize = 1;
const AS_P2: usize = 2;
const AS_N2: usize = 3;
const BIGRAM_LEFT: usize = 4;
const BIGRAM_CENTRE: usize = 5;

/// The hashes of the features a word contributes as a neighbour (templates
/// 3-6), and the hash states that start the two word bigrams (7 and 8),
/// computed once per distinct word.
pub const fn word_hashes(lower: &str) -> [u32; 6] {
    // Each is `fnv_part(fnv_start(t), lower)` for templates 3 to 8: six
    // independent states over the same bytes, in one pass. (Plain loops:
    // this is also evaluated at compile time, for the edge markers.)
    let mut h = [fnv_start(3), fnv_start(4), fnv_start(5), fnv_start(6), fnv_start(7), fnv_start(8)];
    let b = lower.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let mut t = 0;
        while t < h.len() {
            h[t] = fnv_byte(h[t], b[i]);
            t += 1;
        }
        i += 1;
    }
    let mut t = 0;
    while t < h.len() {
        h[t] = fnv_byte(h[t], 0xff);
        t += 1;
    }
    h
}

/// Which of a token's [`word_hashes`] [`Sentence::context`] reads (bit t
/// for state t), from `near`: bit j says whether the token j - 2 places
/// after it may be part of a name (only those get context features, and
/// each reads each neighbour's state for the place that neighbour is at).
pub const fn states_read(near: u8) -> u8 {
    // NOTE: from a table: this is asked once per token prepared.
    STATES_READ[(near & 0x1f) as usize]
}

/// [`states_read`] of each five bits.
const STATES_READ: [u8; 32] = {
    let places = [(0, 1 << AS_N2), (1, 1 << AS_N1), (2, 1 << BIGRAM_CENTRE), (3, 1 << AS_P1 | 1 << BIGRAM_LEFT), (4, 1 << AS_P2)];
    let mut t = [0u8; 32];
    let mut near = 0;
    while near < 32 {
        let mut k = 0;
        while k < places.len() {
            if near >> places[k].0 & 1 != 0 {
                t[near] |= places[k].1;
            }
            k += 1;
        }
        near += 1;
    }
    t
};

/// [`word_hashes`] of `lower`, but only the states in `states` (bit t for
/// state t); the others are left 0, for no feature reads them.
///
/// NOTE: a word needs three of its six states on average; a state on its
/// own takes four bytes per step, so few states cost less one by one, and
/// many less in [`word_hashes`]' single pass.
pub fn some_word_hashes(lower: &str, states: u8) -> [u32; 6] {
    if states.count_ones() > 3 {
        return word_hashes(lower);
    }
    let mut h = [0u32; 6];
    for (t, x) in (3u8..).zip(h.iter_mut()) {
        if states >> (t - 3) & 1 != 0 {
            *x = fnv_part(fnv_start(t), lower.as_bytes());
        }
    }
    h
}

/// The hashes of the affix features of a word (templates 14-17: its first
/// one to four characters, 18-21: its last ones), in the order
/// [`local`] writes them.
fn affix_hashes(lower: &str) -> [u32; 8] {
    let b = lower.as_bytes();
    // NOTE: most words have four ASCII bytes at each end, and then each
    // affix is a fixed run of bytes: hashed in straight-line code, without
    // the loops and the scan for non-ASCII bytes below (-1.75M Ir per pass
    // over PolNeAR dev). Bytes below 0x80 at either end are whole
    // characters, whatever lies between.
    if let ([p0, p1, p2, p3, ..], [.., s3, s2, s1, s0]) = (b, b) {
        if (p0 | p1 | p2 | p3 | s0 | s1 | s2 | s3) < 0x80 {
            let (p0, p1, p2, p3, s0, s1, s2, s3) = (*p0, *p1, *p2, *p3, *s0, *s1, *s2, *s3);
            return [
                fnv_short(fnv_start(14), &[p0]),
                fnv_short(fnv_start(18), &[s0]),
                fnv_short(fnv_start(15), &[p0, p1]),
                fnv_short(fnv_start(19), &[s1, s0]),
                fnv_short(fnv_start(16), &[p0, p1, p2]),
                fnv_short(fnv_start(20), &[s2, s1, s0]),
                fnv_short(fnv_start(17), &[p0, p1, p2, p3]),
                fnv_short(fnv_start(21), &[s3, s2, s1, s0]),
            ];
        }
    }
    let mut out = [0u32; 8];
    // A character is a byte in ASCII words (most of them): asked once, as
    // the answer holds for all four lengths.
    let ascii = lower.is_ascii();
    for (n, pair) in (1..=4usize).zip(out.chunks_exact_mut(2)) {
        let (p, s) = if ascii {
            let k = n.min(b.len());
            (b.get(..k).unwrap_or(b), b.get(b.len() - k..).unwrap_or(b))
        } else {
            (prefix(lower, n).as_bytes(), suffix(lower, n).as_bytes())
        };
        if let [hp, hs] = pair {
            *hp = fnv_short(fnv_start(13 + n as u8), p);
            *hs = fnv_short(fnv_start(17 + n as u8), s);
        }
    }
    out
}

/// [`fnv_part`] for a part of a few bytes (an affix).
///
/// NOTE: a plain byte loop: the four-byte steps of [`fnv_part`] only
/// added loop overhead for parts of one to four bytes.
fn fnv_short(h: u32, part: &[u8]) -> u32 {
    fnv_byte(part.iter().fold(h, |h, &b| fnv_byte(h, b)), 0xff)
}

/// The first or last `n` characters of `w`, by chars (by bytes for ASCII,
/// which most words are).
fn prefix(w: &str, n: usize) -> &str {
    if w.is_ascii() {
        return w.get(..n.min(w.len())).unwrap_or(w);
    }
    w.char_indices().nth(n).map_or(w, |(i, _)| w.get(..i).unwrap_or(w))
}

fn suffix(w: &str, n: usize) -> &str {
    if w.is_ascii() {
        return w.get(w.len().saturating_sub(n)..).unwrap_or(w);
    }
    let count = w.chars().count();
    if count <= n {
        return w;
    }
    w.char_indices().nth(count - n).map_or(w, |(i, _)| w.get(i..).unwrap_or(w))
}

/// The name of each word-list class ([`gazetteer::Class`]), by bit.
const CLASS_NAMES: [&[u8]; 10] = [b"country", b"state", b"city", b"region", b"norp", b"org", b"male", b"female", b"orgword", b"title"];

/// The classes' bits ([`gazetteer::ALL`]).
const CLASS_BITS: Classes = (1 << gazetteer::ALL.len()) - 1;

/// The list features' hashes, computed at compile time: row `t`, column
/// `c` is `hash(24 + t, [CLASS_NAMES[c]])`, for the six kinds of hit
/// (unit, begin, inside, last, the word before's, the word after's).
///
/// NOTE: a token with hits looked its classes up among all ten and hashed
/// each name: a sixth of the context features' cost, for a quarter of the
/// tokens. The table visits only the set bits, lowest first as before.
const LIST_HASHES: [[u32; 10]; 6] = {
    let mut out = [[0u32; 10]; 6];
    let mut t = 0;
    while t < out.len() {
        let mut c = 0;
        while c < CLASS_NAMES.len() {
            let name = CLASS_NAMES[c];
            let mut h = fnv_start(24 + t as u8);
            let mut i = 0;
            while i < name.len() {
                h = fnv_byte(h, name[i]);
                i += 1;
            }
            out[t][c] = fnv_byte(h, 0xff);
            c += 1;
        }
        t += 1;
    }
    out
};

/// One window of a sentence, ready for feature extraction over prepared
/// [`Words`]. Features are produced one token at a time so that a huge
/// sentence never holds all its features at once.
pub struct Sentence<'a, 'd> {
    words: &'a Words<'d>,
    /// The window's first token and its length.
    start: usize,
    len: usize,
    para_start: bool,
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
    pub fn new(doc: &Doc, words: &'a Words<'d>, stats: &'a DocStats<'a>, sent: usize, range: Range<usize>) -> Self {
        let para_start = doc.sentences.get(sent).and_then(|s| doc.paragraphs.get(s.paragraph)).is_some_and(|p| p.start == doc.tokens.get(range.start).map_or(0, |t| t.start()));
        Sentence { words, start: range.start, len: range.len(), para_start, stats }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the window has no tokens.
    pub fn is_empty(&self) -> bool {
        self.len == 0
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
        k.filter(|&j| j < self.len).map_or(0, |j| {
            let h = self.words.hit(self.start + j);
            h.unit | h.begin | h.inside | h.last
        })
    }

    /// Writes the hashed features of token `i` into `f` (cleared first).
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
        let (p2, p1, w, n1, n2) = (self.form(k - 2), self.form(k - 1), self.form(k), self.form(k + 1), self.form(k + 2));
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
        if h.unit | h.begin | h.inside | h.last | before | after == 0 {
            return; // most tokens and their neighbours are in no list
        }
        for (row, set) in LIST_HASHES.iter().zip([h.unit, h.begin, h.inside, h.last, before, after]) {
            let mut bits = set & CLASS_BITS;
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
pub const CASING: [u32; 4] = [casing_hash(b'-', b'-'), casing_hash(b'l', b'-'), casing_hash(b'-', b'c'), casing_hash(b'l', b'c')];

/// `hash(30, [[low], [cap]])`, at compile time.
const fn casing_hash(low: u8, cap: u8) -> u32 {
    fnv_byte(fnv_byte(fnv_byte(fnv_byte(fnv_start(30), low), 0xff), cap), 0xff)
}

/// Writes the features of a word that depend on the word alone (and the
/// document's casing and first-pass tags), not on where it stands: the
/// tagger scores them once per distinct word.
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
    fn affixes() {
        assert_eq!(prefix("café", 3), "caf");
        assert_eq!(suffix("café", 2), "fé");
        assert_eq!(suffix("a", 3), "a");
        assert_eq!((prefix("lee", 2), prefix("lee", 4), suffix("lee", 2), suffix("lee", 4)), ("le", "lee", "ee", "lee"));
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
        let reference = [3u8, b'l', b'e', b'e', 0xff].iter().fold(0x811c_9dc5u32, |h, &b| (h ^ b as u32).wrapping_mul(0x0100_0193));
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
                    let want = if states >> t & 1 != 0 { all[t] } else if states.count_ones() > 3 { some[t] } else { 0 };
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
        for w in ["lee", "a", "", "café", "naïveté", "straße", "abcd", "london", "ünited", "abcdé", "éabcd", "ab€cd", "naïve-ish"] {
            let want: Vec<u32> = (1..=4).flat_map(|n| [hash(13 + n as u8, &[prefix(w, n).as_bytes()]), hash(17 + n as u8, &[suffix(w, n).as_bytes()])]).collect();
            assert_eq!(affix_hashes(w).to_vec(), want, "{w}");
        }
    }

    #[test]
    fn constant_hashes_equal_the_feature_hashes() {
        assert_eq!(BIAS, hash(0, &[]));
        for (t, row) in LIST_HASHES.iter().enumerate() {
            for (c, &h) in gazetteer::ALL.iter().zip(row) {
                assert_eq!(h, hash(24 + t as u8, &[CLASS_NAMES[*c as usize]]), "template {} class {}", 24 + t, *c as usize);
            }
        }
        assert_eq!(CLASS_NAMES[gazetteer::Class::Title as usize], b"title");
        for (c, (low, cap)) in [(0, (b"-", b"-")), (1, (b"l", b"-")), (2, (b"-", b"c")), (3, (b"l", b"c"))] {
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
        let words = Words::new(&doc, &stats, std::iter::once((2, doc.sentences[2].tokens.clone())), true);
        let mut cased = 0;
        for w in words.forms() {
            let (mut got, mut own_only) = (Vec::new(), Vec::new());
            local(w, &stats, &mut got);
            own(w, &mut own_only);
            // The definition: hash(0, []), the word's own, then the casing.
            let (low, cap) = stats.casing(w.word);
            let case = starts_upper(&w.norm).then(|| hash(30, &[if low { b"l" } else { b"-" }, if cap { b"c" } else { b"-" }]));
            assert_eq!(got, [hash(0, &[])].iter().chain(&own_only).chain(&case).copied().collect::<Vec<_>>(), "{}", w.raw);
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
