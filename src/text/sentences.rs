//! Paragraph and sentence splitting over the token stream.
//!
//! Paragraphs end at blank lines, and at single line breaks unless the line
//! is wrapped: in a hard-wrapped text ([`super::wrap`]) when the next word
//! would not have fitted on the line, and in any text when the line ends
//! mid-sentence and the next one starts in lower case. Sentences end at `.`, `!` or `?` (with any closing quotes or
//! brackets after them) before a word that can start a sentence, except after
//! abbreviations that do not end sentences ("Gen.", "Sen.", "Mr."), and after
//! abbreviations that may ("U.S.", "Inc.", "a.m.") only when the next word is
//! a common sentence opener. Every paragraph break is also a sentence break.
//!
//! Guarantees: linear in the number of tokens; sentences and paragraphs cover
//! all tokens, in order, without overlap; no panics.

use super::lexicon::abbreviations as lexicon;
use super::tokens::{Token, TokenKind};
use std::ops::Range;

/// A sentence: a range of token indices and its byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Range<usize>,
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph holding this sentence.
    pub paragraph: usize,
}

/// A paragraph: a range of sentence indices, its byte span, and what it is
/// (prose, headline, credit, furniture, ...: [`super::kinds`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub sentences: Range<usize>,
    pub start: usize,
    pub end: usize,
    pub kind: super::kinds::ParagraphKind,
}

/// Splits tokens into sentences and paragraphs.
#[cfg(test)]
pub fn split(text: &str, tokens: &[Token]) -> (Vec<Sentence>, Vec<Paragraph>) {
    let (s, p, _) = split_lines(text, tokens, None);
    (s, p)
}

/// The sentence split, also giving the byte offsets of the line breaks read as wraps
/// inside a paragraph (in order). `margin` is the text's right margin when
/// the caller knows it ([`super::hyphens`]: a rewritten text has the
/// original's), else it is measured.
pub fn split_lines(
    text: &str,
    tokens: &[Token],
    margin: Option<usize>,
) -> (Vec<Sentence>, Vec<Paragraph>, Vec<u32>) {
    let mut lines = Lines { width: margin.map(Some), wraps: Vec::new() };
    // About one sentence every twenty tokens in news, and often one
    // sentence a paragraph: room for both without growing.
    let mut sentences = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut paragraphs = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut sent_start = 0usize;
    let mut para_start_sent = 0usize;
    let bytes = text.as_bytes();
    for (i, tok) in tokens.iter().enumerate() {
        let next = tokens.get(i + 1);
        // NOTE: most tokens are words that cannot end a sentence, followed by
        // nothing or one space, which breaks no paragraph: two comparisons
        // settle them before the general rules are asked.
        if let Some(n) = next {
            let plain_gap = n.start() == tok.end()
                || n.start() == tok.end() + 1 && bytes.get(tok.end()) == Some(&b' ');
            if plain_gap && !may_end_sentence(bytes, tok) {
                continue;
            }
        }
        let para_break = next.is_some_and(|next| paragraph_break(text, tok, next, &mut lines));
        let end_here = next.is_none() || para_break || sentence_ends_after(text, tokens, i);
        if end_here {
            push_sentence(&mut sentences, tokens, sent_start..i + 1, paragraphs.len());
            sent_start = i + 1;
            if para_break || next.is_none() {
                push_paragraph(&mut paragraphs, &sentences, para_start_sent);
                para_start_sent = sentences.len();
            }
        }
    }
    (sentences, paragraphs, lines.wraps)
}

/// What the splitter learns about the text's lines as it goes.
struct Lines {
    /// The right margin of a hard-wrapped text: measured at the first
    /// single line break (`None` until then; `Some(None)` when unwrapped).
    width: Option<Option<usize>>,
    /// The line breaks read as wraps.
    wraps: Vec<u32>,
}

