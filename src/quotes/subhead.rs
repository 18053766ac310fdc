//! Quotations that are subheads: `6. “The Gordon problem”` above the section
//! that goes on to quote someone saying those words. The subhead is that
//! person's, not a continuation of the last speaker before it.
//!
//! Guarantees: each subhead looks at most [`AHEAD`] quotes further on, with
//! one substring search in each; no panics.

use super::view::View;
use crate::Quote;

/// How many later quotes a subhead's words are looked for in.
const AHEAD: usize = 8;

/// The most words a quoted subhead has.
const MAX_WORDS: usize = 10;

/// Gives each quoted subhead the speaker of the first quote after it that
/// repeats its words, or no speaker.
pub(super) fn speakers(v: &View, quotes: &mut [Quote]) {
    for i in 0..quotes.len() {
        let Some(q) = quotes.get(i).filter(|q| is_subhead(v, q)) else { continue };
        let words = words_of(&q.text);
        let later = quotes.iter().skip(i + 1).take(AHEAD);
        let speaker = later.filter(|l| words_of(&l.text).contains(&words)).find_map(|l| l.speaker.clone());
        if let Some(q) = quotes.get_mut(i) {
            q.speaker = speaker;
        }
    }
}

/// The words of `text`, lower-cased, each with one space before and after
/// it, so that marks and case do not hide a repetition (`the ‘Giuliani
/// problem’`) and a word is never found inside another ("art" in "start").
fn words_of(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        out.extend(w.chars().flat_map(char::to_lowercase));
        out.push(' ');
    }
    out
}

/// Whether `q` is a paragraph of its own, but for a list number before it,
/// short and with no full stop: a subhead, not a paragraph of speech.
fn is_subhead(v: &View, q: &Quote) -> bool {
    let (first, last) = (v.token_at(q.start), v.token_at(q.end));
    let words = (first..last).filter(|&k| v.is_word(k)).count();
    super::assemble::alone_in_paragraph(v, first, last) && words <= MAX_WORDS && !q.text.ends_with(['.', '!', '?'])
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    fn speakers(t: &str) -> Vec<(String, String)> {
        analyze(t, &crate::Options::default())
            .quotes
            .into_iter()
            .map(|q| (q.text, q.speaker.map(|s| s.name).unwrap_or_default()))
            .collect()
    }

    #[test]
    fn subhead_takes_the_speaker_who_says_its_words() {
        let q = speakers("“We will build it,” Ann Lee said.\n\n2. “The bridge problem”\n\nTom Berg spoke next. “Nobody has fixed the ‘bridge problem’ yet,” Tom Berg said.");
        assert_eq!(q.get(1), Some(&("The bridge problem".to_string(), "Tom Berg".to_string())), "{q:?}");
    }

    #[test]
    fn subhead_nobody_repeats_has_no_speaker() {
        let q = speakers("“We will build it,” Ann Lee said.\n\n“Roads and rails”\n\nThe council met on Monday to vote.");
        assert_eq!(q.get(1), Some(&("Roads and rails".to_string(), String::new())), "{q:?}");
        // Its words inside other words are no repetition ("rail" in "trail").
        let q = speakers("“We will build it,” Ann Lee said.\n\n“Rail”\n\n“The trail is long,” Tom Berg said.");
        assert_eq!(q.get(1), Some(&("Rail".to_string(), String::new())), "{q:?}");
        // A paragraph of speech keeps the speaker before it.
        let q = speakers("“We will build it,” Ann Lee said.\n\n“Then we rest.”");
        assert_eq!(q.get(1).map(|q| q.1.as_str()), Some("Ann Lee"), "{q:?}");
    }
}
