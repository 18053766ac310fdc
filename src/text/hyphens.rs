//! Words hyphenated at a line end in hard-wrapped text ("transpor-" at the
//! end of one line, "tation" at the start of the next), read as the word the
//! dictionary says they are: "transportation" when the joined form is an
//! English word (data/text/words.txt) or neither part is one (a name the
//! list lacks, cut in two), "well-known" when it is a compound of words.
//!
//! The rest of the analysis reads a copy of the text of the same length in
//! which each such break is rewritten in place: "transpor-\ntation" becomes
//! " \ntransportation", "well-\nknown" becomes "\nwell-known". Only the
//! characters of the break move (the line break stays, so the wrapped-text
//! logic sees the same lines, with the original's margin, and the word whole
//! at the start of the next), so
//! every offset outside the word is unchanged, and a token of the joined
//! word starts [`Rejoined::original_start`] maps back to where the word
//! starts in the original.
//!
//! Guarantees: only in a text [`super::wrap::width`] finds wrapped, at a
//! line ending in letters and "-" within [`super::wrap::MARGIN`] of the
//! margin, followed at once by a lowercase letter; the copy has the same
//! length and the same characters elsewhere; linear in the text; no panics.

use super::wrap;
use super::lexicon::is_english;

/// The text with its line-end hyphenations rewritten, and where the words
/// that moved start in both.
pub struct Rejoined {
    pub text: String,
    /// The original's right margin ([`wrap::width`]), which the rewritten
    /// text is to be read with.
    pub margin: usize,
    /// (start in `text`, start in the original) of each rewritten word, in
    /// order; the word ends where it did.
    moved: Vec<(usize, usize)>,
}

impl Rejoined {
    /// The original offset of offset `at` of the rewritten text: a rewritten
    /// word's start maps to where its first part starts; any other offset
    /// is unchanged.
    pub fn original_start(&self, at: usize) -> usize {
        match self.moved.binary_search_by_key(&at, |&(new, _)| new) {
            Ok(k) => self.moved.get(k).map_or(at, |&(_, old)| old),
            Err(_) => at,
        }
    }

    /// Whether the original bytes `start..end` include a rewritten break.
    pub fn touches(&self, start: usize, end: usize) -> bool {
        let k = self.moved.partition_point(|&(new, _)| new < end);
        // The words are far apart: the last one starting before `end` is
        // the only one that can reach into the span (its break is before it).
        k.checked_sub(1)
            .and_then(|k| self.moved.get(k))
            .is_some_and(|&(new, old)| new > start && old < end)
    }
}

fn known(word: &str) -> bool {
    if word.chars().any(char::is_uppercase) {
        return is_english(word.to_lowercase().as_str());
    }
    is_english(word)
}

/// Second parts that follow a suspended hyphen ("pre- and post-war"), not a
/// cut word: such a break is left as it is.
const SUSPENDED: [&str; 6] = ["and", "or", "nor", "to", "than", "versus"];

/// What to make of one hyphenated line end.
#[derive(Debug, PartialEq, Eq)]
enum Reading {
    /// One word: "transportation".
    Join,
    /// A compound: "well-known".
    Keep,
    /// Left as it is.
    Leave,
}

/// How the parts `a` and `b` of a word hyphenated at a line end read.
fn reading(a: &str, b: &str) -> Reading {
    if SUSPENDED.contains(&b) {
        return Reading::Leave;
    }
    let joined = format!("{a}{b}");
    if known(&joined) || (!known(a) && !known(b)) {
        Reading::Join
    } else {
        Reading::Keep
    }
}

/// `text` with its line-end hyphenations rewritten, or `None` when it has
/// none (most texts: then nothing is copied).
pub fn rejoin(text: &str) -> Option<Rejoined> {
    let bytes = text.as_bytes();
    // Cheap first: a hyphen before a line break at all.
    bytes.windows(2).position(|w| w == b"-\n" || w == b"-\r")?;
    let width = wrap::width(text)?;
    let mut out: Option<Rejoined> = None;
    let mut from = 0;
    while let Some(k) =
        bytes.get(from..).and_then(|r| r.windows(2).position(|w| w == b"-\n" || w == b"-\r"))
    {
        let hyphen = from + k;
        from = hyphen + 2;
        let Some((a_start, b_end, reading)) = candidate(text, hyphen, width) else { continue };
        let (Some(a), Some(brk), Some(b)) = (
            text.get(a_start..hyphen),
            text.get(hyphen + 1..).and_then(|r| r.get(..line_break_len(r))),
            text.get(hyphen + 1..b_end).map(|r| r.trim_start_matches(['\r', '\n'])),
        ) else {
            continue;
        };
        let word = match reading {
            Reading::Join => format!(" {brk}{a}{b}"),
            Reading::Keep => format!("{brk}{a}-{b}"),
            Reading::Leave => continue,
        };
        let r = out.get_or_insert_with(|| Rejoined {
            text: text.to_string(),
            margin: width,
            moved: Vec::new(),
        });
        // Same length, on char boundaries: the characters of the span
        // reordered (and the hyphen a space when joined).
        if word.len() != b_end - a_start || r.text.get(a_start..b_end).is_none() {
            continue;
        }
        r.text.replace_range(a_start..b_end, &word);
        r.moved.push((b_end - a.len() - b.len() - usize::from(reading == Reading::Keep), a_start));
        from = b_end;
    }
    out
}

