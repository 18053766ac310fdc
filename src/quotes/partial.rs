//! Quoted fragments framed by a plain verb: `Trump openly admires Putin as a
//! “strong leader”`, `Cruz exhorted Republicans to “vote your conscience”`.
//! A short quotation that no reporting verb claims counts when a verb with
//! a named subject comes shortly before it in its sentence; the content runs
//! from after the verb to the end of the quotation.
//!
//! Guarantees: looks at a bounded window before the quotation; no panics.

use super::span::clause_after;
use super::speaker;
use super::view::View;
use super::Draft;
use crate::text::lexicon::{self, Class};
use std::ops::Range;

/// The longest stretch from the verb to the quotation, in tokens.
const MAX_SPAN: usize = 25;

/// The framed partial quote around quoted span `mi`, if its sentence has one.
pub(super) fn framed(v: &View, mi: usize) -> Option<super::Draft> {
    let m = v.marks.get(mi)?;
    let open = v.token_at(m.open);
    let sent = v.sentence_tokens(v.sentence_of(open));
    let floor = sent.start.max(open.saturating_sub(MAX_SPAN));
    // The nearest verb before the quotation with a named subject of its own;
    // nothing between them may end a sentence or another quotation.
    for verb in (floor..open).rev() {
        if matches!(v.tok(verb), "." | "?" | "!" | ";") || v.quote_of(verb).is_some() {
            return None;
        }
        // Another reporting verb between ("telling them to \"...\"") has the
        // quotation, or leaves it.
        let infinitive = v.low(verb.saturating_sub(1)) == "to";
        if v.tags(verb).is_cue_word()
            && (v.low(verb).ends_with("ing") && verb + 1 < open || infinitive)
        {
            return None; // "stayed behind to chant 'Reid out'": the chant frames it
        }
        let low = v.low(verb);
        // "has been seen as “weakening”", "is widely viewed as": a judgement
        // in the passive, whose verb does not end in -ed.
        let seen_as = matches!(low, "seen" | "viewed" | "regarded") && v.low(verb + 1) == "as";
        // After "the" or "his", a word in -s or -ed is a noun ("his players").
        let after_determiner = verb.checked_sub(1).is_some_and(|p| {
            v.is(p, Class::Determiner) || matches!(v.low(p), "his" | "her" | "their" | "its" | "our" | "my" | "your")
        });
        let verbish = seen_as
            || !after_determiner
            && v.is_word(verb)
            && low.starts_with(|c: char| c.is_alphabetic())
            && !v.is_cap(verb)
            && !v.is(verb, Class::Stop)
            && low.len() > 3
            && (low.ends_with('s') || low.ends_with("ed"))
            // "European immigrants are “safe”": a plural subject before its verb;
            // "U.S. imports of “goods”": a noun before its "of".
            && !crate::text::lexicon::is_finite(v.low(verb + 1))
            && v.low(verb + 1) != "of"
            // "The base is located inside a “zone”": a state, not a judgement.
            && !(low.ends_with("ed")
                && verb.checked_sub(1).is_some_and(|p| {
                    matches!(v.low(p), "is" | "was" | "are" | "were" | "be" | "been" | "being")
                })
                && !crate::text::lexicon::is_naming(low));
        if !verbish || verb + 1 >= open {
            continue;
        }
        let (l, passive) = speaker::skip_left(v, verb, sent.start);
        // "The camp was labeled a “disaster zone”": the passive's subject is
        // what was named; who named it, if anyone, follows "by" (agent.rs).
        let speaker = if passive && (crate::text::lexicon::is_naming(low) || seen_as) {
            None
        } else {
            // "Ann Lee, a teacher, calls the plan a “mess”", "…, sees it as
            // its “weak spot”": the name before the apposition, for a verb
            // of naming or judgement.
            let judges = || {
                crate::text::lexicon::is_naming(low) || (verb + 1..open).any(|k| v.low(k) == "as")
            };
            let subject = speaker::phrase_left(v, l, sent.start)
                .or_else(|| judges().then(|| super::apposition::apposition(v, l, sent.start)).flatten());
            let Some(subject) = subject else { continue };
            let named = subject.clone().any(|k| v.is_cap(k)) && !super::cue::modifier_only(v, &subject)
                || matches!(v.low(subject.start), "he" | "she" | "they");
            if !named {
                continue;
            }
            Some(subject)
        };
        return Some(Draft {
            start: v.start(verb + 1),
            end: m.end,
            cue: Some(verb..verb + 1),
            speaker,
            same_as: None,
            paragraph: m.paragraph,
            partial: true,
            needs_entity: false,
        });
    }
    None
}

