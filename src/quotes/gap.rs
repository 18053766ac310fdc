//! What may stand between a speaker and its verb, walked over leftwards
//! from the verb: adverbs and auxiliaries ("also", "has repeatedly"), a
//! time ("on Tuesday"), a parenthesis ("Rep. Jones (D-N.Y.) said") and an
//! apposition between dashes ("Lee -- co-editor of a book -- said").
//!
//! Guarantees: each step looks back a bounded number of tokens and never
//! passes the floor it is given; no panics.

use super::view::View;
use crate::text::lexicon::Class;

/// Walks left from the verb at `cue` over "also", "has", "repeatedly" and a
/// parenthesis ("Rep. Jones (D-N.Y.) said"); returns the token after the
/// subject and whether a form of "be" was passed (a passive).
pub fn skip_left(v: &View, cue: usize, floor: usize) -> (usize, bool) {
    let mut l = cue;
    let mut passive = false;
    while l > floor {
        let low = v.low(l - 1);
        if v.is(l - 1, Class::Skip)
            || !v.is_cap(l - 1) && v.is_word(l - 1) && low.len() > 4 && low.ends_with("ly")
            || contraction(v, l - 1)
        {
            passive |=
                matches!(low, "was" | "were" | "is" | "are" | "am" | "been" | "be") || contraction(v, l - 1);
            l -= 1;
        } else if l >= floor + 2
            && matches!(v.low(l - 2), "in" | "on" | "last" | "this" | "earlier" | "late" | "early")
            && (super::speaker::number(v, l - 1) || v.is(l - 1, Class::Adjunct))
        {
            l -= 2; // "who in 2010 said", "Smith on Tuesday said"
        } else if v.tok(l - 1) == ")" {
            match (l.saturating_sub(10).max(floor)..l - 1).rev().find(|&k| v.tok(k) == "(") {
                Some(open) => l = open,
                None => break,
            }
        } else if let Some(close) = dash_ending(v, l - 1, floor) {
            // "Lee -- co-editor of a book -- said": the subject is before the
            // first dash; nothing quoted between the two.
            let lowest = close.saturating_sub(MAX_DASHED).max(floor);
            let open = (lowest..close)
                .rev()
                .take_while(|&k| v.quote_of(k).is_none())
                .find_map(|k| dash_ending(v, k, floor));
            match open.filter(|&k| k > floor && v.is_word(k - 1)) {
                Some(open) => l = open,
                None => break,
            }
        } else {
            break;
        }
    }
    (l, passive)
}

/// The longest apposition between two dashes, in tokens.
const MAX_DASHED: usize = 25;

/// The first token of a dash that ends at token `k` ("—", or "--" written
/// as two hyphens), not before `floor`.
pub(super) fn dash_ending(v: &View, k: usize, floor: usize) -> Option<usize> {
    match v.tok(k) {
        "—" | "–" | "―" => Some(k),
        "-" => k.checked_sub(1).filter(|&p| p >= floor && v.tok(p) == "-"),
        _ => None,
    }
}

/// Whether token `k` is the "'s" of "he's" ("is" or "has"), not a possessive.
pub fn contraction(v: &View, k: usize) -> bool {
    matches!(v.low(k), "’s" | "'s")
        && k.checked_sub(1)
            .is_some_and(|p| matches!(v.low(p), "he" | "she" | "it" | "that" | "who" | "there"))
}

/// Skips a parenthesis at `k` ("(D-N.Y.)"), returning the token after it.
pub fn skip_parenthesis(v: &View, k: usize) -> usize {
    if v.tok(k) != "(" {
        return k;
    }
    (k + 1..k + 10).find(|&e| v.tok(e) == ")").map_or(k, |e| e + 1)
}

