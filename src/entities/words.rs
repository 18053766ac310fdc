//! The words of a document as the name tagger sees them, prepared once for
//! both passes: which tokens may be part of a name ([`super::active`]), the
//! word-list hits of each, and the forms (lowercase, shape, re-cased form)
//! of each distinct word that the tagger will read.
//!
//! A word's forms depend only on how it is written, except on lines in
//! capitals, where the word is re-cased from the rest of the document; so
//! each distinct word outside such lines gets one entry, and the tagger can
//! score a word's own features once per document instead of once per
//! occurrence.
//!
//! Guarantees: linear in the number of tokens; memory bounded by the
//! tokens and the distinct words; no panics.

use super::active::Kind;
use super::features::DocStats;
use super::gazetteer::{self, Hit};
use crate::text::vocab::Shape as Bits;
use crate::text::Doc;
use std::borrow::Cow;
use std::ops::Range;

/// One word's forms.
pub struct Form<'d> {
    /// The word as written.
    pub raw: &'d str,
    /// Its id in the document's vocab.
    pub word: usize,
    /// Whether it stands on a line in capitals.
    pub caps: bool,
    /// Lowercase, curly apostrophes made straight ([`DocStats::lower`]).
    pub lower: &'d str,
    /// The word as written, or re-cased on a capital line.
    pub norm: Cow<'d, str>,
    pub shape: Shape,
    /// The shape with runs collapsed.
    pub sshape: Shape,
    /// [`super::features::word_hashes`] of `lower`.
    pub hashes: [u32; 6],
}

/// A word shape ("Xxxx", "dd-dd"), at most 12 characters, kept inline:
/// every prepared word has two, and allocating them was a tenth of the
/// tagger's time.
#[derive(Clone, Copy)]
pub struct Shape {
    buf: [u8; 48],
    len: u8,
}

impl Shape {
    const EMPTY: Shape = Shape { buf: [0; 48], len: 0 };

    fn push(&mut self, c: char) {
        let at = self.len as usize;
        if let Some(dst) = self.buf.get_mut(at..at + c.len_utf8()) {
            c.encode_utf8(dst);
            self.len += c.len_utf8() as u8;
        }
    }

    /// The shape as text.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or("")
    }

    /// The shape's UTF-8 bytes, as the feature hashes read them (without
    /// validating them again at every read).
    pub fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len as usize).unwrap_or(&[])
    }
}

/// The shape of a word and its collapsed form, in one pass.
fn shapes(w: &str) -> (Shape, Shape) {
    let (mut full, mut short) = (Shape::EMPTY, Shape::EMPTY);
    if w.is_ascii() {
        // NOTE: bytes are characters here: a table gives each its class,
        // and the collapsed shape is written without branches (each class
        // goes in the next slot, which only moves on when it differs from
        // the last); a byte loop of range tests and pushes was a third of
        // the cost of preparing a word.
        let (mut n, mut m, mut last) = (0, 0, None);
        for (&b, dst) in w.as_bytes().iter().zip(full.buf.iter_mut()).take(12) {
            let s = ASCII_SHAPE[usize::from(b)];
            *dst = s;
            n += 1;
            if let Some(d) = short.buf.get_mut(m) {
                *d = s;
            }
            m += usize::from(last != Some(s));
            last = Some(s);
        }
        (full.len, short.len) = (n, m as u8);
        return (full, short);
    }
    let mut last = None;
    for c in w.chars().take(12) {
        let s = shape_char(c);
        full.push(s);
        if last != Some(s) {
            short.push(s);
            last = Some(s);
        }
    }
    (full, short)
}

/// The shape character of each ASCII byte (a full table, so that a byte
/// indexes it without a bounds check).
const ASCII_SHAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = match c {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            _ => c,
        };
        b += 1;
    }
    t
};

fn shape_char(c: char) -> char {
    match c {
        c if c.is_uppercase() => 'X',
        c if c.is_lowercase() => 'x',
        c if c.is_numeric() => 'd',
        c => c,
    }
}

