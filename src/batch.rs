//! The JSONL batch format of the CLI: lines `{"id": ..., "text": ...}` in,
//! lines `{"id": ..., "quotes": [...], "entities": [...]}` out, in input
//! order, analysed on all cores. Native only (it needs threads and
//! serde_json); kept in the library so that it can be tested and fuzzed.
//!
//! Guarantees: a bad line (not UTF-8, not JSON, no string `text`) never stops
//! the batch: it yields an error record naming its line number, and every
//! other line is still analysed and written. Lone UTF-16 surrogate escapes
//! (`"\ud800"`, which JavaScript's `JSON.stringify` writes) are read as U+FFFD.

use crate::{analyze, Analysis, Options};
use serde_json::{json, Value};
use std::io::{self, BufRead, Write};

/// One parsed input line.
#[derive(Debug, PartialEq)]
pub struct Item {
    /// The line's `id`, any JSON value (`null` when absent).
    pub id: Value,
    /// The line's `text`.
    pub text: String,
}

/// Parses one input line (without its line break). `lineno` is 1-based.
pub fn parse_line(line: &[u8], lineno: usize) -> Result<Item, String> {
    let s = std::str::from_utf8(line)
        .map_err(|e| format!("line {lineno}: not UTF-8 at byte {} of the line", e.valid_up_to()))?;
    let v: Value = match serde_json::from_str(s) {
        Ok(v) => v,
        Err(_) => serde_json::from_str(&replace_lone_surrogates(s))
            .map_err(|e| format!("line {lineno}: not JSON: {e}"))?,
    };
    let Value::Object(mut obj) = v else {
        return Err(format!("line {lineno}: expected an object {{\"id\", \"text\"}}"));
    };
    let id = obj.remove("id").unwrap_or(Value::Null);
    match obj.remove("text") {
        Some(Value::String(text)) => Ok(Item { id, text }),
        Some(_) => Err(format!("line {lineno}: \"text\" is not a string")),
        None => Err(format!("line {lineno}: no \"text\" field")),
    }
}

/// Rewrites `\uD800`-`\uDFFF` escapes that are not part of a valid pair as
/// `\uFFFD`. Escaped backslashes are respected.
pub fn replace_lone_surrogates(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut last = 0;
    let hex = |at: usize| s.get(at..at + 4).and_then(|h| u16::from_str_radix(h, 16).ok());
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        if b.get(i + 1) != Some(&b'u') {
            i += 2;
            continue;
        }
        let Some(u) = hex(i + 2) else {
            i += 2;
            continue;
        };
        let high = (0xD800..0xDC00).contains(&u);
        let low = (0xDC00..0xE000).contains(&u);
        let paired = high
            && b.get(i + 6) == Some(&b'\\')
            && b.get(i + 7) == Some(&b'u')
            && hex(i + 8).is_some_and(|l| (0xDC00..0xE000).contains(&l));
        if paired {
            i += 12;
        } else if high || low {
            out.push_str(&s[last..i]);
            out.push_str("\\uFFFD");
            i += 6;
            last = i;
        } else {
            i += 6;
        }
    }
    out.push_str(s.get(last..).unwrap_or(""));
    out
}

/// The output record of one analysed item, serialised straight from the
/// analysis (no intermediate JSON tree).
#[derive(serde::Serialize)]
struct Record<'a> {
    id: &'a Value,
    quotes: &'a [crate::Quote],
    entities: &'a [crate::Entity],
}

/// The output line of one analysed item.
pub fn record(id: &Value, analysis: &Analysis) -> String {
    let r = Record { id, quotes: &analysis.quotes, entities: &analysis.entities };
    // Serialising plain data to a String cannot fail; an error would be a bug,
    // reported as an error record rather than a panic.
    serde_json::to_string(&r)
        .unwrap_or_else(|e| json!({"id": id, "error": e.to_string()}).to_string())
}