impl Lines {
    /// Whether the single line break between `prev` and `next` is a wrap
    /// of a hard-wrapped text (recorded in `wraps` when it is).
    fn wrapped(&mut self, text: &str, prev: &Token, next: &Token) -> bool {
        let width = *self.width.get_or_insert_with(|| super::wrap::width(text));
        let Some(w) = width else { return false };
        let Some(nl) = text.get(prev.end()..next.start()).and_then(|g| g.find('\n')) else {
            return false;
        };
        let at = prev.end() + nl;
        if super::wrap::is_wrap(text, prev.end(), next.start(), w) {
            self.wraps.extend(u32::try_from(at).ok());
            return true;
        }
        false
    }
}

fn push_sentence(out: &mut Vec<Sentence>, tokens: &[Token], r: Range<usize>, paragraph: usize) {
    if let (Some(first), Some(last)) =
        (tokens.get(r.start), r.end.checked_sub(1).and_then(|e| tokens.get(e)))
    {
        out.push(Sentence { start: first.start(), end: last.end(), tokens: r, paragraph });
    }
}

fn push_paragraph(out: &mut Vec<Paragraph>, sentences: &[Sentence], first: usize) {
    if let (Some(a), Some(b)) = (sentences.get(first), sentences.last()) {
        out.push(Paragraph {
            sentences: first..sentences.len(),
            start: a.start,
            end: b.end,
            kind: Default::default(),
        });
    }
}

/// Whether the whitespace between two adjacent tokens breaks the paragraph.
fn paragraph_break(text: &str, prev: &Token, next: &Token, lines: &mut Lines) -> bool {
    if prev.end() >= next.start() {
        // Adjacent tokens: no gap at all, unless a credit is glued on.
        return super::kinds::glued_break(text, prev, next);
    }
    // Bytes, not chars: '\n' is one byte and U+2029 is E2 80 A9, and no
    // other character's encoding contains either.
    let gap = text.as_bytes().get(prev.end()..next.start()).unwrap_or(&[]);
    if !gap.iter().any(|&b| b == b'\n' || b == 0xe2) {
        return false; // the usual gap: spaces and tabs
    }
    let mut newlines = 0;
    for (k, &b) in gap.iter().enumerate() {
        if b == b'\n' {
            newlines += 1;
        } else if b == 0xe2 && gap.get(k + 1..k + 3) == Some(&[0x80u8, 0xa9][..]) {
            return true; // a paragraph separator
        }
    }
    if newlines >= 2 {
        return true;
    }
    if newlines == 0 {
        return false;
    }
    if lines.wrapped(text, prev, next) {
        return false;
    }
    // One line break: wrapped text continues a sentence in lower case.
    let prev_text = prev.text(text);
    let next_starts_lower = next.text(text).chars().next().is_some_and(|c| c.is_lowercase());
    let prev_ends_open =
        prev.kind != TokenKind::Punct || matches!(prev_text, "," | "-" | "–" | "(");
    !(next_starts_lower && prev_ends_open)
}

/// Whether a sentence may end after `tok`: only a terminator, a closer
/// ([`is_terminator`], [`is_closer`]) or a word ending in a period ("U.S.")
/// can end one. Punctuation is told by its first byte: `. ! ? " ' ) ]`, or
/// the lead byte of `… ” ’` (E2) or `»` (C2); commas and the like are not.
fn may_end_sentence(bytes: &[u8], tok: &Token) -> bool {
    match tok.kind {
        TokenKind::Punct => matches!(
            bytes.get(tok.start()),
            Some(b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']' | 0xE2 | 0xC2)
        ),
        TokenKind::Word => bytes.get(tok.end().wrapping_sub(1)) == Some(&b'.'),
        TokenKind::Number => false,
    }
}

