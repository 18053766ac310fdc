//! Quotations and their speakers. The stages: pair quotation marks
//! ([`marks`]), find reporting verbs with their speaker phrase and content
//! (`attribution`), attach the quoted spans no verb claims (continuations
//! of a quote, quotes with the attribution in the middle), then resolve each
//! speaker phrase to a person (`resolve` over `names`).
//!
//! What counts as a quote: the content of a reporting verb or phrase (with
//! or without quotation marks), and any quoted span of four words or more;
//! shorter quoted fragments (scare quotes) count only inside reported speech.
//!
//! Guarantees: linear in the length of the text; no panics on any input.

mod after_verb;
mod agent;
mod apposition;
mod assemble;
mod attribution;
mod cataphora;
mod content;
mod ends;
mod cue;
mod described;
mod gap;
mod hearer;
mod inverted;
mod labels;
pub mod marks;
mod names;
mod partial;
mod parts;
mod resolve;
mod signatures;
mod span;
mod speaker;
mod subhead;
mod subject;
mod view;
mod words;

use crate::coref::EntityTable;
use crate::text::fasthash::FastMap;
use crate::text::Doc;
use crate::{Continuations, Quote, QuoteKind, Span, Speaker};
use std::ops::Range;
use view::View;

/// A quote before its speaker is resolved.
#[derive(Clone, Debug)]
struct Draft {
    start: usize,
    end: usize,
    cue: Option<Range<usize>>,
    speaker: Option<Range<usize>>,
    /// Takes the speaker of the earlier draft that starts at this byte
    /// (continuations, ", adding that"). A start, not an index: drafts are
    /// sorted and interleaved with free quotes after they are linked.
    same_as: Option<usize>,
    paragraph: usize,
    /// A quoted fragment framed by a plain verb, not reported speech
    /// ([`partial::framed`]): its kind is [`QuoteKind::Partial`].
    partial: bool,
    /// Dropped unless its speaker resolves to an entity ([`attribution::Attribution::needs_entity`]).
    needs_entity: bool,
}

/// A resolved speaker before it is output: the mention's bytes, the name
/// (borrowed from the text or the entity table) and the entity.
#[derive(Clone, Copy)]
struct Who<'a> {
    start: usize,
    end: usize,
    name: &'a str,
    entity: Option<usize>,
}

/// Finds the quotations of a document, in text order; `continuations` says
/// whether a quotation that goes on in a new sentence after its attribution
/// joins the quote before it.
pub fn find(doc: &Doc, entities: &EntityTable, continuations: Continuations) -> Vec<Quote> {
    let mut v = View::new(doc);
    v.mark_people(entities);
    let names = names::Names::new(&v, entities);
    let drafts = assemble::assemble(&v, attribution::find(&v), continuations);
    let mut resolver = resolve::Resolver::new(&names);
    // Each draft's speaker as offsets and borrowed name, so that a draft
    // that takes an earlier one's speaker copies no strings until it is output.
    let mut resolved: Vec<Option<Who>> = Vec::with_capacity(drafts.len());
    // Draft start -> its index in `resolved`, for `same_as`.
    let mut by_start: FastMap<usize, usize> =
        FastMap::with_capacity_and_hasher(drafts.len(), Default::default());
    let mut out = Vec::with_capacity(drafts.len());
    for d in &drafts {
        // Page furniture, credits and bylines report no speech.
        if !assemble::reports(doc, d.paragraph) {
            by_start.insert(d.start, resolved.len());
            resolved.push(None);
            continue;
        }
        let who = match (&d.speaker, d.same_as) {
            (Some(r), _) => {
                let r = &speaker::without_clock_time(&v, r.clone());
                resolver.advance(&v, r.start);
                let got = resolver.resolve(&v, r.clone());
                let (s, e) = (v.start(r.start), v.end(r.end.saturating_sub(1)));
                let entity = got
                    .person
                    .and_then(|p| names.people.get(p))
                    .and_then(|p| p.entity)
                    .filter(|&c| c < entities.clusters.len());
                // The entity's canonical name wins, so that name and entity agree.
                let name = entity
                    .and_then(|c| entities.clusters.get(c))
                    .map_or(got.name, |c| c.name.as_str());
                Some(Who { start: s, end: e, name, entity })
            }
            (None, Some(s)) => by_start.get(&s).and_then(|&j| resolved.get(j)).copied().flatten(),
            (None, None) => None,
        };
        by_start.insert(d.start, resolved.len());
        let who = if d.needs_entity && who.is_none_or(|w| w.entity.is_none()) {
            // "Equations described the orbit": no speaker; and no quote
            // either, unless a quotation shows that someone spoke.
            let quoted = v.quotes_in(v.token_at(d.start), v.token_at(d.end)).any(|q| q.is_some());
            if !quoted {
                resolved.push(None);
                continue;
            }
            None
        } else {
            who
        };
        resolved.push(who);
        // Quotes never overlap: a later one keeps only what is new.
        let from = out.last().map_or(d.start, |p: &Quote| d.start.max(p.end));
        let (start, end) = trim(doc.text, from, d.end);
        if start >= end {
            continue;
        }
        let parts: Vec<Span> = parts::split(&v, start, end, d.cue.as_ref(), d.speaker.as_ref())
            .into_iter()
            .map(|(s, e)| Span { start: s, end: e, text: doc.slice(s, e).to_string() })
            .collect();
        // The extent is the parts' (trimming a part may move its edge).
        let (start, end) = match (parts.first(), parts.last()) {
            (Some(a), Some(b)) => (a.start, b.end),
            _ => (start, end),
        };
        let text = joined_text(&parts);
        out.push(Quote {
            start,
            end,
            text,
            parts,
            kind: if d.partial { QuoteKind::Partial } else { kind(&v, start, end, d.cue.as_ref()) },
            cue: d.cue.as_ref().map(|c| span(&v, c.clone())),
            speaker: who.map(|w| Speaker {
                start: w.start,
                end: w.end,
                text: doc.slice(w.start, w.end).to_string(),
                name: w.name.to_string(),
                entity: w.entity,
            }),
        });
    }
    subhead::speakers(&v, &mut out);
    cataphora::name_later(doc.text, entities, &mut out);
    out
}

