//! Attributions: a reporting verb or phrase (the cue), the phrase naming
//! who spoke, and the span of what was said. Covers `X said (that) ...`,
//! `X told Y (that) ...`, `..., X said.`, `"...," said X`, `X said: ...`,
//! `according to X, ...`, `..., according to X.`, the passive `it was
//! reported that ...` (no speaker) and `..., adding that ...` (the speaker of
//! the clause before). Where the content begins and ends is decided in
//! [`super::content`].
//!
//! Guarantees: each cue looks at a bounded window of its own sentence (plus
//! the quotation it closes or opens), so the pass is linear; no panics.

use super::content::content;
use super::ends::{comment_end, occasion_end, relative_end};
use super::cue::{common_noun_form, cue_here, speaks};
use super::labels;
use super::signatures;
pub(super) use super::span::before_group;
use super::speaker;
use super::view::View;
use crate::text::lexicon::CueClass;
use std::ops::Range;

/// One attribution, in tokens (cue, speaker) and bytes (content).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    pub cue: Range<usize>,
    /// The phrase naming the speaker, if the sentence has one.
    pub speaker: Option<Range<usize>>,
    /// The speaker is the one of the attribution before ("..., adding that").
    pub inherit: bool,
    /// First token of the verb and its speaker phrase.
    pub group: usize,
    /// What was said, in bytes.
    pub start: usize,
    pub end: usize,
    /// Counts only if the speaker turns out to be a person or organisation
    /// ("Equations described ...", where the one capitalised word may be a
    /// name or may only open the sentence).
    pub needs_entity: bool,
}

/// Finds the attributions of a document, in text order.
pub fn find(v: &View) -> Vec<Attribution> {
    let labels = labels::find(v);
    // About one attribution for every two sentences in news: sized once.
    let mut out = Vec::with_capacity(v.doc.sentences.len() / 2 + labels.len() + 4);
    let mut li = 0;
    // Only landmark tokens (cue starts, brackets, dashes) can matter to the
    // scans below, so each sentence visits its landmarks, not its tokens.
    let landmarks = v.landmarks();
    let mut lm = 0;
    for s in 0..v.doc.sentences.len() {
        let mut range = v.sentence_tokens(s);
        // "PENCE: Well, ...": a transcript label claims its paragraph.
        while let Some(l) = labels.get(li).filter(|l| l.group < range.end) {
            out.push(l.clone());
            li += 1;
        }
        let first = out.len();
        while landmarks.get(lm).is_some_and(|&k| (k as usize) < range.start) {
            lm += 1;
        }
        let mut from = lm;
        // A walk, not a search, so that a long text stays linear and in cache.
        let mut to = lm;
        while landmarks.get(to).is_some_and(|&k| (k as usize) < range.end) {
            to += 1;
        }
        // "Rep. Lee (D-N.Y.) said": a break inside brackets is no sentence end.
        if s > 0
            && unopened_bracket(v, landmarks.get(from..to).unwrap_or(&[]))
            && v.paragraph_of(range.start.saturating_sub(1)) == v.paragraph_of(range.start)
        {
            range.start = v.sentence_tokens(s - 1).start;
            while from > 0 && landmarks.get(from - 1).is_some_and(|&k| k as usize >= range.start) {
                from -= 1;
            }
        }
        let marks = landmarks.get(from..to).unwrap_or(&[]);
        // Asked only when a capitalised cue needs it (a headline).
        let mut headline = None;
        let mut title_case = || *headline.get_or_insert_with(|| title_case(v, range.clone()));
        // Tokens before `next` belong to a cue already matched.
        let mut next = range.start;
        for i in marks.iter().map(|&k| k as usize) {
            if i < next || !v.tags(i).starts_cue() {
                continue;
            }
            if let Some((len, class)) = cue_here(v, i, range.end, &mut title_case) {
                let sentence = out.get(first..).unwrap_or(&[]);
                if let Some(a) = attribute(v, i..i + len, class, range.clone(), sentence) {
                    out.push(a);
                }
                next = i + len;
            }
        }
        signatures::find(v, range.clone(), marks, &mut out);
        drop_aside(v, range.start, &mut out, first);
        cut_overlaps(v, out.get_mut(first..).unwrap_or(&mut []));
    }
    out
}

