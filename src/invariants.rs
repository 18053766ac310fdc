//! The invariants each stage's output keeps and the next stage relies on,
//! checked between the stages by `debug_assert!`s in [`crate::analyze_doc`]
//! (so in tests built with debug assertions, `make test-rust`'s checked
//! profile, and in the fuzz targets; release builds skip them).
//!
//! NOTE: the stages read their inputs through `.get()` and fall back to a
//! neutral value rather than panic (a panic in wasm kills the module), so
//! an off-by-one upstream would otherwise become a plausible wrong answer.
//! Each check returns the first broken invariant, described, or `Ok`.

use crate::coref::EntityTable;
use crate::entities::Mention;
use crate::text::Doc;
use crate::{Analysis, Span};

type Check = Result<(), String>;

fn fail(what: String) -> Check {
    Err(what)
}

/// `start..end` is a non-inverted span of `text` on char boundaries.
fn span_ok(text: &str, start: usize, end: usize) -> bool {
    start <= end && text.get(start..end).is_some()
}

/// The text stage: tokens in order, not overlapping, non-empty and on char
/// boundaries; sentences covering token ranges in order, their byte spans
/// those of their tokens, each in an existing paragraph; paragraphs
/// covering the sentences in order; wraps at line breaks, in order.
pub fn doc(doc: &Doc) -> Check {
    let text = doc.text;
    let mut prev = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.start() < prev || t.start() >= t.end() || !span_ok(text, t.start(), t.end()) {
            return fail(format!(
                "token {i} {}..{} after {prev} (len {})",
                t.start(),
                t.end(),
                text.len()
            ));
        }
        prev = t.end();
    }
    if doc.vocab.ids().len() != doc.tokens.len() {
        return fail(format!("{} word ids for {} tokens", doc.vocab.ids().len(), doc.tokens.len()));
    }
    let mut next_token = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        let (first, last) =
            (doc.tokens.get(s.tokens.start), doc.tokens.get(s.tokens.end.wrapping_sub(1)));
        let ends = first.zip(last).map(|(f, l)| (f.start(), l.end()));
        if s.tokens.start != next_token || s.tokens.is_empty() || s.tokens.end > doc.tokens.len() {
            return fail(format!(
                "sentence {i} tokens {:?} (expected from {next_token})",
                s.tokens
            ));
        }
        if ends != Some((s.start, s.end)) || s.paragraph >= doc.paragraphs.len() {
            return fail(format!(
                "sentence {i} {}..{} (tokens {ends:?}), paragraph {}",
                s.start, s.end, s.paragraph
            ));
        }
        next_token = s.tokens.end;
    }
    let mut next_sentence = 0;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let inside = doc.sentences.get(p.sentences.clone()).unwrap_or_default();
        let ok = p.sentences.start == next_sentence
            && p.sentences.end <= doc.sentences.len()
            && span_ok(text, p.start, p.end)
            && inside.iter().all(|s| s.paragraph == i && p.start <= s.start && s.end <= p.end);
        if !ok {
            return fail(format!(
                "paragraph {i} {}..{} sentences {:?}",
                p.start, p.end, p.sentences
            ));
        }
        next_sentence = p.sentences.end;
    }
    if next_sentence != doc.sentences.len() {
        return fail(format!(
            "paragraphs cover {next_sentence} of {} sentences",
            doc.sentences.len()
        ));
    }
    let wraps_ok = doc.wraps.windows(2).all(|w| w[0] < w[1])
        && doc.wraps.iter().all(|&w| text.as_bytes().get(w as usize) == Some(&b'\n'));
    if !wraps_ok {
        return fail("wraps not in order or not at line breaks".into());
    }
    Ok(())
}

/// The entity stage: mentions sorted by start, not overlapping, non-empty,
/// on char boundaries; a title's span too.
pub fn mentions(doc: &Doc, mentions: &[Mention]) -> Check {
    let mut prev = 0;
    for (i, m) in mentions.iter().enumerate() {
        let title_ok = m.title.is_none_or(|(s, e)| s < e && span_ok(doc.text, s, e));
        if m.start < prev || m.start >= m.end || !span_ok(doc.text, m.start, m.end) || !title_ok {
            return fail(format!(
                "mention {i} {}..{} after {prev}, title {:?}",
                m.start, m.end, m.title
            ));
        }
        prev = m.end;
    }
    Ok(())
}

/// Coreference: each mention in exactly one existing cluster, every
/// cluster with a mention, the mentions still as the entity stage gave them.
pub fn table(doc: &Doc, t: &EntityTable) -> Check {
    mentions(doc, &t.mentions)?;
    if t.cluster_of.len() != t.mentions.len() {
        return fail(format!("{} clusters for {} mentions", t.cluster_of.len(), t.mentions.len()));
    }
    let mut used = vec![false; t.clusters.len()];
    for (i, &c) in t.cluster_of.iter().enumerate() {
        match used.get_mut(c) {
            Some(u) => *u = true,
            None => return fail(format!("mention {i} in cluster {c} of {}", t.clusters.len())),
        }
    }
    match used.iter().position(|u| !u) {
        Some(c) => fail(format!("cluster {c} has no mention")),
        None => Ok(()),
    }
}

