//! Finds the phrase that names the speaker next to a reporting verb: the
//! subject before it ("Secretary of State Rex Tillerson said", "the
//! secretary said", "White House officials say", "he added") or the phrase
//! after it when the order is inverted ("said Tillerson", "said a spokesman
//! for the campaign").
//!
//! Guarantees: looks at most a dozen tokens each way and never leaves the
//! sentence; no panics (all token access goes through [`View`]).

use super::lexicon::{is, Class};
use super::view::View;
use std::ops::Range;

/// The longest speaker phrase, in tokens.
const MAX_LEN: usize = 10;

/// Whether token `i` is a "." that ends a short abbreviation ("Sen.", "Mr.").
fn abbrev_dot(v: &View, i: usize) -> bool {
    v.tok(i) == "." && i.checked_sub(1).is_some_and(|p| v.is_cap(p) && v.tok(p).len() <= 4 && v.end(p) == v.start(i))
}

/// Whether token `i` is a possessive mark ("’s", or "’" after "Sanders").
fn possessive(v: &View, i: usize) -> bool {
    matches!(v.low(i), "’s" | "'s" | "’" | "'") && v.quote_of(i).is_none()
}

/// Whether token `i` may be part of a name ("Secretary of State Rex Tillerson").
fn name_part(v: &View, i: usize) -> bool {
    (v.is_cap(i) && !is(Class::Adjunct, v.low(i))) || abbrev_dot(v, i) || matches!(v.tok(i), "-" | "&")
}

/// The subject phrase ending just before token `end` (exclusive), not
/// before `floor`: a pronoun, a name with its title, or a description.
pub fn left(v: &View, end: usize, floor: usize) -> Option<Range<usize>> {
    let h = end.checked_sub(1).filter(|&h| h >= floor)?;
    let low = v.low(h);
    if v.quote_of(h).is_some() || is(Class::Stop, low) && !is(Class::Pronoun, low) {
        return None;
    }
    if is(Class::Pronoun, low) {
        return Some(h..h + 1);
    }
    if !v.is_word(h) && !abbrev_dot(v, h) {
        return None;
    }
    let capital_head = name_part(v, h);
    let mut k = h;
    while k > floor && h + 1 - k < MAX_LEN {
        let p = k - 1;
        let low = v.low(p);
        if v.quote_of(p).is_some() {
            break;
        }
        let keep = if is(Class::Determiner, low) {
            k = p; // "the secretary": take the determiner and stop
            break;
        } else if name_part(v, p) || possessive(v, p) {
            true
        } else if low == "of" || low == "for" {
            // "Secretary of State X", "spokesman for the campaign": only inside a phrase.
            p > floor && (v.is_cap(p - 1) || is(Class::Title, v.low(p - 1)))
        } else if v.is_word(p) && !is(Class::Stop, low) && !is(Class::Skip, low) {
            // A lower-case modifier: a title ("spokesman"), or any word of a description.
            is(Class::Title, low) || !capital_head
        } else {
            false
        };
        if !keep {
            break;
        }
        k = p;
    }
    // Do not start on a dangling "of" or possessive.
    while k < h && (matches!(v.low(k), "of" | "for" | "-" | "&") || possessive(v, k)) {
        k += 1;
    }
    Some(k..h + 1)
}

/// The speaker phrase starting at token `start` after an inverted verb
/// ("said Tillerson", "said the company's spokesman"), not past `ceil`.
pub fn right(v: &View, start: usize, ceil: usize) -> Option<Range<usize>> {
    if start >= ceil || v.quote_of(start).is_some() {
        return None;
    }
    let low = v.low(start);
    if is(Class::Pronoun, low) {
        return (low != "it").then_some(start..start + 1);
    }
    if is(Class::Adjunct, low) && !is(Class::Determiner, low) || (is(Class::Stop, low) && !is(Class::Determiner, low)) {
        return None;
    }
    let mut k = start;
    let mut words = 0;
    while k < ceil && k - start < MAX_LEN && v.quote_of(k).is_none() {
        let low = v.low(k);
        let ok = if is(Class::Determiner, low) && (k == start || matches!(v.low(k - 1), "of" | "for")) {
            true
        } else if name_part(v, k) || possessive(v, k) {
            !is(Class::Adjunct, low)
        } else if low == "of" || low == "for" {
            words > 0 && (v.is_cap(k + 1) || is(Class::Determiner, v.low(k + 1)) || is(Class::Title, v.low(k + 1)))
        } else {
            v.is_word(k) && !is(Class::Stop, low) && !is(Class::Skip, low) && !is(Class::Adjunct, low)
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
    (words > 0 && !(k == start + 1 && is(Class::Determiner, v.low(start)))).then_some(start..k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn left_of(t: &str, word: &str) -> String {
        let d = Doc::new(t);
        let v = View::new(&d);
        let i = (0..v.len()).find(|&i| v.tok(i) == word).unwrap();
        left(&v, i, 0).map(|r| t[v.start(r.start)..v.end(r.end - 1)].to_string()).unwrap_or_default()
    }

    fn right_of(t: &str, word: &str) -> String {
        let d = Doc::new(t);
        let v = View::new(&d);
        let i = (0..v.len()).find(|&i| v.tok(i) == word).unwrap();
        right(&v, i + 1, v.len()).map(|r| t[v.start(r.start)..v.end(r.end - 1)].to_string()).unwrap_or_default()
    }

    #[test]
    fn subject_names_titles_and_descriptions() {
        assert_eq!(left_of("Secretary of State Rex Tillerson said so.", "said"), "Secretary of State Rex Tillerson");
        assert_eq!(left_of("Then the secretary said so.", "said"), "the secretary");
        assert_eq!(left_of("White House spokesman Josh Earnest said so.", "said"), "White House spokesman Josh Earnest");
        assert_eq!(left_of("After the vote Smith said so.", "said"), "Smith");
        assert_eq!(left_of("Democratic strategists say so.", "say"), "Democratic strategists");
        assert_eq!(left_of("Sen. Ted Cruz said so.", "said"), "Sen. Ted Cruz");
        assert_eq!(left_of("The plan, he said, works.", "said"), "he");
        assert_eq!(left_of("It was bad and said so.", "said"), "");
    }

    #[test]
    fn inverted_speakers() {
        assert_eq!(right_of("\"No,\" said Tillerson.", "said"), "Tillerson");
        assert_eq!(right_of("\"No,\" said a spokesman for the campaign.", "said"), "a spokesman for the campaign");
        assert_eq!(right_of("\"No,\" said Senator Lindsey Graham, a Republican.", "said"), "Senator Lindsey Graham");
        assert_eq!(right_of("He said Tuesday that it works.", "said"), "");
        assert_eq!(right_of("He said that it works.", "said"), "");
    }
}
