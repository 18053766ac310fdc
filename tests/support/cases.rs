// One fuzz case per target, as plain functions that panic on failure: the
// fuzz targets call them on generated inputs, and tests/fuzz_regressions.rs
// on the seeds and on every input a fuzzer ever crashed on. Included next to
// invariants.rs (whose `check` and `convert` it uses).

/// `analyze` on any bytes (read as UTF-8 with replacement characters), in
/// every offset unit: no panic, the contract holds, units agree.
pub fn analyze_case(data: &[u8]) {
    use whosaid::{analyze, OffsetUnit, Options};
    let text = String::from_utf8_lossy(data);
    let bytes = analyze(&text, &Options { offsets: OffsetUnit::Utf8, ..Options::default() });
    for unit in [OffsetUnit::Utf8, OffsetUnit::Utf16, OffsetUnit::Codepoint] {
        let a = analyze(&text, &Options { offsets: unit, ..Options::default() });
        if let Err(e) = check(&text, unit, &a) {
            panic!("{unit:?}: {e}");
        }
        assert_eq!(a, convert(&text, unit, &bytes), "{unit:?} offsets differ from the byte analysis");
    }
}

/// The JSONL reader on any bytes: `parse_line` does not panic, and `run`
/// writes one JSON line per non-blank input line, one error record and one
/// message per bad line.
pub fn jsonl_case(data: &[u8]) {
    if let Ok(item) = whosaid::batch::parse_line(data, 1) {
        assert!(serde_json::to_string(&item.id).is_ok(), "id serializes");
    }
    let mut out = Vec::new();
    let mut err = Vec::new();
    let bad = whosaid::batch::run(data, &mut out, &mut err, &whosaid::Options { offsets: whosaid::OffsetUnit::Utf16, ..Default::default() }, 2).expect("in-memory I/O does not fail");
    let out = String::from_utf8(out).expect("output is UTF-8");
    let records: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("output line is JSON")).collect();
    let errors = records.iter().filter(|r| r.get("error").is_some()).count();
    assert_eq!(errors, bad, "error records vs bad-line count");
    let expected = data.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
    assert_eq!(records.len(), expected, "one output line per non-blank input line");
    assert_eq!(String::from_utf8_lossy(&err).lines().count(), bad, "one message per bad line");
}
