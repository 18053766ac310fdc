//! Coreference of entity mentions: groups the mentions that name the same
//! entity into clusters with a canonical name, a title and (for people) a
//! gender guess, and answers the lookups the quote stage needs.
//!
//! Mentions join a cluster when (rules in `link`, keys in [`alias`],
//! computed once per distinct mention text by `names`):
//! - they have the same normalised text and the same type family (people;
//!   organisations; places, GPE and LOC together; ...), or are listed
//!   aliases ("US", "U.S.", "the United States");
//! - a one-word name is the surname of a longer person's name in the
//!   document ("Tillerson" -> "Rex Tillerson"; the nearest full name before
//!   it, else the first after), and is then typed PERSON whatever the
//!   tagger said, unless a word list knows it as a place or organisation;
//!   a person's name is the end of another's ("Curtis Weldon" -> "Wayne
//!   Curtis Weldon");
//! - an acronym spells the initials of a multi-word name in the document
//!   ("FBI" -> "Federal Bureau of Investigation"), in either order.
//!
//! A cluster takes the type most of its mentions have; EVENT clusters whose
//! name is not an event are then dropped ([`events`]). Its name is its
//! longest mixed-case mention (headline capitals lose), without title; its
//! title is the first title seen before one of its mentions.
//!
//! INVARIANT: cluster `i` is entity `i` of [`EntityTable::into_entities`],
//! and clusters are numbered in order of first mention.
//!
//! Guarantees: linear in the number of mentions (hash maps, union-find with
//! path halving; never a scan over all pairs); no panics.

pub mod alias;
mod appositive;
pub mod events;
mod link;
mod names;
mod pronouns;
mod variants;
mod vote;

use crate::entities::Mention;
use crate::text::lexicon::{self, gazetteer, Class, WordSet};
use crate::text::Doc;
use crate::{Entity, EntityType, Span};

/// A person's likely gender, from a title ("Mrs", "King") or given name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// The entities of one document: mentions and the cluster each belongs to.
pub struct EntityTable {
    /// Sorted by start, without overlaps (as [`crate::entities::find`] gives them).
    pub mentions: Vec<Mention>,
    /// For each mention, the index of its cluster.
    pub cluster_of: Vec<usize>,
    pub clusters: Vec<Cluster>,
}

/// One entity: its type, canonical name, title and gender. Its mentions
/// are those whose [`EntityTable::cluster_of`] is its index.
pub struct Cluster {
    pub kind: EntityType,
    /// The longest proper form of the name, without title.
    pub name: String,
    /// A title seen before one of its mentions ("Secretary of State").
    pub title: Option<String>,
    /// For people: a guess from titles and given names; else `Unknown`.
    pub gender: Gender,
}

/// Groups mentions into entities (rules in the module docs).
pub fn cluster(doc: &Doc, mut mentions: Vec<Mention>) -> EntityTable {
    let mut root_of = link::link(doc, &mut mentions);
    variants::join(doc, &mentions, &mut root_of);
    // Number clusters in order of first mention, counting their sizes.
    let mut number = vec![usize::MAX; mentions.len()];
    let mut cluster_of = Vec::with_capacity(mentions.len());
    // About one cluster for every three mentions.
    let mut size: Vec<usize> = Vec::with_capacity(mentions.len() / 3 + 4);
    for &r in &root_of {
        let Some(slot) = number.get_mut(r) else { continue };
        if *slot == usize::MAX {
            *slot = size.len();
            size.push(0);
        }
        if let Some(n) = size.get_mut(*slot) {
            *n += 1;
        }
        cluster_of.push(*slot);
    }
    // NOTE: the members of all clusters in one array, grouped by cluster and
    // in text order within each (a counting sort), instead of a list
    // allocated per cluster: most clusters are a single date or number.
    let members = members_by_cluster(&cluster_of, &size);
    let mut clusters = Vec::with_capacity(size.len());
    let mut at = 0;
    for &n in &size {
        clusters.push(make_cluster(doc, &mut mentions, members.get(at..at + n).unwrap_or(&[])));
        at += n;
    }
    let mut table = events::drop_non_events(EntityTable { mentions, cluster_of, clusters });
    pronouns::guess(doc, &mut table);
    table
}

