//! The speaker before an apposition: "Smith, a spokesman for X, said",
//! "Its chief executive, Priya Raman, said", "Rep. Ann Vell (R-Ohio), a
//! member of the panel, said", or two appositions in a row.
//!
//! Guarantees: looks at most 30 tokens back from the verb and never leaves
//! the sentence; no panics (all token access goes through [`View`]).

use super::speaker::left;
use super::subject::opener;
use super::view::View;
use crate::text::lexicon::Class;
use std::ops::Range;

/// The subject of "Smith, a spokesman for X, said" or "Smith, who ..., said",
/// where token `l - 1` is the comma before the verb.
pub fn apposition(v: &View, l: usize, floor: usize) -> Option<Range<usize>> {
    let comma = l.checked_sub(1).filter(|&c| c > floor && v.tok(c) == ",")?;
    if v.is_close_mark(comma - 1) {
        return None; // "\"...,\" said X": inverted, not an apposition
    }
    let lowest = comma.saturating_sub(30).max(floor);
    let first = (lowest..comma).rev().find(|&k| v.tok(k) == "," || v.quote_of(k).is_some())?;
    if v.tok(first) != "," || v.quote_of(first).is_some() {
        return None;
    }
    // "…, Rep. Owen Pike of Ohio, called": a titled name the tagger knows is a name too.
    let titled = v.is(first + 1, Class::Title) && (first + 1..comma).any(|k| v.is_person(k));
    let appositive_name = is_name(v, first + 1..comma) || titled;
    // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": the name
    // before the party's parenthesis.
    let before = match first.checked_sub(1).filter(|&p| p > floor && v.tok(p) == ")") {
        Some(close) => (close.saturating_sub(10).max(floor)..close)
            .rev()
            .find(|&k| v.tok(k) == "(")
            .unwrap_or(first),
        None => first,
    };
    let Some(np) = left(v, before, floor) else {
        // "The company that runs the show, Acme Media, said": the name.
        return appositive_name.then_some(first + 1..comma);
    };
    // "a study by the Centre for Trade Research, a think tank, concluded": the author.
    let author = np.start >= floor + 2
        && matches!(v.low(np.start - 1), "by" | "from")
        && crate::text::lexicon::is_document(v.low(np.start - 2));
    if author {
        return Some(np);
    }
    let opens = np.start == floor
        || v.is_close_mark(np.start - 1)
        || matches!(v.low(np.start - 1), "," | "and" | "but" | "(" | "—" | "as");
    let named = (np.clone()).any(|k| v.is_cap(k)) || v.is(np.start, Class::Pronoun);
    // "Its chief executive, Priya Raman, said": the description and the name
    // together, so that the name (the last capitalised word) resolves it.
    let described = np.clone().any(|k| v.is_word(k) && !v.is_cap(k));
    if appositive_name && (described || !opens) {
        return Some(if opens { np.start..comma } else { first + 1..comma });
    }
    // "Jeff Lee, president of Acme, a design agency, said": two appositions;
    // the name that opens them is the speaker. Before a party tag ("Rep. Ann
    // Vell, D-Md., whose district …, wrote") it may have a title.
    let tag = party_tag(v, np.clone());
    if opens && np.start > floor + 1 && v.tok(np.start - 1) == "," {
        if let Some(outer) = left(v, np.start - 1, floor).filter(|r| {
            (is_name(v, r.clone()) || tag && r.clone().any(|k| v.is_person(k)))
                && !opener(v, r.start)
                && (r.start == floor
                    || matches!(v.low(r.start - 1), "," | "and" | "but" | "(" | "—"))
        }) {
            return Some(outer);
        }
    }
    (opens && named && !tag).then_some(np)
}

/// Whether tokens `r` are a party and state tag ("D-Md.", "R-Ariz.").
fn party_tag(v: &View, r: Range<usize>) -> bool {
    let text = v.doc.slice(v.start(r.start), v.end(r.end.saturating_sub(1)));
    let mut chars = text.chars();
    matches!(chars.next(), Some('D' | 'R' | 'I'))
        && chars.next() == Some('-')
        && chars.next().is_some_and(char::is_uppercase)
        && text.len() <= 10
}

/// Whether tokens `r` are a short proper name: one to four capitalised
/// words, none of them a title ("Priya Raman", not "Chief Executive").
fn is_name(v: &View, r: Range<usize>) -> bool {
    let words = r.clone().filter(|&k| v.is_word(k)).count();
    (1..=4).contains(&words)
        && r.clone()
            .all(|k| v.is_word(k) && v.is_cap(k) && !v.is(k, Class::Title) || v.tok(k) == ".")
}
