//! Splits a quote's content where its own attribution interrupts it:
//! `"We will," he said on Tuesday, "win."` is one quote of two parts, "We
//! will," and "win.", and `The plan, she said, works.` is "The plan" and
//! "works.". The words of the attribution belong to neither part, so that a
//! page highlights only what was said.
//!
//! Guarantees: looks at a bounded window of tokens on each side of the
//! attribution (constant work per quote); parts are in text order, do not
//! overlap and lie inside the quote's extent; no panics.

use super::view::View;
use std::ops::Range;

/// How far from the attribution a part may end or begin, in tokens.
const WINDOW: usize = 12;

/// How far past the attribution a second quotation may open, in tokens:
/// an inverted speaker's apposition may be long ("said Kenneth Baer, a
/// former official who now runs a consulting firm in Ohio.").
const APPOSITION: usize = 40;

/// The byte ranges of the parts of the content `start..end`, given the
/// token ranges of its cue and speaker phrase: one part unless the
/// attribution lies strictly inside the content.
pub fn split(
    v: &View,
    start: usize,
    end: usize,
    cue: Option<&Range<usize>>,
    speaker: Option<&Range<usize>>,
) -> Vec<(usize, usize)> {
    let Some(gap) = interruption(v, start, end, cue, speaker) else { return vec![(start, end)] };
    let (a, b) = (v.token_at(start), v.token_at(end));
    let mut quoted_before = false;
    let left = (gap.start.saturating_sub(WINDOW).max(a)..gap.start).rev().find_map(|k| {
        if v.quote_of(k).is_some() {
            quoted_before = true;
            Some(v.end(k)) // the closing mark of the first half
        } else if matches!(v.tok(k), "," | "—" | "–" | "(") {
            Some(v.start(k))
        } else {
            None
        }
    });
    // `"A," said Paul Fenn, a law professor at Westbrook. "B."`: after a
    // quotation, the second half is the next quotation, past the apposition.
    let next_quotation = (gap.end..(gap.end + APPOSITION).min(b))
        .find(|&k| v.is_open_mark(k))
        .filter(|_| quoted_before)
        .map(|k| v.start(k));
    let right = next_quotation.or_else(|| (gap.end..(gap.end + WINDOW).min(b)).find_map(|k| {
        if v.quote_of(k).is_some() {
            Some(v.start(k)) // the opening mark of the second half
        } else if matches!(v.tok(k), "," | "—" | "–" | ")" | ":") && v.quote_of(k + 1).is_none()
        {
            Some(v.end(k))
        } else {
            None
        }
    }));
    let cut_at = left.unwrap_or_else(|| v.start(gap.start)).clamp(start, end);
    let resume = right.unwrap_or_else(|| v.end(gap.end.saturating_sub(1))).clamp(cut_at, end);
    let (p1, p2) = (super::trim(v.doc.text, start, cut_at), super::trim(v.doc.text, resume, end));
    match (p1.0 < p1.1, p2.0 < p2.1) {
        (true, true) => vec![p1, p2],
        _ => vec![(start, end)],
    }
}

/// The tokens of the attribution (cue and speaker together) when they lie
/// strictly inside the content `start..end`.
fn interruption(
    v: &View,
    start: usize,
    end: usize,
    cue: Option<&Range<usize>>,
    speaker: Option<&Range<usize>>,
) -> Option<Range<usize>> {
    let cue = cue.filter(|c| !c.is_empty())?;
    let inside =
        |r: &Range<usize>| !r.is_empty() && v.start(r.start) > start && v.end(r.end - 1) < end;
    if !inside(cue) {
        return None;
    }
    // The speaker joins the cue when it sits beside it ("he said", "said Ann
    // Lee"), or before it across an apposition ("Ann Lee, a member of the
    // panel, said").
    let near =
        speaker.filter(|s| inside(s) && (s.end + APPOSITION >= cue.start && s.start <= cue.end + 3));
    Some(match near {
        Some(s) => s.start.min(cue.start)..s.end.max(cue.end),
        None => cue.clone(),
    })
}

