//! Drafts in text order: each attribution's content widened so that it
//! never cuts a quotation in two, and the quotations no verb claims added
//! between them: the second half of an interrupted quote, a continuation
//! paragraph that keeps the previous speaker (across a caption or subhead),
//! a fragment a verb frames, or a scare quote left out.
//!
//! Guarantees: one pass over the attributions and one over the quotation
//! marks, each looking back a bounded number of drafts; no panics.

use super::attribution::Attribution;
use super::partial;
use super::view::View;
use super::Draft;
use crate::text::kinds::ParagraphKind;
use crate::text::lexicon;
use crate::text::Doc;
use crate::Continuations;

/// Quoted spans shorter than this (in words) are scare quotes unless a verb reports them.
const MIN_FREE_WORDS: usize = 4;

/// The longest attribution between two halves of one quote, in tokens.
const MAX_GAP_TOKENS: usize = 40;

/// Turns attributions into drafts and adds the quoted spans they leave out.
pub(super) fn assemble(v: &View, atts: Vec<Attribution>, continuations: Continuations) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::with_capacity(atts.len());
    for a in atts {
        let (start, end) = widen_to_marks(v, a.start, a.end, v.start(a.group));
        if drafts.iter().rev().take(3).any(|d| d.start == start && d.end == end) {
            continue;
        }
        let same_as = a.inherit.then(|| drafts.last().map(|d| d.start)).flatten();
        let paragraph = v.paragraph_of(v.token_at(start));
        drafts.push(Draft {
            start,
            end,
            cue: Some(a.cue),
            speaker: a.speaker,
            same_as,
            paragraph,
            partial: false,
            needs_entity: a.needs_entity,
        });
    }
    drafts.sort_by_key(|d| d.start);
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len() + v.marks.len());
    let mut di = 0;
    for (mi, m) in v.marks.iter().enumerate() {
        while let Some(d) = drafts.get(di).filter(|d| d.start <= m.open) {
            out.push(d.clone());
            di += 1;
        }
        let covered = out
            .iter()
            .rev()
            .take(4)
            .chain(drafts.get(di..).unwrap_or(&[]).iter().take(4))
            .any(|d| d.start < m.end && m.start < d.end);
        if covered {
            continue;
        }
        if words_in(v, m.start, m.end) < MIN_FREE_WORDS && !own_sentence(v, mi) && !own_paragraph(v, mi) {
            // A scare quote stands alone unless a sentence's subject and verb frame it.
            let listed = partial::listed(v, mi, out.last());
            out.extend(
                listed.or_else(|| partial::framed(v, mi)).or_else(|| partial::that_clause(v, mi)),
            );
            continue;
        }
        free_quote(v, mi, &mut out, continuations);
    }
    out.extend(drafts.get(di..).unwrap_or(&[]).iter().cloned());
    out.sort_by_key(|d| d.start);
    out
}

