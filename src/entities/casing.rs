//! How words are written across the document, for the name tagger: whether
//! a capitalised word also appears in lowercase or capitalised
//! mid-sentence, its first mid-sentence spelling (to re-case headlines),
//! and which sentences are written all in capitals.
//!
//! Each distinct word ([`crate::text::vocab`]) is classified and lowercased
//! once; the pass over the tokens reads arrays.
//!
//! Guarantees: linear in the number of tokens; no panics.

use super::lowercase::Lowercase;
use super::words::straight;
use crate::text::fasthash::FastMap;
use crate::text::vocab::{Shape, Vocab};
use crate::text::Doc;
use std::borrow::Cow;
use std::collections::hash_map::Entry;

const UPPER_START: u8 = Shape::FIRST_UPPER;
const ALPHA_START: u8 = Shape::FIRST_ALPHA;
const TWO_LETTERS: u8 = Shape::TWO_LETTERS;
const HAS_LOWER: u8 = Shape::LOWER;
const HAS_UPPER: u8 = Shape::UPPER;
const NON_ASCII: u8 = Shape::NON_ASCII;

/// The key a word's casing is kept under: lowercase, straight apostrophes
/// (most words already are).
fn key(w: &str) -> Cow<'_, str> {
    if !w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        return Cow::Borrowed(w);
    }
    let mut k = straight(w).into_owned();
    k.make_ascii_lowercase();
    if k.is_ascii() {
        Cow::Owned(k)
    } else {
        Cow::Owned(k.to_lowercase())
    }
}

/// One capitalised word's casing across the document.
#[derive(Default)]
struct Seen<'d> {
    /// Written in lowercase somewhere other than first in a sentence.
    lower: bool,
    /// Capitalised somewhere other than first in a sentence.
    capital: bool,
    /// The first such capitalised spelling.
    cased: &'d str,
}

/// Marks a word with no entry.
const NONE: u32 = u32::MAX;

/// How words are written across the document, by word id.
pub struct DocStats<'d> {
    /// The lowercase form of every distinct word.
    lower: Lowercase<'d>,
    /// Per word id: the entry of its lowercase form, if a capitalised word
    /// has one, or [`NONE`].
    lookup: Vec<u32>,
    seen: Vec<Seen<'d>>,
    /// For each sentence, whether it is written in capitals.
    caps: Vec<bool>,
}

/// Per word id: the entry of its key, if a capitalised word has that key
/// ([`NONE`] otherwise); the number of entries; and the words that are
/// asked about by a different form than their key (non-ASCII ones), each
/// with the entry of that form.
struct Groups {
    entry: Vec<u32>,
    keys: usize,
    asked: Vec<(usize, u32)>,
}

/// Gives each key of a capitalised word an entry, and every word its key's.
/// Only capitalised words are ever asked about, so lowercase words are
/// only looked up, never stored.
fn groups(v: &Vocab, lower: &Lowercase) -> Groups {
    let flags = v.shapes();
    let capitalised = flags.iter().filter(|&&f| f & UPPER_START != 0).count();
    let mut index: FastMap<Cow<str>, u32> =
        FastMap::with_capacity_and_hasher(capitalised, Default::default());
    let mut entry = vec![NONE; flags.len()];
    for (id, (w, &f)) in v.words().iter().zip(flags).enumerate() {
        if f & UPPER_START == 0 {
            continue;
        }
        let n = index.len() as u32;
        let e = match index.entry(key_of(lower, id, w, f)) {
            Entry::Occupied(o) => *o.get(),
            Entry::Vacant(slot) => {
                // NOTE: the word written as the key itself (most lowercase
                // words are their own key) is found through the vocab's
                // table, once per key, instead of every lowercase word
                // hashing itself into this map.
                if let Some(own) =
                    v.find(slot.key()).filter(|&o| flags.get(o).is_some_and(|&g| is_own_key(g)))
                {
                    if let Some(x) = entry.get_mut(own) {
                        *x = n;
                    }
                }
                *slot.insert(n)
            }
        };
        if let Some(x) = entry.get_mut(id) {
            *x = e;
        }
    }
    // The other lowercase-initial words (a capital inside, non-ASCII) are
    // not their own key, and look it up.
    let mut asked = Vec::new();
    for (id, (w, &f)) in v.words().iter().zip(flags).enumerate() {
        if f & (UPPER_START | ALPHA_START) == ALPHA_START && !is_own_key(f) {
            if let (Some(x), Some(&e)) =
                (entry.get_mut(id), index.get(key_of(lower, id, w, f).as_ref()))
            {
                *x = e;
            }
        }
        // Questions come by a word's lowercase form, which for a non-ASCII
        // word may differ from its key. (An ASCII word's lowercase form is
        // its key when it starts with a letter, and no key starts with
        // anything else.)
        if f & NON_ASCII != 0 {
            asked.push((id, index.get(lower.get(id)).copied().unwrap_or(NONE)));
        }
    }
    Groups { entry, keys: index.len(), asked }
}

/// The key of word `id`, `w`, with shape bits `f`: an ASCII word's is its
/// lowercase form; others (a few) are keyed by [`key`], which differs only
/// for titlecase letters.
fn key_of<'a>(lower: &'a Lowercase, id: usize, w: &'a str, f: u8) -> Cow<'a, str> {
    if f & NON_ASCII == 0 {
        Cow::Borrowed(lower.get(id))
    } else {
        key(w)
    }
}

/// Whether a word with shape bits `f` is its own key: it starts with a
/// letter, and is lowercase ASCII.
fn is_own_key(f: u8) -> bool {
    f & (ALPHA_START | UPPER_START | HAS_UPPER | NON_ASCII) == ALPHA_START
}

