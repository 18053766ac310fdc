//! The linking rules of [`super`]: same key, surnames and name endings,
//! acronyms. Works on a union-find over mention indices, with hash maps
//! from keys to the first mention having them.
//!
//! Guarantees: linear in the number of mentions (each mention does a
//! bounded number of map lookups: one per word of its name at most); no
//! panics.

use super::alias;
use super::ends_in_org_word;
use super::names::{after_words, Names};
use crate::entities::Mention;
use crate::text::fasthash::FastMap;
use crate::text::lexicon::{Class, Classes};
use crate::text::Doc;
use crate::EntityType;
use std::collections::hash_map::Entry;

/// Longer "names" (a tagger run-on) take no part in name-ending links,
/// which keeps the work per mention bounded.
const MAX_NAME_WORDS: usize = 8;

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.0.get(x) {
            if p == x {
                break;
            }
            let gp = self.0.get(p).copied().unwrap_or(p);
            if let Some(s) = self.0.get_mut(x) {
                *s = gp;
            }
            x = gp;
        }
        x
    }

    /// Joins the sets of `a` and `b`; the smaller index stays the root.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        if let Some(s) = self.0.get_mut(hi) {
            *s = lo;
        }
    }
}

/// Type families whose mentions may share a cluster.
fn family(k: EntityType) -> u8 {
    match k {
        EntityType::PERSON => 0,
        EntityType::ORG => 1,
        EntityType::GPE | EntityType::LOC => 2,
        other => 3 + other as u8,
    }
}

fn is_name(k: EntityType) -> bool {
    matches!(
        k,
        EntityType::PERSON
            | EntityType::ORG
            | EntityType::GPE
            | EntityType::LOC
            | EntityType::NORP
            | EntityType::EVENT
    )
}

