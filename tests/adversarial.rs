//! Adversarial inputs: what people paste by accident or on purpose. Each
//! must be analysed without a panic, within a generous time limit that any
//! quadratic behaviour would blow by orders of magnitude (a linear engine
//! takes well under a second for each), and with output that keeps the
//! contract. Limits are per megabyte and loose, and count the CPU time of the
//! analysing thread where Linux tells it (/proc/thread-self/schedstat), so
//! a busy machine does not fail them; speed itself is measured by
//! `make bench`, not here.

use std::time::{Duration, Instant};
use whosaid::{analyze, Analysis, OffsetUnit, Options};

mod support {
    #![allow(dead_code)]
    include!("support/invariants.rs");
}

/// Allowed time: 2 s plus 2 s per MB in release builds (linear code needs
/// ~0.05 s/MB; a quadratic scan over a 1 MB input needs minutes), 20x that
/// in debug builds.
fn limit(len: usize) -> Duration {
    let per_mb = if cfg!(debug_assertions) { 40.0 } else { 2.0 };
    let base = if cfg!(debug_assertions) { 40.0 } else { 2.0 };
    Duration::from_secs_f64(base + per_mb * len as f64 / 1e6)
}

/// CPU time this thread has run, where the OS tells it (Linux).
fn thread_cpu_time() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(Duration::from_nanos(s.split_whitespace().next()?.parse().ok()?))
}

/// Analyses `text` in UTF-16 offsets (the browser's unit, which also
/// exercises conversion), checks the time limit and the contract.
fn run(what: &str, text: &str) -> Analysis {
    let (wall, cpu) = (Instant::now(), thread_cpu_time());
    let a = analyze(text, &Options { offsets: OffsetUnit::Utf16, ..Options::default() });
    let took = match (cpu, thread_cpu_time()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => wall.elapsed(),
    };
    assert!(
        took <= limit(text.len()),
        "{what}: {} bytes took {took:?} (limit {:?})",
        text.len(),
        limit(text.len())
    );
    if let Err(e) = support::check(text, OffsetUnit::Utf16, &a) {
        panic!("{what}: {e}");
    }
    a
}

#[test]
fn a_hundred_thousand_straight_double_quotes() {
    let a = run("100k \"", &"\"".repeat(100_000));
    assert!(a.quotes.len() <= 50_000);
    let a = run("100k \" with spaces", &"\" ".repeat(100_000));
    assert!(a.quotes.len() <= 50_000);
}

#[test]
fn a_hundred_thousand_of_every_quote_mark() {
    for mark in ["“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "「", "」"] {
        run(&format!("100k {mark}"), &mark.repeat(100_000));
        run(&format!("100k {mark}x"), &format!("{mark}x ").repeat(100_000));
    }
}

#[test]
fn one_five_megabyte_line_without_spaces() {
    let n = 5_000_000;
    run("5 MB of a", &"a".repeat(n));
    run("5 MB of a.", &"a.".repeat(n / 2));
    run("5 MB of A.B.", &"A.B.".repeat(n / 4));
    run("5 MB of word-word", &"ab-".repeat(n / 3));
    run("5 MB of 1,0", &"1,0".repeat(n / 3));
    run("5 MB of don't", &"don't".repeat(n / 5));
    run("5 MB of !", &"!".repeat(n));
    run("5 MB of emoji", &"😀".repeat(n / 4));
    run("5 MB of combining marks", &format!("e{}", "\u{301}".repeat(n / 2)));
    run("5 MB of said\"", &"said\"Ruiz,\"".repeat(n / 11));
    // A reporting verb followed by one aside after another.
    run("1 MB of , however,", &format!("Ruiz said{}", ", however,".repeat(100_000)));
}

