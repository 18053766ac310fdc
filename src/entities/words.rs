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
use super::features::{self, DocStats};
use crate::text::lexicon::gazetteer::{self, Hit};
use crate::text::vocab::Shape as Bits;
use crate::text::Doc;
use std::borrow::Cow;
use std::ops::Range;

mod shape;

use shape::shapes;
pub use shape::{short_shape, Shape};

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
    /// [`features::word_hashes`] of `lower` (only the states some feature
    /// reads; the others are 0).
    pub hashes: [u32; 6],
}

const NON_ASCII: u8 = Bits::NON_ASCII;

/// Marks a token whose forms the tagger never reads.
const NONE: u32 = u32::MAX;

/// The state of [`features::word_hashes`] a token's own context features
/// read: it is read only when the token may be part of a name.
const OWN: u8 = features::states_read(0b100);

/// Every state of [`features::word_hashes`].
#[cfg(test)]
pub const ALL_STATES: u8 = 0x3f;

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

/// A form to prepare once every token is marked: its first token, whether
/// that stands on a capital line, and the word hash states its tokens'
/// neighbours read ([`features::states_read`]).
struct Pending {
    tok: u32,
    caps: bool,
    states: u8,
}

/// What the first pass over the tokens gathers: per distinct word, its
/// form (outside capital lines), and the forms to prepare.
struct Marks {
    seen: Vec<u32>,
    pending: Vec<Pending>,
}

/// The five bits of `on` around bit `k` (bit j for token k - 2 + j, 0
/// beyond the ends), as [`features::states_read`] takes them.
fn near_five(on: u64, k: usize) -> u8 {
    ((u128::from(on) << 2) >> k) as u8 & 0x1f
}

