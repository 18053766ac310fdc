//! Word lists for names (countries, US states, cities, regions, nationalities,
//! organisations, given names, organisation words, titles), read from
//! `data/gazetteer/*.txt` once, on first use, and matched against a token
//! sequence.
//!
//! Entries are tokenized with the same tokenizer as the text and matched
//! word by word, case-insensitively, except entries written all in capitals
//! ("US", "WHO"), which match only with the same case. A match must start
//! with a capitalized word unless the whole line is in capitals, so "us" is
//! never the country.
//!
//! The entries form a trie over word ids: each distinct lowercase entry
//! word has an id, and a phrase is matched by stepping from word to word,
//! so matching stops at the first word no entry continues with, and no
//! phrase is ever joined into a string. Over a document ([`Matcher`], in
//! `matcher`), each distinct word is lowercased and looked up once.
//!
//! Guarantees: matching is linear (at most [`MAX_WORDS`] steps per token);
//! no allocation per token; no panics.

mod matcher;

use super::lists;
use super::{Class, Classes, List};
use crate::text::fasthash::FastMap;
use crate::text::tokens::tokenize;
use crate::text::wordkey::{self, Table};
use crate::text::Doc;
use std::ops::Range;
use std::sync::OnceLock;

pub use matcher::{Hit, Matcher};

/// The classes of the phrase lists, in bit order (the tagger's features).
pub const ALL: [Class; 10] = [
    Class::Country,
    Class::State,
    Class::City,
    Class::Region,
    Class::Norp,
    Class::Org,
    Class::Male,
    Class::Female,
    Class::OrgWord,
    Class::Title,
];

/// Longest entry, in tokens.
pub const MAX_WORDS: usize = 6;

/// A node of the trie: the phrase of the words stepped through from the root.
type Node = u32;

const ROOT: Node = 0;

struct Lists {
    /// Lowercase entry word -> word id, for words of at most
    /// [`wordkey::MAX_LEN`] bytes ...
    short: Table<u32>,
    /// ... and for longer ones ("secretary-general").
    long: FastMap<Box<[u8]>, u32>,
    /// The number of distinct entry words.
    words: u32,
    /// (node, word id) -> the node one word further.
    next: FastMap<(Node, u32), Node>,
    /// Per node: the classes of the entry it spells, matched in any case.
    folded: Vec<Classes>,
    /// Per node: the entries written all in capitals that spell it in
    /// lowercase, each with its words as written ("US"), matched exactly.
    exact: Vec<Vec<(Vec<&'static str>, Classes)>>,
}

impl Lists {
    fn child(&self, node: Node, word: u32) -> Option<Node> {
        self.next.get(&(node, word)).copied()
    }

    /// The id of `w` lowercased, if some entry has that word.
    fn word_id(&self, w: &str) -> Option<u32> {
        match wordkey::key(w.as_bytes()) {
            // The key lowercases ASCII capitals, which is all the
            // lowercasing an ASCII word needs.
            Some(key) if wordkey::is_ascii(key) => self.short.get_key(key, w.len()),
            _ => self.word_id_slow(w),
        }
    }

    /// [`Lists::word_id`] for long or non-ASCII words.
    fn word_id_slow(&self, w: &str) -> Option<u32> {
        let mut low = String::with_capacity(w.len());
        push_lower(&mut low, w);
        self.id_of(low.as_bytes())
    }

    /// The id of the lowercase word `low`.
    fn id_of(&self, low: &[u8]) -> Option<u32> {
        if low.len() <= wordkey::MAX_LEN {
            self.short.get(low)
        } else {
            self.long.get(low).copied()
        }
    }

    /// The classes of the phrase `words` that spells `node`; `lower`:
    /// whether some word of it has a lowercase letter (then it can match
    /// no entry written in capitals).
    fn classes<'w>(
        &self,
        node: Node,
        lower: bool,
        words: impl Iterator<Item = &'w str> + Clone,
    ) -> Classes {
        let folded = self.folded.get(node as usize).copied().unwrap_or_default();
        match self.exact.get(node as usize) {
            Some(exact) if !lower => exact
                .iter()
                .filter(|(e, _)| e.iter().copied().eq(words.clone()))
                .fold(folded, |c, (_, k)| c | *k),
            _ => folded,
        }
    }

