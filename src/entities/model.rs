//! The name model: a linear-chain tagger over BILOU tags for four name
//! types (person, organisation, location, other), with weights learned by
//! an averaged structured perceptron ([`super::train`]) and decoded with
//! Viterbi under the BILOU constraints.
//!
//! The weights live in `data/ner/model.bin`, embedded in the binary and
//! parsed once, on first use. Format (little-endian): magic `WSN1`, bucket
//! bits (u8), tag count (u8), weight scale (f32), the tag transition matrix
//! (f32, tags x tags), the row count (u32), then one row per used feature
//! bucket: the bucket as a varint delta from the previous one, a varint bit
//! mask of the tags with a weight, and one i8 weight per set bit.
//!
//! Guarantees: a corrupt or empty model file yields no model (and so no
//! names), never a panic; decoding is linear in the number of tokens.

use super::buckets::Buckets;
use super::features::{self, DocStats, Sentence};
use super::rowsum::add_rows;
use super::viterbi::{matrix, Decoder, Edges, Trans};
use super::words::Words;
use std::sync::OnceLock;

/// The name types the model tags, in tag order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Number of tags: O, then B, I, L, U for each type.
pub const TAGS: usize = 1 + 4 * TYPES.len();

/// A tag's part: outside, begin, inside, last or unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    O,
    B,
    I,
    L,
    U,
}

/// The part and type index of tag `t`.
pub fn split_tag(t: usize) -> (Part, usize) {
    if t == 0 || t >= TAGS {
        return (Part::O, 0);
    }
    let part = match (t - 1) % 4 {
        0 => Part::B,
        1 => Part::I,
        2 => Part::L,
        _ => Part::U,
    };
    (part, (t - 1) / 4)
}

/// The tag of `part` for type `ty`.
#[cfg(any(test, feature = "internals"))]
pub fn tag(part: Part, ty: usize) -> usize {
    match part {
        Part::O => 0,
        Part::B => 1 + 4 * ty,
        Part::I => 2 + 4 * ty,
        Part::L => 3 + 4 * ty,
        Part::U => 4 + 4 * ty,
    }
}

/// Whether tag `b` may follow tag `a` (`None`: sentence start).
#[cfg(test)]
pub fn allowed(a: Option<usize>, b: usize) -> bool {
    let (pb, tb) = split_tag(b);
    let open = a.map(split_tag).filter(|(p, _)| matches!(p, Part::B | Part::I));
    match open {
        Some((_, ta)) => matches!(pb, Part::I | Part::L) && ta == tb,
        None => matches!(pb, Part::O | Part::B | Part::U),
    }
}

/// Whether a sentence may end on tag `t`.
#[cfg(test)]
pub fn may_end(t: usize) -> bool {
    matches!(split_tag(t).0, Part::O | Part::L | Part::U)
}

/// Buffers reused across the windows of a document by
/// [`Model::tag_sentence`].
#[derive(Default)]
pub struct Scratch {
    feats: Vec<u32>,
    em: Vec<[f32; TAGS]>,
    path: Vec<usize>,
    decoder: Decoder,
}

/// A trained, quantised model.
pub struct Model {
    mask: u32,
    scale: f32,
    trans: Trans,
    /// Bucket -> its row in `weights`; row 0 is all zeros and stands for
    /// every bucket with no weights.
    rows: Buckets,
    /// NOTE: a missing feature reads the zero row instead of branching
    /// around it: the branch was unpredictable (about half the context
    /// features are unknown) and its mispredictions serialised the cache
    /// misses of the lookups, which the CPU otherwise overlaps.
    weights: Vec<[i8; TAGS]>,
}

