//! The quote stage's reading of the person model: the people,
//! organisations and places that coreference found ([`EntityTable`]), each
//! with its canonical name, gender evidence and the title words seen
//! beside its mentions, laid over the quote stage's tokens so that
//! "Tillerson", "he" and "the secretary" can be turned into "Rex Tillerson".
//!
//! Only entities can be people here: a capitalised word that coreference
//! does not know as a name ("Children", "Despite") is never a person, so a
//! pronoun cannot resolve to it.
//!
//! Guarantees: one pass over the entity mentions plus a few tokens before
//! each (linear); names are borrowed from the table, never copied; no panics.

use super::view::View;
use crate::coref::{EntityTable, Gender as EntityGender};
use crate::text::fasthash::FastMap;
use crate::text::lexicon::Class;
use crate::EntityType;
use std::ops::Range;
use std::sync::OnceLock;

/// What a pronoun can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// One person, organisation or place that can be a speaker.
#[derive(Clone, Debug)]
pub struct Person<'v> {
    /// The entity's canonical name ("Rex Tillerson").
    pub name: &'v str,
    /// Lower-cased title words seen with it ("secretary", "spokeswoman").
    pub titles: Vec<&'v str>,
    pub gender: Gender,
    /// An organisation or a place: "it" and "they" may stand for it, not "he".
    pub org: bool,
    /// The entity's type.
    pub kind: EntityType,
    /// The entity cluster.
    pub entity: Option<usize>,
}

/// A mention of a person: token range and index into `people`.
#[derive(Clone, Debug)]
pub struct NameMention {
    pub tokens: Range<usize>,
    pub person: usize,
}

/// All people of a document, from the entity table.
pub struct Names<'v> {
    pub people: Vec<Person<'v>>,
    /// In text order.
    pub mentions: Vec<NameMention>,
    /// The last word of each person's name -> the person, when one person
    /// has it ("Early" -> "Chris Early", for a surname the tagger missed).
    surnames: FastMap<&'v str, Option<usize>>,
}

/// The most title words kept before one mention ("former deputy press secretary").
const MAX_TITLE_WORDS: usize = 4;

impl<'v> Names<'v> {
    /// Reads the people of the document off the entity table.
    pub fn new(v: &'v View, table: &'v EntityTable) -> Names<'v> {
        let mut person_of = vec![usize::MAX; table.clusters.len()];
        let mut people: Vec<Person<'v>> = Vec::new();
        let mut mentions = Vec::with_capacity(table.mentions.len() / 2 + 1);
        for (m, &c) in table.mentions.iter().zip(&table.cluster_of) {
            let Some(cluster) = table.clusters.get(c) else { continue };
            if !matches!(
                cluster.kind,
                EntityType::PERSON | EntityType::ORG | EntityType::GPE | EntityType::NORP
            ) {
                continue;
            }
            let Some(slot) = person_of.get_mut(c) else { continue };
            if *slot == usize::MAX {
                *slot = people.len();
                people.push(Person {
                    name: cluster.name.as_str(),
                    titles: Vec::new(),
                    gender: match cluster.gender {
                        EntityGender::Male => Gender::Male,
                        EntityGender::Female => Gender::Female,
                        EntityGender::Unknown => Gender::Unknown,
                    },
                    org: cluster.kind != EntityType::PERSON,
                    kind: cluster.kind,
                    entity: Some(c),
                });
            }
            let p = *slot;
            let tokens = v.token_at(m.start)..v.token_at(m.end);
            if let Some(person) = people.get_mut(p).filter(|p| !p.org) {
                add_titles(v, person, tokens.start);
            }
            mentions.push(NameMention { tokens, person: p });
        }
        let mut surnames: FastMap<&'v str, Option<usize>> = FastMap::default();
        for (i, p) in people.iter().enumerate().filter(|(_, p)| !p.org) {
            if let Some(last) =
                p.name.split_whitespace().next_back().filter(|_| p.name.contains(' '))
            {
                surnames.entry(last).and_modify(|o| *o = o.filter(|&j| j == i)).or_insert(Some(i));
            }
        }
        Names { people, mentions, surnames }
    }

    /// The person a phrase names: the person whose name ends it ("Jefferies
    /// analyst Ann Lee" is Ann Lee, not Jefferies), else the entity at the
    /// head of the phrase ("Mr. Morgan of the Sierra Club" is Morgan, "Acme
    /// Corp" is Acme Corp), else nobody: "a spokesman for Acme Corp" and
    /// "Acme's lawyer" are descriptions.
    pub fn lookup(&self, v: &View, r: Range<usize>) -> Option<usize> {
        let first = self.mentions.partition_point(|m| m.tokens.end <= r.start);
        let inside = || {
            self.mentions.get(first..).unwrap_or(&[]).iter().take_while(|m| m.tokens.start < r.end)
        };
        let last = (r.start..r.end).rev().find(|&k| v.is_word(k))?;
        let is_person = |m: &NameMention| self.people.get(m.person).is_some_and(|p| !p.org);
        let head = head_token(v, r.clone());
        // "Ben Ortiz of Keller Research": the person before the "of" is the
        // speaker, whatever the tagger made of the rest.
        if let Some(m) = inside().filter(|m| m.tokens.contains(&head)).find(|m| is_person(m)) {
            return Some(m.person);
        }
        if let Some(m) = inside().filter(|m| m.tokens.contains(&last)).find(|m| is_person(m)) {
            return Some(m.person);
        }
        if let Some(m) = inside().find(|m| m.tokens.contains(&head)) {
            return Some(m.person);
        }
        // A capitalised word the tagger missed that is a person's surname ("says Early").
        let cap_word = r.len() == 1
            && v.is_cap(head)
            && !v.is(head, Class::Pronoun)
            && !v.is(head, Class::Determiner);
        cap_word.then(|| self.surnames.get(v.tok(head)).copied().flatten()).flatten()
    }
}

