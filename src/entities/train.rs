//! Training of the name model (native only): an averaged structured
//! perceptron over the features of [`super::features`], with Viterbi
//! decoding under the BILOU constraints, then pruning and quantisation to
//! i8 in the format of [`super::model`].
//!
//! Deterministic: documents are visited in a fixed pseudo-random order from
//! a fixed seed, and the output depends on nothing else. Linear in the
//! corpus size per epoch.

use super::features::{self, DocStats};
use super::model::{self, split_tag, tag, Model, Part, TAGS, TYPES};
use super::viterbi::viterbi;
use crate::text::Doc;

/// One annotated document: text and name spans (byte start, byte end, type
/// index into [`TYPES`]).
#[derive(Clone)]
pub struct Annotated {
    pub text: String,
    pub spans: Vec<(usize, usize, usize)>,
}

/// Training settings.
pub struct Settings {
    pub epochs: usize,
    /// Feature hash buckets = 2^bits.
    pub bits: u8,
    /// Weights below this fraction of the largest (after averaging) are dropped.
    pub prune: f32,
}

/// One sentence ready for training: hashed features and gold tags.
struct Instance {
    feats: Vec<Vec<u32>>,
    gold: Vec<usize>,
}

/// Counts of how well gold spans fit the tokenizer.
#[derive(Default, Debug)]
pub struct Alignment {
    pub spans: usize,
    pub misaligned: usize,
}

fn instances(docs: &[Annotated], mask: u32, al: &mut Alignment) -> Vec<Instance> {
    let mut out = Vec::new();
    for d in docs {
        let doc = Doc::new(&d.text);
        let stats = DocStats::new(&doc);
        let mut tags = vec![0usize; doc.tokens.len()];
        for &(s, e, ty) in &d.spans {
            al.spans += 1;
            let first = doc.token_at_or_after(s);
            let last = doc.tokens.partition_point(|t| t.start() < e);
            let fits = doc.tokens.get(first).is_some_and(|t| t.start() == s)
                && last > first
                && doc.tokens.get(last - 1).is_some_and(|t| t.end() == e);
            if !fits {
                al.misaligned += 1;
            }
            if last <= first {
                continue;
            }
            for (k, t) in tags.iter_mut().enumerate().take(last).skip(first) {
                let part = match (k == first, k + 1 == last) {
                    (true, true) => Part::U,
                    (true, false) => Part::B,
                    (false, true) => Part::L,
                    _ => Part::I,
                };
                *t = tag(part, ty);
            }
        }
        for (si, s) in doc.sentences.iter().enumerate() {
            let mut feats = features::sentence(&doc, &stats, si, s.tokens.clone());
            for f in feats.iter_mut().flatten() {
                *f &= mask;
            }
            let mut gold: Vec<usize> =
                s.tokens.clone().map(|i| tags.get(i).copied().unwrap_or(0)).collect();
            repair(&mut gold);
            out.push(Instance { feats, gold });
        }
    }
    out
}

/// Makes a tag sequence legal (a span cut by a sentence break becomes two).
fn repair(tags: &mut [usize]) {
    let n = tags.len();
    for i in 0..n {
        let (p, ty) = split_tag(tags[i]);
        let prev_open = i > 0 && matches!(split_tag(tags[i - 1]).0, Part::B | Part::I);
        let next_cont = i + 1 < n && matches!(split_tag(tags[i + 1]).0, Part::I | Part::L);
        let fixed = match (p, prev_open, next_cont) {
            (Part::O, _, _) => Part::O,
            (_, false, false) => Part::U,
            (_, false, true) => Part::B,
            (_, true, false) => Part::L,
            (_, true, true) => Part::I,
        };
        tags[i] = tag(fixed, ty);
    }
}

/// The weights being learned, with the sums for averaging.
struct Perceptron {
    w: Vec<f32>,
    acc: Vec<f32>,
    trans: Vec<f32>,
    trans_acc: Vec<f32>,
    clock: f32,
}

impl Perceptron {
    fn emissions(&self, feats: &[Vec<u32>]) -> Vec<[f32; TAGS]> {
        feats
            .iter()
            .map(|fs| {
                let mut e = [0f32; TAGS];
                for &f in fs {
                    let base = f as usize * TAGS;
                    for (t, x) in e.iter_mut().enumerate() {
                        *x += self.w[base + t];
                    }
                }
                e
            })
            .collect()
    }

