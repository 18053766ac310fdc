//! Attributions that punctuation makes rather than a verb: the headline
//! colon ("Tillerson: US will have ...") and the dash signature after a
//! quotation ("“We are here.” ― Ana Ruiz").
//!
//! Guarantees: looks at a bounded window of one sentence; no panics.

use super::attribution::{before_group, Attribution};
use super::speaker;
use super::view::View;
use crate::text::lexicon::Class;
use std::ops::Range;

/// Adds the punctuation attributions of the sentence `r` to `out`;
/// `landmarks` are its landmark tokens ([`View::landmarks`]), which hold
/// every dash.
pub fn find(v: &View, r: Range<usize>, landmarks: &[u32], out: &mut Vec<Attribution>) {
    out.extend(colon_headline(v, r.clone()));
    dash_signatures(v, r, landmarks, out);
}

/// "Tillerson: US will have ..." at the start of a sentence: a name, a
/// colon and what the person said.
fn colon_headline(v: &View, r: Range<usize>) -> Option<Attribution> {
    let colon = (r.start..(r.start + 5).min(r.end)).find(|&k| v.tok(k) == ":")?;
    // "Tillerson:", "Harbour City boss Reid:": capitalised words, and a
    // lower-case title before the name.
    let name_or_title = |k: usize| {
        v.is_cap(k) && !v.is(k, Class::Adjunct) || v.is(k, Class::Title) && k + 1 < colon
    };
    if colon == r.start
        || colon + 3 >= r.end
        || !(r.start..colon).all(name_or_title)
        || !v.is_cap(colon - 1)
    {
        return None;
    }
    if (r.start..colon).any(|k| v.is(k, Class::Title) && colon - r.start == 1)
        || v.is(r.start, Class::Label)
    {
        return None;
    }
    // Not a section label ("The Latest:", "Q:", "UPDATE:"), and a clause after it.
    let first = v.tok(r.start);
    let shouting = colon - r.start == 1 && first.chars().all(|c| !c.is_lowercase());
    if v.is(r.start, Class::Determiner)
        || first.chars().count() < 2
        || shouting
        || (colon + 1..r.end).filter(|&k| v.is_word(k)).count() < 4
    {
        return None;
    }
    // "Harbour City boss Reid": the name after the title.
    let name = (r.start..colon)
        .rev()
        .find(|&k| v.is(k, Class::Title))
        .map_or(r.start, |t| t + 1)
        .min(colon - 1); // "Chairman:" alone stays the speaker
    Some(Attribution {
        cue: colon..colon + 1,
        speaker: Some(name..colon),
        inherit: false,
        group: r.start,
        start: v.start(colon + 1),
        end: v.end(r.end - 1),
        needs_entity: true, // "Map: …", "Hollywood Nation: …" name no one
    })
}

/// `“...” ― Name`: a dash right after a closing mark, then a name.
fn dash_signatures(v: &View, r: Range<usize>, landmarks: &[u32], out: &mut Vec<Attribution>) {
    for k in landmarks.iter().map(|&k| k as usize) {
        if !v.is_punct(k)
            || !matches!(v.tok(k), "―" | "—" | "–")
            || !k.checked_sub(1).is_some_and(|p| v.is_close_mark(p))
        {
            continue;
        }
        // A signature is a name alone, or with a title after a comma: not
        // the subject of a new clause ("— Lee wasn't thrilled").
        let signed = |n: &Range<usize>| {
            v.is_cap(n.start) && (n.end >= r.end || matches!(v.tok(n.end), "," | "." | "(" | ")" | ";"))
        };
        let Some(name) = speaker::right(v, k + 1, r.end).filter(signed) else {
            continue;
        };
        if let Some((start, end)) = before_group(v, k - 1, r.start) {
            let start = paragraph_opening(v, k).map_or(start, |open| open.min(start));
            out.push(Attribution {
                cue: k..k + 1,
                speaker: Some(name),
                inherit: false,
                group: k,
                start,
                end,
                needs_entity: false,
            });
        }
    }
}

/// Where the paragraph of the signature at `k` opens, when it opens with a
/// quotation: a signature signs its whole paragraph (`“A. To quote a song,
/// ‘B.” And that is all he has “C.” ― Ana Ruiz`), however its marks pair up.
fn paragraph_opening(v: &View, k: usize) -> Option<usize> {
    let first = v.paragraph_tokens(v.paragraph_of(k)).start;
    (first < k && v.is_open_mark(first)).then(|| v.start(first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    #[test]
    fn headline_and_dash() {
        let t = "Tillerson: US will have talks with Russia";
        let d = Doc::new(t);
        let v = View::new(&d);
        let mut a = Vec::new();
        find(&v, v.sentence_tokens(0), v.landmarks(), &mut a);
        assert_eq!(a.len(), 1);
        assert_eq!(&t[a[0].start..a[0].end], "US will have talks with Russia");
        let t = "“We are here to stay.” ― Ana Ruiz";
        let d = Doc::new(t);
        let v = View::new(&d);
        let mut a = Vec::new();
        find(&v, v.sentence_tokens(0), v.landmarks(), &mut a);
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(&t[a[0].start..a[0].end], "“We are here to stay.”");
    }

    #[test]
    fn dash_signs_the_whole_paragraph() {
        let t = "“We stay. As the song goes, ‘Home is here.” And that is all “we need’.” ― Ana Ruiz";
        let d = Doc::new(t);
        let v = View::new(&d);
        let mut a = Vec::new();
        for s in 0..d.sentences.len() {
            find(&v, v.sentence_tokens(s), v.landmarks(), &mut a);
        }
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].start, 0);
    }
}
