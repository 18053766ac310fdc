//! The text layer: offsets, tokens, sentences and paragraphs. Every later
//! stage reads a [`Doc`]; nothing here knows about quotes or entities.

pub mod fasthash;
pub mod html_marks;
pub mod hyphens;
pub mod intern;
pub mod kinds;
pub mod lexicon;
pub mod offsets;
pub mod sentences;
pub mod swar;
pub mod table;
pub mod tokens;
pub mod vocab;
pub mod wordkey;
pub mod wrap;

pub use kinds::ParagraphKind;
use sentences::{Paragraph, Sentence};
use tokens::Token;
use vocab::Vocab;

/// A tokenized, sentence-split text. All offsets are UTF-8 byte offsets.
pub struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    /// The distinct words and each token's id among them.
    pub vocab: Vocab<'t>,
    /// The byte offsets of line breaks inside paragraphs (hard-wrapped
    /// text), in order: text to read as if the break were a space.
    pub wraps: Vec<u32>,
    /// For each [`BLOCK`] bytes of text, the first token starting in or after
    /// it: finding the token at a byte offset searches one block, not the
    /// whole token list (whose binary search misses the cache on long texts).
    blocks: Vec<u32>,
}

/// Bytes per entry of [`Doc`]'s token index.
const BLOCK: usize = 64;

impl<'t> Doc<'t> {
    /// Tokenizes and splits `text`, which must be under 4 GiB (token offsets
    /// are 32-bit; [`crate::analyze`] cuts longer texts into pieces).
    #[cfg(any(test, feature = "internals"))]
    pub fn new(text: &'t str) -> Self {
        Self::with_margin(text, None)
    }

    /// A [`Doc`] of a text whose right margin is known to be `margin`
    /// (the original's, for a text [`hyphens::rejoin`] rewrote: moving a
    /// word to the next line may make that line longer).
    pub fn with_margin(text: &'t str, margin: Option<usize>) -> Self {
        let mut tokens = tokens::tokenize(text);
        kinds::split_glued(text, &mut tokens);
        let (sentences, mut paragraphs, wraps) = sentences::split_lines(text, &tokens, margin);
        kinds::classify(text, &tokens, &sentences, &mut paragraphs);
        let mut blocks = Vec::with_capacity(text.len() / BLOCK + 2);
        let mut i = 0;
        for k in 0..=text.len() / BLOCK + 1 {
            while tokens.get(i).is_some_and(|t| t.start() < k * BLOCK) {
                i += 1;
            }
            blocks.push(i as u32);
        }
        let vocab = Vocab::new(text, &tokens);
        Doc { text, tokens, sentences, paragraphs, vocab, wraps, blocks }
    }

    /// The text of token `i` ("" when out of range).
    pub fn tok(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The text between two byte offsets ("" when not on char boundaries).
    pub fn slice(&self, start: usize, end: usize) -> &'t str {
        debug_assert!(start <= end && self.text.get(start..end).is_some(), "{start}..{end}");
        self.text.get(start..end).unwrap_or("")
    }

    /// Whether the gap between bytes `a` and `b` is on one line, or crosses
    /// only wrapped line breaks ([`Doc::wraps`]).
    #[inline]
    pub fn one_line(&self, a: usize, b: usize) -> bool {
        let gap = self.text.as_bytes().get(a..b).unwrap_or(&[]);
        if self.wraps.is_empty() {
            return !gap.iter().any(|&c| c == b'\n' || c == b'\r');
        }
        gap.iter().enumerate().all(|(k, &c)| match c {
            b'\n' => u32::try_from(a + k).is_ok_and(|at| self.wraps.binary_search(&at).is_ok()),
            b'\r' => gap.get(k + 1) == Some(&b'\n'),
            _ => true,
        })
    }

    /// Index of the first token starting at or after byte `b`.
    pub fn token_at_or_after(&self, b: usize) -> usize {
        let k = b / BLOCK;
        let (Some(&lo), Some(&hi)) = (self.blocks.get(k), self.blocks.get(k + 1)) else {
            return self.tokens.partition_point(|t| t.start() < b);
        };
        let (lo, hi) = (lo as usize, hi as usize);
        lo + self.tokens.get(lo..hi).map_or(0, |ts| ts.partition_point(|t| t.start() < b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_at_or_after_agrees_with_a_full_search() {
        let text = "Ann  said, “yes.” ".repeat(40) + "end";
        let doc = Doc::new(&text);
        for b in 0..=text.len() + 3 {
            assert_eq!(
                doc.token_at_or_after(b),
                doc.tokens.partition_point(|t| t.start() < b),
                "byte {b}"
            );
        }
    }
}
