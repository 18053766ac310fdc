//! Which way a quotation mark faces: whether a token is an opening or a
//! closing mark, or a straight one whose direction the pairing decides,
//! read from the spaces and tokens on either side of it; and which marks
//! are no quotation at all (an inch mark after a number, the apostrophe
//! of "the '90s").
//!
//! Guarantees: reads at most the two tokens on either side of a mark; no
//! panics.

use super::is_mark;
use crate::text::tokens::{Token, TokenKind};

/// Which way a quotation mark faces.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Role {
    Open,
    Close,
    /// A straight mark whose direction comes from the state.
    Toggle,
}

/// A quotation mark: double or single, and which way it faces.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Mark {
    Double(Role),
    Single(Role),
}

/// Token `i` and the next are two adjacent apostrophes (''): a double
/// mark, returned as one token with the way it faces.
pub(super) fn double_apostrophe(text: &str, toks: &[Token], i: usize) -> Option<(Role, Token)> {
    let a = toks.get(i)?;
    let b = toks.get(i + 1)?;
    if a.text(text) != "'" || b.text(text) != "'" || b.start() != a.end() {
        return None;
    }
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    let next = toks.get(i + 2);
    let space_before = prev.is_none_or(|p| p.end() < a.start());
    let space_after = next.is_none_or(|n| n.start() > b.end());
    let role = match (space_before, space_after) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ if next.is_some_and(|n| n.kind == TokenKind::Punct) => Role::Close,
        _ => Role::Toggle,
    };
    Some((role, Token::new(a.start(), b.end(), TokenKind::Punct)?))
}

/// Decides whether token `i` is a quotation mark and which way it faces.
pub(super) fn classify(text: &str, toks: &[Token], i: usize) -> Option<Mark> {
    let tok = toks.get(i)?;
    if tok.kind != TokenKind::Punct {
        return None;
    }
    // Most punctuation is no quotation mark: say so before reading its neighbours.
    if !is_mark(tok.text(text)) {
        return None;
    }
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    let next = toks.get(i + 1);
    let space_before = prev.is_none_or(|p| p.end() < tok.start());
    let space_after = next.is_none_or(|n| n.start() > tok.end());
    let prev_opens =
        prev.is_some_and(|p| matches!(p.text(text), "(" | "[" | "—" | "–" | "-" | ":"));
    let left = (space_before || prev_opens) && !space_after;
    let right = !space_before && (space_after || next.is_some_and(|n| n.kind == TokenKind::Punct));
    let role = if left {
        Role::Open
    } else if right {
        Role::Close
    } else {
        Role::Toggle
    };
    match tok.text(text) {
        // A left mark used to close ("...,“ said Clyburn"): let the state decide.
        "“" if right && !left => Some(Mark::Double(Role::Toggle)),
        "“" | "„" | "«" => Some(Mark::Double(Role::Open)),
        // A right mark at the start of a paragraph ("”Mr. Trump is ...”",
        // "” … he said") closes nothing there: a mistyped opener.
        "”" if prev.is_none() => Some(Mark::Double(Role::Toggle)),
        "”" | "»" => Some(Mark::Double(Role::Close)),
        "\"" => {
            // 5'10" or a 12" record: an inch mark after a number.
            let after_number = |p: &Token| p.kind == TokenKind::Number;
            let feet = prev.is_some_and(|p| p.text(text) == "'")
                && i.checked_sub(2).and_then(|q| toks.get(q)).is_some_and(after_number);
            if (prev.is_some_and(after_number) || feet) && !space_before && role != Role::Open {
                return None;
            }
            Some(Mark::Double(if role == Role::Toggle { Role::Toggle } else { role }))
        }
        "‘" => Some(Mark::Single(Role::Open)),
        "’" | "'" => {
            if role == Role::Open && next.is_some_and(|n| n.kind == TokenKind::Number) {
                return None; // "the '90s"
            }
            Some(Mark::Single(role))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    /// Each mark of `text` (of its first paragraph) and how it reads.
    fn read(text: &str) -> Vec<(&str, Option<Mark>)> {
        let doc = Doc::new(text);
        let toks = &doc.tokens;
        (0..toks.len())
            .filter(|&i| is_mark(toks[i].text(text)))
            .map(|i| (toks[i].text(text), classify(text, toks, i)))
            .collect()
    }

    #[test]
    fn marks_face_away_from_their_words() {
        use Mark::{Double, Single};
        assert_eq!(
            read("say “yes” and \"no\" or 'so' (\"x\")"),
            [
                ("“", Some(Double(Role::Open))),
                ("”", Some(Double(Role::Close))),
                ("\"", Some(Double(Role::Open))),
                ("\"", Some(Double(Role::Close))),
                ("'", Some(Single(Role::Open))),
                ("'", Some(Single(Role::Close))),
                ("\"", Some(Double(Role::Open))),
                ("\"", Some(Double(Role::Close))),
            ]
        );
        // A left mark used to close, and a right mark opening a paragraph.
        assert_eq!(read("win,“ said Ann")[0].1, Some(Double(Role::Toggle)));
        assert_eq!(read("”We won")[0].1, Some(Double(Role::Toggle)));
    }

    #[test]
    fn inch_marks_and_decades_are_no_quotation_marks() {
        assert_eq!(read("a 12\" record"), [("\"", None)]);
        assert_eq!(read("6'2\" tall")[1], ("\"", None));
        assert_eq!(read("the '90s"), [("'", None)]);
        assert_eq!(read("x")[..], []);
    }

    #[test]
    fn two_apostrophes_are_one_double_mark() {
        let text = "''We won,'' Ann said.";
        let doc = Doc::new(text);
        let (role, both) = double_apostrophe(text, &doc.tokens, 0).unwrap();
        assert_eq!((role, both.text(text)), (Role::Open, "''"));
        let close = doc.tokens.iter().position(|t| t.start() == text.find(",''").unwrap() + 1);
        assert_eq!(double_apostrophe(text, &doc.tokens, close.unwrap()).unwrap().0, Role::Close);
        assert!(double_apostrophe(text, &doc.tokens, 1).is_none());
    }
}