/// Links the mentions and returns each one's root; may retype mentions
/// (surnames to PERSON, acronyms to their long form's type).
pub fn link(doc: &Doc, mentions: &mut [Mention]) -> Vec<usize> {
    let names = Names::new(doc, mentions);
    let mut uf = UnionFind((0..mentions.len()).collect());
    // A surname stays with the person chosen for it, not with every
    // mention of the same surname ("Kern" for Al Kern and for Bo Kern).
    let by_surname = people(&names, mentions, &mut uf);
    org_heads(&names, mentions, &by_surname, &mut uf);
    org_stems(&names, mentions, &mut uf);
    acronyms(&names, mentions, &mut uf);
    let mut by_key: FastMap<(u8, &str), usize> =
        FastMap::with_capacity_and_hasher(mentions.len(), Default::default());
    for (i, m) in mentions.iter().enumerate() {
        if by_surname.get(i).copied().unwrap_or(false) {
            continue;
        }
        match by_key.entry((family(m.kind), names.key(i))) {
            Entry::Occupied(j) => uf.union(i, *j.get()),
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    one_name_one_entity(doc, &names, mentions, &by_surname, &mut uf);
    (0..mentions.len()).map(|i| uf.find(i)).collect()
}

/// `Lumora` tagged a place, then an organisation, then a person: one name
/// in mixed case is one entity, whatever type the tagger gave each mention
/// (an unfamiliar name it is unsure of); the cluster's vote types it
/// ([`super::make_cluster`]). Only clusters of that name alone join: a
/// short form another rule linked ("Quarrow" of "Quarrow Transit Board")
/// keeps its link, and the town the tagger called "Quarrow" stays a town.
/// A name in capitals stays apart by type too: a results table's "CHICAGO"
/// is the team and the dateline's the city.
fn one_name_one_entity(
    doc: &Doc,
    names: &Names,
    mentions: &[Mention],
    by_surname: &[bool],
    uf: &mut UnionFind,
) {
    // Each cluster's one name, or None once it holds two.
    let mut alone: Vec<Option<Option<&str>>> = vec![None; mentions.len()];
    for i in 0..mentions.len() {
        let root = uf.find(i);
        if let Some(slot) = alone.get_mut(root) {
            *slot = match *slot {
                None => Some(Some(names.norm(i))),
                Some(Some(n)) if n == names.norm(i) => Some(Some(n)),
                _ => Some(None),
            };
        }
    }
    let mut by_name: FastMap<&str, usize> =
        FastMap::with_capacity_and_hasher(names.distinct(), Default::default());
    for (i, m) in mentions.iter().enumerate() {
        let named = matches!(family(m.kind), 0..=2);
        let root = uf.find(i);
        let only_its_name = alone.get(root).is_some_and(|n| n.is_some_and(|n| n.is_some()));
        if !named || !only_its_name || by_surname.get(i).copied().unwrap_or(false) {
            continue;
        }
        if !doc.slice(m.start, m.end).chars().any(char::is_lowercase) {
            continue;
        }
        match by_name.entry(names.norm(i)) {
            Entry::Occupied(j) => uf.union(i, *j.get()),
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
}

/// The first `k` words of a normal form ("ana lucia" of "ana lucia ferreira").
fn first_words(norm: &str, k: usize) -> &str {
    norm.match_indices(' ')
        .nth(k.saturating_sub(1))
        .and_then(|(at, _)| norm.get(..at))
        .unwrap_or(norm)
}

/// The last word of a normal form of two words or more ("weldon").
fn surname(norm: &str) -> &str {
    norm.rfind(' ').and_then(|at| norm.get(at + 1..)).unwrap_or(norm)
}

/// Surnames and name endings of people; returns which mentions were
/// linked as surnames.
fn people(names: &Names, mentions: &mut [Mention], uf: &mut UnionFind) -> Vec<bool> {
    let mut linked = vec![false; mentions.len()];
    // Full names and their proper endings of two or more words ("curtis
    // weldon" of "wayne curtis weldon"), and surnames, -> mentions.
    // Sized once: at most one entry per distinct text (endings aside).
    let size = names.distinct();
    let mut full: FastMap<&str, usize> =
        FastMap::with_capacity_and_hasher(size, Default::default());
    let mut endings: FastMap<&str, usize> =
        FastMap::with_capacity_and_hasher(size / 4, Default::default());
    let mut starts: FastMap<&str, (usize, bool)> =
        FastMap::with_capacity_and_hasher(size / 4, Default::default());
    let mut surnames: FastMap<&str, Vec<usize>> =
        FastMap::with_capacity_and_hasher(size, Default::default());
    // First words of full names ("nora" of "nora quayle", "liu" of "liu xiaming").
    // Each keeps its first full name and whether all its full names are that one.
    let mut given: FastMap<&str, (usize, bool)> =
        FastMap::with_capacity_and_hasher(size, Default::default());
    // A text's names and endings are entered by its first person mention;
    // later ones would find them there already.
    let mut entered = vec![false; names.distinct()];
    for (i, m) in mentions.iter().enumerate() {
        let n = names.norm(i);
        let words = names.word_count(i);
        if m.kind != EntityType::PERSON || !(2..=MAX_NAME_WORDS).contains(&words) {
            continue;
        }
        if let Some(done) = entered.get_mut(names.id(i)).filter(|d| !**d) {
            *done = true;
            full.entry(n).or_insert(i);
            for k in 1..words - 1 {
                endings.entry(after_words(n, k)).or_insert(i);
                // "ana lucia" of "ana lucia ferreira", kept only while one full name has it.
                let head = first_words(n, words - k);
                starts
                    .entry(head)
                    .and_modify(|(j, one)| *one &= names.norm(*j) == n)
                    .or_insert((i, true));
            }
        }
        surnames.entry(surname(n)).or_default().push(i);
        let first = n.split(' ').next().unwrap_or(n);
        given.entry(first).and_modify(|(j, one)| *one &= names.norm(*j) == n).or_insert((i, true));
    }
    // A repeated full name links where its first mention did, and joins
    // that mention by its key in any case: its lookups need not be redone.
    let mut looked_up = vec![false; names.distinct()];
    let known = Classes::of(&[
        Class::Country,
        Class::State,
        Class::City,
        Class::Region,
        Class::Org,
        Class::Norp,
    ]);
    for (i, m) in mentions.iter_mut().enumerate() {
        if !is_name(m.kind) {
            continue;
        }
        let n = names.norm(i);
        let words = names.word_count(i);
        if m.kind == EntityType::PERSON && words > 1 && words <= MAX_NAME_WORDS {
            match looked_up.get_mut(names.id(i)) {
                Some(done) if !*done => *done = true,
                _ => continue,
            }
            if let Some(&j) = endings.get(n) {
                uf.union(i, j);
            } else if let Some(&(j, true)) = starts.get(n) {
                uf.union(i, j);
            }
            for k in 1..words - 1 {
                if let Some(&j) = full.get(after_words(n, k)) {
                    uf.union(i, j);
                }
            }
            continue;
        }
        if words > 1 {
            continue;
        }
        if m.kind != EntityType::PERSON && names.classes(i).meets(known) {
            continue;
        }
        let owner = match surnames.get(n) {
            // The nearest full name before, else the first after.
            Some(owners) => {
                let k = owners.partition_point(|&j| j < i);
                k.checked_sub(1).and_then(|k| owners.get(k)).or_else(|| owners.first()).copied()
            }
            // A first name alone, when one full name has it.
            None => given.get(n).filter(|(_, one)| *one).map(|&(j, _)| j),
        };
        if let Some(j) = owner {
            uf.union(i, j);
            m.kind = EntityType::PERSON;
            if let Some(l) = linked.get_mut(i) {
                *l = true;
            }
        }
    }
    linked
}

/// Short forms of organisations: a one-word name that is the first word of
/// a multi-word organisation in the document ("Acme" -> "Acme Steel Corp")
/// joins it and is typed ORG, unless it was linked as a surname or a word
/// list knows it as a place or a given name.
fn org_heads(names: &Names, mentions: &mut [Mention], surname: &[bool], uf: &mut UnionFind) {
    let mut heads: FastMap<&str, usize> =
        FastMap::with_capacity_and_hasher(names.distinct() / 4, Default::default());
    for (i, m) in mentions.iter().enumerate().filter(|(_, m)| m.kind == EntityType::ORG) {
        let mut words = names.text(i).split_whitespace();
        if let (EntityType::ORG, Some(first), Some(_)) = (m.kind, words.next(), words.next()) {
            if first.chars().next().is_some_and(char::is_uppercase) && !is_the(first) {
                // The normal form of the first word is the normal form's first word.
                let n = names.norm(i);
                heads.entry(n.split(' ').next().unwrap_or(n)).or_insert(i);
            }
        }
    }
    if heads.is_empty() {
        return;
    }
    let blocked = Classes::of(&[
        Class::Country,
        Class::State,
        Class::City,
        Class::Region,
        Class::Male,
        Class::Female,
        Class::Norp,
    ]);
    for (i, m) in mentions.iter_mut().enumerate() {
        // A place the tagger saw as a place stays one: organisations are
        // often named after their town ("Northfield Transit Authority").
        let named = is_name(m.kind) && !matches!(m.kind, EntityType::GPE | EntityType::LOC);
        if !named
            || surname.get(i).copied().unwrap_or(true)
            || names.spaced(i)
            || names.classes(i).meets(blocked)
        {
            continue;
        }
        if let Some(&j) = heads.get(names.norm(i)) {
            uf.union(i, j);
            m.kind = EntityType::ORG;
        }
    }
}

/// Longer short forms of organisations: a name of two words or more that
/// is another organisation's name without its last word, when that word is
/// one that ends organisation names ("Acme Steel" -> "Acme Steel Records").
/// Both must be organisations already: "Dana Reyes" is not "Dana Reyes
/// Productions".
fn org_stems(names: &Names, mentions: &[Mention], uf: &mut UnionFind) {
    let mut stems: FastMap<&str, usize> = FastMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind == EntityType::ORG && names.word_count(i) >= 3 && ends_in_org_word(names.text(i)) {
            let n = names.norm(i);
            if let Some((stem, _)) = n.rsplit_once(' ') {
                stems.entry(stem).or_insert(i);
            }
        }
    }
    if stems.is_empty() {
        return;
    }
    for (i, m) in mentions.iter().enumerate() {
        if m.kind == EntityType::ORG && names.spaced(i) {
            if let Some(&j) = stems.get(names.norm(i)) {
                uf.union(i, j);
            }
        }
    }
}

fn is_the(w: &str) -> bool {
    w.eq_ignore_ascii_case("the")
}

/// Acronyms and the multi-word names they spell. Both lookups depend on
/// the text only, so each distinct text is read once.
fn acronyms(names: &Names, mentions: &mut [Mention], uf: &mut UnionFind) {
    let mut spelled: FastMap<u128, usize> = FastMap::default();
    let mut entered = vec![false; names.distinct()];
    let mut initials = String::new();
    for (i, m) in mentions.iter().enumerate() {
        if matches!(m.kind, EntityType::ORG | EntityType::GPE | EntityType::LOC)
            && names.word_count(i) > 1
        {
            let Some(done) = entered.get_mut(names.id(i)).filter(|d| !**d) else { continue };
            *done = true;
            // Initials longer than any acronym can never be spelled: not kept.
            if let Some(key) = alias::initials_into(names.text(i), &mut initials)
                .then(|| alias::pack(initials.chars()))
                .flatten()
            {
                spelled.entry(key).or_insert(i);
            }
        }
    }
    if spelled.is_empty() {
        return;
    }
    // For each distinct text, the long form its acronym spells, once looked up.
    let mut long_form: Vec<Option<Option<usize>>> = vec![None; names.distinct()];
    for i in 0..mentions.len() {
        if !mentions.get(i).is_some_and(|m| is_name(m.kind)) {
            continue;
        }
        let slot = long_form.get_mut(names.id(i));
        let found = match slot {
            Some(Some(j)) => *j,
            Some(slot) => *slot
                .insert(alias::acronym_key(names.text(i)).and_then(|a| spelled.get(&a).copied())),
            None => alias::acronym_key(names.text(i)).and_then(|a| spelled.get(&a).copied()),
        };
        if let Some(j) = found {
            let kind = mentions.get(j).map(|m| m.kind);
            if let (Some(k), Some(m)) = (kind, mentions.get_mut(i)) {
                m.kind = k;
            }
            uf.union(i, j);
        }
    }
}
