//! Whether a word reports speech where it stands: a reporting verb or
//! phrase of the lexicon, outside quotations and in lower case (or in a
//! headline), that is not an adjective ("the said document"), a noun ("a
//! Tumblr post", "a direct answer") or a deed ("claimed responsibility");
//! and whether the phrase before a verb that only sometimes reports speech
//! can be someone who speaks ("the spokesman", not "the fish").
//!
//! Guarantees: each test looks at a few tokens around the cue; no panics.

use super::speaker;
use super::view::View;
use crate::text::lexicon::{cue_at, Class, CueClass};
use std::ops::Range;

/// The cue starting at token `i`, if any: outside quotations, lower case
/// (or in a headline), not an adjective ("the said document").
pub(super) fn cue_here(
    v: &View,
    i: usize,
    end: usize,
    title_case: &mut impl FnMut() -> bool,
) -> Option<(usize, CueClass)> {
    // Most words start no phrase: one bit says so before anything else is asked.
    if !v.tags(i).starts_cue() {
        return None;
    }
    if v.quote_of(i).is_some()
        || !v.is_word(i)
        || (v.is_cap(i) && v.sentence_tokens(v.sentence_of(i)).start != i && !title_case())
    {
        return None;
    }
    // "Polygraph.info", "example.com/said": part of an address, not a word.
    if i.checked_sub(1)
        .is_some_and(|p| v.end(p) == v.start(i) && v.tok(p).ends_with(['.', '/', '@']))
    {
        return None;
    }
    if v.low(i) == "according" && v.low(i + 1) == "to" {
        return Some((2, CueClass::Speech));
    }
    let mut words = [""; 5];
    let n = end.saturating_sub(i).min(words.len());
    for (k, w) in words.iter_mut().enumerate().take(n) {
        *w = v.low(i + k);
    }
    let (len, class) = cue_at(words.get(..n).unwrap_or(&[]))?;
    if claims_deed(&words)
        || noun_after_article(v, i)
        || counts_goods(v, i)
        || writes_a_work(v, i)
        || modifies_document(v, i, class)
        || agent_only(v, i, end)
    {
        return None;
    }
    let prev = i.checked_sub(1).map_or("", |p| v.low(p));
    // "the said document", "Graham's comments": a noun or adjective, not a verb.
    let noun = i.checked_sub(1).is_some_and(|p| v.is(p, Class::Determiner))
        && prev != "that"
        && !quantifier_subject(v, i)
        || matches!(prev, "’s" | "'s" | "’" | "'")
            && v.quote_of(i - 1).is_none()
            && !speaker::contraction(v, i - 1);
    (!noun).then_some((len, class))
}

/// Whether `low` is a quantifier that can stand for people ("some",
/// "many", "both").
pub(super) fn quantifier(low: &str) -> bool {
    matches!(low, "some" | "many" | "several" | "most" | "both" | "few" | "all")
}

/// Whether the word before cue `i` is a quantifier standing for people
/// ("Some say", "many argued", "both warn"): it opens its clause, and the
/// cue is a plural or past verb form, not a noun ("some notes").
fn quantifier_subject(v: &View, i: usize) -> bool {
    let Some(q) = i.checked_sub(1) else { return false };
    let opens = q.checked_sub(1).is_none_or(|p| {
        v.sentence_of(p) != v.sentence_of(q)
            || matches!(v.tok(p), "," | ";" | ":" | "—" | "–")
            || matches!(v.low(p), "but" | "and" | "while" | "though" | "although" | "yet")
    });
    let low = v.low(i);
    opens
        && quantifier(v.low(q))
        && (!low.ends_with('s') || low.ends_with("ss"))
}

/// Whether the words at a cue claim a deed or a stance, not speech
/// ("claimed responsibility for the attack", "claims credit", "agrees with").
fn claims_deed(words: &[&str]) -> bool {
    matches!(words, [c, d, ..] if c.starts_with("claim") && matches!(*d, "responsibility" | "credit"))
        // "agrees with her position", "agreed to a deal": a stance, not speech.
        || matches!(words, [a, w, ..] if a.starts_with("agree") && matches!(*w, "with" | "to" | "on"))
        // "before reporting to duty", "reported for work": a deed, not speech.
        || matches!(words, [r, p, d, ..] if r.starts_with("report") && matches!(*p, "to" | "for")
            && matches!(*d, "duty" | "work" | "jail" | "prison" | "base" | "camp"))
        || reports_results(words)
}