/// The reported "that" clause a quotation no verb claims closes:
/// `the memo states that the plan is "dead on arrival"` reports the whole
/// clause, so the content starts after "that", the word before "that" is
/// the cue and its subject (if any) the speaker. Only the sentence before
/// the quotation is searched; no other quotation or sentence end may lie
/// between.
pub(super) fn that_clause(v: &View, mi: usize) -> Option<Draft> {
    let m = v.marks.get(mi)?;
    let open = v.token_at(m.open);
    let sent = v.sentence_tokens(v.sentence_of(open));
    let floor = sent.start.max(open.saturating_sub(MAX_SPAN));
    for k in (floor..open).rev() {
        if matches!(v.tok(k), "." | "?" | "!" | ";" | ":") || v.quote_of(k).is_some() {
            return None;
        }
        // Not "as that might sound", "so that", "now that": a conjunction
        // or preposition before "that" makes it no reported clause.
        if v.tok(k) == "that"
            && k + 1 < open
            && k > sent.start
            && v.is_word(k - 1)
            && !v.is(k - 1, Class::Stop)
            && !v.is(k - 1, Class::Adjunct)
        {
            let (l, _) = speaker::skip_left(v, k - 1, sent.start);
            // "its hyperbolic prediction that": a noun phrase with its
            // owner, not a speaker ("his lawyer", a title, still speaks).
            let subject = speaker::left(v, l, sent.start).filter(|r| {
                !matches!(v.low(r.start), "its" | "his" | "her" | "their" | "our" | "my" | "your")
                    || v.is(r.end - 1, Class::Title)
            });
            // The clause goes on past the quotation: `that the "fake" flyers were everywhere`.
            let end = clause_after(v, k + 1, sent.end).map_or(m.end, |(_, e)| e.max(m.end));
            return Some(Draft {
                start: v.start(k + 1),
                end,
                cue: Some(k - 1..k),
                speaker: subject,
                same_as: None,
                paragraph: m.paragraph,
                partial: false,
                needs_entity: false,
            });
        }
    }
    None
}

/// A quotation a colon introduces after a clause whose subject is a
/// person the article names (`Lee, who called from the set, had the same
/// experience: "It was the song."`): that person's words, with no cue.
pub(super) fn colon_frame(v: &View, mi: usize) -> Option<Draft> {
    let m = v.marks.get(mi)?;
    let open = v.token_at(m.open);
    let colon = open.checked_sub(1).filter(|&c| v.tok(c) == ":")?;
    let sent = v.sentence_tokens(v.sentence_of(colon));
    if colon <= sent.start || v.quote_of(sent.start).is_some() {
        return None;
    }
    person_subject(v, m, sent.start, colon).or_else(|| signed_colon(v, m, sent.start, colon))
}

/// `HEADLINE - Ann Vell: "…"`, `More from Vell and Reed: "…"`: the people
/// named just before the colon, after a dash, "from" or the sentence's
/// start (a roundup's signed extract).
fn signed_colon(v: &View, m: &super::marks::Marked, start: usize, colon: usize) -> Option<Draft> {
    // Back over the names, and an "and" between two.
    let named = |k: usize| v.is_person(k) || v.low(k) == "and" && k > start && v.is_person(k - 1);
    let mut first = colon;
    while first > start && named(first - 1) {
        first -= 1;
    }
    let opened = first == start || matches!(v.low(first - 1), "-" | "–" | "—" | "from");
    (first < colon && v.is_person(first) && opened).then(|| words_of(m, first..colon))
}

/// A quotation that opens a sentence after one about a person named as
/// its subject, in the same paragraph, with no quote of its own before it
/// (`On Sunday, Sen. Ann Lee identified bigotry as a cause. "The young
/// are sick of it."`): that person's words, with no cue.
pub(super) fn subject_frame(v: &View, mi: usize) -> Option<Draft> {
    let m = v.marks.get(mi)?;
    let open = v.token_at(m.open);
    let before = v.sentence_of(open).checked_sub(1)?;
    let sent = v.sentence_tokens(before);
    let opens = v.sentence_tokens(v.sentence_of(open)).start == open;
    if !opens || v.paragraph_of(sent.start) != m.paragraph || (sent.start..sent.end).any(|k| v.quote_of(k).is_some()) {
        return None;
    }
    person_subject(v, m, sent.start, sent.end)
}

