//! The people and organisations a quote can be attributed to: each
//! capitalised name in the document, split into title and name ("Secretary
//! of State" + "Rex Tillerson"), with a guess at its gender, so that
//! "Tillerson", "he" and "the secretary" can be turned into "Rex Tillerson".
//!
//! When the entity stage has found PERSON and ORG mentions they are used;
//! otherwise capitalised-word heuristics stand in.
//!
//! Guarantees: one pass over tokens plus hash lookups (linear); names and
//! titles are borrowed from the view, never copied; no panics.

use super::lexicon::Class;
use super::view::View;
use crate::coref::EntityTable;
use crate::EntityType;
use crate::text::fasthash::FastMap;

/// What a pronoun can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// One person or organisation.
#[derive(Clone, Debug)]
pub struct Person<'v> {
    /// The longest form of the name, without title.
    pub name: &'v str,
    /// Lower-cased title words seen with it ("secretary", "state").
    pub titles: Vec<&'v str>,
    pub gender: Gender,
    pub org: bool,
    /// The entity cluster, when the entity stage knows it.
    pub entity: Option<usize>,
}

/// A mention of a person: token range and index into `people`.
#[derive(Clone, Debug)]
pub struct NameMention {
    pub tokens: std::ops::Range<usize>,
    pub person: usize,
}

/// All names of a document.
pub struct Names<'v> {
    pub people: Vec<Person<'v>>,
    /// In text order.
    pub mentions: Vec<NameMention>,
    /// Lower-cased last name word -> person.
    by_last: FastMap<&'v str, usize>,
    /// The title words of the run being read (token indices): kept between
    /// runs so that a run allocates nothing of its own.
    titles: Vec<usize>,
    /// The person of each distinct word (vocabulary id) already seen as a
    /// last name word, so that a repeated name hashes nothing. One lower
    /// case has one entry in `by_last`, so a word's answer never changes.
    last_of_word: Vec<u32>,
}

