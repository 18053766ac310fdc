//! What an apposition says a one-word name is, whatever the tagger typed
//! it: an organisation when described as one right after it ("Quillo, a
//! two-year-old email startup, has raised …", "Brightwave, the streaming
//! service,"), a person when named after a tie to another ("His son,
//! Callum, is …", with the gender the tie marks). Invented company names
//! look like surnames to the tagger, and rare given names like places.
//!
//! Guarantees: looks at most [`REACH`] bytes after each mention; no panics.

use super::Gender;
use crate::entities::Mention;
use crate::text::lexicon::{self, Class, WordSet};
use crate::text::Doc;

/// How far after a name its apposition is read, in bytes.
const REACH: usize = 80;

/// Whether the one-word names `ms` (a cluster's mentions) are an
/// organisation's by an apposition after one of them. A known given name
/// ("Grace, a nurse at …") is never one.
pub(super) fn names_an_org(doc: &Doc, mentions: &[Mention], ms: &[usize], name: &str) -> bool {
    let tags = lexicon::tags(&name.to_lowercase());
    if name.contains(' ') || tags.has(Class::Male) || tags.has(Class::Female) {
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
    head.is_some_and(|h| ORG_NOUNS.contains(h.to_lowercase().as_str()))
}

/// The gender a tie before one of the one-word names `ms` marks ("His son,
/// Callum," gives `Some(Male)`; "her neighbour, Sol," `Some(Unknown)`), or
/// `None` when no mention follows an owner, a tie and a comma.
pub(super) fn kin_before(doc: &Doc, mentions: &[Mention], ms: &[usize], name: &str) -> Option<Gender> {
    if name.contains(' ') {
        return None;
    }
    ms.iter().filter_map(|&i| mentions.get(i)).find_map(|m| tie_before(doc.text, m.start))
}

/// The tie's gender when the text before byte `start` ends with an owner,
/// a tie and a comma ("his son, "; `data/coref/kin_nouns.txt`).
fn tie_before(text: &str, start: usize) -> Option<Gender> {
    let before = text.get(..start)?.strip_suffix(", ")?;
    let from = before.char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let mut words = before.get(from..)?.split_whitespace().rev();
    let tie = words.next()?.to_lowercase();
    let owner = words.next()?.to_lowercase();
    if !matches!(owner.as_str(), "his" | "her" | "their" | "my" | "our" | "the" | "a") {
        return None;
    }
    kin_nouns().iter().find(|(n, _)| *n == tie).map(|&(_, g)| g)
}

/// `data/coref/kin_nouns.txt` as (noun, gender), read once.
fn kin_nouns() -> &'static [(&'static str, Gender)] {
    static LIST: std::sync::OnceLock<Vec<(&'static str, Gender)>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        lexicon::lists::COREF_KIN_NOUNS
            .entries()
            .filter_map(|e| {
                let (noun, g) = e.split_once(' ')?;
                let g = match g.trim() {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => Gender::Unknown,
                };
                Some((noun, g))
            })
            .collect()
    })
}

/// `data/coref/org_nouns.txt`.
static ORG_NOUNS: WordSet = WordSet::new(lexicon::lists::COREF_ORG_NOUNS);

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

    #[test]
    fn ties_before_a_name() {
        use super::{tie_before, Gender};
        let t = "His son, Callum, is less sure.";
        assert_eq!(tie_before(t, 9), Some(Gender::Male));
        let t = "Her neighbour, Sol, agreed.";
        assert_eq!(tie_before(t, 15), Some(Gender::Unknown));
        let t = "In Paris, Lyon and Nice, it rained.";
        assert_eq!(tie_before(t, 10), None);
    }
}
