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
//! per tag); no panics.

use super::model::{allowed, may_end, TAGS};
use std::sync::OnceLock;

/// Where a segment sits in its sentence: whether an O token comes just
/// before it and just after it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Edges {
    pub after_o: bool,
    pub before_o: bool,
}

type Preds = [([u8; TAGS], usize); TAGS];

/// The allowed predecessors of each tag, computed once.
fn predecessors() -> &'static Preds {
    static P: OnceLock<Preds> = OnceLock::new();
    P.get_or_init(build_predecessors)
}

fn build_predecessors() -> Preds {
    let mut preds = [([0; TAGS], 0); TAGS];
    for (b, (list, len)) in preds.iter_mut().enumerate() {
        for a in (0..TAGS).filter(|&a| allowed(Some(a), b)) {
            if let Some(slot) = list.get_mut(*len) {
                *slot = a as u8;
                *len += 1;
            }
        }
    }
    preds
}

/// The transition score from tag `a` to tag `b`.
fn step(trans: &[f32], a: usize, b: usize) -> f32 {
    trans.get(a * TAGS + b).copied().unwrap_or(0.0)
}

/// The best tag sequence for per-token scores `em` and transition scores
/// `trans` (`trans[a * TAGS + b]`) of a whole sentence.
pub fn viterbi(em: &[[f32; TAGS]], trans: &[f32]) -> Vec<usize> {
    best_path(em, trans, Edges::default())
}

/// The best tag sequence of one segment, with its [`Edges`].
pub fn best_path(em: &[[f32; TAGS]], trans: &[f32], edges: Edges) -> Vec<usize> {
    let n = em.len();
    let Some(first) = em.first() else { return Vec::new() };
    let neg = f32::NEG_INFINITY;
    let preds = predecessors();
    let mut score = vec![[neg; TAGS]; n];
    let mut back = vec![[0u8; TAGS]; n];
    for b in (0..TAGS).filter(|&b| allowed(None, b)) {
        let from_o = if edges.after_o { step(trans, 0, b) } else { 0.0 };
        score[0][b] = first[b] + from_o;
    }
    for i in 1..n {
        let (done, rest) = score.split_at_mut(i);
        let (prev, cur) = (&done[i - 1], &mut rest[0]);
        for b in 0..TAGS {
            let (list, len) = &preds[b];
            let mut best = (neg, 0u8);
            for &a in list.get(..*len).unwrap_or(&[]) {
                let s = prev[a as usize] + step(trans, a as usize, b);
                if s > best.0 {
                    best = (s, a);
                }
            }
            if best.0 > neg {
                cur[b] = best.0 + em[i][b];
                back[i][b] = best.1;
            }
        }
    }
    let last = &score[n - 1];
    let end = |c: usize| last[c] + if edges.before_o { step(trans, c, 0) } else { 0.0 };
    let mut t = 0;
    for c in (0..TAGS).filter(|&c| may_end(c)) {
        if end(c) > end(t) {
            t = c;
        }
    }
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = t;
        t = back[i][t] as usize;
    }
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
