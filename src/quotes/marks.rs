//! Quotation-mark pairing: finds the spans enclosed by double quotes
//! (straight `"`, curly `“ ”`, low `„`, guillemets `« »`) and, outside
//! them, by single quotes (`‘ ’`, `' '`).
//!
//! Guarantees: one pass over each paragraph's mark tokens (and their
//! neighbours), so linear time; a span
//! never crosses a paragraph boundary (a quote left open at the end of a
//! paragraph is cut there, and marked `continues` when the next paragraph
//! reopens it, the newswire convention for multi-paragraph quotes); stray
//! marks (inch marks, apostrophes such as "the '90s" or "rock 'n' roll")
//! never produce a span that swallows text beyond its paragraph; no panics.

mod facing;
mod unclosed;

use crate::text::sentences::Paragraph;
use crate::text::tokens::{Token, TokenKind};
use crate::text::Doc;
use facing::{classify, double_apostrophe, Mark, Role};

/// A span enclosed by quotation marks, in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Content span, without the marks.
    pub start: usize,
    pub end: usize,
    /// Byte offset just past the closing mark (the paragraph end when unclosed).
    pub close: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Left open at the end of its paragraph, and the next paragraph reopens.
    pub continues: bool,
    /// Single quotation marks rather than double.
    pub single: bool,
    /// Index of the paragraph.
    pub paragraph: usize,
}

/// Finds all quoted spans in the document, in text order.
#[cfg(test)]
pub fn pair(doc: &Doc) -> Vec<Marked> {
    let bytes = doc.text.as_bytes();
    let candidates: Vec<u32> = (0..doc.tokens.len())
        .filter(|&i| {
            doc.tokens.get(i).is_some_and(|t| {
                t.kind == TokenKind::Punct
                    && may_be_mark(bytes.get(t.start()).copied())
                    && is_mark(t.text(doc.text))
            })
        })
        .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
        .collect();
    pair_at(doc, &candidates)
}

/// Whether a punctuation token's text is one the pairing reads: a
/// quotation mark or an apostrophe. Every other token changes no state.
pub fn is_mark(text: &str) -> bool {
    matches!(text, "“" | "„" | "«" | "”" | "»" | "\"" | "‘" | "’" | "'")
}

/// `pair`, given the punctuation tokens whose text [`is_mark`], in text
/// order. NOTE: the caller finds these while it reads each distinct word
/// (see `words::Words::marks`), so that pairing visits a few tokens per
/// paragraph instead of testing every token.
pub fn pair_at(doc: &Doc, candidates: &[u32]) -> Vec<Marked> {
    // Sized for a quotation every forty tokens, so that it rarely regrows.
    let mut out = Vec::with_capacity(doc.tokens.len() / 40 + 4);
    let mut c = 0;
    for (pi, para) in doc.paragraphs.iter().enumerate() {
        let (first, toks) = paragraph_tokens(doc, para);
        while candidates.get(c).is_some_and(|&k| (k as usize) < first) {
            c += 1;
        }
        let from = c;
        while candidates.get(c).is_some_and(|&k| (k as usize) < first + toks.len()) {
            c += 1;
        }
        // A paragraph without a mark opens and closes nothing.
        let Some(here) = candidates.get(from..c).filter(|h| !h.is_empty()) else { continue };
        let before = out.len();
        pair_paragraph(doc, (first, toks), here, pi, para, &mut out);
        // A quote left open: does the next paragraph reopen it?
        if let Some(last) = out.get_mut(before..).and_then(|m| m.last_mut()) {
            if !last.closed && !last.single {
                last.continues =
                    doc.paragraphs.get(pi + 1).is_some_and(|next| opens_with_quote(doc, next));
                if !last.continues {
                    unclosed::close_at_attribution(doc, last);
                }
            }
        }
    }
    out
}

/// The first token of a paragraph and its tokens.
fn paragraph_tokens<'d>(doc: &'d Doc, para: &Paragraph) -> (usize, &'d [Token]) {
    let first = doc.sentences.get(para.sentences.start).map_or(0, |s| s.tokens.start);
    let last = para
        .sentences
        .end
        .checked_sub(1)
        .and_then(|i| doc.sentences.get(i))
        .map_or(0, |s| s.tokens.end);
    debug_assert!(first <= last && last <= doc.tokens.len(), "{first}..{last}");
    (first, doc.tokens.get(first..last).unwrap_or(&[]))
}

fn opens_with_quote(doc: &Doc, para: &Paragraph) -> bool {
    paragraph_tokens(doc, para)
        .1
        .first()
        .is_some_and(|t| matches!(t.text(doc.text), "\"" | "“" | "„" | "«" | "'"))
}

