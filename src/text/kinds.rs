//! What each paragraph is, told by its form: article prose, a headline or
//! subhead, a byline, a dateline, a photo caption, a photo credit, or page
//! furniture (advertisement labels, "Read more" and share links, reprint,
//! subscription and newsletter prompts). Text pasted from a news page has
//! all of these between the paragraphs of the article; later stages read
//! [`ParagraphKind`] to find no names or quotes in furniture, split credits
//! into their person and organisation, and read headlines by their casing.
//!
//! Nothing here knows an outlet: the tests are the paragraph's length, its
//! first words (from the short lists in `data/paragraphs/`), its
//! punctuation and capitals, and its neighbours (a caption is what a credit
//! follows). A credit glued to its caption, as copied from a page
//! ("…underground.CreditAna Ruiz/Example Times"), is cut off into its own
//! paragraph ([`split_glued`]).
//!
//! Guarantees: linear in the number of tokens; no panics.

use super::fasthash::FastSet;
use super::lexicon::lists::{CREDIT_LEADS, CREDIT_ORGS, FURNITURE, FURNITURE_LEADS};
use super::sentences::Paragraph;
use super::tokens::{Token, TokenKind};
use std::sync::OnceLock;

/// What a paragraph is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ParagraphKind {
    /// Article text: sentences.
    #[default]
    Prose,
    /// A headline or subhead: short, no closing full stop.
    Headline,
    /// "By Ana Ruiz", "(Reporting by …; Editing by …)".
    Byline,
    /// "LONDON 2019-11-05": a place and a date on a line of their own.
    Dateline,
    /// A photo caption: the text a credit follows.
    Caption,
    /// "Credit: Ana Ruiz/Example Times", "Photo: …", "… /Getty Images".
    Credit,
    /// Page furniture: "Advertisement", "Read more", "Share", "Subscribe".
    Furniture,
}

impl ParagraphKind {
    /// Whether a paragraph of this kind can report speech or name a
    /// speaker: not page furniture, a credit or a byline (whose names are
    /// the photographer's and the author's).
    pub fn reports_speech(self) -> bool {
        !matches!(self, ParagraphKind::Furniture | ParagraphKind::Credit | ParagraphKind::Byline)
    }
}

struct Lists {
    furniture: FastSet<&'static str>,
    furniture_leads: Vec<Vec<&'static str>>,
    credit_leads: FastSet<&'static str>,
    credit_orgs: FastSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        furniture: FURNITURE.entries().flat_map(|l| l.split(' ')).collect(),
        furniture_leads: FURNITURE_LEADS.entries().map(|l| l.split(' ').collect()).collect(),
        credit_leads: CREDIT_LEADS.entries().collect(),
        credit_orgs: CREDIT_ORGS.entries().collect(),
    })
}

/// Whether `w` (any case) opens a photo credit ("Credit", "Photo").
pub fn is_credit_lead(w: &str) -> bool {
    lower(w, &mut [0u8; 24]).is_some_and(|w| lists().credit_leads.contains(w))
}