    /// The node of the phrase `words` (lowercased), creating it.
    fn insert(&mut self, words: &[&str]) -> Node {
        let mut node = ROOT;
        for w in words {
            let id = match self.id_of(w.as_bytes()) {
                Some(id) => id,
                None => {
                    let id = self.words;
                    match self.short.entry(w.as_bytes()) {
                        Some(slot) => *slot = id,
                        None => {
                            self.long.insert(w.as_bytes().into(), id);
                        }
                    }
                    self.words += 1;
                    id
                }
            };
            let fresh = self.folded.len() as Node;
            node = *self.next.entry((node, id)).or_insert(fresh);
            if node == fresh {
                self.folded.push(Classes::NONE);
                self.exact.push(Vec::new());
            }
        }
        node
    }
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let files: [(Class, List); 11] = [
            (Class::Country, lists::COUNTRIES),
            (Class::State, lists::US_STATES),
            (Class::City, lists::CITIES),
            (Class::Region, lists::REGIONS),
            (Class::Norp, lists::NATIONALITIES),
            (Class::Org, lists::ORGS),
            (Class::Org, lists::COMPANIES),
            (Class::Male, lists::GIVEN_MALE),
            (Class::Female, lists::GIVEN_FEMALE),
            (Class::OrgWord, lists::ORG_WORDS),
            (Class::Title, lists::TITLES),
        ];
        let mut l = Lists {
            short: Table::default(),
            long: FastMap::default(),
            words: 0,
            next: FastMap::default(),
            folded: vec![Classes::NONE],
            exact: vec![Vec::new()],
        };
        for (class, list) in files {
            for line in list.entries() {
                let words: Vec<&str> = tokenize(line).iter().map(|t| t.text(line)).collect();
                if words.is_empty() || words.len() > MAX_WORDS {
                    continue;
                }
                let all_caps = line.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !line.chars().any(|c| c.is_lowercase());
                // Tokens hold no spaces: the lowercase phrase splits back
                // into the lowercase words.
                let low = words.join(" ").to_lowercase();
                let node = l.insert(&low.split(' ').collect::<Vec<_>>());
                let bit = Classes::of(&[class]);
                if all_caps {
                    let Some(exact) = l.exact.get_mut(node as usize) else { continue };
                    match exact.iter_mut().find(|(e, _)| *e == words) {
                        Some((_, c)) => *c |= bit,
                        None => exact.push((words, bit)),
                    }
                } else if let Some(c) = l.folded.get_mut(node as usize) {
                    *c |= bit;
                }
            }
        }
        l
    })
}

/// The classes of the phrase made of `words` (already split into tokens).
pub fn lookup(words: &[&str]) -> Classes {
    walk(words.iter().copied()).nth(words.len().wrapping_sub(1)).unwrap_or_default()
}

/// The classes of the phrase of tokens `range` of `doc`.
pub fn lookup_tokens(doc: &Doc, range: Range<usize>) -> Classes {
    walk(range.clone().map(|i| doc.tok(i))).nth(range.len().wrapping_sub(1)).unwrap_or_default()
}

/// The classes of each leading phrase of `words` (one word, two words, ...)
/// while some entry starts with it (0 for a phrase that is not itself an
/// entry).
pub fn walk<'w>(words: impl Iterator<Item = &'w str> + Clone) -> impl Iterator<Item = Classes> {
    let l = lists();
    let (mut node, mut lower, mut n) = (ROOT, false, 0);
    let mut rest = words.clone();
    std::iter::from_fn(move || {
        let w = rest.next()?;
        node = l.child(node, l.word_id(w)?)?;
        // Entries in capitals match only phrases with no lowercase letter.
        lower |= if w.is_ascii() {
            w.bytes().any(|b| b.is_ascii_lowercase())
        } else {
            w.chars().any(char::is_lowercase)
        };
        n += 1;
        Some(l.classes(node, lower, words.clone().take(n)))
    })
}

/// Appends the lowercase form of `w` to `out`, without allocating.
fn push_lower(out: &mut String, w: &str) {
    for c in w.chars() {
        out.extend(c.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_entries_need_their_case() {
        assert!(lookup(&["US"]).has(Class::Country));
        assert_eq!(lookup(&["Us"]), Classes::NONE);
        assert_eq!(lookup(&["us"]), Classes::NONE);
    }

    #[test]
    fn given_names_and_titles() {
        assert!(lookup(&["Mary"]).has(Class::Female));
        assert!(lookup(&["secretary", "of", "state"]).has(Class::Title));
        assert_eq!(lookup(&["secretary", "of"]), Classes::NONE);
        assert_eq!(lookup(&[]), Classes::NONE);
        assert!(lookup(&["SECRETARY-GENERAL"]).has(Class::Title), "a word longer than a key");
        let doc = Doc::new("Ask the Secretary of State.");
        assert!(lookup_tokens(&doc, 2..5).has(Class::Title));
        assert_eq!(lookup_tokens(&doc, 2..4), Classes::NONE);
    }

    #[test]
    fn phrases_step_word_by_word() {
        let classes: Vec<Classes> = walk(["Secretary", "of", "State", "Lee"].into_iter()).collect();
        assert_eq!(classes.len(), 3, "no entry goes on with the name");
        assert!(
            classes[0].has(Class::Title) && classes[1].is_empty() && classes[2].has(Class::Title)
        );
        // Each leading phrase is matched with its own case.
        let caps: Vec<Classes> =
            walk(["US", "Secretary", "of", "State"].into_iter()).take(1).collect();
        assert!(caps[0].has(Class::Country));
    }
}
