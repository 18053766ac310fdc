//! Turns the phrase an attribution uses ("he", "Tillerson", "the
//! secretary") into the person it stands for, walking the document once
//! and keeping only a running state: the last man, woman and organisation
//! named (preferring subjects and speakers), and the last person seen with
//! each title word.
//!
//! Guarantees: callers ask in text order; each name mention is consumed
//! once, so the whole walk is linear; no panics.

use super::lexicon::Class;
use super::names::{Gender, Names};
use super::view::View;
use crate::text::fasthash::FastMap;
use std::ops::Range;

/// A resolved speaker: the canonical name (a slice of the text) and, when
/// known, the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved<'v> {
    pub name: &'v str,
    pub person: Option<usize>,
}

/// The running state of the walk.
pub struct Resolver<'n, 'v> {
    names: &'n Names<'v>,
    genders: Vec<Gender>,
    next: usize,
    /// Last person of each gender slot: (person, paragraph), subjects and speakers only.
    subject: [Option<(usize, usize)>; 2],
    /// Last person of each gender slot, any mention.
    any: [Option<(usize, usize)>; 2],
    last_org: Option<usize>,
    by_title: FastMap<&'v str, usize>,
    /// The person whose titles were entered into `by_title` last: while
    /// it is named again and again, its entries stand, and are not hashed again.
    titled: Option<usize>,
}

const MALE: usize = 0;
const FEMALE: usize = 1;

impl<'n, 'v> Resolver<'n, 'v> {
    /// Starts a walk at the beginning of the document.
    pub fn new(names: &'n Names<'v>) -> Self {
        let genders = names.people.iter().map(|p| p.gender).collect();
        Resolver { names, genders, next: 0, subject: [None; 2], any: [None; 2], last_org: None, by_title: FastMap::default(), titled: None }
    }

    /// Takes in the name mentions that end before token `upto`, except
    /// those inside quotations (a name inside a quote is rarely the speaker).
    pub fn advance(&mut self, v: &View, upto: usize) {
        while let Some(m) = self.names.mentions.get(self.next) {
            if m.tokens.end > upto {
                break;
            }
            self.next += 1;
            if v.quote_of(m.tokens.start).is_some() {
                continue;
            }
            // A subject opens its sentence, perhaps after a title or "The".
            let first_in_sentence = v.sentence_tokens(v.sentence_of(m.tokens.start)).start;
            let subject = m.tokens.start <= first_in_sentence + 4
                && (first_in_sentence..m.tokens.start).all(|k| !v.is_word(k) || v.is(k, Class::Title) || v.is(k, Class::Determiner) || v.is_cap(k));
            self.note(v, m.person, m.tokens.start, subject);
        }
    }

    /// Records that `person` was named (as a subject or speaker, or not) at token `at`.
    pub fn note(&mut self, v: &View, person: usize, at: usize, subject: bool) {
        let Some(p) = self.names.people.get(person) else { return };
        if p.org {
            self.last_org = Some(person);
            return;
        }
        let para = v.paragraph_of(at);
        let gender = self.genders.get(person).copied().unwrap_or(Gender::Unknown);
        for (slot, excluded) in [(MALE, Gender::Female), (FEMALE, Gender::Male)] {
            if gender != excluded {
                if let Some(s) = self.any.get_mut(slot) {
                    *s = Some((person, para));
                }
                if subject {
                    if let Some(s) = self.subject.get_mut(slot) {
                        *s = Some((person, para));
                    }
                }
            }
        }
        if self.titled == Some(person) || p.titles.is_empty() {
            return;
        }
        for &t in &p.titles {
            if self.by_title.get(t) != Some(&person) {
                self.by_title.insert(t, person);
            }
        }
        self.titled = Some(person);
    }

    /// The person behind the speaker phrase `r`.
    pub fn resolve(&mut self, v: &View<'_, 'v>, r: Range<usize>) -> Resolved<'v> {
        let text = v.doc.slice(v.start(r.start), v.end(r.end.saturating_sub(1)));
        let own = |name: &'v str| Resolved { name, person: None };
        let first = v.low(r.start);
        if r.len() == 1 && v.is(r.start, Class::Pronoun) {
            let slot = match first {
                "he" => MALE,
                "she" => FEMALE,
                "it" => return self.last_org.map_or(own(text), |p| self.resolved(p)),
                _ => return own(text),
            };
            return match self.pick(slot, v.paragraph_of(r.start)) {
                Some(p) => {
                    if let Some(g) = self.genders.get_mut(p) {
                        if *g == Gender::Unknown {
                            *g = if slot == MALE { Gender::Male } else { Gender::Female };
                        }
                    }
                    self.resolved(p)
                }
                None => own(text),
            };
        }
        if let Some(p) = self.names.lookup(v, r.clone()) {
            self.note(v, p, r.start, true);
            return self.resolved(p);
        }
        // A description: "the secretary", "a White House spokesman".
        let title = r.clone().rev().find(|&k| v.is(k, Class::Title) && !v.is_cap(k));
        if let Some(p) = title.and_then(|k| self.by_title.get(v.low(k)).copied()) {
            if v.is(r.start, Class::Determiner) && first == "the" {
                return self.resolved(p);
            }
        }
        own(text)
    }

    /// The person a he/she stands for: the last subject or speaker of that
    /// gender when recent, else the last person of that gender.
    fn pick(&self, slot: usize, para: usize) -> Option<usize> {
        let subject = self.subject.get(slot).copied().flatten();
        let any = self.any.get(slot).copied().flatten();
        match subject {
            Some((p, at)) if at + 2 >= para => Some(p),
            _ => any.or(subject).map(|(p, _)| p),
        }
    }

    fn resolved(&self, p: usize) -> Resolved<'v> {
        Resolved { name: self.names.people.get(p).map_or("", |x| x.name), person: Some(p) }
    }
}