const NON_ASCII: u8 = Bits::NON_ASCII;

/// Marks a token whose forms the tagger never reads.
const NONE: u32 = u32::MAX;

/// The prepared words of a document.
pub struct Words<'d> {
    forms: Vec<Form<'d>>,
    /// Per form: whether some token that may be part of a name has it.
    active_forms: Vec<bool>,
    /// Per token: the index of its form, or [`NONE`].
    ids: Vec<u32>,
    /// Per token: whether it may be part of a name.
    active: Vec<bool>,
    /// The word-list hits of the tokens that have any (few do), and per
    /// token the index of its hit, or [`NONE`].
    hits: Vec<Hit>,
    hit_of: Vec<u32>,
}

impl<'d> Words<'d> {
    /// Prepares the tokens of `windows` (each a sentence index and its token
    /// range): all of them when `all` (for training), else the tokens that
    /// may be part of a name and their neighbours.
    pub fn new(doc: &'d Doc, stats: &'d DocStats, windows: impl Iterator<Item = (usize, Range<usize>)>, all: bool) -> Self {
        let n = doc.tokens.len();
        // About half the distinct words stand near a possible name, in some
        // articles more: room for three quarters, so that the list of these
        // large forms is not copied as it grows.
        let forms = Vec::with_capacity(doc.vocab.words().len() * 3 / 4 + 8);
        let mut w = Words { active_forms: Vec::with_capacity(forms.capacity()), forms, ids: vec![NONE; n], active: vec![false; n], hits: Vec::with_capacity(n / 8), hit_of: vec![NONE; n] };
        // Per distinct word: its form (outside capital lines).
        let mut seen = vec![NONE; doc.vocab.words().len()];
        // Buffers reused across sentences.
        let (mut kinds, mut active, mut hits): (Vec<Kind>, Vec<bool>, Vec<Hit>) = Default::default();
        let mut lists = gazetteer::Matcher::new(doc);
        let shapes = doc.vocab.shapes();
        for (sent, range) in windows {
            let caps = stats.caps_line(sent);
            let ids = doc.vocab.ids().get(range.clone()).unwrap_or(&[]);
            if !caps && !all && ids.len() <= 64 {
                // NOTE: a sentence's tokens as bits: the mask and the tokens
                // near an active one take a few word operations, and only
                // those tokens are visited; the general path below walks
                // every token several times.
                let (on, capitalised) = super::active::mask_words(ids, shapes);
                // Every match starts on a capitalised, so active, token.
                if on == 0 {
                    continue;
                }
                lists.hits_at(range.clone(), capitalised, &mut hits);
                let mut near = super::active::near_bits(on, ids.len());
                while near != 0 {
                    let k = near.trailing_zeros() as usize;
                    near &= near - 1;
                    if let (Some(&id), Some(hit)) = (ids.get(k), hits.get(k)) {
                        w.note(doc, stats, &mut seen, (range.start + k, id), hit, on >> k & 1 != 0, false);
                    }
                }
                continue;
            }
            kinds.clear();
            kinds.extend(ids.iter().map(|&id| if all { Kind::Candidate } else { super::active::kind_of(shapes.get(id as usize).copied().unwrap_or(0)) }));
            super::active::mask_into(&kinds, caps || all, &mut active);
            lists.hits_into(range.clone(), caps, &mut hits);
            // Bit j of `window`: whether token k + 2 - j is active, so the
            // five low bits cover the two tokens either side of token k.
            let mut window = active.iter().take(2).fold(0u32, |m, &a| m << 1 | a as u32);
            for (k, ((&id, hit), &on)) in ids.iter().zip(&hits).zip(&active).enumerate() {
                window = (window << 1 | active.get(k + 2).copied().unwrap_or(false) as u32) & 0x1f;
                // Features look two tokens either side, and read hits and
                // forms of those tokens only: the others (most) are done.
                if window != 0 {
                    w.note(doc, stats, &mut seen, (range.start + k, id), hit, on, caps);
                }
            }
        }
        w
    }

