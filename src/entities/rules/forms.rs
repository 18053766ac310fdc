//! The shapes of number and date tokens ("1,200", "1987", "21st", "1990s",
//! "10:30pm") and the token view the rules read: each token's word classes
//! and whether two tokens share a line.
//!
//! Guarantees: each check reads one or two tokens; no panics.

use super::lists::{class::TIME_ZONE, classes_of};
use crate::text::Doc;

/// The tokens of a document with their classes, as the patterns read them.
pub struct Tokens<'a> {
    pub doc: &'a Doc<'a>,
    /// Each token's word classes ([`super::lists::classes_of`]).
    pub classes: Vec<u32>,
}

impl Tokens<'_> {
    /// Token `i`'s text ("" past the end).
    pub fn tok(&self, i: usize) -> &str {
        if i < self.doc.tokens.len() {
            self.doc.tok(i)
        } else {
            ""
        }
    }

    /// Whether token `i` is in one of the classes `c`.
    pub fn is(&self, i: usize, c: u32) -> bool {
        self.classes.get(i).is_some_and(|&x| x & c != 0)
    }

    /// Whether token `i` is `w`, ignoring ASCII case.
    pub fn low_is(&self, i: usize, w: &str) -> bool {
        self.tok(i).eq_ignore_ascii_case(w)
    }

    /// Whether tokens `i` and `i + 1` are on one line.
    pub fn joined(&self, i: usize) -> bool {
        let (Some(a), Some(b)) = (self.doc.tokens.get(i), self.doc.tokens.get(i + 1)) else { return false };
        self.doc.text.get(a.end..b.start).is_some_and(|gap| !gap.contains(['\n', '\r']))
    }

    /// Whether token `i + 1` follows token `i` with no space.
    pub fn touching(&self, i: usize) -> bool {
        let (Some(a), Some(b)) = (self.doc.tokens.get(i), self.doc.tokens.get(i + 1)) else { return false };
        a.end == b.start
    }

    /// Token `i` if it is on the line of token `i - 1`.
    pub fn next(&self, i: usize) -> Option<usize> {
        (i > 0 && self.joined(i - 1)).then_some(i)
    }
}

/// "4", "4.5", "1,200": digits in groups joined by single "." or ",".
pub fn is_number(w: &str) -> bool {
    let b = w.as_bytes();
    !b.is_empty()
        && b.first().is_some_and(u8::is_ascii_digit)
        && b.last().is_some_and(u8::is_ascii_digit)
        && b.iter().all(|c| c.is_ascii_digit() || *c == b'.' || *c == b',')
        && !b.windows(2).any(|p| !p[0].is_ascii_digit() && !p[1].is_ascii_digit())
}

/// Whether `w` is ASCII digits only (and not empty).
pub fn digits(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit())
}

/// "1987": a year from 1500 to 2099.
pub fn is_year(w: &str) -> bool {
    digits(w) && w.len() == 4 && matches!(w.get(..2), Some("15" | "16" | "17" | "18" | "19" | "20"))
}

/// "3", "21st", "4th": a day of the month.
pub fn is_day(w: &str) -> bool {
    let n = w.bytes().take_while(u8::is_ascii_digit).count();
    let rest = w.get(n..).unwrap_or("x");
    (1..=2).contains(&n) && matches!(rest, "" | "st" | "nd" | "rd" | "th")
}

/// "1990s": a decade from the 1500s to the 2090s.
pub fn is_decade(w: &str) -> bool {
    w.len() == 5 && w.ends_with("0s") && is_year(w.get(..4).unwrap_or(""))
}

/// "9", "10:30", "9.30", optionally with "am", "pm" or a zone joined on.
/// Returns whether the word itself ends in such a suffix.
pub fn clock(w: &str) -> Option<bool> {
    let h = w.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&h) {
        return None;
    }
    let mut rest = w.get(h..)?;
    if let Some(r) = rest.strip_prefix([':', '.']) {
        if r.len() < 2 || !r.get(..2).is_some_and(digits) {
            return None;
        }
        rest = r.get(2..)?;
    }
    match rest {
        "" => Some(false),
        s if s.eq_ignore_ascii_case("am") || s.eq_ignore_ascii_case("pm") || classes_of(s) & TIME_ZONE != 0 => Some(true),
        _ => None,
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_and_date_shapes() {
        assert!(is_number("1,200") && is_number("4.5") && !is_number("1,,2") && !is_number("4.") && !is_number("G-20"));
        assert!(is_year("1987") && is_year("2099") && !is_year("1499") && !is_year("987"));
        assert!(is_day("3") && is_day("21st") && !is_day("123") && !is_day("3x"));
        assert!(is_decade("1990s") && !is_decade("1995s"));
        assert_eq!(clock("10:30pm"), Some(true));
        assert_eq!(clock("9"), Some(false));
        assert_eq!(clock("9GMT"), Some(true));
        assert_eq!(clock("9:3"), None);
        assert_eq!(clock("123"), None);
    }
}
