//! Finds the phrase that names the speaker next to a reporting verb: the
//! subject before it ("Secretary of State Rex Tillerson said", "the
//! secretary said", "White House officials say", "he added") or the phrase
//! after it when the order is inverted ("said Tillerson", "said a spokesman
//! for the campaign").
//!
//! Guarantees: looks at most a dozen tokens each way and never leaves the
//! sentence; no panics (all token access goes through [`View`]).

pub use super::gap::{contraction, skip_left, skip_parenthesis};
pub use super::inverted::{plausible_inverted, right};
use super::view::View;
use crate::text::lexicon::Class;
use std::ops::Range;

/// The longest speaker phrase, in tokens.
const MAX_LEN: usize = 10;

/// Whether token `i` is a "." that ends a short abbreviation ("Sen.", "Mr.").
pub(super) fn abbrev_dot(v: &View, i: usize) -> bool {
    // A sentence's full stop after a short name ("said Ann Lee.") is no
    // abbreviation, unless the word is one ("Jr.", "Inc.").
    // Nor before a new quotation (`said Maya Chen. "That surprised us."`).
    let inside = i + 1 < v.doc.tokens.len()
        && v.sentence_of(i + 1) == v.sentence_of(i)
        && !v.is_open_mark(i + 1);
    v.tok(i) == "."
        && i.checked_sub(1).is_some_and(|p| {
            v.is_cap(p)
                && v.tok(p).len() <= 4
                && v.end(p) == v.start(i)
                && (inside || matches!(v.low(p), "jr" | "sr" | "inc" | "co" | "corp" | "ltd"))
        })
}

/// Whether token `i` is a possessive mark ("’s", or "’" after "Sanders").
pub(super) fn possessive(v: &View, i: usize) -> bool {
    matches!(v.low(i), "’s" | "'s" | "’" | "'") && v.quote_of(i).is_none()
}

/// Whether token `i` is a number ("9", "2.5").
pub(super) fn number(v: &View, i: usize) -> bool {
    v.doc.tokens.get(i).is_some_and(|t| t.kind == crate::text::tokens::TokenKind::Number)
}

/// Whether token `i` may be part of a name ("Secretary of State Rex Tillerson").
pub(super) fn name_part(v: &View, i: usize) -> bool {
    (v.is_cap(i) && (!v.is(i, Class::Adjunct) || v.is_person(i)))
        || abbrev_dot(v, i)
        || matches!(v.tok(i), "-" | "&")
}

/// Whether token `i` names people that an "in", "at" or "from" phrase can
/// follow: a title ("spokesman"), a capitalised word or a plural noun.
fn people_noun(v: &View, i: usize) -> bool {
    let low = v.low(i);
    v.is(i, Class::Title)
        || v.is_cap(i) && v.is_word(i) && !v.is(i, Class::Determiner)
        || v.is_word(i)
            && !v.is(i, Class::Stop)
            && low.len() > 4
            && low.ends_with('s')
            && !low.ends_with("ss")
            && !low.ends_with("ous")
}

/// The subject phrase ending just before token `end` (exclusive), not
/// before `floor`: a pronoun, a name with its title, or a description.
/// A phrase that ends a relative clause ("a woman who lives nearby said",
/// "voters who backed the plan say") gives way to the clause's antecedent,
/// with the clause.
pub fn left(v: &View, end: usize, floor: usize) -> Option<Range<usize>> {
    let r = phrase_left(v, end, floor)?;
    // The clause's verb and words: a few lower-case words back to "who".
    let who = (r.start.saturating_sub(5).max(floor + 1)..r.start)
        .rev()
        .take_while(|&k| v.is_word(k) && !v.is_cap(k))
        .find(|&k| v.low(k) == "who");
    // Not "hackers who officials say": there the phrase is the clause's own subject.
    let own_subject = |w: usize| {
        w + 1 == r.start && r.clone().any(|k| v.is_cap(k) || v.is(k, Class::Pronoun))
    };
    let Some(who) = who.filter(|&w| !matches!(v.low(r.start), "who" | "which") && !own_subject(w))
    else {
        return Some(coordinated(v, r, floor));
    };
    // NOTE: phrase_left, not left: one antecedent, never a chain of them.
    match phrase_left(v, who, floor) {
        Some(a) if !v.is(a.start, Class::Pronoun) && v.tok(who - 1) != "," => Some(a.start..r.end),
        _ => Some(r),
    }
}

