//! The type of a cluster: what most of its mentions were tagged, ties
//! going to the type seen first; in a cluster the tagger typed both a
//! person and an organisation or place ("Sabres", "Wild": a team) the
//! person votes count only when a mention has a person's marks, a title or
//! a given name.
//!
//! Guarantees: one pass over the mentions, the counts on the stack; no
//! panics.

use super::is_place;
use crate::entities::Mention;
use crate::text::lexicon::{gazetteer, Class};
use crate::text::Doc;
use crate::EntityType;

/// The number of [`EntityType`]s (CARDINAL is the last).
const TYPES: usize = 11;
const _: () = assert!(EntityType::CARDINAL as usize + 1 == TYPES);

/// The type mentions `ms` vote for (CARDINAL for none).
pub(super) fn vote(doc: &Doc, mentions: &[Mention], ms: &[usize]) -> EntityType {
    // (type, count) in order of first appearance.
    let mut counts = [(EntityType::CARDINAL, 0usize); TYPES];
    let mut seen = 0;
    for m in ms.iter().filter_map(|&i| mentions.get(i)) {
        match counts.iter_mut().take(seen).find(|(k, _)| *k == m.kind) {
            Some(c) => c.1 += 1,
            None => {
                if let Some(c) = counts.get_mut(seen) {
                    *c = (m.kind, 1);
                    seen += 1;
                }
            }
        }
    }
    let counts = counts.get_mut(..seen).unwrap_or_default();
    let mixed = counts.iter().any(|(k, _)| *k == EntityType::PERSON)
        && counts.iter().any(|(k, _)| *k == EntityType::ORG || is_place(*k));
    if mixed && !person_marks(doc, mentions, ms) {
        for c in counts.iter_mut().filter(|(k, _)| *k == EntityType::PERSON) {
            c.1 = 0;
        }
    }
    let best = counts.iter().fold(None, |best: Option<(EntityType, usize)>, &(k, n)| match best {
        Some((_, b)) if b >= n => best,
        _ => Some((k, n)),
    });
    best.map_or(EntityType::CARDINAL, |(k, _)| k)
}

/// Whether a mention of `ms` has a title or opens with a given name.
fn person_marks(doc: &Doc, mentions: &[Mention], ms: &[usize]) -> bool {
    ms.iter().filter_map(|&i| mentions.get(i)).any(|m| {
        let first = doc.slice(m.start, m.end).split_whitespace().next().unwrap_or("");
        let c = gazetteer::lookup(&[first]);
        m.title.is_some() || c.has(Class::Male) || c.has(Class::Female)
    })
}
