//! Repairs of the tagger's names by their form, for what a model trained
//! mostly on 1996 wire copy gets wrong in today's news:
//!
//! - a capitalised function word or sentence adverb opening a sentence or a
//!   headline is not part of a name ("Since Taylor left", "Roughly 14"), nor
//!   is a common abbreviation ("DVD", "OK"), nor a capitalised sentence
//!   opener that the article otherwise writes only in lowercase;
//! - "The" does not start an organisation's or a person's name ("The
//!   Washington Post" is "Washington Post", as CoNLL marks it), and "Jr."
//!   keeps its period;
//! - market codes glued to marks (".DJI", "XAU=") are not names;
//! - a camel-case word ("WeWork", "SpaceX") is a company, not a person or
//!   a place (surname prefixes such as "Mc", "De" and "Le" excepted), and so
//!   is a name the company and organisation lists know;
//! - a place beyond the Earth ("Titan", "Solar System") is a place.
//!
//! The word lists are `data/not_names/` (openers, acronyms) and
//! the gazetteer's lists. Guarantees: constant work per name; no panics.

use super::features::DocStats;
use crate::text::fasthash::FastSet;
use crate::text::lexicon::lists::{NOT_NAME_ACRONYMS, NOT_NAME_OPENERS};
use crate::text::lexicon::{gazetteer, Class};
use crate::text::vocab::Shape;
use crate::text::Doc;
use std::sync::OnceLock;

/// The tagger's type indices.
const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;

struct Lists {
    openers: FastSet<&'static str>,
    acronyms: FastSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        openers: NOT_NAME_OPENERS.entries().collect(),
        acronyms: NOT_NAME_ACRONYMS.entries().collect(),
    })
}

/// Whether `w` is a capitalised function word that never starts a name.
pub fn is_opener(w: &str) -> bool {
    lists().openers.contains(w.trim_end_matches(['’', '\'']))
}

/// The repaired name of tokens `a..b` with tagger type `ty`: its new token
/// range and type, or `None` when it is not a name at all.
pub fn adjust(
    doc: &Doc,
    stats: &DocStats,
    mut a: usize,
    mut b: usize,
    mut ty: usize,
) -> Option<(usize, usize, usize)> {
    if is_code(doc, a, b) {
        return None;
    }
    // "A." is an initial, and "The Netherlands" a place's own name.
    let word_follows = b == a + 1 || doc.vocab.shape(a + 1) & Shape::FIRST_ALPHA != 0;
    if at_sentence_start(doc, a)
        && is_opener(doc.tok(a))
        && word_follows
        && !(ty == LOC && doc.tok(a) == "The")
    {
        a += 1;
    }
    if matches!(ty, PER | ORG) && b > a + 1 && doc.tok(a) == "The" {
        a += 1;
    }
    if a >= b {
        return None;
    }
    if b == a + 1 && (lists().acronyms.contains(doc.tok(a)) || common_word_opening(doc, stats, a)) {
        return None;
    }
    let last = doc.tok(b - 1);
    let touching = |i: usize| {
        doc.tokens.get(i).zip(doc.tokens.get(i + 1)).is_some_and(|(x, y)| x.end() == y.start())
    };
    // (CoNLL leaves "Corp." and "Inc." without their period at times, and
    // recent news keeps it: a company's suffix is left as the tagger saw it.)
    if matches!(last, "Jr" | "Sr") && doc.tok(b) == "." && touching(b - 1) {
        b += 1;
    }
    ty = retype(doc, a, b, ty);
    Some((a, b, ty))
}

/// The type a name's form or the word lists give it over the tagger's.
fn retype(doc: &Doc, a: usize, b: usize, ty: usize) -> usize {
    let c = gazetteer::lookup_tokens(doc, a..b);
    let person_like = c.has(Class::Male) || c.has(Class::Female);
    if matches!(ty, PER | LOC) && c.has(Class::Org) && !person_like {
        return ORG;
    }
    if matches!(ty, PER | LOC) && b == a + 1 && is_camel(doc.tok(a)) {
        return ORG;
    }
    if ty != LOC && is_dateline(doc, a, b) {
        return LOC;
    }
    let beyond = c.has(Class::Region) && !c.has(Class::Org);
    if beyond && (ty == ORG || ty == PER && !person_like && super::titles::before(doc, a).is_none())
    {
        return LOC;
    }
    ty
}