impl Model {
    /// The embedded model, parsed on first use; `None` if it is missing or corrupt.
    pub fn embedded() -> Option<&'static Model> {
        static MODEL: OnceLock<Option<Model>> = OnceLock::new();
        MODEL.get_or_init(|| Model::decode(include_bytes!("../../data/ner/model.bin"))).as_ref()
    }

    /// The per-tag scores of each token, from its hashed features.
    #[cfg(any(test, feature = "internals"))]
    pub fn emissions(&self, feats: &[Vec<u32>]) -> Vec<[f32; TAGS]> {
        feats.iter().map(|fs| self.emission(fs)).collect()
    }

    /// The per-tag scores of one token's features.
    #[cfg(any(test, feature = "internals"))]
    fn emission(&self, fs: &[u32]) -> [f32; TAGS] {
        let mut acc = [0i32; TAGS];
        self.add(fs, &mut acc);
        acc.map(|a| a as f32 * self.scale)
    }

    /// Adds the weights of features `fs` to `acc`.
    fn add(&self, fs: &[u32], acc: &mut [i32; TAGS]) {
        const ZERO: [i8; TAGS] = [0; TAGS];
        add_rows(fs, |f| self.weights.get(self.rows.row(f & self.mask)).unwrap_or(&ZERO), acc);
    }

    /// The summed weights of each form's own features ([`features::local`]),
    /// for the forms some active token has (zero for the others).
    ///
    /// NOTE: the bias feature is the same for every word and the casing
    /// feature has four values, so their rows are looked up and summed
    /// once here (each word then starts from one of five sums) rather
    /// than twice per word; integer sums, so the result is the same.
    pub fn local_scores(&self, words: &Words, stats: &DocStats) -> Vec<[i32; TAGS]> {
        let bias = self.sum(&[features::BIAS]);
        let casing = features::CASING.map(|h| self.sum(&[features::BIAS, h]));
        let mut buf = Vec::with_capacity(32);
        words
            .forms()
            .iter()
            .zip(words.active_forms())
            .map(|(form, &used)| {
                if !used {
                    return [0i32; TAGS];
                }
                let mut acc = features::casing(form, stats)
                    .and_then(|c| casing.get(c))
                    .copied()
                    .unwrap_or(bias);
                buf.clear();
                features::own(form, &mut buf);
                self.add(&buf, &mut acc);
                acc
            })
            .collect()
    }

    /// The summed weights of features `fs`.
    fn sum(&self, fs: &[u32]) -> [i32; TAGS] {
        let mut acc = [0i32; TAGS];
        self.add(fs, &mut acc);
        acc
    }

    /// Appends to `out` the best tags for a window: tokens that cannot be
    /// part of a name are O, and each run of the others is scored and
    /// decoded on its own, from each word's [`Model::local_scores`] plus its
    /// context features.
    pub fn tag_sentence(
        &self,
        s: &Sentence,
        local: &[[i32; TAGS]],
        scratch: &mut Scratch,
        out: &mut Vec<u8>,
    ) {
        let base = out.len();
        out.resize(base + s.len(), 0);
        let Scratch { feats, em, path, decoder } = scratch;
        let mut i = 0;
        while i < s.len() {
            if !s.active(i) {
                i += 1;
                continue;
            }
            let start = i;
            em.clear();
            while s.active(i) {
                let mut acc =
                    s.form_id(i).and_then(|id| local.get(id)).copied().unwrap_or([0; TAGS]);
                feats.clear();
                s.context(i, feats);
                self.add(feats, &mut acc);
                em.push(acc.map(|a| a as f32 * self.scale));
                i += 1;
            }
            let edges = Edges { after_o: start > 0, before_o: i < s.len() };
            path.clear();
            decoder.best_path(em, &self.trans, edges, path);
            for (slot, &t) in out.iter_mut().skip(base + start).zip(path.iter()) {
                *slot = t as u8;
            }
        }
    }

    /// The best tags for one sentence's features.
    #[cfg(feature = "internals")]
    pub fn tag(&self, feats: &[Vec<u32>]) -> Vec<usize> {
        let mut out = Vec::new();
        Decoder::default().best_path(
            &self.emissions(feats),
            &self.trans,
            Edges::default(),
            &mut out,
        );
        out
    }

    /// Parses the model format described in the module docs.
    pub fn decode(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != b"WSN1" {
            return None;
        }
        let bits = r.u8()?;
        // At most 2^24 buckets (4 MB of bitmap): a larger count is corrupt.
        if bits > 24 || r.u8()? as usize != TAGS {
            return None;
        }
        let scale = r.f32()?;
        let trans = matrix(&(0..TAGS * TAGS).map(|_| r.f32()).collect::<Option<Vec<f32>>>()?);
        let n = r.u32()? as usize;
        let mut used = Vec::with_capacity(n.min(1 << 22));
        let mut weights = Vec::with_capacity(n.min(1 << 22) + 1);
        weights.push([0i8; TAGS]);
        let mut bucket = 0u32;
        for _ in 0..n {
            bucket = bucket.checked_add(r.varint()?)?;
            let mask = r.varint()?;
            used.push(bucket);
            // A row has a few weights: read just those, by the mask's set bits.
            let mut row = [0i8; TAGS];
            let mut bits = mask;
            while bits != 0 {
                let t = bits.trailing_zeros() as usize;
                *row.get_mut(t)? = r.u8()? as i8;
                bits &= bits - 1;
            }
            weights.push(row);
        }
        let rows = Buckets::new(bits, used)?;
        Some(Model { mask: (1u32 << bits) - 1, scale, trans, rows, weights })
    }
}

