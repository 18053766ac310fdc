//! Cuts applied to a content after [`super::content`] has found it: a
//! relative speaker's content ends at its clause's closing comma, and a
//! content after the verb ends before the occasion of the speech ("in an
//! interview on Sunday").
//!
//! Guarantees: each looks at a bounded window at one end of the content
//! (at most 28 tokens), so it is linear over a document; no panics.

use super::view::View;
use crate::text::lexicon::Class;

/// The longest look for a relative clause's closing comma, in tokens.
const COMMA_WINDOW: usize = 28;

/// Ends a relative speaker's content at its clause's closing comma: in
/// "Acme, which said it would cut jobs, lost money", what follows the comma
/// is the sentence's. `span` is the content [`super::content::content`] gave.
pub(super) fn relative_end(
    v: &View,
    group: usize,
    after: usize,
    span: (usize, usize),
) -> (usize, usize) {
    let (start, end) = span;
    let relative = group.checked_sub(1).is_some_and(|c| v.tok(c) == ",")
        && matches!(v.low(group), "who" | "which");
    if !relative || start < v.start(after) {
        return span;
    }
    let from = v.token_at(start);
    let upto = v.token_at(end).min(from + COMMA_WINDOW);
    let comma = (from + 1..upto).find(|&k| {
        v.tok(k) == ","
            && v.quote_of(k).is_none()
            && v.is_word(k + 1)
            && !v.is_cap(k + 1)
            && !matches!(v.low(k + 1), "and" | "but" | "or" | "which" | "who" | "that")
            && !v.is(k + 1, Class::Determiner)
    });
    comma.map_or(span, |c| (start, v.start(c)))
}

/// Ends a content that runs into the occasion of the speech: in "said the
/// plan would fail in an interview on Sunday", what was said ends before
/// "in an interview". Only a short adjunct at the content's very end is cut
/// (at most a dozen tokens, no clause of its own), and only contents after
/// the verb (from token `after` on).
pub(super) fn occasion_end(v: &View, after: usize, span: (usize, usize)) -> (usize, usize) {
    use crate::text::lexicon::is_occasion;
    let (start, end) = span;
    if start < v.start(after) {
        return span;
    }
    let (a, mut b) = (v.token_at(start), v.token_at(end));
    while b > a && matches!(v.tok(b - 1), "." | "," | "!" | "?") {
        b -= 1;
    }
    let from = b.saturating_sub(12).max(a + 3);
    // "in an interview", "during a speech", "on Twitter": an occasion of its
    // own, not "at an event in Florida" or "on television ads".
    let occasion = |k: usize| match v.low(k) {
        "in" | "during" => {
            matches!(v.low(k + 1), "a" | "an")
                && (k + 2..(k + 5).min(b)).any(|j| is_occasion(v.low(j)))
        }
        "on" => v.is_cap(k + 1) && is_occasion(v.low(k + 1)),
        _ => false,
    };
    let opening = (from..b).find(|&k| {
        occasion(k)
            && (k..b).all(|j| {
                v.quote_of(j).is_none() && !matches!(v.low(j), "that" | "who" | "which" | "," | ";")
            })
    });
    match opening {
        Some(k) => (start, v.start(k).max(start)),
        None => span,
    }
}

/// Ends a content after the verb before a closing comment set off by a
/// comma: in "said he did not back Mr. Trump, the presumed favorite" or
/// "said trade had grown, a key factor for decades", the last noun phrase
/// is the reporter's. Only a short phrase at the very end with no verb of
/// its own is cut (a bounded look back).
pub(super) fn comment_end(v: &View, after: usize, span: (usize, usize)) -> (usize, usize) {
    let (start, end) = span;
    if start < v.start(after) {
        return span;
    }
    let (a, mut b) = (v.token_at(start), v.token_at(end));
    while b > a && matches!(v.tok(b - 1), "." | "!" | "?") {
        b -= 1;
    }
    let from = b.saturating_sub(12).max(a + 4);
    let comma = (from..b).rev().find(|&k| v.tok(k) == ",");
    let Some(c) = comma.filter(|&c| matches!(v.low(c + 1), "a" | "an" | "the")) else {
        return span;
    };
    let verbless = (c + 1..b).all(|k| {
        let w = v.low(k);
        v.quote_of(k).is_none()
            && !matches!(w, "is" | "was" | "are" | "were" | "has" | "have" | "had" | "will" | "would" | "who" | "which" | "that")
    });
    if verbless && b > c + 2 {
        (start, v.start(c))
    } else {
        span
    }
}