/// Makes a one-word organisation a place when the dateline names the same
/// word as its place ("Northfield approves …" under "NORTHFIELD —"): a
/// headline's subject is read as a company otherwise.
pub fn same_place_as_dateline(doc: &Doc, mentions: &mut [super::Mention]) {
    let places: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == crate::EntityType::GPE)
        .filter_map(|m| {
            let a = doc.token_at_or_after(m.start);
            (doc.tokens.get(a).is_some_and(|t| t.end() == m.end) && is_dateline(doc, a, a + 1))
                .then(|| doc.slice(m.start, m.end))
        })
        .collect();
    if places.is_empty() {
        return;
    }
    for m in mentions.iter_mut().filter(|m| m.kind == crate::EntityType::ORG) {
        if places.iter().any(|p| p.eq_ignore_ascii_case(doc.slice(m.start, m.end))) {
            m.kind = crate::EntityType::GPE;
        }
    }
}

/// Whether tokens `a..b` are a dateline's place: words in capitals opening
/// a paragraph, before a dash or a bracket ("NORTHFIELD —", "LONDON (AP)").
fn is_dateline(doc: &Doc, a: usize, b: usize) -> bool {
    if !matches!(doc.tok(b), "—" | "–" | "-" | "(")
        || !(a..b).all(|i| doc.tok(i).chars().all(|c| !c.is_lowercase()))
    {
        return false;
    }
    // The dash on the same line, and prose after it: "RUGBY UNION - ENGLAND
    // WIN" is a section label over a headline.
    let same_line = doc
        .tokens
        .get(b - 1)
        .zip(doc.tokens.get(b))
        .is_some_and(|(x, y)| doc.one_line(x.end(), y.start()));
    if !same_line || !doc.tok(b + 1).chars().any(char::is_lowercase) {
        return false;
    }
    let s = doc.sentences.get(doc.sentences.partition_point(|s| s.tokens.end <= a));
    let p = s.and_then(|s| doc.paragraphs.get(s.paragraph));
    doc.tokens.get(a).zip(p).is_some_and(|(t, p)| p.start == t.start())
}

