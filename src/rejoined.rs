//! The analysis of a text whose words hyphenated at a line end were made
//! whole ([`crate::text::hyphens`]): the copy is analysed, then every span is
//! put back into the original text. Offsets move only where a rewritten
//! word starts, and the text of a span that takes one in is the original's
//! ("transpor-\ntation"), so `text[start..end]` is a span's text as ever;
//! entity names keep the whole word ("Schwarzenegger"), as a name should.
//!
//! Guarantees: the same quotes and entities as the copy's analysis, with
//! offsets into `text`; no panics.

use crate::text::hyphens::Rejoined;
use crate::{Analysis, OffsetUnit, Options};

/// [`crate::analyze`] of `text` through its rewritten copy `r`.
pub fn analyze(text: &str, r: &Rejoined, options: &Options) -> Analysis {
    let bytes = Options { offsets: OffsetUnit::Utf8, ..options.clone() };
    let mut a = crate::analyze_text(&r.text, Some(r.margin), &bytes);
    a.restore_spans(
        |start| r.original_start(start),
        |start, end, out| {
            if r.touches(start, end) {
                *out = text.get(start..end).unwrap_or_default().to_string();
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
    use crate::{analyze, Options};

    #[test]
    fn a_name_cut_at_a_line_end_is_one_name_with_offsets_into_the_text() {
        // Wrapped at 60 columns: "Ostergaard," did not fit on the line.
        let text = "The council met on Tuesday to talk about the bridge and the\n\
                    roads, and the new chief of the city port, Maria Oster-\n\
                    gaard, said the plans for the works would be ready soon,\n\
                    after a long delay that had annoyed the people of the town.\n\
                    \"We will open it in the spring,\" said Maria Ostergaard.";
        let a = analyze(text, &Options::default());
        let maria = a.entities.iter().find(|e| e.name == "Maria Ostergaard");
        let maria = maria.unwrap_or_else(|| panic!("{:#?}", a.entities));
        let cut = maria.mentions.iter().find(|m| m.text.contains('\n'));
        let cut = cut.unwrap_or_else(|| panic!("{:#?}", maria.mentions));
        assert_eq!(cut.text, "Maria Oster-\ngaard");
        // ASCII text: byte offsets are code points too.
        assert_eq!(text.get(cut.start..cut.end), Some(cut.text.as_str()));
        let q = a.quotes.iter().find(|q| q.text.starts_with("We will"));
        let speaker = q.and_then(|q| q.speaker.as_ref()).map(|s| s.name.as_str());
        assert_eq!(speaker, Some("Maria Ostergaard"));
    }

    #[test]
    fn every_span_is_its_text_in_code_points_around_a_cut_word() {
        // Non-ASCII before and inside the cut word: code point offsets
        // differ from bytes, and the rewritten copy moves multi-byte text.
        let text = "Zoë Brook, the héad of the council, met on Tuesday to talk about\n\
                    the bridge and the roads of the old town with Søren Øster-\n\
                    gaard, who said the plans for the works would be ready soon,\n\
                    after a long delay that had annoyed the people of the town.\n\
                    \"We will open it in the spring,\" said Søren Østergaard.";
        let options = Options { offsets: crate::OffsetUnit::Codepoint, ..Options::default() };
        let a = analyze(text, &options);
        let chars: Vec<char> = text.chars().collect();
        let slice = |s: usize, e: usize| chars.get(s..e).map(|c| c.iter().collect::<String>());
        let mut spans = 0;
        for m in a.entities.iter().flat_map(|e| &e.mentions) {
            assert_eq!(slice(m.start, m.end).as_deref(), Some(m.text.as_str()));
            spans += 1;
        }
        for q in &a.quotes {
            for p in q.parts.iter().chain(&q.cue) {
                assert_eq!(slice(p.start, p.end).as_deref(), Some(p.text.as_str()));
            }
        }
        assert!(spans >= 3, "{:#?}", a.entities);
        let soren = a.entities.iter().find(|e| e.name == "Søren Østergaard");
        assert!(soren.is_some_and(|e| e.mentions.iter().any(|m| m.text.contains("Øster-\ngaard"))));
    }
}
