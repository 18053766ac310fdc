//! What follows a reporting verb phrase ([`after_kind`]: a clause, the
//! sentence's end, an adjunct or a colon), and the shapes after it that
//! decide where a content lies: a name given without quotation marks
//! ("called climate change a hoax"), a place or time ("testified before
//! the committee"), and where a sentence interrupted by its attribution
//! resumes.
//!
//! Guarantees: each look is bounded by [`THAT_WINDOW`] tokens (twice that
//! for a colon), so it is linear over a document; no panics.

use super::speaker::possessive;
use super::view::View;
use crate::text::lexicon::Class;

/// The longest gap between a verb and a following "that" ("said on Tuesday that").
pub(super) const THAT_WINDOW: usize = 14;

/// What follows an attribution's verb phrase.
pub(super) enum Rest {
    /// What was said starts at this token.
    Clause(usize),
    /// The sentence ends (or a comma then a new quotation).
    End,
    /// An adjunct ("on Tuesday", "during a press conference") with no clause.
    Adjunct,
    /// A colon that ends the paragraph: the next paragraph is what was said.
    Colon,
}

/// What follows the verb phrase that ends before token `a`, looking at
/// most [`THAT_WINDOW`] tokens on for a "that", a colon or a quotation.
pub(super) fn after_kind(v: &View, a: usize, end: usize) -> Rest {
    // "cautioned, however, that ...": an aside between commas, then the rest
    // (a loop, not recursion, so that a long chain stays flat).
    let mut a = a;
    while a + 3 < end
        && v.tok(a) == ","
        && v.tok(a + 2) == ","
        && matches!(
            v.low(a + 1),
            "however" | "though" | "too" | "also" | "moreover" | "nonetheless" | "nevertheless" | "instead" | "again"
        )
    {
        a += 3;
    }
    let t = v.tok(a);
    if a >= end || matches!(t, "." | "!" | "?" | ";" | ")") {
        return Rest::End;
    }
    if t == "," && (a + 1 >= end || v.tags(a + 1).is_cue_word()) {
        return Rest::End;
    }
    if t == ":" && a + 1 >= end && v.paragraph_of(a + 1) != v.paragraph_of(a) {
        return Rest::Colon;
    }
    // "scolded him: ...", "told the crowd: ...": a short object, then a colon.
    if let Some(c) = (a + 1..(a + 4).min(end)).find(|&k| v.tok(k) == ":") {
        if (a..c).all(|k| v.is_word(k) && v.quote_of(k).is_none()) && c + 1 < end {
            return Rest::Clause(c + 1);
        }
    }
    // "What got to her, she said, was ...": the sentence goes on after the comma.
    if t == "," && v.is_word(a + 1) && !v.is(a + 1, Class::Adjunct) {
        return Rest::Clause(a + 1);
    }
    if matches!(v.low(a), "that" | ":") || v.is_open_mark(a) || t == "," && v.is_open_mark(a + 1) {
        return Rest::Clause(if v.is_open_mark(a) { a } else { a + 1 });
    }
    // "said on ABC's This Week that ...": look a little further for "that".
    let adjunct = v.is(a, Class::Adjunct) || t == ",";
    // "said Thursday his biggest worry ...": a lone time word, then the clause.
    let next = v.low(a + 1);
    if adjunct
        && v.is_cap(a)
        && a + 1 < end
        && v.is_word(a + 1)
        && (!v.is(a + 1, Class::Adjunct) && !v.is(a + 1, Class::Stop)
            || v.is(a + 1, Class::Determiner) && next != "that")
    {
        return Rest::Clause(a + 1);
    }
    if adjunct {
        // "sings on behalf of anyone who has had to learn the hard way: “...”":
        // a long adjunct, then a colon and the quotation.
        let colon = (a + 1..(a + 2 * THAT_WINDOW).min(end))
            .take_while(|&k| v.quote_of(k).is_none() && !v.tags(k).is_cue_word())
            .find(|&k| v.tok(k) == ":" && v.is_open_mark(k + 1));
        if let Some(k) = colon {
            return Rest::Clause(k + 1);
        }
        let stop = (a + THAT_WINDOW).min(end);
        let mut passed_noun = false;
        for k in a + 1..stop {
            if v.quote_of(k).is_some() && !v.is_open_mark(k) {
                continue;
            }
            // "said of that plan": after a preposition, "that" is a determiner.
            let determiner = matches!(v.low(k - 1), "of" | "about" | "on" | "to" | "with" | "for");
            // "in an email to staff that was reviewed", "told reporters after
            // the meeting that was held": "that" before a verb, with no
            // subject of its own, is a relative, not the clause.
            let relative = (passed_noun || v.is_word(k - 1) && !v.is(k - 1, Class::Stop))
                && crate::text::lexicon::is_finite(v.low(k + 1));
            if v.low(k) == "that" && !determiner && !relative || v.tok(k) == ":" {
                return Rest::Clause(k + 1);
            }
            // "said as the heckler yelled:": another verb's clause; not a noun
            // after an article ("told investors on a call that ...").
            let noun = super::cue::noun_after_article(v, k)
                || matches!(v.low(k - 1), "a" | "an" | "the" | "his" | "her" | "its" | "their")
                    && crate::text::lexicon::is_document(v.low(k));
            if v.tags(k).is_cue_word() && !noun {
                break;
            }
            passed_noun |= noun;
            if v.is_open_mark(k) && matches!(v.tok(k.saturating_sub(1)), "," | ":") {
                return Rest::Clause(k);
            }
            // A finite verb means the clause has begun without "that".
            // "in Columbus, Ohio, that": a comma inside a place name does not stop the search.
            let place_comma = v.tok(k) == ","
                && (v.is_cap(k + 1) && v.is_cap(k - 1)
                    || v.is_cap(k - 1) && v.low(k + 1) == "that");
            if matches!(v.tok(k), "," | ";") && k > a && !place_comma
                || matches!(
                    v.low(k),
                    "is" | "was" | "are" | "were" | "will" | "would" | "has" | "have" | "had"
                )
            {
                // "adding later, “...”": the quotation after the adjunct's comma.
                if v.tok(k) == "," && v.is_open_mark(k + 1) {
                    return Rest::Clause(k + 1);
                }
                break;
            }
        }
        return Rest::Adjunct;
    }
    Rest::Clause(a)
}

