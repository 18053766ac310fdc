//! Viterbi decoding of the name tagger's BILOU tags: the best tag sequence
//! for per-token scores and tag-to-tag transition scores, honouring the
//! BILOU constraints (an I or L continues an open B or I of its type, a
//! sequence never ends inside a name).
//!
//! A sentence is decoded in segments: the runs of tokens that may be part
//! of a name ([`super::active`]); the tokens between them are outside any
//! name (tag O), so a segment that follows or precedes one is scored with
//! the transition from or to O, as the whole sentence would be.
//!
//! Guarantees: time linear in the tokens (at most 9 allowed predecessors
//! per tag); no allocation once the tables have grown; no panics.

use super::model::TAGS;

/// Where a segment sits in its sentence: whether an O token comes just
/// before it and just after it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Edges {
    pub after_o: bool,
    pub before_o: bool,
}

/// The transition scores, read in the order decoding needs them.
pub struct Trans {
    /// `full[a][b]`: from tag `a` to tag `b`.
    full: [[f32; TAGS]; TAGS],
    /// `opening[i][j]`: from tag `CLOSED[i]` to tag `OPENING[j]`, the 81
    /// transitions of every step gathered in one small table, each row
    /// padded to [`LANES`] (the padding lanes are never read).
    opening: [[f32; LANES]; 9],
}

/// The transition matrix of a flat `a * TAGS + b` list (missing entries 0).
pub fn matrix(flat: &[f32]) -> Trans {
    let mut full = [[0.0; TAGS]; TAGS];
    for (a, row) in full.iter_mut().enumerate() {
        for (b, x) in row.iter_mut().enumerate() {
            *x = flat.get(a * TAGS + b).copied().unwrap_or(0.0);
        }
    }
    let mut opening = [[0.0; LANES]; 9];
    for (row, &a) in opening.iter_mut().zip(&CLOSED) {
        for (x, &b) in row.iter_mut().zip(&OPENING) {
            *x = full[a][b];
        }
    }
    Trans { full, opening }
}

/// The tags no name is open after (O, L-x, U-x), ascending: the allowed
/// predecessors of O, B-x and U-x, and the tags a sentence may end on.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/// The tags that open a name or stand outside one (O, B-x, U-x).
const OPENING: [usize; 9] = [0, 1, 4, 5, 8, 9, 12, 13, 16];

/// The opening tags' lanes, padded to three vectors of four floats.
const LANES: usize = 12;

/// The best tag sequence for per-token scores `em` and transition scores
/// `trans` (`trans[a * TAGS + b]`) of a whole sentence.
#[cfg(any(test, feature = "internals"))]
pub fn viterbi(em: &[[f32; TAGS]], trans: &[f32]) -> Vec<usize> {
    let mut out = Vec::new();
    Decoder::default().best_path(em, &matrix(trans), Edges::default(), &mut out);
    out
}

/// Viterbi's per-token scores, kept between segments so that decoding the
/// many short segments of a document allocates nothing.
///
/// NOTE: no back-pointers are kept: choosing them at every step for all 17
/// tags cost more than the maxima themselves, while the path needs one
/// per token. The backtrace recomputes the one it needs from the stored
/// scores, with the same additions and comparisons in the same order, so
/// it picks the same predecessor.
#[derive(Default)]
pub struct Decoder {
    scores: Vec<[f32; TAGS]>,
}

/// `(score, tag)` of `cand` if it beats `best`: strictly greater, so ties
/// keep the earlier (lower) tag. Written as selects, not a branch: which
/// predecessor wins is unpredictable.
#[inline(always)]
fn better(best: (f32, u8), cand: (f32, u8)) -> (f32, u8) {
    let gt = cand.0 > best.0;
    (if gt { cand.0 } else { best.0 }, if gt { cand.1 } else { best.1 })
}

/// `cand` if it is strictly greater than `best`, else `best`: the score
/// half of [`better`] (one vector maximum).
#[inline(always)]
fn max_of(best: f32, cand: f32) -> f32 {
    if cand > best {
        cand
    } else {
        best
    }
}

/// The best predecessor of tag `b` given the previous token's scores
/// `prev`: the same candidates in the same order as the forward pass,
/// starting from (-inf, 0), so it is the tag whose score the forward pass
/// kept.
fn predecessor(prev: &[f32; TAGS], trans: &Trans, b: usize) -> usize {
    let neg = (f32::NEG_INFINITY, 0u8);
    let from =
        |a: usize| (prev.get(a).copied().unwrap_or(f32::NEG_INFINITY) + trans.at(a, b), a as u8);
    let best = if OPENING.contains(&b) {
        CLOSED.iter().fold(neg, |best, &a| better(best, from(a)))
    } else {
        // I-x (b = open + 1) and L-x (b = open + 2) after B-x or I-x.
        let open = b - 1 - (b + 2) % 4;
        better(better(neg, from(open)), from(open + 1))
    };
    best.1 as usize
}

