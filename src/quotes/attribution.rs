//! Attributions: a reporting verb or phrase (the cue), the phrase naming
//! who spoke, and the span of what was said. Covers `X said (that) ...`,
//! `X told Y (that) ...`, `..., X said.`, `"...," said X`, `X said: ...`,
//! `according to X, ...`, `..., according to X.`, the passive `it was
//! reported that ...` (no speaker) and `..., adding that ...` (the speaker of
//! the clause before).
//!
//! Guarantees: each cue looks at a bounded window of its own sentence (plus
//! the quotation it closes or opens), so the pass is linear; no panics.

use super::labels;
use super::lexicon::{cue_at, Class, CueClass};
use super::signatures;
pub(super) use super::span::before_group;
use super::span::{clause_after, colon_content};
use super::speaker;
use super::view::View;
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
}

/// The longest gap between a verb and a following "that" ("said on Tuesday that").
const THAT_WINDOW: usize = 14;

/// Finds the attributions of a document, in text order.
pub fn find(v: &View) -> Vec<Attribution> {
    let mut out = Vec::new();
    let labels = labels::find(v);
    let mut li = 0;
    for s in 0..v.doc.sentences.len() {
        let mut range = v.sentence_tokens(s);
        // "PENCE: Well, ...": a transcript label claims its paragraph.
        while let Some(l) = labels.get(li).filter(|l| l.group < range.end) {
            out.push(l.clone());
            li += 1;
        }
        let first = out.len();
        // "Rep. Lee (D-N.Y.) said": a break inside brackets is no sentence end.
        if s > 0 && unopened_bracket(v, range.clone()) && v.paragraph_of(range.start.saturating_sub(1)) == v.paragraph_of(range.start) {
            range.start = v.sentence_tokens(s - 1).start;
        }
        // Asked only when a capitalised cue needs it (a headline).
        let mut headline = None;
        let mut title_case = || *headline.get_or_insert_with(|| title_case(v, range.clone()));
        let mut i = range.start;
        while i < range.end {
            // Most tokens start no phrase: one bit, before any call.
            if !v.tags(i).starts_cue() {
                i += 1;
                continue;
            }
            match cue_here(v, i, range.end, &mut title_case) {
                Some((len, class)) => {
                    let earlier = out.get(first..).and_then(|a: &[Attribution]| a.last());
                    if let Some(a) = attribute(v, i..i + len, class, range.clone(), earlier) {
                        out.push(a);
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        signatures::find(v, range.clone(), &mut out);
        cut_overlaps(v, out.get_mut(first..).unwrap_or(&mut []));
    }
    out
}

/// Whether a ")" in `r` closes a bracket opened before `r`.
fn unopened_bracket(v: &View, r: Range<usize>) -> bool {
    let mut depth = 0i32;
    for k in r.filter(|&k| v.is_punct(k)) {
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
fn title_case(v: &View, r: Range<usize>) -> bool {
    let words = r.clone().filter(|&i| v.is_word(i) && v.tok(i).len() > 3).count();
    let caps = r.filter(|&i| v.is_cap(i) && v.tok(i).len() > 3).count();
    words >= 3 && caps * 10 >= words * 7
}

/// The cue starting at token `i`, if any: outside quotations, lower case
/// (or in a headline), not an adjective ("the said document").
fn cue_here(v: &View, i: usize, end: usize, title_case: &mut impl FnMut() -> bool) -> Option<(usize, CueClass)> {
    // Most words start no phrase: one bit says so before anything else is asked.
    if !v.tags(i).starts_cue() {
        return None;
    }
    if v.quote_of(i).is_some() || !v.is_word(i) || (v.is_cap(i) && v.sentence_tokens(v.sentence_of(i)).start != i && !title_case()) {
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
    let prev = i.checked_sub(1).map_or("", |p| v.low(p));
    // "the said document", "Graham's comments": a noun or adjective, not a verb.
    let noun = i.checked_sub(1).is_some_and(|p| v.is(p, Class::Determiner)) && prev != "that" || matches!(prev, "’s" | "'s" | "’" | "'") && v.quote_of(i - 1).is_none() && !speaker::contraction(v, i - 1);
    (!noun).then_some((len, class))
}

/// Builds the attribution of the cue at `cue`, or None when the verb does
/// not report speech here.
fn attribute(v: &View, cue: Range<usize>, class: CueClass, sent: Range<usize>, earlier: Option<&Attribution>) -> Option<Attribution> {
    let according = v.low(cue.start) == "according";
    let (l, passive) = if according { (cue.start, false) } else { speaker::skip_left(v, cue.start, sent.start) };
    // "adding", "saying" without "is" before them: a participle whose subject
    // is the sentence's, and only after a comma or "by", "while", "and".
    let participle = !passive && !according && v.low(cue.start).ends_with("ing");
    // The comma may sit inside a quotation just before: `on "Morning Joe," calling it ...`.
    let after_comma = |b: usize| v.is_close_mark(b) && v.tok(b.saturating_sub(1)) == ",";
    if participle && !l.checked_sub(1).is_some_and(|b| matches!(v.low(b), "," | "by" | "while" | "after" | "before" | "and" | "then" | "—" | "–" | "when") || after_comma(b)) {
        return None;
    }
    let mut subject = if according || participle { None } else { speaker::left(v, l, sent.start).or_else(|| speaker::apposition(v, l, sent.start)) };
    let mut inverted = false;
    let mut far = false;
    if passive && subject.as_ref().is_some_and(|r| v.low(r.start) == "it" && r.len() == 1) {
        subject = None; // "it was reported that": no speaker
    } else if passive && v.low(cue.end) == "by" {
        subject = speaker::right(v, cue.end + 1, sent.end); // "was first reported by X"
        inverted = subject.is_some();
    }
    let before = l.checked_sub(1).filter(|&b| b >= sent.start);
    let opens_clause = before.is_none_or(|b| v.is_close_mark(b) || matches!(v.tok(b), "," | "—" | "–" | "―" | "(" | ":"));
    if subject.is_none() && (!passive || inverted) && !participle && (opens_clause || according) {
        subject = speaker::right(v, cue.end, sent.end).filter(|r| according || speaker::plausible_inverted(v, r.clone(), sent.end));
        inverted = subject.is_some();
    }
    let mut inherit = false;
    if subject.is_none() && !passive && (participle || before.is_some_and(|b| matches!(v.low(b), "," | "and" | "but" | "then"))) {
        // "..., adding that", "and said": the subject of the sentence, or of the quote before.
        // After another attribution in the sentence, its speaker; else the sentence's subject.
        // A relative "who said" before does not carry over: "X defended an aide who said ..., saying".
        let relative = earlier.is_some_and(|a| a.speaker.as_ref().is_some_and(|r| matches!(v.low(r.start), "who" | "which")));
        subject = if earlier.is_some() && !relative { None } else { speaker::sentence_subject(v, sent.start, l) };
        far = subject.is_some();
        inherit = subject.is_none();
    }
    if subject.is_none() && !inherit && !passive {
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
        let comma = (after..(after + 30).min(sent.end)).find(|&k| v.tok(k) == "," && v.quote_of(k).is_none());
        after = comma.map_or(after, |c| c + 1);
    } else if according && v.tok(after) == "," {
        after += 1;
    } else if inverted {
        after = skip_apposition(v, speaker::skip_parenthesis(v, after), sent.end);
    }
    if class == CueClass::Object && !according {
        after = skip_hearer(v, after, sent.end);
    }
    let class = if participle && class == CueClass::Speech { CueClass::Participle } else { class };
    let (start, end) = content(v, group_start, after, sent.clone(), according, class)?;
    if participle && end <= v.start(cue.start) {
        return None; // ", comparing him to ...": a participle reports what follows it
    }
    Some(Attribution { cue, speaker: subject, inherit, group: group_start, start, end })
}

/// Skips ", a Republican of South Carolina," after an inverted speaker.
fn skip_apposition(v: &View, after: usize, end: usize) -> usize {
    if v.tok(after) != "," {
        return after;
    }
    let mut k = after + 1;
    while k < end && k < after + 20 && v.quote_of(k).is_none() {
        if v.tok(k) == "," && !matches!(v.low(k + 1), "that" | "adding" | "saying") {
            return k;
        }
        if matches!(v.tok(k), "." | "!" | "?") {
            return k;
        }
        k += 1;
    }
    after
}

/// Skips the hearer after "told": "told reporters", "told Sputnik".
fn skip_hearer(v: &View, after: usize, end: usize) -> usize {
    let low = v.low(after);
    if matches!(low, "him" | "her" | "them" | "me" | "us" | "you") {
        return after + 1;
    }
    if low == "that" || !v.is_word(after) {
        return after;
    }
    speaker::right(v, after, end).map_or(after, |r| r.end)
}

/// The content span of an attribution whose speaker group starts at token
/// `group` and whose verb phrase ends before token `after`.
fn content(v: &View, group: usize, after: usize, sent: Range<usize>, according: bool, class: CueClass) -> Option<(usize, usize)> {
    // A quote ending in "?" or "!" ends its sentence: `"Why?" Graham asked.`
    // After a full stop only when no clause of its own follows the verb:
    // `... said "it is late." Reed said it would be "unwise" to ...`.
    let ends_question = |p: usize| matches!(v.tok(p.saturating_sub(1)), "?" | "!");
    let floor = match group.checked_sub(1) {
        Some(p) if group == sent.start && v.is_close_mark(p) && v.paragraph_of(p) == v.paragraph_of(group) && (ends_question(p) || words_between(v, after, sent.end) < 5) => v.sentence_tokens(v.sentence_of(p)).start,
        _ => sent.start,
    };
    let sent = floor..sent.end;
    let mut prev = group.checked_sub(1).filter(|&p| p >= sent.start);
    // Step over a stray symbol between a closing mark and the speaker.
    if let Some(p) = prev.filter(|&p| !v.is_word(p) && v.quote_of(p).is_none() && !matches!(v.tok(p), "," | "—" | "–" | "―" | ":" | "(")) {
        if p.checked_sub(1).is_some_and(|q| q >= sent.start && v.is_close_mark(q)) {
            prev = Some(p - 1);
        }
    }
    let boundary = prev.is_some_and(|p| v.is_close_mark(p) || matches!(v.tok(p), "," | "—" | "–" | "―" | ":" | "("));
    let has_before = boundary && prev.is_some_and(|p| p >= sent.start + 2 || v.is_close_mark(p) || p.checked_sub(1).is_some_and(|q| v.is_close_mark(q)));
    let mut rest = after_kind(v, after, sent.end);
    if let Rest::Clause(k) = rest {
        if !(k..sent.end).any(|i| v.is_word(i)) {
            rest = Rest::End; // "she said 😀."
        }
    }
    if class == CueClass::Weak {
        // "continued", "branded": only before "that", a colon or a quotation,
        // with a quotation inside, or after a quotation.
        let marked = |k: usize| v.is_open_mark(k) || matches!(v.low(k.saturating_sub(1)), "that" | ":");
        let after_quote = prev.is_some_and(|p| v.is_close_mark(p) || v.is_close_mark(p.saturating_sub(1)));
        let quoted = |k: usize| (k..sent.end).any(|i| v.is_open_mark(i));
        match rest {
            Rest::Clause(k) if marked(k) || quoted(k) => return clause_after(v, k, sent.end),
            Rest::Adjunct if quoted(after) => return clause_after(v, after, sent.end),
            Rest::Colon => return colon_content(v, after, sent.end),
            _ if has_before && after_quote => return before_group(v, prev?, sent.start),
            _ => return None,
        }
    }
    // "Hawaii, as an adviser pointed out, rarely ...": the sentence around it.
    if group >= sent.start + 2 && v.low(group - 1) == "as" && v.tok(group - 2) == "," {
        // "..., as the Times put it, “the operator.”": the quotation that ends the sentence.
        let open = (after..(after + THAT_WINDOW).min(sent.end)).find(|&k| v.is_open_mark(k) && v.tok(k.saturating_sub(1)) == ",");
        let closes = |k: usize| v.quote_of(k).and_then(|m| v.marks.get(m)).is_some_and(|m| m.closed && words_between(v, v.token_at(m.close), sent.end) == 0);
        if let Some(k) = open.filter(|&k| closes(k)) {
            return clause_after(v, k, sent.end);
        }
        return clause_after(v, sent.start, sent.end);
    }
    let quote_before = prev.is_some_and(|p| v.is_close_mark(p) || v.is_close_mark(p.saturating_sub(1)));
    match rest {
        // "\"We will,\" he said, \"win.\"": the first half here, the second joins it later.
        Rest::Clause(k) if quote_before && v.is_open_mark(k) && v.tok(k.saturating_sub(1)) == "," && class != CueClass::Participle => before_group(v, prev?, sent.start),
        // "The plan would fail, according to X" / "According to X, the plan ...".
        _ if according && has_before => before_group(v, prev?, sent.start),
        Rest::Clause(k) if according => (v.tok(k.saturating_sub(1)) == ",").then(|| clause_after(v, k, sent.end)).flatten(),
        // "Back home, Smith said, he decided ...": the sentence around the attribution.
        // `"Only you," she said, would do that.`: the sentence runs on through the attribution.
        Rest::Clause(k) if has_before && quote_before && v.tok(after) == "," && !v.is_open_mark(k) && !runs_on(v, k) => before_group(v, prev?, sent.start),
        Rest::Clause(k) if has_before && v.tok(after) == "," && !v.is_open_mark(k) => {
            let (s, _) = before_group(v, prev?, sent.start)?;
            clause_after(v, k, sent.end).map(|(_, e)| (s, e))
        }
        // "..., the Times reported one day later.": too short to be what was said.
        // After a quotation, a clause with a quotation of its own is what was said:
        // `"Go! Go!" the senator said his campaign was "closing strong."`.
        Rest::Clause(k) if has_before && k == after && class != CueClass::Participle && (quote_before && !quoted_clause(v, k, sent.end) || words_between(v, k, sent.end) < 5) => before_group(v, prev?, sent.start),
        Rest::Clause(k) => clause_after(v, k, sent.end),
        Rest::End | Rest::Adjunct if has_before => before_group(v, prev?, sent.start),
        // `"...," retired general Lloyd Newton said.`: a quote ends just before the phrase.
        Rest::End => {
            let q = (group.saturating_sub(3).max(sent.start)..group).rev().find(|&k| v.is_close_mark(k))?;
            before_group(v, q, sent.start)
        }
        Rest::Adjunct if sent.end.saturating_sub(after) >= 6 => clause_after(v, after, sent.end),
        Rest::Colon => colon_content(v, after, sent.end),
        _ => None,
    }
}

/// Whether the clause from token `k` holds a quotation after its first
/// words and at least five words in all (a bounded look).
fn quoted_clause(v: &View, k: usize, end: usize) -> bool {
    words_between(v, k, end) >= 5 && (k + 1..end.min(k + THAT_WINDOW * 2)).any(|i| v.is_open_mark(i))
}

/// Whether the words after an attribution's comma go on with the sentence
/// the quotation began (a verb or "that" in lower case), rather than add an
/// adjunct, a participle or a new clause.
fn runs_on(v: &View, k: usize) -> bool {
    let low = v.low(k);
    v.is_word(k) && !v.is_cap(k) && matches!(low, "that" | "would" | "will" | "could" | "should" | "can" | "may" | "might" | "must" | "is" | "was" | "are" | "were" | "has" | "have" | "had")
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
    if adjunct && v.is_cap(a) && a + 1 < end && v.is_word(a + 1) && (!v.is(a + 1, Class::Adjunct) && !v.is(a + 1, Class::Stop) || v.is(a + 1, Class::Determiner) && next != "that") {
        return Rest::Clause(a + 1);
    }
    if adjunct {
        let stop = (a + THAT_WINDOW).min(end);
        for k in a + 1..stop {
            if v.quote_of(k).is_some() && !v.is_open_mark(k) {
                continue;
            }
            if v.low(k) == "that" || v.tok(k) == ":" {
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
            let place_comma = v.tok(k) == "," && (v.is_cap(k + 1) && v.is_cap(k - 1) || v.is_cap(k - 1) && v.low(k + 1) == "that");
            if matches!(v.tok(k), "," | ";") && k > a && !place_comma || matches!(v.low(k), "is" | "was" | "are" | "were" | "will" | "would" | "has" | "have" | "had") {
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

/// Cuts an attribution's content where a later cue of the same sentence
/// begins (", adding that ...", ", he said, ...").
fn cut_overlaps(v: &View, atts: &mut [Attribution]) {
    for i in 1..atts.len() {
        let (head, tail) = atts.split_at_mut(i);
        let (Some(prev), Some(next)) = (head.last_mut(), tail.first()) else { continue };
        // An apposition subject lies before the earlier content: cut at the verb.
        let group = if v.start(next.group) <= prev.start { speaker::skip_left(v, next.cue.start, next.group).0 } else { next.group };
        // "X said that Y announced ...": nested speech stays in X's content.
        let boundary = group.checked_sub(1).is_some_and(|b| matches!(v.low(b), "," | ";" | "—" | "–" | "―" | "and" | "but") || v.is_close_mark(b));
        if !boundary {
            continue;
        }
        let cut = match group.checked_sub(1) {
            Some(c) if matches!(v.low(c), "," | "—" | "–" | "―" | ";" | "and" | "but") => v.start(c),
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
