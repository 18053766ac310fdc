//! The analysis of a text whose quotation marks are HTML references
//! (`&quot;We won,&quot; he said`): the copy with the references read as
//! marks ([`crate::text::html_marks`]) is analysed, and every span's text is
//! then taken from the original, so `text[start..end]` is a span's text as
//! ever. The copy is as long as the text and differs only in ASCII bytes,
//! so the offsets need no mapping.
//!
//! Guarantees: the same quotes and entities as the copy's analysis, with
//! texts from `text`; no panics.

use crate::{Analysis, OffsetUnit, Options};

/// [`crate::analyze_doc`] of `text` through its copy `copy`.
pub fn analyze(text: &str, copy: &str, options: &Options) -> Analysis {
    let bytes = Options { offsets: OffsetUnit::Utf8, ..options.clone() };
    let mut a = crate::analyze_plain(copy, &bytes);
    a.restore_spans(
        |start| start,
        |start, end, out| {
            if let Some(t) = text.get(start..end).filter(|t| *t != out.as_str()) {
                *out = t.to_string();
            }
        },
    );
    if options.offsets != OffsetUnit::Utf8 {
        a.convert_offsets(text, options.offsets);
    }
    a
}

#[cfg(test)]
mod tests {
    use crate::{analyze, OffsetUnit, Options};

    #[test]
    fn quotes_marked_by_references_are_found_with_offsets_into_the_text() {
        let text = "Zoë Brook ran the café. &quot;We will open in the spring,&quot; Brook said.";
        for offsets in [OffsetUnit::Utf8, OffsetUnit::Codepoint, OffsetUnit::Utf16] {
            let a = analyze(text, &Options { offsets, ..Options::default() });
            let q = a.quotes.first().unwrap_or_else(|| panic!("{a:#?}"));
            assert_eq!(q.text, "We will open in the spring,");
            assert_eq!(q.speaker.as_ref().map(|s| s.name.as_str()), Some("Zoë Brook"));
            if offsets == OffsetUnit::Codepoint {
                let chars: Vec<char> = text.chars().collect();
                let part: String = chars.get(q.start..q.end).unwrap_or_default().iter().collect();
                assert_eq!(part, q.text);
            }
        }
    }
}
