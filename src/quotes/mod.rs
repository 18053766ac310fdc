//! Quotations and their speakers. The stages: pair quotation marks
//! ([`marks`]), then turn each quoted span into a [`Quote`].

pub mod marks;

use crate::coref::EntityTable;
use crate::text::Doc;
use crate::{Quote, QuoteKind};

/// Finds the quotations of a document, in text order.
pub fn find(doc: &Doc, _entities: &EntityTable) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    for m in marks::pair(doc) {
        if m.single || m.end <= m.start {
            continue;
        }
        let (start, end) = trim(doc.text, m.start, m.end);
        if start < end {
            out.push(Quote {
                start,
                end,
                text: doc.slice(start, end).to_string(),
                kind: QuoteKind::Direct,
                cue: None,
                speaker: None,
            });
        }
    }
    out
}

/// Trims whitespace from both ends of a byte span.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = text.get(start..end).unwrap_or("");
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead, (end - trail).max(start + lead))
}
