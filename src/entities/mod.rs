//! Entity mention finding: the spans of people, organisations, places,
//! nationalities, events, dates, times, sums of money, percentages and
//! numbers, each with its type.
//!
//! Names come from a trained tagger ([`model`], features in [`features`]):
//! an averaged structured perceptron over BILOU tags, trained ([`train`], `src/bin/train.rs`) on the
//! CoNLL-2003 English training split as corrected by CoNLL++ (Reuters news,
//! 1996; person, organisation, location and miscellaneous names), with word
//! lists from `data/gazetteer/` as features. CoNLL's types are mapped onto
//! ours: locations become GPE when a list knows them as a country, state or
//! city (or by default), LOC when a list knows them as a region, and ORG
//! when only the organisation list knows them ("Kremlin");
//! miscellaneous names become NORP when they look like nationalities and
//! EVENT otherwise. Dates, times, money, percentages and numbers come from
//! rules ([`rules`]).
//!
//! The tagger reads only the tokens that may be part of a name
//! ([`active`]), each distinct word prepared once ([`words`]). (A second
//! pass that also saw how the first tagged each word across the document
//! gained 0.5 F1 on CoNLL++ dev for 35% of the analysis time and a second
//! model in the download, so it was dropped.)
//!
//! The tagger's names are then repaired by their form ([`repair`]: openers,
//! camel-case companies, listed companies, places beyond the Earth).
//!
//! Mentions follow the CoNLL conventions: no leading "the", no possessive
//! "'s" (the tokenizer splits it off), no title: a title just before a
//! person's name is recorded in [`Mention::title`] ([`titles`]).
//!
//! Guarantees: mentions are sorted by start and do not overlap; offsets are
//! bytes on char boundaries; linear time; no panics on any input.

pub mod active;
pub mod buckets;
pub mod casing;
pub mod credits;
pub mod features;

pub mod lowercase;
pub mod model;
pub mod person_of;
pub mod repair;
pub mod rowsum;
pub mod rules;
pub mod titles;
#[cfg(not(target_arch = "wasm32"))]
#[cfg(feature = "internals")]
pub mod train;
pub mod viterbi;
pub mod words;

use crate::text::lexicon::{gazetteer, Class};
use crate::text::{Doc, ParagraphKind};
use crate::EntityType;
use features::DocStats;
use model::{split_tag, Model, Part};
use std::ops::Range;
use words::Words;

/// One entity mention, in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityType,
    /// A title found just before the name ("Secretary of State"), in bytes.
    pub title: Option<(usize, usize)>,
}

/// Finds the entity mentions of a document, sorted by start, without overlaps.
pub fn find(doc: &Doc) -> Vec<Mention> {
    let special = credits::special(doc);
    let mut out = names(doc);
    if !special.is_empty() {
        out = by_paragraph_kind(doc, out, &special);
    }
    let rules = rules::find(doc);
    // Names win; a rule mention is kept where it overlaps no name.
    let mut merged = Vec::with_capacity(out.len() + rules.len());
    let mut r = rules.into_iter().peekable();
    for m in out.drain(..) {
        while let Some(x) = r.next_if(|x| x.start < m.end) {
            if x.end <= m.start {
                merged.push(x);
            }
        }
        merged.push(m);
    }
    merged.extend(r);
    if special.iter().any(|(_, k)| *k == ParagraphKind::Furniture) {
        let furniture: Vec<(usize, usize)> = special
            .iter()
            .filter(|(_, k)| *k == ParagraphKind::Furniture)
            .map(|(r, _)| byte_span(doc, r))
            .collect();
        merged.retain(|m| !furniture.iter().any(|&(s, e)| s <= m.start && m.start < e));
    }
    merged
}

/// The byte span of tokens `r`.
fn byte_span(doc: &Doc, r: &Range<usize>) -> (usize, usize) {
    debug_assert!(
        r.start < r.end && r.end <= doc.tokens.len(),
        "tokens {r:?} of {}",
        doc.tokens.len()
    );
    let start = doc.tokens.get(r.start).map_or(0, |t| t.start());
    (start, r.end.checked_sub(1).and_then(|e| doc.tokens.get(e)).map_or(start, |t| t.end()))
}

/// The tagger's names `out` with those in furniture dropped, and those in
/// credits and bylines replaced by the names their form gives
/// ([`credits`]; the tagger's stay where the form gives none).
fn by_paragraph_kind(
    doc: &Doc,
    mut out: Vec<Mention>,
    special: &[(Range<usize>, ParagraphKind)],
) -> Vec<Mention> {
    for (r, kind) in special {
        let (s, e) = byte_span(doc, r);
        let formed = if *kind == ParagraphKind::Furniture {
            Vec::new()
        } else {
            credits::names(doc, r.clone())
        };
        if *kind != ParagraphKind::Furniture && formed.is_empty() {
            continue;
        }
        out.retain(|m| !(s <= m.start && m.start < e));
        out.extend(formed);
    }
    out.sort_by_key(|m| m.start);
    out
}

/// The most tokens tagged at once (news sentences are far shorter).
const MAX_WINDOW: usize = 256;

