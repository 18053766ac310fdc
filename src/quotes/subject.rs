//! The subject at the start of a sentence, for a verb with none of its
//! own: a participle ("Clinton chimed in on Twitter, saying ...") or a
//! colon frame. It steps over what opens a sentence without naming anyone
//! ("Meanwhile,", "And", a dateline) and ends at the subject's verb.
//!
//! Guarantees: looks at a bounded window from the sentence's start; no
//! panics (all token access goes through [`View`]).

use super::speaker::{name_part, right};
use super::view::View;
use crate::text::lexicon::Class;
use std::ops::Range;

/// The subject at the start of the sentence, for a verb with none of its
/// own ("Clinton chimed in on Twitter, saying ..."), looking before `l`.
pub fn sentence_subject(v: &View, start: usize, l: usize) -> Option<Range<usize>> {
    if v.quote_of(start).is_some() {
        return None; // a sentence that opens with a quote has its speaker after it
    }
    // Step over a stray mark that opens no quotation ("\"Trump walked on, ...").
    let start =
        if matches!(v.tok(start), "\"" | "“") && start + 1 < l { start + 1 } else { start };
    // Step over an opening "Meanwhile," or "By the end of the day,".
    // An opening preposition may govern a longer phrase ("At a national
    // security speech earlier in the day,").
    let reach = if v.is(start, Class::Adjunct) { 14 } else { 8 };
    let start = match (start..(start + reach).min(l)).find(|&k| v.tok(k) == ",") {
        // Not a person named before an apposition ("Lee, who ..., had").
        Some(c) if v.is(start, Class::Adjunct) || c == start + 1 && !v.is_person(start) => c + 1,
        _ => start,
    };
    // Step over an opening "And", "Yet" or "Perhaps": no name, and no subject.
    let start = if opener(v, start) && start + 1 < l { start + 1 } else { start };
    // Step over the rest of a dateline ("BUFFALO, N.Y. — "): the comma step
    // above has already passed "BUFFALO,", so `dateline_end`, which wants
    // the paragraph's first token, no longer applies.
    // NOTE: replacing this with `dateline_end` gave the speaker "N.Y.".
    let start = (start..(start + 8).min(l))
        .find(|&k| {
            matches!(v.tok(k), "—" | "–") && (start..k).all(|j| v.is_cap(j) || !v.is_word(j))
        })
        .map_or(start, |k| k + 1);
    let got = subject_at(v, start, l);
    // "Hours before the game, Wild coach Ann Lee said": a capitalised word
    // that names no one opens a phrase; the subject follows its comma.
    let names_no_one = |r: &Range<usize>| {
        !r.clone().any(|k| v.is_named(k) || v.is(k, Class::Title) || v.is(k, Class::Pronoun))
    };
    if got.as_ref().is_some_and(|r| names_no_one(r) && v.is_cap(r.start)) {
        let comma = (start..(start + 12).min(l)).find(|&k| v.tok(k) == ",");
        if let Some(r) = comma.and_then(|c| subject_at(v, c + 1, l)).filter(|r| !names_no_one(r)) {
            return Some(r);
        }
    }
    got
}

/// The subject a participle cue (tokens `cue`, its subject phrase ending
/// before `l`) has of its own, and the comma that ends an opening
/// participle's clause: ", with Ann Lee warning of ..." gives "Ann Lee";
/// "Noting that the plan is late, Ann Lee called for ..." gives the main
/// clause's subject and the comma after "late".
pub fn participle_subject(
    v: &View,
    cue: Range<usize>,
    l: usize,
    sent: Range<usize>,
) -> (Option<Range<usize>>, Option<usize>) {
    let with = super::speaker::left(v, l, sent.start).filter(|r| {
        r.start > sent.start && v.low(r.start - 1) == "with" && r.clone().any(|k| v.is_cap(k))
    });
    if with.is_some() || cue.start != sent.start {
        return (with, None);
    }
    let comma =
        (cue.end..(cue.end + 40).min(sent.end)).find(|&k| v.tok(k) == "," && v.quote_of(k).is_none());
    (comma.and_then(|c| sentence_subject(v, c + 1, sent.end)), comma)
}