impl<'d> Words<'d> {
    /// Prepares the tokens of `windows` (each a sentence index and its token
    /// range): all of them when `all` (for training), else the tokens that
    /// may be part of a name and their neighbours.
    ///
    /// NOTE: in two passes: the first marks the tokens and which word hash
    /// states each form's neighbours read, the second prepares each form
    /// once, with only those states (half of them, on average), into a
    /// list allocated once at its final size.
    pub fn new(
        doc: &'d Doc,
        stats: &'d DocStats,
        windows: impl Iterator<Item = (usize, Range<usize>)>,
        all: bool,
    ) -> Self {
        let n = doc.tokens.len();
        let mut w = Words {
            forms: Vec::new(),
            active_forms: Vec::new(),
            ids: vec![NONE; n],
            active: vec![false; n],
            hits: Vec::new(),
            hit_of: vec![NONE; n],
        };
        // About half the distinct words stand near a possible name.
        let vocab = doc.vocab.words().len();
        let mut marks =
            Marks { seen: vec![NONE; vocab], pending: Vec::with_capacity(vocab / 2 + 8) };
        // Buffers reused across sentences.
        let (mut kinds, mut active, mut hits): (Vec<Kind>, Vec<bool>, Vec<Hit>) =
            Default::default();
        let mut lists = gazetteer::Matcher::new(doc);
        let shapes = doc.vocab.shapes();
        for (sent, range) in windows {
            let caps = stats.caps_line(sent);
            debug_assert!(range.end <= doc.vocab.ids().len(), "{range:?}");
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
                        w.note(&mut marks, (range.start + k, id), hit, near_five(on, k), false);
                    }
                }
                continue;
            }
            kinds.clear();
            kinds.extend(ids.iter().map(|&id| {
                if all {
                    Kind::Candidate
                } else {
                    super::active::kind_of(shapes.get(id as usize).copied().unwrap_or(0))
                }
            }));
            super::active::mask_into(&kinds, caps || all, &mut active);
            lists.hits_into(range.clone(), caps, &mut hits);
            // Bit j of `window`: whether token k - 2 + j is active, so the
            // five bits cover the two tokens either side of token k.
            let at = |k: usize| u8::from(active.get(k).copied().unwrap_or(false));
            let mut window = at(0) << 3 | at(1) << 4;
            for (k, (&id, hit)) in ids.iter().zip(&hits).enumerate() {
                window = window >> 1 | at(k + 2) << 4;
                // Features look two tokens either side, and read hits and
                // forms of those tokens only: the others (most) are done.
                if window != 0 {
                    w.note(&mut marks, (range.start + k, id), hit, window, caps);
                }
            }
        }
        w.prepare(doc, stats, &marks.pending);
        w
    }

    /// Marks token `i` (word id `id`), which stands within two tokens of
    /// an active one: its hit, its form, and whether it is active, from
    /// `near` (bit j: whether token i - 2 + j is).
    fn note(&mut self, marks: &mut Marks, (i, id): (usize, u32), hit: &Hit, near: u8, caps: bool) {
        if *hit != Hit::default() {
            if let Some(slot) = self.hit_of.get_mut(i) {
                *slot = self.hits.len() as u32;
                self.hits.push(*hit);
            }
        }
        let mut fresh = || {
            marks.pending.push(Pending { tok: i as u32, caps, states: 0 });
            (marks.pending.len() - 1) as u32
        };
        let f = match marks.seen.get_mut(id as usize) {
            _ if caps => fresh(),
            Some(slot) if *slot != NONE => *slot,
            Some(slot) => {
                *slot = fresh();
                *slot
            }
            None => fresh(),
        };
        let states = features::states_read(near);
        if let Some(p) = marks.pending.get_mut(f as usize) {
            p.states |= states;
        }
        if let Some(slot) = self.ids.get_mut(i) {
            *slot = f;
        }
        if states & OWN != 0 {
            if let Some(a) = self.active.get_mut(i) {
                *a = true;
            }
        }
    }

    /// Prepares the forms marked, each with the hash states it needs.
    fn prepare(&mut self, doc: &'d Doc, stats: &'d DocStats, pending: &[Pending]) {
        self.active_forms = pending.iter().map(|p| p.states & OWN != 0).collect();
        let forms = pending.iter().map(|p| {
            let i = p.tok as usize;
            form(doc, i, p.caps, stats, &self.hit(i), p.states)
        });
        self.forms = forms.collect();
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

/// The forms of token `i` of `doc`; on a capital line it is re-cased as
/// the document writes it elsewhere (or title-cased when a word list knows
/// it).
/// Only the word hash `states` asked for are computed (the others read 0).
pub fn form<'d>(
    doc: &'d Doc,
    i: usize,
    caps_line: bool,
    stats: &'d DocStats,
    hit: &Hit,
    states: u8,
) -> Form<'d> {
    let (raw, word) = (doc.tok(i), doc.vocab.id(i));
    let lower = stats.lower(word);
    // The shape bits say whether there can be a curly apostrophe.
    let ascii = doc.vocab.shapes().get(word).is_some_and(|&f| f & NON_ASCII == 0);
    let w = if ascii { Cow::Borrowed(raw) } else { straight(raw) };
    let norm = if caps_line && is_caps_word(&w) {
        Cow::Owned(match stats.cased(word) {
            Some(cased) => cased.to_string(),
            _ if !(hit.unit | hit.begin | hit.inside | hit.last).is_empty() => titlecase(lower),
            _ => lower.to_string(),
        })
    } else {
        w
    };
    let (shape, sshape) = shapes(&norm);
    let hashes = features::some_word_hashes(lower, states);
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
    fn capital_lines_are_recased_from_the_document() {
        let doc = Doc::new("BIG WIN FOR SMITHERS\nThe team of Smithers won again.");
        let stats = DocStats::new(&doc);
        assert!(stats.caps_line(0) && !stats.caps_line(1));
        assert_eq!(form(&doc, 3, true, &stats, &Hit::default(), ALL_STATES).norm, "Smithers");
        assert_eq!(form(&doc, 1, true, &stats, &Hit::default(), ALL_STATES).norm, "win");
        assert_eq!(form(&doc, 1, false, &stats, &Hit::default(), ALL_STATES).norm, "WIN");
    }

    #[test]
    fn curly_apostrophes_read_as_straight() {
        let doc = Doc::new("I’m here");
        let stats = DocStats::new(&doc);
        let f = form(&doc, 0, false, &stats, &Hit::default(), ALL_STATES);
        assert_eq!((f.lower, f.norm.as_ref(), f.raw), ("i'm", "I'm", "I’m"));
        assert_eq!((f.shape.as_str(), f.sshape.as_str()), ("X'x", "X'x"));
    }

    #[test]
    fn five_bits_around_a_token() {
        assert_eq!(near_five(0b1, 0), 0b100);
        assert_eq!(near_five(0b10110, 2), 0b10110);
        assert_eq!(near_five(0b11, 1), 0b0110);
        assert_eq!(near_five(1 << 63 | 1 << 62, 63), 0b00110);
        assert_eq!(near_five(u64::MAX, 40), 0x1f);
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
        let active: Vec<bool> = (0..doc.tokens.len())
            .filter_map(|i| w.form_id(i).map(|f| (f, w.active(i))))
            .fold(vec![false; w.forms().len()], |mut v, (f, a)| {
                v[f] |= a;
                v
            });
        assert_eq!(w.active_forms(), active.as_slice());
        assert!(!w.active_forms()[2]);
    }
}