/// The windows tagged at once: each sentence, and very long "sentences"
/// (a megabyte with no full stop) cut every [`MAX_WINDOW`] tokens, so that
/// memory stays bounded by the window, not the input.
fn windows<'a>(doc: &'a Doc) -> impl Iterator<Item = (usize, Range<usize>)> + 'a {
    doc.sentences.iter().enumerate().flat_map(|(si, s)| {
        (s.tokens.start..s.tokens.end)
            .step_by(MAX_WINDOW)
            .map(move |a| (si, a..(a + MAX_WINDOW).min(s.tokens.end)))
    })
}

/// The tag `model` gives each token of `doc` (one byte each), over words
/// already prepared.
fn tag_words(model: &Model, doc: &Doc, words: &Words, stats: &DocStats) -> Vec<u8> {
    let local = model.local_scores(words, stats);
    let mut tags = Vec::with_capacity(doc.tokens.len());
    let mut scratch = model::Scratch::default();
    for (si, tokens) in windows(doc) {
        let s = features::Sentence::new(doc, words, stats, si, tokens);
        model.tag_sentence(&s, &local, &mut scratch, &mut tags);
    }
    tags
}

/// The names the model finds, with titles split off people's names.
pub fn names(doc: &Doc) -> Vec<Mention> {
    let Some(model) = Model::embedded() else { return Vec::new() };
    let stats = DocStats::new(doc);
    let words = Words::new(doc, &stats, windows(doc), false);
    let tags = tag_words(model, doc, &words, &stats);
    // Windows end on legal tags, so spans never cross one.
    let mut out = Vec::new();
    let mut begin = 0;
    for (i, &t) in tags.iter().enumerate() {
        if t == 0 {
            continue; // most tokens are outside any name
        }
        let (part, ty) = split_tag(t as usize);
        let first = match part {
            Part::B => {
                begin = i;
                continue;
            }
            Part::L => begin,
            Part::U => i,
            _ => continue,
        };
        if let Some(m) = mention(doc, &stats, first, i + 1, ty) {
            out.push(m);
        }
    }
    repair::same_place_as_dateline(doc, &mut out);
    person_of::split(doc, &mut out);
    out
}

/// Longer runs are tagger run-ons over junk, not names.
const MAX_NAME_TOKENS: usize = 12;

/// Builds the mention of tokens `a..b` tagged with model type `ty`.
fn mention(doc: &Doc, stats: &DocStats, mut a: usize, mut b: usize, ty: usize) -> Option<Mention> {
    if b - a > MAX_NAME_TOKENS {
        return None;
    }
    // Quote marks, dashes and stray periods the tagger took in ("“Donald",
    // "Donald —", "Donald." at a sentence end); "Corp." keeps its period.
    let stray = |i: usize| {
        // Only marks are stray: a word or number never is.
        if doc.vocab.shape(i) & crate::text::vocab::Shape::ALNUM != 0 {
            return false;
        }
        let t = doc.tok(i);
        t.chars().all(|c| "\"“”‘’'«»„-–—,;:".contains(c))
            || (t == "."
                && !crate::text::lexicon::abbreviations::is_other_abbreviation(
                    doc.tok(i.wrapping_sub(1)),
                ))
    };
    while a < b && stray(a) {
        a += 1;
    }
    while b > a && stray(b - 1) {
        b -= 1;
    }
    // NOTE: nothing but marks is no name. (The repair below refused an empty
    // range too, but only after reading the token past it: a debug assertion
    // caught that in fuzzing.)
    if a >= b {
        return None;
    }
    let (a2, b2, ty) = repair::adjust(doc, stats, a, b, ty)?;
    (a, b) = (a2, b2);
    let mut title = None;
    let kind = match ty {
        0 => {
            // A title the model took in ("President Trump") is split off.
            if let Some(n) = titles::leading(doc, a..b) {
                a += n;
                title = Some((doc.tokens.get(a - n)?.start(), doc.tokens.get(a - 1)?.end()));
            }
            title = title.or_else(|| titles::before(doc, a));
            EntityType::PERSON
        }
        1 => EntityType::ORG,
        2 => place_kind(doc, a..b),
        _ => misc_kind(doc, a..b),
    };
    if a >= b {
        return None;
    }
    Some(Mention {
        start: doc.tokens.get(a)?.start(),
        end: doc.tokens.get(b - 1)?.end(),
        kind,
        title,
    })
}

/// GPE for countries, states and cities (and unknown places), LOC for
/// regions, ORG for names the organisation list knows and no place list
/// does ("Kremlin", "Pentagon": places used for institutions).
fn place_kind(doc: &Doc, words: Range<usize>) -> EntityType {
    let c = gazetteer::lookup_tokens(doc, words);
    let known_gpe = [Class::Country, Class::State, Class::City].iter().any(|&k| c.has(k));
    if !known_gpe && c.has(Class::Org) && !c.has(Class::Region) {
        EntityType::ORG
    } else if !known_gpe && c.has(Class::Region) {
        EntityType::LOC
    } else {
        EntityType::GPE
    }
}

/// NORP for nationalities and groups ("German", "Republicans"), else EVENT.
fn misc_kind(doc: &Doc, words: Range<usize>) -> EntityType {
    let adjectival = words.len() == 1
        && ["an", "ans", "ese", "ish", "i", "ic"].iter().any(|s| doc.tok(words.start).ends_with(s));
    let c = gazetteer::lookup_tokens(doc, words);
    if c.has(Class::Norp) || adjectival {
        EntityType::NORP
    } else {
        EntityType::EVENT
    }
}

#[cfg(test)]
mod tests;