/// The length of the line break at the start of `rest` ("\n" or "\r\n").
fn line_break_len(rest: &str) -> usize {
    if rest.starts_with("\r\n") {
        2
    } else {
        usize::from(rest.starts_with('\n'))
    }
}

/// The word around the hyphen at byte `hyphen` (a line's last character):
/// where its first part starts, where its second part ends, and how it
/// reads; `None` when it is not a word cut at the margin.
fn candidate(text: &str, hyphen: usize, width: usize) -> Option<(usize, usize, Reading)> {
    let head = text.get(..hyphen)?;
    let a_len: usize =
        head.chars().rev().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum();
    let a_start = hyphen - a_len;
    // The first part starts a word: "state-of-the-" is a compound already.
    let before = head.get(..a_start)?.chars().next_back();
    if a_len == 0 || before.is_some_and(|c| c.is_alphanumeric() || "-/'’".contains(c)) {
        return None;
    }
    let line_start = head.rfind('\n').map_or(0, |k| k + 1);
    let line_chars = text.get(line_start..=hyphen)?.chars().count();
    if line_chars + wrap::MARGIN < width {
        return None;
    }
    let after = text.get(hyphen + 1..)?;
    let b_from = hyphen + 1 + line_break_len(after);
    let rest = text.get(b_from..)?;
    if !rest.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    let b_len: usize = rest.chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum();
    let (a, b) = (text.get(a_start..hyphen)?, rest.get(..b_len)?);
    Some((a_start, b_from + b_len, reading(a, b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A made-up paragraph wrapped at 60 columns, with `cut` at the end of
    /// its second line.
    fn wrapped(cut: &str) -> String {
        format!(
            "The council met on Tuesday to talk about the bridge and the\n\
             roads, and the mayor said the plans for the city's {cut}\n\
             of the works would be ready in the spring of the next year,\n\
             after a long delay that had annoyed the people of the town."
        )
    }

    #[test]
    fn joins_a_cut_word_and_keeps_a_compound_in_place() {
        let t = wrapped("transpor-\ntation");
        let r = rejoin(&t).expect("a hyphenated line end");
        assert_eq!(r.text.len(), t.len());
        assert!(r.text.contains("city's  \ntransportation\nof"), "{}", r.text);
        let start = r.text.find("transportation").unwrap_or(0);
        assert_eq!(r.original_start(start), t.find("transpor-").unwrap_or(1));
        assert_eq!(r.original_start(start + 1), start + 1);
        assert!(r.touches(t.find("transpor-").unwrap_or(0), start + 14));
        assert!(!r.touches(0, 20));

        let t = wrapped("long-\nterm");
        let r = rejoin(&t).expect("a hyphenated line end");
        assert!(r.text.contains("city's \nlong-term\nof"), "{}", r.text);
    }

    #[test]
    fn reads_parts_by_the_dictionary() {
        assert_eq!(reading("transpor", "tation"), Reading::Join);
        assert_eq!(reading("Some", "thing"), Reading::Join);
        assert_eq!(reading("well", "known"), Reading::Keep);
        assert_eq!(reading("ex", "president"), Reading::Keep);
        assert_eq!(reading("Schwarzen", "egger"), Reading::Join);
        assert_eq!(reading("pre", "and"), Reading::Leave);
    }

    #[test]
    fn leaves_text_that_is_not_a_cut_word() {
        // Not wrapped: a hyphen ending a line of prose with long lines.
        let long = "A first paragraph that goes on for a long time, far longer than any wrapped line would be allowed to run, ends in a well-\nknown way.";
        assert!(rejoin(long).is_none());
        // The next line starts with a capital, a space or a digit.
        for cut in ["Trans-\nAtlantic", "trans-\n atlantic", "pre-\n1990s", "pre-\nand"] {
            assert!(rejoin(&wrapped(cut)).is_none(), "{cut}");
        }
        // A compound already hyphenated before the line end.
        assert!(rejoin(&wrapped("state-of-the-\nart")).is_none());
        assert!(rejoin("").is_none());
    }
}
