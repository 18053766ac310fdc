//! The tokenizer: splits text into words, numbers and single punctuation
//! marks, keeping byte offsets into the original text.
//!
//! Guarantees: one left-to-right pass, linear in the text; every token is a
//! non-empty slice on char boundaries; tokens are in order and do not overlap;
//! whitespace is never part of a token. Conventions chosen for news: "U.S."
//! and "a.m." are one token; "don't" is one token but the possessive in
//! "Russia’s" is split off ("Russia", "’s") so that entity spans can follow
//! the CoNLL convention; "1,000.5", "2:45" and "1990s" are single tokens.

mod classes;

use classes::{ascii_run, is_alnum, is_apostrophe, is_joiner, is_word_byte, may_continue_word};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Starts with a letter.
    Word,
    /// Starts with a digit.
    Number,
    /// One punctuation or symbol character (quote marks included).
    Punct,
}

/// One token: a byte range of the text, kept in 32 bits.
///
/// NOTE: u32 offsets make a token 12 bytes instead of 24. Every stage
/// sweeps the token array, and on a 10 MB text it is tens of megabytes:
/// halving it halves those sweeps' cache misses and fresh pages. Texts of
/// 4 GiB or more are analysed in pieces ([`crate::analyze`]), so offsets
/// always fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokenKind,
}

impl Token {
    /// The token of bytes `start..end`; `None` when an offset does not fit
    /// in 32 bits.
    pub fn new(start: usize, end: usize, kind: TokenKind) -> Option<Token> {
        Some(Token { start: u32::try_from(start).ok()?, end: u32::try_from(end).ok()?, kind })
    }

    /// The byte offset where the token starts.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// The byte offset just past the token.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        debug_assert!(text.get(self.start()..self.end()).is_some(), "{self:?} of {}", text.len());
        text.get(self.start()..self.end()).unwrap_or("")
    }
}

/// Appends the token of bytes `start..end`. Offsets past 4 GiB do not fit
/// a [`Token`]: [`crate::analyze`] never passes such a text, and here its
/// tail is left untokenized rather than given wrong offsets.
fn push(tokens: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    if let Some(t) = Token::new(start, end, kind) {
        tokens.push(t);
    }
}

/// Splits `text` into tokens (of its first 4 GiB; see [`Token`]).
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    // News has a token for every five or six bytes; a token every four
    // leaves room for denser texts without growing.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 1);
    let mut start = 0;
    while let Some(&b) = bytes.get(start) {
        // Most bytes are ASCII spaces, letters and digits: those are told
        // apart by one table lookup.
        if is_word_byte(b) {
            let kind = if b.is_ascii_digit() { TokenKind::Number } else { TokenKind::Word };
            // NOTE: the usual word is a run of ASCII letters and digits that
            // ends at a space or a mark that cannot continue it; that case
            // is settled here, without the general scan (a call per word).
            let run = ascii_run(bytes, start + 1);
            let end = if ends_at(bytes, start, run, kind) {
                run
            } else {
                scan_word(text, start, run, kind)
            };
            push(&mut tokens, start, end, kind);
            // NOTE: most words are followed by one space: step over it here
            // rather than take it through the loop's tests.
            start = if bytes.get(end) == Some(&b' ') { end + 1 } else { end };
            continue;
        }
        if b <= b' ' || b == 0x7f {
            start += 1;
            continue;
        }
        // Any other ASCII byte but the apostrophe is one punctuation token.
        if b.is_ascii() && b != b'\'' {
            push(&mut tokens, start, start + 1, TokenKind::Punct);
            start += 1;
            continue;
        }
        // ASCII is classified from the byte; other characters are decoded.
        let ascii = b.is_ascii();
        let c = if ascii { b as char } else { char_at(text, start) };
        let len = c.len_utf8();
        let space =
            if ascii { b <= b' ' || b == 0x7f } else { c.is_whitespace() || c.is_control() };
        if space {
            start += len;
        } else if if ascii { b.is_ascii_alphanumeric() } else { is_alnum(c) } {
            let numeric = if ascii { b.is_ascii_digit() } else { c.is_numeric() };
            let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
            let end = scan_word(text, start, start + len, kind);
            push(&mut tokens, start, end, kind);
            start = end;
        } else if is_apostrophe(c)
            && is_possessive_s(text, start + len)
            && tokens.last().is_some_and(|t: &Token| t.end() == start)
        {
            push(&mut tokens, start, start + len + 1, TokenKind::Word);
            start += len + 1;
        } else {
            push(&mut tokens, start, start + len, TokenKind::Punct);
            start += len;
        }
    }
    tokens
}

