//! The text layer: offsets, tokens, sentences and paragraphs. Every later
//! stage reads a [`Doc`]; nothing here knows about quotes or entities.

pub mod lexicon;
pub mod fasthash;
pub mod offsets;
pub mod sentences;
pub mod tokens;

use sentences::{Paragraph, Sentence};
use tokens::Token;

/// A tokenized, sentence-split text. All offsets are UTF-8 byte offsets.
pub struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
}

impl<'t> Doc<'t> {
    /// Tokenizes and splits `text`.
    pub fn new(text: &'t str) -> Self {
        let tokens = tokens::tokenize(text);
        let (sentences, paragraphs) = sentences::split(text, &tokens);
        Doc { text, tokens, sentences, paragraphs }
    }

    /// The text of token `i` ("" when out of range).
    pub fn tok(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The text between two byte offsets ("" when not on char boundaries).
    pub fn slice(&self, start: usize, end: usize) -> &'t str {
        self.text.get(start..end).unwrap_or("")
    }

    /// Index of the first token starting at or after byte `b`.
    pub fn token_at_or_after(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| t.start < b)
    }
}
