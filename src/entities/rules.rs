//! Dates, times, sums of money, percentages and numbers, by regular
//! expressions over the text ("Sunday", "last year", "one day later",
//! "the 1990s" -> "1990s", "$4.5 billion", "40 minutes", "3.9 percent").
//!
//! Every pattern runs over the whole text once; candidates that do not start
//! and end on token boundaries are dropped, and overlapping candidates are
//! resolved leftmost-longest (ties: money, percent, time, date, number).
//! Spans never start with "the", as for names.
//!
//! Guarantees: linear in the text (the regex crate has no backtracking);
//! patterns compiled once; no panics.

use super::Mention;
use crate::text::Doc;
use crate::EntityType;
use regex::Regex;
use std::sync::OnceLock;

const NUM: &str = r"\d+(?:[.,]\d+)*";
const NUMW: &str = r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a\s+few|several|a|an)";
const MONTH: &str = r"(?:January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|May)";
const DAY: &str = r"(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/// Spaces within a line.
const SP: &str = r"(?:[\s&&[^\n\r]]+)";

fn patterns() -> &'static [(EntityType, Regex)] {
    static P: OnceLock<Vec<(EntityType, Regex)>> = OnceLock::new();
    P.get_or_init(|| {
        let mult = format!(r"(?:{SP}(?i:thousand|million|billion|trillion|bn|mln))?");
        let unit_date = r"(?i:days?|weeks?|months?|years?|decades?|centuries|century|weekends?|quarters?)";
        let rel = r"(?i:last|next|this|past|coming|previous|following|same)";
        let season = r"(?i:spring|summer|autumn|fall|winter)";
        let sources = [
            (EntityType::MONEY, format!(r"(?:US\$|C\$|A\$|\$|£|€|¥){SP}?{NUM}{mult}")),
            (EntityType::MONEY, format!(r"(?:{NUM}|{NUMW}){mult}{SP}(?i:dollars|euros|pounds|yen|yuan|rubles|roubles|marks|francs|cents|pence)")),
            (EntityType::PERCENT, format!(r"(?:{NUM}|{NUMW}){SP}?(?:%|(?i:percent|per{SP}cent|percentage{SP}points?))")),
            (EntityType::TIME, format!(r"\d{{1,2}}(?:[:.]\d\d)?{SP}?(?:a\.m\.|p\.m\.|(?i:am|pm)(?-u:\b)|GMT|EST|EDT|ET)")),
            (EntityType::TIME, format!(r"(?:{NUM}|{NUMW}){SP}(?i:seconds|minutes|hours|minute|hour|second)")),
            (EntityType::TIME, format!(r"(?i:tonight|noon|midnight|(?:this|last|yesterday|tomorrow){SP}(?:morning|afternoon|evening|night))")),
            (EntityType::DATE, r"\d{4}-\d\d-\d\d".to_string()),
            (EntityType::DATE, format!(r"{MONTH}{SP}\d{{1,2}}(?:st|nd|rd|th)?(?:,?{SP}\d{{4}})?")),
            (EntityType::DATE, format!(r"\d{{1,2}}(?:st|nd|rd|th)?{SP}{MONTH}(?:,?{SP}\d{{4}})?")),
            (EntityType::DATE, format!(r"(?:January|February|March|April|June|July|August|September|October|November|December|May{SP}\d{{4}})(?:{SP}\d{{4}})?")),
            (EntityType::DATE, DAY.to_string()),
            (EntityType::DATE, r"(?i:today|yesterday|tomorrow)".to_string()),
            (EntityType::DATE, format!(r"{rel}{SP}(?:{unit_date}|{season}|{DAY}|{MONTH})")),
            (EntityType::DATE, format!(r"(?:{NUM}|{NUMW})(?:{SP}|-){unit_date}{SP}(?i:ago|later|earlier|before|after|from{SP}now)")),
            (EntityType::DATE, format!(r"(?:{NUM}|{NUMW}){SP}(?i:days|weeks|months|years|decades)")),
            (EntityType::DATE, format!(r"(?i:earlier|later|early|late){SP}(?:(?i:this|that|last|next|in{SP}the){SP})?(?:{unit_date}|{MONTH}|\d{{4}})")),
            (EntityType::DATE, r"(?:1[5-9]|20)\d0s|(?:1[5-9]|20)\d\d|'\d0s".to_string()),
            (EntityType::CARDINAL, format!(r"{NUM}{mult}")),
            (EntityType::CARDINAL, r"(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozens?|hundreds|thousands|millions)".to_string()),
        ];
        sources.into_iter().filter_map(|(k, s)| Regex::new(&s).ok().map(|r| (k, r))).collect()
    })
}

/// Rank of a type when two candidates have the same span (lower wins).
fn rank(k: EntityType) -> u8 {
    match k {
        EntityType::MONEY => 0,
        EntityType::PERCENT => 1,
        EntityType::TIME => 2,
        EntityType::DATE => 3,
        _ => 4,
    }
}

/// The date, time, money, percent and number mentions of `doc`, sorted and
/// without overlaps.
pub fn find(doc: &Doc) -> Vec<Mention> {
    let mut cands: Vec<(usize, usize, EntityType)> = Vec::new();
    for (kind, re) in patterns() {
        for m in re.find_iter(doc.text) {
            let (s, e) = (m.start(), m.end());
            let a = doc.token_at_or_after(s);
            let b = doc.tokens.partition_point(|t| t.start < e);
            let on_tokens = doc.tokens.get(a).is_some_and(|t| t.start == s) && b > a && doc.tokens.get(b - 1).is_some_and(|t| t.end == e);
            if on_tokens {
                cands.push((s, e, *kind));
            }
        }
    }
    cands.sort_by_key(|&(s, e, k)| (s, std::cmp::Reverse(e), rank(k)));
    let mut out: Vec<Mention> = Vec::new();
    let mut last_end = 0;
    for (s, e, kind) in cands {
        if s >= last_end {
            out.push(Mention { start: s, end: e, kind, title: None });
            last_end = e;
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
    fn every_pattern_compiles() {
        assert_eq!(patterns().len(), 19);
    }

    #[test]
    fn dates() {
        use EntityType::DATE;
        assert_eq!(found("She left on Sunday, last year."), [("Sunday", DATE), ("last year", DATE)]);
        assert_eq!(found("It came one day later, in the 1990s."), [("one day later", DATE), ("1990s", DATE)]);
        assert_eq!(found("By March 3, 2017 and 4 July it was over."), [("March 3, 2017", DATE), ("4 July", DATE)]);
        assert_eq!(found("Earlier in the month, today, in 1987."), [("Earlier in the month", DATE), ("today", DATE), ("1987", DATE)]);
    }

    #[test]
    fn may_alone_is_not_a_date() {
        assert_eq!(found("You may go."), []);
        assert_eq!(found("In May 2016 it rained."), [("May 2016", EntityType::DATE)]);
    }

    #[test]
    fn money_percent_time_numbers() {
        use EntityType::*;
        assert_eq!(found("It cost $4.5 billion, up 3.9 percent."), [("$4.5 billion", MONEY), ("3.9 percent", PERCENT)]);
        assert_eq!(found("They talked for 40 minutes at 9 a.m. with 12 people."), [("40 minutes", TIME), ("9 a.m.", TIME), ("12", CARDINAL)]);
        assert_eq!(found("Up 5% and three leaders, 1,200 votes."), [("5%", PERCENT), ("three", CARDINAL), ("1,200", CARDINAL)]);
    }

    #[test]
    fn numbers_inside_words_are_not_mentions() {
        assert_eq!(found("The G-20 summit."), []);
    }
}
