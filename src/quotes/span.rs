//! The spans of what was said, given where an attribution's verb phrase
//! sits: the clause after it (to the sentence end, or the end of the
//! quotation running past it), the stretch before it, or the paragraph
//! after a closing colon.
//!
//! Guarantees: each call looks at a bounded window of tokens, so a
//! document's attributions take linear time; no panics.

use super::view::View;

/// How far a content is searched for a missed sentence break, in tokens.
const BREAK_WINDOW: usize = 200;

/// From token `k` to the end of the sentence, or to the end of the
/// quotation that runs on past it.
pub(super) fn clause_after(v: &View, k: usize, end: usize) -> Option<(usize, usize)> {
    if k >= end {
        return None;
    }
    // `chanted "What curfew?" and kept going`: the quotation alone.
    if let Some(m) = v.quote_of(k).filter(|_| v.is_open_mark(k)).and_then(|m| v.marks.get(m)) {
        let after = v.token_at(m.close);
        // `yelled "You lie!" at the president`, `said "We'll see," when asked`.
        let moves_on = matches!(
            v.low(after),
            "and"
                | "but"
                | "until"
                | "while"
                | "before"
                | "after"
                | "as"
                | "on"
                | "at"
                | "when"
                | "with"
                | "which"
                | "who"
                | "during"
        );
        // `said "budget reforms" and the collection of taxes would pay`: "and"
        // then a noun phrase joins a second subject, and the clause goes on.
        let joins_subject = matches!(v.low(after), "and" | "or")
            && v.is(after + 1, crate::text::lexicon::Class::Determiner);
        // `chanted, "Pay us now," in a hallway, Tom spoke` and `the hard way:
        // "No place like home," she sings`: set off by a comma, the quotation
        // is all that was said.
        let set_off = k > 0
            && matches!(v.tok(k - 1), "," | ":")
            && v.tok(v.token_at(m.close).saturating_sub(2)) == ","
            && v.is_word(after)
            && (!v.is_cap(after) || v.is(after, crate::text::lexicon::Class::Pronoun));
        if m.closed && after < end && (moves_on || set_off) && !joins_subject {
            return Some((v.start(k), m.close));
        }
    }
    // A missed sentence break before a new quotation ("... system. \"Nothing ...")
    // ends the content there; looked for in a bounded window to stay linear.
    let stop = |i: usize| {
        let full_stop = |j: usize| matches!(v.tok(j), "." | "?" | "!");
        // `... system. "Nothing` and `... World.” Jacobs credited`.
        full_stop(i - 1) && v.is_open_mark(i) && v.quote_of(k).is_none()
            || i >= 2 && v.is_close_mark(i - 1) && full_stop(i - 2) && v.is_cap(i)
    };
    // The content ends before a comment on the report: ", deploying ...",
    // ", whom he described as", ", also known as".
    let aside = |i: usize| {
        if v.quote_of(i).is_some() {
            return false;
        }
        let low = v.low(i);
        // The comma may sit inside the quotation before: `"corrupt," noting ...`.
        let comma = v.tok(i - 1) == "," || i >= 2 && v.is_close_mark(i - 1) && v.tok(i - 2) == ",";
        comma
            && (matches!(low, "whom" | "also")
                || low.len() > 5 && low.ends_with("ing") && !v.is_cap(i) && !matches!(low, "including" | "depending" | "regarding" | "concerning"))
    };
    // `likened it to "a fire sale" - a charge ...`: a dash after a closing
    // mark starts a comment on the quotation, not more of what was said.
    let dash =
        |i: usize| v.is_close_mark(i - 1) && matches!(v.tok(i), "-" | "--" | "—" | "–" | "―");
    // Each of `stop` and `aside` needs a ".", "?", "!" or "," one or two
    // tokens before, and `dash` a dash (one punctuation character): most
    // tokens are passed over on those flags alone.
    let after_pause = |i: usize| v.is_pause(i - 1) || i >= 2 && v.is_pause(i - 2);
    let end = (k + 1..end.min(k + BREAK_WINDOW))
        .find(|&i| after_pause(i) && stop(i) || v.is_punct(i) && dash(i))
        .unwrap_or(end);
    let end = (k + 2..end.min(k + BREAK_WINDOW))
        .find(|&i| after_pause(i) && aside(i))
        .map_or(end, |i| if v.tok(i - 1) == "," { i - 1 } else { i });
    let last = end - 1;
    let mut e = v.end(last);
    if let Some(m) = v.quote_of(last).and_then(|m| v.marks.get(m)) {
        e = e.max(m.close);
    }
    Some((v.start(k), e))
}

/// From the sentence start (or the opening of the quotation that closes
/// just before the speaker) to the boundary token `p`.
pub(super) fn before_group(v: &View, p: usize, sent_start: usize) -> Option<(usize, usize)> {
    // A dateline ("SAN DIEGO (Wire) — ") is not what was said.
    let mut start = v.start(super::subject::dateline_end(v, sent_start, p));
    for q in [p, p.saturating_sub(1)] {
        if v.is_close_mark(q) {
            if let Some(m) = v.quote_of(q).and_then(|m| v.marks.get(m)) {
                start = m.open;
                break;
            }
        }
    }
    let end = if v.is_close_mark(p) { v.end(p) } else { v.start(p) };
    (start < end).then_some((start, end))
}

/// "X said:" at the end of a paragraph: the next paragraph.
pub(super) fn colon_content(v: &View, colon: usize, _end: usize) -> Option<(usize, usize)> {
    let para = v.paragraph_of(colon + 1);
    let r = v.paragraph_tokens(para);
    (!r.is_empty()).then(|| (v.start(r.start), v.end(r.end - 1)))
}