/// Whether the cue at `i` is a participle whose agent follows and nothing
/// it reports ("the messages, first reported by the Ledger, show …", "The
/// claims, reported by the Ledger on Monday, were false"): no "that", colon
/// or quotation in the rest of the clause (`end`: the sentence's end).
/// "It was reported by the Ledger that …" still reports.
fn agent_only(v: &View, i: usize, end: usize) -> bool {
    if !v.low(i).ends_with("ed") || v.low(i + 1) != "by" {
        return false;
    }
    let clause_end = (i + 2..end).find(|&k| matches!(v.tok(k), "," | ";" | "." | "—")).unwrap_or(end);
    !(i + 2..clause_end.min(i + 12)).any(|k| v.low(k) == "that" || v.tok(k) == ":" || v.is_open_mark(k))
}

/// Whether "reported" or "posted" at the first of `words` gives a company's
/// results, a deed in numbers ("reported strong results", "posted a
/// quarterly loss"), not what someone said ("reported that sales fell").
fn reports_results(words: &[&str]) -> bool {
    let Some((verb, rest)) = words.split_first() else { return false };
    (verb.starts_with("report") || verb.starts_with("post"))
        && rest.iter().take_while(|w| **w != "that").any(|w| crate::text::lexicon::is_result(w))
}

/// Whether "recall", "add" or "admit" at `i` counts goods, not words:
/// "recalls 12,000 drones", "is recalling about 500 cars", "recalled its
/// ambassador", "would add $84 billion", "added 200,000 jobs", "adding to a
/// series of problems", "had admitted more than a million refugees".
/// (Not "write": "wrote 43-year-old Ann Lee" names its writer.)
fn counts_goods(v: &View, i: usize) -> bool {
    let low = v.low(i);
    let recall = low.starts_with("recall");
    let add = matches!(low, "add" | "adds" | "added" | "adding");
    if !recall && !add && !low.starts_with("admit") {
        return false;
    }
    // "adding to a mounting series of problems", "gains add to a rally";
    // not `"We are done," she added to the crowd`.
    let after_quotation = (i.saturating_sub(3)..i).any(|k| v.is_close_mark(k));
    if add && v.low(i + 1) == "to" && v.is(i + 2, Class::Determiner) && !after_quotation {
        return true;
    }
    let mut k = i + 1;
    if matches!(v.low(k), "about" | "some" | "nearly" | "roughly" | "almost" | "over" | "more" | "another") {
        k += if v.low(k + 1) == "than" { 2 } else { 1 };
    }
    // "$84 billion", "€2m": a currency sign before the number.
    if matches!(v.tok(k), "$" | "€" | "£" | "¥") {
        k += 1;
    }
    speaker::number(v, k) || recall && matches!(v.low(i + 1), "its" | "all")
}

/// Whether a verb that only sometimes reports speech is a participle after
/// the document or occasion it describes, followed by where or by whom
/// ("in a video posted to its website", "a statement shared on Monday"),
/// not the verb of a clause ("the statement continued").
fn modifies_document(v: &View, i: usize, class: CueClass) -> bool {
    let low = v.low(i);
    class == CueClass::Weak
        && low.ends_with("ed")
        && matches!(v.low(i + 1), "to" | "on" | "by" | "in" | "at" | "online" | "via")
        && i.checked_sub(1).is_some_and(|p| {
            let noun = v.low(p);
            !v.is_cap(p)
                && (crate::text::lexicon::is_document(noun) || crate::text::lexicon::is_occasion(noun))
                && p.checked_sub(1).is_some_and(|d| v.is(d, Class::Determiner) || !v.is_cap(d) && v.is_word(d))
        })
}

/// Whether "write" at `i` makes a work rather than report words: "wrote
/// the letter himself", "had written music for the show".
fn writes_a_work(v: &View, i: usize) -> bool {
    matches!(v.low(i), "write" | "writes" | "wrote" | "written" | "writing") && written_work(v, i + 1)
}

/// Whether a written work starts at token `k` and nothing it says follows
/// ("the letter himself", "music for the show", "hundreds of songs"), as
/// opposed to "wrote the letter saying ..." or "wrote that ...".
fn written_work(v: &View, k: usize) -> bool {
    let k = if v.is(k, Class::Determiner) || matches!(v.low(k), "his" | "her" | "their" | "its") { k + 1 } else { k };
    // After a number or a modifier or two: "four cookbooks", "a short novel".
    let work = (k..k + 3)
        .take_while(|&j| v.is_word(j) && !v.is_cap(j) && !v.is(j, Class::Stop) && !v.is(j, Class::Determiner))
        .any(|j| crate::text::lexicon::is_document(v.low(j)) || crate::text::lexicon::is_work(v.low(j)));
    // In its own sentence: "has written four books. Her fifth, she says, …" is not more.
    let says_more = (k + 1..k + 8).take_while(|&j| !matches!(v.tok(j), "." | "!" | "?")).any(|j| {
        matches!(v.low(j), "that" | "saying" | ":" | "says" | "said") || v.is_open_mark(j)
    });
    work && !says_more
}

