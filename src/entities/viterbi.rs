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
    /// transitions of every step gathered in one small table.
    opening: [[f32; 9]; 9],
}

/// The transition matrix of a flat `a * TAGS + b` list (missing entries 0).
pub fn matrix(flat: &[f32]) -> Trans {
    let mut full = [[0.0; TAGS]; TAGS];
    for (a, row) in full.iter_mut().enumerate() {
        for (b, x) in row.iter_mut().enumerate() {
            *x = flat.get(a * TAGS + b).copied().unwrap_or(0.0);
        }
    }
    let mut opening = [[0.0; 9]; 9];
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

/// The best tag sequence for per-token scores `em` and transition scores
/// `trans` (`trans[a * TAGS + b]`) of a whole sentence.
pub fn viterbi(em: &[[f32; TAGS]], trans: &[f32]) -> Vec<usize> {
    let mut out = Vec::new();
    Decoder::default().best_path(em, &matrix(trans), Edges::default(), &mut out);
    out
}

/// Viterbi's back-pointers, kept between segments so that decoding the
/// many short segments of a document allocates nothing.
#[derive(Default)]
pub struct Decoder {
    back: Vec<[u8; TAGS]>,
}

/// `(score, tag)` of `cand` if it beats `best`: strictly greater, so ties
/// keep the earlier (lower) tag. Written as selects, not a branch: which
/// predecessor wins is unpredictable.
#[inline(always)]
fn better(best: (f32, u8), cand: (f32, u8)) -> (f32, u8) {
    let gt = cand.0 > best.0;
    (if gt { cand.0 } else { best.0 }, if gt { cand.1 } else { best.1 })
}

impl Decoder {
    /// Appends to `out` the best tag sequence of one segment, with its
    /// [`Edges`]. Ties go to the lower tag, step by step.
    pub fn best_path(&mut self, em: &[[f32; TAGS]], trans: &Trans, edges: Edges, out: &mut Vec<usize>) {
        let Some(first) = em.first() else { return };
        let neg = f32::NEG_INFINITY;
        self.back.clear();
        let mut prev = [neg; TAGS];
        for b in OPENING {
            prev[b] = first[b] + if edges.after_o { trans.full[0][b] } else { 0.0 };
        }
        self.back.push([0; TAGS]);
        for e in em.iter().skip(1) {
            let (mut cur, mut back) = ([neg; TAGS], [0u8; TAGS]);
            // O, B-x and U-x follow a closed tag. Starting from (-inf, 0)
            // and keeping a strictly better score, a tag no predecessor
            // reaches keeps -inf and back-pointer 0.
            let mut best = [(neg, 0u8); 9];
            for (row, &a) in trans.opening.iter().zip(&CLOSED) {
                let p = prev[a];
                for (slot, &t) in best.iter_mut().zip(row) {
                    *slot = better(*slot, (p + t, a as u8));
                }
            }
            for (&(score, a), &b) in best.iter().zip(&OPENING) {
                cur[b] = score + e[b];
                back[b] = a;
            }
            // I-x and L-x continue the B-x or I-x of their type.
            for open in [1, 5, 9, 13] {
                for b in [open + 1, open + 2] {
                    let from = |a: usize| (prev[a] + trans.full[a][b], a as u8);
                    let (score, a) = better(better((neg, 0), from(open)), from(open + 1));
                    cur[b] = score + e[b];
                    back[b] = a;
                }
            }
            prev = cur;
            self.back.push(back);
        }
        let end = |c: usize| prev[c] + if edges.before_o { trans.full[c][0] } else { 0.0 };
        let mut t = 0;
        for c in CLOSED {
            if end(c) > end(t) {
                t = c;
            }
        }
        let at = out.len();
        out.resize(at + em.len(), 0);
        for (slot, back) in out.iter_mut().skip(at).rev().zip(self.back.iter().rev()) {
            *slot = t;
            t = back[t % TAGS] as usize;
        }
    }
}

/// The best tag sequence of one segment, with its [`Edges`].
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
