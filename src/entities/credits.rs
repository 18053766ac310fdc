//! Names in photo credits and bylines, read by their form rather than by
//! the tagger (which never saw "Ana Ruiz/Example Times"): after the lead
//! words ("Credit:", "Photo by", "Reporting by"), each run of capitalised
//! words between separators ("/", ";", ",", "and", "for") is an
//! organisation when it holds an agency or organisation word ("Images",
//! "Press", "Times") or is an acronym, and a person when it is two to four
//! other words. Page furniture has no names at all.
//!
//! Guarantees: linear in the paragraph's tokens; no panics.

use super::Mention;
use crate::text::kinds::{is_credit_lead, is_credit_org_word};
use crate::text::{Doc, ParagraphKind};
use crate::EntityType;
use std::ops::Range;

/// Words that lead or join a credit's parts and are never names.
fn is_lead(w: &str) -> bool {
    is_credit_lead(w)
        || matches!(
            w,
            "By" | "by"
                | "Reporting"
                | "Editing"
                | "Writing"
                | "Written"
                | "Contributing"
                | "Additional"
                | "Courtesy"
                | "courtesy"
                | "Via"
                | "via"
                | "Staff"
        )
}

/// The names of the credit or byline paragraph of tokens `toks`.
pub fn names(doc: &Doc, toks: Range<usize>) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    for i in toks.start..=toks.end {
        let w = doc.tok(i);
        let part = i < toks.end
            && !is_lead(w)
            && (w.starts_with(char::is_uppercase)
                || is_initial_dot(doc, i)
                || run.is_some() && is_particle(w));
        match (part, run) {
            (true, None) => run = Some(i),
            (false, Some(a)) => {
                out.extend(part_name(doc, a, i));
                run = None;
            }
            _ => {}
        }
    }
    out
}

/// "." right after an initial ("J." in "J. Ruiz").
fn is_initial_dot(doc: &Doc, i: usize) -> bool {
    doc.tok(i) == "."
        && i > 0
        && doc.tok(i - 1).chars().count() == 1
        && doc.tokens.get(i - 1).zip(doc.tokens.get(i)).is_some_and(|(a, b)| a.end() == b.start())
}

/// Lowercase words inside names ("Ana de Ruiz", "Museum of Art").
fn is_particle(w: &str) -> bool {
    matches!(w, "de" | "van" | "von" | "der" | "da" | "di" | "of" | "la" | "le" | "al" | "bin")
}

/// The name that tokens `a..b` (capitalised words) make, if any.
fn part_name(doc: &Doc, mut a: usize, mut b: usize) -> Option<Mention> {
    if b > a + 1 && doc.tok(a) == "The" {
        a += 1;
    }
    while b > a + 1 && (is_particle(doc.tok(b - 1)) || doc.tok(b - 1) == ".") {
        b -= 1;
    }
    let words: Vec<&str> = (a..b).map(|i| doc.tok(i)).filter(|w| *w != ".").collect();
    let acronym = words.len() == 1
        && words.iter().all(|w| w.len() >= 2 && !w.chars().any(char::is_lowercase));
    let kind = if acronym || words.iter().any(|w| is_credit_org_word(w)) {
        // "AP Photo" is the Associated Press's credit: the agency is "AP".
        while b > a + 1 && matches!(doc.tok(b - 1), "Photo" | "Photos" | "Pool") {
            b -= 1;
        }
        EntityType::ORG
    } else if (2..=4).contains(&words.len()) {
        EntityType::PERSON
    } else {
        return None;
    };
    Some(Mention {
        start: doc.tokens.get(a)?.start(),
        end: doc.tokens.get(b - 1)?.end(),
        kind,
        title: None,
    })
}

/// The token range of each paragraph of `doc` whose names come from its
/// form (credits and bylines) or that has none (furniture), with its kind.
pub fn special(doc: &Doc) -> Vec<(Range<usize>, ParagraphKind)> {
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        if matches!(
            p.kind,
            ParagraphKind::Credit | ParagraphKind::Byline | ParagraphKind::Furniture
        ) {
            let a = doc.sentences.get(p.sentences.start).map_or(0, |s| s.tokens.start);
            let b = doc.sentences.get(p.sentences.end.wrapping_sub(1)).map_or(0, |s| s.tokens.end);
            out.push((a..b, p.kind));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the last paragraph of `t`, a credit or byline.
    fn credit(t: &str) -> Vec<(String, EntityType)> {
        let doc = Doc::new(t);
        let Some((range, _)) = special(&doc).pop() else { return Vec::new() };
        names(&doc, range).iter().map(|m| (t[m.start..m.end].to_string(), m.kind)).collect()
    }

    #[test]
    fn a_credit_splits_into_person_and_organisation() {
        use EntityType::*;
        assert_eq!(
            credit("Credit: Ana Ruiz/Example Times"),
            [("Ana Ruiz".into(), PERSON), ("Example Times".into(), ORG)]
        );
        assert_eq!(
            credit("Rest underground.CreditAna Ruiz/Example Times"),
            [("Ana Ruiz".into(), PERSON), ("Example Times".into(), ORG)]
        );
        assert_eq!(
            credit("(AP Photo/Ana de Ruiz)"),
            [("AP".into(), ORG), ("Ana de Ruiz".into(), PERSON)]
        );
        assert_eq!(
            credit("Photo by J. Kern for The Northfield Post"),
            [("J. Kern".into(), PERSON), ("Northfield Post".into(), ORG)]
        );
        assert_eq!(
            credit("(Reporting by Ana Ruiz; Editing by Bo Kern)"),
            [("Ana Ruiz".into(), PERSON), ("Bo Kern".into(), PERSON)]
        );
    }
}