/// Whether the cue word at `i` is a noun here: a bare form that is also a
/// noun ("post", "call", "answer") with an article or possessive shortly
/// before it ("a Tumblr post", "a March 21 phone call", "his written reply",
/// "said in a blog post that").
pub(super) fn noun_after_article(v: &View, i: usize) -> bool {
    // Not a document ("a New York Times report that …" reports).
    let nouns = crate::text::lexicon::is_cue_noun(v.low(i));
    // "his written reply", "the subsequent note"; not "the officials note",
    // whose plural subject takes the bare verb.
    let plural_before = i.checked_sub(1).is_some_and(|p| {
        let low = v.low(p);
        low.ends_with('s') && !low.ends_with("ss")
            || matches!(low, "men" | "women" | "people" | "children" | "police")
    });
    let article = |k: usize| match v.low(k) {
        "a" | "an" => true,
        "the" | "his" | "her" | "their" | "its" | "this" | "that" => !plural_before,
        _ => false,
    };
    nouns
        && (i.saturating_sub(4)..i).any(|k| {
            article(k)
                && (k + 1..i).all(|j| v.is_word(j) || speaker::number(v, j))
        })
}

/// Whether a speaker phrase can be someone who speaks: a pronoun, a name,
/// or a description headed by a person or organisation noun ("the
/// spokesman", "the company"), not "the fish" or "equations".
pub(super) fn speaks(v: &View, r: &Range<usize>) -> bool {
    let Some(head) = r.clone().rev().find(|&k| v.is_word(k)) else { return false };
    let low = v.low(head);
    // Plural nouns of people ("protesters", "analysts", "critics", "officials").
    let people = low.ends_with('s')
        && !["ss", "ions", "ings", "ics"].iter().any(|e| low.ends_with(e))
        || matches!(low, "people" | "media" | "critics")
        || quantifier(low);
    // Documents speak for their authors in news ("the letter reads").
    let document = crate::text::lexicon::is_document(low);
    if modifier_only(v, r) {
        return false;
    }
    v.is(head, Class::Pronoun)
        || matches!(low, "who" | "which" | "that")
        || v.is(head, Class::Title)
        || v.is(head, Class::Org)
        || people
        || document
        || r.clone().any(|k| {
            // "China's sweeping territorial claims": an owner, not the one who speaks.
            let owner = matches!(v.low(k + 1), "’s" | "'s" | "’" | "'") && k + 1 < r.end;
            !owner
                && (v.is_person(k)
                    || v.is_cap(k)
                        && !v.is(k, Class::Determiner)
                        && !v.is(k, Class::Adjunct)
                        && v.is_word(k))
        })
}

/// Whether phrase `r` is a party or nationality word with no article
/// ("Most Republican claims were false", "Russian reports say"): it
/// modifies the noun after it, which is then no verb.
pub(super) fn modifier_only(v: &View, r: &Range<usize>) -> bool {
    let Some(head) = r.clone().rev().find(|&k| v.is_word(k)) else { return false };
    crate::text::lexicon::gazetteer::lookup(&[v.tok(head)]).has(Class::Norp)
        && !v.low(head).ends_with('s')
        && !r.clone().any(|k| matches!(v.low(k), "a" | "an" | "the" | "this" | "that") || v.is_person(k))
}

/// Whether a word has the form of a common noun that names no one
/// ("Equations", "Measurements", "Findings"), as names seldom do.
pub(super) fn common_noun_form(low: &str) -> bool {
    [
        "ions", "ion", "ments", "ment", "ness", "ity", "ities", "ings", "ance", "ances", "ence",
        "ences", "ism", "isms",
    ]
    .iter()
    .any(|e| low.ends_with(e))
}

/// Whether a cue word is in its bare form ("write", "say"), not "writes",
/// "wrote", "said" or "saying".
pub(super) fn bare_form(low: &str) -> bool {
    !low.ends_with('s')
        && !low.ends_with("ed")
        && !low.ends_with("ing")
        && !crate::text::lexicon::is_finite(low)
        && !crate::text::lexicon::is_past(low)
}