impl Trans {
    /// The transition score from tag `a` to tag `b` (0 out of range).
    fn at(&self, a: usize, b: usize) -> f32 {
        self.full.get(a).and_then(|r| r.get(b)).copied().unwrap_or(0.0)
    }
}

impl Decoder {
    /// Appends to `out` the best tag sequence of one segment, with its
    /// [`Edges`]. Ties go to the lower tag, step by step.
    pub fn best_path(
        &mut self,
        em: &[[f32; TAGS]],
        trans: &Trans,
        edges: Edges,
        out: &mut Vec<usize>,
    ) {
        let Some(first) = em.first() else { return };
        if em.len() == 1 {
            out.push(single(first, trans, edges));
            return;
        }
        let neg = f32::NEG_INFINITY;
        self.scores.clear();
        let mut prev = [neg; TAGS];
        for b in OPENING {
            prev[b] = first[b] + if edges.after_o { trans.full[0][b] } else { 0.0 };
        }
        self.scores.push(prev);
        for e in em.iter().skip(1) {
            let mut cur = [neg; TAGS];
            // O, B-x and U-x follow a closed tag: a max-plus product over
            // padded lanes, which the compiler turns into vector code.
            // Starting from -inf and keeping a strictly greater score, a
            // tag no predecessor reaches keeps -inf.
            let mut best = [neg; LANES];
            for (row, &a) in trans.opening.iter().zip(&CLOSED) {
                let p = prev[a];
                for (slot, &t) in best.iter_mut().zip(row) {
                    *slot = max_of(*slot, p + t);
                }
            }
            // NOTE: an opaque copy, so that all twelve lanes are kept:
            // seeing only nine read, the compiler split the rows into
            // pairs of lanes, twice the instructions of three vectors.
            let best = std::hint::black_box(best);
            for (&score, &b) in best.iter().zip(&OPENING) {
                cur[b] = score + e[b];
            }
            // I-x and L-x continue the B-x or I-x of their type.
            for open in [1, 5, 9, 13] {
                for b in [open + 1, open + 2] {
                    let from = |a: usize| prev[a] + trans.full[a][b];
                    cur[b] = max_of(max_of(neg, from(open)), from(open + 1)) + e[b];
                }
            }
            prev = cur;
            self.scores.push(cur);
        }
        // The best closed tag to end on, ties to the lower one.
        let end = |c: usize| prev[c] + if edges.before_o { trans.full[c][0] } else { 0.0 };
        let (mut t, mut best) = (0, end(0));
        for c in CLOSED {
            let score = end(c);
            if score > best {
                (t, best) = (c, score);
            }
        }
        let at = out.len();
        out.resize(at + em.len(), 0);
        // The scores of the token before each slot, last slot first.
        let mut before = self.scores.iter().rev().skip(1);
        for slot in out.iter_mut().skip(at).rev() {
            *slot = t;
            if let Some(prev) = before.next() {
                t = predecessor(prev, trans, t);
            }
        }
    }
}

/// The tag of a one-token segment (about half of all segments): the best
/// of the tags that both open and close (O, U-x), scored with the same
/// additions as [`Decoder::best_path`]'s first step and last choice, and
/// ties to the lower tag as there (the other closed tags, L-x, score
/// -inf on a first token and never win).
fn single(e: &[f32; TAGS], trans: &Trans, edges: Edges) -> usize {
    let score = |c: usize| {
        let start = e[c] + if edges.after_o { trans.full[0][c] } else { 0.0 };
        start + if edges.before_o { trans.full[c][0] } else { 0.0 }
    };
    let (mut t, mut best) = (0, score(0));
    for c in [4, 8, 12, 16] {
        let s = score(c);
        if s > best {
            (t, best) = (c, s);
        }
    }
    t
}

