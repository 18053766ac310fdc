//! Where an attribution's content ends and begins: the clause after the
//! verb (`X said (that) ...`), after a colon, or the quotation or clause
//! before the speaker (`"...," X said.`), deciding from what follows the
//! verb phrase (an adjunct, a participle, a new clause, the sentence's end).
//!
//! Guarantees: each decision looks at a bounded window of the sentence
//! (at most [`THAT_WINDOW`] tokens, or twice that), so it is linear over a
//! document; no panics.

use super::span::{before_group, clause_after, colon_content};
use super::view::View;
use crate::text::lexicon::{Class, CueClass};
use std::ops::Range;

/// The longest gap between a verb and a following "that" ("said on Tuesday that").
const THAT_WINDOW: usize = 14;

/// The content span of an attribution whose speaker group starts at token
/// `group` and whose verb phrase ends before token `after`.
pub(super) fn content(
    v: &View,
    group: usize,
    after: usize,
    sent: Range<usize>,
    according: bool,
    class: CueClass,
) -> Option<(usize, usize)> {
    // A quote ending in "?" or "!" ends its sentence: `"Why?" Graham asked.`
    // After a full stop only when no clause of its own follows the verb:
    // `... said "it is late." Reed said it would be "unwise" to ...`.
    let ends_question = |p: usize| matches!(v.tok(p.saturating_sub(1)), "?" | "!");
    let floor = match group.checked_sub(1) {
        Some(p)
            if group == sent.start
                && v.is_close_mark(p)
                && v.paragraph_of(p) == v.paragraph_of(group)
                && (ends_question(p) || words_between(v, after, sent.end) < 5) =>
        {
            v.sentence_tokens(v.sentence_of(p)).start
        }
        _ => sent.start,
    };
    let sent = floor..sent.end;
    let mut prev = group.checked_sub(1).filter(|&p| p >= sent.start);
    // Step over a stray symbol between a closing mark and the speaker.
    if let Some(p) = prev.filter(|&p| {
        !v.is_word(p)
            && v.quote_of(p).is_none()
            && !matches!(v.tok(p), "," | "—" | "–" | "―" | ":" | "(")
    }) {
        if p.checked_sub(1).is_some_and(|q| q >= sent.start && v.is_close_mark(q)) {
            prev = Some(p - 1);
        }
    }
    let boundary = prev.is_some_and(|p| {
        v.is_close_mark(p) || matches!(v.tok(p), "," | "—" | "–" | "―" | ":" | "(")
    });
    // "Lee, who says he is honored", "many of whom say": what follows the
    // verb is theirs, never the clause the relative hangs on.
    let relative = (group..after.min(group + 8))
        .take_while(|&k| !v.tags(k).is_cue_word())
        .any(|k| matches!(v.low(k), "who" | "whom" | "which"));
    let opening = prev.is_some_and(|p| opening_adjunct(v, sent.start, p));
    let has_before = boundary
        && !relative
        && !opening
        && prev.is_some_and(|p| {
            p >= sent.start + 2
                || v.is_close_mark(p)
                || p.checked_sub(1).is_some_and(|q| v.is_close_mark(q))
        });
    let mut rest = after_kind(v, after, sent.end);
    if let Rest::Clause(k) = rest {
        if !(k..sent.end).any(|i| v.is_word(i)) {
            rest = Rest::End; // "she said 😀."
        }
    }
    if class == CueClass::Weak {
        // "continued", "branded": only before "that", a colon or a quotation,
        // with a quotation inside, or after a quotation.
        // "demanded how he could be so sure": a question reported (not
        // "questioned how far ...", a doubt).
        let marked = |k: usize| {
            v.is_open_mark(k)
                || matches!(v.low(k.saturating_sub(1)), "that" | ":")
                || k == after
                    && matches!(v.low(k), "how" | "why" | "whether")
                    && v.low(after.saturating_sub(1)).starts_with("demand")
        };
        let after_quote =
            prev.is_some_and(|p| v.is_close_mark(p) || v.is_close_mark(p.saturating_sub(1)));
        let quoted = |k: usize| (k..sent.end).any(|i| v.is_open_mark(i));
        match rest {
            Rest::Clause(k) if marked(k) || quoted(k) => return clause_after(v, k, sent.end),
            Rest::Clause(k) if k == after && names_as(v, group, after, sent.end) => {
                return clause_after(v, k, sent.end)
            }
            Rest::Adjunct if quoted(after) => return clause_after(v, after, sent.end),
            Rest::Colon => return colon_content(v, after, sent.end),
            _ if has_before && after_quote => return before_group(v, prev?, sent.start),
            _ => return None,
        }
    }
    // "As experts have pointed out, the plan ...", "Yet, as Lee observed, ...":
    // an opening "as" clause reports the clause after its comma.
    let opening_as = (sent.start..(sent.start + 3).min(group)).any(|k| v.low(k) == "as");
    if opening_as && v.tok(after) == "," && v.quote_of(after).is_none() {
        return clause_after(v, after + 1, sent.end);
    }
    // "Hawaii, as an adviser pointed out, rarely ...": the sentence around it.
    if group >= sent.start + 2 && v.low(group - 1) == "as" && v.tok(group - 2) == "," {
        // "..., as the Times put it, “the operator.”": the quotation that ends the sentence.
        let open = (after..(after + THAT_WINDOW).min(sent.end))
            .find(|&k| v.is_open_mark(k) && v.tok(k.saturating_sub(1)) == ",");
        let closes = |k: usize| {
            v.quote_of(k)
                .and_then(|m| v.marks.get(m))
                .is_some_and(|m| m.closed && words_between(v, v.token_at(m.close), sent.end) == 0)
        };
        if let Some(k) = open.filter(|&k| closes(k)) {
            return clause_after(v, k, sent.end);
        }
        return clause_after(v, sent.start, sent.end);
    }
    // "describing as “unhinged” a tweet that ...": the name given, not its object.
    if v.low(after) == "as" && v.is_open_mark(after + 1) {
        let mark = v.quote_of(after + 1).and_then(|m| v.marks.get(m));
        let object_follows = |close: usize| {
            let k = v.token_at(close);
            k < sent.end && v.is(k, Class::Determiner)
        };
        if let Some(m) = mark.filter(|m| m.closed && object_follows(m.close)) {
            return Some((v.start(after), m.close));
        }
    }
    let quote_before =
        prev.is_some_and(|p| v.is_close_mark(p) || v.is_close_mark(p.saturating_sub(1)));
    match rest {
        // "\"We will,\" he said, \"win.\"": the first half here, the second joins it later.
        Rest::Clause(k)
            if quote_before
                && v.is_open_mark(k)
                && v.tok(k.saturating_sub(1)) == ","
                && class != CueClass::Participle =>
        {
            before_group(v, prev?, sent.start)
        }
        // "The plan would fail, according to X" / "According to X, the plan ...".
        _ if according && has_before => before_group(v, prev?, sent.start),
        Rest::Clause(k) if according => {
            (v.tok(k.saturating_sub(1)) == ",").then(|| clause_after(v, k, sent.end)).flatten()
        }
        // "Back home, Smith said, he decided ...": the sentence around the attribution.
        // `"Only you," she said, would do that.`: the sentence runs on through the attribution.
        Rest::Clause(k)
            if has_before
                && quote_before
                && v.tok(after) == ","
                && !v.is_open_mark(k)
                && !runs_on(v, k) =>
        {
            before_group(v, prev?, sent.start)
        }
        Rest::Clause(k) if has_before && v.tok(after) == "," && !v.is_open_mark(k) => {
            let (s, _) = before_group(v, prev?, sent.start)?;
            clause_after(v, k, sent.end).map(|(_, e)| (s, e))
        }
        // "..., the Times reported one day later.": too short to be what was said.
        // After a quotation, a clause with a quotation of its own is what was said:
        // `"Go! Go!" the senator said his campaign was "closing strong."`.
        Rest::Clause(k)
            if has_before
                && k == after
                && class != CueClass::Participle
                && (quote_before && !quoted_clause(v, k, sent.end)
                    || words_between(v, k, sent.end) < 5) =>
        {
            before_group(v, prev?, sent.start)
        }
        Rest::Clause(k) => clause_after(v, k, sent.end),
        // "The truth, the senator said then, was that ...": past the adjunct's
        // comma the sentence the attribution interrupts goes on.
        Rest::Adjunct
            if has_before
                && !quote_before
                && prev.is_some_and(|p| v.tok(p) == ",")
                && resumes(v, after, sent.end).is_some() =>
        {
            let (s, _) = before_group(v, prev?, sent.start)?;
            let k = resumes(v, after, sent.end)?;
            clause_after(v, k, sent.end).map(|(_, e)| (s, e))
        }
        Rest::End | Rest::Adjunct if has_before => before_group(v, prev?, sent.start),
        // `"...," retired general Lloyd Newton said (Monday).`: a quote ends just before the phrase.
        Rest::End | Rest::Adjunct if sent.end.saturating_sub(after) < 6 => {
            // A long description may stand between ("JPL scientist and study co-author Ann Lee").
            let q = (group.saturating_sub(8).max(sent.start)..group)
                .rev()
                .take_while(|&k| {
                    v.is_word(k) || v.quote_of(k).is_some() || matches!(v.tok(k), "," | "-")
                })
                .find(|&k| v.is_close_mark(k))?;
            before_group(v, q, sent.start)
        }
        // "joked about the plan": a topic, not what was said ("said about
        // 20 people" is a number).
        // "testified before the committee in Washington": a place or a time.
        Rest::Adjunct
            if sent.end.saturating_sub(after) >= 6
                && (v.low(after) != "about"
                    || v.tok(after + 1).starts_with(|c: char| c.is_ascii_digit()))
                && !place_or_time(v, after) =>
        {
            clause_after(v, after, sent.end)
        }
        Rest::Colon => colon_content(v, after, sent.end),
        _ => None,
    }
}

