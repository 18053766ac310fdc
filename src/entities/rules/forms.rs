//! The shapes of number and date tokens ("1,200", "1987", "21st", "1990s",
//! "10:30pm") and the token view the rules read: each token's word classes
//! and shapes, and whether two tokens share a line.
//!
//! A word's classes and shapes depend only on its text, so they are worked
//! out once per distinct word ([`facts_of`]) and read per token as bits.
//!
//! Guarantees: each check reads one or two tokens; no panics.

use super::lists::{
    class::{DATE_UNIT, QUANTITY, TIME_ZONE},
    classes_of, lists, Facts, Lists,
};
use crate::text::Doc;

/// Shapes of a word, as bits above the word classes of [`super::lists::class`].
pub mod shape {
    use super::Facts;
    /// "4", "1,200" ([`super::is_number`]).
    pub const NUMBER: Facts = Facts::bit(22);
    /// "1987" ([`super::is_year`]).
    pub const YEAR: Facts = Facts::bit(23);
    /// "3", "21st" ([`super::is_day`]).
    pub const DAY: Facts = Facts::bit(24);
    /// "1990s" ([`super::is_decade`]).
    pub const DECADE: Facts = Facts::bit(25);
    /// "2017-01-02".
    pub const ISO_DATE: Facts = Facts::bit(26);
    /// "9", "10:30", "10:30pm" ([`super::clock`] is some).
    pub const CLOCK: Facts = Facts::bit(27);
    /// "10:30pm", "9GMT": a clock time with its suffix joined on.
    pub const CLOCK_SUFFIXED: Facts = Facts::bit(28);
    /// "two-year": a quantity and a date unit in one token.
    pub const QUANTITY_DATE_UNIT: Facts = Facts::bit(29);
    /// The word can start a pattern: a digit, an apostrophe, a listed word,
    /// or "US", "C", "A" (before "$").
    pub const START: Facts = Facts::bit(30);
}
use shape::*;

/// The classes and [`shape`] bits of one word, by the lists `l`.
pub fn facts_of(l: &Lists, w: &str) -> Facts {
    let mut f = l.word_classes(w);
    let first = w.as_bytes().first().copied().unwrap_or(0);
    if first.is_ascii_digit() {
        // Each of these shapes starts with a digit.
        f |= NUMBER.when(is_number(w))
            | YEAR.when(is_year(w))
            | DAY.when(is_day(w))
            | DECADE.when(is_decade(w))
            | ISO_DATE.when(is_iso_date(w));
        f |= match clock(w) {
            Some(true) => CLOCK | CLOCK_SUFFIXED,
            Some(false) => CLOCK,
            None => Facts::NONE,
        };
    }
    if !f.is_empty() || first.is_ascii_digit() || first == b'\'' || matches!(w, "US" | "C" | "A") {
        f |= START | QUANTITY_DATE_UNIT.when(is_quantity_unit(w, DATE_UNIT));
    }
    f
}

/// "two-year", "3-day": a quantity and a unit of class `unit`, hyphenated.
fn is_quantity_unit(w: &str, unit: Facts) -> bool {
    w.split_once('-').is_some_and(|(q, u)| {
        (is_number(q) || classes_of(q).meets(QUANTITY)) && classes_of(u).meets(unit)
    })
}

/// "2017-01-02".
fn is_iso_date(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 10
        && b.iter()
            .enumerate()
            .all(|(k, c)| if k == 4 || k == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

/// The tokens of a document with their facts, as the patterns read them.
pub struct Tokens<'a> {
    pub doc: &'a Doc<'a>,
    /// Each distinct word's classes and shapes ([`facts_of`]), by word id.
    facts: Vec<Facts>,
}

impl<'a> Tokens<'a> {
    /// The tokens of `doc`, each distinct word classified once.
    pub fn new(doc: &'a Doc<'a>) -> Self {
        let l = lists();
        Tokens { doc, facts: doc.vocab.classify(|w| facts_of(l, w)) }
    }

    /// Token `i`'s text ("" past the end).
    pub fn tok(&self, i: usize) -> &str {
        if i < self.doc.tokens.len() {
            self.doc.tok(i)
        } else {
            ""
        }
    }

    /// Whether token `i` is in one of the classes or shapes `c`.
    pub fn is(&self, i: usize, c: Facts) -> bool {
        self.doc
            .vocab
            .ids()
            .get(i)
            .and_then(|&id| self.facts.get(id as usize))
            .is_some_and(|&x| x.meets(c))
    }

    /// Whether token `i` is `w`, ignoring ASCII case.
    pub fn low_is(&self, i: usize, w: &str) -> bool {
        self.tok(i).eq_ignore_ascii_case(w)
    }

    /// Whether tokens `i` and `i + 1` are on one line.
    pub fn joined(&self, i: usize) -> bool {
        let (Some(a), Some(b)) = (self.doc.tokens.get(i), self.doc.tokens.get(i + 1)) else {
            return false;
        };
        self.doc.one_line(a.end(), b.start())
    }

    /// Whether token `i + 1` follows token `i` with no space.
    pub fn touching(&self, i: usize) -> bool {
        let (Some(a), Some(b)) = (self.doc.tokens.get(i), self.doc.tokens.get(i + 1)) else {
            return false;
        };
        a.end() == b.start()
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
        s if s.eq_ignore_ascii_case("am")
            || s.eq_ignore_ascii_case("pm")
            || classes_of(s).meets(TIME_ZONE) =>
        {
            Some(true)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_and_date_shapes() {
        assert!(
            is_number("1,200")
                && is_number("4.5")
                && !is_number("1,,2")
                && !is_number("4.")
                && !is_number("G-20")
        );
        assert!(is_year("1987") && is_year("2099") && !is_year("1499") && !is_year("987"));
        assert!(is_day("3") && is_day("21st") && !is_day("123") && !is_day("3x"));
        assert!(is_decade("1990s") && !is_decade("1995s"));
        assert_eq!(clock("10:30pm"), Some(true));
        assert_eq!(clock("9"), Some(false));
        assert_eq!(clock("9GMT"), Some(true));
        assert_eq!(clock("9:3"), None);
        assert_eq!(clock("123"), None);
    }

    #[test]
    fn facts_hold_classes_and_shapes() {
        use super::super::lists::class::{self, MONTH, NUMBER_WORD};
        assert!(class::NAMES.iter().all(|&(_, b)| b.below(NUMBER)), "shape bits overlap the classes");
        assert_eq!(facts_of(lists(), "1987"), NUMBER | YEAR | START);
        assert_eq!(facts_of(lists(), "21st"), DAY | START);
        assert_eq!(facts_of(lists(), "10:30pm"), CLOCK | CLOCK_SUFFIXED | START);
        assert_eq!(facts_of(lists(), "9"), NUMBER | DAY | CLOCK | START);
        assert_eq!(facts_of(lists(), "2017-01-02"), ISO_DATE | START);
        assert_eq!(facts_of(lists(), "two-year"), Facts::NONE);
        assert_eq!(facts_of(lists(), "3-year"), QUANTITY_DATE_UNIT | START);
        assert_eq!(facts_of(lists(), "March"), MONTH | START);
        assert_eq!(facts_of(lists(), "twenty"), QUANTITY | NUMBER_WORD | START);
        assert_eq!(facts_of(lists(), "US"), START);
        assert_eq!(facts_of(lists(), "'"), START);
        assert_eq!(facts_of(lists(), "house"), Facts::NONE);
    }
}