    fn update(&mut self, inst: &Instance, pred: &[usize]) {
        let c = self.clock;
        for (i, (fs, (&g, &p))) in inst.feats.iter().zip(inst.gold.iter().zip(pred)).enumerate() {
            if g != p {
                for &f in fs {
                    let (gi, pi) = (f as usize * TAGS + g, f as usize * TAGS + p);
                    self.w[gi] += 1.0;
                    self.acc[gi] += c;
                    self.w[pi] -= 1.0;
                    self.acc[pi] -= c;
                }
            }
            if i > 0 {
                let (gt, pt) = (inst.gold[i - 1] * TAGS + g, pred[i - 1] * TAGS + p);
                if gt != pt {
                    self.trans[gt] += 1.0;
                    self.trans_acc[gt] += c;
                    self.trans[pt] -= 1.0;
                    self.trans_acc[pt] -= c;
                }
            }
        }
    }

    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let avg = |w: &[f32], a: &[f32]| w.iter().zip(a).map(|(w, a)| w - a / self.clock).collect();
        (avg(&self.w, &self.acc), avg(&self.trans, &self.trans_acc))
    }
}

/// Span-level scores on PER/ORG/LOC (MISC is neither scored nor penalised).
#[derive(Default, Debug, Clone, Copy)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Score {
    pub fn f1(&self) -> f64 {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            200.0 * p * r / (p + r)
        }
    }
}

fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &t) in tags.iter().enumerate() {
        match split_tag(t) {
            (Part::B, _) => start = i,
            (Part::L, ty) => out.push((start, i + 1, ty)),
            (Part::U, ty) => out.push((i, i + 1, ty)),
            _ => {}
        }
    }
    out
}

fn evaluate(insts: &[Instance], tagger: impl Fn(&[Vec<u32>]) -> Vec<usize>) -> [Score; 3] {
    let misc = TYPES.len() - 1;
    let mut s = [Score::default(); 3];
    for inst in insts {
        let gold = spans(&inst.gold);
        let pred = spans(&tagger(&inst.feats));
        for p in &pred {
            if p.2 == misc {
                continue;
            }
            if gold.contains(p) {
                s[p.2].tp += 1;
            } else if !gold.iter().any(|g| g.2 == misc && g.0 < p.1 && p.0 < g.1) {
                s[p.2].fp += 1;
            }
        }
        for g in gold.iter().filter(|g| g.2 != misc && !pred.contains(g)) {
            s[g.2].fn_ += 1;
        }
    }
    s
}

/// Trains the model on `train`, reports scores on `dev` through `log`,
/// and returns the encoded model.
pub fn train(
    train: &[Annotated],
    dev: &[Annotated],
    set: &Settings,
    log: &mut dyn FnMut(String),
) -> Vec<u8> {
    let mask = (1u32 << set.bits) - 1;
    let mut al = Alignment::default();
    let tr = instances(train, mask, &mut al);
    log(format!("train: {} sentences, gold spans {:?}", tr.len(), al));
    let dv = instances(dev, mask, &mut Alignment::default());
    fit(&tr, &dv, set, log)
}

/// One averaged perceptron over the instances; returns the quantised model.
fn fit(
    insts: &[Instance],
    dev: &[Instance],
    set: &Settings,
    log: &mut dyn FnMut(String),
) -> Vec<u8> {
    let mask = (1u32 << set.bits) - 1;
    let mut order: Vec<usize> = (0..insts.len()).collect();
    let size = (mask as usize + 1) * TAGS;
    let mut p = Perceptron {
        w: vec![0.0; size],
        acc: vec![0.0; size],
        trans: vec![0.0; TAGS * TAGS],
        trans_acc: vec![0.0; TAGS * TAGS],
        clock: 1.0,
    };
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    for epoch in 0..set.epochs {
        // Fisher-Yates with a fixed xorshift: same order on every run.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut wrong = 0;
        for inst in order.iter().filter_map(|&i| insts.get(i)) {
            let pred = viterbi(&p.emissions(&inst.feats), &p.trans);
            if pred != inst.gold {
                wrong += 1;
                p.update(inst, &pred);
            }
            p.clock += 1.0;
        }
        if !dev.is_empty() && (epoch + 1 == set.epochs || epoch % 4 == 3) {
            let (w, t) = p.averaged();
            let avg =
                Perceptron { w, acc: Vec::new(), trans: t, trans_acc: Vec::new(), clock: 1.0 };
            let s = evaluate(dev, |f| viterbi(&avg.emissions(f), &avg.trans));
            log(format!(
                "epoch {}: {} wrong sentences; dev F1 PER {:.1} ORG {:.1} LOC {:.1} ALL {:.1}",
                epoch + 1,
                wrong,
                s[0].f1(),
                s[1].f1(),
                s[2].f1(),
                all(&s).f1()
            ));
        }
    }
    let (w, trans) = p.averaged();
    let bytes = quantise(&w, &trans, set);
    if let (Some(m), false) = (Model::decode(&bytes), dev.is_empty()) {
        let s = evaluate(dev, |f| m.tag(f));
        log(format!(
            "quantised: {} bytes; dev F1 PER {:.1} ORG {:.1} LOC {:.1} ALL {:.1}",
            bytes.len(),
            s[0].f1(),
            s[1].f1(),
            s[2].f1(),
            all(&s).f1()
        ));
    }
    bytes
}