/// Direct when the content is one quotation (or two with only the
/// attribution between them), mixed when it holds one, else indirect.
fn kind(v: &View, start: usize, end: usize, cue: Option<&Range<usize>>) -> QuoteKind {
    let (a, b) = (v.token_at(start), v.token_at(end));
    let mut marks = v.quotes_in(a, b).flatten();
    let Some(first) = marks.next() else { return QuoteKind::Indirect };
    let one_quotation = marks.all(|m| m == first);
    // `slammed the hearings as a "disgrace"`: a fragment that a verb of naming
    // or judgement frames and that ends what was said; a quoted sentence
    // alone (`described it: "It was chaos."`) is direct.
    let naming = cue.is_some_and(|c| crate::text::lexicon::is_naming(v.low(c.start)));
    let ends_quoted = b.checked_sub(1).is_some_and(|k| v.quote_of(k).is_some());
    let fragment = v.quote_of(a).is_none() || !v.is_cap(a);
    if naming && one_quotation && ends_quoted && fragment {
        return QuoteKind::Partial;
    }
    // `"We will," he said, "win."`: the words around the cue between two quotations.
    let gap = cue.filter(|c| a < c.start && c.end < b).and_then(|c| {
        let from = (a..c.start).rev().find(|&k| v.quote_of(k).is_some())?;
        let to = (c.end..b).find(|&k| v.quote_of(k).is_some())?;
        Some(from..to)
    });
    let in_gap = |k: usize| gap.as_ref().is_some_and(|g| g.contains(&k));
    // Only none, one or more matter: counting stops at two.
    let outside = v
        .quotes_in(a, b)
        .zip(a..b)
        .filter(|&(q, k)| q.is_none() && v.is_word(k) && !in_gap(k) && !matches!(v.low(k), "that"))
        .take(2)
        .count();
    if outside == 0 || one_quotation && outside <= 1 {
        QuoteKind::Direct
    } else {
        QuoteKind::Mixed
    }
}

/// Trims whitespace and quotation marks from both ends of a byte span.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = text.get(start..end).unwrap_or("");
    let lead = s.len()
        - s.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | ',' | ':')
        })
        .len();
    let trail = s.len()
        - s.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
        })
        .len();
    let (mut start, mut end) = (start + lead, end.saturating_sub(trail).max(start + lead));
    // Two apostrophes ('') are a double mark, as some papers type it, never
    // an apostrophe: trimmed whether or not the other end has them.
    let s = text.get(start..end).unwrap_or("");
    if s.len() > 4 && s.starts_with("''") {
        start += 2;
    }
    if s.len() > 4 && s.ends_with("''") {
        end -= 2;
    }
    // Single marks only as a pair, so that a closing apostrophe ("the Joneses’") stays.
    let s = text.get(start..end).unwrap_or("");
    match (s.chars().next(), s.chars().last()) {
        (Some(a @ ('‘' | '\'')), Some(b @ ('’' | '\'')))
            if s.len() > 2 && (a == '‘') == (b == '’') =>
        {
            (start + a.len_utf8(), end - b.len_utf8())
        }
        // A part that begins at an opening single mark or ends at a closing
        // one without its partner (`'A,' Reid said. 'B.'` in parts): a mark
        // before a capital opens a quotation ("'90s" and "'em" stay), and one
        // after a comma or full stop closes it ("the Joneses’" stays).
        (a, b) => {
            let lead = a.filter(|&a| {
                matches!(a, '‘' | '\'')
                    && s.get(a.len_utf8()..).is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()))
            });
            let trail = b.filter(|&b| {
                matches!(b, '’' | '\'')
                    && s.get(..s.len() - b.len_utf8()).is_some_and(|r| r.ends_with(['.', ',', '!', '?']))
            });
            let (lead, trail) = (lead.map_or(0, char::len_utf8), trail.map_or(0, char::len_utf8));
            if s.len() > 2 && start + lead < end.saturating_sub(trail) {
                (start + lead, end - trail)
            } else {
                (start, end)
            }
        }
    }
}

/// The byte span of a token range.
fn span(v: &View, r: Range<usize>) -> Span {
    let (s, e) = (v.start(r.start), v.end(r.end.saturating_sub(1)));
    Span { start: s, end: e, text: v.doc.slice(s, e).to_string() }
}

/// A quote's text: its parts' texts, joined by " … " when there are several.
pub(crate) fn joined_text(parts: &[Span]) -> String {
    match parts {
        [one] => one.text.clone(),
        many => many.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" … "),
    }
}

#[cfg(test)]
mod tests;
