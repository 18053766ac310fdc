//! Coreference of entity mentions: groups the mentions that name the same
//! entity ("Rex Tillerson", "Tillerson") into clusters with a canonical name
//! and a title, and answers the lookups the quote stage needs.

use crate::entities::Mention;
use crate::text::Doc;
use crate::{Entity, EntityType, Span};
use std::collections::HashMap;

/// The entities of one document: mentions and the cluster each belongs to.
pub struct EntityTable {
    pub mentions: Vec<Mention>,
    /// For each mention, the index of its cluster.
    pub cluster_of: Vec<usize>,
    pub clusters: Vec<Cluster>,
}

/// One entity: its type, canonical name and the indices of its mentions.
pub struct Cluster {
    pub kind: EntityType,
    pub name: String,
    pub title: Option<String>,
    pub mentions: Vec<usize>,
}

/// Groups mentions of the same type whose text is the same, or (for
/// people) whose last word is the last word of a longer name seen before.
pub fn cluster(doc: &Doc, mentions: Vec<Mention>) -> EntityTable {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: HashMap<(EntityType, String), usize> = HashMap::new();
    let mut cluster_of = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let text = doc.slice(m.start, m.end);
        let last = text.split_whitespace().last().unwrap_or(text).to_string();
        let key = (m.kind, text.to_string());
        let found = by_key.get(&key).copied().or_else(|| {
            (m.kind == EntityType::PERSON).then(|| by_key.get(&(m.kind, last.clone())).copied()).flatten()
        });
        let c = match found {
            Some(c) => c,
            None => {
                clusters.push(Cluster { kind: m.kind, name: text.to_string(), title: None, mentions: Vec::new() });
                clusters.len() - 1
            }
        };
        if let Some(cl) = clusters.get_mut(c) {
            cl.mentions.push(i);
            if text.len() > cl.name.len() {
                cl.name = text.to_string();
            }
            if let (None, Some((s, e))) = (&cl.title, m.title) {
                cl.title = Some(doc.slice(s, e).to_string());
            }
        }
        by_key.insert(key, c);
        if m.kind == EntityType::PERSON {
            by_key.entry((m.kind, last)).or_insert(c);
        }
        cluster_of.push(c);
    }
    EntityTable { mentions, cluster_of, clusters }
}

impl EntityTable {
    /// The cluster of the mention spanning exactly `start..end`, if any.
    pub fn entity_at(&self, start: usize, end: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.start < start);
        let m = self.mentions.get(i)?;
        (m.start == start && m.end == end).then(|| self.cluster_of.get(i).copied()).flatten()
    }

    /// The output entities, in order of first mention.
    pub fn into_entities(self, doc: &Doc) -> Vec<Entity> {
        let mentions = &self.mentions;
        self.clusters
            .into_iter()
            .map(|c| Entity {
                kind: c.kind,
                name: c.name,
                title: c.title,
                mentions: c
                    .mentions
                    .iter()
                    .filter_map(|&i| mentions.get(i))
                    .map(|m| Span { start: m.start, end: m.end, text: doc.slice(m.start, m.end).to_string() })
                    .collect(),
            })
            .collect()
    }
}
