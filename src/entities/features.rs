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

mod context;
mod hashes;

use super::words::{short_shape, Form};
#[cfg(feature = "internals")]
pub use context::sentence;
pub use context::Sentence;
use hashes::*;
pub use hashes::{some_word_hashes, states_read, word_hashes};

pub use super::casing::DocStats;

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::words::Words;
    use crate::text::lexicon::gazetteer;
    use crate::text::Doc;

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
}
