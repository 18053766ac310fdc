//! The distinct words of a document: each token's word id, so that later
//! stages classify a distinct word once (a list lookup, a lowercase form,
//! its casing) and then read an array per token, instead of hashing and
//! lowercasing the same string at every occurrence. A news article has
//! about four tokens for each distinct word.
//!
//! Guarantees: one hash lookup per token; ids are dense, in order of first
//! occurrence; no panics.

use super::tokens::Token;

/// The distinct token texts of a document, and each token's id among them.
pub struct Vocab<'t> {
    ids: Vec<u32>,
    words: Vec<&'t str>,
}

impl<'t> Vocab<'t> {
    /// Interns the tokens of `text`.
    #[inline(never)] pub fn new(text: &'t str, tokens: &[Token]) -> Self {
        // NOTE: an open-addressing table sized for the worst case (every
        // token distinct, half full) instead of a HashMap: this runs once
        // per token of every document, and a general map's hashing and
        // probing cost three times as much here.
        let size = (2 * tokens.len()).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![0u32; size]; // id + 1, 0 = empty
        let mut words: Vec<&'t str> = Vec::new();
        let mut hashes: Vec<u32> = Vec::new();
        let mut ids = Vec::with_capacity(tokens.len());
        for t in tokens {
            let w = t.text(text);
            let h = hash(w.as_bytes());
            let mut at = h as usize & mask;
            let id = loop {
                match slots.get(at).copied().unwrap_or(0) {
                    0 => {
                        words.push(w);
                        hashes.push(h);
                        if let Some(slot) = slots.get_mut(at) {
                            *slot = words.len() as u32;
                        }
                        break words.len() as u32 - 1;
                    }
                    s => {
                        let id = s - 1;
                        if hashes.get(id as usize) == Some(&h) && words.get(id as usize) == Some(&w) {
                            break id;
                        }
                        at = (at + 1) & mask;
                    }
                }
            };
            ids.push(id);
        }
        Vocab { ids, words }
    }

    /// The word id of token `i` (0 when out of range, as for an empty text).
    pub fn id(&self, i: usize) -> usize {
        self.ids.get(i).map_or(0, |&id| id as usize)
    }

    /// Every token's word id, in token order.
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }

    /// The distinct words, by id.
    pub fn words(&self) -> &[&'t str] {
        &self.words
    }

    /// `f` of each distinct word, by id: a per-word table to read per token
    /// with [`Vocab::id`].
    pub fn classify<T>(&self, f: impl FnMut(&'t str) -> T) -> Vec<T> {
        self.words.iter().copied().map(f).collect()
    }
}

/// A multiply-rotate hash of a token's bytes, 8 at a time.
fn hash(b: &[u8]) -> u32 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let mut w = [0u8; 8];
    for (d, s) in w.iter_mut().zip(chunks.remainder()) {
        *d = *s;
    }
    h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    (h >> 32) as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    #[test]
    fn each_distinct_word_gets_one_id() {
        let text = "Ann met Bob and Ann met Cy.";
        let v = Vocab::new(text, &tokenize(text));
        assert_eq!(v.ids(), [0, 1, 2, 3, 0, 1, 4, 5]);
        assert_eq!(v.words(), ["Ann", "met", "Bob", "and", "Cy", "."]);
        assert_eq!(v.classify(str::len), [3, 3, 3, 3, 2, 1]);
        assert_eq!(v.id(99), 0);
    }

    #[test]
    fn many_words_and_collisions_keep_their_ids() {
        let text: String = (0..5000).map(|i| format!("w{} ", i % 1700)).collect();
        let v = Vocab::new(&text, &tokenize(&text));
        assert_eq!(v.words().len(), 1700);
        assert!(v.ids().iter().enumerate().all(|(i, &id)| id as usize == i % 1700));
        assert_eq!(Vocab::new("", &[]).words().len(), 0);
    }

    #[test]
    fn case_makes_a_different_word() {
        let text = "The the THE";
        assert_eq!(Vocab::new(text, &tokenize(text)).words().len(), 3);
    }
}