/// Adds quoted span `mi`, claimed by no verb: it continues the quote just
/// before it in the paragraph (`"A," he said. "B."`), or it stands alone and
/// takes the speaker of the previous quote (a continuation paragraph).
fn free_quote(v: &View, mi: usize, out: &mut Vec<Draft>, continuations: Continuations) {
    let Some(m) = v.marks.get(mi) else { return };
    if !reports(v.doc, m.paragraph) {
        return;
    }
    // The last quote of a paragraph that can report speech (not a "Read more" link).
    let last = (out.len().saturating_sub(8)..out.len())
        .rev()
        .find(|&j| out.get(j).is_some_and(|d| reports(v.doc, d.paragraph)));
    let prev = last.and_then(|j| out.get(j));
    let same_para = prev.is_some_and(|d| {
        d.paragraph == m.paragraph && d.end <= m.open && no_mark_between(v, d.end, m.open)
    });
    // `Lee had the same experience: "…"`: Lee's words, not a continuation.
    if let Some(d) = partial::colon_frame(v, mi) {
        out.push(d);
        return;
    }
    if same_para && merge_within_paragraph(v, prev, m.open, continuations) {
        if let Some(d) = last.and_then(|j| out.get_mut(j)) {
            d.end = m.end.max(d.end);
        }
        return;
    }
    // "Sen. Lee identified bigotry as a cause. "The young are sick of it."":
    // the person the sentence before was about, not the last quote's speaker.
    if prev.is_none_or(|d| d.paragraph != m.paragraph) {
        if let Some(d) = partial::subject_frame(v, mi).or_else(|| partial::own_sentence_subject(v, mi)) {
            out.push(d);
            return;
        }
    }
    // A caption or subhead between two paragraphs of quotes does not break the run.
    let before = prev.filter(|d| {
        d.paragraph + 1 >= m.paragraph
            || m.paragraph <= d.paragraph + 3
                && (d.paragraph + 1..m.paragraph).all(|p| furniture(v, p))
    });
    // `"Done?" she said, but Tom was asleep, and as Bill went on about "…"`:
    // another clause with its own subject between; not hers.
    let other_clause = prev.filter(|d| d.paragraph == m.paragraph).is_some_and(|d| {
        let (a, b) = (v.token_at(d.end), v.token_at(m.open));
        b.saturating_sub(a) <= MAX_GAP_TOKENS && clause_follows(v, a, b)
    });
    let same_as = before.map(|d| d.start).filter(|_| !other_clause);
    let draft = match partial::that_clause(v, mi) {
        Some(d) if d.speaker.is_some() => d,
        Some(d) => Draft { same_as, ..d },
        // In the same paragraph, the verb before reports it too.
        None => {
            let cue = before.filter(|d| d.paragraph == m.paragraph && !other_clause).and_then(|d| d.cue.clone());
            Draft {
                start: m.start,
                end: m.end,
                cue,
                speaker: None,
                same_as,
                paragraph: m.paragraph,
                partial: false,
                needs_entity: false,
            }
        }
    };
    out.push(draft);
}

/// Whether paragraph `p` can report speech: not page furniture, a credit or a byline.
pub(super) fn reports(doc: &Doc, p: usize) -> bool {
    doc.paragraphs.get(p).is_none_or(|para| para.kind.reports_speech())
}

/// Whether paragraph `p` is a caption, credit or subhead rather than prose:
/// short, with no quotation, and labelled ("Photo: ...", "(Photo: ...)") or
/// not ended as a sentence is.
fn furniture(v: &View, p: usize) -> bool {
    if v.doc.paragraphs.get(p).is_some_and(|para| para.kind != ParagraphKind::Prose) {
        return true;
    }
    let r = v.paragraph_tokens(p);
    if r.is_empty() || r.len() > 40 || v.quotes_in(r.start, r.end).any(|q| q.is_some()) {
        return false;
    }
    let labelled = v.is(r.start, lexicon::Class::Label)
        || r.clone().any(|k| v.tok(k) == "(" && v.is(k + 1, lexicon::Class::Label));
    let unfinished = r.end.checked_sub(1).is_some_and(|l| !matches!(v.tok(l), "." | "!" | "?"));
    labelled || unfinished
}

/// Whether a quote that follows an attributed one in the same paragraph is
/// its second half: only when what lies between is the attribution itself
/// ("," he said, ") rather than a sentence of its own, and, with
/// [`Continuations::Separate`], only when the second half does not open a
/// new sentence (`"A," he said. "B."` is then two quotes).
fn merge_within_paragraph(
    v: &View,
    prev: Option<&Draft>,
    open: usize,
    continuations: Continuations,
) -> bool {
    let Some(d) = prev else { return false };
    let (a, b) = (v.token_at(d.end), v.token_at(open));
    let new_sentence =
        || b.checked_sub(1).is_some_and(|k| k >= a && matches!(v.tok(k), "." | "!" | "?"));
    if continuations == Continuations::Separate && new_sentence() {
        return false;
    }
    // The attribution lies between the halves (its cue comes after the
    // first), or the quotation follows the content at once (`X said Y. "Z."`);
    // not after words of another sentence (`X said Y. The choice was "Z."`).
    // `X said Y, he added. "Z."`: a quotation after reported words is a
    // quote of its own, not the second half of one.
    let (ds, de) = (v.token_at(d.start), v.token_at(d.end));
    if new_sentence() && !v.quotes_in(ds, de).any(|q| q.is_some()) {
        return false;
    }
    let cue_between = d.cue.as_ref().is_some_and(|c| c.start >= a);
    let adjacent = || (a..b).all(|k| !v.is_word(k));
    b.saturating_sub(a) <= MAX_GAP_TOKENS && (cue_between || adjacent()) && !clause_follows(v, a, b)
}

