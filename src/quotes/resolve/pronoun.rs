//! Which person or unnamed speaker a "he" or "she" stands for: the last
//! person of that gender named as a subject or speaker nearby, or an
//! unnamed speaker whose description marks the gender ("a spokeswoman")
//! when no one of that gender was named since.
//!
//! Guarantees: constant work per pronoun; no panics.

use super::{Resolver, MALE, FEMALE};
use crate::quotes::view::View;
use crate::text::lexicon::Class;
use std::ops::Range;

impl<'v> Resolver<'_, 'v> {
    /// Records unnamed speaker `name` (phrase `r`) for a later "he" or
    /// "she", when a word of its description marks one gender.
    pub(super) fn note_described(&mut self, v: &View, r: Range<usize>, name: &'v str) {
        let male = r.clone().any(|k| v.is(k, Class::Male));
        let female = r.clone().any(|k| v.is(k, Class::Female));
        let slot = match (male, female) {
            (true, false) => MALE,
            (false, true) => FEMALE,
            _ => return,
        };
        if let Some(d) = self.described.get_mut(slot) {
            *d = Some((name, v.sentence_of(r.start), v.paragraph_of(r.start)));
        }
    }

    /// The unnamed speaker of gender `slot` that spoke within a paragraph
    /// before `para`, after the last person of that gender was named.
    pub(super) fn described_since(&self, slot: usize, para: usize, sentence: usize) -> Option<&'v str> {
        let (name, at, p) = self.described.get(slot).copied().flatten()?;
        let named = |s: &[usize; 2]| s.get(slot).copied().filter(|&x| x != usize::MAX);
        let later_name = named(&self.any_sentence).max(named(&self.subject_sentence));
        (p + 1 >= para && at <= sentence && later_name.is_none_or(|n| n <= at)).then_some(name)
    }

    /// The person a he/she stands for: one named earlier in its sentence,
    /// else the last subject or speaker of that gender when recent, else
    /// the last person of that gender.
    pub(super) fn pick(&self, slot: usize, para: usize, sentence: usize) -> Option<usize> {
        let subject = self.subject.get(slot).copied().flatten();
        let any = self.any.get(slot).copied().flatten();
        let here = |s: &[usize; 2]| s.get(slot) == Some(&sentence);
        // One named in the pronoun's own sentence, unless it has a subject of that gender.
        if here(&self.any_sentence) && !here(&self.subject_sentence) {
            return any.map(|(p, _)| p);
        }
        match subject {
            Some((p, at)) if at + 2 >= para => Some(p),
            _ => any.or(subject).map(|(p, _)| p),
        }
    }
}