/// Whether a sentence ends after token `i` (not considering line breaks).
fn sentence_ends_after(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(tok) = tokens.get(i) else { return false };
    if !may_end_sentence(text.as_bytes(), tok) {
        return false;
    }
    let t = tok.text(text);
    let Some(next) = tokens.get(i + 1) else { return true };
    let next_text = next.text(text);
    // Closing quotes and brackets after a terminator stay with the sentence.
    // A straight mark that opens a quotation ("He left. \"We …") closes nothing.
    if is_closer(t) && opens_quote(text, tokens, i) {
        return false;
    }
    if is_closer(t) && i > 0 && is_terminator(tokens[i - 1].text(text)) {
        return starts_sentence(next_text) && (!is_closer(next_text) || opens_quote(text, tokens, i + 1));
    }
    let ends_word_abbrev = tok.kind == TokenKind::Word && t.ends_with('.') && t.len() > 1;
    if !(is_terminator(t) || ends_word_abbrev) {
        return false;
    }
    let closes = is_closer(next_text) && !opens_quote(text, tokens, i + 1);
    if closes || is_terminator(next_text) || !starts_sentence(next_text) {
        return false;
    }
    if t == "." && i > 0 && tokens[i - 1].end() == tok.start() {
        let prev = tokens[i - 1].text(text);
        if lexicon::is_title_abbreviation(prev) {
            return false;
        }
        // An initial: "John F. Kennedy", and a state's in a party tag ("R-W.Va.").
        let last = prev.rsplit('-').next().unwrap_or(prev);
        if last.chars().count() == 1 && last.chars().all(char::is_uppercase) {
            return false;
        }
        if lexicon::is_other_abbreviation(prev) {
            return lexicon::is_sentence_opener(next_text);
        }
    }
    if ends_word_abbrev {
        return lexicon::is_sentence_opener(next_text);
    }
    true
}

/// Whether the straight mark at token `i` opens a quotation: a space
/// before it and a capitalised word glued after it (`"dead." "This`).
fn opens_quote(text: &str, tokens: &[Token], i: usize) -> bool {
    let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
    let (Some(prev), Some(mark), Some(next)) = (prev, tokens.get(i), tokens.get(i + 1))
    else {
        return false;
    };
    matches!(mark.text(text), "\"" | "'")
        && prev.end() < mark.start()
        && mark.end() == next.start()
        && next.text(text).starts_with(char::is_uppercase)
}

fn is_terminator(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "…")
}

fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "”" | "’" | "'" | "»" | ")" | "]")
}

