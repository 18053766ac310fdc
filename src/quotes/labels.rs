//! Transcript speaker labels: a paragraph that opens with a name in capitals
//! and a colon (`PENCE: Well, look, ...`) is that person speaking, to the
//! end of the paragraph. A label counts only when the same label opens
//! another paragraph of the document too, so that one-off section labels
//! ("UPDATE:", "VIDEO:", "CORRECTION:") are not read as speakers.
//!
//! Guarantees: one pass over the paragraphs and a few tokens at the start of
//! each, so linear time; no panics.

use super::attribution::Attribution;
use super::view::View;
use std::collections::HashMap;
use std::ops::Range;

/// The most words a label may have ("SEN. JOHN SMITH").
const MAX_LABEL_WORDS: usize = 4;

/// The labelled paragraphs of the document, as attributions in text order.
pub fn find(v: &View) -> Vec<Attribution> {
    let found: Vec<(Range<usize>, usize, usize)> =
        (0..v.doc.paragraphs.len()).filter_map(|p| label(v, v.paragraph_tokens(p))).collect();
    let mut count: HashMap<String, usize> = HashMap::new();
    for (r, _, _) in &found {
        *count.entry(key(v, r.clone())).or_default() += 1;
    }
    found
        .into_iter()
        .filter(|(r, _, _)| count.get(&key(v, r.clone())).is_some_and(|&n| n >= 2))
        .map(|(r, colon, last)| Attribution {
            cue: colon..colon + 1,
            speaker: Some(r.clone()),
            inherit: false,
            group: r.start,
            start: v.start(colon + 1),
            end: v.end(last),
            needs_entity: false,
        })
        .collect()
}

fn key(v: &View, r: Range<usize>) -> String {
    r.map(|k| v.low(k)).collect::<Vec<_>>().join(" ")
}

/// The label of the paragraph `p` (its tokens, the colon and the
/// paragraph's last token), when it opens with one and words follow it.
fn label(v: &View, p: Range<usize>) -> Option<(Range<usize>, usize, usize)> {
    // A quotation mark may open the paragraph ("\"PENCE: Well, ...").
    let first = if v.is_open_mark(p.start) || matches!(v.tok(p.start), "\"" | "“") {
        p.start + 1
    } else {
        p.start
    };
    let colon = (first..(first + MAX_LABEL_WORDS + 1).min(p.end)).find(|&k| v.tok(k) == ":")?;
    let shouting = |k: usize| {
        let t = v.tok(k);
        t == "."
            || v.is_word(k)
                && t.chars().any(char::is_alphabetic)
                && !t.chars().any(char::is_lowercase)
    };
    let words = (first..colon).filter(|&k| v.is_word(k)).count();
    let last = p.end.checked_sub(1)?;
    // Speech must follow: at least three words after the colon.
    let speech = (colon + 1..p.end).filter(|&k| v.is_word(k)).take(3).count() == 3;
    let furniture = v.is(first, crate::text::lexicon::Class::Label); // "PHOTO:", "VIDEO:"
    (words >= 1
        && !furniture
        && (first..colon).all(shouting)
        && v.tok(first).chars().count() >= 2
        && speech)
        .then_some((first..colon, colon, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn labels(t: &str) -> Vec<String> {
        let d = Doc::new(t);
        let v = View::new(&d);
        find(&v).iter().map(|a| t[a.start..a.end].trim().to_string()).collect()
    }

    #[test]
    fn repeated_capital_labels_open_speech() {
        let t = "ROSS: Good evening, and welcome to the show.\n\nLEE: Thanks for having me here.\n\nROSS: Shall we start?";
        assert_eq!(labels(t), ["Good evening, and welcome to the show.", "Shall we start?"]);
        assert_eq!(labels(&t.replace("ROSS", "\"ROSS")).len(), 2);
    }

    #[test]
    fn one_off_section_labels_are_not_speakers() {
        assert!(labels("UPDATE: The vote was moved to Friday.\n\nThe council met.").is_empty());
        assert!(labels("Ross: Good evening to all.\n\nRoss: Shall we start now?").is_empty());
    }
}