/// Reads JSONL from `input`, writes JSONL to `output` and error messages to
/// `errors`; returns the number of bad lines. Work is spread over `threads`.
pub fn run(
    input: impl BufRead,
    output: impl Write,
    errors: impl Write,
    options: &Options,
    threads: usize,
) -> io::Result<usize> {
    let mut lines: Vec<Vec<u8>> = Vec::new();
    for line in input.split(b'\n') {
        let mut line = line?;
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        lines.push(line);
    }
    let results = analyze_all(&lines, options, threads.max(1));
    write_results(results, output, errors)
}

/// Writes each line's record (an error record for a bad line, with its
/// message on `errors`); returns the number of bad lines.
fn write_results(
    results: Vec<LineResult>,
    mut output: impl Write,
    mut errors: impl Write,
) -> io::Result<usize> {
    let mut bad = 0;
    for (i, r) in results.into_iter().enumerate() {
        match r {
            None => {}
            Some(Ok(v)) => writeln!(output, "{v}")?,
            Some(Err(msg)) => {
                bad += 1;
                writeln!(errors, "whosaid: {msg}")?;
                writeln!(output, "{}", json!({"line": i + 1, "error": msg}))?;
            }
        }
    }
    output.flush()?;
    Ok(bad)
}

type LineResult = Option<Result<String, String>>;

fn analyze_all(lines: &[Vec<u8>], options: &Options, threads: usize) -> Vec<LineResult> {
    each_line(lines, threads, |i, line| {
        parse_line(line, i + 1).map(|item| record(&item.id, &analyze(&item.text, options)))
    })
}

/// The error of a line whose analysis panicked.
fn internal_error(i: usize) -> String {
    format!("line {}: internal error: the analysis failed (please report this input)", i + 1)
}

