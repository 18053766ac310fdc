//! Quoted fragments framed by a plain verb: `Trump openly admires Putin as a
//! “strong leader”`, `Cruz exhorted Republicans to “vote your conscience”`.
//! A short quotation that no reporting verb claims counts when its sentence
//! opens with a named subject and a verb; the content runs from after the
//! verb to the end of the quotation.
//!
//! Guarantees: looks at a bounded window before the quotation; no panics.

use super::lexicon::{is, Class};
use super::speaker;
use super::view::View;
use super::Draft;

/// The longest stretch from the verb to the quotation, in tokens.
const MAX_SPAN: usize = 25;

/// The framed partial quote around quoted span `mi`, if its sentence has one.
pub(super) fn framed(v: &View, mi: usize) -> Option<super::Draft> {
    let m = v.marks.get(mi)?;
    let open = v.token_at(m.open);
    let sent = v.sentence_tokens(v.sentence_of(open));
    let subject = speaker::sentence_subject(v, sent.start, open)?;
    let named = subject.clone().any(|k| v.is_cap(k)) || matches!(v.low(subject.start), "he" | "she" | "they");
    if !named || subject.end >= open {
        return None;
    }
    let (mut verb, _) = (subject.end, ());
    while verb < open && (is(Class::Skip, v.low(verb)) || v.low(verb).ends_with("ly") && !v.is_cap(verb)) {
        verb += 1;
    }
    let low = v.low(verb);
    let verbish = v.is_word(verb) && !v.is_cap(verb) && !is(Class::Stop, low) && (low.ends_with('s') || low.ends_with("ed"));
    if !verbish || verb + 1 > open || open - verb > MAX_SPAN {
        return None;
    }
    // Nothing between the verb and the quotation may end a sentence or quote.
    if (verb + 1..open).any(|k| matches!(v.tok(k), "." | "?" | "!" | ";") || v.quote_of(k).is_some()) {
        return None;
    }
    Some(Draft {
        start: v.start(verb + 1),
        end: m.end,
        cue: Some(verb..verb + 1),
        speaker: Some(subject),
        same_as: None,
        paragraph: m.paragraph,
    })
}