#[cfg(test)]
mod tests {
    use crate::text::Doc;

    /// The part texts of the first quote of `t`.
    fn parts(t: &str) -> Vec<String> {
        let d = Doc::new(t);
        let table = crate::coref::cluster(&d, crate::entities::find(&d));
        let q = crate::quotes::find(&d, &table, crate::Continuations::Join);
        q.first().map(|q| q.parts.iter().map(|p| p.text.clone()).collect()).unwrap_or_default()
    }

    #[test]
    fn an_attribution_between_two_quotations_splits_them() {
        assert_eq!(
            parts("\"We will win this race,\" she said on Tuesday, \"and then we rest.\""),
            ["We will win this race,", "and then we rest."]
        );
        assert_eq!(
            parts("\"The bridge is not safe,\" Ann Lee said. \"Nobody should cross it.\""),
            ["The bridge is not safe,", "Nobody should cross it."]
        );
    }

    #[test]
    fn an_apposition_between_speaker_and_verb_is_in_neither_part() {
        assert_eq!(
            parts("\"We will win,\" Ann Lee, a member of the panel, said. \"We always do.\""),
            ["We will win,", "We always do."]
        );
        assert_eq!(
            parts("\"We will win,\" Ann Lee, a former city official who now runs a small consulting firm in Ohio, said. \"We always do.\""),
            ["We will win,", "We always do."]
        );
        // The apposition after an inverted speaker, before the second quotation.
        assert_eq!(
            parts("\"It will end up in court,\" said Paul Fenn, a law professor at Westbrook. \"Both sides know it.\""),
            ["It will end up in court,", "Both sides know it."]
        );
        assert_eq!(
            parts("\"It was hard,\" said Ken Barr, a former city official who now runs a small consulting firm in Ohio. \"It still is.\""),
            ["It was hard,", "It still is."]
        );
    }

    #[test]
    fn two_apostrophes_as_quotation_marks_are_trimmed_from_both_parts() {
        assert_eq!(
            parts("''The bridge is not safe,'' Ann Lee said. ''Nobody should cross it.''"),
            ["The bridge is not safe,", "Nobody should cross it."]
        );
    }

    #[test]
    fn single_quotation_marks_are_trimmed_from_both_parts() {
        assert_eq!(
            parts("'We did not compete,' Reid told the radio. 'The players know it.'"),
            ["We did not compete,", "The players know it."]
        );
        // An apostrophe that is part of the words stays.
        assert_eq!(
            parts("Ann Lee said the ’90s were better for the Joneses’"),
            ["the ’90s were better for the Joneses’"]
        );
    }

    #[test]
    fn an_attribution_inside_reported_speech_splits_it() {
        assert_eq!(
            parts("The new plan, the mayor said, will cut traffic in half."),
            ["The new plan", "will cut traffic in half."]
        );
    }

    #[test]
    fn a_quote_with_its_attribution_outside_is_one_part() {
        assert_eq!(
            parts("\"The bridge is not safe for anyone,\" Ann Lee said."),
            ["The bridge is not safe for anyone,"]
        );
        assert_eq!(
            parts("Ann Lee said the bridge is not safe for anyone."),
            ["the bridge is not safe for anyone."]
        );
    }

    #[test]
    fn the_joined_text_uses_an_ellipsis() {
        let d = Doc::new("\"We will win this race,\" she said, \"and then we rest.\"");
        let table = crate::coref::cluster(&d, crate::entities::find(&d));
        let q = crate::quotes::find(&d, &table, crate::Continuations::Join);
        assert_eq!(q[0].text, "We will win this race, … and then we rest.");
        assert_eq!((q[0].start, q[0].end), (q[0].parts[0].start, q[0].parts[1].end));
    }
}
