//! Token features for the name model: word forms, shapes, affixes, the
//! neighbouring words, sentence and line position, word-list hits and how
//! the same word is written elsewhere in the document. Each feature is a
//! string hashed to 32 bits; the model maps hashes to weights. Training and
//! tagging call the same code, so they always agree.
//!
//! All-capital lines (headlines, datelines) carry no case information, so
//! their words are re-cased as the document writes them elsewhere. For the
//! second pass, [`DocStats::set_history`] adds how the first pass tagged
//! each word anywhere in the document (so "Magna" tagged ORG beside "Inc"
//! helps the bare "Magna" three paragraphs on).
//!
//! Guarantees: linear in the number of tokens (a bounded number of features
//! per token); no panics.

use super::gazetteer::{self, Classes, Hit};
use super::model::{split_tag, Part, TYPES};
use crate::text::Doc;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// How words are written across the document, keyed by lowercase form.
pub struct DocStats {
    /// Lowercase form -> (seen lowercase, seen capitalized mid-sentence, a cased form).
    seen: HashMap<String, (bool, bool, String)>,
    /// For each sentence, whether it is written in capitals.
    caps: Vec<bool>,
    /// For the second pass: lowercase word -> how often the first pass put
    /// it in a name of each type, anywhere in the document.
    history: Option<HashMap<String, [u16; 4]>>,
}

/// Whether a word is written in capitals with at least two letters.
fn is_caps_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl DocStats {
    /// Gathers the casing of every word outside capital lines.
    pub fn new(doc: &Doc) -> Self {
        let caps: Vec<bool> = doc
            .sentences
            .iter()
            .map(|s| {
                let words: Vec<&str> = s.tokens.clone().map(|i| doc.tok(i)).filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).collect();
                !words.is_empty() && words.iter().all(|w| is_caps_word(w))
            })
            .collect();
        let mut seen: HashMap<String, (bool, bool, String)> = HashMap::new();
        for (s, &is_caps) in doc.sentences.iter().zip(&caps) {
            if is_caps {
                continue;
            }
            for i in s.tokens.clone().skip(1) {
                let w = doc.tok(i);
                if !w.chars().next().is_some_and(char::is_alphabetic) {
                    continue;
                }
                let e = seen.entry(straight(w).to_lowercase()).or_insert((false, false, String::new()));
                if starts_upper(w) {
                    if !e.1 {
                        e.2 = w.to_string();
                    }
                    e.1 = true;
                } else {
                    e.0 = true;
                }
            }
        }
        DocStats { seen, caps, history: None }
    }

    /// Records the first pass's tags (one per token) for the
    /// second pass's document-wide features.
    pub fn set_history(&mut self, doc: &Doc, tags: &[u8]) {
        let mut h: HashMap<String, [u16; 4]> = HashMap::new();
        for (i, &t) in tags.iter().enumerate() {
            let (part, ty) = split_tag(t as usize);
            let w = doc.tok(i);
            if part == Part::O || !w.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
            if let Some(c) = h.entry(w.to_lowercase()).or_insert([0; 4]).get_mut(ty) {
                *c = c.saturating_add(1);
            }
        }
        self.history = Some(h);
    }

    /// Whether sentence `s` is written in capitals.
    pub fn caps_line(&self, s: usize) -> bool {
        self.caps.get(s).copied().unwrap_or(false)
    }
}

/// FNV-1a over a template number and the feature's parts.
fn hash(template: u8, parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    };
    eat(template);
    for p in parts {
        for &b in p.as_bytes() {
            eat(b);
        }
        eat(0xff);
    }
    h
}

/// "Xxxx", "XX", "dd-dd": the character classes of a word, at most 12.
fn shape(w: &str) -> String {
    w.chars()
        .take(12)
        .map(|c| match c {
            c if c.is_uppercase() => 'X',
            c if c.is_lowercase() => 'x',
            c if c.is_numeric() => 'd',
            c => c,
        })
        .collect()
}