/// The best tag sequence of one segment, with its [`Edges`].
#[cfg(test)]
pub fn best_path(em: &[[f32; TAGS]], trans: &[f32], edges: Edges) -> Vec<usize> {
    let mut out = Vec::new();
    Decoder::default().best_path(em, &matrix(trans), edges, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::model::{tag, Part};

    #[test]
    fn respects_constraints() {
        // Token scores prefer B-PER then O, which is illegal; the best legal path wins.
        let mut em = [[0.0f32; TAGS]; 2];
        em[0][tag(Part::B, 0)] = 5.0;
        em[0][tag(Part::U, 0)] = 4.0;
        em[1][0] = 3.0;
        em[1][tag(Part::L, 0)] = 1.0;
        let path = viterbi(&em, &[0.0; TAGS * TAGS]);
        assert_eq!(path, vec![tag(Part::U, 0), 0]);
    }

    #[test]
    fn a_segment_is_scored_with_its_neighbouring_o_tags() {
        // One token that prefers U-PER slightly over O; a strong penalty
        // on the transition from U-PER into O flips it when an O follows.
        let mut em = [[0.0f32; TAGS]; 1];
        em[0][tag(Part::U, 0)] = 1.0;
        let mut trans = [0.0f32; TAGS * TAGS];
        trans[tag(Part::U, 0) * TAGS] = -5.0;
        assert_eq!(best_path(&em, &trans, Edges::default()), vec![tag(Part::U, 0)]);
        assert_eq!(best_path(&em, &trans, Edges { after_o: false, before_o: true }), vec![0]);
        trans[tag(Part::U, 0) * TAGS] = 0.0;
        trans[tag(Part::U, 0)] = -5.0; // O -> U-PER
        assert_eq!(best_path(&em, &trans, Edges { after_o: true, before_o: false }), vec![0]);
    }
}

#[cfg(test)]
mod constraint_tests {
    use super::*;
    use crate::entities::model::{allowed, may_end};

    #[test]
    fn the_tag_sets_follow_the_bilou_constraints() {
        for b in 0..TAGS {
            let preds: Vec<usize> = (0..TAGS).filter(|&a| allowed(Some(a), b)).collect();
            if OPENING.contains(&b) {
                assert_eq!(preds, CLOSED, "tag {b}");
                assert!(allowed(None, b));
            } else {
                let open = [1, 5, 9, 13].into_iter().find(|&o| b == o + 1 || b == o + 2);
                assert_eq!(Some(preds), open.map(|o| vec![o, o + 1]), "tag {b}");
                assert!(!allowed(None, b));
            }
            assert_eq!(may_end(b), CLOSED.contains(&b), "tag {b}");
        }
    }
}

#[cfg(test)]
mod reference_tests {
    use super::*;

    /// The decoder as it was with back-pointers chosen at every step: the
    /// reference the backtrace by recomputation must agree with.
    fn with_back_pointers(em: &[[f32; TAGS]], trans: &Trans, edges: Edges) -> Vec<usize> {
        let neg = f32::NEG_INFINITY;
        let mut back: Vec<[u8; TAGS]> = vec![[0; TAGS]];
        let mut prev = [neg; TAGS];
        for b in OPENING {
            prev[b] = em[0][b] + if edges.after_o { trans.full[0][b] } else { 0.0 };
        }
        for e in &em[1..] {
            let (mut cur, mut bk) = ([neg; TAGS], [0u8; TAGS]);
            for b in 0..TAGS {
                let preds: Vec<usize> = if OPENING.contains(&b) {
                    CLOSED.to_vec()
                } else {
                    vec![b - 1 - (b + 2) % 4, b - (b + 2) % 4]
                };
                let (s, a) = preds.iter().fold((neg, 0u8), |best, &a| {
                    better(best, (prev[a] + trans.full[a][b], a as u8))
                });
                cur[b] = s + e[b];
                bk[b] = a;
            }
            prev = cur;
            back.push(bk);
        }
        let end = |c: usize| prev[c] + if edges.before_o { trans.full[c][0] } else { 0.0 };
        let mut t = 0;
        for c in CLOSED {
            if end(c) > end(t) {
                t = c;
            }
        }
        let mut out = vec![0; em.len()];
        for (slot, bk) in out.iter_mut().rev().zip(back.iter().rev()) {
            *slot = t;
            t = bk[t] as usize;
        }
        out
    }

    #[test]
    fn one_token_segments_match_the_reference_even_on_ties() {
        let mut seed = 5u32;
        let mut rnd = |k: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            ((seed >> 16) % k) as f32 - (k / 2) as f32
        };
        let mut decoder = Decoder::default();
        for round in 0..400 {
            let k = [2, 3, 40][round % 3];
            let flat: Vec<f32> = (0..TAGS * TAGS).map(|_| rnd(k) * 0.5).collect();
            let trans = matrix(&flat);
            let em = [std::array::from_fn(|_| rnd(k) * 0.25)];
            let edges = Edges { after_o: round % 2 == 0, before_o: round % 4 < 2 };
            let mut got = Vec::new();
            decoder.best_path(&em, &trans, edges, &mut got);
            assert_eq!(got, with_back_pointers(&em, &trans, edges), "round {round}");
        }
    }

    #[test]
    fn recomputed_back_pointers_match_stored_ones_even_on_ties() {
        let mut seed = 11u32;
        let mut rnd = |k: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            ((seed >> 16) % k) as f32 - (k / 2) as f32
        };
        let mut decoder = Decoder::default();
        for round in 0..300 {
            // Few distinct values, so that many scores tie.
            let k = if round % 2 == 0 { 3 } else { 40 };
            let flat: Vec<f32> = (0..TAGS * TAGS).map(|_| rnd(k) * 0.5).collect();
            let trans = matrix(&flat);
            let n = 1 + (round % 9);
            let em: Vec<[f32; TAGS]> =
                (0..n).map(|_| std::array::from_fn(|_| rnd(k) * 0.25)).collect();
            let edges = Edges { after_o: round % 3 == 0, before_o: round % 5 < 2 };
            let mut got = vec![7];
            decoder.best_path(&em, &trans, edges, &mut got);
            assert_eq!(got[1..], with_back_pointers(&em, &trans, edges)[..], "round {round}");
        }
    }
}
