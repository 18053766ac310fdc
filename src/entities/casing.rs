//! How words are written across the document, for the name tagger: whether
//! a capitalised word also appears in lowercase or capitalised
//! mid-sentence, its first mid-sentence spelling (to re-case headlines),
//! and which sentences are written all in capitals.
//!
//! Each distinct word ([`crate::text::vocab`]) is classified and lowercased
//! once; the pass over the tokens reads arrays.
//!
//! Guarantees: linear in the number of tokens; no panics.

use super::words::straight;
use crate::text::fasthash::FastMap;
use super::lowercase::Lowercase;
use std::borrow::Cow;
use crate::text::vocab::Shape;
use crate::text::Doc;

const UPPER_START: u8 = Shape::FIRST_UPPER;
const ALPHA_START: u8 = Shape::FIRST_ALPHA;
const TWO_LETTERS: u8 = Shape::TWO_LETTERS;
const HAS_LOWER: u8 = Shape::LOWER;

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

/// How words are written across the document, by word id.
pub struct DocStats<'d> {
    /// The lowercase form of every distinct word.
    lower: Lowercase<'d>,
    /// Per word id: the entry of its lowercase form ([`Lowercase`]), if a
    /// capitalised word has one.
    lookup: Vec<Option<u32>>,
    seen: Vec<Seen<'d>>,
    /// For each sentence, whether it is written in capitals.
    caps: Vec<bool>,
}

impl<'d> DocStats<'d> {
    /// Gathers the casing of every capitalised word outside capital lines.
    /// Only capitalised words are ever asked about, so lowercase words are
    /// only looked up, never stored.
    pub fn new(doc: &'d Doc) -> Self {
        let v = &doc.vocab;
        let flags = v.shapes();
        let lower = Lowercase::new(v);
        // An ASCII word's key is its lowercase form; others (a few) are
        // keyed as before, which differs only for titlecase letters.
        let key_of = |id: usize, w: &'d str| -> Cow<'_, str> {
            if w.is_ascii() {
                Cow::Borrowed(lower.get(id))
            } else {
                key(w)
            }
        };
        // Capitalised words make the entries (one key each); the other
        // alphabetic words only find theirs.
        let capitalised = flags.iter().filter(|&&f| f & UPPER_START != 0).count();
        let mut index: FastMap<Cow<str>, u32> = FastMap::with_capacity_and_hasher(capitalised, Default::default());
        let mut entry: Vec<Option<u32>> = vec![None; flags.len()];
        for (id, ((w, &f), e)) in v.words().iter().zip(flags).zip(entry.iter_mut()).enumerate() {
            if f & UPPER_START != 0 {
                let n = index.len() as u32;
                *e = Some(*index.entry(key_of(id, w)).or_insert(n));
            }
        }
        for (id, ((w, &f), e)) in v.words().iter().zip(flags).zip(entry.iter_mut()).enumerate() {
            if f & (UPPER_START | ALPHA_START) == ALPHA_START {
                *e = index.get(key_of(id, w).as_ref()).copied();
            }
        }
        // Questions come by a word's lowercase form: where that is its key,
        // the entry is known; otherwise it is looked up.
        let lookup: Vec<Option<u32>> = v
            .words()
            .iter()
            .zip(flags)
            .zip(&entry)
            .enumerate()
            .map(|(id, ((w, &f), &e))| {
                let keyed = f & (UPPER_START | ALPHA_START) != 0 && w.is_ascii();
                if keyed {
                    e
                } else {
                    index.get(lower.get(id)).copied()
                }
            })
            .collect();
        let keys = index.len();
        drop(index);
        // One pass over the sentences: whether each is in capitals, and if
        // not, how its words are written after the first.
        let mut seen: Vec<Seen> = (0..keys).map(|_| Seen::default()).collect();
        let mut caps = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
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
                let Some(e) = entry.get(id).copied().flatten().and_then(|e| seen.get_mut(e as usize)) else { continue };
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
        DocStats { lower, lookup, seen, caps }
    }

    fn get(&self, word: usize) -> Option<&Seen<'d>> {
        self.lookup.get(word).copied().flatten().and_then(|e| self.seen.get(e as usize))
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