/// Writes a model: `rows` are (bucket, weights), sorted by bucket.
#[cfg(any(test, feature = "internals"))]
pub fn encode(bits: u8, scale: f32, trans: &[f32], rows: &[(u32, [i8; TAGS])]) -> Vec<u8> {
    let mut out = b"WSN1".to_vec();
    out.push(bits);
    out.push(TAGS as u8);
    out.extend(scale.to_le_bytes());
    for t in trans {
        out.extend(t.to_le_bytes());
    }
    out.extend((rows.len() as u32).to_le_bytes());
    let mut prev = 0u32;
    for (bucket, w) in rows {
        put_varint(&mut out, bucket - prev);
        prev = *bucket;
        let mask = w.iter().enumerate().filter(|(_, &x)| x != 0).fold(0u32, |m, (t, _)| m | 1 << t);
        put_varint(&mut out, mask);
        out.extend(w.iter().filter(|&&x| x != 0).map(|&x| x as u8));
    }
    out
}

#[cfg(any(test, feature = "internals"))]
fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let s = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn varint(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u32).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_constraints() {
        let (b_per, l_per, i_org) = (tag(Part::B, 0), tag(Part::L, 0), tag(Part::I, 1));
        assert!(allowed(None, b_per) && !allowed(None, l_per));
        assert!(
            allowed(Some(b_per), l_per) && !allowed(Some(b_per), i_org) && !allowed(Some(b_per), 0)
        );
        assert!(may_end(l_per) && !may_end(b_per));
        assert_eq!(split_tag(tag(Part::U, 3)), (Part::U, 3));
    }

    #[test]
    fn local_scores_equal_the_sums_of_the_local_features() {
        use crate::text::Doc;
        let doc = Doc::new("Apple fell. The apple fell. Then Apple rose in Rome, said Ann Lee.");
        let stats = DocStats::new(&doc);
        let windows = doc.sentences.iter().enumerate().map(|(i, s)| (i, s.tokens.clone()));
        let words = Words::new(&doc, &stats, windows, false);
        let feats: Vec<Vec<u32>> = words
            .forms()
            .iter()
            .map(|w| {
                let mut f = Vec::new();
                features::local(w, &stats, &mut f);
                f
            })
            .collect();
        // A weight row for every bucket seen, the bias and casing included.
        let bits = 20;
        let mut buckets: Vec<u32> = feats.iter().flatten().map(|f| f & ((1 << bits) - 1)).collect();
        buckets.sort_unstable();
        buckets.dedup();
        let rows: Vec<(u32, [i8; TAGS])> = buckets
            .iter()
            .map(|&b| (b, std::array::from_fn(|t| ((b as usize * 31 + t * 7) % 201) as i8)))
            .collect();
        let m = Model::decode(&encode(bits, 1.0, &[0.0; TAGS * TAGS], &rows)).expect("valid model");
        let got = m.local_scores(&words, &stats);
        let mut checked = 0;
        for ((f, &used), g) in feats.iter().zip(words.active_forms()).zip(&got) {
            let want = if used { m.sum(f) } else { [0; TAGS] };
            assert_eq!(*g, want);
            checked += usize::from(used);
        }
        assert!(checked >= 5, "{checked}");
    }

    #[test]
    fn encode_decode_round_trip() {
        let mut w = [0i8; TAGS];
        w[3] = -7;
        w[16] = 100;
        let bytes = encode(20, 0.5, &[0.25; TAGS * TAGS], &[(5, w), (300_000, w)]);
        let m = Model::decode(&bytes).expect("valid model");
        let em = m.emissions(&[vec![5, 300_000 | (1 << 20)]]);
        assert_eq!(em[0][3], -7.0);
        assert_eq!(em[0][16], 100.0);
        assert!(Model::decode(&bytes[..bytes.len() - 1]).is_none());
        assert!(Model::decode(b"").is_none());
    }
}