    /// Prepares token `i` (word id `id`), which stands within two tokens of
    /// an active one: its hit, its form, and whether it is active (`on`).
    #[allow(clippy::too_many_arguments)]
    fn note(&mut self, doc: &'d Doc, stats: &'d DocStats, seen: &mut [u32], (i, id): (usize, u32), hit: &Hit, on: bool, caps: bool) {
        if *hit != Hit::default() {
            if let Some(slot) = self.hit_of.get_mut(i) {
                *slot = self.hits.len() as u32;
                self.hits.push(*hit);
            }
        }
        let id = if caps {
            self.push(form(doc, i, true, stats, hit))
        } else {
            match seen.get_mut(id as usize) {
                Some(slot) if *slot != NONE => *slot,
                Some(slot) => {
                    *slot = self.push(form(doc, i, false, stats, hit));
                    *slot
                }
                None => self.push(form(doc, i, false, stats, hit)),
            }
        };
        if let Some(slot) = self.ids.get_mut(i) {
            *slot = id;
        }
        if on {
            if let Some(a) = self.active.get_mut(i) {
                *a = true;
            }
            if let Some(a) = self.active_forms.get_mut(id as usize) {
                *a = true;
            }
        }
    }

    fn push(&mut self, f: Form<'d>) -> u32 {
        self.forms.push(f);
        self.active_forms.push(false);
        (self.forms.len() - 1) as u32
    }

    /// The forms of token `i`, if the tagger reads them.
    pub fn form(&self, i: usize) -> Option<&Form<'d>> {
        self.ids.get(i).and_then(|&id| self.forms.get(id as usize))
    }

    /// The form index of token `i`, if the tagger reads its forms.
    pub fn form_id(&self, i: usize) -> Option<usize> {
        self.ids.get(i).filter(|&&id| id != NONE).map(|&id| id as usize)
    }

    /// All distinct forms, by index.
    pub fn forms(&self) -> &[Form<'d>] {
        &self.forms
    }

    /// Whether token `i` may be part of a name.
    pub fn active(&self, i: usize) -> bool {
        self.active.get(i).copied().unwrap_or(false)
    }

    /// For each form, whether some token that may be part of a name has it.
    pub fn active_forms(&self) -> &[bool] {
        &self.active_forms
    }

    /// The word-list hits of token `i`, if it stands within two tokens of
    /// one that may be part of a name (the only ones features read; the
    /// others read as no hit).
    pub fn hit(&self, i: usize) -> Hit {
        self.hit_of.get(i).and_then(|&h| self.hits.get(h as usize)).copied().unwrap_or_default()
    }
}

/// Whether a word is written in capitals with at least two letters.
pub fn is_caps_word(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// The word with curly apostrophes made straight, as in the training text
/// ("I’m" reads as "I'm").
pub fn straight(w: &str) -> Cow<'_, str> {
    if !w.is_ascii() && w.contains(['’', '‘']) {
        Cow::Owned(w.replace(['’', '‘'], "'"))
    } else {
        Cow::Borrowed(w)
    }
}

/// "Xxxx", "XX", "dd-dd": the character classes of a word, at most 12.
pub fn shape(w: &str) -> String {
    w.chars().take(12).map(shape_char).collect()
}

/// The shape with runs collapsed: "Xx", "X", "d-d".
pub fn short_shape(w: &str) -> String {
    collapse(&shape(w))
}