/// Whether a ")" among the landmarks `marks` of a sentence closes a
/// bracket opened before the sentence.
fn unopened_bracket(v: &View, marks: &[u32]) -> bool {
    let mut depth = 0i32;
    for k in marks.iter().map(|&k| k as usize).filter(|&k| v.is_punct(k)) {
        match v.tok(k) {
            "(" => depth += 1,
            ")" if depth == 0 => return true,
            ")" => depth -= 1,
            _ => {}
        }
    }
    false
}

/// Whether most words of the sentence are capitalised (a headline).
pub(super) fn title_case(v: &View, r: Range<usize>) -> bool {
    let words = r.clone().filter(|&i| v.is_word(i) && v.tok(i).len() > 3).count();
    let caps = r.filter(|&i| v.is_cap(i) && v.tok(i).len() > 3).count();
    words >= 3 && caps * 10 >= words * 7
}

/// Builds the attribution of the cue at `cue`, or None when the verb does
/// not report speech here.
fn attribute(
    v: &View,
    cue: Range<usize>,
    class: CueClass,
    sent: Range<usize>,
    sentence: &[Attribution],
) -> Option<Attribution> {
    let earlier = sentence.last();
    let according = v.low(cue.start) == "according";
    // `"A," he said, according to the Ledger`: the paper reported it; he said it.
    let just_said = |a: &Attribution| {
        let end = a.speaker.as_ref().map_or(a.cue.end, |r| r.end.max(a.cue.end));
        a.speaker.is_some() && a.cue.end <= cue.start && end + 2 >= cue.start
    };
    if according && cue.start > sent.start && earlier.is_some_and(just_said) {
        return None;
    }
    let (mut l, passive) =
        if according { (cue.start, false) } else { speaker::skip_left(v, cue.start, sent.start) };
    // "Councillors like to say that …", "she wanted to tell them": the
    // subject of the verb before "to"; not "declined to say", said of silence.
    if !passive && l >= sent.start + 3 && v.low(l - 1) == "to" && crate::text::lexicon::is_habitual(v.low(l - 2)) {
        l = speaker::skip_left(v, l - 2, sent.start).0;
    }
    // "adding", "saying" without "is" before them: a participle whose subject
    // is the sentence's, and only after a comma or "by", "while", "and".
    let participle = !passive && !according && v.low(cue.start).ends_with("ing");
    // The comma may sit inside a quotation just before: `on "Morning Joe," calling it ...`.
    let after_comma = |b: usize| v.is_close_mark(b) && v.tok(b.saturating_sub(1)) == ",";
    let (with_subject, opening_comma) = if participle {
        super::subject::participle_subject(v, cue.clone(), l, sent.clone())
    } else {
        (None, None)
    };
    if participle
        && with_subject.is_none()
        && !l.checked_sub(1).is_some_and(|b| {
            matches!(
                v.low(b),
                "," | "by" | "while" | "after" | "before" | "and" | "then" | "—" | "–" | "when" | "despite"
            ) || after_comma(b)
        })
        && !super::subject::issued_document(v, l, sent.start)
    {
        return None;
    }
    let mut subject = if with_subject.is_some() {
        with_subject
    } else if according || participle {
        None
    } else {
        speaker::left(v, l, sent.start).or_else(|| super::apposition::apposition(v, l, sent.start))
    };
    let mut inverted = false;
    let mut far = false;
    if passive && v.low(cue.end) == "by" {
        // "was first reported by X", "it was reported by X that".
        subject = speaker::right(v, cue.end + 1, sent.end);
        inverted = subject.is_some();
    } else if passive && subject.as_ref().is_some_and(|r| v.low(r.start) == "it" && r.len() == 1) {
        subject = None; // "it was reported that": no speaker
    }
    // `described as "unprecedented" by the department`, `the jail, dubbed the "Hilton" by X`.
    let agent = (passive || l.checked_sub(1).is_some_and(|b| v.tok(b) == ","))
        .then(|| super::agent::after_fragment(v, cue.end, sent.end))
        .flatten();
    if let Some(a) = &agent {
        (subject, inverted) = (Some(a.speaker.clone()), true);
    }
    let before = l.checked_sub(1).filter(|&b| b >= sent.start);
    let opens_clause = before.is_none_or(|b| {
        v.is_close_mark(b) || matches!(v.tok(b), "," | "—" | "–" | "―" | "(" | ":")
    });
    // "X told Y": what follows the verb is the hearer, never the speaker.
    let hearer_follows = class == CueClass::Object
        && matches!(
            v.low(cue.start),
            "told" | "tell" | "tells" | "informed" | "notified" | "reminded" | "assured"
        );
    if subject.is_none()
        && (!passive || inverted)
        && !participle
        && !hearer_follows
        && (opens_clause || according)
    {
        subject = speaker::right(v, cue.end, sent.end)
            .filter(|r| according || speaker::plausible_inverted(v, r.clone(), sent.end));
        // "according to his campaign": the owner's noun phrase.
        if according
            && subject.is_none()
            && matches!(v.low(cue.end), "his" | "her" | "their" | "its" | "our")
        {
            subject = speaker::right(v, cue.end + 1, sent.end).map(|r| cue.end..r.end);
        }
        // "according to its chief executive, Ann Vell.": with the name after.
        if let Some(r) = subject.clone().filter(|r| according && v.tok(r.end) == ",") {
            // A title may come first ("their surgeon, Dr. Ann Rao").
            let first = (r.end + 1..(r.end + 4).min(sent.end))
                .find(|&k| !(v.is(k, crate::text::lexicon::Class::Title) || v.tok(k) == "."))
                .unwrap_or(r.end + 1);
            let name = (first..(first + 5).min(sent.end)).take_while(|&k| v.is_person(k)).last();
            if let Some(e) = name.filter(|&e| matches!(v.tok(e + 1), "," | "." | ";")) {
                subject = Some(r.start..e + 1);
            }
        }
        inverted = subject.is_some();
    }
    let mut inherit = false;
    if subject.is_none()
        && !passive
        && !according
        && (participle || before.is_some_and(|b| matches!(v.low(b), "," | "and" | "but" | "then")))
    {
        // "..., adding that", "and said": the subject of the sentence, or of the quote before.
        // After another attribution in the sentence, its speaker; else the sentence's subject.
        // A relative "who said" before does not carry over: "X defended an aide who said ..., saying".
        let relative = earlier.is_some_and(|a| {
            a.speaker.as_ref().is_some_and(|r| matches!(v.low(r.start), "who" | "which" | "that"))
        });
        // "X said that Y had concluded ..., saying": the participle is X's,
        // not that of the speaker nested in X's content.
        let outer = sentence.first().filter(|o| o.speaker.is_some());
        let nested = participle
            && outer.zip(earlier).filter(|(o, e)| !std::ptr::eq(*o, *e)).is_some_and(|(o, e)| {
                e.speaker.as_ref().is_some_and(|r| (o.start..o.end).contains(&v.start(r.start)))
            });
        subject = if nested {
            outer.and_then(|o| o.speaker.clone())
        } else if earlier.is_some() && !relative {
            None
        } else {
            super::subject::sentence_subject(v, sent.start, l)
        };
        // "Shares of Acme fell …, blaming weak demand": no one spoke.
        if participle && subject.as_ref().is_some_and(|r| crate::text::lexicon::is_thing(v.low(r.start))) {
            return None;
        }
        far = subject.is_some();
        // "Her advice is simple: taste everything, and write nothing down":
        // a verb in its bare form, with no subject found, is an imperative.
        inherit = subject.is_none() && (earlier.is_some() || participle || !super::cue::bare_form(v.low(cue.start)));
    }
    if subject.is_none() && !inherit && !passive {
        return None;
    }
    // A verb that only sometimes reports speech needs a speaker who can speak.
    let sometimes = class == CueClass::Weak
        || matches!(
            v.low(cue.start),
            "described" | "describes" | "describe" | "describing" | "claimed" | "claims" | "claim"
        );
    if sometimes && subject.as_ref().is_some_and(|r| !speaks(v, r)) {
        return None;
    }
    // Where the speaker group starts (for what was said before it) and ends.
    let group_start = match &subject {
        _ if inverted || far => l.min(cue.start),
        Some(r) => r.start.min(l),
        None => l,
    };
    let mut after = if inverted { subject.as_ref().map_or(cue.end, |r| r.end) } else { cue.end };
    if according && cue.start == sent.start {
        // "According to X, the plan ...", however long X is.
        let comma = (after..(after + 30).min(sent.end))
            .find(|&k| v.tok(k) == "," && v.quote_of(k).is_none());
        after = comma.map_or(after, |c| c + 1);
    } else if according && v.tok(after) == "," {
        after += 1;
    } else if let Some(a) = &agent {
        after = a.start;
    } else if inverted {
        after = super::inverted::skip_apposition(v, speaker::skip_parenthesis(v, after), sent.end);
    }
    if class == CueClass::Object && !according {
        after = super::hearer::skip_hearer(v, after, sent.end);
    }
    let class = if participle && class == CueClass::Speech { CueClass::Participle } else { class };
    let span = content(v, group_start, after, sent.clone(), according, class)?;
    let span = occasion_end(v, after, relative_end(v, group_start, after, span));
    let (start, mut end) = comment_end(v, after, span);
    if let Some(a) = &agent {
        end = end.min(v.end(a.close));
    }
    if let Some(c) = opening_comma {
        end = end.min(v.start(c)); // the participle's clause ends at its comma
    }
    if (participle || passive && subject.is_none()) && end <= v.start(cue.start) {
        // ", comparing him to ...": a participle reports what follows it;
        // "Ann Lee, 61, is accused of": the passive's subject, not what was said.
        return None;
    }
    if one_word(v, start, end) {
        return None; // "the women who wrote it": an object, not what was said
    }
    let needs_entity = sometimes
        && subject
            .as_ref()
            .is_some_and(|r| r.len() == 1 && v.is_cap(r.start) && common_noun_form(v.low(r.start)));
    Some(Attribution {
        cue,
        speaker: subject,
        inherit,
        group: group_start,
        start,
        end,
        needs_entity,
    })
}

