//! Texts too long for one [`crate::text::Doc`]: token offsets are 32-bit, so a
//! text of 4 GiB or more (native only; a wasm module cannot hold one) is
//! cut into pieces at paragraph breaks, each piece analysed on its own, and
//! the results joined with their offsets moved back into the whole text.
//! Quotes and entities do not cross pieces; nothing is dropped.
//!
//! Guarantees: every piece is at most `max` bytes plus the rest of a
//! character cut at `max` (3 bytes), and at least one character, cut on a
//! char boundary; linear time; no panics.

use crate::{Analysis, OffsetUnit, Options};

/// The largest text analysed in one piece: a piece may run 3 bytes past
/// its limit to end a character, and must still fit 32-bit offsets.
pub const MAX_PIECE: usize = u32::MAX as usize - 3;

/// [`crate::analyze`] of `text` in pieces of at most `max` bytes (see the
/// module's guarantees).
pub fn analyze(text: &str, options: &Options, max: usize) -> Analysis {
    let bytes = Options { offsets: OffsetUnit::Utf8, ..options.clone() };
    let mut out = Analysis::default();
    let mut at = 0;
    while let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        let piece = rest.get(..cut(rest, max)).unwrap_or(rest);
        let mut a = crate::analyze_doc(piece, &bytes);
        let earlier = out.entities.len();
        a.for_each_offset(|o| *o += at);
        for sp in a.quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
            sp.entity = sp.entity.map(|e| e + earlier);
        }
        out.quotes.append(&mut a.quotes);
        out.entities.append(&mut a.entities);
        at += piece.len();
    }
    if options.offsets != OffsetUnit::Utf8 {
        out.convert_offsets(text, options.offsets);
    }
    out
}

/// Where to end the first piece of `rest`: after its last paragraph break
/// (else line break, else space) within `max` bytes, else at the last char
/// boundary within them; never at 0, so every piece makes progress.
fn cut(rest: &str, max: usize) -> usize {
    if rest.len() <= max {
        return rest.len();
    }
    let mut limit = max.max(1);
    while !rest.is_char_boundary(limit) {
        limit += 1;
    }
    let head = rest.get(..limit).unwrap_or(rest);
    let after = |sep: &str| head.rfind(sep).map(|i| i + sep.len()).filter(|&i| i > 0);
    after("\n\n").or_else(|| after("\n")).or_else(|| after(" ")).unwrap_or(limit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    const TEXT: &str = "Ann Lee said, \"We will win the vote.\"\n\nIn Paris, Bob Day said the plan had failed.\n\n\"It is over,\" Lee said.";

    #[test]
    fn pieces_end_at_paragraph_breaks_within_the_limit() {
        assert_eq!(cut("ab\n\ncd\n\nef", 9), 8);
        assert_eq!(cut("ab cd\nef", 7), 6);
        assert_eq!(cut("abcdef", 4), 4);
        assert_eq!(cut("aé", 2), 3, "a cut inside a character moves past it");
        assert_eq!(cut("abc", 0), 1, "every piece takes at least one character");
        assert_eq!(cut("abc", 10), 3);
    }

    #[test]
    fn every_piece_fits_its_limit_and_ends_on_a_character() {
        let text = "Ann said “yes”.\n\nBéla left 🙂 early, then Zoé.\nEnd";
        for max in 0..text.len() + 2 {
            let mut at = 0;
            while at < text.len() {
                let n = cut(text.get(at..).unwrap_or(""), max);
                assert!(n > 0 && n <= max.max(1) + 3, "max {max} at {at}: {n}");
                at += n;
                assert!(text.is_char_boundary(at), "max {max}: {at}");
            }
        }
    }

    #[test]
    fn pieced_results_point_into_the_whole_text() {
        let whole = analyze(TEXT, &Options::default());
        let pieced = super::analyze(TEXT, &Options::default(), 50);
        assert!(pieced.quotes.len() >= 2, "{pieced:?}");
        for q in &pieced.quotes {
            assert_eq!(TEXT.get(q.start..q.end), Some(q.text.as_str()));
            if let Some(sp) = &q.speaker {
                assert_eq!(TEXT.get(sp.start..sp.end), Some(sp.text.as_str()));
                let named = sp.entity.and_then(|e| pieced.entities.get(e)).map(|e| e.name.as_str());
                assert!(
                    sp.entity.is_none() || named == Some(sp.name.as_str()),
                    "{sp:?} -> {named:?}"
                );
            }
        }
        for m in pieced.entities.iter().flat_map(|e| &e.mentions) {
            assert_eq!(TEXT.get(m.start..m.end), Some(m.text.as_str()));
        }
        // Each paragraph is its own piece here; its quotes are the same.
        let spans = |a: &Analysis| a.quotes.iter().map(|q| (q.start, q.end)).collect::<Vec<_>>();
        assert_eq!(spans(&pieced), spans(&whole));
    }

    #[test]
    fn pieced_offsets_are_converted_for_the_whole_text() {
        let text = format!("«Ça va», dit Zoé.\n\n{TEXT}");
        let cp = Options { offsets: OffsetUnit::Codepoint, ..Options::default() };
        let pieced = super::analyze(&text, &cp, 40);
        let chars: Vec<char> = text.chars().collect();
        for m in pieced.entities.iter().flat_map(|e| &e.mentions) {
            let got: String = chars.get(m.start..m.end).unwrap_or(&[]).iter().collect();
            assert_eq!(got, m.text);
        }
        assert!(!pieced.entities.is_empty());
    }
}
