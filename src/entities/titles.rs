//! Titles before people's names ("Secretary of State", "Gen.", "President"),
//! from the title list in `data/gazetteer/titles.txt`: found just before a
//! name, or split off the front of a name the model took them into.
//!
//! Guarantees: bounded work per name (titles are at most a few words); no
//! panics.

use super::gazetteer::{self, Class, MAX_WORDS};
use crate::text::Doc;

fn is_title(words: &[&str]) -> bool {
    gazetteer::has(gazetteer::lookup(words), Class::Title)
}

/// The number of leading words of a name that form a title, leaving at
/// least one word of name (the longest title wins).
pub fn leading(words: &[&str]) -> Option<usize> {
    (1..words.len().min(MAX_WORDS + 1)).rev().find(|&n| words.get(..n).is_some_and(is_title))
}

/// The byte span of the longest title that ends right before token `first`,
/// if any. The title must start with a capital letter.
pub fn before(doc: &Doc, first: usize) -> Option<(usize, usize)> {
    let sent_start = doc.sentences.get(doc.sentences.partition_point(|s| s.tokens.end <= first))?.tokens.start;
    let lo = first.saturating_sub(MAX_WORDS).max(sent_start);
    let words: Vec<&str> = (lo..first).map(|i| doc.tok(i)).collect();
    let a = (0..words.len()).find(|&k| {
        let capital = words.get(k).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        capital && words.get(k..).is_some_and(is_title)
    })?;
    Some((doc.tokens.get(lo + a)?.start, doc.tokens.get(first.checked_sub(1)?)?.end))
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
        assert_eq!(leading(&["President", "Ann", "Lee"]), Some(1));
        assert_eq!(leading(&["President"]), None);
        assert_eq!(leading(&["Ann", "Lee"]), None);
    }
}