impl<'v> Names<'v> {
    /// Finds the names of the document.
    pub fn new(v: &'v View, table: &EntityTable) -> Names<'v> {
        let last_of_word = vec![u32::MAX; v.doc.vocab.words().len()];
        // About one name run every ten tokens, and two runs per person (a
        // long text repeats its people: never more than its distinct words allow).
        let runs = v.len() / 10 + 4;
        let persons = (runs / 2).min(v.doc.vocab.words().len() / 4 + 4);
        let (people, mentions) = (Vec::with_capacity(persons), Vec::with_capacity(runs));
        let by_last = FastMap::with_capacity_and_hasher(persons, Default::default());
        let mut names = Names { people, mentions, by_last, titles: Vec::new(), last_of_word };
        let mut cursor = MentionCursor::new(table);
        let mut i = v.next_name_candidate(0);
        while i < v.len() {
            if !is_name_token(v, i) {
                i = v.next_name_candidate(i + 1);
                continue;
            }
            // A run of name tokens within one paragraph.
            let para = v.paragraph_of(i);
            let mut k = i + 1;
            while k < v.len() && is_name_token(v, k) && v.paragraph_of(k) == para {
                k += 1;
            }
            names.add_run(v, &mut cursor, i, k);
            i = v.next_name_candidate(k);
        }
        names
    }

    /// The person a phrase names ("Secretary of State Rex Tillerson",
    /// "Tillerson"), by its last name word.
    pub fn lookup(&self, v: &View, r: std::ops::Range<usize>) -> Option<usize> {
        // "Mr. Morgan of the Sierra Club" is Morgan.
        let of = r.clone().find(|&k| v.low(k) == "of" && (r.start..k).any(|j| v.is_cap(j) && !v.is(j, Class::Title)));
        let r = r.start..of.unwrap_or(r.end);
        let last = r.rev().find(|&k| v.is_cap(k) && !v.is(k, Class::Title))?;
        self.by_last.get(v.low(last)).copied()
    }

    fn add_run(&mut self, v: &'v View, entities: &mut MentionCursor, start: usize, end: usize) {
        // Split off the title words and a leading "The".
        let mut titles = std::mem::take(&mut self.titles);
        titles.clear();
        let mut n = start;
        while n < end {
            let tags = v.tags(n);
            if tags.has(Class::Title) {
                titles.push(n);
            } else if !(tags.has(Class::Determiner) || v.tok(n) == "." || v.low(n) == "of") {
                break;
            }
            n += 1;
        }
        let mut e = end;
        while e > n && (v.tok(e - 1) == "." || v.low(e - 1) == "of") {
            e -= 1;
        }
        if n < e {
            self.add_name(v, entities, start, n..e, &mut titles);
        }
        self.titles = titles;
    }

    /// Adds the name `r` of a run that starts at `start`, after the title
    /// words `titles` (token indices).
    fn add_name(&mut self, v: &'v View, entities: &mut MentionCursor, start: usize, r: std::ops::Range<usize>, titles: &mut Vec<usize>) {
        let (mut n, e) = (r.start, r.end);
        let org = (n..e).any(|k| v.is(k, Class::Org)) || v.low(start) == "the";
        if !org {
            // "Russian President Vladimir Putin": the name follows the last title word.
            if let Some(t) = (n..e).rev().find(|&k| v.is(k, Class::Title)) {
                if t + 1 < e {
                    titles.extend((n..=t).filter(|&k| v.is(k, Class::Title)));
                    n = t + 1;
                }
            }
        }
        if e - n == 1 {
            let sentence_first = v.doc.sentences.get(v.sentence_of(n)).is_some_and(|s| s.tokens.start == n);
            if sentence_first && crate::text::lexicon::is_sentence_opener(v.tok(n)) {
                return;
            }
        }
        // A title word's tags are those of its lower case, so asking the token is the same.
        let gender = if titles.iter().any(|&t| v.is(t, Class::Female)) || v.is(n, Class::Female) && e - n > 1 {
            Gender::Female
        } else if titles.iter().any(|&t| v.is(t, Class::Male)) || v.is(n, Class::Male) && e - n > 1 {
            Gender::Male
        } else {
            Gender::Unknown
        };
        let entity = entities.over(v.start(n), v.end(e - 1));
        let name = v.doc.slice(v.start(n), v.end(e - 1));
        let word = v.doc.vocab.id(e - 1);
        let p = match self.last_of_word.get(word) {
            Some(&p) if p != u32::MAX => p as usize,
            _ => {
                let people = &mut self.people;
                let p = *self.by_last.entry(v.low(e - 1)).or_insert_with(|| {
                    people.push(Person { name: "", titles: Vec::new(), gender, org, entity });
                    people.len() - 1
                });
                if let Some(slot) = self.last_of_word.get_mut(word) {
                    *slot = u32::try_from(p).unwrap_or(u32::MAX);
                }
                p
            }
        };
        if let Some(person) = self.people.get_mut(p) {
            if name.len() > person.name.len() {
                person.name = name;
            }
            // Each title once: a person named a thousand times keeps a short
            // list, so resolving a mention stays constant time.
            for &k in titles.iter() {
                let t = v.low(k);
                if !person.titles.contains(&t) {
                    person.titles.push(t);
                }
            }
            if person.gender == Gender::Unknown {
                person.gender = gender;
            }
            person.org |= org;
            person.entity = person.entity.or(entity);
        }
        self.mentions.push(NameMention { tokens: n..e, person: p });
    }
}

/// Whether token `k` can be part of a capitalised name run.
fn is_name_token(v: &View, k: usize) -> bool {
    if v.is_cap(k) {
        return v.is_name_word(k);
    }
    // "." and "of" join a run only after a capitalised word.
    if !v.is_joiner(k) || !k.checked_sub(1).is_some_and(|p| v.is_cap(p)) {
        return false;
    }
    match v.tok(k) {
        "." => v.tok(k - 1).len() <= 3 && v.end(k - 1) == v.start(k),
        "of" => v.is_cap(k + 1),
        _ => false,
    }
}

/// Finds the entity cluster of the PERSON or ORG mention overlapping a
/// span, for spans that mostly come in text order: a cursor moves forward
/// through the mentions, and only a span that goes back costs a binary
/// search. (A binary search per name was a cache miss per step on long
/// texts, and made the quote stage grow faster than the text.)
pub(super) struct MentionCursor<'t> {
    table: &'t EntityTable,
    /// The first mention that does not end before the last span's start.
    at: usize,
}

