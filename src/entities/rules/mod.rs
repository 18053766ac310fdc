//! Dates, times, sums of money, percentages and numbers, by patterns over
//! tokens ("Sunday", "last year", "one day later", "the 1990s" -> "1990s",
//! "$4.5 billion", "40 minutes", "3.9 percent", "9 a.m.").
//!
//! Each pattern is a few lines over the tokens and the word classes of
//! `data/rules.txt`; at each token the longest match of any pattern wins
//! (ties: money, percent, time, date, number) and the next mention starts
//! after it. A mention never crosses a line break, and spans never start
//! with "the", as for names.
//!
//! This was a set of regular expressions; matching tokens directly needs
//! no regex engine in the wasm module, which made the page's first result
//! ~60 ms sooner (compiling the expressions at start-up) and the module
//! smaller.
//!
//! Guarantees: linear in the tokens (each pattern reads at most six tokens
//! from where it starts); word lists parsed once; no panics.

mod forms;
mod lists;

use super::Mention;
use crate::text::Doc;
use crate::EntityType;
use forms::{shape::*, Tokens};
use lists::class::*;
#[cfg(test)]
use lists::lists;

/// The ends of the quantities starting at a token: a number, a quantity
/// word, "a few". Worked out once per token for all the patterns.
#[derive(Clone, Copy)]
struct Quantity([Option<usize>; 2]);

impl Quantity {
    fn at(t: &Tokens, i: usize) -> Self {
        // "a" is a listed quantity: most tokens are ruled out by their bits.
        let q = t.is(i, NUMBER | QUANTITY);
        let few = q && t.low_is(i, "a") && t.next(i + 1).is_some_and(|j| t.low_is(j, "few"));
        Quantity([q.then_some(i + 1), few.then_some(i + 2)])
    }

    fn ends(self) -> impl Iterator<Item = usize> {
        self.0.into_iter().flatten()
    }
}

/// An optional multiplier ("billion") after token `e - 1`.
fn with_multiplier(t: &Tokens, e: usize) -> usize {
    if t.next(e).is_some_and(|j| t.is(j, MULTIPLIER)) {
        e + 1
    } else {
        e
    }
}

/// A month at `i`: "March", "Sept." (the period is its own token).
fn month(t: &Tokens, i: usize) -> Option<usize> {
    if t.is(i, MONTH) {
        return Some(i + 1);
    }
    (t.is(i, MONTH_ABBREVIATION) && t.tok(i + 1) == "." && t.touching(i)).then_some(i + 2)
}

/// An optional ", 2017" or " 2017" after a day.
fn with_year(t: &Tokens, e: usize) -> usize {
    let comma = usize::from(t.tok(e) == "," && t.touching(e.wrapping_sub(1)));
    match t.next(e + comma) {
        Some(j) if t.is(j, YEAR) && (comma == 0 || t.joined(e)) => j + 1,
        _ => e,
    }
}

fn money(t: &Tokens, i: usize, q: Quantity) -> Option<usize> {
    // "$4.5 billion", "US$3", "£20".
    let after_symbol = if t.is(i, CURRENCY_SYMBOL) {
        Some(i + 1)
    } else if matches!(t.tok(i), "US" | "C" | "A") && t.tok(i + 1) == "$" && t.touching(i) {
        Some(i + 2)
    } else {
        None
    };
    if let Some(j) = after_symbol.filter(|&j| t.is(j, NUMBER) && t.joined(j - 1)) {
        return Some(with_multiplier(t, j + 1));
    }
    // "20 million dollars".
    q.ends()
        .filter_map(|q| {
            Some(t.next(with_multiplier(t, q)).filter(|&j| t.is(j, CURRENCY_WORD))? + 1)
        })
        .max()
}

fn percent(t: &Tokens, _: usize, q: Quantity) -> Option<usize> {
    q.ends()
        .filter_map(|q| {
            if t.tok(q) == "%" && (t.touching(q - 1) || t.joined(q - 1)) {
                return Some(q + 1);
            }
            let j = t.next(q)?;
            let then = |w: &str| t.next(j + 1).is_some_and(|k| t.low_is(k, w));
            if t.low_is(j, "percent") {
                Some(j + 1)
            } else if (t.low_is(j, "per") && then("cent"))
                || (t.low_is(j, "percentage") && (then("point") || then("points")))
            {
                Some(j + 2)
            } else {
                None
            }
        })
        .max()
}

