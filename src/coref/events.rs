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
use crate::text::fasthash::FastSet;
use crate::EntityType;
use std::sync::OnceLock;

fn event_words() -> &'static FastSet<&'static str> {
    static WORDS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../../data/gazetteer/event_words.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
    })
}

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
        event_words().contains(low.as_str()) || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
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
    // Each mention's new index (usize::MAX when dropped), then the kept
    // mentions and their renumbered clusters, in order.
    let mut new_mention = vec![usize::MAX; t.mentions.len()];
    let mut kept_mentions = 0;
    for (slot, &c) in new_mention.iter_mut().zip(&t.cluster_of) {
        if new_cluster.get(c).is_some_and(|&nc| nc != usize::MAX) {
            *slot = kept_mentions;
            kept_mentions += 1;
        }
    }
    let mut i = 0;
    t.mentions.retain(|_| {
        i += 1;
        new_mention.get(i - 1).is_some_and(|&j| j != usize::MAX)
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
    for c in &mut t.clusters {
        c.mentions.retain_mut(|m| match new_mention.get(*m) {
            Some(&j) if j != usize::MAX => {
                *m = j;
                true
            }
            _ => false,
        });
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    #[test]
    fn event_names() {
        for name in ["World War II", "Hurricane Katrina", "Euro 2024", "Watergate", "Election Day", "Super Bowl"] {
            assert!(is_event_name(name), "{name}");
        }
        assert!(is_event_name("WATERGATE") && is_event_name("Zoë-GATE") && is_event_name("ÉLECTION 2024"));
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
        for (ci, c) in t.clusters.iter().enumerate() {
            for &m in &c.mentions {
                assert_eq!(t.cluster_of.get(m), Some(&ci));
            }
        }
    }
}