fn collapse(shape: &str) -> String {
    let mut out = String::new();
    for c in shape.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The forms of token `i` of `doc`; on a capital line it is re-cased as
/// the document writes it elsewhere (or title-cased when a word list knows
/// it).
pub fn form<'d>(doc: &'d Doc, i: usize, caps_line: bool, stats: &'d DocStats, hit: &Hit) -> Form<'d> {
    let (raw, word) = (doc.tok(i), doc.vocab.id(i));
    let lower = stats.lower(word);
    // The shape bits say whether there can be a curly apostrophe.
    let ascii = doc.vocab.shapes().get(word).is_some_and(|&f| f & NON_ASCII == 0);
    let w = if ascii { Cow::Borrowed(raw) } else { straight(raw) };
    let norm = if caps_line && is_caps_word(&w) {
        Cow::Owned(match stats.cased(word) {
            Some(cased) => cased.to_string(),
            _ if hit.unit | hit.begin | hit.inside | hit.last != 0 => titlecase(lower),
            _ => lower.to_string(),
        })
    } else {
        w
    };
    let (shape, sshape) = shapes(&norm);
    let hashes = super::features::word_hashes(lower);
    Form { raw, word, caps: caps_line, lower, norm, shape, sshape, hashes }
}

fn titlecase(w: &str) -> String {
    let mut c = w.chars();
    c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("McCain-2"), "XxXxxx-d");
        assert_eq!(short_shape("McCain"), "XxXx");
        let (full, short) = super::shapes("Ünïcode-2024’s-long-word");
        assert_eq!((full.as_str(), short.as_str()), ("Xxxxxxx-dddd", "Xx-d"));
        for w in ["McCain-2", "U.S.", "a", "", "x1y2z3w4v5u6t7", "AT&T", "@[`{/:09AZaz", "\0\0a\x7f"] {
            let (full, short) = super::shapes(w);
            assert_eq!((full.as_str(), short.as_str()), (shape(w).as_str(), short_shape(w).as_str()), "{w}");
        }
        assert_eq!(super::shapes("’’’’’’’’’’’’’’").0.as_str(), "’’’’’’’’’’’’");
    }

    #[test]
    fn capital_lines_are_recased_from_the_document() {
        let doc = Doc::new("BIG WIN FOR SMITHERS\nThe team of Smithers won again.");
        let stats = DocStats::new(&doc);
        assert!(stats.caps_line(0) && !stats.caps_line(1));
        assert_eq!(form(&doc, 3, true, &stats, &Hit::default()).norm, "Smithers");
        assert_eq!(form(&doc, 1, true, &stats, &Hit::default()).norm, "win");
        assert_eq!(form(&doc, 1, false, &stats, &Hit::default()).norm, "WIN");
    }

    #[test]
    fn curly_apostrophes_read_as_straight() {
        let doc = Doc::new("I’m here");
        let stats = DocStats::new(&doc);
        let f = form(&doc, 0, false, &stats, &Hit::default());
        assert_eq!((f.lower, f.norm.as_ref(), f.raw), ("i'm", "I'm", "I’m"));
        assert_eq!((f.shape.as_str(), f.sshape.as_str()), ("X'x", "X'x"));
    }

    #[test]
    fn each_distinct_word_gets_one_form() {
        let doc = Doc::new("Ann Lee met Ann Lee and Bob in Rome.");
        let stats = DocStats::new(&doc);
        let w = Words::new(&doc, &stats, std::iter::once((0, 0..doc.tokens.len())), true);
        assert_eq!(w.form_id(0), w.form_id(3));
        assert_ne!(w.form_id(0), w.form_id(1));
        assert_eq!(w.forms().len(), 8); // Ann Lee met and Bob in Rome .
        assert!(w.active(0) && w.hit(8) != Hit::default());
        assert_eq!(w.active_forms(), [true; 8]);
        let doc = Doc::new("Ann Lee met the old mayor of Rome.");
        let stats = DocStats::new(&doc);
        let w = Words::new(&doc, &stats, std::iter::once((0, 0..doc.tokens.len())), false);
        // "met" (form 2) stands next to a name without being part of one.
        let active: Vec<bool> = (0..doc.tokens.len()).filter_map(|i| w.form_id(i).map(|f| (f, w.active(i)))).fold(vec![false; w.forms().len()], |mut v, (f, a)| {
            v[f] |= a;
            v
        });
        assert_eq!(w.active_forms(), active.as_slice());
        assert!(!w.active_forms()[2]);
    }
}
