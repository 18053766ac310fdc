//! Accuracy floors: the development corpora scored by the shared scorer
//! (`../shared/eval/score.py`, run with python3), failing when a measure
//! falls under its floor. The floors sit just under what the analyzer
//! reaches now, so that a change that loses quality fails here and has to
//! be looked at; they are raised as the analyzer improves.
//!
//! The corpora are found as the other corpus tests find them
//! (`$WHOSAID_SHARED`, `../shared`, `/work/shared`). A checkout without
//! them fails with a note on how to get them, unless `WHOSAID_SKIP_CORPUS=1`
//! says to skip on purpose.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use whosaid::{analyze, OffsetUnit, Options};

include!("support/corpus.rs");

/// The gold file of a corpus, or None when skipping is asked for.
fn gold(name: &str) -> Option<PathBuf> {
    if std::env::var_os("WHOSAID_SKIP_CORPUS").is_some() {
        eprintln!("note: WHOSAID_SKIP_CORPUS is set; accuracy floors not checked");
        return None;
    }
    let path = shared_corpus(name);
    assert!(path.is_some(), "corpus/{name} not found: put the shared corpora beside the checkout (../shared) or set WHOSAID_SHARED; WHOSAID_SKIP_CORPUS=1 skips");
    path
}

/// The scorer's JSON figures for the analyzer's output on `gold`.
fn score(gold: &Path) -> Value {
    let tag = gold.file_stem().and_then(|s| s.to_str()).unwrap_or("corpus");
    let pred =
        std::env::temp_dir().join(format!("whosaid-floors-{}-{tag}.jsonl", std::process::id()));
    let mut out = std::fs::File::create(&pred).expect("temp file");
    let options = Options { offsets: OffsetUnit::Codepoint, ..Options::default() };
    for line in
        std::fs::read_to_string(gold).expect("gold file").lines().filter(|l| !l.trim().is_empty())
    {
        let doc: Value = serde_json::from_str(line).expect("gold JSON");
        let a = analyze(doc["text"].as_str().unwrap_or(""), &options);
        let record =
            serde_json::json!({"id": doc["id"], "quotes": a.quotes, "entities": a.entities});
        writeln!(out, "{record}").expect("write prediction");
    }
    drop(out);
    let scorer =
        gold.parent().and_then(Path::parent).map(|d| d.join("eval/score.py")).expect("scorer path");
    let run = Command::new("python3")
        .arg(&scorer)
        .arg(gold)
        .arg(&pred)
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    let _ = std::fs::remove_file(&pred);
    assert!(run.status.success(), "score.py failed: {}", String::from_utf8_lossy(&run.stderr));
    serde_json::from_slice(&run.stdout).expect("scorer JSON")
}

/// Checks each `(path, floor)`, a path of keys into the scorer's JSON, and
/// reports every measure under its floor at once.
fn check(corpus: &str, floors: &[(&[&str], f64)]) {
    let Some(path) = gold(corpus) else { return };
    let figures = score(&path);
    let mut low = Vec::new();
    for (keys, floor) in floors {
        let got = keys.iter().fold(&figures, |v, k| &v[*k]).as_f64().unwrap_or(f64::NAN);
        eprintln!("{corpus} {}: {got} (floor {floor})", keys.join("."));
        // Written so that a missing figure (NaN) fails too.
        #[allow(clippy::neg_cmp_op_on_partial_ord)]
        let under = !(got >= *floor);
        if under {
            low.push(format!("{}: {got} < {floor}", keys.join(".")));
        }
    }
    assert!(low.is_empty(), "{corpus} fell under its floors:\n  {}", low.join("\n  "));
}

const AT3: &str = "overlap>=0.3";
const AT8: &str = "overlap>=0.8";

#[test]
fn news_dev_speakers_and_quotes() {
    check(
        "news-dev.jsonl",
        &[
            (&["quotes", AT3, "speaker_name_acc"], 94.2),
            (&["quotes", "words", "attributed", "f1"], 89.6),
            // Issue 16's target (88), met with room.
            (&["quotes", AT3, "f1"], 89.2),
            (&["quotes", AT8, "f1"], 79.0),
            // Issue 16's target (97%).
            (&["quotes", AT3, "recall_direct"], 97.0),
        ],
    );
}

#[test]
fn polnear_dev_quotes_and_speakers() {
    check(
        "polnear-dev.jsonl",
        &[
            // Issue 16's target (89), met with a little room.
            (&["quotes", "words", "attributed", "f1"], 89.2),
            (&["quotes", AT8, "f1"], 76.2),
            (&["quotes", AT3, "f1"], 88.6),
            (&["quotes", AT3, "speaker_acc"], 95.6),
            (&["quotes", AT3, "cue_acc"], 94.9),
            // Issue 16: never lower than 95.3%, the figure before the speaker work.
            (&["quotes", AT3, "recall_direct"], 95.3),
        ],
    );
}

#[test]
fn seeds_every_quote_and_name() {
    check(
        "seeds.jsonl",
        &[
            (&["quotes", AT3, "r"], 100.0),
            (&["quotes", AT3, "speaker_name_acc"], 100.0),
            (&["quotes", AT3, "p"], 100.0),
        ],
    );
}