/// The mention indices grouped by cluster (`size` mentions each, in
/// cluster order), each group in text order.
fn members_by_cluster(cluster_of: &[usize], size: &[usize]) -> Vec<usize> {
    let mut next: Vec<usize> = size
        .iter()
        .scan(0, |at, &n| {
            let start = *at;
            *at += n;
            Some(start)
        })
        .collect();
    let mut members = vec![0; cluster_of.len()];
    for (i, &c) in cluster_of.iter().enumerate() {
        if let Some(at) = next.get_mut(c) {
            if let Some(slot) = members.get_mut(*at) {
                *slot = i;
            }
            *at += 1;
        }
    }
    members
}

/// Builds one cluster: majority type (applied to every mention), name,
/// title and gender.
fn make_cluster(doc: &Doc, mentions: &mut [Mention], ms: &[usize]) -> Cluster {
    let kind = vote::vote(doc, mentions, ms);
    let mut name = "";
    let mut name_rank = (false, 0, 0);
    let mut last: Option<(&str, (bool, usize, usize))> = None;
    let mut title = None;
    for &i in ms {
        let Some(m) = mentions.get_mut(i) else { continue };
        if !is_place(m.kind) || !is_place(kind) {
            m.kind = kind;
        }
        let text = doc.slice(m.start, m.end);
        if name.is_empty() {
            name = text;
            // Ranked only when there is another mention to compare with.
            if ms.len() > 1 {
                name_rank = name_rank_of(text);
            }
        } else if text != name {
            // A cluster repeats its short form ("Trump" after "Donald
            // Trump"): the last text ranked is not ranked again.
            let rank = match last {
                Some((t, r)) if t == text => r,
                _ => name_rank_of(text),
            };
            last = Some((text, rank));
            if rank > name_rank {
                (name, name_rank) = (text, rank);
            }
        }
        if title.is_none() {
            title = m.title.map(|(s, e)| doc.slice(s, e).to_string());
        }
    }
    // "Acme Records", "Northfield Productions": a "person" whose name ends
    // in an organisation word is an organisation.
    // A place so named too ("Northfield Records"), by the coreference list
    // alone: the tagger's list has "City" and "Bank" ("Mexico City", "West Bank").
    let place_named_as_org = is_place(kind)
        && name.contains(' ')
        && name.split_whitespace().next_back().is_some_and(|w| ORG_ENDINGS.contains(w));
    let described_as_org =
        || kind == EntityType::PERSON && appositive::names_an_org(doc, mentions, ms, name);
    let kind = if kind == EntityType::PERSON && ends_in_org_word(name) || place_named_as_org || described_as_org() {
        retype(mentions, ms, EntityType::ORG)
    } else {
        kind
    };
    // "His son, Callum,": a person, whatever the tagger made of the name.
    let kin = if matches!(kind, EntityType::PERSON | EntityType::ORG) || is_place(kind) {
        appositive::kin_before(doc, mentions, ms, name)
    } else {
        None
    };
    let kind = if kin.is_some() && kind != EntityType::PERSON {
        retype(mentions, ms, EntityType::PERSON)
    } else {
        kind
    };
    let gender = match kin {
        Some(g) if g != Gender::Unknown => g,
        _ if kind == EntityType::PERSON => gender(title.as_deref(), name),
        _ => Gender::Unknown,
    };
    Cluster { kind, name: single_spaced(name), title, gender }
}

/// Gives mentions `ms` type `kind`, and returns it.
fn retype(mentions: &mut [Mention], ms: &[usize], kind: EntityType) -> EntityType {
    for &i in ms {
        if let Some(m) = mentions.get_mut(i) {
            m.kind = kind;
        }
    }
    kind
}

