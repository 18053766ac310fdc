//! Titles before people's names ("Secretary of State", "Gen.", "President"),
//! from the title list in `data/gazetteer/titles.txt`: found just before a
//! name, or split off the front of a name the model took them into.
//!
//! Guarantees: bounded work per name (titles are at most a few words); no
//! panics.

use crate::text::lexicon::gazetteer::{self, MAX_WORDS};
use crate::text::lexicon::Class;
use crate::text::vocab::Shape;
use crate::text::Doc;
use std::ops::Range;

/// The number of leading tokens of the name `range` that form a title,
/// leaving at least one word of name (the longest title wins).
pub fn leading(doc: &Doc, range: Range<usize>) -> Option<usize> {
    let most = range.len().saturating_sub(1).min(MAX_WORDS);
    let prefixes = gazetteer::walk(range.map(|i| doc.tok(i))).take(most);
    prefixes.enumerate().filter(|&(_, c)| c.has(Class::Title)).last().map(|(n, _)| n + 1)
}

/// The byte span of the longest title that ends right before token `first`,
/// if any. The title must start with a capital letter.
pub fn before(doc: &Doc, first: usize) -> Option<(usize, usize)> {
    let sent_start =
        doc.sentences.get(doc.sentences.partition_point(|s| s.tokens.end <= first))?.tokens.start;
    let lo = first.saturating_sub(MAX_WORDS).max(sent_start);
    let a = (lo..first).find(|&k| {
        let capital = doc.vocab.shape(k) & Shape::FIRST_UPPER != 0;
        capital && gazetteer::lookup_tokens(doc, k..first).has(Class::Title)
    })?;
    Some((doc.tokens.get(a)?.start(), doc.tokens.get(first.checked_sub(1)?)?.end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_title_before_a_name() {
        let t = "Then Secretary of State Ann Lee spoke.";
        let doc = Doc::new(t);
        let ann = doc.token_at_or_after(t.find("Ann").unwrap_or(0));
        let (s, e) = before(&doc, ann).expect("a title");
        assert_eq!(&t[s..e], "Secretary of State");
    }

    #[test]
    fn abbreviated_titles_and_none() {
        let t = "Gen. Bo Ray met Bo.";
        let doc = Doc::new(t);
        let (s, e) = before(&doc, 2).expect("a title");
        assert_eq!(&t[s..e], "Gen.");
        assert_eq!(before(&doc, 5), None);
    }

    #[test]
    fn leading_title_leaves_a_name() {
        let doc = Doc::new("President Ann Lee and Prime Minister Bo Ray.");
        assert_eq!(leading(&doc, 0..3), Some(1));
        assert_eq!(leading(&doc, 0..1), None);
        assert_eq!(leading(&doc, 1..3), None);
        assert_eq!(leading(&doc, 4..8), Some(2), "the longest title");
        assert_eq!(leading(&doc, 5..7), Some(1));
        assert_eq!(leading(&doc, 4..6), None, "a name word must be left");
    }
}
