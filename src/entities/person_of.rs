//! "Hiroshi Okochi of Waseda University" tagged as one organisation: a
//! person named with the place they work at. When the article names the
//! person alone elsewhere ("Okochi said"), the mention is split into the
//! person and the organisation after "of".
//!
//! Guarantees: one pass over the mentions and one set of the person
//! mentions' texts; the mentions stay sorted and apart; no panics.

use super::Mention;
use crate::text::fasthash::FastSet;
use crate::text::Doc;
use crate::EntityType;

/// Splits each organisation mention "Given Surname of Organisation"
/// whose surname or whole name is a person mention elsewhere in `doc`.
pub fn split(doc: &Doc, mentions: &mut Vec<Mention>) {
    if !mentions.iter().any(|m| m.kind == EntityType::ORG) {
        return;
    }
    let people: FastSet<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::PERSON)
        .map(|m| doc.slice(m.start, m.end))
        .collect();
    if people.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(mentions.len() + 2);
    for m in mentions.drain(..) {
        match (m.kind == EntityType::ORG).then(|| parts(doc, &m, &people)).flatten() {
            Some((person, org)) => out.extend([person, org]),
            None => out.push(m),
        }
    }
    *mentions = out;
}

/// The person and organisation mentions `m` splits into, if it does.
fn parts(doc: &Doc, m: &Mention, people: &FastSet<&str>) -> Option<(Mention, Mention)> {
    let (a, b) = (doc.token_at_or_after(m.start), doc.token_at_or_after(m.end));
    let of = (a + 2..b.saturating_sub(1)).find(|&k| doc.tok(k) == "of")?;
    // Two or three capitalised words before "of", the last the surname.
    let capitalised = |k: usize| doc.tok(k).chars().next().is_some_and(char::is_uppercase);
    if of - a > 3 || !(a..of).all(capitalised) {
        return None;
    }
    let last = of - 1;
    let name_end = doc.tokens.get(last)?.end();
    let surname = doc.tok(last);
    if !people.contains(surname) && !people.contains(doc.slice(m.start, name_end)) {
        return None;
    }
    let org_first = if doc.tok(of + 1).eq_ignore_ascii_case("the") { of + 2 } else { of + 1 };
    let org_start = doc.tokens.get(org_first).filter(|_| org_first < b)?.start();
    Some((
        Mention { start: m.start, end: name_end, kind: EntityType::PERSON, title: m.title },
        Mention { start: org_start, end: m.end, kind: EntityType::ORG, title: None },
    ))
}

#[cfg(test)]
mod tests {
    use crate::{analyze, EntityType, Options};

    fn people(t: &str) -> Vec<String> {
        let a = analyze(t, &Options::default());
        a.entities.iter().filter(|e| e.kind == EntityType::PERSON).map(|e| e.name.clone()).collect()
    }

    #[test]
    fn a_person_of_an_organisation_named_alone_later() {
        let t = "The team, led by Hiroshi Okochi of Waseda University, found plastic in clouds. \"It is everywhere,\" Okochi said.";
        assert_eq!(people(t), ["Hiroshi Okochi"]);
    }
}