/// How good a canonical name a text makes: mixed case over capitals, then
/// more words, then longer.
fn name_rank_of(s: &str) -> (bool, usize, usize) {
    if !s.is_ascii() {
        return (s.chars().any(char::is_lowercase), s.split_whitespace().count(), s.len());
    }
    // The same in one pass over the bytes (ASCII whitespace is \t..\r and ' ').
    let (mut lower, mut words, mut in_word) = (false, 0, false);
    for &b in s.as_bytes() {
        lower |= b.is_ascii_lowercase();
        let space = b == b' ' || matches!(b, b'\t'..=b'\r');
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    (lower, words, s.len())
}

/// The words of `s` joined by single spaces.
fn single_spaced(s: &str) -> String {
    // Usually already so: ASCII words, one space between them.
    if alias::is_plain(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

pub(super) fn is_place(k: EntityType) -> bool {
    matches!(k, EntityType::GPE | EntityType::LOC)
}

/// Whether the last word of a name of two words or more is one that ends
/// organisation names ("Records", "Inc.", "Group").
pub(super) fn ends_in_org_word(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let last = words.next_back().unwrap_or("");
    words.next().is_some()
        && (gazetteer::lookup(&[last]).has(Class::OrgWord) || ORG_ENDINGS.contains(last))
}

/// `data/coref/org_endings.txt`.
static ORG_ENDINGS: WordSet = WordSet::new(crate::text::lexicon::lists::COREF_ORG_ENDINGS);

/// A gender guess from the title's first word, else the first given name.
fn gender(title: Option<&str>, name: &str) -> Gender {
    let t = title
        .and_then(|t| t.split_whitespace().next())
        .unwrap_or("")
        .trim_end_matches('.')
        .to_lowercase();
    // The words that mark a man or a woman ("Mr", "Lady", "spokesman"),
    // the quote finder's: a title's first word is never a given name.
    let marks = lexicon::tags(&t);
    match (marks.has(Class::Male), marks.has(Class::Female)) {
        (true, false) => return Gender::Male,
        (false, true) => return Gender::Female,
        _ => {}
    }
    let first = name.split_whitespace().next().unwrap_or("");
    let c = gazetteer::lookup(&[first]);
    match (c.has(Class::Male), c.has(Class::Female)) {
        (true, false) => Gender::Male,
        (false, true) => Gender::Female,
        _ => Gender::Unknown,
    }
}

impl EntityTable {
    /// The cluster of the mention spanning exactly `start..end`, if any.
    #[cfg(test)]
    pub fn entity_at(&self, start: usize, end: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.start < start);
        let m = self.mentions.get(i)?;
        (m.start == start && m.end == end).then(|| self.cluster_of.get(i).copied()).flatten()
    }

    /// The index (into `mentions`) of the mention covering byte `b`, if any.
    #[cfg(test)]
    pub fn mention_containing(&self, b: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.end <= b);
        self.mentions.get(i).filter(|m| m.start <= b).map(|_| i)
    }

    /// The cluster of the mention covering byte `b`, if any.
    #[cfg(test)]
    pub fn entity_containing(&self, b: usize) -> Option<usize> {
        self.cluster_of.get(self.mention_containing(b)?).copied()
    }

    /// Cluster `c`, if it exists.
    #[cfg(test)]
    pub fn get(&self, c: usize) -> Option<&Cluster> {
        self.clusters.get(c)
    }

    /// The canonical name of cluster `c` ("Rex Tillerson").
    #[cfg(test)]
    pub fn name(&self, c: usize) -> Option<&str> {
        self.get(c).map(|x| x.name.as_str())
    }

    /// The type of cluster `c`.
    #[cfg(test)]
    pub fn kind(&self, c: usize) -> Option<EntityType> {
        self.get(c).map(|x| x.kind)
    }

    /// The title of cluster `c` ("Secretary of State"), if one was seen.
    #[cfg(test)]
    pub fn title(&self, c: usize) -> Option<&str> {
        self.get(c).and_then(|x| x.title.as_deref())
    }

    /// The gender guess of cluster `c` (`Unknown` for non-people).
    #[cfg(test)]
    pub fn gender(&self, c: usize) -> Gender {
        self.get(c).map_or(Gender::Unknown, |x| x.gender)
    }

    /// The output entities, in cluster order (the INVARIANT in the module docs).
    pub fn into_entities(self, doc: &Doc) -> Vec<Entity> {
        // NOTE: the spans are made in text order and pushed onto their
        // entities. Made in cluster order, every mention read the text and
        // allocated at a random place: on a 10 MB text that cost three
        // times as much per mention as on 1 MB.
        let mut size = vec![0usize; self.clusters.len()];
        for &c in &self.cluster_of {
            if let Some(n) = size.get_mut(c) {
                *n += 1;
            }
        }
        let mut out: Vec<Entity> = self
            .clusters
            .into_iter()
            .zip(size)
            .map(|(c, n)| Entity {
                kind: c.kind,
                name: c.name,
                title: c.title,
                mentions: Vec::with_capacity(n),
            })
            .collect();
        for (m, &c) in self.mentions.iter().zip(&self.cluster_of) {
            if let Some(e) = out.get_mut(c) {
                e.mentions.push(Span {
                    start: m.start,
                    end: m.end,
                    text: doc.slice(m.start, m.end).to_string(),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