/// `w` in lowercase, in `buf`, if it is short ASCII (every listed word is).
fn lower<'b>(w: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let out = buf.get_mut(..w.len())?;
    out.copy_from_slice(w.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// Whether `w` names a picture agency or marks an organisation in a credit
/// ("Images", "Reuters", "Press", "Times").
pub fn is_credit_org_word(w: &str) -> bool {
    lists().credit_orgs.contains(w)
}

/// Splits a credit glued to the word before it ("CreditAna" becomes
/// "Credit" and "Ana"), so that the credit can be a paragraph of its own.
pub fn split_glued(text: &str, tokens: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    // Only after a caption's full stop: "PhotoBox" elsewhere is a name.
    // NOTE: the byte before a token settles almost every one.
    let glued = |t: &Token| -> Option<usize> {
        if t.start() == 0 || bytes.get(t.start() - 1) != Some(&b'.') || t.kind != TokenKind::Word {
            return None;
        }
        let w = t.text(text);
        let lead = ["Credit", "Photograph", "Photo", "Image", "Illustration"]
            .into_iter()
            .find(|l| w.starts_with(l))?;
        w.as_bytes().get(lead.len()).is_some_and(u8::is_ascii_uppercase).then_some(lead.len())
    };
    // NOTE: a plain loop over the byte before each token, so that the test
    // is inlined; the rare hit is confirmed by `glued`.
    let hit = tokens.iter().any(|t| {
        t.start() > 0
            && bytes.get(t.start() - 1) == Some(&b'.')
            && matches!(bytes.get(t.start()), Some(b'C' | b'P' | b'I'))
    });
    if !hit || !tokens.iter().any(|t| glued(t).is_some()) {
        return;
    }
    let mut out = Vec::with_capacity(tokens.len() + 4);
    for t in tokens.iter() {
        match glued(t).and_then(|n| {
            Some((
                Token::new(t.start(), t.start() + n, TokenKind::Word)?,
                Token::new(t.start() + n, t.end(), TokenKind::Word)?,
            ))
        }) {
            Some((a, b)) => out.extend([a, b]),
            None => out.push(*t),
        }
    }
    *tokens = out;
}

/// Whether a paragraph must break between touching tokens `prev` and
/// `next`: a credit glued to the caption's full stop.
pub fn glued_break(text: &str, prev: &Token, next: &Token) -> bool {
    prev.end() == next.start()
        && prev.text(text) == "."
        && is_credit_lead(next.text(text))
        && next.text(text).starts_with(char::is_uppercase)
}

/// Sets the kind of each paragraph.
pub fn classify(
    text: &str,
    tokens: &[Token],
    sentences: &[super::sentences::Sentence],
    paragraphs: &mut [Paragraph],
) {
    let mut seen_prose = false;
    for p in paragraphs.iter_mut() {
        let first = sentences.get(p.sentences.start).map_or(0, |s| s.tokens.start);
        let last = sentences.get(p.sentences.end.wrapping_sub(1)).map_or(0, |s| s.tokens.end);
        debug_assert!(first <= last && last <= tokens.len(), "{first}..{last}");
        let toks = tokens.get(first..last).unwrap_or(&[]);
        p.kind = kind_of(text, toks, !seen_prose);
        seen_prose |= p.kind == ParagraphKind::Prose;
    }
    // A caption is the paragraph a credit follows, when it is short.
    for k in 1..paragraphs.len() {
        if paragraphs.get(k).is_some_and(|p| p.kind == ParagraphKind::Credit) {
            if let Some(p) = paragraphs
                .get_mut(k - 1)
                .filter(|p| matches!(p.kind, ParagraphKind::Prose | ParagraphKind::Headline))
            {
                let words = words_in(text, p.start, p.end);
                if words <= 60 {
                    p.kind = ParagraphKind::Caption;
                }
            }
        }
    }
}

/// The number of words between two byte offsets (by spaces).
fn words_in(text: &str, start: usize, end: usize) -> usize {
    text.get(start..end).map_or(0, |s| s.split_whitespace().count())
}

/// The kind of the paragraph of tokens `toks`; `top` when no prose came
/// before it (where the headline is).
fn kind_of(text: &str, toks: &[Token], top: bool) -> ParagraphKind {
    // NOTE: every kind but prose is at most 25 words long, and most article
    // paragraphs are longer: those are settled by counting, and the others'
    // words are kept on the stack.
    // (More than 40 tokens cannot hold 25 words or fewer but in a table of
    // marks, which is no headline either.)
    if toks.len() > 40 {
        return ParagraphKind::Prose;
    }
    let mut buf = [""; 25];
    let mut n = 0;
    for t in toks.iter().filter(|t| t.kind != TokenKind::Punct) {
        match buf.get_mut(n) {
            Some(slot) => *slot = t.text(text),
            None => return ParagraphKind::Prose,
        }
        n += 1;
    }
    let words = buf.get(..n).unwrap_or(&[]);
    let first = words.first().copied().unwrap_or("");
    let last_tok = toks.last().map_or("", |t| t.text(text));
    let l = lists();
    let mut low = [0u8; 24];
    if n == 0
        || n <= 8
            && words.iter().all(|w| lower(w, &mut low).is_some_and(|w| l.furniture.contains(w)))
    {
        return ParagraphKind::Furniture;
    }
    let leads = |lead: &Vec<&str>| {
        lead.len() <= n && lead.iter().zip(words).all(|(a, b)| a.eq_ignore_ascii_case(b))
    };
    if l.furniture_leads.iter().any(leads) {
        return ParagraphKind::Furniture;
    }
    // "Credit: …", "Photo by …", "CreditAna Ruiz", but not "Image quality …".
    let second = toks.get(1).map_or("", |t| t.text(text));
    let credit_next = second == ":"
        || matches!(second, "by" | "courtesy" | "Courtesy")
        || second.starts_with(char::is_uppercase);
    if n <= 15
        && (is_credit_lead(first) && credit_next
            || toks.first().is_some_and(|t| t.text(text) == "©"))
    {
        return ParagraphKind::Credit;
    }
    let slash = toks.iter().any(|t| t.text(text) == "/");
    if n <= 10 && slash && last_tok != "." && words.iter().any(|w| is_credit_org_word(w)) {
        return ParagraphKind::Credit;
    }
    if n <= 14 && is_byline(words, last_tok) {
        return ParagraphKind::Byline;
    }
    if n <= 6 && is_dateline(words) {
        return ParagraphKind::Dateline;
    }
    let closed =
        matches!(last_tok, "." | "!" | "?" | "”" | "\"" | "’" | "'" | ")" | "…" | ":" | ";" | ",");
    if !closed && (top && n <= 25 || n <= 12) {
        return ParagraphKind::Headline;
    }
    ParagraphKind::Prose
}

/// "By Ana Ruiz and Bo Kern", "Reporting by Ana Ruiz; Editing by Bo Kern",
/// "Contributing: Ana Ruiz".
fn is_byline(words: &[&str], last: &str) -> bool {
    let capital = |w: &&&str| w.starts_with(char::is_uppercase);
    match words {
        ["By", rest @ ..] => {
            !rest.is_empty() && last != "." && rest.iter().filter(capital).count() * 2 >= rest.len()
        }
        ["Reporting" | "Written" | "Compiled", "by", ..]
        | ["Contributing", ..]
        | ["Additional", "reporting", "by", ..] => true,
        _ => false,
    }
}

/// "LONDON 2019-11-05", "WASHINGTON": a place in capitals, maybe with a
/// date, on its own.
fn is_dateline(words: &[&str]) -> bool {
    let caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    words.first().is_some_and(|w| caps(w))
        && words.iter().all(|w| caps(w) || w.starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests;
