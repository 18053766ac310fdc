//! Scores the entity stage against the shared gold corpora, when present
//! (`$WHOSAID_SHARED/corpus`, else `../shared/corpus` beside the repository),
//! with the scorer's rules: mention-level exact span and type, GPE counted
//! as LOC, predictions overlapping an unscored gold mention (CoNLL MISC)
//! not counted. Skips with a note when the corpus is absent.

use std::collections::HashSet;
use whosaid::{analyze, OffsetUnit, Options};

include!("support/corpus.rs");

fn corpus(name: &str) -> Option<String> {
    std::fs::read_to_string(shared_corpus(name)?).ok()
}

/// F1 over the gold file's scored types.
fn f1(jsonl: &str) -> f64 {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let g: serde_json::Value = serde_json::from_str(line).expect("gold JSON");
        let text = g["text"].as_str().unwrap_or("");
        let types: HashSet<&str> =
            g["entity_types"].as_array().into_iter().flatten().filter_map(|t| t.as_str()).collect();
        let span = |e: &serde_json::Value| {
            (e["span"][0].as_u64().unwrap_or(0), e["span"][1].as_u64().unwrap_or(0))
        };
        let ents = g["entities"].as_array().cloned().unwrap_or_default();
        let gold: HashSet<(u64, u64, String)> = ents
            .iter()
            .filter(|e| types.contains(e["type"].as_str().unwrap_or("")))
            .map(|e| (span(e).0, span(e).1, e["type"].as_str().unwrap_or("").to_string()))
            .collect();
        let unscored: Vec<(u64, u64)> = ents
            .iter()
            .filter(|e| !types.contains(e["type"].as_str().unwrap_or("")))
            .map(span)
            .collect();
        let a = analyze(text, &Options { offsets: OffsetUnit::Codepoint, ..Options::default() });
        let mut pred = HashSet::new();
        for e in &a.entities {
            let ty = match serde_json::to_value(e.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .as_deref()
            {
                Some("GPE") | Some("LOC") => "LOC".to_string(),
                Some(t) => t.to_string(),
                None => continue,
            };
            for m in &e.mentions {
                pred.insert((m.start as u64, m.end as u64, ty.clone()));
            }
        }
        for p in &pred {
            if !types.contains(p.2.as_str()) {
                continue;
            }
            if gold.contains(p) {
                tp += 1;
            } else if !unscored.iter().any(|u| u.0 < p.1 && p.0 < u.1) {
                fp += 1;
            }
        }
        fn_ += gold.iter().filter(|g| !pred.contains(*g)).count();
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        200.0 * p * r / (p + r)
    }
}

#[test]
fn conll_dev_f1_at_least_90() {
    let Some(text) = corpus("conllpp-dev.jsonl") else {
        eprintln!("note: conllpp-dev.jsonl not found; skipping the corpus score");
        return;
    };
    let f = f1(&text);
    eprintln!("conllpp-dev PERSON/ORG/LOC F1 {f:.1}");
    assert!(f >= 90.0, "conllpp-dev F1 {f:.1} < 90");
}

#[test]
fn seeds_f1_at_least_95() {
    let Some(text) = corpus("seeds.jsonl") else {
        eprintln!("note: seeds.jsonl not found; skipping the corpus score");
        return;
    };
    let f = f1(&text);
    eprintln!("seeds PERSON/ORG/LOC/DATE F1 {f:.1}");
    assert!(f >= 95.0, "seeds F1 {f:.1} < 95");
}
