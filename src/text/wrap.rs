//! Hard-wrapped text: text copied from a PDF, an e-mail or a wire feed has a
//! line break every 60-80 characters, inside paragraphs as well as between
//! them. This module tells the two apart, so that the rest of the analysis
//! reads a wrapped paragraph as one paragraph (offsets stay in the original).
//!
//! A text counts as wrapped when its lines have a common right margin: no
//! more than a few lines are longer than [`MAX_WIDTH`] characters, and many
//! lines end within `MARGIN` characters of the longest one. In a wrapped
//! text, a single line break is a wrap (not a paragraph break) when the next
//! line's first word would not have fitted on the line: that is exactly
//! when a wrapping program breaks, while a paragraph's short last line
//! leaves room. Blank lines always break paragraphs.
//!
//! Guarantees: one pass over the text's bytes to measure it, and each break
//! then looks only at its own line; no panics.

/// Wider lines than this are not hard-wrapped text (e-mail and wire feeds
/// wrap at 60-80 columns).
pub const MAX_WIDTH: usize = 100;

/// Narrower margins than this are lists or verse, not wrapped prose.
const MIN_WIDTH: usize = 30;

/// How far below the longest line a wrapped line may end: a word longer
/// than this is rare in prose.
pub const MARGIN: usize = 14;

/// The right margin of a hard-wrapped text, in characters, or `None` when
/// the text does not look wrapped.
pub fn width(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut lines, mut long) = (0usize, 0usize);
    let mut lens = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let end =
            bytes.get(start..)?.iter().position(|&c| c == b'\n').map_or(bytes.len(), |k| start + k);
        let line = bytes.get(start..end)?;
        start = end + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        lines += 1;
        // Only short lines need counting in characters.
        if line.len() > 4 * MAX_WIDTH {
            long += 1;
            continue;
        }
        let n = chars(line);
        if n > MAX_WIDTH {
            long += 1;
        } else {
            lens.push(n);
        }
    }
    let widest = lens.iter().copied().max()?;
    let near = lens.iter().filter(|&&n| n + MARGIN >= widest).count();
    // A few over-long lines (a URL) are allowed; most lines end near the
    // margin in wrapped prose, since paragraphs are longer than a line.
    let wrapped = widest >= MIN_WIDTH && long * 20 <= lines && near >= 3 && near * 3 >= lines;
    wrapped.then_some(widest)
}

/// Characters in UTF-8 bytes (continuation bytes not counted).
fn chars(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c as i8) >= -0x40).count()
}

/// Whether the single line break between the line ending at byte
/// `line_end` and the word starting at byte `next_start` is a wrap in a text
/// wrapped at `width` characters: the next word would not have fitted.
pub fn is_wrap(text: &str, line_end: usize, next_start: usize, width: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(head) = bytes.get(..line_end) else { return false };
    let line_start = head.iter().rposition(|&c| c == b'\n').map_or(0, |k| k + 1);
    let line = head.get(line_start..).unwrap_or(&[]);
    if line.len() > 4 * MAX_WIDTH {
        return false;
    }
    let rest = bytes.get(next_start..).unwrap_or(&[]);
    let word = rest
        .iter()
        .position(|c| c.is_ascii_whitespace())
        .map_or(rest, |k| rest.get(..k).unwrap_or(&[]));
    chars(line) + 1 + chars(word) > width
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRAPPED: &str = "The council met on Tuesday to discuss the new bridge over the river,\n\
which Mayor Ada Brook said would open in the spring of next year after\n\
a long delay. Residents of Northfield have waited for a decade.\n\
\"We will reopen it,\" she said, adding that the cost had risen to nearly\n\
twice the first estimate of the engineers hired by the city council.";

    #[test]
    fn finds_the_margin_of_wrapped_text() {
        // The widest line, 71 characters, is the margin.
        assert_eq!(width(WRAPPED), Some(71));
    }

    #[test]
    fn prose_with_long_lines_is_not_wrapped() {
        let t = "A first paragraph that goes on for a long time, far longer than any wrapped line would be allowed to run.\nShort.\nAnother line.";
        assert_eq!(width(t), None);
        assert_eq!(width("One\nTwo\nThree"), None);
        assert_eq!(width(""), None);
    }

    /// `text` with a line break for a space wherever a line would pass
    /// `width` characters, as a wrapping program (or `wrap.py`) does.
    fn hard_wrap(text: &str, width: usize) -> String {
        let mut out = String::new();
        for (k, para) in text.split("\n\n").enumerate() {
            if k > 0 {
                out.push_str("\n\n");
            }
            let mut col = 0;
            for (j, word) in para.split(' ').enumerate() {
                let n = word.chars().count();
                if j > 0 {
                    out.push(if col + 1 + n > width { '\n' } else { ' ' });
                    col = if col + 1 + n > width { 0 } else { col + 1 };
                }
                out.push_str(word);
                col += n;
            }
        }
        out
    }

    #[test]
    fn wrapped_text_is_analysed_as_if_unwrapped() {
        let text = "Mayor Ada Brook of Northfield said on Tuesday that the bridge over the Mill River would reopen on Monday, after five years of repairs paid for by the Northfield Transit Authority.\n\n\
\"We have waited long enough for this crossing, and the engineers at Acme Steel Corp have finished their work,\" Brook told reporters at City Hall in Northfield on Tuesday afternoon.\n\n\
Residents said the detour through Eastbrook had added forty minutes to every trip, and that shops on the river road had lost half of their customers since the closure.";
        let wrapped = hard_wrap(text, 60);
        assert_eq!(wrapped.len(), text.len());
        assert!(wrapped.matches('\n').count() > 6);
        let opts = crate::Options::default();
        let (a, b) = (crate::analyze(text, &opts), crate::analyze(&wrapped, &opts));
        let spans = |r: &crate::Analysis| -> Vec<(usize, usize)> {
            r.entities.iter().flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end))).collect()
        };
        assert_eq!(spans(&a), spans(&b));
        assert!(!a.quotes.is_empty());
        let quotes = |r: &crate::Analysis| -> Vec<(usize, usize, Option<String>)> {
            r.quotes
                .iter()
                .map(|q| (q.start, q.end, q.speaker.as_ref().map(|s| s.name.clone())))
                .collect()
        };
        assert_eq!(quotes(&a), quotes(&b));
    }

    #[test]
    fn a_word_that_did_not_fit_marks_a_wrap() {
        let w = width(WRAPPED).unwrap_or(0);
        let at = |s: &str| WRAPPED.find(s).unwrap_or(0);
        // "which" would not fit after "...over the river," (68 characters).
        assert!(is_wrap(WRAPPED, at("\nwhich"), at("which"), w));
        // "\"We" would have fitted after the short line that ends a paragraph.
        assert!(!is_wrap(WRAPPED, at("\n\"We"), at("\"We"), w));
    }
}