impl<'t> MentionCursor<'t> {
    pub(super) fn new(table: &'t EntityTable) -> Self {
        MentionCursor { table, at: 0 }
    }

    /// The cluster of a PERSON or ORG mention overlapping `start..end`.
    pub(super) fn over(&mut self, start: usize, end: usize) -> Option<usize> {
        let ms = &self.table.mentions;
        if self.at > 0 && ms.get(self.at - 1).is_some_and(|m| m.end > start) {
            self.at = ms.partition_point(|m| m.end <= start);
        }
        while ms.get(self.at).is_some_and(|m| m.end <= start) {
            self.at += 1;
        }
        let m = ms.get(self.at)?;
        let fits = m.start < end && matches!(m.kind, EntityType::PERSON | EntityType::ORG);
        fits.then(|| self.table.cluster_of.get(self.at).copied()).flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    /// One person found: name, titles, gender, and whether it is an organisation.
    type Found = (String, Vec<String>, Gender, bool);

    /// The people found in `t`, and the number of mentions.
    fn names(t: &str) -> (Vec<Found>, usize) {
        let d = Doc::new(t);
        let v = View::new(&d);
        let table = crate::coref::cluster(&d, Vec::new());
        let n = Names::new(&v, &table);
        let people = n.people.iter().map(|p| (p.name.to_string(), p.titles.iter().map(|t| t.to_string()).collect(), p.gender, p.org)).collect();
        (people, n.mentions.len())
    }

    #[test]
    fn the_mention_cursor_agrees_with_a_search_forward_and_back() {
        let t = "Ann Lee met Bob Day at Acme Corp in Paris. Then Ann Lee and Acme left.";
        let d = Doc::new(t);
        let table = crate::coref::cluster(&d, crate::entities::find(&d));
        let search = |s: usize, e: usize| {
            let i = table.mentions.partition_point(|m| m.end <= s);
            let m = table.mentions.get(i)?;
            (m.start < e && matches!(m.kind, EntityType::PERSON | EntityType::ORG)).then(|| table.cluster_of.get(i).copied()).flatten()
        };
        let spans: Vec<(usize, usize)> = d.tokens.iter().map(|t| (t.start(), t.end())).collect();
        let mut c = MentionCursor::new(&table);
        let mut found = 0;
        for &(s, e) in spans.iter().chain(spans.iter().rev()) {
            assert_eq!(c.over(s, e), search(s, e), "{}", &t[s..e]);
            found += usize::from(search(s, e).is_some());
        }
        assert!(found >= 10, "{found}");
    }

    #[test]
    fn a_last_name_in_any_case_and_repeated_is_one_person() {
        let (people, mentions) = names("Ann Lee spoke. Then ANN LEE wrote. Lee left, and Bo Day met Lee and Day.");
        let names: Vec<&str> = people.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["Ann Lee", "Bo Day"]);
        assert_eq!(mentions, 6);
    }

    #[test]
    fn a_title_repeated_with_a_name_is_kept_once() {
        let text = "Senator Ann Lee spoke. ".repeat(50);
        let doc = Doc::new(&text);
        let table = crate::coref::cluster(&doc, crate::entities::find(&doc));
        let v = View::new(&doc);
        let n = Names::new(&v, &table);
        assert!(n.people.iter().all(|p| p.titles.len() <= 1), "{:?}", n.people.iter().map(|p| p.titles.len()).collect::<Vec<_>>());
    }

    #[test]
    fn titles_are_split_and_short_forms_join_the_long_one() {
        let (people, mentions) = names("Secretary of State Rex Tillerson spoke. Later Tillerson left.");
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].0, "Rex Tillerson");
        assert!(people[0].1.contains(&"secretary".to_string()));
        assert_eq!(mentions, 2);
    }

    #[test]
    fn gender_and_organisations() {
        let (people, _) = names("Mrs. Clinton met Donald Trump and The New York Times.");
        let find = |s: &str| people.iter().find(|p| p.0 == s).unwrap();
        assert_eq!(find("Clinton").2, Gender::Female);
        assert_eq!(find("Donald Trump").2, Gender::Male);
        assert!(find("New York Times").3);
    }
}