/// Runs `f` on each non-blank line (index, bytes) over `threads` threads,
/// results in line order.
fn each_line(
    lines: &[Vec<u8>],
    threads: usize,
    f: impl Fn(usize, &[u8]) -> Result<String, String> + Sync,
) -> Vec<LineResult> {
    let one = |(i, line): (usize, &Vec<u8>)| -> LineResult {
        if line.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        // NOTE: a panic in the engine would be a bug; caught here, it costs
        // its own line an error record (counted as a bad line), not the
        // lines the same thread holds.
        let analysed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(i, line)));
        Some(analysed.unwrap_or_else(|_| Err(internal_error(i))))
    };
    if threads == 1 || lines.len() < 2 {
        return lines.iter().enumerate().map(one).collect();
    }
    // Interleaved assignment balances long and short articles across threads.
    let mut results: Vec<LineResult> = (0..lines.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    lines
                        .iter()
                        .enumerate()
                        .skip(t)
                        .step_by(threads)
                        .map(|x| (x.0, one(x)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for (t, h) in handles.into_iter().enumerate() {
            match h.join() {
                Ok(part) => {
                    for (i, r) in part {
                        if let Some(slot) = results.get_mut(i) {
                            *slot = r;
                        }
                    }
                }
                // A thread that died anyway: each of its lines gets an error record.
                Err(_) => {
                    for i in (t..lines.len()).step_by(threads) {
                        if let Some(slot) = results.get_mut(i).filter(|_| {
                            lines.get(i).is_some_and(|l| !l.iter().all(u8::is_ascii_whitespace))
                        }) {
                            *slot = Some(Err(internal_error(i)));
                        }
                    }
                }
            }
        }
    });
    results
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OffsetUnit;

    #[test]
    fn a_panic_costs_its_own_line_an_error_record_and_no_other() {
        let lines: Vec<Vec<u8>> =
            ["a", "boom", "", "c", "d"].iter().map(|l| l.as_bytes().to_vec()).collect();
        for threads in [1, 2] {
            let got = each_line(&lines, threads, |_, l| {
                if l == b"boom" {
                    panic!("injected")
                } else {
                    Ok(String::from_utf8_lossy(l).into_owned())
                }
            });
            assert_eq!(got[0], Some(Ok("a".into())));
            assert_eq!(got[1], Some(Err(internal_error(1))));
            assert_eq!(got[2], None);
            assert_eq!(
                (got[3].clone(), got[4].clone()),
                (Some(Ok("c".into())), Some(Ok("d".into())))
            );
        }
    }

    /// A panic payload whose drop panics again: it escapes `catch_unwind`
    /// and kills the thread that holds it, as a bug outside a line would.
    struct Unkind;
    impl Drop for Unkind {
        fn drop(&mut self) {
            panic!("dropped")
        }
    }

    #[test]
    fn a_dead_thread_costs_its_lines_error_records_counted_as_bad() {
        let lines: Vec<Vec<u8>> =
            ["a", "b", "kill", "d", "", "f"].iter().map(|l| l.as_bytes().to_vec()).collect();
        let got = each_line(&lines, 2, |_, l| {
            if l == b"kill" {
                std::panic::panic_any(Unkind)
            }
            Ok(format!("{:?}", String::from_utf8_lossy(l)))
        });
        // Thread 0 held lines 0, 2 and 4 (blank): each non-blank one is an error.
        assert_eq!(got[0], Some(Err(internal_error(0))));
        assert_eq!(got[2], Some(Err(internal_error(2))));
        assert_eq!(got[4], None);
        assert_eq!(
            (got[1].clone(), got[3].clone()),
            (Some(Ok("\"b\"".into())), Some(Ok("\"d\"".into())))
        );
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let bad = write_results(got, &mut out, &mut err).unwrap();
        assert_eq!(bad, 2);
        let out = String::from_utf8(out).unwrap();
        let records: Vec<&str> = out.lines().collect();
        assert_eq!(records.len(), 5, "{out}");
        assert!(records[0].contains(r#""line":1"#) && records[0].contains("internal error"));
        assert!(records[2].contains(r#""line":3"#), "{out}");
        assert_eq!(String::from_utf8(err).unwrap().lines().count(), 2);
    }

    #[test]
    fn parses_id_and_text() {
        let it = parse_line(br#"{"id": "a/1", "text": "He said."}"#, 1).unwrap();
        assert_eq!(it.id, json!("a/1"));
        assert_eq!(it.text, "He said.");
    }

    #[test]
    fn bad_lines_name_their_line_and_problem() {
        assert!(parse_line(b"{nope", 7).unwrap_err().starts_with("line 7: not JSON"));
        assert_eq!(parse_line(br#"{"id": 1}"#, 3).unwrap_err(), "line 3: no \"text\" field");
        assert_eq!(
            parse_line(b"[1]", 2).unwrap_err(),
            "line 2: expected an object {\"id\", \"text\"}"
        );
        assert_eq!(
            parse_line(b"{\"text\": \"a\xff\"}", 4).unwrap_err(),
            "line 4: not UTF-8 at byte 11 of the line"
        );
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let it =
            parse_line(br#"{"id": 1, "text": "a\ud800b\udc00 \ud83d\ude00 \\ud800"}"#, 1).unwrap();
        assert_eq!(it.text, "a\u{fffd}b\u{fffd} 😀 \\ud800");
    }

    #[test]
    fn batch_keeps_order_and_survives_bad_lines() {
        let input =
            "{\"id\":1,\"text\":\"\\\"Yes,\\\" he said.\"}\nnot json\n\n{\"id\":2,\"text\":\"\"}\n";
        let mut out = Vec::new();
        let mut err = Vec::new();
        let bad = run(
            input.as_bytes(),
            &mut out,
            &mut err,
            &Options { offsets: OffsetUnit::Codepoint, ..Options::default() },
            3,
        )
        .unwrap();
        assert_eq!(bad, 1);
        let lines: Vec<Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["id"], json!(1));
        assert_eq!(lines[0]["quotes"][0]["text"], json!("Yes,"));
        assert_eq!(lines[1]["line"], json!(2));
        assert_eq!(lines[2]["id"], json!(2));
        assert!(String::from_utf8(err).unwrap().contains("line 2: not JSON"));
    }
}