fn time(t: &Tokens, i: usize, q: Quantity) -> Option<usize> {
    if t.is(i, CLOCK) {
        if t.is(i, CLOCK_SUFFIXED) {
            return Some(i + 1);
        }
        if t.next(i + 1).is_some_and(|j| t.is(j, CLOCK_SUFFIX | TIME_ZONE)) {
            return Some(i + 2);
        }
    }
    if t.is(i, TIME_WORD) {
        return Some(i + 1);
    }
    if t.is(i, DAY_PART_OPENER) && t.next(i + 1).is_some_and(|j| t.is(j, DAY_PART)) {
        return Some(i + 2);
    }
    q.ends().filter_map(|q| Some(t.next(q).filter(|&j| t.is(j, TIME_UNIT))? + 1)).max()
}

/// A quantity and a date unit at `j`, or a hyphenated "two-year" at `i`
/// (quantity and unit in one token); returns the end of the pair.
fn quantity_unit(t: &Tokens, i: usize, q: Quantity) -> Option<usize> {
    let joined =
        q.ends().filter_map(|q| Some(t.next(q).filter(|&j| t.is(j, DATE_UNIT))? + 1)).max();
    joined.or_else(|| t.is(i, QUANTITY_DATE_UNIT).then_some(i + 1))
}

fn date(t: &Tokens, i: usize, q: Quantity) -> Option<usize> {
    let w = t.tok(i);
    let mut best: Option<usize> = None;
    let mut take = |e: Option<usize>| best = best.max(e);
    // "2017-01-02", "1987", "1990s", "'90s".
    take(t.is(i, ISO_DATE | YEAR | DECADE).then_some(i + 1));
    take(
        (w == "'"
            && t.touching(i)
            && t.tok(i + 1).len() == 3
            && t.tok(i + 1).ends_with("0s")
            && t.tok(i + 1).starts_with(|c: char| c.is_ascii_digit()))
        .then_some(i + 2),
    );
    // "March 3, 2017", "Sept. 3".
    if let Some(m) = month(t, i) {
        take(t.next(m).filter(|&d| t.is(d, DAY)).map(|d| with_year(t, d + 1)));
        // "March", "March 2016", but "May" only with a year.
        let year = t.next(m).filter(|&y| t.is(y, YEAR)).map(|y| y + 1);
        take(if t.tok(i) == "May" {
            year
        } else if t.is(i, MONTH) {
            year.or(Some(m))
        } else {
            None
        });
    }
    // "4 July 2017".
    if t.is(i, DAY) {
        take(t.next(i + 1).and_then(|m| month(t, m)).map(|e| with_year(t, e)));
    }
    take(t.is(i, WEEKDAY | DEICTIC_DAY).then_some(i + 1));
    // "last year", "next spring", "this Monday", "last March".
    if t.is(i, RELATIVE) {
        take(t.next(i + 1).and_then(|j| {
            if t.is(j, DATE_UNIT | SEASON | WEEKDAY) {
                Some(j + 1)
            } else {
                month(t, j)
            }
        }));
    }
    // "two days later", "a year ago", "three weeks from now", "two-year" ... "ago".
    if let Some(q) = quantity_unit(t, i, q) {
        if let Some(j) = t.next(q) {
            take(t.is(j, OFFSET).then_some(j + 1));
            take(
                (t.low_is(j, "from") && t.next(j + 1).is_some_and(|k| t.low_is(k, "now")))
                    .then_some(j + 2),
            );
        }
    }
    // "40 years", "several months".
    take(
        q.ends().filter_map(|q| Some(t.next(q).filter(|&j| t.is(j, DATE_UNIT_PLURAL))? + 1)).max(),
    );
    // "earlier this year", "late in the month", "early 2017".
    if t.is(i, VAGUE) {
        let mut j = i + 1;
        if t.next(j).is_some_and(|k| t.is(k, VAGUE_OPENER)) {
            j += 1;
        } else if t.next(j).is_some_and(|k| t.low_is(k, "in"))
            && t.next(j + 1).is_some_and(|k| t.low_is(k, "the"))
        {
            j += 2;
        }
        if let Some(k) = t.next(j) {
            take(if t.is(k, DATE_UNIT | YEAR) { Some(k + 1) } else { month(t, k) });
        }
    }
    best
}

fn cardinal(t: &Tokens, i: usize, _: Quantity) -> Option<usize> {
    if t.is(i, NUMBER) {
        return Some(with_multiplier(t, i + 1));
    }
    t.is(i, NUMBER_WORD).then_some(i + 1)
}

/// A pattern: the end of its match starting at a token, if any.
type Pattern = fn(&Tokens, usize, Quantity) -> Option<usize>;