/// Whether `w` is written in camel case ("WeWork", "SpaceX"): a capital
/// after a lowercase letter, other than after a surname prefix.
fn is_camel(w: &str) -> bool {
    const PREFIXES: [&str; 12] =
        ["Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St", "Fitz"];
    let mut prev_lower = false;
    for (k, c) in w.char_indices() {
        if c.is_uppercase() && prev_lower {
            let head = w.get(..k).unwrap_or("");
            return !PREFIXES.contains(&head) && w.chars().any(char::is_lowercase);
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// Whether tokens `a..b` are a market code glued to a mark (".DJI", "XAU=").
fn is_code(doc: &Doc, a: usize, b: usize) -> bool {
    let glued = |i: usize, j: usize| {
        doc.tokens.get(i).zip(doc.tokens.get(j)).is_some_and(|(x, y)| x.end() == y.start())
    };
    (a > 0
        && doc.tok(a - 1) == "."
        && glued(a - 1, a)
        && doc.tok(a).chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
        || (doc.tok(b) == "=" && glued(b - 1, b))
}

/// Whether token `a` opens its sentence: only marks and list numbers
/// ("4.", "“") come before it.
pub fn at_sentence_start(doc: &Doc, a: usize) -> bool {
    let Some(s) = doc.sentences.get(doc.sentences.partition_point(|s| s.tokens.end <= a)) else {
        return false;
    };
    (s.tokens.start..a).all(|i| doc.vocab.shape(i) & Shape::FIRST_ALPHA == 0)
}

/// Whether one-word name `a` is a common word capitalised to open its
/// sentence: the article writes it in lowercase elsewhere and never
/// capitalised inside a sentence.
fn common_word_opening(doc: &Doc, stats: &DocStats, a: usize) -> bool {
    let Some(&id) = doc.vocab.ids().get(a) else { return false };
    // ("al-Ram" is not the word "AL-RAM" lowercased.)
    if !doc.tok(a).chars().all(char::is_alphabetic) {
        return false;
    }
    let (lower, capital) = stats.casing(id as usize);
    lower && !capital && at_sentence_start(doc, a)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repaired name of the tokens spelling `name` in `text`, as text
    /// and type.
    fn fix(text: &str, name: &str, ty: usize) -> Option<(String, usize)> {
        let doc = Doc::new(text);
        let stats = DocStats::new(&doc);
        let start = text.find(name)?;
        let a = doc.token_at_or_after(start);
        let b = doc.token_at_or_after(start + name.len());
        let (a, b, ty) = adjust(&doc, &stats, a, b, ty)?;
        Some((text.get(doc.tokens.get(a)?.start()..doc.tokens.get(b - 1)?.end())?.to_string(), ty))
    }

    #[test]
    fn function_words_opening_a_sentence_leave_the_name() {
        assert_eq!(
            fix("Since Ann Lee left, the firm shrank.", "Since Ann Lee", PER),
            Some(("Ann Lee".into(), PER))
        );
        assert_eq!(fix("Roughly 14 people came.", "Roughly", ORG), None);
        // Mid-sentence, a capitalised word is kept.
        assert_eq!(
            fix("Fans of Since Records met.", "Since Records", ORG),
            Some(("Since Records".into(), ORG))
        );
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_not_a_name() {
        let t = "Plainly, it rained. It rained plainly.";
        assert_eq!(fix(t, "Plainly", PER), None);
        assert_eq!(
            fix("Plainly spoke. Then Plainly left.", "Plainly", PER),
            Some(("Plainly".into(), PER))
        );
    }

    #[test]
    fn the_and_jr_follow_conll() {
        assert_eq!(
            fix("He reads The Northfield Courier daily.", "The Northfield Courier", ORG),
            Some(("Northfield Courier".into(), ORG))
        );
        assert_eq!(
            fix("A. Lee won. Next came A. Kern.", "A. Lee", PER),
            Some(("A. Lee".into(), PER))
        );
        assert_eq!(
            fix("The Netherlands won.", "The Netherlands", LOC),
            Some(("The Netherlands".into(), LOC))
        );
        assert_eq!(fix("Bo Kern Jr. spoke.", "Bo Kern Jr", PER), Some(("Bo Kern Jr.".into(), PER)));
    }

    #[test]
    fn camel_case_and_listed_companies_are_organisations() {
        assert_eq!(
            fix("They rented from ZapDesk on Monday.", "ZapDesk", PER),
            Some(("ZapDesk".into(), ORG))
        );
        assert_eq!(
            fix("They met McDowell on Monday.", "McDowell", PER),
            Some(("McDowell".into(), PER))
        );
        assert_eq!(
            fix("They watched Netflix all night.", "Netflix", LOC),
            Some(("Netflix".into(), ORG))
        );
    }

    #[test]
    fn places_beyond_the_earth_are_places() {
        assert_eq!(fix("Probes reached Titan in May.", "Titan", PER), Some(("Titan".into(), LOC)));
        assert_eq!(fix("Rain falls on Earth too.", "Earth", ORG), Some(("Earth".into(), LOC)));
    }

    #[test]
    fn a_dateline_in_capitals_is_a_place() {
        assert_eq!(
            fix("Bridge opens\n\nNORTHFIELD — The bridge opened.", "NORTHFIELD", ORG),
            Some(("NORTHFIELD".into(), LOC))
        );
        assert_eq!(fix("The NTA — the agency — paid.", "NTA", ORG), Some(("NTA".into(), ORG)));
        assert_eq!(
            fix("Rugby\n\nRUGBY UNION - ENGLAND WIN\n\nEngland won.", "RUGBY UNION", ORG),
            Some(("RUGBY UNION".into(), ORG))
        );
    }

    #[test]
    fn a_headline_subject_named_like_the_dateline_is_the_place() {
        use crate::EntityType::{GPE, ORG};
        let t = "Northfield approves tram\n\nNORTHFIELD — The Northfield council voted.";
        let doc = Doc::new(t);
        let at = |w: &str, from: usize| t[from..].find(w).map_or(0, |k| k + from);
        let m = |s: usize, len: usize, kind| super::super::Mention {
            start: s,
            end: s + len,
            kind,
            title: None,
        };
        let mut ms =
            [m(0, 10, ORG), m(at("NORTHFIELD", 0), 10, GPE), m(at("Northfield c", 30), 10, ORG)];
        same_place_as_dateline(&doc, &mut ms);
        assert_eq!(ms.map(|m| m.kind), [GPE, GPE, GPE]);
        let mut ms = [m(0, 10, ORG)];
        same_place_as_dateline(&doc, &mut ms);
        assert_eq!(ms[0].kind, ORG);
    }

    #[test]
    fn codes_and_acronyms_are_not_names() {
        assert_eq!(fix("The index .DJI fell.", "DJI", ORG), None);
        assert_eq!(fix("Gold XAU= rose.", "XAU", ORG), None);
        assert_eq!(fix("It came out on DVD last week.", "DVD", ORG), None);
    }
}