fn starts_sentence(t: &str) -> bool {
    t.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_numeric()
            || matches!(c, '"' | '“' | '‘' | '\'' | '«' | '(' | '[' | '—' | '-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn sents(t: &str) -> Vec<&str> {
        let toks = tokenize(t);
        split(t, &toks).0.iter().map(|s| &t[s.start..s.end]).collect()
    }

    #[test]
    fn a_straight_quote_after_a_closed_one_opens_a_sentence() {
        assert_eq!(
            sents("He said it was \"dead.\" \"This is new,\" Lee said."),
            ["He said it was \"dead.\"", "\"This is new,\" Lee said."]
        );
        assert_eq!(sents("He said \"no.\" and left."), ["He said \"no.\" and left."]);
        assert_eq!(sents("He left. \"We won,\" Lee said."), ["He left.", "\"We won,\" Lee said."]);
        assert_eq!(sents("\"He left.\" Then Lee spoke."), ["\"He left.\"", "Then Lee spoke."]);
    }

    #[test]
    fn splits_on_terminators() {
        assert_eq!(
            sents("He left. She stayed! Why? Yes."),
            ["He left.", "She stayed!", "Why?", "Yes."]
        );
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            sents("Gen. Smith met Sen. Jones and Mr. Lee. John F. Kennedy spoke."),
            ["Gen. Smith met Sen. Jones and Mr. Lee.", "John F. Kennedy spoke."]
        );
        assert_eq!(sents("Rep. Ann Lee, R-W.Va., spoke."), ["Rep. Ann Lee, R-W.Va., spoke."]);
    }

    #[test]
    fn other_abbreviations_end_sentences_only_before_an_opener() {
        assert_eq!(
            sents("He works for Acme Inc. The firm grew."),
            ["He works for Acme Inc.", "The firm grew."]
        );
        assert_eq!(sents("The U.S. Army said so."), ["The U.S. Army said so."]);
        assert_eq!(sents("They met at 9 a.m. Smith left."), ["They met at 9 a.m. Smith left."]);
        assert_eq!(sents("They met in the U.S. He left."), ["They met in the U.S.", "He left."]);
        assert_eq!(sents("Sammy Davis Jr. was there."), ["Sammy Davis Jr. was there."]);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(sents("\"We won.\" He smiled."), ["\"We won.\"", "He smiled."]);
        assert_eq!(sents("“Go,” he said. “Now.”"), ["“Go,” he said.", "“Now.”"]);
    }

    #[test]
    fn paragraphs_and_line_breaks() {
        let t = "Headline here\nWASHINGTON — A story\nthat wraps lines.\n\nNext one.";
        let toks = tokenize(t);
        let (s, p) = split(t, &toks);
        let ss: Vec<&str> = s.iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(ss, ["Headline here", "WASHINGTON — A story\nthat wraps lines.", "Next one."]);
        assert_eq!(p.len(), 3);
        assert_eq!(s[2].paragraph, 2);
    }

    #[test]
    fn hard_wrapped_lines_stay_in_their_paragraph() {
        // Wrapped at 60 columns: a capitalised name opens the second line,
        // and a short line ends the first paragraph.
        let t = "The council met on Tuesday to discuss the bridge, and Mayor\n\
Ada Brook said it would open in the spring of next year after\n\
a long delay.\n\
Residents of Northfield have waited a decade for the bridge,\n\
and the cost has risen to twice the first estimate by the\n\
engineers, who blamed the weather.";
        let toks = tokenize(t);
        let (s, p, wraps) = split_lines(t, &toks, None);
        let paras: Vec<&str> = p.iter().map(|p| &t[p.start..p.end]).collect();
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert!(paras[0].starts_with("The council") && paras[0].ends_with("delay."));
        assert!(paras[1].starts_with("Residents"));
        assert_eq!(s.len(), 2);
        assert_eq!(wraps.len(), 4);
        assert_eq!(t.as_bytes()[wraps[0] as usize], b'\n');
    }

    #[test]
    fn short_lines_that_are_not_wrapped_stay_paragraphs() {
        let t =
            "Headline Here\nLONDON 2019-11-05\nMayor Ada Brook said the bridge would open soon.";
        let toks = tokenize(t);
        let (_, p, wraps) = split_lines(t, &toks, None);
        assert_eq!(p.len(), 3);
        assert!(wraps.is_empty());
    }

    #[test]
    fn a_paragraph_separator_breaks_like_a_blank_line() {
        let t = "One line\u{2029}two lines\r\n\r\nthree";
        let toks = tokenize(t);
        let (s, p) = split(t, &toks);
        assert_eq!(s.len(), 3);
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn every_terminator_and_closer_passes_the_first_byte_filter() {
        for t in [".", "!", "?", "…", "\"", "”", "’", "'", "»", ")", "]"] {
            assert!(is_terminator(t) || is_closer(t), "{t}");
            let toks = tokenize(t);
            assert!(toks.len() == 1 && may_end_sentence(t.as_bytes(), &toks[0]), "{t}");
        }
        for t in [",", ";", "(", ":", "-", "$"] {
            let toks = tokenize(t);
            assert!(toks.len() == 1 && !may_end_sentence(t.as_bytes(), &toks[0]), "{t}");
        }
    }

    #[test]
    fn empty_and_punctuation_only_text() {
        assert!(sents("").is_empty());
        assert_eq!(sents("...").len(), 1);
    }
}