/// The head word of a speaker phrase: its last word before an "of", "for",
/// "at" or comma that follows a word ("a spokesman for Acme" -> "spokesman").
fn head_token(v: &View, r: Range<usize>) -> usize {
    let cut = (r.start + 1..r.end).find(|&k| {
        matches!(v.low(k), "of" | "for" | "at" | "with" | "to" | "from" | "in" | "," | "(" | "who")
    });
    let end = cut.unwrap_or(r.end);
    (r.start..end).rev().find(|&k| v.is_word(k)).unwrap_or(r.start)
}

/// Records the title words just before a person's mention at token `at`
/// ("Secretary of State", "spokeswoman"), and the gender they imply.
fn add_titles<'v>(v: &'v View, person: &mut Person<'v>, at: usize) {
    let mut k = at;
    let mut taken = 0;
    while k > 0 && taken < MAX_TITLE_WORDS {
        let p = k - 1;
        if v.quote_of(p).is_some() {
            break;
        }
        if v.is(p, Class::Title) {
            let t = full_title(v.low(p));
            if person.titles.len() < 8 && !person.titles.contains(&t) {
                person.titles.push(t);
            }
            if person.gender == Gender::Unknown {
                if v.is(p, Class::Female) {
                    person.gender = Gender::Female;
                } else if v.is(p, Class::Male) {
                    person.gender = Gender::Male;
                }
            }
            taken += 1;
        } else if !(v.tok(p) == "." || v.low(p) == "of") {
            break;
        }
        k = p;
    }
}

/// The full word for a short title ("gov" -> "governor"), from
/// `data/quotes/title_forms.txt`, so that "the governor" finds "Gov. Lee".
fn full_title(t: &str) -> &str {
    static FORMS: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        crate::text::lexicon::lists::TITLE_FORMS
            .entries()
            .filter_map(|l| l.split_once(' '))
            .map(|(short, full)| (short.trim(), full.trim()))
            .collect()
    });
    forms.get(t).copied().unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    /// The people found in `t`: name, titles, gender and whether an organisation or place.
    fn people(t: &str) -> Vec<(String, Vec<String>, Gender, bool)> {
        let d = Doc::new(t);
        let v = View::new(&d);
        let table = crate::coref::cluster(&d, crate::entities::find(&d));
        let n = Names::new(&v, &table);
        n.people
            .iter()
            .map(|p| {
                (
                    p.name.to_string(),
                    p.titles.iter().map(|t| t.to_string()).collect(),
                    p.gender,
                    p.org,
                )
            })
            .collect()
    }

    #[test]
    fn capitalised_words_that_are_no_names_are_no_people() {
        let found = people("Children growing up now will see it. Despite the rain, it works.");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn titles_and_gender_come_with_the_person() {
        let found = people("City Hall spokeswoman Dana Reyes spoke. Later Reyes left.");
        let dana = found.iter().find(|p| p.0 == "Dana Reyes").expect("Dana Reyes");
        assert!(dana.1.contains(&"spokeswoman".to_string()), "{dana:?}");
        assert_eq!(dana.2, Gender::Female);
        assert!(!dana.3);
    }

    #[test]
    fn a_phrase_names_its_person_not_the_organisation_in_its_title() {
        let t = "Jefferies analyst Tom Brady Lee said it. A spokesman for Acme Corp said more. Acme Corp said no.";
        let d = Doc::new(t);
        let v = View::new(&d);
        let table = crate::coref::cluster(&d, crate::entities::find(&d));
        let n = Names::new(&v, &table);
        let name_of = |from: &str, to: &str| {
            let a = (0..v.len()).find(|&k| v.tok(k) == from).unwrap();
            let b = (a..v.len()).find(|&k| v.tok(k) == to).unwrap();
            n.lookup(&v, a..b).and_then(|p| n.people.get(p)).map(|p| p.name.to_string())
        };
        assert_eq!(name_of("Jefferies", "said").as_deref(), Some("Tom Brady Lee"));
        assert_eq!(name_of("A", "said"), None, "a description, not Acme Corp");
    }
}
