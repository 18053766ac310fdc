//! Which EVENT entities are reported. The tagger's fourth type (CoNLL's
//! miscellaneous names) becomes EVENT when it is not a nationality, but
//! many such names are products, titles, laws or mis-tagged capitalised
//! phrases ("People in Riverside" from a quoted sentence). An EVENT entity
//! is kept when its name has an event word (`data/gazetteer/event_words.txt`:
//! "War", "Cup", "Hurricane", "Day"), a year, or ends in "-gate". The
//! filter runs after coreference, so that a miscellaneous mention that
//! joined a person or a place ("Tarango" beside "Jeff Tarango") keeps
//! counting there.
//!
//! Guarantees: linear in the mentions; keeps the table's invariants
//! (clusters numbered in order of first mention, mentions sorted); no
//! panics.

use super::{Cluster, EntityTable};
use crate::EntityType;
use crate::text::lexicon::{self, WordSet};

/// `data/gazetteer/event_words.txt`.
static EVENT_WORDS: WordSet = WordSet::new(lexicon::lists::EVENT_WORDS);

/// Whether a name reads as an event.
pub fn is_event_name(name: &str) -> bool {
    // One buffer for the lower case of every word, not a string per word.
    let mut low = String::new();
    name.split(|c: char| c.is_whitespace() || c == '-').any(|w| {
        low.clear();
        if w.is_ascii() {
            low.push_str(w);
            low.make_ascii_lowercase();
        } else {
            low.push_str(&w.to_lowercase());
        }
        EVENT_WORDS.contains(low.as_str())
            || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
    }) || name.len() > 4 && ends_with_gate(name)
}

/// Whether the lower case of `name` ends in "gate".
fn ends_with_gate(name: &str) -> bool {
    match name.len().checked_sub(4).and_then(|at| name.get(at..)) {
        Some(tail) if name.is_ascii() => tail.eq_ignore_ascii_case("gate"),
        _ => name.to_lowercase().ends_with("gate"),
    }
}

fn kept(c: &Cluster) -> bool {
    c.kind != EntityType::EVENT || is_event_name(&c.name)
}

/// Drops the EVENT clusters whose name is not an event, with their mentions,
/// and renumbers the rest, in place.
pub fn drop_non_events(mut t: EntityTable) -> EntityTable {
    if t.clusters.iter().all(kept) {
        return t;
    }
    let keep: Vec<bool> = t.clusters.iter().map(kept).collect();
    let mut new_cluster = vec![usize::MAX; t.clusters.len()];
    for (n, (old, _)) in keep.iter().enumerate().filter(|(_, k)| **k).enumerate() {
        if let Some(slot) = new_cluster.get_mut(old) {
            *slot = n;
        }
    }
    // The kept mentions, then their renumbered clusters, in order.
    let mut of = t.cluster_of.iter();
    t.mentions.retain(|_| {
        of.next().is_some_and(|&c| new_cluster.get(c).is_some_and(|&nc| nc != usize::MAX))
    });
    t.cluster_of.retain_mut(|c| match new_cluster.get(*c) {
        Some(&nc) if nc != usize::MAX => {
            *c = nc;
            true
        }
        _ => false,
    });
    let mut k = keep.iter();
    t.clusters.retain(|_| k.next() == Some(&true));
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    #[test]
    fn event_names() {
        for name in [
            "World War II",
            "Hurricane Katrina",
            "Euro 2024",
            "Watergate",
            "Election Day",
            "Super Bowl",
        ] {
            assert!(is_event_name(name), "{name}");
        }
        assert!(
            is_event_name("WATERGATE")
                && is_event_name("Zoë-GATE")
                && is_event_name("ÉLECTION 2024")
        );
        for name in ["People in Riverside", "iPhone", "Gate", "Riverside", "Gatekeeper", "Zoë"] {
            assert!(!is_event_name(name), "{name}");
        }
    }

    #[test]
    fn non_events_are_dropped_and_the_rest_renumbered() {
        use crate::entities::Mention;
        let text = "Ann Lee saw Zorblax and World War II films in Paris with Zorblax fans.";
        let doc = Doc::new(text);
        let at = |w: &str, nth: usize, kind| {
            let start = text.match_indices(w).nth(nth).map_or(0, |(i, _)| i);
            Mention { start, end: start + w.len(), kind, title: None }
        };
        let mentions = vec![
            at("Ann Lee", 0, EntityType::PERSON),
            at("Zorblax", 0, EntityType::EVENT),
            at("World War II", 0, EntityType::EVENT),
            at("Paris", 0, EntityType::GPE),
            at("Zorblax", 1, EntityType::EVENT),
        ];
        let t = crate::coref::cluster(&doc, mentions);
        let names: Vec<&str> = t.clusters.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Ann Lee", "World War II", "Paris"]);
        assert_eq!(t.mentions.len(), 3);
        assert_eq!(t.cluster_of, [0, 1, 2]);
        let spans: Vec<(&str, usize)> = t
            .mentions
            .iter()
            .map(|m| &text[m.start..m.end])
            .zip(t.cluster_of.iter().copied())
            .collect();
        assert_eq!(spans, [("Ann Lee", 0), ("World War II", 1), ("Paris", 2)]);
    }
}
