//! Long texts analysed piece by piece, and the pieces' results joined: the
//! one place where a long text is cut and merged, for every entry point
//! (the CLI, the Python package, `analyze()` in JS and the page's worker,
//! which steps through the pieces itself to report progress and to stop
//! when cancelled). A text of up to [`ONE_PIECE`] bytes (every news article)
//! is one piece and analysed whole; a longer one is cut into pieces of at
//! most [`PIECE`] bytes at paragraph breaks, so a quote and its speaker stay
//! together. What a cut costs: a pronoun at the start of a piece cannot
//! reach a name in an earlier piece.
//!
//! Guarantees: the pieces cover the text in order, cut on char boundaries;
//! each is at least one character; each but the last is at most [`PIECE`]
//! bytes plus the rest of a character cut at the limit, and the last at
//! most [`ONE_PIECE`]; the result's offsets point into the
//! whole text in the caller's unit; an entity of a later piece with the
//! type and name of an earlier piece's entity is merged into it (its
//! mentions appended, a missing title filled in) and speakers renumbered,
//! while entities within one piece stay as the engine made them; the result
//! depends only on the text and the options, however it is stepped; linear
//! time; no panics.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;

use crate::{Analysis, EntityType, OffsetUnit, Options};

/// The size a long text's pieces are cut at, in bytes.
///
/// NOTE: each piece prepares its distinct words again, so smaller pieces
/// cost more: on 1 MB of news, pieces of 64, 256 and 512 KB took 5.6%, 3.6%
/// and 1.9% more instructions natively than the whole text in one (in wasm,
/// two pieces of 1 MB took 3-6% more time), while on 10 MB they took 23%,
/// 25% and 26% fewer instructions (10% less time in wasm). In wasm a piece
/// of 512 KB takes about 50 ms: the worker's progress steps and the most a
/// cancel waits.
pub const PIECE: usize = 512 * 1024;

/// Texts up to this many bytes are analysed in one piece: one and a half
/// pieces, so the tail of a long text is never a sliver.
pub const ONE_PIECE: usize = PIECE + PIECE / 2;

/// An analysis of one text, run a piece at a time: [`Pieces::step`] until
/// it returns false, then [`Pieces::finish`]. [`crate::analyze`] is exactly
/// that, so stepping by hand gives the same result.
pub struct Pieces<'t> {
    text: Cow<'t, str>,
    options: Options,
    /// The piece size and the one-piece limit ([`PIECE`], [`ONE_PIECE`]).
    sizes: (usize, usize),
    /// Bytes of `text` analysed so far (always a char boundary).
    at: usize,
    /// How much of the text [`Pieces::progress`] has measured in the
    /// caller's unit: (bytes, units). NOTE: measured only when asked, as
    /// far as asked: `analyze` never asks, and counting UTF-16 units of a
    /// long text twice was a fifth of what its pieces cost beyond one.
    measured: Cell<(usize, usize)>,
    /// The text's length in the caller's unit, once asked.
    total: Cell<Option<usize>>,
    /// Whether the text was cut: the result's offsets are then bytes until
    /// [`Pieces::finish`] converts them.
    cut: bool,
    out: Analysis,
    /// For each (type, name) of the entities so far, the first one's index.
    seen: HashMap<(EntityType, String), usize>,
}

impl<'t> Pieces<'t> {
    /// Starts an analysis of `text` with `options`; nothing is analysed yet.
    pub fn new(text: impl Into<Cow<'t, str>>, options: &Options) -> Self {
        Self::with_sizes(text.into(), options, (PIECE, ONE_PIECE))
    }

    fn with_sizes(text: Cow<'t, str>, options: &Options, sizes: (usize, usize)) -> Self {
        Pieces {
            text,
            options: options.clone(),
            sizes,
            at: 0,
            measured: Cell::new((0, 0)),
            total: Cell::new(None),
            cut: false,
            out: Analysis::default(),
            seen: HashMap::new(),
        }
    }

    /// Analyses the next piece; false when there was none left.
    pub fn step(&mut self) -> bool {
        let Some(rest) = self.text.get(self.at..).filter(|r| !r.is_empty()) else {
            return false;
        };
        let piece = rest.get(..cut(rest, self.sizes)).unwrap_or(rest);
        debug_assert!(!piece.is_empty() && self.text.is_char_boundary(self.at + piece.len()));
        let at = self.at;
        self.at += piece.len();
        if at == 0 && self.at == self.text.len() {
            // One piece: the stage converts the offsets itself, as always.
            self.out = crate::analyze_doc(piece, &self.options);
            return true;
        }
        self.cut = true;
        let bytes = Options { offsets: OffsetUnit::Utf8, ..self.options.clone() };
        let a = crate::analyze_doc(piece, &bytes);
        self.join(a, at);
        true
    }

