//! Which tokens of a sentence the name tagger has to look at.
//!
//! In English news a name word is written with a capital or a digit
//! somewhere in it ("Trump", "anti-Trump", "7-Eleven", "iPhone"); the few
//! other tokens inside names join such words ("Bank of America",
//! "Department of the Interior", "AT & T") or close an abbreviation
//! ("Corp ."). Every other token is outside any name, so the tagger skips
//! it: it computes no features for it and cuts the tag sequence there,
//! which is most of a sentence (about four tokens in five in news).
//! On a line written in capitals case says nothing, so every token there is
//! looked at.
//!
//! Guarantees: linear in the number of tokens; no panics.

use crate::text::vocab::Shape;

/// At most this many lowercase tokens join two capitalised words into one
/// possible name ("of the" in "Department of the Interior").
const MAX_BRIDGE: usize = 2;

/// What a token is, as far as `mask` cares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// A word with no capital or digit.
    #[default]
    Plain,
    /// It has a capital letter or a digit: it may start or make a name on
    /// its own.
    Candidate,
    /// Punctuation only ("." after "Corp", "&", a quote mark).
    Punctuation,
}

/// The [`Kind`] of a token's text.
#[cfg(test)]
pub fn kind(w: &str) -> Kind {
    kind_of(Shape::of(w))
}

/// The [`Kind`] of a word with [`Shape`] bits `shape`.
pub fn kind_of(shape: u8) -> Kind {
    if shape & (Shape::UPPER | Shape::NUMERIC) != 0 {
        Kind::Candidate
    } else if shape & Shape::ALNUM == 0 {
        Kind::Punctuation
    } else {
        Kind::Plain
    }
}

/// For each token of a sentence (given by its [`Kind`]), whether it may be
/// part of a name.
#[cfg(test)]
pub fn mask(kinds: &[Kind], caps_line: bool) -> Vec<bool> {
    let mut out = Vec::new();
    mask_into(kinds, caps_line, &mut out);
    out
}

/// `mask` into a buffer the caller reuses across sentences.
pub fn mask_into(kinds: &[Kind], caps_line: bool, out: &mut Vec<bool>) {
    out.clear();
    if caps_line {
        out.resize(kinds.len(), true);
        return;
    }
    out.extend(kinds.iter().map(|&k| k == Kind::Candidate));
    let mut last: Option<usize> = None;
    for (i, _) in kinds.iter().enumerate().filter(|(_, &k)| k == Kind::Candidate) {
        if let Some(p) = last {
            // A short run of other tokens between two candidates may join them.
            if i - p - 1 <= MAX_BRIDGE {
                for m in out.iter_mut().take(i).skip(p + 1) {
                    *m = true;
                }
            }
        }
        // Punctuation right after a candidate may close it ("Corp .").
        if kinds.get(i + 1) == Some(&Kind::Punctuation) {
            if let Some(m) = out.get_mut(i + 1) {
                *m = true;
            }
        }
        last = Some(i);
    }
}

/// [`mask_bits`] of a sentence of at most 64 tokens given by their word
/// ids (shape bits in `shapes`), and the bits of its capitalised tokens.
pub fn mask_words(ids: &[u32], shapes: &[u8]) -> (u64, u64) {
    let (mut cand, mut punct, mut capitalised) = (0u64, 0u64, 0u64);
    for (k, &id) in ids.iter().enumerate().take(64) {
        let shape = shapes.get(id as usize).copied().unwrap_or(0);
        capitalised |= u64::from(shape & Shape::FIRST_UPPER != 0) << k;
        match kind_of(shape) {
            Kind::Candidate => cand |= 1 << k,
            Kind::Punctuation => punct |= 1 << k,
            Kind::Plain => {}
        }
    }
    (mask_bits(cand, punct, ids.len()), capitalised)
}