/// Whether a naming verb ending before `after` ("called", "calls") gives
/// its object a name without quotation marks: `called climate change a
/// hoax`, `called Oz a quack`. The object is a few words, then "a" or "an"
/// and a noun that is no amount ("a day later", "a few times").
fn names_as(v: &View, group: usize, after: usize, end: usize) -> bool {
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

/// Whether token `k` is a possessive mark ("’s").
fn possessive(v: &View, k: usize) -> bool {
    matches!(v.low(k), "’s" | "'s") && v.quote_of(k).is_none()
}

/// Whether token `k` opens a place or a time ("before the committee",
/// "at the rally", "during the hearing"), not an amount ("at least").
fn place_or_time(v: &View, k: usize) -> bool {
    let place = matches!(v.low(k), "before" | "at" | "outside" | "inside" | "near" | "during");
    place && !matches!(v.low(k + 1), "least" | "most")
}

/// Whether tokens `start..comma` are only an adjunct that opens the
/// sentence ("In a statement,", "On Tuesday,", "During the hearing,",
/// "Noting that it is late,"):
/// what the speaker after it said follows the verb, not this.
fn opening_adjunct(v: &View, start: usize, comma: usize) -> bool {
    let participle = v.is_cap(start) && v.low(start).len() > 4 && v.low(start).ends_with("ing");
    v.tok(comma) == ","
        && (v.is(start, Class::Adjunct) || participle) // "Noting that it is late,"
        && !v.is(start, Class::Determiner)
        && v.low(start) != "to" // "To see it, she said, one must go": the sentence's own
        && comma.saturating_sub(start) <= 12
        && (start..comma).all(|k| v.quote_of(k).is_none() && !v.is_pause(k))
}

/// Where the sentence an attribution interrupts resumes after the
/// attribution's adjunct: the word after the adjunct's comma ("said then,
/// was that", "told me on Friday, is that", "said, for how"), when it goes
/// on with a lower-case word that is no participle, conjunction or relative.
fn resumes(v: &View, after: usize, end: usize) -> Option<usize> {
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

/// Whether the clause from token `k` holds a quotation after its first
/// words and at least five words in all (a bounded look).
fn quoted_clause(v: &View, k: usize, end: usize) -> bool {
    words_between(v, k, end) >= 5
        && (k + 1..end.min(k + THAT_WINDOW * 2)).any(|i| v.is_open_mark(i))
}

/// Whether the words after an attribution's comma go on with the sentence
/// the quotation began (a verb or "that" in lower case), rather than add an
/// adjunct, a participle or a new clause.
fn runs_on(v: &View, k: usize) -> bool {
    let low = v.low(k);
    v.is_word(k)
        && !v.is_cap(k)
        && matches!(
            low,
            "that"
                | "would"
                | "will"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "must"
                | "is"
                | "was"
                | "are"
                | "were"
                | "has"
                | "have"
                | "had"
        )
}

/// Number of words in tokens `a..b`, counting at most six.
fn words_between(v: &View, a: usize, b: usize) -> usize {
    (a..b).filter(|&k| v.is_word(k)).take(6).count()
}

enum Rest {
    /// What was said starts at this token.
    Clause(usize),
    /// The sentence ends (or a comma then a new quotation).
    End,
    /// An adjunct ("on Tuesday", "during a press conference") with no clause.
    Adjunct,
    /// A colon that ends the paragraph: the next paragraph is what was said.
    Colon,
}

fn after_kind(v: &View, a: usize, end: usize) -> Rest {
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
        for k in a + 1..stop {
            if v.quote_of(k).is_some() && !v.is_open_mark(k) {
                continue;
            }
            // "said of that plan": after a preposition, "that" is a determiner.
            let determiner = matches!(v.low(k - 1), "of" | "about" | "on" | "to" | "with" | "for");
            if v.low(k) == "that" && !determiner || v.tok(k) == ":" {
                return Rest::Clause(k + 1);
            }
            if v.tags(k).is_cue_word() {
                break; // "said as the heckler yelled:": another verb's clause
            }
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