/// The patterns, in rank order for ties (lower wins).
const PATTERNS: [(EntityType, Pattern); 5] = [
    (EntityType::MONEY, money),
    (EntityType::PERCENT, percent),
    (EntityType::TIME, time),
    (EntityType::DATE, date),
    (EntityType::CARDINAL, cardinal),
];

/// The date, time, money, percent and number mentions of `doc`, sorted and
/// without overlaps.
pub fn find(doc: &Doc) -> Vec<Mention> {
    let t = Tokens::new(doc);
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let best = if t.is(i, START) {
            let q = Quantity::at(&t, i);
            PATTERNS.iter().filter_map(|(k, p)| Some((p(&t, i, q)?, *k))).fold(
                None,
                |b: Option<(usize, EntityType)>, (e, k)| {
                    if b.is_none_or(|(be, _)| e > be) {
                        Some((e, k))
                    } else {
                        b
                    }
                },
            )
        } else {
            None
        };
        match best.and_then(|(e, k)| {
            Some((doc.tokens.get(i)?.start(), doc.tokens.get(e.checked_sub(1)?)?.end(), e, k))
        }) {
            Some((start, end, e, kind)) if e > i => {
                out.push(Mention { start, end, kind, title: None });
                i = e;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<(&str, EntityType)> {
        let doc = Doc::new(t);
        find(&doc).into_iter().map(|m| (&t[m.start..m.end], m.kind)).collect()
    }

    #[test]
    fn every_class_has_words() {
        let l = lists();
        for (name, bit) in lists::class::NAMES {
            let n = l.classes().filter(|&c| c.meets(bit)).count();
            assert!(n > 0, "{name}");
        }
    }

    #[test]
    fn dates() {
        use EntityType::DATE;
        assert_eq!(
            found("She left on Sunday, last year."),
            [("Sunday", DATE), ("last year", DATE)]
        );
        assert_eq!(
            found("It came one day later, in the 1990s."),
            [("one day later", DATE), ("1990s", DATE)]
        );
        assert_eq!(
            found("By March 3, 2017 and 4 July it was over."),
            [("March 3, 2017", DATE), ("4 July", DATE)]
        );
        assert_eq!(
            found("Earlier in the month, today, in 1987."),
            [("Earlier in the month", DATE), ("today", DATE), ("1987", DATE)]
        );
        assert_eq!(
            found("On Sept. 3rd and 2017-01-02, a two-year deal ended two years ago."),
            [("Sept. 3rd", DATE), ("2017-01-02", DATE), ("two years ago", DATE)]
        );
        assert_eq!(
            found("Back in the '90s, late this year, three weeks from now."),
            [("'90s", DATE), ("late this year", DATE), ("three weeks from now", DATE)]
        );
    }

    #[test]
    fn may_alone_is_not_a_date() {
        assert_eq!(found("You may go."), []);
        assert_eq!(found("In May 2016 it rained."), [("May 2016", EntityType::DATE)]);
        assert_eq!(found("It was in March."), [("March", EntityType::DATE)]);
    }

    #[test]
    fn money_percent_time_numbers() {
        use EntityType::*;
        assert_eq!(
            found("It cost $4.5 billion, up 3.9 percent."),
            [("$4.5 billion", MONEY), ("3.9 percent", PERCENT)]
        );
        assert_eq!(
            found("They talked for 40 minutes at 9 a.m. with 12 people."),
            [("40 minutes", TIME), ("9 a.m.", TIME), ("12", CARDINAL)]
        );
        assert_eq!(
            found("Up 5% and three leaders, 1,200 votes."),
            [("5%", PERCENT), ("three", CARDINAL), ("1,200", CARDINAL)]
        );
        assert_eq!(
            found("US$3 and 20 million dollars, 5 per cent, at 10:30pm or 9 GMT, this morning."),
            [
                ("US$3", MONEY),
                ("20 million dollars", MONEY),
                ("5 per cent", PERCENT),
                ("10:30pm", TIME),
                ("9 GMT", TIME),
                ("this morning", TIME)
            ]
        );
    }

    #[test]
    fn a_mention_never_crosses_a_line() {
        assert_eq!(found("It was 5\npercent"), [("5", EntityType::CARDINAL)]);
        assert_eq!(found("last\nyear"), []);
    }

    #[test]
    fn numbers_inside_words_are_not_mentions() {
        assert_eq!(found("The G-20 summit."), []);
        assert_eq!(found("A 3bn plan."), []);
    }
}