/// The result in bytes, before offsets are converted: every span on char
/// boundaries with its text; a quote's parts in order inside its extent,
/// the first starting and the last ending it, its text theirs joined by
/// " … "; quotes in order and not overlapping; a speaker's entity an index
/// into the entities, with its name; every entity with a mention, its
/// mentions in order.
pub fn analysis(text: &str, a: &Analysis) -> Check {
    let spanned = |what: &str, s: &Span| -> Check {
        if s.start < s.end && text.get(s.start..s.end) == Some(s.text.as_str()) {
            Ok(())
        } else {
            fail(format!("{what} {}..{} {:?}", s.start, s.end, s.text))
        }
    };
    let mut prev = 0;
    for (i, q) in a.quotes.iter().enumerate() {
        for p in &q.parts {
            spanned(&format!("quote {i} part"), p)?;
        }
        let ordered = q.parts.windows(2).all(|w| w[0].end <= w[1].start);
        let extent = q.parts.first().map(|p| p.start) == Some(q.start)
            && q.parts.last().map(|p| p.end) == Some(q.end);
        let joined = crate::quotes::joined_text(&q.parts);
        if !ordered || !extent || joined != q.text || q.start < prev {
            return fail(format!(
                "quote {i} {}..{} after {prev}: parts {:?}",
                q.start, q.end, q.parts
            ));
        }
        prev = q.end;
        if let Some(c) = &q.cue {
            spanned(&format!("quote {i} cue"), c)?;
        }
        if let Some(sp) = &q.speaker {
            let s = Span { start: sp.start, end: sp.end, text: sp.text.clone() };
            spanned(&format!("quote {i} speaker"), &s)?;
            if let Some(e) = sp.entity {
                if a.entities.get(e).map(|e| e.name.as_str()) != Some(sp.name.as_str()) {
                    return fail(format!("quote {i} speaker {:?} entity {e}", sp.name));
                }
            }
        }
    }
    for (i, e) in a.entities.iter().enumerate() {
        if e.mentions.is_empty() || !e.mentions.windows(2).all(|w| w[0].end <= w[1].start) {
            return fail(format!("entity {i} {:?}: mentions {:?}", e.name, e.mentions));
        }
        for m in &e.mentions {
            spanned(&format!("entity {i} mention"), m)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    const TEXT: &str = "“We will win,” Mayor Ada Brook said on Monday. “It is done.”\n\nBrook told Acme Corp. that costs rose 5 percent, a spokesman said.";

    #[test]
    fn every_stage_of_a_real_text_keeps_its_invariants() {
        let d = Doc::new(TEXT);
        assert_eq!(doc(&d), Ok(()));
        let found = crate::entities::find(&d);
        assert_eq!(mentions(&d, &found), Ok(()));
        let t = crate::coref::cluster(&d, found);
        assert_eq!(table(&d, &t), Ok(()));
        let a = analyze(TEXT, &Options::default());
        assert!(a.quotes.len() >= 2 && !a.entities.is_empty());
        assert_eq!(analysis(TEXT, &a), Ok(()));
    }

    #[test]
    fn a_broken_stage_output_is_caught() {
        let mut d = Doc::new(TEXT);
        d.tokens.swap(1, 2);
        assert!(doc(&d).unwrap_err().contains("token 2"));
        let mut d = Doc::new(TEXT);
        if let Some(s) = d.sentences.first_mut() {
            s.end += 1;
        }
        assert!(doc(&d).unwrap_err().contains("sentence 0"));

        let d = Doc::new(TEXT);
        let mut found = crate::entities::find(&d);
        found.swap(0, 1);
        assert!(mentions(&d, &found).is_err());
        let mut t = crate::coref::cluster(&d, crate::entities::find(&d));
        t.cluster_of.iter_mut().for_each(|c| *c = 0);
        assert!(table(&d, &t).unwrap_err().contains("has no mention"));

        let good = analyze(TEXT, &Options::default());
        let broken: [fn(&mut Analysis); 5] = [
            |a| a.quotes.swap(0, 1),
            |a| a.quotes[0].parts[0].start += 1,
            |a| a.quotes[0].text.push('x'),
            |a| a.quotes[0].speaker.as_mut().unwrap().entity = Some(999),
            |a| a.entities[0].mentions[0].end = TEXT.len() + 1,
        ];
        for (i, f) in broken.iter().enumerate() {
            let mut a = good.clone();
            f(&mut a);
            assert!(analysis(TEXT, &a).is_err(), "breakage {i} missed");
        }
    }
}
