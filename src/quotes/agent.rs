//! The agent of a passive verb of naming or judgement, given after the
//! quoted fragment it frames: in `The raid was described as "unprecedented"
//! by the department` or `the prison, dubbed the "Hilton" by its inmates`,
//! the department and the inmates said it, not the raid or the prison.
//!
//! Guarantees: looks at most [`MAX_GAP`] tokens past the verb, inside its
//! sentence; no panics (all token access goes through [`View`]).

use super::view::View;
use std::ops::Range;

/// The most tokens between the verb and the closing mark of its fragment.
const MAX_GAP: usize = 14;

/// A passive fragment's agent and where the fragment ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Agent {
    /// The speaker phrase after "by".
    pub speaker: Range<usize>,
    /// The first token of the fragment: its opening mark, or the first word
    /// of what the verb names ("described as a “crisis”" starts at "a").
    pub start: usize,
    /// The fragment's closing mark.
    pub close: usize,
}

/// The agent after the fragment that the verb ending at token `after`
/// frames: "as", an article and one quotation, then "by" and a speaker.
pub(super) fn after_fragment(v: &View, after: usize, sent_end: usize) -> Option<Agent> {
    let mut k = after;
    if v.low(k) == "as" {
        k += 1;
    }
    let start = k;
    // Only an article may stand before the quotation: `dubbed the "Hilton"`,
    // not `said he was "very moved" by the news`.
    let open = (k..(k + 2).min(sent_end)).find(|&j| v.is_open_mark(j))?;
    if (k..open).any(|j| !matches!(v.low(j), "a" | "an" | "the")) {
        return None;
    }
    let ceil = (after + MAX_GAP).min(sent_end);
    let close = (open + 1..ceil).find(|&j| v.is_close_mark(j))?;
    // `"unprecedented," by the department` or `"unprecedented" by`.
    let by = if v.tok(close + 1) == "," { close + 2 } else { close + 1 };
    if v.low(by) != "by" || by >= sent_end {
        return None;
    }
    // "by its inmates": the owner's noun phrase.
    let owner = matches!(v.low(by + 1), "his" | "her" | "their" | "its" | "our");
    let speaker = super::inverted::right(v, by + 1 + usize::from(owner), sent_end)?;
    let speaker = by + 1..speaker.end;
    super::cue::speaks(v, &speaker).then_some(Agent { speaker, start, close })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    fn agent(t: &str, verb: &str) -> Option<String> {
        let d = Doc::new(t);
        let v = View::new(&d);
        let i = (0..v.len()).find(|&i| v.tok(i) == verb)?;
        let a = after_fragment(&v, i + 1, v.len())?;
        Some(t[v.start(a.speaker.start)..v.end(a.speaker.end - 1)].to_string())
    }

    #[test]
    fn the_agent_after_the_fragment_is_the_speaker() {
        let t = "The raid was described as \"unprecedented\" by the department.";
        assert_eq!(agent(t, "described").as_deref(), Some("the department"));
        let t = "The jail, dubbed the \"Hilton\" by its inmates, is now a museum.";
        assert_eq!(agent(t, "dubbed").as_deref(), Some("its inmates"));
    }

    #[test]
    fn no_agent_without_by_or_without_a_fragment() {
        assert_eq!(agent("The raid was described as \"unprecedented\" on Monday.", "described"), None);
        assert_eq!(agent("The raid was described by the department.", "described"), None);
        // "by" inside the quotation is the fragment's own.
        assert_eq!(agent("It was called \"a win by any measure\" at last.", "called"), None);
    }
}