/// Whether bytes `start..end` hold at most one word and no quotation mark.
fn one_word(v: &View, start: usize, end: usize) -> bool {
    let (a, b) = (v.token_at(start), v.token_at(end));
    // A word and its punctuation at most: a bounded look.
    b <= a + 3
        && (a..b).all(|k| !v.is_open_mark(k) && !v.is_close_mark(k))
        && (a..b).filter(|&k| v.is_word(k)).take(2).count() < 2
}

/// Drops an opening aside ("As we have noted, a study by X concluded that
/// ...") when a later verb of the sentence has a speaker of its own: the
/// aside points at what follows; the later verb reports it.
fn drop_aside(v: &View, start: usize, out: &mut Vec<Attribution>, first: usize) {
    let Some(a) = out.get(first) else { return };
    let aside = v.low(start) == "as"
        && a.group <= start + 3
        && v.tok(a.cue.end) == ","
        && out.get(first + 1..).is_some_and(|later| later.iter().any(|b| b.speaker.is_some()));
    if aside {
        out.remove(first);
    }
}

/// Cuts an attribution's content where a later cue of the same sentence
/// begins (", adding that ...", ", he said, ...").
fn cut_overlaps(v: &View, atts: &mut [Attribution]) {
    for i in 1..atts.len() {
        let (head, tail) = atts.split_at_mut(i);
        let (Some(prev), Some(next)) = (head.last_mut(), tail.first()) else { continue };
        // An apposition subject lies before the earlier content: cut at the verb.
        let group = if v.start(next.group) <= prev.start {
            speaker::skip_left(v, next.cue.start, next.group).0
        } else {
            next.group
        };
        // ", with Ann Lee warning of ...": the comma before "with" bounds it.
        // ", though she noted ...": the concession is the later speaker's.
        let group = match group.checked_sub(2) {
            Some(c)
                if matches!(v.low(c + 1), "with" | "though" | "although" | "while" | "whereas")
                    && v.tok(c) == "," =>
            {
                c + 1
            }
            _ => group,
        };
        // "X said that Y announced ...": nested speech stays in X's content.
        let boundary = group.checked_sub(1).is_some_and(|b| {
            matches!(v.low(b), "," | ";" | "—" | "–" | "―" | "and" | "but") || v.is_close_mark(b)
        });
        if !boundary {
            continue;
        }
        let cut = match group.checked_sub(1) {
            Some(c) if matches!(v.low(c), "," | "—" | "–" | "―" | ";" | "and" | "but") => {
                v.start(c)
            }
            Some(c) if v.is_close_mark(c) => v.end(c),
            _ => v.start(group),
        };
        // The later attribution reports what follows it, or the quotation before it
        // (`scolded him: "A," she said.`): either way the earlier content ends there.
        if prev.start < cut && cut < prev.end && (next.start >= cut || next.end <= cut) {
            prev.end = cut;
        }
    }
}