/// Whether a naming verb ending before `after` ("called", "calls") gives
/// its object a name without quotation marks: `called climate change a
/// hoax`, `called Oz a quack`. The object is a few words, then "a" or "an"
/// and a noun that is no amount ("a day later", "a few times").
pub(super) fn names_as(v: &View, group: usize, after: usize, end: usize) -> bool {
    let Some(verb) = after.checked_sub(1).filter(|&c| c >= group) else { return false };
    if !matches!(v.low(verb), "call" | "calls" | "called" | "calling")
        || verb.checked_sub(1).is_some_and(|p| matches!(v.low(p), "was" | "were" | "be" | "been" | "is" | "are" | ","))
        || matches!(v.low(after), "for" | "on" | "in" | "off" | "up" | "out" | "back" | "to" | "it" | "him" | "her" | "me" | "us")
        || v.low(after).ends_with("self")
        || v.low(after).ends_with("selves")
    {
        return false;
    }
    let window = (after + 1..(after + THAT_WINDOW).min(end)).take_while(|&k| v.is_word(k) || possessive(v, k));
    window.into_iter().find(|&k| matches!(v.low(k), "a" | "an")).is_some_and(|k| {
        !matches!(
            v.low(k + 1),
            "day" | "week" | "month" | "year" | "few" | "lot" | "number" | "couple" | "little" | "bit" | "while" | "time" | "second"
        ) && v.is_word(k + 1)
    })
}

/// Whether token `k` opens a place or a time ("before the committee",
/// "at the rally", "during the hearing"), not an amount ("at least").
pub(super) fn place_or_time(v: &View, k: usize) -> bool {
    let place = matches!(v.low(k), "before" | "at" | "outside" | "inside" | "near" | "during");
    place && !matches!(v.low(k + 1), "least" | "most")
}

/// Where the sentence an attribution interrupts resumes after the
/// attribution's adjunct: the word after the adjunct's comma ("said then,
/// was that", "told me on Friday, is that", "said, for how"), when it goes
/// on with a lower-case word that is no participle, conjunction or relative.
pub(super) fn resumes(v: &View, after: usize, end: usize) -> Option<usize> {
    let c = (after..(after + THAT_WINDOW).min(end))
        .take_while(|&k| v.quote_of(k).is_none())
        .find(|&k| v.tok(k) == ",")?;
    let low = v.low(c + 1);
    let goes_on = c + 1 < end
        && v.is_word(c + 1)
        && !v.is_cap(c + 1)
        && !low.ends_with("ing")
        && !matches!(low, "and" | "but" | "or" | "who" | "which" | "according" | "as" | "while" | "when");
    goes_on.then_some(c + 1)
}
