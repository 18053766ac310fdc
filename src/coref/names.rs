//! The distinct mention texts of one document, each normalised and keyed
//! once: a name said ten times is lowercased once, and the linking rules
//! compare borrowed `&str`s instead of building a `String` per mention.
//!
//! Guarantees: linear in the mentions' text (one hash lookup per mention,
//! one normalisation per distinct text, all normal forms in one buffer); no
//! panics.

use super::alias;
use crate::entities::Mention;
use crate::text::fasthash::FastMap;
use crate::text::lexicon::{gazetteer, Classes};
use crate::text::Doc;
use std::cell::Cell;

/// The mention texts of a document and their normal forms and keys.
pub struct Names<'t> {
    /// For each mention, its text.
    pub texts: Vec<&'t str>,
    /// For each mention, the index of its distinct text.
    id_of: Vec<usize>,
    /// All normal forms, one after the other.
    buf: String,
    /// For each distinct text, its normal form's range in `buf`.
    norm_at: Vec<(usize, usize)>,
    /// For each distinct text, whether it has any whitespace.
    spaced: Vec<bool>,
    /// For each distinct text, the number of words of its normal form.
    words: Vec<usize>,
    /// For each distinct text, its listed alias, if it has one.
    alias: Vec<Option<&'static str>>,
    /// For each distinct text, the gazetteer's classes, once asked for
    /// (a cache, hence the cells: the rules read `Names` while they hold
    /// keys borrowed from it).
    classes: Vec<Cell<Option<Classes>>>,
}

impl<'t> Names<'t> {
    /// Reads the mentions' texts and normalises each distinct one.
    pub fn new(doc: &Doc<'t>, mentions: &[Mention]) -> Self {
        let texts: Vec<&'t str> = mentions.iter().map(|m| doc.slice(m.start, m.end)).collect();
        // Sized for the worst case (every text distinct): no regrowth.
        let n = texts.len();
        let mut ids: FastMap<&'t str, usize> =
            FastMap::with_capacity_and_hasher(n, Default::default());
        let mut id_of = Vec::with_capacity(n);
        let mut buf = String::with_capacity(texts.iter().map(|t| t.len()).sum());
        let mut norm_at = Vec::with_capacity(n);
        let mut alias = Vec::with_capacity(n);
        let mut spaced = Vec::with_capacity(n);
        let mut words = Vec::with_capacity(n);
        for &t in &texts {
            let next = norm_at.len();
            let id = *ids.entry(t).or_insert(next);
            if id == next {
                let start = buf.len();
                spaced.push(alias::normalize_into(t, &mut buf));
                norm_at.push((start, buf.len()));
                let norm = buf.get(start..).unwrap_or("");
                words.push(norm.bytes().filter(|&b| b == b' ').count() + 1);
                alias.push(alias::listed(norm));
            }
            id_of.push(id);
        }
        let classes = vec![Cell::new(None); norm_at.len()];
        Names { texts, id_of, buf, norm_at, spaced, words, alias, classes }
    }

    /// The index of mention `i`'s distinct text (texts are numbered in
    /// order of first mention), for tables kept per distinct text.
    pub fn id(&self, i: usize) -> usize {
        self.id_of.get(i).copied().unwrap_or(usize::MAX)
    }

    /// The number of distinct texts.
    pub fn distinct(&self) -> usize {
        self.norm_at.len()
    }

    /// The number of words of mention `i`'s normal form (spaces plus one).
    pub fn word_count(&self, i: usize) -> usize {
        self.words.get(self.id(i)).copied().unwrap_or(1)
    }

    /// The text of mention `i` ("" when out of range).
    pub fn text(&self, i: usize) -> &'t str {
        self.texts.get(i).copied().unwrap_or("")
    }

    /// The normal form of mention `i`'s text ([`alias::normalize`]).
    pub fn norm(&self, i: usize) -> &str {
        self.norm_at.get(self.id(i)).and_then(|&(s, e)| self.buf.get(s..e)).unwrap_or("")
    }

    /// Whether mention `i`'s text has any whitespace.
    pub fn spaced(&self, i: usize) -> bool {
        self.spaced.get(self.id(i)).copied().unwrap_or(false)
    }

    /// The key of mention `i`'s text (`alias::key`).
    pub fn key(&self, i: usize) -> &str {
        self.alias.get(self.id(i)).copied().flatten().unwrap_or_else(|| self.norm(i))
    }

    /// The gazetteer's classes for mention `i`'s text, looked up once per
    /// distinct text.
    pub fn classes(&self, i: usize) -> Classes {
        let Some(slot) = self.classes.get(self.id(i)) else {
            return gazetteer::lookup(&[self.text(i)]);
        };
        if let Some(c) = slot.get() {
            return c;
        }
        let c = gazetteer::lookup(&[self.text(i)]);
        slot.set(Some(c));
        c
    }
}

/// The words of a normal form after its first `k` ("b c" of "a b c" for 1).
pub fn after_words(norm: &str, k: usize) -> &str {
    if k == 0 {
        return norm;
    }
    norm.match_indices(' ').nth(k - 1).and_then(|(at, _)| norm.get(at + 1..)).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::EntityType;

    #[test]
    fn distinct_texts_share_one_normal_form_and_key() {
        let text = "Ann  Lee met U.S. and Ann  Lee met US.";
        let doc = Doc::new(text);
        let at = |w: &str, nth: usize| {
            let start = text.match_indices(w).nth(nth).map_or(0, |(i, _)| i);
            Mention { start, end: start + w.len(), kind: EntityType::PERSON, title: None }
        };
        let mentions = [at("Ann  Lee", 0), at("U.S.", 0), at("Ann  Lee", 1), at("US", 0)];
        let names = Names::new(&doc, &mentions);
        assert_eq!(names.norm(0), "ann lee");
        assert_eq!(names.norm(2), "ann lee");
        assert_eq!(names.norm(1), "u.s.");
        assert_eq!(names.key(1), names.key(3));
        assert_eq!(names.key(1), alias::key("U.S."));
        assert_eq!(names.key(0), "ann lee");
        assert_eq!(names.norm(9), "");
        assert_eq!((names.word_count(0), names.word_count(1), names.distinct()), (2, 1, 3));
        assert_eq!(names.id(2), names.id(0));
    }

    #[test]
    fn words_after_the_first_k() {
        assert_eq!(after_words("a b c", 0), "a b c");
        assert_eq!(after_words("a b c", 1), "b c");
        assert_eq!(after_words("a b c", 2), "c");
        assert_eq!(after_words("a b c", 3), "");
    }
}
