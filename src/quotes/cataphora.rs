//! Descriptions named later. An article may bring a speaker in by role
//! ("China's ambassador to Britain accused ...") and give the name further
//! on, right after the same words ("China's ambassador to Britain Liu Wei
//! said") or in apposition ("Liu Wei, China's ambassador to Britain,"). The
//! earlier quotes are then that person's. A description that two different
//! people take later stays as it is.
//!
//! Guarantees: looks at most [`MAX_DESCRIPTIONS`] distinct descriptions,
//! each found with one linear search of at most [`REACH`] bytes after its
//! quote, so a long text costs no more than a short one per quote; no panics.

use crate::coref::EntityTable;
use crate::entities::Mention;
use crate::text::fasthash::FastMap;
use crate::{EntityType, Quote};

/// How many distinct descriptions are followed forward.
const MAX_DESCRIPTIONS: usize = 16;

/// How far after its quote a description is looked for again, in bytes:
/// a news article's length, so that a long text costs no more per quote.
const REACH: usize = 20_000;

/// Gives the quotes whose speaker is a description the person that the
/// same description names later in `text`.
pub(super) fn name_later(text: &str, entities: &EntityTable, quotes: &mut [Quote]) {
    let mut found: FastMap<String, Option<usize>> = FastMap::default();
    for q in quotes.iter_mut() {
        let Some(s) = q.speaker.as_mut().filter(|s| s.entity.is_none()) else { continue };
        if !found.contains_key(&s.text) {
            if found.len() >= MAX_DESCRIPTIONS || !definite(&s.text) {
                continue;
            }
            let person = named_after(text, entities, &s.text, s.end);
            found.insert(s.text.clone(), person);
        }
        let Some(&Some(c)) = found.get(&s.text) else { continue };
        if let Some(cluster) = entities.clusters.get(c) {
            s.name.clone_from(&cluster.name);
            s.entity = Some(c);
        }
    }
}

/// Whether a description of two words or more picks out someone by role
/// ("the company's chief executive", "China's ambassador to Britain"), not
/// a new someone ("a spokesman", "one official").
fn definite(description: &str) -> bool {
    let mut words = description.split_whitespace();
    let first = words.next().unwrap_or("").to_lowercase();
    let owner = first.ends_with("'s") || first.ends_with("’s");
    (first == "the" || owner) && words.any(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// The one person whom `description` names after byte `from`: a person
/// mention right after it or right before it and a comma. The first
/// letter may differ in case ("The company's ..." opening a sentence).
fn named_after(text: &str, entities: &EntityTable, description: &str, from: usize) -> Option<usize> {
    let head = description.chars().next()?;
    let rest = description.get(head.len_utf8()..).filter(|r| !r.is_empty())?;
    let mut person = None;
    let mut at = from;
    // The window's end, moved to a character boundary (at most three steps).
    let reach = text.len().min(from.saturating_add(REACH));
    let until = (reach..=text.len()).find(|&b| text.is_char_boundary(b)).unwrap_or(text.len());
    while let Some(i) = text.get(at..until).and_then(|t| t.find(rest)) {
        let p = at + i;
        let e = p + rest.len();
        at = e;
        let Some(s) = p.checked_sub(head.len_utf8()) else { continue };
        let same_head =
            text.get(s..p).and_then(|h| h.chars().next()).is_some_and(|c| c.eq_ignore_ascii_case(&head));
        if !same_head {
            continue;
        }
        let next = (text.get(e..e + 1) == Some(" ")).then(|| mention_starting(entities, e + 1));
        let prev = s.checked_sub(2).filter(|&b| text.get(b..s) == Some(", "));
        let c = next.flatten().or_else(|| prev.and_then(|b| mention_ending(entities, b)));
        match (person, c) {
            (_, None) => {}
            (None, Some(c)) => person = Some(c),
            (Some(p), Some(c)) if p == c => {}
            _ => return None,
        }
    }
    person
}

/// The cluster of the person mention that starts at byte `b`.
fn mention_starting(entities: &EntityTable, b: usize) -> Option<usize> {
    person_at(entities, entities.mentions.partition_point(|m| m.start < b), |m| m.start == b)
}

/// The cluster of the person mention that ends at byte `b`.
fn mention_ending(entities: &EntityTable, b: usize) -> Option<usize> {
    person_at(entities, entities.mentions.partition_point(|m| m.end < b), |m| m.end == b)
}

/// The cluster of mention `i`, when it is a person's and `fits`.
fn person_at(entities: &EntityTable, i: usize, fits: impl Fn(&Mention) -> bool) -> Option<usize> {
    entities
        .mentions
        .get(i)
        .filter(|m| fits(m) && m.kind == EntityType::PERSON)
        .and_then(|_| entities.cluster_of.get(i).copied())
}

#[cfg(test)]
mod tests {
    use super::definite;

    #[test]
    fn a_role_with_an_owner_or_the_is_definite() {
        assert!(definite("China’s ambassador to Britain"));
        assert!(definite("the company's chief executive"));
        assert!(definite("The mayor"));
        assert!(!definite("a spokesman"));
        assert!(!definite("one official"));
        assert!(!definite("the White House"));
    }
}