#[test]
fn deeply_nested_quotes() {
    let depth = 20_000;
    let opens = ["“", "‘", "«", "„", "\"", "'", "‹"];
    let closes = ["”", "’", "»", "“", "\"", "'", "›"];
    let mut t = String::from("Ruiz said ");
    for i in 0..depth {
        t.push_str(opens[i % opens.len()]);
        t.push_str("we ");
    }
    for i in (0..depth).rev() {
        t.push_str("go");
        t.push_str(closes[i % closes.len()]);
    }
    t.push_str(", he said.");
    run("nested quotes", &t);
    run("nested quotes without spaces", &t.replace(' ', ""));
}

#[test]
fn a_megabyte_of_one_repeated_name() {
    run("1 MB of one name", &"Ana Ruiz ".repeat(1_000_000 / 9));
    run("1 MB of one surname", &"Ruiz ".repeat(1_000_000 / 5));
    run("1 MB of name said", &"Ana Ruiz said. ".repeat(1_000_000 / 15));
    run(
        "1 MB of quoted name",
        &"\"No,\" said Ana Ruiz. \"Yes,\" he added. ".repeat(1_000_000 / 38),
    );
    run(
        "1 MB of titled name",
        &"President Ana Ruiz of Northvale told Tomas Berg. ".repeat(1_000_000 / 49),
    );
    run("1 MB of capitalised words", &"Ana Ruiz Tomas Berg Acme Northvale ".repeat(1_000_000 / 35));
}

#[test]
fn one_sentence_and_one_paragraph_of_a_megabyte() {
    run("1 MB sentence", &"the minister said that ".repeat(1_000_000 / 23));
    run("1 MB of pronouns", &"he said she told them ".repeat(1_000_000 / 22));
    run("1 MB of sentences", &"He left. ".repeat(1_000_000 / 9));
    run("many paragraphs", &"\n\n".repeat(500_000));
    run("many short quoted paragraphs", &"\"Go.\n\n".repeat(1_000_000 / 6));
    // Speaker phrases that end in an object pronoun ("close to him say"),
    // chained: each is read once, with no recursion along the chain.
    run("1 MB of to him", &format!("Those close {}say it.", "to him ".repeat(1_000_000 / 7)));
    // A relative's antecedent before a verb ("who ... to be named said"),
    // chained: looked for once, with no recursion along the chain.
    run(
        "1 MB of who to be",
        &format!("{}said it.", "a man who wants to be ".repeat(1_000_000 / 22)),
    );
    // Relative speakers and their closing commas.
    run("1 MB of which said", &"Acme, which said it would, ".repeat(1_000_000 / 27));
    // Roles named later: each description is looked for in a bounded window.
    run(
        "1 MB of roles",
        &"The firm's chief engineer said the bridge was safe. ".repeat(1_000_000 / 52),
    );
}

/// Pseudo-random bytes (a fixed linear congruential generator), read as
/// UTF-8 with replacement characters, as a binary file pasted in would be.
#[test]
fn binary_looking_text() {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let bytes: Vec<u8> = (0..2_000_000)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 56) as u8
        })
        .collect();
    run("binary", &String::from_utf8_lossy(&bytes));
    // Mostly printable ASCII with quote marks and line breaks sprinkled in.
    let printable: String = bytes.iter().map(|b| char::from(b' ' + b % 95)).collect();
    run("printable noise", &printable);
    let control: String = bytes.iter().map(|b| char::from(b % 32)).collect();
    run("control characters", &control);
}

#[test]
fn nul_bytes() {
    run("1 MB of NUL", &"\0".repeat(1_000_000));
    run("NUL between words", &"\"We\0will\0win,\"\0Ruiz\0said.\0".repeat(30_000));
    let a = run("NUL beside a quote", "\0\"We will win,\" Ana Ruiz said.\0");
    assert!(a.quotes.iter().any(|q| q.text.starts_with("We will win")), "a NUL byte hid the quote");
}

#[test]
fn tiny_inputs() {
    for t in [
        "", " ", "\"", "“", "”", "'", "\0", "\u{feff}", "\n", "😀", "a", ".", "\"\"", "“”", "said",
        "He said", "\u{301}",
    ] {
        run(&format!("{t:?}"), t);
    }
}