/// The shape with runs collapsed: "Xx", "X", "d-d".
fn short_shape(w: &str) -> String {
    let mut out = String::new();
    for c in shape(w).chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The first or last `n` characters of `w`, by chars.
fn prefix(w: &str, n: usize) -> &str {
    w.char_indices().nth(n).map_or(w, |(i, _)| w.get(..i).unwrap_or(w))
}

fn suffix(w: &str, n: usize) -> &str {
    let count = w.chars().count();
    if count <= n {
        return w;
    }
    w.char_indices().nth(count - n).map_or(w, |(i, _)| w.get(i..).unwrap_or(w))
}

/// One token's forms, computed once per sentence.
struct Form<'d> {
    lower: Cow<'d, str>,
    shape: String,
    /// The word as written, or re-cased on a capital line.
    norm: Cow<'d, str>,
    sshape: String,
}

/// The word with curly apostrophes made straight, as in the training text
/// ("I’m" reads as "I'm").
fn straight(w: &str) -> Cow<'_, str> {
    if w.contains(['’', '‘']) {
        Cow::Owned(w.replace(['’', '‘'], "'"))
    } else {
        Cow::Borrowed(w)
    }
}

fn form<'d>(raw: &'d str, caps_line: bool, stats: &DocStats, hit: &Hit) -> Form<'d> {
    let w = straight(raw);
    let lower: Cow<str> = if w.chars().any(char::is_uppercase) { Cow::Owned(w.to_lowercase()) } else { w.clone() };
    let w = w.as_ref();
    let norm = if caps_line && is_caps_word(w) {
        Cow::Owned(match stats.seen.get(lower.as_ref()) {
            Some((_, true, cased)) => cased.clone(),
            _ if hit.unit | hit.begin | hit.inside | hit.last != 0 => titlecase(&lower),
            _ => lower.to_string(),
        })
    } else {
        straight(raw)
    };
    let shape = shape(&norm);
    let mut sshape = String::new();
    for c in shape.chars() {
        if !sshape.ends_with(c) {
            sshape.push(c);
        }
    }
    Form { lower, shape, norm, sshape }
}

fn titlecase(w: &str) -> String {
    let mut c = w.chars();
    c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

fn class_bits(set: Classes) -> impl Iterator<Item = &'static str> {
    const NAMES: [&str; 10] = ["country", "state", "city", "region", "norp", "org", "male", "female", "orgword", "title"];
    gazetteer::ALL.iter().filter(move |c| gazetteer::has(set, **c)).map(|c| NAMES.get(*c as usize).copied().unwrap_or(""))
}

/// One sentence prepared for feature extraction: its words' forms and
/// word-list hits. Features are produced one token at a time so that a
/// huge sentence never holds all its features at once.
pub struct Sentence<'d> {
    words: Vec<&'d str>,
    forms: Vec<Form<'d>>,
    hits: Vec<Hit>,
    caps: bool,
    para_start: bool,
    stats: &'d DocStats,
}

const EDGE_L: &str = "<s>";
const EDGE_R: &str = "</s>";

impl<'d> Sentence<'d> {
    /// Prepares sentence `sent` (token range `range`) of `doc`.
    pub fn new(doc: &'d Doc, stats: &'d DocStats, sent: usize, range: Range<usize>) -> Self {
        let caps = stats.caps_line(sent);
        let words: Vec<&str> = range.clone().map(|i| doc.tok(i)).collect();
        let hits = gazetteer::hits(&words, caps);
        let forms: Vec<Form<'d>> = words.iter().zip(&hits).map(|(w, h)| form(w, caps, stats, h)).collect();
        let para_start = doc.sentences.get(sent).and_then(|s| doc.paragraphs.get(s.paragraph)).is_some_and(|p| p.start == doc.tokens.get(range.start).map_or(0, |t| t.start));
        Sentence { words, forms, hits, caps, para_start, stats }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// Whether the sentence has no tokens.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    fn lower(&self, k: isize) -> &str {
        if k < 0 {
            EDGE_L
        } else {
            self.forms.get(k as usize).map_or(EDGE_R, |f| f.lower.as_ref())
        }
    }

    fn sshape(&self, k: isize) -> &str {
        if k < 0 {
            EDGE_L
        } else {
            self.forms.get(k as usize).map_or(EDGE_R, |f| f.sshape.as_str())
        }
    }

    fn classes(&self, k: Option<usize>) -> Classes {
        k.and_then(|j| self.hits.get(j)).map_or(0, |h| h.unit | h.begin | h.inside | h.last)
    }

