//! Golden files: whole articles written for the project (never corpus text)
//! analysed end to end, compared with the reviewed output in tests/golden/.
//! A change in behaviour shows up as a diff to review; after reviewing it,
//! rewrite the files with `UPDATE_GOLDEN=1 cargo test --release --test golden`.

use std::path::Path;
use whosaid::{analyze, OffsetUnit, Options};

fn check(article: &str, golden: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(article)).expect("article");
    let got = serde_json::to_string_pretty(&analyze(
        &text,
        &Options { offsets: OffsetUnit::Codepoint, ..Options::default() },
    ))
    .expect("json")
        + "\n";
    let path = root.join(golden);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        let first = got.lines().zip(want.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "{article} no longer gives {golden} (first difference at line {}):\n  got:  {}\n  want: {}\nReview, then UPDATE_GOLDEN=1 cargo test --release --test golden",
            first + 1,
            got.lines().nth(first).unwrap_or(""),
            want.lines().nth(first).unwrap_or("")
        );
    }
}

#[test]
fn sample_article() {
    check("www/sample.txt", "tests/golden/sample.json");
}

/// A made-up article in the styles that misled speakers in the field:
/// labels, a byline, a dateline, captions and credits, furniture, first
/// names, titles before names, "told", "who" and "the statement".
#[test]
fn field_styles_article() {
    check("tests/golden/field.txt", "tests/golden/field.json");
}
