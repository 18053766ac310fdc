//! The hashes of the name model's features: FNV-1a over a template number
//! and the feature's parts, with the per-word hashes (a word as a
//! neighbour, its affixes) computed in one pass over its bytes, and the
//! hashes of the fixed features (word-list classes) computed at compile time.
//!
//! Guarantees: the same hash as `hash(template, parts)` for every feature,
//! whichever way it is computed (the tests check each against it); no
//! panics.

use crate::text::lexicon::{gazetteer, Classes};

/// FNV-1a over a template number and the feature's parts (UTF-8 bytes).
pub(super) fn hash(template: u8, parts: &[&[u8]]) -> u32 {
    parts.iter().fold(fnv_start(template), |h, p| fnv_part(h, p))
}

/// The FNV-1a state after a template number.
pub(super) const fn fnv_start(template: u8) -> u32 {
    fnv_byte(0x811c_9dc5, template)
}

pub(super) const fn fnv_byte(h: u32, b: u8) -> u32 {
    (h ^ b as u32).wrapping_mul(0x0100_0193)
}

/// The FNV-1a state after one more part (its bytes and a separator).
pub(super) fn fnv_part(mut h: u32, part: &[u8]) -> u32 {
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
pub(super) const AS_P1: usize = 0;
pub(super) const AS_N1: usize = 1;
pub(super) const AS_P2: usize = 2;
pub(super) const AS_N2: usize = 3;
pub(super) const BIGRAM_LEFT: usize = 4;
pub(super) const BIGRAM_CENTRE: usize = 5;

/// The hashes of the features a word contributes as a neighbour (templates
/// 3-6), and the hash states that start the two word bigrams (7 and 8),
/// computed once per distinct word.
pub const fn word_hashes(lower: &str) -> [u32; 6] {
    // Each is `fnv_part(fnv_start(t), lower)` for templates 3 to 8: six
    // independent states over the same bytes, in one pass. (Plain loops:
    // this is also evaluated at compile time, for the edge markers.)
    let mut h =
        [fnv_start(3), fnv_start(4), fnv_start(5), fnv_start(6), fnv_start(7), fnv_start(8)];
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

/// Which of a token's [`word_hashes`] `Sentence::context` reads (bit t
/// for state t), from `near`: bit j says whether the token j - 2 places
/// after it may be part of a name (only those get context features, and
/// each reads each neighbour's state for the place that neighbour is at).
pub const fn states_read(near: u8) -> u8 {
    // NOTE: from a table: this is asked once per token prepared.
    STATES_READ[(near & 0x1f) as usize]
}

/// [`states_read`] of each five bits.
pub(super) const STATES_READ: [u8; 32] = {
    let places = [
        (0, 1 << AS_N2),
        (1, 1 << AS_N1),
        (2, 1 << BIGRAM_CENTRE),
        (3, 1 << AS_P1 | 1 << BIGRAM_LEFT),
        (4, 1 << AS_P2),
    ];
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
/// `local` writes them.
pub(super) fn affix_hashes(lower: &str) -> [u32; 8] {
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
pub(super) fn fnv_short(h: u32, part: &[u8]) -> u32 {
    fnv_byte(part.iter().fold(h, |h, &b| fnv_byte(h, b)), 0xff)
}

/// The first or last `n` characters of `w`, by chars (by bytes for ASCII,
/// which most words are).
pub(super) fn prefix(w: &str, n: usize) -> &str {
    if w.is_ascii() {
        return w.get(..n.min(w.len())).unwrap_or(w);
    }
    w.char_indices().nth(n).map_or(w, |(i, _)| w.get(..i).unwrap_or(w))
}

pub(super) fn suffix(w: &str, n: usize) -> &str {
    if w.is_ascii() {
        return w.get(w.len().saturating_sub(n)..).unwrap_or(w);
    }
    let count = w.chars().count();
    if count <= n {
        return w;
    }
    w.char_indices().nth(count - n).map_or(w, |(i, _)| w.get(i..).unwrap_or(w))
}

/// The name of each word-list class ([`crate::text::lexicon::Class`]), by bit.
pub(super) const CLASS_NAMES: [&[u8]; 10] = [
    b"country", b"state", b"city", b"region", b"norp", b"org", b"male", b"female", b"orgword",
    b"title",
];

/// The classes' bits ([`gazetteer::ALL`]).
pub(super) const CLASS_BITS: Classes = Classes::of(&gazetteer::ALL);

/// The list features' hashes, computed at compile time: row `t`, column
/// `c` is `hash(24 + t, [CLASS_NAMES[c]])`, for the six kinds of hit
/// (unit, begin, inside, last, the word before's, the word after's).
///
/// NOTE: a token with hits looked its classes up among all ten and hashed
/// each name: a sixth of the context features' cost, for a quarter of the
/// tokens. The table visits only the set bits, lowest first as before.
pub(super) const LIST_HASHES: [[u32; 10]; 6] = {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