    /// Writes the hashed features of token `i` into `f` (cleared first).
    pub fn features(&self, i: usize, f: &mut Vec<u32>) {
        f.clear();
        let Some(w) = self.forms.get(i) else { return };
        let k = i as isize;
        let (p1, n1, p2, n2) = (self.lower(k - 1), self.lower(k + 1), self.lower(k - 2), self.lower(k + 2));
        let (sp, sw, sn) = (self.sshape(k - 1), w.sshape.as_str(), self.sshape(k + 1));
        f.push(hash(0, &[]));
        f.push(hash(1, &[&w.lower]));
        f.push(hash(2, &[&w.norm]));
        f.push(hash(3, &[p1]));
        f.push(hash(4, &[n1]));
        f.push(hash(5, &[p2]));
        f.push(hash(6, &[n2]));
        f.push(hash(7, &[p1, &w.lower]));
        f.push(hash(8, &[&w.lower, n1]));
        f.push(hash(9, &[&w.shape]));
        f.push(hash(10, &[sw]));
        f.push(hash(11, &[sp, sw, sn]));
        f.push(hash(12, &[sp, sw]));
        f.push(hash(13, &[sw, sn]));
        for n in 1..=4 {
            f.push(hash(13 + n as u8, &[prefix(&w.lower, n)]));
            f.push(hash(17 + n as u8, &[suffix(&w.lower, n)]));
        }
        if i == 0 {
            f.push(hash(22, &[sw]));
        }
        if self.caps {
            f.push(hash(23, &[&short_shape(self.words.get(i).copied().unwrap_or(""))]));
        }
        if i == 0 && self.para_start {
            f.push(hash(34, &[sw]));
        }
        let h = self.hits.get(i).copied().unwrap_or_default();
        for (t, set) in [(24, h.unit), (25, h.begin), (26, h.inside), (27, h.last), (28, self.classes(i.checked_sub(1))), (29, self.classes(Some(i + 1)))] {
            for c in class_bits(set) {
                f.push(hash(t, &[c]));
            }
        }
        if let Some(h) = &self.stats.history {
            match h.get(w.lower.as_ref()) {
                Some(c) => {
                    let mut best = 0;
                    for (ty, &n) in c.iter().enumerate() {
                        if n > 0 {
                            f.push(hash(40, &[TYPES.get(ty).copied().unwrap_or("")]));
                        }
                        if n > c.get(best).copied().unwrap_or(0) {
                            best = ty;
                        }
                    }
                    f.push(hash(41, &[TYPES.get(best).copied().unwrap_or("")]));
                }
                None if starts_upper(&w.norm) => f.push(hash(42, &[])),
                None => {}
            }
        }
        if starts_upper(&w.norm) {
            let (low, cap) = self.stats.seen.get(w.lower.as_ref()).map_or((false, false), |(a, b, _)| (*a, *b));
            f.push(hash(30, &[if low { "l" } else { "-" }, if cap { "c" } else { "-" }]));
        }
    }
}

/// The hashed features of every token of sentence `sent` (for training).
pub fn sentence(doc: &Doc, stats: &DocStats, sent: usize, range: Range<usize>) -> Vec<Vec<u32>> {
    let s = Sentence::new(doc, stats, sent, range);
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
    fn shapes_and_affixes() {
        assert_eq!(shape("McCain-2"), "XxXxxx-d");
        assert_eq!(short_shape("McCain"), "XxXx");
        assert_eq!(prefix("café", 3), "caf");
        assert_eq!(suffix("café", 2), "fé");
        assert_eq!(suffix("a", 3), "a");
    }

    #[test]
    fn capital_lines_are_recased_from_the_document() {
        let doc = Doc::new("BIG WIN FOR SMITHERS\nThe team of Smithers won again.");
        let stats = DocStats::new(&doc);
        assert!(stats.caps_line(0) && !stats.caps_line(1));
        let f = form("SMITHERS", true, &stats, &Hit::default());
        assert_eq!(f.norm, "Smithers");
        assert_eq!(form("WIN", true, &stats, &Hit::default()).norm, "win");
    }

    #[test]
    fn curly_apostrophes_read_as_straight() {
        let stats = DocStats::new(&Doc::new(""));
        let f = form("I’m", false, &stats, &Hit::default());
        assert_eq!((f.lower.as_ref(), f.norm.as_ref()), ("i'm", "I'm"));
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
}