/// Phrase `r` without a clock time that opens it: a live blog's entry
/// ("09:10 A reader, Sue, writes") is stamped, the time names no one.
pub(super) fn without_clock_time(v: &View, r: Range<usize>) -> Range<usize> {
    // One token ("09:10") or three ("9", ":", "10").
    let len = if !number(v, r.start) {
        0
    } else if v.tok(r.start).contains(':') {
        1
    } else if v.tok(r.start + 1) == ":" && number(v, r.start + 2) {
        3
    } else {
        0
    };
    if len > 0 && r.start + len < r.end {
        r.start + len..r.end
    } else {
        r
    }
}

/// Name phrase `r` with a name or "he"/"she" joined to it by "and" before
/// it ("Noel and Thomas said", "she and Rose-Lynn sing"): both speak.
fn coordinated(v: &View, r: Range<usize>, floor: usize) -> Range<usize> {
    let named = |r: &Range<usize>| {
        v.is_cap(r.start)
            && !v.is(r.start, Class::Determiner)
            && r.clone().all(|k| name_part(v, k) && !v.is(k, Class::Title) || v.tok(k) == ".")
            && r.clone().any(|k| v.is_named(k))
    };
    let and = r.start.checked_sub(1).filter(|&a| a > floor && v.low(a) == "and");
    let Some(and) = and.filter(|_| named(&r)) else { return r };
    match phrase_left(v, and, floor) {
        Some(a) if named(&a) || a.len() == 1 && matches!(v.low(a.start), "he" | "she") => {
            a.start..r.end
        }
        _ => r,
    }
}