/// Whether token `i` opens its sentence with a word that never starts a
/// name ("And", "Still", "There"; `data/not_names/openers.txt`), capitalised
/// only by its place.
pub(super) fn opener(v: &View, i: usize) -> bool {
    v.sentence_tokens(v.sentence_of(i)).start == i
        && !v.is(i, Class::Determiner)
        && !v.is(i, Class::Pronoun)
        && crate::entities::repair::is_opener(v.tok(i))
}

/// The subject phrase at token `start`: a pronoun, a name with its titles,
/// or a description with a capital or determiner.
fn subject_at(v: &View, start: usize, l: usize) -> Option<Range<usize>> {
    let low = v.low(start);
    if matches!(low, "he" | "she" | "they" | "it" | "we") || pronoun_contracted(low).is_some() {
        return Some(start..start + 1); // "We’ll start by noting that": "We’ll"
    }
    if opener(v, start) {
        return None; // "There is", "So:": no subject
    }
    if low.len() > 4 && (low.ends_with("ing") || low.ends_with("ed")) && !v.is_named(start) {
        return None; // ", including Ann Lee,", "Asked about it,": no subject
    }
    // "Community health centers helped": a capital from the sentence's start
    // before lower-case words is a description, read as one below.
    let described = !v.is_named(start) && v.is_word(start + 1) && !v.is_cap(start + 1);
    if v.is_cap(start) && !v.is(start, Class::Determiner) && !described {
        // A name: its capitalised words and titles only ("Mary Jones spoke ...").
        let end = (start..l).find(|&k| !(name_part(v, k) || v.is(k, Class::Title))).unwrap_or(l);
        return (end > start).then_some(start..end);
    }
    let r = right(v, start, l)?;
    // "The spokesman refused to ...": the subject ends at its verb.
    let r = match (r.start + 1..r.end).find(|&k| finite(v, k)) {
        Some(k) => r.start..k,
        None => r,
    };
    let named = r.clone().any(|k| v.is_cap(k) && !v.is(k, Class::Adjunct))
        || v.is(start, Class::Determiner);
    named.then_some(r)
}

/// Whether token `k`, after a name or title, is the verb that ends a
/// subject ("Lee cannot", "the senator sought", "Acme launched"), not a
/// modifier before its noun ("a retired general").
pub(super) fn finite(v: &View, k: usize) -> bool {
    let low = v.low(k);
    let after_head = k.checked_sub(1).is_some_and(|p| {
        let noun = v.is_word(p)
            && !v.is(p, Class::Stop)
            && !v.low(p).ends_with("ly")
            && (p.saturating_sub(2)..p).any(|q| v.is(q, Class::Determiner) || v.is_cap(q));
        // "The retired ...": after a determiner an -ed word is a modifier;
        // "the crowd cheered", "health centers helped": after a noun, the verb.
        (v.is_cap(p) || v.is(p, Class::Title) || noun || v.low(p).ends_with('s') && !v.is_cap(p))
            && !v.is(p, Class::Determiner)
    });
    after_head
        && !v.is_cap(k)
        && (low.len() > 4 && low.ends_with("ed") || crate::text::lexicon::is_finite(low))
}

/// Whether a participle at token `l` describes a document its sentence's
/// subject issued ("issued a statement on Friday saying", "posted a video
/// saying", "sent a letter to staff saying", "a series of tweets saying"):
/// then the participle reports speech and the subject is its speaker. The
/// document follows a determiner or "of", within six words before `l`.
pub(super) fn issued_document(v: &View, l: usize, floor: usize) -> bool {
    let document = |k: usize| {
        let low = v.low(k);
        let noun = low.strip_suffix('s').filter(|n| !n.ends_with('s')).unwrap_or(low);
        crate::text::lexicon::is_document(noun)
            && (v.is(k - 1, Class::Determiner) || matches!(v.low(k - 1), "of" | "new" | "short"))
    };
    // A verb between ("a statement she read saying") ends the look; the
    // document itself may be a verb's form ("tweets").
    (l.saturating_sub(6).max(floor + 1)..l)
        .rev()
        .take_while(|&k| v.is_word(k) && v.quote_of(k).is_none())
        .find(|&k| document(k) || v.tags(k).is_cue_word())
        .is_some_and(document)
}

