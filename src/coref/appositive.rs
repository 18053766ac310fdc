//! A name the tagger typed as a person that the article describes as an
//! organisation in an apposition right after it: "Quillo, a two-year-old
//! email startup, has raised …", "Brightwave, the streaming service,".
//! Invented company names look like surnames to the tagger; the
//! description says what they are.
//!
//! Guarantees: looks at most [`REACH`] bytes after each mention; no panics.

use crate::entities::Mention;
use crate::text::fasthash::FastSet;
use crate::text::lexicon::{self, Class};
use crate::text::Doc;

/// How far after a name its apposition is read, in bytes.
const REACH: usize = 80;

/// Whether the one-word names `ms` (a cluster's mentions) are an
/// organisation's by an apposition after one of them. A known given name
/// ("Grace, a nurse at …") is never one.
pub(super) fn names_an_org(doc: &Doc, mentions: &[Mention], ms: &[usize], name: &str) -> bool {
    if name.contains(' ') || lexicon::tags(&name.to_lowercase()).has(Class::Male)
        || lexicon::tags(&name.to_lowercase()).has(Class::Female)
    {
        return false;
    }
    ms.iter().filter_map(|&i| mentions.get(i)).any(|m| described(doc.text, m.end))
}

/// Whether the text after byte `end` is ", a/an/the …" whose head noun, the
/// last word before a comma, a full stop or a preposition, is an
/// organisation noun (`data/coref/org_nouns.txt`).
fn described(text: &str, end: usize) -> bool {
    let Some(after) = text.get(end..) else { return false };
    let Some(rest) = after.strip_prefix(", ") else { return false };
    let cut = rest.char_indices().take_while(|&(i, _)| i < REACH).map(|(i, c)| i + c.len_utf8()).last();
    let window = rest.get(..cut.unwrap_or(0)).unwrap_or("");
    let phrase = window.split([',', '.', ';', '(', ')']).next().unwrap_or("");
    let mut words = phrase.split_whitespace();
    if !matches!(words.next(), Some("a" | "an" | "the")) {
        return false;
    }
    let head = words
        .take_while(|w| !matches!(*w, "of" | "for" | "at" | "in" | "with" | "from" | "on" | "to" | "by" | "and" | "who" | "that" | "which"))
        .last();
    head.is_some_and(|h| org_nouns().contains(h.to_lowercase().as_str()))
}

/// `data/coref/org_nouns.txt`, read once.
fn org_nouns() -> &'static FastSet<&'static str> {
    static SET: std::sync::OnceLock<FastSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| lexicon::lists::COREF_ORG_NOUNS.entries().collect())
}

#[cfg(test)]
mod tests {
    use super::described;

    #[test]
    fn apposition_heads() {
        let t = "Quillo, a two-year-old email startup, has raised money.";
        assert!(described(t, 6));
        let t = "Brightwave, the streaming service.";
        assert!(described(t, 10));
        // The head is before "for": a person who speaks for a company.
        let t = "Osei, a spokesman for the company, said.";
        assert!(!described(t, 4));
        let t = "Osei, a former bank clerk, said.";
        assert!(!described(t, 4));
        assert!(!described("Osei said.", 4));
    }
}
