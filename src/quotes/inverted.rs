//! The speaker after an inverted verb: "said Tillerson", "said a
//! spokesman for the campaign", "said Acme's recently named executive chair
//! Ann Lee", and whether such a phrase names a speaker rather than begins
//! what was said ("said Tuesday that ..."), and where what was said
//! resumes after the speaker's apposition ("said Lee, a Republican, ...").
//!
//! Guarantees: looks at most a dozen tokens on (twenty past an apposition)
//! and never leaves the sentence; no panics (all token access goes through
//! [`View`]).

use super::gap::skip_parenthesis;
use super::speaker::{name_part, number, possessive};
use super::view::View;
use crate::text::lexicon::Class;
use std::ops::Range;

/// The longest speaker phrase, in tokens.
const MAX_LEN: usize = 10;

/// The speaker phrase starting at token `start` after an inverted verb
/// ("said Tillerson", "said the company's spokesman"), not past `ceil`.
pub fn right(v: &View, start: usize, ceil: usize) -> Option<Range<usize>> {
    if start >= ceil || v.quote_of(start).is_some() {
        return None;
    }
    let low = v.low(start);
    if v.is(start, Class::Pronoun) {
        return (low != "it").then_some(start..start + 1);
    }
    if v.is(start, Class::Adjunct) && !v.is(start, Class::Determiner) && !v.is_person(start)
        || (v.is(start, Class::Stop) && !v.is(start, Class::Determiner))
    {
        return None;
    }
    if matches!(low, "that" | "this" | "these" | "those" | "its" | "their" | "his" | "her") {
        return None; // "said that ...", "said his plan ...": the content, not a speaker
    }
    let mut k = start;
    let mut words = 0;
    while k < ceil && k - start < MAX_LEN && v.quote_of(k).is_none() {
        let low = v.low(k);
        let number = number(v, k);
        // One branch per case, each with its example, though some agree.
        #[allow(clippy::if_same_then_else)]
        let ok = if words > 0 && super::subject::finite(v, k) {
            false // "by soldiers held there", "said a group based in Ohio"
        } else if v.is(k, Class::Determiner)
            && (k == start || matches!(v.low(k - 1), "of" | "for" | "with"))
        {
            true
        } else if v.tok(k) == "-" && k > start && v.end(k - 1) == v.start(k) && v.end(k) == v.start(k + 1) {
            true // "said the long-time aide": a hyphenated word
        } else if (number || matches!(v.tok(k), "-" | "/"))
            && (words == 0 || number && v.is(k - 1, Class::Determiner))
            && k < start + 5
        {
            true // "wrote 43-year-old Ann Lee", "said the 25-year-old"
        } else if v.tok(k) == "."
            && k > start
            && v.end(k - 1) == v.start(k)
            && v.end(k) == v.start(k + 1)
            && v.is_word(k + 1)
        {
            true // "told Polygraph.info"
        } else if name_part(v, k) || possessive(v, k) {
            !v.is(k, Class::Adjunct) || v.is_person(k)
        } else if words > 0
            && low.ends_with("ly")
            && v.low(k + 1).ends_with("ed")
            && (v.is(k + 2, Class::Title) || v.is_cap(k + 2))
        {
            true // "said Acme's recently named executive chair Ann Lee"
        } else if low == "of" || low == "for" || low == "with" && v.low(k - 1) == "familiar" {
            words > 0
                && (v.is_cap(k + 1) || v.is(k + 1, Class::Determiner) || v.is(k + 1, Class::Title))
        } else {
            v.is_word(k)
                && !v.is(k, Class::Stop)
                && !v.is(k, Class::Skip)
                && !v.is(k, Class::Adjunct)
        };
        if !ok {
            break;
        }
        if v.is_word(k) {
            words += 1;
        }
        k += 1;
    }
    while k > start && matches!(v.low(k - 1), "of" | "for" | "the" | "a" | "-") {
        k -= 1;
    }
    // Trimming "a", "the", "of" can leave nothing ("according to A..."): no speaker then.
    (k > start && words > 0 && !(k == start + 1 && v.is(start, Class::Determiner)))
        .then_some(start..k)
}

/// Whether a phrase after an inverted verb names a speaker ("said
/// Tillerson.", "said the secretary,") rather than begins the content.
pub fn plausible_inverted(v: &View, r: Range<usize>, end: usize) -> bool {
    // "said the company.", "said the ruling.": an organisation or a document
    // speaks for its authors.
    let issuer = |k: usize| v.is(k, Class::Org) || crate::text::lexicon::is_document(v.low(k));
    let described = v.is(r.start, Class::Determiner) && r.clone().skip(1).any(issuer);
    let next = skip_parenthesis(v, r.end);
    // "said the 25-year-old.", "said the veteran, who …": a short
    // description that ends its clause is who spoke.
    let short = matches!(v.low(r.start), "the" | "a" | "an")
        && r.len() <= 6
        && (next >= end || matches!(v.tok(next), "," | "." | "who"));
    let named = described
        || short
        || r.clone().any(|k| name_part(v, k) && v.is_word(k) || v.is(k, Class::Title))
        || r.len() == 1 && matches!(v.low(r.start), "he" | "she" | "they" | "we" | "i");
    let closes = next >= end
        || matches!(v.tok(next), "," | "." | ":" | ";" | "!" | "?" | "—" | "who" | "whose")
        || v.quote_of(next).is_some()
        || v.is(next, Class::Adjunct);
    named && closes
}

/// Skips ", a Republican of South Carolina," after an inverted speaker.
pub(super) fn skip_apposition(v: &View, after: usize, end: usize) -> usize {
    // ", says Lee, is the network": the sentence resumes, no apposition.
    let resumes = matches!(
        v.low(after + 1),
        "is" | "was" | "are" | "were" | "has" | "have" | "had" | "will" | "would" | "can" | "could"
    );
    if v.tok(after) != "," || resumes {
        return after;
    }
    if matches!(v.low(after + 1), "who" | "whose") {
        return end; // "said Tom Bell, who heads …, a group that …": all about him
    }
    let mut k = after + 1;
    while k < end && k < after + 20 && v.quote_of(k).is_none() {
        if v.tok(k) == "," && !matches!(v.low(k + 1), "that" | "adding" | "saying") {
            return k;
        }
        if matches!(v.tok(k), "." | "!" | "?") {
            return k;
        }
        k += 1;
    }
    after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn right_of(t: &str, word: &str) -> String {
        let d = Doc::new(t);
        let v = View::new(&d);
        let i = (0..v.len()).find(|&i| v.tok(i) == word).unwrap();
        right(&v, i + 1, v.len())
            .map(|r| t[v.start(r.start)..v.end(r.end - 1)].to_string())
            .unwrap_or_default()
    }

    #[test]
    fn inverted_speakers() {
        assert_eq!(right_of("\"No,\" said Tillerson.", "said"), "Tillerson");
        assert_eq!(
            right_of("\"No,\" said a spokesman for the campaign.", "said"),
            "a spokesman for the campaign"
        );
        assert_eq!(
            right_of("\"No,\" said Senator Lindsey Graham, a Republican.", "said"),
            "Senator Lindsey Graham"
        );
        assert_eq!(right_of("\"No,\" said the 25-year-old.", "said"), "the 25-year-old");
        assert_eq!(right_of("He said Tuesday that it works.", "said"), "");
        assert_eq!(right_of("He said that it works.", "said"), "");
    }
}
