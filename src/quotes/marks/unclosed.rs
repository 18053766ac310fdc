//! A quotation left open by a typing slip, `"We are ready, said party
//! leader Tom Dale.`, that its own attribution shows where it should have
//! closed: at the comma before a reporting verb and its speaker that end
//! the sentence.
//!
//! Guarantees: looks only inside the one unclosed span, at most
//! [`MAX_TAIL`] tokens past each comma; no panics.

use super::Marked;
use crate::text::lexicon::tags;
use crate::text::Doc;

/// The longest attribution after the comma, up to its sentence's end.
const MAX_TAIL: usize = 12;

/// Closes `m`, which no mark closed and no later paragraph continues, at a
/// comma that an attribution ending its sentence follows (", said Tom
/// Dale.", ", she said."), if there is one.
pub(super) fn close_at_attribution(doc: &Doc, m: &mut Marked) {
    let (first, last) = (doc.token_at_or_after(m.start), doc.token_at_or_after(m.end));
    let comma = (first..last).find(|&k| doc.tok(k) == "," && attribution_follows(doc, k + 1, last));
    if let Some(c) = comma.and_then(|c| doc.tokens.get(c)) {
        m.end = c.start();
        m.close = c.start();
        m.closed = true;
    }
}

/// Whether tokens from `k` are a reporting verb and its speaker, or a
/// speaker and its verb, then the end of the sentence, before `last`.
fn attribution_follows(doc: &Doc, k: usize, last: usize) -> bool {
    let Some(end) = (k..last.min(k + MAX_TAIL)).find(|&j| matches!(doc.tok(j), "." | "!" | "?"))
    else {
        return false;
    };
    let cue = |j: usize| tags(&doc.tok(j).to_lowercase()).is_cue_word();
    let capital = |j: usize| doc.tok(j).starts_with(char::is_uppercase);
    // ", said party leader Tom Dale." or ", she said." / ", Tom Dale said."
    let inverted = cue(k) && (k + 1..end).any(capital);
    let plain = end > k + 1
        && cue(end - 1)
        && (k..end - 1).all(|j| capital(j) || matches!(doc.tok(j), "he" | "she" | "they"));
    inverted || plain
}

#[cfg(test)]
mod tests {
    use super::super::pair;
    use crate::text::Doc;

    #[test]
    fn an_open_quote_closes_before_its_attribution() {
        let t = "\"We are ready, and we will win, said party leader Tom Dale.\n\nThe vote is Friday.";
        let m = pair(&Doc::new(t));
        assert_eq!(m.first().map(|m| &t[m.start..m.end]), Some("We are ready, and we will win"));
        let t = "\"We will win the vote, she said.\n\nThe vote is Friday.";
        let m = pair(&Doc::new(t));
        assert_eq!(m.first().map(|m| &t[m.start..m.end]), Some("We will win the vote"));
        // No attribution at the end: the span runs to the paragraph's end.
        let t = "\"We are ready, and we will win.\n\nThe vote is Friday.";
        let m = pair(&Doc::new(t));
        assert!(m.first().is_some_and(|m| !m.closed));
    }
}