/// The character starting at byte `pos` (U+FFFD off a boundary or past the
/// end, which the caller never asks for).
fn char_at(text: &str, pos: usize) -> char {
    text.get(pos..).and_then(|r| r.chars().next()).unwrap_or('\u{fffd}')
}

/// Whether the text at `pos` is "s" not followed by a letter or digit.
fn is_possessive_s(text: &str, pos: usize) -> bool {
    let mut it = text.get(pos..).unwrap_or("").chars();
    matches!(it.next(), Some('s') | Some('S')) && !it.next().is_some_and(|a| a.is_alphanumeric())
}

/// Finds the end of a word or number that started at `start`, scanning
/// from `pos` (just after its first character).
fn scan_word(text: &str, start: usize, mut pos: usize, kind: TokenKind) -> usize {
    // The current dot-separated segment, for "U.S."-style abbreviations;
    // tracked as we go so that long tokens stay linear.
    let mut seg_start = start;
    let mut dotted = false;
    let bytes = text.as_bytes();
    loop {
        // Most of a word is ASCII letters and digits: skip them at once.
        pos = ascii_run(bytes, pos);
        // Any other ASCII byte but these ends the word, without decoding.
        match bytes.get(pos) {
            None => return pos,
            Some(&b) if b.is_ascii() && !may_continue_word(b) => return pos,
            _ => {}
        }
        let rest = match text.get(pos..) {
            Some(r) => r,
            _ => return pos,
        };
        let mut it = rest.chars();
        let Some(c) = it.next() else { return pos };
        let next = it.next();
        if is_alnum(c) || is_joiner(c) {
            pos += c.len_utf8();
            continue;
        }
        let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
        match c {
            _ if is_apostrophe(c) && kind == TokenKind::Word => {
                // "’s" followed by a non-letter is a possessive: split it off.
                let after = it.next();
                let possessive = matches!(next, Some('s') | Some('S'))
                    && !after.is_some_and(|a| a.is_alphanumeric());
                if next_alnum && !possessive {
                    pos += c.len_utf8();
                } else {
                    return pos;
                }
            }
            '-' | '&' if next_alnum => pos += 1,
            ',' | '.' | ':'
                if kind == TokenKind::Number && next.is_some_and(|n| n.is_ascii_digit()) =>
            {
                pos += 1
            }
            '.' if kind == TokenKind::Word => {
                // "U.S.", "a.m.", "D.C.": single letters joined by periods.
                let seg_len = text.get(seg_start..pos).map_or(0, |s| s.chars().take(2).count());
                if seg_len == 1 && next.is_some_and(|n| n.is_alphabetic()) {
                    let after = it.next();
                    if after.is_none_or(|a| a == '.' || !a.is_alphanumeric()) {
                        pos += 1;
                        seg_start = pos;
                        dotted = true;
                        continue;
                    }
                    return pos;
                }
                if seg_len == 1 && dotted {
                    return pos + 1; // the final period of "U.S."
                }
                return pos;
            }
            _ => return pos,
        }
    }
}

