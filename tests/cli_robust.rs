//! The CLI on bad input: invalid UTF-8, lines that are not JSON, lines
//! without a string `text`, empty input, lone surrogate escapes. Each bad
//! line gets a message naming its line number and the problem, the other
//! lines are still analysed, and the exit code is the documented one
//! (0 all analysed, 1 some JSONL lines bad, 2 usage or unreadable input).

use serde_json::Value;

include!("support/cli.rs");

fn jsonl(stdin: &[u8]) -> (Option<i32>, Vec<Value>, String) {
    let out = whosaid(&["analyze", "--jsonl", "--threads", "2"], stdin);
    let lines = String::from_utf8(out.stdout)
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    (out.status.code(), lines, String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn every_kind_of_bad_line_is_named_and_the_rest_analysed() {
    let good = |id: u32| format!("{{\"id\":{id},\"text\":\"\\\"Go,\\\" she said.\"}}\n");
    let mut input = Vec::new();
    input.extend(good(1).as_bytes());
    input.extend(b"{\"id\":2,\"text\":\"caf\xe9\"}\n"); // Latin-1, not UTF-8
    input.extend(b"{\"id\":3,\"text\":\n"); // truncated JSON
    input.extend(b"{\"id\":4}\n"); // no text
    input.extend(b"{\"id\":5,\"text\":42}\n"); // text not a string
    input.extend(b"[\"id\",\"text\"]\n"); // not an object
    input.extend(b"\"just a string\"\n");
    input.extend(good(8).as_bytes());
    let (code, lines, err) = jsonl(&input);
    assert_eq!(code, Some(1), "bad lines make the exit code 1");
    for (n, problem) in [
        (2, "not UTF-8"),
        (3, "not JSON"),
        (4, "no \"text\" field"),
        (5, "\"text\" is not a string"),
        (6, "expected an object"),
        (7, "expected an object"),
    ] {
        assert!(
            err.contains(&format!("line {n}: {problem}")),
            "stderr lacks line {n}: {problem}:\n{err}"
        );
        let rec = lines
            .iter()
            .find(|l| l["line"] == n)
            .unwrap_or_else(|| panic!("no error record for line {n}"));
        assert!(rec["error"].as_str().is_some_and(|e| e.contains(problem)));
    }
    assert_eq!(lines.len(), 8, "one output line per input line, in order");
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[7]["id"], 8);
    assert_eq!(lines[7]["quotes"][0]["text"], "Go,");
}

#[test]
fn empty_input_is_not_an_error() {
    let (code, lines, err) = jsonl(b"");
    assert_eq!((code, lines.len(), err.as_str()), (Some(0), 0, ""));
    let (code, lines, _) = jsonl(b"\n\n  \r\n");
    assert_eq!((code, lines.len()), (Some(0), 0), "blank lines are skipped");
    let out = whosaid(&["analyze", "-"], b"");
    assert_eq!(out.status.code(), Some(0));
    let a: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(a, serde_json::json!({"quotes": [], "entities": []}));
}

#[test]
fn lone_surrogate_escapes_become_replacement_characters() {
    // What JavaScript's JSON.stringify writes for a string with lone surrogates.
    let input = b"{\"id\":\"s\",\"text\":\"\\ud800\\\"Hi,\\\" \\udc00she said \\ud83d\\ude00.\"}\n";
    let (code, lines, err) = jsonl(input);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(lines[0]["quotes"][0]["text"], "Hi,");
    assert_eq!(lines[0]["quotes"][0]["start"], 2, "U+FFFD counts as one code point");
}

#[test]
fn crlf_lines_nul_bytes_and_a_huge_line() {
    let big = "x".repeat(3_000_000);
    let input = format!(
        "{{\"id\":1,\"text\":\"a\\u0000\\\"b c\\\" d\"}}\r\n{{\"id\":2,\"text\":\"{big}\"}}\r\n"
    );
    let (code, lines, err) = jsonl(input.as_bytes());
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["id"], 2);
}

#[test]
fn single_article_errors_exit_2_with_a_message() {
    let out = whosaid(&["analyze", "-"], b"ok \xc3\x28 bad");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8 at byte 3"));
    let dir = std::env::temp_dir();
    let out = whosaid(&["analyze", dir.to_str().expect("temp dir path")], b"");
    assert_eq!(out.status.code(), Some(2), "a directory is unreadable input");
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("whosaid: "));
    let out = whosaid(&["analyze", "--threads"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--threads needs a value"));
}

#[test]
fn binary_garbage_in_jsonl_is_reported_per_line() {
    let mut input = Vec::new();
    for i in 0..200u32 {
        input.extend((0..64).map(|j| ((i * 31 + j * 7) % 251) as u8).filter(|&b| b != b'\n'));
        input.push(b'\n');
    }
    let (code, lines, err) = jsonl(&input);
    assert_eq!(code, Some(1));
    assert_eq!(lines.len(), 200);
    assert!(err.lines().all(|l| l.starts_with("whosaid: line ")), "{err}");
}