impl<'d> DocStats<'d> {
    /// Gathers the casing of every capitalised word outside capital lines.
    pub fn new(doc: &'d Doc) -> Self {
        let v = &doc.vocab;
        let flags = v.shapes();
        let lower = Lowercase::new(v);
        let Groups { mut entry, keys, asked } = groups(v, &lower);
        // One pass over the sentences: whether each is in capitals, and if
        // not, how its words are written after the first.
        let mut seen: Vec<Seen> = (0..keys).map(|_| Seen::default()).collect();
        let mut caps = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
            debug_assert!(s.tokens.end <= v.ids().len(), "{:?}", s.tokens);
            let ids = v.ids().get(s.tokens.clone()).unwrap_or(&[]);
            let word_flags = ids.iter().map(|&id| flags.get(id as usize).copied().unwrap_or(0));
            let mut words = word_flags.filter(|f| f & TWO_LETTERS != 0).peekable();
            let in_caps = words.peek().is_some() && words.all(|f| f & HAS_LOWER == 0);
            caps.push(in_caps);
            if in_caps {
                continue;
            }
            for (i, &id) in s.tokens.clone().zip(ids).skip(1) {
                let id = id as usize;
                let Some(e) = entry.get(id).and_then(|&e| seen.get_mut(e as usize)) else {
                    continue;
                };
                if flags.get(id).is_some_and(|f| f & UPPER_START != 0) {
                    if !e.capital {
                        e.cased = doc.tok(i);
                    }
                    e.capital = true;
                } else {
                    e.lower = true;
                }
            }
        }
        for (id, e) in asked {
            if let Some(x) = entry.get_mut(id) {
                *x = e;
            }
        }
        DocStats { lower, lookup: entry, seen, caps }
    }

    fn get(&self, word: usize) -> Option<&Seen<'d>> {
        self.lookup.get(word).and_then(|&e| self.seen.get(e as usize))
    }

    /// The lowercase form of word `word` (an id of the document's vocab),
    /// curly apostrophes made straight.
    pub fn lower(&self, word: usize) -> &str {
        self.lower.get(word)
    }

    /// How word `word` (an id of the document's vocab) is written
    /// capitalised mid-sentence elsewhere in the document, if it is.
    pub fn cased(&self, word: usize) -> Option<&'d str> {
        self.get(word).filter(|e| e.capital).map(|e| e.cased)
    }

    /// Whether word `word` (in any case) is written in lowercase, and
    /// capitalised, other than first in a sentence.
    pub fn casing(&self, word: usize) -> (bool, bool) {
        self.get(word).map_or((false, false), |e| (e.lower, e.capital))
    }

    /// Whether sentence `s` is written in capitals: it has a word of two
    /// letters or more, and all such words are in capitals.
    pub fn caps_line(&self, s: usize) -> bool {
        self.caps.get(s).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word id of `w` in `doc`.
    fn id(doc: &Doc, w: &str) -> usize {
        doc.vocab.words().iter().position(|x| *x == w).unwrap_or(usize::MAX)
    }

    #[test]
    fn casing_is_gathered_outside_sentence_starts() {
        let doc = Doc::new("Apple fell. The apple fell. Then Apple rose. Pear fell.");
        let s = DocStats::new(&doc);
        assert_eq!(s.casing(id(&doc, "apple")), (true, true));
        assert_eq!(s.casing(id(&doc, "Apple")), (true, true));
        assert_eq!(s.cased(id(&doc, "apple")), Some("Apple"));
        assert_eq!(s.casing(id(&doc, "Pear")), (false, false));
        assert_eq!(s.cased(id(&doc, "fell")), None);
        assert_eq!(s.lower(id(&doc, "Pear")), "pear");
    }

    #[test]
    fn lowercase_words_join_their_capitalised_key() {
        let doc = Doc::new("So rose fell. Then Rose rose. Then iPhone met Iphone. Then RED won.");
        let s = DocStats::new(&doc);
        assert_eq!(s.casing(id(&doc, "Rose")), (true, true));
        assert_eq!(s.casing(id(&doc, "rose")), (true, true));
        assert_eq!(s.casing(id(&doc, "iPhone")), (true, true));
        assert_eq!(s.cased(id(&doc, "iPhone")), Some("Iphone"));
        assert_eq!(s.casing(id(&doc, "RED")), (false, true));
        assert_eq!(s.casing(id(&doc, "met")), (false, false));
    }

    #[test]
    fn capital_lines_are_found_and_skipped() {
        let doc = Doc::new("BIG NEWS FROM ROME\nIn Rome, the Rome team won.");
        let s = DocStats::new(&doc);
        assert!(s.caps_line(0) && !s.caps_line(1));
        assert_eq!(s.cased(id(&doc, "ROME")), Some("Rome"));
        assert_eq!(s.cased(id(&doc, "NEWS")), None);
    }

    #[test]
    fn curly_apostrophes_share_the_key() {
        let doc = Doc::new("Then I’m here. Then I'm there.");
        let s = DocStats::new(&doc);
        assert_eq!(s.cased(id(&doc, "I'm")), Some("I’m"));
        assert_eq!(s.casing(id(&doc, "I'm")), (false, true));
        assert_eq!(s.casing(id(&doc, "I’m")), (false, true));
    }

    #[test]
    fn non_ascii_words_find_their_entry() {
        let doc = Doc::new("Then Ünal spoke. Then ünal left. ÜNAL won.");
        let s = DocStats::new(&doc);
        assert_eq!(s.casing(id(&doc, "ÜNAL")), (true, true));
        assert_eq!(s.cased(id(&doc, "ünal")), Some("Ünal"));
    }
}
