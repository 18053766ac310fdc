//! Dates, times, sums of money, percentages and numbers, by regular
//! expressions over the text ("Sunday", "last year", "one day later",
//! "the 1990s" -> "1990s", "$4.5 billion", "40 minutes", "3.9 percent").
//!
//! The patterns are tried at token starts, left to right: one anchored
//! pass of all of them together says whether any can match there (at most
//! a few bytes for most tokens), and only then is each tried for its match.
//! Matches that do not end on a token boundary are dropped; the longest
//! wins (ties: money, percent, time, date, number), and the next mention
//! starts after it.
//! Spans never start with "the", as for names.
//!
//! Guarantees: no backtracking (the regex crate), patterns compiled once,
//! each anchored try bounded by the longest possible mention, which is a
//! few words on one line; no panics.

use super::Mention;
use crate::text::Doc;
use crate::EntityType;
use regex::{Regex, RegexSet};
use std::sync::OnceLock;

const NUM: &str = r"[0-9]+(?:[.,][0-9]+)*";
const NUMW: &str = r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a\s+few|several|a|an)";
const MONTH: &str = r"(?:January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|May)";
const DAY: &str = r"(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/// Spaces within a line.
const SP: &str = r"(?:[\s&&[^\n\r]]+)";

/// The patterns, each anchored at the start, and all of them as one set.
struct Patterns {
    each: Vec<(EntityType, Regex)>,
    any: RegexSet,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let mult = format!(r"(?:{SP}(?i:thousand|million|billion|trillion|bn|mln))?");
        let unit_date = r"(?i:days?|weeks?|months?|years?|decades?|centuries|century|weekends?|quarters?)";
        let rel = r"(?i:last|next|this|past|coming|previous|following|same)";
        let season = r"(?i:spring|summer|autumn|fall|winter)";
        let sources = [
            (EntityType::MONEY, format!(r"(?:US\$|C\$|A\$|\$|£|€|¥){SP}?{NUM}{mult}")),
            (EntityType::MONEY, format!(r"(?:{NUM}|{NUMW}){mult}{SP}(?i:dollars|euros|pounds|yen|yuan|rubles|roubles|marks|francs|cents|pence)")),
            (EntityType::PERCENT, format!(r"(?:{NUM}|{NUMW}){SP}?(?:%|(?i:percent|per{SP}cent|percentage{SP}points?))")),
            (EntityType::TIME, format!(r"[0-9]{{1,2}}(?:[:.][0-9][0-9])?{SP}?(?:a\.m\.|p\.m\.|(?i:am|pm)(?-u:\b)|GMT|EST|EDT|ET)")),
            (EntityType::TIME, format!(r"(?:{NUM}|{NUMW}){SP}(?i:seconds|minutes|hours|minute|hour|second)")),
            (EntityType::TIME, format!(r"(?i:tonight|noon|midnight|(?:this|last|yesterday|tomorrow){SP}(?:morning|afternoon|evening|night))")),
            (EntityType::DATE, r"[0-9]{4}-[0-9][0-9]-[0-9][0-9]".to_string()),
            (EntityType::DATE, format!(r"{MONTH}{SP}[0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?{SP}[0-9]{{4}})?")),
            (EntityType::DATE, format!(r"[0-9]{{1,2}}(?:st|nd|rd|th)?{SP}{MONTH}(?:,?{SP}[0-9]{{4}})?")),
            (EntityType::DATE, format!(r"(?:January|February|March|April|June|July|August|September|October|November|December|May{SP}[0-9]{{4}})(?:{SP}[0-9]{{4}})?")),
            (EntityType::DATE, DAY.to_string()),
            (EntityType::DATE, r"(?i:today|yesterday|tomorrow)".to_string()),
            (EntityType::DATE, format!(r"{rel}{SP}(?:{unit_date}|{season}|{DAY}|{MONTH})")),
            (EntityType::DATE, format!(r"(?:{NUM}|{NUMW})(?:{SP}|-){unit_date}{SP}(?i:ago|later|earlier|before|after|from{SP}now)")),
            (EntityType::DATE, format!(r"(?:{NUM}|{NUMW}){SP}(?i:days|weeks|months|years|decades)")),
            (EntityType::DATE, format!(r"(?i:earlier|later|early|late){SP}(?:(?i:this|that|last|next|in{SP}the){SP})?(?:{unit_date}|{MONTH}|[0-9]{{4}})")),
            (EntityType::DATE, r"(?:1[5-9]|20)[0-9]0s|(?:1[5-9]|20)[0-9][0-9]|'[0-9]0s".to_string()),
            (EntityType::CARDINAL, format!(r"{NUM}{mult}")),
            (EntityType::CARDINAL, r"(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozens?|hundreds|thousands|millions)".to_string()),
        ];
        let anchored: Vec<(EntityType, String)> = sources.into_iter().map(|(k, s)| (k, format!("^(?:{s})"))).collect();
        let each: Vec<(EntityType, Regex)> = anchored.iter().filter_map(|(k, s)| Regex::new(s).ok().map(|r| (*k, r))).collect();
        let any = RegexSet::new(each.iter().map(|(_, r)| r.as_str())).unwrap_or_else(|_| RegexSet::empty());
        Patterns { each, any }
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
    let p = patterns();
    let mut out: Vec<Mention> = Vec::new();
    let mut last_end = 0;
    for (a, tok) in doc.tokens.iter().enumerate() {
        let Some(rest) = doc.text.get(tok.start..).filter(|_| tok.start >= last_end) else { continue };
        if !p.any.is_match(rest) {
            continue;
        }
        // The longest match that ends on a token end; ties by rank.
        let mut best: Option<(usize, EntityType)> = None;
        for (kind, re) in &p.each {
            let Some(m) = re.find(rest) else { continue };
            let e = tok.start + m.end();
            let b = doc.tokens.partition_point(|t| t.start < e);
            let on_tokens = b > a && doc.tokens.get(b - 1).is_some_and(|t| t.end == e);
            let better = best.is_none_or(|(be, bk)| e > be || (e == be && rank(*kind) < rank(bk)));
            if on_tokens && better {
                best = Some((e, *kind));
            }
        }
        if let Some((e, kind)) = best {
            out.push(Mention { start: tok.start, end: e, kind, title: None });
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
        assert_eq!(patterns().each.len(), 19);
        assert_eq!(patterns().any.len(), 19);
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