/// The first token after a dateline that opens a paragraph at `start`
/// ("SAN DIEGO (Wire) — ", "BUFFALO, N.Y. – ", "(Reuters) — "), or `start`
/// when there is none. A dateline is capitalised, marked as one by a word in
/// capitals or a bracket, and ends at a dash within eight tokens before `limit`.
pub(super) fn dateline_end(v: &View, start: usize, limit: usize) -> usize {
    let opens_paragraph =
        start.checked_sub(1).is_none_or(|p| v.paragraph_of(p) != v.paragraph_of(start));
    if !opens_paragraph {
        return start;
    }
    // A hyphen between spaces stands for a dash ("WASHINGTON (Wire) - A deal …").
    let spaced_hyphen = |k: usize| {
        v.tok(k) == "-"
            && k.checked_sub(1).is_some_and(|p| v.end(p) < v.start(k))
            && v.end(k) < v.start(k + 1)
    };
    let dash = (start..(start + 8).min(limit))
        .find(|&k| matches!(v.tok(k), "—" | "–" | "―") || spaced_hyphen(k));
    let Some(d) = dash else { return start };
    let capitalised = (start..d).all(|j| v.is_cap(j) || !v.is_word(j));
    let marked = (start..d).any(|j| {
        v.tok(j) == "(" || v.tok(j).len() > 1 && v.tok(j).chars().all(|c| !c.is_lowercase())
    });
    if capitalised && marked && d > start {
        d + 1
    } else {
        start
    }
}

/// The pronoun of a contracted subject token ("we’ll", "they're", "i've",
/// "she'd"), which the tokenizer keeps whole.
pub(super) fn pronoun_contracted(low: &str) -> Option<&str> {
    let (pronoun, rest) = low.split_once(['’', '\''])?;
    let pronoun_ok = matches!(pronoun, "i" | "we" | "they" | "he" | "she" | "you");
    (pronoun_ok && matches!(rest, "ll" | "re" | "ve" | "d" | "m")).then_some(pronoun)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn subject_of(t: &str) -> String {
        let d = Doc::new(t);
        let v = View::new(&d);
        sentence_subject(&v, 0, v.len())
            .map(|r| t[v.start(r.start)..v.end(r.end - 1)].to_string())
            .unwrap_or_default()
    }

    #[test]
    fn steps_over_openers_and_ends_at_the_verb() {
        assert_eq!(subject_of("And he went on, saying so."), "he");
        assert_eq!(subject_of("Meanwhile, Ann Lee spoke, saying so."), "Ann Lee");
        assert_eq!(subject_of("The spokesman refused, adding so."), "The spokesman");
        assert_eq!(subject_of("The senator sought calm, saying so."), "The senator");
        assert_eq!(subject_of("There is time, saying so."), "");
        assert_eq!(
            subject_of("At a national security speech earlier in the day, Tom Hale spoke, saying so."),
            "Tom Hale"
        );
        // An irregular past ends the subject as one in -ed does.
        assert_eq!(subject_of("Shares of Acme Foods Inc fell 14%, blaming wages."), "Shares of Acme Foods Inc");
    }

    fn issued(t: &str) -> bool {
        let d = Doc::new(t);
        let v = View::new(&d);
        let l = (0..v.len()).find(|&k| v.tok(k) == "saying").unwrap_or(0);
        issued_document(&v, l, 0)
    }

    #[test]
    fn a_participle_after_an_issued_document() {
        assert!(issued("Acme issued a statement on Friday saying so."));
        assert!(issued("Lee sent a letter to staff saying so."));
        assert!(issued("Lee posted a series of tweets saying so."));
        assert!(!issued("Lee met the press saying so."));
        assert!(!issued("The statement, she said, kept saying so."));
        assert!(!issued("Lee made a statement, saying so."));
    }
}