/// Whether a word or number of ASCII letters and digits at `start..run`
/// surely ends at `run`, as [`scan_word`] would decide: settled from ASCII
/// bytes alone ("said,", "Tuesday.", "10."); false when it may go on
/// ("don't", "U.S.", "1,000", "café") and the general scan must decide.
#[inline(always)]
fn ends_at(bytes: &[u8], start: usize, run: usize, kind: TokenKind) -> bool {
    let Some(&c) = bytes.get(run) else { return true };
    let next = bytes.get(run + 1).copied();
    let digit_next = next.is_some_and(|n| n.is_ascii_digit());
    match c {
        _ if !c.is_ascii() => false,
        b'\'' => kind != TokenKind::Word,
        b'-' | b'&' => next.is_none_or(|n| n.is_ascii() && !n.is_ascii_alphanumeric()),
        b',' | b':' => kind == TokenKind::Word || !digit_next,
        // A word of two letters or more before a period is no "U.S.".
        b'.' if kind == TokenKind::Word => run - start >= 2,
        b'.' => !digit_next,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| k.text(t)).collect()
    }

    #[test]
    fn splits_words_and_punctuation() {
        assert_eq!(
            words("\"We will,\" he said."),
            ["\"", "We", "will", ",", "\"", "he", "said", "."]
        );
    }

    #[test]
    fn keeps_abbreviations_with_inner_periods() {
        assert_eq!(
            words("the U.S. team at 9 a.m. in D.C."),
            ["the", "U.S.", "team", "at", "9", "a.m.", "in", "D.C."]
        );
        assert_eq!(words("Gen. Smith"), ["Gen", ".", "Smith"]);
    }

    #[test]
    fn splits_possessives_but_not_contractions() {
        assert_eq!(
            words("Russia’s don't rock 'n' roll"),
            ["Russia", "’s", "don't", "rock", "'", "n", "'", "roll"]
        );
        assert_eq!(words("James's"), ["James", "'s"]);
    }

    #[test]
    fn numbers_with_separators() {
        assert_eq!(
            words("$4.5 billion, 1,000 at 2:45 in the 1990s."),
            ["$", "4.5", "billion", ",", "1,000", "at", "2:45", "in", "the", "1990s", "."]
        );
    }

    #[test]
    fn hyphenated_words_and_non_latin_text() {
        assert_eq!(
            words("well-known 北京 café e\u{301}"),
            ["well-known", "北京", "café", "e\u{301}"]
        );
    }

    #[test]
    fn control_characters_are_skipped_and_ascii_marks_end_words() {
        assert_eq!(words("a\u{7f}b\u{1}c\u{85}d"), ["a", "b", "c", "d"]);
        assert_eq!(words("end;next (x)"), ["end", ";", "next", "(", "x", ")"]);
    }

    #[test]
    fn the_inline_ending_agrees_with_the_general_scan() {
        let ends = [
            "",
            " x",
            ",",
            ", ",
            ",5",
            ":",
            ":3",
            ".",
            ". ",
            ".5",
            ".x",
            ".\u{2019}",
            "'",
            "'s",
            "'t",
            "-",
            "-a",
            "- ",
            "-\u{e9}",
            "&",
            "&T",
            "\u{2019}s",
            "\u{e9}",
            ";",
            ")",
        ];
        for word in ["a", "A", "ab", "Abc", "1", "10", "1a", "a1"] {
            for end in ends {
                let text = format!("{word}{end}");
                let kind = if word.as_bytes()[0].is_ascii_digit() {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                };
                let run = ascii_run(text.as_bytes(), 1);
                let general = scan_word(&text, 0, run, kind);
                if ends_at(text.as_bytes(), 0, run, kind) {
                    assert_eq!(general, run, "{text:?}");
                }
            }
        }
        assert!(
            ends_at(b"said, he", 0, 4, TokenKind::Word)
                && ends_at(b"10. He", 0, 2, TokenKind::Number)
        );
        assert!(
            !ends_at(b"1,000", 0, 1, TokenKind::Number) && !ends_at(b"U.S.", 0, 1, TokenKind::Word)
        );
    }

    #[test]
    fn general_punctuation_is_one_token_each() {
        assert_eq!(
            words("“Yes—no…” ‐‒–―‖‗‘‛‟†‧ x"),
            [
                "“", "Yes", "—", "no", "…", "”", "‐", "‒", "–", "―", "‖", "‗", "‘", "‛", "‟", "†",
                "‧", "x"
            ]
        );
        assert_eq!(words("Ann’s ’90s\u{2028}b"), ["Ann", "’s", "’", "90s", "b"]);
        for c in '\u{2010}'..='\u{2027}' {
            assert!(!c.is_whitespace() && !c.is_control() && !c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn whitespace_never_in_tokens() {
        for t in tokenize("a\u{a0}b\tc\r\nd") {
            assert_eq!(t.end - t.start, 1);
        }
    }
}
