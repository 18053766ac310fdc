//! Who said it, case by case: each kind of wrong speaker seen on real
//! articles, written as short made-up sentences, and what the analyzer must
//! give instead (the speaker's resolved name, or no quote at all).
//! The cases are grouped by theme into the modules below.

use whosaid::{analyze, Options, Quote};

pub(crate) fn quotes(text: &str) -> Vec<Quote> {
    analyze(text, &Options::default()).quotes
}

/// The first quote of `text` whose text contains `what` (the test fails,
/// showing every quote, when there is none).
pub(crate) fn quote_with(text: &str, what: &str) -> Quote {
    let qs = quotes(text);
    let q = qs.iter().find(|q| q.text.contains(what)).cloned();
    q.unwrap_or_else(|| panic!("no quote with {what:?} in {qs:#?}"))
}

/// The resolved speaker name of the quote whose text contains `what`.
pub(crate) fn name_for(text: &str, what: &str) -> String {
    quote_with(text, what).speaker.map(|s| s.name).unwrap_or_default()
}

mod clauses;
mod coreference;
mod cues;
mod extent;
mod junk;
mod mentions;
mod quotations;
mod structure;