/// The tokens within two of an active one (bits `on`) in a sentence of
/// `len` tokens (at most 64).
pub fn near_bits(on: u64, len: usize) -> u64 {
    let near = on | on << 1 | on << 2 | on >> 1 | on >> 2;
    if len < 64 {
        near & ((1 << len) - 1)
    } else {
        near
    }
}

/// `mask` of a sentence of at most 64 tokens outside capital lines, as
/// bits (bit k for token k), from the bits of its candidates and of its
/// punctuation tokens.
pub fn mask_bits(cand: u64, punct: u64, len: usize) -> u64 {
    let all = if len >= 64 { u64::MAX } else { (1u64 << len) - 1 };
    // Bit x of each: whether token x - 1, x - 2, x + 1, x + 2 is a candidate.
    let (p1, p2, n1, n2) = (cand << 1, cand << 2, cand >> 1, cand >> 2);
    // A token in a run of at most two others between two candidates: the
    // only one, the first of two, or the second of two.
    let bridge = !cand & (p1 & n1 | p1 & !n1 & n2 | !p1 & p2 & n1);
    (cand | bridge | punct & p1) & all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<Kind> {
        s.split(' ').map(kind).collect()
    }

    fn active(s: &str) -> String {
        mask(&kinds(s), false).iter().map(|&a| if a { '1' } else { '0' }).collect()
    }

    #[test]
    fn capitals_and_digits_are_looked_at() {
        assert_eq!(active("the mayor met Ann Lee in 2019"), "0001111");
        assert_eq!(active("the mayor met Ann Lee and her staff in 2019"), "0001100001");
        assert_eq!(active("an anti-Trump rally"), "010");
    }

    #[test]
    fn short_lowercase_runs_between_capitals_are_kept() {
        assert_eq!(active("at the Bank of America today"), "001110");
        assert_eq!(active("the Department of the Interior said"), "011110");
        assert_eq!(active("Ann went to the shop with Bob"), "1000001");
    }

    #[test]
    fn punctuation_after_a_capital_is_kept() {
        assert_eq!(active("Acme Corp . said"), "1110");
        assert_eq!(active("he said . then"), "0000");
    }

    #[test]
    fn bit_masks_agree_with_the_mask() {
        // Every sequence of kinds up to eight tokens, and some long ones.
        let all = [Kind::Plain, Kind::Candidate, Kind::Punctuation];
        let mut seqs: Vec<Vec<Kind>> = vec![vec![]];
        for len in 1..=8 {
            let mut next = Vec::new();
            for s in seqs.iter().filter(|s| s.len() == len - 1) {
                for k in all {
                    let mut t = s.clone();
                    t.push(k);
                    next.push(t);
                }
            }
            seqs.extend(next);
        }
        seqs.push((0..64).map(|i| all[(i * 7 + i / 5) % 3]).collect());
        seqs.push((0..63).map(|i| all[(i * 5 + 1) % 3]).collect());
        for s in seqs {
            let bits = |k: Kind| {
                s.iter().enumerate().filter(|(_, &x)| x == k).fold(0u64, |m, (i, _)| m | 1 << i)
            };
            let want =
                mask(&s, false).iter().enumerate().fold(0u64, |m, (i, &a)| m | u64::from(a) << i);
            assert_eq!(
                mask_bits(bits(Kind::Candidate), bits(Kind::Punctuation), s.len()),
                want,
                "{s:?}"
            );
        }
    }

    #[test]
    fn bits_from_words() {
        let doc = crate::text::Doc::new("at the Bank of America , Acme Corp . said");
        let (on, capitalised) = mask_words(doc.vocab.ids(), doc.vocab.shapes());
        assert_eq!((on, capitalised), (0b1_1111_1100, 0b0_1101_0100));
        assert_eq!(near_bits(0b1000, 5), 0b11110);
        assert_eq!(near_bits(1 << 63, 64), 0b111 << 61);
    }

    #[test]
    fn capital_lines_are_looked_at_whole() {
        assert_eq!(mask(&kinds("BIG win for us"), true), vec![true; 4]);
        assert!(mask(&[], false).is_empty());
    }
}