    /// How far the analysis is: the end of the pieces done so far and the
    /// text's length, in the caller's offset unit.
    pub fn progress(&self) -> (usize, usize) {
        let unit = self.options.offsets;
        let total = self.total.get().unwrap_or_else(|| units(&self.text, unit));
        self.total.set(Some(total));
        let (byte, count) = self.measured.get();
        let done = count + self.text.get(byte..self.at).map_or(0, |s| units(s, unit));
        self.measured.set((self.at, done));
        (done, total)
    }

    /// The analysis of the whole text (any pieces not yet analysed are
    /// analysed first).
    pub fn finish(mut self) -> Analysis {
        while self.step() {}
        let mut out = std::mem::take(&mut self.out);
        if self.cut {
            debug_assert_eq!(crate::invariants::analysis(&self.text, &out), Ok(()));
        }
        if self.cut && self.options.offsets != OffsetUnit::Utf8 {
            out.convert_offsets(&self.text, self.options.offsets);
        }
        out
    }

    /// Adds one piece's analysis (byte offsets from `at`) to the result.
    fn join(&mut self, mut a: Analysis, at: usize) {
        a.for_each_offset(|o| *o += at);
        // NOTE: only an entity of an earlier piece is a merge target, so two
        // entities the engine kept apart within one piece stay apart.
        let earlier = self.out.entities.len();
        let mut renumber = Vec::with_capacity(a.entities.len());
        for e in a.entities {
            let key = (e.kind, e.name.clone());
            let target = self.seen.get(&key).copied().filter(|&i| i < earlier);
            match target.and_then(|i| self.out.entities.get_mut(i).map(|m| (i, m))) {
                Some((i, merged)) => {
                    if merged.title.is_none() {
                        merged.title = e.title;
                    }
                    merged.mentions.extend(e.mentions);
                    renumber.push(i);
                }
                None => {
                    let i = self.out.entities.len();
                    self.seen.entry(key).or_insert(i);
                    self.out.entities.push(e);
                    renumber.push(i);
                }
            }
        }
        for sp in a.quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
            sp.entity = sp.entity.and_then(|e| renumber.get(e).copied());
        }
        debug_assert!(match (self.out.quotes.last(), a.quotes.first()) {
            (Some(before), Some(next)) => before.end <= next.start,
            _ => true,
        });
        self.out.quotes.append(&mut a.quotes);
    }
}

/// The length of `s` in `unit`.
fn units(s: &str, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Utf8 => s.len(),
        OffsetUnit::Utf16 => s.encode_utf16().count(),
        OffsetUnit::Codepoint => s.chars().count(),
    }
}