fn all(s: &[Score; 3]) -> Score {
    Score {
        tp: s.iter().map(|x| x.tp).sum(),
        fp: s.iter().map(|x| x.fp).sum(),
        fn_: s.iter().map(|x| x.fn_).sum(),
    }
}

/// Prunes small weights and rounds the rest to i8 steps of one scale.
fn quantise(w: &[f32], trans: &[f32], set: &Settings) -> Vec<u8> {
    let mut mags: Vec<f32> = w.iter().map(|x| x.abs()).filter(|&x| x > 0.0).collect();
    mags.sort_by(f32::total_cmp);
    // Clip the rare largest weights so that the step stays fine.
    let top = mags.get(mags.len().saturating_sub(1)).copied().unwrap_or(1.0).max(1e-6);
    let scale = top / 127.0;
    let cut = top * set.prune;
    let mut rows = Vec::new();
    for (bucket, row) in w.chunks(TAGS).enumerate() {
        let mut q = [0i8; TAGS];
        for (x, &v) in q.iter_mut().zip(row) {
            if v.abs() >= cut {
                *x = (v / scale).round().clamp(-127.0, 127.0) as i8;
            }
        }
        if q.iter().any(|&x| x != 0) {
            rows.push((bucket as u32, q));
        }
    }
    model::encode(set.bits, scale, trans, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repair_makes_cut_spans_legal() {
        let (b, i, l) = (tag(Part::B, 1), tag(Part::I, 1), tag(Part::L, 1));
        let mut t = vec![b, i];
        repair(&mut t);
        assert_eq!(t, vec![b, l]);
        let mut t = vec![i, l, 0];
        repair(&mut t);
        assert_eq!(t, vec![b, l, 0]);
    }

    #[test]
    fn training_is_deterministic() {
        let docs = vec![Annotated {
            text: "Ann Lee met Bo Kern in Oslo.".into(),
            spans: vec![(0, 7, 0), (12, 19, 0), (23, 27, 2)],
        }];
        let set = Settings { epochs: 2, bits: 12, prune: 0.0 };
        let a = train(&docs, &docs, &set, &mut |_| {});
        let b = train(&docs, &docs, &set, &mut |_| {});
        assert_eq!(a, b);
        assert!(Model::decode(&a).is_some());
    }

    #[test]
    fn learns_a_tiny_pattern() {
        let docs: Vec<Annotated> = ["Zorbal visited the lake.", "Then Zorbal left.", "Zorbal ate."]
            .iter()
            .map(|t| Annotated {
                text: t.to_string(),
                spans: vec![(t.find("Zorbal").unwrap_or(0), t.find("Zorbal").unwrap_or(0) + 6, 0)],
            })
            .collect();
        let bytes = train(&docs, &docs, &Settings { epochs: 3, bits: 12, prune: 0.0 }, &mut |_| {});
        let m = Model::decode(&bytes).expect("model");
        let doc = Doc::new("Yesterday Zorbal slept.");
        let stats = DocStats::new(&doc);
        let f: Vec<Vec<u32>> = features::sentence(&doc, &stats, 0, doc.sentences[0].tokens.clone());
        assert_eq!(split_tag(m.tag(&f)[1]), (Part::U, 0));
    }
}
