//! Turns the phrase an attribution uses ("he", "Tillerson", "the
//! secretary", "the company", "who") into the person or organisation it
//! stands for, walking the document once and keeping only a running state:
//! the last man, woman and organisation named (preferring subjects and
//! speakers), the last group that spoke, and the last person seen with each
//! title word. "he" and "she" resolve only to people, "it" and "the
//! company" only to organisations, "they" to a group or organisation, and
//! "who" to the name just before it; a phrase that resolves to nobody is
//! the description the article gives ("a police spokesman").
//!
//! Guarantees: callers ask in text order; each name mention is consumed
//! once, so the whole walk is linear; no panics.

use super::described::{described_before, on_behalf, Descriptions};
use super::names::{Gender, Names};
use super::view::View;
use crate::text::fasthash::FastMap;
use crate::text::lexicon::Class;
use std::ops::Range;

mod pronoun;

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
    /// The sentence of each slot's last mention, and of its last subject
    /// (`usize::MAX` for none): "While the plan did not appeal to Ann Lee,
    /// she said …" is Ann Lee's, named in the pronoun's own sentence.
    any_sentence: [usize; 2],
    subject_sentence: [usize; 2],
    last_org: Option<(usize, usize)>,
    /// The last organisation named as a subject or speaker, and its paragraph.
    subject_org: Option<(usize, usize)>,
    /// The last person named as a subject or speaker, and its paragraph.
    subject_person: Option<(usize, usize)>,
    /// Organisations in the order they were last named (each once, most
    /// recent last), for "the authority" -> "Northfield Transit Authority".
    orgs: Vec<usize>,
    /// The last plural description that spoke ("officials"), and its paragraph.
    last_group: Option<(Range<usize>, usize)>,
    /// The last unnamed organisation that spoke ("the US military"), and its
    /// paragraph: what a later "it" or "the statement" stands for when no
    /// named organisation does.
    last_body: Option<(&'v str, usize)>,
    by_title: FastMap<&'v str, usize>,
    /// The descriptions of unnamed speakers seen so far.
    descriptions: Descriptions<'v>,
    /// The last unnamed speaker whose description marks each gender slot
    /// ("a spokeswoman for the company"): its name, sentence and paragraph.
    described: [Option<(&'v str, usize, usize)>; 2],
    /// The person whose titles were entered into `by_title` last: while
    /// it is named again and again, its entries stand, and are not hashed again.
    titled: Option<usize>,
}

/// How many recently named organisations "the authority" looks through.
const MAX_ORGS: usize = 32;

const MALE: usize = 0;
const FEMALE: usize = 1;

impl<'n, 'v> Resolver<'n, 'v> {
    /// Starts a walk at the beginning of the document.
    pub fn new(names: &'n Names<'v>) -> Self {
        let genders = names.people.iter().map(|p| p.gender).collect();
        Resolver {
            names,
            genders,
            next: 0,
            subject: [None; 2],
            any: [None; 2],
            any_sentence: [usize::MAX; 2],
            subject_sentence: [usize::MAX; 2],
            last_org: None,
            subject_org: None,
            subject_person: None,
            orgs: Vec::new(),
            last_group: None,
            last_body: None,
            by_title: FastMap::default(),
            descriptions: Descriptions::default(),
            described: [None; 2],
            titled: None,
        }
    }

    /// Takes in the name mentions that end before token `upto`, except
    /// those inside quotations (a name inside a quote is rarely the speaker)
    /// and in bylines, credits and page furniture.
    pub fn advance(&mut self, v: &View, upto: usize) {
        while let Some(m) = self.names.mentions.get(self.next) {
            if m.tokens.end > upto {
                break;
            }
            self.next += 1;
            // Nor is the author of a byline or a photo credit.
            let para = v.doc.paragraphs.get(v.paragraph_of(m.tokens.start));
            if v.quote_of(m.tokens.start).is_some()
                || para.is_some_and(|p| !p.kind.reports_speech())
            {
                continue;
            }
            // A subject opens its sentence, perhaps after a title or "The",
            // or after an opening phrase and its comma ("As it turned out, Lee").
            let first_in_sentence = v.sentence_tokens(v.sentence_of(m.tokens.start)).start;
            let opens = |from: usize| {
                m.tokens.start <= from + 4
                    && (from..m.tokens.start).all(|k| {
                        !v.is_word(k)
                            || v.is(k, Class::Title)
                            || v.is(k, Class::Determiner)
                            || v.is_cap(k)
                    })
            };
            let comma = (first_in_sentence..m.tokens.start.min(first_in_sentence + 8))
                .find(|&k| v.tok(k) == ",");
            // After a comma, not a possessive: "Ann Lee, Carlineo's attorney," is Ann Lee.
            let owner = matches!(v.low(m.tokens.end), "’s" | "'s" | "’" | "'");
            let subject = match comma {
                None => opens(first_in_sentence),
                Some(c) => !owner && opens(c + 1),
            };
            // "(Reuters) —", "(NYAG)": a wire's credit or an abbreviation
            // in brackets is not who "the company" is.
            let bracketed = v.tok(m.tokens.start.wrapping_sub(1)) == "("
                && v.tok(m.tokens.end) == ")"
                && self.names.people.get(m.person).is_some_and(|p| p.org);
            if bracketed {
                continue;
            }
            // "a Netflix documentary": an organisation's name used as a
            // modifier is not what a later "the company" or "it" stands for.
            let e = m.tokens.end;
            let modifier = self.names.people.get(m.person).is_some_and(|p| p.org)
                && matches!(v.low(m.tokens.start.wrapping_sub(1)), "a" | "an")
                && v.is_word(e)
                && !v.is_cap(e)
                && !v.is(e, Class::Stop)
                && !v.is(e, Class::Skip)
                && !v.tags(e).starts_cue();
            if !modifier {
                self.note(v, m.person, m.tokens.start, subject);
            }
        }
    }

    /// Records that `person` was named (as a subject or speaker, or not) at token `at`.
    pub fn note(&mut self, v: &View, person: usize, at: usize, subject: bool) {
        let Some(p) = self.names.people.get(person) else { return };
        let para = v.paragraph_of(at);
        if p.org {
            if p.kind == crate::EntityType::ORG {
                self.last_org = Some((person, para));
                if subject {
                    self.subject_org = Some((person, para));
                }
                if self.orgs.last() != Some(&person) {
                    // A bounded list keeps each mention constant work on long texts.
                    self.orgs.retain(|&o| o != person);
                    if self.orgs.len() >= MAX_ORGS {
                        self.orgs.remove(0);
                    }
                    self.orgs.push(person);
                }
            }
            return;
        }
        let gender = self.genders.get(person).copied().unwrap_or(Gender::Unknown);
        for (slot, excluded) in [(MALE, Gender::Female), (FEMALE, Gender::Male)] {
            if gender != excluded {
                let sentence = v.sentence_of(at);
                if let Some(s) = self.any.get_mut(slot) {
                    *s = Some((person, para));
                }
                if let Some(s) = self.any_sentence.get_mut(slot) {
                    *s = sentence;
                }
                if subject {
                    if let Some(s) = self.subject.get_mut(slot) {
                        *s = Some((person, para));
                    }
                    if let Some(s) = self.subject_sentence.get_mut(slot) {
                        *s = sentence;
                    }
                }
            }
        }
        if subject {
            self.subject_person = Some((person, para));
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
        let para = v.paragraph_of(r.start);
        // "We’ll", "she'd": the pronoun, without its verb.
        let contracted = super::subject::pronoun_contracted(first).filter(|_| r.len() == 1);
        let (first, text) = match contracted {
            Some(p) => (p, text.get(..p.len()).unwrap_or(text)),
            None => (first, text),
        };
        if r.len() == 1
            && (v.is(r.start, Class::Pronoun)
                || contracted.is_some()
                || matches!(first, "who" | "which" | "that"))
        {
            let slot = match first {
                "he" => MALE,
                "she" => FEMALE,
                "it" => {
                    return self
                        .recent_org(para)
                        .map(|p| self.resolved(p))
                        .or_else(|| self.body(para))
                        .unwrap_or(own(text))
                }
                "they" => return self.group(v, para).unwrap_or(own(text)),
                "who" | "which" | "that" => {
                    return self
                        .antecedent(v, r.start)
                        .or_else(|| described_before(v, r.start).map(|name| Resolved { name, person: None }))
                        .unwrap_or(own(text))
                }
                _ => return own(text),
            };
            let sentence = v.sentence_of(r.start);
            // "A spokeswoman said …. She added": the unnamed speaker, when
            // no one of that gender was named since.
            if let Some(name) = self.described_since(slot, para, sentence) {
                return own(name);
            }
            return match self.pick(slot, para, sentence) {
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
        // "A spokeswoman for Haddad", "an aide to Sen. Lee": someone who
        // speaks for the person named, not that person.
        if on_behalf(v, r.clone()) {
            self.note_described(v, r, text);
            return own(text);
        }
        if let Some(p) = self.names.lookup(v, r.clone()) {
            self.note(v, p, r.start, true);
            return self.resolved(p);
        }
        // A description: "the secretary", "the company", "a White House spokesman".
        let definite = matches!(first, "the" | "this" | "that");
        let head = r.clone().rev().find(|&k| v.is_word(k) || super::speaker::aged(v, k));
        // "The San Francisco-based company": a place it is based in names no other.
        let based = (r.start + 1..r.end).rev().find(|&k| v.low(k).ends_with("-based"));
        let from = based.map_or(r.start + 1, |b| b + 1);
        if definite && r.end - from <= 3 {
            if let Some(h) = head.filter(|&h| !v.is_cap(h) || h == r.start) {
                // "the company", "the production company"; not "the French foreign ministry".
                // Nor "the teachers' union", "the city's transit agency": an
                // owner makes it another organisation than the last named.
                let owned = (from..h).any(|k| super::speaker::possessive(v, k));
                let plain = (from..h).all(|k| !v.is_cap(k)) && !owned;
                if v.is(h, Class::Org) && plain {
                    if let Some(p) = self.org_named(v.low(h)) {
                        // "The commission urged …. It said": named again, as a subject.
                        self.note(v, p, r.start, true);
                        return self.resolved(p);
                    }
                    if let Some(p) = self.recent_org(para) {
                        return self.resolved(p);
                    }
                }
                if let Some(&p) = self.by_title.get(v.low(h)).filter(|_| v.is(h, Class::Title)) {
                    return self.resolved(p);
                }
                // "The real estate agent said", "said the 25-year-old", after
                // a sentence about Ann Lee: Ann Lee.
                if (v.is(h, Class::Title) || super::speaker::aged(v, h)) && !v.is_cap(h) {
                    if let Some((p, _)) = self.subject_person.filter(|&(_, at)| at + 1 >= para) {
                        return self.resolved(p);
                    }
                }
                // "the statement said": its author, an organisation named just before.
                // An organisation that spoke or acted comes before one only
                // named ("The court ruled that the act …. the ruling said").
                if crate::text::lexicon::is_document(v.low(h)) {
                    let subject = self.subject_org.filter(|&(_, at)| at + 4 >= para);
                    if let Some((p, _)) = subject {
                        return self.resolved(p);
                    }
                    if let Some(body) = self.body(para) {
                        return body;
                    }
                    if let Some(p) = self.recent_org(para) {
                        return self.resolved(p);
                    }
                }
            }
        }
        // "according to a new report by Acme News", "data from Acme": the author.
        if matches!(v.low(r.end), "by" | "from") {
            let i = self.names.mentions.partition_point(|m| m.tokens.start <= r.end);
            if let Some(m) = self.names.mentions.get(i).filter(|m| m.tokens.start <= r.end + 2) {
                return self.resolved(m.person);
            }
        }
        if head
            .is_some_and(|h| !v.is_cap(h) && v.low(h).ends_with('s') && !v.low(h).ends_with("ss"))
        {
            self.last_group = Some((r.clone(), para));
        }
        let name = self.descriptions.name(v, r.clone(), head, text, para);
        if head.is_some_and(|h| v.is(h, Class::Org) && !v.is_cap(h)) {
            self.last_body = Some((name, para));
        }
        self.note_described(v, r, name);
        own(name)
    }

    /// The unnamed organisation that spoke last, within the last two paragraphs.
    fn body(&self, para: usize) -> Option<Resolved<'v>> {
        self.last_body
            .filter(|&(_, at)| at + 2 >= para)
            .map(|(name, _)| Resolved { name, person: None })
    }

    /// The organisation an "it" or "the company" stands for: the last one
    /// named within the last few paragraphs.
    fn recent_org(&self, para: usize) -> Option<usize> {
        let recent =
            |o: Option<(usize, usize)>| o.filter(|&(_, at)| at + 4 >= para).map(|(p, _)| p);
        recent(self.subject_org).or_else(|| recent(self.last_org))
    }

    /// The organisation last named whose name has `word` in it ("the
    /// authority" -> "Northfield Transit Authority").
    fn org_named(&self, word: &str) -> Option<usize> {
        self.orgs.iter().rev().copied().find(|&o| {
            self.names
                .people
                .get(o)
                .is_some_and(|p| p.name.split_whitespace().any(|w| w.eq_ignore_ascii_case(word)))
        })
    }

    /// What a "they" stands for: the last group that spoke ("officials"),
    /// else the last organisation, when recent.
    fn group(&self, v: &View<'_, 'v>, para: usize) -> Option<Resolved<'v>> {
        let group = self.last_group.clone().filter(|(_, at)| at + 2 >= para);
        let org = self.last_org.filter(|&(_, at)| at + 2 >= para);
        match (group, org) {
            (Some((_, g)), Some((p, o))) if g < o => Some(self.resolved(p)),
            (Some((r, _)), _) => Some(Resolved {
                name: v.doc.slice(v.start(r.start), v.end(r.end.saturating_sub(1))),
                person: None,
            }),
            (None, org) => org.map(|(p, _)| self.resolved(p)),
        }
    }

    /// What a relative "who" stands for: the name just before it
    /// ("Ann Lee, who chairs the board, said").
    fn antecedent(&self, v: &View<'_, 'v>, who: usize) -> Option<Resolved<'v>> {
        let k = super::described::before_relative(v, who, 0);
        // "reported by the Ledger on Monday, which said": past the time.
        let time = |t: usize| v.is_word(t) && v.is(t, Class::Adjunct);
        let timed = (k.saturating_sub(3)..k).find(|&j| (j..k).all(time));
        let k = timed.map_or(k, |j| if j > 0 && v.low(j - 1) == "on" { j - 1 } else { j });
        let i = self.names.mentions.partition_point(|m| m.tokens.end < k);
        let m = self.names.mentions.get(i).filter(|m| m.tokens.end == k)?;
        Some(self.resolved(m.person))
    }

    fn resolved(&self, p: usize) -> Resolved<'v> {
        Resolved { name: self.names.people.get(p).map_or("", |x| x.name), person: Some(p) }
    }
}