/// Pairs the marks of one paragraph (its first token and tokens), whose
/// candidate tokens ([`is_mark`]) are `here`, in document token indices.
fn pair_paragraph(
    doc: &Doc,
    (first, toks): (usize, &[Token]),
    here: &[u32],
    pi: usize,
    para: &Paragraph,
    out: &mut Vec<Marked>,
) {
    let text = doc.text;
    let mut double: Option<(usize, usize)> = None; // the open double mark's bytes
    let mut single: Option<(usize, usize)> = None; // an open single mark outside doubles
    let mut skip = false;
    let mut in_attribute = false; // inside markup such as <tweet author="@x">
    let stray = stray_opener(text, toks);
    // Only marks change the state, so only they are visited (`skip` and
    // `stray` concern marks only, and `skip` is set only before an apostrophe).
    for i in here.iter().map(|&k| (k as usize).wrapping_sub(first)) {
        let Some(tok) = toks.get(i) else { continue };
        if std::mem::take(&mut skip) || stray && i == 0 {
            continue;
        }
        if tok.text(text) == "\"" {
            let after_equals = i
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| p.text(text) == "=" && p.end() == tok.start());
            if after_equals || in_attribute {
                in_attribute = after_equals;
                continue;
            }
        }
        // Two apostrophes ('') stand for a double mark in some newswire text.
        let (mark, tok) = match double_apostrophe(text, toks, i) {
            Some((role, both)) => {
                skip = true;
                (Mark::Double(role), both)
            }
            None => match classify(text, toks, i) {
                Some(m) => (m, *tok),
                None => continue,
            },
        };
        match mark {
            Mark::Double(role) => {
                single = None; // an unclosed single inside was an apostrophe
                match (double, role) {
                    (None, Role::Close) => {}
                    (None, _) => double = Some((tok.start(), tok.end())),
                    (Some(open), Role::Open) => {
                        // A second opener: the first quote was never closed.
                        out.push(marked(open, tok.start(), tok.start(), false, false, pi));
                        double = Some((tok.start(), tok.end()));
                    }
                    (Some(open), _) => {
                        out.push(marked(open, tok.start(), tok.end(), true, false, pi));
                        double = None;
                    }
                }
            }
            Mark::Single(role) if double.is_none() => match (single, role) {
                (None, Role::Open | Role::Toggle) => single = Some((tok.start(), tok.end())),
                (Some(open), Role::Close | Role::Toggle) => {
                    // "rock 'n' roll": a one-letter span is not a quote.
                    if text.get(open.1..tok.start()).is_some_and(|s| s.trim().chars().count() > 1) {
                        out.push(marked(open, tok.start(), tok.end(), true, true, pi));
                    }
                    single = None;
                }
                (Some(_), Role::Open) => single = Some((tok.start(), tok.end())),
                (None, Role::Close) => {}
            },
            Mark::Single(_) => {}
        }
    }
    if let Some(open) = double {
        out.push(marked(open, para.end, para.end, false, false, pi));
    }
}

/// Whether a punctuation token whose first byte is `first` may be a
/// quotation mark: `"` or `'`, or the lead byte of `« »` (C2) or of
/// `“ ” „ ‘ ’` (E2). Most punctuation is not, and is skipped on one byte.
#[cfg(test)]
fn may_be_mark(first: Option<u8>) -> bool {
    matches!(first, Some(b'"' | b'\'' | 0xC2 | 0xE2))
}

/// Whether the paragraph opens with a straight `"` that nothing closes
/// while curly marks pair inside it (`"Trump walked on, chanting “U-S-A!”`):
/// a leftover of pasted block quotes, which would otherwise hide the real
/// quotation behind it.
fn stray_opener(text: &str, toks: &[Token]) -> bool {
    if toks.first().is_none_or(|t| t.text(text) != "\"") {
        return false;
    }
    // Only punctuation starting with `"` or E2 (the lead byte of `“ ”`) can match: tested first.
    let bytes = text.as_bytes();
    let candidates = toks.iter().skip(1).filter(|t| {
        t.kind == TokenKind::Punct && matches!(bytes.get(t.start()), Some(b'"' | 0xE2))
    });
    let mut curly = candidates.map(|t| t.text(text)).filter(|t| matches!(*t, "\"" | "“" | "”"));
    curly.next() == Some("“") && curly.all(|t| t != "\"")
}

