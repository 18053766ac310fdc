//! Gender evidence from the article's own pronouns, for people whose title
//! and given name say nothing ("Taylor Swift", "Pat Dunne"): in a sentence
//! that names one person and no other, the "he"/"his" or "she"/"her" that
//! follow it outside quotation marks, and the pronoun that opens the next
//! sentence, most likely stand for that person. A clear majority of such
//! votes sets the gender; titles and given names, when they speak, win.
//!
//! Guarantees: one pass over sentences, mentions and the bytes of each
//! sentence, tokens only where one person is named (linear); only
//! clusters of unknown gender change; no panics.

use super::{EntityTable, Gender};
use crate::text::Doc;
use crate::EntityType;

/// Votes needed, and the factor by which one side must outnumber the other.
const MIN_VOTES: u32 = 1;
const MAJORITY: u32 = 3;

/// Sets the gender of the people of unknown gender from the pronouns
/// around their mentions.
pub fn guess(doc: &Doc, table: &mut EntityTable) {
    let n = table.clusters.len();
    let mut votes = vec![(0u32, 0u32); n];
    let mut m = 0;
    let mut quoted = false;
    // The quotation marks: byte offset and what the mark does.
    let all_marks = find_marks(doc.text);
    let mut next_mark = 0;
    // The person of the sentence before, when it named only one.
    let mut previous: Option<usize> = None;
    for s in &doc.sentences {
        let opens_quoted = quoted;
        let first_mark = next_mark.max(all_marks.partition_point(|(b, _)| *b < s.start));
        next_mark = first_mark
            + all_marks.get(first_mark..).unwrap_or(&[]).partition_point(|(b, _)| *b < s.end);
        let marks = all_marks.get(first_mark..next_mark).unwrap_or(&[]);
        quoted = Walk { marks, next: 0, quoted: opens_quoted }.inside(s.end);
        // Mentions and tokens are asked in text order: a walk, not a scan each.
        let mut mention_walk = Walk { marks, next: 0, quoted: opens_quoted };
        m = m.max(table.mentions.partition_point(|x| x.start < s.start));
        let mut person: Option<(usize, usize)> = None;
        let mut alone = true;
        while let Some(x) = table.mentions.get(m).filter(|x| x.start < s.end) {
            let c = table.cluster_of.get(m).copied().unwrap_or(usize::MAX);
            m += 1;
            let is_person = table.clusters.get(c).is_some_and(|k| k.kind == EntityType::PERSON);
            if !is_person || mention_walk.inside(x.start) {
                continue;
            }
            match person {
                None => person = Some((c, x.end)),
                Some((p, _)) if p == c => {}
                Some(_) => alone = false,
            }
        }
        // "She" opening a sentence after one that named only one person.
        if let Some(c) = previous {
            let t = s.tokens.start;
            let at = doc.tokens.get(t).map_or(usize::MAX, |x| x.start());
            let mut walk = Walk { marks, next: 0, quoted: opens_quoted };
            if let Some(side) = pronoun_side(doc.tok(t)).filter(|_| !walk.inside(at)) {
                vote(&mut votes, c, side);
            }
        }
        if let Some((c, after)) = person.filter(|_| alone) {
            let mut walk = Walk { marks, next: 0, quoted: opens_quoted };
            for t in s.tokens.clone() {
                let at = doc.tokens.get(t).map_or(0, |x| x.start());
                if at < after {
                    continue;
                }
                if let Some(side) = pronoun_side(doc.tok(t)).filter(|_| !walk.inside(at)) {
                    vote(&mut votes, c, side);
                }
            }
        }
        // Quotation marks do not carry across paragraphs unclosed.
        quoted = quoted && !ends_paragraph(doc, s.end);
        previous = person.filter(|_| alone).map(|(c, _)| c);
    }
    for (c, (male, female)) in votes.into_iter().enumerate() {
        let Some(k) = table.clusters.get_mut(c) else { continue };
        if k.gender != Gender::Unknown {
            continue;
        }
        if male >= MIN_VOTES && male >= MAJORITY * female {
            k.gender = Gender::Male;
        } else if female >= MIN_VOTES && female >= MAJORITY * male {
            k.gender = Gender::Female;
        }
    }
}

/// What a quotation mark does to the quoted state.
#[derive(Clone, Copy)]
enum Mark {
    Open,
    Close,
    Toggle,
}

/// The double quotation marks of the whole text, in order (a vectorised
/// byte search: most of a text has none).
fn find_marks(text: &str) -> Vec<(usize, Mark)> {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'"', 0xE2, bytes)
        .filter_map(|i| {
            let mark = match (bytes.get(i), bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(b'"'), _, _) => Mark::Toggle,
                (_, Some(0x80), Some(0x9C)) => Mark::Open,
                (_, Some(0x80), Some(0x9D)) => Mark::Close,
                _ => return None,
            };
            Some((i, mark))
        })
        .collect()
}

/// The quoted state along a sentence, asked at increasing offsets.
struct Walk<'m> {
    marks: &'m [(usize, Mark)],
    next: usize,
    quoted: bool,
}

impl Walk<'_> {
    /// Whether byte `at` (not before the last one asked) is inside quotation marks.
    fn inside(&mut self, at: usize) -> bool {
        while let Some(&(_, mark)) = self.marks.get(self.next).filter(|(b, _)| *b < at) {
            self.quoted = match mark {
                Mark::Open => true,
                Mark::Close => false,
                Mark::Toggle => !self.quoted,
            };
            self.next += 1;
        }
        self.quoted
    }
}

fn vote(votes: &mut [(u32, u32)], c: usize, male: bool) {
    if let Some(v) = votes.get_mut(c) {
        if male {
            v.0 += 1;
        } else {
            v.1 += 1;
        }
    }
}

/// Some(true) for a masculine third-person pronoun, Some(false) for a
/// feminine one.
fn pronoun_side(word: &str) -> Option<bool> {
    match word {
        "he" | "He" | "him" | "his" | "His" | "himself" => Some(true),
        "she" | "She" | "her" | "Her" | "hers" | "herself" => Some(false),
        _ => None,
    }
}

/// Whether a paragraph break follows byte `end` (a blank line or a new line).
fn ends_paragraph(doc: &Doc, end: usize) -> bool {
    doc.text.as_bytes().get(end..).is_some_and(|rest| {
        rest.iter().take_while(|b| b.is_ascii_whitespace()).any(|&b| b == b'\n')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn gender_of(text: &str, name: &str) -> Gender {
        let doc = Doc::new(text);
        let table = crate::coref::cluster(&doc, crate::entities::find(&doc));
        table.clusters.iter().find(|c| c.name == name).map_or(Gender::Unknown, |c| c.gender)
    }

    #[test]
    fn pronouns_after_the_only_person_give_the_gender() {
        let t = "Lindsay Marlo posted a long note about her first two albums. She wants them back.";
        assert_eq!(gender_of(t, "Lindsay Marlo"), Gender::Female);
        let t = "Sasha Daro left the club in May. He joined the rival side a week later.";
        assert_eq!(gender_of(t, "Sasha Daro"), Gender::Male);
    }

    #[test]
    fn no_evidence_with_two_people_or_inside_quotes() {
        let t = "Sasha Daro met Lindsay Marlo and praised her work.";
        assert_eq!(gender_of(t, "Sasha Daro"), Gender::Unknown);
        let t = "Sasha Daro said: \"She is right about it.\"";
        assert_eq!(gender_of(t, "Sasha Daro"), Gender::Unknown);
    }
}