/// Whether the gap `a..b` between two quotations goes on past the
/// attribution into a clause of its own (`"Done?" she said, but Tom was
/// asleep, and as Bill went on about "..."`): then the second quotation
/// belongs to that clause, not to the first.
fn clause_follows(v: &View, a: usize, b: usize) -> bool {
    (a + 1..b).any(|k| {
        v.low(k) == "but"
            && v.tok(k - 1) == ","
            && (k + 1..b).filter(|&j| v.is_word(j)).count() >= 3
    })
}

/// Whether no quotation lies between bytes `a` and `b`, which must be close
/// (a bounded look, so that many marks after one quote stay linear).
fn no_mark_between(v: &View, a: usize, b: usize) -> bool {
    let (i, j) = (v.token_at(a), v.token_at(b));
    j.saturating_sub(i) <= MAX_GAP_TOKENS
        && (i..j).all(|k| v.quote_of(k).is_none() || v.start(k) >= b)
}

/// Widens a content span so that it never cuts a quotation in two, but
/// never back past its own speaker (`group`, the first byte of the speaker
/// and cue) when it follows them.
fn widen_to_marks(v: &View, start: usize, end: usize, group: usize) -> (usize, usize) {
    let first = v.token_at(start);
    let last = v.token_at(end).saturating_sub(1);
    let floor = if start > group { group } else { 0 };
    let s = v.quote_of(first).and_then(|m| v.marks.get(m)).map_or(start, |m| {
        if m.open < floor {
            start
        } else {
            m.open.min(start)
        }
    });
    let e = v.quote_of(last).and_then(|m| v.marks.get(m)).map_or(end, |m| m.close.max(end));
    (s, e)
}

/// Whether quoted span `mi` is a sentence of its own (`"Trams are not."`):
/// it opens a sentence and ends in a full stop, so it is speech however short,
/// not a scare quote.
fn own_sentence(v: &View, mi: usize) -> bool {
    let Some(m) = v.marks.get(mi).filter(|m| m.closed) else { return false };
    let open = v.token_at(m.open);
    let last = v.token_at(m.end).checked_sub(1).filter(|&k| k > open);
    let opens = v.sentence_tokens(v.sentence_of(open)).start == open
        || open.checked_sub(1).is_some_and(|p| matches!(v.tok(p), "." | "!" | "?"));
    opens && last.is_some_and(|k| matches!(v.tok(k), "." | "!" | "?"))
}

/// Whether quoted span `mi` is its paragraph, but for a list number before it
/// (`6. “The Gordon problem”` as a subhead): shown as a quotation, not a scare quote.
fn own_paragraph(v: &View, mi: usize) -> bool {
    let Some(m) = v.marks.get(mi).filter(|m| m.closed) else { return false };
    alone_in_paragraph(v, v.token_at(m.open), v.token_at(m.close.saturating_sub(1)) + 1)
}

/// Whether tokens `first..last` are their paragraph, but for a list number
/// ("6.", "2)") and opening marks before them and punctuation after.
pub(super) fn alone_in_paragraph(v: &View, first: usize, last: usize) -> bool {
    let r = v.paragraph_tokens(v.paragraph_of(first));
    let numbered = |k: usize| {
        v.tok(k).bytes().all(|b| b.is_ascii_digit()) || matches!(v.tok(k), "." | ")") || v.is_open_mark(k)
    };
    (r.start..first).all(numbered) && (last..r.end).all(|k| v.is_punct(k))
}

fn words_in(v: &View, start: usize, end: usize) -> usize {
    (v.token_at(start)..v.token_at(end)).filter(|&k| v.is_word(k)).count()
}

