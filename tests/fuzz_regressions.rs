//! Replays the fuzz seeds (fuzz/seeds/TARGET/) and every input a fuzzer has
//! crashed on (fuzz/regressions/TARGET/, one file per crash, kept after the
//! fix) through the same checks the fuzz targets run, so each crash stays a
//! regression test in `make test` without a fuzzer.

use std::path::Path;

#[allow(dead_code)]
mod support {
    include!("support/invariants.rs");
    include!("support/cases.rs");
}

/// Runs `case` on every file of fuzz/seeds/TARGET and fuzz/regressions/TARGET;
/// returns how many ran.
fn replay(target: &str, case: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else { continue };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let data = std::fs::read(&p).expect("read a fuzz input");
            if std::panic::catch_unwind(|| case(&data)).is_err() {
                panic!("fuzz input {} fails", p.display());
            }
            n += 1;
        }
    }
    n
}

#[test]
fn analyze_inputs_replay_cleanly() {
    assert!(replay("analyze", support::analyze_case) >= 10, "the seeds are missing");
}

#[test]
fn jsonl_inputs_replay_cleanly() {
    assert!(replay("jsonl", support::jsonl_case) >= 2, "the seeds are missing");
}