/// [`left`] without the relative clause's antecedent.
pub(super) fn phrase_left(v: &View, end: usize, floor: usize) -> Option<Range<usize>> {
    let h = end.checked_sub(1).filter(|&h| h >= floor)?;
    let low = v.low(h);
    // "Those close to him say", "many of whom say": the phrase the
    // object pronoun ends, not the pronoun.
    if matches!(low, "him" | "her" | "them" | "us" | "me" | "whom") {
        let p = h.checked_sub(1).filter(|&p| p > floor)?;
        // Another object pronoun before the preposition ("him to him") is no
        // phrase: this keeps the call below from recursing again.
        let object = |k: usize| matches!(v.low(k), "him" | "her" | "them" | "us" | "me" | "whom");
        if !matches!(v.low(p), "to" | "of" | "with" | "for" | "near") || object(p - 1) {
            return None;
        }
        return phrase_left(v, p, floor)
            .filter(|r| !v.is(r.start, Class::Pronoun))
            .map(|r| r.start..h + 1);
    }
    if v.is(h, Class::Pronoun) {
        return Some(h..h + 1);
    }
    // "a game many are calling": a quantifier stands alone for people.
    if super::cue::quantifier(low) {
        let p = h.checked_sub(1);
        return p.is_none_or(|p| !v.is(p, Class::Determiner)).then_some(h..h + 1);
    }
    if low == "who" {
        // A relative "who" after its antecedent ("Ann Lee, who", "officials
        // who"), not a question word ("learned who had written it").
        let p = h.checked_sub(1).filter(|&p| p >= floor)?;
        // "an architect who": a noun after a determiner.
        let after_determiner = |d: usize| d >= floor && v.is(d, Class::Determiner);
        let antecedent = v.tok(p) == ","
            || v.is_cap(p)
            || v.is(p, Class::Title)
            || v.is(p, Class::Determiner)
            || v.low(p).ends_with('s')
            || v.is_word(p)
                && !v.is(p, Class::Stop)
                && (p.checked_sub(1).is_some_and(after_determiner));
        return antecedent.then_some(h..h + 1);
    }
    if low == "that" {
        // "retailers that said", "the firm that says": a relative after a
        // plural, a title or organisation noun, or a name.
        let p = h.checked_sub(1).filter(|&p| p >= floor)?;
        let w = v.low(p);
        let antecedent = v.is_word(p)
            && !v.is(p, Class::Stop)
            && !v.is(p, Class::Pronoun)
            && (w.ends_with('s') && !w.ends_with("ss")
                || v.is(p, Class::Title)
                || v.is(p, Class::Org)
                || v.is_cap(p));
        return antecedent.then_some(h..h + 1);
    }
    if low == "which" {
        // "Acme Corp and Bolt Works, which vowed": an organisation's relative;
        // "the study -- which notes": a document's, after a dash too.
        let p = h.checked_sub(1).filter(|&p| p > floor)?;
        let mark = if v.tok(p) == "," { p } else { super::gap::dash_ending(v, p, floor)? };
        let q = mark.checked_sub(1).filter(|&q| q >= floor)?;
        let issuer = crate::text::lexicon::is_document(v.low(q)) || v.is(q, Class::Org);
        return (v.is_cap(q) || issuer).then_some(h..h + 1);
    }
    if v.quote_of(h).is_some() || v.is(h, Class::Stop) {
        return None;
    }
    let share = v.tok(h) == "%" && h.checked_sub(1).is_some_and(|p| number(v, p));
    if !v.is_word(h) && !abbrev_dot(v, h) && !share && !aged(v, h) || !plausible_head(v, h) {
        return None;
    }
    // "will help convince", "to help write", "be named said": a verb, not a noun.
    let verb_before = h.checked_sub(1).is_some_and(|p| {
        matches!(v.low(p), "to" | "will" | "would" | "can" | "could" | "should" | "must" | "be")
    });
    if verb_before && !v.is_cap(h) {
        // "A man who did not want to be named said": the relative's
        // antecedent with its clause. Not when the antecedent itself follows
        // such a verb, which keeps the call below from recursing again.
        let who = (h.saturating_sub(10).max(floor + 1)..h).rev().find(|&w| v.low(w) == "who")?;
        let marked = |p: usize| p.checked_sub(1).is_some_and(|q| matches!(v.low(q), "to" | "will" | "be"));
        if marked(who - 1) {
            return None;
        }
        return phrase_left(v, who, floor)
            .filter(|r| !v.is(r.start, Class::Pronoun))
            .map(|r| r.start..h + 1);
    }
    // "a court document filed Monday said": the participle after its noun
    // is no head; the noun is.
    let low = v.low(h);
    let h = match h.checked_sub(1) {
        Some(p) if p >= floor
            && !v.is_cap(h)
            && low.len() > 4
            && low.ends_with("ed")
            && v.is_word(p)
            && !v.is(p, Class::Stop)
            && !v.is(p, Class::Determiner)
            && !v.low(p).ends_with("ly") =>
        {
            p
        }
        _ => h,
    };
    let mut capital_head = name_part(v, h);
    let mut modifiers = 0;
    let mut k = h;
    while k > floor && h + 1 - k < MAX_LEN {
        let p = k - 1;
        let low = v.low(p);
        if v.quote_of(p).is_some() {
            break;
        }
        let keep = if v.is(p, Class::Determiner) {
            let plural = v.low(h).ends_with('s') && !v.low(h).ends_with("ss");
            if (capital_head || plural) && matches!(low, "that" | "this") {
                break; // "policies that Trump argues": a relative, not "that Trump"
            }
            k = p; // "the secretary": take the determiner and stop,
                   // unless it is inside a name ("Mr. Morgan of the Sierra Club").
            let inside = p >= floor + 2
                && (matches!(v.low(p - 1), "of" | "for")
                    && (v.is_cap(p - 2) || v.is(p - 2, Class::Title))
                    || matches!(v.low(p - 1), "in" | "at" | "from") && people_noun(v, p - 2));
            if !inside {
                break;
            }
            continue;
        } else if number(v, p) {
            matches!(v.low(p + 1), "percent" | "%") // "55 percent said", "a mere 9% say"
        } else if v.is(p, Class::Stop)
            && v.sentence_tokens(v.sentence_of(p)).start == p
            && v.tok(p).bytes().any(|b| b.is_ascii_lowercase())
        {
            false // "But officials say": a capital from the sentence's start, no name
        } else if name_part(v, p) || possessive(v, p) {
            true
        } else if low == "of" || low == "for" {
            // "Secretary of State X", "spokesman for the campaign": only inside a phrase.
            p > floor && (v.is_cap(p - 1) || v.is(p - 1, Class::Title))
        } else if matches!(low, "in" | "at" | "from") {
            // "analysts at Acme Bank", "protesters in the streets"; not
            // "calls from black voters".
            let people = p > floor
                && people_noun(v, p - 1)
                && (v.is_cap(p + 1) || v.is(p + 1, Class::Determiner));
            // "some teachers in Ohio": the people noun heads the phrase now.
            capital_head &= !people;
            people
        } else if low == "to" {
            // "China's ambassador to Britain", "an adviser to the mayor".
            p > floor && v.is(p - 1, Class::Title)
        } else if v.is_word(p) && !v.is(p, Class::Stop) && !v.is(p, Class::Skip) {
            // A lower-case modifier: a title ("spokesman"), or any word of a
            // description, or up to two nouns before a title ("fire brigade
            // commander Ravi Tanaka").
            let before_title = capital_head
                && modifiers < 2
                && !v.is_cap(p + 1)
                && (v.is(p + 1, Class::Title) || modifiers > 0)
                && !["ed", "ing", "ly"].iter().any(|e| low.ends_with(e));
            modifiers += usize::from(before_title && !v.is(p, Class::Title));
            v.is(p, Class::Title) || !capital_head || before_title
        } else {
            false
        };
        if !keep {
            break;
        }
        k = p;
    }
    // Do not start on a dangling "of" or possessive.
    while k < h
        && (matches!(v.low(k), "of" | "for" | "in" | "at" | "from" | "-" | "&") || possessive(v, k))
    {
        k += 1;
    }
    // "Following initial reports": an opening participle or preposition is no speaker.
    let low = v.low(k);
    if k < h && (low.ends_with("ing") || v.is(k, Class::Adjunct) && !v.is(k, Class::Determiner)) {
        return None;
    }
    Some(k..h + 1)
}

