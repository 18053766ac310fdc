//! Unnamed speakers as the article describes them: "a police spokesman",
//! "federal prosecutors", "an insider". A later, shorter description with
//! the same head word ("Prosecutors", "the spokesman") is the fuller one
//! seen first, and a bare "the source" or "the insider" is the last unnamed
//! source that spoke (`data/quotes/anonymous.txt`), so the Speakers panel
//! shows one speaker where the article describes one. Also the
//! description a relative "who" hangs on ("some economists who argue"),
//! and someone described by a tie to a person or place ("a spokeswoman for
//! Haddad", "Police in Devon"), who is not that person or place.
//!
//! Guarantees: remembers at most [`MAX_DESCRIPTIONS`] head words; each
//! call does one lookup; no panics.

use super::view::View;
use crate::text::fasthash::FastMap;
use crate::text::lexicon::{lists, Class, WordSet};
use std::ops::Range;

/// How many distinct descriptions are remembered (bounded work and memory).
const MAX_DESCRIPTIONS: usize = 256;

/// How many paragraphs back "the source" looks for the source it means.
const SOURCE_REACH: usize = 3;

/// The descriptions seen so far in the walk.
#[derive(Default)]
pub(super) struct Descriptions<'v> {
    /// The fullest description seen with each head word ("prosecutors").
    by_head: FastMap<String, &'v str>,
    /// The last unnamed source that spoke, and its paragraph.
    last_source: Option<(&'v str, usize)>,
}

impl<'v> Descriptions<'v> {
    /// The name for the description `text` at tokens `r`, whose head word is
    /// `head`, in paragraph `para`; remembers it for later ones.
    pub fn name(
        &mut self,
        v: &View<'_, 'v>,
        r: Range<usize>,
        head: Option<usize>,
        text: &'v str,
        para: usize,
    ) -> &'v str {
        let Some(h) = head.filter(|&h| !v.is_cap(h) || h == r.start) else { return text };
        let first = v.low(r.start);
        let source = is_source_word(v.low(h));
        // "the source", "the insider": a description of someone met before.
        let bare = r.len() == 2 && matches!(first, "the" | "this" | "that");
        let key = v.low(h).to_string();
        let known = self.by_head.get(&key).copied();
        let name = match known {
            Some(full) if bare => full,
            None if bare && source => self.recent_source(para).unwrap_or(text),
            _ => self.fuller(key, known, first, text),
        };
        if source {
            self.last_source = Some((name, para));
        }
        name
    }

    /// The fullest description with the head word `key`: an earlier one
    /// that ends with `text` ("Federal prosecutors" for "prosecutors"),
    /// unless `text` introduces someone new ("a", "an", "one"); `text`
    /// itself when it is the fuller.
    fn fuller(
        &mut self,
        key: String,
        known: Option<&'v str>,
        first: &str,
        text: &'v str,
    ) -> &'v str {
        let new = matches!(first, "a" | "an" | "one" | "another" | "some");
        let low_text = text.to_lowercase();
        match known {
            Some(full)
                if !new && full.len() > text.len() && full.to_lowercase().ends_with(&low_text) =>
            {
                full
            }
            Some(full) if text.len() > full.len() && low_text.ends_with(&full.to_lowercase()) => {
                self.by_head.insert(key, text);
                text
            }
            Some(_) => text,
            None => {
                if self.by_head.len() < MAX_DESCRIPTIONS {
                    self.by_head.insert(key, text);
                }
                text
            }
        }
    }

    /// The last unnamed source that spoke, within [`SOURCE_REACH`] paragraphs.
    fn recent_source(&self, para: usize) -> Option<&'v str> {
        self.last_source.filter(|&(_, at)| at + SOURCE_REACH >= para).map(|(name, _)| name)
    }
}

/// Whether a lower-case word heads a description of an unnamed source.
fn is_source_word(word: &str) -> bool {
    static SET: WordSet = WordSet::new(lists::ANONYMOUS);
    SET.contains(word)
}

/// Where the phrase a relative "who" follows ends: before the commas,
/// brackets and dashes just before it, not before `floor`.
pub(super) fn before_relative(v: &View, who: usize, floor: usize) -> usize {
    let mut k = who;
    while k > floor {
        if matches!(v.tok(k - 1), "," | "(") {
            k -= 1;
        } else if let Some(d) = super::gap::dash_ending(v, k - 1, floor) {
            k = d; // "—", or "--" typed as two hyphens ("the study -- which")
        } else {
            break;
        }
    }
    k
}

/// The description a relative "who" follows ("some economists who
/// argue"), when it names no one: its words.
pub(super) fn described_before<'v>(v: &View<'_, 'v>, who: usize) -> Option<&'v str> {
    let floor = v.sentence_tokens(v.sentence_of(who)).start;
    let k = before_relative(v, who, floor);
    // "They passed out water bottles that said": past a pronoun the phrase
    // is a clause, and its last word the antecedent.
    let head = k.checked_sub(1).filter(|&h| h >= floor && v.is_word(h)).map(|h| h..h + 1);
    let r = match super::speaker::left(v, k, floor) {
        Some(r) if v.is(r.start, crate::text::lexicon::Class::Pronoun) => head?,
        Some(r) => r,
        None => head?, // "including big banks that warn": the antecedent alone
    };
    let name = v.doc.slice(v.start(r.start), v.end(r.end.saturating_sub(1)));
    (!name.is_empty()).then_some(name)
}

/// Whether speaker phrase `r` is a description of someone by their tie to
/// another or to a place ("a spokeswoman for Haddad", "an aide to Sen. Lee",
/// "the wife of Tom Berg", "Police in Devon"): an article and a lower-case
/// noun, or a plural of people, then a preposition before the name. Not
/// "Secretary of State John Kerry" (no article, a capitalised title) nor
/// "Mr. Morgan of the Sierra Club".
pub(super) fn on_behalf(v: &View, r: Range<usize>) -> bool {
    let article = matches!(v.low(r.start), "a" | "an" | "the");
    let low = v.low(r.start);
    let people = low.ends_with('s') && !low.ends_with("ss") || matches!(low, "police" | "people" | "staff");
    if !(article || people && v.is(r.start + 1, Class::Stop)) {
        return false;
    }
    let ties = |k: usize| matches!(v.low(k), "for" | "to" | "of" | "in" | "at" | "from");
    let prep = (r.start + 1..r.end).find(|&k| ties(k)).filter(|&p| article || p == r.start + 1);
    prep.is_some_and(|p| {
        // After an article, any name: "a reader from Penzance" is not Penzance.
        let named = |k: usize| if article { v.is_named(k) } else { v.is_person(k) };
        // "The leader of the party, Mara Voss": the name in apposition is who.
        let comma = (p + 1..r.end).find(|&k| v.tok(k) == ",").unwrap_or(r.end);
        (r.start + 1..p).all(|k| v.is_word(k) && !v.is_cap(k))
            && (p + 1..comma).any(named)
            && !(comma..r.end).any(|k| v.is_person(k))
    })
}
