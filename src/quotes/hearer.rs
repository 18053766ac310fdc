//! The hearer after a verb that takes one ("told reporters", "told
//! Sputnik", "informed them"): what was said starts after it.
//!
//! Guarantees: looks at most a speaker phrase's length past the verb
//! ([`super::inverted::right`]); no panics.

use super::speaker;
use super::view::View;

/// Skips the hearer after "told": "told reporters", "told Sputnik".
pub(super) fn skip_hearer(v: &View, after: usize, end: usize) -> usize {
    let low = v.low(after);
    if matches!(low, "him" | "her" | "them" | "me" | "us" | "you") {
        return after + 1;
    }
    // "asked whether Lee knew", "asked if …": the question, no hearer.
    if matches!(low, "that" | "whether" | "if") || !v.is_word(after) {
        return after;
    }
    // "promised compensation for those who …": a phrase that a relative
    // clause goes on from is the thing promised, not a hearer.
    let hearer = speaker::right(v, after, end)
        .filter(|r| !matches!(v.low(r.end), "who" | "which" | "whom"))
        .map_or(after, |r| r.end);
    // "told lawmakers no evidence supports it": a bare plural is the whole
    // hearer, after a modifier or two ("told local reporters").
    if !v.is_cap(after) && !v.is(after, crate::text::lexicon::Class::Determiner) {
        let plural = (after..hearer.min(after + 3)).find(|&k| {
            let w = v.low(k);
            w.ends_with('s') && !w.ends_with("ss") || matches!(w, "people" | "police")
        });
        if let Some(k) = plural {
            return k + 1;
        }
    }
    hearer
}