/// Whether token `k` gives an age as a noun ("the 25-year-old").
pub(super) fn aged(v: &View, k: usize) -> bool {
    let low = v.low(k);
    low.ends_with("-old") && low.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether token `h` can head a speaker phrase: not an adverb ("mostly"),
/// a participle ("requiring"), a date word ("April") or a contraction.
fn plausible_head(v: &View, h: usize) -> bool {
    let low = v.low(h);
    let lower_case = !v.is_cap(h);
    !(v.is(h, Class::Adjunct) && !v.is(h, Class::Title) && !v.is_person(h)
        || lower_case && low.len() > 4 && (low.ends_with("ly") || low.ends_with("ing"))
        || (low.contains('\'') || low.contains('’') && low != "’s") && !elided_name(v.tok(h))
        || matches!(low, "please" | "let" | "don" | "can" | "will" | "having" | "being")
        // "Revealed:", "Featuring ...": a participle opening the sentence.
        || low.len() > 4
            && (low.ends_with("ing") || low.ends_with("ed"))
            && !v.is_named(h)
            && v.sentence_tokens(v.sentence_of(h)).start == h)
}

/// Whether a word with an apostrophe is a name ("O'Neill", "D’Angelo"),
/// a capital after it, rather than a contraction ("It's", "Don't").
pub(super) fn elided_name(word: &str) -> bool {
    word.split(['\'', '’']).nth(1).and_then(|rest| rest.chars().next()).is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn left_of(t: &str, word: &str) -> String {
        let d = Doc::new(t);
        let v = View::new(&d);
        let i = (0..v.len()).find(|&i| v.tok(i) == word).unwrap();
        left(&v, i, 0)
            .map(|r| t[v.start(r.start)..v.end(r.end - 1)].to_string())
            .unwrap_or_default()
    }

    #[test]
    fn subject_names_titles_and_descriptions() {
        assert_eq!(
            left_of("Secretary of State Rex Tillerson said so.", "said"),
            "Secretary of State Rex Tillerson"
        );
        assert_eq!(left_of("Then the secretary said so.", "said"), "the secretary");
        assert_eq!(
            left_of("White House spokesman Josh Earnest said so.", "said"),
            "White House spokesman Josh Earnest"
        );
        assert_eq!(left_of("After the vote Smith said so.", "said"), "Smith");
        assert_eq!(left_of("Democratic strategists say so.", "say"), "Democratic strategists");
        assert_eq!(left_of("Sen. Ted Cruz said so.", "said"), "Sen. Ted Cruz");
        assert_eq!(left_of("The plan, he said, works.", "said"), "he");
        assert_eq!(left_of("It was bad and said so.", "said"), "");
    }
}
