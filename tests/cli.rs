//! The CLI end to end: the contract of its JSON, offsets units, the JSONL
//! batch mode, and clear errors on bad input.

use serde_json::Value;

include!("support/cli.rs");
include!("support/corpus.rs");

const SAMPLE: &str = "“We will win,” Senator Jane Alvarez said on Tuesday. 🇺🇸 \"It is done,\" she added.\n\nThe mayor of Springfield said the plan was \"a good start.\"";

/// Checks one analysis against the output contract, offsets in `unit`.
fn check_contract(text: &str, a: &Value, unit: &str) {
    let slice = |s: u64, e: u64| -> String {
        let (s, e) = (s as usize, e as usize);
        match unit {
            "codepoint" => text.chars().skip(s).take(e - s).collect(),
            "utf16" => String::from_utf16(&text.encode_utf16().collect::<Vec<_>>()[s..e])
                .expect("span splits a surrogate pair"),
            _ => text[s..e].to_string(),
        }
    };
    let check_span = |v: &Value, what: &str| {
        let (s, e) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
        assert!(s <= e, "{what}: start after end");
        assert_eq!(
            v["text"].as_str().unwrap(),
            slice(s, e),
            "{what}: text is not the slice it describes"
        );
    };
    let entities = a["entities"].as_array().expect("entities array");
    for (i, q) in a["quotes"].as_array().expect("quotes array").iter().enumerate() {
        let parts = q["parts"].as_array().expect("parts array");
        assert!(!parts.is_empty(), "quote {i} has no parts");
        for (j, p) in parts.iter().enumerate() {
            check_span(p, &format!("quote {i} part {j}"));
        }
        let joined: Vec<&str> = parts.iter().map(|p| p["text"].as_str().unwrap()).collect();
        assert_eq!(
            q["text"].as_str().unwrap(),
            joined.join(" … "),
            "quote {i}: text is not its parts joined"
        );
        assert_eq!(
            (&q["start"], &q["end"]),
            (&parts[0]["start"], &parts[parts.len() - 1]["end"]),
            "quote {i}: extent is not its parts'"
        );
        assert!(["direct", "partial", "mixed", "indirect"].contains(&q["kind"].as_str().unwrap()));
        if !q["cue"].is_null() {
            check_span(&q["cue"], "cue");
        }
        if !q["speaker"].is_null() {
            check_span(&q["speaker"], "speaker");
            assert!(q["speaker"]["name"].is_string());
            if let Some(e) = q["speaker"]["entity"].as_u64() {
                assert!((e as usize) < entities.len(), "speaker.entity points past the entities");
            }
        }
    }
    for e in entities {
        assert!([
            "PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "DATE", "TIME", "MONEY", "PERCENT",
            "CARDINAL"
        ]
        .contains(&e["type"].as_str().unwrap()));
        assert!(e["name"].is_string());
        assert!(e["title"].is_null() || e["title"].is_string());
        assert!(!e["mentions"].as_array().unwrap().is_empty(), "an entity without mentions");
        for m in e["mentions"].as_array().unwrap() {
            check_span(m, "mention");
        }
    }
}

#[test]
fn help_and_version() {
    let out = whosaid(&["--help"], b"");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("whosaid analyze"));
    let out = whosaid(&["--version"], b"");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("whosaid {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn analyze_stdin_in_every_offset_unit() {
    for unit in ["codepoint", "utf16", "utf8"] {
        let out = whosaid(&["analyze", "--offsets", unit, "-"], SAMPLE.as_bytes());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let a: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        check_contract(SAMPLE, &a, unit);
        let texts: Vec<&str> =
            a["quotes"].as_array().unwrap().iter().map(|q| q["text"].as_str().unwrap()).collect();
        assert!(texts.contains(&"It is done,"), "{texts:?}");
    }
}

#[test]
fn seed_articles_follow_the_contract() {
    let Some(path) = shared_corpus("seeds.jsonl") else { return };
    let gold = std::fs::read_to_string(path).unwrap();
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Value = serde_json::from_str(line).unwrap();
        let text = doc["text"].as_str().unwrap();
        let out = whosaid(&["analyze", "-"], text.as_bytes());
        assert!(out.status.success());
        let a: Value = serde_json::from_slice(&out.stdout).unwrap();
        check_contract(text, &a, "codepoint");
        assert!(!a["quotes"].as_array().unwrap().is_empty(), "no quote found in {}", doc["id"]);
    }
}

#[test]
fn jsonl_keeps_order_and_names_bad_lines() {
    let input = format!(
        "{}\nthis is not json\n{}\n",
        serde_json::json!({"id": "a", "text": SAMPLE}),
        serde_json::json!({"id": "b", "text": "No quotes here."})
    );
    let out = whosaid(&["analyze", "--jsonl"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1), "a bad line makes the exit code 1");
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2: not JSON"));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    check_contract(SAMPLE, &lines[0], "codepoint");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[2]["id"], "b");
}

#[test]
fn non_utf8_input_names_the_byte_offset() {
    let out = whosaid(&["analyze", "-"], b"He said \xff no.");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8 at byte 8"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(whosaid(&["analyze", "--offsets", "bytes16", "-"], b"").status.code(), Some(2));
    assert_eq!(whosaid(&["analyze", "/no/such/file"], b"").status.code(), Some(2));
    assert_eq!(whosaid(&["frobnicate"], b"").status.code(), Some(2));
}

#[test]
fn continuations_option_splits_a_quotation_after_a_full_stop() {
    let text =
        "\"We will reopen the bridge,\" Ada Brook said on Tuesday. \"Then the trams run again.\"";
    let count = |how: &str| {
        let out = whosaid(&["analyze", "--continuations", how, "-"], text.as_bytes());
        assert_eq!(out.status.code(), Some(0), "{how}");
        let a: Value = serde_json::from_slice(&out.stdout).unwrap();
        check_contract(text, &a, "codepoint");
        a["quotes"].as_array().map(Vec::len)
    };
    assert_eq!((count("join"), count("separate")), (Some(1), Some(2)));
    let bad = whosaid(&["analyze", "--continuations", "split", "-"], b"");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown continuations 'split'"));
}

#[test]
fn text_format_is_a_table() {
    let out = whosaid(&["analyze", "--format", "text", "-"], SAMPLE.as_bytes());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("QUOTES ("));
    assert!(s.contains("It is done,"));
}