/// Where to end the first piece of `rest`, given the piece size and the
/// one-piece limit: all of it up to the limit; else after the last
/// paragraph break (a line of nothing but spaces is blank) within the piece
/// size, else after the last line break, else after the last space, else
/// at the last char boundary within it (moved past a character cut there);
/// never at 0, so every piece makes progress.
fn cut(rest: &str, (max, one): (usize, usize)) -> usize {
    if rest.len() <= one {
        return rest.len();
    }
    let mut limit = max.max(1);
    while !rest.is_char_boundary(limit) {
        limit += 1;
    }
    let head = rest.as_bytes().get(..limit).unwrap_or_default();
    let newlines = || head.iter().enumerate().rev().filter(|&(_, &b)| b == b'\n').map(|(i, _)| i);
    // Each line is scanned once at most: the search stops at the first
    // blank line from the end.
    let blank_line_end = newlines().find(|&i| {
        let before = head.get(..i).unwrap_or_default();
        before.iter().rposition(|&b| b == b'\n').is_some_and(|line| {
            before.get(line + 1..).unwrap_or_default().iter().all(u8::is_ascii_whitespace)
        })
    });
    let last = |byte: u8| head.iter().rposition(|&b| b == byte);
    blank_line_end.or_else(|| last(b'\n')).or_else(|| last(b' ')).map_or(limit, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    const TEXT: &str = "Ann Lee said, \"We will win the vote.\"\n\nIn Paris, Bob Day said the plan had failed.\n\n\"It is over,\" Lee said.";

    fn in_pieces(text: &str, options: &Options, max: usize) -> Analysis {
        Pieces::with_sizes(text.into(), options, (max, max)).finish()
    }

    #[test]
    fn pieces_end_at_paragraph_breaks_within_the_limit() {
        assert_eq!(cut("ab\n\ncd\n\nef", (9, 10)), 10, "within the one-piece limit: all");
        assert_eq!(cut("ab\n\ncd\n\nef", (9, 0)), 8);
        assert_eq!(cut("ab\n \ncd\nef", (9, 0)), 5, "a line of spaces is blank");
        assert_eq!(cut("ab\r\n\r\ncd\nef", (11, 0)), 6, "CRLF");
        assert_eq!(cut("ab cd\nef", (7, 0)), 6);
        assert_eq!(cut("ab cd ef", (7, 0)), 6);
        assert_eq!(cut("abcdef", (4, 0)), 4);
        assert_eq!(cut("aé", (2, 0)), 3, "a cut inside a character moves past it");
        assert_eq!(cut("abc", (0, 0)), 1, "every piece takes at least one character");
        assert_eq!(cut("\nabc", (2, 0)), 1);
    }

    #[test]
    fn every_piece_fits_its_limit_and_ends_on_a_character() {
        let text = "Ann said “yes”.\n\nBéla left 🙂 early, then Zoé.\nEnd";
        for max in 0..text.len() + 2 {
            let mut at = 0;
            while at < text.len() {
                let n = cut(text.get(at..).unwrap_or(""), (max, max));
                assert!(n > 0 && n <= max.max(1) + 3, "max {max} at {at}: {n}");
                at += n;
                assert!(text.is_char_boundary(at), "max {max}: {at}");
            }
        }
    }

    #[test]
    fn a_text_within_the_limit_is_one_piece() {
        let mut p = Pieces::new(TEXT, &Options::default());
        assert_eq!(p.progress(), (0, TEXT.len()));
        assert!(p.step());
        assert_eq!(p.progress(), (TEXT.len(), TEXT.len()));
        assert!(!p.step());
        assert_eq!(p.finish(), analyze(TEXT, &Options::default()));
    }

    #[test]
    fn pieced_results_point_into_the_whole_text() {
        let whole = analyze(TEXT, &Options::default());
        let pieced = in_pieces(TEXT, &Options::default(), 50);
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
    fn results_joined_from_pieces_of_any_size_keep_the_contract() {
        let texts = [
            TEXT.to_string(),
            format!("«Ça va», dit Zoé 🙂.\r\n\r\n{TEXT}\n \nAnn Lee said: \"Done.\"\n{TEXT}"),
            "“Yes,” she said.".repeat(9),
        ];
        for text in &texts {
            for max in [1, 7, 20, 33, 60, 100, 250] {
                let a = in_pieces(text, &Options::default(), max);
                assert_eq!(crate::invariants::analysis(text, &a), Ok(()), "max {max}: {text:?}");
            }
        }
    }

    #[test]
    fn entities_of_later_pieces_join_earlier_ones_by_type_and_name() {
        let text = "Mayor Ann Lee said the bridge would open.\n\nAnn Lee said, \"It is done.\"";
        let pieced = in_pieces(text, &Options::default(), 45);
        let ann: Vec<_> = pieced.entities.iter().filter(|e| e.name == "Ann Lee").collect();
        assert_eq!(ann.len(), 1, "{pieced:#?}");
        assert_eq!(ann.first().map(|e| e.mentions.len()), Some(2));
        let i = pieced.entities.iter().position(|e| e.name == "Ann Lee");
        assert!(pieced.quotes.iter().all(|q| q.speaker.as_ref().map(|s| s.entity) == Some(i)));
    }

    #[test]
    fn pieced_offsets_are_converted_for_the_whole_text() {
        let text = format!("«Ça va», dit Zoé.\n\n{TEXT}");
        for unit in [OffsetUnit::Codepoint, OffsetUnit::Utf16] {
            let options = Options { offsets: unit, ..Options::default() };
            let pieced = in_pieces(&text, &options, 40);
            let mut p = Pieces::with_sizes(text.as_str().into(), &options, (40, 40));
            let mut steps = 0;
            while p.step() {
                steps += 1;
            }
            assert!(steps > 2);
            assert_eq!(p.progress().0, p.progress().1);
            assert_eq!(p.finish(), pieced, "stepping by hand gives the same result");
            let units: Vec<u16> = text.encode_utf16().collect();
            let chars: Vec<char> = text.chars().collect();
            for m in pieced.entities.iter().flat_map(|e| &e.mentions) {
                let got = match unit {
                    OffsetUnit::Utf16 => {
                        String::from_utf16_lossy(units.get(m.start..m.end).unwrap_or(&[]))
                    }
                    _ => chars.get(m.start..m.end).unwrap_or(&[]).iter().collect(),
                };
                assert_eq!(got, m.text);
            }
            assert!(!pieced.entities.is_empty());
        }
    }
}