fn marked(
    open: (usize, usize),
    end: usize,
    close: usize,
    closed: bool,
    single: bool,
    paragraph: usize,
) -> Marked {
    Marked {
        open: open.0,
        start: open.1,
        end: end.max(open.1),
        close,
        closed,
        continues: false,
        single,
        paragraph,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(t: &str) -> Vec<String> {
        let doc = Doc::new(t);
        pair(&doc).iter().map(|m| t[m.start..m.end].to_string()).collect()
    }

    #[test]
    fn straight_and_curly_doubles() {
        assert_eq!(spans("\"We will,\" he said, \"win.\""), ["We will,", "win."]);
        assert_eq!(spans("“We will,” he said, “win.”"), ["We will,", "win."]);
        assert_eq!(spans("«Nous gagnerons», a-t-il dit."), ["Nous gagnerons"]);
    }

    #[test]
    fn singles_outside_doubles_and_nested_singles_ignored() {
        assert_eq!(spans("US will have ‘dialogue’ with Russia"), ["dialogue"]);
        assert_eq!(spans("He said 'enough is enough' today."), ["enough is enough"]);
        assert_eq!(
            spans("“He called it ‘a farce’ twice,” she said."),
            ["He called it ‘a farce’ twice,"]
        );
    }

    #[test]
    fn markup_attributes_are_not_quotes() {
        assert_eq!(
            spans(
                "<tweet author=\"@ana\" date=\"2016\">We won.</tweet> She said \"we won\" twice."
            ),
            ["we won"]
        );
    }

    #[test]
    fn doubled_apostrophes_are_double_marks() {
        assert_eq!(spans("''We will,'' he said. ''Win.''"), ["We will,", "Win."]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(spans("In the '90s, rock 'n' roll and Russia’s rivals' plans.").is_empty());
    }

    #[test]
    fn stray_straight_mark_opening_a_paragraph_is_skipped() {
        assert_eq!(spans("\"Ann walked on, chanting “we want more!” twice."), ["we want more!"]);
        // A straight mark that a curly one closes still opens.
        assert_eq!(spans("\"We want more,” Ann said."), ["We want more,"]);
    }

    #[test]
    fn every_quotation_mark_passes_the_first_byte_filter() {
        for m in ["\"", "'", "“", "”", "„", "«", "»", "‘", "’"] {
            assert!(may_be_mark(m.bytes().next()), "{m}");
        }
        for p in [",", ".", "(", "=", "-", "`"] {
            assert!(!may_be_mark(p.bytes().next()), "{p}");
        }
        assert!(!may_be_mark(None));
    }

    #[test]
    fn inch_marks_are_not_quotes() {
        assert!(spans("He is 6'2\" tall and bought a 12\" record.").is_empty());
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph_end_and_continues() {
        let t = "“First part of it.\n\n“Second part.” she said.\n\nUnrelated paragraph.";
        let doc = Doc::new(t);
        let m = pair(&doc);
        assert_eq!(m.len(), 2);
        assert!(!m[0].closed && m[0].continues);
        assert_eq!(&t[m[0].start..m[0].end], "First part of it.");
        assert!(m[1].closed);
    }

    #[test]
    fn stray_mark_never_swallows_the_article() {
        let t = "He said \"no.\n\nA second paragraph.\n\nA third.";
        let doc = Doc::new(t);
        let m = pair(&doc);
        assert_eq!(m.len(), 1);
        assert!(!m[0].continues);
        assert!(m[0].end <= t.find("A second").unwrap());
    }

    #[test]
    fn pairing_the_candidates_is_pairing_every_token() {
        let text = "\"We will,\" he said. ''Win.'' 5'10\" tall, 'rock 'n' roll'.\n\n“Open\n\n“Again,” she said — “fine.”\n\nNo marks.\n\n\"Ann walked on, chanting “more!” twice. <a b=\"c\">x</a>";
        let doc = Doc::new(text);
        let m = pair(&doc);
        assert!(m.len() >= 6, "{m:?}");
        // Given every punctuation token, or only the marks, the spans are the same.
        let punct: Vec<u32> = (0..doc.tokens.len() as u32)
            .filter(|&i| doc.tokens[i as usize].kind == TokenKind::Punct)
            .collect();
        let marks: Vec<u32> =
            punct.iter().copied().filter(|&i| is_mark(doc.tokens[i as usize].text(text))).collect();
        assert!(marks.len() < punct.len());
        assert_eq!(pair_at(&doc, &marks), m);
        assert_eq!(pair_at(&doc, &punct), m);
        assert!(pair_at(&doc, &[]).is_empty());
    }

    #[test]
    fn many_marks_are_linear_and_bounded() {
        let t = "\"".repeat(10_001);
        let doc = Doc::new(&t);
        assert!(pair(&doc).len() <= 5001);
    }
}