/// `He apologised "to everyone I hurt" on Tuesday.`: a quotation inside a
/// sentence, which no verb reports, is the words of that sentence's subject
/// when it ends in a person's name or is "he" or "she", rather than a continuation of the
/// last quote's speaker (the caller asks only when that quote is in another
/// paragraph).
pub(super) fn own_sentence_subject(v: &View, mi: usize) -> Option<Draft> {
    let m = v.marks.get(mi)?;
    let open = v.token_at(m.open);
    let sent = v.sentence_tokens(v.sentence_of(open));
    if sent.start >= open || (sent.start..open).any(|k| v.quote_of(k).is_some()) {
        return None;
    }
    // A title ("a guest on "The Late Show With Ann Vell"") is nobody's words.
    if super::attribution::title_case(v, v.token_at(m.start)..v.token_at(m.end)) {
        return None;
    }
    let subject = super::subject::sentence_subject(v, sent.start, open)?;
    // Not an owner ("Tom Reed's lawyer apologised") or one of several.
    if speaker::possessive(v, subject.end) || matches!(v.low(subject.end), "and" | "or") {
        return None;
    }
    // A phrase that ends in a person's name ("bus driver Tom Reed"), or
    // "he" or "she": a subject whose head is something else is seldom the
    // speaker ("the rally denounced Ann Vell's call").
    let pronoun = subject.len() == 1 && matches!(v.low(subject.start), "he" | "she");
    let name = subject.end.checked_sub(1).is_some_and(|k| v.is_person(k) && !shouted_word(v, k));
    (pronoun || name).then(|| words_of(m, subject))
}

/// Quotation `m` as the words, with no cue, of the subject of the sentence
/// from `start` (its verb before `end`), when that subject names a person.
fn person_subject(v: &View, m: &super::marks::Marked, start: usize, end: usize) -> Option<Draft> {
    let subject = super::subject::sentence_subject(v, start, end)?;
    subject.clone().any(|k| v.is_person(k)).then(|| words_of(m, subject))
}

/// Whether token `k` is a common word in capitals ("NURSES" of a headline's
/// "HARBOR NURSES"), which the tagger can take for a name.
fn shouted_word(v: &View, k: usize) -> bool {
    let t = v.tok(k);
    t.chars().count() > 1 && !t.chars().any(char::is_lowercase) && lexicon::is_english(v.low(k))
}

/// Quotation `m` as the words of `speaker`, with no cue.
fn words_of(m: &super::marks::Marked, speaker: Range<usize>) -> Draft {
    Draft {
        start: m.start,
        end: m.end,
        cue: None,
        speaker: Some(speaker),
        same_as: None,
        paragraph: m.paragraph,
        partial: false,
        needs_entity: false,
    }
}

/// A short quotation listed after another that a verb reports (`chanted,
/// "Fund our schools," and "Put kids first"`): the same speaker's words,
/// a quote of its own. `prev` is the last quote found before it.
pub(super) fn listed(v: &View, mi: usize, prev: Option<&Draft>) -> Option<Draft> {
    let (m, before, p) = (v.marks.get(mi)?, v.marks.get(mi.checked_sub(1)?)?, prev?);
    if p.cue.is_none() || p.start > before.start || before.end > p.end || !before.closed {
        return None;
    }
    // Only "and" or "or" (after a comma) between the two quotations.
    let (after, open) = (v.token_at(before.close), v.token_at(m.open));
    let joined = match open.checked_sub(after)? {
        1 => matches!(v.low(after), "and" | "or"),
        2 => v.tok(after) == "," && matches!(v.low(after + 1), "and" | "or"),
        _ => false,
    };
    joined.then(|| Draft {
        start: m.start,
        end: m.end,
        cue: p.cue.clone(),
        speaker: None,
        same_as: Some(p.start),
        paragraph: m.paragraph,
        partial: false,
        needs_entity: false,
    })
}
